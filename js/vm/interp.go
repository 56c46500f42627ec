package vm

import (
	"fmt"
	"runtime/debug"
	"sync/atomic"

	"glassbox/js/bytecode"
)

// Limits on recursion: JavaScript frames on the interpreter's stack, and
// nested entries into the interpreter from Go (built-ins calling back).
const (
	MaxFrames    = 10000
	MaxHostDepth = 400
)

// Interp is an agent: the interpreter state shared by its realms, with the
// frame stack and the job queue. It is used from one goroutine at a time,
// except for Interrupt.
type Interp struct {
	realm     *Realm // the current realm
	frames    []*frame
	free      []*frame
	hostDepth int
	interrupt atomic.Bool
	jobs      []func() error
	lastThrow *Exception
	rejected  []*Object        // promises rejected while unhandled
	joining   map[*Object]bool // arrays being joined, to cut cycles
	weak      weakAgent        // WeakRef kept objects, finalization queue

	// Well-known symbols, shared by all realms of the agent.
	SymIterator, SymAsyncIterator, SymHasInstance, SymToPrimitive, SymToStringTag *Symbol
	SymSpecies, SymIsConcatSpreadable, SymUnscopables, SymMatch, SymMatchAll      *Symbol
	SymReplace, SymSearch, SymSplit, SymDispose, SymAsyncDispose                  *Symbol
	symbolRegistry                                                                map[string]*Symbol

	// Compile turns source into a template; set by the embedder so that
	// Function() and eval can compile without an import cycle.
	Compile func(name, src string, strict bool) (*bytecode.FunctionTemplate, error)
	// CompileEval compiles eval code against the bindings its caller
	// sees (none for an indirect eval).
	CompileEval func(src string, scope *bytecode.EvalScope) (*bytecode.FunctionTemplate, error)

	// CanBlock is the agent's [[CanBlock]]: whether Atomics.wait may
	// suspend it. A browser's main thread cannot block.
	CanBlock bool

	// taLength caches, per element type, the prototype chain last seen
	// to lead a typed array's length to the built-in getter (typedarray.go).
	taLength [numTAKinds]taLengthCache
	// asyncWaits are the pending Atomics.waitAsync calls (builtin_atomics.go).
	asyncWaits []*asyncWait

	// HostLoadImportedModule finds the modules that import declarations
	// and import() name; set by the embedder (see module.go).
	HostLoadImportedModule HostLoader
	// HostImportMetaProperties gives the properties of a module's
	// import.meta, made on its first use.
	HostImportMetaProperties func(m *Module) []MetaProperty
	asyncCounter             int // the last [[AsyncEvaluationOrder]] given
}

// frame is one activation of a bytecode function. Frames live on the heap:
// a suspended generator keeps its frame.
type frame struct {
	fnObj     *Object
	fn        *Function
	tmpl      *bytecode.FunctionTemplate
	data      *templateData
	regs      []Value
	acc       Value
	pc        int
	ctx       *Context
	newTarget *Object
	args      []Value
	construct bool
	entry     bool       // return to Go when this frame returns
	gen       *generator // non-nil while running a generator or async body
	realm     *Realm
}

// NewInterp makes an agent with one realm, which it returns.
func NewInterp() (*Interp, *Realm) {
	it := &Interp{symbolRegistry: map[string]*Symbol{}}
	mk := func(d string) *Symbol { return &Symbol{Description: Str(d)} }
	it.SymIterator = mk("Symbol.iterator")
	it.SymAsyncIterator = mk("Symbol.asyncIterator")
	it.SymHasInstance = mk("Symbol.hasInstance")
	it.SymToPrimitive = mk("Symbol.toPrimitive")
	it.SymToStringTag = mk("Symbol.toStringTag")
	it.SymSpecies = mk("Symbol.species")
	it.SymIsConcatSpreadable = mk("Symbol.isConcatSpreadable")
	it.SymUnscopables = mk("Symbol.unscopables")
	it.SymMatch = mk("Symbol.match")
	it.SymMatchAll = mk("Symbol.matchAll")
	it.SymReplace = mk("Symbol.replace")
	it.SymSearch = mk("Symbol.search")
	it.SymSplit = mk("Symbol.split")
	it.SymDispose = mk("Symbol.dispose")
	it.SymAsyncDispose = mk("Symbol.asyncDispose")
	r := it.NewRealm()
	it.realm = r
	return it, r
}

// Realm returns the current realm.
func (it *Interp) Realm() *Realm { return it.realm }

// SetRealm makes r the current realm (for the embedder, between scripts).
func (it *Interp) SetRealm(r *Realm) { it.realm = r }

// Interrupt asks the running script to stop; safe from any goroutine.
func (it *Interp) Interrupt() { it.interrupt.Store(true) }

// checkInterrupt returns *Interrupted once Interrupt has been called. Loops
// in built-ins whose trip count scripts control (a length up to 2^53-1, an
// endless iterator) call it on every iteration, as the interpreter checks
// at loop back edges and calls, so that Interrupt stops them too.
func (it *Interp) checkInterrupt() error {
	if it.interrupt.Load() {
		return &Interrupted{}
	}
	return nil
}

// ClearInterrupt drops a pending interrupt.
func (it *Interp) ClearInterrupt() { it.interrupt.Store(false) }

// EnqueueJob adds a job to the queue (promise reactions).
func (it *Interp) EnqueueJob(j func() error) { it.jobs = append(it.jobs, j) }

// RunJobs runs queued jobs until none are left, stopping at the first
// error.
func (it *Interp) RunJobs() error {
	it.enqueueFinalizations()
	for {
		if len(it.asyncWaits) > 0 {
			it.pollAsyncWaits()
		}
		if len(it.jobs) == 0 {
			break
		}
		j := it.jobs[0]
		it.jobs[0] = nil
		it.jobs = it.jobs[1:]
		err := it.guard(j)
		it.clearKeptObjects()
		if err != nil {
			return err
		}
	}
	it.jobs = nil
	return nil
}

// HasJobs reports whether jobs are queued.
func (it *Interp) HasJobs() bool { return len(it.jobs) > 0 }

// guard runs f, turning a Go panic into an InternalError and leaving the
// frame stack as it found it.
func (it *Interp) guard(f func() error) (err error) {
	depth := len(it.frames)
	hd := it.hostDepth
	realm := it.realm
	defer func() {
		if p := recover(); p != nil {
			err = &InternalError{Panic: p, Stack: string(debug.Stack())}
		}
		if err != nil {
			it.frames = it.frames[:depth]
			it.hostDepth = hd
			it.realm = realm
		}
		if _, ok := err.(*Interrupted); ok {
			it.interrupt.Store(false)
		}
	}()
	return f()
}

// RunTemplate runs a compiled script body in realm r.
func (it *Interp) RunTemplate(r *Realm, t *bytecode.FunctionTemplate) (result Value, err error) {
	err = it.guard(func() error {
		prev := it.realm
		it.realm = r
		defer func() { it.realm = prev }()
		fn := &Function{tmpl: t, realm: r}
		obj := newObjectClass(r.FunctionPrototype, ClassFunction)
		obj.fn = fn
		fr := it.newFrame(obj, fn, ObjValue(r.Global), nil, nil)
		fr.entry = true
		var e error
		result, e = it.run(fr)
		return e
	})
	if len(it.frames) == 0 {
		it.clearKeptObjects() // the script is done: ClearKeptObjects
	}
	return result, err
}

// runNested runs a script body from inside a built-in (eval, Function).
func (it *Interp) runNested(r *Realm, t *bytecode.FunctionTemplate) (Value, error) {
	fn := &Function{tmpl: t, realm: r}
	obj := newObjectClass(r.FunctionPrototype, ClassFunction)
	obj.fn = fn
	fr := it.newFrame(obj, fn, ObjValue(r.Global), nil, nil)
	fr.entry = true
	return it.reenter(fr)
}

// newFrame prepares a frame for fnObj with arguments args.
func (it *Interp) newFrame(fnObj *Object, fn *Function, this Value, args []Value, newTarget *Object) *frame {
	t := fn.tmpl
	var fr *frame
	if n := len(it.free); n > 0 {
		fr = it.free[n-1]
		it.free = it.free[:n-1]
	} else {
		fr = &frame{}
	}
	regs := fr.regs
	if cap(regs) >= t.Registers {
		regs = regs[:t.Registers]
		clear(regs)
	} else {
		regs = make([]Value, t.Registers)
	}
	fr.fnObj, fr.fn, fr.tmpl, fr.data, fr.regs = fnObj, fn, t, dataOf(t), regs
	fr.acc, fr.pc, fr.ctx, fr.newTarget, fr.args = Undefined, 0, fn.ctx, newTarget, args
	fr.construct, fr.entry, fr.gen, fr.realm = false, false, nil, fn.realm
	if !t.Strict() && t.Kind != bytecode.ArrowFunction && this.kind != KindObject {
		if this.IsNullish() {
			this = ObjValue(fn.realm.Global)
		} else {
			o, _ := it.ToObject(this)
			this = ObjValue(o)
		}
	}
	regs[0] = this
	n := min(len(args), t.ParamCount)
	copy(regs[1:], args[:n])
	return fr
}

func (it *Interp) releaseFrame(fr *frame) {
	if fr.gen != nil || len(it.free) > 64 {
		return
	}
	fr.fnObj, fr.fn, fr.args, fr.newTarget, fr.ctx, fr.acc = nil, nil, nil, nil, nil, Undefined
	it.free = append(it.free, fr)
}

// Call calls f with this and args; f must be callable.
func (it *Interp) Call(f Value, this Value, args ...Value) (Value, error) {
	o := f.Obj()
	if o == nil || o.fn == nil {
		return Undefined, it.typeError(describeForError(f) + " is not a function")
	}
	return it.callObject(o, this, args)
}

// callObject calls a callable object from Go.
func (it *Interp) callObject(o *Object, this Value, args []Value) (Value, error) {
	fn := o.fn
	if fn.host != nil {
		return it.callHost(o, fn, this, args, nil)
	}
	if fn.boundTarget != nil {
		return it.callObject(fn.boundTarget, fn.boundThis, append(append([]Value(nil), fn.boundArgs...), args...))
	}
	if fn.isClass {
		return Undefined, it.typeError("Class constructor " + fn.tmpl.Name + " cannot be invoked without 'new'")
	}
	if fn.tmpl.Flags&(bytecode.FlagGenerator|bytecode.FlagAsync) != 0 {
		return it.startGenerator(o, fn, this, args)
	}
	fr := it.newFrame(o, fn, this, args, nil)
	fr.entry = true
	return it.reenter(fr)
}

// reenter runs fr from Go, bounding the nesting of Go and JS.
func (it *Interp) reenter(fr *frame) (Value, error) {
	if err := it.checkInterrupt(); err != nil {
		return Undefined, err
	}
	if it.hostDepth >= MaxHostDepth {
		return Undefined, it.rangeError("Maximum call stack size exceeded")
	}
	it.hostDepth++
	v, err := it.run(fr)
	it.hostDepth--
	return v, err
}

func (it *Interp) callHost(o *Object, fn *Function, this Value, args []Value, newTarget *Object) (Value, error) {
	if err := it.checkInterrupt(); err != nil {
		return Undefined, err
	}
	if it.hostDepth >= MaxHostDepth {
		return Undefined, it.rangeError("Maximum call stack size exceeded")
	}
	prev := it.realm
	if fn.realm != nil { // proxies run in their caller's realm
		it.realm = fn.realm
	}
	it.hostDepth++
	v, err := fn.host(it, this, args, newTarget)
	it.hostDepth--
	it.realm = prev
	return v, err
}

// Construct is [[Construct]] of f with args and newTarget (f itself when
// nil).
func (it *Interp) Construct(f Value, args []Value, newTarget *Object) (Value, error) {
	o := f.Obj()
	if o == nil || !o.IsConstructor() {
		return Undefined, it.typeError(describeForError(f) + " is not a constructor")
	}
	if newTarget == nil {
		newTarget = o
	}
	fn := o.fn
	if fn.host != nil {
		return it.callHost(o, fn, Undefined, args, newTarget)
	}
	if fn.boundTarget != nil {
		if newTarget == o {
			newTarget = fn.boundTarget
		}
		return it.Construct(ObjValue(fn.boundTarget), append(append([]Value(nil), fn.boundArgs...), args...), newTarget)
	}
	fr, err := it.constructFrame(o, fn, args, newTarget)
	if err != nil {
		return Undefined, err
	}
	fr.entry = true
	return it.reenter(fr)
}

// constructFrame prepares a frame to construct with bytecode function fn.
func (it *Interp) constructFrame(o *Object, fn *Function, args []Value, newTarget *Object) (*frame, error) {
	this := Hole
	if !fn.derived {
		proto, err := it.protoFromCtor(newTarget, func(r *Realm) *Object { return r.ObjectPrototype })
		if err != nil {
			return nil, err
		}
		this = ObjValue(NewObject(proto))
	}
	fr := it.newFrame(o, fn, this, args, newTarget)
	fr.construct = true
	if !fn.derived && fn.fields != nil {
		if _, err := it.callObject(fn.fields, this, nil); err != nil {
			it.releaseFrame(fr)
			return nil, err
		}
	}
	return fr, nil
}

// protoFromCtor is GetPrototypeFromConstructor.
func (it *Interp) protoFromCtor(ctor *Object, fallback func(*Realm) *Object) (*Object, error) {
	p, err := it.getStr(ctor, "prototype")
	if err != nil {
		return nil, err
	}
	if p.IsObject() {
		return p.Obj(), nil
	}
	r, err := it.functionRealm(ctor)
	if err != nil {
		return nil, err
	}
	return fallback(r), nil
}

// functionRealm is GetFunctionRealm: the realm of a function, through
// bound functions and proxies, or the current realm.
func (it *Interp) functionRealm(o *Object) (*Realm, error) {
	for o != nil && o.fn != nil {
		if o.fn.realm != nil && o.fn.boundTarget == nil {
			return o.fn.realm, nil
		}
		if o.fn.boundTarget != nil {
			o = o.fn.boundTarget
			continue
		}
		p, ok := o.internal.(*proxyState)
		if !ok || o.class != ClassProxy {
			break
		}
		if p.handler == nil {
			return nil, it.typeError("Cannot perform 'GetFunctionRealm' on a proxy that has been revoked")
		}
		o = p.target
	}
	return it.realm, nil
}

func isCallable(v Value) bool {
	o := v.Obj()
	return o != nil && o.fn != nil
}

// describeForError renders a value briefly for messages like "x is not a
// function".
func describeForError(v Value) string {
	switch v.kind {
	case KindString:
		return fmt.Sprintf("%q", v.Strv().String())
	case KindObject:
		if v.Obj().class == ClassArray {
			return "object"
		}
		if v.Obj().fn != nil {
			return "function"
		}
		return "#<Object>"
	case KindSymbol:
		return v.Sym().String()
	}
	s, _ := (&Interp{}).ToString(v)
	return s.String()
}

// Guard runs f with panics turned into *InternalError and the
// interpreter's state restored after an error.
func (it *Interp) Guard(f func() error) error { return it.guard(f) }

// SetProperty assigns obj[k] = v as strict code does.
func (it *Interp) SetProperty(obj Value, k PropKey, v Value) error { return it.setV(obj, k, v, true) }

// GetProperty reads obj[k] for any value obj.
func (it *Interp) GetProperty(obj Value, k PropKey) (Value, error) { return it.getV(obj, k) }

// DefineOwn defines a data property with attributes a, without checks.
func (o *Object) DefineOwn(k PropKey, v Value, a Attr) { o.defineOwn(k, v, a) }

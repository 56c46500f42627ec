package vm

import "glassbox/js/bytecode"

type genState uint8

const (
	genSuspendedStart genState = iota
	genSuspendedYield
	genExecuting
	genAwaiting
	genDone
)

// Resume modes, as ResumeGenerator reports them to the generator body.
const (
	resumeNext = iota
	resumeThrow
	resumeReturn
)

// generator is the state of a generator or async function activation: a
// frame kept on the heap between resumptions.
type generator struct {
	state   genState
	frame   *frame
	mode    int
	promise *Object // async functions: the promise of the call
	async   *asyncGen
}

// startGenerator handles a call of a generator or async function.
func (it *Interp) startGenerator(o *Object, fn *Function, this Value, args []Value) (Value, error) {
	fr := it.newFrame(o, fn, this, append([]Value(nil), args...), nil)
	fr.regs = append([]Value(nil), fr.regs...) // own the registers for good
	fr.entry = true
	g := &generator{frame: fr}
	fr.gen = g
	r := fn.realm
	if fn.tmpl.Flags&bytecode.FlagGenerator != 0 {
		// Run the prologue: parameters and declarations, up to the
		// suspension before the body.
		g.state = genExecuting
		if _, err := it.reenter(fr); err != nil {
			g.state = genDone
			return Undefined, err
		}
	}
	if fn.tmpl.Flags&bytecode.FlagAsync != 0 {
		if fn.tmpl.Flags&bytecode.FlagGenerator != 0 {
			return it.startAsyncGenerator(o, g)
		}
		g.promise = r.newPromise()
		it.asyncStep(g, resumeNext, Undefined)
		return ObjValue(g.promise), nil
	}
	proto := r.GeneratorPrototype
	if p, err := it.getStr(o, "prototype"); err == nil && p.IsObject() {
		proto = p.Obj()
	}
	gobj := newObjectClass(proto, ClassGenerator)
	gobj.internal = g
	return ObjValue(gobj), nil
}

// resume continues a generator with mode and value, returning what it
// yields or returns and whether it is done.
func (it *Interp) resume(g *generator, mode int, v Value) (Value, bool, error) {
	switch g.state {
	case genExecuting, genAwaiting:
		return Undefined, false, it.typeError("Generator is already running")
	case genDone:
		switch mode {
		case resumeThrow:
			return Undefined, true, it.Throw(v)
		case resumeReturn:
			return v, true, nil
		}
		return Undefined, true, nil
	case genSuspendedStart:
		switch mode {
		case resumeThrow:
			g.state = genDone
			return Undefined, true, it.Throw(v)
		case resumeReturn:
			g.state = genDone
			return v, true, nil
		}
	}
	fr := g.frame
	fr.acc = v
	g.mode = mode
	g.state = genExecuting
	res, err := it.reenter(fr)
	if err != nil {
		g.state = genDone
		return Undefined, true, err
	}
	if g.state == genDone {
		return res, true, nil
	}
	return res, false, nil
}

// asyncStep runs an async function until it awaits or finishes.
func (it *Interp) asyncStep(g *generator, mode int, v Value) {
	fr := g.frame
	fr.acc = v
	g.mode = mode
	g.state = genExecuting
	res, err := it.reenter(fr)
	r := fr.realm
	if err != nil {
		g.state = genDone
		if ex, ok := err.(*Exception); ok {
			it.rejectPromise(g.promise, ex.Value)
			return
		}
		// Uncatchable: leave the promise pending; the error is lost here
		// but the interrupt flag already ended the script.
		return
	}
	if g.state == genDone {
		it.resolvePromise(g.promise, res)
		return
	}
	// Awaiting res.
	p := it.promiseResolve(r, res)
	it.performThen(p,
		func(val Value) (Value, error) { it.asyncStep(g, resumeNext, val); return Undefined, nil },
		func(reason Value) (Value, error) { it.asyncStep(g, resumeThrow, reason); return Undefined, nil })
}

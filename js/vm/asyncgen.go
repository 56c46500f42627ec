package vm

// Async generators: a queue of next/throw/return requests, each with the
// promise it answers, served one at a time by running the generator's
// frame until it yields, awaits or finishes.

type agRequest struct {
	mode    int
	value   Value
	promise *Object
}

// asyncGen is the extra state of an async generator.
type asyncGen struct {
	queue   []agRequest
	running bool // a request is being served (possibly across awaits)
}

// startAsyncGenerator handles a call of an async generator function.
func (it *Interp) startAsyncGenerator(o *Object, g *generator) (Value, error) {
	r := g.frame.realm
	proto := r.AsyncGeneratorPrototype
	if p, err := it.getStr(o, "prototype"); err == nil && p.IsObject() {
		proto = p.Obj()
	}
	gobj := newObjectClass(proto, ClassGenerator)
	g.async = &asyncGen{}
	gobj.internal = g
	return ObjValue(gobj), nil
}

// asyncGenEnqueue is AsyncGenerator.prototype.next/throw/return.
func (it *Interp) asyncGenEnqueue(this Value, mode int, v Value) Value {
	r := it.realm
	p := r.newPromise()
	o := this.Obj()
	var g *generator
	if o != nil {
		g, _ = o.internal.(*generator)
	}
	if g == nil || g.async == nil {
		it.rejectPromise(p, ObjValue(it.NewError(TypeError, "AsyncGenerator method called on incompatible receiver")))
		return ObjValue(p)
	}
	g.async.queue = append(g.async.queue, agRequest{mode, v, p})
	if !g.async.running {
		it.asyncGenResumeNext(g)
	}
	return ObjValue(p)
}

// asyncGenResumeNext serves queued requests until one leaves the
// generator running (suspended at an await) or the queue is empty.
func (it *Interp) asyncGenResumeNext(g *generator) {
	ag := g.async
	for len(ag.queue) > 0 && !ag.running {
		req := ag.queue[0]
		if g.state == genSuspendedStart && req.mode != resumeNext {
			g.state = genDone
		}
		if g.state == genDone {
			ag.queue = ag.queue[1:]
			switch req.mode {
			case resumeThrow:
				it.rejectPromise(req.promise, req.value)
			case resumeReturn:
				it.resolvePromise(req.promise, it.iterResult(req.value, true))
			default:
				it.resolvePromise(req.promise, it.iterResult(Undefined, true))
			}
			continue
		}
		ag.running = true
		it.asyncGenStep(g, req.mode, req.value)
	}
}

// asyncGenStep runs the generator with a resumption and settles the
// request at the head of the queue when it yields or finishes.
func (it *Interp) asyncGenStep(g *generator, mode int, v Value) {
	ag := g.async
	fr := g.frame
	fr.acc = v
	g.mode = mode
	g.state = genExecuting
	res, err := it.reenter(fr)
	settle := func(f func(p *Object)) {
		req := ag.queue[0]
		ag.queue = ag.queue[1:]
		ag.running = false
		f(req.promise)
		it.asyncGenResumeNext(g)
	}
	if err != nil {
		g.state = genDone
		ex, ok := err.(*Exception)
		if !ok {
			ag.running = false
			return
		}
		settle(func(p *Object) { it.rejectPromise(p, ex.Value) })
		return
	}
	switch g.state {
	case genAwaiting:
		p := it.promiseResolve(fr.realm, res)
		it.performThen(p,
			func(val Value) (Value, error) { it.asyncGenStep(g, resumeNext, val); return Undefined, nil },
			func(reason Value) (Value, error) { it.asyncGenStep(g, resumeThrow, reason); return Undefined, nil })
	case genSuspendedYield:
		settle(func(p *Object) { it.resolvePromise(p, it.iterResult(res, false)) })
	default:
		settle(func(p *Object) { it.resolvePromise(p, it.iterResult(res, true)) })
	}
}

// asyncIteratorNext calls next() on an async iterator record and returns
// what to await: the promise next() returned or, for a sync iterator
// used by for await, a promise of its result with the value awaited.
func (it *Interp) asyncIteratorNext(rv Value) (Value, error) {
	rec := recordOf(rv)
	if !rec.sync {
		res, err := it.Call(rec.next, rec.iter)
		if err != nil {
			return Undefined, err
		}
		return res, nil
	}
	v, err := it.iteratorStep(rv)
	if err != nil {
		return Undefined, err
	}
	r := it.realm
	if v.kind == KindHole {
		return it.iterResult(Undefined, true), nil
	}
	d := r.newPromise()
	it.performThen(it.promiseResolve(r, v),
		func(x Value) (Value, error) { it.resolvePromise(d, it.iterResult(x, false)); return Undefined, nil },
		func(e Value) (Value, error) { it.rejectPromise(d, e); return Undefined, nil })
	return ObjValue(d), nil
}

func (r *Realm) initAsyncGenerators() {
	agp := r.AsyncGeneratorPrototype
	agp.defineOwn(SymKey(r.it.SymToStringTag), Str("AsyncGenerator"), Configurable)
	for name, mode := range map[string]int{"next": resumeNext, "throw": resumeThrow, "return": resumeReturn} {
		mode := mode
		r.method(agp, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			return it.asyncGenEnqueue(this, mode, arg(args, 0)), nil
		})
	}
	aip := NewObject(r.ObjectPrototype)
	r.symMethod(aip, r.it.SymAsyncIterator, "[Symbol.asyncIterator]", 0, func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		return this, nil
	})
	agp.setProto(aip)
	r.initAsyncFromSync(aip)
}

// Modes of yield* in an async generator beyond the resumption modes: the
// inner iterator had no throw method and is being closed, or no return
// method and the received value is being returned.
const (
	yieldStarClosing = 3
	yieldStarReturn  = 4
)

// getAsyncDelegate is GetIterator(v, async) for yield*: a sync iterable
// is wrapped in an async-from-sync iterator object.
func (it *Interp) getAsyncDelegate(v Value) (Value, error) {
	m, err := it.getV(v, SymKey(it.SymAsyncIterator))
	if err != nil {
		return Undefined, err
	}
	if m.IsNullish() {
		return it.asyncFromSyncRecord(v)
	}
	rec := &iterRecord{}
	return it.iteratorFrom(v, m, rec, func() Value {
		o := NewObject(nil)
		o.internal = rec
		return ObjValue(o)
	})
}

// asyncYieldStarStep forwards one resumption of yield* in an async
// generator (args: iterator record, mode, received) to the inner iterator
// and returns what the generator awaits next. When the iterator lacks the
// method, the mode register becomes yieldStarClosing or yieldStarReturn.
func (it *Interp) asyncYieldStarStep(args []Value) (Value, error) {
	rec := recordOf(args[0])
	received := args[2]
	switch int(args[1].num) {
	case resumeNext:
		return it.Call(rec.next, rec.iter, received)
	case resumeThrow:
		m, err := it.getMethod(rec.iter, StrKey("throw"))
		if err != nil {
			return Undefined, err
		}
		if m.IsUndefined() {
			// AsyncIteratorClose, then a TypeError.
			args[1] = Int(yieldStarClosing)
			ret, err := it.getMethod(rec.iter, StrKey("return"))
			if err != nil {
				return Undefined, err
			}
			if ret.IsUndefined() {
				return Undefined, it.typeError("The iterator does not provide a 'throw' method")
			}
			return it.Call(ret, rec.iter)
		}
		return it.Call(m, rec.iter, received)
	}
	m, err := it.getMethod(rec.iter, StrKey("return"))
	if err != nil {
		return Undefined, err
	}
	if m.IsUndefined() {
		args[1] = Int(yieldStarReturn)
		return received, nil
	}
	return it.Call(m, rec.iter, received)
}

// asyncYieldStarResult checks the awaited result of a step.
func (it *Interp) asyncYieldStarResult(args []Value) (Value, error) {
	mode, res := int(args[1].num), args[2]
	if mode == yieldStarReturn {
		return res, nil
	}
	if !res.IsObject() {
		return Undefined, it.typeError("Iterator result " + describeForError(res) + " is not an object")
	}
	if mode == yieldStarClosing {
		return Undefined, it.typeError("The iterator does not provide a 'throw' method")
	}
	return res, nil
}

// getMethod is GetMethod(v, k): undefined for null or undefined, a
// TypeError for anything else that is not callable.
func (it *Interp) getMethod(v Value, k PropKey) (Value, error) {
	m, err := it.getV(v, k)
	if err != nil {
		return Undefined, err
	}
	if m.IsNullish() {
		return Undefined, nil
	}
	if !isCallable(m) {
		return Undefined, it.typeError(describeForError(m) + " is not a function")
	}
	return m, nil
}

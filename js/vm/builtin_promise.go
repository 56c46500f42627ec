package vm

type promiseState uint8

const (
	promisePending promiseState = iota
	promiseFulfilled
	promiseRejected
)

// promise is the internal state of a Promise object.
type promise struct {
	state     promiseState
	result    Value
	reactions []reaction
	handled   bool
}

// reaction runs when a promise settles: a Go callback for each outcome.
type reaction struct {
	onFulfilled, onRejected func(Value) (Value, error)
}

func (r *Realm) newPromise() *Object {
	o := newObjectClass(r.PromisePrototype, ClassPromise)
	o.internal = &promise{}
	return o
}

func promiseOf(o *Object) *promise {
	if o == nil {
		return nil
	}
	p, _ := o.internal.(*promise)
	return p
}

// resolvePromise is the promise resolve function: it adopts thenables.
func (it *Interp) resolvePromise(p *Object, v Value) {
	st := promiseOf(p)
	if st.state != promisePending {
		return
	}
	if vo := v.Obj(); vo != nil {
		if vo == p {
			it.rejectPromise(p, ObjValue(it.NewError(TypeError, "Chaining cycle detected for promise")))
			return
		}
		then, err := it.Get(vo, StrKey("then"))
		if err != nil {
			it.rejectPromise(p, exceptionValue(err))
			return
		}
		if isCallable(then) {
			it.EnqueueJob(func() error {
				var called bool
				res := it.realm.newFunc("", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
					if !called {
						called = true
						it.resolvePromise(p, arg(args, 0))
					}
					return Undefined, nil
				})
				rej := it.realm.newFunc("", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
					if !called {
						called = true
						it.rejectPromise(p, arg(args, 0))
					}
					return Undefined, nil
				})
				if _, err := it.Call(then, v, ObjValue(res), ObjValue(rej)); err != nil {
					if ex, ok := err.(*Exception); ok {
						if !called {
							called = true
							it.rejectPromise(p, ex.Value)
						}
						return nil
					}
					return err
				}
				return nil
			})
			return
		}
	}
	it.settle(p, promiseFulfilled, v)
}

func (it *Interp) rejectPromise(p *Object, reason Value) {
	if promiseOf(p).state == promisePending {
		it.settle(p, promiseRejected, reason)
	}
}

func (it *Interp) settle(p *Object, s promiseState, v Value) {
	st := promiseOf(p)
	st.state, st.result = s, v
	if s == promiseRejected && !st.handled {
		it.rejected = append(it.rejected, p)
	}
	for _, re := range st.reactions {
		it.queueReaction(re, s, v)
	}
	st.reactions = nil
}

func (it *Interp) queueReaction(re reaction, s promiseState, v Value) {
	it.EnqueueJob(func() error {
		f := re.onFulfilled
		if s == promiseRejected {
			f = re.onRejected
		}
		_, err := f(v)
		return err
	})
}

// performThen registers Go callbacks on promise p.
func (it *Interp) performThen(p *Object, onF, onR func(Value) (Value, error)) {
	st := promiseOf(p)
	st.handled = true
	re := reaction{onF, onR}
	if st.state == promisePending {
		st.reactions = append(st.reactions, re)
		return
	}
	it.queueReaction(re, st.state, st.result)
}

// promiseResolve is PromiseResolve(%Promise%, v).
func (it *Interp) promiseResolve(r *Realm, v Value) *Object {
	if o := v.Obj(); o != nil && o.class == ClassPromise {
		if c, err := it.Get(o, keyConstructor); err == nil && c.Obj() == r.Promise {
			return o
		}
	}
	p := r.newPromise()
	it.resolvePromise(p, v)
	return p
}

// exceptionValue extracts the thrown value from an error.
func exceptionValue(err error) Value {
	if ex, ok := err.(*Exception); ok {
		return ex.Value
	}
	return Str(err.Error())
}

// settleCapability is settleDerived for a promise capability of another
// constructor: the outcome goes to its resolve or reject function.
func (it *Interp) settleCapability(pc *promiseCapability, h Value, v Value, rejected bool) error {
	settle := pc.resolve
	if !isCallable(h) {
		if rejected {
			settle = pc.reject
		}
	} else {
		res, err := it.Call(h, Undefined, v)
		if err != nil {
			ex, ok := err.(*Exception)
			if !ok {
				return err
			}
			res, settle = ex.Value, pc.reject
		}
		v = res
	}
	if _, err := it.Call(settle, Undefined, v); err != nil {
		if _, ok := err.(*Exception); !ok {
			return err
		}
	}
	return nil
}

// promiseResolveWith is PromiseResolve(C, x).
func (it *Interp) promiseResolveWith(c *Object, x Value) (Value, error) {
	if xo := x.Obj(); xo != nil && xo.class == ClassPromise {
		xc, err := it.Get(xo, keyConstructor)
		if err != nil {
			return Undefined, err
		}
		if xc.Obj() == c {
			return x, nil
		}
	}
	pc, err := it.newPromiseCapability(it.realm, ObjValue(c))
	if err != nil {
		return Undefined, err
	}
	if _, err := it.Call(pc.resolve, Undefined, x); err != nil {
		return Undefined, err
	}
	return pc.promise, nil
}

// settleDerived runs handler h (or passes v through) and settles the
// derived promise d with the outcome; uncatchable errors propagate.
func (it *Interp) settleDerived(d *Object, h Value, v Value, rejected bool) error {
	if !isCallable(h) {
		if rejected {
			it.rejectPromise(d, v)
		} else {
			it.resolvePromise(d, v)
		}
		return nil
	}
	res, err := it.Call(h, Undefined, v)
	if err != nil {
		if ex, ok := err.(*Exception); ok {
			it.rejectPromise(d, ex.Value)
			return nil
		}
		return err
	}
	it.resolvePromise(d, res)
	return nil
}

func (r *Realm) initPromise() {
	p := NewObject(r.ObjectPrototype)
	r.PromisePrototype = p
	p.defineOwn(SymKey(r.it.SymToStringTag), Str("Promise"), Configurable)
	c := r.newCtor("Promise", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Promise constructor cannot be invoked without 'new'")
		}
		exec := arg(args, 0)
		if !isCallable(exec) {
			return Undefined, it.typeError("Promise resolver " + describeForError(exec) + " is not a function")
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.PromisePrototype })
		if err != nil {
			return Undefined, err
		}
		po := newObjectClass(proto, ClassPromise)
		po.internal = &promise{}
		res, rej := r.resolvingFunctions(po)
		if _, err := it.Call(exec, Undefined, ObjValue(res), ObjValue(rej)); err != nil {
			if ex, ok := err.(*Exception); ok {
				it.Call(ObjValue(rej), Undefined, ex.Value)
			} else {
				return Undefined, err
			}
		}
		return ObjValue(po), nil
	}, p)
	r.Promise = c
	r.getterNamed(c, SymKey(r.it.SymSpecies), "get [Symbol.species]", func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		return this, nil
	})
	r.method(p, "then", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		po := this.Obj()
		if promiseOf(po) == nil {
			return Undefined, it.typeError("Promise.prototype.then called on incompatible receiver " + describeForError(this))
		}
		c, err := it.speciesConstructorOf(po, it.realm.Promise)
		if err != nil {
			return Undefined, err
		}
		onF, onR := arg(args, 0), arg(args, 1)
		if c == it.realm.Promise {
			d := it.realm.newPromise()
			it.performThen(po,
				func(v Value) (Value, error) { return Undefined, it.settleDerived(d, onF, v, false) },
				func(v Value) (Value, error) { return Undefined, it.settleDerived(d, onR, v, true) })
			return ObjValue(d), nil
		}
		pc, err := it.newPromiseCapability(it.realm, ObjValue(c))
		if err != nil {
			return Undefined, err
		}
		it.performThen(po,
			func(v Value) (Value, error) { return Undefined, it.settleCapability(pc, onF, v, false) },
			func(v Value) (Value, error) { return Undefined, it.settleCapability(pc, onR, v, true) })
		return pc.promise, nil
	})
	r.method(p, "catch", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		then, err := it.getV(this, StrKey("then"))
		if err != nil {
			return Undefined, err
		}
		return it.Call(then, this, Undefined, arg(args, 0))
	})
	r.method(p, "finally", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		po := this.Obj()
		if po == nil {
			return Undefined, it.typeError("Promise.prototype.finally called on non-object " + describeForError(this))
		}
		c, err := it.speciesConstructorOf(po, it.realm.Promise)
		if err != nil {
			return Undefined, err
		}
		f := arg(args, 0)
		invokeThen := func(on Value, args ...Value) (Value, error) {
			then, err := it.getV(on, StrKey("then"))
			if err != nil {
				return Undefined, err
			}
			return it.Call(then, on, args...)
		}
		if !isCallable(f) {
			return invokeThen(this, f, f)
		}
		// after makes thenFinally (rethrow false) or catchFinally: call
		// onFinally, wait for its result, then pass the value on.
		after := func(rethrow bool) *Object {
			return it.realm.newFunc("", 1, func(it *Interp, _ Value, a []Value, _ *Object) (Value, error) {
				res, err := it.Call(f, Undefined)
				if err != nil {
					return Undefined, err
				}
				pr, err := it.promiseResolveWith(c, res)
				if err != nil {
					return Undefined, err
				}
				v := arg(a, 0)
				pass := it.realm.newFunc("", 0, func(it *Interp, _ Value, _ []Value, _ *Object) (Value, error) {
					if rethrow {
						return Undefined, it.Throw(v)
					}
					return v, nil
				})
				return invokeThen(pr, ObjValue(pass))
			})
		}
		return invokeThen(this, ObjValue(after(false)), ObjValue(after(true)))
	})
	thisCtor := func(it *Interp, this Value, name string) (*Object, error) {
		if o := this.Obj(); o != nil {
			return o, nil
		}
		return nil, it.typeError("Promise." + name + " called on non-object " + describeForError(this))
	}
	r.method(c, "resolve", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		co, err := thisCtor(it, this, "resolve")
		if err != nil {
			return Undefined, err
		}
		return it.promiseResolveWith(co, arg(args, 0))
	})
	r.method(c, "reject", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		pc, err := it.newPromiseCapability(it.realm, this)
		if err != nil {
			return Undefined, err
		}
		if _, err := it.Call(pc.reject, Undefined, arg(args, 0)); err != nil {
			return Undefined, err
		}
		return pc.promise, nil
	})
	r.method(c, "try", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if _, err := thisCtor(it, this, "try"); err != nil {
			return Undefined, err
		}
		pc, err := it.newPromiseCapability(it.realm, this)
		if err != nil {
			return Undefined, err
		}
		var rest []Value
		if len(args) > 1 {
			rest = args[1:]
		}
		v, err := it.Call(arg(args, 0), Undefined, rest...)
		settle := pc.resolve
		if err != nil {
			ex, ok := err.(*Exception)
			if !ok {
				return Undefined, err
			}
			v, settle = ex.Value, pc.reject
		}
		if _, err := it.Call(settle, Undefined, v); err != nil {
			return Undefined, err
		}
		return pc.promise, nil
	})
	r.method(c, "withResolvers", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		pc, err := it.newPromiseCapability(it.realm, this)
		if err != nil {
			return Undefined, err
		}
		o := NewObject(it.realm.ObjectPrototype)
		o.defineOwn(StrKey("promise"), pc.promise, Default)
		o.defineOwn(StrKey("resolve"), pc.resolve, Default)
		o.defineOwn(StrKey("reject"), pc.reject, Default)
		return ObjValue(o), nil
	})
	combinator := func(name string) {
		r.method(c, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			return it.promiseCombinator(r, name, this, arg(args, 0))
		})
	}
	combinator("all")
	combinator("allSettled")
	combinator("any")
	combinator("race")
	combinator("allKeyed")
	combinator("allSettledKeyed")
}

// resolvingFunctions makes the resolve and reject functions of a promise.
func (r *Realm) resolvingFunctions(p *Object) (*Object, *Object) {
	done := false
	res := r.newFunc("", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		if !done {
			done = true
			it.resolvePromise(p, arg(args, 0))
		}
		return Undefined, nil
	})
	rej := r.newFunc("", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		if !done {
			done = true
			it.rejectPromise(p, arg(args, 0))
		}
		return Undefined, nil
	})
	return res, rej
}

// UnhandledRejections returns the reasons of promises rejected with no
// handler since the last call, and forgets them.
func (it *Interp) UnhandledRejections() []Value {
	var out []Value
	for _, p := range it.rejected {
		if st := promiseOf(p); !st.handled {
			out = append(out, st.result)
		}
	}
	it.rejected = nil
	return out
}

// NewPromise makes a pending promise and its resolve/reject functions,
// for embedders.
func (r *Realm) NewPromise() (p, resolve, reject *Object) {
	p = r.newPromise()
	resolve, reject = r.resolvingFunctions(p)
	return p, resolve, reject
}

// promiseCapability is a PromiseCapability Record.
type promiseCapability struct {
	promise, resolve, reject Value
}

// newPromiseCapability is NewPromiseCapability(C). For the intrinsic
// %Promise% of realm r it makes the promise directly, which no script can
// tell apart from constructing it.
func (it *Interp) newPromiseCapability(r *Realm, c Value) (*promiseCapability, error) {
	co := c.Obj()
	if co == nil || !co.IsConstructor() {
		return nil, it.typeError(describeForError(c) + " is not a constructor")
	}
	if co == r.Promise {
		p := r.newPromise()
		res, rej := r.resolvingFunctions(p)
		return &promiseCapability{ObjValue(p), ObjValue(res), ObjValue(rej)}, nil
	}
	pc := &promiseCapability{Undefined, Undefined, Undefined}
	exec := it.realm.newFunc("", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		if !pc.resolve.IsUndefined() || !pc.reject.IsUndefined() {
			return Undefined, it.typeError("Promise executor has already been invoked with non-undefined arguments")
		}
		pc.resolve, pc.reject = arg(args, 0), arg(args, 1)
		return Undefined, nil
	})
	p, err := it.Construct(c, []Value{ObjValue(exec)}, nil)
	if err != nil {
		return nil, err
	}
	if !isCallable(pc.resolve) || !isCallable(pc.reject) {
		return nil, it.typeError("Promise resolve or reject function is not callable")
	}
	pc.promise = p
	return pc, nil
}

// promiseCombinator is Promise.all, allSettled, any or race (name) with
// constructor c over iterable: each element goes through c.resolve, and
// the iteration stops at the first abrupt completion, which rejects the
// result after closing the iterator.
func (it *Interp) promiseCombinator(r *Realm, name string, c, iterable Value) (Value, error) {
	pc, err := it.newPromiseCapability(r, c)
	if err != nil {
		return Undefined, err
	}
	// IfAbruptRejectPromise: a thrown exception rejects the promise;
	// uncatchable errors (interrupts) pass through.
	rejectWith := func(err error) (Value, error) {
		ex, ok := err.(*Exception)
		if !ok {
			return Undefined, err
		}
		if _, err := it.Call(pc.reject, Undefined, ex.Value); err != nil {
			return Undefined, err
		}
		return pc.promise, nil
	}
	// GetPromiseResolve(C).
	resolve, err := it.getV(c, StrKey("resolve"))
	if err != nil {
		return rejectWith(err)
	}
	if !isCallable(resolve) {
		return rejectWith(it.typeError("Promise resolve is not a function"))
	}
	var values []Value // results (all, allSettled) or errors (any)
	var keys []PropKey // the keyed variants: the key of each value
	keyed := name == "allKeyed" || name == "allSettledKeyed"
	remaining := 1
	finish := func(fromElement bool) (Value, error) {
		switch name {
		case "any":
			e := newObjectClass(r.aggregateErrorPrototype, ClassError)
			e.defineOwn(keyMessage, Str("All promises were rejected"), Hidden)
			e.defineOwn(StrKey("errors"), ObjValue(r.arrayOf(append([]Value(nil), values...))), Hidden)
			it.attachStack(e)
			if fromElement {
				return it.Call(pc.reject, Undefined, ObjValue(e))
			}
			return Undefined, it.Throw(ObjValue(e))
		case "race":
			return Undefined, nil
		}
		if keyed {
			o := NewObject(nil)
			for i, k := range keys {
				o.defineOwn(k, values[i], Default)
			}
			return it.Call(pc.resolve, Undefined, ObjValue(o))
		}
		return it.Call(pc.resolve, Undefined, ObjValue(r.arrayOf(append([]Value(nil), values...))))
	}
	// element makes a resolve or reject element function for index, which
	// records x (wrapped for allSettled) once and finishes at the last.
	element := func(index int, called *bool, wrap func(x Value) Value) *Object {
		return r.newFunc("", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			if *called {
				return Undefined, nil
			}
			*called = true
			values[index] = wrap(arg(args, 0))
			if remaining--; remaining == 0 {
				return finish(true)
			}
			return Undefined, nil
		})
	}
	settled := func(status, field string) func(Value) Value {
		return func(x Value) Value {
			o := NewObject(r.ObjectPrototype)
			o.defineOwn(StrKey("status"), Str(status), Default)
			o.defineOwn(StrKey(field), x, Default)
			return ObjValue(o)
		}
	}
	same := func(x Value) Value { return x }
	each := func(v Value) (bool, error) {
		next, err := it.Call(resolve, c, v)
		if err != nil {
			return false, err
		}
		onF, onR := pc.resolve, pc.reject
		if name != "race" {
			index := len(values)
			values = append(values, Undefined)
			called := new(bool)
			switch name {
			case "all", "allKeyed":
				onF = ObjValue(element(index, called, same))
			case "allSettled", "allSettledKeyed":
				onF = ObjValue(element(index, called, settled("fulfilled", "value")))
				onR = ObjValue(element(index, called, settled("rejected", "reason")))
			case "any":
				onR = ObjValue(element(index, called, same))
			}
			remaining++
		}
		then, err := it.getV(next, StrKey("then"))
		if err != nil {
			return false, err
		}
		if _, err := it.Call(then, next, onF, onR); err != nil {
			return false, err
		}
		return true, nil
	}
	if keyed {
		err = it.eachEnumerable(iterable, func(k PropKey, v Value) error {
			keys = append(keys, k)
			_, err := each(v)
			return err
		})
	} else {
		err = it.iterate(iterable, each)
	}
	if err == nil {
		if remaining--; remaining == 0 {
			_, err = finish(false)
		}
	}
	if err != nil {
		return rejectWith(err)
	}
	return pc.promise, nil
}

// eachEnumerable calls f with each own enumerable property of v (an
// object, else a TypeError) and its value, read in key order.
func (it *Interp) eachEnumerable(v Value, f func(k PropKey, v Value) error) error {
	o := v.Obj()
	if o == nil {
		return it.typeError(describeForError(v) + " is not an object")
	}
	keys, err := it.ownPropertyKeys(o)
	if err != nil {
		return err
	}
	for _, k := range keys {
		d, ok, err := it.getOwnProperty(o, k)
		if err != nil {
			return err
		}
		if !ok || !d.Enumerable {
			continue
		}
		x, err := it.get(o, k, v)
		if err != nil {
			return err
		}
		if err := f(k, x); err != nil {
			return err
		}
	}
	return nil
}

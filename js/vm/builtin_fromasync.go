package vm

// Array.fromAsync (ES2026 23.1.2.2): an async function in the spec,
// written here in continuation-passing style, each Await one
// PerformPromiseThen on the awaited value made a promise.

// await resumes with the settled value of v: onF with a fulfilment,
// onR with a rejection.
func (it *Interp) await(v Value, onF func(Value), onR func(Value)) {
	it.performThen(it.promiseResolve(it.realm, v), func(x Value) (Value, error) {
		onF(x)
		return Undefined, nil
	}, func(x Value) (Value, error) {
		onR(x)
		return Undefined, nil
	})
}

// fromAsync runs Array.fromAsync with constructor c, settling p.
func (it *Interp) fromAsync(c Value, args []Value, p *Object) {
	items, mapFn, thisArg := arg(args, 0), arg(args, 1), arg(args, 2)
	// fail rejects p with err's value; uncatchable errors stop here as
	// well, since nothing is left to run them on.
	fail := func(err error) { it.rejectPromise(p, exceptionValue(err)) }
	mapping := !mapFn.IsUndefined()
	if mapping && !isCallable(mapFn) {
		fail(it.typeError(describeForError(mapFn) + " is not a function"))
		return
	}
	construct := func(args ...Value) (arrayTarget, error) {
		if co := c.Obj(); co != nil && co.IsConstructor() {
			a, err := it.Construct(c, args, nil)
			if err != nil {
				return arrayTarget{}, err
			}
			return arrayTarget{o: a.Obj()}, nil
		}
		var n int64
		if len(args) > 0 {
			n = int64(args[0].num)
		}
		return it.arraySpeciesCreateFor(n)
	}
	am, err := it.getMethod(items, SymKey(it.SymAsyncIterator))
	if err != nil {
		fail(err)
		return
	}
	var sm Value
	if am.IsUndefined() {
		if sm, err = it.getMethod(items, SymKey(it.SymIterator)); err != nil {
			fail(err)
			return
		}
	}
	if !am.IsUndefined() || !sm.IsUndefined() {
		sync := am.IsUndefined()
		m := am
		if sync {
			m = sm
		}
		iv, err := it.Call(m, items)
		if err != nil {
			fail(err)
			return
		}
		io := iv.Obj()
		if io == nil {
			fail(it.typeError("Result of the Symbol.iterator method is not an object"))
			return
		}
		rec, err := it.getIteratorDirect(io)
		if err != nil {
			fail(err)
			return
		}
		a, err := construct()
		if err != nil {
			fail(err)
			return
		}
		// closeWith is AsyncIteratorClose (or, for a sync iterator,
		// IteratorClose) with a throw completion: p is rejected with
		// cause once return() has run.
		closeWith := func(cause error) {
			ret, err := it.getMethod(ObjValue(io), StrKey("return"))
			if err != nil || ret.IsUndefined() {
				fail(cause)
				return
			}
			res, err := it.Call(ret, ObjValue(io))
			if err != nil || sync {
				fail(cause)
				return
			}
			it.await(res, func(Value) { fail(cause) }, func(Value) { fail(cause) })
		}
		var step func(k int64)
		store := func(k int64, v Value) {
			if err := a.put(it, k, v); err != nil {
				closeWith(err)
				return
			}
			step(k + 1)
		}
		step = func(k int64) {
			if k >= maxSafeInteger {
				closeWith(it.typeError("Too many elements"))
				return
			}
			res, err := it.Call(rec.next, ObjValue(io))
			if err != nil {
				fail(err)
				return
			}
			handle := func(res Value) {
				ro := res.Obj()
				if ro == nil {
					fail(it.typeError("Iterator result " + describeForError(res) + " is not an object"))
					return
				}
				d, err := it.Get(ro, StrKey("done"))
				if err != nil {
					fail(err)
					return
				}
				if ToBoolean(d) {
					if err := a.setLength(it, k); err != nil {
						fail(err)
						return
					}
					it.resolvePromise(p, ObjValue(a.o))
					return
				}
				v, err := it.Get(ro, StrKey("value"))
				if err != nil {
					fail(err)
					return
				}
				withValue := func(v Value) {
					if !mapping {
						store(k, v)
						return
					}
					mv, err := it.Call(mapFn, thisArg, v, Num(float64(k)))
					if err != nil {
						closeWith(err)
						return
					}
					it.await(mv, func(mv Value) { store(k, mv) }, func(r Value) { closeWith(&Exception{Value: r}) })
				}
				if sync {
					// CreateAsyncFromSyncIterator awaits each value; a
					// rejected one closes the sync iterator.
					it.await(v, withValue, func(r Value) { closeWith(&Exception{Value: r}) })
					return
				}
				withValue(v)
			}
			if sync {
				handle(res)
				return
			}
			it.await(res, handle, func(r Value) { fail(&Exception{Value: r}) })
		}
		step(0)
		return
	}
	o, err := it.ToObject(items)
	if err != nil {
		fail(err)
		return
	}
	n, err := it.lengthOf(o)
	if err != nil {
		fail(err)
		return
	}
	a, err := construct(Num(float64(n)))
	if err != nil {
		fail(err)
		return
	}
	var step func(k int64)
	step = func(k int64) {
		if k >= n {
			if err := a.setLength(it, n); err != nil {
				fail(err)
				return
			}
			it.resolvePromise(p, ObjValue(a.o))
			return
		}
		v, err := it.Get(o, numberKey(float64(k)))
		if err != nil {
			fail(err)
			return
		}
		store := func(v Value) {
			if err := a.put(it, k, v); err != nil {
				fail(err)
				return
			}
			step(k + 1)
		}
		it.await(v, func(v Value) {
			if !mapping {
				store(v)
				return
			}
			mv, err := it.Call(mapFn, thisArg, v, Num(float64(k)))
			if err != nil {
				fail(err)
				return
			}
			it.await(mv, store, func(r Value) { fail(&Exception{Value: r}) })
		}, func(r Value) { fail(&Exception{Value: r}) })
	}
	step(0)
}

// arraySpeciesCreateFor is ArrayCreate(n) as an arrayTarget.
func (it *Interp) arraySpeciesCreateFor(n int64) (arrayTarget, error) {
	if n > 1<<32-1 {
		return arrayTarget{}, it.rangeError("Invalid array length")
	}
	return arrayTarget{o: it.realm.newArray(0), plain: true}, nil
}

func (r *Realm) initFromAsync() {
	r.method(r.Array, "fromAsync", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		p := it.realm.newPromise()
		it.fromAsync(this, args, p)
		return ObjValue(p), nil
	})
}

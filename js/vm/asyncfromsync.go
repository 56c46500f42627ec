package vm

// Async-from-sync iterators (ECMA-262 27.1.6): yield* in an async
// generator over an iterable without Symbol.asyncIterator delegates to an
// object whose next, return and throw forward to the sync iterator and
// answer with promises of its results, the values awaited.

// asyncFromSync is the [[SyncIteratorRecord]] of such an object.
type asyncFromSync struct {
	iter, next Value
}

// asyncFromSyncRecord wraps the sync iterator of v for async iteration.
func (it *Interp) asyncFromSyncRecord(v Value) (Value, error) {
	m, err := it.getV(v, SymKey(it.SymIterator))
	if err != nil {
		return Undefined, err
	}
	rec := &iterRecord{}
	wrap := func() Value {
		o := NewObject(nil)
		o.internal = rec
		return ObjValue(o)
	}
	if _, err := it.iteratorFrom(v, m, rec, wrap); err != nil {
		return Undefined, err
	}
	r := it.realm
	o := NewObject(r.asyncFromSyncProto)
	o.internal = &asyncFromSync{iter: rec.iter, next: rec.next}
	next, _ := it.getV(ObjValue(o), StrKey("next"))
	rec.iter, rec.next = ObjValue(o), next
	return wrap(), nil
}

func (r *Realm) initAsyncFromSync(asyncIterProto *Object) {
	p := NewObject(asyncIterProto)
	r.asyncFromSyncProto = p
	method := func(name string, f func(it *Interp, s *asyncFromSync, args []Value, p *Object)) {
		r.method(p, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			pr := it.realm.newPromise()
			o := this.Obj()
			var s *asyncFromSync
			if o != nil {
				s, _ = o.internal.(*asyncFromSync)
			}
			if s == nil {
				it.rejectPromise(pr, ObjValue(it.NewError(TypeError, name+" method called on incompatible receiver")))
				return ObjValue(pr), nil
			}
			f(it, s, args, pr)
			return ObjValue(pr), nil
		})
	}
	// rejectOn settles p with err's value when err is a script exception
	// and reports whether it did.
	rejectOn := func(it *Interp, p *Object, err error) bool {
		if err == nil {
			return false
		}
		it.rejectPromise(p, exceptionValue(err))
		return true
	}
	method("next", func(it *Interp, s *asyncFromSync, args []Value, p *Object) {
		var res Value
		var err error
		if len(args) > 0 {
			res, err = it.Call(s.next, s.iter, args[0])
		} else {
			res, err = it.Call(s.next, s.iter)
		}
		if rejectOn(it, p, err) {
			return
		}
		if !res.IsObject() {
			it.rejectPromise(p, ObjValue(it.NewError(TypeError, "Iterator result "+describeForError(res)+" is not an object")))
			return
		}
		it.asyncFromSyncContinue(s, res, p, true)
	})
	method("return", func(it *Interp, s *asyncFromSync, args []Value, p *Object) {
		m, err := it.getV(s.iter, StrKey("return"))
		if rejectOn(it, p, err) {
			return
		}
		if m.IsNullish() {
			it.resolvePromise(p, it.iterResult(arg(args, 0), true))
			return
		}
		var res Value
		if len(args) > 0 {
			res, err = it.Call(m, s.iter, args[0])
		} else {
			res, err = it.Call(m, s.iter)
		}
		if rejectOn(it, p, err) {
			return
		}
		if !res.IsObject() {
			it.rejectPromise(p, ObjValue(it.NewError(TypeError, "Iterator result "+describeForError(res)+" is not an object")))
			return
		}
		it.asyncFromSyncContinue(s, res, p, false)
	})
	method("throw", func(it *Interp, s *asyncFromSync, args []Value, p *Object) {
		m, err := it.getV(s.iter, StrKey("throw"))
		if rejectOn(it, p, err) {
			return
		}
		if m.IsNullish() {
			// The delegation protocol is broken: close the sync iterator
			// and reject.
			if rejectOn(it, p, it.closeSync(s.iter)) {
				return
			}
			it.rejectPromise(p, ObjValue(it.NewError(TypeError, "The iterator does not provide a 'throw' method")))
			return
		}
		res, err := it.Call(m, s.iter, arg(args, 0))
		if rejectOn(it, p, err) {
			return
		}
		if !res.IsObject() {
			it.rejectPromise(p, ObjValue(it.NewError(TypeError, "Iterator result "+describeForError(res)+" is not an object")))
			return
		}
		it.asyncFromSyncContinue(s, res, p, true)
	})
}

// closeSync is IteratorClose with a normal completion.
func (it *Interp) closeSync(iter Value) error {
	m, err := it.getV(iter, StrKey("return"))
	if err != nil {
		return err
	}
	if m.IsNullish() {
		return nil
	}
	res, err := it.Call(m, iter)
	if err != nil {
		return err
	}
	if !res.IsObject() {
		return it.typeError("Iterator result " + describeForError(res) + " is not an object")
	}
	return nil
}

// asyncFromSyncContinue is AsyncFromSyncIteratorContinuation: it settles p
// with the result's value awaited, closing the sync iterator when that
// value is a rejected promise and closeOnRejection is set.
func (it *Interp) asyncFromSyncContinue(s *asyncFromSync, res Value, p *Object, closeOnRejection bool) {
	ro := res.Obj()
	d, err := it.getStr(ro, "done")
	if err != nil {
		it.rejectPromise(p, exceptionValue(err))
		return
	}
	done := ToBoolean(d)
	v, err := it.getStr(ro, "value")
	if err != nil {
		it.rejectPromise(p, exceptionValue(err))
		return
	}
	w, err := it.promiseResolveChecked(it.realm, v)
	if err != nil {
		if !done && closeOnRejection {
			// The close's own outcome is dropped: the original error wins.
			_ = it.closeSync(s.iter)
		}
		it.rejectPromise(p, exceptionValue(err))
		return
	}
	it.performThen(w,
		func(x Value) (Value, error) { it.resolvePromise(p, it.iterResult(x, done)); return Undefined, nil },
		func(e Value) (Value, error) {
			if !done && closeOnRejection {
				_ = it.closeSync(s.iter)
			}
			it.rejectPromise(p, e)
			return Undefined, nil
		})
}

// promiseResolveChecked is PromiseResolve(%Promise%, v) with the abrupt
// completion of reading v.constructor reported.
func (it *Interp) promiseResolveChecked(r *Realm, v Value) (*Object, error) {
	if o := v.Obj(); o != nil && o.class == ClassPromise {
		c, err := it.Get(o, keyConstructor)
		if err != nil {
			return nil, err
		}
		if c.Obj() == r.Promise {
			return o, nil
		}
	}
	p := r.newPromise()
	it.resolvePromise(p, v)
	return p, nil
}

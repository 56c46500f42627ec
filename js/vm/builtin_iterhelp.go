package vm

import "math"

// The Iterator constructor, Iterator.from and the iterator helpers of
// Iterator.prototype (ECMA-262 27.1.3 and 27.1.4).
//
// An iterator helper is a generator in the spec. Here each one is a Go
// step function that produces the next value, with the generator's state
// machine (suspended-start, suspended-yield, executing, completed) kept
// in iterHelper, and an abort function for when the helper is returned
// from while suspended at a yield.

// iterDirect is an Iterator Record: an iterator object and its next
// method, read once.
type iterDirect struct {
	iter *Object
	next Value
	done bool
}

// getIteratorDirect is GetIteratorDirect.
func (it *Interp) getIteratorDirect(o *Object) (*iterDirect, error) {
	next, err := it.get(o, StrKey("next"), ObjValue(o))
	if err != nil {
		return nil, err
	}
	return &iterDirect{iter: o, next: next}, nil
}

// stepValue is IteratorStepValue: the next value, or done.
func (it *Interp) stepValue(r *iterDirect) (Value, bool, error) {
	res, err := it.Call(r.next, ObjValue(r.iter))
	if err != nil {
		r.done = true
		return Undefined, true, err
	}
	ro := res.Obj()
	if ro == nil {
		r.done = true
		return Undefined, true, it.typeError("Iterator result " + describeForError(res) + " is not an object")
	}
	d, err := it.get(ro, StrKey("done"), res)
	if err != nil {
		r.done = true
		return Undefined, true, err
	}
	if ToBoolean(d) {
		r.done = true
		return Undefined, true, nil
	}
	v, err := it.get(ro, StrKey("value"), res)
	if err != nil {
		r.done = true
		return Undefined, true, err
	}
	return v, false, nil
}

// closeIterator is IteratorClose(iterator, completion) where completion
// is a throw of cause when cause is non-nil and normal otherwise; it
// returns the resulting completion's error.
func (it *Interp) closeIterator(o *Object, cause error) error {
	ret, err := it.get(o, StrKey("return"), ObjValue(o))
	if err == nil && !ret.IsNullish() && !isCallable(ret) {
		err = it.typeError("iterator.return is not a function")
	}
	if cause != nil {
		if err == nil && !ret.IsNullish() {
			it.Call(ret, ObjValue(o)) // a throw completion wins over what return does
		}
		return cause
	}
	if err != nil {
		return err
	}
	if ret.IsNullish() {
		return nil
	}
	res, err := it.Call(ret, ObjValue(o))
	if err != nil {
		return err
	}
	if !res.IsObject() {
		return it.typeError("iterator.return() did not return an object")
	}
	return nil
}

// Generator states of an iterator helper.
const (
	helperStart uint8 = iota
	helperYield
	helperRunning
	helperDone
)

// iterHelper is the state of an Iterator Helper object.
type iterHelper struct {
	state uint8
	under *iterDirect
	// step produces the next value, or done; an error completes the
	// helper.
	step func(it *Interp) (Value, bool, error)
	// abort handles a return() while suspended at a yield: by default
	// the underlying iterator is closed.
	abort func(it *Interp) error
	// startClose, when set, handles a return() before the first next()
	// instead of closing under (Iterator.zip's several iterators).
	startClose func(it *Interp) error
}

// getIteratorFlattenable is GetIteratorFlattenable; strings are iterated
// when iterateStrings is set, other primitives rejected.
func (it *Interp) getIteratorFlattenable(v Value, iterateStrings bool) (*iterDirect, error) {
	if !v.IsObject() && !(iterateStrings && v.IsString()) {
		return nil, it.typeError(describeForError(v) + " is not an object")
	}
	m, err := it.getV(v, SymKey(it.SymIterator))
	if err != nil {
		return nil, err
	}
	iter := v
	if !m.IsNullish() {
		if !isCallable(m) {
			return nil, it.typeError(describeForError(m) + " is not a function")
		}
		if iter, err = it.Call(m, v); err != nil {
			return nil, err
		}
	}
	o := iter.Obj()
	if o == nil {
		return nil, it.typeError("Result of the Symbol.iterator method is not an object")
	}
	return it.getIteratorDirect(o)
}

func (r *Realm) initIteratorHelpers() {
	ip := r.IteratorPrototype
	iterCtor := r.newFunc("Iterator", 0, func(it *Interp, _ Value, _ []Value, nt *Object) (Value, error) {
		if nt == nil || nt == it.realm.iteratorCtor {
			return Undefined, it.typeError("Abstract class Iterator not directly constructable")
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.IteratorPrototype })
		if err != nil {
			return Undefined, err
		}
		return ObjValue(NewObject(proto)), nil
	})
	iterCtor.fn.ctor = true
	iterCtor.defineOwn(keyPrototype, ObjValue(ip), 0)
	r.iteratorCtor = iterCtor
	r.defineGlobal("Iterator", ObjValue(iterCtor))

	// Iterator.prototype.constructor and [Symbol.toStringTag] are
	// accessors whose setters define the property on derived objects
	// (SetterThatIgnoresPrototypeProperties), so that assigning them on
	// an iterator does not fail because of the prototype.
	ignoringSetter := func(k PropKey, name string, v Value) {
		get := r.newFunc("get "+name, 0, func(*Interp, Value, []Value, *Object) (Value, error) { return v, nil })
		set := r.newFunc("set "+name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o := this.Obj()
			if o == nil {
				return Undefined, it.typeError("Iterator setter called on non-object")
			}
			if o == ip {
				return Undefined, it.typeError("Cannot assign to read only property '" + k.String() + "' of Iterator.prototype")
			}
			_, ok, err := it.getOwnProperty(o, k)
			if err != nil {
				return Undefined, err
			}
			if !ok {
				return Undefined, it.createDataProperty(o, k, arg(args, 0))
			}
			return Undefined, it.set(o, k, arg(args, 0), this, true)
		})
		ip.defineOwn(k, accessorValue(&accessor{get: get, set: set}), Configurable|Accessor)
	}
	ignoringSetter(SymKey(r.it.SymToStringTag), "[Symbol.toStringTag]", Str("Iterator"))
	ignoringSetter(keyConstructor, "constructor", ObjValue(iterCtor))

	// %WrapForValidIteratorPrototype%, for Iterator.from.
	wrapProto := NewObject(ip)
	wrapped := func(it *Interp, this Value) (*iterDirect, error) {
		if o := this.Obj(); o != nil {
			if w, ok := o.internal.(*iterWrap); ok {
				return w.r, nil
			}
		}
		return nil, it.typeError("method called on incompatible receiver " + describeForError(this))
	}
	r.method(wrapProto, "next", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		rec, err := wrapped(it, this)
		if err != nil {
			return Undefined, err
		}
		return it.Call(rec.next, ObjValue(rec.iter))
	})
	r.method(wrapProto, "return", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		rec, err := wrapped(it, this)
		if err != nil {
			return Undefined, err
		}
		ret, err := it.getMethod(ObjValue(rec.iter), StrKey("return"))
		if err != nil {
			return Undefined, err
		}
		if ret.IsUndefined() {
			return it.iterResult(Undefined, true), nil
		}
		return it.Call(ret, ObjValue(rec.iter))
	})
	r.method(iterCtor, "from", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		rec, err := it.getIteratorFlattenable(arg(args, 0), true)
		if err != nil {
			return Undefined, err
		}
		has, err := it.ordinaryHasInstance(it.realm.iteratorCtor, ObjValue(rec.iter))
		if err != nil {
			return Undefined, err
		}
		if has {
			return ObjValue(rec.iter), nil
		}
		w := NewObject(it.realm.wrapForValidIteratorPrototype)
		w.internal = &iterWrap{rec}
		return ObjValue(w), nil
	})
	r.wrapForValidIteratorPrototype = wrapProto

	// %IteratorHelperPrototype%.
	hp := NewObject(ip)
	r.iteratorHelperPrototype = hp
	hp.defineOwn(SymKey(r.it.SymToStringTag), Str("Iterator Helper"), Configurable)
	helperOf := func(it *Interp, this Value, name string) (*iterHelper, error) {
		if o := this.Obj(); o != nil {
			if h, ok := o.internal.(*iterHelper); ok {
				return h, nil
			}
		}
		return nil, it.typeError("Iterator Helper.prototype." + name + " called on incompatible receiver " + describeForError(this))
	}
	r.method(hp, "next", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		h, err := helperOf(it, this, "next")
		if err != nil {
			return Undefined, err
		}
		switch h.state {
		case helperRunning:
			return Undefined, it.typeError("Generator is already running")
		case helperDone:
			return it.iterResult(Undefined, true), nil
		}
		h.state = helperRunning
		v, done, err := h.step(it)
		if err != nil || done {
			h.state = helperDone
			if err != nil {
				return Undefined, err
			}
			return it.iterResult(Undefined, true), nil
		}
		h.state = helperYield
		return it.iterResult(v, false), nil
	})
	r.method(hp, "return", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		h, err := helperOf(it, this, "return")
		if err != nil {
			return Undefined, err
		}
		switch h.state {
		case helperRunning:
			return Undefined, it.typeError("Generator is already running")
		case helperDone:
			return it.iterResult(Undefined, true), nil
		case helperStart:
			h.state = helperDone
			if h.startClose != nil {
				if err := h.startClose(it); err != nil {
					return Undefined, err
				}
				return it.iterResult(Undefined, true), nil
			}
			if h.under == nil {
				return it.iterResult(Undefined, true), nil
			}
			if err := it.closeIterator(h.under.iter, nil); err != nil {
				return Undefined, err
			}
			return it.iterResult(Undefined, true), nil
		}
		h.state = helperRunning
		if h.abort != nil {
			err = h.abort(it)
		} else {
			err = it.closeIterator(h.under.iter, nil)
		}
		h.state = helperDone
		if err != nil {
			return Undefined, err
		}
		return it.iterResult(Undefined, true), nil
	})

	// thisIter checks the receiver of a prototype method.
	thisIter := func(it *Interp, this Value, name string) (*Object, error) {
		if o := this.Obj(); o != nil {
			return o, nil
		}
		return nil, it.typeError("Iterator.prototype." + name + " called on non-object " + describeForError(this))
	}
	// callableArg checks a function argument, closing the iterator when
	// it is not one.
	callableArg := func(it *Interp, o *Object, f Value) error {
		if isCallable(f) {
			return nil
		}
		return it.closeIterator(o, it.typeError(describeForError(f)+" is not a function"))
	}
	newHelper := func(it *Interp, h *iterHelper) Value {
		o := NewObject(it.realm.iteratorHelperPrototype)
		o.internal = h
		return ObjValue(o)
	}
	// mapping covers map and filter.
	mapping := func(name string, filter bool) {
		r.method(ip, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := thisIter(it, this, name)
			if err != nil {
				return Undefined, err
			}
			f := arg(args, 0)
			if err := callableArg(it, o, f); err != nil {
				return Undefined, err
			}
			rec, err := it.getIteratorDirect(o)
			if err != nil {
				return Undefined, err
			}
			counter := 0.0
			return newHelper(it, &iterHelper{under: rec, step: func(it *Interp) (Value, bool, error) {
				for {
					v, done, err := it.stepValue(rec)
					if err != nil || done {
						return Undefined, true, err
					}
					res, err := it.Call(f, Undefined, v, Num(counter))
					counter++
					if err != nil {
						return Undefined, true, it.closeIterator(rec.iter, err)
					}
					if !filter {
						return res, false, nil
					}
					if ToBoolean(res) {
						return v, false, nil
					}
				}
			}}), nil
		})
	}
	mapping("map", false)
	mapping("filter", true)
	// limiting covers take and drop.
	limiting := func(name string, take bool) {
		r.method(ip, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := thisIter(it, this, name)
			if err != nil {
				return Undefined, err
			}
			n, err := it.ToNumber(arg(args, 0))
			if err != nil {
				return Undefined, it.closeIterator(o, err)
			}
			if math.IsNaN(n) || !math.IsInf(n, 0) && n > maxSafeInteger {
				return Undefined, it.closeIterator(o, it.rangeError(describeForError(arg(args, 0))+" must be positive"))
			}
			remaining := ToIntegerOrInfinity(n)
			if remaining < 0 {
				return Undefined, it.closeIterator(o, it.rangeError(describeForError(arg(args, 0))+" must be positive"))
			}
			rec, err := it.getIteratorDirect(o)
			if err != nil {
				return Undefined, err
			}
			return newHelper(it, &iterHelper{under: rec, step: func(it *Interp) (Value, bool, error) {
				if take {
					if remaining == 0 {
						return Undefined, true, it.closeIterator(rec.iter, nil)
					}
					if !math.IsInf(remaining, 1) {
						remaining--
					}
					return it.stepValue(rec)
				}
				for remaining > 0 {
					if !math.IsInf(remaining, 1) {
						remaining--
					}
					if _, done, err := it.stepValue(rec); err != nil || done {
						return Undefined, true, err
					}
				}
				return it.stepValue(rec)
			}}), nil
		})
	}
	limiting("take", true)
	limiting("drop", false)
	r.method(ip, "flatMap", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "flatMap")
		if err != nil {
			return Undefined, err
		}
		f := arg(args, 0)
		if err := callableArg(it, o, f); err != nil {
			return Undefined, err
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		counter := 0.0
		var inner *iterDirect
		h := &iterHelper{under: rec}
		h.step = func(it *Interp) (Value, bool, error) {
			for {
				if inner != nil {
					v, done, err := it.stepValue(inner)
					if err != nil {
						return Undefined, true, it.closeIterator(rec.iter, err)
					}
					if !done {
						return v, false, nil
					}
					inner = nil
				}
				v, done, err := it.stepValue(rec)
				if err != nil || done {
					return Undefined, true, err
				}
				mapped, err := it.Call(f, Undefined, v, Num(counter))
				counter++
				if err != nil {
					return Undefined, true, it.closeIterator(rec.iter, err)
				}
				if inner, err = it.getIteratorFlattenable(mapped, false); err != nil {
					return Undefined, true, it.closeIterator(rec.iter, err)
				}
			}
		}
		h.abort = func(it *Interp) error {
			if inner != nil {
				if err := it.closeIterator(inner.iter, nil); err != nil {
					return it.closeIterator(rec.iter, err)
				}
			}
			return it.closeIterator(rec.iter, nil)
		}
		return newHelper(it, h), nil
	})
	r.method(ip, "reduce", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "reduce")
		if err != nil {
			return Undefined, err
		}
		f := arg(args, 0)
		if err := callableArg(it, o, f); err != nil {
			return Undefined, err
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		var acc Value
		counter := 0.0
		if len(args) < 2 {
			v, done, err := it.stepValue(rec)
			if err != nil {
				return Undefined, err
			}
			if done {
				return Undefined, it.typeError("Reduce of empty iterator with no initial value")
			}
			acc, counter = v, 1
		} else {
			acc = args[1]
		}
		for {
			v, done, err := it.stepValue(rec)
			if err != nil || done {
				return acc, err
			}
			if acc, err = it.Call(f, Undefined, acc, v, Num(counter)); err != nil {
				return Undefined, it.closeIterator(rec.iter, err)
			}
			counter++
		}
	})
	r.method(ip, "toArray", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "toArray")
		if err != nil {
			return Undefined, err
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		var out []Value
		for {
			v, done, err := it.stepValue(rec)
			if err != nil {
				return Undefined, err
			}
			if done {
				return ObjValue(it.realm.arrayOf(out)), nil
			}
			out = append(out, v)
		}
	})
	// searching covers forEach, some, every and find: fn is called on
	// each value and stop says, from its result, whether to stop with
	// the given value.
	searching := func(name string, stop func(v, res Value) (Value, bool), end Value) {
		r.method(ip, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := thisIter(it, this, name)
			if err != nil {
				return Undefined, err
			}
			f := arg(args, 0)
			if err := callableArg(it, o, f); err != nil {
				return Undefined, err
			}
			rec, err := it.getIteratorDirect(o)
			if err != nil {
				return Undefined, err
			}
			for counter := 0.0; ; counter++ {
				v, done, err := it.stepValue(rec)
				if err != nil {
					return Undefined, err
				}
				if done {
					return end, nil
				}
				res, err := it.Call(f, Undefined, v, Num(counter))
				if err != nil {
					return Undefined, it.closeIterator(rec.iter, err)
				}
				if out, ok := stop(v, res); ok {
					return out, it.closeIterator(rec.iter, nil)
				}
			}
		})
	}
	searching("forEach", func(v, res Value) (Value, bool) { return Undefined, false }, Undefined)
	searching("some", func(v, res Value) (Value, bool) { return True, ToBoolean(res) }, False)
	searching("every", func(v, res Value) (Value, bool) { return False, !ToBoolean(res) }, True)
	searching("find", func(v, res Value) (Value, bool) { return v, ToBoolean(res) }, Undefined)

	r.method(ip, "includes", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "includes")
		if err != nil {
			return Undefined, err
		}
		skip := 0.0
		if sv := arg(args, 1); !sv.IsUndefined() {
			switch {
			case !sv.IsNumber() || math.IsNaN(sv.num):
				return Undefined, it.closeIterator(o, it.typeError("skippedElements must be a number"))
			case math.IsInf(sv.num, 1):
				skip = sv.num
			case math.IsInf(sv.num, -1):
				return Undefined, it.closeIterator(o, it.rangeError("skippedElements must not be negative"))
			case sv.num != math.Trunc(sv.num):
				return Undefined, it.closeIterator(o, it.typeError("skippedElements must be an integer"))
			case sv.num < 0:
				return Undefined, it.closeIterator(o, it.rangeError("skippedElements must not be negative"))
			case sv.num > maxSafeInteger:
				return Undefined, it.closeIterator(o, it.rangeError("skippedElements is too large"))
			default:
				skip = sv.num
			}
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		search := arg(args, 0)
		for {
			v, done, err := it.stepValue(rec)
			if err != nil || done {
				return False, err
			}
			if skip > 0 {
				skip--
				continue
			}
			if SameValueZero(v, search) {
				return True, it.closeIterator(rec.iter, nil)
			}
		}
	})
	r.method(ip, "join", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "join")
		if err != nil {
			return Undefined, err
		}
		sep := NewString(",")
		if sv := arg(args, 0); !sv.IsUndefined() {
			if sep, err = it.ToString(sv); err != nil {
				return Undefined, it.closeIterator(o, err)
			}
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		var units []uint16
		for first := true; ; first = false {
			v, done, err := it.stepValue(rec)
			if err != nil {
				return Undefined, err
			}
			if done {
				return StrValue(FromUTF16(units)), nil
			}
			if !first {
				units = append(units, sep.Units()...)
			}
			if !v.IsNullish() {
				s, err := it.ToString(v)
				if err != nil {
					return Undefined, it.closeIterator(rec.iter, err)
				}
				units = append(units, s.Units()...)
			}
		}
	})
	// sizeArg validates chunkSize or windowSize, closing o when invalid.
	sizeArg := func(it *Interp, o *Object, v Value, name string) (int, error) {
		switch {
		case !v.IsNumber() || math.IsNaN(v.num) || math.IsInf(v.num, 0) || v.num != math.Trunc(v.num):
			return 0, it.closeIterator(o, it.typeError(name+" must be an integer"))
		case v.num < 1 || v.num > math.MaxUint32:
			return 0, it.closeIterator(o, it.rangeError(name+" must be between 1 and 2^32 - 1"))
		}
		return int(v.num), nil
	}
	r.method(ip, "chunks", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "chunks")
		if err != nil {
			return Undefined, err
		}
		size, err := sizeArg(it, o, arg(args, 0), "chunkSize")
		if err != nil {
			return Undefined, err
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		exhausted := false
		h := &iterHelper{under: rec}
		h.step = func(it *Interp) (Value, bool, error) {
			if exhausted {
				return Undefined, true, nil
			}
			var buf []Value
			for {
				v, done, err := it.stepValue(rec)
				if err != nil {
					return Undefined, true, err
				}
				if done {
					exhausted = true
					if len(buf) == 0 {
						return Undefined, true, nil
					}
					return ObjValue(it.realm.arrayOf(buf)), false, nil
				}
				if buf = append(buf, v); len(buf) == size {
					return ObjValue(it.realm.arrayOf(buf)), false, nil
				}
			}
		}
		h.abort = func(it *Interp) error {
			if exhausted {
				return nil
			}
			return it.closeIterator(rec.iter, nil)
		}
		return newHelper(it, h), nil
	})
	r.method(ip, "windows", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisIter(it, this, "windows")
		if err != nil {
			return Undefined, err
		}
		size, err := sizeArg(it, o, arg(args, 0), "windowSize")
		if err != nil {
			return Undefined, err
		}
		partial := false
		switch u := arg(args, 1); {
		case u.IsUndefined():
		case u.IsString() && u.Strv().String() == "only-full":
		case u.IsString() && u.Strv().String() == "allow-partial":
			partial = true
		default:
			return Undefined, it.closeIterator(o, it.typeError("undersized must be \"only-full\" or \"allow-partial\""))
		}
		rec, err := it.getIteratorDirect(o)
		if err != nil {
			return Undefined, err
		}
		exhausted := false
		var buf []Value
		h := &iterHelper{under: rec}
		h.step = func(it *Interp) (Value, bool, error) {
			if exhausted {
				return Undefined, true, nil
			}
			for {
				v, done, err := it.stepValue(rec)
				if err != nil {
					return Undefined, true, err
				}
				if done {
					exhausted = true
					if partial && len(buf) > 0 && len(buf) < size {
						return ObjValue(it.realm.arrayOf(append([]Value(nil), buf...))), false, nil
					}
					return Undefined, true, nil
				}
				if len(buf) == size {
					buf = buf[1:]
				}
				if buf = append(buf, v); len(buf) == size {
					return ObjValue(it.realm.arrayOf(append([]Value(nil), buf...))), false, nil
				}
			}
		}
		h.abort = func(it *Interp) error {
			if exhausted {
				return nil
			}
			return it.closeIterator(rec.iter, nil)
		}
		return newHelper(it, h), nil
	})

	// Iterator.zip and Iterator.zipKeyed.
	r.method(iterCtor, "zip", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		src := arg(args, 0)
		if !src.IsObject() {
			return Undefined, it.typeError("Iterator.zip: iterables is not an object")
		}
		mode, padOpt, err := it.zipOptions(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		input, err := it.getIteratorFlattenableMethod(src)
		if err != nil {
			return Undefined, err
		}
		var iters []*iterDirect
		for {
			v, done, err := it.stepValue(input)
			if err != nil {
				return Undefined, it.closeAll(iters, err)
			}
			if done {
				break
			}
			rec, err := it.getIteratorFlattenable(v, false)
			if err != nil {
				return Undefined, it.closeAll(append([]*iterDirect{input}, iters...), err)
			}
			iters = append(iters, rec)
		}
		padding := make([]Value, len(iters))
		if mode == "longest" && !padOpt.IsUndefined() {
			pad, err := it.getIteratorFlattenableMethod(padOpt)
			if err != nil {
				return Undefined, it.closeAll(iters, err)
			}
			using := true
			for i := range padding {
				if !using {
					break
				}
				v, done, err := it.stepValue(pad)
				if err != nil {
					return Undefined, it.closeAll(iters, err)
				}
				if done {
					using = false
				} else {
					padding[i] = v
				}
			}
			if using {
				if err := it.closeIterator(pad.iter, nil); err != nil {
					return Undefined, it.closeAll(iters, err)
				}
			}
		}
		return it.iteratorZip(iters, mode, padding, func(vals []Value) Value {
			return ObjValue(it.realm.arrayOf(vals))
		}), nil
	})
	r.method(iterCtor, "zipKeyed", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		src := arg(args, 0)
		so := src.Obj()
		if so == nil {
			return Undefined, it.typeError("Iterator.zipKeyed: iterables is not an object")
		}
		mode, padOpt, err := it.zipOptions(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		var iters []*iterDirect
		var keys []PropKey
		all, err := it.ownPropertyKeys(so)
		if err != nil {
			return Undefined, err
		}
		for _, k := range all {
			d, ok, err := it.getOwnProperty(so, k)
			if err != nil {
				return Undefined, it.closeAll(iters, err)
			}
			if !ok || !d.Enumerable {
				continue
			}
			v, err := it.get(so, k, src)
			if err != nil {
				return Undefined, it.closeAll(iters, err)
			}
			if v.IsUndefined() {
				continue
			}
			rec, err := it.getIteratorFlattenable(v, false)
			if err != nil {
				return Undefined, it.closeAll(iters, err)
			}
			keys = append(keys, k)
			iters = append(iters, rec)
		}
		padding := make([]Value, len(iters))
		if mode == "longest" && !padOpt.IsUndefined() {
			for i, k := range keys {
				if padding[i], err = it.get(padOpt.Obj(), k, padOpt); err != nil {
					return Undefined, it.closeAll(iters, err)
				}
			}
		}
		return it.iteratorZip(iters, mode, padding, func(vals []Value) Value {
			o := NewObject(nil)
			for i, k := range keys {
				o.defineOwn(k, vals[i], Default)
			}
			return ObjValue(o)
		}), nil
	})

	// Iterator.concat(...items).
	r.method(iterCtor, "concat", 0, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		type iterable struct{ obj, method Value }
		items := make([]iterable, len(args))
		for i, item := range args {
			if !item.IsObject() {
				return Undefined, it.typeError(describeForError(item) + " is not an object")
			}
			m, err := it.getMethod(item, SymKey(it.SymIterator))
			if err != nil {
				return Undefined, err
			}
			if m.IsUndefined() {
				return Undefined, it.typeError(describeForError(item) + " is not iterable")
			}
			items[i] = iterable{item, m}
		}
		var cur *iterDirect
		h := &iterHelper{}
		h.step = func(it *Interp) (Value, bool, error) {
			for {
				if cur == nil {
					if len(items) == 0 {
						return Undefined, true, nil
					}
					iter, err := it.Call(items[0].method, items[0].obj)
					items = items[1:]
					if err != nil {
						return Undefined, true, err
					}
					io := iter.Obj()
					if io == nil {
						return Undefined, true, it.typeError("Result of the Symbol.iterator method is not an object")
					}
					if cur, err = it.getIteratorDirect(io); err != nil {
						return Undefined, true, err
					}
				}
				v, done, err := it.stepValue(cur)
				if err != nil {
					return Undefined, true, err
				}
				if !done {
					return v, false, nil
				}
				cur = nil
			}
		}
		h.abort = func(it *Interp) error {
			if cur != nil {
				return it.closeIterator(cur.iter, nil)
			}
			return nil
		}
		// No underlying iterator: returning before the first next() has
		// nothing to close.
		return newHelper(it, h), nil
	})
}

// iterWrap is the state of a %WrapForValidIteratorPrototype% object.
type iterWrap struct{ r *iterDirect }

// zipOptions reads the mode and padding options of Iterator.zip and
// zipKeyed.
func (it *Interp) zipOptions(options Value) (mode string, padding Value, err error) {
	mode = "shortest"
	if options.IsUndefined() {
		return mode, Undefined, nil
	}
	o := options.Obj()
	if o == nil {
		return "", Undefined, it.typeError("options must be an object")
	}
	m, err := it.get(o, StrKey("mode"), options)
	if err != nil {
		return "", Undefined, err
	}
	if !m.IsUndefined() {
		if !m.IsString() {
			return "", Undefined, it.typeError("mode must be \"shortest\", \"longest\" or \"strict\"")
		}
		switch mode = m.Strv().String(); mode {
		case "shortest", "longest", "strict":
		default:
			return "", Undefined, it.typeError("mode must be \"shortest\", \"longest\" or \"strict\"")
		}
	}
	if mode == "longest" {
		if padding, err = it.get(o, StrKey("padding"), options); err != nil {
			return "", Undefined, err
		}
		if !padding.IsUndefined() && !padding.IsObject() {
			return "", Undefined, it.typeError("padding must be an object")
		}
	}
	return mode, padding, nil
}

// closeAll is IteratorCloseAll: each iterator closed, last first, with
// the completion (a throw when cause is set) carried through.
func (it *Interp) closeAll(iters []*iterDirect, cause error) error {
	for i := len(iters) - 1; i >= 0; i-- {
		cause = it.closeIterator(iters[i].iter, cause)
	}
	return cause
}

// iteratorZip is IteratorZip: an Iterator Helper yielding finish of one
// value from each iterator per step, in the given mode.
func (it *Interp) iteratorZip(iters []*iterDirect, mode string, padding []Value, finish func([]Value) Value) Value {
	n := len(iters)
	iters = append([]*iterDirect(nil), iters...)
	open := append([]*iterDirect(nil), iters...)
	remove := func(r *iterDirect) {
		for i, o := range open {
			if o == r {
				open = append(open[:i], open[i+1:]...)
				return
			}
		}
	}
	h := &iterHelper{}
	h.step = func(it *Interp) (Value, bool, error) {
		if n == 0 {
			return Undefined, true, nil
		}
		results := make([]Value, n)
		for i := 0; i < n; i++ {
			rec := iters[i]
			if rec == nil {
				results[i] = padding[i]
				continue
			}
			v, done, err := it.stepValue(rec)
			if err != nil {
				remove(rec)
				return Undefined, true, it.closeAll(open, err)
			}
			if !done {
				results[i] = v
				continue
			}
			remove(rec)
			switch mode {
			case "shortest":
				return Undefined, true, it.closeAll(open, nil)
			case "strict":
				if i != 0 {
					return Undefined, true, it.closeAll(open, it.typeError("Iterator.zip: iterators have different lengths"))
				}
				for k := 1; k < n; k++ {
					_, done, err := it.stepValue(iters[k])
					if err != nil {
						remove(iters[k])
						return Undefined, true, it.closeAll(open, err)
					}
					if !done {
						return Undefined, true, it.closeAll(open, it.typeError("Iterator.zip: iterators have different lengths"))
					}
					remove(iters[k])
				}
				return Undefined, true, nil
			}
			if len(open) == 0 {
				return Undefined, true, nil
			}
			iters[i] = nil
			results[i] = padding[i]
		}
		return finish(results), false, nil
	}
	h.abort = func(it *Interp) error { return it.closeAll(open, nil) }
	h.startClose = h.abort
	o := NewObject(it.realm.iteratorHelperPrototype)
	o.internal = h
	return ObjValue(o)
}

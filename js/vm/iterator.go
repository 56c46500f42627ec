package vm

// iterRecord is an iterator record kept in a register by for-of, spread
// and destructuring. Arrays and strings whose iteration has not been
// patched by script are walked directly, without iterator objects.
type iterRecord struct {
	iter, next Value
	done       bool
	sync       bool    // for await over a sync iterator: values are awaited
	arr        *Object // fast path over an array
	str        *String // fast path over a string
	idx        int
}

func recordOf(v Value) *iterRecord { return v.Obj().internal.(*iterRecord) }

// getIterator is GetIterator(v, sync); the result is an internal object
// wrapping the iterator record.
func (it *Interp) getIterator(v Value, async bool) (Value, error) {
	r := it.realm
	rec := &iterRecord{}
	wrap := func() Value {
		o := NewObject(nil)
		o.internal = rec
		return ObjValue(o)
	}
	if async {
		m, err := it.getV(v, SymKey(it.SymAsyncIterator))
		if err != nil {
			return Undefined, err
		}
		if m.IsNullish() {
			// CreateAsyncFromSyncIterator: the sync iterator's values are
			// awaited by asyncIteratorNext.
			rv, err := it.getIterator(v, false)
			if err == nil {
				recordOf(rv).sync = true
			}
			return rv, err
		}
		return it.iteratorFrom(v, m, rec, wrap)
	}
	m, err := it.getV(v, SymKey(it.SymIterator))
	if err != nil {
		return Undefined, err
	}
	if o := v.Obj(); o != nil && o.class == ClassArray && m.Obj() == r.ArrayValues && r.arrayIteratorIntact() {
		rec.arr = o
		return wrap(), nil
	}
	if s := v.Strv(); s != nil && m.Obj() == r.StringIterator && r.stringIteratorIntact() {
		rec.str = s
		return wrap(), nil
	}
	return it.iteratorFrom(v, m, rec, wrap)
}

func (it *Interp) iteratorFrom(v, m Value, rec *iterRecord, wrap func() Value) (Value, error) {
	if !isCallable(m) {
		return Undefined, it.typeError(describeForError(v) + " is not iterable")
	}
	iter, err := it.Call(m, v)
	if err != nil {
		return Undefined, err
	}
	if !iter.IsObject() {
		return Undefined, it.typeError("Result of the Symbol.iterator method is not an object")
	}
	next, err := it.getV(iter, StrKey("next"))
	if err != nil {
		return Undefined, err
	}
	rec.iter, rec.next = iter, next
	return wrap(), nil
}

// iteratorStep advances the iterator: its next value, or Hole when done.
func (it *Interp) iteratorStep(rv Value) (Value, error) {
	rec := recordOf(rv)
	if rec.done {
		return Hole, nil
	}
	if a := rec.arr; a != nil {
		if uint32(rec.idx) >= a.length {
			rec.done = true
			return Hole, nil
		}
		i := rec.idx
		rec.idx++
		if i < len(a.elems) && a.elems[i].kind != KindHole {
			return a.elems[i], nil
		}
		return it.get(a, indexKey(i), ObjValue(a))
	}
	if s := rec.str; s != nil {
		if rec.idx >= s.Len() {
			rec.done = true
			return Hole, nil
		}
		i := rec.idx
		n := 1
		if c := s.At(i); c >= 0xD800 && c < 0xDC00 && i+1 < s.Len() {
			if d := s.At(i + 1); d >= 0xDC00 && d < 0xE000 {
				n = 2
			}
		}
		rec.idx += n
		return StrValue(s.Substring(i, i+n)), nil
	}
	res, err := it.Call(rec.next, rec.iter)
	if err != nil {
		rec.done = true
		return Undefined, err
	}
	ro := res.Obj()
	if ro == nil {
		rec.done = true
		return Undefined, it.typeError("Iterator result " + describeForError(res) + " is not an object")
	}
	d, err := it.getStr(ro, "done")
	if err != nil {
		rec.done = true
		return Undefined, err
	}
	if ToBoolean(d) {
		rec.done = true
		return Hole, nil
	}
	v, err := it.getStr(ro, "value")
	if err != nil {
		rec.done = true
	}
	return v, err
}

// iteratorClose calls the iterator's return method when iteration stops
// early.
func (it *Interp) iteratorClose(rv Value) error {
	rec := recordOf(rv)
	if rec.done || rec.arr != nil || rec.str != nil {
		rec.done = true
		return nil
	}
	rec.done = true
	m, err := it.getV(rec.iter, StrKey("return"))
	if err != nil {
		return err
	}
	if m.IsNullish() {
		return nil
	}
	res, err := it.Call(m, rec.iter)
	if err != nil {
		return err
	}
	if !res.IsObject() {
		return it.typeError("Iterator result is not an object")
	}
	return nil
}

// iterate runs f over the values of an iterable, closing the iterator if
// f stops early or fails.
func (it *Interp) iterate(v Value, f func(Value) (bool, error)) error {
	rv, err := it.getIterator(v, false)
	if err != nil {
		return err
	}
	for {
		// Built-in iterators step without calling into JavaScript, so
		// nothing else would notice an interrupt in an endless one.
		if err := it.checkInterrupt(); err != nil {
			return err
		}
		x, err := it.iteratorStep(rv)
		if err != nil {
			return err
		}
		if x.kind == KindHole {
			return nil
		}
		more, err := f(x)
		if err != nil {
			it.iteratorClose(rv)
			return err
		}
		if !more {
			return it.iteratorClose(rv)
		}
	}
}

// arrayValues returns the elements of an array made by the compiler (for
// spread calls), holes as undefined.
func arrayValues(a *Object) []Value {
	out := make([]Value, a.length)
	for i := range out {
		if i < len(a.elems) && a.elems[i].kind != KindHole {
			out[i] = a.elems[i]
		} else if p, ok := a.getOwn(indexKey(i)); ok && p.attr&Accessor == 0 {
			out[i] = p.value
		}
	}
	return out
}

// forInState is the state of a for-in loop.
type forInState struct {
	obj    *Object
	keys   []PropKey
	idx    int
	exotic bool // a proxy on the chain
}

// forInPrepare collects the enumerable string keys of v and its
// prototypes, shadowed keys once, through the internal methods. Reading
// an uninitialized export of a module namespace throws.
func (it *Interp) forInPrepare(v Value) (Value, error) {
	st := &forInState{}
	o := NewObject(nil)
	o.internal = st
	if v.IsNullish() {
		return ObjValue(o), nil
	}
	obj, _ := it.ToObject(v)
	st.obj = obj
	seen := map[PropKey]bool{}
	for p := obj; p != nil; {
		if p.flags&flagExotic != 0 {
			st.exotic = true
		}
		keys, err := it.ownStringKeys(p)
		if err != nil {
			return Undefined, err
		}
		for _, k := range keys {
			if seen[k] {
				continue
			}
			d, ok, err := it.getOwnProperty(p, k)
			if err != nil {
				return Undefined, err
			}
			if !ok {
				continue
			}
			seen[k] = true
			if d.Enumerable {
				if d.Value.kind == KindHole {
					return Undefined, it.namespaceTDZ(k)
				}
				st.keys = append(st.keys, k)
			}
		}
		if p, err = it.getPrototypeOf(p); err != nil {
			return Undefined, err
		}
	}
	return ObjValue(o), nil
}

// forInNext returns the next key still present, or Hole. Keys deleted
// during the loop are skipped; on chains with exotic objects, whose
// checks would be observable, every key collected is visited.
func (it *Interp) forInNext(sv Value) (Value, error) {
	st := sv.Obj().internal.(*forInState)
	for st.idx < len(st.keys) {
		k := st.keys[st.idx]
		st.idx++
		if st.exotic {
			return Str(k.s), nil
		}
		has, err := it.hasProperty(st.obj, k)
		if err != nil {
			return Undefined, err
		}
		if has {
			return Str(k.s), nil
		}
	}
	return Hole, nil
}

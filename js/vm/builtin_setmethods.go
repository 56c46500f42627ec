package vm

import "math"

// The Set methods that combine a set with a set-like object (ECMA-262
// 24.2.4: union, intersection, difference, symmetricDifference,
// isSubsetOf, isSupersetOf, isDisjointFrom), Map.groupBy and the
// collections' Symbol.species getters.

// setRecord is a Set Record: a set-like object with its size and its has
// and keys methods, read once.
type setRecord struct {
	set       *Object
	size      float64
	has, keys Value
}

// getSetRecord is GetSetRecord.
func (it *Interp) getSetRecord(v Value) (*setRecord, error) {
	o := v.Obj()
	if o == nil {
		return nil, it.typeError(describeForError(v) + " is not an object")
	}
	raw, err := it.get(o, StrKey("size"), v)
	if err != nil {
		return nil, err
	}
	n, err := it.ToNumber(raw)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(n) {
		return nil, it.typeError("The 'size' property must be a number")
	}
	size := ToIntegerOrInfinity(n)
	if size < 0 {
		return nil, it.rangeError("The 'size' property must not be negative")
	}
	has, err := it.get(o, StrKey("has"), v)
	if err != nil {
		return nil, err
	}
	if !isCallable(has) {
		return nil, it.typeError("The 'has' property must be a function")
	}
	keys, err := it.get(o, StrKey("keys"), v)
	if err != nil {
		return nil, err
	}
	if !isCallable(keys) {
		return nil, it.typeError("The 'keys' property must be a function")
	}
	return &setRecord{set: o, size: size, has: has, keys: keys}, nil
}

// keysIterator is GetIteratorFromMethod(set, keys) for a Set Record.
func (it *Interp) keysIterator(rec *setRecord) (*iterDirect, error) {
	v, err := it.Call(rec.keys, ObjValue(rec.set))
	if err != nil {
		return nil, err
	}
	o := v.Obj()
	if o == nil {
		return nil, it.typeError("The 'keys' method must return an object")
	}
	return it.getIteratorDirect(o)
}

// otherHas calls the set-like's has method.
func (it *Interp) otherHas(rec *setRecord, v Value) (bool, error) {
	r, err := it.Call(rec.has, ObjValue(rec.set), v)
	return ToBoolean(r), err
}

// canonicalKey is CanonicalizeKeyedCollectionKey: -0 becomes +0.
func canonicalKey(v Value) Value {
	if v.kind == KindNumber && v.num == 0 {
		return Num(0)
	}
	return v
}

// copy returns a new mapData with m's live entries.
func (m *mapData) copy() *mapData {
	c := &mapData{index: make(map[any]int, m.size)}
	for i, k := range m.keys {
		if m.live[i] {
			c.set(k, m.vals[i])
		}
	}
	return c
}

func (r *Realm) initSetMethods() {
	p := r.setPrototype
	data := func(it *Interp, this Value, name string) (*mapData, error) {
		if o := this.Obj(); o != nil && o.class == ClassSet {
			return o.internal.(*mapData), nil
		}
		return nil, it.typeError("Method Set.prototype." + name + " called on incompatible receiver " + describeForError(this))
	}
	newSet := func(it *Interp, m *mapData) Value {
		o := newObjectClass(it.realm.setPrototype, ClassSet)
		o.internal = m
		return ObjValue(o)
	}
	// method adds a Set method taking a set-like argument.
	method := func(name string, f func(it *Interp, m *mapData, other *setRecord) (Value, error)) {
		r.method(p, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			m, err := data(it, this, name)
			if err != nil {
				return Undefined, err
			}
			other, err := it.getSetRecord(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			return f(it, m, other)
		})
	}
	// eachKey calls f on each value of other's keys iterator, stopping
	// (and closing it) when f says so.
	eachKey := func(it *Interp, other *setRecord, f func(v Value) bool) error {
		keys, err := it.keysIterator(other)
		if err != nil {
			return err
		}
		for {
			v, done, err := it.stepValue(keys)
			if err != nil || done {
				return err
			}
			if !f(canonicalKey(v)) {
				return it.closeIterator(keys.iter, nil)
			}
		}
	}
	// eachOwn calls f on each value of m, also those added meanwhile,
	// stopping when f says so.
	eachOwn := func(m *mapData, f func(v Value) (bool, error)) error {
		for i := 0; i < len(m.keys); i++ {
			if !m.live[i] {
				continue
			}
			if ok, err := f(m.keys[i]); err != nil || !ok {
				return err
			}
		}
		return nil
	}
	method("union", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		keys, err := it.keysIterator(other)
		if err != nil {
			return Undefined, err
		}
		res := m.copy()
		for {
			v, done, err := it.stepValue(keys)
			if err != nil {
				return Undefined, err
			}
			if done {
				return newSet(it, res), nil
			}
			v = canonicalKey(v)
			res.set(v, v)
		}
	})
	method("intersection", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		res := &mapData{index: map[any]int{}}
		var err error
		if float64(m.size) <= other.size {
			err = eachOwn(m, func(e Value) (bool, error) {
				in, err := it.otherHas(other, e)
				if err == nil && in {
					e = canonicalKey(e)
					res.set(e, e)
				}
				return true, err
			})
		} else {
			err = eachKey(it, other, func(v Value) bool {
				if m.find(v) >= 0 {
					res.set(v, v)
				}
				return true
			})
		}
		if err != nil {
			return Undefined, err
		}
		return newSet(it, res), nil
	})
	method("difference", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		res := m.copy()
		var err error
		if float64(m.size) <= other.size {
			for i := 0; i < len(res.keys) && err == nil; i++ {
				if !res.live[i] {
					continue
				}
				var in bool
				if in, err = it.otherHas(other, res.keys[i]); in {
					res.delete(res.keys[i])
				}
			}
		} else {
			err = eachKey(it, other, func(v Value) bool {
				res.delete(v)
				return true
			})
		}
		if err != nil {
			return Undefined, err
		}
		return newSet(it, res), nil
	})
	method("symmetricDifference", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		res := m.copy()
		err := eachKey(it, other, func(v Value) bool {
			if m.find(v) >= 0 {
				res.delete(v)
			} else {
				res.set(v, v)
			}
			return true
		})
		if err != nil {
			return Undefined, err
		}
		return newSet(it, res), nil
	})
	method("isSubsetOf", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		if float64(m.size) > other.size {
			return False, nil
		}
		result := true
		err := eachOwn(m, func(e Value) (bool, error) {
			in, err := it.otherHas(other, e)
			result = in
			return in, err
		})
		return Bool(result), err
	})
	method("isSupersetOf", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		if float64(m.size) < other.size {
			return False, nil
		}
		result := true
		err := eachKey(it, other, func(v Value) bool {
			result = m.find(v) >= 0
			return result
		})
		return Bool(result), err
	})
	method("isDisjointFrom", func(it *Interp, m *mapData, other *setRecord) (Value, error) {
		result := true
		var err error
		if float64(m.size) <= other.size {
			err = eachOwn(m, func(e Value) (bool, error) {
				in, err := it.otherHas(other, e)
				result = !in
				return !in, err
			})
		} else {
			err = eachKey(it, other, func(v Value) bool {
				result = m.find(v) < 0
				return result
			})
		}
		return Bool(result), err
	})

	// The constructors' Symbol.species getters return this.
	for _, name := range []string{"Map", "Set"} {
		c, _ := r.Global.getOwn(StrKey(name))
		r.getterNamed(c.value.Obj(), SymKey(r.it.SymSpecies), "get [Symbol.species]", func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			return this, nil
		})
	}
	mapCtor, _ := r.Global.getOwn(StrKey("Map"))
	r.method(mapCtor.value.Obj(), "groupBy", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		m := &mapData{index: map[any]int{}}
		err := it.groupBy(arg(args, 0), arg(args, 1), func(k Value) (Value, error) { return canonicalKey(k), nil }, func(k Value, v Value) {
			if i := m.find(k); i >= 0 {
				a := m.vals[i].Obj()
				a.elems = append(a.elems, v)
				a.length++
				return
			}
			m.set(k, ObjValue(it.realm.arrayOf([]Value{v})))
		})
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(it.realm.mapPrototype, ClassMap)
		o.internal = m
		return ObjValue(o), nil
	})
	r.method(r.Object, "groupBy", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		out := NewObject(nil)
		err := it.groupBy(arg(args, 0), arg(args, 1), func(k Value) (Value, error) {
			pk, err := it.toPropertyKey(k)
			return pk.Value(), err
		}, func(k Value, v Value) {
			pk := PropKey{s: k.Strv().Key()}
			if k.IsSymbol() {
				pk = SymKey(k.Sym())
			}
			if p, ok := out.getOwn(pk); ok {
				a := p.value.Obj()
				a.elems = append(a.elems, v)
				a.length++
				return
			}
			out.defineOwn(pk, ObjValue(it.realm.arrayOf([]Value{v})), Default)
		})
		if err != nil {
			return Undefined, err
		}
		return ObjValue(out), nil
	})
}

// groupBy is GroupBy over an iterable: each value's key is the
// callback's result through key, and add files the value under it.
func (it *Interp) groupBy(items, callback Value, key func(Value) (Value, error), add func(k, v Value)) error {
	if items.IsNullish() {
		return it.typeError("groupBy called on null or undefined")
	}
	if !isCallable(callback) {
		return it.typeError(describeForError(callback) + " is not a function")
	}
	rec, err := it.getIteratorFlattenableMethod(items)
	if err != nil {
		return err
	}
	for k := 0.0; ; k++ {
		if k >= maxSafeInteger {
			return it.closeIterator(rec.iter, it.typeError("Too many elements"))
		}
		v, done, err := it.stepValue(rec)
		if err != nil || done {
			return err
		}
		kv, err := it.Call(callback, Undefined, v, Num(k))
		if err != nil {
			return it.closeIterator(rec.iter, err)
		}
		if kv, err = key(kv); err != nil {
			return it.closeIterator(rec.iter, err)
		}
		add(kv, v)
	}
}

// getIteratorFlattenableMethod is GetIterator(v, sync) as an Iterator
// Record.
func (it *Interp) getIteratorFlattenableMethod(v Value) (*iterDirect, error) {
	m, err := it.getMethod(v, SymKey(it.SymIterator))
	if err != nil {
		return nil, err
	}
	if m.IsUndefined() {
		return nil, it.typeError(describeForError(v) + " is not iterable")
	}
	iter, err := it.Call(m, v)
	if err != nil {
		return nil, err
	}
	o := iter.Obj()
	if o == nil {
		return nil, it.typeError("Result of the Symbol.iterator method is not an object")
	}
	return it.getIteratorDirect(o)
}

package vm

import "math"

// The change-array-by-copy methods (ECMA-262 23.1.3: toReversed,
// toSorted, toSpliced, with) and Array.prototype[Symbol.unscopables].

// arrayCreate is ArrayCreate(n) for an array about to be filled in index
// order: the length is set and elements are appended as they come, so a
// large n allocates nothing up front.
func (it *Interp) arrayCreate(n int64) (*Object, error) {
	if n > math.MaxUint32 {
		return nil, it.rangeError("Invalid array length")
	}
	a := newObjectClass(it.realm.ArrayPrototype, ClassArray)
	a.length = uint32(n)
	return a, nil
}

// fillCopy sets a[0..n) from get(k), in order.
func (it *Interp) fillCopy(a *Object, n int64, get func(k int64) (Value, error)) error {
	for k := int64(0); k < n; k++ {
		if err := it.checkInterrupt(); err != nil {
			return err
		}
		v, err := get(k)
		if err != nil {
			return err
		}
		if err := it.createDataProperty(a, numberKey(float64(k)), v); err != nil {
			return err
		}
	}
	return nil
}

func (r *Realm) initArrayCopy() {
	p := r.ArrayPrototype
	r.method(p, "toReversed", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.toReversed")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		a, err := it.arrayCreate(n)
		if err != nil {
			return Undefined, err
		}
		return ObjValue(a), it.fillCopy(a, n, func(k int64) (Value, error) {
			return it.Get(o, numberKey(float64(n-k-1)))
		})
	})
	r.method(p, "toSorted", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		cmp := arg(args, 0)
		if !cmp.IsUndefined() && !isCallable(cmp) {
			return Undefined, it.typeError("The comparison function must be either a function or undefined")
		}
		o, err := it.thisObject(this, "Array.prototype.toSorted")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		a, err := it.arrayCreate(n)
		if err != nil {
			return Undefined, err
		}
		var vals []Value
		undefs := int64(0)
		for k := int64(0); k < n; k++ {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			v, err := it.Get(o, numberKey(float64(k)))
			if err != nil {
				return Undefined, err
			}
			if v.IsUndefined() {
				undefs++
			} else {
				vals = append(vals, v)
			}
		}
		if err := it.sortValues(vals, cmp); err != nil {
			return Undefined, err
		}
		return ObjValue(a), it.fillCopy(a, n, func(k int64) (Value, error) {
			if k < int64(len(vals)) {
				return vals[k], nil
			}
			return Undefined, nil
		})
	})
	r.method(p, "toSpliced", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.toSpliced")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		start, err := it.relIndex(arg(args, 0), n, 0)
		if err != nil {
			return Undefined, err
		}
		var items []Value
		if len(args) > 2 {
			items = args[2:]
		}
		skip := int64(0)
		switch {
		case len(args) == 0:
		case len(args) == 1:
			skip = n - start
		default:
			f, err := it.ToNumber(args[1])
			if err != nil {
				return Undefined, err
			}
			skip = int64(math.Min(math.Max(ToIntegerOrInfinity(f), 0), float64(n-start)))
		}
		newLen := n + int64(len(items)) - skip
		if newLen > maxSafeInteger {
			return Undefined, it.typeError("Invalid array length")
		}
		a, err := it.arrayCreate(newLen)
		if err != nil {
			return Undefined, err
		}
		return ObjValue(a), it.fillCopy(a, newLen, func(k int64) (Value, error) {
			switch {
			case k < start:
				return it.Get(o, numberKey(float64(k)))
			case k < start+int64(len(items)):
				return items[k-start], nil
			}
			return it.Get(o, numberKey(float64(k-int64(len(items))+skip)))
		})
	})
	r.method(p, "with", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.with")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		f, err := it.ToNumber(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		idx := ToIntegerOrInfinity(f)
		if idx < 0 {
			idx += float64(n)
		}
		if idx < 0 || idx >= float64(n) {
			return Undefined, it.rangeError("Invalid index : " + NumberToString(f))
		}
		a, err := it.arrayCreate(n)
		if err != nil {
			return Undefined, err
		}
		return ObjValue(a), it.fillCopy(a, n, func(k int64) (Value, error) {
			if k == int64(idx) {
				return arg(args, 1), nil
			}
			return it.Get(o, numberKey(float64(k)))
		})
	})

	u := NewObject(nil)
	for _, name := range []string{"at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex",
		"flat", "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values"} {
		u.defineOwn(StrKey(name), True, Default)
	}
	p.defineOwn(SymKey(r.it.SymUnscopables), ObjValue(u), Configurable)
}

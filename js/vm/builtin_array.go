package vm

import (
	"math"
	"sort"
	"strings"
)

// maxEagerElements bounds the dense storage allocated ahead of use for an
// array of a given length: beyond it, elements are stored as they come.
const maxEagerElements = 1 << 16

func (r *Realm) initArray() {
	p := newObjectClass(r.ObjectPrototype, ClassArray)
	r.ArrayPrototype = p
	a := r.newCtor("Array", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		proto := r.ArrayPrototype
		if nt != nil && nt != r.Array {
			var err error
			if proto, err = it.protoFromCtor(nt, func(r *Realm) *Object { return r.ArrayPrototype }); err != nil {
				return Undefined, err
			}
		}
		arr := newObjectClass(proto, ClassArray)
		if len(args) == 1 && args[0].IsNumber() {
			n := args[0].num
			if n < 0 || n != math.Trunc(n) || n > math.MaxUint32 {
				return Undefined, it.rangeError("Invalid array length")
			}
			arr.length = uint32(n)
			return ObjValue(arr), nil
		}
		arr.elems = append([]Value(nil), args...)
		arr.length = uint32(len(args))
		return ObjValue(arr), nil
	}, p)
	r.Array = a
	r.method(a, "isArray", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		o := arg(args, 0).Obj()
		ok, err := it.isArray(arg(args, 0))
		return Bool(o != nil && ok), err
	})
	r.method(a, "of", 0, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if c := this.Obj(); c != nil && c != it.realm.Array && c.IsConstructor() {
			ao, err := it.Construct(this, []Value{Int(len(args))}, nil)
			if err != nil {
				return Undefined, err
			}
			out := arrayTarget{o: ao.Obj()}
			for k, v := range args {
				if err := out.put(it, int64(k), v); err != nil {
					return Undefined, err
				}
			}
			return ao, out.setLength(it, int64(len(args)))
		}
		return ObjValue(r.arrayOf(append([]Value(nil), args...))), nil
	})
	r.method(a, "from", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if c := this.Obj(); c != nil && c != it.realm.Array && c.IsConstructor() {
			return it.arrayFromCtor(c, args)
		}
		src := arg(args, 0)
		fn := arg(args, 1)
		var out []Value
		add := func(v Value) error {
			if !fn.IsUndefined() {
				m, err := it.Call(fn, arg(args, 2), v, Int(len(out)))
				if err != nil {
					return err
				}
				v = m
			}
			out = append(out, v)
			return nil
		}
		if !fn.IsUndefined() && !isCallable(fn) {
			return Undefined, it.typeError("Array.from: when provided, the second argument must be a function")
		}
		m, err := it.getV(src, SymKey(it.SymIterator))
		if err != nil {
			return Undefined, err
		}
		if !m.IsNullish() {
			err = it.iterate(src, func(v Value) (bool, error) {
				if len(out) >= math.MaxUint32 {
					return false, it.rangeError("Invalid array length")
				}
				return true, add(v)
			})
			return ObjValue(r.arrayOf(out)), err
		}
		// An array-like: its length is read once and the array made with
		// it up front, so a length past 2^32-1 throws before any element
		// is read, and a huge one allocates nothing ahead of the elements.
		o, err := it.ToObject(src)
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		if n > math.MaxUint32 {
			return Undefined, it.rangeError("Invalid array length")
		}
		a := r.newArray(0)
		a.length = uint32(n)
		for k := int64(0); k < n; k++ {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			v, err := it.Get(o, numberKey(float64(k)))
			if err != nil {
				return Undefined, err
			}
			if !fn.IsUndefined() {
				if v, err = it.Call(fn, arg(args, 2), v, Num(float64(k))); err != nil {
					return Undefined, err
				}
			}
			a.putElement(uint32(k), v)
		}
		return ObjValue(a), nil
	})
	a.defineOwn(SymKey(r.it.SymSpecies), accessorValue(&accessor{get: r.newFunc("get [Symbol.species]", 0,
		func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) { return this, nil })}), Configurable|Accessor)

	r.method(p, "push", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.push")
		if err != nil {
			return Undefined, err
		}
		if o.class == ClassArray && o.flags&(flagSlowElements|flagLengthReadonly) == 0 && int(o.length) == len(o.elems) && o.Extensible() {
			o.elems = append(o.elems, args...)
			o.length = uint32(len(o.elems))
			return Int(len(o.elems)), nil
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		if n+int64(len(args)) > maxSafeInteger {
			return Undefined, it.typeError("Pushing " + NumberToString(float64(len(args))) + " elements on an array-like of length " + NumberToString(float64(n)) + " is disallowed, as the total surpasses 2**53-1")
		}
		for _, v := range args {
			if err := it.set(o, numberKey(float64(n)), v, ObjValue(o), true); err != nil {
				return Undefined, err
			}
			n++
		}
		return Num(float64(n)), it.set(o, keyLength, Num(float64(n)), ObjValue(o), true)
	})
	r.method(p, "pop", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.pop")
		if err != nil {
			return Undefined, err
		}
		if o.class == ClassArray && o.flags&(flagSlowElements|flagLengthReadonly) == 0 && int(o.length) == len(o.elems) {
			if len(o.elems) == 0 {
				return Undefined, nil
			}
			v := o.elems[len(o.elems)-1]
			o.elems[len(o.elems)-1] = Value{}
			o.elems = o.elems[:len(o.elems)-1]
			o.length--
			if v.kind == KindHole {
				return it.get(o.Proto(), indexKey(len(o.elems)), this)
			}
			return v, nil
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		if n == 0 {
			return Undefined, it.set(o, keyLength, Int(0), ObjValue(o), true)
		}
		k := numberKey(float64(n - 1))
		v, err := it.Get(o, k)
		if err != nil {
			return Undefined, err
		}
		if _, err := it.deleteProperty(this, k, true); err != nil {
			return Undefined, err
		}
		return v, it.set(o, keyLength, Num(float64(n-1)), ObjValue(o), true)
	})
	r.method(p, "shift", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.shift")
		if err != nil {
			return Undefined, err
		}
		if isDense(o) {
			if len(o.elems) == 0 {
				return Undefined, nil
			}
			v := o.elems[0]
			copy(o.elems, o.elems[1:])
			o.elems[len(o.elems)-1] = Value{}
			o.elems = o.elems[:len(o.elems)-1]
			o.length--
			return v, nil
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		if n == 0 {
			return Undefined, it.set(o, keyLength, Int(0), ObjValue(o), true)
		}
		first, err := it.Get(o, indexKey(0))
		if err != nil {
			return Undefined, err
		}
		if err := it.moveElements(o, 1, 0, n-1); err != nil {
			return Undefined, err
		}
		if _, err := it.deleteProperty(this, numberKey(float64(n-1)), true); err != nil {
			return Undefined, err
		}
		return first, it.set(o, keyLength, Num(float64(n-1)), ObjValue(o), true)
	})
	r.method(p, "unshift", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.unshift")
		if err != nil {
			return Undefined, err
		}
		if isDense(o) {
			o.elems = append(append([]Value(nil), args...), o.elems...)
			o.length = uint32(len(o.elems))
			return Int(len(o.elems)), nil
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		c := int64(len(args))
		if c > 0 {
			if n+c > maxSafeInteger {
				return Undefined, it.typeError("Unshifting " + NumberToString(float64(c)) + " elements on an array-like of length " + NumberToString(float64(n)) + " is disallowed, as the total surpasses 2**53-1")
			}
			for k := n; k > 0; k-- {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				if err := it.moveElement(o, numberKey(float64(k-1)), numberKey(float64(k+c-1))); err != nil {
					return Undefined, err
				}
			}
			for j, v := range args {
				if err := it.set(o, indexKey(j), v, ObjValue(o), true); err != nil {
					return Undefined, err
				}
			}
		}
		return Num(float64(n + c)), it.set(o, keyLength, Num(float64(n+c)), ObjValue(o), true)
	})
	r.method(p, "slice", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.slice")
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
		end, err := it.relIndex(arg(args, 1), n, n)
		if err != nil {
			return Undefined, err
		}
		out, err := it.arraySpeciesCreate(o, max(end-start, 0))
		if err != nil {
			return Undefined, err
		}
		for k := start; k < end; k++ {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			key := numberKey(float64(k))
			if has, err := it.hasProperty(o, key); err != nil {
				return Undefined, err
			} else if has {
				v, err := it.Get(o, key)
				if err != nil {
					return Undefined, err
				}
				if err := out.put(it, k-start, v); err != nil {
					return Undefined, err
				}
			}
		}
		return ObjValue(out.o), out.setLength(it, max(end-start, 0))
	})
	r.method(p, "splice", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.splice")
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
		var del int64
		switch len(args) {
		case 0:
		case 1:
			del = n - start
		default:
			f, err := it.ToNumber(args[1])
			if err != nil {
				return Undefined, err
			}
			del = int64(math.Min(math.Max(ToIntegerOrInfinity(f), 0), float64(n-start)))
		}
		var items []Value
		if len(args) > 2 {
			items = args[2:]
		}
		if n+int64(len(items))-del > maxSafeInteger {
			return Undefined, it.typeError("Splicing " + NumberToString(float64(len(items))) + " elements into an array-like of length " + NumberToString(float64(n)) + " is disallowed, as the total surpasses 2**53-1")
		}
		removed, err := it.arraySpeciesCreate(o, del)
		if err != nil {
			return Undefined, err
		}
		if removed.plain && isDense(o) {
			elems := append([]Value(nil), o.elems[start:start+del]...)
			rest := append(append([]Value(nil), items...), o.elems[start+del:]...)
			o.elems = append(o.elems[:start], rest...)
			o.length = uint32(len(o.elems))
			removed.o.elems, removed.o.length = elems, uint32(len(elems))
			return ObjValue(removed.o), nil
		}
		for k := int64(0); k < del; k++ {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			key := numberKey(float64(start + k))
			if has, err := it.hasProperty(o, key); err != nil {
				return Undefined, err
			} else if has {
				v, err := it.Get(o, key)
				if err != nil {
					return Undefined, err
				}
				if err := removed.put(it, k, v); err != nil {
					return Undefined, err
				}
			}
		}
		if err := removed.setLength(it, del); err != nil {
			return Undefined, err
		}
		ic := int64(len(items))
		if ic < del {
			if err := it.moveElements(o, start+del, start+ic, n-start-del); err != nil {
				return Undefined, err
			}
			for k := n; k > n-del+ic; k-- {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				if _, err := it.deleteProperty(this, numberKey(float64(k-1)), true); err != nil {
					return Undefined, err
				}
			}
		} else if ic > del {
			for k := n - del; k > start; k-- {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				if err := it.moveElement(o, numberKey(float64(k+del-1)), numberKey(float64(k+ic-1))); err != nil {
					return Undefined, err
				}
			}
		}
		for j, v := range items {
			if err := it.set(o, numberKey(float64(start+int64(j))), v, ObjValue(o), true); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(removed.o), it.set(o, keyLength, Num(float64(n-del+ic)), ObjValue(o), true)
	})
	r.method(p, "concat", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.concat")
		if err != nil {
			return Undefined, err
		}
		out, err := it.arraySpeciesCreate(o, 0)
		if err != nil {
			return Undefined, err
		}
		var n int64
		for _, item := range append([]Value{ObjValue(o)}, args...) {
			io := item.Obj()
			spread := false
			if io != nil {
				s, err := it.Get(io, SymKey(it.SymIsConcatSpreadable))
				if err != nil {
					return Undefined, err
				}
				if s.IsUndefined() {
					if spread, err = it.isArray(item); err != nil {
						return Undefined, err
					}
				} else {
					spread = ToBoolean(s)
				}
			}
			if !spread {
				if n >= maxSafeInteger {
					return Undefined, it.typeError("Concatenating past 2**53-1 elements is disallowed")
				}
				if err := out.put(it, n, item); err != nil {
					return Undefined, err
				}
				n++
				continue
			}
			l, err := it.lengthOf(io)
			if err != nil {
				return Undefined, err
			}
			if n+l > maxSafeInteger {
				return Undefined, it.typeError("Concatenating past 2**53-1 elements is disallowed")
			}
			for k := int64(0); k < l; k++ {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				key := numberKey(float64(k))
				if has, err := it.hasProperty(io, key); err != nil {
					return Undefined, err
				} else if has {
					v, err := it.Get(io, key)
					if err != nil {
						return Undefined, err
					}
					if err := out.put(it, n, v); err != nil {
						return Undefined, err
					}
				}
				n++
			}
		}
		if n > math.MaxUint32 && out.plain {
			return Undefined, it.rangeError("Invalid array length")
		}
		return ObjValue(out.o), out.setLength(it, n)
	})
	r.method(p, "join", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.join")
		if err != nil {
			return Undefined, err
		}
		sep := ","
		if s := arg(args, 0); !s.IsUndefined() {
			ss, err := it.ToString(s)
			if err != nil {
				return Undefined, err
			}
			sep = ss.String()
		}
		return it.join(o, sep)
	})
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.toString")
		if err != nil {
			return Undefined, err
		}
		j, err := it.getStr(o, "join")
		if err != nil {
			return Undefined, err
		}
		if isCallable(j) {
			return it.Call(j, ObjValue(o))
		}
		return it.objectToString(ObjValue(o))
	})
	r.method(p, "reverse", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.reverse")
		if err != nil {
			return Undefined, err
		}
		if isDense(o) {
			for i, j := 0, len(o.elems)-1; i < j; i, j = i+1, j-1 {
				o.elems[i], o.elems[j] = o.elems[j], o.elems[i]
			}
			return ObjValue(o), nil
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		for lo, hi := int64(0), n-1; lo < hi; lo, hi = lo+1, hi-1 {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			lk, hk := numberKey(float64(lo)), numberKey(float64(hi))
			var lv, hv Value
			le, err := it.hasProperty(o, lk)
			if err == nil && le {
				lv, err = it.Get(o, lk)
			}
			if err != nil {
				return Undefined, err
			}
			he, err := it.hasProperty(o, hk)
			if err == nil && he {
				hv, err = it.Get(o, hk)
			}
			if err != nil {
				return Undefined, err
			}
			for _, step := range []struct {
				k      PropKey
				v      Value
				exists bool
			}{{lk, hv, he}, {hk, lv, le}} {
				if step.exists {
					err = it.set(o, step.k, step.v, ObjValue(o), true)
				} else {
					_, err = it.deleteProperty(this, step.k, true)
				}
				if err != nil {
					return Undefined, err
				}
			}
		}
		return ObjValue(o), nil
	})
	search := func(name string, fromEnd, includes bool) {
		r.method(p, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := it.thisObject(this, "Array.prototype."+name)
			if err != nil {
				return Undefined, err
			}
			n, err := it.lengthOf(o)
			if err != nil {
				return Undefined, err
			}
			target := arg(args, 0)
			notFound := Int(-1)
			if includes {
				notFound = False
			}
			if n == 0 {
				return notFound, nil
			}
			var start int64
			if fromEnd {
				start = n - 1
				if len(args) > 1 {
					f, err := it.ToNumber(args[1])
					if err != nil {
						return Undefined, err
					}
					f = ToIntegerOrInfinity(f)
					if f < 0 {
						f += float64(n)
					}
					start = int64(math.Min(f, float64(n-1)))
				}
				for k := start; k >= 0; k-- {
					if err := it.checkInterrupt(); err != nil {
						return Undefined, err
					}
					key := numberKey(float64(k))
					if has, err := it.hasProperty(o, key); err != nil {
						return Undefined, err
					} else if !has {
						continue
					}
					v, err := it.Get(o, key)
					if err != nil {
						return Undefined, err
					}
					if StrictEquals(v, target) {
						return Num(float64(k)), nil
					}
				}
				return notFound, nil
			}
			start, err = it.relIndex(arg(args, 1), n, 0)
			if err != nil {
				return Undefined, err
			}
			for k := start; k < n; k++ {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				key := numberKey(float64(k))
				if !includes {
					if has, err := it.hasProperty(o, key); err != nil {
						return Undefined, err
					} else if !has {
						continue
					}
				}
				v, err := it.Get(o, key)
				if err != nil {
					return Undefined, err
				}
				if includes && SameValueZero(v, target) {
					return True, nil
				}
				if !includes && StrictEquals(v, target) {
					return Num(float64(k)), nil
				}
			}
			return notFound, nil
		})
	}
	search("indexOf", false, false)
	search("lastIndexOf", true, false)
	search("includes", false, true)

	// Iteration methods share one loop: kind selects what is collected.
	const (
		forEach = iota
		mapK
		filter
		some
		every
		find
		findIndex
		findLast
		findLastIndex
	)
	iterMethod := func(name string, kind int) {
		r.method(p, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := it.thisObject(this, "Array.prototype."+name)
			if err != nil {
				return Undefined, err
			}
			n, err := it.lengthOf(o)
			if err != nil {
				return Undefined, err
			}
			fn := arg(args, 0)
			if !isCallable(fn) {
				return Undefined, it.typeError(describeForError(fn) + " is not a function")
			}
			thisArg := arg(args, 1)
			var out *Object
			var target arrayTarget
			if kind == mapK || kind == filter {
				var l int64
				if kind == mapK {
					l = n
				}
				var err error
				if target, err = it.arraySpeciesCreate(o, l); err != nil {
					return Undefined, err
				}
			}
			out = target.o
			if target.plain && kind == mapK {
				// ArraySpeciesCreate(O, len): the length is set up front,
				// but only a modest array gets dense storage now; a huge
				// length (arrays may claim up to 2^32-1 elements) stays
				// empty and fills as elements are defined.
				if n <= maxEagerElements {
					out.elems = make([]Value, n)
					for i := range out.elems {
						out.elems[i] = Hole
					}
				}
				out.length = uint32(n)
			}
			filtered := int64(0)
			reverse := kind == findLast || kind == findLastIndex
			for i := int64(0); i < n; i++ {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				k := i
				if reverse {
					k = n - 1 - i
				}
				key := numberKey(float64(k))
				if kind < find {
					if has, err := it.hasProperty(o, key); err != nil {
						return Undefined, err
					} else if !has {
						continue
					}
				}
				v, err := it.Get(o, key)
				if err != nil {
					return Undefined, err
				}
				res, err := it.Call(fn, thisArg, v, Num(float64(k)), ObjValue(o))
				if err != nil {
					return Undefined, err
				}
				switch kind {
				case mapK:
					if !target.plain || !out.setElement(uint32(k), res) {
						if err := it.createDataProperty(out, key, res); err != nil {
							return Undefined, err
						}
					}
				case filter:
					if ToBoolean(res) {
						if err := target.put(it, filtered, v); err != nil {
							return Undefined, err
						}
						filtered++
					}
				case some:
					if ToBoolean(res) {
						return True, nil
					}
				case every:
					if !ToBoolean(res) {
						return False, nil
					}
				case find, findLast:
					if ToBoolean(res) {
						return v, nil
					}
				case findIndex, findLastIndex:
					if ToBoolean(res) {
						return Num(float64(k)), nil
					}
				}
			}
			switch kind {
			case mapK, filter:
				return ObjValue(out), nil
			case every:
				return True, nil
			case some:
				return False, nil
			case findIndex, findLastIndex:
				return Int(-1), nil
			}
			return Undefined, nil
		})
	}
	iterMethod("forEach", forEach)
	iterMethod("map", mapK)
	iterMethod("filter", filter)
	iterMethod("some", some)
	iterMethod("every", every)
	iterMethod("find", find)
	iterMethod("findIndex", findIndex)
	iterMethod("findLast", findLast)
	iterMethod("findLastIndex", findLastIndex)
	reduce := func(name string, right bool) {
		r.method(p, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := it.thisObject(this, "Array.prototype."+name)
			if err != nil {
				return Undefined, err
			}
			n, err := it.lengthOf(o)
			if err != nil {
				return Undefined, err
			}
			fn := arg(args, 0)
			if !isCallable(fn) {
				return Undefined, it.typeError(describeForError(fn) + " is not a function")
			}
			idx := func(i int64) int64 {
				if right {
					return n - 1 - i
				}
				return i
			}
			i := int64(0)
			var acc Value
			if len(args) > 1 {
				acc = args[1]
			} else {
				for ; i < n; i++ {
					if err := it.checkInterrupt(); err != nil {
						return Undefined, err
					}
					has, err := it.hasProperty(o, numberKey(float64(idx(i))))
					if err != nil {
						return Undefined, err
					}
					if has {
						break
					}
				}
				if i == n {
					return Undefined, it.typeError("Reduce of empty array with no initial value")
				}
				if acc, err = it.Get(o, numberKey(float64(idx(i)))); err != nil {
					return Undefined, err
				}
				i++
			}
			for ; i < n; i++ {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				k := numberKey(float64(idx(i)))
				if has, err := it.hasProperty(o, k); err != nil {
					return Undefined, err
				} else if !has {
					continue
				}
				v, err := it.Get(o, k)
				if err != nil {
					return Undefined, err
				}
				if acc, err = it.Call(fn, Undefined, acc, v, Num(float64(idx(i))), ObjValue(o)); err != nil {
					return Undefined, err
				}
			}
			return acc, nil
		})
	}
	reduce("reduce", false)
	reduce("reduceRight", true)
	r.method(p, "sort", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		cmp := arg(args, 0)
		if !cmp.IsUndefined() && !isCallable(cmp) {
			return Undefined, it.typeError("The comparison function must be either a function or undefined")
		}
		o, err := it.thisObject(this, "Array.prototype.sort")
		if err != nil {
			return Undefined, err
		}
		return ObjValue(o), it.sortObject(o, cmp)
	})
	r.method(p, "fill", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.fill")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		start, err := it.relIndex(arg(args, 1), n, 0)
		if err != nil {
			return Undefined, err
		}
		end, err := it.relIndex(arg(args, 2), n, n)
		if err != nil {
			return Undefined, err
		}
		for k := start; k < end; k++ {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			if err := it.set(o, numberKey(float64(k)), arg(args, 0), ObjValue(o), true); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(o), nil
	})
	// copyWithin follows ECMA-262 23.1.3.4: it copies back to front when
	// the ranges overlap with the target after the source, so each element
	// is read before it is overwritten, and holes are copied as holes.
	r.method(p, "copyWithin", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.copyWithin")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		to, err := it.relIndex(arg(args, 0), n, 0)
		if err != nil {
			return Undefined, err
		}
		from, err := it.relIndex(arg(args, 1), n, 0)
		if err != nil {
			return Undefined, err
		}
		final, err := it.relIndex(arg(args, 2), n, n)
		if err != nil {
			return Undefined, err
		}
		count := min(final-from, n-to)
		dir := int64(1)
		if from < to && to < from+count {
			dir = -1
			from, to = from+count-1, to+count-1
		}
		for ; count > 0; count-- {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			if err := it.moveElement(o, numberKey(float64(from)), numberKey(float64(to))); err != nil {
				return Undefined, err
			}
			from, to = from+dir, to+dir
		}
		return ObjValue(o), nil
	})
	r.method(p, "at", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.at")
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
		k := ToIntegerOrInfinity(f)
		if k < 0 {
			k += float64(n)
		}
		if k < 0 || k >= float64(n) {
			return Undefined, nil
		}
		return it.Get(o, numberKey(k))
	})
	// flat is FlattenIntoArray from src, whose length n was read before
	// the result out was made.
	flat := func(it *Interp, out arrayTarget, src *Object, n int64, depth float64, mapFn, thisArg Value) error {
		next := int64(0)
		var walk func(src *Object, n int64, depth float64, mapping bool) error
		walk = func(src *Object, n int64, depth float64, mapping bool) error {
			for k := int64(0); k < n; k++ {
				if err := it.checkInterrupt(); err != nil {
					return err
				}
				key := numberKey(float64(k))
				if has, err := it.hasProperty(src, key); err != nil {
					return err
				} else if !has {
					continue
				}
				v, err := it.Get(src, key)
				if err != nil {
					return err
				}
				if mapping {
					if v, err = it.Call(mapFn, thisArg, v, Num(float64(k)), ObjValue(src)); err != nil {
						return err
					}
				}
				isArr, err := it.isArray(v)
				if err != nil {
					return err
				}
				if vo := v.Obj(); vo != nil && isArr && depth > 0 {
					vn, err := it.lengthOf(vo)
					if err != nil {
						return err
					}
					if err := walk(vo, vn, depth-1, false); err != nil {
						return err
					}
					continue
				}
				if err := out.put(it, next, v); err != nil {
					return err
				}
				next++
			}
			return nil
		}
		return walk(src, n, depth, !mapFn.IsUndefined())
	}
	r.method(p, "flat", 0, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.flat")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		depth := 1.0
		if d := arg(args, 0); !d.IsUndefined() {
			f, err := it.ToNumber(d)
			if err != nil {
				return Undefined, err
			}
			depth = ToIntegerOrInfinity(f)
		}
		out, err := it.arraySpeciesCreate(o, 0)
		if err != nil {
			return Undefined, err
		}
		return ObjValue(out.o), flat(it, out, o, n, depth, Undefined, Undefined)
	})
	r.method(p, "flatMap", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Array.prototype.flatMap")
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(o)
		if err != nil {
			return Undefined, err
		}
		if !isCallable(arg(args, 0)) {
			return Undefined, it.typeError("flatMap mapper function is not callable")
		}
		out, err := it.arraySpeciesCreate(o, 0)
		if err != nil {
			return Undefined, err
		}
		return ObjValue(out.o), flat(it, out, o, n, 1, arg(args, 0), arg(args, 1))
	})
	iterKinds := []string{"keys", "values", "entries"}
	for i, name := range iterKinds {
		kind := i
		m := r.method(p, name, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			o, err := it.thisObject(this, "Array.prototype."+name)
			if err != nil {
				return Undefined, err
			}
			return ObjValue(r.newArrayIterator(o, kind)), nil
		})
		if name == "values" {
			r.ArrayValues = m
			p.defineOwn(SymKey(r.it.SymIterator), ObjValue(m), Hidden)
		}
	}
}

// maxSafeInteger is 2^53-1, the largest length of an array-like.
const maxSafeInteger = 1<<53 - 1

// putElement stores element idx of an array the built-in made itself
// (ordinary and extensible): densely when it fits, else as a property.
func (o *Object) putElement(idx uint32, v Value) {
	if !o.setElement(idx, v) {
		o.defineOwn(indexKey(int(idx)), v, Default)
	}
}

// putIndexed is CreateDataPropertyOrThrow(out, k, v) on an array the
// built-in made itself; k may be past the last array index (2^32-2), where
// it names an ordinary property and the array's length stays as it was.
func (it *Interp) putIndexed(out *Object, k int64, v Value) error {
	if k < math.MaxUint32 {
		out.putElement(uint32(k), v)
		return nil
	}
	return it.createDataProperty(out, numberKey(float64(k)), v)
}

// isDense reports whether o is an ordinary array whose elements are all
// stored densely with no holes, so that methods can work on the slice.
func isDense(o *Object) bool {
	if o.class != ClassArray || o.flags&(flagSlowElements|flagLengthReadonly) != 0 || int(o.length) != len(o.elems) || !o.Extensible() {
		return false
	}
	for _, v := range o.elems {
		if v.kind == KindHole {
			return false
		}
	}
	return true
}

// relIndex resolves a relative index argument (negative from the end)
// against length n; undefined gives def.
func (it *Interp) relIndex(v Value, n, def int64) (int64, error) {
	if v.IsUndefined() {
		return def, nil
	}
	f, err := it.ToNumber(v)
	if err != nil {
		return 0, err
	}
	return clampIndex(ToIntegerOrInfinity(f), n), nil
}

// moveElements copies count elements from index from to index to, in
// an order safe for overlapping ranges with to < from.
func (it *Interp) moveElements(o *Object, from, to, count int64) error {
	for k := int64(0); k < count; k++ {
		if err := it.checkInterrupt(); err != nil {
			return err
		}
		if err := it.moveElement(o, numberKey(float64(from+k)), numberKey(float64(to+k))); err != nil {
			return err
		}
	}
	return nil
}

// moveElement is the step the array methods that shift elements share:
// o[to] = o[from] when o has from, otherwise delete o[to], each throwing
// on failure.
func (it *Interp) moveElement(o *Object, from, to PropKey) error {
	has, err := it.hasProperty(o, from)
	if err != nil {
		return err
	}
	if !has {
		_, err := it.deleteProperty(ObjValue(o), to, true)
		return err
	}
	v, err := it.Get(o, from)
	if err != nil {
		return err
	}
	return it.set(o, to, v, ObjValue(o), true)
}

// join concatenates the elements' strings; cyclic references print as
// empty, as in browsers.
func (it *Interp) join(o *Object, sep string) (Value, error) {
	if it.joining == nil {
		it.joining = map[*Object]bool{}
	}
	if it.joining[o] {
		return Str(""), nil
	}
	it.joining[o] = true
	defer delete(it.joining, o)
	n, err := it.lengthOf(o)
	if err != nil {
		return Undefined, err
	}
	sepStr := NewString(sep)
	// The separators alone would be too long: throw now, as V8 does,
	// rather than after walking a length of up to 2^53-1.
	if n > 1 && sepStr.Len() > 0 && float64(n-1)*float64(sepStr.Len()) > MaxStringLength {
		return Undefined, it.rangeError(errInvalidStringLength)
	}
	var sb strings.Builder
	units := 0
	for k := int64(0); k < n; k++ {
		if err := it.checkInterrupt(); err != nil {
			return Undefined, err
		}
		if k > 0 {
			sb.WriteString(sep)
			units += sepStr.Len()
		}
		v, err := it.Get(o, numberKey(float64(k)))
		if err != nil {
			return Undefined, err
		}
		if v.IsNullish() {
			continue
		}
		s, err := it.ToString(v)
		if err != nil {
			return Undefined, err
		}
		if units += s.Len(); units > MaxStringLength {
			return Undefined, it.rangeError(errInvalidStringLength)
		}
		sb.WriteString(s.String())
	}
	return Str(sb.String()), nil
}

// sortObject sorts o in place: undefineds last, holes after them.
func (it *Interp) sortObject(o *Object, cmp Value) error {
	n, err := it.lengthOf(o)
	if err != nil {
		return err
	}
	var vals []Value
	undefs := 0
	for k := int64(0); k < n; k++ {
		if err := it.checkInterrupt(); err != nil {
			return err
		}
		key := numberKey(float64(k))
		if has, err := it.hasProperty(o, key); err != nil {
			return err
		} else if !has {
			continue
		}
		v, err := it.Get(o, key)
		if err != nil {
			return err
		}
		if v.IsUndefined() {
			undefs++
			continue
		}
		vals = append(vals, v)
	}
	if err := it.sortValues(vals, cmp); err != nil {
		return err
	}
	k := int64(0)
	for _, v := range vals {
		if err := it.set(o, numberKey(float64(k)), v, ObjValue(o), true); err != nil {
			return err
		}
		k++
	}
	for ; undefs > 0; undefs-- {
		if err := it.set(o, numberKey(float64(k)), Undefined, ObjValue(o), true); err != nil {
			return err
		}
		k++
	}
	for ; k < n; k++ {
		if err := it.checkInterrupt(); err != nil {
			return err
		}
		if _, err := it.deleteProperty(ObjValue(o), numberKey(float64(k)), true); err != nil {
			return err
		}
	}
	return nil
}

// sortValues sorts vals (none undefined) stably by SortCompare with
// comparator cmp (undefined for string order).
func (it *Interp) sortValues(vals []Value, cmp Value) error {
	var sortErr error
	less := func(a, b Value) bool {
		if sortErr != nil {
			return false
		}
		if !cmp.IsUndefined() {
			res, err := it.Call(cmp, Undefined, a, b)
			if err != nil {
				sortErr = err
				return false
			}
			f, err := it.ToNumber(res)
			if err != nil {
				sortErr = err
				return false
			}
			return f < 0
		}
		if a.IsNumber() && b.IsNumber() {
			// Compare as strings without allocating when both are small
			// non-negative integers.
			if ai, bi := int64(a.num), int64(b.num); float64(ai) == a.num && float64(bi) == b.num && ai >= 0 && bi >= 0 {
				return compareIntStrings(ai, bi) < 0
			}
		}
		as, err := it.ToString(a)
		if err != nil {
			sortErr = err
			return false
		}
		bs, err := it.ToString(b)
		if err != nil {
			sortErr = err
			return false
		}
		return as.Compare(bs) < 0
	}
	sort.SliceStable(vals, func(i, j int) bool { return less(vals[i], vals[j]) })
	return sortErr
}

func compareIntStrings(a, b int64) int {
	var ab, bb [20]byte
	as := appendInt(ab[:0], a)
	bs := appendInt(bb[:0], b)
	return strings.Compare(string(as), string(bs))
}

func appendInt(b []byte, v int64) []byte {
	if v == 0 {
		return append(b, '0')
	}
	var tmp [20]byte
	i := len(tmp)
	for v > 0 {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}

// arrayTarget is the result of ArraySpeciesCreate: a plain array of the
// current realm, which the methods fill directly, or whatever a species
// constructor made, filled through CreateDataPropertyOrThrow.
type arrayTarget struct {
	o     *Object
	plain bool
}

// put is CreateDataPropertyOrThrow(t, k, v).
func (t arrayTarget) put(it *Interp, k int64, v Value) error {
	if t.plain {
		return it.putIndexed(t.o, k, v)
	}
	return it.createDataProperty(t.o, numberKey(float64(k)), v)
}

// setLength is Set(t, "length", n, true).
func (t arrayTarget) setLength(it *Interp, n int64) error {
	if t.plain && n <= math.MaxUint32 && t.o.flags&flagLengthReadonly == 0 {
		if uint32(n) > t.o.length {
			t.o.length = uint32(n)
		}
		return nil
	}
	return it.set(t.o, keyLength, Num(float64(n)), ObjValue(t.o), true)
}

// arraySpeciesCreate is ArraySpeciesCreate(o, n).
func (it *Interp) arraySpeciesCreate(o *Object, n int64) (arrayTarget, error) {
	plain := func() (arrayTarget, error) {
		if n > math.MaxUint32 {
			return arrayTarget{}, it.rangeError("Invalid array length")
		}
		return arrayTarget{o: it.realm.newArray(0), plain: true}, nil
	}
	isArr, err := it.isArray(ObjValue(o))
	if err != nil || !isArr {
		if err != nil {
			return arrayTarget{}, err
		}
		return plain()
	}
	c, err := it.getStr(o, "constructor")
	if err != nil {
		return arrayTarget{}, err
	}
	if co := c.Obj(); co != nil && co.IsConstructor() {
		cr, err := it.functionRealm(co)
		if err != nil {
			return arrayTarget{}, err
		}
		if cr != it.realm && co == cr.Array {
			c = Undefined
		}
	}
	if co := c.Obj(); co != nil {
		if c, err = it.Get(co, SymKey(it.SymSpecies)); err != nil {
			return arrayTarget{}, err
		}
		if c.IsNull() {
			c = Undefined
		}
	}
	if c.IsUndefined() || c.Obj() == it.realm.Array {
		return plain()
	}
	if co := c.Obj(); co == nil || !co.IsConstructor() {
		return arrayTarget{}, it.typeError("object.constructor[Symbol.species] is not a constructor")
	}
	a, err := it.Construct(c, []Value{Num(float64(n))}, nil)
	if err != nil {
		return arrayTarget{}, err
	}
	return arrayTarget{o: a.Obj()}, nil
}

// arrayFromCtor is Array.from with a this value C that is a constructor
// other than %Array%: the result is made by C and filled through
// CreateDataPropertyOrThrow, its length set at the end.
func (it *Interp) arrayFromCtor(c *Object, args []Value) (Value, error) {
	src, fn, thisArg := arg(args, 0), arg(args, 1), arg(args, 2)
	if !fn.IsUndefined() && !isCallable(fn) {
		return Undefined, it.typeError("Array.from: when provided, the second argument must be a function")
	}
	mapped := func(v Value, k int64) (Value, error) {
		if fn.IsUndefined() {
			return v, nil
		}
		return it.Call(fn, thisArg, v, Num(float64(k)))
	}
	m, err := it.getMethod(src, SymKey(it.SymIterator))
	if err != nil {
		return Undefined, err
	}
	if !m.IsUndefined() {
		ao, err := it.Construct(ObjValue(c), nil, nil)
		if err != nil {
			return Undefined, err
		}
		out := arrayTarget{o: ao.Obj()}
		iv, err := it.Call(m, src)
		if err != nil {
			return Undefined, err
		}
		io := iv.Obj()
		if io == nil {
			return Undefined, it.typeError("Result of the Symbol.iterator method is not an object")
		}
		rec, err := it.getIteratorDirect(io)
		if err != nil {
			return Undefined, err
		}
		for k := int64(0); ; k++ {
			v, done, err := it.stepValue(rec)
			if err != nil {
				return Undefined, err
			}
			if done {
				return ao, out.setLength(it, k)
			}
			if v, err = mapped(v, k); err == nil {
				err = out.put(it, k, v)
			}
			if err != nil {
				return Undefined, it.closeIterator(rec.iter, err)
			}
		}
	}
	o, err := it.ToObject(src)
	if err != nil {
		return Undefined, err
	}
	n, err := it.lengthOf(o)
	if err != nil {
		return Undefined, err
	}
	ao, err := it.Construct(ObjValue(c), []Value{Num(float64(n))}, nil)
	if err != nil {
		return Undefined, err
	}
	out := arrayTarget{o: ao.Obj()}
	for k := int64(0); k < n; k++ {
		if err := it.checkInterrupt(); err != nil {
			return Undefined, err
		}
		v, err := it.Get(o, numberKey(float64(k)))
		if err != nil {
			return Undefined, err
		}
		if v, err = mapped(v, k); err != nil {
			return Undefined, err
		}
		if err := out.put(it, k, v); err != nil {
			return Undefined, err
		}
	}
	return ao, out.setLength(it, n)
}

package vm

import (
	"math"
	"math/big"
	"strings"
)

// mapData is the storage of Map and Set: insertion-ordered entries with
// a hash index; deleted entries leave tombstones so iterators stay valid.
type mapData struct {
	keys, vals []Value
	live       []bool
	index      map[any]int
	size       int
}

func mapKey(v Value) any {
	switch v.kind {
	case KindNumber:
		if v.num == 0 {
			return 0.0
		}
		if math.IsNaN(v.num) {
			return "NaN#"
		}
		return v.num
	case KindString:
		return "s:" + v.Strv().Key()
	case KindBigInt:
		return "b:" + v.Big().String()
	case KindBool:
		return v.num != 0
	case KindUndefined:
		return struct{}{}
	case KindNull:
		return nil
	}
	return v.ptr
}

func (m *mapData) find(k Value) int {
	if i, ok := m.index[mapKey(k)]; ok {
		return i
	}
	return -1
}

func (m *mapData) set(k, v Value) {
	if i := m.find(k); i >= 0 {
		m.vals[i] = v
		return
	}
	if k.kind == KindNumber && k.num == 0 {
		k = Num(0)
	}
	m.index[mapKey(k)] = len(m.keys)
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
	m.live = append(m.live, true)
	m.size++
}

func (m *mapData) delete(k Value) bool {
	i := m.find(k)
	if i < 0 {
		return false
	}
	delete(m.index, mapKey(k))
	m.live[i] = false
	m.keys[i], m.vals[i] = Undefined, Undefined
	m.size--
	return true
}

// addFromIterable fills a new Map, Set, WeakMap or WeakSet o from the
// iterable src, calling adder on o: with each value for a set, with each
// entry's [0] and [1] for a map (ECMA-262 24.1.1.2 AddEntriesFromIterable
// and the Set constructor's loop).
func (it *Interp) addFromIterable(o *Object, src, adder Value, isSet bool) error {
	return it.iterate(src, func(v Value) (bool, error) {
		if isSet {
			_, err := it.Call(adder, ObjValue(o), v)
			return true, err
		}
		e := v.Obj()
		if e == nil {
			return false, it.typeError("Iterator value " + describeForError(v) + " is not an entry object")
		}
		k, err := it.Get(e, indexKey(0))
		if err != nil {
			return false, err
		}
		val, err := it.Get(e, indexKey(1))
		if err != nil {
			return false, err
		}
		_, err = it.Call(adder, ObjValue(o), k, val)
		return true, err
	})
}

func (r *Realm) initCollections() {
	for _, isSet := range []bool{false, true} {
		isSet := isSet
		name := "Map"
		class := ClassMap
		if isSet {
			name, class = "Set", ClassSet
		}
		p := NewObject(r.ObjectPrototype)
		p.defineOwn(SymKey(r.it.SymToStringTag), Str(name), Configurable)
		data := func(it *Interp, this Value) (*mapData, error) {
			if o := this.Obj(); o != nil && o.class == class {
				return o.internal.(*mapData), nil
			}
			return nil, it.typeError("Method " + name + ".prototype function called on incompatible receiver " + describeForError(this))
		}
		r.newCtor(name, 0, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
			if nt == nil {
				return Undefined, it.typeError("Constructor " + name + " requires 'new'")
			}
			proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return p })
			if err != nil {
				return Undefined, err
			}
			o := newObjectClass(proto, class)
			m := &mapData{index: map[any]int{}}
			o.internal = m
			if src := arg(args, 0); !src.IsNullish() {
				adder, err := it.getStr(o, map[bool]string{false: "set", true: "add"}[isSet])
				if err != nil {
					return Undefined, err
				}
				if err := it.addFromIterable(o, src, adder, isSet); err != nil {
					return Undefined, err
				}
			}
			return ObjValue(o), nil
		}, p)
		if isSet {
			r.method(p, "add", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				m, err := data(it, this)
				if err != nil {
					return Undefined, err
				}
				m.set(arg(args, 0), arg(args, 0))
				return this, nil
			})
		} else {
			r.method(p, "set", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				m, err := data(it, this)
				if err != nil {
					return Undefined, err
				}
				m.set(arg(args, 0), arg(args, 1))
				return this, nil
			})
			r.method(p, "get", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				m, err := data(it, this)
				if err != nil {
					return Undefined, err
				}
				if i := m.find(arg(args, 0)); i >= 0 {
					return m.vals[i], nil
				}
				return Undefined, nil
			})
		}
		r.method(p, "has", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			m, err := data(it, this)
			if err != nil {
				return Undefined, err
			}
			return Bool(m.find(arg(args, 0)) >= 0), nil
		})
		r.method(p, "delete", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			m, err := data(it, this)
			if err != nil {
				return Undefined, err
			}
			return Bool(m.delete(arg(args, 0))), nil
		})
		r.method(p, "clear", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			m, err := data(it, this)
			if err != nil {
				return Undefined, err
			}
			for i := range m.keys {
				m.live[i] = false
				m.keys[i], m.vals[i] = Undefined, Undefined
			}
			m.index = map[any]int{}
			m.size = 0
			return Undefined, nil
		})
		r.getter(p, StrKey("size"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			m, err := data(it, this)
			if err != nil {
				return Undefined, err
			}
			return Int(m.size), nil
		})
		r.method(p, "forEach", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			m, err := data(it, this)
			if err != nil {
				return Undefined, err
			}
			for i := 0; i < len(m.keys); i++ {
				if !m.live[i] {
					continue
				}
				if _, err := it.Call(arg(args, 0), arg(args, 1), m.vals[i], m.keys[i], this); err != nil {
					return Undefined, err
				}
			}
			return Undefined, nil
		})
		iterProto := NewObject(r.IteratorPrototype)
		iterProto.defineOwn(SymKey(r.it.SymToStringTag), Str(name+" Iterator"), Configurable)
		type mapIter struct {
			m    *mapData
			i    int
			kind int
		}
		r.method(iterProto, "next", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			o := this.Obj()
			var st *mapIter
			if o != nil {
				st, _ = o.internal.(*mapIter)
			}
			if st == nil {
				return Undefined, it.typeError("next method called on incompatible receiver")
			}
			for st.m != nil && st.i < len(st.m.keys) {
				i := st.i
				st.i++
				if !st.m.live[i] {
					continue
				}
				switch st.kind {
				case 0:
					return it.iterResult(st.m.keys[i], false), nil
				case 1:
					return it.iterResult(st.m.vals[i], false), nil
				}
				return it.iterResult(ObjValue(r.arrayOf([]Value{st.m.keys[i], st.m.vals[i]})), false), nil
			}
			st.m = nil
			return it.iterResult(Undefined, true), nil
		})
		for kind, mname := range []string{"keys", "values", "entries"} {
			kind := kind
			f := r.method(p, mname, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
				m, err := data(it, this)
				if err != nil {
					return Undefined, err
				}
				o := NewObject(iterProto)
				o.internal = &mapIter{m: m, kind: kind}
				return ObjValue(o), nil
			})
			if (isSet && mname == "values") || (!isSet && mname == "entries") {
				p.defineOwn(SymKey(r.it.SymIterator), ObjValue(f), Hidden)
				if isSet {
					p.defineOwn(StrKey("keys"), ObjValue(f), Hidden)
				}
			}
		}
	}
}

func (r *Realm) initBigInt() {
	p := NewObject(r.ObjectPrototype)
	r.BigIntPrototype = p
	p.defineOwn(SymKey(r.it.SymToStringTag), Str("BigInt"), Configurable)
	c := r.newCtor("BigInt", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt != nil {
			return Undefined, it.typeError("BigInt is not a constructor")
		}
		v, err := it.toPrimitive(arg(args, 0), "number")
		if err != nil {
			return Undefined, err
		}
		switch v.kind {
		case KindNumber:
			if v.num != math.Trunc(v.num) || math.IsInf(v.num, 0) || math.IsNaN(v.num) {
				return Undefined, it.rangeError("The number " + NumberToString(v.num) + " cannot be converted to a BigInt because it is not an integer")
			}
			b, _ := new(big.Float).SetFloat64(v.num).Int(nil)
			return BigIntValue(b), nil
		case KindBigInt:
			return v, nil
		case KindBool:
			return BigIntValue(big.NewInt(int64(v.num))), nil
		case KindString:
			s := strings.TrimFunc(v.Strv().String(), isJSSpace)
			if s == "" {
				return BigIntValue(new(big.Int)), nil
			}
			b, ok := new(big.Int).SetString(s, 0)
			if !ok || strings.Contains(s, "_") {
				return Undefined, it.throwError(SyntaxError, "Cannot convert "+s+" to a BigInt")
			}
			return BigIntValue(b), nil
		}
		return Undefined, it.typeError("Cannot convert " + describeForError(v) + " to a BigInt")
	}, p)
	_ = c
	thisBig := func(it *Interp, this Value) (*big.Int, error) {
		if b := this.Big(); b != nil {
			return b, nil
		}
		if o := this.Obj(); o != nil && o.class == ClassBigInt {
			return o.internal.(Value).Big(), nil
		}
		return nil, it.typeError("BigInt.prototype method called on incompatible receiver")
	}
	r.method(p, "toString", 0, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		b, err := thisBig(it, this)
		if err != nil {
			return Undefined, err
		}
		radix := 10
		if a := arg(args, 0); !a.IsUndefined() {
			f, err := it.ToNumber(a)
			if err != nil {
				return Undefined, err
			}
			radix = int(ToIntegerOrInfinity(f))
			if radix < 2 || radix > 36 {
				return Undefined, it.rangeError("toString() radix must be between 2 and 36")
			}
		}
		return Str(b.Text(radix)), nil
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		b, err := thisBig(it, this)
		if err != nil {
			return Undefined, err
		}
		return BigIntValue(b), nil
	})
}

package vm

import (
	"math"
	"sort"
	"strings"
)

// %TypedArray% and its eleven concrete constructors (ECMA-262 23.2).

// newTypedArray makes a typed array object viewing buf.
func newTypedArray(proto *Object, k taKind, buf *Object, offset, fixedLen int) *Object {
	o := newObjectClass(proto, ClassTypedArray)
	// Elements never live in elems: the flag keeps every dense-element
	// fast path away from typed arrays.
	o.flags |= flagSlowElements
	o.internal = &typedArray{kind: k, buf: buf, ab: buf.internal.(*arrayBuffer), offset: offset, fixedLen: fixedLen}
	return o
}

// allocTypedArray is AllocateTypedArray with a length: a new buffer of n
// elements of type k.
func (it *Interp) allocTypedArray(k taKind, proto *Object, n int64) (*Object, error) {
	if n > maxBufferBytes/int64(k.size()) {
		return nil, it.rangeError("Invalid typed array length: " + NumberToString(float64(n)))
	}
	buf, err := it.allocateBuffer(nil, n*int64(k.size()), -1, false)
	if err != nil {
		return nil, err
	}
	return newTypedArray(proto, k, buf, 0, int(n)), nil
}

// validateTA is ValidateTypedArray: this must be a typed array whose view
// is in bounds. It returns the object, its state and its length.
func (it *Interp) validateTA(this Value, method string) (*Object, *typedArray, int, error) {
	o := this.Obj()
	ta := typedArrayOf(o)
	if ta == nil {
		return nil, nil, 0, it.typeError("%TypedArray%.prototype." + method + " called on incompatible receiver " + describeForError(this))
	}
	if ta.outOfBounds() {
		return nil, nil, 0, it.typeError("Cannot perform %TypedArray%.prototype." + method + " on a detached or out-of-bounds typed array")
	}
	return o, ta, ta.length(), nil
}

// toIntegerOrInfinity is ToIntegerOrInfinity on any value.
func (it *Interp) toIntegerOrInfinity(v Value) (float64, error) {
	f, err := it.ToNumber(v)
	return ToIntegerOrInfinity(f), err
}

// taCreateFromCtor is TypedArrayCreateFromConstructor.
func (it *Interp) taCreateFromCtor(c *Object, args []Value) (*Object, *typedArray, error) {
	var o *Object
	if k, ok := it.realm.intrinsicTAKind(c); ok && len(args) == 1 && args[0].IsNumber() {
		// The intrinsic constructor with a length, made directly: its
		// prototype property cannot change, so nothing observable differs.
		var err error
		if o, err = it.allocTypedArray(k, it.realm.typedProtos[k], int64(args[0].num)); err != nil {
			return nil, nil, err
		}
	} else {
		v, err := it.Construct(ObjValue(c), args, nil)
		if err != nil {
			return nil, nil, err
		}
		o = v.Obj()
	}
	ta := typedArrayOf(o)
	if ta == nil {
		return nil, nil, it.typeError("constructor did not return a TypedArray")
	}
	if ta.outOfBounds() {
		return nil, nil, it.typeError("constructor returned a detached or out-of-bounds TypedArray")
	}
	if len(args) == 1 && args[0].IsNumber() && float64(ta.length()) < args[0].num {
		return nil, nil, it.typeError("constructor returned a TypedArray that is too short")
	}
	return o, ta, nil
}

func (r *Realm) intrinsicTAKind(c *Object) (taKind, bool) {
	if c == nil || c.class != ClassFunction {
		return 0, false
	}
	for k, tc := range r.typedCtors {
		if tc == c {
			return taKind(k), true
		}
	}
	return 0, false
}

// taSpeciesCreate is TypedArraySpeciesCreate.
func (it *Interp) taSpeciesCreate(o *Object, ta *typedArray, args []Value) (*Object, *typedArray, error) {
	c, err := it.speciesConstructorOf(o, it.realm.typedCtors[ta.kind])
	if err != nil {
		return nil, nil, err
	}
	a, ata, err := it.taCreateFromCtor(c, args)
	if err != nil {
		return nil, nil, err
	}
	if ata.kind.isBig() != ta.kind.isBig() {
		return nil, nil, it.typeError("species constructor returned a TypedArray of another content type")
	}
	return a, ata, nil
}

// iterableToList is IteratorToList(GetIteratorFromMethod(v, m)).
func (it *Interp) iterableToList(v, m Value) ([]Value, error) {
	rec := &iterRecord{}
	wrap := func() Value {
		o := NewObject(nil)
		o.internal = rec
		return ObjValue(o)
	}
	var rv Value
	if o := v.Obj(); o != nil && o.class == ClassArray && m.Obj() == it.realm.ArrayValues && it.realm.arrayIteratorIntact() {
		rec.arr = o
		rv = wrap()
	} else {
		var err error
		if rv, err = it.iteratorFrom(v, m, rec, wrap); err != nil {
			return nil, err
		}
	}
	var out []Value
	for {
		if err := it.checkInterrupt(); err != nil {
			return nil, err
		}
		x, err := it.iteratorStep(rv)
		if err != nil {
			return nil, err
		}
		if x.kind == KindHole {
			return out, nil
		}
		out = append(out, x)
	}
}

// fillFromValues stores values into the fresh typed array o, converting
// each (TypedArraySetElement).
func (it *Interp) fillFromValues(ta *typedArray, vals []Value) error {
	for i, v := range vals {
		if err := it.taSetElement(ta, float64(i), v); err != nil {
			return err
		}
	}
	return nil
}

// typedCtor is the behaviour of a concrete TypedArray constructor.
func (r *Realm) typedCtor(k taKind) HostFunc {
	name := taNames[k]
	return func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Constructor " + name + " requires 'new'")
		}
		fallback := func(r *Realm) *Object { return r.typedProtos[k] }
		first := arg(args, 0)
		src := first.Obj()
		if src == nil {
			n, err := it.toIndex(first)
			if err != nil {
				return Undefined, err
			}
			proto, err := it.protoFromCtor(nt, fallback)
			if err != nil {
				return Undefined, err
			}
			o, err := it.allocTypedArray(k, proto, n)
			return ObjValue(o), err
		}
		proto, err := it.protoFromCtor(nt, fallback)
		if err != nil {
			return Undefined, err
		}
		switch src.class {
		case ClassTypedArray:
			sta := src.internal.(*typedArray)
			if sta.outOfBounds() {
				return Undefined, it.typeError("Cannot construct a " + name + " from a detached or out-of-bounds typed array")
			}
			if sta.kind.isBig() != k.isBig() {
				return Undefined, it.typeError("Cannot mix BigInt and other types, use explicit conversions")
			}
			n := sta.length()
			o, err := it.allocTypedArray(k, proto, int64(n))
			if err != nil {
				return Undefined, err
			}
			ta := o.internal.(*typedArray)
			if sta.kind == k {
				copy(ta.ab.data, sta.ab.data[sta.offset:sta.offset+n*k.size()])
			} else {
				for i := 0; i < n; i++ {
					storeElem(k, ta.ab.data[i*k.size():], sta.load(i))
				}
			}
			return ObjValue(o), nil
		case ClassArrayBuffer:
			o, err := it.typedFromBuffer(k, proto, src, arg(args, 1), arg(args, 2))
			return ObjValue(o), err
		}
		m, err := it.getMethod(first, SymKey(it.SymIterator))
		if err != nil {
			return Undefined, err
		}
		if !m.IsUndefined() {
			vals, err := it.iterableToList(first, m)
			if err != nil {
				return Undefined, err
			}
			o, err := it.allocTypedArray(k, proto, int64(len(vals)))
			if err != nil {
				return Undefined, err
			}
			return ObjValue(o), it.fillFromValues(o.internal.(*typedArray), vals)
		}
		n, err := it.lengthOf(src)
		if err != nil {
			return Undefined, err
		}
		o, err := it.allocTypedArray(k, proto, n)
		if err != nil {
			return Undefined, err
		}
		ta := o.internal.(*typedArray)
		for i := int64(0); i < n; i++ {
			v, err := it.Get(src, numberKey(float64(i)))
			if err != nil {
				return Undefined, err
			}
			if err := it.taSetElement(ta, float64(i), v); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(o), nil
	}
}

// typedFromBuffer is InitializeTypedArrayFromArrayBuffer.
func (it *Interp) typedFromBuffer(k taKind, proto, buf *Object, byteOffset, length Value) (*Object, error) {
	size := int64(k.size())
	offset, err := it.toIndex(byteOffset)
	if err != nil {
		return nil, err
	}
	if offset%size != 0 {
		return nil, it.rangeError("start offset of " + taNames[k] + " should be a multiple of " + NumberToString(float64(size)))
	}
	b := buf.internal.(*arrayBuffer)
	fixedBuf := !b.resizable
	var newLen int64
	if !length.IsUndefined() {
		if newLen, err = it.toIndex(length); err != nil {
			return nil, err
		}
	}
	if b.detached {
		return nil, it.typeError("Cannot construct a " + taNames[k] + " on a detached ArrayBuffer")
	}
	bufLen := int64(len(b.data))
	if length.IsUndefined() && !fixedBuf {
		if offset > bufLen {
			return nil, it.rangeError("Start offset " + NumberToString(float64(offset)) + " is outside the bounds of the buffer")
		}
		return newTypedArray(proto, k, buf, int(offset), -1), nil
	}
	var byteLen int64
	if length.IsUndefined() {
		if bufLen%size != 0 {
			return nil, it.rangeError("byte length of " + taNames[k] + " should be a multiple of " + NumberToString(float64(size)))
		}
		byteLen = bufLen - offset
		if byteLen < 0 {
			return nil, it.rangeError("Start offset " + NumberToString(float64(offset)) + " is outside the bounds of the buffer")
		}
	} else {
		byteLen = newLen * size
		if offset+byteLen > bufLen {
			return nil, it.rangeError("Invalid typed array length: " + NumberToString(float64(newLen)))
		}
	}
	return newTypedArray(proto, k, buf, int(offset), int(byteLen/size)), nil
}

func (r *Realm) initTypedArrays() {
	it := r.it
	p := NewObject(r.ObjectPrototype)
	r.TypedArrayPrototype = p
	ta := r.newFunc("TypedArray", 0, func(it *Interp, _ Value, _ []Value, _ *Object) (Value, error) {
		return Undefined, it.typeError("Abstract class TypedArray not directly constructable")
	})
	ta.fn.ctor = true
	ta.defineOwn(keyPrototype, ObjValue(p), 0)
	p.defineOwn(keyConstructor, ObjValue(ta), Hidden)
	r.TypedArray = ta
	r.getter(ta, SymKey(it.SymSpecies), func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) { return this, nil })

	r.method(ta, "from", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		c := this.Obj()
		if c == nil || !c.IsConstructor() {
			return Undefined, it.typeError(describeForError(this) + " is not a constructor")
		}
		fn, thisArg := arg(args, 1), arg(args, 2)
		if !fn.IsUndefined() && !isCallable(fn) {
			return Undefined, it.typeError(describeForError(fn) + " is not a function")
		}
		src := arg(args, 0)
		mapped := func(v Value, i int) (Value, error) {
			if fn.IsUndefined() {
				return v, nil
			}
			return it.Call(fn, thisArg, v, Int(i))
		}
		m, err := it.getMethod(src, SymKey(it.SymIterator))
		if err != nil {
			return Undefined, err
		}
		if !m.IsUndefined() {
			vals, err := it.iterableToList(src, m)
			if err != nil {
				return Undefined, err
			}
			o, _, err := it.taCreateFromCtor(c, []Value{Int(len(vals))})
			if err != nil {
				return Undefined, err
			}
			for i, v := range vals {
				if v, err = mapped(v, i); err != nil {
					return Undefined, err
				}
				if err := it.set(o, indexKey(i), v, ObjValue(o), true); err != nil {
					return Undefined, err
				}
			}
			return ObjValue(o), nil
		}
		al, err := it.ToObject(src)
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(al)
		if err != nil {
			return Undefined, err
		}
		o, _, err := it.taCreateFromCtor(c, []Value{Num(float64(n))})
		if err != nil {
			return Undefined, err
		}
		for i := 0; int64(i) < n; i++ {
			v, err := it.Get(al, indexKey(i))
			if err != nil {
				return Undefined, err
			}
			if v, err = mapped(v, i); err != nil {
				return Undefined, err
			}
			if err := it.set(o, indexKey(i), v, ObjValue(o), true); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(o), nil
	})
	r.method(ta, "of", 0, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		c := this.Obj()
		if c == nil || !c.IsConstructor() {
			return Undefined, it.typeError(describeForError(this) + " is not a constructor")
		}
		o, _, err := it.taCreateFromCtor(c, []Value{Int(len(args))})
		if err != nil {
			return Undefined, err
		}
		for i, v := range args {
			if err := it.set(o, indexKey(i), v, ObjValue(o), true); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(o), nil
	})

	r.initTypedArrayPrototype(p)

	for k := range numTAKinds {
		kp := NewObject(p)
		c := r.newCtor(taNames[k], 3, r.typedCtor(k), kp)
		c.setProto(ta)
		bpe := Int(k.size())
		c.defineOwn(StrKey("BYTES_PER_ELEMENT"), bpe, 0)
		kp.defineOwn(StrKey("BYTES_PER_ELEMENT"), bpe, 0)
		r.typedCtors[k], r.typedProtos[k] = c, kp
	}
}

func (r *Realm) initTypedArrayPrototype(p *Object) {
	thisSlot := func(it *Interp, this Value, name string) (*typedArray, error) {
		ta := typedArrayOf(this.Obj())
		if ta == nil {
			return nil, it.typeError("%TypedArray%.prototype." + name + " called on incompatible receiver " + describeForError(this))
		}
		return ta, nil
	}
	r.getter(p, StrKey("buffer"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		ta, err := thisSlot(it, this, "buffer")
		if err != nil {
			return Undefined, err
		}
		return ObjValue(ta.buf), nil
	})
	r.getter(p, StrKey("byteLength"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		ta, err := thisSlot(it, this, "byteLength")
		if err != nil {
			return Undefined, err
		}
		return Int(ta.length() * ta.kind.size()), nil
	})
	r.getter(p, StrKey("byteOffset"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		ta, err := thisSlot(it, this, "byteOffset")
		if err != nil {
			return Undefined, err
		}
		if ta.outOfBounds() {
			return Int(0), nil
		}
		return Int(ta.offset), nil
	})
	r.getter(p, keyLength, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		ta, err := thisSlot(it, this, "length")
		if err != nil {
			return Undefined, err
		}
		return Int(ta.length()), nil
	})
	lp, _ := p.getOwn(keyLength)
	r.taLengthGetter = lp.value.accessor().get
	r.getter(p, SymKey(r.it.SymToStringTag), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		if ta := typedArrayOf(this.Obj()); ta != nil {
			return Str(taNames[ta.kind]), nil
		}
		return Undefined, nil
	})

	r.method(p, "at", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "at")
		if err != nil {
			return Undefined, err
		}
		f, err := it.toIntegerOrInfinity(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if f < 0 {
			f += float64(n)
		}
		if f < 0 || f >= float64(n) {
			return Undefined, nil
		}
		return ta.get(int(f)), nil
	})
	r.method(p, "copyWithin", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "copyWithin")
		if err != nil {
			return Undefined, err
		}
		n64 := int64(n)
		to, err := it.relIndex(arg(args, 0), n64, 0)
		if err != nil {
			return Undefined, err
		}
		from, err := it.relIndex(arg(args, 1), n64, 0)
		if err != nil {
			return Undefined, err
		}
		final, err := it.relIndex(arg(args, 2), n64, n64)
		if err != nil {
			return Undefined, err
		}
		count := min(final-from, n64-to)
		if count > 0 {
			if ta.outOfBounds() {
				return Undefined, it.typeError("Cannot perform %TypedArray%.prototype.copyWithin on a detached or out-of-bounds typed array")
			}
			size := int64(ta.kind.size())
			limit := int64(ta.length())*size + int64(ta.offset)
			toB := to*size + int64(ta.offset)
			fromB := from*size + int64(ta.offset)
			nb := count * size
			// Both ranges end at the (possibly shrunk) view's limit; copy
			// moves overlapping bytes as if through a temporary.
			if nb = min(nb, limit-fromB, limit-toB); nb > 0 {
				copy(ta.ab.data[toB:toB+nb], ta.ab.data[fromB:fromB+nb])
			}
		}
		return this, nil
	})
	iterMethod := func(name string, kind int) *Object {
		return r.method(p, name, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			o, _, _, err := it.validateTA(this, name)
			if err != nil {
				return Undefined, err
			}
			return ObjValue(it.realm.newArrayIterator(o, kind)), nil
		})
	}
	iterMethod("entries", 2)
	iterMethod("keys", 0)
	values := iterMethod("values", 1)
	p.defineOwn(SymKey(r.it.SymIterator), ObjValue(values), Hidden)

	// callbackLoop runs the callback of every, some, find and friends over
	// the elements, forwards or backwards, until stop says so.
	callbackLoop := func(name string, backwards bool, stop func(it *Interp, res Value, v Value, i int) (Value, bool)) HostFunc {
		return func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, ta, n, err := it.validateTA(this, name)
			if err != nil {
				return Undefined, err
			}
			fn := arg(args, 0)
			if !isCallable(fn) {
				return Undefined, it.typeError(describeForError(fn) + " is not a function")
			}
			thisArg := arg(args, 1)
			for j := 0; j < n; j++ {
				i := j
				if backwards {
					i = n - 1 - j
				}
				v := ta.get(i)
				res, err := it.Call(fn, thisArg, v, Int(i), ObjValue(o))
				if err != nil {
					return Undefined, err
				}
				if out, done := stop(it, res, v, i); done {
					return out, nil
				}
			}
			out, _ := stop(it, Hole, Undefined, -1)
			return out, nil
		}
	}
	// stop sees res == Hole once the loop has run to the end.
	r.method(p, "every", 1, callbackLoop("every", false, func(_ *Interp, res, _ Value, _ int) (Value, bool) {
		if res.kind == KindHole {
			return True, true
		}
		return False, !ToBoolean(res)
	}))
	r.method(p, "some", 1, callbackLoop("some", false, func(_ *Interp, res, _ Value, _ int) (Value, bool) {
		if res.kind == KindHole {
			return False, true
		}
		return True, ToBoolean(res)
	}))
	r.method(p, "forEach", 1, callbackLoop("forEach", false, func(_ *Interp, res, _ Value, _ int) (Value, bool) {
		return Undefined, res.kind == KindHole
	}))
	for _, f := range []struct {
		name      string
		backwards bool
		index     bool
	}{{"find", false, false}, {"findIndex", false, true}, {"findLast", true, false}, {"findLastIndex", true, true}} {
		r.method(p, f.name, 1, callbackLoop(f.name, f.backwards, func(_ *Interp, res, v Value, i int) (Value, bool) {
			if res.kind == KindHole {
				if f.index {
					return Int(-1), true
				}
				return Undefined, true
			}
			if !ToBoolean(res) {
				return Undefined, false
			}
			if f.index {
				return Int(i), true
			}
			return v, true
		}))
	}
	r.method(p, "fill", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "fill")
		if err != nil {
			return Undefined, err
		}
		v, err := it.taConvert(ta.kind, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		start, err := it.relIndex(arg(args, 1), int64(n), 0)
		if err != nil {
			return Undefined, err
		}
		end, err := it.relIndex(arg(args, 2), int64(n), int64(n))
		if err != nil {
			return Undefined, err
		}
		if ta.outOfBounds() {
			return Undefined, it.typeError("Cannot perform %TypedArray%.prototype.fill on a detached or out-of-bounds typed array")
		}
		end = min(end, int64(ta.length()))
		size := ta.kind.size()
		for i := int(start); i < int(end); i++ {
			storeElem(ta.kind, ta.ab.data[ta.offset+i*size:], v)
		}
		return this, nil
	})
	r.method(p, "filter", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, ta, n, err := it.validateTA(this, "filter")
		if err != nil {
			return Undefined, err
		}
		fn := arg(args, 0)
		if !isCallable(fn) {
			return Undefined, it.typeError(describeForError(fn) + " is not a function")
		}
		var kept []Value
		for i := 0; i < n; i++ {
			v := ta.get(i)
			res, err := it.Call(fn, arg(args, 1), v, Int(i), this)
			if err != nil {
				return Undefined, err
			}
			if ToBoolean(res) {
				kept = append(kept, v)
			}
		}
		a, ata, err := it.taSpeciesCreate(o, ta, []Value{Int(len(kept))})
		if err != nil {
			return Undefined, err
		}
		for i, v := range kept {
			if err := it.taSetElement(ata, float64(i), v); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(a), nil
	})
	r.method(p, "includes", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		return r.taSearch(it, this, args, "includes")
	})
	r.method(p, "indexOf", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		return r.taSearch(it, this, args, "indexOf")
	})
	r.method(p, "lastIndexOf", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		return r.taSearch(it, this, args, "lastIndexOf")
	})
	r.method(p, "join", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "join")
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
		var sb strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteString(sep)
			}
			if v := ta.get(i); !v.IsUndefined() {
				s, err := it.ToString(v)
				if err != nil {
					return Undefined, err
				}
				sb.WriteString(s.String())
			}
			if sb.Len() > MaxStringLength {
				return Undefined, it.rangeError(errInvalidStringLength)
			}
		}
		return Str(sb.String()), nil
	})
	r.method(p, "map", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, ta, n, err := it.validateTA(this, "map")
		if err != nil {
			return Undefined, err
		}
		fn := arg(args, 0)
		if !isCallable(fn) {
			return Undefined, it.typeError(describeForError(fn) + " is not a function")
		}
		a, _, err := it.taSpeciesCreate(o, ta, []Value{Int(n)})
		if err != nil {
			return Undefined, err
		}
		for i := 0; i < n; i++ {
			v, err := it.Call(fn, arg(args, 1), ta.get(i), Int(i), this)
			if err != nil {
				return Undefined, err
			}
			if err := it.set(a, indexKey(i), v, ObjValue(a), true); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(a), nil
	})
	reduce := func(name string, right bool) HostFunc {
		return func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			_, ta, n, err := it.validateTA(this, name)
			if err != nil {
				return Undefined, err
			}
			fn := arg(args, 0)
			if !isCallable(fn) {
				return Undefined, it.typeError(describeForError(fn) + " is not a function")
			}
			idx := func(j int) int {
				if right {
					return n - 1 - j
				}
				return j
			}
			j := 0
			var acc Value
			if len(args) > 1 {
				acc = args[1]
			} else {
				if n == 0 {
					return Undefined, it.typeError("Reduce of empty array with no initial value")
				}
				acc = ta.get(idx(0))
				j = 1
			}
			for ; j < n; j++ {
				i := idx(j)
				if acc, err = it.Call(fn, Undefined, acc, ta.get(i), Int(i), this); err != nil {
					return Undefined, err
				}
			}
			return acc, nil
		}
	}
	r.method(p, "reduce", 1, reduce("reduce", false))
	r.method(p, "reduceRight", 1, reduce("reduceRight", true))
	r.method(p, "reverse", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "reverse")
		if err != nil {
			return Undefined, err
		}
		size := ta.kind.size()
		d := ta.ab.data[ta.offset : ta.offset+n*size]
		var tmp [8]byte
		for lo, hi := 0, n-1; lo < hi; lo, hi = lo+1, hi-1 {
			a, b := d[lo*size:(lo+1)*size], d[hi*size:(hi+1)*size]
			copy(tmp[:size], a)
			copy(a, b)
			copy(b, tmp[:size])
		}
		return this, nil
	})
	r.method(p, "set", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		ta, err := thisSlot(it, this, "set")
		if err != nil {
			return Undefined, err
		}
		off, err := it.toIntegerOrInfinity(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		if off < 0 {
			return Undefined, it.rangeError("offset is out of bounds")
		}
		return Undefined, it.taSetFrom(ta, off, arg(args, 0))
	})
	r.method(p, "slice", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, ta, n, err := it.validateTA(this, "slice")
		if err != nil {
			return Undefined, err
		}
		start, err := it.relIndex(arg(args, 0), int64(n), 0)
		if err != nil {
			return Undefined, err
		}
		end, err := it.relIndex(arg(args, 1), int64(n), int64(n))
		if err != nil {
			return Undefined, err
		}
		count := max(end-start, 0)
		a, ata, err := it.taSpeciesCreate(o, ta, []Value{Num(float64(count))})
		if err != nil {
			return Undefined, err
		}
		if count > 0 {
			if ta.outOfBounds() {
				return Undefined, it.typeError("Cannot perform %TypedArray%.prototype.slice on a detached or out-of-bounds typed array")
			}
			end = min(end, int64(ta.length()))
			count = max(end-start, 0)
			if count == 0 {
				return ObjValue(a), nil
			}
			if ata.kind == ta.kind {
				size := int64(ta.kind.size())
				src := ta.ab.data[int64(ta.offset)+start*size : int64(ta.offset)+(start+count)*size]
				dst := ata.ab.data[ata.offset:]
				if lim := ata.length() * int(size); len(dst) > lim {
					dst = dst[:lim]
				}
				if ata.ab == ta.ab {
					// The same buffer: byte by byte, front to back, as the
					// spec copies, so that overlaps repeat bytes.
					for i := range min(len(dst), len(src)) {
						dst[i] = src[i]
					}
				} else {
					copy(dst, src)
				}
			} else {
				for i := int64(0); i < count; i++ {
					if err := it.taSetElement(ata, float64(i), ta.get(int(start+i))); err != nil {
						return Undefined, err
					}
				}
			}
		}
		return ObjValue(a), nil
	})
	r.method(p, "sort", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		cmp := arg(args, 0)
		if !cmp.IsUndefined() && !isCallable(cmp) {
			return Undefined, it.typeError("The comparison function must be either a function or undefined")
		}
		_, ta, n, err := it.validateTA(this, "sort")
		if err != nil {
			return Undefined, err
		}
		vals, err := it.taSorted(ta, n, cmp)
		if err != nil {
			return Undefined, err
		}
		for i, v := range vals {
			ta.store(i, v)
		}
		return this, nil
	})
	r.method(p, "subarray", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o := this.Obj()
		ta, err := thisSlot(it, this, "subarray")
		if err != nil {
			return Undefined, err
		}
		n := int64(ta.length())
		start, err := it.relIndex(arg(args, 0), n, 0)
		if err != nil {
			return Undefined, err
		}
		size := int64(ta.kind.size())
		begin := Num(float64(int64(ta.offset) + start*size))
		var cargs []Value
		if ta.fixedLen < 0 && arg(args, 1).IsUndefined() {
			cargs = []Value{ObjValue(ta.buf), begin}
		} else {
			end, err := it.relIndex(arg(args, 1), n, n)
			if err != nil {
				return Undefined, err
			}
			cargs = []Value{ObjValue(ta.buf), begin, Num(float64(max(end-start, 0)))}
		}
		a, _, err := it.taSpeciesCreate(o, ta, cargs)
		return ObjValue(a), err
	})
	r.method(p, "toLocaleString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "toLocaleString")
		if err != nil {
			return Undefined, err
		}
		var sb strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(',')
			}
			v := ta.get(i)
			if v.IsNullish() {
				continue
			}
			f, err := it.getV(v, StrKey("toLocaleString"))
			if err != nil {
				return Undefined, err
			}
			res, err := it.Call(f, v)
			if err != nil {
				return Undefined, err
			}
			s, err := it.ToString(res)
			if err != nil {
				return Undefined, err
			}
			sb.WriteString(s.String())
		}
		return Str(sb.String()), nil
	})
	r.method(p, "toReversed", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "toReversed")
		if err != nil {
			return Undefined, err
		}
		a, err := it.allocTypedArray(ta.kind, it.realm.typedProtos[ta.kind], int64(n))
		if err != nil {
			return Undefined, err
		}
		ata := a.internal.(*typedArray)
		for i := 0; i < n; i++ {
			ata.store(i, ta.get(n-1-i))
		}
		return ObjValue(a), nil
	})
	r.method(p, "toSorted", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		cmp := arg(args, 0)
		if !cmp.IsUndefined() && !isCallable(cmp) {
			return Undefined, it.typeError("The comparison function must be either a function or undefined")
		}
		_, ta, n, err := it.validateTA(this, "toSorted")
		if err != nil {
			return Undefined, err
		}
		a, err := it.allocTypedArray(ta.kind, it.realm.typedProtos[ta.kind], int64(n))
		if err != nil {
			return Undefined, err
		}
		vals, err := it.taSorted(ta, n, cmp)
		if err != nil {
			return Undefined, err
		}
		ata := a.internal.(*typedArray)
		for i, v := range vals {
			ata.store(i, v)
		}
		return ObjValue(a), nil
	})
	r.method(p, "with", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		_, ta, n, err := it.validateTA(this, "with")
		if err != nil {
			return Undefined, err
		}
		rel, err := it.toIntegerOrInfinity(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		idx := rel
		if rel < 0 {
			idx = float64(n) + rel
		}
		v, err := it.taConvert(ta.kind, arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		if _, ok := ta.validIndex(idx); !ok {
			return Undefined, it.rangeError("Invalid typed array index")
		}
		a, err := it.allocTypedArray(ta.kind, it.realm.typedProtos[ta.kind], int64(n))
		if err != nil {
			return Undefined, err
		}
		ata := a.internal.(*typedArray)
		for i := 0; i < n; i++ {
			if float64(i) == idx {
				ata.store(i, v)
			} else {
				ata.store(i, ta.get(i))
			}
		}
		return ObjValue(a), nil
	})
	if ts, ok := r.ArrayPrototype.getOwn(StrKey("toString")); ok {
		p.defineOwn(StrKey("toString"), ts.value, Hidden)
	}
}

// taSearch is includes, indexOf and lastIndexOf.
func (r *Realm) taSearch(it *Interp, this Value, args []Value, name string) (Value, error) {
	_, ta, n, err := it.validateTA(this, name)
	if err != nil {
		return Undefined, err
	}
	notFound := Int(-1)
	if name == "includes" {
		notFound = False
	}
	if n == 0 {
		return notFound, nil
	}
	target := arg(args, 0)
	if name == "lastIndexOf" {
		k := float64(n - 1)
		if len(args) > 1 {
			f, err := it.toIntegerOrInfinity(args[1])
			if err != nil {
				return Undefined, err
			}
			if f >= 0 {
				k = math.Min(f, float64(n-1))
			} else {
				k = float64(n) + f
			}
		}
		for i := int(math.Max(k, -1)); i >= 0; i-- {
			if i < ta.length() && StrictEquals(ta.load(i), target) {
				return Int(i), nil
			}
		}
		return notFound, nil
	}
	f, err := it.toIntegerOrInfinity(arg(args, 1))
	if err != nil {
		return Undefined, err
	}
	if math.IsInf(f, 1) {
		return notFound, nil
	}
	k := int(clampIndex(f, int64(n)))
	for i := k; i < n; i++ {
		if name == "includes" {
			if SameValueZero(ta.get(i), target) {
				return True, nil
			}
		} else if i < ta.length() && StrictEquals(ta.load(i), target) {
			return Int(i), nil
		}
	}
	return notFound, nil
}

// taSetFrom is the body of %TypedArray%.prototype.set: from a typed
// array (SetTypedArrayFromTypedArray) or an array-like.
func (it *Interp) taSetFrom(ta *typedArray, off float64, source Value) error {
	if ta.outOfBounds() {
		return it.typeError("Cannot perform %TypedArray%.prototype.set on a detached or out-of-bounds typed array")
	}
	tlen := ta.length()
	if sta := typedArrayOf(source.Obj()); sta != nil {
		if sta.outOfBounds() {
			return it.typeError("Cannot perform %TypedArray%.prototype.set from a detached or out-of-bounds typed array")
		}
		slen := sta.length()
		if math.IsInf(off, 1) || float64(slen)+off > float64(tlen) {
			return it.rangeError("offset is out of bounds")
		}
		if sta.kind.isBig() != ta.kind.isBig() {
			return it.typeError("Cannot mix BigInt and other types, use explicit conversions")
		}
		ssize, tsize := sta.kind.size(), ta.kind.size()
		src := sta.ab.data[sta.offset : sta.offset+slen*ssize]
		if sta.ab == ta.ab {
			src = append([]byte(nil), src...)
		}
		dst := ta.ab.data[ta.offset+int(off)*tsize:]
		if sta.kind == ta.kind {
			copy(dst, src)
			return nil
		}
		for i := 0; i < slen; i++ {
			storeElem(ta.kind, dst[i*tsize:], loadElem(sta.kind, src[i*ssize:]))
		}
		return nil
	}
	src, err := it.ToObject(source)
	if err != nil {
		return err
	}
	slen, err := it.lengthOf(src)
	if err != nil {
		return err
	}
	if math.IsInf(off, 1) || float64(slen)+off > float64(tlen) {
		return it.rangeError("offset is out of bounds")
	}
	for i := int64(0); i < slen; i++ {
		v, err := it.Get(src, numberKey(float64(i)))
		if err != nil {
			return err
		}
		if err := it.taSetElement(ta, off+float64(i), v); err != nil {
			return err
		}
	}
	return nil
}

// taSorted reads the n elements of ta and returns them sorted, stably,
// by cmp or numerically (SortIndexedProperties with
// CompareTypedArrayElements).
func (it *Interp) taSorted(ta *typedArray, n int, cmp Value) ([]Value, error) {
	vals := make([]Value, n)
	for i := range vals {
		vals[i] = ta.get(i)
	}
	var sortErr error
	var less func(a, b Value) bool
	switch {
	case !cmp.IsUndefined():
		less = func(a, b Value) bool {
			if sortErr != nil {
				return false
			}
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
	case ta.kind.isBig():
		less = func(a, b Value) bool { return a.Big().Cmp(b.Big()) < 0 }
	default:
		less = func(a, b Value) bool {
			x, y := a.num, b.num
			switch {
			case math.IsNaN(x):
				return false
			case math.IsNaN(y):
				return true
			case x == 0 && y == 0:
				return math.Signbit(x) && !math.Signbit(y)
			}
			return x < y
		}
	}
	sort.SliceStable(vals, func(i, j int) bool { return less(vals[i], vals[j]) })
	return vals, sortErr
}

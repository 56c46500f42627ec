package vm

import "slices"

// DataView (ECMA-262 25.3). A view's state is a typedArray of bytes
// (taUint8), so that its length over a resizable buffer and its
// out-of-bounds test are the typed arrays' own.

func (r *Realm) initDataView() {
	p := NewObject(r.ObjectPrototype)
	r.DataViewPrototype = p
	r.newCtor("DataView", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Constructor DataView requires 'new'")
		}
		buf := arg(args, 0).Obj()
		b := bufferOf(buf)
		if b == nil {
			return Undefined, it.typeError("First argument to DataView constructor must be an ArrayBuffer")
		}
		offset, err := it.toIndex(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		if b.detached {
			return Undefined, it.typeError("Cannot construct a DataView on a detached ArrayBuffer")
		}
		if offset > int64(len(b.data)) {
			return Undefined, it.rangeError("Start offset " + NumberToString(float64(offset)) + " is outside the bounds of the buffer")
		}
		lenArg := arg(args, 2)
		viewLen := int64(-1)
		if lenArg.IsUndefined() {
			if !b.resizable {
				viewLen = int64(len(b.data)) - offset
			}
		} else {
			if viewLen, err = it.toIndex(lenArg); err != nil {
				return Undefined, err
			}
			if offset+viewLen > int64(len(b.data)) {
				return Undefined, it.rangeError("Invalid DataView length " + NumberToString(float64(viewLen)))
			}
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.DataViewPrototype })
		if err != nil {
			return Undefined, err
		}
		// Reading the prototype may have run code that shrank or
		// detached the buffer.
		if b.detached {
			return Undefined, it.typeError("Cannot construct a DataView on a detached ArrayBuffer")
		}
		if offset > int64(len(b.data)) || viewLen >= 0 && offset+viewLen > int64(len(b.data)) {
			return Undefined, it.rangeError("DataView is outside the bounds of the buffer")
		}
		o := newObjectClass(proto, ClassDataView)
		o.internal = &typedArray{kind: taUint8, buf: buf, ab: b, offset: int(offset), fixedLen: int(viewLen)}
		return ObjValue(o), nil
	}, p)
	p.defineOwn(SymKey(r.it.SymToStringTag), Str("DataView"), Configurable)

	thisView := func(it *Interp, this Value, name string) (*typedArray, error) {
		o := this.Obj()
		if o == nil || o.class != ClassDataView {
			return nil, it.typeError("DataView.prototype." + name + " called on incompatible receiver " + describeForError(this))
		}
		return o.internal.(*typedArray), nil
	}
	r.getter(p, StrKey("buffer"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		v, err := thisView(it, this, "buffer")
		if err != nil {
			return Undefined, err
		}
		return ObjValue(v.buf), nil
	})
	r.getter(p, StrKey("byteLength"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		v, err := thisView(it, this, "byteLength")
		if err != nil {
			return Undefined, err
		}
		if v.outOfBounds() {
			return Undefined, it.typeError("DataView is detached or out of bounds")
		}
		return Int(v.length()), nil
	})
	r.getter(p, StrKey("byteOffset"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		v, err := thisView(it, this, "byteOffset")
		if err != nil {
			return Undefined, err
		}
		if v.outOfBounds() {
			return Undefined, it.typeError("DataView is detached or out of bounds")
		}
		return Int(v.offset), nil
	})

	types := []struct {
		name string
		kind taKind
	}{
		{"Int8", taInt8}, {"Uint8", taUint8}, {"Int16", taInt16}, {"Uint16", taUint16},
		{"Int32", taInt32}, {"Uint32", taUint32}, {"BigInt64", taBigInt64}, {"BigUint64", taBigUint64},
		{"Float16", taFloat16}, {"Float32", taFloat32}, {"Float64", taFloat64},
	}
	for _, t := range types {
		k := t.kind
		get, set := "get"+t.name, "set"+t.name
		// access resolves the byte range of an access at requestIndex.
		access := func(it *Interp, v *typedArray, idx int64, name string) ([]byte, error) {
			if v.outOfBounds() {
				return nil, it.typeError("Cannot perform DataView.prototype." + name + " on a detached or out-of-bounds DataView")
			}
			if idx+int64(k.size()) > int64(v.length()) {
				return nil, it.rangeError("Offset is outside the bounds of the DataView")
			}
			start := v.offset + int(idx)
			return v.ab.data[start : start+k.size()], nil
		}
		r.method(p, get, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			v, err := thisView(it, this, get)
			if err != nil {
				return Undefined, err
			}
			idx, err := it.toIndex(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			little := ToBoolean(arg(args, 1))
			b, err := access(it, v, idx, get)
			if err != nil {
				return Undefined, err
			}
			if !little {
				var tmp [8]byte
				b = tmp[:copy(tmp[:], b)]
				slices.Reverse(b)
			}
			return loadElem(k, b), nil
		})
		r.method(p, set, 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			v, err := thisView(it, this, set)
			if err != nil {
				return Undefined, err
			}
			idx, err := it.toIndex(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			val, err := it.taConvert(k, arg(args, 1))
			if err != nil {
				return Undefined, err
			}
			little := ToBoolean(arg(args, 2))
			b, err := access(it, v, idx, set)
			if err != nil {
				return Undefined, err
			}
			var tmp [8]byte
			storeElem(k, tmp[:], val)
			if !little {
				slices.Reverse(tmp[:k.size()])
			}
			copy(b, tmp[:k.size()])
			return Undefined, nil
		})
	}
}

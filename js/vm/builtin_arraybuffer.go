package vm

import (
	"math"
	"sync"
)

// ArrayBuffer and SharedArrayBuffer (ECMA-262 25.1, 25.2).

// maxBufferBytes bounds the bytes one buffer may hold, as engines bound
// it: a larger request is a RangeError, not a Go out-of-memory crash.
const maxBufferBytes = 1 << 31

// arrayBuffer is the state of an ArrayBuffer or SharedArrayBuffer object.
// Views read and write data directly.
type arrayBuffer struct {
	data      []byte // the bytes; nil once detached
	detached  bool
	shared    bool
	resizable bool // resizable ArrayBuffer or growable SharedArrayBuffer
	maxLen    int  // resizable: the maximum byte length
	// noDetach is set for buffers that a host owns (a non-undefined
	// [[ArrayBufferDetachKey]]): transfer refuses them.
	noDetach bool
	// waiters are the agents blocked in Atomics.wait on a shared buffer.
	waiters *waiterList
}

// waiterList is a shared buffer's WaiterList (ECMA-262 25.4.3), guarded
// by mu, which also serialises Atomics operations on the buffer.
type waiterList struct {
	mu      sync.Mutex
	waiting []*waiter
}

// waiter is one agent blocked in Atomics.wait.
type waiter struct {
	index int // byte index in the buffer
	wake  chan struct{}
}

// bufferOf returns the buffer state of an ArrayBuffer or SharedArrayBuffer
// object, or nil.
func bufferOf(o *Object) *arrayBuffer {
	if o == nil || o.class != ClassArrayBuffer {
		return nil
	}
	return o.internal.(*arrayBuffer)
}

// toIndex is ToIndex: a non-negative integer no greater than 2^53-1.
func (it *Interp) toIndex(v Value) (int64, error) {
	if v.IsUndefined() {
		return 0, nil
	}
	f, err := it.ToNumber(v)
	if err != nil {
		return 0, err
	}
	f = ToIntegerOrInfinity(f)
	if f < 0 || f > maxSafeInteger {
		return 0, it.rangeError("Invalid index: " + NumberToString(f))
	}
	return int64(f), nil
}

// allocateBuffer is AllocateArrayBuffer (and AllocateSharedArrayBuffer):
// maxLen < 0 makes a fixed-length buffer.
func (it *Interp) allocateBuffer(newTarget *Object, byteLen, maxLen int64, shared bool) (*Object, error) {
	if maxLen >= 0 && byteLen > maxLen {
		return nil, it.rangeError("byteLength exceeds maxByteLength")
	}
	fallback := func(r *Realm) *Object { return r.ArrayBufferPrototype }
	if shared {
		fallback = func(r *Realm) *Object { return r.SharedArrayBufferPrototype }
	}
	proto := fallback(it.realm)
	if newTarget != nil {
		var err error
		if proto, err = it.protoFromCtor(newTarget, fallback); err != nil {
			return nil, err
		}
	}
	if byteLen > maxBufferBytes {
		return nil, it.rangeError("Array buffer allocation failed")
	}
	if maxLen > maxBufferBytes {
		return nil, it.rangeError("Invalid array buffer max length")
	}
	o := newObjectClass(proto, ClassArrayBuffer)
	b := &arrayBuffer{data: make([]byte, byteLen), shared: shared, resizable: maxLen >= 0, maxLen: int(maxLen)}
	if shared {
		b.waiters = &waiterList{}
	}
	o.internal = b
	return o, nil
}

// NewArrayBuffer makes an ArrayBuffer holding a copy of data, for hosts.
func (r *Realm) NewArrayBuffer(data []byte) *Object {
	o := newObjectClass(r.ArrayBufferPrototype, ClassArrayBuffer)
	o.internal = &arrayBuffer{data: append(make([]byte, 0, len(data)), data...)}
	return o
}

// DetachArrayBuffer detaches an ArrayBuffer, as hosts do when they take
// its memory (ECMA-262 25.1.3.5); it fails for shared buffers.
func (it *Interp) DetachArrayBuffer(v Value) error {
	b := bufferOf(v.Obj())
	if b == nil || b.shared {
		return it.typeError("not an ArrayBuffer")
	}
	if b.noDetach {
		return it.typeError("ArrayBuffer is not detachable")
	}
	b.detach()
	return nil
}

func (b *arrayBuffer) detach() {
	b.data = nil
	b.detached = true
}

// maxLengthOption is GetArrayBufferMaxByteLengthOption: -1 for none.
func (it *Interp) maxLengthOption(options Value) (int64, error) {
	o := options.Obj()
	if o == nil {
		return -1, nil
	}
	m, err := it.getStr(o, "maxByteLength")
	if err != nil || m.IsUndefined() {
		return -1, err
	}
	return it.toIndex(m)
}

func (r *Realm) initArrayBuffer() {
	r.initBufferKind(false)
	r.initBufferKind(true)
}

// initBufferKind sets up ArrayBuffer or SharedArrayBuffer, which share
// most of their behaviour.
func (r *Realm) initBufferKind(shared bool) {
	name := "ArrayBuffer"
	if shared {
		name = "SharedArrayBuffer"
	}
	p := NewObject(r.ObjectPrototype)
	ctor := r.newCtor(name, 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Constructor " + name + " requires 'new'")
		}
		n, err := it.toIndex(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		maxLen, err := it.maxLengthOption(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		o, err := it.allocateBuffer(nt, n, maxLen, shared)
		if err != nil {
			return Undefined, err
		}
		return ObjValue(o), nil
	}, p)
	if shared {
		r.SharedArrayBufferPrototype, r.SharedArrayBuffer = p, ctor
	} else {
		r.ArrayBufferPrototype, r.ArrayBuffer = p, ctor
		r.method(ctor, "isView", 1, func(_ *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			o := arg(args, 0).Obj()
			return Bool(o != nil && (o.class == ClassTypedArray || o.class == ClassDataView)), nil
		})
	}
	r.getter(ctor, SymKey(r.it.SymSpecies), func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) { return this, nil })
	p.defineOwn(SymKey(r.it.SymToStringTag), Str(name), Configurable)

	// thisBuf checks that this is a buffer of the right kind.
	thisBuf := func(it *Interp, this Value, method string) (*arrayBuffer, error) {
		b := bufferOf(this.Obj())
		if b == nil || b.shared != shared {
			return nil, it.typeError(name + ".prototype." + method + " called on incompatible receiver " + describeForError(this))
		}
		return b, nil
	}
	r.getter(p, StrKey("byteLength"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		b, err := thisBuf(it, this, "byteLength")
		if err != nil {
			return Undefined, err
		}
		return Int(len(b.data)), nil
	})
	r.getter(p, StrKey("maxByteLength"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		b, err := thisBuf(it, this, "maxByteLength")
		if err != nil {
			return Undefined, err
		}
		if b.resizable {
			return Int(b.maxLen), nil
		}
		return Int(len(b.data)), nil
	})
	resizableName := "resizable"
	if shared {
		resizableName = "growable"
	}
	r.getter(p, StrKey(resizableName), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		b, err := thisBuf(it, this, resizableName)
		if err != nil {
			return Undefined, err
		}
		return Bool(b.resizable), nil
	})
	r.method(p, "slice", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		b, err := thisBuf(it, this, "slice")
		if err != nil {
			return Undefined, err
		}
		if b.detached {
			return Undefined, it.typeError("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
		}
		n := int64(len(b.data))
		first, err := it.relIndex(arg(args, 0), n, 0)
		if err != nil {
			return Undefined, err
		}
		final, err := it.relIndex(arg(args, 1), n, n)
		if err != nil {
			return Undefined, err
		}
		newLen := max(final-first, 0)
		def := it.realm.ArrayBuffer
		if shared {
			def = it.realm.SharedArrayBuffer
		}
		c, err := it.speciesConstructorOf(this.Obj(), def)
		if err != nil {
			return Undefined, err
		}
		nv, err := it.Construct(ObjValue(c), []Value{Num(float64(newLen))}, nil)
		if err != nil {
			return Undefined, err
		}
		nb := bufferOf(nv.Obj())
		if nb == nil || nb.shared != shared {
			return Undefined, it.typeError(name + " subclass returned this from species constructor")
		}
		if nb.detached {
			return Undefined, it.typeError("species constructor returned a detached ArrayBuffer")
		}
		if nv.Obj() == this.Obj() {
			return Undefined, it.typeError(name + " subclass returned this from species constructor")
		}
		if int64(len(nb.data)) < newLen {
			return Undefined, it.typeError("species constructor returned a buffer that is too small")
		}
		if b.detached {
			return Undefined, it.typeError("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
		}
		if cur := int64(len(b.data)); first < cur {
			copy(nb.data, b.data[first:min(first+newLen, cur)])
		}
		return nv, nil
	})
	if shared {
		r.method(p, "grow", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			b, err := thisBuf(it, this, "grow")
			if err != nil {
				return Undefined, err
			}
			if !b.resizable {
				return Undefined, it.typeError("SharedArrayBuffer.prototype.grow called on a non-growable SharedArrayBuffer")
			}
			n, err := it.toIndex(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			if n > int64(b.maxLen) {
				return Undefined, it.rangeError("SharedArrayBuffer.prototype.grow: length exceeds maxByteLength")
			}
			if n < int64(len(b.data)) {
				return Undefined, it.rangeError("SharedArrayBuffer.prototype.grow: cannot shrink")
			}
			if n > maxBufferBytes {
				return Undefined, it.rangeError("Array buffer allocation failed")
			}
			b.waiters.mu.Lock()
			b.data = append(b.data, make([]byte, int(n)-len(b.data))...)
			b.waiters.mu.Unlock()
			return Undefined, nil
		})
		return
	}
	r.getter(p, StrKey("detached"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		b, err := thisBuf(it, this, "detached")
		if err != nil {
			return Undefined, err
		}
		return Bool(b.detached), nil
	})
	r.method(p, "resize", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		b, err := thisBuf(it, this, "resize")
		if err != nil {
			return Undefined, err
		}
		if !b.resizable {
			return Undefined, it.typeError("ArrayBuffer.prototype.resize called on a fixed-length ArrayBuffer")
		}
		n, err := it.toIndex(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if b.detached {
			return Undefined, it.typeError("Cannot resize a detached ArrayBuffer")
		}
		if n > int64(b.maxLen) {
			return Undefined, it.rangeError("ArrayBuffer.prototype.resize: length exceeds maxByteLength")
		}
		if n > maxBufferBytes {
			return Undefined, it.rangeError("Array buffer allocation failed")
		}
		if int(n) <= cap(b.data) {
			old := len(b.data)
			b.data = b.data[:n]
			if int(n) > old {
				clear(b.data[old:])
			}
		} else {
			b.data = append(b.data, make([]byte, int(n)-len(b.data))...)
		}
		return Undefined, nil
	})
	transfer := func(method string, keepResizable bool) HostFunc {
		return func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			b, err := thisBuf(it, this, method)
			if err != nil {
				return Undefined, err
			}
			n := int64(len(b.data))
			if a := arg(args, 0); !a.IsUndefined() {
				if n, err = it.toIndex(a); err != nil {
					return Undefined, err
				}
			}
			if b.detached {
				return Undefined, it.typeError("Cannot transfer a detached ArrayBuffer")
			}
			maxLen := int64(-1)
			if keepResizable && b.resizable {
				maxLen = int64(b.maxLen)
			}
			if b.noDetach {
				return Undefined, it.typeError("ArrayBuffer is not detachable")
			}
			nb, err := it.allocateBuffer(nil, n, maxLen, false)
			if err != nil {
				return Undefined, err
			}
			copy(nb.internal.(*arrayBuffer).data, b.data)
			b.detach()
			return ObjValue(nb), nil
		}
	}
	r.method(p, "transfer", 0, transfer("transfer", true))
	r.method(p, "transferToFixedLength", 0, transfer("transferToFixedLength", false))
}

// clampIndex resolves a relative index f (already an integer or an
// infinity) against length n.
func clampIndex(f float64, n int64) int64 {
	if f < 0 {
		return int64(math.Max(float64(n)+f, 0))
	}
	return int64(math.Min(f, float64(n)))
}

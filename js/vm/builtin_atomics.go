package vm

import (
	"encoding/binary"
	"math"
	"time"
)

// Atomics (ECMA-262 25.4). Operations on a shared buffer hold its
// waiter list's lock, so that they are atomic with respect to each other
// across agents; on an unshared buffer only one agent can see the memory.

// atomicTarget is ValidateIntegerTypedArray followed by
// ValidateAtomicAccess: the view and the element index.
func (it *Interp) atomicTarget(v, index Value, waitable bool) (*typedArray, int, error) {
	_, ta, n, err := it.validateTA(v, "Atomics")
	if err != nil {
		return nil, 0, it.typeError("Atomics operation on " + describeForError(v) + ": not a valid integer typed array")
	}
	if waitable {
		if ta.kind != taInt32 && ta.kind != taBigInt64 {
			return nil, 0, it.typeError("Atomics.wait and notify need an Int32Array or BigInt64Array")
		}
	} else if ta.kind == taUint8Clamped || ta.kind == taFloat16 || ta.kind == taFloat32 || ta.kind == taFloat64 {
		return nil, 0, it.typeError("Atomics operations need an integer typed array")
	}
	i, err := it.toIndex(index)
	if err != nil {
		return nil, 0, err
	}
	if i >= int64(n) {
		return nil, 0, it.rangeError("Atomics access index out of range")
	}
	return ta, int(i), nil
}

// revalidate is RevalidateAtomicAccess after conversions ran user code.
func (it *Interp) revalidate(ta *typedArray, i int) error {
	if ta.outOfBounds() {
		return it.typeError("Atomics operation on a detached or out-of-bounds typed array")
	}
	if i >= ta.length() {
		return it.rangeError("Atomics access index out of range")
	}
	return nil
}

// atomicOperand converts an operand: ToBigInt, or ToIntegerOrInfinity as
// a Number.
func (it *Interp) atomicOperand(k taKind, v Value) (Value, error) {
	if k.isBig() {
		b, err := it.toBigInt(v)
		return BigIntValue(b), err
	}
	f, err := it.toIntegerOrInfinity(v)
	return Num(f + 0), err // + 0 turns -0 into +0
}

// rawBits is v stored as an element of type k, as little-endian bits.
func rawBits(k taKind, v Value) uint64 {
	var b [8]byte
	storeElem(k, b[:], v)
	return binary.LittleEndian.Uint64(b[:])
}

func (ta *typedArray) lock() func() {
	if ta.ab.waiters == nil {
		return func() {}
	}
	ta.ab.waiters.mu.Lock()
	return ta.ab.waiters.mu.Unlock
}

func (r *Realm) initAtomics() {
	a := NewObject(r.ObjectPrototype)
	r.defineGlobal("Atomics", ObjValue(a))
	a.defineOwn(SymKey(r.it.SymToStringTag), Str("Atomics"), Configurable)

	// rmw is AtomicReadModifyWrite with op on the raw bits.
	rmw := func(name string, op func(old, v uint64) uint64) {
		r.method(a, name, 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			ta, i, err := it.atomicTarget(arg(args, 0), arg(args, 1), false)
			if err != nil {
				return Undefined, err
			}
			v, err := it.atomicOperand(ta.kind, arg(args, 2))
			if err != nil {
				return Undefined, err
			}
			if err := it.revalidate(ta, i); err != nil {
				return Undefined, err
			}
			unlock := ta.lock()
			defer unlock()
			size := ta.kind.size()
			b := ta.ab.data[ta.offset+i*size : ta.offset+(i+1)*size]
			old := loadElem(ta.kind, b)
			var buf [8]byte
			copy(buf[:], b)
			nv := op(binary.LittleEndian.Uint64(buf[:]), rawBits(ta.kind, v))
			binary.LittleEndian.PutUint64(buf[:], nv)
			copy(b, buf[:size])
			return old, nil
		})
	}
	rmw("add", func(old, v uint64) uint64 { return old + v })
	rmw("sub", func(old, v uint64) uint64 { return old - v })
	rmw("and", func(old, v uint64) uint64 { return old & v })
	rmw("or", func(old, v uint64) uint64 { return old | v })
	rmw("xor", func(old, v uint64) uint64 { return old ^ v })
	rmw("exchange", func(_, v uint64) uint64 { return v })

	r.method(a, "load", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		ta, i, err := it.atomicTarget(arg(args, 0), arg(args, 1), false)
		if err != nil {
			return Undefined, err
		}
		if err := it.revalidate(ta, i); err != nil {
			return Undefined, err
		}
		unlock := ta.lock()
		defer unlock()
		return ta.load(i), nil
	})
	r.method(a, "store", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		ta, i, err := it.atomicTarget(arg(args, 0), arg(args, 1), false)
		if err != nil {
			return Undefined, err
		}
		v, err := it.atomicOperand(ta.kind, arg(args, 2))
		if err != nil {
			return Undefined, err
		}
		if err := it.revalidate(ta, i); err != nil {
			return Undefined, err
		}
		unlock := ta.lock()
		defer unlock()
		storeElem(ta.kind, ta.ab.data[ta.offset+i*ta.kind.size():], v)
		return v, nil
	})
	r.method(a, "compareExchange", 4, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		ta, i, err := it.atomicTarget(arg(args, 0), arg(args, 1), false)
		if err != nil {
			return Undefined, err
		}
		expected, err := it.atomicOperand(ta.kind, arg(args, 2))
		if err != nil {
			return Undefined, err
		}
		replacement, err := it.atomicOperand(ta.kind, arg(args, 3))
		if err != nil {
			return Undefined, err
		}
		if err := it.revalidate(ta, i); err != nil {
			return Undefined, err
		}
		unlock := ta.lock()
		defer unlock()
		size := ta.kind.size()
		b := ta.ab.data[ta.offset+i*size : ta.offset+(i+1)*size]
		old := loadElem(ta.kind, b)
		var cur, exp [8]byte
		copy(cur[:], b)
		storeElem(ta.kind, exp[:], expected)
		if cur == exp {
			storeElem(ta.kind, b, replacement)
		}
		return old, nil
	})
	r.method(a, "isLockFree", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		n, err := it.toIntegerOrInfinity(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		return Bool(n == 1 || n == 2 || n == 4 || n == 8), nil
	})
	r.method(a, "pause", 0, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		if n := arg(args, 0); !n.IsUndefined() && (!n.IsNumber() || n.num != math.Trunc(n.num) || math.IsInf(n.num, 0)) {
			return Undefined, it.typeError("Atomics.pause: argument must be an integral Number")
		}
		return Undefined, nil
	})
	r.method(a, "wait", 4, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		return it.atomicsWait(args)
	})
	r.method(a, "notify", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		ta, i, err := it.atomicTarget(arg(args, 0), arg(args, 1), true)
		if err != nil {
			return Undefined, err
		}
		count := math.Inf(1)
		if c := arg(args, 2); !c.IsUndefined() {
			f, err := it.toIntegerOrInfinity(c)
			if err != nil {
				return Undefined, err
			}
			count = math.Max(f, 0)
		}
		wl := ta.ab.waiters
		if wl == nil {
			return Int(0), nil
		}
		byteIndex := ta.offset + i*ta.kind.size()
		wl.mu.Lock()
		n := 0
		kept := wl.waiting[:0]
		for _, w := range wl.waiting {
			if w.index == byteIndex && float64(n) < count {
				n++
				close(w.wake)
				continue
			}
			kept = append(kept, w)
		}
		clear(wl.waiting[len(kept):])
		wl.waiting = kept
		wl.mu.Unlock()
		return Int(n), nil
	})
}

// atomicsWait is DoWait in synchronous mode: only agents that can block
// may wait, and only another agent can wake them before the timeout.
func (it *Interp) atomicsWait(args []Value) (Value, error) {
	ta, i, err := it.atomicTarget(arg(args, 0), arg(args, 1), true)
	if err != nil {
		return Undefined, err
	}
	if !ta.ab.shared {
		return Undefined, it.typeError("Atomics.wait needs a shared typed array")
	}
	v, err := it.taConvert(ta.kind, arg(args, 2))
	if err != nil {
		return Undefined, err
	}
	q, err := it.ToNumber(arg(args, 3))
	if err != nil {
		return Undefined, err
	}
	timeout := math.Max(q, 0)
	if math.IsNaN(q) {
		timeout = math.Inf(1)
	}
	if !it.CanBlock {
		return Undefined, it.typeError("Atomics.wait cannot be called in this context")
	}
	wl := ta.ab.waiters
	byteIndex := ta.offset + i*ta.kind.size()
	wl.mu.Lock()
	var cur, want [8]byte
	copy(cur[:], ta.ab.data[byteIndex:byteIndex+ta.kind.size()])
	storeElem(ta.kind, want[:], v)
	if cur != want {
		wl.mu.Unlock()
		return Str("not-equal"), nil
	}
	w := &waiter{index: byteIndex, wake: make(chan struct{})}
	wl.waiting = append(wl.waiting, w)
	wl.mu.Unlock()
	var timer <-chan time.Time
	if !math.IsInf(timeout, 1) {
		t := time.NewTimer(time.Duration(timeout * float64(time.Millisecond)))
		defer t.Stop()
		timer = t.C
	}
	select {
	case <-w.wake:
		return Str("ok"), nil
	case <-timer:
	}
	wl.mu.Lock()
	defer wl.mu.Unlock()
	for j, x := range wl.waiting {
		if x == w {
			wl.waiting = append(wl.waiting[:j], wl.waiting[j+1:]...)
			return Str("timed-out"), nil
		}
	}
	// Notified between the timeout and taking the lock.
	return Str("ok"), nil
}

package vm

import (
	"runtime"
	"sync"
	"weak"
)

// WeakMap, WeakSet, WeakRef and FinalizationRegistry (ECMA-262 §24.3,
// §24.4, §26.1, §26.2).
//
// WeakMap and WeakSet entries live on their keys, not in the collection.
// Every object and symbol has a weakTable, mapping a weak pointer to a
// collection (its weakColl) to the entry's value. The collection itself
// holds nothing, so:
//
//   - the collection never keeps a key alive;
//   - the key keeps its values alive, and nothing else does: a value that
//     refers to its own key (or to a key of another entry) is collected
//     with the key, which is the ephemeron semantics the specification
//     asks for, with Go's tracing collector doing the work;
//   - a collection that dies leaves its entries behind on keys that are
//     still alive, keeping their values alive until the key dies too or
//     the key's table is next swept (when another entry is added to it,
//     stale entries, whose weak pointer is nil, are dropped). That is the
//     one leak of this design: a value outlives its dead collection for as
//     long as its key lives.
//
// WeakRef holds a Go weak.Pointer to its target. deref adds the target to
// the agent's kept objects, which are cleared when a script or a job ends
// (ClearKeptObjects), so a target seen by deref survives the current job.
//
// FinalizationRegistry registers a runtime.AddCleanup on each target. The
// cleanup runs on a runtime goroutine: it only appends a weak pointer to
// the cell to the agent's mutex-protected finalization queue. RunJobs drains that queue on
// the interpreter's goroutine and enqueues a job per cell that calls the
// registry's callback with the held value, so JavaScript never runs outside
// the agent's goroutine. A held value that refers to its target keeps the
// target alive forever (the registry holds held values strongly), as in
// other engines.

// weakColl is the identity of one WeakMap or WeakSet.
type weakColl struct {
	self  weak.Pointer[weakColl] // weak.Make(this), made once
	isSet bool
}

// weakTable maps a collection to a key's value in it.
type weakTable map[weak.Pointer[weakColl]]Value

// weakAgent is an agent's weak-reference state.
type weakAgent struct {
	kept []Value   // targets of deref in the current job (ClearKeptObjects)
	fin  *finQueue // made by the first FinalizationRegistry
}

// finQueue receives the cells whose targets were collected, from the
// runtime's cleanup goroutine. The cleanups reference only the queue and a
// weak pointer to their cell, never the agent or a JavaScript value: the
// runtime roots a cleanup's function and argument, and a path from them
// back to the target would keep it alive for ever.
type finQueue struct {
	mu      sync.Mutex
	pending []weak.Pointer[finCell]
}

func (q *finQueue) push(c weak.Pointer[finCell]) {
	q.mu.Lock()
	q.pending = append(q.pending, c)
	q.mu.Unlock()
}

// finCell is one FinalizationRegistry registration, kept alive by its
// registry's cells.
type finCell struct {
	reg     weak.Pointer[finRegistry]
	held    Value
	token   any // weak.Pointer of the unregister token, or nil
	cleanup runtime.Cleanup
}

// finRegistry is a FinalizationRegistry's state.
type finRegistry struct {
	callback Value
	realm    *Realm
	cells    map[*finCell]struct{}
}

// weakRef is a WeakRef's state: the target is an object or a symbol.
type weakRef struct {
	obj weak.Pointer[Object]
	sym weak.Pointer[Symbol]
}

// canBeHeldWeakly is CanBeHeldWeakly: objects and symbols not in the
// global symbol registry.
func (it *Interp) canBeHeldWeakly(v Value) bool {
	switch v.kind {
	case KindObject:
		return true
	case KindSymbol:
		s := v.Sym()
		if d := s.Description; d.kind == KindString {
			if r, ok := it.symbolRegistry[d.Strv().Key()]; ok && r == s {
				return false
			}
		}
		return true
	}
	return false
}

// weakPointer returns a comparable weak pointer to an object or a symbol.
func weakPointer(v Value) any {
	if o := v.Obj(); o != nil {
		return weak.Make(o)
	}
	return weak.Make(v.Sym())
}

// tableOf returns the weak table of an object or symbol key, making it if
// create is set (else it may return nil).
func tableOf(k Value, create bool) weakTable {
	if o := k.Obj(); o != nil {
		if o.ext == nil {
			if !create {
				return nil
			}
			o.ext = &objectExt{}
		}
		if o.ext.weak == nil && create {
			o.ext.weak = weakTable{}
		}
		return o.ext.weak
	}
	s := k.Sym()
	if s.weak == nil && create {
		s.weak = weakTable{}
	}
	return s.weak
}

func (c *weakColl) get(k Value) (Value, bool) {
	v, ok := tableOf(k, false)[c.self]
	return v, ok
}

func (c *weakColl) set(k, v Value) {
	t := tableOf(k, true)
	if _, ok := t[c.self]; !ok {
		// Drop the entries of dead collections now and then: when the
		// table reaches a power of two, so the sweeps cost O(1) a set.
		if n := len(t); n >= 8 && n&(n-1) == 0 {
			for wp := range t {
				if wp.Value() == nil {
					delete(t, wp)
				}
			}
		}
	}
	t[c.self] = v
}

func (c *weakColl) delete(k Value) bool {
	t := tableOf(k, false)
	if _, ok := t[c.self]; !ok {
		return false
	}
	delete(t, c.self)
	return true
}

// addToKeptObjects is AddToKeptObjects.
func (it *Interp) addToKeptObjects(v Value) { it.weak.kept = append(it.weak.kept, v) }

// clearKeptObjects is ClearKeptObjects, run when a script or job ends.
func (it *Interp) clearKeptObjects() {
	if it.weak.kept != nil {
		it.weak.kept = nil
	}
}

// enqueueFinalizations turns the cells whose targets were collected into
// cleanup jobs. It runs on the agent's goroutine.
func (it *Interp) enqueueFinalizations() {
	q := it.weak.fin
	if q == nil {
		return
	}
	q.mu.Lock()
	cells := q.pending
	q.pending = nil
	q.mu.Unlock()
	for _, wc := range cells {
		c := wc.Value()
		if c == nil {
			continue // its registry died
		}
		reg := c.reg.Value()
		if reg == nil {
			continue
		}
		if _, ok := reg.cells[c]; !ok {
			continue // unregistered after its target died
		}
		delete(reg.cells, c)
		held := c.held
		it.EnqueueJob(func() error {
			prev := it.realm
			it.realm = reg.realm
			defer func() { it.realm = prev }()
			_, err := it.Call(reg.callback, Undefined, held)
			return err
		})
	}
}

// Indexes of Realm.weakProtos.
const (
	weakMapKind = iota
	weakSetKind
	weakRefKind
	finRegistryKind
	numWeakKinds
)

func (r *Realm) initWeak() {
	r.initWeakCollections()
	r.initWeakRef()
	r.initFinalizationRegistry()
}

func (r *Realm) initWeakCollections() {
	for _, isSet := range []bool{false, true} {
		name, adderName, kind := "WeakMap", "set", weakMapKind
		if isSet {
			name, adderName, kind = "WeakSet", "add", weakSetKind
		}
		p := NewObject(r.ObjectPrototype)
		r.weakProtos[kind] = p
		p.defineOwn(SymKey(r.it.SymToStringTag), Str(name), Configurable)
		data := func(it *Interp, this Value, method string) (*weakColl, error) {
			if o := this.Obj(); o != nil {
				if c, ok := o.internal.(*weakColl); ok && c.isSet == isSet {
					return c, nil
				}
			}
			return nil, it.typeError("Method " + name + ".prototype." + method + " called on incompatible receiver " + describeForError(this))
		}
		invalid := func(it *Interp, v Value) error {
			what := "Invalid value used as weak map key"
			if isSet {
				what = "Invalid value used in weak set"
			}
			return it.typeError(what + ": " + describeForError(v))
		}
		r.newCtor(name, 0, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
			if nt == nil {
				return Undefined, it.typeError("Constructor " + name + " requires 'new'")
			}
			proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.weakProtos[kind] })
			if err != nil {
				return Undefined, err
			}
			o := NewObject(proto)
			c := &weakColl{isSet: isSet}
			c.self = weak.Make(c)
			o.internal = c
			src := arg(args, 0)
			if src.IsNullish() {
				return ObjValue(o), nil
			}
			adder, err := it.getStr(o, adderName)
			if err != nil {
				return Undefined, err
			}
			if !isCallable(adder) {
				return Undefined, it.typeError("'" + describeForError(adder) + "' returned for property '" + adderName + "' of object '#<" + name + ">' is not a function")
			}
			if err := it.addFromIterable(o, src, adder, isSet); err != nil {
				return Undefined, err
			}
			return ObjValue(o), nil
		}, p)
		if isSet {
			r.method(p, "add", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				c, err := data(it, this, "add")
				if err != nil {
					return Undefined, err
				}
				k := arg(args, 0)
				if !it.canBeHeldWeakly(k) {
					return Undefined, invalid(it, k)
				}
				c.set(k, True)
				return this, nil
			})
		} else {
			r.method(p, "get", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				c, err := data(it, this, "get")
				if err != nil {
					return Undefined, err
				}
				k := arg(args, 0)
				if !it.canBeHeldWeakly(k) {
					return Undefined, nil
				}
				v, _ := c.get(k)
				return v, nil
			})
			r.method(p, "set", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				c, err := data(it, this, "set")
				if err != nil {
					return Undefined, err
				}
				k := arg(args, 0)
				if !it.canBeHeldWeakly(k) {
					return Undefined, invalid(it, k)
				}
				c.set(k, arg(args, 1))
				return this, nil
			})
			r.method(p, "getOrInsert", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				c, err := data(it, this, "getOrInsert")
				if err != nil {
					return Undefined, err
				}
				k := arg(args, 0)
				if !it.canBeHeldWeakly(k) {
					return Undefined, invalid(it, k)
				}
				if v, ok := c.get(k); ok {
					return v, nil
				}
				c.set(k, arg(args, 1))
				return arg(args, 1), nil
			})
			r.method(p, "getOrInsertComputed", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
				c, err := data(it, this, "getOrInsertComputed")
				if err != nil {
					return Undefined, err
				}
				k, f := arg(args, 0), arg(args, 1)
				if !it.canBeHeldWeakly(k) {
					return Undefined, invalid(it, k)
				}
				if !isCallable(f) {
					return Undefined, it.typeError(describeForError(f) + " is not a function")
				}
				if v, ok := c.get(k); ok {
					return v, nil
				}
				v, err := it.Call(f, Undefined, k)
				if err != nil {
					return Undefined, err
				}
				c.set(k, v)
				return v, nil
			})
		}
		r.method(p, "has", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			c, err := data(it, this, "has")
			if err != nil {
				return Undefined, err
			}
			k := arg(args, 0)
			if !it.canBeHeldWeakly(k) {
				return False, nil
			}
			_, ok := c.get(k)
			return Bool(ok), nil
		})
		r.method(p, "delete", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			c, err := data(it, this, "delete")
			if err != nil {
				return Undefined, err
			}
			k := arg(args, 0)
			if !it.canBeHeldWeakly(k) {
				return False, nil
			}
			return Bool(c.delete(k)), nil
		})
	}
}

func (r *Realm) initWeakRef() {
	p := NewObject(r.ObjectPrototype)
	r.weakProtos[weakRefKind] = p
	p.defineOwn(SymKey(r.it.SymToStringTag), Str("WeakRef"), Configurable)
	r.newCtor("WeakRef", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Constructor WeakRef requires 'new'")
		}
		t := arg(args, 0)
		if !it.canBeHeldWeakly(t) {
			return Undefined, it.typeError("WeakRef: invalid target " + describeForError(t))
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.weakProtos[weakRefKind] })
		if err != nil {
			return Undefined, err
		}
		o := NewObject(proto)
		w := &weakRef{}
		if to := t.Obj(); to != nil {
			w.obj = weak.Make(to)
		} else {
			w.sym = weak.Make(t.Sym())
		}
		o.internal = w
		it.addToKeptObjects(t)
		return ObjValue(o), nil
	}, p)
	r.method(p, "deref", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		var w *weakRef
		if o := this.Obj(); o != nil {
			w, _ = o.internal.(*weakRef)
		}
		if w == nil {
			return Undefined, it.typeError("Method WeakRef.prototype.deref called on incompatible receiver " + describeForError(this))
		}
		var v Value
		if o := w.obj.Value(); o != nil {
			v = ObjValue(o)
		} else if s := w.sym.Value(); s != nil {
			v = SymValue(s)
		} else {
			return Undefined, nil
		}
		it.addToKeptObjects(v)
		return v, nil
	})
}

func (r *Realm) initFinalizationRegistry() {
	p := NewObject(r.ObjectPrototype)
	r.weakProtos[finRegistryKind] = p
	p.defineOwn(SymKey(r.it.SymToStringTag), Str("FinalizationRegistry"), Configurable)
	r.newCtor("FinalizationRegistry", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Constructor FinalizationRegistry requires 'new'")
		}
		cb := arg(args, 0)
		if !isCallable(cb) {
			return Undefined, it.typeError("FinalizationRegistry: cleanup must be callable")
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.weakProtos[finRegistryKind] })
		if err != nil {
			return Undefined, err
		}
		o := NewObject(proto)
		o.internal = &finRegistry{callback: cb, realm: it.realm, cells: map[*finCell]struct{}{}}
		return ObjValue(o), nil
	}, p)
	data := func(it *Interp, this Value, method string) (*finRegistry, error) {
		if o := this.Obj(); o != nil {
			if f, ok := o.internal.(*finRegistry); ok {
				return f, nil
			}
		}
		return nil, it.typeError("Method FinalizationRegistry.prototype." + method + " called on incompatible receiver " + describeForError(this))
	}
	r.method(p, "register", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		f, err := data(it, this, "register")
		if err != nil {
			return Undefined, err
		}
		target, held, token := arg(args, 0), arg(args, 1), arg(args, 2)
		if !it.canBeHeldWeakly(target) {
			return Undefined, it.typeError("FinalizationRegistry.prototype.register: invalid target")
		}
		if SameValue(target, held) {
			return Undefined, it.typeError("FinalizationRegistry.prototype.register: target and holdings must not be same")
		}
		c := &finCell{reg: weak.Make(f), held: held}
		if it.canBeHeldWeakly(token) {
			c.token = weakPointer(token)
		} else if !token.IsUndefined() {
			return Undefined, it.typeError("FinalizationRegistry.prototype.register: invalid unregister token " + describeForError(token))
		}
		f.cells[c] = struct{}{}
		if it.weak.fin == nil {
			it.weak.fin = &finQueue{}
		}
		q, wc := it.weak.fin, weak.Make(c)
		if o := target.Obj(); o != nil {
			c.cleanup = runtime.AddCleanup(o, q.push, wc)
		} else {
			c.cleanup = runtime.AddCleanup(target.Sym(), q.push, wc)
		}
		return Undefined, nil
	})
	r.method(p, "unregister", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		f, err := data(it, this, "unregister")
		if err != nil {
			return Undefined, err
		}
		token := arg(args, 0)
		if !it.canBeHeldWeakly(token) {
			return Undefined, it.typeError("Invalid unregisterToken ('" + describeForError(token) + "')")
		}
		wp := weakPointer(token)
		removed := false
		for c := range f.cells {
			if c.token == wp {
				c.cleanup.Stop()
				delete(f.cells, c)
				removed = true
			}
		}
		return Bool(removed), nil
	})
}

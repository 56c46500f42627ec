package vm

// The Reflect object (ECMA-262 28.1): each method is one internal method
// of its target, with no coercion of the result.
func (r *Realm) initReflect() {
	o := NewObject(r.ObjectPrototype)
	r.defineGlobal("Reflect", ObjValue(o))
	o.defineOwn(SymKey(r.it.SymToStringTag), Str("Reflect"), Configurable)
	target := func(it *Interp, args []Value, method string) (*Object, error) {
		if t := arg(args, 0).Obj(); t != nil {
			return t, nil
		}
		return nil, it.typeError("Reflect." + method + " called on non-object")
	}
	// targetKey is the target and the property key of the methods that
	// take both, the key coerced after the target is checked.
	targetKey := func(it *Interp, args []Value, method string) (*Object, PropKey, error) {
		t, err := target(it, args, method)
		if err != nil {
			return nil, PropKey{}, err
		}
		k, err := it.toPropertyKey(arg(args, 1))
		return t, k, err
	}
	r.method(o, "apply", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		f := arg(args, 0)
		if !isCallable(f) {
			return Undefined, it.typeError(describeForError(f) + " is not a function")
		}
		if !arg(args, 2).IsObject() {
			return Undefined, it.typeError("CreateListFromArrayLike called on non-object")
		}
		list, err := it.listFromArrayLike(arg(args, 2))
		if err != nil {
			return Undefined, err
		}
		return it.Call(f, arg(args, 1), list...)
	})
	r.method(o, "construct", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		c := arg(args, 0).Obj()
		if c == nil || !c.IsConstructor() {
			return Undefined, it.typeError(describeForError(arg(args, 0)) + " is not a constructor")
		}
		nt := c
		if len(args) > 2 {
			nt = args[2].Obj()
			if nt == nil || !nt.IsConstructor() {
				return Undefined, it.typeError(describeForError(args[2]) + " is not a constructor")
			}
		}
		if !arg(args, 1).IsObject() {
			return Undefined, it.typeError("CreateListFromArrayLike called on non-object")
		}
		list, err := it.listFromArrayLike(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		return it.Construct(ObjValue(c), list, nt)
	})
	r.method(o, "defineProperty", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, k, err := targetKey(it, args, "defineProperty")
		if err != nil {
			return Undefined, err
		}
		d, err := it.toPropertyDescriptor(arg(args, 2))
		if err != nil {
			return Undefined, err
		}
		ok, err := it.defineOwnProperty(t, k, d)
		return Bool(ok), err
	})
	r.method(o, "deleteProperty", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, k, err := targetKey(it, args, "deleteProperty")
		if err != nil {
			return Undefined, err
		}
		ok, err := it.deleteOwnProperty(t, k)
		return Bool(ok), err
	})
	r.method(o, "get", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, k, err := targetKey(it, args, "get")
		if err != nil {
			return Undefined, err
		}
		recv := args[0]
		if len(args) > 2 {
			recv = args[2]
		}
		return it.get(t, k, recv)
	})
	r.method(o, "getOwnPropertyDescriptor", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, k, err := targetKey(it, args, "getOwnPropertyDescriptor")
		if err != nil {
			return Undefined, err
		}
		d, ok, err := it.getOwnProperty(t, k)
		if err != nil || !ok {
			return Undefined, err
		}
		return ObjValue(it.realm.fromPropertyDescriptor(d)), nil
	})
	r.method(o, "getPrototypeOf", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, err := target(it, args, "getPrototypeOf")
		if err != nil {
			return Undefined, err
		}
		p, err := it.getPrototypeOf(t)
		if err != nil || p == nil {
			return Null, err
		}
		return ObjValue(p), nil
	})
	r.method(o, "has", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, k, err := targetKey(it, args, "has")
		if err != nil {
			return Undefined, err
		}
		ok, err := it.hasProperty(t, k)
		return Bool(ok), err
	})
	r.method(o, "isExtensible", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, err := target(it, args, "isExtensible")
		if err != nil {
			return Undefined, err
		}
		ok, err := it.isExtensible(t)
		return Bool(ok), err
	})
	r.method(o, "ownKeys", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, err := target(it, args, "ownKeys")
		if err != nil {
			return Undefined, err
		}
		keys, err := it.ownPropertyKeys(t)
		if err != nil {
			return Undefined, err
		}
		out := make([]Value, len(keys))
		for i, k := range keys {
			out[i] = k.Value()
		}
		return ObjValue(it.realm.arrayOf(out)), nil
	})
	r.method(o, "preventExtensions", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, err := target(it, args, "preventExtensions")
		if err != nil {
			return Undefined, err
		}
		ok, err := it.preventExtensionsObj(t)
		return Bool(ok), err
	})
	r.method(o, "set", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, k, err := targetKey(it, args, "set")
		if err != nil {
			return Undefined, err
		}
		recv := args[0]
		if len(args) > 3 {
			recv = args[3]
		}
		ok, err := it.setBool(t, k, arg(args, 2), recv)
		return Bool(ok), err
	})
	r.method(o, "setPrototypeOf", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		t, err := target(it, args, "setPrototypeOf")
		if err != nil {
			return Undefined, err
		}
		pv := arg(args, 1)
		if !pv.IsObject() && !pv.IsNull() {
			return Undefined, it.typeError("Object prototype may only be an Object or null: " + describeForError(pv))
		}
		ok, err := it.setPrototypeOfObj(t, pv.Obj())
		return Bool(ok), err
	})
}

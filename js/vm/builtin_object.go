package vm

func (r *Realm) initObject() {
	p := r.ObjectPrototype
	o := r.newCtor("Object", 1, func(it *Interp, this Value, args []Value, nt *Object) (Value, error) {
		if nt != nil && nt != r.Object {
			proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.ObjectPrototype })
			if err != nil {
				return Undefined, err
			}
			return ObjValue(NewObject(proto)), nil
		}
		v := arg(args, 0)
		if v.IsNullish() {
			return ObjValue(NewObject(r.ObjectPrototype)), nil
		}
		o, err := it.ToObject(v)
		return ObjValue(o), err
	}, p)
	r.Object = o

	r.method(o, "getPrototypeOf", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		p, err := it.getPrototypeOf(obj)
		if err != nil || p == nil {
			return Null, err
		}
		return ObjValue(p), nil
	})
	r.method(o, "setPrototypeOf", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		v, pv := arg(args, 0), arg(args, 1)
		if v.IsNullish() {
			return Undefined, it.typeError("Object.setPrototypeOf called on null or undefined")
		}
		if !pv.IsObject() && !pv.IsNull() {
			return Undefined, it.typeError("Object prototype may only be an Object or null")
		}
		if obj := v.Obj(); obj != nil {
			if err := it.setPrototypeOf(obj, pv.Obj()); err != nil {
				return Undefined, err
			}
		}
		return v, nil
	})
	r.method(o, "create", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		pv := arg(args, 0)
		if !pv.IsObject() && !pv.IsNull() {
			return Undefined, it.typeError("Object prototype may only be an Object or null: " + describeForError(pv))
		}
		obj := NewObject(pv.Obj())
		if props := arg(args, 1); !props.IsUndefined() {
			if err := it.defineProperties(obj, props); err != nil {
				return Undefined, err
			}
		}
		return ObjValue(obj), nil
	})
	keysLike := func(kind int) HostFunc {
		return func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			obj, err := it.ToObject(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			keys, err := it.ownStringKeys(obj)
			if err != nil {
				return Undefined, err
			}
			var out []Value
			for _, k := range keys {
				if obj.flags&flagExotic == 0 {
					p, ok := obj.getOwn(k)
					if !ok || p.attr&Enumerable == 0 {
						continue
					}
					if p.value.kind == KindHole {
						return Undefined, it.namespaceTDZ(k)
					}
				} else if d, ok, err := it.getOwnProperty(obj, k); err != nil {
					return Undefined, err
				} else if !ok || !d.Enumerable {
					continue
				}
				switch kind {
				case 0:
					out = append(out, Str(k.s))
				default:
					v, err := it.get(obj, k, ObjValue(obj))
					if err != nil {
						return Undefined, err
					}
					if kind == 1 {
						out = append(out, v)
					} else {
						out = append(out, ObjValue(r.arrayOf([]Value{Str(k.s), v})))
					}
				}
			}
			return ObjValue(r.arrayOf(out)), nil
		}
	}
	r.method(o, "keys", 1, keysLike(0))
	r.method(o, "values", 1, keysLike(1))
	r.method(o, "entries", 1, keysLike(2))
	r.method(o, "getOwnPropertyNames", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		keys, err := it.ownStringKeys(obj)
		if err != nil {
			return Undefined, err
		}
		out := make([]Value, len(keys))
		for i, k := range keys {
			out[i] = Str(k.s)
		}
		return ObjValue(r.arrayOf(out)), nil
	})
	r.method(o, "getOwnPropertySymbols", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		keys, err := it.ownPropertyKeys(obj)
		if err != nil {
			return Undefined, err
		}
		var out []Value
		for _, k := range keys {
			if k.sym != nil {
				out = append(out, SymValue(k.sym))
			}
		}
		return ObjValue(r.arrayOf(out)), nil
	})
	r.method(o, "defineProperty", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj := arg(args, 0).Obj()
		if obj == nil {
			return Undefined, it.typeError("Object.defineProperty called on non-object")
		}
		k, err := it.toPropertyKey(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		d, err := it.toPropertyDescriptor(arg(args, 2))
		if err != nil {
			return Undefined, err
		}
		ok, err := it.defineOwnProperty(obj, k, d)
		if err != nil {
			return Undefined, err
		}
		if !ok {
			return Undefined, it.typeError("Cannot redefine property: " + k.String())
		}
		return args[0], nil
	})
	r.method(o, "defineProperties", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj := arg(args, 0).Obj()
		if obj == nil {
			return Undefined, it.typeError("Object.defineProperties called on non-object")
		}
		return args[0], it.defineProperties(obj, arg(args, 1))
	})
	r.method(o, "getOwnPropertyDescriptor", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		k, err := it.toPropertyKey(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		d, ok, err := it.getOwnProperty(obj, k)
		if err != nil || !ok {
			return Undefined, err
		}
		if d.Value.kind == KindHole {
			return Undefined, it.namespaceTDZ(k)
		}
		return ObjValue(r.fromPropertyDescriptor(d)), nil
	})
	r.method(o, "getOwnPropertyDescriptors", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		keys, err := it.ownPropertyKeys(obj)
		if err != nil {
			return Undefined, err
		}
		out := NewObject(r.ObjectPrototype)
		for _, k := range keys {
			d, ok, err := it.getOwnProperty(obj, k)
			if err != nil {
				return Undefined, err
			}
			if ok {
				if d.Value.kind == KindHole {
					return Undefined, it.namespaceTDZ(k)
				}
				out.defineOwn(k, ObjValue(r.fromPropertyDescriptor(d)), Default)
			}
		}
		return ObjValue(out), nil
	})
	r.method(o, "assign", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		to, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		for _, src := range args[min(1, len(args)):] {
			if src.IsNullish() {
				continue
			}
			from, _ := it.ToObject(src)
			keys, err := it.ownPropertyKeys(from)
			if err != nil {
				return Undefined, err
			}
			for _, k := range keys {
				d, ok, err := it.getOwnProperty(from, k)
				if err != nil {
					return Undefined, err
				}
				if !ok || !d.Enumerable {
					continue
				}
				v, err := it.get(from, k, ObjValue(from))
				if err != nil {
					return Undefined, err
				}
				if err := it.set(to, k, v, ObjValue(to), true); err != nil {
					return Undefined, err
				}
			}
		}
		return ObjValue(to), nil
	})
	r.method(o, "is", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		return Bool(SameValue(arg(args, 0), arg(args, 1))), nil
	})
	integrity := func(frozen bool) HostFunc {
		level := "seal"
		if frozen {
			level = "freeze"
		}
		return func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			if obj := arg(args, 0).Obj(); obj != nil {
				if frozen && obj.class == ClassModuleNamespace {
					// Its exports are writable and cannot be made otherwise.
					if err := it.namespaceFreeze(obj); err != nil {
						return Undefined, err
					}
				}
				if err := it.typedIntegrity(obj, level); err != nil {
					return Undefined, err
				}
				ok, err := it.setIntegrityLevel(obj, frozen)
				if err != nil {
					return Undefined, err
				}
				if !ok {
					return Undefined, it.typeError("Cannot freeze or seal object")
				}
			}
			return arg(args, 0), nil
		}
	}
	r.method(o, "freeze", 1, integrity(true))
	r.method(o, "seal", 1, integrity(false))
	r.method(o, "preventExtensions", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		if obj := arg(args, 0).Obj(); obj != nil {
			if err := it.typedIntegrity(obj, "preventExtensions"); err != nil {
				return Undefined, err
			}
			ok, err := it.preventExtensionsObj(obj)
			if err != nil {
				return Undefined, err
			}
			if !ok {
				return Undefined, it.typeError("Cannot prevent extensions")
			}
		}
		return arg(args, 0), nil
	})
	testLevel := func(frozen bool) HostFunc {
		return func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			obj := arg(args, 0).Obj()
			if obj == nil {
				return True, nil
			}
			ok, err := it.testIntegrityLevel(obj, frozen)
			return Bool(ok), err
		}
	}
	r.method(o, "isFrozen", 1, testLevel(true))
	r.method(o, "isSealed", 1, testLevel(false))
	r.method(o, "isExtensible", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		obj := arg(args, 0).Obj()
		if obj == nil {
			return False, nil
		}
		ok, err := it.isExtensible(obj)
		return Bool(ok), err
	})
	r.method(o, "fromEntries", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		out := NewObject(r.ObjectPrototype)
		err := it.iterate(arg(args, 0), func(e Value) (bool, error) {
			eo := e.Obj()
			if eo == nil {
				return false, it.typeError("Iterator value is not an entry object")
			}
			k, err := it.Get(eo, indexKey(0))
			if err != nil {
				return false, err
			}
			v, err := it.Get(eo, indexKey(1))
			if err != nil {
				return false, err
			}
			pk, err := it.toPropertyKey(k)
			if err != nil {
				return false, err
			}
			return true, it.createDataProperty(out, pk, v)
		})
		return ObjValue(out), err
	})

	r.method(p, "hasOwnProperty", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		k, err := it.toPropertyKey(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		obj, err := it.thisObject(this, "Object.prototype.hasOwnProperty")
		if err != nil {
			return Undefined, err
		}
		d, ok, err := it.getOwnProperty(obj, k)
		if err == nil && ok && d.Value.kind == KindHole {
			err = it.namespaceTDZ(k)
		}
		return Bool(ok), err
	})
	r.method(p, "isPrototypeOf", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		v := arg(args, 0).Obj()
		if v == nil {
			return False, nil
		}
		obj, err := it.thisObject(this, "Object.prototype.isPrototypeOf")
		if err != nil {
			return Undefined, err
		}
		for {
			if v, err = it.getPrototypeOf(v); err != nil || v == nil {
				return False, err
			}
			if v == obj {
				return True, nil
			}
		}
	})
	r.method(p, "propertyIsEnumerable", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		k, err := it.toPropertyKey(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		obj, err := it.thisObject(this, "Object.prototype.propertyIsEnumerable")
		if err != nil {
			return Undefined, err
		}
		d, ok, err := it.getOwnProperty(obj, k)
		if err == nil && ok && d.Value.kind == KindHole {
			err = it.namespaceTDZ(k)
		}
		return Bool(ok && d.Enumerable), err
	})
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		return it.objectToString(this)
	})
	r.method(p, "toLocaleString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		f, err := it.getV(this, StrKey("toString"))
		if err != nil {
			return Undefined, err
		}
		return it.Call(f, this)
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Object.prototype.valueOf")
		return ObjValue(o), err
	})
	protoGet := r.newFunc("get __proto__", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.thisObject(this, "Object.prototype.__proto__")
		if err != nil {
			return Undefined, err
		}
		p, err := it.getPrototypeOf(o)
		if err != nil || p == nil {
			return Null, err
		}
		return ObjValue(p), nil
	})
	protoSet := r.newFunc("set __proto__", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if this.IsNullish() {
			return Undefined, it.typeError("Object.prototype.__proto__ called on null or undefined")
		}
		pv := arg(args, 0)
		if o := this.Obj(); o != nil && (pv.IsObject() || pv.IsNull()) {
			return Undefined, it.setPrototypeOf(o, pv.Obj())
		}
		return Undefined, nil
	})
	p.defineOwn(StrKey("__proto__"), accessorValue(&accessor{get: protoGet, set: protoSet}), Configurable|Accessor)
}

// setPrototypeOf is [[SetPrototypeOf]], throwing on failure.
func (it *Interp) setPrototypeOf(o, p *Object) error {
	ok, err := it.setPrototypeOfObj(o, p)
	if err != nil {
		return err
	}
	if !ok {
		if o.flags&flagExotic == 0 && o.Extensible() {
			return it.typeError("Cyclic __proto__ value")
		}
		return it.typeError("#<Object> is not extensible")
	}
	return nil
}

func preventExtensions(o *Object) {
	if o.flags&flagExtensible == 0 {
		return
	}
	// A new shape so that inline caches holding add-property transitions
	// for the old one no longer match.
	if !o.shape.dict {
		o.shape = o.shape.toDict()
	}
	o.flags &^= flagExtensible
}

// objectToString is Object.prototype.toString.
func (it *Interp) objectToString(this Value) (Value, error) {
	switch this.kind {
	case KindUndefined:
		return Str("[object Undefined]"), nil
	case KindNull:
		return Str("[object Null]"), nil
	}
	o, _ := it.ToObject(this)
	tag := "Object"
	isArr, err := it.isArray(this)
	if err != nil {
		return Undefined, err
	}
	if isArr {
		tag = "Array"
	}
	switch o.class {
	case ClassArray:
		tag = "Array"
	case ClassFunction:
		tag = "Function"
	case ClassError:
		tag = "Error"
	case ClassBoolean:
		tag = "Boolean"
	case ClassNumber:
		tag = "Number"
	case ClassString:
		tag = "String"
	case ClassArguments:
		tag = "Arguments"
	case ClassDate:
		tag = "Date"
	case ClassRegExp:
		tag = "RegExp"
	}
	if o.fn != nil {
		tag = "Function"
	}
	t, err := it.get(o, SymKey(it.SymToStringTag), this)
	if err != nil {
		return Undefined, err
	}
	if t.IsString() {
		tag = t.Strv().String()
	}
	return Str("[object " + tag + "]"), nil
}

// toPropertyDescriptor is ToPropertyDescriptor.
func (it *Interp) toPropertyDescriptor(v Value) (PropertyDescriptor, error) {
	var d PropertyDescriptor
	o := v.Obj()
	if o == nil {
		return d, it.typeError("Property description must be an object: " + describeForError(v))
	}
	field := func(name string, has *bool) (Value, error) {
		k := StrKey(name)
		if ok, err := it.hasProperty(o, k); err != nil || !ok {
			return Undefined, err
		}
		*has = true
		return it.get(o, k, v)
	}
	var err error
	var x Value
	if x, err = field("enumerable", &d.HasEnumerable); err != nil {
		return d, err
	}
	d.Enumerable = ToBoolean(x)
	if x, err = field("configurable", &d.HasConfigurable); err != nil {
		return d, err
	}
	d.Configurable = ToBoolean(x)
	if d.Value, err = field("value", &d.HasValue); err != nil {
		return d, err
	}
	if x, err = field("writable", &d.HasWritable); err != nil {
		return d, err
	}
	d.Writable = ToBoolean(x)
	if d.Get, err = field("get", &d.HasGet); err != nil {
		return d, err
	}
	if d.HasGet && !d.Get.IsUndefined() && !isCallable(d.Get) {
		return d, it.typeError("Getter must be a function: " + describeForError(d.Get))
	}
	if d.Set, err = field("set", &d.HasSet); err != nil {
		return d, err
	}
	if d.HasSet && !d.Set.IsUndefined() && !isCallable(d.Set) {
		return d, it.typeError("Setter must be a function: " + describeForError(d.Set))
	}
	if (d.HasGet || d.HasSet) && (d.HasValue || d.HasWritable) {
		return d, it.typeError("Invalid property descriptor. Cannot both specify accessors and a value or writable attribute")
	}
	return d, nil
}

func (r *Realm) fromPropertyDescriptor(d PropertyDescriptor) *Object {
	o := NewObject(r.ObjectPrototype)
	if d.HasGet || d.HasSet {
		o.defineOwn(StrKey("get"), d.Get, Default)
		o.defineOwn(StrKey("set"), d.Set, Default)
	} else {
		o.defineOwn(StrKey("value"), d.Value, Default)
		o.defineOwn(StrKey("writable"), Bool(d.Writable), Default)
	}
	o.defineOwn(StrKey("enumerable"), Bool(d.Enumerable), Default)
	o.defineOwn(StrKey("configurable"), Bool(d.Configurable), Default)
	return o
}

func (it *Interp) defineProperties(obj *Object, props Value) error {
	po, err := it.ToObject(props)
	if err != nil {
		return err
	}
	type pair struct {
		k PropKey
		d PropertyDescriptor
	}
	var ds []pair
	keys, err := it.ownPropertyKeys(po)
	if err != nil {
		return err
	}
	for _, k := range keys {
		d, ok, err := it.getOwnProperty(po, k)
		if err != nil {
			return err
		}
		if !ok || !d.Enumerable {
			continue
		}
		dv, err := it.get(po, k, ObjValue(po))
		if err != nil {
			return err
		}
		desc, err := it.toPropertyDescriptor(dv)
		if err != nil {
			return err
		}
		ds = append(ds, pair{k, desc})
	}
	for _, p := range ds {
		ok, err := it.defineOwnProperty(obj, p.k, p.d)
		if err != nil {
			return err
		}
		if !ok {
			return it.typeError("Cannot redefine property: " + p.k.String())
		}
	}
	return nil
}

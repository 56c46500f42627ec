package vm

func (r *Realm) initError() {
	base := NewObject(r.ObjectPrototype)
	var baseCtor *Object
	for k := PlainError; k < numErrorKinds; k++ {
		name := errorNames[k]
		p := base
		if k != PlainError {
			p = NewObject(base)
		}
		r.ErrorPrototypes[k] = p
		kind := k
		c := r.newCtor(name, 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
			if nt == nil {
				nt = it.realm.errorCtor(kind)
			}
			proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.ErrorPrototypes[kind] })
			if err != nil {
				return Undefined, err
			}
			o, err := it.newErrorFrom(proto, arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			if err := it.installErrorCause(o, arg(args, 1)); err != nil {
				return Undefined, err
			}
			it.attachStack(o)
			return ObjValue(o), nil
		}, p)
		if k == PlainError {
			baseCtor = c
		} else {
			c.setProto(baseCtor)
		}
		p.defineOwn(keyName, Str(name), Hidden)
		p.defineOwn(keyMessage, Str(""), Hidden)
	}
	r.method(base, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o := this.Obj()
		if o == nil {
			return Undefined, it.typeError("Error.prototype.toString called on non-object")
		}
		nv, err := it.Get(o, keyName)
		if err != nil {
			return Undefined, err
		}
		name := "Error"
		if !nv.IsUndefined() {
			s, err := it.ToString(nv)
			if err != nil {
				return Undefined, err
			}
			name = s.String()
		}
		mv, err := it.Get(o, keyMessage)
		if err != nil {
			return Undefined, err
		}
		msg := ""
		if !mv.IsUndefined() {
			s, err := it.ToString(mv)
			if err != nil {
				return Undefined, err
			}
			msg = s.String()
		}
		switch {
		case name == "":
			return Str(msg), nil
		case msg == "":
			return Str(name), nil
		}
		return Str(name + ": " + msg), nil
	})
}

// newErrorFrom makes an error object with prototype proto and, unless
// undefined, message msg.
func (it *Interp) newErrorFrom(proto *Object, msg Value) (*Object, error) {
	o := newObjectClass(proto, ClassError)
	if !msg.IsUndefined() {
		s, err := it.ToString(msg)
		if err != nil {
			return nil, err
		}
		o.defineOwn(keyMessage, StrValue(s), Hidden)
	}
	return o, nil
}

// installErrorCause is InstallErrorCause.
func (it *Interp) installErrorCause(o *Object, options Value) error {
	opts := options.Obj()
	if opts == nil {
		return nil
	}
	has, err := it.hasProperty(opts, StrKey("cause"))
	if err != nil || !has {
		return err
	}
	c, err := it.getStr(opts, "cause")
	if err != nil {
		return err
	}
	o.defineOwn(StrKey("cause"), c, Hidden)
	return nil
}

// initErrorExtras adds Error.prototype.stack, Error.isError,
// AggregateError and SuppressedError.
func (r *Realm) initErrorExtras() {
	base := r.ErrorPrototypes[PlainError]
	baseCtor := r.errorCtor(PlainError)
	get := r.newFunc("get stack", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o := this.Obj()
		if o == nil {
			return Undefined, it.typeError("Error.prototype.stack getter called on non-object")
		}
		if ed, ok := o.internal.(*errorData); ok && o.class == ClassError {
			return Str(ed.stack), nil
		}
		return Undefined, nil
	})
	set := r.newFunc("set stack", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o := this.Obj()
		if o == nil {
			return Undefined, it.typeError("Error.prototype.stack setter called on non-object")
		}
		v := arg(args, 0)
		if !v.IsString() {
			return Undefined, it.typeError("Error.prototype.stack must be set to a string")
		}
		if o == base {
			return Undefined, it.typeError("Cannot assign to read only property 'stack' of Error.prototype")
		}
		k := StrKey("stack")
		_, ok, err := it.getOwnProperty(o, k)
		if err != nil {
			return Undefined, err
		}
		if !ok {
			return Undefined, it.createDataProperty(o, k, v)
		}
		return Undefined, it.set(o, k, v, this, true)
	})
	base.defineOwn(StrKey("stack"), accessorValue(&accessor{get: get, set: set}), Configurable|Accessor)

	r.method(baseCtor, "isError", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		o := arg(args, 0).Obj()
		return Bool(o != nil && o.class == ClassError), nil
	})

	// extra makes a NativeError-like constructor whose own arguments
	// before the message are handled by fill.
	extra := func(name string, length int, fill func(it *Interp, o *Object, args []Value) error) {
		p := NewObject(base)
		var c *Object
		c = r.newCtor(name, length, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
			if nt == nil {
				nt = c
			}
			proto, err := it.protoFromCtor(nt, func(r *Realm) *Object {
				pc, _ := r.Global.getOwn(StrKey(name))
				pp, _ := pc.value.Obj().getOwn(keyPrototype)
				return pp.value.Obj()
			})
			if err != nil {
				return Undefined, err
			}
			o, err := it.newErrorFrom(proto, arg(args, length-1))
			if err != nil {
				return Undefined, err
			}
			if err := fill(it, o, args); err != nil {
				return Undefined, err
			}
			it.attachStack(o)
			return ObjValue(o), nil
		}, p)
		c.setProto(baseCtor)
		p.defineOwn(keyName, Str(name), Hidden)
		p.defineOwn(keyMessage, Str(""), Hidden)
		switch name {
		case "SuppressedError":
			r.suppressedErrorPrototype = p
		case "AggregateError":
			r.aggregateErrorPrototype = p
		}
	}
	extra("AggregateError", 2, func(it *Interp, o *Object, args []Value) error {
		if err := it.installErrorCause(o, arg(args, 2)); err != nil {
			return err
		}
		var list []Value
		err := it.iterate(arg(args, 0), func(v Value) (bool, error) {
			list = append(list, v)
			return true, nil
		})
		if err != nil {
			return err
		}
		o.defineOwn(StrKey("errors"), ObjValue(it.realm.arrayOf(list)), Hidden)
		return nil
	})
	extra("SuppressedError", 3, func(it *Interp, o *Object, args []Value) error {
		o.defineOwn(StrKey("error"), arg(args, 0), Hidden)
		o.defineOwn(StrKey("suppressed"), arg(args, 1), Hidden)
		return nil
	})
}

func (r *Realm) errorCtor(k ErrorKind) *Object {
	c, _ := r.ErrorPrototypes[k].getOwn(keyConstructor)
	return c.value.Obj()
}

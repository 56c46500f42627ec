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
			o := newObjectClass(proto, ClassError)
			if m := arg(args, 0); !m.IsUndefined() {
				s, err := it.ToString(m)
				if err != nil {
					return Undefined, err
				}
				o.defineOwn(keyMessage, StrValue(s), Hidden)
			}
			if opts := arg(args, 1).Obj(); opts != nil {
				has, err := it.hasProperty(opts, StrKey("cause"))
				if err != nil {
					return Undefined, err
				}
				if has {
					c, err := it.getStr(opts, "cause")
					if err != nil {
						return Undefined, err
					}
					o.defineOwn(StrKey("cause"), c, Hidden)
				}
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

func (r *Realm) errorCtor(k ErrorKind) *Object {
	c, _ := r.ErrorPrototypes[k].getOwn(keyConstructor)
	return c.value.Obj()
}

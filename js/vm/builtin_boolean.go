package vm

func (r *Realm) initBoolean() {
	p := newObjectClass(r.ObjectPrototype, ClassBoolean)
	p.internal = False
	r.BooleanPrototype = p
	r.newCtor("Boolean", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		b := Bool(ToBoolean(arg(args, 0)))
		if nt == nil {
			return b, nil
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.BooleanPrototype })
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(proto, ClassBoolean)
		o.internal = b
		return ObjValue(o), nil
	}, p)
	thisBool := func(it *Interp, this Value) (Value, error) {
		if this.IsBool() {
			return this, nil
		}
		if o := this.Obj(); o != nil && o.class == ClassBoolean {
			return o.internal.(Value), nil
		}
		return Undefined, it.typeError("Boolean.prototype method called on incompatible receiver")
	}
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		b, err := thisBool(it, this)
		if err != nil {
			return Undefined, err
		}
		if b.BoolVal() {
			return Str("true"), nil
		}
		return Str("false"), nil
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		return thisBool(it, this)
	})
}

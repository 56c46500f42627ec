package vm

// arrayIterator is the state of an Array Iterator object.
type arrayIterator struct {
	obj  *Object
	idx  int64
	kind int // 0 keys, 1 values, 2 entries
	done bool
}

func (r *Realm) initIterators() {
	ip := NewObject(r.ObjectPrototype)
	r.IteratorPrototype = ip
	r.symMethod(ip, r.it.SymIterator, "[Symbol.iterator]", 0, func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		return this, nil
	})
	ai := NewObject(ip)
	r.ArrayIteratorPrototype = ai
	ai.defineOwn(SymKey(r.it.SymToStringTag), Str("Array Iterator"), Configurable)
	r.arrayIterNext = r.method(ai, "next", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o := this.Obj()
		st, ok := o.internalArrayIterator()
		if !ok {
			return Undefined, it.typeError("next method called on incompatible receiver")
		}
		if st.done {
			return it.iterResult(Undefined, true), nil
		}
		var n int64
		if ta := typedArrayOf(st.obj); ta != nil {
			if ta.outOfBounds() {
				return Undefined, it.typeError("Cannot iterate a detached or out-of-bounds typed array")
			}
			n = int64(ta.length())
		} else {
			var err error
			if n, err = it.lengthOf(st.obj); err != nil {
				return Undefined, err
			}
		}
		if st.idx >= n {
			st.done = true
			return it.iterResult(Undefined, true), nil
		}
		i := st.idx
		st.idx++
		if st.kind == 0 {
			return it.iterResult(Num(float64(i)), false), nil
		}
		v, err := it.Get(st.obj, numberKey(float64(i)))
		if err != nil {
			return Undefined, err
		}
		if st.kind == 2 {
			v = ObjValue(it.realm.arrayOf([]Value{Num(float64(i)), v}))
		}
		return it.iterResult(v, false), nil
	})
	si := NewObject(ip)
	r.StringIteratorPrototype = si
	si.defineOwn(SymKey(r.it.SymToStringTag), Str("String Iterator"), Configurable)
	r.stringIterNext = r.method(si, "next", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o := this.Obj()
		if o == nil {
			return Undefined, it.typeError("next method called on incompatible receiver")
		}
		rec, ok := o.internal.(*iterRecord)
		if !ok || rec.str == nil {
			return Undefined, it.typeError("next method called on incompatible receiver")
		}
		v, err := it.iteratorStep(ObjValue(o))
		if err != nil {
			return Undefined, err
		}
		if v.kind == KindHole {
			return it.iterResult(Undefined, true), nil
		}
		return it.iterResult(v, false), nil
	})
}

func (o *Object) internalArrayIterator() (*arrayIterator, bool) {
	if o == nil {
		return nil, false
	}
	st, ok := o.internal.(*arrayIterator)
	return st, ok
}

func (r *Realm) newArrayIterator(o *Object, kind int) *Object {
	it := newObjectClass(r.ArrayIteratorPrototype, ClassArrayIterator)
	it.internal = &arrayIterator{obj: o, kind: kind}
	return it
}

// iterResult makes {value, done}.
func (it *Interp) iterResult(v Value, done bool) Value {
	o := NewObject(it.realm.ObjectPrototype)
	o.defineOwn(StrKey("value"), v, Default)
	o.defineOwn(StrKey("done"), Bool(done), Default)
	return ObjValue(o)
}

func (r *Realm) initGenerators() {
	// %GeneratorFunction.prototype% and %GeneratorPrototype%.
	gfp := NewObject(r.FunctionPrototype)
	r.GeneratorFunctionPrototype = gfp
	gp := NewObject(r.IteratorPrototype)
	r.GeneratorPrototype = gp
	gfp.defineOwn(keyPrototype, ObjValue(gp), Configurable)
	gp.defineOwn(keyConstructor, ObjValue(gfp), Configurable)
	gp.defineOwn(SymKey(r.it.SymToStringTag), Str("Generator"), Configurable)
	gfp.defineOwn(SymKey(r.it.SymToStringTag), Str("GeneratorFunction"), Configurable)
	resumeWith := func(name string, mode int) {
		r.method(gp, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o := this.Obj()
			var g *generator
			if o != nil {
				g, _ = o.internal.(*generator)
			}
			if g == nil || g.promise != nil || g.async != nil {
				return Undefined, it.typeError(name + " method called on incompatible receiver " + describeForError(this))
			}
			v, done, err := it.resume(g, mode, arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			return it.iterResult(v, done), nil
		})
	}
	resumeWith("next", resumeNext)
	resumeWith("return", resumeReturn)
	resumeWith("throw", resumeThrow)

	afp := NewObject(r.FunctionPrototype)
	r.AsyncFunctionPrototype = afp
	afp.defineOwn(SymKey(r.it.SymToStringTag), Str("AsyncFunction"), Configurable)
	agfp := NewObject(r.FunctionPrototype)
	r.AsyncGeneratorFunctionPrototype = agfp
	agp := NewObject(r.ObjectPrototype)
	r.AsyncGeneratorPrototype = agp
	agfp.defineOwn(keyPrototype, ObjValue(agp), Configurable)
	r.initAsyncGenerators()
}

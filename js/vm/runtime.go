package vm

import (
	"glassbox/js/bytecode"
)

// runtimeCall runs CallRuntime id with arguments args.
func (it *Interp) runtimeCall(fr *frame, id int, args []Value, acc Value) (Value, error) {
	r := fr.realm
	switch id {
	case bytecode.RtCreateClass:
		return it.createClass(fr, args[0].Obj(), args[1])
	case bytecode.RtDefineMethod, bytecode.RtDefineGetter, bytecode.RtDefineSetter:
		o, f := args[0].Obj(), args[2].Obj()
		k, err := it.toPropertyKey(args[1])
		if err != nil {
			return Undefined, err
		}
		if f.fn != nil && f.fn.home == nil {
			f.fn.home = o
		}
		attr := Hidden
		if ToBoolean(args[3]) {
			attr = Default
		}
		if id == bytecode.RtDefineMethod {
			setFunctionNameFromKey(f, k, "")
			_, err = it.defineOwnProperty(o, k, PropertyDescriptor{Value: ObjValue(f), Writable: true, Enumerable: attr&Enumerable != 0, Configurable: true,
				HasValue: true, HasWritable: true, HasEnumerable: true, HasConfigurable: true})
			return Undefined, err
		}
		d := PropertyDescriptor{Enumerable: attr&Enumerable != 0, Configurable: true, HasEnumerable: true, HasConfigurable: true}
		if id == bytecode.RtDefineGetter {
			setFunctionNameFromKey(f, k, "get")
			d.Get, d.HasGet = ObjValue(f), true
		} else {
			setFunctionNameFromKey(f, k, "set")
			d.Set, d.HasSet = ObjValue(f), true
		}
		_, err = it.defineOwnProperty(o, k, d)
		return Undefined, err
	case bytecode.RtSpreadInto:
		a := args[0].Obj()
		err := it.iterate(args[1], func(v Value) (bool, error) {
			a.setElement(a.length, v)
			return true, nil
		})
		return Undefined, err
	case bytecode.RtAppendElement:
		a := args[0].Obj()
		if !a.setElement(a.length, args[1]) {
			a.defineOwn(indexKey(int(a.length)), args[1], Default)
		}
		return Undefined, nil
	case bytecode.RtArraySetLength:
		a := args[0].Obj()
		a.setLength(a.length + uint32(args[1].num))
		return Undefined, nil
	case bytecode.RtCopyDataProperties:
		return Undefined, it.copyDataProperties(args[0].Obj(), args[1], nil)
	case bytecode.RtObjectRest:
		o := NewObject(r.ObjectPrototype)
		ex := map[PropKey]bool{}
		for _, k := range args[1:] {
			pk, err := it.toPropertyKey(k)
			if err != nil {
				return Undefined, err
			}
			ex[pk] = true
		}
		return ObjValue(o), it.copyDataProperties(o, args[0], ex)
	case bytecode.RtIterableToArray:
		var vals []Value
		for {
			v, err := it.iteratorStep(args[0])
			if err != nil {
				return Undefined, err
			}
			if v.kind == KindHole {
				break
			}
			vals = append(vals, v)
		}
		return ObjValue(r.arrayOf(vals)), nil
	case bytecode.RtTemplateObject:
		return it.templateObject(fr, int(args[0].num)), nil
	case bytecode.RtSuperCall:
		return it.superCall(fr, append([]Value(nil), args...))
	case bytecode.RtSuperCallSpread:
		return it.superCall(fr, arrayValues(args[0].Obj()))
	case bytecode.RtSetHomeObject:
		if f := args[0].Obj(); f != nil && f.fn != nil {
			f.fn.home = args[1].Obj()
		}
		return args[0], nil
	case bytecode.RtInitFields:
		args[0].Obj().fn.fields = args[1].Obj()
		return Undefined, nil
	case bytecode.RtThrowTypeError:
		s, _ := it.ToString(args[0])
		return Undefined, it.typeError(s.String())
	case bytecode.RtCreateRegExp:
		return it.newRegExp(args[0], args[1])
	case bytecode.RtDeclareGlobals:
		return Undefined, it.declareGlobals(fr, args)
	case bytecode.RtInitGlobalLexical:
		b := r.lexicals[args[0].Strv().String()]
		b.value = args[1]
		return Undefined, nil
	case bytecode.RtSetFunctionName:
		k, err := it.toPropertyKey(args[1])
		if err != nil {
			return Undefined, err
		}
		setFunctionNameFromKey(args[0].Obj(), k, "")
		return args[0], nil
	case bytecode.RtYieldStar:
		return it.yieldStarStep(args[0], int(args[1].num), args[2])
	case bytecode.RtNewVarObject:
		return ObjValue(NewObject(nil)), nil
	case bytecode.RtDeclareEvalVar:
		o, k := args[0].Obj(), StrKey(args[1].Strv().String())
		if _, ok := o.getOwn(k); !ok {
			o.defineOwn(k, Undefined, Writable|Enumerable|Configurable)
		}
		return Undefined, nil
	case bytecode.RtWithStrictCheck:
		name := args[1].Strv().String()
		has, err := it.hasProperty(args[0].Obj(), StrKey(name))
		if err != nil || has {
			return Undefined, err
		}
		return Undefined, it.throwError(ReferenceError, name+" is not defined")
	case bytecode.RtDirectEval:
		return it.directEval(fr, args)
	case bytecode.RtWithHas:
		return it.withHas(args[0].Obj(), args[1])
	case bytecode.RtAsyncYieldStar:
		return it.asyncYieldStarStep(args)
	case bytecode.RtAsyncYieldStarResult:
		return it.asyncYieldStarResult(args)
	case bytecode.RtAsyncIteratorNext:
		return it.asyncIteratorNext(args[0])
	case bytecode.RtDynamicImport:
		return it.dynamicImport(r, it.activeScriptName(), args[0], args[1]), nil
	case bytecode.RtImportMeta:
		return it.importMeta(args[0])
	case bytecode.RtNewPrivateName:
		return SymValue(&Symbol{Description: args[0], private: true}), nil
	case bytecode.RtPrivateGet:
		return it.privateGet(args[0], args[1].Sym())
	case bytecode.RtPrivateSet:
		return args[2], it.privateSet(args[0], args[1].Sym(), args[2])
	case bytecode.RtPrivateDefine:
		o := args[0].Obj()
		k := SymKey(args[1].Sym())
		if _, ok := o.getOwn(k); ok {
			return Undefined, it.typeError("Cannot initialize " + args[1].Sym().Description.Strv().String() + " twice on the same object")
		}
		o.defineOwn(k, args[2], Writable)
		return Undefined, nil
	case bytecode.RtPrivateIn:
		o := args[1].Obj()
		if o == nil {
			return Undefined, it.typeError("Cannot use 'in' operator to search for a private field in a non-object")
		}
		_, ok := o.getOwn(SymKey(args[0].Sym()))
		return Bool(ok), nil
	case bytecode.RtDeleteSuperProperty:
		return Undefined, it.referenceError("Unsupported reference to 'super'")
	}
	return Undefined, &InternalError{Panic: "unknown runtime function"}
}

// createClass links a class constructor to its parent and prototype.
func (it *Interp) createClass(fr *frame, ctor *Object, parent Value) (Value, error) {
	r := fr.realm
	protoParent := r.ObjectPrototype
	ctorParent := r.FunctionPrototype
	if parent.kind != KindHole {
		if parent.kind == KindNull {
			protoParent = nil
		} else {
			po := parent.Obj()
			if po == nil || !po.IsConstructor() {
				return Undefined, it.typeError("Class extends value " + describeForError(parent) + " is not a constructor or null")
			}
			pp, err := it.getStr(po, "prototype")
			if err != nil {
				return Undefined, err
			}
			if !pp.IsObject() && !pp.IsNull() {
				return Undefined, it.typeError("Class extends value does not have valid prototype property")
			}
			protoParent = pp.Obj()
			ctorParent = po
		}
	}
	proto := NewObject(protoParent)
	ctor.setProto(ctorParent)
	ctor.fn.home = proto
	ctor.defineOwn(keyPrototype, ObjValue(proto), 0)
	proto.defineOwn(keyConstructor, ObjValue(ctor), Hidden)
	return ObjValue(ctor), nil
}

// superCall is super(...args) in a derived constructor.
func (it *Interp) superCall(fr *frame, args []Value) (Value, error) {
	if fr.fn.tmpl.Kind != bytecode.DerivedConstructor {
		return Undefined, it.throwError(SyntaxError, "'super' keyword unexpected here")
	}
	parent := fr.fnObj.Proto()
	if parent == nil || !parent.IsConstructor() {
		return Undefined, it.typeError("Super constructor is not a constructor")
	}
	nt := fr.newTarget
	this, err := it.Construct(ObjValue(parent), args, nt)
	if err != nil {
		return Undefined, err
	}
	if fr.regs[0].kind != KindHole {
		return Undefined, it.referenceError("Super constructor may only be called once")
	}
	fr.regs[0] = this
	if f := fr.fn.fields; f != nil {
		if _, err := it.callObject(f, this, nil); err != nil {
			return Undefined, err
		}
	}
	return this, nil
}

// copyDataProperties copies own enumerable properties of source to target.
func (it *Interp) copyDataProperties(target *Object, source Value, exclude map[PropKey]bool) error {
	if source.IsNullish() {
		return nil
	}
	src, err := it.ToObject(source)
	if err != nil {
		return err
	}
	keys, err := it.ownPropertyKeys(src)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if exclude[k] {
			continue
		}
		d, ok, err := it.getOwnProperty(src, k)
		if err != nil {
			return err
		}
		if !ok || !d.Enumerable {
			continue
		}
		v, err := it.get(src, k, ObjValue(src))
		if err != nil {
			return err
		}
		if err := it.createDataProperty(target, k, v); err != nil {
			return err
		}
	}
	return nil
}

// templateObject returns the frozen strings array of a tagged template,
// the same object every time the site runs.
func (it *Interp) templateObject(fr *frame, idx int) Value {
	d := fr.data
	if d.templates == nil {
		d.templates = map[int]*Object{}
	}
	if o, ok := d.templates[idx]; ok {
		return ObjValue(o)
	}
	tc := fr.tmpl.Constants[idx].(*bytecode.TemplateConst)
	r := fr.realm
	cooked := make([]Value, len(tc.Cooked))
	raw := make([]Value, len(tc.Raw))
	for i, c := range tc.Cooked {
		if c != nil {
			cooked[i] = Str(*c)
		}
		raw[i] = Str(tc.Raw[i])
	}
	ro := r.arrayOf(raw)
	freeze(ro)
	co := r.arrayOf(cooked)
	co.defineOwn(StrKey("raw"), ObjValue(ro), 0)
	freeze(co)
	d.templates[idx] = co
	return ObjValue(co)
}

// freeze makes every own property non-configurable and data properties
// read-only, and the object non-extensible.
func freeze(o *Object) {
	o.toSlowElements()
	if !o.shape.dict {
		o.shape = o.shape.toDict()
	}
	for i := range o.shape.attrs {
		a := o.shape.attrs[i] &^ Configurable
		if a&Accessor == 0 {
			a &^= Writable
		}
		o.shape.attrs[i] = a
	}
	if o.class == ClassArray {
		o.flags |= flagLengthReadonly
	}
	o.flags &^= flagExtensible
}

// declareGlobals runs a script's global declaration instantiation: args
// are pairs (kind, name) with kind 0 var, 1 function, 2 let, 3 const/class.
func (it *Interp) declareGlobals(fr *frame, args []Value) error {
	r := fr.realm
	g := r.Global
	for i := 0; i+1 < len(args); i += 2 {
		kind, name := int(args[i].num), args[i+1].Strv().String()
		if kind == 2 || kind == 3 {
			if _, ok := r.lexicals[name]; ok {
				return it.throwError(SyntaxError, "Identifier '"+name+"' has already been declared")
			}
			if p, ok := g.getOwn(StrKey(name)); ok && p.attr&Configurable == 0 {
				return it.throwError(SyntaxError, "Identifier '"+name+"' has already been declared")
			}
		} else if _, ok := r.lexicals[name]; ok {
			return it.throwError(SyntaxError, "Identifier '"+name+"' has already been declared")
		}
	}
	for i := 0; i+1 < len(args); i += 2 {
		kind, name := int(args[i].num), args[i+1].Strv().String()
		k := StrKey(name)
		switch kind {
		case 0, 1:
			if _, ok := g.getOwn(k); !ok && g.Extensible() {
				g.defineOwn(k, Undefined, Writable|Enumerable)
			}
		case 4, 5: // eval code's: configurable
			if _, ok := g.getOwn(k); !ok && g.Extensible() {
				g.defineOwn(k, Undefined, Writable|Enumerable|Configurable)
			}
		default:
			r.lexicals[name] = &lexBinding{value: Hole, constant: kind == 3}
		}
	}
	return nil
}

// yieldStarStep forwards one resumption of a generator running yield* to
// the inner iterator and returns the inner iterator's result object.
func (it *Interp) yieldStarStep(rv Value, mode int, received Value) (Value, error) {
	rec := recordOf(rv)
	if rec.arr != nil || rec.str != nil {
		switch mode {
		case resumeNext:
			v, err := it.iteratorStep(rv)
			if err != nil {
				return Undefined, err
			}
			if v.kind == KindHole {
				return it.iterResult(Undefined, true), nil
			}
			return it.iterResult(v, false), nil
		case resumeThrow:
			rec.done = true
			return Undefined, it.typeError("The iterator does not provide a 'throw' method")
		}
		rec.done = true
		return it.iterResult(received, true), nil
	}
	var res Value
	var err error
	switch mode {
	case resumeNext:
		res, err = it.Call(rec.next, rec.iter, received)
	case resumeThrow:
		m, gerr := it.getV(rec.iter, StrKey("throw"))
		if gerr != nil {
			return Undefined, gerr
		}
		if m.IsNullish() {
			if cerr := it.iteratorClose(rv); cerr != nil {
				return Undefined, cerr
			}
			return Undefined, it.typeError("The iterator does not provide a 'throw' method")
		}
		res, err = it.Call(m, rec.iter, received)
	default:
		m, gerr := it.getV(rec.iter, StrKey("return"))
		if gerr != nil {
			return Undefined, gerr
		}
		if m.IsNullish() {
			return it.iterResult(received, true), nil
		}
		res, err = it.Call(m, rec.iter, received)
	}
	if err != nil {
		return Undefined, err
	}
	if !res.IsObject() {
		return Undefined, it.typeError("Iterator result " + describeForError(res) + " is not an object")
	}
	return res, nil
}

func privateName(s *Symbol) string { return s.Description.Strv().String() }

// privateGet reads a private member: own properties only.
func (it *Interp) privateGet(obj Value, s *Symbol) (Value, error) {
	o := obj.Obj()
	var p ownProp
	ok := false
	if o != nil {
		p, ok = o.getOwn(SymKey(s))
	}
	if !ok {
		return Undefined, it.typeError("Cannot read private member " + privateName(s) + " from an object whose class did not declare it")
	}
	if p.attr&Accessor != 0 {
		g := p.value.accessor().get
		if g == nil {
			return Undefined, it.typeError("'" + privateName(s) + "' was defined without a getter")
		}
		return it.Call(ObjValue(g), obj)
	}
	return p.value, nil
}

// privateSet writes a private member.
func (it *Interp) privateSet(obj Value, s *Symbol, v Value) error {
	o := obj.Obj()
	var p ownProp
	ok := false
	if o != nil {
		p, ok = o.getOwn(SymKey(s))
	}
	if !ok {
		return it.typeError("Cannot write private member " + privateName(s) + " to an object whose class did not declare it")
	}
	if p.attr&Accessor != 0 {
		st := p.value.accessor().set
		if st == nil {
			return it.typeError("'" + privateName(s) + "' was defined without a setter")
		}
		_, err := it.Call(ObjValue(st), obj, v)
		return err
	}
	if p.attr&Writable == 0 {
		return it.typeError("Private method '" + privateName(s) + "' is not writable")
	}
	o.defineOwn(SymKey(s), v, p.attr)
	return nil
}

// withHas is HasBinding of a with statement's object environment
// (ECMA-262 9.1.1.2.1): the object has the property and its
// Symbol.unscopables does not block it.
func (it *Interp) withHas(o *Object, name Value) (Value, error) {
	k := StrKey(name.Strv().String())
	if has, err := it.hasProperty(o, k); err != nil || !has {
		return False, err
	}
	u, err := it.Get(o, SymKey(it.SymUnscopables))
	if err != nil {
		return False, err
	}
	if uo := u.Obj(); uo != nil {
		b, err := it.Get(uo, k)
		if err != nil {
			return False, err
		}
		if ToBoolean(b) {
			return False, nil
		}
	}
	return True, nil
}

// directEval is a call eval(args...) where eval is not a local name
// (ECMA-262 13.3.6.1): when it is %eval%, the code runs with the caller's
// context, this and strictness; otherwise it is an ordinary call.
func (it *Interp) directEval(fr *frame, args []Value) (Value, error) {
	callee := args[0]
	if callee.Obj() == nil || callee.Obj() != fr.realm.evalFn {
		return it.Call(callee, Undefined, args[3:]...)
	}
	if len(args) < 4 {
		return Undefined, nil
	}
	scope := fr.tmpl.Constants[int(args[2].num)].(*bytecode.EvalScope)
	return it.eval(fr, fr.realm, args[1], args[3], scope)
}

// eval is PerformEval: x compiled as eval code and run on the caller's
// context (fr nil: the global scope).
func (it *Interp) eval(fr *frame, r *Realm, this, x Value, scope *bytecode.EvalScope) (Value, error) {
	if !x.IsString() {
		return x, nil
	}
	if it.CompileEval == nil {
		return Undefined, it.throwError(EvalError, "code generation from strings is not available")
	}
	t, err := it.CompileEval(x.Strv().String(), scope)
	if err != nil {
		return Undefined, err
	}
	fn := &Function{tmpl: t, realm: r}
	if fr != nil {
		fn.ctx = fr.ctx
	}
	obj := newObjectClass(r.FunctionPrototype, ClassFunction)
	obj.fn = fn
	nf := it.newFrame(obj, fn, this, nil, nil)
	nf.entry = true
	return it.reenter(nf)
}

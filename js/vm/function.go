package vm

import (
	"glassbox/js/bytecode"
)

// makeClosure creates a function object for template t in frame fr.
func (it *Interp) makeClosure(fr *frame, t *bytecode.FunctionTemplate) *Object {
	r := fr.realm
	proto := r.FunctionPrototype
	switch {
	case t.Flags&bytecode.FlagGenerator != 0 && t.Flags&bytecode.FlagAsync != 0:
		proto = r.AsyncGeneratorFunctionPrototype
	case t.Flags&bytecode.FlagGenerator != 0:
		proto = r.GeneratorFunctionPrototype
	case t.Flags&bytecode.FlagAsync != 0:
		proto = r.AsyncFunctionPrototype
	}
	obj := newObjectClass(proto, ClassFunction)
	fn := &Function{tmpl: t, ctx: fr.ctx, realm: r}
	obj.fn = fn
	switch t.Kind {
	case bytecode.ArrowFunction, bytecode.ClassFieldInit:
		fn.home = fr.fn.home
	case bytecode.BaseConstructor, bytecode.DerivedConstructor:
		fn.ctor, fn.isClass = true, true
		fn.derived = t.Kind == bytecode.DerivedConstructor
	case bytecode.NormalFunction:
		fn.ctor = t.Flags&(bytecode.FlagGenerator|bytecode.FlagAsync) == 0
	}
	obj.defineOwn(keyLength, Int(t.Length), Configurable)
	obj.defineOwn(keyName, Str(t.Name), Configurable)
	switch {
	case t.Kind == bytecode.NormalFunction && fn.ctor:
		p := NewObject(r.ObjectPrototype)
		p.defineOwn(keyConstructor, ObjValue(obj), Hidden)
		obj.defineOwn(keyPrototype, ObjValue(p), Writable)
	case t.Flags&bytecode.FlagGenerator != 0:
		gp := r.GeneratorPrototype
		if t.Flags&bytecode.FlagAsync != 0 {
			gp = r.AsyncGeneratorPrototype
		}
		obj.defineOwn(keyPrototype, ObjValue(NewObject(gp)), Writable)
	}
	return obj
}

var (
	keyLength      = StrKey("length")
	keyName        = StrKey("name")
	keyPrototype   = StrKey("prototype")
	keyConstructor = StrKey("constructor")
	keyMessage     = StrKey("message")
)

// setFunctionNameFromKey is SetFunctionName for a function defined under
// key k (prefix "get" or "set" for accessors). Only anonymous functions
// are renamed.
func setFunctionNameFromKey(f *Object, k PropKey, prefix string) {
	if f == nil || f.fn == nil {
		return
	}
	name := k.s
	if k.sym != nil {
		name = ""
		if d := k.sym.Description; d.IsString() {
			name = "[" + d.Strv().String() + "]"
			if k.sym.private {
				name = d.Strv().String()
			}
		}
	}
	if prefix != "" {
		name = prefix + " " + name
	}
	if p, ok := f.getOwn(keyName); ok && p.attr&Accessor == 0 {
		if s := p.value.Strv(); s != nil && s.Len() > 0 && prefix == "" {
			return
		}
	}
	f.defineOwn(keyName, Str(name), Configurable)
}

// createArguments makes the arguments object of frame fr. Mapped
// arguments do not yet alias the parameters.
func (it *Interp) createArguments(fr *frame, mapped bool) *Object {
	r := fr.realm
	o := newObjectClass(r.ObjectPrototype, ClassArguments)
	o.elems = append([]Value(nil), fr.args...)
	o.defineOwn(keyLength, Int(len(fr.args)), Hidden)
	o.defineOwn(SymKey(it.SymIterator), ObjValue(r.ArrayValues), Hidden)
	if mapped {
		o.defineOwn(StrKey("callee"), ObjValue(fr.fnObj), Hidden)
	} else {
		thrower := &accessor{get: r.ThrowTypeError, set: r.ThrowTypeError}
		o.defineOwn(StrKey("callee"), accessorValue(thrower), Accessor)
	}
	return o
}

// superGet is super[key] with receiver this.
func (it *Interp) superGet(fr *frame, this, key Value) (Value, error) {
	home := fr.fn.home
	if home == nil {
		return Undefined, it.throwError(SyntaxError, "'super' keyword unexpected here")
	}
	k, err := it.toPropertyKey(key)
	if err != nil {
		return Undefined, err
	}
	p := home.Proto()
	if p == nil {
		return Undefined, nil
	}
	return it.get(p, k, this)
}

// superSet is super[key] = v with receiver this.
func (it *Interp) superSet(fr *frame, this, key, v Value) error {
	home := fr.fn.home
	if home == nil {
		return it.throwError(SyntaxError, "'super' keyword unexpected here")
	}
	k, err := it.toPropertyKey(key)
	if err != nil {
		return err
	}
	p := home.Proto()
	if p == nil {
		return it.typeError("Cannot set properties of null")
	}
	return it.set(p, k, v, this, true)
}

// loadGlobal reads a global variable: a script-level lexical binding or a
// property of the global object.
func (it *Interp) loadGlobal(fr *frame, idx, slot int, inTypeof bool) (Value, error) {
	r := fr.realm
	k := fr.data.keys[idx]
	if b, ok := r.lexicals[k.s]; ok {
		if b.value.kind == KindHole {
			return Undefined, it.referenceError("Cannot access '" + k.s + "' before initialization")
		}
		return b.value, nil
	}
	g := r.Global
	ic := &fr.data.ics[slot]
	if v, ok := ic.load(g); ok {
		return v, nil
	}
	for o := g; o != nil; o = o.shape.proto {
		if p, ok := o.getOwn(k); ok {
			if p.attr&Accessor != 0 {
				if p.value.accessor().get == nil {
					return Undefined, nil
				}
				return it.Call(ObjValue(p.value.accessor().get), ObjValue(g))
			}
			ic.recordLoad(g, k)
			return p.value, nil
		}
	}
	if inTypeof {
		return Undefined, nil
	}
	return Undefined, it.referenceError(k.s + " is not defined")
}

// storeGlobal assigns to a global variable.
func (it *Interp) storeGlobal(fr *frame, idx, slot int, v Value) error {
	r := fr.realm
	k := fr.data.keys[idx]
	if b, ok := r.lexicals[k.s]; ok {
		if b.value.kind == KindHole {
			return it.referenceError("Cannot access '" + k.s + "' before initialization")
		}
		if b.constant {
			return it.typeError("Assignment to constant variable.")
		}
		b.value = v
		return nil
	}
	g := r.Global
	ic := &fr.data.ics[slot]
	if ic.store(g, v) {
		return nil
	}
	if fr.tmpl.Strict() {
		if has, err := it.hasProperty(g, k); err != nil {
			return err
		} else if !has {
			return it.referenceError(k.s + " is not defined")
		}
	}
	before := g.shape
	if err := it.set(g, k, v, ObjValue(g), fr.tmpl.Strict()); err != nil {
		return err
	}
	if before == g.shape {
		ic.recordStore(g, before, k)
	}
	return nil
}

// lexBinding is a script-level let, const or class binding.
type lexBinding struct {
	value    Value
	constant bool
}

package vm

import (
	"strings"
)

func (r *Realm) initFunction() {
	p := r.FunctionPrototype
	p.defineOwn(keyLength, Int(0), Configurable)
	p.defineOwn(keyName, Str(""), Configurable)
	f := r.newCtor("Function", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		return it.createDynamicFunction(args, "function")
	}, p)
	r.Function = f
	r.method(p, "call", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if !isCallable(this) {
			return Undefined, it.typeError("Function.prototype.call called on non-function")
		}
		var rest []Value
		if len(args) > 1 {
			rest = args[1:]
		}
		return it.Call(this, arg(args, 0), rest...)
	})
	r.method(p, "apply", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if !isCallable(this) {
			return Undefined, it.typeError("Function.prototype.apply was called on non-function")
		}
		list, err := it.listFromArrayLike(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		return it.Call(this, arg(args, 0), list...)
	})
	r.method(p, "bind", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		target := this.Obj()
		if target == nil || target.fn == nil {
			return Undefined, it.typeError("Bind must be called on a function")
		}
		var bound []Value
		if len(args) > 1 {
			bound = append(bound, args[1:]...)
		}
		proto, err := it.getPrototypeOf(target)
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(proto, ClassFunction)
		o.fn = &Function{realm: r, boundTarget: target, boundThis: arg(args, 0), boundArgs: bound, ctor: target.fn.ctor}
		l := 0.0
		_, hasLen, err := it.getOwnProperty(target, keyLength)
		if err != nil {
			return Undefined, err
		}
		if hasLen {
			lv, err := it.Get(target, keyLength)
			if err != nil {
				return Undefined, err
			}
			if lv.IsNumber() {
				l = max(0, ToIntegerOrInfinity(lv.num)-float64(len(bound)))
			}
		}
		name, err := it.Get(target, keyName)
		if err != nil {
			return Undefined, err
		}
		ns := ""
		if name.IsString() {
			ns = name.Strv().String()
		}
		o.defineOwn(keyLength, Num(l), Configurable)
		o.defineOwn(keyName, Str("bound "+ns), Configurable)
		return ObjValue(o), nil
	})
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o := this.Obj()
		if o == nil || o.fn == nil {
			return Undefined, it.typeError("Function.prototype.toString requires that 'this' be a Function")
		}
		if t := o.fn.tmpl; t != nil {
			if src := t.SourceText(); src != nil {
				return Str(string(src)), nil
			}
		}
		// Built-ins, bound functions and functions whose source text
		// is not known take the NativeFunction form.
		name := dataString(o, "name")
		if !isNativeFunctionName(name) {
			name = ""
		}
		return Str("function " + name + "() { [native code] }"), nil
	})
	r.functionHasInstance = r.symMethod(p, r.it.SymHasInstance, "[Symbol.hasInstance]", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o := this.Obj()
		if o == nil {
			return False, nil
		}
		b, err := it.ordinaryHasInstance(o, arg(args, 0))
		return Bool(b), err
	})
	p.defineOwn(SymKey(r.it.SymHasInstance), ObjValue(r.functionHasInstance), 0)
	p.defineOwn(StrKey("caller"), accessorValue(&accessor{get: r.ThrowTypeError, set: r.ThrowTypeError}), Configurable|Accessor)
	p.defineOwn(StrKey("arguments"), accessorValue(&accessor{get: r.ThrowTypeError, set: r.ThrowTypeError}), Configurable|Accessor)
}

// initFunctionKinds makes %GeneratorFunction%, %AsyncFunction% and
// %AsyncGeneratorFunction% (ECMA-262 27.3, 27.4, 27.7): constructors
// reached only through the constructor property of their prototypes,
// subclasses of Function that compile functions of their kind.
func (r *Realm) initFunctionKinds() {
	for _, k := range []struct {
		name, kind string
		proto      *Object
	}{
		{"GeneratorFunction", "function*", r.GeneratorFunctionPrototype},
		{"AsyncFunction", "async function", r.AsyncFunctionPrototype},
		{"AsyncGeneratorFunction", "async function*", r.AsyncGeneratorFunctionPrototype},
	} {
		kind := k.kind
		c := newObjectClass(r.Function, ClassFunction)
		c.fn = &Function{realm: r, ctor: true, host: func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			return it.createDynamicFunction(args, kind)
		}}
		c.defineOwn(keyLength, Int(1), Configurable)
		c.defineOwn(keyName, Str(k.name), Configurable)
		c.defineOwn(keyPrototype, ObjValue(k.proto), 0)
		k.proto.defineOwn(keyConstructor, ObjValue(c), Configurable)
	}
}

// createDynamicFunction implements Function(p1, ..., body).
func (it *Interp) createDynamicFunction(args []Value, kind string) (Value, error) {
	if it.Compile == nil {
		return Undefined, it.throwError(EvalError, "code generation from strings is not available")
	}
	var params []string
	body := ""
	for i, a := range args {
		s, err := it.ToString(a)
		if err != nil {
			return Undefined, err
		}
		if i == len(args)-1 {
			body = s.String()
		} else {
			params = append(params, s.String())
		}
	}
	src := "(" + kind + " anonymous(" + strings.Join(params, ",") + "\n) {\n" + body + "\n})"
	t, err := it.Compile("anonymous", src, false)
	if err != nil {
		return Undefined, err
	}
	return it.runNested(it.realm, t)
}

// maxListLength bounds CreateListFromArrayLike, which materializes every
// element (as V8 bounds the arguments of a call): a length beyond it
// throws a RangeError instead of allocating.
const maxListLength = 1 << 24

// listFromArrayLike is CreateListFromArrayLike.
func (it *Interp) listFromArrayLike(v Value) ([]Value, error) {
	if v.IsNullish() {
		return nil, nil
	}
	o := v.Obj()
	if o == nil {
		return nil, it.typeError("CreateListFromArrayLike called on non-object")
	}
	if o.class == ClassArray && o.flags&flagSlowElements == 0 {
		if o.length > maxListLength {
			return nil, it.rangeError("Too many arguments in function call")
		}
		out := make([]Value, o.length)
		for i := range out {
			if i < len(o.elems) && o.elems[i].kind != KindHole {
				out[i] = o.elems[i]
			} else {
				x, err := it.Get(o, indexKey(i))
				if err != nil {
					return nil, err
				}
				out[i] = x
			}
		}
		return out, nil
	}
	n, err := it.lengthOf(o)
	if err != nil {
		return nil, err
	}
	if n > maxListLength {
		return nil, it.rangeError("Too many arguments in function call")
	}
	out := make([]Value, n)
	for i := range out {
		if err := it.checkInterrupt(); err != nil {
			return nil, err
		}
		x, err := it.Get(o, indexKey(i))
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// isNativeFunctionName reports whether name can stand as the
// PropertyName of a NativeFunction (an IdentifierName is enough here:
// "bound f" or "get x" or a private name cannot).
func isNativeFunctionName(name string) bool {
	for i, c := range name {
		switch {
		case c == '$' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

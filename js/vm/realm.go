package vm

// Realm is a global environment with its own intrinsic objects.
type Realm struct {
	it       *Interp
	Global   *Object
	lexicals map[string]*lexBinding

	ObjectPrototype, FunctionPrototype, ArrayPrototype       *Object
	StringPrototype, NumberPrototype, BooleanPrototype       *Object
	SymbolPrototype, BigIntPrototype, RegExpPrototype        *Object
	ErrorPrototypes                                          [numErrorKinds]*Object
	IteratorPrototype, ArrayIteratorPrototype                *Object
	StringIteratorPrototype                                  *Object
	GeneratorPrototype, GeneratorFunctionPrototype           *Object
	AsyncFunctionPrototype                                   *Object
	AsyncGeneratorPrototype, AsyncGeneratorFunctionPrototype *Object
	PromisePrototype, Promise                                *Object
	ArrayValues, StringIterator, ThrowTypeError              *Object
	arrayIterNext, stringIterNext, functionHasInstance       *Object
	Object, Function, Array                                  *Object
	weakProtos                                               [numWeakKinds]*Object

	iteratorCtor, wrapForValidIteratorPrototype, iteratorHelperPrototype *Object
	mapPrototype, setPrototype, datePrototype                            *Object
	asyncIteratorPrototype, suppressedErrorPrototype                     *Object
	aggregateErrorPrototype                                              *Object
	disposableStackPrototype, asyncDisposableStackPrototype              *Object
	// Binary data: builtin_arraybuffer.go, builtin_typedarray.go,
	// builtin_dataview.go.
	ArrayBuffer, ArrayBufferPrototype             *Object
	SharedArrayBuffer, SharedArrayBufferPrototype *Object
	TypedArray, TypedArrayPrototype               *Object
	DataViewPrototype                             *Object
	typedCtors, typedProtos                       [numTAKinds]*Object
	taLengthGetter                                *Object
	asyncFromSyncProto                            *Object
	evalFn                                        *Object // %eval%, which direct eval calls compare with
}

// NewRealm makes a realm with the standard built-ins in agent it.
func (it *Interp) NewRealm() *Realm {
	r := &Realm{it: it, lexicals: map[string]*lexBinding{}}
	// Object.prototype gets a root of its own, not the dictionary that
	// rootShape gives objects without a prototype, so that inline caches
	// can cache lookups that reach it.
	r.ObjectPrototype = &Object{shape: newShape(nil), flags: flagExtensible | flagImmutableProto}
	r.FunctionPrototype = NewObject(r.ObjectPrototype)
	r.FunctionPrototype.class = ClassFunction
	r.FunctionPrototype.fn = &Function{realm: r, host: func(*Interp, Value, []Value, *Object) (Value, error) { return Undefined, nil }}
	r.Global = NewObject(r.ObjectPrototype)
	r.ThrowTypeError = r.newFunc("", 0, func(it *Interp, _ Value, _ []Value, _ *Object) (Value, error) {
		return Undefined, it.typeError("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them")
	})
	freeze(r.ThrowTypeError)

	prev := it.realm
	it.realm = r
	r.initObject()
	r.initFunction()
	r.initSymbol()
	r.initIterators()
	r.initIteratorHelpers()
	r.initArray()
	r.initArrayCopy()
	r.initFromAsync()
	r.initString()
	r.initNumber()
	r.initBoolean()
	r.initBigInt()
	r.initMath()
	r.initMathExtra()
	r.initError()
	r.initErrorExtras()
	r.initJSON()
	r.initGlobals()
	r.initPromise()
	r.initGenerators()
	r.initFunctionKinds()
	r.initRegExp()
	r.initReflect()
	r.initProxy()
	r.initCollections()
	r.initSetMethods()
	r.initWeak()
	r.initDate()
	r.initDisposableStacks()
	r.initAnnexB()
	r.initArrayBuffer()
	r.initTypedArrays()
	r.initDataView()
	r.initAtomics()
	r.initBase64()
	it.realm = prev
	r.defineGlobal("globalThis", ObjValue(r.Global))
	return r
}

// Interp returns the agent the realm belongs to.
func (r *Realm) Interp() *Interp { return r.it }

// defineGlobal adds a built-in global: writable, configurable, not
// enumerable.
func (r *Realm) defineGlobal(name string, v Value) {
	r.Global.defineOwn(StrKey(name), v, Hidden)
}

// NewHostFunction makes a function object implemented in Go.
func (r *Realm) NewHostFunction(name string, length int, f HostFunc) *Object {
	return r.newFunc(name, length, f)
}

func (r *Realm) newFunc(name string, length int, f HostFunc) *Object {
	o := newObjectClass(r.FunctionPrototype, ClassFunction)
	o.fn = &Function{host: f, realm: r}
	o.defineOwn(keyLength, Int(length), Configurable)
	o.defineOwn(keyName, Str(name), Configurable)
	return o
}

// newCtor makes a built-in constructor with prototype object proto.
func (r *Realm) newCtor(name string, length int, f HostFunc, proto *Object) *Object {
	o := r.newFunc(name, length, f)
	o.fn.ctor = true
	o.defineOwn(keyPrototype, ObjValue(proto), 0)
	proto.defineOwn(keyConstructor, ObjValue(o), Hidden)
	r.defineGlobal(name, ObjValue(o))
	return o
}

// method adds a built-in method.
func (r *Realm) method(o *Object, name string, length int, f HostFunc) *Object {
	m := r.newFunc(name, length, f)
	o.defineOwn(StrKey(name), ObjValue(m), Hidden)
	return m
}

// symMethod adds a built-in method under a symbol.
func (r *Realm) symMethod(o *Object, s *Symbol, name string, length int, f HostFunc) *Object {
	m := r.newFunc(name, length, f)
	o.defineOwn(SymKey(s), ObjValue(m), Hidden)
	return m
}

// getter adds a built-in accessor with only a getter.
func (r *Realm) getter(o *Object, k PropKey, f HostFunc) {
	name := k.s
	if k.sym != nil {
		name = "[" + k.sym.Description.Strv().String() + "]"
	}
	g := r.newFunc("get "+name, 0, f)
	o.defineOwn(k, accessorValue(&accessor{get: g}), Configurable|Accessor)
}

// getterNamed adds a built-in accessor with only a getter called name.
func (r *Realm) getterNamed(o *Object, k PropKey, name string, f HostFunc) {
	g := r.newFunc(name, 0, f)
	o.defineOwn(k, accessorValue(&accessor{get: g}), Configurable|Accessor)
}

// newArray makes an array of n undefined elements.
func (r *Realm) newArray(n int) *Object {
	a := newObjectClass(r.ArrayPrototype, ClassArray)
	a.elems = make([]Value, n)
	a.length = uint32(n)
	return a
}

// arrayOf makes an array holding vals (not copied).
func (r *Realm) arrayOf(vals []Value) *Object {
	a := newObjectClass(r.ArrayPrototype, ClassArray)
	a.elems = vals
	a.length = uint32(len(vals))
	return a
}

// NewArray makes an array of the given values.
func (r *Realm) NewArray(vals ...Value) *Object { return r.arrayOf(append([]Value(nil), vals...)) }

// NewPlainObject makes an ordinary object with %Object.prototype%.
func (r *Realm) NewPlainObject() *Object { return NewObject(r.ObjectPrototype) }

func (r *Realm) arrayIteratorIntact() bool {
	p, ok := r.ArrayIteratorPrototype.getOwn(StrKey("next"))
	return ok && p.value.Obj() == r.arrayIterNext
}

func (r *Realm) stringIteratorIntact() bool {
	p, ok := r.StringIteratorPrototype.getOwn(StrKey("next"))
	return ok && p.value.Obj() == r.stringIterNext
}

// arg returns args[i] or undefined.
func arg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return Undefined
}

// thisObject is ToObject(this) for built-in methods.
func (it *Interp) thisObject(this Value, method string) (*Object, error) {
	if this.IsNullish() {
		return nil, it.typeError(method + " called on null or undefined")
	}
	return it.ToObject(this)
}

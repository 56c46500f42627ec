package vm

import (
	"math"
	"sort"
	"strconv"
	"unsafe"

	"glassbox/js/bytecode"
)

// Class is the kind of an object: which internal slots it has and which
// exotic behaviour applies on the slow path.
type Class uint8

// Object classes.
const (
	ClassObject Class = iota
	ClassArray
	ClassFunction
	ClassError
	ClassBoolean
	ClassNumber
	ClassString
	ClassSymbol
	ClassBigInt
	ClassArguments
	ClassPromise
	ClassGenerator
	ClassArrayIterator
	ClassDate
	ClassRegExp
	ClassMap
	ClassSet
	ClassProxy
	ClassArrayBuffer // ArrayBuffer and SharedArrayBuffer
	ClassTypedArray  // integer-indexed exotic objects: see typedarray.go
	ClassDataView
	ClassModuleNamespace
	// ClassHost objects belong to an embedder (the DOM bindings): their
	// internal value is the embedder's, and when it implements
	// HostIndexed the object has live indexed properties (NodeList).
	ClassHost
)

// HostIndexed gives a ClassHost object read-only indexed properties that
// the embedder computes on each access, as live DOM collections need.
type HostIndexed interface {
	IndexedLength() int
	IndexedGet(i int) (Value, bool)
}

// HostNamed gives a ClassHost object named properties that the embedder
// keeps (DOMStringMap): string keys not found among its own properties
// are looked up, assigned and deleted through it.
type HostNamed interface {
	NamedGet(key string) (Value, bool)
	// NamedSet reports whether it took the assignment.
	NamedSet(key string, v Value) (bool, error)
	NamedDelete(key string) bool
	NamedKeys() []string
}

// NewHostObject returns an object of ClassHost with the given prototype
// and embedder data.
func NewHostObject(proto *Object, data any) *Object {
	o := newObjectClass(proto, ClassHost)
	o.internal = data
	return o
}

// HostData returns the embedder data of a ClassHost object, or nil.
func (o *Object) HostData() any {
	if o == nil || o.class != ClassHost {
		return nil
	}
	return o.internal
}

// FunctionRealm returns the realm of a function object (bound functions:
// their target's), or nil for an object that is not a function.
func (o *Object) FunctionRealm() *Realm {
	for o != nil && o.fn != nil {
		if o.fn.boundTarget != nil {
			o = o.fn.boundTarget
			continue
		}
		return o.fn.realm
	}
	return nil
}

// SetProto changes the prototype without checks, for embedders building
// their classes.
func (o *Object) SetProto(p *Object) { o.setProto(p) }

// MakeConstructor gives a host function [[Construct]] and a prototype
// property.
func (o *Object) MakeConstructor(proto *Object) {
	if o.fn != nil {
		o.fn.ctor = true
	}
	o.defineOwn(keyPrototype, ObjValue(proto), 0)
	proto.defineOwn(keyConstructor, ObjValue(o), Hidden)
}

// DefineAccessor adds an accessor property (get and set may be nil).
func (o *Object) DefineAccessor(k PropKey, get, set *Object, a Attr) {
	o.defineOwn(k, accessorValue(&accessor{get: get, set: set}), a|Accessor)
}

// Object flags.
const (
	flagExtensible     uint8 = 1 << iota
	flagSlowElements         // indexed properties live in the named storage
	flagLengthReadonly       // arrays: length is not writable
	flagExotic               // internal methods dispatch through internal (see exotic.go)
)

// Object is a JavaScript object.
type Object struct {
	shape  *Shape
	slots  []Value
	elems  []Value // dense indexed elements; Hole marks a missing one
	length uint32  // arrays: the length
	class  Class
	flags  uint8
	fn     *Function // non-nil for callable objects
	// internal holds class-specific state: the primitive of a wrapper,
	// a promise's state, a generator's frame, ...
	internal any
	// ext holds rarely used state, kept out of line so that objects stay
	// in a small size class: see objectExt.
	ext *objectExt
}

// objectExt is the out-of-line part of an Object, allocated on first use.
type objectExt struct {
	// protoRoot is the root shape of objects whose prototype is this one.
	protoRoot *Shape
	// weak holds the entries of the WeakMaps and WeakSets that have this
	// object as a key (see builtin_weak.go).
	weak weakTable
}

// accessor is a getter/setter pair stored in a slot.
type accessor struct {
	get, set *Object
}

func accessorValue(a *accessor) Value { return Value{kind: kindAccessor, ptr: unsafe.Pointer(a)} }

func (v Value) accessor() *accessor { return (*accessor)(v.ptr) }

// Function is the call behaviour of a callable object.
type Function struct {
	tmpl    *bytecode.FunctionTemplate // bytecode functions
	ctx     *Context
	realm   *Realm
	home    *Object // home object for super lookups
	fields  *Object // class constructors: the instance field initializer
	host    HostFunc
	ctor    bool // has [[Construct]]
	derived bool // derived class constructor
	isClass bool // class constructor: calling without new throws

	boundTarget *Object
	boundThis   Value
	boundArgs   []Value
}

// HostFunc is a function implemented in Go. newTarget is nil for a call
// and the constructor for a construct.
type HostFunc func(it *Interp, this Value, args []Value, newTarget *Object) (Value, error)

// Context is a heap environment holding the variables closures capture.
type Context struct {
	parent *Context
	slots  []Value
}

// rootShape returns the empty shape for objects with prototype proto.
//
// Objects without a prototype get a dictionary shape of their own, as V8
// gives Object.create(null) dictionary properties: a root shared by all of
// them would be shared by every agent, whose transitions would race.
func rootShape(proto *Object) *Shape {
	if proto == nil {
		s := newShape(nil)
		s.dict = true
		return s
	}
	if proto.ext == nil {
		proto.ext = &objectExt{}
	}
	if proto.ext.protoRoot == nil {
		proto.ext.protoRoot = newShape(proto)
	}
	return proto.ext.protoRoot
}

// NewObject returns an ordinary object with the given prototype.
func NewObject(proto *Object) *Object {
	return &Object{shape: rootShape(proto), flags: flagExtensible}
}

func newObjectClass(proto *Object, c Class) *Object {
	o := NewObject(proto)
	o.class = c
	return o
}

// Proto returns the prototype, or nil.
func (o *Object) Proto() *Object { return o.shape.proto }

// Class returns the object's class.
func (o *Object) Class() Class { return o.class }

// Shape returns the object's current shape.
func (o *Object) Shape() *Shape { return o.shape }

// IsCallable reports whether o has [[Call]].
func (o *Object) IsCallable() bool { return o.fn != nil }

// IsConstructor reports whether o has [[Construct]].
func (o *Object) IsConstructor() bool { return o.fn != nil && o.fn.ctor }

// Extensible reports whether properties may be added.
func (o *Object) Extensible() bool { return o.flags&flagExtensible != 0 }

// setProto changes the prototype, rebuilding the shape.
func (o *Object) setProto(p *Object) {
	if o.shape.proto == p {
		return
	}
	old := o.shape
	if old.dict {
		o.shape = old.toDict()
		o.shape.proto = p
		return
	}
	s := rootShape(p)
	for i, k := range old.keys {
		s = s.withProperty(k, old.attrs[i])
	}
	if s.dict && s == old {
		s = s.toDict()
		s.proto = p
	}
	o.shape = s
}

// ownData is a found own property.
type ownProp struct {
	value Value // the value, or an accessor pair (value.kind == kindAccessor)
	attr  Attr
}

// getOwn finds an own property without running user code.
func (o *Object) getOwn(k PropKey) (ownProp, bool) {
	if o.class == ClassTypedArray {
		if p, ok, numeric := o.typedGetOwn(k); numeric {
			return p, ok
		}
	}
	if idx, ok := k.arrayIndex(); ok && o.flags&flagSlowElements == 0 {
		if int64(idx) < int64(len(o.elems)) {
			if v := o.elems[idx]; v.kind != KindHole {
				return ownProp{v, Default}, true
			}
		}
		if o.class == ClassString {
			s := o.internal.(Value).Strv()
			if int(idx) < s.Len() {
				return ownProp{StrValue(s.Substring(int(idx), int(idx)+1)), Enumerable}, true
			}
		}
		if o.class == ClassHost {
			if h, ok := o.internal.(HostIndexed); ok {
				if v, ok := h.IndexedGet(int(idx)); ok {
					return ownProp{v, Enumerable | Configurable}, true
				}
			}
		}
		return ownProp{}, false
	}
	switch o.class {
	case ClassModuleNamespace:
		if k.sym == nil {
			return o.namespaceOwn(k.s)
		}
	case ClassArray:
		if k.sym == nil && k.s == "length" {
			a := Writable
			if o.flags&flagLengthReadonly != 0 {
				a = 0
			}
			return ownProp{Num(float64(o.length)), a}, true
		}
	case ClassString:
		if k.sym == nil && k.s == "length" {
			return ownProp{Int(o.internal.(Value).Strv().Len()), 0}, true
		}
		if idx, ok := k.arrayIndex(); ok {
			s := o.internal.(Value).Strv()
			if int(idx) < s.Len() {
				return ownProp{StrValue(s.Substring(int(idx), int(idx)+1)), Enumerable}, true
			}
		}
	}
	if i := o.shape.lookup(k); i >= 0 {
		return ownProp{o.slots[i], o.shape.attrs[i]}, true
	}
	if o.class == ClassHost && k.sym == nil {
		if h, ok := o.internal.(HostNamed); ok {
			if v, ok := h.NamedGet(k.s); ok {
				return ownProp{v, Default}, true
			}
		}
	}
	return ownProp{}, false
}

// defineOwn creates or replaces an own property, with no checks. It
// returns false only when an array's length cannot be set as asked.
func (o *Object) defineOwn(k PropKey, v Value, a Attr) {
	if idx, ok := k.arrayIndex(); ok {
		if o.flags&flagSlowElements == 0 && a == Default && o.setElement(idx, v) {
			return
		}
		o.toSlowElements()
		if o.class == ClassArray && idx >= o.length {
			o.length = idx + 1
		}
	}
	if o.class == ClassArray && k.sym == nil && k.s == "length" {
		n, _ := v.lengthValue()
		o.setLength(n)
		if a&Writable == 0 {
			o.flags |= flagLengthReadonly
		}
		return
	}
	if i := o.shape.lookup(k); i >= 0 {
		if o.shape.attrs[i] != a {
			if !o.shape.dict {
				o.shape = o.shape.toDict()
			}
			o.shape.attrs[i] = a
		}
		o.slots[i] = v
		return
	}
	o.shape = o.shape.withProperty(k, a)
	o.slots = append(o.slots, v)
}

func (v Value) lengthValue() (uint32, bool) {
	f := v.num
	if v.kind != KindNumber || f < 0 || f > math.MaxUint32 || f != math.Trunc(f) {
		return 0, false
	}
	return uint32(f), true
}

// Limits on dense element storage, as V8 keeps elements dense: an element
// stored more than maxElementGap past the end of the dense storage, or one
// that would grow storage past denseCheckMin slots while fewer than one in
// minDensity of them are in use, makes the elements sparse (dictionary
// properties) instead, so that a[2**32-2] = x allocates one property, not
// 2^32 slots.
const (
	maxElementGap = 1024
	denseCheckMin = 1 << 14
	minDensity    = 4
)

// setElement stores a dense element, growing elems; false means the index
// is too far out to store densely.
func (o *Object) setElement(idx uint32, v Value) bool {
	n := uint32(len(o.elems))
	if idx < n {
		o.elems[idx] = v
	} else {
		if idx-n > maxElementGap {
			return false
		}
		if idx >= uint32(cap(o.elems)) && idx >= denseCheckMin && !o.denseEnough(idx+1) {
			return false
		}
		if o.class == ClassArray && o.flags&flagLengthReadonly != 0 && idx >= o.length {
			return false
		}
		for uint32(len(o.elems)) < idx {
			o.elems = append(o.elems, Hole)
		}
		o.elems = append(o.elems, v)
	}
	if o.class == ClassArray && idx >= o.length {
		o.length = idx + 1
	}
	return true
}

// denseEnough reports whether dense storage of size slots would have at
// least one in minDensity of them in use. It counts the elements, which is
// linear, but it is only asked when the storage must be reallocated, which
// happens geometrically less often as it grows.
func (o *Object) denseEnough(size uint32) bool {
	used := uint32(0)
	for _, v := range o.elems {
		if v.kind != KindHole {
			used++
		}
	}
	return uint64(used+1)*minDensity >= uint64(size)
}

// toSlowElements moves indexed elements into the named storage, so that
// they can have attributes or be sparse.
func (o *Object) toSlowElements() {
	if o.flags&flagSlowElements != 0 {
		return
	}
	o.flags |= flagSlowElements
	els := o.elems
	o.elems = nil
	if !o.shape.dict {
		o.shape = o.shape.toDict()
	}
	for i, v := range els {
		if v.kind != KindHole {
			o.shape = o.shape.withProperty(StrKey(strconv.Itoa(i)), Default)
			o.slots = append(o.slots, v)
		}
	}
}

// setLength truncates or extends an array; it returns false when a
// non-configurable element stopped the truncation.
func (o *Object) setLength(n uint32) bool {
	if n >= o.length {
		o.length = n
		return true
	}
	if o.flags&flagSlowElements == 0 {
		if int(n) < len(o.elems) {
			clear(o.elems[n:])
			o.elems = o.elems[:n]
		}
		o.length = n
		return true
	}
	// Delete indexed keys >= n, highest first, stopping at a
	// non-configurable one: all of them above the highest such key go, in
	// one pass.
	stop, ok := n, true
	for i, k := range o.shape.keys {
		if idx, isIdx := k.arrayIndex(); isIdx && idx >= stop && o.shape.attrs[i]&Configurable == 0 {
			stop, ok = idx+1, false
		}
	}
	o.removeIndexesFrom(stop)
	o.length = stop
	return ok
}

// removeIndexesFrom deletes the indexed properties at n and above from
// the named storage.
func (o *Object) removeIndexesFrom(n uint32) {
	if !o.shape.dict {
		o.shape = o.shape.toDict()
	}
	s := o.shape
	j := 0
	for i, k := range s.keys {
		if idx, ok := k.arrayIndex(); ok && idx >= n {
			continue
		}
		s.keys[j], s.attrs[j], o.slots[j] = k, s.attrs[i], o.slots[i]
		j++
	}
	clear(s.keys[j:])
	clear(o.slots[j:])
	s.keys, s.attrs, o.slots = s.keys[:j], s.attrs[:j], o.slots[:j]
	s.buildIndex()
}

func (o *Object) removeSlot(i int) {
	if !o.shape.dict {
		o.shape = o.shape.toDict()
	}
	o.shape.remove(i)
	o.slots = append(o.slots[:i], o.slots[i+1:]...)
}

// deleteOwn removes an own property; false when it is not configurable.
func (o *Object) deleteOwn(k PropKey) bool {
	if o.class == ClassTypedArray {
		if ok, numeric := o.typedDelete(k); numeric {
			return ok
		}
	}
	if o.class == ClassModuleNamespace && k.sym == nil {
		_, ok := o.namespaceOwn(k.s)
		return !ok
	}
	if o.class == ClassHost && k.sym == nil && o.shape.lookup(k) < 0 {
		if h, ok := o.internal.(HostNamed); ok && h.NamedDelete(k.s) {
			return true
		}
	}
	if idx, ok := k.arrayIndex(); ok && o.flags&flagSlowElements == 0 {
		if int64(idx) < int64(len(o.elems)) {
			o.elems[idx] = Hole
			if int(idx) == len(o.elems)-1 {
				n := len(o.elems) - 1
				for n > 0 && o.elems[n-1].kind == KindHole {
					n--
				}
				o.elems = o.elems[:n]
			}
		}
		if o.class == ClassString && int(idx) < o.internal.(Value).Strv().Len() {
			return false
		}
		return true
	}
	if (o.class == ClassArray || o.class == ClassString) && k.sym == nil && k.s == "length" {
		return false
	}
	i := o.shape.lookup(k)
	if i < 0 {
		return true
	}
	if o.shape.attrs[i]&Configurable == 0 {
		return false
	}
	o.removeSlot(i)
	return true
}

// ownKeys lists own keys in spec order: indices ascending, then strings
// in creation order, then symbols.
func (o *Object) ownKeys(includeSymbols bool) []PropKey {
	var keys []PropKey
	if o.class == ClassTypedArray {
		keys = o.typedKeys()
	}
	if o.class == ClassModuleNamespace {
		for _, n := range o.internal.(*namespaceData).names {
			keys = append(keys, StrKey(n))
		}
	}
	if o.class == ClassString {
		for i := 0; i < o.internal.(Value).Strv().Len(); i++ {
			keys = append(keys, StrKey(strconv.Itoa(i)))
		}
	}
	if h, ok := o.internal.(HostIndexed); ok && o.class == ClassHost {
		for i := range h.IndexedLength() {
			keys = append(keys, StrKey(strconv.Itoa(i)))
		}
	}
	for i, v := range o.elems {
		if v.kind != KindHole {
			keys = append(keys, StrKey(strconv.Itoa(i)))
		}
	}
	var idx []uint32
	for _, k := range o.shape.keys {
		if i, ok := k.arrayIndex(); ok {
			idx = append(idx, i)
		}
	}
	if len(idx) > 0 {
		sort.Slice(idx, func(a, b int) bool { return idx[a] < idx[b] })
		for _, i := range idx {
			keys = append(keys, StrKey(strconv.FormatUint(uint64(i), 10)))
		}
	}
	if o.class == ClassArray || o.class == ClassString {
		keys = append(keys, StrKey("length"))
	}
	if h, ok := o.internal.(HostNamed); ok && o.class == ClassHost {
		for _, k := range h.NamedKeys() {
			keys = append(keys, StrKey(k))
		}
	}
	for _, k := range o.shape.keys {
		if _, ok := k.arrayIndex(); !ok && k.sym == nil {
			keys = append(keys, k)
		}
	}
	if includeSymbols {
		for _, k := range o.shape.keys {
			if k.sym != nil && !k.sym.private {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

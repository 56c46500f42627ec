package vm

import "math"

// Typed arrays as integer-indexed exotic objects (ECMA-262 10.4.5): the
// state of a view, its length over a possibly resizable buffer, and the
// internal methods for canonical numeric string keys, which object.go and
// props.go route here for objects of ClassTypedArray.

// typedArray is the state of a TypedArray object.
type typedArray struct {
	kind     taKind
	buf      *Object // the ArrayBuffer or SharedArrayBuffer object
	ab       *arrayBuffer
	offset   int // byte offset into the buffer
	fixedLen int // length in elements; -1 when it tracks the buffer's length
}

func typedArrayOf(o *Object) *typedArray {
	if o == nil || o.class != ClassTypedArray {
		return nil
	}
	return o.internal.(*typedArray)
}

// length is TypedArrayLength, 0 when the view is out of bounds or its
// buffer detached.
func (ta *typedArray) length() int {
	n := len(ta.ab.data)
	if ta.fixedLen < 0 {
		if ta.offset > n {
			return 0
		}
		return (n - ta.offset) / taSizes[ta.kind]
	}
	if ta.offset+ta.fixedLen*taSizes[ta.kind] > n {
		return 0
	}
	return ta.fixedLen
}

// outOfBounds is IsTypedArrayOutOfBounds, true for a detached buffer too.
func (ta *typedArray) outOfBounds() bool {
	if ta.ab.detached {
		return true
	}
	n := len(ta.ab.data)
	return ta.offset > n || ta.fixedLen >= 0 && ta.offset+ta.fixedLen*taSizes[ta.kind] > n
}

// fixedLength is IsTypedArrayFixedLength.
func (ta *typedArray) fixedLength() bool {
	return ta.fixedLen >= 0 && (!ta.ab.resizable || ta.ab.shared)
}

// load reads element i, which must be a valid index.
func (ta *typedArray) load(i int) Value {
	return loadElem(ta.kind, ta.ab.data[ta.offset+i*taSizes[ta.kind]:])
}

// store writes converted value v to element i if it is still a valid
// index (conversions may have shrunk or detached the buffer).
func (ta *typedArray) store(i int, v Value) {
	if i >= 0 && i < ta.length() {
		storeElem(ta.kind, ta.ab.data[ta.offset+i*taSizes[ta.kind]:], v)
	}
}

// get is [[Get]] of element i: undefined when it is not a valid index.
func (ta *typedArray) get(i int) Value {
	if i < 0 || i >= ta.length() {
		return Undefined
	}
	return ta.load(i)
}

// convert converts v to the array's content type: ToNumber or ToBigInt.
func (it *Interp) taConvert(k taKind, v Value) (Value, error) {
	if k.isBig() {
		if v.kind == KindBigInt {
			return v, nil
		}
		b, err := it.toBigInt(v)
		if err != nil {
			return Undefined, err
		}
		return BigIntValue(b), nil
	}
	if v.kind == KindNumber {
		return v, nil
	}
	f, err := it.ToNumber(v)
	return Num(f), err
}

// setElement is TypedArraySetElement: convert, then store if the index
// is (still) valid.
func (it *Interp) taSetElement(ta *typedArray, f float64, v Value) error {
	c, err := it.taConvert(ta.kind, v)
	if err != nil {
		return err
	}
	if i, ok := ta.validIndex(f); ok {
		storeElem(ta.kind, ta.ab.data[ta.offset+i*taSizes[ta.kind]:], c)
	}
	return nil
}

// validIndex is IsValidIntegerIndex for numeric key f.
func (ta *typedArray) validIndex(f float64) (int, bool) {
	if f != math.Trunc(f) || f == 0 && math.Signbit(f) || f < 0 {
		return 0, false
	}
	if f >= float64(ta.length()) {
		return 0, false
	}
	return int(f), true
}

// numericKey is CanonicalNumericIndexString: the number a string key
// stands for when it is the canonical form of one ("-0" included).
func numericKey(k PropKey) (float64, bool) {
	if k.sym != nil || k.s == "" {
		return 0, false
	}
	if i, ok := parseArrayIndex(k.s); ok {
		return float64(i), true
	}
	if c := k.s[0]; !(c >= '0' && c <= '9' || c == '-' || c == 'I' || c == 'N') {
		return 0, false
	}
	if k.s == "-0" {
		return math.Copysign(0, -1), true
	}
	f := StringToNumber(k.s)
	if NumberToString(f) != k.s {
		return 0, false
	}
	return f, true
}

// typedGetOwn is [[GetOwnProperty]] for numeric keys; numeric reports
// whether k was one (otherwise the ordinary lookup applies).
func (o *Object) typedGetOwn(k PropKey) (p ownProp, ok, numeric bool) {
	f, numeric := numericKey(k)
	if !numeric {
		return ownProp{}, false, false
	}
	ta := o.internal.(*typedArray)
	i, ok := ta.validIndex(f)
	if !ok {
		return ownProp{}, false, true
	}
	return ownProp{ta.load(i), Default}, true, true
}

// typedDefine is [[DefineOwnProperty]] for numeric key f.
func (it *Interp) typedDefine(o *Object, f float64, d PropertyDescriptor) (bool, error) {
	ta := o.internal.(*typedArray)
	if _, ok := ta.validIndex(f); !ok {
		return false, nil
	}
	if d.HasConfigurable && !d.Configurable || d.HasEnumerable && !d.Enumerable ||
		d.isAccessor() || d.HasWritable && !d.Writable {
		return false, nil
	}
	if d.HasValue {
		return true, it.taSetElement(ta, f, d.Value)
	}
	return true, nil
}

// typedSet is [[Set]] for numeric key f on typed array o met as holder
// while walking receiver's prototype chain; handled is false when the
// ordinary path must go on (a valid index with a different receiver).
func (it *Interp) typedSet(o *Object, f float64, v, receiver Value) (handled bool, err error) {
	ta := o.internal.(*typedArray)
	if receiver.Obj() == o {
		return true, it.taSetElement(ta, f, v)
	}
	if _, ok := ta.validIndex(f); !ok {
		return true, nil
	}
	return false, nil
}

// typedSetReceiver finishes OrdinarySet when the receiver is a typed
// array other than the holder: the receiver's [[DefineOwnProperty]].
func (it *Interp) typedSetReceiver(r *Object, k PropKey, v Value) (string, error) {
	d := PropertyDescriptor{Value: v, HasValue: true}
	if p, ok := r.getOwn(k); ok {
		if p.attr&Accessor != 0 || p.attr&Writable == 0 {
			return "Cannot assign to read only property '" + k.String() + "'", nil
		}
	} else {
		d.Writable, d.Enumerable, d.Configurable = true, true, true
		d.HasWritable, d.HasEnumerable, d.HasConfigurable = true, true, true
	}
	ok, err := it.defineOwnProperty(r, k, d)
	if err != nil {
		return "", err
	}
	if !ok {
		return "Cannot define property " + k.String(), nil
	}
	return "", nil
}

// typedDelete is [[Delete]] for numeric keys; numeric reports whether k
// was one.
func (o *Object) typedDelete(k PropKey) (ok, numeric bool) {
	f, numeric := numericKey(k)
	if !numeric {
		return false, false
	}
	_, valid := o.internal.(*typedArray).validIndex(f)
	return !valid, true
}

// typedHasNumeric reports whether k is a numeric key, which typed arrays
// never look up on their prototypes.
func typedNumeric(o *Object, k PropKey) bool {
	if o.class != ClassTypedArray {
		return false
	}
	_, ok := numericKey(k)
	return ok
}

// typedKeys lists the indices of typed array o, for [[OwnPropertyKeys]].
func (o *Object) typedKeys() []PropKey {
	n := o.internal.(*typedArray).length()
	keys := make([]PropKey, n)
	for i := range keys {
		keys[i] = indexKey(i)
	}
	return keys
}

// typedPreventExtensions is [[PreventExtensions]] of a typed array: a
// view whose length may still change cannot be made non-extensible.
func typedPreventExtensions(o *Object) bool {
	return o.internal.(*typedArray).fixedLength()
}

// typedIntegrity checks that Object.freeze, seal or preventExtensions
// (level) can succeed on o when it is a typed array: elements cannot be
// made read-only or non-configurable, and a view whose length may change
// cannot be made non-extensible.
func (it *Interp) typedIntegrity(o *Object, level string) error {
	if o.class != ClassTypedArray {
		return nil
	}
	if !typedPreventExtensions(o) {
		return it.typeError("Cannot " + level + " a typed array whose length can change")
	}
	if level != "preventExtensions" && o.internal.(*typedArray).length() > 0 {
		preventExtensions(o)
		return it.typeError("Cannot " + level + " array buffer views with elements")
	}
	return nil
}

// The interpreter's fast paths for keyed access with a Number key. Every
// Number's string form is a canonical numeric key, so a Number that is
// not a valid index reads undefined and writes nothing, without reaching
// the prototype chain.

// getNumber is [[Get]] with Number key f.
func (ta *typedArray) getNumber(f float64) Value {
	i := int(f)
	if float64(i) != f || i < 0 || i >= ta.length() {
		return Undefined
	}
	return ta.load(i)
}

// setNumber is [[Set]] with Number key f and the array itself as the
// receiver, when v needs no conversion that could run code; false sends
// the store down the generic path.
func (ta *typedArray) setNumber(f float64, v Value) bool {
	if ta.kind.isBig() {
		if v.kind != KindBigInt {
			return false
		}
	} else if v.kind != KindNumber {
		return false
	}
	if i := int(f); float64(i) == f && i >= 0 && i < ta.length() {
		storeElem(ta.kind, ta.ab.data[ta.offset+i*taSizes[ta.kind]:], v)
	}
	return true
}

// taLengthCache is a prototype chain checked by typedLength: the shapes
// of the array, its prototype and %TypedArray%.prototype, and where the
// getter is. Shapes that are not dictionaries change whenever a property
// is added or its attributes change, so only the getter itself needs
// checking again.
type taLengthCache struct {
	own, proto, base *Shape
	slot             int
	getter           *Object
}

// typedLength reads a.length for a typed array whose prototype chain
// still leads to the built-in length getter, without calling it; false
// when something on the way defines length.
func (it *Interp) typedLength(o *Object) (Value, bool) {
	ta := o.internal.(*typedArray)
	p := o.shape.proto
	if p == nil {
		return Undefined, false
	}
	tp := p.shape.proto
	if tp == nil {
		return Undefined, false
	}
	c := &it.taLength[ta.kind]
	if o.shape == c.own && p.shape == c.proto && tp.shape == c.base && tp.slots[c.slot].accessor().get == c.getter {
		return Int(ta.length()), true
	}
	if o.shape.lookup(keyLength) >= 0 || p.shape.lookup(keyLength) >= 0 {
		return Undefined, false
	}
	i := tp.shape.lookup(keyLength)
	if i < 0 || tp.shape.attrs[i]&Accessor == 0 {
		return Undefined, false
	}
	g := tp.slots[i].accessor().get
	if g == nil || g.fn == nil || g.fn.realm == nil || g != g.fn.realm.taLengthGetter {
		return Undefined, false
	}
	if !o.shape.dict && !p.shape.dict && !tp.shape.dict {
		*c = taLengthCache{own: o.shape, proto: p.shape, base: tp.shape, slot: i, getter: g}
	}
	return Int(ta.length()), true
}

package vm

import (
	"math"
	"strconv"
)

// getV is GetV: a property of any value, with primitives looked up on
// their prototype and v itself as the receiver.
func (it *Interp) getV(v Value, k PropKey) (Value, error) {
	if o := v.Obj(); o != nil {
		return it.get(o, k, v)
	}
	switch v.kind {
	case KindUndefined, KindNull, KindHole:
		return Undefined, it.typeError("Cannot read properties of " + TypeOfNullish(v) + " (reading '" + k.String() + "')")
	case KindString:
		s := v.Strv()
		if k.sym == nil {
			if k.s == "length" {
				return Int(s.Len()), nil
			}
			if i, ok := k.arrayIndex(); ok {
				if int(i) < s.Len() {
					return StrValue(s.Substring(int(i), int(i)+1)), nil
				}
				return Undefined, nil
			}
		}
	}
	return it.get(it.realm.protoForPrimitive(v), k, v)
}

// TypeOfNullish names undefined or null for error messages.
func TypeOfNullish(v Value) string {
	if v.kind == KindNull {
		return "null"
	}
	return "undefined"
}

// get is [[Get]] on an object with an explicit receiver.
func (it *Interp) get(o *Object, k PropKey, receiver Value) (Value, error) {
	for o != nil {
		if o.flags&flagExotic != 0 && o.isExotic(k) {
			return o.exotic().get(it, o, k, receiver)
		}
		if p, ok := o.getOwn(k); ok {
			if p.attr&Accessor != 0 {
				g := p.value.accessor().get
				if g == nil {
					return Undefined, nil
				}
				return it.Call(ObjValue(g), receiver)
			}
			if p.value.kind == KindHole {
				// Only a module namespace's uninitialized binding.
				return Undefined, it.namespaceTDZ(k)
			}
			return p.value, nil
		}
		if typedNumeric(o, k) {
			return Undefined, nil
		}
		o = o.shape.proto
	}
	return Undefined, nil
}

// Get reads property k of object o.
func (it *Interp) Get(o *Object, k PropKey) (Value, error) { return it.get(o, k, ObjValue(o)) }

// getStr reads a string-keyed property.
func (it *Interp) getStr(o *Object, name string) (Value, error) {
	return it.get(o, StrKey(name), ObjValue(o))
}

// hasProperty is HasProperty.
func (it *Interp) hasProperty(o *Object, k PropKey) (bool, error) {
	for ; o != nil; o = o.shape.proto {
		if o.flags&flagExotic != 0 && o.isExotic(k) {
			return o.exotic().hasProperty(it, o, k)
		}
		if _, ok := o.getOwn(k); ok {
			return true, nil
		}
		if typedNumeric(o, k) {
			return false, nil
		}
	}
	return false, nil
}

// setV assigns to a property of any value (PutValue on a property
// reference); strict decides whether failures throw.
func (it *Interp) setV(base Value, k PropKey, v Value, strict bool) error {
	if o := base.Obj(); o != nil {
		return it.set(o, k, v, base, strict)
	}
	if base.IsNullish() {
		return it.typeError("Cannot set properties of " + TypeOfNullish(base) + " (setting '" + k.String() + "')")
	}
	return it.set(it.realm.protoForPrimitive(base), k, v, base, strict)
}

// set is [[Set]] with a receiver; failures throw a TypeError in strict
// code and are ignored otherwise.
func (it *Interp) set(o *Object, k PropKey, v Value, receiver Value, strict bool) error {
	msg, err := it.setWalk(o, k, v, receiver, true)
	if err == nil && msg != "" && strict {
		return it.typeError(msg)
	}
	return err
}

// setProp is o.[[Set]](k, v, receiver): it returns why it failed, or ""
// when it succeeded.
func (it *Interp) setProp(o *Object, k PropKey, v Value, receiver Value) (string, error) {
	return it.setWalk(o, k, v, receiver, true)
}

// setWalk is OrdinarySet up the prototype chain from o, handing over to
// the first exotic object's [[Set]] (o's own too when exotic is set).
func (it *Interp) setWalk(o *Object, k PropKey, v Value, receiver Value, exotic bool) (string, error) {
	if o.class == ClassModuleNamespace {
		return "Cannot assign to read only property '" + k.String() + "' of module namespace", nil
	}
	if o.class == ClassHost && k.sym == nil && receiver.Obj() == o {
		if h, ok := o.internal.(HostNamed); ok && o.shape.lookup(k) < 0 {
			if took, err := h.NamedSet(k.s, v); took || err != nil {
				return "", err
			}
		}
	}
	holder := o
	for holder != nil {
		if holder.flags&flagExotic != 0 && (exotic || holder != o) && holder.isExotic(k) {
			ok, err := holder.exotic().set(it, holder, k, v, receiver)
			if err != nil || ok {
				return "", err
			}
			return "Cannot assign to property '" + k.String() + "'", nil
		}
		if holder.class == ClassTypedArray {
			if f, ok := numericKey(k); ok {
				if handled, err := it.typedSet(holder, f, v, receiver); handled || err != nil {
					return "", err
				}
			}
		}
		p, ok := holder.getOwn(k)
		if !ok {
			holder = holder.shape.proto
			continue
		}
		if p.attr&Accessor != 0 {
			s := p.value.accessor().set
			if s == nil {
				return "Cannot set property " + k.String() + " which has only a getter", nil
			}
			_, err := it.Call(ObjValue(s), receiver, v)
			return "", err
		}
		if p.attr&Writable == 0 {
			return "Cannot assign to read only property '" + k.String() + "'", nil
		}
		break
	}
	r := receiver.Obj()
	if r == nil {
		return "Cannot create property '" + k.String() + "' on primitive", nil
	}
	if r.isExotic(k) {
		return it.setOnReceiver(r, k, v)
	}
	if r.class == ClassModuleNamespace {
		ok, err := it.defineOwnProperty(r, k, PropertyDescriptor{Value: v, HasValue: true})
		if err != nil || ok {
			return "", err
		}
		return "Cannot assign to read only property '" + k.String() + "' of module namespace", nil
	}
	if r == holder {
		return it.setExisting(r, k, v)
	}
	if r.class == ClassTypedArray {
		return it.typedSetReceiver(r, k, v)
	}
	if p, ok := r.getOwn(k); ok {
		if p.attr&Accessor != 0 || p.attr&Writable == 0 {
			return "Cannot assign to read only property '" + k.String() + "'", nil
		}
		return it.setExisting(r, k, v)
	}
	if !r.Extensible() {
		return "Cannot add property " + k.String() + ", object is not extensible", nil
	}
	if r.class == ClassArray && r.flags&flagLengthReadonly != 0 {
		if idx, ok := k.arrayIndex(); ok && idx >= r.length {
			return "Cannot add property " + k.String() + ", object is not extensible", nil
		}
	}
	r.defineOwn(k, v, Default)
	return "", nil
}

// setExisting overwrites the value of an own writable data property.
func (it *Interp) setExisting(o *Object, k PropKey, v Value) (string, error) {
	if o.class == ClassArray && k.sym == nil && k.s == "length" {
		n, err := it.toArrayLength(v)
		if err != nil {
			return "", err
		}
		if !o.setLength(n) {
			return "Cannot delete array element", nil
		}
		return "", nil
	}
	if idx, ok := k.arrayIndex(); ok && o.flags&flagSlowElements == 0 {
		if int64(idx) < int64(len(o.elems)) {
			o.elems[idx] = v
			return "", nil
		}
	}
	if i := o.shape.lookup(k); i >= 0 {
		o.slots[i] = v
		return "", nil
	}
	o.defineOwn(k, v, Default)
	return "", nil
}

func (it *Interp) toArrayLength(v Value) (uint32, error) {
	f, err := it.ToNumber(v)
	if err != nil {
		return 0, err
	}
	n := ToUint32(f)
	if float64(n) != f {
		return 0, it.rangeError("Invalid array length")
	}
	return n, nil
}

// deleteProperty is the delete operator on a property reference.
func (it *Interp) deleteProperty(base Value, k PropKey, strict bool) (bool, error) {
	o := base.Obj()
	if o == nil {
		if base.IsNullish() {
			return false, it.typeError("Cannot convert undefined or null to object")
		}
		if base.kind == KindString {
			if _, ok := k.arrayIndex(); ok || k.s == "length" {
				if strict {
					return false, it.typeError("Cannot delete property '" + k.String() + "' of a string")
				}
				return false, nil
			}
		}
		return true, nil
	}
	ok, err := it.deleteOwnProperty(o, k)
	if err != nil {
		return false, err
	}
	if !ok {
		if strict {
			return false, it.typeError("Cannot delete property '" + k.String() + "' of object")
		}
		return false, nil
	}
	return true, nil
}

// PropertyDescriptor is a property descriptor with presence flags.
type PropertyDescriptor struct {
	Value                                       Value
	Get, Set                                    Value // undefined or a function
	Writable, Enumerable, Configurable          bool
	HasValue, HasGet, HasSet                    bool
	HasWritable, HasEnumerable, HasConfigurable bool
}

func (d *PropertyDescriptor) isAccessor() bool { return d.HasGet || d.HasSet }

// defineOwnProperty is ValidateAndApplyPropertyDescriptor on an ordinary
// (or array) object; it reports whether the definition was allowed.
func (it *Interp) defineOwnProperty(o *Object, k PropKey, d PropertyDescriptor) (bool, error) {
	if o.isExotic(k) {
		return o.exotic().defineOwnProperty(it, o, k, d)
	}
	if o.class == ClassModuleNamespace && k.sym == nil {
		return it.namespaceDefine(o, k, d)
	}
	if o.class == ClassTypedArray {
		if f, ok := numericKey(k); ok {
			return it.typedDefine(o, f, d)
		}
	}
	return it.ordinaryDefineOwnProperty(o, k, d)
}

// ordinaryDefineOwnProperty is OrdinaryDefineOwnProperty (with the array
// exotic object's length and index rules).
func (it *Interp) ordinaryDefineOwnProperty(o *Object, k PropKey, d PropertyDescriptor) (bool, error) {
	if o.class == ClassArray && k.sym == nil && k.s == "length" && d.HasValue {
		n, err := it.toArrayLength(d.Value)
		if err != nil {
			return false, err
		}
		if o.flags&flagLengthReadonly != 0 && n != o.length {
			return false, nil
		}
		if (d.HasConfigurable && d.Configurable) || (d.HasEnumerable && d.Enumerable) || d.isAccessor() {
			return false, nil
		}
		ok := o.setLength(n)
		if d.HasWritable && !d.Writable {
			o.flags |= flagLengthReadonly
		}
		return ok, nil
	}
	cur, exists := o.getOwn(k)
	if !exists {
		if !o.Extensible() {
			return false, nil
		}
		if o.class == ClassArray && o.flags&flagLengthReadonly != 0 {
			if idx, ok := k.arrayIndex(); ok && idx >= o.length {
				return false, nil
			}
		}
		var a Attr
		if d.Enumerable {
			a |= Enumerable
		}
		if d.Configurable {
			a |= Configurable
		}
		if d.isAccessor() {
			acc := &accessor{get: d.Get.Obj(), set: d.Set.Obj()}
			o.toSlowIfIndex(k)
			o.defineOwn(k, accessorValue(acc), a|Accessor)
			return true, nil
		}
		if d.Writable {
			a |= Writable
		}
		if a != Default {
			o.toSlowIfIndex(k)
		}
		o.defineOwn(k, d.Value, a)
		return true, nil
	}
	// Existing property: check it may change as asked.
	if cur.attr&Configurable == 0 {
		if d.HasConfigurable && d.Configurable {
			return false, nil
		}
		if d.HasEnumerable && d.Enumerable != (cur.attr&Enumerable != 0) {
			return false, nil
		}
		isAcc := cur.attr&Accessor != 0
		if (d.isAccessor() && !isAcc) || ((d.HasValue || d.HasWritable) && isAcc) {
			return false, nil
		}
		if isAcc {
			a := cur.value.accessor()
			if d.HasGet && d.Get.Obj() != a.get || d.HasSet && d.Set.Obj() != a.set {
				return false, nil
			}
		} else if cur.attr&Writable == 0 {
			if d.HasWritable && d.Writable {
				return false, nil
			}
			if d.HasValue && !SameValue(d.Value, cur.value) {
				return false, nil
			}
		}
	}
	a := cur.attr
	if d.HasEnumerable {
		a = setAttr(a, Enumerable, d.Enumerable)
	}
	if d.HasConfigurable {
		a = setAttr(a, Configurable, d.Configurable)
	}
	val := cur.value
	switch {
	case d.isAccessor():
		var acc accessor
		if a&Accessor != 0 {
			acc = *cur.value.accessor()
		}
		if d.HasGet {
			acc.get = d.Get.Obj()
		}
		if d.HasSet {
			acc.set = d.Set.Obj()
		}
		a = (a &^ Writable) | Accessor
		val = accessorValue(&acc)
	case d.HasValue || d.HasWritable:
		if a&Accessor != 0 {
			a &^= Accessor
			val = Undefined
		}
		if d.HasWritable {
			a = setAttr(a, Writable, d.Writable)
		}
		if d.HasValue {
			val = d.Value
		}
	}
	if a != Default {
		o.toSlowIfIndex(k)
	}
	if o.class == ClassString && k.s == "length" {
		return true, nil
	}
	o.defineOwn(k, val, a)
	return true, nil
}

func setAttr(a, bit Attr, on bool) Attr {
	if on {
		return a | bit
	}
	return a &^ bit
}

func (o *Object) toSlowIfIndex(k PropKey) {
	if _, ok := k.arrayIndex(); ok {
		o.toSlowElements()
	}
}

// getOwnPropertyDescriptor returns o's own property k as a descriptor.
func (o *Object) getOwnPropertyDescriptor(k PropKey) (PropertyDescriptor, bool) {
	p, ok := o.getOwn(k)
	if !ok {
		return PropertyDescriptor{}, false
	}
	d := PropertyDescriptor{
		Enumerable: p.attr&Enumerable != 0, Configurable: p.attr&Configurable != 0,
		HasEnumerable: true, HasConfigurable: true,
	}
	if p.attr&Accessor != 0 {
		a := p.value.accessor()
		d.Get, d.Set = ObjValue(a.get), ObjValue(a.set)
		d.HasGet, d.HasSet = true, true
	} else {
		d.Value, d.Writable = p.value, p.attr&Writable != 0
		d.HasValue, d.HasWritable = true, true
	}
	return d, true
}

// createDataProperty is CreateDataPropertyOrThrow.
func (it *Interp) createDataProperty(o *Object, k PropKey, v Value) error {
	if o.flags&(flagSlowElements|flagExotic) == 0 && o.Extensible() {
		if _, ok := k.arrayIndex(); ok {
			if _, exists := o.getOwn(k); !exists || true {
				if idx, _ := k.arrayIndex(); o.setElement(idx, v) {
					return nil
				}
			}
		}
	}
	ok, err := it.defineOwnProperty(o, k, dataDescriptor(v))
	if err != nil {
		return err
	}
	if !ok {
		return it.typeError("Cannot define property " + k.String())
	}
	return nil
}

// indexKey is the key for array index i.
func indexKey(i int) PropKey {
	if i < len(smallIndexKeys) {
		return smallIndexKeys[i]
	}
	return StrKey(strconv.Itoa(i))
}

var smallIndexKeys = func() []PropKey {
	k := make([]PropKey, 256)
	for i := range k {
		k[i] = StrKey(strconv.Itoa(i))
	}
	return k
}()

// numberKey converts a number used as a key.
func numberKey(f float64) PropKey {
	if i := int(f); float64(i) == f && i >= 0 && !(f == 0 && math.Signbit(f)) {
		return indexKey(i)
	}
	return StrKey(NumberToString(f))
}

// lengthOf is LengthOfArrayLike.
func (it *Interp) lengthOf(o *Object) (int64, error) {
	if o.class == ClassArray {
		return int64(o.length), nil
	}
	v, err := it.getStr(o, "length")
	if err != nil {
		return 0, err
	}
	f, err := it.ToNumber(v)
	if err != nil {
		return 0, err
	}
	f = ToIntegerOrInfinity(f)
	if f <= 0 {
		return 0, nil
	}
	return int64(math.Min(f, 1<<53-1)), nil
}

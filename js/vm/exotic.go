package vm

// The essential internal methods of objects (ECMA-262 10.1).
//
// Ordinary objects implement them with shapes and dense elements, and
// the interpreter's fast paths (inline caches, dense element access)
// touch that storage directly. An exotic object (a proxy, an
// integer-indexed typed array) sets flagExotic and keeps in its internal
// field a value implementing exotic; the generic paths below check the
// flag once per object they visit and dispatch to it. Exotic objects
// have dictionary shapes, which inline caches never record, so the fast
// paths never see them.
//
// Private names (#x) are not properties in the spec's sense: they live in
// the object's own storage whatever its kind and never reach these hooks.

// exotic is the behaviour of an object whose internal methods are not all
// ordinary. An implementation may fall back on the ordinary methods
// (it.ordinaryGetOwnProperty and friends) for the keys it does not treat
// specially.
type exotic interface {
	getPrototypeOf(it *Interp, o *Object) (*Object, error)
	setPrototypeOf(it *Interp, o *Object, p *Object) (bool, error)
	isExtensible(it *Interp, o *Object) (bool, error)
	preventExtensions(it *Interp, o *Object) (bool, error)
	getOwnProperty(it *Interp, o *Object, k PropKey) (PropertyDescriptor, bool, error)
	defineOwnProperty(it *Interp, o *Object, k PropKey, d PropertyDescriptor) (bool, error)
	hasProperty(it *Interp, o *Object, k PropKey) (bool, error)
	get(it *Interp, o *Object, k PropKey, receiver Value) (Value, error)
	set(it *Interp, o *Object, k PropKey, v Value, receiver Value) (bool, error)
	delete(it *Interp, o *Object, k PropKey) (bool, error)
	ownPropertyKeys(it *Interp, o *Object) ([]PropKey, error)
}

// isExotic reports whether o's internal methods dispatch through
// o.internal for key k.
func (o *Object) isExotic(k PropKey) bool {
	return o.flags&flagExotic != 0 && (k.sym == nil || !k.sym.private)
}

func (o *Object) exotic() exotic { return o.internal.(exotic) }

// getPrototypeOf is o.[[GetPrototypeOf]]().
func (it *Interp) getPrototypeOf(o *Object) (*Object, error) {
	if o.flags&flagExotic != 0 {
		return o.exotic().getPrototypeOf(it, o)
	}
	return o.shape.proto, nil
}

// setPrototypeOfObj is o.[[SetPrototypeOf]](p).
func (it *Interp) setPrototypeOfObj(o, p *Object) (bool, error) {
	if o.flags&flagExotic != 0 {
		return o.exotic().setPrototypeOf(it, o, p)
	}
	return it.ordinarySetPrototypeOf(o, p), nil
}

// ordinarySetPrototypeOf is OrdinarySetPrototypeOf. The loop that looks
// for a cycle stops at an exotic prototype, as the spec's does at a
// proxy.
func (it *Interp) ordinarySetPrototypeOf(o, p *Object) bool {
	if o.shape.proto == p {
		return true
	}
	if !o.Extensible() {
		return false
	}
	for q := p; q != nil; q = q.shape.proto {
		if q == o {
			return false
		}
		if q.flags&flagExotic != 0 {
			if _, isProxy := q.internal.(*proxyState); isProxy {
				break
			}
		}
	}
	o.setProto(p)
	return true
}

// isExtensible is o.[[IsExtensible]]().
func (it *Interp) isExtensible(o *Object) (bool, error) {
	if o.flags&flagExotic != 0 {
		return o.exotic().isExtensible(it, o)
	}
	return o.Extensible(), nil
}

// preventExtensionsObj is o.[[PreventExtensions]]().
func (it *Interp) preventExtensionsObj(o *Object) (bool, error) {
	if o.flags&flagExotic != 0 {
		return o.exotic().preventExtensions(it, o)
	}
	preventExtensions(o)
	return true, nil
}

// getOwnProperty is o.[[GetOwnProperty]](k).
func (it *Interp) getOwnProperty(o *Object, k PropKey) (PropertyDescriptor, bool, error) {
	if o.isExotic(k) {
		return o.exotic().getOwnProperty(it, o, k)
	}
	d, ok := o.getOwnPropertyDescriptor(k)
	return d, ok, nil
}

// ordinaryGetOwnProperty is OrdinaryGetOwnProperty, for exotic objects'
// fallbacks.
func (it *Interp) ordinaryGetOwnProperty(o *Object, k PropKey) (PropertyDescriptor, bool, error) {
	d, ok := o.getOwnPropertyDescriptor(k)
	return d, ok, nil
}

// ownPropertyKeys is o.[[OwnPropertyKeys]](), symbols included.
func (it *Interp) ownPropertyKeys(o *Object) ([]PropKey, error) {
	if o.flags&flagExotic != 0 {
		return o.exotic().ownPropertyKeys(it, o)
	}
	return o.ownKeys(true), nil
}

// ownStringKeys is [[OwnPropertyKeys]] without the symbols.
func (it *Interp) ownStringKeys(o *Object) ([]PropKey, error) {
	if o.flags&flagExotic == 0 {
		return o.ownKeys(false), nil
	}
	keys, err := o.exotic().ownPropertyKeys(it, o)
	if err != nil {
		return nil, err
	}
	out := keys[:0:0]
	for _, k := range keys {
		if k.sym == nil {
			out = append(out, k)
		}
	}
	return out, nil
}

// deleteOwnProperty is o.[[Delete]](k).
func (it *Interp) deleteOwnProperty(o *Object, k PropKey) (bool, error) {
	if o.isExotic(k) {
		return o.exotic().delete(it, o, k)
	}
	return o.deleteOwn(k), nil
}

// ordinaryGet is OrdinaryGet, for exotic objects' fallbacks: o's own
// storage, then its prototype's [[Get]].
func (it *Interp) ordinaryGet(o *Object, k PropKey, receiver Value) (Value, error) {
	if p, ok := o.getOwn(k); ok {
		if p.attr&Accessor != 0 {
			g := p.value.accessor().get
			if g == nil {
				return Undefined, nil
			}
			return it.Call(ObjValue(g), receiver)
		}
		return p.value, nil
	}
	return it.get(o.shape.proto, k, receiver)
}

// ordinaryHasProperty is OrdinaryHasProperty, for exotic objects'
// fallbacks.
func (it *Interp) ordinaryHasProperty(o *Object, k PropKey) (bool, error) {
	if _, ok := o.getOwn(k); ok {
		return true, nil
	}
	return it.hasProperty(o.shape.proto, k)
}

// ordinarySet is OrdinarySet, for exotic objects' fallbacks.
func (it *Interp) ordinarySet(o *Object, k PropKey, v, receiver Value) (bool, error) {
	msg, err := it.setWalk(o, k, v, receiver, false)
	return msg == "", err
}

// setBool is [[Set]] reporting failure as false rather than an error.
func (it *Interp) setBool(o *Object, k PropKey, v, receiver Value) (bool, error) {
	msg, err := it.setProp(o, k, v, receiver)
	return msg == "", err
}

// setOnReceiver is the end of OrdinarySet once a writable data property
// (or none) was found: define or update the property on a receiver that
// is exotic.
func (it *Interp) setOnReceiver(r *Object, k PropKey, v Value) (string, error) {
	d, ok, err := it.getOwnProperty(r, k)
	if err != nil {
		return "", err
	}
	if ok {
		if d.isAccessor() || !d.Writable {
			return "Cannot assign to read only property '" + k.String() + "'", nil
		}
		ok, err = it.defineOwnProperty(r, k, PropertyDescriptor{Value: v, HasValue: true})
	} else {
		ok, err = it.defineOwnProperty(r, k, dataDescriptor(v))
	}
	if err != nil || ok {
		return "", err
	}
	return "Cannot define property " + k.String(), nil
}

// dataDescriptor is a writable, enumerable, configurable data property.
func dataDescriptor(v Value) PropertyDescriptor {
	return PropertyDescriptor{Value: v, Writable: true, Enumerable: true, Configurable: true,
		HasValue: true, HasWritable: true, HasEnumerable: true, HasConfigurable: true}
}

// isArray is IsArray: arrays, and proxies of arrays.
func (it *Interp) isArray(v Value) (bool, error) {
	o := v.Obj()
	for o != nil {
		if o.class == ClassArray {
			return true, nil
		}
		p, ok := o.internal.(*proxyState)
		if !ok || o.class != ClassProxy {
			return false, nil
		}
		if p.handler == nil {
			return false, it.typeError("Cannot perform 'IsArray' on a proxy that has been revoked")
		}
		o = p.target
	}
	return false, nil
}

// enumerableOwnKeys lists o's own enumerable keys (strings only unless
// symbols), through [[OwnPropertyKeys]] and [[GetOwnProperty]].
func (it *Interp) enumerableOwnKeys(o *Object, symbols bool) ([]PropKey, error) {
	if o.flags&flagExotic == 0 {
		keys := o.ownKeys(symbols)
		out := keys[:0]
		for _, k := range keys {
			if p, ok := o.getOwn(k); ok && p.attr&Enumerable != 0 {
				out = append(out, k)
			}
		}
		return out, nil
	}
	keys, err := it.ownPropertyKeys(o)
	if err != nil {
		return nil, err
	}
	var out []PropKey
	for _, k := range keys {
		if k.sym != nil && !symbols {
			continue
		}
		d, ok, err := it.getOwnProperty(o, k)
		if err != nil {
			return nil, err
		}
		if ok && d.Enumerable {
			out = append(out, k)
		}
	}
	return out, nil
}

// setIntegrityLevel is SetIntegrityLevel (frozen or sealed).
func (it *Interp) setIntegrityLevel(o *Object, frozen bool) (bool, error) {
	if o.flags&flagExotic == 0 {
		if frozen {
			freeze(o)
		} else {
			seal(o)
		}
		return true, nil
	}
	ok, err := it.preventExtensionsObj(o)
	if err != nil || !ok {
		return false, err
	}
	keys, err := it.ownPropertyKeys(o)
	if err != nil {
		return false, err
	}
	for _, k := range keys {
		d := PropertyDescriptor{HasConfigurable: true}
		if frozen {
			cur, ok, err := it.getOwnProperty(o, k)
			if err != nil {
				return false, err
			}
			if !ok {
				continue
			}
			if !cur.isAccessor() {
				d.HasWritable = true
			}
		}
		if _, err := it.definePropertyOrThrow(o, k, d); err != nil {
			return false, err
		}
	}
	return true, nil
}

// testIntegrityLevel is TestIntegrityLevel.
func (it *Interp) testIntegrityLevel(o *Object, frozen bool) (bool, error) {
	ext, err := it.isExtensible(o)
	if err != nil || ext {
		return false, err
	}
	keys, err := it.ownPropertyKeys(o)
	if err != nil {
		return false, err
	}
	for _, k := range keys {
		d, ok, err := it.getOwnProperty(o, k)
		if err != nil {
			return false, err
		}
		if !ok {
			continue
		}
		if d.Configurable || frozen && !d.isAccessor() && d.Writable {
			return false, nil
		}
	}
	return true, nil
}

// definePropertyOrThrow is DefinePropertyOrThrow.
func (it *Interp) definePropertyOrThrow(o *Object, k PropKey, d PropertyDescriptor) (bool, error) {
	ok, err := it.defineOwnProperty(o, k, d)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, it.typeError("Cannot redefine property: " + k.String())
	}
	return true, nil
}

func seal(o *Object) {
	o.toSlowElements()
	if !o.shape.dict {
		o.shape = o.shape.toDict()
	}
	for i := range o.shape.attrs {
		o.shape.attrs[i] &^= Configurable
	}
	o.flags &^= flagExtensible
}

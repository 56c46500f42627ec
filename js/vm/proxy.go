package vm

// Proxy exotic objects (ECMA-262 10.5) and the Proxy constructor (28.2).

// proxyState is the internal state of a proxy: its [[ProxyTarget]] and
// [[ProxyHandler]], both nil once revoked.
type proxyState struct {
	target, handler *Object
}

// newProxy is ProxyCreate(target, handler).
func (it *Interp) newProxy(target, handler Value) (*Object, error) {
	t, h := target.Obj(), handler.Obj()
	if t == nil || h == nil {
		return nil, it.typeError("Cannot create proxy with a non-object as target or handler")
	}
	st := &proxyState{target: t, handler: h}
	// A dictionary shape of its own, never recorded by inline caches.
	o := &Object{shape: rootShape(nil), class: ClassProxy, flags: flagExotic | flagExtensible, internal: st}
	if t.fn != nil {
		// No realm: a proxy's [[Call]] runs in its caller's realm.
		fn := &Function{ctor: t.IsConstructor()}
		fn.host = func(it *Interp, this Value, args []Value, newTarget *Object) (Value, error) {
			if newTarget != nil {
				return st.construct(it, args, newTarget)
			}
			return st.call(it, this, args)
		}
		o.fn = fn
	}
	return o, nil
}

// trap returns the handler's method name (nil when undefined or null),
// failing on a revoked proxy.
func (p *proxyState) trap(it *Interp, name string) (*Object, error) {
	if p.handler == nil {
		return nil, it.typeError("Cannot perform '" + name + "' on a proxy that has been revoked")
	}
	m, err := it.get(p.handler, StrKey(name), ObjValue(p.handler))
	if err != nil {
		return nil, err
	}
	if m.IsNullish() {
		return nil, nil
	}
	if !isCallable(m) {
		return nil, it.typeError("proxy trap '" + name + "' is not a function: " + describeForError(m))
	}
	return m.Obj(), nil
}

func (p *proxyState) callTrap(it *Interp, trap *Object, args ...Value) (Value, error) {
	return it.callObject(trap, ObjValue(p.handler), args)
}

func (p *proxyState) getPrototypeOf(it *Interp, o *Object) (*Object, error) {
	trap, err := p.trap(it, "getPrototypeOf")
	if err != nil {
		return nil, err
	}
	target := p.target
	if trap == nil {
		return it.getPrototypeOf(target)
	}
	v, err := p.callTrap(it, trap, ObjValue(target))
	if err != nil {
		return nil, err
	}
	if !v.IsObject() && !v.IsNull() {
		return nil, it.typeError("'getPrototypeOf' on proxy: trap returned neither object nor null")
	}
	ext, err := it.isExtensible(target)
	if err != nil || ext {
		return v.Obj(), err
	}
	tp, err := it.getPrototypeOf(target)
	if err != nil {
		return nil, err
	}
	if tp != v.Obj() {
		return nil, it.typeError("'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype")
	}
	return tp, nil
}

func (p *proxyState) setPrototypeOf(it *Interp, o *Object, proto *Object) (bool, error) {
	trap, err := p.trap(it, "setPrototypeOf")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.setPrototypeOfObj(target, proto)
	}
	pv := Null
	if proto != nil {
		pv = ObjValue(proto)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), pv)
	if err != nil || !ToBoolean(v) {
		return false, err
	}
	ext, err := it.isExtensible(target)
	if err != nil || ext {
		return true, err
	}
	tp, err := it.getPrototypeOf(target)
	if err != nil {
		return false, err
	}
	if tp != proto {
		return false, it.typeError("'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target")
	}
	return true, nil
}

func (p *proxyState) isExtensible(it *Interp, o *Object) (bool, error) {
	trap, err := p.trap(it, "isExtensible")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.isExtensible(target)
	}
	v, err := p.callTrap(it, trap, ObjValue(target))
	if err != nil {
		return false, err
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return false, err
	}
	if ToBoolean(v) != ext {
		return false, it.typeError("'isExtensible' on proxy: trap result does not reflect extensibility of proxy target")
	}
	return ext, nil
}

func (p *proxyState) preventExtensions(it *Interp, o *Object) (bool, error) {
	trap, err := p.trap(it, "preventExtensions")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.preventExtensionsObj(target)
	}
	v, err := p.callTrap(it, trap, ObjValue(target))
	if err != nil || !ToBoolean(v) {
		return false, err
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return false, err
	}
	if ext {
		return false, it.typeError("'preventExtensions' on proxy: trap returned truish but the proxy target is extensible")
	}
	return true, nil
}

func (p *proxyState) getOwnProperty(it *Interp, o *Object, k PropKey) (PropertyDescriptor, bool, error) {
	trap, err := p.trap(it, "getOwnPropertyDescriptor")
	if err != nil {
		return PropertyDescriptor{}, false, err
	}
	target := p.target
	if trap == nil {
		return it.getOwnProperty(target, k)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), k.Value())
	if err != nil {
		return PropertyDescriptor{}, false, err
	}
	if !v.IsObject() && !v.IsUndefined() {
		return PropertyDescriptor{}, false, it.typeError("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '" + k.String() + "'")
	}
	td, tok, err := it.getOwnProperty(target, k)
	if err != nil {
		return PropertyDescriptor{}, false, err
	}
	if v.IsUndefined() {
		if !tok {
			return PropertyDescriptor{}, false, nil
		}
		if !td.Configurable {
			return PropertyDescriptor{}, false, it.typeError("'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '" + k.String() + "' which is non-configurable in the proxy target")
		}
		ext, err := it.isExtensible(target)
		if err != nil {
			return PropertyDescriptor{}, false, err
		}
		if !ext {
			return PropertyDescriptor{}, false, it.typeError("'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '" + k.String() + "' which exists in the non-extensible proxy target")
		}
		return PropertyDescriptor{}, false, nil
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return PropertyDescriptor{}, false, err
	}
	d, err := it.toPropertyDescriptor(v)
	if err != nil {
		return PropertyDescriptor{}, false, err
	}
	completePropertyDescriptor(&d)
	if !isCompatiblePropertyDescriptor(ext, d, td, tok) {
		return PropertyDescriptor{}, false, it.typeError("'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '" + k.String() + "' that is incompatible with the existing property in the proxy target")
	}
	if !d.Configurable {
		if !tok || td.Configurable {
			return PropertyDescriptor{}, false, it.typeError("'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '" + k.String() + "' which is either non-existent or configurable in the proxy target")
		}
		if d.HasWritable && !d.Writable && td.Writable {
			return PropertyDescriptor{}, false, it.typeError("'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property '" + k.String() + "' which is non-configurable, non-writable in the proxy target")
		}
	}
	return d, true, nil
}

func (p *proxyState) defineOwnProperty(it *Interp, o *Object, k PropKey, d PropertyDescriptor) (bool, error) {
	trap, err := p.trap(it, "defineProperty")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.defineOwnProperty(target, k, d)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), k.Value(), ObjValue(it.realm.fromPartialDescriptor(d)))
	if err != nil || !ToBoolean(v) {
		return false, err
	}
	td, tok, err := it.getOwnProperty(target, k)
	if err != nil {
		return false, err
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return false, err
	}
	settingNonConfig := d.HasConfigurable && !d.Configurable
	if !tok {
		if !ext {
			return false, it.typeError("'defineProperty' on proxy: trap returned truish for adding property '" + k.String() + "'  to the non-extensible proxy target")
		}
		if settingNonConfig {
			return false, it.typeError("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" + k.String() + "' which is non-existent in the proxy target")
		}
		return true, nil
	}
	if !isCompatiblePropertyDescriptor(ext, d, td, true) {
		return false, it.typeError("'defineProperty' on proxy: trap returned truish for adding property '" + k.String() + "'  that is incompatible with the existing property in the proxy target")
	}
	if settingNonConfig && td.Configurable {
		return false, it.typeError("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" + k.String() + "' which is configurable in the proxy target")
	}
	if !td.isAccessor() && !td.Configurable && td.Writable && d.HasWritable && !d.Writable {
		return false, it.typeError("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" + k.String() + "' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object")
	}
	return true, nil
}

func (p *proxyState) hasProperty(it *Interp, o *Object, k PropKey) (bool, error) {
	trap, err := p.trap(it, "has")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.hasProperty(target, k)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), k.Value())
	if err != nil {
		return false, err
	}
	if ToBoolean(v) {
		return true, nil
	}
	td, tok, err := it.getOwnProperty(target, k)
	if err != nil || !tok {
		return false, err
	}
	if !td.Configurable {
		return false, it.typeError("'has' on proxy: trap returned falsish for property '" + k.String() + "' which exists in the proxy target as non-configurable")
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return false, err
	}
	if !ext {
		return false, it.typeError("'has' on proxy: trap returned falsish for property '" + k.String() + "' but the proxy target is not extensible")
	}
	return false, nil
}

func (p *proxyState) get(it *Interp, o *Object, k PropKey, receiver Value) (Value, error) {
	trap, err := p.trap(it, "get")
	if err != nil {
		return Undefined, err
	}
	target := p.target
	if trap == nil {
		return it.get(target, k, receiver)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), k.Value(), receiver)
	if err != nil {
		return Undefined, err
	}
	td, tok, err := it.getOwnProperty(target, k)
	if err != nil {
		return Undefined, err
	}
	if tok && !td.Configurable {
		if !td.isAccessor() && !td.Writable && !SameValue(v, td.Value) {
			return Undefined, it.typeError("'get' on proxy: property '" + k.String() + "' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value")
		}
		if td.isAccessor() && td.Get.IsUndefined() && !v.IsUndefined() {
			return Undefined, it.typeError("'get' on proxy: property '" + k.String() + "' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined'")
		}
	}
	return v, nil
}

func (p *proxyState) set(it *Interp, o *Object, k PropKey, v, receiver Value) (bool, error) {
	trap, err := p.trap(it, "set")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.setBool(target, k, v, receiver)
	}
	r, err := p.callTrap(it, trap, ObjValue(target), k.Value(), v, receiver)
	if err != nil || !ToBoolean(r) {
		return false, err
	}
	td, tok, err := it.getOwnProperty(target, k)
	if err != nil {
		return false, err
	}
	if tok && !td.Configurable {
		if !td.isAccessor() && !td.Writable && !SameValue(v, td.Value) {
			return false, it.typeError("'set' on proxy: trap returned truish for property '" + k.String() + "' which exists in the proxy target as a non-configurable and non-writable data property with a different value")
		}
		if td.isAccessor() && td.Set.IsUndefined() {
			return false, it.typeError("'set' on proxy: trap returned truish for property '" + k.String() + "' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter")
		}
	}
	return true, nil
}

func (p *proxyState) delete(it *Interp, o *Object, k PropKey) (bool, error) {
	trap, err := p.trap(it, "deleteProperty")
	if err != nil {
		return false, err
	}
	target := p.target
	if trap == nil {
		return it.deleteOwnProperty(target, k)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), k.Value())
	if err != nil || !ToBoolean(v) {
		return false, err
	}
	td, tok, err := it.getOwnProperty(target, k)
	if err != nil || !tok {
		return true, err
	}
	if !td.Configurable {
		return false, it.typeError("'deleteProperty' on proxy: trap returned truish for property '" + k.String() + "' which is non-configurable in the proxy target")
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return false, err
	}
	if !ext {
		return false, it.typeError("'deleteProperty' on proxy: trap returned truish for property '" + k.String() + "' but the proxy target is non-extensible")
	}
	return true, nil
}

func (p *proxyState) ownPropertyKeys(it *Interp, o *Object) ([]PropKey, error) {
	trap, err := p.trap(it, "ownKeys")
	if err != nil {
		return nil, err
	}
	target := p.target
	if trap == nil {
		return it.ownPropertyKeys(target)
	}
	v, err := p.callTrap(it, trap, ObjValue(target))
	if err != nil {
		return nil, err
	}
	ro := v.Obj()
	if ro == nil {
		return nil, it.typeError("CreateListFromArrayLike called on non-object")
	}
	n, err := it.lengthOf(ro)
	if err != nil {
		return nil, err
	}
	keys := make([]PropKey, 0, min(n, 1024))
	seen := make(map[PropKey]bool, min(n, 1024))
	for i := int64(0); i < n; i++ {
		e, err := it.get(ro, numberKey(float64(i)), v)
		if err != nil {
			return nil, err
		}
		var k PropKey
		switch e.kind {
		case KindString:
			k = StrKey(e.Strv().Key())
		case KindSymbol:
			k = SymKey(e.Sym())
		default:
			return nil, it.typeError(describeForError(e) + " is not a valid property name")
		}
		if seen[k] {
			return nil, it.typeError("'ownKeys' on proxy: trap returned duplicate entries")
		}
		seen[k] = true
		keys = append(keys, k)
	}
	ext, err := it.isExtensible(target)
	if err != nil {
		return nil, err
	}
	tkeys, err := it.ownPropertyKeys(target)
	if err != nil {
		return nil, err
	}
	var configurable, nonConfigurable []PropKey
	for _, k := range tkeys {
		d, ok, err := it.getOwnProperty(target, k)
		if err != nil {
			return nil, err
		}
		if ok && !d.Configurable {
			nonConfigurable = append(nonConfigurable, k)
		} else {
			configurable = append(configurable, k)
		}
	}
	if ext && len(nonConfigurable) == 0 {
		return keys, nil
	}
	for _, k := range nonConfigurable {
		if !seen[k] {
			return nil, it.typeError("'ownKeys' on proxy: trap result did not include '" + k.String() + "'")
		}
		delete(seen, k)
	}
	if ext {
		return keys, nil
	}
	for _, k := range configurable {
		if !seen[k] {
			return nil, it.typeError("'ownKeys' on proxy: trap result did not include '" + k.String() + "'")
		}
		delete(seen, k)
	}
	if len(seen) > 0 {
		return nil, it.typeError("'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible")
	}
	return keys, nil
}

// call is the proxy's [[Call]].
func (p *proxyState) call(it *Interp, this Value, args []Value) (Value, error) {
	trap, err := p.trap(it, "apply")
	if err != nil {
		return Undefined, err
	}
	target := p.target
	if trap == nil {
		return it.callObject(target, this, args)
	}
	return p.callTrap(it, trap, ObjValue(target), this, ObjValue(it.realm.arrayOf(append([]Value(nil), args...))))
}

// construct is the proxy's [[Construct]].
func (p *proxyState) construct(it *Interp, args []Value, newTarget *Object) (Value, error) {
	trap, err := p.trap(it, "construct")
	if err != nil {
		return Undefined, err
	}
	target := p.target
	if trap == nil {
		return it.Construct(ObjValue(target), args, newTarget)
	}
	v, err := p.callTrap(it, trap, ObjValue(target), ObjValue(it.realm.arrayOf(append([]Value(nil), args...))), ObjValue(newTarget))
	if err != nil {
		return Undefined, err
	}
	if !v.IsObject() {
		return Undefined, it.typeError("proxy [[Construct]] must return an object")
	}
	return v, nil
}

// completePropertyDescriptor is CompletePropertyDescriptor.
func completePropertyDescriptor(d *PropertyDescriptor) {
	if d.isAccessor() {
		d.HasGet, d.HasSet = true, true
	} else {
		d.HasValue, d.HasWritable = true, true
	}
	d.HasEnumerable, d.HasConfigurable = true, true
}

// isCompatiblePropertyDescriptor is IsCompatiblePropertyDescriptor:
// ValidateAndApplyPropertyDescriptor with no object to apply it to.
func isCompatiblePropertyDescriptor(extensible bool, d, cur PropertyDescriptor, hasCur bool) bool {
	if !hasCur {
		return extensible
	}
	if cur.Configurable {
		return true
	}
	if d.HasConfigurable && d.Configurable {
		return false
	}
	if d.HasEnumerable && d.Enumerable != cur.Enumerable {
		return false
	}
	isGeneric := !d.isAccessor() && !d.HasValue && !d.HasWritable
	if isGeneric {
		return true
	}
	if d.isAccessor() != cur.isAccessor() {
		return false
	}
	if cur.isAccessor() {
		if d.HasGet && !SameValue(d.Get, cur.Get) || d.HasSet && !SameValue(d.Set, cur.Set) {
			return false
		}
		return true
	}
	if !cur.Writable {
		if d.HasWritable && d.Writable {
			return false
		}
		if d.HasValue && !SameValue(d.Value, cur.Value) {
			return false
		}
	}
	return true
}

// fromPartialDescriptor is FromPropertyDescriptor for a descriptor that
// may lack fields.
func (r *Realm) fromPartialDescriptor(d PropertyDescriptor) *Object {
	o := NewObject(r.ObjectPrototype)
	if d.HasValue {
		o.defineOwn(StrKey("value"), d.Value, Default)
	}
	if d.HasWritable {
		o.defineOwn(StrKey("writable"), Bool(d.Writable), Default)
	}
	if d.HasGet {
		o.defineOwn(StrKey("get"), d.Get, Default)
	}
	if d.HasSet {
		o.defineOwn(StrKey("set"), d.Set, Default)
	}
	if d.HasEnumerable {
		o.defineOwn(StrKey("enumerable"), Bool(d.Enumerable), Default)
	}
	if d.HasConfigurable {
		o.defineOwn(StrKey("configurable"), Bool(d.Configurable), Default)
	}
	return o
}

func (r *Realm) initProxy() {
	// Proxy is a constructor without a prototype property.
	c := r.newFunc("Proxy", 2, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Undefined, it.typeError("Constructor Proxy requires 'new'")
		}
		o, err := it.newProxy(arg(args, 0), arg(args, 1))
		return ObjValue(o), err
	})
	c.fn.ctor = true
	r.defineGlobal("Proxy", ObjValue(c))
	r.method(c, "revocable", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		p, err := it.newProxy(arg(args, 0), arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		revoke := it.realm.newFunc("", 0, func(it *Interp, _ Value, _ []Value, _ *Object) (Value, error) {
			if p != nil {
				st := p.internal.(*proxyState)
				st.target, st.handler = nil, nil
				p = nil
			}
			return Undefined, nil
		})
		res := NewObject(it.realm.ObjectPrototype)
		res.defineOwn(StrKey("proxy"), ObjValue(p), Default)
		res.defineOwn(StrKey("revoke"), ObjValue(revoke), Default)
		return ObjValue(res), nil
	})
}

package vm

// Module namespace exotic objects (ECMA-262 10.4.6). A namespace has no
// prototype, is not extensible and keeps no string-keyed properties of
// its own: each export is read through the module's binding when it is
// asked for, so the namespace always shows the current value. Its only
// ordinary property is @@toStringTag. The null prototype gives it a
// dictionary shape, which inline caches never hold, so every access goes
// through getOwn and the hooks below.

// namespaceData is a namespace's [[Module]] and [[Exports]], sorted, with
// the binding each export resolved to.
type namespaceData struct {
	module   *Module
	names    []string
	index    map[string]int
	bindings []resolvedBinding
}

// namespaceOwn is [[GetOwnProperty]] for a string key. The value is Hole
// while the binding is uninitialized: callers that read it throw.
func (o *Object) namespaceOwn(name string) (ownProp, bool) {
	ns := o.internal.(*namespaceData)
	i, ok := ns.index[name]
	if !ok {
		return ownProp{}, false
	}
	b := ns.bindings[i]
	var v Value
	if b.namespace {
		v = ObjValue(b.module.namespace)
		if b.module.namespace == nil {
			// Made on first use; the agent is not at hand here.
			v = Hole
		}
	} else {
		v = b.module.ctx.slots[b.slot]
	}
	return ownProp{v, Writable | Enumerable}, true
}

// namespaceTDZ is the ReferenceError for reading an export before its
// binding is initialized.
func (it *Interp) namespaceTDZ(k PropKey) error {
	return it.referenceError("Cannot access '" + k.String() + "' before initialization")
}

// prepareNamespaces makes the namespaces that o's exports of namespaces
// need, so that namespaceOwn finds them.
func (it *Interp) prepareNamespace(o *Object) {
	ns := o.internal.(*namespaceData)
	for _, b := range ns.bindings {
		if b.namespace && b.module.namespace == nil {
			it.ModuleNamespace(b.module)
		}
	}
}

// namespaceDefine is [[DefineOwnProperty]] for a string key (10.4.6.6).
func (it *Interp) namespaceDefine(o *Object, k PropKey, d PropertyDescriptor) (bool, error) {
	p, ok := o.namespaceOwn(k.s)
	if !ok {
		return false, nil
	}
	if p.value.kind == KindHole {
		return false, it.namespaceTDZ(k)
	}
	if d.HasConfigurable && d.Configurable || d.HasEnumerable && !d.Enumerable || d.isAccessor() || d.HasWritable && !d.Writable {
		return false, nil
	}
	if d.HasValue {
		return SameValue(d.Value, p.value), nil
	}
	return true, nil
}

// namespaceFreeze fails as SetIntegrityLevel(frozen) does on a namespace:
// making an export non-writable is refused, after reading it (which
// throws while it is uninitialized).
func (it *Interp) namespaceFreeze(o *Object) error {
	ns := o.internal.(*namespaceData)
	if len(ns.names) == 0 {
		return nil
	}
	if p, _ := o.namespaceOwn(ns.names[0]); p.value.kind == KindHole {
		return it.namespaceTDZ(StrKey(ns.names[0]))
	}
	return it.typeError("Cannot freeze a module namespace object")
}

package bindings

import (
	"glassbox/engine/dom"
	"glassbox/js"
)

// attrRef is an Attr node: the attribute named name (in namespace ns) of
// el, or a detached one holding its own value when el is nil.
type attrRef struct {
	el        *dom.Node
	ns, name  string
	value     string // detached Attrs only
	ownerDoc  *dom.Node
	prefixStr string
}

func (a *attrRef) index() int {
	if a.el == nil {
		return -1
	}
	for i, at := range a.el.Attrs {
		if at.Namespace == a.ns && at.Name == a.name {
			return i
		}
	}
	return -1
}

// attrObject returns the Attr wrapper of el's attribute i, the same one
// each time.
func (w *Window) attrObject(el *dom.Node, i int) js.Value {
	at := el.Attrs[i]
	return w.cached(el, "attr\x00"+at.Namespace+"\x00"+at.Name, func() js.Value {
		return w.RT.NewHostObject(w.protos.attr, &attrRef{el: el, ns: at.Namespace, name: at.Name, ownerDoc: el.OwnerDocument})
	})
}

// namedNodeMap is Element.attributes.
type namedNodeMap struct {
	w  *Window
	el *dom.Node
}

func (m *namedNodeMap) IndexedLength() int { return len(m.el.Attrs) }

func (m *namedNodeMap) IndexedGet(i int) (js.Value, bool) {
	if i < 0 || i >= len(m.el.Attrs) {
		return js.Undefined(), false
	}
	return m.w.attrObject(m.el, i), true
}

func (w *Window) installAttr() {
	w.protos.attr = w.class("Attr", w.protos.node, nil)
	proto := w.protos.attr
	this := func(c *js.Call) (*attrRef, error) {
		if a, ok := js.HostData(c.This).(*attrRef); ok {
			return a, nil
		}
		return nil, w.typeError("Illegal invocation")
	}
	get := func(name string, f func(a *attrRef) js.Value) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			a, err := this(c)
			if err != nil {
				return js.Undefined(), err
			}
			return f(a), nil
		}, nil)
	}
	qualified := func(a *attrRef) string {
		if a.prefixStr != "" {
			return a.prefixStr + ":" + a.name
		}
		if a.ns == "http://www.w3.org/1999/xlink" {
			return "xlink:" + a.name
		}
		return a.name
	}
	get("nodeType", func(a *attrRef) js.Value { return js.Number(2) })
	get("nodeName", func(a *attrRef) js.Value { return strVal(qualified(a)) })
	get("name", func(a *attrRef) js.Value { return strVal(qualified(a)) })
	get("localName", func(a *attrRef) js.Value { return strVal(a.name) })
	get("namespaceURI", func(a *attrRef) js.Value {
		if a.ns == "" {
			return js.Null()
		}
		return strVal(a.ns)
	})
	get("prefix", func(a *attrRef) js.Value {
		if a.prefixStr == "" {
			return js.Null()
		}
		return strVal(a.prefixStr)
	})
	get("ownerElement", func(a *attrRef) js.Value {
		if a.index() < 0 {
			return js.Null()
		}
		return w.wrap(a.el)
	})
	get("ownerDocument", func(a *attrRef) js.Value { return w.wrap(a.ownerDoc) })
	get("specified", func(a *attrRef) js.Value { return js.Bool(true) })
	get("parentNode", func(a *attrRef) js.Value { return js.Null() })
	get("firstChild", func(a *attrRef) js.Value { return js.Null() })
	value := func(c *js.Call) (js.Value, error) {
		a, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if i := a.index(); i >= 0 {
			return strVal(a.el.Attrs[i].Value), nil
		}
		return strVal(a.value), nil
	}
	setValue := func(c *js.Call) (js.Value, error) {
		a, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		if i := a.index(); i >= 0 {
			w.recordAttr(a.el, a.name, a.ns, a.el.Attrs[i].Value, true)
			a.el.Attrs[i].Value = s
			w.mutated()
		} else {
			a.value = s
		}
		return js.Undefined(), nil
	}
	for _, name := range []string{"value", "nodeValue", "textContent"} {
		w.attr(proto, name, value, setValue)
	}

	w.protos.namedNodeMap = w.class("NamedNodeMap", js.Undefined(), nil)
	nm := w.protos.namedNodeMap
	mthis := func(c *js.Call) (*namedNodeMap, error) {
		if m, ok := js.HostData(c.This).(*namedNodeMap); ok {
			return m, nil
		}
		return nil, w.typeError("Illegal invocation")
	}
	w.attr(nm, "length", func(c *js.Call) (js.Value, error) {
		m, err := mthis(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Number(float64(len(m.el.Attrs))), nil
	}, nil)
	w.method(nm, "item", 1, func(c *js.Call) (js.Value, error) {
		m, err := mthis(c)
		if err != nil {
			return js.Undefined(), err
		}
		f, err := w.RT.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		if f != f || f < 0 || int(f) >= len(m.el.Attrs) {
			return js.Null(), nil
		}
		return w.attrObject(m.el, int(f)), nil
	})
	w.method(nm, "getNamedItem", 1, func(c *js.Call) (js.Value, error) {
		m, err := mthis(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if i := w.findAttr(m.el, name); i >= 0 {
			return w.attrObject(m.el, i), nil
		}
		return js.Null(), nil
	})
	w.method(nm, "getNamedItemNS", 2, func(c *js.Call) (js.Value, error) {
		m, err := mthis(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, _ := w.strOrNull(c.Arg(0))
		name, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		for i, a := range m.el.Attrs {
			if a.Namespace == ns && a.Name == name {
				return w.attrObject(m.el, i), nil
			}
		}
		return js.Null(), nil
	})
	w.method(nm, "removeNamedItem", 1, func(c *js.Call) (js.Value, error) {
		m, err := mthis(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		i := w.findAttr(m.el, name)
		if i < 0 {
			return js.Undefined(), w.domError("NotFoundError", "No item with name '"+name+"' was found.")
		}
		v := w.attrObject(m.el, i)
		a := js.HostData(v).(*attrRef)
		a.value = m.el.Attrs[i].Value
		w.removeAttr(m.el, name)
		return v, nil
	})
	w.attr(w.protos.element, "attributes", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.cached(n, "attributes", func() js.Value {
			return w.RT.NewHostObject(w.protos.namedNodeMap, &namedNodeMap{w: w, el: n})
		}), nil
	}, nil)
	w.method(w.protos.element, "getAttributeNode", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if i := w.findAttr(n, name); i >= 0 {
			return w.attrObject(n, i), nil
		}
		return js.Null(), nil
	})
	w.method(w.protos.document, "createAttribute", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if !validName(name, false) {
			return js.Undefined(), w.domError("InvalidCharacterError", "'"+name+"' is not a valid attribute name.")
		}
		if !w.xmlDocs[d] {
			name = toLowerASCII(name)
		}
		return w.RT.NewHostObject(w.protos.attr, &attrRef{name: name, ownerDoc: d}), nil
	})
}

package bindings

import (
	"strings"
	"unicode"

	"glassbox/engine/css"
	"glassbox/engine/dom"
	"glassbox/engine/html"
	"glassbox/js"
)

// attrName normalises an attribute name for an HTML element.
func (w *Window) attrName(el *dom.Node, name string) string {
	if w.isHTML(el) {
		return strings.ToLower(name)
	}
	return name
}

func (w *Window) findAttr(el *dom.Node, name string) int {
	name = w.attrName(el, name)
	for i, a := range el.Attrs {
		q := a.Name
		if a.Namespace == "http://www.w3.org/1999/xlink" && !strings.Contains(a.Name, ":") {
			q = "xlink:" + a.Name
		}
		if q == name {
			return i
		}
	}
	return -1
}

// setAttr sets an attribute, keeping the name's case for non-HTML
// elements.
func (w *Window) setAttr(el *dom.Node, name, value string) {
	if i := w.findAttr(el, name); i >= 0 {
		w.recordAttr(el, el.Attrs[i].Name, el.Attrs[i].Namespace, el.Attrs[i].Value, true)
		el.Attrs[i].Value = value
	} else {
		w.recordAttr(el, w.attrName(el, name), "", "", false)
		el.Attrs = append(el.Attrs, dom.Attr{Name: w.attrName(el, name), Value: value})
	}
	w.mutated()
	if w.onFrame != nil && el.IsElement("iframe") && w.attrName(el, name) == "src" && root(el).Type == dom.DocumentNode {
		w.onFrame(el)
	}
}

func (w *Window) removeAttr(el *dom.Node, name string) {
	if i := w.findAttr(el, name); i >= 0 {
		w.recordAttr(el, el.Attrs[i].Name, el.Attrs[i].Namespace, el.Attrs[i].Value, true)
		el.Attrs = append(el.Attrs[:i:i], el.Attrs[i+1:]...)
		w.mutated()
	}
}

func (w *Window) getAttr(el *dom.Node, name string) (string, bool) {
	if i := w.findAttr(el, name); i >= 0 {
		return el.Attrs[i].Value, true
	}
	return "", false
}

// validName reports whether s is a valid element or attribute name, by
// the DOM standard's relaxed 2025 rules: not empty, no ASCII whitespace,
// NUL, / or >; an element name starts with a letter (or is not ASCII).
func validName(s string, element bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r == 0 || r == '/' || r == '>' || isASCIISpace(r) || (!element && r == '=') {
			return false
		}
	}
	if element {
		r := rune(s[0])
		return r >= 0x80 || unicode.IsLetter(r) && r < 0x80
	}
	return true
}

func (w *Window) installElement(proto js.Value) {
	str := func(name string, f func(w *Window, n *dom.Node) string) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			return strVal(f(w, n)), nil
		}, nil)
	}
	str("tagName", func(w *Window, n *dom.Node) string { return w.tagName(n) })
	str("localName", func(w *Window, n *dom.Node) string { return n.TagName })
	w.attr(proto, "namespaceURI", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if ns := namespaceOf(n); ns != "" {
			return strVal(ns), nil
		}
		return js.Null(), nil
	}, nil)
	w.attr(proto, "prefix", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil || n.Prefix == "" {
			return js.Null(), err
		}
		return strVal(n.Prefix), nil
	}, nil)
	reflect := func(prop, attr string) {
		w.attr(proto, prop, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			v, _ := w.getAttr(n, attr)
			return strVal(v), nil
		}, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			s, err := w.str(c, 0)
			if err != nil {
				return js.Undefined(), err
			}
			w.setAttr(n, attr, s)
			return js.Undefined(), nil
		})
	}
	reflect("id", "id")
	reflect("className", "class")
	w.attr(proto, "classList", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.cached(n, "classList", func() js.Value {
			return w.RT.NewHostObject(w.protos.tokenList, &tokenList{w: w, el: n, attr: "class"})
		}), nil
	}, w.attrSetter("class"))
	w.method(proto, "getAttribute", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if v, ok := w.getAttr(n, name); ok {
			return strVal(v), nil
		}
		return js.Null(), nil
	})
	w.method(proto, "getAttributeNS", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, _ := w.strOrNull(c.Arg(0))
		name, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		for _, a := range n.Attrs {
			if a.Namespace == ns && a.Name == name {
				return strVal(a.Value), nil
			}
		}
		return js.Null(), nil
	})
	w.method(proto, "hasAttribute", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		_, ok := w.getAttr(n, name)
		return js.Bool(ok), nil
	})
	w.method(proto, "hasAttributes", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Bool(len(n.Attrs) > 0), nil
	})
	w.method(proto, "getAttributeNames", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		var out []js.Value
		for _, a := range n.Attrs {
			out = append(out, strVal(a.Name))
		}
		return w.RT.NewArray(out...), nil
	})
	w.method(proto, "setAttribute", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if len(c.Args) < 2 {
			return js.Undefined(), w.typeError("Failed to execute 'setAttribute' on 'Element': 2 arguments required.")
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if !validName(name, false) {
			return js.Undefined(), w.domError("InvalidCharacterError", "'"+name+"' is not a valid attribute name.")
		}
		v, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		w.setAttr(n, name, v)
		return js.Undefined(), nil
	})
	w.method(proto, "setAttributeNS", 3, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, _ := w.strOrNull(c.Arg(0))
		q, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		v, err := w.str(c, 2)
		if err != nil {
			return js.Undefined(), err
		}
		_, local, ok := strings.Cut(q, ":")
		if !ok {
			local = q
		}
		for i, a := range n.Attrs {
			if a.Namespace == ns && a.Name == local {
				w.recordAttr(n, local, ns, a.Value, true)
				n.Attrs[i].Value = v
				w.mutated()
				return js.Undefined(), nil
			}
		}
		w.recordAttr(n, local, ns, "", false)
		n.Attrs = append(n.Attrs, dom.Attr{Namespace: ns, Name: local, Value: v})
		w.mutated()
		return js.Undefined(), nil
	})
	w.method(proto, "removeAttribute", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		w.removeAttr(n, name)
		return js.Undefined(), nil
	})
	w.method(proto, "removeAttributeNS", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, _ := w.strOrNull(c.Arg(0))
		local, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		for i, a := range n.Attrs {
			if a.Namespace == ns && a.Name == local {
				w.recordAttr(n, local, ns, a.Value, true)
				n.Attrs = append(n.Attrs[:i:i], n.Attrs[i+1:]...)
				w.mutated()
				break
			}
		}
		return js.Undefined(), nil
	})
	w.method(proto, "hasAttributeNS", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, _ := w.strOrNull(c.Arg(0))
		local, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		for _, a := range n.Attrs {
			if a.Namespace == ns && a.Name == local {
				return js.Bool(true), nil
			}
		}
		return js.Bool(false), nil
	})
	w.method(proto, "toggleAttribute", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
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
		_, has := w.getAttr(n, name)
		force, forced := truthy(c.Arg(1)), len(c.Args) > 1 && !c.Arg(1).IsUndefined()
		switch {
		case has && (!forced || !force):
			w.removeAttr(n, name)
			return js.Bool(false), nil
		case !has && (!forced || force):
			w.setAttr(n, name, "")
			return js.Bool(true), nil
		}
		return js.Bool(has), nil
	})
	w.method(proto, "matches", 1, w.matches)
	w.method(proto, "webkitMatchesSelector", 1, w.matches)
	w.method(proto, "closest", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		sels, err := w.selectors(c)
		if err != nil {
			return js.Undefined(), err
		}
		for m := n; m != nil && m.Type == dom.ElementNode; m = m.Parent {
			if css.MatchesAny(sels, m) {
				return w.wrap(m), nil
			}
		}
		return js.Null(), nil
	})
	w.attr(proto, "innerHTML", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(html.SerializeChildren(n)), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		frag, err := w.parseFragment(n, s)
		if err != nil {
			return js.Undefined(), err
		}
		w.replaceAll(n, frag)
		return js.Undefined(), nil
	})
	w.attr(proto, "outerHTML", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(serialize(n)), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		parent := n.Parent
		if parent == nil {
			return js.Undefined(), nil
		}
		if parent.Type == dom.DocumentNode {
			return js.Undefined(), w.domError("NoModificationAllowedError", "The element's parent is the document.")
		}
		s, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		ctx := parent
		if ctx.Type == dom.FragmentNode {
			ctx = n.OwnerDocument.CreateElement("body")
		}
		frag, err := w.parseFragment(ctx, s)
		if err != nil {
			return js.Undefined(), err
		}
		added := toInsert(frag)
		prev, next := n.PrevSibling, n.NextSibling
		parent.ReplaceChild(frag, n)
		w.recordChildList(parent, added, []*dom.Node{n}, prev, next)
		w.mutated()
		return js.Undefined(), nil
	})
	w.method(proto, "insertAdjacentHTML", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		pos, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		pos = strings.ToLower(pos)
		ctx := n
		if pos == "beforebegin" || pos == "afterend" {
			ctx = n.Parent
			if ctx == nil || ctx.Type == dom.DocumentNode {
				return js.Undefined(), w.domError("NoModificationAllowedError", "The element has no parent.")
			}
		}
		frag, err := w.parseFragment(ctx, s)
		if err != nil {
			return js.Undefined(), err
		}
		if err := w.insertAdjacent(n, pos, frag); err != nil {
			return js.Undefined(), err
		}
		w.mutated()
		return js.Undefined(), nil
	})
	adj := func(name string, text bool) {
		w.method(proto, name, 2, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			pos, err := w.str(c, 0)
			if err != nil {
				return js.Undefined(), err
			}
			var node *dom.Node
			if text {
				s, err := w.str(c, 1)
				if err != nil {
					return js.Undefined(), err
				}
				node = n.OwnerDocument.CreateTextNode(s)
			} else if node, err = w.nodeArg(c, 1, false); err != nil {
				return js.Undefined(), err
			}
			if (strings.EqualFold(pos, "beforebegin") || strings.EqualFold(pos, "afterend")) && n.Parent == nil {
				return js.Null(), nil
			}
			nodes := toInsert(node)
			if err := w.insertAdjacent(n, strings.ToLower(pos), node); err != nil {
				return js.Undefined(), err
			}
			w.inserted(nodes)
			if text {
				return js.Undefined(), nil
			}
			return w.wrap(node), nil
		})
	}
	adj("insertAdjacentElement", false)
	adj("insertAdjacentText", true)
	w.method(proto, "getBoundingClientRect", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		x, y, wd, h, _ := w.host.LayoutBox(n)
		return w.rect(x, y, wd, h), nil
	})
	w.method(proto, "getClientRects", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		x, y, wd, h, ok := w.host.LayoutBox(n)
		if !ok {
			return w.RT.NewArray(), nil
		}
		return w.RT.NewArray(w.rect(x, y, wd, h)), nil
	})
	geom := func(name string, f func(x, y, w, h float32) float32) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			x, y, wd, h, _ := w.host.LayoutBox(n)
			v := f(x, y, wd, h)
			if strings.HasPrefix(name, "offset") || strings.HasPrefix(name, "client") {
				v = float32(int(v + 0.5))
			}
			return js.Number(float64(v)), nil
		}, nil)
	}
	geom("clientWidth", func(x, y, wd, h float32) float32 { return wd })
	geom("clientHeight", func(x, y, wd, h float32) float32 { return h })
	geom("clientTop", func(x, y, wd, h float32) float32 { return 0 })
	geom("clientLeft", func(x, y, wd, h float32) float32 { return 0 })
	geom("scrollWidth", func(x, y, wd, h float32) float32 { return wd })
	geom("scrollHeight", func(x, y, wd, h float32) float32 { return h })
	for _, name := range []string{"scrollTop", "scrollLeft"} {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) { return js.Number(0), nil },
			func(c *js.Call) (js.Value, error) { return js.Undefined(), nil })
	}
}

// rect makes a DOMRect-like object.
func (w *Window) rect(x, y, wd, h float32) js.Value {
	o := w.RT.NewObject()
	set := func(k string, v float32) { w.RT.SetProperty(o, k, js.Number(float64(v))) }
	set("x", x)
	set("y", y)
	set("left", x)
	set("top", y)
	set("width", wd)
	set("height", h)
	set("right", x+wd)
	set("bottom", y+h)
	return o
}

func (w *Window) insertAdjacent(n *dom.Node, pos string, node *dom.Node) error {
	var err error
	switch pos {
	case "beforebegin":
		err = w.insert(n.Parent, node, n)
	case "afterbegin":
		err = w.insert(n, node, n.FirstChild)
	case "beforeend":
		err = w.insert(n, node, nil)
	case "afterend":
		err = w.insert(n.Parent, node, n.NextSibling)
	default:
		return w.domError("SyntaxError", "'"+pos+"' is not a valid position.")
	}
	return w.fromDOM(err)
}

func (w *Window) matches(c *js.Call) (js.Value, error) {
	n, err := w.this(c)
	if err != nil {
		return js.Undefined(), err
	}
	sels, err := w.selectors(c)
	if err != nil {
		return js.Undefined(), err
	}
	return js.Bool(css.MatchesAny(sels, n)), nil
}

func (w *Window) installHTMLElement(proto js.Value) {
	w.attr(proto, "style", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.cached(n, "style", func() js.Value {
			return w.RT.NewHostObject(w.protos.style, &inlineStyle{w: w, el: n})
		}), nil
	}, w.attrSetter("style"))
	w.attr(proto, "dataset", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.cached(n, "dataset", func() js.Value { return w.dataset(n) }), nil
	}, nil)
	for _, name := range []string{"title", "lang", "dir"} {
		w.reflectString(proto, name, name)
	}
	w.attr(proto, "hidden", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Bool(n.HasAttribute("hidden")), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if truthy(c.Arg(0)) {
			w.setAttr(n, "hidden", "")
		} else {
			w.removeAttr(n, "hidden")
		}
		return js.Undefined(), nil
	})
	w.attr(proto, "innerText", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(n.TextContent()), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		n.SetTextContent(s)
		w.mutated()
		return js.Undefined(), nil
	})
	offset := func(name string, f func(x, y, wd, h float32) float32) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			x, y, wd, h, _ := w.host.LayoutBox(n)
			return js.Number(float64(int(f(x, y, wd, h) + 0.5))), nil
		}, nil)
	}
	offset("offsetLeft", func(x, y, wd, h float32) float32 { return x })
	offset("offsetTop", func(x, y, wd, h float32) float32 { return y })
	offset("offsetWidth", func(x, y, wd, h float32) float32 { return wd })
	offset("offsetHeight", func(x, y, wd, h float32) float32 { return h })
	w.attr(proto, "offsetParent", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if b := n.OwnerDocument.FirstElement("body"); b != nil && b != n && root(n).Type == dom.DocumentNode {
			return w.wrap(b), nil
		}
		return js.Null(), nil
	}, nil)
	for _, name := range []string{"focus", "blur"} {
		w.method(proto, name, 0, func(c *js.Call) (js.Value, error) { return js.Undefined(), nil })
	}
}

func (w *Window) reflectString(proto js.Value, prop, attr string) {
	w.attr(proto, prop, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		v, _ := w.getAttr(n, attr)
		return strVal(v), nil
	}, w.attrSetter(attr))
}

// dataset returns the element's DOMStringMap: its named properties are
// the data-* attributes, read and written live.
func (w *Window) dataset(n *dom.Node) js.Value {
	return w.RT.NewHostObject(w.protos.domStringMap, &stringMap{w: w, el: n})
}

// stringMap is a DOMStringMap over an element's data-* attributes.
type stringMap struct {
	w  *Window
	el *dom.Node
}

func (m *stringMap) NamedGet(key string) (js.Value, bool) {
	if v, ok := m.el.Attribute("data-" + kebab(key)); ok && !hasDashLower(key) {
		return strVal(v), true
	}
	return js.Undefined(), false
}

func (m *stringMap) NamedSet(key string, v js.Value) (bool, error) {
	if hasDashLower(key) {
		return false, m.w.domError("SyntaxError", "'"+key+"' is not a valid property name.")
	}
	s, err := m.w.RT.ToString(v)
	if err != nil {
		return true, err
	}
	m.w.setAttr(m.el, "data-"+kebab(key), s)
	return true, nil
}

func (m *stringMap) NamedDelete(key string) bool {
	name := "data-" + kebab(key)
	if _, ok := m.el.Attribute(name); !ok {
		return false
	}
	m.w.removeAttr(m.el, name)
	return true
}

func (m *stringMap) NamedKeys() []string {
	var out []string
	for _, a := range m.el.Attrs {
		if a.Namespace == "" && strings.HasPrefix(a.Name, "data-") {
			out = append(out, camel(a.Name[5:]))
		}
	}
	return out
}

// hasDashLower reports a "-" followed by a lower-case letter, which a
// dataset name may not contain.
func hasDashLower(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '-' && s[i+1] >= 'a' && s[i+1] <= 'z' {
			return true
		}
	}
	return false
}

// camel turns foo-bar into fooBar; kebab does the reverse.
func camel(s string) string {
	var b strings.Builder
	up := false
	for _, r := range s {
		if r == '-' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		} else if up {
			b.WriteByte('-')
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

func kebab(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('-')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tokenList is a DOMTokenList over an attribute (classList).
type tokenList struct {
	w    *Window
	el   *dom.Node
	attr string
}

func (t *tokenList) tokens() []string {
	v, _ := t.w.getAttr(t.el, t.attr)
	var out []string
	for _, f := range strings.FieldsFunc(v, isASCIISpace) {
		dup := false
		for _, o := range out {
			if o == f {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

func (t *tokenList) IndexedLength() int { return len(t.tokens()) }

func (t *tokenList) IndexedGet(i int) (js.Value, bool) {
	ts := t.tokens()
	if i < 0 || i >= len(ts) {
		return js.Undefined(), false
	}
	return strVal(ts[i]), true
}

func (t *tokenList) update(ts []string) {
	if _, ok := t.w.getAttr(t.el, t.attr); !ok && len(ts) == 0 {
		return
	}
	t.w.setAttr(t.el, t.attr, strings.Join(ts, " "))
}

func (w *Window) installTokenList(proto js.Value) {
	this := func(c *js.Call) (*tokenList, error) {
		if t, ok := js.HostData(c.This).(*tokenList); ok {
			return t, nil
		}
		return nil, w.typeError("Illegal invocation")
	}
	check := func(s string) error {
		if s == "" {
			return w.domError("SyntaxError", "The token provided must not be empty.")
		}
		if strings.IndexFunc(s, isASCIISpace) >= 0 {
			return w.domError("InvalidCharacterError", "The token provided ('"+s+"') contains HTML space characters, which are not valid in tokens.")
		}
		return nil
	}
	args := func(c *js.Call) ([]string, error) {
		var out []string
		for i := range c.Args {
			s, err := w.str(c, i)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		for _, s := range out {
			if err := check(s); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	index := func(ts []string, s string) int {
		for i, t := range ts {
			if t == s {
				return i
			}
		}
		return -1
	}
	w.attr(proto, "length", func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Number(float64(len(t.tokens()))), nil
	}, nil)
	value := func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		v, _ := w.getAttr(t.el, t.attr)
		return strVal(v), nil
	}
	w.attr(proto, "value", value, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		w.setAttr(t.el, t.attr, s)
		return js.Undefined(), nil
	})
	w.method(proto, "toString", 0, value)
	w.method(proto, "item", 1, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		f, err := w.RT.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		ts := t.tokens()
		i := int64(uint32(int64(f)))
		if f != f {
			i = 0
		}
		if i >= int64(len(ts)) {
			return js.Null(), nil
		}
		return strVal(ts[i]), nil
	})
	w.method(proto, "contains", 1, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Bool(index(t.tokens(), s) >= 0), nil
	})
	w.method(proto, "add", 0, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		add, err := args(c)
		if err != nil {
			return js.Undefined(), err
		}
		ts := t.tokens()
		for _, s := range add {
			if index(ts, s) < 0 {
				ts = append(ts, s)
			}
		}
		t.update(ts)
		return js.Undefined(), nil
	})
	w.method(proto, "remove", 0, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		rm, err := args(c)
		if err != nil {
			return js.Undefined(), err
		}
		ts := t.tokens()
		for _, s := range rm {
			if i := index(ts, s); i >= 0 {
				ts = append(ts[:i:i], ts[i+1:]...)
			}
		}
		t.update(ts)
		return js.Undefined(), nil
	})
	w.method(proto, "toggle", 1, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if err := check(s); err != nil {
			return js.Undefined(), err
		}
		ts := t.tokens()
		forced := len(c.Args) > 1 && !c.Arg(1).IsUndefined()
		force := truthy(c.Arg(1))
		if i := index(ts, s); i >= 0 {
			if !forced || !force {
				t.update(append(ts[:i:i], ts[i+1:]...))
				return js.Bool(false), nil
			}
			return js.Bool(true), nil
		}
		if !forced || force {
			t.update(append(ts, s))
			return js.Bool(true), nil
		}
		return js.Bool(false), nil
	})
	w.method(proto, "replace", 2, func(c *js.Call) (js.Value, error) {
		t, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if len(c.Args) < 2 {
			return js.Undefined(), w.typeError("Failed to execute 'replace' on 'DOMTokenList': 2 arguments required.")
		}
		old, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		nw, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		// Both tokens are checked for emptiness before either is for
		// white space.
		if old == "" || nw == "" {
			return js.Undefined(), w.domError("SyntaxError", "The token provided must not be empty.")
		}
		if err := check(old); err != nil {
			return js.Undefined(), err
		}
		if err := check(nw); err != nil {
			return js.Undefined(), err
		}
		ts := t.tokens()
		i := index(ts, old)
		if i < 0 {
			return js.Bool(false), nil
		}
		if j := index(ts, nw); j >= 0 {
			// The new token is already there: it stays at the first of
			// the two places.
			ts[i] = nw
			out := ts[:0:0]
			for k, x := range ts {
				if x == nw && k != min(i, j) {
					continue
				}
				out = append(out, x)
			}
			ts = out
		} else {
			ts[i] = nw
		}
		t.update(ts)
		return js.Bool(true), nil
	})
	w.method(proto, "supports", 1, func(c *js.Call) (js.Value, error) {
		return js.Undefined(), w.typeError("DOMTokenList has no supported tokens.")
	})
}

// inlineStyle is an element's style attribute as a CSSStyleDeclaration.
type inlineStyle struct {
	w  *Window
	el *dom.Node
}

func (s *inlineStyle) decls() []css.Declaration {
	return css.ParseDeclarations(s.el.AttributeOr("style"))
}

func (s *inlineStyle) write(ds []css.Declaration) {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.String())
	}
	s.w.setAttr(s.el, "style", strings.Join(parts, "; "))
}

func (s *inlineStyle) get(prop string) string {
	v := ""
	for _, d := range s.decls() {
		if d.Property == prop {
			v = css.TokensString(d.Value)
			if d.Important {
				v += " !important"
			}
		}
	}
	return strings.TrimSpace(strings.TrimSuffix(v, " !important"))
}

func (s *inlineStyle) set(prop, value string) {
	var out []css.Declaration
	for _, d := range s.decls() {
		if d.Property != prop {
			out = append(out, d)
		}
	}
	if strings.TrimSpace(value) != "" {
		if nd := css.ParseDeclarations(prop + ":" + value); len(nd) > 0 {
			out = append(out, nd...)
		}
	}
	s.write(out)
}

// styleProperties are the camelCase names element.style offers as
// properties; getPropertyValue and setProperty take any name.
var styleProperties = []string{
	"color", "background", "background-color", "background-image", "display", "position", "top", "left", "right", "bottom",
	"width", "height", "min-width", "min-height", "max-width", "max-height", "margin", "margin-top", "margin-right",
	"margin-bottom", "margin-left", "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
	"border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-width",
	"border-style", "border-radius", "font", "font-family", "font-size", "font-weight", "font-style", "line-height",
	"text-align", "text-decoration", "text-transform", "white-space", "visibility", "opacity", "overflow",
	"float", "clear", "z-index", "transform", "transition", "cursor", "list-style", "list-style-type",
	"vertical-align", "letter-spacing", "word-spacing", "box-sizing", "outline", "content", "flex", "gap",
}

func (w *Window) installStyle(proto js.Value) {
	this := func(c *js.Call) (*inlineStyle, error) {
		if s, ok := js.HostData(c.This).(*inlineStyle); ok {
			return s, nil
		}
		return nil, w.typeError("Illegal invocation")
	}
	for _, prop := range styleProperties {
		w.attr(proto, camel(prop), func(c *js.Call) (js.Value, error) {
			s, err := this(c)
			if err != nil {
				return js.Undefined(), err
			}
			return strVal(s.get(prop)), nil
		}, func(c *js.Call) (js.Value, error) {
			s, err := this(c)
			if err != nil {
				return js.Undefined(), err
			}
			v, err := w.strOrNull(c.Arg(0))
			if err != nil {
				return js.Undefined(), err
			}
			s.set(prop, v)
			return js.Undefined(), nil
		})
	}
	w.attr(proto, "cssText", func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(s.el.AttributeOr("style")), nil
	}, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		v, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		w.setAttr(s.el, "style", v)
		return js.Undefined(), nil
	})
	w.method(proto, "getPropertyValue", 1, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		p, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(s.get(strings.ToLower(p))), nil
	})
	w.method(proto, "setProperty", 2, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		p, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		v, err := w.strOrNull(c.Arg(1))
		if err != nil {
			return js.Undefined(), err
		}
		if pr, _ := w.RT.ToString(c.Arg(2)); strings.EqualFold(pr, "important") {
			v += " !important"
		}
		s.set(strings.ToLower(p), v)
		return js.Undefined(), nil
	})
	w.method(proto, "removeProperty", 1, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		p, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		old := s.get(strings.ToLower(p))
		s.set(strings.ToLower(p), "")
		return strVal(old), nil
	})
}

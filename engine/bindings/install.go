package bindings

import (
	"strings"

	"glassbox/engine/dom"
	"glassbox/engine/html"
	"glassbox/js"
)

// install builds the interfaces, the window's globals and runs the
// prelude.
func (w *Window) install() error {
	w.objCache = map[cacheKey]js.Value{}
	rt := w.RT
	global := rt.Global()
	p := &w.protos
	p.eventTarget = w.class("EventTarget", js.Undefined(), func(c *js.Call) (js.Value, error) {
		return rt.NewHostObject(w.protos.eventTarget, nil), nil
	})
	p.window = w.class("Window", p.eventTarget, nil)
	rt.SetPrototype(global, p.window)
	for _, name := range []string{"window", "self", "parent", "top"} {
		rt.Set(name, global)
	}

	p.node = w.class("Node", p.eventTarget, nil)
	w.installNode(p.node)
	p.characterData = w.class("CharacterData", p.node, nil)
	w.installCharacterData(p.characterData)
	p.text = w.class("Text", p.characterData, func(c *js.Call) (js.Value, error) {
		s := ""
		if !c.Arg(0).IsUndefined() {
			var err error
			if s, err = w.str(c, 0); err != nil {
				return js.Undefined(), err
			}
		}
		return w.wrap(w.Doc.CreateTextNode(s)), nil
	})
	w.installText(p.text)
	p.comment = w.class("Comment", p.characterData, func(c *js.Call) (js.Value, error) {
		s := ""
		if !c.Arg(0).IsUndefined() {
			var err error
			if s, err = w.str(c, 0); err != nil {
				return js.Undefined(), err
			}
		}
		return w.wrap(w.Doc.CreateComment(s)), nil
	})
	p.element = w.class("Element", p.node, nil)
	w.installElement(p.element)
	w.installParentNode(p.element)
	w.installChildNode(p.element)
	w.installChildNode(p.characterData)
	p.htmlElement = w.class("HTMLElement", p.element, nil)
	w.installHTMLElement(p.htmlElement)
	w.installHTMLInterfaces()
	p.document = w.class("Document", p.node, func(c *js.Call) (js.Value, error) {
		d := dom.NewDocument()
		w.xmlDocs[d] = true
		return w.wrap(d), nil
	})
	w.installDocument(p.document)
	w.installParentNode(p.document)
	p.fragment = w.class("DocumentFragment", p.node, func(c *js.Call) (js.Value, error) {
		return w.wrap(w.Doc.CreateDocumentFragment()), nil
	})
	w.installParentNode(p.fragment)
	w.method(p.fragment, "getElementById", 1, w.getElementByID)
	p.doctype = w.class("DocumentType", p.node, nil)
	w.installChildNode(p.doctype)
	for _, name := range []string{"name", "publicId", "systemId"} {
		w.attr(p.doctype, name, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			switch name {
			case "name":
				return strVal(n.TagName), nil
			case "publicId":
				return strVal(n.PublicID), nil
			}
			return strVal(n.SystemID), nil
		}, nil)
	}
	p.nodeList = w.class("NodeList", js.Undefined(), nil)
	p.collection = w.class("HTMLCollection", js.Undefined(), nil)
	for _, proto := range []js.Value{p.nodeList, p.collection} {
		w.installCollection(proto)
	}
	w.method(p.collection, "namedItem", 1, func(c *js.Call) (js.Value, error) {
		col, ok := js.HostData(c.This).(*collection)
		if !ok {
			return js.Undefined(), w.typeError("Illegal invocation")
		}
		name, err := w.str(c, 0)
		if err != nil || name == "" {
			return js.Null(), err
		}
		for _, n := range col.nodes() {
			if n.ID() == name || (w.isHTML(n) && n.AttributeOr("name") == name) {
				return w.wrap(n), nil
			}
		}
		return js.Null(), nil
	})
	p.tokenList = w.class("DOMTokenList", js.Undefined(), nil)
	w.installTokenList(p.tokenList)
	p.style = w.class("CSSStyleDeclaration", js.Undefined(), nil)
	w.installStyle(p.style)
	p.domStringMap = w.class("DOMStringMap", js.Undefined(), nil)
	p.implementation = w.class("DOMImplementation", js.Undefined(), nil)

	w.installAttr()
	w.installComputedStyle()
	w.installWindow()
	return w.runPrelude()
}

func (w *Window) installCollection(proto js.Value) {
	w.attr(proto, "length", func(c *js.Call) (js.Value, error) {
		col, ok := js.HostData(c.This).(*collection)
		if !ok {
			return js.Undefined(), w.typeError("Illegal invocation")
		}
		return js.Number(float64(len(col.nodes()))), nil
	}, nil)
	w.method(proto, "item", 1, func(c *js.Call) (js.Value, error) {
		col, ok := js.HostData(c.This).(*collection)
		if !ok {
			return js.Undefined(), w.typeError("Illegal invocation")
		}
		f, err := w.RT.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		i := int64(uint32(int64(f)))
		ns := col.nodes()
		if f != f || i >= int64(len(ns)) {
			return js.Null(), nil
		}
		return w.wrap(ns[i]), nil
	})
}

func (w *Window) installNode(proto js.Value) {
	rt := w.RT
	for i, name := range []string{"ELEMENT_NODE", "ATTRIBUTE_NODE", "TEXT_NODE", "CDATA_SECTION_NODE", "ENTITY_REFERENCE_NODE", "ENTITY_NODE", "PROCESSING_INSTRUCTION_NODE", "COMMENT_NODE", "DOCUMENT_NODE", "DOCUMENT_TYPE_NODE", "DOCUMENT_FRAGMENT_NODE", "NOTATION_NODE"} {
		rt.DefineConstant(proto, name, js.Number(float64(i+1)))
		ctor, _ := rt.GetProperty(proto, "constructor")
		rt.DefineConstant(ctor, name, js.Number(float64(i+1)))
	}
	for i, name := range []string{"DOCUMENT_POSITION_DISCONNECTED", "DOCUMENT_POSITION_PRECEDING", "DOCUMENT_POSITION_FOLLOWING", "DOCUMENT_POSITION_CONTAINS", "DOCUMENT_POSITION_CONTAINED_BY", "DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC"} {
		rt.DefineConstant(proto, name, js.Number(float64(int(1)<<i)))
		ctor, _ := rt.GetProperty(proto, "constructor")
		rt.DefineConstant(ctor, name, js.Number(float64(int(1)<<i)))
	}
	get := func(name string, f func(n *dom.Node) js.Value) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			return f(n), nil
		}, nil)
	}
	get("nodeType", func(n *dom.Node) js.Value { return js.Number(float64(n.Type)) })
	get("nodeName", func(n *dom.Node) js.Value { return strVal(nodeName(w, n)) })
	get("parentNode", func(n *dom.Node) js.Value { return w.wrap(n.Parent) })
	get("parentElement", func(n *dom.Node) js.Value { return w.wrap(n.ParentElement()) })
	get("firstChild", func(n *dom.Node) js.Value { return w.wrap(n.FirstChild) })
	get("lastChild", func(n *dom.Node) js.Value { return w.wrap(n.LastChild) })
	get("previousSibling", func(n *dom.Node) js.Value { return w.wrap(n.PrevSibling) })
	get("nextSibling", func(n *dom.Node) js.Value { return w.wrap(n.NextSibling) })
	get("ownerDocument", func(n *dom.Node) js.Value {
		if n.Type == dom.DocumentNode {
			return js.Null()
		}
		return w.wrap(n.OwnerDocument)
	})
	get("isConnected", func(n *dom.Node) js.Value { return js.Bool(root(n).Type == dom.DocumentNode) })
	get("baseURI", func(n *dom.Node) js.Value { return strVal(w.URL.String()) })
	get("childNodes", func(n *dom.Node) js.Value {
		return w.cached(n, "childNodes", func() js.Value { return w.nodeList(childNodes(n)) })
	})
	nodeValue := func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if n.Type == dom.TextNode || n.Type == dom.CommentNode {
			return strVal(n.Data), nil
		}
		return js.Null(), nil
	}
	setData := func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if n.Type != dom.TextNode && n.Type != dom.CommentNode {
			return js.Undefined(), nil
		}
		s, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		w.recordData(n, n.Data)
		n.Data = s
		w.mutated()
		return js.Undefined(), nil
	}
	w.attr(proto, "nodeValue", nodeValue, setData)
	w.attr(proto, "textContent", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if n.Type == dom.DocumentNode || n.Type == dom.DoctypeNode {
			return js.Null(), nil
		}
		return strVal(n.TextContent()), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		switch n.Type {
		case dom.ElementNode, dom.FragmentNode:
			var t *dom.Node
			if s != "" {
				t = n.OwnerDocument.CreateTextNode(s)
			}
			w.replaceAll(n, t)
		case dom.TextNode, dom.CommentNode:
			w.recordData(n, n.Data)
			n.Data = s
		}
		w.mutated()
		return js.Undefined(), nil
	})
	w.method(proto, "hasChildNodes", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Bool(n.FirstChild != nil), nil
	})
	w.method(proto, "getRootNode", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(root(n)), nil
	})
	w.method(proto, "appendChild", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		child, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		nodes := toInsert(child)
		if err := w.insert(n, child, nil); err != nil {
			return js.Undefined(), w.fromDOM(err)
		}
		w.inserted(nodes)
		return c.Arg(0), nil
	})
	w.method(proto, "insertBefore", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		child, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		if len(c.Args) < 2 {
			return js.Undefined(), w.typeError("Failed to execute 'insertBefore' on 'Node': 2 arguments required, but only 1 present.")
		}
		ref, err := w.nodeArg(c, 1, true)
		if err != nil {
			return js.Undefined(), err
		}
		nodes := toInsert(child)
		if err := w.insert(n, child, ref); err != nil {
			return js.Undefined(), w.fromDOM(err)
		}
		w.inserted(nodes)
		return c.Arg(0), nil
	})
	w.method(proto, "removeChild", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		child, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		if child.Parent != n {
			return js.Undefined(), w.fromDOM(dom.ErrNotFound)
		}
		w.remove(child)
		w.mutated()
		return c.Arg(0), nil
	})
	w.method(proto, "replaceChild", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		nc, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		old, err := w.nodeArg(c, 1, false)
		if err != nil {
			return js.Undefined(), err
		}
		nodes := toInsert(nc)
		oldParent, oldPrev, oldNext := nc.Parent, nc.PrevSibling, nc.NextSibling
		prev, next := old.PrevSibling, old.NextSibling
		if err := n.ReplaceChild(nc, old); err != nil {
			return js.Undefined(), w.fromDOM(err)
		}
		if old != nc {
			if nc.Type == dom.FragmentNode {
				w.recordChildList(nc, nil, nodes, nil, nil)
			} else if oldParent != nil {
				w.recordChildList(oldParent, nil, nodes, oldPrev, oldNext)
			}
			if prev == nc {
				prev = nc.PrevSibling
			}
			if next == nc {
				next = nc.NextSibling
			}
			w.recordChildList(n, nodes, []*dom.Node{old}, prev, next)
		}
		w.mutated()
		w.inserted(nodes)
		return c.Arg(1), nil
	})
	w.method(proto, "cloneNode", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if n.Type == dom.DocumentNode {
			d := n.CloneNode(truthy(c.Arg(0)))
			if w.xmlDocs[n] {
				w.xmlDocs[d] = true
			}
			return w.wrap(d), nil
		}
		return w.wrap(n.CloneNode(truthy(c.Arg(0)))), nil
	})
	w.method(proto, "contains", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		o, err := w.nodeArg(c, 0, true)
		if err != nil || o == nil {
			return js.Bool(false), err
		}
		return js.Bool(n.Contains(o)), nil
	})
	w.method(proto, "isSameNode", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		o, err := w.nodeArg(c, 0, true)
		return js.Bool(o == n), err
	})
	w.method(proto, "isEqualNode", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		o, err := w.nodeArg(c, 0, true)
		if err != nil || o == nil {
			return js.Bool(false), err
		}
		return js.Bool(equalNodes(n, o)), nil
	})
	w.method(proto, "compareDocumentPosition", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		o, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Number(float64(comparePosition(n, o))), nil
	})
	w.method(proto, "normalize", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		w.normalize(n)
		w.mutated()
		return js.Undefined(), nil
	})
	w.method(proto, "lookupNamespaceURI", 1, func(c *js.Call) (js.Value, error) { return js.Null(), nil })
	w.method(proto, "isDefaultNamespace", 1, func(c *js.Call) (js.Value, error) { return js.Bool(false), nil })
}

// inserted runs after a node enters a tree: scripts inserted into a
// document run (HTML's "prepare the script element").
func (w *Window) inserted(nodes []*dom.Node) {
	w.mutated()
	if w.onInsert == nil && w.onFrame == nil {
		return
	}
	var scripts, frames []*dom.Node
	for _, n := range nodes {
		if root(n).Type != dom.DocumentNode {
			continue
		}
		if w.onFrame != nil {
			n.Walk(func(m *dom.Node) bool {
				if m.IsElement("iframe") {
					frames = append(frames, m)
				}
				return true
			})
		}
		// A connected script that gets its first text runs then (HTML's
		// "children changed steps").
		if p := n.Parent; p != nil && p.IsElement("script") {
			scripts = append(scripts, p)
		}
		n.Walk(func(m *dom.Node) bool {
			if m.IsElement("script") {
				scripts = append(scripts, m)
			}
			return true
		})
	}
	for _, s := range scripts {
		if w.onInsert != nil {
			w.onInsert(s)
		}
	}
	for _, f := range frames {
		w.onFrame(f)
	}
}

// toInsert lists the nodes an insertion of n puts in the tree: a
// fragment's children, or n.
func toInsert(n *dom.Node) []*dom.Node {
	if n.Type == dom.FragmentNode {
		return n.Children()
	}
	return []*dom.Node{n}
}

func root(n *dom.Node) *dom.Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

func equalNodes(a, b *dom.Node) bool {
	if a.Type != b.Type || a.TagName != b.TagName || a.Namespace != b.Namespace || a.Prefix != b.Prefix ||
		a.Data != b.Data || a.PublicID != b.PublicID || a.SystemID != b.SystemID || len(a.Attrs) != len(b.Attrs) {
		return false
	}
	for _, x := range a.Attrs {
		found := false
		for _, y := range b.Attrs {
			if x == y {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	ca, cb := a.FirstChild, b.FirstChild
	for ; ca != nil && cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
		if !equalNodes(ca, cb) {
			return false
		}
	}
	return ca == nil && cb == nil
}

// comparePosition is Node.compareDocumentPosition for nodes (no Attrs).
func comparePosition(ref, other *dom.Node) int {
	const (
		disconnected = 1
		preceding    = 2
		following    = 4
		contains     = 8
		containedBy  = 16
		implSpecific = 32
	)
	if ref == other {
		return 0
	}
	if root(ref) != root(other) {
		return disconnected | implSpecific | following
	}
	if other.Contains(ref) {
		return contains | preceding
	}
	if ref.Contains(other) {
		return containedBy | following
	}
	// Tree order: walk from the root.
	var first *dom.Node
	root(ref).Walk(func(m *dom.Node) bool {
		if first != nil {
			return false
		}
		if m == ref || m == other {
			first = m
			return false
		}
		return true
	})
	if first == other {
		return preceding
	}
	return following
}

// normalize merges adjacent Text nodes and drops empty ones, in n's
// whole subtree, with the mutation records the DOM's steps give.
func (w *Window) normalize(n *dom.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == dom.TextNode {
			if c.Data == "" {
				w.remove(c)
				c = next
				continue
			}
			if next != nil && next.Type == dom.TextNode {
				var b strings.Builder
				for t := next; t != nil && t.Type == dom.TextNode; t = t.NextSibling {
					b.WriteString(t.Data)
				}
				w.recordData(c, c.Data)
				c.Data += b.String()
				for next != nil && next.Type == dom.TextNode {
					nn := next.NextSibling
					w.remove(next)
					next = nn
				}
			}
		} else {
			w.normalize(c)
		}
		c = next
	}
}

func (w *Window) installChildNode(proto js.Value) {
	w.attr(proto, "previousElementSibling", w.nodeGetter(func(n *dom.Node) *dom.Node { return n.PreviousElementSibling() }), nil)
	w.attr(proto, "nextElementSibling", w.nodeGetter(func(n *dom.Node) *dom.Node { return n.NextElementSibling() }), nil)
	w.method(proto, "remove", 0, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		w.remove(n)
		w.mutated()
		return js.Undefined(), nil
	})
	// before, after and replaceWith find a sibling that is not one of
	// the nodes being inserted, as the DOM standard's steps do.
	notIn := func(args []js.Value, n *dom.Node) bool {
		for _, a := range args {
			if m, ok := js.HostData(a).(*dom.Node); ok && m == n {
				return false
			}
		}
		return true
	}
	do := func(name string, f func(parent, n, node *dom.Node, args []js.Value) error) {
		w.method(proto, name, 0, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			parent := n.Parent
			if parent == nil {
				return js.Undefined(), nil
			}
			node, err := w.convertNodes(n, c.Args)
			if err != nil {
				return js.Undefined(), err
			}
			nodes := toInsert(node)
			if err := f(parent, n, node, c.Args); err != nil {
				return js.Undefined(), w.fromDOM(err)
			}
			w.inserted(nodes)
			return js.Undefined(), nil
		})
	}
	do("before", func(parent, n, node *dom.Node, args []js.Value) error {
		prev := n.PrevSibling
		for prev != nil && !notIn(args, prev) {
			prev = prev.PrevSibling
		}
		ref := parent.FirstChild
		if prev != nil {
			ref = prev.NextSibling
		}
		return w.insert(parent, node, ref)
	})
	do("after", func(parent, n, node *dom.Node, args []js.Value) error {
		next := n.NextSibling
		for next != nil && !notIn(args, next) {
			next = next.NextSibling
		}
		return w.insert(parent, node, next)
	})
	do("replaceWith", func(parent, n, node *dom.Node, args []js.Value) error {
		next := n.NextSibling
		for next != nil && !notIn(args, next) {
			next = next.NextSibling
		}
		if n.Parent == parent {
			added := toInsert(node)
			prev, nx := n.PrevSibling, n.NextSibling
			if err := parent.ReplaceChild(node, n); err != nil {
				return err
			}
			if node.Type == dom.FragmentNode {
				w.recordChildList(node, nil, added, nil, nil)
			}
			if nx != nil && nx.Parent != parent {
				nx = next
			}
			w.recordChildList(parent, added, []*dom.Node{n}, prev, nx)
			return nil
		}
		return w.insert(parent, node, next)
	})
}

func (w *Window) installCharacterData(proto js.Value) {
	w.attr(proto, "data", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(n.Data), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		w.recordData(n, n.Data)
		n.Data = s
		w.mutated()
		return js.Undefined(), nil
	})
	w.attr(proto, "length", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Number(float64(len(toUnits(n.Data)))), nil
	}, nil)
	// replaceData is the one primitive: the other edits are made of it.
	replace := func(n *dom.Node, off, count uint32, data string) error {
		u := toUnits(n.Data)
		if int(off) > len(u) {
			return w.domError("IndexSizeError", "The offset is greater than the length.")
		}
		end := uint64(off) + uint64(count)
		if end > uint64(len(u)) {
			end = uint64(len(u))
		}
		out := append(append(append([]uint16(nil), u[:off]...), toUnits(data)...), u[end:]...)
		w.recordData(n, n.Data)
		n.Data = fromUnits(out)
		w.mutated()
		return nil
	}
	num := func(c *js.Call, i int) (uint32, error) {
		f, err := w.RT.ToNumber(c.Arg(i))
		if err != nil {
			return 0, err
		}
		if f != f || f > 1e300 || f < -1e300 {
			return 0, nil
		}
		return uint32(int64(f)), nil
	}
	need := func(c *js.Call, name string, k int) error {
		if len(c.Args) < k {
			return w.typeError("Failed to execute '" + name + "' on 'CharacterData': " + itoa(k) + " arguments required.")
		}
		return nil
	}
	w.method(proto, "appendData", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err == nil {
			err = need(c, "appendData", 1)
		}
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Undefined(), replace(n, uint32(len(toUnits(n.Data))), 0, s)
	})
	w.method(proto, "insertData", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err == nil {
			err = need(c, "insertData", 2)
		}
		if err != nil {
			return js.Undefined(), err
		}
		off, err := num(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Undefined(), replace(n, off, 0, s)
	})
	w.method(proto, "deleteData", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err == nil {
			err = need(c, "deleteData", 2)
		}
		if err != nil {
			return js.Undefined(), err
		}
		off, err := num(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		cnt, err := num(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Undefined(), replace(n, off, cnt, "")
	})
	w.method(proto, "replaceData", 3, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err == nil {
			err = need(c, "replaceData", 3)
		}
		if err != nil {
			return js.Undefined(), err
		}
		off, err := num(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		cnt, err := num(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 2)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Undefined(), replace(n, off, cnt, s)
	})
	w.method(proto, "substringData", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err == nil {
			err = need(c, "substringData", 2)
		}
		if err != nil {
			return js.Undefined(), err
		}
		off, err := num(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		cnt, err := num(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		u := toUnits(n.Data)
		if int(off) > len(u) {
			return js.Undefined(), w.domError("IndexSizeError", "The offset is greater than the length.")
		}
		end := uint64(off) + uint64(cnt)
		if end > uint64(len(u)) {
			end = uint64(len(u))
		}
		return strVal(fromUnits(u[off:end])), nil
	})
}

func (w *Window) installText(proto js.Value) {
	w.method(proto, "splitText", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		f, err := w.RT.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		u := toUnits(n.Data)
		off := int(uint32(int64(f)))
		if f != f {
			off = 0
		}
		if off > len(u) {
			return js.Undefined(), w.domError("IndexSizeError", "The offset is greater than the length.")
		}
		nt := n.OwnerDocument.CreateTextNode(fromUnits(u[off:]))
		n.Data = fromUnits(u[:off])
		if n.Parent != nil {
			n.Parent.InsertBefore(nt, n.NextSibling)
		}
		w.mutated()
		return w.wrap(nt), nil
	})
	w.attr(proto, "wholeText", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		first := n
		for first.PrevSibling != nil && first.PrevSibling.Type == dom.TextNode {
			first = first.PrevSibling
		}
		var b strings.Builder
		for t := first; t != nil && t.Type == dom.TextNode; t = t.NextSibling {
			b.WriteString(t.Data)
		}
		return strVal(b.String()), nil
	}, nil)
}

func (w *Window) getElementByID(c *js.Call) (js.Value, error) {
	n, err := w.this(c)
	if err != nil {
		return js.Undefined(), err
	}
	id, err := w.str(c, 0)
	if err != nil {
		return js.Undefined(), err
	}
	return w.wrap(n.ElementByID(id)), nil
}

// serialize returns outerHTML (or a document's markup).
func serialize(n *dom.Node) string { return html.Serialize(n) }

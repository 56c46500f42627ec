package bindings

import (
	"strings"

	"glassbox/engine/css"
	"glassbox/engine/dom"
	"glassbox/engine/html"
	"glassbox/js"
)

// wrap returns the JS object of n, the same one every time.
func (w *Window) wrap(n *dom.Node) js.Value {
	if n == nil {
		return js.Null()
	}
	if v, ok := w.wrappers[n]; ok {
		return v
	}
	var proto js.Value
	switch n.Type {
	case dom.ElementNode:
		proto = w.protos.element
		if n.Namespace == "" || n.Namespace == xhtmlNS {
			proto = w.protos.htmlElement
			if p, ok := w.tagProtos[n.TagName]; ok {
				proto = p
			} else if !knownHTMLElement[n.TagName] && !strings.Contains(n.TagName, "-") {
				proto = w.tagProtos["applet"] // HTMLUnknownElement
			}
		}
	case dom.TextNode:
		proto = w.protos.text
	case dom.CommentNode:
		proto = w.protos.comment
	case dom.DocumentNode:
		proto = w.protos.document
	case dom.DoctypeNode:
		proto = w.protos.doctype
	case dom.FragmentNode:
		proto = w.protos.fragment
	default:
		proto = w.protos.node
	}
	v := w.RT.NewHostObject(proto, n)
	w.wrappers[n] = v
	return v
}

// knownHTMLElement are the HTML elements whose interface is HTMLElement
// itself; any other name without a hyphen is HTMLUnknownElement.
var knownHTMLElement = map[string]bool{}

func init() {
	for _, t := range strings.Fields("abbr acronym address article aside b basefont bdi bdo big center cite code dd dfn dt em figcaption figure footer header hgroup i kbd main mark nav noembed noframes noscript nobr plaintext rb rp rt rtc ruby s samp search section small strike strong sub summary sup tt u var wbr") {
		knownHTMLElement[t] = true
	}
}

const xhtmlNS = "http://www.w3.org/1999/xhtml"

// isHTML reports whether el is an HTML element in an HTML document, for
// which names are case-insensitive.
func (w *Window) isHTML(el *dom.Node) bool {
	return el.Type == dom.ElementNode && (el.Namespace == "" || el.Namespace == xhtmlNS) && !w.isXML(el.OwnerDocument)
}

func (w *Window) isXML(doc *dom.Node) bool {
	return doc != nil && w.xmlDocs[doc]
}

func nodeName(w *Window, n *dom.Node) string {
	switch n.Type {
	case dom.ElementNode:
		return w.tagName(n)
	case dom.TextNode:
		return "#text"
	case dom.CommentNode:
		return "#comment"
	case dom.DocumentNode:
		return "#document"
	case dom.FragmentNode:
		return "#document-fragment"
	case dom.DoctypeNode:
		return n.TagName
	}
	return ""
}

func (w *Window) tagName(n *dom.Node) string {
	q := n.TagName
	if n.Prefix != "" {
		q = n.Prefix + ":" + q
	}
	if w.isHTML(n) {
		return strings.ToUpper(q)
	}
	return q
}

func (w *Window) nodeList(items func() []*dom.Node) js.Value {
	return w.RT.NewHostObject(w.protos.nodeList, &collection{w: w, items: items})
}

func (w *Window) htmlCollection(items func() []*dom.Node) js.Value {
	return w.RT.NewHostObject(w.protos.collection, &collection{w: w, items: items})
}

func (w *Window) staticList(nodes []*dom.Node) js.Value {
	return w.RT.NewHostObject(w.protos.nodeList, &collection{w: w, fixed: nodes, static: true})
}

// collection is a NodeList or HTMLCollection: live ones recompute their
// nodes when the document has changed since they last looked.
type collection struct {
	w       *Window
	items   func() []*dom.Node
	fixed   []*dom.Node
	static  bool
	version uint64
	valid   bool
}

func (c *collection) nodes() []*dom.Node {
	if c.static {
		return c.fixed
	}
	if !c.valid || c.version != c.w.version {
		c.fixed = c.items()
		c.version, c.valid = c.w.version, true
	}
	return c.fixed
}

func (c *collection) IndexedLength() int { return len(c.nodes()) }

func (c *collection) IndexedGet(i int) (js.Value, bool) {
	ns := c.nodes()
	if i < 0 || i >= len(ns) {
		return js.Undefined(), false
	}
	return c.w.wrap(ns[i]), true
}

func childNodes(n *dom.Node) func() []*dom.Node {
	return func() []*dom.Node { return n.Children() }
}

func elementChildren(n *dom.Node) func() []*dom.Node {
	return func() []*dom.Node {
		var out []*dom.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == dom.ElementNode {
				out = append(out, c)
			}
		}
		return out
	}
}

func descendants(n *dom.Node, match func(*dom.Node) bool) []*dom.Node {
	var out []*dom.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		c.Walk(func(m *dom.Node) bool {
			if m.Type == dom.ElementNode && match(m) {
				out = append(out, m)
			}
			return true
		})
	}
	return out
}

func (w *Window) byTagName(root *dom.Node, name string) func() []*dom.Node {
	return func() []*dom.Node {
		lower := strings.ToLower(name)
		return descendants(root, func(m *dom.Node) bool {
			if name == "*" {
				return true
			}
			q := m.TagName
			if m.Prefix != "" {
				q = m.Prefix + ":" + q
			}
			if w.isHTML(m) {
				return q == lower
			}
			return q == name
		})
	}
}

func byClassName(root *dom.Node, names string) func() []*dom.Node {
	want := strings.FieldsFunc(names, isASCIISpace)
	return func() []*dom.Node {
		if len(want) == 0 {
			return nil
		}
		return descendants(root, func(m *dom.Node) bool {
			have := strings.FieldsFunc(m.AttributeOr("class"), isASCIISpace)
			for _, c := range want {
				found := false
				for _, h := range have {
					if h == c {
						found = true
						break
					}
				}
				if !found {
					return false
				}
			}
			return true
		})
	}
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

// selectors parses a selector list for querySelector and matches; an
// invalid one throws a SyntaxError DOMException.
func (w *Window) selectors(c *js.Call) ([]*css.Selector, error) {
	src, err := w.str(c, 0)
	if err != nil {
		return nil, err
	}
	sels, perr := css.ParseSelectorList(src)
	if perr != nil || len(sels) == 0 {
		return nil, w.domError("SyntaxError", "'"+src+"' is not a valid selector.")
	}
	return sels, nil
}

func (w *Window) installParentNode(proto js.Value) {
	rt := w.RT
	w.attr(proto, "children", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.cached(n, "children", func() js.Value { return w.htmlCollection(elementChildren(n)) }), nil
	}, nil)
	w.attr(proto, "firstElementChild", w.nodeGetter(func(n *dom.Node) *dom.Node { return n.FirstElementChild() }), nil)
	w.attr(proto, "lastElementChild", w.nodeGetter(func(n *dom.Node) *dom.Node { return n.LastElementChild() }), nil)
	w.attr(proto, "childElementCount", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Number(float64(len(elementChildren(n)()))), nil
	}, nil)
	w.method(proto, "querySelector", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		sels, err := w.selectors(c)
		if err != nil {
			return js.Undefined(), err
		}
		var found *dom.Node
		for ch := n.FirstChild; ch != nil && found == nil; ch = ch.NextSibling {
			ch.Walk(func(m *dom.Node) bool {
				if found != nil {
					return false
				}
				if m.Type == dom.ElementNode && css.MatchesAny(sels, m) {
					found = m
				}
				return true
			})
		}
		return w.wrap(found), nil
	})
	w.method(proto, "querySelectorAll", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		sels, err := w.selectors(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.staticList(descendants(n, func(m *dom.Node) bool { return css.MatchesAny(sels, m) })), nil
	})
	w.method(proto, "getElementsByTagName", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return w.htmlCollection(w.byTagName(n, name)), nil
	})
	w.method(proto, "getElementsByTagNameNS", 2, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		local, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		return w.htmlCollection(func() []*dom.Node {
			return descendants(n, func(m *dom.Node) bool {
				return (ns == "*" || namespaceOf(m) == ns) && (local == "*" || m.TagName == local)
			})
		}), nil
	})
	w.method(proto, "getElementsByClassName", 1, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		names, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return w.htmlCollection(byClassName(n, names)), nil
	})
	insertNodes := func(name string, f func(n *dom.Node, node *dom.Node) error) {
		w.method(proto, name, 0, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			node, err := w.convertNodes(n, c.Args)
			if err != nil {
				return js.Undefined(), err
			}
			nodes := toInsert(node)
			if err := f(n, node); err != nil {
				return js.Undefined(), w.fromDOM(err)
			}
			w.inserted(nodes)
			return js.Undefined(), nil
		})
	}
	insertNodes("append", func(n, node *dom.Node) error { return w.insert(n, node, nil) })
	insertNodes("prepend", func(n, node *dom.Node) error { return w.insert(n, node, n.FirstChild) })
	insertNodes("replaceChildren", func(n, node *dom.Node) error {
		// Validity is checked as for an insertion, before anything moves.
		if err := n.CheckInsert(node, nil); err != nil {
			return err
		}
		w.replaceAll(n, node)
		return nil
	})
	_ = rt
}

// convertNodes is the DOM's "convert nodes into a node": strings become
// Text nodes, and several nodes go into a fragment.
func (w *Window) convertNodes(ctx *dom.Node, args []js.Value) (*dom.Node, error) {
	doc := ctx.OwnerDocument
	if ctx.Type == dom.DocumentNode {
		doc = ctx
	}
	frag := doc.CreateDocumentFragment()
	for _, a := range args {
		if n, ok := js.HostData(a).(*dom.Node); ok {
			if err := frag.AppendChild(n); err != nil {
				return nil, w.fromDOM(err)
			}
			continue
		}
		s, err := w.RT.ToString(a)
		if err != nil {
			return nil, err
		}
		frag.AppendChild(doc.CreateTextNode(s))
	}
	return frag, nil
}

func (w *Window) nodeGetter(f func(n *dom.Node) *dom.Node) hostFn {
	return func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(f(n)), nil
	}
}

// cached keeps per-node objects that must stay the same (childNodes,
// children, classList, style, dataset) on the wrapper under a hidden key.
func (w *Window) cached(n *dom.Node, key string, make func() js.Value) js.Value {
	k := cacheKey{n, key}
	if v, ok := w.objCache[k]; ok {
		return v
	}
	v := make()
	w.objCache[k] = v
	return v
}

type cacheKey struct {
	n   *dom.Node
	key string
}

func namespaceOf(n *dom.Node) string {
	if n.Type == dom.ElementNode && n.Namespace == "" {
		return xhtmlNS
	}
	return n.Namespace
}

// parseFragment parses markup in the context of el for innerHTML and
// friends.
func (w *Window) parseFragment(el *dom.Node, markup string) (*dom.Node, error) {
	ctx := el
	if ctx == nil || ctx.Type != dom.ElementNode {
		ctx = nil
	}
	nodes, err := html.ParseFragment(ctx, markup)
	if err != nil {
		return nil, w.domError("SyntaxError", err.Error())
	}
	doc := el.OwnerDocument
	if el.Type == dom.DocumentNode {
		doc = el
	}
	frag := doc.CreateDocumentFragment()
	for _, n := range nodes {
		frag.AppendChild(n)
	}
	return frag, nil
}

package bindings

import (
	"strings"
	"time"

	"glassbox/engine/dom"
	"glassbox/engine/html"
	"glassbox/js"
)

func (w *Window) installDocument(proto js.Value) {
	get := func(name string, f func(d *dom.Node) js.Value) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			d, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			return f(d), nil
		}, nil)
	}
	get("documentElement", func(d *dom.Node) js.Value { return w.wrap(d.FirstElementChild()) })
	get("head", func(d *dom.Node) js.Value { return w.wrap(childOfRoot(d, "head")) })
	get("body", func(d *dom.Node) js.Value { return w.wrap(childOfRoot(d, "body")) })
	get("doctype", func(d *dom.Node) js.Value {
		for c := d.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == dom.DoctypeNode {
				return w.wrap(c)
			}
		}
		return js.Null()
	})
	get("currentScript", func(d *dom.Node) js.Value { return w.wrap(w.currentScr) })
	get("defaultView", func(d *dom.Node) js.Value {
		if d == w.Doc {
			return w.RT.Global()
		}
		return js.Null()
	})
	docURL := func(d *dom.Node) js.Value {
		if d == w.Doc {
			return strVal(w.URL.String())
		}
		return strVal("about:blank")
	}
	get("URL", docURL)
	get("documentURI", docURL)
	get("readyState", func(d *dom.Node) js.Value { return strVal(w.ReadyState) })
	get("compatMode", func(d *dom.Node) js.Value { return strVal("CSS1Compat") })
	get("characterSet", func(d *dom.Node) js.Value { return strVal("UTF-8") })
	get("charset", func(d *dom.Node) js.Value { return strVal("UTF-8") })
	get("contentType", func(d *dom.Node) js.Value {
		if w.xmlDocs[d] {
			return strVal("application/xml")
		}
		return strVal("text/html")
	})
	get("scrollingElement", func(d *dom.Node) js.Value { return w.wrap(d.FirstElementChild()) })
	get("implementation", func(d *dom.Node) js.Value {
		return w.cached(d, "implementation", func() js.Value { return w.implementation(d) })
	})
	w.attr(proto, "title", func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		t := d.FirstElement("title")
		if t == nil {
			return strVal(""), nil
		}
		return strVal(strings.Join(strings.FieldsFunc(t.TextContent(), isASCIISpace), " ")), nil
	}, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		t := d.FirstElement("title")
		if t == nil {
			head := childOfRoot(d, "head")
			if head == nil {
				return js.Undefined(), nil
			}
			t = d.CreateElement("title")
			head.AppendChild(t)
		}
		t.SetTextContent(s)
		w.mutated()
		return js.Undefined(), nil
	})
	w.method(proto, "getElementById", 1, w.getElementByID)
	// The document's live collections of elements by kind.
	collection := func(name string, match func(n *dom.Node) bool) {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) {
			d, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			return w.cached(d, name, func() js.Value {
				return w.htmlCollection(func() []*dom.Node { return descendants(d, match) })
			}), nil
		}, nil)
	}
	isHTML := func(tags ...string) func(n *dom.Node) bool {
		return func(n *dom.Node) bool {
			for _, t := range tags {
				if n.IsElement(t) {
					return true
				}
			}
			return false
		}
	}
	collection("images", isHTML("img"))
	collection("embeds", isHTML("embed"))
	collection("plugins", isHTML("embed"))
	collection("forms", isHTML("form"))
	collection("scripts", isHTML("script"))
	collection("links", func(n *dom.Node) bool { return (n.IsElement("a") || n.IsElement("area")) && n.HasAttribute("href") })
	w.method(proto, "getElementsByName", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return w.nodeList(func() []*dom.Node {
			return descendants(d, func(n *dom.Node) bool { return w.isHTML(n) && n.AttributeOr("name") == name && n.HasAttribute("name") })
		}), nil
	})
	w.method(proto, "createElement", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if !validName(name, true) {
			return js.Undefined(), w.domError("InvalidCharacterError", "The tag name provided ('"+name+"') is not a valid name.")
		}
		el := &dom.Node{Type: dom.ElementNode, TagName: name, OwnerDocument: d}
		if !w.xmlDocs[d] {
			el.TagName = strings.ToLower(name)
		} else {
			el.Namespace = ""
		}
		return w.wrap(el), nil
	})
	w.method(proto, "createElementNS", 2, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		ns, err := w.strOrNull(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		q, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		el, err := w.createElementNS(d, ns, q)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(el), nil
	})
	w.method(proto, "createTextNode", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(d.CreateTextNode(s)), nil
	})
	w.method(proto, "createComment", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(d.CreateComment(s)), nil
	})
	w.method(proto, "createDocumentFragment", 0, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(d.CreateDocumentFragment()), nil
	})
	w.method(proto, "importNode", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		n, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		if n.Type == dom.DocumentNode {
			return js.Undefined(), w.domError("NotSupportedError", "Documents cannot be imported.")
		}
		cl := n.CloneNode(truthy(c.Arg(1)))
		adopt(cl, d)
		return w.wrap(cl), nil
	})
	w.method(proto, "adoptNode", 1, func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		n, err := w.nodeArg(c, 0, false)
		if err != nil {
			return js.Undefined(), err
		}
		if n.Type == dom.DocumentNode {
			return js.Undefined(), w.domError("NotSupportedError", "Documents cannot be adopted.")
		}
		n.Remove()
		adopt(n, d)
		w.mutated()
		return c.Arg(0), nil
	})
	w.method(proto, "hasFocus", 0, func(c *js.Call) (js.Value, error) { return js.Bool(true), nil })
	w.attr(proto, "activeElement", func(c *js.Call) (js.Value, error) {
		d, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return w.wrap(childOfRoot(d, "body")), nil
	}, nil)
	w.method(proto, "write", 0, w.documentWrite(false))
	w.method(proto, "writeln", 0, w.documentWrite(true))
	w.method(proto, "open", 0, func(c *js.Call) (js.Value, error) { return c.This, nil })
	w.method(proto, "close", 0, func(c *js.Call) (js.Value, error) { return js.Undefined(), nil })
}

// documentWrite appends markup after the running parser-inserted script
// (or at the end of the body), a simplification of document.write that
// covers its common use of adding content where the script is.
func (w *Window) documentWrite(newline bool) hostFn {
	return func(c *js.Call) (js.Value, error) {
		var b strings.Builder
		for i := range c.Args {
			s, err := w.str(c, i)
			if err != nil {
				return js.Undefined(), err
			}
			b.WriteString(s)
		}
		if newline {
			b.WriteByte('\n')
		}
		parent, ref := childOfRoot(w.Doc, "body"), (*dom.Node)(nil)
		if s := w.currentScr; s != nil && s.Parent != nil {
			parent, ref = s.Parent, s.NextSibling
		}
		if parent == nil {
			return js.Undefined(), nil
		}
		frag, err := w.parseFragment(parent, b.String())
		if err != nil {
			return js.Undefined(), err
		}
		parent.InsertBefore(frag, ref)
		w.mutated()
		return js.Undefined(), nil
	}
}

func adopt(n, d *dom.Node) {
	n.Walk(func(m *dom.Node) bool {
		m.OwnerDocument = d
		return true
	})
}

// childOfRoot finds head or body: a child of the html root element.
func childOfRoot(d *dom.Node, tag string) *dom.Node {
	r := d.FirstElementChild()
	if r == nil || !r.IsElement("html") {
		return nil
	}
	for c := r.FirstChild; c != nil; c = c.NextSibling {
		if c.IsElement(tag) || (tag == "body" && c.IsElement("frameset")) {
			return c
		}
	}
	return nil
}

func (w *Window) createElementNS(d *dom.Node, ns, q string) (*dom.Node, error) {
	prefix, local, ok := strings.Cut(q, ":")
	if !ok {
		prefix, local = "", q
	}
	if !validName(local, true) || (ok && !validName(prefix, true)) || strings.Count(q, ":") > 1 && false {
		return nil, w.domError("InvalidCharacterError", "'"+q+"' is not a valid qualified name.")
	}
	switch {
	case prefix != "" && ns == "",
		prefix == "xml" && ns != "http://www.w3.org/XML/1998/namespace",
		(prefix == "xmlns" || q == "xmlns") != (ns == "http://www.w3.org/2000/xmlns/"):
		return nil, w.domError("NamespaceError", "The namespace is not valid for '"+q+"'.")
	}
	el := &dom.Node{Type: dom.ElementNode, TagName: local, Prefix: prefix, Namespace: ns, OwnerDocument: d}
	if ns == xhtmlNS {
		el.Namespace = ""
		if prefix != "" {
			el.Namespace = xhtmlNS
		}
	} else if ns == "" {
		el.Namespace = "\x00none"
	}
	return el, nil
}

func (w *Window) implementation(d *dom.Node) js.Value {
	o := w.RT.NewHostObject(w.protos.implementation, nil)
	w.method(o, "createHTMLDocument", 0, func(c *js.Call) (js.Value, error) {
		doc := html.ParseString("")
		if len(c.Args) > 0 && !c.Arg(0).IsUndefined() {
			title, err := w.str(c, 0)
			if err != nil {
				return js.Undefined(), err
			}
			head := childOfRoot(doc, "head")
			t := doc.CreateElement("title")
			t.AppendChild(doc.CreateTextNode(title))
			head.AppendChild(t)
		}
		dt := &dom.Node{Type: dom.DoctypeNode, TagName: "html", OwnerDocument: doc}
		doc.InsertBefore(dt, doc.FirstChild)
		return w.wrap(doc), nil
	})
	w.method(o, "createDocument", 2, func(c *js.Call) (js.Value, error) {
		doc := dom.NewDocument()
		w.xmlDocs[doc] = true
		ns, _ := w.strOrNull(c.Arg(0))
		q, err := w.strOrNull(c.Arg(1))
		if err != nil {
			return js.Undefined(), err
		}
		if dt, ok := js.HostData(c.Arg(2)).(*dom.Node); ok {
			dt.OwnerDocument = doc
			doc.AppendChild(dt)
		}
		if q != "" {
			el, err := w.createElementNS(doc, ns, q)
			if err != nil {
				return js.Undefined(), err
			}
			doc.AppendChild(el)
		}
		return w.wrap(doc), nil
	})
	w.method(o, "createDocumentType", 3, func(c *js.Call) (js.Value, error) {
		name, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		pub, _ := w.str(c, 1)
		sys, _ := w.str(c, 2)
		return w.wrap(&dom.Node{Type: dom.DoctypeNode, TagName: name, PublicID: pub, SystemID: sys, OwnerDocument: d}), nil
	})
	w.method(o, "hasFeature", 0, func(c *js.Call) (js.Value, error) { return js.Bool(true), nil })
	return o
}

// installWindow adds the window's own functions: timers, animation
// frames, microtasks, performance, and the native object the prelude
// builds on.
func (w *Window) installWindow() {
	rt := w.RT
	g := rt.Global()
	w.attr(g, "document", func(c *js.Call) (js.Value, error) { return w.wrap(w.Doc), nil }, nil)
	timer := func(name string, repeat bool) {
		w.method(g, name, 1, func(c *js.Call) (js.Value, error) {
			handler := c.Arg(0)
			if !handler.IsObject() || !handler.Obj().IsCallable() {
				src, err := rt.ToString(handler)
				if err != nil {
					return js.Undefined(), err
				}
				handler = js.String(src)
			}
			ms, err := rt.ToNumber(c.Arg(1))
			if err != nil {
				return js.Undefined(), err
			}
			if ms != ms || ms < 0 {
				ms = 0
			}
			if ms > 1<<31-1 {
				ms = 0
			}
			var args []js.Value
			if len(c.Args) > 2 {
				args = append(args, c.Args[2:]...)
			}
			if !w.fullyActive() {
				return js.Number(0), nil
			}
			id := w.Loop.SetTimer(time.Duration(ms*float64(time.Millisecond)), repeat, func() {
				if handler.IsString() {
					src, _ := rt.ToString(handler)
					w.RunScript(w.URL.String(), src, nil)
					return
				}
				w.CallFunction(handler, g, args...)
			})
			return js.Number(float64(id)), nil
		})
	}
	timer("setTimeout", false)
	timer("setInterval", true)
	clear := func(c *js.Call) (js.Value, error) {
		f, err := rt.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		if f == f {
			w.Loop.ClearTimer(int(f))
		}
		return js.Undefined(), nil
	}
	w.method(g, "clearTimeout", 1, clear)
	w.method(g, "clearInterval", 1, clear)
	w.method(g, "requestAnimationFrame", 1, func(c *js.Call) (js.Value, error) {
		fn := c.Arg(0)
		if !fn.IsObject() || !fn.Obj().IsCallable() {
			return js.Undefined(), w.typeError("Failed to execute 'requestAnimationFrame' on 'Window': The callback provided as parameter 1 is not a function.")
		}
		w.rafID++
		w.raf = append(w.raf, rafCallback{w.rafID, fn})
		return js.Number(float64(w.rafID)), nil
	})
	w.method(g, "cancelAnimationFrame", 1, func(c *js.Call) (js.Value, error) {
		f, err := rt.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		if w.rafRunning != nil && f == f {
			w.rafRunning[int(f)] = true
		}
		for i, cb := range w.raf {
			if float64(cb.id) == f {
				w.raf = append(w.raf[:i:i], w.raf[i+1:]...)
				break
			}
		}
		return js.Undefined(), nil
	})
	w.method(g, "queueMicrotask", 1, func(c *js.Call) (js.Value, error) {
		fn := c.Arg(0)
		if !fn.IsObject() || !fn.Obj().IsCallable() {
			return js.Undefined(), w.typeError("Failed to execute 'queueMicrotask' on 'Window': The callback provided as parameter 1 is not a function.")
		}
		rt.EnqueueJob(func() error {
			_, err := rt.Call(fn, js.Undefined())
			return err
		})
		return js.Undefined(), nil
	})
	frames := rt.NewHostObject(w.protos.window, &frameList{w})
	rt.Set("frames", frames)
	frameCount := func(c *js.Call) (js.Value, error) {
		return js.Number(float64(len((&frameList{w}).windows()))), nil
	}
	w.attr(g, "length", frameCount, nil)
	w.attr(frames, "length", frameCount, nil)
	w.attr(g, "frameElement", func(c *js.Call) (js.Value, error) {
		return w.wrap(w.frameElement), nil
	}, nil)
	w.method(g, "close", 0, func(c *js.Call) (js.Value, error) { return js.Undefined(), nil })
	perf := rt.NewObject()
	w.method(perf, "now", 0, func(c *js.Call) (js.Value, error) { return js.Number(w.now()), nil })
	rt.DefineConstant(perf, "timeOrigin", js.Number(float64(w.timeOrigin.UnixMicro())/1000))
	w.method(perf, "toJSON", 0, func(c *js.Call) (js.Value, error) {
		o := rt.NewObject()
		rt.SetProperty(o, "timeOrigin", js.Number(float64(w.timeOrigin.UnixMicro())/1000))
		return o, nil
	})
	rt.Set("performance", perf)
	vw, vh := w.host.Viewport()
	for name, v := range map[string]float32{"innerWidth": vw, "innerHeight": vh, "outerWidth": vw, "outerHeight": vh, "devicePixelRatio": 1, "scrollX": 0, "scrollY": 0, "pageXOffset": 0, "pageYOffset": 0} {
		rt.Set(name, js.Number(float64(v)))
	}
	for _, name := range []string{"scrollTo", "scrollBy", "scroll", "focus", "blur", "alert", "print"} {
		w.method(g, name, 0, func(c *js.Call) (js.Value, error) { return js.Undefined(), nil })
	}
}

// runPrelude runs prelude.js, which returns the hooks the Go side calls.
func (w *Window) runPrelude() error {
	rt := w.RT
	native := rt.NewObject()
	w.method(native, "console", 2, func(c *js.Call) (js.Value, error) {
		level, _ := w.str(c, 0)
		text, _ := w.str(c, 1)
		w.Console(level, text)
		return js.Undefined(), nil
	})
	w.method(native, "parent", 2, func(c *js.Call) (js.Value, error) {
		// The event path's next target: a node's parent, the window
		// for a document (except for load events, which stop there).
		n, ok := js.HostData(c.Arg(0)).(*dom.Node)
		if !ok {
			return js.Null(), nil
		}
		if n.Type == dom.DocumentNode {
			typ, _ := w.str(c, 1)
			if n == w.Doc && typ != "load" {
				return rt.Global(), nil
			}
			return js.Null(), nil
		}
		return w.wrap(n.Parent), nil
	})
	w.method(native, "now", 0, func(c *js.Call) (js.Value, error) { return js.Number(w.now()), nil })
	w.method(native, "describeNode", 1, func(c *js.Call) (js.Value, error) {
		n, ok := js.HostData(c.Arg(0)).(*dom.Node)
		if !ok {
			return js.Undefined(), nil
		}
		if n.Type == dom.ElementNode {
			s := "<" + n.TagName
			if id := n.ID(); id != "" {
				s += ` id="` + id + `"`
			}
			if cl := n.AttributeOr("class"); cl != "" {
				s += ` class="` + cl + `"`
			}
			return strVal(s + ">"), nil
		}
		return strVal(nodeName(w, n)), nil
	})
	w.method(native, "isElement", 1, func(c *js.Call) (js.Value, error) {
		n, ok := js.HostData(c.Arg(0)).(*dom.Node)
		return js.Bool(ok && n.Type == dom.ElementNode), nil
	})
	w.method(native, "isNode", 1, func(c *js.Call) (js.Value, error) {
		_, ok := js.HostData(c.Arg(0)).(*dom.Node)
		return js.Bool(ok), nil
	})
	w.method(native, "attribute", 2, func(c *js.Call) (js.Value, error) {
		n, ok := js.HostData(c.Arg(0)).(*dom.Node)
		name, _ := w.str(c, 1)
		if !ok || n.Type != dom.ElementNode {
			return js.Null(), nil
		}
		if v, ok := n.Attribute(name); ok {
			return strVal(v), nil
		}
		return js.Null(), nil
	})
	w.method(native, "observing", 0, func(c *js.Call) (js.Value, error) {
		w.observing = true
		return js.Undefined(), nil
	})
	w.method(native, "parentNode", 1, func(c *js.Call) (js.Value, error) {
		if n, ok := js.HostData(c.Arg(0)).(*dom.Node); ok {
			return w.wrap(n.Parent), nil
		}
		return js.Null(), nil
	})
	w.method(native, "staticList", 1, func(c *js.Call) (js.Value, error) {
		n, _ := w.RT.GetProperty(c.Arg(0), "length")
		l, _ := w.RT.ToNumber(n)
		var nodes []*dom.Node
		for i := 0; i < int(l); i++ {
			v, _ := w.RT.GetProperty(c.Arg(0), itoa(i))
			if nd, ok := js.HostData(v).(*dom.Node); ok {
				nodes = append(nodes, nd)
			}
		}
		return w.staticList(nodes), nil
	})
	f, err := rt.RunScript("glassbox:prelude.js", preludeSource)
	if err != nil {
		return err
	}
	hv, err := rt.Call(f, js.Undefined(), native)
	if err != nil {
		return err
	}
	getHook := func(name string) js.Value {
		v, _ := rt.GetProperty(hv, name)
		return v
	}
	w.hooks = hooks{
		dispatch:  getHook("dispatch"),
		report:    getHook("report"),
		exception: getHook("exception"),
		newEvent:  getHook("newEvent"),
		mouse:     getHook("mouseEvent"),
		mutation:  getHook("mutation"),
	}
	clone, err := w.installEncoding()
	if err != nil {
		return err
	}
	if err := w.installURL(); err != nil {
		return err
	}
	return w.installWebWindow(clone)
}

package bindings

import (
	"glassbox/engine/dom"
	"glassbox/js"
)

// htmlInterface is an HTML element interface: its name, the tags that
// have it, and the content attributes its IDL attributes reflect
// (string ones, then boolean ones).
type htmlInterface struct {
	name    string
	tags    []string
	strs    []string // IDL name = attribute name
	bools   []string
	urlStrs []string // reflected URLs, resolved against the document
}

var htmlInterfaces = []htmlInterface{
	{name: "HTMLScriptElement", tags: []string{"script"}, strs: []string{"type", "charset", "crossOrigin", "integrity"}, bools: []string{"async", "defer", "noModule"}, urlStrs: []string{"src"}},
	{name: "HTMLAnchorElement", tags: []string{"a"}, strs: []string{"target", "rel", "download", "hreflang", "type"}, urlStrs: []string{"href"}},
	{name: "HTMLLinkElement", tags: []string{"link"}, strs: []string{"rel", "media", "type", "as", "crossOrigin"}, urlStrs: []string{"href"}},
	{name: "HTMLImageElement", tags: []string{"img"}, strs: []string{"alt", "srcset", "sizes", "crossOrigin", "loading", "decoding"}, urlStrs: []string{"src"}},
	{name: "HTMLIFrameElement", tags: []string{"iframe"}, strs: []string{"name", "srcdoc", "width", "height", "allow"}, urlStrs: []string{"src"}},
	{name: "HTMLInputElement", tags: []string{"input"}, strs: []string{"name", "placeholder", "accept", "alt", "autocomplete", "min", "max", "step", "pattern"}, bools: []string{"disabled", "required", "readOnly", "multiple", "autofocus"}},
	{name: "HTMLButtonElement", tags: []string{"button"}, strs: []string{"name", "value"}, bools: []string{"disabled", "autofocus"}},
	{name: "HTMLSelectElement", tags: []string{"select"}, strs: []string{"name"}, bools: []string{"disabled", "multiple", "required"}},
	{name: "HTMLOptionElement", tags: []string{"option"}, strs: []string{"label"}, bools: []string{"disabled", "selected"}},
	{name: "HTMLTextAreaElement", tags: []string{"textarea"}, strs: []string{"name", "placeholder"}, bools: []string{"disabled", "readOnly", "required"}},
	{name: "HTMLFormElement", tags: []string{"form"}, strs: []string{"name", "method", "target", "enctype"}, bools: []string{"noValidate"}, urlStrs: []string{"action"}},
	{name: "HTMLLabelElement", tags: []string{"label"}, strs: []string{"htmlFor"}},
	{name: "HTMLFieldSetElement", tags: []string{"fieldset"}, strs: []string{"name"}, bools: []string{"disabled"}},
	{name: "HTMLStyleElement", tags: []string{"style"}, strs: []string{"media"}},
	{name: "HTMLMetaElement", tags: []string{"meta"}, strs: []string{"name", "content", "httpEquiv"}},
	{name: "HTMLTemplateElement", tags: []string{"template"}},
	{name: "HTMLCanvasElement", tags: []string{"canvas"}},
	{name: "HTMLDivElement", tags: []string{"div"}, strs: []string{"align"}},
	{name: "HTMLSpanElement", tags: []string{"span"}},
	{name: "HTMLParagraphElement", tags: []string{"p"}, strs: []string{"align"}},
	{name: "HTMLHeadingElement", tags: []string{"h1", "h2", "h3", "h4", "h5", "h6"}, strs: []string{"align"}},
	{name: "HTMLBodyElement", tags: []string{"body"}},
	{name: "HTMLHeadElement", tags: []string{"head"}},
	{name: "HTMLHtmlElement", tags: []string{"html"}, strs: []string{"version"}},
	{name: "HTMLTitleElement", tags: []string{"title"}},
	{name: "HTMLBRElement", tags: []string{"br"}},
	{name: "HTMLHRElement", tags: []string{"hr"}},
	{name: "HTMLPreElement", tags: []string{"pre", "listing", "xmp"}},
	{name: "HTMLUListElement", tags: []string{"ul"}},
	{name: "HTMLOListElement", tags: []string{"ol"}, strs: []string{"type"}, bools: []string{"reversed"}},
	{name: "HTMLLIElement", tags: []string{"li"}},
	{name: "HTMLTableElement", tags: []string{"table"}},
	{name: "HTMLTableRowElement", tags: []string{"tr"}},
	{name: "HTMLTableCellElement", tags: []string{"td", "th"}},
	{name: "HTMLTableSectionElement", tags: []string{"tbody", "thead", "tfoot"}},
	{name: "HTMLQuoteElement", tags: []string{"q", "blockquote"}, urlStrs: []string{"cite"}},
	{name: "HTMLDListElement", tags: []string{"dl"}},
	{name: "HTMLDetailsElement", tags: []string{"details"}, bools: []string{"open"}},
	{name: "HTMLDialogElement", tags: []string{"dialog"}, bools: []string{"open"}},
	{name: "HTMLVideoElement", tags: []string{"video"}, urlStrs: []string{"src"}},
	{name: "HTMLAudioElement", tags: []string{"audio"}, urlStrs: []string{"src"}},
	{name: "HTMLSlotElement", tags: []string{"slot"}, strs: []string{"name"}},
	{name: "HTMLTrackElement", tags: []string{"track"}, strs: []string{"kind", "srclang", "label"}, urlStrs: []string{"src"}},
	{name: "HTMLTimeElement", tags: []string{"time"}, strs: []string{"dateTime"}},
	{name: "HTMLSourceElement", tags: []string{"source"}, strs: []string{"type", "srcset", "sizes", "media"}, urlStrs: []string{"src"}},
	{name: "HTMLProgressElement", tags: []string{"progress"}},
	{name: "HTMLParamElement", tags: []string{"param"}, strs: []string{"name", "value"}},
	{name: "HTMLOutputElement", tags: []string{"output"}, strs: []string{"name"}},
	{name: "HTMLOptGroupElement", tags: []string{"optgroup"}, strs: []string{"label"}, bools: []string{"disabled"}},
	{name: "HTMLObjectElement", tags: []string{"object"}, strs: []string{"type", "name", "width", "height"}, urlStrs: []string{"data"}},
	{name: "HTMLMeterElement", tags: []string{"meter"}},
	{name: "HTMLMapElement", tags: []string{"map"}, strs: []string{"name"}},
	{name: "HTMLLegendElement", tags: []string{"legend"}},
	{name: "HTMLModElement", tags: []string{"ins", "del"}, strs: []string{"dateTime"}, urlStrs: []string{"cite"}},
	{name: "HTMLFrameSetElement", tags: []string{"frameset"}},
	{name: "HTMLFrameElement", tags: []string{"frame"}, strs: []string{"name"}, urlStrs: []string{"src"}},
	{name: "HTMLFontElement", tags: []string{"font"}, strs: []string{"color", "face", "size"}},
	{name: "HTMLEmbedElement", tags: []string{"embed"}, strs: []string{"type", "width", "height"}, urlStrs: []string{"src"}},
	{name: "HTMLDirectoryElement", tags: []string{"dir"}},
	{name: "HTMLDataListElement", tags: []string{"datalist"}},
	{name: "HTMLDataElement", tags: []string{"data"}, strs: []string{"value"}},
	{name: "HTMLTableColElement", tags: []string{"col", "colgroup"}},
	{name: "HTMLTableCaptionElement", tags: []string{"caption"}},
	{name: "HTMLBaseElement", tags: []string{"base"}, strs: []string{"target"}, urlStrs: []string{"href"}},
	{name: "HTMLAreaElement", tags: []string{"area"}, strs: []string{"alt", "coords", "shape", "target", "rel"}, urlStrs: []string{"href"}},
	{name: "HTMLMenuElement", tags: []string{"menu"}},
	{name: "HTMLPictureElement", tags: []string{"picture"}},
	{name: "HTMLMarqueeElement", tags: []string{"marquee"}},
	{name: "HTMLUnknownElement", tags: []string{"applet", "bgsound", "blink", "isindex", "keygen", "multicol", "nextid", "spacer"}},
}

// installHTMLInterfaces makes the element interfaces of the table above
// and records which prototype each tag gets.
func (w *Window) installHTMLInterfaces() {
	w.tagProtos = map[string]js.Value{}
	for _, in := range htmlInterfaces {
		proto := w.class(in.name, w.protos.htmlElement, nil)
		for _, t := range in.tags {
			w.tagProtos[t] = proto
		}
		for _, a := range in.strs {
			attr := a
			switch a {
			case "htmlFor":
				attr = "for"
			case "httpEquiv":
				attr = "http-equiv"
			}
			w.reflectString(proto, a, attr)
		}
		for _, a := range in.urlStrs {
			w.reflectURL(proto, a)
		}
		for _, a := range in.bools {
			w.reflectBool(proto, a)
		}
	}
	w.installFormControls()
	for _, tag := range []string{"script", "title"} {
		w.attr(w.tagProtos[tag], "text", func(c *js.Call) (js.Value, error) {
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
			var t *dom.Node
			if s != "" {
				t = n.OwnerDocument.CreateTextNode(s)
			}
			w.replaceAll(n, t)
			return js.Undefined(), nil
		})
	}
	// A form control's form owner, without the form attribute: the
	// nearest form ancestor.
	for _, tag := range []string{"input", "button", "select", "textarea", "fieldset", "output", "object", "label", "legend", "option"} {
		w.attr(w.tagProtos[tag], "form", func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			for a := n.Parent; a != nil; a = a.Parent {
				if a.IsElement("form") {
					return w.wrap(a), nil
				}
			}
			return js.Null(), nil
		}, nil)
	}
	iframe := w.tagProtos["iframe"]
	w.attr(iframe, "contentWindow", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if cw := w.child(n); cw != nil {
			return cw.RT.Global(), nil
		}
		return js.Null(), nil
	}, nil)
	w.attr(iframe, "contentDocument", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if cw := w.child(n); cw != nil {
			return w.wrap(cw.Doc), nil
		}
		return js.Null(), nil
	}, nil)
}

// child returns the window of an iframe element's browsing context.
func (w *Window) child(el *dom.Node) *Window {
	if w.ChildWindow == nil || root(el).Type != dom.DocumentNode {
		return nil
	}
	return w.ChildWindow(el)
}

// frameList is window.frames: the windows of the document's iframes, in
// tree order.
type frameList struct{ w *Window }

func (f *frameList) windows() []*Window {
	var out []*Window
	f.w.Doc.Walk(func(n *dom.Node) bool {
		if n.IsElement("iframe") {
			if c := f.w.child(n); c != nil {
				out = append(out, c)
			}
		}
		return true
	})
	return out
}

func (f *frameList) IndexedLength() int { return len(f.windows()) }

func (f *frameList) IndexedGet(i int) (js.Value, bool) {
	ws := f.windows()
	if i < 0 || i >= len(ws) {
		return js.Undefined(), false
	}
	return ws[i].RT.Global(), true
}

func (w *Window) reflectBool(proto js.Value, name string) {
	w.attr(proto, name, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		_, ok := w.getAttr(n, name)
		return js.Bool(ok), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if truthy(c.Arg(0)) {
			w.setAttr(n, name, "")
		} else {
			w.removeAttr(n, name)
		}
		return js.Undefined(), nil
	})
}

// reflectURL reflects a URL attribute: reading resolves it against the
// document's URL.
func (w *Window) reflectURL(proto js.Value, name string) {
	w.attr(proto, name, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		v, ok := w.getAttr(n, name)
		if !ok {
			return strVal(""), nil
		}
		if u, err := w.URL.Parse(v); err == nil {
			return strVal(u.String()), nil
		}
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
		w.setAttr(n, name, s)
		return js.Undefined(), nil
	})
}

// installFormControls adds the state of inputs that is not an attribute:
// checkedness and value.
func (w *Window) installFormControls() {
	w.checked = map[*dom.Node]bool{}
	w.values = map[*dom.Node]string{}
	input := w.tagProtos["input"]
	w.attr(input, "type", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		t, ok := w.getAttr(n, "type")
		if !ok || t == "" {
			t = "text"
		}
		return strVal(toLowerASCII(t)), nil
	}, w.attrSetter("type"))
	w.attr(input, "checked", func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if v, ok := w.checked[n]; ok {
			return js.Bool(v), nil
		}
		_, ok := w.getAttr(n, "checked")
		return js.Bool(ok), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		w.checked[n] = truthy(c.Arg(0))
		w.mutated()
		return js.Undefined(), nil
	})
	w.reflectBoolAs(input, "defaultChecked", "checked")
	for _, tag := range []string{"input", "textarea", "select"} {
		w.attr(w.tagProtos[tag], "value", func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			if v, ok := w.values[n]; ok {
				return strVal(v), nil
			}
			if n.TagName == "textarea" {
				return strVal(n.TextContent()), nil
			}
			v, _ := w.getAttr(n, "value")
			return strVal(v), nil
		}, func(c *js.Call) (js.Value, error) {
			n, err := w.this(c)
			if err != nil {
				return js.Undefined(), err
			}
			s, err := w.strOrNull(c.Arg(0))
			if err != nil {
				return js.Undefined(), err
			}
			w.values[n] = s
			w.mutated()
			return js.Undefined(), nil
		})
	}
	w.reflectString(input, "defaultValue", "value")
}

func (w *Window) reflectBoolAs(proto js.Value, prop, attr string) {
	w.attr(proto, prop, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		_, ok := w.getAttr(n, attr)
		return js.Bool(ok), nil
	}, func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if truthy(c.Arg(0)) {
			w.setAttr(n, attr, "")
		} else {
			w.removeAttr(n, attr)
		}
		return js.Undefined(), nil
	})
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

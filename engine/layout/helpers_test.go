package layout

import (
	"image"
	"image/color"
	"strconv"
	"strings"

	"glassbox/engine/dom"
	"glassbox/engine/style"
)

// The tests build documents by hand, with computed styles given by a
// small user-agent stylesheet in Go (uaStyle) plus per-element changes,
// so that they do not depend on the cascade.

// styles is a StyleSource backed by a map, with text nodes taking their
// parent's style as *style.Styles does.
type styles map[*dom.Node]*style.ComputedStyle

func (m styles) Of(n *dom.Node) *style.ComputedStyle {
	if n.Type == dom.TextNode {
		return m[n.Parent]
	}
	return m[n]
}

// tree builds a document and its styles.
type tree struct {
	doc    *dom.Node
	edits  map[*dom.Node][]func(*style.ComputedStyle)
	images imageMap
}

func newTree() *tree {
	return &tree{doc: dom.NewDocument(), edits: map[*dom.Node][]func(*style.ComputedStyle){}, images: imageMap{}}
}

// attr is an attribute for E.
type attr struct{ name, value string }

// E makes an element. Each option is an attr, a style edit
// (func(*style.ComputedStyle)), a child *dom.Node, or a string for a text
// child. The id and class attributes can also be given in the tag, as in
// "div#main.wide".
func (t *tree) E(tag string, opts ...any) *dom.Node {
	tag, classes, _ := strings.Cut(tag, ".")
	tag, id, _ := strings.Cut(tag, "#")
	n := t.doc.CreateElement(tag)
	if id != "" {
		n.SetAttribute("id", id)
	}
	if classes != "" {
		n.SetAttribute("class", strings.ReplaceAll(classes, ".", " "))
	}
	for _, o := range opts {
		switch o := o.(type) {
		case attr:
			n.SetAttribute(o.name, o.value)
		case func(*style.ComputedStyle):
			t.edits[n] = append(t.edits[n], o)
		case *dom.Node:
			n.AppendChild(o)
		case string:
			n.AppendChild(t.doc.CreateTextNode(o))
		default:
			panic("E: bad option")
		}
	}
	return n
}

// Page wraps body content in html and body and makes it the document.
func (t *tree) Page(bodyOpts ...any) *tree {
	t.doc.AppendChild(t.E("html", t.E("body", bodyOpts...)))
	return t
}

// Img makes an img element whose image is w x h (no image when w or h is
// negative).
func (t *tree) Img(w, h int, opts ...any) *dom.Node {
	n := t.E("img", opts...)
	if w >= 0 && h >= 0 {
		t.images[n] = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	return n
}

type imageMap map[*dom.Node]image.Image

func (m imageMap) Image(n *dom.Node) (image.Image, bool) {
	img, ok := m[n]
	return img, ok
}

// styles computes every element's style: inherited properties from the
// parent, then the UA defaults for the tag, then the element's edits.
func (t *tree) styles() styles {
	m := styles{}
	var walk func(n *dom.Node, parent *style.ComputedStyle)
	walk = func(n *dom.Node, parent *style.ComputedStyle) {
		if n.Type != dom.ElementNode {
			return
		}
		s := inherit(parent)
		uaStyle(n.TagName, s)
		hints(n, s)
		for _, e := range t.edits[n] {
			e(s)
		}
		m[n] = s
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, s)
		}
	}
	for c := t.doc.FirstChild; c != nil; c = c.NextSibling {
		walk(c, nil)
	}
	return m
}

// initial is the initial style: display inline, 16px serif, black.
func initial() *style.ComputedStyle {
	return &style.ComputedStyle{
		Display:     style.DisplayInline,
		Width:       style.AutoLength,
		Height:      style.AutoLength,
		MinWidth:    style.AutoLength,
		MinHeight:   style.AutoLength,
		MaxWidth:    style.NoneLength,
		MaxHeight:   style.NoneLength,
		Color:       color.NRGBA{A: 255},
		FontFamily:  []string{"serif"},
		FontSize:    16,
		FontWeight:  400,
		FlexShrink:  1,
		FlexBasis:   style.AutoLength,
		AlignSelf:   style.AlignAuto,
		JustifySelf: style.AlignAuto,
	}
}

func inherit(p *style.ComputedStyle) *style.ComputedStyle {
	s := initial()
	if p == nil {
		return s
	}
	s.Color = p.Color
	s.FontFamily, s.FontSize, s.FontWeight, s.FontStyle = p.FontFamily, p.FontSize, p.FontWeight, p.FontStyle
	s.LineHeight, s.TextAlign, s.WhiteSpace, s.ListStyleType = p.LineHeight, p.TextAlign, p.WhiteSpace, p.ListStyleType
	return s
}

func uaStyle(tag string, s *style.ComputedStyle) {
	switch tag {
	case "html", "div", "section", "article", "header", "footer", "nav", "blockquote":
		s.Display = style.DisplayBlock
	case "body":
		s.Display = style.DisplayBlock
		setMargin(s, 8, 8, 8, 8)
	case "p":
		s.Display = style.DisplayBlock
		setMargin(s, 16, 0, 16, 0)
	case "h1":
		s.Display = style.DisplayBlock
		s.FontSize, s.FontWeight = 32, 700
		setMargin(s, 21.44, 0, 21.44, 0)
	case "ul", "ol":
		s.Display = style.DisplayBlock
		setMargin(s, 16, 0, 16, 0)
		s.Padding[style.Left] = style.PxLength(40)
		s.ListStyleType = style.ListDisc
		if tag == "ol" {
			s.ListStyleType = style.ListDecimal
		}
	case "li":
		s.Display = style.DisplayListItem
	case "pre":
		s.Display = style.DisplayBlock
		s.WhiteSpace = style.WhiteSpacePre
		s.FontFamily, s.FontSize = []string{"monospace"}, 13
		setMargin(s, 13, 0, 13, 0)
	case "b", "strong":
		s.FontWeight = 700
	case "head", "script", "style":
		s.Display = style.DisplayNone
	}
}

// Style edits, for E.

func setMargin(s *style.ComputedStyle, t, r, b, l float32) {
	s.Margin = [4]style.Length{style.PxLength(t), style.PxLength(r), style.PxLength(b), style.PxLength(l)}
}

func margin(t, r, b, l float32) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { setMargin(s, t, r, b, l) }
}

func marginAuto() func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.Margin[style.Left], s.Margin[style.Right] = style.AutoLength, style.AutoLength
	}
}

func padding(v float32) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		for i := range s.Padding {
			s.Padding[i] = style.PxLength(v)
		}
	}
}

func border(v float32) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		for i := range s.BorderWidth {
			s.BorderWidth[i] = v
			s.BorderStyle[i] = style.BorderSolid
			s.BorderColor[i] = color.NRGBA{A: 255}
		}
	}
}

func width(l style.Length) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.Width = l }
}

func height(l style.Length) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.Height = l }
}

func px(v float32) style.Length  { return style.PxLength(v) }
func pct(v float32) style.Length { return style.Length{Value: v, Unit: style.Percent} }

func display(d style.Display) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.Display = d }
}

func with(f func(*style.ComputedStyle)) func(*style.ComputedStyle) { return f }

// find returns the first fragment of the element with the given id.
func find(f *Fragment, id string) *Fragment {
	if f.Node != nil && f.Node.Type == dom.ElementNode && f.Node.ID() == id && f.Kind != KindMarker {
		return f
	}
	for _, c := range f.Children {
		if r := find(c, id); r != nil {
			return r
		}
	}
	return nil
}

// all returns every fragment of the given kind, in tree order.
func all(f *Fragment, k Kind) []*Fragment {
	var out []*Fragment
	var walk func(*Fragment)
	walk = func(f *Fragment) {
		if f.Kind == k {
			out = append(out, f)
		}
		for _, c := range f.Children {
			walk(c)
		}
	}
	walk(f)
	return out
}

// hints maps img's width and height attributes to CSS, as the cascade's
// presentational hints do.
func hints(n *dom.Node, s *style.ComputedStyle) {
	if n.TagName != "img" {
		return
	}
	for _, a := range []struct {
		name string
		l    *style.Length
	}{{"width", &s.Width}, {"height", &s.Height}} {
		if v, ok := n.Attribute(a.name); ok {
			if f, err := strconv.ParseFloat(v, 32); err == nil {
				*a.l = px(float32(f))
			}
		}
	}
}

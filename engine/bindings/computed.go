package bindings

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/js"
)

// StyleHost is what getComputedStyle needs from the page: the computed
// style of an element, after a style update when the document changed.
// A Host that does not implement it gets no getComputedStyle.
type StyleHost interface {
	ComputedStyle(n *dom.Node) *style.ComputedStyle
}

// computedDecl is the read-only CSSStyleDeclaration getComputedStyle
// returns; it reads the style anew on each access, as it is live.
type computedDecl struct {
	w  *Window
	el *dom.Node
}

var (
	displayNames    = []string{"inline", "block", "inline-block", "list-item", "none", "flex", "inline-flex", "grid", "inline-grid", "table", "inline-table", "table-row-group", "table-header-group", "table-footer-group", "table-row", "table-cell", "table-column-group", "table-column", "table-caption", "contents"}
	borderNames     = []string{"none", "hidden", "solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset"}
	fontStyleNames  = []string{"normal", "italic", "oblique"}
	textAlignNames  = []string{"left", "right", "center", "justify"}
	whiteSpaceNames = []string{"normal", "pre", "nowrap", "pre-wrap", "pre-line"}
	listStyleNames  = []string{"disc", "circle", "square", "decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "none"}
	visibilityNames = []string{"visible", "hidden", "collapse"}
	sideNames       = []string{"top", "right", "bottom", "left"}
)

func name(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return ""
}

func px(f float32) string { return strconv.FormatFloat(float64(f), 'f', -1, 32) + "px" }

func cssColor(c color.NRGBA) string {
	if c.A == 255 {
		return fmt.Sprintf("rgb(%d, %d, %d)", c.R, c.G, c.B)
	}
	return fmt.Sprintf("rgba(%d, %d, %d, %s)", c.R, c.G, c.B, strconv.FormatFloat(float64(c.A)/255, 'f', -1, 32))
}

func length(l style.Length) string {
	switch l.Unit {
	case style.Px:
		return px(l.Value)
	case style.Percent:
		return strconv.FormatFloat(float64(l.Value), 'f', -1, 32) + "%"
	case style.Auto:
		return "auto"
	}
	return "none"
}

// value returns the computed value of a property as CSSOM serializes it,
// and false for a property this engine does not compute.
func (d *computedDecl) value(prop string) (string, bool) {
	sh, ok := d.w.host.(StyleHost)
	if !ok {
		return "", false
	}
	s := sh.ComputedStyle(d.el)
	if s == nil {
		return "", true
	}
	box := func(f func(x, y, w, h float32) float32) string {
		x, y, w, h, ok := d.w.host.LayoutBox(d.el)
		if !ok {
			return ""
		}
		return px(f(x, y, w, h))
	}
	for i, side := range sideNames {
		switch prop {
		case "margin-" + side:
			return length(s.Margin[i]), true
		case "padding-" + side:
			return length(s.Padding[i]), true
		case "border-" + side + "-width":
			return px(s.BorderWidth[i]), true
		case "border-" + side + "-style":
			return name(borderNames, int(s.BorderStyle[i])), true
		case "border-" + side + "-color":
			return cssColor(s.BorderColor[i]), true
		}
	}
	switch prop {
	case "display":
		return name(displayNames, int(s.Display)), true
	case "box-sizing":
		if s.BoxSizing == style.BorderBox {
			return "border-box", true
		}
		return "content-box", true
	case "width":
		if s.Display != style.DisplayNone && s.Display != style.DisplayInline {
			if v := box(func(x, y, w, h float32) float32 {
				if s.BoxSizing == style.BorderBox {
					return w
				}
				return w - s.BorderWidth[style.Left] - s.BorderWidth[style.Right] - usedPad(s, style.Left, w) - usedPad(s, style.Right, w)
			}); v != "" {
				return v, true
			}
		}
		return length(s.Width), true
	case "height":
		if s.Display != style.DisplayNone && s.Display != style.DisplayInline {
			if v := box(func(x, y, w, h float32) float32 {
				if s.BoxSizing == style.BorderBox {
					return h
				}
				return h - s.BorderWidth[style.Top] - s.BorderWidth[style.Bottom] - usedPad(s, style.Top, w) - usedPad(s, style.Bottom, w)
			}); v != "" {
				return v, true
			}
		}
		return length(s.Height), true
	case "min-width":
		return length(s.MinWidth), true
	case "min-height":
		return length(s.MinHeight), true
	case "max-width":
		return length(s.MaxWidth), true
	case "max-height":
		return length(s.MaxHeight), true
	case "color":
		return cssColor(s.Color), true
	case "background-color":
		return cssColor(s.BackgroundColor), true
	case "font-family":
		return strings.Join(s.FontFamily, ", "), true
	case "font-size":
		return px(s.FontSize), true
	case "font-weight":
		return strconv.Itoa(s.FontWeight), true
	case "font-style":
		return name(fontStyleNames, int(s.FontStyle)), true
	case "line-height":
		switch s.LineHeight.Kind {
		case style.LineHeightNumber:
			return px(s.LineHeight.Value * s.FontSize), true
		case style.LineHeightPx:
			return px(s.LineHeight.Value), true
		}
		return "normal", true
	case "text-align":
		return name(textAlignNames, int(s.TextAlign)), true
	case "white-space":
		return name(whiteSpaceNames, int(s.WhiteSpace)), true
	case "text-decoration-line", "text-decoration":
		var parts []string
		for i, n := range []string{"underline", "overline", "line-through"} {
			if s.TextDecoration&(1<<i) != 0 {
				parts = append(parts, n)
			}
		}
		if len(parts) == 0 {
			return "none", true
		}
		return strings.Join(parts, " "), true
	case "list-style-type":
		return name(listStyleNames, int(s.ListStyleType)), true
	case "visibility":
		return name(visibilityNames, int(s.Visibility)), true
	}
	return "", false
}

// usedPad resolves a padding that may be a percentage of the width.
func usedPad(s *style.ComputedStyle, side int, w float32) float32 {
	if s.Padding[side].Unit == style.Percent {
		return s.Padding[side].Value * w / 100
	}
	return s.Padding[side].Value
}

func (w *Window) installComputedStyle() {
	proto := w.class("CSSComputedStyleDeclaration", js.Undefined(), nil)
	this := func(c *js.Call) (*computedDecl, error) {
		if d, ok := js.HostData(c.This).(*computedDecl); ok {
			return d, nil
		}
		return nil, w.typeError("Illegal invocation")
	}
	w.method(proto, "getPropertyValue", 1, func(c *js.Call) (js.Value, error) {
		d, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		p, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		v, _ := d.value(strings.ToLower(strings.TrimSpace(p)))
		return strVal(v), nil
	})
	props := []string{"display", "box-sizing", "width", "height", "min-width", "min-height", "max-width", "max-height",
		"color", "background-color", "font-family", "font-size", "font-weight", "font-style", "line-height", "text-align",
		"white-space", "text-decoration", "text-decoration-line", "list-style-type", "visibility"}
	for _, side := range sideNames {
		props = append(props, "margin-"+side, "padding-"+side, "border-"+side+"-width", "border-"+side+"-style", "border-"+side+"-color")
	}
	for _, p := range props {
		w.attr(proto, camel(p), func(c *js.Call) (js.Value, error) {
			d, err := this(c)
			if err != nil {
				return js.Undefined(), err
			}
			v, _ := d.value(p)
			return strVal(v), nil
		}, nil)
	}
	w.method(w.RT.Global(), "getComputedStyle", 1, func(c *js.Call) (js.Value, error) {
		n, ok := js.HostData(c.Arg(0)).(*dom.Node)
		if !ok || n.Type != dom.ElementNode {
			return js.Undefined(), w.typeError("Failed to execute 'getComputedStyle' on 'Window': parameter 1 is not of type 'Element'.")
		}
		return w.RT.NewHostObject(proto, &computedDecl{w: w, el: n}), nil
	})
}

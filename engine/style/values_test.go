package style

import (
	"fmt"
	"image/color"
	"testing"

	"glassbox/engine/css"
)

// styleOf computes the style of a p (with id "t") inside a div, given
// declarations for each. The viewport is 1000×800, the root font 16px
// unless rootDecls changes it.
func styleOf(t *testing.T, rootDecls, divDecls, pDecls string) *ComputedStyle {
	t.Helper()
	doc, n := parseTree(t, "html#html\n  body\n    div#div\n      p#p")
	n["html"].SetAttribute("style", rootDecls)
	n["div"].SetAttribute("style", divDecls)
	n["p"].SetAttribute("style", pDecls)
	return Compute(doc, nil, desktop).Of(n["p"])
}

func TestLengthUnits(t *testing.T) {
	tests := []struct {
		decl string
		want float32
	}{
		{"10px", 10},
		{"0", 0},
		{"2em", 40},    // p's font-size is 20px
		{"1.5rem", 36}, // root font-size 24px
		{"1ex", 10},
		{"2ch", 20},
		{"10vw", 100},
		{"10vh", 80},
		{"10vmin", 80},
		{"10vmax", 100},
		{"12pt", 16},
		{"1pc", 16},
		{"1in", 96},
		{"2.54cm", 96},
		{"25.4mm", 96},
		{"101.6q", 96},
		{"1IN", 96},
		{"-5px", -5},
	}
	for _, tt := range tests {
		cs := styleOf(t, "font-size: 24px", "font-size: 10px", "font-size: 20px; margin-left: "+tt.decl)
		if got := cs.Margin[Left]; got.Unit != Px || !near(got.Value, tt.want) {
			t.Errorf("margin-left: %s = %v, want %vpx", tt.decl, got, tt.want)
		}
	}
	cs := styleOf(t, "", "", "margin-left: 12%; width: 50%; max-width: none; min-width: auto; height: auto")
	if cs.Margin[Left] != (Length{Value: 12, Unit: Percent}) || cs.Width != (Length{Value: 50, Unit: Percent}) ||
		cs.MaxWidth != NoneLength || cs.MinWidth != AutoLength || cs.Height != AutoLength {
		t.Errorf("percent/auto/none: %v %v %v %v %v", cs.Margin[Left], cs.Width, cs.MaxWidth, cs.MinWidth, cs.Height)
	}
	// Invalid lengths fall back to the earlier declaration.
	for _, bad := range []string{"10", "10foo", "px", "red", "-5px" /* padding */} {
		cs := styleOf(t, "", "", "padding-left: 7px; padding-left: "+bad)
		if cs.Padding[Left] != PxLength(7) {
			t.Errorf("padding-left: %s accepted: %v", bad, cs.Padding[Left])
		}
	}
	if cs := styleOf(t, "", "", "width: 7px; width: -1px"); cs.Width != PxLength(7) {
		t.Errorf("negative width accepted")
	}
}

func TestFontSize(t *testing.T) {
	tests := []struct {
		root, div, p string
		want         float32
	}{
		{"", "", "", 16},
		{"", "font-size: 20px", "", 20},
		{"", "font-size: 20px", "font-size: 2em", 40},
		{"", "font-size: 20px", "font-size: 150%", 30},
		{"font-size: 10px", "font-size: 20px", "font-size: 2rem", 20},
		{"font-size: 2rem", "", "font-size: 1rem", 32}, // root rem uses the initial 16px
		{"", "", "font-size: xx-small", 9.6},
		{"", "", "font-size: x-small", 12},
		{"", "", "font-size: small", 16 * 8.0 / 9},
		{"", "", "font-size: medium", 16},
		{"", "", "font-size: large", 19.2},
		{"", "", "font-size: x-large", 24},
		{"", "", "font-size: xx-large", 32},
		{"", "", "font-size: xxx-large", 48},
		{"", "font-size: 24px", "font-size: smaller", 20},
		{"", "font-size: 20px", "font-size: larger", 24},
		{"", "font-size: 20px", "font-size: 12pt", 16},
		{"", "font-size: 20px", "font-size: 5vw", 50},
		{"", "font-size: 20px", "font-size: -1px", 20},
		{"", "font-size: 20px", "font-size: inherit", 20},
		{"", "font-size: 20px", "font-size: initial", 16},
	}
	for _, tt := range tests {
		cs := styleOf(t, tt.root, tt.div, tt.p)
		if !near(cs.FontSize, tt.want) {
			t.Errorf("root %q div %q p %q: font-size %v, want %v", tt.root, tt.div, tt.p, cs.FontSize, tt.want)
		}
	}
}

func TestLineHeight(t *testing.T) {
	tests := []struct {
		div, p string
		want   LineHeight
	}{
		{"", "", LineHeight{LineHeightNormal, 0}},
		{"", "line-height: normal", LineHeight{LineHeightNormal, 0}},
		{"", "line-height: 1.5", LineHeight{LineHeightNumber, 1.5}},
		{"", "font-size: 20px; line-height: 30px", LineHeight{LineHeightPx, 30}},
		{"", "font-size: 20px; line-height: 150%", LineHeight{LineHeightPx, 30}},
		{"", "font-size: 20px; line-height: 2em", LineHeight{LineHeightPx, 40}},
		// A number inherits as a number; a percentage as the px it became.
		{"font-size: 10px; line-height: 2", "font-size: 20px", LineHeight{LineHeightNumber, 2}},
		{"font-size: 10px; line-height: 200%", "font-size: 20px", LineHeight{LineHeightPx, 20}},
		{"", "line-height: -1", LineHeight{LineHeightNormal, 0}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", tt.div, tt.p)
		if cs.LineHeight.Kind != tt.want.Kind || !near(cs.LineHeight.Value, tt.want.Value) {
			t.Errorf("div %q p %q: line-height %v, want %v", tt.div, tt.p, cs.LineHeight, tt.want)
		}
	}
	cs := styleOf(t, "", "", "font-size: 20px; line-height: 1.5")
	if px, ok := cs.UsedLineHeight(); !ok || px != 30 {
		t.Errorf("UsedLineHeight = %v %v", px, ok)
	}
}

func TestColors(t *testing.T) {
	tests := []struct {
		val  string
		want color.NRGBA
	}{
		{"red", color.NRGBA{255, 0, 0, 255}},
		{"RebeccaPurple", color.NRGBA{0x66, 0x33, 0x99, 255}},
		{"transparent", color.NRGBA{}},
		{"#0f0", color.NRGBA{0, 255, 0, 255}},
		{"#0f08", color.NRGBA{0, 255, 0, 0x88}},
		{"#00ff00", color.NRGBA{0, 255, 0, 255}},
		{"#00FF0080", color.NRGBA{0, 255, 0, 0x80}},
		{"rgb(1, 2, 3)", color.NRGBA{1, 2, 3, 255}},
		{"rgb(1,2,3,0.5)", color.NRGBA{1, 2, 3, 128}},
		{"rgba(1, 2, 3, 50%)", color.NRGBA{1, 2, 3, 128}},
		{"rgba(1, 2, 3)", color.NRGBA{1, 2, 3, 255}},
		{"rgb(100%, 0%, 50%)", color.NRGBA{255, 0, 128, 255}},
		{"rgb(1 2 3)", color.NRGBA{1, 2, 3, 255}},
		{"rgb(1 2 3 / 0.25)", color.NRGBA{1, 2, 3, 64}},
		{"rgb(300 -5 2.5)", color.NRGBA{255, 0, 3, 255}},
		{"rgb(100% 50 0)", color.NRGBA{255, 50, 0, 255}},
		{"hsl(120, 100%, 50%)", color.NRGBA{0, 255, 0, 255}},
		{"hsl(0 100% 50%)", color.NRGBA{255, 0, 0, 255}},
		{"hsl(240deg 100% 50% / 50%)", color.NRGBA{0, 0, 255, 128}},
		{"hsla(0.5turn, 100%, 25%, 1)", color.NRGBA{0, 128, 128, 255}},
		{"hsl(-120 100% 50%)", color.NRGBA{0, 0, 255, 255}},
		{"hsl(0 0% 100%)", color.NRGBA{255, 255, 255, 255}},
		{"hwb(0 0% 0%)", color.NRGBA{255, 0, 0, 255}},
		{"hwb(0 100% 100%)", color.NRGBA{128, 128, 128, 255}},
		{"canvastext", color.NRGBA{0, 0, 0, 255}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "color: "+tt.val)
		if cs.Color != tt.want {
			t.Errorf("color: %s = %v, want %v", tt.val, cs.Color, tt.want)
		}
		if got, ok := ParseColor(tt.val); !ok || got != tt.want {
			t.Errorf("ParseColor(%q) = %v %v", tt.val, got, ok)
		}
	}
	for _, bad := range []string{"#12", "#12345", "#ggg", "rgb(1, 2)", "rgb(1 2 3 4)", "rgb(1, 2 3)",
		"rgb(1%, 2, 3)", "hsl(1, 2, 3)", "nosuchcolor", "12px", "rgb(1,2,3,)", "currentColor"} {
		if c, ok := ParseColor(bad); ok {
			t.Errorf("ParseColor(%q) = %v, want failure", bad, c)
		}
	}
	cs := styleOf(t, "", "color: blue", "color: green; border: 1px solid; background-color: currentColor; color: currentcolor")
	if cs.Color != blue || cs.BackgroundColor != blue || cs.BorderColor[Top] != blue {
		t.Errorf("currentColor: color %v background %v border %v", cs.Color, cs.BackgroundColor, cs.BorderColor[Top])
	}
}

func TestLegacyColors(t *testing.T) {
	tests := []struct {
		in   string
		want color.NRGBA
		ok   bool
	}{
		{"red", rgb(0xff0000), true},
		{"#f00", rgb(0xff0000), true},
		{"ff0000", rgb(0xff0000), true},
		{"#ff000", rgb(0xff0000), true}, // padded to ff0000
		{"chucknorris", rgb(0xc00000), true},
		{"#1234567890", rgb(0x125690), true},
		{"#0000000f0000000a00000000c", rgb(0x0fa0c0), true},
		{"  #00F  ", rgb(0x0000ff), true},
		{"transparent", color.NRGBA{}, false},
		{"", color.NRGBA{}, false},
	}
	for _, tt := range tests {
		got, ok := parseLegacyColor(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseLegacyColor(%q) = %v %v, want %v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestShorthands(t *testing.T) {
	px := func(v ...float32) [4]Length {
		var out [4]Length
		for i := range out {
			out[i] = PxLength(v[i])
		}
		return out
	}
	tests := []struct {
		decls string
		check func(*ComputedStyle) bool
	}{
		{"margin: 1px", func(c *ComputedStyle) bool { return c.Margin == px(1, 1, 1, 1) }},
		{"margin: 1px 2px", func(c *ComputedStyle) bool { return c.Margin == px(1, 2, 1, 2) }},
		{"margin: 1px 2px 3px", func(c *ComputedStyle) bool { return c.Margin == px(1, 2, 3, 2) }},
		{"margin: 1px 2px 3px 4px", func(c *ComputedStyle) bool { return c.Margin == px(1, 2, 3, 4) }},
		{"margin: 0 auto", func(c *ComputedStyle) bool { return c.Margin[Left].IsAuto() && c.Margin[Top] == PxLength(0) }},
		{"margin: 9px; margin: 1px 2px 3px 4px 5px", func(c *ComputedStyle) bool { return c.Margin == px(9, 9, 9, 9) }},
		{"margin: 1px; margin-top: 5px", func(c *ComputedStyle) bool { return c.Margin == px(5, 1, 1, 1) }},
		{"margin-top: 5px; margin: 1px", func(c *ComputedStyle) bool { return c.Margin == px(1, 1, 1, 1) }},
		{"margin-inline: 3px 4px; margin-block: 1px", func(c *ComputedStyle) bool { return c.Margin == px(1, 4, 1, 3) }},
		{"padding: 1px 2px 3px 4px", func(c *ComputedStyle) bool { return c.Padding == px(1, 2, 3, 4) }},
		{"padding: 1px; padding: auto", func(c *ComputedStyle) bool { return c.Padding == px(1, 1, 1, 1) }},
		{"padding-inline-start: 6px", func(c *ComputedStyle) bool { return c.Padding[Left] == PxLength(6) }},
		{"border: 2px solid red", func(c *ComputedStyle) bool {
			return c.BorderWidth == [4]float32{2, 2, 2, 2} && c.BorderStyle[Right] == BorderSolid && c.BorderColor[Bottom] == red
		}},
		{"border: solid", func(c *ComputedStyle) bool {
			return c.BorderWidth == [4]float32{3, 3, 3, 3} && c.BorderColor[Top] == black
		}},
		{"border: thin dashed; border-top: thick double blue", func(c *ComputedStyle) bool {
			return c.BorderWidth == [4]float32{5, 1, 1, 1} && c.BorderStyle[Top] == BorderDouble &&
				c.BorderColor[Top] == blue && c.BorderStyle[Left] == BorderDashed
		}},
		{"border: 4px solid; border: none", func(c *ComputedStyle) bool { return c.BorderWidth == [4]float32{} }},
		{"border: 4px hidden", func(c *ComputedStyle) bool { return c.BorderWidth == [4]float32{} }},
		{"border: 0", func(c *ComputedStyle) bool { return c.BorderWidth == [4]float32{} }},
		{"border: 1px solid red blue", func(c *ComputedStyle) bool { return c.BorderWidth == [4]float32{} }},
		{"border-width: 1px 2px; border-style: solid dotted none inset", func(c *ComputedStyle) bool {
			return c.BorderWidth == [4]float32{1, 2, 0, 2} && c.BorderStyle[Right] == BorderDotted
		}},
		{"border-style: solid; border-color: red green", func(c *ComputedStyle) bool {
			return c.BorderColor[Top] == red && c.BorderColor[Right] == green && c.BorderColor[Left] == green
		}},
		{"border-left: 1em groove", func(c *ComputedStyle) bool {
			return c.BorderWidth[Left] == 16 && c.BorderStyle[Left] == BorderGroove && c.BorderWidth[Top] == 0
		}},
		{"background: red", func(c *ComputedStyle) bool { return c.BackgroundColor == red }},
		{"background: url(x.png) no-repeat center / cover #00f", func(c *ComputedStyle) bool { return c.BackgroundColor == blue }},
		{"background-color: red; background: url(x.png)", func(c *ComputedStyle) bool { return c.BackgroundColor.A == 0 }},
		{"background: none", func(c *ComputedStyle) bool { return c.BackgroundColor.A == 0 }},
		{"font: italic bold 12px/30px Georgia, serif", func(c *ComputedStyle) bool {
			return c.FontStyle == FontItalic && c.FontWeight == 700 && c.FontSize == 12 &&
				c.LineHeight == LineHeight{LineHeightPx, 30} && fmt.Sprint(c.FontFamily) == "[Georgia serif]"
		}},
		{"line-height: 3; font-weight: bold; font: 20px sans-serif", func(c *ComputedStyle) bool {
			return c.FontSize == 20 && c.LineHeight.Kind == LineHeightNormal && c.FontWeight == 400 &&
				fmt.Sprint(c.FontFamily) == "[sans-serif]"
		}},
		{"font: 300 small-caps 2em/1.2 \"Times New Roman\"", func(c *ComputedStyle) bool {
			return c.FontWeight == 300 && c.FontSize == 32 && c.LineHeight == LineHeight{LineHeightNumber, 1.2} &&
				fmt.Sprint(c.FontFamily) == "[Times New Roman]"
		}},
		{"font: 12px", func(c *ComputedStyle) bool { return c.FontSize == 16 }}, // family required
		{"font: bold", func(c *ComputedStyle) bool { return c.FontWeight == 400 }},
		{"font: menu", func(c *ComputedStyle) bool { return c.FontSize == 13 }},
		{"font-family: \"Helvetica Neue\", Arial Black , SANS-SERIF", func(c *ComputedStyle) bool {
			return fmt.Sprint(c.FontFamily) == "[Helvetica Neue Arial Black sans-serif]"
		}},
		{"font-family: serif; font-family: 12px", func(c *ComputedStyle) bool { return fmt.Sprint(c.FontFamily) == "[serif]" }},
		{"list-style: square inside", func(c *ComputedStyle) bool { return c.ListStyleType == ListSquare }},
		{"list-style: none", func(c *ComputedStyle) bool { return c.ListStyleType == ListNone }},
		{"list-style: url(x.png)", func(c *ComputedStyle) bool { return c.ListStyleType == ListDisc }},
		{"list-style-type: upper-roman", func(c *ComputedStyle) bool { return c.ListStyleType == ListUpperRoman }},
		{"list-style-type: georgian", func(c *ComputedStyle) bool { return c.ListStyleType == ListDecimal }},
		{"text-decoration: underline overline", func(c *ComputedStyle) bool {
			return c.TextDecoration == DecorationUnderline|DecorationOverline
		}},
		{"text-decoration: line-through wavy red", func(c *ComputedStyle) bool { return c.TextDecoration == DecorationLineThrough }},
		{"text-decoration: underline; text-decoration: none", func(c *ComputedStyle) bool { return c.TextDecoration == 0 }},
		{"text-decoration-line: underline", func(c *ComputedStyle) bool { return c.TextDecoration == DecorationUnderline }},
		{"text-decoration: underline underline", func(c *ComputedStyle) bool { return c.TextDecoration == 0 }},
	}
	for _, tt := range tests {
		if cs := styleOf(t, "", "", tt.decls); !tt.check(cs) {
			t.Errorf("%s: got %+v", tt.decls, cs)
		}
	}
}

func TestKeywords(t *testing.T) {
	tests := []struct {
		decls string
		check func(*ComputedStyle) bool
	}{
		{"display: block", func(c *ComputedStyle) bool { return c.Display == DisplayBlock }},
		{"display: INLINE-BLOCK", func(c *ComputedStyle) bool { return c.Display == DisplayInlineBlock }},
		{"display: table-header-group", func(c *ComputedStyle) bool { return c.Display == DisplayTableHeaderGroup }},
		{"display: contents", func(c *ComputedStyle) bool { return c.Display == DisplayContents }},
		{"display: flow-root", func(c *ComputedStyle) bool { return c.Display == DisplayBlock }},
		{"display: inline flex", func(c *ComputedStyle) bool { return c.Display == DisplayInlineFlex }},
		{"display: flow-root inline", func(c *ComputedStyle) bool { return c.Display == DisplayInlineBlock }},
		{"display: block; display: bogus", func(c *ComputedStyle) bool { return c.Display == DisplayBlock }},
		{"box-sizing: border-box", func(c *ComputedStyle) bool { return c.BoxSizing == BorderBox }},
		{"font-style: oblique 10deg", func(c *ComputedStyle) bool { return c.FontStyle == FontOblique }},
		{"font-weight: 550", func(c *ComputedStyle) bool { return c.FontWeight == 550 }},
		{"font-weight: 0", func(c *ComputedStyle) bool { return c.FontWeight == 400 }},
		{"font-weight: lighter", func(c *ComputedStyle) bool { return c.FontWeight == 100 }},
		{"text-align: start", func(c *ComputedStyle) bool { return c.TextAlign == AlignLeft }},
		{"text-align: end", func(c *ComputedStyle) bool { return c.TextAlign == AlignRight }},
		{"text-align: justify", func(c *ComputedStyle) bool { return c.TextAlign == AlignJustify }},
		{"text-align: -webkit-center", func(c *ComputedStyle) bool { return c.TextAlign == AlignCenter }},
		{"white-space: pre-wrap", func(c *ComputedStyle) bool { return c.WhiteSpace == WhiteSpacePreWrap }},
		{"white-space: pre-line", func(c *ComputedStyle) bool { return c.WhiteSpace == WhiteSpacePreLine }},
		{"white-space: break-spaces", func(c *ComputedStyle) bool { return c.WhiteSpace == WhiteSpacePreWrap }},
		{"visibility: collapse", func(c *ComputedStyle) bool { return c.Visibility == VisibilityCollapse }},
		{"max-width: 10px; min-height: 5%", func(c *ComputedStyle) bool {
			return c.MaxWidth == PxLength(10) && c.MinHeight == Length{Value: 5, Unit: Percent}
		}},
		{"width: max-content", func(c *ComputedStyle) bool { return c.Width.IsAuto() }},
		{"COLOR: RED", func(c *ComputedStyle) bool { return c.Color == red }},
		{"unknown-property: 1; color: red", func(c *ComputedStyle) bool { return c.Color == red }},
		// An undefined variable makes the value invalid at computed-value
		// time: color is then unset, which inherits.
		{"color: red; color: var(--x)", func(c *ComputedStyle) bool { return c.Color == black }},
	}
	for _, tt := range tests {
		if cs := styleOf(t, "", "", tt.decls); !tt.check(cs) {
			t.Errorf("%s: got %+v", tt.decls, cs)
		}
	}
	// bolder and lighter follow the CSS Fonts table.
	for _, w := range []struct{ parent, bolder, lighter int }{
		{100, 400, 100}, {400, 700, 100}, {600, 900, 400}, {800, 900, 700},
	} {
		div := fmt.Sprintf("font-weight: %d", w.parent)
		if got := styleOf(t, "", div, "font-weight: bolder").FontWeight; got != w.bolder {
			t.Errorf("bolder than %d = %d, want %d", w.parent, got, w.bolder)
		}
		if got := styleOf(t, "", div, "font-weight: lighter").FontWeight; got != w.lighter {
			t.Errorf("lighter than %d = %d, want %d", w.parent, got, w.lighter)
		}
	}
	// Root display is blockified.
	doc, n := parseTree(t, "html#html")
	st := Compute(doc, []Sheet{{Sheet: css.Parse("html { display: inline-flex }"), Origin: Author}}, desktop)
	if got := st.Of(n["html"]).Display; got != DisplayFlex {
		t.Errorf("root inline-flex = %v, want flex", got)
	}
}

func TestTextDecorationPropagation(t *testing.T) {
	st, n := compute(t, `
html
  body
    p#p style='text-decoration: underline'
      span#span style='text-decoration: overline'
        em#em style='text-decoration: none'
      b#ib style='display: inline-block'
`, "")
	if got := st.Of(n["span"]).TextDecoration; got != DecorationUnderline|DecorationOverline {
		t.Errorf("span = %v", got)
	}
	if got := st.Of(n["em"]).TextDecoration; got != DecorationUnderline|DecorationOverline {
		t.Errorf("em cannot remove ancestors' lines: %v", got)
	}
	if got := st.Of(n["ib"]).TextDecoration; got != 0 {
		t.Errorf("inline-block should not receive decorations: %v", got)
	}
}

func TestFloatPositionOverflow(t *testing.T) {
	tests := []struct {
		decls string
		check func(*ComputedStyle) bool
	}{
		{"float: left", func(s *ComputedStyle) bool { return s.Float == FloatLeft && s.Display == DisplayBlock }},
		{"float: right; display: inline-block", func(s *ComputedStyle) bool { return s.Float == FloatRight && s.Display == DisplayBlock }},
		{"float: left; position: absolute", func(s *ComputedStyle) bool { return s.Float == FloatNone && s.Position == PositionAbsolute }},
		{"float: sideways", func(s *ComputedStyle) bool { return s.Float == FloatNone && s.Display == DisplayInline }},
		{"clear: both", func(s *ComputedStyle) bool { return s.Clear == ClearBoth }},
		{"position: fixed; display: inline", func(s *ComputedStyle) bool { return s.Position == PositionFixed && s.Display == DisplayBlock }},
		{"position: relative; top: 2em; left: 10%", func(s *ComputedStyle) bool {
			return s.Inset[Top] == PxLength(40) && s.Inset[Left] == (Length{Value: 10, Unit: Percent}) && s.Inset[Right].IsAuto()
		}},
		{"inset: 1px 2px", func(s *ComputedStyle) bool {
			return s.Inset == [4]Length{PxLength(1), PxLength(2), PxLength(1), PxLength(2)}
		}},
		{"z-index: -3", func(s *ComputedStyle) bool { return s.ZIndex == -3 && !s.ZIndexAuto }},
		{"z-index: 1.5", func(s *ComputedStyle) bool { return s.ZIndexAuto }},
		{"overflow: hidden", func(s *ComputedStyle) bool { return s.OverflowX == OverflowHidden && s.OverflowY == OverflowHidden }},
		{"overflow-x: hidden", func(s *ComputedStyle) bool { return s.OverflowX == OverflowHidden && s.OverflowY == OverflowAuto }},
		{"overflow: visible scroll", func(s *ComputedStyle) bool { return s.OverflowX == OverflowAuto && s.OverflowY == OverflowScroll }},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "display: inline; font-size: 20px; "+tt.decls)
		if !tt.check(cs) {
			t.Errorf("%s: got float %v clear %v position %v inset %v z %v/%v overflow %v/%v display %v", tt.decls,
				cs.Float, cs.Clear, cs.Position, cs.Inset, cs.ZIndex, cs.ZIndexAuto, cs.OverflowX, cs.OverflowY, cs.Display)
		}
	}
}

func TestVerticalAlign(t *testing.T) {
	tests := []struct {
		decl string
		want VerticalAlign
	}{
		{"middle", VerticalAlign{Kind: VAlignMiddle}},
		{"TEXT-TOP", VerticalAlign{Kind: VAlignTextTop}},
		{"-1em", VerticalAlign{Kind: VAlignLength, Len: PxLength(-20)}},
		{"50%", VerticalAlign{Kind: VAlignLength, Len: Length{Value: 50, Unit: Percent}}},
		{"sideways", VerticalAlign{}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "font-size: 20px; vertical-align: "+tt.decl)
		if cs.VerticalAlign != tt.want {
			t.Errorf("vertical-align: %s = %v, want %v", tt.decl, cs.VerticalAlign, tt.want)
		}
	}
}

func TestBackgroundImage(t *testing.T) {
	pct := func(v float32) Length { return Length{Value: v, Unit: Percent} }
	tests := []struct {
		decls  string
		img    string
		repeat BackgroundRepeat
		pos    [2]Length
	}{
		{"background-image: url(a.png)", "a.png", RepeatBoth, [2]Length{pct(0), pct(0)}},
		{`background: url("b c.png") no-repeat right bottom`, "b c.png", RepeatNone, [2]Length{pct(100), pct(100)}},
		{"background: url(a.png) repeat-x top", "a.png", RepeatX, [2]Length{pct(50), pct(0)}},
		{"background: url(a.png) center left", "a.png", RepeatBoth, [2]Length{pct(0), pct(50)}},
		{"background: url(a.png); background-position: 10px 2em", "a.png", RepeatBoth, [2]Length{PxLength(10), PxLength(40)}},
		{"background-image: url(a.png); background-image: none", "", RepeatBoth, [2]Length{pct(0), pct(0)}},
		{"background-position: 10px left", "", RepeatBoth, [2]Length{pct(0), pct(0)}}, // invalid: dropped
		{"background: url(a.png) repeat-y 30% / cover", "a.png", RepeatY, [2]Length{pct(30), pct(50)}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "font-size: 20px; "+tt.decls)
		if cs.BackgroundImage != tt.img || cs.BackgroundRepeat != tt.repeat || cs.BackgroundPosition != tt.pos {
			t.Errorf("%s: got %q %v %v", tt.decls, cs.BackgroundImage, cs.BackgroundRepeat, cs.BackgroundPosition)
		}
	}
}

func TestContent(t *testing.T) {
	tests := []struct {
		decl string
		want []ContentItem
	}{
		{`content: "a" attr(title) counter(c) counters(c, ".", upper-roman) open-quote close-quote`, []ContentItem{
			{Kind: ContentString, Text: "a"}, {Kind: ContentAttr, Text: "title"},
			{Kind: ContentCounter, Text: "c", Style: ListDecimal},
			{Kind: ContentCounters, Text: "c", Sep: ".", Style: ListUpperRoman},
			{Kind: ContentOpenQuote}, {Kind: ContentCloseQuote}}},
		{`content: none`, nil},
		{`content: "a" none`, nil}, // invalid
		{`content: counter(c, "x")`, nil},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", tt.decl)
		if fmt.Sprint(cs.Content) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.decl, cs.Content, tt.want)
		}
	}
	cs := styleOf(t, "", "", "counter-reset: a b 3; counter-increment: a -2")
	if fmt.Sprint(cs.CounterReset) != "[{a 0} {b 3}]" || fmt.Sprint(cs.CounterIncrement) != "[{a -2}]" {
		t.Errorf("counters: %v %v", cs.CounterReset, cs.CounterIncrement)
	}
}

func TestOutline(t *testing.T) {
	tests := []struct {
		decls string
		style BorderStyle
		width float32
		color color.NRGBA
	}{
		{"outline: 2px solid red", BorderSolid, 2, color.NRGBA{255, 0, 0, 255}},
		{"outline: dashed", BorderDashed, 3, color.NRGBA{0, 0, 255, 255}},
		{"outline-width: 4px", BorderNone, 0, color.NRGBA{0, 0, 255, 255}},
		{"outline: 1px solid; outline-color: invert", BorderSolid, 1, color.NRGBA{0, 0, 255, 255}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "color: blue; "+tt.decls)
		if cs.OutlineStyle != tt.style || cs.OutlineWidth != tt.width || cs.OutlineColor != tt.color {
			t.Errorf("%s: got %v %v %v", tt.decls, cs.OutlineStyle, cs.OutlineWidth, cs.OutlineColor)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		decl string
		set  bool
		want [4]Length
	}{
		{"clip: rect(1px, 2em, auto, 0)", true, [4]Length{PxLength(1), PxLength(40), AutoLength, PxLength(0)}},
		{"clip: rect(1px 2px 3px 4px)", true, [4]Length{PxLength(1), PxLength(2), PxLength(3), PxLength(4)}},
		{"clip: auto", false, [4]Length{}},
		{"clip: rect(1px, 2px, 3px)", false, [4]Length{}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "font-size: 20px; "+tt.decl)
		if cs.ClipSet != tt.set || (tt.set && cs.Clip != tt.want) {
			t.Errorf("%s: got %v %v", tt.decl, cs.ClipSet, cs.Clip)
		}
	}
}

func TestTextProperties(t *testing.T) {
	cs := styleOf(t, "", "text-indent: 10%; text-transform: capitalize; letter-spacing: 0.1em; word-spacing: 3px",
		"font-size: 20px")
	if cs.TextIndent != (Length{Value: 10, Unit: Percent}) || cs.TextTransform != TransformCapitalize ||
		!near(cs.LetterSpacing, 1.6) || cs.WordSpacing != 3 { // em computed on the div (16px)
		t.Errorf("inherited: indent %v transform %v letter %v word %v", cs.TextIndent, cs.TextTransform, cs.LetterSpacing, cs.WordSpacing)
	}
	cs = styleOf(t, "", "", "letter-spacing: 2px; letter-spacing: normal; text-transform: sideways")
	if cs.LetterSpacing != 0 || cs.TextTransform != TransformNone {
		t.Errorf("normal: letter %v transform %v", cs.LetterSpacing, cs.TextTransform)
	}
}

func TestTableProperties(t *testing.T) {
	tests := []struct {
		div, p    string
		spacing   [2]float32
		collapse  bool
		fixed     bool
		capBottom bool
	}{
		{"border-spacing: 3px; border-collapse: collapse; caption-side: bottom", "", [2]float32{3, 3}, true, false, true},
		{"", "border-spacing: 1em 2px; table-layout: fixed", [2]float32{16, 2}, false, true, false},
		{"table-layout: fixed", "", [2]float32{}, false, false, false}, // not inherited
		{"border-spacing: 4px", "border-spacing: -1px", [2]float32{4, 4}, false, false, false},
		{"", "border-spacing: 1px 2px 3px; border-collapse: sideways", [2]float32{}, false, false, false},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", tt.div, tt.p)
		if cs.BorderSpacing != tt.spacing || cs.BorderCollapse != tt.collapse || cs.TableLayoutFixed != tt.fixed || cs.CaptionBottom != tt.capBottom {
			t.Errorf("%q / %q: spacing %v collapse %v fixed %v bottom %v", tt.div, tt.p,
				cs.BorderSpacing, cs.BorderCollapse, cs.TableLayoutFixed, cs.CaptionBottom)
		}
	}
}

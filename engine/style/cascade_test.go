package style

import (
	"image/color"
	"testing"

	"glassbox/engine/css"
	"glassbox/engine/dom"
)

var (
	red   = color.NRGBA{255, 0, 0, 255}
	green = color.NRGBA{0, 128, 0, 255}
	blue  = color.NRGBA{0, 0, 255, 255}
)

func TestCascadeOrder(t *testing.T) {
	const tree = `
html
  body
    p#p id=p class='a b' style='color: green'
    div#d id=d class=a
`
	tests := []struct {
		name   string
		ua     string
		author string
		el     string
		want   color.NRGBA
	}{
		{"author beats UA", `div { color: red }`, `div { color: green }`, "d", green},
		{"author beats UA regardless of specificity", `#d { color: red }`, `div { color: green }`, "d", green},
		{"UA used when author silent", `div { color: green }`, `p { color: red }`, "d", green},
		{"author important beats author", ``, `#d { color: red } div { color: green !important }`, "d", green},
		{"UA important beats author important", `div { color: green !important }`, `#d { color: red !important }`, "d", green},
		{"specificity", ``, `#d { color: green } .a { color: red } div { color: red }`, "d", green},
		{"class beats type", ``, `div.a { color: green } div { color: blue }`, "d", green},
		{"later wins ties", ``, `.a { color: red } .a { color: green }`, "d", green},
		{"later wins within a rule", ``, `.a { color: red; color: green }`, "d", green},
		{"invalid value falls back", ``, `.a { color: green; color: nonsense }`, "d", green},
		{"style attribute beats id", ``, `#p { color: red }`, "p", green},
		{"author important beats style attribute", ``, `p { color: blue !important }`, "p", blue},
		{"pseudo-element rules skipped", ``, `div { color: green } div::before { color: red }`, "d", green},
		{"selector list takes the matching selector's specificity", ``,
			`#d, div { color: green } .a { color: red }`, "d", green},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, n := parseTree(t, tree)
			st := Compute(doc, []Sheet{
				{Sheet: css.Parse(tt.ua), Origin: UserAgent},
				{Sheet: css.Parse(tt.author), Origin: Author},
			}, desktop)
			if got := st.Of(n[tt.el]).Color; got != tt.want {
				t.Errorf("color = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStyleAttributeImportant(t *testing.T) {
	st, n := compute(t, `
html
  body
    p#p style='color: green !important'
`, `p { color: red !important }`)
	if got := st.Of(n["p"]).Color; got != green {
		t.Errorf("color = %v, want green", got)
	}
}

func TestSheetOrderAndMedia(t *testing.T) {
	doc, n := parseTree(t, "html\n  body#b")
	first := css.Parse(`body { color: red }`)
	second := css.Parse(`body { color: green }`)
	st := Compute(doc, []Sheet{{Sheet: first, Origin: Author}, {Sheet: second, Origin: Author}}, desktop)
	if got := st.Of(n["b"]).Color; got != green {
		t.Errorf("later sheet lost: %v", got)
	}
	st = Compute(doc, []Sheet{
		{Sheet: first, Origin: Author},
		{Sheet: second, Origin: Author, Media: css.ParseMediaList("print")},
	}, desktop)
	if got := st.Of(n["b"]).Color; got != red {
		t.Errorf("print sheet applied: %v", got)
	}
}

func TestMediaRules(t *testing.T) {
	const sheet = `
		p { color: red }
		@media (max-width: 600px) { p { color: green } }
		@media (min-width: 601px) and (max-width: 1200px) { p { color: blue } }
		@media print { p { color: black } }
	`
	tests := []struct {
		width float32
		want  color.NRGBA
	}{
		{320, green},
		{600, green},
		{800, blue},
		{1600, red},
	}
	doc, n := parseTree(t, "html\n  body\n    p#p")
	for _, tt := range tests {
		st := Compute(doc, []Sheet{{Sheet: css.Parse(sheet), Origin: Author}}, Viewport{Width: tt.width, Height: 700})
		if got := st.Of(n["p"]).Color; got != tt.want {
			t.Errorf("at %vpx color = %v, want %v", tt.width, got, tt.want)
		}
	}
}

func TestInheritance(t *testing.T) {
	st, n := compute(t, `
html#html
  body#body
    div#div
      span#span
        "text
      p#p
`, `
div { color: green; font-family: Georgia, serif; font-size: 20px; font-style: italic;
      font-weight: bold; line-height: 1.5; text-align: center; white-space: nowrap;
      visibility: hidden; list-style-type: square;
      margin: 10px; padding: 10px; border: 1px solid; background-color: red; width: 50px; }
`)
	span := st.Of(n["span"])
	if span.Color != green || span.FontFamily[0] != "Georgia" || span.FontSize != 20 ||
		span.FontStyle != FontItalic || span.FontWeight != 700 ||
		span.LineHeight != (LineHeight{LineHeightNumber, 1.5}) || span.TextAlign != AlignCenter ||
		span.WhiteSpace != WhiteSpaceNowrap || span.Visibility != VisibilityHidden ||
		span.ListStyleType != ListSquare {
		t.Errorf("inherited properties not inherited: %+v", span)
	}
	if span.Margin[Top].Value != 0 || span.Padding[Top].Value != 0 || span.BorderWidth[Top] != 0 ||
		span.BackgroundColor.A != 0 || !span.Width.IsAuto() {
		t.Errorf("non-inherited properties inherited: %+v", span)
	}
	if st.Of(n["span"].FirstChild) != span {
		t.Error("text node style differs from its parent's")
	}
	if got := st.Of(n["html"]).Color; got != black {
		t.Errorf("root colour = %v, want black", got)
	}
}

func TestGlobalKeywords(t *testing.T) {
	st, n := compute(t, `
html
  body
    div#div
      p#inherit id=inherit
      p#initial id=initial
      p#unset id=unset
      p#unsetcolor id=unsetcolor
      p#shorthand id=shorthand
`, `
div { color: green; margin: 5px; border: 2px solid red; font-size: 20px }
#inherit { margin: inherit; border-color: inherit; border-width: inherit }
#initial { color: initial; font-size: initial; margin-left: initial }
#unset { margin: unset; color: unset }
#unsetcolor { color: red; color: unset }
#shorthand { border: inherit }
`)
	in := st.Of(n["inherit"])
	if in.Margin[Top].Value != 5 || in.BorderColor[Top] != red {
		t.Errorf("inherit: margin %v border %v", in.Margin, in.BorderColor)
	}
	if in.BorderWidth[Top] != 0 {
		t.Errorf("inherited width with style none should compute to 0, got %v", in.BorderWidth[Top])
	}
	ini := st.Of(n["initial"])
	if ini.Color != black || ini.FontSize != 16 || ini.Margin[Left].Value != 0 {
		t.Errorf("initial: %v %v %v", ini.Color, ini.FontSize, ini.Margin[Left])
	}
	un := st.Of(n["unset"])
	if un.Color != green || un.Margin[Top].Value != 0 {
		t.Errorf("unset: %v %v", un.Color, un.Margin)
	}
	if got := st.Of(n["unsetcolor"]).Color; got != green {
		t.Errorf("later unset: %v", got)
	}
	sh := st.Of(n["shorthand"])
	if sh.BorderStyle[Left] != BorderSolid || sh.BorderWidth[Left] != 2 || sh.BorderColor[Left] != red {
		t.Errorf("border: inherit = %v %v %v", sh.BorderStyle, sh.BorderWidth, sh.BorderColor)
	}
}

func TestOfEdgeCases(t *testing.T) {
	doc, n := parseTree(t, "html#html\n  body#body")
	st := Compute(doc, nil, desktop)
	if st.Of(doc) == nil || st.Of(nil) == nil {
		t.Fatal("Of returned nil")
	}
	if got := st.Of(n["html"]).Display; got != DisplayBlock {
		t.Errorf("root display = %v, want block (blockified)", got)
	}
	if got := st.Of(n["body"]).Display; got != DisplayInline {
		t.Errorf("body without UA sheet = %v, want inline", got)
	}
	detached := doc.CreateElement("p")
	if st.Of(detached).FontSize != 16 {
		t.Error("detached element should get the initial style")
	}
	// An empty document, and nil.
	Compute(nil, nil, desktop).Of(nil)
	Compute(parseTreeDoc(t, ""), nil, desktop)
}

func parseTreeDoc(t *testing.T, src string) *dom.Node {
	d, _ := parseTree(t, src)
	return d
}

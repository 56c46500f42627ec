package style

import (
	"fmt"
	"testing"
)

func TestPresentationalHints(t *testing.T) {
	st, n := compute(t, `
html
  body#body bgcolor=#ff0000 text=blue
    p#p align=center
    div#div align=RIGHT
    h2#h2 align=justify
    center#center
      p#inc
    font#font color=green size=+2 face='Arial, Helvetica'
      span#fspan
    font#font7 size=9
    font#font1 size=-5
    img#img width=100 height=50% border=2
    table#table width=80% bgcolor=chucknorris border=1 cellpadding=4 cellspacing=3 align=center
      tbody
        tr#tr align=right
          td#td width=30 height=20 nowrap
          th#th
    table#plain
      tr
        td#plaintd
    ol#ol type=A
      li#li type=i
    ul#ul type=square
    p#overridden align=center style='text-align: left'
    div#ignored align=bogus
`, `body { margin: 0 }`)
	c := func(name string) *ComputedStyle { return st.Of(n[name]) }
	checks := []struct {
		what string
		ok   bool
	}{
		{"body bgcolor", c("body").BackgroundColor == red},
		{"body text", c("body").Color == blue},
		{"p align", c("p").TextAlign == AlignCenter},
		{"div align", c("div").TextAlign == AlignRight},
		{"h2 align", c("h2").TextAlign == AlignJustify},
		{"center", c("inc").TextAlign == AlignCenter},
		{"font color", c("fspan").Color == green},
		{"font size +2", near(c("font").FontSize, 24)},
		{"font size clamps high", near(c("font7").FontSize, 48)},
		{"font size clamps low", near(c("font1").FontSize, 12)},
		{"font face", fmt.Sprint(c("fspan").FontFamily) == "[Arial Helvetica]"},
		{"img width", c("img").Width == PxLength(100)},
		{"img height", c("img").Height == Length{Value: 50, Unit: Percent}},
		{"img border", c("img").BorderWidth == [4]float32{2, 2, 2, 2} && c("img").BorderStyle[0] == BorderSolid},
		{"table width", c("table").Width == Length{Value: 80, Unit: Percent}},
		{"table bgcolor legacy", c("table").BackgroundColor == rgb(0xc00000)},
		{"table border", c("table").BorderWidth[0] == 1 && c("table").BorderStyle[0] == BorderOutset},
		{"table align center", c("table").Margin[Left].IsAuto() && c("table").Margin[Right].IsAuto()},
		{"td size", c("td").Width == PxLength(30) && c("td").Height == PxLength(20)},
		{"td nowrap", c("td").WhiteSpace == WhiteSpaceNowrap},
		{"td inherits tr align", c("td").TextAlign == AlignRight},
		{"th inherits tr align", c("th").TextAlign == AlignRight},
		{"td border from table", c("td").BorderWidth[0] == 1 && c("td").BorderStyle[0] == BorderInset},
		{"td cellpadding", c("td").Padding[Top] == PxLength(4)},
		{"table cellspacing", c("table").BorderSpacing == [2]float32{3, 3}},
		{"plain table spacing", c("plain").BorderSpacing == [2]float32{2, 2}},
		{"plain td no border", c("plaintd").BorderWidth[0] == 0},
		{"ol type", c("ol").ListStyleType == ListUpperAlpha},
		{"li type", c("li").ListStyleType == ListLowerRoman},
		{"ul type", c("ul").ListStyleType == ListSquare},
		{"author beats hint", c("overridden").TextAlign == AlignLeft},
		{"bogus align ignored", c("ignored").TextAlign == AlignLeft},
		{"author rule beats UA", c("body").Margin[Top] == PxLength(0)},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("%s: wrong", ch.what)
		}
	}
}

func TestLegacyParsers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"3", 3, true}, {"+1", 4, true}, {"-1", 2, true}, {"7", 7, true}, {"10", 7, true},
		{"0", 1, true}, {"-9", 1, true}, {" 5x", 5, true}, {"x", 0, false}, {"", 0, false},
		{"99999999999999999999", 7, true},
	} {
		got, ok := legacyFontSize(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("legacyFontSize(%q) = %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

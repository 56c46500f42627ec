package style

import (
	"image/color"
	"testing"
)

const uaTree = `
html#html
  head#head
    title#title
      "T
    style#style
  body#body
    h1#h1
      "Heading
    h2#h2
    h3#h3
    h4#h4
    h5#h5
    h6#h6
    p#p
      a#a href=/x
        span#aspan
      a#anchor name=x
      b#b
        strong#bstrong
      em#em
      code#code
      small#small
      big#big
      u#u
      s#s
      sub#sub
    ul#ul
      li#li
        ul#ul2
          li#li2
            ul#ul3
    ol#ol
    pre#pre
    blockquote#bq
    hr#hr
    center#center
    table#table
      tbody#tbody
        tr#tr
          th#th
          td#td
    div#hidden hidden
    dl#dl
      dt#dt
      dd#dd
`

func TestUserAgentDefaults(t *testing.T) {
	st, n := compute(t, uaTree, "")
	px := func(name string, got, want float32) {
		t.Helper()
		if !near(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	disp := func(name string, want Display) {
		t.Helper()
		if got := st.Of(n[name]).Display; got != want {
			t.Errorf("%s display = %v, want %v", name, got, want)
		}
	}
	for _, name := range []string{"head", "title", "style", "hidden"} {
		disp(name, DisplayNone)
	}
	for _, name := range []string{"html", "body", "h1", "p", "ul", "pre", "bq", "hr", "center", "dl", "dt", "dd"} {
		disp(name, DisplayBlock)
	}
	disp("li", DisplayListItem)
	disp("a", DisplayInline)
	disp("table", DisplayTable)
	disp("tbody", DisplayTableRowGroup)
	disp("tr", DisplayTableRow)
	disp("td", DisplayTableCell)
	disp("th", DisplayTableCell)

	body := st.Of(n["body"])
	for i := 0; i < 4; i++ {
		px("body margin", body.Margin[i].Value, 8)
	}
	h1 := st.Of(n["h1"])
	px("h1 font-size", h1.FontSize, 32)
	px("h1 margin-top", h1.Margin[Top].Value, 21.44)
	px("h1 margin-bottom", h1.Margin[Bottom].Value, 21.44)
	if h1.FontWeight != 700 {
		t.Errorf("h1 weight = %d", h1.FontWeight)
	}
	if st.Of(n["h1"].FirstChild) != h1 {
		t.Error("text node does not share its parent's style")
	}
	px("h2 font-size", st.Of(n["h2"]).FontSize, 24)
	px("h2 margin", st.Of(n["h2"]).Margin[Top].Value, 19.92)
	px("h3 font-size", st.Of(n["h3"]).FontSize, 18.72)
	px("h4 margin", st.Of(n["h4"]).Margin[Top].Value, 21.28)
	px("h5 font-size", st.Of(n["h5"]).FontSize, 13.28)
	px("h6 font-size", st.Of(n["h6"]).FontSize, 10.72)
	px("p margin", st.Of(n["p"]).Margin[Top].Value, 16)
	px("ul margin", st.Of(n["ul"]).Margin[Top].Value, 16)
	px("ul padding-left", st.Of(n["ul"]).Padding[Left].Value, 40)
	px("nested ul margin", st.Of(n["ul2"]).Margin[Top].Value, 0)
	px("bq margin-left", st.Of(n["bq"]).Margin[Left].Value, 40)
	px("dd margin-left", st.Of(n["dd"]).Margin[Left].Value, 40)

	if got := st.Of(n["ul"]).ListStyleType; got != ListDisc {
		t.Errorf("ul list-style = %v", got)
	}
	if got := st.Of(n["ul2"]).ListStyleType; got != ListCircle {
		t.Errorf("nested ul list-style = %v", got)
	}
	if got := st.Of(n["ul3"]).ListStyleType; got != ListSquare {
		t.Errorf("third ul list-style = %v", got)
	}
	if got := st.Of(n["li2"]).ListStyleType; got != ListCircle {
		t.Errorf("li inherits list-style = %v", got)
	}
	if got := st.Of(n["ol"]).ListStyleType; got != ListDecimal {
		t.Errorf("ol list-style = %v", got)
	}

	a := st.Of(n["a"])
	if a.Color != (color.NRGBA{0, 0, 0xEE, 255}) || a.TextDecoration != DecorationUnderline {
		t.Errorf("a:link = %v %v", a.Color, a.TextDecoration)
	}
	if s := st.Of(n["aspan"]); s.Color != a.Color || s.TextDecoration != DecorationUnderline {
		t.Errorf("span in link = %v %v, want link colour and underline", s.Color, s.TextDecoration)
	}
	if an := st.Of(n["anchor"]); an.Color != black || an.TextDecoration != 0 {
		t.Errorf("a without href = %v %v", an.Color, an.TextDecoration)
	}
	if got := st.Of(n["b"]).FontWeight; got != 700 {
		t.Errorf("b weight = %d", got)
	}
	if got := st.Of(n["bstrong"]).FontWeight; got != 900 {
		t.Errorf("strong in b weight = %d, want 900 (bolder)", got)
	}
	if got := st.Of(n["em"]).FontStyle; got != FontItalic {
		t.Errorf("em style = %v", got)
	}
	if got := st.Of(n["code"]).FontFamily; len(got) != 1 || got[0] != "monospace" {
		t.Errorf("code family = %v", got)
	}
	px("small", st.Of(n["small"]).FontSize, 16/1.2)
	px("big", st.Of(n["big"]).FontSize, 16*1.2)
	px("sub", st.Of(n["sub"]).FontSize, 16/1.2)
	if got := st.Of(n["u"]).TextDecoration; got != DecorationUnderline {
		t.Errorf("u = %v", got)
	}
	if got := st.Of(n["s"]).TextDecoration; got != DecorationLineThrough {
		t.Errorf("s = %v", got)
	}
	pre := st.Of(n["pre"])
	if pre.WhiteSpace != WhiteSpacePre || pre.FontFamily[0] != "monospace" {
		t.Errorf("pre = %v %v", pre.WhiteSpace, pre.FontFamily)
	}
	hr := st.Of(n["hr"])
	gray := color.NRGBA{128, 128, 128, 255}
	for i := 0; i < 4; i++ {
		if hr.BorderStyle[i] != BorderInset || hr.BorderWidth[i] != 1 || hr.BorderColor[i] != gray {
			t.Errorf("hr border side %d = %v %v %v", i, hr.BorderStyle[i], hr.BorderWidth[i], hr.BorderColor[i])
		}
	}
	if !hr.Margin[Left].IsAuto() || !near(hr.Margin[Top].Value, 8) {
		t.Errorf("hr margins = %v", hr.Margin)
	}
	if got := st.Of(n["center"]).TextAlign; got != AlignCenter {
		t.Errorf("center text-align = %v", got)
	}
	if got := st.Of(n["th"]); got.TextAlign != AlignCenter || got.FontWeight != 700 {
		t.Errorf("th = %v %v", got.TextAlign, got.FontWeight)
	}
	if got := st.Of(n["td"]); got.TextAlign != AlignLeft || !near(got.Padding[Top].Value, 1) {
		t.Errorf("td = %v %v", got.TextAlign, got.Padding)
	}
	if got := st.Of(n["table"]).BoxSizing; got != BorderBox {
		t.Errorf("table box-sizing = %v", got)
	}
}

package style

import (
	"testing"

	"glassbox/assets"
	"glassbox/engine/css"
)

func FuzzCompute(f *testing.F) {
	for _, s := range []string{
		`p { color: red; margin: 1em 2% auto; font: bold 12px/1.5 serif }`,
		`* { display: inline-block; border: thick double rgb(1 2 3 / 50%) } :root { font-size: 1e30px }`,
		`@media (max-width: 100px) { body { width: 10vw !important } }`,
		`a { font-size: 1e38em } b { font-size: -1e38em } i { line-height: 1e38 }`,
		`div { background: url(x) red, blue } p { list-style: none none } q { font: 12px }`,
	} {
		f.Add(s)
	}
	ua := css.Parse(assets.UAStyleSheet())
	f.Fuzz(func(t *testing.T, src string) {
		doc, n := parseTree(t, `
html#html
  body#body bgcolor=red
    div#div class='a b' id=x
      p#p style='color: blue'
        "text
      span#span
    table border=2 cellpadding=1
      tr
        td#td width=10%
    font size=+3 color=chucknorris
`)
		n["span"].SetAttribute("style", src)
		st := Compute(doc, []Sheet{
			{Sheet: ua, Origin: UserAgent},
			{Sheet: css.Parse(src), Origin: Author},
		}, Viewport{Width: 800, Height: 600})
		for _, el := range n {
			if st.Of(el) == nil {
				t.Fatal("nil style")
			}
		}
		ParseColor(src)
	})
}

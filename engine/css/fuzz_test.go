package css

import (
	"testing"

	"glassbox/engine/dom"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		`a{color:red}`,
		`}}{;; a{color:red`,
		`a{content:"abc`,
		`@media screen and (min-width: 600px) { .x > p + q ~ r { margin: 0 auto !important } }`,
		`@import url("a.css") print; @charset "x";`,
		`li:nth-child(2n+1 of .a):not(#b, [c|=d i])::before {}`,
		`a{background:url(a b)}`,
		`\`, `"\`, `url(`, `#`, `@`, `--`, `<!--`, `:not(`, `[a=`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	doc := dom.NewDocument()
	html := doc.CreateElement("html")
	doc.AppendChild(html)
	body := doc.CreateElement("body")
	html.AppendChild(body)
	p := doc.CreateElement("p")
	p.SetAttribute("class", "a b")
	p.SetAttribute("id", "x")
	body.AppendChild(p)
	body.AppendChild(doc.CreateElement("span"))

	f.Fuzz(func(t *testing.T, src string) {
		sheet := Parse(src)
		for _, r := range sheet.Rules {
			r.MediaMatches(MediaEnv{Width: 800, Height: 600})
			for _, s := range r.Selectors {
				s.Matches(p)
				_ = s.String()
			}
			for _, d := range r.Declarations {
				_ = d.String()
			}
		}
		ParseDeclarations(src)
		ParseMediaList(src).Matches(MediaEnv{Width: 800, Height: 600})
		if sels, err := ParseSelectorList(src); err == nil {
			for _, s := range sels {
				s.Matches(p)
				s.Matches(html)
				s.Specificity()
			}
		}
	})
}

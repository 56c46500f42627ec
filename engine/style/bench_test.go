package style

import (
	"fmt"
	"strings"
	"testing"

	"glassbox/assets"
	"glassbox/engine/css"
	"glassbox/engine/dom"
)

// benchDocument builds a document of about n elements: nested sections of
// divs, paragraphs, lists and links with a spread of classes and ids.
func benchDocument(n int) *dom.Node {
	doc := dom.NewDocument()
	html := doc.CreateElement("html")
	doc.AppendChild(html)
	body := doc.CreateElement("body")
	html.AppendChild(body)
	count := 2
	tags := []string{"div", "p", "span", "a", "ul", "li", "em", "section", "h2", "table"}
	var grow func(parent *dom.Node, depth int)
	grow = func(parent *dom.Node, depth int) {
		for i := 0; i < 6 && count < n; i++ {
			el := doc.CreateElement(tags[(count*7+depth)%len(tags)])
			el.SetAttribute("class", fmt.Sprintf("c%d c%d", count%40, (count/3)%25))
			if count%17 == 0 {
				el.SetAttribute("id", fmt.Sprintf("id%d", count%100))
			}
			if el.TagName == "a" {
				el.SetAttribute("href", "/x")
			}
			if count%50 == 0 {
				el.SetAttribute("style", "margin: 1px 2px; color: #333")
			}
			el.AppendChild(doc.CreateTextNode("text"))
			parent.AppendChild(el)
			count++
			if depth < 8 {
				grow(el, depth+1)
			}
		}
	}
	for count < n {
		grow(body, 0)
	}
	return doc
}

// benchSheet returns about n rules of mixed selector shapes.
func benchSheet(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch i % 8 {
		case 0:
			fmt.Fprintf(&b, ".c%d { color: rgb(%d, 0, 0); margin: %dpx }\n", i%40, i%255, i%9)
		case 1:
			fmt.Fprintf(&b, "div .c%d > p { padding: 1em 2em; font-size: %d%% }\n", i%25, 80+i%40)
		case 2:
			fmt.Fprintf(&b, "#id%d { border: 1px solid red; width: 50%% }\n", i%100)
		case 3:
			fmt.Fprintf(&b, "section ul li.c%d a:hover, li a { text-decoration: none }\n", i%40)
		case 4:
			fmt.Fprintf(&b, "p:nth-child(2n+1) span.c%d { font: italic bold 12px/1.5 Georgia, serif }\n", i%40)
		case 5:
			fmt.Fprintf(&b, "@media (min-width: %dpx) { .c%d { display: block } }\n", 300+i, i%40)
		case 6:
			fmt.Fprintf(&b, "[href^='/'] { color: hsl(%d, 50%%, 50%%) }\n", i)
		case 7:
			fmt.Fprintf(&b, "table td.c%d:not(.c%d) { background: #eee }\n", i%40, (i+1)%40)
		}
	}
	return b.String()
}

func BenchmarkCompute(b *testing.B) {
	doc := benchDocument(5000)
	sheets := []Sheet{
		{Sheet: css.Parse(assets.UAStyleSheet()), Origin: UserAgent},
		{Sheet: css.Parse(benchSheet(200)), Origin: Author},
	}
	els := len(doc.ElementsByTagName("*"))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Compute(doc, sheets, Viewport{Width: 1024, Height: 768})
	}
	b.ReportMetric(float64(els), "elements")
}

func BenchmarkParse(b *testing.B) {
	src := assets.UAStyleSheet() + benchSheet(200)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		css.Parse(src)
	}
}

package layout

import (
	"fmt"
	"testing"

	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/engine/text"
)

// article builds a long article page by hand: sections of a heading, a few
// paragraphs with links and emphasis, and a list, about n elements in all.
func article(n int) *tree {
	t := newTree()
	body := t.E("body", with(func(s *style.ComputedStyle) { s.FontFamily = []string{"Georgia", "serif"} }))
	main := t.E("article", width(px(700)), marginAuto())
	body.AppendChild(main)
	t.doc.AppendChild(t.E("html", body))
	count := 4
	words := []string{"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "typography", "layout",
		"engine", "browser", "paragraph", "inline", "formatting", "context", "margin", "collapsing"}
	w := 0
	sentence := func(k int) string {
		s := ""
		for i := range k {
			if i > 0 {
				s += " "
			}
			s += words[w%len(words)]
			w += 7
		}
		return s
	}
	for sec := 0; count < n; sec++ {
		section := t.E("section")
		main.AppendChild(section)
		section.AppendChild(t.E("h1", fmt.Sprintf("Section %d: %s", sec, sentence(4))))
		count += 2
		for p := 0; p < 4 && count < n; p++ {
			para := t.E("p", sentence(25)+" ")
			para.AppendChild(t.E("a", attr{"href", "#"}, sentence(3)))
			para.AppendChild(t.doc.CreateTextNode(" " + sentence(30) + " "))
			para.AppendChild(t.E("em", sentence(4)))
			para.AppendChild(t.doc.CreateTextNode(", " + sentence(20) + ". "))
			para.AppendChild(t.E("strong", sentence(2)))
			para.AppendChild(t.doc.CreateTextNode(" " + sentence(15) + "."))
			section.AppendChild(para)
			count += 4
		}
		list := t.E("ul")
		section.AppendChild(list)
		count++
		for i := 0; i < 5 && count < n; i++ {
			list.AppendChild(t.E("li", sentence(8), " ", t.E("code", with(func(s *style.ComputedStyle) { s.FontFamily = []string{"monospace"} }), "x++")))
			count += 2
		}
	}
	return t
}

func countElements(n *dom.Node) int {
	c := 0
	n.Walk(func(m *dom.Node) bool {
		if m.Type == dom.ElementNode {
			c++
		}
		return true
	})
	return c
}

func BenchmarkLayoutArticle(b *testing.B) {
	t := article(5000)
	st := t.styles()
	fonts := text.Bundled()
	Layout(t.doc, st, nil, fonts, 1024, 768) // warm the shaping cache, as a reflow would find it
	b.ResetTimer()
	for b.Loop() {
		Layout(t.doc, st, nil, fonts, 1024, 768)
	}
	b.ReportMetric(float64(countElements(t.doc)), "elements")
	b.ReportMetric(float64(len(t.doc.DocumentElement().TextContent())), "text-bytes")
}

func BenchmarkLayoutArticleCold(b *testing.B) {
	t := article(5000)
	st := t.styles()
	for b.Loop() {
		// A collection of its own each time: nothing is cached.
		fonts := text.NewCollection()
		Layout(t.doc, st, nil, fonts, 1024, 768)
	}
}

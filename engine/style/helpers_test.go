package style

import (
	"math"
	"strings"
	"testing"

	"glassbox/assets"
	"glassbox/engine/css"
	"glassbox/engine/dom"
)

// parseTree builds a DOM from a compact notation, so that tests need not
// depend on the HTML parser: elements are written "tag#name attr=value
// attr2='two words'" with children indented by two spaces below them, and
// text lines start with a quote. The #name is a handle for the test and
// does not become an attribute.
//
//	html
//	  body
//	    p#p style='color: red'
//	      "hello
func parseTree(t testing.TB, src string) (*dom.Node, map[string]*dom.Node) {
	t.Helper()
	doc := dom.NewDocument()
	names := map[string]*dom.Node{}
	stack := []*dom.Node{doc}
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" {
			continue
		}
		depth := (len(line)-len(trimmed))/2 + 1
		if depth > len(stack) {
			t.Fatalf("bad indentation: %q", line)
		}
		stack = stack[:depth]
		parent := stack[depth-1]
		if trimmed[0] == '"' {
			parent.AppendChild(doc.CreateTextNode(trimmed[1:]))
			continue
		}
		fields := splitAttrs(trimmed)
		tag, name, _ := strings.Cut(fields[0], "#")
		el := doc.CreateElement(tag)
		for _, f := range fields[1:] {
			k, v, _ := strings.Cut(f, "=")
			el.SetAttribute(k, strings.Trim(v, "'"))
		}
		if err := parent.AppendChild(el); err != nil {
			t.Fatalf("append %q: %v", line, err)
		}
		if name != "" {
			names[name] = el
		}
		stack = append(stack, el)
	}
	return doc, names
}

// splitAttrs splits on spaces outside single quotes.
func splitAttrs(s string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted = !quoted
			cur.WriteRune(r)
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

var desktop = Viewport{Width: 1000, Height: 800}

// compute styles a tree with the UA sheet and the given author CSS.
func compute(t testing.TB, tree, author string) (*Styles, map[string]*dom.Node) {
	t.Helper()
	doc, names := parseTree(t, tree)
	sheets := []Sheet{{Sheet: css.Parse(assets.UAStyleSheet()), Origin: UserAgent}}
	if author != "" {
		sheets = append(sheets, Sheet{Sheet: css.Parse(author), Origin: Author})
	}
	return Compute(doc, sheets, desktop), names
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.01 }

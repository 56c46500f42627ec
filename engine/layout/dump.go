package layout

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"

	"glassbox/engine/dom"
)

// Dump writes the fragment tree in the stable text format documented in
// docs/layout-dump.md: one line per fragment, indented two spaces per depth,
//
//	KIND ELEMENT x,y wxh
//
// for example "block div#main.wide 8,8 784x18.4". Write errors are
// ignored: this is a debugging aid.
func Dump(w io.Writer, root *Fragment) {
	bw := bufio.NewWriter(w)
	dump(bw, root, 0)
	bw.Flush()
}

func dump(w *bufio.Writer, f *Fragment, depth int) {
	for range depth {
		w.WriteString("  ")
	}
	w.WriteString(f.Kind.String())
	w.WriteByte(' ')
	w.WriteString(label(f))
	w.WriteByte(' ')
	w.WriteString(num(f.X))
	w.WriteByte(',')
	w.WriteString(num(f.Y))
	w.WriteByte(' ')
	w.WriteString(num(f.W))
	w.WriteByte('x')
	w.WriteString(num(f.H))
	w.WriteByte('\n')
	for _, c := range f.Children {
		dump(w, c, depth+1)
	}
}

// maxDumpRunes is how much of a text fragment's text Dump shows.
const maxDumpRunes = 20

func label(f *Fragment) string {
	if f.Kind == KindText && f.Text != nil {
		return "#text " + strconv.Quote(truncate(f.Text.Text, maxDumpRunes))
	}
	if f.Node == nil || f.Node.Type != dom.ElementNode || f.Kind == KindMarker {
		return "-"
	}
	return elementLabel(f.Node)
}

// elementLabel is the element's tag name followed by #id and .class for
// each class, as in a CSS selector.
func elementLabel(n *dom.Node) string {
	var b strings.Builder
	b.WriteString(n.TagName)
	if id := n.ID(); id != "" {
		b.WriteByte('#')
		b.WriteString(id)
	}
	for _, c := range n.Classes() {
		b.WriteByte('.')
		b.WriteString(c)
	}
	return b.String()
}

// num formats v with at most two decimals and no trailing zeros.
func num(v float32) string {
	r := math.Round(float64(v)*100) / 100
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// truncate cuts s to n runes, marking the cut with "...".
func truncate(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return s[:i] + "..."
		}
		count++
	}
	return s
}

package page

import (
	"strings"

	"glassbox/engine/layout"
	"glassbox/engine/paint"
)

// Text selection works on the laid-out text: a TextPosition is a caret
// position between two characters of one text fragment of the last
// layout. A relayout makes new fragments, so positions from before it
// mean nothing after it (the shell drops the selection then).

// TextPosition is a caret position in the page's laid-out text. The zero
// value is the start of the first text fragment.
type TextPosition struct {
	frag int // index of the text fragment, in tree order
	off  int // byte offset in its run's text
}

// Less reports whether a comes before b in the text.
func (a TextPosition) Less(b TextPosition) bool {
	return a.frag < b.frag || a.frag == b.frag && a.off < b.off
}

// texts returns the text fragments of the last layout in tree order, which
// is reading order.
func (p *Page) texts() []*layout.Fragment {
	if p.textsOf != p.root {
		p.textsOf, p.textFrags = p.root, p.textFrags[:0]
		var walk func(f *layout.Fragment)
		walk = func(f *layout.Fragment) {
			if f.Kind == layout.KindText && f.Text != nil && f.Node != nil {
				p.textFrags = append(p.textFrags, f)
			}
			for _, c := range f.Children {
				walk(c)
			}
		}
		if p.root != nil {
			walk(p.root)
		}
	}
	return p.textFrags
}

// TextEnds returns the positions at the start and the end of the page's
// text (select all); ok is false when the page has no text.
func (p *Page) TextEnds() (start, end TextPosition, ok bool) {
	texts := p.texts()
	if len(texts) == 0 {
		return TextPosition{}, TextPosition{}, false
	}
	last := len(texts) - 1
	return TextPosition{}, TextPosition{last, len(texts[last].Text.Text)}, true
}

// OverText reports whether the document point (x, y), in CSS px, is on
// text (where a browser shows the I-beam).
func (p *Page) OverText(x, y float32) bool {
	for _, f := range p.texts() {
		if x >= f.X && x < f.X+f.W && y >= f.Y && y < f.Y+f.H {
			return true
		}
	}
	return false
}

// TextPositionAt returns the caret position nearest the document point
// (x, y), as a mouse selection takes it: on a line of text, the nearest
// character boundary in the nearest fragment of that line; between lines,
// the end of the text above. ok is false when the page has no text.
func (p *Page) TextPositionAt(x, y float32) (pos TextPosition, ok bool) {
	texts := p.texts()
	if len(texts) == 0 {
		return TextPosition{}, false
	}
	best, bestDist := -1, float32(0)
	above := -1 // the last fragment starting above y
	for i, f := range texts {
		if f.Y <= y {
			above = i
		}
		if y < f.Y || y >= f.Y+f.H {
			continue
		}
		var d float32
		switch {
		case x < f.X:
			d = f.X - x
		case x > f.X+f.W:
			d = x - f.X - f.W
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best >= 0 {
		return TextPosition{best, offsetAt(texts[best], x)}, true
	}
	if above < 0 {
		return TextPosition{0, 0}, true
	}
	return TextPosition{above, len(texts[above].Text.Text)}, true
}

// offsetAt returns the character boundary in f nearest x.
func offsetAt(f *layout.Fragment, x float32) int {
	run := f.Text
	best, bestDist := len(run.Text), abs(f.X+f.W-x)
	for _, g := range run.Glyphs {
		if d := abs(g.X - x); d < bestDist {
			best, bestDist = int(g.Cluster), d
		}
	}
	return best
}

// xOf returns the x of the character boundary at byte offset off of f.
func xOf(f *layout.Fragment, off int) float32 {
	run := f.Text
	if off >= len(run.Text) {
		return f.X + f.W
	}
	for _, g := range run.Glyphs {
		if int(g.Cluster) >= off {
			return g.X
		}
	}
	return f.X + f.W
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// order returns a and b with the earlier first.
func order(a, b TextPosition) (TextPosition, TextPosition) {
	if b.Less(a) {
		return b, a
	}
	return a, b
}

// SelectionRects returns the rectangles, in document CSS px, that the text
// between a and b covers: one per text fragment, the height of its line's
// text. They are empty when a == b.
func (p *Page) SelectionRects(a, b TextPosition) []paint.Rect {
	a, b = order(a, b)
	texts := p.texts()
	var rects []paint.Rect
	for i := a.frag; i <= b.frag && i < len(texts); i++ {
		f := texts[i]
		x0, x1 := f.X, f.X+f.W
		if i == a.frag {
			x0 = xOf(f, a.off)
		}
		if i == b.frag {
			x1 = xOf(f, b.off)
		}
		if x1 > x0 {
			rects = append(rects, paint.Rect{X: x0, Y: f.Y, W: x1 - x0, H: f.H})
		}
	}
	return rects
}

// SelectedText returns the text between a and b, with a line break
// between fragments on different lines.
func (p *Page) SelectedText(a, b TextPosition) string {
	a, b = order(a, b)
	texts := p.texts()
	var sb strings.Builder
	for i := a.frag; i <= b.frag && i < len(texts); i++ {
		f := texts[i]
		s := f.Text.Text
		lo, hi := 0, len(s)
		if i == a.frag {
			lo = min(a.off, len(s))
		}
		if i == b.frag {
			hi = min(b.off, len(s))
		}
		if i > a.frag && f.Y >= texts[i-1].Y+texts[i-1].H/2 {
			sb.WriteByte('\n')
		}
		if lo < hi {
			sb.WriteString(s[lo:hi])
		}
	}
	return sb.String()
}

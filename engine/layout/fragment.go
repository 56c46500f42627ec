package layout

import (
	"image"
	"image/color"

	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/engine/text"

	"github.com/go-text/typesetting/font"
)

// Kind says what box a Fragment is a piece of.
type Kind uint8

// Fragment kinds.
const (
	KindViewport       Kind = iota // the initial containing block
	KindBlock                      // a block-level box of an element
	KindAnonymousBlock             // a block wrapping inline content beside blocks (CSS 2.1 9.2.1.1)
	KindInline                     // an inline box of an element, one per line it spans
	KindInlineBlock                // an atomic inline laid out as a block
	KindLine                       // a line box
	KindText                       // the part of a text node on one line
	KindImage                      // a replaced element (img)
	KindMarker                     // a list item's marker
)

var kindNames = [...]string{"viewport", "block", "anonymous-block", "inline", "inline-block", "line", "text", "image", "marker"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Fragment is a laid-out box, or the piece of one that falls on one line.
// Fragments form a tree in painting-ready order: a block's children are
// its block children or its line boxes; a line's are inline, text,
// inline-block and image fragments; an inline's are what it contains on
// that line.
//
// Positions are absolute: X, Y, W, H are the border box in CSS px, in
// document coordinates (origin at the top-left of the initial containing
// block).
type Fragment struct {
	Kind Kind
	// Node is the element or text node the fragment comes from; nil for
	// the viewport, anonymous blocks and lines.
	Node *dom.Node
	// Style is the node's computed style. Anonymous blocks and lines get
	// an anonymous style inheriting from their container's; the viewport
	// has none.
	Style *style.ComputedStyle

	X, Y, W, H float32

	// Used margin, border and padding widths, indexed style.Top etc. An
	// inline split across lines has zero border, padding and margin on
	// the sides where it was split (CSS 2.1 9.4.2).
	Margin, Border, Padding [4]float32

	Children []*Fragment

	// Text holds the glyphs of text and marker fragments.
	Text *TextRun
	// Image is the decoded image of an image fragment; nil when it is
	// missing, in which case nothing is drawn in the box.
	Image image.Image
	// Baseline is the y of a line box's baseline (KindLine only).
	Baseline float32

	// relX and relY are the offsets of relative positioning, which
	// move a box and its content after layout (CSS 2.1 9.4.3).
	relX, relY float32
	// Atomic marks boxes painted whole, as inline-blocks are: flex items
	// (CSS Flexbox 1, 5.4).
	Atomic bool

	// base is the first baseline of a flex container, relative to its
	// top, when hasBase is set: flex containers take theirs from their
	// items rather than from line boxes in their flow.
	base    float32
	hasBase bool
}

// ContentBox returns the fragment's content box.
func (f *Fragment) ContentBox() (x, y, w, h float32) {
	x = f.X + f.Border[style.Left] + f.Padding[style.Left]
	y = f.Y + f.Border[style.Top] + f.Padding[style.Top]
	w = f.W - f.Border[style.Left] - f.Padding[style.Left] - f.Border[style.Right] - f.Padding[style.Right]
	h = f.H - f.Border[style.Top] - f.Padding[style.Top] - f.Border[style.Bottom] - f.Padding[style.Bottom]
	return x, y, max(w, 0), max(h, 0)
}

// TextRun is shaped text on one line, in one font, size and colour.
type TextRun struct {
	Text     string // the text shown, after white-space processing
	Font     *text.Font
	Size     float32 // px per em
	Color    color.NRGBA
	Baseline float32 // document y of the baseline
	// Glyphs are positioned in document coordinates; Y is the baseline
	// (plus any offset the font's positioning applied).
	Glyphs []Glyph
	// Decoration lists the text-decoration lines that apply to the run
	// (including those propagated from ancestors), drawn in
	// DecorationColor with the run's font metrics.
	Decoration      style.TextDecorationLine
	DecorationColor color.NRGBA
}

// Glyph is a glyph placed on the page.
type Glyph struct {
	ID   font.GID
	X, Y float32
	// Cluster is the byte offset in the run's Text of the first character
	// the glyph stands for (for text selection).
	Cluster int32
}

// absolutize turns the parent-relative positions layout computes into
// document coordinates, once, at the end.
func absolutize(f *Fragment, dx, dy float32) {
	f.X += dx + f.relX
	f.Y += dy + f.relY
	if f.Kind == KindLine {
		f.Baseline += f.Y
	}
	if t := f.Text; t != nil {
		t.Baseline += f.Y
		for i := range t.Glyphs {
			t.Glyphs[i].X += f.X
			t.Glyphs[i].Y += f.Y
		}
	}
	for _, c := range f.Children {
		absolutize(c, f.X, f.Y)
	}
}

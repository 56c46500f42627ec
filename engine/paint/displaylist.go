// Package paint turns the fragment tree that layout produces into display
// lists: flat, ordered lists of drawing commands in page coordinates (CSS
// px, origin at the top-left of the document). A display list is immutable
// once built, so the compositor can raster it on its own thread while the
// page goes on.
package paint

import (
	"image"
	"image/color"

	"github.com/go-text/typesetting/font"
)

// Rect is an axis-aligned rectangle in CSS px.
type Rect struct{ X, Y, W, H float32 }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Union returns the smallest rectangle containing r and s.
func (r Rect) Union(s Rect) Rect {
	if r.Empty() {
		return s
	}
	if s.Empty() {
		return r
	}
	x0, y0 := min(r.X, s.X), min(r.Y, s.Y)
	x1, y1 := max(r.X+r.W, s.X+s.W), max(r.Y+r.H, s.Y+s.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Item is one drawing command.
type Item interface {
	// Bounds is the area the item may touch.
	Bounds() Rect
}

// FillRect fills a rectangle with a colour (backgrounds, decoration lines,
// list markers).
type FillRect struct {
	Rect  Rect
	Color color.NRGBA
}

// Bounds implements Item.
func (f *FillRect) Bounds() Rect { return f.Rect }

// PushClip clips the items that follow, up to the matching PopClip, to a
// rectangle (within any clip already in effect): the padding box of a box
// whose overflow is not visible.
type PushClip struct {
	Rect Rect
}

// Bounds implements Item. It is empty: a clip draws nothing and must
// never be culled.
func (c *PushClip) Bounds() Rect { return Rect{} }

// PopClip ends the innermost PushClip.
type PopClip struct{}

// Bounds implements Item.
func (c *PopClip) Bounds() Rect { return Rect{} }

// BorderStyle is the style of one border side, as in CSS.
type BorderStyle uint8

// The border styles raster knows. Others are drawn as solid.
const (
	BorderSolid BorderStyle = iota
	BorderDashed
	BorderDotted
	BorderDouble
)

// Border draws the four sides of a box's border. Rect is the border box;
// Widths, Colors and Styles are indexed top, right, bottom, left. A side
// with zero width is not drawn.
type Border struct {
	Rect   Rect
	Widths [4]float32
	Colors [4]color.NRGBA
	Styles [4]BorderStyle
}

// Bounds implements Item.
func (b *Border) Bounds() Rect { return b.Rect }

// Glyph is one positioned glyph of a run.
type Glyph struct {
	ID   font.GID
	X, Y float32 // the glyph's pen position in CSS px; Y is the baseline
}

// GlyphRun draws shaped glyphs of one font, size and colour. Font is
// immutable and safe to share between threads; raster makes its own
// font.Face from it.
type GlyphRun struct {
	Font   *font.Font
	Size   float32 // px per em
	Color  color.NRGBA
	Glyphs []Glyph
	// Box is the run's logical box (line box top to bottom, pen start to
	// end), used for bounds and culling.
	Box Rect
}

// Bounds implements Item.
func (g *GlyphRun) Bounds() Rect { return g.Box }

// Image draws a decoded image scaled into Rect.
type Image struct {
	Rect  Rect
	Image image.Image
}

// Bounds implements Item.
func (i *Image) Bounds() Rect { return i.Rect }

// DisplayList is an ordered list of items, painted first to last.
type DisplayList struct {
	Items []Item
	// Background is the canvas colour, painted under everything and over
	// the whole viewport (CSS 2.1 14.2: the root's or body's background).
	Background color.NRGBA
	// Size is the extent of the document's content, for scrolling.
	Width, Height float32
}

// Add appends an item.
func (d *DisplayList) Add(it Item) { d.Items = append(d.Items, it) }

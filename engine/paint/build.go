package paint

import (
	"image/color"

	"glassbox/engine/layout"
	"glassbox/engine/style"
)

// Build paints a fragment tree (as layout.Layout returns it, rooted at the
// viewport) into a display list.
//
// The order is that of CSS 2.1 Appendix E for what the engine lays out
// today (no positioning, floats or stacking contexts yet): first the
// backgrounds and borders of block-level boxes in tree order, then, in
// tree order again, the inline content of each line (inline boxes'
// backgrounds and borders, text with its decorations, images), with each
// inline-block painted whole where it sits, as if it were a stacking
// context of its own. Flex items (fragments marked Atomic) are painted
// whole the same way, in the inline content step. List markers and block-level images are painted
// with the inline content.
//
// The canvas takes the root element's background, or body's when the
// root's is transparent (CSS 2.1 14.2); that element's background is not
// painted again. The list's Width and Height are the extent of the content
// and at least the viewport: the size of the scrollable area.
func Build(root *layout.Fragment) *DisplayList {
	dl := &DisplayList{Background: color.NRGBA{R: 255, G: 255, B: 255, A: 255}}
	if root == nil {
		return dl
	}
	b := builder{dl: dl}
	b.canvas(root)
	b.blockBackgrounds(root)
	b.inlineContent(root)
	dl.Width, dl.Height = extent(root)
	return dl
}

type builder struct {
	dl *DisplayList
	// canvasOwner is the element fragment whose background became the
	// canvas's.
	canvasOwner *layout.Fragment
}

// canvas propagates the root's or body's background to the canvas.
func (b *builder) canvas(root *layout.Fragment) {
	var html *layout.Fragment
	for _, c := range root.Children {
		if c.Kind == layout.KindBlock && c.Style != nil {
			html = c
			break
		}
	}
	if html == nil {
		return
	}
	owner := html
	if html.Style.BackgroundColor.A == 0 {
		owner = nil
		for _, c := range html.Children {
			if c.Kind == layout.KindBlock && c.Node != nil && c.Node.IsElement("body") && c.Style != nil {
				owner = c
				break
			}
		}
	}
	if owner == nil || owner.Style.BackgroundColor.A == 0 {
		return
	}
	b.dl.Background = owner.Style.BackgroundColor
	b.canvasOwner = owner
}

// blockBackgrounds paints the backgrounds and borders of the block-level
// boxes in f's subtree (Appendix E step 4), not looking into lines: what
// is in lines is painted with the inline content.
func (b *builder) blockBackgrounds(f *layout.Fragment) {
	if f.Atomic {
		return // painted whole with the inline content
	}
	switch f.Kind {
	case layout.KindLine, layout.KindMarker:
		return
	case layout.KindBlock, layout.KindImage:
		b.boxDecorations(f)
	}
	for _, c := range f.Children {
		b.blockBackgrounds(c)
	}
}

// inlineContent paints the content of the lines in f's subtree, block-level
// images and list markers (Appendix E step 7).
func (b *builder) inlineContent(f *layout.Fragment) {
	if f.Atomic {
		if f.Kind == layout.KindImage {
			b.boxDecorations(f)
			b.image(f)
			return
		}
		b.atomic(f)
		return
	}
	switch f.Kind {
	case layout.KindLine:
		for _, c := range f.Children {
			b.inlineLevel(c, f)
		}
		return
	case layout.KindImage:
		b.image(f)
		return
	case layout.KindMarker:
		b.text(f, nil)
		return
	}
	for _, c := range f.Children {
		b.inlineContent(c)
	}
}

// inlineLevel paints an inline-level fragment on line.
func (b *builder) inlineLevel(f, line *layout.Fragment) {
	switch f.Kind {
	case layout.KindInline:
		b.boxDecorations(f)
		for _, c := range f.Children {
			b.inlineLevel(c, line)
		}
	case layout.KindText:
		b.text(f, line)
	case layout.KindImage:
		b.boxDecorations(f)
		b.image(f)
	case layout.KindInlineBlock:
		b.atomic(f)
	}
}

// atomic paints an inline-block or flex item whole, as if it created a
// stacking context.
func (b *builder) atomic(f *layout.Fragment) {
	b.boxDecorations(f)
	for _, c := range f.Children {
		b.blockBackgrounds(c)
	}
	for _, c := range f.Children {
		b.inlineContent(c)
	}
}

// boxDecorations paints a box's background and border.
func (b *builder) boxDecorations(f *layout.Fragment) {
	s := f.Style
	if s == nil {
		return
	}
	r := Rect{f.X, f.Y, f.W, f.H}
	if s.BackgroundColor.A != 0 && f != b.canvasOwner && !r.Empty() {
		b.dl.Add(&FillRect{Rect: r, Color: s.BackgroundColor})
	}
	if f.Border == [4]float32{} {
		return
	}
	bd := &Border{Rect: r, Widths: f.Border, Colors: s.BorderColor}
	for i, st := range s.BorderStyle {
		bd.Styles[i] = borderStyle(st)
		if st == style.BorderNone || st == style.BorderHidden {
			bd.Widths[i] = 0
		}
	}
	if bd.Widths != [4]float32{} {
		b.dl.Add(bd)
	}
}

// borderStyle maps a CSS border style onto one raster draws.
func borderStyle(s style.BorderStyle) BorderStyle {
	switch s {
	case style.BorderDashed:
		return BorderDashed
	case style.BorderDotted:
		return BorderDotted
	case style.BorderDouble:
		return BorderDouble
	}
	return BorderSolid // solid, and for now groove, ridge, inset, outset
}

// text paints a text or marker fragment: underline and overline, the
// glyphs, then line-through, as Appendix E orders them. line, when not
// nil, is the line box the text sits in, whose height bounds the run.
func (b *builder) text(f, line *layout.Fragment) {
	t := f.Text
	if t == nil || t.Font == nil {
		return
	}
	m := t.Font.Metrics(t.Size)
	deco := func(y, thickness float32) {
		if t.DecorationColor.A == 0 || f.W <= 0 {
			return
		}
		b.dl.Add(&FillRect{Rect: Rect{f.X, y, f.W, max(thickness, 1)}, Color: t.DecorationColor})
	}
	if t.Decoration&style.DecorationUnderline != 0 {
		deco(t.Baseline+m.UnderlineOffset, m.UnderlineThickness)
	}
	if t.Decoration&style.DecorationOverline != 0 {
		deco(t.Baseline-m.Ascent, m.UnderlineThickness)
	}
	if len(t.Glyphs) > 0 && t.Color.A != 0 {
		run := &GlyphRun{Font: t.Font.Font, Size: t.Size, Color: t.Color, Glyphs: make([]Glyph, len(t.Glyphs)),
			Box: Rect{f.X, f.Y, f.W, f.H}}
		if line != nil {
			run.Box = run.Box.Union(Rect{f.X, line.Y, f.W, line.H})
		}
		for i, g := range t.Glyphs {
			run.Glyphs[i] = Glyph{ID: g.ID, X: g.X, Y: g.Y}
		}
		b.dl.Add(run)
	}
	if t.Decoration&style.DecorationLineThrough != 0 {
		deco(t.Baseline-m.StrikeoutOffset, m.StrikeoutThickness)
	}
}

// image paints an image into the fragment's content box.
func (b *builder) image(f *layout.Fragment) {
	if f.Image == nil {
		return
	}
	x, y, w, h := f.ContentBox()
	if r := (Rect{x, y, w, h}); !r.Empty() {
		b.dl.Add(&Image{Rect: r, Image: f.Image})
	}
}

// extent returns the right and bottom edges of the content, and at least
// the viewport's size.
func extent(root *layout.Fragment) (w, h float32) {
	var walk func(f *layout.Fragment)
	walk = func(f *layout.Fragment) {
		w, h = max(w, f.X+f.W), max(h, f.Y+f.H)
		for _, c := range f.Children {
			walk(c)
		}
	}
	walk(root)
	return w, h
}

package paint

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"

	"glassbox/engine/layout"
	"glassbox/engine/style"
)

// Build paints a fragment tree (as layout.Layout returns it, rooted at the
// viewport) into a display list.
//
// The order is that of CSS 2.1 Appendix E. Each stacking context (the
// root, and positioned boxes whose z-index is not auto) paints its own
// background and border, then its descendants that are stacking contexts
// with negative z-index, then in tree order the backgrounds and borders of
// its in-flow block-level boxes, then its floats (each painted whole, as
// if a stacking context), then the inline content of its lines (inline
// boxes' backgrounds and borders, text with its decorations, images, and
// inline-blocks painted whole), then its positioned descendants with
// z-index auto or 0 in tree order, then those with positive z-index. A
// positioned box with z-index auto paints like a stacking context, but
// its positioned descendants belong to the enclosing one. List markers
// and block-level images are painted with the inline content.
//
// Boxes whose overflow is not visible clip their content to their padding
// box (positioned descendants, painted with their stacking context, are
// not clipped). Boxes with visibility other than visible paint nothing of
// their own, but their visible descendants do.
// Flex items (fragments marked Atomic) are painted whole, as inline-blocks
// are, in the inline content step (CSS Flexbox 1, 5.4).
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
	dl.Width, dl.Height = extent(root)
	if o := b.canvasOwner; o != nil && o.Background != nil {
		// The canvas's image covers the whole canvas, positioned as for
		// the root element (CSS 2.1 14.2).
		pos := o
		if len(root.Children) > 0 {
			pos = root.Children[0]
		}
		b.backgroundImage(o.Background, o.Style, Rect{0, 0, dl.Width, dl.Height}, paddingBox(pos))
	}
	b.context(root)
	return dl
}

type builder struct {
	dl *DisplayList
	// canvasOwner is the element fragment whose background became the
	// canvas's.
	canvasOwner *layout.Fragment
	// outlines are those of the boxes painted so far in the current
	// stacking context, which paints them last (Appendix E, step 10).
	outlines []*layout.Fragment
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
		owner = bodyFragment(html)
	}
	if owner == nil || (owner.Style.BackgroundColor.A == 0 && owner.Background == nil) {
		return
	}
	b.dl.Background = owner.Style.BackgroundColor
	b.canvasOwner = owner
}

// bodyFragment finds the body's fragment among html's children, looking
// through anonymous boxes: a root with display: table wraps the body in
// anonymous table parts.
func bodyFragment(html *layout.Fragment) *layout.Fragment {
	for _, c := range html.Children {
		if c.Kind == layout.KindBlock && c.Node != nil && c.Node.IsElement("body") && c.Style != nil {
			return c
		}
		if c.Kind == layout.KindAnonymousBlock && c.Node == nil {
			if b := bodyFragment(c); b != nil {
				return b
			}
		}
	}
	return nil
}

// isFloat reports whether f is a float's fragment.
func isFloat(f *layout.Fragment) bool {
	return f.Style != nil && f.Style.IsFloat() && (f.Kind == layout.KindBlock || f.Kind == layout.KindImage)
}

// isLayer reports whether f is a positioned box's fragment, painted in
// the positioned steps of its stacking context rather than in the flow.
// Positioned inline boxes are painted in the flow for now.
func isLayer(f *layout.Fragment) bool {
	if f.Style == nil {
		return false
	}
	if f.Atomic && !f.Style.ZIndexAuto {
		// Flex and grid items stack with a z-index even when not
		// positioned (CSS Flexbox 1, 5.4; CSS Grid 1, 9).
		return true
	}
	if !f.Style.Positioned() {
		return false
	}
	switch f.Kind {
	case layout.KindBlock, layout.KindImage, layout.KindInlineBlock:
		return true
	}
	return false
}

// isContext reports whether a layer is a stacking context of its own.
func isContext(f *layout.Fragment) bool { return !f.Style.ZIndexAuto }

// z is a layer's z-index, auto counting as 0.
func z(f *layout.Fragment) int32 {
	if f.Style.ZIndexAuto {
		return 0
	}
	return f.Style.ZIndex
}

// context paints the stacking context rooted at f (the viewport, or a
// layer).
func (b *builder) context(f *layout.Fragment) {
	outer := b.outlines
	b.outlines = nil
	clipped := b.pushClipRect(f)
	defer func() {
		for _, o := range b.outlines {
			b.outline(o)
		}
		b.outlines = outer
		if clipped {
			b.popClip()
		}
	}()
	var layers []*layout.Fragment
	collectLayers(f, &layers)
	slices.SortStableFunc(layers, func(a, c *layout.Fragment) int { return cmp.Compare(z(a), z(c)) })
	b.self(f)
	i := 0
	for ; i < len(layers) && z(layers[i]) < 0; i++ {
		b.context(layers[i])
	}
	b.flow(f)
	for _, l := range layers[i:] {
		if isContext(l) {
			b.context(l)
		} else {
			clipped := b.pushClipRect(l)
			b.self(l)
			b.flow(l)
			if clipped {
				b.popClip()
			}
		}
	}
}

// pushClipRect starts clipping to the clip rectangle of an absolutely
// positioned box with one (CSS 2.1 11.1.2), and reports whether it did.
func (b *builder) pushClipRect(f *layout.Fragment) bool {
	s := f.Style
	if s == nil || !s.ClipSet || !s.OutOfFlowPositioned() {
		return false
	}
	edge := func(l style.Length, auto float32) float32 {
		if l.IsAuto() {
			return auto
		}
		return l.Resolve(0, 0)
	}
	t, r := edge(s.Clip[style.Top], 0), edge(s.Clip[style.Right], f.W)
	bt, l := edge(s.Clip[style.Bottom], f.H), edge(s.Clip[style.Left], 0)
	b.dl.Add(&PushClip{Rect: snap(Rect{f.X + l, f.Y + t, max(r-l, 0), max(bt-t, 0)})})
	return true
}

// collectLayers appends the layers of the stacking context that f's
// children are in, in tree order: not looking into layers that are
// stacking contexts, whose layers are their own.
func collectLayers(f *layout.Fragment, out *[]*layout.Fragment) {
	for _, c := range f.Children {
		if isLayer(c) {
			*out = append(*out, c)
			if isContext(c) {
				continue
			}
		}
		collectLayers(c, out)
	}
}

// self paints f's own background and border, or for an image its
// picture too.
func (b *builder) self(f *layout.Fragment) {
	switch f.Kind {
	case layout.KindBlock, layout.KindInlineBlock:
		b.boxDecorations(f)
	case layout.KindImage:
		b.boxDecorations(f)
		b.image(f)
	}
}

// flow paints f's descendants other than layers, as Appendix E's steps 4
// to 7: block backgrounds, floats, inline content. Floats and
// inline-blocks are painted this way too.
func (b *builder) flow(f *layout.Fragment) {
	if f.Kind == layout.KindImage {
		return
	}
	clipped := b.pushClip(f)
	for _, c := range f.Children {
		b.blockBackgrounds(c)
	}
	for _, c := range f.Children {
		b.floats(c)
	}
	for _, c := range f.Children {
		b.inlineContent(c)
	}
	if clipped {
		b.popClip()
	}
}

// clips reports whether f clips its content. The root's and body's
// overflow apply to the viewport instead (CSS 2.1 11.1.1).
func clips(f *layout.Fragment) bool {
	if f.Style == nil || !f.Style.ClipsOverflow() || (f.Kind != layout.KindBlock && f.Kind != layout.KindInlineBlock) {
		return false
	}
	return f.Node == nil || !(f.Node.IsElement("html") || f.Node.IsElement("body"))
}

// pushClip starts clipping to f's padding box if f clips its content,
// and reports whether it did.
func (b *builder) pushClip(f *layout.Fragment) bool {
	if !clips(f) {
		return false
	}
	b.dl.Add(&PushClip{Rect: snap(paddingBox(f))})
	return true
}

// popClip ends the innermost clip; a clip that nothing was painted in is
// dropped instead.
func (b *builder) popClip() {
	items := b.dl.Items
	if n := len(items); n > 0 {
		if _, ok := items[n-1].(*PushClip); ok {
			b.dl.Items = items[:n-1]
			return
		}
	}
	b.dl.Add(&PopClip{})
}

// floats paints the floats in f's subtree (f included) in tree order,
// not looking into lines (whose inline-blocks paint their own).
func (b *builder) floats(f *layout.Fragment) {
	switch {
	case isLayer(f), f.Kind == layout.KindLine:
		return
	case isFloat(f):
		b.self(f)
		b.flow(f)
		return
	}
	clipped := b.pushClip(f)
	for _, c := range f.Children {
		b.floats(c)
	}
	if clipped {
		b.popClip()
	}
}

// blockBackgrounds paints the backgrounds and borders of the block-level
// boxes in f's subtree (Appendix E step 4), not looking into lines: what
// is in lines is painted with the inline content.
func (b *builder) blockBackgrounds(f *layout.Fragment) {
	if isFloat(f) || isLayer(f) || f.Atomic {
		return
	}
	switch f.Kind {
	case layout.KindLine, layout.KindMarker:
		return
	case layout.KindBlock, layout.KindImage:
		b.boxDecorations(f)
	}
	clipped := b.pushClip(f)
	for _, c := range f.Children {
		b.blockBackgrounds(c)
	}
	if clipped {
		b.popClip()
	}
}

// inlineContent paints the content of the lines in f's subtree, block-level
// images and list markers (Appendix E step 7).
func (b *builder) inlineContent(f *layout.Fragment) {
	if isFloat(f) || isLayer(f) {
		return
	}
	if f.Atomic {
		// Painted whole where it sits, as an inline-block is.
		b.self(f)
		if f.Kind != layout.KindImage {
			b.flow(f)
		}
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
	clipped := b.pushClip(f)
	for _, c := range f.Children {
		b.inlineContent(c)
	}
	if clipped {
		b.popClip()
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
		if !isLayer(f) {
			b.self(f)
		}
	case layout.KindInlineBlock:
		// Atomically, as if it created a stacking context.
		if !isLayer(f) {
			b.self(f)
			b.flow(f)
		}
	}
}

// boxDecorations paints a box's background and border.
func (b *builder) boxDecorations(f *layout.Fragment) {
	s := f.Style
	if s == nil || s.Visibility != style.VisibilityVisible {
		return
	}
	r := snap(Rect{f.X, f.Y, f.W, f.H})
	if s.OutlineWidth > 0 {
		b.outlines = append(b.outlines, f)
	}
	if s.BackgroundColor.A != 0 && f != b.canvasOwner && !r.Empty() {
		b.dl.Add(&FillRect{Rect: r, Color: s.BackgroundColor})
	}
	if f.Background != nil && f != b.canvasOwner && !r.Empty() {
		b.backgroundImage(f.Background, s, r, paddingBox(f))
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

// outline paints f's outline, just outside its border box.
func (b *builder) outline(f *layout.Fragment) {
	s := f.Style
	w := s.OutlineWidth
	r := snap(Rect{f.X - w, f.Y - w, f.W + 2*w, f.H + 2*w})
	st := borderStyle(s.OutlineStyle)
	b.dl.Add(&Border{Rect: r, Widths: [4]float32{w, w, w, w},
		Colors: [4]color.NRGBA{s.OutlineColor, s.OutlineColor, s.OutlineColor, s.OutlineColor},
		Styles: [4]BorderStyle{st, st, st, st}})
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
	if t == nil || t.Font == nil || (f.Style != nil && f.Style.Visibility != style.VisibilityVisible) {
		return
	}
	m := t.Font.Metrics(t.Size)
	deco := func(y, thickness float32) {
		if t.DecorationColor.A == 0 || f.W <= 0 {
			return
		}
		b.dl.Add(&FillRect{Rect: snap(Rect{f.X, y, f.W, max(thickness, 1)}), Color: t.DecorationColor})
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
		// Baselines sit on whole pixels, as boxes do (snap), so that
		// text and boxes keep their vertical distances.
		dy := float32(math.Round(float64(t.Baseline))) - t.Baseline
		for i, g := range t.Glyphs {
			run.Glyphs[i] = Glyph{ID: g.ID, X: g.X, Y: g.Y + dy}
		}
		b.dl.Add(run)
	}
	if t.Decoration&style.DecorationLineThrough != 0 {
		deco(t.Baseline-m.StrikeoutOffset, m.StrikeoutThickness)
	}
}

// image paints an image into the fragment's content box.
func (b *builder) image(f *layout.Fragment) {
	if f.Image == nil || (f.Style != nil && f.Style.Visibility != style.VisibilityVisible) {
		return
	}
	x, y, w, h := f.ContentBox()
	if r := snap(Rect{x, y, w, h}); !r.Empty() {
		if c, ok := uniformColor(f.Image); ok {
			// One opaque colour, however scaled, is a fill, which
			// raster draws with exact colours (images go through
			// texture sampling, a level off at some values).
			b.dl.Add(&FillRect{Rect: r, Color: c})
			return
		}
		b.dl.Add(&Image{Rect: r, Image: f.Image})
	}
}

// paddingBox returns f's padding box.
func paddingBox(f *layout.Fragment) Rect {
	return Rect{f.X + f.Border[style.Left], f.Y + f.Border[style.Top],
		f.W - f.Border[style.Left] - f.Border[style.Right], f.H - f.Border[style.Top] - f.Border[style.Bottom]}
}

// maxTiles bounds the tiles one background paints: a tiny image repeated
// over a large page would otherwise make a huge display list.
const maxTiles = 4096

// backgroundImage paints img as the background of style s (CSS 2.1
// 14.2.1): at its natural size, placed by background-position in the
// positioning area pos (the padding box), repeated as background-repeat
// says, over the painting area area (the border box), to which it is
// clipped.
func (b *builder) backgroundImage(img image.Image, s *style.ComputedStyle, area, pos Rect) {
	ib := img.Bounds()
	iw, ih := float32(ib.Dx()), float32(ib.Dy())
	if iw <= 0 || ih <= 0 || area.Empty() {
		return
	}
	x0 := pos.X + s.BackgroundPosition[0].Resolve(pos.W-iw, 0)
	y0 := pos.Y + s.BackgroundPosition[1].Resolve(pos.H-ih, 0)
	// The tiles' extent: one tile, or the area's width or height where
	// the image repeats, starting at a tile edge left of or above it.
	tiles := Rect{x0, y0, iw, ih}
	rep := s.BackgroundRepeat
	if rep == style.RepeatBoth || rep == style.RepeatX {
		start := x0 - iw*float32(math.Ceil(float64((x0-area.X)/iw)))
		tiles.X, tiles.W = start, area.X+area.W-start
	}
	if rep == style.RepeatBoth || rep == style.RepeatY {
		start := y0 - ih*float32(math.Ceil(float64((y0-area.Y)/ih)))
		tiles.Y, tiles.H = start, area.Y+area.H-start
	}
	covered := intersect(tiles, area)
	if covered.Empty() {
		return
	}
	if c, ok := uniformColor(img); ok {
		b.dl.Add(&FillRect{Rect: snap(covered), Color: c})
		return
	}
	nx := int(math.Ceil(float64(tiles.W / iw)))
	ny := int(math.Ceil(float64(tiles.H / ih)))
	if nx*ny > maxTiles {
		return
	}
	b.dl.Add(&PushClip{Rect: snap(area)})
	for j := range ny {
		for i := range nx {
			t := Rect{tiles.X + float32(i)*iw, tiles.Y + float32(j)*ih, iw, ih}
			if !intersect(t, area).Empty() {
				b.dl.Add(&Image{Rect: snap(t), Image: img})
			}
		}
	}
	b.popClip()
}

// intersect returns the overlap of two rectangles (empty when none).
func intersect(a, c Rect) Rect {
	x0, y0 := max(a.X, c.X), max(a.Y, c.Y)
	x1, y1 := min(a.X+a.W, c.X+c.W), min(a.Y+a.H, c.Y+c.H)
	if x1 <= x0 || y1 <= y0 {
		return Rect{}
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// uniformColor reports whether every pixel of img is the same opaque
// colour, and which. It stops at the first pixel that differs, so photos
// cost little, and looks at small images only (swatches, spacers), so
// that a large flat one does not cost a scan at every paint.
func uniformColor(img image.Image) (color.NRGBA, bool) {
	r := img.Bounds()
	if r.Empty() || r.Dx()*r.Dy() > 1<<16 {
		return color.NRGBA{}, false
	}
	first := color.NRGBAModel.Convert(img.At(r.Min.X, r.Min.Y)).(color.NRGBA)
	if first.A != 255 {
		return color.NRGBA{}, false
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) != first {
				return color.NRGBA{}, false
			}
		}
	}
	return first, true
}

// snap moves a rectangle's edges to the nearest whole pixels, as browsers
// paint boxes: layout positions are fractional (an 18.4px line height puts
// most boxes between pixels), and unsnapped edges would be blended with
// what is behind them, differently for fills and images.
func snap(r Rect) Rect {
	x0, y0 := math.Round(float64(r.X)), math.Round(float64(r.Y))
	x1, y1 := math.Round(float64(r.X+r.W)), math.Round(float64(r.Y+r.H))
	return Rect{float32(x0), float32(y0), float32(x1 - x0), float32(y1 - y0)}
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

package layout

import "glassbox/engine/style"

// floatCtx holds the floats placed so far in one block formatting
// context, as margin boxes in the coordinates of the context's root (its
// border box's top-left corner, before any margin collapsing moved it).
// Every block in the context reads it: line boxes are shortened beside
// floats, clearance moves blocks below them, and boxes that establish
// formatting contexts of their own are put beside them.
type floatCtx struct {
	floats []placedFloat
	// lastTop is the top of the last float placed: no float goes above
	// an earlier one (CSS 2.1 9.5.1, rule 5).
	lastTop float32
}

type placedFloat struct {
	x, y, w, h float32
	right      bool
}

// space says where a box's containing block is in its block formatting
// context: x is the BFC x of the containing block's content edge, y the
// BFC y of the caller's cursor (where the box's top margin begins).
type space struct {
	fc   *floatCtx
	x, y float32
}

// empty reports whether no floats have been placed.
func (fc *floatCtx) empty() bool { return fc == nil || len(fc.floats) == 0 }

// band returns the left and right edges of the space left between the
// floats that overlap the band [y, y+h) within [left, right]. A band of
// zero height is taken as a line one unit tall.
func (fc *floatCtx) band(y, h, left, right float32) (float32, float32) {
	if fc == nil {
		return left, right
	}
	if h <= 0 {
		h = epsilon
	}
	for _, f := range fc.floats {
		if f.h <= 0 || f.w <= 0 || f.y >= y+h || f.y+f.h <= y {
			continue
		}
		if f.right {
			right = min(right, f.x)
		} else {
			left = max(left, f.x+f.w)
		}
	}
	return left, right
}

// nextBottom returns the lowest float bottom below y among the floats
// that reach below y: where the space beside floats next changes.
func (fc *floatCtx) nextBottom(y float32) (float32, bool) {
	var best float32
	found := false
	for _, f := range fc.floats {
		if b := f.y + f.h; b > y && (!found || b < best) {
			best, found = b, true
		}
	}
	return best, found
}

// clearY returns the y below the floats that clear c clears.
func (fc *floatCtx) clearY(c style.Clear) float32 {
	var y float32
	if fc == nil {
		return y
	}
	for _, f := range fc.floats {
		if c == style.ClearBoth || (c == style.ClearLeft) == !f.right {
			y = max(y, f.y+f.h)
		}
	}
	return y
}

// bottom returns the bottom of the lowest float, 0 when there are none.
func (fc *floatCtx) bottom() float32 {
	return fc.clearY(style.ClearBoth)
}

// place finds where a float with a margin box w×h goes, its top no higher
// than y, in a containing block spanning [left, right] (CSS 2.1 9.5.1):
// as high as possible, then as far left (or right) as possible, beside
// the floats already there, or below them when it does not fit. A float
// wider than the containing block goes where no other float is beside it.
// It records the float and returns its margin box's top-left corner.
func (fc *floatCtx) place(w, h float32, right bool, y, left, rightEdge float32) (float32, float32) {
	y = max(y, fc.lastTop)
	for {
		l, r := fc.band(y, h, left, rightEdge)
		if r-l+epsilon >= w || (l == left && r == rightEdge) {
			x := l
			if right {
				x = r - w
			}
			fc.floats = append(fc.floats, placedFloat{x: x, y: y, w: w, h: h, right: right})
			fc.lastTop = y
			return x, y
		}
		next, ok := fc.nextBottom(y)
		if !ok {
			next = y + epsilon // cannot happen: something narrowed the band
		}
		y = next
	}
}

// establishesBFC reports whether a block container establishes a new
// block formatting context (CSS 2.1 9.4.1): floats, absolutely positioned
// boxes, inline-blocks, and blocks whose overflow is not visible. Flex,
// grid and table boxes, laid out as blocks for now, do as well.
func establishesBFC(b *box) bool {
	s := b.style
	if b.floated || s.OutOfFlowPositioned() || s.ClipsOverflow() {
		return true
	}
	switch s.Display {
	case style.DisplayInlineBlock, style.DisplayFlex, style.DisplayGrid, style.DisplayTable,
		style.DisplayTableCell, style.DisplayTableCaption:
		return true
	}
	return false
}

// floatBox lays out a float at the origin, its margins included in its
// position (X and Y are its left and top margins): a block that
// establishes its own formatting context, shrink-to-fit when its width is
// auto (CSS 2.1 10.3.5), with auto margins taken as 0.
func (l *layouter) floatBox(b *box, cb containingBlock) *Fragment {
	e := resolveEdges(b.style, cb.w)
	if b.kind == boxImage {
		w, h := l.replacedSize(b, cb)
		return l.alloc(Fragment{Kind: KindImage, Node: b.node, Style: b.style, Image: b.img,
			Margin: e.margin, Border: e.border, Padding: e.padding,
			X: e.margin[left], Y: e.margin[top], W: w + e.horizontal(), H: h + e.vertical()})
	}
	w := l.usedWidth(b, &e, cb.w, true)
	f := l.alloc(Fragment{Kind: KindBlock, Node: b.node, Style: b.style,
		Margin: e.margin, Border: e.border, Padding: e.padding, W: w + e.horizontal()})
	if b.style.Positioned() {
		l.relative(f, cb)
		l.cbs = append(l.cbs, f)
		defer func() { l.cbs = l.cbs[:len(l.cbs)-1] }()
	}
	l.contents(b, f, w, cb, collapse{}, true, space{})
	f.X, f.Y = e.margin[left], e.margin[top]
	return f
}

// marginBox returns the size of a fragment's margin box.
func marginBox(f *Fragment) (w, h float32) {
	return f.Margin[left] + f.W + f.Margin[right], f.Margin[top] + f.H + f.Margin[bottom]
}

// placeFloat places float fragment ff (from floatBox) in fc, no higher
// than the BFC y minY, in a containing block whose content box spans
// [cbLeft, cbRight] in BFC x, and moves ff to its place in the frame of a
// parent whose border box is at (fx, fy) in the BFC.
func placeFloat(fc *floatCtx, b *box, ff *Fragment, minY, cbLeft, cbRight, fx, fy float32) {
	if c := b.style.Clear; c != style.ClearNone {
		minY = max(minY, fc.clearY(c))
	}
	w, h := marginBox(ff)
	x, y := fc.place(w, h, b.style.Float == style.FloatRight, minY, cbLeft, cbRight)
	ff.X = x + ff.Margin[left] - fx
	ff.Y = y + ff.Margin[top] - fy
}

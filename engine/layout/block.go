package layout

import (
	"glassbox/engine/style"
)

const (
	top    = style.Top
	right  = style.Right
	bottom = style.Bottom
	left   = style.Left
)

// collapse accumulates adjoining vertical margins (CSS 2.1 8.3.1): the
// collapsed margin is the largest positive one plus the most negative one.
type collapse struct{ pos, neg float32 }

func (c *collapse) add(m float32) {
	c.pos = max(c.pos, m)
	c.neg = min(c.neg, m)
}

func (c collapse) sum() float32 { return c.pos + c.neg }

// edges are a box's used margins, borders and paddings.
type edges struct {
	margin, border, padding [4]float32
	autoLeft, autoRight     bool // margin-left/right are auto
}

func (e *edges) horizontal() float32 {
	return e.border[left] + e.border[right] + e.padding[left] + e.padding[right]
}

func (e *edges) vertical() float32 {
	return e.border[top] + e.border[bottom] + e.padding[top] + e.padding[bottom]
}

// resolveEdges resolves s's margins, borders and paddings against the
// containing block width cbw (which percentages of all four sides refer
// to, CSS 2.1 8.3 and 8.4). Auto margins come out as 0 and flagged.
func resolveEdges(s *style.ComputedStyle, cbw float32) edges {
	var e edges
	for i := range 4 {
		e.margin[i] = s.Margin[i].Resolve(cbw, 0)
		e.padding[i] = max(s.Padding[i].Resolve(cbw, 0), 0)
		e.border[i] = max(s.BorderWidth[i], 0)
	}
	e.autoLeft = s.Margin[left].IsAuto()
	e.autoRight = s.Margin[right].IsAuto()
	return e
}

// contentSize resolves a width or height property to a content-box size,
// reporting false for auto, none, and percentages of an unknown basis.
func contentSize(l style.Length, basis float32, basisKnown bool, s *style.ComputedStyle, edges float32) (float32, bool) {
	switch l.Unit {
	case style.Px:
	case style.Percent, style.Calc:
		if !basisKnown && l.HasPercent() {
			return 0, false
		}
	default:
		return 0, false
	}
	v := l.Resolve(basis, 0)
	if s.BoxSizing == style.BorderBox {
		v -= edges
	}
	return max(v, 0), true
}

// usedWidth computes the content width of a block-level box and its used
// horizontal margins (CSS 2.1 10.3.3, with min/max-width per 10.4). With
// shrink set, an auto width is shrink-to-fit (10.3.9, inline-blocks) and
// auto margins are 0.
func (l *layouter) usedWidth(b *box, e *edges, cbw float32, shrink bool) float32 {
	s := b.style
	hz := e.horizontal()
	w, fixed := contentSize(s.Width, cbw, true, s, hz)
	if !fixed {
		if shrink || b.table {
			// An auto-width table is shrink-to-fit too (CSS 2.1
			// 17.5.2), and takes auto margins.
			minW, maxW := l.intrinsic(b)
			avail := cbw - e.margin[left] - e.margin[right] - hz
			w = min(max(minW, avail), maxW)
			fixed = b.table
		} else {
			w = cbw - e.margin[left] - e.margin[right] - hz
		}
	}
	if maxW, ok := contentSize(s.MaxWidth, cbw, true, s, hz); ok && w > maxW {
		w, fixed = maxW, true
	}
	if minW, ok := contentSize(s.MinWidth, cbw, true, s, hz); ok && w < minW {
		w, fixed = minW, true
	}
	w = max(w, 0)
	if shrink {
		return w
	}
	// Solve for the margins. Auto margins share what is left over, unless
	// nothing is, in which case they are 0 and the box is
	// over-constrained: margin-right gives way (left-to-right text).
	rest := cbw - w - hz - e.margin[left] - e.margin[right]
	if !fixed || rest < 0 {
		e.margin[right] += rest
		return w
	}
	switch {
	case e.autoLeft && e.autoRight:
		e.margin[left], e.margin[right] = rest/2, rest/2
	case e.autoLeft:
		e.margin[left] = rest
	default:
		e.margin[right] += rest
	}
	return w
}

// usedHeight clamps a content height by min-height and max-height.
func usedHeight(s *style.ComputedStyle, h float32, cb containingBlock, vert float32) float32 {
	if maxH, ok := contentSize(s.MaxHeight, cb.h, cb.hDefinite, s, vert); ok && h > maxH {
		h = maxH
	}
	if minH, ok := contentSize(s.MinHeight, cb.h, cb.hDefinite, s, vert); ok && h < minH {
		h = minH
	}
	return max(h, 0)
}

// flow is the outcome of laying out the in-flow content of a block
// container: block children or line boxes, positioned relative to the
// container's border box.
type flow struct {
	end      float32  // bottom of the last content that did not collapse through
	pending  collapse // margins still to be placed after that content
	resolved bool     // whether some content resolved the incoming margins
	first    float32  // the top of that first content
	// held says the pending margins collapsed with a top margin that
	// has clearance, and so do not collapse with the parent's bottom.
	held bool
}

// block lays out a block-level box in containing block cb. in holds the
// collapsed margins that end where this box's top margin starts. The
// returned fragment has X relative to the containing block's content
// edge and Y relative to the caller's cursor (the bottom of the previous
// content), both of them past the collapsed margins; the caller still adds
// its own offsets. It returns the margins that are left pending after the
// box, and whether the box collapsed through (CSS 2.1 8.3.1: it is empty,
// takes no room, and its margins join those around it).
//
// bfc is set for boxes that establish a block formatting context (the
// root here, inline-blocks in inlineBlock): their margins do not collapse
// with their children's.
func (l *layouter) block(b *box, cb containingBlock, in collapse, bfc bool, sp space) (*Fragment, collapse, bool) {
	if b.kind == boxImage {
		return l.blockImage(b, cb, in)
	}
	f := l.alloc(Fragment{Kind: KindBlock, Node: b.node, Style: b.style})
	if b.kind == boxAnonBlock {
		f.Kind, f.Node = KindAnonymousBlock, nil
	}
	e := resolveEdges(b.style, cb.w)
	w := l.usedWidth(b, &e, cb.w, false)
	f.Margin, f.Border, f.Padding = e.margin, e.border, e.padding
	f.X = e.margin[left]
	f.W = w + e.horizontal()
	if b.style.Positioned() {
		l.relative(f, cb)
		l.cbs = append(l.cbs, f)
		defer func() { l.cbs = l.cbs[:len(l.cbs)-1] }()
	}
	out, through := l.contents(b, f, w, cb, in, bfc || establishesBFC(b) || b.flex || b.grid || b.table, sp)
	return f, out, through
}

// contents lays out the children of block container b inside f, whose
// horizontal geometry and edges are already set, and sets f's Y (its
// offset from the caller's cursor, collapsed margins included) and H. sp
// places the caller's cursor in the block formatting context; a box that
// establishes one (bfc) starts a context of its own, whose floats it
// contains.
func (l *layouter) contents(b *box, f *Fragment, w float32, cb containingBlock, in collapse, bfc bool, sp space) (out collapse, through bool) {
	s := b.style
	bt, pt := f.Border[top], f.Padding[top]
	bb, pb := f.Border[bottom], f.Padding[bottom]
	vert := bt + pt + pb + bb
	h, hFixed := contentSize(s.Height, cb.h, cb.hDefinite, s, vert)
	if b.hasForceH {
		h, hFixed = b.forceH, true // a flex item, sized by flex.go
	} else if b.autoH {
		h, hFixed = 0, false
	}

	in.add(f.Margin[top])
	sepTop := bfc || bt > 0 || pt > 0
	sepBottom := bfc || bb > 0 || pb > 0 || hFixed

	// Where f's border box is in the formatting context, before margin
	// collapsing moves it: children are placed relative to that, and the
	// adjustments below move f and them in opposite directions.
	inner := space{fc: sp.fc, x: sp.x + f.X, y: sp.y}
	if bfc {
		inner = space{fc: new(floatCtx)}
	} else if sepTop {
		inner.y += in.sum()
	}

	// Margins pass through a top edge with nothing in it, to the first
	// child (CSS 2.1 8.3.1, parent and first child).
	var innerMargins collapse
	if !sepTop {
		innerMargins = in
	}
	contentTop := bt + pt
	var r flow
	switch {
	case b.flex:
		r = l.flexContent(b, f, w, h, hFixed, cb, contentTop)
	case b.grid:
		r = l.gridContent(b, f, w, h, hFixed, cb, contentTop)
	case b.table:
		r = l.tableContent(b, f, w, h, hFixed, contentTop)
	case b.inline:
		// Floats in the lines take percentage heights from this box,
		// or through an anonymous block from its container's.
		floatCB := containingBlock{w: w, h: h, hDefinite: hFixed}
		if hFixed {
			floatCB.h = usedHeight(s, h, cb, vert)
		}
		if b.kind == boxAnonBlock {
			floatCB.h, floatCB.hDefinite = cb.h, cb.hDefinite
		}
		r = l.inlineContent(b, f, w, contentTop, innerMargins, inner, floatCB)
	default:
		childCB := containingBlock{w: w, h: h, hDefinite: hFixed}
		if hFixed {
			childCB.h = usedHeight(s, h, cb, vert)
		}
		r = l.blockChildren(b, f, childCB, contentTop, innerMargins, inner)
	}

	topOffset := in.sum()
	var contentH float32
	if r.resolved {
		if !sepTop {
			// The margins ended up above this box, not inside it: move
			// the box down and its content up by as much.
			topOffset = r.first - contentTop
			for _, c := range f.Children {
				c.Y -= topOffset
			}
			r.end -= topOffset
		}
		if sepBottom || r.held {
			contentH = r.end + r.pending.sum() - contentTop
		} else {
			// The last child's bottom margin collapses with ours
			// (parent and last child).
			contentH = r.end - contentTop
			out = r.pending
		}
	} else {
		// No content: every margin met so far adjoins this box's.
		if sepTop && sepBottom {
			contentH = r.pending.sum()
		} else if sepTop {
			out = r.pending
		}
	}
	if bfc && !inner.fc.empty() {
		// A formatting context root is as tall as the floats in it
		// (CSS 2.1 10.6.7).
		contentH = max(contentH, inner.fc.bottom()-contentTop)
	}
	if hFixed {
		contentH = h
		if b.table {
			// A table's height is a minimum (CSS 2.1 17.5.3).
			contentH = max(h, r.end-contentTop)
		}
	}
	contentH = usedHeight(s, contentH, cb, vert)
	f.H = contentH + vert

	if !r.resolved && !sepTop {
		if !sepBottom && f.H == 0 {
			// Collapsing through: top and bottom margins adjoin.
			through = true
			out = r.pending
		} else {
			// Something (a border, a height) stops the margins at the
			// bottom: they all collapse at the top.
			topOffset = r.pending.sum()
			for _, c := range f.Children {
				if !isFloat(c) {
					c.Y = contentTop
				}
			}
		}
		// Floats were placed relative to where f's top was before its
		// margins were known.
		for _, c := range f.Children {
			if isFloat(c) {
				c.Y -= topOffset
			}
		}
	}
	out.add(f.Margin[bottom])
	f.Y = topOffset
	if b.marker != "" {
		l.addMarker(b, f)
	}
	return out, through
}

// isFloat reports whether a fragment is out of the flow: a float's or an
// absolutely positioned box's.
func isFloat(f *Fragment) bool {
	return f.Style != nil && (f.Style.IsFloat() || f.Style.OutOfFlowPositioned()) && (f.Kind == KindBlock || f.Kind == KindImage)
}

// blockChildren lays out the block-level children of b one under the
// other, starting at y with the margins pending. sp places f's border
// box in the formatting context.
func (l *layouter) blockChildren(b *box, f *Fragment, cb containingBlock, y float32, pending collapse, sp space) flow {
	r := flow{end: y}
	f.Children = make([]*Fragment, 0, len(b.children))
	x := f.Border[left] + f.Padding[left]
	cbLeft := sp.x + x
	for ci, c := range b.children {
		if c.abspos {
			// Its static position: where its top margin edge would
			// be in the flow.
			af := l.absPlaceholder(c)
			af.X, af.Y = x, r.end+pending.sum()
			f.Children = append(f.Children, af)
			continue
		}
		if c.floated {
			// The float goes where the next in-flow box's top border
			// edge will be, past the margins that will collapse there.
			ff := l.floatBox(c, cb)
			at := pending
			adjoiningTop(b.children[ci+1:], cb.w, &at)
			placeFloat(sp.fc, c, ff, sp.y+r.end+at.sum(), cbLeft, cbLeft+cb.w, sp.x, sp.y)
			f.Children = append(f.Children, ff)
			continue
		}
		childCB := cb
		var dx float32
		cleared := false
		if !sp.fc.empty() {
			// Clearance (CSS 2.1 9.5.2): when the top border edge would
			// be above the floats it clears, the box goes below them
			// and the margins above it no longer collapse with its own.
			mt := c.style.Margin[top].Resolve(cb.w, 0)
			hyp := pending
			hyp.add(mt)
			minY := sp.y + r.end + hyp.sum()
			if cl := c.style.Clear; cl != style.ClearNone {
				minY = max(minY, sp.fc.clearY(cl))
			}
			if establishesBFC(c) || c.kind == boxImage {
				// A box with a formatting context of its own, and a
				// replaced box, go beside the floats, not under them
				// (CSS 2.1 9.5), lower down when there is no room.
				var bx float32
				minY, bx, childCB.w = l.besideFloats(c, cb, sp.fc, minY, cbLeft)
				dx = bx - cbLeft
			}
			if minY > sp.y+r.end+hyp.sum()+epsilon {
				if !r.resolved {
					r.resolved, r.first = true, r.end+pending.sum()
				}
				r.end = minY - sp.y - mt
				pending = collapse{}
				cleared = true
			}
		}
		cf, out, through := l.block(c, childCB, pending, false, space{fc: sp.fc, x: cbLeft + dx, y: sp.y + r.end})
		cf.X += x + dx
		cf.Y += r.end
		f.Children = append(f.Children, cf)
		pending = out
		if through {
			// Margins that collapse with a top margin with clearance
			// stay inside the parent (CSS 2.1 8.3.1).
			r.held = r.held || cleared
			continue
		}
		r.held = false
		if !r.resolved {
			r.resolved, r.first = true, cf.Y
		}
		r.end = cf.Y + cf.H
	}
	r.pending = pending
	return r
}

// adjoiningTop adds to m the top margins that will collapse above the
// first in-flow box of boxes: its own and, through top edges with no
// border or padding, those of its first descendants. Blocks that collapse
// through, and clearance, are not looked into.
func adjoiningTop(boxes []*box, cbw float32, m *collapse) {
	for _, c := range boxes {
		if c.floated {
			continue
		}
		if c.style.Clear != style.ClearNone {
			return
		}
		m.add(c.style.Margin[top].Resolve(cbw, 0))
		s := c.style
		if c.kind != boxBlock || c.inline || establishesBFC(c) || s.BorderWidth[top] > 0 || s.Padding[top].Resolve(cbw, 0) > 0 {
			return
		}
		w, ok := contentSize(s.Width, cbw, true, s, 0)
		if !ok {
			w = cbw
		}
		adjoiningTop(c.children, w, m)
		return
	}
}

// besideFloats finds where a box that must not overlap floats goes: the
// first y at or below minY where the space beside the floats is wide
// enough for it, the left edge of that space and its width.
func (l *layouter) besideFloats(c *box, cb containingBlock, fc *floatCtx, minY, cbLeft float32) (y, x, w float32) {
	e := resolveEdges(c.style, cb.w)
	hz := e.horizontal() + e.margin[left] + e.margin[right]
	// The narrowest the box can be: its specified width, or its
	// min-content width when auto.
	need, fixed := contentSize(c.style.Width, cb.w, true, c.style, e.horizontal())
	if !fixed {
		need, _ = l.outerIntrinsic(c)
		need -= hz
	}
	need += hz
	y = minY
	for range 1000 {
		lo, hi := fc.band(y, epsilon, cbLeft, cbLeft+cb.w)
		if hi-lo+epsilon >= need || (lo == cbLeft && hi == cbLeft+cb.w) {
			return y, lo, hi - lo
		}
		next, ok := fc.nextBottom(y)
		if !ok {
			break
		}
		y = next
	}
	return y, cbLeft, cb.w
}

// blockImage lays out a block-level replaced element: its size is its
// own (replacedSize), and auto margins centre it.
func (l *layouter) blockImage(b *box, cb containingBlock, in collapse) (*Fragment, collapse, bool) {
	e := resolveEdges(b.style, cb.w)
	w, h := l.replacedSize(b, cb)
	rest := cb.w - w - e.horizontal() - e.margin[left] - e.margin[right]
	switch {
	case rest < 0:
		e.margin[right] += rest
	case e.autoLeft && e.autoRight:
		e.margin[left], e.margin[right] = rest/2, rest/2
	case e.autoLeft:
		e.margin[left] = rest
	default:
		e.margin[right] += rest
	}
	f := l.alloc(Fragment{Kind: KindImage, Node: b.node, Style: b.style, Image: b.img,
		Margin: e.margin, Border: e.border, Padding: e.padding,
		X: e.margin[left], W: w + e.horizontal(), H: h + e.vertical()})
	in.add(e.margin[top])
	f.Y = in.sum()
	var out collapse
	out.add(e.margin[bottom])
	return f, out, false
}

// inlineBlock lays out an inline-block in a line of width cbw: as a block
// that establishes its own formatting context, shrink-to-fit when its
// width is auto. It returns the fragment at the origin and the distance
// from its top margin edge to its baseline: that of its last line box, or
// its bottom margin edge when it has none (CSS 2.1 10.8.1).
func (l *layouter) inlineBlock(b *box, cbw float32) (*Fragment, float32) {
	e := resolveEdges(b.style, cbw)
	w := l.usedWidth(b, &e, cbw, true)
	f := l.alloc(Fragment{Kind: KindInlineBlock, Node: b.node, Style: b.style,
		Margin: e.margin, Border: e.border, Padding: e.padding, W: w + e.horizontal()})
	if b.style.Positioned() {
		l.relative(f, containingBlock{w: cbw})
		l.cbs = append(l.cbs, f)
		defer func() { l.cbs = l.cbs[:len(l.cbs)-1] }()
	}
	l.contents(b, f, w, containingBlock{w: cbw}, collapse{}, true, space{})
	f.X, f.Y = 0, 0
	if f.hasBase {
		// A flex container's baseline is its first (CSS Flexbox 1, 8.5).
		return f, e.margin[top] + f.base
	}
	if base, ok := lastBaseline(f); ok {
		return f, e.margin[top] + base
	}
	return f, e.margin[top] + f.H + e.margin[bottom]
}

// lastBaseline finds the baseline of the last line box in f's flow,
// relative to f.
func lastBaseline(f *Fragment) (float32, bool) {
	for i := len(f.Children) - 1; i >= 0; i-- {
		c := f.Children[i]
		if isFloat(c) {
			continue
		}
		switch c.Kind {
		case KindLine:
			return c.Y + c.Baseline, true
		case KindBlock, KindAnonymousBlock:
			if c.hasBase {
				return c.Y + c.base, true
			}
			if b, ok := lastBaseline(c); ok {
				return c.Y + b, true
			}
		}
	}
	return 0, false
}

// firstBaseline finds the baseline of the first line box in f's flow,
// relative to f.
func firstBaseline(f *Fragment) (float32, bool) {
	for _, c := range f.Children {
		if isFloat(c) {
			continue
		}
		switch c.Kind {
		case KindLine:
			return c.Y + c.Baseline, true
		case KindBlock, KindAnonymousBlock:
			if c.hasBase {
				return c.Y + c.base, true
			}
			if b, ok := firstBaseline(c); ok {
				return c.Y + b, true
			}
		}
	}
	return 0, false
}

package layout

import (
	"slices"

	"glassbox/engine/style"
)

// This file lays out flex containers (CSS Flexible Box Layout 1), for
// horizontal left-to-right writing modes: the main axis is horizontal for
// row directions and vertical for column ones.
//
// The algorithm follows section 9 of the specification: items are sized
// by their flex base size and hypothetical main size (9.2), collected into
// lines (9.3), flexed to fill each line (9.7, resolving min and max
// violations), given their cross sizes (9.4, including stretch and
// baselines), and placed along both axes with auto margins,
// justify-content, align-self and align-content (9.5, 9.6).

// fillFlex builds the items of flex container b: each child element is
// an item (blockified by element), and each run of inline content
// between them is wrapped in an anonymous block item, unless it is only
// collapsible white space (CSS Flexbox 1, 4).
func (bd *builder) fillFlex(b *box) {
	kids := bd.children(b, b.node, nil, new(listCounter))
	var out []*box
	for i := 0; i < len(kids); {
		if kids[i].blockLevel() {
			out = append(out, kids[i])
			i++
			continue
		}
		j := i
		for j < len(kids) && !kids[j].blockLevel() {
			j++
		}
		if run := kids[i:j]; !allIgnorable(run) {
			anon := &box{kind: boxAnonBlock, style: anonymousStyle(b.style), inline: true,
				deco: b.deco, decoColor: b.decoColor}
			anon.children = append([]*box(nil), run...)
			out = append(out, anon)
		}
		i = j
	}
	b.children = out
}

// blockify gives the block-level equivalent of a display value (CSS
// Display 3, 2.7), as for flex items.
func blockify(d style.Display) style.Display {
	switch d {
	case style.DisplayInline, style.DisplayInlineBlock,
		style.DisplayTableRowGroup, style.DisplayTableHeaderGroup, style.DisplayTableFooterGroup,
		style.DisplayTableRow, style.DisplayTableCell, style.DisplayTableColumnGroup,
		style.DisplayTableColumn, style.DisplayTableCaption:
		return style.DisplayBlock
	case style.DisplayInlineTable:
		return style.DisplayTable
	case style.DisplayInlineFlex:
		return style.DisplayFlex
	case style.DisplayInlineGrid:
		return style.DisplayGrid
	}
	return d
}

// flexItem is an item being laid out. Sizes are content-box sizes unless
// said otherwise; "main" and "cross" are the container's axes.
type flexItem struct {
	b *box
	s *style.ComputedStyle
	e edges

	// Margins, and border plus padding, along each axis: [start, end].
	mainMargin, crossMargin [2]float32
	autoMain, autoCross     [2]bool
	mainEdges, crossEdges   float32 // border + padding

	grow, shrink float32
	base, hyp    float32 // flex base size and hypothetical main size
	minMain      float32
	maxMain      float32 // +Inf for none
	target       float32 // the main size being resolved
	frozen       bool

	main  float32 // used main size
	cross float32 // hypothetical, then used cross size
	// specified cross size, when definite
	specCross    float32
	hasSpecCross bool
	stretched    bool

	frag   *Fragment
	fragW  float32 // the content size frag was laid out at
	fragH  float32
	fragHS bool // whether frag's height was forced

	ascent float32 // from the cross-start margin edge to the baseline
	align  style.Align

	mainPos, crossPos float32 // of the margin box, from main-start and the line's cross-start
}

func (it *flexItem) outerMain(size float32) float32 {
	return size + it.mainEdges + it.mainMargin[0] + it.mainMargin[1]
}

func (it *flexItem) outerCross() float32 {
	return it.cross + it.crossEdges + it.crossMargin[0] + it.crossMargin[1]
}

// flexLine is a line of items.
type flexLine struct {
	items     []*flexItem
	cross     float32 // the line's cross size
	maxAscent float32 // of the baseline-aligned items
	pos       float32 // cross offset from the content box's cross-start
}

const inf = float32(1e30)

// flexer holds the state of laying out one flex container.
type flexer struct {
	l       *layouter
	b       *box
	s       *style.ComputedStyle
	column  bool
	reverse bool
	wrap    bool
	// The container's content box: its width, and its height if definite.
	w, h     float32
	hDef     bool
	mainGap  float32
	crossGap float32
	cb       containingBlock // what items resolve percentages against
}

// flexContent lays out the items of flex container b, whose content box
// is w wide and, if hFixed, h tall, and puts their fragments in f. cb is
// the container's own containing block, for its min- and max-height.
func (l *layouter) flexContent(b *box, f *Fragment, w, h float32, hFixed bool, cb containingBlock, contentTop float32) flow {
	s := b.style
	vert := f.Border[top] + f.Padding[top] + f.Padding[bottom] + f.Border[bottom]
	if hFixed {
		h = usedHeight(s, h, cb, vert)
	}
	fx := &flexer{l: l, b: b, s: s, column: s.FlexDirection.IsColumn(), reverse: s.FlexDirection.IsReverse(),
		wrap: s.FlexWrap != style.NoWrap, w: w, h: h, hDef: hFixed}
	fx.cb = containingBlock{w: w, h: h, hDefinite: hFixed}
	colGap := s.ColumnGap.Resolve(w, 0)
	var rowGap float32 // a percentage of an indefinite height is 0
	if hFixed || !s.RowGap.HasPercent() {
		rowGap = s.RowGap.Resolve(h, 0)
	}
	if fx.column {
		fx.mainGap, fx.crossGap = max(rowGap, 0), max(colGap, 0)
	} else {
		fx.mainGap, fx.crossGap = max(colGap, 0), max(rowGap, 0)
	}

	items := fx.collect()
	// The main size of the container: its width, or for columns its
	// height, which without a definite one is that of its content.
	var mainSize float32
	if fx.column {
		if hFixed {
			mainSize = h
		} else {
			var sum float32
			for i, it := range items {
				sum += it.outerMain(it.hyp)
				if i > 0 {
					sum += fx.mainGap
				}
			}
			mainSize = usedHeight(s, sum, cb, vert)
		}
	} else {
		mainSize = w
	}
	// Lines break at the container's main size; for a column without a
	// definite height, at its max-height.
	breakAt := mainSize
	if fx.column && !hFixed {
		breakAt = inf
		if mx, ok := contentSize(s.MaxHeight, cb.h, cb.hDefinite, s, vert); ok {
			breakAt = mx
		}
	}
	lines := fx.lines(items, breakAt)
	for _, ln := range lines {
		fx.resolveFlexible(ln, mainSize)
	}
	// Cross sizes.
	for _, ln := range lines {
		for _, it := range ln.items {
			fx.hypotheticalCross(it)
		}
	}
	// The container's cross size: for columns its width; for rows its
	// height if definite, else that of its lines.
	var crossSize float32
	crossDef := fx.column || hFixed
	if fx.column {
		crossSize = w
	} else if hFixed {
		crossSize = h
	}
	for _, ln := range lines {
		fx.lineCross(ln)
	}
	if len(lines) == 1 && !fx.wrap && crossDef {
		lines[0].cross = crossSize
	} else if len(lines) == 1 && !fx.wrap && !fx.column {
		// A single-line container's line is as tall as the container,
		// whose min- and max-height apply.
		lines[0].cross = usedHeight(s, lines[0].cross, cb, vert)
	}
	if !crossDef {
		var sum float32
		for i, ln := range lines {
			sum += ln.cross
			if i > 0 {
				sum += fx.crossGap
			}
		}
		crossSize = usedHeight(s, sum, cb, vert)
	}
	fx.alignContent(lines, crossSize)
	for _, ln := range lines {
		for _, it := range ln.items {
			fx.stretch(it, ln)
		}
		fx.justify(ln, mainSize)
		fx.alignItems(ln)
	}

	// Place the fragments, in order-modified document order.
	x0 := f.Border[left] + f.Padding[left]
	f.Children = make([]*Fragment, 0, len(items))
	var firstItem *flexItem
	var baseItem *flexItem
	for li, ln := range lines {
		for _, it := range ln.items {
			fx.final(it)
			mainPos := it.mainPos
			if fx.reverse {
				mainPos = mainSize - it.mainPos - it.outerMain(it.main)
			}
			crossPos := ln.pos + it.crossPos
			fr := it.frag
			if fx.column {
				fr.X = x0 + crossPos + it.crossMargin[0]
				fr.Y = contentTop + mainPos + it.mainMargin[0]
			} else {
				fr.X = x0 + mainPos + it.mainMargin[0]
				fr.Y = contentTop + crossPos + it.crossMargin[0]
			}
			if li == 0 && firstItem == nil {
				firstItem = it
			}
			if li == 0 && baseItem == nil && !fx.column && it.align.Position() == style.AlignBaseline {
				baseItem = it
			}
		}
	}
	for _, it := range items {
		f.Children = append(f.Children, it.frag)
	}
	// The container's baseline (CSS Flexbox 1, 8.5): that of the
	// baseline-aligned items of its first line, else of its first item.
	if baseItem == nil {
		baseItem = firstItem
	}
	if baseItem != nil {
		f.base, f.hasBase = baseItem.frag.Y+itemBaseline(baseItem.frag), true
	}
	var contentH float32
	if fx.column {
		contentH = mainSize
	} else {
		contentH = crossSize
	}
	return flow{end: contentTop + contentH, resolved: true, first: contentTop}
}

// itemBaseline is the first baseline of an item's fragment, relative to
// its top, synthesized from its bottom border edge when it has none.
func itemBaseline(f *Fragment) float32 {
	if f.hasBase {
		return f.base
	}
	if f.Kind != KindImage {
		if b, ok := firstBaseline(f); ok {
			return b
		}
	}
	return f.H
}

// collect makes the items, in order-modified document order, with their
// flex base sizes and hypothetical main sizes (9.2).
func (fx *flexer) collect() []*flexItem {
	items := make([]*flexItem, len(fx.b.children))
	for i, c := range fx.b.children {
		items[i] = fx.item(c)
	}
	slices.SortStableFunc(items, func(a, b *flexItem) int {
		switch {
		case a.s.Order < b.s.Order:
			return -1
		case a.s.Order > b.s.Order:
			return 1
		}
		return 0
	})
	return items
}

// item sets up one flex item.
func (fx *flexer) item(c *box) *flexItem {
	s := c.style
	// Percentages of margins and paddings refer to the container's
	// width, in either direction.
	e := resolveEdges(s, fx.w)
	it := &flexItem{b: c, s: s, e: e, grow: s.FlexGrow, shrink: s.FlexShrink}
	autoTop, autoBottom := s.Margin[top].IsAuto(), s.Margin[bottom].IsAuto()
	if fx.column {
		it.mainMargin = [2]float32{e.margin[top], e.margin[bottom]}
		it.crossMargin = [2]float32{e.margin[left], e.margin[right]}
		it.autoMain = [2]bool{autoTop, autoBottom}
		it.autoCross = [2]bool{e.autoLeft, e.autoRight}
		it.mainEdges, it.crossEdges = e.vertical(), e.horizontal()
	} else {
		it.mainMargin = [2]float32{e.margin[left], e.margin[right]}
		it.crossMargin = [2]float32{e.margin[top], e.margin[bottom]}
		it.autoMain = [2]bool{e.autoLeft, e.autoRight}
		it.autoCross = [2]bool{autoTop, autoBottom}
		it.mainEdges, it.crossEdges = e.horizontal(), e.vertical()
	}
	if fx.reverse {
		it.mainMargin[0], it.mainMargin[1] = it.mainMargin[1], it.mainMargin[0]
		it.autoMain[0], it.autoMain[1] = it.autoMain[1], it.autoMain[0]
	}
	it.align = s.AlignSelf
	if it.align.Position() == style.AlignAuto {
		it.align = fx.s.AlignItems
	}
	if it.align.Position() == style.AlignNormal {
		it.align = style.AlignStretch
	}
	if fx.column && (it.align.Position() == style.AlignBaseline || it.align.Position() == style.AlignLastBaseline) {
		// Baselines are not parallel to a column's cross axis.
		it.align = style.AlignFlexStart
	}

	// The specified cross size, if definite.
	if fx.column {
		it.specCross, it.hasSpecCross = fx.specWidth(it)
	} else {
		it.specCross, it.hasSpecCross = contentSize(s.Height, fx.cb.h, fx.cb.hDefinite, s, it.crossEdges)
	}
	if fx.column {
		// A column item's width is needed before its height can be
		// measured.
		it.cross = fx.columnItemWidth(it)
	}

	// Min and max main sizes.
	it.maxMain = inf
	if fx.column {
		if mx, ok := contentSize(s.MaxHeight, fx.cb.h, fx.cb.hDefinite, s, it.mainEdges); ok {
			it.maxMain = mx
		}
	} else if mx, ok := contentSize(s.MaxWidth, fx.w, true, s, it.mainEdges); ok {
		it.maxMain = mx
	}

	// The flex base size (9.2.3).
	basis := s.FlexBasis
	var base float32
	definite := false
	switch basis.Unit {
	case style.Auto:
		if fx.column {
			base, definite = contentSize(s.Height, fx.cb.h, fx.cb.hDefinite, s, it.mainEdges)
		} else {
			base, definite = contentSize(s.Width, fx.w, true, s, it.mainEdges)
		}
	case style.Content:
	default:
		if fx.column {
			base, definite = contentSize(basis, fx.cb.h, fx.cb.hDefinite, s, it.mainEdges)
		} else {
			base, definite = contentSize(basis, fx.w, true, s, it.mainEdges)
		}
	}
	if !definite {
		base = fx.contentMain(it)
	}
	it.base = base

	// min-width or min-height: auto is the automatic minimum size (4.5).
	minL := s.MinWidth
	if fx.column {
		minL = s.MinHeight
	}
	if minL.IsAuto() {
		it.minMain = fx.autoMin(it)
	} else if fx.column {
		it.minMain, _ = contentSize(minL, fx.cb.h, fx.cb.hDefinite, s, it.mainEdges)
	} else {
		it.minMain, _ = contentSize(minL, fx.w, true, s, it.mainEdges)
	}
	it.hyp = max(min(base, it.maxMain), it.minMain)
	return it
}

// specWidth returns an item's specified width, if definite.
func (fx *flexer) specWidth(it *flexItem) (float32, bool) {
	if it.b.kind == boxImage {
		w, _ := fx.l.replacedSize(it.b, fx.cb)
		return w, true
	}
	return contentSize(it.s.Width, fx.w, true, it.s, it.crossEdges)
}

// columnItemWidth is the width of an item in a column container before
// stretching: its specified width, else fit-content.
func (fx *flexer) columnItemWidth(it *flexItem) float32 {
	if it.hasSpecCross {
		return fx.clampWidth(it, it.specCross)
	}
	avail := fx.w - it.crossMargin[0] - it.crossMargin[1] - it.crossEdges
	minW, maxW := fx.l.intrinsic(it.b)
	return fx.clampWidth(it, min(max(minW, avail), maxW))
}

func (fx *flexer) clampWidth(it *flexItem, w float32) float32 {
	s := it.s
	hz := it.e.horizontal()
	if mx, ok := contentSize(s.MaxWidth, fx.w, true, s, hz); ok {
		w = min(w, mx)
	}
	if mn, ok := contentSize(s.MinWidth, fx.w, true, s, hz); ok {
		w = max(w, mn)
	}
	return max(w, 0)
}

func (fx *flexer) clampHeight(it *flexItem, h float32) float32 {
	s := it.s
	vert := it.e.vertical()
	if mx, ok := contentSize(s.MaxHeight, fx.cb.h, fx.cb.hDefinite, s, vert); ok {
		h = min(h, mx)
	}
	if mn, ok := contentSize(s.MinHeight, fx.cb.h, fx.cb.hDefinite, s, vert); ok {
		h = max(h, mn)
	}
	return max(h, 0)
}

// contentMain is an item's max-content main size: its max-content width
// in a row, its height when laid out at its width in a column.
func (fx *flexer) contentMain(it *flexItem) float32 {
	if it.b.kind == boxImage {
		w, h := fx.l.replacedSize(it.b, fx.cb)
		if fx.column {
			return h
		}
		return w
	}
	if !fx.column {
		_, maxW := fx.l.intrinsic(it.b)
		return maxW
	}
	fr := fx.layoutItem(it, it.cross, 0, false)
	return fr.H - it.mainEdges
}

// autoMin is the automatic minimum main size of an item (4.5): the
// smaller of its specified size and its min-content size, no larger than
// its max size.
func (fx *flexer) autoMin(it *flexItem) float32 {
	var content float32
	switch {
	case it.b.kind == boxImage:
		w, h := fx.l.replacedSize(it.b, fx.cb)
		content = w
		if fx.column {
			content = h
		}
	case fx.column:
		fr := fx.layoutItem(it, it.cross, 0, false)
		content = fr.H - it.mainEdges
	default:
		content, _ = fx.l.intrinsic(it.b)
	}
	content = min(content, it.maxMain)
	var spec float32
	var ok bool
	if fx.column {
		spec, ok = contentSize(it.s.Height, fx.cb.h, fx.cb.hDefinite, it.s, it.mainEdges)
	} else {
		spec, ok = contentSize(it.s.Width, fx.w, true, it.s, it.mainEdges)
	}
	if ok {
		return min(spec, content)
	}
	return content
}

// lines collects items into flex lines (9.3).
func (fx *flexer) lines(items []*flexItem, avail float32) []*flexLine {
	if !fx.wrap || len(items) == 0 {
		return []*flexLine{{items: items}}
	}
	var out []*flexLine
	cur := &flexLine{}
	var used float32
	for _, it := range items {
		size := it.outerMain(it.hyp)
		if len(cur.items) > 0 && used+fx.mainGap+size > avail+epsilon {
			out = append(out, cur)
			cur = &flexLine{}
			used = 0
		}
		if len(cur.items) > 0 {
			used += fx.mainGap
		}
		used += size
		cur.items = append(cur.items, it)
	}
	return append(out, cur)
}

// resolveFlexible resolves the flexible lengths of a line's items (9.7).
func (fx *flexer) resolveFlexible(ln *flexLine, avail float32) {
	items := ln.items
	gaps := fx.mainGap * float32(max(len(items)-1, 0))
	var sumHyp float32
	for _, it := range items {
		sumHyp += it.outerMain(it.hyp)
	}
	grow := sumHyp+gaps < avail
	for _, it := range items {
		it.frozen = false
		it.target = it.base
		factor := it.shrink
		if grow {
			factor = it.grow
		}
		if factor == 0 || grow && it.base > it.hyp || !grow && it.base < it.hyp {
			it.frozen, it.target = true, it.hyp
		}
	}
	free := func() float32 {
		r := avail - gaps
		for _, it := range items {
			if it.frozen {
				r -= it.outerMain(it.target)
			} else {
				r -= it.outerMain(it.base)
			}
		}
		return r
	}
	initial := free()
	for range len(items) + 1 {
		var sumFactors, sumScaled float32
		unfrozen := 0
		for _, it := range items {
			if it.frozen {
				continue
			}
			unfrozen++
			if grow {
				sumFactors += it.grow
			} else {
				sumFactors += it.shrink
				sumScaled += it.shrink * it.base
			}
		}
		if unfrozen == 0 {
			break
		}
		remaining := free()
		if sumFactors < 1 {
			if v := initial * sumFactors; abs(v) < abs(remaining) {
				remaining = v
			}
		}
		for _, it := range items {
			if it.frozen {
				continue
			}
			it.target = it.base
			switch {
			case remaining == 0:
			case grow && sumFactors > 0:
				it.target = it.base + remaining*it.grow/sumFactors
			case !grow && sumScaled > 0:
				it.target = it.base + remaining*(it.shrink*it.base)/sumScaled
			}
		}
		var total float32
		for _, it := range items {
			if it.frozen {
				continue
			}
			c := max(min(it.target, it.maxMain), it.minMain, 0)
			total += c - it.target
			it.main = c
		}
		for _, it := range items {
			if it.frozen {
				continue
			}
			v := it.main - it.target
			switch {
			case total == 0,
				total > 0 && v > 0,
				total < 0 && v < 0:
				it.frozen = true
			}
			it.target = it.main
		}
	}
	for _, it := range items {
		it.main = max(it.target, 0)
	}
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// hypotheticalCross finds an item's cross size from its used main size
// (9.4), laying it out where that needs its content.
func (fx *flexer) hypotheticalCross(it *flexItem) {
	if fx.column {
		// Known already (columnItemWidth). The item is laid out at its
		// used height later.
		return
	}
	if it.b.kind == boxImage {
		_, h := fx.l.replacedSize(it.b, fx.cb)
		if !it.hasSpecCross {
			// Keep the aspect ratio at the flexed width.
			w0, _ := fx.l.replacedSize(it.b, fx.cb)
			if w0 > 0 && it.b.hasImg && contentIsAuto(it.s.Height) {
				h = h * it.main / w0
			}
		}
		it.cross = fx.clampHeight(it, h)
		return
	}
	fr := fx.layoutItem(it, it.main, 0, false)
	it.cross = fr.H - it.crossEdges
	if b, ok := baselineOf(fr); ok {
		it.ascent = it.crossMargin[0] + b
	} else {
		it.ascent = it.crossMargin[0] + fr.H
	}
}

func contentIsAuto(l style.Length) bool { return l.Unit == style.Auto }

// baselineOf is the first baseline of an item's fragment, if it has one.
func baselineOf(f *Fragment) (float32, bool) {
	if f.hasBase {
		return f.base, true
	}
	if f.Kind == KindImage {
		return 0, false
	}
	return firstBaseline(f)
}

// lineCross computes a line's cross size from its items (9.4 step 8):
// the largest outer cross size, or for baseline-aligned items the
// largest ascent plus the largest descent.
func (fx *flexer) lineCross(ln *flexLine) {
	var size, maxA, maxD float32
	for _, it := range ln.items {
		if !fx.column && it.align.Position() == style.AlignBaseline {
			if it.b.kind == boxImage {
				it.ascent = it.crossMargin[0] + it.cross + it.crossEdges
			}
			maxA = max(maxA, it.ascent)
			maxD = max(maxD, it.outerCross()-it.ascent)
			continue
		}
		size = max(size, it.outerCross())
	}
	ln.maxAscent = maxA
	ln.cross = max(size, maxA+maxD)
}

// alignContent distributes the container's cross space among its lines
// (9.4 step 15 and 9.6 align-content) and sets their positions.
func (fx *flexer) alignContent(lines []*flexLine, crossSize float32) {
	n := len(lines)
	var used float32
	for i, ln := range lines {
		used += ln.cross
		if i > 0 {
			used += fx.crossGap
		}
	}
	free := crossSize - used
	var offset, between float32
	if fx.wrap {
		a := fx.s.AlignContent
		pos := a.Position()
		if a.IsSafe() && free < 0 {
			pos = style.AlignFlexStart
		}
		switch pos {
		case style.AlignNormal, style.AlignStretch:
			if free > 0 {
				for _, ln := range lines {
					ln.cross += free / float32(n)
				}
			}
		case style.AlignEnd, style.AlignFlexEnd:
			offset = free
		case style.AlignCenterBox:
			offset = free / 2
		case style.AlignSpaceBetween:
			if free > 0 && n > 1 {
				between = free / float32(n-1)
			}
		case style.AlignSpaceAround:
			if free > 0 {
				between = free / float32(n)
				offset = between / 2
			} else {
				offset = free / 2
			}
		case style.AlignSpaceEvenly:
			if free > 0 {
				between = free / float32(n+1)
				offset = between
			} else {
				offset = free / 2
			}
		}
	}
	pos := offset
	for _, ln := range lines {
		ln.pos = pos
		pos += ln.cross + fx.crossGap + between
	}
	if fx.s.FlexWrap == style.WrapReverse {
		// Lines stack from the cross-end edge.
		for _, ln := range lines {
			ln.pos = crossSize - ln.pos - ln.cross
		}
	}
}

// stretch sizes an item with align-self: stretch to its line (9.4 step
// 11).
func (fx *flexer) stretch(it *flexItem, ln *flexLine) {
	if it.align.Position() != style.AlignStretch || it.hasSpecCross || it.autoCross[0] || it.autoCross[1] {
		return
	}
	size := ln.cross - it.crossMargin[0] - it.crossMargin[1] - it.crossEdges
	if fx.column {
		it.cross = fx.clampWidth(it, size)
	} else {
		it.cross = fx.clampHeight(it, size)
	}
	it.stretched = true
}

// justify places a line's items along the main axis: auto margins take
// the free space first, then justify-content distributes it (9.5).
func (fx *flexer) justify(ln *flexLine, mainSize float32) {
	items := ln.items
	n := len(items)
	used := fx.mainGap * float32(max(n-1, 0))
	autos := 0
	for _, it := range items {
		used += it.outerMain(it.main)
		for _, a := range it.autoMain {
			if a {
				autos++
			}
		}
	}
	free := mainSize - used
	if autos > 0 && free > 0 {
		share := free / float32(autos)
		for _, it := range items {
			for i, a := range it.autoMain {
				if a {
					it.mainMargin[i] += share
				}
			}
		}
		free = 0
	}
	var offset, between float32
	j := fx.s.JustifyContent
	pos := j.Position()
	if j.IsSafe() && free < 0 {
		pos = style.AlignFlexStart
	}
	// start and end are the writing mode's, which in a reversed
	// direction are the flex container's end and start.
	if fx.reverse {
		switch pos {
		case style.AlignStart:
			pos = style.AlignFlexEnd
		case style.AlignEnd:
			pos = style.AlignFlexStart
		}
	}
	switch pos {
	case style.AlignEnd, style.AlignFlexEnd:
		offset = free
	case style.AlignCenterBox:
		offset = free / 2
	case style.AlignSpaceBetween:
		if free > 0 && n > 1 {
			between = free / float32(n-1)
		}
	case style.AlignSpaceAround:
		if free > 0 {
			between = free / float32(n)
			offset = between / 2
		} else {
			offset = free / 2
		}
	case style.AlignSpaceEvenly:
		if free > 0 {
			between = free / float32(n+1)
			offset = between
		} else {
			offset = free / 2
		}
	}
	p := offset
	for _, it := range items {
		it.mainPos = p
		p += it.outerMain(it.main) + fx.mainGap + between
	}
}

// alignItems places a line's items along the cross axis: auto margins,
// then align-self (9.6).
func (fx *flexer) alignItems(ln *flexLine) {
	wrapReverse := fx.s.FlexWrap == style.WrapReverse
	for _, it := range ln.items {
		free := ln.cross - it.outerCross()
		if it.autoCross[0] || it.autoCross[1] {
			if free > 0 {
				switch {
				case it.autoCross[0] && it.autoCross[1]:
					it.crossPos = free / 2
				case it.autoCross[0]:
					it.crossPos = free
				}
				continue
			}
			it.crossPos = 0
			continue
		}
		pos := it.align.Position()
		if it.align.IsSafe() && free < 0 {
			pos = style.AlignStart
		}
		if wrapReverse {
			switch pos {
			case style.AlignFlexStart, style.AlignStretch, style.AlignBaseline, style.AlignLastBaseline:
				pos = style.AlignEnd
			case style.AlignFlexEnd:
				pos = style.AlignStart
			}
		}
		switch pos {
		case style.AlignEnd, style.AlignFlexEnd:
			it.crossPos = free
		case style.AlignCenterBox:
			it.crossPos = free / 2
		case style.AlignBaseline:
			it.crossPos = ln.maxAscent - it.ascent
		case style.AlignLastBaseline:
			it.crossPos = free // no last baselines yet: as flex-end
		default:
			it.crossPos = 0
		}
	}
}

// final lays an item out at its used size.
func (fx *flexer) final(it *flexItem) {
	if fx.column {
		fx.layoutItem(it, it.cross, it.main, true)
		return
	}
	// A row item's height is forced when stretched or when its content
	// was measured at another width; otherwise it is what it was.
	fx.layoutItem(it, it.main, it.cross, it.stretched || it.b.kind == boxImage)
}

// layoutItem lays out an item with content width w, and content height h
// when hSet; it returns the fragment (at the origin) and keeps it on the
// item. An item already laid out at that size is not laid out again.
func (fx *flexer) layoutItem(it *flexItem, w, h float32, hSet bool) *Fragment {
	if it.frag != nil && it.fragW == w && it.fragHS == hSet && (!hSet || it.fragH == h) {
		return it.frag
	}
	l := fx.l
	b := it.b
	e := it.e
	var f *Fragment
	if b.kind == boxImage {
		if !hSet {
			_, h = l.replacedSize(b, fx.cb)
		}
		f = l.alloc(Fragment{Kind: KindImage, Node: b.node, Style: b.style, Image: b.img,
			Margin: e.margin, Border: e.border, Padding: e.padding,
			W: w + e.horizontal(), H: h + e.vertical()})
	} else {
		kind := KindBlock
		node := b.node
		if b.kind == boxAnonBlock {
			kind, node = KindAnonymousBlock, nil
		}
		f = l.alloc(Fragment{Kind: kind, Node: node, Style: b.style,
			Margin: e.margin, Border: e.border, Padding: e.padding, W: w + e.horizontal()})
		b.forceH, b.hasForceH = h, hSet
		l.contents(b, f, w, fx.cb, collapse{}, true, space{})
		b.hasForceH = false
	}
	f.Margin = e.margin
	f.X, f.Y = 0, 0
	f.Atomic = true
	it.frag, it.fragW, it.fragH, it.fragHS = f, w, h, hSet
	return f
}

// flexIntrinsic returns the min-content and max-content widths of flex
// container b's content box (9.9.1): for a row, the sum of its items'
// contributions (the largest min-content one when it wraps); for a
// column, the largest.
func (l *layouter) flexIntrinsic(b *box) (minW, maxW float32) {
	s := b.style
	column := s.FlexDirection.IsColumn()
	gap := s.ColumnGap.Resolve(0, 0)
	n := 0
	for _, c := range b.children {
		cmin, cmax := l.outerIntrinsic(c)
		if column {
			minW, maxW = max(minW, cmin), max(maxW, cmax)
			continue
		}
		if n > 0 {
			maxW += gap
		}
		n++
		maxW += cmax
		if s.FlexWrap == style.NoWrap {
			if n > 1 {
				minW += gap
			}
			minW += cmin
		} else {
			minW = max(minW, cmin)
		}
	}
	return minW, max(maxW, minW)
}

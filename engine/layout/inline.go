package layout

import (
	"glassbox/engine/style"
	"glassbox/engine/text"
)

// itemKind is the kind of an inline item.
type itemKind uint8

const (
	itemText   itemKind = iota // a piece of text: a word, or a run of spaces
	itemOpen                   // the start of an inline box
	itemClose                  // the end of an inline box
	itemAtomic                 // an inline-block or image
	itemBreak                  // a forced line break
	itemFloat                  // a float, out of the flow of the line
	itemAbs                    // an absolutely positioned box's static position
)

// item is one element of an inline formatting context's content,
// flattened: text is cut into words and spaces (shaped separately, so that
// the shaping cache works per word), and inline boxes into open and close
// markers. Line breaking walks the items.
type item struct {
	box *box
	// itemText: the piece is src[off:end], src being the text node's
	// processed text; it is shaped in font.
	src      string
	shaped   *text.Shaped
	font     *text.Font
	off, end int32
	// width is the advance of text, the start or end edge (margin,
	// border, padding) of an inline box, or the margin box of an atomic
	// inline.
	width float32
	kind  itemKind
	// space marks a run of spaces: a word separator, which may be
	// stretched by justification and hangs at the end of a line.
	// collapsible spaces are removed at the start and end of lines.
	space, collapsible bool
	// breakAfter says a line may end after this item.
	breakAfter bool
	// ext holds what only open and atomic items need, keeping the many
	// text items small.
	ext *itemExt
}

// itemExt is the part of an open or atomic item that depends on the
// containing block's width.
type itemExt struct {
	// itemOpen: the box's used edges.
	edges edges
	// itemAtomic: the laid-out box (at the origin) and the distance from
	// its top margin edge to its baseline.
	frag   *Fragment
	ascent float32
	// off is where the box's baseline is below the line's, by its
	// vertical-align, on the line being built.
	off float32
}

// inlineItems is the inline content of a block container, gathered once
// per layout and shared by intrinsic sizing and line breaking.
type inlineItems struct {
	items  []item
	floats bool // whether some items are floats
}

// itemsOf gathers and shapes b's inline content.
func (l *layouter) itemsOf(b *box) *inlineItems {
	if b.items != nil {
		return b.items
	}
	g := gatherer{l: l, para: l.para[:0]}
	g.walk(b.children)
	l.para = g.para
	b.items = &inlineItems{items: g.split(), floats: g.floats}
	return b.items
}

// gatherer flattens inline content into items. It works in two passes:
// walk collects whole text runs (white space processed) and builds the
// paragraph's text, in which atomic inlines stand as U+FFFC and forced
// breaks as newlines; split then finds the break opportunities in the
// paragraph and cuts the runs into words and spaces.
type gatherer struct {
	l          *layouter
	raw        []item
	ends       []int // paragraph offset after each raw item
	para       []byte
	afterSpace bool // the text so far ends with a collapsible space
	floats     bool
}

func (g *gatherer) add(it item, s string) {
	g.para = append(g.para, s...)
	g.raw = append(g.raw, it)
	g.ends = append(g.ends, len(g.para))
}

func (g *gatherer) walk(boxes []*box) {
	for _, c := range boxes {
		if c.outOfFlow() {
			// Out of the flow: no text, so no break opportunity and
			// no effect on white-space collapsing.
			if c.floated {
				g.add(item{kind: itemFloat, box: c}, "")
			} else {
				g.add(item{kind: itemAbs, box: c}, "")
			}
			g.floats = true
			continue
		}
		switch c.kind {
		case boxText:
			ws := c.style.WhiteSpace
			t := text.ProcessWhiteSpace(c.text, ws, g.afterSpace)
			if t == "" {
				continue
			}
			g.add(item{kind: itemText, box: c, src: t, end: int32(len(t))}, t)
			last := t[len(t)-1]
			g.afterSpace = text.CollapsesSpaces(ws) && (last == ' ' || last == '\n')
		case boxInline:
			g.add(item{kind: itemOpen, box: c}, "")
			g.walk(c.children)
			g.add(item{kind: itemClose, box: c}, "")
		case boxInlineBlock, boxImage:
			g.add(item{kind: itemAtomic, box: c}, "\uFFFC")
			g.afterSpace = false
		case boxBreak:
			g.add(item{kind: itemBreak, box: c}, "\n")
			g.afterSpace = true
		}
	}
}

// split cuts the text items into words and spaces, shapes them, and marks
// where lines may break.
func (g *gatherer) split() []item {
	breaks := g.l.breaker.Breaks(string(g.para))
	bi := 0
	isBreak := func(off int) bool { // off never decreases between calls
		for bi < len(breaks) && breaks[bi].Offset < off {
			bi++
		}
		return bi < len(breaks) && breaks[bi].Offset == off
	}

	// Words and spaces alternate, and breaks are mostly after spaces:
	// twice the breaks is about the number of pieces.
	out := make([]item, 0, len(g.raw)+2*len(breaks))
	atBreak := g.l.atBreak[:0]
	defer func() { g.l.atBreak = atBreak }()
	for i, r := range g.raw {
		end := g.ends[i]
		if r.kind != itemText {
			out = append(out, r)
			atBreak = append(atBreak, isBreak(end))
			continue
		}
		s := r.src
		start := end - len(s)
		ws := r.box.style.WhiteSpace
		collapsible := text.CollapsesSpaces(ws)
		font := g.l.fontOf(r.box.style)
		size := r.box.style.FontSize
		for pos := 0; pos < len(s); {
			if s[pos] == '\n' { // preserved newline
				out = append(out, item{kind: itemBreak, box: r.box})
				atBreak = append(atBreak, isBreak(start+pos+1))
				pos++
				continue
			}
			sp := s[pos] == ' '
			j := pos + 1
			for j < len(s) && s[j] != '\n' && (s[j] == ' ') == sp && !isBreak(start+j) {
				j++
			}
			piece := s[pos:j]
			it := item{kind: itemText, box: r.box, src: s, off: int32(pos), end: int32(j), font: font, space: sp, collapsible: sp && collapsible}
			if font != nil {
				it.shaped = g.l.shaper.Shape(font, piece)
				it.width = it.shaped.Width(size)
			}
			out = append(out, it)
			atBreak = append(atBreak, isBreak(start+j))
			pos = j
		}
	}

	// A break opportunity between two items is taken after close markers
	// and before open markers, so that an inline box's edges stay with
	// its content; and only where the text before it may wrap.
	for i := range out {
		it := &out[i]
		if !atBreak[i] || it.kind == itemOpen || (i+1 < len(out) && out[i+1].kind == itemClose) {
			continue
		}
		it.breakAfter = it.kind == itemBreak || text.Wraps(it.box.style.WhiteSpace)
	}
	return out
}

// inlineContent lays out b's inline content in lines of width avail,
// starting at y below pending margins, and appends the line fragments to
// f. sp places f's border box in the block formatting context: lines are
// shortened beside its floats, and the floats among the items are placed
// in it.
func (l *layouter) inlineContent(b *box, f *Fragment, avail float32, y float32, pending collapse, sp space) flow {
	ii := l.itemsOf(b)
	items := ii.items
	// Now that the containing block's width is known: the edges of
	// inline boxes (percentages refer to it) and the atomic inlines.
	for i := range items {
		it := &items[i]
		switch it.kind {
		case itemOpen:
			e := resolveEdges(it.box.style, avail)
			if it.box.noStart {
				e.margin[left], e.border[left], e.padding[left] = 0, 0, 0
			}
			if it.box.noEnd {
				e.margin[right], e.border[right], e.padding[right] = 0, 0, 0
			}
			it.ext = &itemExt{edges: e}
			it.width = e.margin[left] + e.border[left] + e.padding[left]
		case itemClose:
			// The matching open item comes earlier: find its edges
			// lazily in the line builder; here just the width.
			e := resolveEdges(it.box.style, avail)
			if it.box.noEnd {
				it.width = 0
			} else {
				it.width = e.margin[right] + e.border[right] + e.padding[right]
			}
		case itemAtomic:
			l.atomic(it, avail)
		case itemFloat:
			it.ext = &itemExt{frag: l.floatBox(it.box, containingBlock{w: avail})}
			it.width = 0 // takes no room on the line
		case itemAbs:
			it.ext = &itemExt{frag: l.absPlaceholder(it.box)}
		}
	}

	r := flow{end: y}
	lb := lineBuilder{l: l, container: b, avail: avail, lineStyle: b.style}
	if b.kind != boxAnonBlock {
		lb.lineStyle = anonymousStyle(b.style)
	}
	lb.strutA, lb.strutD, _, _ = l.strut(b.style)
	x := f.Border[left] + f.Padding[left]
	cbLeft, cbRight := sp.x+x, sp.x+x+avail
	var placed []bool // floats already placed, by item index
	if ii.floats {
		placed = make([]bool, len(items))
	}
	placeAt := func(k int, minY float32) {
		it := &items[k]
		placeFloat(sp.fc, it.box, it.ext.frag, minY, cbLeft, cbRight, sp.x, sp.y)
		f.Children = append(f.Children, it.ext.frag)
		placed[k] = true
	}
	for i := 0; i < len(items); {
		top := r.end
		if !r.resolved {
			top += pending.sum()
		}
		var end int
		var forced bool
		lo, hi := cbLeft, cbRight
		for {
			if !sp.fc.empty() {
				lo, hi = sp.fc.band(sp.y+top, lb.strutA+lb.strutD, cbLeft, cbRight)
			}
			end, forced = breakLine(items, i, hi-lo)
			if hi-lo < avail && lineWidth(items, i, end) > hi-lo+epsilon {
				// Not even the first word fits beside the floats: go
				// down to where the space widens (CSS 2.1 9.5).
				if next, ok := sp.fc.nextBottom(sp.y + top); ok {
					top = next - sp.y
					continue
				}
			}
			// Floats met on this line go on it when they fit beside
			// what comes before them, and then the line is narrower.
			// Once one goes below the line, the later ones do too: a
			// float is never above an earlier one.
			again := false
			for k := i; k < end && ii.floats; k++ {
				if items[k].kind != itemFloat || placed[k] {
					continue
				}
				before := lineWidth(items, i, k)
				fw, _ := marginBox(items[k].ext.frag)
				if before != 0 && before+fw > hi-lo+epsilon {
					break
				}
				placeAt(k, sp.y+top)
				again = true
			}
			if !again {
				break
			}
		}
		lb.avail = hi - lo
		line := lb.build(items, i, end, end == len(items) || forced)
		if line != nil {
			line.X = x + lo - cbLeft
			if !r.resolved {
				// The first line stops margins collapsing through.
				r.resolved, r.first = true, r.end+pending.sum()
				pending = collapse{}
			}
			line.Y = top
			f.Children = append(f.Children, line)
			r.end = line.Y + line.H
		}
		// Floats that did not fit on the line go below it.
		for k := i; k < end && ii.floats; k++ {
			if it := &items[k]; it.kind == itemAbs {
				// Its static position is where it was on the line.
				af := it.ext.frag
				if line != nil {
					af.X += line.X
					af.Y = line.Y
				} else {
					af.X, af.Y = x+lo-cbLeft, top
				}
				f.Children = append(f.Children, af)
				continue
			}
			if items[k].kind == itemFloat && !placed[k] {
				below := r.end
				if !r.resolved {
					below += pending.sum()
				}
				placeAt(k, sp.y+below)
			}
		}
		i = end
	}
	r.pending = pending
	return r
}

// lineWidth is the width of items[start:end] as a line, without the
// collapsible spaces at its start and the spaces at its end.
func lineWidth(items []item, start, end int) float32 {
	var w, trail float32
	content := false
	for k := start; k < end; k++ {
		it := &items[k]
		switch {
		case it.kind == itemText && it.space:
			if !content && it.collapsible {
				continue
			}
			trail += it.width
		case it.kind == itemText || it.kind == itemAtomic:
			content = true
			w += trail + it.width
			trail = 0
		default:
			if it.width != 0 {
				w += trail + it.width
				trail = 0
			}
		}
	}
	return w
}

// atomic lays out an atomic inline for a line of width avail.
func (l *layouter) atomic(it *item, avail float32) {
	b := it.box
	if b.kind == boxInlineBlock {
		f, ascent := l.inlineBlock(b, avail)
		it.ext = &itemExt{frag: f, ascent: ascent}
		it.width = f.Margin[left] + f.W + f.Margin[right]
		return
	}
	e := resolveEdges(b.style, avail)
	w, h := l.replacedSize(b, containingBlock{w: avail})
	f := l.alloc(Fragment{Kind: KindImage, Node: b.node, Style: b.style, Image: b.img,
		Margin: e.margin, Border: e.border, Padding: e.padding,
		W: w + e.horizontal(), H: h + e.vertical()})
	// A replaced element's baseline is its bottom margin edge.
	it.ext = &itemExt{frag: f, ascent: e.margin[top] + f.H + e.margin[bottom]}
	it.width = e.margin[left] + f.W + e.margin[right]
}

// epsilon absorbs float32 rounding when fitting words on a line.
const epsilon = 1.0 / 128

// breakLine chooses the items of the line starting at items[start] by the
// greedy algorithm: it takes unbreakable chunks (the items up to the
// next break opportunity) while they fit in avail, and at least one. It
// returns the end of the line and whether a forced break ends it.
func breakLine(items []item, start int, avail float32) (end int, forced bool) {
	var w float32
	hasContent := false
	for i := start; i < len(items); {
		var cw, hang float32
		chunkContent := false
		j := i
		for ; j < len(items); j++ {
			it := &items[j]
			switch it.kind {
			case itemText:
				if it.space {
					if it.collapsible && !hasContent && !chunkContent {
						break // out of the switch: removed at the start of the line
					}
					hang += it.width
				} else {
					chunkContent = true
					hang = 0
				}
				cw += it.width
			case itemAtomic:
				chunkContent = true
				hang = 0
				cw += it.width
			default:
				cw += it.width
			}
			if it.breakAfter || it.kind == itemBreak {
				break
			}
		}
		if j == len(items) {
			j--
		}
		if hasContent && chunkContent && w+cw-hang > avail+epsilon {
			return i, false
		}
		w += cw
		hasContent = hasContent || chunkContent
		if items[j].kind == itemBreak {
			return j + 1, true
		}
		i = j + 1
	}
	return len(items), false
}

// lineBuilder turns the items of a line into a line fragment.
type lineBuilder struct {
	l              *layouter
	container      *box
	lineStyle      *style.ComputedStyle // the anonymous style of line boxes
	avail          float32
	strutA, strutD float32
	// open are the inline boxes open at the start of the next line
	// (outermost first), which continue there.
	open []*item
	// parents is scratch space for build's vertical alignment.
	parents []alignParent
}

// alignParent is an inline box (or the line's container) whose children
// are aligned relative to its baseline, off below the line's.
type alignParent struct {
	s   *style.ComputedStyle
	off float32
}

// inlineFrag is an inline box being built on the current line.
type inlineFrag struct {
	f  *Fragment
	it *item
}

// build lays out items[start:end] as one line and returns it (positioned
// at the origin), or nil when the line is empty (CSS 2.1 9.4.2: nothing
// but collapsed spaces and empty inline boxes), which takes no room.
func (lb *lineBuilder) build(items []item, start, end int, last bool) *Fragment {
	line := items[start:end]
	s := lb.container.style
	justify := s.TextAlign == style.AlignJustify && !last

	// Spaces removed at the start and end of the line, and spaces that
	// hang at the end (preserved ones where lines wrap).
	first, stop := 0, len(line) // content is line[first:stop] as far as spaces go
	for first < len(line) && (line[first].kind == itemOpen || line[first].kind == itemClose || line[first].kind >= itemFloat || (line[first].kind == itemText && line[first].collapsible)) {
		first++
	}
	hangFrom := len(line)
	for k := len(line) - 1; k >= first; k-- {
		it := &line[k]
		if it.kind == itemClose || it.kind == itemOpen || it.kind == itemBreak || it.kind >= itemFloat {
			continue
		}
		if it.kind != itemText || !it.space {
			break
		}
		if it.collapsible {
			stop = k
		} else if text.Wraps(it.box.style.WhiteSpace) {
			hangFrom = k
		} else {
			break
		}
	}
	removed := func(k int) bool {
		return line[k].kind == itemText && line[k].space && (k < first || (k >= stop && line[k].collapsible))
	}

	// Is there anything on the line? And how wide is it?
	content := false
	var w float32
	spaces := 0
	for k := range line {
		it := &line[k]
		if removed(k) {
			continue
		}
		switch it.kind {
		case itemText, itemAtomic, itemBreak:
			content = true
		default:
			content = content || it.width != 0
		}
		if k < hangFrom {
			w += it.width
			if it.kind == itemText && it.space && k >= first {
				spaces++
			}
		}
	}
	if !content {
		// Keep track of the inline boxes still open.
		for k := range line {
			switch line[k].kind {
			case itemOpen:
				lb.open = append(lb.open, &line[k])
			case itemClose:
				if len(lb.open) > 0 {
					lb.open = lb.open[:len(lb.open)-1]
				}
			}
		}
		return nil
	}

	// Horizontal alignment (CSS Text 3: overflowing lines start-align).
	var x, extra float32
	if free := lb.avail - w; free > 0 {
		switch s.TextAlign {
		case style.AlignRight:
			x = free
		case style.AlignCenter:
			x = free / 2
		case style.AlignJustify:
			if justify && spaces > 0 {
				extra = free / float32(spaces)
			}
		}
	}

	// Vertical metrics: the strut, and every inline box and atomic
	// inline on the line, each placed by its vertical-align relative to
	// its parent's baseline (CSS 2.1 10.8). off is a box's baseline
	// below the line's; boxes aligned with the line's top or bottom are
	// placed once its height is known.
	maxA, maxD := lb.strutA, lb.strutD
	parents := lb.parents[:0]
	parents = append(parents, alignParent{s: lb.container.style})
	var lineAligned []*item
	openBox := func(it *item) {
		p := parents[len(parents)-1]
		a, d, _, _ := lb.l.strut(it.box.style)
		off := p.off + lb.l.baselineShift(it.box.style, p.s, a, d)
		it.ext.off = off
		maxA, maxD = max(maxA, a-off), max(maxD, d+off)
		parents = append(parents, alignParent{s: it.box.style, off: off})
	}
	for _, it := range lb.open {
		openBox(it)
	}
	for k := range line {
		switch it := &line[k]; it.kind {
		case itemOpen:
			openBox(it)
		case itemClose:
			if len(parents) > 1 {
				parents = parents[:len(parents)-1]
			}
		case itemAtomic:
			f := it.ext.frag
			h := f.Margin[top] + f.H + f.Margin[bottom]
			if va := it.box.style.VerticalAlign.Kind; va == style.VAlignTop || va == style.VAlignBottom {
				lineAligned = append(lineAligned, it)
				continue
			}
			p := parents[len(parents)-1]
			a, d := it.ext.ascent, h-it.ext.ascent
			off := p.off + lb.l.baselineShift(it.box.style, p.s, a, d)
			it.ext.off = off
			maxA, maxD = max(maxA, a-off), max(maxD, d+off)
		}
	}
	lb.parents = parents
	for _, it := range lineAligned {
		f := it.ext.frag
		if h := f.Margin[top] + f.H + f.Margin[bottom]; h > maxA+maxD {
			if it.box.style.VerticalAlign.Kind == style.VAlignTop {
				maxD = h - maxA
			} else {
				maxA = h - maxD
			}
		}
	}
	for _, it := range lineAligned {
		f := it.ext.frag
		h := f.Margin[top] + f.H + f.Margin[bottom]
		if it.box.style.VerticalAlign.Kind == style.VAlignTop {
			it.ext.off = it.ext.ascent - maxA
		} else {
			it.ext.off = maxD - h + it.ext.ascent
		}
	}
	baseline := maxA
	lf := lb.l.alloc(Fragment{Kind: KindLine, Style: lb.lineStyle, W: lb.avail, H: maxA + maxD, Baseline: baseline})

	// Lay the items out left to right, nesting inline fragments.
	stack := make([]inlineFrag, 0, len(lb.open)+4)
	parent := func() *Fragment {
		if len(stack) == 0 {
			return lf
		}
		return stack[len(stack)-1].f
	}
	for _, it := range lb.open { // continuations from the previous line
		stack = append(stack, inlineFrag{f: lb.inline(it, x, true), it: it})
	}
	// base is the baseline of the innermost open inline box.
	base := func() float32 {
		if len(stack) == 0 {
			return baseline
		}
		return baseline + stack[len(stack)-1].it.ext.off
	}
	var prevText *Fragment // the text fragment the next word may join
	var textStart int32    // where prevText's text starts in its src
	for k := range line {
		it := &line[k]
		if removed(k) {
			continue
		}
		switch it.kind {
		case itemOpen:
			x += it.ext.edges.margin[left]
			stack = append(stack, inlineFrag{f: lb.inline(it, x, false), it: it})
			x += it.ext.edges.border[left] + it.ext.edges.padding[left]
			prevText = nil
		case itemClose:
			if len(stack) == 0 {
				continue // cannot happen: every close has its open
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !it.box.noEnd {
				x += top.it.ext.edges.padding[right] + top.it.ext.edges.border[right]
			}
			lb.closeInline(top, x, baseline+top.it.ext.off, parent(), true)
			if !it.box.noEnd {
				x += top.it.ext.edges.margin[right]
			}
			prevText = nil
		case itemText:
			if it.font == nil {
				x += it.width
				continue
			}
			p := parent()
			if prevText == nil || prevText.Node != it.box.node || prevText.Style != it.box.style {
				prevText = lb.newText(line[k:], x, base())
				textStart = it.off
				p.Children = append(p.Children, prevText)
			}
			lb.appendText(prevText, it, x, it.off-textStart)
			prevText.Text.Text = it.src[textStart:it.end]
			x += it.width
			if it.space && k < hangFrom && k >= first {
				x += extra
			}
			prevText.W = x - prevText.X
		case itemAbs:
			it.ext.frag.X = x
		case itemAtomic:
			f := it.ext.frag
			f.X = x + f.Margin[left]
			f.Y = baseline + it.ext.off - it.ext.ascent + f.Margin[top]
			p := parent()
			p.Children = append(p.Children, f)
			x += it.width
			prevText = nil
		}
	}
	// Inline boxes still open continue on the next line.
	lb.open = lb.open[:0]
	for _, fr := range stack {
		lb.open = append(lb.open, fr.it)
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lb.closeInline(top, x, baseline+top.it.ext.off, parent(), false)
	}
	return lf
}

// inline starts the fragment of an inline box at x on the current line.
// A continuation from a previous line has no start edge.
func (lb *lineBuilder) inline(it *item, x float32, continued bool) *Fragment {
	e := it.ext.edges
	if continued {
		e.margin[left], e.border[left], e.padding[left] = 0, 0, 0
	}
	return lb.l.alloc(Fragment{Kind: KindInline, Node: it.box.node, Style: it.box.style,
		X: x, Margin: e.margin, Border: e.border, Padding: e.padding})
}

// closeInline ends an inline fragment at x (its right border edge) and
// appends it to its parent. Its box is as tall as its font's content area
// plus vertical padding and border (CSS 2.1 10.6.1), whatever its
// line-height. ended says whether the box ends here or continues on the
// next line (and so has no end edge here).
func (lb *lineBuilder) closeInline(fr inlineFrag, x, baseline float32, parent *Fragment, ended bool) {
	f := fr.f
	if !ended {
		f.Margin[right], f.Border[right], f.Padding[right] = 0, 0, 0
	}
	_, _, fa, fd := lb.l.strut(f.Style)
	f.W = x - f.X
	f.Y = baseline - fa - f.Padding[top] - f.Border[top]
	f.H = fa + fd + f.Padding[top] + f.Padding[bottom] + f.Border[top] + f.Border[bottom]
	// Children were placed relative to the line; make them relative to
	// this fragment.
	for _, c := range f.Children {
		c.X -= f.X
		c.Y -= f.Y
	}
	parent.Children = append(parent.Children, f)
}

// newText starts a text fragment at x for the text items at the start of
// rest.
func (lb *lineBuilder) newText(rest []item, x, baseline float32) *Fragment {
	it := &rest[0]
	n := 0
	for k := range rest {
		if rest[k].kind != itemText || rest[k].box != it.box {
			break
		}
		if rest[k].shaped != nil {
			n += len(rest[k].shaped.Glyphs)
		}
	}
	st := it.box.style
	m := it.font.Metrics(st.FontSize)
	return lb.l.alloc(Fragment{Kind: KindText, Node: it.box.node, Style: st,
		X: x, Y: baseline - m.Ascent, H: m.Ascent + m.Descent,
		Text: lb.l.allocRun(TextRun{Font: it.font, Size: st.FontSize, Color: st.Color, Baseline: m.Ascent,
			Decoration: it.box.deco, DecorationColor: it.box.decoColor, Glyphs: lb.l.glyphs(n)})})
}

// appendText adds a word or space, starting at x, to text fragment f,
// whose text has it at byte offset off.
func (lb *lineBuilder) appendText(f *Fragment, it *item, x float32, off int32) {
	t := f.Text
	size := t.Size
	ox := x - f.X
	for _, g := range it.shaped.Glyphs {
		t.Glyphs = append(t.Glyphs, Glyph{ID: g.ID, X: ox + g.X*size, Y: t.Baseline + g.Y*size, Cluster: off + int32(g.Cluster)})
	}
}

// baselineShift returns how far below its parent's baseline vertical-align
// puts the baseline of a box of style s, whose ascent and descent (above
// and below its baseline, leading included) are a and d, in a parent of
// style ps (CSS 2.1 10.8.1). Top and bottom are handled by the caller.
func (l *layouter) baselineShift(s, ps *style.ComputedStyle, a, d float32) float32 {
	va := s.VerticalAlign
	switch va.Kind {
	case style.VAlignSub:
		return ps.FontSize/5 + 1
	case style.VAlignSuper:
		return -(ps.FontSize/3 + 1)
	case style.VAlignTextTop, style.VAlignTextBottom, style.VAlignMiddle:
		f := l.fontOf(ps)
		if f == nil {
			return 0
		}
		m := f.Metrics(ps.FontSize)
		switch va.Kind {
		case style.VAlignTextTop: // top at the parent's content area top
			return a - m.Ascent
		case style.VAlignTextBottom:
			return m.Descent - d
		}
		// Middle: the box's midpoint half the parent's x-height above
		// its baseline.
		return -m.XHeight/2 - (d-a)/2
	case style.VAlignLength:
		lh, ok := s.UsedLineHeight()
		if !ok {
			if f := l.fontOf(s); f != nil {
				lh = f.Metrics(s.FontSize).LineHeight()
			}
		}
		return -va.Len.Resolve(lh, 0)
	}
	return 0
}

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
}

// inlineItems is the inline content of a block container, gathered once
// per layout and shared by intrinsic sizing and line breaking.
type inlineItems struct {
	items []item
}

// itemsOf gathers and shapes b's inline content.
func (l *layouter) itemsOf(b *box) *inlineItems {
	if b.items != nil {
		return b.items
	}
	g := gatherer{l: l, para: l.para[:0]}
	g.walk(b.children)
	l.para = g.para
	b.items = &inlineItems{items: g.split()}
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
}

func (g *gatherer) add(it item, s string) {
	g.para = append(g.para, s...)
	g.raw = append(g.raw, it)
	g.ends = append(g.ends, len(g.para))
}

func (g *gatherer) walk(boxes []*box) {
	for _, c := range boxes {
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
// f.
func (l *layouter) inlineContent(b *box, f *Fragment, avail float32, y float32, pending collapse) flow {
	items := l.itemsOf(b).items
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
		}
	}

	r := flow{end: y}
	lb := lineBuilder{l: l, container: b, avail: avail, lineStyle: b.style}
	if b.kind != boxAnonBlock {
		lb.lineStyle = anonymousStyle(b.style)
	}
	lb.strutA, lb.strutD, _, _ = l.strut(b.style)
	x := f.Border[left] + f.Padding[left]
	for i := 0; i < len(items); {
		end, forced := breakLine(items, i, avail)
		line := lb.build(items, i, end, end == len(items) || forced)
		i = end
		if line == nil {
			continue
		}
		line.X = x
		if !r.resolved {
			// The first line stops margins collapsing through.
			line.Y = r.end + pending.sum()
			r.resolved, r.first = true, line.Y
			pending = collapse{}
		} else {
			line.Y = r.end
		}
		f.Children = append(f.Children, line)
		r.end = line.Y + line.H
	}
	r.pending = pending
	return r
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
	for first < len(line) && (line[first].kind == itemOpen || line[first].kind == itemClose || (line[first].kind == itemText && line[first].collapsible)) {
		first++
	}
	hangFrom := len(line)
	for k := len(line) - 1; k >= first; k-- {
		it := &line[k]
		if it.kind == itemClose || it.kind == itemOpen || it.kind == itemBreak {
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
	// inline on the line, aligned on their baselines (CSS 2.1 10.8).
	maxA, maxD := lb.strutA, lb.strutD
	for _, it := range lb.open {
		a, d, _, _ := lb.l.strut(it.box.style)
		maxA, maxD = max(maxA, a), max(maxD, d)
	}
	for k := range line {
		switch it := &line[k]; it.kind {
		case itemOpen:
			a, d, _, _ := lb.l.strut(it.box.style)
			maxA, maxD = max(maxA, a), max(maxD, d)
		case itemAtomic:
			f := it.ext.frag
			h := f.Margin[top] + f.H + f.Margin[bottom]
			maxA, maxD = max(maxA, it.ext.ascent), max(maxD, h-it.ext.ascent)
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
			lb.closeInline(top, x, baseline, parent(), true)
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
				prevText = lb.newText(line[k:], x, baseline)
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
		case itemAtomic:
			f := it.ext.frag
			f.X = x + f.Margin[left]
			f.Y = baseline - it.ext.ascent + f.Margin[top]
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
		lb.closeInline(top, x, baseline, parent(), false)
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

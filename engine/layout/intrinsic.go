package layout

// intrinsic returns the min-content and max-content widths of block
// container b's content box: the narrowest it can be without overflow
// other than from unbreakable content, and the widest its content would
// go without breaking lines other than at forced breaks. Shrink-to-fit
// widths (CSS 2.1 10.3.9) are made of them. Results are cached on the box,
// so nested inline-blocks cost linear time.
func (l *layouter) intrinsic(b *box) (minW, maxW float32) {
	if b.intrinsicDone {
		return b.minW, b.maxW
	}
	switch {
	case b.flex:
		minW, maxW = l.flexIntrinsic(b)
	case b.grid:
		minW, maxW = l.gridIntrinsic(b)
	case b.table:
		minW, maxW = l.tableIntrinsic(b)
	case b.inline:
		minW, maxW = l.inlineIntrinsic(b)
	default:
		for _, c := range b.children {
			if c.abspos {
				continue
			}
			cmin, cmax := l.outerIntrinsic(c)
			minW, maxW = max(minW, cmin), max(maxW, cmax)
		}
	}
	b.minW, b.maxW, b.intrinsicDone = minW, maxW, true
	return minW, maxW
}

// outerIntrinsic returns the min- and max-content contributions of b to
// its container: its margin box. Percentages count as zero (their basis
// is what is being computed) and so do auto margins.
func (l *layouter) outerIntrinsic(b *box) (minW, maxW float32) {
	s := b.style
	e := resolveEdges(s, 0)
	hz := e.horizontal()
	if b.kind == boxImage {
		w, _ := l.replacedSize(b, containingBlock{})
		w += hz + e.margin[left] + e.margin[right]
		return w, w
	}
	if w, ok := contentSize(s.Width, 0, false, s, hz); ok {
		minW, maxW = w, w
	} else {
		minW, maxW = l.intrinsic(b)
	}
	if mx, ok := contentSize(s.MaxWidth, 0, false, s, hz); ok {
		minW, maxW = min(minW, mx), min(maxW, mx)
	}
	if mn, ok := contentSize(s.MinWidth, 0, false, s, hz); ok {
		minW, maxW = max(minW, mn), max(maxW, mn)
	}
	outer := hz + e.margin[left] + e.margin[right]
	return minW + outer, maxW + outer
}

// inlineIntrinsic measures inline content: max-content is the widest run
// between forced breaks, min-content the widest unbreakable chunk.
func (l *layouter) inlineIntrinsic(b *box) (minW, maxW float32) {
	items := l.itemsOf(b).items
	var line, chunk, lineHang, chunkHang float32
	lineStart := true
	flush := func() {
		minW = max(minW, chunk-chunkHang)
		chunk, chunkHang = 0, 0
	}
	for i := range items {
		it := &items[i]
		// What the item adds to a line (max-content) and to an
		// unbreakable chunk (min-content).
		var w, wMin float32
		switch it.kind {
		case itemText:
			w = it.width
			if it.space {
				if it.collapsible && lineStart {
					w = 0
				}
				lineHang += w
				chunkHang += w
			} else {
				lineHang, chunkHang = 0, 0
				lineStart = false
			}
			wMin = w
		case itemOpen, itemClose:
			e := resolveEdges(it.box.style, 0)
			if it.kind == itemOpen && !it.box.noStart {
				w = e.margin[left] + e.border[left] + e.padding[left]
			} else if it.kind == itemClose && !it.box.noEnd {
				w = e.margin[right] + e.border[right] + e.padding[right]
			}
			wMin = w
		case itemAtomic:
			wMin, w = l.outerIntrinsic(it.box)
			lineHang, chunkHang = 0, 0
			lineStart = false
		case itemFloat:
			// A float sits beside the line's content at max-content
			// and on a line of its own at min-content.
			var fmin float32
			fmin, w = l.outerIntrinsic(it.box)
			minW = max(minW, fmin)
		}
		line += w
		chunk += wMin
		if it.breakAfter || it.kind == itemBreak {
			flush()
		}
		if it.kind == itemBreak {
			maxW = max(maxW, line-lineHang)
			line, lineHang, lineStart = 0, 0, true
		}
	}
	flush()
	maxW = max(maxW, line-lineHang)
	return minW, max(maxW, minW)
}

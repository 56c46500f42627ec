package layout

// Flex and grid layout lay their items out more than once: to measure
// them, then at their final sizes. Nested containers would multiply
// these layouts level by level, so each box remembers its last few
// layouts and the inputs they had, and gives one back when asked for the
// same again. A fragment handed back is the same one: only the last
// caller places it in the tree, as an item's layouts all replace each
// other.

// layoutKey is what laying out an item's box depends on.
type layoutKey struct {
	w, h        float32 // content width; content height when hSet
	hSet, autoH bool
	cb          containingBlock
}

type memoEntry struct {
	key layoutKey
	f   *Fragment
	// The absolutely positioned boxes the layout queued, queued again
	// when it is reused, and the containing block it found outside the
	// item, which a reuse replaces by the current one.
	abs   []absBox
	outer *Fragment
}

// memoSize is how many layouts a box remembers: a measuring and a final
// layout for each of two passes of its container.
const memoSize = 4

// itemContents lays out block container b, an item, with content width w
// (and content height h when hSet) in containing block cb, with its
// used edges e, or returns the fragment of an earlier layout with the
// same inputs. The fragment is at the origin.
func (l *layouter) itemContents(b *box, e edges, w, h float32, hSet bool, cb containingBlock) *Fragment {
	if !hSet {
		h = 0
	}
	key := layoutKey{w: w, h: h, hSet: hSet, autoH: b.autoH, cb: cb}
	var outer *Fragment
	if n := len(l.cbs); n > 0 {
		outer = l.cbs[n-1]
	}
	for _, m := range b.memo {
		if m.key == key {
			for _, a := range m.abs {
				if a.cb == m.outer && a.cb != nil {
					a.cb = outer
				}
				l.abs = append(l.abs, a)
			}
			return m.f
		}
	}
	kind, node := KindBlock, b.node
	if b.kind == boxAnonBlock {
		kind, node = KindAnonymousBlock, nil
	}
	f := l.alloc(Fragment{Kind: kind, Node: node, Style: b.style,
		Margin: e.margin, Border: e.border, Padding: e.padding, W: w + e.horizontal()})
	b.forceH, b.hasForceH = h, hSet
	mark := len(l.abs)
	// A positioned item is offset by relative positioning and contains
	// the absolutely positioned boxes inside it.
	if b.style.Positioned() {
		l.relative(f, cb)
		l.cbs = append(l.cbs, f)
	}
	l.contents(b, f, w, cb, collapse{}, true, space{})
	if b.style.Positioned() {
		l.cbs = l.cbs[:len(l.cbs)-1]
	}
	b.hasForceH = false
	m := memoEntry{key: key, f: f, abs: append([]absBox(nil), l.abs[mark:]...), outer: outer}
	if len(b.memo) < memoSize {
		b.memo = append(b.memo, m)
	} else {
		b.memo[b.memoNext] = m
		b.memoNext = (b.memoNext + 1) % memoSize
	}
	return f
}

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
	for _, m := range b.memo {
		if m.key == key {
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
	l.contents(b, f, w, cb, collapse{}, true, space{})
	b.hasForceH = false
	if len(b.memo) < memoSize {
		b.memo = append(b.memo, memoEntry{key, f})
	} else {
		b.memo[b.memoNext] = memoEntry{key, f}
		b.memoNext = (b.memoNext + 1) % memoSize
	}
	return f
}

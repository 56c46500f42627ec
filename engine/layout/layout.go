package layout

import (
	"image"

	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/engine/text"
)

// StyleSource gives the computed style of a node. For a Text node it gives
// its parent element's style. A nil style means the node generates no box.
// *style.Styles satisfies it.
type StyleSource interface {
	Of(n *dom.Node) *style.ComputedStyle
}

// Images gives the decoded image of an img element, and false when it is
// not (or not yet) available. The page provides it.
type Images interface {
	Image(n *dom.Node) (image.Image, bool)
}

// Layout lays out the document doc (a document node, or an element taken
// as the root) in a viewport of the given size and returns the fragment
// tree, rooted at a KindViewport fragment the size of the viewport.
// images may be nil (no images yet), and so may fonts (text.Bundled()).
//
// Layout is safe to call from several goroutines at once, on different
// documents or the same one, as long as nobody mutates the DOM or styles
// meanwhile.
func Layout(doc *dom.Node, styles StyleSource, images Images, fonts *text.Collection, viewportW, viewportH float32) *Fragment {
	vp := &Fragment{Kind: KindViewport, W: viewportW, H: viewportH}
	root := doc
	if doc != nil && doc.Type == dom.DocumentNode {
		root = doc.DocumentElement()
	}
	if root == nil || root.Type != dom.ElementNode {
		return vp
	}
	bd := builder{styles: styles, images: images}
	rb := bd.buildRoot(root)
	if rb == nil {
		return vp
	}
	if fonts == nil {
		fonts = text.Bundled()
	}
	l := &layouter{fonts: fonts, shaper: fonts.Shaper(),
		fontCache: make(map[*style.ComputedStyle]*text.Font), familyCache: make(map[familyKey]*text.Font),
		strutCache: make(map[*style.ComputedStyle]strut)}
	defer fonts.Release(l.shaper)

	icb := containingBlock{w: viewportW, h: viewportH, hDefinite: true}
	f, _, _ := l.block(rb, icb, collapse{}, true, space{})
	vp.Children = []*Fragment{f}
	absolutize(vp, 0, 0)
	// Absolutely positioned boxes, now that their static positions
	// and containing blocks are known; those nested in them join the
	// queue as they are laid out.
	for i := 0; i < len(l.abs); i++ {
		l.layoutAbs(l.abs[i], viewportW, viewportH)
	}
	return vp
}

// layouter holds what one layout needs: fonts, a shaper and a line
// breaker of its own (neither is safe to share), and scratch space.
type layouter struct {
	fonts   *text.Collection
	shaper  *text.Shaper
	breaker text.Breaker
	para    []byte // scratch: the text of an inline formatting context

	// Per-style caches: styles are shared by all the text of an element
	// and often by many elements.
	fontCache   map[*style.ComputedStyle]*text.Font
	familyCache map[familyKey]*text.Font
	strutCache  map[*style.ComputedStyle]strut

	// Slabs that fragments, runs and glyphs are allocated from.
	frags    []Fragment
	runs     []TextRun
	glyphBuf []Glyph

	atBreak []bool // scratch for gatherer.split

	// cbs are the fragments of the positioned boxes being laid out,
	// innermost last: the containing blocks of absolutely positioned
	// descendants. abs are those descendants, waiting for their
	// containing blocks' layout to finish.
	cbs []*Fragment
	abs []absBox
}

// alloc returns a new fragment holding f. Fragments are allocated in
// slabs: a page has tens of thousands, and one allocation per fragment
// costs more than the layout itself.
func (l *layouter) alloc(f Fragment) *Fragment {
	if len(l.frags) == cap(l.frags) {
		l.frags = make([]Fragment, 0, 512)
	}
	l.frags = append(l.frags, f)
	return &l.frags[len(l.frags)-1]
}

// allocRun is alloc for text runs.
func (l *layouter) allocRun(r TextRun) *TextRun {
	if len(l.runs) == cap(l.runs) {
		l.runs = make([]TextRun, 0, 256)
	}
	l.runs = append(l.runs, r)
	return &l.runs[len(l.runs)-1]
}

// glyphs returns an empty slice with room for n glyphs, carved out of a
// larger block.
func (l *layouter) glyphs(n int) []Glyph {
	if cap(l.glyphBuf)-len(l.glyphBuf) < n {
		l.glyphBuf = make([]Glyph, 0, max(n, 8192))
	}
	s := l.glyphBuf[len(l.glyphBuf) : len(l.glyphBuf) : len(l.glyphBuf)+n]
	l.glyphBuf = l.glyphBuf[:len(l.glyphBuf)+n]
	return s
}

// strut is what a style contributes to line box heights.
type strut struct{ a, d, fontA, fontD float32 }

// containingBlock is the content box size of a containing block. Heights
// are often not known (auto) while children are laid out; percentages of
// them then behave as auto.
type containingBlock struct {
	w, h      float32
	hDefinite bool
}

// fontOf returns the font a style selects.
func (l *layouter) fontOf(s *style.ComputedStyle) *text.Font {
	f, ok := l.fontCache[s]
	if ok {
		return f
	}
	// Styles are often not shared, but their font-family lists are (they
	// inherit): a second cache, keyed by the list's backing array, spares
	// most calls to Match.
	key := familyKey{n: len(s.FontFamily), bold: s.FontWeight >= 600, style: s.FontStyle}
	if key.n > 0 {
		key.p = &s.FontFamily[0]
	}
	f, ok = l.familyCache[key]
	if !ok {
		f = l.fonts.Match(s.FontFamily, s.FontWeight, s.FontStyle)
		l.familyCache[key] = f
	}
	l.fontCache[s] = f
	return f
}

// familyKey identifies a font-family list by identity, with what else
// Match looks at.
type familyKey struct {
	p     *string
	n     int
	bold  bool
	style style.FontStyle
}

// strut returns the ascent and descent (half-leading included) that a box
// of style s contributes to a line box (CSS 2.1 10.8.1), and the font's own
// ascent and descent (its content area).
func (l *layouter) strut(s *style.ComputedStyle) (a, d, fontA, fontD float32) {
	st, ok := l.strutCache[s]
	if !ok {
		if f := l.fontOf(s); f != nil {
			m := f.Metrics(s.FontSize)
			lh, ok := s.UsedLineHeight()
			if !ok {
				lh = m.LineHeight()
			}
			half := (lh - (m.Ascent + m.Descent)) / 2
			st = strut{m.Ascent + half, m.Descent + half, m.Ascent, m.Descent}
		}
		l.strutCache[s] = st
	}
	return st.a, st.d, st.fontA, st.fontD
}

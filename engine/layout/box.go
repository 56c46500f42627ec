package layout

import (
	"image"
	"image/color"
	"strconv"
	"strings"

	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/engine/text"
)

// boxKind is the kind of box the box tree is made of.
type boxKind uint8

const (
	boxBlock       boxKind = iota // block-level block container
	boxAnonBlock                  // anonymous block container of inline content
	boxInline                     // inline box (non-replaced)
	boxInlineBlock                // atomic inline block container
	boxText                       // text run
	boxImage                      // replaced inline (img)
	boxBreak                      // forced line break (br)
)

// box is a node of the box tree, which sits between the DOM and the
// fragments: display: none is gone, display: contents flattened, inline
// content beside blocks wrapped in anonymous blocks, and inline boxes that
// contain blocks split around them.
type box struct {
	kind  boxKind
	node  *dom.Node
	style *style.ComputedStyle

	children []*box
	// inline is set on block containers whose children are all
	// inline-level: they establish an inline formatting context.
	inline bool
	// flex is set on flex containers, whose children are flex items
	// (flex.go), grid on grid containers (grid.go).
	flex, grid bool
	// table is set on table boxes (table.go), whose children are
	// captions and row groups; tdisp is the display of a table-internal
	// box (a row group, row, cell, column or caption), 0 otherwise.
	table bool
	tdisp style.Display
	// collapsed marks a cell whose borders collapse (collapse.go).
	collapsed bool
	tcols     []*box     // a table's column and column-group boxes
	tgrid     *tableGrid // a table's slot grid, built on first use
	// For flex items being measured or laid out at a size the flex
	// algorithm chose: the content height to use instead of the
	// height property.
	forceH    float32
	hasForceH bool
	// autoH makes the height property count as auto, for measuring the
	// content height of a flex item.
	autoH bool
	// memo holds the box's last layouts as a flex or grid item
	// (itemlayout.go).
	memo     []memoEntry
	memoNext int

	// For inline boxes split around a block (CSS 2.1 9.2.1.1): whether
	// this part carries the box's start (left) and end (right) edges.
	noStart, noEnd bool

	text string // boxText: the DOM text, before white-space processing

	// Text decorations in effect for text in this box, propagated from
	// ancestors as CSS 2.1 16.3.1 describes.
	deco      style.TextDecorationLine
	decoColor color.NRGBA

	img        image.Image // boxImage
	hasImg     bool
	blockImage bool // a block-level replaced box (img with display: block)

	marker string // list items: the marker's text, "" for none

	// floated marks a float: out of the flow, neither block- nor
	// inline-level, laid out where it appears among its siblings.
	floated bool
	// generated holds the content of a ::before or ::after box, which
	// stands in for its element's children.
	generated []*box
	// abspos marks an absolutely positioned box (absolute or fixed): out
	// of the flow, laid out once its containing block is
	// (positioned.go), from a placeholder at its static position.
	abspos bool

	// Caches, filled on first use during one layout.
	items         *inlineItems
	minW, maxW    float32
	intrinsicDone bool
}

// outOfFlow reports whether b is a float or absolutely positioned.
func (b *box) outOfFlow() bool { return b.floated || b.abspos }

func (b *box) blockLevel() bool {
	if b.outOfFlow() {
		return false
	}
	return b.kind == boxBlock || b.kind == boxAnonBlock || (b.kind == boxImage && b.blockImage)
}

// builder builds the box tree for one layout.
type builder struct {
	styles StyleSource
	images Images
	// pseudos gives ::before and ::after styles, when styles can.
	pseudos PseudoStyles
	gen     generator
}

// buildRoot builds the box of the root element. The root is always a
// block (CSS 2.1 9.7).
func (bd *builder) buildRoot(root *dom.Node) *box {
	s := bd.styles.Of(root)
	if s == nil || s.Display == style.DisplayNone {
		return nil
	}
	b := &box{kind: boxBlock, node: root, style: s}
	bd.decorate(b, 0, color.NRGBA{})
	bd.fill(b)
	return b
}

// decorate sets the decorations in effect in b: its parent's plus its own.
func (bd *builder) decorate(b *box, inherited style.TextDecorationLine, c color.NRGBA) {
	b.deco, b.decoColor = inherited, c
	if d := b.style.TextDecoration; d != 0 {
		b.deco |= d
		b.decoColor = b.style.Color
	}
}

// fill builds the children of b, a flex container or a block container.
func (bd *builder) fill(b *box) {
	switch b.style.Display {
	case style.DisplayFlex, style.DisplayInlineFlex:
		b.flex = true
		bd.fillFlex(b)
		return
	case style.DisplayGrid, style.DisplayInlineGrid:
		// Grid items are made as flex items are.
		b.grid = true
		bd.fillFlex(b)
		return
	case style.DisplayTable, style.DisplayInlineTable:
		b.table = true
		bd.fillTable(b, bd.children(b, b.node, nil, new(listCounter)))
		return
	}
	bd.fillContainer(b)
}

// fillContainer builds the children of the block container b.
func (bd *builder) fillContainer(b *box) {
	kids := bd.children(b, b.node, nil, new(listCounter))
	if bd.pseudos != nil && b.node != nil && b.generated == nil {
		if s := bd.pseudos.Pseudo(b.node, style.FirstLetter); s != nil {
			kids = bd.firstLetter(b, s, kids)
		}
	}
	bd.arrange(b, wrapTableParts(b, kids))
}

// arrange makes kids the children of block container b, wrapping runs of
// inline-level boxes beside block-level ones in anonymous blocks.
func (bd *builder) arrange(b *box, kids []*box) {
	hasBlock := false
	for _, k := range kids {
		if k.blockLevel() {
			hasBlock = true
			break
		}
	}
	if !hasBlock {
		b.inline = true
		b.children = kids
		if allIgnorable(kids) {
			b.children = nil
		}
		return
	}
	// Wrap each run of inline-level boxes in an anonymous block, unless
	// the run is only white space that would collapse away anyway.
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
		if run := kids[i:j]; outOfFlowOnly(run) {
			// Floats and absolutely positioned boxes with nothing but
			// collapsible space around them need no line boxes: they
			// are placed among the blocks.
			for _, k := range run {
				if k.outOfFlow() {
					out = append(out, k)
				}
			}
		} else if !allIgnorable(run) {
			anon := &box{kind: boxAnonBlock, style: anonymousStyle(b.style), inline: true,
				deco: b.deco, decoColor: b.decoColor}
			anon.children = append([]*box(nil), run...)
			out = append(out, anon)
		}
		i = j
	}
	b.children = out
}

// allIgnorable reports whether inline content generates nothing visible:
// only collapsible white space and inline boxes without edges around it.
func allIgnorable(boxes []*box) bool {
	for _, k := range boxes {
		switch k.kind {
		case boxText:
			if !text.CollapsesSpaces(k.style.WhiteSpace) || strings.Trim(k.text, " \t\n\r\f") != "" {
				return false
			}
		case boxInline:
			if inlineStart(k) != 0 || inlineEnd(k) != 0 || !allIgnorable(k.children) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// outOfFlowOnly reports whether a run of inline-level boxes holds floats
// or absolutely positioned boxes and otherwise only what allIgnorable
// ignores.
func outOfFlowOnly(boxes []*box) bool {
	found := false
	for _, k := range boxes {
		if k.outOfFlow() {
			found = true
		} else if !allIgnorable([]*box{k}) {
			return false
		}
	}
	return found
}

// listCounter numbers the list items among a container's children.
type listCounter struct {
	next    int
	started bool
}

// children appends the boxes generated by n's children to out. parent is
// the box they go in (for decoration propagation).
func (bd *builder) children(parent *box, n *dom.Node, out []*box, lc *listCounter) []*box {
	if parent.generated != nil {
		for _, k := range parent.generated {
			k.deco, k.decoColor = parent.deco, parent.decoColor
		}
		return append(out, parent.generated...)
	}
	// Counters reset by the children last until the parent ends.
	defer bd.gen.restore(bd.gen.mark())
	if n.Type == dom.ElementNode {
		out = bd.pseudo(parent, n, style.Before, out, lc)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case dom.TextNode:
			if c.Data == "" {
				continue
			}
			s := bd.styles.Of(c)
			if s == nil {
				s = parent.style
			}
			out = append(out, &box{kind: boxText, node: c, style: s, text: c.Data, deco: parent.deco, decoColor: parent.decoColor})
		case dom.ElementNode:
			out = bd.element(parent, c, out, lc)
		}
	}
	if n.Type == dom.ElementNode {
		out = bd.pseudo(parent, n, style.After, out, lc)
	}
	return out
}

// element appends the boxes generated by element n to out.
func (bd *builder) element(parent *box, n *dom.Node, out []*box, lc *listCounter) []*box {
	s := bd.styles.Of(n)
	if s == nil {
		// No style means the cascade never saw it (or chose not to style
		// it): generating nothing is the safe reading.
		return out
	}
	display := s.Display
	if parent.flex || parent.grid {
		// Flex and grid items are blockified (CSS Flexbox 1, 4; CSS
		// Grid 1, 6.1).
		display = blockify(display)
	}
	switch display {
	case style.DisplayNone:
		return out
	case style.DisplayContents:
		bd.gen.counters(s)
		return bd.children(parent, n, out, lc)
	}
	bd.gen.counters(s)
	return bd.elementBox(parent, n, s, display, nil, out, lc)
}

// elementBox appends the boxes generated by element n with style s to
// out: n's own, or with generated set, those of its ::before or ::after
// pseudo-element, whose content generated is.
// display is s's display, blockified where the parent needs it.
func (bd *builder) elementBox(parent *box, n *dom.Node, s *style.ComputedStyle, display style.Display, generated []*box, out []*box, lc *listCounter) []*box {
	if n.Namespace == "" && generated == nil {
		switch n.TagName {
		case "img":
			b := bd.image(parent, n, s)
			if b.kind == boxImage {
				b.blockImage = display != style.DisplayInline && display != style.DisplayInlineBlock
				// Flex and grid items do not float (CSS Flexbox 1, 3).
				b.floated = s.IsFloat() && !parent.flex && !parent.grid
				b.abspos = s.OutOfFlowPositioned()
			}
			return append(out, b)
		case "br":
			return append(out, &box{kind: boxBreak, node: n, style: s})
		}
	}

	b := &box{node: n, style: s, generated: generated}
	if s.OutOfFlowPositioned() {
		b.kind, b.abspos = boxBlock, true
		bd.decorate(b, 0, color.NRGBA{})
		bd.fill(b)
		return append(out, b)
	}
	if s.IsFloat() && !parent.flex && !parent.grid {
		// A float is a block container laid out on its own (its
		// display was blockified); decorations do not propagate into
		// it (CSS Text Decoration 3, 2). Flex and grid items do not
		// float.
		b.kind, b.floated = boxBlock, true
		bd.decorate(b, 0, color.NRGBA{})
		bd.fill(b)
		return append(out, b)
	}
	switch display {
	case style.DisplayInline:
		b.kind = boxInline
		bd.decorate(b, parent.deco, parent.decoColor)
		b.children = bd.children(b, n, nil, lc)
		return splitInline(b, out)
	case style.DisplayInlineBlock, style.DisplayInlineFlex, style.DisplayInlineGrid, style.DisplayInlineTable:
		// An inline-flex, inline-grid or inline-table box is an
		// inline-block whose content is laid out by flex.go, grid.go
		// or table.go.
		b.kind = boxInlineBlock
		// Decorations do not propagate into atomic inlines.
		bd.decorate(b, 0, color.NRGBA{})
		bd.fill(b)
		return append(out, b)
	}
	if isTablePart(display) {
		b.kind, b.tdisp = boxBlock, display
		bd.decorate(b, parent.deco, parent.decoColor)
		bd.fillTablePart(b)
		return append(out, b)
	}
	// Everything else is laid out as a block: block, list-item, and
	// flex, grid and table (blocks whose content flex.go, grid.go and
	// table.go lay out).
	b.kind = boxBlock
	bd.decorate(b, parent.deco, parent.decoColor)
	if display == style.DisplayListItem && generated == nil {
		b.marker = listMarker(n, s, lc)
	}
	bd.fill(b)
	return append(out, b)
}

// image makes the box of an img element. A missing image with alt text
// and no size of its own shows the alt text instead, as Firefox does.
func (bd *builder) image(parent *box, n *dom.Node, s *style.ComputedStyle) *box {
	b := &box{kind: boxImage, node: n, style: s}
	if bd.images != nil {
		b.img, b.hasImg = bd.images.Image(n)
	}
	if !b.hasImg && s.Width.IsAuto() && s.Height.IsAuto() {
		if alt := strings.TrimSpace(n.AttributeOr("alt")); alt != "" {
			ib := &box{kind: boxInline, node: n, style: s}
			bd.decorate(ib, parent.deco, parent.decoColor)
			ib.children = []*box{{kind: boxText, node: n, style: s, text: alt, deco: ib.deco, decoColor: ib.decoColor}}
			return ib
		}
	}
	return b
}

// splitInline appends inline box b to out, split around any block-level
// boxes among its children (CSS 2.1 9.2.1.1): the blocks are hoisted to
// out, and the inline content on either side goes in parts of b, of which
// only the first keeps the start edge and only the last the end edge.
func splitInline(b *box, out []*box) []*box {
	hasBlock := false
	for _, c := range b.children {
		if c.blockLevel() {
			hasBlock = true
			break
		}
	}
	if !hasBlock {
		return append(out, b)
	}
	part := func(noStart bool) *box {
		p := *b
		p.children = nil
		p.noStart, p.noEnd = noStart, true
		return &p
	}
	cur := part(b.noStart)
	for _, c := range b.children {
		if !c.blockLevel() {
			cur.children = append(cur.children, c)
			continue
		}
		out = append(out, cur, c)
		cur = part(true)
	}
	cur.noEnd = b.noEnd
	return append(out, cur)
}

// anonymousStyle returns the style of an anonymous box inside a box of
// style s: the inherited properties of s, the initial values of the rest.
func anonymousStyle(s *style.ComputedStyle) *style.ComputedStyle {
	return &style.ComputedStyle{
		Display:        style.DisplayBlock,
		MaxWidth:       style.NoneLength,
		MaxHeight:      style.NoneLength,
		Width:          style.AutoLength,
		Height:         style.AutoLength,
		MinWidth:       style.AutoLength,
		MinHeight:      style.AutoLength,
		Color:          s.Color,
		FontFamily:     s.FontFamily,
		FontSize:       s.FontSize,
		FontWeight:     s.FontWeight,
		FontStyle:      s.FontStyle,
		LineHeight:     s.LineHeight,
		TextAlign:      s.TextAlign,
		WhiteSpace:     s.WhiteSpace,
		ListStyleType:  s.ListStyleType,
		BorderSpacing:  s.BorderSpacing,
		BorderCollapse: s.BorderCollapse,
		CaptionBottom:  s.CaptionBottom,
		Visibility:     s.Visibility,
		FlexShrink:     1,
		FlexBasis:      style.AutoLength,
		AlignSelf:      style.AlignAuto,
		JustifySelf:    style.AlignAuto,
		ZIndexAuto:     true,
		Inset:          [4]style.Length{style.AutoLength, style.AutoLength, style.AutoLength, style.AutoLength},
	}
}

// listMarker returns the marker text of a list item: a bullet, or the
// item's number in its list. lc counts the items of the list.
func listMarker(li *dom.Node, s *style.ComputedStyle, lc *listCounter) string {
	if !lc.started {
		lc.started = true
		lc.next = 1
		if p := li.Parent; p != nil && p.IsElement("ol") {
			if v, err := strconv.Atoi(strings.TrimSpace(p.AttributeOr("start"))); err == nil {
				lc.next = v
			}
		}
	}
	if v, err := strconv.Atoi(strings.TrimSpace(li.AttributeOr("value"))); err == nil {
		lc.next = v
	}
	n := lc.next
	lc.next++
	switch s.ListStyleType {
	case style.ListNone:
		return ""
	case style.ListDisc:
		return "• "
	case style.ListCircle:
		return "◦ "
	case style.ListSquare:
		return "▪ "
	case style.ListDecimal:
		return strconv.Itoa(n) + ". "
	case style.ListLowerAlpha, style.ListUpperAlpha:
		a := alpha(n)
		if s.ListStyleType == style.ListUpperAlpha {
			a = strings.ToUpper(a)
		}
		return a + ". "
	case style.ListLowerRoman, style.ListUpperRoman:
		r := roman(n)
		if s.ListStyleType == style.ListLowerRoman {
			r = strings.ToLower(r)
		}
		return r + ". "
	}
	return "• "
}

// alpha numbers 1, 2, ... as a, b, ..., z, aa, ab, ...; others in decimal.
func alpha(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('a' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// roman numbers 1..3999 in upper-case roman numerals; others in decimal.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// inlineStart and inlineEnd are the widths of an inline box's start and
// end edges (margin, border, padding), percentages taken as zero.
func inlineStart(b *box) float32 {
	if b.noStart {
		return 0
	}
	e := resolveEdges(b.style, 0)
	return e.margin[left] + e.border[left] + e.padding[left]
}

func inlineEnd(b *box) float32 {
	if b.noEnd {
		return 0
	}
	e := resolveEdges(b.style, 0)
	return e.margin[right] + e.border[right] + e.padding[right]
}

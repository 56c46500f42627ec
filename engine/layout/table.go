package layout

import (
	"strconv"
	"strings"

	"glassbox/engine/style"
)

// Tables (CSS 2.1 chapter 17), in the separated borders model. The box
// tree gives a table box its captions and row groups as children, each
// row group its rows and each row its cells; whatever is missing is made
// anonymous (17.2.1). Cells are then placed in a grid of slots by their
// colspan and rowspan attributes, columns sized by the automatic (17.5.2.2,
// as browsers do it) or the fixed (17.5.2.1) layout, and rows made as tall
// as their cells.
//
// The collapsing borders model is in collapse.go. Not yet: captions
// outside the table's border box, percentage widths of cells and columns,
// column and column-group backgrounds and borders, empty-cells and
// visibility: collapse.

// isTablePart reports whether d is a table-internal display.
func isTablePart(d style.Display) bool {
	switch d {
	case style.DisplayTableRowGroup, style.DisplayTableHeaderGroup, style.DisplayTableFooterGroup,
		style.DisplayTableRow, style.DisplayTableCell, style.DisplayTableColumnGroup,
		style.DisplayTableColumn, style.DisplayTableCaption:
		return true
	}
	return false
}

func isRowGroup(d style.Display) bool {
	return d == style.DisplayTableRowGroup || d == style.DisplayTableHeaderGroup || d == style.DisplayTableFooterGroup
}

// fillTablePart builds the children of a table-internal box.
func (bd *builder) fillTablePart(b *box) {
	kids := bd.children(b, b.node, nil, new(listCounter))
	switch {
	case b.tdisp == style.DisplayTableCell || b.tdisp == style.DisplayTableCaption:
		bd.arrange(b, wrapTableParts(b, kids))
	case b.tdisp == style.DisplayTableColumnGroup:
		for _, k := range kids {
			if k.tdisp == style.DisplayTableColumn {
				b.children = append(b.children, k)
			}
		}
	case b.tdisp == style.DisplayTableColumn:
	case b.tdisp == style.DisplayTableRow:
		bd.fillRow(b, kids)
	default:
		bd.fillGroup(b, kids)
	}
}

// anonPart makes an anonymous table box of display d inside parent.
func anonPart(parent *box, d style.Display) *box {
	s := anonymousStyle(parent.style)
	s.Display = d
	b := &box{kind: boxBlock, style: s, tdisp: d, deco: parent.deco, decoColor: parent.decoColor}
	if d == style.DisplayTable {
		b.tdisp, b.table = 0, true
	}
	return b
}

// wrapTableParts wraps each run of table-internal boxes among the
// children of a box that is no table part in an anonymous table (17.2.1,
// rule 3), white space between them included.
func wrapTableParts(parent *box, kids []*box) []*box {
	found := false
	for _, k := range kids {
		if k.tdisp != 0 {
			found = true
			break
		}
	}
	if !found {
		return kids
	}
	var out []*box
	for i := 0; i < len(kids); {
		if kids[i].tdisp == 0 {
			out = append(out, kids[i])
			i++
			continue
		}
		j, end := i, i
		for j < len(kids) && (kids[j].tdisp != 0 || allIgnorable(kids[j:j+1])) {
			if kids[j].tdisp != 0 {
				end = j + 1
			}
			j++
		}
		t := anonPart(parent, style.DisplayTable)
		(&builder{}).fillTable(t, kids[i:end])
		out = append(out, t)
		i = end
	}
	return out
}

// fillTable sorts the boxes made for a table's children into captions,
// columns and row groups, wrapping anything else in anonymous row groups.
// The first header group goes first and the first footer group last.
func (bd *builder) fillTable(t *box, kids []*box) {
	var caps, bodies, pending []*box
	var head, foot *box
	flush := func() {
		if len(pending) > 0 && !allIgnorable(pending) {
			g := anonPart(t, style.DisplayTableRowGroup)
			bd.fillGroup(g, pending)
			bodies = append(bodies, g)
		}
		pending = nil
	}
	for _, k := range kids {
		switch {
		case k.tdisp == style.DisplayTableCaption:
			caps = append(caps, k)
		case k.tdisp == style.DisplayTableColumn || k.tdisp == style.DisplayTableColumnGroup:
			t.tcols = append(t.tcols, k)
		case isRowGroup(k.tdisp):
			flush()
			switch {
			case k.tdisp == style.DisplayTableHeaderGroup && head == nil:
				head = k
			case k.tdisp == style.DisplayTableFooterGroup && foot == nil:
				foot = k
			default:
				bodies = append(bodies, k)
			}
		default:
			pending = append(pending, k)
		}
	}
	flush()
	t.children = caps
	if head != nil {
		t.children = append(t.children, head)
	}
	t.children = append(t.children, bodies...)
	if foot != nil {
		t.children = append(t.children, foot)
	}
	if t.style.BorderCollapse {
		collapseBorders(t)
	}
}

// fillGroup makes the rows of a row group, wrapping anything else in
// anonymous rows.
func (bd *builder) fillGroup(g *box, kids []*box) {
	var pending []*box
	flush := func() {
		if len(pending) > 0 && !allIgnorable(pending) {
			r := anonPart(g, style.DisplayTableRow)
			bd.fillRow(r, pending)
			g.children = append(g.children, r)
		}
		pending = nil
	}
	for _, k := range kids {
		if k.tdisp == style.DisplayTableRow {
			flush()
			g.children = append(g.children, k)
		} else {
			pending = append(pending, k)
		}
	}
	flush()
}

// fillRow makes the cells of a row, wrapping anything else in anonymous
// cells.
func (bd *builder) fillRow(r *box, kids []*box) {
	var pending []*box
	flush := func() {
		if len(pending) > 0 && !allIgnorable(pending) {
			c := anonPart(r, style.DisplayTableCell)
			bd.arrange(c, wrapTableParts(c, pending))
			r.children = append(r.children, c)
		}
		pending = nil
	}
	for _, k := range kids {
		if k.tdisp == style.DisplayTableCell {
			flush()
			r.children = append(r.children, k)
		} else {
			pending = append(pending, k)
		}
	}
	flush()
}

// tableCell is a cell placed in the slot grid.
type tableCell struct {
	b                      *box
	row, col, rspan, cspan int
}

// tableGrid is a table's slot grid.
type tableGrid struct {
	rows   []*box // every row, in order
	groups [][2]int
	cells  []tableCell
	ncols  int
	// colW holds the widths of columns given by column boxes.
	colW []style.Length
}

// spanAttr reads a colspan or rowspan attribute, def when absent or bad.
func spanAttr(b *box, name string, def, lo, hi int) int {
	if b.node == nil {
		return def
	}
	v, err := strconv.Atoi(strings.TrimSpace(b.node.AttributeOr(name)))
	if err != nil {
		return def
	}
	return min(max(v, lo), hi)
}

// slots places t's cells in slots (HTML's table forming algorithm,
// simplified): each cell takes the first free slot of its row.
func (t *box) slots() *tableGrid {
	if t.tgrid != nil {
		return t.tgrid
	}
	g := &tableGrid{}
	for _, grp := range t.children {
		if grp.tdisp == style.DisplayTableCaption {
			continue
		}
		first := len(g.rows)
		g.rows = append(g.rows, grp.children...)
		g.groups = append(g.groups, [2]int{first, len(g.rows)})
	}
	for _, gr := range g.groups {
		var busy []int // per column, the row where it becomes free
		for r := gr[0]; r < gr[1]; r++ {
			c := 0
			for _, cell := range g.rows[r].children {
				for c < len(busy) && busy[c] > r {
					c++
				}
				cs := spanAttr(cell, "colspan", 1, 1, 1000)
				rs := spanAttr(cell, "rowspan", 1, 0, 65534)
				if rs == 0 || r+rs > gr[1] {
					rs = gr[1] - r
				}
				for len(busy) < c+cs {
					busy = append(busy, 0)
				}
				for i := c; i < c+cs; i++ {
					busy[i] = r + rs
				}
				g.cells = append(g.cells, tableCell{b: cell, row: r, col: c, rspan: rs, cspan: cs})
				c += cs
			}
			g.ncols = max(g.ncols, len(busy))
		}
	}
	for _, c := range t.tcols {
		if c.tdisp == style.DisplayTableColumnGroup && len(c.children) > 0 {
			for _, cc := range c.children {
				for range spanAttr(cc, "span", 1, 1, 1000) {
					g.colW = append(g.colW, cc.style.Width)
				}
			}
			continue
		}
		for range spanAttr(c, "span", 1, 1, 1000) {
			g.colW = append(g.colW, c.style.Width)
		}
	}
	g.ncols = max(g.ncols, len(g.colW))
	t.tgrid = g
	return g
}

// borderSpacing returns the table's border-spacing, 0 in the collapsing model.
func borderSpacing(s *style.ComputedStyle) (h, v float32) {
	if s.BorderCollapse {
		return 0, 0
	}
	return s.BorderSpacing[0], s.BorderSpacing[1]
}

// cellIntrinsic returns the min- and max-content widths of a cell's
// border box: a specified width raises both.
func (l *layouter) cellIntrinsic(c *box) (minW, maxW float32) {
	e := cellEdges(c, 0)
	hz := e.horizontal()
	minW, maxW = l.intrinsic(c)
	if w, ok := contentSize(c.style.Width, 0, false, c.style, hz); ok {
		// max-width is undefined for cells in CSS 2.1; engines clamp
		// a specified width by it.
		if mx, ok := contentSize(c.style.MaxWidth, 0, false, c.style, hz); ok {
			w = min(w, mx)
		}
		minW = max(minW, w)
		maxW = max(minW, w)
	}
	return minW + hz, maxW + hz
}

// columns returns the min- and max-content widths of g's columns.
func (l *layouter) columns(g *tableGrid, hs float32) (mins, maxs []float32) {
	mins = make([]float32, g.ncols)
	maxs = make([]float32, g.ncols)
	for i, w := range g.colW {
		if w.Unit == style.Px {
			mins[i], maxs[i] = w.Value, w.Value
		}
	}
	// Single-column cells first, then spanning ones, narrowest spans
	// first, spreading what the columns lack in proportion to their
	// max-content widths.
	for pass := range 2 {
		for _, c := range g.cells {
			if (c.cspan == 1) != (pass == 0) {
				continue
			}
			cmin, cmax := l.cellIntrinsic(c.b)
			if c.cspan == 1 {
				mins[c.col] = max(mins[c.col], cmin)
				maxs[c.col] = max(maxs[c.col], cmax, mins[c.col])
				continue
			}
			span := float32(c.cspan-1) * hs
			spread(mins[c.col:c.col+c.cspan], maxs[c.col:c.col+c.cspan], cmin-span)
			spread(maxs[c.col:c.col+c.cspan], maxs[c.col:c.col+c.cspan], cmax-span)
			for i := c.col; i < c.col+c.cspan; i++ {
				maxs[i] = max(maxs[i], mins[i])
			}
		}
	}
	return mins, maxs
}

// spread grows cols so that they add up to at least want, in proportion
// to weights (evenly when those are all 0).
func spread(cols, weights []float32, want float32) {
	var have, wsum float32
	for i := range cols {
		have += cols[i]
		wsum += weights[i]
	}
	extra := want - have
	if extra <= 0 {
		return
	}
	for i := range cols {
		if wsum > 0 {
			cols[i] += extra * weights[i] / wsum
		} else {
			cols[i] += extra / float32(len(cols))
		}
	}
}

// tableIntrinsic returns the min- and max-content widths of table t's
// content box.
func (l *layouter) tableIntrinsic(t *box) (minW, maxW float32) {
	g := t.slots()
	hs, _ := borderSpacing(t.style)
	if g.ncols > 0 {
		mins, maxs := l.columns(g, hs)
		sp := float32(g.ncols+1) * hs
		minW, maxW = sp, sp
		for i := range mins {
			minW += mins[i]
			maxW += maxs[i]
		}
	}
	for _, c := range t.children {
		if c.tdisp == style.DisplayTableCaption {
			cmin, _ := l.outerIntrinsic(c)
			minW, maxW = max(minW, cmin), max(maxW, cmin)
		}
	}
	return minW, maxW
}

// columnWidths sizes g's columns to fill avail, the table's content
// width less the spacing.
func (l *layouter) columnWidths(t *box, g *tableGrid, avail, hs float32) []float32 {
	n := g.ncols
	cols := make([]float32, n)
	if t.style.TableLayoutFixed && !t.style.Width.IsAuto() {
		// 17.5.2.1: the columns' widths, else the first row's cells',
		// and what is left shared by the others.
		set := make([]bool, n)
		for i, w := range g.colW {
			if w.Unit == style.Px {
				cols[i], set[i] = w.Value, true
			}
		}
		for _, c := range g.cells {
			if c.row != 0 {
				continue
			}
			e := cellEdges(c.b, 0)
			if w, ok := contentSize(c.b.style.Width, 0, false, c.b.style, e.horizontal()); ok {
				per := (w + e.horizontal()) / float32(c.cspan)
				for i := c.col; i < c.col+c.cspan; i++ {
					if !set[i] {
						cols[i], set[i] = per, true
					}
				}
			}
		}
		var used float32
		free := 0
		for i := range cols {
			used += cols[i]
			if !set[i] {
				free++
			}
		}
		switch {
		case free > 0:
			for i := range cols {
				if !set[i] {
					cols[i] = max(avail-used, 0) / float32(free)
				}
			}
		case used < avail && used > 0:
			for i := range cols {
				cols[i] *= avail / used
			}
		}
		return cols
	}
	mins, maxs := l.columns(g, hs)
	var sumMin, sumMax float32
	for i := range n {
		sumMin += mins[i]
		sumMax += maxs[i]
	}
	switch {
	case avail <= sumMin:
		copy(cols, mins)
	case avail <= sumMax:
		f := (avail - sumMin) / (sumMax - sumMin)
		for i := range cols {
			cols[i] = mins[i] + (maxs[i]-mins[i])*f
		}
	default:
		copy(cols, maxs)
		spread(cols, maxs, avail)
	}
	return cols
}

// tableContent lays out the captions and the grid of table b, whose
// content width is w, inside f.
func (l *layouter) tableContent(b *box, f *Fragment, w, h float32, hFixed bool, contentTop float32) flow {
	g := b.slots()
	hs, vs := borderSpacing(b.style)
	n := g.ncols
	var cols []float32
	gridW := float32(0)
	if n > 0 {
		cols = l.columnWidths(b, g, w-float32(n+1)*hs, hs)
		gridW = float32(n+1) * hs
		for _, c := range cols {
			gridW += c
		}
		if gridW > w {
			// A table is never narrower than its columns.
			f.W += gridW - w
			w = gridW
		}
	}
	x0 := f.Border[left] + f.Padding[left]
	y := contentTop
	caption := func(bottom bool) {
		for _, c := range b.children {
			if c.tdisp != style.DisplayTableCaption || c.style.CaptionBottom != bottom {
				continue
			}
			cf, out, _ := l.block(c, containingBlock{w: w}, collapse{}, true, space{})
			cf.X += x0
			cf.Y += y
			y = cf.Y + cf.H + out.sum()
			f.Children = append(f.Children, cf)
		}
	}
	caption(false)

	// Lay the cells out at their widths to learn their heights.
	colX := make([]float32, n+1)
	colX[0] = hs
	for i, c := range cols {
		colX[i+1] = colX[i] + c + hs
	}
	nr := len(g.rows)
	rowH := make([]float32, nr)
	rowBase := make([]float32, nr)
	frags := make([]*Fragment, len(g.cells))
	bases := make([]float32, len(g.cells))
	naturalH := make([]float32, len(g.cells))
	for r, row := range g.rows {
		if v, ok := contentSize(row.style.Height, 0, false, row.style, 0); ok {
			rowH[r] = v
		}
	}
	for i, c := range g.cells {
		cw := colX[c.col+c.cspan] - colX[c.col] - hs
		e := cellEdges(c.b, w)
		inner := max(cw-e.horizontal(), 0)
		cf := l.alloc(Fragment{Kind: KindBlock, Node: c.b.node, Style: c.b.style,
			Border: e.border, Padding: e.padding, W: cw})
		if c.b.node == nil {
			cf.Kind = KindAnonymousBlock
		}
		cb := containingBlock{w: inner}
		if c.b.style.Positioned() {
			l.relative(cf, cb)
			l.cbs = append(l.cbs, cf)
		}
		// The content is laid out at its own height, which
		// vertical-align places in the cell's; a specified height
		// only makes the cell taller (17.5.3).
		c.b.autoH = true
		l.contents(c.b, cf, inner, cb, collapse{}, true, space{})
		c.b.autoH = false
		if c.b.style.Positioned() {
			l.cbs = l.cbs[:len(l.cbs)-1]
		}
		cf.Y = 0
		naturalH[i] = cf.H
		if v, ok := contentSize(c.b.style.Height, 0, false, c.b.style, e.vertical()); ok {
			cf.H = max(cf.H, v+e.vertical())
		}
		frags[i] = cf
		if bl, ok := firstBaseline(cf); ok {
			bases[i] = bl
		} else {
			bases[i] = cf.H - e.border[bottom] - e.padding[bottom]
		}
		if c.rspan == 1 {
			rowH[c.row] = max(rowH[c.row], cf.H)
			if c.b.style.VerticalAlign.Kind == style.VAlignBaseline {
				rowBase[c.row] = max(rowBase[c.row], bases[i])
			}
		}
	}
	// Baseline-aligned cells may make their row taller.
	for i, c := range g.cells {
		if c.rspan == 1 && c.b.style.VerticalAlign.Kind == style.VAlignBaseline {
			rowH[c.row] = max(rowH[c.row], rowBase[c.row]-bases[i]+frags[i].H)
		}
	}
	// Cells spanning rows grow the last of them.
	for i, c := range g.cells {
		if c.rspan > 1 {
			var sum float32
			for r := c.row; r < c.row+c.rspan; r++ {
				sum += rowH[r]
			}
			sum += float32(c.rspan-1) * vs
			if extra := frags[i].H - sum; extra > 0 {
				rowH[c.row+c.rspan-1] += extra
			}
		}
	}
	gridH := float32(0)
	if nr > 0 {
		gridH = float32(nr+1) * vs
		for _, rh := range rowH {
			gridH += rh
		}
	}
	// A specified height taller than the rows and captions goes to the
	// rows, evenly.
	if hFixed && nr > 0 {
		// (Captions below are not counted.)
		if extra := h - (y - contentTop) - gridH; extra > 0 {
			for r := range rowH {
				rowH[r] += extra / float32(nr)
			}
			gridH += extra
		}
	}
	rowY := make([]float32, nr+1)
	rowY[0] = vs
	for r := range nr {
		rowY[r+1] = rowY[r] + rowH[r] + vs
	}

	// Fragments: row groups hold rows, rows hold the cells that start in
	// them; each is placed relative to its parent.
	gridTop := y
	rowFrag := make([]*Fragment, nr)
	gi := 0
	for _, grp := range b.children {
		if grp.tdisp == style.DisplayTableCaption {
			continue
		}
		span := g.groups[gi]
		gi++
		gf := l.partFragment(grp)
		gf.X = x0 + hs
		gf.W = max(gridW-2*hs, 0)
		if span[0] < span[1] {
			gf.Y = gridTop + rowY[span[0]]
			gf.H = rowY[span[1]] - vs - rowY[span[0]]
		} else {
			gf.Y = gridTop + rowY[span[0]]
		}
		for r := span[0]; r < span[1]; r++ {
			rf := l.partFragment(g.rows[r])
			rf.Y = rowY[r] - rowY[span[0]]
			rf.W, rf.H = gf.W, rowH[r]
			gf.Children = append(gf.Children, rf)
			rowFrag[r] = rf
		}
		f.Children = append(f.Children, gf)
	}
	for i, c := range g.cells {
		cf := frags[i]
		full := rowY[c.row+c.rspan] - vs - rowY[c.row]
		var dy float32
		switch c.b.style.VerticalAlign.Kind {
		case style.VAlignMiddle:
			dy = (full - naturalH[i]) / 2
		case style.VAlignBottom:
			dy = full - naturalH[i]
		case style.VAlignBaseline:
			if c.rspan == 1 {
				dy = rowBase[c.row] - bases[i]
			}
		}
		if dy != 0 {
			for _, k := range cf.Children {
				k.Y += dy
			}
		}
		cf.H = full
		cf.X = colX[c.col] - hs
		cf.Y = 0
		if c.b.collapsed {
			// The fragment reaches half a border past the slot, to
			// paint the whole border (collapse.go).
			cf.Border = c.b.style.BorderWidth
			cf.X -= cf.Border[left] / 2
			cf.Y -= cf.Border[top] / 2
			cf.W += (cf.Border[left] + cf.Border[right]) / 2
			cf.H += (cf.Border[top] + cf.Border[bottom]) / 2
			for _, k := range cf.Children {
				k.X += cf.Border[left] / 2
				k.Y += cf.Border[top] / 2
			}
		}
		rowFrag[c.row].Children = append(rowFrag[c.row].Children, cf)
	}
	y += gridH
	caption(true)
	if nr > 0 {
		f.base, f.hasBase = gridTop+rowY[0]+rowBase[0], true
	}
	return flow{end: max(y, contentTop+h), resolved: true, first: contentTop}
}

// partFragment makes the fragment of a row group or row.
func (l *layouter) partFragment(b *box) *Fragment {
	f := l.alloc(Fragment{Kind: KindBlock, Node: b.node, Style: b.style})
	if b.node == nil {
		f.Kind = KindAnonymousBlock
	}
	return f
}

package layout

import (
	"image/color"

	"glassbox/engine/style"
)

// The collapsing border model (CSS 2.1 17.6.2). Each border between two
// cells, or between a cell and the table's edge, is chosen among the
// borders of the cells, rows, row groups and table that meet there
// (17.6.2.1; columns are not consulted yet). Cells get the chosen borders
// in a style of their own; layout gives them half of each width, and their
// fragments reach half a border past their slots, so that both cells
// beside a border paint it whole, centred on the grid line. The table
// keeps half of the widest outer borders and paints none itself.

// cborder is one candidate border.
type cborder struct {
	w    float32
	st   style.BorderStyle
	c    color.NRGBA
	prio int // cell 5, row 4, row group 3, column 2, column group 1, table 0
}

// styleRank orders border styles for conflicts of equal width.
var styleRank = [...]int{style.BorderNone: 0, style.BorderHidden: 9, style.BorderSolid: 7,
	style.BorderDashed: 6, style.BorderDotted: 5, style.BorderDouble: 8, style.BorderGroove: 2,
	style.BorderRidge: 4, style.BorderInset: 1, style.BorderOutset: 3}

func sideOf(s *style.ComputedStyle, side, prio int) cborder {
	return cborder{s.BorderWidth[side], s.BorderStyle[side], s.BorderColor[side], prio}
}

// beats reports whether a wins over b by 17.6.2.1: hidden wins, none
// loses, then the wider border, the style, and the innermost box.
func (a cborder) beats(b cborder) bool {
	switch {
	case a.st == style.BorderHidden:
		return b.st != style.BorderHidden
	case b.st == style.BorderHidden:
		return false
	case a.st == style.BorderNone:
		return false
	case b.st == style.BorderNone:
		return true
	case a.w != b.w:
		return a.w > b.w
	case a.st != b.st:
		return styleRank[a.st] > styleRank[b.st]
	}
	return a.prio > b.prio
}

// collapseBorders gives table t and its cells their collapsed borders.
func collapseBorders(t *box) {
	g := t.slots()
	nr := len(g.rows)
	if nr == 0 || g.ncols == 0 {
		return
	}
	occ := make([]int32, nr*g.ncols)
	for i := range occ {
		occ[i] = -1
	}
	for i, c := range g.cells {
		for r := c.row; r < c.row+c.rspan; r++ {
			for k := c.col; k < c.col+c.cspan && k < g.ncols; k++ {
				occ[r*g.ncols+k] = int32(i)
			}
		}
	}
	at := func(r, k int) *tableCell {
		if r < 0 || r >= nr || k < 0 || k >= g.ncols || occ[r*g.ncols+k] < 0 {
			return nil
		}
		return &g.cells[occ[r*g.ncols+k]]
	}
	groupOf := make([]int, nr)
	var groups []*box
	for _, grp := range t.children {
		if grp.tdisp != style.DisplayTableCaption {
			groups = append(groups, grp)
		}
	}
	for gi, span := range g.groups {
		for r := span[0]; r < span[1]; r++ {
			groupOf[r] = gi
		}
	}
	cols := columnBoxes(t)
	var half [4]float32
	styles := make([]style.ComputedStyle, len(g.cells))
	for i, c := range g.cells {
		win := func(cands ...cborder) cborder {
			best := cands[0]
			for _, x := range cands[1:] {
				if x.beats(best) {
					best = x
				}
			}
			return best
		}
		var res [4]cborder
		// Top and bottom.
		for _, side := range []int{top, bottom} {
			r, next, opp := c.row, c.row-1, bottom
			if side == bottom {
				r, next, opp = c.row+c.rspan-1, c.row+c.rspan, top
			}
			cands := []cborder{sideOf(c.b.style, side, 5), sideOf(g.rows[r].style, side, 4)}
			if n := at(next, c.col); n != nil {
				cands = append(cands, sideOf(n.b.style, opp, 5))
			}
			if next >= 0 && next < nr {
				cands = append(cands, sideOf(g.rows[next].style, opp, 4))
			}
			gr := g.groups[groupOf[r]]
			if (side == top && r == gr[0]) || (side == bottom && r == gr[1]-1) {
				cands = append(cands, sideOf(groups[groupOf[r]].style, side, 3))
				if next >= 0 && next < nr {
					cands = append(cands, sideOf(groups[groupOf[next]].style, opp, 3))
				}
			}
			if next < 0 || next >= nr {
				cands = append(cands, sideOf(t.style, side, 0))
				for k := c.col; k < c.col+c.cspan && k < len(cols); k++ {
					cands = cols[k].add(cands, side)
				}
			}
			res[side] = win(cands...)
		}
		// Left and right.
		for _, side := range []int{left, right} {
			k, next, opp := c.col, c.col-1, right
			if side == right {
				k, next, opp = c.col+c.cspan-1, c.col+c.cspan, left
			}
			cands := []cborder{sideOf(c.b.style, side, 5)}
			if n := at(c.row, next); n != nil {
				cands = append(cands, sideOf(n.b.style, opp, 5))
			}
			if next < 0 || next >= g.ncols {
				cands = append(cands, sideOf(g.rows[c.row].style, side, 4),
					sideOf(groups[groupOf[c.row]].style, side, 3), sideOf(t.style, side, 0))
			}
			if k < len(cols) {
				cands = cols[k].add(cands, side)
			}
			if next >= 0 && next < len(cols) {
				cands = cols[next].add(cands, opp)
			}
			res[side] = win(cands...)
		}
		s := *c.b.style
		for side, b := range res {
			if b.st == style.BorderNone || b.st == style.BorderHidden {
				b.w = 0
			}
			s.BorderWidth[side], s.BorderStyle[side], s.BorderColor[side] = b.w, b.st, b.c
		}
		styles[i] = s
		if c.row == 0 {
			half[top] = max(half[top], res[top].w/2)
		}
		if c.row+c.rspan == nr {
			half[bottom] = max(half[bottom], res[bottom].w/2)
		}
		if c.col == 0 {
			half[left] = max(half[left], res[left].w/2)
		}
		if c.col+c.cspan == g.ncols {
			half[right] = max(half[right], res[right].w/2)
		}
	}
	for i := range g.cells {
		g.cells[i].b.style = &styles[i]
		g.cells[i].b.collapsed = true
	}
	ts := *t.style
	ts.BorderWidth = half
	ts.BorderStyle = [4]style.BorderStyle{}
	t.style = &ts
	plain := func(b *box) {
		s := *b.style
		s.BorderWidth, s.BorderStyle = [4]float32{}, [4]style.BorderStyle{}
		b.style = &s
	}
	for _, grp := range groups {
		plain(grp)
	}
	for _, r := range g.rows {
		plain(r)
	}
}

// colSlot is the column and column group boxes of one column, with
// whether the column is the group's first and last.
type colSlot struct {
	col, group  *box
	first, last bool
}

// add appends the borders of the column and its group on side to cands.
func (cs colSlot) add(cands []cborder, side int) []cborder {
	if cs.col != nil {
		cands = append(cands, sideOf(cs.col.style, side, 2))
	}
	if cs.group != nil && (side == top || side == bottom || side == left && cs.first || side == right && cs.last) {
		cands = append(cands, sideOf(cs.group.style, side, 1))
	}
	return cands
}

// columnBoxes lists the column and column group boxes of t's columns.
func columnBoxes(t *box) []colSlot {
	var out []colSlot
	for _, c := range t.tcols {
		if c.tdisp == style.DisplayTableColumnGroup {
			start := len(out)
			if len(c.children) == 0 {
				for range spanAttr(c, "span", 1, 1, 1000) {
					out = append(out, colSlot{group: c})
				}
			}
			for _, cc := range c.children {
				for range spanAttr(cc, "span", 1, 1, 1000) {
					out = append(out, colSlot{col: cc, group: c})
				}
			}
			if len(out) > start {
				out[start].first, out[len(out)-1].last = true, true
			}
			continue
		}
		for range spanAttr(c, "span", 1, 1, 1000) {
			out = append(out, colSlot{col: c})
		}
	}
	return out
}

// cellEdges returns a cell's used edges: in the collapsing model, half of
// each collapsed border.
func cellEdges(c *box, cbw float32) edges {
	e := resolveEdges(c.style, cbw)
	e.margin = [4]float32{}
	if c.collapsed {
		for i := range e.border {
			e.border[i] /= 2
		}
	}
	return e
}

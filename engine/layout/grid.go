package layout

import (
	"slices"

	"glassbox/engine/style"
)

// This file lays out grid containers (CSS Grid Layout 1), for horizontal
// left-to-right writing modes: the explicit grid from the templates and
// named areas (7), placement by line numbers, names, spans and the
// auto-placement algorithm with sparse and dense packing (8), track
// sizing for fixed, flexible, intrinsic and minmax() tracks (11, somewhat
// simplified for items spanning several intrinsic tracks), and alignment
// of the tracks and of the items in their areas (10).

// gridItem is an item being laid out.
type gridItem struct {
	b *box
	s *style.ComputedStyle
	// Track spans, as 0-based [start, end) indices; before placement,
	// start is -1 on an axis not yet placed, with end holding the span.
	rows, cols [2]int
	frag       *Fragment
}

// gridTrack is a track being sized.
type gridTrack struct {
	size         style.TrackSize
	base, growth float32
	growthSet    bool
	pos          float32 // of its start edge, from the content box
	flex         float32 // the fr of a flexible track, else 0
	hasFlex      bool
	autoMax      bool
	intrinsicMin bool
}

// gridLines maps line names to the (1-based) lines that have them.
type gridLines map[string][]int

// gridAxis is the explicit grid along one axis.
type gridAxis struct {
	tracks []style.TrackSize
	auto   []style.TrackSize
	names  gridLines
}

// explicitAxis expands a track list, repeating an auto-repeat as many
// times as fits in avail (when definite), and gathers its line names.
func explicitAxis(tl *style.TrackList, auto []style.TrackSize, avail float32, definite bool, gap float32) gridAxis {
	ax := gridAxis{auto: auto, names: gridLines{}}
	if len(ax.auto) == 0 {
		ax.auto = []style.TrackSize{style.AutoTrack}
	}
	if tl == nil {
		return ax
	}
	addNames := func(names []string, line int) {
		for _, n := range names {
			ax.names[n] = append(ax.names[n], line)
		}
	}
	reps := 0
	if len(tl.AutoRepeat) > 0 {
		reps = 1
		if definite {
			fixed := func(t style.TrackSize) float32 {
				b := t.Max
				if b.Kind != style.BreadthLength {
					b = t.Min
				}
				if b.Kind == style.BreadthLength {
					return max(b.Len.Resolve(avail, 0), 1)
				}
				return 0
			}
			var sum float32
			n := len(tl.Tracks)
			for _, t := range tl.Tracks {
				sum += fixed(t)
			}
			var rep float32
			ok := true
			for _, t := range tl.AutoRepeat {
				v := fixed(t)
				if v == 0 {
					ok = false
				}
				rep += v
			}
			if ok {
				for k := 2; k < 10000; k++ {
					tracks := n + k*len(tl.AutoRepeat)
					if sum+float32(k)*rep+float32(tracks-1)*gap > avail+epsilon {
						break
					}
					reps = k
				}
			}
		}
	}
	line := 1
	for i := 0; i <= len(tl.Tracks); i++ {
		if i == tl.RepeatAt && reps > 0 {
			for r := 0; r < reps; r++ {
				for j, t := range tl.AutoRepeat {
					addNames(tl.AutoRepeatNames[j], line)
					ax.tracks = append(ax.tracks, t)
					line++
				}
				if r < reps-1 {
					addNames(tl.AutoRepeatNames[len(tl.AutoRepeat)], line)
				}
			}
			// The names after the repeat join those of the next line.
			addNames(tl.AutoRepeatNames[len(tl.AutoRepeat)], line)
		}
		if i < len(tl.Names) {
			addNames(tl.Names[i], line)
		}
		if i < len(tl.Tracks) {
			ax.tracks = append(ax.tracks, tl.Tracks[i])
			line++
		}
	}
	return ax
}

// resolveLine finds the line a grid-*-start or -end names, 1-based, or 0
// when it is auto or a span.
func (ax *gridAxis) resolveLine(g style.GridLine, explicit int, side string, areas map[string]bool) int {
	if g.Auto || g.Span > 0 {
		return 0
	}
	if g.Name == "" {
		if g.Line < 0 {
			return explicit + 2 + g.Line
		}
		return g.Line
	}
	lines := ax.names[g.Name]
	if g.Line == 0 {
		if ls := ax.names[g.Name+"-"+side]; len(ls) > 0 && areas[g.Name] {
			return ls[0]
		}
		if ls := ax.names[g.Name+"-"+side]; len(ls) > 0 {
			return ls[0]
		}
		if len(lines) > 0 {
			return lines[0]
		}
		// No such line: all implicit lines are taken to have the name.
		return explicit + 2
	}
	n := g.Line
	if n > 0 {
		if n <= len(lines) {
			return lines[n-1]
		}
		return explicit + 1 + n - len(lines)
	}
	if -n <= len(lines) {
		return lines[len(lines)+n]
	}
	return 1 - (-n - len(lines))
}

// gridder holds the state of laying out one grid container.
type gridder struct {
	l       *layouter
	b       *box
	s       *style.ComputedStyle
	g       *style.GridContainer
	w, h    float32
	hDef    bool
	colGap  float32
	rowGap  float32
	cols    gridAxis
	rows    gridAxis
	items   []*gridItem
	nRows   int
	nCols   int
	colTrks []gridTrack
	rowTrks []gridTrack
}

// newGridder resolves the explicit grid and places the items.
func (l *layouter) newGridder(b *box, w, h float32, wDef, hDef bool) *gridder {
	s := b.style
	gd := &gridder{l: l, b: b, s: s, g: s.GridStyle(), w: w, h: h, hDef: hDef}
	gd.colGap = max(s.ColumnGap.Resolve(w, 0), 0)
	if hDef || !s.RowGap.HasPercent() {
		gd.rowGap = max(s.RowGap.Resolve(h, 0), 0)
	}
	gd.cols = explicitAxis(gd.g.Columns, gd.g.AutoColumns, w, wDef, gd.colGap)
	gd.rows = explicitAxis(gd.g.Rows, gd.g.AutoRows, h, hDef, gd.rowGap)
	areas := map[string]bool{}
	if a := gd.g.Areas; a != nil {
		for name, r := range a.Areas {
			areas[name] = true
			gd.rows.names[name+"-start"] = append(gd.rows.names[name+"-start"], r[0])
			gd.rows.names[name+"-end"] = append(gd.rows.names[name+"-end"], r[2])
			gd.cols.names[name+"-start"] = append(gd.cols.names[name+"-start"], r[1])
			gd.cols.names[name+"-end"] = append(gd.cols.names[name+"-end"], r[3])
		}
		for _, ls := range []gridLines{gd.rows.names, gd.cols.names} {
			for k := range ls {
				slices.Sort(ls[k])
			}
		}
		for len(gd.rows.tracks) < a.Rows {
			gd.rows.tracks = append(gd.rows.tracks, gd.rows.auto[(len(gd.rows.tracks))%len(gd.rows.auto)])
		}
		for len(gd.cols.tracks) < a.Cols {
			gd.cols.tracks = append(gd.cols.tracks, gd.cols.auto[(len(gd.cols.tracks))%len(gd.cols.auto)])
		}
	}
	gd.place(areas)
	return gd
}

// span resolves one axis of an item's placement into [start, end) track
// indices, start -1 when it is to be auto-placed (end then the span).
func span(ax *gridAxis, start, end style.GridLine, explicit int, areas map[string]bool) [2]int {
	s := ax.resolveLine(start, explicit, "start", areas)
	e := ax.resolveLine(end, explicit, "end", areas)
	switch {
	case s != 0 && e != 0:
		if e < s {
			s, e = e, s
		}
		if e == s {
			e = s + 1
		}
		return [2]int{s - 1, e - 1}
	case s != 0:
		n := max(end.Span, 1)
		if end.Span == 0 && end.Name != "" && !end.Auto {
			n = 1
		}
		return [2]int{s - 1, s - 1 + n}
	case e != 0:
		n := max(start.Span, 1)
		return [2]int{e - 1 - n, e - 1}
	}
	n := 1
	if start.Span > 0 {
		n = start.Span
	} else if end.Span > 0 {
		n = end.Span
	}
	return [2]int{-1, n}
}

// place resolves every item's area (8.5).
func (gd *gridder) place(areas map[string]bool) {
	for _, c := range gd.b.children {
		gd.items = append(gd.items, &gridItem{b: c, s: c.style})
	}
	slices.SortStableFunc(gd.items, func(a, b *gridItem) int {
		switch {
		case a.s.Order < b.s.Order:
			return -1
		case a.s.Order > b.s.Order:
			return 1
		}
		return 0
	})
	ec, er := len(gd.cols.tracks), len(gd.rows.tracks)
	minR, minC := 0, 0
	for _, it := range gd.items {
		p := it.s.Placement()
		it.rows = span(&gd.rows, p[0], p[2], er, areas)
		it.cols = span(&gd.cols, p[1], p[3], ec, areas)
		if it.rows[0] >= 0 || it.rows[0] < -1 {
			minR = min(minR, it.rows[0])
		}
		if it.cols[0] >= 0 || it.cols[0] < -1 {
			minC = min(minC, it.cols[0])
		}
	}
	// Implicit tracks before the explicit grid: shift everything so
	// that indices start at 0. (Auto-placed items keep -1 meanwhile.)
	shift := func(sp *[2]int, by int) {
		if sp[0] == -1 && by != 0 {
			return
		}
		sp[0] += by
		sp[1] += by
	}
	for _, it := range gd.items {
		if it.rows[0] != -1 {
			shift(&it.rows, -minR)
		}
		if it.cols[0] != -1 {
			shift(&it.cols, -minC)
		}
	}
	gd.nRows, gd.nCols = er-minR, ec-minC
	// Lay the explicit grid's own tracks after the implicit ones before.
	prepend := func(ax *gridAxis, n int) {
		if n <= 0 {
			return
		}
		pre := make([]style.TrackSize, n)
		for i := range pre {
			k := (len(ax.auto) - (n-i)%len(ax.auto)) % len(ax.auto)
			pre[i] = ax.auto[k]
		}
		ax.tracks = append(pre, ax.tracks...)
	}
	prepend(&gd.rows, -minR)
	prepend(&gd.cols, -minC)

	column := gd.g.AutoFlowColumn
	// major is the axis auto-placement moves along within a line (the
	// columns for row flow), minor the axis whose lines it fills.
	major := func(it *gridItem) *[2]int {
		if column {
			return &it.rows
		}
		return &it.cols
	}
	minor := func(it *gridItem) *[2]int {
		if column {
			return &it.cols
		}
		return &it.rows
	}
	nMajor := func() *int {
		if column {
			return &gd.nRows
		}
		return &gd.nCols
	}
	nMinor := func() *int {
		if column {
			return &gd.nCols
		}
		return &gd.nRows
	}
	for _, it := range gd.items {
		if it.rows[0] >= 0 {
			gd.nRows = max(gd.nRows, it.rows[1])
		} else {
			// An auto-placed span may need more tracks than there are.
			if !column {
				gd.nCols = max(gd.nCols, 0)
			}
		}
		if it.cols[0] >= 0 {
			gd.nCols = max(gd.nCols, it.cols[1])
		}
		if mj := major(it); mj[0] < 0 {
			*nMajor() = max(*nMajor(), mj[1])
		}
	}
	occupied := map[[2]int]bool{} // [minor, major]
	mark := func(it *gridItem) {
		mi, mj := minor(it), major(it)
		for a := mi[0]; a < mi[1]; a++ {
			for b := mj[0]; b < mj[1]; b++ {
				occupied[[2]int{a, b}] = true
			}
		}
	}
	free := func(miStart, miLen, mjStart, mjLen int) bool {
		for a := miStart; a < miStart+miLen; a++ {
			for b := mjStart; b < mjStart+mjLen; b++ {
				if occupied[[2]int{a, b}] {
					return false
				}
			}
		}
		return true
	}
	for _, it := range gd.items {
		if it.rows[0] >= 0 && it.cols[0] >= 0 {
			mark(it)
		}
	}
	// Items locked to a line of the minor axis.
	cursors := map[int]int{}
	for _, it := range gd.items {
		mi, mj := minor(it), major(it)
		if mi[0] < 0 || mj[0] >= 0 {
			continue
		}
		n := mj[1]
		start := 0
		if !gd.g.Dense {
			start = cursors[mi[0]]
		}
		for b := start; ; b++ {
			if free(mi[0], mi[1]-mi[0], b, n) {
				mj[0], mj[1] = b, b+n
				break
			}
		}
		cursors[mi[0]] = mj[1]
		*nMajor() = max(*nMajor(), mj[1])
		mark(it)
	}
	// The rest, with a cursor.
	curMi, curMj := 0, 0
	for _, it := range gd.items {
		mi, mj := minor(it), major(it)
		if mi[0] >= 0 {
			continue
		}
		if gd.g.Dense {
			curMi, curMj = 0, 0
		}
		miLen := mi[1]
		if mj[0] >= 0 {
			// A definite position on the major axis.
			if !gd.g.Dense && mj[0] < curMj {
				curMi++
			}
			for !free(curMi, miLen, mj[0], mj[1]-mj[0]) {
				curMi++
			}
			mi[0], mi[1] = curMi, curMi+miLen
			curMj = mj[0]
		} else {
			n := mj[1]
			for {
				if curMj+n > *nMajor() {
					curMi++
					curMj = 0
					continue
				}
				if free(curMi, miLen, curMj, n) {
					break
				}
				curMj++
			}
			mj[0], mj[1] = curMj, curMj+n
			mi[0], mi[1] = curMi, curMi+miLen
			curMj += n
		}
		*nMinor() = max(*nMinor(), mi[1])
		mark(it)
	}
	for _, it := range gd.items {
		gd.nRows = max(gd.nRows, it.rows[1])
		gd.nCols = max(gd.nCols, it.cols[1])
	}
	gd.colTrks = tracksOf(&gd.cols, gd.nCols, -minC)
	gd.rowTrks = tracksOf(&gd.rows, gd.nRows, -minR)
}

// tracksOf makes n tracks: the axis's (implicit ones before included),
// then implicit ones after, sized by grid-auto-*.
func tracksOf(ax *gridAxis, n, before int) []gridTrack {
	out := make([]gridTrack, n)
	explicitEnd := len(ax.tracks)
	for i := range out {
		var sz style.TrackSize
		if i < explicitEnd {
			sz = ax.tracks[i]
		} else {
			sz = ax.auto[(i-explicitEnd)%len(ax.auto)]
		}
		out[i] = gridTrack{size: sz}
	}
	return out
}

// contribution gives an item's outer min-content and max-content sizes
// along an axis.
type contribution func(it *gridItem) (minC, maxC float32)

// sizeTracks runs the track sizing algorithm (11.4-11.8) on tracks, for
// the items spanning them (spans picks an item's span on this axis).
// avail is the space to fill, when definite.
func sizeTracks(tracks []gridTrack, items []*gridItem, spans func(*gridItem) [2]int, contrib contribution,
	avail float32, definite bool, gap float32, distribution style.Align) {
	// Initialize (11.4).
	for i := range tracks {
		t := &tracks[i]
		t.base, t.growth, t.growthSet = 0, 0, false
		mn, mx := t.size.Min, t.size.Max
		switch mn.Kind {
		case style.BreadthLength:
			if definite || !mn.Len.HasPercent() {
				t.base = max(mn.Len.Resolve(avail, 0), 0)
			} else {
				t.intrinsicMin = true
			}
		default:
			t.intrinsicMin = true
		}
		t.hasFlex, t.flex = mx.Kind == style.BreadthFr, mx.Fr
		t.autoMax = mx.Kind == style.BreadthAuto
		switch mx.Kind {
		case style.BreadthLength:
			if definite || !mx.Len.HasPercent() {
				t.growth, t.growthSet = max(mx.Len.Resolve(avail, 0), 0), !t.size.FitContent
			} else {
				t.autoMax = true
			}
		case style.BreadthFr:
			t.growth, t.growthSet = t.base, true
		}
	}
	// Items by span, single-span first (11.5).
	type entry struct {
		it         *gridItem
		sp         [2]int
		minC, maxC float32
	}
	var entries []entry
	for _, it := range items {
		sp := spans(it)
		crossesFlex := false
		for i := sp[0]; i < sp[1]; i++ {
			if tracks[i].hasFlex {
				crossesFlex = true
			}
		}
		if crossesFlex && sp[1]-sp[0] > 1 {
			continue
		}
		mn, mx := contrib(it)
		entries = append(entries, entry{it, sp, mn, mx})
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return (a.sp[1] - a.sp[0]) - (b.sp[1] - b.sp[0]) })
	for _, e := range entries {
		n := e.sp[1] - e.sp[0]
		if n == 1 {
			t := &tracks[e.sp[0]]
			switch t.size.Min.Kind {
			case style.BreadthAuto, style.BreadthMinContent:
				t.base = max(t.base, e.minC)
			case style.BreadthMaxContent:
				t.base = max(t.base, e.maxC)
			case style.BreadthLength:
				if t.intrinsicMin {
					t.base = max(t.base, e.minC)
				}
			}
			if t.hasFlex {
				continue
			}
			var limit float32
			switch {
			case t.size.FitContent:
				limit = min(e.maxC, max(t.size.Max.Len.Resolve(avail, 0), e.minC))
			case t.size.Max.Kind == style.BreadthMinContent:
				limit = e.minC
			case t.size.Max.Kind == style.BreadthMaxContent, t.autoMax:
				limit = e.maxC
			default:
				continue
			}
			if !t.growthSet || limit > t.growth {
				t.growth, t.growthSet = max(limit, t.growth), true
			}
			continue
		}
		// Spanning items: the space they need beyond what their tracks
		// have goes to the intrinsic tracks, equally.
		var sum, sumG float32
		var intr, intrMax []int
		for i := e.sp[0]; i < e.sp[1]; i++ {
			sum += tracks[i].base
			if tracks[i].growthSet {
				sumG += tracks[i].growth
			} else {
				sumG += tracks[i].base
			}
			if tracks[i].intrinsicMin {
				intr = append(intr, i)
			}
			if !tracks[i].growthSet || tracks[i].autoMax {
				intrMax = append(intrMax, i)
			}
		}
		gaps := gap * float32(n-1)
		if extra := e.minC - gaps - sum; extra > 0 && len(intr) > 0 {
			for _, i := range intr {
				tracks[i].base += extra / float32(len(intr))
			}
		}
		if extra := e.maxC - gaps - sumG; extra > 0 && len(intrMax) > 0 {
			for _, i := range intrMax {
				t := &tracks[i]
				if !t.growthSet {
					t.growth, t.growthSet = t.base, true
				}
				t.growth += extra / float32(len(intrMax))
			}
		}
	}
	for i := range tracks {
		t := &tracks[i]
		if !t.growthSet {
			t.growth = t.base
		}
		t.growth = max(t.growth, t.base)
	}
	gaps := gap * float32(max(len(tracks)-1, 0))
	// Maximize tracks (11.6).
	if definite {
		free := avail - gaps
		for _, t := range tracks {
			free -= t.base
		}
		for free > epsilon {
			var open []int
			for i, t := range tracks {
				if t.growth > t.base+epsilon && !t.hasFlex {
					open = append(open, i)
				}
			}
			if len(open) == 0 {
				break
			}
			share := free / float32(len(open))
			for _, i := range open {
				t := &tracks[i]
				d := min(share, t.growth-t.base)
				t.base += d
				free -= d
			}
		}
	} else {
		for i := range tracks {
			if !tracks[i].hasFlex {
				tracks[i].base = tracks[i].growth
			}
		}
	}
	// Expand flexible tracks (11.7).
	var flexSum float32
	hasFlex := false
	for _, t := range tracks {
		if t.hasFlex {
			hasFlex = true
			flexSum += t.flex
		}
	}
	if hasFlex {
		var fr float32
		if definite {
			inflexible := make([]bool, len(tracks))
			for range len(tracks) + 1 {
				left := avail - gaps
				var sum float32
				for i, t := range tracks {
					if !t.hasFlex || inflexible[i] {
						left -= t.base
					} else {
						sum += t.flex
					}
				}
				fr = max(left, 0) / max(sum, 1)
				changed := false
				for i, t := range tracks {
					if t.hasFlex && !inflexible[i] && t.base > fr*t.flex {
						inflexible[i], changed = true, true
					}
				}
				if !changed {
					break
				}
			}
		} else {
			for _, t := range tracks {
				if t.hasFlex {
					if t.flex > 1 {
						fr = max(fr, t.base/t.flex)
					} else {
						fr = max(fr, t.base)
					}
				}
			}
			for _, e := range entries {
				if e.sp[1]-e.sp[0] == 1 && tracks[e.sp[0]].hasFlex {
					t := tracks[e.sp[0]]
					fr = max(fr, e.maxC/max(t.flex, 1))
				}
			}
		}
		for i := range tracks {
			t := &tracks[i]
			if t.hasFlex {
				t.base = max(t.base, fr*t.flex)
			}
		}
	}
	// Stretch auto tracks (11.8).
	if definite && (distribution.Position() == style.AlignNormal || distribution.Position() == style.AlignStretch) {
		free := avail - gaps
		n := 0
		for _, t := range tracks {
			free -= t.base
			if t.autoMax {
				n++
			}
		}
		if free > 0 && n > 0 {
			for i := range tracks {
				if tracks[i].autoMax {
					tracks[i].base += free / float32(n)
				}
			}
		}
	}
}

// distribute positions tracks, with the content distribution of
// justify-content or align-content over the free space.
func distribute(tracks []gridTrack, size, gap float32, a style.Align) {
	var used float32
	for i, t := range tracks {
		used += t.base
		if i > 0 {
			used += gap
		}
	}
	free := size - used
	n := len(tracks)
	var offset, between float32
	pos := a.Position()
	if a.IsSafe() && free < 0 {
		pos = style.AlignStart
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
		if free > 0 && n > 0 {
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
	for i := range tracks {
		tracks[i].pos = p
		p += tracks[i].base + gap + between
	}
}

// areaSize is the size of the tracks [sp[0], sp[1]) with the gaps
// between them.
func areaSize(tracks []gridTrack, sp [2]int) float32 {
	if sp[1] <= sp[0] || sp[1] > len(tracks) {
		return 0
	}
	last := tracks[sp[1]-1]
	return last.pos + last.base - tracks[sp[0]].pos
}

// widthContribution is an item's outer min- and max-content width.
func (gd *gridder) widthContribution(it *gridItem) (float32, float32) {
	return gd.l.outerIntrinsic(it.b)
}

// gridContent lays out the items of grid container b, whose content box
// is w wide and, if hFixed, h tall, and puts their fragments in f.
func (l *layouter) gridContent(b *box, f *Fragment, w, h float32, hFixed bool, cb containingBlock, contentTop float32) flow {
	s := b.style
	vert := f.Border[top] + f.Padding[top] + f.Padding[bottom] + f.Border[bottom]
	if hFixed {
		h = usedHeight(s, h, cb, vert)
	}
	gd := l.newGridder(b, w, h, true, hFixed)
	sizeTracks(gd.colTrks, gd.items, func(it *gridItem) [2]int { return it.cols }, gd.widthContribution,
		w, true, gd.colGap, s.JustifyContent)
	distribute(gd.colTrks, w, gd.colGap, s.JustifyContent)

	// Rows: items are laid out at their area's width to find their
	// heights.
	itemCB := func(it *gridItem) containingBlock {
		return containingBlock{w: areaSize(gd.colTrks, it.cols), h: h, hDefinite: false}
	}
	heights := func(it *gridItem) (float32, float32) {
		fr := gd.layoutItem(it, itemCB(it), 0, false)
		outer := fr.Margin[top] + fr.H + fr.Margin[bottom]
		return outer, outer
	}
	sizeTracks(gd.rowTrks, gd.items, func(it *gridItem) [2]int { return it.rows }, heights,
		h, hFixed, gd.rowGap, s.AlignContent)
	var contentH float32
	for i, t := range gd.rowTrks {
		contentH += t.base
		if i > 0 {
			contentH += gd.rowGap
		}
	}
	if !hFixed {
		contentH = usedHeight(s, contentH, cb, vert)
	} else {
		contentH = h
	}
	distribute(gd.rowTrks, contentH, gd.rowGap, s.AlignContent)

	// Place the items in their areas.
	x0 := f.Border[left] + f.Padding[left]
	f.Children = make([]*Fragment, 0, len(gd.items))
	var first *gridItem
	for _, it := range gd.items {
		areaW := areaSize(gd.colTrks, it.cols)
		areaH := areaSize(gd.rowTrks, it.rows)
		cbi := containingBlock{w: areaW, h: areaH, hDefinite: true}
		fr := gd.alignItem(it, cbi)
		fr.X += x0 + gd.colTrks[it.cols[0]].pos
		fr.Y += contentTop + gd.rowTrks[it.rows[0]].pos
		f.Children = append(f.Children, fr)
		if first == nil || it.rows[0] < first.rows[0] || it.rows[0] == first.rows[0] && it.cols[0] < first.cols[0] {
			first = it
		}
	}
	if first != nil {
		f.base, f.hasBase = first.frag.Y+itemBaseline(first.frag), true
	}
	if !hFixed {
		// A grid's auto height is its rows'; usedHeight clamped it.
		return flow{end: contentTop + contentH, resolved: true, first: contentTop}
	}
	return flow{end: contentTop + h, resolved: true, first: contentTop}
}

// alignItem sizes an item in its area and places it there (relative to
// the area's top-left corner): justify-self and align-self, with auto
// margins, stretch by default.
func (gd *gridder) alignItem(it *gridItem, area containingBlock) *Fragment {
	s := it.s
	e := resolveEdges(s, area.w)
	hz, vert := e.horizontal(), e.vertical()
	autoT, autoB := s.Margin[top].IsAuto(), s.Margin[bottom].IsAuto()
	js := s.JustifySelf
	if js.Position() == style.AlignAuto {
		js = gd.s.JustifyItems
	}
	as := s.AlignSelf
	if as.Position() == style.AlignAuto {
		as = gd.s.AlignItems
	}
	replaced := it.b.kind == boxImage
	// Width.
	availW := area.w - e.margin[left] - e.margin[right]
	w, fixedW := contentSize(s.Width, area.w, true, s, hz)
	if !fixedW {
		stretch := (js.Position() == style.AlignNormal && !replaced || js.Position() == style.AlignStretch) && !e.autoLeft && !e.autoRight
		if replaced {
			w, _ = gd.l.replacedSize(it.b, area)
		} else if stretch {
			w = availW - hz
		} else {
			minW, maxW := gd.l.intrinsic(it.b)
			w = min(max(minW, availW-hz), maxW)
		}
	}
	if mx, ok := contentSize(s.MaxWidth, area.w, true, s, hz); ok {
		w = min(w, mx)
	}
	if mn, ok := contentSize(s.MinWidth, area.w, true, s, hz); ok {
		w = max(w, mn)
	}
	w = max(w, 0)
	// Height.
	_, fixedH := contentSize(s.Height, area.h, true, s, vert)
	stretchH := !fixedH && (as.Position() == style.AlignNormal && !replaced || as.Position() == style.AlignStretch) && !autoT && !autoB
	var fr *Fragment
	if stretchH {
		hh := area.h - e.margin[top] - e.margin[bottom] - vert
		if mx, ok := contentSize(s.MaxHeight, area.h, true, s, vert); ok {
			hh = min(hh, mx)
		}
		if mn, ok := contentSize(s.MinHeight, area.h, true, s, vert); ok {
			hh = max(hh, mn)
		}
		fr = gd.layoutItemW(it, area, w, max(hh, 0), true)
	} else {
		fr = gd.layoutItemW(it, area, w, 0, false)
	}
	// Horizontal position.
	outerW := e.margin[left] + fr.W + e.margin[right]
	free := area.w - outerW
	x := e.margin[left]
	switch {
	case e.autoLeft && e.autoRight:
		x += max(free, 0) / 2
	case e.autoLeft:
		x += max(free, 0)
	case e.autoRight:
	default:
		switch js.Position() {
		case style.AlignEnd, style.AlignFlexEnd:
			x += free
		case style.AlignCenterBox:
			x += free / 2
		}
		if js.IsSafe() && free < 0 {
			x = e.margin[left]
		}
	}
	outerH := e.margin[top] + fr.H + e.margin[bottom]
	freeH := area.h - outerH
	y := e.margin[top]
	switch {
	case autoT && autoB:
		y += max(freeH, 0) / 2
	case autoT:
		y += max(freeH, 0)
	case autoB:
	default:
		switch as.Position() {
		case style.AlignEnd, style.AlignFlexEnd:
			y += freeH
		case style.AlignCenterBox:
			y += freeH / 2
		}
		if as.IsSafe() && freeH < 0 {
			y = e.margin[top]
		}
	}
	fr.X, fr.Y = x, y
	return fr
}

// layoutItem lays out an item in area at its own width (stretched to the
// area when auto), for measuring its height.
func (gd *gridder) layoutItem(it *gridItem, area containingBlock, h float32, hSet bool) *Fragment {
	s := it.s
	e := resolveEdges(s, area.w)
	hz := e.horizontal()
	w, ok := contentSize(s.Width, area.w, true, s, hz)
	if !ok {
		if it.b.kind == boxImage {
			w, _ = gd.l.replacedSize(it.b, area)
		} else {
			w = area.w - e.margin[left] - e.margin[right] - hz
		}
	}
	return gd.layoutItemW(it, area, max(w, 0), h, hSet)
}

// layoutItemW lays out an item with content width w (and content height
// h when hSet).
func (gd *gridder) layoutItemW(it *gridItem, area containingBlock, w, h float32, hSet bool) *Fragment {
	l := gd.l
	b := it.b
	e := resolveEdges(b.style, area.w)
	var f *Fragment
	if b.kind == boxImage {
		if !hSet {
			_, h = l.replacedSize(b, area)
		}
		f = l.alloc(Fragment{Kind: KindImage, Node: b.node, Style: b.style, Image: b.img,
			Margin: e.margin, Border: e.border, Padding: e.padding,
			W: w + e.horizontal(), H: h + e.vertical()})
	} else {
		kind, node := KindBlock, b.node
		if b.kind == boxAnonBlock {
			kind, node = KindAnonymousBlock, nil
		}
		f = l.alloc(Fragment{Kind: kind, Node: node, Style: b.style,
			Margin: e.margin, Border: e.border, Padding: e.padding, W: w + e.horizontal()})
		b.forceH, b.hasForceH = h, hSet
		l.contents(b, f, w, area, collapse{}, true, space{})
		b.hasForceH = false
	}
	f.Margin = e.margin
	f.X, f.Y = 0, 0
	f.Atomic = true
	it.frag = f
	return f
}

// gridIntrinsic returns the min- and max-content widths of grid container
// b's content box: the sums of its columns sized under those
// constraints.
func (l *layouter) gridIntrinsic(b *box) (minW, maxW float32) {
	gd := l.newGridder(b, 0, 0, false, false)
	sum := func(contrib contribution) float32 {
		tracks := slices.Clone(gd.colTrks)
		sizeTracks(tracks, gd.items, func(it *gridItem) [2]int { return it.cols }, contrib, 0, false, gd.colGap, style.AlignStart)
		var s float32
		for i, t := range tracks {
			s += t.base
			if i > 0 {
				s += gd.colGap
			}
		}
		return s
	}
	minW = sum(func(it *gridItem) (float32, float32) {
		mn, _ := l.outerIntrinsic(it.b)
		return mn, mn
	})
	maxW = sum(gd.widthContribution)
	return minW, max(maxW, minW)
}

package style

import (
	"math"
	"strings"

	"glassbox/engine/css"
)

// This file parses and computes the grid properties (CSS Grid Layout 1).

// BreadthKind says how a TrackBreadth is read.
type BreadthKind uint8

// Track breadth kinds.
const (
	BreadthAuto BreadthKind = iota
	BreadthLength
	BreadthFr
	BreadthMinContent
	BreadthMaxContent
)

// TrackBreadth is one bound of a track size.
type TrackBreadth struct {
	Kind BreadthKind
	Len  Length  // BreadthLength: px, percent or calc
	Fr   float32 // BreadthFr
}

// TrackSize is the computed size of a track: minmax(Min, Max). A plain
// size s is minmax(s, s), except that a flexible one is minmax(auto, s).
// FitContent marks fit-content(Max.Len).
type TrackSize struct {
	Min, Max   TrackBreadth
	FitContent bool
}

// AutoTrack is the track size auto.
var AutoTrack = TrackSize{}

// TrackList is a computed grid-template-columns or -rows: the tracks,
// with the line names before each track and after the last
// (len(Names) == len(Tracks)+1), and at most one auto-repeated list
// (repeat(auto-fill | auto-fit, ...)) inserted before track RepeatAt.
type TrackList struct {
	Tracks []TrackSize
	Names  [][]string

	AutoRepeat      []TrackSize
	AutoRepeatNames [][]string // len(AutoRepeat)+1
	RepeatAt        int
	AutoFit         bool
}

// GridAreas is a computed grid-template-areas: the named areas as line
// numbers (1-based) [row-start, column-start, row-end, column-end].
type GridAreas struct {
	Rows, Cols int
	Areas      map[string][4]int
}

// GridLine is a computed grid-row-start and the like: auto, a line
// number (negative from the end), a named line (the Nth of that name), or
// a span.
type GridLine struct {
	Auto bool
	Span int    // > 0 for span
	Line int    // the line number, or which of the lines named Name
	Name string // a line name, or an area's
}

// AutoLine is the grid line auto.
var AutoLine = GridLine{Auto: true}

// GridContainer holds the grid container properties; nil in a
// ComputedStyle means all are initial.
type GridContainer struct {
	Columns, Rows         *TrackList // nil: none
	Areas                 *GridAreas // nil: none
	AutoColumns, AutoRows []TrackSize
	AutoFlowColumn, Dense bool
}

// GridPlacement holds a grid item's placement: row-start, column-start,
// row-end, column-end, the order of grid-area.
type GridPlacement [4]GridLine

var initialPlacement = GridPlacement{AutoLine, AutoLine, AutoLine, AutoLine}

// GridStyle returns the grid container properties, initial ones when
// none are set.
func (s *ComputedStyle) GridStyle() *GridContainer {
	if s.Grid == nil {
		return &initialGrid
	}
	return s.Grid
}

// Placement returns the grid item placement properties.
func (s *ComputedStyle) Placement() GridPlacement {
	if s.GridItem == nil {
		return initialPlacement
	}
	return *s.GridItem
}

var initialGrid = GridContainer{AutoColumns: []TrackSize{AutoTrack}, AutoRows: []TrackSize{AutoTrack}}

// Specified forms, with lengths still to compute.

type breadthSpec struct {
	kind BreadthKind
	len  *value
	fr   float32
}

type trackSpec struct {
	min, max breadthSpec
	fit      bool
}

type trackListSpec struct {
	tracks     []trackSpec
	names      [][]string
	auto       []trackSpec
	autoNames  [][]string
	repeatAt   int
	autoFit    bool
	hasAutoRep bool
	none       bool
}

type autoFlowSpec struct{ column, dense bool }

func gridShorthand(name string) bool {
	switch name {
	case "grid-row", "grid-column", "grid-area", "grid-template", "grid":
		return true
	}
	return false
}

// parseBreadth reads a track breadth; flex allows fr.
func parseBreadth(t css.Token, flex bool) (breadthSpec, bool) {
	switch {
	case t.IsIdent("auto"):
		return breadthSpec{kind: BreadthAuto}, true
	case t.IsIdent("min-content"):
		return breadthSpec{kind: BreadthMinContent}, true
	case t.IsIdent("max-content"):
		return breadthSpec{kind: BreadthMaxContent}, true
	case t.Type == css.DimensionToken && strings.EqualFold(t.Unit, "fr"):
		if !flex || t.Num < 0 || math.IsInf(t.Num, 0) {
			return breadthSpec{}, false
		}
		return breadthSpec{kind: BreadthFr, fr: float32(t.Num)}, true
	}
	if v := parseLength(t, allowPercent); v != nil {
		return breadthSpec{kind: BreadthLength, len: v}, true
	}
	return breadthSpec{}, false
}

// parseTrackSize reads <track-size>.
func parseTrackSize(t css.Token) (trackSpec, bool) {
	if t.Type == css.FunctionToken {
		args := splitCommas(t.Children)
		switch strings.ToLower(t.Value) {
		case "minmax":
			if len(args) != 2 {
				return trackSpec{}, false
			}
			a, ok1 := oneToken(args[0])
			b, ok2 := oneToken(args[1])
			if !ok1 || !ok2 {
				return trackSpec{}, false
			}
			mn, ok1 := parseBreadth(a, false)
			mx, ok2 := parseBreadth(b, true)
			if !ok1 || !ok2 {
				return trackSpec{}, false
			}
			return trackSpec{min: mn, max: mx}, true
		case "fit-content":
			a, ok := oneToken(t.Children)
			if !ok {
				return trackSpec{}, false
			}
			v := parseLength(a, allowPercent)
			if v == nil {
				return trackSpec{}, false
			}
			return trackSpec{min: breadthSpec{kind: BreadthAuto}, max: breadthSpec{kind: BreadthLength, len: v}, fit: true}, true
		}
		if isMathFunction(t) {
			b, ok := parseBreadth(t, false)
			return trackSpec{min: b, max: b}, ok
		}
		return trackSpec{}, false
	}
	b, ok := parseBreadth(t, true)
	if !ok {
		return trackSpec{}, false
	}
	if b.kind == BreadthFr {
		return trackSpec{min: breadthSpec{kind: BreadthAuto}, max: b}, true
	}
	return trackSpec{min: b, max: b}, true
}

// oneToken returns the single non-white-space token of ts.
func oneToken(ts []css.Token) (css.Token, bool) {
	return one(trim(ts))
}

// lineNames reads [name ...].
func lineNames(t css.Token) ([]string, bool) {
	if t.Type != css.BlockToken || t.Value != "[" {
		return nil, false
	}
	var names []string
	for _, c := range t.Children {
		switch {
		case c.Type == css.WhitespaceToken:
		case c.Type == css.IdentToken && !c.IsIdent("span") && !c.IsIdent("auto"):
			names = append(names, c.Value)
		default:
			return nil, false
		}
	}
	return names, true
}

// parseTrackList reads none | <track-list> | <auto-track-list>.
func parseTrackList(val []css.Token) *trackListSpec {
	var ts []css.Token
	for _, t := range val {
		if t.Type != css.WhitespaceToken {
			ts = append(ts, t)
		}
	}
	if len(ts) == 1 && ts[0].IsIdent("none") {
		return &trackListSpec{none: true}
	}
	l := &trackListSpec{}
	pending := []string{}
	addTrack := func(tr trackSpec) {
		l.names = append(l.names, pending)
		l.tracks = append(l.tracks, tr)
		pending = []string{}
	}
	for _, t := range ts {
		if names, ok := lineNames(t); ok {
			pending = append(pending, names...)
			continue
		}
		if t.Type == css.FunctionToken && strings.EqualFold(t.Value, "repeat") {
			args := splitCommas(t.Children)
			if len(args) != 2 {
				return nil
			}
			n, ok := oneToken(args[0])
			if !ok {
				return nil
			}
			var inner []css.Token
			for _, c := range args[1] {
				if c.Type != css.WhitespaceToken {
					inner = append(inner, c)
				}
			}
			var tracks []trackSpec
			var names [][]string
			cur := []string{}
			for _, c := range inner {
				if nm, ok := lineNames(c); ok {
					cur = append(cur, nm...)
					continue
				}
				tr, ok := parseTrackSize(c)
				if !ok {
					return nil
				}
				names = append(names, cur)
				tracks = append(tracks, tr)
				cur = []string{}
			}
			names = append(names, cur)
			if len(tracks) == 0 {
				return nil
			}
			switch {
			case n.IsIdent("auto-fill"), n.IsIdent("auto-fit"):
				if l.hasAutoRep {
					return nil
				}
				l.hasAutoRep, l.autoFit = true, n.IsIdent("auto-fit")
				l.repeatAt = len(l.tracks)
				l.auto, l.autoNames = tracks, names
				// The names before the repeat join the repeat's first.
				l.autoNames[0] = append(append([]string{}, pending...), l.autoNames[0]...)
				pending = []string{}
			case n.Type == css.NumberToken && n.Int && n.Num >= 1:
				count := int(min(n.Num, 10000))
				for i := 0; i < count; i++ {
					for j, tr := range tracks {
						pending = append(pending, names[j]...)
						addTrack(tr)
					}
					pending = append(pending, names[len(tracks)]...)
				}
			default:
				return nil
			}
			continue
		}
		tr, ok := parseTrackSize(t)
		if !ok {
			return nil
		}
		addTrack(tr)
	}
	if len(l.tracks) == 0 && !l.hasAutoRep {
		return nil
	}
	l.names = append(l.names, pending)
	return l
}

// parseAreas reads grid-template-areas: none | <string>+.
func parseAreas(val []css.Token) (*GridAreas, bool) {
	var rows [][]string
	for _, t := range val {
		switch {
		case t.Type == css.WhitespaceToken:
		case t.IsIdent("none") && len(val) == 1:
			return nil, true
		case t.Type == css.StringToken:
			row, ok := areaRow(t.Value)
			if !ok {
				return nil, false
			}
			rows = append(rows, row)
		default:
			return nil, false
		}
	}
	if len(rows) == 0 {
		return nil, false
	}
	cols := len(rows[0])
	a := &GridAreas{Rows: len(rows), Cols: cols, Areas: map[string][4]int{}}
	for r, row := range rows {
		if len(row) != cols || cols == 0 {
			return nil, false
		}
		for c, name := range row {
			if name == "." {
				continue
			}
			ar, seen := a.Areas[name]
			if !seen {
				// The first cell: the area runs right and down from here.
				c1 := c
				for c1 < cols && row[c1] == name {
					c1++
				}
				r1 := r
				for r1 < len(rows) && rows[r1][c] == name {
					r1++
				}
				a.Areas[name] = [4]int{r + 1, c + 1, r1 + 1, c1 + 1}
				continue
			}
			// Every cell must lie in that rectangle.
			if r+1 < ar[0] || r+1 >= ar[2] || c+1 < ar[1] || c+1 >= ar[3] {
				return nil, false
			}
		}
	}
	// The rectangles must be filled.
	for name, ar := range a.Areas {
		for r := ar[0] - 1; r < ar[2]-1; r++ {
			for c := ar[1] - 1; c < ar[3]-1; c++ {
				if rows[r][c] != name {
					return nil, false
				}
			}
		}
	}
	return a, true
}

// areaRow splits a grid-template-areas string into cell tokens: names,
// and "." for runs of full stops.
func areaRow(s string) ([]string, bool) {
	var out []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '.':
			for i < len(s) && s[i] == '.' {
				i++
			}
			out = append(out, ".")
		case c == '-' || c == '_' || c >= 0x80 || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z':
			j := i
			for j < len(s) && (s[j] == '-' || s[j] == '_' || s[j] >= 0x80 || s[j] >= '0' && s[j] <= '9' || s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
				j++
			}
			out = append(out, s[i:j])
			i = j
		default:
			return nil, false
		}
	}
	return out, true
}

// parseGridLine reads auto | <custom-ident> | [<integer> && <custom-ident>?] |
// [span && [<integer> || <custom-ident>]].
func parseGridLine(words [][]css.Token) (GridLine, bool) {
	var g GridLine
	span, num, name := false, false, false
	for _, w := range words {
		t, ok := one(w)
		if !ok {
			return GridLine{}, false
		}
		switch {
		case t.IsIdent("auto") && len(words) == 1:
			return AutoLine, true
		case t.IsIdent("span") && !span:
			span = true
		case t.Type == css.NumberToken && t.Int && t.Num != 0 && !num:
			num = true
			g.Line = int(max(min(t.Num, 10000), -10000))
		case t.Type == css.IdentToken && !name && !t.IsIdent("span") && !t.IsIdent("auto"):
			name = true
			g.Name = t.Value
		default:
			return GridLine{}, false
		}
	}
	if !num && !name {
		return GridLine{}, false
	}
	if span {
		if g.Line < 0 {
			return GridLine{}, false
		}
		g.Span = max(g.Line, 1)
		g.Line = 0
	}
	return g, true
}

// parseGridLonghand parses the grid longhands.
func parseGridLonghand(p propID, val []css.Token, words [][]css.Token) *value {
	switch p {
	case propGridTemplateColumns, propGridTemplateRows:
		if l := parseTrackList(val); l != nil {
			return &value{kind: kKeyword, grid: l}
		}
	case propGridTemplateAreas:
		if a, ok := parseAreas(val); ok {
			return &value{kind: kKeyword, grid: a}
		}
	case propGridAutoColumns, propGridAutoRows:
		var tracks []trackSpec
		for _, w := range words {
			t, ok := one(w)
			if !ok {
				return nil
			}
			tr, ok := parseTrackSize(t)
			if !ok {
				return nil
			}
			tracks = append(tracks, tr)
		}
		if len(tracks) > 0 {
			return &value{kind: kKeyword, grid: tracks}
		}
	case propGridAutoFlow:
		var f autoFlowSpec
		row, col := false, false
		for _, w := range words {
			t, ok := one(w)
			if !ok {
				return nil
			}
			switch {
			case t.IsIdent("row") && !row && !col:
				row = true
			case t.IsIdent("column") && !row && !col:
				col, f.column = true, true
			case t.IsIdent("dense") && !f.dense:
				f.dense = true
			default:
				return nil
			}
		}
		if len(words) > 0 {
			return &value{kind: kKeyword, grid: f}
		}
	case propGridRowStart, propGridRowEnd, propGridColumnStart, propGridColumnEnd:
		if g, ok := parseGridLine(words); ok {
			return &value{kind: kKeyword, grid: g}
		}
	case propJustifyItems:
		ws := words
		if len(ws) == 2 {
			if t, _ := one(ws[0]); t.IsIdent("legacy") {
				ws = ws[1:]
			} else if t, _ := one(ws[1]); t.IsIdent("legacy") {
				ws = ws[:1]
			}
		}
		if len(ws) == 1 {
			if t, _ := one(ws[0]); t.IsIdent("legacy") {
				return &value{kind: kKeyword, key: int(AlignNormal)}
			}
		}
		v := parseAlign(ws, alignsSelf|alignsJustify)
		if v != nil && Align(v.key).Position() == AlignAuto {
			return nil
		}
		return v
	case propJustifySelf:
		return parseAlign(words, alignsSelf|alignsJustify)
	}
	return nil
}

// expandGrid expands the grid shorthands.
func expandGrid(out []specDecl, name string, val []css.Token, important bool) []specDecl {
	add := func(p propID, v *value) { out = append(out, specDecl{prop: p, important: important, val: v}) }
	// Split at top-level slashes.
	var parts [][]css.Token
	start := 0
	for i, t := range val {
		if t.IsDelim('/') {
			parts = append(parts, trim(val[start:i]))
			start = i + 1
		}
	}
	parts = append(parts, trim(val[start:]))
	switch name {
	case "grid-row", "grid-column", "grid-area":
		ps := shorthands[name]
		if len(parts) > len(ps) {
			return out
		}
		lines := make([]GridLine, len(ps))
		for i, part := range parts {
			g, ok := parseGridLine(split(part))
			if !ok {
				return out
			}
			lines[i] = g
		}
		// Omitted values copy a custom-ident, or are auto (CSS Grid 1,
		// 8.4).
		copyOf := func(g GridLine) GridLine {
			if g.Name != "" && g.Span == 0 && g.Line == 0 {
				return g
			}
			return AutoLine
		}
		for i := len(parts); i < len(ps); i++ {
			switch {
			case name == "grid-area" && i == 3:
				lines[3] = copyOf(lines[1])
			case name == "grid-area" && i == 2:
				lines[2] = copyOf(lines[0])
			case name == "grid-area" && i == 1:
				lines[1] = copyOf(lines[0])
			default:
				lines[i] = copyOf(lines[0])
			}
		}
		for i, p := range ps {
			add(p, &value{kind: kKeyword, grid: lines[i]})
		}
	case "grid-template", "grid":
		if len(parts) == 1 && len(parts[0]) == 1 && parts[0][0].IsIdent("none") {
			none := &value{kind: kKeyword, grid: &trackListSpec{none: true}}
			add(propGridTemplateRows, none)
			add(propGridTemplateColumns, none)
			add(propGridTemplateAreas, &value{kind: kKeyword, grid: (*GridAreas)(nil)})
			return out
		}
		if len(parts) != 2 {
			return out
		}
		// The areas form: strings with optional row sizes between them.
		var rows []css.Token
		var areaToks []css.Token
		for _, t := range parts[0] {
			if t.Type == css.StringToken {
				areaToks = append(areaToks, t)
				continue
			}
			rows = append(rows, t)
		}
		cols := parseTrackList(parts[1])
		if cols == nil {
			return out
		}
		var areas *GridAreas
		var rowList *trackListSpec
		if len(areaToks) > 0 {
			a, ok := parseAreas(areaToks)
			if !ok {
				return out
			}
			areas = a
			rowList = &trackListSpec{}
			// One row per string, sized by the track that follows it.
			i := 0
			for _, t := range parts[0] {
				switch {
				case t.Type == css.WhitespaceToken:
				case t.Type == css.StringToken:
					rowList.names = append(rowList.names, []string{})
					rowList.tracks = append(rowList.tracks, trackSpec{})
					i++
				default:
					if nm, ok := lineNames(t); ok {
						if len(rowList.names) == 0 || len(rowList.names) == i {
							rowList.names = append(rowList.names, nm)
							continue
						}
						continue
					}
					tr, ok := parseTrackSize(t)
					if !ok || i == 0 {
						return out
					}
					rowList.tracks[i-1] = tr
				}
			}
			if len(rowList.names) < len(rowList.tracks)+1 {
				rowList.names = append(rowList.names, make([][]string, len(rowList.tracks)+1-len(rowList.names))...)
			}
			rowList.names = rowList.names[:len(rowList.tracks)+1]
		} else {
			rowList = parseTrackList(rows)
			if rowList == nil {
				return out
			}
		}
		add(propGridTemplateRows, &value{kind: kKeyword, grid: rowList})
		add(propGridTemplateColumns, &value{kind: kKeyword, grid: cols})
		add(propGridTemplateAreas, &value{kind: kKeyword, grid: areas})
		if name == "grid" {
			add(propGridAutoRows, &value{kind: kKeyword, grid: []trackSpec{{}}})
			add(propGridAutoColumns, &value{kind: kKeyword, grid: []trackSpec{{}}})
			add(propGridAutoFlow, &value{kind: kKeyword, grid: autoFlowSpec{}})
		}
	}
	return out
}

// gridOf returns cs's grid container properties, ready to be changed.
func gridOf(cs *ComputedStyle) *GridContainer {
	if cs.Grid == nil {
		g := initialGrid
		cs.Grid = &g
	}
	return cs.Grid
}

func placementOf(cs *ComputedStyle) *GridPlacement {
	if cs.GridItem == nil {
		p := initialPlacement
		cs.GridItem = &p
	}
	return cs.GridItem
}

// inheritGrid copies a grid property from the parent.
func inheritGrid(cs, parent *ComputedStyle, p propID) {
	pg := parent.GridStyle()
	switch p {
	case propGridTemplateColumns:
		gridOf(cs).Columns = pg.Columns
	case propGridTemplateRows:
		gridOf(cs).Rows = pg.Rows
	case propGridTemplateAreas:
		gridOf(cs).Areas = pg.Areas
	case propGridAutoColumns:
		gridOf(cs).AutoColumns = pg.AutoColumns
	case propGridAutoRows:
		gridOf(cs).AutoRows = pg.AutoRows
	case propGridAutoFlow:
		gridOf(cs).AutoFlowColumn, gridOf(cs).Dense = pg.AutoFlowColumn, pg.Dense
	case propGridRowStart, propGridColumnStart, propGridRowEnd, propGridColumnEnd:
		placementOf(cs)[gridLineIndex(p)] = parent.Placement()[gridLineIndex(p)]
	case propJustifyItems:
		cs.JustifyItems = parent.JustifyItems
	case propJustifySelf:
		cs.JustifySelf = parent.JustifySelf
	}
}

func gridLineIndex(p propID) int {
	switch p {
	case propGridRowStart:
		return 0
	case propGridColumnStart:
		return 1
	case propGridRowEnd:
		return 2
	}
	return 3
}

// setGrid computes a grid property.
func (c *computer) setGrid(cs *ComputedStyle, p propID, v *value) {
	switch p {
	case propGridTemplateColumns, propGridTemplateRows:
		l, _ := v.grid.(*trackListSpec)
		var tl *TrackList
		if l != nil && !l.none {
			tl = c.trackList(l, cs.FontSize)
		}
		if p == propGridTemplateColumns {
			gridOf(cs).Columns = tl
		} else {
			gridOf(cs).Rows = tl
		}
	case propGridTemplateAreas:
		a, _ := v.grid.(*GridAreas)
		gridOf(cs).Areas = a
	case propGridAutoColumns, propGridAutoRows:
		ts, _ := v.grid.([]trackSpec)
		out := make([]TrackSize, len(ts))
		for i, t := range ts {
			out[i] = c.trackSize(t, cs.FontSize)
		}
		if len(out) == 0 {
			out = []TrackSize{AutoTrack}
		}
		if p == propGridAutoColumns {
			gridOf(cs).AutoColumns = out
		} else {
			gridOf(cs).AutoRows = out
		}
	case propGridAutoFlow:
		f, _ := v.grid.(autoFlowSpec)
		gridOf(cs).AutoFlowColumn, gridOf(cs).Dense = f.column, f.dense
	case propGridRowStart, propGridColumnStart, propGridRowEnd, propGridColumnEnd:
		g, ok := v.grid.(GridLine)
		if !ok {
			g = AutoLine
		}
		placementOf(cs)[gridLineIndex(p)] = g
	case propJustifyItems:
		cs.JustifyItems = Align(v.key)
	case propJustifySelf:
		cs.JustifySelf = Align(v.key)
	}
}

func (c *computer) breadth(b breadthSpec, fontSize float32) TrackBreadth {
	out := TrackBreadth{Kind: b.kind, Fr: b.fr}
	if b.kind == BreadthLength {
		out.Len = c.length(b.len, fontSize)
	}
	return out
}

func (c *computer) trackSize(t trackSpec, fontSize float32) TrackSize {
	return TrackSize{Min: c.breadth(t.min, fontSize), Max: c.breadth(t.max, fontSize), FitContent: t.fit}
}

func (c *computer) trackList(l *trackListSpec, fontSize float32) *TrackList {
	tl := &TrackList{Names: l.names, AutoRepeatNames: l.autoNames, RepeatAt: l.repeatAt, AutoFit: l.autoFit}
	tl.Tracks = make([]TrackSize, len(l.tracks))
	for i, t := range l.tracks {
		tl.Tracks[i] = c.trackSize(t, fontSize)
	}
	if l.hasAutoRep {
		tl.AutoRepeat = make([]TrackSize, len(l.auto))
		for i, t := range l.auto {
			tl.AutoRepeat[i] = c.trackSize(t, fontSize)
		}
	}
	return tl
}

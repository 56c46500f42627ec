package style

import (
	"reflect"
	"testing"
)

func TestGridTemplate(t *testing.T) {
	px := func(v float32) TrackSize {
		b := TrackBreadth{Kind: BreadthLength, Len: PxLength(v)}
		return TrackSize{Min: b, Max: b}
	}
	fr := func(v float32) TrackSize { return TrackSize{Max: TrackBreadth{Kind: BreadthFr, Fr: v}} }
	tests := []struct {
		decl   string
		tracks []TrackSize
		names  [][]string
	}{
		{"grid-template-columns: 100px 1fr 2em", []TrackSize{px(100), fr(1), px(40)}, [][]string{{}, {}, {}, {}}},
		{"grid-template-columns: [a] 10px [b c] auto [d]", []TrackSize{px(10), AutoTrack}, [][]string{{"a"}, {"b", "c"}, {"d"}}},
		{"grid-template-columns: repeat(2, 5px [x])", []TrackSize{px(5), px(5)}, [][]string{{}, {"x"}, {"x"}}},
		{"grid-template-columns: minmax(10px, 1fr)", []TrackSize{{Min: TrackBreadth{Kind: BreadthLength, Len: PxLength(10)}, Max: TrackBreadth{Kind: BreadthFr, Fr: 1}}}, [][]string{{}, {}}},
		{"grid-template-columns: min-content max-content", []TrackSize{
			{Min: TrackBreadth{Kind: BreadthMinContent}, Max: TrackBreadth{Kind: BreadthMinContent}},
			{Min: TrackBreadth{Kind: BreadthMaxContent}, Max: TrackBreadth{Kind: BreadthMaxContent}}}, [][]string{{}, {}, {}}},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "font-size: 20px; "+tt.decl)
		l := cs.GridStyle().Columns
		if l == nil || !reflect.DeepEqual(l.Tracks, tt.tracks) || !reflect.DeepEqual(l.Names, tt.names) {
			t.Errorf("%s: got %+v", tt.decl, l)
		}
	}
	cs := styleOf(t, "", "", "grid-template-columns: 1px repeat(auto-fill, 10px 20px)")
	if l := cs.GridStyle().Columns; l == nil || len(l.AutoRepeat) != 2 || l.RepeatAt != 1 || l.AutoFit {
		t.Errorf("auto-fill: %+v", l)
	}
	for _, bad := range []string{"1fr 2", "minmax(1fr, 2px)", "repeat(0, 1px)", "repeat(auto-fill, 1px) repeat(auto-fit, 1px)", "[a"} {
		cs := styleOf(t, "", "", "grid-template-columns: 5px; grid-template-columns: "+bad)
		if l := cs.GridStyle().Columns; l == nil || len(l.Tracks) != 1 {
			t.Errorf("%s accepted: %+v", bad, l)
		}
	}
}

func TestGridAreasAndPlacement(t *testing.T) {
	cs := styleOf(t, "", "", `grid-template-areas: "a a b" "c . b"`)
	a := cs.GridStyle().Areas
	if a == nil || a.Rows != 2 || a.Cols != 3 || a.Areas["a"] != [4]int{1, 1, 2, 3} || a.Areas["b"] != [4]int{1, 3, 3, 4} {
		t.Errorf("areas: %+v", a)
	}
	for _, bad := range []string{`"a b" "b a"`, `"a" "a b"`, `"a b a"`} {
		if cs := styleOf(t, "", "", "grid-template-areas: "+bad); cs.GridStyle().Areas != nil {
			t.Errorf("%s accepted", bad)
		}
	}
	tests := []struct {
		decl string
		want GridPlacement
	}{
		{"grid-row: 2 / span 3", GridPlacement{{Line: 2}, AutoLine, {Span: 3}, AutoLine}},
		{"grid-column: -1", GridPlacement{AutoLine, {Line: -1}, AutoLine, AutoLine}},
		{"grid-area: main", GridPlacement{{Name: "main"}, {Name: "main"}, {Name: "main"}, {Name: "main"}}},
		{"grid-area: 1 / 2 / 3 / 4", GridPlacement{{Line: 1}, {Line: 2}, {Line: 3}, {Line: 4}}},
		{"grid-row-start: 2 foo; grid-column-end: span bar", GridPlacement{{Line: 2, Name: "foo"}, AutoLine, AutoLine, {Span: 1, Name: "bar"}}},
		{"grid-row: 0", initialPlacement},
	}
	for _, tt := range tests {
		if got := styleOf(t, "", "", tt.decl).Placement(); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.decl, got, tt.want)
		}
	}
	g := styleOf(t, "", "", "grid-auto-flow: column dense; grid-auto-rows: 10px").GridStyle()
	if !g.AutoFlowColumn || !g.Dense || len(g.AutoRows) != 1 || g.AutoRows[0].Min.Len != PxLength(10) {
		t.Errorf("auto flow / rows: %+v", g)
	}
}

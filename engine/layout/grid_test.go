package layout

import (
	"bytes"
	"testing"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

func gridbox(edits ...func(*style.ComputedStyle)) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.Display = style.DisplayGrid
		s.Grid = &style.GridContainer{AutoColumns: []style.TrackSize{style.AutoTrack}, AutoRows: []style.TrackSize{style.AutoTrack}}
		for _, e := range edits {
			e(s)
		}
	}
}

func fixedTrack(v float32) style.TrackSize {
	b := style.TrackBreadth{Kind: style.BreadthLength, Len: px(v)}
	return style.TrackSize{Min: b, Max: b}
}

func frTrack(v float32) style.TrackSize {
	return style.TrackSize{Max: style.TrackBreadth{Kind: style.BreadthFr, Fr: v}}
}

func columns(ts ...style.TrackSize) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.Grid.Columns = &style.TrackList{Tracks: ts, Names: make([][]string, len(ts)+1)}
	}
}

func rows(ts ...style.TrackSize) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.Grid.Rows = &style.TrackList{Tracks: ts, Names: make([][]string, len(ts)+1)}
	}
}

func area(rowStart, colStart, rowEnd, colEnd style.GridLine) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.GridItem = &style.GridPlacement{rowStart, colStart, rowEnd, colEnd}
	}
}

func line(n int) style.GridLine   { return style.GridLine{Line: n} }
func spanOf(n int) style.GridLine { return style.GridLine{Span: n} }

var autoLine = style.AutoLine

// TestGrid lays out grid containers and checks the border boxes of the
// elements named.
func TestGrid(t *testing.T) {
	tests := []struct {
		name string
		page func(t *tree) *tree
		want map[string]rect
	}{
		{"fixed and fr columns, auto rows", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(fixedTrack(100), frTrack(1), frTrack(2))), width(px(400)),
				t.E("div#a", height(px(10))), t.E("div#b"), t.E("div#c"), t.E("div#d", height(px(20)))))
		}, map[string]rect{"a": {8, 8, 100, 10}, "b": {108, 8, 100, 10}, "c": {208, 8, 200, 10}, "d": {8, 18, 100, 20}}},
		{"gaps", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(frTrack(1), frTrack(1)), func(s *style.ComputedStyle) {
				s.ColumnGap, s.RowGap = px(20), px(5)
			}), width(px(220)), t.E("div#a", height(px(10))), t.E("div#b"), t.E("div#c", height(px(10)))))
		}, map[string]rect{"a": {8, 8, 100, 10}, "b": {128, 8, 100, 10}, "c": {8, 23, 100, 10}}},
		{"line placement and spans", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(fixedTrack(50), fixedTrack(50), fixedTrack(50)), rows(fixedTrack(10), fixedTrack(10))),
				t.E("div#a", area(line(2), line(1), autoLine, spanOf(2))),
				t.E("div#b", area(line(1), line(3), autoLine, autoLine)),
				t.E("div#c", area(line(-2), line(-2), line(-1), line(-1)))))
		}, map[string]rect{"a": {8, 18, 100, 10}, "b": {108, 8, 50, 10}, "c": {108, 18, 50, 10}}},
		{"auto-placement skips occupied cells", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(fixedTrack(50), fixedTrack(50)), rows(fixedTrack(10))),
				t.E("div#a", area(line(1), line(1), autoLine, autoLine)),
				t.E("div#b"), t.E("div#c", area(autoLine, autoLine, autoLine, spanOf(2))), t.E("div#d")))
		}, map[string]rect{"a": {8, 8, 50, 10}, "b": {58, 8, 50, 10}, "c": {8, 18, 100, 0}, "d": {8, 18, 50, 0}}},
		{"dense packing fills holes", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(fixedTrack(50), fixedTrack(50)), rows(fixedTrack(10)), func(s *style.ComputedStyle) {
				s.Grid.Dense = true
			}), t.E("div#a"), t.E("div#b", area(autoLine, autoLine, autoLine, spanOf(2))), t.E("div#c")))
		}, map[string]rect{"a": {8, 8, 50, 10}, "c": {58, 8, 50, 10}, "b": {8, 18, 100, 0}}},
		{"column flow", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(rows(fixedTrack(10), fixedTrack(10)), func(s *style.ComputedStyle) {
				s.Grid.AutoFlowColumn = true
				s.Grid.AutoColumns = []style.TrackSize{fixedTrack(30)}
			}), t.E("div#a"), t.E("div#b"), t.E("div#c")))
		}, map[string]rect{"a": {8, 8, 30, 10}, "b": {8, 18, 30, 10}, "c": {38, 8, 30, 10}}},
		{"self alignment in the area", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(fixedTrack(100)), rows(fixedTrack(50))),
				t.E("div#a", width(px(20)), height(px(10)), func(s *style.ComputedStyle) {
					s.JustifySelf, s.AlignSelf = style.AlignCenterBox, style.AlignEnd
				})))
		}, map[string]rect{"a": {48, 48, 20, 10}}},
		{"auto tracks fit content, then stretch", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(style.AutoTrack, fixedTrack(50))), width(px(200)),
				t.E("div#a", t.E("div", width(px(30)), height(px(5)))), t.E("div#b")))
		}, map[string]rect{"a": {8, 8, 150, 5}, "b": {158, 8, 50, 5}}},
		{"a spanning item grows the intrinsic tracks only as much as needed", func(t *tree) *tree {
			return t.Page(t.E("div", gridbox(columns(fixedTrack(10), style.AutoTrack, fixedTrack(10)), func(s *style.ComputedStyle) {
				s.JustifyContent = style.AlignStart
			}), t.E("div#a", area(autoLine, autoLine, autoLine, spanOf(3)), t.E("div", width(px(100)), height(px(5))))))
		}, map[string]rect{"a": {8, 8, 100, 5}}},
		{"inline-grid shrinks to its tracks", func(t *tree) *tree {
			return t.Page(t.E("div", t.E("span#g", display(style.DisplayInlineGrid), func(s *style.ComputedStyle) {
				s.Grid = &style.GridContainer{AutoColumns: []style.TrackSize{style.AutoTrack}, AutoRows: []style.TrackSize{style.AutoTrack}}
			}, columns(style.AutoTrack, style.AutoTrack), t.E("div", width(px(30)), height(px(10))), t.E("div#b", width(px(20)), height(px(10))))))
		}, map[string]rect{"b": {38, 12.6, 20, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tt.page(newTree())
			root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
			for id, want := range tt.want {
				f := find(root, id)
				if f == nil {
					t.Fatalf("no fragment for #%s", id)
				}
				got := rect{round2(f.X), round2(f.Y), round2(f.W), round2(f.H)}
				if got != want {
					var buf bytes.Buffer
					Dump(&buf, root)
					t.Errorf("#%s at %v, want %v\n%s", id, got, want, buf.String())
				}
			}
		})
	}
}

// TestFlexGridHostile lays out extreme values and checks that layout
// ends with finite geometry.
func TestFlexGridHostile(t *testing.T) {
	tr := newTree()
	tr.Page(
		tr.E("div", gridbox(columns(fixedTrack(1))),
			tr.E("div", area(spanOf(style.MaxGridTracks), line(-style.MaxGridTracks), autoLine, line(style.MaxGridTracks))),
			tr.E("div", area(line(style.MaxGridTracks), line(style.MaxGridTracks), autoLine, autoLine))),
		tr.E("div", flexbox(),
			tr.E("div", flex(3e38, 3e38, px(3e38))),
			tr.E("div", width(px(3e38)), flex(0, 1, style.AutoLength))),
		tr.E("div", flexbox(dir(style.FlexColumn), wrap(style.Wrap)), height(px(1e-30)),
			tr.E("div", height(px(3e38))), tr.E("div", flex(1, 0, pct(1e30)))),
	)
	root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
	for _, f := range all(root, KindBlock) {
		for _, v := range []float32{f.X, f.Y, f.W, f.H} {
			if v != v || v > 1e38 || v < -1e38 {
				t.Fatalf("%v has geometry %v,%v %vx%v", f.Node, f.X, f.Y, f.W, f.H)
			}
		}
	}
}

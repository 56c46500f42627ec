package layout

import (
	"bytes"
	"testing"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

// Style edits for flex containers and items.

func flexbox(edits ...func(*style.ComputedStyle)) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.Display = style.DisplayFlex
		for _, e := range edits {
			e(s)
		}
	}
}

func flex(grow, shrink float32, basis style.Length) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.FlexGrow, s.FlexShrink, s.FlexBasis = grow, shrink, basis }
}

func dir(d style.FlexDirection) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.FlexDirection = d }
}

func wrap(w style.FlexWrap) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.FlexWrap = w }
}

func justify(a style.Align) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.JustifyContent = a }
}

func alignItems(a style.Align) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.AlignItems = a }
}

func alignSelf(a style.Align) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.AlignSelf = a }
}

func alignContent(a style.Align) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.AlignContent = a }
}

func order(n int32) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.Order = n }
}

// box is an expected border box.
type rect struct{ x, y, w, h float32 }

// TestFlex lays out flex containers in a 800x600 viewport (body has an
// 8px margin) and checks the border boxes of the elements named.
func TestFlex(t *testing.T) {
	sq := func(t *tree, id string, w, h float32, edits ...any) any {
		return t.E("div#"+id, append([]any{width(px(w)), height(px(h))}, edits...)...)
	}
	tests := []struct {
		name string
		page func(t *tree) *tree
		want map[string]rect
	}{
		{"row places items side by side, stretched", func(t *tree) *tree {
			return t.Page(t.E("div#c", flexbox(), width(px(300)), height(px(50)),
				t.E("div#a", width(px(100))), t.E("div#b", width(px(50)))))
		}, map[string]rect{"c": {8, 8, 300, 50}, "a": {8, 8, 100, 50}, "b": {108, 8, 50, 50}}},
		{"grow shares free space by factor", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(), width(px(300)),
				t.E("div#a", flex(1, 1, px(0)), height(px(10))), t.E("div#b", flex(2, 1, px(0)), height(px(10)))))
		}, map[string]rect{"a": {8, 8, 100, 10}, "b": {108, 8, 200, 10}}},
		{"shrink weighs factors by base size", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(), width(px(300)),
				sq(t, "a", 300, 10, flex(0, 2, style.AutoLength)), sq(t, "b", 200, 10)))
		}, map[string]rect{"a": {8, 8, 150, 10}, "b": {158, 8, 150, 10}}},
		{"max-width violation freezes and redistributes", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(), width(px(300)),
				t.E("div#a", flex(1, 1, px(0)), with(func(s *style.ComputedStyle) { s.MaxWidth = px(50) })),
				t.E("div#b", flex(1, 1, px(0)))))
		}, map[string]rect{"a": {8, 8, 50, 0}, "b": {58, 8, 250, 0}}},
		{"min-width auto keeps content from shrinking", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(), width(px(10)),
				t.E("div#a", flex(0, 1, px(0)), t.E("div", width(px(40)), height(px(5))))))
		}, map[string]rect{"a": {8, 8, 40, 5}}},
		{"row-reverse and order", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(dir(style.FlexRowReverse)), width(px(300)),
				sq(t, "a", 50, 10), sq(t, "b", 60, 10, order(-1))))
		}, map[string]rect{"b": {248, 8, 60, 10}, "a": {198, 8, 50, 10}}},
		{"justify-content center and space-between", func(t *tree) *tree {
			return t.Page(
				t.E("div", flexbox(justify(style.AlignCenterBox)), width(px(300)), sq(t, "a", 100, 10)),
				t.E("div", flexbox(justify(style.AlignSpaceBetween)), width(px(300)),
					sq(t, "b", 50, 10), sq(t, "c", 50, 10), sq(t, "d", 50, 10)))
		}, map[string]rect{"a": {108, 8, 100, 10}, "b": {8, 18, 50, 10}, "c": {133, 18, 50, 10}, "d": {258, 18, 50, 10}}},
		{"justify-content space-around and space-evenly", func(t *tree) *tree {
			return t.Page(
				t.E("div", flexbox(justify(style.AlignSpaceAround)), width(px(300)), sq(t, "a", 50, 10), sq(t, "b", 50, 10)),
				t.E("div", flexbox(justify(style.AlignSpaceEvenly)), width(px(300)), sq(t, "c", 50, 10), sq(t, "d", 50, 10)))
		}, map[string]rect{"a": {58, 8, 50, 10}, "b": {208, 8, 50, 10}, "c": {74.67, 18, 50, 10}, "d": {191.33, 18, 50, 10}}},
		{"auto margins absorb free space", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(), width(px(300)), height(px(100)),
				sq(t, "a", 50, 10), sq(t, "b", 50, 10, with(func(s *style.ComputedStyle) {
					for i := range s.Margin {
						s.Margin[i] = style.AutoLength
					}
				}))))
		}, map[string]rect{"a": {8, 8, 50, 10}, "b": {158, 53, 50, 10}}},
		{"align-items and align-self", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(alignItems(style.AlignCenterBox)), width(px(300)), height(px(100)),
				sq(t, "a", 50, 10), sq(t, "b", 50, 10, alignSelf(style.AlignFlexEnd)),
				t.E("div#c", width(px(50)), alignSelf(style.AlignStretch))))
		}, map[string]rect{"a": {8, 53, 50, 10}, "b": {58, 98, 50, 10}, "c": {108, 8, 50, 100}}},
		{"wrap makes lines; align-content spreads them", func(t *tree) *tree {
			return t.Page(t.E("div#c", flexbox(wrap(style.Wrap), alignContent(style.AlignSpaceBetween)), width(px(100)), height(px(100)),
				sq(t, "a", 60, 10), sq(t, "b", 60, 20), sq(t, "d", 30, 10)))
		}, map[string]rect{"a": {8, 8, 60, 10}, "b": {8, 88, 60, 20}, "d": {68, 88, 30, 10}}},
		{"wrap-reverse stacks lines from the bottom", func(t *tree) *tree {
			// The lines are stretched to 45 and 55px; items sit at
			// their cross-start, the bottom.
			return t.Page(t.E("div", flexbox(wrap(style.WrapReverse)), width(px(100)), height(px(100)),
				sq(t, "a", 60, 10), sq(t, "b", 60, 20)))
		}, map[string]rect{"a": {8, 98, 60, 10}, "b": {8, 43, 60, 20}}},
		{"stretched lines stretch items", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(wrap(style.Wrap)), width(px(100)), height(px(100)),
				t.E("div#a", width(px(60))), t.E("div#b", width(px(60)))))
		}, map[string]rect{"a": {8, 8, 60, 50}, "b": {8, 58, 60, 50}}},
		{"column sizes by content and flexes with a height", func(t *tree) *tree {
			return t.Page(
				t.E("div#c1", flexbox(dir(style.FlexColumn)), width(px(100)), sq(t, "a", 20, 30), sq(t, "b", 20, 40)),
				t.E("div", flexbox(dir(style.FlexColumn)), width(px(100)), height(px(100)),
					t.E("div#d", flex(1, 1, px(0))), t.E("div#e", height(px(20)))))
		}, map[string]rect{"c1": {8, 8, 100, 70}, "a": {8, 8, 20, 30}, "b": {8, 38, 20, 40},
			"d": {8, 78, 100, 80}, "e": {8, 158, 100, 20}}},
		{"column-reverse", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(dir(style.FlexColumnReverse)), height(px(100)),
				sq(t, "a", 20, 30), sq(t, "b", 20, 40)))
		}, map[string]rect{"a": {8, 78, 20, 30}, "b": {8, 38, 20, 40}}},
		{"gaps separate items and lines", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(wrap(style.Wrap), func(s *style.ComputedStyle) {
				s.ColumnGap, s.RowGap = px(10), px(5)
			}), width(px(100)), sq(t, "a", 40, 10), sq(t, "b", 40, 10), sq(t, "d", 40, 10)))
		}, map[string]rect{"a": {8, 8, 40, 10}, "b": {58, 8, 40, 10}, "d": {8, 23, 40, 10}}},
		{"margins of items do not collapse", func(t *tree) *tree {
			return t.Page(t.E("div#c", flexbox(dir(style.FlexColumn)), width(px(100)),
				sq(t, "a", 10, 10, margin(5, 0, 5, 0)), sq(t, "b", 10, 10, margin(5, 0, 5, 0))))
		}, map[string]rect{"c": {8, 8, 100, 40}, "a": {8, 13, 10, 10}, "b": {8, 33, 10, 10}}},
		{"inline-flex shrinks to fit its items", func(t *tree) *tree {
			// Its baseline is its first item's bottom edge, which sits on
			// the line's baseline, 14.6px down the strut.
			return t.Page(t.E("div", t.E("span#c", display(style.DisplayInlineFlex), sq(t, "a", 30, 10), sq(t, "b", 20, 10))))
		}, map[string]rect{"c": {8, 12.6, 50, 10}, "b": {38, 12.6, 20, 10}}},
		{"align-items baseline", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(alignItems(style.AlignBaseline)), width(px(300)),
				sq(t, "a", 30, 10), sq(t, "b", 30, 30, margin(5, 0, 0, 0))))
		}, map[string]rect{"a": {8, 33, 30, 10}, "b": {38, 13, 30, 30}}},
		{"percentage basis", func(t *tree) *tree {
			return t.Page(t.E("div", flexbox(), width(px(200)), t.E("div#a", flex(0, 1, pct(25)), height(px(5)))))
		}, map[string]rect{"a": {8, 8, 50, 5}}},
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

func round2(v float32) float32 {
	if v < 0 {
		return -round2(-v)
	}
	return float32(int(v*100+0.5)) / 100
}

package layout

import (
	"testing"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

func position(p style.Position, insets ...style.Length) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) {
		s.Position = p
		s.Inset = [4]style.Length{style.AutoLength, style.AutoLength, style.AutoLength, style.AutoLength}
		copy(s.Inset[:], insets)
	}
}

var auto = style.AutoLength

// TestPositioning checks relative offsets (CSS 2.1 9.4.3), and the
// widths, heights and positions of absolutely positioned boxes (10.3.7,
// 10.6.4) in the padding box of their containing block: #cb is a
// relatively positioned 300x200 block with a 5px border and 10px padding
// at (8, 8), so its padding box is at (13, 13), 320x220.
func TestPositioning(t *testing.T) {
	type want struct {
		id         string
		x, y, w, h float32
	}
	tests := []struct {
		name string
		kids func(t *tree) []any
		want []want
	}{
		{"top left", func(t *tree) []any {
			return []any{t.box("a", 50, 40, position(style.PositionAbsolute, px(0), auto, auto, px(0)))}
		}, []want{{"a", 13, 13, 50, 40}}},
		{"bottom right", func(t *tree) []any {
			return []any{t.box("a", 50, 40, position(style.PositionAbsolute, auto, px(10), px(20), auto))}
		}, []want{{"a", 273, 173, 50, 40}}},
		{"stretched between insets", func(t *tree) []any {
			return []any{t.E("div#a", position(style.PositionAbsolute, px(10), px(20), px(30), px(40)))}
		}, []want{{"a", 53, 23, 260, 180}}},
		{"percent insets", func(t *tree) []any {
			return []any{t.box("a", 10, 10, position(style.PositionAbsolute, pct(50), auto, auto, pct(25)))}
		}, []want{{"a", 93, 123, 10, 10}}},
		{"auto margins centre", func(t *tree) []any {
			return []any{t.box("a", 20, 20, marginAuto(), with(func(s *style.ComputedStyle) {
				s.Margin[style.Top], s.Margin[style.Bottom] = auto, auto
			}), position(style.PositionAbsolute, px(0), px(0), px(0), px(0)))}
		}, []want{{"a", 163, 113, 20, 20}}},
		{"shrink to fit", func(t *tree) []any {
			return []any{t.E("div#a", position(style.PositionAbsolute, px(0), auto, auto, px(0)), "two words")}
		}, []want{{"a", 13, 13, 67.11, 18.4}}},
		{"static position", func(t *tree) []any {
			return []any{t.box("before", 10, 30), t.box("a", 10, 10, position(style.PositionAbsolute))}
		}, []want{{"a", 23, 53, 10, 10}}},
		{"out of the flow", func(t *tree) []any {
			return []any{t.box("a", 10, 30, position(style.PositionAbsolute)), t.box("after", 10, 10)}
		}, []want{{"after", 23, 23, 10, 10}}},
		{"fixed to the viewport", func(t *tree) []any {
			return []any{t.box("a", 10, 10, position(style.PositionFixed, auto, px(0), px(0), auto))}
		}, []want{{"a", 790, 590, 10, 10}}},
		{"relative moves the box, not the flow", func(t *tree) []any {
			return []any{t.box("r", 10, 10, position(style.PositionRelative, px(5), auto, auto, px(7))), t.box("after", 10, 10)}
		}, []want{{"r", 30, 28, 10, 10}, {"after", 23, 33, 10, 10}}},
		{"relative right and bottom", func(t *tree) []any {
			return []any{t.box("r", 10, 10, position(style.PositionRelative, auto, px(5), px(7), auto))}
		}, []want{{"r", 18, 16, 10, 10}}},
		{"nearest positioned ancestor", func(t *tree) []any {
			return []any{t.E("div#inner", margin(10, 0, 0, 10), width(px(100)), height(px(100)), position(style.PositionRelative),
				t.box("a", 10, 10, position(style.PositionAbsolute, px(0), auto, auto, px(0))))}
		}, []want{{"a", 33, 33, 10, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree()
			cb := append([]any{width(px(300)), height(px(200)), border(5), padding(10), position(style.PositionRelative)}, tt.kids(tr)...)
			tr.Page(tr.E("div#cb", cb...))
			root := Layout(tr.doc, tr.styles(), tr.images, text.Bundled(), 800, 600)
			for _, w := range tt.want {
				f := find(root, w.id)
				if f == nil {
					t.Fatalf("no fragment for #%s", w.id)
				}
				if num(f.X) != num(w.x) || num(f.Y) != num(w.y) || num(f.W) != num(w.w) || num(f.H) != num(w.h) {
					t.Errorf("#%s at %s,%s %sx%s, want %s,%s %sx%s", w.id, num(f.X), num(f.Y), num(f.W), num(f.H),
						num(w.x), num(w.y), num(w.w), num(w.h))
				}
			}
		})
	}
}

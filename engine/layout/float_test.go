package layout

import (
	"testing"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

func float(f style.Float) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.Float = f }
}

func clear(c style.Clear) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.Clear = c }
}

func overflowHidden(s *style.ComputedStyle) {
	s.OverflowX, s.OverflowY = style.OverflowHidden, style.OverflowHidden
}

// box is a w×h block with the given id and options.
func (t *tree) box(id string, w, h float32, opts ...any) any {
	return t.E("div#"+id, append([]any{width(px(w)), height(px(h))}, opts...)...)
}

// TestFloats checks float placement (CSS 2.1 9.5.1), clearance (9.5.2),
// formatting context roots beside floats and containing them (9.4.1,
// 10.6.7), and line boxes shortened beside floats, by the border boxes of
// chosen elements. The body is 400px wide at (8, 8).
func TestFloats(t *testing.T) {
	type want struct {
		id         string
		x, y, w, h float32
	}
	tests := []struct {
		name string
		page func(t *tree) any
		want []want
	}{
		{"left and right", func(t *tree) any {
			return []any{t.box("l", 100, 50, float(style.FloatLeft)), t.box("r", 100, 50, float(style.FloatRight))}
		}, []want{{"l", 8, 8, 100, 50}, {"r", 308, 8, 100, 50}}},
		{"left floats stack side by side", func(t *tree) any {
			return []any{t.box("a", 150, 50, float(style.FloatLeft)), t.box("b", 150, 30, float(style.FloatLeft)),
				t.box("c", 150, 20, float(style.FloatLeft))}
		}, []want{{"a", 8, 8, 150, 50}, {"b", 158, 8, 150, 30}, {"c", 158, 38, 150, 20}}},
		{"no room beside goes below", func(t *tree) any {
			return []any{t.box("a", 300, 50, float(style.FloatLeft)), t.box("b", 300, 20, float(style.FloatRight))}
		}, []want{{"a", 8, 8, 300, 50}, {"b", 108, 58, 300, 20}}},
		{"margins are part of the float", func(t *tree) any {
			return []any{t.box("a", 100, 50, float(style.FloatLeft), margin(5, 6, 7, 8)),
				t.box("b", 100, 50, float(style.FloatLeft))}
		}, []want{{"a", 16, 13, 100, 50}, {"b", 122, 8, 100, 50}}},
		{"clear moves below", func(t *tree) any {
			return []any{t.box("a", 100, 50, float(style.FloatLeft)), t.box("c", 100, 10, clear(style.ClearLeft), margin(10, 0, 0, 0))}
		}, []want{{"c", 8, 58, 100, 10}}},
		{"clear right ignores left floats", func(t *tree) any {
			return []any{t.box("a", 100, 50, float(style.FloatLeft)), t.box("c", 100, 10, clear(style.ClearRight))}
		}, []want{{"c", 8, 8, 100, 10}}},
		{"shrink to fit", func(t *tree) any {
			return []any{t.E("div#f", float(style.FloatLeft), "two words")}
		}, []want{{"f", 8, 8, 67.11, 18.4}}},
		{"formatting context root beside float", func(t *tree) any {
			return []any{t.box("a", 100, 50, float(style.FloatLeft)),
				t.E("div#bfc", height(px(20)), with(overflowHidden))}
		}, []want{{"bfc", 108, 8, 300, 20}}},
		{"root too wide goes below", func(t *tree) any {
			return []any{t.box("a", 100, 50, float(style.FloatLeft)), t.box("bfc", 350, 20, with(overflowHidden))}
		}, []want{{"bfc", 8, 58, 350, 20}}},
		{"root contains floats", func(t *tree) any {
			return []any{t.E("div#bfc", with(overflowHidden), t.box("a", 100, 50, float(style.FloatLeft)))}
		}, []want{{"bfc", 8, 8, 400, 50}}},
		{"plain block does not", func(t *tree) any {
			return []any{t.E("div#d", border(1), t.box("a", 100, 50, float(style.FloatLeft)))}
		}, []want{{"d", 8, 8, 400, 2}, {"a", 9, 9, 100, 50}}},
		{"float goes below next block's collapsed margin", func(t *tree) any {
			return []any{t.box("a", 100, 50, float(style.FloatLeft)), t.box("b", 100, 10, margin(20, 0, 0, 0))}
		}, []want{{"a", 8, 20, 100, 50}, {"b", 8, 20, 100, 10}}},
		{"in-line float at the line's top", func(t *tree) any {
			return []any{t.E("p#p", margin(0, 0, 0, 0), "text ", t.box("f", 50, 30, float(style.FloatLeft)), "more")}
		}, []want{{"f", 8, 8, 50, 30}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree()
			kids := tt.page(tr).([]any)
			tr.Page(append([]any{width(px(400))}, kids...)...)
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

// TestLinesBesideFloats checks that line boxes are shortened beside a
// float and take the full width below it.
func TestLinesBesideFloats(t *testing.T) {
	tr := newTree()
	tr.Page(width(px(400)), t0(tr), tr.E("p#p", margin(0, 0, 0, 0), lorem+" "+lorem))
	root := Layout(tr.doc, tr.styles(), tr.images, text.Bundled(), 800, 600)
	lines := all(find(root, "p"), KindLine)
	if len(lines) < 4 {
		t.Fatalf("%d lines, want at least 4", len(lines))
	}
	for _, ln := range lines {
		beside := ln.Y < 8+40
		if beside && (ln.X != 108 || ln.W != 300) || !beside && (ln.X != 8 || ln.W != 400) {
			t.Errorf("line at y=%v is at x=%v, %v wide", ln.Y, ln.X, ln.W)
		}
	}
}

func t0(t *tree) any { return t.box("f", 100, 40, float(style.FloatLeft)) }

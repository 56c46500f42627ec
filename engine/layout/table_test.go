package layout

import (
	"bytes"
	"testing"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

func spacingOf(h, v float32) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.BorderSpacing = [2]float32{h, v} }
}

func valign(k style.VAlignKind) func(*style.ComputedStyle) {
	return func(s *style.ComputedStyle) { s.VerticalAlign.Kind = k }
}

// cell is a table cell holding a block of the given size.
func (t *tree) cell(id string, w, h float32, opts ...any) any {
	return t.E("div"+id, append([]any{display(style.DisplayTableCell), t.E("div", width(px(w)), height(px(h)))}, opts...)...)
}

// TestTable lays out tables and checks the border boxes of the elements
// named.
func TestTable(t *testing.T) {
	tbl := display(style.DisplayTable)
	row := display(style.DisplayTableRow)
	tests := []struct {
		name string
		page func(t *tree) *tree
		want map[string]rect
	}{
		{"auto width shrinks to the cells, spacing around them", func(t *tree) *tree {
			return t.Page(t.E("div#t", tbl, spacingOf(10, 5),
				t.E("div", row, t.cell("#a", 30, 10), t.cell("#b", 50, 20)),
				t.E("div", row, t.cell("#c", 40, 5), t.cell("#d", 10, 5))))
		}, map[string]rect{"t": {8, 8, 120, 40}, "a": {18, 13, 40, 20}, "b": {68, 13, 50, 20}, "c": {18, 38, 40, 5}, "d": {68, 38, 50, 5}}},
		{"anonymous table and row around lone cells", func(t *tree) *tree {
			return t.Page(t.E("div", t.cell("#a", 30, 10), t.cell("#b", 20, 10)))
		}, map[string]rect{"a": {8, 8, 30, 10}, "b": {38, 8, 20, 10}}},
		{"colspan and rowspan take their slots, spans spread by max-content", func(t *tree) *tree {
			return t.Page(t.E("div", tbl,
				t.E("div", row, t.cell("#a", 30, 10, attr{"rowspan", "2"}), t.cell("#b", 20, 10)),
				t.E("div", row, t.cell("#c", 20, 10)),
				t.E("div", row, t.cell("#d", 70, 10, attr{"colspan", "2"}))))
		}, map[string]rect{"a": {8, 8, 42, 20}, "b": {50, 8, 28, 10}, "c": {50, 18, 28, 10}, "d": {8, 28, 70, 10}}},
		{"specified width spreads over columns by max-content", func(t *tree) *tree {
			return t.Page(t.E("div", tbl, width(px(200)),
				t.E("div", row, t.cell("#a", 30, 10), t.cell("#b", 70, 10))))
		}, map[string]rect{"a": {8, 8, 60, 10}, "b": {68, 8, 140, 10}}},
		{"fixed layout takes the first row's widths", func(t *tree) *tree {
			return t.Page(t.E("div", tbl, width(px(200)), func(s *style.ComputedStyle) { s.TableLayoutFixed = true },
				t.E("div", row, t.cell("#a", 10, 10, width(px(50))), t.cell("#b", 10, 10)),
				t.E("div", row, t.cell("#c", 100, 10, width(px(120))), t.cell("#d", 10, 10))))
		}, map[string]rect{"a": {8, 8, 50, 10}, "b": {58, 8, 150, 10}, "c": {8, 18, 50, 10}}},
		{"vertical-align in cells", func(t *tree) *tree {
			return t.Page(t.E("div", tbl,
				t.E("div", row, t.cell("#tall", 10, 40), t.E("div", display(style.DisplayTableCell), valign(style.VAlignMiddle), t.E("div#m", width(px(10)), height(px(10)))),
					t.E("div", display(style.DisplayTableCell), valign(style.VAlignBottom), t.E("div#b", width(px(10)), height(px(10)))))))
		}, map[string]rect{"tall": {8, 8, 10, 40}, "m": {18, 23, 10, 10}, "b": {28, 38, 10, 10}}},
		{"cell height makes the row taller", func(t *tree) *tree {
			return t.Page(t.E("div", tbl, t.E("div", row, t.cell("#a", 10, 10, height(px(30))), t.cell("#b", 10, 10))))
		}, map[string]rect{"a": {8, 8, 10, 30}, "b": {18, 8, 10, 30}}},
		{"collapsing borders: the wider wins, cells reach half of it past their slots", func(t *tree) *tree {
			return t.Page(t.E("div#t", tbl, func(s *style.ComputedStyle) { s.BorderCollapse = true },
				t.E("div", row, t.cell("#a", 10, 10, border(2)), t.cell("#b", 10, 10, border(4)))))
		}, map[string]rect{"t": {8, 8, 30, 18}, "a": {8, 9, 16, 16}, "b": {20, 8, 18, 18}}},
		{"caption above the rows", func(t *tree) *tree {
			return t.Page(t.E("div", tbl, t.E("div#cap", display(style.DisplayTableCaption), t.E("div", height(px(15)))),
				t.E("div", row, t.cell("#a", 40, 10))))
		}, map[string]rect{"cap": {8, 8, 40, 15}, "a": {8, 23, 40, 10}}},
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

package page

import (
	"context"
	"net/url"
	"testing"
)

func TestSelection(t *testing.T) {
	u, _ := url.Parse("file:///s.html")
	p := FromHTML(context.Background(), nil, u, `<!doctype html>
<body style="margin:0; font: 20px/30px monospace">
<p style="margin:0">Hello <b>big</b> world</p>
<p style="margin:0">second line</p>`)
	p.Frame(800, 600)
	// Monospace 20px: every character is about 12 px wide (Liberation Mono's
	// advance is 0.6 em); lines are 30 px apart.
	const cw = 12
	at := func(x, y float32) TextPosition {
		t.Helper()
		pos, ok := p.TextPositionAt(x, y)
		if !ok {
			t.Fatalf("no text position at (%v,%v)", x, y)
		}
		return pos
	}
	tests := []struct {
		name   string
		ax, ay float32
		bx, by float32
		want   string
		rects  int
	}{
		{"a word", 0, 15, 5 * cw, 15, "Hello", 1},
		{"nearest boundary", 0.6 * cw, 15, 4.4 * cw, 15, "ell", 1},
		{"backwards", 5 * cw, 15, 0, 15, "Hello", 1},
		{"across elements", 2 * cw, 15, 12 * cw, 15, "llo big wo", 3},
		{"across lines", 10 * cw, 15, 6 * cw, 45, "world\nsecond", 2},
		{"past the line's end", 10 * cw, 15, 700, 15, "world", 1},
		{"below the text", 0, 45, 10, 500, "second line", 1},
		{"nothing", 3 * cw, 15, 3 * cw, 15, "", 0},
	}
	for _, tt := range tests {
		a, b := at(tt.ax, tt.ay), at(tt.bx, tt.by)
		if got := p.SelectedText(a, b); got != tt.want {
			t.Errorf("%s: text %q, want %q", tt.name, got, tt.want)
		}
		if got := p.SelectionRects(a, b); len(got) != tt.rects {
			t.Errorf("%s: rects %v, want %d", tt.name, got, tt.rects)
		}
	}
	r := p.SelectionRects(at(cw, 15), at(3*cw, 15))
	if len(r) != 1 || r[0].X < cw-0.1 || r[0].X > cw+0.1 || r[0].W < 2*cw-0.1 || r[0].W > 2*cw+0.1 || r[0].Y > 5 || r[0].H < 20 {
		t.Errorf("rect of \"el\" = %v, want x=%d w=%d over the line's text", r, cw, 2*cw)
	}
	if a, b, ok := p.TextEnds(); !ok || p.SelectedText(a, b) != "Hello big world\nsecond line" {
		t.Errorf("all the text: %q", p.SelectedText(a, b))
	}
	if !p.OverText(cw, 15) || p.OverText(700, 15) || p.OverText(cw, 200) {
		t.Error("OverText wrong")
	}
}

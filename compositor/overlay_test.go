package compositor

import (
	"image"
	"image/color"
	"testing"

	"gioui.org/f32"
	"gioui.org/op"
	"gioui.org/op/clip"
	gpaint "gioui.org/op/paint"
)

func TestContentAreaAndOverlay(t *testing.T) {
	c := newHeadless(t, 100, 150)
	c.SetContentArea(image.Rect(0, 20, 100, 150))
	c.Commit(NewFrame(stripes(), image.Pt(100, 130)))
	// The page starts below the top 20 px; above it is the background
	// until an overlay covers it.
	check(t, shot(t, c), probe{50, 20, red}, probe{50, 29, red}, probe{50, 30, white}, probe{50, 120, green})

	bar := color.NRGBA{0xde, 0xe1, 0xe6, 255}
	overlay := func(c color.NRGBA) *op.Ops {
		ops := new(op.Ops)
		gpaint.FillShape(ops, c, clip.Rect(image.Rect(0, 0, 100, 20)).Op())
		return ops
	}
	first := overlay(bar)
	var given []*op.Ops
	done := func(o *op.Ops) { given = append(given, o) }
	c.SetOverlay(first, nil, done)
	// Gio's colours come out as given, over the page's sRGB bytes.
	check(t, shot(t, c), probe{50, 0, bar}, probe{50, 19, bar}, probe{50, 20, red})

	// Scrolling stops at the content area's height, not the target's.
	c.ScrollBy(0, 5000)
	if got, _ := c.ScrollOffset(); got != f32.Pt(0, 1000-130) {
		t.Errorf("scroll offset %v, want (0,870)", got)
	}
	check(t, shot(t, c), probe{50, 10, bar})

	// Show sets the scroll offset, whatever the compositor had.
	c.Show(NewFrame(stripes(), image.Pt(100, 130)), f32.Pt(0, 100))
	if got, _ := c.ScrollOffset(); got != f32.Pt(0, 100) {
		t.Errorf("scroll offset after Show %v, want (0,100)", got)
	}
	check(t, shot(t, c), probe{50, 20, green}, probe{50, 30, white})

	// A new overlay gives the last one back. Given areas, only those
	// are drawn.
	second := overlay(blue)
	c.SetOverlay(second, []image.Rectangle{image.Rect(0, 0, 50, 20)}, done)
	check(t, shot(t, c), probe{25, 10, blue}, probe{75, 10, white})
	if len(given) != 1 || given[0] != first {
		t.Errorf("ops given back: %v, want the first ones", given)
	}
	c.Show(nil, f32.Point{})
	check(t, shot(t, c), probe{25, 10, blue}, probe{50, 50, white})
	c.Close()
	if len(given) != 2 || given[1] != second {
		t.Errorf("ops given back after Close: %d, want the second ones too", len(given))
	}
}

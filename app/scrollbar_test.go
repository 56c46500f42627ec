package app

import (
	"image/color"
	"math"
	"path/filepath"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/pointer"
)

func TestShellScrollbar(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, _ := openBrowser(t, filepath.Join(dir, "long.html"))
	waitLoaded(t, w, "Long")
	// long.html is 5000 px tall in a 525 px viewport: the thumb is 55 px
	// long (525²/5000) at the top of a track along the right edge.
	x := shellW - scrollbarWidth/2
	img := waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})
	deadline := time.Now().Add(5 * time.Second)
	for img.RGBAAt(x, top+30).R >= img.RGBAAt(x, top+300).R && time.Now().Before(deadline) {
		img, _ = w.Screenshot()
	}
	save(t, img, "scrollbar")
	thumb, track, page := img.RGBAAt(x, top+30), img.RGBAAt(x, top+300), img.RGBAAt(x-20, top+300)
	if !(thumb.R < track.R && track.R < page.R) {
		t.Fatalf("thumb %v, track %v, page %v: want the thumb darker than the track, darker than the page", thumb, track, page)
	}
	if got := img.RGBAAt(x, top+60); got != track {
		t.Errorf("below the thumb: %v, want the track %v", got, track)
	}

	// Drag the thumb half its travel: the page scrolls half its range.
	ui(t, w, func() { w.pointerMoved(f32.Pt(float32(x), top+20)) })
	ui(t, w, func() { w.mouseButton(pointer.ButtonPrimary, true, 0) })
	for y := top + 20; y <= top+20+235; y += 47 {
		ui(t, w, func() { w.pointerMoved(f32.Pt(float32(x), float32(y))) })
	}
	want := float32(0.5 * (5000 - (shellH - top)))
	if got := scrollOffset(t, w); math.Abs(float64(got.Y-want)) > 10 {
		t.Errorf("after dragging the thumb to the middle: scroll %v, want about (0,%v)", got, want)
	}
	// The thumb follows the pointer's height only, and the drag ends
	// wherever the button goes up.
	ui(t, w, func() {
		w.pointerMoved(f32.Pt(400, top+20+235))
		w.mouseButton(pointer.ButtonPrimary, false, 0)
	})
	after := scrollOffset(t, w)
	if math.Abs(float64(after.Y-want)) > 10 {
		t.Errorf("after letting go: scroll %v, want about (0,%v)", after, want)
	}
	ui(t, w, func() { w.pointerMoved(f32.Pt(float32(x), top+400)) })
	if got := scrollOffset(t, w); got != after {
		t.Errorf("the pointer moved after the drag ended, and the page scrolled from %v to %v", after, got)
	}
	img, _ = w.Screenshot()
	save(t, img, "scrollbar-dragged")

	mid := top + (shellH-top)/2
	if got := img.RGBAAt(x, mid); got.R >= track.R {
		t.Errorf("the thumb is not in the middle of the track: pixel %v at y=%d", got, mid)
	}

	// The wheel scrolls as before.
	ui(t, w, func() { w.wheel(0, -1) })
	if got := scrollOffset(t, w); got.Y != after.Y+wheelStep {
		t.Errorf("wheel after the drag: scroll %v, want (0,%v)", got, after.Y+wheelStep)
	}
	// A click on the track below the thumb scrolls a page down.
	before := scrollOffset(t, w)
	clickAt(t, w, f32.Pt(float32(x), shellH-5), pointer.ButtonPrimary)
	if got := scrollOffset(t, w); got.Y != before.Y+float32(shellH-top-pageOverlap) {
		t.Errorf("click below the thumb: scroll %v, want (0,%v)", got, before.Y+float32(shellH-top-pageOverlap))
	}
}

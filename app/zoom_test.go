package app

import (
	"image/color"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"

	"glassbox/compositor"
)

// zoomPage is a 100×100 blue square over a full-width red band 20 px
// tall.
const zoomPage = `<!doctype html><title>Zoom</title>
<body style="margin:0; background:#fff">
<div style="width:100px; height:100px; background:#336699"></div>
<div style="height:20px; background:#993333"></div>
<div style="height:3000px"></div>`

// shownFrame waits for the shown tab's committed frame to satisfy ok.
func shownFrame(t *testing.T, w *Window, what string, ok func(*compositor.Frame) bool) *compositor.Frame {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var f *compositor.Frame
		w.commitMu.Lock()
		if w.shown != nil {
			f = w.shown.frame
		}
		w.commitMu.Unlock()
		if f != nil && ok(f) {
			return f
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for a frame %s; last %+v", what, f)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestShellZoom(t *testing.T) {
	needDisplay(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "zoom.html"), []byte(zoomPage), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, filepath.Join(dir, "zoom.html"))
	waitLoaded(t, w, "Zoom")
	white := color.RGBA{255, 255, 255, 255}
	waitPixel(t, w, 50, top+50, blueC)
	waitPixel(t, w, 150, top+50, white)
	waitPixel(t, w, 780, top+110, redC)

	// Scroll a little: zoom keeps the offset in CSS px.
	ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)); w.wheel(0, -0.25) }) // 12 px
	for range 5 {                                                            // 110, 125, 150, 175, 200%
		press(t, w, "=", key.ModCtrl)
	}
	f := shownFrame(t, w, "at 200%", func(f *compositor.Frame) bool { return f.DeviceScale == 2 })
	if want := f32.Pt(shellW/2, float32(shellH-top)/2); f.Viewport.Sub(want).X != 0 || f.Viewport.Y-want.Y > 0.5 || want.Y-f.Viewport.Y > 0.5 {
		t.Errorf("viewport at 200%% = %v CSS px, want %v", f.Viewport, want)
	}
	if off := scrollOffset(t, w); off != f32.Pt(0, 12) {
		t.Errorf("scroll offset after zooming = %v, want (0,12)", off)
	}
	// Everything is twice as big in device px, the full-width band still
	// spans the window, and the square's edges are sharp (raster at the
	// device scale, not a stretched texture).
	img := waitPixel(t, w, 150, top+150, blueC)
	save(t, img, "zoom-200")
	for _, p := range []struct {
		x, y int
		want color.RGBA
	}{
		{199, top + 50, blueC}, {200, top + 50, white},
		{10, top + 200 - 24 - 1, blueC}, {10, top + 200 - 24, redC},
		{780, top + 200, redC}, {10, top + 240 - 24, white},
	} {
		if got := img.RGBAAt(p.x, p.y); got != p.want {
			t.Errorf("at 200%%: pixel (%d,%d) = %v, want %v", p.x, p.y, got, p.want)
		}
	}

	press(t, w, "-", key.ModCtrl)
	shownFrame(t, w, "at 175%", func(f *compositor.Frame) bool { return f.DeviceScale == 1.75 })
	press(t, w, "0", key.ModCtrl)
	shownFrame(t, w, "at 100%", func(f *compositor.Frame) bool { return f.DeviceScale == 1 })
	waitPixel(t, w, 150, top+50, white)

	// Ctrl with the wheel zooms a step per notch.
	ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)); w.wheelZoom(1) })
	shownFrame(t, w, "at 110% by the wheel", func(f *compositor.Frame) bool { return f.DeviceScale == 1.1 })
	ui(t, w, func() { w.wheelZoom(-1) })
	shownFrame(t, w, "back at 100% by the wheel", func(f *compositor.Frame) bool { return f.DeviceScale == 1 })

	// Zoom is per tab: a new tab opens at 100%, and the zoomed tab keeps
	// its zoom when shown again.
	press(t, w, "-", key.ModCtrl)
	shownFrame(t, w, "at 90%", func(f *compositor.Frame) bool { return f.DeviceScale == 0.9 })
	press(t, w, "T", key.ModCtrl)
	waitLoaded(t, w, "Glassbox")
	shownFrame(t, w, "in a new tab", func(f *compositor.Frame) bool { return f.DeviceScale == 1 })
	press(t, w, key.NameTab, key.ModCtrl)
	shownFrame(t, w, "back in the zoomed tab", func(f *compositor.Frame) bool { return f.DeviceScale == 0.9 })
}

// On a HiDPI display (content scale 2) the shell is drawn at twice the
// size, and the page lays out in CSS px and rasters at device px.
func TestShellHiDPI(t *testing.T) {
	needDisplay(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "zoom.html"), []byte(zoomPage), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, filepath.Join(dir, "zoom.html"))
	waitLoaded(t, w, "Zoom")
	ui(t, w, func() {
		w.ui.forceScale = 2
		w.resized()
	})
	f := shownFrame(t, w, "at scale 2", func(f *compositor.Frame) bool { return f.DeviceScale == 2 })
	if f.Viewport.X != shellW/2 {
		t.Errorf("viewport %v CSS px, want %d wide", f.Viewport, shellW/2)
	}
	top2 := 2 * top
	img := waitPixel(t, w, 150, top2+150, blueC)
	save(t, img, "hidpi")
	for _, p := range []struct {
		x, y int
		want color.RGBA
	}{
		{199, top2 + 199, blueC}, {200, top2 + 50, color.RGBA{255, 255, 255, 255}}, {10, top2 + 200, redC}, {760, top2 + 239, redC},
	} {
		if got := img.RGBAAt(p.x, p.y); got != p.want {
			t.Errorf("pixel (%d,%d) = %v, want %v", p.x, p.y, got, p.want)
		}
	}
	// The toolbar's separator sits just above the content, two device
	// px thick.
	for _, y := range []int{top2 - 1, top2 - 2} {
		if got := img.RGBAAt(600, y); got != (color.RGBA{separatorColour.R, separatorColour.G, separatorColour.B, 255}) {
			t.Errorf("separator pixel (600,%d) = %v, want %v", y, got, separatorColour)
		}
	}
}

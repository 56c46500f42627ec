package app

import (
	"fmt"
	"image/color"
	"path/filepath"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"

	"glassbox/gpu"
)

// Opening and closing tabs, resizing and zooming leave no GL objects
// behind: after a first round (which fills the compositor's pool of tile
// textures) every round ends with the same textures live, all of them the
// compositor's, and closing the window deletes them all.
func TestNoGLLeaks(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	before := gpu.LiveObjects()
	var w *Window
	var err error
	onMain(func() { w, err = Open(Options{Width: shellW, Height: shellH, URL: filepath.Join(dir, "long.html")}) })
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	mainQueue <- func() { done <- w.Run() }
	waitLoaded(t, w, "Long")
	waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})

	// held checks that every live texture is the compositor's, and
	// returns how many there are.
	held := func(what string) int {
		t.Helper()
		w.Screenshot() // a frame with everything in place
		st, err := w.Compositor().Stats()
		if err != nil {
			t.Fatal(err)
		}
		live := gpu.LiveObjects()
		if n := live.Textures - before.Textures; n != st.Textures || live.Framebuffers-before.Framebuffers != n {
			t.Errorf("%s: %d textures and %d framebuffers live, the compositor holds %d",
				what, n, live.Framebuffers-before.Framebuffers, st.Textures)
		}
		return st.Textures
	}
	round := func(i int) {
		press(t, w, "T", key.ModCtrl)
		waitLoaded(t, w, "Glassbox")
		press(t, w, "W", key.ModCtrl)
		waitLoaded(t, w, "Long")
		ui(t, w, func() { w.win.SetSize(shellW-100, shellH-100) })
		waitFrame(t, w, shellW-100)
		press(t, w, "=", key.ModCtrl)
		ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)); w.wheel(0, -20) })
		press(t, w, "0", key.ModCtrl)
		ui(t, w, func() { w.win.SetSize(shellW, shellH) })
		waitFrame(t, w, shellW)
		press(t, w, key.NameHome, 0)
		waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})
		// Let the last relayout land before counting.
		time.Sleep(2 * resizeDebounce)
	}
	round(0)
	steady := held("after the first round")
	for i := 1; i <= 3; i++ {
		round(i)
		if n := held(fmt.Sprintf("round %d", i)); n != steady {
			t.Errorf("round %d: %d textures held, %d after the first", i, n, steady)
		}
	}
	t.Logf("%d textures held in the steady state", steady)

	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if after := gpu.LiveObjects(); after != before {
		t.Errorf("after the window closed: %+v live, want %+v", after, before)
	}
}

// waitFrame waits for the window's frames to be width px wide.
func waitFrame(t *testing.T, w *Window, width int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		img, err := w.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() == width {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("frames %d px wide, want %d", img.Bounds().Dx(), width)
		}
	}
}

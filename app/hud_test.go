package app

import (
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"

	"glassbox/compositor/timeline"
)

func TestHUDSummary(t *testing.T) {
	now := time.Unix(1000, 0)
	at := func(ms int) time.Time { return now.Add(time.Duration(ms) * time.Millisecond) }
	var events []timeline.Event
	// A draw every 20 ms over the last 1.5 s, 1 ms each, and the GPU's
	// share of each.
	for ms := -1500; ms < 0; ms += 20 {
		frame := uint64(ms + 2000)
		events = append(events,
			timeline.Event{Stage: timeline.Draw, Thread: timeline.Compositor, Start: at(ms), Dur: time.Millisecond, Frame: frame},
			timeline.Event{Stage: timeline.Swap, Thread: timeline.Compositor, Start: at(ms + 1), Dur: 5 * time.Millisecond, Frame: frame},
			timeline.Event{Stage: timeline.Draw, Thread: timeline.GPU, Start: at(ms), Dur: 500 * time.Microsecond, Frame: frame})
	}
	events = append(events,
		timeline.Event{Stage: timeline.Raster, Thread: timeline.Compositor, Start: at(-100), Dur: 4 * time.Millisecond},
		timeline.Event{Stage: timeline.Raster, Thread: timeline.Compositor, Start: at(-90), Dur: 6 * time.Millisecond},
		timeline.Event{Stage: timeline.Style, Thread: "page 7", Start: at(-300), Dur: time.Millisecond, Frame: 1},
		timeline.Event{Stage: timeline.Style, Thread: "page 7", Start: at(-200), Dur: 2 * time.Millisecond, Frame: 2},
		timeline.Event{Stage: timeline.Layout, Thread: "page 7", Start: at(-198), Dur: 3 * time.Millisecond, Frame: 2},
		timeline.Event{Stage: timeline.Task, Thread: "page 7", Start: at(-150), Dur: time.Second, Frame: 2},
		timeline.Event{Stage: timeline.Style, Thread: "page 8", Start: at(-50), Dur: 9 * time.Millisecond, Frame: 5},
	)
	st := hudSummary(events, "page 7", now)
	if st.FPS != 50 || st.Draw != time.Millisecond || st.GPUDraw != 500*time.Microsecond || !st.GPU {
		t.Errorf("compositor: %+v", st)
	}
	if st.Rasters != 2 || st.Raster != 5*time.Millisecond {
		t.Errorf("rasters %d of %v, want 2 of 5ms", st.Rasters, st.Raster)
	}
	if st.PageFrame != 2 || st.Style != 2*time.Millisecond || st.Layout != 3*time.Millisecond || st.Paint != 0 {
		t.Errorf("page: frame %d style %v layout %v paint %v", st.PageFrame, st.Style, st.Layout, st.Paint)
	}
	if len(st.Costs) != hudFrames || st.Costs[0] != time.Millisecond {
		t.Errorf("%d frame costs, first %v", len(st.Costs), st.Costs[0])
	}
	want := []string{
		"50 fps · draw 1.0 ms · 2 rasters of 5.0 ms",
		"GPU: draw 0.5 · raster 0.0 ms",
		"page 2: style 2.0 · layout 3.0 · paint 0.0 · commit 0.0 ms",
	}
	if got := st.lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Ctrl+Shift+F shows the frame timing overlay over the page, and hides it.
func TestHUD(t *testing.T) {
	needDisplay(t)
	w, _ := openBrowser(t, filepath.Join(pages(t), "long.html"))
	waitLoaded(t, w, "Long")
	white := color.RGBA{255, 255, 255, 255}
	x, y := shellW-scrollbarWidth-30, top+12
	waitPixel(t, w, x, y, white)
	press(t, w, "F", key.ModCtrl|key.ModShift)
	for range 10 {
		ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)); w.wheel(0, -0.5) })
		time.Sleep(16 * time.Millisecond)
	}
	time.Sleep(2 * hudRefresh)
	// The panel is a translucent dark grey over the white page.
	img, _ := w.Screenshot()
	for deadline := time.Now().Add(10 * time.Second); img.RGBAAt(x, y).R > 100 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		img, _ = w.Screenshot()
	}
	save(t, img, "hud")
	if c := img.RGBAAt(x, y); c.R > 100 || c.G > 100 || c.B > 100 {
		t.Errorf("overlay pixel (%d,%d) = %v, want dark grey", x, y, c)
	}
	var text string
	ui(t, w, func() { text = w.hudLines() })
	for _, want := range []string{" fps · draw ", "page 1: style "} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay text lacks %q:\n%s", want, text)
		}
	}
	press(t, w, "F", key.ModCtrl|key.ModShift)
	waitPixel(t, w, x, y, white)
}

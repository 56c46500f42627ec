package app

import (
	"bytes"
	"encoding/json"
	"image/color"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gioui.org/f32"

	"glassbox/timeline"
)

// frameGaps returns the intervals between the starts of the compositor's
// draws in [from, to), from the window's timeline.
func frameGaps(w *Window, from, to time.Time) []time.Duration {
	var starts []time.Time
	for _, e := range w.Compositor().Timeline().Events() {
		if e.Thread == timeline.Compositor && e.Stage == timeline.Draw && !e.Start.Before(from) && e.Start.Before(to) {
			starts = append(starts, e.Start)
		}
	}
	var gaps []time.Duration
	for i := 1; i < len(starts); i++ {
		gaps = append(gaps, starts[i].Sub(starts[i-1]))
	}
	slices.Sort(gaps)
	return gaps
}

// wheelTicks turns the wheel a little n times, once every display
// interval (16 ms, a 60 Hz display; Xvfb has no display to pace frames
// by), as a touchpad does, and returns when it started and ended.
func wheelTicks(t *testing.T, w *Window, n int) (from, to time.Time) {
	t.Helper()
	from = time.Now()
	tick := time.NewTicker(16 * time.Millisecond)
	defer tick.Stop()
	var slowest time.Duration
	for range n {
		<-tick.C
		t0 := time.Now()
		ui(t, w, func() { w.wheel(0, -0.1) })
		slowest = max(slowest, time.Since(t0))
	}
	// The last frame is drawn before the next ui call returns.
	ui(t, w, func() {})
	time.Sleep(20 * time.Millisecond)
	to = time.Now()
	t.Logf("%d wheel events in %v, the slowest took %v to reach the UI thread", n, to.Sub(from), slowest)
	return from, to
}

// Scrolling is the compositor's: while the page's main thread is blocked
// by a long task, frames keep coming at the same rate as when it is idle,
// and the page shows scrolled.
func TestScrollWhilePageBusy(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, _ := openBrowser(t, filepath.Join(dir, "long.html"))
	waitLoaded(t, w, "Long")
	waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})
	ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)) })

	const ticks = 60 // a second at 60 Hz: 288 px
	idleFrom, idleTo := wheelTicks(t, w, ticks)
	idle := frameGaps(w, idleFrom, idleTo)
	idleScroll := scrollOffset(t, w)

	// Block the page's main thread until the test lets it go.
	var tb *tab
	ui(t, w, func() { tb = w.ui.active })
	started, release := make(chan struct{}), make(chan struct{})
	tb.tasks <- func() { close(started); <-release }
	<-started
	busyFrom, busyTo := wheelTicks(t, w, ticks)
	busy := frameGaps(w, busyFrom, busyTo)
	busyScroll := scrollOffset(t, w)
	// The compositor shows the scrolled page while the page is still
	// blocked: the green band at 1000-1100 is in view.
	y := top + 1000 - int(busyScroll.Y) + 50
	img := waitPixel(t, w, 50, y, greenC)
	save(t, img, "busy-scrolled")
	close(release)

	median := func(g []time.Duration) time.Duration { return g[len(g)/2] }
	if len(idle) < 10 || len(busy) < 10 {
		t.Fatalf("too few frames: %d idle, %d busy", len(idle)+1, len(busy)+1)
	}
	t.Logf("frames idle %d (median gap %v, max %v), page busy %d (median gap %v, max %v)",
		len(idle)+1, median(idle), idle[len(idle)-1], len(busy)+1, median(busy), busy[len(busy)-1])
	if want := float32(2 * ticks * 0.1 * wheelStep); busyScroll.Y < want-1 || busyScroll.Y > want+1 {
		t.Errorf("scrolled to %v (%v while idle), want %v", busyScroll.Y, idleScroll.Y, want)
	}
	// As many frames, as evenly spaced, with the page busy as idle. The
	// bounds leave room for a test machine shared with other work (two
	// cores), not for frames that wait on the page, which would stop for
	// the whole second.
	if len(busy) < len(idle)/2 {
		t.Errorf("%d frames while the page was busy, %d while idle", len(busy)+1, len(idle)+1)
	}
	if m := median(busy); m > 2*median(idle)+10*time.Millisecond {
		t.Errorf("median frame gap %v while the page was busy, %v idle", m, median(idle))
	}
	if g := busy[len(busy)-1]; g > 250*time.Millisecond {
		t.Errorf("a %v gap between frames while the page was busy", g)
	}

	// The timeline shows the page's task covering the busy phase (once the
	// page has recorded it), and no page frame during it.
	var task bool
	for deadline := time.Now().Add(5 * time.Second); !task && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		for _, e := range w.Compositor().Timeline().Events() {
			if e.Thread == tb.thread && e.Stage == timeline.Task && !e.Start.After(busyFrom) && !e.End().Before(busyTo) {
				task = true
			}
		}
	}
	if !task {
		t.Error("the timeline has no page task covering the busy phase")
	}
	for _, e := range w.Compositor().Timeline().Events() {
		if e.Thread == tb.thread && e.Stage != timeline.Task && e.Start.Before(busyTo) && e.End().After(busyFrom) {
			t.Errorf("page event %+v during the busy task", e)
		}
	}
}

// Options.Trace gets the window's frame timings as Trace Event Format
// JSON when the window closes.
func TestWindowTrace(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	var trace bytes.Buffer
	var w *Window
	var err error
	onMain(func() {
		w, err = Open(Options{Width: shellW, Height: shellH, URL: filepath.Join(dir, "long.html"), Trace: &trace})
	})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	mainQueue <- func() { done <- w.Run() }
	waitLoaded(t, w, "Long")
	waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})
	ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)); w.wheel(0, -1) })
	w.Screenshot()
	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	var f struct {
		TraceEvents []struct {
			Name string         `json:"name"`
			Ph   string         `json:"ph"`
			Tid  int            `json:"tid"`
			Dur  float64        `json:"dur"`
			Args map[string]any `json:"args"`
		} `json:"traceEvents"`
	}
	if err := json.Unmarshal(trace.Bytes(), &f); err != nil {
		t.Fatalf("the trace is not JSON: %v", err)
	}
	threads := map[int]string{}
	count := map[string]int{}
	for _, e := range f.TraceEvents {
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				threads[e.Tid] = e.Args["name"].(string)
			}
		case "X":
			name := threads[e.Tid]
			if name != timeline.Compositor && name != timeline.GPU {
				name = "page"
			}
			count[name+" "+e.Name]++
		}
	}
	t.Logf("trace: %v", count)
	for _, want := range []string{"page style", "page layout", "page paint", "page commit",
		"compositor raster", "compositor draw", "compositor swap", "compositor overlay"} {
		if count[want] == 0 {
			t.Errorf("the trace has no %q events", want)
		}
	}
}

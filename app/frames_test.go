package app

import (
	"bytes"
	"encoding/json"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gioui.org/f32"

	"glassbox/compositor"
	"glassbox/compositor/timeline"
)

// settle waits for the compositor to have rastered the tiles around the
// view, which it does while idle.
func settle(t *testing.T, w *Window) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		st, err := w.Compositor().Stats()
		if err != nil {
			t.Fatal(err)
		}
		if st.TilesAhead == 0 && st.TilesPooled == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d tiles still to raster ahead", st.TilesAhead)
		}
	}
}

// latencies returns, sorted, how long after each input in sent the
// compositor began drawing the frame that showed it, from the window's
// timeline, counting only frames begun before until.
func latencies(w *Window, sent []time.Time, until time.Time) []time.Duration {
	var draws []time.Time
	for _, e := range w.Compositor().Timeline().Events() {
		if e.Thread == timeline.Compositor && e.Stage == timeline.Draw && e.Start.Before(until) {
			draws = append(draws, e.Start)
		}
	}
	var out []time.Duration
	for _, at := range sent {
		if k, _ := slices.BinarySearchFunc(draws, at, func(a, b time.Time) int { return a.Compare(b) }); k < len(draws) {
			out = append(out, draws[k].Sub(at))
		}
	}
	slices.Sort(out)
	return out
}

// wheelTicks turns the wheel a little n times, once every display
// interval (16 ms, a 60 Hz display; Xvfb has no display to pace frames
// by), as a touchpad does, and returns when the UI thread handled each.
func wheelTicks(t *testing.T, w *Window, n int) []time.Time {
	t.Helper()
	start := time.Now()
	tick := time.NewTicker(16 * time.Millisecond)
	defer tick.Stop()
	var sent []time.Time
	for range n {
		<-tick.C
		ui(t, w, func() {
			w.wheel(0, -0.1)
			sent = append(sent, time.Now())
		})
	}
	// The last frame is drawn before the next ui call returns.
	ui(t, w, func() {})
	time.Sleep(20 * time.Millisecond)
	t.Logf("%d wheel events in %v", n, time.Since(start))
	return sent
}

// Scrolling is the compositor's: while the page's main thread is blocked
// by a long task, the wheel turned at the display's rate (60 Hz) gets a
// frame for each event, as soon after it as when the page is idle, and
// the page shows scrolled.
func TestScrollWhilePageBusy(t *testing.T) {
	needDisplay(t)
	dir := t.TempDir()
	// 2000 px tall, with a green band at 1000-1100: short enough that the
	// compositor's tiles around the view cover all of it, so that the
	// test measures scrolling alone, not tile raster (slow on llvmpipe).
	page := `<!doctype html><title>Scroll</title><body style="margin:0; background:#fff">
<div style="height:1000px"></div><div style="background:#228844; height:100px"></div><div style="height:900px"></div>`
	if err := os.WriteFile(filepath.Join(dir, "scroll.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, filepath.Join(dir, "scroll.html"))
	waitLoaded(t, w, "Scroll")
	waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})
	ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)) })
	settle(t, w)

	const ticks = 60 // a second at 60 Hz: 288 px
	idleSent := wheelTicks(t, w, ticks)
	idleScroll := scrollOffset(t, w)

	// Block the page's main thread until the test lets it go.
	var tb *tab
	ui(t, w, func() { tb = w.ui.active })
	started, release := make(chan struct{}), make(chan struct{})
	tb.tasks <- func() { close(started); <-release }
	<-started
	busyFrom := time.Now()
	busySent := wheelTicks(t, w, ticks)
	busyTo := time.Now()
	busyScroll := scrollOffset(t, w)
	// The compositor shows the scrolled page while the page is still
	// blocked: the green band at 1000-1100 is in view.
	y := top + 1000 - int(busyScroll.Y) + 50
	img := waitPixel(t, w, 50, y, greenC)
	save(t, img, "busy-scrolled")
	released := time.Now()
	close(release)

	if want := float32(2 * ticks * 0.1 * wheelStep); busyScroll.Y < want-1 || busyScroll.Y > want+1 {
		t.Errorf("scrolled to %v (%v while idle), want %v", busyScroll.Y, idleScroll.Y, want)
	}
	// Every wheel event while the page was blocked was drawn while it was
	// still blocked, about as soon after the event as with the page idle.
	// (A compositor that waited on the page would have drawn none of them
	// before the release; the bound on the median is loose beyond that,
	// for a test machine shared with other work, two cores.)
	idle, busy := latencies(w, idleSent, time.Now()), latencies(w, busySent, released)
	if len(idle) != ticks || len(busy) != ticks {
		t.Fatalf("frames for %d of %d wheel events while idle, %d while the page was busy", len(idle), ticks, len(busy))
	}
	median := func(d []time.Duration) time.Duration { return d[len(d)/2] }
	t.Logf("wheel to frame: page idle median %v, max %v; page busy median %v, max %v",
		median(idle), idle[len(idle)-1], median(busy), busy[len(busy)-1])
	if m := median(busy); m > 3*median(idle)+20*time.Millisecond {
		t.Errorf("median wheel-to-frame latency %v while the page was busy, %v idle", m, median(idle))
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

// The compositor begins a main frame for a page that asks, once per
// displayed frame: a requestAnimationFrame loop gets a BeginFrame for
// each frame and never two for one.
func TestBeginMainFrame(t *testing.T) {
	needDisplay(t)
	w, _ := openBrowser(t, filepath.Join(pages(t), "long.html"))
	waitLoaded(t, w, "Long")
	waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})
	c := w.Compositor()
	receive := func(ch chan compositor.BeginFrame) compositor.BeginFrame {
		t.Helper()
		select {
		case bf := <-ch:
			return bf
		case <-time.After(5 * time.Second):
			t.Fatal("no BeginFrame")
		}
		return compositor.BeginFrame{}
	}
	// Two requests before a frame make one BeginFrame; a request that
	// comes after the frame began gets the next one.
	ch := make(chan compositor.BeginFrame, 2)
	c.RequestMainFrame(ch)
	c.RequestMainFrame(ch)
	first := receive(ch)
	select {
	case extra := <-ch:
		if extra.Frame <= first.Frame {
			t.Errorf("two BeginFrames for frame %d", first.Frame)
		}
	case <-time.After(100 * time.Millisecond):
	}

	// A rAF loop, asking again as each BeginFrame comes: frames keep
	// coming, each with a BeginFrame of its own.
	ch = make(chan compositor.BeginFrame, 1)
	start, _ := c.Stats()
	var got []compositor.BeginFrame
	c.RequestMainFrame(ch)
	for len(got) < 30 {
		got = append(got, receive(ch))
		c.RequestMainFrame(ch)
	}
	end, _ := c.Stats()
	for i := 1; i < len(got); i++ {
		if got[i].Frame <= got[i-1].Frame || !got[i].Time.After(got[i-1].Time) {
			t.Errorf("BeginFrame %+v after %+v", got[i], got[i-1])
		}
	}
	// Each BeginFrame needed a frame drawn; other frames (the shell's)
	// may come between.
	if drawn := end.Frames - start.Frames; drawn < 29 || drawn > 45 {
		t.Errorf("%d frames drawn for 30 BeginFrames", drawn)
	}
	t.Logf("30 BeginFrames in %v, %d frames drawn", got[29].Time.Sub(got[0].Time), end.Frames-start.Frames)
}

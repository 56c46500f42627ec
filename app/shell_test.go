package app

import (
	"fmt"
	"image"
	"image/color"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"

	"glassbox/gpu/gputest"
)

// The shell tests drive a real window: they inject input through the
// methods GLFW's callbacks call, on the UI thread, and look at the tabs'
// state and at screenshots.

const (
	shellW, shellH = 800, 600
	top            = toolbarHeight // content starts here at scale 1 (Xvfb)
)

var (
	blueC  = color.RGBA{0x33, 0x66, 0x99, 255}
	redC   = color.RGBA{0x99, 0x33, 0x33, 255}
	greenC = color.RGBA{0x22, 0x88, 0x44, 255}
)

// pages writes the test site into a temporary directory and returns it.
//
//	one.html: title One, a blue band at 0-100, a link to two.html at 100-150
//	two.html: title Two, a red band at 0-100, links back to one.html
//	long.html: 5000 px tall, a green band at 1000-1100
func pages(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"one.html": `<!doctype html><title>One</title>
<body style="margin:0; background:#fff; font: 40px/50px sans-serif">
<div style="background:#336699; height:100px"></div>
<a href="two.html" style="display:block; height:50px">next</a>
<a href="two.html" target="_blank" style="display:block; height:50px">new tab</a>
<div style="height:2000px"></div>`,
		"two.html": `<!doctype html><title>Two</title>
<body style="margin:0; background:#fff; font: 40px/50px sans-serif">
<div style="background:#993333; height:100px"></div>
<a href="one.html" style="display:block; height:50px">back</a>`,
		"long.html": `<!doctype html><title>Long</title>
<body style="margin:0; background:#fff">
<div style="height:1000px"></div>
<div style="background:#228844; height:100px"></div>
<div style="height:3900px"></div>`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// openBrowser opens a window with the shell on url and runs it; done
// receives Run's result.
func openBrowser(t *testing.T, url string) (*Window, <-chan error) {
	t.Helper()
	var w *Window
	var err error
	var log strings.Builder
	onMain(func() {
		w, err = Open(Options{Width: shellW, Height: shellH, URL: url, Log: func(msg string) {
			fmt.Fprintln(&log, msg)
		}})
	})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	mainQueue <- func() { done <- w.Run() }
	finished := make(chan error, 1)
	t.Cleanup(func() {
		w.Close()
		select {
		case err := <-finished:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after Close")
		}
	})
	out := make(chan error, 1)
	go func() {
		err := <-done
		finished <- err
		out <- err
	}()
	return w, out
}

// ui runs f on the UI thread.
func ui(t *testing.T, w *Window, f func()) {
	t.Helper()
	if !w.do(f) {
		t.Fatal("the window has gone")
	}
}

// press types a key with modifiers.
func press(t *testing.T, w *Window, name key.Name, mods key.Modifiers) {
	t.Helper()
	ui(t, w, func() {
		w.key(name, true, mods)
		w.key(name, false, mods)
	})
}

// typeText types s as characters.
func typeText(t *testing.T, w *Window, s string) {
	t.Helper()
	ui(t, w, func() {
		for _, r := range s {
			w.char(r)
		}
	})
}

// clickAt moves the mouse to p (window px) and clicks a button.
func clickAt(t *testing.T, w *Window, p f32.Point, b pointer.Buttons) {
	t.Helper()
	ui(t, w, func() { w.pointerMoved(p) })
	// Let a frame go by, as between real events, so that Gio knows
	// what is under the pointer.
	time.Sleep(30 * time.Millisecond)
	ui(t, w, func() {
		w.mouseButton(b, true, 0)
		w.mouseButton(b, false, 0)
	})
}

// active returns the state of the shown tab and the number of tabs.
func active(t *testing.T, w *Window) (tabState, int) {
	t.Helper()
	var st tabState
	var n int
	ui(t, w, func() {
		if w.ui.active != nil {
			st = w.ui.active.state()
		}
		n = len(w.ui.tabs)
	})
	return st, n
}

// waitTab waits until the shown tab's state satisfies ok.
func waitTab(t *testing.T, w *Window, what string, ok func(tabState) bool) tabState {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, _ := active(t, w)
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: tab state %+v", what, st)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitLoaded waits for the shown tab to finish a load with the given title.
func waitLoaded(t *testing.T, w *Window, title string) tabState {
	t.Helper()
	return waitTab(t, w, "page "+title, func(st tabState) bool { return !st.Loading && st.Title == title })
}

// waitPixel waits until the screenshot has c at (x, y), saving the last
// frame to /tmp on failure.
func waitPixel(t *testing.T, w *Window, x, y int, c color.RGBA) *image.RGBA {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		img, err := w.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		if gputest.Near(img.RGBAAt(x, y), c, 1) {
			return img
		}
		if time.Now().After(deadline) {
			name := "/tmp/glassbox-shell-" + strings.ReplaceAll(t.Name(), "/", "-") + "-timeout.png"
			gputest.SavePNG(name, img)
			t.Fatalf("pixel (%d,%d) = %v, want %v (frame in %s)", x, y, img.RGBAAt(x, y), c, name)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func save(t *testing.T, img *image.RGBA, name string) {
	t.Helper()
	if err := gputest.SavePNG("/tmp/glassbox-shell-"+name+".png", img); err != nil {
		t.Log(err)
	}
}

func scrollOffset(t *testing.T, w *Window) f32.Point {
	t.Helper()
	off, err := w.Compositor().ScrollOffset()
	if err != nil {
		t.Fatal(err)
	}
	return off
}

func TestShellNavigation(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, _ := openBrowser(t, filepath.Join(dir, "one.html"))
	st := waitLoaded(t, w, "One")
	if st.URL.Scheme != "file" || !strings.HasSuffix(st.URL.Path, "/one.html") {
		t.Errorf("URL %v, want file:.../one.html", st.URL)
	}
	img := waitPixel(t, w, 50, top+50, blueC)
	save(t, img, "one")

	// The shell's colours come out as given: Gio draws in linear light
	// into what must look like an sRGB target.
	for _, p := range []struct {
		x, y int
		want color.NRGBA
		what string
	}{
		{600, 2, stripColour, "tab strip"},
		{600, tabStripHeight + 2, barColour, "toolbar"},
		{700, 56, fieldColour, "address bar"},
		{600, top - 1, separatorColour, "separator"},
	} {
		if got := img.RGBAAt(p.x, p.y); !gputest.Near(got, gputest.Opaque(p.want), 1) {
			t.Errorf("%s pixel (%d,%d) = %v, want %v", p.what, p.x, p.y, got, p.want)
		}
	}
	var addr string
	ui(t, w, func() { addr = w.ui.addr.Text() })
	if addr != st.URL.String() {
		t.Errorf("address bar says %q, want %q", addr, st.URL)
	}

	// Type an address: Ctrl+L selects all, typing replaces it.
	press(t, w, "L", key.ModCtrl)
	typeText(t, w, filepath.Join(dir, "two.html"))
	press(t, w, key.NameReturn, 0)
	st = waitLoaded(t, w, "Two")
	if !strings.HasSuffix(st.URL.Path, "/two.html") || !st.CanBack || st.CanForward {
		t.Errorf("after typing: URL %v, back %v, forward %v; want two.html, true, false", st.URL, st.CanBack, st.CanForward)
	}
	save(t, waitPixel(t, w, 50, top+50, redC), "two")

	// Back and forward with the keyboard.
	press(t, w, key.NameLeftArrow, key.ModAlt)
	st = waitLoaded(t, w, "One")
	if st.CanBack || !st.CanForward {
		t.Errorf("after back: back %v, forward %v; want false, true", st.CanBack, st.CanForward)
	}
	waitPixel(t, w, 50, top+50, blueC)
	press(t, w, key.NameRightArrow, key.ModAlt)
	waitLoaded(t, w, "Two")
	waitPixel(t, w, 50, top+50, redC)

	// And with the toolbar's back button.
	clickAt(t, w, f32.Pt(8+buttonSize/2, tabStripHeight+20), pointer.ButtonPrimary)
	waitLoaded(t, w, "One")
	waitPixel(t, w, 50, top+50, blueC)

	// Hovering a link shows its URL and the hand cursor; clicking it
	// follows it.
	link := f32.Pt(40, top+125)
	ui(t, w, func() { w.pointerMoved(link) })
	st = waitTab(t, w, "hover", func(st tabState) bool { return strings.HasSuffix(st.Hover, "/two.html") })
	var cursor pointer.Cursor
	deadline := time.Now().Add(5 * time.Second)
	for cursor != pointer.CursorPointer && time.Now().Before(deadline) {
		ui(t, w, func() { cursor = w.ui.cursor })
	}
	if cursor != pointer.CursorPointer {
		t.Errorf("cursor over a link = %v, want the hand", cursor)
	}
	save(t, waitPixel(t, w, 50, top+50, blueC), "hover")
	clickAt(t, w, link, pointer.ButtonPrimary)
	st = waitLoaded(t, w, "Two")
	if !st.CanBack || st.CanForward {
		t.Errorf("after a click: back %v, forward %v; want true, false (forward history dropped)", st.CanBack, st.CanForward)
	}
	waitPixel(t, w, 50, top+50, redC)

	// The I-beam over the address bar.
	ui(t, w, func() { w.pointerMoved(f32.Pt(400, 56)) })
	deadline = time.Now().Add(5 * time.Second)
	for cursor != pointer.CursorText && time.Now().Before(deadline) {
		ui(t, w, func() { cursor = w.ui.cursor })
		time.Sleep(10 * time.Millisecond)
	}
	if cursor != pointer.CursorText {
		t.Errorf("cursor over the address bar = %v, want the I-beam", cursor)
	}
}

func TestShellAddressBar(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, _ := openBrowser(t, filepath.Join(dir, "one.html"))
	st := waitLoaded(t, w, "One")
	text := func() (s string, focused bool) {
		ui(t, w, func() { s, focused = w.ui.addr.Text(), w.ui.focused })
		return s, focused
	}

	// Clicking the address bar focuses it with everything selected.
	clickAt(t, w, f32.Pt(400, 56), pointer.ButtonPrimary)
	time.Sleep(50 * time.Millisecond)
	typeText(t, w, "x")
	if s, f := text(); s != "x" || !f {
		t.Errorf("typing after a click: %q (focused %v), want %q", s, f, "x")
	}
	press(t, w, key.NameDeleteBackward, 0)
	typeText(t, w, "yz")
	if s, _ := text(); s != "yz" {
		t.Errorf("after backspace and more typing: %q, want %q", s, "yz")
	}
	img := waitPixel(t, w, 50, top+50, blueC)
	save(t, img, "editing")

	// Escape gives up: the bar shows the page's URL again.
	press(t, w, key.NameEscape, 0)
	deadline := time.Now().Add(5 * time.Second)
	for {
		s, f := text()
		if s == st.URL.String() && !f {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after Escape: %q (focused %v), want %q", s, f, st.URL)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestShellScroll(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, _ := openBrowser(t, filepath.Join(dir, "long.html"))
	waitLoaded(t, w, "Long")
	waitPixel(t, w, 50, top+10, color.RGBA{255, 255, 255, 255})

	// Two notches of the wheel over the page.
	ui(t, w, func() {
		w.pointerMoved(f32.Pt(300, 300))
		w.wheel(0, -2)
	})
	if got := scrollOffset(t, w); got != f32.Pt(0, 2*wheelStep) {
		t.Errorf("after the wheel: scroll %v, want (0,%d)", got, 2*wheelStep)
	}
	// Page down: the viewport less an overlap, scrolled smoothly.
	press(t, w, key.NamePageDown, 0)
	want := float32(2*wheelStep + (shellH - top - pageOverlap))
	if got, _ := w.Compositor().ScrollTarget(); got != f32.Pt(0, want) {
		t.Errorf("after PageDown: scrolling to %v, want (0,%v)", got, want)
	}
	waitScroll(t, w, "after PageDown", f32.Pt(0, want))
	// The green band at 1000 is now at 1000-want in the viewport.
	y := top + 1000 - int(want) + 50
	img := waitPixel(t, w, 50, y, greenC)
	save(t, img, "scrolled")
	if got := img.RGBAAt(50, y-60); got != (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("above the band: %v, want white", got)
	}
	// The toolbar stays on top of the scrolled page.
	if got := img.RGBAAt(600, 2); !gputest.Near(got, gputest.Opaque(stripColour), 1) {
		t.Errorf("tab strip pixel after scrolling = %v, want %v", got, stripColour)
	}

	press(t, w, key.NameSpace, key.ModShift)
	waitScroll(t, w, "after Shift+Space", f32.Pt(0, 2*wheelStep))
	press(t, w, key.NameEnd, 0)
	waitScroll(t, w, "after End", f32.Pt(0, 5000-(shellH-top)))
	press(t, w, key.NameHome, 0)
	waitScroll(t, w, "after Home", f32.Point{})
	// Keys held down add up: two Downs in a row go two lines.
	press(t, w, key.NameDownArrow, 0)
	press(t, w, key.NameDownArrow, 0)
	waitScroll(t, w, "after Down, Down", f32.Pt(0, 2*lineStep))
	// The wheel takes over from a smooth scroll at once.
	press(t, w, key.NamePageDown, 0)
	ui(t, w, func() { w.wheel(0, 1) })
	if got, _ := w.Compositor().ScrollTarget(); got.Y >= 2*lineStep+float32(shellH-top-pageOverlap) {
		t.Errorf("the wheel did not stop the smooth scroll: going to %v", got)
	}
	press(t, w, key.NameHome, 0)
	waitScroll(t, w, "after Home", f32.Point{})
	press(t, w, key.NameDownArrow, 0)
	waitScroll(t, w, "after Down", f32.Pt(0, lineStep))

	// While the address bar has the focus, keys edit it, not scroll.
	press(t, w, "L", key.ModCtrl)
	press(t, w, key.NamePageDown, 0)
	time.Sleep(2 * 150 * time.Millisecond)
	if got := scrollOffset(t, w); got != f32.Pt(0, lineStep) {
		t.Errorf("PageDown in the address bar scrolled the page to %v", got)
	}
}

func TestShellTabs(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, done := openBrowser(t, filepath.Join(dir, "one.html"))
	waitLoaded(t, w, "One")
	first := waitPixel(t, w, 50, top+50, blueC)
	ui(t, w, func() { w.wheel(0, 0) }) // nothing
	ui(t, w, func() {
		w.pointerMoved(f32.Pt(300, 300))
		w.wheel(0, -1)
	})

	// Ctrl+T opens the start page in a new tab, with the address bar
	// focused.
	press(t, w, "T", key.ModCtrl)
	st := waitLoaded(t, w, "Glassbox")
	_, n := active(t, w)
	if n != 2 || st.URL.String() != "about:start" {
		t.Errorf("after Ctrl+T: %d tabs, URL %v; want 2, about:start", n, st.URL)
	}
	if got := scrollOffset(t, w); got != (f32.Point{}) {
		t.Errorf("new tab scrolled to %v", got)
	}
	img := waitPixel(t, w, 600, top+50, color.RGBA{0x1d, 0x27, 0x33, 255}) // the start page's header
	save(t, img, "two-tabs")

	// Ctrl+W closes it: back to the first tab, scrolled as it was.
	press(t, w, "W", key.ModCtrl)
	st = waitLoaded(t, w, "One")
	if _, n := active(t, w); n != 1 {
		t.Errorf("after Ctrl+W: %d tabs, want 1", n)
	}
	if got := scrollOffset(t, w); got != f32.Pt(0, wheelStep) {
		t.Errorf("first tab's scroll after switching back: %v, want (0,%d)", got, wheelStep)
	}
	press(t, w, key.NameHome, 0)
	waitPixel(t, w, 50, top+50, blueC)
	_ = first

	// A link with target=_blank opens a new tab, shown.
	clickAt(t, w, f32.Pt(40, top+175), pointer.ButtonPrimary)
	waitLoaded(t, w, "Two")
	if _, n := active(t, w); n != 2 {
		t.Errorf("after a target=_blank link: %d tabs, want 2", n)
	}
	// Clicking the first tab in the strip shows it again.
	clickAt(t, w, f32.Pt(60, 20), pointer.ButtonPrimary)
	waitLoaded(t, w, "One")
	waitPixel(t, w, 50, top+50, blueC)

	// Closing the last tabs closes the window.
	press(t, w, "W", key.ModCtrl)
	press(t, w, "W", key.ModCtrl)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the window stayed open after its last tab closed")
	}
}

func TestShellErrorPage(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	w, _ := openBrowser(t, srv.URL+"/one.html")
	waitLoaded(t, w, "One")

	// A second tab goes to a file that is not there: it shows the error
	// page, at that URL.
	press(t, w, "T", key.ModCtrl)
	waitLoaded(t, w, "Glassbox")
	missing := filepath.Join(dir, "missing.html")
	typeText(t, w, missing)
	press(t, w, key.NameReturn, 0)
	st := waitTab(t, w, "the error page", func(st tabState) bool { return !st.Loading && st.Loads == 2 })
	if st.Title != "Problem loading page" || !strings.HasSuffix(st.URL.Path, "/missing.html") {
		t.Errorf("error tab: title %q, URL %v; want the error page at missing.html", st.Title, st.URL)
	}
	img, err := w.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	save(t, img, "error")

	// The first tab still works.
	clickAt(t, w, f32.Pt(60, 20), pointer.ButtonPrimary)
	waitLoaded(t, w, "One")
	clickAt(t, w, f32.Pt(40, top+125), pointer.ButtonPrimary)
	st = waitLoaded(t, w, "Two")
	if st.URL.Scheme != "http" {
		t.Errorf("URL %v, want http", st.URL)
	}
	waitPixel(t, w, 50, top+50, redC)
}

func TestShellStop(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	stalled := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			select {
			case <-r.Context().Done():
			case <-stalled:
			}
			return
		}
		http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer close(stalled)
	w, _ := openBrowser(t, srv.URL+"/one.html")
	before := waitLoaded(t, w, "One")

	press(t, w, "L", key.ModCtrl)
	typeText(t, w, srv.URL+"/slow")
	press(t, w, key.NameReturn, 0)
	st := waitTab(t, w, "loading", func(st tabState) bool { return st.Loading })
	if !strings.HasSuffix(st.URL.Path, "/slow") {
		t.Errorf("while loading: URL %v, want .../slow", st.URL)
	}
	// The status line says so, over the page's bottom-left corner, and
	// the page stays up meanwhile.
	img := waitPixel(t, w, 3, shellH-3, gputest.Opaque(barColour))
	save(t, img, "loading")
	if got := img.RGBAAt(50, top+50); got != blueC {
		t.Errorf("page pixel while loading = %v, want %v", got, blueC)
	}

	// Escape stops: the tab keeps its page and URL.
	press(t, w, key.NameEscape, 0)
	st = waitTab(t, w, "stopped", func(st tabState) bool { return !st.Loading })
	if st.URL.String() != before.URL.String() || st.Title != "One" || st.Loads != before.Loads {
		t.Errorf("after stop: %+v, want the page as before", st)
	}
	waitPixel(t, w, 3, shellH-3, color.RGBA{255, 255, 255, 255})
}

func TestShellResize(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	half := filepath.Join(dir, "half.html")
	if err := os.WriteFile(half, []byte(`<title>Half</title><body style="margin:0"><div style="width:50%; height:100px; background:#336699"></div>`), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, half)
	waitLoaded(t, w, "Half")
	waitPixel(t, w, shellW/2-2, top+50, blueC)
	waitPixel(t, w, shellW/2+2, top+50, color.RGBA{255, 255, 255, 255})

	// A narrower window lays the page out again: the div is half of it.
	ui(t, w, func() { w.win.SetSize(600, 500) })
	img := waitPixel(t, w, 600/2+2, top+50, color.RGBA{255, 255, 255, 255})
	if got := img.Bounds().Size(); got != image.Pt(600, 500) {
		t.Errorf("window size %v, want 600x500", got)
	}
	img = waitPixel(t, w, 600/2-2, top+50, blueC)
	save(t, img, "resized")
	// The toolbar follows: the address bar ends 8 px from the new edge.
	if got := img.RGBAAt(600-20, 56); !gputest.Near(got, gputest.Opaque(fieldColour), 1) {
		t.Errorf("address bar at the right edge = %v, want %v", got, fieldColour)
	}
}

func TestShellMiddleClick(t *testing.T) {
	needDisplay(t)
	dir := pages(t)
	w, _ := openBrowser(t, filepath.Join(dir, "one.html"))
	waitLoaded(t, w, "One")
	waitPixel(t, w, 50, top+50, blueC)

	// A middle click opens the link in a new tab behind this one.
	clickAt(t, w, f32.Pt(40, top+125), pointer.ButtonTertiary)
	deadline := time.Now().Add(10 * time.Second)
	for {
		var titles []string
		ui(t, w, func() {
			for _, tb := range w.ui.tabs {
				titles = append(titles, tb.state().Title)
			}
		})
		if strings.Join(titles, ",") == "One,Two" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tabs after a middle click: %q, want One, Two", titles)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if st, _ := active(t, w); st.Title != "One" {
		t.Errorf("shown tab after a middle click: %q, want One", st.Title)
	}
	img := waitPixel(t, w, 50, top+50, blueC)
	save(t, img, "background-tab")
}

package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
)

// waitScroll waits for the compositor's scroll offset to be want.
func waitScroll(t *testing.T, w *Window, what string, want f32.Point) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := scrollOffset(t, w)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: scroll %v, want %v", what, got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Fragment links scroll within the document without loading it again,
// and back and forward return to where each entry was scrolled.
func TestShellFragmentsAndHistory(t *testing.T) {
	needDisplay(t)
	var loads atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loads.Add(1)
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/frag.html":
			fmt.Fprint(w, `<!doctype html><title>Frag</title>
<body style="margin:0; background:#fff; font: 40px/50px sans-serif">
<a href="#s2" style="display:block; height:50px">to s2</a>
<div style="height:1950px"></div>
<div id="s2" style="height:100px; background:#228844"></div>
<div style="height:900px"></div>
<h2 id="s3" style="margin:0; height:100px; background:#336699"></h2>
<div style="height:3000px"></div>`)
		case "/other.html":
			fmt.Fprint(w, `<!doctype html><title>Other</title><body style="margin:0; background:#993333">`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	w, _ := openBrowser(t, srv.URL+"/frag.html")
	waitLoaded(t, w, "Frag")
	if n := loads.Load(); n != 1 {
		t.Fatalf("%d loads at start", n)
	}

	// A click on a link to #s2 scrolls there, with the fragment in the
	// address and a history entry, and no load.
	clickAt(t, w, f32.Pt(40, top+25), pointer.ButtonPrimary)
	st := waitTab(t, w, "#s2", func(st tabState) bool { return st.URL.Fragment == "s2" })
	if !st.CanBack || st.CanForward {
		t.Errorf("after #s2: back %v, forward %v; want true, false", st.CanBack, st.CanForward)
	}
	waitScroll(t, w, "after the link to #s2", f32.Pt(0, 2000))
	save(t, waitPixel(t, w, 50, top+50, greenC), "fragment")

	// Scroll on a little, then back: the top of the page, where it was.
	ui(t, w, func() { w.pointerMoved(f32.Pt(300, 300)); w.wheel(0, -1) })
	press(t, w, key.NameLeftArrow, key.ModAlt)
	st = waitTab(t, w, "back", func(st tabState) bool { return st.URL.Fragment == "" && !st.CanBack })
	waitScroll(t, w, "back from #s2", f32.Point{})
	// Forward: where #s2 was left, not #s2 itself.
	press(t, w, key.NameRightArrow, key.ModAlt)
	waitTab(t, w, "forward", func(st tabState) bool { return st.URL.Fragment == "s2" })
	waitScroll(t, w, "forward to #s2", f32.Pt(0, 2000+wheelStep))
	if n := loads.Load(); n != 1 {
		t.Errorf("%d loads after moving within the document, want 1", n)
	}

	// Another document, then back: the page loads again and is scrolled
	// where it was left.
	press(t, w, "L", key.ModCtrl)
	typeText(t, w, srv.URL+"/other.html")
	press(t, w, key.NameReturn, 0)
	waitLoaded(t, w, "Other")
	waitScroll(t, w, "a new document", f32.Point{})
	press(t, w, key.NameLeftArrow, key.ModAlt)
	waitLoaded(t, w, "Frag")
	waitScroll(t, w, "back to frag.html#s2", f32.Pt(0, 2000+wheelStep))
	if n := loads.Load(); n != 3 {
		t.Errorf("%d loads, want 3", n)
	}

	// Typing the address with another fragment moves within the
	// document too.
	press(t, w, "L", key.ModCtrl)
	typeText(t, w, srv.URL+"/frag.html#s3")
	press(t, w, key.NameReturn, 0)
	waitTab(t, w, "#s3", func(st tabState) bool { return strings.HasSuffix(st.URL.String(), "#s3") })
	waitScroll(t, w, "frag.html#s3", f32.Pt(0, 3000))
	save(t, waitPixel(t, w, 50, top+50, blueC), "fragment-s3")
	if n := loads.Load(); n != 3 {
		t.Errorf("%d loads, want 3", n)
	}

	// A document loaded with a fragment starts scrolled there.
	press(t, w, "T", key.ModCtrl)
	waitLoaded(t, w, "Glassbox")
	typeText(t, w, srv.URL+"/frag.html#s2")
	press(t, w, key.NameReturn, 0)
	waitLoaded(t, w, "Frag")
	waitScroll(t, w, "a new tab on frag.html#s2", f32.Pt(0, 2000))
	if n := loads.Load(); n != 4 {
		t.Errorf("%d loads, want 4", n)
	}
}

package app

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"github.com/go-gl/glfw/v3.3/glfw"

	"glassbox/compositor/timeline"
)

// drag presses the primary button at from, moves to each point of path
// in turn, and lets go at the last (window px).
func drag(t *testing.T, w *Window, from f32.Point, path ...f32.Point) {
	t.Helper()
	ui(t, w, func() { w.pointerMoved(from) })
	ui(t, w, func() { w.mouseButton(pointer.ButtonPrimary, true, 0) })
	for _, p := range path {
		ui(t, w, func() { w.pointerMoved(p) })
	}
	ui(t, w, func() { w.mouseButton(pointer.ButtonPrimary, false, 0) })
}

// waitCursor waits for the shell to show cursor c.
func waitCursor(t *testing.T, w *Window, c pointer.Cursor) {
	t.Helper()
	var got pointer.Cursor
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		ui(t, w, func() { got = w.ui.cursor })
		if got == c {
			return
		}
	}
	t.Errorf("cursor %v, want %v", got, c)
}

func TestShellSelection(t *testing.T) {
	needDisplay(t)
	dir := t.TempDir()
	// Monospace 40px: characters about 24 px wide, lines 50 px tall.
	page := `<!doctype html><title>Select</title>
<body style="margin:0; background:#fff; font: 40px/50px monospace">
<p style="margin:0">Hello world</p>
<p style="margin:0">Second <a href="x.html">link</a></p>`
	if err := os.WriteFile(filepath.Join(dir, "sel.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, filepath.Join(dir, "sel.html"))
	waitLoaded(t, w, "Select")
	white := color.RGBA{255, 255, 255, 255}
	waitPixel(t, w, 3, top+8, white)

	// The I-beam over text, the hand over a link, the arrow elsewhere.
	ui(t, w, func() { w.pointerMoved(f32.Pt(2*24, top+25)) })
	waitCursor(t, w, pointer.CursorText)
	ui(t, w, func() { w.pointerMoved(f32.Pt(9*24, top+75)) })
	waitCursor(t, w, pointer.CursorPointer)
	ui(t, w, func() { w.pointerMoved(f32.Pt(600, top+300)) })
	waitCursor(t, w, pointer.CursorDefault)

	// Drag over "Hello": it is selected and highlighted.
	drag(t, w, f32.Pt(2, top+25), f32.Pt(3*24, top+25), f32.Pt(5*24, top+25))
	waitTab(t, w, "Hello selected", func(st tabState) bool { return st.Selected == "Hello" })
	img := waitPixel(t, w, 3, top+8, color.RGBA{183, 216, 255, 255})
	save(t, img, "selection")
	if got := img.RGBAAt(8*24, top+8); got != white {
		t.Errorf("outside the selection: %v, want white", got)
	}

	// Across lines, and Ctrl+C copies it.
	drag(t, w, f32.Pt(6*24, top+25), f32.Pt(3*24, top+75))
	waitTab(t, w, "across lines", func(st tabState) bool { return st.Selected == "world\nSec" })
	img, _ = w.Screenshot()
	save(t, img, "selection-lines")
	press(t, w, "C", key.ModCtrl)
	var clip string
	for deadline := time.Now().Add(5 * time.Second); clip != "world\nSec" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		ui(t, w, func() { clip = glfw.GetClipboardString() })
	}
	if clip != "world\nSec" {
		t.Errorf("clipboard %q after Ctrl+C, want %q", clip, "world\nSec")
	}

	// A double click selects a word.
	ui(t, w, func() { w.pointerMoved(f32.Pt(8*24, top+25)) })
	ui(t, w, func() {
		for range 2 {
			w.mouseButton(pointer.ButtonPrimary, true, 0)
			w.mouseButton(pointer.ButtonPrimary, false, 0)
		}
	})
	waitTab(t, w, "a word selected", func(st tabState) bool { return st.Selected == "world" })

	// Ctrl+A selects all the text.
	press(t, w, "A", key.ModCtrl)
	waitTab(t, w, "all selected", func(st tabState) bool { return st.Selected == "Hello world\nSecond link" })
	waitPixel(t, w, 8*24+3, top+8, color.RGBA{183, 216, 255, 255})

	// A click clears the selection.
	clickAt(t, w, f32.Pt(600, top+300), pointer.ButtonPrimary)
	waitTab(t, w, "selection cleared", func(st tabState) bool { return st.Selected == "" })
	waitPixel(t, w, 6*24+3, top+8, white)
}

// Dragging a selection below the page scrolls it, and keeps scrolling
// while the pointer stays there, the selection following.
func TestShellSelectionAutoscroll(t *testing.T) {
	needDisplay(t)
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(`<!doctype html><title>Lines</title><body style="margin:0; font: 20px/25px monospace">`)
	for i := range 200 {
		fmt.Fprintf(&b, "<p style='margin:0'>line %d</p>", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "lines.html"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, filepath.Join(dir, "lines.html"))
	waitLoaded(t, w, "Lines")
	ui(t, w, func() { w.pointerMoved(f32.Pt(2, top+5)) })
	ui(t, w, func() { w.mouseButton(pointer.ButtonPrimary, true, 0) })
	// 40 px below the window's bottom edge (the pointer is captured).
	ui(t, w, func() { w.pointerMoved(f32.Pt(100, shellH+40)) })
	time.Sleep(500 * time.Millisecond)
	first := scrollOffset(t, w)
	time.Sleep(300 * time.Millisecond)
	second := scrollOffset(t, w)
	ui(t, w, func() { w.mouseButton(pointer.ButtonPrimary, false, 0) })
	if first.Y < 40*3 || second.Y <= first.Y {
		t.Errorf("scroll %v then %v while the drag rested below the page, want it scrolling on", first, second)
	}
	st := waitTab(t, w, "a selection", func(st tabState) bool { return strings.HasPrefix(st.Selected, "line 0\nline 1\n") })
	// The selection reaches the lines scrolled into view.
	lines := strings.Count(st.Selected, "\n")
	if min := int(second.Y+shellH-top) / 25; lines < min-2 {
		t.Errorf("%d lines selected, want about %d (to the bottom of the view)", lines, min)
	}
	// Released: no more scrolling.
	after := scrollOffset(t, w)
	time.Sleep(200 * time.Millisecond)
	if got := scrollOffset(t, w); got != after {
		t.Errorf("scrolled from %v to %v after the button went up", after, got)
	}
}

// A selection lasts while a script animates the page around it, and goes
// when the script changes its text.
func TestShellSelectionAcrossFrames(t *testing.T) {
	needDisplay(t)
	dir := t.TempDir()
	page := `<!doctype html><title>Anim</title>
<body style="margin:0; background:#fff; font: 40px/50px monospace">
<p id="t" style="margin:0">Hello world</p>
<div id="box" style="height:50px; width:100px; background:#336699"></div>
<script>
let n = 0;
function step() {
  document.getElementById("box").style.width = (100 + n % 50) + "px";
  if (++n == 120) document.getElementById("t").textContent = "Changed text";
  requestAnimationFrame(step);
}
requestAnimationFrame(step);
</script>`
	if err := os.WriteFile(filepath.Join(dir, "anim.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _ := openBrowser(t, filepath.Join(dir, "anim.html"))
	waitLoaded(t, w, "Anim")
	var tb *tab
	ui(t, w, func() { tb = w.ui.active })
	drag(t, w, f32.Pt(2, top+25), f32.Pt(5*24, top+25))
	selected := time.Now()
	waitTab(t, w, "Hello selected", func(st tabState) bool { return st.Selected == "Hello" || st.Selected == "Chang" })
	// The selection stays, through the page's frames, until the text
	// changes (at the 120th).
	deadline := time.Now().Add(20 * time.Second)
	for {
		st, _ := active(t, w)
		if st.Selected == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the selection outlived the text it selected")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cleared := time.Now()
	commits := 0
	for _, e := range w.Compositor().Timeline().Events() {
		if e.Thread == tb.thread && e.Stage == timeline.Commit && e.Start.After(selected) && e.Start.Before(cleared) {
			commits++
		}
	}
	if commits < 10 {
		t.Errorf("the selection lasted %d of the page's frames, want it to last until the text changed", commits)
	}
	t.Logf("the selection lasted %v, %d frames", cleared.Sub(selected), commits)
	waitPixel(t, w, 3, top+8, color.RGBA{255, 255, 255, 255})
}

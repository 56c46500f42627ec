package app

import (
	"image/color"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"github.com/go-gl/glfw/v3.3/glfw"
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

	// Ctrl+A selects all the text.
	press(t, w, "A", key.ModCtrl)
	waitTab(t, w, "all selected", func(st tabState) bool { return st.Selected == "Hello world\nSecond link" })
	waitPixel(t, w, 8*24+3, top+8, color.RGBA{183, 216, 255, 255})

	// A click clears the selection.
	clickAt(t, w, f32.Pt(600, top+300), pointer.ButtonPrimary)
	waitTab(t, w, "selection cleared", func(st tabState) bool { return st.Selected == "" })
	waitPixel(t, w, 6*24+3, top+8, white)
}

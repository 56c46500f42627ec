package app

import (
	"image"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// This file turns GLFW's callbacks into the browser's input handling. The
// callbacks only convert their arguments and call the methods below, which
// run on the UI thread; tests inject synthetic input by calling the same
// methods there (through Window.do).

// Scroll distances in CSS px for the keyboard.
const (
	lineStep    = 40 // arrow keys
	pageOverlap = 40 // Space and PageDown keep this much of the last page in view
)

// scrollbarWidth is the root scroller's scrollbar's width, in dp.
const scrollbarWidth = 12

// setCallbacks connects the window's events to the shell.
func (w *Window) setCallbacks() {
	w.win.SetFramebufferSizeCallback(func(*glfw.Window, int, int) { w.resized() })
	w.win.SetContentScaleCallback(func(*glfw.Window, float32, float32) { w.resized() })
	w.win.SetCursorPosCallback(func(_ *glfw.Window, x, y float64) { w.pointerMoved(w.devicePoint(x, y)) })
	w.win.SetCursorEnterCallback(func(_ *glfw.Window, entered bool) {
		if !entered {
			w.pointerLeft()
		}
	})
	w.win.SetMouseButtonCallback(func(_ *glfw.Window, b glfw.MouseButton, a glfw.Action, mods glfw.ModifierKey) {
		if btn, ok := mouseButtons[b]; ok {
			w.mouseButton(btn, a != glfw.Release, gioModifiers(mods))
		}
	})
	w.win.SetScrollCallback(func(win *glfw.Window, xoff, yoff float64) {
		if win.GetKey(glfw.KeyLeftControl) == glfw.Press || win.GetKey(glfw.KeyRightControl) == glfw.Press {
			w.wheelZoom(float32(yoff))
			return
		}
		w.wheel(float32(xoff), float32(yoff))
	})
	w.win.SetKeyCallback(func(_ *glfw.Window, k glfw.Key, _ int, a glfw.Action, mods glfw.ModifierKey) {
		if name, ok := keyNames[k]; ok {
			w.key(name, a != glfw.Release, gioModifiers(mods))
		}
	})
	w.win.SetCharCallback(func(_ *glfw.Window, r rune) { w.char(r) })
}

// devicePoint converts GLFW's screen coordinates to framebuffer pixels,
// which differ on displays that scale windows.
func (w *Window) devicePoint(x, y float64) f32.Point {
	ww, wh := w.win.GetSize()
	fw, fh := w.win.GetFramebufferSize()
	if ww > 0 && wh > 0 {
		x *= float64(fw) / float64(ww)
		y *= float64(fh) / float64(wh)
	}
	return f32.Pt(float32(x), float32(y))
}

// resized lays the window out again for its framebuffer's size: the
// compositor's target and content area, the shell, and the shown tab's
// viewport (other tabs get theirs when shown).
func (w *Window) resized() {
	s := w.ui
	fb := image.Pt(w.win.GetFramebufferSize())
	s.size, s.scale = fb, w.contentScale()
	s.content = image.Rect(0, min(s.dp(toolbarHeight), fb.Y), fb.X, fb.Y)
	w.comp.Resize(fb.X, fb.Y)
	w.comp.SetContentArea(s.content)
	w.comp.SetScrollbar(s.dp(scrollbarWidth), s.thumbDrag)
	if s.active != nil {
		s.active.resize(w.viewport())
	}
	s.invalid = true
}

// inContent reports whether p, in device px, is over the page.
func (w *Window) inContent(p f32.Point) bool {
	return p.Round().In(w.ui.content)
}

// viewportPoint converts p, in device px, to the page's viewport in CSS
// px.
func (w *Window) viewportPoint(p f32.Point) f32.Point {
	s := w.ui
	return p.Sub(layoutPt(s.content.Min)).Div(w.viewport().scale)
}

func layoutPt(p image.Point) f32.Point { return f32.Pt(float32(p.X), float32(p.Y)) }

// pointerMoved handles the mouse moving to p (device px).
func (w *Window) pointerMoved(p f32.Point) {
	s := w.ui
	wasOver := !w.inContent(s.pointer)
	s.pointer, s.pointerIn = p, true
	// Gio's router makes a move with a button down a Drag itself, and
	// panics on a Drag given to it.
	s.queuePointer(pointer.Move)
	if s.thumbDrag {
		w.dragThumb(p)
		return
	}
	over := !w.inContent(p)
	// The shell only changes under the pointer (hover highlights), or
	// while dragging (selecting in the address bar).
	if over || wasOver || s.buttons != 0 {
		s.invalid = true
	}
	if !over && s.active != nil {
		s.active.hover(w.viewportPoint(p))
	}
	if s.selecting && s.active != nil {
		s.active.selectText(selectMsg{gesture: s.selGesture, anchor: s.selAnchor, focus: w.viewportPoint(p)})
	}
	w.updateCursor()
}

// pointerLeft handles the mouse leaving the window.
func (w *Window) pointerLeft() {
	s := w.ui
	s.pointerIn = false
	s.queuePointer(pointer.Leave)
	s.invalid = true
	w.updateCursor()
}

// mouseButton handles a mouse button going down (press) or up.
func (w *Window) mouseButton(b pointer.Buttons, press bool, mods key.Modifiers) {
	s := w.ui
	s.mods = mods
	kind := pointer.Release
	if press {
		kind = pointer.Press
		s.buttons |= b
	} else {
		s.buttons &^= b
	}
	s.queuePointer(kind)
	s.invalid = true
	if b == pointer.ButtonPrimary && !press {
		s.selecting = false
	}
	if s.thumbDrag && b == pointer.ButtonPrimary && !press {
		// The end of a drag of the scrollbar's thumb, wherever it is.
		s.thumbDrag = false
		w.comp.SetScrollbar(s.dp(scrollbarWidth), false)
		return
	}
	if !w.inContent(s.pointer) {
		if !press {
			s.pressed = 0
		}
		return
	}
	if press {
		// A click on the page takes the focus from the address bar.
		s.blurAddress()
		if b == pointer.ButtonPrimary && w.pressScrollbar(s.pointer) {
			return
		}
		if b == pointer.ButtonPrimary && s.active != nil {
			// A new selection starts here (and a click clears the old).
			s.selGesture++
			s.selecting, s.selAnchor = true, w.viewportPoint(s.pointer)
			s.active.selectText(selectMsg{gesture: s.selGesture, anchor: s.selAnchor, focus: s.selAnchor})
		}
		s.pressed, s.pressedAt = b, s.pointer
		return
	}
	// A click: press and release of the same button, not far apart.
	if s.pressed == b && s.pointer.Sub(s.pressedAt).Round().In(image.Rect(-4, -4, 5, 5)) && s.active != nil {
		switch {
		case b == pointer.ButtonPrimary:
			s.active.click(click{pt: w.viewportPoint(s.pointer), middle: mods.Contain(key.ModCtrl)})
		case b == pointer.ButtonTertiary:
			s.active.click(click{pt: w.viewportPoint(s.pointer), middle: true})
		}
	}
	s.pressed = 0
}

// pressScrollbar handles a press at p (device px) on the scrollbar, if it
// is one there, and reports whether it was: on the thumb it starts a drag,
// on the track above or below it scrolls a page that way.
func (w *Window) pressScrollbar(p f32.Point) bool {
	s := w.ui
	info, err := w.comp.Scrollbar()
	pt := p.Round()
	if err != nil || !pt.In(info.Track) {
		return false
	}
	switch {
	case pt.In(info.Thumb):
		s.thumbDrag, s.thumbGrab, s.thumbAt = true, p.Y-float32(info.Thumb.Min.Y), info
		w.comp.SetScrollbar(s.dp(scrollbarWidth), true)
	case pt.Y < info.Thumb.Min.Y:
		w.scrollKey(key.NamePageUp, 0)
	default:
		w.scrollKey(key.NamePageDown, 0)
	}
	return true
}

// dragThumb scrolls so that the scrollbar's thumb follows the pointer,
// at p (device px), keeping the point where it was grabbed under it. It
// goes by the scrollbar as it was when the drag began, so as not to wait
// for the compositor at every move.
func (w *Window) dragThumb(p f32.Point) {
	s := w.ui
	info := s.thumbAt
	room := float32(info.Track.Dy() - info.Thumb.Dy())
	if room <= 0 {
		return
	}
	top := p.Y - s.thumbGrab - float32(info.Track.Min.Y)
	frac := min(max(top/room, 0), 1)
	w.comp.ScrollTo(f32.Pt(info.Scroll.X, frac*info.Max.Y))
}

// wheel handles the mouse wheel: the page scrolls on the compositor,
// without asking the page's goroutine.
func (w *Window) wheel(dx, dy float32) {
	s := w.ui
	if !s.pointerIn || !w.inContent(s.pointer) {
		return
	}
	w.comp.ScrollBy(-dx*wheelStep, -dy*wheelStep)
	if s.active != nil {
		// What is under the pointer changed.
		s.active.hover(w.viewportPoint(s.pointer))
	}
}

// wheelZoom handles the wheel with Ctrl held: page zoom, a step per
// notch, as browsers do.
func (w *Window) wheelZoom(dy float32) {
	s := w.ui
	if !s.pointerIn || !w.inContent(s.pointer) || s.active == nil || dy == 0 {
		return
	}
	dir := 1
	if dy < 0 {
		dir = -1
	}
	w.setZoom(s.active, nextZoom(s.active.zoom, dir))
	s.invalid = true
}

// key handles a key going down (or repeating) or up.
func (w *Window) key(name key.Name, press bool, mods key.Modifiers) {
	s := w.ui
	s.mods = mods
	if press && w.shortcut(name, mods) {
		return
	}
	if s.focused {
		state := key.Release
		if press {
			state = key.Press
		}
		if s.syncFocus {
			w.frame() // the router learns of the focus
		}
		s.router.Queue(key.Event{Name: name, Modifiers: mods, State: state})
		w.update()
		return
	}
	if press && mods&^key.ModShift == 0 {
		w.scrollKey(name, mods)
	}
}

// shortcut performs the browser's keyboard shortcut for name, if it is
// one, and reports whether it was.
func (w *Window) shortcut(name key.Name, mods key.Modifiers) bool {
	s := w.ui
	t := s.active
	if t == nil { // the last tab closed: the window is closing
		return false
	}
	switch {
	case mods == key.ModCtrl && name == "C" && !s.focused:
		t.copySelection()
	case mods == key.ModCtrl && name == "A" && !s.focused:
		s.selGesture++
		t.selectText(selectMsg{gesture: s.selGesture, all: true})
	case mods == key.ModCtrl && name == "Q":
		w.win.SetShouldClose(true)
	case mods == key.ModCtrl && name == "L":
		s.focusAddress()
	case mods == key.ModCtrl && name == "T":
		w.openTab(navigation{input: "about:start"}, true)
		s.focusAddress()
	case mods == key.ModCtrl && name == "W":
		w.closeTab(t)
	case mods == key.ModCtrl && name == "R" || mods == 0 && name == key.NameF5:
		t.navigate(navigation{kind: navReload})
	case mods == key.ModAlt && name == key.NameLeftArrow:
		t.navigate(navigation{kind: navBack})
	case mods == key.ModAlt && name == key.NameRightArrow:
		t.navigate(navigation{kind: navForward})
	case mods&^key.ModShift == key.ModCtrl && name == key.NameTab:
		step := 1
		if mods.Contain(key.ModShift) {
			step = -1
		}
		w.activate(s.tabs[(s.index(t)+step+len(s.tabs))%len(s.tabs)])
	case mods == 0 && name == key.NameEscape && !s.focused && t.state().Loading:
		t.stop()
	case mods&^key.ModShift == key.ModCtrl && (name == "=" || name == "+"):
		w.setZoom(t, nextZoom(t.zoom, +1))
	case mods&^key.ModShift == key.ModCtrl && name == "-":
		w.setZoom(t, nextZoom(t.zoom, -1))
	case mods == key.ModCtrl && name == "0":
		w.setZoom(t, 1)
	default:
		return false
	}
	s.invalid = true
	return true
}

// zoomLevels are the page zoom steps of Ctrl+Plus and Ctrl+Minus, those
// of Chromium and Firefox.
var zoomLevels = []float32{0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5}

// nextZoom returns the zoom level after z in direction dir (+1 or -1),
// staying at the ends.
func nextZoom(z float32, dir int) float32 {
	if dir > 0 {
		for _, l := range zoomLevels {
			if l > z+0.001 {
				return l
			}
		}
		return zoomLevels[len(zoomLevels)-1]
	}
	for i := len(zoomLevels) - 1; i >= 0; i-- {
		if l := zoomLevels[i]; l < z-0.001 {
			return l
		}
	}
	return zoomLevels[0]
}

// setZoom sets t's page zoom: the page lays out again for a viewport of
// fewer (or more) CSS px, and rasters at the new scale. The scroll offset
// stays where it was in the document, in CSS px.
func (w *Window) setZoom(t *tab, z float32) {
	if t.zoom == z {
		return
	}
	t.zoom = z
	t.resize(w.viewportOf(t))
	if s := w.ui; s.pointerIn && w.inContent(s.pointer) && s.active == t {
		t.hover(w.viewportPoint(s.pointer))
	}
}

// scrollKey scrolls the page for the keys that do.
func (w *Window) scrollKey(name key.Name, mods key.Modifiers) {
	vp := w.viewport().css
	page := float32(max(vp.Y-pageOverlap, lineStep))
	var dx, dy float32
	switch name {
	case key.NameSpace:
		dy = page
		if mods.Contain(key.ModShift) {
			dy = -page
		}
	case key.NamePageDown:
		dy = page
	case key.NamePageUp:
		dy = -page
	case key.NameDownArrow:
		dy = lineStep
	case key.NameUpArrow:
		dy = -lineStep
	case key.NameRightArrow:
		dx = lineStep
	case key.NameLeftArrow:
		dx = -lineStep
	case key.NameHome:
		dy = -1e9 // clamped to the top
	case key.NameEnd:
		dy = 1e9
	default:
		return
	}
	w.comp.ScrollBy(dx, dy)
	if s := w.ui; s.active != nil && s.pointerIn && w.inContent(s.pointer) {
		s.active.hover(w.viewportPoint(s.pointer))
	}
}

// char handles a character typed: text for the address bar.
func (w *Window) char(r rune) {
	// GLFW sends no characters for Ctrl combinations.
	s := w.ui
	if !s.focused {
		return
	}
	s.addr.Insert(string(r))
	s.invalid = true
}

var mouseButtons = map[glfw.MouseButton]pointer.Buttons{
	glfw.MouseButtonLeft:   pointer.ButtonPrimary,
	glfw.MouseButtonRight:  pointer.ButtonSecondary,
	glfw.MouseButtonMiddle: pointer.ButtonTertiary,
}

func gioModifiers(m glfw.ModifierKey) key.Modifiers {
	var k key.Modifiers
	if m&glfw.ModControl != 0 {
		k |= key.ModCtrl
	}
	if m&glfw.ModShift != 0 {
		k |= key.ModShift
	}
	if m&glfw.ModAlt != 0 {
		k |= key.ModAlt
	}
	if m&glfw.ModSuper != 0 {
		k |= key.ModSuper
	}
	return k
}

// keyNames names GLFW's keys as Gio does.
var keyNames = func() map[glfw.Key]key.Name {
	m := map[glfw.Key]key.Name{
		glfw.KeySpace:     key.NameSpace,
		glfw.KeyEnter:     key.NameReturn,
		glfw.KeyKPEnter:   key.NameEnter,
		glfw.KeyEscape:    key.NameEscape,
		glfw.KeyBackspace: key.NameDeleteBackward,
		glfw.KeyDelete:    key.NameDeleteForward,
		glfw.KeyTab:       key.NameTab,
		glfw.KeyLeft:      key.NameLeftArrow,
		glfw.KeyRight:     key.NameRightArrow,
		glfw.KeyUp:        key.NameUpArrow,
		glfw.KeyDown:      key.NameDownArrow,
		glfw.KeyHome:      key.NameHome,
		glfw.KeyEnd:       key.NameEnd,
		glfw.KeyPageUp:    key.NamePageUp,
		glfw.KeyPageDown:  key.NamePageDown,
		// Ctrl with these zooms; on a US keyboard Plus is Shift+Equal.
		glfw.KeyEqual:      "=",
		glfw.KeyMinus:      "-",
		glfw.KeyKPAdd:      "+",
		glfw.KeyKPSubtract: "-",
		glfw.KeyKP0:        "0",
	}
	for k := glfw.KeyA; k <= glfw.KeyZ; k++ {
		m[k] = key.Name(rune('A' + k - glfw.KeyA))
	}
	for k := glfw.Key0; k <= glfw.Key9; k++ {
		m[k] = key.Name(rune('0' + k - glfw.Key0))
	}
	fkeys := []key.Name{key.NameF1, key.NameF2, key.NameF3, key.NameF4, key.NameF5, key.NameF6,
		key.NameF7, key.NameF8, key.NameF9, key.NameF10, key.NameF11, key.NameF12}
	for i, n := range fkeys {
		m[glfw.KeyF1+glfw.Key(i)] = n
	}
	return m
}()

package app

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"gioui.org/f32"
	"gioui.org/font/gofont"
	"gioui.org/io/event"
	"gioui.org/io/input"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/io/transfer"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/op/paint"
	"gioui.org/text"
	"gioui.org/unit"
	"gioui.org/widget"
	"gioui.org/widget/material"
	"github.com/go-gl/glfw/v3.3/glfw"

	"glassbox/compositor"
)

// The shell's geometry, in dp.
const (
	tabStripHeight = 36
	toolbarHeight  = 76 // the tab strip and the row of buttons and address bar
	tabTop         = 6  // tabs hang from the strip's top by this much
	tabMaxWidth    = 220
	tabMinWidth    = 56
	buttonSize     = 32
)

// The shell's colours, sRGB.
var (
	stripColour     = rgb(0xdee1e6)
	barColour       = rgb(0xf6f7f9) // the toolbar and the active tab
	tabHoverColour  = rgb(0xe9ebee)
	separatorColour = rgb(0xc4c7cc)
	hoverColour     = rgb(0xdfe2e6) // behind a button under the pointer
	iconColour      = rgb(0x3c4043)
	disabledColour  = rgb(0xb2b6bc)
	textColour      = rgb(0x202124)
	fieldColour     = rgb(0xffffff)
	focusColour     = rgb(0x3a7bd5)
)

// shell is the browser's user interface around the page: tabs, toolbar,
// address bar and status line, laid out with Gio on the UI thread. The
// ops it records are drawn by the compositor over the page.
type shell struct {
	w      *Window
	th     *material.Theme
	router input.Router
	start  time.Time // Gio wants event times from some origin

	tabs   []*tab
	active *tab

	addr    widget.Editor
	addrBox struct{} // tag for presses around the address text
	back    widget.Clickable
	forward widget.Clickable
	reload  widget.Clickable
	newTab  widget.Clickable
	// focused says whether the address bar has the keyboard focus. The
	// shell decides it, and tells the router, which may only act on it
	// at its next frame: syncFocus says a frame must come before any
	// more keys go to the router.
	focused   bool
	syncFocus bool

	size    image.Point     // the framebuffer, device px
	scale   float32         // device px per dp
	content image.Rectangle // the page's part of the window, device px
	invalid bool            // lay out at the next chance

	pointer   f32.Point // device px
	pointerIn bool
	buttons   pointer.Buttons
	mods      key.Modifiers
	pressed   pointer.Buttons // the button pressed on the page, for clicks
	pressedAt f32.Point
	thumbDrag bool                     // the scrollbar's thumb is being dragged
	thumbGrab float32                  // where the thumb was grabbed, device px below its top
	thumbAt   compositor.ScrollbarInfo // the scrollbar when the drag began
	// A text selection with the mouse: the gesture's number, whether the
	// button is still down, and where it went down (viewport CSS px).
	selGesture uint64
	selecting  bool
	selAnchor  f32.Point

	// Ops double-buffering: the compositor draws one op.Ops while the
	// UI thread records the next, and gives each back through free.
	free    chan *op.Ops
	scratch op.Ops // for handling input between frames; never drawn

	// forceScale, when set, stands for the window's content scale (tests
	// of HiDPI under Xvfb, whose scale is 1).
	forceScale float32

	cursor  pointer.Cursor
	cursors map[pointer.Cursor]*glfw.Cursor
	title   string
}

func newShell(w *Window) *shell {
	th := material.NewTheme()
	th.Shaper = text.NewShaper(text.NoSystemFonts(), text.WithCollection(gofont.Collection()))
	th.Palette.Fg = textColour
	th.Palette.ContrastBg = focusColour
	s := &shell{
		w:     w,
		th:    th,
		start: time.Now(),
		free:  make(chan *op.Ops, 3),
		cursors: map[pointer.Cursor]*glfw.Cursor{
			pointer.CursorText:    glfw.CreateStandardCursor(glfw.IBeamCursor),
			pointer.CursorPointer: glfw.CreateStandardCursor(glfw.HandCursor),
		},
	}
	s.addr.SingleLine = true
	s.addr.Submit = true
	return s
}

func (s *shell) close() {
	for _, t := range s.tabs {
		t.close()
	}
	s.tabs, s.active = nil, nil
	for _, c := range s.cursors {
		c.Destroy()
	}
}

func rgb(c uint32) color.NRGBA {
	return color.NRGBA{R: uint8(c >> 16), G: uint8(c >> 8), B: uint8(c), A: 255}
}

// dp converts v dp to device px.
func (s *shell) dp(v float32) int { return int(math.Round(float64(v * s.scale))) }

func (s *shell) index(t *tab) int { return slices.Index(s.tabs, t) }

// due reports whether a widget asked for a frame by now (a caret blink).
func (s *shell) due(now time.Time) bool {
	t, ok := s.router.WakeupTime()
	return ok && !now.Before(t)
}

// wakeup returns when a widget wants the next frame.
func (s *shell) wakeup() (time.Time, bool) { return s.router.WakeupTime() }

func (s *shell) queuePointer(kind pointer.Kind) {
	s.router.Queue(pointer.Event{
		Kind:      kind,
		Source:    pointer.Mouse,
		Position:  s.pointer,
		Buttons:   s.buttons,
		Modifiers: s.mods,
		Time:      time.Since(s.start),
	})
}

// focusAddress gives the address bar the keyboard focus, with all its
// text selected, as Ctrl+L does in browsers.
func (s *shell) focusAddress() {
	s.router.Source().Execute(key.FocusCmd{Tag: &s.addr})
	s.addr.SetCaret(s.addr.Len(), 0)
	s.focused, s.syncFocus = true, true
	s.invalid = true
}

// blurAddress takes the keyboard focus from the address bar, which goes
// back to showing the page's URL.
func (s *shell) blurAddress() {
	if !s.focused {
		return
	}
	s.router.Source().Execute(key.FocusCmd{})
	s.focused, s.syncFocus = false, true
	s.invalid = true
}

func (s *shell) context(ops *op.Ops, now time.Time) layout.Context {
	return layout.Context{
		Ops:         ops,
		Now:         now,
		Metric:      unit.Metric{PxPerDp: s.scale, PxPerSp: s.scale},
		Constraints: layout.Exact(s.size),
		Source:      s.router.Source(),
	}
}

// The UI thread's frame.

// frame lays out the shell and hands its ops to the compositor.
func (w *Window) frame() {
	s := w.ui
	s.invalid = false
	var ops *op.Ops
	select {
	case ops = <-s.free:
	default:
		ops = new(op.Ops)
	}
	ops.Reset()
	gtx := s.context(ops, time.Now())
	w.handle(gtx)
	areas := w.layout(gtx)
	s.router.Frame(ops)
	s.syncFocus = false
	w.comp.SetOverlay(ops, areas, func(o *op.Ops) {
		select {
		case s.free <- o:
		default:
		}
	})
	w.clipboard()
	w.updateCursor()
	title := ""
	if s.active != nil {
		title = tabTitle(s.active.state())
	}
	if title != s.title {
		s.title = title
		w.setTitle(title)
	}
}

// update handles input that came between frames, in order: a key that
// edits the address bar must see the text typed before it.
func (w *Window) update() {
	s := w.ui
	s.scratch.Reset()
	w.handle(s.context(&s.scratch, time.Now()))
	s.invalid = true
}

// handle acts on the shell's input: buttons, tabs, the address bar.
func (w *Window) handle(gtx layout.Context) {
	s := w.ui
	t := s.active
	if t == nil {
		return
	}
	for s.back.Clicked(gtx) {
		t.navigate(navigation{kind: navBack})
	}
	for s.forward.Clicked(gtx) {
		t.navigate(navigation{kind: navForward})
	}
	for s.reload.Clicked(gtx) {
		if t.state().Loading {
			t.stop()
		} else {
			t.navigate(navigation{kind: navReload})
		}
	}
	for s.newTab.Clicked(gtx) {
		w.openTab(navigation{input: "about:start"}, true)
		s.focusAddress()
	}
	for _, tb := range slices.Clone(s.tabs) {
		for tb.button.Clicked(gtx) {
			w.activate(tb)
		}
		for tb.closeButton.Clicked(gtx) {
			w.closeTab(tb)
		}
	}
	t = s.active
	if t == nil {
		return
	}

	for {
		ev, ok := s.addr.Update(gtx)
		if !ok {
			break
		}
		if e, ok := ev.(widget.SubmitEvent); ok {
			if in := strings.TrimSpace(e.Text); in != "" {
				t.navigate(navigation{input: in})
				s.blurAddress()
			}
		}
	}
	for {
		ev, ok := gtx.Event(
			key.Filter{Focus: &s.addr, Name: key.NameEscape},
			pointer.Filter{Target: &s.addrBox, Kinds: pointer.Press},
		)
		if !ok {
			break
		}
		switch ev := ev.(type) {
		case key.Event:
			if ev.State == key.Press {
				s.blurAddress()
			}
		case pointer.Event:
			// A click in the address bar: select all, ready to type
			// over, as browsers do. The editor has seen the press
			// already and put the caret under it.
			if !s.focused {
				s.focusAddress()
			}
		}
	}
	if !s.focused {
		if u := urlText(t.state()); s.addr.Text() != u {
			s.addr.SetText(u)
		}
	}
}

// clipboard moves text between the address bar and the system clipboard.
func (w *Window) clipboard() {
	s := w.ui
	if _, text, ok := s.router.WriteClipboard(); ok {
		glfw.SetClipboardString(string(text))
	}
	if s.router.ClipboardRequested() {
		text := glfw.GetClipboardString()
		s.router.Queue(transfer.DataEvent{
			Type: "application/text",
			Open: func() io.ReadCloser { return io.NopCloser(strings.NewReader(text)) },
		})
		s.invalid = true
	}
}

// updateCursor shows the cursor for what is under the pointer: a hand
// over links, an I-beam over text (and while selecting) and over the
// address bar.
func (w *Window) updateCursor() {
	s := w.ui
	want := pointer.CursorDefault
	switch {
	case !s.pointerIn:
	case w.inContent(s.pointer):
		if s.active != nil {
			switch st := s.active.state(); {
			case s.thumbDrag:
			case st.Hover != "":
				want = pointer.CursorPointer
			case st.OverText || s.selecting:
				want = pointer.CursorText
			}
		}
	default:
		want = s.router.Cursor()
	}
	if want == s.cursor {
		return
	}
	s.cursor = want
	w.win.SetCursor(s.cursors[want]) // nil: the default arrow
}

// Tabs.

// openTab opens a tab going to n, after the others or, for a link, after
// the current tab, and shows it if activate is set.
func (w *Window) openTab(n navigation, activate bool) *tab {
	s := w.ui
	t := newTab(w)
	t.size = w.viewportOf(t)
	i := len(s.tabs)
	if n.u != nil && s.active != nil {
		i = s.index(s.active) + 1
	}
	s.tabs = slices.Insert(s.tabs, i, t)
	go t.run()
	t.navigate(n)
	if activate || s.active == nil {
		w.activate(t)
	}
	s.invalid = true
	return t
}

// activate shows t.
func (w *Window) activate(t *tab) {
	s := w.ui
	if s.active == t {
		return
	}
	s.blurAddress()
	s.active = t
	s.addr.SetText(urlText(t.state()))
	w.show(t)
	t.resize(w.viewportOf(t))
	if s.pointerIn && w.inContent(s.pointer) {
		t.hover(w.viewportPoint(s.pointer))
	}
	s.invalid = true
}

// closeTab closes t and shows the tab to its right, or to its left if it
// was the last. Closing the last tab closes the window, as browsers do.
func (w *Window) closeTab(t *tab) {
	s := w.ui
	i := s.index(t)
	if i < 0 {
		return
	}
	t.close()
	s.tabs = slices.Delete(s.tabs, i, i+1)
	s.invalid = true
	if len(s.tabs) == 0 {
		s.active = nil
		w.show(nil)
		w.win.SetShouldClose(true)
		return
	}
	if s.active == t {
		s.active = nil
		w.activate(s.tabs[min(i, len(s.tabs)-1)])
	}
}

// tabTitle is what a tab's label and the window's title say.
func tabTitle(st tabState) string {
	switch {
	case st.Title != "":
		return st.Title
	case st.Loading && st.Loads == 0:
		return "Loading…"
	case st.URL != nil:
		return st.URL.String()
	}
	return "New Tab"
}

// urlText is what the address bar says when not being edited.
func urlText(st tabState) string {
	if st.URL == nil {
		return ""
	}
	return st.URL.String()
}

// Layout.

// layout draws the shell: the tab strip and toolbar above the content
// area, and a status line over the page's bottom-left corner. Everything
// it draws is opaque, and the rest is left empty, for the page to show.
// It returns where it drew.
func (w *Window) layout(gtx layout.Context) []image.Rectangle {
	s := w.ui
	ops := gtx.Ops
	width, top := s.size.X, s.content.Min.Y
	strip := s.dp(tabStripHeight)
	fill(ops, image.Rect(0, 0, width, strip), stripColour)
	fill(ops, image.Rect(0, strip, width, top), barColour)
	fill(ops, image.Rect(0, top-max(s.dp(1), 1), width, top), separatorColour)
	areas := []image.Rectangle{{Max: image.Pt(width, top)}}

	// The tab strip.
	x := s.dp(8)
	tw := tabMaxWidth * s.scale
	if n := len(s.tabs); n > 0 {
		room := float32(width - x - s.dp(8+buttonSize))
		tw = min(tw, max(room/float32(n), tabMinWidth*s.scale))
	}
	for _, t := range s.tabs {
		w.layoutTab(gtx, t, image.Rect(x, s.dp(tabTop), x+int(tw), strip))
		x += int(tw)
	}
	pad := (strip - s.dp(buttonSize)) / 2
	s.iconButton(gtx, &s.newTab, image.Pt(x+s.dp(2), pad), true, plusIcon)

	if t := s.active; t != nil {
		st := t.state()
		y := strip + (top-strip-s.dp(buttonSize))/2
		bx := s.dp(8)
		step := s.dp(buttonSize + 4)
		s.iconButton(gtx, &s.back, image.Pt(bx, y), st.CanBack, backIcon)
		s.iconButton(gtx, &s.forward, image.Pt(bx+step, y), st.CanForward, forwardIcon)
		icon := reloadIcon
		if st.Loading {
			icon = stopIcon
		}
		s.iconButton(gtx, &s.reload, image.Pt(bx+2*step, y), true, icon)
		box := image.Rect(bx+3*step+s.dp(4), strip+s.dp(5), width-s.dp(8), top-s.dp(6))
		if t.zoom != 1 {
			// The zoom level, right of the address bar, as browsers
			// show it when it is not 100%.
			zw := s.dp(56)
			zgtx := gtx
			zgtx.Constraints = layout.Exact(image.Pt(zw, box.Dy()))
			off := op.Offset(image.Pt(box.Max.X-zw, box.Min.Y)).Push(ops)
			layout.Center.Layout(zgtx, func(gtx layout.Context) layout.Dimensions {
				l := material.Label(s.th, unit.Sp(13), fmt.Sprintf("%.0f%%", t.zoom*100))
				l.Color = iconColour
				return l.Layout(gtx)
			})
			off.Pop()
			box.Max.X -= zw + s.dp(4)
		}
		w.layoutAddress(gtx, box)
		if r := w.layoutStatus(gtx, st); !r.Empty() {
			areas = append(areas, r)
		}
	}
	return areas
}

// layoutTab draws t's tab in r.
func (w *Window) layoutTab(gtx layout.Context, t *tab, r image.Rectangle) {
	s := w.ui
	ops := gtx.Ops
	st := t.state()
	defer op.Offset(r.Min).Push(ops).Pop()
	size := r.Size()
	bg := stripColour
	switch {
	case t == s.active:
		bg = barColour
	case t.button.Hovered() || t.closeButton.Hovered():
		bg = tabHoverColour
	}
	rad := s.dp(8)
	paint.FillShape(ops, bg, clip.RRect{Rect: image.Rectangle{Max: size}, NW: rad, NE: rad}.Op(ops))
	if t != s.active && s.index(t) > 0 && s.tabs[s.index(t)-1] != s.active {
		// A divider between two inactive tabs.
		fill(ops, image.Rect(0, size.Y/4, max(s.dp(1), 1), size.Y*3/4), separatorColour)
	}

	closeSize := s.dp(20)
	labelW := max(size.X-closeSize-s.dp(8), 0)
	lgtx := gtx
	lgtx.Constraints = layout.Exact(image.Pt(labelW, size.Y))
	t.button.Layout(lgtx, func(gtx layout.Context) layout.Dimensions {
		return layout.Inset{Left: unit.Dp(12), Right: unit.Dp(4)}.Layout(gtx, func(gtx layout.Context) layout.Dimensions {
			return layout.W.Layout(gtx, func(gtx layout.Context) layout.Dimensions {
				gtx.Constraints.Min = image.Point{} // centred, not stretched
				l := material.Label(s.th, unit.Sp(13), tabTitle(st))
				l.MaxLines = 1
				l.Color = textColour
				return l.Layout(gtx)
			})
		})
	})
	cgtx := gtx
	cgtx.Constraints = layout.Exact(image.Pt(closeSize, closeSize))
	off := op.Offset(image.Pt(size.X-closeSize-s.dp(6), (size.Y-closeSize)/2)).Push(ops)
	t.closeButton.Layout(cgtx, func(gtx layout.Context) layout.Dimensions {
		if t.closeButton.Hovered() {
			paint.FillShape(ops, hoverColour, clip.Ellipse{Max: gtx.Constraints.Max}.Op(ops))
		}
		closeIcon(ops, float32(closeSize), s.scale, iconColour)
		return layout.Dimensions{Size: gtx.Constraints.Max}
	})
	off.Pop()
}

// iconButton draws a round button at p with an icon in it. A disabled one
// is greyed and takes no clicks.
func (s *shell) iconButton(gtx layout.Context, b *widget.Clickable, p image.Point, enabled bool, icon func(ops *op.Ops, size, scale float32, c color.NRGBA)) {
	defer op.Offset(p).Push(gtx.Ops).Pop()
	size := s.dp(buttonSize)
	gtx.Constraints = layout.Exact(image.Pt(size, size))
	if !enabled {
		gtx = gtx.Disabled()
	}
	b.Layout(gtx, func(gtx layout.Context) layout.Dimensions {
		c := iconColour
		if !enabled {
			c = disabledColour
		} else if b.Hovered() {
			paint.FillShape(gtx.Ops, hoverColour, clip.Ellipse{Max: gtx.Constraints.Max}.Op(gtx.Ops))
		}
		icon(gtx.Ops, float32(size), s.scale, c)
		return layout.Dimensions{Size: gtx.Constraints.Max}
	})
}

// layoutAddress draws the address bar in box.
func (w *Window) layoutAddress(gtx layout.Context, box image.Rectangle) {
	s := w.ui
	ops := gtx.Ops
	rad := box.Dy() / 2
	border, bw := separatorColour, max(s.dp(1), 1)
	if s.focused {
		border, bw = focusColour, max(s.dp(2), 1)
	}
	paint.FillShape(ops, border, clip.UniformRRect(box, rad).Op(ops))
	paint.FillShape(ops, fieldColour, clip.UniformRRect(box.Inset(bw), rad-bw).Op(ops))

	defer w.addressArea(ops, box)
	inner := box.Inset(s.dp(2))
	inner.Min.X += s.dp(12)
	inner.Max.X -= s.dp(12)
	egtx := gtx
	egtx.Constraints = layout.Constraints{
		Min: image.Pt(inner.Dx(), 0),
		Max: inner.Size(),
	}
	m := op.Record(ops)
	e := material.Editor(s.th, &s.addr, "Enter an address or a file path")
	e.TextSize = unit.Sp(14)
	e.Color = textColour
	e.SelectionColor = color.NRGBA{R: 0x3a, G: 0x7b, B: 0xd5, A: 0x60}
	dims := e.Layout(egtx)
	call := m.Stop()
	defer op.Offset(image.Pt(inner.Min.X, inner.Min.Y+(inner.Dy()-dims.Size.Y)/2)).Push(ops).Pop()
	defer clip.Rect{Max: image.Pt(inner.Dx(), dims.Size.Y)}.Push(ops).Pop()
	call.Add(ops)
}

// addressArea takes presses anywhere in the address bar, passing them on
// to the editor under it, and shows the I-beam there.
func (w *Window) addressArea(ops *op.Ops, box image.Rectangle) {
	defer clip.Rect(box).Push(ops).Pop()
	defer pointer.PassOp{}.Push(ops).Pop()
	event.Op(ops, &w.ui.addrBox)
	pointer.CursorText.Add(ops)
}

// layoutStatus draws the status line over the bottom-left corner of the
// page: the link under the pointer, or that the page is loading. It
// returns where it drew.
func (w *Window) layoutStatus(gtx layout.Context, st tabState) image.Rectangle {
	s := w.ui
	msg := ""
	switch {
	case st.Hover != "" && s.pointerIn && w.inContent(s.pointer):
		msg = st.Hover
	case st.Loading:
		msg = "Loading…"
	}
	if msg == "" {
		return image.Rectangle{}
	}
	ops := gtx.Ops
	gtx.Constraints = layout.Constraints{Max: image.Pt(max(s.size.X*2/3, 1), s.content.Dy())}
	m := op.Record(ops)
	dims := layout.Inset{Left: 8, Right: 8, Top: 3, Bottom: 3}.Layout(gtx, func(gtx layout.Context) layout.Dimensions {
		l := material.Label(s.th, unit.Sp(12), msg)
		l.MaxLines = 1
		l.Color = iconColour
		return l.Layout(gtx)
	})
	call := m.Stop()
	y := s.size.Y - dims.Size.Y
	one := max(s.dp(1), 1)
	fill(ops, image.Rect(0, y, dims.Size.X+one, s.size.Y), separatorColour)
	fill(ops, image.Rect(0, y+one, dims.Size.X, s.size.Y), barColour)
	off := op.Offset(image.Pt(0, y)).Push(ops)
	call.Add(ops)
	off.Pop()
	return image.Rect(0, y, dims.Size.X+one, s.size.Y)
}

func fill(ops *op.Ops, r image.Rectangle, c color.NRGBA) {
	paint.FillShape(ops, c, clip.Rect(r).Op())
}

// Icons, drawn as strokes in a size×size box.

func stroke(ops *op.Ops, c color.NRGBA, width float32, lines ...[2]f32.Point) {
	var p clip.Path
	p.Begin(ops)
	for _, l := range lines {
		p.MoveTo(l[0])
		p.LineTo(l[1])
	}
	paint.FillShape(ops, c, clip.Stroke{Path: p.End(), Width: width}.Op())
}

func backIcon(ops *op.Ops, size, scale float32, c color.NRGBA) {
	m, l := size/2, size*0.22
	stroke(ops, c, 2*scale,
		[2]f32.Point{f32.Pt(m+l, m), f32.Pt(m-l, m)},
		[2]f32.Point{f32.Pt(m-l, m), f32.Pt(m, m-l)},
		[2]f32.Point{f32.Pt(m-l, m), f32.Pt(m, m+l)})
}

func forwardIcon(ops *op.Ops, size, scale float32, c color.NRGBA) {
	m, l := size/2, size*0.22
	stroke(ops, c, 2*scale,
		[2]f32.Point{f32.Pt(m-l, m), f32.Pt(m+l, m)},
		[2]f32.Point{f32.Pt(m+l, m), f32.Pt(m, m-l)},
		[2]f32.Point{f32.Pt(m+l, m), f32.Pt(m, m+l)})
}

func stopIcon(ops *op.Ops, size, scale float32, c color.NRGBA) {
	m, l := size/2, size*0.18
	stroke(ops, c, 2*scale,
		[2]f32.Point{f32.Pt(m-l, m-l), f32.Pt(m+l, m+l)},
		[2]f32.Point{f32.Pt(m-l, m+l), f32.Pt(m+l, m-l)})
}

func closeIcon(ops *op.Ops, size, scale float32, c color.NRGBA) {
	m, l := size/2, size*0.2
	stroke(ops, c, 1.5*scale,
		[2]f32.Point{f32.Pt(m-l, m-l), f32.Pt(m+l, m+l)},
		[2]f32.Point{f32.Pt(m-l, m+l), f32.Pt(m+l, m-l)})
}

func plusIcon(ops *op.Ops, size, scale float32, c color.NRGBA) {
	m, l := size/2, size*0.2
	stroke(ops, c, 2*scale,
		[2]f32.Point{f32.Pt(m-l, m), f32.Pt(m+l, m)},
		[2]f32.Point{f32.Pt(m, m-l), f32.Pt(m, m+l)})
}

// reloadIcon is a circular arrow: three quarters of a circle, open at the
// top right, with an arrowhead at its end.
func reloadIcon(ops *op.Ops, size, scale float32, c color.NRGBA) {
	m, r := size/2, size*0.2
	centre := f32.Pt(m, m)
	const start = -math.Pi / 4 // the top right, y down
	var p clip.Path
	p.Begin(ops)
	p.MoveTo(f32.Pt(m+r*float32(math.Cos(start)), m+r*float32(math.Sin(start))))
	p.ArcTo(centre, centre, 1.6*math.Pi)
	paint.FillShape(ops, c, clip.Stroke{Path: p.End(), Width: 2 * scale}.Op())
	// The arrowhead at the start, pointing along the arc's direction
	// there (clockwise on screen).
	tip := f32.Pt(m+r*float32(math.Cos(start)), m+r*float32(math.Sin(start)))
	h := size * 0.13
	p.Begin(ops)
	p.MoveTo(tip.Add(f32.Pt(-h, -h*0.2)))
	p.LineTo(tip.Add(f32.Pt(h*0.5, -h*1.1)))
	p.LineTo(tip.Add(f32.Pt(h*0.6, h*0.5)))
	p.Close()
	paint.FillShape(ops, c, clip.Outline{Path: p.End()}.Op())
}

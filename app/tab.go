package app

import (
	"context"
	"fmt"
	"image/color"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gioui.org/f32"
	"gioui.org/widget"
	"github.com/go-gl/glfw/v3.3/glfw"

	"glassbox/compositor"
	"glassbox/engine/eventloop"
	"glassbox/engine/page"
	"glassbox/engine/paint"
	"glassbox/network"
	"glassbox/timeline"
)

// A tab is one page and its history. Its goroutine is the page's main
// thread: it alone touches the Page (loading, style, layout, paint, hit
// testing). The UI thread talks to it through channels and reads its
// state through a snapshot under a mutex.
type tab struct {
	w *Window

	// Requests from the UI thread, the only sender, so that "drop the
	// pending one, send the new one" cannot race.
	navs   chan navigation // cap 1: a newer navigation replaces one not started
	sizes  chan pageSize   // cap 1: latest wins
	hovers chan f32.Point  // cap 1: latest wins; viewport CSS px
	clicks chan click
	sels   chan selectMsg // cap 1: latest wins
	copies chan struct{}  // cap 1: copy the selection to the clipboard
	tasks  chan func()    // run on the tab's goroutine (tests block it this way)
	quit   chan struct{}  // closed when the tab closes

	// thread names the tab's goroutine in the timeline.
	thread string

	mu     sync.Mutex
	st     tabState           // what the shell shows
	cancel context.CancelFunc // stops the load under way; nil when none

	// Guarded by w.commitMu.
	frame  *compositor.Frame // the last frame committed
	scroll f32.Point         // the scroll offset while not shown

	// UI thread only: the tab's widgets in the tab strip, and its page
	// zoom (1 is 100%).
	button, closeButton widget.Clickable
	zoom                float32

	// The tab's goroutine only.
	page    *page.Page
	history []entry
	at      int // the current entry of history
	size    pageSize
	frames  uint64             // frames committed
	dl      *paint.DisplayList // the page's last display list
	sel     selection
}

// selection is a tab's text selection, from anchor (where the mouse went
// down) to focus (where it is now). It lasts until the page lays out
// again.
type selection struct {
	gesture       uint64 // the mouse gesture that made it
	anchor, focus page.TextPosition
	on            bool
}

// selectMsg is a mouse selection gesture as it goes: the press point and
// the pointer, in viewport CSS px. A new gesture starts a new selection;
// one with the pointer still at the press point selects nothing.
type selectMsg struct {
	gesture       uint64
	anchor, focus f32.Point
	all           bool // select all the page's text (Ctrl+A) instead
}

// selectionColour is the selection highlight, drawn over the text at
// selectionOpacity.
var selectionColour = color.NRGBA{R: 0x33, G: 0x90, B: 0xff, A: 255}

const (
	selectionOpacity = 0.35
	selectionLayerID = 1
)

// entry is one entry of a tab's session history.
type entry struct {
	u *url.URL
	// scroll is where the page was scrolled when the user left the
	// entry, restored on coming back to it.
	scroll f32.Point
}

// tabState is a snapshot of a tab for the shell.
type tabState struct {
	URL        *url.URL // the page's URL, or the one loading
	Title      string   // the document's title; empty when it has none
	Loading    bool
	CanBack    bool
	CanForward bool
	Hover      string // the URL of the link under the pointer
	// OverText says the pointer is over text (the I-beam cursor).
	OverText bool
	// Selected is the text selected with the mouse.
	Selected string
	// Loads counts the navigations finished, failed ones included.
	Loads int
}

// A navigation is a request to a tab.
type navigation struct {
	kind  navKind
	input string   // navLoad: what the user typed, when u is nil
	u     *url.URL // navLoad: the URL to go to
}

type navKind uint8

const (
	navLoad navKind = iota
	navBack
	navForward
	navReload
)

// click is a click on the page, at a point of the viewport in CSS px.
type click struct {
	pt     f32.Point
	middle bool // middle button, or the primary one with Ctrl: a new tab
}

// tabsMade numbers the tabs, to name their threads in the timeline.
var tabsMade atomic.Int64

func newTab(w *Window) *tab {
	return &tab{
		thread: timeline.PageThread(int(tabsMade.Add(1))),
		w:      w,
		navs:   make(chan navigation, 1),
		sizes:  make(chan pageSize, 1),
		hovers: make(chan f32.Point, 1),
		clicks: make(chan click, 8),
		sels:   make(chan selectMsg, 1),
		copies: make(chan struct{}, 1),
		tasks:  make(chan func()),
		quit:   make(chan struct{}),
		at:     -1,
		zoom:   1,
	}
}

// state returns a snapshot of the tab. Any goroutine may call it.
func (t *tab) state() tabState {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.st
}

// update changes the tab's state and has the shell laid out again.
func (t *tab) update(f func(*tabState)) {
	t.mu.Lock()
	f(&t.st)
	t.mu.Unlock()
	t.w.invalidate()
}

// The UI thread's side.

// navigate asks the tab to go somewhere, stopping a load under way.
func (t *tab) navigate(n navigation) {
	t.stop()
	select {
	case <-t.navs:
	default:
	}
	t.navs <- n
}

// stop cancels the load under way, if any; the tab keeps its page.
func (t *tab) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cancel != nil {
		t.cancel()
	}
}

// resize tells the tab its viewport.
func (t *tab) resize(s pageSize) {
	select {
	case <-t.sizes:
	default:
	}
	t.sizes <- s
}

// hover tells the tab where the pointer is, in viewport CSS px.
func (t *tab) hover(pt f32.Point) {
	select {
	case <-t.hovers:
	default:
	}
	t.hovers <- pt
}

// click passes a click on the page to the tab; dropped if the tab is too
// busy to take it (a loading tab takes clicks when it is done).
func (t *tab) click(c click) {
	select {
	case t.clicks <- c:
	default:
	}
}

// selectText passes a selection gesture on to the tab; a newer one
// replaces one not yet taken.
func (t *tab) selectText(m selectMsg) {
	select {
	case <-t.sels:
	default:
	}
	t.sels <- m
}

// copySelection asks the tab to put its selection on the clipboard.
func (t *tab) copySelection() {
	select {
	case t.copies <- struct{}{}:
	default:
	}
}

// close ends the tab's goroutine.
func (t *tab) close() {
	t.stop()
	close(t.quit)
}

// The tab's goroutine.

// run is the tab's main loop.
func (t *tab) run() {
	var (
		pending  pageSize
		debounce *time.Timer
		settled  <-chan time.Time
		wake     = time.NewTimer(time.Hour)
	)
	defer wake.Stop()
	for {
		// The page's event loop: run what is ready, then sleep until its
		// next timer or frame, or until the UI thread asks for something.
		wake.Stop()
		if t.page != nil && t.page.Loop != nil {
			t.runLoop()
			if at, ok := t.page.Loop.NextWake(); ok {
				wake.Reset(max(at-t.page.Loop.Now(), time.Millisecond))
			}
		}
		select {
		case <-wake.C:
			continue
		case n := <-t.navs:
			t.visit(n)
		case s := <-t.sizes:
			if t.page == nil || t.size == (pageSize{}) {
				// Nothing on screen yet: no need to wait.
				t.size = s
				t.render(false, nil)
				continue
			}
			pending = s
			if debounce == nil {
				debounce = time.NewTimer(resizeDebounce)
			} else {
				debounce.Reset(resizeDebounce)
			}
			settled = debounce.C
		case <-settled:
			settled = nil
			if pending != t.size {
				t.size = pending
				t.render(false, nil)
			}
		case pt := <-t.hovers:
			if t.page != nil {
				doc := pt.Add(t.w.scrollOf(t))
				t.page.MouseMove(doc.X, doc.Y, pt.X, pt.Y)
			}
			link := ""
			if u, ok := t.linkAt(pt); ok {
				link = u.String()
			}
			overText := false
			if t.page != nil {
				doc := pt.Add(t.w.scrollOf(t))
				overText = t.page.OverText(doc.X, doc.Y)
			}
			if st := t.state(); st.Hover != link || st.OverText != overText {
				t.update(func(s *tabState) { s.Hover, s.OverText = link, overText })
			}
		case m := <-t.sels:
			t.selectTo(m)
		case <-t.copies:
			if text := t.state().Selected; text != "" {
				t.w.post(func() { glfw.SetClipboardString(text) })
			}
		case c := <-t.clicks:
			t.follow(c)
		case f := <-t.tasks:
			start := time.Now()
			f()
			t.w.comp.Timeline().Span(t.thread, timeline.Task, t.frames, start)
		case <-t.quit:
			if debounce != nil {
				debounce.Stop()
			}
			return
		}
	}
}

// runLoop runs the page's ready tasks, timers and rendering updates, for
// at most a frame's time so that the UI thread's requests are not kept
// waiting.
func (t *tab) runLoop() {
	deadline := time.Now().Add(eventloop.FrameInterval)
	for time.Now().Before(deadline) && t.page.Loop.Step() {
	}
}

// visit performs a navigation: it loads the document, replacing the tab's
// page with it or with an error page saying why it could not be loaded.
// A load stopped by the user leaves the page as it was.
func (t *tab) visit(n navigation) {
	u := n.u
	at, push := t.at+1, true // where the entry goes in history
	var restore *f32.Point   // where to scroll the page: nil for u's fragment
	switch n.kind {
	case navLoad:
		if u == nil {
			var err error
			u, err = network.ParseUserInput(n.input, "")
			if err != nil {
				t.log(fmt.Sprintf("%q: %v", n.input, err))
				t.show(page.ErrorPage(nil, err), nil, 0, false, nil)
				return
			}
		}
	case navBack, navForward:
		at = t.at - 1
		if n.kind == navForward {
			at = t.at + 1
		}
		if at < 0 || at >= len(t.history) {
			return
		}
		u, push = t.history[at].u, false
	case navReload:
		if t.at < 0 {
			return
		}
		at, push = t.at, false
		u = t.history[at].u
	}
	if t.at >= 0 && t.page != nil {
		// Remember where the page is scrolled, for coming back.
		t.history[t.at].scroll = t.w.scrollOf(t)
	}
	if !push {
		saved := t.history[at].scroll
		restore = &saved
	}
	if n.kind != navReload && t.page != nil && sameDocument(t.page.URL, u) &&
		(push && hasFragment(u) || !push) {
		t.moveWithinDocument(u, at, push, restore)
		return
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	t.mu.Lock()
	t.cancel = cancel
	t.mu.Unlock()
	t.update(func(s *tabState) { s.Loading, s.URL = true, u })

	p, err := page.LoadWith(ctx, t.w.opts.Loader, u, page.Options{Console: func(level, text string) { t.log("console " + level + ": " + text) }})

	t.mu.Lock()
	t.cancel = nil
	t.mu.Unlock()
	if err != nil && ctx.Err() != nil {
		// Stopped, by the user or by a newer navigation.
		t.update(func(s *tabState) {
			s.Loading = false
			if t.page != nil {
				s.URL = t.page.URL
			}
		})
		return
	}
	if err != nil {
		t.log(err.Error())
		p = page.ErrorPage(u, err)
	}
	for _, w := range p.Warnings {
		t.log("warning: " + w)
	}
	t.show(p, u, at, push, restore)
}

// moveWithinDocument goes to u, a URL of the page shown that differs at
// most in its fragment, without loading it again (HTML's "navigate to a
// fragment"): it scrolls to restore, for back and forward, or to u's
// fragment.
func (t *tab) moveWithinDocument(u *url.URL, at int, push bool, restore *f32.Point) {
	if push {
		t.history = append(t.history[:t.at+1], entry{u: u})
		at = len(t.history) - 1
	}
	t.at = at
	if restore != nil {
		t.w.scrollTab(t, *restore)
	} else if y, ok := t.page.FragmentTarget(fragment(u)); ok {
		t.w.scrollTab(t, f32.Pt(t.w.scrollOf(t).X, y))
	}
	t.update(func(s *tabState) {
		s.URL = u
		s.Hover = "" // the page moved under the pointer
		s.CanBack = t.at > 0
		s.CanForward = t.at < len(t.history)-1
		s.Loads++
	})
}

// sameDocument reports whether a and b differ at most in their fragments.
func sameDocument(a, b *url.URL) bool {
	if a == nil || b == nil {
		return false
	}
	x, y := *a, *b
	x.Fragment, x.RawFragment, y.Fragment, y.RawFragment = "", "", "", ""
	return x.String() == y.String()
}

// hasFragment reports whether u has a fragment, empty or not ("a.html#").
func hasFragment(u *url.URL) bool {
	return u.Fragment != "" || strings.HasSuffix(u.String(), "#")
}

// fragment returns u's fragment as written, percent-encoded as it came.
func fragment(u *url.URL) string {
	return u.EscapedFragment()
}

// show makes p, loaded from u, the tab's page. push adds an entry to the
// history after the current one, dropping those forward of it; otherwise
// p is entry at (back, forward, reload). A nil u, for input that is not a
// URL at all, leaves the history as it is. The page starts scrolled to
// restore, or when that is nil to u's fragment, or at the top.
func (t *tab) show(p *page.Page, u *url.URL, at int, push bool, restore *f32.Point) {
	if u != nil {
		if p.URL != nil {
			frag := u
			u = p.URL // after redirects
			if u.Fragment == "" && hasFragment(frag) {
				// A redirect without a fragment keeps the one asked for.
				v := *u
				v.Fragment, v.RawFragment = frag.Fragment, frag.RawFragment
				u = &v
			}
		}
		if push {
			t.history = append(t.history[:t.at+1], entry{u: u})
			at = len(t.history) - 1
		} else {
			t.history[at].u = u
		}
		t.at = at
	}
	t.page = p
	p.OnFrame = func() {
		t.render(false, nil)
		// Scripts may have changed the title.
		if title := p.Title(); t.state().Title != title {
			t.update(func(s *tabState) { s.Title = title })
		}
	}
	t.render(true, func() f32.Point {
		switch {
		case restore != nil:
			return *restore
		case u != nil && hasFragment(u):
			if y, ok := p.FragmentTarget(fragment(u)); ok {
				return f32.Pt(0, y)
			}
		}
		return f32.Point{}
	})
	t.update(func(s *tabState) {
		s.URL = p.URL
		if s.URL == nil {
			s.URL = u
		}
		s.Title = p.Title()
		s.Loading = false
		s.Hover = ""
		s.CanBack = t.at > 0
		s.CanForward = t.at < len(t.history)-1
		s.Loads++
	})
}

// render lays out and paints the page for the tab's viewport and commits
// the frame. A new document starts at the scroll offset start returns,
// once the page is laid out; another frame of the same document keeps the
// compositor's offset.
func (t *tab) render(newDoc bool, start func() f32.Point) {
	if t.page == nil || t.size.css.X <= 0 || t.size.css.Y <= 0 {
		return
	}
	dl := t.page.Frame(float32(t.size.css.X), float32(t.size.css.Y))
	t.dl = dl
	t.frames++
	if t.sel.on {
		// The text positions were of the old layout.
		t.sel.on = false
		t.update(func(s *tabState) { s.Selected = "" })
	}
	tl := t.w.comp.Timeline()
	tm := t.page.Timing
	at := tm.Start
	for _, st := range []struct {
		stage timeline.Stage
		dur   time.Duration
	}{{timeline.Style, tm.Style}, {timeline.Layout, tm.Layout}, {timeline.Paint, tm.Paint}} {
		tl.Add(timeline.Event{Stage: st.stage, Thread: t.thread, Start: at, Dur: st.dur, Frame: t.frames})
		at = at.Add(st.dur)
	}
	begin := time.Now()
	f := compositor.NewFrame(dl, t.size.css)
	f.DeviceScale = t.size.scale
	var scroll f32.Point
	if newDoc && start != nil {
		scroll = start()
	}
	t.w.commit(t, f, newDoc, scroll)
	tl.Span(t.thread, timeline.Commit, t.frames, begin)
}

// selectTo selects the text from m's anchor to its focus, and commits a
// frame with the selection's highlight: a layer of its own over the
// page's, so that selecting does not raster the page again.
func (t *tab) selectTo(m selectMsg) {
	if t.page == nil || t.dl == nil {
		return
	}
	if m.all {
		start, end, ok := t.page.TextEnds()
		if !ok {
			return
		}
		t.sel = selection{gesture: m.gesture, anchor: start, focus: end, on: true}
		t.showSelection()
		return
	}
	scroll := t.w.scrollOf(t)
	focus, ok := t.page.TextPositionAt(m.focus.X+scroll.X, m.focus.Y+scroll.Y)
	if !ok {
		return
	}
	if m.gesture != t.sel.gesture || !t.sel.on {
		// The anchor is taken once per gesture, so that scrolling while
		// dragging keeps it where it was in the document.
		t.sel.gesture = m.gesture
		t.sel.anchor = focus
		if m.anchor != m.focus {
			t.sel.anchor, _ = t.page.TextPositionAt(m.anchor.X+scroll.X, m.anchor.Y+scroll.Y)
		}
	}
	t.sel.focus, t.sel.on = focus, true
	t.showSelection()
}

// showSelection tells the shell the selected text and commits a frame
// with its highlight.
func (t *tab) showSelection() {
	text := t.page.SelectedText(t.sel.anchor, t.sel.focus)
	if text != t.state().Selected {
		t.update(func(s *tabState) { s.Selected = text })
	}

	start := time.Now()
	f := compositor.NewFrame(t.dl, t.size.css)
	f.DeviceScale = t.size.scale
	if rects := t.page.SelectionRects(t.sel.anchor, t.sel.focus); len(rects) > 0 {
		x0, y0, x1, y1 := rects[0].X, rects[0].Y, rects[0].X+rects[0].W, rects[0].Y+rects[0].H
		for _, r := range rects[1:] {
			x0, y0 = min(x0, r.X), min(y0, r.Y)
			x1, y1 = max(x1, r.X+r.W), max(y1, r.Y+r.H)
		}
		dl := &paint.DisplayList{Width: x1 - x0, Height: y1 - y0}
		for _, r := range rects {
			r.X, r.Y = r.X-x0, r.Y-y0
			dl.Add(&paint.FillRect{Rect: r, Color: selectionColour})
		}
		f.Layers = append(f.Layers, compositor.Layer{
			ID: selectionLayerID, DisplayList: dl, Offset: f32.Pt(x0, y0), Opacity: selectionOpacity})
	}
	t.w.commit(t, f, false, f32.Point{})
	t.w.comp.Timeline().Span(t.thread, timeline.Commit, t.frames, start)
}

// linkAt returns the link at pt, a point of the viewport in CSS px.
func (t *tab) linkAt(pt f32.Point) (*url.URL, bool) {
	if t.page == nil {
		return nil, false
	}
	doc := pt.Add(t.w.scrollOf(t))
	return t.page.LinkAt(doc.X, doc.Y)
}

// follow follows the link clicked, if any: in this tab, or in a new one
// for a middle click or a link with target=_blank.
func (t *tab) follow(c click) {
	if t.page == nil {
		return
	}
	doc := c.pt.Add(t.w.scrollOf(t))
	if !t.page.Click(doc.X, doc.Y, c.pt.X, c.pt.Y) {
		return // a script canceled the click
	}
	a := t.page.AnchorAt(doc.X, doc.Y)
	if a == nil {
		return
	}
	u, ok := t.page.LinkURL(a)
	if !ok || strings.EqualFold(u.Scheme, "javascript") {
		return // scripts are not built yet
	}
	if c.middle || strings.EqualFold(a.AttributeOr("target"), "_blank") {
		t.w.post(func() { t.w.openTab(navigation{u: u}, !c.middle) })
		return
	}
	t.visit(navigation{u: u})
}

func (t *tab) log(msg string) {
	if t.w.opts.Log != nil {
		t.w.opts.Log(msg)
	}
}

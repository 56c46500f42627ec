package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"gioui.org/f32"
	"gioui.org/widget"

	"glassbox/compositor"
	"glassbox/engine/eventloop"
	"glassbox/engine/page"
	"glassbox/network"
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
	quit   chan struct{} // closed when the tab closes

	mu     sync.Mutex
	st     tabState           // what the shell shows
	cancel context.CancelFunc // stops the load under way; nil when none

	// Guarded by w.commitMu.
	frame  *compositor.Frame // the last frame committed
	scroll f32.Point         // the scroll offset while not shown

	// UI thread only: the tab's widgets in the tab strip.
	button, closeButton widget.Clickable

	// The tab's goroutine only.
	page    *page.Page
	history []*url.URL
	at      int // the current entry of history
	size    pageSize
}

// tabState is a snapshot of a tab for the shell.
type tabState struct {
	URL        *url.URL // the page's URL, or the one loading
	Title      string   // the document's title; empty when it has none
	Loading    bool
	CanBack    bool
	CanForward bool
	Hover      string // the URL of the link under the pointer
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

func newTab(w *Window) *tab {
	return &tab{
		w:      w,
		navs:   make(chan navigation, 1),
		sizes:  make(chan pageSize, 1),
		hovers: make(chan f32.Point, 1),
		clicks: make(chan click, 8),
		quit:   make(chan struct{}),
		at:     -1,
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
				t.render(false)
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
				t.render(false)
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
			if t.state().Hover != link {
				t.update(func(s *tabState) { s.Hover = link })
			}
		case c := <-t.clicks:
			t.follow(c)
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
	switch n.kind {
	case navLoad:
		if u == nil {
			var err error
			u, err = network.ParseUserInput(n.input, "")
			if err != nil {
				t.log(fmt.Sprintf("%q: %v", n.input, err))
				t.show(page.ErrorPage(nil, err), nil, 0, false)
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
		u, push = t.history[at], false
	case navReload:
		if t.at < 0 {
			return
		}
		at, push = t.at, false
		u = t.history[at]
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
	t.show(p, u, at, push)
}

// show makes p, loaded from u, the tab's page. push adds an entry to the
// history after the current one, dropping those forward of it; otherwise
// p is entry at (back, forward, reload). A nil u, for input that is not a
// URL at all, leaves the history as it is.
func (t *tab) show(p *page.Page, u *url.URL, at int, push bool) {
	if u != nil {
		if p.URL != nil {
			u = p.URL // after redirects
		}
		if push {
			t.history = append(t.history[:t.at+1], u)
			at = len(t.history) - 1
		} else {
			t.history[at] = u
		}
		t.at = at
	}
	t.page = p
	p.OnFrame = func() {
		t.render(false)
		// Scripts may have changed the title.
		if title := p.Title(); t.state().Title != title {
			t.update(func(s *tabState) { s.Title = title })
		}
	}
	t.render(true)
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
// the frame. A new document starts at the top.
func (t *tab) render(newDoc bool) {
	if t.page == nil || t.size.css.X <= 0 || t.size.css.Y <= 0 {
		return
	}
	dl := t.page.Frame(float32(t.size.css.X), float32(t.size.css.Y))
	f := compositor.NewFrame(dl, t.size.css)
	f.DeviceScale = t.size.scale
	t.w.commit(t, f, newDoc, f32.Point{})
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

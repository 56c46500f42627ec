package page

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"glassbox/engine/bindings"
	"glassbox/engine/dom"
	"glassbox/engine/eventloop"
	"glassbox/engine/html"
	"glassbox/engine/layout"
	"glassbox/network"
)

// Options configure a page's scripting.
type Options struct {
	// NoScript turns JavaScript off.
	NoScript bool
	// VirtualTime runs the event loop on a virtual clock, which jumps
	// to the next timer or frame instead of waiting (tests, headless).
	VirtualTime bool
	// Console receives console messages and uncaught errors.
	Console func(level, text string)
	// Setup runs on the window before any of the page's scripts.
	Setup func(w *bindings.Window)
	// Width and Height are the viewport scripts see until the first
	// frame; 800x600 when zero.
	Width, Height float32
}

// startScripting makes the page's event loop and window.
func (p *Page) startScripting() {
	p.Loop = eventloop.New(p.opts.VirtualTime)
	console := p.opts.Console
	if console == nil {
		console = func(string, string) {}
	}
	w, err := bindings.New(p.Doc, p.URL, p.Loop, p, console)
	if err != nil {
		console("error", "scripting unavailable: "+err.Error())
		p.Loop = nil
		return
	}
	p.Win = w
	p.started = map[*dom.Node]bool{}
	p.Loop.NeedsFrame = w.NeedsFrame
	p.Loop.Render = p.renderOpportunity
	w.OnScriptInserted(p.scriptInserted)
	if p.opts.Setup != nil {
		p.opts.Setup(w)
	}
}

// parse builds the document, running parser-inserted scripts as they
// come, then the deferred ones, then fires DOMContentLoaded.
func (p *Page) parse(resp *network.Response) {
	if err := html.ParseScripted(p.Doc, resp.Body, resp.Charset, p.parserScript); err != nil && p.Win != nil {
		p.Win.Console("warn", err.Error())
	}
	if p.Win == nil {
		return
	}
	p.Win.ReadyState = "interactive"
	for _, s := range p.deferred {
		p.runExternal(s)
	}
	p.deferred = nil
	p.Loop.RunTask(func() { p.Win.FireEvent(p.Doc, "DOMContentLoaded", true, false) })
}

// loaded fires load at the window once the document and its
// subresources are in, after the tasks already queued (async scripts).
func (p *Page) loaded() {
	if p.Win == nil {
		return
	}
	for i := 0; i < 10000 && p.Loop.StepQueued(); i++ {
	}
	p.Win.ReadyState = "complete"
	p.Loop.RunTask(func() { p.Win.FireEvent(nil, "load", false, false) })
}

// Run runs the page's event loop for d: timers, tasks and, at 60 Hz,
// animation frames and rendering.
func (p *Page) Run(d time.Duration) {
	if p.Loop == nil {
		return
	}
	p.Loop.RunUntil(p.Loop.Now()+d, nil)
}

// RunUntil runs the event loop until stop returns true or d has passed.
func (p *Page) RunUntil(d time.Duration, stop func() bool) {
	if p.Loop == nil {
		return
	}
	p.Loop.RunUntil(p.Loop.Now()+d, stop)
}

// renderOpportunity is the event loop's rendering update: animation
// frame callbacks, then, when the document changed, a new frame.
func (p *Page) renderOpportunity(now time.Duration) {
	p.Win.RunAnimationFrames(now)
	if p.Win.Dirty() && p.OnFrame != nil {
		p.OnFrame()
	}
	p.Win.ClearDirty()
}

// isClassicScript reports whether a script element's type asks for a
// classic script (HTML's list of JavaScript MIME types, or none).
func isClassicScript(n *dom.Node) bool {
	t, ok := n.Attribute("type")
	if !ok {
		if l, ok := n.Attribute("language"); ok && l != "" {
			t = "text/" + l
		} else {
			return true
		}
	}
	t = strings.ToLower(strings.TrimSpace(t))
	switch t {
	case "", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript",
		"application/x-javascript", "text/jscript", "text/livescript", "text/x-javascript", "text/x-ecmascript",
		"text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
		"text/javascript1.4", "text/javascript1.5", "application/x-ecmascript":
		return true
	}
	return false
}

// parserScript handles a script element the parser just finished.
func (p *Page) parserScript(n *dom.Node) {
	if p.Win == nil || p.started[n] || !isClassicScript(n) {
		return
	}
	p.started[n] = true
	if _, ok := n.Attribute("src"); ok {
		switch {
		case n.HasAttribute("async"):
			p.postExternal(n)
		case n.HasAttribute("defer"):
			p.deferred = append(p.deferred, n)
		default:
			p.runExternal(n)
		}
		return
	}
	p.runInline(n)
}

// scriptInserted handles a script element a script inserted: inline
// ones run at once, external ones as soon as they are fetched.
func (p *Page) scriptInserted(n *dom.Node) {
	if p.started[n] || !isClassicScript(n) {
		return
	}
	if _, ok := n.Attribute("src"); ok {
		p.started[n] = true
		p.postExternal(n)
		return
	}
	if n.TextContent() == "" {
		return // runs when it gets text, which is not watched yet
	}
	p.started[n] = true
	p.runInline(n)
}

func (p *Page) runInline(n *dom.Node) {
	name := p.URL.String()
	src := n.TextContent()
	p.Loop.RunTask(func() { p.Win.RunScript(name, src, n) })
}

// fetchScript loads an external script's source; a failure fires error
// at the element.
func (p *Page) fetchScript(n *dom.Node) (string, *url.URL, bool) {
	src := n.AttributeOr("src")
	u, err := network.Resolve(p.baseURL(), src)
	if err == nil {
		var body string
		body, err = p.FetchScript(u)
		if err == nil {
			return body, u, true
		}
	}
	p.Win.Console("error", fmt.Sprintf("Failed to load script %q: %v", src, err))
	p.Loop.RunTask(func() { p.Win.FireEvent(n, "error", false, false) })
	return "", nil, false
}

func (p *Page) runExternal(n *dom.Node) {
	body, u, ok := p.fetchScript(n)
	if !ok {
		return
	}
	p.Loop.RunTask(func() { p.Win.RunScript(u.String(), body, n) })
	p.Loop.RunTask(func() { p.Win.FireEvent(n, "load", false, false) })
}

func (p *Page) postExternal(n *dom.Node) {
	body, u, ok := p.fetchScript(n)
	if !ok {
		return
	}
	p.Loop.Post(eventloop.Networking, func() {
		p.Win.RunScript(u.String(), body, n)
		p.Win.FireEvent(n, "load", false, false)
	})
}

// FetchScript loads a script's source (bindings.Host).
func (p *Page) FetchScript(u *url.URL) (string, error) {
	if p.loader == nil {
		return "", fmt.Errorf("no loader")
	}
	r, err := p.loader.Load(p.ctx, u)
	if err != nil {
		return "", err
	}
	if r.Status >= 400 {
		return "", fmt.Errorf("%s: HTTP status %d", u, r.Status)
	}
	return string(r.Body), nil
}

// Viewport returns the viewport size scripts see (bindings.Host).
func (p *Page) Viewport() (float32, float32) { return p.width, p.height }

// LayoutBox lays the page out if scripts changed it since the last
// layout and returns n's border box: the union of its fragments
// (bindings.Host).
func (p *Page) LayoutBox(n *dom.Node) (x, y, w, h float32, ok bool) {
	if p.root == nil || (p.Win != nil && p.Win.Version() != p.layoutVersion) {
		p.Layout(p.width, p.height)
	}
	var x1, y1 float32
	var walk func(f *layout.Fragment)
	walk = func(f *layout.Fragment) {
		if f.Node == n {
			if !ok {
				x, y, x1, y1, ok = f.X, f.Y, f.X+f.W, f.Y+f.H, true
			} else {
				x, y = min(x, f.X), min(y, f.Y)
				x1, y1 = max(x1, f.X+f.W), max(y1, f.Y+f.H)
			}
		}
		for _, c := range f.Children {
			walk(c)
		}
	}
	walk(p.root)
	return x, y, x1 - x, y1 - y, ok
}

// Click dispatches a click at the node under the document point (x, y)
// (viewport point (vx, vy)) as a task, with its microtask checkpoint. It
// reports whether the click's default action may go ahead: true when no
// script canceled it, or when scripting is off.
func (p *Page) Click(x, y, vx, vy float32) bool {
	n := p.HitTest(x, y)
	if p.Win == nil || n == nil {
		return true
	}
	if n.Type == dom.TextNode && n.Parent != nil {
		n = n.Parent
	}
	ok := true
	p.Loop.RunTask(func() { ok = p.Win.DispatchMouse(n, "click", vx, vy) })
	return ok
}

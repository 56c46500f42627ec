package page

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"glassbox/engine/bindings"
	"glassbox/engine/dom"
	"glassbox/engine/eventloop"
	"glassbox/engine/html"
	"glassbox/engine/layout"
	"glassbox/engine/style"
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

// A frame is a browsing context: the page's top-level document or an
// iframe's, each with its own window (realm), all on the page's event
// loop.
type frame struct {
	p        *Page
	win      *bindings.Window
	doc      *dom.Node
	url      *url.URL
	started  map[*dom.Node]bool // script elements already started
	deferred []*dom.Node
	children map[*dom.Node]*frame // by iframe element
	// xhtml says the document is XHTML, parsed as HTML for now: its
	// scripts' text is what an XML parser would give (unwrapCDATA).
	xhtml bool
}

func (p *Page) console() func(level, text string) {
	if p.opts.Console == nil {
		return func(string, string) {}
	}
	return p.opts.Console
}

// handlerAttr finds an event handler content attribute (onclick=...).
var handlerAttr = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)

// mayScript reports whether a document has anything for scripting to
// do: a script element, an iframe (whose document may have scripts) or
// an event handler attribute. A page with none is built without a window,
// which saves setting up a JavaScript realm.
func mayScript(b []byte) bool {
	lower := bytes.ToLower(b)
	return bytes.Contains(lower, []byte("<script")) || bytes.Contains(lower, []byte("<iframe")) || handlerAttr.Match(b)
}

// startScripting makes the page's event loop and top-level window.
func (p *Page) startScripting() {
	p.Loop = eventloop.New(p.opts.VirtualTime)
	w, err := bindings.New(p.Doc, p.URL, p.Loop, p, p.console())
	if err != nil {
		p.console()("error", "scripting unavailable: "+err.Error())
		p.Loop = nil
		return
	}
	p.Win = w
	p.top = p.newFrame(w, p.Doc, p.URL)
	p.Loop.NeedsFrame = p.needsFrame
	p.Loop.Render = p.renderOpportunity
	if p.opts.Setup != nil {
		p.opts.Setup(w)
	}
}

func (p *Page) newFrame(w *bindings.Window, doc *dom.Node, u *url.URL) *frame {
	f := &frame{p: p, win: w, doc: doc, url: u, started: map[*dom.Node]bool{}, children: map[*dom.Node]*frame{}}
	w.OnScriptInserted(f.scriptInserted)
	w.OnFrameInserted(f.iframeInserted)
	w.ChildWindow = func(el *dom.Node) *bindings.Window {
		if c := f.children[el]; c != nil {
			return c.win
		}
		return nil
	}
	return f
}

// parse builds the document, running parser-inserted scripts as they
// come, then the deferred ones, then fires DOMContentLoaded.
func (p *Page) parse(resp *network.Response) {
	if p.Win == nil {
		p.Doc = html.ParseWithCharset(resp.Body, resp.Charset)
		return
	}
	p.top.parse(resp)
}

func (f *frame) parse(resp *network.Response) {
	f.xhtml = resp.ContentType == "application/xhtml+xml"
	if err := html.ParseScripted(f.doc, resp.Body, resp.Charset, f.parserScript); err != nil {
		f.win.Console("warn", err.Error())
	}
	f.win.ReadyState = "interactive"
	for _, s := range f.deferred {
		f.runExternal(s)
	}
	f.deferred = nil
	f.p.Loop.RunTask(func() { f.win.FireEvent(f.doc, "DOMContentLoaded", true, false) })
}

// needsFrame reports whether any window has animation frame callbacks or
// a changed document.
func (p *Page) needsFrame() bool {
	need := false
	p.top.each(func(f *frame) { need = need || f.win.NeedsFrame() })
	return need
}

func (f *frame) each(fn func(*frame)) {
	fn(f)
	for _, c := range f.children {
		c.each(fn)
	}
}

// iframeInserted makes (or, when its src changed, replaces) the
// browsing context of an iframe element now in the document: its
// document is loaded and parsed with its scripts, and load fires at the
// element in a task.
func (f *frame) iframeInserted(el *dom.Node) {
	p := f.p
	u, _ := url.Parse("about:blank")
	src := strings.TrimSpace(el.AttributeOr("src"))
	var resp *network.Response
	if src != "" && src != "about:blank" {
		var err error
		u, err = network.Resolve(f.url, src)
		if err == nil && p.loader != nil {
			resp, err = p.loader.Load(p.ctx, u)
		}
		if err != nil {
			f.win.Console("error", fmt.Sprintf("iframe %q: %v", src, err))
			resp = nil
		}
	}
	if resp == nil {
		resp = &network.Response{URL: u, Status: 200, ContentType: "text/html"}
	}
	doc := dom.NewDocument()
	w, err := bindings.NewChild(f.win, el, doc, resp.URL)
	if err != nil {
		f.win.Console("error", "iframe: "+err.Error())
		return
	}
	child := p.newFrame(w, doc, resp.URL)
	f.children[el] = child
	if resp.ContentType == "text/html" || resp.ContentType == "" || resp.ContentType == "application/xhtml+xml" {
		child.parse(resp)
	} else {
		child.parse(&network.Response{URL: resp.URL, ContentType: "text/html", Body: []byte("<pre>" + escapeText(string(resp.Body)) + "</pre>")})
	}
	w.ReadyState = "complete"
	p.Loop.Post(eventloop.DOMManipulation, func() {
		if f.children[el] != child || root(el).Type != dom.DocumentNode {
			return // navigated again, or removed, meanwhile
		}
		w.FireEvent(nil, "load", false, false)
		f.win.FireEvent(el, "load", false, false)
	})
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
	p.top.each(func(f *frame) { f.win.RunAnimationFrames(now) })
	if p.Win.Dirty() && p.OnFrame != nil {
		p.OnFrame()
	}
	p.top.each(func(f *frame) { f.win.ClearDirty() })
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
func (f *frame) parserScript(n *dom.Node) {
	if n.TagName == "iframe" {
		f.iframeInserted(n)
		return
	}
	if f.started[n] || !isClassicScript(n) {
		return
	}
	_, hasSrc := n.Attribute("src")
	if !hasSrc && n.TextContent() == "" {
		return // an empty script is not started: it runs when it gets text
	}
	f.started[n] = true
	if hasSrc {
		switch {
		case n.HasAttribute("async"):
			f.postExternal(n)
		case n.HasAttribute("defer"):
			f.deferred = append(f.deferred, n)
		default:
			f.runExternal(n)
		}
		return
	}
	f.runInline(n)
}

// scriptInserted handles a script element a script inserted: inline
// ones run at once, external ones as soon as they are fetched.
func (f *frame) scriptInserted(n *dom.Node) {
	if f.started[n] || !isClassicScript(n) {
		return
	}
	if _, ok := n.Attribute("src"); ok {
		f.started[n] = true
		f.postExternal(n)
		return
	}
	if n.TextContent() == "" {
		return // runs when it gets text, which is not watched yet
	}
	f.started[n] = true
	f.runInline(n)
}

func (f *frame) runInline(n *dom.Node) {
	name := f.url.String()
	src := n.TextContent()
	if f.xhtml {
		src = unwrapCDATA(src)
	}
	f.p.Loop.RunTask(func() { f.win.RunScript(name, src, n) })
}

// fetchScript loads an external script's source; a failure fires error
// at the element.
func (f *frame) fetchScript(n *dom.Node) (string, *url.URL, bool) {
	p := f.p
	src := n.AttributeOr("src")
	u, err := network.Resolve(f.url, src)
	if f.doc == p.Doc {
		u, err = network.Resolve(p.baseURL(), src)
	}
	if err == nil {
		var body string
		body, err = p.FetchScript(u)
		if err == nil {
			return body, u, true
		}
	}
	f.win.Console("error", fmt.Sprintf("Failed to load script %q: %v", src, err))
	p.Loop.RunTask(func() { f.win.FireEvent(n, "error", false, false) })
	return "", nil, false
}

func (f *frame) runExternal(n *dom.Node) {
	p := f.p
	body, u, ok := f.fetchScript(n)
	if !ok {
		return
	}
	p.Loop.RunTask(func() { f.win.RunScript(u.String(), body, n) })
	p.Loop.RunTask(func() { f.win.FireEvent(n, "load", false, false) })
}

func (f *frame) postExternal(n *dom.Node) {
	p := f.p
	body, u, ok := f.fetchScript(n)
	if !ok {
		return
	}
	p.Loop.Post(eventloop.Networking, func() {
		f.win.RunScript(u.String(), body, n)
		f.win.FireEvent(n, "load", false, false)
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

// MouseMove dispatches mousemove at the node under the document point
// (x, y), and mouseout and mouseover when that node is not the one the
// pointer was over before.
func (p *Page) MouseMove(x, y, vx, vy float32) {
	if p.Win == nil {
		return
	}
	n := p.HitTest(x, y)
	if n != nil && n.Type == dom.TextNode {
		n = n.Parent
	}
	p.Loop.RunTask(func() {
		if n != p.hovered {
			if p.hovered != nil && root(p.hovered) == p.Doc {
				p.Win.DispatchMouse(p.hovered, "mouseout", vx, vy)
			}
			if n != nil {
				p.Win.DispatchMouse(n, "mouseover", vx, vy)
			}
			p.hovered = n
		}
		if n != nil {
			p.Win.DispatchMouse(n, "mousemove", vx, vy)
		}
	})
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
	p.Loop.RunTask(func() {
		p.Win.DispatchMouse(n, "mousedown", vx, vy)
		p.Win.DispatchMouse(n, "mouseup", vx, vy)
		ok = p.Win.DispatchMouse(n, "click", vx, vy)
	})
	return ok
}

// ComputedStyle returns n's computed style, restyling first if scripts
// changed the document (bindings.StyleHost).
func (p *Page) ComputedStyle(n *dom.Node) *style.ComputedStyle {
	if p.styles == nil || (p.Win != nil && p.Win.Version() != p.layoutVersion) {
		p.Layout(p.width, p.height)
	}
	if p.styles == nil || root(n) != p.Doc {
		return nil
	}
	return p.styles.Of(n)
}

func root(n *dom.Node) *dom.Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

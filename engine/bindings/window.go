// Package bindings connects the JavaScript engine (package js) to a page:
// the window global, DOM wrappers for engine/dom nodes, events, timers,
// animation frames, console and performance.
//
// A Window is one document's realm. Wrappers keep identity: the same
// *dom.Node always gives the same JS object (the Window keeps a map), so
// scripts can compare nodes and hang properties on them. The event
// machinery (Event, EventTarget, the dispatch algorithm), DOMException
// and console formatting are written in JavaScript (prelude.js), on top of
// the Go functions this package defines; the DOM itself is Go.
//
// A Window belongs to its page's goroutine, as the page and its event
// loop do.
package bindings

import (
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"glassbox/engine/dom"
	"glassbox/engine/eventloop"
	"glassbox/js"
)

//go:embed prelude.js
var preludeSource string

// ScriptTimeout is how long a script (or one callback) may run before it
// is interrupted.
var ScriptTimeout = 5 * time.Second

// Host is what the bindings need from the page embedding them.
type Host interface {
	// FetchScript loads a classic script's source, synchronously.
	FetchScript(u *url.URL) (string, error)
	// LayoutBox lays the document out if it changed since the last layout
	// and returns the border box of the node's first fragment, in
	// document coordinates; ok is false when the node has no box.
	LayoutBox(n *dom.Node) (x, y, w, h float32, ok bool)
	// Viewport returns the viewport's size in CSS px.
	Viewport() (w, h float32)
}

// Window is the global object of one document and its bindings.
type Window struct {
	RT   *js.Runtime
	Loop *eventloop.Loop
	Doc  *dom.Node
	URL  *url.URL
	host Host

	// Console receives every console message and uncaught error, with a
	// level (log, info, warn, error, debug).
	Console func(level, text string)

	// observing is set once a MutationObserver observes a node.
	observing bool
	// dirty is set by every change of the document a script makes, so
	// that the next rendering opportunity restyles.
	dirty bool
	// version counts DOM mutations; live collections cache against it.
	version uint64

	wrappers map[*dom.Node]js.Value
	protos   protos
	hooks    hooks

	// ReadyState is document.readyState: loading, interactive, complete.
	ReadyState string
	// onInsert is told of each script element inserted into the document
	// by a script, so that it runs (set by the page).
	onInsert func(script *dom.Node)
	onFrame  func(iframe *dom.Node)
	// ChildWindow returns the window of an iframe's browsing context,
	// or nil (set by the page).
	ChildWindow func(iframe *dom.Node) *Window
	// parent and frameElement are set for an iframe's window.
	parent       *Window
	frameElement *dom.Node
	objCache     map[cacheKey]js.Value
	// xmlDocs marks documents made by createDocument or new Document(),
	// whose names are case-sensitive; shared with child windows.
	xmlDocs map[*dom.Node]bool
	// tagProtos are the prototypes of HTML elements by tag (html.go).
	tagProtos map[string]js.Value
	// Form control state that is not an attribute.
	checked map[*dom.Node]bool
	values  map[*dom.Node]string

	raf        []rafCallback
	rafID      int
	rafRunning map[int]bool // ids cancelled while a batch runs
	currentScr *dom.Node
	timeOrigin time.Time
	// session is sessionStorage by origin, kept by the top-level window.
	session map[string]*storageArea
}

type rafCallback struct {
	id int
	fn js.Value
}

// hooks are the prelude's functions the Go side calls.
type hooks struct {
	dispatch  js.Value // (target, event) -> notCanceled
	report    js.Value // (error, message, file, line, col)
	exception js.Value // (message, name) -> DOMException
	newEvent  js.Value // (type, bubbles, cancelable, trusted) -> Event
	mouse     js.Value // (type, x, y) -> trusted MouseEvent
	mutation  js.Value // (type, target, name, ns, old, added, removed, prev, next)
	// mediaChanges fires change at MediaQueryLists whose answer moved.
	mediaChanges js.Value
}

// New makes the window of doc, loaded from u, with its runtime, running
// its tasks on loop.
func New(doc *dom.Node, u *url.URL, loop *eventloop.Loop, host Host, console func(level, text string)) (*Window, error) {
	w := &Window{
		RT:         js.New(),
		Loop:       loop,
		Doc:        doc,
		URL:        u,
		host:       host,
		Console:    console,
		wrappers:   map[*dom.Node]js.Value{},
		timeOrigin: time.Now(),
		ReadyState: "loading",
		xmlDocs:    map[*dom.Node]bool{},
	}
	if w.Console == nil {
		w.Console = func(string, string) {}
	}
	loop.Checkpoint = w.Checkpoint
	if err := w.install(); err != nil {
		return nil, err
	}
	return w, nil
}

// OnScriptInserted sets what happens when a script inserts a script
// element into the document.
func (w *Window) OnScriptInserted(f func(script *dom.Node)) { w.onInsert = f }

// OnFrameInserted sets what happens when an iframe element enters the
// document or its src changes: the page loads its browsing context.
func (w *Window) OnFrameInserted(f func(iframe *dom.Node)) { w.onFrame = f }

// NewChild makes the window of an iframe's browsing context: a realm of
// its own that shares parent's agent (job queue) and event loop.
func NewChild(parent *Window, iframe, doc *dom.Node, u *url.URL) (*Window, error) {
	w := &Window{
		RT:           parent.RT.NewRealm(),
		Loop:         parent.Loop,
		Doc:          doc,
		URL:          u,
		host:         parent.host,
		Console:      parent.Console,
		wrappers:     map[*dom.Node]js.Value{},
		timeOrigin:   time.Now(),
		ReadyState:   "loading",
		parent:       parent,
		frameElement: iframe,
		xmlDocs:      parent.xmlDocs,
	}
	if err := w.install(); err != nil {
		return nil, err
	}
	w.RT.Set("parent", parent.RT.Global())
	top := parent
	for top.parent != nil {
		top = top.parent
	}
	w.RT.Set("top", top.RT.Global())
	return w, nil
}

// fullyActive reports whether the window's document is the one its
// browsing context shows and that context is still in its parent's
// document (HTML's "fully active").
func (w *Window) fullyActive() bool {
	for c := w; c.parent != nil; c = c.parent {
		if root(c.frameElement).Type != dom.DocumentNode || c.parent.ChildWindow == nil || c.parent.ChildWindow(c.frameElement) != c {
			return false
		}
	}
	return true
}

// Dirty reports whether scripts changed the document since ClearDirty.
func (w *Window) Dirty() bool { return w.dirty }

// ClearDirty is called once the page has restyled.
func (w *Window) ClearDirty() { w.dirty = false }

// mutated records a DOM change.
func (w *Window) mutated() {
	w.dirty = true
	w.version++
}

// watch runs f with the runaway-script watchdog armed.
func (w *Window) watch(f func() error) error {
	t := time.AfterFunc(ScriptTimeout, w.RT.Interrupt)
	err := f()
	t.Stop()
	w.RT.Interp().ClearInterrupt()
	return err
}

// RunScript runs a classic script's source, as the element el (nil for
// none) when document.currentScript is asked, and reports an uncaught
// error. It does not run the microtask checkpoint; the loop's task does.
func (w *Window) RunScript(name, src string, el *dom.Node) {
	prev := w.currentScr
	w.currentScr = el
	err := w.watch(func() error {
		_, err := w.RT.RunScript(name, src)
		return err
	})
	w.currentScr = prev
	if err != nil {
		w.ReportError(err)
	}
}

// CallFunction calls fn with this and args under the watchdog, reporting
// an uncaught error.
func (w *Window) CallFunction(fn, this js.Value, args ...js.Value) js.Value {
	var v js.Value
	err := w.watch(func() error {
		var err error
		v, err = w.RT.Call(fn, this, args...)
		return err
	})
	if err != nil {
		w.callbackWindow(fn).ReportError(err)
	}
	return v
}

// callbackWindow is the window whose realm fn belongs to, where an
// exception fn throws is reported; w when it is none of the page's.
func (w *Window) callbackWindow(fn js.Value) *Window {
	g, ok := js.FunctionGlobal(fn)
	if !ok {
		return w
	}
	top := w
	for top.parent != nil {
		top = top.parent
	}
	if found := top.findByGlobal(g); found != nil {
		return found
	}
	return w
}

func (w *Window) findByGlobal(g js.Value) *Window {
	if w.RT.Global() == g {
		return w
	}
	if w.ChildWindow == nil {
		return nil
	}
	var found *Window
	w.Doc.Walk(func(n *dom.Node) bool {
		if found == nil && n.IsElement("iframe") {
			if c := w.ChildWindow(n); c != nil {
				found = c.findByGlobal(g)
			}
		}
		return found == nil
	})
	return found
}

// ReportError reports an uncaught exception as HTML's "report an
// exception" does: an error event at the window, and, unless a handler
// cancels it, a console error.
func (w *Window) ReportError(err error) {
	var intr *js.Interrupted
	if errors.As(err, &intr) {
		w.Console("error", fmt.Sprintf("Uncaught InterruptError: script ran longer than %v and was stopped", ScriptTimeout))
		return
	}
	var ex *js.Exception
	if !errors.As(err, &ex) {
		w.Console("error", "Uncaught "+err.Error())
		return
	}
	file, line, col := "", 0, 0
	if len(ex.Stack) > 0 {
		file, line, col = ex.Stack[0].File, ex.Stack[0].Line, ex.Stack[0].Column
	}
	msg := "Uncaught " + describe(ex)
	if w.hooks.report.IsUndefined() {
		w.Console("error", msg)
		return
	}
	message := js.String(msg)
	if describe(ex) == "" {
		// The engine cannot describe it (a DOMException, whose name and
		// message are accessors): the prelude does.
		message = js.Undefined()
	}
	_, rerr := w.RT.Call(w.hooks.report, js.Undefined(), ex.Value, message, js.String(file), js.Number(float64(line)), js.Number(float64(col)))
	if rerr != nil {
		w.Console("error", msg)
	}
}

func describe(ex *js.Exception) string {
	s := ex.Error()
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// Checkpoint is the microtask checkpoint: it runs promise jobs and
// queued microtasks until none are left, reporting uncaught errors, and
// then reports promises rejected with no handler.
func (w *Window) Checkpoint() {
	for {
		err := w.watch(w.RT.RunJobs)
		if err == nil {
			break
		}
		w.ReportError(err)
	}
	for _, reason := range w.RT.UnhandledRejections() {
		if w.fireRejection(reason) {
			w.Console("error", "Uncaught (in promise) "+w.formatValue(reason))
		}
	}
}

// fireRejection dispatches unhandledrejection at the window and reports
// whether no handler canceled it.
func (w *Window) fireRejection(reason js.Value) bool {
	f, err := w.RT.Get("__glassboxUnhandledRejection")
	if err != nil || !f.IsObject() {
		return true
	}
	v, err := w.RT.Call(f, js.Undefined(), reason)
	return err != nil || !v.IsBool() || v.BoolVal()
}

func (w *Window) formatValue(v js.Value) string {
	if v.IsObject() {
		if s, err := w.RT.GetProperty(v, "stack"); err == nil && s.IsString() {
			str, _ := w.RT.ToString(s)
			str, _, _ = strings.Cut(str, "\n")
			return str
		}
	}
	s, err := w.RT.ToString(v)
	if err != nil {
		return "[object]"
	}
	return s
}

// NeedsFrame reports whether a rendering opportunity has work.
func (w *Window) NeedsFrame() bool { return len(w.raf) > 0 || w.dirty }

// RunAnimationFrames runs the animation frame callbacks queued before this
// frame, each followed by a microtask checkpoint, with the frame's time in
// ms since the time origin.
func (w *Window) RunAnimationFrames(now time.Duration) {
	// Media queries are evaluated before the frame's callbacks (HTML's
	// "update the rendering", step "evaluate media queries and report
	// changes").
	if w.hooks.mediaChanges.IsObject() {
		w.CallFunction(w.hooks.mediaChanges, js.Undefined())
		w.Checkpoint()
	}
	cbs := w.raf
	w.raf = nil
	w.rafRunning = map[int]bool{}
	t := js.Number(float64(now) / float64(time.Millisecond))
	for _, cb := range cbs {
		// A callback may cancel one later in the same batch.
		if w.rafRunning[cb.id] {
			continue
		}
		w.CallFunction(cb.fn, w.RT.Global(), t)
		w.Checkpoint()
	}
	w.rafRunning = nil
}

// CurrentScript returns the element whose script is running, if any.
func (w *Window) CurrentScript() *dom.Node { return w.currentScr }

// FireEvent dispatches a simple event (not bubbling, not cancelable, or as
// asked) at a node, or at the window when n is nil. It reports whether
// the event was not canceled.
func (w *Window) FireEvent(n *dom.Node, typ string, bubbles, cancelable bool) bool {
	target := w.RT.Global()
	if n != nil {
		target = w.wrap(n)
	}
	ev, err := w.RT.Call(w.hooks.newEvent, js.Undefined(), js.String(typ), js.Bool(bubbles), js.Bool(cancelable), js.Bool(true))
	if err != nil {
		w.ReportError(err)
		return true
	}
	v := w.CallFunction(w.hooks.dispatch, js.Undefined(), target, ev)
	return !(v.IsBool() && !v.BoolVal())
}

// DispatchMouse dispatches a trusted mouse event (click, mousedown, ...)
// at n, for the user's input at viewport point (x, y). It reports
// whether the event was not canceled, so that the default action (following
// a link) may go ahead.
func (w *Window) DispatchMouse(n *dom.Node, typ string, x, y float32) bool {
	ev, err := w.RT.Call(w.hooks.mouse, js.Undefined(), js.String(typ), js.Number(float64(x)), js.Number(float64(y)))
	if err != nil {
		w.ReportError(err)
		return true
	}
	v := w.CallFunction(w.hooks.dispatch, js.Undefined(), w.wrap(n), ev)
	return !(v.IsBool() && !v.BoolVal())
}

// now returns performance.now() in ms.
func (w *Window) now() float64 {
	return float64(w.Loop.Now()) / float64(time.Millisecond)
}

// Version counts the changes scripts made to the document; a page lays
// out again when it moved.
func (w *Window) Version() uint64 { return w.version }

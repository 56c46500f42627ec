package app

import (
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"gioui.org/f32"
	"github.com/go-gl/glfw/v3.3/glfw"

	"glassbox/assets"
	"glassbox/compositor"
	"glassbox/engine/paint"
	"glassbox/network"
	"glassbox/timeline"
)

func init() {
	// GLFW must be called from the process's main thread; main runs on it
	// only if its goroutine is locked before main starts.
	runtime.LockOSThread()
}

// Options configure the window.
type Options struct {
	// Width and Height are the window's initial size in screen
	// coordinates. Zero means 1024×768.
	Width, Height int
	// URL is what the first tab opens: a URL or a file path, as typed in
	// the address bar. Empty means about:start.
	URL string
	// Loader loads pages. Nil means a loader with the bundled about:
	// pages.
	Loader *network.Loader
	// Log, when set, receives one line for each page that failed to load
	// and each warning about a page's subresources. It is called from the
	// tabs' goroutines.
	Log func(msg string)
	// Paint, when set, makes a bare window without the browser shell: no
	// tabs, no toolbar, just one page filling the window. Paint lays out
	// and paints it for a viewport of width×height CSS px, returning its
	// display list and title. It runs on the page's goroutine, never on
	// the UI thread, at start and after resizes. A nil display list leaves
	// the previous frame up. URL and Loader are then unused.
	Paint func(width, height int) (dl *paint.DisplayList, title string)
	// Hidden creates the window invisible (for tests).
	Hidden bool
	// Trace, when set, receives the frame timings the window recorded
	// (its compositor's timeline, the last compositor.TimelineCapacity
	// events) in the Trace Event Format when the window closes.
	Trace io.Writer
}

// ErrNoDisplay is returned when there is no X display to open a window on.
var ErrNoDisplay = errors.New("app: no display: DISPLAY is not set. " +
	"Run under an X server (for example `xvfb-run -a ./bin/browser`), or use headless mode (-headless -screenshot)")

// resizeDebounce is how long a page waits after a resize before it lays
// out again, so that dragging a window edge lays out once at the end, not
// at every intermediate size.
const resizeDebounce = 60 * time.Millisecond

// wheelStep is how far one notch of the mouse wheel scrolls, in CSS px
// (about three lines of text, as browsers on Linux do).
const wheelStep = 48

// Run opens a window, shows the page and runs the event loop until the
// window is closed. It must be called from the main goroutine.
func Run(opts Options) error {
	w, err := Open(opts)
	if err != nil {
		return err
	}
	return w.Run()
}

// Window is an open browser window.
type Window struct {
	win  *glfw.Window
	comp *compositor.Compositor
	opts Options

	stop   chan struct{} // closed when the window goes
	closed chan struct{} // closed by Close
	once   sync.Once

	// tasks are functions other goroutines run on the UI thread (see do
	// and post).
	tasks chan func()
	// invalid is set by other goroutines when the shell must be laid out
	// again (a tab's title or state changed).
	invalid atomic.Bool

	// alive guards glfw.PostEmptyEvent from other goroutines against
	// glfw.Terminate: go-gl panics on calls into a terminated GLFW.
	mu    sync.Mutex
	alive bool

	// The bare window (Options.Paint).
	sizes  chan pageSize // to the page goroutine; latest wins
	titles chan string   // from the page goroutine; latest wins

	// The shell (nil for a bare window). Its fields belong to the UI
	// thread, except where they say otherwise.
	ui *shell

	// commitMu orders the tabs' commits against tab switches, so that
	// only the shown tab's frames reach the compositor.
	commitMu sync.Mutex
	shown    *tab // guarded by commitMu
}

type pageSize struct {
	css   image.Point // the viewport in CSS px
	scale float32     // device px per CSS px
}

// Open creates the window and starts its compositor and the first tab's
// goroutine (or, for a bare window, the page goroutine). It must be
// called from the main goroutine, and then Run.
func Open(opts Options) (w *Window, err error) {
	if os.Getenv("DISPLAY") == "" {
		return nil, ErrNoDisplay
	}
	if opts.Width <= 0 || opts.Height <= 0 {
		opts.Width, opts.Height = 1024, 768
	}
	if opts.URL == "" {
		opts.URL = "about:start"
	}
	if opts.Loader == nil {
		opts.Loader = network.NewLoader(network.Options{Pages: assets.Pages()})
	}
	// go-gl/glfw panics on GLFW errors it does not expect (a DISPLAY that
	// names no server, a driver without ES 3.0).
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("app: opening a window on DISPLAY=%s: %v", os.Getenv("DISPLAY"), r)
		}
	}()
	if err := glfw.Init(); err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.ClientAPI, glfw.OpenGLESAPI)
	glfw.WindowHint(glfw.ContextCreationAPI, glfw.NativeContextAPI)
	glfw.WindowHint(glfw.ContextVersionMajor, 3)
	glfw.WindowHint(glfw.ContextVersionMinor, 0)
	if opts.Hidden {
		glfw.WindowHint(glfw.Visible, glfw.False)
	}
	win, err := glfw.CreateWindow(opts.Width, opts.Height, "Glassbox", nil, nil)
	if err != nil {
		glfw.Terminate()
		return nil, fmt.Errorf("app: creating the window: %w", err)
	}
	fbw, fbh := win.GetFramebufferSize()
	comp, err := compositor.NewWindow(surface{win}, fbw, fbh)
	if err != nil {
		win.Destroy()
		glfw.Terminate()
		return nil, err
	}
	w = &Window{
		win:    win,
		comp:   comp,
		opts:   opts,
		stop:   make(chan struct{}),
		closed: make(chan struct{}),
		tasks:  make(chan func(), 64),
		alive:  true,
	}
	if opts.Paint != nil {
		w.openBare()
		return w, nil
	}
	w.ui = newShell(w)
	w.setCallbacks()
	w.resized()
	w.openTab(navigation{input: opts.URL}, true)
	w.frame() // the shell shows from the start, before the page
	return w, nil
}

// Compositor returns the window's compositor.
func (w *Window) Compositor() *compositor.Compositor { return w.comp }

// Screenshot draws the current frame (the page and the shell) into the
// window and reads it back. It is safe to call from any goroutine.
func (w *Window) Screenshot() (*image.RGBA, error) { return w.comp.Screenshot() }

// Close asks Run to return. It is safe to call from any goroutine.
func (w *Window) Close() {
	w.once.Do(func() {
		close(w.closed)
		w.wake()
	})
}

// wake makes the UI thread's WaitEvents return. Any goroutine may call it.
func (w *Window) wake() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.alive {
		glfw.PostEmptyEvent()
	}
}

// invalidate asks the UI thread to lay out the shell again. Any goroutine
// may call it.
func (w *Window) invalidate() {
	w.invalid.Store(true)
	w.wake()
}

// post runs f on the UI thread, soon, without waiting. Any goroutine may
// call it; f is dropped if the window has gone.
func (w *Window) post(f func()) {
	select {
	case w.tasks <- f:
		w.wake()
	case <-w.stop:
	}
}

// do runs f on the UI thread and waits for it, or returns false if the
// window went first. It must not be called from the UI thread.
func (w *Window) do(f func()) bool {
	done := make(chan struct{})
	w.post(func() { f(); close(done) })
	select {
	case <-done:
		return true
	case <-w.stop:
		return false
	}
}

// Run runs the event loop until the window is closed, then destroys the
// window. It must be called from the main goroutine. It returns the first
// error the compositor met while drawing.
func (w *Window) Run() (err error) {
	defer func() {
		w.destroy()
		if w.opts.Trace != nil {
			if terr := timeline.WriteTrace(w.opts.Trace, w.comp.Timeline().Events()); terr != nil && err == nil {
				err = fmt.Errorf("app: writing the trace: %w", terr)
			}
		}
	}()
	for !w.win.ShouldClose() {
		select {
		case <-w.closed:
			return nil
		case title := <-w.titles:
			w.setTitle(title)
		default:
		}
	tasks:
		for {
			select {
			case f := <-w.tasks:
				f()
			default:
				break tasks
			}
		}
		if err := w.comp.Err(); err != nil {
			return err
		}
		// Wake up now and then even without events, to notice compositor
		// errors, which do not come through GLFW.
		timeout := 250 * time.Millisecond
		if w.ui != nil {
			if w.invalid.Swap(false) {
				w.ui.invalid = true
			}
			if w.ui.invalid || w.ui.due(time.Now()) {
				w.frame()
			}
			if t, ok := w.ui.wakeup(); ok {
				timeout = min(timeout, max(time.Until(t), time.Millisecond))
			}
		}
		glfw.WaitEventsTimeout(timeout.Seconds())
	}
	return nil
}

func (w *Window) setTitle(title string) {
	if title == "" {
		w.win.SetTitle("Glassbox")
	} else {
		w.win.SetTitle(title + " — Glassbox")
	}
}

func (w *Window) destroy() {
	close(w.stop)
	if w.ui != nil {
		w.ui.close()
	}
	w.comp.Close() // gives the context back before the window goes
	w.win.Destroy()
	w.mu.Lock()
	w.alive = false
	glfw.Terminate()
	w.mu.Unlock()
}

// contentScale returns the window's content scale: device px per CSS px
// at 100% zoom (2 on a typical HiDPI display). Called on the UI thread.
func (w *Window) contentScale() float32 {
	if w.ui != nil && w.ui.forceScale > 0 {
		return w.ui.forceScale
	}
	scale, _ := w.win.GetContentScale()
	if scale <= 0 {
		scale = 1
	}
	return scale
}

// viewport returns the viewport of the shown tab's page (or the bare
// window's): the content area's size in CSS px, and the device scale.
// Called on the UI thread.
func (w *Window) viewport() pageSize {
	var t *tab
	if w.ui != nil {
		t = w.ui.active
	}
	return w.viewportOf(t)
}

// viewportOf returns t's viewport: page zoom, like the content scale,
// makes CSS px bigger, so the page lays out in fewer of them and rasters
// at more device px per CSS px. Called on the UI thread.
func (w *Window) viewportOf(t *tab) pageSize {
	scale := w.contentScale()
	if t != nil {
		scale *= t.zoom
	}
	size := image.Pt(w.win.GetFramebufferSize())
	if w.ui != nil {
		size = w.ui.content.Size()
	}
	return pageSize{
		css:   image.Pt(int(float32(size.X)/scale+0.5), int(float32(size.Y)/scale+0.5)),
		scale: scale,
	}
}

// commit hands the compositor a tab's new frame if the tab is shown, and
// keeps it as the tab's last frame for when it is shown again. A new
// document (newDoc) starts at scroll, for another layout of the same
// document the compositor's scroll offset stands. Called on the tab's
// goroutine.
func (w *Window) commit(t *tab, f *compositor.Frame, newDoc bool, scroll f32.Point) {
	w.commitMu.Lock()
	defer w.commitMu.Unlock()
	t.frame = f
	if newDoc {
		t.scroll = scroll
	}
	if w.shown != t {
		return
	}
	if newDoc {
		w.comp.Show(f, scroll)
	} else {
		w.comp.Commit(f)
	}
}

// show makes t the tab whose frames the compositor shows, keeping the
// scroll offset of the tab shown before. Called on the UI thread.
func (w *Window) show(t *tab) {
	w.commitMu.Lock()
	defer w.commitMu.Unlock()
	if w.shown == t {
		return
	}
	if old := w.shown; old != nil {
		if off, err := w.comp.ScrollOffset(); err == nil {
			old.scroll = off
		}
	}
	w.shown = t
	if t != nil {
		w.comp.Show(t.frame, t.scroll)
	}
}

// scrollTab scrolls t to p, in CSS px: the compositor scrolls if t is
// shown, else t starts there when shown. Called from t's goroutine.
func (w *Window) scrollTab(t *tab, p f32.Point) {
	w.commitMu.Lock()
	defer w.commitMu.Unlock()
	if w.shown == t {
		w.comp.ScrollTo(p)
		return
	}
	t.scroll = p
}

// scrollOf returns t's scroll offset. Called from t's goroutine.
func (w *Window) scrollOf(t *tab) f32.Point {
	w.commitMu.Lock()
	defer w.commitMu.Unlock()
	if w.shown == t {
		off, _ := w.comp.ScrollOffset()
		return off
	}
	return t.scroll
}

// openBare sets up the window without the shell, for Options.Paint.
func (w *Window) openBare() {
	w.sizes = make(chan pageSize, 1)
	w.titles = make(chan string, 1)
	w.win.SetFramebufferSizeCallback(func(_ *glfw.Window, width, height int) {
		w.comp.Resize(width, height)
		w.sendSize()
	})
	w.win.SetScrollCallback(func(_ *glfw.Window, xoff, yoff float64) {
		w.comp.ScrollBy(float32(-xoff*wheelStep), float32(-yoff*wheelStep))
	})
	w.win.SetKeyCallback(func(win *glfw.Window, key glfw.Key, _ int, action glfw.Action, mods glfw.ModifierKey) {
		if action == glfw.Press && mods&glfw.ModControl != 0 && (key == glfw.KeyQ || key == glfw.KeyW) {
			win.SetShouldClose(true)
		}
	})
	go w.paintPage()
	w.sendSize()
}

// sendSize tells the bare window's page its viewport. Called on the UI
// thread.
func (w *Window) sendSize() {
	select {
	case <-w.sizes: // drop a size the page has not taken yet
	default:
	}
	w.sizes <- w.viewport()
}

// paintPage is the bare window's page goroutine: it paints for the latest
// viewport size and commits.
func (w *Window) paintPage() {
	for first := true; ; first = false {
		var s pageSize
		select {
		case s = <-w.sizes:
		case <-w.stop:
			return
		}
		// Debounce resizes: while sizes keep coming, wait for the last
		// one. The first paint goes at once.
		for settled := first; !settled; {
			select {
			case s = <-w.sizes:
			case <-time.After(resizeDebounce):
				settled = true
			case <-w.stop:
				return
			}
		}
		dl, title := w.opts.Paint(s.css.X, s.css.Y)
		if dl != nil {
			f := compositor.NewFrame(dl, s.css)
			f.DeviceScale = s.scale
			w.comp.Commit(f)
		}
		select {
		case <-w.titles:
		default:
		}
		w.titles <- title
		w.wake()
	}
}

// surface gives a GLFW window's context to the compositor.
type surface struct{ win *glfw.Window }

func (s surface) MakeCurrent() error {
	s.win.MakeContextCurrent()
	glfw.SwapInterval(1)
	return nil
}

func (s surface) DetachCurrent()                         { glfw.DetachCurrentContext() }
func (s surface) SwapBuffers()                           { s.win.SwapBuffers() }
func (s surface) ProcAddress(name string) unsafe.Pointer { return glfw.GetProcAddress(name) }

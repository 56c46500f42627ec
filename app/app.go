package app

import (
	"errors"
	"fmt"
	"image"
	"os"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"github.com/go-gl/glfw/v3.3/glfw"

	"glassbox/compositor"
	"glassbox/engine/paint"
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
	// Paint lays out and paints the page for a viewport of width×height
	// CSS px, returning its display list and title. It runs on the page's
	// goroutine, never on the UI thread, at start and after resizes. A nil
	// display list leaves the previous frame up.
	Paint func(width, height int) (dl *paint.DisplayList, title string)
	// Hidden creates the window invisible (for tests).
	Hidden bool
}

// ErrNoDisplay is returned when there is no X display to open a window on.
var ErrNoDisplay = errors.New("app: no display: DISPLAY is not set. " +
	"Run under an X server (for example `xvfb-run -a ./bin/browser`), or use headless mode (-headless -screenshot)")

// resizeDebounce is how long the page waits after a resize before it lays
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

	sizes  chan pageSize // to the page goroutine; latest wins
	titles chan string   // from the page goroutine; latest wins
	stop   chan struct{} // closed when the window goes
	closed chan struct{} // closed by Close
	once   sync.Once

	// alive guards glfw.PostEmptyEvent from other goroutines against
	// glfw.Terminate: go-gl panics on calls into a terminated GLFW.
	mu    sync.Mutex
	alive bool
}

type pageSize struct {
	css   image.Point
	scale float32
}

// Open creates the window and starts its compositor and page goroutine.
// It must be called from the main goroutine, and then Run.
func Open(opts Options) (w *Window, err error) {
	if os.Getenv("DISPLAY") == "" {
		return nil, ErrNoDisplay
	}
	if opts.Width <= 0 || opts.Height <= 0 {
		opts.Width, opts.Height = 1024, 768
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
		sizes:  make(chan pageSize, 1),
		titles: make(chan string, 1),
		stop:   make(chan struct{}),
		closed: make(chan struct{}),
		alive:  true,
	}
	win.SetFramebufferSizeCallback(func(_ *glfw.Window, width, height int) {
		w.comp.Resize(width, height)
		w.sendSize()
	})
	win.SetScrollCallback(func(_ *glfw.Window, xoff, yoff float64) {
		w.comp.ScrollBy(float32(-xoff*wheelStep), float32(-yoff*wheelStep))
	})
	win.SetKeyCallback(func(win *glfw.Window, key glfw.Key, _ int, action glfw.Action, mods glfw.ModifierKey) {
		if action == glfw.Press && mods&glfw.ModControl != 0 && (key == glfw.KeyQ || key == glfw.KeyW) {
			win.SetShouldClose(true)
		}
	})
	go w.page()
	w.sendSize()
	return w, nil
}

// Compositor returns the window's compositor.
func (w *Window) Compositor() *compositor.Compositor { return w.comp }

// Screenshot draws the current frame into the window and reads it back.
// It is safe to call from any goroutine.
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

// Run runs the event loop until the window is closed, then destroys the
// window. It must be called from the main goroutine. It returns the first
// error the compositor met while drawing.
func (w *Window) Run() error {
	defer w.destroy()
	for !w.win.ShouldClose() {
		select {
		case <-w.closed:
			return nil
		case title := <-w.titles:
			if title == "" {
				w.win.SetTitle("Glassbox")
			} else {
				w.win.SetTitle("Glassbox — " + title)
			}
		default:
		}
		if err := w.comp.Err(); err != nil {
			return err
		}
		// Wake up now and then even without events, to notice compositor
		// errors, which do not come through GLFW.
		glfw.WaitEventsTimeout(0.25)
	}
	return nil
}

func (w *Window) destroy() {
	close(w.stop)
	w.comp.Close() // gives the context back before the window goes
	w.win.Destroy()
	w.mu.Lock()
	w.alive = false
	glfw.Terminate()
	w.mu.Unlock()
}

// sendSize tells the page the window's viewport. Called on the UI thread.
func (w *Window) sendSize() {
	fbw, fbh := w.win.GetFramebufferSize()
	scale, _ := w.win.GetContentScale()
	if scale <= 0 {
		scale = 1
	}
	s := pageSize{
		css:   image.Pt(int(float32(fbw)/scale+0.5), int(float32(fbh)/scale+0.5)),
		scale: scale,
	}
	select {
	case <-w.sizes: // drop a size the page has not taken yet
	default:
	}
	w.sizes <- s
}

// page is the page's goroutine: it paints for the latest viewport size
// and commits.
func (w *Window) page() {
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
		if w.opts.Paint == nil {
			continue
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

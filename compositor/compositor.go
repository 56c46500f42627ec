package compositor

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"gioui.org/f32"

	"glassbox/engine/paint"
	"glassbox/gpu"
	"glassbox/timeline"
)

// Surface is a window's GL context as the compositor uses it. Package app
// implements it with a GLFW window. All methods are called on the
// compositor's thread.
type Surface interface {
	// MakeCurrent makes the window's context current on the calling
	// thread and turns on vsync.
	MakeCurrent() error
	// DetachCurrent releases the context from the calling thread, so the
	// window can be destroyed elsewhere.
	DetachCurrent()
	// SwapBuffers presents the back buffer, waiting for vsync.
	SwapBuffers()
	// ProcAddress looks up a GL function for the context.
	ProcAddress(name string) unsafe.Pointer
}

// Stats are the costs of the last frame. CPU times are wall clock on the
// compositor thread; GPU times come from timer queries and arrive a frame
// or more late (zero where the GPU has no timer queries).
type Stats struct {
	Frames    int           // frames drawn so far
	Rasters   int           // layer rasters so far
	Raster    time.Duration // CPU time of the last raster
	Draw      time.Duration // CPU time of the last draw (composite)
	GPURaster time.Duration // GPU time of the last raster measured
	GPUDraw   time.Duration // GPU time of the last draw measured
	Renderer  string        // the GL renderer's name
	Tiles     int           // layer tiles held
	// Textures counts the textures the compositor holds: tiles, tiles
	// pooled for reuse, the overlay's, the scrollbar's and a headless
	// target. Every texture of package gpu is one of these (see
	// gpu.LiveObjects), or something leaks.
	Textures int
}

// Compositor owns a GL context on a thread of its own, the layers' textures
// and the scroll offset. The page hands it frames with Commit; it rasters
// layers whose display lists changed and draws them. Its methods are safe
// to call from any goroutine.
type Compositor struct {
	tasks chan func(*impl)
	done  chan struct{} // closed when the thread has exited
	once  sync.Once

	// err is the first error met while drawing unasked (window frames).
	// It sits behind a mutex, not a task, so that the UI thread can check
	// it after every event without waiting for a frame.
	mu  sync.Mutex
	err error

	timeline *timeline.Ring
}

// TimelineCapacity is how many events a compositor's timeline keeps: at
// a few events per frame, the last minute or so at 60 frames a second.
const TimelineCapacity = 1 << 14

// impl is the compositor's state on its own thread (cc's "impl side").
type impl struct {
	dev     *gpu.Device
	surface Surface              // nil when headless
	ctx     *gpu.HeadlessContext // non-nil when headless
	size    image.Point          // the target's size in device px
	target  *gpu.Texture         // headless: what frames are drawn into

	frame    *Frame
	layers   map[int]*layerImpl
	tilePool []*gpu.Texture // tile textures not in use, for reuse (tiles.go)

	scroll      f32.Point // the root scroll offset in CSS px
	scrollDirty bool      // scroll changed since the last commit's Scroll

	dirty bool        // needs drawing
	fail  func(error) // records an error for Compositor.Err

	overlay   overlay   // a browser shell's drawing and content area (overlay.go)
	scrollbar scrollbar // the root scroller's scrollbar (scrollbar.go)

	rasterTimer, drawTimer *gpu.Timer
	rasterFrame, drawFrame uint64 // the frames the timers measure
	stats                  Stats
	tl                     *timeline.Ring
	quit                   bool
}

// NewHeadless starts a compositor that draws into an offscreen target of
// width×height device pixels, for screenshots and tests. It needs no X
// server: the context is EGL on Mesa's surfaceless platform.
func NewHeadless(width, height int) (*Compositor, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("compositor: headless size %dx%d is empty", width, height)
	}
	return start(func() (*impl, error) {
		ctx, err := gpu.NewHeadlessContext()
		if err != nil {
			return nil, err
		}
		im, err := newImpl(ctx.ProcAddress, image.Pt(width, height))
		if err != nil {
			ctx.Release()
			return nil, err
		}
		im.ctx = ctx
		// Make the target now, so a size the GPU cannot do fails here.
		if im.target, err = im.dev.NewTexture(width, height, false); err != nil {
			im.release()
			return nil, err
		}
		return im, nil
	})
}

// NewWindow starts a compositor that draws into s, whose framebuffer is
// width×height device pixels. The caller must not have s's context
// current on any thread: the compositor's thread takes it.
func NewWindow(s Surface, width, height int) (*Compositor, error) {
	return start(func() (*impl, error) {
		if err := s.MakeCurrent(); err != nil {
			return nil, err
		}
		im, err := newImpl(s.ProcAddress, image.Pt(max(width, 1), max(height, 1)))
		if err != nil {
			s.DetachCurrent()
			return nil, err
		}
		im.surface = s
		im.dirty = true
		return im, nil
	})
}

// start runs the compositor thread: a goroutine locked to its OS thread,
// because a GL context is current on one thread and stays there.
func start(setup func() (*impl, error)) (*Compositor, error) {
	c := &Compositor{
		tasks:    make(chan func(*impl), 64),
		done:     make(chan struct{}),
		timeline: timeline.NewRing(TimelineCapacity),
	}
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer close(c.done)
		im, err := setup()
		errc <- err
		if err != nil {
			return
		}
		im.fail = c.fail
		im.tl = c.timeline
		im.loop(c.tasks)
	}()
	if err := <-errc; err != nil {
		return nil, err
	}
	return c, nil
}

func newImpl(procAddress func(string) unsafe.Pointer, size image.Point) (*impl, error) {
	dev, err := gpu.NewDevice(procAddress)
	if err != nil {
		return nil, err
	}
	im := &impl{
		dev:         dev,
		size:        size,
		layers:      make(map[int]*layerImpl),
		rasterTimer: dev.NewTimer(),
		drawTimer:   dev.NewTimer(),
	}
	im.stats.Renderer = dev.Renderer()
	return im, nil
}

// ErrClosed is returned by calls on a closed compositor.
var ErrClosed = errors.New("compositor: closed")

// run runs f on the compositor thread and waits for it.
func (c *Compositor) run(f func(*impl)) error {
	ran := make(chan struct{})
	select {
	case c.tasks <- func(im *impl) { f(im); close(ran) }:
	case <-c.done:
		return ErrClosed
	}
	select {
	case <-ran:
		return nil
	case <-c.done:
		return ErrClosed
	}
}

// post queues f on the compositor thread without waiting for it.
func (c *Compositor) post(f func(*impl)) {
	select {
	case c.tasks <- f:
	case <-c.done:
	}
}

// Commit hands f to the compositor, which draws it at the next frame.
// f must not change afterwards. Commit does not wait for raster.
func (c *Compositor) Commit(f *Frame) {
	c.post(func(im *impl) { im.commit(f) })
}

// ScrollBy scrolls the root layer by (dx, dy) CSS px, clamped to the
// content, and redraws without asking the page: this is compositor
// scrolling, which stays smooth while the page is busy.
func (c *Compositor) ScrollBy(dx, dy float32) {
	c.post(func(im *impl) { im.scrollTo(im.scroll.Add(f32.Pt(dx, dy))) })
}

// ScrollOffset returns the root scroll offset in CSS px.
func (c *Compositor) ScrollOffset() (f32.Point, error) {
	var p f32.Point
	err := c.run(func(im *impl) { p = im.scroll })
	return p, err
}

// Resize tells the compositor the target's new size in device pixels.
func (c *Compositor) Resize(width, height int) {
	c.post(func(im *impl) { im.resize(image.Pt(width, height)) })
}

// Screenshot draws the committed frame and reads it back. A window
// compositor reads its back buffer before presenting it, so the picture is
// what the window shows.
func (c *Compositor) Screenshot() (*image.RGBA, error) {
	var img *image.RGBA
	var err error
	if rerr := c.run(func(im *impl) { img, err = im.screenshot() }); rerr != nil {
		return nil, rerr
	}
	return img, err
}

// Timeline returns the ring of frame timings: the compositor's raster,
// draw and swap, and the GPU's raster and draw where the driver has timer
// queries. The page's stages go in the same ring (package app adds them),
// so one trace shows every thread.
func (c *Compositor) Timeline() *timeline.Ring { return c.timeline }

// Stats returns the costs of the last frame.
func (c *Compositor) Stats() (Stats, error) {
	var s Stats
	err := c.run(func(im *impl) {
		s = im.stats
		for _, l := range im.layers {
			s.Tiles += len(l.tiles)
		}
		s.Textures = s.Tiles + len(im.tilePool)
		for _, t := range []*gpu.Texture{im.overlay.tex, im.scrollbar.solid, im.target} {
			if t != nil {
				s.Textures++
			}
		}
	})
	return s, err
}

// Err returns the first error the compositor met while drawing on its own
// (a window compositor draws without being asked), or nil. It does not
// wait for the compositor thread.
func (c *Compositor) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *Compositor) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}

// Close releases the GL objects and the context (or, for a window, gives
// the context back) and stops the thread. It is safe to call twice.
func (c *Compositor) Close() {
	c.once.Do(func() {
		c.post(func(im *impl) { im.quit = true })
		<-c.done
	})
}

// loop is the compositor thread's main loop: run tasks as they come, and
// when something changed, draw (and present, for a window). Presenting
// waits for vsync, which paces the loop while there is work.
func (im *impl) loop(tasks <-chan func(*impl)) {
	defer im.release()
	for !im.quit {
		if im.dirty && im.surface != nil {
			im.present()
		}
		f := <-tasks
		f(im)
		// Run whatever else queued up before drawing once for all of it:
		// ten wheel events in one vsync interval make one frame.
	drain:
		for !im.quit {
			select {
			case f := <-tasks:
				f(im)
			default:
				break drain
			}
		}
	}
}

func (im *impl) release() {
	im.releaseOverlay()
	im.scrollbar.solid.Release()
	for id, l := range im.layers {
		l.release(im)
		delete(im.layers, id)
	}
	for _, t := range im.tilePool {
		t.Release()
	}
	im.tilePool = nil
	im.target.Release()
	im.rasterTimer.Release()
	im.drawTimer.Release()
	im.dev.Release()
	if im.ctx != nil {
		im.ctx.Release()
	}
	if im.surface != nil {
		im.surface.DetachCurrent()
	}
}

func (im *impl) commit(f *Frame) {
	if f == nil {
		return
	}
	old := im.frame
	im.frame = f
	// The page's scroll offset wins when it changed it (script scrolled,
	// or a navigation reset it); otherwise the compositor's own scroll
	// stands, as cc keeps scroll deltas the main thread has not seen.
	if old == nil || f.Scroll != old.Scroll || !im.scrollDirty {
		im.scroll = f.Scroll
		im.scrollDirty = false
	}
	im.scrollTo(im.scroll)
	im.dirty = true
}

// scrollTo sets the root scroll offset, clamped to the content.
func (im *impl) scrollTo(p f32.Point) {
	maxX, maxY := im.maxScroll()
	p.X = min(max(p.X, 0), maxX)
	p.Y = min(max(p.Y, 0), maxY)
	if p != im.scroll {
		im.scroll = p
		im.scrollDirty = true
		im.dirty = true
	}
}

func (im *impl) maxScroll() (x, y float32) {
	dl := im.frame.root()
	if dl == nil {
		return 0, 0
	}
	s := im.frame.scale()
	vp := im.contentRect().Size()
	vw, vh := float32(vp.X)/s, float32(vp.Y)/s
	return max(dl.Width-vw, 0), max(dl.Height-vh, 0)
}

func (im *impl) resize(size image.Point) {
	size = image.Pt(max(size.X, 1), max(size.Y, 1))
	if size == im.size {
		return
	}
	im.size = size
	if im.target != nil {
		// Headless: the next screenshot makes a target of the new size.
		im.target.Release()
		im.target = nil
	}
	im.scrollTo(im.scroll)
	im.dirty = true
}

// present draws into the window and swaps.
func (im *impl) present() {
	if err := im.draw(gpu.WindowFramebuffer(im.size.X, im.size.Y)); err != nil {
		im.fail(err)
	}
	start := time.Now()
	im.surface.SwapBuffers()
	im.tl.Span(timeline.Compositor, timeline.Swap, uint64(im.stats.Frames), start)
}

func (im *impl) screenshot() (*image.RGBA, error) {
	var fb gpu.Framebuffer
	if im.surface != nil {
		fb = gpu.WindowFramebuffer(im.size.X, im.size.Y)
	} else {
		if im.target == nil {
			t, err := im.dev.NewTexture(im.size.X, im.size.Y, false)
			if err != nil {
				return nil, err
			}
			im.target = t
		}
		fb = im.target.Framebuffer()
	}
	if err := im.draw(fb); err != nil {
		return nil, err
	}
	img, err := im.dev.ReadPixels(fb, image.Rectangle{Max: im.size})
	im.collectTimers() // reading back waited for the GPU: its timings are in
	if im.surface != nil {
		im.surface.SwapBuffers()
	}
	return img, err
}

// draw rasters the layers that need it and composites them into fb.
func (im *impl) draw(fb gpu.Framebuffer) error {
	im.collectTimers()
	quads, err := im.updateLayers()
	if err != nil {
		return err
	}
	if quads, err = im.scrollbarQuads(quads); err != nil {
		return err
	}
	if quads, err = im.overlayQuads(quads); err != nil {
		return err
	}
	bg := color.NRGBA{255, 255, 255, 255}
	if dl := im.frame.root(); dl != nil && dl.Background.A == 255 {
		bg = dl.Background
	}
	start := time.Now()
	if im.drawTimer.Begin(fb) {
		im.drawFrame = uint64(im.stats.Frames + 1)
	}
	err = im.dev.Composite(fb, bg, quads)
	im.drawTimer.End()
	im.stats.Frames++
	im.stats.Draw = im.tl.Span(timeline.Compositor, timeline.Draw, uint64(im.stats.Frames), start).Sub(start)
	im.dirty = false
	return err
}

// collectTimers takes the GPU timings that have arrived. A GPU event is
// placed when its commands were issued, and numbered with the frame that
// issued them.
func (im *impl) collectTimers() {
	if d, ok := im.rasterTimer.Result(); ok {
		im.stats.GPURaster = d
		im.tl.Add(timeline.Event{Stage: timeline.Raster, Thread: timeline.GPU, Start: im.rasterTimer.Began(), Dur: d, Frame: im.rasterFrame})
	}
	if d, ok := im.drawTimer.Result(); ok {
		im.stats.GPUDraw = d
		im.tl.Add(timeline.Event{Stage: timeline.Draw, Thread: timeline.GPU, Start: im.drawTimer.Began(), Dur: d, Frame: im.drawFrame})
	}
}

// RenderOffscreen draws dl in a headless compositor of width×height device
// pixels (device scale 1) and returns the picture. It goes through the same
// raster and composite as a window, so the two agree pixel for pixel.
func RenderOffscreen(dl *paint.DisplayList, width, height int) (*image.RGBA, error) {
	c, err := NewHeadless(width, height)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.Commit(NewFrame(dl, image.Pt(width, height)))
	return c.Screenshot()
}

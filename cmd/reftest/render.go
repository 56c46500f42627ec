package main

import (
	"context"
	"errors"
	"fmt"
	"image"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"glassbox/compositor"
	"glassbox/engine/page"
	"glassbox/network"
)

// A renderer draws the document at a URL into a picture of the viewport.
// Its methods may be called from several goroutines at once.
type renderer interface {
	render(ctx context.Context, u *url.URL) (*image.RGBA, error)
	close()
}

// A rendererFactory makes the renderer a run uses, for a viewport of the
// given size and for jobs goroutines rendering at once.
type rendererFactory func(width, height, jobs int) (renderer, error)

// glRenderer renders through the browser's headless pipeline: load,
// style, layout and paint on the calling goroutine, then raster and
// composite on a compositor of its pool.
type glRenderer struct {
	width, height int
	loader        *network.Loader

	mu   sync.Mutex
	idle []*compositor.Compositor
}

// newGLRenderer starts a compositor for each job before any renders, one
// after the other: the GL bindings set process-wide function pointers
// when a compositor starts (gpu.NewDevice), which races with a compositor
// drawing on another thread. Only a compositor lost to a render that ran
// out of time or failed is replaced while others draw.
func newGLRenderer(width, height, jobs int) (renderer, error) {
	r := &glRenderer{width: width, height: height, loader: network.NewLoader(network.Options{})}
	for range max(jobs, 1) {
		c, err := compositor.NewHeadless(width, height)
		if err != nil {
			r.close()
			return nil, err
		}
		r.put(c)
	}
	return r, nil
}

// get takes an idle compositor, or starts one when a render has lost one.
// Starting a compositor costs several renders (30-70 ms against 8 ms on
// llvmpipe), so compositors are reused across documents: a new display
// list pointer makes a compositor raster again.
func (r *glRenderer) get() (*compositor.Compositor, error) {
	r.mu.Lock()
	if n := len(r.idle); n > 0 {
		c := r.idle[n-1]
		r.idle = r.idle[:n-1]
		r.mu.Unlock()
		return c, nil
	}
	r.mu.Unlock()
	return compositor.NewHeadless(r.width, r.height)
}

func (r *glRenderer) put(c *compositor.Compositor) {
	r.mu.Lock()
	r.idle = append(r.idle, c)
	r.mu.Unlock()
}

func (r *glRenderer) render(ctx context.Context, u *url.URL) (*image.RGBA, error) {
	p, err := page.Load(ctx, r.loader, u)
	if err != nil {
		return nil, err
	}
	dl := p.Frame(float32(r.width), float32(r.height))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c, err := r.get()
	if err != nil {
		return nil, err
	}
	c.Commit(compositor.NewFrame(dl, image.Pt(r.width, r.height)))
	img, err := c.Screenshot()
	if err != nil {
		// The compositor may be in a bad state: drop it.
		c.Close()
		return nil, err
	}
	r.put(c)
	return img, nil
}

// close closes the idle compositors. One still held by a render that was
// abandoned is left to the process's exit.
func (r *glRenderer) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.idle {
		c.Close()
	}
	r.idle = nil
}

// registerAhem registers the Ahem font, which most of the CSS tests use,
// in the font collection every page shares.
func registerAhem(path string) error {
	ttf, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return page.Fonts().Register("Ahem", ttf)
}

// ahemPath returns the Ahem font file to use: the -fonts flag (a file or a
// folder holding Ahem.ttf), or by default fonts/Ahem.ttf beside the root.
func ahemPath(root, flagValue string) string {
	if flagValue == "" {
		return filepath.Join(filepath.Dir(filepath.Clean(root)), "fonts", "Ahem.ttf")
	}
	if info, err := os.Stat(flagValue); err == nil && info.IsDir() {
		return filepath.Join(flagValue, "Ahem.ttf")
	}
	return flagValue
}

// errTimeout is the error of a render that ran out of time.
var errTimeout = errors.New("timed out")

// guard runs renders with a time limit and turns their panics into
// errors. Layout cannot be interrupted, so a render that runs out of time
// is abandoned: its goroutine runs on, and whatever it returns is dropped.
type guard struct {
	r         renderer
	timeout   time.Duration
	abandoned atomic.Int64 // renders left running after their time ran out
	panics    atomic.Int64
}

type rendering struct {
	img *image.RGBA
	err error
}

func (g *guard) render(u *url.URL) (*image.RGBA, error) {
	ctx, cancel := context.WithTimeout(context.Background(), g.timeout)
	defer cancel()
	done := make(chan rendering, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				g.panics.Add(1)
				done <- rendering{err: &panicError{value: v, stack: firstFrames(debug.Stack())}}
			}
		}()
		img, err := g.r.render(ctx, u)
		done <- rendering{img, err}
	}()
	select {
	case res := <-done:
		if res.err == nil && res.img == nil {
			res.err = errors.New("no picture")
		}
		if errors.Is(res.err, context.DeadlineExceeded) {
			res.err = fmt.Errorf("%w after %v", errTimeout, g.timeout)
		}
		return res.img, res.err
	case <-ctx.Done():
		g.abandoned.Add(1)
		return nil, fmt.Errorf("%w after %v", errTimeout, g.timeout)
	}
}

// A panicError is a panic met while rendering.
type panicError struct {
	value any
	stack string // where it happened
}

func (e *panicError) Error() string {
	if e.stack == "" {
		return fmt.Sprintf("panic: %v", e.value)
	}
	return fmt.Sprintf("panic: %v\n%s", e.value, e.stack)
}

// firstFrames keeps the part of a goroutine stack that says where a panic
// happened: the frames below the runtime's own.
func firstFrames(stack []byte) string {
	lines := strings.Split(strings.TrimSpace(string(stack)), "\n")
	// Skip the goroutine header and the frames of debug.Stack, of this
	// package's deferred function and of the runtime's panic.
	start := 1
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			start = i + 2
			break
		}
	}
	end := min(start+8, len(lines))
	if start >= end {
		return ""
	}
	return strings.Join(lines[start:end], "\n")
}

// A cache keeps the renderings that more than one test needs (shared
// references), for as long as a test still to be judged needs them. The
// counts are set up front from the tests' closures, and each test
// releases its closure when judged.
type cache struct {
	g *guard

	mu      sync.Mutex
	entries map[string]*entry
	uses    map[string]int // tests yet to release the key
}

type entry struct {
	done chan struct{} // closed when img and err are set
	img  *image.RGBA
	err  error
}

func newCache(g *guard, closures [][]string) *cache {
	c := &cache{g: g, entries: make(map[string]*entry), uses: make(map[string]int)}
	for _, keys := range closures {
		for _, k := range keys {
			c.uses[k]++
		}
	}
	return c
}

// get returns the rendering of d, rendering it once however many tests
// ask for it at the same time.
func (c *cache) get(d *doc) (*image.RGBA, error) {
	c.mu.Lock()
	e := c.entries[d.key]
	if e != nil {
		c.mu.Unlock()
		<-e.done
		return e.img, e.err
	}
	e = &entry{done: make(chan struct{})}
	c.entries[d.key] = e
	c.mu.Unlock()
	if d.u == nil {
		e.err = fmt.Errorf("bad URL %s", d.key)
	} else {
		e.img, e.err = c.g.render(d.u)
	}
	close(e.done)
	return e.img, e.err
}

// release says that a test needing keys has been judged.
func (c *cache) release(keys []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		c.uses[k]--
		if c.uses[k] <= 0 {
			delete(c.uses, k)
			delete(c.entries, k)
		}
	}
}

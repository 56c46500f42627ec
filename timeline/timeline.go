// Package timeline records how long each stage of each frame takes, on
// every thread that makes frames, in a ring buffer that an overlay can
// read while the browser runs, and writes what it holds as a trace in the
// Trace Event Format (the JSON that Perfetto and chrome://tracing open).
//
// The stages are those of the pipeline (docs/architecture.md): the page's
// main thread runs style, layout and paint and commits; the compositor
// thread rasters layers and draws them, then swaps; the GPU's share of
// raster and draw comes from timer queries, which report a frame or more
// late, so GPU events are placed at the time their commands were issued.
package timeline

import (
	"strconv"
	"sync"
	"time"
)

// Stage names what an event measured.
type Stage string

// The stages.
const (
	Style   Stage = "style"   // the cascade (page)
	Layout  Stage = "layout"  // box tree and fragment tree (page)
	Paint   Stage = "paint"   // the display list (page)
	Commit  Stage = "commit"  // handing the frame to the compositor (page)
	Task    Stage = "task"    // other work on the page's main thread
	Raster  Stage = "raster"  // a layer's display list into its texture (compositor, GPU)
	Draw    Stage = "draw"    // compositing the layers into the target (compositor, GPU)
	Swap    Stage = "swap"    // presenting, which waits for vsync (compositor)
	Overlay Stage = "overlay" // the shell's Gio drawing into its texture (compositor)
)

// Threads that events come from. A page's thread is named "page N" for
// tab N (see PageThread).
const (
	Compositor = "compositor"
	GPU        = "gpu"
)

// PageThread names the main thread of the page in tab n.
func PageThread(n int) string {
	return "page " + strconv.Itoa(n)
}

// Event is one stage of one frame on one thread.
type Event struct {
	Stage  Stage
	Thread string
	Start  time.Time
	Dur    time.Duration
	// Frame numbers the frame the event belongs to, per thread: the
	// page's commits and the compositor's draws are counted apart.
	Frame uint64
}

// End returns when the event ended.
func (e Event) End() time.Time { return e.Start.Add(e.Dur) }

// Ring holds the last events added, up to its capacity. It is safe for
// concurrent use; a nil *Ring records nothing.
type Ring struct {
	mu    sync.Mutex
	buf   []Event
	added uint64 // events added in all
}

// NewRing returns a ring that keeps the last capacity events.
func NewRing(capacity int) *Ring {
	return &Ring{buf: make([]Event, max(capacity, 1))}
}

// Add records e, dropping the oldest event when the ring is full.
func (r *Ring) Add(e Event) {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.buf[r.added%uint64(len(r.buf))] = e
	r.added++
	r.mu.Unlock()
}

// Span records an event that started at start and ends now, and returns
// now, so that consecutive stages can be timed back to back.
func (r *Ring) Span(thread string, stage Stage, frame uint64, start time.Time) time.Time {
	now := time.Now()
	r.Add(Event{Stage: stage, Thread: thread, Start: start, Dur: now.Sub(start), Frame: frame})
	return now
}

// Events returns the events held, in the order they were added.
func (r *Ring) Events() []Event {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	n := uint64(len(r.buf))
	if r.added <= n {
		return append([]Event(nil), r.buf[:r.added]...)
	}
	i := r.added % n
	out := make([]Event, 0, n)
	out = append(out, r.buf[i:]...)
	return append(out, r.buf[:i]...)
}

// Dropped returns how many events were overwritten by newer ones.
func (r *Ring) Dropped() uint64 {
	if r == nil {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.added - min(r.added, uint64(len(r.buf)))
}

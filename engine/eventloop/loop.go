// Package eventloop is the HTML event loop of one page: task queues by
// task source, timers with HTML's nesting clamp, a microtask checkpoint
// after every task, and rendering opportunities at the frame rate, where
// animation frame callbacks and then the rendering update run.
//
// The loop knows nothing of JavaScript or the DOM: tasks are Go functions,
// and the embedder supplies the microtask checkpoint (draining the JS job
// queue) and the rendering update (style, layout, paint, commit). It
// belongs to the page's goroutine and is not safe for concurrent use.
//
// Time is either real (the window) or virtual (tests, headless runs): a
// virtual clock runs at the real clock's pace while there is work, but a
// loop that has nothing ready jumps it to the next timer or frame instead
// of sleeping, so a page's timers run in order as fast as the machine
// allows.
package eventloop

import (
	"container/heap"
	"time"
)

// Source is an HTML task source. Tasks of one source run in the order
// they were queued; the loop takes the oldest task over all sources.
type Source uint8

// The task sources the page uses.
const (
	DOMManipulation Source = iota
	UserInteraction
	Networking
	TimerSource
	Posted // postMessage and host callbacks
	numSources
)

// FrameInterval is the time between rendering opportunities (60 Hz).
const FrameInterval = time.Second / 60

// Loop is an event loop. The zero value is not usable; call New.
type Loop struct {
	virtual bool
	start   time.Time
	skipped time.Duration // how far a virtual clock has jumped ahead

	queues [numSources][]task
	seq    uint64 // orders tasks over all queues

	timers  timerHeap
	byID    map[int]*timer
	nextID  int
	nesting int // timer nesting level of the running task

	// Checkpoint runs the microtask checkpoint; called after every task
	// and every callback of a rendering update.
	Checkpoint func()
	// Render is the rendering update at a rendering opportunity: it runs
	// the animation frame callbacks (with the frame's time) and then
	// style, layout and paint. It is called only when NeedsFrame says so.
	Render func(now time.Duration)
	// NeedsFrame reports whether a rendering opportunity has work:
	// animation frame callbacks or a changed document.
	NeedsFrame func() bool

	lastFrame time.Duration
	frames    int
}

type task struct {
	seq uint64
	run func()
}

// New returns a loop whose clock starts now. A virtual loop never sleeps.
func New(virtual bool) *Loop {
	return &Loop{virtual: virtual, start: time.Now(), byID: map[int]*timer{}, lastFrame: -FrameInterval}
}

// Now returns the time since the loop started (the page's time origin),
// as performance.now() reports it.
func (l *Loop) Now() time.Duration {
	return time.Since(l.start) + l.skipped
}

// Virtual reports whether the loop's clock is virtual.
func (l *Loop) Virtual() bool { return l.virtual }

// Frames returns how many rendering updates have run.
func (l *Loop) Frames() int { return l.frames }

// Post queues a task on a task source.
func (l *Loop) Post(src Source, f func()) {
	l.seq++
	l.queues[src] = append(l.queues[src], task{l.seq, f})
}

// Pending reports whether tasks or timers are waiting.
func (l *Loop) Pending() bool {
	for _, q := range l.queues {
		if len(q) > 0 {
			return true
		}
	}
	return len(l.timers) > 0
}

// RunTask runs f as a task now: f, then a microtask checkpoint. Hosts use
// it for work that must happen at once, such as a parser-inserted script.
func (l *Loop) RunTask(f func()) {
	f()
	l.checkpoint()
}

func (l *Loop) checkpoint() {
	if l.Checkpoint != nil {
		l.Checkpoint()
	}
}

// Step runs the next piece of work that is ready at the current time: the
// oldest queued task or due timer, followed, as HTML's event loop does
// after each task, by a rendering update when a rendering opportunity is
// due and needed. It reports whether it ran anything.
func (l *Loop) Step() bool {
	now := l.Now()
	src := l.oldest()
	ran := false
	if t := l.dueTimer(now); t != nil && (src < 0 || t.seq < l.queues[src][0].seq) {
		l.runTimer(t)
		ran = true
	} else if src >= 0 {
		l.runQueued(src)
		ran = true
	}
	if now = l.Now(); l.frameDue(now) {
		l.renderFrame(now)
		ran = true
	}
	return ran
}

// StepQueued runs the oldest queued task, if any, and reports whether it
// ran one; timers and frames wait.
func (l *Loop) StepQueued() bool {
	src := l.oldest()
	if src < 0 {
		return false
	}
	l.runQueued(src)
	return true
}

func (l *Loop) oldest() int {
	src := -1
	for s := range l.queues {
		if len(l.queues[s]) > 0 && (src < 0 || l.queues[s][0].seq < l.queues[src][0].seq) {
			src = s
		}
	}
	return src
}

func (l *Loop) runQueued(src int) {
	t := l.queues[src][0]
	l.queues[src][0] = task{}
	l.queues[src] = l.queues[src][1:]
	t.run()
	l.checkpoint()
}

func (l *Loop) frameDue(now time.Duration) bool {
	return now-l.lastFrame >= FrameInterval && l.NeedsFrame != nil && l.NeedsFrame()
}

func (l *Loop) renderFrame(now time.Duration) {
	// Frames are aligned to the interval, as vsync is.
	l.lastFrame = now - (now-l.lastFrame)%FrameInterval
	if now-l.lastFrame >= FrameInterval {
		l.lastFrame = now
	}
	l.frames++
	if l.Render != nil {
		l.Render(now)
	}
	l.checkpoint()
}

// NextWake returns when the loop next has work, relative to its time
// origin: the earliest timer, or the next frame when one is needed. ok is
// false when nothing is scheduled at all.
func (l *Loop) NextWake() (at time.Duration, ok bool) {
	for _, q := range l.queues {
		if len(q) > 0 {
			return l.Now(), true
		}
	}
	if len(l.timers) > 0 {
		at, ok = l.timers[0].due, true
	}
	if l.NeedsFrame != nil && l.NeedsFrame() {
		f := l.lastFrame + FrameInterval
		if !ok || f < at {
			at, ok = f, true
		}
	}
	return at, ok
}

// RunUntil runs the loop until the clock reaches end (relative to the
// time origin), or stop returns true, or nothing is left to do. A real
// loop sleeps while it waits; a virtual one jumps its clock.
func (l *Loop) RunUntil(end time.Duration, stop func() bool) {
	for stop == nil || !stop() {
		if l.Step() {
			continue
		}
		at, ok := l.NextWake()
		if !ok || at > end {
			if l.virtual {
				l.Advance(end)
			} else if ok {
				if d := end - l.Now(); d > 0 {
					time.Sleep(d)
				}
			}
			return
		}
		l.Advance(at)
	}
}

// Advance waits until the loop's clock reads at: a virtual clock jumps,
// a real one sleeps.
func (l *Loop) Advance(at time.Duration) {
	d := at - l.Now()
	if d <= 0 {
		return
	}
	if l.virtual {
		l.skipped += d
		return
	}
	time.Sleep(d)
}

// Timers.

type timer struct {
	id       int
	due      time.Duration
	seq      uint64
	interval time.Duration // repeat interval; 0 for a one-shot timer
	repeat   bool
	nesting  int
	run      func()
	index    int // in the heap; -1 when not scheduled
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].due != h[j].due {
		return h[i].due < h[j].due
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// SetTimer schedules f after delay, repeatedly when repeat is set
// (setInterval), and returns the timer's id, which is never 0. As HTML's
// timer initialization steps say, a timer nested more than 5 levels deep
// (set by a timer task that was itself set by one, ...) waits at least
// 4 ms.
func (l *Loop) SetTimer(delay time.Duration, repeat bool, f func()) int {
	if delay < 0 {
		delay = 0
	}
	l.nextID++
	t := &timer{id: l.nextID, nesting: l.nesting + 1, repeat: repeat, run: f}
	if t.nesting > 5 && delay < 4*time.Millisecond {
		delay = 4 * time.Millisecond
	}
	t.interval = delay
	l.schedule(t, delay)
	l.byID[t.id] = t
	return t.id
}

func (l *Loop) schedule(t *timer, delay time.Duration) {
	l.seq++
	t.seq = l.seq
	t.due = l.Now() + delay
	heap.Push(&l.timers, t)
}

// ClearTimer cancels a timer; unknown ids are ignored, as clearTimeout's
// are.
func (l *Loop) ClearTimer(id int) {
	t, ok := l.byID[id]
	if !ok {
		return
	}
	delete(l.byID, id)
	if t.index >= 0 {
		heap.Remove(&l.timers, t.index)
	}
}

func (l *Loop) dueTimer(now time.Duration) *timer {
	if len(l.timers) > 0 && l.timers[0].due <= now {
		return l.timers[0]
	}
	return nil
}

func (l *Loop) runTimer(t *timer) {
	heap.Pop(&l.timers)
	if !t.repeat {
		delete(l.byID, t.id)
	}
	prev := l.nesting
	l.nesting = t.nesting
	t.run()
	l.nesting = prev
	if t.repeat {
		if _, live := l.byID[t.id]; live {
			// An interval counts as nested once more each time it
			// repeats, so a 0 ms interval is clamped after 5 runs.
			t.nesting++
			d := t.interval
			if t.nesting > 5 && d < 4*time.Millisecond {
				d = 4 * time.Millisecond
			}
			l.schedule(t, d)
		}
	}
	l.checkpoint()
}

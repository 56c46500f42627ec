package gpu

import (
	"time"

	"github.com/go-gl/gl/v3.1/gles2"
)

// Timer measures how long the GPU spends on the commands issued between
// Begin and End, with GL_EXT_disjoint_timer_query. The CPU only queues GL
// commands, so CPU timings say little about GPU cost; a timer query does.
//
// Results arrive a frame or more later: read them with Result, which never
// waits. Only one timer can run at a time on a context.
//
// The contexts here are OpenGL ES, where timer queries come only with
// GL_EXT_disjoint_timer_query (ARB_timer_query is desktop GL's). Without
// it NewTimer returns nil, and the compositor reports CPU times alone.
type Timer struct {
	q       uint32
	running bool
	pending bool
	began   time.Time // when the commands measured were issued
}

// maxElapsed bounds believable results.
const maxElapsed = 10 * time.Second

// NewTimer returns a timer, or nil when the context has no timer queries.
// A nil *Timer is valid and measures nothing.
func (d *Device) NewTimer() *Timer {
	if !d.timers {
		return nil
	}
	t := new(Timer)
	gles2.GenQueriesEXT(1, &t.q)
	live.queries.Add(1)
	return t
}

// Begin starts timing the commands that draw into fb, and reports
// whether it did: it skips while the previous result is still on its way.
// It binds fb first: Mesa starts a timer query only with a complete
// framebuffer bound, and a surfaceless context has none by default.
func (t *Timer) Begin(fb Framebuffer) bool {
	if t == nil || t.running || t.pending {
		return false
	}
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, fb.FBO)
	gles2.BeginQueryEXT(gles2.TIME_ELAPSED_EXT, t.q)
	t.running = true
	t.began = time.Now()
	return true
}

// Began returns when the CPU issued Begin for the measurement that Result
// returns (or will return): the GPU ran those commands some time after.
func (t *Timer) Began() time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.began
}

// End stops timing.
func (t *Timer) End() {
	if t == nil || !t.running {
		return
	}
	gles2.EndQueryEXT(gles2.TIME_ELAPSED_EXT)
	t.running, t.pending = false, true
}

// Result returns the last measured duration once the GPU has it. ok is
// false while the result is not ready, and when the GPU reported a
// disjoint event (a clock change that makes the measurement meaningless).
func (t *Timer) Result() (d time.Duration, ok bool) {
	if t == nil || !t.pending {
		return 0, false
	}
	var avail uint32
	gles2.GetQueryObjectuivEXT(t.q, gles2.QUERY_RESULT_AVAILABLE_EXT, &avail)
	if avail == 0 {
		return 0, false
	}
	t.pending = false
	var ns uint64
	gles2.GetQueryObjectui64vEXT(t.q, gles2.QUERY_RESULT_EXT, &ns)
	var disjoint int32
	gles2.GetIntegerv(gles2.GPU_DISJOINT_EXT, &disjoint)
	// llvmpipe (Mesa 22) reports the first query of a context as if it
	// began at boot; no frame takes ten seconds of GPU time, so such a
	// result is thrown away rather than reported.
	if disjoint != 0 || ns > uint64(maxElapsed) {
		return 0, false
	}
	return time.Duration(ns), true
}

// Release deletes the query object.
func (t *Timer) Release() {
	if t == nil || t.q == 0 {
		return
	}
	gles2.DeleteQueriesEXT(1, &t.q)
	t.q = 0
	live.queries.Add(-1)
}

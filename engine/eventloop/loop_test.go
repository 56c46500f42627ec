package eventloop

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// record returns a loop on a virtual clock and a log its callbacks write
// to; the checkpoint logs "cp" so that microtask checkpoints show.
func record(t *testing.T) (*Loop, *[]string) {
	t.Helper()
	var log []string
	l := New(true)
	l.Checkpoint = func() { log = append(log, "cp") }
	return l, &log
}

func TestOrdering(t *testing.T) {
	tests := []struct {
		name  string
		setup func(l *Loop, log *[]string)
		want  string
	}{
		{"tasks run in order over sources, each followed by a checkpoint", func(l *Loop, log *[]string) {
			l.Post(Networking, func() { *log = append(*log, "a") })
			l.Post(DOMManipulation, func() { *log = append(*log, "b") })
			l.Post(Networking, func() { *log = append(*log, "c") })
		}, "a cp b cp c cp"},
		{"timers by due time, then by order set", func(l *Loop, log *[]string) {
			l.SetTimer(20*time.Millisecond, false, func() { *log = append(*log, "t20") })
			l.SetTimer(0, false, func() { *log = append(*log, "t0a") })
			l.SetTimer(10*time.Millisecond, false, func() { *log = append(*log, "t10") })
			l.SetTimer(0, false, func() { *log = append(*log, "t0b") })
		}, "t0a cp t0b cp t10 cp t20 cp"},
		{"a cleared timer does not run", func(l *Loop, log *[]string) {
			id := l.SetTimer(0, false, func() { *log = append(*log, "no") })
			l.SetTimer(1, false, func() { *log = append(*log, "yes") })
			l.ClearTimer(id)
			l.ClearTimer(12345)
		}, "yes cp"},
		{"an interval repeats until cleared", func(l *Loop, log *[]string) {
			n := 0
			var id int
			id = l.SetTimer(5*time.Millisecond, true, func() {
				n++
				*log = append(*log, fmt.Sprint("i", n))
				if n == 3 {
					l.ClearTimer(id)
				}
			})
		}, "i1 cp i2 cp i3 cp"},
		{"a frame runs only when needed, after the task", func(l *Loop, log *[]string) {
			need := true
			l.NeedsFrame = func() bool { return need }
			l.Render = func(time.Duration) { *log = append(*log, "frame"); need = false }
			l.Post(Posted, func() { *log = append(*log, "task") })
		}, "task cp frame cp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, log := record(t)
			tt.setup(l, log)
			l.RunUntil(time.Second, nil)
			if got := strings.Join(*log, " "); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// HTML clamps timers nested more than 5 deep to at least 4 ms.
func TestNestingClamp(t *testing.T) {
	l := New(true)
	var at []time.Duration
	var step func()
	step = func() {
		at = append(at, l.Now())
		if len(at) < 10 {
			l.SetTimer(0, false, step)
		}
	}
	l.SetTimer(0, false, step)
	l.RunUntil(time.Second, nil)
	if len(at) != 10 {
		t.Fatalf("%d runs, want 10", len(at))
	}
	for i := 1; i < len(at); i++ {
		gap := at[i] - at[i-1]
		// Timers 1-5 are at nesting levels 1-5: no clamp; from the
		// sixth on, at least 4 ms apart.
		if i >= 5 && gap < 4*time.Millisecond {
			t.Errorf("timer %d ran %v after the previous one, want >= 4ms", i+1, gap)
		}
		if i < 4 && gap >= 4*time.Millisecond {
			t.Errorf("timer %d ran %v after the previous one, want no clamp", i+1, gap)
		}
	}
}

// Frames come at most every FrameInterval, and a virtual clock does not
// sleep to get there.
func TestFrameRate(t *testing.T) {
	l := New(true)
	var frames []time.Duration
	l.NeedsFrame = func() bool { return true }
	l.Render = func(now time.Duration) { frames = append(frames, now) }
	start := time.Now()
	l.RunUntil(time.Second, nil)
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("a virtual second took %v", d)
	}
	if n := len(frames); n < 55 || n > 61 {
		t.Errorf("%d frames in a second, want about 60", n)
	}
	for i := 1; i < len(frames); i++ {
		if d := frames[i] - frames[i-1]; d < FrameInterval-time.Millisecond {
			t.Errorf("frames %v apart", d)
		}
	}
}

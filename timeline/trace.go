package timeline

import (
	"bufio"
	"encoding/json"
	"io"
	"slices"
	"time"
)

// The Trace Event Format is described in "Trace Event Format" (Google,
// https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU):
// a JSON object whose traceEvents are complete events ("ph": "X") with a
// start (ts) and a duration (dur) in microseconds, on a process (pid) and
// thread (tid), and metadata events ("ph": "M") that name them.

type traceFile struct {
	TraceEvents     []traceEvent `json:"traceEvents"`
	DisplayTimeUnit string       `json:"displayTimeUnit"`
}

type traceEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat,omitempty"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`
	Dur  *float64       `json:"dur,omitempty"`
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Args map[string]any `json:"args,omitempty"`
}

// WriteTrace writes events as a Trace Event Format JSON object. Times are
// in microseconds from the earliest event; each thread gets a tid of its
// own, named by a metadata event, in order of first appearance.
func WriteTrace(w io.Writer, events []Event) error {
	events = slices.Clone(events)
	slices.SortStableFunc(events, func(a, b Event) int { return a.Start.Compare(b.Start) })
	var t0 time.Time
	if len(events) > 0 {
		t0 = events[0].Start
	}
	f := traceFile{DisplayTimeUnit: "ms", TraceEvents: []traceEvent{
		{Name: "process_name", Ph: "M", Pid: 1, Args: map[string]any{"name": "Glassbox"}},
	}}
	tids := map[string]int{}
	for _, e := range events {
		tid, ok := tids[e.Thread]
		if !ok {
			tid = len(tids) + 1
			tids[e.Thread] = tid
			f.TraceEvents = append(f.TraceEvents,
				traceEvent{Name: "thread_name", Ph: "M", Pid: 1, Tid: tid, Args: map[string]any{"name": e.Thread}},
				traceEvent{Name: "thread_sort_index", Ph: "M", Pid: 1, Tid: tid, Args: map[string]any{"sort_index": tid}})
		}
		dur := micros(e.Dur)
		f.TraceEvents = append(f.TraceEvents, traceEvent{
			Name: string(e.Stage),
			Cat:  category(e.Thread),
			Ph:   "X",
			Ts:   micros(e.Start.Sub(t0)),
			Dur:  &dur,
			Pid:  1,
			Tid:  tid,
			Args: map[string]any{"frame": e.Frame},
		})
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(f); err != nil {
		return err
	}
	return bw.Flush()
}

func micros(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }

func category(thread string) string {
	switch thread {
	case Compositor, GPU:
		return thread
	}
	return "page"
}

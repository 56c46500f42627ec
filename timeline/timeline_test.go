package timeline

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestRing(t *testing.T) {
	t0 := time.Unix(1000, 0)
	tests := []struct {
		capacity, add int
		want          []uint64 // frames of the events held, oldest first
		dropped       uint64
	}{
		{4, 0, nil, 0},
		{4, 3, []uint64{0, 1, 2}, 0},
		{4, 4, []uint64{0, 1, 2, 3}, 0},
		{4, 6, []uint64{2, 3, 4, 5}, 2},
		{4, 9, []uint64{5, 6, 7, 8}, 5},
		{1, 3, []uint64{2}, 2},
	}
	for _, tt := range tests {
		r := NewRing(tt.capacity)
		for i := range tt.add {
			r.Add(Event{Stage: Draw, Thread: Compositor, Start: t0.Add(time.Duration(i) * time.Millisecond), Frame: uint64(i)})
		}
		var got []uint64
		for _, e := range r.Events() {
			got = append(got, e.Frame)
		}
		if !equal(got, tt.want) || r.Dropped() != tt.dropped {
			t.Errorf("capacity %d, %d added: frames %v dropped %d, want %v dropped %d",
				tt.capacity, tt.add, got, r.Dropped(), tt.want, tt.dropped)
		}
	}
	var nilRing *Ring
	nilRing.Add(Event{}) // must not panic
	if nilRing.Events() != nil || nilRing.Dropped() != 0 {
		t.Error("a nil ring holds events")
	}
}

func equal(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWriteTrace(t *testing.T) {
	t0 := time.Unix(1000, 0)
	events := []Event{
		{Stage: Draw, Thread: Compositor, Start: t0.Add(5 * time.Millisecond), Dur: 1500 * time.Microsecond, Frame: 1},
		{Stage: Style, Thread: PageThread(1), Start: t0, Dur: 2 * time.Millisecond, Frame: 1},
		{Stage: Layout, Thread: PageThread(1), Start: t0.Add(2 * time.Millisecond), Dur: time.Millisecond, Frame: 1},
		{Stage: Draw, Thread: GPU, Start: t0.Add(5 * time.Millisecond), Dur: 250 * time.Microsecond, Frame: 1},
	}
	var buf bytes.Buffer
	if err := WriteTrace(&buf, events); err != nil {
		t.Fatal(err)
	}
	var got struct {
		TraceEvents []struct {
			Name string         `json:"name"`
			Cat  string         `json:"cat"`
			Ph   string         `json:"ph"`
			Ts   float64        `json:"ts"`
			Dur  float64        `json:"dur"`
			Pid  int            `json:"pid"`
			Tid  int            `json:"tid"`
			Args map[string]any `json:"args"`
		} `json:"traceEvents"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, buf.Bytes())
	}
	names := map[int]string{}
	type span struct {
		thread, name string
		ts, dur      float64
	}
	var spans []span
	for _, e := range got.TraceEvents {
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				names[e.Tid] = e.Args["name"].(string)
			}
		case "X":
			spans = append(spans, span{names[e.Tid], e.Name, e.Ts, e.Dur})
		default:
			t.Errorf("event phase %q", e.Ph)
		}
	}
	want := []span{
		{"page 1", "style", 0, 2000},
		{"page 1", "layout", 2000, 1000},
		{"compositor", "draw", 5000, 1500},
		{"gpu", "draw", 5000, 250},
	}
	if len(spans) != len(want) {
		t.Fatalf("spans %+v, want %+v", spans, want)
	}
	for i := range want {
		if spans[i] != want[i] {
			t.Errorf("span %d = %+v, want %+v", i, spans[i], want[i])
		}
	}
}

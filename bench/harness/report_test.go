package harness

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func testReport() *Report {
	rep := &Report{
		Suite:          "v8",
		Unit:           "score",
		HigherIsBetter: true,
		TotalName:      "Score (geometric mean)",
		Engines: []EngineInfo{
			{Name: "glassbox", Title: "glassbox"},
			{Name: "goja", Title: "goja"},
			{Name: "node", Title: "node --jitless"},
		},
		Rows: []Row{
			{Name: "Richards", Results: map[string]*Result{
				"glassbox": {Value: 200},
				"goja":     {Value: 400},
				"node":     {Value: 2000},
			}},
			{Name: "Crypto", Results: map[string]*Result{
				"glassbox": {Err: "Error: Wrong result, the decrypted text differs from the plain text"},
				"goja":     {Value: 50.5},
				"node":     {Value: 1000},
			}},
		},
	}
	rep.Summarize(GeometricMean)
	return rep
}

func TestSummarize(t *testing.T) {
	rep := testReport()
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Abs(b) }
	if got := rep.Totals["glassbox"]; !near(got.Value, 200) || got.Count != 1 {
		t.Errorf("glassbox total = %+v", got)
	}
	if got := rep.Totals["node"]; !near(got.Value, math.Sqrt(2000*1000)) || got.Count != 2 {
		t.Errorf("node total = %+v", got)
	}
	if len(rep.Ratios) != 2 {
		t.Fatalf("got %d ratios, want 2", len(rep.Ratios))
	}
	r := rep.Ratios[0]
	if r.Of != "glassbox" || r.To != "goja" || r.Rows[0] != 0.5 || !math.IsNaN(float64(r.Rows[1])) || !near(float64(r.Total), 0.5) || r.Count != 1 {
		t.Errorf("glassbox/goja = %+v", r)
	}
}

func TestWriteTable(t *testing.T) {
	var buf bytes.Buffer
	if err := testReport().WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	lines := strings.Split(got, "\n")
	wantLines := []string{
		"benchmark              |                                 glassbox | goja | node --jitless | glassbox/goja | glassbox/node",
		"-----------------------|------------------------------------------|------|----------------|---------------|--------------",
		"Richards               |                                      200 |  400 |           2000 |           0.5 |           0.1",
		"Crypto                 | error: Error: Wrong result, the decrypt… | 50.5 |           1000 |             - |             -",
		"-----------------------|------------------------------------------|------|----------------|---------------|--------------",
		"Score (geometric mean) |                                     200* |  142 |           1414 |          0.5* |          0.1*",
		"",
		"Figures: score (higher is better); ratios divide the first engine's figure by the other's.",
		"* counts only the benchmarks without errors (for a ratio, those both engines ran).",
		"",
		"Errors:",
		"  Crypto on glassbox: Error: Wrong result, the decrypted text differs from the plain text",
		"",
	}
	if len(lines) != len(wantLines) {
		t.Errorf("got %d lines, want %d:\n%s", len(lines), len(wantLines), got)
	}
	for i := range min(len(lines), len(wantLines)) {
		if lines[i] != wantLines[i] {
			t.Errorf("line %d:\n got %q\nwant %q\ntable:\n%s", i, lines[i], wantLines[i], got)
			break
		}
	}
}

func TestWriteTableSunSpider(t *testing.T) {
	rep := &Report{
		Suite:     "sunspider",
		Unit:      "ms",
		TotalName: "Total (ms)",
		Runs:      10,
		Engines:   []EngineInfo{{Name: "goja", Title: "goja"}, {Name: "node", Title: "node --jitless"}},
		Rows: []Row{
			{Name: "3d-cube", Results: map[string]*Result{"goja": {Value: 40.04}, "node": {Value: 16}}},
			{Name: "crypto-md5", Results: map[string]*Result{"goja": {Value: 10}, "node": {Value: 4}}},
		},
	}
	rep.Summarize((&SunSpider{}).Total)
	var buf bytes.Buffer
	if err := rep.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	want := `benchmark  | goja | node --jitless | goja/node
-----------|------|----------------|----------
3d-cube    | 40.0 |           16.0 |       2.5
crypto-md5 | 10.0 |            4.0 |       2.5
-----------|------|----------------|----------
Total (ms) | 50.0 |           20.0 |       2.5

Figures: ms (lower is better), mean of 10 runs; ratios divide the first engine's figure by the other's.
`
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := testReport().WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if !math.IsNaN(float64(back.Ratios[0].Rows[1])) || back.Ratios[0].Rows[0] != 0.5 {
		t.Errorf("ratios did not survive: %+v", back.Ratios[0])
	}
	if back.Rows[1].Results["glassbox"].Err == "" {
		t.Errorf("error did not survive")
	}
}

func TestWriteMemory(t *testing.T) {
	rep := &Report{
		Engines: []EngineInfo{{Name: "goja", Title: "goja"}, {Name: "node", Title: "node --jitless"}},
		Rows: []Row{{Name: "Splay", Results: map[string]*Result{
			"goja": {PeakHeap: 3 << 20},
			"node": {PeakRSS: 50 << 20},
		}}},
	}
	var buf bytes.Buffer
	if err := rep.WriteMemory(&buf); err != nil {
		t.Fatal(err)
	}
	want := `peak memory (MiB) |    goja | node --jitless
------------------|---------|---------------
Splay             |     3.0 |           50.0
------------------|---------|---------------
(measure)         | Go heap |            RSS
`
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

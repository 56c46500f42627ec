package harness

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A Benchmark is one test of a suite.
type Benchmark struct {
	Name string // as the suite prints it, e.g. "Richards" or "3d-cube"
	File string // the file that defines it, relative to the suite directory
}

// A Result is one engine's figure for one benchmark.
type Result struct {
	// Value is the figure the suite reports: a score for the V8 suite,
	// a mean time in milliseconds for SunSpider. It is meaningless when
	// Err is set.
	Value float64 `json:"value"`
	// Err describes why there is no figure: a JavaScript exception,
	// a wrong result that the benchmark detected, or a timeout.
	Err string `json:"error,omitempty"`
	// Runs holds the time of each run in milliseconds, for suites that
	// run a benchmark several times.
	Runs []float64 `json:"runs_ms,omitempty"`
	// Elapsed is the wall time spent on the benchmark, start-up included.
	Elapsed time.Duration `json:"elapsed_ns"`
	// PeakHeap and PeakRSS are as in Output, the largest over all runs.
	PeakHeap uint64 `json:"peak_heap_bytes,omitempty"`
	PeakRSS  uint64 `json:"peak_rss_bytes,omitempty"`
}

// OK reports whether r holds a figure.
func (r *Result) OK() bool { return r != nil && r.Err == "" }

// A Suite is a set of benchmarks and the way to run and score them.
type Suite interface {
	// Name is the suite's name as given to -suite.
	Name() string
	// Dir is the directory the suite's files are in.
	Dir() string
	// Benchmarks lists the suite's benchmarks in the suite's order.
	Benchmarks() []Benchmark
	// Run runs one benchmark on one engine.
	Run(ctx context.Context, e Engine, b Benchmark) *Result
	// Unit describes the figures, e.g. "score" or "ms".
	Unit() string
	// HigherIsBetter reports whether a larger figure is a better one.
	HigherIsBetter() bool
	// TotalName labels the total, e.g. "Score (geometric mean)".
	TotalName() string
	// Total combines figures of several benchmarks as the suite does.
	Total(values []float64) float64
}

// NewSuite returns the suite called name ("v8" or "sunspider") found under
// shared, the directory that holds the suites.
func NewSuite(name, shared string) (Suite, error) {
	switch name {
	case "v8":
		return NewV8(filepath.Join(shared, "v8-v7"))
	case "sunspider":
		return NewSunSpider(filepath.Join(shared, "sunspider-1.0.1"), 10)
	}
	return nil, fmt.Errorf("unknown suite %q (have v8, sunspider)", name)
}

// V8 is the V8 benchmark suite, version 7. Each benchmark runs in a fresh
// realm: the suite's own run.js runs with load limited to base.js and the
// benchmark's file, so run.js prints that benchmark's score, or its error
// when the benchmark detects a wrong result or throws.
type V8 struct {
	dir        string
	runJS      string
	benchmarks []Benchmark
}

var (
	loadCall   = regexp.MustCompile(`\bload\(\s*['"]([^'"]+)['"]\s*\)`)
	suiteDecl  = regexp.MustCompile(`new\s+BenchmarkSuite\(\s*['"]([^'"]+)['"]`)
	v8BaseFile = "base.js"
)

// NewV8 reads the V8 suite in dir, taking the benchmarks from the load
// calls in run.js.
func NewV8(dir string) (*V8, error) {
	src, err := os.ReadFile(filepath.Join(dir, "run.js"))
	if err != nil {
		return nil, err
	}
	s := &V8{dir: dir, runJS: string(src)}
	for _, m := range loadCall.FindAllStringSubmatch(s.runJS, -1) {
		file := m[1]
		if file == v8BaseFile {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(file, ".js")
		if m := suiteDecl.FindSubmatch(b); m != nil {
			name = string(m[1])
		}
		s.benchmarks = append(s.benchmarks, Benchmark{Name: name, File: file})
	}
	if len(s.benchmarks) == 0 {
		return nil, fmt.Errorf("%s: no benchmarks loaded by run.js", dir)
	}
	return s, nil
}

func (s *V8) Name() string              { return "v8" }
func (s *V8) Dir() string               { return s.dir }
func (s *V8) Benchmarks() []Benchmark   { return s.benchmarks }
func (s *V8) Unit() string              { return "score" }
func (s *V8) HigherIsBetter() bool      { return true }
func (s *V8) TotalName() string         { return "Score (geometric mean)" }
func (s *V8) Total(v []float64) float64 { return GeometricMean(v) }

func (s *V8) Run(ctx context.Context, e Engine, b Benchmark) *Result {
	script := Script{
		Dir:      s.dir,
		Name:     "run.js",
		Source:   s.runJS,
		Loadable: []string{v8BaseFile, b.File},
	}
	out, err := e.Run(ctx, script)
	r := &Result{Elapsed: out.Elapsed, PeakHeap: out.PeakHeap, PeakRSS: out.PeakRSS}
	res := ParseV8(out.Lines)
	line, found := res.Results[b.Name]
	switch {
	case found && line.Err != "":
		r.Err = line.Err
	case err != nil:
		r.Err = err.Error()
	case !found:
		r.Err = "no result printed"
	default:
		r.Value = line.Score
	}
	return r
}

// V8Line is one benchmark's line of the V8 suite's output.
type V8Line struct {
	Score float64 // the score, if the line holds one
	Err   string  // the error printed instead of a score
}

// V8Output is the parsed output of the V8 suite's run.js.
type V8Output struct {
	Results map[string]V8Line // by benchmark name, e.g. "Richards"
	Order   []string          // benchmark names in the order printed
	Score   float64           // from "Score (version N): S"; 0 if absent
	Version string            // N from that line
}

var v8ScoreLine = regexp.MustCompile(`^Score \(version ([^)]*)\): (\S+)$`)

// ParseV8 parses lines printed by run.js. run.js prints "Name: score"
// for each benchmark, "Name: error" (through the same function) for one
// that failed, and, when none failed, "----" and "Score (version 7): S".
func ParseV8(lines []string) V8Output {
	o := V8Output{Results: make(map[string]V8Line)}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if m := v8ScoreLine.FindStringSubmatch(line); m != nil {
			o.Version = m[1]
			o.Score, _ = parseNumber(m[2])
			continue
		}
		name, val, ok := strings.Cut(line, ": ")
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			continue
		}
		var l V8Line
		if f, ok := parseNumber(val); ok {
			l.Score = f
		} else {
			l.Err = strings.TrimSpace(val)
		}
		if _, dup := o.Results[name]; !dup {
			o.Order = append(o.Order, name)
		}
		o.Results[name] = l
	}
	return o
}

// parseNumber parses a finite decimal number, as FormatScore prints them.
func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// GeometricMean returns the geometric mean of v, or 0 for none.
func GeometricMean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	var sum float64
	for _, x := range v {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(v)))
}

// SunSpider is the SunSpider 1.0.1 suite. Each test runs Runs times, each
// time in a fresh realm; a run's time is that of loading the test file,
// parse included, measured in the engine by its high-resolution clock.
// Tests that check their results throw when a result is wrong.
type SunSpider struct {
	dir        string
	Runs       int
	benchmarks []Benchmark
}

// NewSunSpider reads the SunSpider suite in dir, taking the tests from LIST.
func NewSunSpider(dir string, runs int) (*SunSpider, error) {
	list, err := os.ReadFile(filepath.Join(dir, "LIST"))
	if err != nil {
		return nil, err
	}
	s := &SunSpider{dir: dir, Runs: runs}
	for _, name := range strings.Fields(string(list)) {
		s.benchmarks = append(s.benchmarks, Benchmark{Name: name, File: name + ".js"})
	}
	if len(s.benchmarks) == 0 {
		return nil, fmt.Errorf("%s: LIST names no tests", dir)
	}
	return s, nil
}

func (s *SunSpider) Name() string            { return "sunspider" }
func (s *SunSpider) Dir() string             { return s.dir }
func (s *SunSpider) Benchmarks() []Benchmark { return s.benchmarks }
func (s *SunSpider) Unit() string            { return "ms" }
func (s *SunSpider) HigherIsBetter() bool    { return false }
func (s *SunSpider) TotalName() string       { return "Total (ms)" }

func (s *SunSpider) Total(v []float64) float64 {
	var sum float64
	for _, x := range v {
		sum += x
	}
	return sum
}

// sunSpiderDriver returns the script that times one run of a test.
func sunSpiderDriver(b Benchmark) string {
	return fmt.Sprintf(`var __jsbench_start = __jsbench_now();
load(%[1]q);
var __jsbench_end = __jsbench_now();
print(%[2]q + ": " + (__jsbench_end - __jsbench_start) + " ms");
`, b.File, b.Name)
}

func (s *SunSpider) Run(ctx context.Context, e Engine, b Benchmark) *Result {
	r := &Result{}
	script := Script{Dir: s.dir, Name: "sunspider-driver.js", Source: sunSpiderDriver(b)}
	for range max(s.Runs, 1) {
		out, err := e.Run(ctx, script)
		r.Elapsed += out.Elapsed
		r.PeakHeap = max(r.PeakHeap, out.PeakHeap)
		r.PeakRSS = max(r.PeakRSS, out.PeakRSS)
		if err == nil {
			var ms float64
			ms, err = ParseSunSpider(out.Lines, b.Name)
			r.Runs = append(r.Runs, ms)
		}
		if err != nil {
			r.Err = err.Error()
			return r
		}
	}
	r.Value = Mean(r.Runs)
	return r
}

// ParseSunSpider finds the time of test name in lines printed by the
// SunSpider driver, a line of the form "name: 12.5 ms".
func ParseSunSpider(lines []string, name string) (float64, error) {
	for _, line := range lines {
		n, val, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok || n != name {
			continue
		}
		num, ok := strings.CutSuffix(strings.TrimSpace(val), " ms")
		if !ok {
			return 0, fmt.Errorf("bad timing line %q", line)
		}
		ms, ok := parseNumber(num)
		if !ok || ms < 0 {
			return 0, fmt.Errorf("bad timing line %q", line)
		}
		return ms, nil
	}
	return 0, errors.New("no timing printed")
}

// Mean returns the arithmetic mean of v, or 0 for none.
func Mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	var sum float64
	for _, x := range v {
		sum += x
	}
	return sum / float64(len(v))
}

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A mode is one way of running a test file: INTERPRETING.md runs most tests
// twice, in non-strict and strict mode.
type mode string

const (
	modeSloppy mode = "sloppy" // non-strict, harness prepended
	modeStrict mode = "strict" // "use strict"; then as sloppy
	modeRaw    mode = "raw"    // the file alone, unmodified
	modeModule mode = "module" // module code
)

// modesFor returns the modes a test must pass in.
func modesFor(m *metadata) []mode {
	switch {
	case m.hasFlag("module"):
		return []mode{modeModule}
	case m.hasFlag("raw"):
		return []mode{modeRaw}
	case m.hasFlag("onlyStrict"):
		return []mode{modeStrict}
	case m.hasFlag("noStrict"):
		return []mode{modeSloppy}
	}
	return []mode{modeSloppy, modeStrict}
}

// A testFile is a test to run: its path relative to the suite root, in
// slash form, and the directory its counts are reported under.
type testFile struct {
	Path  string
	Group string
}

// A result is the outcome of one test file.
type result struct {
	Path     string       `json:"path"`
	Pass     bool         `json:"pass"`
	Reason   string       `json:"reason,omitempty"`
	Modes    []modeResult `json:"modes"`
	Duration float64      `json:"duration_ms"`

	group  string
	leaked bool // an engine goroutine did not stop after Interrupt
}

// A modeResult is the outcome of one test file in one mode.
type modeResult struct {
	Mode     mode    `json:"mode"`
	Pass     bool    `json:"pass"`
	Reason   string  `json:"reason,omitempty"`
	Panic    string  `json:"panic,omitempty"` // the engine's panic and stack
	Duration float64 `json:"duration_ms"`
}

// A runner runs test files from a test262 checkout.
type runner struct {
	root      string        // the test262 checkout, holding harness/ and test/
	newEngine engineFactory // makes the realm for each run
	jobs      int           // files run at once
	timeout   time.Duration // for one mode of one file
	// grace is how long an engine has to stop after Interrupt before the
	// runner gives up on it and leaks its goroutine.
	grace        time.Duration
	skipFeatures map[string]bool
	canBlock     bool // the [[CanBlock]] of the agent running tests

	mu      sync.Mutex
	harness map[string]string // harness file contents by name

	leaked   atomic.Int64 // engine goroutines abandoned after timeouts
	timedOut atomic.Int64 // test modes that ran out of time
}

// readFile reads a file of the suite, for module loading; name is
// slash-separated and relative to the root, and must stay inside it.
func (r *runner) readFile(name string) (string, error) {
	name = path.Clean(name)
	if path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
		return "", fmt.Errorf("%s: outside the suite", name)
	}
	b, err := os.ReadFile(filepath.Join(r.root, filepath.FromSlash(name)))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// harnessFile returns the contents of a file in harness/, read once.
func (r *runner) harnessFile(name string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.harness[name]; ok {
		return s, nil
	}
	b, err := os.ReadFile(filepath.Join(r.root, "harness", filepath.FromSlash(name)))
	if err != nil {
		return "", fmt.Errorf("harness: %v", err)
	}
	if r.harness == nil {
		r.harness = make(map[string]string)
	}
	r.harness[name] = string(b)
	return string(b), nil
}

// findTests returns the test files under each of paths (relative to the
// root, slash-separated), sorted and without duplicates; files whose path
// does not match filter (when not nil) are left out. A file's group is the
// directory two levels below the path argument it was found under, or its
// own directory when that is shallower.
func findTests(root string, paths []string, filter *regexp.Regexp) ([]testFile, error) {
	seen := make(map[string]bool)
	var tests []testFile
	for _, p := range paths {
		p = path.Clean(filepath.ToSlash(p))
		depth := len(strings.Split(p, "/")) + 2
		if p == "." {
			depth = 2
		}
		info, err := os.Stat(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			depth = 0 // group under its own directory
		}
		err = filepath.WalkDir(filepath.Join(root, filepath.FromSlash(p)), func(file string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !isTestFile(d.Name()) {
				return nil
			}
			rel, err := filepath.Rel(root, file)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if seen[rel] || (filter != nil && !filter.MatchString(rel)) {
				return nil
			}
			seen[rel] = true
			tests = append(tests, testFile{Path: rel, Group: groupOf(rel, depth)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(tests, func(i, j int) bool { return tests[i].Path < tests[j].Path })
	return tests, nil
}

// isTestFile reports whether a file name is a test: a .js file that is not
// a module fixture.
func isTestFile(name string) bool {
	return strings.HasSuffix(name, ".js") && !strings.Contains(name, "_FIXTURE")
}

// groupOf returns the first depth elements of file's directory, or the whole
// directory when it has fewer (or depth is 0).
func groupOf(file string, depth int) string {
	dir := path.Dir(file)
	parts := strings.Split(dir, "/")
	if depth > 0 && len(parts) > depth {
		parts = parts[:depth]
	}
	return strings.Join(parts, "/")
}

// run runs the tests, jobs at a time, and returns their results in the
// order of tests. progress, when not nil, is called after each test.
func (r *runner) run(tests []testFile, progress func(done int)) []result {
	results := make([]result, len(tests))
	next := make(chan int)
	var wg sync.WaitGroup
	var done atomic.Int64
	for range max(r.jobs, 1) {
		wg.Go(func() {
			for i := range next {
				results[i] = r.runFile(tests[i])
				if n := done.Add(1); progress != nil {
					progress(int(n))
				}
			}
		})
	}
	for i := range tests {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// runFile runs one test file in every mode it requires; it passes only when
// every mode passes.
func (r *runner) runFile(t testFile) result {
	start := time.Now()
	res := r.runModes(t.Path)
	res.Path, res.group = t.Path, t.Group
	if res.Modes == nil {
		res.Modes = []modeResult{} // "modes": [] in JSON, not null
	}
	res.Duration = ms(time.Since(start))
	return res
}

func (r *runner) runModes(file string) result {
	var res result
	b, err := os.ReadFile(filepath.Join(r.root, filepath.FromSlash(file)))
	if err != nil {
		res.Reason = err.Error()
		return res
	}
	src := string(b)
	meta, err := parseMetadata(src)
	if err != nil {
		res.Reason = err.Error()
		return res
	}
	if reason := r.skipReason(meta); reason != "" {
		// A skipped file counts as failed, as test262 dashboards count it.
		res.Reason = "skipped: " + reason
		return res
	}
	res.Pass = true
	for _, m := range modesFor(meta) {
		mr, leaked := r.runMode(file, src, meta, m)
		res.Modes = append(res.Modes, mr)
		res.leaked = res.leaked || leaked
		if !mr.Pass && res.Pass {
			res.Pass = false
			res.Reason = string(m) + ": " + mr.Reason
		}
	}
	return res
}

// skipReason says why a test is not run, or returns "".
func (r *runner) skipReason(m *metadata) string {
	for _, f := range m.Features {
		if r.skipFeatures[f] {
			return "feature " + f
		}
	}
	if m.hasFlag("CanBlockIsTrue") && !r.canBlock {
		return "needs [[CanBlock]] true"
	}
	if m.hasFlag("CanBlockIsFalse") && r.canBlock {
		return "needs [[CanBlock]] false"
	}
	return ""
}

// source returns the script to run for a test in a mode: the strict
// directive, the harness and the test's includes, then the test.
func (r *runner) source(src string, meta *metadata, m mode) (string, error) {
	if m == modeRaw {
		return src, nil
	}
	var b strings.Builder
	if m == modeStrict {
		b.WriteString("\"use strict\";\n")
	}
	names := []string{"assert.js", "sta.js"}
	if meta.hasFlag("async") {
		names = append(names, "doneprintHandle.js")
	}
	for _, name := range meta.Includes {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for _, name := range names {
		h, err := r.harnessFile(name)
		if err != nil {
			return "", err
		}
		b.WriteString(h)
		if !strings.HasSuffix(h, "\n") {
			b.WriteByte('\n')
		}
	}
	b.WriteString(src)
	return b.String(), nil
}

// An outcome is what running a script and its jobs came to.
type outcome struct {
	err    error    // from the engine, or a recovered panic
	prints []string // the arguments print received
	panic  string   // the panic value and stack, if the engine panicked
}

// runMode runs a test in one mode in a fresh engine. leaked reports that
// the engine did not stop after a timeout and its goroutine was abandoned.
func (r *runner) runMode(name, src string, meta *metadata, m mode) (res modeResult, leaked bool) {
	start := time.Now()
	res.Mode = m
	defer func() { res.Duration = ms(time.Since(start)) }()
	script, err := r.source(src, meta, m)
	if m == modeModule {
		// The harness runs as a script; the test itself as a module.
		script, err = r.source("", meta, m)
	}
	if err != nil {
		res.Reason = err.Error()
		return res, false
	}

	var (
		eng      atomic.Pointer[engine]
		stopping atomic.Bool // the timeout has fired
		mu       sync.Mutex
		prints   []string
	)
	record := func(s string) {
		mu.Lock()
		prints = append(prints, s)
		mu.Unlock()
	}
	done := make(chan outcome, 1)
	go func() {
		var out outcome
		defer func() {
			if v := recover(); v != nil {
				out.err = fmt.Errorf("engine panic: %v", v)
				out.panic = fmt.Sprintf("%v\n%s", v, debug.Stack())
			}
			mu.Lock()
			out.prints = prints
			mu.Unlock()
			done <- out
		}()
		e, err := r.newEngine(record)
		if err != nil {
			out.err = fmt.Errorf("creating engine: %v", err)
			return
		}
		eng.Store(&e)
		me, isModuleEngine := e.(moduleEngine)
		if isModuleEngine {
			me.SetModuleReader(r.readFile)
		}
		// Interrupt may have come before the engine existed.
		if stopping.Load() {
			out.err = errInterrupted
			return
		}
		if m == modeModule && !isModuleEngine {
			out.err = errors.New("modules not supported")
			return
		}
		if out.err = e.RunScript(name, script); out.err != nil {
			return
		}
		if m == modeModule {
			if out.err = me.RunModule(name, src); out.err != nil {
				return
			}
		}
		if stopping.Load() {
			out.err = errInterrupted
			return
		}
		out.err = e.RunJobs()
	}()

	var out outcome
	timer := time.NewTimer(r.timeout)
	select {
	case out = <-done:
		timer.Stop()
	case <-timer.C:
		stopping.Store(true)
		r.timedOut.Add(1)
		if !r.interrupt(&eng, done, &out) {
			r.leaked.Add(1)
			// Keep interrupting in the background: an engine that was
			// slow to notice (a long allocation, a nested run that
			// consumed an interrupt) still stops and frees its memory.
			go r.reap(&eng, done)
			res.Reason = fmt.Sprintf("timeout after %v (engine did not stop after Interrupt; goroutine leaked)", r.timeout)
			return res, true
		}
		if out.panic == "" {
			// Whatever the engine returned, the test ran out of time.
			res.Reason = fmt.Sprintf("timeout after %v", r.timeout)
			return res, false
		}
	}
	res.Panic = out.panic
	res.Pass, res.Reason = judge(meta, out)
	return res, false
}

// interrupt interrupts the engine, again and again in case an interrupt
// arrives between two of its calls, until it returns or the grace period
// ends. It reports whether the engine returned, and its outcome.
func (r *runner) interrupt(eng *atomic.Pointer[engine], done <-chan outcome, out *outcome) bool {
	grace := time.NewTimer(r.grace)
	defer grace.Stop()
	tick := time.NewTicker(max(r.grace/20, time.Millisecond))
	defer tick.Stop()
	for {
		if e := eng.Load(); e != nil {
			safeInterrupt(*e)
		}
		select {
		case *out = <-done:
			return true
		case <-grace.C:
			return false
		case <-tick.C:
		}
	}
}

// reap interrupts an abandoned engine every so often until it returns.
func (r *runner) reap(eng *atomic.Pointer[engine], done <-chan outcome) {
	tick := time.NewTicker(max(r.grace, 100*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			if e := eng.Load(); e != nil {
				safeInterrupt(*e)
			}
		}
	}
}

// safeInterrupt interrupts an engine, recovering from a panic in its
// Interrupt, which runs outside the test's goroutine.
func safeInterrupt(e engine) {
	defer func() { _ = recover() }()
	e.Interrupt()
}

// Messages that async tests print through doneprintHandle.js.
const (
	asyncComplete = "Test262:AsyncTestComplete"
	asyncFailure  = "Test262:AsyncTestFailure:"
)

// judge decides whether a run passed, and if not, why.
func judge(meta *metadata, out outcome) (pass bool, reason string) {
	var se *scriptError
	isScriptErr := errors.As(out.err, &se)
	if out.err != nil && !isScriptErr {
		// Not a JavaScript exception: an engine panic or a host failure.
		return false, out.err.Error()
	}
	if neg := meta.Negative; neg != nil {
		if out.err == nil {
			return false, fmt.Sprintf("expected %s %s, but the test completed", neg.Phase, neg.Type)
		}
		switch neg.Phase {
		case "parse":
			// The engine reports early errors before running anything,
			// and parse-phase tests begin with $DONOTEVALUATE(), which
			// throws a string: an error of the right name that did not
			// come from running the test is a parse-phase error.
			if se.Name == neg.Type && se.Early {
				return true, ""
			}
		case "resolution":
			// Only module tests have resolution-phase errors: loading
			// or linking the graph failed.
			if se.Name == neg.Type && se.Resolution {
				return true, ""
			}
		case "runtime":
			// The engine API cannot tell an early SyntaxError from one
			// thrown by GlobalDeclarationInstantiation before the first
			// statement runs, so a runtime-phase test accepts either.
			if se.Name == neg.Type {
				return true, ""
			}
		}
		got := se.Error()
		if neg.Phase == "parse" && se.Name == neg.Type {
			got += " (thrown at runtime)"
		}
		return false, fmt.Sprintf("expected %s %s, got %s", neg.Phase, neg.Type, got)
	}
	if out.err != nil {
		return false, se.Error()
	}
	if meta.hasFlag("async") {
		for _, p := range out.prints {
			if strings.HasPrefix(p, asyncFailure) {
				return false, strings.TrimSpace(strings.TrimPrefix(p, asyncFailure))
			}
		}
		if slices.Contains(out.prints, asyncComplete) {
			return true, ""
		}
		return false, "async test did not print " + asyncComplete
	}
	return true, ""
}

// ms converts a duration to milliseconds.
func ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}

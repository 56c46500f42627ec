package main

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// A fakeEngine runs scripts made of directives, one per line:
//
//	//! early NAME     fail with an early NAME before running anything
//	//! throw NAME     throw a NAME
//	//! strict NAME    throw a NAME when the script is strict
//	//! print MSG      call print(MSG)
//	//! job MSG        call print(MSG) from RunJobs
//	//! loop           run until interrupted
//	//! hang           never return, even when interrupted
//	//! panic MSG      panic
//
// Other lines are ignored.
type fakeEngine struct {
	print   func(string)
	scripts *scriptLog
	hang    <-chan struct{}

	once      sync.Once
	interrupt chan struct{}
	jobs      []string
}

// A scriptLog records every script the fake engines of a test run.
type scriptLog struct {
	mu      sync.Mutex
	scripts []string
}

func (l *scriptLog) add(s string) {
	l.mu.Lock()
	l.scripts = append(l.scripts, s)
	l.mu.Unlock()
}

func (l *scriptLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.scripts)
}

// newFakeFactory returns a factory of fake engines that log their scripts;
// engines that hang stay blocked until the test ends.
func newFakeFactory(t *testing.T) (engineFactory, *scriptLog) {
	log := new(scriptLog)
	hang := make(chan struct{})
	t.Cleanup(func() { close(hang) })
	return func(print func(string)) (engine, error) {
		return &fakeEngine{print: print, scripts: log, hang: hang, interrupt: make(chan struct{})}, nil
	}, log
}

func (e *fakeEngine) Interrupt() { e.once.Do(func() { close(e.interrupt) }) }

func (e *fakeEngine) RunScript(name, src string) error {
	e.scripts.add(src)
	lines := strings.Split(src, "\n")
	for _, l := range lines {
		if verb, arg, ok := directive(l); ok && verb == "early" {
			return &scriptError{Name: arg, Message: "early", Early: true}
		}
	}
	strict := strings.HasPrefix(src, "\"use strict\";\n")
	for _, l := range lines {
		verb, arg, ok := directive(l)
		if !ok {
			continue
		}
		switch verb {
		case "throw":
			return &scriptError{Name: arg, Message: "thrown"}
		case "strict":
			if strict {
				return &scriptError{Name: arg, Message: "strict"}
			}
		case "print":
			e.print(arg)
		case "job":
			e.jobs = append(e.jobs, arg)
		case "loop":
			<-e.interrupt
			return errInterrupted
		case "hang":
			<-e.hang
			return errors.New("released")
		case "panic":
			panic(arg)
		}
	}
	return nil
}

func (e *fakeEngine) RunJobs() error {
	for _, msg := range e.jobs {
		e.print(msg)
	}
	return nil
}

func directive(line string) (verb, arg string, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "//! ")
	if !ok {
		return "", "", false
	}
	verb, arg, _ = strings.Cut(rest, " ")
	return verb, arg, true
}

// writeSuite makes a test262 checkout in a temporary directory: a harness
// whose files each hold a marker comment, and the given test files.
func writeSuite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	all := map[string]string{
		"harness/assert.js":          "// harness assert.js\n",
		"harness/sta.js":             "// harness sta.js\n",
		"harness/doneprintHandle.js": "// harness doneprintHandle.js\n",
		"harness/compareArray.js":    "// harness compareArray.js", // no final newline
		"harness/propertyHelper.js":  "// harness propertyHelper.js\n",
	}
	for name, src := range files {
		all[name] = src
	}
	for name, src := range all {
		file := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func newTestRunner(t *testing.T, root string) (*runner, *scriptLog) {
	factory, log := newFakeFactory(t)
	return &runner{
		root:      root,
		newEngine: factory,
		jobs:      2,
		timeout:   5 * time.Second,
		grace:     time.Second,
	}, log
}

func TestModesFor(t *testing.T) {
	tests := []struct {
		flags []string
		want  []mode
	}{
		{nil, []mode{modeSloppy, modeStrict}},
		{[]string{"generated"}, []mode{modeSloppy, modeStrict}},
		{[]string{"async"}, []mode{modeSloppy, modeStrict}},
		{[]string{"onlyStrict"}, []mode{modeStrict}},
		{[]string{"noStrict"}, []mode{modeSloppy}},
		{[]string{"raw"}, []mode{modeRaw}},
		{[]string{"raw", "noStrict"}, []mode{modeRaw}},
		{[]string{"module"}, []mode{modeModule}},
		{[]string{"module", "async"}, []mode{modeModule}},
	}
	for _, tt := range tests {
		if got := modesFor(&metadata{Flags: tt.flags}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("modesFor(%v) = %v, want %v", tt.flags, got, tt.want)
		}
	}
}

func TestSource(t *testing.T) {
	root := writeSuite(t, nil)
	r, _ := newTestRunner(t, root)
	const body = "/*---\n---*/\nbody();\n"
	tests := []struct {
		name string
		meta metadata
		mode mode
		want string
	}{
		{
			name: "sloppy",
			mode: modeSloppy,
			want: "// harness assert.js\n// harness sta.js\n" + body,
		},
		{
			name: "strict",
			mode: modeStrict,
			want: "\"use strict\";\n// harness assert.js\n// harness sta.js\n" + body,
		},
		{
			name: "raw",
			meta: metadata{Flags: []string{"raw"}},
			mode: modeRaw,
			want: body,
		},
		{
			name: "async and includes in order",
			meta: metadata{Flags: []string{"async"}, Includes: []string{"propertyHelper.js", "compareArray.js", "assert.js"}},
			mode: modeStrict,
			want: "\"use strict\";\n// harness assert.js\n// harness sta.js\n// harness doneprintHandle.js\n" +
				"// harness propertyHelper.js\n// harness compareArray.js\n" + body,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.source(body, &tt.meta, tt.mode)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("source =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	if _, err := r.source(body, &metadata{Includes: []string{"missing.js"}}, modeSloppy); err == nil {
		t.Errorf("source with a missing include: no error")
	}
}

func TestJudge(t *testing.T) {
	parseSyntax := &metadata{Negative: &negative{Phase: "parse", Type: "SyntaxError"}}
	runtimeRef := &metadata{Negative: &negative{Phase: "runtime", Type: "ReferenceError"}}
	async := &metadata{Flags: []string{"async"}}
	tests := []struct {
		name   string
		meta   *metadata
		out    outcome
		pass   bool
		reason string
	}{
		{"plain pass", &metadata{}, outcome{}, true, ""},
		{"plain throw", &metadata{}, outcome{err: &scriptError{Name: "Test262Error", Message: "Expected true"}}, false, "Test262Error: Expected true"},
		{"plain early", &metadata{}, outcome{err: &scriptError{Name: "SyntaxError", Message: "bad", Early: true}}, false, "SyntaxError: bad"},
		{"thrown string", &metadata{}, outcome{err: &scriptError{Message: "Test262: This statement should not be evaluated."}}, false, "uncaught Test262: This statement should not be evaluated."},
		{"host error", &metadata{}, outcome{err: errors.New("engine panic: boom")}, false, "engine panic: boom"},
		{"parse negative", parseSyntax, outcome{err: &scriptError{Name: "SyntaxError", Early: true}}, true, ""},
		{"parse negative completed", parseSyntax, outcome{}, false, "expected parse SyntaxError, but the test completed"},
		{"parse negative at runtime", parseSyntax, outcome{err: &scriptError{Name: "SyntaxError", Message: "m"}}, false, "expected parse SyntaxError, got SyntaxError: m (thrown at runtime)"},
		{"parse negative evaluated", parseSyntax, outcome{err: &scriptError{Message: "Test262: This statement should not be evaluated."}}, false, "expected parse SyntaxError, got uncaught Test262"},
		{"parse negative wrong type", parseSyntax, outcome{err: &scriptError{Name: "ReferenceError", Early: true}}, false, "got ReferenceError"},
		{"runtime negative", runtimeRef, outcome{err: &scriptError{Name: "ReferenceError", Message: "x is not defined"}}, true, ""},
		{"runtime negative wrong type", runtimeRef, outcome{err: &scriptError{Name: "TypeError"}}, false, "expected runtime ReferenceError, got TypeError"},
		{"runtime negative completed", runtimeRef, outcome{}, false, "but the test completed"},
		{"runtime negative panic", runtimeRef, outcome{err: errors.New("engine panic: boom")}, false, "engine panic: boom"},
		{"resolution negative", &metadata{Negative: &negative{Phase: "resolution", Type: "SyntaxError"}}, outcome{err: &scriptError{Name: "SyntaxError", Early: true}}, false, "expected resolution SyntaxError"},
		{"async complete", async, outcome{prints: []string{"Test262:AsyncTestComplete"}}, true, ""},
		{"async other prints", async, outcome{prints: []string{"hello", "Test262:AsyncTestComplete"}}, true, ""},
		{"async failure", async, outcome{prints: []string{"Test262:AsyncTestFailure:Test262Error: oops"}}, false, "Test262Error: oops"},
		{"async failure wins", async, outcome{prints: []string{"Test262:AsyncTestComplete", "Test262:AsyncTestFailure:x"}}, false, "x"},
		{"async silent", async, outcome{}, false, "async test did not print Test262:AsyncTestComplete"},
		{"async throw", async, outcome{err: &scriptError{Name: "TypeError"}, prints: []string{"Test262:AsyncTestComplete"}}, false, "TypeError"},
		{"sync prints ignored", &metadata{}, outcome{prints: []string{"Test262:AsyncTestFailure:x"}}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pass, reason := judge(tt.meta, tt.out)
			if pass != tt.pass || !strings.Contains(reason, tt.reason) || (tt.pass && reason != "") {
				t.Errorf("judge = %v, %q; want %v, %q", pass, reason, tt.pass, tt.reason)
			}
		})
	}
}

func TestRunFile(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		pass   bool
		reason string // a substring of the reason
		modes  []mode
	}{
		{
			name:  "pass both modes",
			src:   "/*---\ndescription: ok\n---*/\n",
			pass:  true,
			modes: []mode{modeSloppy, modeStrict},
		},
		{
			name:   "fails in strict only",
			src:    "/*---\ndescription: x\n---*/\n//! strict Test262Error\n",
			reason: "strict: Test262Error: strict",
			modes:  []mode{modeSloppy, modeStrict},
		},
		{
			name:  "noStrict skips the strict run",
			src:   "/*---\nflags: [noStrict]\n---*/\n//! strict Test262Error\n",
			pass:  true,
			modes: []mode{modeSloppy},
		},
		{
			name:   "onlyStrict",
			src:    "/*---\nflags: [onlyStrict]\n---*/\n//! strict Test262Error\n",
			reason: "strict: Test262Error",
			modes:  []mode{modeStrict},
		},
		{
			name:  "raw has no harness",
			src:   "/*---\nflags: [raw]\n---*/\n",
			pass:  true,
			modes: []mode{modeRaw},
		},
		{
			name:   "module",
			src:    "/*---\nflags: [module]\n---*/\nexport default 1;\n",
			reason: "module: modules not supported",
			modes:  []mode{modeModule},
		},
		{
			name:  "parse negative",
			src:   "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n//! throw Test262Error\n//! early SyntaxError\n",
			pass:  true,
			modes: []mode{modeSloppy, modeStrict},
		},
		{
			name:   "parse negative evaluated",
			src:    "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n//! throw Test262Error\n",
			reason: "sloppy: expected parse SyntaxError, got Test262Error",
			modes:  []mode{modeSloppy, modeStrict},
		},
		{
			name:  "runtime negative",
			src:   "/*---\nnegative:\n  phase: runtime\n  type: ReferenceError\n---*/\n//! throw ReferenceError\n",
			pass:  true,
			modes: []mode{modeSloppy, modeStrict},
		},
		{
			name:  "async completes in a job",
			src:   "/*---\nflags: [async]\n---*/\n//! job Test262:AsyncTestComplete\n",
			pass:  true,
			modes: []mode{modeSloppy, modeStrict},
		},
		{
			name:   "async fails in a job",
			src:    "/*---\nflags: [async]\n---*/\n//! job Test262:AsyncTestFailure:Test262Error: no\n",
			reason: "sloppy: Test262Error: no",
			modes:  []mode{modeSloppy, modeStrict},
		},
		{
			name:   "async never completes",
			src:    "/*---\nflags: [async]\n---*/\n",
			reason: "did not print",
			modes:  []mode{modeSloppy, modeStrict},
		},
		{
			name:   "engine panic",
			src:    "/*---\n---*/\n//! panic kaboom\n",
			reason: "sloppy: engine panic: kaboom",
			modes:  []mode{modeSloppy, modeStrict},
		},
		{
			name:   "skipped feature counts as failed",
			src:    "/*---\nfeatures: [Symbol, skipme]\n---*/\n",
			reason: "skipped: feature skipme",
		},
		{
			name:   "CanBlockIsTrue on a non-blocking agent",
			src:    "/*---\nflags: [CanBlockIsTrue]\n---*/\n",
			reason: "skipped: needs [[CanBlock]] true",
		},
		{
			name:  "CanBlockIsFalse",
			src:   "/*---\nflags: [CanBlockIsFalse]\n---*/\n",
			pass:  true,
			modes: []mode{modeSloppy, modeStrict},
		},
		{
			name:   "bad frontmatter",
			src:    "/*---\nflags: [onlyStrict\n---*/\n",
			reason: "frontmatter",
		},
		{
			name:   "missing include",
			src:    "/*---\nincludes: [nowhere.js]\n---*/\n",
			reason: "sloppy: harness: ",
			modes:  []mode{modeSloppy, modeStrict},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeSuite(t, map[string]string{"test/a/b/t.js": tt.src})
			r, _ := newTestRunner(t, root)
			r.skipFeatures = map[string]bool{"skipme": true}
			res := r.runFile(testFile{Path: "test/a/b/t.js", Group: "test/a/b"})
			if res.Pass != tt.pass || !strings.Contains(res.Reason, tt.reason) || (tt.pass && res.Reason != "") {
				t.Errorf("pass, reason = %v, %q; want %v, %q", res.Pass, res.Reason, tt.pass, tt.reason)
			}
			var modes []mode
			for _, m := range res.Modes {
				modes = append(modes, m.Mode)
			}
			if !reflect.DeepEqual(modes, tt.modes) {
				t.Errorf("modes = %v, want %v", modes, tt.modes)
			}
			if res.Path != "test/a/b/t.js" || res.group != "test/a/b" {
				t.Errorf("path, group = %q, %q", res.Path, res.group)
			}
		})
	}
}

// TestRunFileScripts checks what the engines are given: the harness, and the
// strict directive first.
func TestRunFileScripts(t *testing.T) {
	const src = "/*---\nincludes: [compareArray.js]\nflags: [async]\n---*/\n//! print Test262:AsyncTestComplete\n"
	root := writeSuite(t, map[string]string{"test/x.js": src})
	r, log := newTestRunner(t, root)
	res := r.runFile(testFile{Path: "test/x.js", Group: "test"})
	if !res.Pass {
		t.Fatalf("failed: %s", res.Reason)
	}
	harness := "// harness assert.js\n// harness sta.js\n// harness doneprintHandle.js\n// harness compareArray.js\n"
	want := []string{harness + src, "\"use strict\";\n" + harness + src}
	if got := log.all(); !reflect.DeepEqual(got, want) {
		t.Errorf("scripts =\n%q\nwant\n%q", got, want)
	}
}

func TestTimeout(t *testing.T) {
	tests := []struct {
		name      string
		directive string
		reason    string
		leaked    bool
	}{
		{"interrupted", "//! loop", "sloppy: timeout after 50ms", false},
		{"never returns", "//! hang", "sloppy: timeout after 50ms (engine did not stop after Interrupt; goroutine leaked)", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeSuite(t, map[string]string{"test/t.js": "/*---\n---*/\n" + tt.directive + "\n"})
			r, _ := newTestRunner(t, root)
			r.timeout = 50 * time.Millisecond
			r.grace = 100 * time.Millisecond
			start := time.Now()
			res := r.runFile(testFile{Path: "test/t.js", Group: "test"})
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if res.Pass || res.Reason != tt.reason {
				t.Errorf("pass, reason = %v, %q; want false, %q", res.Pass, res.Reason, tt.reason)
			}
			if res.leaked != tt.leaked {
				t.Errorf("leaked = %v, want %v", res.leaked, tt.leaked)
			}
			wantLeaked := int64(0)
			if tt.leaked {
				wantLeaked = 2 // both modes
			}
			if n := r.leaked.Load(); n != wantLeaked {
				t.Errorf("runner leaked %d goroutines, want %d", n, wantLeaked)
			}
			if n := r.timedOut.Load(); n != 2 {
				t.Errorf("runner counted %d timeouts, want 2", n)
			}
		})
	}
}

// TestInterruptBeforeEngine has the timeout fire while the engine is still
// being made.
func TestInterruptBeforeEngine(t *testing.T) {
	root := writeSuite(t, map[string]string{"test/t.js": "/*---\nflags: [noStrict]\n---*/\n//! loop\n"})
	r, _ := newTestRunner(t, root)
	fake := r.newEngine
	r.newEngine = func(print func(string)) (engine, error) {
		time.Sleep(100 * time.Millisecond)
		return fake(print)
	}
	r.timeout = 10 * time.Millisecond
	r.grace = time.Second
	res := r.runFile(testFile{Path: "test/t.js", Group: "test"})
	if res.Pass || res.Reason != "sloppy: timeout after 10ms" {
		t.Errorf("pass, reason = %v, %q", res.Pass, res.Reason)
	}
}

// panickyEngine panics in Interrupt, after interrupting.
type panickyEngine struct{ engine }

func (e panickyEngine) Interrupt() {
	e.engine.Interrupt()
	panic("Interrupt broke")
}

func TestInterruptPanics(t *testing.T) {
	root := writeSuite(t, map[string]string{"test/t.js": "/*---\nflags: [noStrict]\n---*/\n//! loop\n"})
	r, _ := newTestRunner(t, root)
	fake := r.newEngine
	r.newEngine = func(print func(string)) (engine, error) {
		e, err := fake(print)
		return panickyEngine{e}, err
	}
	r.timeout = 10 * time.Millisecond
	res := r.runFile(testFile{Path: "test/t.js", Group: "test"})
	if res.Pass || res.Reason != "sloppy: timeout after 10ms" {
		t.Errorf("pass, reason = %v, %q", res.Pass, res.Reason)
	}
}

func TestFindTests(t *testing.T) {
	root := writeSuite(t, map[string]string{
		"test/language/expressions/addition/a.js":           "",
		"test/language/expressions/addition/b.js":           "",
		"test/language/expressions/addition/dep_FIXTURE.js": "",
		"test/language/expressions/addition/notes.txt":      "",
		"test/language/statements/for/dstr/c.js":            "",
		"test/language/statements/for/d.js":                 "",
		"test/language/e.js":                                "",
		"test/built-ins/Array/from/f.js":                    "",
	})
	tests := []struct {
		name   string
		paths  []string
		filter string
		want   []testFile
	}{
		{
			name:  "test",
			paths: []string{"test"},
			want: []testFile{
				{"test/built-ins/Array/from/f.js", "test/built-ins/Array"},
				{"test/language/e.js", "test/language"},
				{"test/language/expressions/addition/a.js", "test/language/expressions"},
				{"test/language/expressions/addition/b.js", "test/language/expressions"},
				{"test/language/statements/for/d.js", "test/language/statements"},
				{"test/language/statements/for/dstr/c.js", "test/language/statements"},
			},
		},
		{
			name:  "language, overlapping",
			paths: []string{"test/language/", "test/language/statements/for"},
			want: []testFile{
				{"test/language/e.js", "test/language"},
				{"test/language/expressions/addition/a.js", "test/language/expressions/addition"},
				{"test/language/expressions/addition/b.js", "test/language/expressions/addition"},
				{"test/language/statements/for/d.js", "test/language/statements/for"},
				{"test/language/statements/for/dstr/c.js", "test/language/statements/for"},
			},
		},
		{
			name:  "deep directory and a file",
			paths: []string{"test/language/statements/for", "test/built-ins/Array/from/f.js"},
			want: []testFile{
				{"test/built-ins/Array/from/f.js", "test/built-ins/Array/from"},
				{"test/language/statements/for/d.js", "test/language/statements/for"},
				{"test/language/statements/for/dstr/c.js", "test/language/statements/for/dstr"},
			},
		},
		{
			name:   "filter",
			paths:  []string{"test"},
			filter: `/(a|f)\.js$`,
			want: []testFile{
				{"test/built-ins/Array/from/f.js", "test/built-ins/Array"},
				{"test/language/expressions/addition/a.js", "test/language/expressions"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var re *regexp.Regexp
			if tt.filter != "" {
				re = regexp.MustCompile(tt.filter)
			}
			got, err := findTests(root, tt.paths, re)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findTests =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
	if _, err := findTests(root, []string{"test/nowhere"}, nil); err == nil {
		t.Errorf("findTests of a missing path: no error")
	}
}

func TestRunParallel(t *testing.T) {
	files := make(map[string]string)
	var tests []testFile
	for i := range 40 {
		name := filepath.ToSlash(filepath.Join("test", "d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".js"))
		src := "/*---\n---*/\n"
		if i%3 == 0 {
			src += "//! throw Test262Error\n"
		}
		files[name] = src
		tests = append(tests, testFile{Path: name, Group: "test/d"})
	}
	root := writeSuite(t, files)
	r, _ := newTestRunner(t, root)
	r.jobs = 4
	var mu sync.Mutex
	var progress []int
	results := r.run(tests, func(done int) {
		mu.Lock()
		progress = append(progress, done)
		mu.Unlock()
	})
	for i, res := range results {
		if res.Path != tests[i].Path {
			t.Fatalf("result %d is for %s, want %s", i, res.Path, tests[i].Path)
		}
		wantPass := !strings.Contains(files[res.Path], "throw")
		if res.Pass != wantPass {
			t.Errorf("%s: pass = %v, want %v (%s)", res.Path, res.Pass, wantPass, res.Reason)
		}
	}
	slices.Sort(progress)
	if len(progress) != 40 || progress[39] != 40 {
		t.Errorf("progress = %v", progress)
	}
}

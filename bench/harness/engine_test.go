package harness

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// testEngines returns the engines to test: those compiled in, less node
// when there is no node to run.
func testEngines(t *testing.T) []Engine {
	var es []Engine
	for _, name := range EngineNames() {
		if strings.HasPrefix(name, "node") {
			if _, err := exec.LookPath("node"); err != nil {
				continue
			}
			if name == "node-jit" {
				continue // the same code as node
			}
		}
		e, err := NewEngine(name)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	return es
}

func writeFiles(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEngines(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.js":     "var fromA = 'a'; function twice(x) { return 2 * x; }",
		"b.js":     "var fromB = 'b';",
		"throw.js": "throw new TypeError('bad thing');",
	})
	for _, e := range testEngines(t) {
		t.Run(e.Name(), func(t *testing.T) {
			ctx := context.Background()
			src := `load('a.js'); load('b.js');
print('loaded', fromA, typeof fromB, twice(21));
var t0 = __jsbench_now(), t1 = __jsbench_now();
print(typeof t0, t1 >= t0);`
			out, err := e.Run(ctx, Script{Dir: dir, Name: "main.js", Source: src, Loadable: []string{"a.js"}})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"loaded a undefined 42", "number true"}
			if !slices.Equal(out.Lines, want) {
				t.Errorf("output %q, want %q", out.Lines, want)
			}

			out, err = e.Run(ctx, Script{Dir: dir, Name: "main.js", Source: "print('before'); load('throw.js'); print('after');"})
			if err == nil || !strings.Contains(err.Error(), "bad thing") {
				t.Errorf("error %v, want the exception", err)
			}
			if !slices.Equal(out.Lines, []string{"before"}) {
				t.Errorf("output %q, want [before]", out.Lines)
			}

			// An exception from a loaded file can be caught.
			out, err = e.Run(ctx, Script{Dir: dir, Name: "main.js", Source: "try { load('throw.js'); } catch (e) { print('caught ' + e.message); }"})
			if err != nil || !slices.Equal(out.Lines, []string{"caught bad thing"}) {
				t.Errorf("catch: output %q, error %v", out.Lines, err)
			}

			ctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err = e.Run(ctx, Script{Dir: dir, Name: "loop.js", Source: "for (;;) {}"})
			if !errors.Is(err, ErrTimeout) {
				t.Errorf("endless loop: error %v, want ErrTimeout", err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("endless loop stopped after %v", d)
			}
		})
	}
}

// TestSuites runs a made-up benchmark through each suite's runner.
func TestSuites(t *testing.T) {
	v8dir := writeFiles(t, map[string]string{
		"run.js": `load('base.js'); load('good.js'); load('bad.js');
var success = true;
function PrintResult(name, result) { print(name + ': ' + result); }
function PrintError(name, error) { PrintResult(name, error); success = false; }
RunSuites(PrintResult, PrintError);
if (success) { print('----'); print('Score (version 7): 1'); }`,
		"base.js": `var suites = [];
function RunSuites(result, error) {
  for (var i = 0; i < suites.length; i++) {
    try { suites[i].run(); result(suites[i].name, 123); } catch (e) { error(suites[i].name, e); }
  }
}`,
		"good.js": `suites.push({name: 'Good', run: function () {}}); // new BenchmarkSuite('Good')`,
		"bad.js":  `suites.push({name: 'Bad', run: function () { throw new Error('Wrong result'); }}); // new BenchmarkSuite('Bad')`,
	})
	v8, err := NewV8(v8dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := v8.Benchmarks(); len(got) != 2 || got[0] != (Benchmark{"Good", "good.js"}) || got[1] != (Benchmark{"Bad", "bad.js"}) {
		t.Fatalf("benchmarks %v", got)
	}
	ssdir := writeFiles(t, map[string]string{
		"LIST":     "fast\nwrong\n",
		"fast.js":  "var x = 0; for (var i = 0; i < 1000; i++) x += i;",
		"wrong.js": "throw 'Error: bad result';",
	})
	ss, err := NewSunSpider(ssdir, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range testEngines(t) {
		t.Run(e.Name(), func(t *testing.T) {
			ctx := context.Background()
			if r := v8.Run(ctx, e, v8.Benchmarks()[0]); !r.OK() || r.Value != 123 {
				t.Errorf("Good: %+v", r)
			}
			if r := v8.Run(ctx, e, v8.Benchmarks()[1]); r.Err != "Error: Wrong result" {
				t.Errorf("Bad: %+v", r)
			}
			if r := ss.Run(ctx, e, ss.Benchmarks()[0]); !r.OK() || len(r.Runs) != 2 || r.Value < 0 {
				t.Errorf("fast: %+v", r)
			}
			if r := ss.Run(ctx, e, ss.Benchmarks()[1]); r.Err != "Error: bad result" {
				t.Errorf("wrong: %+v", r)
			}
		})
	}
}

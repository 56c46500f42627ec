// Command wpt runs web-platform-tests testharness.js tests headless.
//
//	go run ./cmd/wpt -root ../shared/conformance/wpt [-j N] [-timeout D] [-v] [paths...]
//
// It serves the root folder over HTTP on 127.0.0.1 (tests load
// /resources/testharness.js by absolute path), loads each test page with
// scripts on a virtual clock, and collects the results through
// add_completion_callback: the server appends, to testharness.js as it
// serves it, the compatibility shim for the legacy assert_throws and
// promise_rejects (see the corpus's SOURCE.md) and a completion callback
// that hands the results to a host function. Files are served as they
// are, never copied.
//
// It prints subtest counts per folder and, when the root has
// reference-results-chromium156.json, how many of the subtests Chromium
// passes pass here too, and ends with the line "N passed, M failed" over
// all subtests. A file that errors or times out counts all its subtests
// as failed (one, if it reported none).
package main

import (
	"context"

	"encoding/json"
	"flag"
	"fmt"
	"glassbox/engine/bindings"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	root    string
	jobs    int
	timeout time.Duration
	verbose bool
	console bool
	paths   []string
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wpt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.root, "root", "../shared/conformance/wpt", "the wpt folder, served as the web root")
	fs.IntVar(&o.jobs, "j", runtime.GOMAXPROCS(0), "test files run in parallel")
	fs.DurationVar(&o.timeout, "timeout", 60*time.Second, "wall-clock limit per test file")
	fs.BoolVar(&o.verbose, "v", false, "print every subtest that does not pass, with its message")
	fs.BoolVar(&o.console, "console", false, "print the pages' console messages to standard error")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	o.paths = fs.Args()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "wpt:", err)
			return 2
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	// The harness's own timeouts run on the page's virtual clock; a
	// script only stops for the file's wall-clock limit, which on a busy
	// machine can be well past the window's usual few seconds.
	bindings.ScriptTimeout = o.timeout
	// Test pages' localStorage stays in memory, out of the user's files.
	bindings.StorageDir = ""
	files, err := discover(o.root, o.paths)
	if err != nil {
		fmt.Fprintln(stderr, "wpt:", err)
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "wpt: no testharness.js tests under", o.paths)
		return 2
	}
	srv, err := serve(o.root)
	if err != nil {
		fmt.Fprintln(stderr, "wpt:", err)
		return 1
	}
	defer srv.Close()
	results := runAll(ctx, srv.URL, files, o, stderr)
	ref, err := loadReference(o.root)
	if err != nil {
		fmt.Fprintln(stderr, "wpt: warning:", err)
	}
	report(stdout, results, ref, o.verbose)
	return 0
}

// reference is Chromium's results file.
type reference struct {
	Files map[string]struct {
		Harness    string `json:"harness"`
		Subtests   int    `json:"subtests"`
		Pass       int    `json:"pass"`
		NotPassing []struct {
			Name string `json:"name"`
		} `json:"not_passing"`
	} `json:"files"`
}

func loadReference(root string) (*reference, error) {
	b, err := os.ReadFile(root + "/reference-results-chromium156.json")
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r reference
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("reference results: %v", err)
	}
	return &r, nil
}

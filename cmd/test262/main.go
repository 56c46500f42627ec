// Command test262 runs the ECMAScript conformance suite, test262, on
// Glassbox's JavaScript engine and counts what passes.
//
// Usage:
//
//	test262 [flags] [path ...]
//
// Each path, relative to -root, is a test file or a directory of them; the
// default is "test". Every *.js file but the module fixtures (_FIXTURE) is
// run as INTERPRETING.md in the suite says: in a fresh realm, with the
// harness prepended, once non-strict and once strict unless its flags say
// otherwise, with negative and async tests judged by their own rules. A file
// passes only when every mode it runs in passes. Files that are skipped
// (-skip-features, [[CanBlock]] flags) and module tests, which the engine
// cannot run yet, count as failed.
//
// The output gives passed/total for each directory two levels below each
// path argument, then "N passed, M failed" as the last line. The exit
// status is 0 however many tests fail; it is non-zero only for a usage error
// or a missing root or path.
//
// The flags are:
//
//	-root dir
//		the test262 checkout (holding harness/ and test/)
//	-j n
//		files run at once (default GOMAXPROCS)
//	-timeout d
//		time limit for one mode of one file (default 10s)
//	-filter regexp
//		run only files whose path matches
//	-skip-features list
//		comma-separated features whose tests are not run (and count as failed)
//	-can-block=bool
//		whether the main agent's [[CanBlock]] is true, so that Atomics.wait
//		may suspend it (default true, as in d8 and the SpiderMonkey shell;
//		false runs the tests of a browser's main thread instead)
//	-v
//		print "FAIL path: reason" for each failed file
//	-json file
//		write each file's result (path, pass, modes, reason, duration) as JSON
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, defaultEngine))
}

// run is the command with its arguments and outputs; it returns the exit
// status.
func run(args []string, stdout, stderr io.Writer, newEngine engineFactory) int {
	fl := flag.NewFlagSet("test262", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: test262 [flags] [path ...]")
		fl.PrintDefaults()
	}
	root := fl.String("root", "", "the test262 checkout (holding harness/ and test/)")
	jobs := fl.Int("j", runtime.GOMAXPROCS(0), "files run at once")
	timeout := fl.Duration("timeout", 10*time.Second, "time limit for one mode of one file")
	filter := fl.String("filter", "", "run only files whose path matches this regular expression")
	skip := fl.String("skip-features", "", "comma-separated features whose tests are not run (they count as failed)")
	canBlock := fl.Bool("can-block", true, "run the main agent with [[CanBlock]] true, as shells do (false: as a browser's main thread)")
	verbose := fl.Bool("v", false, "print FAIL lines with reasons")
	jsonFile := fl.String("json", "", "write per-file results as JSON to this file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *root == "" || *jobs < 1 || *timeout <= 0 {
		fl.Usage()
		return 2
	}
	if newEngine == nil {
		fmt.Fprintln(stderr, "test262: built without a JavaScript engine (see engine_none.go)")
		return 2
	}
	if info, err := os.Stat(*root); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "test262: root %s is not a directory\n", *root)
		return 1
	}
	var re *regexp.Regexp
	if *filter != "" {
		var err error
		if re, err = regexp.Compile(*filter); err != nil {
			fmt.Fprintf(stderr, "test262: -filter: %v\n", err)
			return 2
		}
	}
	paths := fl.Args()
	if len(paths) == 0 {
		paths = []string{"test"}
	}
	tests, err := findTests(*root, paths, re)
	if err != nil {
		fmt.Fprintf(stderr, "test262: %v\n", err)
		return 1
	}

	r := &runner{
		root:         *root,
		newEngine:    newEngine,
		jobs:         *jobs,
		timeout:      *timeout,
		grace:        max(*timeout/5, time.Second),
		skipFeatures: make(map[string]bool),
		canBlock:     *canBlock,
	}
	for f := range strings.SplitSeq(*skip, ",") {
		if f = strings.TrimSpace(f); f != "" {
			r.skipFeatures[f] = true
		}
	}
	results := r.run(tests, nil)
	if n := r.timedOut.Load(); n > 0 {
		fmt.Fprintf(stderr, "test262: note: %d test runs (file and mode) timed out after %v\n", n, *timeout)
	}
	if n := r.leaked.Load(); n > 0 {
		fmt.Fprintf(stderr, "test262: note: %d engine goroutines did not stop after Interrupt and were leaked\n", n)
	}
	if *jsonFile != "" {
		if err := writeJSON(*jsonFile, results); err != nil {
			fmt.Fprintf(stderr, "test262: %v\n", err)
			return 1
		}
	}
	if err := report(stdout, results, *verbose); err != nil {
		fmt.Fprintf(stderr, "test262: %v\n", err)
		return 1
	}
	return 0
}

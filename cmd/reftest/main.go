// Command reftest runs the CSS WG reftests on Glassbox and counts what
// passes.
//
// Usage:
//
//	reftest -root dir [flags] [path ...]
//
// Each path, relative to -root, is a file or a folder searched
// recursively; the default is the whole root. A reftest is an HTML or
// XHTML file (.html, .htm, .xht, .xhtml) with at least one
// <link rel=match href=...> or <link rel=mismatch href=...>. Folders named
// reference or support are not searched, and a file without such links is
// not a test. A reference that links to further references is a test of
// its own as well, as in web-platform-tests (and in the Chromium results
// kept with the suite); -skip-refs leaves out files named like references
// (x-ref.html) and files a test links to. Files are parsed with the
// project's HTML parser, XHTML ones included, until there is an XML
// parser.
//
// Each test and its references are rendered through the headless
// pipeline (load, style, layout, paint, raster and composite on Mesa's
// EGL) at 800x600, with the Ahem font registered, and the pictures are
// compared. A test passes when, if it has match links, it renders equal to
// at least one of those references, and it differs from every mismatch
// reference. Equal means the same pixels, or within the tolerance of the
// test's <meta name=fuzzy content="maxDifference=0-2;totalPixels=0-300">
// (also written "0-2;0-300", and optionally prefixed with a reference
// URL and a colon, to apply to that reference only). A reference that has
// links of its own must satisfy them too (-chains=false judges a test by
// its own links alone); "# N tests change status ..." counts the tests
// whose verdict that changes.
//
// A rendering that panics, fails to load or takes longer than -timeout
// fails the test that needed it, and the run goes on. Layout cannot be
// interrupted, so a rendering that runs out of time is abandoned: it goes
// on in the background while other tests run.
//
// The output is "PASS path" or "FAIL path" for each test, in path order as
// soon as a test and those before it are done (with -v, a failure's
// reason follows the path), then passed/total for each folder directly
// under the root, notes beginning with "#", and "N passed, M failed" as
// the last line. The exit status is 0 however many tests fail; it is 2
// for a usage error, a missing root or path, or a machine that cannot
// render.
//
// The flags are:
//
//	-root dir
//		the suite (csswg/, holding css21/ and the rest)
//	-fonts path
//		Ahem.ttf or the folder holding it (default ../fonts/Ahem.ttf from the root)
//	-j n
//		tests run at once (default GOMAXPROCS)
//	-timeout d
//		time limit for rendering one document (default 20s)
//	-chains
//		check references' own links too (default true)
//	-skip-refs
//		do not run files named like references or linked to by a test
//	-v
//		print the reason after FAIL lines
//	-json file
//		write each test's result (verdict, reason, comparisons) as JSON
//	-report dir
//		write index.html there with the test, reference and difference
//		pictures of each failure side by side
//	-compare chromium
//		compare with the suite's chromium-*-results.txt: per folder, how
//		many of the tests Chromium passes pass here too
//	-chromium file
//		the same, with that results file
//	-cpuprofile file
//		write a CPU profile of the run
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

// The viewport the suite is run at, as Chromium's results were.
const (
	viewportWidth  = 800
	viewportHeight = 600
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, newGLRenderer))
}

type options struct {
	root     string
	fonts    string
	jobs     int
	timeout  time.Duration
	chains   bool
	skipRefs bool
	verbose  bool
	jsonFile string
	report   string
	chromium string // the Chromium results file, or ""
	profile  string // where to write a CPU profile, or ""
	paths    []string
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := new(options)
	fl := flag.NewFlagSet("reftest", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: reftest -root dir [flags] [path ...]")
		fl.PrintDefaults()
	}
	fl.StringVar(&o.root, "root", "", "the suite (csswg/, holding css21/ and the rest)")
	fl.StringVar(&o.fonts, "fonts", "", "Ahem.ttf or the folder holding it (default ../fonts/Ahem.ttf from the root)")
	fl.IntVar(&o.jobs, "j", runtime.GOMAXPROCS(0), "tests run at once")
	fl.DurationVar(&o.timeout, "timeout", 20*time.Second, "time limit for rendering one document")
	fl.BoolVar(&o.chains, "chains", true, "check references' own links too")
	fl.BoolVar(&o.skipRefs, "skip-refs", false, "do not run files named like references or linked to by a test")
	fl.BoolVar(&o.verbose, "v", false, "print the reason after FAIL lines")
	fl.StringVar(&o.jsonFile, "json", "", "write per-test results as JSON to this file")
	fl.StringVar(&o.report, "report", "", "write an HTML report of the failures, with pictures, in this folder")
	compareWith := fl.String("compare", "", `compare with a browser's results in the root ("chromium")`)
	fl.StringVar(&o.chromium, "chromium", "", "compare with this Chromium results file")
	fl.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of the run to this file")
	if err := fl.Parse(args); err != nil {
		return nil, err
	}
	if o.root == "" {
		fl.Usage()
		return nil, errors.New("no -root")
	}
	if o.jobs < 1 || o.timeout <= 0 {
		fl.Usage()
		return nil, errors.New("-j and -timeout must be positive")
	}
	switch *compareWith {
	case "":
	case "chromium":
		if o.chromium == "" {
			f, err := findResults(o.root, "chromium")
			if err != nil {
				return nil, err
			}
			o.chromium = f
		}
	default:
		return nil, fmt.Errorf("-compare %s: only chromium results are known", *compareWith)
	}
	o.paths = fl.Args()
	for _, p := range o.paths {
		if filepath.IsAbs(p) || strings.HasPrefix(filepath.Clean(p), "..") {
			return nil, fmt.Errorf("path %s: must be relative to the root", p)
		}
	}
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	return o, nil
}

// findResults returns the newest browser-NNN-results.txt in root.
func findResults(root, browser string) (string, error) {
	m, _ := filepath.Glob(filepath.Join(root, browser+"-*-results.txt"))
	if len(m) == 0 {
		return "", fmt.Errorf("-compare %s: no %s-*-results.txt in %s", browser, browser, root)
	}
	return m[len(m)-1], nil
}

// run is the command with its arguments and outputs; it returns the exit
// status.
func run(args []string, stdout, stderr io.Writer, newRenderer rendererFactory) int {
	o, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "reftest:", err)
		}
		return 2
	}
	if info, err := os.Stat(o.root); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "reftest: root %s is not a folder\n", o.root)
		return 2
	}
	if o.root, err = filepath.Abs(o.root); err != nil {
		fmt.Fprintln(stderr, "reftest:", err)
		return 2
	}
	if o.profile != "" {
		f, err := os.Create(o.profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "reftest:", err)
			return 2
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	start := time.Now()
	s, err := discover(o.root, o.paths, o.jobs, o.skipRefs)
	if err != nil {
		fmt.Fprintln(stderr, "reftest:", err)
		return 2
	}
	for _, n := range s.notTests {
		fmt.Fprintf(stderr, "reftest: %s has no match or mismatch links: not a reftest\n", n)
	}
	fmt.Fprintf(stderr, "reftest: %d reftests found in %v\n", len(s.tests), time.Since(start).Round(time.Millisecond))

	var chromium map[string]bool
	if o.chromium != "" {
		if chromium, err = readResults(o.chromium); err != nil {
			fmt.Fprintln(stderr, "reftest:", err)
			return 2
		}
	}
	var rep *reportWriter
	if o.report != "" {
		if rep, err = newReportWriter(o.report); err != nil {
			fmt.Fprintln(stderr, "reftest:", err)
			return 2
		}
	}
	if len(s.tests) > 0 {
		font := ahemPath(o.root, o.fonts)
		if err := registerAhem(font); err != nil {
			if o.fonts != "" {
				fmt.Fprintln(stderr, "reftest: Ahem:", err)
				return 2
			}
			fmt.Fprintln(stderr, "reftest: warning: no Ahem font, tests that use it will fail:", err)
		}
	}
	var results []*result
	var g *guard
	if len(s.tests) > 0 {
		r, err := newRenderer(viewportWidth, viewportHeight, o.jobs)
		if err != nil {
			fmt.Fprintln(stderr, "reftest: cannot render:", err)
			return 2
		}
		g = &guard{r: r, timeout: o.timeout}
		results = runTests(s, g, o, rep, stdout, stderr)
		r.close()
	} else {
		g = &guard{}
	}
	summarize(stdout, results, chromium, o.chains)
	if n := g.abandoned.Load(); n > 0 {
		fmt.Fprintf(stdout, "# %d renderings ran out of time and were abandoned\n", n)
	}
	if n := g.panics.Load(); n > 0 {
		fmt.Fprintf(stdout, "# %d renderings panicked\n", n)
	}
	fmt.Fprintf(stdout, "# %d reftests in %v with -j %d\n", len(results), time.Since(start).Round(time.Second), o.jobs)
	printTotals(stdout, results)
	if o.jsonFile != "" {
		if err := writeJSON(o.jsonFile, results); err != nil {
			fmt.Fprintln(stderr, "reftest:", err)
		}
	}
	if rep != nil {
		if err := rep.finish(); err != nil {
			fmt.Fprintln(stderr, "reftest:", err)
		} else {
			fmt.Fprintf(stderr, "reftest: report in %s\n", filepath.Join(o.report, "index.html"))
		}
	}
	return 0
}

// runTests judges the suite's tests with o.jobs workers and prints each
// verdict in path order as soon as it and those before it are known.
func runTests(s *suite, g *guard, o *options, rep *reportWriter, stdout, stderr io.Writer) []*result {
	closures := make([][]string, len(s.tests))
	for i, t := range s.tests {
		closures[i] = s.closure(t, o.chains)
	}
	c := newCache(g, closures)
	fmt.Fprintf(stderr, "reftest: %d documents to render\n", len(c.uses))
	results := make([]*result, len(s.tests))

	var mu sync.Mutex
	printed := 0
	finish := func(i int, r *result) {
		mu.Lock()
		defer mu.Unlock()
		results[i] = r
		for printed < len(results) && results[printed] != nil {
			printResult(stdout, results[printed], o.verbose)
			printed++
		}
	}

	next := make(chan int)
	var wg sync.WaitGroup
	for range o.jobs {
		wg.Go(func() {
			for i := range next {
				r := judgeTest(s, c, s.tests[i], o.chains)
				if rep != nil && !r.Pass {
					rep.add(r, s, c)
				}
				c.release(closures[i])
				finish(i, r)
			}
		})
	}
	for i := range s.tests {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func printResult(w io.Writer, r *result, verbose bool) {
	if r.Pass {
		fmt.Fprintln(w, "PASS", r.Path)
		return
	}
	if verbose && r.Reason != "" {
		reason, _, _ := strings.Cut(r.Reason, "\n")
		fmt.Fprintf(w, "FAIL %s: %s\n", r.Path, reason)
		return
	}
	fmt.Fprintln(w, "FAIL", r.Path)
}

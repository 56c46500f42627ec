// Jsbench runs a JavaScript benchmark suite on several engines in one run
// and prints a table of their figures and the ratios between them.
//
// Usage:
//
//	jsbench [flags] [benchmark ...]
//
// The suites are the V8 benchmark suite, version 7 (-suite v8), which
// prints a score per benchmark, higher being better, and SunSpider 1.0.1
// (-suite sunspider), which times each test in milliseconds. Naming
// benchmarks (by name, such as Richards or 3d-cube, or by file name)
// runs only those.
//
// The engines are glassbox (this project's engine, in-process; built only
// with -tags glassbox), goja (in-process), node (node --jitless, a process
// per run) and node-jit (node with its JIT).
//
// The flags are:
//
//	-suite name
//		v8 or sunspider (default v8).
//	-engines list
//		comma-separated engines; the first is the baseline of the ratios
//		(default glassbox,goja,node, less glassbox when not built in).
//	-shared dir
//		directory holding v8-v7/ and sunspider-1.0.1/
//		(default ../../shared/bench).
//	-timeout d
//		limit for one benchmark on one engine (default 5m).
//	-runs n
//		SunSpider runs per test (default 10).
//	-json file
//		also write the results as JSON to file.
//	-mem
//		also print each engine's peak memory per benchmark.
//	-list
//		list the suite's benchmarks and exit.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"glassbox/bench/harness"
)

func main() {
	defaultEngines := "goja,node"
	if slices.Contains(harness.EngineNames(), "glassbox") {
		defaultEngines = "glassbox," + defaultEngines
	}
	var (
		suiteName = flag.String("suite", "v8", "suite to run: v8 or sunspider")
		engineArg = flag.String("engines", defaultEngines, "comma-separated engines: glassbox, goja, node (--jitless), node-jit")
		shared    = flag.String("shared", filepath.Join("..", "..", "shared", "bench"), "directory holding the suites")
		timeout   = flag.Duration("timeout", harness.DefaultTimeout, "time limit for one benchmark on one engine (0 for none)")
		runs      = flag.Int("runs", 10, "SunSpider runs per test")
		jsonFile  = flag.String("json", "", "write the results as JSON to `file`")
		mem       = flag.Bool("mem", false, "also print peak memory per benchmark")
		list      = flag.Bool("list", false, "list the suite's benchmarks and exit")
	)
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: jsbench [flags] [benchmark ...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(*suiteName, *engineArg, *shared, *timeout, *runs, *jsonFile, *mem, *list, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "jsbench: %v\n", err)
		os.Exit(1)
	}
}

func run(suiteName, engineArg, shared string, timeout time.Duration, runs int, jsonFile string, mem, list bool, names []string) error {
	suite, err := harness.NewSuite(suiteName, shared)
	if err != nil {
		return err
	}
	if ss, ok := suite.(*harness.SunSpider); ok {
		if runs < 1 {
			return fmt.Errorf("-runs %d: need at least 1", runs)
		}
		ss.Runs = runs
	}
	if list {
		for _, b := range suite.Benchmarks() {
			fmt.Printf("%s\t%s\n", b.Name, b.File)
		}
		return nil
	}
	benchmarks, err := selectBenchmarks(suite.Benchmarks(), names)
	if err != nil {
		return err
	}
	var engines []harness.Engine
	for _, name := range strings.Split(engineArg, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		e, err := harness.NewEngine(name)
		if err != nil {
			return err
		}
		engines = append(engines, e)
	}
	if len(engines) == 0 {
		return fmt.Errorf("no engines given")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep := harness.Run(ctx, harness.Config{
		Suite:      suite,
		Engines:    engines,
		Benchmarks: benchmarks,
		Timeout:    timeout,
		Progress:   os.Stderr,
	})
	fmt.Printf("%s suite (%s), %s\n\n", rep.Suite, rep.Dir, rep.Host)
	if err := rep.WriteTable(os.Stdout); err != nil {
		return err
	}
	if mem {
		fmt.Println()
		if err := rep.WriteMemory(os.Stdout); err != nil {
			return err
		}
	}
	if jsonFile != "" {
		f, err := os.Create(jsonFile)
		if err != nil {
			return err
		}
		if err := rep.WriteJSON(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// selectBenchmarks returns the benchmarks named, matched without regard to
// case against a benchmark's name or file name (with or without ".js"),
// in the suite's order; all of them when names is empty.
func selectBenchmarks(all []harness.Benchmark, names []string) ([]harness.Benchmark, error) {
	if len(names) == 0 {
		return all, nil
	}
	want := make(map[string]bool)
	for _, n := range names {
		want[strings.ToLower(strings.TrimSuffix(n, ".js"))] = false
	}
	var sel []harness.Benchmark
	for _, b := range all {
		keys := []string{strings.ToLower(b.Name), strings.ToLower(strings.TrimSuffix(b.File, ".js"))}
		hit := false
		for _, k := range keys {
			if _, ok := want[k]; ok {
				want[k] = true
				hit = true
			}
		}
		if hit {
			sel = append(sel, b)
		}
	}
	var missing []string
	for n, found := range want {
		if !found {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return nil, fmt.Errorf("no such benchmark: %s (see -list)", strings.Join(missing, ", "))
	}
	return sel, nil
}

// Package harness runs JavaScript benchmark suites on several engines and
// compares the figures they report.
//
// An [Engine] runs a [Script]: a driver program, run in the global scope of
// a fresh realm, with two host functions defined:
//
//	print(...args)  writes its arguments, joined by spaces, as one line
//	load(file)      runs file, relative to Script.Dir, in the global scope
//
// and a third, __jsbench_now(), that returns a high-resolution clock reading
// in milliseconds. The lines the script prints are returned; the suites
// (see [V8] and [SunSpider]) parse them.
package harness

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// A Script is a driver program and the directory its load calls read from.
type Script struct {
	Dir    string // directory that load resolves file names against
	Name   string // name of the driver, for stack traces
	Source string // driver source, run in the global scope

	// Loadable, when not nil, lists the files load may run; load of any
	// other file does nothing. It lets a suite's own runner (such as the
	// V8 suite's run.js) run a single benchmark unchanged.
	Loadable []string
}

// loadable reports whether load should run file.
func (s *Script) loadable(file string) bool {
	return s.Loadable == nil || slices.Contains(s.Loadable, file)
}

// Output is what one run of a script produced.
type Output struct {
	Lines   []string      // lines written by print, in order
	Elapsed time.Duration // wall time of the run, including start-up

	// PeakHeap is the largest Go heap (bytes of heap objects) seen while
	// the script ran, for engines that run in this process; 0 otherwise.
	PeakHeap uint64
	// PeakRSS is the peak resident set size of the engine's process, for
	// engines that run as a subprocess; 0 otherwise.
	PeakRSS uint64
}

// An Engine runs scripts. Each call to Run uses a fresh realm.
type Engine interface {
	// Name is the engine's name as given to -engines.
	Name() string
	// Title is the engine's column heading.
	Title() string
	// Run runs s until it finishes or ctx is done. A JavaScript
	// exception that escapes the script, or ctx expiring, is returned as
	// an error, along with the output printed before it.
	Run(ctx context.Context, s Script) (Output, error)
}

// ErrTimeout is the error (wrapped) that Run returns when its context
// expires before the script finishes.
var ErrTimeout = errors.New("timed out")

var engines = map[string]func() (Engine, error){}

// register makes an engine constructor available to NewEngine.
func register(name string, f func() (Engine, error)) {
	engines[name] = f
}

// EngineNames returns the names of the engines compiled in, sorted.
func EngineNames() []string {
	var names []string
	for n := range engines {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NewEngine returns the engine called name.
func NewEngine(name string) (Engine, error) {
	f, ok := engines[name]
	if !ok {
		return nil, fmt.Errorf("unknown engine %q (have %s)", name, strings.Join(EngineNames(), ", "))
	}
	return f()
}

// firstLine returns the first line of s, which an error message should be.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// DefaultTimeout is the default limit for one benchmark on one engine.
const DefaultTimeout = 5 * time.Minute

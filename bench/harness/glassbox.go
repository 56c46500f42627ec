package harness

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"glassbox/js"
)

// The glassbox engine is this project's, through the embedding API of
// package glassbox/js (New, RunScript, Set, NewFunction, ToString,
// Interrupt, and js.Number for the clock).

func init() {
	register("glassbox", func() (Engine, error) { return glassboxEngine{}, nil })
}

// glassboxEngine runs scripts in-process on this project's engine.
type glassboxEngine struct{}

func (glassboxEngine) Name() string  { return "glassbox" }
func (glassboxEngine) Title() string { return "glassbox" }

func (glassboxEngine) Run(ctx context.Context, s Script) (Output, error) {
	var out Output
	rt := js.New()
	epoch := time.Now()

	print := rt.NewFunction("print", 1, func(c *js.Call) (js.Value, error) {
		parts := make([]string, len(c.Args))
		for i, a := range c.Args {
			str, err := c.Runtime.ToString(a)
			if err != nil {
				return js.Undefined(), err
			}
			parts[i] = str
		}
		out.Lines = append(out.Lines, strings.Join(parts, " "))
		return js.Undefined(), nil
	})
	load := rt.NewFunction("load", 1, func(c *js.Call) (js.Value, error) {
		file, err := c.Runtime.ToString(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		if !s.loadable(file) {
			return js.Undefined(), nil
		}
		src, err := os.ReadFile(filepath.Join(s.Dir, file))
		if err != nil {
			return js.Undefined(), err
		}
		// An exception from the loaded script propagates to load's
		// caller as the error of this host call.
		_, err = c.Runtime.RunScript(file, string(src))
		return js.Undefined(), err
	})
	now := rt.NewFunction("__jsbench_now", 0, func(*js.Call) (js.Value, error) {
		return js.Number(float64(time.Since(epoch).Nanoseconds()) / 1e6), nil
	})
	if err := errors.Join(rt.Set("print", print), rt.Set("load", load), rt.Set("__jsbench_now", now)); err != nil {
		return out, err
	}

	stop := context.AfterFunc(ctx, rt.Interrupt)
	defer stop()

	heap := startHeapSampler()
	start := time.Now()
	_, err := rt.RunScript(s.Name, s.Source)
	if err == nil {
		err = rt.RunJobs()
	}
	out.Elapsed = time.Since(start)
	out.PeakHeap = heap.Stop()

	switch {
	case ctx.Err() != nil:
		return out, fmt.Errorf("%w after %v", ErrTimeout, out.Elapsed.Round(time.Second))
	case err != nil:
		return out, errors.New(firstLine(err.Error()))
	}
	return out, nil
}

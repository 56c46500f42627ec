package harness

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dop251/goja"
)

func init() {
	register("goja", func() (Engine, error) { return gojaEngine{}, nil })
}

// gojaEngine runs scripts in-process on github.com/dop251/goja.
type gojaEngine struct{}

func (gojaEngine) Name() string  { return "goja" }
func (gojaEngine) Title() string { return "goja" }

func (gojaEngine) Run(ctx context.Context, s Script) (Output, error) {
	var out Output
	vm := goja.New()
	epoch := time.Now()

	set := func(name string, fn func(goja.FunctionCall) goja.Value) error {
		return vm.Set(name, fn)
	}
	err := errors.Join(
		set("print", func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = a.String()
			}
			out.Lines = append(out.Lines, strings.Join(parts, " "))
			return goja.Undefined()
		}),
		set("load", func(call goja.FunctionCall) goja.Value {
			file := call.Argument(0).String()
			if !s.loadable(file) {
				return goja.Undefined()
			}
			path := filepath.Join(s.Dir, file)
			src, err := os.ReadFile(path)
			if err != nil {
				panic(vm.NewGoError(err))
			}
			prg, err := goja.Compile(file, string(src), false)
			if err != nil {
				panic(vm.NewGoError(err))
			}
			if _, err := vm.RunProgram(prg); err != nil {
				// A *goja.Exception rethrows the JavaScript
				// exception; an interrupt stays uncatchable.
				panic(err)
			}
			return goja.Undefined()
		}),
		set("__jsbench_now", func(goja.FunctionCall) goja.Value {
			return vm.ToValue(float64(time.Since(epoch).Nanoseconds()) / 1e6)
		}),
	)
	if err != nil {
		return out, err
	}

	stop := context.AfterFunc(ctx, func() { vm.Interrupt(ErrTimeout) })
	defer stop()

	prg, err := goja.Compile(s.Name, s.Source, false)
	if err != nil {
		return out, err
	}
	heap := startHeapSampler()
	start := time.Now()
	_, err = vm.RunProgram(prg)
	out.Elapsed = time.Since(start)
	out.PeakHeap = heap.Stop()

	var interrupted *goja.InterruptedError
	switch {
	case errors.As(err, &interrupted):
		return out, fmt.Errorf("%w after %v", ErrTimeout, out.Elapsed.Round(time.Second))
	case err != nil:
		var ex *goja.Exception
		if errors.As(err, &ex) && ex.Value() != nil {
			return out, errors.New(firstLine(ex.Value().String()))
		}
		return out, err
	}
	return out, nil
}

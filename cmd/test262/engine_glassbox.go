package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"

	"glassbox/js"
)

// defaultEngine runs tests on Glassbox's engine.
var defaultEngine engineFactory = newGlassboxEngine

// glassboxEngine adapts a js.Runtime to the engine interface.
type glassboxEngine struct {
	rt *js.Runtime
}

func newGlassboxEngine(print func(string)) (engine, error) {
	rt := js.New()
	if err := installHost(rt, print); err != nil {
		return nil, err
	}
	return &glassboxEngine{rt: rt}, nil
}

func (e *glassboxEngine) RunScript(name, src string) error {
	_, err := e.rt.RunScript(name, src)
	return convertError(err)
}

func (e *glassboxEngine) RunJobs() error { return convertError(e.rt.RunJobs()) }

func (e *glassboxEngine) Interrupt() { e.rt.Interrupt() }

// convertError turns the engine's errors into the runner's.
func convertError(err error) error {
	var exc *js.Exception
	var intr *js.Interrupted
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exc):
		// The engine reports early errors from compiling, before the
		// script runs, and they are all SyntaxErrors; a SyntaxError that
		// the running script throws (eval, GlobalDeclarationInstantiation)
		// cannot be told from one, so every SyntaxError counts as early.
		name := exc.Name()
		return &scriptError{Name: name, Message: exc.Message(), Early: name == "SyntaxError"}
	case errors.As(err, &intr):
		return errInterrupted
	}
	return err
}

// installHost defines print and $262 (INTERPRETING.md, "Host-Defined
// Functions") on a realm's global object.
func installHost(rt *js.Runtime, print func(string)) error {
	printFn := rt.NewFunction("print", 1, func(c *js.Call) (js.Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		print(s)
		return js.Undefined(), nil
	})
	if err := rt.Set("print", printFn); err != nil {
		return err
	}

	d := rt.NewObject()
	notSupported := func(name string) js.Value {
		return rt.NewFunction(name, 0, func(c *js.Call) (js.Value, error) {
			return js.Undefined(), c.Runtime.Throw(c.Runtime.NewError("TypeError", "$262."+name+": not supported"))
		})
	}
	agent, err := newAgent(rt, notSupported)
	if err != nil {
		return err
	}
	props := []struct {
		name string
		v    js.Value
	}{
		{"global", rt.Global()},
		{"createRealm", rt.NewFunction("createRealm", 0, func(c *js.Call) (js.Value, error) {
			realm := rt.NewRealm()
			if err := installHost(realm, print); err != nil {
				return js.Undefined(), err
			}
			return realm.Get("$262")
		})},
		{"evalScript", rt.NewFunction("evalScript", 1, func(c *js.Call) (js.Value, error) {
			src, err := rt.ToString(c.Arg(0))
			if err != nil {
				return js.Undefined(), err
			}
			v, err := rt.RunScript("evalScript", src)
			var exc *js.Exception
			if errors.As(err, &exc) {
				return js.Undefined(), rt.Throw(exc.Value)
			}
			return v, err
		})},
		{"gc", rt.NewFunction("gc", 0, func(c *js.Call) (js.Value, error) {
			runtime.GC()
			return js.Undefined(), nil
		})},
		{"detachArrayBuffer", rt.NewFunction("detachArrayBuffer", 1, func(c *js.Call) (js.Value, error) {
			return js.Undefined(), rt.DetachArrayBuffer(c.Arg(0))
		})},
		{"agent", agent},
	}
	for _, p := range props {
		if err := rt.SetProperty(d, p.name, p.v); err != nil {
			return err
		}
	}
	return rt.Set("$262", d)
}

// agentEpoch is the origin of $262.agent.monotonicNow.
var agentEpoch = time.Now()

// newAgent returns $262.agent: there are no concurrent agents yet, so
// starting or talking to one throws; sleep and monotonicNow work.
func newAgent(rt *js.Runtime, notSupported func(string) js.Value) (js.Value, error) {
	a := rt.NewObject()
	for _, name := range []string{"start", "broadcast", "getReport"} {
		if err := rt.SetProperty(a, name, notSupported("agent."+name)); err != nil {
			return js.Undefined(), err
		}
	}
	sleep := rt.NewFunction("sleep", 1, func(c *js.Call) (js.Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		var ms float64
		if _, err := fmt.Sscan(s, &ms); err == nil && ms > 0 {
			time.Sleep(time.Duration(ms * float64(time.Millisecond)))
		}
		return js.Undefined(), nil
	})
	if err := rt.SetProperty(a, "sleep", sleep); err != nil {
		return js.Undefined(), err
	}
	now := rt.NewFunction("monotonicNow", 0, func(c *js.Call) (js.Value, error) {
		return js.Number(float64(time.Since(agentEpoch).Microseconds()) / 1000), nil
	})
	if err := rt.SetProperty(a, "monotonicNow", now); err != nil {
		return js.Undefined(), err
	}
	return a, nil
}

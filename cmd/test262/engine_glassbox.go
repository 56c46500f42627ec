package main

import (
	"errors"
	"fmt"
	"path"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"glassbox/js"
)

// defaultEngine runs tests on Glassbox's engine.
var defaultEngine engineFactory = newGlassboxEngine

// glassboxEngine adapts a js.Runtime to the engine interface.
type glassboxEngine struct {
	rt      *js.Runtime
	agents  *agents
	stopped atomic.Bool // Interrupt was called
}

func newGlassboxEngine(print func(string)) (engine, error) {
	rt := js.New()
	a := &agents{print: print}
	if err := installHost(rt, print, a); err != nil {
		return nil, err
	}
	return &glassboxEngine{rt: rt, agents: a}, nil
}

// SetCanBlock sets the main agent's [[CanBlock]].
func (e *glassboxEngine) SetCanBlock(b bool) { e.rt.SetCanBlock(b) }

// Close stops the agents the test started.
func (e *glassboxEngine) Close() { e.agents.close() }

func (e *glassboxEngine) RunScript(name, src string) error {
	_, err := e.rt.RunScript(name, src)
	return e.convertError(err)
}

// RunJobs runs the job queue, and goes on while Atomics.waitAsync calls
// wait for a timeout or for an agent that may still notify them, as a
// shell's event loop does.
func (e *glassboxEngine) RunJobs() error {
	for {
		if err := e.convertError(e.rt.RunJobs()); err != nil {
			return err
		}
		n, next := e.rt.PendingWaits()
		if n == 0 || next.IsZero() && !e.agents.running() {
			return nil
		}
		if e.stopped.Load() {
			return errInterrupted
		}
		wait := time.Millisecond
		if !next.IsZero() {
			wait = max(min(wait, time.Until(next)), 0)
		}
		time.Sleep(wait)
	}
}

func (e *glassboxEngine) Interrupt() {
	e.stopped.Store(true)
	e.rt.Interrupt()
	e.agents.interrupt()
}

// convertError turns the engine's errors into the runner's.
func (e *glassboxEngine) convertError(err error) error {
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
		if name == "" {
			// Objects that are not errors (Test262Error) are named by
			// their constructor.
			name = e.constructorName(exc.Value)
		}
		return &scriptError{Name: name, Message: exc.Message(), Early: name == "SyntaxError"}
	case errors.As(err, &intr):
		return errInterrupted
	}
	return err
}

// constructorName returns v.constructor.name, or "".
func (e *glassboxEngine) constructorName(v js.Value) string {
	if !v.IsObject() {
		return ""
	}
	c, err := e.rt.GetProperty(v, "constructor")
	if err != nil {
		return ""
	}
	n, err := e.rt.GetProperty(c, "name")
	if err != nil || !n.IsString() {
		return ""
	}
	s, _ := e.rt.ToString(n)
	return s
}

// installHost defines print and $262 (INTERPRETING.md, "Host-Defined
// Functions") on a realm's global object.
func installHost(rt *js.Runtime, print func(string), a *agents) error {
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
	agent, err := newAgent(rt, a)
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
			if err := installHost(realm, print, a); err != nil {
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

// newAgent returns $262.agent for the main agent: start, broadcast and
// getReport talk to the agents of a; sleep and monotonicNow work as in
// the agents.
func newAgent(rt *js.Runtime, a *agents) (js.Value, error) {
	ag := rt.NewObject()
	fns := []struct {
		name string
		fn   func(c *js.Call) (js.Value, error)
	}{
		{"start", func(c *js.Call) (js.Value, error) {
			src, err := c.Runtime.ToString(c.Arg(0))
			if err != nil {
				return js.Undefined(), err
			}
			if err := a.start(src); err != nil {
				return js.Undefined(), c.Runtime.Throw(c.Runtime.NewError("Error", "$262.agent.start: "+err.Error()))
			}
			return js.Undefined(), nil
		}},
		{"broadcast", func(c *js.Call) (js.Value, error) {
			if err := a.broadcast(c.Arg(0), c.Arg(1)); err != nil {
				return js.Undefined(), c.Runtime.Throw(c.Runtime.NewError("TypeError", err.Error()))
			}
			return js.Undefined(), nil
		}},
		{"getReport", func(c *js.Call) (js.Value, error) { return a.getReport(), nil }},
		{"sleep", agentSleep},
		{"monotonicNow", agentNow},
	}
	for _, f := range fns {
		if err := rt.SetProperty(ag, f.name, rt.NewFunction(f.name, 1, f.fn)); err != nil {
			return js.Undefined(), err
		}
	}
	return ag, nil
}

// SetModuleReader makes the runtime load modules from the suite.
func (e *glassboxEngine) SetModuleReader(read func(string) (string, error)) {
	e.rt.SetModuleLoader(fileLoader{read})
}

// RunModule compiles, loads, links and evaluates the module, telling the
// phase of an error by the step that failed.
func (e *glassboxEngine) RunModule(name, src string) error {
	m, err := e.rt.CompileModule(name, src)
	if err != nil {
		return e.convertError(err)
	}
	if _, err := e.rt.Await(m.LoadRequested()); err != nil {
		return e.resolutionError(err)
	}
	if err := m.Link(); err != nil {
		return e.resolutionError(err)
	}
	p, err := m.Evaluate()
	if err != nil {
		return e.convertError(err)
	}
	_, err = e.rt.Await(p)
	if errors.Is(err, js.ErrPending) {
		// Waiting forever (an await of a promise nothing resolves) is
		// not an error; async tests say whether they finished.
		return nil
	}
	if err != nil {
		err = e.convertError(err)
		var se *scriptError
		if errors.As(err, &se) {
			se.Early = false
		}
	}
	return err
}

func (e *glassboxEngine) resolutionError(err error) error {
	err = e.convertError(err)
	var se *scriptError
	if errors.As(err, &se) {
		se.Early, se.Resolution = false, true
	}
	return err
}

// fileLoader loads test262's modules: specifiers are paths relative to
// the importing file; files ending in .json are JSON modules.
type fileLoader struct {
	read func(string) (string, error)
}

func (l fileLoader) Resolve(specifier, referrer string) (string, error) {
	if !strings.HasPrefix(specifier, "./") && !strings.HasPrefix(specifier, "../") {
		return "", fmt.Errorf("cannot resolve module specifier '%s'", specifier)
	}
	return path.Join(path.Dir(referrer), specifier), nil
}

func (l fileLoader) Load(key, typ string, done func(string, error)) {
	// A file's name says its type, as a server's MIME type would; text
	// modules may be any file.
	if json := strings.HasSuffix(key, ".json"); typ != "text" && json != (typ == "json") {
		done("", fmt.Errorf("%s: not a module of type %q", key, typ))
		return
	}
	done(l.read(key))
}

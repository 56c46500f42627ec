package main

import (
	"errors"
	"fmt"
	"path"
	"runtime"
	"strings"
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
	return e.convertError(err)
}

func (e *glassboxEngine) RunJobs() error { return e.convertError(e.rt.RunJobs()) }

func (e *glassboxEngine) Interrupt() { e.rt.Interrupt() }

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

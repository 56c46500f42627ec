package js

import (
	"errors"
	"fmt"

	"glassbox/js/bytecode"
	"glassbox/js/compiler"
	"glassbox/js/vm"
)

// ModuleLoader is the host's part of loading modules: it resolves
// specifiers to keys (URLs, in a browser) and fetches source. The runtime
// keeps a module map from keys to modules, so each key is loaded once per
// realm.
type ModuleLoader interface {
	// Resolve returns the key of the module that specifier names when
	// imported by referrer: the key of the importing module, or the name
	// of the importing script for import() in a script ("" when the host
	// itself imports). Errors become TypeErrors in JavaScript.
	Resolve(specifier, referrer string) (key string, err error)
	// Load fetches the module with key. It must call done exactly once,
	// either before returning or later on the goroutine that runs the
	// runtime (from a task of the host's event loop, which then runs
	// RunJobs). typ is the module type the importer asked for with
	// import attributes: "" for JavaScript, "json" or "text" (whose
	// default export is the source as a string).
	Load(key, typ string, done func(src string, err error))
}

// Module is a module of a runtime's module map.
type Module struct {
	rt *Runtime
	m  *vm.Module
}

// Key returns the module's key.
func (m *Module) Key() string { return m.m.Key }

// Status returns the module's [[Status]]: "new", "unlinked", "linking",
// "linked", "evaluating", "evaluating-async" or "evaluated".
func (m *Module) Status() string { return m.m.Status().String() }

// mapKey is a module map key: the module's key and its type.
type mapKey struct{ key, typ string }

// mapEntry is a module map entry, possibly still being fetched.
type mapEntry struct {
	done    bool
	m       *vm.Module
	err     error
	waiters []func(*vm.Module, error)
}

// moduleHost is the module state of a runtime.
type moduleHost struct {
	loader ModuleLoader
	mmap   map[mapKey]*mapEntry
}

// SetModuleLoader installs the loader imports go through. Without one,
// imports of modules not compiled with CompileModule fail.
func (r *Runtime) SetModuleLoader(l ModuleLoader) { r.modules.loader = l }

// installModuleHooks connects the agent's module hooks to the runtimes.
func (r *Runtime) installModuleHooks() {
	r.it.HostLoadImportedModule = func(realm *vm.Realm, referrer string, req bytecode.ModuleRequest, done func(*vm.Module, error)) {
		rt := r.agent.runtimes[realm]
		if rt == nil {
			done(nil, errors.New("no runtime for realm"))
			return
		}
		rt.loadImported(referrer, req, done)
	}
	r.it.HostImportMetaProperties = func(m *vm.Module) []vm.MetaProperty {
		return []vm.MetaProperty{{Key: "url", Value: vm.Str(m.Key)}}
	}
}

// loadImported is HostLoadImportedModule for this realm.
func (r *Runtime) loadImported(referrer string, req bytecode.ModuleRequest, done func(*vm.Module, error)) {
	typ := ""
	for _, a := range req.Attributes {
		if a.Key == "type" {
			typ = a.Value
		}
	}
	if typ != "" && typ != "json" && typ != "text" {
		done(nil, r.throwError("TypeError", fmt.Sprintf("Unsupported module type %q", typ)))
		return
	}
	key := req.Specifier
	if r.modules.loader != nil {
		k, err := r.modules.loader.Resolve(req.Specifier, referrer)
		if err != nil {
			done(nil, r.throwError("TypeError", err.Error()))
			return
		}
		key = k
	}
	mk := mapKey{key, typ}
	e := r.modules.mmap[mk]
	if e != nil {
		if e.done {
			done(e.m, e.err)
		} else {
			e.waiters = append(e.waiters, done)
		}
		return
	}
	if r.modules.loader == nil {
		done(nil, r.throwError("TypeError", fmt.Sprintf("Cannot find module '%s'", req.Specifier)))
		return
	}
	e = &mapEntry{waiters: []func(*vm.Module, error){done}}
	r.modules.mmap[mk] = e
	r.modules.loader.Load(key, typ, func(src string, err error) {
		if e.done {
			return
		}
		var m *vm.Module
		if err != nil {
			var ex *vm.Exception
			if !errors.As(err, &ex) {
				err = r.throwError("TypeError", fmt.Sprintf("Cannot load module '%s': %v", key, err))
			}
		} else if typ == "text" {
			m = r.it.NewSyntheticModule(r.realm, key, []string{"default"}, []vm.Value{vm.Str(src)})
		} else if typ == "json" {
			var v vm.Value
			v, err = r.it.ParseJSON(r.realm, src)
			if err == nil {
				m = r.it.NewSyntheticModule(r.realm, key, []string{"default"}, []vm.Value{v})
			}
		} else {
			var t *bytecode.ModuleTemplate
			t, err = compiler.CompileModule(key, src)
			if err != nil {
				err = r.syntaxError(err)
			} else {
				m = r.it.NewSourceModule(r.realm, key, t)
				m.HostDefined = r
			}
		}
		e.done, e.m, e.err = true, m, err
		ws := e.waiters
		e.waiters = nil
		for _, w := range ws {
			w(m, err)
		}
	})
}

// throwError returns an *Exception with a new error object of kind.
func (r *Runtime) throwError(kind, msg string) error {
	return &vm.Exception{Value: r.NewError(kind, msg)}
}

// CompileModule compiles src as the JavaScript module with the given key
// and enters it in the module map, so that imports resolving to key get
// it. Syntax errors come back as an *Exception whose Name is
// "SyntaxError".
func (r *Runtime) CompileModule(key, src string) (*Module, error) {
	t, err := compiler.CompileModule(key, src)
	if err != nil {
		return nil, r.syntaxError(err)
	}
	m := r.it.NewSourceModule(r.realm, key, t)
	m.HostDefined = r
	r.modules.mmap[mapKey{key, ""}] = &mapEntry{done: true, m: m}
	return &Module{rt: r, m: m}, nil
}

// LoadRequested loads the modules m imports, directly and indirectly,
// through the loader (LoadRequestedModules); it returns a promise that
// settles when they are all loaded or one failed.
func (m *Module) LoadRequested() Value {
	return vm.ObjValue(m.rt.it.LoadRequestedModules(m.m))
}

// Link binds the imports of m's graph, which must be loaded. An import
// that no module exports is a SyntaxError.
func (m *Module) Link() error {
	m.rt.it.SetRealm(m.rt.realm)
	return m.rt.it.Link(m.m)
}

// Evaluate runs m's graph, which must be linked, and returns a promise
// that settles when it has run: modules with top-level await finish in
// later jobs. A thrown error rejects the promise; the error returned is
// one that cannot be caught (*Interrupted).
func (m *Module) Evaluate() (Value, error) {
	m.rt.it.SetRealm(m.rt.realm)
	p, err := m.rt.it.Evaluate(m.m)
	return vm.ObjValue(p), err
}

// Namespace returns m's module namespace object.
func (m *Module) Namespace() Value {
	var ns vm.Value
	m.rt.guard(func() (Value, error) {
		ns = vm.ObjValue(m.rt.it.ModuleNamespace(m.m))
		return ns, nil
	})
	return ns
}

// RunModule compiles src as the module key, then loads, links and
// evaluates its graph. It returns a promise of the module's namespace,
// rejected with the first error; Await waits for it.
func (r *Runtime) RunModule(key, src string) (Value, error) {
	m, err := r.CompileModule(key, src)
	if err != nil {
		return vm.Undefined, err
	}
	r.it.SetRealm(r.realm)
	return vm.ObjValue(r.it.ImportModule(m.m)), nil
}

// ImportModule is import(specifier) by the host: specifier is resolved
// against referrer and the promise resolves to the namespace.
func (r *Runtime) ImportModule(specifier, referrer string) Value {
	r.it.SetRealm(r.realm)
	var p Value
	r.guard(func() (Value, error) {
		p = r.it.DynamicImport(r.realm, referrer, vm.Str(specifier))
		return p, nil
	})
	return p
}

// ErrPending is returned by Await for a promise that is still pending once
// no job is left: it waits on something the host has not delivered yet.
var ErrPending = errors.New("js: promise still pending with no jobs left to run")

// Await runs jobs until promise p settles and returns its value, or its
// rejection as an *Exception. A value that is not a promise is returned
// as it is.
func (r *Runtime) Await(p Value) (Value, error) {
	for {
		state, v, ok := vm.PromiseState(p)
		if !ok {
			return p, nil
		}
		switch state {
		case 1:
			return v, nil
		case 2:
			return vm.Undefined, &vm.Exception{Value: v}
		}
		if !r.it.HasJobs() {
			return vm.Undefined, ErrPending
		}
		if err := r.RunJobs(); err != nil {
			return vm.Undefined, err
		}
	}
}

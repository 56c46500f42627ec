// Package js is Glassbox's JavaScript engine and its embedding API.
//
// Source is parsed with github.com/tdewolff/parse/v2/js and compiled
// (package js/compiler) to a register bytecode with an accumulator, in the
// style of V8's Ignition (package js/bytecode). The interpreter (package
// js/vm) runs it with objects that have shapes (hidden classes) and
// property sites with inline caches. The engine knows nothing of the DOM:
// the web bindings live on the engine side (engine/), which embeds this
// package through the API below.
//
// A Runtime is one realm and its job queue:
//
//	rt := js.New()
//	rt.Set("print", rt.NewFunction("print", 1, func(c *js.Call) (js.Value, error) {
//		s, err := c.Runtime.ToString(c.Arg(0))
//		fmt.Println(s)
//		return js.Undefined(), err
//	}))
//	v, err := rt.RunScript("main.js", "1 + 2")
//
// Errors thrown by scripts reach Go as *Exception; Interrupt stops a
// running script from another goroutine with *Interrupted.
//
// Modules are loaded through a ModuleLoader the host installs with
// SetModuleLoader (see module.go): RunModule compiles a module and
// returns a promise of its namespace once its graph is loaded, linked and
// evaluated, and Await runs jobs until a promise settles.
package js

import (
	"errors"
	"fmt"
	"time"

	"glassbox/js/bytecode"
	"glassbox/js/compiler"
	"glassbox/js/vm"
)

// Value is a JavaScript value. The zero Value is undefined.
type Value = vm.Value

// Exception is a JavaScript throw that escaped to Go.
type Exception = vm.Exception

// Interrupted is the error a script stops with after Interrupt.
type Interrupted = vm.Interrupted

// Undefined returns undefined.
func Undefined() Value { return vm.Undefined }

// Null returns null.
func Null() Value { return vm.Null }

// Bool returns a boolean.
func Bool(b bool) Value { return vm.Bool(b) }

// Number returns a number.
func Number(f float64) Value { return vm.Num(f) }

// String returns a string value for Go text.
func String(s string) Value { return vm.Str(s) }

// Runtime is one realm (a global object and its intrinsics) with the job
// queue of its agent. It is used from one goroutine, except Interrupt.
type Runtime struct {
	it      *vm.Interp
	realm   *vm.Realm
	agent   *agent
	modules moduleHost
}

// agent is what the runtimes (realms) of one agent share.
type agent struct {
	runtimes map[*vm.Realm]*Runtime
}

func (a *agent) add(it *vm.Interp, realm *vm.Realm) *Runtime {
	rt := &Runtime{it: it, realm: realm, agent: a, modules: moduleHost{mmap: map[mapKey]*mapEntry{}}}
	a.runtimes[realm] = rt
	return rt
}

// New returns a runtime with the standard built-ins.
func New() *Runtime {
	it, realm := vm.NewInterp()
	rt := (&agent{runtimes: map[*vm.Realm]*Runtime{}}).add(it, realm)
	rt.installModuleHooks()
	it.Compile = func(name, src string, strict bool) (*bytecode.FunctionTemplate, error) {
		t, err := compiler.Compile(name, src, compiler.Options{Strict: strict})
		if err != nil {
			return nil, rt.syntaxError(err)
		}
		return t, nil
	}
	it.CompileEval = func(src string, scope *bytecode.EvalScope) (*bytecode.FunctionTemplate, error) {
		t, err := compiler.Compile("eval", src, compiler.Options{Eval: scope})
		if err != nil {
			return nil, rt.syntaxError(err)
		}
		return t, nil
	}
	return rt
}

// NewRealm returns a runtime with its own global object and intrinsics
// that shares this one's agent: its job queue and interrupt flag.
func (r *Runtime) NewRealm() *Runtime {
	return r.agent.add(r.it, r.it.NewRealm())
}

// Compile compiles a script without running it, for tools.
func Compile(name, src string) (*bytecode.FunctionTemplate, error) {
	return compiler.Compile(name, src, compiler.Options{})
}

// RunScript parses, compiles and runs a classic script (sloppy unless it
// starts with "use strict"), returning its completion value. name is used
// in stack traces. Syntax errors come back as an *Exception whose Name is
// "SyntaxError".
func (r *Runtime) RunScript(name, src string) (Value, error) {
	t, err := compiler.Compile(name, src, compiler.Options{})
	if err != nil {
		return vm.Undefined, r.syntaxError(err)
	}
	return r.RunCompiled(t)
}

// RunCompiled runs a script compiled with Compile.
func (r *Runtime) RunCompiled(t *bytecode.FunctionTemplate) (Value, error) {
	r.it.SetRealm(r.realm)
	return r.it.RunTemplate(r.realm, t)
}

// syntaxError turns a compile error into a thrown SyntaxError object.
func (r *Runtime) syntaxError(err error) error {
	var se *compiler.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	prev := r.it.Realm()
	r.it.SetRealm(r.realm)
	defer r.it.SetRealm(prev)
	msg := fmt.Sprintf("%s (%s:%d:%d)", se.Msg, se.File, se.Line, se.Column)
	o := r.it.NewError(vm.SyntaxError, msg)
	return &vm.Exception{Value: vm.ObjValue(o), Stack: []vm.StackFrame{{File: se.File, Line: se.Line, Column: se.Column}}}
}

// RunJobs runs queued promise jobs until none are left; the first
// uncaught exception from a job is returned.
func (r *Runtime) RunJobs() error { return r.it.RunJobs() }

// UnhandledRejections returns the reasons of promises rejected without a
// handler since the last call (Node reports them after each task).
func (r *Runtime) UnhandledRejections() []Value { return r.it.UnhandledRejections() }

// Interrupt makes the running (or next) script throw an uncatchable
// *Interrupted. It is safe from any goroutine; r stays usable afterwards.
func (r *Runtime) Interrupt() { r.it.Interrupt() }

// Set defines a global variable as the built-ins are: writable and
// configurable but not enumerable.
func (r *Runtime) Set(name string, v Value) error {
	r.realm.Global.DefineOwn(vm.StrKey(name), v, vm.Hidden)
	return nil
}

// Get reads a global variable (a property of the global object).
func (r *Runtime) Get(name string) (Value, error) {
	return r.guard(func() (Value, error) { return r.it.Get(r.realm.Global, vm.StrKey(name)) })
}

// Global returns the global object.
func (r *Runtime) Global() Value { return vm.ObjValue(r.realm.Global) }

// Call is the invocation of a host function.
type Call struct {
	Runtime *Runtime
	This    Value
	Args    []Value
	// NewTarget is the constructor when called with new, else undefined.
	NewTarget Value
}

// Arg returns argument i, or undefined when absent.
func (c *Call) Arg(i int) Value {
	if i < len(c.Args) {
		return c.Args[i]
	}
	return vm.Undefined
}

// NewFunction makes a function implemented in Go. An error it returns
// that is an *Exception throws that exception's value; any other error
// throws a JavaScript Error with the error's text as message.
func (r *Runtime) NewFunction(name string, length int, fn func(c *Call) (Value, error)) Value {
	f := r.realm.NewHostFunction(name, length, func(it *vm.Interp, this vm.Value, args []vm.Value, nt *vm.Object) (vm.Value, error) {
		c := &Call{Runtime: r, This: this, Args: args, NewTarget: vm.ObjValue(nt)}
		v, err := fn(c)
		if err == nil {
			return v, nil
		}
		var ex *vm.Exception
		var intr *vm.Interrupted
		switch {
		case errors.As(err, &ex), errors.As(err, &intr):
			return vm.Undefined, err
		}
		return vm.Undefined, it.Throw(vm.ObjValue(it.NewError(vm.PlainError, err.Error())))
	})
	return vm.ObjValue(f)
}

// NewObject makes an empty ordinary object.
func (r *Runtime) NewObject() Value { return vm.ObjValue(r.realm.NewPlainObject()) }

// NewArray makes an array of the given values.
func (r *Runtime) NewArray(vals ...Value) Value { return vm.ObjValue(r.realm.NewArray(vals...)) }

// SetProperty assigns obj[key] = v as strict code would.
func (r *Runtime) SetProperty(obj Value, key string, v Value) error {
	_, err := r.guard(func() (Value, error) {
		return vm.Undefined, r.it.SetProperty(obj, vm.StrKey(key), v)
	})
	return err
}

// GetProperty reads obj[key].
func (r *Runtime) GetProperty(obj Value, key string) (Value, error) {
	return r.guard(func() (Value, error) { return r.it.GetProperty(obj, vm.StrKey(key)) })
}

// Call calls fn with this and args.
func (r *Runtime) Call(fn, this Value, args ...Value) (Value, error) {
	return r.guard(func() (Value, error) { return r.it.Call(fn, this, args...) })
}

// ToString is JavaScript's ToString, which may call user code.
func (r *Runtime) ToString(v Value) (string, error) {
	var out string
	_, err := r.guard(func() (Value, error) {
		s, err := r.it.ToString(v)
		if err == nil {
			out = s.String()
		}
		return vm.Undefined, err
	})
	return out, err
}

// Throw returns an error that, returned from a host function, throws v.
func (r *Runtime) Throw(v Value) error { return &vm.Exception{Value: v} }

// NewError makes an error object of the given kind ("Error", "TypeError",
// "RangeError", ...); unknown kinds make a plain Error.
func (r *Runtime) NewError(kind, msg string) Value {
	k, _ := vm.ErrorKindByName(kind)
	prev := r.it.Realm()
	r.it.SetRealm(r.realm)
	defer r.it.SetRealm(prev)
	return vm.ObjValue(r.it.NewError(k, msg))
}

// DetachArrayBuffer detaches an ArrayBuffer, as a host does when it takes
// the buffer's memory (test262's $262.detachArrayBuffer); it throws a
// TypeError for anything else.
func (r *Runtime) DetachArrayBuffer(v Value) error { return r.it.DetachArrayBuffer(v) }

// SharedMemory is the memory of a SharedArrayBuffer, for sharing it with
// a runtime on another goroutine (an agent).
type SharedMemory = vm.SharedMemory

// SharedMemoryOf returns the memory of SharedArrayBuffer v.
func SharedMemoryOf(v Value) (SharedMemory, bool) { return vm.SharedMemoryOf(v) }

// NewSharedArrayBuffer makes a SharedArrayBuffer over memory shared with
// another runtime.
func (r *Runtime) NewSharedArrayBuffer(m SharedMemory) Value {
	return vm.ObjValue(r.realm.NewSharedArrayBuffer(m))
}

// SetCanBlock sets the agent's [[CanBlock]]: whether Atomics.wait may
// suspend it. Runtimes start unable to block, as a browser's main thread.
func (r *Runtime) SetCanBlock(b bool) { r.it.CanBlock = b }

// PendingWaits reports the Atomics.waitAsync calls still waiting and the
// earliest of their timeouts (zero when none has one): a host's event loop
// calls RunJobs again by then, or after another agent's Atomics.notify.
func (r *Runtime) PendingWaits() (n int, next time.Time) { return r.it.PendingWaits() }

// Interp exposes the virtual machine, for tools in this module.
func (r *Runtime) Interp() *vm.Interp { return r.it }

// Realm exposes the realm, for tools in this module.
func (r *Runtime) Realm() *vm.Realm { return r.realm }

func (r *Runtime) guard(f func() (Value, error)) (Value, error) {
	var v Value
	prev := r.it.Realm()
	r.it.SetRealm(r.realm)
	defer r.it.SetRealm(prev)
	err := r.it.Guard(func() error {
		var err error
		v, err = f()
		return err
	})
	return v, err
}

// NewHostObject makes an object that carries embedder data, with the
// given prototype (an object, or null). When data implements HostIndexed
// the object has live read-only indexed properties.
func (r *Runtime) NewHostObject(proto Value, data any) Value {
	return vm.ObjValue(vm.NewHostObject(proto.Obj(), data))
}

// HostIndexed gives a host object indexed properties computed on access.
type HostIndexed = vm.HostIndexed

// HostData returns the data of an object made by NewHostObject, or nil
// for any other value.
func HostData(v Value) any { return v.Obj().HostData() }

// DefineAccessor defines an accessor property on obj, configurable and
// enumerable as WebIDL attributes are. get or set may be undefined.
func (r *Runtime) DefineAccessor(obj Value, name string, get, set Value) {
	obj.Obj().DefineAccessor(vm.StrKey(name), get.Obj(), set.Obj(), vm.Enumerable|vm.Configurable)
}

// DefineMethod defines a writable, configurable, enumerable data property,
// as WebIDL operations are.
func (r *Runtime) DefineMethod(obj Value, name string, v Value) {
	obj.Obj().DefineOwn(vm.StrKey(name), v, vm.Default)
}

// DefineConstant defines a read-only, non-configurable, enumerable data
// property, as WebIDL constants are.
func (r *Runtime) DefineConstant(obj Value, name string, v Value) {
	obj.Obj().DefineOwn(vm.StrKey(name), v, vm.Enumerable)
}

// SetPrototype sets obj's prototype (an object or null) without checks.
func (r *Runtime) SetPrototype(obj, proto Value) { obj.Obj().SetProto(proto.Obj()) }

// MakeConstructor gives the host function f [[Construct]] and links it to
// proto through f.prototype and proto.constructor.
func (r *Runtime) MakeConstructor(f, proto Value) { f.Obj().MakeConstructor(proto.Obj()) }

// EnqueueJob adds a job to the agent's job queue (the HTML microtask
// queue); RunJobs runs it.
func (r *Runtime) EnqueueJob(job func() error) { r.it.EnqueueJob(job) }

// ToNumber is JavaScript's ToNumber, which may call user code.
func (r *Runtime) ToNumber(v Value) (float64, error) {
	var out float64
	_, err := r.guard(func() (Value, error) {
		f, err := r.it.ToNumber(v)
		out = f
		return vm.Undefined, err
	})
	return out, err
}

// HostNamed gives a host object named properties the embedder keeps.
type HostNamed = vm.HostNamed

// FunctionGlobal returns the global object of the realm a function
// belongs to, and false when fn is not a function.
func FunctionGlobal(fn Value) (Value, bool) {
	r := fn.Obj().FunctionRealm()
	if r == nil {
		return vm.Undefined, false
	}
	return vm.ObjValue(r.Global), true
}

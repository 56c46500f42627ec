package main

import "errors"

// An engine is one fresh test realm: a JavaScript runtime with the host
// bindings of INTERPRETING.md (print, $262) installed on its global object.
// RunScript and RunJobs are called from one goroutine; Interrupt may be
// called from any goroutine, at any time, any number of times.
type engine interface {
	// RunScript runs src as a global script. It returns a *scriptError for
	// an uncaught exception (syntax errors included) and errInterrupted
	// when stopped by Interrupt.
	RunScript(name, src string) error
	// RunJobs runs the job queue (promise reactions) until it is empty.
	RunJobs() error
	// Interrupt makes a running or later RunScript or RunJobs stop soon
	// with errInterrupted.
	Interrupt()
}

// A moduleEngine can also run module code (INTERPRETING.md, "Modules").
// Module specifiers name files relative to the importing file (or, for
// import() in a script, to the script's name); read returns the contents
// of a file given its slash-separated path relative to the suite root.
type moduleEngine interface {
	engine
	// SetModuleReader sets where modules come from, before anything runs.
	SetModuleReader(read func(path string) (string, error))
	// RunModule runs src as the module at path name, with its imports,
	// until its evaluation settles. Its errors are *scriptErrors whose
	// Early or Resolution fields tell the phase.
	RunModule(name, src string) error
}

// An engineFactory makes an engine whose print host function passes the
// string value of its first argument to print.
type engineFactory func(print func(string)) (engine, error)

// A scriptError is an uncaught JavaScript exception.
type scriptError struct {
	Name    string // the thrown error's constructor name, e.g. "TypeError"
	Message string
	// Early is true when the engine reported the error before any of the
	// script ran (a syntax or other early error).
	Early bool
	// Resolution is true for an error loading or linking a module graph
	// (a fixture that does not parse, an import nothing exports).
	Resolution bool
}

func (e *scriptError) Error() string {
	switch {
	case e.Name == "":
		return "uncaught " + e.Message
	case e.Message == "":
		return e.Name
	}
	return e.Name + ": " + e.Message
}

// errInterrupted is returned by an engine stopped by Interrupt.
var errInterrupted = errors.New("interrupted")

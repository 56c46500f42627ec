// Command js runs JavaScript with Glassbox's engine, like V8's d8 shell.
//
//	js [-print-bytecode] FILE.js   run a script, then its timers and jobs
//	js -module FILE.js             run a module (files ending in .mjs always are)
//	js                             read-eval-print loop on stdin
//
// Scripts see print(...), console.log(...), load(file), setTimeout,
// clearTimeout and queueMicrotask. Modules and import() load files by paths
// relative to the importing file. An uncaught exception prints
// "Uncaught ..." with its stack to stderr and exits with status 1.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"glassbox/js"
	"glassbox/js/bytecode"
)

func main() {
	printBytecode := flag.Bool("print-bytecode", false, "print each function's bytecode before running it")
	module := flag.Bool("module", false, "run the files as modules")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to `file`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: js [-print-bytecode] [-module] [file.js ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	sh := newShell(os.Stdout, os.Stderr)
	sh.printBytecode = *printBytecode
	if flag.NArg() == 0 {
		sh.repl(os.Stdin)
		return
	}
	ok := true
	for _, f := range flag.Args() {
		if *module || isModuleFile(f) {
			ok = sh.runModule(f)
		} else {
			ok = sh.runFile(f)
		}
		if !ok {
			break
		}
	}
	if ok && !sh.loop() {
		ok = false
	}
	if ok && !sh.settledModules(true) {
		ok = false
	}
	if !ok {
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

// shell is the state of one run: the runtime and its timer queue.
type shell struct {
	rt            *js.Runtime
	out, errOut   io.Writer
	printBytecode bool
	timers        []*timer
	nextID        int
	modules       []js.Value // evaluation promises of modules not settled yet
}

type timer struct {
	id        int
	due       int // virtual time: timers run in order of due, then id
	fn        js.Value
	args      []js.Value
	cancelled bool
}

func newShell(out, errOut io.Writer) *shell {
	sh := &shell{rt: js.New(), out: out, errOut: errOut}
	rt := sh.rt
	rt.SetModuleLoader(fileLoader{})
	str := func(v js.Value) string {
		s, err := rt.ToString(v)
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return s
	}
	rt.Set("print", rt.NewFunction("print", 0, func(c *js.Call) (js.Value, error) {
		for i, a := range c.Args {
			if i > 0 {
				fmt.Fprint(sh.out, " ")
			}
			fmt.Fprint(sh.out, str(a))
		}
		fmt.Fprintln(sh.out)
		return js.Undefined(), nil
	}))
	console := rt.NewObject()
	logFn := rt.NewFunction("log", 0, func(c *js.Call) (js.Value, error) {
		for i, a := range c.Args {
			if i > 0 {
				fmt.Fprint(sh.out, " ")
			}
			fmt.Fprint(sh.out, inspect(a))
		}
		fmt.Fprintln(sh.out)
		return js.Undefined(), nil
	})
	for _, name := range []string{"log", "info", "warn", "error", "debug"} {
		rt.SetProperty(console, name, logFn)
	}
	rt.Set("console", console)
	rt.Set("load", rt.NewFunction("load", 1, func(c *js.Call) (js.Value, error) {
		name := str(c.Arg(0))
		src, err := os.ReadFile(name)
		if err != nil {
			return js.Undefined(), err
		}
		return sh.run(name, string(src))
	}))
	rt.Set("setTimeout", rt.NewFunction("setTimeout", 2, func(c *js.Call) (js.Value, error) {
		delay := 0.0
		if f, ok := c.Arg(1).ToFloat(); ok && f > 0 {
			delay = f
		}
		sh.nextID++
		var args []js.Value
		if len(c.Args) > 2 {
			args = append(args, c.Args[2:]...)
		}
		sh.timers = append(sh.timers, &timer{id: sh.nextID, due: int(delay), fn: c.Arg(0), args: args})
		return js.Number(float64(sh.nextID)), nil
	}))
	rt.Set("clearTimeout", rt.NewFunction("clearTimeout", 1, func(c *js.Call) (js.Value, error) {
		if f, ok := c.Arg(0).ToFloat(); ok {
			for _, t := range sh.timers {
				if t.id == int(f) {
					t.cancelled = true
				}
			}
		}
		return js.Undefined(), nil
	}))
	rt.Set("queueMicrotask", rt.NewFunction("queueMicrotask", 1, func(c *js.Call) (js.Value, error) {
		fn := c.Arg(0)
		rt.Interp().EnqueueJob(func() error {
			_, err := rt.Call(fn, js.Undefined())
			return err
		})
		return js.Undefined(), nil
	}))
	return sh
}

// run compiles and runs one script, printing its bytecode when asked.
func (sh *shell) run(name, src string) (js.Value, error) {
	t, err := js.Compile(name, src)
	if err != nil {
		return sh.rt.RunScript(name, src) // reports the SyntaxError as an exception
	}
	if sh.printBytecode {
		bytecode.Disassemble(sh.out, t)
		fmt.Fprintln(sh.out)
	}
	return sh.rt.RunCompiled(t)
}

func (sh *shell) runFile(name string) bool {
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(sh.errOut, err)
		return false
	}
	_, err = sh.run(name, string(src))
	return sh.report(err) && sh.report(sh.rt.RunJobs()) && sh.checkRejections()
}

// checkRejections reports promises rejected with no handler, as Node
// does at the end of a task.
func (sh *shell) checkRejections() bool {
	rs := sh.rt.UnhandledRejections()
	for _, v := range rs {
		fmt.Fprintln(sh.errOut, "Uncaught (in promise) "+inspect(v))
	}
	return len(rs) == 0
}

// loop runs timers in order, with a microtask checkpoint after each.
func (sh *shell) loop() bool {
	now := 0
	for {
		var next *timer
		idx := -1
		for i, t := range sh.timers {
			if !t.cancelled && (next == nil || t.due < next.due || t.due == next.due && t.id < next.id) {
				next, idx = t, i
			}
		}
		if next == nil {
			return true
		}
		sh.timers = append(sh.timers[:idx], sh.timers[idx+1:]...)
		if next.due > now {
			now = next.due
		}
		// Timers scheduled while this one runs count from now.
		base := now
		_, err := sh.rt.Call(next.fn, js.Undefined(), next.args...)
		for _, t := range sh.timers {
			if t.due < base && t.id > next.id {
				t.due += base
			}
		}
		if !sh.report(err) || !sh.report(sh.rt.RunJobs()) || !sh.settledModules(false) || !sh.checkRejections() {
			return false
		}
	}
}

// report prints an uncaught error; it returns false when there was one.
func (sh *shell) report(err error) bool {
	if err == nil {
		return true
	}
	var ex *js.Exception
	if errors.As(err, &ex) {
		fmt.Fprintln(sh.errOut, "Uncaught "+ex.Error())
		return false
	}
	fmt.Fprintln(sh.errOut, "Error:", err)
	return false
}

func (sh *shell) repl(in io.Reader) {
	sc := bufio.NewScanner(in)
	for {
		fmt.Fprint(sh.errOut, "> ")
		if !sc.Scan() {
			fmt.Fprintln(sh.errOut)
			return
		}
		v, err := sh.run("repl", sc.Text())
		if err == nil {
			err = sh.rt.RunJobs()
		}
		if sh.report(err) {
			fmt.Fprintln(sh.out, inspect(v))
		}
		sh.loop()
	}
}

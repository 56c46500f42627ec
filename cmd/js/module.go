package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"glassbox/js"
)

// fileLoader loads modules from files: specifiers starting with "./",
// "../" or "/" are paths relative to the importing file (or to the
// working directory for import() from the REPL); modules imported with
// type "json" are JSON.
type fileLoader struct{}

func (fileLoader) Resolve(specifier, referrer string) (string, error) {
	if !strings.HasPrefix(specifier, "./") && !strings.HasPrefix(specifier, "../") && !strings.HasPrefix(specifier, "/") {
		return "", fmt.Errorf("cannot resolve module specifier '%s': only relative and absolute paths are supported", specifier)
	}
	if filepath.IsAbs(specifier) {
		return filepath.Clean(specifier), nil
	}
	dir := "."
	if referrer != "" && referrer != "repl" {
		dir = filepath.Dir(referrer)
	}
	abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(specifier)))
	if err != nil {
		return "", err
	}
	return abs, nil
}

func (fileLoader) Load(key, typ string, done func(string, error)) {
	b, err := os.ReadFile(key)
	done(string(b), err)
}

// isModuleFile reports whether a file runs as a module without -module.
func isModuleFile(name string) bool { return strings.HasSuffix(name, ".mjs") }

// runModule runs a file as a module. Its evaluation may wait for timers
// (top-level await): sh.modules keeps the promise, checked once the
// timers have run.
func (sh *shell) runModule(name string) bool {
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(sh.errOut, err)
		return false
	}
	key, err := filepath.Abs(name)
	if err != nil {
		fmt.Fprintln(sh.errOut, err)
		return false
	}
	p, err := sh.rt.RunModule(key, string(src))
	if !sh.report(err) {
		return false
	}
	sh.modules = append(sh.modules, p)
	if !sh.report(sh.rt.RunJobs()) {
		return false
	}
	return sh.settledModules(false) && sh.checkRejections()
}

// settledModules reports the modules whose evaluation failed, and, when
// final, those still waiting for an await nothing will resolve.
func (sh *shell) settledModules(final bool) bool {
	ok := true
	var pending []js.Value
	for _, p := range sh.modules {
		_, err := sh.rt.Await(p)
		switch {
		case errors.Is(err, js.ErrPending):
			if final {
				fmt.Fprintln(sh.errOut, "Error: the module's top-level await never finished")
				ok = false
			} else {
				pending = append(pending, p)
			}
		case !sh.report(err):
			ok = false
		}
	}
	sh.modules = pending
	return ok
}

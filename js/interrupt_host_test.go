package js

import (
	"errors"
	"testing"
	"time"
)

// An interrupt must also end loops running inside callbacks of built-ins
// (the interpreter re-entered from Go), and finally blocks must not run.
func TestInterruptInCallback(t *testing.T) {
	rt := New()
	time.AfterFunc(30*time.Millisecond, rt.Interrupt)
	_, err := rt.RunScript("cb.js", "var ran = false; try { [1].forEach(() => { for (;;) {} }) } finally { ran = true }")
	var intr *Interrupted
	if !errors.As(err, &intr) {
		t.Fatalf("got %v, want *Interrupted", err)
	}
	v, err := rt.RunScript("after.js", "ran")
	if err != nil || v.Export() != false {
		t.Errorf("finally ran after interrupt: %v %v", v.Export(), err)
	}
}

// Interrupt must stop built-ins that loop over a length scripts choose
// (up to 2^53-1) or over an endless iterator, not only bytecode loops.
func TestInterruptBuiltinLoops(t *testing.T) {
	scripts := []string{
		"Array.prototype.indexOf.call({length: 2 ** 53 - 1}, 1)",
		"Array.prototype.lastIndexOf.call({length: 2 ** 53 - 1}, 1)",
		"Array.prototype.includes.call({length: 2 ** 53 - 1}, 1)",
		"Array.prototype.forEach.call({length: 2 ** 53 - 1}, function () {})",
		"Array.prototype.reduce.call({length: 2 ** 53 - 1}, function () {}, 0)",
		"Array.prototype.fill.call({length: 2 ** 53 - 1}, 0)",
		"Array.prototype.reverse.call({length: 2 ** 53 - 1})",
		"Array.prototype.sort.call({length: 2 ** 53 - 1})",
		"Array.prototype.slice.call({length: 2 ** 32 - 1})",
		"Array.prototype.join.call({length: 2 ** 53 - 1}, '')",
		"var o = {length: 2 ** 52}; o[Symbol.isConcatSpreadable] = true; [].concat(o)",
		"Array.from({length: 2 ** 32 - 1})",
		"new Array(2 ** 32 - 1).join('')",
		"Promise.all({[Symbol.iterator]() { return {next() { return {done: false} }} }})",
		"Array.from({[Symbol.iterator]() { return {next() { return {done: false} }} }})",
		"[...new Array(2 ** 32 - 1)]",
		"Array.from('x'.repeat(2 ** 28))",
		"'x'.repeat(2 ** 28).split('')",
		"JSON.stringify(new Array(2 ** 27))",
	}
	for _, src := range scripts {
		rt := New()
		timer := time.AfterFunc(50*time.Millisecond, rt.Interrupt)
		start := time.Now()
		_, err := rt.RunScript("loop.js", src)
		timer.Stop()
		var intr *Interrupted
		if !errors.As(err, &intr) {
			t.Errorf("%s: got %v, want *Interrupted", src, err)
			continue
		}
		// Loose on purpose: without the interrupt these loops run for
		// hours, and a loaded CI machine must not fail a correct engine.
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: stopped after %v", src, d)
		}
	}
}

// Runtimes on different goroutines share nothing that they write: objects
// without a prototype used to share one root shape, whose transitions
// raced (fatal error: concurrent map writes).
func TestConcurrentRuntimes(t *testing.T) {
	const src = `
		var n = 0;
		for (var i = 0; i < 200; i++) {
			var o = Object.create(null);
			o.a = i; o['k' + (i % 7)] = 1; o.b = 2;
			var p = {}; Object.setPrototypeOf(p, null); p.x = 1;
			n += o.a + p.x;
		}
		n`
	done := make(chan error)
	for range 4 {
		go func() {
			var err error
			for range 20 {
				if _, err = New().RunScript("shapes.js", src); err != nil {
					break
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

package js

import (
	"errors"
	"testing"
	"time"

	"glassbox/js/vm"
)

// FuzzRunScript runs arbitrary source with an interrupt after 100 ms:
// every input must end in a value or a JavaScript error, never a Go panic
// (reported as *vm.InternalError) or a hang.
func FuzzRunScript(f *testing.F) {
	for _, tt := range scriptTests {
		f.Add(tt.src)
	}
	f.Add("for(;;){}")
	f.Add("function f(){ f() } f()")
	f.Fuzz(func(t *testing.T, src string) {
		rt := New()
		timer := time.AfterFunc(100*time.Millisecond, rt.Interrupt)
		defer timer.Stop()
		done := make(chan error, 1)
		go func() {
			_, err := rt.RunScript("fuzz.js", src)
			if err == nil {
				err = rt.RunJobs()
			}
			done <- err
		}()
		select {
		case err := <-done:
			var ie *vm.InternalError
			if errors.As(err, &ie) {
				t.Fatalf("internal error for %q: %v\n%s", src, ie.Panic, ie.Stack)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("hang for %q", src)
		}
	})
}

// FuzzRunModule runs arbitrary source as a module whose imports all load
// a small fixed module, or the fuzzed source itself for "self": every
// input must end in a namespace, a JavaScript error or ErrPending, never
// a Go panic or a hang.
func FuzzRunModule(f *testing.F) {
	for _, s := range []string{
		"import {x, inc} from 'a'; inc(); export default x;",
		"export * from 'a'; export * as ns from 'self'; import * as me from 'self'; me.x;",
		"import d from 'j' with { type: 'json' }; await import('self'); export let y = d;",
		"export { x as default, x as 'str' } from 'a'; for await (const v of [1]) {}",
		"export default class { static [await 1] = 2 }; import.meta.url;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		rt := New()
		rt.SetModuleLoader(&memLoader{src: map[string]string{
			"a":    "export let x = 1; export function inc() { x++; }",
			"j":    `{"k": 1}`,
			"self": src,
		}})
		timer := time.AfterFunc(100*time.Millisecond, rt.Interrupt)
		defer timer.Stop()
		done := make(chan error, 1)
		go func() {
			p, err := rt.RunModule("self", src)
			if err == nil {
				_, err = rt.Await(p)
			}
			done <- err
		}()
		select {
		case err := <-done:
			var ie *vm.InternalError
			if errors.As(err, &ie) {
				t.Fatalf("internal error for %q: %v\n%s", src, ie.Panic, ie.Stack)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("hang for %q", src)
		}
	})
}

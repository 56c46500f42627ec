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

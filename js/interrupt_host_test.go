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

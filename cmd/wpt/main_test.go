package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// The runner finds the testharness pages, serves them, collects their
// results, and counts a page that never completes as failed.
func TestRun(t *testing.T) {
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"-root", "testdata/root", "-timeout", "20s", "-v", "a"}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	got := out.String()
	for _, want := range []string{
		"a/pass.html: OK 2/3",
		`FAIL "three fails": assert_equals: 1 !== 2`,
		"a/timeout.html: TIMEOUT 0/1",
		"a/                                                     2/4     passed  of Chromium's 3 passes: 2 (66.7%)",
		"Chromium 156 passes 3 of these subtests; 2 of them pass here (66.7%)",
		"2 passed, 2 failed\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "not-a-test") {
		t.Errorf("a page without testharness.js was run:\n%s", got)
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name string
		r    result
		want counts
	}{
		{"ok", result{harness: "OK", tests: []subtest{{Name: "a"}, {Name: "b", Status: 1}}}, counts{pass: 1, fail: 1}},
		{"error fails all", result{harness: "ERROR", tests: []subtest{{Name: "a"}, {Name: "b"}}}, counts{fail: 2}},
		{"timeout with none reported fails one", result{harness: "TIMEOUT"}, counts{fail: 1}},
	}
	for _, tt := range tests {
		if got := score(tt.r, nil); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

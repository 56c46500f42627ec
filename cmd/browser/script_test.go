package main

import (
	"strings"
	"testing"
)

// -console prints each console message and uncaught error on one line;
// -dump-dom prints the DOM as scripts left it after load and -duration.
func TestConsoleAndDumpDOM(t *testing.T) {
	code, stdout, stderr := runBrowser(t, "-headless", "-console", "-dump-dom", "-duration", "500ms", "testdata/scripts/counter.html")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	wantConsole := []string{
		"log: head: body is null",
		"log: made 5 boxes",
		"info: DOMContentLoaded",
		"warn: loaded",
		"error: Uncaught TypeError: Cannot read properties of null (reading 'boom')",
		"log: frame after 3 ticks",
	}
	lines := strings.Split(stdout, "\n")
	if len(lines) < len(wantConsole) {
		t.Fatalf("output too short:\n%s", stdout)
	}
	for i, want := range wantConsole {
		if lines[i] != want {
			t.Errorf("console line %d: got %q, want %q", i, lines[i], want)
		}
	}
	dom := strings.Join(lines[len(wantConsole):], "\n")
	for _, want := range []string{
		`<h1 id="title" style="color: rgb(200, 40, 40)">Counter</h1>`,
		`<div class="box on" data-index="2"></div><div class="box" data-index="3"></div>`,
		`<p id="status">lit 3</p>`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("DOM dump lacks %s:\n%s", want, dom)
		}
	}
	// Without -duration the dump comes right after load: the interval
	// has not fired yet.
	_, stdout, _ = runBrowser(t, "-headless", "-dump-dom", "testdata/scripts/counter.html")
	if !strings.Contains(stdout, `<p id="status">waiting</p>`) || strings.Contains(stdout, "box on") {
		t.Errorf("DOM dump without -duration:\n%s", stdout)
	}
}

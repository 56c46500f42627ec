package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeRenderer draws a 10x10 picture described by a comment in the file,
// "<!-- paint N D -->": white with the first N pixels darker by D in red.
// "<!-- panic -->" panics and "<!-- hang -->" takes a minute.
type fakeRenderer struct{}

var paintComment = regexp.MustCompile(`<!-- paint (\d+) (\d+) -->`)

func (fakeRenderer) render(ctx context.Context, u *url.URL) (*image.RGBA, error) {
	b, err := os.ReadFile(filepath.FromSlash(u.Path))
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.Contains(b, []byte("<!-- panic -->")):
		panic("layout exploded")
	case bytes.Contains(b, []byte("<!-- hang -->")):
		select {
		case <-time.After(time.Minute):
			return picture(0, 0), nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	m := paintComment.FindSubmatch(b)
	if m == nil {
		return picture(0, 0), nil
	}
	n, _ := strconv.Atoi(string(m[1]))
	d, _ := strconv.Atoi(string(m[2]))
	return picture(n, uint8(d)), nil
}

func (fakeRenderer) close() {}

func newFakeRenderer(int, int, int) (renderer, error) { return fakeRenderer{}, nil }

// suiteFiles is a small suite covering each way a reftest can go.
var suiteFiles = map[string]string{
	"ref/white.html": ``,
	"ref/dot.html":   `<!-- paint 1 255 -->`,
	"ref/few.html":   `<!-- paint 3 2 -->`,

	"one/match-pass.html":     `<link rel=match href=../ref/white.html>`,
	"one/match-fail.html":     `<link rel=match href=../ref/white.html><!-- paint 1 255 -->`,
	"one/mismatch-pass.html":  `<link rel=mismatch href=../ref/white.html><!-- paint 1 255 -->`,
	"one/mismatch-fail.html":  `<link rel=mismatch href=../ref/white.html>`,
	"one/fuzzy-pass.html":     `<link rel=match href=../ref/few.html><meta name=fuzzy content="maxDifference=0-2;totalPixels=0-3">`,
	"one/fuzzy-fail.html":     `<link rel=match href=../ref/few.html><meta name=fuzzy content="0-1;0-300">`,
	"one/fuzzy-ref-pass.html": `<link rel=match href=../ref/white.html><link rel=match href=../ref/dot.html><meta name=fuzzy content="../ref/white.html:2;3"><!-- paint 3 2 -->`,
	"one/any-match.html":      `<link rel=match href=../ref/white.html><link rel=match href=../ref/dot.html><!-- paint 1 255 -->`,
	"one/all-mismatch.html":   `<link rel=mismatch href=../ref/white.html><link rel=mismatch href=../ref/dot.html><!-- paint 1 255 -->`,
	"one/both.html":           `<link rel=match href=../ref/dot.html><link rel=mismatch href=../ref/white.html><!-- paint 1 255 -->`,

	// Chains: bad-ref matches test but not its own reference.
	"two/chain-pass.html":   `<link rel=match href=good-ref.html>`,
	"two/good-ref.html":     `<link rel=match href=../ref/white.html>`,
	"two/chain-fail.html":   `<link rel=match href=bad-ref.html><!-- paint 1 255 -->`,
	"two/bad-ref.html":      `<link rel=match href=../ref/white.html><!-- paint 1 255 -->`,
	"two/chain-or.html":     `<link rel=match href=bad-ref.html><link rel=match href=../ref/dot.html><!-- paint 1 255 -->`,
	"two/cycle.html":        `<link rel=match href=cycle-b.html>`,
	"two/cycle-b.html":      `<link rel=match href=cycle.html>`,
	"two/missing-ref.html":  `<link rel=match href=nowhere.html>`,
	"two/panic.html":        `<link rel=match href=../ref/white.html><!-- panic -->`,
	"two/hang.html":         `<link rel=match href=../ref/white.html><!-- hang -->`,
	"two/bad-fuzzy.html":    `<link rel=match href=../ref/white.html><meta name=fuzzy content="x">`,
	"two/reference/r.html":  `<link rel=match href=../../ref/white.html>`,
	"two/support/help.html": `<link rel=match href=../../ref/dot.html>`,
}

// suiteWant is the verdict for each test of suiteFiles, with chains.
var suiteWant = map[string]bool{
	"one/match-pass.html":     true,
	"one/match-fail.html":     false,
	"one/mismatch-pass.html":  true,
	"one/mismatch-fail.html":  false,
	"one/fuzzy-pass.html":     true,
	"one/fuzzy-fail.html":     false,
	"one/fuzzy-ref-pass.html": true,
	"one/any-match.html":      true,
	"one/all-mismatch.html":   false,
	"one/both.html":           true,
	"two/chain-pass.html":     true,
	"two/good-ref.html":       true,
	"two/chain-fail.html":     false,
	"two/bad-ref.html":        false,
	"two/chain-or.html":       true,
	"two/cycle.html":          true,
	"two/cycle-b.html":        true,
	"two/missing-ref.html":    false,
	"two/panic.html":          false,
	"two/hang.html":           false,
	"two/bad-fuzzy.html":      false,
}

func runSuite(t *testing.T, args ...string) (out, errOut string, status int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	status = run(args, &stdout, &stderr, newFakeRenderer)
	return stdout.String(), stderr.String(), status
}

func TestRun(t *testing.T) {
	root := writeTree(t, suiteFiles)
	jsonFile := filepath.Join(t.TempDir(), "results.json")
	out, errOut, status := runSuite(t, "-root", root, "-j", "3", "-timeout", "200ms", "-v", "-json", jsonFile)
	if status != 0 {
		t.Fatalf("status %d, stderr:\n%s", status, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	got := make(map[string]bool)
	var order []string
	for _, l := range lines {
		verdict, rest, _ := strings.Cut(l, " ")
		if verdict != "PASS" && verdict != "FAIL" {
			continue
		}
		path, _, _ := strings.Cut(rest, ":")
		got[path] = verdict == "PASS"
		order = append(order, path)
	}
	for path, want := range suiteWant {
		if pass, ok := got[path]; !ok {
			t.Errorf("%s: no verdict", path)
		} else if pass != want {
			t.Errorf("%s: pass = %v, want %v", path, pass, want)
		}
	}
	if len(got) != len(suiteWant) {
		t.Errorf("%d verdicts, want %d:\n%s", len(got), len(suiteWant), out)
	}
	if !slices.IsSorted(order) {
		t.Errorf("verdicts not in path order: %q", order)
	}
	passed := 0
	for _, p := range suiteWant {
		if p {
			passed++
		}
	}
	if want := fmt.Sprintf("%d passed, %d failed", passed, len(suiteWant)-passed); lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
	for _, want := range []string{
		"\none   6/10 (60.0%)\n",
		"\ntwo   5/11 (45.5%)\n",
		"# 1 tests change status when references' own references are checked too\n",
		"# 1 tests failed on a timeout, 1 on a panic\n",
		"FAIL two/panic.html: two/panic.html: panic: layout exploded\n",
		"FAIL two/hang.html: two/hang.html: timed out after 200ms\n",
		"FAIL one/match-fail.html: differs from ref/white.html: 1 pixels, by up to 255\n",
		"FAIL one/mismatch-fail.html: renders the same as ref/white.html (mismatch)\n",
		"FAIL two/chain-fail.html: reference two/bad-ref.html does not hold: differs from ref/white.html",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	b, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	var results []struct {
		Path        string
		Pass        bool
		PassDirect  bool `json:"pass_direct"`
		Comparisons []comparison
	}
	if err := json.Unmarshal(b, &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != len(suiteWant) {
		t.Fatalf("%d JSON results, want %d", len(results), len(suiteWant))
	}
	for _, r := range results {
		if r.Pass != suiteWant[r.Path] {
			t.Errorf("JSON %s: pass = %v", r.Path, r.Pass)
		}
		if r.Path == "two/chain-fail.html" && (!r.PassDirect || len(r.Comparisons) != 2) {
			t.Errorf("JSON %s: pass_direct %v, %d comparisons, want true and 2", r.Path, r.PassDirect, len(r.Comparisons))
		}
	}
}

func TestRunNoChains(t *testing.T) {
	root := writeTree(t, suiteFiles)
	out, _, _ := runSuite(t, "-root", root, "-chains=false", "two/chain-fail.html", "two/chain-pass.html")
	want := "PASS two/chain-fail.html\nPASS two/chain-pass.html\n"
	if !strings.HasPrefix(out, want) || !strings.HasSuffix(out, "\n2 passed, 0 failed\n") {
		t.Errorf("output:\n%s\nwant it to begin with\n%s", out, want)
	}
}

func TestRunCompare(t *testing.T) {
	root := writeTree(t, suiteFiles)
	results := "PASS one/match-pass.html\nPASS one/match-fail.html\nFAIL one/mismatch-pass.html\n" +
		"PASS two/chain-pass.html\n# a comment\none 2/3 (66.7%)\n3 passed, 1 failed\n"
	if err := os.WriteFile(filepath.Join(root, "chromium-1-results.txt"), []byte(results), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, status := runSuite(t, "-root", root, "-compare", "chromium", "one", "two/chain-pass.html")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, want := range []string{
		"\n# of the tests Chromium passes, passed here:\none   1/2 (50.0%)\ntwo   1/1 (100.0%)\ntotal 2/3 (66.7%)\n",
		"\n# 1 tests pass here and fail in Chromium; 7 are not in its results\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestRunReport(t *testing.T) {
	root := writeTree(t, suiteFiles)
	dir := filepath.Join(t.TempDir(), "report")
	out, errOut, status := runSuite(t, "-root", root, "-report", dir, "one")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if !strings.HasSuffix(out, "\n6 passed, 4 failed\n") {
		t.Errorf("output:\n%s", out)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"one/match-fail.html", "one__match-fail_html-diff.png", "one/all-mismatch.html"} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	for _, name := range []string{"one__match-fail_html-test.png", "one__match-fail_html-ref.png", "one__match-fail_html-diff.png"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
}

func TestRunUsage(t *testing.T) {
	root := writeTree(t, suiteFiles)
	tests := []struct {
		args   []string
		status int
	}{
		{[]string{}, 2},
		{[]string{"-root", filepath.Join(root, "nowhere")}, 2},
		{[]string{"-root", root, "-j", "0"}, 2},
		{[]string{"-root", root, "-compare", "firefox"}, 2},
		{[]string{"-root", root, "-compare", "chromium"}, 2}, // no results file
		{[]string{"-root", root, "missing"}, 2},
		{[]string{"-root", root, "../elsewhere"}, 2},
		{[]string{"-root", root, "-fonts", filepath.Join(root, "none.ttf"), "one/match-pass.html"}, 2},
		{[]string{"-root", root, "ref"}, 0},
	}
	for _, tt := range tests {
		out, errOut, status := runSuite(t, tt.args...)
		if status != tt.status {
			t.Errorf("run %q: status %d, want %d\n%s%s", tt.args, status, tt.status, out, errOut)
		}
	}
	out, errOut, _ := runSuite(t, "-root", root, "ref/white.html")
	if !strings.HasSuffix(out, "\n0 passed, 0 failed\n") || !strings.Contains(errOut, "ref/white.html has no match or mismatch links") {
		t.Errorf("a reference named as a test: stdout\n%s\nstderr\n%s", out, errOut)
	}
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (path -> content) under a new temporary folder
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func testNames(s *suite) []string {
	var out []string
	for _, d := range s.tests {
		out = append(out, d.name)
	}
	return out
}

func TestDiscover(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a/plain.html":       `<link rel="match" href="plain-ref.html">`,
		"a/plain-ref.html":   `<p>reference`,
		"a/caps.htm":         `<LINK REL=MATCH HREF=plain-ref.html>`,
		"a/tokens.html":      `<link rel="help match" href="plain-ref.html">`,
		"a/mis.xht":          `<html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="mismatch" href="../b/other.xht"/></head></html>`,
		"a/commented.html":   `<!-- <link rel="match" href="plain-ref.html"> -->`,
		"a/nohref.html":      `<link rel="match">`,
		"a/help.html":        `<link rel="help" href="https://example.com/match">`,
		"a/chain-ref.html":   `<link rel="match" href="plain-ref.html">`,
		"a/notes.txt":        `<link rel="match" href="plain-ref.html">`,
		"a/reference/r.html": `<link rel="mismatch" href="../plain-ref.html">`,
		"a/support/s.html":   `<link rel="match" href="../plain-ref.html">`,
		"b/other.xht":        `<p>other`,
		"b/sub/deep.xhtml":   `<link rel="match" href="/abs-ref.html">`,
	})
	tests := []struct {
		paths    []string
		skipRefs bool
		want     []string
	}{
		{[]string{"."}, false, []string{"a/caps.htm", "a/chain-ref.html", "a/mis.xht", "a/plain.html", "a/tokens.html", "b/sub/deep.xhtml"}},
		{[]string{"b"}, false, []string{"b/sub/deep.xhtml"}},
		{[]string{"."}, true, []string{"a/caps.htm", "a/mis.xht", "a/plain.html", "a/tokens.html", "b/sub/deep.xhtml"}},
		// A file named on the command line counts wherever it is.
		{[]string{"a/reference/r.html", "a/plain.html", "a"}, false, []string{"a/caps.htm", "a/chain-ref.html", "a/mis.xht", "a/plain.html", "a/reference/r.html", "a/tokens.html"}},
	}
	for _, tt := range tests {
		s, err := discover(root, tt.paths, 2, tt.skipRefs)
		if err != nil {
			t.Fatal(err)
		}
		if got := testNames(s); !slices.Equal(got, tt.want) {
			t.Errorf("discover(%q, skipRefs=%v) = %q, want %q", tt.paths, tt.skipRefs, got, tt.want)
		}
	}
}

func TestDiscoverLinks(t *testing.T) {
	root := writeTree(t, map[string]string{
		"t/test.html": `<!doctype html>
<link rel=match href="r1.html#frag">
<link rel=match href=../x/r2.html>
<link rel=mismatch href="r3.html">
<meta name=fuzzy content="maxDifference=0-2;totalPixels=0-300">
<meta name=fuzzy content="r3.html:5;10">`,
		"t/r1.html":   `<link rel=match href="r1b.html">`,
		"t/r1b.html":  `<link rel=mismatch href="r1.html">`,
		"x/r2.html":   ``,
		"t/r3.html":   ``,
		"t/based.xht": `<html><head><base href="../x/"/><link rel="match" href="r2.html"/></head></html>`,
		"t/bad.html":  `<link rel=match href=r3.html><meta name=fuzzy content="lots">`,
	})
	s, err := discover(root, []string{"t"}, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	key := func(name string) string {
		_, k := fileKey(filepath.Join(root, filepath.FromSlash(name)))
		return k
	}
	d := s.docs[key("t/test.html")]
	if d == nil {
		t.Fatal("t/test.html not read")
	}
	wantLinks := []link{
		{relMatch, key("t/r1.html")},
		{relMatch, key("x/r2.html")},
		{relMismatch, key("t/r3.html")},
	}
	if !slices.Equal(d.links, wantLinks) {
		t.Errorf("links = %v, want %v", d.links, wantLinks)
	}
	if got, want := d.tolerance(key("t/r1.html")).String(), "maxDifference=0-2;totalPixels=0-300"; got != want {
		t.Errorf("tolerance for r1 = %s, want %s", got, want)
	}
	if got, want := d.tolerance(key("t/r3.html")).String(), "maxDifference=5;totalPixels=10"; got != want {
		t.Errorf("tolerance for r3 = %s, want %s", got, want)
	}
	// References are read, and their references, for chains.
	for _, name := range []string{"t/r1.html", "t/r1b.html", "x/r2.html", "t/r3.html"} {
		if s.docs[key(name)] == nil {
			t.Errorf("%s not read", name)
		}
	}
	if got := s.closure(d, true); len(got) != 5 || got[0] != d.key {
		t.Errorf("closure with chains = %q, want the test and 4 references", got)
	}
	if got := s.closure(d, false); len(got) != 4 {
		t.Errorf("closure without chains = %q, want the test and 3 references", got)
	}
	if b := s.docs[key("t/based.xht")]; b == nil || !slices.Equal(b.links, []link{{relMatch, key("x/r2.html")}}) {
		t.Errorf("based.xht links = %v, want r2.html resolved against <base>", b)
	}
	if b := s.docs[key("t/bad.html")]; b == nil || b.err == nil || len(b.links) != 1 {
		t.Errorf("bad.html = %+v, want its link and an error for the fuzzy meta", b)
	} else if !strings.Contains(b.err.Error(), "lots") {
		t.Errorf("bad.html error %q does not quote the meta", b.err)
	}
}

func TestIsRefName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a/b-ref.html", true},
		{"a/b-ref2.xht", true},
		{"a/b-ref-2.xht", false},
		{"a/b-notref.html", false},
		{"a/b.html", false},
		{"a/reference.html", false},
		{"a/b-refs.html", false},
	}
	for _, tt := range tests {
		if got := isRefName(tt.name); got != tt.want {
			t.Errorf("isRefName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

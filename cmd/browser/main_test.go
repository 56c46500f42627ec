package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"math/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runBrowser(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(context.Background(), args, &out, &errs)
	return code, out.String(), errs.String()
}

func TestFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string // in the one-line message
	}{
		{[]string{"-headless", "-size", "800", "x.html"}, `bad -size "800"`},
		{[]string{"-headless", "-size", "0x600", "-dump-layout", "x.html"}, "bad -size"},
		{[]string{"-headless", "a.html", "b.html"}, "one URL at a time"},
		{[]string{"-headless", "x.html"}, "needs -screenshot FILE, -dump-layout, -dump-dom or -console"},
		{[]string{"-console", "x.html"}, "need -headless"},
		{[]string{"-headless", "-console", "-duration", "-1s", "x.html"}, "bad -duration"},
		{[]string{"-screenshot", "x.png", "x.html"}, "need -headless"},
	}
	for _, tt := range tests {
		code, _, stderr := runBrowser(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// Load failures render an error page, exit 1, and say what happened on
// one line.
func TestLoadErrors(t *testing.T) {
	// A port on loopback that nothing listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()

	tests := []struct {
		url  string
		want string
	}{
		{filepath.Join(t.TempDir(), "no-such-page.html"), "file not found"},
		{closed, "connection refused"},
		{"ftp://example.com/x", "unsupported scheme"},
		{"data:text/html;base64,@@@", "malformed data: URL"},
	}
	for _, tt := range tests {
		shot := filepath.Join(t.TempDir(), "err.png")
		code, _, stderr := runBrowser(t, "-headless", "-screenshot", shot, tt.url)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 1 || len(lines) != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and one line with %q", tt.url, code, stderr, tt.want)
		}
		if _, err := os.Stat(shot); err != nil {
			t.Errorf("%s: the error page was not rendered: %v", tt.url, err)
		}
		// The error page itself says what happened.
		code, dump, _ := runBrowser(t, "-headless", "-dump-layout", tt.url)
		if code != 1 || !strings.Contains(dump, "#text") {
			t.Errorf("%s: error page has no text:\n%s", tt.url, dump)
		}
	}
}

// A page over HTTP: a redirect, a gzip-encoded document, and a stylesheet
// and image loaded relative to the final URL.
func TestHTTPPage(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/start", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/dir/page.html", http.StatusFound)
	})
	mux.HandleFunc("/dir/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(`<!doctype html><link rel=stylesheet href="s.css"><body style="margin:0"><div id=box>hi</div><img src="/img.png">`))
		zw.Close()
	})
	mux.HandleFunc("/dir/s.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		w.Write([]byte(`#box { width: 123px; height: 45px; }`))
	})
	mux.HandleFunc("/img.png", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join("testdata", "pages", "checker.png"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	code, dump, stderr := runBrowser(t, "-headless", "-dump-layout", srv.URL+"/start")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"block div#box 0,0 123x45", "image img", "64x48"} {
		if !strings.Contains(dump, want) {
			t.Errorf("layout lacks %q:\n%s", want, dump)
		}
	}
}

func TestURLKinds(t *testing.T) {
	tests := []struct {
		url  string
		want string
	}{
		{"about:blank", "block html"},
		{"about:start", "block body"},
		{"data:text/html,<p id=p>hello", "block p#p"},
		{"data:text/html;base64,PHAgaWQ9Yj5iYXNlNjQ=", "block p#b"},
		{"data:text/plain,just%20text", "block pre"},
		{"file://" + mustAbs(t, "testdata/pages/fonts.html"), `#text "Default: serif, 18px.`},
	}
	for _, tt := range tests {
		code, dump, stderr := runBrowser(t, "-headless", "-dump-layout", tt.url)
		if code != 0 || !strings.Contains(dump, tt.want) {
			t.Errorf("%s: exit %d (%s), want %q in:\n%s", tt.url, code, stderr, tt.want, dump)
		}
	}
}

// Binary junk served as HTML renders something and never crashes.
func TestBinaryJunk(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		junk := make([]byte, 4096)
		r.Read(junk)
		path := filepath.Join(t.TempDir(), "junk.html")
		if err := os.WriteFile(path, junk, 0o644); err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(t.TempDir(), "junk.png")
		if code, _, stderr := runBrowser(t, "-headless", "-screenshot", shot, "-dump-layout", path); code != 0 {
			t.Errorf("junk page %d: exit %d: %s", i, code, stderr)
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// -trace writes the frame's stages as Trace Event Format JSON.
func TestHeadlessTrace(t *testing.T) {
	dir := t.TempDir()
	trace := filepath.Join(dir, "trace.json")
	code, _, stderr := runBrowser(t, "-headless", "-screenshot", filepath.Join(dir, "out.png"), "-trace", trace,
		"data:text/html,<p style='color:blue'>traced")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		TraceEvents []struct {
			Name string         `json:"name"`
			Ph   string         `json:"ph"`
			Ts   float64        `json:"ts"`
			Dur  float64        `json:"dur"`
			Tid  int            `json:"tid"`
			Args map[string]any `json:"args"`
		} `json:"traceEvents"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("the trace is not JSON: %v\n%s", err, b)
	}
	threads := map[int]string{}
	got := map[string]bool{}
	for _, e := range f.TraceEvents {
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			threads[e.Tid] = e.Args["name"].(string)
		case e.Ph == "X":
			if e.Ts < 0 || e.Dur < 0 {
				t.Errorf("event %+v", e)
			}
			got[threads[e.Tid]+" "+e.Name] = true
		}
	}
	for _, want := range []string{"page 1 style", "page 1 layout", "page 1 paint", "page 1 commit",
		"compositor raster", "compositor draw"} {
		if !got[want] {
			t.Errorf("the trace has no %q; it has %v", want, got)
		}
	}
}

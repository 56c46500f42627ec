package network

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// newServer starts a test server on 127.0.0.1, the only address the tests
// touch.
func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func load(t *testing.T, l *Loader, s string) (*Response, error) {
	t.Helper()
	return l.Load(context.Background(), mustParse(t, s))
}

func wantKind(t *testing.T, err error, kind ErrorKind) *LoadError {
	t.Helper()
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *LoadError", err, err)
	}
	if le.Kind != kind {
		t.Fatalf("kind %v, want %v (error: %v)", le.Kind, kind, err)
	}
	return le
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"page.html":   "<p>hello</p>",
		"style.CSS":   "p{}",
		"notes":       "just some text",
		"image.png":   "\x89PNG\r\n\x1a\n....",
		"a b#c?.html": "odd name",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	base, err := ParseUserInput(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Options{})
	tests := []struct {
		name, typ, body string
	}{
		{"page.html", "text/html", "<p>hello</p>"},
		{"style.CSS", "text/css", "p{}"},
		{"notes", "text/plain", "just some text"},
		{"image.png", "image/png", "\x89PNG\r\n\x1a\n...."},
		{"a b#c?.html", "text/html", "odd name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := *base
			u.Path = filepath.ToSlash(filepath.Join(dir, tt.name))
			resp, err := l.Load(context.Background(), &u)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != 200 || resp.ContentType != tt.typ || string(resp.Body) != tt.body || resp.Header != nil {
				t.Errorf("got status %d type %q body %q header %v", resp.Status, resp.ContentType, resp.Body, resp.Header)
			}
		})
	}

	t.Run("missing", func(t *testing.T) {
		u := *base
		u.Path += "/missing.html"
		_, err := l.Load(context.Background(), &u)
		le := wantKind(t, err, NotFound)
		if !errors.Is(err, os.ErrNotExist) {
			t.Error("error does not wrap os.ErrNotExist")
		}
		want := "cannot load " + u.String() + ": file not found"
		if le.Error() != want {
			t.Errorf("message %q, want %q", le.Error(), want)
		}
	})

	t.Run("directory", func(t *testing.T) {
		resp, err := l.Load(context.Background(), base)
		if err != nil {
			t.Fatal(err)
		}
		if resp.ContentType != "text/html" || !strings.HasSuffix(resp.URL.Path, "/") {
			t.Errorf("type %q, URL %v", resp.ContentType, resp.URL)
		}
		body := string(resp.Body)
		for _, want := range []string{`href="./page.html"`, `href="./sub/"`, `href="./a%20b%23c%3F.html"`, ">a b#c?.html<", `href="../"`} {
			if !strings.Contains(body, want) {
				t.Errorf("listing lacks %s:\n%s", want, body)
			}
		}
		if strings.Index(body, "sub/") > strings.Index(body, "page.html") {
			t.Error("directories are not listed first")
		}
	})

	t.Run("too large", func(t *testing.T) {
		small := NewLoader(Options{MaxBodySize: 4})
		u := *base
		u.Path = filepath.ToSlash(filepath.Join(dir, "page.html"))
		_, err := small.Load(context.Background(), &u)
		wantKind(t, err, Other)
	})
}

func TestHTTP(t *testing.T) {
	var gotUA, gotAE string
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAE = r.UserAgent(), r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "Text/HTML; Charset=ISO-8859-1")
		fmt.Fprint(w, "<p>ok</p>")
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "<h1>Not here</h1>")
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // keep net/http from sniffing
		fmt.Fprint(w, "<!DOCTYPE html><p>sniff me")
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/redirect/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	})
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusFound)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://127.0.0.1/x", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 1000))
	})
	srv := newServer(t, mux)
	l := NewLoader(Options{MaxRedirects: 5})

	tests := []struct {
		name, path      string
		status          int
		typ, charset    string
		body, finalPath string
	}{
		{"200", "/ok", 200, "text/html", "ISO-8859-1", "<p>ok</p>", "/ok"},
		{"404 is not an error", "/missing", 404, "text/html", "", "<h1>Not here</h1>", "/missing"},
		{"500 is not an error", "/broken", 500, "text/plain", "utf-8", "oops\n", "/broken"},
		{"sniffed type", "/untyped", 200, "text/html", "", "<!DOCTYPE html><p>sniff me", "/untyped"},
		{"redirect chain", "/redirect/3", 200, "text/html", "ISO-8859-1", "<p>ok</p>", "/ok"},
		{"redirect chain at the limit", "/redirect/4", 200, "text/html", "ISO-8859-1", "<p>ok</p>", "/ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := load(t, l, srv.URL+tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != tt.status || resp.ContentType != tt.typ || resp.Charset != tt.charset ||
				string(resp.Body) != tt.body || resp.URL.Path != tt.finalPath || resp.Header == nil {
				t.Errorf("got status %d type %q charset %q body %q URL %v",
					resp.Status, resp.ContentType, resp.Charset, resp.Body, resp.URL)
			}
		})
	}
	if gotUA != UserAgent || gotAE != "gzip, deflate" {
		t.Errorf("request had User-Agent %q, Accept-Encoding %q", gotUA, gotAE)
	}

	errTests := []struct {
		name, path string
		kind       ErrorKind
		msg        string
	}{
		{"too long a chain", "/redirect/5", TooManyRedirects, "too many redirects"},
		{"loop", "/loop/a", TooManyRedirects, "too many redirects"},
		{"redirect to ftp", "/ftp", Unsupported, `redirected to unsupported scheme "ftp"`},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, l, srv.URL+tt.path)
			le := wantKind(t, err, tt.kind)
			if !strings.HasSuffix(le.Error(), ": "+tt.msg) {
				t.Errorf("message %q, want suffix %q", le.Error(), tt.msg)
			}
		})
	}

	t.Run("body too large", func(t *testing.T) {
		_, err := NewLoader(Options{MaxBodySize: 100}).Load(context.Background(), mustParse(t, srv.URL+"/big"))
		wantKind(t, err, Other)
	})
}

func TestContentEncoding(t *testing.T) {
	const page = "<p>compressed page</p>"
	gz := func() []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(page))
		w.Close()
		return b.Bytes()
	}
	zl := func() []byte {
		var b bytes.Buffer
		w := zlib.NewWriter(&b)
		w.Write([]byte(page))
		w.Close()
		return b.Bytes()
	}
	raw := func() []byte {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.DefaultCompression)
		w.Write([]byte(page))
		w.Close()
		return b.Bytes()
	}
	gzOfZlib := func() []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write(zl())
		w.Close()
		return b.Bytes()
	}
	tests := []struct {
		name, encoding string
		body           []byte
		wantErr        bool
	}{
		{"gzip", "gzip", gz(), false},
		{"x-gzip", "x-gzip", gz(), false},
		{"deflate (zlib)", "deflate", zl(), false},
		{"deflate (raw)", "deflate", raw(), false},
		{"stacked", "deflate, gzip", gzOfZlib(), false},
		{"identity", "identity", []byte(page), false},
		{"corrupt gzip", "gzip", []byte("not gzip at all"), true},
		{"unknown coding", "br", []byte("xx"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Header().Set("Content-Encoding", tt.encoding)
				w.Write(tt.body)
			}))
			resp, err := load(t, NewLoader(Options{}), srv.URL+"/")
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error; body %q", resp.Body)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != page {
				t.Errorf("body %q", resp.Body)
			}
			if resp.Header.Get("Content-Encoding") != "" {
				t.Error("Content-Encoding left in the header of a decoded body")
			}
		})
	}
}

func TestNetworkErrors(t *testing.T) {
	t.Run("refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		u := "http://" + addr + "/"
		_, err = load(t, NewLoader(Options{Timeout: 5 * time.Second}), u)
		le := wantKind(t, err, Refused)
		if want := "cannot load " + u + ": connection refused"; le.Error() != want {
			t.Errorf("message %q, want %q", le.Error(), want)
		}
	})

	t.Run("timeout", func(t *testing.T) {
		release := make(chan struct{})
		srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}))
		defer close(release)
		start := time.Now()
		_, err := load(t, NewLoader(Options{Timeout: 100 * time.Millisecond}), srv.URL+"/slow")
		le := wantKind(t, err, Timeout)
		if !strings.HasSuffix(le.Error(), ": timed out after 100ms") {
			t.Errorf("message %q", le.Error())
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})

	t.Run("slow body", func(t *testing.T) {
		release := make(chan struct{})
		srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<p>start"))
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}))
		defer close(release)
		_, err := load(t, NewLoader(Options{Timeout: 200 * time.Millisecond}), srv.URL+"/")
		wantKind(t, err, Timeout)
	})

	t.Run("caller cancels", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		srv := newServer(t, http.NotFoundHandler())
		_, err := NewLoader(Options{}).Load(ctx, mustParse(t, srv.URL))
		le := wantKind(t, err, Other)
		if !errors.Is(le, context.Canceled) {
			t.Errorf("%v does not wrap context.Canceled", le)
		}
	})

	t.Run("host not found", func(t *testing.T) {
		// .invalid is reserved (RFC 6761) and never resolves; a resolver
		// should answer at once. Where resolving cannot work here (no
		// resolver configured, a sandbox), skip rather than fail.
		_, err := load(t, NewLoader(Options{Timeout: 5 * time.Second}), "https://no.such.host.invalid/")
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("error %v is not a *LoadError", err)
		}
		if le.Kind != HostNotFound {
			t.Skipf("resolver gave %v (%v), not a not-found answer; skipping", le.Kind, err)
		}
		if want := "cannot load https://no.such.host.invalid/: host not found"; le.Error() != want {
			t.Errorf("message %q, want %q", le.Error(), want)
		}
	})
}

func TestDataURL(t *testing.T) {
	tests := []struct {
		in           string
		typ, charset string
		body         string
	}{
		{"data:,Hello%2C%20World!", "text/plain", "US-ASCII", "Hello, World!"},
		{"data:text/plain;base64,SGVsbG8sIFdvcmxkIQ==", "text/plain", "", "Hello, World!"},
		{"data:text/plain;base64,SGVsbG8sIFdvcmxkIQ", "text/plain", "", "Hello, World!"},
		{"data:text/plain;base64,SGVs bG8=", "text/plain", "", "Hello"},
		{"data:text/html,%3Ch1%3EHello%3C%2Fh1%3E", "text/html", "", "<h1>Hello</h1>"},
		{"data:text/html;charset=utf-8,caf%C3%A9", "text/html", "utf-8", "café"},
		{"data:TEXT/HTML;BASE64,PHA+", "text/html", "", "<p>"},
		{"data:text/plain;charset=utf-8;base64,w6k=", "text/plain", "utf-8", "é"},
		{"data:;charset=utf-8,x", "text/plain", "utf-8", "x"},
		{"data:image/png;base64,iVBORw0KGgo=", "image/png", "", "\x89PNG\r\n\x1a\n"},
		{"data:text/plain,a#frag", "text/plain", "", "a"},
		{"data:text/plain,a?b", "text/plain", "", "a?b"},
		{"data:text/plain,100%", "text/plain", "", "100%"},
		{"data:foo,x", "text/plain", "US-ASCII", "x"},
		{"data:text/plain; base64,SGk=", "text/plain", "", "Hi"},
		{"data:text/plain;base64x,SGk=", "text/plain", "", "SGk="},
	}
	l := NewLoader(Options{})
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			resp, err := load(t, l, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if resp.ContentType != tt.typ || resp.Charset != tt.charset || string(resp.Body) != tt.body || resp.Status != 200 {
				t.Errorf("got type %q charset %q body %q status %d", resp.ContentType, resp.Charset, resp.Body, resp.Status)
			}
		})
	}
	for _, bad := range []string{
		"data:text/plain",            // no comma
		"data:;base64,SGVsbG8=x",     // data after padding
		"data:;base64,S",             // one char left over
		"data:;base64,SGVs!G8=",      // outside the alphabet
		"data:text/plain;base64,=AA", // padding first
	} {
		t.Run(bad, func(t *testing.T) {
			_, err := load(t, l, bad)
			le := wantKind(t, err, BadURL)
			if !strings.HasSuffix(le.Error(), ": malformed data: URL") {
				t.Errorf("message %q", le.Error())
			}
		})
	}
}

func TestAbout(t *testing.T) {
	pages := fstest.MapFS{"start.html": {Data: []byte("<h1>Start</h1>")}}
	l := NewLoader(Options{Pages: pages})
	tests := []struct {
		in, body string
		kind     ErrorKind
		wantErr  bool
	}{
		{"about:blank", "", 0, false},
		{"about:blank#top", "", 0, false},
		{"about:start", "<h1>Start</h1>", 0, false},
		{"about:START", "<h1>Start</h1>", 0, false},
		{"about:nothing", "", NotFound, true},
		{"about:", "", NotFound, true},
		{"about:../start", "", NotFound, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			resp, err := load(t, l, tt.in)
			if tt.wantErr {
				wantKind(t, err, tt.kind)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.ContentType != "text/html" || string(resp.Body) != tt.body || resp.Status != 200 {
				t.Errorf("got type %q body %q status %d", resp.ContentType, resp.Body, resp.Status)
			}
		})
	}
	if _, err := load(t, NewLoader(Options{}), "about:start"); err == nil {
		t.Error("about:start without Pages: no error")
	}
	if resp, err := load(t, NewLoader(Options{}), "about:blank"); err != nil || len(resp.Body) != 0 {
		t.Errorf("about:blank without Pages: %v", err)
	}
}

func TestUnsupported(t *testing.T) {
	l := NewLoader(Options{})
	tests := []struct {
		in   string
		kind ErrorKind
		msg  string
	}{
		{"ftp://127.0.0.1/x", Unsupported, `unsupported scheme "ftp"`},
		{"javascript:alert(1)", Unsupported, `unsupported scheme "javascript"`},
		{"relative/path", BadURL, "not an absolute URL"},
	}
	for _, tt := range tests {
		_, err := load(t, l, tt.in)
		le := wantKind(t, err, tt.kind)
		if want := "cannot load " + tt.in + ": " + tt.msg; le.Error() != want {
			t.Errorf("message %q, want %q", le.Error(), want)
		}
	}
	if _, err := l.Load(context.Background(), nil); err == nil {
		t.Error("nil URL: no error")
	}
}

func TestConcurrentLoads(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.URL.Path)
	}))
	l := NewLoader(Options{})
	errs := make(chan error, 20)
	for i := range 20 {
		go func() {
			resp, err := l.Load(context.Background(), mustParse(t, fmt.Sprintf("%s/%d", srv.URL, i)))
			if err == nil && string(resp.Body) != fmt.Sprintf("/%d", i) {
				err = fmt.Errorf("body %q for %d", resp.Body, i)
			}
			errs <- err
		}()
	}
	for range 20 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

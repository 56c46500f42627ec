package network

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestParseUserInput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("paths in the table are Unix paths")
	}
	cwd := t.TempDir()
	if err := os.WriteFile(filepath.Join(cwd, "example.com"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cwd, "readme"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	tests := []struct {
		in, want string
	}{
		{"https://example.com/a?b#c", "https://example.com/a?b#c"},
		{"HTTP://Example.com", "http://Example.com"},
		{"  http://example.com/  ", "http://example.com/"},
		{"file:///etc/hosts", "file:///etc/hosts"},
		{"data:text/plain,hi", "data:text/plain,hi"},
		{"about:blank", "about:blank"},
		{"ftp://example.com/x", "ftp://example.com/x"},
		{"example.org", "https://example.org/"},
		{"www.example.org/path?q=1", "https://www.example.org/path?q=1"},
		{"example.org:8443", "https://example.org:8443/"},
		{"localhost", "http://localhost/"},
		{"localhost:8080", "http://localhost:8080/"},
		{"localhost:8080/x", "http://localhost:8080/x"},
		{"127.0.0.1:8000", "http://127.0.0.1:8000/"},
		{"[::1]:8000", "http://[::1]:8000/"},
		{"/abs/page.html", "file:///abs/page.html"},
		{"/abs/dir/../page.html", "file:///abs/page.html"},
		{"page.html", "file://" + cwd + "/page.html"},
		{"./page.html", "file://" + cwd + "/page.html"},
		{"../page.html", "file://" + filepath.Dir(cwd) + "/page.html"},
		{"sub/page.html", "file://" + cwd + "/sub/page.html"},
		{"readme", "file://" + cwd + "/readme"},
		{"example.com", "file://" + cwd + "/example.com"}, // an existing file wins
		{"my page.html", "file://" + cwd + "/my%20page.html"},
		{".", "file://" + cwd},
		{"~/x.html", "file://" + home + "/x.html"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := ParseUserInput(tt.in, cwd)
			if err != nil {
				t.Fatal(err)
			}
			if u.String() != tt.want {
				t.Errorf("got %q, want %q", u, tt.want)
			}
		})
	}
	for _, bad := range []string{"", "   ", "http://", "https:///path", "http://[::1"} {
		t.Run("bad "+bad, func(t *testing.T) {
			_, err := ParseUserInput(bad, cwd)
			wantKind(t, err, BadURL)
		})
	}
}

func TestResolve(t *testing.T) {
	base, _ := url.Parse("https://example.com/dir/page.html?q=1#top")
	tests := []struct {
		ref, want string
	}{
		{"other.html", "https://example.com/dir/other.html"},
		{"  other.html\n", "https://example.com/dir/other.html"},
		{"\t/abs\r\n", "https://example.com/abs"},
		{"oth\ner.html", "https://example.com/dir/other.html"},
		{"../up.css", "https://example.com/up.css"},
		{"../../../too/far", "https://example.com/too/far"},
		{"./", "https://example.com/dir/"},
		{"//cdn.example.net/x.js", "https://cdn.example.net/x.js"},
		{"?p=2", "https://example.com/dir/page.html?p=2"},
		{"#sec", "https://example.com/dir/page.html?q=1#sec"},
		{"", "https://example.com/dir/page.html?q=1"},
		{"http://other.org/", "http://other.org/"},
		{"data:text/plain,hi", "data:text/plain,hi"},
		{`..\img\a.png`, "https://example.com/img/a.png"},
		{`x.html?a\b`, `https://example.com/dir/x.html?a\b`},
		{"100%.html", "https://example.com/dir/100%25.html"},
		{"a%20b.html", "https://example.com/dir/a%20b.html"},
		{"café.html", "https://example.com/dir/caf%C3%A9.html"},
		{"mailto:someone@example.com", "mailto:someone@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			u, err := Resolve(base, tt.ref)
			if err != nil {
				t.Fatal(err)
			}
			if u.String() != tt.want {
				t.Errorf("got %q, want %q", u, tt.want)
			}
		})
	}

	fileBase, _ := url.Parse("file:///home/u/site/index.html")
	if u, err := Resolve(fileBase, "img/a.png"); err != nil || u.String() != "file:///home/u/site/img/a.png" {
		t.Errorf("file base: %v, %v", u, err)
	}
	if u, err := Resolve(nil, "https://example.com/x"); err != nil || u.String() != "https://example.com/x" {
		t.Errorf("nil base, absolute ref: %v, %v", u, err)
	}
	for _, bad := range []struct {
		base *url.URL
		ref  string
	}{
		{nil, "relative.html"},
		{base, "http://[::1"},
	} {
		_, err := Resolve(bad.base, bad.ref)
		wantKind(t, err, BadURL)
	}
}

func TestErrorPage(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		wants []string
	}{
		{"not found", &LoadError{URL: "file:///x/<y>.html", Kind: NotFound, Err: errors.New("file not found")},
			[]string{"file:///x/&lt;y&gt;.html", "Check that the file exists", "file not found"}},
		{"refused", &LoadError{URL: "http://127.0.0.1:1/", Kind: Refused, Err: errors.New("connection refused")},
			[]string{"http://127.0.0.1:1/", "Check that the server is running"}},
		{"host", &LoadError{URL: "https://a.invalid/?a=1&b=2", Kind: HostNotFound, Err: errors.New("host not found")},
			[]string{"https://a.invalid/?a=1&amp;b=2", "could not be found"}},
		{"plain error", errors.New(`<script>alert("x")</script>`),
			[]string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"}},
		{"nil", nil, []string{"Something went wrong"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := string(ErrorPage(tt.err))
			for _, want := range append(tt.wants, "<title>Problem loading page</title>", "<style>") {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q:\n%s", want, page)
				}
			}
			for _, bad := range []string{"<script", "<y>", "src=", "http-equiv", "<link"} {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q", bad)
				}
			}
		})
	}
}

func TestErrorKindString(t *testing.T) {
	for k, want := range map[ErrorKind]string{NotFound: "NotFound", Other: "Other", Unsupported: "Unsupported", 99: "ErrorKind(99)"} {
		if got := k.String(); got != want {
			t.Errorf("%d: %q, want %q", int(k), got, want)
		}
	}
}

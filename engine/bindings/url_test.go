package bindings

import "testing"

func TestParseURL(t *testing.T) {
	tests := []struct{ in, base, want string }{
		{"HTTP://Example.COM", "", "http://example.com/"},
		{"https://a.b:443/x", "", "https://a.b/x"},
		{"http://a.b:0080/x", "", "http://a.b/x"},
		{"http://a.b:8080", "", "http://a.b:8080/"},
		{"http:example.com/x", "", "http://example.com/x"},
		{"http:\\\\a\\b\\c?d\\e", "", "http://a/b/c?d\\e"},
		{"http://u:p@h/", "", "http://u:p@h/"},
		{"http://h/a b<>\"`{}?q r'\"#f g`", "", "http://h/a%20b%3C%3E%22%60%7B%7D?q%20r%27%22#f%20g%60"},
		{"http://h/é", "", "http://h/%C3%A9"},
		{"http://h/a/./b/../c/%2e%2E/d", "", "http://h/a/d"},
		{"http://h/a/..", "", "http://h/"},
		{"http://ÉXAMPLE.com/", "", "http://xn--xample-9ua.com/"},
		{"http://[::1]:81/", "", "http://[::1]:81/"},
		{"http://0x7f.1/", "", "http://127.0.0.1/"},
		{"http://192.168.257/", "", "http://192.168.1.1/"},
		{"http://4294967295/", "", "http://255.255.255.255/"},
		{"http://010.0.0.1./", "", "http://8.0.0.1/"},
		{"http://1.2.3.4.example/", "", "http://1.2.3.4.example/"},
		{"foo://1.2/", "", "foo://1.2/"},
		{"http://1.0x/", "", "http://1.0.0.0/"},
		{"  http://h/\t\nx  ", "", "http://h/x"},
		{"mailto:Someone@Example.com", "", "mailto:Someone@Example.com"},
		{"javascript:alert(1)", "", "javascript:alert(1)"},
		{"data:text/plain,a b", "", "data:text/plain,a b"},
		{"file:///tmp/x", "", "file:///tmp/x"},
		{"file:A0", "", "file:///A0"},
		{"foo://Host/p", "", "foo://Host/p"},
		{"x:/a", "", "x:/a"},
		{"b/c", "http://h/a/d?q#f", "http://h/a/b/c"},
		{"../c", "http://h/a/d/e", "http://h/a/c"},
		{"/c", "http://h/a/d", "http://h/c"},
		{"//other/c", "https://h/a", "https://other/c"},
		{"?x", "http://h/a?q#f", "http://h/a?x"},
		{"#y", "http://h/a?q#f", "http://h/a?q#y"},
		{"", "http://h/a?q#f", "http://h/a?q"},
		{"http:b", "http://h/a/", "http://h/a/b"},
		{"#x", "mailto:a", "mailto:a#x"},
	}
	for _, tt := range tests {
		var base *urlRecord
		if tt.base != "" {
			var err error
			if base, err = parseURL(tt.base, nil); err != nil {
				t.Fatalf("base %q: %v", tt.base, err)
			}
		}
		r, err := parseURL(tt.in, base)
		if err != nil {
			t.Errorf("parse(%q, %q): %v", tt.in, tt.base, err)
			continue
		}
		if got := r.href(); got != tt.want {
			t.Errorf("parse(%q, %q) = %q, want %q", tt.in, tt.base, got, tt.want)
		}
	}
}

func TestParseURLErrors(t *testing.T) {
	for _, tt := range []struct{ in, base string }{
		{"", ""}, {"a/b", ""}, {"http://", ""}, {"http://h:99999/", ""}, {"http://h:x/", ""},
		{"http://a b/", ""}, {"http://1.2.3.4.5/", ""}, {"http://256.1.1.1/", ""}, {"http://4294967296/", ""}, {"http://a.09/", ""}, {"http://a<b/", ""}, {"x", "mailto:a"}, {"http://[::1/", ""},
	} {
		var base *urlRecord
		if tt.base != "" {
			base, _ = parseURL(tt.base, nil)
		}
		if r, err := parseURL(tt.in, base); err == nil {
			t.Errorf("parse(%q, %q) = %q, want an error", tt.in, tt.base, r.href())
		}
	}
}

func TestURLSetters(t *testing.T) {
	tests := []struct{ url, attr, value, want string }{
		{"http://h/p", "protocol", "https:", "https://h/p"},
		{"http://h/p", "protocol", "foo", "http://h/p"},
		{"http://h:443/p", "protocol", "https", "https://h/p"},
		{"http://h/p", "username", "a b", "http://a%20b@h/p"},
		{"http://u@h/p", "password", "p@", "http://u:p%40@h/p"},
		{"http://h:81/p", "host", "Other:82", "http://other:82/p"},
		{"http://h:81/p", "hostname", "other", "http://other:81/p"},
		{"http://h/p", "host", "", "http://h/p"},
		{"http://h/p", "port", "8080abc", "http://h:8080/p"},
		{"http://h:8/p", "port", "80", "http://h/p"},
		{"http://h:8/p", "port", "", "http://h/p"},
		{"http://h/p", "port", "70000", "http://h/p"},
		{"http://h/p", "pathname", "a b/../c", "http://h/c"},
		{"http://h/p?q", "search", "?x=1 2", "http://h/p?x=1%202"},
		{"http://h/p?q", "search", "", "http://h/p"},
		{"http://h/p#f", "hash", "g h", "http://h/p#g%20h"},
		{"http://h/p#f", "hash", "", "http://h/p"},
		{"mailto:a", "pathname", "b", "mailto:a"},
		{"http://h/p", "href", "https://x/y", "https://x/y"},
	}
	for _, tt := range tests {
		r, err := parseURL(tt.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.set(tt.attr, tt.value); err != nil {
			t.Errorf("%s.%s = %q: %v", tt.url, tt.attr, tt.value, err)
		}
		if got := r.href(); got != tt.want {
			t.Errorf("%s.%s = %q: got %q, want %q", tt.url, tt.attr, tt.value, got, tt.want)
		}
	}
}

// Parsing never panics, and a URL's serialization parses back to
// itself, through every setter too.
func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"http://u:p@h:8/a/../b?q#f", "mailto:x", "file:///a", "x:/a", "http://[::1]/", "//h/p", "?q", "../a"} {
		for _, attr := range []string{"href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"} {
			f.Add(s, attr, "x:1/../y")
		}
	}
	base, _ := parseURL("http://base.test/a/b?c#d", nil)
	f.Fuzz(func(t *testing.T, in, attr, v string) {
		r, err := parseURL(in, base)
		if err != nil {
			return
		}
		check := func(what string) {
			h := r.href()
			again, err := parseURL(h, nil)
			if err != nil {
				t.Fatalf("%s: %q does not parse again: %v", what, h, err)
			}
			if again.href() != h {
				t.Fatalf("%s: %q parses again as %q", what, h, again.href())
			}
		}
		check("parse " + in)
		r.set(attr, v)
		check("set " + attr + " " + v)
	})
}

package network

import (
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
)

// knownSchemes are the schemes ParseUserInput takes a string starting
// with "scheme:" to be a URL in. Others need "scheme://", so that
// "localhost:8080" is a host and port rather than a URL with scheme
// "localhost".
var knownSchemes = map[string]bool{
	"http": true, "https": true, "file": true, "data": true, "about": true,
	"javascript": true, "mailto": true,
}

// hostLike matches a host name with an optional port and path: what a
// user types for a site, such as "example.com" or "localhost:8080/x".
var hostLike = regexp.MustCompile(`^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?)(:[0-9]{1,5})?([/?#].*)?$`)

// documentExtensions are extensions that make a dotted name a file name
// rather than a host: "index.html" is a file even if absent.
var documentExtensions = map[string]bool{
	"html": true, "htm": true, "xhtml": true, "xht": true, "txt": true, "css": true,
	"js": true, "svg": true, "png": true, "jpg": true, "jpeg": true, "gif": true, "webp": true,
}

// ParseUserInput turns what a user typed into the address bar, or passed
// on the command line, into an absolute URL:
//
//   - an absolute URL (http, https, file, data, about, or any
//     "scheme://...") is taken as it is;
//   - an existing file or directory, or anything that looks like a path
//     (starting with /, ./, ../, ~/, or naming a .html or similar file),
//     becomes a file: URL, made absolute against cwd (the process's
//     working directory when cwd is empty);
//   - a bare host such as "example.com" or "localhost:8080/x" gets a
//     scheme: https, or http for localhost and IP addresses, which are
//     mostly development servers without TLS.
//
// A failure is a *LoadError of kind BadURL.
func ParseUserInput(s, cwd string) (*url.URL, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return nil, loadErr(s, BadURL, "empty address", nil)
	}
	if scheme, _, ok := strings.Cut(in, ":"); ok && isScheme(scheme) &&
		(knownSchemes[strings.ToLower(scheme)] || strings.Contains(in, "://")) &&
		!isWindowsDrive(in) {
		u, err := url.Parse(in)
		if err != nil {
			return nil, loadErr(in, BadURL, "malformed URL", err)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host == "" {
			return nil, loadErr(in, BadURL, "malformed URL: no host", nil)
		}
		return u, nil
	}
	if looksLikePath(in) || exists(in, cwd) || !hostLike.MatchString(in) {
		return fileURL(in, cwd)
	}
	host := in
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if !strings.Contains(host, ".") && !strings.EqualFold(host, "localhost") && net.ParseIP(host) == nil {
		// A single word is more likely a file name than a host.
		return fileURL(in, cwd)
	}
	if ext := strings.ToLower(filepath.Ext(host)); len(ext) > 1 && documentExtensions[ext[1:]] && in == host {
		return fileURL(in, cwd)
	}
	scheme := "https://"
	if strings.EqualFold(host, "localhost") || net.ParseIP(host) != nil {
		scheme = "http://"
	}
	u, err := url.Parse(scheme + in)
	if err != nil {
		return nil, loadErr(in, BadURL, "malformed URL", err)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u, nil
}

// isScheme reports whether s is a URL scheme: a letter followed by
// letters, digits, +, - and dots.
func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// isWindowsDrive reports whether s starts like C:\ or C:/, which would
// otherwise read as a URL with a one-letter scheme.
func isWindowsDrive(s string) bool {
	return len(s) >= 3 && s[1] == ':' && (s[2] == '\\' || s[2] == '/') &&
		('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z')
}

func looksLikePath(s string) bool {
	for _, p := range []string{"/", "./", "../", "~/", ".\\", "..\\"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return s == "." || s == ".." || s == "~" || filepath.IsAbs(s) || isWindowsDrive(s) ||
		runtime.GOOS == "windows" && strings.Contains(s, "\\")
}

func exists(p, cwd string) bool {
	if !filepath.IsAbs(p) && cwd != "" {
		p = filepath.Join(cwd, p)
	}
	_, err := os.Stat(p)
	return err == nil
}

// fileURL returns the file: URL of path p, made absolute against cwd.
func fileURL(p, cwd string) (*url.URL, error) {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, loadErr(p, BadURL, "no home directory to expand ~ in", err)
		}
		p = filepath.Join(home, p[1:])
	}
	if !filepath.IsAbs(p) {
		if cwd == "" {
			wd, err := os.Getwd()
			if err != nil {
				return nil, loadErr(p, BadURL, "no working directory to resolve a relative path against", err)
			}
			cwd = wd
		}
		p = filepath.Join(cwd, p)
	}
	slash := filepath.ToSlash(filepath.Clean(p))
	if !strings.HasPrefix(slash, "/") {
		// C:/dir becomes file:///C:/dir.
		slash = "/" + slash
	}
	return &url.URL{Scheme: "file", Path: slash}, nil
}

// specialSchemes are the URL standard's special schemes, in which a
// backslash counts as a slash.
var specialSchemes = map[string]bool{
	"http": true, "https": true, "file": true, "ws": true, "wss": true, "ftp": true,
}

// Resolve resolves a reference found in a document, such as an href or
// src attribute value, against the document's base URL. As HTML and the
// URL standard do, it strips leading and trailing ASCII whitespace and
// removes tabs and newlines from within. A nil base requires an absolute
// reference. A failure is a *LoadError of kind BadURL.
func Resolve(base *url.URL, ref string) (*url.URL, error) {
	orig := ref
	ref = trimASCIISpace(ref)
	ref = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, ref)
	scheme := ""
	if s, _, ok := strings.Cut(ref, ":"); ok && isScheme(s) && !strings.ContainsAny(s, "/?#") {
		scheme = strings.ToLower(s)
	} else if base != nil {
		scheme = base.Scheme
	}
	if specialSchemes[scheme] {
		// Only before the query: a backslash in a query is data.
		end := strings.IndexAny(ref, "?#")
		if end < 0 {
			end = len(ref)
		}
		ref = strings.ReplaceAll(ref[:end], `\`, "/") + ref[end:]
	}
	ref = escapeStrayPercents(ref)
	r, err := url.Parse(ref)
	if err != nil {
		return nil, loadErr(orig, BadURL, "malformed URL", err)
	}
	if base == nil {
		if !r.IsAbs() {
			return nil, loadErr(orig, BadURL, "relative URL without a base", nil)
		}
		return r, nil
	}
	if ref == "" {
		// The URL standard resolves an empty reference to the base
		// without its fragment; ResolveReference keeps the fragment.
		u := *base
		u.Fragment, u.RawFragment = "", ""
		return &u, nil
	}
	return base.ResolveReference(r), nil
}

// escapeStrayPercents escapes each % that does not start a %XX escape,
// which browsers let through but url.Parse rejects.
func escapeStrayPercents(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

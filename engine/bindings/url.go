package bindings

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// urlRecord is a URL as the WHATWG URL standard models it. Path, query
// and fragment are kept percent-encoded, as they serialize.
type urlRecord struct {
	scheme, username, password string
	hasHost                    bool // the URL has an authority ("//")
	host, port                 string
	path                       string
	opaque                     bool // an opaque path (mailto:x, javascript:...)
	query, fragment            *string
}

var errInvalidURL = errors.New("invalid URL")

var defaultPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

func isSpecial(scheme string) bool { _, ok := defaultPorts[scheme]; return ok }

// Percent-encode sets (URL standard §1.3), for bytes below 0x80; every
// byte from 0x80 up is encoded in all of them.
func inC0(c byte) bool       { return c < 0x20 || c == 0x7f }
func inFragment(c byte) bool { return inC0(c) || strings.IndexByte(" \"<>`", c) >= 0 }
func inQuery(c byte) bool    { return inC0(c) || strings.IndexByte(" \"#<>", c) >= 0 }
func inSpecialQuery(c byte) bool {
	return inQuery(c) || c == '\''
}
func inPath(c byte) bool     { return inQuery(c) || strings.IndexByte("?`{}^", c) >= 0 }
func inUserinfo(c byte) bool { return inPath(c) || strings.IndexByte("/:;=@[\\]|", c) >= 0 }

// percentEncode encodes s's bytes that are in set; '%' is left alone, so
// existing escapes survive.
func percentEncode(s string, set func(byte) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || set(c) {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// splitScheme returns the lowercased scheme of s and what follows its
// colon, or ok false when s does not start with one.
func splitScheme(s string) (scheme, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(s[:i]), s[i+1:], true
		default:
			return "", s, false
		}
	}
	return "", s, false
}

// parseURL parses input against base (nil for none).
func parseURL(input string, base *urlRecord) (*urlRecord, error) {
	input = strings.TrimFunc(input, func(r rune) bool { return r <= ' ' })
	input = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(input)
	scheme, rest, hasScheme := splitScheme(input)
	if hasScheme && base != nil && scheme == base.scheme && isSpecial(scheme) && scheme != "file" &&
		!strings.HasPrefix(rest, "/") && !strings.HasPrefix(rest, "\\") {
		// "http:foo" against an http base is relative.
		hasScheme, input = false, rest
	}
	if !hasScheme {
		if base == nil {
			return nil, errInvalidURL
		}
		if base.opaque {
			if !strings.HasPrefix(input, "#") {
				return nil, errInvalidURL
			}
			r := *base
			f := percentEncode(input[1:], inFragment)
			r.fragment = &f
			return &r, nil
		}
		scheme, rest = base.scheme, input
	}
	special := isSpecial(scheme)
	r := &urlRecord{scheme: scheme}

	// Split off the fragment and query first; backslashes are slashes
	// before them in special URLs.
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		f := percentEncode(rest[i+1:], inFragment)
		r.fragment = &f
		rest = rest[:i]
	}
	hasQuery := false
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		qset := inQuery
		if special {
			qset = inSpecialQuery
		}
		q := percentEncode(rest[i+1:], qset)
		r.query = &q
		rest, hasQuery = rest[:i], true
	}
	if special {
		rest = strings.ReplaceAll(rest, "\\", "/")
	}

	var authority string
	switch {
	case hasScheme && special && scheme != "file":
		rest = strings.TrimLeft(rest, "/")
		authority, rest = cutAuthority(rest)
		r.hasHost = true
	case strings.HasPrefix(rest, "//"):
		authority, rest = cutAuthority(rest[2:])
		r.hasHost = true
	case hasScheme && scheme == "file":
		r.hasHost = true
	case hasScheme && !strings.HasPrefix(rest, "/"):
		r.opaque = true
		r.path = percentEncode(rest, inC0)
		return r, nil
	case hasScheme:
		// A path with no authority (non-special "x:/a").
	default:
		// Relative to base: its authority, and its path unless rest has one.
		r.username, r.password, r.hasHost, r.host, r.port = base.username, base.password, base.hasHost, base.host, base.port
		switch {
		case rest == "":
			r.path = base.path
			if !hasQuery {
				r.query = base.query
			}
			return r, nil
		case !strings.HasPrefix(rest, "/"):
			dir := base.path[:strings.LastIndexByte(base.path, '/')+1]
			if dir == "" && (special || base.hasHost) {
				dir = "/"
			}
			rest = dir + rest
		}
		r.path = normalizePath(rest, special)
		return r, nil
	}
	if r.hasHost {
		if err := r.setAuthority(authority, true); err != nil {
			return nil, err
		}
		if special && scheme != "file" && r.host == "" {
			return nil, errInvalidURL
		}
	}
	r.path = normalizePath(rest, special)
	return r, nil
}

func cutAuthority(s string) (authority, rest string) {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// setAuthority parses "user:pass@host:port" through net/url; userinfo
// false leaves the credentials alone (the host setter).
func (r *urlRecord) setAuthority(a string, userinfo bool) error {
	// The credentials are split off here: net/url is stricter about
	// them than the standard (which keeps a stray "%").
	var user, pass string
	hasUser := false
	if i := strings.LastIndexByte(a, '@'); i >= 0 {
		if !userinfo {
			return errInvalidURL // the host setters take no credentials
		}
		user, pass, _ = strings.Cut(a[:i], ":")
		a, hasUser = a[i+1:], true
	}
	u, err := url.Parse("x://" + a)
	if err != nil || u.User != nil {
		return errInvalidURL
	}
	host := u.Hostname()
	if strings.HasPrefix(u.Host, "[") {
		host = "[" + strings.ToLower(host) + "]"
	} else if isSpecial(r.scheme) {
		h, err := url.PathUnescape(host)
		if err != nil || !utf8.ValidString(h) || strings.ContainsRune(h, utf8.RuneError) {
			// Invalid UTF-8 decodes to U+FFFD, which no domain may hold.
			return errInvalidURL
		}
		if h, err = idna.Lookup.ToASCII(h); err != nil || strings.ContainsAny(h, " #%/:<>?@[\\]^|") {
			return errInvalidURL
		}
		host = strings.ToLower(h)
		if endsInNumber(host) {
			if host, err = ipv4(host); err != nil {
				return err
			}
		}
	} else {
		host = percentEncode(host, inC0)
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n > 65535 {
			return errInvalidURL
		}
		port = strconv.Itoa(n)
		if port == defaultPorts[r.scheme] {
			port = ""
		}
	}
	if host == "" && isSpecial(r.scheme) && r.scheme != "file" {
		return errInvalidURL
	}
	if userinfo && hasUser {
		r.username = percentEncode(user, inUserinfo)
		r.password = percentEncode(pass, inUserinfo)
	}
	r.host, r.port = host, port
	return nil
}

// normalizePath percent-encodes a path and removes its dot segments
// ("." and "..", also written %2e).
func normalizePath(p string, special bool) string {
	if special {
		p = strings.ReplaceAll(p, "\\", "/")
	}
	if p == "" {
		if special {
			return "/"
		}
		return ""
	}
	segs := strings.Split(p, "/")
	var out []string
	for i, s := range segs {
		last := i == len(segs)-1
		switch strings.ToLower(s) {
		case ".", "%2e":
			if last {
				out = append(out, "")
			}
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	path := strings.Join(out, "/")
	if !strings.HasPrefix(path, "/") && (special || strings.HasPrefix(p, "/")) {
		path = "/" + path
	}
	return percentEncode(path, inPath)
}

func (r *urlRecord) href() string {
	var b strings.Builder
	b.WriteString(r.scheme + ":")
	if r.hasHost {
		b.WriteString("//")
		if r.username != "" || r.password != "" {
			b.WriteString(r.username)
			if r.password != "" {
				b.WriteString(":" + r.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(r.host)
		if r.port != "" {
			b.WriteString(":" + r.port)
		}
	} else if !r.opaque && strings.HasPrefix(r.path, "//") {
		b.WriteString("/.")
	}
	b.WriteString(r.path)
	b.WriteString(r.search())
	b.WriteString(r.hash())
	return b.String()
}

func (r *urlRecord) search() string {
	if r.query == nil || *r.query == "" {
		return ""
	}
	return "?" + *r.query
}

func (r *urlRecord) hash() string {
	if r.fragment == nil || *r.fragment == "" {
		return ""
	}
	return "#" + *r.fragment
}

func (r *urlRecord) hostPort() string {
	if r.port == "" {
		return r.host
	}
	return r.host + ":" + r.port
}

// origin is the ASCII serialization of the URL's origin: "null" for the
// opaque origins of file, data and other non-network schemes.
func (r *urlRecord) origin() string {
	switch r.scheme {
	case "http", "https", "ws", "wss", "ftp":
		return r.scheme + "://" + r.hostPort()
	case "blob":
		if in, err := parseURL(r.path, nil); err == nil && (in.scheme == "http" || in.scheme == "https") {
			return in.origin()
		}
	}
	return "null"
}

// get returns one of the URL interface's string attributes.
func (r *urlRecord) get(name string) string {
	switch name {
	case "href":
		return r.href()
	case "origin":
		return r.origin()
	case "protocol":
		return r.scheme + ":"
	case "username":
		return r.username
	case "password":
		return r.password
	case "host":
		return r.hostPort()
	case "hostname":
		return r.host
	case "port":
		return r.port
	case "pathname":
		return r.path
	case "search":
		return r.search()
	case "hash":
		return r.hash()
	}
	return ""
}

// set runs one of the URL interface's setters. Values the standard
// ignores leave r as it was; only href fails.
func (r *urlRecord) set(name, v string) error {
	switch name {
	case "href":
		n, err := parseURL(v, nil)
		if err != nil {
			return err
		}
		*r = *n
	case "protocol":
		s, _, ok := splitScheme(v + ":")
		if !ok || isSpecial(s) != isSpecial(r.scheme) || s == "file" && (r.username != "" || r.password != "" || r.port != "") ||
			r.scheme == "file" && r.host == "" && s != "file" {
			return nil
		}
		r.scheme = s
		if r.port == defaultPorts[s] {
			r.port = ""
		}
	case "username", "password":
		if !r.hasHost || r.host == "" || r.scheme == "file" {
			return nil
		}
		if name == "username" {
			r.username = percentEncode(v, inUserinfo)
		} else {
			r.password = percentEncode(v, inUserinfo)
		}
	case "host", "hostname":
		if r.opaque {
			return nil
		}
		if isSpecial(r.scheme) {
			v = strings.ReplaceAll(v, "\\", "/")
		}
		v, _, _ = strings.Cut(v, "/")
		v, _, _ = strings.Cut(v, "?")
		v, _, _ = strings.Cut(v, "#")
		if name == "hostname" && !strings.HasPrefix(v, "[") {
			v, _, _ = strings.Cut(v, ":")
		}
		if v == "" && isSpecial(r.scheme) {
			return nil
		}
		n := *r
		if name == "hostname" {
			if err := n.setAuthority(v+portSuffix(r.port), false); err != nil {
				return nil
			}
		} else if err := n.setAuthority(v, false); err != nil {
			return nil
		}
		n.hasHost = true
		*r = n
	case "port":
		if !r.hasHost || r.host == "" || r.scheme == "file" {
			return nil
		}
		if v == "" {
			r.port = ""
			return nil
		}
		end := 0
		for end < len(v) && v[end] >= '0' && v[end] <= '9' {
			end++
		}
		p, err := strconv.Atoi(v[:end])
		if end == 0 || err != nil || p > 65535 {
			return nil
		}
		r.port = strconv.Itoa(p)
		if r.port == defaultPorts[r.scheme] {
			r.port = ""
		}
	case "pathname":
		if r.opaque {
			return nil
		}
		if isSpecial(r.scheme) && !strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "\\") || r.hasHost && v != "" && v[0] != '/' {
			v = "/" + v
		}
		r.path = normalizePath(v, isSpecial(r.scheme))
	case "search":
		if v == "" {
			r.query = nil
			return nil
		}
		set := inQuery
		if isSpecial(r.scheme) {
			set = inSpecialQuery
		}
		q := percentEncode(strings.TrimPrefix(v, "?"), set)
		r.query = &q
	case "hash":
		if v == "" {
			r.fragment = nil
			return nil
		}
		f := percentEncode(strings.TrimPrefix(v, "#"), inFragment)
		r.fragment = &f
	}
	return nil
}

func portSuffix(p string) string {
	if p == "" {
		return ""
	}
	return ":" + p
}

// endsInNumber reports whether a domain's last label is a number, which
// makes it an IPv4 address (URL standard §3.5).
func endsInNumber(host string) bool {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := ipv4Number(last)
	return ok
}

// ipv4Number parses one part of an IPv4 address: decimal, octal with a
// leading 0, or hexadecimal with 0x.
func ipv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, base = s[2:], 16
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		// Too long for 64 bits is still a number, just out of range.
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 1 << 40, true
		}
		return 0, false
	}
	return n, true
}

// ipv4 parses host as an IPv4 address and serializes it dotted.
func ipv4(host string) (string, error) {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return "", errInvalidURL
	}
	var nums []uint64
	for _, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return "", errInvalidURL
		}
		nums = append(nums, n)
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", errInvalidURL
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return "", errInvalidURL
	}
	addr := last
	for i, n := range nums[:len(nums)-1] {
		addr += n << (8 * (3 - i))
	}
	return strconv.Itoa(int(addr>>24)) + "." + strconv.Itoa(int(addr>>16&255)) + "." + strconv.Itoa(int(addr>>8&255)) + "." + strconv.Itoa(int(addr&255)), nil
}

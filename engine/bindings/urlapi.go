package bindings

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"glassbox/js"
)

//go:embed urlapi.js
var urlSource string

// installURL defines URL and URLSearchParams (urlapi.js, over the parser
// in url.go) and location.
func (w *Window) installURL() error {
	rt := w.RT
	native := rt.NewObject()
	invalid := func(c *js.Call) error {
		s, _ := w.str(c, 0)
		return w.typeError("Failed to construct 'URL': Invalid URL '" + s + "'")
	}
	w.method(native, "parse", 2, func(c *js.Call) (js.Value, error) {
		in, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		var base *urlRecord
		if !c.Arg(1).IsUndefined() {
			b, err := w.str(c, 1)
			if err != nil {
				return js.Undefined(), err
			}
			if base, err = parseURL(b, nil); err != nil {
				return js.Undefined(), invalid(c)
			}
		}
		r, err := parseURL(in, base)
		if err != nil {
			return js.Undefined(), invalid(c)
		}
		return strVal(r.href()), nil
	})
	record := func(c *js.Call) (*urlRecord, string, error) {
		href, _ := w.str(c, 0)
		name, _ := w.str(c, 1)
		r, err := parseURL(href, nil)
		if err != nil {
			return nil, "", w.typeError("Invalid URL '" + href + "'")
		}
		return r, name, nil
	}
	w.method(native, "get", 2, func(c *js.Call) (js.Value, error) {
		r, name, err := record(c)
		if err != nil {
			return js.Undefined(), err
		}
		return strVal(r.get(name)), nil
	})
	w.method(native, "set", 3, func(c *js.Call) (js.Value, error) {
		r, name, err := record(c)
		if err != nil {
			return js.Undefined(), err
		}
		v, _ := w.str(c, 2)
		if err := r.set(name, v); err != nil {
			return js.Undefined(), w.typeError("Failed to set the 'href' property on 'URL': Invalid URL '" + v + "'")
		}
		return strVal(r.href()), nil
	})
	w.method(native, "formParse", 1, func(c *js.Call) (js.Value, error) {
		s, _ := w.str(c, 0)
		var pairs []js.Value
		for _, p := range formParse(s) {
			pairs = append(pairs, rt.NewArray(strVal(p[0]), strVal(p[1])))
		}
		return rt.NewArray(pairs...), nil
	})
	w.method(native, "formSerialize", 1, func(c *js.Call) (js.Value, error) {
		list := c.Arg(0)
		n, _ := rt.GetProperty(list, "length")
		var b strings.Builder
		for i := 0; i < int(n.Float()); i++ {
			p, _ := rt.GetProperty(list, itoa(i))
			k, _ := rt.GetProperty(p, "0")
			v, _ := rt.GetProperty(p, "1")
			ks, _ := rt.ToString(k)
			vs, _ := rt.ToString(v)
			if i > 0 {
				b.WriteByte('&')
			}
			b.WriteString(formEncode(ks) + "=" + formEncode(vs))
		}
		return strVal(b.String()), nil
	})
	f, err := rt.RunScript("glassbox:urlapi.js", urlSource)
	if err != nil {
		return err
	}
	if _, err = rt.Call(f, js.Undefined(), native); err != nil {
		return err
	}
	w.installLocation()
	w.installStorage()
	return nil
}

// formParse is the application/x-www-form-urlencoded parser.
func formParse(s string) [][2]string {
	var out [][2]string
	for _, seq := range strings.Split(s, "&") {
		if seq == "" {
			continue
		}
		name, value, _ := strings.Cut(seq, "=")
		out = append(out, [2]string{percentDecode(strings.ReplaceAll(name, "+", " ")), percentDecode(strings.ReplaceAll(value, "+", " "))})
	}
	return out
}

// percentDecode decodes %XX escapes, leaving malformed ones as they are,
// and replaces invalid UTF-8 with U+FFFD.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	unhex := func(c byte) int {
		switch {
		case c >= '0' && c <= '9':
			return int(c - '0')
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
			b = append(b, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r) // RuneError for each invalid byte
		b = b[n:]
	}
	return sb.String()
}

// formEncode is the application/x-www-form-urlencoded byte serializer.
func formEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("*-._", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}

// installLocation defines location, whose attributes read the window's
// URL as it is now (history.pushState changes it).
func (w *Window) installLocation() {
	rt := w.RT
	proto := w.class("Location", js.Undefined(), nil)
	loc := rt.NewHostObject(proto, w)
	current := func() *urlRecord {
		r, err := parseURL(w.URL.String(), nil)
		if err != nil {
			return &urlRecord{scheme: "about", opaque: true, path: "blank"}
		}
		return r
	}
	for _, name := range []string{"href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"} {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) { return strVal(current().get(name)), nil }, nil)
	}
	w.method(proto, "toString", 0, func(c *js.Call) (js.Value, error) { return strVal(current().href()), nil })
	rt.Set("location", loc)
}

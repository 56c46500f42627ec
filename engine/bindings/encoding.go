package bindings

import (
	_ "embed"
	"encoding/base64"
	"strings"

	"glassbox/js"
	"glassbox/js/vm"
)

//go:embed encoding.js
var encodingSource string

// installEncoding defines atob and btoa, and runs encoding.js, which
// defines TextEncoder, TextDecoder and structuredClone; it returns the
// clone function for the Go side.
func (w *Window) installEncoding() (clone js.Value, err error) {
	rt := w.RT
	g := rt.Global()
	w.method(g, "btoa", 1, func(c *js.Call) (js.Value, error) {
		if len(c.Args) == 0 {
			return js.Undefined(), w.typeError("Failed to execute 'btoa' on 'Window': 1 argument required, but only 0 present.")
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		b, ok := latin1(s)
		if !ok {
			return js.Undefined(), w.domError("InvalidCharacterError", "Failed to execute 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range.")
		}
		return strVal(base64.StdEncoding.EncodeToString(b)), nil
	})
	w.method(g, "atob", 1, func(c *js.Call) (js.Value, error) {
		if len(c.Args) == 0 {
			return js.Undefined(), w.typeError("Failed to execute 'atob' on 'Window': 1 argument required, but only 0 present.")
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		b, ok := forgivingBase64(s)
		if !ok {
			return js.Undefined(), w.domError("InvalidCharacterError", "Failed to execute 'atob' on 'Window': The string to be decoded is not correctly encoded.")
		}
		var sb strings.Builder
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return strVal(sb.String()), nil
	})

	native := rt.NewObject()
	// kind tells structuredClone which internal slots an object has,
	// which JavaScript can only find out by catching exceptions.
	w.method(native, "kind", 1, func(c *js.Call) (js.Value, error) {
		v := c.Arg(0)
		if !v.IsObject() {
			return strVal(""), nil
		}
		return strVal(cloneKinds[v.Obj().Class()]), nil
	})
	f, err := rt.RunScript("glassbox:encoding.js", encodingSource)
	if err != nil {
		return js.Undefined(), err
	}
	hv, err := rt.Call(f, js.Undefined(), native)
	if err != nil {
		return js.Undefined(), err
	}
	return rt.GetProperty(hv, "structuredClone")
}

// latin1 returns s's characters as bytes, or false when one is above
// U+00FF.
func latin1(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			return nil, false
		}
		b = append(b, byte(r))
	}
	return b, true
}

// forgivingBase64 is the Infra standard's forgiving-base64 decode: ASCII
// whitespace is skipped, padding is optional, but a length of 1 mod 4 or
// a character outside the alphabet fails.
func forgivingBase64(s string) ([]byte, bool) {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			sb.WriteByte(s[i])
		}
	}
	d := sb.String()
	if len(d)%4 == 0 {
		if strings.HasSuffix(d, "==") {
			d = d[:len(d)-2]
		} else if strings.HasSuffix(d, "=") {
			d = d[:len(d)-1]
		}
	}
	if len(d)%4 == 1 {
		return nil, false
	}
	for i := 0; i < len(d); i++ {
		c := d[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return nil, false
		}
	}
	// RawStdEncoding is strict about the unused bits of the last
	// character; the standard discards them, so they are cleared first.
	b := []byte(d)
	if n := len(b) % 4; n != 0 {
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		last := strings.IndexByte(alphabet, b[len(b)-1])
		if n == 2 {
			last &^= 0xf
		} else {
			last &^= 0x3
		}
		b[len(b)-1] = alphabet[last]
	}
	out, err := base64.RawStdEncoding.DecodeString(string(b))
	if err != nil {
		return nil, false
	}
	return out, true
}

// cloneKinds names the object classes structuredClone treats apart.
var cloneKinds = map[vm.Class]string{
	vm.ClassArray: "array", vm.ClassError: "error", vm.ClassBoolean: "boolean", vm.ClassNumber: "number",
	vm.ClassString: "string", vm.ClassBigInt: "bigint", vm.ClassDate: "date", vm.ClassRegExp: "regexp",
	vm.ClassMap: "map", vm.ClassSet: "set", vm.ClassProxy: "proxy", vm.ClassArrayBuffer: "arraybuffer",
	vm.ClassTypedArray: "view", vm.ClassDataView: "view", vm.ClassHost: "host", vm.ClassFunction: "function",
}

package vm

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"glassbox/js/bytecode"
)

func (r *Realm) initGlobals() {
	g := r.Global
	g.defineOwn(StrKey("NaN"), NaN, 0)
	g.defineOwn(StrKey("Infinity"), Num(math.Inf(1)), 0)
	g.defineOwn(StrKey("undefined"), Undefined, 0)
	parseFloat := r.newFunc("parseFloat", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		return Num(parseFloatPrefix(strings.TrimLeftFunc(s.String(), isJSSpace))), nil
	})
	parseInt := r.newFunc("parseInt", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		rf, err := it.ToNumber(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		return Num(parseIntJS(s.String(), int(ToInt32(rf)))), nil
	})
	r.defineGlobal("parseFloat", ObjValue(parseFloat))
	r.defineGlobal("parseInt", ObjValue(parseInt))
	r.method(g, "isNaN", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		x, err := it.ToNumber(arg(args, 0))
		return Bool(math.IsNaN(x)), err
	})
	r.method(g, "isFinite", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		x, err := it.ToNumber(arg(args, 0))
		return Bool(!math.IsNaN(x) && !math.IsInf(x, 0)), err
	})
	// Called as a function, eval is indirect: the code runs in the global
	// scope. Direct eval is RtDirectEval.
	r.evalFn = r.method(g, "eval", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		return it.eval(nil, it.realm, ObjValue(it.realm.Global), arg(args, 0), &bytecode.EvalScope{})
	})
	uriFn := func(name string, f func(string) (string, bool)) {
		r.method(g, name, 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			s, err := it.ToString(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			out, ok := f(s.String())
			if !ok {
				return Undefined, it.throwError(URIError, "URI malformed")
			}
			return Str(out), nil
		})
	}
	const uriMark = "-_.!~*'()"
	uriFn("encodeURIComponent", func(s string) (string, bool) { return uriEncode(s, uriMark) })
	uriFn("encodeURI", func(s string) (string, bool) { return uriEncode(s, uriMark+";/?:@&=+$,#") })
	uriFn("decodeURIComponent", func(s string) (string, bool) { return uriDecode(s, "") })
	uriFn("decodeURI", func(s string) (string, bool) { return uriDecode(s, ";/?:@&=+$,#") })
	// Number.parseFloat and Number.parseInt are the same functions.
	if n, ok := g.getOwn(StrKey("Number")); ok {
		n.value.Obj().defineOwn(StrKey("parseFloat"), ObjValue(parseFloat), Hidden)
		n.value.Obj().defineOwn(StrKey("parseInt"), ObjValue(parseInt), Hidden)
	}
}

// parseFloatPrefix parses the longest prefix of s that is a decimal
// literal.
func parseFloatPrefix(s string) float64 {
	if strings.HasPrefix(s, "Infinity") || strings.HasPrefix(s, "+Infinity") {
		return math.Inf(1)
	}
	if strings.HasPrefix(s, "-Infinity") {
		return math.Inf(-1)
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return math.NaN()
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s[:i], "."), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f
		}
		return math.NaN()
	}
	return f
}

// parseIntJS is the global parseInt.
func parseIntJS(s string, radix int) float64 {
	s = strings.TrimLeftFunc(s, isJSSpace)
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	strip := true
	if radix != 0 {
		if radix < 2 || radix > 36 {
			return math.NaN()
		}
		if radix != 16 {
			strip = false
		}
	} else {
		radix = 10
	}
	if strip && len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
		radix = 16
	}
	end := 0
	for end < len(s) && digitVal(s[end]) < radix {
		end++
	}
	if end == 0 {
		return math.NaN()
	}
	if radix == 10 {
		f, _ := strconv.ParseFloat(s[:end], 64)
		return sign * f
	}
	return sign * parseIntDigits(s[:end], radix)
}

// uriDecode implements Decode (ECMA-262 19.2.6.5): %XX escapes are
// UTF-8 octets, decoded to the code point they spell; escapes of ASCII
// characters in preserve stay as written. It reports false where the
// spec throws a URIError: a malformed escape, or octets that are not
// the shortest UTF-8 form of a scalar value (overlong forms, surrogates,
// code points above U+10FFFF).
func uriDecode(s, preserve string) (string, bool) {
	if !strings.Contains(s, "%") {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for k := 0; k < len(s); k++ {
		if s[k] != '%' {
			b.WriteByte(s[k])
			continue
		}
		oct, ok := hexOctet(s, k)
		if !ok {
			return "", false
		}
		if oct < 0x80 {
			if strings.IndexByte(preserve, oct) >= 0 {
				b.WriteString(s[k : k+3])
			} else {
				b.WriteByte(oct)
			}
			k += 2
			continue
		}
		n := bits.LeadingZeros8(^oct)
		if n < 2 || n > 4 {
			return "", false
		}
		var buf [4]byte
		buf[0] = oct
		k += 2
		for j := 1; j < n; j++ {
			k++
			if k >= len(s) || s[k] != '%' {
				return "", false
			}
			c, ok := hexOctet(s, k)
			if !ok || c&0xC0 != 0x80 {
				return "", false
			}
			buf[j] = c
			k += 2
		}
		if r, size := utf8.DecodeRune(buf[:n]); size == n {
			b.WriteRune(r)
			continue
		}
		return "", false
	}
	return b.String(), true
}

// hexOctet reads the two hex digits after the % at s[k].
func hexOctet(s string, k int) (byte, bool) {
	if k+2 >= len(s) {
		return 0, false
	}
	hi, ok1 := hexVal(s[k+1])
	lo, ok2 := hexVal(s[k+2])
	return hi<<4 | lo, ok1 && ok2
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// uriEncode implements Encode (ECMA-262 19.2.6.4): characters other than
// ASCII letters, digits and those in extra become %XX escapes of their
// UTF-8 octets. A lone surrogate cannot be encoded and reports false.
func uriEncode(s, extra string) (string, bool) {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(extra, c) >= 0 {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			}
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 {
			return "", false
		}
		for _, o := range []byte(s[i : i+size]) {
			b.WriteByte('%')
			b.WriteByte(hex[o>>4])
			b.WriteByte(hex[o&15])
		}
		i += size
	}
	return b.String(), true
}

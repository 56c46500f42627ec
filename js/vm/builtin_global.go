package vm

import (
	"math"
	"net/url"
	"strconv"
	"strings"

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
	uriFn("encodeURIComponent", func(s string) (string, bool) {
		return strings.ReplaceAll(url.QueryEscape(s), "+", "%20"), true
	})
	uriFn("encodeURI", func(s string) (string, bool) {
		e := strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
		for _, c := range ";,/?:@&=+$#" {
			e = strings.ReplaceAll(e, url.QueryEscape(string(c)), string(c))
		}
		return e, true
	})
	uriFn("decodeURIComponent", func(s string) (string, bool) {
		out, err := url.PathUnescape(s)
		return out, err == nil
	})
	uriFn("decodeURI", func(s string) (string, bool) {
		out, err := url.PathUnescape(s)
		return out, err == nil
	})
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

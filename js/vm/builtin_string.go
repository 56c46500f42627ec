package vm

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

func (r *Realm) initString() {
	p := newObjectClass(r.ObjectPrototype, ClassString)
	p.internal = StrValue(emptyString)
	r.StringPrototype = p
	s := r.newCtor("String", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		str := emptyString
		if len(args) > 0 {
			if sym := args[0].Sym(); sym != nil && nt == nil {
				return Str(sym.String()), nil
			}
			var err error
			if str, err = it.ToString(args[0]); err != nil {
				return Undefined, err
			}
		}
		if nt == nil {
			return StrValue(str), nil
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.StringPrototype })
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(proto, ClassString)
		o.internal = StrValue(str)
		return ObjValue(o), nil
	}, p)
	r.method(s, "fromCharCode", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		u := make([]uint16, len(args))
		for i, a := range args {
			f, err := it.ToNumber(a)
			if err != nil {
				return Undefined, err
			}
			u[i] = uint16(ToUint32(f))
		}
		return StrValue(FromUTF16(u)), nil
	})
	r.method(s, "fromCodePoint", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		var u []uint16
		for _, a := range args {
			f, err := it.ToNumber(a)
			if err != nil {
				return Undefined, err
			}
			if f != math.Trunc(f) || f < 0 || f > 0x10FFFF {
				return Undefined, it.rangeError("Invalid code point " + NumberToString(f))
			}
			if f >= 0x10000 {
				a, b := utf16.EncodeRune(rune(f))
				u = append(u, uint16(a), uint16(b))
			} else {
				u = append(u, uint16(f))
			}
		}
		return StrValue(FromUTF16(u)), nil
	})

	r.method(s, "raw", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		cooked, err := it.ToObject(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		rawv, err := it.getStr(cooked, "raw")
		if err != nil {
			return Undefined, err
		}
		literals, err := it.ToObject(rawv)
		if err != nil {
			return Undefined, err
		}
		n, err := it.lengthOf(literals)
		if err != nil {
			return Undefined, err
		}
		var u []uint16
		for i := int64(0); i < n; i++ {
			v, err := it.Get(literals, indexKey(int(i)))
			if err != nil {
				return Undefined, err
			}
			seg, err := it.ToString(v)
			if err != nil {
				return Undefined, err
			}
			u = append(u, seg.Units()...)
			if i+1 == n {
				break
			}
			if int(i)+1 < len(args) {
				sub, err := it.ToString(args[i+1])
				if err != nil {
					return Undefined, err
				}
				u = append(u, sub.Units()...)
			}
		}
		return StrValue(FromUTF16(u)), nil
	})

	// thisStr is RequireObjectCoercible(this) then ToString.
	thisStr := func(it *Interp, this Value, name string) (*String, error) {
		if this.IsString() {
			return this.Strv(), nil
		}
		if this.IsNullish() {
			return nil, it.typeError("String.prototype." + name + " called on null or undefined")
		}
		return it.ToString(this)
	}
	method := func(name string, length int, f func(it *Interp, s *String, args []Value) (Value, error)) {
		r.method(p, name, length, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			s, err := thisStr(it, this, name)
			if err != nil {
				return Undefined, err
			}
			return f(it, s, args)
		})
	}
	intArg := func(it *Interp, v Value) (float64, error) {
		f, err := it.ToNumber(v)
		return ToIntegerOrInfinity(f), err
	}
	thisPrim := func(it *Interp, this Value) (Value, error) {
		if this.IsString() {
			return this, nil
		}
		if o := this.Obj(); o != nil && o.class == ClassString {
			return o.internal.(Value), nil
		}
		return Undefined, it.typeError("String.prototype.valueOf requires that 'this' be a String")
	}
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) { return thisPrim(it, this) })
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) { return thisPrim(it, this) })
	method("charAt", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		i, err := intArg(it, arg(args, 0))
		if err != nil || i < 0 || i >= float64(s.Len()) {
			return Str(""), err
		}
		return StrValue(s.Substring(int(i), int(i)+1)), nil
	})
	method("charCodeAt", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		i, err := intArg(it, arg(args, 0))
		if err != nil || i < 0 || i >= float64(s.Len()) {
			return NaN, err
		}
		return Int(int(s.At(int(i)))), nil
	})
	method("codePointAt", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		i, err := intArg(it, arg(args, 0))
		if err != nil || i < 0 || i >= float64(s.Len()) {
			return Undefined, err
		}
		c := s.At(int(i))
		if c >= 0xD800 && c < 0xDC00 && int(i)+1 < s.Len() {
			if d := s.At(int(i) + 1); d >= 0xDC00 && d < 0xE000 {
				return Int(int(utf16.DecodeRune(rune(c), rune(d)))), nil
			}
		}
		return Int(int(c)), nil
	})
	method("at", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		i, err := intArg(it, arg(args, 0))
		if i < 0 {
			i += float64(s.Len())
		}
		if err != nil || i < 0 || i >= float64(s.Len()) {
			return Undefined, err
		}
		return StrValue(s.Substring(int(i), int(i)+1)), nil
	})
	method("indexOf", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		t, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		pos, err := intArg(it, arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		pos = math.Min(math.Max(pos, 0), float64(s.Len()))
		return Int(s.IndexOf(t, int(pos))), nil
	})
	method("lastIndexOf", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		t, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		f, err := it.ToNumber(arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		pos := float64(s.Len())
		if !math.IsNaN(f) {
			pos = math.Min(math.Max(ToIntegerOrInfinity(f), 0), float64(s.Len()))
		}
		return Int(s.LastIndexOf(t, int(pos))), nil
	})
	method("includes", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		if err := notRegExp(it, arg(args, 0), "includes"); err != nil {
			return Undefined, err
		}
		t, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		pos, err := intArg(it, arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		return Bool(s.IndexOf(t, int(math.Min(math.Max(pos, 0), float64(s.Len())))) >= 0), nil
	})
	method("startsWith", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		if err := notRegExp(it, arg(args, 0), "startsWith"); err != nil {
			return Undefined, err
		}
		t, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		pos, err := intArg(it, arg(args, 1))
		if err != nil {
			return Undefined, err
		}
		start := int(math.Min(math.Max(pos, 0), float64(s.Len())))
		if start+t.Len() > s.Len() {
			return False, nil
		}
		return Bool(s.Substring(start, start+t.Len()).Equals(t)), nil
	})
	method("endsWith", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		if err := notRegExp(it, arg(args, 0), "endsWith"); err != nil {
			return Undefined, err
		}
		t, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		end := s.Len()
		if e := arg(args, 1); !e.IsUndefined() {
			f, err := intArg(it, e)
			if err != nil {
				return Undefined, err
			}
			end = int(math.Min(math.Max(f, 0), float64(s.Len())))
		}
		start := end - t.Len()
		if start < 0 {
			return False, nil
		}
		return Bool(s.Substring(start, end).Equals(t)), nil
	})
	method("slice", 2, func(it *Interp, s *String, args []Value) (Value, error) {
		n := int64(s.Len())
		from, err := it.relIndex(arg(args, 0), n, 0)
		if err != nil {
			return Undefined, err
		}
		to, err := it.relIndex(arg(args, 1), n, n)
		if err != nil {
			return Undefined, err
		}
		return StrValue(s.Substring(int(from), int(to))), nil
	})
	method("substring", 2, func(it *Interp, s *String, args []Value) (Value, error) {
		n := float64(s.Len())
		a, err := intArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		b := n
		if !arg(args, 1).IsUndefined() {
			if b, err = intArg(it, arg(args, 1)); err != nil {
				return Undefined, err
			}
		}
		a, b = math.Min(math.Max(a, 0), n), math.Min(math.Max(b, 0), n)
		if a > b {
			a, b = b, a
		}
		return StrValue(s.Substring(int(a), int(b))), nil
	})
	method("substr", 2, func(it *Interp, s *String, args []Value) (Value, error) {
		n := float64(s.Len())
		a, err := intArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if a < 0 {
			a = math.Max(n+a, 0)
		}
		a = math.Min(a, n)
		l := n - a
		if !arg(args, 1).IsUndefined() {
			if l, err = intArg(it, arg(args, 1)); err != nil {
				return Undefined, err
			}
		}
		end := math.Min(a+math.Max(l, 0), n)
		return StrValue(s.Substring(int(a), int(end))), nil
	})
	caseMap := func(upper bool) func(it *Interp, s *String, args []Value) (Value, error) {
		return func(it *Interp, s *String, _ []Value) (Value, error) {
			str := s.String()
			// Outside ASCII, the full mappings of SpecialCasing.txt
			// apply (ß to SS, the final sigma, İ to i̇), which the
			// one-to-one mappings of strings.ToUpper lack. A string with
			// lone surrogates has no UTF-8 form: its code points are
			// mapped one to one, the lone surrogates kept.
			if u := s.Units(); !wellFormed(u) {
				return StrValue(FromUTF16(mapUnits(u, upper))), nil
			}
			if !isASCII(str) {
				if upper {
					return Str(cases.Upper(language.Und).String(str)), nil
				}
				return Str(cases.Lower(language.Und).String(str)), nil
			}
			if upper {
				return Str(strings.ToUpper(str)), nil
			}
			return Str(strings.ToLower(str)), nil
		}
	}
	method("toUpperCase", 0, caseMap(true))
	method("toLowerCase", 0, caseMap(false))
	method("toLocaleUpperCase", 0, caseMap(true))
	method("toLocaleLowerCase", 0, caseMap(false))
	trim := func(left, right bool) func(it *Interp, s *String, args []Value) (Value, error) {
		return func(it *Interp, s *String, _ []Value) (Value, error) {
			str := s.String()
			if left {
				str = strings.TrimLeftFunc(str, isJSSpace)
			}
			if right {
				str = strings.TrimRightFunc(str, isJSSpace)
			}
			return Str(str), nil
		}
	}
	method("trim", 0, trim(true, true))
	method("trimStart", 0, trim(true, false))
	method("trimEnd", 0, trim(false, true))
	method("split", 2, func(it *Interp, s *String, args []Value) (Value, error) {
		lim := uint32(math.MaxUint32)
		if l := arg(args, 1); !l.IsUndefined() {
			f, err := it.ToNumber(l)
			if err != nil {
				return Undefined, err
			}
			lim = ToUint32(f)
		}
		// ECMA-262 22.1.3.23 steps 5-7: the separator is converted first,
		// then a zero limit gives [], and only then does an undefined
		// separator give [S].
		sepv := arg(args, 0)
		sep, err := it.ToString(sepv)
		if err != nil {
			return Undefined, err
		}
		var out []Value
		if lim == 0 {
			return ObjValue(r.arrayOf(out)), nil
		}
		if sepv.IsUndefined() {
			return ObjValue(r.arrayOf([]Value{StrValue(s)})), nil
		}
		if sep.Len() == 0 {
			for i := 0; i < s.Len() && uint32(len(out)) < lim; i++ {
				if err := it.checkInterrupt(); err != nil {
					return Undefined, err
				}
				out = append(out, StrValue(s.Substring(i, i+1)))
			}
			return ObjValue(r.arrayOf(out)), nil
		}
		start := 0
		for uint32(len(out)) < lim {
			if err := it.checkInterrupt(); err != nil {
				return Undefined, err
			}
			i := s.IndexOf(sep, start)
			if i < 0 {
				out = append(out, StrValue(s.Substring(start, s.Len())))
				break
			}
			out = append(out, StrValue(s.Substring(start, i)))
			start = i + sep.Len()
		}
		return ObjValue(r.arrayOf(out)), nil
	})
	method("concat", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		for _, a := range args {
			t, err := it.ToString(a)
			if err != nil {
				return Undefined, err
			}
			if s, err = it.concat(s, t); err != nil {
				return Undefined, err
			}
		}
		return StrValue(s), nil
	})
	method("repeat", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		n, err := intArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if n < 0 || math.IsInf(n, 0) {
			return Undefined, it.rangeError("Invalid count value: " + NumberToString(n))
		}
		if n*float64(s.Len()) > MaxStringLength {
			return Undefined, it.rangeError(errInvalidStringLength)
		}
		if s.Len() == 0 {
			return StrValue(s), nil
		}
		return StrValue(repeatString(s, int(n))), nil
	})
	pad := func(atStart bool) func(it *Interp, s *String, args []Value) (Value, error) {
		return func(it *Interp, s *String, args []Value) (Value, error) {
			n, err := intArg(it, arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			fill := NewString(" ")
			if f := arg(args, 1); !f.IsUndefined() {
				if fill, err = it.ToString(f); err != nil {
					return Undefined, err
				}
			}
			if n <= float64(s.Len()) || fill.Len() == 0 {
				return StrValue(s), nil
			}
			if n > MaxStringLength {
				return Undefined, it.rangeError(errInvalidStringLength)
			}
			need := int(n) - s.Len()
			p := repeatString(fill, (need+fill.Len()-1)/fill.Len()).Substring(0, need)
			if atStart {
				return StrValue(Concat(p, s)), nil
			}
			return StrValue(Concat(s, p)), nil
		}
	}
	method("padStart", 1, pad(true))
	method("padEnd", 1, pad(false))
	replace := func(all bool) func(it *Interp, s *String, args []Value) (Value, error) {
		return func(it *Interp, s *String, args []Value) (Value, error) {
			pat, err := it.ToString(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			rep := arg(args, 1)
			var repStr *String
			if !isCallable(rep) {
				if repStr, err = it.ToString(rep); err != nil {
					return Undefined, err
				}
			}
			var positions []int
			for from := 0; from <= s.Len(); {
				i := s.IndexOf(pat, from)
				if i < 0 {
					break
				}
				positions = append(positions, i)
				if !all {
					break
				}
				from = i + max(pat.Len(), 1)
			}
			out := emptyString
			last := 0
			for _, i := range positions {
				if out, err = it.concat(out, s.Substring(last, i)); err != nil {
					return Undefined, err
				}
				var piece *String
				if repStr == nil {
					v, err := it.Call(rep, Undefined, StrValue(pat), Int(i), StrValue(s))
					if err != nil {
						return Undefined, err
					}
					if piece, err = it.ToString(v); err != nil {
						return Undefined, err
					}
				} else {
					piece = expandReplacement(repStr, s, pat, i)
				}
				if out, err = it.concat(out, piece); err != nil {
					return Undefined, err
				}
				last = i + pat.Len()
			}
			if out, err = it.concat(out, s.Substring(last, s.Len())); err != nil {
				return Undefined, err
			}
			return StrValue(out), nil
		}
	}
	method("replace", 2, replace(false))
	method("replaceAll", 2, replace(true))
	method("localeCompare", 1, func(it *Interp, s *String, args []Value) (Value, error) {
		t, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		// Canonically equivalent strings compare equal (ECMA-262
		// 22.1.3.12): compare their NFC forms.
		if a, b := s.String(), t.String(); (!isASCII(a) || !isASCII(b)) && wellFormed(s.Units()) && wellFormed(t.Units()) {
			return Int(NewString(norm.NFC.String(a)).Compare(NewString(norm.NFC.String(b)))), nil
		}
		return Int(s.Compare(t)), nil
	})
	method("normalize", 0, func(it *Interp, s *String, args []Value) (Value, error) {
		form := norm.NFC
		if f := arg(args, 0); !f.IsUndefined() {
			fs, err := it.ToString(f)
			if err != nil {
				return Undefined, err
			}
			switch fs.String() {
			case "NFC":
			case "NFD":
				form = norm.NFD
			case "NFKC":
				form = norm.NFKC
			case "NFKD":
				form = norm.NFKD
			default:
				return Undefined, it.rangeError("The normalization form should be one of NFC, NFD, NFKC, NFKD")
			}
		}
		// A string with lone surrogates has no UTF-8 form to normalize;
		// it is returned as it is.
		if !wellFormed(s.Units()) {
			return StrValue(s), nil
		}
		return Str(form.String(s.String())), nil
	})
	method("toWellFormed", 0, func(it *Interp, s *String, _ []Value) (Value, error) {
		u := s.Units()
		if wellFormed(u) {
			return StrValue(s), nil
		}
		out := make([]uint16, len(u))
		copy(out, u)
		for i := 0; i < len(out); i++ {
			if out[i] >= 0xD800 && out[i] < 0xDC00 && i+1 < len(out) && out[i+1] >= 0xDC00 && out[i+1] < 0xE000 {
				i++
				continue
			}
			if out[i] >= 0xD800 && out[i] < 0xE000 {
				out[i] = 0xFFFD
			}
		}
		return StrValue(FromUTF16(out)), nil
	})
	method("isWellFormed", 0, func(it *Interp, s *String, _ []Value) (Value, error) {
		return Bool(wellFormed(s.Units())), nil
	})
	r.StringIterator = r.symMethod(p, r.it.SymIterator, "[Symbol.iterator]", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		s, err := thisStr(it, this, "[Symbol.iterator]")
		if err != nil {
			return Undefined, err
		}
		o := NewObject(r.StringIteratorPrototype)
		o.internal = &iterRecord{str: s}
		return ObjValue(o), nil
	})
	_ = unicode.IsSpace
}

// expandReplacement substitutes $$, $&, $` and $' in a replacement string.
func expandReplacement(rep, s, matched *String, pos int) *String {
	str := rep.String()
	if !strings.Contains(str, "$") {
		return rep
	}
	var sb strings.Builder
	for i := 0; i < len(str); i++ {
		c := str[i]
		if c != '$' || i+1 == len(str) {
			sb.WriteByte(c)
			continue
		}
		switch str[i+1] {
		case '$':
			sb.WriteByte('$')
		case '&':
			sb.WriteString(matched.String())
		case '`':
			sb.WriteString(s.Substring(0, pos).String())
		case '\'':
			sb.WriteString(s.Substring(min(pos+matched.Len(), s.Len()), s.Len()).String())
		default:
			sb.WriteByte('$')
			continue
		}
		i++
	}
	return NewString(sb.String())
}

// repeatString returns s repeated n times as a flat string; the caller
// keeps n*s.Len() within MaxStringLength.
func repeatString(s *String, n int) *String {
	if n <= 0 || s.Len() == 0 {
		return emptyString
	}
	if s.IsLatin1() {
		return fromLatin1(strings.Repeat(s.Latin1(), n))
	}
	u := make([]uint16, s.Len()*n)
	copy(u, s.Units())
	for k := s.Len(); k < len(u); k *= 2 {
		copy(u[k:], u[:k])
	}
	return &String{wide: u, n: len(u), isWide: true}
}

// wellFormed reports whether u has no lone surrogates.
func wellFormed(u []uint16) bool {
	for i := 0; i < len(u); i++ {
		if u[i] >= 0xD800 && u[i] < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			i++
			continue
		}
		if u[i] >= 0xD800 && u[i] < 0xE000 {
			return false
		}
	}
	return true
}

// notRegExp throws the TypeError of includes, startsWith and endsWith
// when their search string is a regular expression (IsRegExp).
func notRegExp(it *Interp, v Value, name string) error {
	re, err := it.isRegExp(v)
	if err != nil {
		return err
	}
	if re {
		return it.typeError("First argument to String.prototype." + name + " must not be a regular expression")
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// mapUnits maps the code points of u to upper or lower case one to one,
// leaving lone surrogates as they are.
func mapUnits(u []uint16, upper bool) []uint16 {
	out := make([]uint16, 0, len(u))
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if utf16.IsSurrogate(r) {
			if i+1 < len(u) && r < 0xDC00 && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
				r = utf16.DecodeRune(r, rune(u[i+1]))
				i++
			} else {
				out = append(out, u[i])
				continue
			}
		}
		if upper {
			r = unicode.ToUpper(r)
		} else {
			r = unicode.ToLower(r)
		}
		out = utf16.AppendRune(out, r)
	}
	return out
}

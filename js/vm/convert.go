package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// ToBoolean is the spec's ToBoolean.
func ToBoolean(v Value) bool {
	switch v.kind {
	case KindBool:
		return v.num != 0
	case KindNumber:
		return v.num != 0 && !math.IsNaN(v.num)
	case KindString:
		return v.Strv().Len() > 0
	case KindObject, KindSymbol:
		return true
	case KindBigInt:
		return v.Big().Sign() != 0
	}
	return false
}

// TypeOf is the typeof operator's result.
func TypeOf(v Value) string {
	switch v.kind {
	case KindUndefined, KindHole:
		return "undefined"
	case KindNull:
		return "object"
	case KindBool:
		return "boolean"
	case KindNumber:
		return "number"
	case KindString:
		return "string"
	case KindSymbol:
		return "symbol"
	case KindBigInt:
		return "bigint"
	}
	if v.Obj().fn != nil {
		return "function"
	}
	return "object"
}

// NumberToString formats f as Number::toString(10) does: the shortest
// digits that round-trip, laid out by the spec's rules for where the
// decimal point and exponent go.
func NumberToString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case f == 0:
		return "0"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	// e form: d.ddde±x gives the digits and the exponent.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	k := len(digits)
	n := x + 1 // position of the decimal point relative to the digits
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	es := "+"
	if n-1 < 0 {
		es = "-"
	}
	ex := strconv.Itoa(absInt(n - 1))
	if k == 1 {
		return sign + digits + "e" + es + ex
	}
	return sign + digits[:1] + "." + digits[1:] + "e" + es + ex
}

func absInt(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// StringToNumber is ToNumber applied to a string.
func StringToNumber(s string) float64 {
	s = strings.TrimFunc(s, isJSSpace)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			return parseIntDigits(s[2:], base)
		}
	}
	switch s {
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	// Reject what Go accepts but JS does not: hex floats, "inf", "nan", underscores.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return math.NaN()
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f
		}
		return math.NaN()
	}
	return f
}

func parseIntDigits(s string, base int) float64 {
	if s == "" {
		return math.NaN()
	}
	var f float64
	for i := 0; i < len(s); i++ {
		d := digitVal(s[i])
		if d >= base {
			return math.NaN()
		}
		f = f*float64(base) + float64(d)
	}
	return f
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// ToInt32 is the spec's ToInt32 on a number.
func ToInt32(f float64) int32 {
	if i := int32(f); float64(i) == f {
		return i
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	f = math.Trunc(f)
	f = math.Mod(f, 4294967296)
	if f < 0 {
		f += 4294967296
	}
	return int32(uint32(f))
}

// ToUint32 is the spec's ToUint32 on a number.
func ToUint32(f float64) uint32 { return uint32(ToInt32(f)) }

// ToIntegerOrInfinity on a number.
func ToIntegerOrInfinity(f float64) float64 {
	if math.IsNaN(f) {
		return 0
	}
	return math.Trunc(f) + 0 // +0 turns -0 into 0
}

// toPrimitive converts objects with @@toPrimitive, valueOf and toString;
// hint is "default", "number" or "string".
func (it *Interp) toPrimitive(v Value, hint string) (Value, error) {
	o := v.Obj()
	if o == nil {
		return v, nil
	}
	ex, err := it.getV(v, SymKey(it.SymToPrimitive))
	if err != nil {
		return Undefined, err
	}
	if !ex.IsNullish() {
		if !isCallable(ex) {
			return Undefined, it.typeError("Symbol.toPrimitive is not a function")
		}
		res, err := it.Call(ex, v, Str(hint))
		if err != nil {
			return Undefined, err
		}
		if res.IsObject() {
			return Undefined, it.typeError("Cannot convert object to primitive value")
		}
		return res, nil
	}
	order := [2]string{"valueOf", "toString"}
	if hint == "string" {
		order = [2]string{"toString", "valueOf"}
	}
	for _, name := range order {
		m, err := it.getV(v, StrKey(name))
		if err != nil {
			return Undefined, err
		}
		if isCallable(m) {
			res, err := it.Call(m, v)
			if err != nil {
				return Undefined, err
			}
			if !res.IsObject() {
				return res, nil
			}
		}
	}
	return Undefined, it.typeError("Cannot convert object to primitive value")
}

// ToNumber converts v to a number, running user code for objects.
func (it *Interp) ToNumber(v Value) (float64, error) {
	switch v.kind {
	case KindNumber:
		return v.num, nil
	case KindUndefined, KindHole:
		return math.NaN(), nil
	case KindNull:
		return 0, nil
	case KindBool:
		return v.num, nil
	case KindString:
		return StringToNumber(v.Strv().String()), nil
	case KindSymbol:
		return 0, it.typeError("Cannot convert a Symbol value to a number")
	case KindBigInt:
		return 0, it.typeError("Cannot convert a BigInt value to a number")
	}
	p, err := it.toPrimitive(v, "number")
	if err != nil {
		return 0, err
	}
	return it.ToNumber(p)
}

// toNumeric is ToNumeric: a number or a bigint value.
func (it *Interp) toNumeric(v Value) (Value, error) {
	if v.kind == KindNumber || v.kind == KindBigInt {
		return v, nil
	}
	p, err := it.toPrimitive(v, "number")
	if err != nil {
		return Undefined, err
	}
	if p.kind == KindBigInt {
		return p, nil
	}
	f, err := it.ToNumber(p)
	return Num(f), err
}

// ToString converts v to a string, running user code for objects.
func (it *Interp) ToString(v Value) (*String, error) {
	switch v.kind {
	case KindString:
		return v.Strv(), nil
	case KindNumber:
		return NewString(NumberToString(v.num)), nil
	case KindUndefined, KindHole:
		return strUndefined, nil
	case KindNull:
		return strNull, nil
	case KindBool:
		if v.num != 0 {
			return strTrue, nil
		}
		return strFalse, nil
	case KindSymbol:
		return nil, it.typeError("Cannot convert a Symbol value to a string")
	case KindBigInt:
		return NewString(v.Big().String()), nil
	}
	p, err := it.toPrimitive(v, "string")
	if err != nil {
		return nil, err
	}
	return it.ToString(p)
}

var (
	strUndefined = NewString("undefined")
	strNull      = NewString("null")
	strTrue      = NewString("true")
	strFalse     = NewString("false")
)

// toPropertyKey is ToPropertyKey.
func (it *Interp) toPropertyKey(v Value) (PropKey, error) {
	switch v.kind {
	case KindString:
		return StrKey(v.Strv().Key()), nil
	case KindSymbol:
		return SymKey(v.Sym()), nil
	case KindNumber:
		f := v.num
		if i := int(f); float64(i) == f && i >= 0 && !(f == 0 && math.Signbit(f)) {
			return StrKey(strconv.Itoa(i)), nil
		}
		return StrKey(NumberToString(f)), nil
	}
	p, err := it.toPrimitive(v, "string")
	if err != nil {
		return PropKey{}, err
	}
	if p.kind == KindSymbol {
		return SymKey(p.Sym()), nil
	}
	s, err := it.ToString(p)
	if err != nil {
		return PropKey{}, err
	}
	return StrKey(s.Key()), nil
}

// ToObject wraps primitives; undefined and null throw a TypeError.
func (it *Interp) ToObject(v Value) (*Object, error) {
	r := it.realm
	switch v.kind {
	case KindObject:
		return v.Obj(), nil
	case KindUndefined, KindNull, KindHole:
		return nil, it.typeError("Cannot convert undefined or null to object")
	case KindBool:
		o := newObjectClass(r.BooleanPrototype, ClassBoolean)
		o.internal = v
		return o, nil
	case KindNumber:
		o := newObjectClass(r.NumberPrototype, ClassNumber)
		o.internal = v
		return o, nil
	case KindString:
		o := newObjectClass(r.StringPrototype, ClassString)
		o.internal = v
		return o, nil
	case KindSymbol:
		o := newObjectClass(r.SymbolPrototype, ClassSymbol)
		o.internal = v
		return o, nil
	case KindBigInt:
		o := newObjectClass(r.BigIntPrototype, ClassBigInt)
		o.internal = v
		return o, nil
	}
	return nil, it.typeError("Cannot convert to object")
}

// protoForPrimitive is where property lookups on primitives start.
func (r *Realm) protoForPrimitive(v Value) *Object {
	switch v.kind {
	case KindString:
		return r.StringPrototype
	case KindNumber:
		return r.NumberPrototype
	case KindBool:
		return r.BooleanPrototype
	case KindSymbol:
		return r.SymbolPrototype
	case KindBigInt:
		return r.BigIntPrototype
	}
	return nil
}

// LooseEquals is ==.
func (it *Interp) LooseEquals(a, b Value) (bool, error) {
	for {
		if a.kind == b.kind {
			return StrictEquals(a, b), nil
		}
		switch {
		case a.IsNullish() && b.IsNullish():
			return true, nil
		case a.IsNullish() || b.IsNullish():
			return false, nil
		case a.kind == KindNumber && b.kind == KindString:
			return a.num == StringToNumber(b.Strv().String()), nil
		case a.kind == KindString && b.kind == KindNumber:
			return StringToNumber(a.Strv().String()) == b.num, nil
		case a.kind == KindBigInt && b.kind == KindString:
			bi, ok := new(big.Int).SetString(strings.TrimSpace(b.Strv().String()), 10)
			return ok && bi.Cmp(a.Big()) == 0, nil
		case a.kind == KindString && b.kind == KindBigInt:
			a, b = b, a
			continue
		case a.kind == KindBool:
			a = Num(a.num)
			continue
		case b.kind == KindBool:
			b = Num(b.num)
			continue
		case b.kind == KindObject && a.kind != KindObject:
			p, err := it.toPrimitive(b, "default")
			if err != nil {
				return false, err
			}
			b = p
			continue
		case a.kind == KindObject && b.kind != KindObject:
			p, err := it.toPrimitive(a, "default")
			if err != nil {
				return false, err
			}
			a = p
			continue
		case a.kind == KindBigInt && b.kind == KindNumber:
			return bigEqualsNumber(a.Big(), b.num), nil
		case a.kind == KindNumber && b.kind == KindBigInt:
			return bigEqualsNumber(b.Big(), a.num), nil
		}
		return false, nil
	}
}

func bigEqualsNumber(b *big.Int, f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) {
		return false
	}
	bf := new(big.Float).SetInt(b)
	return bf.Cmp(big.NewFloat(f)) == 0
}

package vm

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"
)

// Element types of typed arrays and DataView accessors, and the byte
// encoding of each (little-endian in memory; DataView swaps on request).

type taKind uint8

// Typed array element types, in the order of ECMA-262 Table 71.
const (
	taInt8 taKind = iota
	taUint8
	taUint8Clamped
	taInt16
	taUint16
	taInt32
	taUint32
	taBigInt64
	taBigUint64
	taFloat16
	taFloat32
	taFloat64
	numTAKinds
)

var taNames = [numTAKinds]string{
	"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
	"Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array",
	"Float16Array", "Float32Array", "Float64Array",
}

var taSizes = [numTAKinds]int{1, 1, 1, 2, 2, 4, 4, 8, 8, 2, 4, 8}

// isBig reports whether elements are BigInts rather than Numbers (the
// element type's content type).
func (k taKind) isBig() bool { return k == taBigInt64 || k == taBigUint64 }

func (k taKind) size() int { return taSizes[k] }

// loadElem reads the element of type k at the start of b, which holds at
// least k.size() bytes, in little-endian order.
func loadElem(k taKind, b []byte) Value {
	switch k {
	case taInt8:
		return Value{kind: KindNumber, num: float64(int8(b[0]))}
	case taUint8, taUint8Clamped:
		return Value{kind: KindNumber, num: float64(b[0])}
	case taInt16:
		return Value{kind: KindNumber, num: float64(int16(binary.LittleEndian.Uint16(b)))}
	case taUint16:
		return Value{kind: KindNumber, num: float64(binary.LittleEndian.Uint16(b))}
	case taInt32:
		return Value{kind: KindNumber, num: float64(int32(binary.LittleEndian.Uint32(b)))}
	case taUint32:
		return Value{kind: KindNumber, num: float64(binary.LittleEndian.Uint32(b))}
	case taFloat16:
		return Value{kind: KindNumber, num: f16ToFloat(binary.LittleEndian.Uint16(b))}
	case taFloat32:
		return Value{kind: KindNumber, num: float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))}
	case taFloat64:
		return Value{kind: KindNumber, num: math.Float64frombits(binary.LittleEndian.Uint64(b))}
	case taBigInt64:
		return BigIntValue(big.NewInt(int64(binary.LittleEndian.Uint64(b))))
	default: // taBigUint64
		return BigIntValue(new(big.Int).SetUint64(binary.LittleEndian.Uint64(b)))
	}
}

// storeElem writes v, already converted to the element type's content
// type (a Number, or a BigInt for the BigInt types), at the start of b.
func storeElem(k taKind, b []byte, v Value) {
	if k.isBig() {
		binary.LittleEndian.PutUint64(b, bigToUint64(v.Big()))
		return
	}
	storeNum(k, b, v.num)
}

// storeNum writes number f as an element of non-BigInt type k.
func storeNum(k taKind, b []byte, f float64) {
	switch k {
	case taInt8, taUint8:
		b[0] = byte(toInt32Fast(f))
	case taUint8Clamped:
		b[0] = clampUint8(f)
	case taInt16, taUint16:
		binary.LittleEndian.PutUint16(b, uint16(toInt32Fast(f)))
	case taInt32, taUint32:
		binary.LittleEndian.PutUint32(b, uint32(toInt32Fast(f)))
	case taFloat16:
		binary.LittleEndian.PutUint16(b, floatToF16(f))
	case taFloat32:
		binary.LittleEndian.PutUint32(b, math.Float32bits(float32(f)))
	case taFloat64:
		binary.LittleEndian.PutUint64(b, math.Float64bits(f))
	}
}

// toInt32Fast is ToInt32 with a shortcut for numbers already in range.
func toInt32Fast(f float64) int32 {
	if i := int32(f); float64(i) == f {
		return i
	}
	return ToInt32(f)
}

// clampUint8 is ToUint8Clamp: saturate, then round half to even.
func clampUint8(f float64) byte {
	switch {
	case !(f > 0): // NaN too
		return 0
	case f >= 255:
		return 255
	}
	return byte(math.RoundToEven(f))
}

var mask64 = new(big.Int).SetUint64(math.MaxUint64)

// bigToUint64 is the low 64 bits of b in two's complement (ToBigInt64 and
// ToBigUint64 before reinterpretation).
func bigToUint64(b *big.Int) uint64 {
	if b.IsInt64() {
		return uint64(b.Int64())
	}
	if b.IsUint64() {
		return b.Uint64()
	}
	return new(big.Int).And(b, mask64).Uint64()
}

// floatToF16 rounds f to the nearest IEEE 754 binary16 value, ties to
// even, directly from float64 (not through float32, which would round
// twice).
func floatToF16(f float64) uint16 {
	var sign uint16
	if math.Signbit(f) {
		sign = 0x8000
	}
	a := math.Abs(f)
	switch {
	case math.IsNaN(f):
		return 0x7e00
	case a >= 65520: // halfway between the largest finite value and 2^16 rounds up
		return sign | 0x7c00
	case a < 0x1p-14: // subnormal: a multiple of 2^-24
		return sign | uint16(math.RoundToEven(a*0x1p24))
	}
	frac, exp := math.Frexp(a) // a = frac * 2^exp, frac in [0.5, 1)
	e := exp - 1
	q := uint16(math.RoundToEven((frac*2 - 1) * 1024))
	if q == 1024 {
		q = 0
		e++
	}
	if e > 15 {
		return sign | 0x7c00
	}
	return sign | uint16(e+15)<<10 | q
}

// f16ToFloat widens a binary16 value exactly.
func f16ToFloat(h uint16) float64 {
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	var v float64
	switch e {
	case 0:
		v = m * 0x1p-24
	case 31:
		if m != 0 {
			return math.NaN()
		}
		v = math.Inf(1)
	default:
		v = math.Ldexp(1+m/1024, e-15)
	}
	if h&0x8000 != 0 {
		v = -v
	}
	return v
}

// toBigInt is ToBigInt.
func (it *Interp) toBigInt(v Value) (*big.Int, error) {
	p, err := it.toPrimitive(v, "number")
	if err != nil {
		return nil, err
	}
	switch p.kind {
	case KindBigInt:
		return p.Big(), nil
	case KindBool:
		return big.NewInt(int64(p.num)), nil
	case KindString:
		b, ok := stringToBigInt(p.Strv().String())
		if !ok {
			return nil, it.throwError(SyntaxError, "Cannot convert "+p.Strv().String()+" to a BigInt")
		}
		return b, nil
	}
	return nil, it.typeError("Cannot convert " + describeForError(p) + " to a BigInt")
}

// stringToBigInt is StringToBigInt: a decimal integer with an optional
// sign, or a 0x/0o/0b literal without one, between white space.
func stringToBigInt(s string) (*big.Int, bool) {
	s = strings.TrimFunc(s, isJSSpace)
	if s == "" {
		return new(big.Int), true
	}
	base := 10
	if len(s) > 2 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 10 {
			s = s[2:]
		}
	}
	digits := s
	if base == 10 && (s[0] == '+' || s[0] == '-') {
		digits = s[1:]
	}
	if digits == "" {
		return nil, false
	}
	for i := 0; i < len(digits); i++ {
		if d := digitVal(digits[i]); d < 0 || d >= base {
			return nil, false
		}
	}
	b, ok := new(big.Int).SetString(s, base)
	return b, ok
}

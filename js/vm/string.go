package vm

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// String is a JavaScript string: a sequence of UTF-16 code units.
//
// Most strings are Latin-1 and are stored one byte per code unit in a Go
// string; others keep a []uint16. Concatenation builds a rope (left and
// right halves) that is flattened on first inspection, so building a long
// string with += in a loop is linear, not quadratic.
type String struct {
	lat         string   // Latin-1 code units, when wide == nil and left == nil
	wide        []uint16 // UTF-16 code units, when not Latin-1
	left, right *String  // rope halves, until flattened
	n           int      // length in code units
	isWide      bool
	key         string // cached property-key form (WTF-8); "" until computed
	hasKey      bool
}

// emptyString is shared by all agents, so its key is set up front: Key
// must not write to it.
var emptyString = &String{hasKey: true}

// NewString makes a String from Go text (UTF-8, or WTF-8 for lone
// surrogates).
func NewString(s string) *String {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return &String{lat: s, n: len(s), key: s, hasKey: true}
	}
	return FromUTF16(wtf8Decode(s))
}

// FromUTF16 makes a String from code units; u is not retained.
func FromUTF16(u []uint16) *String {
	latin := true
	for _, c := range u {
		if c > 0xFF {
			latin = false
			break
		}
	}
	if latin {
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return &String{lat: string(b), n: len(u)}
	}
	w := make([]uint16, len(u))
	copy(w, u)
	return &String{wide: w, n: len(u), isWide: true}
}

// fromLatin1 wraps bytes that are Latin-1 code units.
func fromLatin1(b string) *String { return &String{lat: b, n: len(b)} }

// Len is the length in UTF-16 code units.
func (s *String) Len() int { return s.n }

func (s *String) flatten() {
	if s.left == nil {
		return
	}
	if !s.isWide {
		var sb strings.Builder
		sb.Grow(s.n)
		s.appendLatin(&sb)
		s.lat = sb.String()
	} else {
		u := make([]uint16, 0, s.n)
		s.wide = s.appendUnits(u)
	}
	s.left, s.right = nil, nil
}

// appendLatin writes a Latin-1 rope without recursion on its right spine.
func (s *String) appendLatin(sb *strings.Builder) {
	stack := []*String{s}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if t.left != nil {
			stack = append(stack, t.right, t.left)
			continue
		}
		sb.WriteString(t.lat)
	}
}

func (s *String) appendUnits(u []uint16) []uint16 {
	stack := []*String{s}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if t.left != nil {
			stack = append(stack, t.right, t.left)
			continue
		}
		if t.isWide {
			u = append(u, t.wide...)
		} else {
			for i := 0; i < len(t.lat); i++ {
				u = append(u, uint16(t.lat[i]))
			}
		}
	}
	return u
}

// At returns the code unit at i.
func (s *String) At(i int) uint16 {
	s.flatten()
	if s.isWide {
		return s.wide[i]
	}
	return uint16(s.lat[i])
}

// Units returns the code units (a copy for Latin-1 strings).
func (s *String) Units() []uint16 {
	s.flatten()
	if s.isWide {
		return s.wide
	}
	return s.appendUnits(make([]uint16, 0, s.n))
}

// IsLatin1 reports whether every code unit is below 256.
func (s *String) IsLatin1() bool { return !s.isWide }

// Latin1 returns the code units as bytes; only valid when IsLatin1.
func (s *String) Latin1() string {
	s.flatten()
	return s.lat
}

// String converts to Go text (UTF-8, with lone surrogates as WTF-8).
func (s *String) String() string { return s.Key() }

// Key is the form used as a property key and for Go interop: WTF-8.
func (s *String) Key() string {
	if s.hasKey {
		return s.key
	}
	s.flatten()
	var k string
	if !s.isWide {
		ascii := true
		for i := 0; i < len(s.lat); i++ {
			if s.lat[i] >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			k = s.lat
		} else {
			b := make([]byte, 0, len(s.lat)*2)
			for i := 0; i < len(s.lat); i++ {
				b = utf8.AppendRune(b, rune(s.lat[i]))
			}
			k = string(b)
		}
	} else {
		k = wtf8Encode(s.wide)
	}
	s.key, s.hasKey = k, true
	return k
}

// Equals compares code units.
func (s *String) Equals(t *String) bool {
	if s == t {
		return true
	}
	if s.n != t.n {
		return false
	}
	s.flatten()
	t.flatten()
	if !s.isWide && !t.isWide {
		return s.lat == t.lat
	}
	for i := 0; i < s.n; i++ {
		if s.At(i) != t.At(i) {
			return false
		}
	}
	return true
}

// Compare orders by code units, returning -1, 0 or 1.
func (s *String) Compare(t *String) int {
	s.flatten()
	t.flatten()
	if !s.isWide && !t.isWide {
		return strings.Compare(s.lat, t.lat)
	}
	n := min(s.n, t.n)
	for i := 0; i < n; i++ {
		a, b := s.At(i), t.At(i)
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	switch {
	case s.n < t.n:
		return -1
	case s.n > t.n:
		return 1
	}
	return 0
}

// MaxStringLength is the longest string, in code units, that the engine
// makes; past it, operations throw a RangeError, as V8 does past its
// 2^29-24. The spec leaves the limit to implementations (up to 2^53-1).
const MaxStringLength = 1<<29 - 24

// errInvalidStringLength is the message of the RangeError for a string
// that would exceed MaxStringLength.
const errInvalidStringLength = "Invalid string length"

// concat is Concat for scripts: a result longer than MaxStringLength
// throws a RangeError instead of growing a rope without bound.
func (it *Interp) concat(s, t *String) (*String, error) {
	if s.n+t.n > MaxStringLength {
		return nil, it.rangeError(errInvalidStringLength)
	}
	return Concat(s, t), nil
}

// Concat returns s + t as a rope when long enough to be worth it. It does
// not check MaxStringLength; code that scripts drive uses it.concat.
func Concat(s, t *String) *String {
	if s.n == 0 {
		return t
	}
	if t.n == 0 {
		return s
	}
	n := s.n + t.n
	if n < 32 {
		if !s.isWide && !t.isWide {
			return fromLatin1(s.Latin1() + t.Latin1())
		}
		u := make([]uint16, 0, n)
		u = s.appendUnits(u)
		u = t.appendUnits(u)
		return &String{wide: u, n: n, isWide: true}
	}
	return &String{left: s, right: t, n: n, isWide: s.isWide || t.isWide}
}

// Substring returns code units [from, to).
func (s *String) Substring(from, to int) *String {
	if from <= 0 && to >= s.n {
		return s
	}
	if from >= to {
		return emptyString
	}
	s.flatten()
	if !s.isWide {
		return fromLatin1(s.lat[from:to])
	}
	return FromUTF16(s.wide[from:to])
}

// IndexOf finds t in s at or after from, or returns -1.
func (s *String) IndexOf(t *String, from int) int {
	if from < 0 {
		from = 0
	}
	if t.n == 0 {
		if from > s.n {
			return s.n
		}
		return from
	}
	if from >= s.n {
		return -1
	}
	s.flatten()
	t.flatten()
	if !s.isWide && !t.isWide {
		i := strings.Index(s.lat[from:], t.lat)
		if i < 0 {
			return -1
		}
		return i + from
	}
	for i := from; i+t.n <= s.n; i++ {
		j := 0
		for j < t.n && s.At(i+j) == t.At(j) {
			j++
		}
		if j == t.n {
			return i
		}
	}
	return -1
}

// LastIndexOf finds the last t in s starting at or before from.
func (s *String) LastIndexOf(t *String, from int) int {
	if from > s.n-t.n {
		from = s.n - t.n
	}
	for i := from; i >= 0; i-- {
		j := 0
		for j < t.n && s.At(i+j) == t.At(j) {
			j++
		}
		if j == t.n {
			return i
		}
	}
	return -1
}

// wtf8Encode encodes code units as UTF-8, writing lone surrogates as
// their three-byte generalized UTF-8 form so that they survive a round
// trip through Go strings.
func wtf8Encode(u []uint16) string {
	b := make([]byte, 0, len(u)+len(u)/2)
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if utf16.IsSurrogate(c) && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			b = utf8.AppendRune(b, utf16.DecodeRune(c, rune(u[i+1])))
			i++
			continue
		}
		if utf16.IsSurrogate(c) {
			b = append(b, byte(0xE0|c>>12), byte(0x80|(c>>6)&0x3F), byte(0x80|c&0x3F))
			continue
		}
		b = utf8.AppendRune(b, c)
	}
	return string(b)
}

// wtf8Decode is the inverse of wtf8Encode; invalid bytes become U+FFFD.
func wtf8Decode(s string) []uint16 {
	u := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			u = append(u, uint16(c))
			i++
			continue
		}
		if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0xD800 && r < 0xE000 {
				u = append(u, uint16(r))
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			a, b := utf16.EncodeRune(r)
			u = append(u, uint16(a), uint16(b))
		} else {
			u = append(u, uint16(r))
		}
		i += size
	}
	return u
}

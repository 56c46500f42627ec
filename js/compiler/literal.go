package compiler

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// number parses a numeric literal.
func (c *compiler) number(e *js.LiteralExpr) (float64, bool) {
	s := strings.ReplaceAll(string(e.Data), "_", "")
	if len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9' {
		// Legacy octal (or decimal with a leading zero).
		if c.fs.strict {
			c.errorAt(e.Data, "Octal literals are not allowed in strict mode.")
		}
		if !strings.ContainsAny(s, "89.eE") {
			v, err := strconv.ParseUint(s[1:], 8, 64)
			return float64(v), err == nil
		}
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
			b, ok := new(big.Int).SetString(s[2:], base)
			if !ok {
				return 0, false
			}
			f, _ := new(big.Float).SetInt(b).Float64()
			return f, true
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return math.NaN(), false
	}
	return f, true
}

func bigIntLiteral(data []byte) (bytecode.BigIntConst, bool) {
	s := string(data)
	if !strings.HasSuffix(s, "n") {
		return "", false
	}
	s = strings.ReplaceAll(s[:len(s)-1], "_", "")
	b, ok := new(big.Int).SetString(s, 0)
	if !ok {
		return "", false
	}
	return bytecode.BigIntConst(b.String()), true
}

func splitRegExp(data []byte) (string, string) {
	s := string(data)
	i := strings.LastIndexByte(s, '/')
	return s[1:i], s[i+1:]
}

// stringLit decodes a quoted string literal.
func (c *compiler) stringLit(data []byte) string {
	s, ok := c.unescape(data[1:len(data)-1], false)
	if !ok {
		c.errorAt(data, "Invalid escape sequence")
	}
	return s
}

// unescape decodes escape sequences into WTF-8. In templates, octal
// escapes are errors; ok is false for malformed escapes (an undefined
// cooked string in a tagged template).
func (c *compiler) unescape(b []byte, template bool) (string, bool) {
	if !strings.ContainsRune(string(b), '\\') && (!template || !strings.ContainsRune(string(b), '\r')) {
		return string(b), true
	}
	var u []uint16
	appendRune := func(r rune) {
		if r >= 0x10000 {
			a, b := utf16.EncodeRune(r)
			u = append(u, uint16(a), uint16(b))
		} else {
			u = append(u, uint16(r))
		}
	}
	hex := func(s []byte) (rune, bool) {
		v, err := strconv.ParseUint(string(s), 16, 32)
		return rune(v), err == nil
	}
	for i := 0; i < len(b); {
		ch := b[i]
		if ch == '\r' && template {
			u = append(u, '\n')
			i++
			if i < len(b) && b[i] == '\n' {
				i++
			}
			continue
		}
		if ch != '\\' {
			r, size := utf8.DecodeRune(b[i:])
			appendRune(r)
			i += size
			continue
		}
		i++
		if i >= len(b) {
			return "", false
		}
		e := b[i]
		i++
		switch e {
		case 'n':
			u = append(u, '\n')
		case 't':
			u = append(u, '\t')
		case 'r':
			u = append(u, '\r')
		case 'b':
			u = append(u, '\b')
		case 'f':
			u = append(u, '\f')
		case 'v':
			u = append(u, '\v')
		case '\r':
			if i < len(b) && b[i] == '\n' {
				i++
			}
		case '\n':
		case 'x':
			if i+2 > len(b) {
				return "", false
			}
			r, ok := hex(b[i : i+2])
			if !ok {
				return "", false
			}
			u = append(u, uint16(r))
			i += 2
		case 'u':
			if i < len(b) && b[i] == '{' {
				j := strings.IndexByte(string(b[i:]), '}')
				if j < 0 {
					return "", false
				}
				r, ok := hex(b[i+1 : i+j])
				if !ok || r > 0x10FFFF {
					return "", false
				}
				appendRune(r)
				i += j + 1
				continue
			}
			if i+4 > len(b) {
				return "", false
			}
			r, ok := hex(b[i : i+4])
			if !ok {
				return "", false
			}
			u = append(u, uint16(r))
			i += 4
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if e == '0' && (i >= len(b) || b[i] < '0' || b[i] > '9') {
				u = append(u, 0)
				continue
			}
			if template || c.fs.strict {
				if template {
					return "", false
				}
				c.errorf("Octal escape sequences are not allowed in strict mode.")
			}
			v := int(e - '0')
			for n := 1; n < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7' && v*8+int(b[i]-'0') <= 255; n++ {
				v = v*8 + int(b[i]-'0')
				i++
			}
			u = append(u, uint16(v))
		case '8', '9':
			if template || c.fs.strict {
				if template {
					return "", false
				}
				c.errorf("\\%c is not allowed in strict mode.", e)
			}
			u = append(u, uint16(e))
		default:
			i--
			r, size := utf8.DecodeRune(b[i:])
			if r == 0x2028 || r == 0x2029 {
				i += size
				continue
			}
			appendRune(r)
			i += size
		}
	}
	return wtf8(u), true
}

// wtf8 encodes code units as UTF-8, lone surrogates included.
func wtf8(u []uint16) string {
	var sb strings.Builder
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if r >= 0xD800 && r < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			sb.WriteRune(utf16.DecodeRune(r, rune(u[i+1])))
			i++
			continue
		}
		if r >= 0xD800 && r < 0xE000 {
			sb.WriteByte(byte(0xE0 | r>>12))
			sb.WriteByte(byte(0x80 | (r>>6)&0x3F))
			sb.WriteByte(byte(0x80 | r&0x3F))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// templateParts returns the raw text of each part of a template: the
// bytes between ` or } and ${ or `.
func templateParts(e *js.TemplateExpr) [][]byte {
	var parts [][]byte
	trim := func(b []byte) []byte {
		b = b[1:]
		if len(b) >= 2 && b[len(b)-2] == '$' && b[len(b)-1] == '{' {
			return b[:len(b)-2]
		}
		return b[:len(b)-1]
	}
	for _, p := range e.List {
		parts = append(parts, trim(p.Value))
	}
	parts = append(parts, trim(e.Tail))
	return parts
}

// template compiles template literals, tagged or not.
func (c *compiler) template(e *js.TemplateExpr) {
	fs := c.fs
	parts := templateParts(e)
	if e.Tag == nil {
		acc := fs.reg()
		for i, p := range parts {
			s, ok := c.unescape(p, true)
			if !ok {
				c.errorAt(p, "Invalid escape sequence in template")
			}
			if i == 0 {
				c.loadString(s)
				c.emit(bytecode.Star, acc)
			} else if s != "" {
				c.loadString(s)
				c.emit(bytecode.Add, acc, c.slot(bytecode.SlotBinary))
				c.emit(bytecode.Star, acc)
			}
			if i < len(e.List) {
				c.expr(e.List[i].Expr)
				c.emit(bytecode.ToString)
				c.emit(bytecode.Add, acc, c.slot(bytecode.SlotBinary))
				c.emit(bytecode.Star, acc)
			}
		}
		c.emit(bytecode.Ldar, acc)
		return
	}
	tc := &bytecode.TemplateConst{}
	for _, p := range parts {
		raw := strings.ReplaceAll(strings.ReplaceAll(string(p), "\r\n", "\n"), "\r", "\n")
		tc.Raw = append(tc.Raw, raw)
		if s, ok := c.unescape(p, true); ok {
			tc.Cooked = append(tc.Cooked, &s)
		} else {
			tc.Cooked = append(tc.Cooked, nil)
		}
	}
	idx := c.constant(tc)
	callee := fs.reg()
	member := isMember(e.Tag)
	recv := -1
	used := false
	end := fs.b.NewLabel()
	if member {
		recv = fs.reg()
		c.chainPart(e.Tag, end, &used, recv)
		fs.nextReg = recv + 1
	} else {
		c.expr(e.Tag)
	}
	c.emit(bytecode.Star, callee)
	if !member {
		recv = fs.reg()
		c.emit(bytecode.LdaUndefined)
		c.emit(bytecode.Star, recv)
	}
	n := len(e.List) + 1
	first := fs.regs(n)
	c.loadNumber(float64(idx))
	c.emit(bytecode.Star, first)
	c.emit(bytecode.CallRuntime, bytecode.RtTemplateObject, first, 1)
	c.emit(bytecode.Star, first)
	for i, p := range e.List {
		c.expr(p.Expr)
		c.emit(bytecode.Star, first+1+i)
	}
	c.emit(bytecode.CallProperty, callee, recv, n+1, c.slot(bytecode.SlotCall))
	fs.b.Bind(end)
}

// propertyKeyName returns the string form of a non-computed property
// name (identifier, string or number).
func (c *compiler) propertyKeyName(p *js.PropertyName) string {
	l := p.Literal
	switch l.TokenType {
	case js.StringToken:
		return c.stringLit(l.Data)
	case js.DecimalToken, js.IntegerToken, js.HexadecimalToken, js.OctalToken, js.BinaryToken:
		// The parser turns numeric-looking string keys into numbers:
		// "1.50" must stay "1.50".
		if off := c.offsetOf(l.Data); off > 0 && (c.src[off-1] == '"' || c.src[off-1] == '\'') {
			return string(l.Data)
		}
		if b, ok := bigIntLiteral(l.Data); ok {
			return string(b)
		}
		f, _ := c.number(&l)
		return numberToKey(f)
	}
	return identName(l.Data)
}

// numberToKey formats a number as Number::toString does, for keys.
func numberToKey(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	// Rare; good enough for literal keys like 1.5 and 1e-7.
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if strings.Contains(s, "e") {
		m, e, _ := strings.Cut(s, "e")
		if e[0] == '+' {
			e = e[1:]
			return m + "e+" + strings.TrimLeft(e, "0")
		}
		return m + "e-" + strings.TrimLeft(e[1:], "0")
	}
	return s
}

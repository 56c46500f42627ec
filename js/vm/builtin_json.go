package vm

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
)

func (r *Realm) initJSON() {
	j := NewObject(r.ObjectPrototype)
	r.defineGlobal("JSON", ObjValue(j))
	j.defineOwn(SymKey(r.it.SymToStringTag), Str("JSON"), Configurable)
	r.method(j, "parse", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		p := &jsonParser{it: it, r: it.realm, s: s.Units()}
		p.ws()
		v, err := p.value()
		if err != nil {
			return Undefined, err
		}
		p.ws()
		if p.i < len(p.s) {
			return Undefined, p.fail()
		}
		if rev := arg(args, 1); isCallable(rev) {
			root := NewObject(it.realm.ObjectPrototype)
			root.defineOwn(StrKey(""), v, Default)
			return it.jsonRevive(root, StrKey(""), rev)
		}
		return v, nil
	})
	r.method(j, "stringify", 3, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		st := &jsonStringifier{it: it, stack: map[*Object]bool{}}
		if rep := arg(args, 1); isCallable(rep) {
			st.replacer = rep
		} else if isArr, err := it.isArray(rep); err != nil {
			return Undefined, err
		} else if ro := rep.Obj(); ro != nil && isArr {
			st.allow = map[string]bool{}
			list, _ := it.listFromArrayLike(rep)
			for _, v := range list {
				if v.IsString() || v.IsNumber() {
					s, _ := it.ToString(v)
					st.allow[s.String()] = true
					st.allowOrder = append(st.allowOrder, s.String())
				}
			}
		}
		sp := arg(args, 2)
		if o := sp.Obj(); o != nil && (o.class == ClassNumber || o.class == ClassString) {
			sp = o.internal.(Value)
		}
		if sp.IsNumber() {
			st.indent = strings.Repeat(" ", int(math.Min(10, math.Max(0, ToIntegerOrInfinity(sp.num)))))
		} else if sp.IsString() {
			s := sp.Strv().String()
			if len(s) > 10 {
				s = s[:10]
			}
			st.indent = s
		}
		holder := NewObject(it.realm.ObjectPrototype)
		holder.defineOwn(StrKey(""), arg(args, 0), Default)
		var sb strings.Builder
		ok, err := st.write(&sb, holder, StrKey(""), arg(args, 0), "")
		if err != nil || !ok {
			return Undefined, err
		}
		return Str(sb.String()), nil
	})
}

func (it *Interp) jsonRevive(holder *Object, k PropKey, rev Value) (Value, error) {
	v, err := it.Get(holder, k)
	if err != nil {
		return Undefined, err
	}
	if o := v.Obj(); o != nil {
		isArr, err := it.isArray(v)
		if err != nil {
			return Undefined, err
		}
		var keys []PropKey
		if isArr {
			n, err := it.lengthOf(o)
			if err != nil {
				return Undefined, err
			}
			for i := int64(0); i < n; i++ {
				keys = append(keys, numberKey(float64(i)))
			}
		} else if keys, err = it.enumerableOwnKeys(o, false); err != nil {
			return Undefined, err
		}
		for _, ck := range keys {
			nv, err := it.jsonRevive(o, ck, rev)
			if err != nil {
				return Undefined, err
			}
			if nv.IsUndefined() {
				_, err = it.deleteOwnProperty(o, ck)
			} else {
				_, err = it.defineOwnProperty(o, ck, dataDescriptor(nv))
			}
			if err != nil {
				return Undefined, err
			}
		}
	}
	return it.Call(rev, ObjValue(holder), k.Value(), v)
}

type jsonParser struct {
	it *Interp
	r  *Realm
	s  []uint16
	i  int
}

func (p *jsonParser) fail() error {
	if p.i >= len(p.s) {
		return p.it.throwError(SyntaxError, "Unexpected end of JSON input")
	}
	return p.it.throwError(SyntaxError, "Unexpected token "+string(rune(p.s[p.i]))+" in JSON at position "+strconv.Itoa(p.i))
}

func (p *jsonParser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) lit(word string, v Value) (Value, error) {
	for k := 0; k < len(word); k++ {
		if p.i+k >= len(p.s) || p.s[p.i+k] != uint16(word[k]) {
			p.i += k
			return Undefined, p.fail()
		}
	}
	p.i += len(word)
	return v, nil
}

func (p *jsonParser) value() (Value, error) {
	if p.i >= len(p.s) {
		return Undefined, p.fail()
	}
	switch c := p.s[p.i]; {
	case c == '{':
		p.i++
		o := NewObject(p.r.ObjectPrototype)
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return ObjValue(o), nil
		}
		for {
			p.ws()
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return Undefined, p.fail()
			}
			k, err := p.str()
			if err != nil {
				return Undefined, err
			}
			p.ws()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return Undefined, p.fail()
			}
			p.i++
			p.ws()
			v, err := p.value()
			if err != nil {
				return Undefined, err
			}
			p.it.createDataProperty(o, StrKey(k.Key()), v)
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.s) && p.s[p.i] == '}' {
				p.i++
				return ObjValue(o), nil
			}
			return Undefined, p.fail()
		}
	case c == '[':
		p.i++
		var vals []Value
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return ObjValue(p.r.arrayOf(vals)), nil
		}
		for {
			p.ws()
			v, err := p.value()
			if err != nil {
				return Undefined, err
			}
			vals = append(vals, v)
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.s) && p.s[p.i] == ']' {
				p.i++
				return ObjValue(p.r.arrayOf(vals)), nil
			}
			return Undefined, p.fail()
		}
	case c == '"':
		s, err := p.str()
		return StrValue(s), err
	case c == 't':
		return p.lit("true", True)
	case c == 'f':
		return p.lit("false", False)
	case c == 'n':
		return p.lit("null", Null)
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		if c == '-' {
			p.i++
		}
		if p.i < len(p.s) && p.s[p.i] == '0' {
			p.i++
		} else if p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9' {
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				p.i++
			}
		} else {
			return Undefined, p.fail()
		}
		if p.i < len(p.s) && p.s[p.i] == '.' {
			p.i++
			if p.i >= len(p.s) || p.s[p.i] < '0' || p.s[p.i] > '9' {
				return Undefined, p.fail()
			}
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				p.i++
			}
		}
		if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
			p.i++
			if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
				p.i++
			}
			if p.i >= len(p.s) || p.s[p.i] < '0' || p.s[p.i] > '9' {
				return Undefined, p.fail()
			}
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				p.i++
			}
		}
		b := make([]byte, p.i-start)
		for k := range b {
			b[k] = byte(p.s[start+k])
		}
		f, _ := strconv.ParseFloat(string(b), 64)
		return Num(f), nil
	}
	return Undefined, p.fail()
}

func (p *jsonParser) str() (*String, error) {
	p.i++ // opening quote
	var u []uint16
	for {
		if p.i >= len(p.s) {
			return nil, p.fail()
		}
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return FromUTF16(u), nil
		case c < 0x20:
			return nil, p.fail()
		case c == '\\':
			p.i++
			if p.i >= len(p.s) {
				return nil, p.fail()
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case '"', '\\', '/':
				u = append(u, e)
			case 'b':
				u = append(u, '\b')
			case 'f':
				u = append(u, '\f')
			case 'n':
				u = append(u, '\n')
			case 'r':
				u = append(u, '\r')
			case 't':
				u = append(u, '\t')
			case 'u':
				if p.i+4 > len(p.s) {
					return nil, p.fail()
				}
				var x uint16
				for k := 0; k < 4; k++ {
					d := p.s[p.i+k]
					if d > 0x7F || digitVal(byte(d)) >= 16 {
						p.i += k
						return nil, p.fail()
					}
					x = x<<4 | uint16(digitVal(byte(d)))
				}
				p.i += 4
				u = append(u, x)
			default:
				p.i--
				return nil, p.fail()
			}
		default:
			u = append(u, c)
			p.i++
		}
	}
}

type jsonStringifier struct {
	it         *Interp
	replacer   Value
	allow      map[string]bool
	allowOrder []string
	indent     string
	stack      map[*Object]bool
}

// write serializes holder[k] = v; ok is false when the value is omitted.
func (st *jsonStringifier) write(sb *strings.Builder, holder *Object, k PropKey, v Value, cur string) (bool, error) {
	it := st.it
	if o := v.Obj(); o != nil || v.IsBigInt() {
		tj, err := it.getV(v, StrKey("toJSON"))
		if err != nil {
			return false, err
		}
		if isCallable(tj) {
			if v, err = it.Call(tj, v, k.Value()); err != nil {
				return false, err
			}
		}
	}
	if !st.replacer.IsUndefined() {
		var err error
		if v, err = it.Call(st.replacer, ObjValue(holder), k.Value(), v); err != nil {
			return false, err
		}
	}
	if o := v.Obj(); o != nil {
		switch o.class {
		case ClassNumber:
			f, err := it.ToNumber(v)
			if err != nil {
				return false, err
			}
			v = Num(f)
		case ClassString:
			s, err := it.ToString(v)
			if err != nil {
				return false, err
			}
			v = StrValue(s)
		case ClassBoolean, ClassBigInt:
			v = o.internal.(Value)
		}
	}
	switch v.kind {
	case KindNull:
		sb.WriteString("null")
	case KindBool:
		if v.num != 0 {
			sb.WriteString("true")
		} else {
			sb.WriteString("false")
		}
	case KindString:
		quoteJSON(sb, v.Strv())
	case KindNumber:
		if math.IsNaN(v.num) || math.IsInf(v.num, 0) {
			sb.WriteString("null")
		} else {
			sb.WriteString(NumberToString(v.num))
		}
	case KindBigInt:
		return false, it.typeError("Do not know how to serialize a BigInt")
	case KindObject:
		o := v.Obj()
		if o.fn != nil {
			return false, nil
		}
		if st.stack[o] {
			return false, it.typeError("Converting circular structure to JSON")
		}
		st.stack[o] = true
		defer delete(st.stack, o)
		inner := cur + st.indent
		sep, open, close := ",", "", ""
		if st.indent != "" {
			sep, open, close = ",\n"+inner, "\n"+inner, "\n"+cur
		}
		isArr, err := it.isArray(v)
		if err != nil {
			return false, err
		}
		if isArr {
			n, err := it.lengthOf(o)
			if err != nil {
				return false, err
			}
			if n == 0 {
				sb.WriteString("[]")
				return true, nil
			}
			// Each element takes a character and a separator at least:
			// an array too long to print fails now, not after walking it.
			if 2*n+1 > MaxStringLength {
				return false, it.rangeError(errInvalidStringLength)
			}
			sb.WriteString("[" + open)
			for i := int64(0); i < n; i++ {
				if err := it.jsonCheck(sb); err != nil {
					return false, err
				}
				if i > 0 {
					sb.WriteString(sep)
				}
				key := numberKey(float64(i))
				ev, err := it.Get(o, key)
				if err != nil {
					return false, err
				}
				ok, err := st.write(sb, o, key, ev, inner)
				if err != nil {
					return false, err
				}
				if !ok {
					sb.WriteString("null")
				}
			}
			sb.WriteString(close + "]")
			return true, nil
		}
		var keys []PropKey
		if st.allow != nil {
			for _, s := range st.allowOrder {
				keys = append(keys, StrKey(s))
			}
		} else {
			if keys, err = it.enumerableOwnKeys(o, false); err != nil {
				return false, err
			}
		}
		sb.WriteString("{")
		any := false
		for _, key := range keys {
			if err := it.jsonCheck(sb); err != nil {
				return false, err
			}
			ev, err := it.Get(o, key)
			if err != nil {
				return false, err
			}
			var part strings.Builder
			ok, err := st.write(&part, o, key, ev, inner)
			if err != nil {
				return false, err
			}
			if !ok {
				continue
			}
			if any {
				sb.WriteString(sep)
			} else {
				sb.WriteString(open)
			}
			any = true
			quoteJSON(sb, NewString(key.s))
			sb.WriteString(":")
			if st.indent != "" {
				sb.WriteString(" ")
			}
			sb.WriteString(part.String())
		}
		if any {
			sb.WriteString(close)
		}
		sb.WriteString("}")
	default:
		return false, nil
	}
	return true, nil
}

// jsonCheck stops JSON.stringify when interrupted or when its output
// passes MaxStringLength (counted in bytes, which are at least as many as
// the code units they encode).
func (it *Interp) jsonCheck(sb *strings.Builder) error {
	if err := it.checkInterrupt(); err != nil {
		return err
	}
	if sb.Len() > MaxStringLength {
		return it.rangeError(errInvalidStringLength)
	}
	return nil
}

func quoteJSON(sb *strings.Builder, s *String) {
	sb.WriteByte('"')
	u := s.Units()
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch c {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\b':
			sb.WriteString(`\b`)
		case '\f':
			sb.WriteString(`\f`)
		case '\n':
			sb.WriteString(`\n`)
		case '\r':
			sb.WriteString(`\r`)
		case '\t':
			sb.WriteString(`\t`)
		default:
			switch {
			case c < 0x20:
				sb.WriteString(`\u00` + string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15]))
			case c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000:
				sb.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
				i++
			case c >= 0xD800 && c < 0xE000:
				sb.WriteString(`\u` + strconv.FormatInt(int64(c), 16))
			default:
				sb.WriteRune(rune(c))
			}
		}
	}
	sb.WriteByte('"')
}

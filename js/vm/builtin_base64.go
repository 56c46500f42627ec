package vm

import (
	"encoding/base64"
	"encoding/hex"
	"math"
)

// Uint8Array to and from base64 and hex (ECMA-262 23.3, the
// arraybuffer-base64 additions): Uint8Array.fromBase64, fromHex and the
// prototype's toBase64, toHex, setFromBase64 and setFromHex.

// decodeResult is what FromBase64 and FromHex return: the code units
// read, the bytes decoded, and the SyntaxError message that stopped them.
type decodeResult struct {
	read  int
	bytes []byte
	err   string
}

const base64Std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// decodeChunk is DecodeBase64Chunk on 2 to 4 characters of the standard
// alphabet; ok is false when throwOnExtraBits is set and a padded chunk
// has non-zero bits past its last byte.
func decodeChunk(chunk []byte, throwOnExtraBits bool) ([]byte, bool) {
	n := len(chunk)
	var v uint32
	for i := range 4 {
		v <<= 6
		if i < n {
			for j := 0; j < 64; j++ {
				if base64Std[j] == chunk[i] {
					v |= uint32(j)
					break
				}
			}
		}
	}
	b := []byte{byte(v >> 16), byte(v >> 8), byte(v)}
	switch n {
	case 2:
		return b[:1], !(throwOnExtraBits && b[1] != 0)
	case 3:
		return b[:2], !(throwOnExtraBits && b[2] != 0)
	}
	return b, true
}

func isBase64Space(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// fromBase64 is FromBase64 over s, as code units; maxLength bounds the
// bytes decoded.
func fromBase64(s []uint16, url bool, lastChunk string, maxLength int) decodeResult {
	var res decodeResult
	if maxLength == 0 {
		return res
	}
	var chunk []byte
	i, n := 0, len(s)
	skip := func() {
		for i < n && s[i] < 0x80 && isBase64Space(byte(s[i])) {
			i++
		}
	}
	for {
		skip()
		if i == n {
			if len(chunk) > 0 {
				switch {
				case lastChunk == "stop-before-partial":
					return res
				case lastChunk == "loose" && len(chunk) > 1:
					b, _ := decodeChunk(chunk, false)
					res.bytes = append(res.bytes, b...)
				default:
					res.err = "incomplete base64 chunk at the end of the string"
					return res
				}
			}
			res.read = n
			return res
		}
		c := s[i]
		i++
		if c == '=' {
			if len(chunk) < 2 {
				res.err = "unexpected padding in base64 string"
				return res
			}
			skip()
			if len(chunk) == 2 {
				if i == n {
					if lastChunk != "stop-before-partial" {
						res.err = "missing padding in base64 string"
					}
					return res
				}
				if s[i] == '=' {
					i++
					skip()
				}
			}
			if i < n {
				res.err = "unexpected characters after base64 padding"
				return res
			}
			b, ok := decodeChunk(chunk, lastChunk == "strict")
			if !ok {
				res.err = "non-zero extra bits in the last base64 chunk"
				return res
			}
			res.bytes = append(res.bytes, b...)
			res.read = n
			return res
		}
		if url {
			switch c {
			case '+', '/':
				c = 0 // not in the base64url alphabet
			case '-':
				c = '+'
			case '_':
				c = '/'
			}
		}
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			res.err = "invalid character in base64 string"
			return res
		}
		remaining := maxLength - len(res.bytes)
		if remaining == 1 && len(chunk) == 2 || remaining == 2 && len(chunk) == 3 {
			return res
		}
		chunk = append(chunk, byte(c))
		if len(chunk) == 4 {
			b, _ := decodeChunk(chunk, false)
			res.bytes = append(res.bytes, b...)
			chunk = chunk[:0]
			res.read = i
			if len(res.bytes) == maxLength {
				return res
			}
		}
	}
}

// fromHex is FromHex over s, as code units.
func fromHex(s []uint16, maxLength int) decodeResult {
	var res decodeResult
	if len(s)%2 != 0 {
		res.err = "hex string must have an even length"
		return res
	}
	for res.read < len(s) && len(res.bytes) < maxLength {
		hi, lo := hexDigit(s[res.read]), hexDigit(s[res.read+1])
		if hi < 0 || lo < 0 {
			res.err = "invalid character in hex string"
			return res
		}
		res.read += 2
		res.bytes = append(res.bytes, byte(hi<<4|lo))
	}
	return res
}

func hexDigit(c uint16) int {
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

// optionsObject is GetOptionsObject.
func (it *Interp) optionsObject(v Value) (*Object, error) {
	if v.IsUndefined() {
		return NewObject(nil), nil
	}
	if o := v.Obj(); o != nil {
		return o, nil
	}
	return nil, it.typeError("options must be an object")
}

// base64Options reads alphabet and lastChunkHandling (when wanted): true
// for base64url.
func (it *Interp) base64Options(v Value, wantLast bool) (url bool, last string, err error) {
	opts, err := it.optionsObject(v)
	if err != nil {
		return false, "", err
	}
	a, err := it.getStr(opts, "alphabet")
	if err != nil {
		return false, "", err
	}
	switch {
	case a.IsUndefined() || a.IsString() && a.Strv().String() == "base64":
	case a.IsString() && a.Strv().String() == "base64url":
		url = true
	default:
		return false, "", it.typeError(`alphabet must be "base64" or "base64url"`)
	}
	if !wantLast {
		return url, "", nil
	}
	l, err := it.getStr(opts, "lastChunkHandling")
	if err != nil {
		return false, "", err
	}
	last = "loose"
	if !l.IsUndefined() {
		s := ""
		if l.IsString() {
			s = l.Strv().String()
		}
		if s != "loose" && s != "strict" && s != "stop-before-partial" {
			return false, "", it.typeError(`lastChunkHandling must be "loose", "strict" or "stop-before-partial"`)
		}
		last = s
	}
	return url, last, nil
}

// thisUint8Array is ValidateUint8Array followed by the bounds check of
// GetUint8ArrayBytes or setFrom*: the view's bytes.
func (it *Interp) thisUint8Array(this Value, method string) (*typedArray, error) {
	ta := typedArrayOf(this.Obj())
	if ta == nil || ta.kind != taUint8 {
		return nil, it.typeError("Uint8Array.prototype." + method + " called on incompatible receiver " + describeForError(this))
	}
	return ta, nil
}

func (ta *typedArray) bytes() []byte {
	return ta.ab.data[ta.offset : ta.offset+ta.length()]
}

func (r *Realm) initBase64() {
	u8 := r.typedCtors[taUint8]
	p := r.typedProtos[taUint8]
	stringArg := func(it *Interp, v Value) ([]uint16, error) {
		s := v.Strv()
		if s == nil {
			return nil, it.typeError("argument must be a string")
		}
		return s.Units(), nil
	}
	newU8 := func(it *Interp, b []byte) (Value, error) {
		o, err := it.allocTypedArray(taUint8, it.realm.typedProtos[taUint8], int64(len(b)))
		if err != nil {
			return Undefined, err
		}
		copy(o.internal.(*typedArray).ab.data, b)
		return ObjValue(o), nil
	}
	r.method(u8, "fromBase64", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := stringArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		url, last, err := it.base64Options(arg(args, 1), true)
		if err != nil {
			return Undefined, err
		}
		res := fromBase64(s, url, last, math.MaxInt)
		if res.err != "" {
			return Undefined, it.throwError(SyntaxError, res.err)
		}
		return newU8(it, res.bytes)
	})
	r.method(u8, "fromHex", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := stringArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		res := fromHex(s, math.MaxInt)
		if res.err != "" {
			return Undefined, it.throwError(SyntaxError, res.err)
		}
		return newU8(it, res.bytes)
	})
	// setFrom finishes setFromBase64 and setFromHex: the bytes decoded
	// are written even when decoding stopped at an error.
	setFrom := func(it *Interp, ta *typedArray, res decodeResult) (Value, error) {
		copy(ta.bytes(), res.bytes)
		if res.err != "" {
			return Undefined, it.throwError(SyntaxError, res.err)
		}
		o := NewObject(it.realm.ObjectPrototype)
		o.defineOwn(StrKey("read"), Int(res.read), Default)
		o.defineOwn(StrKey("written"), Int(len(res.bytes)), Default)
		return ObjValue(o), nil
	}
	outOfBounds := func(it *Interp, method string) error {
		return it.typeError("Cannot perform Uint8Array.prototype." + method + " on a detached or out-of-bounds Uint8Array")
	}
	r.method(p, "setFromBase64", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		ta, err := it.thisUint8Array(this, "setFromBase64")
		if err != nil {
			return Undefined, err
		}
		s, err := stringArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		url, last, err := it.base64Options(arg(args, 1), true)
		if err != nil {
			return Undefined, err
		}
		if ta.outOfBounds() {
			return Undefined, outOfBounds(it, "setFromBase64")
		}
		return setFrom(it, ta, fromBase64(s, url, last, ta.length()))
	})
	r.method(p, "setFromHex", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		ta, err := it.thisUint8Array(this, "setFromHex")
		if err != nil {
			return Undefined, err
		}
		s, err := stringArg(it, arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if ta.outOfBounds() {
			return Undefined, outOfBounds(it, "setFromHex")
		}
		return setFrom(it, ta, fromHex(s, ta.length()))
	})
	r.method(p, "toBase64", 0, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		ta, err := it.thisUint8Array(this, "toBase64")
		if err != nil {
			return Undefined, err
		}
		url, _, err := it.base64Options(arg(args, 0), false)
		if err != nil {
			return Undefined, err
		}
		opts, _ := it.optionsObject(arg(args, 0))
		pad, err := it.getStr(opts, "omitPadding")
		if err != nil {
			return Undefined, err
		}
		if ta.outOfBounds() {
			return Undefined, outOfBounds(it, "toBase64")
		}
		enc := base64.StdEncoding
		if url {
			enc = base64.URLEncoding
		}
		if ToBoolean(pad) {
			enc = enc.WithPadding(base64.NoPadding)
		}
		return Str(enc.EncodeToString(ta.bytes())), nil
	})
	r.method(p, "toHex", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		ta, err := it.thisUint8Array(this, "toHex")
		if err != nil {
			return Undefined, err
		}
		if ta.outOfBounds() {
			return Undefined, outOfBounds(it, "toHex")
		}
		return Str(hex.EncodeToString(ta.bytes())), nil
	})
}

package vm

import (
	"strings"
)

// Annex B built-ins: the String HTML methods, escape and unescape, and
// Object.prototype's __defineGetter__ family.

func (r *Realm) initAnnexB() {
	p := r.StringPrototype
	html := func(name, tag, attr string) {
		length := 0
		if attr != "" {
			length = 1
		}
		r.method(p, name, length, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			if this.IsNullish() {
				return Undefined, it.typeError("String.prototype." + name + " called on null or undefined")
			}
			s, err := it.ToString(this)
			if err != nil {
				return Undefined, err
			}
			var b strings.Builder
			b.WriteString("<" + tag)
			if attr != "" {
				v, err := it.ToString(arg(args, 0))
				if err != nil {
					return Undefined, err
				}
				b.WriteString(" " + attr + "=\"" + strings.ReplaceAll(v.String(), "\"", "&quot;") + "\"")
			}
			b.WriteString(">" + s.String() + "</" + tag + ">")
			return Str(b.String()), nil
		})
	}
	for _, m := range [][3]string{
		{"anchor", "a", "name"}, {"big", "big", ""}, {"blink", "blink", ""}, {"bold", "b", ""},
		{"fixed", "tt", ""}, {"fontcolor", "font", "color"}, {"fontsize", "font", "size"},
		{"italics", "i", ""}, {"link", "a", "href"}, {"small", "small", ""}, {"strike", "strike", ""},
		{"sub", "sub", ""}, {"sup", "sup", ""},
	} {
		html(m[0], m[1], m[2])
	}

	// trimLeft and trimRight are the same function objects as trimStart
	// and trimEnd.
	for _, alias := range [][2]string{{"trimLeft", "trimStart"}, {"trimRight", "trimEnd"}} {
		f, _ := p.getOwn(StrKey(alias[1]))
		p.defineOwn(StrKey(alias[0]), f.value, Hidden)
	}

	r.defineGlobal("escape", ObjValue(r.newFunc("escape", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		const hex = "0123456789ABCDEF"
		var out []uint16
		for _, c := range s.Units() {
			switch {
			case c < 128 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("@*_+-./", byte(c)) >= 0):
				out = append(out, c)
			case c < 256:
				out = append(out, '%', uint16(hex[c>>4]), uint16(hex[c&15]))
			default:
				out = append(out, '%', 'u', uint16(hex[c>>12]), uint16(hex[c>>8&15]), uint16(hex[c>>4&15]), uint16(hex[c&15]))
			}
		}
		return StrValue(FromUTF16(out)), nil
	})))
	r.defineGlobal("unescape", ObjValue(r.newFunc("unescape", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		u := s.Units()
		hexAt := func(i, n int) (uint16, bool) {
			if i+n > len(u) {
				return 0, false
			}
			var v uint16
			for _, c := range u[i : i+n] {
				d := hexDigit(c)
				if d < 0 {
					return 0, false
				}
				v = v<<4 | uint16(d)
			}
			return v, true
		}
		var out []uint16
		for i := 0; i < len(u); i++ {
			c := u[i]
			if c == '%' {
				if i+1 < len(u) && u[i+1] == 'u' {
					if v, ok := hexAt(i+2, 4); ok {
						out = append(out, v)
						i += 5
						continue
					}
				}
				if v, ok := hexAt(i+1, 2); ok {
					out = append(out, v)
					i += 2
					continue
				}
			}
			out = append(out, c)
		}
		return StrValue(FromUTF16(out)), nil
	})))

	op := r.ObjectPrototype
	define := func(name string, setter bool) {
		r.method(op, name, 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := it.thisObject(this, "Object.prototype."+name)
			if err != nil {
				return Undefined, err
			}
			f := arg(args, 1)
			if !isCallable(f) {
				return Undefined, it.typeError("Object.prototype." + name + ": Expecting function")
			}
			d := PropertyDescriptor{Enumerable: true, Configurable: true, HasEnumerable: true, HasConfigurable: true}
			if setter {
				d.Set, d.HasSet = f, true
			} else {
				d.Get, d.HasGet = f, true
			}
			k, err := it.toPropertyKey(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			_, err = it.definePropertyOrThrow(o, k, d)
			return Undefined, err
		})
	}
	define("__defineGetter__", false)
	define("__defineSetter__", true)
	lookup := func(name string, setter bool) {
		r.method(op, name, 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := it.thisObject(this, "Object.prototype."+name)
			if err != nil {
				return Undefined, err
			}
			k, err := it.toPropertyKey(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			for o != nil {
				d, ok, err := it.getOwnProperty(o, k)
				if err != nil {
					return Undefined, err
				}
				if ok {
					switch {
					case !d.isAccessor():
						return Undefined, nil
					case setter:
						return d.Set, nil
					}
					return d.Get, nil
				}
				if o, err = it.getPrototypeOf(o); err != nil {
					return Undefined, err
				}
			}
			return Undefined, nil
		})
	}
	lookup("__lookupGetter__", false)
	lookup("__lookupSetter__", true)
}

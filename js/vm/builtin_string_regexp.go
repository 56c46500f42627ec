package vm

import "strings"

// The String.prototype methods that take regular expressions dispatch
// through Symbol.match, matchAll, replace, search and split (§22.1.3);
// plain strings keep the string implementations in builtin_string.go,
// which the methods here wrap.

// initStringRegExp replaces String.prototype.match, matchAll, replace,
// replaceAll, search and split with their dispatching forms.
func (r *Realm) initStringRegExp() {
	p := r.StringPrototype
	orig := func(name string) Value {
		if pr, ok := p.getOwn(StrKey(name)); ok {
			return pr.value
		}
		return Undefined
	}
	requireCoercible := func(it *Interp, this Value, name string) error {
		if this.IsNullish() {
			return it.typeError("String.prototype." + name + " called on null or undefined")
		}
		return nil
	}
	// dispatch calls searchValue[sym](this, rest...) when there is such
	// a method; ok is false when the string path should run.
	dispatch := func(it *Interp, this, v Value, sym *Symbol, rest ...Value) (Value, bool, error) {
		o := v.Obj()
		if o == nil {
			return Undefined, false, nil
		}
		m, err := it.Get(o, SymKey(sym))
		if err != nil {
			return Undefined, true, err
		}
		if m.IsNullish() {
			return Undefined, false, nil
		}
		if !isCallable(m) {
			return Undefined, true, it.typeError(sym.String() + " is not a function")
		}
		res, err := it.Call(m, v, append([]Value{this}, rest...)...)
		return res, true, err
	}
	// requireGlobal is the IsRegExp check of matchAll and replaceAll.
	requireGlobal := func(it *Interp, v Value, name string) error {
		isRE, err := it.isRegExp(v)
		if err != nil || !isRE {
			return err
		}
		fv, err := it.getStr(v.Obj(), "flags")
		if err != nil {
			return err
		}
		if fv.IsNullish() {
			return it.typeError("String.prototype." + name + " called with a RegExp whose flags are undefined or null")
		}
		fs, err := it.ToString(fv)
		if err != nil {
			return err
		}
		if !strings.Contains(fs.String(), "g") {
			return it.typeError("String.prototype." + name + " called with a non-global RegExp argument")
		}
		return nil
	}
	// viaRegExp creates a RegExp from v and invokes its sym method on
	// ToString(this).
	viaRegExp := func(it *Interp, this, v Value, flags Value, sym *Symbol) (Value, error) {
		s, err := it.ToString(this)
		if err != nil {
			return Undefined, err
		}
		rx, err := it.newRegExp(v, flags)
		if err != nil {
			return Undefined, err
		}
		m, err := it.Get(rx.Obj(), SymKey(sym))
		if err != nil {
			return Undefined, err
		}
		return it.Call(m, rx, StrValue(s))
	}

	r.method(p, "match", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if err := requireCoercible(it, this, "match"); err != nil {
			return Undefined, err
		}
		if res, ok, err := dispatch(it, this, arg(args, 0), it.SymMatch); ok || err != nil {
			return res, err
		}
		return viaRegExp(it, this, arg(args, 0), Undefined, it.SymMatch)
	})
	r.method(p, "matchAll", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if err := requireCoercible(it, this, "matchAll"); err != nil {
			return Undefined, err
		}
		if v := arg(args, 0); v.IsObject() {
			if err := requireGlobal(it, v, "matchAll"); err != nil {
				return Undefined, err
			}
		}
		if res, ok, err := dispatch(it, this, arg(args, 0), it.SymMatchAll); ok || err != nil {
			return res, err
		}
		return viaRegExp(it, this, arg(args, 0), Str("g"), it.SymMatchAll)
	})
	r.method(p, "search", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if err := requireCoercible(it, this, "search"); err != nil {
			return Undefined, err
		}
		if res, ok, err := dispatch(it, this, arg(args, 0), it.SymSearch); ok || err != nil {
			return res, err
		}
		return viaRegExp(it, this, arg(args, 0), Undefined, it.SymSearch)
	})
	for _, m := range []struct {
		name   string
		length int
		all    bool
		sym    *Symbol
	}{{"replace", 2, false, r.it.SymReplace}, {"replaceAll", 2, true, r.it.SymReplace}, {"split", 2, false, r.it.SymSplit}} {
		plain := orig(m.name)
		r.method(p, m.name, m.length, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			if err := requireCoercible(it, this, m.name); err != nil {
				return Undefined, err
			}
			if v := arg(args, 0); m.all && v.IsObject() {
				if err := requireGlobal(it, v, m.name); err != nil {
					return Undefined, err
				}
			}
			if res, ok, err := dispatch(it, this, arg(args, 0), m.sym, arg(args, 1)); ok || err != nil {
				return res, err
			}
			return it.Call(plain, this, args...)
		})
	}
}

// matchRecord is one match for @@replace: positions straight from the
// matcher on the fast path, or an exec result object.
type matchRecord struct {
	caps []int
	obj  *Object
}

func (it *Interp) regExpSymReplace(o *Object, s *String, replaceValue Value) (Value, error) {
	functional := isCallable(replaceValue)
	var template *String
	if !functional {
		var err error
		if template, err = it.ToString(replaceValue); err != nil {
			return Undefined, err
		}
	}
	d := it.fastRegExp(o)
	flags, err := it.flagsOf(o, d)
	if err != nil {
		return Undefined, err
	}
	global := strings.Contains(flags, "g")
	unicode := false
	if global {
		unicode = strings.ContainsAny(flags, "uv")
		if err := it.setLastIndex(o, 0); err != nil {
			return Undefined, err
		}
	}

	var results []matchRecord
	for {
		var rec matchRecord
		var matchedLen int
		if d != nil {
			caps, err := it.regExpMatch(o, d, s)
			if err != nil {
				return Undefined, err
			}
			if caps == nil {
				break
			}
			rec.caps = caps
			matchedLen = caps[1] - caps[0]
		} else {
			res, err := it.regExpExec(o, s)
			if err != nil {
				return Undefined, err
			}
			if res.IsNull() {
				break
			}
			rec.obj = res.Obj()
			if global {
				v, err := it.Get(rec.obj, indexKey(0))
				if err != nil {
					return Undefined, err
				}
				m, err := it.ToString(v)
				if err != nil {
					return Undefined, err
				}
				matchedLen = m.Len()
			}
		}
		results = append(results, rec)
		if !global {
			break
		}
		if matchedLen == 0 {
			li, err := it.lastIndexOf(o)
			if err != nil {
				return Undefined, err
			}
			if err := it.setLastIndex(o, advanceStringIndex(s, li, unicode)); err != nil {
				return Undefined, err
			}
		}
	}

	var sb []*String
	next := 0
	for _, rec := range results {
		var matched *String
		var position int
		var captures []Value
		groups := Undefined
		if rec.caps != nil {
			matched = s.Substring(rec.caps[0], rec.caps[1])
			position = rec.caps[0]
			captures = make([]Value, d.prog.Groups)
			for i := range captures {
				captures[i] = captureValue(s, rec.caps, i+1)
			}
			if d.prog.HasNames {
				g := NewObject(nil)
				for i, name := range d.prog.Names {
					if name != "" {
						g.defineOwn(StrKey(name), captureValue(s, rec.caps, i), Default)
					}
				}
				groups = ObjValue(g)
			}
		} else {
			res := rec.obj
			n, err := it.lengthOf(res)
			if err != nil {
				return Undefined, err
			}
			v, err := it.Get(res, indexKey(0))
			if err != nil {
				return Undefined, err
			}
			if matched, err = it.ToString(v); err != nil {
				return Undefined, err
			}
			pv, err := it.getStr(res, "index")
			if err != nil {
				return Undefined, err
			}
			pf, err := it.ToNumber(pv)
			if err != nil {
				return Undefined, err
			}
			pf = ToIntegerOrInfinity(pf)
			position = int(max(min(pf, float64(s.Len())), 0))
			for i := int64(1); i < n; i++ {
				c, err := it.Get(res, indexKey(int(i)))
				if err != nil {
					return Undefined, err
				}
				if !c.IsUndefined() {
					cs, err := it.ToString(c)
					if err != nil {
						return Undefined, err
					}
					c = StrValue(cs)
				}
				captures = append(captures, c)
			}
			if groups, err = it.getStr(res, "groups"); err != nil {
				return Undefined, err
			}
		}
		var replacement *String
		if functional {
			args := make([]Value, 0, len(captures)+4)
			args = append(args, StrValue(matched))
			args = append(args, captures...)
			args = append(args, Int(position), StrValue(s))
			if !groups.IsUndefined() {
				args = append(args, groups)
			}
			v, err := it.Call(replaceValue, Undefined, args...)
			if err != nil {
				return Undefined, err
			}
			if replacement, err = it.ToString(v); err != nil {
				return Undefined, err
			}
		} else {
			var gobj *Object
			if !groups.IsUndefined() {
				if gobj, err = it.ToObject(groups); err != nil {
					return Undefined, err
				}
			}
			if replacement, err = it.getSubstitution(matched, s, position, captures, gobj, template); err != nil {
				return Undefined, err
			}
		}
		if position >= next {
			sb = append(sb, s.Substring(next, position), replacement)
			next = position + matched.Len()
		}
	}
	if next < s.Len() {
		sb = append(sb, s.Substring(next, s.Len()))
	}
	return StrValue(joinStrings(sb)), nil
}

// joinStrings concatenates pieces into one flat string.
func joinStrings(parts []*String) *String {
	n := 0
	latin := true
	for _, p := range parts {
		n += p.Len()
		if !p.IsLatin1() {
			latin = false
		}
	}
	if latin {
		var b strings.Builder
		b.Grow(n)
		for _, p := range parts {
			b.WriteString(p.Latin1())
		}
		return fromLatin1(b.String())
	}
	u := make([]uint16, 0, n)
	for _, p := range parts {
		u = p.appendUnits(u)
	}
	return &String{wide: u, n: n, isWide: true}
}

// getSubstitution is GetSubstitution: $$, $&, $`, $', $n, $nn and
// $<name> in a replacement template.
func (it *Interp) getSubstitution(matched, s *String, position int, captures []Value, groups *Object, template *String) (*String, error) {
	t := template.Units()
	dollar := false
	for _, c := range t {
		if c == '$' {
			dollar = true
			break
		}
	}
	if !dollar {
		return template, nil
	}
	var parts []*String
	lit := 0 // start of the pending literal run
	flush := func(i int) {
		if i > lit {
			parts = append(parts, template.Substring(lit, i))
		}
	}
	for i := 0; i < len(t); i++ {
		if t[i] != '$' || i+1 >= len(t) {
			continue
		}
		c := t[i+1]
		var rep *String
		consumed := 0
		switch {
		case c == '$':
			rep, consumed = NewString("$"), 2
		case c == '&':
			rep, consumed = matched, 2
		case c == '`':
			rep, consumed = s.Substring(0, position), 2
		case c == '\'':
			tail := min(position+matched.Len(), s.Len())
			rep, consumed = s.Substring(tail, s.Len()), 2
		case c >= '0' && c <= '9':
			digits := 1
			idx := int(c - '0')
			if i+2 < len(t) && t[i+2] >= '0' && t[i+2] <= '9' {
				digits = 2
				idx = idx*10 + int(t[i+2]-'0')
				if idx > len(captures) {
					digits = 1
					idx = int(c - '0')
				}
			}
			if idx >= 1 && idx <= len(captures) {
				consumed = 1 + digits
				rep = emptyString
				if v := captures[idx-1]; !v.IsUndefined() {
					rep = v.Strv()
				}
			}
		case c == '<':
			if groups == nil {
				break
			}
			end := -1
			for j := i + 2; j < len(t); j++ {
				if t[j] == '>' {
					end = j
					break
				}
			}
			if end < 0 {
				break
			}
			name := template.Substring(i+2, end)
			v, err := it.Get(groups, StrKey(name.Key()))
			if err != nil {
				return nil, err
			}
			rep = emptyString
			if !v.IsUndefined() {
				if rep, err = it.ToString(v); err != nil {
					return nil, err
				}
			}
			consumed = end - i + 1
		}
		if consumed == 0 {
			continue
		}
		flush(i)
		parts = append(parts, rep)
		i += consumed - 1
		lit = i + 1
	}
	flush(len(t))
	return joinStrings(parts), nil
}

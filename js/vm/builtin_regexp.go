package vm

import (
	"errors"
	"math"
	"strings"
	"sync"

	"glassbox/js/bytecode"
	"glassbox/js/regexp"
)

// RegExp objects (ECMA-262 §22.2). Matching is done by package
// glassbox/js/regexp (regexp2 underneath); this file holds the
// constructor, RegExp.prototype and the spec's generic algorithms
// (RegExpExec, @@match, @@replace, @@search, @@split, @@matchAll). Those
// call a user-visible exec and flags getters through property lookups,
// except when the receiver is an unmodified built-in RegExp (own
// properties just lastIndex, prototype methods and getters the
// originals), where they match directly without building result arrays;
// both paths have the same observable behaviour in that case.

// regExpData is the internal state of a RegExp object: [[RegExpMatcher]],
// [[OriginalSource]] and [[OriginalFlags]].
type regExpData struct {
	prog   *regexp.Program
	source *String
	flags  string
}

// regExpIntrinsics is what a realm keeps for RegExp fast paths; it lives
// in the internal field of %RegExp.prototype% (an ordinary object).
type regExpIntrinsics struct {
	ctor          *Object
	instanceShape *Shape // of a fresh RegExp: only lastIndex
	protoShape    *Shape
	protoSlots    []savedSlot // methods and getters the fast paths rely on
	ctorShape     *Shape
	ctorSlots     []savedSlot // RegExp[@@species]
	iterProto     *Object     // %RegExpStringIteratorPrototype%

	// Subjects recently prepared for matching, per unicode mode: global
	// loops and many regexps over one string convert it once.
	inputs [2][inputCacheSize]cachedInput
	next   [2]int
}

const inputCacheSize = 8

type cachedInput struct {
	s  *String
	in *regexp.Input
}

type savedSlot struct {
	idx int
	v   Value
}

func snapshot(o *Object, keys []PropKey) []savedSlot {
	var s []savedSlot
	for _, k := range keys {
		if i := o.shape.lookup(k); i >= 0 {
			s = append(s, savedSlot{i, o.slots[i]})
		}
	}
	return s
}

func slotsIntact(o *Object, shape *Shape, saved []savedSlot) bool {
	if o.shape != shape {
		return false
	}
	for _, s := range saved {
		if o.slots[s.idx] != s.v {
			return false
		}
	}
	return true
}

func (r *Realm) regExpIntrinsics() *regExpIntrinsics {
	return r.RegExpPrototype.internal.(*regExpIntrinsics)
}

// input prepares s for matching, reusing the last conversion.
func (ri *regExpIntrinsics) input(s *String, unicode bool) *regexp.Input {
	m := 0
	if unicode {
		m = 1
	}
	for i := range ri.inputs[m] {
		if c := &ri.inputs[m][i]; c.s == s {
			return c.in
		}
	}
	var in *regexp.Input
	if s.IsLatin1() {
		in = regexp.NewInputLatin1(s.Latin1())
	} else {
		in = regexp.NewInput(s.Units(), unicode)
	}
	ri.inputs[m][ri.next[m]] = cachedInput{s, in}
	ri.next[m] = (ri.next[m] + 1) % inputCacheSize
	return in
}

// progCache shares compiled programs between RegExp constructions with
// the same pattern and flags (Programs are safe for concurrent use).
var progCache struct {
	sync.Mutex
	m map[[2]string]*regexp.Program
}

func compileCached(pattern *String, flags string) (*regexp.Program, error) {
	key := [2]string{pattern.Key(), flags}
	progCache.Lock()
	p, ok := progCache.m[key]
	progCache.Unlock()
	if ok {
		return p, nil
	}
	p, err := regexp.Compile(pattern.Units(), flags)
	if err != nil {
		return nil, err
	}
	progCache.Lock()
	if progCache.m == nil || len(progCache.m) >= 512 {
		progCache.m = map[[2]string]*regexp.Program{}
	}
	progCache.m[key] = p
	progCache.Unlock()
	return p, nil
}

func regExpDataOf(v Value) *regExpData {
	if o := v.Obj(); o != nil && o.class == ClassRegExp {
		if d, ok := o.internal.(*regExpData); ok {
			return d
		}
	}
	return nil
}

func (r *Realm) initRegExp() {
	p := NewObject(r.ObjectPrototype)
	r.RegExpPrototype = p
	ri := &regExpIntrinsics{}
	p.internal = ri
	var ctor *Object
	ctor = r.newCtor("RegExp", 2, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		return it.regExpConstruct(ctor, arg(args, 0), arg(args, 1), nt)
	}, p)
	ri.ctor = ctor
	ctor.defineOwn(SymKey(r.it.SymSpecies), accessorValue(&accessor{get: r.newFunc("get [Symbol.species]", 0,
		func(_ *Interp, this Value, _ []Value, _ *Object) (Value, error) { return this, nil })}), Configurable|Accessor)

	r.method(ctor, "escape", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s := arg(args, 0)
		if !s.IsString() {
			return Undefined, it.typeError("RegExp.escape requires a string")
		}
		return StrValue(regExpEscape(s.Strv())), nil
	})

	thisRegExp := func(it *Interp, this Value, name string) (*Object, *regExpData, error) {
		if d := regExpDataOf(this); d != nil {
			return this.Obj(), d, nil
		}
		return nil, nil, it.typeError("RegExp.prototype." + name + " requires that 'this' be a RegExp object")
	}
	thisObj := func(it *Interp, this Value, name string) (*Object, error) {
		if o := this.Obj(); o != nil {
			return o, nil
		}
		return nil, it.typeError("RegExp.prototype." + name + " called on incompatible receiver " + describeForError(this))
	}

	r.method(p, "exec", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, d, err := thisRegExp(it, this, "exec")
		if err != nil {
			return Undefined, err
		}
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		return it.regExpBuiltinExec(o, d, s)
	})
	for _, f := range []struct {
		name string
		c    byte
	}{{"dotAll", 's'}, {"global", 'g'}, {"hasIndices", 'd'}, {"ignoreCase", 'i'}, {"multiline", 'm'}, {"sticky", 'y'}, {"unicode", 'u'}, {"unicodeSets", 'v'}} {
		r.getter(p, StrKey(f.name), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			if d := regExpDataOf(this); d != nil {
				return Bool(strings.IndexByte(d.flags, f.c) >= 0), nil
			}
			if this.Obj() == p {
				return Undefined, nil
			}
			return Undefined, it.typeError("RegExp.prototype." + f.name + " getter called on incompatible receiver " + describeForError(this))
		})
	}
	r.getter(p, StrKey("flags"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := thisObj(it, this, "flags")
		if err != nil {
			return Undefined, err
		}
		var sb strings.Builder
		for _, f := range []struct {
			name string
			c    byte
		}{{"hasIndices", 'd'}, {"global", 'g'}, {"ignoreCase", 'i'}, {"multiline", 'm'}, {"dotAll", 's'}, {"unicode", 'u'}, {"unicodeSets", 'v'}, {"sticky", 'y'}} {
			v, err := it.getStr(o, f.name)
			if err != nil {
				return Undefined, err
			}
			if ToBoolean(v) {
				sb.WriteByte(f.c)
			}
		}
		return Str(sb.String()), nil
	})
	r.getter(p, StrKey("source"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := thisObj(it, this, "source")
		if err != nil {
			return Undefined, err
		}
		if d := regExpDataOf(this); d != nil {
			return StrValue(escapeRegExpPattern(d.source)), nil
		}
		if o == p {
			return Str("(?:)"), nil
		}
		return Undefined, it.typeError("RegExp.prototype.source getter called on incompatible receiver " + describeForError(this))
	})
	r.method(p, "test", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, err := thisObj(it, this, "test")
		if err != nil {
			return Undefined, err
		}
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if d := it.fastRegExp(o); d != nil {
			caps, err := it.regExpMatch(o, d, s)
			return Bool(caps != nil), err
		}
		res, err := it.regExpExec(o, s)
		return Bool(!res.IsNull()), err
	})
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := thisObj(it, this, "toString")
		if err != nil {
			return Undefined, err
		}
		src, err := it.getStr(o, "source")
		if err != nil {
			return Undefined, err
		}
		s1, err := it.ToString(src)
		if err != nil {
			return Undefined, err
		}
		fl, err := it.getStr(o, "flags")
		if err != nil {
			return Undefined, err
		}
		s2, err := it.ToString(fl)
		if err != nil {
			return Undefined, err
		}
		return StrValue(Concat(Concat(NewString("/"), s1), Concat(NewString("/"), s2))), nil
	})
	r.method(p, "compile", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		o, _, err := thisRegExp(it, this, "compile")
		if err != nil {
			return Undefined, err
		}
		pat, flags := arg(args, 0), arg(args, 1)
		if d := regExpDataOf(pat); d != nil {
			if !flags.IsUndefined() {
				return Undefined, it.typeError("Cannot supply flags when constructing one RegExp from another")
			}
			pat, flags = StrValue(d.source), Str(d.flags)
		}
		if err := it.regExpInitialize(o, pat, flags); err != nil {
			return Undefined, err
		}
		return this, nil
	})
	// Each RegExp.prototype[@@method] starts the same way: the receiver
	// must be an object, and the first argument is taken as a string.
	symStringMethod := func(sym *Symbol, name string, length int, f func(it *Interp, o *Object, s *String, args []Value) (Value, error)) {
		r.symMethod(p, sym, name, length, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			o, err := thisObj(it, this, name)
			if err != nil {
				return Undefined, err
			}
			s, err := it.ToString(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			return f(it, o, s, args)
		})
	}
	symStringMethod(r.it.SymMatch, "[Symbol.match]", 1, func(it *Interp, o *Object, s *String, _ []Value) (Value, error) {
		return it.regExpSymMatch(o, s)
	})
	symStringMethod(r.it.SymMatchAll, "[Symbol.matchAll]", 1, func(it *Interp, o *Object, s *String, _ []Value) (Value, error) {
		return it.regExpSymMatchAll(o, s)
	})
	symStringMethod(r.it.SymReplace, "[Symbol.replace]", 2, func(it *Interp, o *Object, s *String, args []Value) (Value, error) {
		return it.regExpSymReplace(o, s, arg(args, 1))
	})
	symStringMethod(r.it.SymSearch, "[Symbol.search]", 1, func(it *Interp, o *Object, s *String, _ []Value) (Value, error) {
		return it.regExpSymSearch(o, s)
	})
	symStringMethod(r.it.SymSplit, "[Symbol.split]", 2, func(it *Interp, o *Object, s *String, args []Value) (Value, error) {
		return it.regExpSymSplit(o, s, arg(args, 1))
	})

	// %RegExpStringIteratorPrototype%.
	ip := NewObject(r.IteratorPrototype)
	ri.iterProto = ip
	ip.defineOwn(SymKey(r.it.SymToStringTag), Str("RegExp String Iterator"), Configurable)
	r.method(ip, "next", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o := this.Obj()
		st, ok := (*regExpStringIter)(nil), false
		if o != nil {
			st, ok = o.internal.(*regExpStringIter)
		}
		if !ok {
			return Undefined, it.typeError("%RegExpStringIterator%.next requires that 'this' be a RegExp String Iterator")
		}
		return it.regExpStringIterNext(st)
	})

	// Fast-path guards: a fresh instance's shape and the methods and
	// getters the fast paths stand in for.
	probe := newObjectClass(p, ClassRegExp)
	probe.defineOwn(StrKey("lastIndex"), Int(0), Writable)
	ri.instanceShape = probe.shape
	ri.protoShape = p.shape
	ri.protoSlots = snapshot(p, []PropKey{StrKey("exec"), StrKey("flags"), StrKey("global"), StrKey("unicode"),
		StrKey("unicodeSets"), StrKey("sticky"), StrKey("hasIndices"), StrKey("ignoreCase"), StrKey("multiline"),
		StrKey("dotAll"), keyConstructor, SymKey(r.it.SymMatch)})
	ri.ctorShape = ctor.shape
	ri.ctorSlots = snapshot(ctor, []PropKey{SymKey(r.it.SymSpecies)})

	r.initStringRegExp()
}

// fastRegExp returns the data of o when o is a built-in RegExp whose
// exec, flags and flag getters are all the originals, so the generic
// algorithms may match directly.
func (it *Interp) fastRegExp(o *Object) *regExpData {
	if o.class != ClassRegExp {
		return nil
	}
	d, ok := o.internal.(*regExpData)
	if !ok {
		return nil
	}
	p := o.shape.proto
	if p == nil {
		return nil
	}
	ri, ok := p.internal.(*regExpIntrinsics)
	if !ok || o.shape != ri.instanceShape || !slotsIntact(p, ri.protoShape, ri.protoSlots) {
		return nil
	}
	return d
}

// speciesIntact reports whether SpeciesConstructor of a fast RegExp is
// the realm's %RegExp% with its original @@species.
func speciesIntact(o *Object) bool {
	ri := o.shape.proto.internal.(*regExpIntrinsics)
	return slotsIntact(ri.ctor, ri.ctorShape, ri.ctorSlots)
}

// regExpLiteral makes the object of a regular expression literal.
func (it *Interp) regExpLiteral(fr *frame, idx int) (Value, error) {
	rc := fr.tmpl.Constants[idx].(*bytecode.RegExpConst)
	prog, _ := rc.Program.(*regexp.Program)
	if prog == nil {
		var err error
		if prog, err = regexp.CompileString(rc.Pattern, rc.Flags); err != nil {
			return Undefined, it.throwError(SyntaxError, err.Error())
		}
		rc.Program = prog
	}
	o := newObjectClass(fr.realm.RegExpPrototype, ClassRegExp)
	o.defineOwn(StrKey("lastIndex"), Int(0), Writable)
	o.internal = &regExpData{prog: prog, source: NewString(rc.Pattern), flags: rc.Flags}
	return ObjValue(o), nil
}

// newRegExp is RegExpCreate(pattern, flags).
func (it *Interp) newRegExp(pattern, flags Value) (Value, error) {
	o := newObjectClass(it.realm.RegExpPrototype, ClassRegExp)
	o.defineOwn(StrKey("lastIndex"), Int(0), Writable)
	if err := it.regExpInitialize(o, pattern, flags); err != nil {
		return Undefined, err
	}
	return ObjValue(o), nil
}

// isRegExp is IsRegExp.
func (it *Interp) isRegExp(v Value) (bool, error) {
	o := v.Obj()
	if o == nil {
		return false, nil
	}
	m, err := it.Get(o, SymKey(it.SymMatch))
	if err != nil {
		return false, err
	}
	if !m.IsUndefined() {
		return ToBoolean(m), nil
	}
	return o.class == ClassRegExp, nil
}

// regExpConstruct is the RegExp constructor (§22.2.4.1).
func (it *Interp) regExpConstruct(ctor *Object, pattern, flags Value, nt *Object) (Value, error) {
	isRE, err := it.isRegExp(pattern)
	if err != nil {
		return Undefined, err
	}
	newTarget := nt
	if nt == nil {
		newTarget = ctor
		if isRE && flags.IsUndefined() {
			pc, err := it.getStr(pattern.Obj(), "constructor")
			if err != nil {
				return Undefined, err
			}
			if pc.Obj() == newTarget {
				return pattern, nil
			}
		}
	}
	p, f := pattern, flags
	if d := regExpDataOf(pattern); d != nil {
		p = StrValue(d.source)
		if flags.IsUndefined() {
			f = Str(d.flags)
		}
	} else if isRE {
		if p, err = it.getStr(pattern.Obj(), "source"); err != nil {
			return Undefined, err
		}
		if flags.IsUndefined() {
			if f, err = it.getStr(pattern.Obj(), "flags"); err != nil {
				return Undefined, err
			}
		}
	}
	proto, err := it.protoFromCtor(newTarget, func(r *Realm) *Object { return r.RegExpPrototype })
	if err != nil {
		return Undefined, err
	}
	o := newObjectClass(proto, ClassRegExp)
	o.defineOwn(StrKey("lastIndex"), Int(0), Writable)
	if err := it.regExpInitialize(o, p, f); err != nil {
		return Undefined, err
	}
	return ObjValue(o), nil
}

// regExpInitialize is RegExpInitialize.
func (it *Interp) regExpInitialize(o *Object, pattern, flags Value) error {
	p := emptyString
	if !pattern.IsUndefined() {
		s, err := it.ToString(pattern)
		if err != nil {
			return err
		}
		p = s
	}
	f := ""
	if !flags.IsUndefined() {
		s, err := it.ToString(flags)
		if err != nil {
			return err
		}
		f = s.String()
	}
	prog, err := compileCached(p, f)
	if err != nil {
		return it.throwError(SyntaxError, err.Error())
	}
	o.internal = &regExpData{prog: prog, source: p, flags: f}
	return it.set(o, StrKey("lastIndex"), Int(0), ObjValue(o), true)
}

// escapeRegExpPattern is EscapeRegExpPattern: / and line terminators
// are escaped so that "/" + source + "/" reads back as the same literal.
func escapeRegExpPattern(s *String) *String {
	if s.Len() == 0 {
		return NewString("(?:)")
	}
	u := s.Units()
	need := false
	for _, c := range u {
		if c == '/' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	out := make([]uint16, 0, len(u)+4)
	inClass := false
	for i := 0; i < len(u); i++ {
		c := u[i]
		esc := func(t string) {
			for j := 0; j < len(t); j++ {
				out = append(out, uint16(t[j]))
			}
		}
		switch c {
		case '\\':
			if i+1 < len(u) {
				// An escaped line terminator keeps its backslash.
				switch u[i+1] {
				case '\n', '\r', 0x2028, 0x2029:
					continue
				}
				out = append(out, c, u[i+1])
				i++
				continue
			}
			out = append(out, c)
		case '/':
			if inClass {
				out = append(out, c)
			} else {
				esc(`\/`)
			}
		case '[':
			inClass = true
			out = append(out, c)
		case ']':
			inClass = false
			out = append(out, c)
		case '\n':
			esc(`\n`)
		case '\r':
			esc(`\r`)
		case 0x2028:
			esc(`\u2028`)
		case 0x2029:
			esc(`\u2029`)
		default:
			out = append(out, c)
		}
	}
	return FromUTF16(out)
}

// lastIndexOf reads ToLength(lastIndex).
func (it *Interp) lastIndexOf(o *Object) (float64, error) {
	v, err := it.getStr(o, "lastIndex")
	if err != nil {
		return 0, err
	}
	if v.IsNumber() {
		return toLength(v.num), nil
	}
	f, err := it.ToNumber(v)
	return toLength(f), err
}

func toLength(f float64) float64 {
	f = ToIntegerOrInfinity(f)
	if f <= 0 {
		return 0
	}
	return math.Min(f, 1<<53-1)
}

func (it *Interp) setLastIndex(o *Object, v float64) error {
	return it.set(o, StrKey("lastIndex"), Num(v), ObjValue(o), true)
}

// regExpMatch is the matching part of RegExpBuiltinExec: it reads and
// updates lastIndex and returns the capture positions, or nil.
func (it *Interp) regExpMatch(o *Object, d *regExpData, s *String) ([]int, error) {
	li, err := it.lastIndexOf(o)
	if err != nil {
		return nil, err
	}
	f := d.prog.Flags
	if !f.Global && !f.Sticky {
		li = 0
	}
	if li > float64(s.Len()) {
		if f.Global || f.Sticky {
			return nil, it.setLastIndex(o, 0)
		}
		return nil, nil
	}
	ri := it.realm.regExpIntrinsics()
	if p := o.shape.proto; p != nil {
		if x, ok := p.internal.(*regExpIntrinsics); ok {
			ri = x
		}
	}
	caps, err := d.prog.Exec(ri.input(s, f.Unicode), int(li), it.interrupt.Load)
	if err != nil {
		return nil, it.regExpError(err)
	}
	if caps == nil {
		if f.Global || f.Sticky {
			return nil, it.setLastIndex(o, 0)
		}
		return nil, nil
	}
	if f.Global || f.Sticky {
		if err := it.setLastIndex(o, float64(caps[1])); err != nil {
			return nil, err
		}
	}
	return caps, nil
}

func (it *Interp) regExpError(err error) error {
	switch {
	case errors.Is(err, regexp.ErrInterrupted):
		return &Interrupted{}
	case errors.Is(err, regexp.ErrTimeout):
		return it.rangeError("Maximum regular expression execution time exceeded")
	}
	return it.throwError(SyntaxError, err.Error())
}

// regExpBuiltinExec is RegExpBuiltinExec.
func (it *Interp) regExpBuiltinExec(o *Object, d *regExpData, s *String) (Value, error) {
	caps, err := it.regExpMatch(o, d, s)
	if err != nil || caps == nil {
		return Null, err
	}
	return ObjValue(it.regExpResult(d, s, caps)), nil
}

func captureValue(s *String, caps []int, i int) Value {
	if caps[2*i] < 0 {
		return Undefined
	}
	return StrValue(s.Substring(caps[2*i], caps[2*i+1]))
}

// regExpResult builds the array exec returns.
func (it *Interp) regExpResult(d *regExpData, s *String, caps []int) *Object {
	n := d.prog.Groups
	vals := make([]Value, n+1)
	for i := range vals {
		vals[i] = captureValue(s, caps, i)
	}
	a := it.realm.arrayOf(vals)
	a.defineOwn(StrKey("index"), Int(caps[0]), Default)
	a.defineOwn(StrKey("input"), StrValue(s), Default)
	a.defineOwn(StrKey("groups"), groupsObject(d, vals), Default)
	if d.prog.Flags.HasIndices {
		pairs := make([]Value, n+1)
		for i := range pairs {
			if caps[2*i] >= 0 {
				pairs[i] = ObjValue(it.realm.arrayOf([]Value{Int(caps[2*i]), Int(caps[2*i+1])}))
			}
		}
		ind := it.realm.arrayOf(pairs)
		ind.defineOwn(StrKey("groups"), groupsObject(d, pairs), Default)
		a.defineOwn(StrKey("indices"), ObjValue(ind), Default)
	}
	return a
}

// groupsObject is the groups object of an exec result (or of its indices):
// a null-prototype object mapping each group name to vals at the group's
// index, or undefined when the pattern names no group.
func groupsObject(d *regExpData, vals []Value) Value {
	if !d.prog.HasNames {
		return Undefined
	}
	g := NewObject(nil)
	for i, name := range d.prog.Names {
		if name != "" {
			g.defineOwn(StrKey(name), vals[i], Default)
		}
	}
	return ObjValue(g)
}

// regExpExec is RegExpExec: a user exec if there is one.
func (it *Interp) regExpExec(o *Object, s *String) (Value, error) {
	exec, err := it.getStr(o, "exec")
	if err != nil {
		return Undefined, err
	}
	if isCallable(exec) {
		res, err := it.Call(exec, ObjValue(o), StrValue(s))
		if err != nil {
			return Undefined, err
		}
		if !res.IsObject() && !res.IsNull() {
			return Undefined, it.typeError("object or null expected from RegExp exec")
		}
		return res, nil
	}
	d := regExpDataOf(ObjValue(o))
	if d == nil {
		return Undefined, it.typeError("RegExp exec method called on incompatible receiver " + describeForError(ObjValue(o)))
	}
	return it.regExpBuiltinExec(o, d, s)
}

// advanceStringIndex is AdvanceStringIndex.
func advanceStringIndex(s *String, i float64, unicode bool) float64 {
	if !unicode || i+1 >= float64(s.Len()) {
		return i + 1
	}
	c := s.At(int(i))
	if c >= 0xD800 && c < 0xDC00 {
		if d := s.At(int(i) + 1); d >= 0xDC00 && d < 0xE000 {
			return i + 2
		}
	}
	return i + 1
}

// flagsOf reads ToString(rx.flags), directly for a fast RegExp.
func (it *Interp) flagsOf(o *Object, d *regExpData) (string, error) {
	if d != nil {
		return d.flags, nil
	}
	v, err := it.getStr(o, "flags")
	if err != nil {
		return "", err
	}
	s, err := it.ToString(v)
	if err != nil {
		return "", err
	}
	return s.String(), nil
}

func (it *Interp) regExpSymMatch(o *Object, s *String) (Value, error) {
	d := it.fastRegExp(o)
	flags, err := it.flagsOf(o, d)
	if err != nil {
		return Undefined, err
	}
	if !strings.Contains(flags, "g") {
		if d != nil {
			return it.regExpBuiltinExec(o, d, s)
		}
		return it.regExpExec(o, s)
	}
	unicode := strings.ContainsAny(flags, "uv")
	if err := it.setLastIndex(o, 0); err != nil {
		return Undefined, err
	}
	var out []Value
	for {
		var matched *String
		if d != nil {
			caps, err := it.regExpMatch(o, d, s)
			if err != nil {
				return Undefined, err
			}
			if caps == nil {
				break
			}
			matched = s.Substring(caps[0], caps[1])
		} else {
			res, err := it.regExpExec(o, s)
			if err != nil {
				return Undefined, err
			}
			if res.IsNull() {
				break
			}
			v, err := it.Get(res.Obj(), indexKey(0))
			if err != nil {
				return Undefined, err
			}
			if matched, err = it.ToString(v); err != nil {
				return Undefined, err
			}
		}
		out = append(out, StrValue(matched))
		if matched.Len() == 0 {
			li, err := it.lastIndexOf(o)
			if err != nil {
				return Undefined, err
			}
			if err := it.setLastIndex(o, advanceStringIndex(s, li, unicode)); err != nil {
				return Undefined, err
			}
		}
	}
	if len(out) == 0 {
		return Null, nil
	}
	return ObjValue(it.realm.arrayOf(out)), nil
}

func (it *Interp) regExpSymSearch(o *Object, s *String) (Value, error) {
	prev, err := it.getStr(o, "lastIndex")
	if err != nil {
		return Undefined, err
	}
	if !SameValue(prev, Int(0)) {
		if err := it.setLastIndex(o, 0); err != nil {
			return Undefined, err
		}
	}
	var index Value
	if d := it.fastRegExp(o); d != nil {
		caps, err := it.regExpMatch(o, d, s)
		if err != nil {
			return Undefined, err
		}
		index = Int(-1)
		if caps != nil {
			index = Int(caps[0])
		}
	} else {
		res, err := it.regExpExec(o, s)
		if err != nil {
			return Undefined, err
		}
		index = Int(-1)
		if !res.IsNull() {
			if index, err = it.getStr(res.Obj(), "index"); err != nil {
				return Undefined, err
			}
		}
	}
	cur, err := it.getStr(o, "lastIndex")
	if err != nil {
		return Undefined, err
	}
	if !SameValue(cur, prev) {
		if err := it.set(o, StrKey("lastIndex"), prev, ObjValue(o), true); err != nil {
			return Undefined, err
		}
	}
	return index, nil
}

// speciesConstructorOf is SpeciesConstructor(o, default).
func (it *Interp) speciesConstructorOf(o *Object, def *Object) (*Object, error) {
	c, err := it.getStr(o, "constructor")
	if err != nil {
		return nil, err
	}
	if c.IsUndefined() {
		return def, nil
	}
	co := c.Obj()
	if co == nil {
		return nil, it.typeError("object.constructor is not an object")
	}
	sp, err := it.Get(co, SymKey(it.SymSpecies))
	if err != nil {
		return nil, err
	}
	if sp.IsNullish() {
		return def, nil
	}
	if so := sp.Obj(); so != nil && so.IsConstructor() {
		return so, nil
	}
	return nil, it.typeError("object.constructor[Symbol.species] is not a constructor")
}

func (it *Interp) regExpSymSplit(o *Object, s *String, limit Value) (Value, error) {
	r := it.realm
	d := it.fastRegExp(o)
	if d != nil && !d.prog.Flags.Sticky && speciesIntact(o) {
		return it.regExpFastSplit(d, s, limit)
	}
	c, err := it.speciesConstructorOf(o, o.shape.proto.internalRegExpCtor(r))
	if err != nil {
		return Undefined, err
	}
	flags, err := it.flagsOf(o, nil)
	if err != nil {
		return Undefined, err
	}
	unicode := strings.ContainsAny(flags, "uv")
	newFlags := flags
	if !strings.Contains(flags, "y") {
		newFlags += "y"
	}
	sv, err := it.Construct(ObjValue(c), []Value{ObjValue(o), Str(newFlags)}, c)
	if err != nil {
		return Undefined, err
	}
	splitter := sv.Obj()
	lim := uint32(math.MaxUint32)
	if !limit.IsUndefined() {
		f, err := it.ToNumber(limit)
		if err != nil {
			return Undefined, err
		}
		lim = ToUint32(f)
	}
	var out []Value
	if lim == 0 {
		return ObjValue(r.arrayOf(out)), nil
	}
	size := s.Len()
	if size == 0 {
		z, err := it.regExpExec(splitter, s)
		if err != nil {
			return Undefined, err
		}
		if z.IsNull() {
			out = append(out, StrValue(s))
		}
		return ObjValue(r.arrayOf(out)), nil
	}
	p, q := 0, 0
	for q < size {
		if err := it.setLastIndex(splitter, float64(q)); err != nil {
			return Undefined, err
		}
		z, err := it.regExpExec(splitter, s)
		if err != nil {
			return Undefined, err
		}
		if z.IsNull() {
			q = int(advanceStringIndex(s, float64(q), unicode))
			continue
		}
		ef, err := it.lastIndexOf(splitter)
		if err != nil {
			return Undefined, err
		}
		e := int(math.Min(ef, float64(size)))
		if e == p {
			q = int(advanceStringIndex(s, float64(q), unicode))
			continue
		}
		out = append(out, StrValue(s.Substring(p, q)))
		if uint32(len(out)) == lim {
			return ObjValue(r.arrayOf(out)), nil
		}
		p = e
		n, err := it.lengthOf(z.Obj())
		if err != nil {
			return Undefined, err
		}
		for i := int64(1); i < n; i++ {
			v, err := it.Get(z.Obj(), indexKey(int(i)))
			if err != nil {
				return Undefined, err
			}
			out = append(out, v)
			if uint32(len(out)) == lim {
				return ObjValue(r.arrayOf(out)), nil
			}
		}
		q = p
	}
	out = append(out, StrValue(s.Substring(p, size)))
	return ObjValue(r.arrayOf(out)), nil
}

// internalRegExpCtor is the %RegExp% of the realm a RegExp prototype
// belongs to (the current realm's for other objects).
func (p *Object) internalRegExpCtor(r *Realm) *Object {
	if p != nil {
		if ri, ok := p.internal.(*regExpIntrinsics); ok {
			return ri.ctor
		}
	}
	return r.regExpIntrinsics().ctor
}

// regExpFastSplit is @@split for an unmodified, non-sticky RegExp with
// the original species: searching forward from q finds the same match
// the spec's sticky splitter finds by trying each q in turn.
func (it *Interp) regExpFastSplit(d *regExpData, s *String, limit Value) (Value, error) {
	r := it.realm
	lim := uint32(math.MaxUint32)
	if !limit.IsUndefined() {
		f, err := it.ToNumber(limit)
		if err != nil {
			return Undefined, err
		}
		lim = ToUint32(f)
	}
	var out []Value
	if lim == 0 {
		return ObjValue(r.arrayOf(out)), nil
	}
	unicode := d.prog.Flags.Unicode
	in := r.regExpIntrinsics().input(s, unicode)
	size := s.Len()
	if size == 0 {
		caps, err := d.prog.Exec(in, 0, it.interrupt.Load)
		if err != nil {
			return Undefined, it.regExpError(err)
		}
		if caps == nil || caps[0] != 0 {
			out = append(out, StrValue(s))
		}
		return ObjValue(r.arrayOf(out)), nil
	}
	p, q := 0, 0
	for q < size {
		caps, err := d.prog.Exec(in, q, it.interrupt.Load)
		if err != nil {
			return Undefined, it.regExpError(err)
		}
		if caps == nil || caps[0] >= size {
			break
		}
		e := min(caps[1], size)
		if e == p {
			q = int(advanceStringIndex(s, float64(caps[0]), unicode))
			continue
		}
		out = append(out, StrValue(s.Substring(p, caps[0])))
		if uint32(len(out)) == lim {
			return ObjValue(r.arrayOf(out)), nil
		}
		p = e
		for i := 1; i <= d.prog.Groups; i++ {
			out = append(out, captureValue(s, caps, i))
			if uint32(len(out)) == lim {
				return ObjValue(r.arrayOf(out)), nil
			}
		}
		q = p
	}
	out = append(out, StrValue(s.Substring(p, size)))
	return ObjValue(r.arrayOf(out)), nil
}

// regExpStringIter is the state of a RegExp String Iterator.
type regExpStringIter struct {
	rx              *Object
	s               *String
	global, unicode bool
	done            bool
}

func (it *Interp) regExpSymMatchAll(o *Object, s *String) (Value, error) {
	r := it.realm
	c, err := it.speciesConstructorOf(o, o.shape.proto.internalRegExpCtor(r))
	if err != nil {
		return Undefined, err
	}
	flags, err := it.flagsOf(o, nil)
	if err != nil {
		return Undefined, err
	}
	mv, err := it.Construct(ObjValue(c), []Value{ObjValue(o), Str(flags)}, c)
	if err != nil {
		return Undefined, err
	}
	li, err := it.lastIndexOf(o)
	if err != nil {
		return Undefined, err
	}
	if err := it.setLastIndex(mv.Obj(), li); err != nil {
		return Undefined, err
	}
	iter := NewObject(r.regExpIntrinsics().iterProto)
	iter.internal = &regExpStringIter{rx: mv.Obj(), s: s, global: strings.Contains(flags, "g"), unicode: strings.ContainsAny(flags, "uv")}
	return ObjValue(iter), nil
}

func (it *Interp) regExpStringIterNext(st *regExpStringIter) (Value, error) {
	if st.done {
		return it.iterResult(Undefined, true), nil
	}
	res, err := it.regExpExec(st.rx, st.s)
	if err != nil {
		return Undefined, err
	}
	if res.IsNull() {
		st.done = true
		return it.iterResult(Undefined, true), nil
	}
	if !st.global {
		st.done = true
		return it.iterResult(res, false), nil
	}
	v, err := it.Get(res.Obj(), indexKey(0))
	if err != nil {
		return Undefined, err
	}
	m, err := it.ToString(v)
	if err != nil {
		return Undefined, err
	}
	if m.Len() == 0 {
		li, err := it.lastIndexOf(st.rx)
		if err != nil {
			return Undefined, err
		}
		if err := it.setLastIndex(st.rx, advanceStringIndex(st.s, li, st.unicode)); err != nil {
			return Undefined, err
		}
	}
	return it.iterResult(res, false), nil
}

// regExpEscape is RegExp.escape: the string as a pattern matching it
// literally.
func regExpEscape(s *String) *String {
	u := s.Units()
	var out []uint16
	put := func(t string) {
		for i := 0; i < len(t); i++ {
			out = append(out, uint16(t[i]))
		}
	}
	const hexDigits = "0123456789abcdef"
	hexUnit := func(c uint16) {
		if c <= 0xFF {
			put("\\x")
			out = append(out, uint16(hexDigits[c>>4]), uint16(hexDigits[c&15]))
			return
		}
		put("\\u")
		for sh := 12; sh >= 0; sh -= 4 {
			out = append(out, uint16(hexDigits[(c>>sh)&15]))
		}
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			out = append(out, c, u[i+1])
			i++
			continue
		}
		switch {
		case i == 0 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			hexUnit(c)
		case c < 0x80 && strings.IndexByte("^$\\.*+?()[]{}|/", byte(c)) >= 0:
			out = append(out, '\\', c)
		case c == '\t':
			put("\\t")
		case c == '\n':
			put("\\n")
		case c == '\v':
			put("\\v")
		case c == '\f':
			put("\\f")
		case c == '\r':
			put("\\r")
		case c < 0x80 && strings.IndexByte(",-=<>#&!%:;@~'`\"", byte(c)) >= 0,
			isJSSpace(rune(c)), c >= 0xD800 && c < 0xE000:
			hexUnit(c)
		default:
			out = append(out, c)
		}
	}
	return FromUTF16(out)
}

package regexp

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// SyntaxError is an invalid pattern or flags; the engine throws it as a
// JavaScript SyntaxError.
type SyntaxError struct {
	Pattern, Msg string
}

func (e *SyntaxError) Error() string {
	return "Invalid regular expression: /" + e.Pattern + "/: " + e.Msg
}

// Flags are the parsed flags of a regular expression. Unicode is set by
// u and by v (UnicodeSets), which also matches by code points.
type Flags struct {
	HasIndices, Global, IgnoreCase, Multiline, DotAll, Unicode, UnicodeSets, Sticky bool
}

// ParseFlags validates a flags string: each of d g i m s u v y at most
// once, and not both u and v.
func ParseFlags(s string) (Flags, bool) {
	var f Flags
	for _, c := range s {
		var p *bool
		switch c {
		case 'd':
			p = &f.HasIndices
		case 'g':
			p = &f.Global
		case 'i':
			p = &f.IgnoreCase
		case 'm':
			p = &f.Multiline
		case 's':
			p = &f.DotAll
		case 'u':
			p = &f.Unicode
		case 'v':
			p = &f.UnicodeSets
		case 'y':
			p = &f.Sticky
		default:
			return f, false
		}
		if *p {
			return f, false
		}
		*p = true
	}
	if f.Unicode && f.UnicodeSets {
		return f, false
	}
	f.Unicode = f.Unicode || f.UnicodeSets
	return f, true
}

// translator turns an ECMAScript pattern into regexp2 syntax. It parses
// the pattern by the grammar of ECMA-262 §22.2.1 (with the Annex B
// extensions when the u flag is off), reports early errors, and writes a
// pattern whose meaning under regexp2's ECMAScript option is the
// JavaScript one: every capturing group becomes an unnamed group (regexp2
// numbers named groups after unnamed ones), characters are written as
// escapes, `.`, `^` and `$` are spelled out with JavaScript's line
// terminators, and \p{...} names are mapped onto Go's Unicode tables.
type translator struct {
	src      []rune // code points with u, code units without
	pos      int
	u        bool
	flags    Flags
	out      strings.Builder
	ngroups  int // groups opened so far
	total    int // groups in the whole pattern
	names    []string
	hasNames bool
	err      string

	firstPass bool     // names are being collected; \k may refer ahead
	allNames  []string // the names found by the first pass
}

const lineTerms = `\n\r\u2028\u2029`

func (t *translator) fail(format string, args ...any) {
	if t.err == "" {
		t.err = fmt.Sprintf(format, args...)
	}
	// Stop parsing: jump to the end.
	t.pos = len(t.src)
}

func (t *translator) more() bool { return t.pos < len(t.src) && t.err == "" }

func (t *translator) peek() rune {
	if t.pos < len(t.src) {
		return t.src[t.pos]
	}
	return -1
}

func (t *translator) peekAt(i int) rune {
	if t.pos+i < len(t.src) {
		return t.src[t.pos+i]
	}
	return -1
}

func (t *translator) eat(c rune) bool {
	if t.peek() == c {
		t.pos++
		return true
	}
	return false
}

// patternRunes decodes the pattern: code points with u (surrogate pairs
// joined, lone surrogates kept), code units without.
func patternRunes(units []uint16, u bool) []rune {
	rs := make([]rune, 0, len(units))
	for i := 0; i < len(units); i++ {
		c := rune(units[i])
		if u && c >= 0xD800 && c < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
			rs = append(rs, utf16.DecodeRune(c, rune(units[i+1])))
			i++
			continue
		}
		rs = append(rs, c)
	}
	return rs
}

// prescan counts the capturing groups and notes whether any is named, as
// decimal escapes and \k depend on the whole pattern.
func (t *translator) prescan() {
	inClass := false
	for i := 0; i < len(t.src); i++ {
		switch t.src[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '(':
			if inClass {
				continue
			}
			if i+1 < len(t.src) && t.src[i+1] == '?' {
				if i+2 < len(t.src) && t.src[i+2] == '<' && i+3 < len(t.src) && t.src[i+3] != '=' && t.src[i+3] != '!' {
					t.total++
					t.hasNames = true
				}
				continue
			}
			t.total++
		}
	}
}

func translate(units []uint16, f Flags) (string, []string, int, error) {
	src := patternRunes(units, f.Unicode)
	var allNames []string
	for pass := 0; pass < 2; pass++ {
		t := &translator{u: f.Unicode, flags: f, src: src, firstPass: pass == 0, allNames: allNames}
		t.prescan()
		t.names = make([]string, t.total+1)
		out, names, n, err := t.run(units)
		if err != nil || pass == 1 || !t.hasNames {
			return out, names, n, err
		}
		allNames = names
	}
	panic("unreachable")
}

func (t *translator) run(units []uint16) (string, []string, int, error) {
	f := t.flags
	if f.Sticky {
		t.out.WriteString(`\G(?:`)
	}
	t.disjunction()
	if t.err == "" && t.pos < len(t.src) {
		if t.peek() == ')' {
			t.fail("Unmatched ')'")
		} else {
			t.fail("Unexpected character")
		}
	}
	if t.err != "" {
		return "", nil, 0, &SyntaxError{Pattern: string(utf16.Decode(units)), Msg: t.err}
	}
	if f.Sticky {
		t.out.WriteString(`)`)
	}
	return t.out.String(), t.names, t.ngroups, nil
}

func (t *translator) disjunction() {
	t.alternative()
	for t.more() && t.eat('|') {
		t.out.WriteByte('|')
		t.alternative()
	}
}

func (t *translator) alternative() {
	for t.more() {
		c := t.peek()
		if c == '|' || c == ')' {
			return
		}
		t.term()
	}
}

func (t *translator) term() {
	c := t.peek()
	quantifiable := true
	switch c {
	case '^':
		t.pos++
		if t.flags.Multiline {
			t.out.WriteString(`(?<![^` + lineTerms + `])`)
		} else {
			t.out.WriteString(`^`)
		}
		quantifiable = false
	case '$':
		t.pos++
		if t.flags.Multiline {
			t.out.WriteString(`(?![^` + lineTerms + `])`)
		} else {
			t.out.WriteString(`\z`)
		}
		quantifiable = false
	case '\\':
		if n := t.peekAt(1); n == 'b' || n == 'B' {
			t.pos += 2
			t.out.WriteByte('\\')
			t.out.WriteRune(n)
			quantifiable = false
			break
		}
		t.pos++
		t.atomEscape()
	case '(':
		quantifiable = t.group()
	case '.':
		t.pos++
		if t.flags.DotAll {
			t.out.WriteString(`[\s\S]`)
		} else {
			t.out.WriteString(`[^` + lineTerms + `]`)
		}
	case '[':
		t.class()
	case '*', '+', '?':
		t.fail("Nothing to repeat")
		return
	case '{':
		if t.u {
			t.fail("Nothing to repeat")
			return
		}
		if _, _, ok := t.scanBraces(); ok {
			t.fail("Nothing to repeat")
			return
		}
		t.pos++
		t.char('{')
	case '}', ']':
		if t.u {
			t.fail("Lone quantifier brackets")
			return
		}
		t.pos++
		t.char(c)
	default:
		t.pos++
		t.char(c)
	}
	if t.err != "" {
		return
	}
	t.quantifier(quantifiable)
}

// scanBraces reads {n}, {n,} or {n,m} at the current position without
// consuming it; m is -1 for no upper bound.
func (t *translator) scanBraces() (lo, hi int, ok bool) {
	i := t.pos
	if i >= len(t.src) || t.src[i] != '{' {
		return 0, 0, false
	}
	i++
	num := func() (int, bool) {
		start := i
		n := 0
		for i < len(t.src) && t.src[i] >= '0' && t.src[i] <= '9' {
			if n < 1<<30 {
				n = n*10 + int(t.src[i]-'0')
			}
			i++
		}
		return min(n, 1<<30), i > start
	}
	lo, ok = num()
	if !ok {
		return 0, 0, false
	}
	hi = lo
	if i < len(t.src) && t.src[i] == ',' {
		i++
		hi = -1
		if m, ok := num(); ok {
			hi = m
		}
	}
	if i >= len(t.src) || t.src[i] != '}' {
		return 0, 0, false
	}
	return lo, hi, true
}

func (t *translator) quantifier(quantifiable bool) {
	var q string
	switch c := t.peek(); c {
	case '*', '+', '?':
		t.pos++
		q = string(c)
	case '{':
		lo, hi, ok := t.scanBraces()
		if !ok {
			if t.u {
				t.fail("Incomplete quantifier")
			}
			return
		}
		for t.src[t.pos] != '}' {
			t.pos++
		}
		t.pos++
		if hi >= 0 && hi < lo {
			t.fail("numbers out of order in {} quantifier")
			return
		}
		// regexp2 rejects counts past int32; any bound this large
		// behaves as unbounded on real inputs.
		switch {
		case hi < 0 || hi >= 1<<30:
			q = "{" + strconv.Itoa(lo) + ",}"
		case hi == lo:
			q = "{" + strconv.Itoa(lo) + "}"
		default:
			q = "{" + strconv.Itoa(lo) + "," + strconv.Itoa(hi) + "}"
		}
	default:
		return
	}
	if !quantifiable {
		t.fail("Nothing to repeat")
		return
	}
	t.out.WriteString(q)
	if t.eat('?') {
		t.out.WriteByte('?')
	}
}

// group parses a parenthesised term; it reports whether a quantifier may
// follow.
func (t *translator) group() bool {
	t.pos++ // (
	quantifiable := true
	if t.eat('?') {
		switch {
		case t.eat(':'):
			t.out.WriteString("(?:")
		case t.eat('='):
			t.out.WriteString("(?=")
			quantifiable = !t.u
		case t.eat('!'):
			t.out.WriteString("(?!")
			quantifiable = !t.u
		case t.peek() == '<' && (t.peekAt(1) == '=' || t.peekAt(1) == '!'):
			t.out.WriteString("(?<")
			t.out.WriteRune(t.peekAt(1))
			t.pos += 2
			quantifiable = false
		case t.eat('<'):
			name := t.groupName()
			if t.err != "" {
				return false
			}
			for _, n := range t.names {
				if n == name {
					t.fail("Duplicate capture group name")
					return false
				}
			}
			t.ngroups++
			if t.ngroups < len(t.names) {
				t.names[t.ngroups] = name
			}
			t.out.WriteByte('(')
		case strings.ContainsRune("ims-", t.peek()):
			saved := t.flags
			defer func() { t.flags = saved }()
			if !t.modifiers() {
				return false
			}
		default:
			t.fail("Invalid group")
			return false
		}
	} else {
		t.ngroups++
		t.out.WriteByte('(')
	}
	t.disjunction()
	if t.err != "" {
		return false
	}
	if !t.eat(')') {
		t.fail("Unterminated group")
		return false
	}
	t.out.WriteByte(')')
	return quantifiable
}

// modifiers reads the flags of a modified group, (?ims-ims:...), up to
// and including the colon, applies them to t.flags for the group's body
// and opens the group. m and s need nothing from regexp2, since ^, $ and
// . are spelled out by the translator; i becomes regexp2's own (?i:).
func (t *translator) modifiers() bool {
	seen := map[rune]bool{}
	read := func() (string, bool) {
		var fl strings.Builder
		for {
			c := t.peek()
			if c != 'i' && c != 'm' && c != 's' {
				return fl.String(), true
			}
			if seen[c] {
				t.fail("Repeated flag in modifiers")
				return "", false
			}
			seen[c] = true
			fl.WriteRune(c)
			t.pos++
		}
	}
	add, ok := read()
	if !ok {
		return false
	}
	var remove string
	dash := t.eat('-')
	if dash {
		if remove, ok = read(); !ok {
			return false
		}
		if add == "" && remove == "" {
			t.fail("Invalid modifiers group")
			return false
		}
	}
	if !t.eat(':') {
		t.fail("Invalid group")
		return false
	}
	set := func(fl string, on bool) {
		for _, c := range fl {
			switch c {
			case 'i':
				t.flags.IgnoreCase = on
			case 'm':
				t.flags.Multiline = on
			case 's':
				t.flags.DotAll = on
			}
		}
	}
	set(add, true)
	set(remove, false)
	switch {
	case strings.ContainsRune(add, 'i'):
		t.out.WriteString("(?i:")
	case strings.ContainsRune(remove, 'i'):
		t.out.WriteString("(?-i:")
	default:
		t.out.WriteString("(?:")
	}
	return true
}

// groupName reads a RegExpIdentifierName and the closing '>'.
func (t *translator) groupName() string {
	var sb strings.Builder
	first := true
	for {
		if t.pos >= len(t.src) {
			t.fail("Invalid capture group name")
			return ""
		}
		c := t.src[t.pos]
		t.pos++
		if c == '>' {
			break
		}
		if c == '\\' {
			if !t.eat('u') {
				t.fail("Invalid capture group name")
				return ""
			}
			v, ok := t.unicodeEscapeBody(true)
			if !ok {
				t.fail("Invalid Unicode escape in group name")
				return ""
			}
			c = v
		} else if c >= 0xD800 && c < 0xDC00 && t.pos < len(t.src) && t.src[t.pos] >= 0xDC00 && t.src[t.pos] < 0xE000 {
			c = utf16.DecodeRune(c, t.src[t.pos])
			t.pos++
		}
		if !isIDChar(c, first) {
			t.fail("Invalid capture group name")
			return ""
		}
		sb.WriteRune(c)
		first = false
	}
	if first {
		t.fail("Invalid capture group name")
		return ""
	}
	return sb.String()
}

func isIDChar(c rune, first bool) bool {
	if c == '$' || c == '_' || unicode.IsLetter(c) || unicode.Is(unicode.Nl, c) || unicode.Is(unicode.Other_ID_Start, c) {
		return true
	}
	if first {
		return false
	}
	return c == 0x200C || c == 0x200D || unicode.IsDigit(c) || unicode.In(c, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// unicodeEscapeBody reads what follows \u: four hex digits (joined with a
// following \uDC00-\uDFFF escape when named or with u), or {hex} when
// braces are allowed.
func (t *translator) unicodeEscapeBody(braces bool) (rune, bool) {
	if braces && t.peek() == '{' {
		i := t.pos + 1
		var v rune
		n := 0
		for i < len(t.src) && isHex(t.src[i]) {
			v = v*16 + hexVal(t.src[i])
			if v > 0x10FFFF {
				return 0, false
			}
			i++
			n++
		}
		if n == 0 || i >= len(t.src) || t.src[i] != '}' {
			return 0, false
		}
		t.pos = i + 1
		return v, true
	}
	v, ok := t.hex(4)
	if !ok {
		return 0, false
	}
	if braces && v >= 0xD800 && v < 0xDC00 && t.peek() == '\\' && t.peekAt(1) == 'u' {
		save := t.pos
		t.pos += 2
		if w, ok := t.hex(4); ok && w >= 0xDC00 && w < 0xE000 {
			return utf16.DecodeRune(v, w), true
		}
		t.pos = save
	}
	return v, true
}

func (t *translator) hex(n int) (rune, bool) {
	if t.pos+n > len(t.src) {
		return 0, false
	}
	var v rune
	for i := 0; i < n; i++ {
		c := t.src[t.pos+i]
		if !isHex(c) {
			return 0, false
		}
		v = v*16 + hexVal(c)
	}
	t.pos += n
	return v, true
}

func isHex(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c rune) rune {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isSyntaxChar(c rune) bool { return strings.ContainsRune(`^$\.*+?()[]{}|/`, c) }

// char writes one literal character as regexp2 sees it.
func (t *translator) char(c rune) { writeChar(&t.out, c) }

func writeChar(sb *strings.Builder, c rune) {
	switch {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		sb.WriteRune(c)
	case c < 0x80:
		fmt.Fprintf(sb, `\x%02X`, c)
	case c <= 0xFFFF:
		fmt.Fprintf(sb, `\u%04X`, c)
	default:
		sb.WriteRune(c)
	}
}

// atomEscape handles what follows a backslash outside a class.
func (t *translator) atomEscape() {
	if t.pos >= len(t.src) {
		t.fail(`\ at end of pattern`)
		return
	}
	c := t.src[t.pos]
	switch {
	case c >= '1' && c <= '9':
		start := t.pos
		n := 0
		for t.pos < len(t.src) && t.src[t.pos] >= '0' && t.src[t.pos] <= '9' {
			if n < 1<<20 {
				n = n*10 + int(t.src[t.pos]-'0')
			}
			t.pos++
		}
		if n <= t.total {
			fmt.Fprintf(&t.out, `(?:\%d)`, n)
			return
		}
		if t.u {
			t.fail("Invalid escape")
			return
		}
		t.pos = start
		if c >= '8' {
			t.pos++
			t.char(c)
			return
		}
		t.char(t.legacyOctal())
		return
	case c == 'k':
		if t.u || t.hasNames {
			t.pos++
			if !t.eat('<') {
				t.fail("Invalid named reference")
				return
			}
			name := t.groupName()
			if t.err != "" {
				return
			}
			for i, n := range t.names {
				if n == name {
					fmt.Fprintf(&t.out, `(?:\%d)`, i)
					return
				}
			}
			// Names may be defined later in the pattern: look ahead.
			if i := t.laterGroup(name); i > 0 {
				fmt.Fprintf(&t.out, `(?:\%d)`, i)
				return
			}
			t.fail("Invalid named capture referenced")
			return
		}
		t.pos++
		t.char('k')
		return
	}
	if s, ok := t.classEscape(false); ok {
		t.out.WriteString(s)
		return
	}
	if t.err != "" {
		return
	}
	r, ok := t.characterEscape(false)
	if ok {
		t.char(r)
	}
}

// laterGroup finds the number of the group named name that is declared
// after the current position, from the first pass's names.
func (t *translator) laterGroup(name string) int {
	if t.firstPass && t.hasNames {
		return 1
	}
	for i, n := range t.allNames {
		if n == name {
			return i
		}
	}
	return 0
}

// legacyOctal reads up to three octal digits worth at most 0o377.
func (t *translator) legacyOctal() rune {
	var v rune
	for i := 0; i < 3 && t.pos < len(t.src); i++ {
		c := t.src[t.pos]
		if c < '0' || c > '7' || v*8+(c-'0') > 0377 {
			break
		}
		v = v*8 + (c - '0')
		t.pos++
	}
	return v
}

// classEscape handles \d \D \s \S \w \W \p{..} \P{..}, returning their
// regexp2 spelling.
func (t *translator) classEscape(inClass bool) (string, bool) {
	c := t.src[t.pos]
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W':
		t.pos++
		return `\` + string(c), true
	case 'p', 'P':
		if !t.u {
			return "", false
		}
		t.pos++
		if !t.eat('{') {
			t.fail("Invalid property name")
			return "", false
		}
		start := t.pos
		for t.pos < len(t.src) && t.src[t.pos] != '}' {
			t.pos++
		}
		if t.pos >= len(t.src) {
			t.fail("Invalid property name")
			return "", false
		}
		body := string(t.src[start:t.pos])
		t.pos++
		s, ok := propertyClass(body, c == 'P', inClass)
		if !ok {
			t.fail("Invalid property name")
			return "", false
		}
		if s == "" {
			// regexp2 has no way to spell an empty set inside a class.
			t.fail("An empty property set inside a class is not supported")
			return "", false
		}
		return s, true
	}
	return "", false
}

// characterEscape reads a CharacterEscape (after the backslash) and
// returns the character it stands for.
func (t *translator) characterEscape(inClass bool) (rune, bool) {
	c := t.src[t.pos]
	t.pos++
	switch c {
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return '\v', true
	case 'c':
		if l := t.peek(); l >= 'a' && l <= 'z' || l >= 'A' && l <= 'Z' {
			t.pos++
			return l % 32, true
		}
		if !t.u && inClass {
			if l := t.peek(); l >= '0' && l <= '9' || l == '_' {
				t.pos++
				return l % 32, true
			}
		}
		if t.u {
			t.fail("Invalid unicode escape")
			return 0, false
		}
		// Annex B: the backslash is literal and c starts the next atom.
		t.pos--
		return '\\', true
	case '0':
		if d := t.peek(); d < '0' || d > '9' {
			return 0, true
		}
		if t.u {
			t.fail("Invalid decimal escape")
			return 0, false
		}
		t.pos--
		return t.legacyOctal(), true
	case 'x':
		if v, ok := t.hex(2); ok {
			return v, true
		}
		if t.u {
			t.fail("Invalid escape")
			return 0, false
		}
		return 'x', true
	case 'u':
		if v, ok := t.unicodeEscapeBody(t.u); ok {
			return v, true
		}
		if t.u {
			t.fail("Invalid Unicode escape")
			return 0, false
		}
		return 'u', true
	}
	if c >= '1' && c <= '9' && inClass {
		if t.u {
			t.fail("Invalid class escape")
			return 0, false
		}
		if c >= '8' {
			return c, true
		}
		t.pos--
		return t.legacyOctal(), true
	}
	if t.u {
		if isSyntaxChar(c) || inClass && c == '-' {
			return c, true
		}
		t.fail("Invalid escape")
		return 0, false
	}
	if c == 'k' && t.hasNames {
		t.fail("Invalid named reference")
		return 0, false
	}
	return c, true
}

// class parses a character class and writes it.
func (t *translator) class() {
	t.pos++ // [
	negate := t.eat('^')
	var body strings.Builder
	empty := true
	for {
		if t.pos >= len(t.src) {
			t.fail("Unterminated character class")
			return
		}
		if t.eat(']') {
			break
		}
		if t.flags.UnicodeSets {
			c, n := t.peek(), t.peekAt(1)
			if c == '[' || c == '-' && n == '-' || c == '&' && n == '&' || c == '\\' && n == 'q' {
				t.fail("Nested classes and set operations of the v flag are not supported")
				return
			}
			// ClassSetCharacter (§22.2.1): these must be escaped, and
			// doubled punctuators are reserved for future operators.
			if strings.ContainsRune("()[]{}/-|", c) {
				t.fail("Invalid set operation in character class")
				return
			}
			if c == n && strings.ContainsRune("&!#$%*+,.:;<=>?@^`~", c) {
				t.fail("Invalid set operation in character class")
				return
			}
		}
		lo, loSet, ok := t.classAtom()
		if !ok {
			return
		}
		empty = false
		if t.peek() == '-' && t.peekAt(1) != ']' && t.peekAt(1) != -1 {
			t.pos++
			hi, hiSet, ok := t.classAtom()
			if !ok {
				return
			}
			if loSet != "" || hiSet != "" {
				if t.u {
					t.fail("Invalid character class")
					return
				}
				body.WriteString(classItem(lo, loSet))
				body.WriteString(`\x2D`)
				body.WriteString(classItem(hi, hiSet))
				continue
			}
			if lo > hi {
				t.fail("Range out of order in character class")
				return
			}
			writeChar(&body, lo)
			body.WriteByte('-')
			writeChar(&body, hi)
			continue
		}
		body.WriteString(classItem(lo, loSet))
	}
	switch {
	case empty && negate:
		t.out.WriteString(`[\s\S]`)
	case empty:
		t.out.WriteString(`(?!)`)
	default:
		t.out.WriteByte('[')
		if negate {
			t.out.WriteByte('^')
		}
		t.out.WriteString(body.String())
		t.out.WriteByte(']')
	}
}

func classItem(c rune, set string) string {
	if set != "" {
		return set
	}
	var sb strings.Builder
	writeChar(&sb, c)
	return sb.String()
}

// classAtom reads one class atom: a character, or a class escape
// returned as its regexp2 spelling.
func (t *translator) classAtom() (rune, string, bool) {
	c := t.src[t.pos]
	t.pos++
	if c != '\\' {
		return c, "", true
	}
	if t.pos >= len(t.src) {
		t.fail(`\ at end of pattern`)
		return 0, "", false
	}
	switch t.src[t.pos] {
	case 'b':
		t.pos++
		return '\b', "", true
	case '-':
		if t.u {
			t.pos++
			return '-', "", true
		}
	}
	if t.flags.UnicodeSets && strings.ContainsRune("&!#%,:;<=>@`~", t.src[t.pos]) {
		// ClassSetReservedPunctuator may be escaped in a v-mode class.
		t.pos++
		return t.src[t.pos-1], "", true
	}
	if s, ok := t.classEscape(true); ok {
		return 0, s, true
	}
	if t.err != "" {
		return 0, "", false
	}
	r, ok := t.characterEscape(true)
	return r, "", ok
}

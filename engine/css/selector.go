package css

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Selector is one complex selector: compound selectors joined by
// combinators, such as "ul > li.item a".
type Selector struct {
	// Compounds are the compound selectors, left to right.
	Compounds []Compound
	// Combinators[i] joins Compounds[i] and Compounds[i+1].
	Combinators []Combinator
	// PseudoElement is the selector's pseudo-element, lower-case and
	// without colons ("before", "after"), or "" for none.
	PseudoElement string

	spec Specificity
}

// Combinator is the relation between two compound selectors.
type Combinator uint8

// Combinators.
const (
	Descendant        Combinator = iota // A B
	Child                               // A > B
	NextSibling                         // A + B
	SubsequentSibling                   // A ~ B
)

// Compound is a compound selector: conditions that one element must meet
// all at once, as in "a.ext[href]:first-child".
type Compound struct {
	// Tag is the type selector, lower-case; "" when there is none or it
	// is the universal selector.
	Tag string
	// tagExact is the type selector as written, for elements outside
	// the HTML namespace, whose names match case-sensitively.
	tagExact string

	IDs     []string
	Classes []string
	Attrs   []AttrSelector
	Pseudos []PseudoClass
}

// AttrOp is the operator of an attribute selector.
type AttrOp uint8

// Attribute selector operators.
const (
	AttrExists    AttrOp = iota // [a]
	AttrEquals                  // [a=v]
	AttrIncludes                // [a~=v]
	AttrDashMatch               // [a|=v]
	AttrPrefix                  // [a^=v]
	AttrSuffix                  // [a$=v]
	AttrSubstring               // [a*=v]
)

// AttrSelector is an attribute selector.
type AttrSelector struct {
	Name  string // lower-case
	Op    AttrOp
	Value string
	// CaseInsensitive is set by the "i" flag, or implied for the HTML
	// attributes whose values the HTML standard matches without case.
	CaseInsensitive bool
}

// PseudoClass is a pseudo-class in a compound selector.
type PseudoClass struct {
	// Name is the lower-case name without the colon ("nth-child").
	Name string
	// A and B are the An+B of the :nth-* pseudo-classes.
	A, B int
	// Args are the selector arguments of :not(), :is(), :where() and of
	// the "of S" clause of :nth-child().
	Args []*Selector
	// Lang is the argument of :lang().
	Lang string

	kind pseudoKind
}

type pseudoKind uint8

const (
	pNever pseudoKind = iota // a dynamic state this engine never has (:hover)
	pRoot
	pEmpty
	pFirstChild
	pLastChild
	pOnlyChild
	pNthChild
	pNthLastChild
	pFirstOfType
	pLastOfType
	pOnlyOfType
	pNthOfType
	pNthLastOfType
	pNot
	pIs    // :is() and its old name :matches()
	pWhere // like :is() but adds no specificity
	pLink
	pAnyLink
	pLang
	pChecked
	pDisabled
	pEnabled
	pDefined
	pScope
)

// simplePseudos maps the argument-less pseudo-classes this package knows
// to their kind. The dynamic ones (hover, focus, ...) are valid but never
// match: a rule using them must still parse, or selector-list rules like
// "a:hover, a.x" would be lost entirely.
var simplePseudos = map[string]pseudoKind{
	"root":          pRoot,
	"empty":         pEmpty,
	"first-child":   pFirstChild,
	"last-child":    pLastChild,
	"only-child":    pOnlyChild,
	"first-of-type": pFirstOfType,
	"last-of-type":  pLastOfType,
	"only-of-type":  pOnlyOfType,
	"link":          pLink,
	"any-link":      pAnyLink,
	"checked":       pChecked,
	"disabled":      pDisabled,
	"enabled":       pEnabled,
	"defined":       pDefined,
	"scope":         pScope,

	"visited":           pNever,
	"hover":             pNever,
	"active":            pNever,
	"focus":             pNever,
	"focus-visible":     pNever,
	"focus-within":      pNever,
	"target":            pNever,
	"target-within":     pNever,
	"local-link":        pNever,
	"indeterminate":     pNever,
	"default":           pNever,
	"valid":             pNever,
	"invalid":           pNever,
	"user-valid":        pNever,
	"user-invalid":      pNever,
	"in-range":          pNever,
	"out-of-range":      pNever,
	"required":          pNever,
	"optional":          pNever,
	"read-only":         pNever,
	"read-write":        pNever,
	"placeholder-shown": pNever,
	"autofill":          pNever,
	"fullscreen":        pNever,
	"modal":             pNever,
	"popover-open":      pNever,
	"playing":           pNever,
	"paused":            pNever,
	"open":              pNever,
	"closed":            pNever,
}

// pseudoElements are the pseudo-elements the parser accepts. The legacy
// four may also be written with a single colon.
var pseudoElements = map[string]bool{
	"before": true, "after": true, "first-line": true, "first-letter": true,
	"marker": true, "placeholder": true, "selection": true, "backdrop": true,
	"file-selector-button": true,
}

var legacyPseudoElements = map[string]bool{
	"before": true, "after": true, "first-line": true, "first-letter": true,
}

// caseInsensitiveAttrs are the attributes whose values HTML selectors
// match ASCII case-insensitively (HTML, "Case-sensitivity of selectors").
var caseInsensitiveAttrs = map[string]bool{
	"accept": true, "accept-charset": true, "align": true, "alink": true,
	"axis": true, "bgcolor": true, "charset": true, "checked": true,
	"clear": true, "codetype": true, "color": true, "compact": true,
	"declare": true, "defer": true, "dir": true, "direction": true,
	"disabled": true, "enctype": true, "face": true, "frame": true,
	"hreflang": true, "http-equiv": true, "lang": true, "language": true,
	"link": true, "media": true, "method": true, "multiple": true,
	"nohref": true, "noresize": true, "noshade": true, "nowrap": true,
	"readonly": true, "rel": true, "rev": true, "rules": true,
	"scope": true, "scrolling": true, "selected": true, "shape": true,
	"target": true, "text": true, "type": true, "valign": true,
	"valuetype": true, "vlink": true,
}

// Specificity is a selector's specificity (A, B, C) as Selectors Level 4
// defines it: A counts ID selectors; B classes, attribute selectors and
// pseudo-classes; C type selectors and pseudo-elements. Values compare
// with ==, and order with Compare.
type Specificity struct {
	A, B, C int
}

// Compare returns -1, 0 or +1 as s is less than, equal to or greater than
// t.
func (s Specificity) Compare(t Specificity) int {
	switch {
	case s.A != t.A:
		return sign(s.A - t.A)
	case s.B != t.B:
		return sign(s.B - t.B)
	}
	return sign(s.C - t.C)
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func (s Specificity) add(t Specificity) Specificity {
	return Specificity{s.A + t.A, s.B + t.B, s.C + t.C}
}

func (s Specificity) max(t Specificity) Specificity {
	if s.Compare(t) >= 0 {
		return s
	}
	return t
}

// Specificity returns the selector's specificity.
func (s *Selector) Specificity() Specificity { return s.spec }

// String serializes the selector, for debugging and tests.
func (s *Selector) String() string {
	var b strings.Builder
	for i, c := range s.Compounds {
		if i > 0 {
			b.WriteString([...]string{" ", " > ", " + ", " ~ "}[s.Combinators[i-1]])
		}
		c.write(&b)
	}
	if s.PseudoElement != "" {
		b.WriteString("::")
		b.WriteString(s.PseudoElement)
	}
	return b.String()
}

func (c *Compound) write(b *strings.Builder) {
	empty := c.Tag == "" && len(c.IDs)+len(c.Classes)+len(c.Attrs)+len(c.Pseudos) == 0
	if c.Tag != "" {
		b.WriteString(c.tagExact)
	} else if empty {
		b.WriteByte('*')
	}
	for _, id := range c.IDs {
		b.WriteString("#" + id)
	}
	for _, cl := range c.Classes {
		b.WriteString("." + cl)
	}
	for _, a := range c.Attrs {
		b.WriteString("[" + a.Name)
		if a.Op != AttrExists {
			b.WriteString([...]string{"", "=", "~=", "|=", "^=", "$=", "*="}[a.Op])
			b.WriteString(strconv.Quote(a.Value))
		}
		b.WriteByte(']')
	}
	for _, p := range c.Pseudos {
		b.WriteString(":" + p.Name)
		switch p.kind {
		case pNthChild, pNthLastChild, pNthOfType, pNthLastOfType:
			fmt.Fprintf(b, "(%dn%+d", p.A, p.B)
			if len(p.Args) > 0 {
				b.WriteString(" of ")
				writeSelectors(b, p.Args)
			}
			b.WriteByte(')')
		case pNot, pIs, pWhere:
			b.WriteByte('(')
			writeSelectors(b, p.Args)
			b.WriteByte(')')
		case pLang:
			b.WriteString("(" + p.Lang + ")")
		}
	}
}

func writeSelectors(b *strings.Builder, sels []*Selector) {
	for i, s := range sels {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.String())
	}
}

// ErrSelector reports a selector that does not parse, or that uses a
// pseudo-class or pseudo-element this package does not know (which CSS
// treats the same way).
var ErrSelector = errors.New("css: invalid selector")

// ParseSelectorList parses a comma-separated list of complex selectors,
// as querySelectorAll takes. If any selector is invalid the whole list is
// invalid, as CSS specifies for style rules.
func ParseSelectorList(src string) ([]*Selector, error) {
	return parseSelectorList(tokenize(src))
}

func parseSelectorList(ts []Token) ([]*Selector, error) {
	var out []*Selector
	for _, part := range splitCommas(ts) {
		s, err := parseComplex(part)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// parseForgivingList parses the argument of :is() and :where(), which
// drops invalid selectors instead of failing.
func parseForgivingList(ts []Token) []*Selector {
	var out []*Selector
	for _, part := range splitCommas(ts) {
		if s, err := parseComplex(part); err == nil {
			out = append(out, s)
		}
	}
	return out
}

// splitCommas splits ts at top-level commas. Empty input gives one empty
// part, so that callers reject it.
func splitCommas(ts []Token) [][]Token {
	var parts [][]Token
	start := 0
	for i, t := range ts {
		if t.Type == CommaToken {
			parts = append(parts, ts[start:i])
			start = i + 1
		}
	}
	return append(parts, ts[start:])
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrSelector}, args...)...)
}

// parseComplex parses one complex selector.
func parseComplex(ts []Token) (*Selector, error) {
	ts = trimWhitespace(ts)
	if len(ts) == 0 {
		return nil, errorf("empty selector")
	}
	s := &Selector{}
	p := &selParser{ts: ts}
	for {
		c, err := p.compound(s)
		if err != nil {
			return nil, err
		}
		s.Compounds = append(s.Compounds, c)
		if p.done() {
			break
		}
		if s.PseudoElement != "" {
			return nil, errorf("pseudo-element ::%s must come last", s.PseudoElement)
		}
		comb, err := p.combinator()
		if err != nil {
			return nil, err
		}
		s.Combinators = append(s.Combinators, comb)
	}
	s.spec = s.computeSpecificity()
	return s, nil
}

type selParser struct {
	ts  []Token
	pos int
}

func (p *selParser) done() bool { return p.pos >= len(p.ts) }

func (p *selParser) peek() Token {
	if p.done() {
		return Token{}
	}
	return p.ts[p.pos]
}

// combinator reads white space and at most one of > + ~ between two
// compounds.
func (p *selParser) combinator() (Combinator, error) {
	comb := Descendant
	sawWS := false
	for p.peek().Type == WhitespaceToken {
		p.pos++
		sawWS = true
	}
	if t := p.peek(); t.Type == DelimToken {
		switch t.Value {
		case ">":
			comb = Child
		case "+":
			comb = NextSibling
		case "~":
			comb = SubsequentSibling
		}
		if comb != Descendant {
			p.pos++
			for p.peek().Type == WhitespaceToken {
				p.pos++
			}
		}
	}
	if !sawWS && comb == Descendant {
		return 0, errorf("unexpected %q", p.peek().Raw)
	}
	if p.done() {
		return 0, errorf("selector ends in a combinator")
	}
	return comb, nil
}

// compound reads one compound selector. It stops at white space, a
// combinator or the end.
func (p *selParser) compound(s *Selector) (Compound, error) {
	var c Compound
	start := p.pos
	// Type or universal selector, which may only come first.
	switch t := p.peek(); {
	case t.Type == IdentToken:
		c.Tag, c.tagExact = strings.ToLower(t.Value), t.Value
		p.pos++
	case t.IsDelim('*'):
		p.pos++
	}
	if t := p.peek(); t.IsDelim('|') {
		return c, errorf("namespace prefixes are not supported")
	}
	for !p.done() {
		t := p.peek()
		switch {
		case t.Type == HashToken:
			if !isIdentStart(t.Raw[1:]) {
				return c, errorf("invalid id selector %q", t.Raw)
			}
			c.IDs = append(c.IDs, t.Value)
			p.pos++
		case t.IsDelim('.'):
			p.pos++
			n := p.peek()
			if n.Type != IdentToken {
				return c, errorf("expected class name after '.'")
			}
			c.Classes = append(c.Classes, n.Value)
			p.pos++
		case t.Type == BlockToken && t.Value == "[":
			a, err := parseAttr(t.Children)
			if err != nil {
				return c, err
			}
			c.Attrs = append(c.Attrs, a)
			p.pos++
		case t.Type == ColonToken:
			if s.PseudoElement != "" {
				return c, errorf("pseudo-class after pseudo-element")
			}
			p.pos++
			if err := p.pseudo(&c, s); err != nil {
				return c, err
			}
		case t.Type == WhitespaceToken || t.Type == DelimToken && strings.ContainsAny(t.Value, ">+~"):
			if p.pos == start {
				return c, errorf("expected a selector, found %q", t.Raw)
			}
			return c, nil
		default:
			return c, errorf("unexpected %q in selector", t.String())
		}
	}
	if p.pos == start {
		return c, errorf("empty compound selector")
	}
	return c, nil
}

// pseudo reads a pseudo-class or pseudo-element after its first colon.
func (p *selParser) pseudo(c *Compound, s *Selector) error {
	t := p.peek()
	if t.Type == ColonToken { // ::pseudo-element
		p.pos++
		n := p.peek()
		name := strings.ToLower(n.Value)
		if n.Type != IdentToken || !pseudoElements[name] {
			return errorf("unknown pseudo-element ::%s", n.Value)
		}
		s.PseudoElement = name
		p.pos++
		return nil
	}
	p.pos++
	name := strings.ToLower(t.Value)
	switch t.Type {
	case IdentToken:
		if legacyPseudoElements[name] {
			s.PseudoElement = name
			return nil
		}
		kind, ok := simplePseudos[name]
		if !ok {
			return errorf("unknown pseudo-class :%s", t.Value)
		}
		c.Pseudos = append(c.Pseudos, PseudoClass{Name: name, kind: kind})
		return nil
	case FunctionToken:
		pc, err := functionalPseudo(name, t.Children)
		if err != nil {
			return err
		}
		c.Pseudos = append(c.Pseudos, pc)
		return nil
	}
	return errorf("expected a pseudo-class name after ':'")
}

func functionalPseudo(name string, args []Token) (PseudoClass, error) {
	pc := PseudoClass{Name: name}
	switch name {
	case "not":
		pc.kind = pNot
		sels, err := parseSelectorList(args)
		if err != nil {
			return pc, err
		}
		pc.Args = sels
	case "is", "matches", "where":
		pc.kind = pIs
		if name == "where" {
			pc.kind = pWhere
		}
		pc.Args = parseForgivingList(args)
	case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
		pc.kind = map[string]pseudoKind{
			"nth-child": pNthChild, "nth-last-child": pNthLastChild,
			"nth-of-type": pNthOfType, "nth-last-of-type": pNthLastOfType,
		}[name]
		anb, rest := splitOf(args)
		a, b, err := parseAnB(anb)
		if err != nil {
			return pc, err
		}
		pc.A, pc.B = a, b
		if rest != nil {
			if pc.kind != pNthChild && pc.kind != pNthLastChild {
				return pc, errorf(":%s takes no 'of' clause", name)
			}
			sels, err := parseSelectorList(rest)
			if err != nil {
				return pc, err
			}
			// Each level of "of" nesting multiplies matching work by
			// the number of siblings; one level is all real pages use.
			if usesNthOf(sels) {
				return pc, errorf("nested :%s(... of ...) is not supported", name)
			}
			pc.Args = sels
		}
	case "lang":
		args = trimWhitespace(args)
		if len(args) != 1 || (args[0].Type != IdentToken && args[0].Type != StringToken) {
			return pc, errorf(":lang() takes one language tag")
		}
		pc.kind = pLang
		pc.Lang = strings.ToLower(args[0].Value)
	default:
		return pc, errorf("unknown pseudo-class :%s()", name)
	}
	return pc, nil
}

// splitOf splits the argument of :nth-child() at the identifier "of".
// rest is nil when there is no "of" clause.
func splitOf(ts []Token) (anb, rest []Token) {
	for i, t := range ts {
		if t.IsIdent("of") && i > 0 && ts[i-1].Type == WhitespaceToken {
			return ts[:i], append([]Token{}, ts[i+1:]...)
		}
	}
	return ts, nil
}

// usesNthOf reports whether any of sels uses :nth-child(... of S), at
// any depth.
func usesNthOf(sels []*Selector) bool {
	for _, s := range sels {
		for i := range s.Compounds {
			for _, p := range s.Compounds[i].Pseudos {
				if (p.kind == pNthChild || p.kind == pNthLastChild) && len(p.Args) > 0 || usesNthOf(p.Args) {
					return true
				}
			}
		}
	}
	return false
}

// parseAnB parses the An+B microsyntax. The tokenizer splits it in odd
// places ("2n-1" is one dimension, "-n+3" an identifier and a number), so
// it is easiest to re-read the source text with the spaces removed, after
// checking that spaces only appear where the grammar allows them.
func parseAnB(ts []Token) (a, b int, err error) {
	ts = trimWhitespace(ts)
	var sb strings.Builder
	for i, t := range ts {
		if t.Type == WhitespaceToken {
			// White space is allowed only around the sign before B.
			prevSign := i > 0 && (ts[i-1].IsDelim('+') || ts[i-1].IsDelim('-'))
			nextSign := i+1 < len(ts) && (ts[i+1].IsDelim('+') || ts[i+1].IsDelim('-') ||
				ts[i+1].Type == NumberToken && ts[i+1].Raw[0] == '+' || ts[i+1].Type == NumberToken && ts[i+1].Raw[0] == '-')
			if !prevSign && !nextSign {
				return 0, 0, errorf("bad An+B")
			}
			continue
		}
		if t.Type == FunctionToken || t.Type == BlockToken || t.Raw == "" {
			return 0, 0, errorf("bad An+B")
		}
		sb.WriteString(t.Raw)
	}
	s := strings.ToLower(sb.String())
	switch s {
	case "odd":
		return 2, 1, nil
	case "even":
		return 2, 0, nil
	case "":
		return 0, 0, errorf("empty An+B")
	}
	n := strings.IndexByte(s, 'n')
	if n < 0 {
		b, err := strconv.Atoi(s)
		if err != nil {
			return 0, 0, errorf("bad An+B %q", s)
		}
		return 0, b, nil
	}
	switch as := s[:n]; as {
	case "", "+":
		a = 1
	case "-":
		a = -1
	default:
		if a, err = strconv.Atoi(as); err != nil {
			return 0, 0, errorf("bad An+B %q", s)
		}
	}
	bs := s[n+1:]
	if bs == "" {
		return a, 0, nil
	}
	if bs[0] != '+' && bs[0] != '-' || len(bs) < 2 || !isDigit(bs[1]) {
		return 0, 0, errorf("bad An+B %q", s)
	}
	if b, err = strconv.Atoi(bs); err != nil {
		return 0, 0, errorf("bad An+B %q", s)
	}
	return a, b, nil
}

// parseAttr parses the inside of an attribute selector's brackets.
func parseAttr(ts []Token) (AttrSelector, error) {
	ts = trimWhitespace(ts)
	var a AttrSelector
	if len(ts) == 0 || ts[0].Type != IdentToken {
		return a, errorf("expected attribute name")
	}
	a.Name = strings.ToLower(ts[0].Value)
	ts = trimWhitespace(ts[1:])
	if len(ts) == 0 {
		return a, nil
	}
	switch t := ts[0]; {
	case t.IsDelim('='):
		a.Op = AttrEquals
	case t.Type == MatchToken:
		a.Op = map[string]AttrOp{"~=": AttrIncludes, "|=": AttrDashMatch,
			"^=": AttrPrefix, "$=": AttrSuffix, "*=": AttrSubstring}[t.Value]
	default:
		return a, errorf("bad attribute selector operator %q", t.Raw)
	}
	ts = trimWhitespace(ts[1:])
	if len(ts) == 0 || ts[0].Type != IdentToken && ts[0].Type != StringToken {
		return a, errorf("expected attribute value")
	}
	a.Value = ts[0].Value
	a.CaseInsensitive = caseInsensitiveAttrs[a.Name]
	ts = trimWhitespace(ts[1:])
	if len(ts) == 1 && ts[0].Type == IdentToken {
		switch strings.ToLower(ts[0].Value) {
		case "i":
			a.CaseInsensitive = true
			return a, nil
		case "s":
			a.CaseInsensitive = false
			return a, nil
		}
	}
	if len(ts) != 0 {
		return a, errorf("unexpected tokens after attribute value")
	}
	return a, nil
}

// isIdentStart reports whether s (raw source text) starts with an
// identifier, the test that decides whether "#x" is a valid ID selector.
func isIdentStart(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c == '-' {
		if len(s) < 2 {
			return false
		}
		c = s[1]
		if c == '-' {
			return true
		}
	}
	return c == '_' || c == '\\' || c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func (s *Selector) computeSpecificity() Specificity {
	var sp Specificity
	for i := range s.Compounds {
		sp = sp.add(s.Compounds[i].specificity())
	}
	if s.PseudoElement != "" {
		sp.C++
	}
	return sp
}

func (c *Compound) specificity() Specificity {
	sp := Specificity{A: len(c.IDs), B: len(c.Classes) + len(c.Attrs)}
	if c.Tag != "" {
		sp.C++
	}
	for _, p := range c.Pseudos {
		switch p.kind {
		case pWhere:
			// adds nothing
		case pNot, pIs:
			sp = sp.add(maxSpecificity(p.Args))
		case pNthChild, pNthLastChild:
			sp.B++
			sp = sp.add(maxSpecificity(p.Args))
		default:
			sp.B++
		}
	}
	return sp
}

func maxSpecificity(sels []*Selector) Specificity {
	var m Specificity
	for _, s := range sels {
		m = m.max(s.spec)
	}
	return m
}

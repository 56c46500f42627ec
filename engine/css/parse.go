package css

import "strings"

// Stylesheet is a parsed style sheet: its style rules in source order,
// with the rules of @media blocks flattened in among them, and the
// @import rules it starts with.
type Stylesheet struct {
	Rules   []*Rule
	Imports []Import
}

// Import is an @import rule. The sheet it names is the loader's to fetch;
// its rules come before the importing sheet's in the cascade.
type Import struct {
	URL   string
	Media *MediaList // nil when the rule names no media (all media)
}

// Rule is a style rule: a selector list and a declaration block.
type Rule struct {
	Selectors    []*Selector
	Declarations []Declaration
	// Media holds the conditions of the @media blocks the rule sits in,
	// outermost first; the rule applies only when every one matches.
	Media []*MediaList
}

// MediaMatches reports whether the rule's @media conditions hold in env.
func (r *Rule) MediaMatches(env MediaEnv) bool {
	for _, m := range r.Media {
		if !m.Matches(env) {
			return false
		}
	}
	return true
}

// Declaration is one property: value pair of a declaration block.
type Declaration struct {
	// Property is the property name, lower-cased unless it is a custom
	// property (--name), whose names are case-sensitive.
	Property string
	// Value is the value's component values, with surrounding white space
	// and any !important removed.
	Value     []Token
	Important bool
}

// String serializes the declaration, for debugging and tests.
func (d Declaration) String() string {
	s := d.Property + ": " + TokensString(d.Value)
	if d.Important {
		s += " !important"
	}
	return s
}

// Parse parses a style sheet. It never fails: as CSS asks, a rule or
// declaration that does not parse is dropped and parsing resumes after
// it, so the rest of the sheet still applies.
func Parse(src string) *Stylesheet {
	p := sheetParser{sheet: &Stylesheet{}}
	p.rules(tokenize(src), nil, true)
	return p.sheet
}

// ParseDeclarations parses the contents of a declaration block, such as a
// style attribute. Invalid declarations are dropped.
func ParseDeclarations(src string) []Declaration {
	return declarations(tokenize(src))
}

type sheetParser struct {
	sheet *Stylesheet
	// seenRule is set once a rule other than @charset or @import has
	// been seen; @import after that point is invalid.
	seenRule bool
}

// rules consumes a list of rules (CSS Syntax "consume a list of rules").
// media is the stack of enclosing @media conditions.
func (p *sheetParser) rules(ts []Token, media []*MediaList, topLevel bool) {
	for i := 0; i < len(ts); {
		t := ts[i]
		switch {
		case t.Type == WhitespaceToken:
			i++
		case topLevel && (t.Type == CDOToken || t.Type == CDCToken):
			// HTML comment markers around a <style> body are ignored at
			// the top level, a legacy of pre-CSS browsers.
			i++
		case t.Type == AtKeywordToken:
			prelude, block, next := consumeAtRule(ts, i+1)
			p.atRule(strings.ToLower(t.Value), prelude, block, media)
			i = next
		default:
			prelude, block, next := consumeQualifiedRule(ts, i)
			i = next
			if block == nil {
				continue // hit end of input without a block: dropped
			}
			p.seenRule = true
			sels, err := parseSelectorList(prelude)
			if err != nil {
				continue
			}
			p.sheet.Rules = append(p.sheet.Rules, &Rule{
				Selectors:    sels,
				Declarations: declarations(block.Children),
				Media:        media,
			})
		}
	}
}

// consumeAtRule reads an at-rule's prelude and optional {} block, starting
// after the at-keyword at ts[i]. It returns the index after the rule.
func consumeAtRule(ts []Token, i int) (prelude []Token, block *Token, next int) {
	start := i
	for ; i < len(ts); i++ {
		switch t := &ts[i]; {
		case t.Type == SemicolonToken:
			return ts[start:i], nil, i + 1
		case t.Type == BlockToken && t.Value == "{":
			return ts[start:i], t, i + 1
		}
	}
	return ts[start:], nil, i
}

// consumeQualifiedRule reads a qualified rule's prelude and block. A rule
// that reaches end of input without a block returns a nil block.
func consumeQualifiedRule(ts []Token, i int) (prelude []Token, block *Token, next int) {
	start := i
	for ; i < len(ts); i++ {
		if t := &ts[i]; t.Type == BlockToken && t.Value == "{" {
			return ts[start:i], t, i + 1
		}
	}
	return ts[start:], nil, i
}

func (p *sheetParser) atRule(name string, prelude []Token, block *Token, media []*MediaList) {
	switch name {
	case "charset":
		// The encoding was settled before parsing; nothing to do.
		return
	case "layer":
		// A statement @layer only names layers; it does not end the
		// @import prelude. Layered blocks are not supported yet.
		if block == nil {
			return
		}
	case "import":
		if block != nil || p.seenRule || media != nil {
			p.seenRule = true
			return // misplaced or malformed: ignored
		}
		p.importRule(prelude)
		return
	case "media":
		p.seenRule = true
		if block == nil {
			return
		}
		ml := parseMediaList(prelude)
		// Copy so that sibling blocks never share (and overwrite) the
		// tail of one backing array.
		inner := append(append([]*MediaList(nil), media...), ml)
		p.rules(block.Children, inner, false)
		return
	}
	// Every other at-rule (@font-face, @keyframes, @page, @supports, ...)
	// is skipped whole; its block has already been consumed.
	p.seenRule = true
}

func (p *sheetParser) importRule(prelude []Token) {
	prelude = trimWhitespace(prelude)
	if len(prelude) == 0 {
		return
	}
	var url string
	switch t := prelude[0]; {
	case t.Type == StringToken || t.Type == URLToken:
		url = t.Value
	case t.Type == FunctionToken && strings.EqualFold(t.Value, "url"):
		args := trimWhitespace(t.Children)
		if len(args) != 1 || args[0].Type != StringToken {
			return
		}
		url = args[0].Value
	default:
		return
	}
	imp := Import{URL: url}
	if rest := trimWhitespace(prelude[1:]); len(rest) > 0 {
		imp.Media = parseMediaList(rest)
	}
	p.sheet.Imports = append(p.sheet.Imports, imp)
}

// declarations consumes a list of declarations (the contents of a style
// block). At-rules and anything that is not "name: value" are dropped up
// to the next top-level semicolon.
func declarations(ts []Token) []Declaration {
	var out []Declaration
	for i := 0; i < len(ts); {
		switch t := ts[i]; t.Type {
		case WhitespaceToken, SemicolonToken:
			i++
		case AtKeywordToken:
			_, _, i = consumeAtRule(ts, i+1)
		default:
			start := i
			for i < len(ts) && ts[i].Type != SemicolonToken {
				i++
			}
			if t.Type == IdentToken {
				if d, ok := declaration(ts[start:i]); ok {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// declaration parses "name : value [!important]".
func declaration(ts []Token) (Declaration, bool) {
	name := ts[0].Value
	rest := trimWhitespace(ts[1:])
	if len(rest) == 0 || rest[0].Type != ColonToken {
		return Declaration{}, false
	}
	val := trimWhitespace(rest[1:])
	d := Declaration{Property: name}
	if !strings.HasPrefix(name, "--") {
		d.Property = strings.ToLower(name)
	}
	// !important: the last two non-white-space tokens are "!" and the
	// identifier "important".
	if n := len(val); n >= 2 && val[n-1].IsIdent("important") {
		j := n - 2
		for j >= 0 && val[j].Type == WhitespaceToken {
			j--
		}
		if j >= 0 && val[j].IsDelim('!') {
			d.Important = true
			val = trimWhitespace(val[:j])
		}
	}
	if len(val) == 0 && !strings.HasPrefix(name, "--") || hasBadToken(val) {
		return Declaration{}, false
	}
	d.Value = val
	return d, true
}

// hasBadToken reports whether ts holds a bad string or bad URL, which no
// property grammar accepts.
func hasBadToken(ts []Token) bool {
	for _, t := range ts {
		if t.Type == BadStringToken || t.Type == BadURLToken || hasBadToken(t.Children) {
			return true
		}
	}
	return false
}

// trimWhitespace removes white space tokens from both ends of ts.
func trimWhitespace(ts []Token) []Token {
	for len(ts) > 0 && ts[0].Type == WhitespaceToken {
		ts = ts[1:]
	}
	for len(ts) > 0 && ts[len(ts)-1].Type == WhitespaceToken {
		ts = ts[:len(ts)-1]
	}
	return ts
}

// ParseValue parses a property value or other fragment into component
// values, with surrounding white space removed. It is how callers outside
// a style sheet (the cascade's own tests, canvas colour strings) get at
// the same tokens that declarations hold.
func ParseValue(src string) []Token {
	return trimWhitespace(tokenize(src))
}

package css

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	tcss "github.com/tdewolff/parse/v2/css"
)

// TokenType says what kind of component value a Token is.
type TokenType uint8

// Token types. They follow CSS Syntax Level 3, except that blocks and
// functions are already grouped: a FunctionToken or BlockToken carries the
// component values inside it as Children, so its closing bracket never
// appears as a token of its own.
const (
	IdentToken        TokenType = iota + 1 // Value: the name, unescaped
	FunctionToken                          // Value: the name without "("; Children: the arguments
	AtKeywordToken                         // Value: the name without "@"
	HashToken                              // Value: the name without "#"
	StringToken                            // Value: the contents, unescaped
	BadStringToken                         // a string broken by a newline
	URLToken                               // Value: the URL, unescaped
	BadURLToken                            // a malformed url(...)
	DelimToken                             // Value: the character
	NumberToken                            // Num
	PercentageToken                        // Num (50 for 50%)
	DimensionToken                         // Num and Unit
	UnicodeRangeToken                      // Value: as written
	MatchToken                             // Value: "~=", "|=", "^=", "$=" or "*="
	ColumnToken                            // ||
	WhitespaceToken                        // one run of white space
	CDOToken                               // <!--
	CDCToken                               // -->
	ColonToken                             // :
	SemicolonToken                         // ;
	CommaToken                             // ,
	BlockToken                             // Value: "(", "[" or "{"; Children: the contents
	CloseToken                             // an unmatched ")", "]" or "}"; Value: the character
)

// Token is one component value of a stylesheet.
type Token struct {
	Type  TokenType
	Value string
	Num   float64 // the value of a number, percentage or dimension
	Unit  string  // the unit of a dimension, as written ("px", "EM")
	// Int reports whether a number, percentage or dimension was written as
	// an integer (no fraction or exponent), which some grammars require.
	Int bool
	// Children are the component values inside a function or block.
	Children []Token
	// Raw is the source text of a leaf token, escapes and all. Grammars
	// that the tokenizer splits awkwardly (An+B, unicode ranges) re-read it.
	Raw string
}

// IsIdent reports whether t is the identifier name, compared ASCII
// case-insensitively as CSS keywords are.
func (t Token) IsIdent(name string) bool {
	return t.Type == IdentToken && strings.EqualFold(t.Value, name)
}

// IsDelim reports whether t is the delimiter c.
func (t Token) IsDelim(c byte) bool {
	return t.Type == DelimToken && len(t.Value) == 1 && t.Value[0] == c
}

// String serializes the token back to CSS text. It is meant for
// debugging and tests, so it favours readability over exact round trips.
func (t Token) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t Token) write(b *strings.Builder) {
	switch t.Type {
	case FunctionToken:
		b.WriteString(t.Value)
		b.WriteByte('(')
		writeTokens(b, t.Children)
		b.WriteByte(')')
	case BlockToken:
		b.WriteString(t.Value)
		writeTokens(b, t.Children)
		b.WriteByte(closerOf(t.Value[0]))
	case StringToken:
		b.WriteString(strconv.Quote(t.Value))
	case URLToken:
		b.WriteString("url(")
		b.WriteString(strconv.Quote(t.Value))
		b.WriteByte(')')
	case WhitespaceToken:
		b.WriteByte(' ')
	default:
		b.WriteString(t.Raw)
	}
}

// TokensString serializes a list of component values, as Token.String.
func TokensString(ts []Token) string {
	var b strings.Builder
	writeTokens(&b, ts)
	return b.String()
}

func writeTokens(b *strings.Builder, ts []Token) {
	for _, t := range ts {
		t.write(b)
	}
}

func closerOf(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

// maxDepth bounds the nesting of blocks and functions. Deeper openers are
// kept as plain delimiters, so that hostile input cannot make the
// recursive grammars below run the stack deep.
const maxDepth = 64

// tokenize turns src into a list of component values: the tokens of CSS
// Syntax 3 with blocks and functions grouped. Comments are dropped.
// Unclosed blocks are closed at the end of input, as the spec asks.
func tokenize(src string) []Token {
	if strings.IndexByte(src, 0) >= 0 {
		// The spec's preprocessing replaces NUL with U+FFFD; doing it up
		// front also keeps the lexer from mistaking NUL for end of input.
		src = strings.ReplaceAll(src, "\x00", "\uFFFD")
	}
	lx := tcss.NewLexer(parse.NewInputString(src))
	type frame struct {
		tok  Token
		kids []Token
	}
	var stack []frame
	var top []Token
	cur := &top
	off := 0
	for {
		tt, data := lx.Next()
		if tt == tcss.ErrorToken || len(data) == 0 {
			break
		}
		raw := src[off : off+len(data)]
		off += len(data)
		var t Token
		switch tt {
		case tcss.CommentToken:
			continue
		case tcss.IdentToken, tcss.CustomPropertyNameToken:
			t = Token{Type: IdentToken, Value: unescape(raw)}
		case tcss.FunctionToken:
			t = Token{Type: FunctionToken, Value: unescape(raw[:len(raw)-1])}
		case tcss.AtKeywordToken:
			t = Token{Type: AtKeywordToken, Value: unescape(raw[1:])}
		case tcss.HashToken:
			t = Token{Type: HashToken, Value: unescape(raw[1:])}
		case tcss.StringToken:
			t = Token{Type: StringToken, Value: unquote(raw)}
		case tcss.BadStringToken:
			t = Token{Type: BadStringToken}
		case tcss.URLToken:
			t = Token{Type: URLToken, Value: urlValue(raw)}
		case tcss.BadURLToken:
			t = Token{Type: BadURLToken}
		case tcss.NumberToken, tcss.PercentageToken, tcss.DimensionToken:
			t = numeric(raw)
		case tcss.UnicodeRangeToken:
			t = Token{Type: UnicodeRangeToken, Value: raw}
		case tcss.IncludeMatchToken, tcss.DashMatchToken, tcss.PrefixMatchToken,
			tcss.SuffixMatchToken, tcss.SubstringMatchToken:
			t = Token{Type: MatchToken, Value: raw}
		case tcss.ColumnToken:
			t = Token{Type: ColumnToken}
		case tcss.WhitespaceToken:
			t = Token{Type: WhitespaceToken}
		case tcss.CDOToken:
			t = Token{Type: CDOToken}
		case tcss.CDCToken:
			t = Token{Type: CDCToken}
		case tcss.ColonToken:
			t = Token{Type: ColonToken}
		case tcss.SemicolonToken:
			t = Token{Type: SemicolonToken}
		case tcss.CommaToken:
			t = Token{Type: CommaToken}
		case tcss.LeftParenthesisToken, tcss.LeftBracketToken, tcss.LeftBraceToken:
			t = Token{Type: BlockToken, Value: raw}
		case tcss.RightParenthesisToken, tcss.RightBracketToken, tcss.RightBraceToken:
			if n := len(stack); n > 0 && closes(stack[n-1].tok, raw[0]) {
				f := stack[n-1]
				stack = stack[:n-1]
				f.tok.Children = f.kids
				if len(stack) > 0 {
					cur = &stack[len(stack)-1].kids
				} else {
					cur = &top
				}
				*cur = append(*cur, f.tok)
				continue
			}
			t = Token{Type: CloseToken, Value: raw}
		default: // DelimToken and anything the lexer adds later
			t = Token{Type: DelimToken, Value: raw}
		}
		t.Raw = raw
		if t.Type == FunctionToken || t.Type == BlockToken {
			if len(stack) < maxDepth {
				stack = append(stack, frame{tok: t})
				cur = &stack[len(stack)-1].kids
				continue
			}
			t = Token{Type: DelimToken, Value: raw, Raw: raw}
		}
		*cur = append(*cur, t)
	}
	// Close what the input left open, innermost first.
	for n := len(stack); n > 0; n-- {
		f := stack[n-1]
		f.tok.Children = f.kids
		if n > 1 {
			stack[n-2].kids = append(stack[n-2].kids, f.tok)
		} else {
			top = append(top, f.tok)
		}
	}
	return top
}

// closes reports whether the closing bracket c ends the block or function
// open.
func closes(open Token, c byte) bool {
	if open.Type == FunctionToken {
		return c == ')'
	}
	return closerOf(open.Value[0]) == c
}

// numeric splits a number, percentage or dimension into its value and
// unit. The split mirrors the tokenizer: an "e" belongs to the number only
// when digits follow it.
func numeric(raw string) Token {
	i := 0
	if i < len(raw) && (raw[i] == '+' || raw[i] == '-') {
		i++
	}
	isInt := true
	for i < len(raw) && isDigit(raw[i]) {
		i++
	}
	if i+1 < len(raw) && raw[i] == '.' && isDigit(raw[i+1]) {
		isInt = false
		i++
		for i < len(raw) && isDigit(raw[i]) {
			i++
		}
	}
	if i < len(raw) && (raw[i] == 'e' || raw[i] == 'E') {
		j := i + 1
		if j < len(raw) && (raw[j] == '+' || raw[j] == '-') {
			j++
		}
		if j < len(raw) && isDigit(raw[j]) {
			isInt = false
			for j < len(raw) && isDigit(raw[j]) {
				j++
			}
			i = j
		}
	}
	num, err := strconv.ParseFloat(raw[:i], 64)
	if err != nil {
		// Only overflow can get here; ParseFloat then gives ±Inf, which
		// the grammars treat as out of range.
		isInt = false
	}
	t := Token{Num: num, Int: isInt}
	switch rest := raw[i:]; {
	case rest == "":
		t.Type = NumberToken
	case rest == "%":
		t.Type = PercentageToken
	default:
		t.Type = DimensionToken
		t.Unit = unescape(rest)
	}
	return t
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unescape resolves CSS escapes (\41, \", \<newline>) in s.
func unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		i++
		if i >= len(s) {
			// A backslash at the end of input stands for U+FFFD outside
			// strings; inside strings it is dropped (unquote strips it).
			b.WriteRune(utf8.RuneError)
			break
		}
		switch c = s[i]; {
		case c == '\n' || c == '\f':
			i++ // an escaped newline is a line continuation
		case c == '\r':
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case isHex(c):
			j := i
			for j < len(s) && j-i < 6 && isHex(s[j]) {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 16, 32)
			r := rune(v)
			if r == 0 || r > utf8.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
			i = j
			// One white space after a hex escape belongs to the escape.
			if i < len(s) {
				switch s[i] {
				case ' ', '\t', '\n', '\f':
					i++
				case '\r':
					i++
					if i < len(s) && s[i] == '\n' {
						i++
					}
				}
			}
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			i += n
		}
	}
	return b.String()
}

// unquote returns the contents of a string token written with its quotes.
// An unterminated string (cut off by end of input) has no closing quote.
func unquote(raw string) string {
	q := raw[0]
	body := raw[1:]
	if len(body) > 0 && body[len(body)-1] == q && !escapedEnd(body[:len(body)-1]) {
		body = body[:len(body)-1]
	} else if strings.HasSuffix(body, "\\") && !escapedEnd(body[:len(body)-1]) {
		body = body[:len(body)-1] // a lone backslash at EOF is dropped
	}
	return unescape(body)
}

// escapedEnd reports whether s ends in an odd number of backslashes, so
// that the character after s is escaped.
func escapedEnd(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// urlValue extracts the address from url(...). The lexer also folds
// url("...") into one token, which CSS Syntax would lex as a function
// holding a string; both forms land here.
func urlValue(raw string) string {
	i := strings.IndexByte(raw, '(')
	body := raw[i+1:]
	body = strings.TrimSuffix(body, ")")
	body = strings.Trim(body, " \t\n\r\f")
	if body != "" && (body[0] == '"' || body[0] == '\'') {
		return unquote(body)
	}
	return unescape(body)
}

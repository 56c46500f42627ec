package compiler

import (
	"bytes"
	"unsafe"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// The parser knows two things about modules less than the language does:
// import attributes on declarations (import x from "m" with { type:
// "json" }) and that HTML-like comments are not allowed in module code.
// scanModule makes up for both in one pass over the tokens before
// parsing: it reports HTML-like comments, and cuts each with clause of an
// import or export declaration out of the source, replacing it with
// spaces (line breaks kept, so positions do not move), keeping the
// attributes by the offset of the specifier string they belong to.

type moduleScan struct {
	src   []byte                             // the source, with clauses blanked
	attrs map[int][]bytecode.ImportAttribute // by offset of the specifier
}

// tok is a significant token seen by scanModule.
type tok struct {
	tt   js.TokenType
	data []byte
	off  int
	end  int
	html bool // an HTML-like comment, which ends the scan
	nl   bool // a line terminator comes before the token
}

func (t tok) bytes() []byte { return t.data }

// scanModule scans module source; a SyntaxError reports an HTML-like
// comment or a malformed or duplicate attribute.
func scanModule(file, src string) (*moduleScan, *SyntaxError) {
	out := []byte(src)
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	off := func(b []byte) int { return int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) - base) }
	lines := lineStarts(buf)
	fail := func(at int, msg string) *SyntaxError {
		c := &compiler{lines: lines}
		l, col := c.lineCol(at)
		return &SyntaxError{File: file, Line: l, Column: col, Msg: msg}
	}
	ms := &moduleScan{attrs: map[int][]bytecode.ImportAttribute{}}
	l := js.NewLexer(parse.NewInputBytes(buf))
	var toks []tok
	next := func() (tok, bool) {
		nl := false
		for {
			tt, data := l.Next()
			switch tt {
			case js.ErrorToken:
				return tok{}, false
			case js.WhitespaceToken:
				continue
			case js.LineTerminatorToken:
				nl = true
				continue
			case js.CommentToken, js.CommentLineTerminatorToken:
				if bytes.HasPrefix(data, []byte("<!--")) || bytes.HasPrefix(data, []byte("-->")) {
					return tok{tt: js.ErrorToken, off: off(data), html: true}, false
				}
				nl = nl || tt == js.CommentLineTerminatorToken
				continue
			case js.DivToken, js.DivEqToken:
				if len(toks) == 0 || !endsExpression(toks[len(toks)-1].tt) {
					if rt, rd := l.RegExp(); rt == js.RegExpToken {
						tt, data = rt, rd
					}
				}
			}
			o := off(data)
			return tok{tt: tt, data: data, off: o, end: o + len(data), nl: nl}, true
		}
	}
	// declEnd: the last token was the end of an import or export
	// declaration's from clause, after which only ; or a new line may come
	// (the parser does not insist).
	declEnd := false
	for {
		t, ok := next()
		if !ok {
			if t.html {
				return nil, fail(t.off, "HTML-like comments are not allowed in modules")
			}
			break
		}
		if declEnd && !t.nl && t.tt != js.SemicolonToken && t.tt != js.WithToken {
			return nil, fail(t.off, "Missing semicolon after a module specifier")
		}
		declEnd = false
		n := len(toks)
		if t.tt == js.WithToken && n >= 2 && toks[n-1].tt == js.StringToken && (toks[n-2].tt == js.FromToken || toks[n-2].tt == js.ImportToken) {
			spec := toks[n-1]
			attrs, end, err := scanAttributes(next, fail)
			if err != nil {
				return nil, err
			}
			if end > 0 {
				declEnd = true
				for i := t.off; i < end; i++ {
					if out[i] != '\n' && out[i] != '\r' {
						out[i] = ' '
					}
				}
				ms.attrs[spec.off] = attrs
			}
			toks = toks[:0]
			continue
		}
		// A string right after from or import on the same line ends a
		// declaration's from clause (a variable named from followed by a
		// string on the next line is a statement of its own).
		if t.tt == js.StringToken && !t.nl && n >= 1 && (toks[n-1].tt == js.FromToken || toks[n-1].tt == js.ImportToken) {
			declEnd = true
		}
		toks = append(toks, t)
		if len(toks) > 8 {
			toks = append(toks[:0], toks[len(toks)-2:]...)
		}
	}
	ms.src = out
	return ms, nil
}

// scanAttributes reads { key: "value", ... } after with; end is the
// offset after the closing brace, or 0 when the clause is malformed (the
// parser then reports it).
func scanAttributes(next func() (tok, bool), fail func(int, string) *SyntaxError) ([]bytecode.ImportAttribute, int, *SyntaxError) {
	t, ok := next()
	if !ok || t.tt != js.OpenBraceToken {
		return nil, 0, nil
	}
	var attrs []bytecode.ImportAttribute
	seen := map[string]bool{}
	c := &compiler{}
	for {
		t, ok = next()
		if !ok {
			return nil, 0, nil
		}
		if t.tt == js.CloseBraceToken {
			return attrs, t.end, nil
		}
		var key string
		switch {
		case t.tt == js.StringToken:
			s, ok := c.unescape(t.bytes()[1:t.end-t.off-1], false)
			if !ok {
				return nil, 0, nil
			}
			key = s
		case js.IsIdentifierName(t.tt):
			key = string(t.bytes())
		default:
			return nil, 0, nil
		}
		if colon, ok := next(); !ok || colon.tt != js.ColonToken {
			return nil, 0, nil
		}
		v, ok := next()
		if !ok || v.tt != js.StringToken {
			return nil, 0, nil
		}
		val, ok2 := c.unescape(v.bytes()[1:v.end-v.off-1], false)
		if !ok2 {
			return nil, 0, nil
		}
		if seen[key] {
			return nil, 0, fail(t.off, "Duplicate import attribute '"+key+"'")
		}
		seen[key] = true
		attrs = append(attrs, bytecode.ImportAttribute{Key: key, Value: val})
		t, ok = next()
		if !ok {
			return nil, 0, nil
		}
		if t.tt == js.CloseBraceToken {
			return attrs, t.end, nil
		}
		if t.tt != js.CommaToken {
			return nil, 0, nil
		}
	}
}

// endsExpression reports whether a / after a token of type tt divides
// (rather than starting a regular expression).
func endsExpression(tt js.TokenType) bool {
	switch tt {
	case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.StringToken, js.TemplateToken, js.TemplateEndToken,
		js.RegExpToken, js.ThisToken, js.SuperToken, js.NullToken, js.TrueToken, js.FalseToken, js.IncrToken, js.DecrToken:
		return true
	}
	return js.IsIdentifier(tt) || js.IsNumeric(tt)
}

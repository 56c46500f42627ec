package compiler

import (
	"slices"
	"unsafe"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// Annex B.3.4 lets sloppy code declare a function as the body of an if
// statement or its else clause, as if the declaration were wrapped in a
// block: if (x) function f() {} is if (x) { function f() {} }. The parser
// rejects the form, so when a parse fails with that complaint,
// wrapIfFunctions adds the braces at the token level and the source is
// parsed again. A brace takes the place of a space or tab beside the
// declaration where there is one, so positions stay put; otherwise it is
// inserted and only the rest of that line moves. The names of the
// wrapped functions are kept by offset so that the compiler can still
// reject the form in strict code, where it is an error (see analysis).

const ifFunctionError = "unexpected function in statement"

// wrapIfFunctions returns src with each function declaration that is an
// if or else body wrapped in braces, and the offsets in the new source of
// those declarations' names; ok is false when there is none.
func wrapIfFunctions(src []byte) (out []byte, names map[int]bool, ok bool) {
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	off := func(b []byte) int { return int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) - base) }
	l := js.NewLexer(parse.NewInputBytes(buf))
	var toks []tok
	match := map[int]int{} // index of a closing bracket -> index of its opening one
	var open []int
	for {
		tt, data := l.Next()
		if tt == js.ErrorToken {
			break
		}
		switch tt {
		case js.WhitespaceToken, js.LineTerminatorToken, js.CommentToken, js.CommentLineTerminatorToken:
			continue
		case js.DivToken, js.DivEqToken:
			if len(toks) == 0 || !endsExpression(toks[len(toks)-1].tt) {
				if rt, rd := l.RegExp(); rt == js.RegExpToken {
					tt, data = rt, rd
				}
			}
		}
		o := off(data)
		switch tt {
		case js.OpenParenToken, js.OpenBraceToken, js.OpenBracketToken, js.TemplateStartToken:
			open = append(open, len(toks))
		case js.CloseParenToken, js.CloseBraceToken, js.CloseBracketToken, js.TemplateEndToken:
			if len(open) > 0 {
				match[len(toks)] = open[len(open)-1]
				open = open[:len(open)-1]
			}
		}
		toks = append(toks, tok{tt: tt, data: data, off: o, end: o + len(data)})
	}
	type edit struct {
		at      int
		replace bool // the byte at at is a space or tab to overwrite
		b       byte
	}
	var edits []edit
	var nameOffs []int
	closeAt := func(i int, want js.TokenType) int {
		// the index of the closing bracket of the opening one at i
		for j := i + 1; j < len(toks); j++ {
			if toks[j].tt == want && match[j] == i {
				return j
			}
		}
		return -1
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].tt != js.FunctionToken || !js.IsIdentifier(toks[i+1].tt) {
			continue
		}
		p := toks[i-1]
		switch {
		case p.tt == js.ElseToken:
		case p.tt == js.CloseParenToken:
			o, found := match[i-1]
			if !found || o == 0 || toks[o-1].tt != js.IfToken {
				continue
			}
		default:
			continue
		}
		// function name ( params ) { body }
		if i+2 >= len(toks) || toks[i+2].tt != js.OpenParenToken {
			continue
		}
		cp := closeAt(i+2, js.CloseParenToken)
		if cp < 0 || cp+1 >= len(toks) || toks[cp+1].tt != js.OpenBraceToken {
			continue
		}
		cb := closeAt(cp+1, js.CloseBraceToken)
		if cb < 0 {
			continue
		}
		start, end := toks[i].off, toks[cb].end
		e1 := edit{at: start, b: '{'}
		if start > 0 && (buf[start-1] == ' ' || buf[start-1] == '\t') && start-1 > p.end-1 {
			e1 = edit{at: start - 1, replace: true, b: '{'}
		}
		e2 := edit{at: end, b: '}'}
		if end < len(buf) && (buf[end] == ' ' || buf[end] == '\t') {
			e2 = edit{at: end, replace: true, b: '}'}
		}
		edits = append(edits, e1, e2)
		nameOffs = append(nameOffs, toks[i+1].off)
	}
	if len(edits) == 0 {
		return nil, nil, false
	}
	// A replaced byte can be claimed twice (if (a) function f(){} else
	// function g(){}): the later claim inserts instead.
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	for k := 1; k < len(edits); k++ {
		if edits[k].replace && edits[k-1].replace && edits[k].at == edits[k-1].at {
			edits[k].replace = false
			edits[k].at++
		}
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	out = make([]byte, 0, len(src)+len(edits))
	names = map[int]bool{}
	shift, prev, n := 0, 0, 0
	for _, e := range edits {
		for n < len(nameOffs) && nameOffs[n] < e.at {
			names[nameOffs[n]+shift] = true
			n++
		}
		out = append(out, src[prev:e.at]...)
		out = append(out, e.b)
		prev = e.at
		if e.replace {
			prev++
		} else {
			shift++
		}
	}
	for ; n < len(nameOffs); n++ {
		names[nameOffs[n]+shift] = true
	}
	out = append(out, src[prev:]...)
	return out, names, true
}

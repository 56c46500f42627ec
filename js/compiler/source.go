package compiler

import (
	"reflect"
	"sort"

	"glassbox/js/bytecode"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// Function source text (ECMA-262 [[SourceText]]) for
// Function.prototype.toString.
//
// The parser's tree carries no positions for functions, so the source is
// scanned a second time, token by token, for the extents of the
// function-like constructs: `function` forms, classes, arrows and
// methods. An in-order walk of the tree at compile time numbers the nodes
// of each kind in source order; the scan, made only when a source text is
// first asked for (bytecode.Source), lists the extents of each kind in
// source order, and the i-th node of a kind gets the i-th extent. Where
// the two counts of a kind disagree (the scan guessed wrong about a
// regular expression or an object literal) no function of that kind has
// a source text, and toString falls back to the NativeFunction form.

type srcKind = int

const (
	srcFunc srcKind = iota
	srcClass
	srcArrow
	srcMethod
	srcKinds
)

type srcTok struct {
	tt         js.TokenType
	start, end int
	nl         bool // a line terminator precedes it
}

// numberFunctions numbers the function-like nodes of ast by kind in
// source order and returns the script's shared Source.
func (c *compiler) numberFunctions(ast *js.AST) {
	var w orderWalker
	w.index = map[js.INode]int{}
	w.holes = map[*js.BindingArray]int{}
	js.Walk(&w, ast)
	c.srcIndex = w.index
	c.holePatterns, c.nHoles = w.holes, w.nHoles
	c.source = &bytecode.Source{Text: c.src, Counts: w.counts, Scan: scanSource}
}

// setSource links t to its source text, that of node n of kind k.
func (c *compiler) setSource(t *bytecode.FunctionTemplate, n js.INode, k srcKind) {
	i, ok := c.srcIndex[n]
	if !ok || c.source == nil {
		return
	}
	t.Src, t.SrcKind, t.SrcIndex = c.source, k, i
}

func scanSource(src []byte) [srcKinds][]bytecode.Range {
	toks := scanTokens(src)
	if toks == nil {
		return [srcKinds][]bytecode.Range{}
	}
	found := scanFunctions(toks)
	for k := range found {
		rs := found[k]
		sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	}
	return found
}

// scanTokens lexes src, deciding between division and regular
// expression by the token before a slash. It returns nil where the lexer
// fails.
func scanTokens(src []byte) []srcTok {
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	l := js.NewLexer(parse.NewInputBytes(buf))
	toks := make([]srcTok, 0, len(src)/4)
	off, nl := 0, false
	for {
		tt, data := l.Next()
		if tt == js.ErrorToken {
			if off < len(src) {
				return nil
			}
			return toks
		}
		switch tt {
		case js.WhitespaceToken, js.CommentToken:
			off += len(data)
			continue
		case js.LineTerminatorToken, js.CommentLineTerminatorToken:
			off += len(data)
			nl = true
			continue
		case js.DivToken, js.DivEqToken:
			if regexpAllowed(toks) {
				tt, data = l.RegExp()
				if tt == js.ErrorToken {
					return nil
				}
			}
		}
		toks = append(toks, srcTok{tt: tt, start: off, end: off + len(data), nl: nl})
		off += len(data)
		nl = false
	}
}

func regexpAllowed(toks []srcTok) bool {
	if len(toks) == 0 {
		return true
	}
	switch p := toks[len(toks)-1].tt; p {
	case js.CloseParenToken, js.CloseBracketToken, js.IncrToken, js.DecrToken:
		return false
	case js.ThisToken, js.SuperToken, js.NullToken, js.TrueToken, js.FalseToken:
		return false
	default:
		if js.IsPunctuator(p) || js.IsOperator(p) || js.IsReservedWord(p) {
			return true
		}
		return false
	}
}

// scanFunctions finds the extents of the function-like constructs.
func scanFunctions(toks []srcTok) [srcKinds][]bytecode.Range {
	var out [srcKinds][]bytecode.Range
	n := len(toks)
	match := make([]int, n)  // the partner of each bracket, or -1
	parent := make([]int, n) // the innermost open bracket around each token, or -1
	var stack []int
	for i, t := range toks {
		match[i] = -1
		parent[i] = -1
		if len(stack) > 0 {
			parent[i] = stack[len(stack)-1]
		}
		switch t.tt {
		case js.OpenBraceToken, js.OpenParenToken, js.OpenBracketToken:
			stack = append(stack, i)
		case js.CloseBraceToken, js.CloseParenToken, js.CloseBracketToken:
			if len(stack) == 0 {
				return out
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			match[o], match[i] = i, o
			parent[i] = parent[o]
		}
	}
	if len(stack) > 0 {
		return out
	}
	is := func(i int, tt js.TokenType) bool { return i >= 0 && i < n && toks[i].tt == tt }
	objectBrace := make([]bool, n) // braces of object literals and class bodies

	// funcEnd: the closing brace of the function whose `function` keyword
	// is at i.
	funcEnd := func(i int) int {
		j := i + 1
		for j < n && toks[j].tt != js.OpenParenToken {
			j++
		}
		if j >= n || match[j] < 0 || !is(match[j]+1, js.OpenBraceToken) {
			return -1
		}
		return match[match[j]+1]
	}
	var classEnd func(i int) int
	classEnd = func(i int) int {
		j := i + 1
		for j < n && toks[j].tt != js.OpenBraceToken {
			switch toks[j].tt {
			case js.OpenParenToken, js.OpenBracketToken:
				j = match[j]
			case js.FunctionToken:
				if e := funcEnd(j); e >= 0 {
					j = e
				}
			case js.ClassToken:
				if e := classEnd(j); e >= 0 {
					j = e
				}
			}
			if j < 0 {
				return -1
			}
			j++
		}
		if j >= n {
			return -1
		}
		objectBrace[j] = true
		return match[j]
	}
	for i, t := range toks {
		switch t.tt {
		case js.FunctionToken:
			if is(i-1, js.DotToken) || is(i+1, js.ColonToken) {
				continue
			}
			if e := funcEnd(i); e >= 0 {
				s := i
				if is(i-1, js.AsyncToken) && !t.nl {
					s = i - 1
				}
				out[srcFunc] = append(out[srcFunc], bytecode.Range{Start: toks[s].start, End: toks[e].end})
			}
		case js.ClassToken:
			if is(i-1, js.DotToken) || is(i+1, js.ColonToken) {
				continue
			}
			if e := classEnd(i); e >= 0 {
				out[srcClass] = append(out[srcClass], bytecode.Range{Start: t.start, End: toks[e].end})
			}
		case js.OpenBraceToken:
			if i > 0 && braceOpensObject(toks[i-1].tt) {
				objectBrace[i] = true
			}
		}
	}
	for i, t := range toks {
		switch t.tt {
		case js.ArrowToken:
			s := i - 1
			if is(s, js.CloseParenToken) {
				s = match[s]
			}
			if s < 0 {
				continue
			}
			if is(s-1, js.AsyncToken) && !toks[s].nl {
				s--
			}
			if e := arrowEnd(toks, match, i); e > i {
				out[srcArrow] = append(out[srcArrow], bytecode.Range{Start: toks[s].start, End: toks[e].end})
			}
		case js.OpenParenToken:
			// A method: PropertyName ( ... ) { ... } directly in an object
			// literal or class body.
			c := match[i]
			if i == 0 || !is(c+1, js.OpenBraceToken) || parent[i] < 0 || !objectBrace[parent[i]] {
				continue
			}
			s := i - 1
			if is(s, js.CloseBracketToken) {
				s = match[s]
			} else if !propertyNameToken(toks[s].tt) {
				continue
			}
			for s > 0 {
				p := toks[s-1].tt
				// `static` is part of the class element, not of the
				// MethodDefinition whose text this is.
				if p == js.MulToken || p == js.AsyncToken || p == js.GetToken || p == js.SetToken {
					s--
					continue
				}
				break
			}
			if s > 0 {
				switch toks[s-1].tt {
				case js.OpenBraceToken, js.CommaToken, js.SemicolonToken, js.CloseBraceToken, js.StaticToken:
				default:
					if !toks[s].nl {
						continue
					}
				}
			}
			out[srcMethod] = append(out[srcMethod], bytecode.Range{Start: toks[s].start, End: toks[match[c+1]].end})
		}
	}
	return out
}

// braceOpensObject reports whether a brace after a token of type p
// starts an object literal rather than a block.
func braceOpensObject(p js.TokenType) bool {
	switch p {
	case js.OpenParenToken, js.OpenBracketToken, js.CommaToken, js.EqToken, js.ColonToken,
		js.QuestionToken, js.ReturnToken, js.EllipsisToken, js.InToken, js.OfToken, js.TypeofToken,
		js.YieldToken, js.AwaitToken, js.VoidToken, js.DeleteToken:
		return true
	case js.ArrowToken:
		return false
	}
	return js.IsOperator(p)
}

func propertyNameToken(tt js.TokenType) bool {
	switch tt {
	case js.StringToken, js.PrivateIdentifierToken, js.DecimalToken, js.BinaryToken, js.OctalToken,
		js.HexadecimalToken, js.IntegerToken:
		return true
	}
	return js.IsIdentifierName(tt)
}

// arrowEnd returns the index of the last token of the arrow function
// whose => is at i.
func arrowEnd(toks []srcTok, match []int, i int) int {
	n := len(toks)
	if i+1 < n && toks[i+1].tt == js.OpenBraceToken {
		return match[i+1]
	}
	questions := 0
	last := i
	for j := i + 1; j < n; j++ {
		t := toks[j]
		switch t.tt {
		case js.CommaToken, js.SemicolonToken, js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken:
			return last
		case js.QuestionToken:
			questions++
		case js.ColonToken:
			if questions == 0 {
				return last
			}
			questions--
		}
		if t.nl && j > i+1 && tokEndsExpression(toks[last].tt) && !continuesExpression(t.tt) {
			return last
		}
		if m := match[j]; m > j {
			j = m
		}
		last = j
	}
	return last
}

func tokEndsExpression(tt js.TokenType) bool {
	switch tt {
	case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.StringToken, js.RegExpToken,
		js.TemplateToken, js.TemplateEndToken, js.DecimalToken, js.BinaryToken, js.OctalToken,
		js.HexadecimalToken, js.IntegerToken, js.IncrToken, js.DecrToken:
		return true
	}
	return js.IsIdentifierName(tt)
}

func continuesExpression(tt js.TokenType) bool {
	switch tt {
	case js.IncrToken, js.DecrToken, js.OpenBraceToken:
		return false
	case js.OpenParenToken, js.OpenBracketToken, js.TemplateToken, js.TemplateStartToken:
		return true
	}
	return js.IsPunctuator(tt) || js.IsOperator(tt) || tt == js.InToken || tt == js.InstanceofToken
}

// orderWalker lists the function-like nodes of a tree in the source
// order of their starts. js.Walk visits some children out of source
// order (bodies before conditions, callees after arguments), so those
// nodes are walked here.
type orderWalker struct {
	index  map[js.INode]int
	counts [srcKinds]int
	// holes numbers the array binding patterns that hold only elisions
	// among those and the array literals that do (see elision.go);
	// nHoles counts both.
	holes  map[*js.BindingArray]int
	nHoles int
}

func (w *orderWalker) add(n js.INode, k srcKind) {
	w.index[n] = w.counts[k]
	w.counts[k]++
}

func (w *orderWalker) Exit(js.INode) {}

func (w *orderWalker) walk(ns ...js.INode) {
	for _, n := range ns {
		if v := reflect.ValueOf(n); n != nil && !(v.Kind() == reflect.Pointer && v.IsNil()) {
			js.Walk(w, n)
		}
	}
}

func (w *orderWalker) Enter(n js.INode) js.IVisitor {
	switch n := n.(type) {
	case *js.BindingArray:
		if len(n.List) == 0 && n.Rest == nil {
			w.holes[n] = w.nHoles
			w.nHoles++
		}
	case *js.ArrayExpr:
		if onlyHoles(n) {
			w.nHoles++
		}
	case *js.FuncDecl:
		w.add(n, srcFunc)
		w.walk(&n.Params, &n.Body)
		return nil
	case *js.MethodDecl:
		w.add(n, srcMethod)
		// js.Walk does not go into a ClassElementName.
		w.walk(&n.Name.PropertyName, &n.Params, &n.Body)
		return nil
	case *js.ArrowFunc:
		w.add(n, srcArrow)
		w.walk(&n.Params, &n.Body)
		return nil
	case *js.ClassDecl:
		w.add(n, srcClass)
	case *js.Property:
		// The name of an object literal's method may be held by the
		// property, the method, or both: walk it once, after the method
		// (where it starts) and before its parameters.
		if m, ok := n.Value.(*js.MethodDecl); ok {
			w.add(m, srcMethod)
			if n.Name != nil && n.Name.Computed != nil && m.Name.Computed == nil {
				w.walk(n.Name)
			} else {
				w.walk(&m.Name.PropertyName)
			}
			w.walk(&m.Params, &m.Body)
			return nil
		}
	case *js.Field:
		w.walk(&n.Name.PropertyName, n.Init)
		return nil
	case *js.IfStmt:
		w.walk(n.Cond, n.Body, n.Else)
		return nil
	case *js.WhileStmt:
		w.walk(n.Cond, n.Body)
		return nil
	case *js.ForStmt:
		w.walk(n.Init, n.Cond, n.Post, n.Body)
		return nil
	case *js.ForInStmt:
		w.walk(n.Init, n.Value, n.Body)
		return nil
	case *js.ForOfStmt:
		w.walk(n.Init, n.Value, n.Body)
		return nil
	case *js.CaseClause:
		w.walk(n.Cond)
		for _, s := range n.List {
			w.walk(s)
		}
		return nil
	case *js.SwitchStmt:
		w.walk(n.Init)
		for i := range n.List {
			w.walk(&n.List[i])
		}
		return nil
	case *js.WithStmt:
		w.walk(n.Cond, n.Body)
		return nil
	case *js.TryStmt:
		w.walk(n.Body, n.Binding, n.Catch, n.Finally)
		return nil
	case *js.TemplateExpr:
		w.walk(n.Tag)
		for i := range n.List {
			w.walk(&n.List[i])
		}
		return nil
	case *js.NewExpr:
		w.walk(n.X, n.Args)
		return nil
	case *js.CallExpr:
		w.walk(n.X, &n.Args)
		return nil
	}
	return w
}

package compiler

import (
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// This file holds early errors (ECMA-262's "Static Semantics: Early
// Errors") that the parser does not report; each rule is one function.

// checkUseStrictSimpleParams: a function whose body has a "use strict"
// directive must have a simple parameter list (ECMA-262 15.2.1, 15.3.1,
// 15.4.1, 15.5.1, 15.6.1, 15.8.1, 15.9.1: "It is a Syntax Error if
// FunctionBodyContainsUseStrict of FunctionBody is true and
// IsSimpleParameterList of FormalParameters is false").
func (c *compiler) checkUseStrictSimpleParams(simple bool, body *js.BlockStmt) {
	if !simple && hasUseStrict(body.List) {
		c.errorf("Illegal 'use strict' directive in function with non-simple parameter list")
	}
}

// checkDeletePrivate: `delete x.#p` is an early error (ECMA-262 13.5.1.1:
// "It is a Syntax Error if the derived UnaryExpression is ... MemberExpression
// . PrivateIdentifier ..., and these rules are applied recursively to a
// parenthesized operand").
func (c *compiler) checkDeletePrivate(x js.IExpr) {
	for {
		g, ok := x.(*js.GroupExpr)
		if !ok {
			break
		}
		x = g.X
	}
	if d, ok := x.(*js.DotExpr); ok {
		if pv, ok := d.Y.(*js.Var); ok && len(pv.Data) > 0 && pv.Data[0] == '#' {
			c.errorAt(pv.Data, "Private fields can not be deleted")
		}
	}
}

// checkArgumentsInClassInit: `arguments` may not appear in a class field
// initializer or static block outside a nested ordinary function
// (ECMA-262 15.7.1: "It is a Syntax Error if Initializer is present and
// ContainsArguments of Initializer is true"; likewise for
// ClassStaticBlockStatementList).
func (c *compiler) checkArgumentsInClassInit(v *js.Var) {
	for fs := c.fs; fs != nil; fs = fs.parent {
		if fs.kind == bytecode.ClassFieldInit {
			c.errorAt(v.Data, "'arguments' is not allowed in class field initializer or static initialization block")
		}
		if !fs.isArrow {
			return
		}
	}
}

// checkClassElements applies the early errors of a ClassBody (ECMA-262
// 15.7.1): no private name declared twice (except one getter and one
// setter with the same placement), no element named #constructor, no
// static method or static field named "prototype", and no field named
// "constructor".
func (c *compiler) checkClassElements(d *js.ClassDecl) {
	type privDecl struct{ get, set, other, static bool }
	privs := map[string]*privDecl{}
	for i := range d.List {
		el := &d.List[i]
		if el.StaticBlock != nil {
			continue
		}
		name, static := &el.Field.Name, el.Field.Static
		var m *js.MethodDecl
		if el.Method != nil {
			m = el.Method
			name, static = &m.Name, m.Static
		}
		if p := name.Private; p != nil {
			n := identName(p.Data)
			if n == "#constructor" {
				c.errorAt(p.Data, "Classes may not have a private field named '#constructor'")
			}
			pd := privs[n]
			if pd == nil {
				pd = &privDecl{static: static}
				privs[n] = pd
			} else if pd.static != static {
				c.errorAt(p.Data, "Identifier '%s' has already been declared", n)
			}
			switch {
			case m != nil && m.Get && !pd.get && !pd.other:
				pd.get = true
			case m != nil && m.Set && !pd.set && !pd.other:
				pd.set = true
			case !pd.get && !pd.set && !pd.other:
				pd.other = true
			default:
				c.errorAt(p.Data, "Identifier '%s' has already been declared", n)
			}
			continue
		}
		if name.IsComputed() {
			continue
		}
		key := c.propertyKeyName(&name.PropertyName)
		if static && key == "prototype" {
			c.errorAt(name.Literal.Data, "Classes may not have a static property named 'prototype'")
		}
		if m == nil && key == "constructor" {
			c.errorAt(name.Literal.Data, "Classes may not have a field named 'constructor'")
		}
	}
}

// checkNotOptionalChain: an optional chain is no assignment target
// (ECMA-262 13.3.1: AssignmentTargetType of OptionalExpression is
// invalid; 13.15.1, 13.15.5.1, 14.7.5.1 make that an early error).
func (c *compiler) checkNotOptionalChain(e js.IExpr, msg string) {
	for {
		switch t := e.(type) {
		case *js.DotExpr:
			if t.Optional {
				c.errorf("%s", msg)
			}
			e = t.X
		case *js.IndexExpr:
			if t.Optional {
				c.errorf("%s", msg)
			}
			e = t.X
		case *js.CallExpr:
			if t.Optional {
				c.errorf("%s", msg)
			}
			e = t.X
		default:
			return
		}
	}
}

// checkParenthesizedTarget: a parenthesized assignment target must be a
// simple one; `([a]) = x` and `[({a})] = x` are early errors (ECMA-262
// 13.2.1.1 AssignmentTargetType of ParenthesizedExpression is that of the
// inner expression, which is invalid for literals; 13.15.1, 13.15.5.1).
func (c *compiler) checkParenthesizedTarget(g *js.GroupExpr, msg string) {
	var e js.IExpr = g
	for {
		inner, ok := e.(*js.GroupExpr)
		if !ok {
			break
		}
		e = inner.X
	}
	switch e.(type) {
	case *js.Var, *js.DotExpr, *js.IndexExpr:
	default:
		c.errorf("%s", msg)
	}
}

// checkRestTarget: the rest element of an array or object assignment
// pattern must come last and have no initializer, and an object rest
// target may not itself be a pattern (ECMA-262 13.15.5.1: "It is a Syntax
// Error if DestructuringAssignmentTarget is an ArrayLiteral or an
// ObjectLiteral" for AssignmentRestProperty; the grammar puts
// AssignmentRestElement and AssignmentRestProperty last).
func (c *compiler) checkRestTarget(target js.IExpr, last, object bool) {
	if !last {
		c.errorf("Rest element must be last element")
	}
	switch target.(type) {
	case *js.ArrayExpr, *js.ObjectExpr:
		if object {
			c.errorf("`...` must be followed by an assignable reference in assignment contexts")
		}
	case *js.BinaryExpr:
		c.errorf("Invalid destructuring assignment target")
	}
}

// declName is one entry of a statement list's LexicallyDeclaredNames.
type declName struct {
	v *js.Var
	// plainFunc: bound by a FunctionDeclaration that is neither async nor
	// a generator (Annex B.3.2.4 lets those repeat in sloppy blocks).
	plainFunc bool
}

// lexicallyDeclared lists the LexicallyDeclaredNames of a block's
// statement list (ECMA-262 8.2.4): let, const, class and, in a block,
// function declarations (labelled ones included).
func lexicallyDeclared(list []js.IStmt) []declName {
	var names []declName
	for _, s := range list {
		for {
			l, ok := s.(*js.LabelledStmt)
			if !ok {
				break
			}
			s = l.Value
		}
		switch d := s.(type) {
		case *js.VarDecl:
			if d.TokenType != js.VarToken {
				for _, el := range d.List {
					for _, v := range boundNames(el.Binding, nil) {
						names = append(names, declName{v: v})
					}
				}
			}
		case *js.ClassDecl:
			if d.Name != nil {
				names = append(names, declName{v: d.Name})
			}
		case *js.FuncDecl:
			if d.Name != nil {
				names = append(names, declName{v: d.Name, plainFunc: !d.Async && !d.Generator})
			}
		}
	}
	return names
}

// boundNames appends the BoundNames of a binding (ECMA-262 8.2.1).
func boundNames(b js.IBinding, out []*js.Var) []*js.Var {
	switch b := b.(type) {
	case *js.Var:
		out = append(out, b)
	case *js.BindingArray:
		for _, el := range b.List {
			out = boundNames(el.Binding, out)
		}
		out = boundNames(b.Rest, out)
	case *js.BindingObject:
		for _, item := range b.List {
			out = boundNames(item.Value.Binding, out)
		}
		if b.Rest != nil {
			out = append(out, b.Rest)
		}
	}
	return out
}

// varDeclared appends the VarDeclaredNames of a statement (ECMA-262
// 8.2.6): var declarations in it and in nested statements, not in nested
// functions or classes.
func varDeclared(s js.IStmt, out map[string]bool) {
	addDecl := func(e js.IExpr) {
		if d, ok := e.(*js.VarDecl); ok && d.TokenType == js.VarToken {
			for _, el := range d.List {
				for _, v := range boundNames(el.Binding, nil) {
					out[identName(v.Data)] = true
				}
			}
		}
	}
	switch s := s.(type) {
	case *js.VarDecl:
		addDecl(s)
	case *js.BlockStmt:
		for _, t := range s.List {
			varDeclared(t, out)
		}
	case *js.IfStmt:
		varDeclared(s.Body, out)
		if s.Else != nil {
			varDeclared(s.Else, out)
		}
	case *js.WhileStmt:
		varDeclared(s.Body, out)
	case *js.DoWhileStmt:
		varDeclared(s.Body, out)
	case *js.ForStmt:
		addDecl(s.Init)
		varDeclared(s.Body, out)
	case *js.ForInStmt:
		addDecl(s.Init)
		varDeclared(s.Body, out)
	case *js.ForOfStmt:
		addDecl(s.Init)
		varDeclared(s.Body, out)
	case *js.WithStmt:
		varDeclared(s.Body, out)
	case *js.LabelledStmt:
		varDeclared(s.Value, out)
	case *js.TryStmt:
		varDeclared(s.Body, out)
		if s.Catch != nil {
			varDeclared(s.Catch, out)
		}
		if s.Finally != nil {
			varDeclared(s.Finally, out)
		}
	case *js.SwitchStmt:
		for _, cl := range s.List {
			for _, t := range cl.List {
				varDeclared(t, out)
			}
		}
	}
}

// checkBlockDeclarations applies the redeclaration rules of a Block or a
// CaseBlock (ECMA-262 14.2.1, 14.12.1): "It is a Syntax Error if the
// LexicallyDeclaredNames of StatementList contains any duplicate entries,
// unless the source text is not strict mode code and the duplicate
// entries are only bound by FunctionDeclarations" (B.3.2.4), and "It is a
// Syntax Error if any element of the LexicallyDeclaredNames of
// StatementList also occurs in the VarDeclaredNames of StatementList".
// The parser reports the let/const/class cases; function declarations in
// blocks are left to this check.
func (c *compiler) checkBlockDeclarations(list []js.IStmt) {
	lex := lexicallyDeclared(list)
	if len(lex) == 0 {
		return
	}
	seen := make(map[string]declName, len(lex))
	for _, d := range lex {
		n := identName(d.v.Data)
		if prev, ok := seen[n]; ok && (c.fs.strict || !prev.plainFunc || !d.plainFunc) {
			c.errorAt(d.v.Data, "Identifier '%s' has already been declared", n)
		}
		seen[n] = d
	}
	vars := map[string]bool{}
	for _, s := range list {
		varDeclared(s, vars)
	}
	for _, d := range lex {
		if vars[identName(d.v.Data)] {
			c.errorAt(d.v.Data, "Identifier '%s' has already been declared", identName(d.v.Data))
		}
	}
}

// checkCatchDeclarations applies the early errors of a Catch clause
// (ECMA-262 14.15.1, as modified by B.3.4): no BoundName of the
// CatchParameter may be lexically declared in the Block, nor var-declared
// there unless the parameter is a plain identifier.
func (c *compiler) checkCatchDeclarations(param js.IBinding, body *js.BlockStmt) {
	names := boundNames(param, nil)
	if len(names) == 0 {
		return
	}
	lex := map[string]bool{}
	for _, d := range lexicallyDeclared(body.List) {
		lex[identName(d.v.Data)] = true
	}
	_, simple := param.(*js.Var)
	vars := map[string]bool{}
	if !simple {
		for _, s := range body.List {
			varDeclared(s, vars)
		}
	}
	for _, v := range names {
		n := identName(v.Data)
		if lex[n] || vars[n] {
			c.errorAt(v.Data, "Identifier '%s' has already been declared", n)
		}
	}
}

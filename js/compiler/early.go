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
			n := string(p.Data)
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

package compiler

import (
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// Direct eval (ECMA-262 19.2.1.1 PerformEval). A function that calls eval
// by that name keeps all its variables, and those of the functions around
// it, in contexts (see analysis). The call site passes a description of
// the bindings in scope, a bytecode.EvalScope, to RtDirectEval, which
// compiles the code against it and runs it on the caller's context: the
// eval code reaches a binding by walking Depth contexts up.

// evalBinding is the caller's binding named name, nil when there is none
// (the name is then a global).
func (c *compiler) evalBinding(name string) *binding {
	if b, ok := c.evalBindings[name]; ok {
		return b
	}
	var b *binding
	for _, eb := range c.eval.Bindings {
		if eb.Name == name {
			b = c.fromEvalBinding(eb)
			break
		}
	}
	if c.evalBindings == nil {
		c.evalBindings = map[string]*binding{}
	}
	c.evalBindings[name] = b
	return b
}

func (c *compiler) fromEvalBinding(eb bytecode.EvalBinding) *binding {
	// Levels count from the eval code's first context: the caller's
	// current one is level 0.
	b := &binding{kind: bindCtx, name: eb.Name, slot: eb.Slot, level: -eb.Depth,
		lexical: eb.Lexical, constant: eb.Const, fs: c.fs, alwaysCheck: true, selfName: eb.SelfName}
	if eb.Local && c.eval.VarObject.Name != "" && !c.fs.strict {
		b.withDepth = 1 // inside the var object
	}
	return b
}

// evalVar places a var or function declaration of sloppy eval code
// (ECMA-262 19.2.1.3 EvalDeclarationInstantiation): found is false when
// it becomes a global; otherwise it is the caller's var-scope binding b,
// or, when the caller has none of that name, a binding of the eval code
// itself (b nil), since functions have no object to add a variable to.
// A let, const or class of the same name in between is a SyntaxError.
func (c *compiler) evalVar(v *js.Var) (b *binding, found bool) {
	name := identName(v.Data)
	if name == "arguments" && c.eval.NoArgumentsVar {
		c.errorAt(v.Data, "Identifier 'arguments' may not be declared by eval in a parameter list")
	}
	for _, eb := range c.eval.Bindings {
		if eb.Name != name {
			continue
		}
		if eb.Lexical {
			c.errorAt(v.Data, "Identifier '%s' has already been declared", name)
		}
		if eb.VarScope {
			return c.fromEvalBinding(eb), true
		}
	}
	return nil, c.eval.InFunction
}

// evalVarObject declares the sloppy eval code's new variables on the
// caller's var object, which then acts as a with object for all names the
// eval code does not bind itself.
func (c *compiler) evalVarObject(names []string) {
	vo := c.fromEvalBinding(c.eval.VarObject)
	c.withs = append(c.withs, &withScope{obj: vo})
	r := c.fs.regs(2)
	for _, n := range names {
		c.loadBinding(vo)
		c.emit(bytecode.Star, r)
		c.loadString(n)
		c.emit(bytecode.Star, r+1)
		c.emit(bytecode.CallRuntime, bytecode.RtDeclareEvalVar, r, 2)
	}
	c.fs.nextReg = r
}

// evalLocals allocates the eval code's own declarations.
func (c *compiler) evalLocals(locals []*js.Var, consts map[*js.Var]bool) {
	fs := c.fs
	sc := &scopeState{}
	ctx := false
	for _, v := range locals {
		if c.captured[v] {
			ctx = true
		}
	}
	if ctx {
		sc.savedCtx = fs.reg()
		c.emit(bytecode.CreateBlockContext, 0)
		fs.ctxLevel++
	}
	sizeAt := fs.b.Offset() - 2
	if ctx {
		c.emit(bytecode.PushContext, sc.savedCtx)
	}
	for _, v := range locals {
		b := c.bindVar(v, sc)
		b.level = fs.ctxLevel
		b.constant = consts[v]
		if b.lexical {
			c.emit(bytecode.LdaTheHole)
			c.storeBinding(b)
		}
	}
	if ctx {
		fs.b.Code[sizeAt] = byte(sc.ctxSize)
		fs.b.Code[sizeAt+1] = byte(sc.ctxSize >> 8)
	}
}

// evalScope describes the bindings in scope at a direct eval call.
func (c *compiler) evalScope() *bytecode.EvalScope {
	s := &bytecode.EvalScope{Strict: c.fs.strict}
	top := true // still in the function whose var scope the eval joins
	add := func(b *binding, v *js.Var, varScope bool) {
		if b == nil || b.kind != bindCtx {
			return
		}
		name := b.name
		if v != nil {
			name = identName(v.Data)
		}
		s.Bindings = append(s.Bindings, bytecode.EvalBinding{Name: name, Depth: c.fs.ctxLevel - b.level,
			Slot: b.slot, Lexical: b.lexical, Const: b.constant, VarScope: varScope, Local: top, SelfName: b.selfName})
	}
	for fs := c.fs; fs != nil; fs = fs.parent {
		for i := len(fs.scopes) - 1; i >= 0; i-- {
			for _, v := range fs.scopes[i].vars {
				add(c.bindings[v], v, false)
			}
		}
		for _, v := range fs.declared {
			b := c.bindings[v]
			add(b, v, top && b != nil && !b.lexical)
		}
		if fs.kind == bytecode.ScriptBody {
			if c.eval != nil {
				// Eval code calling eval: what its own caller saw.
				base := c.fs.ctxLevel
				for _, eb := range c.eval.Bindings {
					eb.Depth += base
					eb.VarScope = eb.VarScope && top
					eb.Local = eb.Local && top
					s.Bindings = append(s.Bindings, eb)
				}
				if top {
					s.InFunction = c.eval.InFunction
					if vo := c.eval.VarObject; vo.Name != "" {
						vo.Depth += base
						s.VarObject = vo
					}
				}
			}
			break
		}
		if !fs.isArrow {
			add(fs.argsB, nil, false)
		}
		if top {
			s.InFunction = true
			s.NoArgumentsVar = fs.inParams && (!fs.isArrow || fs.argumentsParam)
			if b := fs.varObj; b != nil {
				s.VarObject = bytecode.EvalBinding{Name: b.name, Depth: c.fs.ctxLevel - b.level, Slot: b.slot}
			}
		}
		top = false
	}
	return s
}

// directEval compiles eval(args) where eval is not a local name: callee,
// this, the scope description's constant index, then the arguments.
func (c *compiler) directEval(e *js.CallExpr) {
	fs := c.fs
	n := len(e.Args.List)
	base := fs.regs(3 + n)
	c.loadVar(e.X.(*js.Var), false)
	c.emit(bytecode.Star, base)
	c.loadThis()
	c.emit(bytecode.Star, base+1)
	c.loadNumber(float64(c.constant(c.evalScope())))
	c.emit(bytecode.Star, base+2)
	c.argsInto(&e.Args, base+3)
	c.pos(calleePos(e.X))
	c.emit(bytecode.CallRuntime, bytecode.RtDirectEval, base, 3+n)
}

package compiler

import (
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

func (c *compiler) stmts(list []js.IStmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

// hoistFunctions creates the closures of the function declarations in a
// statement list, before the list runs.
func (c *compiler) hoistFunctions(list []js.IStmt) {
	// The functions are compiled out of source order; positions continue
	// from here afterwards.
	saved := c.lastPos
	defer func() { c.lastPos = saved }()
	for _, s := range list {
		if f, ok := s.(*js.FuncDecl); ok && f.Name != nil {
			c.function(f, identName(f.Name.Data))
			c.storeVar(f.Name, true)
		}
	}
}

func (c *compiler) stmt(s js.IStmt) {
	fs := c.fs
	mark := fs.nextReg
	defer func() { fs.nextReg = mark }()
	switch s := s.(type) {
	case *js.ExprStmt:
		if fs.completion >= 0 {
			c.expr(s.Value)
			c.emit(bytecode.Star, fs.completion)
		} else {
			c.effect(s.Value)
		}
	case *js.VarDecl:
		c.varDecl(s)
	case *js.BlockStmt:
		c.checkBlockDeclarations(s.List)
		sc := c.enterBlock(&s.Scope, false)
		c.hoistFunctions(s.List)
		c.stmts(s.List)
		c.exitBlock(sc)
	case *js.EmptyStmt, *js.DirectivePrologueStmt, *js.Comment:
	case *js.FuncDecl:
		// Hoisted: created when its scope was entered.
	case *js.ClassDecl:
		c.class(s)
		c.storeVar(s.Name, true)
	case *js.IfStmt:
		elseL, endL := fs.b.NewLabel(), fs.b.NewLabel()
		c.condJump(s.Cond, false, elseL)
		c.stmt(s.Body)
		if s.Else != nil {
			c.emit(bytecode.Jump, int(endL))
		}
		fs.b.Bind(elseL)
		if s.Else != nil {
			c.stmt(s.Else)
		}
		fs.b.Bind(endL)
	case *js.WhileStmt:
		c.loop(nil, func(ct *control) {
			top := fs.b.NewLabel()
			fs.b.Bind(top)
			fs.b.Bind(ct.contL)
			c.condJump(s.Cond, false, ct.breakL)
			c.stmt(s.Body)
			c.emit(bytecode.JumpLoop, int(top))
		})
	case *js.DoWhileStmt:
		c.loop(nil, func(ct *control) {
			top := fs.b.NewLabel()
			fs.b.Bind(top)
			c.stmt(s.Body)
			fs.b.Bind(ct.contL)
			c.condJump(s.Cond, false, ct.breakL)
			c.emit(bytecode.JumpLoop, int(top))
		})
	case *js.ForStmt:
		c.forStmt(s, nil)
	case *js.ForInStmt:
		c.forInOf(s.Init, s.Value, s.Body, false, false, nil)
	case *js.ForOfStmt:
		c.forInOf(s.Init, s.Value, s.Body, true, s.Await, nil)
	case *js.LabelledStmt:
		c.labelled(s, nil)
	case *js.BranchStmt:
		label := string(s.Label)
		if len(s.Label) > 0 {
			c.pos(s.Label)
		}
		isCont := s.Type == js.ContinueToken
		i := c.findControl(label, isCont)
		ct := fs.controls[i]
		c.jumpOut(i, func() {
			if isCont {
				c.emit(bytecode.Jump, int(ct.contL))
			} else {
				c.emit(bytecode.Jump, int(ct.breakL))
			}
		})
	case *js.ReturnStmt:
		if fs.kind == bytecode.ScriptBody {
			c.errorf("Illegal return statement")
		}
		if s.Value != nil {
			c.expr(s.Value)
		} else {
			c.emit(bytecode.LdaUndefined)
		}
		c.emitReturn()
	case *js.ThrowStmt:
		c.expr(s.Value)
		c.emit(bytecode.Throw)
	case *js.TryStmt:
		c.tryStmt(s)
	case *js.SwitchStmt:
		c.switchStmt(s, nil)
	case *js.WithStmt:
		c.withStmt(s)
	case *js.DebuggerStmt:
		c.emit(bytecode.Debugger)
	case *js.ImportStmt, *js.ExportStmt:
		c.errorf("Cannot use import or export outside a module")
	default:
		c.errorf("unsupported statement %T", s)
	}
}

// loop runs body with a fresh loop control entry on the stack.
func (c *compiler) loop(labels []string, body func(ct *control)) {
	fs := c.fs
	ct := &control{kind: ctlLoop, labels: labels, breakL: fs.b.NewLabel(), contL: fs.b.NewLabel()}
	c.pushControl(ct)
	body(ct)
	c.popControl()
	fs.b.Bind(ct.breakL)
}

func (c *compiler) labelled(s *js.LabelledStmt, labels []string) {
	labels = append(labels, string(s.Label))
	c.pos(s.Label)
	switch body := s.Value.(type) {
	case *js.LabelledStmt:
		c.labelled(body, labels)
	case *js.ForStmt:
		c.forStmt(body, labels)
	case *js.ForInStmt:
		c.forInOf(body.Init, body.Value, body.Body, false, false, labels)
	case *js.ForOfStmt:
		c.forInOf(body.Init, body.Value, body.Body, true, body.Await, labels)
	case *js.SwitchStmt:
		c.switchStmt(body, labels)
	case *js.WhileStmt, *js.DoWhileStmt:
		// Re-dispatch with the labels attached to the loop.
		fs := c.fs
		ct := &control{kind: ctlLoop, labels: labels, breakL: fs.b.NewLabel(), contL: fs.b.NewLabel()}
		c.pushControl(ct)
		top := fs.b.NewLabel()
		fs.b.Bind(top)
		if w, ok := body.(*js.WhileStmt); ok {
			fs.b.Bind(ct.contL)
			c.condJump(w.Cond, false, ct.breakL)
			c.stmt(w.Body)
		} else {
			d := body.(*js.DoWhileStmt)
			c.stmt(d.Body)
			fs.b.Bind(ct.contL)
			c.condJump(d.Cond, false, ct.breakL)
		}
		c.emit(bytecode.JumpLoop, int(top))
		c.popControl()
		fs.b.Bind(ct.breakL)
	default:
		if _, ok := s.Value.(*js.FuncDecl); ok && c.fs.strict {
			c.errorf("In strict mode code, functions can only be declared at top level or inside a block")
		}
		fs := c.fs
		ct := &control{kind: ctlBreak, labels: labels, breakL: fs.b.NewLabel()}
		c.pushControl(ct)
		c.stmt(s.Value)
		c.popControl()
		fs.b.Bind(ct.breakL)
	}
}

// varDecl compiles var, let and const declarations.
func (c *compiler) varDecl(d *js.VarDecl) {
	if c.fs.strict {
		for _, el := range d.List {
			forEachVar(el.Binding, func(v *js.Var) {
				if n := identName(v.Data); n == "eval" || n == "arguments" {
					c.errorAt(v.Data, "Unexpected eval or arguments in strict mode")
				}
			})
		}
	}
	for _, el := range d.List {
		if el.Default == nil {
			if d.TokenType == js.VarToken {
				continue
			}
			if d.TokenType == js.ConstToken {
				c.errorf("Missing initializer in const declaration")
			}
			c.emit(bytecode.LdaUndefined)
		} else {
			name := ""
			if v, ok := el.Binding.(*js.Var); ok {
				name = identName(v.Data)
			}
			c.namedExpr(el.Default, name)
			if v, ok := el.Binding.(*js.Var); ok && d.TokenType == js.VarToken {
				if p := c.catchParam(identName(v.Data)); p != nil {
					// var e = x in catch (e) assigns the catch
					// parameter (Annex B.3.5).
					c.storeVar(p, false)
					continue
				}
			}
		}
		c.bindPattern(el.Binding, d.TokenType != js.VarToken, d.TokenType == js.ConstToken)
	}
}

// forStmt compiles for(init; cond; post). Captured let bindings get a
// fresh context per iteration, copied from the last.
func (c *compiler) forStmt(s *js.ForStmt, labels []string) {
	fs := c.fs
	c.checkBlockDeclarations(s.Body.List)
	sc := c.enterBlock(&s.Body.Scope, false)
	if s.Init != nil {
		if d, ok := s.Init.(*js.VarDecl); ok {
			c.varDecl(d)
			if d.TokenType == js.ConstToken {
				for _, v := range sc.vars {
					c.bindings[v].constant = true
				}
			}
		} else {
			c.expr(s.Init)
		}
	}
	c.hoistFunctions(s.Body.List)
	c.loop(labels, func(ct *control) {
		copyCtx := func() {
			if sc.ctxSize == 0 {
				return
			}
			// CreatePerIterationEnvironment: a new context with the
			// current values of the loop variables.
			n := s.Body.Scope.NumForDecls
			tmp := fs.regs(sc.ctxSize)
			for _, v := range sc.vars[:min(n, len(sc.vars))] {
				b := c.bindings[v]
				if b.kind == bindCtx {
					c.loadBinding(b)
					c.emit(bytecode.Star, tmp+b.slot)
				}
			}
			c.emit(bytecode.PopContext, sc.savedCtx)
			c.emit(bytecode.CreateBlockContext, sc.ctxSize)
			c.emit(bytecode.PushContext, sc.savedCtx)
			for _, v := range sc.vars[:min(n, len(sc.vars))] {
				b := c.bindings[v]
				if b.kind == bindCtx {
					c.emit(bytecode.Ldar, tmp+b.slot)
					c.storeBinding(b)
				}
			}
			fs.nextReg = tmp
		}
		copyCtx()
		top := fs.b.NewLabel()
		fs.b.Bind(top)
		if s.Cond != nil {
			c.condJump(s.Cond, false, ct.breakL)
		}
		// Body lets start uninitialised on every iteration.
		for _, v := range sc.vars[min(s.Body.Scope.NumForDecls, len(sc.vars)):] {
			if v.Decl == js.LexicalDecl {
				c.emit(bytecode.LdaTheHole)
				c.storeBinding(c.bindings[v])
			}
		}
		c.stmts(s.Body.List)
		fs.b.Bind(ct.contL)
		copyCtx()
		if s.Post != nil {
			c.effect(s.Post)
		}
		c.emit(bytecode.JumpLoop, int(top))
	})
	c.exitBlock(sc)
}

// forInOf compiles for-in and for-of loops.
func (c *compiler) forInOf(init, value js.IExpr, body *js.BlockStmt, isOf, isAwait bool, labels []string) {
	fs := c.fs
	if isAwait && fs.t.Flags&bytecode.FlagAsync == 0 {
		c.errorf("for await is only valid in async functions and the top level bodies of modules")
	}
	exhausted := fs.b.NewLabel()
	// The iterated expression sees the loop's bindings in their TDZ; we
	// evaluate it before entering the body scope.
	c.expr(value)
	iter := fs.regs(2)
	if isOf {
		async := 0
		if isAwait {
			async = 1
		}
		c.emit(bytecode.GetIterator, async)
	} else {
		c.emit(bytecode.ForInPrepare)
	}
	c.emit(bytecode.Star, iter)
	// The iterator's control entry sits below the loop's, so that a
	// continue of this loop keeps the iterator open while break, return
	// and outer jumps close it.
	if isOf {
		c.pushControl(&control{kind: ctlIterator, iterReg: iter})
	}
	c.loop(labels, func(ct *control) {
		top := fs.b.NewLabel()
		fs.b.Bind(top)
		fs.b.Bind(ct.contL)
		switch {
		case isAwait:
			c.emit(bytecode.CallRuntime, bytecode.RtAsyncIteratorNext, iter, 1)
			c.suspend(1)
			res := fs.reg()
			c.emit(bytecode.Star, res)
			c.emit(bytecode.GetNamedProperty, res, c.name("done"), c.slot(bytecode.SlotLoad))
			c.emit(bytecode.JumpIfToBooleanTrue, int(exhausted))
			c.emit(bytecode.GetNamedProperty, res, c.name("value"), c.slot(bytecode.SlotLoad))
		case isOf:
			c.emit(bytecode.IteratorNext, iter)
			c.emit(bytecode.JumpIfHole, int(ct.breakL))
		default:
			c.emit(bytecode.ForInNext, iter)
			c.emit(bytecode.JumpIfHole, int(ct.breakL))
		}
		// From here until the next step, an exception must close the
		// iterator.
		tryStart := fs.b.Offset()
		ctxReg := fs.reg()
		c.emit(bytecode.StoreContext, ctxReg)
		valReg := fs.reg()
		c.emit(bytecode.Star, valReg)
		c.checkBlockDeclarations(body.List)
		sc := c.enterBlock(&body.Scope, false)
		c.emit(bytecode.Ldar, valReg)
		switch t := init.(type) {
		case *js.VarDecl:
			if len(t.List) > 0 && t.List[0].Default != nil && (isOf || fs.strict || t.TokenType != js.VarToken) {
				c.errorf("for-%s loop variable declaration may not have an initializer.", map[bool]string{true: "of", false: "in"}[isOf])
			}
			c.bindPattern(t.List[0].Binding, t.TokenType != js.VarToken, t.TokenType == js.ConstToken)
		default:
			c.assignTo(init)
		}
		c.hoistFunctions(body.List)
		c.stmts(body.List)
		c.exitBlock(sc)
		if isOf {
			end := fs.b.Offset()
			skip := fs.b.NewLabel()
			c.emit(bytecode.JumpLoop, int(top))
			// Handler: close the iterator, ignoring errors from return(),
			// and rethrow.
			fs.b.Bind(skip)
			handler := fs.b.Offset()
			exc := fs.reg()
			c.emit(bytecode.Star, exc)
			closeStart := fs.b.Offset()
			c.emit(bytecode.IteratorClose, iter)
			closeEnd := fs.b.Offset()
			rethrow := fs.b.Offset()
			c.emit(bytecode.Ldar, exc)
			c.emit(bytecode.ReThrow)
			fs.t.Handlers = append(fs.t.Handlers,
				bytecode.Handler{Start: closeStart, End: closeEnd, Handler: rethrow, Context: ctxReg},
				bytecode.Handler{Start: tryStart, End: end, Handler: handler, Context: ctxReg})
		} else {
			c.emit(bytecode.JumpLoop, int(top))
		}
	})
	if isOf {
		// After a break; a no-op when the iterator is exhausted.
		c.popControl()
		c.emit(bytecode.IteratorClose, iter)
	}
	fs.b.Bind(exhausted)
}

// switchStmt compiles a switch with strict-equality case tests.
func (c *compiler) switchStmt(s *js.SwitchStmt, labels []string) {
	fs := c.fs
	var all []js.IStmt
	for _, cl := range s.List {
		all = append(all, cl.List...)
	}
	c.checkBlockDeclarations(all)
	c.expr(s.Init)
	disc := fs.reg()
	c.emit(bytecode.Star, disc)
	sc := c.enterBlock(&s.Scope, true)
	ct := &control{kind: ctlBreak, labels: labels, breakL: fs.b.NewLabel()}
	c.pushControl(ct)
	bodies := make([]bytecode.LabelID, len(s.List))
	def := -1
	for i, cl := range s.List {
		bodies[i] = fs.b.NewLabel()
		if cl.Cond == nil {
			def = i
			continue
		}
		c.expr(cl.Cond)
		c.emit(bytecode.TestEqualStrict, disc, c.slot(bytecode.SlotCompare))
		c.emit(bytecode.JumpIfTrue, int(bodies[i]))
	}
	if def >= 0 {
		c.emit(bytecode.Jump, int(bodies[def]))
	} else {
		c.emit(bytecode.Jump, int(ct.breakL))
	}
	for i, cl := range s.List {
		fs.b.Bind(bodies[i])
		c.hoistFunctions(cl.List)
		c.stmts(cl.List)
	}
	c.popControl()
	fs.b.Bind(ct.breakL)
	c.exitBlock(sc)
}

// tryStmt compiles try/catch/finally with the handler table.
func (c *compiler) tryStmt(s *js.TryStmt) {
	fs := c.fs
	ctxReg := fs.reg()
	c.emit(bytecode.StoreContext, ctxReg)
	var fin *finallyInfo
	if s.Finally != nil {
		fin = &finallyInfo{entry: fs.b.NewLabel(), tokenReg: fs.reg(), valueReg: fs.reg()}
		c.pushControl(&control{kind: ctlFinally, finally: fin})
	}
	outerStart := fs.b.Offset()
	if s.Catch != nil {
		start := fs.b.Offset()
		c.checkBlockDeclarations(s.Body.List)
		c.block(s.Body)
		end := fs.b.Offset()
		after := fs.b.NewLabel()
		c.emit(bytecode.Jump, int(after))
		handler := fs.b.Offset()
		fs.t.Handlers = append(fs.t.Handlers, bytecode.Handler{Start: start, End: end, Handler: handler, Context: ctxReg})
		// The exception is in the accumulator.
		exc := fs.reg()
		c.emit(bytecode.Star, exc)
		if s.Binding != nil {
			c.checkCatchDeclarations(s.Binding, s.Catch)
		}
		c.checkBlockDeclarations(s.Catch.List)
		sc := c.enterBlock(&s.Catch.Scope, false)
		if s.Binding != nil {
			c.emit(bytecode.Ldar, exc)
			c.bindPattern(s.Binding, true, false)
		}
		c.hoistFunctions(s.Catch.List)
		if v, ok := s.Binding.(*js.Var); ok {
			c.catches = append(c.catches, catchScope{fs: fs, v: v})
			c.stmts(s.Catch.List)
			c.catches = c.catches[:len(c.catches)-1]
		} else {
			c.stmts(s.Catch.List)
		}
		c.exitBlock(sc)
		fs.b.Bind(after)
	} else {
		c.checkBlockDeclarations(s.Body.List)
		c.block(s.Body)
	}
	if fin == nil {
		return
	}
	outerEnd := fs.b.Offset()
	c.popControl()
	c.loadNumber(tokenNormal)
	c.emit(bytecode.Star, fin.tokenReg)
	c.emit(bytecode.Jump, int(fin.entry))
	handler := fs.b.Offset()
	fs.t.Handlers = append(fs.t.Handlers, bytecode.Handler{Start: outerStart, End: outerEnd, Handler: handler, Context: ctxReg})
	c.emit(bytecode.Star, fin.valueReg)
	c.loadNumber(tokenThrow)
	c.emit(bytecode.Star, fin.tokenReg)
	fs.b.Bind(fin.entry)
	// The finally body must not clobber the token and value registers;
	// they stay allocated below the body's temporaries.
	c.checkBlockDeclarations(s.Finally.List)
	c.block(s.Finally)
	after := fs.b.NewLabel()
	c.loadNumber(tokenNormal)
	c.emit(bytecode.TestEqualStrict, fin.tokenReg, c.slot(bytecode.SlotCompare))
	c.emit(bytecode.JumpIfTrue, int(after))
	next := fs.b.NewLabel()
	c.loadNumber(tokenThrow)
	c.emit(bytecode.TestEqualStrict, fin.tokenReg, c.slot(bytecode.SlotCompare))
	c.emit(bytecode.JumpIfFalse, int(next))
	c.emit(bytecode.Ldar, fin.valueReg)
	c.emit(bytecode.ReThrow)
	fs.b.Bind(next)
	for i, k := range fin.jumps {
		skip := fs.b.NewLabel()
		c.loadNumber(float64(i + 2))
		c.emit(bytecode.TestEqualStrict, fin.tokenReg, c.slot(bytecode.SlotCompare))
		c.emit(bytecode.JumpIfFalse, int(skip))
		k()
		fs.b.Bind(skip)
	}
	fs.b.Bind(after)
}

// block compiles a block statement with its own scope.
func (c *compiler) block(b *js.BlockStmt) {
	sc := c.enterBlock(&b.Scope, false)
	c.hoistFunctions(b.List)
	c.stmts(b.List)
	c.exitBlock(sc)
}

// condJump evaluates cond and jumps to target when its truth equals when.
func (c *compiler) condJump(cond js.IExpr, when bool, target bytecode.LabelID) {
	fs := c.fs
	switch e := cond.(type) {
	case *js.GroupExpr:
		c.condJump(e.X, when, target)
		return
	case *js.UnaryExpr:
		if e.Op == js.NotToken {
			c.condJump(e.X, !when, target)
			return
		}
	case *js.BinaryExpr:
		switch e.Op {
		case js.AndToken:
			if !when {
				c.condJump(e.X, false, target)
				c.condJump(e.Y, false, target)
			} else {
				skip := fs.b.NewLabel()
				c.condJump(e.X, false, skip)
				c.condJump(e.Y, true, target)
				fs.b.Bind(skip)
			}
			return
		case js.OrToken:
			if when {
				c.condJump(e.X, true, target)
				c.condJump(e.Y, true, target)
			} else {
				skip := fs.b.NewLabel()
				c.condJump(e.X, true, skip)
				c.condJump(e.Y, false, target)
				fs.b.Bind(skip)
			}
			return
		case js.EqEqToken, js.EqEqEqToken, js.NotEqToken, js.NotEqEqToken, js.LtToken, js.LtEqToken,
			js.GtToken, js.GtEqToken, js.InstanceofToken, js.InToken:
			c.expr(cond)
			if when {
				c.emit(bytecode.JumpIfTrue, int(target))
			} else {
				c.emit(bytecode.JumpIfFalse, int(target))
			}
			return
		}
	}
	c.expr(cond)
	if when {
		c.emit(bytecode.JumpIfToBooleanTrue, int(target))
	} else {
		c.emit(bytecode.JumpIfToBooleanFalse, int(target))
	}
}

// catchScope is a catch clause with a simple parameter being compiled.
type catchScope struct {
	fs *funcState
	v  *js.Var
}

// catchParam is the parameter named name of a catch clause of the
// function being compiled that encloses the code being compiled, or nil.
func (c *compiler) catchParam(name string) *js.Var {
	for i := len(c.catches) - 1; i >= 0; i-- {
		if cs := c.catches[i]; cs.fs == c.fs && identName(cs.v.Data) == name {
			return cs.v
		}
	}
	return nil
}

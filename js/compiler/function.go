package compiler

import (
	"bytes"

	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// hasUseStrict reports whether a body starts with a "use strict"
// directive.
func hasUseStrict(list []js.IStmt) bool {
	for _, s := range list {
		d, ok := s.(*js.DirectivePrologueStmt)
		if !ok {
			return false
		}
		v := d.Value
		if len(v) >= 2 && bytes.Equal(v[1:len(v)-1], []byte("use strict")) {
			return true
		}
	}
	return false
}

// compileScript compiles a script body.
func (c *compiler) compileScript(ast *js.AST, strict bool) *bytecode.FunctionTemplate {
	strict = strict || hasUseStrict(ast.List)
	fs := c.newFunc("", bytecode.ScriptBody, strict, c.info[ast])
	fs.t.Line, fs.t.Col = 1, 1
	fs.nextReg, fs.maxReg = 1, 1
	fs.completion = fs.reg()
	fs.thisB = &binding{kind: bindReg, reg: 0, fs: fs}
	// Global declarations: var and function as properties of the global
	// object, let/const/class as script-level lexical bindings.
	var decl []int
	var names []string
	consts := map[*js.Var]bool{}
	for _, st := range ast.List {
		if d, ok := st.(*js.VarDecl); ok && d.TokenType == js.ConstToken {
			for _, el := range d.List {
				forEachVar(el.Binding, func(v *js.Var) { consts[v] = true })
			}
		}
	}
	var locals []*js.Var  // eval code's own declarations
	var varNames []string // sloppy eval code's new variables of its caller
	for _, v := range ast.BlockStmt.Scope.Declared {
		if c.eval != nil && (v.Decl == js.VariableDecl || v.Decl == js.FunctionDecl || v.Decl == js.LexicalDecl) {
			if v.Decl == js.LexicalDecl || strict {
				locals = append(locals, v)
				continue
			}
			if b, found := c.evalVar(v); found {
				switch {
				case b != nil:
					c.bindings[v] = b
				case c.eval.VarObject.Name != "":
					varNames = append(varNames, identName(v.Data))
				default:
					locals = append(locals, v)
				}
				continue
			}
		}
		b := &binding{name: identName(v.Data), fs: fs}
		kind := 0
		switch v.Decl {
		case js.VariableDecl:
			b.kind = bindGlobal
		case js.FunctionDecl:
			b.kind, kind = bindGlobal, 1
		case js.LexicalDecl:
			b.kind, kind = bindGlobalLex, 2
			b.lexical = true
			if consts[v] {
				kind = 3
			}
		default:
			continue
		}
		if c.eval != nil && kind < 2 {
			// Eval code's vars and functions on the global object can be
			// deleted (CreateGlobalVarBinding(N, true), ECMA-262 19.2.1.3).
			kind += 4
		}
		c.bindings[v] = b
		decl = append(decl, kind)
		names = append(names, b.name)
	}
	if fs.info.thisCaptured {
		c.emit(bytecode.CreateBlockContext, 1)
		saved := fs.reg()
		c.emit(bytecode.PushContext, saved)
		fs.ctxLevel++
		fs.thisB = &binding{kind: bindCtx, slot: 0, level: fs.ctxLevel, fs: fs}
		c.emit(bytecode.Ldar, 0)
		c.storeBinding(fs.thisB)
	}
	if len(names) > 0 {
		for start := 0; start < len(names); start += 256 {
			end := min(start+256, len(names))
			r := fs.regs(2 * (end - start))
			for i := start; i < end; i++ {
				kind := decl[i]
				// Mark constness for const declarations; found below.
				c.loadNumber(float64(kind))
				c.emit(bytecode.Star, r+2*(i-start))
				c.loadString(names[i])
				c.emit(bytecode.Star, r+2*(i-start)+1)
			}
			c.emit(bytecode.CallRuntime, bytecode.RtDeclareGlobals, r, 2*(end-start))
			fs.nextReg = r
		}
	}
	if c.eval != nil && !strict && c.eval.VarObject.Name != "" {
		c.evalVarObject(varNames)
	}
	if len(locals) > 0 {
		c.evalLocals(locals, consts)
	}
	fs.declared = locals
	c.hoistFunctions(ast.List)
	c.stmts(ast.List)
	c.emit(bytecode.Ldar, fs.completion)
	c.emit(bytecode.Return)
	return c.finishFunc()
}

// forEachVar calls f for each variable a binding pattern binds.
func forEachVar(b js.IBinding, f func(*js.Var)) {
	switch b := b.(type) {
	case *js.Var:
		f(b)
	case *js.BindingArray:
		for _, el := range b.List {
			if el.Binding != nil {
				forEachVar(el.Binding, f)
			}
		}
		if b.Rest != nil {
			forEachVar(b.Rest, f)
		}
	case *js.BindingObject:
		for _, it := range b.List {
			forEachVar(it.Value.Binding, f)
		}
		if b.Rest != nil {
			forEachVar(b.Rest, f)
		}
	}
}

// function compiles a function expression or declaration and leaves the
// closure in the accumulator.
func (c *compiler) function(f *js.FuncDecl, name string) {
	if f.Name != nil {
		c.pos(f.Name.Data)
	}
	kind := bytecode.NormalFunction
	t := c.compileFunction(f, name, kind, f.Async, f.Generator, &f.Params, &f.Body, f.Name)
	c.emit(bytecode.CreateClosure, c.constant(t))
}

func (c *compiler) arrow(f *js.ArrowFunc, name string) {
	t := c.compileFunction(f, name, bytecode.ArrowFunction, f.Async, false, &f.Params, &f.Body, nil)
	c.emit(bytecode.CreateClosure, c.constant(t))
}

// method compiles a method, getter or setter into a closure.
func (c *compiler) method(m *js.MethodDecl, name string, kind bytecode.FunctionKind) {
	if m.Get {
		kind = bytecode.Getter
	} else if m.Set {
		kind = bytecode.Setter
	}
	t := c.compileFunction(m, name, kind, m.Async, m.Generator, &m.Params, &m.Body, nil)
	c.emit(bytecode.CreateClosure, c.constant(t))
}

// compileFunction compiles one function's template.
func (c *compiler) compileFunction(node any, name string, kind bytecode.FunctionKind, async, gen bool,
	params *js.Params, body *js.BlockStmt, selfName *js.Var) *bytecode.FunctionTemplate {
	parentStrict := c.fs != nil && c.fs.strict
	strict := parentStrict || hasUseStrict(body.List) || kind == bytecode.BaseConstructor || kind == bytecode.DerivedConstructor
	info := c.info[node]
	if info == nil {
		info = &funcInfo{arrow: kind == bytecode.ArrowFunction}
	}
	fs := c.newFunc(name, kind, strict, info)
	if async {
		fs.t.Flags |= bytecode.FlagAsync
	}
	if gen {
		fs.t.Flags |= bytecode.FlagGenerator
	}
	switch n := node.(type) {
	case *js.FuncDecl:
		c.setSource(fs.t, n, srcFunc)
	case *js.ArrowFunc:
		c.setSource(fs.t, n, srcArrow)
	case *js.MethodDecl:
		c.setSource(fs.t, n, srcMethod)
	}
	fs.derived = kind == bytecode.DerivedConstructor
	n := len(params.List)
	fs.t.ParamCount = n
	fs.nextReg = 1 + n
	fs.maxReg = fs.nextReg
	simple := params.Rest == nil
	length := 0
	for _, p := range params.List {
		if p.Default != nil || !isVar(p.Binding) {
			simple = false
		}
	}
	for _, p := range params.List {
		if p.Default != nil {
			break
		}
		length++
	}
	fs.t.Length = length
	if strict {
		c.checkStrictParams(params)
	}
	c.checkUseStrictSimpleParams(simple, body)

	// The function context holds captured parameters and variables, and
	// this and arguments when inner arrow functions use them.
	sc := &scopeState{}
	ctxNeeded := info.thisCaptured || info.argsCaptured
	for _, v := range body.Scope.Declared {
		if c.captured[v] {
			ctxNeeded = true
		}
	}
	varObj := info.hasEval && !strict
	if varObj {
		ctxNeeded = true
	}
	if ctxNeeded {
		sc.savedCtx = fs.reg()
		// The size is patched once the slots are counted.
		c.emit(bytecode.CreateBlockContext, 0)
		fs.ctxLevel++
	}
	sizeAt := fs.b.Offset() - 2
	if ctxNeeded {
		c.emit(bytecode.PushContext, sc.savedCtx)
	}
	if varObj {
		// Sloppy direct eval adds variables here (see directEval); the
		// function's own bindings, made after it, come first.
		b := &binding{kind: bindCtx, slot: sc.ctxSize, level: fs.ctxLevel, fs: fs, name: "eval var object"}
		sc.ctxSize++
		c.emit(bytecode.CallRuntime, bytecode.RtNewVarObject, 0, 0)
		c.storeBinding(b)
		fs.varObj = b
		c.withs = append(c.withs, &withScope{obj: b})
		defer func() { c.withs = c.withs[:len(c.withs)-1] }()
	}
	if kind != bytecode.ArrowFunction {
		fs.thisB = &binding{kind: bindReg, reg: 0, fs: fs}
		if info.thisCaptured {
			fs.thisB = &binding{kind: bindCtx, slot: sc.ctxSize, level: fs.ctxLevel, fs: fs}
			sc.ctxSize++
			c.emit(bytecode.Ldar, 0)
			c.storeBinding(fs.thisB)
		}
		if info.usesArgs {
			if info.argsCaptured {
				fs.argsB = &binding{kind: bindCtx, slot: sc.ctxSize, level: fs.ctxLevel, fs: fs, name: "arguments"}
				sc.ctxSize++
			} else {
				fs.argsB = &binding{kind: bindReg, reg: fs.reg(), fs: fs, name: "arguments"}
			}
			if strict || !simple {
				c.emit(bytecode.CreateUnmappedArguments)
			} else {
				c.emit(bytecode.CreateMappedArguments)
			}
			c.storeBinding(fs.argsB)
		}
	}
	// Simple parameters live in their argument registers unless captured.
	for i, p := range params.List {
		v, ok := p.Binding.(*js.Var)
		if !ok || p.Default != nil {
			continue
		}
		if c.captured[v] {
			b := c.bindVar(v, sc)
			b.level = fs.ctxLevel
			c.emit(bytecode.Ldar, 1+i)
			c.storeBinding(b)
		} else {
			c.bindings[v] = &binding{kind: bindReg, reg: 1 + i, fs: fs, name: identName(v.Data), withDepth: len(c.withs)}
		}
	}
	// Every other declaration of the function scope.
	fs.declared = body.Scope.Declared
	for _, v := range body.Scope.Declared {
		if b, ok := c.bindings[v]; ok && b.fs == fs {
			continue
		}
		b := c.bindVar(v, sc)
		b.level = fs.ctxLevel
		b.lexical = v.Decl == js.LexicalDecl
		if b.lexical {
			c.emit(bytecode.LdaTheHole)
			c.storeBinding(b)
		}
		if v == selfName || (v.Decl == js.ExprDecl && selfName != nil && bytes.Equal(v.Data, selfName.Data)) {
			c.emit(bytecode.LdaClosure)
			c.storeBinding(b)
			b.selfName = v.Decl == js.ExprDecl
		}
	}
	if ctxNeeded {
		fs.b.Code[sizeAt] = byte(sc.ctxSize)
		fs.b.Code[sizeAt+1] = byte(sc.ctxSize >> 8)
	}
	// Default values and destructuring parameters.
	fs.inParams = true
	for _, p := range params.List {
		if v, ok := p.Binding.(*js.Var); ok && identName(v.Data) == "arguments" {
			fs.argumentsParam = true
		}
	}
	if !simple {
		for i, p := range params.List {
			if _, ok := p.Binding.(*js.Var); ok && p.Default == nil {
				continue
			}
			c.emit(bytecode.Ldar, 1+i)
			c.defaultValue(p.Default, p.Binding)
			c.bindPattern(p.Binding, false, false)
		}
		if params.Rest != nil {
			c.emit(bytecode.CreateRestParameter)
			c.bindPattern(params.Rest, false, false)
		}
	}
	fs.inParams = false
	c.hoistFunctions(body.List)
	if fs.t.Flags&bytecode.FlagGenerator != 0 {
		// A generator binds its parameters when called, so their errors
		// are the call's (ECMA-262 15.5.2 EvaluateGeneratorBody), and
		// then waits for the first next.
		c.emit(bytecode.SuspendGenerator, 2)
		c.emit(bytecode.ResumeGenerator, fs.reg())
	}
	c.stmts(body.List)
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Return)
	return c.finishFunc()
}

func isVar(b js.IBinding) bool {
	_, ok := b.(*js.Var)
	return ok
}

// checkStrictParams reports the early errors of strict functions'
// parameter lists.
func (c *compiler) checkStrictParams(p *js.Params) {
	seen := map[string]bool{}
	var check func(b js.IBinding)
	check = func(b js.IBinding) {
		switch b := b.(type) {
		case *js.Var:
			n := identName(b.Data)
			if n == "eval" || n == "arguments" {
				c.errorAt(b.Data, "Unexpected eval or arguments in strict mode")
			}
			if seen[n] {
				c.errorAt(b.Data, "Duplicate parameter name not allowed in this context")
			}
			seen[n] = true
		case *js.BindingArray:
			for _, el := range b.List {
				if el.Binding != nil {
					check(el.Binding)
				}
			}
			if b.Rest != nil {
				check(b.Rest)
			}
		case *js.BindingObject:
			for _, it := range b.List {
				check(it.Value.Binding)
			}
			if b.Rest != nil {
				check(b.Rest)
			}
		}
	}
	for _, el := range p.List {
		check(el.Binding)
	}
	if p.Rest != nil {
		check(p.Rest)
	}
}

// yield compiles yield and yield*.
func (c *compiler) yield(e *js.YieldExpr) {
	fs := c.fs
	if fs.t.Flags&bytecode.FlagGenerator == 0 {
		c.errorf("yield is only valid in generator functions")
	}
	async := fs.t.Flags&bytecode.FlagAsync != 0
	if async && e.Generator {
		c.asyncYieldStar(e)
		return
	}
	if e.Generator {
		// yield*: each resumption (next, throw or return) is forwarded to
		// the inner iterator until it is done; its final value is the
		// result, or the return value when resumed with return.
		c.expr(e.X)
		args := fs.regs(3) // iterator record, mode, received
		res := fs.reg()
		c.emit(bytecode.GetIterator, 0)
		c.emit(bytecode.Star, args)
		c.emit(bytecode.LdaZero)
		c.emit(bytecode.Star, args+1)
		c.emit(bytecode.LdaUndefined)
		c.emit(bytecode.Star, args+2)
		top, done, end := fs.b.NewLabel(), fs.b.NewLabel(), fs.b.NewLabel()
		fs.b.Bind(top)
		c.emit(bytecode.CallRuntime, bytecode.RtYieldStar, args, 3)
		c.emit(bytecode.Star, res)
		c.emit(bytecode.GetNamedProperty, res, c.name("done"), c.slot(bytecode.SlotLoad))
		c.emit(bytecode.JumpIfToBooleanTrue, int(done))
		c.emit(bytecode.GetNamedProperty, res, c.name("value"), c.slot(bytecode.SlotLoad))
		c.emit(bytecode.SuspendGenerator, 0)
		c.emit(bytecode.ResumeGenerator, args+1)
		c.emit(bytecode.Star, args+2)
		c.emit(bytecode.JumpLoop, int(top))
		fs.b.Bind(done)
		c.emit(bytecode.GetNamedProperty, res, c.name("value"), c.slot(bytecode.SlotLoad))
		c.emit(bytecode.Star, args+2)
		c.loadNumber(2)
		c.emit(bytecode.TestEqualStrict, args+1, c.slot(bytecode.SlotCompare))
		c.emit(bytecode.JumpIfFalse, int(end))
		c.emit(bytecode.Ldar, args+2)
		c.emitReturn()
		fs.b.Bind(end)
		c.emit(bytecode.Ldar, args+2)
		return
	}
	if e.X != nil {
		c.expr(e.X)
	} else {
		c.emit(bytecode.LdaUndefined)
	}
	if async {
		// An async generator awaits what it yields.
		c.suspend(1)
	}
	c.suspend(0)
}

// asyncYieldStar compiles yield* in an async generator (ECMA-262 15.5.5):
// like the sync form, but each inner result is awaited, the values are
// yielded without awaiting, and a return resumption's value is awaited
// before it is forwarded.
func (c *compiler) asyncYieldStar(e *js.YieldExpr) {
	fs := c.fs
	c.expr(e.X)
	args := fs.regs(3) // iterator record, mode, received
	rec, mode, recv := args, args+1, args+2
	res, tmp := fs.reg(), fs.reg()
	c.emit(bytecode.GetIterator, 2)
	c.emit(bytecode.Star, rec)
	c.emit(bytecode.LdaZero)
	c.emit(bytecode.Star, mode)
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Star, recv)
	top, done, end, ret, loop := fs.b.NewLabel(), fs.b.NewLabel(), fs.b.NewLabel(), fs.b.NewLabel(), fs.b.NewLabel()
	fs.b.Bind(top)
	c.emit(bytecode.CallRuntime, bytecode.RtAsyncYieldStar, args, 3)
	c.suspend(1)
	c.emit(bytecode.Star, recv)
	c.emit(bytecode.CallRuntime, bytecode.RtAsyncYieldStarResult, args, 3)
	c.emit(bytecode.Star, res)
	c.loadNumber(4) // the inner iterator has no return method
	c.emit(bytecode.TestEqualStrict, mode, c.slot(bytecode.SlotCompare))
	c.emit(bytecode.JumpIfTrue, int(ret))
	c.emit(bytecode.GetNamedProperty, res, c.name("done"), c.slot(bytecode.SlotLoad))
	c.emit(bytecode.JumpIfToBooleanTrue, int(done))
	c.emit(bytecode.GetNamedProperty, res, c.name("value"), c.slot(bytecode.SlotLoad))
	c.emit(bytecode.SuspendGenerator, 0)
	c.emit(bytecode.ResumeGenerator, mode)
	c.emit(bytecode.Star, recv)
	c.loadNumber(2)
	c.emit(bytecode.TestEqualStrict, mode, c.slot(bytecode.SlotCompare))
	c.emit(bytecode.JumpIfFalse, int(loop))
	// AsyncGeneratorUnwrapYieldResumption: await the value of a return;
	// a rejection turns it into a throw forwarded to the inner iterator.
	c.emit(bytecode.Ldar, recv)
	c.emit(bytecode.SuspendGenerator, 1)
	c.emit(bytecode.ResumeGenerator, tmp)
	c.emit(bytecode.Star, recv)
	c.emit(bytecode.Ldar, tmp)
	c.emit(bytecode.JumpIfToBooleanFalse, int(loop))
	c.emit(bytecode.Star, mode)
	fs.b.Bind(loop)
	c.emit(bytecode.JumpLoop, int(top))
	fs.b.Bind(done)
	c.emit(bytecode.GetNamedProperty, res, c.name("value"), c.slot(bytecode.SlotLoad))
	c.emit(bytecode.Star, res)
	c.loadNumber(2)
	c.emit(bytecode.TestEqualStrict, mode, c.slot(bytecode.SlotCompare))
	c.emit(bytecode.JumpIfFalse, int(end))
	fs.b.Bind(ret)
	c.emit(bytecode.Ldar, res)
	c.emitReturn()
	fs.b.Bind(end)
	c.emit(bytecode.Ldar, res)
}

// suspend yields (kind 0) or awaits (kind 1) the accumulator and handles
// the resumption: next continues with the sent value, throw throws it and
// return returns it through any finally blocks.
func (c *compiler) suspend(kind int) {
	fs := c.fs
	mode, val := fs.reg(), fs.reg()
	c.emit(bytecode.SuspendGenerator, kind)
	c.emit(bytecode.ResumeGenerator, mode)
	c.emit(bytecode.Star, val)
	next := fs.b.NewLabel()
	c.emit(bytecode.Ldar, mode)
	c.emit(bytecode.JumpIfToBooleanFalse, int(next))
	ret := fs.b.NewLabel()
	c.loadNumber(1)
	c.emit(bytecode.TestEqualStrict, mode, c.slot(bytecode.SlotCompare))
	c.emit(bytecode.JumpIfFalse, int(ret))
	c.emit(bytecode.Ldar, val)
	c.emit(bytecode.Throw)
	fs.b.Bind(ret)
	c.emit(bytecode.Ldar, val)
	c.emitReturn()
	fs.b.Bind(next)
	c.emit(bytecode.Ldar, val)
}

// await compiles await x.
func (c *compiler) await(x js.IExpr) {
	fs := c.fs
	if fs.t.Flags&bytecode.FlagAsync == 0 {
		c.errorf("await is only valid in async functions and the top level bodies of modules")
	}
	c.expr(x)
	c.suspend(1)
}

// class compiles a class declaration or expression.
func (c *compiler) class(d *js.ClassDecl) {
	name := ""
	if d.Name != nil {
		name = identName(d.Name.Data)
		c.pos(d.Name.Data)
	}
	c.classNamed(d, name)
}

func (c *compiler) classNamed(d *js.ClassDecl, name string) {
	c.checkClassElements(d)
	fs := c.fs
	mark := fs.nextReg
	defer func() { fs.nextReg = mark }()
	savedStrict := fs.strict
	fs.strict = true
	defer func() { fs.strict = savedStrict }()

	// A class expression's name is bound inside the class only. The
	// parser leaves its uses undeclared, so they are matched by name, and
	// the binding lives in a context since methods capture it.
	var inner *binding
	var innerCtx int
	if d.Name != nil && c.lookup(d.Name) == nil {
		innerCtx = fs.reg()
		c.emit(bytecode.CreateBlockContext, 1)
		c.emit(bytecode.PushContext, innerCtx)
		fs.ctxLevel++
		c.pushControl(&control{kind: ctlContext, ctxReg: innerCtx})
		inner = &binding{kind: bindCtx, name: identName(d.Name.Data), level: fs.ctxLevel, fs: fs, lexical: true, constant: true, withDepth: len(c.withs)}
		c.emit(bytecode.LdaTheHole)
		c.storeBinding(inner)
		c.classNames = append(c.classNames, inner)
		defer func() {
			if c.fs != fs {
				return // unwinding a SyntaxError from a nested function
			}
			c.classNames = c.classNames[:len(c.classNames)-1]
			acc := fs.reg()
			c.emit(bytecode.Star, acc)
			c.emit(bytecode.PopContext, innerCtx)
			fs.ctxLevel--
			c.popControl()
			c.emit(bytecode.Ldar, acc)
		}()
	}
	// Private names (#x) get fresh identities each time the class is
	// evaluated; they live in a context the methods capture. Instance
	// private methods are created once and kept there too, for the
	// initializer to install on each instance.
	privMethods := map[*js.MethodDecl]int{}
	var privVars []*js.Var
	for _, v := range d.Scope.Declared {
		if v.Decl == js.PrivateDecl {
			privVars = append(privVars, v)
		}
	}
	if len(privVars) > 0 {
		n := len(privVars)
		for i := range d.List {
			if m := d.List[i].Method; m != nil && m.Name.Private != nil && !m.Static {
				privMethods[m] = n
				n++
			}
		}
		saved := fs.reg()
		c.emit(bytecode.CreateBlockContext, n)
		c.emit(bytecode.PushContext, saved)
		fs.ctxLevel++
		c.pushControl(&control{kind: ctlContext, ctxReg: saved})
		r := fs.reg()
		for i, v := range privVars {
			c.loadString("#" + string(v.Data[1:]))
			c.emit(bytecode.Star, r)
			c.emit(bytecode.CallRuntime, bytecode.RtNewPrivateName, r, 1)
			b := &binding{kind: bindCtx, slot: i, level: fs.ctxLevel, fs: fs, name: identName(v.Data), withDepth: len(c.withs)}
			c.storeBinding(b)
			c.bindings[v] = b
		}
		fs.nextReg = r
		defer func() {
			if c.fs != fs {
				return // unwinding a SyntaxError from a nested function
			}
			acc := fs.reg()
			c.emit(bytecode.Star, acc)
			c.emit(bytecode.PopContext, saved)
			fs.ctxLevel--
			c.popControl()
			c.emit(bytecode.Ldar, acc)
		}()
	}
	args := fs.regs(2) // ctor, parent
	if d.Extends != nil {
		c.expr(d.Extends)
	} else {
		c.emit(bytecode.LdaTheHole)
	}
	c.emit(bytecode.Star, args+1)
	var ctor *js.MethodDecl
	var fields []*js.Field
	type staticElem struct {
		field *js.Field
		block *js.BlockStmt
	}
	var statics []staticElem
	for i := range d.List {
		el := &d.List[i]
		switch {
		case el.Method != nil:
			m := el.Method
			if !m.Static && !m.Name.IsComputed() && m.Name.Private == nil && c.propertyKeyName(&m.Name.PropertyName) == "constructor" {
				if m.Get || m.Set || m.Generator || m.Async {
					c.errorf("Class constructor may not be an accessor")
				}
				if ctor != nil {
					c.errorf("A class may only have one constructor")
				}
				ctor = m
			}
		case el.StaticBlock != nil:
			statics = append(statics, staticElem{block: el.StaticBlock})
		default:
			if el.Field.Static {
				statics = append(statics, staticElem{field: &el.Field})
			} else {
				fields = append(fields, &el.Field)
			}
		}
	}
	kind := bytecode.BaseConstructor
	if d.Extends != nil {
		kind = bytecode.DerivedConstructor
	}
	var t *bytecode.FunctionTemplate
	if ctor != nil {
		t = c.compileFunction(ctor, name, kind, false, false, &ctor.Params, &ctor.Body, nil)
	} else {
		t = c.defaultConstructor(name, kind)
	}
	// A class's source text is the whole class, constructor or not.
	c.setSource(t, d, srcClass)
	c.emit(bytecode.CreateClosure, c.constant(t))
	c.emit(bytecode.Star, args)
	c.emit(bytecode.CallRuntime, bytecode.RtCreateClass, args, 2)
	ctorReg := args
	proto := fs.reg()
	c.emit(bytecode.GetNamedProperty, ctorReg, c.name("prototype"), c.slot(bytecode.SlotLoad))
	c.emit(bytecode.Star, proto)
	// The class's own name is visible inside it.
	if inner != nil {
		c.emit(bytecode.Ldar, ctorReg)
		c.storeBinding(inner)
		inner.initialized = true
	} else if d.Name != nil {
		if b := c.lookup(d.Name); b != nil && b.fs == fs && b.kind != bindGlobal && b.kind != bindGlobalLex {
			c.emit(bytecode.Ldar, ctorReg)
			c.storeBinding(b)
			b.initialized = true
		}
	}
	level := fs.ctxLevel
	for i := range d.List {
		m := d.List[i].Method
		if m == nil || m == ctor {
			continue
		}
		if slot, ok := privMethods[m]; ok {
			r := fs.regs(2)
			c.method(m, "#"+string(m.Name.Private.Data[1:]), bytecode.Method)
			c.emit(bytecode.Star, r)
			c.emit(bytecode.Mov, proto, r+1)
			c.emit(bytecode.CallRuntime, bytecode.RtSetHomeObject, r, 2)
			c.emit(bytecode.StaContextSlot, fs.ctxLevel-level, slot)
			fs.nextReg = r
			continue
		}
		target := proto
		if m.Static {
			target = ctorReg
		}
		c.defineMethod(target, m, false)
	}
	var privs *privInit
	if len(privMethods) > 0 {
		privs = &privInit{slots: privMethods, level: level}
		for i := range d.List {
			if m := d.List[i].Method; m != nil {
				if _, ok := privMethods[m]; ok {
					privs.methods = append(privs.methods, m)
				}
			}
		}
	}
	if len(fields) > 0 || privs != nil {
		init := c.fieldInitializer(fields, nil, privs, d)
		r := fs.regs(2)
		c.emit(bytecode.CreateClosure, c.constant(init))
		c.emit(bytecode.Star, r)
		c.emit(bytecode.Mov, proto, r+1)
		c.emit(bytecode.CallRuntime, bytecode.RtSetHomeObject, r, 2)
		c.emit(bytecode.Mov, ctorReg, r)
		c.emit(bytecode.Star, r+1)
		c.emit(bytecode.CallRuntime, bytecode.RtInitFields, r, 2)
		fs.nextReg = r
	}
	for _, s := range statics {
		var t *bytecode.FunctionTemplate
		if s.field != nil {
			t = c.fieldInitializer([]*js.Field{s.field}, nil, nil, d)
		} else {
			t = c.fieldInitializer(nil, s.block, nil, d)
		}
		r := fs.regs(2)
		c.emit(bytecode.CreateClosure, c.constant(t))
		c.emit(bytecode.Star, r)
		c.emit(bytecode.Mov, ctorReg, r+1)
		c.emit(bytecode.CallRuntime, bytecode.RtSetHomeObject, r, 2)
		c.emit(bytecode.CallProperty, r, r+1, 1, c.slot(bytecode.SlotCall))
		fs.nextReg = r
	}
	c.emit(bytecode.Ldar, ctorReg)
}

// defaultConstructor synthesizes constructor() {} or, for derived
// classes, constructor(...args) { super(...args) }.
func (c *compiler) defaultConstructor(name string, kind bytecode.FunctionKind) *bytecode.FunctionTemplate {
	fs := c.newFunc(name, kind, true, &funcInfo{})
	fs.nextReg, fs.maxReg = 1, 1
	if kind == bytecode.DerivedConstructor {
		r := fs.reg()
		c.emit(bytecode.CreateRestParameter)
		c.emit(bytecode.Star, r)
		c.emit(bytecode.CallRuntime, bytecode.RtSuperCallSpread, r, 1)
	}
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Return)
	return c.finishFunc()
}

// privInit describes the instance private methods an instance initializer
// installs: their declarations in order, their slots in the class's private
// context, and that context's level in the class's function.
type privInit struct {
	methods []*js.MethodDecl
	slots   map[*js.MethodDecl]int
	level   int
}

// fieldInitializer compiles class fields (or a static block) into a
// function run with this set to the instance (or the class), first
// installing the instance private methods privs lists, if any. The
// class's state is passed in, not kept on the compiler, since classes
// nested in its methods and fields are compiled before it is finished.
func (c *compiler) fieldInitializer(fields []*js.Field, block *js.BlockStmt, privs *privInit, d *js.ClassDecl) *bytecode.FunctionTemplate {
	info := &funcInfo{}
	for _, f := range fields {
		if fi := c.info[f]; fi != nil && fi.thisCaptured {
			info.thisCaptured = true
		}
	}
	var node any = info
	if block != nil {
		if bi := c.info[block]; bi != nil {
			info = bi
			node = block
		}
	}
	_ = node
	fs := c.newFunc("<instance_members_initializer>", bytecode.ClassFieldInit, true, info)
	fs.nextReg, fs.maxReg = 1, 1
	fs.thisB = &binding{kind: bindReg, reg: 0, fs: fs}
	if info.thisCaptured {
		saved := fs.reg()
		c.emit(bytecode.CreateBlockContext, 1)
		c.emit(bytecode.PushContext, saved)
		fs.ctxLevel++
		fs.thisB = &binding{kind: bindCtx, slot: 0, level: fs.ctxLevel, fs: fs}
		c.emit(bytecode.Ldar, 0)
		c.storeBinding(fs.thisB)
	}
	if block != nil {
		c.block(block)
	}
	if fields != nil || block == nil {
		// Instance private methods first, then the fields in order.
		var methods []*js.MethodDecl
		if privs != nil {
			methods = privs.methods
		}
		for _, m := range methods {
			args := fs.regs(4)
			c.emit(bytecode.Mov, 0, args)
			c.loadBinding(c.lookup(m.Name.Private))
			c.emit(bytecode.Star, args+1)
			c.emit(bytecode.LdaContextSlot, fs.ctxLevel-privs.level, privs.slots[m])
			c.emit(bytecode.Star, args+2)
			c.emit(bytecode.LdaFalse)
			c.emit(bytecode.Star, args+3)
			id := bytecode.RtDefineMethod
			if m.Get {
				id = bytecode.RtDefineGetter
			} else if m.Set {
				id = bytecode.RtDefineSetter
			}
			c.emit(bytecode.CallRuntime, id, args, 4)
			fs.nextReg = args
		}
	}
	for _, f := range fields {
		if f.Name.Private != nil {
			args := fs.regs(3)
			c.emit(bytecode.Mov, 0, args)
			c.loadBinding(c.lookup(f.Name.Private))
			c.emit(bytecode.Star, args+1)
			if f.Init != nil {
				c.namedExpr(f.Init, "#"+string(f.Name.Private.Data[1:]))
			} else {
				c.emit(bytecode.LdaUndefined)
			}
			c.emit(bytecode.Star, args+2)
			c.emit(bytecode.CallRuntime, bytecode.RtPrivateDefine, args, 3)
			fs.nextReg = args
			continue
		}
		key := fs.reg()
		name := ""
		if f.Name.IsComputed() {
			c.expr(f.Name.Computed)
			c.emit(bytecode.ToName)
		} else {
			name = c.propertyKeyName(&f.Name.PropertyName)
			c.loadString(name)
		}
		c.emit(bytecode.Star, key)
		flags := 0
		if f.Init != nil {
			c.namedExpr(f.Init, name)
			if isAnonymousFunction(f.Init) && name == "" {
				flags = 1
			}
		} else {
			c.emit(bytecode.LdaUndefined)
		}
		c.emit(bytecode.DefineKeyedOwnProperty, 0, key, flags)
		fs.nextReg--
	}
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Return)
	return c.finishFunc()
}

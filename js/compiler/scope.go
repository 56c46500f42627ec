package compiler

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// funcInfo is what the analysis learns about one function.
type funcInfo struct {
	parent *funcInfo
	arrow  bool
	// thisCaptured: an arrow function inside uses this (or super or
	// new.target), so this lives in the function's context.
	thisCaptured bool
	usesArgs     bool
	argsCaptured bool
	argsVar      *js.Var
	// What an escaped identifier may not spell out here.
	strict, generator, async bool
	// hasEval: a direct eval in the function or a nested one can reach
	// every variable, so all of them live in contexts.
	hasEval bool
}

// bindingKind says where a variable lives.
type bindingKind uint8

const (
	bindReg       bindingKind = iota // a register of its function
	bindCtx                          // a slot of a heap context
	bindGlobal                       // a property of the global object
	bindGlobalLex                    // a script-level let, const or class
	bindImport                       // a module's import: a context slot holding a reference to the exporter's slot
)

// binding is a variable's storage as the compiler assigned it.
type binding struct {
	kind        bindingKind
	name        string
	reg         int
	slot        int
	level       int // context level of the context holding it
	fs          *funcState
	lexical     bool // let, const or class: has a temporal dead zone
	constant    bool
	initialized bool // the declaration has been compiled: no TDZ check needed in fs
	alwaysCheck bool // declared in a switch: cases can skip the declaration
	withDepth   int  // with statements around the declaration
	selfName    bool // a function expression's name inside it
}

// analysis walks the tree once before compiling to find captured
// variables and the use of this and arguments by arrow functions.
type analysis struct {
	c        *compiler
	stack    []*funcInfo
	owner    map[*js.Var]*funcInfo
	captured map[*js.Var]bool
	inClass  int     // class bodies being walked: strict code
	skip     *js.Var // a function's name, checked in the enclosing function
}

func resolve(v *js.Var) *js.Var {
	for v.Link != nil {
		v = v.Link
	}
	return v
}

func (c *compiler) analyze(ast *js.AST, strict bool) {
	a := &analysis{c: c, owner: map[*js.Var]*funcInfo{}, captured: map[*js.Var]bool{}}
	c.info = map[any]*funcInfo{}
	c.captured = a.captured
	root := &funcInfo{strict: strict || hasUseStrict(ast.List)}
	c.info[ast] = root
	a.stack = []*funcInfo{root}
	a.declare(&ast.BlockStmt.Scope)
	js.Walk(a, &ast.BlockStmt)
	for v, f := range a.owner {
		if f.hasEval {
			a.captured[v] = true
		}
	}
}

// isDirectEval reports whether e calls eval by that unbound name.
func isDirectEval(e *js.CallExpr) bool {
	v, ok := e.X.(*js.Var)
	return ok && resolve(v).Decl == js.NoDecl && identName(v.Data) == "eval" && !hasSpread(&e.Args)
}

func (a *analysis) cur() *funcInfo { return a.stack[len(a.stack)-1] }

// nonArrow is the function whose this an arrow function sees.
func (a *analysis) nonArrow() *funcInfo {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if !a.stack[i].arrow {
			return a.stack[i]
		}
	}
	return a.stack[0]
}

func (a *analysis) declare(s *js.Scope) {
	f := a.cur()
	for _, v := range s.Declared {
		if _, ok := a.owner[v]; !ok {
			a.owner[v] = f
		}
	}
}

func (a *analysis) push(n any, arrow bool, body *js.BlockStmt) {
	p := a.cur()
	f := &funcInfo{parent: p, arrow: arrow, strict: p.strict || a.inClass > 0}
	if body != nil && hasUseStrict(body.List) {
		f.strict = true
	}
	switch n := n.(type) {
	case *js.FuncDecl:
		f.generator, f.async = n.Generator, n.Async
	case *js.MethodDecl:
		f.generator, f.async = n.Generator, n.Async
	case *js.ArrowFunc:
		f.async = n.Async
	}
	a.c.info[n] = f
	a.stack = append(a.stack, f)
	if body != nil {
		a.declare(&body.Scope)
	}
}

func (a *analysis) Enter(n js.INode) js.IVisitor {
	switch n := n.(type) {
	case *js.FuncDecl:
		if n.Name != nil {
			if a.c.ifFuncs[a.c.offsetOf(n.Name.Data)] && (a.cur().strict || a.inClass > 0) {
				a.c.errorAt(n.Name.Data, "In strict mode code, functions can only be declared at top level or inside a block")
			}
			a.checkEscaped(n.Name.Data)
			a.skip = n.Name
		}
		a.push(n, false, &n.Body)
	case *js.LabelledStmt:
		a.checkEscaped(n.Label)
	case *js.CallExpr:
		if isDirectEval(n) {
			for f := a.cur(); f != nil; f = f.parent {
				f.hasEval = true
				f.thisCaptured = true
				if !f.arrow && f.parent != nil {
					f.usesArgs, f.argsCaptured = true, true
				}
			}
		}
	case *js.IfStmt:
		a.checkLabelledFunction(n.Body)
		a.checkLabelledFunction(n.Else)
	case *js.WhileStmt:
		a.checkLabelledFunction(n.Body)
	case *js.DoWhileStmt:
		a.checkLabelledFunction(n.Body)
	case *js.ForStmt:
		a.checkLabelledFunction(n.Body)
	case *js.ForInStmt:
		a.checkLabelledFunction(n.Body)
	case *js.ForOfStmt:
		a.checkLabelledFunction(n.Body)
	case *js.WithStmt:
		a.checkLabelledFunction(n.Body)
	case *js.BranchStmt:
		a.checkEscaped(n.Label)
	case *js.ArrowFunc:
		a.push(n, true, &n.Body)
	case *js.MethodDecl:
		a.push(n, false, &n.Body)
	case *js.Field:
		a.push(n, false, nil)
	case *js.ClassDecl:
		a.inClass++
		defer func() { a.inClass-- }()
		if n.Name != nil {
			a.checkEscaped(n.Name.Data)
		}
		for i := range n.List {
			if sb := n.List[i].StaticBlock; sb != nil {
				a.push(sb, false, sb)
				js.Walk(a, sb)
				a.stack = a.stack[:len(a.stack)-1]
				n.List[i].StaticBlock = nil
				defer func(i int) { n.List[i].StaticBlock = sb }(i)
			}
		}
		js.Walk(a, n.Extends)
		if n.Name != nil {
			a.Enter(n.Name)
		}
		for _, item := range n.List {
			if item.Method != nil {
				js.Walk(a, item.Method)
			} else if item.StaticBlock == nil {
				js.Walk(a, &item.Field)
			}
		}
		return nil
	case *js.BlockStmt:
		a.declare(&n.Scope)
	case *js.SwitchStmt:
		a.declare(&n.Scope)
	case *js.Var:
		if n != a.skip {
			a.checkEscaped(n.Data)
		}
		v := resolve(n)
		f := a.cur()
		if o, ok := a.owner[v]; ok {
			if o != f {
				a.captured[v] = true
			}
		} else if v.Decl == js.NoDecl && identName(v.Data) == "arguments" {
			na := a.nonArrow()
			if na != a.stack[0] {
				na.usesArgs = true
				na.argsVar = v
				if na != f {
					na.argsCaptured = true
				}
			}
		}
	case *js.LiteralExpr:
		if n.TokenType == js.ThisToken || n.TokenType == js.SuperToken {
			if na := a.nonArrow(); na != a.cur() {
				na.thisCaptured = true
			}
		}
	case *js.NewTargetExpr:
		if na := a.nonArrow(); na != a.cur() {
			na.thisCaptured = true
		}
	case *js.ExportStmt:
		// Walk leaves out the declaration of export declarations.
		if n.Decl != nil {
			js.Walk(a, n.Decl)
		}
	}
	return a
}

// checkEscaped: an identifier written with escapes may not spell a
// reserved word (ECMA-262 12.7.1: "It is a Syntax Error if the goal
// symbol ... and StringValue of IdentifierName is ..." and 13.1.1's rules
// for yield and await), which the parser only knows unescaped.
func (a *analysis) checkEscaped(data []byte) {
	f := a.cur()
	strict := f.strict || a.inClass > 0
	if bytes.IndexByte(data, '\\') < 0 {
		// The parser lets the strict mode reserved words through.
		if strict && len(data) >= 3 && strictReservedWords[string(data)] {
			a.c.errorAt(data, "Unexpected strict mode reserved word")
		}
		return
	}
	name := identName(data)
	if reservedWords[name] || strict && strictReservedWords[name] ||
		name == "await" && f.async || name == "yield" && f.generator {
		a.c.errorAt(data, "Keyword must not contain escaped characters")
	}
}

// checkLabelledFunction: the body of an if, a loop or a with may not be a
// labelled function declaration (ECMA-262 14.6.1, 14.7.1.1, 14.11.1:
// "It is a Syntax Error if IsLabelledFunction(Statement) is true").
func (a *analysis) checkLabelledFunction(s js.IStmt) {
	l, ok := s.(*js.LabelledStmt)
	if !ok {
		return
	}
	for {
		switch v := l.Value.(type) {
		case *js.LabelledStmt:
			l = v
			continue
		case *js.FuncDecl:
			a.c.errorAt(l.Label, "In strict mode code or as the body of a statement, functions can only be declared at top level or inside a block")
		}
		return
	}
}

var reservedWords = map[string]bool{
	"break": true, "case": true, "catch": true, "class": true, "const": true, "continue": true,
	"debugger": true, "default": true, "delete": true, "do": true, "else": true, "enum": true,
	"export": true, "extends": true, "false": true, "finally": true, "for": true, "function": true,
	"if": true, "import": true, "in": true, "instanceof": true, "new": true, "null": true,
	"return": true, "super": true, "switch": true, "this": true, "throw": true, "true": true,
	"try": true, "typeof": true, "var": true, "void": true, "while": true, "with": true,
}

var strictReservedWords = map[string]bool{
	"implements": true, "interface": true, "let": true, "package": true, "private": true,
	"protected": true, "public": true, "static": true, "yield": true,
}

// identName is the StringValue of an identifier: its \u escapes
// decoded. The parser has already checked them.
func identName(data []byte) string {
	if bytes.IndexByte(data, '\\') < 0 {
		return string(data)
	}
	var sb strings.Builder
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' || i+2 >= len(data) || data[i+1] != 'u' {
			sb.WriteByte(data[i])
			continue
		}
		hex, next := data[i+2:], 0
		if hex[0] == '{' {
			end := bytes.IndexByte(hex, '}')
			if end < 0 {
				sb.WriteByte(data[i])
				continue
			}
			hex, next = hex[1:end], i+2+end+1
		} else {
			if len(hex) < 4 {
				sb.WriteByte(data[i])
				continue
			}
			hex, next = hex[:4], i+6
		}
		n, err := strconv.ParseUint(string(hex), 16, 32)
		if err != nil || n > unicode.MaxRune {
			sb.WriteByte(data[i])
			continue
		}
		sb.WriteRune(rune(n))
		i = next - 1
	}
	return sb.String()
}

func (a *analysis) Exit(n js.INode) {
	switch n.(type) {
	case *js.FuncDecl, *js.ArrowFunc, *js.MethodDecl, *js.Field:
		a.stack = a.stack[:len(a.stack)-1]
	}
}

// scopeState is a block scope being compiled.
type scopeState struct {
	ctxSize  int
	savedCtx int // register holding the outer context, when ctxSize > 0
	vars     []*js.Var
}

// bindVar assigns storage to v declared in the current function: a
// register, or a slot in the context being built (ctx).
func (c *compiler) bindVar(v *js.Var, sc *scopeState) *binding {
	if b, ok := c.bindings[v]; ok && b.fs == c.fs {
		return b
	}
	b := &binding{name: identName(v.Data), fs: c.fs, withDepth: len(c.withs)}
	b.lexical = v.Decl == js.LexicalDecl
	if c.captured[v] && sc != nil {
		b.kind = bindCtx
		b.slot = sc.ctxSize
		sc.ctxSize++
	} else {
		b.kind = bindReg
		b.reg = c.fs.reg()
	}
	c.bindings[v] = b
	return b
}

// lookup finds the binding of a variable use, nil for globals.
func (c *compiler) lookup(v *js.Var) *binding {
	v = resolve(v)
	if b, ok := c.bindings[v]; ok {
		return b
	}
	if v.Decl == js.NoDecl {
		for i := len(c.classNames) - 1; i >= 0; i-- {
			if c.classNames[i].name == identName(v.Data) {
				return c.classNames[i]
			}
		}
		if c.eval != nil {
			return c.evalBinding(identName(v.Data))
		}
	}
	return nil
}

// enterBlock allocates the block's lexical declarations. When some are
// captured it creates and pushes a block context.
func (c *compiler) enterBlock(s *js.Scope, isSwitch bool) *scopeState {
	sc := &scopeState{}
	var lex []*js.Var
	for _, v := range s.Declared {
		if v.Decl == js.LexicalDecl || v.Decl == js.CatchDecl {
			if _, ok := c.bindings[v]; ok && c.bindings[v].fs == c.fs {
				continue
			}
			lex = append(lex, v)
		}
	}
	if len(lex) == 0 {
		return sc
	}
	n := 0
	for _, v := range lex {
		if c.captured[v] {
			n++
		}
	}
	if n > 0 {
		sc.savedCtx = c.fs.reg()
		c.emit(bytecode.CreateBlockContext, n)
		c.emit(bytecode.PushContext, sc.savedCtx)
		c.fs.ctxLevel++
		c.pushControl(&control{kind: ctlContext, ctxReg: sc.savedCtx})
	}
	for _, v := range lex {
		b := c.bindVar(v, sc)
		b.level = c.fs.ctxLevel
		b.alwaysCheck = isSwitch
		if v.Decl == js.LexicalDecl {
			c.emit(bytecode.LdaTheHole)
			c.storeBinding(b)
		}
	}
	sc.vars = lex
	c.fs.scopes = append(c.fs.scopes, sc)
	return sc
}

// exitBlock pops the block's context, if it made one.
func (c *compiler) exitBlock(sc *scopeState) {
	if sc.ctxSize > 0 {
		c.emit(bytecode.PopContext, sc.savedCtx)
		c.fs.ctxLevel--
		c.popControl()
	}
	if len(sc.vars) > 0 {
		c.fs.scopes = c.fs.scopes[:len(c.fs.scopes)-1]
	}
}

// storeBinding stores the accumulator into b without checks.
func (c *compiler) storeBinding(b *binding) {
	switch b.kind {
	case bindReg:
		c.emit(bytecode.Star, b.reg)
	case bindCtx:
		c.emit(bytecode.StaContextSlot, c.fs.ctxLevel-b.level, b.slot)
	case bindGlobal:
		c.emit(bytecode.StaGlobal, c.name(b.name), c.slot(bytecode.SlotGlobal))
	case bindGlobalLex:
		r := c.fs.regs(2)
		c.emit(bytecode.Star, r+1)
		c.loadString(b.name)
		c.emit(bytecode.Star, r)
		c.emit(bytecode.CallRuntime, bytecode.RtInitGlobalLexical, r, 2)
		c.emit(bytecode.Ldar, r+1)
		c.fs.nextReg = r
	}
}

// loadVar loads variable v (or a global named name when v is unbound).
func (c *compiler) loadVar(v *js.Var, inTypeof bool) {
	v = resolve(v)
	if ws := c.withsFor(v); ws != nil {
		c.loadVarWith(v, inTypeof, ws, -1)
		return
	}
	name := identName(v.Data)
	c.posIdent(v)
	if name == "arguments" && v.Decl == js.NoDecl {
		c.checkArgumentsInClassInit(v)
		if b := c.argumentsBinding(); b != nil {
			c.loadBinding(b)
			return
		}
	}
	b := c.lookup(v)
	if b == nil || b.kind == bindGlobal || b.kind == bindGlobalLex {
		op := bytecode.LdaGlobal
		if inTypeof {
			op = bytecode.LdaGlobalInsideTypeof
		}
		c.emit(op, c.name(name), c.slot(bytecode.SlotGlobal))
		return
	}
	c.loadBinding(b)
	if b.lexical && (!b.initialized || b.fs != c.fs || b.alwaysCheck) {
		c.emit(bytecode.ThrowReferenceErrorIfHole, c.name(b.name))
	}
}

func (c *compiler) loadBinding(b *binding) {
	switch b.kind {
	case bindReg:
		if b.fs != c.fs {
			c.errorf("internal: register of another function for %s", b.name)
		}
		c.emit(bytecode.Ldar, b.reg)
	case bindCtx:
		c.emit(bytecode.LdaContextSlot, c.fs.ctxLevel-b.level, b.slot)
	case bindImport:
		c.emit(bytecode.LdaModuleVariable, c.fs.ctxLevel-b.level, b.slot)
	}
}

// storeVar assigns the accumulator to v, with TDZ and const checks; init
// marks a declaration's initialisation, which has neither.
func (c *compiler) storeVar(v *js.Var, init bool) {
	v = resolve(v)
	if ws := c.withsFor(v); ws != nil {
		c.storeVarWith(v, init, ws)
		return
	}
	name := identName(v.Data)
	b := c.lookup(v)
	if b == nil {
		if c.fs.strict && (name == "eval" || name == "arguments") {
			c.errorAt(v.Data, "Unexpected eval or arguments in strict mode")
		}
		c.emit(bytecode.StaGlobal, c.name(name), c.slot(bytecode.SlotGlobal))
		return
	}
	if init {
		c.storeBinding(b)
		if b.fs == c.fs {
			b.initialized = true
		}
		return
	}
	if b.kind == bindGlobal || b.kind == bindGlobalLex {
		c.emit(bytecode.StaGlobal, c.name(name), c.slot(bytecode.SlotGlobal))
		return
	}
	if b.kind == bindImport {
		c.emit(bytecode.ThrowConstAssignError, c.name(b.name))
		return
	}
	if b.lexical && (!b.initialized || b.fs != c.fs || b.alwaysCheck) {
		r := c.fs.reg()
		c.emit(bytecode.Star, r)
		c.loadBinding(b)
		c.emit(bytecode.ThrowReferenceErrorIfHole, c.name(b.name))
		c.emit(bytecode.Ldar, r)
		c.fs.nextReg--
	}
	if b.selfName {
		// A function expression's own name is immutable: assignments
		// are ignored, or TypeErrors in strict code (ECMA-262 15.2.5).
		if c.fs.strict {
			c.emit(bytecode.ThrowConstAssignError, c.name(b.name))
		}
		return
	}
	if b.constant {
		c.emit(bytecode.ThrowConstAssignError, c.name(b.name))
		return
	}
	c.storeBinding(b)
}

// argumentsBinding is the binding of the arguments object visible here.
func (c *compiler) argumentsBinding() *binding {
	for fs := c.fs; fs != nil; fs = fs.parent {
		if !fs.isArrow {
			return fs.argsB
		}
	}
	return nil
}

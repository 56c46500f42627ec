package compiler

import (
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

var binaryOps = map[js.TokenType]bytecode.Op{
	js.AddToken: bytecode.Add, js.SubToken: bytecode.Sub, js.MulToken: bytecode.Mul,
	js.DivToken: bytecode.Div, js.ModToken: bytecode.Mod, js.ExpToken: bytecode.Exp,
	js.BitOrToken: bytecode.BitwiseOr, js.BitXorToken: bytecode.BitwiseXor, js.BitAndToken: bytecode.BitwiseAnd,
	js.LtLtToken: bytecode.ShiftLeft, js.GtGtToken: bytecode.ShiftRight, js.GtGtGtToken: bytecode.ShiftRightLogical,
}

var compoundOps = map[js.TokenType]js.TokenType{
	js.AddEqToken: js.AddToken, js.SubEqToken: js.SubToken, js.MulEqToken: js.MulToken,
	js.DivEqToken: js.DivToken, js.ModEqToken: js.ModToken, js.ExpEqToken: js.ExpToken,
	js.BitOrEqToken: js.BitOrToken, js.BitXorEqToken: js.BitXorToken, js.BitAndEqToken: js.BitAndToken,
	js.LtLtEqToken: js.LtLtToken, js.GtGtEqToken: js.GtGtToken, js.GtGtGtEqToken: js.GtGtGtToken,
}

var compareOps = map[js.TokenType]bytecode.Op{
	js.EqEqToken: bytecode.TestEqual, js.EqEqEqToken: bytecode.TestEqualStrict,
	js.NotEqToken: bytecode.TestEqual, js.NotEqEqToken: bytecode.TestEqualStrict,
	js.LtToken: bytecode.TestLessThan, js.GtToken: bytecode.TestGreaterThan,
	js.LtEqToken: bytecode.TestLessThanOrEqual, js.GtEqToken: bytecode.TestGreaterThanOrEqual,
	js.InstanceofToken: bytecode.TestInstanceOf, js.InToken: bytecode.TestIn,
}

// exprToReg evaluates e into a fresh register.
func (c *compiler) exprToReg(e js.IExpr) int {
	c.expr(e)
	r := c.fs.reg()
	c.emit(bytecode.Star, r)
	return r
}

// operandReg returns a register holding e's value, reusing a local's own
// register when nothing evaluated later can change it.
func (c *compiler) operandReg(e js.IExpr, rest js.IExpr) int {
	if v, ok := e.(*js.Var); ok && isSimple(rest) {
		if b := c.lookup(v); b != nil && b.kind == bindReg && b.fs == c.fs && !(b.lexical && (!b.initialized || b.alwaysCheck)) && c.withsFor(v) == nil {
			return b.reg
		}
	}
	return c.exprToReg(e)
}

// localReg returns the register of e when e is a local variable held in
// a register of this function that needs no TDZ check.
func (c *compiler) localReg(e js.IExpr) (int, bool) {
	v, ok := e.(*js.Var)
	if !ok {
		return 0, false
	}
	if b := c.lookup(v); b != nil && b.kind == bindReg && b.fs == c.fs && !(b.lexical && (!b.initialized || b.alwaysCheck)) && c.withsFor(v) == nil {
		if identName(v.Data) == "arguments" && v.Decl == js.NoDecl {
			return 0, false
		}
		return b.reg, true
	}
	return 0, false
}

// isSimple reports whether evaluating e cannot assign to any variable.
func isSimple(e js.IExpr) bool {
	switch e := e.(type) {
	case *js.LiteralExpr, *js.Var:
		return true
	case *js.GroupExpr:
		return isSimple(e.X)
	case *js.BinaryExpr:
		if _, ok := binaryOps[e.Op]; ok {
			return isSimple(e.X) && isSimple(e.Y)
		}
		if _, ok := compareOps[e.Op]; ok {
			return isSimple(e.X) && isSimple(e.Y)
		}
	case *js.DotExpr:
		return !e.Optional && isSimple(e.X)
	case *js.IndexExpr:
		return !e.Optional && isSimple(e.X) && isSimple(e.Y)
	}
	return false
}

// namedExpr evaluates e, naming it name when it is an anonymous function
// or class (NamedEvaluation).
func (c *compiler) namedExpr(e js.IExpr, name string) {
	switch f := e.(type) {
	case *js.FuncDecl:
		if f.Name == nil {
			c.function(f, name)
			return
		}
	case *js.ArrowFunc:
		c.arrow(f, name)
		return
	case *js.ClassDecl:
		if f.Name == nil {
			c.classNamed(f, name)
			return
		}
	case *js.GroupExpr:
		c.namedExpr(f.X, name)
		return
	}
	c.expr(e)
}

// effect evaluates e for its side effects only; x++ then needs no copy
// of the old value.
func (c *compiler) effect(e js.IExpr) {
	switch u := e.(type) {
	case *js.UnaryExpr:
		switch u.Op {
		case js.PostIncrToken:
			c.expr(&js.UnaryExpr{Op: js.PreIncrToken, X: u.X})
			return
		case js.PostDecrToken:
			c.expr(&js.UnaryExpr{Op: js.PreDecrToken, X: u.X})
			return
		}
	case *js.CommaExpr:
		for _, x := range u.List {
			c.effect(x)
		}
		return
	case *js.GroupExpr:
		c.effect(u.X)
		return
	}
	c.expr(e)
}

// expr evaluates e into the accumulator.
func (c *compiler) expr(e js.IExpr) {
	fs := c.fs
	mark := fs.nextReg
	defer func() { fs.nextReg = mark }()
	switch e := e.(type) {
	case *js.LiteralExpr:
		c.literal(e)
	case *js.Var:
		c.loadVar(e, false)
	case *js.GroupExpr:
		c.expr(e.X)
	case *js.CommaExpr:
		for _, x := range e.List {
			c.expr(x)
		}
	case *js.BinaryExpr:
		c.binary(e)
	case *js.UnaryExpr:
		c.unary(e)
	case *js.CondExpr:
		elseL, endL := fs.b.NewLabel(), fs.b.NewLabel()
		c.condJump(e.Cond, false, elseL)
		c.expr(e.X)
		c.emit(bytecode.Jump, int(endL))
		fs.b.Bind(elseL)
		c.expr(e.Y)
		fs.b.Bind(endL)
	case *js.DotExpr, *js.IndexExpr, *js.CallExpr:
		c.chain(e)
	case *js.NewExpr:
		c.newExpr(e)
	case *js.ObjectExpr:
		c.objectLiteral(e)
	case *js.ArrayExpr:
		c.arrayLiteral(e)
	case *js.TemplateExpr:
		c.template(e)
	case *js.FuncDecl:
		name := ""
		if e.Name != nil {
			name = identName(e.Name.Data)
		}
		c.function(e, name)
	case *js.ArrowFunc:
		c.arrow(e, "")
	case *js.ClassDecl:
		c.class(e)
	case *js.NewTargetExpr:
		c.loadNewTarget()
	case *js.YieldExpr:
		c.yield(e)
	case *js.ImportMetaExpr:
		if !c.module {
			c.errorf("Cannot use 'import.meta' outside a module")
		}
		// Slot 0 of the module context holds the module record.
		r := c.fs.reg()
		c.emit(bytecode.LdaContextSlot, c.fs.ctxLevel-1, 0)
		c.emit(bytecode.Star, r)
		c.emit(bytecode.CallRuntime, bytecode.RtImportMeta, r, 1)
		c.fs.nextReg--
	default:
		c.errorf("unsupported expression %T", e)
	}
}

func (c *compiler) binary(e *js.BinaryExpr) {
	fs := c.fs
	if op, ok := binaryOps[e.Op]; ok {
		l := c.operandReg(e.X, e.Y)
		c.expr(e.Y)
		c.emit(op, l, c.slot(bytecode.SlotBinary))
		return
	}
	if op, ok := compareOps[e.Op]; ok {
		if e.Op == js.InToken {
			if pv, ok := e.X.(*js.Var); ok && isPrivate(pv) {
				args := fs.regs(2)
				c.loadBinding(c.privateBinding(pv))
				c.emit(bytecode.Star, args)
				c.expr(e.Y)
				c.emit(bytecode.Star, args+1)
				c.emit(bytecode.CallRuntime, bytecode.RtPrivateIn, args, 2)
				return
			}
		}
		l := c.operandReg(e.X, e.Y)
		c.expr(e.Y)
		c.emit(op, l, c.slot(bytecode.SlotCompare))
		if e.Op == js.NotEqToken || e.Op == js.NotEqEqToken {
			c.emit(bytecode.LogicalNot)
		}
		return
	}
	switch e.Op {
	case js.AndToken, js.OrToken, js.NullishToken:
		end := fs.b.NewLabel()
		c.expr(e.X)
		switch e.Op {
		case js.AndToken:
			c.emit(bytecode.JumpIfToBooleanFalse, int(end))
		case js.OrToken:
			c.emit(bytecode.JumpIfToBooleanTrue, int(end))
		default:
			c.emit(bytecode.JumpIfNotUndefinedOrNull, int(end))
		}
		c.expr(e.Y)
		fs.b.Bind(end)
	case js.EqToken:
		c.assign(e.X, e.Y)
	case js.AndEqToken, js.OrEqToken, js.NullishEqToken:
		c.logicalAssign(e)
	default:
		if bop, ok := compoundOps[e.Op]; ok {
			c.compoundAssign(e.X, binaryOps[bop], e.Y)
			return
		}
		c.errorf("unsupported operator %s", e.Op)
	}
}

func (c *compiler) unary(e *js.UnaryExpr) {
	switch e.Op {
	case js.NotToken:
		c.expr(e.X)
		c.emit(bytecode.ToBooleanLogicalNot)
	case js.NegToken:
		if l, ok := e.X.(*js.LiteralExpr); ok && l.TokenType == js.DecimalToken {
			if f, ok := c.number(l); ok {
				c.loadNumber(-f)
				return
			}
		}
		c.expr(e.X)
		c.emit(bytecode.Negate, c.slot(bytecode.SlotBinary))
	case js.PosToken:
		c.expr(e.X)
		c.emit(bytecode.ToNumber)
	case js.BitNotToken:
		c.expr(e.X)
		c.emit(bytecode.BitwiseNot, c.slot(bytecode.SlotBinary))
	case js.TypeofToken:
		if v, ok := e.X.(*js.Var); ok {
			c.loadVar(v, true)
		} else {
			c.expr(e.X)
		}
		c.emit(bytecode.TypeOf)
	case js.VoidToken:
		c.expr(e.X)
		c.emit(bytecode.LdaUndefined)
	case js.DeleteToken:
		c.deleteExpr(e.X)
	case js.PreIncrToken, js.PreDecrToken, js.PostIncrToken, js.PostDecrToken:
		c.update(e)
	case js.AwaitToken:
		c.await(e.X)
	default:
		c.errorf("unsupported unary operator %s", e.Op)
	}
}

func (c *compiler) deleteExpr(x js.IExpr) {
	c.checkDeletePrivate(x)
	for {
		g, ok := x.(*js.GroupExpr)
		if !ok {
			break
		}
		x = g.X
	}
	op := bytecode.DeletePropertySloppy
	if c.fs.strict {
		op = bytecode.DeletePropertyStrict
	}
	switch t := x.(type) {
	case *js.DotExpr:
		if isSuper(t.X) {
			c.emit(bytecode.CallRuntime, bytecode.RtDeleteSuperProperty, 0, 0)
			return
		}
		obj := c.exprToReg(t.X)
		c.loadString(dotName(t))
		c.emit(op, obj)
	case *js.IndexExpr:
		if isSuper(t.X) {
			c.emit(bytecode.CallRuntime, bytecode.RtDeleteSuperProperty, 0, 0)
			return
		}
		obj := c.exprToReg(t.X)
		c.expr(t.Y)
		c.emit(op, obj)
	case *js.Var:
		if c.fs.strict {
			c.errorAt(t.Data, "Delete of an unqualified identifier in strict mode.")
		}
		if ws := c.withsFor(t); ws != nil {
			c.deleteVarWith(t, ws)
			return
		}
		if b := c.lookup(t); b != nil && b.kind != bindGlobal && b.kind != bindGlobalLex {
			c.emit(bytecode.LdaFalse)
			return
		}
		// delete of a global: a property of the global object.
		r := c.fs.reg()
		c.emit(bytecode.LdaGlobal, c.name("globalThis"), c.slot(bytecode.SlotGlobal))
		c.emit(bytecode.Star, r)
		c.loadString(identName(t.Data))
		c.emit(bytecode.DeletePropertySloppy, r)
	default:
		c.expr(x)
		c.emit(bytecode.LdaTrue)
	}
}

// literal loads a literal.
func (c *compiler) literal(e *js.LiteralExpr) {
	c.pos(e.Data)
	switch e.TokenType {
	case js.TrueToken:
		c.emit(bytecode.LdaTrue)
	case js.FalseToken:
		c.emit(bytecode.LdaFalse)
	case js.NullToken:
		c.emit(bytecode.LdaNull)
	case js.ThisToken:
		c.loadThis()
	case js.StringToken:
		c.loadString(c.stringLit(e.Data))
	case js.DecimalToken, js.IntegerToken, js.HexadecimalToken, js.OctalToken, js.BinaryToken:
		if big, ok := bigIntLiteral(e.Data); ok {
			c.emit(bytecode.LdaConstant, c.constant(big))
			return
		}
		f, ok := c.number(e)
		if !ok {
			c.errorAt(e.Data, "Invalid number %s", e.Data)
		}
		c.loadNumber(f)
	case js.RegExpToken:
		c.regExpLiteral(e.Data)
	case js.SuperToken:
		c.errorf("'super' keyword unexpected here")
	default:
		c.errorf("unsupported literal %s", e.Data)
	}
}

// loadThis loads this: register 0, or the context slot an arrow function
// reads it from.
func (c *compiler) loadThis() {
	fs := c.fs
	for fs.isArrow && fs.parent != nil {
		fs = fs.parent
	}
	b := fs.thisB
	if b == nil {
		c.emit(bytecode.Ldar, 0)
		return
	}
	c.loadBinding(b)
	if fs.derived {
		c.emit(bytecode.ThrowSuperNotCalledIfHole)
	}
}

func (c *compiler) loadNewTarget() {
	fs := c.fs
	for fs.isArrow && fs.parent != nil {
		fs = fs.parent
	}
	if fs.kind == bytecode.ScriptBody {
		c.errorf("new.target expression is not allowed here")
	}
	if fs != c.fs {
		c.emit(bytecode.LdaUndefined) // new.target in arrow functions is not captured yet
		return
	}
	c.emit(bytecode.LdaNewTarget)
}

// assign compiles target = value.
func (c *compiler) assign(target, value js.IExpr) {
	fs := c.fs
	switch t := target.(type) {
	case *js.Var:
		if ws := c.withsFor(t); ws != nil {
			// The reference is resolved before the value is computed.
			c.checkAssignable(t)
			_, store := c.withReference(t, ws)
			c.namedExpr(value, identName(t.Data))
			store()
			return
		}
		c.namedExpr(value, identName(t.Data))
		c.checkAssignable(t)
		c.storeVar(t, false)
	case *js.DotExpr:
		c.checkNotOptionalChain(t, "Invalid left-hand side in assignment")
		if pv, ok := t.Y.(*js.Var); ok && isPrivate(pv) {
			_, store := c.reference(t)
			c.expr(value)
			store()
			return
		}
		if isSuper(t.X) {
			key := fs.reg()
			c.loadString(dotName(t))
			c.emit(bytecode.Star, key)
			this := fs.reg()
			c.loadThis()
			c.emit(bytecode.Star, this)
			c.expr(value)
			c.emit(bytecode.SetSuperProperty, this, key)
			return
		}
		obj := c.exprToReg(t.X)
		c.expr(value)
		c.pos(dotData(t))
		c.emit(bytecode.SetNamedProperty, obj, c.name(dotName(t)), c.slot(bytecode.SlotStore))
	case *js.IndexExpr:
		c.checkNotOptionalChain(t, "Invalid left-hand side in assignment")
		if isSuper(t.X) {
			key := fs.reg()
			c.expr(t.Y)
			c.emit(bytecode.ToName)
			c.emit(bytecode.Star, key)
			this := fs.reg()
			c.loadThis()
			c.emit(bytecode.Star, this)
			c.expr(value)
			c.emit(bytecode.SetSuperProperty, this, key)
			return
		}
		obj := c.exprToReg(t.X)
		key := c.exprToReg(t.Y)
		c.expr(value)
		c.emit(bytecode.SetKeyedProperty, obj, key, c.slot(bytecode.SlotStore))
	case *js.GroupExpr:
		c.checkParenthesizedTarget(t, "Invalid left-hand side in assignment")
		inner := t.X
		for g, ok := inner.(*js.GroupExpr); ok; g, ok = inner.(*js.GroupExpr) {
			inner = g.X
		}
		if v, ok := inner.(*js.Var); ok {
			// (x) = function(){} is no IdentifierRef, so the function
			// is not named (no NamedEvaluation).
			c.expr(value)
			c.checkAssignable(v)
			c.storeVar(v, false)
			return
		}
		c.assign(inner, value)
	case *js.ArrayExpr, *js.ObjectExpr:
		c.expr(value)
		r := fs.reg()
		c.emit(bytecode.Star, r)
		c.assignTo(target)
		c.emit(bytecode.Ldar, r)
	default:
		c.errorf("Invalid left-hand side in assignment")
	}
}

func (c *compiler) checkAssignable(v *js.Var) {
	if c.fs.strict {
		if n := identName(v.Data); n == "eval" || n == "arguments" {
			c.errorAt(v.Data, "Unexpected eval or arguments in strict mode")
		}
	}
}

// reference evaluates the parts of an assignment target that must be
// evaluated once (object and key) and returns load and store emitters.
func (c *compiler) reference(target js.IExpr) (load, store func()) {
	fs := c.fs
	switch t := target.(type) {
	case *js.GroupExpr:
		return c.reference(t.X)
	case *js.Var:
		c.checkAssignable(t)
		if ws := c.withsFor(t); ws != nil {
			return c.withReference(t, ws)
		}
		return func() { c.loadVar(t, false) }, func() { c.storeVar(t, false) }
	case *js.DotExpr:
		c.checkNotOptionalChain(t, "Invalid left-hand side in assignment")
		if pv, ok := t.Y.(*js.Var); ok && isPrivate(pv) {
			args := fs.regs(3)
			c.expr(t.X)
			c.emit(bytecode.Star, args)
			c.loadBinding(c.privateBinding(pv))
			c.emit(bytecode.Star, args+1)
			return func() {
					c.emit(bytecode.CallRuntime, bytecode.RtPrivateGet, args, 2)
				}, func() {
					c.emit(bytecode.Star, args+2)
					c.emit(bytecode.CallRuntime, bytecode.RtPrivateSet, args, 3)
				}
		}
		if isSuper(t.X) {
			c.checkSuperProperty()
			key, this := fs.reg(), fs.reg()
			c.loadString(dotName(t))
			c.emit(bytecode.Star, key)
			c.loadThis()
			c.emit(bytecode.Star, this)
			return func() {
					c.emit(bytecode.Ldar, key)
					c.emit(bytecode.GetSuperProperty, this)
				}, func() {
					c.emit(bytecode.SetSuperProperty, this, key)
				}
		}
		obj := c.exprToReg(t.X)
		name := c.name(dotName(t))
		return func() {
				c.emit(bytecode.GetNamedProperty, obj, name, c.slot(bytecode.SlotLoad))
			}, func() {
				c.emit(bytecode.SetNamedProperty, obj, name, c.slot(bytecode.SlotStore))
			}
	case *js.IndexExpr:
		c.checkNotOptionalChain(t, "Invalid left-hand side in assignment")
		if isSuper(t.X) {
			key, this := fs.reg(), fs.reg()
			c.expr(t.Y)
			c.emit(bytecode.ToName)
			c.emit(bytecode.Star, key)
			c.loadThis()
			c.emit(bytecode.Star, this)
			return func() {
					c.emit(bytecode.Ldar, key)
					c.emit(bytecode.GetSuperProperty, this)
				}, func() {
					c.emit(bytecode.SetSuperProperty, this, key)
				}
		}
		obj := c.exprToReg(t.X)
		key := c.exprToReg(t.Y)
		c.emit(bytecode.Ldar, key)
		c.emit(bytecode.ToName)
		c.emit(bytecode.Star, key)
		return func() {
				c.emit(bytecode.Ldar, key)
				c.emit(bytecode.GetKeyedProperty, obj, c.slot(bytecode.SlotLoad))
			}, func() {
				c.emit(bytecode.SetKeyedProperty, obj, key, c.slot(bytecode.SlotStore))
			}
	}
	c.errorf("Invalid left-hand side in assignment")
	return nil, nil
}

func (c *compiler) compoundAssign(target js.IExpr, op bytecode.Op, value js.IExpr) {
	fs := c.fs
	// x op= y on a register local with a simple y: the register is the
	// left operand as it is.
	if r, ok := c.localReg(target); ok && isSimple(value) && !c.lookup(target.(*js.Var)).constant {
		c.expr(value)
		c.emit(op, r, c.slot(bytecode.SlotBinary))
		c.emit(bytecode.Star, r)
		return
	}
	load, store := c.reference(target)
	load()
	l := fs.reg()
	c.emit(bytecode.Star, l)
	c.expr(value)
	c.emit(op, l, c.slot(bytecode.SlotBinary))
	store()
}

func (c *compiler) logicalAssign(e *js.BinaryExpr) {
	fs := c.fs
	load, store := c.reference(e.X)
	end := fs.b.NewLabel()
	load()
	switch e.Op {
	case js.AndEqToken:
		c.emit(bytecode.JumpIfToBooleanFalse, int(end))
	case js.OrEqToken:
		c.emit(bytecode.JumpIfToBooleanTrue, int(end))
	default:
		c.emit(bytecode.JumpIfNotUndefinedOrNull, int(end))
	}
	name := ""
	if v, ok := e.X.(*js.Var); ok {
		name = identName(v.Data)
	}
	c.namedExpr(e.Y, name)
	store()
	fs.b.Bind(end)
}

func (c *compiler) update(e *js.UnaryExpr) {
	fs := c.fs
	if e.Op == js.PreIncrToken || e.Op == js.PreDecrToken {
		if r, ok := c.localReg(e.X); ok && !c.lookup(e.X.(*js.Var)).constant {
			op := bytecode.Inc
			if e.Op == js.PreDecrToken {
				op = bytecode.Dec
			}
			c.emit(bytecode.Ldar, r)
			c.emit(op, c.slot(bytecode.SlotBinary))
			c.emit(bytecode.Star, r)
			return
		}
	}
	load, store := c.reference(e.X)
	load()
	op := bytecode.Inc
	if e.Op == js.PreDecrToken || e.Op == js.PostDecrToken {
		op = bytecode.Dec
	}
	if e.Op == js.PostIncrToken || e.Op == js.PostDecrToken {
		c.emit(bytecode.ToNumeric)
		old := fs.reg()
		c.emit(bytecode.Star, old)
		c.emit(op, c.slot(bytecode.SlotBinary))
		store()
		c.emit(bytecode.Ldar, old)
		return
	}
	c.emit(op, c.slot(bytecode.SlotBinary))
	store()
}

func isPrivate(v *js.Var) bool {
	return resolve(v).Decl == js.PrivateDecl || len(v.Data) > 0 && v.Data[0] == '#'
}

// privateBinding finds the binding of a private name, reporting its use
// outside the class that declares it.
func (c *compiler) privateBinding(v *js.Var) *binding {
	b := c.lookup(v)
	if b == nil {
		c.errorAt(v.Data, "Private field '%s' must be declared in an enclosing class", v.Data)
	}
	return b
}

// checkSuperProperty reports super.x outside methods.
func (c *compiler) checkSuperProperty() {
	fs := c.fs
	for fs.isArrow && fs.parent != nil {
		fs = fs.parent
	}
	switch fs.kind {
	case bytecode.Method, bytecode.Getter, bytecode.Setter, bytecode.BaseConstructor,
		bytecode.DerivedConstructor, bytecode.ClassFieldInit:
		return
	}
	c.errorf("'super' keyword unexpected here")
}

func isSuper(e js.IExpr) bool {
	l, ok := e.(*js.LiteralExpr)
	return ok && l.TokenType == js.SuperToken
}

func dotName(d *js.DotExpr) string {
	switch y := d.Y.(type) {
	case js.LiteralExpr:
		return identName(y.Data)
	case *js.LiteralExpr:
		return identName(y.Data)
	case *js.Var:
		return identName(y.Data)
	}
	return ""
}

func dotData(d *js.DotExpr) []byte {
	switch y := d.Y.(type) {
	case js.LiteralExpr:
		return y.Data
	case *js.LiteralExpr:
		return y.Data
	case *js.Var:
		return y.Data
	}
	return nil
}

// chain compiles member accesses and calls, with optional chaining: a
// nullish base of ?. makes the whole chain undefined.
func (c *compiler) chain(e js.IExpr) {
	fs := c.fs
	end := fs.b.NewLabel()
	used := false
	c.chainPart(e, end, &used, -1)
	if used {
		done := fs.b.NewLabel()
		c.emit(bytecode.Jump, int(done))
		fs.b.Bind(end)
		c.emit(bytecode.LdaUndefined)
		fs.b.Bind(done)
	}
}

// chainPart compiles one link of a chain. When thisReg >= 0 the object of
// a member access is also stored there (for a method call's receiver).
func (c *compiler) chainPart(e js.IExpr, end bytecode.LabelID, used *bool, thisReg int) {
	fs := c.fs
	optional := func(isOpt bool) {
		if isOpt {
			*used = true
			c.emit(bytecode.JumpIfUndefinedOrNull, int(end))
		}
	}
	switch e := e.(type) {
	case *js.DotExpr:
		if pv, ok := e.Y.(*js.Var); ok && isPrivate(pv) {
			c.chainPart(e.X, end, used, -1)
			optional(e.Optional)
			args := fs.regs(2)
			c.emit(bytecode.Star, args)
			if thisReg >= 0 {
				c.emit(bytecode.Star, thisReg)
			}
			c.loadBinding(c.privateBinding(pv))
			c.emit(bytecode.Star, args+1)
			c.emit(bytecode.CallRuntime, bytecode.RtPrivateGet, args, 2)
			return
		}
		if isSuper(e.X) {
			c.checkSuperProperty()
			this := fs.reg()
			c.loadThis()
			c.emit(bytecode.Star, this)
			if thisReg >= 0 {
				c.emit(bytecode.Star, thisReg)
			}
			c.loadString(dotName(e))
			c.emit(bytecode.GetSuperProperty, this)
			return
		}
		if r, ok := c.localReg(e.X); ok && thisReg < 0 && !e.Optional {
			// A local in a register needs no copy.
			c.pos(dotData(e))
			c.emit(bytecode.GetNamedProperty, r, c.name(dotName(e)), c.slot(bytecode.SlotLoad))
			return
		}
		c.chainPart(e.X, end, used, -1)
		optional(e.Optional)
		obj := thisReg
		if obj < 0 {
			obj = fs.reg()
		}
		c.emit(bytecode.Star, obj)
		c.pos(dotData(e))
		c.emit(bytecode.GetNamedProperty, obj, c.name(dotName(e)), c.slot(bytecode.SlotLoad))
	case *js.IndexExpr:
		if isSuper(e.X) {
			c.checkSuperProperty()
			this := fs.reg()
			c.loadThis()
			c.emit(bytecode.Star, this)
			if thisReg >= 0 {
				c.emit(bytecode.Star, thisReg)
			}
			c.expr(e.Y)
			c.emit(bytecode.GetSuperProperty, this)
			return
		}
		c.chainPart(e.X, end, used, -1)
		optional(e.Optional)
		obj := thisReg
		if obj < 0 {
			obj = fs.reg()
		}
		c.emit(bytecode.Star, obj)
		c.expr(e.Y)
		c.emit(bytecode.GetKeyedProperty, obj, c.slot(bytecode.SlotLoad))
	case *js.CallExpr:
		c.call(e, end, used)
	case *js.GroupExpr:
		// (a?.b).c: the group ends the inner chain.
		if thisReg >= 0 {
			if _, ok := e.X.(*js.DotExpr); ok {
				c.chainPart(e.X, end, used, thisReg)
				return
			}
			if _, ok := e.X.(*js.IndexExpr); ok {
				c.chainPart(e.X, end, used, thisReg)
				return
			}
		}
		c.expr(e.X)
	default:
		c.expr(e)
	}
}

// call compiles a call expression.
func (c *compiler) call(e *js.CallExpr, end bytecode.LabelID, used *bool) {
	fs := c.fs
	if isSuper(e.X) {
		c.superCall(&e.Args)
		return
	}
	if l, ok := e.X.(*js.LiteralExpr); ok && l.TokenType == js.ImportToken {
		c.importCall(e)
		return
	}
	if isDirectEval(e) && c.lookup(e.X.(*js.Var)) == nil && !e.Optional {
		c.directEval(e)
		return
	}
	callee := fs.reg()
	member := isMember(e.X)
	var recv int
	if v, ok := e.X.(*js.Var); ok && c.withsFor(v) != nil {
		// A function found in a with statement's object is called with
		// the object as this.
		member = true
		recv = fs.reg()
		c.loadVarWith(resolve(v), false, c.withsFor(v), recv)
	} else if member {
		recv = fs.reg()
		c.chainPart(e.X, end, used, recv)
	} else {
		c.chainPart(e.X, end, used, -1)
	}
	if member {
		fs.nextReg = recv + 1
	} else {
		fs.nextReg = callee + 1
	}
	c.emit(bytecode.Star, callee)
	if e.Optional {
		*used = true
		c.emit(bytecode.JumpIfUndefinedOrNull, int(end))
	}
	slot := c.slot(bytecode.SlotCall)
	fs.t.SlotNames[slot] = calleeName(e.X)
	pos := calleePos(e.X)
	if hasSpread(&e.Args) {
		if !member {
			recv = fs.reg()
			c.emit(bytecode.LdaUndefined)
			c.emit(bytecode.Star, recv)
		}
		arr := fs.reg()
		c.spreadArgs(&e.Args, arr)
		c.pos(pos)
		c.emit(bytecode.CallWithSpread, callee, recv, slot)
		return
	}
	n := len(e.Args.List)
	if member {
		first := fs.regs(n)
		if first != recv+1 {
			c.errorf("internal: argument registers not contiguous")
		}
		c.argsInto(&e.Args, first)
		c.pos(pos)
		c.emit(bytecode.CallProperty, callee, recv, n+1, slot)
		return
	}
	first := fs.regs(n)
	c.argsInto(&e.Args, first)
	c.pos(pos)
	c.emit(bytecode.CallUndefinedReceiver, callee, first, n, slot)
}

func isMember(e js.IExpr) bool {
	switch e := e.(type) {
	case *js.DotExpr, *js.IndexExpr:
		return true
	case *js.GroupExpr:
		return isMember(e.X)
	}
	return false
}

func calleeName(e js.IExpr) string {
	switch e := e.(type) {
	case *js.Var:
		return identName(e.Data)
	case *js.DotExpr:
		if x := calleeName(e.X); x != "" {
			return x + "." + dotName(e)
		}
		return dotName(e)
	case *js.LiteralExpr:
		if e.TokenType == js.ThisToken {
			return "this"
		}
	case *js.GroupExpr:
		return calleeName(e.X)
	}
	return ""
}

func calleePos(e js.IExpr) []byte {
	switch e := e.(type) {
	case *js.DotExpr:
		return dotData(e)
	case *js.LiteralExpr:
		return e.Data
	case *js.GroupExpr:
		return calleePos(e.X)
	case *js.Var:
		return nil
	case *js.IndexExpr:
		return calleePos(e.X)
	case *js.CallExpr:
		return calleePos(e.X)
	}
	return nil
}

func hasSpread(a *js.Args) bool {
	for _, x := range a.List {
		if x.Rest {
			return true
		}
	}
	return false
}

// argsInto evaluates arguments into consecutive registers from first.
func (c *compiler) argsInto(a *js.Args, first int) {
	for i, x := range a.List {
		c.expr(x.Value)
		c.emit(bytecode.Star, first+i)
	}
}

// spreadArgs builds an array of the arguments into register arr.
func (c *compiler) spreadArgs(a *js.Args, arr int) {
	fs := c.fs
	c.emit(bytecode.CreateArrayLiteral, arr, 0)
	c.emit(bytecode.Star, arr)
	pair := fs.regs(2)
	for _, x := range a.List {
		c.expr(x.Value)
		c.emit(bytecode.Star, pair+1)
		c.emit(bytecode.Mov, arr, pair)
		if x.Rest {
			c.emit(bytecode.CallRuntime, bytecode.RtSpreadInto, pair, 2)
		} else {
			c.emit(bytecode.CallRuntime, bytecode.RtAppendElement, pair, 2)
		}
	}
	fs.nextReg = pair
}

func (c *compiler) newExpr(e *js.NewExpr) {
	fs := c.fs
	callee := c.exprToReg(e.X)
	slot := c.slot(bytecode.SlotCall)
	fs.t.SlotNames[slot] = calleeName(e.X)
	var args js.Args
	if e.Args != nil {
		args = *e.Args
	}
	if hasSpread(&args) {
		arr := fs.reg()
		c.spreadArgs(&args, arr)
		c.emit(bytecode.Ldar, callee)
		c.emit(bytecode.ConstructWithSpread, callee, arr, slot)
		return
	}
	n := len(args.List)
	first := fs.regs(n)
	c.argsInto(&args, first)
	c.emit(bytecode.Ldar, callee)
	c.pos(calleePos(e.X))
	c.emit(bytecode.Construct, callee, first, n, slot)
}

// superCall compiles super(...) in a derived constructor.
func (c *compiler) superCall(a *js.Args) {
	fs := c.fs
	ctor := fs
	for ctor.isArrow && ctor.parent != nil {
		ctor = ctor.parent
	}
	if ctor.kind != bytecode.DerivedConstructor {
		c.errorf("'super' keyword unexpected here")
	}
	if ctor != fs {
		c.errorf("super() in arrow functions is not supported yet")
	}
	if hasSpread(a) {
		arr := fs.reg()
		c.spreadArgs(a, arr)
		c.emit(bytecode.CallRuntime, bytecode.RtSuperCallSpread, arr, 1)
	} else {
		n := len(a.List)
		first := fs.regs(n)
		c.argsInto(a, first)
		c.emit(bytecode.CallRuntime, bytecode.RtSuperCall, first, n)
	}
	if b := fs.thisB; b != nil && b.kind == bindCtx {
		c.storeBinding(b)
	}
}

// importCall compiles import(specifier[, options]) (ECMA-262 13.3.10):
// both operands are evaluated here, everything else happens in the
// runtime, whose failures reject the promise the call returns.
func (c *compiler) importCall(e *js.CallExpr) {
	fs := c.fs
	n := len(e.Args.List)
	if n == 0 || n > 2 {
		c.errorf("import() takes one or two arguments")
	}
	for _, a := range e.Args.List {
		if a.Rest {
			c.errorf("import() does not accept spread arguments")
		}
	}
	r := fs.regs(2)
	c.expr(e.Args.List[0].Value)
	c.emit(bytecode.Star, r)
	if n == 2 {
		c.expr(e.Args.List[1].Value)
	} else {
		c.emit(bytecode.LdaUndefined)
	}
	c.emit(bytecode.Star, r+1)
	c.emit(bytecode.CallRuntime, bytecode.RtDynamicImport, r, 2)
	fs.nextReg = r
}

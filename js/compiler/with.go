package compiler

import (
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// The with statement (ECMA-262 14.11) puts an object environment in front
// of the scope chain of its body. The object lives in a context slot so
// that functions created in the body see it too; each identifier that a
// with object could shadow first asks the objects between the use and its
// declaration, innermost first (RtWithHas), and otherwise goes to its
// binding as usual. Code outside with statements is compiled as before.

// withScope is a with statement whose body is being compiled.
type withScope struct {
	obj *binding
}

func (c *compiler) withStmt(s *js.WithStmt) {
	fs := c.fs
	if fs.strict {
		c.errorf("Strict mode code may not include a with statement")
	}
	mark := fs.nextReg
	obj, saved := fs.reg(), fs.reg()
	c.expr(s.Cond)
	c.emit(bytecode.ToObject)
	c.emit(bytecode.Star, obj)
	c.emit(bytecode.CreateBlockContext, 1)
	c.emit(bytecode.PushContext, saved)
	fs.ctxLevel++
	c.pushControl(&control{kind: ctlContext, ctxReg: saved})
	b := &binding{kind: bindCtx, slot: 0, level: fs.ctxLevel, fs: fs, name: "with"}
	c.emit(bytecode.Ldar, obj)
	c.storeBinding(b)
	c.withs = append(c.withs, &withScope{obj: b})
	c.stmt(s.Body)
	c.withs = c.withs[:len(c.withs)-1]
	c.emit(bytecode.PopContext, saved)
	fs.ctxLevel--
	c.popControl()
	fs.nextReg = mark
}

// withsFor returns the with statements that could shadow v's binding.
func (c *compiler) withsFor(v *js.Var) []*withScope {
	if len(c.withs) == 0 || c.noWith {
		return nil
	}
	d := 0
	if b := c.lookup(v); b != nil {
		d = b.withDepth
	}
	if d >= len(c.withs) {
		return nil
	}
	return c.withs[d:]
}

// withLookup tests the with objects ws for name, innermost first, and
// jumps to found with the object holding it in register args; args+1 is
// scratch.
func (c *compiler) withLookup(ws []*withScope, name string, args int, found bytecode.LabelID) {
	for i := len(ws) - 1; i >= 0; i-- {
		c.loadBinding(ws[i].obj)
		c.emit(bytecode.Star, args)
		c.loadString(name)
		c.emit(bytecode.Star, args+1)
		c.emit(bytecode.CallRuntime, bytecode.RtWithHas, args, 2)
		c.emit(bytecode.JumpIfTrue, int(found))
	}
}

// loadVarWith loads v where with objects may shadow it; when recv >= 0 it
// also sets recv to the this value of a call of v: the object, or
// undefined.
func (c *compiler) loadVarWith(v *js.Var, inTypeof bool, ws []*withScope, recv int) {
	fs := c.fs
	name := identName(v.Data)
	mark := fs.nextReg
	args := fs.regs(2)
	found, done := fs.b.NewLabel(), fs.b.NewLabel()
	c.withLookup(ws, name, args, found)
	if recv >= 0 {
		c.emit(bytecode.LdaUndefined)
		c.emit(bytecode.Star, recv)
	}
	c.noWith = true
	c.loadVar(v, inTypeof)
	c.noWith = false
	c.emit(bytecode.Jump, int(done))
	fs.b.Bind(found)
	if recv >= 0 {
		c.emit(bytecode.Mov, args, recv)
	}
	c.emit(bytecode.GetNamedProperty, args, c.name(name), c.slot(bytecode.SlotLoad))
	fs.b.Bind(done)
	fs.nextReg = mark
}

// storeVarWith assigns the accumulator to v where with objects may
// shadow it.
func (c *compiler) storeVarWith(v *js.Var, init bool, ws []*withScope) {
	fs := c.fs
	name := identName(v.Data)
	mark := fs.nextReg
	val := fs.reg()
	args := fs.regs(2)
	c.emit(bytecode.Star, val)
	found, done := fs.b.NewLabel(), fs.b.NewLabel()
	c.withLookup(ws, name, args, found)
	c.emit(bytecode.Ldar, val)
	c.noWith = true
	c.storeVar(v, init)
	c.noWith = false
	c.emit(bytecode.Jump, int(done))
	fs.b.Bind(found)
	c.withStrictCheck(args, name)
	c.emit(bytecode.Ldar, val)
	c.emit(bytecode.SetNamedProperty, args, c.name(name), c.slot(bytecode.SlotStore))
	fs.b.Bind(done)
	c.emit(bytecode.Ldar, val)
	fs.nextReg = mark
}

// deleteVarWith deletes v where with objects may shadow it.
func (c *compiler) deleteVarWith(v *js.Var, ws []*withScope) {
	fs := c.fs
	name := identName(v.Data)
	mark := fs.nextReg
	args := fs.regs(2)
	found, done := fs.b.NewLabel(), fs.b.NewLabel()
	c.withLookup(ws, name, args, found)
	c.noWith = true
	c.deleteExpr(v)
	c.noWith = false
	c.emit(bytecode.Jump, int(done))
	fs.b.Bind(found)
	c.loadString(name)
	c.emit(bytecode.DeletePropertySloppy, args)
	fs.b.Bind(done)
	fs.nextReg = mark
}

// withReference resolves v once for a read and a write (compound
// assignment, ++): ref holds the with object that has it, or undefined
// when it is v's usual binding.
func (c *compiler) withReference(v *js.Var, ws []*withScope) (load, store func()) {
	fs := c.fs
	v = resolve(v)
	name := identName(v.Data)
	ref := fs.reg()
	args := fs.regs(2)
	found, done := fs.b.NewLabel(), fs.b.NewLabel()
	c.withLookup(ws, name, args, found)
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Star, ref)
	c.emit(bytecode.Jump, int(done))
	fs.b.Bind(found)
	c.emit(bytecode.Mov, args, ref)
	fs.b.Bind(done)
	load = func() {
		plain, end := fs.b.NewLabel(), fs.b.NewLabel()
		c.emit(bytecode.Ldar, ref)
		c.emit(bytecode.JumpIfUndefinedOrNull, int(plain))
		c.emit(bytecode.GetNamedProperty, ref, c.name(name), c.slot(bytecode.SlotLoad))
		c.emit(bytecode.Jump, int(end))
		fs.b.Bind(plain)
		c.noWith = true
		c.loadVar(v, false)
		c.noWith = false
		fs.b.Bind(end)
	}
	store = func() {
		val := fs.reg()
		plain, end := fs.b.NewLabel(), fs.b.NewLabel()
		c.emit(bytecode.Star, val)
		c.emit(bytecode.Ldar, ref)
		c.emit(bytecode.JumpIfUndefinedOrNull, int(plain))
		if c.fs.strict {
			c.emit(bytecode.Mov, ref, args)
			c.withStrictCheck(args, name)
		}
		c.emit(bytecode.Ldar, val)
		c.emit(bytecode.SetNamedProperty, ref, c.name(name), c.slot(bytecode.SlotStore))
		c.emit(bytecode.Jump, int(end))
		fs.b.Bind(plain)
		c.emit(bytecode.Ldar, val)
		c.noWith = true
		c.storeVar(v, false)
		c.noWith = false
		fs.b.Bind(end)
		c.emit(bytecode.Ldar, val)
	}
	return load, store
}

// withStrictCheck: strict code may not write a binding that the with
// object (in register args; args+1 is scratch) no longer has (ECMA-262
// 9.1.1.2.5 SetMutableBinding).
func (c *compiler) withStrictCheck(args int, name string) {
	if !c.fs.strict {
		return
	}
	c.loadString(name)
	c.emit(bytecode.Star, args+1)
	c.emit(bytecode.CallRuntime, bytecode.RtWithStrictCheck, args, 2)
}

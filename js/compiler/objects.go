package compiler

import (
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// objectLiteral compiles {...}.
func (c *compiler) objectLiteral(e *js.ObjectExpr) {
	fs := c.fs
	obj := fs.reg()
	c.emit(bytecode.CreateObjectLiteral)
	c.emit(bytecode.Star, obj)
	for _, p := range e.List {
		mark := fs.nextReg
		switch {
		case p.Spread:
			pair := fs.regs(2)
			c.expr(p.Value)
			c.emit(bytecode.Star, pair+1)
			c.emit(bytecode.Mov, obj, pair)
			c.emit(bytecode.CallRuntime, bytecode.RtCopyDataProperties, pair, 2)
		case isMethod(p.Value):
			c.defineMethod(obj, p.Value.(*js.MethodDecl), true)
		case p.Name == nil:
			v, ok := p.Value.(*js.Var)
			if !ok || p.Init != nil {
				c.errorf("Invalid shorthand property initializer")
			}
			c.loadVar(v, false)
			c.emit(bytecode.DefineNamedOwnProperty, obj, c.name(identName(v.Data)), c.slot(bytecode.SlotStore))
		case p.Init != nil:
			// CoverInitializedName outside a pattern (ECMA-262 13.2.5.1).
			c.errorf("Invalid shorthand property initializer")
		default:
			if m, ok := p.Value.(*js.MethodDecl); ok {
				c.defineMethod(obj, m, true)
				break
			}
			if p.Name.IsComputed() {
				key := fs.reg()
				c.expr(p.Name.Computed)
				c.emit(bytecode.ToName)
				c.emit(bytecode.Star, key)
				c.expr(p.Value)
				flags := 0
				if isAnonymousFunction(p.Value) {
					flags = 1
				}
				c.emit(bytecode.DefineKeyedOwnProperty, obj, key, flags)
				break
			}
			name := c.propertyKeyName(p.Name)
			c.namedExpr(p.Value, name)
			if name == "__proto__" {
				c.emit(bytecode.SetNamedProperty, obj, c.name(name), c.slot(bytecode.SlotStore))
				break
			}
			c.emit(bytecode.DefineNamedOwnProperty, obj, c.name(name), c.slot(bytecode.SlotStore))
		}
		fs.nextReg = mark
	}
	c.emit(bytecode.Ldar, obj)
}

func isMethod(e js.IExpr) bool {
	_, ok := e.(*js.MethodDecl)
	return ok
}

func isAnonymousFunction(e js.IExpr) bool {
	switch f := e.(type) {
	case *js.FuncDecl:
		return f.Name == nil
	case *js.ArrowFunc:
		return true
	case *js.ClassDecl:
		return f.Name == nil
	case *js.GroupExpr:
		return isAnonymousFunction(f.X)
	}
	return false
}

// defineMethod creates a method, getter or setter and defines it on the
// object in register obj.
func (c *compiler) defineMethod(obj int, m *js.MethodDecl, enumerable bool) {
	fs := c.fs
	args := fs.regs(4)
	c.emit(bytecode.Mov, obj, args)
	name := ""
	if m.Name.IsComputed() {
		c.expr(m.Name.Computed)
		c.emit(bytecode.ToName)
	} else if m.Name.Private != nil {
		c.loadBinding(c.lookup(m.Name.Private))
	} else {
		name = c.propertyKeyName(&m.Name.PropertyName)
		c.loadString(name)
	}
	c.emit(bytecode.Star, args+1)
	c.method(m, name, bytecode.Method)
	c.emit(bytecode.Star, args+2)
	if enumerable {
		c.emit(bytecode.LdaTrue)
	} else {
		c.emit(bytecode.LdaFalse)
	}
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

// arrayLiteral compiles [...].
func (c *compiler) arrayLiteral(e *js.ArrayExpr) {
	fs := c.fs
	spread := false
	for _, el := range e.List {
		if el.Spread {
			spread = true
		}
	}
	n := len(e.List)
	if !spread && n <= 64 {
		first := fs.regs(n)
		for i, el := range e.List {
			if el.Value == nil {
				c.emit(bytecode.LdaTheHole)
			} else {
				c.expr(el.Value)
			}
			c.emit(bytecode.Star, first+i)
		}
		c.emit(bytecode.CreateArrayLiteral, first, n)
		return
	}
	arr := fs.reg()
	c.emit(bytecode.CreateArrayLiteral, arr, 0)
	c.emit(bytecode.Star, arr)
	pair := fs.regs(2)
	for _, el := range e.List {
		if el.Value == nil {
			c.emit(bytecode.Mov, arr, pair)
			c.loadNumber(1)
			c.emit(bytecode.Star, pair+1)
			c.emit(bytecode.CallRuntime, bytecode.RtArraySetLength, pair, 2)
			continue
		}
		c.expr(el.Value)
		c.emit(bytecode.Star, pair+1)
		c.emit(bytecode.Mov, arr, pair)
		if el.Spread {
			c.emit(bytecode.CallRuntime, bytecode.RtSpreadInto, pair, 2)
		} else {
			c.emit(bytecode.CallRuntime, bytecode.RtAppendElement, pair, 2)
		}
	}
	c.emit(bytecode.Ldar, arr)
}

// bindPattern binds the accumulator to a declaration's binding pattern.
func (c *compiler) bindPattern(b js.IBinding, lexical, constant bool) {
	fs := c.fs
	switch b := b.(type) {
	case *js.Var:
		if fs.strict {
			if n := identName(b.Data); n == "eval" || n == "arguments" {
				c.errorAt(b.Data, "Unexpected eval or arguments in strict mode")
			}
		}
		c.storeVar(b, true)
		if constant {
			if bd := c.lookup(b); bd != nil {
				bd.constant = true
				if bd.kind == bindGlobalLex {
					bd.constant = true
				}
			}
		}
	case *js.BindingArray:
		mark := fs.nextReg
		iter := fs.reg()
		c.emit(bytecode.GetIterator, 0)
		c.emit(bytecode.Star, iter)
		for _, el := range b.List {
			c.emit(bytecode.IteratorNext, iter)
			got := fs.b.NewLabel()
			c.emit(bytecode.JumpIfNotHole, int(got))
			c.emit(bytecode.LdaUndefined)
			fs.b.Bind(got)
			if el.Binding == nil {
				continue
			}
			c.defaultValue(el.Default, el.Binding)
			c.bindPattern(el.Binding, lexical, constant)
		}
		for range c.trailingElisions(b) {
			c.emit(bytecode.IteratorNext, iter)
		}
		if b.Rest != nil {
			c.emit(bytecode.CallRuntime, bytecode.RtIterableToArray, iter, 1)
			c.bindPattern(b.Rest, lexical, constant)
		} else {
			c.emit(bytecode.IteratorClose, iter)
		}
		fs.nextReg = mark
	case *js.BindingObject:
		mark := fs.nextReg
		obj := fs.reg()
		c.emit(bytecode.Star, obj)
		c.requireObjectCoercible()
		var keys []int
		for _, item := range b.List {
			key := -1
			if item.Key == nil {
				v, ok := item.Value.Binding.(*js.Var)
				if !ok {
					c.errorf("Invalid destructuring target")
				}
				name := identName(v.Data)
				c.emit(bytecode.GetNamedProperty, obj, c.name(name), c.slot(bytecode.SlotLoad))
				if b.Rest != nil {
					key = fs.reg()
					keys = append(keys, key)
				}
				if key >= 0 {
					r := fs.reg()
					c.emit(bytecode.Star, r)
					c.loadString(name)
					c.emit(bytecode.Star, key)
					c.emit(bytecode.Ldar, r)
				}
			} else if item.Key.IsComputed() {
				key = fs.reg()
				keys = append(keys, key)
				c.expr(item.Key.Computed)
				c.emit(bytecode.ToName)
				c.emit(bytecode.Star, key)
				c.emit(bytecode.GetKeyedProperty, obj, c.slot(bytecode.SlotLoad))
			} else {
				name := c.propertyKeyName(item.Key)
				if b.Rest != nil {
					key = fs.reg()
					keys = append(keys, key)
					c.loadString(name)
					c.emit(bytecode.Star, key)
				}
				c.emit(bytecode.GetNamedProperty, obj, c.name(name), c.slot(bytecode.SlotLoad))
			}
			c.defaultValue(item.Value.Default, item.Value.Binding)
			c.bindPattern(item.Value.Binding, lexical, constant)
		}
		if b.Rest != nil {
			args := fs.regs(len(keys) + 1)
			c.emit(bytecode.Mov, obj, args)
			for i, k := range keys {
				c.emit(bytecode.Mov, k, args+1+i)
			}
			c.emit(bytecode.CallRuntime, bytecode.RtObjectRest, args, len(keys)+1)
			c.bindPattern(b.Rest, lexical, constant)
		}
		fs.nextReg = mark
	default:
		c.errorf("unsupported binding %T", b)
	}
}

// requireObjectCoercible throws a TypeError when the accumulator is
// undefined or null, keeping it otherwise.
func (c *compiler) requireObjectCoercible() {
	fs := c.fs
	ok := fs.b.NewLabel()
	c.emit(bytecode.JumpIfNotUndefinedOrNull, int(ok))
	r := fs.reg()
	c.loadString("Cannot destructure 'undefined' or 'null'.")
	c.emit(bytecode.Star, r)
	c.emit(bytecode.CallRuntime, bytecode.RtThrowTypeError, r, 1)
	fs.b.Bind(ok)
	fs.nextReg--
}

// defaultValue replaces an undefined accumulator with def's value.
func (c *compiler) defaultValue(def js.IExpr, target any) {
	if def == nil {
		return
	}
	fs := c.fs
	skip := fs.b.NewLabel()
	c.emit(bytecode.JumpIfNotUndefinedOrNull, int(skip))
	// null must not take the default.
	isNull := fs.b.NewLabel()
	c.emit(bytecode.JumpIfNull, int(isNull))
	name := ""
	if v, ok := target.(*js.Var); ok {
		name = identName(v.Data)
	}
	c.namedExpr(def, name)
	fs.b.Bind(isNull)
	fs.b.Bind(skip)
}

// assignTo assigns the accumulator to an assignment target, which may be
// a destructuring pattern written as an array or object literal.
func (c *compiler) assignTo(target js.IExpr) {
	fs := c.fs
	switch t := target.(type) {
	case *js.Var:
		c.checkAssignable(t)
		c.storeVar(t, false)
	case *js.GroupExpr:
		c.checkParenthesizedTarget(t, "Invalid destructuring assignment target")
		c.assignTo(t.X)
	case *js.DotExpr, *js.IndexExpr:
		c.checkNotOptionalChain(t, "Invalid destructuring assignment target")
		val := fs.reg()
		c.emit(bytecode.Star, val)
		_, store := c.reference(t)
		c.emit(bytecode.Ldar, val)
		store()
		fs.nextReg = val
	case *js.VarDecl:
		c.bindPattern(t.List[0].Binding, t.TokenType != js.VarToken, t.TokenType == js.ConstToken)
	case *js.ArrayExpr:
		mark := fs.nextReg
		iter := fs.reg()
		c.emit(bytecode.GetIterator, 0)
		c.emit(bytecode.Star, iter)
		closed := false
		for i, el := range t.List {
			if el.Spread {
				c.checkRestTarget(el.Value, i == len(t.List)-1, false)
				c.emit(bytecode.CallRuntime, bytecode.RtIterableToArray, iter, 1)
				c.assignTo(el.Value)
				closed = true
				continue
			}
			c.emit(bytecode.IteratorNext, iter)
			got := fs.b.NewLabel()
			c.emit(bytecode.JumpIfNotHole, int(got))
			c.emit(bytecode.LdaUndefined)
			fs.b.Bind(got)
			if el.Value == nil {
				continue
			}
			target := el.Value
			if be, ok := target.(*js.BinaryExpr); ok && be.Op == js.EqToken {
				c.defaultValue(be.Y, be.X)
				target = be.X
			}
			c.assignTo(target)
		}
		if !closed {
			c.emit(bytecode.IteratorClose, iter)
		}
		fs.nextReg = mark
	case *js.ObjectExpr:
		mark := fs.nextReg
		obj := fs.reg()
		c.emit(bytecode.Star, obj)
		c.requireObjectCoercible()
		var keys []int
		for i, p := range t.List {
			if p.Spread {
				c.checkRestTarget(p.Value, i == len(t.List)-1, true)
				args := fs.regs(len(keys) + 1)
				c.emit(bytecode.Mov, obj, args)
				for i, k := range keys {
					c.emit(bytecode.Mov, k, args+1+i)
				}
				c.emit(bytecode.CallRuntime, bytecode.RtObjectRest, args, len(keys)+1)
				c.assignTo(p.Value)
				continue
			}
			var target js.IExpr = p.Value
			var def js.IExpr = p.Init
			if p.Name == nil || isMethod(p.Value) {
				// A method definition is no AssignmentProperty.
				c.errorf("Invalid destructuring assignment target")
			}
			key := fs.reg()
			keys = append(keys, key)
			if p.Name.IsComputed() {
				c.expr(p.Name.Computed)
				c.emit(bytecode.ToName)
			} else {
				c.loadString(c.propertyKeyName(p.Name))
			}
			c.emit(bytecode.Star, key)
			c.emit(bytecode.GetKeyedProperty, obj, c.slot(bytecode.SlotLoad))
			if be, ok := target.(*js.BinaryExpr); ok && be.Op == js.EqToken {
				target, def = be.X, be.Y
			}
			c.defaultValue(def, target)
			c.assignTo(target)
		}
		fs.nextReg = mark
	default:
		c.errorf("Invalid destructuring assignment target")
	}
}

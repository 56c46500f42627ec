package vm

import (
	"encoding/binary"
	"math"

	"glassbox/js/bytecode"
)

// run executes frames starting with entry until entry returns (or, for a
// generator, suspends). JavaScript calls push frames on it.frames instead
// of recursing; only Go built-ins calling back into JavaScript re-enter.
func (it *Interp) run(entry *frame) (Value, error) {
	if len(it.frames) >= MaxFrames {
		return Undefined, it.rangeError("Maximum call stack size exceeded")
	}
	it.frames = append(it.frames, entry)
	fr := entry
	code := fr.tmpl.Code
	regs := fr.regs
	acc := fr.acc
	pc := fr.pc
	var err error

	for {
		if err != nil {
			fr.pc = pc
			v, done, e := it.unwind(entry, err)
			if done {
				return v, e
			}
			err = nil
			fr = it.frames[len(it.frames)-1]
			code, regs, acc, pc = fr.tmpl.Code, fr.regs, fr.acc, fr.pc
			acc = v
			continue
		}
		fr.pc = pc
		op := bytecode.Op(code[pc])
		switch op {
		case bytecode.LdaZero:
			acc = Value{kind: KindNumber}
			pc++
		case bytecode.LdaSmi:
			acc = Num(float64(rd32(code, pc+1)))
			pc += 5
		case bytecode.LdaUndefined:
			acc = Undefined
			pc++
		case bytecode.LdaNull:
			acc = Null
			pc++
		case bytecode.LdaTrue:
			acc = True
			pc++
		case bytecode.LdaFalse:
			acc = False
			pc++
		case bytecode.LdaTheHole:
			acc = Hole
			pc++
		case bytecode.LdaConstant:
			acc = fr.data.consts[rd16(code, pc+1)]
			pc += 3
		case bytecode.Ldar:
			acc = regs[rd16(code, pc+1)]
			pc += 3
		case bytecode.Star:
			regs[rd16(code, pc+1)] = acc
			pc += 3
		case bytecode.Mov:
			regs[rd16(code, pc+3)] = regs[rd16(code, pc+1)]
			pc += 5

		case bytecode.LdaGlobal, bytecode.LdaGlobalInsideTypeof:
			acc, err = it.loadGlobal(fr, rd16(code, pc+1), rd16(code, pc+3), op == bytecode.LdaGlobalInsideTypeof)
			pc += 5
		case bytecode.StaGlobal:
			err = it.storeGlobal(fr, rd16(code, pc+1), rd16(code, pc+3), acc)
			pc += 5
		case bytecode.LdaContextSlot:
			c := fr.ctx
			for d := rd16(code, pc+1); d > 0; d-- {
				c = c.parent
			}
			acc = c.slots[rd16(code, pc+3)]
			pc += 5
		case bytecode.LdaModuleVariable:
			c := fr.ctx
			for d := rd16(code, pc+1); d > 0; d-- {
				c = c.parent
			}
			acc = loadImport(c.slots[rd16(code, pc+3)])
			pc += 5
		case bytecode.StaContextSlot:
			c := fr.ctx
			for d := rd16(code, pc+1); d > 0; d-- {
				c = c.parent
			}
			c.slots[rd16(code, pc+3)] = acc
			pc += 5
		case bytecode.CreateBlockContext:
			acc = ctxValue(&Context{parent: fr.ctx, slots: make([]Value, rd16(code, pc+1))})
			pc += 3
		case bytecode.PushContext:
			regs[rd16(code, pc+1)] = ctxValue(fr.ctx)
			fr.ctx = acc.context()
			pc += 3
		case bytecode.PopContext:
			fr.ctx = regs[rd16(code, pc+1)].context()
			pc += 3
		case bytecode.StoreContext:
			regs[rd16(code, pc+1)] = ctxValue(fr.ctx)
			pc += 3
		case bytecode.ThrowReferenceErrorIfHole:
			if acc.kind == KindHole {
				err = it.referenceError("Cannot access '" + fr.data.keys[rd16(code, pc+1)].s + "' before initialization")
			}
			pc += 3
		case bytecode.ThrowConstAssignError:
			err = it.typeError("Assignment to constant variable.")
			pc += 3
		case bytecode.ThrowSuperNotCalledIfHole:
			if acc.kind == KindHole {
				err = it.referenceError("Must call super constructor in derived class before accessing 'this' or returning from derived constructor")
			}
			pc++
		case bytecode.ThrowSuperAlreadyCalledIfNotHole:
			if acc.kind != KindHole {
				err = it.referenceError("Super constructor may only be called once")
			}
			pc++

		case bytecode.Add:
			l := regs[rd16(code, pc+1)]
			if l.kind == KindNumber && acc.kind == KindNumber {
				acc = Num(l.num + acc.num)
			} else if l.kind == KindString && acc.kind == KindString {
				var r *String
				if r, err = it.concat(l.Strv(), acc.Strv()); err == nil {
					acc = StrValue(r)
				}
			} else {
				fr.data.ics[rd16(code, pc+3)].Seen |= 8
				acc, err = it.addSlow(l, acc)
			}
			pc += 5
		case bytecode.Sub, bytecode.Mul, bytecode.Div, bytecode.Mod, bytecode.Exp,
			bytecode.BitwiseOr, bytecode.BitwiseXor, bytecode.BitwiseAnd,
			bytecode.ShiftLeft, bytecode.ShiftRight, bytecode.ShiftRightLogical:
			l := regs[rd16(code, pc+1)]
			if l.kind == KindNumber && acc.kind == KindNumber {
				acc = Num(numberOp(op, l.num, acc.num))
			} else {
				fr.data.ics[rd16(code, pc+3)].Seen |= 8
				acc, err = it.arithSlow(op, l, acc)
			}
			pc += 5
		case bytecode.Inc, bytecode.Dec, bytecode.Negate, bytecode.BitwiseNot:
			if acc.kind == KindNumber {
				switch op {
				case bytecode.Inc:
					acc.num++
				case bytecode.Dec:
					acc.num--
				case bytecode.Negate:
					acc.num = -acc.num
				default:
					acc.num = float64(^ToInt32(acc.num))
				}
			} else {
				acc, err = it.unarySlow(op, acc)
			}
			pc += 3
		case bytecode.ToNumeric:
			if acc.kind != KindNumber {
				acc, err = it.toNumeric(acc)
			}
			pc++
		case bytecode.ToNumber:
			if acc.kind != KindNumber {
				var f float64
				f, err = it.ToNumber(acc)
				acc = Num(f)
			}
			pc++
		case bytecode.ToString:
			if acc.kind != KindString {
				var s *String
				s, err = it.ToString(acc)
				if err == nil {
					acc = StrValue(s)
				}
			}
			pc++
		case bytecode.ToName:
			var k PropKey
			k, err = it.toPropertyKey(acc)
			acc = k.Value()
			pc++
		case bytecode.ToObject:
			var o *Object
			o, err = it.ToObject(acc)
			acc = ObjValue(o)
			pc++
		case bytecode.LogicalNot:
			acc = Bool(acc.num == 0)
			pc++
		case bytecode.ToBooleanLogicalNot:
			acc = Bool(!ToBoolean(acc))
			pc++
		case bytecode.TypeOf:
			acc = Str(TypeOf(acc))
			pc++
		case bytecode.DeletePropertyStrict, bytecode.DeletePropertySloppy:
			var k PropKey
			k, err = it.toPropertyKey(acc)
			if err == nil {
				var ok bool
				ok, err = it.deleteProperty(regs[rd16(code, pc+1)], k, op == bytecode.DeletePropertyStrict)
				acc = Bool(ok)
			}
			pc += 3

		case bytecode.TestEqualStrict:
			acc = Bool(StrictEquals(regs[rd16(code, pc+1)], acc))
			pc += 5
		case bytecode.TestEqual:
			var b bool
			b, err = it.LooseEquals(regs[rd16(code, pc+1)], acc)
			acc = Bool(b)
			pc += 5
		case bytecode.TestLessThan, bytecode.TestGreaterThan, bytecode.TestLessThanOrEqual, bytecode.TestGreaterThanOrEqual:
			l := regs[rd16(code, pc+1)]
			if l.kind == KindNumber && acc.kind == KindNumber {
				switch op {
				case bytecode.TestLessThan:
					acc = Bool(l.num < acc.num)
				case bytecode.TestGreaterThan:
					acc = Bool(l.num > acc.num)
				case bytecode.TestLessThanOrEqual:
					acc = Bool(l.num <= acc.num)
				default:
					acc = Bool(l.num >= acc.num)
				}
			} else {
				acc, err = it.compareSlow(op, l, acc)
			}
			pc += 5
		case bytecode.TestInstanceOf:
			var b bool
			b, err = it.instanceOf(regs[rd16(code, pc+1)], acc)
			acc = Bool(b)
			pc += 5
		case bytecode.TestIn:
			var b bool
			b, err = it.hasIn(regs[rd16(code, pc+1)], acc)
			acc = Bool(b)
			pc += 5
		case bytecode.TestUndefinedOrNull:
			acc = Bool(acc.IsNullish())
			pc++

		case bytecode.GetNamedProperty:
			obj := regs[rd16(code, pc+1)]
			ic := &fr.data.ics[rd16(code, pc+5)]
			if o := obj.Obj(); o != nil {
				// Monomorphic own-property hit, inline.
				if e := &ic.entries[0]; e.shape == o.shape && e.holder == nil {
					acc = o.slots[e.slot]
					pc += 7
					break
				}
				if v, ok := ic.load(o); ok {
					acc = v
					pc += 7
					break
				}
				k := fr.data.keys[rd16(code, pc+3)]
				if o.class == ClassTypedArray && k == keyLength {
					if v, ok := it.typedLength(o); ok {
						acc = v
						pc += 7
						break
					}
				}
				acc, err = it.get(o, k, obj)
				if err == nil {
					ic.recordLoad(o, k)
				}
			} else {
				acc, err = it.getV(obj, fr.data.keys[rd16(code, pc+3)])
			}
			pc += 7
		case bytecode.SetNamedProperty:
			obj := regs[rd16(code, pc+1)]
			ic := &fr.data.ics[rd16(code, pc+5)]
			if o := obj.Obj(); o != nil {
				if ic.store(o, acc) {
					pc += 7
					break
				}
				k := fr.data.keys[rd16(code, pc+3)]
				before := o.shape
				err = it.set(o, k, acc, obj, fr.tmpl.Strict())
				if err == nil {
					ic.recordStore(o, before, k)
				}
			} else {
				err = it.setV(obj, fr.data.keys[rd16(code, pc+3)], acc, fr.tmpl.Strict())
			}
			pc += 7
		case bytecode.DefineNamedOwnProperty:
			o := regs[rd16(code, pc+1)].Obj()
			ic := &fr.data.ics[rd16(code, pc+5)]
			if !ic.store(o, acc) {
				k := fr.data.keys[rd16(code, pc+3)]
				before := o.shape
				o.defineOwn(k, acc, Default)
				ic.recordStore(o, before, k)
			}
			pc += 7
		case bytecode.GetKeyedProperty:
			obj := regs[rd16(code, pc+1)]
			if o := obj.Obj(); o != nil && acc.kind == KindNumber {
				if i := int(acc.num); float64(i) == acc.num && i >= 0 && i < len(o.elems) {
					if v := o.elems[i]; v.kind != KindHole {
						acc = v
						pc += 5
						break
					}
				} else if o.class == ClassTypedArray {
					acc = o.internal.(*typedArray).getNumber(acc.num)
					pc += 5
					break
				}
			}
			acc, err = it.getKeyed(obj, acc)
			pc += 5
		case bytecode.SetKeyedProperty:
			obj := regs[rd16(code, pc+1)]
			key := regs[rd16(code, pc+3)]
			if o := obj.Obj(); o != nil && key.kind == KindNumber && o.flags&flagSlowElements == 0 {
				if i := int(key.num); float64(i) == key.num && i >= 0 && i < len(o.elems) && o.elems[i].kind != KindHole {
					o.elems[i] = acc
					pc += 7
					break
				}
			}
			if o := obj.Obj(); o != nil && key.kind == KindNumber && o.class == ClassTypedArray && o.internal.(*typedArray).setNumber(key.num, acc) {
				pc += 7
				break
			}
			err = it.setKeyed(obj, key, acc, fr.tmpl.Strict())
			pc += 7
		case bytecode.DefineKeyedOwnProperty:
			o := regs[rd16(code, pc+1)].Obj()
			var k PropKey
			k, err = it.toPropertyKey(regs[rd16(code, pc+3)])
			if err == nil {
				if rd16(code, pc+5)&1 != 0 {
					setFunctionNameFromKey(acc.Obj(), k, "")
				}
				err = it.createDataProperty(o, k, acc)
			}
			pc += 7
		case bytecode.GetSuperProperty:
			acc, err = it.superGet(fr, regs[rd16(code, pc+1)], acc)
			pc += 3
		case bytecode.SetSuperProperty:
			err = it.superSet(fr, regs[rd16(code, pc+1)], regs[rd16(code, pc+3)], acc)
			pc += 5

		case bytecode.CallProperty, bytecode.CallUndefinedReceiver, bytecode.Construct:
			callee := regs[rd16(code, pc+1)]
			first, n, slot := rd16(code, pc+3), rd16(code, pc+5), rd16(code, pc+7)
			var this Value
			var args []Value
			if op == bytecode.CallProperty {
				this, args = regs[first], regs[first+1:first+n]
			} else {
				args = regs[first : first+n]
			}
			pc += 9
			fr.pc = pc
			if it.interrupt.Load() {
				err = &Interrupted{}
				break
			}
			ic := &fr.data.ics[slot]
			o := callee.Obj()
			if op == bytecode.Construct {
				var nt *Object
				if acc.kind == KindObject {
					nt = acc.Obj()
				}
				if o == nil || !o.IsConstructor() {
					err = it.typeError(slotName(fr, slot, callee) + " is not a constructor")
					break
				}
				noteCall(ic, o)
				if f := o.fn; f.tmpl != nil && f.boundTarget == nil {
					var nf *frame
					nf, err = it.constructFrame(o, f, args, nt)
					if err != nil {
						break
					}
					if len(it.frames) >= MaxFrames {
						err = it.rangeError("Maximum call stack size exceeded")
						break
					}
					it.frames = append(it.frames, nf)
					fr = nf
					code, regs, acc, pc = fr.tmpl.Code, fr.regs, Undefined, 0
					break
				}
				acc, err = it.Construct(callee, append([]Value(nil), args...), nt)
				break
			}
			if o == nil || o.fn == nil {
				err = it.typeError(slotName(fr, slot, callee) + " is not a function")
				break
			}
			noteCall(ic, o)
			f := o.fn
			if f.tmpl != nil && !f.isClass && f.tmpl.Flags&(bytecode.FlagGenerator|bytecode.FlagAsync) == 0 && f.boundTarget == nil {
				if len(it.frames) >= MaxFrames {
					err = it.rangeError("Maximum call stack size exceeded")
					break
				}
				nf := it.newFrame(o, f, this, args, nil)
				it.frames = append(it.frames, nf)
				fr = nf
				code, regs, acc, pc = fr.tmpl.Code, fr.regs, Undefined, 0
				break
			}
			acc, err = it.callObject(o, this, append([]Value(nil), args...))
		case bytecode.CallWithSpread, bytecode.ConstructWithSpread:
			callee := regs[rd16(code, pc+1)]
			r := rd16(code, pc+3)
			pc += 7
			if op == bytecode.CallWithSpread {
				acc, err = it.Call(callee, regs[r], arrayValues(regs[r+1].Obj())...)
			} else {
				acc, err = it.Construct(callee, arrayValues(regs[r].Obj()), acc.Obj())
			}
		case bytecode.CallRuntime:
			id, first, n := rd16(code, pc+1), rd16(code, pc+3), rd16(code, pc+5)
			pc += 7
			acc, err = it.runtimeCall(fr, id, regs[first:first+n], acc)

		case bytecode.Jump:
			pc = rd32(code, pc+1)
		case bytecode.JumpLoop:
			pc = rd32(code, pc+1)
			if it.interrupt.Load() {
				err = &Interrupted{}
			}
		case bytecode.JumpIfTrue:
			if acc.kind == KindBool && acc.num != 0 {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfFalse:
			if acc.kind == KindBool && acc.num == 0 {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfToBooleanTrue:
			if ToBoolean(acc) {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfToBooleanFalse:
			if !ToBoolean(acc) {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNull:
			if acc.kind == KindNull {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfUndefined:
			if acc.kind == KindUndefined {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfUndefinedOrNull:
			if acc.kind <= KindNull {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNotUndefinedOrNull:
			if acc.kind > KindNull {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNotHole:
			if acc.kind != KindHole {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfHole:
			if acc.kind == KindHole {
				pc = rd32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.Return:
			result := acc
			if fr.construct && result.kind != KindObject {
				if fr.fn.derived && result.kind != KindUndefined {
					err = it.typeError("Derived constructors may only return object or undefined")
					pc++
					break
				}
				result = regs[0]
				if result.kind == KindHole {
					err = it.referenceError("Must call super constructor in derived class before accessing 'this' or returning from derived constructor")
					pc++
					break
				}
			}
			if fr.gen != nil {
				fr.gen.state = genDone
			}
			it.frames = it.frames[:len(it.frames)-1]
			if fr == entry {
				it.releaseFrame(fr)
				return result, nil
			}
			it.releaseFrame(fr)
			fr = it.frames[len(it.frames)-1]
			code, regs, acc, pc = fr.tmpl.Code, fr.regs, fr.acc, fr.pc
			acc = result
		case bytecode.Throw:
			err = it.Throw(acc)
			pc++
		case bytecode.ReThrow:
			if it.lastThrow != nil && StrictEquals(it.lastThrow.Value, acc) {
				err = it.lastThrow
			} else {
				err = it.Throw(acc)
			}
			pc++

		case bytecode.CreateClosure:
			acc = ObjValue(it.makeClosure(fr, fr.tmpl.Constants[rd16(code, pc+1)].(*bytecode.FunctionTemplate)))
			pc += 3
		case bytecode.CreateObjectLiteral:
			acc = ObjValue(NewObject(fr.realm.ObjectPrototype))
			pc++
		case bytecode.CreateRegExpLiteral:
			acc, err = it.regExpLiteral(fr, rd16(code, pc+1))
			pc += 3
		case bytecode.CreateArrayLiteral:
			first, n := rd16(code, pc+1), rd16(code, pc+3)
			a := fr.realm.newArray(n)
			copy(a.elems, regs[first:first+n])
			acc = ObjValue(a)
			pc += 5
		case bytecode.CreateMappedArguments, bytecode.CreateUnmappedArguments:
			acc = ObjValue(it.createArguments(fr, op == bytecode.CreateMappedArguments))
			pc++
		case bytecode.CreateRestParameter:
			var rest []Value
			if len(fr.args) > fr.tmpl.ParamCount {
				rest = fr.args[fr.tmpl.ParamCount:]
			}
			acc = ObjValue(fr.realm.arrayOf(append([]Value(nil), rest...)))
			pc++
		case bytecode.LdaNewTarget:
			acc = ObjValue(fr.newTarget)
			pc++
		case bytecode.LdaClosure:
			acc = ObjValue(fr.fnObj)
			pc++

		case bytecode.ForInPrepare:
			acc, err = it.forInPrepare(acc)
			pc++
		case bytecode.ForInNext:
			acc, err = it.forInNext(regs[rd16(code, pc+1)])
			pc += 3
		case bytecode.GetIterator:
			if k := rd16(code, pc+1); k == 2 {
				acc, err = it.getAsyncDelegate(acc)
			} else {
				acc, err = it.getIterator(acc, k == 1)
			}
			pc += 3
		case bytecode.IteratorNext:
			acc, err = it.iteratorStep(regs[rd16(code, pc+1)])
			pc += 3
		case bytecode.IteratorClose:
			err = it.iteratorClose(regs[rd16(code, pc+1)])
			pc += 3

		case bytecode.SuspendGenerator:
			fr.pc = pc + 3
			fr.acc = acc
			g := fr.gen
			switch rd16(code, pc+1) {
			case 0:
				g.state = genSuspendedYield
			case 1:
				g.state = genAwaiting
			default: // parameters bound, before the body
				g.state = genSuspendedStart
			}
			it.frames = it.frames[:len(it.frames)-1]
			// Generator frames are always entry frames: return to the
			// resume call in Go.
			return acc, nil
		case bytecode.ResumeGenerator:
			regs[rd16(code, pc+1)] = Int(int(fr.gen.mode))
			pc += 3
		case bytecode.Debugger:
			pc++
		default:
			err = &InternalError{Panic: "bad opcode " + op.String()}
		}
	}
}

// rd16 and rd32 decode operands. They are small enough to be inlined
// into the loop.
func rd16(code []byte, off int) int { return int(binary.LittleEndian.Uint16(code[off:])) }
func rd32(code []byte, off int) int { return int(int32(binary.LittleEndian.Uint32(code[off:]))) }

// unwind handles err thrown in the current frame: it finds a handler in
// the frames above entry (done = false, the frame state set up to continue
// with the exception in the returned value) or pops entry and reports the
// error to Go (done = true).
//
// Every frame's pc is then just past the instruction that threw: the
// current frame's because each instruction advances pc before the loop
// sees its error, the callers' because a call saves its return address.
// So the instruction that threw starts before pc, at pc-1 or earlier, and
// a handler covers it when pc-1 is in [Start, End). (Testing pc itself
// missed a call that ends a try block, as in try { f(); } catch {}.)
func (it *Interp) unwind(entry *frame, err error) (Value, bool, error) {
	ex, catchable := err.(*Exception)
	for {
		fr := it.frames[len(it.frames)-1]
		if catchable {
			at := fr.pc - 1
			for _, h := range fr.tmpl.Handlers {
				if at >= h.Start && at < h.End {
					fr.pc = h.Handler
					if h.Context >= 0 {
						fr.ctx = fr.regs[h.Context].context()
					}
					fr.acc = ex.Value
					it.rememberThrow(fr, ex)
					return ex.Value, false, nil
				}
			}
		}
		it.frames = it.frames[:len(it.frames)-1]
		if fr.gen != nil {
			fr.gen.state = genDone
		}
		if fr == entry {
			it.releaseFrame(fr)
			return Undefined, true, err
		}
		it.releaseFrame(fr)
	}
}

// rememberThrow keeps the stack of a caught exception so that a rethrow
// (finally, for-of cleanup) reports the original frames.
func (it *Interp) rememberThrow(fr *frame, ex *Exception) { it.lastThrow = ex }

func slotName(fr *frame, slot int, callee Value) string {
	if slot < len(fr.tmpl.SlotNames) && fr.tmpl.SlotNames[slot] != "" {
		return fr.tmpl.SlotNames[slot]
	}
	return describeForError(callee)
}

func noteCall(ic *IC, o *Object) {
	switch ic.State {
	case Uninitialized:
		ic.State, ic.Target = Monomorphic, o
	case Monomorphic:
		if ic.Target != o {
			ic.State, ic.Target = Megamorphic, nil
		}
	}
}

// numberOp computes a binary operator on two numbers.
func numberOp(op bytecode.Op, a, b float64) float64 {
	switch op {
	case bytecode.Add:
		return a + b
	case bytecode.Sub:
		return a - b
	case bytecode.Mul:
		return a * b
	case bytecode.Div:
		return a / b
	case bytecode.Mod:
		if ai, bi := int64(a), int64(b); float64(ai) == a && float64(bi) == b && bi > 0 && ai >= 0 {
			return float64(ai % bi)
		}
		return math.Mod(a, b)
	case bytecode.Exp:
		return pow(a, b)
	case bytecode.BitwiseOr:
		return float64(ToInt32(a) | ToInt32(b))
	case bytecode.BitwiseXor:
		return float64(ToInt32(a) ^ ToInt32(b))
	case bytecode.BitwiseAnd:
		return float64(ToInt32(a) & ToInt32(b))
	case bytecode.ShiftLeft:
		return float64(ToInt32(a) << (ToUint32(b) & 31))
	case bytecode.ShiftRight:
		return float64(ToInt32(a) >> (ToUint32(b) & 31))
	case bytecode.ShiftRightLogical:
		return float64(ToUint32(a) >> (ToUint32(b) & 31))
	}
	return math.NaN()
}

// pow is Number::exponentiate, which differs from math.Pow for |base| 1
// with an infinite or NaN exponent.
func pow(a, b float64) float64 {
	if math.IsNaN(b) {
		return math.NaN()
	}
	if (a == 1 || a == -1) && math.IsInf(b, 0) {
		return math.NaN()
	}
	return math.Pow(a, b)
}

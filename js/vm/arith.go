package vm

import (
	"math"
	"math/big"

	"glassbox/js/bytecode"
)

// addSlow is + for anything but two numbers or two strings.
func (it *Interp) addSlow(a, b Value) (Value, error) {
	pa, err := it.toPrimitive(a, "default")
	if err != nil {
		return Undefined, err
	}
	pb, err := it.toPrimitive(b, "default")
	if err != nil {
		return Undefined, err
	}
	if pa.kind == KindString || pb.kind == KindString {
		sa, err := it.ToString(pa)
		if err != nil {
			return Undefined, err
		}
		sb, err := it.ToString(pb)
		if err != nil {
			return Undefined, err
		}
		r, err := it.concat(sa, sb)
		if err != nil {
			return Undefined, err
		}
		return StrValue(r), nil
	}
	return it.arithSlow(bytecode.Add, pa, pb)
}

// arithSlow applies a numeric operator after ToNumeric on both sides.
func (it *Interp) arithSlow(op bytecode.Op, a, b Value) (Value, error) {
	na, err := it.toNumeric(a)
	if err != nil {
		return Undefined, err
	}
	nb, err := it.toNumeric(b)
	if err != nil {
		return Undefined, err
	}
	if na.kind == KindNumber && nb.kind == KindNumber {
		return Num(numberOp(op, na.num, nb.num)), nil
	}
	if na.kind != KindBigInt || nb.kind != KindBigInt {
		return Undefined, it.typeError("Cannot mix BigInt and other types, use explicit conversions")
	}
	x, y := na.Big(), nb.Big()
	z := new(big.Int)
	switch op {
	case bytecode.Add:
		z.Add(x, y)
	case bytecode.Sub:
		z.Sub(x, y)
	case bytecode.Mul:
		z.Mul(x, y)
	case bytecode.Div:
		if y.Sign() == 0 {
			return Undefined, it.rangeError("Division by zero")
		}
		z.Quo(x, y)
	case bytecode.Mod:
		if y.Sign() == 0 {
			return Undefined, it.rangeError("Division by zero")
		}
		z.Rem(x, y)
	case bytecode.Exp:
		if y.Sign() < 0 {
			return Undefined, it.rangeError("Exponent must be non-negative")
		}
		if y.BitLen() > 32 {
			return Undefined, it.rangeError("Maximum BigInt size exceeded")
		}
		z.Exp(x, y, nil)
	case bytecode.BitwiseAnd:
		z.And(x, y)
	case bytecode.BitwiseOr:
		z.Or(x, y)
	case bytecode.BitwiseXor:
		z.Xor(x, y)
	case bytecode.ShiftLeft, bytecode.ShiftRight:
		if !y.IsInt64() || y.Int64() > 1<<30 || y.Int64() < -(1<<30) {
			return Undefined, it.rangeError("Maximum BigInt size exceeded")
		}
		n := y.Int64()
		if op == bytecode.ShiftRight {
			n = -n
		}
		if n >= 0 {
			z.Lsh(x, uint(n))
		} else {
			z.Rsh(x, uint(-n))
		}
	default:
		return Undefined, it.typeError("BigInts have no unsigned right shift, use >> instead")
	}
	return BigIntValue(z), nil
}

// unarySlow is Inc, Dec, Negate and BitwiseNot after ToNumeric.
func (it *Interp) unarySlow(op bytecode.Op, v Value) (Value, error) {
	n, err := it.toNumeric(v)
	if err != nil {
		return Undefined, err
	}
	if n.kind == KindNumber {
		f := n.num
		switch op {
		case bytecode.Inc:
			f++
		case bytecode.Dec:
			f--
		case bytecode.Negate:
			f = -f
		default:
			f = float64(^ToInt32(f))
		}
		return Num(f), nil
	}
	x := n.Big()
	z := new(big.Int)
	switch op {
	case bytecode.Inc:
		z.Add(x, big.NewInt(1))
	case bytecode.Dec:
		z.Sub(x, big.NewInt(1))
	case bytecode.Negate:
		z.Neg(x)
	default:
		z.Not(x)
	}
	return BigIntValue(z), nil
}

// compareSlow is the relational operators on anything but two numbers.
func (it *Interp) compareSlow(op bytecode.Op, a, b Value) (Value, error) {
	// Both sides are converted in source order: left then right.
	pa, err := it.toPrimitive(a, "number")
	if err != nil {
		return Undefined, err
	}
	pb, err := it.toPrimitive(b, "number")
	if err != nil {
		return Undefined, err
	}
	var lt, undef bool
	switch op {
	case bytecode.TestLessThan:
		lt, undef, err = it.lessThan(pa, pb)
	case bytecode.TestGreaterThan:
		lt, undef, err = it.lessThan(pb, pa)
	case bytecode.TestLessThanOrEqual:
		lt, undef, err = it.lessThan(pb, pa)
		lt = !lt && !undef
		undef = false
	default:
		lt, undef, err = it.lessThan(pa, pb)
		lt = !lt && !undef
		undef = false
	}
	if err != nil {
		return Undefined, err
	}
	return Bool(lt && !undef), nil
}

// lessThan is IsLessThan on primitives; undef reports the undefined
// result (a NaN was involved).
func (it *Interp) lessThan(a, b Value) (lt, undef bool, err error) {
	if a.kind == KindString && b.kind == KindString {
		return a.Strv().Compare(b.Strv()) < 0, false, nil
	}
	if a.kind == KindBigInt && b.kind == KindString {
		y, ok := new(big.Int).SetString(b.Strv().String(), 10)
		if !ok {
			return false, true, nil
		}
		return a.Big().Cmp(y) < 0, false, nil
	}
	if a.kind == KindString && b.kind == KindBigInt {
		x, ok := new(big.Int).SetString(a.Strv().String(), 10)
		if !ok {
			return false, true, nil
		}
		return x.Cmp(b.Big()) < 0, false, nil
	}
	na, err := it.toNumeric(a)
	if err != nil {
		return false, false, err
	}
	nb, err := it.toNumeric(b)
	if err != nil {
		return false, false, err
	}
	if na.kind == KindNumber && nb.kind == KindNumber {
		if math.IsNaN(na.num) || math.IsNaN(nb.num) {
			return false, true, nil
		}
		return na.num < nb.num, false, nil
	}
	if na.kind == KindBigInt && nb.kind == KindBigInt {
		return na.Big().Cmp(nb.Big()) < 0, false, nil
	}
	// One bigint and one number.
	if na.kind == KindNumber && math.IsNaN(na.num) || nb.kind == KindNumber && math.IsNaN(nb.num) {
		return false, true, nil
	}
	fa, fb := toBigFloat(na), toBigFloat(nb)
	return fa.Cmp(fb) < 0, false, nil
}

func toBigFloat(v Value) *big.Float {
	if v.kind == KindBigInt {
		return new(big.Float).SetInt(v.Big())
	}
	if math.IsInf(v.num, 1) {
		return new(big.Float).SetInf(false)
	}
	if math.IsInf(v.num, -1) {
		return new(big.Float).SetInf(true)
	}
	return big.NewFloat(v.num)
}

// instanceOf is InstanceofOperator(v, target).
func (it *Interp) instanceOf(v, target Value) (bool, error) {
	t := target.Obj()
	if t == nil {
		return false, it.typeError("Right-hand side of 'instanceof' is not an object")
	}
	h, err := it.get(t, SymKey(it.SymHasInstance), target)
	if err != nil {
		return false, err
	}
	if !h.IsNullish() && !(h.Obj() != nil && h.Obj() == it.realm.functionHasInstance) {
		r, err := it.Call(h, target, v)
		if err != nil {
			return false, err
		}
		return ToBoolean(r), nil
	}
	if t.fn == nil {
		return false, it.typeError("Right-hand side of 'instanceof' is not callable")
	}
	return it.ordinaryHasInstance(t, v)
}

// ordinaryHasInstance is OrdinaryHasInstance.
func (it *Interp) ordinaryHasInstance(c *Object, v Value) (bool, error) {
	if c.fn == nil {
		return false, nil
	}
	if c.fn.boundTarget != nil {
		return it.instanceOf(v, ObjValue(c.fn.boundTarget))
	}
	o := v.Obj()
	if o == nil {
		return false, nil
	}
	p, err := it.getStr(c, "prototype")
	if err != nil {
		return false, err
	}
	proto := p.Obj()
	if proto == nil {
		return false, it.typeError("Function has non-object prototype in instanceof check")
	}
	for {
		if o, err = it.getPrototypeOf(o); err != nil || o == nil {
			return false, err
		}
		if o == proto {
			return true, nil
		}
	}
}

// hasIn is the in operator: key in obj.
func (it *Interp) hasIn(key, obj Value) (bool, error) {
	o := obj.Obj()
	if o == nil {
		return false, it.typeError("Cannot use 'in' operator to search for a key in a non-object")
	}
	k, err := it.toPropertyKey(key)
	if err != nil {
		return false, err
	}
	return it.hasProperty(o, k)
}

// getKeyed is obj[key].
func (it *Interp) getKeyed(obj, key Value) (Value, error) {
	if obj.IsNullish() {
		k, _ := it.toPropertyKey(key)
		return Undefined, it.typeError("Cannot read properties of " + TypeOfNullish(obj) + " (reading '" + k.String() + "')")
	}
	if s := obj.Strv(); s != nil && key.kind == KindNumber {
		if i := int(key.num); float64(i) == key.num && i >= 0 && i < s.Len() {
			return StrValue(s.Substring(i, i+1)), nil
		}
	}
	k, err := it.toPropertyKey(key)
	if err != nil {
		return Undefined, err
	}
	return it.getV(obj, k)
}

// setKeyed is obj[key] = v.
func (it *Interp) setKeyed(obj, key, v Value, strict bool) error {
	if obj.IsNullish() {
		k, _ := it.toPropertyKey(key)
		return it.typeError("Cannot set properties of " + TypeOfNullish(obj) + " (setting '" + k.String() + "')")
	}
	k, err := it.toPropertyKey(key)
	if err != nil {
		return err
	}
	return it.setV(obj, k, v, strict)
}

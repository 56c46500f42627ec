package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

func (r *Realm) initNumber() {
	p := newObjectClass(r.ObjectPrototype, ClassNumber)
	p.internal = Num(0)
	r.NumberPrototype = p
	n := r.newCtor("Number", 1, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		v := Num(0)
		if len(args) > 0 {
			x, err := it.toNumeric(args[0])
			if err != nil {
				return Undefined, err
			}
			if x.IsBigInt() {
				f, _ := new(big.Float).SetInt(x.Big()).Float64()
				x = Num(f)
			}
			v = x
		}
		if nt == nil {
			return v, nil
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.NumberPrototype })
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(proto, ClassNumber)
		o.internal = v
		return ObjValue(o), nil
	}, p)
	for name, v := range map[string]float64{
		"MAX_SAFE_INTEGER": 1<<53 - 1, "MIN_SAFE_INTEGER": -(1<<53 - 1), "MAX_VALUE": math.MaxFloat64,
		"MIN_VALUE": 5e-324, "EPSILON": math.Nextafter(1, 2) - 1, "POSITIVE_INFINITY": math.Inf(1),
		"NEGATIVE_INFINITY": math.Inf(-1), "NaN": math.NaN(),
	} {
		n.defineOwn(StrKey(name), Num(v), 0)
	}
	isInt := func(v Value) bool { return v.IsNumber() && !math.IsInf(v.num, 0) && v.num == math.Trunc(v.num) }
	r.method(n, "isInteger", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		return Bool(isInt(arg(args, 0))), nil
	})
	r.method(n, "isSafeInteger", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		v := arg(args, 0)
		return Bool(isInt(v) && math.Abs(v.num) <= 1<<53-1), nil
	})
	r.method(n, "isFinite", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		v := arg(args, 0)
		return Bool(v.IsNumber() && !math.IsInf(v.num, 0) && !math.IsNaN(v.num)), nil
	})
	r.method(n, "isNaN", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		v := arg(args, 0)
		return Bool(v.IsNumber() && math.IsNaN(v.num)), nil
	})

	thisNum := func(it *Interp, this Value) (float64, error) {
		if this.IsNumber() {
			return this.num, nil
		}
		if o := this.Obj(); o != nil && o.class == ClassNumber {
			return o.internal.(Value).num, nil
		}
		return 0, it.typeError("Number.prototype method called on incompatible receiver")
	}
	r.method(p, "toString", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		x, err := thisNum(it, this)
		if err != nil {
			return Undefined, err
		}
		radix := 10.0
		if a := arg(args, 0); !a.IsUndefined() {
			if radix, err = it.ToNumber(a); err != nil {
				return Undefined, err
			}
			radix = ToIntegerOrInfinity(radix)
			if radix < 2 || radix > 36 {
				return Undefined, it.rangeError("toString() radix must be between 2 and 36")
			}
		}
		if radix == 10 {
			return Str(NumberToString(x)), nil
		}
		return Str(formatRadix(x, int(radix))), nil
	})
	r.method(p, "toLocaleString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		x, err := thisNum(it, this)
		return Str(NumberToString(x)), err
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		x, err := thisNum(it, this)
		return Num(x), err
	})
	r.method(p, "toFixed", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		x, err := thisNum(it, this)
		if err != nil {
			return Undefined, err
		}
		f, err := it.ToNumber(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		d := ToIntegerOrInfinity(f)
		if d < 0 || d > 100 {
			return Undefined, it.rangeError("toFixed() digits argument must be between 0 and 100")
		}
		if math.IsNaN(x) {
			return Str("NaN"), nil
		}
		if math.Abs(x) >= 1e21 || math.IsInf(x, 0) {
			return Str(NumberToString(x)), nil
		}
		return Str(toFixed(x, int(d))), nil
	})
	r.method(p, "toPrecision", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		x, err := thisNum(it, this)
		if err != nil {
			return Undefined, err
		}
		if arg(args, 0).IsUndefined() {
			return Str(NumberToString(x)), nil
		}
		f, err := it.ToNumber(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return Str(NumberToString(x)), nil
		}
		pr := int(ToIntegerOrInfinity(f))
		if pr < 1 || pr > 100 {
			return Undefined, it.rangeError("toPrecision() argument must be between 1 and 100")
		}
		return Str(toPrecision(x, pr)), nil
	})
	r.method(p, "toExponential", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		x, err := thisNum(it, this)
		if err != nil {
			return Undefined, err
		}
		f, err := it.ToNumber(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return Str(NumberToString(x)), nil
		}
		d := int(ToIntegerOrInfinity(f))
		if d < 0 || d > 100 {
			return Undefined, it.rangeError("toExponential() argument must be between 0 and 100")
		}
		prec := d
		if arg(args, 0).IsUndefined() {
			prec = -1
		}
		s := strconv.FormatFloat(x, 'e', prec, 64)
		m, e, _ := strings.Cut(s, "e")
		ev, _ := strconv.Atoi(e)
		sign := "+"
		if ev < 0 {
			sign = "-"
		}
		return Str(m + "e" + sign + strconv.Itoa(absInt(ev))), nil
	})
}

// toFixed rounds half away from zero on the exact binary value, as the
// spec's "larger n" rule does, which strconv's half-even does not.
func toFixed(x float64, d int) string {
	neg := x < 0
	if neg {
		x = -x
	}
	rat := new(big.Rat).SetFloat64(x)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil)
	rat.Mul(rat, new(big.Rat).SetInt(scale))
	rat.Add(rat, big.NewRat(1, 2))
	n := new(big.Int).Quo(rat.Num(), rat.Denom())
	s := n.String()
	if d > 0 {
		if len(s) <= d {
			s = strings.Repeat("0", d-len(s)+1) + s
		}
		s = s[:len(s)-d] + "." + s[len(s)-d:]
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

func toPrecision(x float64, p int) string {
	if x == 0 {
		s := "0"
		if p > 1 {
			s += "." + strings.Repeat("0", p-1)
		}
		return s
	}
	es := strconv.FormatFloat(x, 'e', p-1, 64)
	m, e, _ := strings.Cut(es, "e")
	ev, _ := strconv.Atoi(e)
	sign := ""
	if m[0] == '-' {
		sign, m = "-", m[1:]
	}
	digits := strings.Replace(m, ".", "", 1)
	if ev < -6 || ev >= p {
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		es := "+"
		if ev < 0 {
			es = "-"
		}
		return sign + out + "e" + es + strconv.Itoa(absInt(ev))
	}
	if ev >= 0 {
		if ev+1 >= len(digits) {
			return sign + digits
		}
		return sign + digits[:ev+1] + "." + digits[ev+1:]
	}
	return sign + "0." + strings.Repeat("0", -ev-1) + digits
}

// formatRadix formats x in base radix (2..36), with up to 52 fraction
// digits.
func formatRadix(x float64, radix int) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	if math.IsInf(x, 0) {
		if x > 0 {
			return "Infinity"
		}
		return "-Infinity"
	}
	neg := x < 0
	if neg {
		x = -x
	}
	ip := math.Floor(x)
	fp := x - ip
	var s string
	if ip < 1<<53 {
		s = strconv.FormatInt(int64(ip), radix)
	} else {
		bf := new(big.Float).SetFloat64(ip)
		bi, _ := bf.Int(nil)
		s = bi.Text(radix)
	}
	if fp > 0 {
		var sb strings.Builder
		sb.WriteByte('.')
		for i := 0; i < 52 && fp > 0; i++ {
			fp *= float64(radix)
			d := int(fp)
			fp -= float64(d)
			sb.WriteByte("0123456789abcdefghijklmnopqrstuvwxyz"[d])
		}
		s += sb.String()
	}
	if neg {
		s = "-" + s
	}
	return s
}

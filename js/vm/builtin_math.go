package vm

import (
	"math"
	"math/rand/v2"
)

func (r *Realm) initMath() {
	m := NewObject(r.ObjectPrototype)
	r.defineGlobal("Math", ObjValue(m))
	m.defineOwn(SymKey(r.it.SymToStringTag), Str("Math"), Configurable)
	for name, v := range map[string]float64{
		"E": math.E, "LN10": math.Ln10, "LN2": math.Ln2, "LOG10E": math.Log10E, "LOG2E": math.Log2E,
		"PI": math.Pi, "SQRT1_2": math.Sqrt2 / 2, "SQRT2": math.Sqrt2,
	} {
		m.defineOwn(StrKey(name), Num(v), 0)
	}
	unary := map[string]func(float64) float64{
		"abs": math.Abs, "acos": math.Acos, "acosh": math.Acosh, "asin": math.Asin, "asinh": math.Asinh,
		"atan": math.Atan, "atanh": math.Atanh, "cbrt": math.Cbrt, "ceil": math.Ceil, "cos": math.Cos,
		"cosh": math.Cosh, "exp": math.Exp, "expm1": math.Expm1, "floor": math.Floor, "log": math.Log,
		"log1p": math.Log1p, "log10": math.Log10, "log2": math.Log2, "sin": math.Sin, "sinh": math.Sinh,
		"sqrt": math.Sqrt, "tan": math.Tan, "tanh": math.Tanh, "trunc": math.Trunc,
		"sign": func(x float64) float64 {
			switch {
			case x > 0:
				return 1
			case x < 0:
				return -1
			}
			return x
		},
		"round": func(x float64) float64 {
			if math.IsNaN(x) || math.IsInf(x, 0) || x == math.Trunc(x) {
				return x
			}
			if x < 0 && x >= -0.5 {
				return math.Copysign(0, -1)
			}
			return math.Floor(x + 0.5)
		},
		"fround": func(x float64) float64 { return float64(float32(x)) },
		// f16round rounds once, from float64 to binary16 (elements.go).
		"f16round": func(x float64) float64 { return f16ToFloat(floatToF16(x)) },
		"clz32": func(x float64) float64 {
			u := ToUint32(x)
			n := 0
			for i := 31; i >= 0 && u&(1<<uint(i)) == 0; i-- {
				n++
			}
			return float64(n)
		},
	}
	for name, f := range unary {
		f := f
		r.method(m, name, 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			a := arg(args, 0)
			if a.kind == KindNumber {
				return Num(f(a.num)), nil
			}
			x, err := it.ToNumber(a)
			return Num(f(x)), err
		})
	}
	binary := map[string]func(a, b float64) float64{
		"atan2": math.Atan2, "pow": pow,
		"imul": func(a, b float64) float64 { return float64(ToInt32(a) * ToInt32(b)) },
	}
	for name, f := range binary {
		f := f
		r.method(m, name, 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			a, err := it.ToNumber(arg(args, 0))
			if err != nil {
				return Undefined, err
			}
			b, err := it.ToNumber(arg(args, 1))
			return Num(f(a, b)), err
		})
	}
	minmax := func(isMax bool) HostFunc {
		return func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
			res := math.Inf(1)
			if isMax {
				res = math.Inf(-1)
			}
			nan := false
			for _, a := range args {
				x, err := it.ToNumber(a)
				if err != nil {
					return Undefined, err
				}
				switch {
				case math.IsNaN(x):
					nan = true
				case isMax && (x > res || x == 0 && res == 0 && !math.Signbit(x)):
					res = x
				case !isMax && (x < res || x == 0 && res == 0 && math.Signbit(x)):
					res = x
				}
			}
			if nan {
				return NaN, nil
			}
			return Num(res), nil
		}
	}
	r.method(m, "max", 2, minmax(true))
	r.method(m, "min", 2, minmax(false))
	r.method(m, "hypot", 2, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s := 0.0
		inf, nan := false, false
		for _, a := range args {
			x, err := it.ToNumber(a)
			if err != nil {
				return Undefined, err
			}
			if math.IsInf(x, 0) {
				inf = true
			}
			if math.IsNaN(x) {
				nan = true
			}
			s += x * x
		}
		if inf {
			return Num(math.Inf(1)), nil
		}
		if nan {
			return NaN, nil
		}
		return Num(math.Sqrt(s)), nil
	})
	r.method(m, "random", 0, func(it *Interp, _ Value, _ []Value, _ *Object) (Value, error) {
		return Num(rand.Float64()), nil
	})
}

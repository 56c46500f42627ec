package vm

import (
	"math"
	"math/big"
)

// Math.sumPrecise.

// sumPrecise adds finite numbers exactly: a big.Float wide enough for
// the whole double range holds the sum until the one final rounding.
func sumPrecise(xs []float64) float64 {
	allNegZero := true
	var posInf, negInf bool
	sum := new(big.Float).SetPrec(2300)
	for _, x := range xs {
		switch {
		case math.IsNaN(x):
			return math.NaN()
		case math.IsInf(x, 1):
			posInf = true
		case math.IsInf(x, -1):
			negInf = true
		}
		if !(x == 0 && math.Signbit(x)) {
			allNegZero = false
		}
		if !math.IsInf(x, 0) {
			sum.Add(sum, new(big.Float).SetFloat64(x))
		}
	}
	switch {
	case posInf && negInf:
		return math.NaN()
	case posInf:
		return math.Inf(1)
	case negInf:
		return math.Inf(-1)
	case allNegZero:
		return math.Copysign(0, -1)
	}
	f, _ := sum.Float64()
	return f
}

func (r *Realm) initMathExtra() {
	m, _ := r.Global.getOwn(StrKey("Math"))
	mo := m.value.Obj()
	r.method(mo, "sumPrecise", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		items := arg(args, 0)
		if items.IsNullish() {
			return Undefined, it.typeError("Math.sumPrecise called on null or undefined")
		}
		rec, err := it.getIteratorFlattenableMethod(items)
		if err != nil {
			return Undefined, err
		}
		var xs []float64
		for {
			v, done, err := it.stepValue(rec)
			if err != nil {
				return Undefined, err
			}
			if done {
				return Num(sumPrecise(xs)), nil
			}
			if !v.IsNumber() {
				return Undefined, it.closeIterator(rec.iter, it.typeError(describeForError(v)+" is not a number"))
			}
			xs = append(xs, v.num)
		}
	})
}

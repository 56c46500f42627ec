package vm

import (
	"math"
	"time"
)

// Dates hold a time value in milliseconds since the epoch (NaN when
// invalid). This first slice has the constructor, Date.now, Date.UTC and
// the getters and setters the benchmarks use; parsing accepts only what
// time.Parse does in RFC 3339 form.
func (r *Realm) initDate() {
	p := NewObject(r.ObjectPrototype)
	tv := func(it *Interp, this Value) (float64, error) {
		if o := this.Obj(); o != nil && o.class == ClassDate {
			return o.internal.(Value).num, nil
		}
		return 0, it.typeError("this is not a Date object.")
	}
	now := func() float64 { return float64(time.Now().UnixMilli()) }
	fromParts := func(it *Interp, args []Value, loc *time.Location) (float64, error) {
		var f [7]float64
		f[2] = 1
		for i := 0; i < 7 && i < len(args); i++ {
			x, err := it.ToNumber(args[i])
			if err != nil {
				return 0, err
			}
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return math.NaN(), nil
			}
			f[i] = math.Trunc(x)
		}
		if f[0] >= 0 && f[0] <= 99 {
			f[0] += 1900
		}
		t := time.Date(int(f[0]), time.Month(int(f[1])+1), int(f[2]), int(f[3]), int(f[4]), int(f[5]), int(f[6])*1e6, loc)
		return float64(t.UnixMilli()), nil
	}
	c := r.newCtor("Date", 7, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Str(time.Now().Format("Mon Jan 02 2006 15:04:05 GMT-0700")), nil
		}
		t := now()
		switch {
		case len(args) == 1:
			v, err := it.toPrimitive(args[0], "default")
			if err != nil {
				return Undefined, err
			}
			if v.IsString() {
				pt, err := time.Parse(time.RFC3339, v.Strv().String())
				if err != nil {
					pt, err = time.Parse("2006-01-02", v.Strv().String())
				}
				if err != nil {
					t = math.NaN()
				} else {
					t = float64(pt.UnixMilli())
				}
			} else {
				f, err := it.ToNumber(v)
				if err != nil {
					return Undefined, err
				}
				t = timeClip(f)
			}
		case len(args) > 1:
			f, err := fromParts(it, args, time.Local)
			if err != nil {
				return Undefined, err
			}
			t = timeClip(f)
		}
		proto, err := it.protoFromCtor(nt, func(*Realm) *Object { return p })
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(proto, ClassDate)
		o.internal = Num(t)
		return ObjValue(o), nil
	}, p)
	r.method(c, "now", 0, func(*Interp, Value, []Value, *Object) (Value, error) { return Num(now()), nil })
	r.method(c, "UTC", 7, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		f, err := fromParts(it, args, time.UTC)
		return Num(timeClip(f)), err
	})
	r.method(p, "getTime", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		t, err := tv(it, this)
		return Num(t), err
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		t, err := tv(it, this)
		return Num(t), err
	})
	field := func(name string, utc bool, get func(time.Time) int) {
		r.method(p, name, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			t, err := tv(it, this)
			if err != nil || math.IsNaN(t) {
				return NaN, err
			}
			tm := time.UnixMilli(int64(t))
			if utc {
				tm = tm.UTC()
			}
			return Int(get(tm)), nil
		})
	}
	for _, utc := range []bool{false, true} {
		pre := "get"
		if utc {
			pre = "getUTC"
		}
		field(pre+"FullYear", utc, func(t time.Time) int { return t.Year() })
		field(pre+"Month", utc, func(t time.Time) int { return int(t.Month()) - 1 })
		field(pre+"Date", utc, func(t time.Time) int { return t.Day() })
		field(pre+"Day", utc, func(t time.Time) int { return int(t.Weekday()) })
		field(pre+"Hours", utc, func(t time.Time) int { return t.Hour() })
		field(pre+"Minutes", utc, func(t time.Time) int { return t.Minute() })
		field(pre+"Seconds", utc, func(t time.Time) int { return t.Second() })
		field(pre+"Milliseconds", utc, func(t time.Time) int { return t.Nanosecond() / 1e6 })
	}
	r.method(p, "getTimezoneOffset", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		t, err := tv(it, this)
		if err != nil || math.IsNaN(t) {
			return NaN, err
		}
		_, off := time.UnixMilli(int64(t)).Zone()
		return Int(-off / 60), nil
	})
	r.method(p, "setTime", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if _, err := tv(it, this); err != nil {
			return Undefined, err
		}
		f, err := it.ToNumber(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		f = timeClip(f)
		this.Obj().internal = Num(f)
		return Num(f), nil
	})
	str := func(name, layout string, utc bool) {
		r.method(p, name, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			t, err := tv(it, this)
			if err != nil {
				return Undefined, err
			}
			if math.IsNaN(t) {
				if name == "toISOString" {
					return Undefined, it.rangeError("Invalid time value")
				}
				return Str("Invalid Date"), nil
			}
			tm := time.UnixMilli(int64(t))
			if utc {
				tm = tm.UTC()
			}
			return Str(tm.Format(layout)), nil
		})
	}
	str("toString", "Mon Jan 02 2006 15:04:05 GMT-0700", false)
	str("toDateString", "Mon Jan 02 2006", false)
	str("toTimeString", "15:04:05 GMT-0700", false)
	str("toISOString", "2006-01-02T15:04:05.000Z", true)
	str("toUTCString", "Mon, 02 Jan 2006 15:04:05 GMT", true)
	str("toJSON", "2006-01-02T15:04:05.000Z", true)
	str("toLocaleString", "1/2/2006, 3:04:05 PM", false)
	tp := r.newFunc("[Symbol.toPrimitive]", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if !this.IsObject() {
			return Undefined, it.typeError("Date.prototype[Symbol.toPrimitive] called on non-object")
		}
		hint := "default"
		if s := arg(args, 0).Strv(); s != nil {
			hint = s.String()
		}
		order := []string{"toString", "valueOf"}
		if hint == "number" {
			order = []string{"valueOf", "toString"}
		}
		for _, m := range order {
			f, err := it.getV(this, StrKey(m))
			if err != nil {
				return Undefined, err
			}
			if isCallable(f) {
				v, err := it.Call(f, this)
				if err != nil || !v.IsObject() {
					return v, err
				}
			}
		}
		return Undefined, it.typeError("Cannot convert object to primitive value")
	})
	p.defineOwn(SymKey(r.it.SymToPrimitive), ObjValue(tp), Configurable)
}

func timeClip(f float64) float64 {
	if math.IsNaN(f) || math.Abs(f) > 8.64e15 {
		return math.NaN()
	}
	return math.Trunc(f) + 0
}

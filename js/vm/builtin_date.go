package vm

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Date objects (ECMA-262 21.4). A date holds a time value: milliseconds
// since the epoch in UTC, NaN when invalid. The calendar arithmetic is
// the spec's (Day, YearFromTime, MakeDay, ...), done in float64 so that
// the whole range of ±8.64e15 ms works; local time comes from Go's
// time.Local through the offset in effect at each instant.

const (
	msPerDay    = 86400000.0
	msPerHour   = 3600000.0
	msPerMinute = 60000.0
	msPerSecond = 1000.0
)

func day(t float64) float64 { return math.Floor(t / msPerDay) }

func timeWithinDay(t float64) float64 { return posMod(t, msPerDay) }

func posMod(a, b float64) float64 {
	m := math.Mod(a, b)
	if m < 0 {
		m += b
	}
	return m + 0
}

func daysInYear(y float64) float64 {
	switch {
	case math.Mod(y, 4) != 0:
		return 365
	case math.Mod(y, 100) != 0:
		return 366
	case math.Mod(y, 400) != 0:
		return 365
	}
	return 366
}

func dayFromYear(y float64) float64 {
	return 365*(y-1970) + math.Floor((y-1969)/4) - math.Floor((y-1901)/100) + math.Floor((y-1601)/400)
}

func timeFromYear(y float64) float64 { return msPerDay * dayFromYear(y) }

func yearFromTime(t float64) float64 {
	y := math.Floor(t/(msPerDay*365.2425)) + 1970
	for timeFromYear(y) > t {
		y--
	}
	for timeFromYear(y+1) <= t {
		y++
	}
	return y
}

// monthStarts are the days before each month in a common year.
var monthStarts = [13]float64{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

func monthStart(m int, leap bool) float64 {
	d := monthStarts[m]
	if leap && m >= 2 {
		d++
	}
	return d
}

func monthFromTime(t float64) float64 {
	y := yearFromTime(t)
	d := day(t) - dayFromYear(y)
	leap := daysInYear(y) == 366
	m := 0
	for m < 11 && d >= monthStart(m+1, leap) {
		m++
	}
	return float64(m)
}

func dateFromTime(t float64) float64 {
	y := yearFromTime(t)
	d := day(t) - dayFromYear(y)
	return d - monthStart(int(monthFromTime(t)), daysInYear(y) == 366) + 1
}

func weekDay(t float64) float64 { return posMod(day(t)+4, 7) }

func hourFromTime(t float64) float64 { return posMod(math.Floor(t/msPerHour), 24) }
func minFromTime(t float64) float64  { return posMod(math.Floor(t/msPerMinute), 60) }
func secFromTime(t float64) float64  { return posMod(math.Floor(t/msPerSecond), 60) }
func msFromTime(t float64) float64   { return posMod(t, msPerSecond) }

func finite(fs ...float64) bool {
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}

// makeTime is MakeTime.
func makeTime(h, m, s, ms float64) float64 {
	if !finite(h, m, s, ms) {
		return math.NaN()
	}
	return math.Trunc(h)*msPerHour + math.Trunc(m)*msPerMinute + math.Trunc(s)*msPerSecond + math.Trunc(ms)
}

// makeDay is MakeDay.
func makeDay(year, month, date float64) float64 {
	if !finite(year, month, date) {
		return math.NaN()
	}
	y, m, dt := math.Trunc(year), math.Trunc(month), math.Trunc(date)
	ym := y + math.Floor(m/12)
	if math.Abs(ym) > 400000 {
		return math.NaN()
	}
	mn := int(posMod(m, 12))
	d := dayFromYear(ym) + monthStart(mn, daysInYear(ym) == 366)
	return d + dt - 1
}

// makeDate is MakeDate.
func makeDate(day, t float64) float64 {
	if !finite(day, t) {
		return math.NaN()
	}
	tv := day*msPerDay + t
	if !finite(tv) {
		return math.NaN()
	}
	return tv
}

func timeClip(f float64) float64 {
	if math.IsNaN(f) || math.Abs(f) > 8.64e15 {
		return math.NaN()
	}
	return math.Trunc(f) + 0
}

// offsetAt is the local time zone's offset from UTC, in ms, at UTC time t.
func offsetAt(t float64) float64 {
	if !finite(t) {
		return 0
	}
	// Go's zone data covers any instant; clamp to a range it represents.
	t = math.Max(math.Min(t, 8.64e15+msPerDay), -8.64e15-msPerDay)
	_, off := time.UnixMilli(int64(t)).In(time.Local).Zone()
	return float64(off) * 1000
}

// localTime is LocalTime(t).
func localTime(t float64) float64 { return t + offsetAt(t) }

// utcTime is UTC(t): the instant whose local time is t.
func utcTime(t float64) float64 {
	if !finite(t) {
		return math.NaN()
	}
	return t - offsetAt(t-offsetAt(t))
}

var (
	dayNames   = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

func yearString(y float64) string {
	if y >= 0 {
		return fmt.Sprintf("%04d", int64(y))
	}
	return fmt.Sprintf("-%04d", int64(-y))
}

// dateString is DateString(t) for a local time t.
func dateString(t float64) string {
	return dayNames[int(weekDay(t))] + " " + monthNames[int(monthFromTime(t))] + " " +
		fmt.Sprintf("%02d", int(dateFromTime(t))) + " " + yearString(yearFromTime(t))
}

// timeString is TimeString(t) for a local time t.
func timeString(t float64) string {
	return fmt.Sprintf("%02d:%02d:%02d GMT", int(hourFromTime(t)), int(minFromTime(t)), int(secFromTime(t)))
}

// timeZoneString is TimeZoneString(tv) for a UTC time value.
func timeZoneString(tv float64) string {
	off := offsetAt(tv)
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	s := fmt.Sprintf("%s%02d%02d", sign, int(off/msPerHour), int(math.Mod(off/msPerMinute, 60)))
	if name, _ := time.UnixMilli(int64(tv)).In(time.Local).Zone(); name != "" {
		s += " (" + name + ")"
	}
	return s
}

func toDateString(tv float64) string {
	if math.IsNaN(tv) {
		return "Invalid Date"
	}
	t := localTime(tv)
	return dateString(t) + " " + timeString(t) + timeZoneString(tv)
}

func utcString(tv float64) string {
	return dayNames[int(weekDay(tv))] + ", " + fmt.Sprintf("%02d", int(dateFromTime(tv))) + " " +
		monthNames[int(monthFromTime(tv))] + " " + yearString(yearFromTime(tv)) + " " + timeString(tv)
}

func isoString(tv float64) string {
	y := yearFromTime(tv)
	ys := fmt.Sprintf("%04d", int64(y))
	if y < 0 || y > 9999 {
		sign := "+"
		if y < 0 {
			sign, y = "-", -y
		}
		ys = sign + fmt.Sprintf("%06d", int64(y))
	}
	return fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d.%03dZ", ys, int(monthFromTime(tv))+1, int(dateFromTime(tv)),
		int(hourFromTime(tv)), int(minFromTime(tv)), int(secFromTime(tv)), int(msFromTime(tv)))
}

// parseDate is Date.parse: the ISO format of 21.4.1.32 (date-only forms
// are UTC, date-times without an offset local), and the forms toString
// and toUTCString produce.
func parseDate(s string) float64 {
	s = strings.TrimSpace(s)
	if tv, ok := parseISODate(s); ok {
		return tv
	}
	return parseLegacyDate(s)
}

func parseISODate(s string) (float64, bool) {
	p := 0
	num := func(n int) (float64, bool) {
		if p+n > len(s) {
			return 0, false
		}
		v := 0.0
		for _, c := range s[p : p+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + float64(c-'0')
		}
		p += n
		return v, true
	}
	lit := func(c byte) bool {
		if p < len(s) && s[p] == c {
			p++
			return true
		}
		return false
	}
	var year float64
	var ok bool
	if p < len(s) && (s[p] == '+' || s[p] == '-') {
		neg := s[p] == '-'
		p++
		if year, ok = num(6); !ok {
			return 0, false
		}
		if neg {
			if year == 0 {
				return 0, false
			}
			year = -year
		}
	} else if year, ok = num(4); !ok {
		return 0, false
	}
	month, dayOf := 1.0, 1.0
	if lit('-') {
		if month, ok = num(2); !ok || month < 1 || month > 12 {
			return 0, false
		}
		if lit('-') {
			if dayOf, ok = num(2); !ok || dayOf < 1 {
				return 0, false
			}
		}
	}
	var h, m, sec, ms float64
	hasTime := false
	if lit('T') || lit('t') {
		hasTime = true
		if h, ok = num(2); !ok || !lit(':') {
			return 0, false
		}
		if m, ok = num(2); !ok {
			return 0, false
		}
		if lit(':') {
			if sec, ok = num(2); !ok {
				return 0, false
			}
			if lit('.') {
				start := p
				for p < len(s) && s[p] >= '0' && s[p] <= '9' {
					p++
				}
				if p == start {
					return 0, false
				}
				frac := s[start:min(p, start+3)]
				for len(frac) < 3 {
					frac += "0"
				}
				for _, c := range frac {
					ms = ms*10 + float64(c-'0')
				}
			}
		}
		if h > 24 || m > 59 || sec > 59 || h == 24 && (m > 0 || sec > 0 || ms > 0) {
			return 0, false
		}
	}
	utc := !hasTime
	offset := 0.0
	switch {
	case lit('Z') || lit('z'):
		utc = true
	case p < len(s) && (s[p] == '+' || s[p] == '-'):
		if !hasTime {
			return 0, false
		}
		sign := 1.0
		if s[p] == '-' {
			sign = -1
		}
		p++
		oh, ok1 := num(2)
		if !ok1 || !lit(':') {
			return 0, false
		}
		om, ok2 := num(2)
		if !ok2 || oh > 23 || om > 59 {
			return 0, false
		}
		utc, offset = true, sign*(oh*msPerHour+om*msPerMinute)
	}
	if p != len(s) {
		return 0, false
	}
	if dayOf > 31 || dayOf > monthStart(int(month), daysInYear(year) == 366)-monthStart(int(month)-1, daysInYear(year) == 366) {
		return math.NaN(), true
	}
	tv := makeDate(makeDay(year, month-1, dayOf), makeTime(h, m, sec, ms))
	if utc {
		tv -= offset
	} else {
		tv = utcTime(tv)
	}
	return timeClip(tv), true
}

// parseLegacyDate reads "Tue Feb 01 2022 10:00:00 GMT+0100 (...)",
// "Tue, 01 Feb 2022 10:00:00 GMT" and their date-only prefixes.
func parseLegacyDate(s string) float64 {
	if i := strings.IndexByte(s, '('); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(f) > 0 && len(f[0]) == 3 {
		for _, d := range dayNames {
			if strings.EqualFold(f[0], d) {
				f = f[1:]
				break
			}
		}
	}
	if len(f) < 3 {
		return math.NaN()
	}
	monthIdx := func(w string) int {
		for i, m := range monthNames {
			if strings.EqualFold(w, m) {
				return i
			}
		}
		return -1
	}
	var mon int
	var dd, yy string
	if mon = monthIdx(f[0]); mon >= 0 {
		dd, yy = f[1], f[2]
	} else if mon = monthIdx(f[1]); mon >= 0 {
		dd, yy = f[0], f[2]
	} else {
		return math.NaN()
	}
	var d, y float64
	if _, err := fmt.Sscanf(dd, "%g", &d); err != nil {
		return math.NaN()
	}
	if _, err := fmt.Sscanf(yy, "%g", &y); err != nil {
		return math.NaN()
	}
	f = f[3:]
	var h, mi, sec float64
	if len(f) > 0 && strings.Contains(f[0], ":") {
		parts := strings.Split(f[0], ":")
		vals := []*float64{&h, &mi, &sec}
		for i, p := range parts {
			if i >= 3 {
				return math.NaN()
			}
			if _, err := fmt.Sscanf(p, "%g", vals[i]); err != nil {
				return math.NaN()
			}
		}
		f = f[1:]
	}
	tv := makeDate(makeDay(y, float64(mon), d), makeTime(h, mi, sec, 0))
	if len(f) == 0 {
		return timeClip(utcTime(tv))
	}
	z := strings.ToUpper(f[0])
	if !strings.HasPrefix(z, "GMT") && !strings.HasPrefix(z, "UTC") && z != "Z" {
		return math.NaN()
	}
	z = strings.TrimLeft(z, "GMTUCZ")
	if z != "" {
		var hh, mm int
		if len(z) != 5 || (z[0] != '+' && z[0] != '-') {
			return math.NaN()
		}
		if _, err := fmt.Sscanf(z[1:], "%02d%02d", &hh, &mm); err != nil {
			return math.NaN()
		}
		off := float64(hh)*msPerHour + float64(mm)*msPerMinute
		if z[0] == '-' {
			off = -off
		}
		tv -= off
	}
	return timeClip(tv)
}

func (r *Realm) initDate() {
	p := NewObject(r.ObjectPrototype)
	r.datePrototype = p
	tv := func(it *Interp, this Value) (float64, error) {
		if o := this.Obj(); o != nil && o.class == ClassDate {
			return o.internal.(Value).num, nil
		}
		return 0, it.typeError("this is not a Date object.")
	}
	now := func() float64 { return float64(time.Now().UnixMilli()) }
	// numbers converts args in order, all of them, as the constructor
	// and Date.UTC do.
	numbers := func(it *Interp, args []Value) ([7]float64, error) {
		f := [7]float64{math.NaN(), 0, 1, 0, 0, 0, 0}
		for i := 0; i < 7 && i < len(args); i++ {
			x, err := it.ToNumber(args[i])
			if err != nil {
				return f, err
			}
			f[i] = x
		}
		if y := f[0]; !math.IsNaN(y) {
			if yi := ToIntegerOrInfinity(y); yi >= 0 && yi <= 99 {
				f[0] = 1900 + yi
			}
		}
		return f, nil
	}
	fromNumbers := func(f [7]float64) float64 {
		return makeDate(makeDay(f[0], f[1], f[2]), makeTime(f[3], f[4], f[5], f[6]))
	}
	c := r.newCtor("Date", 7, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt == nil {
			return Str(toDateString(now())), nil
		}
		t := now()
		switch {
		case len(args) == 1:
			if o := args[0].Obj(); o != nil && o.class == ClassDate {
				t = o.internal.(Value).num
				break
			}
			v, err := it.toPrimitive(args[0], "default")
			if err != nil {
				return Undefined, err
			}
			if v.IsString() {
				t = parseDate(v.Strv().String())
			} else {
				f, err := it.ToNumber(v)
				if err != nil {
					return Undefined, err
				}
				t = timeClip(f)
			}
		case len(args) > 1:
			f, err := numbers(it, args)
			if err != nil {
				return Undefined, err
			}
			t = timeClip(utcTime(fromNumbers(f)))
		}
		proto, err := it.protoFromCtor(nt, func(r *Realm) *Object { return r.datePrototype })
		if err != nil {
			return Undefined, err
		}
		o := newObjectClass(proto, ClassDate)
		o.internal = Num(t)
		return ObjValue(o), nil
	}, p)
	r.method(c, "now", 0, func(*Interp, Value, []Value, *Object) (Value, error) { return Num(now()), nil })
	r.method(c, "UTC", 7, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		f, err := numbers(it, args)
		return Num(timeClip(fromNumbers(f))), err
	})
	r.method(c, "parse", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		s, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		return Num(parseDate(s.String())), nil
	})
	r.method(p, "getTime", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		t, err := tv(it, this)
		return Num(t), err
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		t, err := tv(it, this)
		return Num(t), err
	})
	field := func(name string, local bool, get func(float64) float64) {
		r.method(p, name, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			t, err := tv(it, this)
			if err != nil || math.IsNaN(t) {
				return NaN, err
			}
			if local {
				t = localTime(t)
			}
			return Num(get(t)), nil
		})
	}
	for _, local := range []bool{true, false} {
		pre := "get"
		if !local {
			pre = "getUTC"
		}
		field(pre+"FullYear", local, yearFromTime)
		field(pre+"Month", local, monthFromTime)
		field(pre+"Date", local, dateFromTime)
		field(pre+"Day", local, weekDay)
		field(pre+"Hours", local, hourFromTime)
		field(pre+"Minutes", local, minFromTime)
		field(pre+"Seconds", local, secFromTime)
		field(pre+"Milliseconds", local, msFromTime)
	}
	field("getYear", true, func(t float64) float64 { return yearFromTime(t) - 1900 })
	r.method(p, "getTimezoneOffset", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		t, err := tv(it, this)
		if err != nil || math.IsNaN(t) {
			return NaN, err
		}
		return Num((t - localTime(t)) / msPerMinute), nil
	})
	store := func(this Value, t float64) Value {
		t = timeClip(t)
		this.Obj().internal = Num(t)
		return Num(t)
	}
	r.method(p, "setTime", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if _, err := tv(it, this); err != nil {
			return Undefined, err
		}
		f, err := it.ToNumber(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		return store(this, f), nil
	})
	// setter adds a setter of n fields: args are converted in order (as
	// many as given, up to n), then, for a valid date (or any date when
	// fromZero, as setFullYear starts from +0), apply builds the new
	// time value from the local (or UTC) time and the given fields,
	// missing ones NaN-marked by has.
	setter := func(name string, n int, local, fromZero bool, apply func(t float64, v []float64, has []bool) float64) {
		r.method(p, name, n, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			t, err := tv(it, this)
			if err != nil {
				return Undefined, err
			}
			v := make([]float64, n)
			has := make([]bool, n)
			for i := 0; i < n && (i == 0 || i < len(args)); i++ {
				if v[i], err = it.ToNumber(arg(args, i)); err != nil {
					return Undefined, err
				}
				has[i] = true
			}
			if math.IsNaN(t) {
				if !fromZero {
					return NaN, nil
				}
				t = 0
			} else if local {
				t = localTime(t)
			}
			nt := apply(t, v, has)
			if local {
				nt = utcTime(nt)
			}
			return store(this, nt), nil
		})
	}
	pick := func(v []float64, has []bool, i int, def float64) float64 {
		if i < len(has) && has[i] {
			return v[i]
		}
		return def
	}
	for _, local := range []bool{true, false} {
		pre := "set"
		if !local {
			pre = "setUTC"
		}
		setter(pre+"Milliseconds", 1, local, false, func(t float64, v []float64, has []bool) float64 {
			return makeDate(day(t), makeTime(hourFromTime(t), minFromTime(t), secFromTime(t), v[0]))
		})
		setter(pre+"Seconds", 2, local, false, func(t float64, v []float64, has []bool) float64 {
			return makeDate(day(t), makeTime(hourFromTime(t), minFromTime(t), v[0], pick(v, has, 1, msFromTime(t))))
		})
		setter(pre+"Minutes", 3, local, false, func(t float64, v []float64, has []bool) float64 {
			return makeDate(day(t), makeTime(hourFromTime(t), v[0], pick(v, has, 1, secFromTime(t)), pick(v, has, 2, msFromTime(t))))
		})
		setter(pre+"Hours", 4, local, false, func(t float64, v []float64, has []bool) float64 {
			return makeDate(day(t), makeTime(v[0], pick(v, has, 1, minFromTime(t)), pick(v, has, 2, secFromTime(t)), pick(v, has, 3, msFromTime(t))))
		})
		setter(pre+"Date", 1, local, false, func(t float64, v []float64, has []bool) float64 {
			return makeDate(makeDay(yearFromTime(t), monthFromTime(t), v[0]), timeWithinDay(t))
		})
		setter(pre+"Month", 2, local, false, func(t float64, v []float64, has []bool) float64 {
			return makeDate(makeDay(yearFromTime(t), v[0], pick(v, has, 1, dateFromTime(t))), timeWithinDay(t))
		})
		setter(pre+"FullYear", 3, local, true, func(t float64, v []float64, has []bool) float64 {
			return makeDate(makeDay(v[0], pick(v, has, 1, monthFromTime(t)), pick(v, has, 2, dateFromTime(t))), timeWithinDay(t))
		})
	}
	setter("setYear", 1, true, true, func(t float64, v []float64, has []bool) float64 {
		y := v[0]
		if math.IsNaN(y) {
			return math.NaN()
		}
		if yi := ToIntegerOrInfinity(y); yi >= 0 && yi <= 99 {
			y = 1900 + yi
		}
		return makeDate(makeDay(y, monthFromTime(t), dateFromTime(t)), timeWithinDay(t))
	})
	str := func(name string, format func(tv float64) string) *Object {
		return r.method(p, name, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
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
			return Str(format(t)), nil
		})
	}
	str("toString", toDateString)
	str("toDateString", func(tv float64) string { return dateString(localTime(tv)) })
	str("toTimeString", func(tv float64) string { return timeString(localTime(tv)) + timeZoneString(tv) })
	str("toISOString", isoString)
	utc := str("toUTCString", utcString)
	p.defineOwn(StrKey("toGMTString"), ObjValue(utc), Hidden)
	str("toLocaleString", toDateString)
	str("toLocaleDateString", func(tv float64) string { return dateString(localTime(tv)) })
	str("toLocaleTimeString", func(tv float64) string { return timeString(localTime(tv)) + timeZoneString(tv) })
	r.method(p, "toJSON", 1, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		o, err := it.ToObject(this)
		if err != nil {
			return Undefined, err
		}
		v, err := it.toPrimitive(ObjValue(o), "number")
		if err != nil {
			return Undefined, err
		}
		if v.IsNumber() && !finite(v.num) {
			return Null, nil
		}
		f, err := it.Get(o, StrKey("toISOString"))
		if err != nil {
			return Undefined, err
		}
		return it.Call(f, ObjValue(o))
	})
	tp := r.newFunc("[Symbol.toPrimitive]", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
		if !this.IsObject() {
			return Undefined, it.typeError("Date.prototype[Symbol.toPrimitive] called on non-object")
		}
		var order []string
		switch hint := arg(args, 0).Strv(); {
		case hint != nil && (hint.String() == "string" || hint.String() == "default"):
			order = []string{"toString", "valueOf"}
		case hint != nil && hint.String() == "number":
			order = []string{"valueOf", "toString"}
		default:
			return Undefined, it.typeError("Invalid hint: " + describeForError(arg(args, 0)))
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

package vm

import (
	"testing"

	"glassbox/js/bytecode"
	"glassbox/js/compiler"
)

// runScript compiles and runs src in a fresh agent, returning the agent,
// its realm and the script's template.
func runScript(t *testing.T, src string) (*Interp, *Realm, *bytecode.FunctionTemplate) {
	t.Helper()
	it, r := NewInterp()
	tmpl, err := compiler.Compile("test.js", src, compiler.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := it.RunTemplate(r, tmpl); err != nil {
		t.Fatal(err)
	}
	return it, r, tmpl
}

func nested(t *bytecode.FunctionTemplate, name string) *bytecode.FunctionTemplate {
	for _, c := range t.Constants {
		if f, ok := c.(*bytecode.FunctionTemplate); ok && f.Name == name {
			return f
		}
	}
	return nil
}

func TestInlineCacheStates(t *testing.T) {
	for _, tt := range []struct {
		objs string
		want ICState
	}{
		{"[]", Uninitialized},
		{"[{x: 1}, {x: 2}]", Monomorphic},
		{"[{x: 1}, {x: 1, y: 2}]", Polymorphic},
		{"[{x: 1}, {x: 1, a: 1}, {x: 1, b: 1}, {x: 1, c: 1}, {x: 1, d: 1}]", Megamorphic},
		// Prototype loads are cached too.
		{"[Object.create({x: 1}), Object.create({x: 2})]", Polymorphic},
		{"(function(){ function P(){} P.prototype.x = 1; return [new P, new P] })()", Monomorphic},
	} {
		_, _, script := runScript(t, `
			function getX(o) { return o.x }
			var objs = `+tt.objs+`;
			for (var i = 0; i < 20 && objs.length; i++) getX(objs[i % objs.length]);`)
		fb := Feedback(nested(script, "getX"))
		if got := fb[0].State; got != tt.want {
			t.Errorf("%s: load IC is %s, want %s", tt.objs, got, tt.want)
		}
	}
}

func TestStoreICAndTransitions(t *testing.T) {
	it, r, script := runScript(t, `
		function Point(x, y) { this.x = x; this.y = y }
		var a = new Point(1, 2), b = new Point(3, 4);
		var c = {}; c.x = 1; c.y = 2;
		var d = {}; d.y = 1; d.x = 2;`)
	get := func(name string) *Object {
		v, err := it.Get(r.Global, StrKey(name))
		if err != nil {
			t.Fatal(err)
		}
		return v.Obj()
	}
	if get("a").Shape() != get("b").Shape() {
		t.Errorf("objects built alike have different shapes")
	}
	if get("c").Shape() == get("d").Shape() {
		t.Errorf("objects built in different orders share a shape")
	}
	fb := Feedback(nested(script, "Point"))
	for i, ic := range fb {
		if ic.Kind == bytecode.SlotStore && ic.State != Monomorphic {
			t.Errorf("store slot %d is %s, want monomorphic", i, ic.State)
		}
	}
	// Deleting a property moves the object to dictionary mode.
	o := get("c")
	o.deleteOwn(StrKey("x"))
	if !o.Shape().IsDictionary() {
		t.Errorf("shape after delete is not a dictionary")
	}
	if v, _ := it.Get(o, StrKey("y")); v.Float() != 2 {
		t.Errorf("y after delete = %v", v.Export())
	}
}

func TestNumberToString(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0", 1: "1", -1.5: "-1.5", 1e21: "1e+21", 1e20: "100000000000000000000", 123e-20: "1.23e-18",
		0.000001: "0.000001", 0.0000001: "1e-7", 1.7976931348623157e308: "1.7976931348623157e+308",
		5e-324: "5e-324", 0.1: "0.1", 100: "100", 1.25e6: "1250000",
	} {
		if got := NumberToString(f); got != want {
			t.Errorf("NumberToString(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestStrings(t *testing.T) {
	s := NewString("a😀")
	if s.Len() != 3 {
		t.Errorf("len = %d", s.Len())
	}
	if s.String() != "a😀" {
		t.Errorf("round trip = %q", s.String())
	}
	lone := FromUTF16([]uint16{0xD800, 'x'})
	if back := NewString(lone.String()); !back.Equals(lone) {
		t.Errorf("lone surrogate did not survive WTF-8")
	}
	r := emptyString
	for i := 0; i < 1000; i++ {
		r = Concat(r, NewString("abcdefghijklmnopqrstuvwxyz0123456789"))
	}
	if r.Len() != 36000 || r.At(35999) != '9' {
		t.Errorf("rope: len %d", r.Len())
	}
}

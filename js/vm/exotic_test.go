package vm

import (
	"strings"
	"testing"

	"glassbox/js/compiler"
)

// upperKeys is a test exotic object in the manner of an integer-indexed
// one: keys starting with "up_" are virtual (their value is the rest of
// the key in upper case, read-only), every other key is ordinary.
type upperKeys struct{}

func virtualKey(k PropKey) (string, bool) {
	if k.sym == nil && strings.HasPrefix(k.s, "up_") {
		return strings.ToUpper(k.s[3:]), true
	}
	return "", false
}

func (upperKeys) getPrototypeOf(it *Interp, o *Object) (*Object, error) { return o.shape.proto, nil }
func (upperKeys) setPrototypeOf(it *Interp, o *Object, p *Object) (bool, error) {
	return it.ordinarySetPrototypeOf(o, p), nil
}
func (upperKeys) isExtensible(it *Interp, o *Object) (bool, error) { return o.Extensible(), nil }
func (upperKeys) preventExtensions(it *Interp, o *Object) (bool, error) {
	preventExtensions(o)
	return true, nil
}
func (upperKeys) getOwnProperty(it *Interp, o *Object, k PropKey) (PropertyDescriptor, bool, error) {
	if s, ok := virtualKey(k); ok {
		return PropertyDescriptor{Value: Str(s), Enumerable: true, HasValue: true, HasWritable: true, HasEnumerable: true, HasConfigurable: true}, true, nil
	}
	return it.ordinaryGetOwnProperty(o, k)
}
func (upperKeys) defineOwnProperty(it *Interp, o *Object, k PropKey, d PropertyDescriptor) (bool, error) {
	if _, ok := virtualKey(k); ok {
		return false, nil
	}
	return it.ordinaryDefineOwnProperty(o, k, d)
}
func (upperKeys) hasProperty(it *Interp, o *Object, k PropKey) (bool, error) {
	if _, ok := virtualKey(k); ok {
		return true, nil
	}
	return it.ordinaryHasProperty(o, k)
}
func (upperKeys) get(it *Interp, o *Object, k PropKey, receiver Value) (Value, error) {
	if s, ok := virtualKey(k); ok {
		return Str(s), nil
	}
	return it.ordinaryGet(o, k, receiver)
}
func (upperKeys) set(it *Interp, o *Object, k PropKey, v, receiver Value) (bool, error) {
	if _, ok := virtualKey(k); ok {
		return false, nil
	}
	return it.ordinarySet(o, k, v, receiver)
}
func (upperKeys) delete(it *Interp, o *Object, k PropKey) (bool, error) {
	if _, ok := virtualKey(k); ok {
		return false, nil
	}
	return o.deleteOwn(k), nil
}
func (upperKeys) ownPropertyKeys(it *Interp, o *Object) ([]PropKey, error) {
	return append([]PropKey{StrKey("up_a")}, o.ownKeys(true)...), nil
}

// TestExoticDispatch checks that the generic paths (property access from
// bytecode, the in operator, Object built-ins, delete) reach an exotic
// object's methods and that its fallbacks reach the ordinary storage.
func TestExoticDispatch(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"o.up_abc", "ABC"},
		{"o.plain = 1; o.plain", "1"},
		{"'up_q' in o", "true"},
		{"'plain' in o", "false"},
		{"Object.keys(o).join()", "up_a"},
		{"o.x = 2; Object.keys(o).join()", "up_a,x"},
		{"'use strict'; try { o.up_z = 1; 'no' } catch (e) { e.name }", "TypeError"},
		{"Reflect.deleteProperty(o, 'up_b')", "false"},
		{"o.y = 1; delete o.y; 'y' in o", "false"},
		{"var c = Object.create(o); c.up_k", "K"},
		{"o.toString === Object.prototype.toString", "true"},
		{"var n = 0; for (var i = 0; i < 3; i++) n += o.up_v.length; n", "3"},
	} {
		it, r := NewInterp()
		o := NewObject(r.ObjectPrototype)
		o.flags |= flagExotic
		o.internal = upperKeys{}
		r.defineGlobal("o", ObjValue(o))
		tmpl, err := compiler.Compile("test.js", tt.src, compiler.Options{})
		if err != nil {
			t.Fatal(err)
		}
		v, err := it.RunTemplate(r, tmpl)
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if s, _ := it.ToString(v); s.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, s.String(), tt.want)
		}
	}
}

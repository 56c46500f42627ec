// Package vm is the virtual machine of Glassbox's JavaScript engine: its
// values, objects with shapes, the bytecode interpreter with inline caches,
// realms with their built-in objects, and the job queue.
//
// A Value is a small struct, never an interface, so numbers and booleans
// move through the interpreter without allocating. Strings, objects,
// symbols and bigints are pointers inside it.
//
// Objects keep their named properties in a slots slice described by a
// Shape (a hidden class); objects built the same way share shapes, which
// lets the inline caches of property sites remember "for this shape, the
// property is at slot i" and skip the lookup. Integer-indexed elements are
// stored apart, densely where they can be.
//
// The interpreter keeps JavaScript frames on an explicit stack, so calls
// from JavaScript to JavaScript do not recurse in Go; generators keep their
// frame when they suspend. Exceptions travel as values through handler
// tables, never as Go panics.
package vm

import (
	"math"
	"math/big"
	"unsafe"
)

// Kind is the type tag of a Value.
type Kind uint8

// Value kinds. Hole is the engine-internal marker for uninitialised
// bindings (the temporal dead zone) and array holes; it never escapes to
// script.
const (
	KindUndefined Kind = iota
	KindNull
	KindBool
	KindNumber
	KindString
	KindSymbol
	KindObject
	KindBigInt
	KindHole
	kindAccessor // a getter/setter pair in an object's slot; never a script value
	kindContext  // a *Context saved in a register
	kindModule   // a *Module in slot 0 of its module context
)

func ctxValue(c *Context) Value { return Value{kind: kindContext, ptr: unsafe.Pointer(c)} }

func (v Value) context() *Context { return (*Context)(v.ptr) }

// Value is a JavaScript value.
type Value struct {
	kind Kind
	num  float64        // number; bool as 0/1
	ptr  unsafe.Pointer // *String, *Object, *Symbol, *big.Int
}

// Common values.
var (
	Undefined = Value{}
	Null      = Value{kind: KindNull}
	True      = Value{kind: KindBool, num: 1}
	False     = Value{kind: KindBool}
	Hole      = Value{kind: KindHole}
	NaN       = Value{kind: KindNumber, num: math.NaN()}
)

// Num returns a number value.
func Num(f float64) Value { return Value{kind: KindNumber, num: f} }

// Int returns a number value for an integer.
func Int(i int) Value { return Value{kind: KindNumber, num: float64(i)} }

// Bool returns a boolean value.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Str returns a string value for Go string s (UTF-8; WTF-8 tolerated).
func Str(s string) Value { return StrValue(NewString(s)) }

// StrValue wraps a *String.
func StrValue(s *String) Value { return Value{kind: KindString, ptr: unsafe.Pointer(s)} }

// ObjValue wraps an *Object.
func ObjValue(o *Object) Value {
	if o == nil {
		return Undefined
	}
	return Value{kind: KindObject, ptr: unsafe.Pointer(o)}
}

// SymValue wraps a *Symbol.
func SymValue(s *Symbol) Value { return Value{kind: KindSymbol, ptr: unsafe.Pointer(s)} }

// BigIntValue wraps a *big.Int, which must not be mutated afterwards.
func BigIntValue(b *big.Int) Value { return Value{kind: KindBigInt, ptr: unsafe.Pointer(b)} }

// Kind returns v's type tag.
func (v Value) Kind() Kind { return v.kind }

// IsUndefined and friends test v's kind.
func (v Value) IsUndefined() bool { return v.kind == KindUndefined }
func (v Value) IsNull() bool      { return v.kind == KindNull }
func (v Value) IsNullish() bool   { return v.kind <= KindNull }
func (v Value) IsBool() bool      { return v.kind == KindBool }
func (v Value) IsNumber() bool    { return v.kind == KindNumber }
func (v Value) IsString() bool    { return v.kind == KindString }
func (v Value) IsSymbol() bool    { return v.kind == KindSymbol }
func (v Value) IsObject() bool    { return v.kind == KindObject }
func (v Value) IsBigInt() bool    { return v.kind == KindBigInt }
func (v Value) IsHole() bool      { return v.kind == KindHole }

// Float returns the number in v (0 when v is not a number).
func (v Value) Float() float64 { return v.num }

// BoolVal returns the boolean in v.
func (v Value) BoolVal() bool { return v.num != 0 }

// Obj returns the object in v, or nil.
func (v Value) Obj() *Object {
	if v.kind != KindObject {
		return nil
	}
	return (*Object)(v.ptr)
}

// Strv returns the string in v, or nil.
func (v Value) Strv() *String {
	if v.kind != KindString {
		return nil
	}
	return (*String)(v.ptr)
}

// Sym returns the symbol in v, or nil.
func (v Value) Sym() *Symbol {
	if v.kind != KindSymbol {
		return nil
	}
	return (*Symbol)(v.ptr)
}

// Big returns the bigint in v, or nil.
func (v Value) Big() *big.Int {
	if v.kind != KindBigInt {
		return nil
	}
	return (*big.Int)(v.ptr)
}

// Symbol is a JavaScript symbol.
type Symbol struct {
	Description Value // undefined or a string
	// private marks a class's private name (#x): its properties are
	// invisible to reflection and never inherited.
	private bool
	// weak holds the entries of the WeakMaps and WeakSets that have this
	// symbol as a key (see builtin_weak.go).
	weak weakTable
}

// String returns the symbol's descriptive string, as Symbol.prototype.toString.
func (s *Symbol) String() string {
	if s.Description.IsString() {
		return "Symbol(" + s.Description.Strv().String() + ")"
	}
	return "Symbol()"
}

// SameValue is the spec's SameValue.
func SameValue(a, b Value) bool {
	if a.kind == KindNumber && b.kind == KindNumber {
		if math.IsNaN(a.num) && math.IsNaN(b.num) {
			return true
		}
		return a.num == b.num && math.Signbit(a.num) == math.Signbit(b.num)
	}
	return StrictEquals(a, b)
}

// SameValueZero is SameValue with +0 equal to -0.
func SameValueZero(a, b Value) bool {
	if a.kind == KindNumber && b.kind == KindNumber && math.IsNaN(a.num) && math.IsNaN(b.num) {
		return true
	}
	return StrictEquals(a, b)
}

// StrictEquals is ===.
func StrictEquals(a, b Value) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case KindUndefined, KindNull, KindHole:
		return true
	case KindNumber, KindBool:
		return a.num == b.num
	case KindString:
		return a.Strv().Equals(b.Strv())
	case KindBigInt:
		return a.Big().Cmp(b.Big()) == 0
	}
	return a.ptr == b.ptr
}

// ToFloat returns the number in v and whether v is a number.
func (v Value) ToFloat() (float64, bool) { return v.num, v.kind == KindNumber }

// Export converts v to a Go value for printing and tests: float64,
// string, bool, nil for undefined and null, *big.Int, []any for arrays,
// map[string]any for other objects (own enumerable data properties).
func (v Value) Export() any {
	return v.export(map[*Object]bool{})
}

func (v Value) export(seen map[*Object]bool) any {
	switch v.kind {
	case KindUndefined, KindNull, KindHole:
		return nil
	case KindBool:
		return v.num != 0
	case KindNumber:
		return v.num
	case KindString:
		return v.Strv().String()
	case KindSymbol:
		return v.Sym().String()
	case KindBigInt:
		return new(big.Int).Set(v.Big())
	}
	o := v.Obj()
	if seen[o] {
		return nil
	}
	seen[o] = true
	defer delete(seen, o)
	if o.class == ClassArray {
		out := make([]any, o.length)
		for i := range out {
			if p, ok := o.getOwn(indexKey(i)); ok && p.attr&Accessor == 0 {
				out[i] = p.value.export(seen)
			}
		}
		return out
	}
	m := map[string]any{}
	for _, k := range o.ownKeys(false) {
		if p, ok := o.getOwn(k); ok && p.attr&(Accessor) == 0 && p.attr&Enumerable != 0 {
			m[k.s] = p.value.export(seen)
		}
	}
	return m
}

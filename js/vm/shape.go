package vm

import "sync/atomic"

// PropKey is a property key: a string (in WTF-8 form) or a symbol.
type PropKey struct {
	s   string
	sym *Symbol
}

// StrKey makes a string key.
func StrKey(s string) PropKey { return PropKey{s: s} }

// SymKey makes a symbol key.
func SymKey(s *Symbol) PropKey { return PropKey{sym: s} }

// IsSymbol reports whether k is a symbol key.
func (k PropKey) IsSymbol() bool { return k.sym != nil }

// String returns the string key, or the symbol's description form.
func (k PropKey) String() string {
	if k.sym != nil {
		return k.sym.String()
	}
	return k.s
}

// Value returns k as a JavaScript value.
func (k PropKey) Value() Value {
	if k.sym != nil {
		return SymValue(k.sym)
	}
	return Str(k.s)
}

// arrayIndex reports whether k is a canonical array index (0 .. 2^32-2).
func (k PropKey) arrayIndex() (uint32, bool) {
	if k.sym != nil {
		return 0, false
	}
	return parseArrayIndex(k.s)
}

func parseArrayIndex(s string) (uint32, bool) {
	n := len(s)
	if n == 0 || n > 10 || (n > 1 && s[0] == '0') {
		return 0, false
	}
	var v uint64
	for i := 0; i < n; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	if v >= 0xFFFFFFFF {
		return 0, false
	}
	return uint32(v), true
}

// Attr holds property attributes.
type Attr uint8

// Property attributes. Accessor marks a slot holding a getter/setter pair.
const (
	Writable Attr = 1 << iota
	Enumerable
	Configurable
	Accessor

	// Default is the attributes of a property made by assignment.
	Default = Writable | Enumerable | Configurable
	// Hidden is the attributes of built-in methods: not enumerable.
	Hidden = Writable | Configurable
)

// Shape is a hidden class: the layout of an object's named properties
// (key -> slot index and attributes) and its prototype. Objects that gain
// the same properties in the same order from the same root share a shape,
// found through the transition tree. A shape in dictionary mode belongs to
// a single object and is never cached by inline caches, since it changes in
// place.
type Shape struct {
	proto *Object
	keys  []PropKey
	attrs []Attr
	index map[PropKey]int // built once there are enough keys

	transitions map[transition]*Shape
	dict        bool
	id          uint32 // for introspection
}

type transition struct {
	key  PropKey
	attr Attr
}

const (
	indexThreshold = 8   // build a map index above this many keys
	dictThreshold  = 128 // go to dictionary mode above this many keys
)

// shapeIDs numbers shapes across all agents, which may run at once.
var shapeIDs atomic.Uint32

func newShape(proto *Object) *Shape {
	return &Shape{proto: proto, id: shapeIDs.Add(1)}
}

// ID is a number identifying the shape, for tools.
func (s *Shape) ID() uint32 { return s.id }

// Len is the number of named properties.
func (s *Shape) Len() int { return len(s.keys) }

// IsDictionary reports whether s is in dictionary mode.
func (s *Shape) IsDictionary() bool { return s.dict }

// lookup returns the slot of key, or -1.
func (s *Shape) lookup(k PropKey) int {
	if s.index != nil {
		if i, ok := s.index[k]; ok {
			return i
		}
		return -1
	}
	for i := len(s.keys) - 1; i >= 0; i-- {
		if s.keys[i] == k {
			return i
		}
	}
	return -1
}

func (s *Shape) buildIndex() {
	if len(s.keys) <= indexThreshold {
		s.index = nil
		return
	}
	s.index = make(map[PropKey]int, len(s.keys))
	for i, k := range s.keys {
		s.index[k] = i
	}
}

// withProperty returns the shape after adding key with attributes a.
func (s *Shape) withProperty(k PropKey, a Attr) *Shape {
	if s.dict {
		s.keys = append(s.keys, k)
		s.attrs = append(s.attrs, a)
		if s.index != nil {
			s.index[k] = len(s.keys) - 1
		} else {
			s.buildIndex()
		}
		return s
	}
	t := transition{k, a}
	if c, ok := s.transitions[t]; ok {
		return c
	}
	if len(s.keys) >= dictThreshold {
		d := s.toDict()
		return d.withProperty(k, a)
	}
	c := newShape(s.proto)
	n := len(s.keys)
	c.keys = append(s.keys[:n:n], k)
	c.attrs = append(s.attrs[:n:n], a)
	c.buildIndex()
	if s.transitions == nil {
		s.transitions = make(map[transition]*Shape)
	}
	s.transitions[t] = c
	return c
}

// toDict returns an unshared dictionary copy of s.
func (s *Shape) toDict() *Shape {
	d := newShape(s.proto)
	d.dict = true
	d.keys = append([]PropKey(nil), s.keys...)
	d.attrs = append([]Attr(nil), s.attrs...)
	d.buildIndex()
	return d
}

// remove deletes slot i from a dictionary shape.
func (s *Shape) remove(i int) {
	s.keys = append(s.keys[:i], s.keys[i+1:]...)
	s.attrs = append(s.attrs[:i], s.attrs[i+1:]...)
	s.buildIndex()
}

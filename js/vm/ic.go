package vm

import (
	"math/big"

	"glassbox/js/bytecode"
)

// ICState is the state of an inline cache.
type ICState uint8

// Inline cache states, in the order a site moves through them.
const (
	Uninitialized ICState = iota
	Monomorphic
	Polymorphic
	Megamorphic
)

func (s ICState) String() string {
	return [...]string{"uninitialized", "monomorphic", "polymorphic", "megamorphic"}[s]
}

const maxPolymorphism = 4

// icEntry remembers, for objects of one shape, where a property is.
type icEntry struct {
	shape  *Shape
	slot   int
	holder *Object  // nil when the property is own
	chain  []*Shape // shapes of the prototypes from the receiver's up to the holder (or to the end for stores)
	next   *Shape   // stores that add a property: the shape after adding
}

// IC is one feedback slot's cache.
type IC struct {
	Kind    bytecode.SlotKind
	State   ICState
	entries [maxPolymorphism]icEntry
	n       int
	// Seen records, for binary and compare ops, which operand types came
	// by (bit 0 small integers, 1 other numbers, 2 strings, 3 anything
	// else); for calls, the last target.
	Seen   uint8
	Target *Object
}

// Shapes returns the shapes an IC currently holds, for tools.
func (c *IC) Shapes() []*Shape {
	var s []*Shape
	for i := 0; i < c.n; i++ {
		s = append(s, c.entries[i].shape)
	}
	return s
}

// templateData is the interpreter's per-template cache: constants turned
// into values and keys, and the feedback vector.
type templateData struct {
	consts []Value
	keys   []PropKey
	ics    []IC
	// templates caches the strings objects of tagged templates by
	// constant index.
	templates map[int]*Object
}

func dataOf(t *bytecode.FunctionTemplate) *templateData {
	if d, ok := t.Cache.(*templateData); ok {
		return d
	}
	return newTemplateData(t)
}

func newTemplateData(t *bytecode.FunctionTemplate) *templateData {
	d := &templateData{consts: make([]Value, len(t.Constants)), keys: make([]PropKey, len(t.Constants)), ics: make([]IC, len(t.Feedback))}
	for i, c := range t.Constants {
		switch c := c.(type) {
		case float64:
			d.consts[i] = Num(c)
		case string:
			s := NewString(c)
			d.consts[i] = StrValue(s)
			d.keys[i] = StrKey(s.Key())
		case bytecode.BigIntConst:
			b, ok := new(big.Int).SetString(string(c), 0)
			if !ok {
				b = new(big.Int)
			}
			d.consts[i] = BigIntValue(b)
		}
	}
	for i, k := range t.Feedback {
		d.ics[i].Kind = k
	}
	t.Cache = d
	return d
}

// Feedback returns the inline caches of a template, for tools and tests.
func Feedback(t *bytecode.FunctionTemplate) []IC { return dataOf(t).ics }

// chainValid checks that the prototypes after shape still have the shapes
// recorded in chain.
func chainValid(s *Shape, chain []*Shape) bool {
	p := s.proto
	for _, cs := range chain {
		if p == nil || p.shape != cs {
			return false
		}
		p = cs.proto
	}
	return true
}

// loadIC looks key up in the cache for receiver shape s.
func (c *IC) load(o *Object) (Value, bool) {
	s := o.shape
	for i := 0; i < c.n; i++ {
		e := &c.entries[i]
		if e.shape != s {
			continue
		}
		if e.holder == nil {
			return o.slots[e.slot], true
		}
		if chainValid(s, e.chain) {
			return e.holder.slots[e.slot], true
		}
		return Value{}, false
	}
	return Value{}, false
}

func (c *IC) add(e icEntry) {
	if c.State == Megamorphic {
		return
	}
	for i := 0; i < c.n; i++ {
		if c.entries[i].shape == e.shape {
			c.entries[i] = e
			return
		}
	}
	if c.n == maxPolymorphism {
		c.State = Megamorphic
		c.n = 0
		c.entries = [maxPolymorphism]icEntry{}
		return
	}
	c.entries[c.n] = e
	c.n++
	if c.n == 1 {
		c.State = Monomorphic
	} else {
		c.State = Polymorphic
	}
}

// recordLoad fills the cache after a slow lookup of k on o found a plain
// data property.
func (c *IC) recordLoad(o *Object, k PropKey) {
	if c.State == Megamorphic || o.shape.dict {
		return
	}
	if _, ok := k.arrayIndex(); ok || typedNumeric(o, k) {
		return
	}
	if o.class == ClassArray || o.class == ClassString {
		if k.sym == nil && k.s == "length" {
			return
		}
	}
	if _, named := o.internal.(HostNamed); named && o.class == ClassHost {
		return // its named properties are not in its shape
	}
	if i := o.shape.lookup(k); i >= 0 {
		if o.shape.attrs[i]&Accessor == 0 {
			c.add(icEntry{shape: o.shape, slot: i})
		}
		return
	}
	var chain []*Shape
	for h := o.shape.proto; h != nil; h = h.shape.proto {
		if h.shape.dict || h.class == ClassString || h.class == ClassArray || h.class == ClassTypedArray {
			return
		}
		chain = append(chain, h.shape)
		if i := h.shape.lookup(k); i >= 0 {
			if h.shape.attrs[i]&Accessor == 0 {
				c.add(icEntry{shape: o.shape, slot: i, holder: h, chain: chain})
			}
			return
		}
		if len(chain) > 8 {
			return
		}
	}
}

// store tries the cache for an assignment of v to a property of o.
func (c *IC) store(o *Object, v Value) bool {
	s := o.shape
	for i := 0; i < c.n; i++ {
		e := &c.entries[i]
		if e.shape != s {
			continue
		}
		if e.next == nil {
			o.slots[e.slot] = v
			return true
		}
		if !chainValid(s, e.chain) {
			return false
		}
		o.shape = e.next
		o.slots = append(o.slots, v)
		return true
	}
	return false
}

// recordStore fills the cache after a slow store; before is the shape the
// object had before the store.
func (c *IC) recordStore(o *Object, before *Shape, k PropKey) {
	if c.State == Megamorphic || o.shape.dict || before.dict || o.class == ClassArray && k.s == "length" {
		return
	}
	if _, ok := k.arrayIndex(); ok {
		return
	}
	i := o.shape.lookup(k)
	if i < 0 || o.shape.attrs[i] != Default {
		return
	}
	if before == o.shape {
		c.add(icEntry{shape: before, slot: i})
		return
	}
	if len(o.shape.keys) != len(before.keys)+1 || !o.Extensible() {
		return
	}
	// An added property: valid while no prototype gains a setter or a
	// read-only property of that name, which would change its shape.
	var chain []*Shape
	for h := before.proto; h != nil; h = h.shape.proto {
		if h.shape.dict {
			return
		}
		chain = append(chain, h.shape)
	}
	c.add(icEntry{shape: before, slot: i, next: o.shape, chain: chain})
}

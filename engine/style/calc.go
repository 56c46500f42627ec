package style

import (
	"math"
	"strings"

	"glassbox/engine/css"
)

// This file implements the math functions of CSS Values 4 (calc(), min(),
// max(), clamp()) for lengths, percentages and numbers.
//
// A math function is parsed, with its type checked, when a declaration is
// compiled, into a calcNode tree. Computing the style resolves every
// length in it to px; what remains is a linear combination of px and a
// percentage (calc(100% - 2em) is 100% - 32px), or, where min(), max() or
// clamp() mix percentages with lengths, a tree that can only be evaluated
// once layout knows what the percentage refers to. A Length of unit Calc
// holds either.

// calcOp is the operation of a calcNode.
type calcOp uint8

const (
	calcLeaf     calcOp = iota // a number, percentage or dimension
	calcSum                    // args[0] + args[1] + ... (subtraction negates)
	calcProduct                // args[0] * args[1]
	calcQuotient               // args[0] / args[1]
	calcMin
	calcMax
	calcClamp // args: min, value, max
	calcNegate
)

// calcType is the type of a math expression: a number, a length, or a
// length-percentage (percentages may be present).
type calcType uint8

const (
	typeNumber calcType = iota
	typeLength
	typePercent // a bare percentage
	typeLengthPercent
)

// calcNode is a node of a parsed math expression.
type calcNode struct {
	op   calcOp
	args []*calcNode
	// A leaf: num in unit, a percentage (pct), or a number.
	num  float32
	unit unit
	kind valueKind // kLength, kPercent or kNumber
	typ  calcType
}

// isMathFunction reports whether t is a math function this engine
// evaluates.
func isMathFunction(t css.Token) bool {
	if t.Type != css.FunctionToken {
		return false
	}
	switch strings.ToLower(t.Value) {
	case "calc", "min", "max", "clamp", "-webkit-calc", "-moz-calc":
		return true
	}
	return false
}

// parseMath parses a math function token. It returns nil when the
// expression is invalid.
func parseMath(t css.Token) *calcNode {
	p := calcParser{depth: 0}
	return p.function(t)
}

type calcParser struct{ depth int }

// maxCalcDepth bounds nesting, so that hostile input cannot exhaust the
// stack.
const maxCalcDepth = 32

func (p *calcParser) function(t css.Token) *calcNode {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxCalcDepth {
		return nil
	}
	args := splitCommas(t.Children)
	var nodes []*calcNode
	for _, a := range args {
		n := p.sum(trim(a))
		if n == nil {
			return nil
		}
		nodes = append(nodes, n)
	}
	switch strings.ToLower(t.Value) {
	case "calc", "-webkit-calc", "-moz-calc":
		if len(nodes) != 1 {
			return nil
		}
		return nodes[0]
	case "min", "max":
		if len(nodes) == 0 {
			return nil
		}
		typ, ok := unify(nodes)
		if !ok {
			return nil
		}
		op := calcMin
		if strings.EqualFold(t.Value, "max") {
			op = calcMax
		}
		return &calcNode{op: op, args: nodes, typ: typ}
	case "clamp":
		if len(nodes) != 3 {
			return nil
		}
		typ, ok := unify(nodes)
		if !ok {
			return nil
		}
		return &calcNode{op: calcClamp, args: nodes, typ: typ}
	}
	return nil
}

// unify finds the common type of the arguments of min(), max(), clamp()
// or a sum: all numbers, or all lengths and percentages.
func unify(nodes []*calcNode) (calcType, bool) {
	typ := nodes[0].typ
	for _, n := range nodes[1:] {
		if (typ == typeNumber) != (n.typ == typeNumber) {
			return 0, false
		}
		if n.typ != typ {
			typ = typeLengthPercent
		}
	}
	return typ, true
}

func trim(ts []css.Token) []css.Token {
	for len(ts) > 0 && ts[0].Type == css.WhitespaceToken {
		ts = ts[1:]
	}
	for len(ts) > 0 && ts[len(ts)-1].Type == css.WhitespaceToken {
		ts = ts[:len(ts)-1]
	}
	return ts
}

// sum parses "product [ ('+' | '-') product ]*". The operators must have
// white space on both sides.
func (p *calcParser) sum(ts []css.Token) *calcNode {
	if len(ts) == 0 {
		return nil
	}
	var terms []*calcNode
	start := 0
	neg := false
	for i := 0; i <= len(ts); i++ {
		atOp := i < len(ts) && (ts[i].IsDelim('+') || ts[i].IsDelim('-'))
		if i < len(ts) && !atOp {
			continue
		}
		if atOp && (i == 0 || i == len(ts)-1 || ts[i-1].Type != css.WhitespaceToken || ts[i+1].Type != css.WhitespaceToken) {
			return nil
		}
		n := p.product(trim(ts[start:i]))
		if n == nil {
			return nil
		}
		if neg {
			n = &calcNode{op: calcNegate, args: []*calcNode{n}, typ: n.typ}
		}
		terms = append(terms, n)
		if atOp {
			neg = ts[i].IsDelim('-')
			start = i + 1
		}
	}
	if len(terms) == 1 {
		return terms[0]
	}
	typ, ok := unify(terms)
	if !ok {
		return nil
	}
	return &calcNode{op: calcSum, args: terms, typ: typ}
}

// product parses "value [ ('*' | '/') value ]*".
func (p *calcParser) product(ts []css.Token) *calcNode {
	var acc *calcNode
	var op byte
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.Type == css.WhitespaceToken {
			continue
		}
		if t.IsDelim('*') || t.IsDelim('/') {
			if acc == nil || op != 0 {
				return nil
			}
			op = t.Value[0]
			continue
		}
		n := p.value(t)
		if n == nil {
			return nil
		}
		switch {
		case acc == nil:
			acc = n
		case op == 0:
			return nil // two values with no operator between them
		case op == '*':
			if acc.typ != typeNumber && n.typ != typeNumber {
				return nil
			}
			typ := acc.typ
			if typ == typeNumber {
				typ = n.typ
			}
			acc = &calcNode{op: calcProduct, args: []*calcNode{acc, n}, typ: typ}
		default: // '/'
			if n.typ != typeNumber {
				return nil
			}
			acc = &calcNode{op: calcQuotient, args: []*calcNode{acc, n}, typ: acc.typ}
		}
		op = 0
	}
	if acc == nil || op != 0 {
		return nil
	}
	return acc
}

// value parses one operand: a number, dimension, percentage, a
// parenthesized sum or a nested math function.
func (p *calcParser) value(t css.Token) *calcNode {
	switch t.Type {
	case css.NumberToken:
		return &calcNode{kind: kNumber, num: float32(t.Num), typ: typeNumber}
	case css.PercentageToken:
		return &calcNode{kind: kPercent, num: float32(t.Num), typ: typePercent}
	case css.DimensionToken:
		u, ok := units[strings.ToLower(t.Unit)]
		if !ok {
			return nil
		}
		return &calcNode{kind: kLength, unit: u, num: float32(t.Num), typ: typeLength}
	case css.BlockToken:
		if t.Value != "(" {
			return nil
		}
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxCalcDepth {
			return nil
		}
		return p.sum(trim(t.Children))
	case css.FunctionToken:
		return p.function(t)
	case css.IdentToken:
		switch strings.ToLower(t.Value) {
		case "pi":
			return &calcNode{kind: kNumber, num: math.Pi, typ: typeNumber}
		case "e":
			return &calcNode{kind: kNumber, num: math.E, typ: typeNumber}
		}
	}
	return nil
}

// linear is px + pct% (pct of the percentage basis).
type linear struct{ px, pct float32 }

// CalcLength is the computed value of a math expression that mixes
// lengths and percentages: px + pct% when it is linear, or a tree of
// min(), max() and clamp() over such terms.
type CalcLength struct {
	lin  linear
	tree *calcNode // nil when lin is the value; leaves then hold px (unit uPx) or pct
}

// Resolve returns the value in px against a percentage basis.
func (c *CalcLength) Resolve(basis float32) float32 {
	if c.tree == nil {
		return c.lin.px + c.lin.pct*basis/100
	}
	return c.tree.eval(basis)
}

// HasPercent reports whether the value depends on the percentage basis.
func (c *CalcLength) HasPercent() bool { return c.tree != nil || c.lin.pct != 0 }

// eval evaluates a computed tree (lengths already in px) against basis.
func (n *calcNode) eval(basis float32) float32 {
	switch n.op {
	case calcLeaf:
		if n.kind == kPercent {
			return n.num * basis / 100
		}
		return n.num
	case calcSum:
		var s float32
		for _, a := range n.args {
			s += a.eval(basis)
		}
		return s
	case calcNegate:
		return -n.args[0].eval(basis)
	case calcProduct:
		return n.args[0].eval(basis) * n.args[1].eval(basis)
	case calcQuotient:
		return n.args[0].eval(basis) / n.args[1].eval(basis)
	case calcMin, calcMax:
		r := n.args[0].eval(basis)
		for _, a := range n.args[1:] {
			v := a.eval(basis)
			if n.op == calcMin {
				r = min(r, v)
			} else {
				r = max(r, v)
			}
		}
		return r
	case calcClamp:
		lo, v, hi := n.args[0].eval(basis), n.args[1].eval(basis), n.args[2].eval(basis)
		return max(lo, min(v, hi))
	}
	return 0
}

// compute resolves lengths in a parsed tree to px with toPx and
// simplifies it. ok is false when the result is linear (returned in lin);
// otherwise tree is a new tree whose leaves are px or percentages.
func (n *calcNode) compute(toPx func(num float32, u unit) float32) (lin linear, tree *calcNode) {
	switch n.op {
	case calcLeaf:
		switch n.kind {
		case kPercent:
			return linear{pct: n.num}, nil
		case kLength:
			return linear{px: toPx(n.num, n.unit)}, nil
		}
		return linear{px: n.num}, nil // a number, carried in px
	case calcNegate:
		l, t := n.args[0].compute(toPx)
		if t != nil {
			return linear{}, &calcNode{op: calcNegate, args: []*calcNode{t}}
		}
		return linear{-l.px, -l.pct}, nil
	case calcSum:
		var sum linear
		var trees []*calcNode
		for _, a := range n.args {
			l, t := a.compute(toPx)
			if t != nil {
				trees = append(trees, t)
				continue
			}
			sum.px += l.px
			sum.pct += l.pct
		}
		if trees == nil {
			return sum, nil
		}
		return linear{}, &calcNode{op: calcSum, args: append(trees, sum.node()...)}
	case calcProduct, calcQuotient:
		la, ta := n.args[0].compute(toPx)
		lb, tb := n.args[1].compute(toPx)
		if ta == nil && tb == nil {
			if n.op == calcQuotient {
				if lb.px == 0 {
					// Division by zero gives infinity, which clamps to the
					// largest value when used.
					return linear{px: float32(math.Inf(sign(la.px + la.pct)))}, nil
				}
				return linear{la.px / lb.px, la.pct / lb.px}, nil
			}
			// One side is a number, its value in px.
			if n.args[0].typ == typeNumber {
				return linear{la.px * lb.px, la.px * lb.pct}, nil
			}
			return linear{la.px * lb.px, la.pct * lb.px}, nil
		}
		return linear{}, &calcNode{op: n.op, args: []*calcNode{toTree(la, ta), toTree(lb, tb)}}
	default: // min, max, clamp
		var args []*calcNode
		allPx := true
		vals := make([]float32, len(n.args))
		for i, a := range n.args {
			l, t := a.compute(toPx)
			if t != nil || l.pct != 0 {
				allPx = false
			}
			vals[i] = l.px
			args = append(args, toTree(l, t))
		}
		if allPx {
			r := vals[0]
			switch n.op {
			case calcMin:
				for _, v := range vals[1:] {
					r = min(r, v)
				}
			case calcMax:
				for _, v := range vals[1:] {
					r = max(r, v)
				}
			case calcClamp:
				r = max(vals[0], min(vals[1], vals[2]))
			}
			return linear{px: r}, nil
		}
		return linear{}, &calcNode{op: n.op, args: args}
	}
}

func sign(v float32) int {
	if v < 0 {
		return -1
	}
	return 1
}

// node returns the leaves of a linear value, for a sum.
func (l linear) node() []*calcNode {
	var out []*calcNode
	if l.px != 0 {
		out = append(out, &calcNode{kind: kLength, num: l.px})
	}
	if l.pct != 0 {
		out = append(out, &calcNode{kind: kPercent, num: l.pct})
	}
	return out
}

func toTree(l linear, t *calcNode) *calcNode {
	if t != nil {
		return t
	}
	return &calcNode{op: calcSum, args: l.node()}
}

// finite clamps infinities and NaN from math expressions to values that
// keep layout arithmetic sane (CSS Values 4 10.9: NaN becomes 0).
func finite(v float32) float32 {
	switch {
	case v != v:
		return 0
	case v > math.MaxFloat32/4:
		return math.MaxFloat32 / 4
	case v < -math.MaxFloat32/4:
		return -math.MaxFloat32 / 4
	}
	return v
}

package compiler

import (
	"sort"

	"github.com/tdewolff/parse/v2/js"
)

// Trailing elisions of array binding patterns.
//
// The parser drops the holes after the last element of an array binding
// pattern (`[a,,]` parses as `[a]`), yet each of them steps the iterator
// (ECMA-262 IteratorBindingInitialization of Elision). The count is
// recovered from the source: the pattern's first identifier is found in
// the token stream, the pattern's `[` is found by walking back over the
// brackets that lie between the two, and the elements of the bracket
// group are counted forward. A pattern with no identifier to anchor it
// (`[,]`) keeps the parser's count.

// trailingElisions returns how many holes the parser dropped from the end
// of b, or 0 where it cannot tell.
func (c *compiler) trailingElisions(b *js.BindingArray) int {
	if b.Rest != nil {
		return 0
	}
	c.scanElisionTokens()
	if len(b.List) == 0 {
		return c.onlyElisions(b)
	}
	anchor, openers, ok := c.firstBindingName(b)
	if !ok {
		return 0
	}
	off := c.offsetOf(anchor)
	if off < 0 {
		return 0
	}
	toks := c.elisionToks
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= off })
	if i == len(toks) || toks[i].start != off {
		return 0
	}
	open := -1
	for j := i - 1; j >= 0 && openers > 0; j-- {
		switch toks[j].tt {
		case js.OpenBracketToken, js.OpenBraceToken:
			openers--
			if openers == 0 {
				open = j
			}
		case js.CommaToken, js.EllipsisToken:
		default:
			return 0 // not the tokens that can lie between
		}
	}
	if open < 0 || toks[open].tt != js.OpenBracketToken {
		return 0
	}
	// A redeclared var shares its node with the first declaration, so
	// the anchor can lead to another pattern's bracket: each bracket
	// counts for the first pattern compiled that finds it, which is the
	// one it belongs to, as declarations compile in source order.
	if c.elisionClaims == nil {
		c.elisionClaims = map[int]*js.BindingArray{}
	}
	if p, ok := c.elisionClaims[open]; ok && p != b {
		return 0
	}
	c.elisionClaims[open] = b
	count, depth, empty := 0, 0, true
	for j := open + 1; j < len(toks); j++ {
		switch toks[j].tt {
		case js.OpenBracketToken, js.OpenBraceToken, js.OpenParenToken, js.TemplateStartToken:
			depth++
			empty = false
		case js.CloseBracketToken, js.CloseBraceToken, js.CloseParenToken, js.TemplateEndToken:
			if depth > 0 {
				depth--
				empty = false
				continue
			}
			if !empty {
				count++
			}
			if n := count - len(b.List); n > 0 && toks[j].tt == js.CloseBracketToken {
				return n
			}
			return 0
		case js.CommaToken:
			if depth == 0 {
				count++
				empty = true
			}
		default:
			empty = false
		}
	}
	return 0
}

// firstBindingName returns the data of the first name in source order in
// the pattern b and how many `[` and `{` lie before it in b, or false
// where there is none or the path to it holds a computed key.
func (c *compiler) firstBindingName(b js.IBinding) ([]byte, int, bool) {
	switch b := b.(type) {
	case *js.Var:
		return b.Data, 0, true
	case *js.BindingArray:
		for _, el := range b.List {
			if el.Binding != nil {
				d, n, ok := c.firstBindingName(el.Binding)
				return d, n + 1, ok
			}
		}
		if b.Rest != nil {
			d, n, ok := c.firstBindingName(b.Rest)
			return d, n + 1, ok
		}
	case *js.BindingObject:
		if len(b.List) > 0 {
			item := b.List[0]
			if item.Key == nil {
				d, n, ok := c.firstBindingName(item.Value.Binding)
				return d, n + 1, ok
			}
			if item.Key.IsComputed() {
				return nil, 0, false
			}
			if c.offsetOf(item.Key.Literal.Data) >= 0 {
				return item.Key.Literal.Data, 1, true
			}
			// The parser copies the key of a shorthand property; its
			// name is the binding's.
			if v, ok := item.Value.Binding.(*js.Var); ok {
				return v.Data, 1, true
			}
			return nil, 0, false
		}
		if b.Rest != nil {
			return b.Rest.Data, 1, true
		}
	}
	return nil, 0, false
}

func (c *compiler) scanElisionTokens() {
	if c.elisionToks == nil {
		c.elisionToks = scanTokens(c.src)
		if c.elisionToks == nil {
			c.elisionToks = []srcTok{}
		}
	}
}

// onlyElisions returns the number of elisions of b, a pattern the parser
// left empty.
func (c *compiler) onlyElisions(b *js.BindingArray) int {
	i, ok := c.holePatterns[b]
	if !ok {
		return 0
	}
	if c.commaGroups == nil {
		c.commaGroups = []int{}
		toks := c.elisionToks
		for j := 0; j < len(toks); j++ {
			if toks[j].tt != js.OpenBracketToken {
				continue
			}
			k := j + 1
			for k < len(toks) && toks[k].tt == js.CommaToken {
				k++
			}
			if k < len(toks) && toks[k].tt == js.CloseBracketToken {
				c.commaGroups = append(c.commaGroups, k-j-1)
			}
		}
	}
	if len(c.commaGroups) != c.nHoles {
		return 0
	}
	return c.commaGroups[i]
}

// onlyHoles reports whether the array literal a holds nothing but
// elisions (or nothing).
func onlyHoles(a *js.ArrayExpr) bool {
	for _, el := range a.List {
		if el.Value != nil || el.Spread {
			return false
		}
	}
	return true
}

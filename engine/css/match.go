package css

import (
	"strings"

	"glassbox/engine/dom"
)

// Matches reports whether el matches the selector. A selector with a
// pseudo-element matches the element that would own the pseudo-element.
//
// Matching runs right to left: the rightmost compound is tested against el
// first, since it rejects most elements at once, and only then are
// ancestors and siblings searched for the rest.
func (s *Selector) Matches(el *dom.Node) bool {
	if el == nil || el.Type != dom.ElementNode || len(s.Compounds) == 0 {
		return false
	}
	return s.matchFrom(len(s.Compounds)-1, el) == matched
}

// MatchesAny reports whether el matches any selector of the list.
func MatchesAny(sels []*Selector, el *dom.Node) bool {
	for _, s := range sels {
		if s.Matches(el) {
			return true
		}
	}
	return false
}

// matchResult lets a failed match tell the combinator loops above it how
// far to back off. Without it, "a b c d" against a deep tree retries every
// ancestor for every ancestor: exponential work for a certain failure.
type matchResult uint8

const (
	matched matchResult = iota
	// notHere: this element failed; the next sibling or ancestor may do.
	notHere
	// retryAncestor: no sibling will do; back off to the nearest
	// descendant combinator and try its next ancestor.
	retryAncestor
	// neverMatches: the tree ran out of ancestors, so no other choice
	// higher up can succeed either.
	neverMatches
)

// matchFrom matches Compounds[i] against el and the compounds left of it
// against el's relatives.
func (s *Selector) matchFrom(i int, el *dom.Node) matchResult {
	if !s.Compounds[i].matches(el) {
		return notHere
	}
	if i == 0 {
		return matched
	}
	comb := s.Combinators[i-1]
	// When the relatives run out: with no parent no ancestor remains
	// anywhere; with no sibling, an ancestor further up may still work.
	exhausted := neverMatches
	if comb == NextSibling || comb == SubsequentSibling {
		exhausted = retryAncestor
	}
	next := func(n *dom.Node) *dom.Node {
		if comb == Descendant || comb == Child {
			return n.ParentElement()
		}
		return n.PreviousElementSibling()
	}
	for rel := next(el); ; rel = next(rel) {
		if rel == nil {
			return exhausted
		}
		r := s.matchFrom(i-1, rel)
		switch {
		case r == matched || r == neverMatches:
			return r
		case comb == NextSibling:
			return r
		case comb == Child:
			return retryAncestor
		case comb == SubsequentSibling && r == retryAncestor:
			return r
		}
		// Descendant: any failure short of neverMatches tries the
		// next ancestor. SubsequentSibling: notHere tries the next
		// sibling.
	}
}

func (c *Compound) matches(el *dom.Node) bool {
	if c.Tag != "" {
		if el.Namespace == "" {
			if el.TagName != c.Tag && !strings.EqualFold(el.TagName, c.Tag) {
				return false
			}
		} else if el.TagName != c.tagExact {
			return false
		}
	}
	for _, id := range c.IDs {
		if v, ok := el.Attribute("id"); !ok || v != id {
			return false
		}
	}
	if len(c.Classes) > 0 {
		class, ok := el.Attribute("class")
		if !ok {
			return false
		}
		for _, cl := range c.Classes {
			if !hasToken(class, cl) {
				return false
			}
		}
	}
	for i := range c.Attrs {
		if !c.Attrs[i].matches(el) {
			return false
		}
	}
	for i := range c.Pseudos {
		if !c.Pseudos[i].matches(el) {
			return false
		}
	}
	return true
}

// hasToken reports whether the white-space-separated list contains tok.
func hasToken(list, tok string) bool {
	for list != "" {
		i := strings.IndexAny(list, " \t\n\f\r")
		if i < 0 {
			return list == tok
		}
		if list[:i] == tok {
			return true
		}
		list = list[i+1:]
	}
	return false
}

func (a *AttrSelector) matches(el *dom.Node) bool {
	v, ok := el.Attribute(a.Name)
	if !ok {
		return false
	}
	want := a.Value
	if a.CaseInsensitive {
		v, want = strings.ToLower(v), strings.ToLower(want)
	}
	switch a.Op {
	case AttrExists:
		return true
	case AttrEquals:
		return v == want
	case AttrIncludes:
		return want != "" && !strings.ContainsAny(want, " \t\n\f\r") && hasToken(v, want)
	case AttrDashMatch:
		return v == want || strings.HasPrefix(v, want+"-")
	case AttrPrefix:
		return want != "" && strings.HasPrefix(v, want)
	case AttrSuffix:
		return want != "" && strings.HasSuffix(v, want)
	case AttrSubstring:
		return want != "" && strings.Contains(v, want)
	}
	return false
}

func (p *PseudoClass) matches(el *dom.Node) bool {
	switch p.kind {
	case pRoot:
		return el.Parent != nil && el.Parent.Type == dom.DocumentNode
	case pScope:
		// Outside of a scoping context :scope is :root.
		return el.Parent != nil && el.Parent.Type == dom.DocumentNode
	case pEmpty:
		for c := el.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == dom.ElementNode || c.Type == dom.TextNode && c.Data != "" {
				return false
			}
		}
		return true
	case pFirstChild:
		return el.PreviousElementSibling() == nil
	case pLastChild:
		return el.NextElementSibling() == nil
	case pOnlyChild:
		return el.PreviousElementSibling() == nil && el.NextElementSibling() == nil
	case pFirstOfType:
		return countSiblings(el, false, sameType) == 0
	case pLastOfType:
		return countSiblings(el, true, sameType) == 0
	case pOnlyOfType:
		return countSiblings(el, false, sameType) == 0 && countSiblings(el, true, sameType) == 0
	case pNthChild, pNthLastChild:
		if len(p.Args) > 0 && !MatchesAny(p.Args, el) {
			return false
		}
		same := func(a, b *dom.Node) bool { return true }
		if len(p.Args) > 0 {
			same = func(_, b *dom.Node) bool { return MatchesAny(p.Args, b) }
		}
		return nthMatches(p.A, p.B, countSiblings(el, p.kind == pNthLastChild, same)+1)
	case pNthOfType, pNthLastOfType:
		return nthMatches(p.A, p.B, countSiblings(el, p.kind == pNthLastOfType, sameType)+1)
	case pNot:
		return !MatchesAny(p.Args, el)
	case pIs, pWhere:
		return MatchesAny(p.Args, el)
	case pLink, pAnyLink:
		return (el.IsElement("a") || el.IsElement("area")) && el.HasAttribute("href")
	case pLang:
		for n := el; n != nil && n.Type == dom.ElementNode; n = n.Parent {
			if v, ok := n.Attribute("lang"); ok {
				v = strings.ToLower(v)
				return v == p.Lang || strings.HasPrefix(v, p.Lang+"-")
			}
		}
		return false
	case pChecked:
		switch {
		case el.IsElement("input"):
			t := strings.ToLower(el.AttributeOr("type"))
			return (t == "checkbox" || t == "radio") && el.HasAttribute("checked")
		case el.IsElement("option"):
			return el.HasAttribute("selected")
		}
		return false
	case pDisabled:
		return isFormControl(el) && el.HasAttribute("disabled")
	case pEnabled:
		return isFormControl(el) && !el.HasAttribute("disabled")
	case pDefined:
		return true
	}
	return false // pNever: states this engine never has
}

func isFormControl(el *dom.Node) bool {
	if el.Namespace != "" {
		return false
	}
	switch el.TagName {
	case "button", "input", "select", "textarea", "optgroup", "option", "fieldset":
		return true
	}
	return false
}

func sameType(a, b *dom.Node) bool {
	return a.TagName == b.TagName && a.Namespace == b.Namespace
}

// countSiblings counts the element siblings before el (after el, when
// after is set) for which same(el, sibling) holds.
func countSiblings(el *dom.Node, after bool, same func(a, b *dom.Node) bool) int {
	n := 0
	for s := el; ; {
		if after {
			s = s.NextElementSibling()
		} else {
			s = s.PreviousElementSibling()
		}
		if s == nil {
			return n
		}
		if same(el, s) {
			n++
		}
	}
}

// nthMatches reports whether the 1-based index i is An+B for some n ≥ 0.
func nthMatches(a, b, i int) bool {
	if a == 0 {
		return i == b
	}
	d := i - b
	return d%a == 0 && d/a >= 0
}

package style

import (
	"slices"
	"strings"

	"glassbox/engine/css"
	"glassbox/engine/dom"
)

// Origin is where a style sheet comes from. Origins rank the
// declarations of the cascade before specificity does.
type Origin uint8

// Origins.
const (
	UserAgent Origin = iota
	User
	Author
)

// Sheet is a style sheet with its origin.
type Sheet struct {
	Sheet  *css.Stylesheet
	Origin Origin
	// Media is the sheet's own media condition (the media attribute of
	// its <link> or <style>, or of the @import that loaded it); nil
	// means all media.
	Media *css.MediaList
}

// Viewport is the size of the initial containing block in CSS px. It
// resolves vw and vh and decides @media rules.
type Viewport struct {
	Width, Height float32
}

// Styles holds the computed style of every element of a document.
type Styles struct {
	byNode  map[*dom.Node]*ComputedStyle
	initial *ComputedStyle
}

// Of returns the computed style of n. A text node (or comment) has its
// parent element's style; the document node and nodes that were not in
// the document when styles were computed get the initial style. The
// result is shared: callers must not modify it, FontFamily included.
func (s *Styles) Of(n *dom.Node) *ComputedStyle {
	for ; n != nil; n = n.Parent {
		if n.Type == dom.ElementNode {
			if cs, ok := s.byNode[n]; ok {
				return cs
			}
			break
		}
	}
	return s.initial
}

// level is a declaration's rank from origin and importance: higher wins
// whatever the specificity. Author declarations split further:
// presentational hints lose to any author rule, and style attributes
// beat any author rule of the same importance.
type level uint8

const (
	levelUA level = iota
	levelUser
	levelHint
	levelAuthor
	levelStyleAttr
	levelAuthorImportant
	levelStyleAttrImportant
	levelUserImportant
	levelUAImportant
)

func normalLevel(o Origin) level {
	switch o {
	case UserAgent:
		return levelUA
	case User:
		return levelUser
	}
	return levelAuthor
}

func importantLevel(o Origin) level {
	switch o {
	case UserAgent:
		return levelUAImportant
	case User:
		return levelUserImportant
	}
	return levelAuthorImportant
}

// entry is one selector of one rule, filed in the index.
type entry struct {
	sel    *css.Selector
	decls  []specDecl
	spec   css.Specificity
	order  int // position in the whole cascade, sheets in order
	origin Origin
	// hasImportant and hasNormal say which passes the rule takes part
	// in, to skip it cheaply in the other.
	hasImportant, hasNormal bool
}

// index files rules under the most selective part of their rightmost
// compound selector, so that an element is only tested against rules that
// name its id, one of its classes or its tag, plus the few that name none
// of these.
type index struct {
	byID    map[string][]*entry
	byClass map[string][]*entry
	byTag   map[string][]*entry
	other   []*entry
}

func buildIndex(sheets []Sheet, env css.MediaEnv) *index {
	ix := &index{
		byID:    map[string][]*entry{},
		byClass: map[string][]*entry{},
		byTag:   map[string][]*entry{},
	}
	order := 0
	for _, sh := range sheets {
		if sh.Sheet == nil || !sh.Media.Matches(env) {
			continue
		}
		for _, r := range sh.Sheet.Rules {
			if !r.MediaMatches(env) {
				continue
			}
			decls := compile(r.Declarations)
			if len(decls) == 0 {
				continue
			}
			e0 := entry{decls: decls, origin: sh.Origin}
			for _, d := range decls {
				if d.important {
					e0.hasImportant = true
				} else {
					e0.hasNormal = true
				}
			}
			for _, sel := range r.Selectors {
				if sel.PseudoElement != "" {
					continue // ::before and friends generate no boxes yet
				}
				e := e0
				e.sel, e.spec, e.order = sel, sel.Specificity(), order
				order++
				ix.add(&e)
			}
		}
	}
	return ix
}

func (ix *index) add(e *entry) {
	c := &e.sel.Compounds[len(e.sel.Compounds)-1]
	switch {
	case len(c.IDs) > 0:
		ix.byID[c.IDs[0]] = append(ix.byID[c.IDs[0]], e)
	case len(c.Classes) > 0:
		ix.byClass[c.Classes[0]] = append(ix.byClass[c.Classes[0]], e)
	case c.Tag != "":
		ix.byTag[c.Tag] = append(ix.byTag[c.Tag], e)
	default:
		ix.other = append(ix.other, e)
	}
}

// candidates calls fn for every entry that may match el: each at most
// once, in no particular order.
func (ix *index) candidates(el *dom.Node, fn func(*entry)) {
	each := func(es []*entry) {
		for _, e := range es {
			fn(e)
		}
	}
	if id, ok := el.Attribute("id"); ok && len(ix.byID) > 0 {
		each(ix.byID[id])
	}
	if class, ok := el.Attribute("class"); ok && len(ix.byClass) > 0 {
		seen := make([]string, 0, 4)
		for _, c := range strings.Fields(class) {
			if slices.Contains(seen, c) {
				continue
			}
			seen = append(seen, c)
			each(ix.byClass[c])
		}
	}
	tag := el.TagName
	if el.Namespace != "" {
		tag = strings.ToLower(tag)
	}
	each(ix.byTag[tag])
	each(ix.other)
}

// matched is a rule (or other declaration block) that applies to the
// element being styled, ranked for the cascade.
type matched struct {
	level level
	spec  css.Specificity
	order int
	decls []specDecl
	// important selects which of decls this entry contributes.
	important bool
}

func compareMatched(a, b matched) int {
	if a.level != b.level {
		return int(a.level) - int(b.level)
	}
	if c := a.spec.Compare(b.spec); c != 0 {
		return c
	}
	return a.order - b.order
}

// Compute runs the cascade over every element of doc and returns their
// computed styles. Sheets are in cascade order: within an origin, later
// sheets win ties, so a sheet that another @imports goes before it.
func Compute(doc *dom.Node, sheets []Sheet, vp Viewport) *Styles {
	c := &computer{
		ix:         buildIndex(sheets, css.MediaEnv{Width: vp.Width, Height: vp.Height}),
		vp:         vp,
		styleAttrs: map[string][]specDecl{},
		styles:     &Styles{byNode: map[*dom.Node]*ComputedStyle{}},
	}
	init := initialStyle()
	c.styles.initial = &init
	if doc == nil {
		return c.styles
	}
	root := doc
	if doc.Type == dom.DocumentNode {
		root = doc.DocumentElement()
	}
	if root == nil || root.Type != dom.ElementNode {
		return c.styles
	}
	c.rootFont = 16
	c.element(root, c.styles.initial, true)
	return c.styles
}

// computer carries the state of one Compute call.
type computer struct {
	ix         *index
	vp         Viewport
	rootFont   float32 // the root element's font size, for rem
	styleAttrs map[string][]specDecl
	styles     *Styles

	// Scratch space reused from element to element.
	matches []matched
	spec    [numProps]*value
	customs []customDecl // custom property declarations, in cascade order
	slab    []ComputedStyle
}

// element computes the style of el and its descendants.
func (c *computer) element(el *dom.Node, parent *ComputedStyle, isRoot bool) {
	cs := c.alloc()
	c.cascade(el, parent)
	c.computeInto(cs, el, parent, isRoot)
	if isRoot {
		c.rootFont = cs.FontSize
	}
	c.styles.byNode[el] = cs
	for ch := el.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == dom.ElementNode {
			c.element(ch, cs, false)
		}
	}
}

// alloc hands out ComputedStyles from a slab, to spare the allocator one
// call per element.
func (c *computer) alloc() *ComputedStyle {
	if len(c.slab) == 0 {
		c.slab = make([]ComputedStyle, 256)
	}
	cs := &c.slab[0]
	c.slab = c.slab[1:]
	return cs
}

// cascade fills c.spec with the winning declaration of each property.
func (c *computer) cascade(el *dom.Node, parent *ComputedStyle) {
	ms := c.matches[:0]
	c.ix.candidates(el, func(e *entry) {
		if !e.sel.Matches(el) {
			return
		}
		if e.hasNormal {
			ms = append(ms, matched{normalLevel(e.origin), e.spec, e.order, e.decls, false})
		}
		if e.hasImportant {
			ms = append(ms, matched{importantLevel(e.origin), e.spec, e.order, e.decls, true})
		}
	})
	if hints := presentationalHints(el); len(hints) > 0 {
		ms = append(ms, matched{level: levelHint, decls: hints})
	}
	if el.IsElement("th") && parent.TextAlign == AlignLeft {
		// The HTML rendering rules centre th only when the parent's
		// text-align is its initial value, which no selector can say.
		ms = append(ms, matched{level: levelUA, order: -1, decls: thCenter})
	}
	if src, ok := el.Attribute("style"); ok && src != "" {
		decls, ok := c.styleAttrs[src]
		if !ok {
			decls = compile(css.ParseDeclarations(src))
			c.styleAttrs[src] = decls
		}
		ms = append(ms,
			matched{level: levelStyleAttr, decls: decls},
			matched{level: levelStyleAttrImportant, decls: decls, important: true})
	}
	slices.SortFunc(ms, compareMatched)
	c.spec = [numProps]*value{}
	c.customs = c.customs[:0]
	for _, m := range ms {
		for _, d := range m.decls {
			if d.important != m.important {
				continue
			}
			if d.custom != nil {
				c.customs = append(c.customs, *d.custom)
				continue
			}
			c.spec[d.prop] = d.val
		}
	}
	c.matches = ms
}

var thCenter = []specDecl{{prop: propTextAlign, val: &value{kind: kKeyword, key: int(AlignCenter)}}}

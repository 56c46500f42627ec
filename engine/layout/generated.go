package layout

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/engine/text"
)

// generator keeps what generated content needs while the box tree is
// built in document order: the counters in scope (CSS 2.1 12.4) and the
// nesting depth of quotes (12.3.2).
type generator struct {
	// stacks holds each counter's nested instances, innermost last; log
	// lists the names of the instances created, in order, so that a
	// scope's end can remove them.
	stacks map[string][]int
	log    []string
	quotes int
}

// mark and restore bracket a parent's children: the counters they reset
// are in scope for their following siblings, and no further.
func (g *generator) mark() int { return len(g.log) }

func (g *generator) restore(m int) {
	for len(g.log) > m {
		name := g.log[len(g.log)-1]
		g.log = g.log[:len(g.log)-1]
		st := g.stacks[name]
		g.stacks[name] = st[:len(st)-1]
	}
}

// counters applies an element's counter-reset, then its
// counter-increment; incrementing a counter not in scope resets it first.
func (g *generator) counters(s *style.ComputedStyle) {
	if len(s.CounterReset) == 0 && len(s.CounterIncrement) == 0 {
		return
	}
	if g.stacks == nil {
		g.stacks = map[string][]int{}
	}
	for _, op := range s.CounterReset {
		g.stacks[op.Name] = append(g.stacks[op.Name], op.Value)
		g.log = append(g.log, op.Name)
	}
	for _, op := range s.CounterIncrement {
		st := g.stacks[op.Name]
		if len(st) == 0 {
			st = append(st, 0)
			g.log = append(g.log, op.Name)
		}
		st[len(st)-1] += op.Value
		g.stacks[op.Name] = st
	}
}

// defaultQuotes are the quotes of quotes: auto, for English.
var defaultQuotes = []string{"\u201c", "\u201d", "\u2018", "\u2019"}

// text returns the text that content s generates for element n.
func (g *generator) text(n *dom.Node, s *style.ComputedStyle) string {
	var b strings.Builder
	quotes := s.Quotes
	if quotes == nil {
		quotes = defaultQuotes
	}
	quote := func(depth, side int) {
		if len(quotes) >= 2 {
			i := min(depth, len(quotes)/2-1)
			b.WriteString(quotes[2*i+side])
		}
	}
	for _, it := range s.Content {
		switch it.Kind {
		case style.ContentString:
			b.WriteString(it.Text)
		case style.ContentAttr:
			b.WriteString(n.AttributeOr(it.Text))
		case style.ContentCounter, style.ContentCounters:
			st := g.stacks[it.Text]
			if len(st) == 0 {
				st = []int{0} // an implied reset, to 0
			}
			if it.Kind == style.ContentCounter {
				st = st[len(st)-1:]
			}
			for i, v := range st {
				if i > 0 {
					b.WriteString(it.Sep)
				}
				b.WriteString(counterText(v, it.Style))
			}
		case style.ContentOpenQuote:
			quote(g.quotes, 0)
			g.quotes++
		case style.ContentCloseQuote:
			if g.quotes > 0 {
				g.quotes--
				quote(g.quotes, 1)
			}
		case style.ContentNoOpenQuote:
			g.quotes++
		case style.ContentNoCloseQuote:
			if g.quotes > 0 {
				g.quotes--
			}
		}
	}
	return b.String()
}

// counterText formats a counter's value in a list style.
func counterText(v int, t style.ListStyleType) string {
	switch t {
	case style.ListNone:
		return ""
	case style.ListDisc:
		return "•"
	case style.ListCircle:
		return "◦"
	case style.ListSquare:
		return "▪"
	case style.ListLowerAlpha:
		return alpha(v)
	case style.ListUpperAlpha:
		return strings.ToUpper(alpha(v))
	case style.ListLowerRoman:
		return strings.ToLower(roman(v))
	case style.ListUpperRoman:
		return roman(v)
	}
	return strconv.Itoa(v)
}

// pseudo appends the boxes of element n's ::before or ::after
// pseudo-element (which), if it has one, to out: a box of its style
// around the text its content generates.
func (bd *builder) pseudo(parent *box, n *dom.Node, which int, out []*box, lc *listCounter) []*box {
	if bd.pseudos == nil {
		return out
	}
	s := bd.pseudos.Pseudo(n, which)
	if s == nil {
		return out
	}
	bd.gen.counters(s)
	t := bd.gen.text(n, s)
	// An empty box still has edges, so it needs a child for the
	// generated marker to stand for its content: the empty text.
	kids := []*box{{kind: boxText, node: n, style: s, text: t}}
	display := s.Display
	if parent.flex || parent.grid {
		display = blockify(display)
	}
	return bd.elementBox(parent, n, s, display, kids, out, lc)
}

// firstLetter wraps the first letter of block container b's first line,
// with the punctuation around it (CSS 2.1 5.12.2), in a box of the
// ::first-letter style s. kids are b's child boxes, which it returns with
// the change. The letter is looked for in the first in-flow child,
// through inline boxes and into blocks, skipping collapsible white space;
// anything else first (an image, an inline-block, a line break) means
// there is no first letter.
func (bd *builder) firstLetter(b *box, s *style.ComputedStyle, kids []*box) []*box {
	for i, k := range kids {
		switch {
		case k.outOfFlow():
			continue
		case k.kind == boxText:
			t := k.text
			if text.CollapsesSpaces(k.style.WhiteSpace) {
				t = strings.TrimLeft(t, " \t\n\r\f")
			}
			if t == "" {
				continue
			}
			n := letterPrefix(t)
			if n == 0 {
				return kids
			}
			lead := len(k.text) - len(t)
			first := *k
			first.text, first.style = t[:n], s
			rest := *k
			rest.text = t[n:]
			var wrapped []*box
			wrapped = bd.elementBox(b, b.node, s, s.Display, []*box{&first}, wrapped, new(listCounter))
			out := append([]*box(nil), kids[:i]...)
			if lead > 0 {
				space := *k
				space.text = k.text[:lead]
				out = append(out, &space)
			}
			out = append(out, wrapped...)
			out = append(out, &rest)
			return append(out, kids[i+1:]...)
		case k.kind == boxInline, k.kind == boxBlock && !establishesBFC(k), k.kind == boxAnonBlock:
			if allIgnorable([]*box{k}) && k.kind == boxInline {
				continue
			}
			k.children = bd.firstLetter(b, s, k.children)
			return kids
		default:
			return kids
		}
	}
	return kids
}

// letterPrefix returns the length of the first letter at the start of t
// with the punctuation before and after it, 0 when t does not start with
// a letter (or digit) after any punctuation.
func letterPrefix(t string) int {
	i := 0
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isFirstLetterPunct(r) {
			break
		}
		i += size
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	if i == len(t) || r == ' ' || r == '\n' || r == '\t' || isFirstLetterPunct(r) {
		if i > 0 && i == len(t) {
			return i // only punctuation: it is all the first letter
		}
		return 0
	}
	i += size
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isFirstLetterPunct(r) {
			break
		}
		i += size
	}
	return i
}

// isFirstLetterPunct reports whether r is punctuation that goes with the
// first letter: Unicode's open, close, initial, final and other
// punctuation.
func isFirstLetterPunct(r rune) bool {
	return unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.Po)
}

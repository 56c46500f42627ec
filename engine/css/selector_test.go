package css

import (
	"errors"
	"strings"
	"testing"

	"glassbox/engine/dom"
)

func TestParseSelectorList(t *testing.T) {
	tests := []struct {
		src  string
		want string // serialized; "" means invalid
	}{
		{`a`, `a`},
		{`A`, `A`},
		{`*`, `*`},
		{`*.x`, `.x`},
		{`.a.b#c`, `#c.a.b`},
		{`div > p + ul ~ ol  li`, `div > p + ul ~ ol li`},
		{`div>p`, `div > p`},
		{`[href]`, `[href]`},
		{`[ href = "x" ]`, `[href="x"]`},
		{`[lang|=en]`, `[lang|="en"]`},
		{`[a~=b][c^=d][e$=f][g*=h]`, `[a~="b"][c^="d"][e$="f"][g*="h"]`},
		{`[a=b i]`, `[a="b"]`},
		{`a:first-child:last-child`, `a:first-child:last-child`},
		{`li:nth-child(2n+1)`, `li:nth-child(2n+1)`},
		{`li:nth-child( odd )`, `li:nth-child(2n+1)`},
		{`li:nth-child(even)`, `li:nth-child(2n+0)`},
		{`li:nth-child(-n+3)`, `li:nth-child(-1n+3)`},
		{`li:nth-child(2n - 1)`, `li:nth-child(2n-1)`},
		{`li:nth-last-child(3)`, `li:nth-last-child(0n+3)`},
		{`li:nth-child(2n+1 of .x)`, `li:nth-child(2n+1 of .x)`},
		{`p:not(.a, #b)`, `p:not(.a, #b)`},
		{`:is(h1, h2) a`, `:is(h1, h2) a`},
		{`:where(h1, :bogus)`, `:where(h1)`},
		{`a::before`, `a::before`},
		{`a:after`, `a::after`},
		{`a:hover`, `a:hover`},
		{`:root`, `:root`},
		{`:lang(en)`, `:lang(en)`},
		{`a, b`, `a, b`},

		{``, ``},
		{`a,`, ``},
		{`,a`, ``},
		{`a >`, ``},
		{`> a`, ``},
		{`a > > b`, ``},
		{`a:bogus`, ``},
		{`a::bogus`, ``},
		{`a::before b`, ``},
		{`a::before:hover`, ``},
		{`#1a`, ``},
		{`.`, ``},
		{`.1`, ``},
		{`a b*`, ``},
		{`[`, ``},
		{`[a=]`, ``},
		{`[a=b c]`, ``},
		{`a:nth-child(n2)`, ``},
		{`a:nth-child(2 n)`, ``},
		{`a:nth-child()`, ``},
		{`a:not()`, ``},
		{`ns|a`, ``},
		{`a!`, ``},
		{`a{`, ``},
		{`:nth-child(n of :not(:nth-child(n of a)))`, ``},
	}
	for _, tt := range tests {
		sels, err := ParseSelectorList(tt.src)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseSelectorList(%q) = %v, want error", tt.src, sels)
			} else if !errors.Is(err, ErrSelector) {
				t.Errorf("ParseSelectorList(%q) error %v does not wrap ErrSelector", tt.src, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseSelectorList(%q): %v", tt.src, err)
			continue
		}
		var got []string
		for _, s := range sels {
			got = append(got, s.String())
		}
		if g := strings.Join(got, ", "); g != tt.want {
			t.Errorf("ParseSelectorList(%q) = %q, want %q", tt.src, g, tt.want)
		}
	}
}

func TestSpecificity(t *testing.T) {
	tests := []struct {
		sel  string
		want Specificity
	}{
		{`*`, Specificity{0, 0, 0}},
		{`li`, Specificity{0, 0, 1}},
		{`ul li`, Specificity{0, 0, 2}},
		{`ul ol+li`, Specificity{0, 0, 3}},
		{`h1 + *[rel=up]`, Specificity{0, 1, 1}},
		{`ul ol li.red`, Specificity{0, 1, 3}},
		{`li.red.level`, Specificity{0, 2, 1}},
		{`#x34y`, Specificity{1, 0, 0}},
		{`#s12:not(FOO)`, Specificity{1, 0, 1}},
		{`.foo :is(.bar, #baz)`, Specificity{1, 1, 0}},
		{`:where(#a, .b) p`, Specificity{0, 0, 1}},
		{`a:hover`, Specificity{0, 1, 1}},
		{`a::before`, Specificity{0, 0, 2}},
		{`:nth-child(2n of .a, #b)`, Specificity{1, 1, 0}},
	}
	for _, tt := range tests {
		sels, err := ParseSelectorList(tt.sel)
		if err != nil {
			t.Fatalf("%q: %v", tt.sel, err)
		}
		if got := sels[0].Specificity(); got != tt.want {
			t.Errorf("Specificity(%q) = %v, want %v", tt.sel, got, tt.want)
		}
	}
	order := []Specificity{{0, 0, 9}, {0, 1, 0}, {0, 1, 1}, {1, 0, 0}}
	for i := 1; i < len(order); i++ {
		if order[i-1].Compare(order[i]) != -1 || order[i].Compare(order[i-1]) != 1 {
			t.Errorf("%v should sort before %v", order[i-1], order[i])
		}
	}
}

// tree is a small document for matching tests:
//
//	<html lang="en-US">
//	  <body>
//	    <div id="main" class="box wide">
//	      <p class="first">one</p>
//	      <p>two <a href="/x" hreflang="EN">link</a> <a name="n">anchor</a></p>
//	      <!-- comment -->
//	      <ul><li>1</li><li>2</li><li class="x">3</li><li>4</li><li>5</li></ul>
//	      <span></span><em><!-- c --></em>
//	    </div>
//	    <svg><foreignObject/></svg>
//	  </body>
//	</html>
type tree struct {
	doc  *dom.Node
	byID map[string]*dom.Node
}

func newTree() *tree {
	t := &tree{doc: dom.NewDocument(), byID: map[string]*dom.Node{}}
	d := t.doc
	el := func(name, tag string, parent *dom.Node, attrs ...string) *dom.Node {
		e := d.CreateElement(tag)
		for i := 0; i+1 < len(attrs); i += 2 {
			e.SetAttribute(attrs[i], attrs[i+1])
		}
		parent.AppendChild(e)
		t.byID[name] = e
		return e
	}
	html := el("html", "html", d, "lang", "en-US")
	body := el("body", "body", html)
	div := el("main", "div", body, "id", "main", "class", "box wide")
	p1 := el("p1", "p", div, "class", "first")
	p1.AppendChild(d.CreateTextNode("one"))
	p2 := el("p2", "p", div)
	p2.AppendChild(d.CreateTextNode("two "))
	el("a1", "a", p2, "href", "/x", "hreflang", "EN").AppendChild(d.CreateTextNode("link"))
	p2.AppendChild(d.CreateTextNode(" "))
	el("a2", "a", p2, "name", "n").AppendChild(d.CreateTextNode("anchor"))
	div.AppendChild(d.CreateComment("comment"))
	ul := el("ul", "ul", div)
	for i, c := range []string{"", "", "x", "", ""} {
		li := el("li"+string(rune('1'+i)), "li", ul)
		if c != "" {
			li.SetAttribute("class", c)
		}
		li.AppendChild(d.CreateTextNode(string(rune('1' + i))))
	}
	el("span", "span", div)
	em := el("em", "em", div)
	em.AppendChild(d.CreateComment("c"))
	svg := el("svg", "svg", body)
	svg.Namespace = "http://www.w3.org/2000/svg"
	fo := d.CreateElement("foreignObject")
	fo.TagName = "foreignObject" // as the parser keeps SVG's camel case
	fo.Namespace = svg.Namespace
	svg.AppendChild(fo)
	t.byID["fo"] = fo
	return t
}

func TestMatches(t *testing.T) {
	tr := newTree()
	tests := []struct {
		sel  string
		want string // names of matching elements in tree order
	}{
		{`p`, "p1 p2"},
		{`P`, "p1 p2"},
		{`*`, "html body main p1 p2 a1 a2 ul li1 li2 li3 li4 li5 span em svg fo"},
		{`#main`, "main"},
		{`#MAIN`, ""},
		{`.box`, "main"},
		{`.box.wide`, "main"},
		{`.box.narrow`, ""},
		{`.first`, "p1"},
		{`div p`, "p1 p2"},
		{`body p`, "p1 p2"},
		{`body > p`, ""},
		{`div > p > a`, "a1 a2"},
		{`html div ul li`, "li1 li2 li3 li4 li5"},
		{`p + p`, "p2"},
		{`p + ul`, "ul"}, // the comment between them does not count
		{`p ~ ul`, "ul"},
		{`.first ~ *`, "p2 ul span em"},
		{`li + li + li`, "li3 li4 li5"},
		{`.x ~ li`, "li4 li5"},
		{`.x + li`, "li4"},
		{`p ~ ul li`, "li1 li2 li3 li4 li5"},
		{`div > p ~ ul > li.x`, "li3"},
		{`[href]`, "a1"},
		{`[name=n]`, "a2"},
		{`[name=N]`, ""},
		{`[name=N i]`, "a2"},
		{`[hreflang=en]`, "a1"}, // hreflang values match without case in HTML
		{`[hreflang=en s]`, ""},
		{`[class~=wide]`, "main"},
		{`[class~=wid]`, ""},
		{`[lang|=en]`, "html"},
		{`[lang|=e]`, ""},
		{`[href^="/"]`, "a1"},
		{`[href$=x]`, "a1"},
		{`[class*="x wi"]`, "main"},
		{`[href^=""]`, ""},
		{`:root`, "html"},
		{`:first-child`, "html body main p1 a1 li1 fo"},
		{`:last-child`, "html body a2 li5 em svg fo"},
		{`:only-child`, "html body fo"},
		{`li:nth-child(odd)`, "li1 li3 li5"},
		{`li:nth-child(2n)`, "li2 li4"},
		{`li:nth-child(-n+2)`, "li1 li2"},
		{`li:nth-child(n+4)`, "li4 li5"},
		{`li:nth-child(3)`, "li3"},
		{`li:nth-last-child(2)`, "li4"},
		{`li:nth-child(1 of :not(.x))`, "li1"},
		{`li:nth-child(3 of :not(.x))`, "li4"},
		{`p:first-of-type`, "p1"},
		{`p:last-of-type`, "p2"},
		{`a:nth-of-type(2)`, "a2"},
		{`a:nth-last-of-type(1)`, "a2"},
		{`ul:only-of-type`, "ul"},
		{`:empty`, "span em fo"},
		{`p:not(.first)`, "p2"},
		{`li:not(:first-child, :last-child)`, "li2 li3 li4"},
		{`:is(p, ul) > *`, "a1 a2 li1 li2 li3 li4 li5"},
		{`:where(.first)`, "p1"},
		{`:link`, "a1"},
		{`a:any-link`, "a1"},
		{`a:hover`, ""},
		{`a:visited`, ""},
		{`p:lang(en)`, "p1 p2"},
		{`:lang(fr)`, ""},
		{`a::before`, "a1 a2"},
		{`foreignObject`, "fo"},
		{`foreignobject`, ""},
		{`svg`, "svg"},
		{`div li, p`, "p1 p2 li1 li2 li3 li4 li5"},
	}
	names := []string{"html", "body", "main", "p1", "p2", "a1", "a2", "ul",
		"li1", "li2", "li3", "li4", "li5", "span", "em", "svg", "fo"}
	for _, tt := range tests {
		sels, err := ParseSelectorList(tt.sel)
		if err != nil {
			t.Errorf("%q: %v", tt.sel, err)
			continue
		}
		var got []string
		for _, n := range names {
			if MatchesAny(sels, tr.byID[n]) {
				got = append(got, n)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q matches %q, want %q", tt.sel, g, tt.want)
		}
	}
	// Non-elements never match.
	s, _ := ParseSelectorList("*")
	if s[0].Matches(tr.doc) || s[0].Matches(nil) || s[0].Matches(tr.byID["p1"].FirstChild) {
		t.Error("* matched a non-element")
	}
}

// TestMatchDeepTree checks that a failing descendant selector against a
// deep tree stays cheap (the backtracking cut-off).
func TestMatchDeepTree(t *testing.T) {
	d := dom.NewDocument()
	var cur *dom.Node = d
	for i := 0; i < 2000; i++ {
		e := d.CreateElement("div")
		cur.AppendChild(e)
		cur = e
	}
	sels, err := ParseSelectorList("p div div div div div div div div div div")
	if err != nil {
		t.Fatal(err)
	}
	if sels[0].Matches(cur) {
		t.Fatal("matched without a p")
	}
}

package dom

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// maxNodes bounds every walk the helpers make, so that a corrupted tree
// (a cycle through sibling or parent links) fails a test instead of
// hanging it.
const maxNodes = 100000

// label names a node for failure messages.
func label(n *Node) string {
	if n == nil {
		return "<nil>"
	}
	switch n.Type {
	case DocumentNode:
		return "#document"
	case DoctypeNode:
		return "!" + n.TagName
	case ElementNode:
		if n.Namespace != "" {
			return n.Namespace + ":" + n.TagName
		}
		return n.TagName
	case TextNode:
		return strconv.Quote(n.Data)
	case CommentNode:
		return "<!--" + n.Data + "-->"
	}
	return fmt.Sprintf("node(type %d)", n.Type)
}

// shape renders n's subtree compactly: a node's label followed by its
// children in parentheses, e.g. #document(html(body(p("hi")))).
func shape(n *Node) string {
	var b strings.Builder
	count := 0
	var rec func(*Node)
	rec = func(n *Node) {
		if count++; count > maxNodes {
			b.WriteString("…")
			return
		}
		b.WriteString(label(n))
		if n.FirstChild == nil {
			return
		}
		b.WriteByte('(')
		for c := n.FirstChild; c != nil && count <= maxNodes; c = c.NextSibling {
			if c != n.FirstChild {
				b.WriteByte(',')
			}
			rec(c)
		}
		b.WriteByte(')')
	}
	rec(n)
	return b.String()
}

// rootOf returns the topmost ancestor of n, or an error when following
// Parent links comes back to n or runs on without end.
func rootOf(n *Node) (*Node, error) {
	r := n
	for i := 0; r.Parent != nil; i++ {
		if r.Parent == n {
			return nil, fmt.Errorf("%s is its own ancestor", label(n))
		}
		if i > maxNodes {
			return nil, fmt.Errorf("parent chain from %s does not end", label(n))
		}
		r = r.Parent
	}
	return r, nil
}

// linkErr checks every link invariant of the tree that holds n, starting
// from its root:
//   - no node is its own ancestor, and no node is reached twice;
//   - FirstChild and LastChild are both nil or both set;
//   - the first child has no PrevSibling, the last no NextSibling;
//   - walking NextSibling from FirstChild reaches LastChild, and every
//     node on the way has Parent set to the parent and PrevSibling set to
//     the node before it;
//   - the root has no siblings.
func linkErr(n *Node) error {
	root, err := rootOf(n)
	if err != nil {
		return err
	}
	seen, err := treeErr(root)
	if err != nil {
		return err
	}
	if !seen[n] {
		return fmt.Errorf("%s is not among its parent %s's children", label(n), label(n.Parent))
	}
	return nil
}

// treeErr checks the link invariants (see linkErr) of the tree under root,
// which must have no parent, and returns the set of its nodes.
func treeErr(root *Node) (map[*Node]bool, error) {
	if root.PrevSibling != nil || root.NextSibling != nil {
		return nil, fmt.Errorf("root %s has siblings (prev %s, next %s)", label(root), label(root.PrevSibling), label(root.NextSibling))
	}
	seen := map[*Node]bool{}
	var rec func(*Node) error
	rec = func(p *Node) error {
		if seen[p] {
			return fmt.Errorf("%s reached twice (a cycle or a shared child)", label(p))
		}
		if seen[p] = true; len(seen) > maxNodes {
			return errors.New("tree too large: runaway links")
		}
		if (p.FirstChild == nil) != (p.LastChild == nil) {
			return fmt.Errorf("%s: FirstChild %s but LastChild %s", label(p), label(p.FirstChild), label(p.LastChild))
		}
		if p.FirstChild != nil && p.FirstChild.PrevSibling != nil {
			return fmt.Errorf("%s: first child %s has PrevSibling %s", label(p), label(p.FirstChild), label(p.FirstChild.PrevSibling))
		}
		if p.LastChild != nil && p.LastChild.NextSibling != nil {
			return fmt.Errorf("%s: last child %s has NextSibling %s", label(p), label(p.LastChild), label(p.LastChild.NextSibling))
		}
		var prev *Node
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c == p {
				return fmt.Errorf("%s is its own child", label(p))
			}
			if c.Parent != p {
				return fmt.Errorf("child %s of %s has Parent %s", label(c), label(p), label(c.Parent))
			}
			if c.PrevSibling != prev {
				return fmt.Errorf("child %s of %s has PrevSibling %s, want %s", label(c), label(p), label(c.PrevSibling), label(prev))
			}
			if err := rec(c); err != nil {
				return err
			}
			prev = c
		}
		if prev != p.LastChild {
			return fmt.Errorf("%s: sibling chain ends at %s but LastChild is %s", label(p), label(prev), label(p.LastChild))
		}
		return nil
	}
	return seen, rec(root)
}

// ownerErr checks that every node below the root of n's tree is owned by
// the root's document (the root itself when it is a document).
func ownerErr(n *Node) error {
	root, err := rootOf(n)
	if err != nil {
		return err
	}
	want := root.doc()
	if root.Type == DocumentNode && root.OwnerDocument != nil {
		return fmt.Errorf("document has OwnerDocument %p", root.OwnerDocument)
	}
	var bad error
	root.Walk(func(m *Node) bool {
		if m != root && m.OwnerDocument != want && bad == nil {
			bad = fmt.Errorf("%s has OwnerDocument %p, want %p", label(m), m.OwnerDocument, want)
		}
		return bad == nil
	})
	return bad
}

// checkTree fails the test unless the trees holding each of nodes keep
// every link invariant.
func checkTree(t *testing.T, nodes ...*Node) {
	t.Helper()
	for _, n := range nodes {
		if err := linkErr(n); err != nil {
			t.Fatalf("broken tree: %v", err)
		}
	}
}

// fixture is a document with named nodes:
//
//	#document(html(body(a,b,c),other(d(e))))
//
// plus detached nodes: element x, text t, comment cm, doctype dt, and
// element y (holding text "z") owned by a second document doc2.
type fixture struct {
	doc, doc2 *Node
	n         map[string]*Node
}

const fixtureShape = `#document(html(body(a,b,c),other(d(e))))`

func newFixture(t *testing.T) *fixture {
	t.Helper()
	doc := NewDocument()
	f := &fixture{doc: doc, doc2: NewDocument(), n: map[string]*Node{}}
	el := func(name string, parent *Node) *Node {
		e := doc.CreateElement(name)
		f.n[name] = e
		if parent != nil {
			if err := parent.AppendChild(e); err != nil {
				t.Fatalf("building fixture: %v", err)
			}
		}
		return e
	}
	html := el("html", doc)
	body := el("body", html)
	el("a", body)
	el("b", body)
	el("c", body)
	other := el("other", html)
	el("e", el("d", other))
	el("x", nil)
	f.n["t"] = doc.CreateTextNode("t")
	f.n["cm"] = doc.CreateComment("cm")
	f.n["dt"] = &Node{Type: DoctypeNode, TagName: "html", OwnerDocument: doc}
	y := f.doc2.CreateElement("y")
	y.AppendChild(f.doc2.CreateTextNode("z"))
	f.n["y"] = y
	checkTree(t, doc)
	if got := shape(doc); got != fixtureShape {
		t.Fatalf("fixture is %s, want %s", got, fixtureShape)
	}
	return f
}

func TestCreate(t *testing.T) {
	doc := NewDocument()
	if doc.Type != DocumentNode || doc.OwnerDocument != nil || doc.Parent != nil || doc.FirstChild != nil {
		t.Fatalf("NewDocument() = %+v", doc)
	}
	el := doc.CreateElement("div")
	if err := doc.AppendChild(el); err != nil {
		t.Fatal(err)
	}
	text := doc.CreateTextNode("x")
	detached := NewDocument().CreateElement("span") // owned by another document
	tests := []struct {
		name     string
		node     *Node
		wantType NodeType
		wantTag  string
		wantData string
		wantDoc  *Node
	}{
		{"element from document", doc.CreateElement("p"), ElementNode, "p", "", doc},
		{"element tag lower-cased", doc.CreateElement("DiV"), ElementNode, "div", "", doc},
		{"element from element", el.CreateElement("b"), ElementNode, "b", "", doc},
		{"element from text", text.CreateElement("i"), ElementNode, "i", "", doc},
		{"element from other document's node", detached.CreateElement("i"), ElementNode, "i", "", detached.OwnerDocument},
		{"text from document", doc.CreateTextNode("hi"), TextNode, "", "hi", doc},
		{"text keeps case and spaces", el.CreateTextNode(" A b "), TextNode, "", " A b ", doc},
		{"empty text", doc.CreateTextNode(""), TextNode, "", "", doc},
		{"comment from document", doc.CreateComment("c"), CommentNode, "", "c", doc},
		{"comment from text", text.CreateComment("-- x --"), CommentNode, "", "-- x --", doc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.node
			if n.Type != tt.wantType || n.TagName != tt.wantTag || n.Data != tt.wantData {
				t.Errorf("got type %d tag %q data %q, want %d %q %q", n.Type, n.TagName, n.Data, tt.wantType, tt.wantTag, tt.wantData)
			}
			if n.OwnerDocument != tt.wantDoc {
				t.Errorf("OwnerDocument = %p, want %p", n.OwnerDocument, tt.wantDoc)
			}
			if n.Namespace != "" || n.Attrs != nil {
				t.Errorf("new node has namespace %q attrs %v", n.Namespace, n.Attrs)
			}
			if n.Parent != nil || n.FirstChild != nil || n.LastChild != nil || n.PrevSibling != nil || n.NextSibling != nil {
				t.Errorf("new node is linked: %+v", n)
			}
		})
	}
}

func TestIsElement(t *testing.T) {
	doc := NewDocument()
	svg := &Node{Type: ElementNode, TagName: "a", Namespace: "svg", OwnerDocument: doc}
	tests := []struct {
		name string
		node *Node
		tag  string
		want bool
	}{
		{"match", doc.CreateElement("a"), "a", true},
		{"other tag", doc.CreateElement("a"), "b", false},
		{"case-sensitive", doc.CreateElement("a"), "A", false},
		{"foreign namespace", svg, "a", false},
		{"text", doc.CreateTextNode("a"), "a", false},
		{"comment", doc.CreateComment("a"), "a", false},
		{"doctype", &Node{Type: DoctypeNode, TagName: "html"}, "html", false},
		{"nil", nil, "a", false},
	}
	for _, tt := range tests {
		if got := tt.node.IsElement(tt.tag); got != tt.want {
			t.Errorf("%s: IsElement(%q) = %v, want %v", tt.name, tt.tag, got, tt.want)
		}
	}
}

func TestAttributes(t *testing.T) {
	base := func() *Node {
		n := NewDocument().CreateElement("div")
		n.Attrs = []Attr{
			{Name: "id", Value: "main"},
			{Name: "class", Value: " a  b\tc\n"},
			{Namespace: "xlink", Name: "href", Value: "ns"},
			{Name: "viewBox", Value: "0 0 1 1"}, // as the parser keeps SVG's
			{Name: "empty", Value: ""},
		}
		return n
	}
	type lookup struct {
		name  string
		value string
		ok    bool
	}
	tests := []struct {
		name      string
		op        func(n *Node)
		wantAttrs []Attr // nil: unchanged from base
		lookups   []lookup
	}{
		{
			name: "lookups",
			op:   func(*Node) {},
			lookups: []lookup{
				{"id", "main", true},
				{"ID", "main", true},
				{"Class", " a  b\tc\n", true},
				{"viewbox", "0 0 1 1", true},
				{"VIEWBOX", "0 0 1 1", true},
				{"empty", "", true},
				{"href", "", false}, // namespaced: not an HTML attribute
				{"xlink:href", "", false},
				{"missing", "", false},
				{"", "", false},
			},
		},
		{
			name: "set adds lower-cased name at end",
			op:   func(n *Node) { n.SetAttribute("Data-X", "1") },
			wantAttrs: []Attr{
				{Name: "id", Value: "main"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
				{Name: "data-x", Value: "1"},
			},
			lookups: []lookup{{"data-x", "1", true}, {"DATA-X", "1", true}},
		},
		{
			name: "set replaces in place, any case",
			op:   func(n *Node) { n.SetAttribute("ID", "other") },
			wantAttrs: []Attr{
				{Name: "id", Value: "other"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
			},
			lookups: []lookup{{"id", "other", true}},
		},
		{
			name: "set on mixed-case parsed name replaces, no duplicate",
			op:   func(n *Node) { n.SetAttribute("viewBox", "0 0 2 2") },
			wantAttrs: []Attr{
				{Name: "id", Value: "main"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 2 2"},
				{Name: "empty", Value: ""},
			},
			lookups: []lookup{{"viewBox", "0 0 2 2", true}},
		},
		{
			name: "set does not touch a namespaced attribute",
			op:   func(n *Node) { n.SetAttribute("href", "plain") },
			wantAttrs: []Attr{
				{Name: "id", Value: "main"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
				{Name: "href", Value: "plain"},
			},
			lookups: []lookup{{"href", "plain", true}},
		},
		{
			name: "set to empty keeps attribute",
			op:   func(n *Node) { n.SetAttribute("id", "") },
			wantAttrs: []Attr{
				{Name: "id", Value: ""},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
			},
			lookups: []lookup{{"id", "", true}},
		},
		{
			name: "set twice",
			op: func(n *Node) {
				n.SetAttribute("new", "1")
				n.SetAttribute("NEW", "2")
			},
			wantAttrs: []Attr{
				{Name: "id", Value: "main"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
				{Name: "new", Value: "2"},
			},
			lookups: []lookup{{"new", "2", true}},
		},
		{
			name: "remove first, case-insensitive",
			op:   func(n *Node) { n.RemoveAttribute("Id") },
			wantAttrs: []Attr{
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
			},
			lookups: []lookup{{"id", "", false}},
		},
		{
			name: "remove middle",
			op:   func(n *Node) { n.RemoveAttribute("viewbox") },
			wantAttrs: []Attr{
				{Name: "id", Value: "main"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "empty", Value: ""},
			},
			lookups: []lookup{{"viewBox", "", false}},
		},
		{
			name: "remove last",
			op:   func(n *Node) { n.RemoveAttribute("empty") },
			wantAttrs: []Attr{
				{Name: "id", Value: "main"},
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
			},
			lookups: []lookup{{"empty", "", false}},
		},
		{
			name:    "remove absent is a no-op",
			op:      func(n *Node) { n.RemoveAttribute("nope") },
			lookups: []lookup{{"id", "main", true}},
		},
		{
			name:    "remove leaves namespaced attribute",
			op:      func(n *Node) { n.RemoveAttribute("href") },
			lookups: []lookup{{"href", "", false}},
		},
		{
			name: "remove then set appends",
			op: func(n *Node) {
				n.RemoveAttribute("id")
				n.SetAttribute("id", "again")
			},
			wantAttrs: []Attr{
				{Name: "class", Value: " a  b\tc\n"},
				{Namespace: "xlink", Name: "href", Value: "ns"},
				{Name: "viewBox", Value: "0 0 1 1"},
				{Name: "empty", Value: ""},
				{Name: "id", Value: "again"},
			},
			lookups: []lookup{{"id", "again", true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := base()
			want := tt.wantAttrs
			if want == nil {
				want = slices.Clone(n.Attrs)
			}
			tt.op(n)
			if !slices.Equal(n.Attrs, want) {
				t.Errorf("Attrs = %v, want %v", n.Attrs, want)
			}
			for _, l := range tt.lookups {
				v, ok := n.Attribute(l.name)
				if v != l.value || ok != l.ok {
					t.Errorf("Attribute(%q) = %q, %v; want %q, %v", l.name, v, ok, l.value, l.ok)
				}
				if got := n.AttributeOr(l.name); got != l.value {
					t.Errorf("AttributeOr(%q) = %q, want %q", l.name, got, l.value)
				}
				if got := n.HasAttribute(l.name); got != l.ok {
					t.Errorf("HasAttribute(%q) = %v, want %v", l.name, got, l.ok)
				}
			}
		})
	}
}

func TestRemoveAttributeKeepsSharedBacking(t *testing.T) {
	// RemoveAttribute must not write through a slice a clone shares.
	n := NewDocument().CreateElement("p")
	n.SetAttribute("a", "1")
	n.SetAttribute("b", "2")
	n.SetAttribute("c", "3")
	saved := n.Attrs
	n.RemoveAttribute("a")
	if want := []Attr{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}, {Name: "c", Value: "3"}}; !slices.Equal(saved, want) {
		t.Errorf("old slice became %v, want %v", saved, want)
	}
}

func TestClassesAndID(t *testing.T) {
	tests := []struct {
		name    string
		attrs   []Attr
		id      string
		classes []string
		has     map[string]bool
	}{
		{"none", nil, "", nil, map[string]bool{"a": false, "": false}},
		{"single", []Attr{{Name: "class", Value: "a"}}, "", []string{"a"}, map[string]bool{"a": true, "A": false, "b": false}},
		{"whitespace", []Attr{{Name: "class", Value: "\t a \n b\f  c\r"}}, "", []string{"a", "b", "c"}, map[string]bool{"a": true, "b": true, "c": true, "a b": false, "": false}},
		{"duplicates kept", []Attr{{Name: "class", Value: "x x"}}, "", []string{"x", "x"}, map[string]bool{"x": true}},
		{"empty class", []Attr{{Name: "class", Value: "  "}}, "", nil, map[string]bool{"": false}},
		{"no substring match", []Attr{{Name: "class", Value: "button"}}, "", []string{"button"}, map[string]bool{"but": false, "button": true}},
		{"upper-case attr name", []Attr{{Name: "CLASS", Value: "k"}, {Name: "ID", Value: "i"}}, "i", []string{"k"}, map[string]bool{"k": true}},
		{"namespaced ignored", []Attr{{Namespace: "x", Name: "class", Value: "k"}, {Namespace: "x", Name: "id", Value: "i"}}, "", nil, map[string]bool{"k": false}},
		{"id", []Attr{{Name: "id", Value: "main"}}, "main", nil, nil},
		{"id with spaces is verbatim", []Attr{{Name: "id", Value: " a b "}}, " a b ", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := NewDocument().CreateElement("div")
			n.Attrs = tt.attrs
			if got := n.ID(); got != tt.id {
				t.Errorf("ID() = %q, want %q", got, tt.id)
			}
			if got := n.Classes(); !slices.Equal(got, tt.classes) {
				t.Errorf("Classes() = %q, want %q", got, tt.classes)
			}
			for c, want := range tt.has {
				if got := n.HasClass(c); got != want {
					t.Errorf("HasClass(%q) = %v, want %v", c, got, want)
				}
			}
		})
	}
}

func TestContains(t *testing.T) {
	f := newFixture(t)
	n := f.n
	tests := []struct {
		a, b *Node
		want bool
	}{
		{f.doc, n["e"], true},
		{n["html"], n["html"], true},
		{n["other"], n["e"], true},
		{n["body"], n["e"], false},
		{n["e"], n["other"], false},
		{n["a"], n["b"], false},
		{f.doc, n["x"], false},
		{n["html"], nil, false},
	}
	for _, tt := range tests {
		if got := tt.a.Contains(tt.b); got != tt.want {
			t.Errorf("%s.Contains(%s) = %v, want %v", label(tt.a), label(tt.b), got, tt.want)
		}
	}
}

func TestMutations(t *testing.T) {
	tests := []struct {
		name    string
		op      func(f *fixture) error
		want    string // shape of the document afterwards
		wantErr error
		// check, if set, tests more of the result.
		check func(t *testing.T, f *fixture)
	}{
		// AppendChild.
		{
			name: "append detached",
			op:   func(f *fixture) error { return f.n["body"].AppendChild(f.n["x"]) },
			want: `#document(html(body(a,b,c,x),other(d(e))))`,
		},
		{
			name: "append text and comment",
			op: func(f *fixture) error {
				if err := f.n["body"].AppendChild(f.n["t"]); err != nil {
					return err
				}
				return f.n["body"].AppendChild(f.n["cm"])
			},
			want: `#document(html(body(a,b,c,"t",<!--cm-->),other(d(e))))`,
		},
		{
			name: "append to empty element",
			op:   func(f *fixture) error { return f.n["e"].AppendChild(f.n["x"]) },
			want: `#document(html(body(a,b,c),other(d(e(x)))))`,
		},
		{
			name: "append first child moves it last",
			op:   func(f *fixture) error { return f.n["body"].AppendChild(f.n["a"]) },
			want: `#document(html(body(b,c,a),other(d(e))))`,
		},
		{
			name: "append middle child moves it last",
			op:   func(f *fixture) error { return f.n["body"].AppendChild(f.n["b"]) },
			want: `#document(html(body(a,c,b),other(d(e))))`,
		},
		{
			name: "append last child is a no-op",
			op:   func(f *fixture) error { return f.n["body"].AppendChild(f.n["c"]) },
			want: fixtureShape,
		},
		{
			name: "append moves subtree between parents",
			op:   func(f *fixture) error { return f.n["body"].AppendChild(f.n["d"]) },
			want: `#document(html(body(a,b,c,d(e)),other))`,
		},
		{
			name: "append only child empties old parent",
			op:   func(f *fixture) error { return f.n["a"].AppendChild(f.n["e"]) },
			want: `#document(html(body(a(e),b,c),other(d)))`,
			check: func(t *testing.T, f *fixture) {
				d := f.n["d"]
				if d.FirstChild != nil || d.LastChild != nil {
					t.Errorf("old parent keeps children %s / %s", label(d.FirstChild), label(d.LastChild))
				}
			},
		},
		{
			name: "append descendant to ancestor",
			op:   func(f *fixture) error { return f.n["html"].AppendChild(f.n["e"]) },
			want: `#document(html(body(a,b,c),other(d),e))`,
		},
		{
			name: "append comment and doctype to document",
			op: func(f *fixture) error {
				if err := f.doc.AppendChild(f.n["cm"]); err != nil {
					return err
				}
				return f.doc.InsertBefore(f.n["dt"], f.doc.FirstChild)
			},
			want: `#document(!html,html(body(a,b,c),other(d(e))),<!--cm-->)`,
		},
		{
			name: "append element to detached element",
			op:   func(f *fixture) error { return f.n["x"].AppendChild(f.n["a"]) },
			want: `#document(html(body(b,c),other(d(e))))`,
			check: func(t *testing.T, f *fixture) {
				checkTree(t, f.n["x"])
				if got := shape(f.n["x"]); got != "x(a)" {
					t.Errorf("x is %s", got)
				}
			},
		},

		// InsertBefore.
		{
			name: "insert before first",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["x"], f.n["a"]) },
			want: `#document(html(body(x,a,b,c),other(d(e))))`,
		},
		{
			name: "insert before middle",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["x"], f.n["b"]) },
			want: `#document(html(body(a,x,b,c),other(d(e))))`,
		},
		{
			name: "insert before last",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["x"], f.n["c"]) },
			want: `#document(html(body(a,b,x,c),other(d(e))))`,
		},
		{
			name: "insert with nil ref appends",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["x"], nil) },
			want: `#document(html(body(a,b,c,x),other(d(e))))`,
		},
		{
			name: "insert into empty element with nil ref",
			op:   func(f *fixture) error { return f.n["e"].InsertBefore(f.n["t"], nil) },
			want: `#document(html(body(a,b,c),other(d(e("t")))))`,
		},
		{
			name: "insert last sibling before first",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["c"], f.n["a"]) },
			want: `#document(html(body(c,a,b),other(d(e))))`,
		},
		{
			name: "insert first sibling before last",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["a"], f.n["c"]) },
			want: `#document(html(body(b,a,c),other(d(e))))`,
		},
		{
			name: "insert sibling before its next sibling is a no-op",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["a"], f.n["b"]) },
			want: fixtureShape,
		},
		{
			name: "insert sibling before its previous sibling swaps",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["b"], f.n["a"]) },
			want: `#document(html(body(b,a,c),other(d(e))))`,
		},
		{
			name: "insert first before itself",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["a"], f.n["a"]) },
			want: fixtureShape,
		},
		{
			name: "insert middle before itself",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["b"], f.n["b"]) },
			want: fixtureShape,
		},
		{
			name: "insert last before itself",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["c"], f.n["c"]) },
			want: fixtureShape,
		},
		{
			name: "insert only child before itself",
			op:   func(f *fixture) error { return f.n["other"].InsertBefore(f.n["d"], f.n["d"]) },
			want: fixtureShape,
		},
		{
			name: "insert moves subtree from other parent",
			op:   func(f *fixture) error { return f.n["body"].InsertBefore(f.n["d"], f.n["b"]) },
			want: `#document(html(body(a,d(e),b,c),other))`,
		},
		{
			name: "insert moves parent's sibling down",
			op:   func(f *fixture) error { return f.n["d"].InsertBefore(f.n["body"], f.n["e"]) },
			want: `#document(html(other(d(body(a,b,c),e))))`,
		},

		// RemoveChild and Remove.
		{
			name: "remove first",
			op:   func(f *fixture) error { return f.n["body"].RemoveChild(f.n["a"]) },
			want: `#document(html(body(b,c),other(d(e))))`,
		},
		{
			name: "remove middle",
			op:   func(f *fixture) error { return f.n["body"].RemoveChild(f.n["b"]) },
			want: `#document(html(body(a,c),other(d(e))))`,
		},
		{
			name: "remove last",
			op:   func(f *fixture) error { return f.n["body"].RemoveChild(f.n["c"]) },
			want: `#document(html(body(a,b),other(d(e))))`,
		},
		{
			name: "remove only child",
			op:   func(f *fixture) error { return f.n["d"].RemoveChild(f.n["e"]) },
			want: `#document(html(body(a,b,c),other(d)))`,
		},
		{
			name: "remove all",
			op: func(f *fixture) error {
				for _, k := range []string{"b", "a", "c"} {
					if err := f.n["body"].RemoveChild(f.n[k]); err != nil {
						return err
					}
				}
				return nil
			},
			want: `#document(html(body,other(d(e))))`,
		},
		{
			name: "remove subtree keeps its inside",
			op:   func(f *fixture) error { return f.n["other"].RemoveChild(f.n["d"]) },
			want: `#document(html(body(a,b,c),other))`,
			check: func(t *testing.T, f *fixture) {
				checkTree(t, f.n["d"])
				if got := shape(f.n["d"]); got != "d(e)" {
					t.Errorf("removed subtree is %s", got)
				}
				if f.n["d"].OwnerDocument != f.doc || f.n["e"].OwnerDocument != f.doc {
					t.Error("removal changed OwnerDocument")
				}
			},
		},
		{
			name: "Remove middle",
			op:   func(f *fixture) error { f.n["b"].Remove(); return nil },
			want: `#document(html(body(a,c),other(d(e))))`,
		},
		{
			name: "Remove first and last",
			op:   func(f *fixture) error { f.n["a"].Remove(); f.n["c"].Remove(); return nil },
			want: `#document(html(body(b),other(d(e))))`,
		},
		{
			name: "Remove detached is a no-op",
			op:   func(f *fixture) error { f.n["x"].Remove(); f.doc.Remove(); return nil },
			want: fixtureShape,
		},
		{
			name: "Remove twice",
			op:   func(f *fixture) error { f.n["d"].Remove(); f.n["d"].Remove(); return nil },
			want: `#document(html(body(a,b,c),other))`,
		},

		// ReplaceChild.
		{
			name: "replace first with detached",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["x"], f.n["a"]) },
			want: `#document(html(body(x,b,c),other(d(e))))`,
		},
		{
			name: "replace middle with detached",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["x"], f.n["b"]) },
			want: `#document(html(body(a,x,c),other(d(e))))`,
		},
		{
			name: "replace last with detached",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["t"], f.n["c"]) },
			want: `#document(html(body(a,b,"t"),other(d(e))))`,
		},
		{
			name: "replace only child",
			op:   func(f *fixture) error { return f.n["d"].ReplaceChild(f.n["cm"], f.n["e"]) },
			want: `#document(html(body(a,b,c),other(d(<!--cm-->))))`,
		},
		{
			name: "replace with previous sibling",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["a"], f.n["b"]) },
			want: `#document(html(body(a,c),other(d(e))))`,
		},
		{
			name: "replace with next sibling",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["c"], f.n["b"]) },
			want: `#document(html(body(a,c),other(d(e))))`,
		},
		{
			name: "replace first with next sibling",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["b"], f.n["a"]) },
			want: `#document(html(body(b,c),other(d(e))))`,
		},
		{
			name: "replace first with last sibling",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["c"], f.n["a"]) },
			want: `#document(html(body(c,b),other(d(e))))`,
		},
		{
			name: "replace last with first sibling",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["a"], f.n["c"]) },
			want: `#document(html(body(b,a),other(d(e))))`,
		},
		{
			name: "replace with itself",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["b"], f.n["b"]) },
			want: fixtureShape,
		},
		{
			name: "replace only child with itself",
			op:   func(f *fixture) error { return f.n["d"].ReplaceChild(f.n["e"], f.n["e"]) },
			want: fixtureShape,
		},
		{
			name: "replace with node from other parent",
			op:   func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["d"], f.n["b"]) },
			want: `#document(html(body(a,d(e),c),other))`,
		},
		{
			name: "replace with own child",
			op:   func(f *fixture) error { return f.n["other"].ReplaceChild(f.n["e"], f.n["d"]) },
			want: `#document(html(body(a,b,c),other(e)))`,
			check: func(t *testing.T, f *fixture) {
				checkTree(t, f.n["d"])
				if f.n["d"].FirstChild != nil {
					t.Errorf("replaced node keeps child %s", label(f.n["d"].FirstChild))
				}
			},
		},
		{
			name: "replace document element",
			op:   func(f *fixture) error { return f.doc.ReplaceChild(f.n["x"], f.n["html"]) },
			want: `#document(x)`,
		},

		// Errors: the tree must be left as it was.
		{
			name:    "append ancestor",
			op:      func(f *fixture) error { return f.n["e"].AppendChild(f.n["html"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append parent",
			op:      func(f *fixture) error { return f.n["a"].AppendChild(f.n["body"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append self",
			op:      func(f *fixture) error { return f.n["body"].AppendChild(f.n["body"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append detached self",
			op:      func(f *fixture) error { return f.n["x"].AppendChild(f.n["x"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "insert ancestor",
			op:      func(f *fixture) error { return f.n["d"].InsertBefore(f.n["other"], f.n["e"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append own document",
			op:      func(f *fixture) error { return f.n["body"].AppendChild(f.doc) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append other document",
			op:      func(f *fixture) error { return f.n["body"].AppendChild(f.doc2) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append document to detached element",
			op:      func(f *fixture) error { return f.n["x"].AppendChild(f.doc2) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append document to document",
			op:      func(f *fixture) error { return f.doc.AppendChild(f.doc2) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append text to document",
			op:      func(f *fixture) error { return f.doc.AppendChild(f.n["t"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "insert text into document",
			op:      func(f *fixture) error { return f.doc.InsertBefore(f.n["t"], f.n["html"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append doctype to element",
			op:      func(f *fixture) error { return f.n["body"].AppendChild(f.n["dt"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append to text",
			op:      func(f *fixture) error { return f.n["t"].AppendChild(f.n["x"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append to comment",
			op:      func(f *fixture) error { return f.n["cm"].AppendChild(f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append to doctype",
			op:      func(f *fixture) error { return f.n["dt"].AppendChild(f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "append nil",
			op:      func(f *fixture) error { return f.n["body"].AppendChild(nil) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "insert before node of other parent",
			op:      func(f *fixture) error { return f.n["body"].InsertBefore(f.n["x"], f.n["d"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "insert before grandchild",
			op:      func(f *fixture) error { return f.n["html"].InsertBefore(f.n["x"], f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "insert before self as ref",
			op:      func(f *fixture) error { return f.n["body"].InsertBefore(f.n["x"], f.n["body"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "insert before detached ref",
			op:      func(f *fixture) error { return f.n["body"].InsertBefore(f.n["a"], f.n["x"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "insert child before ref elsewhere",
			op:      func(f *fixture) error { return f.n["body"].InsertBefore(f.n["b"], f.n["e"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "remove non-child",
			op:      func(f *fixture) error { return f.n["body"].RemoveChild(f.n["d"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "remove grandchild",
			op:      func(f *fixture) error { return f.n["html"].RemoveChild(f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "remove detached",
			op:      func(f *fixture) error { return f.n["body"].RemoveChild(f.n["x"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "remove self",
			op:      func(f *fixture) error { return f.n["body"].RemoveChild(f.n["body"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "remove parent",
			op:      func(f *fixture) error { return f.n["body"].RemoveChild(f.n["html"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "remove nil",
			op:      func(f *fixture) error { return f.n["body"].RemoveChild(nil) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "replace non-child",
			op:      func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["x"], f.n["d"]) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "replace nil old",
			op:      func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["x"], nil) },
			want:    fixtureShape,
			wantErr: ErrNotFound,
		},
		{
			name:    "replace with ancestor",
			op:      func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["html"], f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "replace with parent",
			op:      func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["body"], f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "replace with document",
			op:      func(f *fixture) error { return f.n["body"].ReplaceChild(f.doc2, f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "replace document child with text",
			op:      func(f *fixture) error { return f.doc.ReplaceChild(f.n["t"], f.n["html"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
		{
			name:    "replace with nil",
			op:      func(f *fixture) error { return f.n["body"].ReplaceChild(nil, f.n["a"]) },
			want:    fixtureShape,
			wantErr: ErrHierarchyRequest,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			err := tt.op(f)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error = %v, want %v", err, tt.wantErr)
			}
			checkTree(t, f.doc, f.doc2)
			for name, n := range f.n {
				if err := linkErr(n); err != nil {
					t.Fatalf("after op, around %s: %v", name, err)
				}
				if err := ownerErr(n); err != nil {
					t.Fatalf("after op, around %s: %v", name, err)
				}
			}
			if got := shape(f.doc); got != tt.want {
				t.Errorf("tree is\n  %s\nwant\n  %s", got, tt.want)
			}
			if tt.check != nil {
				tt.check(t, f)
			}
		})
	}
}

// TestMutationSequence applies mutations one after another to a single
// tree, checking the invariants after each.
func TestMutationSequence(t *testing.T) {
	f := newFixture(t)
	n := f.n
	steps := []struct {
		op   func() error
		want string
	}{
		{func() error { return n["body"].AppendChild(n["x"]) }, `#document(html(body(a,b,c,x),other(d(e))))`},
		{func() error { return n["x"].AppendChild(n["t"]) }, `#document(html(body(a,b,c,x("t")),other(d(e))))`},
		{func() error { return n["body"].InsertBefore(n["x"], n["a"]) }, `#document(html(body(x("t"),a,b,c),other(d(e))))`},
		{func() error { return n["d"].InsertBefore(n["a"], n["e"]) }, `#document(html(body(x("t"),b,c),other(d(a,e))))`},
		{func() error { return n["body"].ReplaceChild(n["d"], n["b"]) }, `#document(html(body(x("t"),d(a,e),c),other))`},
		{func() error { return n["other"].AppendChild(n["c"]) }, `#document(html(body(x("t"),d(a,e)),other(c)))`},
		{func() error { return n["d"].ReplaceChild(n["e"], n["a"]) }, `#document(html(body(x("t"),d(e)),other(c)))`},
		{func() error { return n["html"].RemoveChild(n["body"]) }, `#document(html(other(c)))`},
		{func() error { return n["html"].InsertBefore(n["body"], n["other"]) }, `#document(html(body(x("t"),d(e)),other(c)))`},
		{func() error { n["x"].SetTextContent("new"); return nil }, `#document(html(body(x("new"),d(e)),other(c)))`},
		{func() error { n["html"].SetTextContent(""); return nil }, `#document(html)`},
	}
	for i, s := range steps {
		if err := s.op(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		for _, m := range n {
			if err := linkErr(m); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		}
		if got := shape(f.doc); got != s.want {
			t.Fatalf("step %d: tree is %s, want %s", i, got, s.want)
		}
	}
}

func TestAdopt(t *testing.T) {
	tests := []struct {
		name string
		// op moves y (owned by doc2, holding text "z") somewhere in doc,
		// or a node of doc into doc2.
		op      func(f *fixture) error
		moved   string // the node whose subtree must now be owned by wantDoc
		wantDoc func(f *fixture) *Node
	}{
		{"append", func(f *fixture) error { return f.n["body"].AppendChild(f.n["y"]) }, "y", func(f *fixture) *Node { return f.doc }},
		{"insert", func(f *fixture) error { return f.n["body"].InsertBefore(f.n["y"], f.n["b"]) }, "y", func(f *fixture) *Node { return f.doc }},
		{"replace", func(f *fixture) error { return f.n["body"].ReplaceChild(f.n["y"], f.n["b"]) }, "y", func(f *fixture) *Node { return f.doc }},
		{"append to document", func(f *fixture) error {
			// A document has one element child at most: make room.
			if err := f.doc.RemoveChild(f.doc.DocumentElement()); err != nil {
				return err
			}
			return f.doc.AppendChild(f.n["y"])
		}, "y", func(f *fixture) *Node { return f.doc }},
		{"subtree into other document", func(f *fixture) error { return f.doc2.AppendChild(f.n["other"]) }, "other", func(f *fixture) *Node { return f.doc2 }},
		{"into detached element of other document", func(f *fixture) error { return f.n["y"].AppendChild(f.n["d"]) }, "d", func(f *fixture) *Node { return f.doc2 }},
		{"same document keeps owner", func(f *fixture) error { return f.n["body"].AppendChild(f.n["d"]) }, "d", func(f *fixture) *Node { return f.doc }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if err := tt.op(f); err != nil {
				t.Fatal(err)
			}
			checkTree(t, f.doc, f.doc2, f.n["y"], f.n["d"])
			want := tt.wantDoc(f)
			count := 0
			f.n[tt.moved].Walk(func(m *Node) bool {
				count++
				if m.OwnerDocument != want {
					t.Errorf("%s has OwnerDocument %p, want %p", label(m), m.OwnerDocument, want)
				}
				return true
			})
			if count < 2 {
				t.Errorf("moved subtree has %d nodes; the test means to move a subtree", count)
			}
			for _, m := range f.n {
				if err := ownerErr(m); err != nil {
					t.Error(err)
				}
			}
			if f.doc.OwnerDocument != nil || f.doc2.OwnerDocument != nil {
				t.Error("a document got an OwnerDocument")
			}
			// Nodes created from an adopted node belong to its new document.
			if got := f.n[tt.moved].CreateElement("q").OwnerDocument; got != want {
				t.Errorf("node created from adopted node owned by %p, want %p", got, want)
			}
		})
	}
}

// navTree builds p("t1",a,<!--c-->,b,"t2") inside a document's html
// element, with empty element e and text-only element s as extra children
// of html: #document(html(p("t1",a,<!--c-->,b,"t2"),e,s("x"))).
func navTree() (doc *Node, n map[string]*Node) {
	doc = NewDocument()
	n = map[string]*Node{}
	html := doc.CreateElement("html")
	doc.AppendChild(html)
	p := doc.CreateElement("p")
	html.AppendChild(p)
	n["html"], n["p"] = html, p
	n["t1"] = doc.CreateTextNode("t1")
	n["a"] = doc.CreateElement("a")
	n["c"] = doc.CreateComment("c")
	n["b"] = doc.CreateElement("b")
	n["t2"] = doc.CreateTextNode("t2")
	for _, k := range []string{"t1", "a", "c", "b", "t2"} {
		p.AppendChild(n[k])
	}
	n["e"] = doc.CreateElement("e")
	html.AppendChild(n["e"])
	n["s"] = doc.CreateElement("s")
	html.AppendChild(n["s"])
	n["x"] = doc.CreateTextNode("x")
	n["s"].AppendChild(n["x"])
	return doc, n
}

func TestNavigation(t *testing.T) {
	doc, n := navTree()
	checkTree(t, doc)
	if got, want := shape(doc), `#document(html(p("t1",a,<!--c-->,b,"t2"),e,s("x")))`; got != want {
		t.Fatalf("navTree is %s, want %s", got, want)
	}
	n["doc"] = doc
	tests := []struct {
		node                                     string
		children                                 []string
		parentElement, firstElChild, lastElChild string
		prevElSibling, nextElSibling             string
	}{
		{node: "doc", children: []string{"html"}, firstElChild: "html", lastElChild: "html"},
		{node: "html", children: []string{"p", "e", "s"}, firstElChild: "p", lastElChild: "s"},
		{node: "p", children: []string{"t1", "a", "c", "b", "t2"}, parentElement: "html", firstElChild: "a", lastElChild: "b", nextElSibling: "e"},
		{node: "t1", parentElement: "p", nextElSibling: "a"},
		{node: "a", parentElement: "p", nextElSibling: "b"},
		{node: "c", parentElement: "p", prevElSibling: "a", nextElSibling: "b"},
		{node: "b", parentElement: "p", prevElSibling: "a"},
		{node: "t2", parentElement: "p", prevElSibling: "b"},
		{node: "e", parentElement: "html", prevElSibling: "p", nextElSibling: "s"},
		{node: "s", children: []string{"x"}, parentElement: "html", prevElSibling: "e"},
		{node: "x", parentElement: "s"},
	}
	get := func(k string) *Node {
		if k == "" {
			return nil
		}
		return n[k]
	}
	for _, tt := range tests {
		t.Run(tt.node, func(t *testing.T) {
			m := n[tt.node]
			var want []*Node
			for _, k := range tt.children {
				want = append(want, n[k])
			}
			if got := m.Children(); !slices.Equal(got, want) {
				t.Errorf("Children() = %v, want %v", got, want)
			}
			for _, c := range []struct {
				what string
				got  *Node
				want string
			}{
				{"ParentElement", m.ParentElement(), tt.parentElement},
				{"FirstElementChild", m.FirstElementChild(), tt.firstElChild},
				{"LastElementChild", m.LastElementChild(), tt.lastElChild},
				{"PreviousElementSibling", m.PreviousElementSibling(), tt.prevElSibling},
				{"NextElementSibling", m.NextElementSibling(), tt.nextElSibling},
			} {
				if c.got != get(c.want) {
					t.Errorf("%s() = %s, want %s", c.what, label(c.got), label(get(c.want)))
				}
			}
		})
	}

	t.Run("Children is a copy", func(t *testing.T) {
		cs := n["p"].Children()
		cs[0] = nil
		if n["p"].FirstChild != n["t1"] {
			t.Error("editing the Children slice changed the tree")
		}
		if got := NewDocument().Children(); len(got) != 0 {
			t.Errorf("empty document has children %v", got)
		}
	})
	t.Run("ParentElement of document child is nil", func(t *testing.T) {
		if got := n["html"].ParentElement(); got != nil {
			t.Errorf("html.ParentElement() = %s", label(got))
		}
	})
}

func TestDocumentElement(t *testing.T) {
	doc := NewDocument()
	if got := doc.DocumentElement(); got != nil {
		t.Errorf("empty document: DocumentElement() = %s", label(got))
	}
	doc.AppendChild(&Node{Type: DoctypeNode, TagName: "html", OwnerDocument: doc})
	doc.AppendChild(doc.CreateComment("before"))
	if got := doc.DocumentElement(); got != nil {
		t.Errorf("no element: DocumentElement() = %s", label(got))
	}
	html := doc.CreateElement("html")
	doc.AppendChild(html)
	body := doc.CreateElement("body")
	html.AppendChild(body)
	detached := doc.CreateTextNode("free")
	for _, n := range []*Node{doc, html, body, detached} {
		if got := n.DocumentElement(); got != html {
			t.Errorf("%s.DocumentElement() = %s, want html", label(n), label(got))
		}
	}
}

func TestWalk(t *testing.T) {
	doc, _ := navTree()
	tests := []struct {
		name string
		from func() *Node
		skip string // tag (or label) whose descendants are skipped
		want []string
	}{
		{"all", func() *Node { return doc }, "", []string{"#document", "html", "p", `"t1"`, "a", "<!--c-->", "b", `"t2"`, "e", "s", `"x"`}},
		{"skip p", func() *Node { return doc }, "p", []string{"#document", "html", "p", "e", "s", `"x"`}},
		{"skip s", func() *Node { return doc }, "s", []string{"#document", "html", "p", `"t1"`, "a", "<!--c-->", "b", `"t2"`, "e", "s"}},
		{"skip root", func() *Node { return doc }, "#document", []string{"#document"}},
		{"skip leaf changes nothing", func() *Node { return doc }, "a", []string{"#document", "html", "p", `"t1"`, "a", "<!--c-->", "b", `"t2"`, "e", "s", `"x"`}},
		{"subtree", func() *Node { return doc.DocumentElement().FirstChild }, "", []string{"p", `"t1"`, "a", "<!--c-->", "b", `"t2"`}},
		{"leaf", func() *Node { return doc.DocumentElement().LastChild.FirstChild }, "", []string{`"x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			tt.from().Walk(func(m *Node) bool {
				got = append(got, label(m))
				return label(m) != tt.skip
			})
			if !slices.Equal(got, tt.want) {
				t.Errorf("visited %q, want %q", got, tt.want)
			}
		})
	}
}

// searchTree is
//
//	#document(html(body(div#a(p#b(span#c),p#d),svg:p#e,div#f("t"),span#b)))
func searchTree() (*Node, map[string]*Node) {
	doc := NewDocument()
	n := map[string]*Node{}
	add := func(parent *Node, key, tag, id string) *Node {
		e := doc.CreateElement(tag)
		if id != "" {
			e.SetAttribute("id", id)
		}
		parent.AppendChild(e)
		n[key] = e
		return e
	}
	html := add(doc, "html", "html", "")
	body := add(html, "body", "body", "")
	div1 := add(body, "div1", "div", "a")
	p1 := add(div1, "p1", "p", "b")
	add(p1, "span1", "span", "c")
	add(div1, "p2", "p", "d")
	svgP := &Node{Type: ElementNode, TagName: "p", Namespace: "svg", OwnerDocument: doc, Attrs: []Attr{{Name: "id", Value: "e"}}}
	body.AppendChild(svgP)
	n["svgp"] = svgP
	div2 := add(body, "div2", "div", "f")
	div2.AppendChild(doc.CreateTextNode("t"))
	add(body, "span2", "span", "b") // duplicate id
	noID := doc.CreateElement("i")
	noID.SetAttribute("id", "")
	body.AppendChild(noID)
	n["emptyid"] = noID
	return doc, n
}

func TestSearch(t *testing.T) {
	doc, n := searchTree()
	checkTree(t, doc)
	n["doc"] = doc
	keys := func(nodes []*Node) []string {
		var out []string
		for _, m := range nodes {
			for k, v := range n {
				if v == m {
					out = append(out, k)
				}
			}
		}
		return out
	}

	t.Run("FirstElement", func(t *testing.T) {
		tests := []struct{ from, tag, want string }{
			{"doc", "html", "html"},
			{"doc", "p", "p1"},
			{"doc", "span", "span1"}, // deep before later sibling
			{"doc", "div", "div1"},
			{"div1", "div", "div1"}, // n included
			{"p2", "p", "p2"},
			{"div2", "p", ""},
			{"doc", "nope", ""},
			{"doc", "P", ""},
			{"doc", "", ""},
			{"p1", "span", "span1"},
		}
		for _, tt := range tests {
			got := n[tt.from].FirstElement(tt.tag)
			var want *Node
			if tt.want != "" {
				want = n[tt.want]
			}
			if got != want {
				t.Errorf("%s.FirstElement(%q) = %v, want %s", tt.from, tt.tag, keys([]*Node{got}), tt.want)
			}
		}
	})

	t.Run("ElementsByTagName", func(t *testing.T) {
		tests := []struct {
			from, tag string
			want      []string
		}{
			{"doc", "p", []string{"p1", "p2", "svgp"}},
			{"doc", "span", []string{"span1", "span2"}},
			{"doc", "div", []string{"div1", "div2"}},
			{"div1", "div", nil}, // n excluded
			{"div1", "p", []string{"p1", "p2"}},
			{"doc", "*", []string{"html", "body", "div1", "p1", "span1", "p2", "svgp", "div2", "span2", "emptyid"}},
			{"body", "*", []string{"div1", "p1", "span1", "p2", "svgp", "div2", "span2", "emptyid"}},
			{"div2", "*", nil},
			{"span1", "*", nil},
			{"doc", "nope", nil},
		}
		for _, tt := range tests {
			got := n[tt.from].ElementsByTagName(tt.tag)
			if k := keys(got); !slices.Equal(k, tt.want) || len(got) != len(tt.want) {
				t.Errorf("%s.ElementsByTagName(%q) = %v, want %v", tt.from, tt.tag, k, tt.want)
			}
		}
	})

	t.Run("ElementByID", func(t *testing.T) {
		tests := []struct{ from, id, want string }{
			{"doc", "a", "div1"},
			{"doc", "b", "p1"}, // first of two in tree order
			{"doc", "c", "span1"},
			{"doc", "d", "p2"},
			{"doc", "e", "svgp"},
			{"doc", "f", "div2"},
			{"doc", "B", ""}, // ids are case-sensitive
			{"doc", "missing", ""},
			{"doc", "", ""},   // the empty id matches nothing
			{"div1", "a", ""}, // n excluded
			{"div1", "b", "p1"},
			{"p2", "b", ""},
			{"div2", "b", ""},
			{"body", "b", "p1"},
		}
		for _, tt := range tests {
			got := n[tt.from].ElementByID(tt.id)
			var want *Node
			if tt.want != "" {
				want = n[tt.want]
			}
			if got != want {
				t.Errorf("%s.ElementByID(%q) = %v, want %s", tt.from, tt.id, keys([]*Node{got}), tt.want)
			}
		}
	})
}

func TestTextContent(t *testing.T) {
	doc := NewDocument()
	dt := &Node{Type: DoctypeNode, TagName: "html", OwnerDocument: doc}
	doc.AppendChild(dt)
	html := doc.CreateElement("html")
	doc.AppendChild(html)
	p := doc.CreateElement("p")
	html.AppendChild(p)
	p.AppendChild(doc.CreateTextNode("a"))
	b := doc.CreateElement("b")
	p.AppendChild(b)
	b.AppendChild(doc.CreateTextNode("b"))
	b.AppendChild(doc.CreateComment("hidden"))
	p.AppendChild(doc.CreateComment("c"))
	p.AppendChild(doc.CreateTextNode(" c "))
	empty := doc.CreateElement("i")
	html.AppendChild(empty)
	text := doc.CreateTextNode("just text")
	comment := doc.CreateComment("just comment")
	tests := []struct {
		name string
		node *Node
		want string
	}{
		{"document", doc, ""},
		{"doctype", dt, ""},
		{"element", p, "ab c "},
		{"nested element", b, "b"},
		{"root element", html, "ab c "},
		{"empty element", empty, ""},
		{"text", text, "just text"},
		{"comment", comment, "just comment"},
	}
	for _, tt := range tests {
		if got := tt.node.TextContent(); got != tt.want {
			t.Errorf("%s: TextContent() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSetTextContent(t *testing.T) {
	build := func() (doc *Node, n map[string]*Node) {
		doc = NewDocument()
		n = map[string]*Node{"doc": doc}
		n["dt"] = &Node{Type: DoctypeNode, TagName: "html", OwnerDocument: doc}
		doc.AppendChild(n["dt"])
		n["html"] = doc.CreateElement("html")
		doc.AppendChild(n["html"])
		n["p"] = doc.CreateElement("p")
		n["html"].AppendChild(n["p"])
		n["b"] = doc.CreateElement("b")
		n["p"].AppendChild(n["b"])
		n["b"].AppendChild(doc.CreateTextNode("old"))
		n["text"] = doc.CreateTextNode("old text")
		n["p"].AppendChild(n["text"])
		n["cm"] = doc.CreateComment("old comment")
		n["p"].AppendChild(n["cm"])
		n["empty"] = doc.CreateElement("i")
		n["html"].AppendChild(n["empty"])
		return doc, n
	}
	const before = `#document(!html,html(p(b("old"),"old text",<!--old comment-->),i))`
	tests := []struct {
		node, value string
		want        string
	}{
		{"p", "new", `#document(!html,html(p("new"),i))`},
		{"p", "", `#document(!html,html(p,i))`},
		{"p", "<b>x</b>", `#document(!html,html(p("<b>x</b>"),i))`},
		{"html", "all", `#document(!html,html("all"))`},
		{"empty", "filled", `#document(!html,html(p(b("old"),"old text",<!--old comment-->),i("filled")))`},
		{"empty", "", before},
		{"text", "new text", `#document(!html,html(p(b("old"),"new text",<!--old comment-->),i))`},
		{"text", "", `#document(!html,html(p(b("old"),"",<!--old comment-->),i))`},
		{"cm", "new comment", `#document(!html,html(p(b("old"),"old text",<!--new comment-->),i))`},
		// A document's and a doctype's textContent is null; setting it
		// does nothing.
		{"doc", "x", before},
		{"doc", "", before},
		{"dt", "x", before},
	}
	for _, tt := range tests {
		t.Run(tt.node+"="+strconv.Quote(tt.value), func(t *testing.T) {
			doc, n := build()
			if got := shape(doc); got != before {
				t.Fatalf("fixture is %s, want %s", got, before)
			}
			oldChildren := n[tt.node].Children()
			n[tt.node].SetTextContent(tt.value)
			checkTree(t, doc)
			if got := shape(doc); got != tt.want {
				t.Errorf("tree is\n  %s\nwant\n  %s", got, tt.want)
			}
			if err := ownerErr(doc); err != nil {
				t.Error(err)
			}
			m := n[tt.node]
			if m.Type == ElementNode {
				if got := m.TextContent(); got != tt.value {
					t.Errorf("TextContent() after set = %q, want %q", got, tt.value)
				}
				for _, c := range oldChildren {
					checkTree(t, c)
					if c.Parent != nil {
						t.Errorf("replaced child %s still has parent %s", label(c), label(c.Parent))
					}
				}
			}
		})
	}
}

func TestCloneNode(t *testing.T) {
	doc := NewDocument()
	dt := &Node{Type: DoctypeNode, TagName: "html", PublicID: "pub", SystemID: "sys", OwnerDocument: doc}
	doc.AppendChild(dt)
	html := doc.CreateElement("html")
	doc.AppendChild(html)
	div := doc.CreateElement("div")
	div.SetAttribute("id", "d")
	div.SetAttribute("class", "x y")
	html.AppendChild(div)
	div.AppendChild(doc.CreateTextNode("a"))
	span := doc.CreateElement("span")
	div.AppendChild(span)
	span.AppendChild(doc.CreateTextNode("b"))
	div.AppendChild(doc.CreateComment("c"))
	svg := &Node{Type: ElementNode, TagName: "svg", Namespace: "svg", OwnerDocument: doc, Attrs: []Attr{{Namespace: "xlink", Name: "href", Value: "#"}}}
	html.AppendChild(svg)
	text := doc.CreateTextNode("t")
	html.AppendChild(text)
	comment := doc.CreateComment("cm")
	html.AppendChild(comment)
	checkTree(t, doc)
	docBefore := shape(doc)

	// nodeSet returns every node of n's subtree.
	nodeSet := func(n *Node) map[*Node]bool {
		s := map[*Node]bool{}
		n.Walk(func(m *Node) bool { s[m] = true; return true })
		return s
	}

	tests := []struct {
		name string
		node *Node
		deep bool
		want string
	}{
		{"element shallow", div, false, "div"},
		{"element deep", div, true, `div("a",span("b"),<!--c-->)`},
		{"leaf deep", span, true, `span("b")`},
		{"foreign element", svg, true, "svg:svg"},
		{"text", text, false, `"t"`},
		{"comment", comment, true, "<!--cm-->"},
		{"doctype", dt, false, "!html"},
		{"document shallow", doc, false, "#document"},
		{"document deep", doc, true, docBefore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.node
			c := n.CloneNode(tt.deep)
			checkTree(t, c, doc)
			if c == n {
				t.Fatal("clone is the original")
			}
			if got := shape(c); got != tt.want {
				t.Errorf("clone is %s, want %s", got, tt.want)
			}
			if c.Parent != nil || c.PrevSibling != nil || c.NextSibling != nil {
				t.Errorf("clone is linked: parent %s prev %s next %s", label(c.Parent), label(c.PrevSibling), label(c.NextSibling))
			}
			if c.Type != n.Type || c.TagName != n.TagName || c.Namespace != n.Namespace || c.Data != n.Data ||
				c.PublicID != n.PublicID || c.SystemID != n.SystemID || !slices.Equal(c.Attrs, n.Attrs) {
				t.Errorf("clone %+v differs from original %+v", c, n)
			}
			// Ownership: a cloned document owns its copied subtree; other
			// clones stay in the original's document.
			if n.Type == DocumentNode {
				if c.OwnerDocument != nil {
					t.Error("cloned document has an OwnerDocument")
				}
			} else if c.OwnerDocument != n.OwnerDocument {
				t.Errorf("clone owned by %p, want %p", c.OwnerDocument, n.OwnerDocument)
			}
			if err := ownerErr(c); err != nil {
				t.Error(err)
			}
			// No node is shared between the original and the copy.
			orig := nodeSet(n)
			for m := range nodeSet(c) {
				if orig[m] {
					t.Fatalf("clone shares node %s with the original", label(m))
				}
			}
			// The copy is independent: changing it leaves the original be.
			c.Walk(func(m *Node) bool {
				if m.Type == ElementNode {
					if len(m.Attrs) > 0 {
						m.Attrs[0].Value = "changed"
					}
					m.SetAttribute("added", "1")
				}
				if m.Type == TextNode || m.Type == CommentNode {
					m.Data = "changed"
				}
				return true
			})
			if m := c.LastChild; m != nil {
				m.Remove()
			}
			if c.Type == ElementNode || c.Type == DocumentNode {
				c.AppendChild(c.CreateComment("extra"))
			}
			checkTree(t, c, doc)
			if got := shape(doc); got != docBefore {
				t.Errorf("changing the clone changed the original:\n  %s\nwas\n  %s", got, docBefore)
			}
			if v, _ := div.Attribute("id"); v != "d" || div.HasAttribute("added") {
				t.Errorf("changing the clone changed the original's attributes: %v", div.Attrs)
			}
			if svg.Attrs[0].Value != "#" {
				t.Errorf("changing the clone changed svg's attributes: %v", svg.Attrs)
			}
		})
	}

	t.Run("clone of attached node has no parent but original keeps its own", func(t *testing.T) {
		c := span.CloneNode(true)
		if span.Parent != div || c.Parent != nil {
			t.Errorf("span parent %s, clone parent %s", label(span.Parent), label(c.Parent))
		}
		if err := html.AppendChild(c); err != nil {
			t.Fatal(err)
		}
		checkTree(t, doc)
		if got := len(doc.ElementsByTagName("span")); got != 2 {
			t.Errorf("%d spans after inserting the clone, want 2", got)
		}
		c.Remove()
	})
}

// FuzzMutations reads its input as a program of tree operations on a
// small pool of nodes from two documents. Errors the operations return
// are expected and ignored (but must be one of the package's errors and
// must leave the tree untouched); after every operation every tree must
// keep its link invariants, no node may be its own ancestor, ownership
// must follow the tree, and no element may hold an attribute twice.
func FuzzMutations(f *testing.F) {
	for _, s := range []string{
		"",
		"\x00\x00\x03\x02\x03",
		"\x03\x00\x02\x03\x02\x03\x04\x03\x04\x02",
		"\x03\x03\x03\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c",
		"\x06\x02\x03\x04\x06\x03\x02\x03\x07\x04\x0a\x02\x01",
		"\x08\x03\x00\x00\x08\x03\x01\x01\x09\x03\x00",
		"\x0a\x02\x01\x03\x00\x06\x0b\x03\x01",
		"\x04\x02\x02\x02\x04\x03\x03\x03\x06\x02\x02\x02",
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, prog []byte) {
		const maxPool, maxCloned, maxProg = 24, 32, 256
		if len(prog) > maxProg {
			prog = prog[:maxProg] // longer programs only slow the fuzzer
		}
		doc1, doc2 := NewDocument(), NewDocument()
		svg := doc1.CreateElement("svg")
		svg.Attrs = []Attr{{Name: "viewBox", Value: "0"}} // a parser-kept mixed-case name
		pool := []*Node{doc1, doc2, {Type: DoctypeNode, TagName: "html", OwnerDocument: doc1}, svg}
		pos := 0
		next := func() int {
			if pos >= len(prog) {
				return 0
			}
			b := prog[pos]
			pos++
			return int(b)
		}
		// pick returns a pool node; with a nil option it yields nil for
		// the one index past the pool.
		pick := func(nilOK bool) *Node {
			k := len(pool)
			if nilOK {
				k++
			}
			i := next() % k
			if i == len(pool) {
				return nil
			}
			return pool[i]
		}
		add := func(n *Node) {
			if len(pool) < maxPool {
				pool = append(pool, n)
			}
		}
		names := []string{"id", "class", "ID", "Class", "viewBox", "data-x"}
		type links struct{ parent, first, last, prev, next *Node }
		snapshot := func() []links {
			out := make([]links, len(pool))
			for i, n := range pool {
				out[i] = links{n.Parent, n.FirstChild, n.LastChild, n.PrevSibling, n.NextSibling}
			}
			return out
		}

		for step := 0; pos < len(prog); step++ {
			op := next() % 12
			before := snapshot()
			poolLen := len(pool)
			var err error
			var desc string
			switch op {
			case 0:
				d := pick(false)
				add(d.CreateElement([]string{"div", "P", "span"}[next()%3]))
				desc = "CreateElement"
			case 1:
				add(pick(false).CreateTextNode("t"))
				desc = "CreateTextNode"
			case 2:
				add(pick(false).CreateComment("c"))
				desc = "CreateComment"
			case 3:
				p, c := pick(false), pick(true)
				desc = fmt.Sprintf("%s.AppendChild(%s)", label(p), label(c))
				err = p.AppendChild(c)
				if err == nil && (p.LastChild != c || c.Parent != p) {
					t.Fatalf("step %d: %s: child not last", step, desc)
				}
			case 4:
				p, c, ref := pick(false), pick(true), pick(true)
				desc = fmt.Sprintf("%s.InsertBefore(%s, %s)", label(p), label(c), label(ref))
				err = p.InsertBefore(c, ref)
				if err == nil {
					switch {
					case c.Parent != p:
						t.Fatalf("step %d: %s: child not inserted", step, desc)
					case ref == nil && p.LastChild != c:
						t.Fatalf("step %d: %s: child not last", step, desc)
					case ref != nil && ref != c && c.NextSibling != ref:
						t.Fatalf("step %d: %s: child not before ref", step, desc)
					}
				}
			case 5:
				p, c := pick(false), pick(true)
				desc = fmt.Sprintf("%s.RemoveChild(%s)", label(p), label(c))
				err = p.RemoveChild(c)
				if err == nil && (c.Parent != nil || c.PrevSibling != nil || c.NextSibling != nil) {
					t.Fatalf("step %d: %s: child still linked", step, desc)
				}
			case 6:
				p, nc, old := pick(false), pick(true), pick(true)
				desc = fmt.Sprintf("%s.ReplaceChild(%s, %s)", label(p), label(nc), label(old))
				err = p.ReplaceChild(nc, old)
				if err == nil && (nc.Parent != p || old != nc && old.Parent != nil) {
					t.Fatalf("step %d: %s: not replaced", step, desc)
				}
			case 7:
				n := pick(false)
				desc = label(n) + ".Remove()"
				n.Remove()
				if n.Parent != nil {
					t.Fatalf("step %d: %s: still has a parent", step, desc)
				}
			case 8:
				n, name, v := pick(false), names[next()%len(names)], strconv.Itoa(next())
				desc = fmt.Sprintf("%s.SetAttribute(%q, %q)", label(n), name, v)
				n.SetAttribute(name, v)
				if got, ok := n.Attribute(name); !ok || got != v {
					t.Fatalf("step %d: %s: Attribute gives %q, %v", step, desc, got, ok)
				}
			case 9:
				n, name := pick(false), names[next()%len(names)]
				desc = fmt.Sprintf("%s.RemoveAttribute(%q)", label(n), name)
				n.RemoveAttribute(name)
				if n.HasAttribute(name) {
					t.Fatalf("step %d: %s: attribute still there", step, desc)
				}
			case 10:
				n, deep := pick(false), next()%2 == 1
				desc = fmt.Sprintf("%s.CloneNode(%v)", label(n), deep)
				size := 0
				n.Walk(func(*Node) bool { size++; return true })
				if deep && size > maxCloned {
					// Cloning a tree into itself doubles it; keep the
					// trees small enough to check after every step.
					break
				}
				c := n.CloneNode(deep)
				if shape(c) != map[bool]string{true: shape(n), false: label(n)}[deep] {
					t.Fatalf("step %d: %s: clone is %s, original %s", step, desc, shape(c), shape(n))
				}
				add(c)
			case 11:
				n := pick(false)
				s := []string{"", "x"}[next()%2]
				desc = fmt.Sprintf("%s.SetTextContent(%q)", label(n), s)
				n.SetTextContent(s)
			}
			if err != nil {
				if !errors.Is(err, ErrHierarchyRequest) && !errors.Is(err, ErrNotFound) {
					t.Fatalf("step %d: %s: unexpected error %v", step, desc, err)
				}
				after := snapshot()
				if len(pool) != poolLen || !slices.Equal(before, after) {
					t.Fatalf("step %d: %s failed with %v but changed the tree", step, desc, err)
				}
			}
			trees := map[*Node]map[*Node]bool{} // root to its nodes
			for _, n := range pool {
				root, err := rootOf(n)
				if err != nil {
					t.Fatalf("step %d: after %s: %v", step, desc, err)
				}
				if trees[root] == nil {
					if trees[root], err = treeErr(root); err != nil {
						t.Fatalf("step %d: after %s: %v", step, desc, err)
					}
					if err := ownerErr(root); err != nil {
						t.Fatalf("step %d: after %s: %v", step, desc, err)
					}
				}
				if !trees[root][n] {
					t.Fatalf("step %d: after %s: %s is not among its parent %s's children", step, desc, label(n), label(n.Parent))
				}
				if n.Type == DocumentNode && n.OwnerDocument != nil {
					t.Fatalf("step %d: after %s: document has an owner", step, desc)
				}
				if n.Type == DocumentNode {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == TextNode {
							t.Fatalf("step %d: after %s: text under document", step, desc)
						}
					}
				}
				if n.Type == DoctypeNode && n.Parent != nil && n.Parent.Type != DocumentNode {
					t.Fatalf("step %d: after %s: doctype under %s", step, desc, label(n.Parent))
				}
				seen := map[string]bool{}
				for _, a := range n.Attrs {
					k := a.Namespace + " " + strings.ToLower(a.Name)
					if seen[k] {
						t.Fatalf("step %d: after %s: %s holds attribute %q twice: %v", step, desc, label(n), a.Name, n.Attrs)
					}
					seen[k] = true
				}
			}
		}
	})
}

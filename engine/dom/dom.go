// Package dom is the document object model: the tree of nodes that the HTML
// parser builds, that style and layout read, and that scripts will mutate.
//
// A Node is one plain struct for every kind of node (document, doctype,
// element, text, comment), linked to its parent and siblings, in the manner
// of golang.org/x/net/html's tree. Keeping one struct makes tree walks cheap
// and lets the later JS bindings wrap any node with one type.
//
//	doc := dom.NewDocument()
//	body := doc.CreateElement("body")
//	doc.AppendChild(body)
//	body.AppendChild(doc.CreateTextNode("hello"))
package dom

import (
	"errors"
	"strings"
)

// NodeType says what kind of node a Node is. The values are the ones the
// DOM standard gives Node.nodeType.
type NodeType uint8

// The node types, numbered as in the DOM standard.
const (
	ElementNode  NodeType = 1
	TextNode     NodeType = 3
	CommentNode  NodeType = 8
	DocumentNode NodeType = 9
	DoctypeNode  NodeType = 10
	// FragmentNode is a DocumentFragment: inserting one inserts its
	// children instead.
	FragmentNode NodeType = 11
)

// Attr is one attribute of an element. Namespace is empty for ordinary HTML
// attributes.
type Attr struct {
	Namespace string
	Name      string
	Value     string
}

// Node is a node of the tree.
type Node struct {
	Type NodeType
	// TagName is the element's local name, lower case for HTML elements.
	// For a doctype it is the doctype's name.
	TagName string
	// Namespace is the element's namespace URI; empty means HTML.
	Namespace string
	// Prefix is the namespace prefix of an element made by
	// createElementNS with a qualified name; usually empty.
	Prefix string
	// Data is the text of a Text or Comment node.
	Data string
	// Attrs are the element's attributes in source order.
	Attrs []Attr
	// PublicID and SystemID belong to a doctype.
	PublicID, SystemID string

	Parent, FirstChild, LastChild, PrevSibling, NextSibling *Node

	// OwnerDocument is the document the node belongs to (nil for the
	// document itself).
	OwnerDocument *Node
}

// Errors returned by the tree mutation methods, named after the DOM
// exceptions they stand for.
var (
	ErrHierarchyRequest = errors.New("dom: HierarchyRequestError: the operation would yield an incorrect node tree")
	ErrNotFound         = errors.New("dom: NotFoundError: the node is not a child of this node")
)

// NewDocument returns an empty document.
func NewDocument() *Node { return &Node{Type: DocumentNode} }

func (n *Node) doc() *Node {
	if n.Type == DocumentNode {
		return n
	}
	return n.OwnerDocument
}

// CreateElement returns a new HTML element with the given tag name, owned
// by n's document.
func (n *Node) CreateElement(tag string) *Node {
	return &Node{Type: ElementNode, TagName: strings.ToLower(tag), OwnerDocument: n.doc()}
}

// CreateTextNode returns a new Text node owned by n's document.
func (n *Node) CreateTextNode(data string) *Node {
	return &Node{Type: TextNode, Data: data, OwnerDocument: n.doc()}
}

// CreateComment returns a new Comment node owned by n's document.
func (n *Node) CreateComment(data string) *Node {
	return &Node{Type: CommentNode, Data: data, OwnerDocument: n.doc()}
}

// CreateDocumentFragment returns a new, empty DocumentFragment owned by
// n's document.
func (n *Node) CreateDocumentFragment() *Node {
	return &Node{Type: FragmentNode, OwnerDocument: n.doc()}
}

// IsElement reports whether n is an element with the given local name in
// the HTML namespace.
func (n *Node) IsElement(tag string) bool {
	return n != nil && n.Type == ElementNode && n.Namespace == "" && n.TagName == tag
}

// Attribute returns the value of the named attribute and whether it is
// present. HTML attribute names are matched case-insensitively.
func (n *Node) Attribute(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Namespace == "" && strings.EqualFold(a.Name, name) {
			return a.Value, true
		}
	}
	return "", false
}

// AttributeOr returns the named attribute's value, or "" when absent.
func (n *Node) AttributeOr(name string) string {
	v, _ := n.Attribute(name)
	return v
}

// HasAttribute reports whether the named attribute is present.
func (n *Node) HasAttribute(name string) bool {
	_, ok := n.Attribute(name)
	return ok
}

// SetAttribute sets the named attribute, adding it (with a lower-cased
// name) if absent. Like Attribute, it matches an existing attribute
// case-insensitively, so a mixed-case name the parser kept (SVG's viewBox)
// is updated rather than duplicated.
func (n *Node) SetAttribute(name, value string) {
	name = strings.ToLower(name)
	for i, a := range n.Attrs {
		if a.Namespace == "" && strings.EqualFold(a.Name, name) {
			n.Attrs[i].Value = value
			return
		}
	}
	n.Attrs = append(n.Attrs, Attr{Name: name, Value: value})
}

// RemoveAttribute removes the named attribute if present.
func (n *Node) RemoveAttribute(name string) {
	for i, a := range n.Attrs {
		if a.Namespace == "" && strings.EqualFold(a.Name, name) {
			n.Attrs = append(n.Attrs[:i:i], n.Attrs[i+1:]...)
			return
		}
	}
}

// ID returns the element's id attribute.
func (n *Node) ID() string { return n.AttributeOr("id") }

// HasClass reports whether the element's class attribute lists c.
func (n *Node) HasClass(c string) bool {
	for _, f := range strings.Fields(n.AttributeOr("class")) {
		if f == c {
			return true
		}
	}
	return false
}

// Classes returns the whitespace-separated tokens of the class attribute.
func (n *Node) Classes() []string { return strings.Fields(n.AttributeOr("class")) }

// Contains reports whether other is n or one of its descendants.
func (n *Node) Contains(other *Node) bool {
	for ; other != nil; other = other.Parent {
		if other == n {
			return true
		}
	}
	return false
}

// CheckInsert reports the error InsertBefore(child, ref) would return,
// without changing anything.
func (n *Node) CheckInsert(child, ref *Node) error { return n.checkPreInsert(child, ref, nil) }

// checkPreInsert is the DOM standard's "ensure pre-insertion validity" of
// child into n before ref; replaced is the child a replaceChild takes
// out, which does not count against the document's single element and
// doctype.
func (n *Node) checkPreInsert(child, ref, replaced *Node) error {
	if n.Type != ElementNode && n.Type != DocumentNode && n.Type != FragmentNode {
		return ErrHierarchyRequest
	}
	if child == nil || child.Contains(n) {
		return ErrHierarchyRequest
	}
	if ref != nil && ref.Parent != n {
		return ErrNotFound
	}
	switch child.Type {
	case DocumentNode:
		return ErrHierarchyRequest
	case TextNode:
		if n.Type == DocumentNode {
			return ErrHierarchyRequest
		}
	case DoctypeNode:
		if n.Type != DocumentNode {
			return ErrHierarchyRequest
		}
	}
	if n.Type != DocumentNode {
		return nil
	}
	// A document has at most one element and one doctype, the doctype
	// first.
	elements, doctypes := 0, 0
	var firstElem, doctype *Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == replaced {
			continue
		}
		switch c.Type {
		case ElementNode:
			elements++
			if firstElem == nil {
				firstElem = c
			}
		case DoctypeNode:
			doctypes++
			doctype = c
		}
	}
	// whereRef is where the new node goes: before ref, or at the end.
	after := func(x *Node) bool { // x comes after the insertion point
		for c := ref; c != nil; c = c.NextSibling {
			if c == x {
				return true
			}
		}
		return false
	}
	before := func(x *Node) bool { return x != nil && !after(x) && x != replaced }
	checkElement := func() error {
		if elements > 0 {
			return ErrHierarchyRequest
		}
		if doctype != nil && after(doctype) {
			return ErrHierarchyRequest
		}
		return nil
	}
	switch child.Type {
	case FragmentNode:
		ne := 0
		for c := child.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case ElementNode:
				ne++
			case TextNode:
				return ErrHierarchyRequest
			}
		}
		if ne > 1 {
			return ErrHierarchyRequest
		}
		if ne == 1 {
			return checkElement()
		}
	case ElementNode:
		return checkElement()
	case DoctypeNode:
		if doctypes > 0 || before(firstElem) {
			return ErrHierarchyRequest
		}
		if ref == nil && firstElem != nil {
			return ErrHierarchyRequest
		}
	}
	return nil
}

// AppendChild adds child as n's last child, first removing it from where it
// was.
func (n *Node) AppendChild(child *Node) error { return n.InsertBefore(child, nil) }

// InsertBefore inserts child before ref among n's children; a nil ref
// appends. The child is first removed from its old parent.
func (n *Node) InsertBefore(child, ref *Node) error {
	if err := n.checkPreInsert(child, ref, nil); err != nil {
		return err
	}
	n.insert(child, ref)
	return nil
}

// insert puts child before ref (nil: at the end) with no checks; a
// fragment's children are moved instead of the fragment.
func (n *Node) insert(child, ref *Node) {
	if child.Type == FragmentNode {
		for c := child.FirstChild; c != nil; c = child.FirstChild {
			n.insert(c, ref)
		}
		return
	}
	if ref == child {
		ref = child.NextSibling
	}
	if child.Parent != nil {
		child.Parent.unlink(child)
	}
	child.Parent = n
	if d := n.doc(); d != nil && child != d {
		child.adopt(d)
	}
	if ref == nil {
		child.PrevSibling = n.LastChild
		if n.LastChild != nil {
			n.LastChild.NextSibling = child
		} else {
			n.FirstChild = child
		}
		n.LastChild = child
		return
	}
	child.NextSibling = ref
	child.PrevSibling = ref.PrevSibling
	if ref.PrevSibling != nil {
		ref.PrevSibling.NextSibling = child
	} else {
		n.FirstChild = child
	}
	ref.PrevSibling = child
}

func (n *Node) adopt(d *Node) {
	n.OwnerDocument = d
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		c.adopt(d)
	}
}

// RemoveChild removes child from n's children.
func (n *Node) RemoveChild(child *Node) error {
	if child == nil || child.Parent != n {
		return ErrNotFound
	}
	n.unlink(child)
	return nil
}

// ReplaceChild puts newChild where old was among n's children.
func (n *Node) ReplaceChild(newChild, old *Node) error {
	if n.Type != ElementNode && n.Type != DocumentNode && n.Type != FragmentNode {
		return ErrHierarchyRequest
	}
	if newChild == nil || newChild.Contains(n) {
		return ErrHierarchyRequest
	}
	if old == nil || old.Parent != n {
		return ErrNotFound
	}
	ref := old.NextSibling
	if ref == newChild {
		ref = newChild.NextSibling
	}
	if err := n.checkPreInsert(newChild, ref, old); err != nil {
		return err
	}
	if old == newChild {
		return nil
	}
	n.unlink(old)
	n.insert(newChild, ref)
	return nil
}

// Remove detaches n from its parent, if it has one.
func (n *Node) Remove() {
	if n.Parent != nil {
		n.Parent.unlink(n)
	}
}

func (n *Node) unlink(child *Node) {
	if child.PrevSibling != nil {
		child.PrevSibling.NextSibling = child.NextSibling
	} else {
		n.FirstChild = child.NextSibling
	}
	if child.NextSibling != nil {
		child.NextSibling.PrevSibling = child.PrevSibling
	} else {
		n.LastChild = child.PrevSibling
	}
	child.Parent, child.PrevSibling, child.NextSibling = nil, nil, nil
}

// Children returns n's child nodes as a new slice.
func (n *Node) Children() []*Node {
	var out []*Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

// ParentElement returns n's parent if it is an element, else nil.
func (n *Node) ParentElement() *Node {
	if n.Parent != nil && n.Parent.Type == ElementNode {
		return n.Parent
	}
	return nil
}

// FirstElementChild returns n's first child that is an element.
func (n *Node) FirstElementChild() *Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == ElementNode {
			return c
		}
	}
	return nil
}

// LastElementChild returns n's last child that is an element.
func (n *Node) LastElementChild() *Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == ElementNode {
			return c
		}
	}
	return nil
}

// PreviousElementSibling returns the nearest preceding sibling element.
func (n *Node) PreviousElementSibling() *Node {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == ElementNode {
			return c
		}
	}
	return nil
}

// NextElementSibling returns the nearest following sibling element.
func (n *Node) NextElementSibling() *Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == ElementNode {
			return c
		}
	}
	return nil
}

// DocumentElement returns the document's root element (html).
func (n *Node) DocumentElement() *Node { return n.doc().FirstElementChild() }

// Walk calls fn for n and each of its descendants in tree order. When fn
// returns false, the node's descendants are skipped.
func (n *Node) Walk(fn func(*Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		c.Walk(fn)
	}
}

// FirstElement returns the first element in tree order, n included, whose
// tag name is tag.
func (n *Node) FirstElement(tag string) *Node {
	var found *Node
	n.Walk(func(m *Node) bool {
		if found != nil {
			return false
		}
		if m.IsElement(tag) {
			found = m
			return false
		}
		return true
	})
	return found
}

// ElementsByTagName returns every element below n (n excluded) with the
// given tag name, in tree order.
func (n *Node) ElementsByTagName(tag string) []*Node {
	var out []*Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		c.Walk(func(m *Node) bool {
			if m.Type == ElementNode && (tag == "*" || m.TagName == tag) {
				out = append(out, m)
			}
			return true
		})
	}
	return out
}

// ElementByID returns the first element below n (n excluded) with the
// given id. The empty id matches nothing.
func (n *Node) ElementByID(id string) *Node {
	if id == "" {
		return nil
	}
	var found *Node
	for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
		c.Walk(func(m *Node) bool {
			if found != nil {
				return false
			}
			if m.Type == ElementNode && m.ID() == id {
				found = m
				return false
			}
			return true
		})
	}
	return found
}

// TextContent returns the concatenated text of n's Text descendants, as
// the DOM's textContent does.
func (n *Node) TextContent() string {
	switch n.Type {
	case TextNode, CommentNode:
		return n.Data
	case DocumentNode, DoctypeNode:
		return ""
	}
	var b strings.Builder
	n.Walk(func(m *Node) bool {
		if m.Type == TextNode {
			b.WriteString(m.Data)
		}
		return true
	})
	return b.String()
}

// SetTextContent replaces n's children with a single Text node (or none
// for the empty string). For a Text or Comment node it sets Data; for a
// document or doctype, whose textContent is null, it does nothing.
func (n *Node) SetTextContent(s string) {
	switch n.Type {
	case TextNode, CommentNode:
		n.Data = s
		return
	case DocumentNode, DoctypeNode:
		return
	}
	for n.FirstChild != nil {
		n.unlink(n.FirstChild)
	}
	if s != "" {
		n.AppendChild(n.CreateTextNode(s))
	}
}

// CloneNode returns a copy of n, with its descendants when deep is true.
// The copy has no parent.
func (n *Node) CloneNode(deep bool) *Node {
	c := &Node{Type: n.Type, TagName: n.TagName, Namespace: n.Namespace, Prefix: n.Prefix, Data: n.Data,
		PublicID: n.PublicID, SystemID: n.SystemID, OwnerDocument: n.OwnerDocument}
	c.Attrs = append([]Attr(nil), n.Attrs...)
	if deep {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			cc := ch.CloneNode(true)
			cc.Parent = c
			cc.PrevSibling = c.LastChild
			if c.LastChild != nil {
				c.LastChild.NextSibling = cc
			} else {
				c.FirstChild = cc
			}
			c.LastChild = cc
			if c.Type == DocumentNode {
				cc.adopt(c)
			}
		}
	}
	return c
}

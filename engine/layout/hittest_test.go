package layout

import (
	"testing"

	"glassbox/engine/dom"
	"glassbox/engine/text"
)

func TestHitTest(t *testing.T) {
	// Using the example's document:
	//   block p#intro.lead 8,16 784x18.4
	//     line - 8,16 784x18.4
	//       text #text "Hello, " 8,16.34 43.55x17.72
	//       inline em 51.55,16.34 37.34x17.72
	//         text #text "world" 51.55,16.34 37.34x17.72
	tr := newTree()
	em := tr.E("em", "world")
	p := tr.E("p#intro", "Hello, ", em)
	tr.Page(p)
	root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
	html := tr.doc.DocumentElement()

	tests := []struct {
		name string
		x, y float32
		want *dom.Node
	}{
		{"text", 20, 25, p.FirstChild},
		{"text in an inline", 60, 25, em.FirstChild},
		{"empty part of a line", 400, 25, p},
		{"body margin", 4, 25, html},
		{"between blocks", 400, 10, html},
		{"below the root element", 400, 500, html},
		{"outside the viewport", 900, 25, nil},
		{"left edge is inside", 8, 25, p.FirstChild},
		{"right edge is outside", 792, 25, html},
		{"just inside the right edge", 791.5, 25, p},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HitTest(root, tt.x, tt.y); got != tt.want {
				t.Errorf("HitTest(%v, %v) = %s, want %s", tt.x, tt.y, nodeName(got), nodeName(tt.want))
			}
		})
	}
	if got := HitTest(nil, 0, 0); got != nil {
		t.Errorf("HitTest(nil) = %s", nodeName(got))
	}
}

func TestHitTestLaterWins(t *testing.T) {
	// Overlapping siblings: the later one is painted on top and wins;
	// a child overflowing its parent is still hit.
	a, b, c := &dom.Node{TagName: "a"}, &dom.Node{TagName: "b"}, &dom.Node{TagName: "c"}
	parent := &dom.Node{TagName: "parent"}
	root := &Fragment{Kind: KindViewport, W: 100, H: 100, Children: []*Fragment{
		{Kind: KindBlock, Node: parent, X: 0, Y: 0, W: 50, H: 10, Children: []*Fragment{
			{Kind: KindBlock, Node: a, X: 0, Y: 0, W: 40, H: 40},
			{Kind: KindBlock, Node: b, X: 20, Y: 20, W: 40, H: 40},
		}},
		{Kind: KindBlock, Node: c, X: 0, Y: 50, W: 10, H: 10},
	}}
	tests := []struct {
		x, y float32
		want *dom.Node
	}{
		{5, 5, a},
		{30, 30, b}, // a and b overlap: b is later
		{55, 55, b}, // b overflows parent's box
		{45, 5, parent},
		{5, 55, c},
		{90, 90, parent}, // the canvas belongs to the root element
	}
	for _, tt := range tests {
		if got := HitTest(root, tt.x, tt.y); got != tt.want {
			t.Errorf("HitTest(%v, %v) = %s, want %s", tt.x, tt.y, nodeName(got), nodeName(tt.want))
		}
	}
}

func nodeName(n *dom.Node) string {
	switch {
	case n == nil:
		return "nil"
	case n.Type == dom.TextNode:
		return "#text " + n.Data
	}
	return n.TagName
}

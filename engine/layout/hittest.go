package layout

import "glassbox/engine/dom"

// HitTest returns the node of the deepest fragment whose border box
// contains the document point (x, y), in CSS px, or nil when the point
// hits nothing. Fragments without a node (lines, anonymous blocks) give
// their nearest ancestor's node, so a point in the empty part of a line
// hits the block around it; a point in the viewport below or beside the
// root element's box hits the root element, as the canvas belongs to it
// (elementFromPoint does the same).
//
// Where fragments overlap, the one painted later wins. Painting follows
// the fragment tree's order for the layouts built so far (no floats,
// positioning or z-index yet), so later siblings win over earlier ones and
// children over their parents. A child is tested even when it overflows
// its parent's box, since overflow is visible: nothing clips yet.
func HitTest(root *Fragment, x, y float32) *dom.Node {
	if root == nil {
		return nil
	}
	f := hit(root, x, y)
	if f == nil {
		return nil
	}
	if f.Kind == KindViewport && f.Node == nil && len(f.Children) > 0 {
		return f.Children[0].Node
	}
	return f.Node
}

// hit returns the deepest fragment with a node under (x, y) in f's
// subtree, falling back to f itself (with a nil Node when f has none and
// no descendant had one).
func hit(f *Fragment, x, y float32) *Fragment {
	for i := len(f.Children) - 1; i >= 0; i-- {
		if c := hit(f.Children[i], x, y); c != nil {
			if c.Node == nil && f.Node != nil {
				// A line or anonymous block under the point: the
				// point is in this fragment's element.
				return f
			}
			return c
		}
	}
	if contains(f, x, y) {
		return f
	}
	return nil
}

// contains reports whether (x, y) is inside f's border box, taking the
// top and left edges as inside and the bottom and right ones as outside,
// so that adjacent boxes never both contain a point.
func contains(f *Fragment, x, y float32) bool {
	return x >= f.X && x < f.X+f.W && y >= f.Y && y < f.Y+f.H
}

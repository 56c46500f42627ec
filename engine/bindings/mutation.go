package bindings

import (
	"glassbox/engine/dom"
	"glassbox/js"
)

// Mutation records for MutationObserver (DOM 4.3). The observers live in
// the prelude; the Go side reports each change through the prelude's
// mutation hook, and only once a script has observed something, so that
// pages without observers pay one flag test per change.

func (w *Window) recordAttr(el *dom.Node, name, ns string, old string, had bool) {
	if !w.observing {
		return
	}
	ov := js.Null()
	if had {
		ov = strVal(old)
	}
	nsv := js.Null()
	if ns != "" {
		nsv = strVal(ns)
	}
	w.RT.Call(w.hooks.mutation, js.Undefined(), strVal("attributes"), w.wrap(el), strVal(name), nsv, ov,
		js.Null(), js.Null(), js.Null(), js.Null())
}

func (w *Window) recordData(n *dom.Node, old string) {
	if !w.observing {
		return
	}
	w.RT.Call(w.hooks.mutation, js.Undefined(), strVal("characterData"), w.wrap(n), js.Null(), js.Null(), strVal(old),
		js.Null(), js.Null(), js.Null(), js.Null())
}

func (w *Window) recordChildList(target *dom.Node, added, removed []*dom.Node, prev, next *dom.Node) {
	if !w.observing || len(added)+len(removed) == 0 {
		return
	}
	w.RT.Call(w.hooks.mutation, js.Undefined(), strVal("childList"), w.wrap(target), js.Null(), js.Null(), js.Null(),
		w.staticList(added), w.staticList(removed), w.wrap(prev), w.wrap(next))
}

// insert is parent.InsertBefore(node, ref) with its mutation records:
// node's removal from its old parent (or a fragment's from the fragment),
// then the insertion.
func (w *Window) insert(parent, node, ref *dom.Node) error {
	if !w.observing {
		return parent.InsertBefore(node, ref)
	}
	nodes := toInsert(node)
	oldParent, oldPrev, oldNext := node.Parent, node.PrevSibling, node.NextSibling
	if err := parent.InsertBefore(node, ref); err != nil {
		return err
	}
	if node.Type == dom.FragmentNode {
		w.recordChildList(node, nil, nodes, nil, nil)
	} else if oldParent != nil {
		w.recordChildList(oldParent, nil, nodes, oldPrev, oldNext)
	}
	if len(nodes) > 0 {
		w.recordChildList(parent, nodes, nil, nodes[0].PrevSibling, nodes[len(nodes)-1].NextSibling)
	}
	return nil
}

// remove takes n out of its parent, with its record.
func (w *Window) remove(n *dom.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	prev, next := n.PrevSibling, n.NextSibling
	p.RemoveChild(n)
	w.recordChildList(p, nil, []*dom.Node{n}, prev, next)
}

// replaceAll replaces n's children with node (nil: none), with one record
// as the DOM's "replace all" makes.
func (w *Window) replaceAll(n, node *dom.Node) {
	removed := n.Children()
	var added []*dom.Node
	if node != nil {
		added = toInsert(node)
	}
	if node != nil && node.Type == dom.FragmentNode {
		w.recordChildList(node, nil, added, nil, nil)
	}
	for n.FirstChild != nil {
		n.RemoveChild(n.FirstChild)
	}
	if node != nil {
		n.AppendChild(node)
	}
	w.recordChildList(n, added, removed, nil, nil)
	w.mutated()
}

package page

import (
	"net/url"

	"glassbox/engine/dom"
	"glassbox/engine/layout"
	"glassbox/network"
)

// HitTest returns the node at the document point (x, y), in CSS px, in the
// last frame laid out (by Layout or Frame), or nil when there is none.
func (p *Page) HitTest(x, y float32) *dom.Node {
	return layout.HitTest(p.root, x, y)
}

// AnchorAt returns the link at the document point (x, y): the nearest
// a element with an href at or around the node hit there, or nil.
func (p *Page) AnchorAt(x, y float32) *dom.Node {
	for n := p.HitTest(x, y); n != nil; n = n.Parent {
		if n.Type == dom.ElementNode && n.Namespace == "" && n.TagName == "a" && n.HasAttribute("href") {
			return n
		}
	}
	return nil
}

// LinkAt returns the URL of the link at the document point (x, y),
// resolved against the document's base URL, and false when there is no
// link there or its href is not a valid URL.
func (p *Page) LinkAt(x, y float32) (*url.URL, bool) {
	a := p.AnchorAt(x, y)
	if a == nil {
		return nil, false
	}
	return p.LinkURL(a)
}

// LinkURL returns the URL that the href of the link a points to, resolved
// against the document's base URL, and false when a has no href or it is
// not a valid URL.
func (p *Page) LinkURL(a *dom.Node) (*url.URL, bool) {
	href, ok := a.Attribute("href")
	if !ok {
		return nil, false
	}
	u, err := network.Resolve(p.baseURL(), href)
	if err != nil {
		return nil, false
	}
	return u, true
}

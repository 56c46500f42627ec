package layout

import "glassbox/engine/style"

// absBox is an absolutely positioned box waiting for layout: its
// fragment, already in the tree at the box's static position (the top-left
// of its margin box had it been in the flow), and the fragment of its
// containing block's box, nil for the initial containing block.
type absBox struct {
	b  *box
	f  *Fragment
	cb *Fragment
}

// absPlaceholder makes the fragment of absolutely positioned box b, to be
// put where the box would be in the flow, and queues the box for layout
// once its containing block is laid out: the nearest positioned ancestor,
// or for fixed boxes the viewport.
func (l *layouter) absPlaceholder(b *box) *Fragment {
	kind := KindBlock
	if b.kind == boxImage {
		kind = KindImage
	}
	f := l.alloc(Fragment{Kind: kind, Node: b.node, Style: b.style, Image: b.img})
	var cb *Fragment
	if n := len(l.cbs); n > 0 && b.style.Position != style.PositionFixed {
		cb = l.cbs[n-1]
	}
	l.abs = append(l.abs, absBox{b: b, f: f, cb: cb})
	return f
}

// relative sets the offsets of a relatively positioned box (CSS 2.1
// 9.4.3): left wins over right, top over bottom; percentages of a height
// that is not known count as auto.
func (l *layouter) relative(f *Fragment, cb containingBlock) {
	s := f.Style
	if s.Position != style.PositionRelative {
		return
	}
	in := s.Inset
	switch {
	case !in[left].IsAuto():
		f.relX = in[left].Resolve(cb.w, 0)
	case !in[right].IsAuto():
		f.relX = -in[right].Resolve(cb.w, 0)
	}
	known := func(v style.Length) bool { return !v.IsAuto() && (v.Unit != style.Percent || cb.hDefinite) }
	switch {
	case known(in[top]):
		f.relY = in[top].Resolve(cb.h, 0)
	case known(in[bottom]):
		f.relY = -in[bottom].Resolve(cb.h, 0)
	}
}

// layoutAbs lays out an absolutely positioned box in document
// coordinates, after the rest of the tree has been laid out and made
// absolute: its width and horizontal position by CSS 2.1 10.3.7 (10.3.8
// for images), its height and vertical position by 10.6.4 (10.6.5), in
// the padding box of its containing block.
func (l *layouter) layoutAbs(a absBox, vw, vh float32) {
	b, f, s := a.b, a.f, a.b.style
	var cbx, cby float32
	cbw, cbh := vw, vh
	if c := a.cb; c != nil {
		cbx, cby = c.X+c.Border[left], c.Y+c.Border[top]
		cbw = max(c.W-c.Border[left]-c.Border[right], 0)
		cbh = max(c.H-c.Border[top]-c.Border[bottom], 0)
	}
	staticX, staticY := f.X-cbx, f.Y-cby

	e := resolveEdges(s, cbw)
	hz, vert := e.horizontal(), e.vertical()
	inset := func(side int, basis float32) (float32, bool) {
		if v := s.Inset[side]; !v.IsAuto() {
			return v.Resolve(basis, 0), true
		}
		return 0, false
	}

	// Horizontal: left + margin-left + width + edges + margin-right +
	// right = the containing block's width.
	var ih float32
	replaced := b.kind == boxImage
	solveX := func(w float32, wFixed bool) (x, width float32) {
		lft, okL := inset(left, cbw)
		rgt, okR := inset(right, cbw)
		ml, mr := e.margin[left], e.margin[right]
		shrink := func(avail float32) float32 {
			minW, maxW := l.intrinsic(b)
			return min(max(minW, avail), maxW)
		}
		switch {
		case !okL && !okR && !wFixed:
			lft = staticX
			w = shrink(cbw - lft - ml - mr - hz)
		case okL && okR && wFixed:
			rest := cbw - lft - rgt - w - hz - ml - mr
			switch {
			case e.autoLeft && e.autoRight:
				if rest >= 0 {
					ml, mr = rest/2, rest/2
				} else {
					mr = rest
				}
			case e.autoLeft:
				ml = rest
			case e.autoRight:
				mr = rest
			}
		case !okL && !wFixed: // right is set
			w = shrink(cbw - rgt - ml - mr - hz)
			lft = cbw - rgt - mr - w - hz - ml
		case !okL && !okR: // width is set
			lft = staticX
		case !wFixed && !okR: // left is set
			w = shrink(cbw - lft - ml - mr - hz)
		case !okL:
			lft = cbw - rgt - w - hz - ml - mr
		case !wFixed:
			w = max(cbw-lft-rgt-ml-mr-hz, 0)
		}
		e.margin[left], e.margin[right] = ml, mr
		return lft + ml, w
	}
	var x, w float32
	if replaced {
		w, ih = l.replacedSize(b, containingBlock{w: cbw, h: cbh, hDefinite: true})
		x, w = solveX(w, true)
	} else {
		cw, fixed := contentSize(s.Width, cbw, true, s, hz)
		x, w = solveX(cw, fixed)
		mx, okMax := contentSize(s.MaxWidth, cbw, true, s, hz)
		if okMax && w > mx {
			e.margin[left], e.margin[right] = resolveEdges(s, cbw).margin[left], resolveEdges(s, cbw).margin[right]
			x, w = solveX(mx, true)
		}
		if mn, ok := contentSize(s.MinWidth, cbw, true, s, hz); ok && w < mn {
			e.margin[left], e.margin[right] = resolveEdges(s, cbw).margin[left], resolveEdges(s, cbw).margin[right]
			x, w = solveX(mn, true)
		}
	}
	f.Margin, f.Border, f.Padding = e.margin, e.border, e.padding
	f.W = w + hz

	// The content, for auto heights.
	cb := containingBlock{w: cbw, h: cbh, hDefinite: true}
	var contentH float32
	if replaced {
		contentH = ih
	} else {
		l.cbs = append(l.cbs, f)
		l.contents(b, f, w, cb, collapse{}, true, space{})
		l.cbs = l.cbs[:len(l.cbs)-1]
		contentH = f.H - vert
	}

	// Vertical: top + margin-top + height + edges + margin-bottom +
	// bottom = the containing block's height.
	tp, okT := inset(top, cbh)
	bt, okB := inset(bottom, cbh)
	mt, mb := e.margin[top], e.margin[bottom]
	autoT, autoB := s.Margin[top].IsAuto(), s.Margin[bottom].IsAuto()
	h, okH := contentSize(s.Height, cbh, true, s, vert)
	if replaced {
		h, okH = ih, true
	}
	switch {
	case !okT && !okB && !okH:
		tp, h = staticY, contentH
	case okT && okB && okH:
		rest := cbh - tp - bt - h - vert - mt - mb
		switch {
		case autoT && autoB:
			mt, mb = rest/2, rest/2
		case autoT:
			mt = rest
		case autoB:
			mb = rest
		}
	case !okT && !okH: // bottom is set
		h = contentH
		tp = cbh - bt - mb - h - vert - mt
	case !okT && !okB: // height is set
		tp = staticY
	case !okH && !okB: // top is set
		h = contentH
	case !okT:
		tp = cbh - bt - h - vert - mt - mb
	case !okH:
		h = usedHeight(s, max(cbh-tp-bt-mt-mb-vert, 0), cb, vert)
	}
	f.Margin[top], f.Margin[bottom] = mt, mb
	f.H = h + vert
	f.X, f.Y = cbx+x, cby+tp+mt
	for _, c := range f.Children {
		absolutize(c, f.X, f.Y)
	}
}

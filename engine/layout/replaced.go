package layout

// replacedSize returns the content size of a replaced element (an image)
// in containing block cb, after CSS 2.1 10.3.2 and 10.6.2: CSS width and
// height, else the image's own size; when only one dimension is given the
// other keeps the image's aspect ratio. The width and height attributes
// reach layout as CSS width and height: the cascade turns them into
// presentational hints, which author CSS (height: auto) may override. min/max-width/height clamp the
// result (each on its own: the ratio-preserving table of 10.4 is not done
// yet).
func (l *layouter) replacedSize(b *box, cb containingBlock) (w, h float32) {
	s := b.style
	e := resolveEdges(s, cb.w)
	hz, vert := e.horizontal(), e.vertical()

	var iw, ih float32
	if b.hasImg && b.img != nil {
		r := b.img.Bounds()
		iw, ih = float32(r.Dx()), float32(r.Dy())
	}
	w, okW := contentSize(s.Width, cb.w, cb.w > 0, s, hz)
	h, okH := contentSize(s.Height, cb.h, cb.hDefinite, s, vert)
	ratio := iw > 0 && ih > 0
	switch {
	case okW && okH:
	case okW:
		h = ih
		if ratio {
			h = w * ih / iw
		}
	case okH:
		w = iw
		if ratio {
			w = h * iw / ih
		}
	default:
		w, h = iw, ih
	}
	if mx, ok := contentSize(s.MaxWidth, cb.w, cb.w > 0, s, hz); ok && w > mx {
		if ratio && !okH {
			h = mx * ih / iw
		}
		w = mx
	}
	if mn, ok := contentSize(s.MinWidth, cb.w, cb.w > 0, s, hz); ok && w < mn {
		w = mn
	}
	h = usedHeight(s, h, cb, vert)
	return max(w, 0), max(h, 0)
}

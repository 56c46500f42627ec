package gpu

import (
	"image/color"
	"math"

	"gioui.org/f32"
	"gioui.org/op/clip"

	"glassbox/engine/paint"
)

// Border sides, in the order paint.Border indexes them.
const (
	top = iota
	right
	bottom
	left
)

// border draws the four sides of b. Each side is the trapezoid between the
// border box's outer edge and its inner (padding) edge, so where two sides
// of different colours meet the corner is split along the diagonal, as in
// CSS.
func (r *rasterizer) border(b *paint.Border) {
	if b.Rect.Empty() {
		return
	}
	// Top and bottom first: they own the corner squares that left and right
	// then draw their triangles over (see borderBand).
	for _, side := range [4]int{top, bottom, left, right} {
		w, c := b.Widths[side], b.Colors[side]
		if w <= 0 || c.A == 0 {
			continue
		}
		switch b.Styles[side] {
		case paint.BorderDouble:
			// Two lines, each a third of the width, with a third between.
			if w*r.scale >= 3 {
				r.borderBand(b, side, 0, 1.0/3)
				r.borderBand(b, side, 2.0/3, 1)
				continue
			}
			r.borderBand(b, side, 0, 1)
		case paint.BorderDashed:
			r.borderMarks(b, side, false)
		case paint.BorderDotted:
			r.borderMarks(b, side, true)
		default:
			r.borderBand(b, side, 0, 1)
		}
	}
}

// inset returns b.Rect moved inwards by f times each side's width, in
// device px: x0, y0, x1, y1.
func (r *rasterizer) inset(b *paint.Border, f float32) (x0, y0, x1, y1 float32) {
	p0 := r.pt(b.Rect.X+f*b.Widths[left], b.Rect.Y+f*b.Widths[top])
	p1 := r.pt(b.Rect.X+b.Rect.W-f*b.Widths[right], b.Rect.Y+b.Rect.H-f*b.Widths[bottom])
	return p0.X, p0.Y, p1.X, p1.Y
}

// borderBand fills the part of one side between the insets from and to
// (fractions of the border widths: 0 is the outer edge, 1 the inner).
//
// Each side is a rectangle, and where two sides meet, the corner square is
// split along its diagonal. Top and bottom fill whole corner squares when
// their colour is opaque, and left and right draw their triangles over
// them: two antialiased triangles side by side would leave a faint light
// seam along the diagonal, since each covers the edge pixels only in part.
// Rectangles on whole pixels are exact, where Gio's paths carry a
// half-float coverage error that sRGB makes visible near black.
func (r *rasterizer) borderBand(b *paint.Border, side int, from, to float32) {
	ox0, oy0, ox1, oy1 := r.inset(b, from)
	ix0, iy0, ix1, iy1 := r.inset(b, to)
	c := b.Colors[side]
	// owner reports whether horizontal side h draws all of its corner with
	// vertical side v.
	owner := func(h, v int) bool {
		return b.Colors[h].A == 255 || b.Colors[h] == b.Colors[v] && b.Styles[h] == b.Styles[v]
	}
	shared := func(h, v int) bool {
		return b.Colors[h] == b.Colors[v] && b.Styles[h] == b.Styles[v]
	}
	tri := func(p0, p1, p2 f32.Point) { r.fillPolygon(c, p0, p1, p2) }
	switch side {
	case top, bottom:
		// The band's top and bottom, and which of them is the outer edge.
		y0, y1, yo, yi := oy0, iy0, oy0, iy0
		if side == bottom {
			y0, y1, yo, yi = iy1, oy1, oy1, iy1
		}
		x0, x1 := ix0, ix1
		if owner(side, left) {
			x0 = ox0
		} else if ix0 > ox0 {
			tri(f32.Pt(ox0, yo), f32.Pt(ix0, yo), f32.Pt(ix0, yi))
		}
		if owner(side, right) {
			x1 = ox1
		} else if ox1 > ix1 {
			tri(f32.Pt(ox1, yo), f32.Pt(ix1, yo), f32.Pt(ix1, yi))
		}
		r.fillDeviceRect(c, x0, y0, x1, y1)
	case left, right:
		x0, x1, xo, xi := ox0, ix0, ox0, ix0
		if side == right {
			x0, x1, xo, xi = ix1, ox1, ox1, ix1
		}
		if (b.Widths[top] <= 0 || !shared(top, side)) && iy0 > oy0 {
			tri(f32.Pt(xo, oy0), f32.Pt(xi, iy0), f32.Pt(xo, iy0))
		}
		if (b.Widths[bottom] <= 0 || !shared(bottom, side)) && oy1 > iy1 {
			tri(f32.Pt(xo, oy1), f32.Pt(xi, iy1), f32.Pt(xo, iy1))
		}
		r.fillDeviceRect(c, x0, iy0, x1, iy1)
	}
}

// borderMarks draws a dashed or dotted side as marks along the side's
// straight band, from corner to corner. Marks are spread so that both ends
// start with a mark, as browsers do. Dashes are three widths long with gaps
// as long; dots are round, one width across, one width apart.
func (r *rasterizer) borderMarks(b *paint.Border, side int, dots bool) {
	ox0, oy0, ox1, oy1 := r.inset(b, 0)
	ix0, iy0, ix1, iy1 := r.inset(b, 1)
	// The band as a start point, a direction along it, its length and its
	// thickness, all in device px.
	var start, along, across f32.Point
	var length, thick float32
	switch side {
	case top:
		start, along, across = f32.Pt(ox0, oy0), f32.Pt(1, 0), f32.Pt(0, 1)
		length, thick = ox1-ox0, iy0-oy0
	case bottom:
		start, along, across = f32.Pt(ox0, oy1), f32.Pt(1, 0), f32.Pt(0, -1)
		length, thick = ox1-ox0, oy1-iy1
	case left:
		start, along, across = f32.Pt(ox0, oy0), f32.Pt(0, 1), f32.Pt(1, 0)
		length, thick = oy1-oy0, ix0-ox0
	case right:
		start, along, across = f32.Pt(ox1, oy0), f32.Pt(0, 1), f32.Pt(-1, 0)
		length, thick = oy1-oy0, ox1-ix1
	}
	if length <= 0 || thick <= 0 {
		return
	}
	mark := 3 * thick
	if dots {
		mark = thick
	}
	// n marks and n-1 gaps, gaps as close to mark long as fits.
	n := int(math.Floor(float64((length + mark) / (2 * mark))))
	if n < 1 {
		n = 1
	}
	gap := float32(0)
	if n > 1 {
		gap = (length - float32(n)*mark) / float32(n-1)
	}
	if n == 1 {
		mark = length
	}
	c := b.Colors[side]
	for i := range n {
		s := float32(i) * (mark + gap)
		p0 := start.Add(along.Mul(s))
		if dots {
			centre := p0.Add(along.Mul(mark / 2)).Add(across.Mul(thick / 2))
			r.fillCircle(c, centre, thick/2)
			continue
		}
		p1 := p0.Add(along.Mul(mark))
		r.fillPolygon(c, p0, p1, p1.Add(across.Mul(thick)), p0.Add(across.Mul(thick)))
	}
}

// fillCircle fills a circle in device px, drawn as four cubic Béziers.
func (r *rasterizer) fillCircle(c color.NRGBA, centre f32.Point, radius float32) {
	const k = 0.5522847498 // control point distance for a quarter circle
	var p clip.Path
	p.Begin(&r.ops)
	cx, cy, rr, kr := centre.X, centre.Y, radius, radius*k
	p.MoveTo(f32.Pt(cx+rr, cy))
	p.CubeTo(f32.Pt(cx+rr, cy+kr), f32.Pt(cx+kr, cy+rr), f32.Pt(cx, cy+rr))
	p.CubeTo(f32.Pt(cx-kr, cy+rr), f32.Pt(cx-rr, cy+kr), f32.Pt(cx-rr, cy))
	p.CubeTo(f32.Pt(cx-rr, cy-kr), f32.Pt(cx-kr, cy-rr), f32.Pt(cx, cy-rr))
	p.CubeTo(f32.Pt(cx+kr, cy-rr), f32.Pt(cx+rr, cy-kr), f32.Pt(cx+rr, cy))
	p.Close()
	r.fill(c, clip.Outline{Path: p.End()}.Op())
}

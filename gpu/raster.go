package gpu

import (
	"image"
	"image/color"
	"math"

	"gioui.org/f32"
	"gioui.org/op"
	"gioui.org/op/clip"
	gpaint "gioui.org/op/paint"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"glassbox/engine/paint"
)

// rasterizer translates display lists into Gio operations. It keeps what
// is worth keeping between frames: a font.Face per font (faces cache glyph
// data and are not safe to share between threads, so each raster thread
// has its own), scaled glyph outlines, and the GPU copies of images.
type rasterizer struct {
	ops    op.Ops
	faces  map[*font.Font]*font.Face
	glyphs map[glyphKey][]font.Segment
	images map[image.Image]*cachedImage
	paints map[color.NRGBA]colourPaint
	frame  uint64 // raster count, to evict images a frame did not use

	// gamma is set when the target stores Gio's output as it is (sRGB
	// encoding on write turned off): colours and images are then given to
	// Gio pre-encoded (see colour.go). Without it, Gio blends in linear
	// light and the target encodes.
	gamma bool

	// The current transform from document CSS px to device px.
	ox, oy, scale float32
	clip          paint.Rect   // target area in CSS px, for culling
	clips         []clip.Stack // PushClips in effect
}

type glyphKey struct {
	font *font.Font
	gid  font.GID
	ppem float32 // device px per em
}

type cachedImage struct {
	op   gpaint.ImageOp
	used uint64
}

// maxGlyphs bounds the outline cache; past it the cache starts over, which
// is crude but keeps memory flat on pages that use many sizes.
const maxGlyphs = 1 << 14

func (r *rasterizer) init() {
	r.faces = make(map[*font.Font]*font.Face)
	r.glyphs = make(map[glyphKey][]font.Segment)
	r.images = make(map[image.Image]*cachedImage)
	r.paints = make(map[color.NRGBA]colourPaint)
}

func (r *rasterizer) reset() { r.init() }

// build records dl as Gio operations for a target of the given size whose
// top-left is the document point (ox, oy), at scale device px per CSS px.
func (r *rasterizer) build(dl *paint.DisplayList, ox, oy, scale float32, size image.Point) *op.Ops {
	r.ops.Reset()
	r.frame++
	r.ox, r.oy, r.scale = ox, oy, scale
	r.clip = paint.Rect{X: ox, Y: oy, W: float32(size.X) / scale, H: float32(size.Y) / scale}
	for _, it := range dl.Items {
		if !intersects(it.Bounds(), r.clip) {
			continue
		}
		switch it := it.(type) {
		case *paint.FillRect:
			r.fillRect(it.Rect, it.Color)
		case *paint.Border:
			r.border(it)
		case *paint.GlyphRun:
			r.glyphRun(it)
		case *paint.Image:
			r.image(it)
		case *paint.PushClip:
			p0 := r.pt(it.Rect.X, it.Rect.Y)
			p1 := r.pt(it.Rect.X+it.Rect.W, it.Rect.Y+it.Rect.H)
			rc := image.Rect(int(math.Round(float64(p0.X))), int(math.Round(float64(p0.Y))),
				int(math.Round(float64(p1.X))), int(math.Round(float64(p1.Y))))
			r.clips = append(r.clips, clip.Rect(rc).Push(&r.ops))
		case *paint.PopClip:
			if n := len(r.clips); n > 0 {
				r.clips[n-1].Pop()
				r.clips = r.clips[:n-1]
			}
		}
	}
	// A list that does not pop all its clips leaves none behind.
	for n := len(r.clips); n > 0; n-- {
		r.clips[n-1].Pop()
		r.clips = r.clips[:n-1]
	}
	for k, img := range r.images {
		if img.used+1 < r.frame { // unused in this frame and the last
			delete(r.images, k)
		}
	}
	return &r.ops
}

// intersects reports whether a and b overlap. Items with empty bounds are
// kept: a run or border may report no area yet still draw.
func intersects(a, b paint.Rect) bool {
	if a.Empty() {
		return true
	}
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// pt maps a document point to device pixels.
func (r *rasterizer) pt(x, y float32) f32.Point {
	return f32.Pt((x-r.ox)*r.scale, (y-r.oy)*r.scale)
}

// fillRect fills a rectangle given in CSS px. Rectangles that land on whole
// device pixels use clip.Rect, which Gio draws without computing coverage;
// others become paths, so fractional edges come out antialiased rather than
// rounded to the pixel grid.
func (r *rasterizer) fillRect(rect paint.Rect, c color.NRGBA) {
	if rect.Empty() || c.A == 0 {
		return
	}
	p0 := r.pt(rect.X, rect.Y)
	p1 := r.pt(rect.X+rect.W, rect.Y+rect.H)
	r.fillDeviceRect(c, p0.X, p0.Y, p1.X, p1.Y)
}

// fillDeviceRect fills the rectangle (x0, y0)-(x1, y1) in device px.
func (r *rasterizer) fillDeviceRect(c color.NRGBA, x0, y0, x1, y1 float32) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	if whole(x0) && whole(y0) && whole(x1) && whole(y1) {
		rc := clip.Rect(image.Rect(int(x0), int(y0), int(x1), int(y1)))
		r.fill(c, rc.Op())
		return
	}
	r.fillPolygon(c, f32.Pt(x0, y0), f32.Pt(x1, y0), f32.Pt(x1, y1), f32.Pt(x0, y1))
}

func whole(v float32) bool { return v == float32(math.Round(float64(v))) }

// fillPolygon fills a polygon given in device px.
func (r *rasterizer) fillPolygon(c color.NRGBA, pts ...f32.Point) {
	var p clip.Path
	p.Begin(&r.ops)
	p.MoveTo(pts[0])
	for _, q := range pts[1:] {
		p.LineTo(q)
	}
	p.Close()
	r.fill(c, clip.Outline{Path: p.End()}.Op())
}

// image paints it.Image scaled into it.Rect.
func (r *rasterizer) image(it *paint.Image) {
	if it.Image == nil || it.Rect.Empty() {
		return
	}
	ci := r.images[it.Image]
	if ci == nil {
		// NewImageOp copies non-RGBA images and gives each op a new
		// texture identity, so make one per image and keep it: Gio then
		// uploads each image once, not on every raster. The pre-encoded
		// copy is kept with it for the same reason.
		src := it.Image
		if r.gamma {
			src = gammaImage(src)
		}
		ci = &cachedImage{op: gpaint.NewImageOp(src)}
		r.images[it.Image] = ci
	}
	ci.used = r.frame
	sz := ci.op.Size()
	if sz.X == 0 || sz.Y == 0 {
		return
	}
	p0 := r.pt(it.Rect.X, it.Rect.Y)
	p1 := r.pt(it.Rect.X+it.Rect.W, it.Rect.Y+it.Rect.H)
	tr := f32.AffineId().
		Scale(f32.Point{}, f32.Pt((p1.X-p0.X)/float32(sz.X), (p1.Y-p0.Y)/float32(sz.Y))).
		Offset(p0)
	defer op.Affine(tr).Push(&r.ops).Pop()
	defer clip.Rect(image.Rectangle{Max: sz}).Push(&r.ops).Pop()
	ci.op.Add(&r.ops)
	gpaint.PaintOp{}.Add(&r.ops)
}

// glyphRun fills the outlines of a run's glyphs as one path: one path per
// run rather than per glyph keeps Gio's draw calls to a few per line.
func (r *rasterizer) glyphRun(g *paint.GlyphRun) {
	if g.Font == nil || g.Color.A == 0 || len(g.Glyphs) == 0 {
		return
	}
	face := r.faces[g.Font]
	if face == nil {
		face = font.NewFace(g.Font)
		r.faces[g.Font] = face
	}
	ppem := g.Size * r.scale
	var p clip.Path
	p.Begin(&r.ops)
	drawn := false
	for _, gl := range g.Glyphs {
		segs := r.outline(face, gl.ID, ppem)
		if len(segs) == 0 {
			continue
		}
		drawn = true
		pen := r.pt(gl.X, gl.Y)
		at := func(i int, s *font.Segment) f32.Point {
			return f32.Pt(pen.X+s.Args[i].X, pen.Y+s.Args[i].Y)
		}
		for i := range segs {
			s := &segs[i]
			switch s.Op {
			case ot.SegmentOpMoveTo:
				p.MoveTo(at(0, s))
			case ot.SegmentOpLineTo:
				p.LineTo(at(0, s))
			case ot.SegmentOpQuadTo:
				p.QuadTo(at(0, s), at(1, s))
			case ot.SegmentOpCubeTo:
				p.CubeTo(at(0, s), at(1, s), at(2, s))
			}
		}
	}
	spec := p.End()
	if !drawn {
		return
	}
	r.fill(g.Color, clip.Outline{Path: spec}.Op())
}

// outline returns the glyph's outline in device px relative to its pen
// position, Y down. Font units grow up; pixels grow down.
func (r *rasterizer) outline(face *font.Face, gid font.GID, ppem float32) []font.Segment {
	key := glyphKey{face.Font, gid, ppem}
	if segs, ok := r.glyphs[key]; ok {
		return segs
	}
	var src []font.Segment
	switch data := face.GlyphData(gid).(type) {
	case font.GlyphOutline:
		src = data.Segments
	case font.GlyphSVG:
		src = data.Outline.Segments
	}
	// Bitmap and colour glyphs (emoji) are not drawn yet: they need the
	// image path with the strike picked by size.
	k := ppem / float32(face.Upem())
	segs := make([]font.Segment, len(src))
	for i, s := range src {
		segs[i].Op = s.Op
		for j := range s.Args {
			segs[i].Args[j] = font.SegmentPoint{X: s.Args[j].X * k, Y: -s.Args[j].Y * k}
		}
	}
	if len(r.glyphs) >= maxGlyphs {
		clear(r.glyphs)
	}
	r.glyphs[key] = segs
	return segs
}

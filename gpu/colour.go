package gpu

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sort"
	"sync"

	"gioui.org/f32"
	"gioui.org/op/clip"
	gpaint "gioui.org/op/paint"
)

// GL enums from EXT_sRGB_write_control and EXT_texture_sRGB_decode, which
// go-gl's ES bindings do not name.
const (
	glFramebufferSRGB   = 0x8DB9 // GL_FRAMEBUFFER_SRGB_EXT
	glTextureSRGBDecode = 0x8A48 // GL_TEXTURE_SRGB_DECODE_EXT
	glSkipDecode        = 0x8A4A // GL_SKIP_DECODE_EXT
)

// How colours get through Gio unchanged (see the package documentation).
//
// Gio decodes every colour and image texel from sRGB to linear, blends in
// its shaders' output space and expects the framebuffer to encode back to
// sRGB. Raster turns that encoding off, so whatever Gio's shaders output is
// stored as it is, and hands Gio inputs whose decoding gives the wanted
// sRGB values: the stored bytes are then the sRGB values themselves, and
// blending and antialiasing happen on gamma-encoded values, as in browsers.
//
// An input byte x reaches the framebuffer as gioLevel[x] (in units of
// 1/255). Those levels are dense in the dark and sparse in the light
// (about 2.3 apart near white), so 73 of the 256 sRGB values have no byte
// that decodes to them. A colour with such a channel is given to Gio as a
// linear gradient between two nearby colours, stretched so far (over
// gradientLength px) that across any texture it is flat to a few
// thousandths of a level: Gio mixes the two decoded stops at the fraction
// t, one fraction for all channels, which is enough to land every channel
// of every colour within colourTolerance of its value.
const (
	colourTolerance = 0.25    // in 1/255 units: well inside the ±0.5 of rounding
	gradientSpread  = 12      // largest level gap between a gradient's stops
	gradientSteps   = 64      // the fractions tried are i/gradientSteps
	gradientLength  = 1 << 24 // px between the stops; exact in float32
	maxPaints       = 1 << 12 // bound on the colour cache
)

// gioLevel[x] is what Gio's decoding of the sRGB byte x comes to, as a
// level in [0, 255]: Gio uses float32 tables of the standard formula, and
// GL's sRGB texture sampling does the same.
var gioLevel = func() (l [256]float64) {
	for x := range l {
		l[x] = float64(float32(decodeSRGB(float64(x)/255))) * 255
	}
	return l
}()

// decodeSRGB is the sRGB transfer function, sRGB to linear, on [0, 1]
// (IEC 61966-2-1).
func decodeSRGB(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// encodeSRGB is its inverse, linear to sRGB.
func encodeSRGB(v float64) float64 {
	if v <= 0.0031308 {
		return v * 12.92
	}
	return 1.055*math.Pow(v, 1/2.4) - 0.055
}

// nearestByte returns the byte whose level is closest to the level v.
func nearestByte(v float64) uint8 {
	i := sort.SearchFloat64s(gioLevel[:], v) // first level >= v
	switch {
	case i == 0:
		return 0
	case i == 256:
		return 255
	case gioLevel[i]-v < v-gioLevel[i-1]:
		return uint8(i)
	}
	return uint8(i - 1)
}

// colourPaint is what to give Gio for one colour: the colour lo as it is,
// or when t > 0 a gradient from lo to hi sampled at the fraction t.
type colourPaint struct {
	lo, hi color.NRGBA
	t      float32
}

// paintFor works out the colourPaint whose output is c's sRGB values.
func paintFor(c color.NRGBA) colourPaint {
	want := [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	// A plain colour when every channel has a byte of its own.
	var plain [3]uint8
	exact := true
	for k, v := range want {
		plain[k] = nearestByte(v)
		if math.Abs(gioLevel[plain[k]]-v) > colourTolerance {
			exact = false
		}
	}
	p := colourPaint{lo: color.NRGBA{plain[0], plain[1], plain[2], c.A}}
	if exact {
		return p
	}
	// Otherwise the fraction whose worst channel comes closest. The plain
	// colour stays the answer if nothing beats it (it cannot be off by
	// more than about 1.1 levels).
	worst := 0.0
	for k, v := range want {
		worst = max(worst, math.Abs(gioLevel[plain[k]]-v))
	}
	for i := 1; i < gradientSteps; i++ {
		t := float64(i) / gradientSteps
		var lo, hi [3]uint8
		err := 0.0
		for k, v := range want {
			var e float64
			lo[k], hi[k], e = bestPair(v, t)
			err = max(err, e)
			if err >= worst {
				break
			}
		}
		if err < worst {
			worst = err
			p = colourPaint{
				lo: color.NRGBA{lo[0], lo[1], lo[2], c.A},
				hi: color.NRGBA{hi[0], hi[1], hi[2], c.A},
				t:  float32(t),
			}
			if worst <= colourTolerance/2 {
				break
			}
		}
	}
	return p
}

// bestPair finds bytes lo <= hi, no more than gradientSpread levels apart,
// whose levels mixed at t come closest to v, and how close that is.
func bestPair(v, t float64) (lo, hi uint8, err float64) {
	if x := nearestByte(v); math.Abs(gioLevel[x]-v) <= colourTolerance {
		return x, x, math.Abs(gioLevel[x] - v)
	}
	err = math.Inf(1)
	start := sort.SearchFloat64s(gioLevel[:], v-gradientSpread)
	for l := start; l < 256 && gioLevel[l] <= v; l++ {
		for h := l; h < 256 && gioLevel[h]-gioLevel[l] <= gradientSpread; h++ {
			e := math.Abs(gioLevel[l]*(1-t) + gioLevel[h]*t - v)
			if e < err {
				lo, hi, err = uint8(l), uint8(h), e
			}
		}
	}
	return lo, hi, err
}

// fill paints shape with the sRGB colour c.
func (r *rasterizer) fill(c color.NRGBA, shape clip.Op) {
	if !r.gamma {
		gpaint.FillShape(&r.ops, c, shape)
		return
	}
	p, ok := r.paints[c]
	if !ok {
		p = paintFor(c)
		if len(r.paints) >= maxPaints {
			clear(r.paints)
		}
		r.paints[c] = p
	}
	defer shape.Push(&r.ops).Pop()
	if p.t == 0 {
		gpaint.ColorOp{Color: p.lo}.Add(&r.ops)
	} else {
		// Stops on the x axis with the origin at the fraction t between
		// them; the ops are in device px, so every pixel of the target is
		// within a 2^-10 of t.
		gpaint.LinearGradientOp{
			Stop1:  f32.Pt(-p.t*gradientLength, 0),
			Color1: p.lo,
			Stop2:  f32.Pt((1-p.t)*gradientLength, 0),
			Color2: p.hi,
		}.Add(&r.ops)
	}
	gpaint.PaintOp{}.Add(&r.ops)
}

var (
	premulOnce sync.Once
	// premulBytes[q] is the byte to upload for the premultiplied sRGB
	// value q/255 (q = channel × alpha, 0..255×255), so that GL's sRGB
	// sampling gives q/255 back.
	premulBytes []uint8
)

func premulTable() []uint8 {
	premulOnce.Do(func() {
		premulBytes = make([]uint8, 255*255+1)
		for q := range premulBytes {
			v := float64(q) / 255
			e := encodeSRGB(v/255) * 255
			lo := uint8(min(math.Floor(e), 255))
			hi := uint8(min(math.Ceil(e), 255))
			if math.Abs(gioLevel[hi]-v) < math.Abs(gioLevel[lo]-v) {
				lo = hi
			}
			premulBytes[q] = lo
		}
	})
	return premulBytes
}

// gammaImage converts src to the premultiplied RGBA image to upload in its
// place: Gio uploads images as sRGB textures and decodes them when it
// samples, and these bytes decode to src's premultiplied sRGB values, give
// or take the sparse levels near white (one level at most).
func gammaImage(src image.Image) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rectangle{Max: b.Size()})
	tab := premulTable()
	if rgba, ok := src.(*image.RGBA); ok {
		// Already premultiplied.
		for y := range b.Dy() {
			s := rgba.Pix[rgba.PixOffset(b.Min.X, b.Min.Y+y):]
			d := dst.Pix[y*dst.Stride:]
			for i := 0; i < 4*b.Dx(); i += 4 {
				d[i+0] = tab[int(s[i+0])*255]
				d[i+1] = tab[int(s[i+1])*255]
				d[i+2] = tab[int(s[i+2])*255]
				d[i+3] = s[i+3]
			}
		}
		return dst
	}
	nrgba, ok := src.(*image.NRGBA)
	if !ok {
		nrgba = image.NewNRGBA(image.Rectangle{Max: b.Size()})
		draw.Draw(nrgba, nrgba.Bounds(), src, b.Min, draw.Src)
		b = nrgba.Bounds()
	}
	for y := range b.Dy() {
		s := nrgba.Pix[nrgba.PixOffset(b.Min.X, b.Min.Y+y):]
		d := dst.Pix[y*dst.Stride:]
		for i := 0; i < 4*b.Dx(); i += 4 {
			a := int(s[i+3])
			d[i+0] = tab[int(s[i+0])*a]
			d[i+1] = tab[int(s[i+1])*a]
			d[i+2] = tab[int(s[i+2])*a]
			d[i+3] = uint8(a)
		}
	}
	return dst
}

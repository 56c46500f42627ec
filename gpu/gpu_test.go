package gpu

import (
	"flag"
	"image"
	"image/color"
	"math"
	"runtime"
	"testing"
	"time"

	"gioui.org/f32"
	"github.com/go-gl/gl/v3.1/gles2"

	"glassbox/engine/paint"
	"glassbox/gpu/gputest"
)

// withDevice runs f with a device on a headless context, on a locked
// thread as GL requires.
func withDevice(t *testing.T, f func(d *Device)) {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ctx, err := NewHeadlessContext()
	if err != nil {
		t.Fatal(err)
	}
	defer ctx.Release()
	d, err := NewDevice(ctx.ProcAddress)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Release()
	f(d)
}

// render rasters dl into a w×h layer and composites it onto a white target,
// returning the target's pixels.
func render(t *testing.T, d *Device, dl *paint.DisplayList, w, h int) *image.RGBA {
	t.Helper()
	layer, err := d.NewTexture(w, h, true)
	if err != nil {
		t.Fatal(err)
	}
	defer layer.Release()
	target, err := d.NewTexture(w, h, false)
	if err != nil {
		t.Fatal(err)
	}
	defer target.Release()
	if err := d.Raster(layer, dl, f32.Point{}, 1); err != nil {
		t.Fatal(err)
	}
	white := color.NRGBA{255, 255, 255, 255}
	if err := d.Composite(target.Framebuffer(), white, []Quad{{Texture: layer, Opacity: 1}}); err != nil {
		t.Fatal(err)
	}
	img, err := d.ReadPixels(target.Framebuffer(), image.Rect(0, 0, w, h))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

type probe struct {
	x, y int
	want color.RGBA
}

func checkProbes(t *testing.T, img *image.RGBA, tol int, probes []probe) {
	t.Helper()
	for _, p := range probes {
		if got := img.RGBAAt(p.x, p.y); !gputest.Near(got, p.want, tol) {
			t.Errorf("pixel (%d,%d) = %v, want %v", p.x, p.y, got, p.want)
		}
	}
}

var (
	white = gputest.RGB(255, 255, 255)
	black = gputest.RGB(0, 0, 0)
	blue  = gputest.RGB(0x33, 0x66, 0x99)
	red   = gputest.RGB(255, 0, 0)
	green = gputest.RGB(0, 128, 0)
)

func TestRasterFillRect(t *testing.T) {
	o := gputest.Opaque
	tests := []struct {
		name   string
		bg     color.NRGBA
		items  []paint.Item
		probes []probe
	}{
		{
			name:  "exact colour and edges",
			bg:    white,
			items: []paint.Item{&paint.FillRect{Rect: paint.Rect{X: 10, Y: 20, W: 30, H: 40}, Color: blue}},
			probes: []probe{
				{10, 20, o(blue)}, {39, 59, o(blue)}, {25, 40, o(blue)},
				{9, 20, o(white)}, {40, 20, o(white)}, {10, 19, o(white)}, {10, 60, o(white)},
			},
		},
		{
			name: "later items paint over earlier",
			bg:   white,
			items: []paint.Item{
				&paint.FillRect{Rect: paint.Rect{X: 0, Y: 0, W: 50, H: 50}, Color: red},
				&paint.FillRect{Rect: paint.Rect{X: 25, Y: 25, W: 50, H: 50}, Color: green},
			},
			probes: []probe{{10, 10, o(red)}, {30, 30, o(green)}, {70, 70, o(green)}, {78, 78, o(white)}},
		},
		{
			name:   "background fills the whole target",
			bg:     blue,
			items:  nil,
			probes: []probe{{0, 0, o(blue)}, {99, 0, o(blue)}, {0, 79, o(blue)}, {99, 79, o(blue)}},
		},
		{
			// A half-covered pixel column: coverage blends sRGB values, as
			// in browsers, so half of black over white is 127 or 128 (it
			// was 188 when Gio blended in linear light).
			name:  "fractional edge is antialiased",
			bg:    white,
			items: []paint.Item{&paint.FillRect{Rect: paint.Rect{X: 10.5, Y: 10, W: 10, H: 10}, Color: black}},
			probes: []probe{
				{10, 15, color.RGBA{128, 128, 128, 255}},
				{11, 15, o(black)}, {19, 15, o(black)},
				{20, 15, color.RGBA{128, 128, 128, 255}},
				{21, 15, o(white)},
			},
		},
		{
			name:   "transparent colour paints nothing",
			bg:     white,
			items:  []paint.Item{&paint.FillRect{Rect: paint.Rect{X: 0, Y: 0, W: 50, H: 50}, Color: color.NRGBA{255, 0, 0, 0}}},
			probes: []probe{{10, 10, o(white)}},
		},
	}
	// GL calls must stay on this test's locked thread, and t.Run starts a
	// goroutine: render first, check in subtests.
	imgs := make([]*image.RGBA, len(tests))
	withDevice(t, func(d *Device) {
		for i, tt := range tests {
			dl := &paint.DisplayList{Background: tt.bg, Items: tt.items, Width: 100, Height: 80}
			imgs[i] = render(t, d, dl, 100, 80)
		}
	})
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkProbes(t, imgs[i], 1, tt.probes) })
	}
}

// srgbBlend is src with alpha a over dst as browsers composite: on the
// sRGB values themselves.
func srgbBlend(src, dst uint8, a float64) uint8 {
	return uint8(math.Round(float64(src)*a + float64(dst)*(1-a)))
}

func TestRasterAlphaBlending(t *testing.T) {
	tests := []struct {
		src  color.NRGBA
		dst  color.NRGBA
		want color.RGBA // zero: srgbBlend's
	}{
		// Chrome: 127 or 128 (Gio's linear blending gave 188).
		{color.NRGBA{0, 0, 0, 128}, white, color.RGBA{127, 127, 127, 255}},
		{color.NRGBA{255, 0, 0, 128}, gputest.RGB(0, 0, 255), color.RGBA{128, 0, 127, 255}},
		{color.NRGBA{255, 0, 0, 64}, gputest.RGB(0, 0, 255), color.RGBA{}},
		{color.NRGBA{0x33, 0x66, 0x99, 200}, gputest.RGB(250, 240, 230), color.RGBA{}},
		{color.NRGBA{0xf0, 0xe1, 0xfd, 100}, gputest.RGB(10, 70, 130), color.RGBA{}},
	}
	withDevice(t, func(d *Device) {
		for _, tt := range tests {
			dl := &paint.DisplayList{Background: tt.dst, Width: 20, Height: 20, Items: []paint.Item{
				&paint.FillRect{Rect: paint.Rect{X: 5, Y: 5, W: 10, H: 10}, Color: tt.src},
			}}
			img := render(t, d, dl, 20, 20)
			a := float64(tt.src.A) / 255
			want := tt.want
			if want == (color.RGBA{}) {
				want = color.RGBA{
					srgbBlend(tt.src.R, tt.dst.R, a),
					srgbBlend(tt.src.G, tt.dst.G, a),
					srgbBlend(tt.src.B, tt.dst.B, a),
					255,
				}
			}
			if got := img.RGBAAt(10, 10); !gputest.Near(got, want, 1) {
				t.Errorf("%v over %v = %v, want %v", tt.src, tt.dst, got, want)
			}
			if got := img.RGBAAt(1, 1); got != gputest.Opaque(tt.dst) {
				t.Errorf("outside the rect = %v, want %v", got, tt.dst)
			}
		}
	})
}

// TestRasterExactColours checks that opaque colours come out exactly,
// including the sRGB values that Gio's decoding cannot reach from any
// byte (drawn as flat gradients, see colour.go), and that those stay flat
// across a wide texture.
func TestRasterExactColours(t *testing.T) {
	var cols []color.NRGBA
	for v := range 256 {
		cols = append(cols, gputest.RGB(uint8(v), uint8(v), uint8(v)))
	}
	seed := uint32(1)
	rnd := func() uint8 { seed = seed*1664525 + 1013904223; return uint8(seed >> 24) }
	for range 256 {
		cols = append(cols, gputest.RGB(rnd(), rnd(), rnd()))
	}
	cols = append(cols, blue, gputest.RGB(254, 253, 251), gputest.RGB(75, 153, 252))
	// A 32-wide grid of 4×4 cells, then one colour that needs a gradient
	// across the whole width of a 2048 px texture.
	const cell, perRow, w = 4, 32, 2048
	rows := (len(cols) + perRow - 1) / perRow
	h := rows*cell + 8
	wide := gputest.RGB(254, 102, 153)
	dl := &paint.DisplayList{Background: white, Width: w, Height: float32(h)}
	for i, c := range cols {
		x, y := i%perRow*cell, i/perRow*cell
		dl.Items = append(dl.Items, &paint.FillRect{Rect: paint.Rect{X: float32(x), Y: float32(y), W: cell, H: cell}, Color: c})
	}
	dl.Items = append(dl.Items, &paint.FillRect{Rect: paint.Rect{X: 0, Y: float32(rows * cell), W: w, H: 8}, Color: wide})
	withDevice(t, func(d *Device) {
		img := render(t, d, dl, w, h)
		bad := 0
		for i, c := range cols {
			x, y := i%perRow*cell, i/perRow*cell
			for _, p := range []image.Point{{x, y}, {x + cell - 1, y + cell - 1}} {
				if got := img.RGBAAt(p.X, p.Y); got != gputest.Opaque(c) {
					if bad++; bad <= 10 {
						t.Errorf("%v came out %v", c, got)
					}
				}
			}
		}
		for x := range w {
			if got := img.RGBAAt(x, rows*cell+4); got != gputest.Opaque(wide) {
				t.Fatalf("wide %v at x=%d came out %v", wide, x, got)
			}
		}
	})
}

func TestRasterBorder(t *testing.T) {
	o := gputest.Opaque
	yellow := gputest.RGB(255, 200, 0)
	sides := [4]color.NRGBA{red, green, blue, yellow}
	tests := []struct {
		name   string
		style  paint.BorderStyle
		probes []probe
	}{
		{"solid", paint.BorderSolid, []probe{
			// Box (10,10)-(90,70), widths 4 (top), 6 (right), 8 (bottom), 10 (left).
			{50, 10, o(red)}, {50, 13, o(red)}, {50, 14, o(white)},
			{89, 40, o(green)}, {84, 40, o(green)}, {83, 40, o(white)},
			{50, 69, o(blue)}, {50, 62, o(blue)}, {50, 61, o(white)},
			{10, 40, o(yellow)}, {19, 40, o(yellow)}, {20, 40, o(white)},
			{9, 40, o(white)}, {90, 40, o(white)}, {50, 9, o(white)}, {50, 70, o(white)},
		}},
		{"double", paint.BorderDouble, []probe{
			// The left side is 10 wide: lines at 10..13.3 and 16.7..20.
			{11, 40, o(yellow)}, {15, 40, o(white)}, {18, 40, o(yellow)},
			{50, 10, o(red)}, {50, 69, o(blue)}, {89, 40, o(green)},
		}},
		{"dashed", paint.BorderDashed, []probe{
			// Dashes start at each corner.
			{11, 41, o(yellow)}, {50, 10, o(red)}, {11, 15, o(yellow)},
		}},
	}
	imgs := make([]*image.RGBA, len(tests))
	withDevice(t, func(d *Device) {
		for i, tt := range tests {
			dl := &paint.DisplayList{Background: white, Width: 100, Height: 80, Items: []paint.Item{
				&paint.Border{
					Rect:   paint.Rect{X: 10, Y: 10, W: 80, H: 60},
					Widths: [4]float32{4, 6, 8, 10},
					Colors: sides,
					Styles: [4]paint.BorderStyle{tt.style, tt.style, tt.style, tt.style},
				},
			}}
			imgs[i] = render(t, d, dl, 100, 80)
		}
	})
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProbes(t, imgs[i], 1, tt.probes)
			if t.Failed() {
				path := "/tmp/glassbox-border-" + tt.name + ".png"
				gputest.SavePNG(path, imgs[i])
				t.Logf("wrote %s", path)
			}
		})
	}
}

func TestRasterGlyphRun(t *testing.T) {
	run, err := gputest.TextRun("Hello, Glassbox", 10, 40, 24, black)
	if err != nil {
		t.Fatal(err)
	}
	dl := &paint.DisplayList{Background: white, Width: 240, Height: 60, Items: []paint.Item{run}}
	withDevice(t, func(d *Device) {
		img := render(t, d, dl, 240, 60)
		if err := gputest.SavePNG("/tmp/glassbox-gpu-text.png", img); err != nil {
			t.Log(err)
		}
		box := image.Rect(int(run.Box.X), int(run.Box.Y), int(math.Ceil(float64(run.Box.X+run.Box.W))), int(math.Ceil(float64(run.Box.Y+run.Box.H))))
		var dark, core, grey, outside int
		for y := range img.Bounds().Dy() {
			for x := range img.Bounds().Dx() {
				c := img.RGBAAt(x, y)
				in := image.Pt(x, y).In(box)
				switch {
				case c == (color.RGBA{255, 255, 255, 255}):
				case !in:
					outside++
				case c.R < 64:
					dark++
					if c.R <= 40 {
						core++
					}
				default:
					grey++
				}
				if c.R != c.G || c.G != c.B {
					t.Fatalf("pixel (%d,%d) = %v: black text should be grey", x, y, c)
				}
			}
		}
		if outside != 0 {
			t.Errorf("%d non-white pixels outside the text box %v", outside, box)
		}
		if dark < 200 {
			t.Errorf("only %d dark pixels in the text box: the glyphs did not draw", dark)
		}
		if core < 200 {
			t.Errorf("only %d pixels of 0..40 in the text box: the glyph cores are not black", core)
		}
		if grey == 0 {
			t.Errorf("no antialiased pixels: the glyph edges are hard")
		}
	})
}

func TestRasterImage(t *testing.T) {
	// A 2×2 image scaled to 40×40: four 20×20 blocks.
	src := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	src.SetNRGBA(0, 0, red)
	src.SetNRGBA(1, 0, green)
	src.SetNRGBA(0, 1, blue)
	src.SetNRGBA(1, 1, black)
	o := gputest.Opaque
	dl := &paint.DisplayList{Background: white, Width: 100, Height: 100, Items: []paint.Item{
		&paint.Image{Rect: paint.Rect{X: 30, Y: 20, W: 40, H: 40}, Image: src},
	}}
	withDevice(t, func(d *Device) {
		img := render(t, d, dl, 100, 100)
		checkProbes(t, img, 2, []probe{
			{32, 22, o(red)}, {67, 22, o(green)}, {32, 57, o(blue)}, {67, 57, o(black)},
			{29, 40, o(white)}, {70, 40, o(white)}, {50, 19, o(white)}, {50, 60, o(white)},
		})
		// Raster it again: the cached image must still draw.
		img = render(t, d, dl, 100, 100)
		checkProbes(t, img, 2, []probe{{32, 22, o(red)}})
	})
}

// TestRasterImageGreyRamp checks that image pixels come back as they are
// (±1: near white Gio's sRGB texture decoding has levels for only about
// every other value).
func TestRasterImageGreyRamp(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 256, 1))
	half := image.NewRGBA(image.Rect(0, 0, 256, 1)) // premultiplied, alpha 128
	for x := range 256 {
		src.SetNRGBA(x, 0, color.NRGBA{uint8(x), uint8(x), uint8(x), 255})
		v := uint8(x * 128 / 255)
		half.SetRGBA(x, 0, color.RGBA{v, v, v, 128})
	}
	dl := &paint.DisplayList{Background: white, Width: 256, Height: 8, Items: []paint.Item{
		&paint.Image{Rect: paint.Rect{X: 0, Y: 0, W: 256, H: 4}, Image: src},
		&paint.Image{Rect: paint.Rect{X: 0, Y: 4, W: 256, H: 4}, Image: half},
	}}
	withDevice(t, func(d *Device) {
		img := render(t, d, dl, 256, 8)
		for x := range 256 {
			g := uint8(x)
			if got := img.RGBAAt(x, 2); !gputest.Near(got, color.RGBA{g, g, g, 255}, 1) {
				t.Errorf("grey %d came out %v", x, got)
			}
			// Half-transparent over white, blended on sRGB values.
			want := uint8(x*128/255 + 127)
			if got := img.RGBAAt(x, 6); !gputest.Near(got, color.RGBA{want, want, want, 255}, 1) {
				t.Errorf("grey %d at alpha 128 over white came out %v, want %d", x, got, want)
			}
		}
	})
}

func TestRasterOriginAndScale(t *testing.T) {
	o := gputest.Opaque
	dl := &paint.DisplayList{Background: white, Width: 200, Height: 200, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 100, Y: 100, W: 10, H: 10}, Color: blue},
	}}
	withDevice(t, func(d *Device) {
		layer, err := d.NewTexture(64, 64, true)
		if err != nil {
			t.Fatal(err)
		}
		defer layer.Release()
		target, err := d.NewTexture(64, 64, false)
		if err != nil {
			t.Fatal(err)
		}
		defer target.Release()
		// Document (95,95) at the top-left, two device px per CSS px: the
		// rect covers device (10,10)-(30,30).
		if err := d.Raster(layer, dl, f32.Pt(95, 95), 2); err != nil {
			t.Fatal(err)
		}
		if err := d.Composite(target.Framebuffer(), white, []Quad{{Texture: layer, Opacity: 1}}); err != nil {
			t.Fatal(err)
		}
		img, err := d.ReadPixels(target.Framebuffer(), image.Rect(0, 0, 64, 64))
		if err != nil {
			t.Fatal(err)
		}
		checkProbes(t, img, 1, []probe{{10, 10, o(blue)}, {29, 29, o(blue)}, {9, 10, o(white)}, {30, 30, o(white)}})
	})
}

func TestComposite(t *testing.T) {
	o := gputest.Opaque
	withDevice(t, func(d *Device) {
		layer, err := d.NewTexture(20, 20, true)
		if err != nil {
			t.Fatal(err)
		}
		defer layer.Release()
		dl := &paint.DisplayList{Background: blue}
		if err := d.Raster(layer, dl, f32.Point{}, 1); err != nil {
			t.Fatal(err)
		}
		target, err := d.NewTexture(64, 64, false)
		if err != nil {
			t.Fatal(err)
		}
		defer target.Release()
		fb := target.Framebuffer()
		tests := []struct {
			name   string
			quads  []Quad
			probes []probe
		}{
			{"offset", []Quad{{Texture: layer, Opacity: 1, Transform: f32.AffineId().Offset(f32.Pt(10, 30))}},
				[]probe{{10, 30, o(blue)}, {29, 49, o(blue)}, {9, 30, o(white)}, {30, 50, o(white)}}},
			{"scaled", []Quad{{Texture: layer, Opacity: 1, Transform: f32.AffineId().Scale(f32.Point{}, f32.Pt(2, 2))}},
				[]probe{{0, 0, o(blue)}, {39, 39, o(blue)}, {40, 40, o(white)}}},
			{"half opacity", []Quad{{Texture: layer, Opacity: 0.5}},
				// Compositing blends sRGB values, as browsers do.
				[]probe{{5, 5, color.RGBA{0x99, 0xb2, 0xcc, 255}}}},
			{"source rect", []Quad{{Texture: layer, Opacity: 1, Src: Rect{X: 5, Y: 5, W: 10, H: 10}}},
				[]probe{{5, 5, o(blue)}, {14, 14, o(blue)}, {4, 4, o(white)}, {15, 15, o(white)}}},
			{"back to front", []Quad{
				{Texture: layer, Opacity: 1},
				{Texture: layer, Opacity: 0.5, Transform: f32.AffineId().Offset(f32.Pt(10, 0))},
			}, []probe{{15, 5, o(blue)}, {25, 5, color.RGBA{0x99, 0xb2, 0xcc, 255}}}},
		}
		for _, tt := range tests {
			if err := d.Composite(fb, white, tt.quads); err != nil {
				t.Fatal(err)
			}
			img, err := d.ReadPixels(fb, image.Rect(0, 0, 64, 64))
			if err != nil {
				t.Fatal(err)
			}
			t.Run(tt.name, func(t *testing.T) { checkProbes(t, img, 1, tt.probes) })
		}
	})
}

// TestColourFallbacks draws as drivers without EXT_texture_sRGB_decode or
// EXT_sRGB_write_control would: the composite shader re-encodes what the
// sampler decoded, and without write control Gio blends in linear light
// again, but opaque colours still come out exactly.
func TestColourFallbacks(t *testing.T) {
	dl := &paint.DisplayList{Background: white, Width: 20, Height: 20, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 0, Y: 0, W: 10, H: 20}, Color: blue},
		&paint.FillRect{Rect: paint.Rect{X: 10, Y: 0, W: 10, H: 20}, Color: color.NRGBA{0, 0, 0, 128}},
	}}
	withDevice(t, func(d *Device) {
		d.skipDecode = false
		img := render(t, d, dl, 20, 20)
		checkProbes(t, img, 0, []probe{{5, 5, gputest.Opaque(blue)}})
		checkProbes(t, img, 1, []probe{{15, 5, color.RGBA{127, 127, 127, 255}}})

		// Such a driver always encodes writes to sRGB framebuffers.
		gles2.Enable(glFramebufferSRGB)
		d.writeControl, d.raster.gamma = false, false
		d.raster.reset()
		img = render(t, d, dl, 20, 20)
		checkProbes(t, img, 0, []probe{{5, 5, gputest.Opaque(blue)}})
		checkProbes(t, img, 1, []probe{{15, 5, color.RGBA{188, 188, 188, 255}}})
	})
}

func TestTimer(t *testing.T) {
	withDevice(t, func(d *Device) {
		tm := d.NewTimer()
		if tm == nil {
			t.Skip("no GL_EXT_disjoint_timer_query")
		}
		defer tm.Release()
		target, err := d.NewTexture(64, 64, false)
		if err != nil {
			t.Fatal(err)
		}
		defer target.Release()
		fb := target.Framebuffer()
		// Twice: llvmpipe garbles the first query of a context, which
		// Result throws away.
		var got []time.Duration
		for range 2 {
			tm.Begin(fb)
			if err := d.Composite(fb, white, nil); err != nil {
				t.Fatal(err)
			}
			tm.End()
			d.ReadPixels(fb, image.Rect(0, 0, 1, 1)) // waits for the GPU
			for range 1000 {
				if !tm.pending {
					break
				}
				if dur, ok := tm.Result(); ok {
					got = append(got, dur)
				}
			}
		}
		if len(got) == 0 {
			t.Fatal("no timer result arrived")
		}
		for _, dur := range got {
			if dur < 0 || dur > time.Second {
				t.Errorf("elapsed %v for a clear of 64x64", dur)
			}
		}
	})
}

func TestErrors(t *testing.T) {
	withDevice(t, func(d *Device) {
		if _, err := d.NewTexture(0, 10, true); err == nil {
			t.Error("NewTexture(0, 10) succeeded")
		}
		if _, err := d.NewTexture(d.MaxTextureSize()+1, 10, true); err == nil {
			t.Error("NewTexture over the maximum size succeeded")
		}
		plain, err := d.NewTexture(8, 8, false)
		if err != nil {
			t.Fatal(err)
		}
		defer plain.Release()
		if err := d.Raster(plain, &paint.DisplayList{}, f32.Point{}, 1); err == nil {
			t.Error("Raster into a non-sRGB texture succeeded")
		}
		bad := Framebuffer{FBO: 99999, Width: 8, Height: 8}
		if err := d.Composite(bad, white, nil); err == nil {
			t.Error("Composite into a bogus framebuffer succeeded")
		}
	})
}

// TestPaintFor checks the colour arithmetic of colour.go without a GPU:
// what Gio makes of each paint (its decoded stops mixed at t) is within
// colourTolerance of the colour asked for.
func TestPaintFor(t *testing.T) {
	seed := uint32(7)
	rnd := func() uint8 { seed = seed*1664525 + 1013904223; return uint8(seed >> 24) }
	check := func(c color.NRGBA) {
		p := paintFor(c)
		if p.lo.A != c.A || (p.t > 0 && p.hi.A != c.A) {
			t.Fatalf("%v: alpha changed: %+v", c, p)
		}
		tt := float64(p.t)
		for k, v := range [3]uint8{c.R, c.G, c.B} {
			lo := [3]uint8{p.lo.R, p.lo.G, p.lo.B}[k]
			hi := [3]uint8{p.hi.R, p.hi.G, p.hi.B}[k]
			got := gioLevel[lo]
			if p.t > 0 {
				got = gioLevel[lo]*(1-tt) + gioLevel[hi]*tt
				if gioLevel[hi]-gioLevel[lo] > gradientSpread {
					t.Errorf("%v: stops %d and %d too far apart", c, lo, hi)
				}
			}
			if math.Abs(got-float64(v)) > colourTolerance {
				t.Errorf("%v: channel %d comes to %.3f", c, k, got)
			}
		}
	}
	for v := range 256 {
		check(color.NRGBA{uint8(v), uint8(v), uint8(v), 255})
		check(color.NRGBA{uint8(v), 255 - uint8(v), 128, 77})
	}
	for range 3000 {
		check(color.NRGBA{rnd(), rnd(), rnd(), rnd()})
	}
}

func TestLiveObjects(t *testing.T) {
	withDevice(t, func(d *Device) {
		before := LiveObjects()
		a, err := d.NewTexture(8, 8, true)
		if err != nil {
			t.Fatal(err)
		}
		b, err := d.NewTexture(8, 8, false)
		if err != nil {
			t.Fatal(err)
		}
		tm := d.NewTimer()
		got := LiveObjects()
		want := Live{Textures: before.Textures + 2, Framebuffers: before.Framebuffers + 2, Queries: before.Queries}
		if tm != nil {
			want.Queries++
		}
		if got != want {
			t.Errorf("with two textures and a timer: %+v, want %+v", got, want)
		}
		if _, err := d.NewTexture(0, 8, true); err == nil {
			t.Error("an empty texture was made")
		}
		a.Release()
		a.Release() // idempotent: counted once
		b.Release()
		tm.Release()
		if got := LiveObjects(); got != before {
			t.Errorf("after releasing them: %+v, want %+v", got, before)
		}
	})
}

// A GL error comes back as a Go error naming the operation and the error,
// and is drained: the next check finds none.
func TestGLErrorReported(t *testing.T) {
	withDevice(t, func(d *Device) {
		gles2.Enable(0xffff) // not a capability: INVALID_ENUM
		target, err := d.NewTexture(4, 4, false)
		if err == nil {
			target.Release()
			t.Fatal("NewTexture succeeded with a GL error pending")
		}
		if want := "gpu: new texture: GL error INVALID_ENUM"; err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
		if err := glError("after"); err != nil {
			t.Errorf("the error was not drained: %v", err)
		}
	})
}

// Without timer queries (a driver lacking GL_EXT_disjoint_timer_query),
// NewTimer returns nil, and a nil timer measures nothing without failing.
func TestNoTimerQueries(t *testing.T) {
	withDevice(t, func(d *Device) {
		d.timers = false
		tm := d.NewTimer()
		if tm != nil {
			t.Fatal("NewTimer made a timer without timer queries")
		}
		target, err := d.NewTexture(4, 4, false)
		if err != nil {
			t.Fatal(err)
		}
		defer target.Release()
		if tm.Begin(target.Framebuffer()) {
			t.Error("a nil timer began")
		}
		tm.End()
		if _, ok := tm.Result(); ok {
			t.Error("a nil timer has a result")
		}
		if !tm.Began().IsZero() {
			t.Error("a nil timer began at a time")
		}
		tm.Release()
		if err := glError("no timers"); err != nil {
			t.Error(err)
		}
	})
}

// orderCheck turns on TestRasterOrderIndependent, which fails for now.
var orderCheck = flag.Bool("order", false, "run TestRasterOrderIndependent, a known failure (see its comment)")

// TestRasterOrderIndependent draws the same items in two orders: items
// that do not overlap should come out the same whatever else the frame
// draws and in which order, or a reftest and its reference, which often
// paint the same boxes in different orders, differ by a level at glyph
// edges (about 30 of css-flexbox-1 and css-grid-1).
//
// It fails today, by one level on about a dozen glyph edge pixels. Gio
// computes each path's coverage in an atlas texture (R16F on GL 3), at a
// place that depends on the paths drawn before it in the frame, and the
// coverage depends on that place: a run's edge pixels change by a level
// when only the width of an unrelated path drawn before it changes. The
// likely mechanism is that interpolating curve positions across the atlas
// is exact only to a few ulps of the atlas coordinates (llvmpipe here),
// and the half-float store turns some of those into steps of 1/8 level.
// Snapping the outlines to a grid (even to whole pixels) does not remove
// it. Fixing it means coverage that does not depend on the atlas, such as
// glyphs rasterized once on the CPU into a cache and drawn as images.
func TestRasterOrderIndependent(t *testing.T) {
	if !*orderCheck {
		t.Skip("known failure: glyph coverage depends on Gio's atlas placement; run with -order")
	}
	var items []paint.Item
	for i, s := range []string{"one", "three", "two", "four", "Hello, Glassbox"} {
		x, y := float32(25+160*(i%2)), float32(48+50*(i/2))
		items = append(items, &paint.FillRect{Rect: paint.Rect{X: x, Y: y - 15, W: 128, H: 18}, Color: white})
		run, err := gputest.TextRun(s, x, y, 16, black)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, run)
	}
	blue := gputest.RGB(0, 0, 255)
	reversed := []paint.Item{}
	for i := len(items) - 2; i >= 0; i -= 2 {
		reversed = append(reversed, items[i], items[i+1])
	}
	withDevice(t, func(d *Device) {
		a := render(t, d, &paint.DisplayList{Background: blue, Width: 340, Height: 200, Items: items}, 340, 200)
		b := render(t, d, &paint.DisplayList{Background: blue, Width: 340, Height: 200, Items: reversed}, 340, 200)
		n := 0
		for y := range a.Bounds().Dy() {
			for x := range a.Bounds().Dx() {
				if ca, cb := a.RGBAAt(x, y), b.RGBAAt(x, y); ca != cb {
					if n++; n <= 5 {
						t.Errorf("pixel (%d,%d) is %v in one order and %v in the other", x, y, ca, cb)
					}
				}
			}
		}
		if n > 5 {
			t.Errorf("%d pixels differ in all", n)
		}
	})
}

package gpu

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"testing"
	"time"

	"gioui.org/f32"

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
			// A half-covered pixel column: Gio's coverage is computed in
			// linear light, so half of black over white is sRGB 188.
			name:  "fractional edge is antialiased",
			bg:    white,
			items: []paint.Item{&paint.FillRect{Rect: paint.Rect{X: 10.5, Y: 10, W: 10, H: 10}, Color: black}},
			probes: []probe{
				{10, 15, color.RGBA{188, 188, 188, 255}},
				{11, 15, o(black)}, {19, 15, o(black)},
				{20, 15, color.RGBA{188, 188, 188, 255}},
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

// linearBlend is what Gio computes for src with alpha a over dst: the
// blend happens in linear light, and the result is stored as sRGB.
func linearBlend(src, dst uint8, a float64) uint8 {
	dec := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := dec(src)*a + dec(dst)*(1-a)
	var e float64
	if l <= 0.0031308 {
		e = l * 12.92
	} else {
		e = 1.055*math.Pow(l, 1/2.4) - 0.055
	}
	return uint8(math.Round(e * 255))
}

func TestRasterAlphaBlending(t *testing.T) {
	tests := []struct {
		src color.NRGBA
		dst color.NRGBA
	}{
		{color.NRGBA{0, 0, 0, 128}, white},
		{color.NRGBA{255, 0, 0, 64}, gputest.RGB(0, 0, 255)},
		{color.NRGBA{0x33, 0x66, 0x99, 200}, gputest.RGB(250, 240, 230)},
	}
	withDevice(t, func(d *Device) {
		for _, tt := range tests {
			dl := &paint.DisplayList{Background: tt.dst, Width: 20, Height: 20, Items: []paint.Item{
				&paint.FillRect{Rect: paint.Rect{X: 5, Y: 5, W: 10, H: 10}, Color: tt.src},
			}}
			img := render(t, d, dl, 20, 20)
			a := float64(tt.src.A) / 255
			want := color.RGBA{
				linearBlend(tt.src.R, tt.dst.R, a),
				linearBlend(tt.src.G, tt.dst.G, a),
				linearBlend(tt.src.B, tt.dst.B, a),
				255,
			}
			if got := img.RGBAAt(10, 10); !gputest.Near(got, want, 2) {
				t.Errorf("%v over %v = %v, want %v", tt.src, tt.dst, got, want)
			}
			if got := img.RGBAAt(1, 1); !gputest.Near(got, gputest.Opaque(tt.dst), 1) {
				t.Errorf("outside the rect = %v, want %v", got, tt.dst)
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
		var dark, grey, outside int
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

package compositor

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"gioui.org/f32"

	"glassbox/engine/paint"
	"glassbox/gpu"
	"glassbox/gpu/gputest"
)

var (
	white = gputest.RGB(255, 255, 255)
	blue  = gputest.RGB(0x33, 0x66, 0x99)
	red   = gputest.RGB(255, 0, 0)
	green = gputest.RGB(0, 128, 0)
)

// stripes is a 100 CSS px wide, 1000 px tall document with a 10 px
// coloured band every 100 px: red at y=0, green at y=100, and so on.
func stripes() *paint.DisplayList {
	dl := &paint.DisplayList{Background: white, Width: 100, Height: 1000}
	for y := 0; y < 1000; y += 100 {
		c := red
		if y/100%2 == 1 {
			c = green
		}
		dl.Add(&paint.FillRect{Rect: paint.Rect{X: 0, Y: float32(y), W: 100, H: 10}, Color: c})
	}
	return dl
}

type probe struct {
	x, y int
	want color.NRGBA
}

func check(t *testing.T, img *image.RGBA, probes ...probe) {
	t.Helper()
	for _, p := range probes {
		if got := img.RGBAAt(p.x, p.y); !gputest.Near(got, gputest.Opaque(p.want), 1) {
			t.Errorf("pixel (%d,%d) = %v, want %v", p.x, p.y, got, p.want)
		}
	}
}

func newHeadless(t *testing.T, w, h int) *Compositor {
	t.Helper()
	c, err := NewHeadless(w, h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func shot(t *testing.T, c *Compositor) *image.RGBA {
	t.Helper()
	img, err := c.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestScreenshot(t *testing.T) {
	c := newHeadless(t, 120, 80)
	dl := &paint.DisplayList{Background: white, Width: 120, Height: 80, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 10, Y: 10, W: 20, H: 20}, Color: blue},
	}}
	c.Commit(NewFrame(dl, image.Pt(120, 80)))
	img := shot(t, c)
	if img.Bounds() != image.Rect(0, 0, 120, 80) {
		t.Fatalf("screenshot bounds %v", img.Bounds())
	}
	check(t, img, probe{10, 10, blue}, probe{29, 29, blue}, probe{30, 30, white}, probe{119, 79, white})
}

func TestEmpty(t *testing.T) {
	// Before any commit the target is the default canvas colour.
	c := newHeadless(t, 10, 10)
	check(t, shot(t, c), probe{5, 5, white})
}

func TestScroll(t *testing.T) {
	tests := []struct {
		name   string
		frame  f32.Point // the committed Scroll
		by     f32.Point // then ScrollBy
		want   f32.Point
		probes []probe
	}{
		{"none", f32.Point{}, f32.Point{}, f32.Point{}, []probe{{50, 0, red}, {50, 10, white}, {50, 100, green}}},
		{"page scroll", f32.Pt(0, 95), f32.Point{}, f32.Pt(0, 95), []probe{{50, 4, white}, {50, 5, green}, {50, 14, green}, {50, 15, white}}},
		{"compositor scroll", f32.Point{}, f32.Pt(0, 100), f32.Pt(0, 100), []probe{{50, 0, green}, {50, 9, green}, {50, 10, white}, {50, 100, red}}},
		{"clamped at the end", f32.Point{}, f32.Pt(0, 5000), f32.Pt(0, 850), []probe{{50, 50, green}, {50, 60, white}}},
		{"clamped at the start", f32.Pt(0, 200), f32.Pt(-10, -500), f32.Point{}, []probe{{50, 0, red}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newHeadless(t, 100, 150)
			f := NewFrame(stripes(), image.Pt(100, 150))
			f.Scroll = tt.frame
			c.Commit(f)
			c.ScrollBy(tt.by.X, tt.by.Y)
			got, err := c.ScrollOffset()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("scroll offset %v, want %v", got, tt.want)
			}
			check(t, shot(t, c), tt.probes...)
		})
	}
}

func TestScrollSurvivesCommit(t *testing.T) {
	c := newHeadless(t, 100, 150)
	dl := stripes()
	c.Commit(NewFrame(dl, image.Pt(100, 150)))
	c.ScrollBy(0, 100)
	// The page commits again without having seen the scroll: the
	// compositor's offset stands.
	c.Commit(NewFrame(dl, image.Pt(100, 150)))
	if got, _ := c.ScrollOffset(); got != f32.Pt(0, 100) {
		t.Errorf("scroll offset after commit %v, want (0,100)", got)
	}
}

func TestRecommit(t *testing.T) {
	c := newHeadless(t, 50, 50)
	first := &paint.DisplayList{Background: white, Width: 50, Height: 50, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 0, Y: 0, W: 25, H: 50}, Color: red},
	}}
	second := &paint.DisplayList{Background: blue, Width: 50, Height: 50, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 25, Y: 0, W: 25, H: 50}, Color: green},
	}}
	c.Commit(NewFrame(first, image.Pt(50, 50)))
	check(t, shot(t, c), probe{10, 10, red}, probe{40, 10, white})
	c.Commit(NewFrame(second, image.Pt(50, 50)))
	check(t, shot(t, c), probe{10, 10, blue}, probe{40, 10, green})

	// Screenshots of an unchanged frame raster nothing.
	before, _ := c.Stats()
	shot(t, c)
	after, _ := c.Stats()
	if after.Rasters != before.Rasters {
		t.Errorf("raster ran again for an unchanged display list")
	}
	if after.Frames != before.Frames+1 {
		t.Errorf("frames %d -> %d, want one more", before.Frames, after.Frames)
	}
}

func TestDeviceScaleAndLayers(t *testing.T) {
	c := newHeadless(t, 100, 100)
	root := &paint.DisplayList{Background: white, Width: 50, Height: 50, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 5, Y: 5, W: 10, H: 10}, Color: blue},
	}}
	over := &paint.DisplayList{Width: 10, Height: 10, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 0, Y: 0, W: 10, H: 10}, Color: red},
	}}
	c.Commit(&Frame{
		Layers: []Layer{
			{ID: 1, DisplayList: root, Opacity: 1},
			{ID: 2, DisplayList: over, Offset: f32.Pt(30, 30), Opacity: 1},
		},
		Viewport:    f32.Pt(50, 50),
		DeviceScale: 2,
	})
	check(t, shot(t, c),
		probe{10, 10, blue}, probe{29, 29, blue}, probe{30, 30, white},
		probe{60, 60, red}, probe{79, 79, red}, probe{80, 80, white}, probe{59, 59, white})
}

func TestResize(t *testing.T) {
	c := newHeadless(t, 20, 20)
	c.Commit(NewFrame(&paint.DisplayList{Background: blue}, image.Pt(20, 20)))
	c.Resize(40, 30)
	img := shot(t, c)
	if img.Bounds().Size() != image.Pt(40, 30) {
		t.Fatalf("screenshot size %v after resize, want 40x30", img.Bounds().Size())
	}
	check(t, img, probe{39, 29, blue})

	// Growing a little fits in the texture there is: no new raster.
	before, _ := c.Stats()
	c.Resize(60, 50)
	check(t, shot(t, c), probe{59, 49, blue})
	if after, _ := c.Stats(); after.Rasters != before.Rasters {
		t.Errorf("a small resize rastered again (%d -> %d)", before.Rasters, after.Rasters)
	}
}

func TestRenderOffscreen(t *testing.T) {
	run, err := gputest.TextRun("Glassbox renders text", 10, 30, 20, gputest.RGB(0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	dl := &paint.DisplayList{Background: white, Width: 240, Height: 50, Items: []paint.Item{
		&paint.FillRect{Rect: paint.Rect{X: 0, Y: 40, W: 240, H: 10}, Color: blue},
		run,
	}}
	img, err := RenderOffscreen(dl, 240, 50)
	if err != nil {
		t.Fatal(err)
	}
	check(t, img, probe{0, 45, blue}, probe{5, 5, white})
	if err := gputest.SavePNG("/tmp/glassbox-compositor-text.png", img); err != nil {
		t.Log(err)
	}
}

func TestClosed(t *testing.T) {
	c, err := NewHeadless(10, 10)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	c.Close()
	if _, err := c.Screenshot(); err != ErrClosed {
		t.Errorf("Screenshot after Close: %v, want ErrClosed", err)
	}
	c.Commit(NewFrame(&paint.DisplayList{}, image.Pt(10, 10))) // must not block
}

func TestNewHeadlessErrors(t *testing.T) {
	if _, err := NewHeadless(0, 10); err == nil {
		t.Error("NewHeadless(0, 10) succeeded")
	}
	if _, err := NewHeadless(1<<20, 10); err == nil {
		t.Error("NewHeadless over the texture limit succeeded")
	}
}

func TestTimeline(t *testing.T) {
	c := newHeadless(t, 100, 100)
	c.Commit(NewFrame(stripes(), image.Pt(100, 100)))
	shot(t, c)
	c.ScrollBy(0, 100)
	shot(t, c) // no raster: only a draw
	c.Commit(NewFrame(stripes(), image.Pt(100, 100)))
	for range 3 { // frames for the GPU's timings to arrive in
		shot(t, c)
	}
	count := map[string]int{}
	for _, e := range c.Timeline().Events() {
		count[e.Thread+" "+string(e.Stage)]++
		if e.Start.IsZero() || e.Dur < 0 || e.Frame == 0 {
			t.Errorf("event %+v", e)
		}
	}
	// Each commit rasters the tile in view and the one below it, which
	// the scroll then shows without raster.
	if count["compositor draw"] != 5 || count["compositor raster"] != 4 {
		t.Errorf("events %v, want 5 draws and 4 rasters on the compositor", count)
	}
	st, err := c.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.GPUDraw > 0 && count["gpu draw"] == 0 {
		t.Errorf("the GPU timed a draw (%v) but the timeline has none: %v", st.GPUDraw, count)
	}
	t.Logf("%s: %v", st.Renderer, count)
}

func TestScrollbar(t *testing.T) {
	c := newHeadless(t, 100, 100)
	c.Commit(NewFrame(stripes(), image.Pt(100, 100)))
	c.SetScrollbar(10, false)
	info, err := c.Scrollbar()
	if err != nil {
		t.Fatal(err)
	}
	// A tenth of the document is in view, but the thumb is at least twice
	// the scrollbar's width long.
	if info.Track != image.Rect(90, 0, 100, 100) || info.Thumb != image.Rect(90, 0, 100, 20) || info.Max != f32.Pt(0, 900) {
		t.Errorf("at the top: %+v", info)
	}
	img := shot(t, c)
	thumb, track, page := img.RGBAAt(95, 15), img.RGBAAt(95, 50), img.RGBAAt(50, 50)
	if !(thumb.R < track.R && track.R < page.R) || thumb.R != thumb.G || thumb.G != thumb.B {
		t.Errorf("thumb %v, track %v, page %v: want grey, darker than the track, darker than the page", thumb, track, page)
	}
	c.ScrollTo(f32.Pt(0, 1e6))
	info, _ = c.Scrollbar()
	if info.Scroll != f32.Pt(0, 900) || info.Thumb != image.Rect(90, 80, 100, 100) {
		t.Errorf("at the bottom: %+v", info)
	}
	img = shot(t, c)
	if got := img.RGBAAt(95, 90); got != thumb {
		t.Errorf("thumb at the bottom = %v, want %v", got, thumb)
	}
	if got := img.RGBAAt(95, 15); got != track {
		t.Errorf("track at the top = %v, want %v", got, track)
	}
	c.SetScrollbar(10, true)
	if got := shot(t, c).RGBAAt(95, 90); got.R >= thumb.R {
		t.Errorf("dragged thumb = %v, want darker than %v", got, thumb)
	}

	// No scrollbar for a page that fits, or when hidden.
	c.Commit(NewFrame(&paint.DisplayList{Background: white, Width: 100, Height: 100}, image.Pt(100, 100)))
	if info, _ := c.Scrollbar(); !info.Track.Empty() {
		t.Errorf("a page that fits has a scrollbar: %+v", info)
	}
	c.Commit(NewFrame(stripes(), image.Pt(100, 100)))
	c.SetScrollbar(0, false)
	if info, _ := c.Scrollbar(); !info.Track.Empty() {
		t.Errorf("a hidden scrollbar: %+v", info)
	}
	if got := shot(t, c).RGBAAt(95, 50); got != page {
		t.Errorf("hidden scrollbar: pixel %v, want the page's %v", got, page)
	}
}

// A layer taller than the largest texture is tiled: each part of it shows
// when scrolled to, and only the tiles near the view are kept.
func TestTiles(t *testing.T) {
	c := newHeadless(t, 200, 300)
	const height = 40000 // over any GPU's maximum texture size
	dl := &paint.DisplayList{Background: white, Width: 200, Height: height}
	for y := float32(0); y < height; y += 1000 {
		c := red
		if int(y/1000)%2 == 1 {
			c = green
		}
		dl.Add(&paint.FillRect{Rect: paint.Rect{X: 0, Y: y, W: 200, H: 50}, Color: c})
		dl.Add(&paint.FillRect{Rect: paint.Rect{X: 0, Y: y + 500, W: 100, H: 10}, Color: blue})
	}
	c.Commit(NewFrame(dl, image.Pt(200, 300)))
	for _, y := range []float32{0, 1000, 20000, 38000, 39700} {
		c.ScrollTo(f32.Pt(0, y))
		img := shot(t, c)
		want := red
		if int(y/1000)%2 == 1 {
			want = green
		}
		if y == 39700 { // the end: 39000-39050 is 300 px above
			check(t, img, probe{10, 0, white}, probe{150, 299, white})
			continue
		}
		check(t, img, probe{10, 10, want}, probe{150, 49, want}, probe{150, 50, white})
		// A band across the tile boundary at 512: no seam.
		if y == 0 {
			check(t, img, probe{50, 100, white})
		}
		st, _ := c.Stats()
		if st.Tiles > 4 {
			t.Errorf("at %v: %d tiles held, want the tiles in view and the margin only", y, st.Tiles)
		}
	}
	// A band straddling two tiles (500-510 crosses no boundary; shift the
	// view so that 1500 lands on one) draws whole.
	c.ScrollTo(f32.Pt(0, 1500-256))
	check(t, shot(t, c), probe{50, 256, blue}, probe{50, 265, blue}, probe{50, 266, white}, probe{150, 260, white})
}

// Tiles meet without seams: the same content rastered across a tile
// boundary and inside one tile comes out the same, at fractional scales
// too.
func TestTileSeams(t *testing.T) {
	// pattern draws text, an antialiased band and a bar at y in a
	// 100 CSS px tall strip.
	pattern := func(dl *paint.DisplayList, y float32) {
		run, err := gputest.TextRun("Tiles meet without seams", 10, y+60, 30, gputest.RGB(0, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		dl.Add(&paint.FillRect{Rect: paint.Rect{X: 0, Y: y + 10.5, W: 600, H: 23.25}, Color: blue})
		dl.Add(&paint.FillRect{Rect: paint.Rect{X: 380, Y: y, W: 40, H: 100}, Color: red})
		dl.Add(run)
	}
	const y0 = 50
	for _, tt := range []struct {
		scale float32
		y1    float32 // the copy across the boundary at 512 device px
	}{{1, 470}, {1.25, 370}, {2, 210}} {
		dl := &paint.DisplayList{Background: white, Width: 600, Height: 2000}
		pattern(dl, y0)
		pattern(dl, tt.y1)
		c := newHeadless(t, 700, 800)
		f := NewFrame(dl, image.Pt(700, 800))
		f.DeviceScale = tt.scale
		c.Commit(f)
		img := shot(t, c)
		a, b := int(y0*tt.scale), int(tt.y1*tt.scale)
		if b >= TileSize || b+int(100*tt.scale) <= TileSize {
			t.Fatalf("scale %v: the copy at %d does not cross the tile boundary", tt.scale, b)
		}
		diff := 0
		for y := 0; y < int(100*tt.scale); y++ {
			for x := 0; x < 700; x++ {
				// Antialiased edges may differ by one level with the
				// position (float rounding of coverage), as they would
				// in one texture; a seam would differ by far more.
				if p, q := img.RGBAAt(x, a+y), img.RGBAAt(x, b+y); !gputest.Near(p, q, 1) {
					if diff < 4 {
						t.Logf("scale %v: (%d,%d) %v, in one tile (%d,%d) %v", tt.scale, x, b+y, q, x, a+y, p)
					}
					diff++
				}
			}
		}
		if diff != 0 {
			gputest.SavePNG("/tmp/glassbox-tiles.png", img)
			t.Errorf("scale %v: %d pixels differ between the copy in one tile and the copy across two (/tmp/glassbox-tiles.png)", tt.scale, diff)
		}
		// Across the vertical boundary at x=512 (inside the bar at 1.25):
		// the bar's pixels either side are whole.
		if tt.scale == 1.25 {
			check(t, img, probe{511, b + 20, red}, probe{512, b + 20, red}, probe{511, b + 80, red}, probe{512, b + 80, red})
		}
	}
}

// The compositor accounts for every texture it makes, and Close deletes
// them all.
func TestNoTextureLeaks(t *testing.T) {
	before := gpu.LiveObjects()
	c, err := NewHeadless(300, 200)
	if err != nil {
		t.Fatal(err)
	}
	held := func(what string) {
		t.Helper()
		st, err := c.Stats()
		if err != nil {
			t.Fatal(err)
		}
		live := gpu.LiveObjects()
		if got := live.Textures - before.Textures; got != st.Textures || live.Framebuffers-before.Framebuffers != st.Textures {
			t.Errorf("%s: %d textures and %d framebuffers live, but the compositor holds %d",
				what, got, live.Framebuffers-before.Framebuffers, st.Textures)
		}
	}
	tall := &paint.DisplayList{Background: white, Width: 300, Height: 20000}
	c.SetScrollbar(10, false)
	for i := range 5 {
		over := &paint.DisplayList{Width: 50, Height: 50, Items: []paint.Item{
			&paint.FillRect{Rect: paint.Rect{W: 50, H: 50}, Color: red}}}
		c.Commit(&Frame{Layers: []Layer{
			{DisplayList: tall, Opacity: 1},
			{ID: 1 + i%2, DisplayList: over, Offset: f32.Pt(10, float32(100*i)), Opacity: 0.5},
		}, DeviceScale: 1 + float32(i)/4})
		for _, y := range []float32{0, 5000, 19000, 300} {
			c.ScrollTo(f32.Pt(0, y))
			shot(t, c)
		}
		c.Resize(300+50*i, 200+30*i)
		shot(t, c)
		held(fmt.Sprintf("round %d", i))
	}
	st, _ := c.Stats()
	if st.Tiles > 12 {
		t.Errorf("%d tiles held for a 500x320 view", st.Tiles)
	}
	c.Close()
	if after := gpu.LiveObjects(); after != before {
		t.Errorf("after Close: %+v live, want %+v as before", after, before)
	}
}

package compositor

import (
	"image"
	"testing"

	"glassbox/engine/paint"
	"glassbox/gpu/gputest"
)

// textPage is a 1280 px wide document of n lines of 16 px text with a
// coloured rule every ten lines: a stand-in for a long article.
func textPage(b *testing.B, n int) *paint.DisplayList {
	dl := &paint.DisplayList{Background: white, Width: 1280, Height: float32(n*20 + 40)}
	for i := range n {
		y := float32(20 + i*20)
		if i%10 == 0 {
			dl.Add(&paint.FillRect{Rect: paint.Rect{X: 10, Y: y - 16, W: 1260, H: 2}, Color: blue})
		}
		run, err := gputest.TextRun("The quick brown fox jumps over the lazy dog, again and again, line after line.", 20, y, 16, gputest.RGB(0, 0, 0))
		if err != nil {
			b.Fatal(err)
		}
		dl.Add(run)
	}
	return dl
}

// BenchmarkRaster measures raster of a changed display list plus a draw,
// at 1280×800 (the readback of each screenshot is included).
func BenchmarkRaster(b *testing.B) {
	c, err := NewHeadless(1280, 800)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	dl := textPage(b, 200)
	for b.Loop() {
		copy := *dl // a new display list: raster again
		c.Commit(NewFrame(&copy, image.Pt(1280, 800)))
		if _, err := c.Screenshot(); err != nil {
			b.Fatal(err)
		}
	}
	reportStats(b, c)
}

// BenchmarkScroll measures a compositor-only frame: scroll and draw, no
// raster (readback included).
func BenchmarkScroll(b *testing.B) {
	c, err := NewHeadless(1280, 800)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	c.Commit(NewFrame(textPage(b, 200), image.Pt(1280, 800)))
	dy := float32(40)
	for b.Loop() {
		c.ScrollBy(0, dy)
		if _, err := c.Screenshot(); err != nil {
			b.Fatal(err)
		}
		if off, _ := c.ScrollOffset(); off.Y <= 0 || off.Y >= 3200 {
			dy = -dy
		}
	}
	reportStats(b, c)
}

func reportStats(b *testing.B, c *Compositor) {
	s, err := c.Stats()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(s.Raster.Microseconds())/1000, "raster-cpu-ms")
	b.ReportMetric(float64(s.GPURaster.Microseconds())/1000, "raster-gpu-ms")
	b.ReportMetric(float64(s.Draw.Microseconds())/1000, "draw-cpu-ms")
	b.ReportMetric(float64(s.GPUDraw.Microseconds())/1000, "draw-gpu-ms")
}

package compositor

import (
	"image"
	"image/color"
	"math"

	"gioui.org/f32"

	"glassbox/gpu"
)

// The root scroller's scrollbar. It is drawn by the compositor, over the
// page's right edge, because the compositor owns the scroll offset: the
// thumb moves in the same frame as the page, even while the page's main
// thread is busy. It is an overlay scrollbar (as on GTK, macOS and
// Android): it takes no room from the layout, so a page lays out the same
// in a window as headless.

// Scrollbar colours: a faint track and a translucent thumb, darker while
// it is dragged.
var (
	scrollTrack       = color.NRGBA{A: 12}
	scrollThumb       = color.NRGBA{A: 90}
	scrollThumbActive = color.NRGBA{A: 150}
)

type scrollbar struct {
	width  int  // device px; 0 for no scrollbar
	active bool // being dragged
	solid  *gpu.Texture
}

// ScrollbarInfo is where the scrollbar is, in device px of the target,
// and the scroll range it shows, in CSS px.
type ScrollbarInfo struct {
	Track, Thumb image.Rectangle // empty when the page does not scroll
	Scroll, Max  f32.Point
}

// SetScrollbar shows a vertical scrollbar width device px wide at the
// content area's right edge while the root layer can scroll; width 0
// hides it. active draws the thumb as being dragged.
func (c *Compositor) SetScrollbar(width int, active bool) {
	c.post(func(im *impl) {
		if im.scrollbar.width != width || im.scrollbar.active != active {
			im.scrollbar.width, im.scrollbar.active = width, active
			im.dirty = true
		}
	})
}

// Scrollbar returns the scrollbar's place and the scroll range, for
// hit testing and dragging it.
func (c *Compositor) Scrollbar() (ScrollbarInfo, error) {
	var info ScrollbarInfo
	err := c.run(func(im *impl) {
		info.Track, info.Thumb = im.scrollbarRects()
		info.Scroll = im.scroll
		info.Max.X, info.Max.Y = im.maxScroll()
	})
	return info, err
}

// ScrollTo scrolls the root layer to p, in CSS px, clamped to the
// content, without asking the page (as ScrollBy).
func (c *Compositor) ScrollTo(p f32.Point) {
	c.post(func(im *impl) { im.scrollTo(p) })
}

// scrollbarRects returns the track and the thumb, or empty rectangles when
// there is no scrollbar.
func (im *impl) scrollbarRects() (track, thumb image.Rectangle) {
	w := im.scrollbar.width
	_, maxY := im.maxScroll()
	content := im.contentRect()
	if w <= 0 || maxY <= 0 || content.Dx() < 2*w {
		return image.Rectangle{}, image.Rectangle{}
	}
	track = image.Rect(content.Max.X-w, content.Min.Y, content.Max.X, content.Max.Y)
	doc := float64(im.frame.root().Height * im.frame.scale())
	n := float64(track.Dy())
	length := min(max(n*float64(content.Dy())/doc, float64(2*w)), n)
	top := (n - length) * float64(im.scroll.Y/maxY)
	thumb = image.Rect(track.Min.X, track.Min.Y+int(math.Round(top)), track.Max.X, track.Min.Y+int(math.Round(top+length)))
	return track, thumb
}

// scrollbarQuads appends the scrollbar's quads to quads.
func (im *impl) scrollbarQuads(quads []gpu.Quad) ([]gpu.Quad, error) {
	track, thumb := im.scrollbarRects()
	if track.Empty() {
		return quads, nil
	}
	sb := &im.scrollbar
	if sb.solid == nil {
		t, err := im.dev.NewTexture(1, 1, false)
		if err != nil {
			return quads, err
		}
		if err := im.dev.Fill(t, color.NRGBA{A: 255}); err != nil {
			t.Release()
			return quads, err
		}
		sb.solid = t
	}
	rect := func(r image.Rectangle, c color.NRGBA) gpu.Quad {
		return gpu.Quad{
			Texture: sb.solid,
			Transform: f32.AffineId().Scale(f32.Point{}, f32.Pt(float32(r.Dx()), float32(r.Dy()))).
				Offset(f32.Pt(float32(r.Min.X), float32(r.Min.Y))),
			Opacity: float32(c.A) / 255,
		}
	}
	// The thumb is inset from the track's sides and ends, and rounded off
	// by nothing: one quad each.
	in := max(sb.width/5, 1)
	thumb = image.Rect(thumb.Min.X+in, thumb.Min.Y+in, thumb.Max.X-in, thumb.Max.Y-in)
	c := scrollThumb
	if sb.active {
		c = scrollThumbActive
	}
	return append(quads, rect(track, scrollTrack), rect(thumb, c)), nil
}

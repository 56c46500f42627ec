package compositor

import (
	"image"

	"gioui.org/f32"

	"glassbox/engine/paint"
)

// Frame is one commit from the page: an immutable snapshot of what to
// show. The page builds a new Frame for every change and never touches
// one after Commit; the compositor never changes it either. In Chromium's
// terms it is the pending layer tree that commit turns into the active one.
type Frame struct {
	// Layers are drawn back to front. Layers[0] is the root layer: the
	// document, which scrolls by Scroll and whose display list gives the
	// content size and the canvas background.
	Layers []Layer
	// Viewport is the size of the page's viewport in CSS px, as the page
	// laid it out.
	Viewport f32.Point
	// Scroll is the root scroll offset the page asks for, in CSS px. The
	// compositor scrolls on its own (mouse wheel) and keeps its offset
	// until a commit brings a different Scroll than the commit before.
	Scroll f32.Point
	// DeviceScale is device pixels per CSS px. Zero means 1.
	DeviceScale float32
}

// Layer is one composited layer: content with a texture of its own, so it
// can move or fade without raster. Transforms and clips will join opacity
// here (or in property trees, as in cc) when the page needs them.
type Layer struct {
	// ID names the layer across commits, so its texture survives a commit
	// that does not change its display list.
	ID int
	// DisplayList is the layer's content in the layer's own CSS px.
	DisplayList *paint.DisplayList
	// Offset places the layer's origin in the document, in CSS px.
	Offset f32.Point
	// Opacity fades the layer: 1 is opaque and 0 invisible, as in CSS.
	Opacity float32
}

// NewFrame returns a frame of one opaque root layer showing dl in a
// viewport of the given CSS size, at device scale 1.
func NewFrame(dl *paint.DisplayList, viewport image.Point) *Frame {
	return &Frame{
		Layers:      []Layer{{DisplayList: dl, Opacity: 1}},
		Viewport:    f32.Pt(float32(viewport.X), float32(viewport.Y)),
		DeviceScale: 1,
	}
}

func (f *Frame) scale() float32 {
	if f == nil || f.DeviceScale <= 0 {
		return 1
	}
	return f.DeviceScale
}

func (f *Frame) root() *paint.DisplayList {
	if f == nil || len(f.Layers) == 0 {
		return nil
	}
	return f.Layers[0].DisplayList
}

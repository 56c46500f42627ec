package compositor

import (
	"fmt"
	"image"
	"slices"
	"strings"
	"time"

	"gioui.org/f32"
	giogpu "gioui.org/gpu"
	"gioui.org/op"
	"github.com/go-gl/gl/v3.1/gles2"

	"glassbox/gpu"
	"glassbox/timeline"
)

// This file is the compositor's side of a browser window's shell: the
// toolbar and tabs that package app lays out with Gio and that are drawn
// over the page, and the content area the page is shown in.

// glFramebufferSRGB is GL_FRAMEBUFFER_SRGB_EXT (EXT_sRGB_write_control).
const glFramebufferSRGB = 0x8DB9

// overlay is the impl's shell state.
type overlay struct {
	// content is the part of the target that shows the page, in device
	// px; empty means the whole target.
	content image.Rectangle

	ops   *op.Ops           // the overlay to draw; nil for none
	areas []image.Rectangle // where it draws; nil for everywhere
	done  func(*op.Ops)     // gives ops back when replaced
	gio   giogpu.GPU        // Gio's renderer for the overlay, made on first use
	srgb  bool              // the context has EXT_sRGB_write_control
	err   error             // Gio could not start: the overlay is not drawn

	// The overlay is rendered into tex when its ops or the target's size
	// change, and tex is composited over the page at every frame: a
	// scroll costs one more quad, not a run of Gio.
	tex   *gpu.Texture
	drawn *op.Ops // the ops in tex
}

// SetContentArea places the page in r, a rectangle of the target in
// device pixels: the page's viewport is r's size, its origin r's top-left.
// The rest of the target is left to the overlay (a browser's toolbar).
// The empty rectangle, the default, gives the page the whole target.
func (c *Compositor) SetContentArea(r image.Rectangle) {
	c.post(func(im *impl) {
		im.overlay.content = r
		im.scrollTo(im.scroll)
		im.dirty = true
	})
}

// SetOverlay hands the compositor Gio operations to draw over the page at
// every frame, in device pixels of the target, until the next SetOverlay.
// Nil ops draw nothing. areas, when not nil, are the only parts of the
// target the ops draw in, such as a toolbar: only those are composited at
// each frame, which saves blending the whole target.
//
// The compositor reads ops on its own thread, so the caller must not touch
// them after the call: when a later SetOverlay (or Close) replaces them,
// the compositor calls done with them, on its thread, and from then on
// they are the caller's again, to reset and record into (done must not
// block; it may be nil). A caller recording a frame while the compositor
// draws the last one thus needs two op.Ops, taking turns.
//
// Gio blends in linear light into what it takes to be an sRGB target, and
// expects sRGB colours: the overlay is drawn that way, so its colours come
// out as given, while the page under it keeps the browser's blending in
// sRGB space (see package gpu).
func (c *Compositor) SetOverlay(ops *op.Ops, areas []image.Rectangle, done func(*op.Ops)) {
	areas = slices.Clone(areas)
	c.post(func(im *impl) {
		o := &im.overlay
		if o.ops != nil && o.done != nil && o.ops != ops {
			o.done(o.ops)
		}
		// New content, even in an op.Ops given back and recorded again.
		o.ops, o.areas, o.done, o.drawn = ops, areas, done, nil
		im.dirty = true
	})
}

// Show commits f and sets the root scroll offset to scroll, as when a
// browser switches tabs or goes to a new document: unlike Commit, the
// compositor's own scroll offset does not carry over. A nil f shows
// nothing but the default background until the next commit.
func (c *Compositor) Show(f *Frame, scroll f32.Point) {
	c.post(func(im *impl) {
		if f == nil {
			im.frame = nil
		} else {
			im.commit(f)
		}
		im.scroll = f32.Point{}
		im.scrollTo(scroll)
		// The offset is the compositor's now: later commits that do not
		// change Frame.Scroll keep it.
		im.scrollDirty = true
		im.dirty = true
	})
}

// contentRect returns the content area, clipped to the target.
func (im *impl) contentRect() image.Rectangle {
	all := image.Rectangle{Max: im.size}
	r := im.overlay.content.Intersect(all)
	if r.Empty() {
		return all
	}
	return r
}

// overlayQuads appends to quads those that draw the overlay over the page,
// rendering it first if it changed.
func (im *impl) overlayQuads(quads []gpu.Quad) ([]gpu.Quad, error) {
	o := &im.overlay
	if o.ops == nil || o.err != nil {
		return quads, nil
	}
	if o.tex != nil && o.tex.Size() != im.size {
		o.tex.Release()
		o.tex = nil
	}
	if o.tex == nil {
		t, err := im.dev.NewTexture(im.size.X, im.size.Y, false)
		if err != nil {
			return quads, err
		}
		o.tex, o.drawn = t, nil
	}
	if o.drawn != o.ops {
		start := time.Now()
		err := im.renderOverlay(o.tex.Framebuffer())
		im.tl.Span(timeline.Compositor, timeline.Overlay, uint64(im.stats.Frames+1), start)
		if err != nil {
			o.drawn = nil
			return quads, err
		}
		o.drawn = o.ops
	}
	q := gpu.Quad{Texture: o.tex, Transform: f32.AffineId(), Opacity: 1}
	if o.areas == nil {
		return append(quads, q), nil
	}
	all := image.Rectangle{Max: im.size}
	for _, r := range o.areas {
		if r = r.Intersect(all); r.Empty() {
			continue
		}
		q.Src = gpu.Rect{X: float32(r.Min.X), Y: float32(r.Min.Y), W: float32(r.Dx()), H: float32(r.Dy())}
		quads = append(quads, q)
	}
	return quads, nil
}

// renderOverlay renders the overlay's Gio ops into fb, an RGBA8 texture,
// as premultiplied sRGB bytes like the layers' textures.
func (im *impl) renderOverlay(fb gpu.Framebuffer) (err error) {
	o := &im.overlay
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, fb.FBO)
	gles2.Viewport(0, 0, int32(fb.Width), int32(fb.Height))
	gles2.ClearColor(0, 0, 0, 0)
	gles2.Clear(gles2.COLOR_BUFFER_BIT)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("compositor: overlay: %v", r)
		}
	}()
	if o.gio == nil {
		exts := gles2.GoStr(gles2.GetString(gles2.EXTENSIONS))
		o.srgb = strings.Contains(" "+exts+" ", " GL_EXT_sRGB_write_control ")
		g, err := giogpu.New(giogpu.OpenGL{ES: true, Shared: true})
		if err != nil {
			o.err = fmt.Errorf("compositor: overlay renderer: %w", err)
			return o.err
		}
		o.gio = g
	}
	// Gio wants writes to sRGB targets encoded; package gpu keeps that
	// off for its own drawing. The target is not sRGB, so Gio draws into
	// an sRGB texture of its own and encodes while copying it over: the
	// opaque parts of the overlay come out as the sRGB colours given.
	if o.srgb {
		gles2.Enable(glFramebufferSRGB)
		defer gles2.Disable(glFramebufferSRGB)
	}
	if err := o.gio.Frame(o.ops, giogpu.OpenGLRenderTarget{V: uint(fb.FBO)}, image.Pt(fb.Width, fb.Height)); err != nil {
		return fmt.Errorf("compositor: overlay: %w", err)
	}
	return nil
}

func (im *impl) releaseOverlay() {
	o := &im.overlay
	if o.gio != nil {
		o.gio.Release()
		o.gio = nil
	}
	o.tex.Release()
	o.tex, o.drawn = nil, nil
	if o.ops != nil && o.done != nil {
		o.done(o.ops)
	}
	o.ops, o.done = nil, nil
}

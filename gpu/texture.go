package gpu

import (
	"fmt"
	"image"
	"image/color"
	"unsafe"

	"github.com/go-gl/gl/v3.1/gles2"
)

// Framebuffer names a place to draw into: an FBO, or the window's default
// framebuffer (FBO 0). It does not own anything.
type Framebuffer struct {
	FBO           uint32
	Width, Height int
	// SRGB reports whether the colour attachment is sRGB-encoded. The
	// device turns the encoding on write off where GL lets it
	// (EXT_sRGB_write_control), so such a framebuffer still receives
	// sRGB bytes as they are; see the package documentation.
	SRGB bool
}

// Texture is a 2D texture with a framebuffer object bound to it, so it can
// be both drawn into (raster) and sampled (composite).
type Texture struct {
	tex, fbo      uint32
	width, height int
	srgb          bool
	raw           bool // sampling returns the stored bytes, not decoded
}

// NewTexture allocates a texture of w×h device pixels. Both kinds hold
// premultiplied sRGB bytes. srgb asks for an SRGB8_ALPHA8 texture, which
// is what Raster needs: Gio renders only into framebuffers that it sees as
// sRGB. Raster keeps the hardware from encoding into it, and the device
// samples it without decoding where GL lets it (EXT_texture_sRGB_decode).
// A plain RGBA8 texture (srgb false) suits a composite or screenshot
// target.
func (d *Device) NewTexture(w, h int, srgb bool) (*Texture, error) {
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("gpu: texture size %dx%d is empty", w, h)
	}
	if w > d.maxTexture || h > d.maxTexture {
		return nil, fmt.Errorf("gpu: texture size %dx%d is over the maximum %d", w, h, d.maxTexture)
	}
	t := &Texture{width: w, height: h, srgb: srgb, raw: !srgb || d.skipDecode}
	internal := uint32(gles2.RGBA8)
	if srgb {
		internal = gles2.SRGB8_ALPHA8
	}
	gles2.GenTextures(1, &t.tex)
	live.textures.Add(1)
	gles2.BindTexture(gles2.TEXTURE_2D, t.tex)
	gles2.TexStorage2D(gles2.TEXTURE_2D, 1, internal, int32(w), int32(h))
	gles2.TexParameteri(gles2.TEXTURE_2D, gles2.TEXTURE_MIN_FILTER, gles2.LINEAR)
	gles2.TexParameteri(gles2.TEXTURE_2D, gles2.TEXTURE_MAG_FILTER, gles2.LINEAR)
	gles2.TexParameteri(gles2.TEXTURE_2D, gles2.TEXTURE_WRAP_S, gles2.CLAMP_TO_EDGE)
	gles2.TexParameteri(gles2.TEXTURE_2D, gles2.TEXTURE_WRAP_T, gles2.CLAMP_TO_EDGE)
	if srgb && d.skipDecode {
		gles2.TexParameteri(gles2.TEXTURE_2D, glTextureSRGBDecode, glSkipDecode)
	}
	gles2.BindTexture(gles2.TEXTURE_2D, 0)

	gles2.GenFramebuffers(1, &t.fbo)
	live.framebuffers.Add(1)
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, t.fbo)
	gles2.FramebufferTexture2D(gles2.FRAMEBUFFER, gles2.COLOR_ATTACHMENT0, gles2.TEXTURE_2D, t.tex, 0)
	err := framebufferStatus("new texture")
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, 0)
	if err == nil {
		err = glError("new texture")
	}
	if err != nil {
		t.Release()
		return nil, err
	}
	return t, nil
}

// Size returns the texture's size in device pixels.
func (t *Texture) Size() image.Point { return image.Pt(t.width, t.height) }

// Framebuffer returns the texture as a place to draw into.
func (t *Texture) Framebuffer() Framebuffer {
	return Framebuffer{FBO: t.fbo, Width: t.width, Height: t.height, SRGB: t.srgb}
}

// Release deletes the texture and its framebuffer. The context that made it
// must be current. Release is idempotent.
func (t *Texture) Release() {
	if t == nil {
		return
	}
	if t.fbo != 0 {
		gles2.DeleteFramebuffers(1, &t.fbo)
		t.fbo = 0
		live.framebuffers.Add(-1)
	}
	if t.tex != 0 {
		gles2.DeleteTextures(1, &t.tex)
		t.tex = 0
		live.textures.Add(-1)
	}
}

// WindowFramebuffer describes the default framebuffer of the current
// context (a window's back buffer) at the given size, asking GL whether it
// encodes sRGB.
func WindowFramebuffer(w, h int) Framebuffer {
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, 0)
	var enc int32
	gles2.GetFramebufferAttachmentParameteriv(gles2.FRAMEBUFFER, gles2.BACK,
		gles2.FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING, &enc)
	gles2.GetError() // some drivers refuse the query on FBO 0: assume linear
	return Framebuffer{Width: w, Height: h, SRGB: enc == gles2.SRGB}
}

// ReadPixels reads back r (in the framebuffer's top-down pixel coordinates)
// as sRGB bytes. GL returns rows bottom-up; ReadPixels flips them.
func (d *Device) ReadPixels(fb Framebuffer, r image.Rectangle) (*image.RGBA, error) {
	r = r.Intersect(image.Rect(0, 0, fb.Width, fb.Height))
	img := image.NewRGBA(image.Rectangle{Max: r.Size()})
	if r.Empty() {
		return img, nil
	}
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, fb.FBO)
	if err := framebufferStatus("read pixels"); err != nil {
		return nil, err
	}
	gles2.PixelStorei(gles2.PACK_ALIGNMENT, 1)
	w, h := r.Dx(), r.Dy()
	buf := make([]byte, w*h*4)
	gles2.ReadPixels(int32(r.Min.X), int32(fb.Height-r.Max.Y), int32(w), int32(h),
		gles2.RGBA, gles2.UNSIGNED_BYTE, unsafe.Pointer(&buf[0]))
	if err := glError("read pixels"); err != nil {
		return nil, err
	}
	for y := range h {
		copy(img.Pix[y*img.Stride:y*img.Stride+w*4], buf[(h-1-y)*w*4:(h-y)*w*4])
	}
	return img, nil
}

// Fill sets every pixel of dst to c (premultiplied, as sRGB bytes). A 1×1
// texture filled with a colour, drawn stretched, is a solid rectangle.
func (d *Device) Fill(dst *Texture, c color.NRGBA) error {
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, dst.fbo)
	d.clear(dst.Framebuffer(), c)
	return glError("fill")
}

package gpu

import (
	"errors"
	"fmt"
	"image"
	"strings"
	"sync"
	"unsafe"

	"gioui.org/f32"
	giogpu "gioui.org/gpu"
	"github.com/go-gl/gl/v3.1/gles2"

	"glassbox/engine/paint"
)

// Device is the GPU as this package uses it: Gio's renderer for raster, the
// composite program, and caches of glyph outlines and images. It belongs to
// the thread where its GL context is current and is not safe for use by
// other goroutines.
type Device struct {
	gio        giogpu.GPU
	comp       *compositeProgram
	raster     rasterizer
	maxTexture int
	timers     bool
	renderer   string
	// writeControl: GL_FRAMEBUFFER_SRGB_EXT can turn off the encoding of
	// writes to sRGB framebuffers (EXT_sRGB_write_control). skipDecode:
	// sRGB textures can be sampled without decoding (EXT_texture_sRGB_decode).
	writeControl, skipDecode bool
}

var (
	glInit    sync.Once
	glInitErr error
)

// NewDevice prepares the GL context current on the calling thread.
// procAddress looks up GL entry points for that context (for example
// HeadlessContext.ProcAddress or glfw.GetProcAddress).
//
// go-gl keeps GL entry points in process-wide variables, so they are
// loaded once, by the first device: loading them again while another
// compositor thread draws would race with its calls. Mesa's GL dispatch
// (libglvnd) hands out entry points that dispatch to whichever context is
// current on the calling thread, whether it came from GLX or EGL, so one
// set serves every context.
func NewDevice(procAddress func(name string) unsafe.Pointer) (*Device, error) {
	glInit.Do(func() { glInitErr = gles2.InitWithProcAddrFunc(procAddress) })
	if glInitErr != nil {
		return nil, fmt.Errorf("gpu: loading GL functions: %w", glInitErr)
	}
	d := &Device{
		renderer: gles2.GoStr(gles2.GetString(gles2.RENDERER)),
	}
	var maxTex int32
	gles2.GetIntegerv(gles2.MAX_TEXTURE_SIZE, &maxTex)
	d.maxTexture = int(maxTex)
	exts := gles2.GoStr(gles2.GetString(gles2.EXTENSIONS))
	has := func(ext string) bool { return strings.Contains(" "+exts+" ", " "+ext+" ") }
	d.timers = has("GL_EXT_disjoint_timer_query")
	d.writeControl = has("GL_EXT_sRGB_write_control")
	d.skipDecode = has("GL_EXT_texture_sRGB_decode")
	if err := glError("device info"); err != nil {
		return nil, err
	}
	comp, err := newCompositeProgram()
	if err != nil {
		return nil, err
	}
	d.comp = comp
	// Shared: Gio saves and restores the GL state around each frame, so it
	// and this package's own GL calls do not trip over each other.
	g, err := newGio()
	if err != nil {
		comp.release()
		return nil, err
	}
	d.gio = g
	d.raster.init()
	d.raster.gamma = d.writeControl
	return d, nil
}

// newGio creates Gio's renderer, turning its panics (it panics on some
// driver failures) into errors.
func newGio() (g giogpu.GPU, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gpu: Gio renderer: %v", r)
		}
	}()
	g, err = giogpu.New(giogpu.OpenGL{ES: true, Shared: true})
	if err != nil {
		return nil, fmt.Errorf("gpu: Gio renderer: %w", err)
	}
	return g, nil
}

// Release frees the device's GL objects. The context must be current.
func (d *Device) Release() {
	if d.gio != nil {
		d.gio.Release()
		d.gio = nil
	}
	if d.comp != nil {
		d.comp.release()
		d.comp = nil
	}
	d.raster.reset()
}

// MaxTextureSize is the largest texture side the device supports.
func (d *Device) MaxTextureSize() int { return d.maxTexture }

// Renderer is GL's name for the device, such as "llvmpipe (LLVM 15.0.6,
// 256 bits)".
func (d *Device) Renderer() string { return d.renderer }

// Raster paints dl into dst, which must be an sRGB texture. origin is the
// document point (CSS px) at dst's top-left and scale is device pixels per
// CSS px. The texture is cleared to dl.Background first. dst ends up
// holding premultiplied sRGB bytes, blended in sRGB space as browsers do
// (where the driver has EXT_sRGB_write_control; in linear light without).
func (d *Device) Raster(dst *Texture, dl *paint.DisplayList, origin f32.Point, scale float32) (err error) {
	if d.gio == nil {
		return errors.New("gpu: device released")
	}
	if !dst.srgb {
		return errors.New("gpu: raster target must be an sRGB texture")
	}
	if scale <= 0 {
		scale = 1
	}
	ops := d.raster.build(dl, origin.X, origin.Y, scale, dst.Size())
	// Gio reports most failures as panics from deep inside; a frame that
	// fails must come back as an error, not take the compositor down.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gpu: raster: %v", r)
		}
	}()
	// Clear here rather than with Gio's Clear, which would quantise the
	// colour through its sRGB decoding.
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, dst.fbo)
	if err := framebufferStatus("raster"); err != nil {
		return err
	}
	d.clear(dst.Framebuffer(), dl.Background)
	if err := d.gio.Frame(ops, giogpu.OpenGLRenderTarget{V: uint(dst.fbo)}, image.Pt(dst.width, dst.height)); err != nil {
		return fmt.Errorf("gpu: raster: %w", err)
	}
	return glError("raster")
}

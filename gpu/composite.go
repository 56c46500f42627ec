package gpu

import (
	"errors"
	"image/color"
	"math"
	"unsafe"

	"gioui.org/f32"
	"github.com/go-gl/gl/v3.1/gles2"
)

// Quad is one textured quad of a composite: a layer's texture, placed in
// the target by Transform and faded by Opacity.
type Quad struct {
	Texture *Texture
	// Src is the part of the texture to draw, in texture pixels, top-down.
	// The zero Rect means the whole texture.
	Src Rect
	// Transform maps texture pixels (of Src's coordinate space) to target
	// pixels, both top-down. The zero value is the identity.
	Transform f32.Affine2D
	// Opacity multiplies the texture's colour and alpha, in [0, 1].
	Opacity float32
}

// Rect is a rectangle in pixels with float coordinates.
type Rect struct{ X, Y, W, H float32 }

// The composite shaders. Layer textures hold premultiplied sRGB bytes, and
// targets receive them as they are, so blending (a layer's opacity, its
// antialiased edges) happens on sRGB values, as browsers composite. Two
// fallbacks undo what GL does where it cannot be told not to: u_encode
// when the sampler decoded an sRGB texture, u_decode when the target
// encodes what it is given.
const compositeVS = `#version 300 es
uniform vec2 u_target;    // target size in pixels
uniform mat3 u_transform; // texture pixels -> target pixels
uniform vec4 u_src;       // source rect in texture pixels: x, y, w, h
uniform vec2 u_texsize;   // texture size in pixels
in vec2 a_corner;         // (0,0) (1,0) (0,1) (1,1)
out vec2 v_uv;
void main() {
	vec2 p = u_src.xy + a_corner * u_src.zw;
	vec2 t = (u_transform * vec3(p, 1.0)).xy;
	gl_Position = vec4(t.x / u_target.x * 2.0 - 1.0, 1.0 - t.y / u_target.y * 2.0, 0.0, 1.0);
	// Texture rows are stored bottom-up: row 0 is the bottom of the image.
	v_uv = vec2(p.x / u_texsize.x, 1.0 - p.y / u_texsize.y);
}
`

const compositeFS = `#version 300 es
precision highp float;
uniform sampler2D u_tex;
uniform float u_opacity;
uniform bool u_encode;
uniform bool u_decode;
in vec2 v_uv;
out vec4 fragColor;

vec3 toSRGB(vec3 c) {
	vec3 lo = c * 12.92;
	vec3 hi = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
	return mix(lo, hi, step(vec3(0.0031308), c));
}

vec3 toLinear(vec3 c) {
	vec3 lo = c / 12.92;
	vec3 hi = pow((c + 0.055) / 1.055, vec3(2.4));
	return mix(lo, hi, step(vec3(0.04045), c));
}

void main() {
	vec4 c = texture(u_tex, v_uv); // premultiplied sRGB
	if (u_encode) {
		c.rgb = toSRGB(clamp(c.rgb, 0.0, 1.0));
	}
	c *= u_opacity;
	if (u_decode) {
		c.rgb = toLinear(c.rgb);
	}
	fragColor = c;
}
`

type compositeProgram struct {
	prog uint32
	vao  uint32
	vbo  uint32

	target, transform, src, texsize, tex, opacity, encode, decode int32
}

func newCompositeProgram() (*compositeProgram, error) {
	prog, err := linkProgram(compositeVS, compositeFS, "a_corner")
	if err != nil {
		return nil, err
	}
	p := &compositeProgram{prog: prog}
	for _, u := range []struct {
		loc  *int32
		name string
	}{
		{&p.target, "u_target"},
		{&p.transform, "u_transform"},
		{&p.src, "u_src"},
		{&p.texsize, "u_texsize"},
		{&p.tex, "u_tex"},
		{&p.opacity, "u_opacity"},
		{&p.encode, "u_encode"},
		{&p.decode, "u_decode"},
	} {
		if *u.loc, err = uniform(prog, u.name); err != nil {
			p.release()
			return nil, err
		}
	}
	corners := [...]float32{0, 0, 1, 0, 0, 1, 1, 1}
	gles2.GenVertexArrays(1, &p.vao)
	gles2.BindVertexArray(p.vao)
	gles2.GenBuffers(1, &p.vbo)
	gles2.BindBuffer(gles2.ARRAY_BUFFER, p.vbo)
	gles2.BufferData(gles2.ARRAY_BUFFER, len(corners)*4, unsafe.Pointer(&corners[0]), gles2.STATIC_DRAW)
	gles2.EnableVertexAttribArray(0)
	gles2.VertexAttribPointerWithOffset(0, 2, gles2.FLOAT, false, 0, 0)
	gles2.BindVertexArray(0)
	gles2.BindBuffer(gles2.ARRAY_BUFFER, 0)
	if err := glError("composite program"); err != nil {
		p.release()
		return nil, err
	}
	return p, nil
}

func (p *compositeProgram) release() {
	if p.vbo != 0 {
		gles2.DeleteBuffers(1, &p.vbo)
	}
	if p.vao != 0 {
		gles2.DeleteVertexArrays(1, &p.vao)
	}
	if p.prog != 0 {
		gles2.DeleteProgram(p.prog)
	}
	*p = compositeProgram{}
}

// Composite clears dst to clear (an sRGB colour) and draws quads over it,
// first to last (back to front), blending with premultiplied alpha.
func (d *Device) Composite(dst Framebuffer, clear color.NRGBA, quads []Quad) error {
	if d.comp == nil {
		return errors.New("gpu: device released")
	}
	gles2.BindFramebuffer(gles2.FRAMEBUFFER, dst.FBO)
	if err := framebufferStatus("composite"); err != nil {
		return err
	}
	d.clear(dst, clear)

	p := d.comp
	gles2.UseProgram(p.prog)
	gles2.BindVertexArray(p.vao)
	gles2.ActiveTexture(gles2.TEXTURE0)
	gles2.Uniform1i(p.tex, 0)
	gles2.Uniform2f(p.target, float32(dst.Width), float32(dst.Height))
	gles2.Uniform1i(p.decode, boolInt(d.encodesWrites(dst)))
	gles2.Enable(gles2.BLEND)
	gles2.BlendFunc(gles2.ONE, gles2.ONE_MINUS_SRC_ALPHA)
	for _, q := range quads {
		t := q.Texture
		if t == nil || t.tex == 0 || q.Opacity <= 0 {
			continue
		}
		src := q.Src
		if src == (Rect{}) {
			src = Rect{W: float32(t.width), H: float32(t.height)}
		}
		sx, hx, ox, hy, sy, oy := q.Transform.Elems()
		// Column-major 3×3, as GLSL wants it.
		m := [9]float32{sx, hy, 0, hx, sy, 0, ox, oy, 1}
		gles2.UniformMatrix3fv(p.transform, 1, false, &m[0])
		gles2.Uniform4f(p.src, src.X, src.Y, src.W, src.H)
		gles2.Uniform2f(p.texsize, float32(t.width), float32(t.height))
		gles2.Uniform1f(p.opacity, min(q.Opacity, 1))
		gles2.Uniform1i(p.encode, boolInt(!t.raw))
		gles2.BindTexture(gles2.TEXTURE_2D, t.tex)
		gles2.DrawArrays(gles2.TRIANGLE_STRIP, 0, 4)
	}
	gles2.Disable(gles2.BLEND)
	gles2.BindTexture(gles2.TEXTURE_2D, 0)
	gles2.BindVertexArray(0)
	gles2.UseProgram(0)
	return glError("composite")
}

// encodesWrites reports whether GL will sRGB-encode what is drawn into
// fb: only where it is sRGB and the encoding cannot be turned off.
func (d *Device) encodesWrites(fb Framebuffer) bool { return fb.SRGB && !d.writeControl }

// clear prepares the bound framebuffer fb for drawing (viewport, no
// scissor, depth or stencil tests, sRGB encoding off where GL allows) and
// clears it to the sRGB colour c, stored as it is.
func (d *Device) clear(fb Framebuffer, c color.NRGBA) {
	if d.writeControl {
		gles2.Disable(glFramebufferSRGB)
	}
	gles2.Viewport(0, 0, int32(fb.Width), int32(fb.Height))
	gles2.Disable(gles2.SCISSOR_TEST)
	gles2.Disable(gles2.DEPTH_TEST)
	gles2.Disable(gles2.STENCIL_TEST)
	gles2.ColorMask(true, true, true, true)
	r, g, b, a := premul(c)
	if d.encodesWrites(fb) && a > 0 {
		// GL encodes the clear colour too: give it linear values.
		r, g, b = srgbToLinear(r/a)*a, srgbToLinear(g/a)*a, srgbToLinear(b/a)*a
	}
	gles2.ClearColor(r, g, b, a)
	gles2.Clear(gles2.COLOR_BUFFER_BIT)
}

func boolInt(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// premul returns c as premultiplied floats in [0, 1].
func premul(c color.NRGBA) (r, g, b, a float32) {
	a = float32(c.A) / 255
	if a == 0 {
		return 0, 0, 0, 0
	}
	return float32(c.R) / 255 * a, float32(c.G) / 255 * a, float32(c.B) / 255 * a, a
}

// srgbToLinear decodes one sRGB channel (IEC 61966-2-1).
func srgbToLinear(c float32) float32 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return float32(math.Pow((float64(c)+0.055)/1.055, 2.4))
}

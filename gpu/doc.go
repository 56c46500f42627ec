// Package gpu draws with OpenGL ES 3: it rasters display lists into
// textures and composites textures into a framebuffer. It is the GPU half
// of package compositor, which decides what to raster and when.
//
// # Contexts and threads
//
// GL calls go to the context current on the calling OS thread, so
// everything here runs on one goroutine locked with runtime.LockOSThread.
// A window brings its own context (package app makes one with GLFW);
// NewHeadlessContext makes one without any display, through EGL on Mesa's
// surfaceless platform, for screenshots, tests and CI. NewDevice then
// loads the GL functions for that context and prepares the rest.
//
// # Raster
//
// Device.Raster paints a paint.DisplayList into a Texture with Gio's GPU
// renderer (gioui.org/gpu): each item becomes Gio operations. Fill
// rectangles on whole pixels become clip.Rect, which Gio fills exactly;
// others become paths, antialiased. Border sides are rectangles with the
// corners split along their diagonals. A glyph run becomes one path of all
// its glyphs' outlines (from go-text, cached per font, glyph and size),
// which keeps Gio's work to a few draws per line. Images are uploaded once
// and scaled into their rectangle.
//
// Path coverage, glyph edges included, can differ by one level with where
// Gio's atlas places the path, which depends on the paths drawn before it:
// the same text can come out a level apart on a few edge pixels in two
// frames that draw the same items in different orders (see
// TestRasterOrderIndependent). Rectangles on whole pixels are not affected.
//
// # Colour
//
// Display list colours are sRGB, and browsers blend them as they are:
// alpha, antialiasing and layer opacity mix gamma-encoded values, so
// rgba(0,0,0,.5) over white is 127 or 128. Gio instead decodes its inputs
// to linear light and wants a framebuffer that encodes on write, which
// gives 188 there and makes text look thin and grey. So layer textures are
// SRGB8_ALPHA8, which keeps Gio rendering straight into them, but Raster
// turns the encoding on write off (GL_FRAMEBUFFER_SRGB_EXT, from
// EXT_sRGB_write_control) and gives Gio pre-encoded inputs whose decoding
// is the wanted sRGB value: Gio's shaders then output sRGB values, which
// are stored and blended as they are. Opaque colours come out exactly:
// the sRGB values that no byte decodes to become gradients between two
// nearby colours, stretched until flat (colour.go). Images are uploaded
// pre-encoded, within one level of their pixels. Raster clears to the
// background itself rather than through Gio, for the same exactness.
//
// The layer textures therefore hold premultiplied sRGB bytes. Composite
// samples them undecoded (EXT_texture_sRGB_decode), blends them on those
// values and writes them to its target as they are. Where a driver lacks
// those extensions the composite shader undoes the sampler's decoding, and
// Raster falls back to Gio's linear blending with exact opaque colours.
//
// # Composite
//
// Device.Composite draws Quads, back to front, with the package's own
// small shader program: each quad is a texture placed by a 2D affine
// transform and faded by an opacity, blended with premultiplied alpha.
//
// # Errors and timing
//
// GL errors, incomplete framebuffers and shader compile logs come back as
// Go errors, and panics inside Gio are turned into errors, so a failure is
// never a silent black frame. Timer measures GPU time with
// GL_EXT_disjoint_timer_query where the context has it.
//
// Package gputest has helpers shared by the tests of this package,
// compositor and app.
package gpu

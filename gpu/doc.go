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
// # Colour
//
// Display list colours are sRGB. Gio blends in linear light and wants a
// framebuffer that encodes to sRGB on write, so layer textures are
// SRGB8_ALPHA8: an opaque colour such as #336699 comes back exactly, and
// antialiasing and alpha are blended in linear light (half-covered black
// on white is sRGB 188, where a browser blending sRGB values shows 128).
// Composite decodes the layer (the sampler does it), encodes to sRGB in
// its shader when the target does not do it in hardware, and blends sRGB
// values, as browsers composite layers.
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

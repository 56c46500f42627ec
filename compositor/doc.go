// Package compositor shows pages: it takes frames that the page commits
// and draws them, on a thread of its own, into a window or an offscreen
// target.
//
// The design follows Chromium's compositor (cc), and uses its names so
// that its documentation applies:
//
//   - The page's main thread builds a Frame, an immutable snapshot of the
//     layer tree (a root layer holding the document's display list, and
//     layers over it such as the text selection's), and hands it over
//     with Commit. Nothing is shared after that: the page never touches
//     GL and the compositor never reads the DOM.
//   - The compositor thread (cc's "impl" thread) is a goroutine locked to
//     an OS thread, because a GL context is current on one thread. It owns
//     the context, the layers' tiles, and the scroll offset.
//   - Raster turns a layer's display list into textures, and only when
//     the display list changed (display lists are immutable, so a new
//     pointer means new content). Layers are tiled (tiles.go): only the
//     512 px tiles in view and a margin around them are rastered and
//     kept, so a long document needs no giant texture and has no height
//     limit. Draw composites the tiles, back to front, into the target: a
//     window's back buffer, then swap with vsync, or an offscreen texture
//     for Screenshot.
//   - Scrolling the root layer (ScrollBy, from the mouse wheel) only moves
//     its tiles: the compositor redraws without asking the page, which is
//     what keeps scrolling smooth while the page's main thread is busy.
//     The root scroller's scrollbar is drawn here too (scrollbar.go), with
//     the offset the compositor owns.
//   - Each stage's time goes into a timeline (package timeline): raster,
//     draw and swap on this thread, and the GPU's raster and draw from
//     timer queries (GL_EXT_disjoint_timer_query; none where the context
//     lacks it).
//
// What is not built yet, and where it goes: transforms, clips and effects
// per layer belong in property trees referenced by Layer; layers for
// fixed-position and will-change elements wait for the layout to position
// them; animations of transform and opacity tick in the loop before draw.
package compositor

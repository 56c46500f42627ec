// Package app is the browser's window and its shell: a GLFW window with
// an OpenGL ES 3.0 context, tabs each showing a page, a toolbar with an
// address bar drawn with Gio, and the input handling between them.
//
// # Threads
//
// As in Chromium, each kind of work has a thread of its own, and they
// share nothing mutable:
//
//   - The UI thread is the process's main thread. GLFW must be used from
//     it, so package app locks the main goroutine to it in init, and Open
//     and Run must be called from main. It owns the window and the shell:
//     the tabs list, Gio's input router and widgets. It waits for GLFW
//     events, turns them into Gio events or browser actions, lays the
//     shell out with Gio into an op.Ops, and hands those ops to the
//     compositor. It never loads, lays out or paints a page, so the
//     toolbar keeps answering while a page is busy.
//   - Each tab has a goroutine, the page's main thread: it alone touches
//     the tab's page.Page. It loads documents (through package network
//     and page.Load, or page.ErrorPage when that fails), keeps the tab's
//     history, runs style, layout and paint at each load and after
//     resizes (debounced: dragging a window edge lays out once), hit
//     tests for hovered and clicked links, and commits frames. The UI
//     thread sends it requests on channels (navigate, resize, hover,
//     click; a newer navigation, size or hover replaces one not yet
//     taken) and reads its state (URL, title, loading, history,
//     hovered link) through a snapshot under a mutex. A load can be
//     stopped, by the stop button or a newer navigation, through its
//     context.
//   - The compositor thread owns the GL context (package compositor). It
//     draws the shown tab's layers in the content area below the
//     toolbar, scrolls them on its own (wheel and keys go straight to it,
//     never through the tab), and draws the shell's Gio ops on top.
//
// Only the shown tab's frames reach the compositor: a tab commits under
// the window's commit lock, and switching tabs (which saves the old tab's
// scroll offset and shows the new tab's last frame at its own offset)
// takes the same lock, so a background tab cannot slip a frame in.
//
// The shell's ops are double-buffered: the UI thread records a frame into
// one op.Ops while the compositor draws the last one, and the compositor
// gives each op.Ops back (compositor.SetOverlay) when a newer one has
// replaced it. An op.Ops is only ever in one thread's hands.
//
// Input for the shell goes through the same Gio router as in a Gio
// program; keys reach the router only while the address bar has the
// focus, and characters are inserted into it directly. Everything else
// is the browser's: Ctrl+L (address bar), Ctrl+T (new tab on
// about:start), Ctrl+W (close tab), Ctrl+Tab and Ctrl+Shift+Tab (next and
// previous tab), Ctrl+R and F5 (reload), Escape (stop loading), Alt+Left
// and Alt+Right (back and forward), Ctrl+Plus (or Ctrl+=), Ctrl+Minus
// and Ctrl+0 (page zoom in, out and back to 100%, per tab, in Chromium's
// steps from 25% to 500%), Ctrl+Q (quit), and Space,
// Shift+Space, PageDown, PageUp, Home, End and the arrow keys to scroll.
// A click on a link follows it; a middle click, Ctrl+click, or a link with
// target=_blank opens it in a new tab. Dragging over the page selects text
// (highlighted in a layer of its own over the page's, so selecting rasters
// only the highlight), Ctrl+A selects all of it and Ctrl+C copies the
// selection; Ctrl with the wheel zooms; a link to a fragment of the
// page scrolls to it without a load, and back and forward restore where
// each history entry was scrolled. The scrollbar is the compositor's
// (package compositor); the shell drags it. Closing the last tab closes the
// window, as browsers do.
//
// GLFW's callbacks only convert their arguments and call the Window's
// input methods on the UI thread; tests inject input by calling the same
// methods there.
//
// # Colour
//
// The page's layers hold sRGB bytes blended as browsers blend (see
// package gpu); Gio blends in linear light and wants an sRGB target. The
// compositor draws the shell with sRGB encoding on, through an sRGB
// intermediate where the window's framebuffer is linear, so the shell's
// colours come out as given (the tests check the toolbar's pixels).
//
// # Context
//
// The window's context is OpenGL ES 3.0 through the native API (GLX):
// Gio's renderer supports ES on Linux, and EGL under Xvfb measured slower.
// See shared/design/gpu.md.
//
// # Scale and zoom
//
// A page lays out in CSS px and rasters in device px. Device px per CSS
// px is the window's content scale (GLFW's, 2 on a typical HiDPI display)
// times the tab's page zoom, so zooming is what a HiDPI display does: the
// viewport holds fewer CSS px, the page lays out again for it, and the
// compositor rasters at the new scale. The shell scales with the content
// scale only.
//
// # Timing
//
// Each tab records the style, layout, paint and commit of every frame it
// makes, and the tasks it runs, in the compositor's timeline (package
// timeline), beside the compositor's raster, draw and swap and the GPU's
// timings; Options.Trace writes them out when the window closes.
//
// Options.Paint makes a bare window without the shell, one painted page
// filling it; headless rendering needs no window at all: see
// compositor.RenderOffscreen.
package app

// Package app is the browser's window: it opens a GLFW window with an
// OpenGL ES 3.0 context, gives that context to a compositor running on its
// own thread, and runs the window's event loop.
//
// Three threads take part, as in Chromium:
//
//   - The UI thread is the process's main thread. GLFW must be used from
//     it, so package app locks the main goroutine to it in init, and Run
//     must be called from main. It waits for window events and routes them:
//     a resize goes to the compositor and the page, the mouse wheel to the
//     compositor, Ctrl+Q and Ctrl+W close the window.
//   - The page thread is a goroutine that calls Options.Paint at start and
//     after each resize (debounced, since a drag makes dozens of sizes per
//     second), and commits the display list it returns.
//   - The compositor thread owns the GL context and draws (package
//     compositor).
//
// The window's context is OpenGL ES 3.0 through the native API (GLX):
// Gio's renderer supports ES on Linux, and EGL under Xvfb measured slower.
// See shared/design/gpu.md.
//
// Headless rendering needs no window: see compositor.RenderOffscreen.
package app

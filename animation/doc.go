// Package animation holds the timing model shared by the page and the
// compositor: a clock synced to the display, easing functions, keyframes,
// CSS transitions and animations, and the Web Animations model. Animations
// of transform, opacity and filter are handed to the compositor at commit
// and ticked on its thread; the rest tick on the page's main thread.
//
// Status: not built yet. This file reserves the package and states its
// purpose.
package animation

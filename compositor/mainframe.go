package compositor

import (
	"slices"
	"time"
)

// The compositor, not the page, decides when frames happen, as in
// Chromium: a page that wants to draw in step with the display (for
// requestAnimationFrame, animations) asks for a main frame, and the
// compositor sends it a BeginFrame at the start of the next displayed
// frame, right after the swap that ends the one before. The page then
// runs its frame callbacks, renders and commits, and the compositor draws
// that at the next frame. Requests are one-shot and merge: however often
// a page asks between two frames, it gets one BeginFrame per displayed
// frame.

// BeginFrame starts a main frame on the page: what requestAnimationFrame
// callbacks are given.
type BeginFrame struct {
	Frame uint64    // the compositor's frame count when it was sent
	Time  time.Time // when the frame began (after the previous swap)
}

// RequestMainFrame asks for one BeginFrame on ch at the compositor's next
// frame, drawing a frame for it if nothing else needs one. The send does
// not block: ch should have room for one (a page that has not taken its
// last BeginFrame gets no second). A headless compositor, which has no
// display to keep in step with, sends at once.
func (c *Compositor) RequestMainFrame(ch chan<- BeginFrame) {
	c.post(func(im *impl) {
		if !slices.Contains(im.wantMain, ch) {
			im.wantMain = append(im.wantMain, ch)
		}
		if im.surface == nil {
			im.beginMainFrames()
			return
		}
		im.dirty = true
	})
}

// beginMainFrames sends a BeginFrame to each page that asked for one.
func (im *impl) beginMainFrames() {
	if len(im.wantMain) == 0 {
		return
	}
	bf := BeginFrame{Frame: uint64(im.stats.Frames), Time: time.Now()}
	for _, ch := range im.wantMain {
		select {
		case ch <- bf:
		default:
		}
	}
	clear(im.wantMain)
	im.wantMain = im.wantMain[:0]
}

package compositor

import (
	"time"

	"gioui.org/f32"
)

// Compositor animations tick at each frame on the compositor's thread,
// without the page: for now the smooth scroll of keyboard and scrollbar
// paging. Transform and opacity animations will tick here too.

// smoothScrollTime is how long a smooth scroll takes.
const smoothScrollTime = 150 * time.Millisecond

// scrollAnimation moves the root scroll offset from from to to.
type scrollAnimation struct {
	on       bool
	from, to f32.Point
	start    time.Time
}

// SmoothScrollBy scrolls the root layer by (dx, dy) CSS px, clamped to the
// content, over a short animation, as browsers scroll for the keyboard.
// A smooth scroll that comes while one runs goes on from where that one
// was going, so that held keys add up. A headless compositor, with no
// frames to animate in, scrolls at once.
func (c *Compositor) SmoothScrollBy(dx, dy float32) {
	c.post(func(im *impl) {
		base := im.scroll
		if im.anim.on {
			base = im.anim.to
		}
		to := im.clampScroll(base.Add(f32.Pt(dx, dy)))
		if im.surface == nil {
			im.stopAnimation()
			im.scrollTo(to)
			return
		}
		im.anim = scrollAnimation{on: true, from: im.scroll, to: to, start: time.Now()}
		im.dirty = true
	})
}

// ScrollTarget returns where the root layer is scrolling to: the end of
// the smooth scroll under way, or the scroll offset.
func (c *Compositor) ScrollTarget() (f32.Point, error) {
	var p f32.Point
	err := c.run(func(im *impl) {
		p = im.scroll
		if im.anim.on {
			p = im.anim.to
		}
	})
	return p, err
}

// tick advances the animations to now.
func (im *impl) tick(now time.Time) {
	a := &im.anim
	if !a.on {
		return
	}
	t := float32(now.Sub(a.start)) / float32(smoothScrollTime)
	if t >= 1 {
		a.on = false
		im.scrollTo(a.to)
		return
	}
	// Ease out (cubic): fast at first, settling at the end.
	e := 1 - (1-t)*(1-t)*(1-t)
	im.scrollTo(a.from.Add(a.to.Sub(a.from).Mul(e)))
	im.dirty = true
}

// stopAnimation ends a smooth scroll where it is: another way of
// scrolling took over.
func (im *impl) stopAnimation() { im.anim.on = false }

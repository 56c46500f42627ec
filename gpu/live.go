package gpu

import "sync/atomic"

// live counts the GL objects this package has made and not deleted, in
// every context of the process, so that tests can show that opening and
// closing tabs, resizing and zooming leave none behind. (Gio's renderers
// keep GL objects of their own, which they free in Release.)
var live struct {
	textures, framebuffers, queries atomic.Int64
}

// Live is a count of live GL objects.
type Live struct {
	Textures, Framebuffers, Queries int
}

// LiveObjects returns how many textures (with their framebuffers) and
// timer queries this package has made and not yet deleted, in all
// contexts.
func LiveObjects() Live {
	return Live{
		Textures:     int(live.textures.Load()),
		Framebuffers: int(live.framebuffers.Load()),
		Queries:      int(live.queries.Load()),
	}
}

package compositor

import (
	"image"
	"math"
	"time"

	"gioui.org/f32"

	"glassbox/engine/paint"
	"glassbox/gpu"
	"glassbox/timeline"
)

// Layers are tiled, as in cc: a layer's content is cut into square tiles
// of TileSize device px, each a texture of its own, and only the tiles in
// view (and a margin around it, so that scrolling finds them ready) are
// rastered. A long document costs the textures for what is on screen, not
// one texture of its whole height, and has no height limit.

// TileSize is the side of a tile in device px.
const TileSize = 512

// tileMargin is how far around the part of a layer in view its tiles are
// kept rastered, in device px.
const tileMargin = TileSize

// maxPooledTiles bounds the tile textures kept for reuse.
const maxPooledTiles = 16

// layerImpl is a layer's GPU side: its tiles.
type layerImpl struct {
	tiles map[image.Point]*tile // by column and row
	seen  bool
}

// tile is one tile's texture and what was rastered in it.
type tile struct {
	tex      *gpu.Texture
	rastered *paint.DisplayList
	scale    float32
}

func (l *layerImpl) release(im *impl) {
	for k, t := range l.tiles {
		im.freeTile(t.tex)
		delete(l.tiles, k)
	}
}

// freeTile keeps a tile's texture for reuse, or releases it.
func (im *impl) freeTile(tex *gpu.Texture) {
	if tex == nil {
		return
	}
	if len(im.tilePool) < maxPooledTiles {
		im.tilePool = append(im.tilePool, tex)
		return
	}
	tex.Release()
}

// newTile returns a tile texture, from the pool when it has one.
func (im *impl) newTile() (*gpu.Texture, error) {
	if n := len(im.tilePool); n > 0 {
		t := im.tilePool[n-1]
		im.tilePool = im.tilePool[:n-1]
		return t, nil
	}
	return im.dev.NewTexture(TileSize, TileSize, true)
}

// updateLayers rasters the tiles in view whose display list or scale
// changed since their last raster, drops tiles out of view and layers the
// frame no longer has, and returns the quads to draw.
func (im *impl) updateLayers() ([]gpu.Quad, error) {
	f := im.frame
	if f == nil {
		return nil, nil
	}
	s := f.scale()
	content := im.contentRect()
	for _, l := range im.layers {
		l.seen = false
	}
	var quads []gpu.Quad
	for i, layer := range f.Layers {
		dl := layer.DisplayList
		if dl == nil {
			continue
		}
		li := im.layers[layer.ID]
		if li == nil {
			li = &layerImpl{tiles: make(map[image.Point]*tile)}
			im.layers[layer.ID] = li
		}
		li.seen = true
		// The layer's extent in device px. The root layer covers at
		// least the viewport, so that its background fills the window.
		size := image.Pt(int(math.Ceil(float64(dl.Width*s))), int(math.Ceil(float64(dl.Height*s))))
		if i == 0 {
			size = image.Pt(max(size.X, content.Dx()), max(size.Y, content.Dy()))
		}
		bounds := image.Rectangle{Max: size}
		// Where the layer's origin lands in the target, snapped to whole
		// device pixels: a layer drawn between pixels would be resampled
		// and blur.
		pos := layer.Offset.Sub(im.scroll)
		origin := image.Pt(int(math.Round(float64(pos.X*s))), int(math.Round(float64(pos.Y*s)))).Add(content.Min)
		// The part of the layer in view, in layer px, and the part kept.
		view := content.Sub(origin).Intersect(bounds)
		keep := view.Inset(-tileMargin).Intersect(bounds)
		kept := tileRange(keep)
		for k, t := range li.tiles {
			if !k.In(kept) {
				im.freeTile(t.tex)
				delete(li.tiles, k)
			}
		}
		if view.Empty() {
			continue
		}
		// Raster the tiles in view first, then those of the margin, but
		// only as many of those as one frame can afford: the margin is
		// for the next frames.
		shown := tileRange(view)
		for y := shown.Min.Y; y < shown.Max.Y; y++ {
			for x := shown.Min.X; x < shown.Max.X; x++ {
				k := image.Pt(x, y)
				t, err := im.tile(li, k, dl, s)
				if err != nil {
					return nil, err
				}
				r := image.Rect(x*TileSize, y*TileSize, (x+1)*TileSize, (y+1)*TileSize).Intersect(bounds)
				at := origin.Add(r.Min)
				quads = append(quads, gpu.Quad{
					Texture:   t.tex,
					Src:       gpu.Rect{X: float32(r.Min.X - x*TileSize), Y: float32(r.Min.Y - y*TileSize), W: float32(r.Dx()), H: float32(r.Dy())},
					Transform: f32.AffineId().Offset(f32.Pt(float32(at.X), float32(at.Y))),
					Opacity:   layer.Opacity,
				})
			}
		}
		ahead := 2 // margin tiles rastered per frame
		for y := kept.Min.Y; y < kept.Max.Y && ahead > 0; y++ {
			for x := kept.Min.X; x < kept.Max.X && ahead > 0; x++ {
				k := image.Pt(x, y)
				if k.In(shown) {
					continue
				}
				if t := li.tiles[k]; t != nil && t.rastered == dl && t.scale == s {
					continue
				}
				if _, err := im.tile(li, k, dl, s); err != nil {
					return nil, err
				}
				ahead--
			}
		}
	}
	for id, l := range im.layers {
		if !l.seen {
			l.release(im)
			delete(im.layers, id)
		}
	}
	return quads, nil
}

// tileRange returns the columns and rows of the tiles that r, in layer
// px, touches.
func tileRange(r image.Rectangle) image.Rectangle {
	if r.Empty() {
		return image.Rectangle{}
	}
	return image.Rect(r.Min.X/TileSize, r.Min.Y/TileSize,
		(r.Max.X+TileSize-1)/TileSize, (r.Max.Y+TileSize-1)/TileSize)
}

// tile returns li's tile k, rastered from dl at scale s.
func (im *impl) tile(li *layerImpl, k image.Point, dl *paint.DisplayList, s float32) (*tile, error) {
	t := li.tiles[k]
	if t == nil {
		tex, err := im.newTile()
		if err != nil {
			return nil, err
		}
		t = &tile{tex: tex}
		li.tiles[k] = t
	}
	if t.rastered == dl && t.scale == s {
		return t, nil
	}
	start := time.Now()
	if im.rasterTimer.Begin(t.tex.Framebuffer()) {
		im.rasterFrame = uint64(im.stats.Frames + 1)
	}
	// The tile's top-left, in the layer's CSS px: a whole number of
	// device px, so that tiles meet without seams.
	origin := f32.Pt(float32(k.X*TileSize)/s, float32(k.Y*TileSize)/s)
	err := im.dev.Raster(t.tex, dl, origin, s)
	im.rasterTimer.End()
	im.stats.Raster = im.tl.Span(timeline.Compositor, timeline.Raster, uint64(im.stats.Frames+1), start).Sub(start)
	im.stats.Rasters++
	if err != nil {
		t.rastered = nil
		return nil, err
	}
	t.rastered, t.scale = dl, s
	return t, nil
}

package text

import (
	"strings"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"glassbox/engine/style"
)

// Glyph is one shaped glyph. Positions and advances are in em: multiply by
// the font size for CSS px. Shaping in em rather than px means one cached
// result serves every size of a font.
type Glyph struct {
	ID font.GID
	// X and Y are where the glyph is drawn, relative to the run's pen
	// start on the baseline (Y grows downwards, as in CSS).
	X, Y float32
	// Advance is how far the pen moves after this glyph.
	Advance float32
	// Cluster is the byte offset in the shaped string of the first
	// character this glyph stands for. Glyphs of one cluster share it.
	Cluster int
}

// Shaped is a string shaped in one font, left to right.
type Shaped struct {
	Glyphs  []Glyph
	Advance float32 // total advance, em
}

// Width returns the shaped text's advance at size px per em.
func (s *Shaped) Width(size float32) float32 { return s.Advance * size }

// Shaper shapes strings with HarfBuzz (go-text's port) and caches the
// results per font and string, so that a word seen a thousand times in a
// page is shaped once.
//
// A Shaper is not safe for concurrent use: it owns font.Faces, which are
// not. Use one per goroutine; Collection.Shaper hands out pooled ones.
type Shaper struct {
	hb    shaping.HarfbuzzShaper
	faces map[*font.Font]*font.Face
	cache map[shapeKey]*Shaped
	runes []rune
}

type shapeKey struct {
	font *Font
	text string
}

// english is the language shaping assumes until documents' lang
// attributes reach it. It is fixed rather than taken from the machine's
// locale so that rendering does not depend on where it runs.
var english = language.NewLanguage("en")

// maxCacheEntries bounds a Shaper's memory: when the cache grows past it,
// it starts afresh. Word frequencies are skewed enough that this costs
// little.
const maxCacheEntries = 1 << 16

// NewShaper returns a shaper with an empty cache.
func NewShaper() *Shaper {
	return &Shaper{
		faces: make(map[*font.Font]*font.Face),
		cache: make(map[shapeKey]*Shaped),
	}
}

// Shaper returns a shaper for the calling goroutine, from a pool shared by
// users of the collection so that its cache lives across layouts. Hand it
// back with Release when done.
func (c *Collection) Shaper() *Shaper {
	if s, ok := c.shapers.Get().(*Shaper); ok {
		return s
	}
	return NewShaper()
}

// Release returns a shaper got from Shaper to the pool. The caller must
// not use the shaper afterwards; the Shaped values it returned stay valid,
// being immutable.
func (c *Collection) Release(s *Shaper) { c.shapers.Put(s) }

// Shape shapes s in font f. The result is shared and must not be
// modified.
func (sh *Shaper) Shape(f *Font, s string) *Shaped {
	key := shapeKey{f, s}
	if out, ok := sh.cache[key]; ok {
		return out
	}
	out := sh.shape(f, s)
	if len(sh.cache) >= maxCacheEntries {
		clear(sh.cache)
	}
	// s is often a word cut out of a whole paragraph: copy it, so that
	// the cache does not keep the paragraph alive.
	key.text = strings.Clone(s)
	sh.cache[key] = out
	return out
}

func (sh *Shaper) face(f *Font) *font.Face {
	face := sh.faces[f.Font]
	if face == nil {
		face = font.NewFace(f.Font)
		sh.faces[f.Font] = face
	}
	return face
}

func (sh *Shaper) shape(f *Font, s string) *Shaped {
	if s == "" {
		return &Shaped{}
	}
	sh.runes = sh.runes[:0]
	script := language.Latin
	found := false
	for _, r := range s {
		sh.runes = append(sh.runes, r)
		if !found {
			if sc := language.LookupScript(r); sc.Strong() && sc != language.Unknown {
				script, found = sc, true
			}
		}
	}
	// Shape at one pixel per font unit: HarfBuzz rounds the size up to
	// whole pixels, so shaping at the real size would be wrong for
	// fractional sizes. Font units are exact; we scale to em after.
	out := sh.hb.Shape(shaping.Input{
		Text:      sh.runes,
		RunStart:  0,
		RunEnd:    len(sh.runes),
		Direction: di.DirectionLTR,
		Face:      sh.face(f),
		Size:      fixed.I(int(f.upem)),
		Script:    script,
		Language:  english,
	})

	// Map rune indices (HarfBuzz clusters) to byte offsets.
	byteAt := make([]int, 0, len(sh.runes)+1)
	for i := range s {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(s))

	scale := 1 / (64 * f.upem)
	res := &Shaped{Glyphs: make([]Glyph, len(out.Glyphs))}
	var pen fixed.Int26_6
	for i, g := range out.Glyphs {
		cl := g.TextIndex()
		if cl < 0 || cl >= len(byteAt) {
			cl = 0
		}
		res.Glyphs[i] = Glyph{
			ID:      g.GlyphID,
			X:       float32(pen+g.XOffset) * scale,
			Y:       -float32(g.YOffset) * scale,
			Advance: float32(g.Advance) * scale,
			Cluster: byteAt[cl],
		}
		pen += g.Advance
	}
	res.Advance = float32(pen) * scale
	return res
}

// FontUnits returns the advance of the digit zero, per px of font size, in
// the font that families, weight and style select: what the CSS unit ch
// measures. It satisfies style.FontMetrics.
func (c *Collection) FontUnits(families []string, weight int, fs style.FontStyle) (ch float32) {
	f := c.Match(families, weight, fs)
	if f == nil {
		return 0
	}
	sh := c.Shaper()
	defer c.Release(sh)
	return sh.Shape(f, "0").Width(1)
}

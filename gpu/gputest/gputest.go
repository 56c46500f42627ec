// Package gputest builds display lists and checks pixels for the tests of
// the raster, compositor and window packages, so that they all draw the
// same things the same way.
package gputest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"sync"

	"github.com/go-text/typesetting/font"

	"glassbox/assets"
	"glassbox/engine/paint"
)

var (
	sansOnce sync.Once
	sans     *font.Font
	sansErr  error
)

// Sans returns the bundled Liberation Sans Regular.
func Sans() (*font.Font, error) {
	sansOnce.Do(func() {
		var face *font.Face
		face, sansErr = font.ParseTTF(bytes.NewReader(assets.Fonts()["LiberationSans-Regular.ttf"]))
		if sansErr == nil {
			sans = face.Font
		}
	})
	return sans, sansErr
}

// TextRun lays s out on one line with nominal glyphs and advances (no
// shaping, which is enough for Latin test strings), the pen starting at x
// on the baseline y.
func TextRun(s string, x, y, size float32, c color.NRGBA) (*paint.GlyphRun, error) {
	f, err := Sans()
	if err != nil {
		return nil, err
	}
	face := font.NewFace(f)
	k := size / float32(f.Upem())
	run := &paint.GlyphRun{Font: f, Size: size, Color: c}
	pen := x
	for _, r := range s {
		gid, ok := face.NominalGlyph(r)
		if !ok {
			return nil, fmt.Errorf("gputest: no glyph for %q", r)
		}
		run.Glyphs = append(run.Glyphs, paint.Glyph{ID: gid, X: pen, Y: y})
		pen += face.HorizontalAdvance(gid) * k
	}
	// Liberation Sans: ascent 0.905 em, descent 0.212 em.
	run.Box = paint.Rect{X: x, Y: y - 0.905*size, W: pen - x, H: 1.117 * size}
	return run, nil
}

// Near reports whether two colours differ by at most tol in each channel.
func Near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return max(int(x)-int(y), int(y)-int(x)) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

// RGB returns an opaque colour.
func RGB(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 255} }

// Opaque converts an opaque NRGBA to the RGBA that a screenshot holds.
func Opaque(c color.NRGBA) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// SavePNG writes img to path, for looking at a failure.
func SavePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

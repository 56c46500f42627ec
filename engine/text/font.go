package text

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"glassbox/assets"
	"glassbox/engine/style"

	"github.com/go-text/typesetting/font"
)

// Font is one face of a family (say Liberation Sans Bold) together with the
// metrics layout needs, read once when the font is loaded.
//
// A Font is immutable and safe for concurrent use, and so is the go-text
// *font.Font it wraps. A *font.Face is not: code that needs one (shaping,
// raster) makes its own with font.NewFace and keeps it to one goroutine.
type Font struct {
	Font   *font.Font
	Family string // the family it was registered under
	Bold   bool
	Italic bool

	upem    float32
	metrics Metrics // for a size of 1px, i.e. in em
}

// Metrics are a font's vertical metrics at some size, in CSS px. Ascent
// and Descent are both positive distances from the baseline.
type Metrics struct {
	Ascent, Descent, LineGap float32
	// UnderlineOffset is how far below the baseline the underline's top
	// edge sits; StrikeoutOffset how far above the baseline the
	// line-through's top edge sits. Both are read as the OpenType spec
	// defines post.underlinePosition and OS/2.yStrikeoutPosition: as the
	// top of the stroke.
	UnderlineOffset, UnderlineThickness float32
	StrikeoutOffset, StrikeoutThickness float32
	// XHeight is the height of lower-case letters, which vertical-align:
	// middle centres on.
	XHeight float32
}

// LineHeight is the font's "normal" line height: ascent + descent + line
// gap, as CSS 2.1 10.8.1 suggests and browsers do.
func (m Metrics) LineHeight() float32 { return m.Ascent + m.Descent + m.LineGap }

// Metrics returns the font's metrics scaled to size px per em.
func (f *Font) Metrics(size float32) Metrics {
	m := f.metrics
	return Metrics{
		Ascent:             m.Ascent * size,
		Descent:            m.Descent * size,
		LineGap:            m.LineGap * size,
		UnderlineOffset:    m.UnderlineOffset * size,
		UnderlineThickness: m.UnderlineThickness * size,
		StrikeoutOffset:    m.StrikeoutOffset * size,
		StrikeoutThickness: m.StrikeoutThickness * size,
		XHeight:            m.XHeight * size,
	}
}

// String names the face, for debugging.
func (f *Font) String() string {
	s := f.Family
	if f.Bold {
		s += " Bold"
	}
	if f.Italic {
		s += " Italic"
	}
	return s
}

// newFont parses a TrueType/OpenType file and reads its metrics.
func newFont(family string, ttf []byte) (*Font, error) {
	face, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		return nil, err
	}
	desc := face.Font.Describe()
	f := &Font{
		Font:   face.Font,
		Family: family,
		Bold:   desc.Aspect.Weight >= 600,
		Italic: desc.Aspect.Style == font.StyleItalic,
		upem:   float32(face.Upem()),
	}
	ext, ok := face.FontHExtents()
	if !ok {
		// No hhea or OS/2 metrics: a plausible default rather than a
		// zero-height line.
		ext = font.FontExtents{Ascender: 0.8 * f.upem, Descender: -0.2 * f.upem}
	}
	em := 1 / f.upem
	m := Metrics{
		Ascent:             ext.Ascender * em,
		Descent:            -ext.Descender * em,
		LineGap:            max(ext.LineGap, 0) * em,
		UnderlineOffset:    -face.LineMetric(font.UnderlinePosition) * em,
		UnderlineThickness: face.LineMetric(font.UnderlineThickness) * em,
		StrikeoutOffset:    face.LineMetric(font.StrikethroughPosition) * em,
		StrikeoutThickness: face.LineMetric(font.StrikethroughThickness) * em,
		XHeight:            face.LineMetric(font.XHeight) * em,
	}
	if m.XHeight <= 0 {
		m.XHeight = 0.5 // CSS Values 4's fallback for ex
	}
	// Fonts without post/OS/2 decoration metrics: fall back to fractions
	// of the em, so decorations stay visible.
	if m.UnderlineThickness <= 0 {
		m.UnderlineThickness = 1.0 / 16
		m.UnderlineOffset = 1.0 / 16
	}
	if m.StrikeoutThickness <= 0 {
		m.StrikeoutThickness = m.UnderlineThickness
		m.StrikeoutOffset = 0.3
	}
	f.metrics = m
	return f, nil
}

// A family holds up to four faces, indexed by bold | italic<<1.
type family [4]*Font

func faceIndex(bold, italic bool) int {
	i := 0
	if bold {
		i |= 1
	}
	if italic {
		i |= 2
	}
	return i
}

// best returns the face nearest to the request: the exact one, else one of
// the right weight, else one of the right slant, else any.
func (fam *family) best(bold, italic bool) *Font {
	for _, i := range [...]int{faceIndex(bold, italic), faceIndex(bold, !italic), faceIndex(!bold, italic), faceIndex(!bold, !italic)} {
		if fam[i] != nil {
			return fam[i]
		}
	}
	return nil
}

// Collection is a set of font families and the rules for matching CSS
// font-family lists against them. It is safe for concurrent use.
//
// NewCollection returns one holding the bundled fonts; the zero Collection
// is empty, for callers that want only fonts of their own.
type Collection struct {
	mu       sync.RWMutex
	families map[string]*family // keyed by lower-cased family name

	shapers sync.Pool // of *Shaper, so shaping caches outlive one layout
}

// NewCollection returns a collection of the bundled fonts (Liberation
// Serif, Sans and Mono), to which Register can add more. The font files
// are parsed once, however many collections are made.
func NewCollection() *Collection {
	c := &Collection{families: make(map[string]*family)}
	for _, f := range bundledFonts() {
		c.add(f)
	}
	return c
}

// The names of the bundled families, which the generic families and common
// font names map to.
const (
	Serif     = "Liberation Serif"
	SansSerif = "Liberation Sans"
	Monospace = "Liberation Mono"
)

// bundledFonts parses the fonts shipped in the binary, once.
var bundledFonts = sync.OnceValue(func() []*Font {
	var fonts []*Font
	for name, ttf := range assets.Fonts() {
		fam := SansSerif
		switch {
		case strings.HasPrefix(name, "LiberationSerif"):
			fam = Serif
		case strings.HasPrefix(name, "LiberationMono"):
			fam = Monospace
		}
		f, err := newFont(fam, ttf)
		if err != nil {
			panic(fmt.Sprintf("text: bundled font %s: %v", name, err)) // embedded: cannot fail
		}
		fonts = append(fonts, f)
	}
	return fonts
})

// Bundled returns a collection of the bundled fonts shared by its callers
// (and so is its shaping cache): the thing to use when no fonts are
// registered.
func Bundled() *Collection { return bundled() }

var bundled = sync.OnceValue(NewCollection)

// Register adds a font file to the collection under the given family name
// (matched case-insensitively). Whether the face is bold or italic is read
// from the font itself. Registering the same family and face again
// replaces it.
func (c *Collection) Register(familyName string, ttf []byte) error {
	f, err := newFont(familyName, ttf)
	if err != nil {
		return fmt.Errorf("text: registering %q: %w", familyName, err)
	}
	c.add(f)
	return nil
}

func (c *Collection) add(f *Font) {
	key := normalizeFamily(f.Family)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.families == nil {
		c.families = make(map[string]*family)
	}
	fam := c.families[key]
	if fam == nil {
		fam = new(family)
		c.families[key] = fam
	}
	fam[faceIndex(f.Bold, f.Italic)] = f
}

// Match returns the face to use for a CSS font-family list, weight and
// style. Each name is tried in turn: registered families by name, then the
// generic families and common font names, which map onto the bundled
// families (Times, Georgia -> serif; Arial, Helvetica, system-ui -> sans;
// Courier, Consolas -> monospace; unknown names with "sans" or "mono" in
// them likewise). When nothing matches, the browser default, serif, is
// used. Weights of 600 and more select a bold face; italic and oblique an
// italic one. Match returns nil only if the collection has no fonts at all.
func (c *Collection) Match(families []string, weight int, fs style.FontStyle) *Font {
	bold, italic := weight >= 600, fs != style.FontNormal
	c.mu.RLock()
	defer c.mu.RUnlock()
	for _, name := range families {
		key := normalizeFamily(name)
		if fam := c.families[key]; fam != nil {
			if f := fam.best(bold, italic); f != nil {
				return f
			}
		}
		if alias := genericFamily(key); alias != "" {
			if fam := c.families[normalizeFamily(alias)]; fam != nil {
				if f := fam.best(bold, italic); f != nil {
					return f
				}
			}
		}
	}
	for _, fallback := range [...]string{Serif, SansSerif, Monospace} {
		if fam := c.families[normalizeFamily(fallback)]; fam != nil {
			if f := fam.best(bold, italic); f != nil {
				return f
			}
		}
	}
	for _, fam := range c.families {
		if f := fam.best(bold, italic); f != nil {
			return f
		}
	}
	return nil
}

func normalizeFamily(name string) string {
	name = strings.TrimSpace(name)
	if len(name) >= 2 && (name[0] == '"' || name[0] == '\'') && name[len(name)-1] == name[0] {
		name = name[1 : len(name)-1]
	}
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// aliases maps generic families and well-known font names to the bundled
// family that is metric-compatible with them or closest in look.
var aliases = map[string]string{
	"serif": Serif, "times": Serif, "times new roman": Serif, "georgia": Serif,
	"cambria": Serif, "garamond": Serif, "palatino": Serif, "palatino linotype": Serif,
	"book antiqua": Serif, "ui-serif": Serif, "liberation serif": Serif,

	"sans-serif": SansSerif, "arial": SansSerif, "helvetica": SansSerif,
	"helvetica neue": SansSerif, "verdana": SansSerif, "tahoma": SansSerif,
	"system-ui": SansSerif, "-apple-system": SansSerif, "blinkmacsystemfont": SansSerif,
	"segoe ui": SansSerif, "roboto": SansSerif, "ubuntu": SansSerif, "cantarell": SansSerif,
	"trebuchet ms": SansSerif, "calibri": SansSerif, "ui-sans-serif": SansSerif,
	"lucida grande": SansSerif, "liberation sans": SansSerif, "inter": SansSerif, "lato": SansSerif,

	"monospace": Monospace, "courier": Monospace, "courier new": Monospace,
	"consolas": Monospace, "monaco": Monospace, "menlo": Monospace,
	"lucida console": Monospace, "ui-monospace": Monospace, "sfmono-regular": Monospace,
	"liberation mono": Monospace,
}

func genericFamily(key string) string {
	if a, ok := aliases[key]; ok {
		return a
	}
	// Unknown names: the family's own name is the best hint we have
	// ("Open Sans", "Noto Sans Mono", "Fira Code").
	switch {
	case strings.Contains(key, "mono") || strings.Contains(key, "code"):
		return Monospace
	case strings.Contains(key, "sans"):
		return SansSerif
	}
	return ""
}

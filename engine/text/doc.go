// Package text is the browser's typography: it loads fonts and matches CSS
// font-family lists against them, shapes strings into positioned glyphs,
// finds line-break opportunities, and applies CSS white-space processing.
// Layout builds lines out of these pieces; it never touches a font file.
//
// Fonts come in a Collection. NewCollection returns one holding the fonts
// shipped with the browser (Liberation Serif, Sans and Mono,
// metric-compatible with Times, Arial and Courier); Register adds more,
// say Ahem for test suites. Bundled is a collection shared by all who
// need no more than the bundled fonts.
//
//	fonts := text.NewCollection()
//	fonts.Register("Ahem", ahemTTF)  // if need be
//	f := fonts.Match([]string{"Helvetica", "sans-serif"}, 400, style.FontNormal)
//	m := f.Metrics(16)            // ascent, descent, line gap in px
//	sh := fonts.Shaper()          // one per goroutine
//	defer fonts.Release(sh)
//	word := sh.Shape(f, "Hello")  // glyphs in em, cached
//	width := word.Width(16)       // px
//
// Shaping is done with go-text's HarfBuzz port and results are kept in em
// units, so a word is shaped once per font whatever its size. The
// go-text *font.Font inside a Font is safe to share between goroutines,
// but font.Face is not: Shaper keeps faces of its own, which is why a
// Shaper belongs to one goroutine at a time.
//
// Not yet: font fallback for characters the chosen font lacks (they come
// out as the font's .notdef glyph), bidirectional text (everything is
// shaped left to right) and synthetic bold or italic.
package text

// Package assets holds the files the browser ships inside its binary: the
// user-agent stylesheet, the bundled fonts (Liberation Serif, Sans and Mono,
// metric-compatible with Times, Arial and Courier, under the SIL Open Font
// License: see fonts/LICENSE), and the start and demo pages.
//
// Bundling the fonts makes rendering the same on every machine, which is
// what lets screenshots serve as golden test files.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed ua.css fonts/*.ttf pages
var files embed.FS

// UAStyleSheet is the user-agent stylesheet, after the HTML standard's
// rendering section.
func UAStyleSheet() string {
	b, err := files.ReadFile("ua.css")
	if err != nil {
		panic(err) // embedded at build time: cannot be missing
	}
	return string(b)
}

// Fonts returns the bundled font files, keyed by file name
// ("LiberationSerif-Bold.ttf").
func Fonts() map[string][]byte {
	entries, err := files.ReadDir("fonts")
	if err != nil {
		panic(err)
	}
	out := make(map[string][]byte, len(entries))
	for _, e := range entries {
		b, err := files.ReadFile("fonts/" + e.Name())
		if err != nil {
			panic(err)
		}
		out[e.Name()] = b
	}
	return out
}

// Pages is the tree of bundled pages (start page, demos), served to the
// browser under about: URLs.
func Pages() fs.FS {
	sub, err := fs.Sub(files, "pages")
	if err != nil {
		panic(err)
	}
	return sub
}

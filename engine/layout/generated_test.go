package layout

import (
	"strings"
	"testing"

	"glassbox/engine/css"
	"glassbox/engine/html"
	"glassbox/engine/style"
	"glassbox/engine/text"
)

// TestGeneratedContent lays out documents whose ::before and ::after
// generate content (CSS 2.1 12.1 to 12.4) and compares the text of the
// laid-out lines, joined with "|" between blocks.
func TestGeneratedContent(t *testing.T) {
	tests := []struct {
		name, css, body, want string
	}{
		{"strings before and after", `p::before { content: "<" } p::after { content: ">" }`,
			`<p>x</p>`, "<x>"},
		{"attr", `a::after { content: " (" attr(href) ")" }`, `<p><a href="u">link</a></p>`, "link (u)"},
		{"none and normal generate nothing", `p::before { content: none } p::after { content: normal }`,
			`<p>x</p>`, "x"},
		{"counters nest", `body { counter-reset: c } h1 { counter-increment: c; counter-reset: s }
			h2 { counter-increment: s } h1::before { content: counter(c) " " }
			h2::before { content: counter(c) "." counter(s) " " }`,
			`<h1>A</h1><h2>a</h2><h2>b</h2><h1>B</h1><h2>c</h2>`, "1 A|1.1 a|1.2 b|2 B|2.1 c"},
		{"counters() and styles", `ol { counter-reset: i } li { counter-increment: i; display: block }
			li::before { content: counters(i, "-", lower-roman) " " }`,
			`<ol><li>x<ol><li>y</li></ol></li><li>z</li></ol>`, "i x|i-i y|ii z"},
		{"quotes nest", `q::before { content: open-quote } q::after { content: close-quote }`,
			`<p><q>a <q>b</q></q></p>`, "\u201ca \u2018b\u2019\u201d"},
		{"quotes property", `q { quotes: "[" "]" } q::before { content: open-quote } q::after { content: close-quote }`,
			`<p><q>a</q></p>`, "[a]"},
		{"block pseudo-element", `div::before { content: "first"; display: block }`,
			`<div>second</div>`, "first|second"},
		{"display none", `p::before { content: "x"; display: none }`, `<p>y</p>`, "y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := html.ParseString("<!doctype html><body>" + tt.body)
			sheets := []style.Sheet{{Sheet: css.Parse("body { margin: 0 } p, h1, h2, ol, div { display: block; margin: 0; padding: 0 } " + tt.css), Origin: style.Author}}
			st := style.Compute(doc, sheets, style.Viewport{Width: 800, Height: 600})
			root := Layout(doc, st, nil, text.Bundled(), 800, 600)
			var lines []string
			for _, ln := range all(root, KindLine) {
				var b strings.Builder
				for _, tf := range all(ln, KindText) {
					b.WriteString(tf.Text.Text)
				}
				lines = append(lines, b.String())
			}
			if got := strings.Join(lines, "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLetterPrefix(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Test", "T"},
		{")T)est", ")T)"},
		{"\u201cHello\u201d", "\u201cH"},
		{"\u00abA\u00bb b", "\u00abA\u00bb"},
		{"9 lives", "9"},
		{"...", "..."},
		{" x", ""},
		{"", ""},
		{"\u00e9t\u00e9", "\u00e9"},
	}
	for _, tt := range tests {
		if got := tt.in[:letterPrefix(tt.in)]; got != tt.want {
			t.Errorf("letterPrefix(%q) takes %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstLetter(t *testing.T) {
	doc := html.ParseString(`<!doctype html><body><div id=d>  <span>"Quoted</span> text</div><div id=e><img></div>`)
	sheets := []style.Sheet{{Sheet: css.Parse(`div { display: block } div::first-letter { font-size: 40px }`), Origin: style.Author}}
	st := style.Compute(doc, sheets, style.Viewport{Width: 800, Height: 600})
	root := Layout(doc, st, nil, text.Bundled(), 800, 600)
	var got []string
	for _, f := range all(root, KindText) {
		got = append(got, f.Text.Text+"/"+num(f.Style.FontSize))
	}
	if want := `"Q/40 uoted/16  text/16`; strings.Join(got, " ") != want {
		t.Errorf("text runs %q, want %q", strings.Join(got, " "), want)
	}
}

// TestTextProperties checks text-indent, letter-spacing, word-spacing
// and text-transform (CSS 2.1 16.1, 16.4, 16.5).
func TestTextProperties(t *testing.T) {
	layout := func(decls string) *Fragment {
		doc := html.ParseString(`<!doctype html><body><p>ab cd <b>ef</b>gh</p>`)
		sheets := []style.Sheet{{Sheet: css.Parse(`body, p { display: block; margin: 0 } p { ` + decls + ` }`), Origin: style.Author}}
		return Layout(doc, style.Compute(doc, sheets, style.Viewport{Width: 800, Height: 600}), nil, text.Bundled(), 800, 600)
	}
	plain := all(layout(""), KindText)
	width := func(fs []*Fragment) float32 {
		var w float32
		for _, f := range fs {
			w += f.W
		}
		return w
	}
	if got := all(layout("text-indent: 30px"), KindLine)[0].X; got != 30 {
		t.Errorf("text-indent: first line at %v, want 30", got)
	}
	// 10 glyphs get 2px each; the two spaces 5px more.
	if got, want := width(all(layout("letter-spacing: 2px; word-spacing: 5px"), KindText)), width(plain)+10*2+2*5; num(got) != num(want) {
		t.Errorf("spacing: width %v, want %v", got, want)
	}
	var words []string
	for _, f := range all(layout("text-transform: capitalize"), KindText) {
		words = append(words, f.Text.Text)
	}
	if got := strings.Join(words, "|"); got != "Ab Cd |Ef|gh" {
		t.Errorf("capitalize: %q", got)
	}
}

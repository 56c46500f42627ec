package css

import (
	"strings"
	"testing"
)

// summary renders a sheet compactly: one line per rule, selectors then
// declarations, for table-driven comparison.
func summary(s *Stylesheet) string {
	var lines []string
	for _, r := range s.Rules {
		var sels, decls []string
		for _, sel := range r.Selectors {
			sels = append(sels, sel.String())
		}
		for _, d := range r.Declarations {
			decls = append(decls, d.String())
		}
		line := strings.Join(sels, ", ") + " {" + strings.Join(decls, "; ") + "}"
		if len(r.Media) > 0 {
			line = "@media " + line
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"simple", `p { color: red }`, `p {color: red}`},
		{"two rules", `a{color:red} b{color:blue}`, "a {color: red}\nb {color: blue}"},
		{"selector list", `h1, h2 , .x{margin:0}`, `h1, h2, .x {margin: 0}`},
		{"important", `p { color: red ! important; margin: 0 !IMPORTANT }`,
			`p {color: red !important; margin: 0 !important}`},
		{"property lowercased", `p { COLOR: Red }`, `p {color: Red}`},
		{"custom property keeps case", `p { --Main: 1px }`, `p {--Main: 1px}`},
		{"comments", `/* x */ p /* y */ { /* z */ color /**/ : red /* w */ }`, `p {color: red}`},
		{"empty declarations", `p { ; ; color: red;; }`, `p {color: red}`},
		{"declaration without colon dropped", `p { color red; margin: 0 }`, `p {margin: 0}`},
		{"declaration without value dropped", `p { color: ; margin: 0 }`, `p {margin: 0}`},
		{"garbage declaration dropped", `p { 12px: red; margin: 0 }`, `p {margin: 0}`},
		{"nested block in value kept", `p { a: {x;y}; b: 1 }`, `p {a: {x;y}; b: 1}`},
		{"at-rule in block skipped", `p { @foo bar; color: red }`, `p {color: red}`},
		{"invalid selector drops rule", `p:bogus { color: red } q { color: blue }`, `q {color: blue}`},
		{"one bad selector drops list", `p, ::bogus { color: red } q{x:y}`, `q {x: y}`},
		{"unclosed block", `a{color:red`, `a {color: red}`},
		{"unclosed string", `a{content:"abc`, `a {content: "abc"}`},
		{"bad string recovers", "a{content:\"ab\n; color: red} b{x:y}", "a {color: red}\nb {x: y}"},
		{"bad string eats the rest",
			// After the bad string, the second quote opens a string that
			// runs to the end of input, taking the closing brace with it.
			"a{content:\"ab\ncd\"; color: red} b{x:y}", "a {}"},
		{"bad url dropped", `a{background:url(a b); color: red}`, `a {color: red}`},
		{"garbage then rule",
			// The stray "}}" start a qualified rule whose block swallows
			// the rest of the input: nothing survives, per CSS Syntax.
			`}}{;; a{color:red`, ``},
		{"garbage rule then good", `}} a{color:red} b{color:blue}`, `b {color: blue}`},
		{"rule without block at EOF", `a{color:red} b`, `a {color: red}`},
		{"cdo cdc", `<!-- a{color:red} -->`, `a {color: red}`},
		{"charset ignored", `@charset "utf-8"; a{x:y}`, `a {x: y}`},
		{"unknown at-rule skipped", `@font-face { font-family: x } @keyframes k { from { x: y } } a{x:y}`, `a {x: y}`},
		{"media", `@media screen { a{x:y} } b{x:y}`, "@media a {x: y}\nb {x: y}"},
		{"nested media", `@media screen { @media (min-width: 1px) { a{x:y} } }`, "@media a {x: y}"},
		{"escapes", `.a\:b { x: y } #\31 23 { x: y }`, ".a:b {x: y}\n#123 {x: y}"},
		{"unicode", `.café { x: y }`, `.café {x: y}`},
		{"nul", "a\x00 { x: y }", "a\uFFFD {x: y}"},
		{"url", `a { background: url( "x y.png" ) }`, `a {background: url("x y.png")}`},
		{"numbers", `a { margin: 1.5e1px -2% +.5 }`, `a {margin: 1.5e1px -2% +.5}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(Parse(tt.src)); got != tt.want {
				t.Errorf("Parse(%q) =\n%s\nwant\n%s", tt.src, got, tt.want)
			}
		})
	}
}

func TestImport(t *testing.T) {
	tests := []struct {
		src  string
		urls []string
	}{
		{`@import "a.css"; @import url(b.css); @import url("c.css") screen;`, []string{"a.css", "b.css", "c.css"}},
		{`@charset "utf-8"; @import 'a.css';`, []string{"a.css"}},
		{`a{x:y} @import "late.css";`, nil},
		{`@media all { @import "in-media.css"; }`, nil},
		{`@import;`, nil},
		{`@import 12px;`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, imp := range Parse(tt.src).Imports {
			got = append(got, imp.URL)
		}
		if strings.Join(got, " ") != strings.Join(tt.urls, " ") {
			t.Errorf("imports of %q = %v, want %v", tt.src, got, tt.urls)
		}
	}
	imp := Parse(`@import "p.css" print;`).Imports[0]
	if imp.Media.Matches(MediaEnv{Width: 800, Height: 600}) {
		t.Errorf("print import matches the screen")
	}
}

func TestParseDeclarations(t *testing.T) {
	tests := []struct{ src, want string }{
		{`color: red; margin: 0 auto`, `color: red|margin: 0 auto`},
		{`color: red !important`, `color: red !important`},
		{`;;color:red;;`, `color: red`},
		{`color`, ``},
		{`color: red; }{ margin: 0`, `color: red`},
		{`color: red; }; margin: 0`, `color: red|margin: 0`},
		{`font-family: "Times New Roman", serif`, `font-family: "Times New Roman", serif`},
		{`a: b !important x`, `a: b !important x`},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range ParseDeclarations(tt.src) {
			got = append(got, d.String())
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("ParseDeclarations(%q) = %q, want %q", tt.src, g, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		src  string
		want Token
	}{
		{`12px`, Token{Type: DimensionToken, Num: 12, Unit: "px", Int: true}},
		{`1.5EM`, Token{Type: DimensionToken, Num: 1.5, Unit: "EM"}},
		{`50%`, Token{Type: PercentageToken, Num: 50, Int: true}},
		{`-3`, Token{Type: NumberToken, Num: -3, Int: true}},
		{`1e3`, Token{Type: NumberToken, Num: 1000}},
		{`2n`, Token{Type: DimensionToken, Num: 2, Unit: "n", Int: true}},
		{`#fff`, Token{Type: HashToken, Value: "fff"}},
		{`"a\"b"`, Token{Type: StringToken, Value: `a"b`}},
		{`'\41 x'`, Token{Type: StringToken, Value: `Ax`}},
		{`url(a.png)`, Token{Type: URLToken, Value: `a.png`}},
		{`\66oo`, Token{Type: IdentToken, Value: `foo`}},
		{`--x`, Token{Type: IdentToken, Value: `--x`}},
	}
	for _, tt := range tests {
		ts := ParseValue(tt.src)
		if len(ts) != 1 {
			t.Errorf("ParseValue(%q) = %d tokens, want 1", tt.src, len(ts))
			continue
		}
		got := ts[0]
		got.Raw = ""
		if got.Type != tt.want.Type || got.Value != tt.want.Value || got.Num != tt.want.Num ||
			got.Unit != tt.want.Unit || got.Int != tt.want.Int {
			t.Errorf("ParseValue(%q) = %+v, want %+v", tt.src, got, tt.want)
		}
	}
	fn := ParseValue(`rgb(1, 2, 3)`)
	if len(fn) != 1 || fn[0].Type != FunctionToken || fn[0].Value != "rgb" || len(fn[0].Children) != 7 {
		t.Errorf("function not grouped: %+v", fn)
	}
}

func TestDeepNesting(t *testing.T) {
	src := strings.Repeat("(", 10000) + "a{x:y}"
	Parse(src) // must not blow the stack
	sel := strings.Repeat(":not(", 1000) + "a" + strings.Repeat(")", 1000)
	ParseSelectorList(sel)
}

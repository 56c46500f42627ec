package text

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/go-text/typesetting/segmenter"

	"glassbox/engine/style"
)

func TestMatch(t *testing.T) {
	c := Bundled()
	tests := []struct {
		families []string
		weight   int
		style    style.FontStyle
		want     string
	}{
		{nil, 400, style.FontNormal, "Liberation Serif"},
		{[]string{"serif"}, 400, style.FontNormal, "Liberation Serif"},
		{[]string{"Times New Roman"}, 400, style.FontNormal, "Liberation Serif"},
		{[]string{"\"Times New Roman\"", "serif"}, 400, style.FontNormal, "Liberation Serif"},
		{[]string{"Georgia"}, 700, style.FontNormal, "Liberation Serif Bold"},
		{[]string{"Arial"}, 400, style.FontNormal, "Liberation Sans"},
		{[]string{"Helvetica Neue", "Arial"}, 400, style.FontItalic, "Liberation Sans Italic"},
		{[]string{"system-ui"}, 600, style.FontOblique, "Liberation Sans Bold Italic"},
		{[]string{"Open Sans"}, 400, style.FontNormal, "Liberation Sans"},
		{[]string{"monospace"}, 400, style.FontNormal, "Liberation Mono"},
		{[]string{"Consolas", "monospace"}, 500, style.FontNormal, "Liberation Mono"},
		{[]string{"Courier New"}, 599, style.FontNormal, "Liberation Mono"},
		{[]string{"NoSuchFont", "Verdana"}, 400, style.FontNormal, "Liberation Sans"},
		{[]string{"NoSuchFont"}, 400, style.FontNormal, "Liberation Serif"},
		{[]string{"cursive"}, 900, style.FontNormal, "Liberation Serif Bold"},
	}
	for _, tt := range tests {
		f := c.Match(tt.families, tt.weight, tt.style)
		if got := f.String(); got != tt.want {
			t.Errorf("Match(%q, %d, %d) = %s, want %s", tt.families, tt.weight, tt.style, got, tt.want)
		}
	}
}

func TestRegister(t *testing.T) {
	c := new(Collection)
	if c.Match([]string{"serif"}, 400, style.FontNormal) != nil {
		t.Fatal("empty collection matched a font")
	}
	if err := c.Register("Test", []byte("not a font")); err == nil {
		t.Error("Register accepted garbage")
	}
	ttf := ttfOf(t, "LiberationMono-Regular.ttf")
	if err := c.Register("My Test", ttf); err != nil {
		t.Fatal(err)
	}
	f := c.Match([]string{"'my  test'"}, 700, style.FontNormal)
	if f == nil || f.Family != "My Test" {
		t.Fatalf("Match found %v, want the registered face", f)
	}
	// Unknown names fall back on whatever the collection has.
	if f := c.Match([]string{"serif"}, 400, style.FontNormal); f == nil {
		t.Error("no fallback face")
	}
}

func TestMetrics(t *testing.T) {
	c := Bundled()
	for _, fam := range []string{"serif", "sans-serif", "monospace"} {
		f := c.Match([]string{fam}, 400, style.FontNormal)
		m := f.Metrics(16)
		// Liberation Serif and Sans: ascender + descender + line gap
		// = 2355 units of 2048 per em, 18.4px at 16px; Mono has 2320,
		// 18.125px.
		if got := m.LineHeight(); got < 18.1 || got > 18.5 {
			t.Errorf("%s: normal line height %v at 16px, want about 18.4", fam, got)
		}
		if m.Ascent <= 0 || m.Descent <= 0 || m.UnderlineThickness <= 0 || m.UnderlineOffset <= 0 || m.StrikeoutOffset <= 0 {
			t.Errorf("%s: implausible metrics %+v", fam, m)
		}
	}
}

func TestShape(t *testing.T) {
	c := Bundled()
	mono := c.Match([]string{"monospace"}, 400, style.FontNormal)
	sh := c.Shaper()
	defer c.Release(sh)

	s := sh.Shape(mono, "héllo")
	if len(s.Glyphs) != 5 {
		t.Fatalf("got %d glyphs, want 5", len(s.Glyphs))
	}
	// Liberation Mono advances are 1229/2048 em.
	const adv = 1229.0 / 2048
	if got := s.Width(10); abs(got-5*adv*10) > 1e-3 {
		t.Errorf("width %v, want %v", got, 5*adv*10)
	}
	wantClusters := []int{0, 1, 3, 4, 5} // é is two bytes
	for i, g := range s.Glyphs {
		if g.Cluster != wantClusters[i] {
			t.Errorf("glyph %d cluster %d, want %d", i, g.Cluster, wantClusters[i])
		}
		if abs(g.X-float32(i)*adv) > 1e-4 {
			t.Errorf("glyph %d at %v em, want %v", i, g.X, float32(i)*adv)
		}
	}
	if sh.Shape(mono, "héllo") != s {
		t.Error("second Shape of the same word was not served from the cache")
	}
	if e := sh.Shape(mono, ""); len(e.Glyphs) != 0 || e.Advance != 0 {
		t.Errorf("empty string shaped to %+v", e)
	}

	// Proportional fonts kern: "AV" is narrower than "A" + "V".
	serif := c.Match(nil, 400, style.FontNormal)
	av := sh.Shape(serif, "AV").Advance
	a, v := sh.Shape(serif, "A").Advance, sh.Shape(serif, "V").Advance
	if av >= a+v {
		t.Logf("no kerning between A and V (%v >= %v): font without GPOS kern?", av, a+v)
	}
}

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

func TestBreaks(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"", nil},
		{"word", []int{4}},
		{"two words", []int{4, 9}},
		{"a  b", []int{3, 4}},
		{"well-known fact", []int{5, 11, 15}},
		{"end.\nnext", []int{5, 9}},
		{"(parens) [here]", []int{9, 15}},
		{"1,000.5 km", []int{8, 10}},
	}
	var b Breaker
	for _, tt := range tests {
		var got []int
		mandatory := 0
		for _, br := range b.Breaks(tt.in) {
			got = append(got, br.Offset)
			if br.Mandatory {
				mandatory++
			}
		}
		if !equalInts(got, tt.want) {
			t.Errorf("Breaks(%q) = %v, want %v", tt.in, got, tt.want)
		}
		wantMandatory := 0
		if tt.in != "" {
			wantMandatory = 1
		}
		for i := range len(tt.in) {
			if tt.in[i] == '\n' {
				wantMandatory++
			}
		}
		if mandatory != wantMandatory {
			t.Errorf("Breaks(%q): %d mandatory breaks, want %d", tt.in, mandatory, wantMandatory)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestProcessWhiteSpace(t *testing.T) {
	tests := []struct {
		in         string
		ws         style.WhiteSpace
		afterSpace bool
		want       string
	}{
		{"plain", style.WhiteSpaceNormal, false, "plain"},
		{"  a \t b\n\nc  ", style.WhiteSpaceNormal, false, " a b c "},
		{"  a", style.WhiteSpaceNormal, true, "a"},
		{" ", style.WhiteSpaceNormal, true, ""},
		{"a\r\nb", style.WhiteSpaceNowrap, false, "a b"},
		{"a  \n  b\n\nc d", style.WhiteSpacePreLine, false, "a\nb\n\nc d"},
		{"  a\tb\r\nc", style.WhiteSpacePre, true, "  a     b\nc"},
		{"ab\tc", style.WhiteSpacePreWrap, false, "ab      c"},
		{"é\tx", style.WhiteSpacePre, false, "é       x"},
	}
	for _, tt := range tests {
		if got := ProcessWhiteSpace(tt.in, tt.ws, tt.afterSpace); got != tt.want {
			t.Errorf("ProcessWhiteSpace(%q, %d, %v) = %q, want %q", tt.in, tt.ws, tt.afterSpace, got, tt.want)
		}
	}
}

func TestWhiteSpaceProperties(t *testing.T) {
	tests := []struct {
		ws                         style.WhiteSpace
		wraps, collapses, newlines bool
	}{
		{style.WhiteSpaceNormal, true, true, false},
		{style.WhiteSpaceNowrap, false, true, false},
		{style.WhiteSpacePre, false, false, true},
		{style.WhiteSpacePreWrap, true, false, true},
		{style.WhiteSpacePreLine, true, true, true},
	}
	for _, tt := range tests {
		if Wraps(tt.ws) != tt.wraps || CollapsesSpaces(tt.ws) != tt.collapses || PreservesNewlines(tt.ws) != tt.newlines {
			t.Errorf("white-space %d: properties wrong", tt.ws)
		}
	}
}

func BenchmarkShapeCached(b *testing.B) {
	c := Bundled()
	f := c.Match(nil, 400, style.FontNormal)
	sh := c.Shaper()
	for b.Loop() {
		sh.Shape(f, "typography")
	}
}

// TestPlainBreaks checks the fast path for plain ASCII text against the
// segmenter, on random strings of the characters it covers.
func TestPlainBreaks(t *testing.T) {
	const alphabet = "aZ09 .,;:'\""
	rng := rand.New(rand.NewPCG(1, 2))
	var fast Breaker
	var seg segmenter.Segmenter
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		b := make([]byte, 1+rng.IntN(16))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if !plain(s) {
			t.Fatalf("%q not plain", s)
		}
		var want []Break
		seg.InitWithString(s)
		it := seg.LineIterator()
		for it.Next() {
			l := it.Line()
			want = append(want, Break{l.OffsetInBytes + l.LengthInBytes, l.IsMandatoryBreak})
		}
		got := fast.Breaks(s)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("Breaks(%q) = %v, segmenter says %v", s, got, want)
		}
	}
}

func BenchmarkBreaksShort(b *testing.B) {
	var br Breaker
	for b.Loop() {
		br.Breaks("(a short paragraph)")
	}
}

func TestNewCollection(t *testing.T) {
	a, b := NewCollection(), NewCollection()
	if err := a.Register("Extra", ttfOf(t, "LiberationMono-Bold.ttf")); err != nil {
		t.Fatal(err)
	}
	if f := b.Match([]string{"Extra"}, 700, style.FontNormal); f.Family == "Extra" {
		t.Error("a font registered in one collection showed up in another")
	}
	if fa, fb := a.Match(nil, 400, style.FontNormal), b.Match(nil, 400, style.FontNormal); fa != fb || fa == nil {
		t.Error("collections do not share the parsed bundled fonts")
	}
}

package layout

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."

// goldenTests are laid out in an 800x600 viewport and their dumps
// compared with testdata/NAME.txt.
var goldenTests = []struct {
	name string
	page func(t *tree) *tree
}{
	{"empty_body", func(t *tree) *tree { return t.Page() }},
	{"paragraphs", func(t *tree) *tree {
		return t.Page(t.E("h1", "Title"), t.E("p", lorem), t.E("p", "Second."))
	}},
	{"centred_block", func(t *tree) *tree {
		return t.Page(t.E("div#box", width(px(200)), height(px(50)), marginAuto(), padding(10), border(2)))
	}},
	{"anonymous_blocks", func(t *tree) *tree {
		return t.Page(t.E("div", "before ", t.E("p", "block"), " after"))
	}},
	{"block_in_inline", func(t *tree) *tree {
		return t.Page(t.E("span#outer", with(func(s *style.ComputedStyle) {
			s.Padding[style.Left] = px(5)
			s.Padding[style.Right] = px(7)
		}), "one ", t.E("div", "two"), " three"))
	}},
	{"inline_boxes", func(t *tree) *tree {
		return t.Page(t.E("div", width(px(150)), "Some ", t.E("b", "bold text that wraps"), " and ",
			t.E("span#pad", padding(4), border(1), "padded words here"), " end."))
	}},
	{"text_align", func(t *tree) *tree {
		align := func(a style.TextAlign) func(*style.ComputedStyle) {
			return func(s *style.ComputedStyle) { s.TextAlign = a }
		}
		return t.Page(
			t.E("div#left", width(px(300)), "left aligned"),
			t.E("div#right", width(px(300)), align(style.AlignRight), "right aligned"),
			t.E("div#center", width(px(300)), align(style.AlignCenter), "centred"),
			t.E("div#justify", width(px(300)), align(style.AlignJustify), lorem),
		)
	}},
	{"white_space", func(t *tree) *tree {
		ws := func(w style.WhiteSpace) func(*style.ComputedStyle) {
			return func(s *style.ComputedStyle) { s.WhiteSpace = w }
		}
		return t.Page(
			t.E("pre", "line one\n  indented\ttab\n\nafter blank"),
			t.E("div#nowrap", width(px(100)), ws(style.WhiteSpaceNowrap), "this will not wrap at all"),
			t.E("div#preline", width(px(300)), ws(style.WhiteSpacePreLine), "  a   b\n   c  "),
			t.E("div#prewrap", width(px(100)), ws(style.WhiteSpacePreWrap), "keeps  spaces   and wraps"),
		)
	}},
	{"line_breaks", func(t *tree) *tree {
		return t.Page(t.E("div", "one", t.E("br"), "two", t.E("br"), t.E("br"), "four"))
	}},
	{"inline_block", func(t *tree) *tree {
		return t.Page(t.E("div", "text ",
			t.E("span#ib", display(style.DisplayInlineBlock), padding(5), border(1), "inline block", t.E("br"), "second line"),
			" more"))
	}},
	{"images", func(t *tree) *tree {
		return t.Page(t.E("div", "img ",
			t.Img(100, 50, attr{"id", "natural"}),
			t.Img(100, 50, attr{"id", "attrw"}, attr{"width", "50"}),
			t.Img(100, 50, attr{"id", "cssh"}, height(px(10))),
			t.Img(-1, -1, attr{"id", "missing"}, attr{"alt", "alt text"}),
			t.Img(-1, -1, attr{"id", "sized"}, attr{"width", "20"}, attr{"height", "20"}),
		), t.Img(40, 40, attr{"id", "block"}, display(style.DisplayBlock), marginAuto()))
	}},
	{"lists", func(t *tree) *tree {
		return t.Page(
			t.E("ul", t.E("li", "disc one"), t.E("li", "disc two")),
			t.E("ol", attr{"start", "9"}, t.E("li", "nine"), t.E("li", "ten"), t.E("li", t.E("p", "para in item"))),
		)
	}},
	{"display_none_contents", func(t *tree) *tree {
		return t.Page(
			t.E("div#hidden", display(style.DisplayNone), "gone"),
			t.E("div#contents", display(style.DisplayContents), t.E("p#kid", "child of contents")),
			t.E("div#flex", display(style.DisplayFlex), "flex as block"),
		)
	}},
	{"floats", func(t *tree) *tree {
		return t.Page(width(px(400)),
			t.E("div#left", float(style.FloatLeft), width(px(100)), height(px(60)), margin(0, 10, 0, 0)),
			t.E("div#right", float(style.FloatRight), "shrink-to-fit float"),
			t.E("p", lorem),
			t.E("div#cleared", clear(style.ClearBoth), "cleared ", t.E("span#inline", float(style.FloatRight), "in a line"), " after"),
		)
	}},
	{"positioned", func(t *tree) *tree {
		return t.Page(t.E("div#cb", width(px(300)), height(px(100)), border(1), position(style.PositionRelative),
			"text ", t.E("span#abs", position(style.PositionAbsolute, auto, px(0), px(0), auto), "corner"),
			t.E("div#rel", position(style.PositionRelative, px(10), auto, auto, px(10)), "moved"),
			t.E("div#fixed", position(style.PositionFixed, px(0), auto, auto, px(0)), width(px(50)), height(px(20)))))
	}},
	{"decorations", func(t *tree) *tree {
		deco := func(d style.TextDecorationLine) func(*style.ComputedStyle) {
			return func(s *style.ComputedStyle) { s.TextDecoration = d }
		}
		return t.Page(t.E("p", deco(style.DecorationUnderline), "under ", t.E("span", deco(style.DecorationLineThrough), "both")))
	}},
}

func TestGolden(t *testing.T) {
	for _, tt := range goldenTests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tt.page(newTree())
			root := Layout(tr.doc, tr.styles(), tr.images, text.Bundled(), 800, 600)
			var buf bytes.Buffer
			Dump(&buf, root)
			path := filepath.Join("testdata", tt.name+".txt")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("layout of %s differs from %s:\n--- got\n%s--- want\n%s", tt.name, path, got, want)
			}
		})
	}
}

// TestMarginCollapsing checks CSS 2.1 8.3.1 case by case.
func TestMarginCollapsing(t *testing.T) {
	tests := []struct {
		name   string
		page   func(t *tree) *tree
		id     string
		wantY  float32
		wantH  float32
		checkH bool
	}{
		{"siblings take the larger", func(t *tree) *tree {
			return t.Page(border(1), t.E("div", margin(20, 0, 20, 0), height(px(10))), t.E("div#b", margin(30, 0, 0, 0), height(px(10))))
		}, "b", 8 + 1 + 20 + 10 + 30, 10, true},
		{"negative margins add", func(t *tree) *tree {
			return t.Page(border(1), t.E("div", margin(0, 0, 20, 0), height(px(10))), t.E("div#b", margin(-5, 0, 0, 0), height(px(10))))
		}, "b", 9 + 10 + 15, 10, true},
		{"all negative take the most negative", func(t *tree) *tree {
			return t.Page(border(1), t.E("div", margin(0, 0, -4, 0), height(px(10))), t.E("div#b", margin(-9, 0, 0, 0), height(px(10))))
		}, "b", 9 + 10 - 9, 10, true},
		{"parent and first child", func(t *tree) *tree {
			return t.Page(t.E("div#p", margin(10, 0, 0, 0), t.E("div", margin(25, 0, 0, 0), height(px(5)))))
		}, "p", 25, 5, true}, // body's 8 too: max(8, 10, 25)
		{"padding stops collapsing", func(t *tree) *tree {
			return t.Page(t.E("div#p", padding(1), margin(10, 0, 0, 0), t.E("div", margin(25, 0, 0, 0), height(px(5)))))
		}, "p", 10, 1 + 25 + 5 + 1, true}, // body and p still collapse
		{"parent and last child", func(t *tree) *tree {
			return t.Page(border(1), t.E("div", t.E("div", margin(0, 0, 30, 0), height(px(5)))), t.E("div#next", height(px(1))))
		}, "next", 9 + 5 + 30, 1, true},
		{"empty block collapses through", func(t *tree) *tree {
			return t.Page(border(1), t.E("div", height(px(10))), t.E("div", margin(15, 0, 25, 0)), t.E("div#after", margin(5, 0, 0, 0), height(px(10))))
		}, "after", 9 + 10 + 25, 10, true},
		{"fixed height keeps last child margin inside", func(t *tree) *tree {
			return t.Page(border(1), t.E("div", height(px(20)), t.E("div", margin(0, 0, 50, 0), height(px(5)))), t.E("div#next"))
		}, "next", 9 + 20, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tt.page(newTree())
			root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
			f := find(root, tt.id)
			if f == nil {
				t.Fatalf("no fragment for #%s", tt.id)
			}
			if f.Y != tt.wantY || (tt.checkH && f.H != tt.wantH) {
				var buf bytes.Buffer
				Dump(&buf, root)
				t.Errorf("#%s at y=%v h=%v, want y=%v h=%v\n%s", tt.id, f.Y, f.H, tt.wantY, tt.wantH, buf.String())
			}
		})
	}
}

// TestWidths checks CSS 2.1 10.3.3 and 10.4 on a 400px containing block.
func TestWidths(t *testing.T) {
	tests := []struct {
		name         string
		edits        []any
		wantX, wantW float32
	}{
		{"auto fills", nil, 0, 400},
		{"margins shrink auto", []any{margin(0, 30, 0, 20)}, 20, 350},
		{"fixed", []any{width(px(100))}, 0, 100},
		{"centred", []any{width(px(100)), marginAuto()}, 150, 100},
		{"auto left margin", []any{width(px(100)), with(func(s *style.ComputedStyle) { s.Margin[style.Left] = style.AutoLength })}, 300, 100},
		{"over-constrained", []any{width(px(500)), marginAuto()}, 0, 500},
		{"percent", []any{width(pct(25)), padding(5)}, 0, 110},
		{"border-box", []any{width(px(100)), padding(10), border(5), with(func(s *style.ComputedStyle) { s.BoxSizing = style.BorderBox })}, 0, 100},
		{"max-width", []any{with(func(s *style.ComputedStyle) { s.MaxWidth = px(120) }), marginAuto()}, 140, 120},
		{"min-width beats max-width", []any{with(func(s *style.ComputedStyle) { s.MaxWidth, s.MinWidth = px(50), px(80) })}, 0, 80},
		{"percent padding", []any{padding(0), with(func(s *style.ComputedStyle) { s.Padding[style.Left] = pct(10) })}, 0, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree()
			tr.Page(margin(0, 0, 0, 0), tr.E("div", width(px(400)), tr.E("div#x", tt.edits...)))
			root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
			f := find(root, "x")
			if f.X != tt.wantX || f.W != tt.wantW {
				t.Errorf("x=%v w=%v, want x=%v w=%v", f.X, f.W, tt.wantX, tt.wantW)
			}
		})
	}
}

// TestHeights checks CSS 2.1 10.5, 10.6.3 and 10.7.
func TestHeights(t *testing.T) {
	tests := []struct {
		name  string
		html  []any // edits of the html element
		edits []any // edits of div#x, in body
		wantH float32
	}{
		{"auto is content", nil, []any{"one line"}, 18.4},
		{"empty auto is zero", nil, nil, 0},
		{"fixed", nil, []any{height(px(33))}, 33},
		{"percent of auto is auto", nil, []any{height(pct(50)), "text"}, 18.4},
		{"percent of fixed", []any{height(px(300))}, []any{height(pct(50))}, 0}, // body's height is auto
		{"min-height", nil, []any{with(func(s *style.ComputedStyle) { s.MinHeight = px(40) }), "text"}, 40},
		{"max-height", nil, []any{with(func(s *style.ComputedStyle) { s.MaxHeight = px(5) }), "text"}, 5},
		{"border-box", nil, []any{height(px(30)), padding(5), with(func(s *style.ComputedStyle) { s.BoxSizing = style.BorderBox })}, 30},
		{"content-box adds padding", nil, []any{height(px(30)), padding(5)}, 40},
		{"line-height number", nil, []any{with(func(s *style.ComputedStyle) {
			s.LineHeight = style.LineHeight{Kind: style.LineHeightNumber, Value: 2}
		}), "x"}, 32},
		{"line-height px", nil, []any{with(func(s *style.ComputedStyle) {
			s.LineHeight = style.LineHeight{Kind: style.LineHeightPx, Value: 10}
		}), "x"}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree()
			tr.doc.AppendChild(tr.E("html", append(tt.html, tr.E("body", tr.E("div#x", tt.edits...)))...))
			root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
			f := find(root, "x")
			if num(f.H) != num(tt.wantH) {
				t.Errorf("h=%v, want %v", f.H, tt.wantH)
			}
		})
	}
}

func TestPercentHeightOfViewport(t *testing.T) {
	tr := newTree()
	tr.doc.AppendChild(tr.E("html#html", height(pct(100)), tr.E("body#body", height(pct(50)))))
	root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
	if h := find(root, "html").H; h != 600 {
		t.Errorf("html height %v, want 600", h)
	}
	if h := find(root, "body").H; h != 300 {
		t.Errorf("body height %v, want 300", h)
	}
}

// TestLineBreaking checks that lines fill greedily and never exceed the
// available width unless one word is wider.
func TestLineBreaking(t *testing.T) {
	for _, w := range []float32{50, 120, 200, 333, 800} {
		tr := newTree()
		tr.Page(tr.E("div#x", width(px(w)), lorem+" Supercalifragilisticexpialidocious."))
		root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 1000, 600)
		div := find(root, "x")
		lines := all(div, KindLine)
		if len(lines) == 0 {
			t.Fatalf("width %v: no lines", w)
		}
		var words []string
		for i, l := range lines {
			var right float32
			var s strings.Builder
			for _, tf := range all(l, KindText) {
				right = max(right, tf.X+tf.W)
				s.WriteString(tf.Text.Text)
			}
			content := strings.TrimRight(s.String(), " ")
			if n := len(strings.Fields(content)); right-div.X > w+0.01 && n > 1 {
				t.Errorf("width %v: line %d %q overflows (%v) with %d words", w, i, content, right-div.X, n)
			}
			words = append(words, strings.Fields(content)...)
			if i > 0 && l.Y != lines[i-1].Y+lines[i-1].H {
				t.Errorf("width %v: line %d not stacked under the previous one", w, i)
			}
		}
		if got := strings.Join(words, " "); got != lorem+" Supercalifragilisticexpialidocious." {
			t.Errorf("width %v: text came out as %q", w, got)
		}
	}
}

// TestGlyphPositions checks that glyphs sit on the line's baseline and
// advance left to right inside their fragment.
func TestGlyphPositions(t *testing.T) {
	tr := newTree()
	tr.Page(tr.E("p", "Hello, world"))
	root := Layout(tr.doc, tr.styles(), nil, text.Bundled(), 800, 600)
	line := all(root, KindLine)[0]
	tf := all(root, KindText)[0]
	if tf.Text.Baseline != line.Baseline {
		t.Errorf("text baseline %v, line baseline %v", tf.Text.Baseline, line.Baseline)
	}
	if len(tf.Text.Glyphs) != len("Hello, world") {
		t.Fatalf("%d glyphs", len(tf.Text.Glyphs))
	}
	prev := tf.X - 1
	for _, g := range tf.Text.Glyphs {
		if g.Y != line.Baseline || g.X <= prev || g.X >= tf.X+tf.W {
			t.Errorf("glyph at %v,%v out of place (fragment %v..%v, baseline %v)", g.X, g.Y, tf.X, tf.X+tf.W, line.Baseline)
		}
		prev = g.X
	}
}

func TestNoDocument(t *testing.T) {
	root := Layout(newTree().doc, styles{}, nil, text.Bundled(), 640, 480)
	if root.Kind != KindViewport || root.W != 640 || root.H != 480 || len(root.Children) != 0 {
		t.Errorf("empty document laid out as %+v", root)
	}
}

// TestConcurrentLayout lays out one document from several goroutines; run
// with -race.
func TestConcurrentLayout(t *testing.T) {
	tr := article(300)
	st := tr.styles()
	var want bytes.Buffer
	Dump(&want, Layout(tr.doc, st, nil, nil, 700, 500))
	done := make(chan string)
	for range 4 {
		go func() {
			var got bytes.Buffer
			Dump(&got, Layout(tr.doc, st, nil, text.Bundled(), 700, 500))
			done <- got.String()
		}()
	}
	for range 4 {
		if got := <-done; got != want.String() {
			t.Error("concurrent layouts differ")
		}
	}
}

// TestImageSizes checks replaced sizing (CSS 2.1 10.3.2, 10.6.2) of a
// 100x50 image in a 60px wide block.
func TestImageSizes(t *testing.T) {
	maxW := func(l style.Length) func(*style.ComputedStyle) {
		return func(s *style.ComputedStyle) { s.MaxWidth = l }
	}
	tests := []struct {
		name         string
		w, h         int // image size; -1: missing
		edits        []any
		wantW, wantH float32 // border box
	}{
		{"natural", 100, 50, nil, 100, 50},
		{"width keeps ratio", 100, 50, []any{width(px(50))}, 50, 25},
		{"height keeps ratio", 100, 50, []any{height(px(10))}, 20, 10},
		{"both", 100, 50, []any{width(px(10)), height(px(10))}, 10, 10},
		{"max-width keeps ratio", 100, 50, []any{maxW(px(40))}, 40, 20},
		{"max-width percent", 100, 50, []any{maxW(pct(50))}, 30, 15},
		{"percent width", 100, 50, []any{width(pct(100))}, 60, 30},
		{"padding adds", 100, 50, []any{width(px(10)), padding(2)}, 14, 9},
		{"border-box", 100, 50, []any{width(px(10)), padding(2), with(func(s *style.ComputedStyle) { s.BoxSizing = style.BorderBox })}, 10, 7}, // content 6x3
		{"missing", -1, -1, nil, 0, 0},
		{"missing with size", -1, -1, []any{width(px(20)), height(px(30))}, 20, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree()
			tr.Page(tr.E("div", width(px(60)), tr.Img(tt.w, tt.h, append([]any{attr{"id", "x"}}, tt.edits...)...)))
			root := Layout(tr.doc, tr.styles(), tr.images, nil, 800, 600)
			f := find(root, "x")
			if f == nil || f.Kind != KindImage {
				t.Fatalf("no image fragment")
			}
			if f.W != tt.wantW || f.H != tt.wantH {
				t.Errorf("%vx%v, want %vx%v", f.W, f.H, tt.wantW, tt.wantH)
			}
		})
	}
}

// TestShrinkToFit checks inline-block widths (CSS 2.1 10.3.9).
func TestShrinkToFit(t *testing.T) {
	ib := display(style.DisplayInlineBlock)
	tests := []struct {
		name  string
		kids  []any // as for E, or func(*tree) any making an element
		check func(w float32) bool
	}{
		{"short text is max-content", []any{"ab"}, func(w float32) bool { return w > 10 && w < 20 }},
		{"long text is the available width", []any{lorem}, func(w float32) bool { return w == 200 }},
		{"fixed width wins", []any{width(px(50)), lorem}, func(w float32) bool { return w == 50 }},
		{"widest block child", []any{func(tr *tree) any { return tr.E("div", width(px(120))) }, func(tr *tree) any { return tr.E("div", width(px(80))) }},
			func(w float32) bool { return w == 120 }},
		{"unbreakable word overflows", []any{"Supercalifragilisticexpialidocious"}, func(w float32) bool { return w > 200 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := newTree()
			kids := []any{ib, attr{"id", "x"}}
			for _, k := range tt.kids {
				if f, ok := k.(func(*tree) any); ok {
					k = f(tr)
				}
				kids = append(kids, k)
			}
			tr.Page(tr.E("div", width(px(200)), tr.E("span", kids...)))
			root := Layout(tr.doc, tr.styles(), nil, nil, 800, 600)
			if f := find(root, "x"); !tt.check(f.W) {
				t.Errorf("width %v", f.W)
			}
		})
	}
}

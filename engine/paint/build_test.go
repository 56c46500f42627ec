package paint

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"testing"

	"glassbox/engine/dom"
	"glassbox/engine/layout"
	"glassbox/engine/style"
	"glassbox/engine/text"
)

var (
	red   = color.NRGBA{R: 255, A: 255}
	green = color.NRGBA{G: 255, A: 255}
	blue  = color.NRGBA{B: 255, A: 255}
	black = color.NRGBA{A: 255}
	white = color.NRGBA{R: 255, G: 255, B: 255, A: 255}
)

var doc = dom.NewDocument()

// frag makes a fragment of an element with the given tag and background.
func frag(kind layout.Kind, tag string, bg color.NRGBA, x, y, w, h float32, kids ...*layout.Fragment) *layout.Fragment {
	f := &layout.Fragment{Kind: kind, X: x, Y: y, W: w, H: h, Children: kids,
		Style: &style.ComputedStyle{BackgroundColor: bg}}
	if tag != "" {
		f.Node = doc.CreateElement(tag)
	}
	return f
}

func viewport(kids ...*layout.Fragment) *layout.Fragment {
	return &layout.Fragment{Kind: layout.KindViewport, W: 800, H: 600, Children: kids}
}

func textFrag(s string, x, y float32, deco style.TextDecorationLine) *layout.Fragment {
	f := text.Bundled().Match(nil, 400, style.FontNormal)
	run := &layout.TextRun{Text: s, Font: f, Size: 16, Color: black, Baseline: y + 14,
		Decoration: deco, DecorationColor: black}
	for i := range s {
		run.Glyphs = append(run.Glyphs, layout.Glyph{ID: 1, X: x + float32(i)*8, Y: y + 14})
	}
	return &layout.Fragment{Kind: layout.KindText, X: x, Y: y, W: float32(len(s)) * 8, H: 18, Text: run,
		Style: &style.ComputedStyle{Color: black}}
}

func line(x, y, w, h float32, kids ...*layout.Fragment) *layout.Fragment {
	return &layout.Fragment{Kind: layout.KindLine, X: x, Y: y, W: w, H: h, Children: kids, Style: &style.ComputedStyle{}}
}

// describe renders the items in a compact form for comparison.
func describe(dl *DisplayList) string {
	var out []string
	for _, it := range dl.Items {
		switch it := it.(type) {
		case *FillRect:
			out = append(out, fmt.Sprintf("fill %v,%v %vx%v %s", it.Rect.X, it.Rect.Y, it.Rect.W, it.Rect.H, name(it.Color)))
		case *Border:
			out = append(out, fmt.Sprintf("border %v,%v %vx%v %v %v", it.Rect.X, it.Rect.Y, it.Rect.W, it.Rect.H, it.Widths, it.Styles))
		case *GlyphRun:
			out = append(out, fmt.Sprintf("glyphs %d at %v,%v", len(it.Glyphs), it.Glyphs[0].X, it.Glyphs[0].Y))
		case *Image:
			out = append(out, fmt.Sprintf("image %v,%v %vx%v", it.Rect.X, it.Rect.Y, it.Rect.W, it.Rect.H))
		case *PushClip:
			out = append(out, fmt.Sprintf("clip %v,%v %vx%v", it.Rect.X, it.Rect.Y, it.Rect.W, it.Rect.H))
		case *PopClip:
			out = append(out, "pop")
		}
	}
	return strings.Join(out, "\n")
}

func name(c color.NRGBA) string {
	switch c {
	case red:
		return "red"
	case green:
		return "green"
	case blue:
		return "blue"
	case black:
		return "black"
	case white:
		return "white"
	}
	return fmt.Sprint(c)
}

func TestBuild(t *testing.T) {
	none := color.NRGBA{}
	tests := []struct {
		name       string
		root       *layout.Fragment
		background color.NRGBA
		w, h       float32
		items      string
	}{
		{"nil", nil, white, 0, 0, ""},
		{"root background goes to the canvas", viewport(
			frag(layout.KindBlock, "html", red, 0, 0, 800, 100,
				frag(layout.KindBlock, "body", green, 8, 8, 784, 84))),
			red, 800, 600, "fill 8,8 784x84 green"},
		{"else body's", viewport(
			frag(layout.KindBlock, "html", none, 0, 0, 800, 100,
				frag(layout.KindBlock, "body", green, 8, 8, 784, 84,
					frag(layout.KindBlock, "div", blue, 8, 8, 10, 10)))),
			green, 800, 600, "fill 8,8 10x10 blue"},
		{"body's through the anonymous boxes of a table root", viewport(
			frag(layout.KindBlock, "html", none, 0, 0, 800, 100,
				frag(layout.KindAnonymousBlock, "", none, 0, 0, 0, 0,
					frag(layout.KindAnonymousBlock, "", none, 0, 0, 0, 0,
						frag(layout.KindBlock, "body", green, 8, 8, 784, 84,
							frag(layout.KindBlock, "div", blue, 8, 8, 10, 10)))))),
			green, 800, 600, "fill 8,8 10x10 blue"},
		{"extent grows past the viewport", viewport(
			frag(layout.KindBlock, "html", none, 0, 0, 900, 2000)),
			white, 900, 2000, ""},
		{"blocks before inline content", viewport(
			frag(layout.KindBlock, "html", none, 0, 0, 800, 100,
				frag(layout.KindBlock, "p", none, 0, 0, 800, 18, line(0, 0, 800, 18, textFrag("hi", 0, 0, 0))),
				frag(layout.KindBlock, "p", blue, 0, 18, 800, 18))),
			white, 800, 600, "fill 0,18 800x18 blue\nglyphs 2 at 0,14"},
		{"decorations around the text", viewport(
			frag(layout.KindBlock, "html", none, 0, 0, 800, 100,
				frag(layout.KindBlock, "p", none, 0, 0, 800, 18,
					line(0, 0, 800, 18, textFrag("ab", 0, 0, style.DecorationUnderline|style.DecorationLineThrough))))),
			white, 800, 600, "fill 0,15 16x1 black\nglyphs 2 at 0,14\nfill 0,11 16x1 black"}, // edges snapped to pixels
		{"inline boxes and inline-blocks in line order", viewport(
			frag(layout.KindBlock, "html", none, 0, 0, 800, 100,
				frag(layout.KindBlock, "div", none, 0, 0, 800, 40,
					line(0, 0, 800, 40,
						frag(layout.KindInline, "span", red, 0, 0, 20, 18, textFrag("a", 0, 0, 0)),
						frag(layout.KindInlineBlock, "span", green, 20, 0, 40, 40,
							frag(layout.KindBlock, "div", blue, 20, 0, 40, 20)))),
				frag(layout.KindBlock, "div", blue, 0, 40, 800, 10))),
			white, 800, 600, "fill 0,40 800x10 blue\nfill 0,0 20x18 red\nglyphs 1 at 0,14\nfill 20,0 40x40 green\nfill 20,0 40x20 blue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl := Build(tt.root)
			if dl.Background != tt.background {
				t.Errorf("background %s, want %s", name(dl.Background), name(tt.background))
			}
			if dl.Width != tt.w || dl.Height != tt.h {
				t.Errorf("size %vx%v, want %vx%v", dl.Width, dl.Height, tt.w, tt.h)
			}
			if got := describe(dl); got != tt.items {
				t.Errorf("items:\n%s\nwant:\n%s", got, tt.items)
			}
		})
	}
}

func TestBorders(t *testing.T) {
	f := frag(layout.KindBlock, "div", none(), 10, 10, 100, 50)
	f.Border = [4]float32{1, 2, 3, 4}
	f.Style.BorderStyle = [4]style.BorderStyle{style.BorderSolid, style.BorderDashed, style.BorderGroove, style.BorderNone}
	f.Style.BorderColor = [4]color.NRGBA{red, green, blue, black}
	dl := Build(viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100, f)))
	if len(dl.Items) != 1 {
		t.Fatalf("%d items, want 1 border", len(dl.Items))
	}
	b := dl.Items[0].(*Border)
	want := Border{Rect: Rect{10, 10, 100, 50}, Widths: [4]float32{1, 2, 3, 0},
		Styles: [4]BorderStyle{BorderSolid, BorderDashed, BorderSolid, BorderSolid}, Colors: f.Style.BorderColor}
	if *b != want {
		t.Errorf("got %+v\nwant %+v", *b, want)
	}
}

func TestImages(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	f := frag(layout.KindImage, "img", none(), 10, 10, 30, 30)
	f.Image = img
	f.Border = [4]float32{5, 5, 5, 5}
	f.Style.BorderStyle = [4]style.BorderStyle{style.BorderSolid, style.BorderSolid, style.BorderSolid, style.BorderSolid}
	missing := frag(layout.KindImage, "img", none(), 40, 10, 20, 20)
	dl := Build(viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
		frag(layout.KindBlock, "div", none(), 0, 0, 800, 40, line(0, 0, 800, 40, f, missing)))))
	if got, want := describe(dl), "border 10,10 30x30 [5 5 5 5] [0 0 0 0]\nimage 15,15 20x20"; got != want {
		t.Errorf("items:\n%s\nwant:\n%s", got, want)
	}
}

func none() color.NRGBA { return color.NRGBA{} }

// TestEndToEnd paints a laid-out page.
func TestEndToEnd(t *testing.T) {
	d := dom.NewDocument()
	html, body, p := d.CreateElement("html"), d.CreateElement("body"), d.CreateElement("p")
	d.AppendChild(html)
	html.AppendChild(body)
	body.AppendChild(p)
	p.AppendChild(d.CreateTextNode("Hello"))
	block := func(bg color.NRGBA) *style.ComputedStyle {
		return &style.ComputedStyle{Display: style.DisplayBlock, Color: black, BackgroundColor: bg, FontSize: 16, FontWeight: 400,
			Width: style.AutoLength, Height: style.AutoLength, MaxWidth: style.NoneLength, MaxHeight: style.NoneLength}
	}
	styles := mapStyles{html: block(none()), body: block(blue), p: block(red)}
	dl := Build(layout.Layout(d, styles, nil, text.Bundled(), 800, 600))
	if dl.Background != blue {
		t.Errorf("canvas %s, want body's blue", name(dl.Background))
	}
	if got, want := describe(dl), "fill 0,0 800x18 red\nglyphs 5 at 0,15"; got != want {
		t.Errorf("items:\n%s\nwant:\n%s", got, want)
	}
}

type mapStyles map[*dom.Node]*style.ComputedStyle

func (m mapStyles) Of(n *dom.Node) *style.ComputedStyle {
	if n.Type == dom.TextNode {
		return m[n.Parent]
	}
	return m[n]
}

func TestUniformColor(t *testing.T) {
	flat := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	draw.Draw(flat, flat.Bounds(), image.NewUniform(color.NRGBA{255, 165, 0, 255}), image.Point{}, draw.Src)
	mixed := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	draw.Draw(mixed, mixed.Bounds(), flat, image.Point{}, draw.Src)
	mixed.Set(3, 3, color.NRGBA{0, 0, 255, 255})
	transparent := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	tests := []struct {
		name string
		img  image.Image
		ok   bool
	}{
		{"flat", flat, true},
		{"one pixel differs", mixed, false},
		{"transparent", transparent, false},
		{"empty", image.NewNRGBA(image.Rectangle{}), false},
	}
	for _, tt := range tests {
		c, ok := uniformColor(tt.img)
		if ok != tt.ok || ok && c != (color.NRGBA{255, 165, 0, 255}) {
			t.Errorf("%s: %v %v, want ok=%v", tt.name, c, ok, tt.ok)
		}
	}
}

// TestStackingOrder checks Appendix E's order: negative z-index contexts,
// in-flow blocks, floats, positioned boxes with z-index auto or 0 in tree
// order, then positive z-index; overflow clipping; visibility.
func TestStackingOrder(t *testing.T) {
	with := func(f *layout.Fragment, set func(*style.ComputedStyle)) *layout.Fragment {
		f.Style.ZIndexAuto = true
		set(f.Style)
		return f
	}
	pos := func(z int32, auto bool) func(*style.ComputedStyle) {
		return func(s *style.ComputedStyle) {
			s.Position, s.ZIndex, s.ZIndexAuto = style.PositionAbsolute, z, auto
		}
	}
	tests := []struct {
		name string
		root *layout.Fragment
		want string
	}{
		{"z order", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", black, 0, 0, 10, 10), pos(2, false)),
			with(frag(layout.KindBlock, "div", red, 0, 0, 10, 10), pos(-1, false)),
			with(frag(layout.KindBlock, "div", green, 0, 0, 10, 10), func(s *style.ComputedStyle) { s.Float = style.FloatLeft }),
			with(frag(layout.KindBlock, "div", blue, 0, 0, 10, 10), pos(0, true)),
			frag(layout.KindBlock, "div", white, 0, 0, 10, 10),
		)), "fill 0,0 10x10 red\nfill 0,0 10x10 white\nfill 0,0 10x10 green\nfill 0,0 10x10 blue\nfill 0,0 10x10 black"},
		{"z-index auto lets descendants join the parent context", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", blue, 0, 0, 10, 10,
				with(frag(layout.KindBlock, "div", red, 0, 0, 5, 5), pos(-1, false))), pos(0, true)),
		)), "fill 0,0 5x5 red\nfill 0,0 10x10 blue"},
		{"a context keeps its descendants", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", blue, 0, 0, 10, 10,
				with(frag(layout.KindBlock, "div", red, 0, 0, 5, 5), pos(-1, false))), pos(1, false)),
		)), "fill 0,0 10x10 blue\nfill 0,0 5x5 red"},
		{"overflow clips children", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", blue, 0, 0, 10, 10,
				frag(layout.KindBlock, "div", red, 0, 0, 50, 50)), func(s *style.ComputedStyle) {
				s.OverflowX, s.OverflowY = style.OverflowHidden, style.OverflowHidden
			}),
		)), "fill 0,0 10x10 blue\nclip 0,0 10x10\nfill 0,0 50x50 red\npop"},
		{"outlines last, outside the border box", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", blue, 10, 10, 10, 10), func(s *style.ComputedStyle) {
				s.OutlineStyle, s.OutlineWidth, s.OutlineColor = style.BorderSolid, 2, red
			}),
			frag(layout.KindBlock, "div", green, 30, 10, 10, 10),
		)), "fill 10,10 10x10 blue\nfill 30,10 10x10 green\nborder 8,8 14x14 [2 2 2 2] [0 0 0 0]"},
		{"clip rect on an absolute box", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", blue, 10, 10, 50, 50), func(s *style.ComputedStyle) {
				s.Position, s.ClipSet = style.PositionAbsolute, true
				s.Clip = [4]style.Length{style.PxLength(5), style.AutoLength, style.PxLength(20), style.PxLength(5)}
			}),
		)), "clip 15,15 45x15\nfill 10,10 50x50 blue\npop"},
		{"hidden paints nothing of its own", viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100,
			with(frag(layout.KindBlock, "div", blue, 0, 0, 10, 10,
				frag(layout.KindBlock, "div", red, 0, 0, 5, 5)), func(s *style.ComputedStyle) { s.Visibility = style.VisibilityHidden }),
		)), "fill 0,0 5x5 red"},
	}
	for _, tt := range tests {
		if got := describe(Build(tt.root)); got != tt.want {
			t.Errorf("%s: items:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

func TestBackgroundImage(t *testing.T) {
	flat := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	draw.Draw(flat, flat.Bounds(), image.NewUniform(red), image.Point{}, draw.Src)
	checker := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	checker.Set(0, 0, blue)
	pos := func(x, y float32) [2]style.Length {
		return [2]style.Length{{Value: x, Unit: style.Percent}, {Value: y, Unit: style.Percent}}
	}
	tests := []struct {
		name   string
		img    image.Image
		repeat style.BackgroundRepeat
		pos    [2]style.Length
		want   string
	}{
		{"one colour repeated is one fill", flat, style.RepeatBoth, pos(0, 0), "fill 0,0 100x50 red"},
		{"repeat-x is a band", flat, style.RepeatX, pos(0, 100), "fill 0,40 100x10 red"},
		{"no-repeat centred", checker, style.RepeatNone, pos(50, 50), "clip 0,0 100x50\nimage 45,20 10x10\npop"},
		{"repeat-y tiles", checker, style.RepeatY, pos(100, 0), "clip 0,0 100x50\nimage 90,0 10x10\nimage 90,10 10x10\nimage 90,20 10x10\nimage 90,30 10x10\nimage 90,40 10x10\npop"},
	}
	for _, tt := range tests {
		f := frag(layout.KindBlock, "div", none(), 0, 0, 100, 50)
		f.Background = tt.img
		f.Style.BackgroundRepeat, f.Style.BackgroundPosition = tt.repeat, tt.pos
		root := viewport(frag(layout.KindBlock, "html", none(), 0, 0, 800, 100, f))
		if got := describe(Build(root)); got != tt.want {
			t.Errorf("%s: items:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

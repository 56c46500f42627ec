package paint_test

import (
	"fmt"
	"image/color"

	"glassbox/engine/dom"
	"glassbox/engine/layout"
	"glassbox/engine/paint"
	"glassbox/engine/style"
)

// styleMap stands in for the cascade.
type styleMap map[*dom.Node]*style.ComputedStyle

func (m styleMap) Of(n *dom.Node) *style.ComputedStyle {
	if n.Type == dom.TextNode {
		n = n.Parent
	}
	return m[n]
}

func ExampleBuild() {
	doc := dom.NewDocument()
	html, body := doc.CreateElement("html"), doc.CreateElement("body")
	doc.AppendChild(html)
	html.AppendChild(body)
	body.AppendChild(doc.CreateTextNode("Hi"))

	block := func(bg color.NRGBA) *style.ComputedStyle {
		return &style.ComputedStyle{Display: style.DisplayBlock, FontSize: 16, FontWeight: 400,
			Color: color.NRGBA{A: 255}, BackgroundColor: bg,
			Width: style.AutoLength, Height: style.AutoLength, MaxWidth: style.NoneLength, MaxHeight: style.NoneLength}
	}
	styles := styleMap{html: block(color.NRGBA{}), body: block(color.NRGBA{R: 200, G: 220, B: 255, A: 255})}

	dl := paint.Build(layout.Layout(doc, styles, nil, nil, 320, 240))
	fmt.Println("canvas:", dl.Background, "size:", dl.Width, dl.Height)
	for _, it := range dl.Items {
		fmt.Printf("%T %+v\n", it, it.Bounds())
	}
	// Output:
	// canvas: {200 220 255 255} size: 320 240
	// *paint.GlyphRun {X:0 Y:0 W:16 H:18.398438}
}

package layout

import (
	"os"

	"glassbox/engine/style"
	"glassbox/engine/text"
)

func ExampleDump() {
	// The tests' helpers stand in for the HTML parser and the cascade.
	t := newTree()
	italic := func(s *style.ComputedStyle) { s.FontStyle = style.FontItalic }
	t.Page(t.E("p#intro.lead", "Hello, ", t.E("em", italic, "world")))

	root := Layout(t.doc, t.styles(), nil, text.Bundled(), 800, 600)
	Dump(os.Stdout, root)
	// Output:
	// viewport - 0,0 800x600
	//   block html 0,0 800x50.4
	//     block body 8,16 784x18.4
	//       block p#intro.lead 8,16 784x18.4
	//         line - 8,16 784x18.4
	//           text #text "Hello, " 8,16.34 43.55x17.72
	//           inline em 51.55,16.34 37.34x17.72
	//             text #text "world" 51.55,16.34 37.34x17.72
}

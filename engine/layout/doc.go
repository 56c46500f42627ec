// Package layout computes where every box of a styled document goes: it
// builds a box tree from the DOM and the computed styles, lays it out in
// a viewport, and returns a tree of fragments with absolute positions,
// which paint turns into a display list.
//
//	// doc holds <p id=intro class=lead>Hello, <em>world</em></p>
//	root := layout.Layout(doc, styles, images, text.Bundled(), 800, 600)
//	layout.Dump(os.Stdout, root) // format: docs/layout-dump.md
//	// viewport - 0,0 800x600
//	//   block html 0,0 800x50.4
//	//     block body 8,16 784x18.4
//	//       block p#intro.lead 8,16 784x18.4
//	//         line - 8,16 784x18.4
//	//           text #text "Hello, " 8,16.34 43.55x17.72
//	//           inline em 51.55,16.34 37.34x17.72
//	//             text #text "world" 51.55,16.34 37.34x17.72
//
// # What is laid out
//
// The box tree follows CSS 2.1 chapter 9: display: none generates
// nothing, display: contents hands its children to its parent, inline
// content beside blocks is wrapped in anonymous blocks, and an inline box
// containing a block is split around it. Block formatting (CSS 2.1 10.3.3
// and 10.6.3) resolves widths with auto margins, over-constrained boxes,
// min/max-width and -height, box-sizing and percentages, and collapses
// vertical margins: between siblings, between a parent and its first or
// last child, and through empty blocks. Inline formatting breaks text into
// lines greedily at the opportunities of Unicode UAX #14, after CSS
// white-space processing; line boxes are as tall as their strut, inline
// boxes and atomic inlines need, all aligned on the baseline (CSS 2.1
// 10.8); text-align left, right, center and justify apply. Inline-blocks
// are laid out as blocks with shrink-to-fit widths, img elements as
// replaced boxes sized by CSS, their width and height attributes and the
// image, keeping its aspect ratio. List items get a bullet or number
// outside their box. vertical-align takes every CSS 2.1 value; text-indent,
// letter-spacing, word-spacing and text-transform apply.
//
// Floats (float.go, CSS 2.1 9.5) are placed by the rules of 9.5.1 in the
// block formatting context they are in, whose floats shorten line boxes,
// push cleared boxes down (clearance) and push boxes that establish
// formatting contexts of their own aside; those contain their floats.
// Positioned boxes (positioned.go): relative offsets move a box after
// layout; absolutely positioned and fixed boxes are out of the flow,
// leaving a fragment at their static position, and are laid out once the
// rest of the tree is, in the padding box of their containing block
// (10.3.7, 10.6.4). ::before and ::after generate boxes with their content
// (generated.go: strings, attr(), counters and quotes), and ::first-letter
// wraps the first letter of a block.
//
// Flex containers (flex.go) lay out their items by CSS Flexbox 1 section
// 9: flex base sizes and hypothetical main sizes, automatic minimum sizes,
// lines, flexible lengths with min and max violations, cross sizes with
// stretch and baselines, auto margins, justify-content, align-items,
// align-self, align-content, gaps, order and reversed directions. Grid
// containers (grid.go) place their items by line numbers, names, spans,
// named areas and the auto-placement algorithm, and size fixed, fr,
// minmax() and intrinsic tracks (repeat() with auto-fill included) by CSS
// Grid 1 section 11, simplified where items span several intrinsic
// tracks. Flex and grid items are painted whole, as inline-blocks
// (Fragment.Atomic).
//
// Tables (table.go, CSS 2.1 17) get anonymous table objects where boxes
// are missing, a slot grid from colspan and rowspan, column widths by the
// automatic or fixed layout, row heights and vertical-align in cells,
// border-spacing, captions and the collapsing borders model
// (collapse.go); see table.go for what is not done.
//
// Not yet: bidirectional text, ::first-line, sticky positioning and
// writing modes.
//
// # Coordinates
//
// Fragment positions are border boxes in CSS px, in document coordinates.
// Layout computes them relative to the parent fragment, because a parent's
// position is only known once its children's margins have collapsed, and
// converts them to absolute positions once, at the end.
//
// # Concurrency and speed
//
// Layout keeps no state between calls apart from the shaping cache of the
// font collection, and may run in several goroutines at once. It is
// linear in the size of the document: intrinsic widths are cached per
// box, words are shaped once per font (text.Shaper), and fragments and
// glyphs are allocated in slabs.
package layout

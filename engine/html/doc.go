// Package html turns HTML bytes into the browser's document tree and back.
//
// Parsing is done by golang.org/x/net/html, which implements the HTML
// standard's tokenizer and tree builder (implied html/head/body elements,
// misnested tags, foster parenting, foreign SVG and MathML content). This
// package converts the tree it builds into glassbox/engine/dom nodes, so
// that the rest of the engine depends on one DOM only.
//
// Serialize goes the other way, following the HTML standard's fragment
// serialization algorithm; it is what outerHTML and innerHTML will use.
//
// Input bytes are decoded to UTF-8 before parsing: ParseWithCharset
// determines the encoding from a byte order mark, the Content-Type charset
// and a <meta charset> prescan, as browsers do.
package html

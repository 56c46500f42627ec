// Package engine is the rendering engine: the stages that turn a page's
// bytes into display lists, each in its own subpackage and each knowing
// nothing of the stages after it:
//
//	html    bytes -> DOM (golang.org/x/net/html's tree builder)
//	dom     the node tree
//	css     stylesheet parsing (tdewolff/parse/v2/css) and selectors
//	style   cascade, inheritance, computed values
//	text    fonts, shaping and line-break opportunities (go-text)
//	layout  box tree -> fragment tree with absolute geometry
//	paint   fragments -> display lists
//	page    the page's frame lifecycle, which runs the stages in order
package engine

// Package css parses CSS style sheets and matches selectors against the
// DOM.
//
// Parsing follows CSS Syntax Level 3. Tokens come from the tdewolff lexer;
// this package groups them into component values (a function or block
// holds the tokens inside it) and then into rules and declarations. The
// grammar is forgiving by design, as CSS requires of browsers:
//
//   - Parse never fails. A rule whose selector does not parse is dropped
//     whole; a declaration that does not parse is dropped up to the next
//     semicolon; an unclosed block or string is closed at end of input.
//   - A selector that uses a pseudo-class or pseudo-element this package
//     does not know is invalid, and so is every selector in its list.
//     (Dynamic states such as :hover are known; they just never match.)
//   - Declaration values are kept as component values. Whether a value is
//     valid for its property is the cascade's question (package style),
//     since only it knows the properties.
//
// A typical use:
//
//	sheet := css.Parse(`@media (max-width: 600px) { nav { display: none } }`)
//	for _, r := range sheet.Rules {
//		if !r.MediaMatches(css.MediaEnv{Width: 400, Height: 800}) {
//			continue
//		}
//		for _, sel := range r.Selectors {
//			if sel.Matches(el) { ... }
//		}
//	}
//
// @media blocks are flattened: their rules join the sheet's rule list in
// source order, each carrying the media conditions around it. @import
// rules are recorded in Stylesheet.Imports for the loader to fetch.
// @charset is ignored, and other at-rules (@font-face, @keyframes,
// @supports, @layer blocks, ...) are skipped whole for now.
//
// Selectors match right to left. Type selectors and attribute names match
// HTML elements case-insensitively; classes and ids match exactly.
package css

// Package style runs the CSS cascade over a document and computes the
// style of every element, the ComputedStyle that layout reads.
//
// Compute takes the document, its style sheets in cascade order and the
// viewport size:
//
//	ua := css.Parse(assets.UAStyleSheet())
//	styles := style.Compute(doc, []style.Sheet{
//		{Sheet: ua, Origin: style.UserAgent},
//		{Sheet: css.Parse(pageCSS), Origin: style.Author},
//	}, style.Viewport{Width: 1024, Height: 768})
//	cs := styles.Of(el)
//
// # The cascade
//
// For each property of an element, the winning declaration is the one
// that ranks highest by, in order:
//
//  1. origin and importance: user-agent !important, then author
//     !important (a style attribute's before a rule's), then author
//     normal (a style attribute's before a rule's), then the HTML
//     presentational attributes (bgcolor, width, <font color>...), then
//     user-agent normal;
//  2. specificity of the selector;
//  3. order of appearance, later winning.
//
// Rules are filed under the id, class or tag of their rightmost compound
// selector, so an element is only tested against the rules that could
// match it. @media conditions are decided once, against the viewport,
// when that index is built.
//
// # Values
//
// Declarations are checked when compiled: a value that is invalid for its
// property is dropped, so an earlier declaration shows through, as CSS
// requires. Shorthands (margin, border, font, background, list-style,
// text-decoration...) are expanded into longhands there. Math functions
// (calc(), min(), max(), clamp()) are parsed and type-checked there too
// (calc.go). A value that uses var() is kept as tokens and parsed once the
// element's custom properties are known, at computed-value time (vars.go).
//
// Computed values then follow css-cascade: inherited properties (color,
// the font properties, line-height, text-align, white-space,
// list-style-type, visibility) take the parent's value when nothing is
// specified; inherit, initial and unset work on every property. Lengths
// are converted to px: em against the element's font size (the parent's,
// for font-size itself), rem against the root's, vw and vh against the
// viewport, ex and ch as half an em. Percentages stay percentages except
// in font-size and line-height, which resolve them. currentColor resolves
// to the element's color.
//
// Two computed values are worth a note. The root element's display is
// blockified. TextDecoration holds every decoration line in effect on the
// element's text: its own and those propagated from ancestors (except
// across inline-blocks), so a painter need look no further than the
// text's own element.
package style

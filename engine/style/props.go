package style

import (
	"image/color"
	"math"
	"slices"
	"strings"

	"glassbox/engine/css"
)

// propID names a longhand property the engine computes. Shorthands are
// expanded into these when declarations are compiled, so the cascade only
// ever sees longhands.
//
// The order matters: properties are computed in it, and some read others
// of the same element. font-size comes first (em lengths read it), color
// before anything that may say currentColor, border styles before widths.
type propID uint8

const (
	propFontSize propID = iota
	propColor
	propFontFamily
	propFontWeight
	propFontStyle
	propLineHeight
	propDisplay
	propBoxSizing
	propMarginTop
	propMarginRight
	propMarginBottom
	propMarginLeft
	propPaddingTop
	propPaddingRight
	propPaddingBottom
	propPaddingLeft
	propBorderTopStyle
	propBorderRightStyle
	propBorderBottomStyle
	propBorderLeftStyle
	propBorderTopWidth
	propBorderRightWidth
	propBorderBottomWidth
	propBorderLeftWidth
	propBorderTopColor
	propBorderRightColor
	propBorderBottomColor
	propBorderLeftColor
	propWidth
	propHeight
	propMinWidth
	propMinHeight
	propMaxWidth
	propMaxHeight
	propBackgroundColor
	propTextAlign
	propWhiteSpace
	propTextDecorationLine
	propListStyleType
	propVisibility
	propFloat
	propClear
	propPosition
	propTop
	propRight
	propBottom
	propLeft
	propZIndex
	propOverflowX
	propOverflowY
	propVerticalAlign
	propBackgroundImage
	propBackgroundRepeat
	propBackgroundPositionX
	propBackgroundPositionY
	propContent
	propCounterReset
	propCounterIncrement
	propQuotes
	propOutlineStyle
	propOutlineWidth
	propOutlineColor
	propClip
	propTextIndent
	propTextTransform
	propLetterSpacing
	propWordSpacing
	// Tables (CSS 2.1 17): border-spacing is a shorthand of the two.
	propBorderSpacingH
	propBorderSpacingV
	propBorderCollapse
	propTableLayout
	propCaptionSide
	// Flexbox and box alignment: parsed and computed in flexprops.go.
	propFlexDirection
	propFlexWrap
	propOrder
	propFlexGrow
	propFlexShrink
	propFlexBasis
	propJustifyContent
	propAlignItems
	propAlignSelf
	propAlignContent
	propRowGap
	propColumnGap
	// Grid: parsed and computed in gridprops.go.
	propGridTemplateColumns
	propGridTemplateRows
	propGridTemplateAreas
	propGridAutoColumns
	propGridAutoRows
	propGridAutoFlow
	propGridRowStart
	propGridRowEnd
	propGridColumnStart
	propGridColumnEnd
	propJustifyItems
	propJustifySelf
	numProps
)

// inherited marks the inherited properties.
var inherited = [numProps]bool{
	propFontSize: true, propColor: true, propFontFamily: true, propFontWeight: true,
	propFontStyle: true, propLineHeight: true, propTextAlign: true, propWhiteSpace: true,
	propListStyleType: true, propVisibility: true, propQuotes: true,
	propTextIndent: true, propTextTransform: true, propLetterSpacing: true, propWordSpacing: true,
	propBorderSpacingH: true, propBorderSpacingV: true, propBorderCollapse: true, propCaptionSide: true,
}

// longhands maps property names to their IDs.
var longhands = map[string]propID{
	"font-size": propFontSize, "color": propColor, "font-family": propFontFamily,
	"font-weight": propFontWeight, "font-style": propFontStyle, "line-height": propLineHeight,
	"display": propDisplay, "box-sizing": propBoxSizing,
	"margin-top": propMarginTop, "margin-right": propMarginRight,
	"margin-bottom": propMarginBottom, "margin-left": propMarginLeft,
	"padding-top": propPaddingTop, "padding-right": propPaddingRight,
	"padding-bottom": propPaddingBottom, "padding-left": propPaddingLeft,
	"border-top-style": propBorderTopStyle, "border-right-style": propBorderRightStyle,
	"border-bottom-style": propBorderBottomStyle, "border-left-style": propBorderLeftStyle,
	"border-top-width": propBorderTopWidth, "border-right-width": propBorderRightWidth,
	"border-bottom-width": propBorderBottomWidth, "border-left-width": propBorderLeftWidth,
	"border-top-color": propBorderTopColor, "border-right-color": propBorderRightColor,
	"border-bottom-color": propBorderBottomColor, "border-left-color": propBorderLeftColor,
	"width": propWidth, "height": propHeight, "min-width": propMinWidth,
	"min-height": propMinHeight, "max-width": propMaxWidth, "max-height": propMaxHeight,
	"background-color": propBackgroundColor, "text-align": propTextAlign,
	"border-collapse": propBorderCollapse, "table-layout": propTableLayout, "caption-side": propCaptionSide,
	"text-indent": propTextIndent, "text-transform": propTextTransform,
	"letter-spacing": propLetterSpacing, "word-spacing": propWordSpacing,
	"white-space": propWhiteSpace, "text-decoration-line": propTextDecorationLine,
	"list-style-type": propListStyleType, "visibility": propVisibility,
	"float": propFloat, "clear": propClear, "position": propPosition,
	"top": propTop, "right": propRight, "bottom": propBottom, "left": propLeft,
	"z-index": propZIndex, "overflow-x": propOverflowX, "overflow-y": propOverflowY,
	"vertical-align": propVerticalAlign,
	"clip":           propClip,
	"outline-style":  propOutlineStyle, "outline-width": propOutlineWidth, "outline-color": propOutlineColor,
	"content": propContent, "counter-reset": propCounterReset,
	"counter-increment": propCounterIncrement, "quotes": propQuotes,
	"background-image": propBackgroundImage, "background-repeat": propBackgroundRepeat,
	"background-position-x": propBackgroundPositionX, "background-position-y": propBackgroundPositionY,
	"inset-block-start": propTop, "inset-inline-end": propRight,
	"inset-block-end": propBottom, "inset-inline-start": propLeft,
	"flex-direction": propFlexDirection, "flex-wrap": propFlexWrap, "order": propOrder,
	"flex-grow": propFlexGrow, "flex-shrink": propFlexShrink, "flex-basis": propFlexBasis,
	"justify-content": propJustifyContent, "align-items": propAlignItems,
	"align-self": propAlignSelf, "align-content": propAlignContent,
	"row-gap": propRowGap, "column-gap": propColumnGap,
	"grid-row-gap": propRowGap, "grid-column-gap": propColumnGap,
	"grid-template-columns": propGridTemplateColumns, "grid-template-rows": propGridTemplateRows,
	"grid-template-areas": propGridTemplateAreas, "grid-auto-columns": propGridAutoColumns,
	"grid-auto-rows": propGridAutoRows, "grid-auto-flow": propGridAutoFlow,
	"grid-row-start": propGridRowStart, "grid-row-end": propGridRowEnd,
	"grid-column-start": propGridColumnStart, "grid-column-end": propGridColumnEnd,
	"justify-items": propJustifyItems, "justify-self": propJustifySelf,

	// Logical aliases, resolved for horizontal left-to-right text.
	"margin-block-start": propMarginTop, "margin-inline-end": propMarginRight,
	"margin-block-end": propMarginBottom, "margin-inline-start": propMarginLeft,
	"padding-block-start": propPaddingTop, "padding-inline-end": propPaddingRight,
	"padding-block-end": propPaddingBottom, "padding-inline-start": propPaddingLeft,
	"inline-size": propWidth, "block-size": propHeight,
	"min-inline-size": propMinWidth, "min-block-size": propMinHeight,
	"max-inline-size": propMaxWidth, "max-block-size": propMaxHeight,
}

// valueKind says how a specified value is to be read.
type valueKind uint8

const (
	kInherit valueKind = iota + 1
	kInitial
	kUnset
	kLength       // num in unit
	kPercent      // num %
	kNumber       // num
	kKeyword      // key, an enum whose meaning depends on the property
	kColor        // rgba
	kCurrentColor // currentColor
	kFamilies     // fams
	kAuto
	kNone
	kURL      // str
	kContent  // content
	kCounters // counters
	kQuotes   // strs
	kClip     // rect
	kCalc     // calc: a math expression of lengths, percentages or numbers
	kVar      // raw: tokens holding var(), of the declaration of property name
)

// value is a specified value: parsed and validated, but not yet
// resolved against the element (em, percentages of font size,
// currentColor, inheritance).
type value struct {
	kind valueKind
	unit unit
	num  float32
	key  int
	rgba color.NRGBA
	fams []string
	str  string

	content  []ContentItem
	counters []CounterOp
	rect     [4]*value
	calc     *calcNode
	raw      []css.Token // kVar
	name     string      // kVar: the property declared, longhand or shorthand
	grid     any         // the parsed grid values of gridprops.go
}

// unit is a length unit.
type unit uint8

const (
	uPx unit = iota
	uEm
	uRem
	uEx
	uCh
	uVw
	uVh
	uVmin
	uVmax
	uPt
	uPc
	uIn
	uCm
	uMm
	uQ
)

var units = map[string]unit{
	"px": uPx, "em": uEm, "rem": uRem, "ex": uEx, "ch": uCh,
	"vw": uVw, "vh": uVh, "vmin": uVmin, "vmax": uVmax,
	"svw": uVw, "svh": uVh, "lvw": uVw, "lvh": uVh, "dvw": uVw, "dvh": uVh,
	"pt": uPt, "pc": uPc, "in": uIn, "cm": uCm, "mm": uMm, "q": uQ,
}

// Shared values for the global keywords and common constants.
var (
	vInherit = &value{kind: kInherit}
	vInitial = &value{kind: kInitial}
	vUnset   = &value{kind: kUnset}
	vAuto    = &value{kind: kAuto}
	vNone    = &value{kind: kNone}
	vZero    = &value{kind: kLength}
	vCurrent = &value{kind: kCurrentColor}
	vMedium  = &value{kind: kLength, num: 3}
)

// specDecl is a compiled declaration of one longhand, or of a custom
// property when custom is set (and prop is unused).
type specDecl struct {
	prop      propID
	important bool
	val       *value
	custom    *customDecl
}

// compile turns parsed declarations into longhand declarations,
// dropping those that are invalid or name properties the engine does
// not compute, so that the cascade falls back to earlier ones.
func compile(decls []css.Declaration) []specDecl {
	var out []specDecl
	for _, d := range decls {
		out = expand(out, d.Property, d.Value, d.Important)
	}
	return out
}

// shorthands lists the longhands each shorthand sets, for the global
// keywords (margin: inherit).
var shorthands = map[string][]propID{
	"margin":              sides(propMarginTop),
	"padding":             sides(propPaddingTop),
	"border-width":        sides(propBorderTopWidth),
	"border-style":        sides(propBorderTopStyle),
	"border-color":        sides(propBorderTopColor),
	"border":              append(append(sides(propBorderTopWidth), sides(propBorderTopStyle)...), sides(propBorderTopColor)...),
	"border-top":          {propBorderTopWidth, propBorderTopStyle, propBorderTopColor},
	"border-right":        {propBorderRightWidth, propBorderRightStyle, propBorderRightColor},
	"border-bottom":       {propBorderBottomWidth, propBorderBottomStyle, propBorderBottomColor},
	"border-left":         {propBorderLeftWidth, propBorderLeftStyle, propBorderLeftColor},
	"font":                {propFontStyle, propFontWeight, propFontSize, propLineHeight, propFontFamily},
	"background":          {propBackgroundColor, propBackgroundImage, propBackgroundRepeat, propBackgroundPositionX, propBackgroundPositionY},
	"background-position": {propBackgroundPositionX, propBackgroundPositionY},
	"outline":             {propOutlineWidth, propOutlineStyle, propOutlineColor},
	"list-style":          {propListStyleType},
	"text-decoration":     {propTextDecorationLine},
	"margin-inline":       {propMarginLeft, propMarginRight},
	"margin-block":        {propMarginTop, propMarginBottom},
	"padding-inline":      {propPaddingLeft, propPaddingRight},
	"padding-block":       {propPaddingTop, propPaddingBottom},
	"overflow":            {propOverflowX, propOverflowY},
	"border-spacing":      {propBorderSpacingH, propBorderSpacingV},
	"inset":               {propTop, propRight, propBottom, propLeft},
	"flex":                {propFlexGrow, propFlexShrink, propFlexBasis},
	"flex-flow":           {propFlexDirection, propFlexWrap},
	"gap":                 {propRowGap, propColumnGap},
	"grid-gap":            {propRowGap, propColumnGap},
	"place-content":       {propAlignContent, propJustifyContent},
	"place-items":         {propAlignItems, propJustifyItems},
	"place-self":          {propAlignSelf, propJustifySelf},
	"grid-row":            {propGridRowStart, propGridRowEnd},
	"grid-column":         {propGridColumnStart, propGridColumnEnd},
	"grid-area":           {propGridRowStart, propGridColumnStart, propGridRowEnd, propGridColumnEnd},
	"grid-template":       {propGridTemplateRows, propGridTemplateColumns, propGridTemplateAreas},
	"grid": {propGridTemplateRows, propGridTemplateColumns, propGridTemplateAreas,
		propGridAutoRows, propGridAutoColumns, propGridAutoFlow},
}

func sides(first propID) []propID {
	return []propID{first, first + 1, first + 2, first + 3}
}

// expand validates one declaration and appends its longhands to out.
func expand(out []specDecl, name string, val []css.Token, important bool) []specDecl {
	if name != "content" && usesUnsupported(val) {
		// content's attr() is the CSS 2.1 one, which is known when
		// the box tree is built.
		return out
	}
	if strings.HasPrefix(name, "--") {
		d := &customDecl{name: name, raw: val}
		if len(val) == 1 {
			switch {
			case val[0].IsIdent("inherit"):
				d.kind, d.raw = kInherit, nil
			case val[0].IsIdent("initial"):
				d.kind, d.raw = kInitial, nil
			case val[0].IsIdent("unset"), val[0].IsIdent("revert"), val[0].IsIdent("revert-layer"):
				d.kind, d.raw = kUnset, nil
			}
		}
		if d.raw != nil && !validVarSyntax(d.raw) {
			return out
		}
		return append(out, specDecl{important: important, custom: d})
	}
	add := func(p propID, v *value) { out = append(out, specDecl{prop: p, important: important, val: v}) }
	if hasVar(val) {
		if !validVarSyntax(val) {
			return out
		}
		v := &value{kind: kVar, raw: val, name: name}
		if p, ok := longhands[name]; ok {
			add(p, v)
		}
		for _, p := range shorthands[name] {
			add(p, v)
		}
		return out
	}
	if len(val) == 1 && val[0].Type == css.IdentToken {
		var g *value
		switch strings.ToLower(val[0].Value) {
		case "inherit":
			g = vInherit
		case "initial":
			g = vInitial
		case "unset", "revert", "revert-layer":
			// revert should roll back to the user-agent origin; unset is
			// the closest this cascade can do.
			g = vUnset
		}
		if g != nil {
			if p, ok := longhands[name]; ok {
				add(p, g)
			}
			for _, p := range shorthands[name] {
				add(p, g)
			}
			return out
		}
	}
	if p, ok := longhands[name]; ok {
		if v := parseLonghand(p, val); v != nil {
			add(p, v)
		}
		return out
	}
	words := split(val)
	if flexShorthand(name) {
		return expandFlex(out, name, words, important)
	}
	if gridShorthand(name) {
		return expandGrid(out, name, val, important)
	}
	switch name {
	case "margin", "padding", "border-width", "border-style", "border-color":
		first := map[string]propID{"margin": propMarginTop, "padding": propPaddingTop,
			"border-width": propBorderTopWidth, "border-style": propBorderTopStyle,
			"border-color": propBorderTopColor}[name]
		if len(words) < 1 || len(words) > 4 {
			return out
		}
		var vs [4]*value
		for i, w := range words {
			if len(w) != 1 {
				return out
			}
			if vs[i] = parseLonghand(first, w); vs[i] == nil {
				return out
			}
		}
		// One value sets all sides; two are vertical and horizontal;
		// three are top, horizontal, bottom; four go clockwise.
		switch len(words) {
		case 1:
			vs[1], vs[2], vs[3] = vs[0], vs[0], vs[0]
		case 2:
			vs[2], vs[3] = vs[0], vs[1]
		case 3:
			vs[3] = vs[1]
		}
		for i, v := range vs {
			add(first+propID(i), v)
		}
	case "margin-inline", "margin-block", "padding-inline", "padding-block", "border-spacing":
		ps := shorthands[name]
		if len(words) < 1 || len(words) > 2 {
			return out
		}
		var vs [2]*value
		for i, w := range words {
			if len(w) != 1 {
				return out
			}
			if vs[i] = parseLonghand(ps[0], w); vs[i] == nil {
				return out
			}
		}
		if vs[1] == nil {
			vs[1] = vs[0]
		}
		// The lists above run start, end: left, right or top, bottom;
		// border-spacing's horizontal, vertical.
		add(ps[0], vs[0])
		add(ps[1], vs[1])
	case "border", "border-top", "border-right", "border-bottom", "border-left":
		w, s, c, ok := parseBorder(words)
		if !ok {
			return out
		}
		ps := shorthands[name]
		if name == "border" {
			for i := 0; i < 4; i++ {
				add(propBorderTopWidth+propID(i), w)
				add(propBorderTopStyle+propID(i), s)
				add(propBorderTopColor+propID(i), c)
			}
			return out
		}
		add(ps[0], w)
		add(ps[1], s)
		add(ps[2], c)
	case "font":
		return expandFont(out, words, important)
	case "background":
		// CSS 2.1's single layer: the last one, which alone may have a
		// colour. What the shorthand leaves out is reset.
		layers := splitCommas(val)
		words := split(layers[len(layers)-1])
		c := &value{kind: kColor}
		img := vNone
		rep := &value{kind: kKeyword, key: int(RepeatBoth)}
		var pos [][]css.Token
		for i := 0; i < len(words); i++ {
			w := words[i]
			t, ok := one(w)
			if !ok {
				return out
			}
			if t.IsDelim('/') {
				// A background-size follows: not computed, skipped.
				for n := 0; n < 2 && i+1 < len(words); n++ {
					st, _ := one(words[i+1])
					if keyword(st, map[string]int{"auto": 0, "cover": 0, "contain": 0}) == nil && parseLength(st, allowPercent) == nil {
						break
					}
					i++
				}
				continue
			}
			if v := parseColorValue(t); v != nil {
				c = v
			} else if v := parseImage(t); v != nil {
				img = v
			} else if v := keyword(t, repeats); v != nil {
				rep = v
			} else if keyword(t, attachments) != nil || keyword(t, boxes) != nil {
				// attachment, origin and clip: not computed
			} else if len(pos) < 2 {
				pos = append(pos, w)
			} else {
				return out
			}
		}
		px, py := vZeroPercent, vZeroPercent
		if len(pos) > 0 {
			var ok bool
			if px, py, ok = parsePosition(pos); !ok {
				return out
			}
		}
		add(propBackgroundColor, c)
		add(propBackgroundImage, img)
		add(propBackgroundRepeat, rep)
		add(propBackgroundPositionX, px)
		add(propBackgroundPositionY, py)
	case "background-position":
		layers := splitCommas(val)
		x, y, ok := parsePosition(split(layers[len(layers)-1]))
		if ok {
			add(propBackgroundPositionX, x)
			add(propBackgroundPositionY, y)
		}
	case "overflow":
		if len(words) < 1 || len(words) > 2 {
			return out
		}
		x := parseLonghand(propOverflowX, words[0])
		y := x
		if len(words) == 2 {
			y = parseLonghand(propOverflowY, words[1])
		}
		if x != nil && y != nil {
			add(propOverflowX, x)
			add(propOverflowY, y)
		}
	case "inset":
		if len(words) < 1 || len(words) > 4 {
			return out
		}
		var vs [4]*value
		for i, w := range words {
			if vs[i] = parseLonghand(propTop, w); vs[i] == nil {
				return out
			}
		}
		switch len(words) {
		case 1:
			vs[1], vs[2], vs[3] = vs[0], vs[0], vs[0]
		case 2:
			vs[2], vs[3] = vs[0], vs[1]
		case 3:
			vs[3] = vs[1]
		}
		for i, v := range vs {
			add(propTop+propID(i), v)
		}
	case "outline":
		w, st, c, ok := parseBorder(words)
		if !ok {
			if len(words) != 1 || !words[0][0].IsIdent("invert") {
				return out
			}
			w, st, c = vMedium, &value{kind: kKeyword, key: int(BorderNone)}, vCurrent
		}
		add(propOutlineWidth, w)
		add(propOutlineStyle, st)
		add(propOutlineColor, c)
	case "list-style":
		if v := parseListStyle(words); v != nil {
			add(propListStyleType, v)
		}
	case "text-decoration":
		if v := parseTextDecoration(words, true); v != nil {
			add(propTextDecorationLine, v)
		}
	}
	return out
}

// usesUnsupported reports whether a value uses functions whose result
// cannot be known while parsing: env() and attr(). Such declarations are
// dropped whole.
func usesUnsupported(ts []css.Token) bool {
	for _, t := range ts {
		if t.Type == css.FunctionToken {
			switch strings.ToLower(t.Value) {
			case "env", "attr":
				return true
			}
			if usesUnsupported(t.Children) {
				return true
			}
		}
	}
	return false
}

// split splits a value into white-space-separated words. A "/" delimiter
// is a word of its own, so "12px/1.5" gives three words.
func split(ts []css.Token) [][]css.Token {
	var words [][]css.Token
	var cur []css.Token
	flush := func() {
		if len(cur) > 0 {
			words = append(words, cur)
			cur = nil
		}
	}
	for _, t := range ts {
		switch {
		case t.Type == css.WhitespaceToken:
			flush()
		case t.IsDelim('/'):
			flush()
			words = append(words, []css.Token{t})
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return words
}

func splitCommas(ts []css.Token) [][]css.Token {
	var parts [][]css.Token
	start := 0
	for i, t := range ts {
		if t.Type == css.CommaToken {
			parts = append(parts, ts[start:i])
			start = i + 1
		}
	}
	return append(parts, ts[start:])
}

// one returns the single token of a one-token value.
func one(ts []css.Token) (css.Token, bool) {
	if len(ts) != 1 {
		return css.Token{}, false
	}
	return ts[0], true
}

// Flags for parseLength.
const (
	allowPercent = 1 << iota
	allowNegative
)

// parseLength reads a <length> or, with allowPercent, a
// <length-percentage>. A bare 0 is a length.
func parseLength(t css.Token, flags int) *value {
	var v *value
	switch t.Type {
	case css.FunctionToken:
		return parseMathLength(t, flags)
	case css.NumberToken:
		if t.Num != 0 {
			return nil
		}
		return vZero
	case css.DimensionToken:
		u, ok := units[strings.ToLower(t.Unit)]
		if !ok {
			return nil
		}
		v = &value{kind: kLength, unit: u, num: float32(t.Num)}
	case css.PercentageToken:
		if flags&allowPercent == 0 {
			return nil
		}
		v = &value{kind: kPercent, num: float32(t.Num)}
	default:
		return nil
	}
	if math.IsInf(float64(v.num), 0) || math.IsNaN(float64(v.num)) {
		return nil
	}
	if v.num < 0 && flags&allowNegative == 0 {
		return nil
	}
	return v
}

// parseMathLength reads a math function whose type is a length or, with
// allowPercent, a length-percentage. Negative values are kept whatever
// the flags: the range of a math function is clamped when it is used.
func parseMathLength(t css.Token, flags int) *value {
	if !isMathFunction(t) {
		return nil
	}
	n := parseMath(t)
	if n == nil {
		return nil
	}
	switch n.typ {
	case typeLength:
	case typePercent, typeLengthPercent:
		if flags&allowPercent == 0 {
			return nil
		}
	default:
		return nil
	}
	return &value{kind: kCalc, calc: n}
}

// parseNumber reads a <number>, or a math function of type number,
// computed here since numbers need nothing from the element.
func parseNumber(t css.Token) (float32, bool) {
	switch {
	case t.Type == css.NumberToken:
		if math.IsInf(t.Num, 0) || math.IsNaN(t.Num) {
			return 0, false
		}
		return float32(t.Num), true
	case isMathFunction(t):
		n := parseMath(t)
		if n == nil || n.typ != typeNumber {
			return 0, false
		}
		l, _ := n.compute(func(v float32, _ unit) float32 { return v })
		return finite(l.px), true
	}
	return 0, false
}

func parseColorValue(t css.Token) *value {
	if t.IsIdent("currentcolor") {
		return vCurrent
	}
	if c, ok := parseColor(t); ok {
		return &value{kind: kColor, rgba: c}
	}
	return nil
}

// keyword looks an identifier up in a table of keywords.
func keyword(t css.Token, table map[string]int) *value {
	if t.Type != css.IdentToken {
		return nil
	}
	if k, ok := table[strings.ToLower(t.Value)]; ok {
		return &value{kind: kKeyword, key: k}
	}
	return nil
}

var displayKeywords = map[string]int{
	"inline": int(DisplayInline), "block": int(DisplayBlock),
	"inline-block": int(DisplayInlineBlock), "list-item": int(DisplayListItem),
	"none": int(DisplayNone), "flex": int(DisplayFlex), "inline-flex": int(DisplayInlineFlex),
	"grid": int(DisplayGrid), "inline-grid": int(DisplayInlineGrid),
	"table": int(DisplayTable), "inline-table": int(DisplayInlineTable),
	"table-row-group": int(DisplayTableRowGroup), "table-header-group": int(DisplayTableHeaderGroup),
	"table-footer-group": int(DisplayTableFooterGroup), "table-row": int(DisplayTableRow),
	"table-cell": int(DisplayTableCell), "table-column-group": int(DisplayTableColumnGroup),
	"table-column": int(DisplayTableColumn), "table-caption": int(DisplayTableCaption),
	"contents": int(DisplayContents),
	// Approximations for boxes this engine does not generate.
	"flow-root": int(DisplayBlock), "run-in": int(DisplayInline), "ruby": int(DisplayInline),
	"ruby-base": int(DisplayInline), "ruby-text": int(DisplayInline),
	"ruby-base-container": int(DisplayInline), "ruby-text-container": int(DisplayInline),
	"-webkit-box": int(DisplayFlex), "-webkit-inline-box": int(DisplayInlineFlex),
	"-webkit-flex": int(DisplayFlex), "-webkit-inline-flex": int(DisplayInlineFlex),
	"-ms-flexbox": int(DisplayFlex), "-ms-inline-flexbox": int(DisplayInlineFlex),
}

// twoValueDisplay maps the multi-keyword display syntax of CSS Display 3,
// keywords sorted, to the single keywords above.
var twoValueDisplay = map[string]Display{
	"block flow": DisplayBlock, "block flow-root": DisplayBlock, "flow-root inline": DisplayInlineBlock,
	"flow inline": DisplayInline, "block flex": DisplayFlex, "flex inline": DisplayInlineFlex,
	"block grid": DisplayGrid, "grid inline": DisplayInlineGrid,
	"block table": DisplayTable, "inline table": DisplayInlineTable,
	"block list-item": DisplayListItem, "flow list-item": DisplayListItem,
	"block flow list-item": DisplayListItem, "flow-root list-item": DisplayListItem,
}

var borderStyles = map[string]int{
	"none": int(BorderNone), "hidden": int(BorderHidden), "solid": int(BorderSolid),
	"dashed": int(BorderDashed), "dotted": int(BorderDotted), "double": int(BorderDouble),
	"groove": int(BorderGroove), "ridge": int(BorderRidge), "inset": int(BorderInset),
	"outset": int(BorderOutset),
}

var borderWidths = map[string]float32{"thin": 1, "medium": 3, "thick": 5}

var textAligns = map[string]int{
	"left": int(AlignLeft), "right": int(AlignRight), "center": int(AlignCenter),
	"justify": int(AlignJustify), "justify-all": int(AlignJustify),
	"start": int(AlignLeft), "end": int(AlignRight), // left-to-right only
	"-webkit-center": int(AlignCenter), "-moz-center": int(AlignCenter),
	"-khtml-center": int(AlignCenter), "-webkit-left": int(AlignLeft),
	"-moz-left": int(AlignLeft), "-webkit-right": int(AlignRight), "-moz-right": int(AlignRight),
}

var whiteSpaces = map[string]int{
	"normal": int(WhiteSpaceNormal), "pre": int(WhiteSpacePre), "nowrap": int(WhiteSpaceNowrap),
	"pre-wrap": int(WhiteSpacePreWrap), "pre-line": int(WhiteSpacePreLine),
	"break-spaces": int(WhiteSpacePreWrap), "-moz-pre-wrap": int(WhiteSpacePreWrap),
	"-pre-wrap": int(WhiteSpacePreWrap), "-o-pre-wrap": int(WhiteSpacePreWrap),
}

var listStyleTypes = map[string]int{
	"disc": int(ListDisc), "circle": int(ListCircle), "square": int(ListSquare),
	"decimal": int(ListDecimal), "decimal-leading-zero": int(ListDecimal),
	"lower-alpha": int(ListLowerAlpha), "lower-latin": int(ListLowerAlpha),
	"upper-alpha": int(ListUpperAlpha), "upper-latin": int(ListUpperAlpha),
	"lower-roman": int(ListLowerRoman), "upper-roman": int(ListUpperRoman),
	"disclosure-open": int(ListDisc), "disclosure-closed": int(ListDisc),
	"none": int(ListNone),
}

var visibilities = map[string]int{
	"visible": int(VisibilityVisible), "hidden": int(VisibilityHidden),
	"collapse": int(VisibilityCollapse),
}

var floats = map[string]int{
	"none": int(FloatNone), "left": int(FloatLeft), "right": int(FloatRight),
	"inline-start": int(FloatLeft), "inline-end": int(FloatRight), // left-to-right only
}

var clears = map[string]int{
	"none": int(ClearNone), "left": int(ClearLeft), "right": int(ClearRight), "both": int(ClearBoth),
	"inline-start": int(ClearLeft), "inline-end": int(ClearRight),
}

var positions = map[string]int{
	"static": int(PositionStatic), "relative": int(PositionRelative),
	"absolute": int(PositionAbsolute), "fixed": int(PositionFixed),
	// Sticky positioning is not done: a sticky box stays where it is, as
	// a relative box without offsets does.
	"sticky": int(PositionStatic), "-webkit-sticky": int(PositionStatic),
}

var overflows = map[string]int{
	"visible": int(OverflowVisible), "hidden": int(OverflowHidden), "scroll": int(OverflowScroll),
	"auto": int(OverflowAuto), "clip": int(OverflowClip), "overlay": int(OverflowAuto),
}

var verticalAligns = map[string]int{
	"baseline": int(VAlignBaseline), "sub": int(VAlignSub), "super": int(VAlignSuper),
	"text-top": int(VAlignTextTop), "text-bottom": int(VAlignTextBottom),
	"middle": int(VAlignMiddle), "top": int(VAlignTop), "bottom": int(VAlignBottom),
}

var repeats = map[string]int{
	"repeat": int(RepeatBoth), "repeat-x": int(RepeatX), "repeat-y": int(RepeatY),
	"no-repeat": int(RepeatNone),
}

var attachments = map[string]int{"scroll": 0, "fixed": 0, "local": 0}

var boxes = map[string]int{"border-box": 0, "padding-box": 0, "content-box": 0}

var vZeroPercent = &value{kind: kPercent}

// parseImage reads an <image> that this engine draws: url(...), or none.
func parseImage(t css.Token) *value {
	switch {
	case t.IsIdent("none"):
		return vNone
	case t.Type == css.URLToken:
		return &value{kind: kURL, str: t.Value}
	case t.Type == css.FunctionToken && strings.EqualFold(t.Value, "url"):
		for _, c := range t.Children {
			if c.Type == css.StringToken {
				return &value{kind: kURL, str: c.Value}
			}
		}
	}
	return nil
}

// parsePosition reads a CSS 2.1 background-position: one or two of
// left, center, right, top, bottom and length-percentages, keywords in
// either order. A lone value sets x (or y for top and bottom) and
// centres the other.
func parsePosition(words [][]css.Token) (x, y *value, ok bool) {
	if len(words) < 1 || len(words) > 2 {
		return nil, nil, false
	}
	type part struct {
		v         *value
		isX, isY  bool // a keyword only valid on one axis
		isKeyword bool
	}
	var ps []part
	for _, w := range words {
		t, single := one(w)
		if !single {
			return nil, nil, false
		}
		switch {
		case t.IsIdent("left"):
			ps = append(ps, part{v: &value{kind: kPercent, num: 0}, isX: true, isKeyword: true})
		case t.IsIdent("right"):
			ps = append(ps, part{v: &value{kind: kPercent, num: 100}, isX: true, isKeyword: true})
		case t.IsIdent("top"):
			ps = append(ps, part{v: &value{kind: kPercent, num: 0}, isY: true, isKeyword: true})
		case t.IsIdent("bottom"):
			ps = append(ps, part{v: &value{kind: kPercent, num: 100}, isY: true, isKeyword: true})
		case t.IsIdent("center"):
			ps = append(ps, part{v: &value{kind: kPercent, num: 50}, isKeyword: true})
		default:
			v := parseLength(t, allowPercent|allowNegative)
			if v == nil {
				return nil, nil, false
			}
			ps = append(ps, part{v: v})
		}
	}
	center := &value{kind: kPercent, num: 50}
	if len(ps) == 1 {
		if ps[0].isY {
			return center, ps[0].v, true
		}
		return ps[0].v, center, true
	}
	a, b := ps[0], ps[1]
	if a.isY || b.isX {
		// Keywords in y, x order; a length may not be swapped.
		if !a.isKeyword || !b.isKeyword || a.isX || b.isY {
			return nil, nil, false
		}
		a, b = b, a
	}
	if a.isY || b.isX {
		return nil, nil, false
	}
	return a.v, b.v, true
}

// parseContent reads content: normal, none, or a list of strings,
// attr(), counter(), counters() and the quote keywords. Images (url())
// are accepted and generate nothing.
func parseContent(val []css.Token) *value {
	var items []ContentItem
	n := 0
	for _, t := range val {
		if t.Type == css.WhitespaceToken {
			continue
		}
		n++
		switch {
		case t.IsIdent("normal") || t.IsIdent("none"):
			if len(val) != 1 {
				return nil
			}
			return vNone
		case t.Type == css.StringToken:
			items = append(items, ContentItem{Kind: ContentString, Text: t.Value})
		case t.IsIdent("open-quote"):
			items = append(items, ContentItem{Kind: ContentOpenQuote})
		case t.IsIdent("close-quote"):
			items = append(items, ContentItem{Kind: ContentCloseQuote})
		case t.IsIdent("no-open-quote"):
			items = append(items, ContentItem{Kind: ContentNoOpenQuote})
		case t.IsIdent("no-close-quote"):
			items = append(items, ContentItem{Kind: ContentNoCloseQuote})
		case t.Type == css.URLToken, t.Type == css.FunctionToken && strings.EqualFold(t.Value, "url"):
		case t.Type == css.FunctionToken:
			var args [][]css.Token
			for _, a := range splitCommas(t.Children) {
				var w []css.Token
				for _, x := range a {
					if x.Type != css.WhitespaceToken {
						w = append(w, x)
					}
				}
				if len(w) != 1 {
					return nil
				}
				args = append(args, w)
			}
			name := strings.ToLower(t.Value)
			switch {
			case name == "attr" && len(args) == 1 && args[0][0].Type == css.IdentToken:
				items = append(items, ContentItem{Kind: ContentAttr, Text: args[0][0].Value})
			case name == "counter" && (len(args) == 1 || len(args) == 2) && args[0][0].Type == css.IdentToken:
				it := ContentItem{Kind: ContentCounter, Text: args[0][0].Value, Style: ListDecimal}
				if len(args) == 2 && !counterStyle(args[1][0], &it) {
					return nil
				}
				items = append(items, it)
			case name == "counters" && (len(args) == 2 || len(args) == 3) && args[0][0].Type == css.IdentToken &&
				args[1][0].Type == css.StringToken:
				it := ContentItem{Kind: ContentCounters, Text: args[0][0].Value, Sep: args[1][0].Value, Style: ListDecimal}
				if len(args) == 3 && !counterStyle(args[2][0], &it) {
					return nil
				}
				items = append(items, it)
			default:
				return nil
			}
		default:
			return nil
		}
	}
	if n == 0 {
		return nil
	}
	return &value{kind: kContent, content: items}
}

// counterStyle reads the list-style-type argument of counter() and
// counters().
func counterStyle(t css.Token, it *ContentItem) bool {
	if t.Type != css.IdentToken {
		return false
	}
	if v := keyword(t, listStyleTypes); v != nil {
		it.Style = ListStyleType(v.key)
	} else {
		it.Style = ListDecimal
	}
	return true
}

// parseCounterOps reads counter-reset or counter-increment: none, or
// names each optionally followed by an integer (0 for resets, 1 for
// increments by default).
func parseCounterOps(words [][]css.Token, reset bool) *value {
	if len(words) == 1 && words[0][0].IsIdent("none") && len(words[0]) == 1 {
		return &value{kind: kCounters}
	}
	var ops []CounterOp
	for _, w := range words {
		t, ok := one(w)
		if !ok {
			return nil
		}
		switch {
		case t.Type == css.IdentToken:
			switch strings.ToLower(t.Value) {
			case "none", "inherit", "initial", "unset", "default":
				return nil
			}
			op := CounterOp{Name: t.Value, Value: 1}
			if reset {
				op.Value = 0
			}
			ops = append(ops, op)
		case t.Type == css.NumberToken && t.Num == math.Trunc(t.Num) && len(ops) > 0 && math.Abs(t.Num) < 1<<31:
			ops[len(ops)-1].Value = int(t.Num)
		default:
			return nil
		}
	}
	if len(ops) == 0 {
		return nil
	}
	return &value{kind: kCounters, counters: ops}
}

// parseQuotes reads quotes: none, or pairs of strings.
func parseQuotes(words [][]css.Token) *value {
	if len(words) == 1 && len(words[0]) == 1 && words[0][0].IsIdent("none") {
		return &value{kind: kQuotes, fams: []string{}}
	}
	if len(words) == 1 && len(words[0]) == 1 && words[0][0].IsIdent("auto") {
		return &value{kind: kQuotes}
	}
	if len(words) == 0 || len(words)%2 != 0 {
		return nil
	}
	var qs []string
	for _, w := range words {
		t, ok := one(w)
		if !ok || t.Type != css.StringToken {
			return nil
		}
		qs = append(qs, t.Value)
	}
	return &value{kind: kQuotes, fams: qs}
}

// parseClipRect reads rect(top, right, bottom, left), each a length or
// auto, separated by commas or (the legacy syntax) spaces.
func parseClipRect(t css.Token) *value {
	if t.Type != css.FunctionToken || !strings.EqualFold(t.Value, "rect") {
		return nil
	}
	var parts []css.Token
	commas := 0
	for _, c := range t.Children {
		switch c.Type {
		case css.WhitespaceToken:
		case css.CommaToken:
			commas++
		default:
			parts = append(parts, c)
		}
	}
	if len(parts) != 4 || (commas != 0 && commas != 3) {
		return nil
	}
	v := &value{kind: kClip}
	for i, p := range parts {
		if p.IsIdent("auto") {
			v.rect[i] = vAuto
		} else if v.rect[i] = parseLength(p, allowNegative); v.rect[i] == nil {
			return nil
		}
	}
	return v
}

var fontStyles = map[string]int{
	"normal": int(FontNormal), "italic": int(FontItalic), "oblique": int(FontOblique),
}

// Font-size keywords. Absolute sizes are scale factors of medium (16px)
// from CSS Fonts 4; smaller and larger are relative to the parent.
const (
	sizeSmaller = -1
	sizeLarger  = -2
)

var fontSizeKeywords = map[string]int{
	"xx-small": 0, "x-small": 1, "small": 2, "medium": 3, "large": 4,
	"x-large": 5, "xx-large": 6, "xxx-large": 7,
	"smaller": sizeSmaller, "larger": sizeLarger,
}

var fontSizeScale = [...]float32{3.0 / 5, 3.0 / 4, 8.0 / 9, 1, 6.0 / 5, 3.0 / 2, 2, 3}

// Relative font weights.
const (
	weightBolder = iota + 1
	weightLighter
)

var genericFamilies = map[string]bool{
	"serif": true, "sans-serif": true, "monospace": true, "cursive": true, "fantasy": true,
	"system-ui": true, "ui-serif": true, "ui-sans-serif": true, "ui-monospace": true,
	"ui-rounded": true, "math": true, "emoji": true, "fangsong": true,
}

// parseLonghand parses the value of one longhand. It returns nil when the
// value is invalid.
func parseLonghand(p propID, val []css.Token) *value {
	if p == propFontFamily {
		return parseFamilies(val)
	}
	words := split(val)
	if p == propDisplay && len(words) > 1 {
		var ks []string
		for _, w := range words {
			t, ok := one(w)
			if !ok || t.Type != css.IdentToken {
				return nil
			}
			ks = append(ks, strings.ToLower(t.Value))
		}
		slices.Sort(ks)
		if d, ok := twoValueDisplay[strings.Join(ks, " ")]; ok {
			return &value{kind: kKeyword, key: int(d)}
		}
		return nil
	}
	switch p {
	case propTextDecorationLine:
		return parseTextDecoration(words, false)
	case propContent:
		return parseContent(val)
	case propCounterReset, propCounterIncrement:
		return parseCounterOps(words, p == propCounterReset)
	case propQuotes:
		return parseQuotes(words)
	}
	if p == propFontStyle && len(words) == 2 && words[0][0].IsIdent("oblique") {
		return &value{kind: kKeyword, key: int(FontOblique)} // oblique <angle>
	}
	if p >= propGridTemplateColumns && p <= propJustifySelf {
		return parseGridLonghand(p, val, words)
	}
	if p >= propFlexDirection && p <= propColumnGap {
		return parseFlexLonghand(p, words)
	}
	if len(val) != 1 {
		return nil
	}
	t := val[0]
	switch p {
	case propFontSize:
		if v := keyword(t, fontSizeKeywords); v != nil {
			return v
		}
		return parseLength(t, allowPercent)
	case propColor, propBackgroundColor,
		propBorderTopColor, propBorderRightColor, propBorderBottomColor, propBorderLeftColor:
		return parseColorValue(t)
	case propFontWeight:
		switch {
		case t.IsIdent("normal"):
			return &value{kind: kNumber, num: 400}
		case t.IsIdent("bold"):
			return &value{kind: kNumber, num: 700}
		case t.IsIdent("bolder"):
			return &value{kind: kKeyword, key: weightBolder}
		case t.IsIdent("lighter"):
			return &value{kind: kKeyword, key: weightLighter}
		case t.Type == css.NumberToken && t.Num >= 1 && t.Num <= 1000:
			return &value{kind: kNumber, num: float32(t.Num)}
		}
	case propFontStyle:
		return keyword(t, fontStyles)
	case propLineHeight:
		switch {
		case t.IsIdent("normal"):
			return vNone
		case t.Type == css.NumberToken && t.Num >= 0 && !math.IsInf(t.Num, 0):
			return &value{kind: kNumber, num: float32(t.Num)}
		}
		if n, ok := parseNumber(t); ok && isMathFunction(t) {
			return &value{kind: kNumber, num: max(n, 0)}
		}
		return parseLength(t, allowPercent)
	case propDisplay:
		return keyword(t, displayKeywords)
	case propBoxSizing:
		return keyword(t, map[string]int{"content-box": int(ContentBox), "border-box": int(BorderBox)})
	case propMarginTop, propMarginRight, propMarginBottom, propMarginLeft:
		if t.IsIdent("auto") {
			return vAuto
		}
		return parseLength(t, allowPercent|allowNegative)
	case propPaddingTop, propPaddingRight, propPaddingBottom, propPaddingLeft:
		return parseLength(t, allowPercent)
	case propBorderTopStyle, propBorderRightStyle, propBorderBottomStyle, propBorderLeftStyle:
		return keyword(t, borderStyles)
	case propBorderTopWidth, propBorderRightWidth, propBorderBottomWidth, propBorderLeftWidth:
		return parseBorderWidth(t)
	case propWidth, propHeight, propMinWidth, propMinHeight:
		if t.IsIdent("auto") {
			return vAuto
		}
		if isIntrinsicSize(t) {
			return vAuto // min-content and kin: auto is the nearest we have
		}
		return parseLength(t, allowPercent)
	case propMaxWidth, propMaxHeight:
		if t.IsIdent("none") || isIntrinsicSize(t) {
			return vNone
		}
		return parseLength(t, allowPercent)
	case propTextAlign:
		if t.IsIdent("match-parent") {
			return vInherit // the same for left-to-right text
		}
		return keyword(t, textAligns)
	case propWhiteSpace:
		return keyword(t, whiteSpaces)
	case propListStyleType:
		if v := keyword(t, listStyleTypes); v != nil {
			return v
		}
		if t.Type == css.IdentToken || t.Type == css.StringToken {
			// An unknown counter style (or a string marker) falls back
			// to decimal, as undefined counter styles do.
			return &value{kind: kKeyword, key: int(ListDecimal)}
		}
	case propVisibility:
		return keyword(t, visibilities)
	case propBorderSpacingH, propBorderSpacingV:
		return parseLength(t, 0)
	case propBorderCollapse:
		return keyword(t, map[string]int{"separate": 0, "collapse": 1})
	case propTableLayout:
		return keyword(t, map[string]int{"auto": 0, "fixed": 1})
	case propCaptionSide:
		return keyword(t, map[string]int{"top": 0, "bottom": 1})
	case propFloat:
		return keyword(t, floats)
	case propClear:
		return keyword(t, clears)
	case propPosition:
		return keyword(t, positions)
	case propTop, propRight, propBottom, propLeft:
		if t.IsIdent("auto") {
			return vAuto
		}
		return parseLength(t, allowPercent|allowNegative)
	case propZIndex:
		switch {
		case t.IsIdent("auto"):
			return vAuto
		case t.Type == css.NumberToken && t.Num == math.Trunc(t.Num) && math.Abs(t.Num) < 1<<31:
			return &value{kind: kNumber, num: float32(t.Num)}
		}
	case propOverflowX, propOverflowY:
		return keyword(t, overflows)
	case propClip:
		if t.IsIdent("auto") {
			return vAuto
		}
		return parseClipRect(t)
	case propTextIndent:
		return parseLength(t, allowPercent|allowNegative)
	case propTextTransform:
		return keyword(t, map[string]int{"none": int(TransformNone), "uppercase": int(TransformUppercase),
			"lowercase": int(TransformLowercase), "capitalize": int(TransformCapitalize)})
	case propLetterSpacing, propWordSpacing:
		if t.IsIdent("normal") {
			return vZero
		}
		return parseLength(t, allowNegative)
	case propOutlineStyle:
		if t.IsIdent("auto") {
			return &value{kind: kKeyword, key: int(BorderSolid)}
		}
		if v := keyword(t, borderStyles); v != nil && v.key != int(BorderHidden) {
			return v
		}
	case propOutlineWidth:
		return parseBorderWidth(t)
	case propOutlineColor:
		if t.IsIdent("invert") {
			return vCurrent // invert is not drawn: the current colour stands in
		}
		return parseColorValue(t)
	case propBackgroundImage:
		return parseImage(t)
	case propBackgroundRepeat:
		return keyword(t, repeats)
	case propBackgroundPositionX, propBackgroundPositionY:
		k := map[propID]map[string]int{propBackgroundPositionX: {"left": 0, "center": 50, "right": 100},
			propBackgroundPositionY: {"top": 0, "center": 50, "bottom": 100}}[p]
		if v := keyword(t, k); v != nil {
			return &value{kind: kPercent, num: float32(v.key)}
		}
		return parseLength(t, allowPercent|allowNegative)
	case propVerticalAlign:
		if v := keyword(t, verticalAligns); v != nil {
			return v
		}
		return parseLength(t, allowPercent|allowNegative)
	}
	return nil
}

func isIntrinsicSize(t css.Token) bool {
	if t.Type != css.IdentToken {
		return t.Type == css.FunctionToken && strings.EqualFold(t.Value, "fit-content")
	}
	switch strings.ToLower(t.Value) {
	case "min-content", "max-content", "fit-content", "-webkit-fit-content",
		"-moz-fit-content", "-webkit-min-content", "-webkit-max-content", "stretch",
		"-webkit-fill-available", "-moz-available":
		return true
	}
	return false
}

func parseBorderWidth(t css.Token) *value {
	if t.Type == css.IdentToken {
		if w, ok := borderWidths[strings.ToLower(t.Value)]; ok {
			return &value{kind: kLength, num: w}
		}
		return nil
	}
	return parseLength(t, 0)
}

// parseBorder reads "width || style || color", each at most once. Those
// left out are reset to their initial values.
func parseBorder(words [][]css.Token) (w, s, c *value, ok bool) {
	if len(words) == 0 || len(words) > 3 {
		return nil, nil, nil, false
	}
	for _, word := range words {
		t, single := one(word)
		if !single {
			return nil, nil, nil, false
		}
		if v := parseBorderWidth(t); v != nil && w == nil {
			w = v
		} else if v := keyword(t, borderStyles); v != nil && s == nil {
			s = v
		} else if v := parseColorValue(t); v != nil && c == nil {
			c = v
		} else {
			return nil, nil, nil, false
		}
	}
	if w == nil {
		w = vMedium
	}
	if s == nil {
		s = &value{kind: kKeyword, key: int(BorderNone)}
	}
	if c == nil {
		c = vCurrent
	}
	return w, s, c, true
}

// parseFamilies reads a comma-separated font family list. A family is a
// string or a run of identifiers, joined by single spaces.
func parseFamilies(val []css.Token) *value {
	var fams []string
	for _, part := range splitCommas(val) {
		var words []css.Token
		for _, t := range part {
			if t.Type != css.WhitespaceToken {
				words = append(words, t)
			}
		}
		switch {
		case len(words) == 1 && words[0].Type == css.StringToken:
			fams = append(fams, words[0].Value)
		case len(words) == 1 && words[0].Type == css.IdentToken &&
			genericFamilies[strings.ToLower(words[0].Value)]:
			fams = append(fams, strings.ToLower(words[0].Value))
		case len(words) >= 1:
			names := make([]string, len(words))
			for i, w := range words {
				if w.Type != css.IdentToken {
					return nil
				}
				switch strings.ToLower(w.Value) {
				case "inherit", "initial", "unset", "default", "revert":
					return nil // reserved: not family names
				}
				names[i] = w.Value
			}
			fams = append(fams, strings.Join(names, " "))
		default:
			return nil
		}
	}
	return &value{kind: kFamilies, fams: fams}
}

// expandFont expands the font shorthand:
//
//	[style || variant || weight || stretch]? size [/ line-height]? family
//
// Everything it does not set is reset to its initial value.
func expandFont(out []specDecl, words [][]css.Token, important bool) []specDecl {
	add := func(p propID, v *value) { out = append(out, specDecl{prop: p, important: important, val: v}) }
	if len(words) == 1 {
		// System fonts: the engine has no platform font settings, so
		// they all get a plain 13px sans-serif, as most desktops use.
		if t, _ := one(words[0]); t.Type == css.IdentToken {
			switch strings.ToLower(t.Value) {
			case "caption", "icon", "menu", "message-box", "small-caption", "status-bar":
				add(propFontStyle, &value{kind: kKeyword, key: int(FontNormal)})
				add(propFontWeight, &value{kind: kNumber, num: 400})
				add(propFontSize, &value{kind: kLength, num: 13})
				add(propLineHeight, vNone)
				add(propFontFamily, &value{kind: kFamilies, fams: []string{"sans-serif"}})
				return out
			}
		}
	}
	style := &value{kind: kKeyword, key: int(FontNormal)}
	weight := &value{kind: kNumber, num: 400}
	var size, lineHeight *value
	i := 0
	for n := 0; i < len(words) && n < 4; i, n = i+1, n+1 {
		t, ok := one(words[i])
		if !ok {
			return out
		}
		if t.IsIdent("normal") {
			continue
		}
		if v := keyword(t, fontStyles); v != nil {
			style = v
			continue
		}
		if t.IsIdent("small-caps") {
			continue // variant: not computed
		}
		if t.Type == css.IdentToken && strings.HasSuffix(strings.ToLower(t.Value), "condensed") ||
			t.Type == css.IdentToken && strings.HasSuffix(strings.ToLower(t.Value), "expanded") {
			continue // stretch: not computed
		}
		if t.Type == css.NumberToken || t.IsIdent("bold") || t.IsIdent("bolder") || t.IsIdent("lighter") {
			if v := parseLonghand(propFontWeight, words[i]); v != nil {
				weight = v
				continue
			}
			return out
		}
		break
	}
	if i >= len(words) {
		return out
	}
	if size = parseLonghand(propFontSize, words[i]); size == nil {
		return out
	}
	i++
	if i < len(words) && words[i][0].IsDelim('/') {
		if i+1 >= len(words) {
			return out
		}
		if lineHeight = parseLonghand(propLineHeight, words[i+1]); lineHeight == nil {
			return out
		}
		i += 2
	}
	if i >= len(words) {
		return out // the family is required
	}
	var rest []css.Token
	for j, w := range words[i:] {
		if j > 0 {
			rest = append(rest, css.Token{Type: css.WhitespaceToken})
		}
		rest = append(rest, w...)
	}
	fams := parseFamilies(rest)
	if fams == nil {
		return out
	}
	if lineHeight == nil {
		lineHeight = vNone
	}
	add(propFontStyle, style)
	add(propFontWeight, weight)
	add(propFontSize, size)
	add(propLineHeight, lineHeight)
	add(propFontFamily, fams)
	return out
}

// parseTextDecoration reads text-decoration-line, or with shorthand set
// the text-decoration shorthand, whose style, colour and thickness parts
// are accepted and ignored.
func parseTextDecoration(words [][]css.Token, shorthand bool) *value {
	var lines TextDecorationLine
	none := false
	for _, w := range words {
		t, ok := one(w)
		if !ok {
			return nil
		}
		var bit TextDecorationLine
		switch {
		case t.IsIdent("none"):
			none = true
			continue
		case t.IsIdent("underline"):
			bit = DecorationUnderline
		case t.IsIdent("overline"):
			bit = DecorationOverline
		case t.IsIdent("line-through"):
			bit = DecorationLineThrough
		case t.IsIdent("blink"):
			continue // may be ignored, says the spec
		case shorthand && (keyword(t, map[string]int{"solid": 0, "double": 0, "dotted": 0,
			"dashed": 0, "wavy": 0, "auto": 0, "from-font": 0}) != nil ||
			parseColorValue(t) != nil || parseLength(t, allowPercent) != nil):
			continue
		default:
			return nil
		}
		if lines&bit != 0 {
			return nil
		}
		lines |= bit
	}
	if none && lines != 0 || len(words) == 0 {
		return nil
	}
	return &value{kind: kKeyword, key: int(lines)}
}

// parseListStyle reads the list-style shorthand for its type: "type ||
// position || image". A lone none sets the type to none.
func parseListStyle(words [][]css.Token) *value {
	var typ *value
	nones := 0
	for _, w := range words {
		t, ok := one(w)
		if !ok {
			return nil
		}
		switch {
		case t.IsIdent("none"):
			nones++
		case t.IsIdent("inside") || t.IsIdent("outside") || t.Type == css.URLToken:
		case t.Type == css.FunctionToken: // an image function
		default:
			v := parseLonghand(propListStyleType, w)
			if v == nil || typ != nil {
				return nil
			}
			typ = v
		}
	}
	switch {
	case typ == nil && nones > 0:
		return &value{kind: kKeyword, key: int(ListNone)}
	case typ == nil:
		return &value{kind: kKeyword, key: int(ListDisc)}
	case nones > 1:
		return nil
	}
	return typ
}

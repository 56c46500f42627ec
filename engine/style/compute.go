package style

import (
	"image/color"
	"math"

	"glassbox/engine/dom"
)

// mediumFontSize is the initial font size, the user's default.
const mediumFontSize = 16

var black = color.NRGBA{0, 0, 0, 255}

var initialFamilies = []string{"serif"}

// initialStyle returns the initial value of every property.
func initialStyle() ComputedStyle {
	cs := ComputedStyle{
		Display:            DisplayInline,
		Width:              AutoLength,
		Height:             AutoLength,
		MinWidth:           AutoLength,
		MinHeight:          AutoLength,
		MaxWidth:           NoneLength,
		MaxHeight:          NoneLength,
		Color:              black,
		FontFamily:         initialFamilies,
		FontSize:           mediumFontSize,
		FontWeight:         400,
		LineHeight:         LineHeight{Kind: LineHeightNormal},
		BorderColor:        [4]color.NRGBA{black, black, black, black},
		Inset:              [4]Length{AutoLength, AutoLength, AutoLength, AutoLength},
		ZIndexAuto:         true,
		BackgroundPosition: [2]Length{{Unit: Percent}, {Unit: Percent}},
		FlexShrink:         1,
		FlexBasis:          AutoLength,
		AlignSelf:          AlignAuto,
		JustifySelf:        AlignAuto,
	}
	for i := range cs.Margin {
		cs.Margin[i] = PxLength(0)
		cs.Padding[i] = PxLength(0)
	}
	// The initial border width is medium, but the initial style is none,
	// which computes the width to 0.
	return cs
}

// computeInto turns the specified values in c.spec into el's computed
// style, resolving inheritance and relative values.
func (c *computer) computeInto(cs *ComputedStyle, el *dom.Node, parent *ComputedStyle, isRoot bool) {
	*cs = *c.styles.initial
	// Specified border widths are kept aside until the styles are
	// known: a side whose style is none or hidden computes to 0.
	var borderWidth [4]float32
	for i := range borderWidth {
		borderWidth[i] = 3 // medium
	}
	cs.vars = computeCustom(parent.vars, c.customs)
	c.fontCtx = parent
	for p := propID(0); p < numProps; p++ {
		if p == propLineHeight {
			c.fontCtx = cs // the font properties come first
		}
		v := c.spec[p]
		if v != nil && v.kind == kVar {
			// Invalid at computed-value time: as unset.
			if v = resolveVar(p, v, cs.vars); v == nil {
				v = vUnset
			}
		}
		switch {
		case v == nil && inherited[p],
			v != nil && v.kind == kInherit,
			v != nil && v.kind == kUnset && inherited[p]:
			c.inherit(cs, parent, p, &borderWidth)
		case v == nil, v.kind == kInitial, v.kind == kUnset:
			c.reset(cs, p)
		default:
			c.set(cs, parent, p, v, &borderWidth)
		}
	}
	for i := range borderWidth {
		if s := cs.BorderStyle[i]; s == BorderNone || s == BorderHidden {
			borderWidth[i] = 0
		}
	}
	cs.BorderWidth = borderWidth
	if cs.OutlineStyle == BorderNone {
		cs.OutlineWidth = 0
	} else if c.spec[propOutlineWidth] == nil || c.spec[propOutlineWidth].kind == kInitial || c.spec[propOutlineWidth].kind == kUnset {
		cs.OutlineWidth = 3 // medium
	}

	// CSS 2.1 9.7: absolute positioning wins over float, and both, like
	// being the root, make the box block-level.
	if cs.OutOfFlowPositioned() {
		cs.Float = FloatNone
	}
	if isRoot || cs.Float != FloatNone || cs.OutOfFlowPositioned() {
		cs.Display = blockify(cs.Display)
	}
	// CSS Overflow 3: visible and clip go together only with each other.
	if x, y := cs.OverflowX, cs.OverflowY; (x == OverflowVisible || x == OverflowClip) != (y == OverflowVisible || y == OverflowClip) {
		if x == OverflowVisible {
			cs.OverflowX = OverflowAuto
		} else if x == OverflowClip {
			cs.OverflowX = OverflowHidden
		}
		if y == OverflowVisible {
			cs.OverflowY = OverflowAuto
		} else if y == OverflowClip {
			cs.OverflowY = OverflowHidden
		}
	}
	// Decorations propagate to descendants, which paint their own text
	// with them; atomic inlines are the exception (CSS Text Decoration
	// 3, section 2). So TextDecoration holds every line in effect.
	switch cs.Display {
	case DisplayInlineBlock, DisplayInlineTable, DisplayInlineFlex, DisplayInlineGrid:
	default:
		cs.TextDecoration |= parent.TextDecoration
	}
}

// blockify gives the block-level equivalent of a display value, as for
// the root element.
func blockify(d Display) Display {
	switch d {
	case DisplayInline, DisplayInlineBlock, DisplayContents,
		DisplayTableRowGroup, DisplayTableHeaderGroup, DisplayTableFooterGroup,
		DisplayTableRow, DisplayTableCell, DisplayTableColumnGroup,
		DisplayTableColumn, DisplayTableCaption:
		return DisplayBlock
	case DisplayInlineTable:
		return DisplayTable
	case DisplayInlineFlex:
		return DisplayFlex
	case DisplayInlineGrid:
		return DisplayGrid
	}
	return d
}

// inherit copies property p from the parent's computed style.
func (c *computer) inherit(cs, parent *ComputedStyle, p propID, bw *[4]float32) {
	switch p {
	case propFontSize:
		cs.FontSize = parent.FontSize
	case propColor:
		cs.Color = parent.Color
	case propFontFamily:
		cs.FontFamily = parent.FontFamily
	case propFontWeight:
		cs.FontWeight = parent.FontWeight
	case propFontStyle:
		cs.FontStyle = parent.FontStyle
	case propLineHeight:
		cs.LineHeight = parent.LineHeight
	case propDisplay:
		cs.Display = parent.Display
	case propBoxSizing:
		cs.BoxSizing = parent.BoxSizing
	case propMarginTop, propMarginRight, propMarginBottom, propMarginLeft:
		cs.Margin[p-propMarginTop] = parent.Margin[p-propMarginTop]
	case propPaddingTop, propPaddingRight, propPaddingBottom, propPaddingLeft:
		cs.Padding[p-propPaddingTop] = parent.Padding[p-propPaddingTop]
	case propBorderTopStyle, propBorderRightStyle, propBorderBottomStyle, propBorderLeftStyle:
		cs.BorderStyle[p-propBorderTopStyle] = parent.BorderStyle[p-propBorderTopStyle]
	case propBorderTopWidth, propBorderRightWidth, propBorderBottomWidth, propBorderLeftWidth:
		bw[p-propBorderTopWidth] = parent.BorderWidth[p-propBorderTopWidth]
	case propBorderTopColor, propBorderRightColor, propBorderBottomColor, propBorderLeftColor:
		cs.BorderColor[p-propBorderTopColor] = parent.BorderColor[p-propBorderTopColor]
	case propWidth:
		cs.Width = parent.Width
	case propHeight:
		cs.Height = parent.Height
	case propMinWidth:
		cs.MinWidth = parent.MinWidth
	case propMinHeight:
		cs.MinHeight = parent.MinHeight
	case propMaxWidth:
		cs.MaxWidth = parent.MaxWidth
	case propMaxHeight:
		cs.MaxHeight = parent.MaxHeight
	case propBackgroundColor:
		cs.BackgroundColor = parent.BackgroundColor
	case propTextAlign:
		cs.TextAlign = parent.TextAlign
	case propWhiteSpace:
		cs.WhiteSpace = parent.WhiteSpace
	case propTextDecorationLine:
		cs.TextDecoration = parent.TextDecoration
	case propListStyleType:
		cs.ListStyleType = parent.ListStyleType
	case propVisibility:
		cs.Visibility = parent.Visibility
	case propFloat:
		cs.Float = parent.Float
	case propClear:
		cs.Clear = parent.Clear
	case propPosition:
		cs.Position = parent.Position
	case propTop, propRight, propBottom, propLeft:
		cs.Inset[p-propTop] = parent.Inset[p-propTop]
	case propZIndex:
		cs.ZIndex, cs.ZIndexAuto = parent.ZIndex, parent.ZIndexAuto
	case propOverflowX:
		cs.OverflowX = parent.OverflowX
	case propOverflowY:
		cs.OverflowY = parent.OverflowY
	case propVerticalAlign:
		cs.VerticalAlign = parent.VerticalAlign
	case propClip:
		cs.Clip, cs.ClipSet = parent.Clip, parent.ClipSet
	case propTextIndent:
		cs.TextIndent = parent.TextIndent
	case propBorderSpacingH, propBorderSpacingV:
		cs.BorderSpacing[p-propBorderSpacingH] = parent.BorderSpacing[p-propBorderSpacingH]
	case propBorderCollapse:
		cs.BorderCollapse = parent.BorderCollapse
	case propTableLayout:
		cs.TableLayoutFixed = parent.TableLayoutFixed
	case propCaptionSide:
		cs.CaptionBottom = parent.CaptionBottom
	case propTextTransform:
		cs.TextTransform = parent.TextTransform
	case propLetterSpacing:
		cs.LetterSpacing = parent.LetterSpacing
	case propWordSpacing:
		cs.WordSpacing = parent.WordSpacing
	case propOutlineStyle:
		cs.OutlineStyle = parent.OutlineStyle
	case propOutlineWidth:
		cs.OutlineWidth = parent.OutlineWidth
	case propOutlineColor:
		cs.OutlineColor = parent.OutlineColor
	case propContent:
		cs.Content = parent.Content
	case propCounterReset:
		cs.CounterReset = parent.CounterReset
	case propCounterIncrement:
		cs.CounterIncrement = parent.CounterIncrement
	case propQuotes:
		cs.Quotes = parent.Quotes
	case propBackgroundImage:
		cs.BackgroundImage = parent.BackgroundImage
	case propBackgroundRepeat:
		cs.BackgroundRepeat = parent.BackgroundRepeat
	case propBackgroundPositionX, propBackgroundPositionY:
		cs.BackgroundPosition[p-propBackgroundPositionX] = parent.BackgroundPosition[p-propBackgroundPositionX]
	default:
		inheritFlex(cs, parent, p)
	}
}

// reset sets property p to its initial value. cs starts out initial, so
// only the initial values that depend on other properties need work.
func (c *computer) reset(cs *ComputedStyle, p propID) {
	switch p {
	case propBorderTopColor, propBorderRightColor, propBorderBottomColor, propBorderLeftColor:
		cs.BorderColor[p-propBorderTopColor] = cs.Color // currentColor
	case propOutlineColor:
		cs.OutlineColor = cs.Color // invert, drawn as currentColor
	}
}

// set computes property p from the specified value v.
func (c *computer) set(cs, parent *ComputedStyle, p propID, v *value, bw *[4]float32) {
	switch p {
	case propFontSize:
		cs.FontSize = c.fontSize(v, parent)
	case propColor:
		if v.kind == kCurrentColor {
			cs.Color = parent.Color // currentColor on color means inherit
		} else {
			cs.Color = v.rgba
		}
	case propFontFamily:
		cs.FontFamily = v.fams
	case propFontWeight:
		cs.FontWeight = fontWeight(v, parent.FontWeight)
	case propFontStyle:
		cs.FontStyle = FontStyle(v.key)
	case propLineHeight:
		switch v.kind {
		case kNone:
			cs.LineHeight = LineHeight{Kind: LineHeightNormal}
		case kNumber:
			cs.LineHeight = LineHeight{Kind: LineHeightNumber, Value: v.num}
		case kPercent:
			cs.LineHeight = LineHeight{Kind: LineHeightPx, Value: v.num * cs.FontSize / 100}
		case kCalc:
			l := c.calcLength(v.calc, cs.FontSize)
			cs.LineHeight = LineHeight{Kind: LineHeightPx, Value: max(l.Resolve(cs.FontSize, 0), 0)}
		default:
			cs.LineHeight = LineHeight{Kind: LineHeightPx, Value: c.px(v, cs.FontSize)}
		}
	case propDisplay:
		cs.Display = Display(v.key)
	case propBoxSizing:
		cs.BoxSizing = BoxSizing(v.key)
	case propMarginTop, propMarginRight, propMarginBottom, propMarginLeft:
		cs.Margin[p-propMarginTop] = c.length(v, cs.FontSize)
	case propPaddingTop, propPaddingRight, propPaddingBottom, propPaddingLeft:
		cs.Padding[p-propPaddingTop] = c.length(v, cs.FontSize)
	case propBorderTopStyle, propBorderRightStyle, propBorderBottomStyle, propBorderLeftStyle:
		cs.BorderStyle[p-propBorderTopStyle] = BorderStyle(v.key)
	case propBorderTopWidth, propBorderRightWidth, propBorderBottomWidth, propBorderLeftWidth:
		bw[p-propBorderTopWidth] = c.px(v, cs.FontSize)
	case propBorderTopColor, propBorderRightColor, propBorderBottomColor, propBorderLeftColor:
		cs.BorderColor[p-propBorderTopColor] = c.color(v, cs)
	case propWidth:
		cs.Width = c.length(v, cs.FontSize)
	case propHeight:
		cs.Height = c.length(v, cs.FontSize)
	case propMinWidth:
		cs.MinWidth = c.length(v, cs.FontSize)
	case propMinHeight:
		cs.MinHeight = c.length(v, cs.FontSize)
	case propMaxWidth:
		cs.MaxWidth = c.length(v, cs.FontSize)
	case propMaxHeight:
		cs.MaxHeight = c.length(v, cs.FontSize)
	case propBackgroundColor:
		cs.BackgroundColor = c.color(v, cs)
	case propTextAlign:
		cs.TextAlign = TextAlign(v.key)
	case propWhiteSpace:
		cs.WhiteSpace = WhiteSpace(v.key)
	case propTextDecorationLine:
		cs.TextDecoration = TextDecorationLine(v.key)
	case propListStyleType:
		cs.ListStyleType = ListStyleType(v.key)
	case propVisibility:
		cs.Visibility = Visibility(v.key)
	case propFloat:
		cs.Float = Float(v.key)
	case propClear:
		cs.Clear = Clear(v.key)
	case propPosition:
		cs.Position = Position(v.key)
	case propTop, propRight, propBottom, propLeft:
		cs.Inset[p-propTop] = c.length(v, cs.FontSize)
	case propZIndex:
		if v.kind == kAuto {
			cs.ZIndex, cs.ZIndexAuto = 0, true
		} else {
			cs.ZIndex, cs.ZIndexAuto = int32(v.num), false
		}
	case propOverflowX:
		cs.OverflowX = Overflow(v.key)
	case propOverflowY:
		cs.OverflowY = Overflow(v.key)
	case propTextIndent:
		cs.TextIndent = c.length(v, cs.FontSize)
	case propBorderSpacingH, propBorderSpacingV:
		cs.BorderSpacing[p-propBorderSpacingH] = max(c.px(v, cs.FontSize), 0)
	case propBorderCollapse:
		cs.BorderCollapse = v.key == 1
	case propTableLayout:
		cs.TableLayoutFixed = v.key == 1
	case propCaptionSide:
		cs.CaptionBottom = v.key == 1
	case propTextTransform:
		cs.TextTransform = TextTransform(v.key)
	case propLetterSpacing:
		cs.LetterSpacing = c.px(v, cs.FontSize)
	case propWordSpacing:
		cs.WordSpacing = c.px(v, cs.FontSize)
	case propClip:
		cs.ClipSet = v.kind == kClip
		if cs.ClipSet {
			for i, r := range v.rect {
				cs.Clip[i] = c.length(r, cs.FontSize)
			}
		}
	case propOutlineStyle:
		cs.OutlineStyle = BorderStyle(v.key)
	case propOutlineWidth:
		cs.OutlineWidth = c.px(v, cs.FontSize)
	case propOutlineColor:
		cs.OutlineColor = c.color(v, cs)
	case propContent:
		cs.Content = v.content // nil for none and normal
	case propCounterReset:
		cs.CounterReset = v.counters
	case propCounterIncrement:
		cs.CounterIncrement = v.counters
	case propQuotes:
		cs.Quotes = v.fams
	case propBackgroundImage:
		cs.BackgroundImage = v.str // "" for none
	case propBackgroundRepeat:
		cs.BackgroundRepeat = BackgroundRepeat(v.key)
	case propBackgroundPositionX, propBackgroundPositionY:
		cs.BackgroundPosition[p-propBackgroundPositionX] = c.length(v, cs.FontSize)
	case propVerticalAlign:
		if v.kind == kKeyword {
			cs.VerticalAlign = VerticalAlign{Kind: VAlignKind(v.key)}
		} else {
			cs.VerticalAlign = VerticalAlign{Kind: VAlignLength, Len: c.length(v, cs.FontSize)}
		}
	default:
		c.setFlex(cs, p, v)
	}
}

func (c *computer) color(v *value, cs *ComputedStyle) color.NRGBA {
	if v.kind == kCurrentColor {
		return cs.Color
	}
	return v.rgba
}

// length computes a length-percentage, auto or none.
func (c *computer) length(v *value, fontSize float32) Length {
	switch v.kind {
	case kAuto:
		return AutoLength
	case kNone:
		return NoneLength
	case kPercent:
		return Length{Value: v.num, Unit: Percent}
	case kCalc:
		return c.calcLength(v.calc, fontSize)
	}
	return PxLength(c.px(v, fontSize))
}

// calcLength computes a math expression: lengths to px, and what is left
// a px length, a percentage, or a Calc length for layout to finish.
func (c *computer) calcLength(n *calcNode, fontSize float32) Length {
	lin, tree := n.compute(func(num float32, u unit) float32 {
		return c.px(&value{kind: kLength, unit: u, num: num}, fontSize)
	})
	switch {
	case tree != nil:
		return Length{Unit: Calc, Calc: &CalcLength{tree: tree}}
	case lin.pct == 0:
		return PxLength(finite(lin.px))
	case lin.px == 0:
		return Length{Value: finite(lin.pct), Unit: Percent}
	}
	return Length{Unit: Calc, Calc: &CalcLength{lin: lin}}
}

// px converts a length to CSS px. fontSize is what em refers to: the
// element's own font size, or the parent's when computing font-size.
func (c *computer) px(v *value, fontSize float32) float32 {
	if v.kind == kCalc {
		// A length-only expression (border widths and the like).
		l := c.calcLength(v.calc, fontSize)
		return l.Resolve(0, 0)
	}
	n := v.num
	var r float32
	switch v.unit {
	case uPx:
		r = n
	case uEm:
		r = n * fontSize
	case uRem:
		r = n * c.rootFont
	case uEx:
		// Without the x-height at hand, half an em, the fallback CSS
		// Values suggests.
		r = n * fontSize / 2
	case uCh:
		r = n * fontSize * c.chPerPx()
	case uVw:
		r = n * c.vp.Width / 100
	case uVh:
		r = n * c.vp.Height / 100
	case uVmin:
		r = n * min(c.vp.Width, c.vp.Height) / 100
	case uVmax:
		r = n * max(c.vp.Width, c.vp.Height) / 100
	case uPt:
		r = n * 96 / 72
	case uPc:
		r = n * 16
	case uIn:
		r = n * 96
	case uCm:
		r = n * 96 / 2.54
	case uMm:
		r = n * 96 / 25.4
	case uQ:
		r = n * 96 / 101.6
	}
	if math.IsInf(float64(r), 0) || math.IsNaN(float64(r)) {
		// Overflow from a huge value times a large font: clamp to a
		// finite number so that layout arithmetic stays sane.
		if r < 0 {
			return -math.MaxFloat32
		}
		return math.MaxFloat32
	}
	return r
}

// fontSize computes font-size. Relative sizes (em, %, smaller, larger)
// are relative to the parent's font size; rem to the root's, which for
// the root itself is the initial size.
func (c *computer) fontSize(v *value, parent *ComputedStyle) float32 {
	switch v.kind {
	case kKeyword:
		switch v.key {
		case sizeSmaller:
			return parent.FontSize / 1.2
		case sizeLarger:
			return parent.FontSize * 1.2
		}
		return mediumFontSize * fontSizeScale[v.key]
	case kPercent:
		return parent.FontSize * v.num / 100
	case kCalc:
		return max(c.calcLength(v.calc, parent.FontSize).Resolve(parent.FontSize, 0), 0)
	}
	return c.px(v, parent.FontSize)
}

// fontWeight computes font-weight, resolving bolder and lighter against
// the parent's weight with the table of CSS Fonts 4.
func fontWeight(v *value, parent int) int {
	if v.kind == kNumber {
		return int(math.Round(float64(v.num)))
	}
	if v.key == weightBolder {
		switch {
		case parent < 350:
			return 400
		case parent < 550:
			return 700
		}
		return 900
	}
	switch {
	case parent < 100:
		return parent
	case parent < 550:
		return 100
	case parent < 750:
		return 400
	}
	return 700
}

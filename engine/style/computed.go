package style

import "image/color"

// Unit says how a computed Length is to be read.
type Unit uint8

// The units a computed length can have. Relative units (em, rem, vw, vh,
// pt, ...) are resolved to Px when the style is computed; percentages stay
// percentages until layout knows the containing block.
const (
	Px      Unit = iota // Value is in CSS pixels.
	Percent             // Value is a percentage (50 means 50%).
	Auto                // the keyword auto; Value is unused.
	None                // the keyword none (max-width, max-height); Value is unused.
	Calc                // a math expression mixing lengths and percentages, in Calc.
	Content             // the keyword content (flex-basis); Value is unused.
)

// Length is a computed length-percentage, auto or none.
type Length struct {
	Value float32
	Unit  Unit
	// Calc is the expression of a Calc length: calc(100% - 2em) and the
	// like, which only layout can resolve.
	Calc *CalcLength
}

// Convenience constructors.
var (
	AutoLength = Length{Unit: Auto}
	NoneLength = Length{Unit: None}
)

// PxLength returns a length of v CSS pixels.
func PxLength(v float32) Length { return Length{Value: v, Unit: Px} }

// Resolve returns the length in px against a percentage basis. Auto and
// none resolve to fallback.
func (l Length) Resolve(basis, fallback float32) float32 {
	switch l.Unit {
	case Px:
		return l.Value
	case Percent:
		return l.Value * basis / 100
	case Calc:
		return finite(l.Calc.Resolve(basis))
	}
	return fallback
}

// HasPercent reports whether the length depends on a percentage basis: a
// percentage, or a math expression with one.
func (l Length) HasPercent() bool {
	return l.Unit == Percent || l.Unit == Calc && l.Calc.HasPercent()
}

// IsAuto reports whether l is auto.
func (l Length) IsAuto() bool { return l.Unit == Auto }

// Display is the computed value of the display property, reduced to the
// boxes this engine generates.
type Display uint8

// Display values.
const (
	DisplayInline Display = iota // the initial value
	DisplayBlock
	DisplayInlineBlock
	DisplayListItem
	DisplayNone
	DisplayFlex
	DisplayInlineFlex
	DisplayGrid
	DisplayInlineGrid
	DisplayTable
	DisplayInlineTable
	DisplayTableRowGroup
	DisplayTableHeaderGroup
	DisplayTableFooterGroup
	DisplayTableRow
	DisplayTableCell
	DisplayTableColumnGroup
	DisplayTableColumn
	DisplayTableCaption
	DisplayContents
)

// BorderStyle is a computed border-*-style.
type BorderStyle uint8

// Border styles.
const (
	BorderNone BorderStyle = iota
	BorderHidden
	BorderSolid
	BorderDashed
	BorderDotted
	BorderDouble
	BorderGroove
	BorderRidge
	BorderInset
	BorderOutset
)

// BoxSizing is the computed box-sizing.
type BoxSizing uint8

// Box sizing values.
const (
	ContentBox BoxSizing = iota
	BorderBox
)

// FontStyle is the computed font-style.
type FontStyle uint8

// Font styles.
const (
	FontNormal FontStyle = iota
	FontItalic
	FontOblique
)

// TextAlign is the computed text-align. Start and end are resolved for a
// left-to-right direction when the style is computed.
type TextAlign uint8

// Text alignments.
const (
	AlignLeft TextAlign = iota
	AlignRight
	AlignCenter
	AlignJustify
)

// WhiteSpace is the computed white-space.
type WhiteSpace uint8

// White-space values.
const (
	WhiteSpaceNormal WhiteSpace = iota
	WhiteSpacePre
	WhiteSpaceNowrap
	WhiteSpacePreWrap
	WhiteSpacePreLine
)

// LineHeightKind says how LineHeight.Value is read.
type LineHeightKind uint8

// Line-height kinds. Percentages and lengths compute to px; numbers stay
// numbers (they inherit as numbers, per CSS 2.1 10.8.1).
const (
	LineHeightNormal LineHeightKind = iota
	LineHeightNumber
	LineHeightPx
)

// LineHeight is the computed line-height.
type LineHeight struct {
	Kind  LineHeightKind
	Value float32
}

// TextDecorationLine is a set of decoration lines.
type TextDecorationLine uint8

// Decoration lines, combinable.
const (
	DecorationUnderline TextDecorationLine = 1 << iota
	DecorationOverline
	DecorationLineThrough
)

// ListStyleType is the computed list-style-type, reduced to the markers
// this engine draws.
type ListStyleType uint8

// List style types.
const (
	ListDisc ListStyleType = iota
	ListCircle
	ListSquare
	ListDecimal
	ListLowerAlpha
	ListUpperAlpha
	ListLowerRoman
	ListUpperRoman
	ListNone
)

// Visibility is the computed visibility. Hidden boxes take up space but
// are not painted.
type Visibility uint8

// Visibility values.
const (
	VisibilityVisible Visibility = iota
	VisibilityHidden
	VisibilityCollapse
)

// Float is the computed float.
type Float uint8

// Float values.
const (
	FloatNone Float = iota
	FloatLeft
	FloatRight
)

// Clear is the computed clear.
type Clear uint8

// Clear values.
const (
	ClearNone Clear = iota
	ClearLeft
	ClearRight
	ClearBoth
)

// Position is the computed position.
type Position uint8

// Position values.
const (
	PositionStatic Position = iota
	PositionRelative
	PositionAbsolute
	PositionFixed
)

// Overflow is a computed overflow-x or overflow-y.
type Overflow uint8

// Overflow values.
const (
	OverflowVisible Overflow = iota
	OverflowHidden
	OverflowScroll
	OverflowAuto
	OverflowClip
)

// VAlignKind is the kind of a computed vertical-align.
type VAlignKind uint8

// Vertical-align kinds. VAlignLength raises the box by a length or a
// percentage of its line-height.
const (
	VAlignBaseline VAlignKind = iota
	VAlignSub
	VAlignSuper
	VAlignTextTop
	VAlignTextBottom
	VAlignMiddle
	VAlignTop
	VAlignBottom
	VAlignLength
)

// VerticalAlign is the computed vertical-align.
type VerticalAlign struct {
	Kind VAlignKind
	Len  Length // px or percent, for VAlignLength
}

// BackgroundRepeat is the computed background-repeat.
type BackgroundRepeat uint8

// Background repeat values.
const (
	RepeatBoth BackgroundRepeat = iota
	RepeatX
	RepeatY
	RepeatNone
)

// ContentKind is the kind of an item of the content property.
type ContentKind uint8

// Content item kinds.
const (
	ContentString   ContentKind = iota // Text
	ContentAttr                        // the value of the attribute named Text
	ContentCounter                     // counter(Text, Style)
	ContentCounters                    // counters(Text, Sep, Style)
	ContentOpenQuote
	ContentCloseQuote
	ContentNoOpenQuote
	ContentNoCloseQuote
)

// ContentItem is one item of a computed content value.
type ContentItem struct {
	Kind  ContentKind
	Text  string
	Sep   string
	Style ListStyleType
}

// CounterOp is one counter of counter-reset or counter-increment.
type CounterOp struct {
	Name  string
	Value int
}

// TextTransform is the computed text-transform.
type TextTransform uint8

// Text transforms.
const (
	TransformNone TextTransform = iota
	TransformUppercase
	TransformLowercase
	TransformCapitalize
)

// Sides index the [4] arrays of a ComputedStyle, in the CSS shorthand order.
const (
	Top = iota
	Right
	Bottom
	Left
)

// ComputedStyle is the computed value of every property the engine knows,
// for one element. Values are as CSS defines computed values: lengths are
// absolute px (or percentages, auto, none), colours are resolved (no
// currentColor), keywords are enums. Layout reads nothing else.
//
// Text nodes have no style of their own; they use their parent element's.
type ComputedStyle struct {
	Display   Display
	BoxSizing BoxSizing

	Margin      [4]Length  // px, percent or auto
	Padding     [4]Length  // px or percent
	BorderWidth [4]float32 // px; 0 when the side's style is none or hidden
	BorderStyle [4]BorderStyle
	BorderColor [4]color.NRGBA

	Width, Height       Length // px, percent or auto
	MinWidth, MinHeight Length // px, percent or auto (auto acts as 0 here)
	MaxWidth, MaxHeight Length // px, percent or none

	Color           color.NRGBA
	BackgroundColor color.NRGBA

	FontFamily []string // as written, generic families included ("serif")
	FontSize   float32  // px
	FontWeight int      // 100..900
	FontStyle  FontStyle
	LineHeight LineHeight

	TextAlign      TextAlign
	WhiteSpace     WhiteSpace
	TextDecoration TextDecorationLine
	ListStyleType  ListStyleType
	Visibility     Visibility

	Float    Float
	Clear    Clear
	Position Position
	// Inset is top, right, bottom and left: px, percent or auto.
	Inset [4]Length
	// ZIndex is the z-index when ZIndexAuto is false.
	ZIndex     int32
	ZIndexAuto bool
	// OverflowX and OverflowY are visible or clip together, or neither
	// (CSS Overflow 3: visible computes to auto beside a scrolling value).
	OverflowX, OverflowY Overflow

	VerticalAlign VerticalAlign

	// BackgroundImage is the URL of the background image, "" for none,
	// as written: the page resolves it (style sheets' URLs it makes
	// absolute against their own URLs when it loads them).
	BackgroundImage    string
	BackgroundRepeat   BackgroundRepeat
	BackgroundPosition [2]Length // x and y: px or percent

	// Content is the content of a ::before or ::after pseudo-element;
	// nil for normal and none.
	Content                        []ContentItem
	CounterReset, CounterIncrement []CounterOp
	// Outline: drawn outside the border box when its style is not none
	// and its width not 0 (OutlineWidth is 0 then).
	OutlineStyle BorderStyle
	OutlineWidth float32
	OutlineColor color.NRGBA

	// Tables (CSS 2.1 17): border-spacing horizontal and vertical in
	// px, border-collapse: collapse, table-layout: fixed and
	// caption-side: bottom.
	BorderSpacing    [2]float32
	BorderCollapse   bool
	TableLayoutFixed bool
	CaptionBottom    bool

	TextIndent    Length // px or percent of the containing block's width
	TextTransform TextTransform
	// LetterSpacing and WordSpacing are added to each letter and each
	// space; normal is 0.
	LetterSpacing, WordSpacing float32

	// Clip is the clip rectangle of an absolutely positioned box, top,
	// right, bottom and left from its border box's top-left corner (auto
	// for its edges); ClipSet is false for clip: auto.
	Clip    [4]Length
	ClipSet bool

	// Quotes are the open and close quotes, in pairs by nesting level;
	// nil for auto (the UA's), empty for none.
	Quotes []string

	// Flex containers and items, and box alignment (flexprops.go).
	FlexDirection         FlexDirection
	FlexWrap              FlexWrap
	Order                 int32
	FlexGrow, FlexShrink  float32
	FlexBasis             Length // px, percent, auto, or Content
	JustifyContent        Align
	AlignItems, AlignSelf Align
	AlignContent          Align
	RowGap, ColumnGap     Length // px or percent; normal is 0
	JustifyItems          Align  // grid items' default justify-self
	JustifySelf           Align

	// Grid containers and items (gridprops.go); nil when initial.
	Grid     *GridContainer
	GridItem *GridPlacement

	// vars are the custom properties, shared with the parent's style
	// when the element declares none.
	vars customProps
}

// IsFloat reports whether the box floats.
func (s *ComputedStyle) IsFloat() bool { return s.Float != FloatNone }

// OutOfFlowPositioned reports whether the box is absolutely positioned
// (absolute or fixed).
func (s *ComputedStyle) OutOfFlowPositioned() bool {
	return s.Position == PositionAbsolute || s.Position == PositionFixed
}

// Positioned reports whether position is other than static.
func (s *ComputedStyle) Positioned() bool { return s.Position != PositionStatic }

// ClipsOverflow reports whether the box clips its content (overflow
// other than visible).
func (s *ComputedStyle) ClipsOverflow() bool {
	return s.OverflowX != OverflowVisible || s.OverflowY != OverflowVisible
}

// UsedLineHeight returns the line height in px. normal is taken from the
// font's own metrics by the caller, so for normal it returns normal, false.
func (s *ComputedStyle) UsedLineHeight() (px float32, ok bool) {
	switch s.LineHeight.Kind {
	case LineHeightNumber:
		return s.LineHeight.Value * s.FontSize, true
	case LineHeightPx:
		return s.LineHeight.Value, true
	}
	return 0, false
}

package style

import (
	"math"
	"strings"

	"glassbox/engine/css"
)

// FlexDirection is the computed flex-direction.
type FlexDirection uint8

// Flex directions.
const (
	FlexRow FlexDirection = iota
	FlexRowReverse
	FlexColumn
	FlexColumnReverse
)

// IsColumn reports whether the main axis is vertical.
func (d FlexDirection) IsColumn() bool { return d >= FlexColumn }

// IsReverse reports whether main-start is at the end of the axis.
func (d FlexDirection) IsReverse() bool { return d == FlexRowReverse || d == FlexColumnReverse }

// FlexWrap is the computed flex-wrap.
type FlexWrap uint8

// Flex wrap values.
const (
	NoWrap FlexWrap = iota
	Wrap
	WrapReverse
)

// Align is a computed box alignment value (CSS Box Alignment 3), for
// justify-content, align-items, align-self and align-content. The
// AlignSafe bit marks "safe" overflow alignment.
type Align uint8

// Alignment values. AlignAuto only occurs in align-self; AlignNormal is
// the initial value of the others.
const (
	AlignNormal Align = iota
	AlignAuto
	AlignStretch
	AlignStart // start, flex-start, self-start, left (horizontal ltr)
	AlignEnd   // end, flex-end, self-end, right
	AlignCenterBox
	AlignBaseline
	AlignLastBaseline
	AlignSpaceBetween
	AlignSpaceAround
	AlignSpaceEvenly
	AlignFlexStart // flex-start: start of the flex container's main or cross axis
	AlignFlexEnd

	AlignSafe Align = 0x80
)

// Position returns the alignment without its overflow bit.
func (a Align) Position() Align { return a &^ AlignSafe }

// IsSafe reports whether the alignment is "safe".
func (a Align) IsSafe() bool { return a&AlignSafe != 0 }

var alignKeywords = map[string]Align{
	"normal": AlignNormal, "auto": AlignAuto, "stretch": AlignStretch,
	"start": AlignStart, "self-start": AlignStart, "left": AlignStart,
	"end": AlignEnd, "self-end": AlignEnd, "right": AlignEnd,
	"flex-start": AlignFlexStart, "flex-end": AlignFlexEnd,
	"center": AlignCenterBox, "baseline": AlignBaseline,
	"space-between": AlignSpaceBetween, "space-around": AlignSpaceAround,
	"space-evenly": AlignSpaceEvenly,
}

// Which alignment keywords each property accepts.
const (
	alignsSelf    = 1 << iota // positional, baseline, stretch (align-items, align-self)
	alignsContent             // positional, baseline, distribution, stretch (align-content)
	alignsJustify             // positional, distribution, stretch (justify-content)
)

// parseAlign reads an alignment: [safe | unsafe]? position, or a
// baseline or distribution keyword, as the property allows.
func parseAlign(words [][]css.Token, allow int) *value {
	var ks []string
	for _, w := range words {
		t, ok := one(w)
		if !ok || t.Type != css.IdentToken {
			return nil
		}
		ks = append(ks, strings.ToLower(t.Value))
	}
	var safe Align
	if len(ks) == 2 {
		switch ks[0] {
		case "safe":
			safe = AlignSafe
		case "unsafe":
		case "first":
			if ks[1] != "baseline" || allow&alignsJustify != 0 {
				return nil
			}
			return &value{kind: kKeyword, key: int(AlignBaseline)}
		case "last":
			if ks[1] != "baseline" || allow&alignsJustify != 0 {
				return nil
			}
			return &value{kind: kKeyword, key: int(AlignLastBaseline)}
		default:
			return nil
		}
		ks = ks[1:]
	}
	if len(ks) != 1 {
		return nil
	}
	a, ok := alignKeywords[ks[0]]
	if !ok {
		return nil
	}
	switch a {
	case AlignAuto:
		if allow&alignsSelf == 0 || safe != 0 {
			return nil
		}
	case AlignNormal, AlignStretch:
		if safe != 0 {
			return nil
		}
	case AlignBaseline:
		if allow&alignsJustify != 0 || safe != 0 {
			return nil
		}
	case AlignSpaceBetween, AlignSpaceAround, AlignSpaceEvenly:
		if allow&alignsSelf != 0 || safe != 0 {
			return nil
		}
	}
	switch ks[0] {
	case "self-start", "self-end":
		if allow&alignsSelf == 0 {
			return nil
		}
	case "left", "right":
		if allow&alignsJustify == 0 {
			return nil
		}
	}
	return &value{kind: kKeyword, key: int(a | safe)}
}

var flexDirections = map[string]int{
	"row": int(FlexRow), "row-reverse": int(FlexRowReverse),
	"column": int(FlexColumn), "column-reverse": int(FlexColumnReverse),
}

var flexWraps = map[string]int{"nowrap": int(NoWrap), "wrap": int(Wrap), "wrap-reverse": int(WrapReverse)}

// parseFlexLonghand parses the flexbox and alignment longhands.
func parseFlexLonghand(p propID, words [][]css.Token) *value {
	switch p {
	case propAlignItems:
		v := parseAlign(words, alignsSelf)
		if v != nil && Align(v.key) == AlignAuto {
			return nil
		}
		return v
	case propAlignSelf:
		return parseAlign(words, alignsSelf)
	case propAlignContent:
		return parseAlign(words, alignsContent)
	case propJustifyContent:
		v := parseAlign(words, alignsJustify)
		if v != nil && Align(v.key).Position() == AlignBaseline {
			return nil
		}
		return v
	}
	if len(words) != 1 || len(words[0]) != 1 {
		return nil
	}
	t := words[0][0]
	switch p {
	case propFlexDirection:
		return keyword(t, flexDirections)
	case propFlexWrap:
		return keyword(t, flexWraps)
	case propOrder:
		if t.Type == css.NumberToken && t.Int {
			return &value{kind: kNumber, num: float32(max(min(t.Num, math.MaxInt32), math.MinInt32))}
		}
		if n, ok := parseNumber(t); ok && t.Type == css.FunctionToken {
			return &value{kind: kNumber, num: float32(math.Round(float64(n)))}
		}
	case propFlexGrow, propFlexShrink:
		if n, ok := parseNumber(t); ok && (n >= 0 || t.Type == css.FunctionToken) {
			return &value{kind: kNumber, num: max(n, 0)}
		}
	case propFlexBasis:
		switch {
		case t.IsIdent("auto"):
			return vAuto
		case t.IsIdent("content"):
			return &value{kind: kKeyword, key: 1}
		case isIntrinsicSize(t):
			return &value{kind: kKeyword, key: 1} // min-/max-content: content is nearest
		}
		return parseLength(t, allowPercent)
	case propRowGap, propColumnGap:
		if t.IsIdent("normal") {
			return vZero
		}
		return parseLength(t, allowPercent)
	}
	return nil
}

func flexShorthand(name string) bool {
	switch name {
	case "flex", "flex-flow", "gap", "grid-gap", "place-content", "place-items", "place-self":
		return true
	}
	return false
}

// expandFlex expands the flexbox and alignment shorthands.
func expandFlex(out []specDecl, name string, words [][]css.Token, important bool) []specDecl {
	add := func(p propID, v *value) { out = append(out, specDecl{prop: p, important: important, val: v}) }
	switch name {
	case "flex":
		grow, shrink, basis, ok := parseFlex(words)
		if ok {
			add(propFlexGrow, grow)
			add(propFlexShrink, shrink)
			add(propFlexBasis, basis)
		}
	case "flex-flow":
		var dir, wrap *value
		for _, w := range words {
			t, ok := one(w)
			if !ok {
				return out
			}
			if v := keyword(t, flexDirections); v != nil && dir == nil {
				dir = v
			} else if v := keyword(t, flexWraps); v != nil && wrap == nil {
				wrap = v
			} else {
				return out
			}
		}
		if len(words) == 0 {
			return out
		}
		if dir == nil {
			dir = &value{kind: kKeyword, key: int(FlexRow)}
		}
		if wrap == nil {
			wrap = &value{kind: kKeyword, key: int(NoWrap)}
		}
		add(propFlexDirection, dir)
		add(propFlexWrap, wrap)
	case "gap", "grid-gap":
		if len(words) < 1 || len(words) > 2 {
			return out
		}
		row := parseFlexLonghand(propRowGap, words[:1])
		col := row
		if len(words) == 2 {
			col = parseFlexLonghand(propColumnGap, words[1:])
		}
		if row == nil || col == nil {
			return out
		}
		add(propRowGap, row)
		add(propColumnGap, col)
	case "place-content":
		// align-content [justify-content]?; the single-value form copies
		// it unless it is a baseline value.
		for split := 1; split <= len(words); split++ {
			a := parseFlexLonghand(propAlignContent, words[:split])
			if a == nil {
				continue
			}
			var j *value
			if split == len(words) {
				if Align(a.key).Position() == AlignBaseline || Align(a.key).Position() == AlignLastBaseline {
					j = &value{kind: kKeyword, key: int(AlignStart)}
				} else {
					j = a
				}
			} else {
				j = parseFlexLonghand(propJustifyContent, words[split:])
			}
			if j != nil {
				add(propAlignContent, a)
				add(propJustifyContent, j)
				return out
			}
		}
	case "place-items", "place-self":
		// align [justify]?, the single value form setting both.
		ap, jp := propAlignItems, propJustifyItems
		if name == "place-self" {
			ap, jp = propAlignSelf, propJustifySelf
		}
		for split := 1; split <= len(words); split++ {
			a := parseFlexLonghand(ap, words[:split])
			if a == nil {
				continue
			}
			j := a
			if split < len(words) {
				j = parseGridLonghand(jp, nil, words[split:])
			}
			if j != nil {
				add(ap, a)
				add(jp, j)
				return out
			}
		}
	}
	return out
}

// parseFlex reads the flex shorthand: none | [grow shrink? || basis].
// A unitless zero that is not preceded by two numbers is a grow or
// shrink factor; flex: 1 means 1 1 0%.
func parseFlex(words [][]css.Token) (grow, shrink, basis *value, ok bool) {
	if len(words) == 1 {
		if t, _ := one(words[0]); t.IsIdent("none") {
			return &value{kind: kNumber}, &value{kind: kNumber}, vAuto, true
		}
	}
	if len(words) == 0 || len(words) > 3 {
		return nil, nil, nil, false
	}
	var nums []float32
	numsDone := false // a basis came after the factors, which cannot resume
	for _, w := range words {
		t, single := one(w)
		if !single {
			return nil, nil, nil, false
		}
		isNum := t.Type == css.NumberToken || t.Type == css.FunctionToken && isNumberMath(t)
		if isNum && len(nums) < 2 && !numsDone {
			n, ok := parseNumber(t)
			if !ok || n < 0 {
				return nil, nil, nil, false
			}
			nums = append(nums, n)
			continue
		}
		if basis != nil {
			return nil, nil, nil, false
		}
		if basis = parseFlexLonghand(propFlexBasis, [][]css.Token{w}); basis == nil {
			return nil, nil, nil, false
		}
		numsDone = len(nums) > 0
	}
	grow, shrink = &value{kind: kNumber, num: 1}, &value{kind: kNumber, num: 1}
	switch len(nums) {
	case 0:
	case 1:
		grow = &value{kind: kNumber, num: nums[0]}
	default:
		grow = &value{kind: kNumber, num: nums[0]}
		shrink = &value{kind: kNumber, num: nums[1]}
	}
	if basis == nil {
		basis = &value{kind: kPercent}
	}
	return grow, shrink, basis, true
}

func isNumberMath(t css.Token) bool {
	if !isMathFunction(t) {
		return false
	}
	n := parseMath(t)
	return n != nil && n.typ == typeNumber
}

// inheritFlex copies a flexbox property from the parent (only ever
// asked for by inherit: none of them inherit by default).
func inheritFlex(cs, parent *ComputedStyle, p propID) {
	switch p {
	case propFlexDirection:
		cs.FlexDirection = parent.FlexDirection
	case propFlexWrap:
		cs.FlexWrap = parent.FlexWrap
	case propOrder:
		cs.Order = parent.Order
	case propFlexGrow:
		cs.FlexGrow = parent.FlexGrow
	case propFlexShrink:
		cs.FlexShrink = parent.FlexShrink
	case propFlexBasis:
		cs.FlexBasis = parent.FlexBasis
	case propJustifyContent:
		cs.JustifyContent = parent.JustifyContent
	case propAlignItems:
		cs.AlignItems = parent.AlignItems
	case propAlignSelf:
		cs.AlignSelf = parent.AlignSelf
	case propAlignContent:
		cs.AlignContent = parent.AlignContent
	case propRowGap:
		cs.RowGap = parent.RowGap
	case propColumnGap:
		cs.ColumnGap = parent.ColumnGap
	default:
		inheritGrid(cs, parent, p)
	}
}

// setFlex computes a flexbox property.
func (c *computer) setFlex(cs *ComputedStyle, p propID, v *value) {
	switch p {
	case propFlexDirection:
		cs.FlexDirection = FlexDirection(v.key)
	case propFlexWrap:
		cs.FlexWrap = FlexWrap(v.key)
	case propOrder:
		cs.Order = int32(v.num)
	case propFlexGrow:
		cs.FlexGrow = v.num
	case propFlexShrink:
		cs.FlexShrink = v.num
	case propFlexBasis:
		if v.kind == kKeyword {
			cs.FlexBasis = Length{Unit: Content}
		} else {
			cs.FlexBasis = c.length(v, cs.FontSize)
		}
	case propJustifyContent:
		cs.JustifyContent = Align(v.key)
	case propAlignItems:
		cs.AlignItems = Align(v.key)
	case propAlignSelf:
		cs.AlignSelf = Align(v.key)
	case propAlignContent:
		cs.AlignContent = Align(v.key)
	case propRowGap:
		cs.RowGap = c.length(v, cs.FontSize)
	case propColumnGap:
		cs.ColumnGap = c.length(v, cs.FontSize)
	default:
		c.setGrid(cs, p, v)
	}
}

package style

import "testing"

func TestFlexShorthand(t *testing.T) {
	tests := []struct {
		decl         string
		grow, shrink float32
		basis        Length
	}{
		{"", 0, 1, AutoLength},
		{"flex: 1", 1, 1, Length{Unit: Percent}},
		{"flex: 2 3", 2, 3, Length{Unit: Percent}},
		{"flex: 2 3 10px", 2, 3, PxLength(10)},
		{"flex: 10px 2", 2, 1, PxLength(10)},
		{"flex: auto", 1, 1, AutoLength},
		{"flex: none", 0, 0, AutoLength},
		{"flex: initial", 0, 1, AutoLength},
		{"flex: 0 0 0", 0, 0, PxLength(0)},
		{"flex: content", 1, 1, Length{Unit: Content}},
		{"flex: 1 1 50%", 1, 1, Length{Value: 50, Unit: Percent}},
		{"flex: calc(1 + 1) 1 auto", 2, 1, AutoLength},
		{"flex: 1; flex: 1 auto 2", 1, 1, Length{Unit: Percent}}, // invalid: dropped
		{"flex: 1; flex: -1", 1, 1, Length{Unit: Percent}},
		{"flex-grow: 3; flex-shrink: 0; flex-basis: 7em", 3, 0, PxLength(140)},
		{"--f: 4 5 6px; flex: var(--f)", 4, 5, PxLength(6)},
	}
	for _, tt := range tests {
		cs := styleOf(t, "", "", "font-size: 20px; "+tt.decl)
		if cs.FlexGrow != tt.grow || cs.FlexShrink != tt.shrink || cs.FlexBasis != tt.basis {
			t.Errorf("%s: got %v %v %v, want %v %v %v", tt.decl, cs.FlexGrow, cs.FlexShrink, cs.FlexBasis, tt.grow, tt.shrink, tt.basis)
		}
	}
}

func TestFlexProperties(t *testing.T) {
	tests := []struct {
		decl  string
		check func(*ComputedStyle) bool
	}{
		{"flex-flow: column wrap-reverse", func(c *ComputedStyle) bool {
			return c.FlexDirection == FlexColumn && c.FlexWrap == WrapReverse
		}},
		{"flex-flow: wrap", func(c *ComputedStyle) bool { return c.FlexDirection == FlexRow && c.FlexWrap == Wrap }},
		{"flex-direction: row-reverse", func(c *ComputedStyle) bool { return c.FlexDirection == FlexRowReverse }},
		{"order: -2", func(c *ComputedStyle) bool { return c.Order == -2 }},
		{"order: 1; order: 1.5", func(c *ComputedStyle) bool { return c.Order == 1 }},
		{"justify-content: space-evenly", func(c *ComputedStyle) bool { return c.JustifyContent == AlignSpaceEvenly }},
		{"justify-content: safe center", func(c *ComputedStyle) bool {
			return c.JustifyContent.Position() == AlignCenterBox && c.JustifyContent.IsSafe()
		}},
		{"justify-content: baseline", func(c *ComputedStyle) bool { return c.JustifyContent == AlignNormal }},
		{"align-items: flex-end", func(c *ComputedStyle) bool { return c.AlignItems == AlignFlexEnd }},
		{"align-items: auto", func(c *ComputedStyle) bool { return c.AlignItems == AlignNormal }},
		{"align-self: first baseline", func(c *ComputedStyle) bool { return c.AlignSelf == AlignBaseline }},
		{"align-self: space-between", func(c *ComputedStyle) bool { return c.AlignSelf == AlignAuto }},
		{"align-content: space-around", func(c *ComputedStyle) bool { return c.AlignContent == AlignSpaceAround }},
		{"place-content: center end", func(c *ComputedStyle) bool {
			return c.AlignContent == AlignCenterBox && c.JustifyContent == AlignEnd
		}},
		{"gap: 10px 5%", func(c *ComputedStyle) bool {
			return c.RowGap == PxLength(10) && c.ColumnGap == (Length{Value: 5, Unit: Percent})
		}},
		{"gap: 1em", func(c *ComputedStyle) bool { return c.RowGap == PxLength(16) && c.ColumnGap == PxLength(16) }},
		{"column-gap: normal", func(c *ComputedStyle) bool { return c.ColumnGap == PxLength(0) }},
	}
	for _, tt := range tests {
		if cs := styleOf(t, "", "", tt.decl); !tt.check(cs) {
			t.Errorf("%s: got %+v", tt.decl, cs)
		}
	}
}

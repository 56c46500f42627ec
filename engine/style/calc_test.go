package style

import "testing"

func TestCalc(t *testing.T) {
	// p's font-size is 20px, the root's 24px; the viewport 1000x800.
	tests := []struct {
		decl  string
		basis float32 // the percentage basis to resolve against
		want  float32
		unit  Unit
	}{
		{"width: calc(10px + 2em)", 0, 50, Px},
		{"width: calc(100% - 10px)", 200, 190, Calc},
		{"width: calc(50%)", 200, 100, Percent},
		{"width: calc(100%/4 + (10px - 5px) * 2)", 400, 110, Calc},
		{"width: calc(2 * 1rem)", 0, 48, Px},
		{"width: calc(calc(10vw))", 0, 100, Px},
		{"width: -webkit-calc(10px*3)", 0, 30, Px},
		{"width: min(50%, 300px)", 400, 200, Calc},
		{"width: min(50%, 300px)", 1000, 300, Calc},
		{"width: max(10px, 2em, 1rem)", 0, 40, Px},
		{"width: clamp(100px, 10%, 150px)", 2000, 150, Calc},
		{"width: clamp(100px, 50px, 150px)", 0, 100, Px},
		{"width: calc(10px - 20px)", 0, -10, Px}, // clamped by layout, not here
		{"margin-left: calc(-1 * (10px + 5%))", 100, -15, Calc},
		{"width: calc(100px / 4)", 0, 25, Px},
	}
	for _, tt := range tests {
		cs := styleOf(t, "font-size: 24px", "", "font-size: 20px; "+tt.decl)
		l := cs.Width
		if tt.decl[0] == 'm' {
			l = cs.Margin[Left]
		}
		if l.Unit != tt.unit || !near(l.Resolve(tt.basis, -1), tt.want) {
			t.Errorf("%s: got %v (unit %d), resolving to %v against %v; want %v unit %d",
				tt.decl, l, l.Unit, l.Resolve(tt.basis, -1), tt.basis, tt.want, tt.unit)
		}
	}
	// Invalid expressions are dropped, so the earlier declaration shows.
	for _, bad := range []string{
		"calc(10px + 5)", "calc(10px+5px)", "calc(10px * 5px)", "calc(10px / 2px)",
		"calc(5)", "calc()", "calc(10px 5px)", "min()", "clamp(1px, 2px)", "calc(10px +)",
		"calc(1px + 2foo)", "max(1px, 2)",
	} {
		cs := styleOf(t, "", "", "width: 7px; width: "+bad)
		if cs.Width != PxLength(7) {
			t.Errorf("width: %s accepted: %v", bad, cs.Width)
		}
	}
	// Percentages are not allowed where the property takes none.
	if cs := styleOf(t, "", "", "border-left: 2px solid; border-left-width: calc(5% + 1px)"); cs.BorderWidth[Left] != 2 {
		t.Errorf("border width with a percentage accepted: %v", cs.BorderWidth[Left])
	}
	if cs := styleOf(t, "", "", "border-left: solid calc(1px + 2px)"); cs.BorderWidth[Left] != 3 {
		t.Errorf("border width calc: %v", cs.BorderWidth[Left])
	}
	if cs := styleOf(t, "", "font-size: 10px", "font-size: calc(150% + 2px)"); !near(cs.FontSize, 17) {
		t.Errorf("font-size calc: %v", cs.FontSize)
	}
	if cs := styleOf(t, "", "", "font-size: 20px; line-height: calc(1 + 0.5)"); cs.LineHeight != (LineHeight{LineHeightNumber, 1.5}) {
		t.Errorf("line-height calc number: %v", cs.LineHeight)
	}
}

func TestCalcDeepNesting(t *testing.T) {
	deep := "10px"
	for range 200 {
		deep = "calc(" + deep + ")"
	}
	if cs := styleOf(t, "", "", "width: 7px; width: "+deep); cs.Width != PxLength(7) {
		t.Errorf("deep nesting accepted: %v", cs.Width)
	}
}

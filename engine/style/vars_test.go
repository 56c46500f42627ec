package style

import "testing"

func TestVar(t *testing.T) {
	tests := []struct {
		root, div, p string
		want         Length // p's width
	}{
		{"--w: 10px", "", "width: var(--w)", PxLength(10)},
		{"--w: 10px", "--w: 20px", "width: var(--w)", PxLength(20)},
		{"--W: 10px", "", "width: var(--w, 5px)", PxLength(5)}, // names are case-sensitive
		{"", "", "width: var(--none, var(--none2, 6px))", PxLength(6)},
		{"", "", "width: 3px; width: var(--none)", AutoLength}, // invalid at computed-value time
		{"--a: var(--b); --b: var(--a)", "", "width: var(--a, 7px)", PxLength(7)},
		{"--a: var(--a, 3px)", "", "width: var(--a, 8px)", PxLength(8)},
		{"--a: var(--b); --b: var(--c); --c: 9px", "", "width: var(--a)", PxLength(9)},
		{"--x: 2", "", "width: calc(var(--x) * 5px)", PxLength(10)},
		{"--x: 50%", "", "width: var(--x)", Length{Value: 50, Unit: Percent}},
		{"--x: 1px", "--x: initial", "width: var(--x, 4px)", PxLength(4)},
		{"--x: 1px", "--x: 2px", "--x: inherit; width: var(--x)", PxLength(2)},
		{"--x: 1px !important; --x: 2px", "", "width: var(--x)", PxLength(1)},
		{"--x: red", "", "width: 3px; width: var(--x)", AutoLength},
		{"--x:", "", "width: var(--x) 4px", PxLength(4)}, // an empty value
		{"", "", "width: var(x)", AutoLength},            // bad syntax: dropped at parse time
	}
	for _, tt := range tests {
		cs := styleOf(t, tt.root, tt.div, tt.p)
		if cs.Width != tt.want {
			t.Errorf("root %q div %q p %q: width %v, want %v", tt.root, tt.div, tt.p, cs.Width, tt.want)
		}
	}
}

func TestVarShorthand(t *testing.T) {
	cs := styleOf(t, "--m: 1px 2px", "", "margin: var(--m) 3px")
	if cs.Margin != [4]Length{PxLength(1), PxLength(2), PxLength(3), PxLength(2)} {
		t.Errorf("margin: %v", cs.Margin)
	}
	cs = styleOf(t, "--f: 150px/1 monospace", "", "font: var(--f)")
	if cs.FontSize != 150 || cs.LineHeight != (LineHeight{LineHeightNumber, 1}) || cs.FontFamily[0] != "monospace" {
		t.Errorf("font: %v %v %v", cs.FontSize, cs.LineHeight, cs.FontFamily)
	}
	cs = styleOf(t, "--c: green", "color: red", "color: var(--c)")
	if cs.Color != (styleOf(t, "", "", "color: green")).Color {
		t.Errorf("color: %v", cs.Color)
	}
	// Invalid at computed-value time, an inherited property inherits.
	cs = styleOf(t, "", "color: green", "color: var(--nope)")
	if cs.Color != (styleOf(t, "", "", "color: green")).Color {
		t.Errorf("unset color: %v", cs.Color)
	}
}

func TestVarExponential(t *testing.T) {
	decls := "--a0: xx"
	for i := 1; i < 40; i++ {
		decls += "; --a" + itoa(i) + ": var(--a" + itoa(i-1) + ") var(--a" + itoa(i-1) + ")"
	}
	cs := styleOf(t, decls, "", "width: 5px; width: var(--a39)")
	if cs.Width != AutoLength {
		t.Errorf("width: %v", cs.Width)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

package css

import "testing"

func TestMediaQueries(t *testing.T) {
	phone := MediaEnv{Width: 400, Height: 800}
	desktop := MediaEnv{Width: 1280, Height: 800}
	tests := []struct {
		query          string
		phone, desktop bool
	}{
		{``, true, true},
		{`all`, true, true},
		{`screen`, true, true},
		{`SCREEN`, true, true},
		{`print`, false, false},
		{`tv`, false, false},
		{`only screen`, true, true},
		{`not print`, true, true},
		{`not screen`, false, false},
		{`screen, print`, true, true},
		{`print, (min-width: 1000px)`, false, true},
		{`(min-width: 600px)`, false, true},
		{`(max-width: 600px)`, true, false},
		{`(max-width: 400px)`, true, false},
		{`(min-width: 37.5em)`, false, true}, // em in media queries is 16px
		{`(min-height: 800px)`, true, true},
		{`(max-height: 799px)`, false, false},
		{`screen and (min-width: 600px) and (max-width: 1300px)`, false, true},
		{`not screen and (min-width: 600px)`, true, false},
		{`(orientation: portrait)`, true, false},
		{`(orientation: landscape)`, false, true},
		{`(width >= 600px)`, false, true},
		{`(width < 600px)`, true, false},
		{`(600px <= width)`, false, true},
		{`(300px < width < 500px)`, true, false},
		{`(500px < width < 300px)`, false, false},
		{`(min-aspect-ratio: 16/9)`, false, false},
		{`(min-aspect-ratio: 1/1)`, false, true},
		{`(color)`, true, true},
		{`(monochrome)`, false, false},
		{`(prefers-color-scheme: dark)`, false, false},
		{`(prefers-reduced-motion: no-preference)`, true, true},
		{`(hover: hover)`, true, true},
		{`(unknown-feature)`, false, false},
		{`(min-width)`, false, false},
		{`screen and`, false, false},
		{`screen (min-width: 1px)`, false, false},
		{`(min-width: 600px) or (max-width: 500px)`, false, false}, // "or" is not supported yet
		{`garbage!, screen`, true, true},
		{`(min-width: 10)`, false, false}, // a number, no unit: no px width is 10
	}
	for _, tt := range tests {
		m := ParseMediaList(tt.query)
		if got := m.Matches(phone); got != tt.phone {
			t.Errorf("%q on phone = %v, want %v", tt.query, got, tt.phone)
		}
		if got := m.Matches(desktop); got != tt.desktop {
			t.Errorf("%q on desktop = %v, want %v", tt.query, got, tt.desktop)
		}
	}
}

func TestMediaRules(t *testing.T) {
	sheet := Parse(`
		a { x: 1 }
		@media (max-width: 600px) {
			b { x: 2 }
			@media print { c { x: 3 } }
		}
		@media screen { d { x: 4 } }
		e { x: 5 }`)
	env := MediaEnv{Width: 500, Height: 500}
	var got string
	for _, r := range sheet.Rules {
		if r.MediaMatches(env) {
			got += r.Selectors[0].String()
		}
	}
	if got != "abde" {
		t.Errorf("rules applying at 500px = %q, want %q", got, "abde")
	}
	got = ""
	for _, r := range sheet.Rules {
		if r.MediaMatches(MediaEnv{Width: 900, Height: 500}) {
			got += r.Selectors[0].String()
		}
	}
	if got != "ade" {
		t.Errorf("rules applying at 900px = %q, want %q", got, "ade")
	}
}

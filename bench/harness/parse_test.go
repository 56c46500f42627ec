package harness

import (
	"math"
	"strings"
	"testing"
)

func TestParseV8(t *testing.T) {
	lines := strings.Split(`Richards: 381
DeltaBlue: 95.3
Crypto: Error: Wrong result
Splay: 1.23e+3
not a result line
----
Score (version 7): 330`, "\n")
	o := ParseV8(lines)
	want := map[string]V8Line{
		"Richards":  {Score: 381},
		"DeltaBlue": {Score: 95.3},
		"Crypto":    {Err: "Error: Wrong result"},
		"Splay":     {Score: 1230},
	}
	if len(o.Results) != len(want) {
		t.Errorf("got %d results %v, want %d", len(o.Results), o.Results, len(want))
	}
	for name, w := range want {
		if got, ok := o.Results[name]; !ok || got != w {
			t.Errorf("Results[%q] = %+v, %v; want %+v", name, got, ok, w)
		}
	}
	if got := strings.Join(o.Order, ","); got != "Richards,DeltaBlue,Crypto,Splay" {
		t.Errorf("Order = %s", got)
	}
	if o.Score != 330 || o.Version != "7" {
		t.Errorf("Score, Version = %v, %q; want 330, \"7\"", o.Score, o.Version)
	}
}

func TestParseV8NoScore(t *testing.T) {
	// run.js prints no score line when a benchmark failed.
	o := ParseV8([]string{"RegExp: SyntaxError: Invalid regular expression", "  "})
	if o.Score != 0 || o.Version != "" {
		t.Errorf("Score, Version = %v, %q; want none", o.Score, o.Version)
	}
	if got := o.Results["RegExp"].Err; got != "SyntaxError: Invalid regular expression" {
		t.Errorf("error = %q", got)
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"123", 123, true},
		{" 0.0512 ", 0.0512, true},
		{"1e3", 1000, true},
		{"NaN", 0, false},
		{"Infinity", 0, false},
		{"12 ms", 0, false},
		{"Error: x", 0, false},
		{"", 0, false},
	} {
		got, ok := parseNumber(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseSunSpider(t *testing.T) {
	lines := []string{"some output", "3d-cube: 15.734 ms", "3d-morph: 3 ms"}
	for _, tc := range []struct {
		name    string
		want    float64
		wantErr string
	}{
		{"3d-cube", 15.734, ""},
		{"3d-morph", 3, ""},
		{"crypto-aes", 0, "no timing printed"},
	} {
		got, err := ParseSunSpider(lines, tc.name)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("ParseSunSpider(%q) error = %v, want %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseSunSpider(%q) = %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
	for _, bad := range []string{"3d-cube: fast", "3d-cube: 12", "3d-cube: -1 ms", "3d-cube: NaN ms"} {
		if _, err := ParseSunSpider([]string{bad}, "3d-cube"); err == nil {
			t.Errorf("ParseSunSpider(%q) succeeded, want error", bad)
		}
	}
}

func TestSunSpiderDriver(t *testing.T) {
	got := sunSpiderDriver(Benchmark{Name: "3d-cube", File: "3d-cube.js"})
	for _, want := range []string{`load("3d-cube.js");`, `print("3d-cube" + ": "`, `" ms")`} {
		if !strings.Contains(got, want) {
			t.Errorf("driver lacks %q:\n%s", want, got)
		}
	}
}

func TestMeans(t *testing.T) {
	if got := GeometricMean([]float64{1, 4, 16}); math.Abs(got-4) > 1e-12 {
		t.Errorf("GeometricMean = %v, want 4", got)
	}
	if got := GeometricMean(nil); got != 0 {
		t.Errorf("GeometricMean(nil) = %v, want 0", got)
	}
	if got := Mean([]float64{1, 2, 6}); got != 3 {
		t.Errorf("Mean = %v, want 3", got)
	}
}

func TestNodeStderr(t *testing.T) {
	stderr := "Warning: disabling flag --expose_wasm due to conflicting flags\n" +
		"ReferenceError: foo is not defined\n" +
		"jsbench-rss-kb: 45012\n"
	if got, want := parseRSS(stderr), uint64(45012*1024); got != want {
		t.Errorf("parseRSS = %d, want %d", got, want)
	}
	if got := parseRSS("no figure\n"); got != 0 {
		t.Errorf("parseRSS without figure = %d, want 0", got)
	}
	if got, want := lastDiagnostic(stderr), "ReferenceError: foo is not defined"; got != want {
		t.Errorf("lastDiagnostic = %q, want %q", got, want)
	}
}

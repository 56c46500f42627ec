package main

import (
	"image"
	"image/color"
	"testing"
)

func TestParseFuzzy(t *testing.T) {
	tests := []struct {
		in   string
		want fuzziness
	}{
		{"maxDifference=0-2;totalPixels=0-300", fuzziness{maxDiff: interval{0, 2}, diffPixels: interval{0, 300}}},
		{"0-2;0-300", fuzziness{maxDiff: interval{0, 2}, diffPixels: interval{0, 300}}},
		{"10;300", fuzziness{maxDiff: interval{10, 10}, diffPixels: interval{300, 300}}},
		{" maxDifference = 1 ; totalPixels = 5-6 ", fuzziness{maxDiff: interval{1, 1}, diffPixels: interval{5, 6}}},
		{"totalPixels=0-300;maxDifference=0-2", fuzziness{maxDiff: interval{0, 2}, diffPixels: interval{0, 300}}},
		{"ref.html:0-2;0-300", fuzziness{ref: "ref.html", maxDiff: interval{0, 2}, diffPixels: interval{0, 300}}},
		{"../a/ref.html:maxDifference=128;totalPixels=0-100", fuzziness{ref: "../a/ref.html", maxDiff: interval{128, 128}, diffPixels: interval{0, 100}}},
		{"http://x.test/ref.html:1;2", fuzziness{ref: "http://x.test/ref.html", maxDiff: interval{1, 1}, diffPixels: interval{2, 2}}},
	}
	for _, tt := range tests {
		got, err := parseFuzzy(tt.in)
		if err != nil {
			t.Errorf("parseFuzzy(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("parseFuzzy(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseFuzzyErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"0-2",
		"0-2;0-300;4",
		"5-2;0-300",
		"-1;3",
		"a;b",
		"0-2;",
		"maxDifference=1;maxDifference=2",
		"maxDiff=1;2",
		":1;2",
		"1-2-3;4",
	} {
		if f, err := parseFuzzy(in); err == nil {
			t.Errorf("parseFuzzy(%q) = %+v, want an error", in, f)
		}
	}
}

// picture returns a 10x10 white image whose first n pixels are darker by
// d in red.
func picture(n int, d uint8) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 10, 10))
	for i := range 100 {
		c := color.RGBA{255, 255, 255, 255}
		if i < n {
			c.R -= d
		}
		img.SetRGBA(i%10, i/10, c)
	}
	return img
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b *image.RGBA
		want difference
	}{
		{picture(0, 0), picture(0, 0), difference{}},
		{picture(3, 10), picture(0, 0), difference{maxDiff: 10, diffPixels: 3}},
		{picture(0, 0), picture(100, 255), difference{maxDiff: 255, diffPixels: 100}},
		{picture(5, 2), picture(5, 7), difference{maxDiff: 5, diffPixels: 5}},
		{picture(0, 0), image.NewRGBA(image.Rect(0, 0, 20, 10)), difference{maxDiff: 255, diffPixels: 200}},
	}
	for i, tt := range tests {
		if got := compare(tt.a, tt.b); got != tt.want {
			t.Errorf("%d: compare = %+v, want %+v", i, got, tt.want)
		}
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		fuzzy string // "" for exact
		d     difference
		want  bool
	}{
		{"", difference{}, true},
		{"", difference{maxDiff: 1, diffPixels: 1}, false},
		{"0-2;0-300", difference{maxDiff: 2, diffPixels: 300}, true},
		{"0-2;0-300", difference{maxDiff: 3, diffPixels: 10}, false},
		{"0-2;0-300", difference{maxDiff: 1, diffPixels: 301}, false},
		{"0-2;0-300", difference{}, true},
		// Exact sizes of difference: identical pictures do not match ...
		{"10;300", difference{}, false},
		{"10;300", difference{maxDiff: 10, diffPixels: 300}, true},
		{"10;300", difference{maxDiff: 9, diffPixels: 300}, false},
		// ... unless either range allows zero.
		{"128;0-100", difference{}, true},
		{"0-128;100", difference{}, true},
		{"5-10;200-300", difference{maxDiff: 4, diffPixels: 250}, false},
	}
	for _, tt := range tests {
		f := exact
		if tt.fuzzy != "" {
			var err error
			if f, err = parseFuzzy(tt.fuzzy); err != nil {
				t.Fatal(err)
			}
		}
		if got := f.within(tt.d); got != tt.want {
			t.Errorf("%q within %+v = %v, want %v", tt.fuzzy, tt.d, got, tt.want)
		}
	}
}

package main

import (
	"errors"
	"fmt"
	"image"
	"strconv"
	"strings"
)

// An interval is an inclusive range of counts.
type interval struct{ lo, hi int }

func (r interval) contains(n int) bool { return r.lo <= n && n <= r.hi }

func (r interval) String() string {
	if r.lo == r.hi {
		return strconv.Itoa(r.lo)
	}
	return fmt.Sprintf("%d-%d", r.lo, r.hi)
}

// fuzziness is how far two renderings may differ and still match, from a
// <meta name=fuzzy> in the test: the largest difference of any colour
// channel of any pixel, and the number of pixels that differ.
type fuzziness struct {
	ref        string // the reference it is for; "" for all of them
	maxDiff    interval
	diffPixels interval
}

// exact is the tolerance without a fuzzy meta: none.
var exact = fuzziness{}

func (f fuzziness) String() string {
	return fmt.Sprintf("maxDifference=%v;totalPixels=%v", f.maxDiff, f.diffPixels)
}

// parseFuzzy parses the content of a <meta name=fuzzy>, as web-platform-
// tests writes it:
//
//	[url ":"] range ";" range
//	range = [("maxDifference" | "totalPixels") "="] number ["-" number]
//
// The first unnamed range is maxDifference and the second totalPixels; a
// named range goes where its name says. A single number n is the range
// n-n. The url, when present, is returned as written, to be resolved
// against the test's URL.
func parseFuzzy(content string) (fuzziness, error) {
	var f fuzziness
	parts := strings.Split(content, ";")
	if len(parts) != 2 {
		return f, fmt.Errorf("fuzzy %q: want two ranges separated by ';'", content)
	}
	// The URL ends at the last colon before the first range, so that one
	// with a scheme (http://...) keeps its own colon.
	if i := strings.LastIndex(parts[0], ":"); i >= 0 {
		f.ref = strings.TrimSpace(parts[0][:i])
		parts[0] = parts[0][i+1:]
		if f.ref == "" {
			return f, fmt.Errorf("fuzzy %q: empty reference URL", content)
		}
	}
	var set [2]bool
	for i, p := range parts {
		p = strings.TrimSpace(p)
		slot := i
		if name, value, ok := strings.Cut(p, "="); ok {
			switch strings.TrimSpace(name) {
			case "maxDifference":
				slot = 0
			case "totalPixels":
				slot = 1
			default:
				return f, fmt.Errorf("fuzzy %q: unknown name %q", content, strings.TrimSpace(name))
			}
			p = strings.TrimSpace(value)
		}
		if set[slot] {
			return f, fmt.Errorf("fuzzy %q: range given twice", content)
		}
		set[slot] = true
		r, err := parseInterval(p)
		if err != nil {
			return f, fmt.Errorf("fuzzy %q: %v", content, err)
		}
		if slot == 0 {
			f.maxDiff = r
		} else {
			f.diffPixels = r
		}
	}
	return f, nil
}

// parseInterval parses "n" or "n-m", with n <= m.
func parseInterval(s string) (interval, error) {
	lo, hi, isRange := strings.Cut(s, "-")
	a, err := parseCount(lo)
	if err != nil {
		return interval{}, err
	}
	if !isRange {
		return interval{a, a}, nil
	}
	b, err := parseCount(hi)
	if err != nil {
		return interval{}, err
	}
	if a > b {
		return interval{}, fmt.Errorf("range %q is empty", s)
	}
	return interval{a, b}, nil
}

func parseCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("%q is not a count", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New("count out of range")
	}
	return n, nil
}

// A difference is how two renderings differ.
type difference struct {
	maxDiff    int // the largest difference of one channel of one pixel
	diffPixels int // how many pixels differ at all
}

// compare measures how a and b differ. Images of different sizes differ
// in every pixel of the larger one.
func compare(a, b *image.RGBA) difference {
	if a.Rect.Size() != b.Rect.Size() {
		n := max(a.Rect.Dx()*a.Rect.Dy(), b.Rect.Dx()*b.Rect.Dy())
		return difference{maxDiff: 255, diffPixels: n}
	}
	var d difference
	w, h := a.Rect.Dx(), a.Rect.Dy()
	for y := range h {
		ra := a.Pix[y*a.Stride : y*a.Stride+4*w]
		rb := b.Pix[y*b.Stride : y*b.Stride+4*w]
		if string(ra) == string(rb) {
			continue
		}
		for x := 0; x < 4*w; x += 4 {
			m := 0
			for c := range 4 {
				m = max(m, absDiff(ra[x+c], rb[x+c]))
			}
			if m > 0 {
				d.diffPixels++
				d.maxDiff = max(d.maxDiff, m)
			}
		}
	}
	return d
}

func absDiff(a, b byte) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// within reports whether a difference is one the tolerance allows, that
// is whether the renderings count as equal. Identical renderings are
// equal when either range allows zero, as in web-platform-tests, where a
// tolerance of "maxDifference=10;totalPixels=300" asks for differences
// of exactly that size.
func (f fuzziness) within(d difference) bool {
	if d.diffPixels == 0 {
		return f.maxDiff.contains(0) || f.diffPixels.contains(0)
	}
	return f.maxDiff.contains(d.maxDiff) && f.diffPixels.contains(d.diffPixels)
}

package text

import "github.com/go-text/typesetting/segmenter"

// Break is a line-break opportunity: a line may end before the byte at
// Offset. Mandatory breaks (after a newline) must be taken.
type Break struct {
	Offset    int
	Mandatory bool
}

// Breaker finds line-break opportunities by the rules of Unicode UAX #14,
// using go-text's segmenter. Its buffers are reused between calls, so a
// Breaker is not safe for concurrent use.
type Breaker struct {
	seg segmenter.Segmenter
	out []Break
}

// Breaks returns the break opportunities in s in increasing order. The
// end of the text, len(s), is always the last one (and mandatory); the
// start never is. The slice is reused by the next call.
//
// Breaks knows nothing of CSS: white-space: nowrap and pre, which
// suppress wrapping, are for the caller to apply.
func (b *Breaker) Breaks(s string) []Break {
	b.out = b.out[:0]
	if s == "" {
		return b.out
	}
	if plain(s) {
		// The common case of plain ASCII prose, where UAX #14 comes down
		// to breaking after each run of spaces, except before an infix
		// separator that does not start a number (LB15c and LB15d: "a ."
		// does not break, "a .5" does). TestPlainBreaks checks this
		// against the segmenter, which costs about 40ns a character, a
		// good part of a page's layout.
		for i := 1; i < len(s); i++ {
			if s[i-1] != ' ' || s[i] == ' ' {
				continue
			}
			if !infixSeparator(s[i]) || (i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9') {
				b.out = append(b.out, Break{Offset: i})
			}
		}
		return append(b.out, Break{Offset: len(s), Mandatory: true})
	}
	if err := b.seg.InitWithString(s); err != nil {
		// Invalid UTF-8 (the parser should not let it through): break
		// after spaces, which is right for most text.
		for i := 0; i < len(s); i++ {
			if s[i] == ' ' && (i+1 == len(s) || s[i+1] != ' ') {
				b.out = append(b.out, Break{Offset: i + 1})
			}
		}
		if n := len(b.out); n == 0 || b.out[n-1].Offset != len(s) {
			b.out = append(b.out, Break{Offset: len(s)})
		}
		b.out[len(b.out)-1].Mandatory = true
		return b.out
	}
	it := b.seg.LineIterator()
	for it.Next() {
		l := it.Line()
		b.out = append(b.out, Break{Offset: l.OffsetInBytes + l.LengthInBytes, Mandatory: l.IsMandatoryBreak})
	}
	return b.out
}

// plainASCII marks the bytes of plain text: letters, digits, the space
// and the punctuation between which UAX #14 allows no break except after
// spaces.
var plainASCII = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range ` .,;:'"` {
		t[c] = true
	}
	return t
}()

func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plainASCII[s[i]] {
			return false
		}
	}
	return true
}

func infixSeparator(c byte) bool { return c == '.' || c == ',' || c == ';' || c == ':' }

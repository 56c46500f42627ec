package text

import (
	"strings"

	"glassbox/engine/style"
)

// Wraps reports whether lines may wrap under the white-space value.
func Wraps(ws style.WhiteSpace) bool {
	return ws == style.WhiteSpaceNormal || ws == style.WhiteSpacePreWrap || ws == style.WhiteSpacePreLine
}

// CollapsesSpaces reports whether sequences of spaces and tabs collapse to
// one space, and spaces at the start and end of lines are removed.
func CollapsesSpaces(ws style.WhiteSpace) bool {
	return ws == style.WhiteSpaceNormal || ws == style.WhiteSpaceNowrap || ws == style.WhiteSpacePreLine
}

// PreservesNewlines reports whether newlines in the source force line
// breaks.
func PreservesNewlines(ws style.WhiteSpace) bool {
	return ws == style.WhiteSpacePre || ws == style.WhiteSpacePreWrap || ws == style.WhiteSpacePreLine
}

// TabSize is the width of a tab stop in spaces (CSS tab-size's initial
// value).
const TabSize = 8

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// ProcessWhiteSpace applies the first phase of CSS Text 3 white-space
// processing (section 4.1.1) to the text of one text node:
//
//   - normal, nowrap: every run of spaces, tabs and newlines becomes one
//     space;
//   - pre-line: likewise, except that newlines are kept and the spaces
//     around them removed;
//   - pre, pre-wrap: everything is kept; CR LF and CR become LF and tabs
//     are expanded to spaces up to the next multiple of TabSize columns,
//     counted from the start of s or its last newline (an approximation:
//     CSS counts from the start of the line box).
//
// Collapsing carries across text nodes: afterSpace says whether the
// processed text before s (in the same inline formatting context) ends
// with a collapsible space, in which case a leading space of s is removed.
// Spaces at the start and end of lines are removed later, by line
// breaking, since only it knows where lines end.
func ProcessWhiteSpace(s string, ws style.WhiteSpace, afterSpace bool) string {
	switch ws {
	case style.WhiteSpacePre, style.WhiteSpacePreWrap:
		return preserve(s)
	case style.WhiteSpacePreLine:
		return collapse(s, afterSpace, true)
	}
	return collapse(s, afterSpace, false)
}

func collapse(s string, afterSpace, keepNewlines bool) string {
	// Fast path: nothing to change, which is most text.
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if (i == 0 && afterSpace) || (i+1 < len(s) && isSpace(s[i+1])) {
				clean = false
				break
			}
		} else if isSpace(c) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevSpace := afterSpace
	for i := 0; i < len(s); {
		if !isSpace(s[i]) {
			j := i + 1
			for j < len(s) && !isSpace(s[j]) {
				j++
			}
			b.WriteString(s[i:j])
			prevSpace = false
			i = j
			continue
		}
		j := i
		newlines := 0
		for j < len(s) && isSpace(s[j]) {
			if s[j] == '\n' || (s[j] == '\r' && (j+1 == len(s) || s[j+1] != '\n')) {
				newlines++
			}
			j++
		}
		switch {
		case keepNewlines && newlines > 0:
			for range newlines {
				b.WriteByte('\n')
			}
			// Spaces after a newline are removed; the newline is not a
			// collapsible space for what follows.
			prevSpace = true
		case !prevSpace:
			b.WriteByte(' ')
			prevSpace = true
		}
		i = j
	}
	return b.String()
}

func preserve(s string) string {
	if !strings.ContainsAny(s, "\r\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	col := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
			col = 0
		case '\n':
			b.WriteByte('\n')
			col = 0
		case '\t':
			n := TabSize - col%TabSize
			b.WriteString(strings.Repeat(" ", n))
			col += n
		default:
			b.WriteByte(c)
			if c < 0x80 || c >= 0xC0 { // count characters, not continuation bytes
				col++
			}
		}
	}
	return b.String()
}

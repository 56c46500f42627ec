// Package regexp compiles and runs ECMAScript regular expressions for the
// engine on top of github.com/dlclark/regexp2.
//
// A JavaScript pattern is first parsed by this package's own translator
// (ECMA-262 §22.2.1 with Annex B for patterns without u), which reports
// early errors and rewrites it into regexp2 syntax for regexp2's
// ECMAScript option: all capturing groups become unnamed (names are kept
// here, since regexp2 numbers named groups last), `.`, `^` and `$` use
// JavaScript's line terminators, characters are written as escapes, and
// \p{...} names map onto Go's Unicode tables.
//
// Strings are UTF-16. Without the u flag the matcher sees code units, so
// the subject is handed to regexp2 one code unit per rune (lone and paired
// surrogates alike) and indices need no mapping. With u it sees code
// points: surrogate pairs are joined into one rune and Input maps rune
// indices back to code-unit indices.
//
// Known differences from ECMA-262 (regexp2 follows .NET here):
//   - captures inside a quantified group are not reset at each iteration
//     (/(?:(a)|b)+/.exec("ab")[1] is "a", not undefined);
//   - the empty-check of quantified groups differs in corner cases
//     (/(a*)*b/.exec("b") captures "" rather than undefined);
//   - case-insensitive matching uses regexp2's case mapping, not
//     Canonicalize (so e.g. U+212A KELVIN SIGN matches k without u);
//   - \p{...} knows the general categories, Script/Script_Extensions
//     values by their long names (both use the Script table), ASCII, Any
//     and the binary properties Go has tables for; other properties are
//     SyntaxErrors;
//   - the v flag (unicodeSets), duplicate named groups and pattern
//     modifiers ((?i:...)) are not supported: SyntaxError.
//
// Runaway matches: every match runs first with a short timeout
// (FastTimeout); one that times out is run again on another goroutine
// with SlowTimeout, while the caller polls its interrupt function, so an
// interrupted script stops within milliseconds even in catastrophic
// backtracking (the abandoned goroutine finishes at SlowTimeout at the
// latest). A match that exceeds SlowTimeout fails with ErrTimeout.
package regexp

import (
	"errors"
	"sort"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/dlclark/regexp2"
)

// Timeouts of a match: see the package comment.
var (
	FastTimeout = 250 * time.Millisecond
	SlowTimeout = 10 * time.Second
)

// Errors a match can end with.
var (
	ErrTimeout     = errors.New("regular expression too slow: match timed out")
	ErrInterrupted = errors.New("regular expression match interrupted")
)

// Program is a compiled regular expression. It is safe for concurrent
// use.
type Program struct {
	Flags  Flags
	Groups int      // capturing groups, not counting the whole match
	Names  []string // Names[i] is the name of group i, "" if unnamed
	// HasNames is whether any group is named (exec results get groups).
	HasNames bool
	Source   string // the translated regexp2 pattern

	opts regexp2.RegexOptions
	fast *regexp2.Regexp

	slowOnce sync.Once
	slow     *regexp2.Regexp
	slowErr  error
}

// Compile translates and compiles pattern (UTF-16 code units) with the
// given flags. Errors are *SyntaxError.
func Compile(pattern []uint16, flags string) (*Program, error) {
	f, ok := ParseFlags(flags)
	if !ok {
		return nil, &SyntaxError{Pattern: string(utf16.Decode(pattern)), Msg: "Invalid flags supplied to RegExp constructor '" + flags + "'"}
	}
	src, names, n, err := translate(pattern, f)
	if err != nil {
		return nil, err
	}
	opts := regexp2.RegexOptions(regexp2.ECMAScript)
	if f.IgnoreCase {
		opts |= regexp2.IgnoreCase
	}
	if f.Unicode {
		opts |= regexp2.Unicode
	}
	re, err := regexp2.Compile(src, opts)
	if err != nil {
		return nil, &SyntaxError{Pattern: string(utf16.Decode(pattern)), Msg: err.Error()}
	}
	re.MatchTimeout = FastTimeout
	p := &Program{Flags: f, Groups: n, Names: names, Source: src, opts: opts, fast: re}
	for _, s := range names {
		if s != "" {
			p.HasNames = true
		}
	}
	return p, nil
}

// CompileString is Compile for Go (UTF-8) text.
func CompileString(pattern, flags string) (*Program, error) {
	return Compile(utf16.Encode([]rune(pattern)), flags)
}

// Input is a subject string prepared for matching.
type Input struct {
	runes []rune
	// units[i] is the code-unit index of runes[i] (len(runes)+1
	// entries); nil when rune and code-unit indices are the same.
	units []int32
}

// NewInputLatin1 prepares a string of Latin-1 code units.
func NewInputLatin1(s string) *Input {
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = rune(s[i])
	}
	return &Input{runes: rs}
}

// NewInput prepares UTF-16 code units; with unicode, surrogate pairs
// become one rune.
func NewInput(u []uint16, unicode bool) *Input {
	rs := make([]rune, 0, len(u))
	var units []int32
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if unicode && c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			if units == nil {
				units = make([]int32, len(rs), len(u)+1)
				for j := range units {
					units[j] = int32(j)
				}
			}
			units = append(units, int32(i))
			rs = append(rs, utf16.DecodeRune(c, rune(u[i+1])))
			i++
			continue
		}
		if units != nil {
			units = append(units, int32(i))
		}
		rs = append(rs, c)
	}
	if units != nil {
		units = append(units, int32(len(u)))
	}
	return &Input{runes: rs, units: units}
}

// unit converts a rune index to a code-unit index.
func (in *Input) unit(i int) int {
	if in.units == nil {
		return i
	}
	return int(in.units[i])
}

// runeAt converts a code-unit index to the index of the rune holding it.
func (in *Input) runeAt(u int) int {
	if in.units == nil {
		return u
	}
	i := sort.Search(len(in.units), func(i int) bool { return int(in.units[i]) >= u })
	if i < len(in.units) && int(in.units[i]) > u {
		i--
	}
	return i
}

// Exec searches in from code-unit index from (at most the input's
// length). It returns nil for no match, else the start and end code-unit
// indices of the match and each group, -1 for groups that did not
// participate. interrupt, if not nil, is polled while a slow match runs.
func (p *Program) Exec(in *Input, from int, interrupt func() bool) ([]int, error) {
	start := in.runeAt(from)
	m, err := p.fast.FindRunesMatchStartingAt(in.runes, start)
	if err != nil {
		m, err = p.slowMatch(in, start, interrupt)
		if err != nil {
			return nil, err
		}
	}
	if m == nil {
		return nil, nil
	}
	caps := make([]int, 2*(p.Groups+1))
	caps[0], caps[1] = in.unit(m.Index), in.unit(m.Index+m.Length)
	for i := 1; i <= p.Groups; i++ {
		g := m.GroupByNumber(i)
		if g == nil || len(g.Captures) == 0 {
			caps[2*i], caps[2*i+1] = -1, -1
			continue
		}
		caps[2*i], caps[2*i+1] = in.unit(g.Index), in.unit(g.Index+g.Length)
	}
	return caps, nil
}

func (p *Program) slowMatch(in *Input, start int, interrupt func() bool) (*regexp2.Match, error) {
	p.slowOnce.Do(func() {
		p.slow, p.slowErr = regexp2.Compile(p.Source, p.opts)
		if p.slow != nil {
			p.slow.MatchTimeout = SlowTimeout
		}
	})
	if p.slowErr != nil {
		return nil, p.slowErr
	}
	type result struct {
		m   *regexp2.Match
		err error
	}
	done := make(chan result, 1)
	go func() {
		m, err := p.slow.FindRunesMatchStartingAt(in.runes, start)
		done <- result{m, err}
	}()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-done:
			if r.err != nil {
				return nil, ErrTimeout
			}
			return r.m, nil
		case <-tick.C:
			if interrupt != nil && interrupt() {
				return nil, ErrInterrupted
			}
		}
	}
}

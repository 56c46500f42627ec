package main

import (
	"errors"
	"fmt"
	"image"
	"slices"
	"time"
)

// A comparison is one test-reference pair as judged.
type comparison struct {
	From       string `json:"from"` // the document compared, relative to the root
	Rel        string `json:"rel"`  // match or mismatch
	To         string `json:"to"`   // the reference
	Equal      bool   `json:"equal"`
	MaxDiff    int    `json:"max_difference"`
	DiffPixels int    `json:"different_pixels"`
	Fuzzy      string `json:"fuzzy,omitempty"`
	Error      string `json:"error,omitempty"`

	from, to string // keys
	ok       bool   // the comparison alone passes
}

// A result is a test's verdict.
type result struct {
	Path   string `json:"path"`
	Pass   bool   `json:"pass"`
	Reason string `json:"reason,omitempty"`
	// PassDirect is the verdict from the test's own links alone, not
	// counting its references' links.
	PassDirect  bool          `json:"pass_direct"`
	Comparisons []*comparison `json:"comparisons,omitempty"`
	Millis      int64         `json:"ms"`

	// culprit is the comparison to show in the report: the first one that
	// made the test fail.
	culprit *comparison
	// timedOut and panicked say why a rendering failed.
	timedOut, panicked bool
}

// A judge decides one test: it renders what it needs through the cache
// and compares the renderings pairwise, each pair once.
type judge struct {
	s     *suite
	c     *cache
	cmps  map[[2]string]*comparison
	order []*comparison
	res   *result
}

// judgeTest renders test and its references and returns its verdict. With
// chains, a reference that has links of its own must satisfy them too.
func judgeTest(s *suite, c *cache, test *doc, chains bool) *result {
	start := time.Now()
	j := &judge{s: s, c: c, cmps: make(map[[2]string]*comparison), res: &result{Path: test.name}}
	f := j.holds(test, false, nil)
	j.res.PassDirect = f == nil
	if chains {
		f = j.holds(test, true, nil)
	}
	j.res.Pass = f == nil
	if f != nil {
		j.res.Reason, j.res.culprit = f.reason, f.culprit
	}
	j.res.Comparisons = j.order
	j.res.Millis = time.Since(start).Milliseconds()
	return j.res
}

// holds reports whether d satisfies its links, as web-platform-tests
// combines them: when d has match links, at least one must match, and
// every mismatch link must differ. Following chains, the reference of a
// link that counts must satisfy its own links in turn (a cycle counts as
// satisfied). When d does not hold, the failure says why.
func (j *judge) holds(d *doc, chains bool, path []string) *failure {
	if d.err != nil {
		return &failure{reason: fmt.Sprintf("%s: %v", d.name, d.err)}
	}
	path = append(path, d.key)
	sub := func(ref string) *failure {
		if !chains || slices.Contains(path, ref) {
			return nil
		}
		r := j.s.docs[ref]
		if r == nil || len(r.links) == 0 {
			return nil
		}
		if f := j.holds(r, chains, path); f != nil {
			return &failure{reason: fmt.Sprintf("reference %s does not hold: %s", r.name, f.reason), culprit: f.culprit}
		}
		return nil
	}
	var first *failure
	matches := d.matches()
	matched := len(matches) == 0
	for _, l := range matches {
		f := j.check(d, l)
		if f == nil {
			f = sub(l.ref)
		}
		if f == nil {
			matched = true
			break
		}
		if first == nil {
			first = f
		}
	}
	if !matched {
		return first
	}
	for _, l := range d.mismatches() {
		f := j.check(d, l)
		if f == nil {
			f = sub(l.ref)
		}
		if f != nil {
			return f
		}
	}
	return nil
}

// A failure is why a document does not satisfy its links.
type failure struct {
	reason  string
	culprit *comparison // the comparison that failed, to show
}

// check compares d with the reference of l and returns the failure, if
// the comparison fails.
func (j *judge) check(d *doc, l link) *failure {
	c := j.compare(d, l)
	if c.ok {
		return nil
	}
	return &failure{reason: describe(c), culprit: c}
}

func (j *judge) name(key string) string {
	if d := j.s.docs[key]; d != nil {
		return d.name
	}
	return key
}

// compare renders d and the reference of l and compares them under d's
// tolerance for that reference.
func (j *judge) compare(d *doc, l link) *comparison {
	k := [2]string{d.key, l.ref}
	if c := j.cmps[k]; c != nil && c.Rel == l.rel {
		return c
	}
	z := d.tolerance(l.ref)
	c := &comparison{From: d.name, Rel: l.rel, To: j.name(l.ref), from: d.key, to: l.ref}
	if z != exact {
		c.Fuzzy = z.String()
	}
	j.cmps[k] = c
	j.order = append(j.order, c)
	a, err := j.render(d.key)
	if err != nil {
		c.Error = fmt.Sprintf("%s: %v", d.name, err)
		return c
	}
	b, err := j.render(l.ref)
	if err != nil {
		c.Error = fmt.Sprintf("%s: %v", c.To, err)
		return c
	}
	diff := compare(a, b)
	c.MaxDiff, c.DiffPixels = diff.maxDiff, diff.diffPixels
	c.Equal = z.within(diff)
	c.ok = c.Equal == (l.rel == relMatch)
	return c
}

func (j *judge) render(key string) (*image.RGBA, error) {
	d := j.s.docs[key]
	if d == nil {
		return nil, fmt.Errorf("unknown document %s", key)
	}
	img, err := j.c.get(d)
	if err != nil {
		var pe *panicError
		switch {
		case errors.Is(err, errTimeout):
			j.res.timedOut = true
		case errors.As(err, &pe):
			j.res.panicked = true
		}
	}
	return img, err
}

// describe says why a comparison fails.
func describe(c *comparison) string {
	switch {
	case c.Error != "":
		return c.Error
	case c.Rel == relMatch:
		s := fmt.Sprintf("differs from %s: %d pixels, by up to %d", c.To, c.DiffPixels, c.MaxDiff)
		if c.Fuzzy != "" {
			s += ", beyond " + c.Fuzzy
		}
		return s
	case c.DiffPixels == 0:
		return fmt.Sprintf("renders the same as %s (mismatch)", c.To)
	default:
		return fmt.Sprintf("renders the same as %s (mismatch) within %s", c.To, c.Fuzzy)
	}
}

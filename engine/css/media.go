package css

import (
	"math"
	"strings"
)

// MediaEnv describes the device that media queries are evaluated
// against. The engine renders to a screen only.
type MediaEnv struct {
	Width, Height float32 // viewport size in CSS px
}

// MediaList is a comma-separated media query list, as in @media or the
// media attribute. It matches when any of its queries does.
type MediaList struct {
	Queries []MediaQuery
}

// MediaQuery is one media query: an optional media type and features
// that must all hold, possibly negated.
type MediaQuery struct {
	Not bool
	// Type is the lower-case media type; "" or "all" matches every
	// device.
	Type     string
	Features []MediaFeature
	// Invalid marks a query that did not parse. It never matches (it
	// stands for "not all"), but leaves the rest of the list in force.
	Invalid bool
}

// MediaFeature is one feature test such as (min-width: 600px). Range
// forms are normalized: min-width: 600px and width >= 600px both give
// Name "width", Op ">=", Value 600.
type MediaFeature struct {
	Name string
	// Op is "" for a boolean test such as (color), ":" for an exact
	// value, or one of "<", "<=", ">", ">=". The feature is on the left:
	// Op ">=" means feature >= Value.
	Op    string
	Value float64 // lengths in px; ratios as width/height
	Ident string  // keyword values such as "landscape"
}

// ParseMediaList parses a media query list such as the media attribute of
// <link> and <style>. An empty list matches everything.
func ParseMediaList(src string) *MediaList {
	return parseMediaList(tokenize(src))
}

// Matches reports whether the list matches env. A nil or empty list
// matches.
func (m *MediaList) Matches(env MediaEnv) bool {
	if m == nil || len(m.Queries) == 0 {
		return true
	}
	for i := range m.Queries {
		if m.Queries[i].Matches(env) {
			return true
		}
	}
	return false
}

// Matches reports whether the query matches env.
func (q *MediaQuery) Matches(env MediaEnv) bool {
	if q.Invalid {
		return false
	}
	ok := true
	switch q.Type {
	case "", "all", "screen":
	default:
		ok = false // print, speech, and the deprecated types
	}
	for i := 0; ok && i < len(q.Features); i++ {
		ok = q.Features[i].matches(env)
	}
	return ok != q.Not
}

func (f *MediaFeature) matches(env MediaEnv) bool {
	var v float64
	switch f.Name {
	case "width":
		v = float64(env.Width)
	case "height":
		v = float64(env.Height)
	case "aspect-ratio":
		if env.Height == 0 {
			return false
		}
		v = float64(env.Width) / float64(env.Height)
	case "orientation":
		landscape := env.Width > env.Height
		switch f.Ident {
		case "":
			return true
		case "landscape":
			return landscape
		case "portrait":
			return !landscape
		}
		return false
	case "color":
		v = 8 // bits per colour component
	case "monochrome", "grid", "color-index":
		v = 0
	case "resolution":
		v = 96 // dpi; one device pixel per CSS px
	case "prefers-color-scheme":
		return f.Ident == "" || f.Ident == "light"
	case "prefers-reduced-motion", "prefers-reduced-transparency", "prefers-contrast":
		return f.Ident == "no-preference"
	case "hover", "any-hover":
		return f.Ident == "" || f.Ident == "hover"
	case "pointer", "any-pointer":
		return f.Ident == "" || f.Ident == "fine"
	case "scripting":
		return f.Ident == "" || f.Ident == "enabled"
	case "update":
		return f.Ident == "" || f.Ident == "fast"
	case "display-mode":
		return f.Ident == "browser"
	default:
		return false
	}
	const eps = 1e-6
	switch f.Op {
	case "":
		return v != 0
	case ":":
		return math.Abs(v-f.Value) < eps
	case "<":
		return v < f.Value-eps
	case "<=":
		return v <= f.Value+eps
	case ">":
		return v > f.Value+eps
	case ">=":
		return v >= f.Value-eps
	}
	return false
}

func parseMediaList(ts []Token) *MediaList {
	ml := &MediaList{}
	ts = trimWhitespace(ts)
	if len(ts) == 0 {
		return ml
	}
	for _, part := range splitCommas(ts) {
		q, ok := parseMediaQuery(part)
		if !ok {
			q = MediaQuery{Invalid: true}
		}
		ml.Queries = append(ml.Queries, q)
	}
	return ml
}

// parseMediaQuery parses
//
//	[not | only]? <type> [and <feature>]*  |  <feature> [and <feature>]*
//
// the grammar of Media Queries 3 plus the range syntax of level 4.
func parseMediaQuery(ts []Token) (MediaQuery, bool) {
	var q MediaQuery
	var words []Token
	for _, t := range ts {
		if t.Type != WhitespaceToken {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return q, false
	}
	i := 0
	if words[0].Type == IdentToken {
		switch strings.ToLower(words[0].Value) {
		case "not":
			q.Not = true
			i++
		case "only":
			i++
		}
		if i >= len(words) || words[i].Type != IdentToken {
			return q, false
		}
		q.Type = strings.ToLower(words[i].Value)
		switch q.Type {
		case "and", "or", "not", "only", "layer":
			return q, false
		}
		i++
		if i == len(words) {
			return q, true
		}
		if !words[i].IsIdent("and") {
			return q, false
		}
		i++
	}
	for {
		if i >= len(words) {
			return q, false
		}
		t := words[i]
		if t.Type != BlockToken || t.Value != "(" {
			return q, false
		}
		f, ok := parseFeature(t.Children)
		if !ok {
			return q, false
		}
		q.Features = append(q.Features, f...)
		i++
		if i == len(words) {
			return q, true
		}
		if !words[i].IsIdent("and") {
			return q, false
		}
		i++
	}
}

// parseFeature parses the inside of a media feature's parentheses. The
// two-sided range form gives two features.
func parseFeature(ts []Token) ([]MediaFeature, bool) {
	var words []Token
	for _, t := range ts {
		if t.Type != WhitespaceToken {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return nil, false
	}
	// Boolean and "name: value" forms.
	if words[0].Type == IdentToken && (len(words) == 1 || words[1].Type == ColonToken) {
		name := strings.ToLower(words[0].Value)
		if len(words) == 1 {
			if strings.HasPrefix(name, "min-") || strings.HasPrefix(name, "max-") {
				return nil, false
			}
			return []MediaFeature{{Name: name}}, true
		}
		f := MediaFeature{Name: name, Op: ":"}
		switch {
		case strings.HasPrefix(name, "min-"):
			f.Name, f.Op = name[4:], ">="
		case strings.HasPrefix(name, "max-"):
			f.Name, f.Op = name[4:], "<="
		}
		if !mediaValue(words[2:], &f) {
			return nil, false
		}
		return []MediaFeature{f}, true
	}
	// Range forms: "name op value", "value op name" and
	// "value op name op value". Operators arrive as one or two delims.
	var parts [][]Token
	var ops []string
	start := 0
	for i := 0; i < len(words); i++ {
		if w := words[i]; w.IsDelim('<') || w.IsDelim('>') || w.IsDelim('=') {
			op := w.Value
			parts = append(parts, words[start:i])
			if op != "=" && i+1 < len(words) && words[i+1].IsDelim('=') {
				op += "="
				i++
			}
			ops = append(ops, op)
			start = i + 1
		}
	}
	parts = append(parts, words[start:])
	flip := map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": ":"}
	asOp := map[string]string{"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": ":"}
	name := func(p []Token) string {
		if len(p) == 1 && p[0].Type == IdentToken {
			return strings.ToLower(p[0].Value)
		}
		return ""
	}
	switch len(ops) {
	case 1:
		var f MediaFeature
		var val []Token
		if n := name(parts[0]); n != "" {
			f.Name, f.Op, val = n, asOp[ops[0]], parts[1]
		} else if n := name(parts[1]); n != "" {
			f.Name, f.Op, val = n, flip[ops[0]], parts[0]
		} else {
			return nil, false
		}
		if !mediaValue(val, &f) || f.Ident != "" {
			return nil, false
		}
		return []MediaFeature{f}, true
	case 2:
		n := name(parts[1])
		if n == "" || ops[0][0] != ops[1][0] || ops[0] == "=" || ops[1] == "=" {
			return nil, false
		}
		lo := MediaFeature{Name: n, Op: flip[ops[0]]}
		hi := MediaFeature{Name: n, Op: asOp[ops[1]]}
		if !mediaValue(parts[0], &lo) || !mediaValue(parts[2], &hi) || lo.Ident != "" || hi.Ident != "" {
			return nil, false
		}
		return []MediaFeature{lo, hi}, true
	}
	return nil, false
}

// mediaValue reads a feature value: a length, a number, a ratio or a
// keyword, and checks that it is the kind the feature takes.
func mediaValue(ts []Token, f *MediaFeature) bool {
	kind, ok := readMediaValue(ts, f)
	if !ok {
		return false
	}
	switch f.Name {
	case "width", "height", "device-width", "device-height":
		return kind == "length" || kind == "number" && f.Value == 0
	case "aspect-ratio", "device-aspect-ratio":
		return kind == "ratio" || kind == "number"
	case "resolution":
		return kind == "resolution"
	case "color", "monochrome", "color-index", "grid":
		return kind == "number"
	}
	return kind == "ident"
}

// readMediaValue reads a feature value and says what kind it is.
func readMediaValue(ts []Token, f *MediaFeature) (kind string, ok bool) {
	switch len(ts) {
	case 1:
		t := ts[0]
		switch t.Type {
		case IdentToken:
			f.Ident = strings.ToLower(t.Value)
			return "ident", true
		case NumberToken:
			f.Value = t.Num
			return "number", true
		case DimensionToken:
			kind = "length"
			switch strings.ToLower(t.Unit) {
			case "px":
				f.Value = t.Num
			case "em", "rem":
				f.Value = t.Num * 16 // relative to the initial font size
			case "pt":
				f.Value = t.Num * 96 / 72
			case "pc":
				f.Value = t.Num * 16
			case "in":
				f.Value = t.Num * 96
			case "cm":
				f.Value = t.Num * 96 / 2.54
			case "mm":
				f.Value = t.Num * 96 / 25.4
			case "q":
				f.Value = t.Num * 96 / 101.6
			case "dpi":
				f.Value, kind = t.Num, "resolution"
			case "dpcm":
				f.Value, kind = t.Num*2.54, "resolution"
			case "dppx", "x":
				f.Value, kind = t.Num*96, "resolution"
			default:
				return "", false
			}
			return kind, true
		}
	case 3: // ratio a/b
		if ts[0].Type == NumberToken && ts[1].IsDelim('/') && ts[2].Type == NumberToken && ts[2].Num != 0 {
			f.Value = ts[0].Num / ts[2].Num
			return "ratio", true
		}
	}
	return "", false
}

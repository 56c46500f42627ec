package style

import (
	"strconv"
	"strings"

	"glassbox/engine/dom"
)

// presentationalHints returns the declarations that HTML's presentational
// attributes (bgcolor, width, align, <font color>, ...) stand for, as the
// HTML standard's rendering section maps them. They take part in the
// cascade as author declarations of zero specificity that come before
// every author rule.
func presentationalHints(el *dom.Node) []specDecl {
	if el.Namespace != "" || len(el.Attrs) == 0 && el.TagName != "td" && el.TagName != "th" {
		return nil
	}
	var out []specDecl
	add := func(p propID, v *value) { out = append(out, specDecl{prop: p, val: v}) }
	tag := el.TagName

	switch tag {
	case "body", "table", "thead", "tbody", "tfoot", "tr", "td", "th":
		if c, ok := legacyColorAttr(el, "bgcolor"); ok {
			add(propBackgroundColor, c)
		}
	}
	if tag == "body" {
		if c, ok := legacyColorAttr(el, "text"); ok {
			add(propColor, c)
		}
	}

	// Dimensions.
	switch tag {
	case "img", "table", "td", "th", "col", "iframe", "video", "canvas", "embed",
		"object", "input", "hr", "pre", "applet", "marquee":
		if v := dimensionAttr(el, "width", tag != "pre"); v != nil {
			add(propWidth, v)
		}
	}
	switch tag {
	case "img", "table", "td", "th", "tr", "iframe", "video", "canvas", "embed",
		"object", "input", "applet", "marquee":
		if v := dimensionAttr(el, "height", true); v != nil {
			add(propHeight, v)
		}
	}

	// align → text-align on blocks and table parts.
	switch tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend",
		"thead", "tbody", "tfoot", "tr", "td", "th":
		if a, ok := el.Attribute("align"); ok {
			switch strings.ToLower(strings.TrimSpace(a)) {
			case "left":
				add(propTextAlign, &value{kind: kKeyword, key: int(AlignLeft)})
			case "right":
				add(propTextAlign, &value{kind: kKeyword, key: int(AlignRight)})
			case "center", "middle":
				add(propTextAlign, &value{kind: kKeyword, key: int(AlignCenter)})
			case "justify":
				add(propTextAlign, &value{kind: kKeyword, key: int(AlignJustify)})
			}
		}
	}
	if tag == "table" {
		if a, ok := el.Attribute("align"); ok && strings.EqualFold(strings.TrimSpace(a), "center") {
			add(propMarginLeft, vAuto)
			add(propMarginRight, vAuto)
		}
	}
	if tag == "td" || tag == "th" {
		if el.HasAttribute("nowrap") {
			add(propWhiteSpace, &value{kind: kKeyword, key: int(WhiteSpaceNowrap)})
		}
	}

	// Borders: table and img border attributes, and the cell borders and
	// padding a bordered table implies.
	switch tag {
	case "table":
		if s, ok := el.Attribute("cellspacing"); ok {
			if n, ok := parseNonNegative(s); ok {
				v := &value{kind: kLength, num: float32(n)}
				add(propBorderSpacingH, v)
				add(propBorderSpacingV, v)
			}
		}
		if n, ok := borderAttr(el); ok {
			w := &value{kind: kLength, num: float32(n)}
			style := &value{kind: kKeyword, key: int(BorderOutset)}
			for i := propID(0); i < 4; i++ {
				add(propBorderTopWidth+i, w)
				add(propBorderTopStyle+i, style)
			}
		}
	case "img", "object":
		if n, ok := borderAttr(el); ok {
			w := &value{kind: kLength, num: float32(n)}
			style := &value{kind: kKeyword, key: int(BorderSolid)}
			for i := propID(0); i < 4; i++ {
				add(propBorderTopWidth+i, w)
				add(propBorderTopStyle+i, style)
			}
		}
	case "td", "th":
		if t := cellTable(el); t != nil {
			if n, ok := borderAttr(t); ok && n > 0 {
				w := &value{kind: kLength, num: 1}
				style := &value{kind: kKeyword, key: int(BorderInset)}
				for i := propID(0); i < 4; i++ {
					add(propBorderTopWidth+i, w)
					add(propBorderTopStyle+i, style)
				}
			}
			if s, ok := t.Attribute("cellpadding"); ok {
				if n, ok := parseNonNegative(s); ok {
					v := &value{kind: kLength, num: float32(n)}
					for i := propID(0); i < 4; i++ {
						add(propPaddingTop+i, v)
					}
				}
			}
		}
	}

	if tag == "font" {
		if c, ok := legacyColorAttr(el, "color"); ok {
			add(propColor, c)
		}
		if s, ok := el.Attribute("face"); ok && strings.TrimSpace(s) != "" {
			var fams []string
			for _, f := range strings.Split(s, ",") {
				if f = strings.TrimSpace(f); f != "" {
					fams = append(fams, f)
				}
			}
			add(propFontFamily, &value{kind: kFamilies, fams: fams})
		}
		if s, ok := el.Attribute("size"); ok {
			if k, ok := legacyFontSize(s); ok {
				add(propFontSize, &value{kind: kKeyword, key: k})
			}
		}
	}

	// List marker types.
	if tag == "ol" || tag == "ul" || tag == "li" {
		if t, ok := el.Attribute("type"); ok {
			if lt, ok := listTypeAttr(tag, t); ok {
				add(propListStyleType, &value{kind: kKeyword, key: int(lt)})
			}
		}
	}
	return out
}

func legacyColorAttr(el *dom.Node, name string) (*value, bool) {
	s, ok := el.Attribute(name)
	if !ok {
		return nil, false
	}
	c, ok := parseLegacyColor(s)
	if !ok {
		return nil, false
	}
	return &value{kind: kColor, rgba: c}, true
}

// dimensionAttr reads a width or height attribute with the HTML rules for
// parsing dimension values: leading digits, optionally a fraction, and a
// "%" for a percentage. Zero is ignored where HTML says non-zero.
func dimensionAttr(el *dom.Node, name string, allowPercent bool) *value {
	s, ok := el.Attribute(name)
	if !ok {
		return nil
	}
	s = strings.TrimLeft(s, " \t\n\f\r")
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return nil
	}
	j := i
	if j < len(s) && s[j] == '.' {
		j++
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
	}
	n, err := strconv.ParseFloat(strings.TrimSuffix(s[:j], "."), 32)
	if err != nil {
		return nil
	}
	if j < len(s) && s[j] == '%' {
		if !allowPercent {
			return nil
		}
		return &value{kind: kPercent, num: float32(n)}
	}
	return &value{kind: kLength, num: float32(n)}
}

// borderAttr reads a border attribute. Present but unparsable counts as
// 1, as HTML says for tables.
func borderAttr(el *dom.Node) (int, bool) {
	s, ok := el.Attribute("border")
	if !ok {
		return 0, false
	}
	if n, ok := parseNonNegative(s); ok {
		return n, true
	}
	return 1, true
}

// parseNonNegative implements HTML's rules for parsing non-negative
// integers: leading white space, an optional +, then digits.
func parseNonNegative(s string) (int, bool) {
	s = strings.TrimLeft(s, " \t\n\f\r")
	s = strings.TrimPrefix(s, "+")
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return 1 << 20, true // absurdly large: clamp rather than fail
	}
	return min(n, 1<<20), true
}

// cellTable returns the table a td or th belongs to: its row's parent,
// or that parent's parent when the row sits in a row group.
func cellTable(cell *dom.Node) *dom.Node {
	row := cell.ParentElement()
	if row == nil || !row.IsElement("tr") {
		return nil
	}
	p := row.ParentElement()
	if p.IsElement("table") {
		return p
	}
	if p.IsElement("tbody") || p.IsElement("thead") || p.IsElement("tfoot") {
		if t := p.ParentElement(); t.IsElement("table") {
			return t
		}
	}
	return nil
}

// legacyFontSize implements HTML's rules for parsing a legacy font size:
// "3" is medium, "+1" one step larger, clamped to 1..7. It returns the
// index into fontSizeKeywords.
func legacyFontSize(s string) (int, bool) {
	s = strings.TrimLeft(s, " \t\n\f\r")
	mode := byte(0)
	if s != "" && (s[0] == '+' || s[0] == '-') {
		mode, s = s[0], s[1:]
	}
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		n = 1 << 20
	}
	switch mode {
	case '+':
		n = 3 + n
	case '-':
		n = 3 - n
	}
	n = max(1, min(n, 7))
	// 1 x-small, 2 small, 3 medium, ..., 7 xxx-large.
	return n, true
}

// listTypeAttr maps the type attribute of ol, ul and li to a marker.
func listTypeAttr(tag, t string) (ListStyleType, bool) {
	if tag != "ul" {
		// Case matters here: a is lower-alpha, A upper-alpha.
		switch t {
		case "1":
			return ListDecimal, true
		case "a":
			return ListLowerAlpha, true
		case "A":
			return ListUpperAlpha, true
		case "i":
			return ListLowerRoman, true
		case "I":
			return ListUpperRoman, true
		}
	}
	if tag != "ol" {
		switch strings.ToLower(t) {
		case "disc":
			return ListDisc, true
		case "circle":
			return ListCircle, true
		case "square":
			return ListSquare, true
		case "none":
			return ListNone, true
		}
	}
	return 0, false
}

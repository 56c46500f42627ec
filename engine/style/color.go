package style

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"glassbox/engine/css"
)

// ParseColor parses a CSS colour written as text, such as "#0a0",
// "rgb(0 160 0 / 50%)" or "rebeccapurple". currentColor is not a colour
// by itself and is rejected. It is here for callers outside the cascade
// (canvas fill styles, the legacy bgcolor attribute has its own rules).
func ParseColor(s string) (color.NRGBA, bool) {
	ts := css.ParseValue(s)
	if len(ts) != 1 {
		return color.NRGBA{}, false
	}
	return parseColor(ts[0])
}

// parseColor reads one component value as a colour.
func parseColor(t css.Token) (color.NRGBA, bool) {
	switch t.Type {
	case css.IdentToken:
		c, ok := namedColors[strings.ToLower(t.Value)]
		return c, ok
	case css.HashToken:
		return hexColor(t.Value)
	case css.FunctionToken:
		switch strings.ToLower(t.Value) {
		case "rgb", "rgba":
			return rgbFunc(t.Children)
		case "hsl", "hsla":
			return hslFunc(t.Children, false)
		case "hwb":
			return hslFunc(t.Children, true)
		}
	}
	return color.NRGBA{}, false
}

// hexColor reads #rgb, #rgba, #rrggbb and #rrggbbaa (without the #).
func hexColor(h string) (color.NRGBA, bool) {
	for i := 0; i < len(h); i++ {
		if !isHexDigit(h[i]) {
			return color.NRGBA{}, false
		}
	}
	nib := func(i int) uint8 { v, _ := strconv.ParseUint(h[i:i+1], 16, 8); return uint8(v) }
	byt := func(i int) uint8 { v, _ := strconv.ParseUint(h[i:i+2], 16, 8); return uint8(v) }
	switch len(h) {
	case 3, 4:
		c := color.NRGBA{nib(0) * 17, nib(1) * 17, nib(2) * 17, 255}
		if len(h) == 4 {
			c.A = nib(3) * 17
		}
		return c, true
	case 6, 8:
		c := color.NRGBA{byt(0), byt(2), byt(4), 255}
		if len(h) == 8 {
			c.A = byt(6)
		}
		return c, true
	}
	return color.NRGBA{}, false
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// colorArgs splits a colour function's arguments into its components and
// optional alpha. It accepts the legacy comma form, "r, g, b[, a]", and
// the modern space form, "r g b [/ a]"; legacy reports which it was.
func colorArgs(args []css.Token) (comps []css.Token, alpha *css.Token, legacy bool, ok bool) {
	var words []css.Token
	for _, t := range args {
		if t.Type != css.WhitespaceToken {
			words = append(words, t)
		}
	}
	hasComma := false
	for _, t := range words {
		if t.Type == css.CommaToken {
			hasComma = true
		}
	}
	if hasComma {
		// a , b , c [, d]: values at even positions, commas at odd.
		if len(words) != 5 && len(words) != 7 {
			return nil, nil, false, false
		}
		for i, t := range words {
			if (i%2 == 1) != (t.Type == css.CommaToken) {
				return nil, nil, false, false
			}
		}
		comps = []css.Token{words[0], words[2], words[4]}
		if len(words) == 7 {
			alpha = &words[6]
		}
		return comps, alpha, true, true
	}
	switch {
	case len(words) == 3:
	case len(words) == 5 && words[3].IsDelim('/'):
		alpha = &words[4]
	default:
		return nil, nil, false, false
	}
	return words[:3], alpha, false, true
}

// alphaValue reads an alpha component: a number 0..1 or a percentage.
func alphaValue(t *css.Token) (uint8, bool) {
	if t == nil {
		return 255, true
	}
	var a float64
	switch {
	case t.Type == css.NumberToken:
		a = t.Num
	case t.Type == css.PercentageToken:
		a = t.Num / 100
	case t.IsIdent("none"):
		a = 0
	default:
		return 0, false
	}
	return to8(a), true
}

// to8 maps 0..1 to 0..255, clamping and rounding.
func to8(f float64) uint8 {
	if math.IsNaN(f) || f <= 0 {
		return 0
	}
	if f >= 1 {
		return 255
	}
	return uint8(math.Round(f * 255))
}

func rgbFunc(args []css.Token) (color.NRGBA, bool) {
	comps, alpha, legacy, ok := colorArgs(args)
	if !ok {
		return color.NRGBA{}, false
	}
	var ch [3]uint8
	for i, t := range comps {
		switch {
		case t.Type == css.NumberToken:
			ch[i] = to8(t.Num / 255)
		case t.Type == css.PercentageToken:
			ch[i] = to8(t.Num / 100)
		case t.IsIdent("none") && !legacy:
			ch[i] = 0
		default:
			return color.NRGBA{}, false
		}
		// The legacy syntax does not mix numbers and percentages.
		if legacy && t.Type != comps[0].Type {
			return color.NRGBA{}, false
		}
	}
	a, ok := alphaValue(alpha)
	if !ok {
		return color.NRGBA{}, false
	}
	return color.NRGBA{ch[0], ch[1], ch[2], a}, true
}

// hue reads an angle in degrees: a bare number or deg, grad, rad, turn.
func hue(t css.Token) (float64, bool) {
	switch t.Type {
	case css.NumberToken:
		return t.Num, true
	case css.DimensionToken:
		switch strings.ToLower(t.Unit) {
		case "deg":
			return t.Num, true
		case "grad":
			return t.Num * 360 / 400, true
		case "rad":
			return t.Num * 180 / math.Pi, true
		case "turn":
			return t.Num * 360, true
		}
	case css.IdentToken:
		if t.IsIdent("none") {
			return 0, true
		}
	}
	return 0, false
}

// hslFunc parses hsl()/hsla(), or hwb() when hwb is set: a hue and two
// percentages (saturation and lightness, or whiteness and blackness).
func hslFunc(args []css.Token, hwb bool) (color.NRGBA, bool) {
	comps, alpha, legacy, ok := colorArgs(args)
	if !ok || hwb && legacy {
		return color.NRGBA{}, false
	}
	h, ok := hue(comps[0])
	if !ok {
		return color.NRGBA{}, false
	}
	var p [2]float64
	for i, t := range comps[1:] {
		switch {
		case t.Type == css.PercentageToken:
			p[i] = t.Num / 100
		case t.Type == css.NumberToken && !legacy:
			p[i] = t.Num / 100
		case t.IsIdent("none") && !legacy:
			p[i] = 0
		default:
			return color.NRGBA{}, false
		}
		p[i] = math.Max(0, math.Min(1, p[i]))
	}
	a, ok := alphaValue(alpha)
	if !ok {
		return color.NRGBA{}, false
	}
	var r, g, b float64
	if hwb {
		w, bl := p[0], p[1]
		if w+bl >= 1 {
			gray := w / (w + bl)
			r, g, b = gray, gray, gray
		} else {
			r, g, b = hslToRGB(h, 1, 0.5)
			f := func(c float64) float64 { return c*(1-w-bl) + w }
			r, g, b = f(r), f(g), f(b)
		}
	} else {
		r, g, b = hslToRGB(h, p[0], p[1])
	}
	return color.NRGBA{to8(r), to8(g), to8(b), a}, true
}

// hslToRGB converts hue (degrees), saturation and lightness (0..1) to
// red, green and blue (0..1), by the formula of CSS Color 4.
func hslToRGB(h, s, l float64) (r, g, b float64) {
	if math.IsNaN(h) || math.IsInf(h, 0) {
		h = 0
	}
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	f := func(n float64) float64 {
		k := math.Mod(n+h/30, 12)
		a := s * math.Min(l, 1-l)
		return l - a*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1))
	}
	return f(0), f(8), f(4)
}

// parseLegacyColor implements the HTML standard's rules for parsing a
// legacy colour value, used by bgcolor, color and text attributes. It is
// deliberately forgiving: "ff0000" and even "chucknorris" give colours.
func parseLegacyColor(s string) (color.NRGBA, bool) {
	s = strings.Trim(s, " \t\n\f\r")
	if s == "" || strings.EqualFold(s, "transparent") {
		return color.NRGBA{}, false
	}
	if c, ok := namedColors[strings.ToLower(s)]; ok {
		return c, true
	}
	if len(s) == 4 && s[0] == '#' && isHexDigit(s[1]) && isHexDigit(s[2]) && isHexDigit(s[3]) {
		return hexColor(s[1:])
	}
	// Work on code points: those outside the BMP count as "00".
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 128 {
			break
		}
		if r > 0xFFFF {
			b.WriteString("00")
		} else {
			b.WriteRune(r)
		}
		n++
	}
	s = b.String()
	s = strings.TrimPrefix(s, "#")
	digits := []byte{}
	for _, r := range s {
		if r < 0x80 && isHexDigit(byte(r)) {
			digits = append(digits, byte(r))
		} else {
			digits = append(digits, '0')
		}
	}
	for len(digits) == 0 || len(digits)%3 != 0 {
		digits = append(digits, '0')
	}
	l := len(digits) / 3
	parts := [3][]byte{digits[:l], digits[l : 2*l], digits[2*l:]}
	if l > 8 {
		for i := range parts {
			parts[i] = parts[i][l-8:]
		}
		l = 8
	}
	for l > 2 && parts[0][0] == '0' && parts[1][0] == '0' && parts[2][0] == '0' {
		for i := range parts {
			parts[i] = parts[i][1:]
		}
		l--
	}
	if l > 2 {
		for i := range parts {
			parts[i] = parts[i][:2]
		}
	}
	var ch [3]uint8
	for i, p := range parts {
		v, _ := strconv.ParseUint(string(p), 16, 8)
		ch[i] = uint8(v)
	}
	return color.NRGBA{ch[0], ch[1], ch[2], 255}, true
}

// namedColors are the CSS named colours, transparent and the system
// colours, the latter with the values of a light colour scheme.
var namedColors = map[string]color.NRGBA{
	"transparent": {0, 0, 0, 0},

	"aliceblue":            rgb(0xf0f8ff),
	"antiquewhite":         rgb(0xfaebd7),
	"aqua":                 rgb(0x00ffff),
	"aquamarine":           rgb(0x7fffd4),
	"azure":                rgb(0xf0ffff),
	"beige":                rgb(0xf5f5dc),
	"bisque":               rgb(0xffe4c4),
	"black":                rgb(0x000000),
	"blanchedalmond":       rgb(0xffebcd),
	"blue":                 rgb(0x0000ff),
	"blueviolet":           rgb(0x8a2be2),
	"brown":                rgb(0xa52a2a),
	"burlywood":            rgb(0xdeb887),
	"cadetblue":            rgb(0x5f9ea0),
	"chartreuse":           rgb(0x7fff00),
	"chocolate":            rgb(0xd2691e),
	"coral":                rgb(0xff7f50),
	"cornflowerblue":       rgb(0x6495ed),
	"cornsilk":             rgb(0xfff8dc),
	"crimson":              rgb(0xdc143c),
	"cyan":                 rgb(0x00ffff),
	"darkblue":             rgb(0x00008b),
	"darkcyan":             rgb(0x008b8b),
	"darkgoldenrod":        rgb(0xb8860b),
	"darkgray":             rgb(0xa9a9a9),
	"darkgreen":            rgb(0x006400),
	"darkgrey":             rgb(0xa9a9a9),
	"darkkhaki":            rgb(0xbdb76b),
	"darkmagenta":          rgb(0x8b008b),
	"darkolivegreen":       rgb(0x556b2f),
	"darkorange":           rgb(0xff8c00),
	"darkorchid":           rgb(0x9932cc),
	"darkred":              rgb(0x8b0000),
	"darksalmon":           rgb(0xe9967a),
	"darkseagreen":         rgb(0x8fbc8f),
	"darkslateblue":        rgb(0x483d8b),
	"darkslategray":        rgb(0x2f4f4f),
	"darkslategrey":        rgb(0x2f4f4f),
	"darkturquoise":        rgb(0x00ced1),
	"darkviolet":           rgb(0x9400d3),
	"deeppink":             rgb(0xff1493),
	"deepskyblue":          rgb(0x00bfff),
	"dimgray":              rgb(0x696969),
	"dimgrey":              rgb(0x696969),
	"dodgerblue":           rgb(0x1e90ff),
	"firebrick":            rgb(0xb22222),
	"floralwhite":          rgb(0xfffaf0),
	"forestgreen":          rgb(0x228b22),
	"fuchsia":              rgb(0xff00ff),
	"gainsboro":            rgb(0xdcdcdc),
	"ghostwhite":           rgb(0xf8f8ff),
	"gold":                 rgb(0xffd700),
	"goldenrod":            rgb(0xdaa520),
	"gray":                 rgb(0x808080),
	"green":                rgb(0x008000),
	"greenyellow":          rgb(0xadff2f),
	"grey":                 rgb(0x808080),
	"honeydew":             rgb(0xf0fff0),
	"hotpink":              rgb(0xff69b4),
	"indianred":            rgb(0xcd5c5c),
	"indigo":               rgb(0x4b0082),
	"ivory":                rgb(0xfffff0),
	"khaki":                rgb(0xf0e68c),
	"lavender":             rgb(0xe6e6fa),
	"lavenderblush":        rgb(0xfff0f5),
	"lawngreen":            rgb(0x7cfc00),
	"lemonchiffon":         rgb(0xfffacd),
	"lightblue":            rgb(0xadd8e6),
	"lightcoral":           rgb(0xf08080),
	"lightcyan":            rgb(0xe0ffff),
	"lightgoldenrodyellow": rgb(0xfafad2),
	"lightgray":            rgb(0xd3d3d3),
	"lightgreen":           rgb(0x90ee90),
	"lightgrey":            rgb(0xd3d3d3),
	"lightpink":            rgb(0xffb6c1),
	"lightsalmon":          rgb(0xffa07a),
	"lightseagreen":        rgb(0x20b2aa),
	"lightskyblue":         rgb(0x87cefa),
	"lightslategray":       rgb(0x778899),
	"lightslategrey":       rgb(0x778899),
	"lightsteelblue":       rgb(0xb0c4de),
	"lightyellow":          rgb(0xffffe0),
	"lime":                 rgb(0x00ff00),
	"limegreen":            rgb(0x32cd32),
	"linen":                rgb(0xfaf0e6),
	"magenta":              rgb(0xff00ff),
	"maroon":               rgb(0x800000),
	"mediumaquamarine":     rgb(0x66cdaa),
	"mediumblue":           rgb(0x0000cd),
	"mediumorchid":         rgb(0xba55d3),
	"mediumpurple":         rgb(0x9370db),
	"mediumseagreen":       rgb(0x3cb371),
	"mediumslateblue":      rgb(0x7b68ee),
	"mediumspringgreen":    rgb(0x00fa9a),
	"mediumturquoise":      rgb(0x48d1cc),
	"mediumvioletred":      rgb(0xc71585),
	"midnightblue":         rgb(0x191970),
	"mintcream":            rgb(0xf5fffa),
	"mistyrose":            rgb(0xffe4e1),
	"moccasin":             rgb(0xffe4b5),
	"navajowhite":          rgb(0xffdead),
	"navy":                 rgb(0x000080),
	"oldlace":              rgb(0xfdf5e6),
	"olive":                rgb(0x808000),
	"olivedrab":            rgb(0x6b8e23),
	"orange":               rgb(0xffa500),
	"orangered":            rgb(0xff4500),
	"orchid":               rgb(0xda70d6),
	"palegoldenrod":        rgb(0xeee8aa),
	"palegreen":            rgb(0x98fb98),
	"paleturquoise":        rgb(0xafeeee),
	"palevioletred":        rgb(0xdb7093),
	"papayawhip":           rgb(0xffefd5),
	"peachpuff":            rgb(0xffdab9),
	"peru":                 rgb(0xcd853f),
	"pink":                 rgb(0xffc0cb),
	"plum":                 rgb(0xdda0dd),
	"powderblue":           rgb(0xb0e0e6),
	"purple":               rgb(0x800080),
	"rebeccapurple":        rgb(0x663399),
	"red":                  rgb(0xff0000),
	"rosybrown":            rgb(0xbc8f8f),
	"royalblue":            rgb(0x4169e1),
	"saddlebrown":          rgb(0x8b4513),
	"salmon":               rgb(0xfa8072),
	"sandybrown":           rgb(0xf4a460),
	"seagreen":             rgb(0x2e8b57),
	"seashell":             rgb(0xfff5ee),
	"sienna":               rgb(0xa0522d),
	"silver":               rgb(0xc0c0c0),
	"skyblue":              rgb(0x87ceeb),
	"slateblue":            rgb(0x6a5acd),
	"slategray":            rgb(0x708090),
	"slategrey":            rgb(0x708090),
	"snow":                 rgb(0xfffafa),
	"springgreen":          rgb(0x00ff7f),
	"steelblue":            rgb(0x4682b4),
	"tan":                  rgb(0xd2b48c),
	"teal":                 rgb(0x008080),
	"thistle":              rgb(0xd8bfd8),
	"tomato":               rgb(0xff6347),
	"turquoise":            rgb(0x40e0d0),
	"violet":               rgb(0xee82ee),
	"wheat":                rgb(0xf5deb3),
	"white":                rgb(0xffffff),
	"whitesmoke":           rgb(0xf5f5f5),
	"yellow":               rgb(0xffff00),
	"yellowgreen":          rgb(0x9acd32),

	// System colours (CSS Color 4), light scheme.
	"canvas":           rgb(0xffffff),
	"canvastext":       rgb(0x000000),
	"linktext":         rgb(0x0000ee),
	"visitedtext":      rgb(0x551a8b),
	"activetext":       rgb(0xff0000),
	"buttonface":       rgb(0xefefef),
	"buttontext":       rgb(0x000000),
	"buttonborder":     rgb(0x767676),
	"field":            rgb(0xffffff),
	"fieldtext":        rgb(0x000000),
	"highlight":        rgb(0xb5d5ff),
	"highlighttext":    rgb(0x000000),
	"selecteditem":     rgb(0x0078d7),
	"selecteditemtext": rgb(0xffffff),
	"mark":             rgb(0xffff00),
	"marktext":         rgb(0x000000),
	"graytext":         rgb(0x808080),
	"accentcolor":      rgb(0x0078d7),
	"accentcolortext":  rgb(0xffffff),
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

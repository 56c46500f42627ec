package regexp

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Unicode property escapes (\p{...} and \P{...}). ECMA-262 §22.2.2.9
// accepts exactly the names of its tables of binary properties, General
// Category values and Script values, with their UCD aliases. Each is
// built here as a set of code point ranges from Go's unicode tables and
// written out as an explicit class, so that derived properties, unions
// and negation inside a class all work the same way. Go's tables are
// Unicode 15.0.0 (unicode.Version); test262 expects 17.0.0, so code
// points assigned since 15.0 are not in any property here.

// rng is an inclusive range of code points.
type rng struct{ lo, hi rune }

// set is a sorted list of disjoint, non-adjacent ranges.
type set []rng

func fromTables(ts ...*unicode.RangeTable) set {
	var rs []rng
	for _, t := range ts {
		for _, r := range t.R16 {
			rs = appendStride(rs, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			rs = appendStride(rs, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return normalize(rs)
}

func appendStride(rs []rng, lo, hi, stride rune) []rng {
	if stride == 1 {
		return append(rs, rng{lo, hi})
	}
	for c := lo; c <= hi; c += stride {
		rs = append(rs, rng{c, c})
	}
	return rs
}

func normalize(rs []rng) set {
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	var out set
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

func union(ss ...set) set {
	var rs []rng
	for _, s := range ss {
		rs = append(rs, s...)
	}
	return normalize(rs)
}

func (s set) complement() set {
	var out set
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, rng{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, rng{next, unicode.MaxRune})
	}
	return out
}

func (s set) minus(o set) set {
	return intersect(s, o.complement())
}

func intersect(a, b set) set {
	var out set
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo <= hi {
			out = append(out, rng{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// classBody writes s as the inside of a regexp2 character class.
func (s set) classBody() string {
	var sb strings.Builder
	for _, r := range s {
		writeChar(&sb, r.lo)
		if r.hi != r.lo {
			if r.hi > r.lo+1 {
				sb.WriteByte('-')
			}
			writeChar(&sb, r.hi)
		}
	}
	return sb.String()
}

// General_Category long names and aliases, mapped to the short names.
var categoryAliases = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
	"Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo",
	"Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me",
	"Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No",
	"Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd",
	"Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po",
	"Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk", "Other_Symbol": "So",
	"Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl", "Paragraph_Separator": "Zp",
	"Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs", "Private_Use": "Co",
	"Unassigned": "Cn",
}

// Script values by their ISO 15924 aliases (UCD PropertyValueAliases),
// for the scripts Go has tables for.
var scriptAliases = map[string]string{
	"Adlm": "Adlam", "Aghb": "Caucasian_Albanian", "Ahom": "Ahom", "Arab": "Arabic", "Armi": "Imperial_Aramaic",
	"Armn": "Armenian", "Avst": "Avestan", "Bali": "Balinese", "Bamu": "Bamum", "Bass": "Bassa_Vah",
	"Batk": "Batak", "Beng": "Bengali", "Bhks": "Bhaiksuki", "Bopo": "Bopomofo", "Brah": "Brahmi",
	"Brai": "Braille", "Bugi": "Buginese", "Buhd": "Buhid", "Cakm": "Chakma", "Cans": "Canadian_Aboriginal",
	"Cari": "Carian", "Cham": "Cham", "Cher": "Cherokee", "Chrs": "Chorasmian", "Copt": "Coptic", "Qaac": "Coptic",
	"Cpmn": "Cypro_Minoan", "Cprt": "Cypriot", "Cyrl": "Cyrillic", "Deva": "Devanagari", "Diak": "Dives_Akuru",
	"Dogr": "Dogra", "Dsrt": "Deseret", "Dupl": "Duployan", "Egyp": "Egyptian_Hieroglyphs", "Elba": "Elbasan",
	"Elym": "Elymaic", "Ethi": "Ethiopic", "Geor": "Georgian", "Glag": "Glagolitic", "Gong": "Gunjala_Gondi",
	"Gonm": "Masaram_Gondi", "Goth": "Gothic", "Gran": "Grantha", "Grek": "Greek", "Gujr": "Gujarati",
	"Guru": "Gurmukhi", "Hang": "Hangul", "Hani": "Han", "Hano": "Hanunoo", "Hatr": "Hatran", "Hebr": "Hebrew",
	"Hira": "Hiragana", "Hluw": "Anatolian_Hieroglyphs", "Hmng": "Pahawh_Hmong", "Hmnp": "Nyiakeng_Puachue_Hmong",
	"Hung": "Old_Hungarian", "Ital": "Old_Italic", "Java": "Javanese", "Kali": "Kayah_Li", "Kana": "Katakana",
	"Kawi": "Kawi", "Khar": "Kharoshthi", "Khmr": "Khmer", "Khoj": "Khojki", "Kits": "Khitan_Small_Script",
	"Knda": "Kannada", "Kthi": "Kaithi", "Lana": "Tai_Tham", "Laoo": "Lao", "Latn": "Latin", "Lepc": "Lepcha",
	"Limb": "Limbu", "Lina": "Linear_A", "Linb": "Linear_B", "Lisu": "Lisu", "Lyci": "Lycian", "Lydi": "Lydian",
	"Mahj": "Mahajani", "Maka": "Makasar", "Mand": "Mandaic", "Mani": "Manichaean", "Marc": "Marchen",
	"Medf": "Medefaidrin", "Mend": "Mende_Kikakui", "Merc": "Meroitic_Cursive", "Mero": "Meroitic_Hieroglyphs",
	"Mlym": "Malayalam", "Modi": "Modi", "Mong": "Mongolian", "Mroo": "Mro", "Mtei": "Meetei_Mayek",
	"Mult": "Multani", "Mymr": "Myanmar", "Nagm": "Nag_Mundari", "Nand": "Nandinagari", "Narb": "Old_North_Arabian",
	"Nbat": "Nabataean", "Newa": "Newa", "Nkoo": "Nko", "Nshu": "Nushu", "Ogam": "Ogham", "Olck": "Ol_Chiki",
	"Orkh": "Old_Turkic", "Orya": "Oriya", "Osge": "Osage", "Osma": "Osmanya", "Ougr": "Old_Uyghur",
	"Palm": "Palmyrene", "Pauc": "Pau_Cin_Hau", "Perm": "Old_Permic", "Phag": "Phags_Pa",
	"Phli": "Inscriptional_Pahlavi", "Phlp": "Psalter_Pahlavi", "Phnx": "Phoenician", "Plrd": "Miao",
	"Prti": "Inscriptional_Parthian", "Rjng": "Rejang", "Rohg": "Hanifi_Rohingya", "Runr": "Runic",
	"Samr": "Samaritan", "Sarb": "Old_South_Arabian", "Saur": "Saurashtra", "Sgnw": "SignWriting",
	"Shaw": "Shavian", "Shrd": "Sharada", "Sidd": "Siddham", "Sind": "Khudawadi", "Sinh": "Sinhala",
	"Sogd": "Sogdian", "Sogo": "Old_Sogdian", "Sora": "Sora_Sompeng", "Soyo": "Soyombo", "Sund": "Sundanese",
	"Sylo": "Syloti_Nagri", "Syrc": "Syriac", "Tagb": "Tagbanwa", "Takr": "Takri", "Tale": "Tai_Le",
	"Talu": "New_Tai_Lue", "Taml": "Tamil", "Tang": "Tangut", "Tavt": "Tai_Viet", "Telu": "Telugu",
	"Tfng": "Tifinagh", "Tglg": "Tagalog", "Thaa": "Thaana", "Thai": "Thai", "Tibt": "Tibetan",
	"Tirh": "Tirhuta", "Tnsa": "Tangsa", "Toto": "Toto", "Ugar": "Ugaritic", "Vaii": "Vai", "Vith": "Vithkuqi",
	"Wara": "Warang_Citi", "Wcho": "Wancho", "Xpeo": "Old_Persian", "Xsux": "Cuneiform", "Yezi": "Yezidi",
	"Yiii": "Yi", "Zanb": "Zanabazar_Square", "Zinh": "Inherited", "Qaai": "Inherited", "Zyyy": "Common",
}

// Binary property aliases of ECMA-262's table of binary Unicode
// properties, mapped to their canonical names.
var binaryAliases = map[string]string{
	"AHex": "ASCII_Hex_Digit", "Alpha": "Alphabetic", "Bidi_C": "Bidi_Control", "Bidi_M": "Bidi_Mirrored",
	"CI": "Case_Ignorable", "CWCF": "Changes_When_Casefolded", "CWCM": "Changes_When_Casemapped",
	"CWKCF": "Changes_When_NFKC_Casefolded", "CWL": "Changes_When_Lowercased",
	"CWT": "Changes_When_Titlecased", "CWU": "Changes_When_Uppercased", "DI": "Default_Ignorable_Code_Point",
	"Dep": "Deprecated", "Dia": "Diacritic", "EBase": "Emoji_Modifier_Base", "EComp": "Emoji_Component",
	"EMod": "Emoji_Modifier", "EPres": "Emoji_Presentation", "ExtPict": "Extended_Pictographic",
	"Ext": "Extender", "Gr_Base": "Grapheme_Base", "Gr_Ext": "Grapheme_Extend", "Hex": "Hex_Digit",
	"IDSB": "IDS_Binary_Operator", "IDST": "IDS_Trinary_Operator", "IDC": "ID_Continue", "IDS": "ID_Start",
	"Ideo": "Ideographic", "Join_C": "Join_Control", "LOE": "Logical_Order_Exception", "Lower": "Lowercase",
	"NChar": "Noncharacter_Code_Point", "Pat_Syn": "Pattern_Syntax", "Pat_WS": "Pattern_White_Space",
	"QMark": "Quotation_Mark", "RI": "Regional_Indicator", "STerm": "Sentence_Terminal", "SD": "Soft_Dotted",
	"Term": "Terminal_Punctuation", "UIdeo": "Unified_Ideograph", "Upper": "Uppercase",
	"VS": "Variation_Selector", "space": "White_Space", "XIDC": "XID_Continue", "XIDS": "XID_Start",
}

// Binary properties Go has a table for under the same name.
var binaryTables = []string{
	"ASCII_Hex_Digit", "Bidi_Control", "Dash", "Deprecated", "Diacritic", "Extender", "Hex_Digit",
	"IDS_Binary_Operator", "IDS_Trinary_Operator", "Ideographic", "Join_Control", "Logical_Order_Exception",
	"Noncharacter_Code_Point", "Pattern_Syntax", "Pattern_White_Space", "Quotation_Mark", "Radical",
	"Regional_Indicator", "Sentence_Terminal", "Soft_Dotted", "Terminal_Punctuation", "Unified_Ideograph",
	"Variation_Selector", "White_Space",
}

// assigned is every code point with a General_Category other than Cn.
func assigned() set {
	var ts []*unicode.RangeTable
	for k, t := range unicode.Categories {
		// The two-letter categories partition the code points; Cn
		// (which Go's tables have, and fold into C) is the unassigned.
		if len(k) == 2 && k != "Cn" && k != "LC" {
			ts = append(ts, t)
		}
	}
	return fromTables(ts...)
}

// binaryProperty builds a binary property, deriving those Go has no
// table for by the definitions in the UCD's DerivedCoreProperties.txt.
func binaryProperty(name string) (set, bool) {
	for _, n := range binaryTables {
		if n == name {
			return fromTables(unicode.Properties[n]), true
		}
	}
	letters := fromTables(unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl)
	pattern := fromTables(unicode.Pattern_Syntax, unicode.Pattern_White_Space)
	idStart := union(letters, fromTables(unicode.Other_ID_Start)).minus(pattern)
	graphemeExtend := fromTables(unicode.Me, unicode.Mn, unicode.Other_Grapheme_Extend)
	switch name {
	case "ASCII":
		return set{{0, 0x7F}}, true
	case "Any":
		return set{{0, unicode.MaxRune}}, true
	case "Assigned":
		return assigned(), true
	case "Alphabetic":
		return union(letters, fromTables(unicode.Other_Alphabetic)), true
	case "Lowercase":
		return fromTables(unicode.Ll, unicode.Other_Lowercase), true
	case "Uppercase":
		return fromTables(unicode.Lu, unicode.Other_Uppercase), true
	case "Cased":
		return fromTables(unicode.Ll, unicode.Other_Lowercase, unicode.Lu, unicode.Other_Uppercase, unicode.Lt), true
	case "Math":
		return fromTables(unicode.Sm, unicode.Other_Math), true
	case "ID_Start":
		return idStart, true
	case "ID_Continue":
		return union(idStart, fromTables(unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)).minus(pattern), true
	case "Grapheme_Extend":
		return graphemeExtend, true
	case "Grapheme_Base":
		return fromTables(unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co, unicode.Zl, unicode.Zp).
			complement().minus(assigned().complement()).minus(graphemeExtend), true
	case "Default_Ignorable_Code_Point":
		return fromTables(unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector).
			minus(union(fromTables(unicode.White_Space, unicode.Prepended_Concatenation_Mark),
				set{{0xFFF9, 0xFFFB}, {0x13430, 0x1343F}})), true
	}
	return nil, false
}

// generalCategory builds a General_Category value, by short or long name.
func generalCategory(v string) (set, bool) {
	if s, ok := categoryAliases[v]; ok {
		v = s
	}
	switch v {
	case "LC":
		return fromTables(unicode.Lu, unicode.Ll, unicode.Lt), true
	case "Cn":
		return assigned().complement(), true
	case "C":
		// Unicode's C includes the unassigned code points.
		return union(fromTables(unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co), assigned().complement()), true
	}
	if t, ok := unicode.Categories[v]; ok {
		return fromTables(t), true
	}
	return nil, false
}

func script(v string) (set, bool) {
	if s, ok := scriptAliases[v]; ok {
		v = s
	}
	if t, ok := unicode.Scripts[v]; ok {
		return fromTables(t), true
	}
	return nil, false
}

// lookupProperty resolves the body of \p{...}. Script_Extensions uses
// the Script tables, since Go has no Script_Extensions data.
func lookupProperty(body string) (set, bool) {
	name, value, hasValue := strings.Cut(body, "=")
	if hasValue {
		switch name {
		case "General_Category", "gc":
			return generalCategory(value)
		case "Script", "sc", "Script_Extensions", "scx":
			return script(value)
		}
		return nil, false
	}
	if s, ok := generalCategory(name); ok {
		return s, true
	}
	if canon, ok := binaryAliases[name]; ok {
		name = canon
	}
	return binaryProperty(name)
}

// propertyCache holds the class body written for each property body,
// and for its negation, as propertyEntry values.
var propertyCache sync.Map

type propertyEntry struct {
	pos, neg string
	ok       bool
}

// propertyClass maps the body of \p{...} to regexp2 class syntax: a
// bracketed class outside a class, the bare ranges inside one.
func propertyClass(body string, negate, inClass bool) (string, bool) {
	var e propertyEntry
	if v, ok := propertyCache.Load(body); ok {
		e = v.(propertyEntry)
	} else {
		s, ok := lookupProperty(body)
		e = propertyEntry{ok: ok}
		if ok {
			e.pos, e.neg = s.classBody(), s.complement().classBody()
		}
		propertyCache.Store(body, e)
	}
	if !e.ok {
		return "", false
	}
	items := e.pos
	if negate {
		items = e.neg
	}
	if items == "" {
		// An empty set (\P{Any}): nothing matches. The caller reports
		// the case inside a class, which regexp2 cannot spell.
		if inClass {
			return "", true
		}
		return "(?!)", true
	}
	if inClass {
		return items, true
	}
	return "[" + items + "]", true
}

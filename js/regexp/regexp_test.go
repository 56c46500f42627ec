package regexp

import (
	"fmt"
	"testing"
	"unicode"
	"unicode/utf16"
)

func TestTranslateAndMatch(t *testing.T) {
	tests := []struct {
		pat, flags, in string
		want           []int // nil: no match
	}{
		{`a.c`, "", "a\rc abc", []int{4, 7}},
		{`(?<y>\d{4})-(\d\d)`, "", "x2024-05", []int{1, 8, 1, 5, 6, 8}},
		{`^b`, "m", "a\u2028b", []int{2, 3}},
		{`a$`, "", "a\n", nil},
		{`a$`, "m", "a\rb", []int{0, 1}},
		{`.`, "u", "😀", []int{0, 2}},
		{`.`, "", "😀", []int{0, 1}},
		{`\u{1F600}`, "u", "x😀", []int{1, 3}},
		{`\uD83D\uDE00`, "u", "x😀", []int{1, 3}},
		{`\uDE00`, "", "x😀", []int{2, 3}},
		{`\uDE00`, "u", "x😀", nil},
		{`[]`, "", "a", nil},
		{`[^]`, "", "\n", []int{0, 1}},
		{`\1(a)`, "", "a", []int{0, 1, 0, 1}},
		{`\2`, "", "\x02", []int{0, 1}},
		{`\8`, "", "8", []int{0, 1}},
		{`a{,2}`, "", "a{,2}", []int{0, 5}},
		{`\p{Lu}+`, "u", "abÉC", []int{2, 4}},
		{`\p{Script=Greek}`, "u", "aβ", []int{1, 2}},
		{`[\p{ASCII}]+`, "u", "ab€", []int{0, 2}},
		{`\k<a>(?<a>x)`, "", "x", []int{0, 1, 0, 1}},
		{`\k`, "", "k", []int{0, 1}},
		{`(?<=\$)\d+`, "", "$42", []int{1, 3}},
		{`[a-z-[]+`, "", "a-[", []int{0, 3}},
		{`\cJ`, "", "\n", []int{0, 1}},
		{`\c1`, "", `\c1`, []int{0, 3}},
		{`b`, "y", "ab", nil},
		{`(?:)`, "", "", []int{0, 0}},
		{`ab|`, "", "c", []int{0, 0}},
		{`\p{Script=Latn}+`, "u", "αabc", []int{1, 4}},
		{`\p{scx=Grek}`, "u", "aβ", []int{1, 2}},
		{`\p{Alpha}+`, "u", "1aé\u0345!", []int{1, 4}},
		{`\p{Lower}+`, "u", "Aaª", []int{1, 3}},
		{`\p{Upper}+`, "u", "aAⅠ", []int{1, 3}},
		{`\p{Cased}+`, "u", "1aAǅ", []int{1, 4}},
		{`\p{Math}+`, "u", "a+^", []int{1, 3}},
		{`\p{ID_Start}+`, "u", "1a_", []int{1, 2}},
		{`\p{IDC}+`, "u", " a1_", []int{1, 4}},
		{`\P{Assigned}`, "u", "a\u0378", []int{1, 2}},
		{`\p{gc=Cn}`, "u", "a\u0378", []int{1, 2}},
		{`\p{C}`, "u", "a\u0378", []int{1, 2}},
		{`\p{Other}`, "u", "a\x01", []int{1, 2}},
		{`\p{LC}+`, "u", "1aǅA", []int{1, 4}},
		{`[^\P{Lu}]+`, "u", "aBC", []int{1, 3}},
		{`[\P{LC}1]+`, "u", "a1-", []int{1, 3}},
		{`\p{Any}`, "u", "😀", []int{0, 2}},
		{`\P{Any}`, "u", "a", nil},
		{`\p{Gr_Ext}`, "u", "e\u0301", []int{1, 2}},
		{`\p{Gr_Base}+`, "u", "\u0301ab\u0301", []int{1, 3}},
		{`\p{DI}`, "u", "a\u00AD", []int{1, 2}},
		{`\p{space}`, "u", "a\u3000", []int{1, 2}},
		{`a(?i:b)c`, "", "aBc", []int{0, 3}},
		{`a(?i:b)c`, "", "aBC", nil},
		{`(?-i:a)b`, "i", "aB", []int{0, 2}},
		{`(?-i:a)b`, "i", "AB", nil},
		{`(?m:^b)`, "", "a\nb", []int{2, 3}},
		{`(?m:b$)|c`, "", "b\nc", []int{0, 1}},
		{`(?s:.)`, "", "\n", []int{0, 1}},
		{`(?-s:.)`, "s", "\na", []int{1, 2}},
		{`(?s-i:a.)b`, "i", "a\nB", []int{0, 3}},
		{`(?m:a)^b`, "", "a\nb", nil},
		{`[\&\!a-c]+`, "v", "x&!b", []int{1, 4}},
		{`[!#]+`, "v", "x!#", []int{1, 3}},
	}
	for _, tc := range tests {
		p, err := CompileString(tc.pat, tc.flags)
		if err != nil {
			t.Errorf("/%s/%s: %v", tc.pat, tc.flags, err)
			continue
		}
		caps, err := p.Exec(NewInput(utf16.Encode([]rune(tc.in)), p.Flags.Unicode), 0, nil)
		if err != nil {
			t.Errorf("/%s/%s: %v", tc.pat, tc.flags, err)
			continue
		}
		if len(caps) > len(tc.want) && tc.want != nil {
			caps = caps[:len(tc.want)]
		}
		if (caps == nil) != (tc.want == nil) || len(caps) != len(tc.want) {
			t.Errorf("/%s/%s on %q: got %v want %v (%s)", tc.pat, tc.flags, tc.in, caps, tc.want, p.Source)
			continue
		}
		for i := range caps {
			if caps[i] != tc.want[i] {
				t.Errorf("/%s/%s on %q: got %v want %v (%s)", tc.pat, tc.flags, tc.in, caps, tc.want, p.Source)
				break
			}
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ pat, flags string }{
		{`(`, ""}, {`)`, ""}, {`a**`, ""}, {`*`, ""}, {`a{2,1}`, ""}, {`[b-a]`, ""},
		{`(?i)a`, ""}, {`(?#x)`, ""}, {`(?<a>x)(?<a>y)`, ""}, {`\k<b>(?<a>x)`, ""},
		{`{`, "u"}, {`]`, "u"}, {`\z`, "u"}, {`\1`, "u"}, {`\p{Nope}`, "u"},
		{`(?<=a)*`, ""}, {`a`, "gg"}, {`a`, "x"}, {`[\d-z]`, "u"}, {`\`, ""},
		{`\u{110000}`, "u"}, {`(?<1a>x)`, ""}, {`a`, "uv"}, {`[[a]]`, "v"}, {`\k<a>`, "u"},
		{`\p{Latin}`, "u"}, {`\p{Other_Uppercase}`, "u"}, {`\p{Hyphen}`, "u"}, {`\p{Script=Lu}`, "u"},
		{`\p{gc=Latin}`, "u"}, {`\p{Lower=Y}`, "u"}, {`\p{lowercase}`, "u"}, {`[\P{Any}]`, "u"},
		{`(?ii:a)`, ""}, {`(?-:a)`, ""}, {`(?i-i:a)`, ""}, {`(?x:a)`, ""}, {`(?i-:`, ""}, {`(?-i)a`, ""},
		{`[(]`, "v"}, {`[a-]`, "v"}, {`[|]`, "v"}, {`[a&&&]`, "v"}, {`[^^^]`, "v"}, {`[!!]`, "v"},
	} {
		if _, err := CompileString(tc.pat, tc.flags); err == nil {
			t.Errorf("/%s/%s compiled", tc.pat, tc.flags)
		}
	}
}

func TestScriptAliasesNameGoTables(t *testing.T) {
	for short, long := range scriptAliases {
		if _, ok := unicode.Scripts[long]; !ok {
			t.Errorf("alias %s: no script %s", short, long)
		}
	}
	for _, n := range binaryTables {
		if _, ok := unicode.Properties[n]; !ok {
			t.Errorf("no property table %s", n)
		}
	}
}

func TestSetOperations(t *testing.T) {
	a := set{{'a', 'f'}, {'x', 'z'}}
	b := set{{'c', 'y'}}
	if got := fmt.Sprint(intersect(a, b)); got != fmt.Sprint(set{{'c', 'f'}, {'x', 'y'}}) {
		t.Errorf("intersect: %v", got)
	}
	if got := fmt.Sprint(a.minus(b)); got != fmt.Sprint(set{{'a', 'b'}, {'z', 'z'}}) {
		t.Errorf("minus: %v", got)
	}
	if got := fmt.Sprint(a.complement().complement()); got != fmt.Sprint(a) {
		t.Errorf("complement twice: %v", got)
	}
	if got := fmt.Sprint(union(set{{1, 3}}, set{{4, 6}}, set{{9, 9}})); got != fmt.Sprint(set{{1, 6}, {9, 9}}) {
		t.Errorf("union: %v", got)
	}
}

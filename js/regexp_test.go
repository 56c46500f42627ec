package js

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var regexpTests = []struct{ src, want string }{
	// Literals, flags and accessors.
	{`/a/gimsuyd.flags`, "dgimsuy"},
	{`var r = /x/; r === /x/`, "false"},
	{`function f() { return /x/g } f() !== f() && f().lastIndex === 0`, "true"},
	{`String(/a\/b[/]/g)`, "/a\\/b[/]/g"},
	{`new RegExp("a/b").source`, "a\\/b"},
	{`new RegExp("\n").source`, "\\n"},
	{`new RegExp("").source + String(new RegExp(""))`, "(?:)/(?:)/"},
	{`[/a/g.global, /a/.global, /a/i.ignoreCase, /a/m.multiline, /a/s.dotAll, /a/u.unicode, /a/y.sticky, /a/d.hasIndices]`, "true,false,true,true,true,true,true,true"},
	{`RegExp.prototype.global === undefined && RegExp.prototype.source`, "(?:)"},
	{`Object.getOwnPropertyNames(/a/).join()`, "lastIndex"},
	{`var d = Object.getOwnPropertyDescriptor(/a/, "lastIndex"); [d.writable, d.enumerable, d.configurable]`, "true,false,false"},
	{`Object.prototype.toString.call(/a/)`, "[object RegExp]"},
	{`[/a/v.unicodeSets, /[\p{L}]/v.test("é"), /./v.test("😀")]`, "true,true,true"},

	// The constructor.
	{`var r = /a/g; RegExp(r) === r`, "true"},
	{`var r = /a/g; new RegExp(r) === r`, "false"},
	{`new RegExp(/a/g, "i").flags`, "i"},
	{`new RegExp(/ab/gi).flags + new RegExp(/ab/gi).source`, "giab"},
	{`class R extends RegExp {}; var r = new R("b+"); [r instanceof R, r.test("abb"), r.constructor === R]`, "true,true,true"},
	{`var like = {source: "x+", flags: "g", [Symbol.match]: true}; var r = new RegExp(like); r.source + r.flags`, "x+g"},
	{`new RegExp("(")`, "SyntaxError"},
	{`new RegExp("a", "gg")`, "SyntaxError"},
	{`new RegExp("a", "uv")`, "SyntaxError"},
	{`try { new RegExp("[b-a]") } catch (e) { e instanceof SyntaxError }`, "true"},
	{`RegExp.escape("a.b*c")`, "\\x61\\.b\\*c"},

	// exec results.
	{`var m = /a(b)?c/.exec("xxac"); [m.index, m.input, m[0], m[1] === undefined, m.length]`, "2,xxac,ac,true,2"},
	{`/(?<year>\d{4})-(?<month>\d\d)/.exec("on 2024-05").groups.month`, "05"},
	{`var g = /(?<a>x)|(?<b>y)/.exec("y").groups; [Object.getPrototypeOf(g), g.a, g.b, Object.keys(g)]`, ",,y,a,b"},
	{`/a/.exec("b")`, "null"},
	{`/(a)/.exec("a").groups`, "undefined"},
	{`JSON.stringify(/a(?<n>b)?(c)/d.exec("xac").indices)`, `[[1,3],null,[2,3]]`},
	{`/a(?<n>b)/d.exec("ab").indices.groups.n.join()`, "1,2"},
	{`/\k<n>(?<n>a)/.exec("a")[0]`, "a"},
	{`/(a)\1/.test("aa") && !/(a)\1/.test("ab")`, "true"},
	{`/(?<=\$)\d+/.exec("cost $42")[0]`, "42"},
	{`/(?<!\$)\b\d+/.exec("$4 5")[0]`, "5"},
	{`/^b/m.test("a\nb") && /^b/m.test("a\u2028b") && !/^b/.test("a\nb")`, "true"},
	{`/a$/.test("a\n") + "," + /a$/m.test("a\rb")`, "false,true"},
	{`/a.c/.test("a\nc") + "," + /a.c/s.test("a\nc") + "," + /a.c/.test("a\u2028c")`, "false,true,false"},
	{`/[^]/.test("\n") && !/[]/.test("a")`, "true"},
	{`/\u{61}/u.test("a") && /\u{61}/.test("u".repeat(61))`, "true"},
	{`/\p{Lu}/u.test("É") + "," + /\p{Script=Greek}/u.test("λ") + "," + /\p{L}/.test("p{L}")`, "true,true,true"},
	{`/\cJ/.test("\n") && /[\b]/.test("\b") && /\0/.test("\0")`, "true"},
	{`/a{,2}/.test("a{,2}") && /\8/.test("8") && /]/.test("]")`, "true"},

	// Unicode and surrogates: indices are UTF-16 code units.
	{`var m = /b/u.exec("😀b"); m.index`, "2"},
	{`"😀😀".match(/./gu).length + "," + "😀😀".match(/./g).length`, "2,4"},
	{`/^.$/u.test("😀") + "," + /^.$/.test("😀")`, "true,false"},
	{`/\uD83D/.test("😀") + "," + /\uD83D/u.test("😀") + "," + /\uD83D/u.test("\uD83D")`, "true,false,true"},
	{`/\uD83D\uDE00/u.exec("x😀").index`, "1"},
	{`/[😀]/u.test("😀") + "," + /^[😀]$/.test("\uDE00")`, "true,true"},
	{`var r = /(?:)/gu; r.lastIndex = 1; r.exec("😀"); r.lastIndex`, "0"},
	{`"😀".replace(/(?:)/gu, "-")`, "-😀-"},
	{`"😀".replace(/(?:)/g, "-").length`, "5"},
	{`"a\uD800b".replace(/\uD800/, "X")`, "aXb"},
	{`"a😀b".split(/(?:)/u).length + "," + "a😀b".split("").length`, "3,4"},

	// lastIndex, global and sticky.
	{`var r = /o/g, out = [], m; while ((m = r.exec("foo boo")) !== null) out.push(m.index + ":" + r.lastIndex); out.join()`, "1:2,2:3,5:6,6:7"},
	{`var r = /o/g; r.exec("foo"); r.exec("foo"); [r.exec("foo"), r.lastIndex]`, ",0"},
	{`var r = /o/; r.lastIndex = 2; r.exec("foo").index + "," + r.lastIndex`, "1,2"},
	{`var r = /b/y; [r.test("ab"), r.lastIndex, (r.lastIndex = 1, r.test("ab")), r.lastIndex]`, "false,0,true,2"},
	{`var r = /a/y; r.lastIndex = 1; r.exec("aba") === null && r.lastIndex === 0`, "true"},
	{`var r = /a/g; r.lastIndex = 10; r.test("a") + "," + r.lastIndex`, "false,0"},
	{`var r = /a/g; r.lastIndex = {valueOf() { return 1 }}; r.exec("aa").index`, "1"},
	{`"aaa".match(/a/y)[0] + "," + "baa".match(/a/y)`, "a,null"},
	{`"a1b2".replace(/\d/y, "#") + "," + "1b2".replace(/\d/gy, "#")`, "a1b2,#b2"},
	{`var r = Object.freeze(/a/g); try { r.exec("a") } catch (e) { e.name }`, "TypeError"},

	// String.prototype.match, matchAll and search.
	{`"abc".match(/./g).join()`, "a,b,c"},
	{`"abc".match(/x/g)`, "null"},
	{`"abc".match(/b/).index`, "1"},
	{`"a.c".match(".")[0]`, "a"},
	{`[..."a1b22".matchAll(/\d+/g)].map(m => m[0] + "@" + m.index).join()`, "1@1,22@3"},
	{`[..."a1".matchAll("\\d")].length`, "1"},
	{`try { "a".matchAll(/a/) } catch (e) { e.name }`, "TypeError"},
	{`var it = "ab".matchAll(/(?<l>[a-z])/g); var a = it.next().value; a.groups.l + it[Symbol.toStringTag]`, "aRegExp String Iterator"},
	{`"abc".search(/c/) + "," + "abc".search(/x/) + "," + "a.c".search(".")`, "2,-1,0"},
	{`var r = /b/g; r.lastIndex = 2; "abc".search(r) + "," + r.lastIndex`, "1,2"},

	// replace and replaceAll: patterns and functions.
	{`"2024-05-06".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1")`, "06/05/2024"},
	{`"abc".replace(/b/, "[$&|$` + "`" + `|$'|$$]")`, "a[b|a|c|$]c"},
	{`"abc".replace(/(?<x>b)/, "[$<x>]") + "abc".replace(/(b)/, "[$<x>]")`, "a[b]ca[$<x>]c"},
	{`"abc".replace(/(?<x>b)/, "[$<y>][$<x]")`, "a[][$<x]c"},
	{`"abc".replace(/(b)/, "$0$1$2$01$10")`, "a$0b$2bb0c"},
	{`"abcdefghijk".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1")`, "k-j-a"},
	{`"aaa".replace(/a/g, "b") + "," + "aaa".replace(/a/, "b")`, "bbb,baa"},
	{`"x-y".replace(/(\w)-(\w)/, function (m, a, b, pos, s) { return [b, a, pos, s].join() })`, "y,x,0,x-y"},
	{`"ab".replace(/(?<l>a)/, function () { return typeof arguments[arguments.length - 1] + arguments[arguments.length - 1].l })`, "objectab"},
	{`"abc".replace(/(?:)/g, "-")`, "-a-b-c-"},
	{`"aXbX".replaceAll(/x/gi, "-")`, "a-b-"},
	{`try { "a".replaceAll(/a/, "b") } catch (e) { e.name }`, "TypeError"},
	{`"a.b.c".replaceAll(".", "$&$&")`, "a..b..c"},
	{`"abc".replace(/b/g, () => "$&")`, "a$&c"},

	// split.
	{`"a1b2c3".split(/\d/).join("|")`, "a|b|c|"},
	{`"a1b2c3".split(/(\d)/).join("|")`, "a|1|b|2|c|3|"},
	{`"a1b2c3".split(/(\d)/, 4).join("|")`, "a|1|b|2"},
	{`"abc".split(/(?:)/).join("|")`, "a|b|c"},
	{`"abc".split(/b*/).join("|")`, "a|c"},
	{`"".split(/a/).length + "," + "".split(/(?:)/).length`, "1,0"},
	{`"a,b".split(/,/, 0).length`, "0"},
	{`"A<B>bold</B>and<CODE>coded</CODE>".split(/<(\/)?([^<>]+)>/).join("|")`, "A||B|bold|/|B|and||CODE|coded|/|CODE|"},
	{`"aXbxc".split(/x/i).join()`, "a,b,c"},
	{`"a-b".split({[Symbol.split](s, l) { return "custom:" + s + l }}, 3)`, "custom:a-b3"},

	// Symbol overrides and user exec (RegExpExec).
	{`var r = /./; r[Symbol.replace] = function (s, v) { return "R:" + s + v }; "ab".replace(r, "x")`, "R:abx"},
	{`"abc".replace({[Symbol.replace](s, v) { return s.toUpperCase() + v }}, "!")`, "ABC!"},
	{`var r = /b/; r.exec = function () { return {index: 0, length: 1, 0: "Q"} }; "abc".replace(r, "z")`, "zbc"},
	{`var r = /b/g, n = 0; r.exec = function (s) { return n++ < 2 ? {index: n, length: 1, 0: "x"} : null }; "abcd".replace(r, "_")`, "a__d"},
	{`var r = /b/; r.exec = function () { return null }; r.test("b")`, "false"},
	{`var r = /b/; r.exec = function () { return 1 }; try { r.test("b") } catch (e) { e.name }`, "TypeError"},
	{`class R extends RegExp { exec(s) { var m = super.exec(s); if (m) m[0] = m[0].toUpperCase(); return m } }; "abab".replace(new R("a", "g"), "$&")`, "AbAb"},
	{`var r = /a/g; Object.defineProperty(r, "flags", {value: ""}); "aa".replace(r, "b")`, "ba"},
	{`var old = RegExp.prototype.exec; RegExp.prototype.exec = function (s) { return old.call(this, "zz" + s) }; var m = /a/.exec("a"); RegExp.prototype.exec = old; m.index`, "2"},
	{`var calls = 0; var r = /a/; r.exec = function (s) { calls++; return RegExp.prototype.exec.call(this, s) }; "aa".match(r); "aa".search(r); calls`, "2"},

	// Early errors for literals.
	{`/(/`, "SyntaxError"},
	{`/a/gg`, "SyntaxError"},
	{`/a/x`, "SyntaxError"},
	{`/a**/`, "SyntaxError"},
	{`/(?<a>x)(?<a>y)/`, "SyntaxError"},
	{`/\k<b>(?<a>x)/`, "SyntaxError"},
	{`/{/u`, "SyntaxError"},
	{`/\p{Nope}/u`, "SyntaxError"},
	{`/(?i)a/`, "SyntaxError"},
}

func TestRegExp(t *testing.T) {
	for _, tt := range regexpTests {
		got := run(t, tt.src)
		if tt.want == "SyntaxError" {
			if !strings.HasPrefix(got, "SyntaxError") {
				t.Errorf("%s\n got  %q\n want a SyntaxError", tt.src, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%s\n got  %q\n want %q", tt.src, got, tt.want)
		}
	}
}

// An invalid regular expression literal is an early error: the script
// does not start.
func TestRegExpLiteralEarlyError(t *testing.T) {
	rt := New()
	_, err := rt.RunScript("bad.js", "globalThis.ran = true; /a(/")
	var ex *Exception
	if !errors.As(err, &ex) || ex.Name() != "SyntaxError" {
		t.Fatalf("got %v, want a SyntaxError", err)
	}
	v, _ := rt.RunScript("check.js", "typeof ran")
	if v.Export() != "undefined" {
		t.Errorf("the script ran before its early error")
	}
	// new RegExp reports the error when it runs, as a catchable error.
	v, err = rt.RunScript("ctor.js", "var ran2 = true; try { new RegExp('a(') } catch (e) { e.name + ran2 }")
	if err != nil || v.Export() != "SyntaxErrortrue" {
		t.Errorf("got %v %v", v.Export(), err)
	}
}

// Catastrophic backtracking must not hang the runtime: Interrupt stops a
// match that is running.
func TestRegExpInterrupt(t *testing.T) {
	rt := New()
	time.AfterFunc(400*time.Millisecond, rt.Interrupt)
	start := time.Now()
	_, err := rt.RunScript("slow.js", "try { /^(a+)+$/.test('a'.repeat(40) + 'b') } catch (e) { 'caught' }")
	var intr *Interrupted
	if !errors.As(err, &intr) {
		t.Fatalf("got %v, want *Interrupted", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("interrupt took %v", d)
	}
	v, err := rt.RunScript("after.js", "/b/.test('ab')")
	if err != nil || v.Export() != true {
		t.Errorf("runtime unusable after interrupt: %v %v", v.Export(), err)
	}
}

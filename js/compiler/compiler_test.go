package compiler

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"glassbox/js/bytecode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The golden tests compile small functions and compare the disassembly
// of the first nested function with testdata/NAME.golden.
var goldenTests = []struct{ name, src string }{
	{"add", "function add(a, b) { return a + b; }"},
	{"property", "function point(o) { return o.x + o.y; }"},
	{"store", "function setX(o, v) { o.x = v; o[0] = v; }"},
	{"call", "function call(o) { return o.m(1, 2) + f(3); }"},
	{"loop", "function sum(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }"},
	{"closure", "function counter() { let n = 0; return () => ++n; }"},
	{"trycatch", "function t(f) { try { return f(); } catch (e) { return e; } finally { f = null; } }"},
	{"literals", "function lit() { return [1, {a: 2}, `t${3}`]; }"},
	{"tdz", "function tdz() { g(); let x = 1; function g() { return x; } }"},
	{"conditional", "function c(a) { if (a && !a.b) { return 1; } return a ? 2 : 3; }"},
}

func TestGolden(t *testing.T) {
	for _, tt := range goldenTests {
		t.Run(tt.name, func(t *testing.T) {
			script, err := Compile("golden.js", tt.src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var fn *bytecode.FunctionTemplate
			for _, c := range script.Constants {
				if f, ok := c.(*bytecode.FunctionTemplate); ok {
					fn = f
					break
				}
			}
			var sb strings.Builder
			bytecode.Disassemble(&sb, fn)
			got := sb.String()
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("disassembly of %s:\n%s\nwant:\n%s", tt.src, got, want)
			}
		})
	}
}

// TestNoFalseEarlyErrors checks that valid code near the early-error
// rules still compiles.
func TestNoFalseEarlyErrors(t *testing.T) {
	for _, src := range []string{
		"class C { get #x() {} set #x(v) {} static get #y() {} static set #y(v) {} }",
		"class C { x = function() { return arguments; }; static { (function() { arguments; }); } }",
		"class C { constructor() {} static constructor() {} prototype() {} static 'x' = 1; }",
		"function f(a, b) { 'use strict'; } function g([a]) { return () => { 'use strict'; }; }",
		"class C { #x; m() { delete this.x; delete this[0]; } }",
		"[(a)] = []; ({a: (b), c: d.e, ...f} = {}); [x = 1, [y], ...z] = []; ({ g = 1 } = {});",
		"(a?.b).c = 1; for ([a.b, ...c] of []);",
		"{ function f(){} function f(){} } switch (0) { case 1: function g(){} default: function g(){} }",
		"try {} catch (e) { var e; for (var e of []); { let e; } }",
		"{ function f(){} } { function f(){} } class C { static { function h(){} var h; } }",
		"function g(a) { function a(){} var a; }",
		// Escaped words that are not reserved where they appear.
		"var \\u0061wait; var l\\u0065t; var o = { bre\\u0061k: 1 }; o.bre\\u0061k;",
		"async function f() { function g() { var \\u0061wait; } }",
		"var yield, let, static; implements = 1;",
		// Annex B.3.4: function declarations as if and else bodies.
		"if (1) function f(){} if (0) ; else function g(){} if (1) function h(){} else function i(){}",
		"function o() { if (1) function f(){ if (2) function g(){} } 'use strict'; }",
		"if (1)\nfunction f(){ return `${ {a: 1}.a }` }\nelse function g(){ return /}/ }",
	} {
		if _, err := Compile("ok.js", src, Options{}); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}

// TestSyntaxErrors checks early errors the compiler reports itself.
func TestSyntaxErrors(t *testing.T) {
	for _, tt := range []struct{ src, msg string }{
		{"'use strict'; delete x;", "Delete of an unqualified identifier in strict mode."},
		{"'use strict'; var arguments;", "Unexpected eval or arguments in strict mode"},
		{"'use strict'; eval = 1;", "Unexpected eval or arguments in strict mode"},
		{"a: { break b; }", "Undefined label 'b'"},
		{"a: { continue a; }", "Illegal continue statement: 'a' does not denote an iteration statement"},
		{"new.target", "new.target expression is not allowed here"},
		{"function f() { super.x; }", "'super' keyword unexpected here"},
		{"return;", ""},
		{"'use strict'; '\\01';", "Octal escape sequences are not allowed in strict mode."},
		{"var x = { bre\\u0061k } = {};", "Keyword must not contain escaped characters"},
		{"async function f() { var \\u0061wait; }", "Keyword must not contain escaped characters"},
		{"function* g() { yi\\u0065ld: 1; }", "Keyword must not contain escaped characters"},
		{"'use strict'; var l\\u0065t;", "Keyword must not contain escaped characters"},
		{"class C { m() { var st\\u0061tic; } }", "Keyword must not contain escaped characters"},
		{"'use strict'; var yield;", "Unexpected strict mode reserved word"},
		{"function f() { 'use strict'; implements = 1; }", "Unexpected strict mode reserved word"},
		{"var C = class static {};", "Unexpected strict mode reserved word"},
		{"class A { constructor() {} constructor() {} }", "A class may only have one constructor"},
		{"'use strict'; with (a) {}", "Strict mode code may not include a with statement"},
		{"const c;", ""},
		{"let a; let a;", ""},
		{"function f(a, [b]) { 'use strict'; }", "Illegal 'use strict' directive in function with non-simple parameter list"},
		{"class C { #x; m() { delete (this.#x); } }", "Private fields can not be deleted"},
		{"class C { #x; m() { delete this?.#x; } }", "Private fields can not be deleted"},
		{"class C { #x; get #x() {} }", "Identifier '#x' has already been declared"},
		{"class C { static get #x() {} set #x(v) {} }", "Identifier '#x' has already been declared"},
		{"class C { #constructor() {} }", "Classes may not have a private field named '#constructor'"},
		{"class C { static prototype() {} }", "Classes may not have a static property named 'prototype'"},
		{"class C { 'constructor' = 1; }", "Classes may not have a field named 'constructor'"},
		{"class C { x = () => arguments; }", "'arguments' is not allowed in class field initializer or static initialization block"},
		{"class C { static { arguments; } }", "'arguments' is not allowed in class field initializer or static initialization block"},
		{"[{ get x(){} }] = []", "Invalid destructuring assignment target"},
		{"({ m(){} } = {})", "Invalid destructuring assignment target"},
		{"for ({ *g(){} } of []);", "Invalid destructuring assignment target"},
		{"[...a, b] = []", "Rest element must be last element"},
		{"({...a, b} = {})", "Rest element must be last element"},
		{"[...a = 1] = []", "Invalid destructuring assignment target"},
		{"({...{a}} = {})", ""},
		{"a?.b = 1", "Invalid left-hand side in assignment"},
		{"a?.b.c++", "Invalid left-hand side in assignment"},
		{"[a?.b] = []", "Invalid destructuring assignment target"},
		{"([a]) = 1", "Invalid left-hand side in assignment"},
		{"[({a})] = []", "Invalid destructuring assignment target"},
		{"[(a = 1)] = []", "Invalid destructuring assignment target"},
		{"({ a = 1 })", "Invalid shorthand property initializer"},
		{"'use strict'; { function f(){} function f(){} }", "Identifier 'f' has already been declared"},
		{"{ function* f(){} function f(){} }", "Identifier 'f' has already been declared"},
		{"{ function f(){} let f; }", "Identifier 'f' has already been declared"},
		{"{ function f(){} { var f; } }", "Identifier 'f' has already been declared"},
		{"switch (0) { case 1: function f(){} case 2: let f; }", "Identifier 'f' has already been declared"},
		{"for (;;) { var f; function f(){} }", "Identifier 'f' has already been declared"},
		{"try {} catch (e) { function e(){} }", "Identifier 'e' has already been declared"},
		{"try {} catch ([e]) { var e; }", "Identifier 'e' has already been declared"},
		// Annex B.3.4 function declarations as if bodies: sloppy code only.
		{"'use strict'; if (1) function f(){}", "In strict mode code, functions can only be declared at top level or inside a block"},
		{"function g() { 'use strict'; if (1) ; else function f(){} }", "In strict mode code, functions can only be declared at top level or inside a block"},
		{"class C { m() { if (1) function f(){} } }", "In strict mode code, functions can only be declared at top level or inside a block"},
		{"if (1) function* g(){}", ""},
		{"while (1) function f(){}", ""},
		{"if (1) async function f(){}", ""},
	} {
		_, err := Compile("e.js", tt.src, Options{})
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%s: got %v, want SyntaxError %q", tt.src, err, tt.msg)
			continue
		}
		if tt.msg != "" && se.Msg != tt.msg {
			t.Errorf("%s: got %q, want %q", tt.src, se.Msg, tt.msg)
		}
	}
}

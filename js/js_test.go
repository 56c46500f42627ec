package js

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// run evaluates src in a fresh runtime and renders the outcome: the
// completion value's ToString, or "Name: message" of an exception.
func run(t *testing.T, src string) string {
	t.Helper()
	rt := New()
	v, err := rt.RunScript("test.js", src)
	if err == nil {
		err = rt.RunJobs()
	}
	if err != nil {
		var ex *Exception
		if errors.As(err, &ex) {
			if ex.Name() != "" {
				return ex.Name() + ": " + ex.Message()
			}
			return "throw " + ex.Message()
		}
		return "error " + err.Error()
	}
	s, err := rt.ToString(v)
	if err != nil {
		return "error " + err.Error()
	}
	return s
}

var scriptTests = []struct{ src, want string }{
	// Literals and arithmetic.
	{"1 + 2 * 3", "7"},
	{"(1 + 2) * 3", "9"},
	{"7 % 3 + 2 ** 10", "1025"},
	{"-7 % 3", "-1"},
	{"1 / 0", "Infinity"},
	{"-1 / 0", "-Infinity"},
	{"0 / 0", "NaN"},
	{"0.1 + 0.2", "0.30000000000000004"},
	{"1e21", "1e+21"},
	{"1e-7", "1e-7"},
	{"123456789012345680000", "123456789012345680000"},
	{"0.000001", "0.000001"},
	{"1.5e300 * 10", "1.5e+301"},
	{"0x10 + 0o10 + 0b10", "26"},
	{"1_000_000", "1000000"},
	{"5 & 3 | 8 ^ 1", "9"},
	{"-1 >>> 28", "15"},
	{"1 << 31", "-2147483648"},
	{"~5", "-6"},
	{"2 ** -1", "0.5"},
	{"(-8) ** (1/3)", "NaN"},
	// Coercions.
	{"'3' * '4'", "12"},
	{"'3' + 4", "34"},
	{"3 + '4'", "34"},
	{"1 + true", "2"},
	{"1 + null", "1"},
	{"1 + undefined", "NaN"},
	{"[] + []", ""},
	{"[] + {}", "[object Object]"},
	{"[1,2] + [3]", "1,23"},
	{"+''", "0"},
	{"+' 12 '", "12"},
	{"+'0x1f'", "31"},
	{"+'1e3'", "1000"},
	{"+'abc'", "NaN"},
	{"+[]", "0"},
	{"+[5]", "5"},
	{"+{}", "NaN"},
	{"'b' > 'a'", "true"},
	{"'10' < '9'", "true"},
	{"10 < 9", "false"},
	{"'10' < 9", "false"},
	{"null >= 0", "true"},
	{"undefined == null", "true"},
	{"undefined === null", "false"},
	{"NaN == NaN", "false"},
	{"'1' == 1", "true"},
	{"0 == ''", "true"},
	{"'0' == false", "true"},
	{"null == 0", "false"},
	{"({valueOf(){return 42}}) + 1", "43"},
	{"({toString(){return 'x'}}) + 1", "x1"},
	{"({[Symbol.toPrimitive](h){return h}}) + ''", "default"},
	{"`${{[Symbol.toPrimitive](h){return h}}}`", "string"},
	{"+{[Symbol.toPrimitive](h){return h === 'number' ? 7 : 0}}", "7"},
	{"String(Symbol('s'))", "Symbol(s)"},
	{"Symbol('s') + ''", "TypeError: Cannot convert a Symbol value to a string"},
	{"typeof 1", "number"},
	{"typeof 'a'", "string"},
	{"typeof null", "object"},
	{"typeof undefined", "undefined"},
	{"typeof function(){}", "function"},
	{"typeof class{}", "function"},
	{"typeof Symbol()", "symbol"},
	{"typeof 1n", "bigint"},
	{"typeof notDefined", "undefined"},
	{"void 0", "undefined"},
	{"(1, 2, 3)", "3"},
	{"true ? 'a' : 'b'", "a"},
	{"0 || 'x'", "x"},
	{"1 && 'y'", "y"},
	{"null ?? 'd'", "d"},
	{"0 ?? 'd'", "0"},
	{"!!''", "false"},
	// BigInt.
	{"2n ** 64n", "18446744073709551616"},
	{"10n / 3n", "3"},
	{"1n + 1", "TypeError: Cannot mix BigInt and other types, use explicit conversions"},
	{"1n == 1", "true"},
	{"2n > 1", "true"},
	// Variables and scope.
	{"var a = 1; { var a = 2 } a", "2"},
	{"let a = 1; { let a = 2 } a", "1"},
	{"x; let x = 1", "ReferenceError: Cannot access 'x' before initialization"},
	{"function f(){ return y; let y = 1 } f()", "ReferenceError: Cannot access 'y' before initialization"},
	{"function f(){ g(); let z = 1; function g(){ return z } } f()", "ReferenceError: Cannot access 'z' before initialization"},
	{"const c = 1; c = 2", "TypeError: Assignment to constant variable."},
	{"function f(){ const c = 1; c++ } f()", "TypeError: Assignment to constant variable."},
	{"undefinedThing", "ReferenceError: undefinedThing is not defined"},
	{"'use strict'; undeclared = 1", "ReferenceError: undeclared is not defined"},
	{"sloppyGlobal = 5; sloppyGlobal", "5"},
	{"var v = 1; globalThis.v", "1"},
	{"let l = 1; globalThis.l", "undefined"},
	{"function hoisted(){ return 'h' } hoisted()", "h"},
	{"hoisted2(); function hoisted2(){ return 'h2' }", "h2"},
	{"var hv; typeof hv", "undefined"},
	{"typeof hoistedVar; var hoistedVar = 1", "undefined"},
	// Functions and closures.
	{"function add(a, b = 10) { return a + b } add(1)", "11"},
	{"function r(...xs) { return xs.length } r(1, 2, 3)", "3"},
	{"function a1(){ return arguments.length } a1(1, 2)", "2"},
	{"function a2(){ return arguments[1] } a2('x', 'y')", "y"},
	{"function a3(){ return (() => arguments[0])() } a3(9)", "9"},
	{"(function(a, b){}).length", "2"},
	{"(function(a, b = 1, c){}).length", "1"},
	{"(function named(){}).name", "named"},
	{"var anon = function(){}; anon.name", "anon"},
	{"let arrow = () => 1; arrow.name", "arrow"},
	{"function counter(){ let n = 0; return () => ++n } var c1 = counter(); c1(); c1()", "2"},
	{"var fs = []; for (var i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()", "3,3,3"},
	{"var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()", "0,1,2"},
	{"var fs = []; for (let i of [5, 6]) fs.push(() => i); fs.map(f => f()).join()", "5,6"},
	{"var fs = []; for (let k in {a: 1, b: 2}) fs.push(() => k); fs.map(f => f()).join()", "a,b"},
	{"function outer(){ var x = 1; function inner(){ return x + 1 } return inner() } outer()", "2"},
	{"function fact(n){ return n <= 1 ? 1 : n * fact(n - 1) } fact(10)", "3628800"},
	{"function fib(n){ return n < 2 ? n : fib(n-1) + fib(n-2) } fib(20)", "6765"},
	{"var o = {f(){ return this.v }, v: 7}; o.f()", "7"},
	{"var o = {v: 1, f(){ return () => this.v }}; o.f()()", "1"},
	{"function sloppyThis(){ return this === globalThis } sloppyThis()", "true"},
	{"function strictThis(){ 'use strict'; return this } strictThis()", "undefined"},
	{"(function(){ return typeof this }).call(5)", "object"},
	{"(function(){ 'use strict'; return typeof this }).call(5)", "number"},
	{"function f(a, b){ return a + b } f.apply(null, [1, 2])", "3"},
	{"function f(a, b){ return this.x + a + b } f.call({x: 1}, 2, 3)", "6"},
	{"function f(a, b){ return this.x + a + b } f.bind({x: 1}, 2)(3)", "6"},
	{"function P(x){ this.x = x } var B = P.bind(null, 4); new B().x", "4"},
	{"Math.max(...[1, 5, 3])", "5"},
	{"function f(a, b, c){ return a + b + c } f(...[1, 2], 3)", "6"},
	{"function f(){ return f } f()()()", "function f(){ return f }"},
	{"(function f(){ return typeof f })()", "function"},
	{"notAFunction()", "ReferenceError: notAFunction is not defined"},
	{"var nf = 1; nf()", "TypeError: nf is not a function"},
	{"var o = {}; o.missing()", "TypeError: o.missing is not a function"},
	{"new (function(){ return {r: 1} })().r", "1"},
	{"function C(){ this.a = 1 } C.prototype.get = function(){ return this.a }; new C().get()", "1"},
	{"function C(){} new C() instanceof C", "true"},
	{"function C(){} var c = new C(); Object.getPrototypeOf(c) === C.prototype", "true"},
	{"function NT(){ return new.target === NT } new NT() ? 'a' : 'b'", "a"},
	{"function NT2(){ return new.target } NT2()", "undefined"},
	// Objects.
	{"var o = {a: 1, 'b c': 2, 3: 'three'}; o.a + o['b c'] + o[3]", "3three"},
	{"var k = 'dyn'; ({[k + 1]: 5}).dyn1", "5"},
	{"var a = 1, b = 2; var o = {a, b}; o.a + o.b", "3"},
	{"({...{x: 1, y: 2}, y: 3}).y", "3"},
	{"Object.keys({b: 1, a: 2, 1: 3, 0: 4}).join()", "0,1,b,a"},
	{"var o = {get x(){ return 42 }}; o.x", "42"},
	{"var o = {_v: 0, set x(v){ this._v = v * 2 }}; o.x = 5; o._v", "10"},
	{"var o = {}; Object.defineProperty(o, 'r', {value: 1}); o.r = 2; o.r", "1"},
	{"'use strict'; var o = {}; Object.defineProperty(o, 'r', {value: 1}); o.r = 2", "TypeError: Cannot assign to read only property 'r'"},
	{"var o = Object.freeze({a: 1}); o.a = 2; o.a", "1"},
	{"var o = {a: 1}; delete o.a; 'a' in o", "false"},
	{"var o = {a: 1}; delete o.a", "true"},
	{"'use strict'; delete Object.prototype", "TypeError: Cannot delete property 'prototype' of object"},
	{"var proto = {inherited: 1}; var o = Object.create(proto); o.inherited", "1"},
	{"var o = Object.create(null); typeof o.toString", "undefined"},
	{"({}).hasOwnProperty('x')", "false"},
	{"({x: 1}).hasOwnProperty('x')", "true"},
	{"Object.prototype.toString.call([])", "[object Array]"},
	{"Object.prototype.toString.call(null)", "[object Null]"},
	{"String({})", "[object Object]"},
	{"var o = {}; o[1] = 'a'; o['1']", "a"},
	{"var o = {__proto__: {p: 3}}; o.p", "3"},
	{"Object.getOwnPropertyNames('ab').join()", "0,1,length"},
	{"JSON.stringify(Object.getOwnPropertyDescriptor({a: 1}, 'a'))", `{"value":1,"writable":true,"enumerable":true,"configurable":true}`},
	{"Object.entries({a: 1, b: 2}).join(';')", "a,1;b,2"},
	{"Object.assign({}, {a: 1}, {b: 2}).b", "2"},
	{"var o = {a: 1}; o?.a", "1"},
	{"var o = null; o?.a.b.c", "undefined"},
	{"var o = {f(){ return 1 }}; o.g?.()", "undefined"},
	{"var o = {f(){ return 1 }}; o.f?.()", "1"},
	{"null.x", "TypeError: Cannot read properties of null (reading 'x')"},
	{"undefined.x = 1", "TypeError: Cannot set properties of undefined (setting 'x')"},
	{"var a = null; a ??= 5; a", "5"},
	{"var a = 1; a ||= 5; a", "1"},
	{"var a = 1; a &&= 5; a", "5"},
	{"var o = {n: 1}; o.n += 2; o.n++; o.n", "4"},
	{"var o = {n: 1}; o.n++", "1"},
	{"var a = [1]; a[0] **= 3; a[0] += 1; a[0]", "2"},
	{"var x = '5'; x++; x", "6"},
	{"'x' in {x: 1}", "true"},
	{"1 in [5, 6]", "true"},
	{"'x' in 5", "TypeError: Cannot use 'in' operator to search for a key in a non-object"},
	// Arrays.
	{"[1, 2, 3].length", "3"},
	{"var a = [1, , 3]; 1 in a", "false"},
	{"[1, , 3].length", "3"},
	{"var a = []; a[5] = 1; a.length", "6"},
	{"var a = [1, 2, 3]; a.length = 1; a.join()", "1"},
	{"var a = [1, 2, 3]; a.length = 5; a.length + ':' + a[4]", "5:undefined"},
	{"var a = []; a.length = -1", "RangeError: Invalid array length"},
	{"Array.prototype.map.call({length: 4294967296}, x => x)", "RangeError: Invalid array length"},
	{"JSON.stringify(['', 'ab'].map(s => s.split(undefined, 0)))", "[[],[]]"},
	{"[1, 2, 3, 4, 5].copyWithin(0, 3).join()", "4,5,3,4,5"},
	{"[1, 2, 3, 4, 5].copyWithin(1, 0, 3).join()", "1,1,2,3,5"},
	{"[1, 2, 3, 4, 5].copyWithin(-2, -3, -1).join()", "1,2,3,3,4"},
	{"var h = [1, , 3].copyWithin(0, 1); (0 in h) + ',' + h[1]", "false,3"},
	{"JSON.stringify(Array.prototype.copyWithin.call({length: 3, 0: 'a', 2: 'c'}, 1, 0))", `{"0":"a","1":"a","length":3}`},
	{"Array.prototype.copyWithin.length", "2"},
	{"JSON.stringify(['', 'ab'].map(s => s.split(undefined)))", `[[""],["ab"]]`},
	{"Array.prototype.map.call({length: 100000, 99999: 7}, x => x)[99999]", "7"},
	{"var m = [1, , 3].map(x => x); (1 in m) + ',' + m.length", "false,3"},
	{"[3, 1, 2].sort().join()", "1,2,3"},
	{"[10, 9, 1].sort().join()", "1,10,9"},
	{"[10, 9, 1].sort((a, b) => a - b).join()", "1,9,10"},
	{"[1, 2, 3].reverse().join()", "3,2,1"},
	{"var a = [1, 2]; a.push(3, 4); a.pop() + a.length", "7"},
	{"var a = [1, 2, 3]; a.shift() + ':' + a.join()", "1:2,3"},
	{"var a = [2]; a.unshift(0, 1); a.join()", "0,1,2"},
	{"[1, 2, 3, 4].slice(1, -1).join()", "2,3"},
	{"var a = [1, 2, 3, 4]; var r = a.splice(1, 2, 'x'); a.join() + '|' + r.join()", "1,x,4|2,3"},
	{"[1].concat([2, 3], 4).join()", "1,2,3,4"},
	{"[1, 2, 3].indexOf(2)", "1"},
	{"[NaN].includes(NaN)", "true"},
	{"[NaN].indexOf(NaN)", "-1"},
	{"[1, 2, 3].filter(x => x % 2).join()", "1,3"},
	{"[1, 2, 3].reduce((a, b) => a + b)", "6"},
	{"[1, 2, 3].reduce((a, b) => a + b, 10)", "16"},
	{"[].reduce((a, b) => a)", "TypeError: Reduce of empty array with no initial value"},
	{"var s = 0; [1, 2, 3].forEach(x => s += x); s", "6"},
	{"[1, 2, 3].some(x => x > 2) + ',' + [1, 2, 3].every(x => x > 2)", "true,false"},
	{"[1, 2, 3].find(x => x > 1)", "2"},
	{"[1, [2, [3, [4]]]].flat(Infinity).join()", "1,2,3,4"},
	{"Array.isArray([]) + ',' + Array.isArray({})", "true,false"},
	{"Array.from('abc').join('-')", "a-b-c"},
	{"Array.from({length: 3}, (_, i) => i * 2).join()", "0,2,4"},
	{"new Array(3).length", "3"},
	{"new Array(1, 2).join()", "1,2"},
	{"Array.of(7).length", "1"},
	{"[1, 2, 3].at(-1)", "3"},
	{"String([1, [2, 3]])", "1,2,3"},
	{"[null, undefined, 1].join()", ",,1"},
	{"var a = [1]; a.push(a); String(a)", "1,"},
	{"[...'héllo'].length", "5"},
	{"[...[1, 2], ...new Set([3])].join()", "1,2,3"},
	// Strings.
	{"'abc'.length", "3"},
	{"'😀'.length", "2"},
	{"'abc'[1]", "b"},
	{"'abc'.charAt(2) + 'abc'.charCodeAt(0)", "c97"},
	{"'hello world'.indexOf('o', 5)", "7"},
	{"'hello'.slice(-3)", "llo"},
	{"'hello'.substring(3, 1)", "el"},
	{"'a,b,,c'.split(',').length", "4"},
	{"'abc'.split('').join('-')", "a-b-c"},
	{"' pad '.trim() + '|'", "pad|"},
	{"'Hello'.toUpperCase() + 'Hello'.toLowerCase()", "HELLOhello"},
	{"'aXbX'.replace('X', '-')", "a-bX"},
	{"'aXbX'.replaceAll('X', '-')", "a-b-"},
	{"'abc'.replace('b', m => m.toUpperCase())", "aBc"},
	{"'x'.repeat(3)", "xxx"},
	{"'5'.padStart(3, '0')", "005"},
	{"String.fromCharCode(72, 105)", "Hi"},
	{"'abc'.startsWith('ab') && 'abc'.endsWith('bc')", "true"},
	{"`multi\nline`.split('\\n').length", "2"},
	{"'\\u0041\\x42\\u{43}'", "ABC"},
	{"var s = ''; for (var i = 0; i < 1000; i++) s += 'ab'; s.length", "2000"},
	{"var s = ''; for (const c of 'ab😀') s += '[' + c + ']'; s", "[a][b][😀]"},
	{"'abc' < 'abd'", "true"},
	{"'a'.localeCompare('b')", "-1"},
	// Numbers.
	{"(255).toString(16)", "ff"},
	{"(255).toString(2)", "11111111"},
	{"(0.5).toString(2)", "0.1"},
	{"(-255).toString(36)", "-73"},
	{"(1.005).toFixed(2)", "1.00"},
	{"(2.5).toFixed(0)", "3"},
	{"(1234.5678).toFixed(2)", "1234.57"},
	{"(0).toFixed(2)", "0.00"},
	{"(123.456).toPrecision(4)", "123.5"},
	{"Number('12px')", "NaN"},
	{"parseInt('12px')", "12"},
	{"parseInt('0x1A')", "26"},
	{"parseInt('101', 2)", "5"},
	{"parseFloat('3.14abc')", "3.14"},
	{"parseFloat('.5e1')", "5"},
	{"isNaN('abc') + ',' + Number.isNaN('abc')", "true,false"},
	{"Number.MAX_SAFE_INTEGER", "9007199254740991"},
	{"Number.isInteger(5.0)", "true"},
	{"Math.floor(-1.5) + Math.ceil(1.2) + Math.round(2.5) + Math.round(-2.5)", "1"},
	{"Math.max() + ',' + Math.min()", "-Infinity,Infinity"},
	{"Math.abs(-3) * Math.sign(-2)", "-3"},
	{"Math.sqrt(16) + Math.pow(2, 3) + Math.hypot(3, 4)", "17"},
	{"Math.trunc(-4.7)", "-4"},
	{"var r = Math.random(); r >= 0 && r < 1", "true"},
	{"1/Math.round(-0.2)", "-Infinity"},
	// Control flow.
	{"var s = 0; for (var i = 0; i < 5; i++) { if (i == 3) continue; s += i } s", "7"},
	{"var s = 0; while (true) { if (++s > 4) break } s", "5"},
	{"var i = 0; do { i++ } while (i < 3); i", "3"},
	{"var r = ''; outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) continue outer; if (i == 2) break outer; r += i + '' + j } } r", "0010"},
	{"lbl: { break lbl; 'no' } 'yes'", "yes"},
	{"function sw(x){ switch (x) { case 1: return 'one'; case 2: case 3: return 'two-three'; default: return 'other' } } sw(1) + sw(3) + sw(9)", "onetwo-threeother"},
	{"var r = ''; switch (2) { case 1: r += 'a'; case 2: r += 'b'; case 3: r += 'c'; break; case 4: r += 'd' } r", "bc"},
	{"var r = ''; switch ('x') { default: r += 'd'; case 'y': r += 'y' } r", "dy"},
	{"var keys = []; for (var k in {a: 1, b: 2}) keys.push(k); keys.join()", "a,b"},
	{"var keys = []; var p = {inh: 1}; var o = Object.create(p); o.own = 1; for (var k in o) keys.push(k); keys.join()", "own,inh"},
	{"var keys = []; for (var k in [7, 8]) keys.push(typeof k); keys.join()", "string,string"},
	{"var s = 0; for (var x of [1, 2, 3]) s += x; s", "6"},
	{"var s = ''; for (var [k, v] of Object.entries({a: 1})) s += k + v; s", "a1"},
	{"var s = 0; for (const x of new Set([1, 2, 2, 3])) s += x; s", "6"},
	{"var s = ''; for (const [k, v] of new Map([['a', 1]])) s += k + v; s", "a1"},
	// Exceptions.
	{"try { throw 1 } catch (e) { e + 1 }", "2"},
	{"try { throw new Error('boom') } catch ({message}) { message }", "boom"},
	{"try { null.f() } catch (e) { e.constructor === TypeError }", "true"},
	{"var log = ''; try { log += 't' } finally { log += 'f' } log", "tf"},
	{"var log = ''; try { try { throw 'x' } finally { log += 'f' } } catch (e) { log += e } log", "fx"},
	{"function f(){ try { return 'try' } finally { log = 'fin' } } var log; f() + log", "tryfin"},
	{"function f(){ try { return 'try' } finally { return 'fin' } } f()", "fin"},
	{"function f(){ for (var i = 0; i < 3; i++) { try { if (i == 1) break } finally { cnt++ } } return cnt } var cnt = 0; f()", "2"},
	{"function f(){ for (var i = 0; i < 3; i++) { try { continue } finally { cnt++ } } return cnt } var cnt = 0; f()", "3"},
	{"var r = []; try { try { throw 1 } catch (e) { throw e + 1 } finally { r.push('f') } } catch (e) { r.push(e) } r.join()", "f,2"},
	{"try { undefinedFn() } catch (e) { e.name + ': ' + e.message }", "ReferenceError: undefinedFn is not defined"},
	{"throw new RangeError('r')", "RangeError: r"},
	{"throw 'str'", "throw str"},
	{"new Error('m', {cause: 1}).cause", "1"},
	{"String(new TypeError('t'))", "TypeError: t"},
	{"new Error('x').stack.split('\\n')[0]", "Error: x"},
	{"function thrower(){ throw new Error('deep') } try { thrower() } catch (e) { e.stack.includes('at thrower (test.js:1:') }", "true"},
	{"class MyErr extends Error { constructor(m){ super(m); this.name = 'MyErr' } } try { throw new MyErr('custom') } catch (e) { e instanceof Error && e.message }", "custom"},
	{"var it = { [Symbol.iterator](){ return { i: 0, next(){ return {done: this.i > 2, value: this.i++} }, return(){ closed = true; return {} } } } }; var closed = false; for (var x of it) { if (x == 1) break } closed", "true"},
	{"var closed = false; var it = { [Symbol.iterator](){ return { next(){ return {done: false, value: 1} }, return(){ closed = true; return {} } } } }; try { for (var x of it) throw 'e' } catch (e) {} closed", "true"},
	{"function f(){ var closed = false; var it = { [Symbol.iterator](){ return { next(){ return {done: false, value: 1} }, return(){ closed = true; return {} } } } }; for (var x of it) return closed; } f()", "false"},
	// Destructuring.
	{"var [a, b = 2, ...rest] = [1, undefined, 3, 4]; a + b + rest.length", "5"},
	{"var {a, b: {c}, ...r} = {a: 1, b: {c: 2}, d: 3, e: 4}; a + c + Object.keys(r).join()", "3d,e"},
	{"var a, b; [a, b] = [1, 2]; [a, b] = [b, a]; a + '' + b", "21"},
	{"var o = {}; ({x: o.p, y: o['q'] = 5} = {x: 1}); o.p + o.q", "6"},
	{"function f({a, b} = {a: 1, b: 2}, [c] = [3]){ return a + b + c } f()", "6"},
	{"var {length} = 'abc'; length", "3"},
	{"var {x} = null", "TypeError: Cannot destructure 'undefined' or 'null'."},
	{"var [x] = {}", "TypeError: #<Object> is not iterable"},
	{"var [a, [b, c]] = [1, [2, 3]]; a + b + c", "6"},
	{"var {a = 5} = {a: null}; a", "null"},
	// Template literals.
	{"var n = 3; `n=${n}, sq=${n * n}`", "n=3, sq=9"},
	{"function tag(s, ...v){ return s.raw.join('|') + v.join() } tag`a${1}b\\n${2}`", "a|b\\n|1,2"},
	{"function tag(s){ return s } tag`x` === tag`x`", "false"},
	{"function t(s){ return s } var f = () => t`x`; f() === f()", "true"},
	// Classes.
	{"class A { m(){ return 'a' } } new A().m()", "a"},
	{"class A { static s(){ return 's' } } A.s()", "s"},
	{"class A { constructor(){ this.v = 1 } } class B extends A { constructor(){ super(); this.v += 1 } } new B().v", "2"},
	{"class A { m(){ return 'A' } } class B extends A { m(){ return super.m() + 'B' } } new B().m()", "AB"},
	{"class A { static m(){ return 'sA' } } class B extends A { static m(){ return super.m() + 'sB' } } B.m()", "sAsB"},
	{"class A {} class B extends A {} new B() instanceof A", "true"},
	{"class A { x = 1; y = this.x + 1 } new A().y", "2"},
	{"class A { static z = 5 } A.z", "5"},
	{"class A { static #p = 1; static p(){ return A.#p } } A.p()", "1"},
	{"class A { #x = 1; #inc(){ return ++this.#x } get #d(){ return this.#x * 2 } run(){ this.#inc(); return this.#d } } new A().run()", "4"},
	{"class A { #x; static has(o){ return #x in o } } A.has(new A()) + ',' + A.has({})", "true,false"},
	{"class A { #x = 1; static get(o){ return o.#x } } A.get({})", "TypeError: Cannot read private member #x from an object whose class did not declare it"},
	{"class A { #x = 1 } Object.getOwnPropertySymbols(new A()).length", "0"},
	// A parenthesized target is no IdentifierRef: no NamedEvaluation.
	{"var f, g, h; (f) = function(){}; ((g)) = () => 1; h = (function(){}); JSON.stringify([f.name, g.name, h.name])", `["","","h"]`},
	// A class nested in a private method once clobbered the outer class's
	// private-method slots, installing the private name as the method.
	{"class C { #m(a = class {}) { class D {} return a.name } get m(){ return this.#m } } new C().m()", "a"},
	{"class A { #a(){ class B { #b(){ return 'b' } get b(){ return this.#b() } } return new B().b + 'a' } #c(){ return 'c' } f = class { #d(){ return 'd' } get d(){ return this.#d() } }; get x(){ return this.#a() + this.#c() + new this.f().d } } new A().x", "bacd"},
	{"class A { m(){ return this.#nope } }", "SyntaxError"},
	{"class A { constructor(){ this.a = 1 } } class B extends A { b = this.a + 1 } new B().b", "2"},
	{"class A {} A()", "TypeError: Class constructor A cannot be invoked without 'new'"},
	{"class B extends Object { constructor(){ this.x = 1 } } new B()", "ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor"},
	{"class A { get g(){ return 'g' } set g(v){ this._g = v } } var a = new A(); a.g = 1; a.g + a._g", "g1"},
	{"class A { ['comp' + 1](){ return 'c' } } new A().comp1()", "c"},
	{"class A {} class B extends A { constructor(){ super(); return undefined } } typeof new B()", "object"},
	{"var C = class Named { who(){ return Named.name } }; new C().who()", "Named"},
	{"class A { static { this.init = 'done' } } A.init", "done"},
	{"class A { m(){} } Object.keys(A.prototype).length", "0"},
	{"class P { constructor(x){ this.x = x } } class Q extends P {} new Q(7).x", "7"},
	{"class A { static create(){ return new this() } } class B extends A {} B.create() instanceof B", "true"},
	{"class A { toString(){ return 'A!' } } `${new A()}`", "A!"},
	{"class A extends null {} Object.getPrototypeOf(A.prototype)", "null"},
	// Generators.
	{"function* g(){ yield 1; yield 2; return 3 } var it = g(); [it.next().value, it.next().value, it.next().value, it.next().done].join()", "1,2,3,true"},
	{"function* g(){ var x = yield 1; yield x * 2 } var it = g(); it.next(); it.next(21).value", "42"},
	{"function* g(){ try { yield 1 } finally { yield 'cleanup' } } var it = g(); it.next(); it.return(5).value", "cleanup"},
	{"function* g(){ try { yield 1 } catch (e) { yield 'caught ' + e } } var it = g(); it.next(); it.throw('E').value", "caught E"},
	{"function* g(){ yield* [1, 2]; yield 3 } [...g()].join()", "1,2,3"},
	{"function* nat(){ let i = 0; while (true) yield i++ } var s = 0; for (var n of nat()) { if (n > 4) break; s += n } s", "10"},
	{"var o = { *gen(){ yield 'm' } }; o.gen().next().value", "m"},
	{"function* g(){} Object.getPrototypeOf(g()) === g.prototype", "true"},
	{"function* g(){ yield 1 } var it = g(); it[Symbol.iterator]() === it", "true"},
	// Promises and async.
	{"var r; Promise.resolve(1).then(v => r = v + 1); r", "undefined"},
	{"var log = []; Promise.resolve().then(() => log.push(2)); log.push(1); log.join()", "1"},
	{"async function f(){ return 1 } f() instanceof Promise", "true"},
	// Symbols and iteration.
	{"var s = Symbol('d'); var o = {[s]: 1}; o[s]", "1"},
	{"Symbol.for('k') === Symbol.for('k')", "true"},
	{"Symbol('x').description", "x"},
	{"Object.getOwnPropertySymbols({[Symbol.iterator]: 1}).length", "1"},
	// JSON.
	{"JSON.stringify({a: [1, 'two', null, true], b: {c: undefined}})", `{"a":[1,"two",null,true],"b":{}}`},
	{"JSON.stringify('he said \"hi\"\\n')", `"he said \"hi\"\n"`},
	{"JSON.stringify([undefined, function(){}])", "[null,null]"},
	{"JSON.stringify({a: 1, b: [1, 2]}, null, 2)", "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}"},
	{"JSON.stringify({d: new Date(0)})", `{"d":"1970-01-01T00:00:00.000Z"}`},
	{"JSON.parse('{\"a\":[1,2,{\"b\":\"c\"}]}').a[2].b", "c"},
	{"JSON.parse('[1, 2.5e1, -0.5, \"\\\\u0041\"]').join()", "1,25,-0.5,A"},
	{"JSON.parse('{bad}')", "SyntaxError: Unexpected token b in JSON at position 1"},
	{"JSON.parse('[1,2]', (k, v) => typeof v === 'number' ? v * 10 : v).join()", "10,20"},
	{"var o = {}; o.self = o; JSON.stringify(o)", "TypeError: Converting circular structure to JSON"},
	// Maps and sets.
	{"var m = new Map(); m.set('a', 1).set(NaN, 2); m.get('a') + m.get(NaN) + m.size", "5"},
	{"var s = new Set([1, 2, 1]); s.has(2) + ':' + s.size", "true:2"},
	// Getters, setters and prototype chains.
	{"var base = {get v(){ return this.x * 2 }}; var d = Object.create(base); d.x = 5; d.v", "10"},
	{"var base = {set v(x){ this.stored = x }}; var d = Object.create(base); d.v = 3; d.hasOwnProperty('stored') && !d.hasOwnProperty('v')", "true"},
	{"var p = Object.defineProperty({}, 'ro', {value: 1, writable: false}); var c = Object.create(p); c.ro = 2; c.ro", "1"},
	{"Object.defineProperty([], 'length', {value: -1})", "RangeError: Invalid array length"},
	{"var o = {}; Object.defineProperty(o, 'x', {get(){ return 1 }, configurable: false}); Object.defineProperty(o, 'x', {value: 2})", "TypeError: Cannot redefine property: x"},
	{"Object.setPrototypeOf({}, null) instanceof Object", "false"},
	{"var a = {}; var b = Object.create(a); Object.setPrototypeOf(a, b)", "TypeError: Cyclic __proto__ value"},
	// Deep recursion.
	{"function deep(){ return deep() } deep()", "RangeError: Maximum call stack size exceeded"},
	{"function deep(n){ return n == 0 ? 0 : 1 + deep(n - 1) } deep(5000)", "5000"},
	{"function viaHost(){ [1].forEach(viaHost) } viaHost()", "RangeError: Maximum call stack size exceeded"},
	{"var o = {get r(){ return this.r }}; o.r", "RangeError: Maximum call stack size exceeded"},
	{"function deep(){ try { return deep() } catch (e) { return e.name } } deep()", "RangeError"},
	// Early errors.
	{"let dup = 1; let dup = 2", "SyntaxError"},
	{"'use strict'; delete x", "SyntaxError: Delete of an unqualified identifier in strict mode. (test.js:1:22)"},
	{"'use strict'; var eval = 1", "SyntaxError: Unexpected eval or arguments in strict mode (test.js:1:19)"},
	{"'use strict'; 017", "SyntaxError"},
	{"'use strict'; '\\07'", "SyntaxError: Octal escape sequences are not allowed in strict mode. (test.js:1:15)"},
	{"'\\101'", "A"},
	{"foo: for(;;) { break bar }", "SyntaxError: Undefined label 'bar' (test.js:1:22)"},
	{"new.target", "SyntaxError"},
	{"return 1", "SyntaxError"},
	{"'use strict'; function f(a, a){}", "SyntaxError"},
	{"1 +", "SyntaxError"},
	{"continue", "SyntaxError"},
	// Completion values.
	{"if (true) { 'then' } else { 'else' }", "then"},
	{"var x = 1", "undefined"},
	// eval and Function.
	{"eval('1 + 2')", "3"},
	{"eval('var evalVar = 5'); evalVar", "5"},
	{"eval(42)", "42"},
	{"eval('(')", "SyntaxError"},
	{"new Function('a', 'b', 'return a * b')(6, 7)", "42"},
	{"Function('return this')() === globalThis", "true"},
	// More control flow.
	{"var r = []; outer: for (var x of [1, 2]) { for (var y of [1, 2]) { if (y == 2) continue outer; r.push(x + '' + y) } } r.join()", "11,21"},
	{"function* inner(){ yield 1; return 'ret' } function* outer(){ var r = yield* inner(); yield r } [...outer()].join()", "1,ret"},
	{"function* g(){ try { yield* [1, 2] } finally { fin = true } } var fin = false; var it = g(); it.next(); it.return(); fin", "true"},
	{"function* inner(){ try { yield 1 } catch (e) { yield 'in ' + e } } function* outer(){ yield* inner() } var it = outer(); it.next(); it.throw('x').value", "in x"},
	{"var fns = []; for (var i = 0; i < 2; i++) { try { throw i } catch (e) { fns.push(() => e) } } fns.map(f => f()).join()", "0,1"},
	{"var log = []; for (var j = 0; j < 2; j++) { try { try { if (j == 0) continue; break } finally { log.push('in' + j) } } finally { log.push('out' + j) } } log.join()", "in0,out0,in1,out1"},
	// Exceptions thrown below a call that ends a try block are caught.
	{"function f(g) { try { g(); } catch (e) { return 'caught ' + e; } } f(function () { throw 1; })", "caught 1"},
	{"function f(g) { try { g(); } catch (e) { return e.name; } } f(() => null.x)", "TypeError"},
	{"function f() { try { [].x.y; } catch (e) { return e.name; } } f()", "TypeError"},
	// Huge lengths: no allocation proportional to a length scripts choose,
	// a RangeError where arrays or strings would be too long.
	{"new Array(4294967295).length", "4294967295"},
	{"new Array(4294967296)", "RangeError: Invalid array length"},
	{"var a = []; a[4294967294] = 1; a.length + ' ' + a[4294967294]", "4294967295 1"},
	{"var x = [], k = 1; for (var i = 0; i < 32; i++) { k *= 2; x[k - 2] = k; } x.length + ' ' + x[2147483646]", "4294967295 2147483648"},
	{"var a = []; for (var i = 0; i < 100000; i++) a[i * 4096] = i; a.length = 1; a.length + ' ' + a[0] + ' ' + a[4096]", "1 0 undefined"},
	{"var a = []; a.length = 4294967295; a.push(1)", "RangeError: Invalid array length"},
	{"Array.prototype.push.call({length: 2 ** 53 - 1}, 1)", "TypeError: Pushing 1 elements on an array-like of length 9007199254740991 is disallowed, as the total surpasses 2**53-1"},
	{"try { Array.prototype.unshift.call({length: 2 ** 53 - 1}, 1) } catch (e) { e.name }", "TypeError"},
	{"try { Array.prototype.splice.call({length: 2 ** 53 - 1}, 0, 0, 1) } catch (e) { e.name }", "TypeError"},
	{"Array.prototype.slice.call({length: 2 ** 32})", "RangeError: Invalid array length"},
	{"Array.prototype.splice.call({length: 2 ** 32}, 0).length", "RangeError: Invalid array length"},
	{"var o = {length: 2 ** 53 - 1}; o[Symbol.isConcatSpreadable] = true; try { [1].concat(o) } catch (e) { e.name }", "TypeError"},
	{"Array.from({length: 2 ** 32})", "RangeError: Invalid array length"},
	{"Array.from({length: 3, 1: 'b'}, (v, i) => i + (v || '')).join()", "0,1b,2"},
	{"Array.prototype.map.call({length: 4294967296, 0: 1}, x => x)", "RangeError: Invalid array length"},
	{"new Array(4294967295).join()", "RangeError: Invalid string length"},
	{"Math.max.apply(null, new Array(4294967295))", "RangeError: Too many arguments in function call"},
	{"'a'.repeat(2 ** 30)", "RangeError: Invalid string length"},
	{"'a'.repeat(-1)", "RangeError: Invalid count value: -1"},
	{"'ab'.repeat(3) + '\u1234'.repeat(2).length", "ababab2"},
	{"'x'.padStart(2 ** 30)", "RangeError: Invalid string length"},
	{"'x'.padEnd(6, 'ab') + 'x'.padStart(4, '\u1234').length", "xababa4"},
	{"var s = 'ab'; for (;;) s += s", "RangeError: Invalid string length"},
	{"var s = 'ab'; for (;;) s = s.concat(s)", "RangeError: Invalid string length"},
	{"JSON.stringify(new Array(2 ** 29))", "RangeError: Invalid string length"},
	{"JSON.stringify(new Array(3)) + JSON.stringify([1, [2, {a: 'x'.repeat(3)}]])", "[null,null,null][1,[2,{\"a\":\"xxx\"}]]"},
	// Promise combinators look up C.resolve first and stop iterating at
	// the first abrupt completion, closing the iterator.
	{"var closed = 0, it = {[Symbol.iterator]() { return {next() { return {done: false} }, return() { closed++; return {} }} }}; Promise.resolve = function () { throw 'no' }; Promise.race(it); closed", "1"},
	// Date.
	{"new Date(0).getTime()", "0"},
	{"typeof Date.now()", "number"},
	{"new Date(Date.UTC(2020, 1, 29)).getUTCDate()", "29"},
	// Annex B.3.4: a function declaration as an if or else body in sloppy
	// code is declared as if it were in a block.
	{"if (true) function f() { return 1 } f()", "1"},
	{"if (false) ; else function g() { return 2 } g()", "2"},
	{"if (false) function f() { return 1 } else function g() { return 2 } typeof f + ' ' + g()", "undefined 2"},
	{"(function() { if (true) function h() { return 3 } return h() })()", "3"},
	{"if (1)\nfunction k() { return `${ {a: 4}.a }` }\nelse function m() { return /}/ } k()", "4"},
	{"'use strict'; if (true) function f() {}", "SyntaxError"},
	// Annex B.3.5: var e = x in catch (e) assigns the catch parameter.
	{"var r = []; foo = 'prior'; try { throw 1 } catch (foo) { var foo = 'init'; r.push(foo) } r.push(foo); r.join()", "init,prior"},
	{"'use strict'; var r = []; try { throw 1 } catch (e) { var e = 2; r.push(e, (function(){ var e = 3; return e })()) } r.push(e); r.join()", "2,3,"},
	{"(function() { try { throw 1 } catch (e) { { var e = 5 } } return e })()", "undefined"},
	// Eval code's global vars and functions are configurable; a script's are not.
	{"(0, eval)('var ev; function ef() {}'); [delete globalThis.ev, delete globalThis.ef, typeof ev, typeof ef].join()", "true,true,undefined,undefined"},
	{"var sv; function sf() {} [delete globalThis.sv, delete globalThis.sf].join()", "false,false"},
}

func TestScripts(t *testing.T) {
	for _, tt := range scriptTests {
		got := run(t, tt.src)
		if strings.HasSuffix(tt.want, "SyntaxError") {
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

func TestAsyncJobs(t *testing.T) {
	rt := New()
	var out []string
	rt.Set("log", rt.NewFunction("log", 1, func(c *Call) (Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		out = append(out, s)
		return Undefined(), err
	}))
	_, err := rt.RunScript("async.js", `
		async function a(x) { log('a' + x); const v = await x; log('got ' + v); return v * 2 }
		a(1).then(v => log('then ' + v));
		Promise.reject(new Error('no')).catch(e => log('caught ' + e.message));
		new Promise(r => r(5)).finally(() => log('finally')).then(v => log('after ' + v));
		Promise.all([1, Promise.resolve(2)]).then(v => log('all ' + v));
		(async () => { try { await Promise.reject('E') } catch (e) { log('async caught ' + e) } })();
		log('sync');
	`)
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.RunJobs(); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out, "; ")
	want := "a1; sync; got 1; caught no; finally; async caught E; then 2; all 1,2; after 5" // as Node prints it
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestInterrupt(t *testing.T) {
	rt := New()
	go func() {
		time.Sleep(50 * time.Millisecond)
		rt.Interrupt()
	}()
	_, err := rt.RunScript("loop.js", "try { for (;;) {} } catch (e) { 'caught' }")
	var intr *Interrupted
	if !errors.As(err, &intr) {
		t.Fatalf("got %v, want *Interrupted", err)
	}
	v, err := rt.RunScript("after.js", "1 + 1")
	if err != nil || v.Export() != 2.0 {
		t.Fatalf("runtime unusable after interrupt: %v %v", v.Export(), err)
	}
	// Interrupting a loop that calls functions.
	go func() {
		time.Sleep(20 * time.Millisecond)
		rt.Interrupt()
	}()
	_, err = rt.RunScript("calls.js", "function f(){ return 1 } while (true) f()")
	if !errors.As(err, &intr) {
		t.Fatalf("got %v, want *Interrupted", err)
	}
}

func TestHostFunctions(t *testing.T) {
	rt := New()
	rt.Set("twice", rt.NewFunction("twice", 1, func(c *Call) (Value, error) {
		f, _ := c.Arg(0).ToFloat()
		return Number(2 * f), nil
	}))
	rt.Set("fail", rt.NewFunction("fail", 0, func(c *Call) (Value, error) {
		return Undefined(), fmt.Errorf("go failure")
	}))
	rt.Set("throwType", rt.NewFunction("throwType", 0, func(c *Call) (Value, error) {
		return Undefined(), c.Runtime.Throw(c.Runtime.NewError("TypeError", "bad type"))
	}))
	for src, want := range map[string]string{
		"twice(21)":                                "42",
		"try { fail() } catch (e) { e.message }":   "go failure",
		"try { throwType() } catch (e) { e.name }": "TypeError",
		"[1, 2].map(twice).join()":                 "2,4",
		"typeof twice + twice.name + twice.length": "functiontwice1",
	} {
		v, err := rt.RunScript("host.js", src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if s, _ := rt.ToString(v); s != want {
			t.Errorf("%s = %q, want %q", src, s, want)
		}
	}
	o := rt.NewObject()
	if err := rt.SetProperty(o, "k", String("v")); err != nil {
		t.Fatal(err)
	}
	rt.Set("obj", o)
	if v, _ := rt.RunScript("o.js", "obj.k"); v.Export() != "v" {
		t.Errorf("obj.k = %v", v.Export())
	}
	if v, _ := rt.Get("obj"); !v.IsObject() {
		t.Errorf("Get(obj) is not an object")
	}
}

func TestExceptionFormat(t *testing.T) {
	rt := New()
	_, err := rt.RunScript("fmt.js", "function f() {\n  null.x;\n}\nf();")
	var ex *Exception
	if !errors.As(err, &ex) {
		t.Fatalf("got %v", err)
	}
	if ex.Name() != "TypeError" {
		t.Errorf("Name() = %q", ex.Name())
	}
	want := "TypeError: Cannot read properties of null (reading 'x')\n    at f (fmt.js:2:8)\n    at fmt.js:4:1"
	if ex.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", ex.Error(), want)
	}
	_, err = rt.RunScript("syntax.js", "var = 1")
	if !errors.As(err, &ex) || ex.Name() != "SyntaxError" || !strings.Contains(ex.Message(), "syntax.js:1:") {
		t.Errorf("syntax error: %v", err)
	}
}

func TestRealms(t *testing.T) {
	rt := New()
	other := rt.NewRealm()
	if _, err := other.RunScript("o.js", "var fromOther = [1, 2]"); err != nil {
		t.Fatal(err)
	}
	arr, _ := other.Get("fromOther")
	rt.Set("foreign", arr)
	v, err := rt.RunScript("r.js", "(foreign instanceof Array) + ',' + Array.isArray(foreign) + ',' + typeof fromOther")
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := rt.ToString(v); s != "false,true,undefined" {
		t.Errorf("got %s", s)
	}
}

func TestGlobalLexicalsAcrossScripts(t *testing.T) {
	rt := New()
	if _, err := rt.RunScript("a.js", "let shared = 1; const k = 2; function get(){ return shared + k }"); err != nil {
		t.Fatal(err)
	}
	v, err := rt.RunScript("b.js", "shared = 10; get()")
	if err != nil || v.Export() != 12.0 {
		t.Fatalf("got %v %v", v.Export(), err)
	}
	if _, err := rt.RunScript("c.js", "let shared = 3"); err == nil {
		t.Errorf("redeclaring a script-level let should throw")
	}
}

func TestAsyncGenerators(t *testing.T) {
	rt := New()
	var out []string
	rt.Set("log", rt.NewFunction("log", 1, func(c *Call) (Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		out = append(out, s)
		return Undefined(), err
	}))
	_, err := rt.RunScript("ag.js", `
		async function* gen() { yield 1; const x = await Promise.resolve(2); yield x; yield Promise.resolve(3); return 'end' }
		(async () => {
			const vals = [];
			for await (const v of gen()) vals.push(v);
			log(vals.join());
			const it = gen();
			const a = await it.next(), b = await it.return('r'), c = await it.next();
			log([a.value, a.done, b.value, b.done, c.value, c.done].join());
			const fromSync = [];
			for await (const v of [Promise.resolve('a'), 'b']) fromSync.push(v);
			log(fromSync.join());
			async function* thrower() { yield 1; throw new Error('boom') }
			try { for await (const v of thrower()) {} } catch (e) { log('caught ' + e.message) }
			const g = gen();
			log((await Promise.all([g.next(), g.next(), g.next()])).map(r => r.value).join());
		})();
	`)
	if err == nil {
		err = rt.RunJobs()
	}
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out, "; ")
	want := "1,2,3; 1,false,r,true,,true; a,b; caught boom; 1,2,3"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// runAsync runs src and its jobs, then returns the string value of the
// global out.
func runAsync(t *testing.T, src string) string {
	t.Helper()
	rt := New()
	if _, err := rt.RunScript("test.js", "var out = '';\n"+src); err != nil {
		return "error " + err.Error()
	}
	if err := rt.RunJobs(); err != nil {
		return "error " + err.Error()
	}
	return run2(t, rt, "out")
}

func run2(t *testing.T, rt *Runtime, src string) string {
	t.Helper()
	v, err := rt.RunScript("out.js", src)
	if err != nil {
		return "error " + err.Error()
	}
	s, err := rt.ToString(v)
	if err != nil {
		return "error " + err.Error()
	}
	return s
}

func TestAsyncYieldStar(t *testing.T) {
	const drain = `
		async function drain(g, sends) {
			const r = [];
			for (const s of sends) {
				try { const x = await s(g); r.push(x.value + (x.done ? '!' : '')) } catch (e) { r.push('E:' + e) }
			}
			out = r.join();
		}
		const N = v => g => g.next(v), R = v => g => g.return(v), T = v => g => g.throw(v);
	`
	for _, tt := range []struct{ name, src, want string }{
		{"async inner", `async function* i() { const x = yield 1; yield x; return 'r' }
			async function* o() { const v = yield* i(); yield v }
			drain(o(), [N(), N('a'), N(), N()])`, "1,a,r,undefined!"},
		{"sync inner awaits values", `async function* o() { return yield* [1, Promise.resolve(2)] }
			drain(o(), [N(), N(), N()])`, "1,2,undefined!"},
		{"throw forwarded", `async function* i() { try { yield 1 } catch (e) { yield 'c' + e } }
			async function* o() { yield* i() }
			drain(o(), [N(), T('x'), N()])`, "1,cx,undefined!"},
		{"throw without throw method closes", `let closed = false;
			const it = { [Symbol.asyncIterator]() { return this }, next() { return { value: 1, done: false } }, return() { closed = true; return {} } };
			async function* o() { yield* it }
			drain(o(), [N(), T('x'), g => Promise.resolve({ value: closed })])`, "1,E:TypeError: The iterator does not provide a 'throw' method,true"},
		{"return forwarded", `async function* i() { try { yield 1 } finally { out += 'f' } }
			async function* o() { yield* i(); yield 'no' }
			drain(o(), [N(), R(5), N()])`, "1,5!,undefined!"},
		{"return value awaited", `async function* o() { yield* { [Symbol.asyncIterator]() { return this }, next() { return { value: 1, done: false } } } }
			drain(o(), [N(), R(Promise.resolve(7))])`, "1,7!"},
		{"non-object result", `async function* o() { yield* { [Symbol.asyncIterator]() { return this }, next() { return 3 } } }
			drain(o(), [N()])`, "E:TypeError: Iterator result 3 is not an object"},
	} {
		if got := runAsync(t, drain+tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Generators bind their parameters when called: errors there are the
// call's, before any next.
func TestGeneratorParameterErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"function* g(a = (() => { throw 'p' })()) {} try { g(); 'none' } catch (e) { e }", "p"},
		{"function* g(a = b, b) {} try { g(); 'none' } catch (e) { e.name }", "ReferenceError"},
		{"function* g([a]) {} try { g(null); 'none' } catch (e) { e.name }", "TypeError"},
		{"async function* g(a = (() => { throw 'p' })()) {} try { g(); 'none' } catch (e) { e }", "p"},
		{"let n = 0; function* g(a = n++) { yield a } const it = g(); [n, it.next().value, n].join()", "1,0,1"},
		{"function* g(a, b = a * 2) { yield b } const it = g(3); it.return(1).value + ',' + it.next().done", "1,true"},
	} {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

// Identifiers written with escapes name what they spell.
func TestEscapedIdentifiers(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`var o = { bre\u0061k: 1, \u{62}: 2 }; o['break'] + o.b`, "3"},
		{`var o = { def\u0061ult() { return 4 } }; o.default()`, "4"},
		{`({ c\u0061se: x } = { case: 5 }); x`, "5"},
		{`class C { st\u0061tic() { return 6 } } new C().static()`, "6"},
		{`v\u0061lue = 7; value`, "7"},
	} {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestWith(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"var o = { x: 1 }, x = 10, y = 20; with (o) { x = 2; y = 3 } [o.x, x, y].join()", "2,10,3"},
		{"var o = { f() { return this === o } }; with (o) f()", "true"},
		{"var o = { x: 'o' }; function g() { var x = 'l'; with (o) return (() => x)() } g()", "o"},
		{"var o = {}; with (o) { var v = 1 } [v, 'v' in o].join()", "1,false"},
		{"var o = { v: 0 }; with (o) { var v = 1 } [typeof v, o.v].join()", "undefined,1"},
		{"var o = { x: 1 }; with (o) { let x = 2; x++ } o.x", "1"},
		{"var o = { x: 1, [Symbol.unscopables]: { x: true } }, x = 'outer'; with (o) x", "outer"},
		{"var o = { x: 1 }; with (o) delete x; 'x' in o", "false"},
		{"var o = { x: 1 }; with (o) typeof y", "undefined"},
		{"try { with (null) {} } catch (e) { e.name }", "TypeError"},
		{"var s = { get x() { delete this.x; return 2 } }; with (s) { x *= 3 } s.x", "6"},
		{"var s = { x: 1 }, x = 'outer'; with (s) { x = (delete s.x, 2) } [s.x, x].join()", "2,outer"},
		{"var o = { n: 1 }; function f() { var n = 5; with (o) { n++; n += 10 } return n } [f(), o.n].join()", "5,12"},
		{"var s = { get x() { delete this.x; return 2 } }; with (s) (function () { 'use strict'; try { x ^= 3 } catch (e) { return e.name } })()", "ReferenceError"},
		{"'use strict'; with ({}) {}", "SyntaxError: Strict mode code may not include a with statement (test.js:1:1)"},
	} {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestDirectEval(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"function f(a) { var x = 1; let y = 2; { let z = 3; return eval('a + x + y + z') } } f(4)", "10"},
		{"function f() { var x = 1; eval('x = 5'); return x } f()", "5"},
		{"var o = { f() { return eval('this') === o } }; o.f()", "true"},
		{"function f() { return eval('arguments.length') } f(1, 2)", "2"},
		{"var x = 'global'; function f() { eval('var x = \"local\"'); return x } [f(), x].join()", "local,global"},
		{"function f() { eval('function g() { return 7 }'); return g() } f()", "7"},
		{"function f() { 'use strict'; eval('var q = 1'); return typeof q } f()", "undefined"},
		{"function f() { let x; try { eval('var x') } catch (e) { return e.name } } f()", "SyntaxError"},
		{"function f() { var x = 'local'; var e = eval; return e('typeof x') } f()", "undefined"},
		{"function f() { var v = 1; return eval('eval(\"v + 1\")') } f()", "2"},
		{"function f() { const c = 1; try { eval('c = 2') } catch (e) { return e.name } } f()", "TypeError"},
		{"var f = function B() { eval('B = 2'); return typeof B }; f()", "function"},
		{"eval('let e1 = 1'); typeof e1", "undefined"},
		{"function f() { var eval = x => 'shadowed'; return eval('1') } f()", "shadowed"},
	} {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestEvalInParameters(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"function f(p = eval('var arguments')) {} try { f(); 'none' } catch (e) { e.name }", "SyntaxError"},
		{"var g = (p = eval('var arguments'), arguments) => {}; try { g(); 'none' } catch (e) { e.name }", "SyntaxError"},
		{"function f(p = eval('var q = 1')) { return q } f()", "1"},
	} {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

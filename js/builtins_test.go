package js

import (
	"strings"
	"testing"
)

// builtinTests cover the standard library's exotic objects and newer
// built-ins: each script's completion value, or its exception.
var builtinTests = []struct{ name, src, want string }{
	// Proxy traps and their invariants.
	{"get trap", `new Proxy({}, {get: (t, k, r) => k + "!"}).foo`, "foo!"},
	{"get forwards", `new Proxy({a: 1}, {}).a`, "1"},
	{"get invariant", `var t = {}; Object.defineProperty(t, "x", {value: 1});
		new Proxy(t, {get: () => 2}).x`, "TypeError: 'get' on proxy: property 'x' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value"},
	{"set trap", `var log = []; var p = new Proxy({}, {set(t, k, v) { log.push(k, v); return true }}); p.a = 1; log.join()`, "a,1"},
	{"set falsish strict", `"use strict"; var p = new Proxy({}, {set: () => false}); try { p.a = 1 } catch (e) { e.constructor.name }`, "TypeError"},
	{"set falsish sloppy", `var p = new Proxy({}, {set: () => false}); p.a = 1; "ok"`, "ok"},
	{"has trap and in", `"x" in new Proxy({}, {has: () => true})`, "true"},
	{"has invariant", `var t = {}; Object.preventExtensions(t); Object.defineProperty; "x" in new Proxy(Object.freeze({x: 1}), {has: () => false})`,
		"TypeError: 'has' on proxy: trap returned falsish for property 'x' which exists in the proxy target as non-configurable"},
	{"deleteProperty", `var p = new Proxy({a: 1}, {deleteProperty: (t, k) => delete t[k]}); delete p.a`, "true"},
	{"ownKeys and Object.keys", `var p = new Proxy({a: 1, b: 2}, {ownKeys: () => ["b", "a", "c"]}); Object.keys(p).join()`, "b,a"},
	{"ownKeys duplicates", `Reflect.ownKeys(new Proxy({}, {ownKeys: () => ["a", "a"]}))`, "TypeError: 'ownKeys' on proxy: trap returned duplicate entries"},
	{"ownKeys non-extensible", `Reflect.ownKeys(new Proxy(Object.preventExtensions({a: 1}), {ownKeys: () => []}))`, "TypeError: 'ownKeys' on proxy: trap result did not include 'a'"},
	{"getOwnPropertyDescriptor", `Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor: () => ({value: 3, configurable: true})}), "z").value`, "3"},
	{"defineProperty trap", `var seen; var p = new Proxy({}, {defineProperty(t, k, d) { seen = Object.keys(d).join(); return Reflect.defineProperty(t, k, d) }});
		Object.defineProperty(p, "q", {value: 1}); seen`, "value"},
	{"getPrototypeOf and instanceof", `var p = new Proxy({}, {getPrototypeOf: () => Array.prototype}); p instanceof Array`, "true"},
	{"setPrototypeOf trap false", `Reflect.setPrototypeOf(new Proxy({}, {setPrototypeOf: () => false}), null)`, "false"},
	{"preventExtensions invariant", `Object.preventExtensions(new Proxy({}, {preventExtensions: () => true}))`,
		"TypeError: 'preventExtensions' on proxy: trap returned truish but the proxy target is extensible"},
	{"isExtensible", `Object.isExtensible(new Proxy(Object.seal({}), {}))`, "false"},
	{"apply", `new Proxy(function (a, b) { return a + b }, {apply: (t, th, args) => t(...args) * 10})(1, 2)`, "30"},
	{"construct", `new (new Proxy(function () {}, {construct: (t, args, nt) => ({n: args.length})}))(1, 2, 3).n`, "3"},
	{"construct non-object", `new (new Proxy(function () {}, {construct: () => 1}))()`, "TypeError: proxy [[Construct]] must return an object"},
	{"typeof callable proxy", `typeof new Proxy(function () {}, {}) + typeof new Proxy({}, {})`, "functionobject"},
	{"proxy as prototype", `var o = Object.create(new Proxy({}, {get: (t, k, r) => k === "x" ? r.y : undefined})); o.y = 5; o.x`, "5"},
	{"set through proxy prototype", `var log = []; var o = Object.create(new Proxy({}, {set(t, k, v, r) { log.push(k); return Reflect.set(t, k, v, r) }})); o.z = 1; log.join() + Object.keys(o)`, "zz"},
	{"revocable", `var r = Proxy.revocable({}, {}); r.revoke(); try { r.proxy.x } catch (e) { e.message }`, "Cannot perform 'get' on a proxy that has been revoked"},
	{"Array.isArray", `Array.isArray(new Proxy([], {}))`, "true"},
	{"Array.isArray revoked", `var r = Proxy.revocable([], {}); r.revoke(); Array.isArray(r.proxy)`, "TypeError: Cannot perform 'IsArray' on a proxy that has been revoked"},
	{"JSON.stringify proxy array", `JSON.stringify(new Proxy([1, [2]], {}))`, "[1,[2]]"},
	{"for-in over proxy", `var ks = []; for (var k in new Proxy({a: 1, b: 2}, {})) ks.push(k); ks.join()`, "a,b"},
	{"spread proxy", `var o = {...new Proxy({a: 1}, {ownKeys: () => ["a"]})}; o.a`, "1"},
	{"Object.assign from proxy", `Object.assign({}, new Proxy({a: 1, b: 2}, {})).b`, "2"},
	{"Proxy without new", `Proxy({}, {})`, "TypeError: Constructor Proxy requires 'new'"},
	{"Proxy has no prototype", `Proxy.hasOwnProperty("prototype")`, "false"},
	{"Object.prototype.toString of proxied array", `Object.prototype.toString.call(new Proxy([], {}))`, "[object Array]"},

	// Reflect.
	{"Reflect.apply", `Reflect.apply(Math.max, null, [1, 3, 2])`, "3"},
	{"Reflect.apply needs a list", `Reflect.apply(Math.max, null)`, "TypeError: CreateListFromArrayLike called on non-object"},
	{"Reflect.construct newTarget", `class A { constructor() { this.nt = new.target } } class B {} Reflect.construct(A, [], B) instanceof B`, "true"},
	{"Reflect.deleteProperty", `Reflect.deleteProperty(Object.freeze({a: 1}), "a")`, "false"},
	{"Reflect.set receiver", `var r = {}; Reflect.set({}, "a", 1, r); r.a`, "1"},
	{"Reflect.set read-only", `Reflect.set(Object.freeze({a: 1}), "a", 2)`, "false"},
	{"Reflect.getOwnPropertyDescriptor", `Reflect.getOwnPropertyDescriptor({a: 1}, "a").writable`, "true"},
	{"Reflect.has", `Reflect.has([], "length")`, "true"},
	{"Reflect.isExtensible non-object", `Reflect.isExtensible(1)`, "TypeError: Reflect.isExtensible called on non-object"},
	{"Reflect.preventExtensions", `var o = {}; Reflect.preventExtensions(o) && !Reflect.isExtensible(o)`, "true"},
	{"Reflect.setPrototypeOf cycle", `var a = {}; Reflect.setPrototypeOf(Object.prototype.constructor.prototype, a)`, "false"},
	// Iterator helpers.
	{"Iterator abstract", `new Iterator()`, "TypeError: Abstract class Iterator not directly constructable"},
	{"Iterator subclass", `class I extends Iterator {} new I() instanceof Iterator`, "true"},
	{"map filter take", `[1, 2, 3, 4, 5].values().map(x => x * 2).filter(x => x > 2).take(2).toArray().join()`, "4,6"},
	{"drop", `[1, 2, 3].values().drop(1).toArray().join()`, "2,3"},
	{"flatMap", `[1, 2].values().flatMap(x => [x, x]).toArray().join()`, "1,1,2,2"},
	{"flatMap rejects strings", `[1].values().flatMap(x => "ab").toArray()`, "TypeError: \"ab\" is not an object"},
	{"reduce", `[1, 2, 3].values().reduce((a, b) => a + b)`, "6"},
	{"reduce empty", `[].values().reduce((a, b) => a + b)`, "TypeError: Reduce of empty iterator with no initial value"},
	{"some every find", `var i = () => [1, 2, 3].values(); [i().some(x => x > 2), i().every(x => x > 0), i().find(x => x == 2)].join()`, "true,true,2"},
	{"forEach", `var s = 0; [1, 2].values().forEach(x => s += x); s`, "3"},
	{"take closes", `var closed = false; var it = {__proto__: Iterator.prototype, next: () => ({value: 1}), return() { closed = true; return {} }};
		it.take(1).toArray(); closed`, "true"},
	{"take range", `[].values().take(-1)`, "RangeError: -1 must be positive"},
	{"helper return closes", `var closed = 0; var it = {__proto__: Iterator.prototype, next: () => ({value: 1}), return() { closed++; return {} }};
		var h = it.map(x => x); h.next(); h.return(); h.next().done + "," + closed`, "true,1"},
	{"helper toStringTag", `Object.prototype.toString.call([].values().map(x => x))`, "[object Iterator Helper]"},
	{"Iterator.from wraps", `var it = Iterator.from({next: () => ({done: true})}); it instanceof Iterator && it.next().done`, "true"},
	{"Iterator.from string", `Iterator.from("ab").toArray().join()`, "a,b"},
	{"Iterator.concat", `Iterator.concat([1], new Set([2, 3])).toArray().join()`, "1,2,3"},
	{"includes", `[1, 2, NaN].values().includes(NaN) + "," + [1, 2].values().includes(1, 1)`, "true,false"},
	{"includes skip type", `[].values().includes(1, "1")`, "TypeError: skippedElements must be a number"},
	{"join", `["a", null, 1].values().join("-")`, "a--1"},
	{"chunks", `JSON.stringify([1, 2, 3, 4, 5].values().chunks(2).toArray())`, "[[1,2],[3,4],[5]]"},
	{"windows", `JSON.stringify([1, 2, 3].values().windows(2).toArray())`, "[[1,2],[2,3]]"},
	{"windows partial", `JSON.stringify([1].values().windows(3, "allow-partial").toArray())`, "[[1]]"},
	{"zip shortest", `JSON.stringify(Iterator.zip([[1, 2], [3]]).toArray())`, "[[1,3]]"},
	{"zip longest padding", `JSON.stringify(Iterator.zip([[1, 2], [3]], {mode: "longest", padding: [0, 9]}).toArray())`, "[[1,3],[2,9]]"},
	{"zip strict", `Iterator.zip([[1, 2], [3]], {mode: "strict"}).toArray()`, "TypeError: Iterator.zip: iterators have different lengths"},
	{"zipKeyed", `JSON.stringify(Iterator.zipKeyed({a: [1, 2], b: [3, 4]}).toArray())`, `[{"a":1,"b":3},{"a":2,"b":4}]`},
	{"Iterator.prototype.constructor setter", `var o = Object.create(Iterator.prototype); o.constructor = 1; o.hasOwnProperty("constructor")`, "true"},

	// Set methods, Map and WeakMap getOrInsert, groupBy.
	{"union", `[...new Set([1, 2]).union(new Set([2, 3]))].join()`, "1,2,3"},
	{"intersection", `[...new Set([1, 2, 3]).intersection(new Set([3, 2]))].join()`, "3,2"},
	{"intersection other smaller", `[...new Set([1, 2, 3]).intersection(new Set([3]))].join()`, "3"},
	{"difference", `[...new Set([1, 2, 3]).difference(new Set([2]))].join()`, "1,3"},
	{"symmetricDifference", `[...new Set([1, 2]).symmetricDifference(new Set([2, 3]))].join()`, "1,3"},
	{"isSubsetOf", `new Set([1]).isSubsetOf(new Set([1, 2]))`, "true"},
	{"isSupersetOf", `new Set([1]).isSupersetOf(new Set([1, 2]))`, "false"},
	{"isDisjointFrom", `new Set([1]).isDisjointFrom(new Set([2]))`, "true"},
	{"set-like map", `[...new Set([1, 5]).union(new Map([[7, 0]]))].join()`, "1,5,7"},
	{"set-like bad size", `new Set().union({size: NaN, has() {}, keys() {}})`, "TypeError: The 'size' property must be a number"},
	{"getOrInsert", `var m = new Map([[1, "a"]]); m.getOrInsert(1, "b") + m.getOrInsert(2, "c") + m.get(2)`, "acc"},
	{"getOrInsertComputed", `var m = new Map(); m.getOrInsertComputed(-0, k => 1 / k)`, "Infinity"},
	{"WeakMap getOrInsert", `var k = {}; var w = new WeakMap(); w.getOrInsert(k, 1); w.getOrInsert(k, 2)`, "1"},
	{"WeakMap getOrInsert primitive", `new WeakMap().getOrInsert(1, 1)`, "TypeError: Invalid value used as weak map key: 1"},
	{"Map.groupBy", `var g = Map.groupBy([1, 2, 3], x => x % 2); g.get(1).join() + ";" + g.get(0)`, "1,3;2"},
	{"Object.groupBy", `var g = Object.groupBy([1, 2, 3], x => x > 1 ? "big" : "small"); Object.keys(g).join() + ";" + g.big`, "small,big;2,3"},

	// Annex B.
	{"anchor", `"x".anchor('a"b')`, `<a name="a&quot;b">x</a>`},
	{"sub", `"x".sub()`, "<sub>x</sub>"},
	{"escape", `escape("a b\u0100@")`, "a%20b%u0100@"},
	{"unescape", `unescape("a%20b%u0100%zz")`, "a b\u0100%zz"},
	{"__defineGetter__", `var o = {}; o.__defineGetter__("x", () => 7); o.x + "," + (o.__lookupGetter__("x") !== undefined)`, "7,true"},
	{"__lookupSetter__ inherited", `var p = {set y(v) {}}; typeof Object.create(p).__lookupSetter__("y")`, "function"},
	{"trimLeft alias", `String.prototype.trimLeft === String.prototype.trimStart`, "true"},
	{"immutable Object.prototype", `Reflect.setPrototypeOf(Object.prototype, {})`, "false"},

	// Change array by copy.
	{"toReversed", `var a = [1, 2, 3]; a.toReversed().join() + ";" + a.join()`, "3,2,1;1,2,3"},
	{"toSorted holes", `[3, , 1].toSorted().length + ":" + [3, , 1].toSorted().join()`, "3:1,3,"},
	{"toSpliced", `[1, 2, 3, 4].toSpliced(1, 2, "x").join()`, "1,x,4"},
	{"toSpliced one arg", `[1, 2, 3].toSpliced(1).join()`, "1"},
	{"with", `[1, 2, 3].with(-1, 9).join()`, "1,2,9"},
	{"with range", `[1].with(1, 0)`, "RangeError: Invalid index : 1"},
	{"toReversed too long", `Array.prototype.toReversed.call({length: 2 ** 32})`, "RangeError: Invalid array length"},
	{"unscopables", `Object.getPrototypeOf(Array.prototype[Symbol.unscopables]) === null && Array.prototype[Symbol.unscopables].toSorted`, "true"},

	// Date.
	{"Date.UTC and ISO", `new Date(Date.UTC(2020, 1, 29, 12, 30, 15, 7)).toISOString()`, "2020-02-29T12:30:15.007Z"},
	{"Date extended year", `new Date(Date.UTC(-1, 0)).toISOString()`, "-000001-01-01T00:00:00.000Z"},
	{"Date.parse ISO date is UTC", `Date.parse("1970-01-02")`, "86400000"},
	{"Date.parse offset", `Date.parse("1970-01-01T01:00:00+01:00")`, "0"},
	{"Date.parse -000000", `Date.parse("-000000-01-01T00:00:00Z")`, "NaN"},
	{"Date.parse toUTCString", `var d = new Date(123456789000); Date.parse(d.toUTCString()) === 123456789000`, "true"},
	{"Date.parse toString", `var d = new Date(123456789000); Date.parse(d.toString()) === 123456789000`, "true"},
	{"setUTCMonth overflow", `var d = new Date(0); d.setUTCMonth(13, 31); d.toISOString()`, "1971-03-03T00:00:00.000Z"},
	{"setUTCHours coercion order", `var log = []; var d = new Date(NaN); d.setUTCHours({valueOf() { log.push("h") }}, {valueOf() { log.push("m") }}); log.join()`, "h,m"},
	{"setFullYear on invalid date", `var d = new Date(NaN); d.setUTCFullYear(2000); d.toISOString()`, "2000-01-01T00:00:00.000Z"},
	{"toUTCString", `new Date(0).toUTCString()`, "Thu, 01 Jan 1970 00:00:00 GMT"},
	{"toGMTString alias", `Date.prototype.toGMTString === Date.prototype.toUTCString`, "true"},
	{"getYear", `new Date(Date.UTC(2000, 6)).getUTCFullYear() - 1900 === new Date(2000, 6).getYear()`, "true"},
	{"toPrimitive hint", `new Date(0)[Symbol.toPrimitive]("bad")`, "TypeError: Invalid hint: \"bad\""},
	{"time clip", `new Date(8.64e15 + 1).getTime()`, "NaN"},

	// Errors.
	{"Error.isError", `[Error.isError(new TypeError), Error.isError({__proto__: Error.prototype}), Error.isError(new Proxy(new Error, {}))].join()`, "true,false,false"},
	{"stack accessor", `var e = new Error("m"); e.hasOwnProperty("stack") + "," + e.stack.split("\n")[0]`, "false,Error: m"},
	{"stack setter", `var o = {}; Object.getOwnPropertyDescriptor(Error.prototype, "stack").set.call(o, "s"); o.stack`, "s"},
	{"AggregateError", `var e = new AggregateError(new Set([1, 2]), "m", {cause: 0}); [e.errors.join(), e.message, e.cause, e instanceof Error].join()`, "1,2,m,0,true"},
	{"SuppressedError", `var e = new SuppressedError(1, 2, "m"); [e.error, e.suppressed, e.message, e.name].join()`, "1,2,m,SuppressedError"},

	// Disposable stacks.
	{"DisposableStack order", `var log = []; var s = new DisposableStack(); s.defer(() => log.push(1)); s.use({[Symbol.dispose]() { log.push(2) }});
		s.adopt(3, v => log.push(v)); s.dispose(); log.join() + "," + s.disposed`, "3,2,1,true"},
	{"DisposableStack suppressed", `var s = new DisposableStack(); s.defer(() => { throw 1 }); s.defer(() => { throw 2 });
		try { s.dispose() } catch (e) { [e.name, e.error, e.suppressed].join() }`, "SuppressedError,1,2"},
	{"DisposableStack move", `var s = new DisposableStack(); var n = 0; s.defer(() => n++); var t = s.move(); s.dispose(); var a = n; t.dispose(); a + "," + n`, "0,1"},
	{"DisposableStack disposed use", `var s = new DisposableStack(); s.dispose(); s.use(null)`, "ReferenceError: DisposableStack already disposed"},
	{"Iterator dispose", `var closed = false; var it = {__proto__: Iterator.prototype, return() { closed = true; return {} }}; it[Symbol.dispose](); closed`, "true"},
	{"Symbol.dispose", `typeof Symbol.dispose + typeof Symbol.asyncDispose`, "symbolsymbol"},

	// Promise.
	{"Promise.try", `var r; Promise.try((a, b) => a + b, 1, 2).then(v => r = v); typeof Promise.try`, "function"},
	{"Promise.withResolvers", `var w = Promise.withResolvers(); [typeof w.resolve, typeof w.reject, w.promise instanceof Promise].join()`, "function,function,true"},
	{"Promise.resolve non-object this", `Promise.resolve.call(1)`, "TypeError: Promise.resolve called on non-object 1"},
	{"then species", `class P extends Promise {} P.resolve(1).then() instanceof P`, "true"},
	{"finally species", `class P extends Promise {} P.resolve(1).finally(() => 0) instanceof P`, "true"},
	{"Promise.allKeyed", `typeof Promise.allKeyed + typeof Promise.allSettledKeyed`, "functionfunction"},

	// BigInt, JSON, Math, Object.hasOwn.
	{"asIntN", `[BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asUintN(8, -1n), BigInt.asIntN(64, -1n)].join()`, "-1,-128,255,-1"},
	{"asUintN huge", `BigInt.asUintN(2 ** 53 - 1, 5n)`, "5"},
	{"asIntN index", `BigInt.asIntN(-1, 0n)`, "RangeError: Invalid index: -1"},
	{"BigInt string", `[BigInt(" 0x1f "), BigInt("-010"), BigInt("")].join()`, "31,-10,0"},
	{"rawJSON", `JSON.stringify({a: JSON.rawJSON("1e1000")})`, `{"a":1e1000}`},
	{"rawJSON object", `JSON.rawJSON("{}")`, "SyntaxError: JSON.rawJSON cannot make an object or array"},
	{"isRawJSON", `JSON.isRawJSON(JSON.rawJSON("1")) && !JSON.isRawJSON({})`, "true"},
	{"stringify replacer objects", `JSON.stringify({1: 1, b: 2, c: 3}, [new Number(1), new String("b"), "b"])`, `{"1":1,"b":2}`},
	{"sumPrecise", `Math.sumPrecise([1e20, 0.1, -1e20])`, "0.1"},
	{"sumPrecise empty", `Object.is(Math.sumPrecise([]), -0)`, "true"},
	{"sumPrecise non-number", `Math.sumPrecise(["1"])`, "TypeError: \"1\" is not a number"},
	{"f16round", `[Math.f16round(1.337), Math.f16round(65520), Math.f16round(5e-8)].join()`, "1.3369140625,Infinity,5.960464477539063e-8"},
	{"round", `Math.round(0.49999999999999994)`, "0"},
	{"Object.hasOwn", `Object.hasOwn({a: 1}, "a") && !Object.hasOwn({}, "toString")`, "true"},

	// Array species.
	{"map species", `class A extends Array {} function mk(C, ...v) { var a = new C(); a.push(...v); return a } var a = mk(A, 1, 2).map(x => x * 2); (a instanceof A) + ":" + a.join()`, "true:2,4"},
	{"filter species", `class A extends Array {} function mk(C, ...v) { var a = new C(); a.push(...v); return a } mk(A, 1, 2, 3).filter(x => x > 1) instanceof A`, "true"},
	{"slice species length", `class A extends Array {} function mk(C, ...v) { var a = new C(); a.push(...v); return a } var s = mk(A, 1, 2, 3).slice(1); (s instanceof A) + ":" + s.length`, "true:2"},
	{"concat species", `var a = [1]; a.constructor = {[Symbol.species]: function (n) { return {n} }}; var r = a.concat([2]); r.n + ":" + r.length + ":" + r[1]`, "0:2:2"},
	{"species not a constructor", `var a = []; a.constructor = {[Symbol.species]: 1}; a.map(x => x)`, "TypeError: object.constructor[Symbol.species] is not a constructor"},
	{"splice species", `class A extends Array {} function mk(C, ...v) { var a = new C(); a.push(...v); return a } var r = mk(A, 1, 2, 3).splice(0, 2); (r instanceof A) + ":" + r.join()`, "true:1,2"},
	{"flat species", `class A extends Array {} function mk(C, ...v) { var a = new C(); a.push(...v); return a } mk(A, [1], 2).flat() instanceof A`, "true"},

	{"Array.from this", `function C() { this.made = true } var r = Array.from.call(C, [1, 2]); r.made + ":" + r.length + ":" + r[1]`, "true:2:2"},
	{"Array.of this", `function C(n) { this.n = n } var r = Array.of.call(C, 7, 8); r.n + ":" + r.length + ":" + r[0]`, "2:2:7"},

	{"Reflect toStringTag", `Object.prototype.toString.call(Reflect)`, "[object Reflect]"},

	// Function.prototype.toString returns [[SourceText]] or, for
	// built-ins and bound functions, the NativeFunction form.
	{"toString declaration", `function /* a */ f ( x ) { return x } f.toString()`, "function /* a */ f ( x ) { return x }"},
	{"toString async generator expression", `(async function * g() { yield /}/ }).toString()`, "async function * g() { yield /}/ }"},
	{"toString arrow expression body", `var a = async (x, y) => x ? y : [x, y], b = 1; a.toString()`, "async (x, y) => x ? y : [x, y]"},
	{"toString arrow bare parameter", `[z => { return z }][0].toString()`, "z => { return z }"},
	{"toString arrow ended by a new line", "var a = x => x * 2\nvar b = 3; a.toString()", "x => x * 2"},
	{"toString nested arrow", `var a = x => y => x + y; a(1).toString() + "|" + a.toString()`, "y => x + y|x => y => x + y"},
	{"toString arrow in a parameter default", `function f(g = () => 1) { return g } f().toString()`, "() => 1"},
	{"toString class", `class A extends (class { m() {} }) { constructor() { super() } } A.toString()`,
		"class A extends (class { m() {} }) { constructor() { super() } }"},
	{"toString class without constructor", `(class { static x = () => 0 }).toString()`, "class { static x = () => 0 }"},
	{"toString static getter leaves out static", `class A { static get [ "a" + "b" ]() { return 1 } } Object.getOwnPropertyDescriptor(A, "ab").get.toString()`,
		`get [ "a" + "b" ]() { return 1 }`},
	{"toString private method", `class A { #m() { return 1 } static f(a) { return a.#m } } A.f(new A).toString()`, "#m() { return 1 }"},
	{"toString object methods", `var o = { async * m(a) {}, set v(x) {}, "s"() {} }; o.m.toString() + "|" + Object.getOwnPropertyDescriptor(o, "v").set.toString() + "|" + o.s.toString()`,
		`async * m(a) {}|set v(x) {}|"s"() {}`},
	{"toString computed name holding a method", `({ [ { a(){} }.a ](){ } })["a(){}"].toString()`, "[ { a(){} }.a ](){ }"},
	{"toString after a regexp with braces", `var r = /[{(]/; function f() { return "}" } f.toString()`, `function f() { return "}" }`},
	{"toString in a template", "`${(() => { return `}` })}`", "() => { return `}` }"},
	{"toString built-in", `Math.max.toString()`, "function max() { [native code] }"},
	{"toString bound", `(function f() {}).bind().toString()`, "function () { [native code] }"},
	{"toString getter built-in", `Object.getOwnPropertyDescriptor(Map.prototype, "size").get.toString()`, "function () { [native code] }"},
	{"toString dynamic function", `Function("a", "b", "return a").toString()`, "function anonymous(a,b\n) {\nreturn a\n}"},
	{"toString non-function", `Function.prototype.toString.call({})`, "TypeError: Function.prototype.toString requires that 'this' be a Function"},

	// The constructors of the other function kinds.
	{"GeneratorFunction", `var GF = Object.getPrototypeOf(function* () {}).constructor; [...GF("a", "yield a; yield a + 1")(1)].join()`, "1,2"},
	{"GeneratorFunction toString", `Object.getPrototypeOf(function* () {}).constructor("yield 1").toString()`, "function* anonymous(\n) {\nyield 1\n}"},
	{"AsyncFunction", `var AF = Object.getPrototypeOf(async function () {}).constructor; AF("return 1")() instanceof Promise && AF.name`, "AsyncFunction"},
	{"AsyncGeneratorFunction", `var AGF = Object.getPrototypeOf(async function* () {}).constructor; Object.getPrototypeOf(AGF("")) === AGF.prototype`, "true"},
	{"function kinds inherit from Function", `Object.getPrototypeOf(Object.getPrototypeOf(async function () {}).constructor) === Function`, "true"},
	{"function kinds are not globals", `typeof GeneratorFunction + typeof AsyncFunction`, "undefinedundefined"},

	// String.raw, toWellFormed, normalize and the IsRegExp checks.
	{"String.raw template", "String.raw`a\\n${1}b${2}`", "a\\n1b2"},
	{"String.raw object", `String.raw({raw: {length: 3, 0: "x", 1: "y", 2: "z"}}, 1, 2, 3, 4)`, "x1y2z"},
	{"String.raw empty", `String.raw({raw: {length: -Infinity}}, 1)`, ""},
	{"String.raw needs raw", `String.raw({})`, "TypeError: Cannot convert undefined or null to object"},
	{"String.raw length", `String.raw.length`, "1"},
	{"toWellFormed", `"a\uD800b\uDC00\uD83D\uDE00".toWellFormed() === "a\uFFFDb\uFFFD\uD83D\uDE00"`, "true"},
	{"normalize NFD", `"\u00C5".normalize("NFD").length`, "2"},
	{"normalize default NFC", `"A\u030A".normalize() === "\u00C5"`, "true"},
	{"normalize NFKC", `"\uFB01".normalize("NFKC")`, "fi"},
	{"normalize bad form", `"a".normalize("nfc")`, "RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD"},
	{"normalize lone surrogate", `"\uD800".normalize().length`, "1"},
	{"startsWith regexp", `"abc".startsWith(/a/)`, "TypeError: First argument to String.prototype.startsWith must not be a regular expression"},
	{"endsWith Symbol.match false", `var re = /c/; re[Symbol.match] = false; "abc/c/".endsWith(re)`, "true"},
	{"includes Symbol.match object", `"a".includes({[Symbol.match]: true})`, "TypeError: First argument to String.prototype.includes must not be a regular expression"},
	{"toUpperCase sharp s", `"stra\u00dfe".toUpperCase()`, "STRASSE"},
	{"toLowerCase final sigma", `"\u03a3\u0391\u03a3 \u03a3".toLowerCase() === "\u03c3\u03b1\u03c2 \u03c3"`, "true"},
	{"toLowerCase dotted I", `"\u0130".toLowerCase().length`, "2"},
	{"toUpperCase ASCII", `"abc-XYZ".toUpperCase() + "ABC".toLowerCase()`, "ABC-XYZabc"},
	{"toUpperCase lone surrogate", `"a\uD800".toUpperCase() === "A\uD800"`, "true"},
	{"localeCompare canonical equivalence", `"o\u0308".localeCompare("\u00f6")`, "0"},
	{"localeCompare order", `["b", "a", "c"].sort((x, y) => x.localeCompare(y)).join()`, "a,b,c"},
	{"padStart length", `"".padStart.length + "" + "".padEnd.length`, "11"},

	// URI encoding and decoding (ECMA-262 19.2.6).
	{"decodeURI keeps reserved escapes", `decodeURI("%3B%2f%3F%41%23")`, "%3B%2f%3FA%23"},
	{"decodeURIComponent reserved", `decodeURIComponent("%3B%2F%23")`, ";/#"},
	{"decode multibyte", `decodeURIComponent("%D0%AE%E2%82%AC%F0%9F%98%80").length`, "4"},
	{"decode U+FFFD and U+FFFF", `decodeURI("%EF%BF%BD%EF%BF%BF").charCodeAt(1).toString(16)`, "ffff"},
	{"decode overlong", `decodeURI("%C0%80")`, "URIError: URI malformed"},
	{"decode surrogate octets", `decodeURIComponent("%ED%BF%BF")`, "URIError: URI malformed"},
	{"decode above U+10FFFF", `decodeURI("%F4%90%80%80")`, "URIError: URI malformed"},
	{"decode bad continuation", `decodeURI("%E0%A4%41")`, "URIError: URI malformed"},
	{"decode truncated", `decodeURI("%E0%A4")`, "URIError: URI malformed"},
	{"decode bad hex", `decodeURI("%G0")`, "URIError: URI malformed"},
	{"decode lone continuation", `decodeURI("%80")`, "URIError: URI malformed"},
	{"encodeURIComponent marks", `encodeURIComponent("!'()*~-_. ;/")`, "!'()*~-_.%20%3B%2F"},
	{"encodeURI reserved", `encodeURI(";/?:@&=+$,#[ ")`, ";/?:@&=+$,#%5B%20"},
	{"encode astral", `encodeURI("\u{1F600}\u00e9")`, "%F0%9F%98%80%C3%A9"},
	{"encode lone surrogate", `encodeURIComponent("\uD800")`, "URIError: URI malformed"},
	{"encode round trip", `var s = "a b\u0416\u{10000}"; decodeURIComponent(encodeURIComponent(s)) === s`, "true"},
}

func TestBuiltins(t *testing.T) {
	for _, tt := range builtinTests {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: %s\n got  %q\n want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

// TestPromiseStatics checks the outcomes of Promise.try, allKeyed,
// allSettledKeyed and any once the jobs have run.
func TestPromiseStatics(t *testing.T) {
	rt := New()
	var out []string
	rt.Set("log", rt.NewFunction("log", 1, func(c *Call) (Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		out = append(out, s)
		return Undefined(), err
	}))
	_, err := rt.RunScript("promise.js", `
		Promise.try(() => { throw new Error("t") }).catch(e => log("try " + e.message));
		Promise.allKeyed({a: 1, b: Promise.resolve(2)}).then(o => log("keyed " + Object.keys(o) + " " + o.a + o.b + " " + Object.getPrototypeOf(o)));
		Promise.allSettledKeyed({x: Promise.reject(3)}).then(o => log("settled " + o.x.status + " " + o.x.reason));
		Promise.any([Promise.reject(1)]).catch(e => log("any " + e.constructor.name + " " + e.errors));
		Array.fromAsync([Promise.resolve(1), 2], x => x * 10).then(a => log("fromAsync " + a));
		Array.fromAsync({length: 1, 0: Promise.reject(new Error("r"))}).catch(e => log("fromAsync " + e.message));
		Array.fromAsync(5, 5).catch(e => log("fromAsync " + e.name));
	`)
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.RunJobs(); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out, "; ")
	want := "try t; fromAsync TypeError; keyed a,b 12 null; settled rejected 3; any AggregateError 1; fromAsync r; fromAsync 10,20"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestAsyncDisposableStack checks the order of async disposal: resources
// in reverse, each awaited, a Symbol.dispose method adapted, and the
// rejection when one throws.
func TestAsyncDisposableStack(t *testing.T) {
	rt := New()
	var out []string
	rt.Set("log", rt.NewFunction("log", 1, func(c *Call) (Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		out = append(out, s)
		return Undefined(), err
	}))
	_, err := rt.RunScript("async.js", `
		var s = new AsyncDisposableStack();
		s.defer(async () => log("first"));
		s.use({[Symbol.dispose]() { log("sync dispose") }});
		s.use({async [Symbol.asyncDispose]() { log("async dispose") }});
		s.disposeAsync().then(() => log("done " + s.disposed));
		var t = new AsyncDisposableStack();
		t.defer(() => { throw new Error("bad") });
		t.disposeAsync().catch(e => log("rejected " + e.message));
	`)
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.RunJobs(); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out, "; ")
	want := "async dispose; sync dispose; rejected bad; first; done true"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

package js

import "testing"

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
	{"Reflect toStringTag", `Object.prototype.toString.call(Reflect)`, "[object Reflect]"},
}

func TestBuiltins(t *testing.T) {
	for _, tt := range builtinTests {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s: %s\n got  %q\n want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

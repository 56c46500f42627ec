package js

import (
	"strings"
	"testing"
)

// Tests of ArrayBuffer, SharedArrayBuffer, the typed arrays, DataView and
// Atomics: each case is a script and the string its completion value
// converts to, or "Name: message" of what it throws (prefix match).
var binaryDataTests = []struct {
	name  string
	tests []struct{ src, want string }
}{
	{"ArrayBuffer", []struct{ src, want string }{
		{"new ArrayBuffer(8).byteLength", "8"},
		{"ArrayBuffer(8)", "TypeError: Constructor ArrayBuffer requires 'new'"},
		{"new ArrayBuffer(-1)", "RangeError"},
		{"new ArrayBuffer(2**53)", "RangeError"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); [b.resizable, b.maxByteLength, b.byteLength]", "true,8,4"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); b.resize(6); b.byteLength", "6"},
		{"new ArrayBuffer(4, {maxByteLength: 8}).resize(9)", "RangeError"},
		{"new ArrayBuffer(4).resize(2)", "TypeError"},
		{"new ArrayBuffer(9, {maxByteLength: 8})", "RangeError"},
		{"var b = new ArrayBuffer(4); var c = b.transfer(8); [b.detached, b.byteLength, c.byteLength, c.resizable]", "true,0,8,false"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); [b.transfer().resizable, new ArrayBuffer(1, {maxByteLength: 2}).transferToFixedLength().resizable]", "true,false"},
		{"var b = new ArrayBuffer(4); b.transfer(); b.slice(0)", "TypeError"},
		{"var u = new Uint8Array([1,2,3,4]); Array.from(new Uint8Array(u.buffer.slice(1, -1))).join()", "2,3"},
		{"ArrayBuffer.isView(new DataView(new ArrayBuffer(1))) && ArrayBuffer.isView(new Int8Array(1)) && !ArrayBuffer.isView([])", "true"},
		{"Object.prototype.toString.call(new ArrayBuffer(1))", "[object ArrayBuffer]"},
		{"Object.getOwnPropertyDescriptor(ArrayBuffer, Symbol.species).get.name", "get [Symbol.species]"},
	}},
	{"SharedArrayBuffer", []struct{ src, want string }{
		{"new SharedArrayBuffer(3).byteLength", "3"},
		{"var s = new SharedArrayBuffer(2, {maxByteLength: 4}); s.grow(4); [s.growable, s.byteLength]", "true,4"},
		{"new SharedArrayBuffer(2, {maxByteLength: 4}).grow(1)", "RangeError"},
		{"Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(new SharedArrayBuffer(1))", "TypeError"},
	}},
	{"TypedArray", []struct{ src, want string }{
		{"var a = new Float64Array(3); a[0] = 1.5; a[1] = '2'; a[7] = 1; [a[0], a[1], a[7], a.length]", "1.5,2,,3"},
		{"Array.from(new Int8Array([127, 128, -129, 1.9])).join()", "127,-128,127,1"},
		{"Array.from(new Uint8ClampedArray([1.5, 2.5, -1, 300, NaN])).join()", "2,2,0,255,0"},
		{"Array.from(new Uint16Array([-1, 65536])).join()", "65535,0"},
		{"Array.from(new Float32Array([0.1])).join()", "0.10000000149011612"},
		{"Array.from(new Float16Array([1.1, 65504, 65520, 2**-24, 2**-25])).join()", "1.099609375,65504,Infinity,5.960464477539063e-8,0"},
		{"Array.from(new BigInt64Array([2n**63n, -1n])).join()", "-9223372036854775808,-1"},
		{"Array.from(new BigUint64Array([-1n])).join()", "18446744073709551615"},
		{"new BigInt64Array([1])", "TypeError"},
		{"new Int8Array(new BigInt64Array(1))", "TypeError"},
		{"Int8Array(1)", "TypeError"},
		{"new Int8Array(-1)", "RangeError"},
		{"var b = new ArrayBuffer(8); var a = new Int16Array(b, 2, 2); [a.length, a.byteOffset, a.byteLength]", "2,2,4"},
		{"new Int16Array(new ArrayBuffer(8), 1)", "RangeError"},
		{"new Int32Array(new ArrayBuffer(8), 4, 2)", "RangeError"},
		{"Array.from(new Int16Array(new Set([1, 2]))).join()", "1,2"},
		{"Array.from(new Uint8Array({length: 2, 0: 5, 1: 6})).join()", "5,6"},
		{"Array.from(Uint8Array.from([1, 2], x => x * 3)).join()", "3,6"},
		{"Array.from(Int8Array.of(1, 2, 3)).join()", "1,2,3"},
		{"Object.getPrototypeOf(Int8Array) === Object.getPrototypeOf(Float64Array)", "true"},
		{"[Int8Array.BYTES_PER_ELEMENT, Float64Array.prototype.BYTES_PER_ELEMENT, Float16Array.BYTES_PER_ELEMENT]", "1,8,2"},
		// Integer-indexed exotic behaviour for canonical numeric keys.
		{"var a = new Int8Array(2); a['-0'] = 1; a[1.5] = 1; a.foo = 1; [a['-0'], a[1.5], a.foo, Object.keys(a)]", ",,1,0,1,foo"},
		{"Int8Array.prototype[0] = 9; var a = new Int8Array(0); a[0]", "undefined"},
		{"var a = new Int8Array(2); ['0' in a, '2' in a, '-0' in a, 'Infinity' in a, '1e3' in a]", "true,false,false,false,false"},
		{"var a = new Int8Array(2); [delete a[0], delete a[2], delete a['-0']]", "false,true,true"},
		{"'use strict'; var a = new Int8Array(2); delete a[0]", "TypeError"},
		{"var a = new Int8Array(2); Object.defineProperty(a, '0', {value: 7}); a[0]", "7"},
		{"var a = new Int8Array(2); Object.defineProperty(a, '0', {value: 7, writable: false})", "TypeError"},
		{"var a = new Int8Array(2); Object.defineProperty(a, '5', {value: 7})", "TypeError"},
		{"JSON.stringify(Object.getOwnPropertyDescriptor(new Int8Array([3]), '0'))", `{"value":3,"writable":true,"enumerable":true,"configurable":true}`},
		{"Object.freeze(new Int8Array(1))", "TypeError"},
		{"Object.isFrozen(Object.freeze(new Int8Array(0)))", "true"},
		{"var o = Object.create(new Int8Array(1)); o[0] = 5; o.hasOwnProperty(0)", "true"},
		{"var o = Object.create(new Int8Array(1)); o[3] = 5; o.hasOwnProperty(3)", "false"},
		{"'use strict'; var a = new Int8Array(1); a[5] = 1; a[5]", "undefined"},
		// Detached and out-of-bounds views.
		{"var a = new Int8Array(4); a.buffer.transfer(); [a.length, a.byteLength, a.byteOffset, a[0]]", "0,0,0,"},
		{"var a = new Int8Array(4); a.buffer.transfer(); a.fill(0)", "TypeError"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); var a = new Int8Array(b); var f = new Int8Array(b, 0, 4); b.resize(2); [a.length, f.length]", "2,0"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); var f = new Int8Array(b, 0, 4); b.resize(2); f.at(0)", "TypeError"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); var a = new Int8Array(b, 2); b.resize(8); a.length", "6"},
		// Methods.
		{"Array.from(new Int8Array([1, 2, 3, 4, 5]).copyWithin(0, 3)).join()", "4,5,3,4,5"},
		{"Array.from(new Int8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3)).join()", "1,1,2,3,5"},
		{"new Int8Array([1, 2, 3]).at(-1)", "3"},
		{"[...new Int8Array([5, 6]).entries()].join('|')", "0,5|1,6"},
		{"[...new Int8Array([5, 6]).keys()].join()", "0,1"},
		{"new Int8Array([1, 2]).every(x => x > 0) && !new Int8Array([1, 2]).some(x => x > 2)", "true"},
		{"Array.from(new Int8Array(4).fill(7, 1, 3)).join()", "0,7,7,0"},
		{"Array.from(new Int8Array([1, 2, 3, 4]).filter(x => x % 2)).join()", "1,3"},
		{"var a = new Int8Array([1, 2, 3]); [a.find(x => x > 1), a.findIndex(x => x > 1), a.findLast(x => x < 3), a.findLastIndex(x => x > 5)]", "2,1,2,-1"},
		{"var s = 0; new Int8Array([1, 2, 3]).forEach(x => s += x); s", "6"},
		{"var a = new Float64Array([NaN, 0, 1]); [a.includes(NaN), a.indexOf(NaN), a.indexOf(0), a.lastIndexOf(1), a.includes(-0)]", "true,-1,1,2,true"},
		{"new Int8Array([1, 2, 3]).join('-')", "1-2-3"},
		{"Array.from(new Int8Array([1, 2]).map(x => x * 100)).join()", "100,-56"},
		{"new Int8Array([1, 2, 3]).reduce((a, b) => a + b) + new Int8Array([1, 2, 3]).reduceRight((a, b) => a + '' + b, '')", "6321"},
		{"new Int8Array(0).reduce((a, b) => a)", "TypeError"},
		{"Array.from(new Int16Array([1, 2, 3]).reverse()).join()", "3,2,1"},
		{"var a = new Int8Array(4); a.set([1, 2], 1); a.set(new Float64Array([9]), 3); Array.from(a).join()", "0,1,2,9"},
		{"new Int8Array(2).set([1, 2, 3])", "RangeError"},
		{"var a = new Int8Array([1, 2, 3, 4]); a.set(a.subarray(0, 3), 1); Array.from(a).join()", "1,1,2,3"},
		{"Array.from(new Int8Array([1, 2, 3, 4]).slice(1, -1)).join()", "2,3"},
		{"Array.from(new Float64Array([3, NaN, -0, 0, -Infinity, 1]).sort()).map(x => Object.is(x, -0) ? '-0' : x).join()", "-Infinity,-0,0,1,3,NaN"},
		{"Array.from(new Int8Array([1, 3, 2]).sort((a, b) => b - a)).join()", "3,2,1"},
		{"Array.from(new BigInt64Array([3n, -1n, 2n]).sort()).join()", "-1,2,3"},
		{"var a = new Int8Array([1, 2, 3, 4]); var s = a.subarray(1, 3); s[0] = 9; [a[1], s.length, s.byteOffset, s.buffer === a.buffer]", "9,2,1,true"},
		{"new Int8Array([1, 2]).toLocaleString()", "1,2"},
		{"var a = new Int8Array([1, 2, 3]); [Array.from(a.toReversed()), Array.from(a.toSorted((x, y) => y - x)), Array.from(a.with(-1, 9)), Array.from(a)].join('|')", "3,2,1|3,2,1|1,2,9|1,2,3"},
		{"new Int8Array(1).with(1, 0)", "RangeError"},
		{"new Int8Array([1, 2]).toString()", "1,2"},
		{"Object.prototype.toString.call(new BigUint64Array(1))", "[object BigUint64Array]"},
		{"class My extends Uint8Array {}; var m = new My(2); [m instanceof My, m.map(x => x) instanceof My, m.length]", "true,true,2"},
		{"Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag).get.call(3)", "undefined"},
	}},
	{"DataView", []struct{ src, want string }{
		{"var d = new DataView(new ArrayBuffer(8)); d.setInt16(0, -2); [d.getInt16(0), d.getUint8(0), d.getUint8(1), d.getInt16(0, true)]", "-2,255,254,-257"},
		{"var d = new DataView(new ArrayBuffer(8)); d.setFloat64(0, Math.PI, true); d.getFloat64(0, true)", "3.141592653589793"},
		{"var d = new DataView(new ArrayBuffer(8)); d.setFloat32(4, 1.5); d.getFloat32(4)", "1.5"},
		{"var d = new DataView(new ArrayBuffer(2)); d.setFloat16(0, 1.1); d.getFloat16(0)", "1.099609375"},
		{"var d = new DataView(new ArrayBuffer(8)); d.setBigInt64(0, -5n); [d.getBigInt64(0), d.getBigUint64(0)]", "-5,18446744073709551611"},
		{"var d = new DataView(new ArrayBuffer(8)); d.setUint32(0, 0xdeadbeef); d.getUint32(0).toString(16)", "deadbeef"},
		{"new DataView(new ArrayBuffer(2)).getInt32(0)", "RangeError"},
		{"new DataView(new ArrayBuffer(2), 3)", "RangeError"},
		{"new DataView({})", "TypeError"},
		{"var b = new ArrayBuffer(4); var d = new DataView(b, 1); b.transfer(); d.byteLength", "TypeError"},
		{"var b = new ArrayBuffer(4, {maxByteLength: 8}); var d = new DataView(b); b.resize(8); d.byteLength", "8"},
	}},
	{"Uint8Array base64 and hex", []struct{ src, want string }{
		{"Array.from(Uint8Array.fromBase64('aGk=')).join()", "104,105"},
		{"Array.from(Uint8Array.fromBase64(' aG k ')).join()", "104,105"},
		{"Uint8Array.fromBase64('aGk', {lastChunkHandling: 'strict'})", "SyntaxError"},
		{"Uint8Array.fromBase64('aGl=', {lastChunkHandling: 'strict'})", "SyntaxError"},
		{"Array.from(Uint8Array.fromBase64('-_8', {alphabet: 'base64url'})).join()", "251,255"},
		{"Uint8Array.fromBase64('+/8', {alphabet: 'base64url'})", "SyntaxError"},
		{"Uint8Array.fromBase64(1)", "TypeError"},
		{"new Uint8Array([104, 105, 33]).toBase64()", "aGkh"},
		{"new Uint8Array([251, 255]).toBase64({alphabet: 'base64url', omitPadding: true})", "-_8"},
		{"new Uint8Array([251, 255]).toBase64()", "+/8="},
		{"new Uint8Array([0, 171, 255]).toHex()", "00abff"},
		{"Array.from(Uint8Array.fromHex('00aBfF')).join()", "0,171,255"},
		{"Uint8Array.fromHex('abc')", "SyntaxError"},
		{"var a = new Uint8Array(4); var r = a.setFromBase64('aGkh'); [r.read, r.written, Array.from(a)].join()", "4,3,104,105,33,0"},
		{"var a = new Uint8Array(2); var r = a.setFromBase64('aGkh'); [r.read, r.written, Array.from(a)].join()", "0,0,0,0"},
		{"var a = new Uint8Array(2); var r = a.setFromHex('0102ff'); [r.read, r.written, Array.from(a)].join()", "4,2,1,2"},
		{"var a = new Uint8Array(2); try { a.setFromHex('01zz') } catch (e) { e.name + a[0] }", "SyntaxError1"},
		{"new Int8Array(1).toHex.call(new Int8Array(1))", "TypeError"},
	}},
	{"Math.f16round", []struct{ src, want string }{
		{"[Math.f16round(1.1), Math.f16round(65519.99), Math.f16round(65520), Math.f16round(2 ** -25), Math.f16round(1 + 2 ** -11)]", "1.099609375,65504,Infinity,0,1"},
		{"Object.is(Math.f16round(-0), -0) && Number.isNaN(Math.f16round(NaN))", "true"},
	}},
	{"Atomics", []struct{ src, want string }{
		{"var a = new Int32Array(new SharedArrayBuffer(8)); [Atomics.add(a, 0, 5), Atomics.sub(a, 0, 2), Atomics.load(a, 0)]", "0,5,3"},
		{"var a = new Uint8Array(2); [Atomics.or(a, 1, 6), Atomics.and(a, 1, 3), Atomics.xor(a, 1, 1), Atomics.exchange(a, 1, 200), a[1]]", "0,6,2,3,200"},
		{"var a = new Int8Array(1); [Atomics.add(a, 0, 200), a[0]]", "0,-56"},
		{"var a = new Int32Array(1); [Atomics.compareExchange(a, 0, 0, 7), Atomics.compareExchange(a, 0, 1, 9), a[0]]", "0,7,7"},
		{"var a = new BigInt64Array(1); Atomics.store(a, 0, -1n); Atomics.add(a, 0, 2n); a[0]", "1"},
		{"Atomics.store(new Int32Array(1), 0, -0)", "0"},
		{"Atomics.add(new Float64Array(1), 0, 1)", "TypeError"},
		{"Atomics.load(new Int32Array(1), 1)", "RangeError"},
		{"[Atomics.isLockFree(4), Atomics.isLockFree(3)]", "true,false"},
		{"Atomics.notify(new Int32Array(1), 0)", "0"},
		{"Atomics.notify(new Int32Array(new SharedArrayBuffer(4)), 0, 1)", "0"},
		{"Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 0)", "TypeError"},
		{"Atomics.wait(new Int32Array(4), 0, 0, 0)", "TypeError"},
	}},
}

func TestBinaryData(t *testing.T) {
	for _, group := range binaryDataTests {
		t.Run(group.name, func(t *testing.T) {
			for _, tt := range group.tests {
				got := run(t, tt.src)
				if got != tt.want && !(strings.HasSuffix(tt.want, "Error") && strings.HasPrefix(got, tt.want+":")) {
					t.Errorf("%s\n got  %q\n want %q", tt.src, got, tt.want)
				}
			}
		})
	}
}

// BenchmarkTypedArrayLoop times a loop reading, computing and writing
// elements with integer keys, over a Float64Array and, for comparison, a
// dense Array of the same numbers.
func BenchmarkTypedArrayLoop(b *testing.B) {
	for _, kind := range []string{"Float64Array", "Array"} {
		b.Run(kind, func(b *testing.B) {
			rt := New()
			setup := "var step = (function () { var n = 10000; var src = new " + kind + "(n), dst = new " + kind + "(n);" +
				"for (var i = 0; i < n; i++) src[i] = i * 0.5;" +
				"return function () { for (var i = 0; i < src.length; i++) dst[i] = src[i] * 2; return dst[n - 1]; } })()"
			if _, err := rt.RunScript("setup.js", setup); err != nil {
				b.Fatal(err)
			}
			step, err := rt.Get("step")
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				v, err := rt.Call(step, Undefined())
				if err != nil {
					b.Fatal(err)
				}
				if v.Float() != 9999 {
					b.Fatalf("step() = %v, want 9999", v.Export())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/element")
		})
	}
}

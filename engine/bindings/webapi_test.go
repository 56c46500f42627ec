package bindings_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"glassbox/engine/page"
	"glassbox/network"
)

// consoleOf loads a page at pageURL that runs script, runs its event
// loop, and returns the console lines ("level: text").
func consoleOf(t *testing.T, pageURL, script string) []string {
	t.Helper()
	var lines []string
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	resp := &network.Response{URL: u, Status: 200, ContentType: "text/html", Body: []byte("<body><script>" + script + "</script>")}
	opts := page.Options{VirtualTime: true, Console: func(level, text string) { lines = append(lines, level+": "+text) }}
	p := page.FromResponseWith(context.Background(), nil, resp, opts)
	p.Run(0)
	return lines
}

type scriptTest struct {
	name   string
	script string
	want   []string // console lines, "log: " left off
}

func runScriptTests(t *testing.T, pageURL string, tests []scriptTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := consoleOf(t, pageURL, tt.script)
			want := make([]string, len(tt.want))
			for i, l := range tt.want {
				want[i] = "log: " + l
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// t logs the exception's name (and DOMException code) a function throws.
const throws = `const t = (f) => { try { console.log("no throw:", f()) } catch (e) { console.log(e.name, e.code, e instanceof DOMException) } };`

func TestBase64(t *testing.T) {
	runScriptTests(t, "http://example.test/", []scriptTest{
		{"btoa", `console.log(btoa(""), btoa("f"), btoa("fo"), btoa("foo"), btoa("\xff\x00"), btoa(12))`,
			[]string{" Zg== Zm8= Zm9v /wA= MTI="}},
		{"btoa outside Latin-1", throws + `t(() => btoa("é€"))`, []string{"InvalidCharacterError 5 true"}},
		{"atob, forgiving", `console.log(atob("Zm9v"), atob(" Zm 9v\n"), atob("Zm8"), atob("Zm8="), atob("Zh=="), atob("").length, atob("/w==").charCodeAt(0))`,
			[]string{"foo foo fo fo f 0 255"}},
		{"atob errors", throws + `t(() => atob("Z")); t(() => atob("Zm9v=")); t(() => atob("Zm*v")); t(() => atob("Z==="))`,
			[]string{"InvalidCharacterError 5 true", "InvalidCharacterError 5 true", "InvalidCharacterError 5 true", "InvalidCharacterError 5 true"}},
		{"round trip", `let s = ""; for (let i = 0; i < 256; i++) s += String.fromCharCode(i); console.log(atob(btoa(s)) === s)`,
			[]string{"true"}},
	})
}

func TestTextCoding(t *testing.T) {
	runScriptTests(t, "http://example.test/", []scriptTest{
		{"encode", `const e = new TextEncoder(); console.log(e.encoding, [...e.encode("aé€😀")].join(","), e.encode().length, e.encode("\ud800").join(","))`,
			[]string{"utf-8 97,195,169,226,130,172,240,159,152,128 0 239,191,189"}},
		{"encodeInto stops before a character that does not fit",
			`const d = new Uint8Array(5); const r = new TextEncoder().encodeInto("a€😀", d); console.log(r.read, r.written, d.join(","))`,
			[]string{"2 4 97,226,130,172,0"}},
		{"decode", `const d = new TextDecoder(); console.log(d.encoding, d.fatal, d.ignoreBOM, d.decode(new Uint8Array([97, 195, 169, 240, 159, 152, 128])), d.decode(new Uint8Array([104, 105]).buffer), JSON.stringify(d.decode()))`,
			[]string{`utf-8 false false aé😀 hi ""`}},
		{"invalid bytes become U+FFFD", `const d = new TextDecoder("UTF8"); console.log([...d.decode(new Uint8Array([0x61, 0xff, 0xe2, 0x82, 0x62, 0xed, 0xa0, 0x80, 0xc0, 0xe2]))].map((c) => c.codePointAt(0).toString(16)).join(" "))`,
			[]string{"61 fffd fffd 62 fffd fffd fffd fffd fffd"}},
		{"fatal throws", `const d = new TextDecoder("utf-8", {fatal: true}); try { d.decode(new Uint8Array([0xff])) } catch (e) { console.log(e.name) } console.log(d.decode(new Uint8Array([0x6f, 0x6b])))`,
			[]string{"TypeError", "ok"}},
		{"BOM", `const b = new Uint8Array([0xef, 0xbb, 0xbf, 0x78]); console.log(new TextDecoder().decode(b).length, new TextDecoder("utf-8", {ignoreBOM: true}).decode(b).length)`,
			[]string{"1 2"}},
		{"streaming keeps a split character", `const d = new TextDecoder(); const e = new TextEncoder().encode("€"); console.log(d.decode(e.subarray(0, 1), {stream: true}) + "|" + d.decode(e.subarray(1, 2), {stream: true}) + "|" + d.decode(e.subarray(2)))`,
			[]string{"||€"}},
		{"other labels", `try { new TextDecoder("latin2") } catch (e) { console.log(e.name) } console.log(new TextDecoder(" utf-8 ").encoding)`,
			[]string{"RangeError", "utf-8"}},
	})
}

func TestStructuredClone(t *testing.T) {
	runScriptTests(t, "http://example.test/", []scriptTest{
		{"primitives", `console.log(structuredClone(1), structuredClone("s"), structuredClone(null), structuredClone(undefined), structuredClone(true), structuredClone(10n) === 10n)`,
			[]string{"1 s null undefined true true"}},
		{"objects and arrays are deep copies", `const o = {a: [1, {b: 2}], s: "x"}; const c = structuredClone(o); c.a[1].b = 3; console.log(JSON.stringify(c), o.a[1].b, c !== o, Array.isArray(c.a))`,
			[]string{`{"a":[1,{"b":3}],"s":"x"} 2 true true`}},
		{"Date, RegExp, boxed primitives", `const [d, r, n] = structuredClone([new Date(5), /a+/gi, new Number(3)]); console.log(d instanceof Date, d.getTime(), r instanceof RegExp, r.source, r.flags, typeof n, n + 1)`,
			[]string{"true 5 true a+ gi object 4"}},
		{"Map and Set", `const m = structuredClone(new Map([[1, {x: 1}], ["k", new Set([1, 2])]])); console.log(m instanceof Map, m.get(1).x, m.get("k") instanceof Set, [...m.get("k")].join(","))`,
			[]string{"true 1 true 1,2"}},
		{"ArrayBuffer and views share a cloned buffer", `const b = new ArrayBuffer(8); const u = new Uint8Array(b, 2, 4); u[0] = 7; const [cb, cu, f] = structuredClone([b, u, new Float64Array([1.5])]);
			cu[1] = 9; console.log(cb.byteLength, cu.constructor.name, cu.byteOffset, cu.length, cu.buffer === cb, new Uint8Array(cb)[3], new Uint8Array(b)[3], f[0])`,
			[]string{"8 Uint8Array 2 4 true 9 0 1.5"}},
		{"cycles and shared references", `const o = {}; o.self = o; o.list = [o]; const c = structuredClone(o); const s = {}; const p = structuredClone([s, s]); console.log(c.self === c, c.list[0] === c, c !== o, p[0] === p[1])`,
			[]string{"true true true true"}},
		{"errors", `const e = structuredClone(new RangeError("bad")); console.log(e instanceof RangeError, e.message)`,
			[]string{"true bad"}},
		{"DataCloneError", throws + `t(() => structuredClone(() => 1)); t(() => structuredClone({f: Symbol()})); t(() => structuredClone(document.body)); t(() => structuredClone(new Proxy({}, {}))); t(() => structuredClone())`,
			[]string{"DataCloneError 25 true", "DataCloneError 25 true", "DataCloneError 25 true", "DataCloneError 25 true", "TypeError undefined false"}},
		{"prototype and non-enumerable properties are dropped", `class A { constructor() { this.x = 1 } } const o = new A(); Object.defineProperty(o, "h", {value: 2}); const c = structuredClone(o); console.log(c instanceof A, c.x, c.h)`,
			[]string{"false 1 undefined"}},
	})
}

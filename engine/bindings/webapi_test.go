package bindings_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"glassbox/engine/bindings"
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
	want   []string // console lines, "log: " left off (but not "error: ")
}

func runScriptTests(t *testing.T, pageURL string, tests []scriptTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := consoleOf(t, pageURL, tt.script)
			want := make([]string, len(tt.want))
			for i, l := range tt.want {
				want[i] = l
				if !strings.HasPrefix(l, "error: ") {
					want[i] = "log: " + l
				}
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
		{"an uncaught InvalidCharacterError is reported with its name", `btoa("€")`,
			[]string{"error: Uncaught InvalidCharacterError: Failed to execute 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range."}},
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
		{"DataView, and a page's replaced globals do not matter", `const dv = new DataView(new ArrayBuffer(4), 1, 2); globalThis.Uint8Array = null; const [c, u] = structuredClone([dv, new Int16Array([-2])]);
			console.log(c instanceof DataView, c.byteOffset, c.byteLength, c.buffer.byteLength, u[0])`,
			[]string{"true 1 2 4 -2"}},
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

func TestURLInterface(t *testing.T) {
	runScriptTests(t, "http://example.test/dir/page.html?x=1#top", []scriptTest{
		{"attributes", `const u = new URL("HTTPS://User:Pw@Example.COM:8443/a/../b c?q=1#h");
			console.log(u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, String(u), JSON.stringify(u))`,
			[]string{`https://User:Pw@example.com:8443/b%20c?q=1#h https://example.com:8443 https: User Pw example.com:8443 example.com 8443 /b%20c ?q=1 #h https://User:Pw@example.com:8443/b%20c?q=1#h "https://User:Pw@example.com:8443/b%20c?q=1#h"`}},
		{"relative to a base", `console.log(new URL("../x?y", "http://h/a/b/c").href, new URL("//o/p", "https://h/").href, new URL("#f", "http://h/p?q").href)`,
			[]string{"http://h/a/x?y https://o/p http://h/p?q#f"}},
		{"invalid URLs throw TypeError", throws + `t(() => new URL("nope")); t(() => new URL("http://")); t(() => new URL("x", "bad base")); console.log(URL.canParse("a", "http://h/"), URL.canParse("a"), URL.parse("a"))`,
			[]string{"TypeError undefined false", "TypeError undefined false", "TypeError undefined false", "true false null"}},
		{"setters", `const u = new URL("http://h/p");
			u.protocol = "https"; u.host = "Other:81"; u.pathname = "x y"; u.search = "a=b"; u.hash = "frag"; u.username = "me";
			console.log(u.href); u.port = ""; u.hostname = "h2"; u.search = ""; u.hash = ""; console.log(u.href);
			u.href = "ftp://f/"; console.log(u.href); try { u.href = "::" } catch (e) { console.log(e.name, u.href) }`,
			[]string{"https://me@other:81/x%20y?a=b#frag", "https://me@h2/x%20y", "ftp://f/", "TypeError ftp://f/"}},
		{"non-special URLs", `const u = new URL("mailto:a@b.c"); console.log(u.protocol, u.pathname, u.host, u.origin)`,
			[]string{"mailto: a@b.c  null"}},
		{"location reads the page URL", `console.log(location.href, location.origin, location.pathname, location.search, location.hash, String(location), location instanceof Location)`,
			[]string{"http://example.test/dir/page.html?x=1#top http://example.test /dir/page.html ?x=1 #top http://example.test/dir/page.html?x=1#top true"}},
	})
}

func TestURLSearchParams(t *testing.T) {
	runScriptTests(t, "http://example.test/", []scriptTest{
		{"parse and get", `const p = new URLSearchParams("?a=1&b=x+y&a=2&c=%E2%82%AC&d&&=e&bad=%zz");
			console.log(p.get("a"), p.getAll("a").join(","), p.get("b"), p.get("c"), JSON.stringify(p.get("d")), p.get(""), p.get("bad"), p.get("none"), p.has("d"), p.has("a", "2"), p.has("a", "3"), p.size)`,
			[]string{`1 1,2 x y € "" e %zz null true true false 7`}},
		{"init from pairs, records and params", `console.log(new URLSearchParams([["a", 1], ["b", "2"]]).toString(), new URLSearchParams({x: "1", y: "é &"}).toString(), new URLSearchParams(new URLSearchParams("q=1")).toString())`,
			[]string{"a=1&b=2 x=1&y=%C3%A9+%26 q=1"}},
		{"mutation, sort, toString", `const p = new URLSearchParams("b=2&a=1&b=3&c=4");
			p.append("a", "0"); p.set("b", "9"); p.delete("c"); console.log(p.toString()); p.sort(); console.log(p.toString()); p.delete("a", "0"); console.log(p.toString())`,
			[]string{"b=9&a=1&a=0", "a=1&a=0&b=9", "a=1&b=9"}},
		{"iteration", `const p = new URLSearchParams("x=1&y=2");
			const seen = []; for (const [k, v] of p) seen.push(k + v); p.forEach((v, k) => seen.push(v + k));
			console.log(seen.join(" "), [...p.keys()].join(), [...p.values()].join(), [...p.entries()].length)`,
			[]string{"x1 y2 1x 2y x,y 1,2 2"}},
		{"searchParams is live both ways", `const u = new URL("http://h/p?a=1"); const p = u.searchParams;
			p.append("b", "x y"); console.log(u.href, u.searchParams === p); u.search = "?c=3"; console.log(p.get("c"), p.has("a"));
			p.delete("c"); console.log(u.href); u.href = "http://h/?z=9"; console.log(p.get("z"))`,
			[]string{"http://h/p?a=1&b=x+y true", "3 false", "http://h/p", "9"}},
	})
}

func TestMain(m *testing.M) {
	// localStorage stays in memory: tests never write the user's files.
	bindings.StorageDir = ""
	os.Exit(m.Run())
}

func TestStorage(t *testing.T) {
	runScriptTests(t, "http://storage.test/", []scriptTest{
		{"methods", `const s = localStorage; s.clear();
			s.setItem("a", 1); s.setItem("b", {}); s.setItem("a", "2");
			console.log(s.length, s.getItem("a"), s.getItem("b"), s.getItem("none"), s.key(0), s.key(1), s.key(2));
			s.removeItem("a"); console.log(s.length, s.key(0)); s.clear(); console.log(s.length, s instanceof Storage)`,
			[]string{"2 2 [object Object] null a b null", "1 b", "0 true"}},
		{"named properties", `localStorage.clear(); localStorage.x = 5; localStorage["y z"] = "w";
			console.log(localStorage.getItem("x"), localStorage.x, "x" in localStorage, Object.keys(localStorage).join("|"));
			delete localStorage.x; console.log(localStorage.x, localStorage.length, typeof localStorage.getItem)`,
			[]string{"5 5 true x|y z", "undefined 1 function"}},
		{"localStorage outlives the page, per origin", `localStorage.clear(); localStorage.setItem("kept", "yes"); sessionStorage.setItem("s", "1")`, nil},
		{"a second page sees it", `console.log(localStorage.getItem("kept"), sessionStorage.getItem("s"), sessionStorage.length)`,
			[]string{"yes null 0"}},
		{"quota", throws + `localStorage.clear(); const big = "x".repeat(3 << 20); localStorage.setItem("a", big); t(() => localStorage.setItem("b", big)); console.log(localStorage.length); localStorage.clear()`,
			[]string{"QuotaExceededError 22 true", "1"}},
	})
	runScriptTests(t, "http://other.test/", []scriptTest{
		{"another origin does not", `console.log(localStorage.getItem("kept"), localStorage.length)`, []string{"null 0"}},
	})
}

func TestHistory(t *testing.T) {
	runScriptTests(t, "http://example.test/start", []scriptTest{
		{"pushState and replaceState change the URL, state and length",
			`console.log(history.length, history.state); const o = {n: 1};
			history.pushState(o, "", "/a?x#h"); console.log(history.length, history.state.n, history.state !== o, location.href, document.URL);
			history.replaceState([2], "", "b"); console.log(history.length, history.state[0], location.pathname);
			history.pushState(null, ""); console.log(history.length, location.href)`,
			[]string{"1 null", "2 1 true http://example.test/a?x#h http://example.test/a?x#h", "2 2 /b", "3 http://example.test/b"}},
		{"back fires popstate with the entry's state, asynchronously",
			`history.pushState({p: 1}, "", "/one"); history.pushState({p: 2}, "", "/two");
			addEventListener("popstate", (e) => console.log("popstate", JSON.stringify(e.state), location.pathname, e instanceof PopStateEvent));
			history.back(); console.log("after back", location.pathname);
			setTimeout(() => { history.go(-1); setTimeout(() => { history.forward(); setTimeout(() => history.go(5), 0) }, 0) }, 0)`,
			[]string{"after back /two", `popstate {"p":1} /one true`, "popstate null /start true", `popstate {"p":1} /one true`}},
		{"hashchange when only the fragment differs",
			`history.pushState(null, "", "#x"); addEventListener("hashchange", (e) => console.log("hashchange", e.oldURL, e.newURL)); history.back()`,
			[]string{"hashchange http://example.test/start#x http://example.test/start"}},
		{"location.hash sets the fragment, adds an entry and fires hashchange",
			`addEventListener("hashchange", (e) => console.log("hashchange", e.oldURL, e.newURL, location.hash));
			location.hash = "sec"; console.log(location.href, history.length); location.hash = "#sec"; console.log(history.length)`,
			[]string{"http://example.test/start#sec 2", "2", "hashchange http://example.test/start http://example.test/start#sec #sec"}},
		{"errors", throws + `t(() => history.pushState(null, "", "https://other.test/")); t(() => history.pushState(() => 1, "")); t(() => history.replaceState(null, "", "http://[")); console.log(history.length)`,
			[]string{"SecurityError 18 true", "DataCloneError 25 true", "SecurityError 18 true", "1"}},
	})
}

func TestNavigator(t *testing.T) {
	runScriptTests(t, "http://example.test/", []scriptTest{
		{"properties", `const n = navigator; console.log(n.userAgent.includes("Glassbox"), n.language, n.languages.join(), Object.isFrozen(n.languages), n.onLine, n.hardwareConcurrency >= 1, Number.isInteger(n.hardwareConcurrency), n instanceof Navigator)`,
			[]string{"true en-US en-US,en true true true true true"}},
	})
}

func TestMatchMedia(t *testing.T) {
	runScriptTests(t, "http://example.test/", []scriptTest{
		{"matches through engine/css", `const q = (s) => matchMedia(s).matches;
			console.log(q("(min-width: 600px)"), q("(max-width: 600px)"), q("screen and (orientation: landscape)"), q("print"), q("not print"), q("(width >= 800px)"), q("all"), q("garbage!!"))`,
			[]string{"true false true false true true true false"}},
		{"the object", `const m = matchMedia(" (min-width: 1px) "); console.log(m.media, m instanceof MediaQueryList, m instanceof EventTarget, typeof m.addListener)`,
			[]string{"(min-width: 1px) true true function"}},
	})
}

// A change listener hears the viewport crossing its query at the next
// rendering opportunity.
func TestMatchMediaChange(t *testing.T) {
	var lines []string
	u, _ := url.Parse("http://example.test/")
	resp := &network.Response{URL: u, Status: 200, ContentType: "text/html", Body: []byte(`<script>
	const m = matchMedia("(max-width: 500px)");
	m.addEventListener("change", (e) => console.log("change", e.matches, e.media, m.matches));
	m.onchange = (e) => console.log("onchange", e.matches);
	const tick = () => requestAnimationFrame(tick); tick();
	</script>`)}
	opts := page.Options{VirtualTime: true, Console: func(level, text string) { lines = append(lines, level+": "+text) }}
	p := page.FromResponseWith(context.Background(), nil, resp, opts)
	p.Run(50 * time.Millisecond)
	p.Layout(400, 300)
	p.Run(50 * time.Millisecond)
	want := "log: change true (max-width: 500px) true\nlog: onchange true"
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

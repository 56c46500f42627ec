package page

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"glassbox/engine/bindings"
	"glassbox/engine/html"
	"glassbox/network"
)

// scripted loads markup with scripts on, runs its event loop for d, and
// returns the console lines ("level: text") and the page.
func scripted(t *testing.T, markup string, d time.Duration) ([]string, *Page) {
	t.Helper()
	var lines []string
	u, _ := url.Parse("http://example.test/page.html")
	resp := &network.Response{URL: u, Status: 200, ContentType: "text/html", Body: []byte(markup)}
	opts := Options{VirtualTime: true, Console: func(level, text string) { lines = append(lines, level+": "+text) }}
	p := FromResponseWith(context.Background(), nil, resp, opts)
	p.Run(d)
	return lines, p
}

func TestScripts(t *testing.T) {
	tests := []struct {
		name   string
		markup string
		want   []string
	}{
		{"event loop order: sync, microtask, timeout, animation frame",
			`<script>
			requestAnimationFrame(() => console.log("raf"));
			setTimeout(() => console.log("timeout"), 0);
			Promise.resolve().then(() => console.log("microtask"));
			queueMicrotask(() => console.log("queued microtask"));
			console.log("sync");
			</script>`,
			[]string{"log: sync", "log: microtask", "log: queued microtask", "log: timeout", "log: raf"}},
		{"microtasks run after each timer and each animation frame callback",
			`<script>
			setTimeout(() => { Promise.resolve().then(() => console.log("m1")); }, 0);
			setTimeout(() => {
				console.log("t2");
				requestAnimationFrame(() => { Promise.resolve().then(() => console.log("rm1")); });
				requestAnimationFrame(() => console.log("r2"));
			}, 0);
			</script>`,
			[]string{"log: m1", "log: t2", "log: rm1", "log: r2"}},
		{"parser-blocking scripts see only the nodes before them",
			`<p>one</p><script>console.log(document.querySelectorAll("p").length, document.body.lastChild.tagName)</script>
			<p>two</p><script>console.log(document.querySelectorAll("p").length)</script>`,
			[]string{"log: 1 SCRIPT", "log: 2"}},
		{"document.currentScript",
			`<script id=a>console.log(document.currentScript.id)</script>
			<script id=b>setTimeout(() => console.log(document.currentScript), 0); console.log(document.currentScript.id)</script>`,
			[]string{"log: a", "log: b", "log: null"}},
		{"DOMContentLoaded then load, with readyState",
			`<script>
			document.addEventListener("DOMContentLoaded", () => console.log("dcl", document.readyState));
			window.addEventListener("load", () => console.log("load", document.readyState));
			console.log(document.readyState);
			</script>`,
			[]string{"log: loading", "log: dcl interactive", "log: load complete"}},
		{"event dispatch order: capture, target, bubble; stopPropagation",
			`<div id=outer><p id=inner></p></div><script>
			const o = document.getElementById("outer"), i = document.getElementById("inner");
			const log = (s) => (e) => console.log(s, e.eventPhase);
			document.addEventListener("x", log("doc capture"), true);
			o.addEventListener("x", log("outer capture"), {capture: true});
			o.addEventListener("x", log("outer bubble"));
			i.addEventListener("x", log("target"));
			i.addEventListener("x", log("once"), {once: true});
			document.addEventListener("x", log("doc bubble"));
			i.dispatchEvent(new Event("x", {bubbles: true}));
			o.addEventListener("y", (e) => { console.log("y outer"); e.stopPropagation(); });
			document.addEventListener("y", () => console.log("y doc: not reached"));
			i.dispatchEvent(new CustomEvent("y", {bubbles: true, detail: 1}));
			i.dispatchEvent(new Event("x"));
			</script>`,
			[]string{"log: doc capture 1", "log: outer capture 1", "log: target 2", "log: once 2", "log: outer bubble 3", "log: doc bubble 3",
				"log: y outer", "log: doc capture 1", "log: outer capture 1", "log: target 2"}},
		{"preventDefault and the dispatch result",
			`<script>
			const t = new EventTarget();
			t.addEventListener("c", (e) => e.preventDefault());
			t.addEventListener("p", (e) => e.preventDefault(), {passive: true});
			console.log(t.dispatchEvent(new Event("c", {cancelable: true})), t.dispatchEvent(new Event("p", {cancelable: true})));
			</script>`,
			[]string{"log: false true"}},
		{"uncaught errors, onerror and unhandled rejections are reported",
			`<script>throw new TypeError("first")</script>
			<script>window.onerror = (msg, file, line) => { console.log("onerror:", msg); return true; };
			throw new Error("handled")</script>
			<script>window.onerror = null; Promise.reject(new RangeError("nope"))</script>
			<body><script>document.body.addEventListener("click", () => { null.x });
			document.body.click(); console.log("after")</script>`,
			[]string{"error: Uncaught TypeError: first", "log: onerror: Uncaught Error: handled",
				"error: Uncaught (in promise) RangeError: nope",
				"error: Uncaught TypeError: Cannot read properties of null (reading 'x')", "log: after"}},
		{"a syntax error is reported and the next script runs",
			`<script>let = ;</script><script>console.log("next")</script>`,
			[]string{"error: Uncaught SyntaxError", "log: next"}},
		{"console formatting",
			`<body><script>
			console.info("%s is %d years", "Bob", 42.5, {a: [1, "x"]});
			console.warn(null, undefined, true, document.body);
			console.group("g"); console.debug("in"); console.groupEnd(); console.error("out");
			</script>`,
			[]string{`info: Bob is 42 years {a: [1, "x"]}`, "warn: null undefined true <body>", "log: g", "debug:   in", "error: out"}},
		{"setInterval and clearInterval",
			`<script>let n = 0; const id = setInterval(() => { console.log(++n); if (n == 3) clearInterval(id) }, 10);</script>`,
			[]string{"log: 1", "log: 2", "log: 3"}},
		{"inline event handler attributes",
			`<button onclick="console.log('clicked', event.type, this.tagName)">b</button>
			<script>document.querySelector("button").click()</script>`,
			[]string{"log: clicked click BUTTON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, _ := scripted(t, tt.markup, time.Second)
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d lines:\n%s\nwant:\n%s", len(lines), strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
			for i := range lines {
				if !strings.HasPrefix(lines[i], tt.want[i]) {
					t.Errorf("line %d: got %q, want %q", i, lines[i], tt.want[i])
				}
			}
		})
	}
}

// Scripts change the DOM through the bindings; the result is checked by
// serializing the body.
func TestDOMMutations(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"appendChild insertBefore removeChild replaceChild",
			`const b = document.body, a = document.createElement("a"), i = document.createElement("i");
			b.appendChild(a); b.insertBefore(i, a); b.appendChild(document.createTextNode("t"));
			b.removeChild(a); b.replaceChild(document.createElement("b"), i);`,
			`<b></b>t`},
		{"append prepend before after remove replaceWith",
			`const b = document.body, p = document.createElement("p");
			b.append(p, "x"); b.prepend("y"); p.before("1"); p.after("2", document.createElement("hr"));
			p.replaceWith(document.createElement("em")); b.firstChild.remove();`,
			`1<em></em>2<hr>x`},
		{"innerHTML outerHTML insertAdjacentHTML textContent",
			`const b = document.body; b.innerHTML = "<p id=p>a<b>b</b></p><div></div>";
			document.getElementById("p").insertAdjacentHTML("afterend", "<i>i</i>");
			b.querySelector("div").outerHTML = "<span>s</span>";
			b.querySelector("b").textContent = "<&>";`,
			`<p id="p">a<b>&lt;&amp;&gt;</b></p><i>i</i><span>s</span>`},
		{"attributes, id, className, classList, dataset, style",
			`const d = document.createElement("div"); document.body.append(d);
			d.id = "x"; d.className = "a b"; d.classList.add("c"); d.classList.remove("a"); d.classList.toggle("b");
			d.setAttribute("data-foo-bar", "1"); d.dataset.fooBar = "2"; d.style.color = "red"; d.style.marginTop = "2px";
			d.toggleAttribute("hidden");`,
			`<div id="x" class="c" data-foo-bar="2" style="color: red; margin-top: 2px" hidden=""></div>`},
		{"cloneNode and live collections",
			`const b = document.body; b.innerHTML = "<p class=k>1</p>";
			const live = document.getElementsByClassName("k"), kids = b.childNodes;
			b.appendChild(b.firstChild.cloneNode(true));
			b.append(String(live.length) + kids.length + (b.children[1] === b.lastElementChild));`,
			`<p class="k">1</p><p class="k">1</p>22true`},
		{"fragments and identity",
			`const f = document.createDocumentFragment(); f.append(document.createElement("a"), document.createElement("b"));
			document.body.appendChild(f);
			document.body.append(String(f.childNodes.length) + (document.body.firstChild === document.querySelector("a")) +
			  document.body.firstChild.matches("body > a") + (document.querySelector("b").closest("body") === document.body));`,
			`<a></a><b></b>0truetruetrue`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, p := scripted(t, "<body><script>document.body.innerHTML = '';"+tt.script+"</script>", 0)
			if len(lines) > 0 {
				t.Errorf("console: %q", lines)
			}
			got := html.SerializeChildren(p.Doc.FirstElement("body"))
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// DOM exceptions are DOMExceptions with the right names.
func TestDOMExceptions(t *testing.T) {
	lines, _ := scripted(t, `<body><script>
	const t = (f) => { try { f(); console.log("no throw") } catch (e) { console.log(e.name, e.code, e instanceof DOMException) } };
	t(() => document.body.appendChild(document.documentElement));
	t(() => document.body.removeChild(document.createElement("p")));
	t(() => document.querySelector("!!"));
	t(() => document.createElement("a b"));
	t(() => document.body.classList.add(""));
	t(() => document.body.appendChild("text"));
	</script>`, 0)
	want := []string{"log: HierarchyRequestError 3 true", "log: NotFoundError 8 true", "log: SyntaxError 12 true",
		"log: InvalidCharacterError 5 true", "log: SyntaxError 12 true", "log: TypeError undefined false"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// A script that never ends is interrupted with a console error, and the
// page goes on: later scripts and timers run.
func TestRunawayScript(t *testing.T) {
	old := bindings.ScriptTimeout
	bindings.ScriptTimeout = 200 * time.Millisecond
	defer func() { bindings.ScriptTimeout = old }()
	lines, _ := scripted(t, `<script>for (;;) {}</script><script>setTimeout(() => console.log("still alive"), 10)</script>`, time.Second)
	if len(lines) != 2 || !strings.Contains(lines[0], "error: Uncaught InterruptError") || lines[1] != "log: still alive" {
		t.Errorf("got %q", lines)
	}
}

// Layout is forced by geometry queries and sees script changes.
func TestSyncLayout(t *testing.T) {
	lines, _ := scripted(t, `<body style="margin:0"><div id=d style="width:100px;height:50px"></div><script>
	const d = document.getElementById("d"), r = d.getBoundingClientRect();
	console.log(r.width, r.height, d.offsetWidth);
	d.style.height = "70px";
	console.log(d.getBoundingClientRect().height, d.offsetHeight);
	</script>`, 0)
	want := "log: 100 50 100\nlog: 70 70"
	if strings.Join(lines, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), want)
	}
}

// getComputedStyle sees the sheets parsed so far, inline styles, and
// <style> elements scripts add.
func TestComputedStyle(t *testing.T) {
	lines, _ := scripted(t, `<style>#d { width: 50%; padding: 10px; color: #f00 } p { font-size: 2em }</style>
	<body style="margin:0"><div id=d>x</div><p id=p>y</p><script>
	const d = document.getElementById("d"), cs = getComputedStyle(d);
	console.log(cs.display, cs.width, cs.paddingLeft, cs.color, getComputedStyle(document.getElementById("p")).fontSize);
	d.style.display = "none";
	const s = document.createElement("style"); s.textContent = "p { color: rgb(1, 2, 3) }"; document.head.append(s);
	console.log(cs.display, getComputedStyle(document.getElementById("p")).color);
	</script>`, 0)
	want := "log: block 400px 10px rgb(255, 0, 0) 32px\nlog: none rgb(1, 2, 3)"
	if strings.Join(lines, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), want)
	}
}

// An iframe has a window of its own (another realm on the same event
// loop), reachable through contentWindow, contentDocument and frames.
func TestIframe(t *testing.T) {
	lines, _ := scripted(t, `<body><iframe id=f></iframe><script>
	const f = document.getElementById("f"), w = f.contentWindow;
	console.log(frames.length, w === frames[0], w !== window, w.parent === window, w.Array !== Array);
	w.document.body.innerHTML = "<p>inner</p>";
	console.log(f.contentDocument.body.textContent, w.document.querySelectorAll("p").length, document.querySelectorAll("p").length);
	w.setTimeout(() => console.log("child timer"), 0);
	w.Promise.resolve().then(() => console.log("child microtask"));
	f.addEventListener("load", () => console.log("iframe load"));
	f.remove();
	console.log(w.setTimeout(() => {}, 0));
	</script>`, time.Second)
	want := []string{"log: 1 true true true true", "log: inner 1 0", "log: 0", "log: child microtask", "log: child timer"}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

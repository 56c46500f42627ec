package js

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// memLoader serves modules from a map; keys are the specifiers. With
// deferred set, Load keeps the done callbacks for the test to call later,
// as a browser's network would.
type memLoader struct {
	src      map[string]string
	deferred bool
	pending  []func()
	loads    []string
}

func (l *memLoader) Resolve(specifier, referrer string) (string, error) {
	if strings.HasPrefix(specifier, "bad:") {
		return "", fmt.Errorf("cannot resolve %s", specifier)
	}
	return specifier, nil
}

func (l *memLoader) Load(key, typ string, done func(string, error)) {
	l.loads = append(l.loads, key)
	finish := func() {
		s, ok := l.src[key]
		if !ok {
			done("", fmt.Errorf("no module %s", key))
			return
		}
		done(s, nil)
	}
	if l.deferred {
		l.pending = append(l.pending, finish)
		return
	}
	finish()
}

// newModuleRuntime returns a runtime with log(...) collecting lines.
func newModuleRuntime(t *testing.T, mods map[string]string) (*Runtime, *memLoader, *[]string) {
	t.Helper()
	rt := New()
	var out []string
	rt.Set("log", rt.NewFunction("log", 1, func(c *Call) (Value, error) {
		var parts []string
		for _, a := range c.Args {
			s, err := c.Runtime.ToString(a)
			if err != nil {
				return Undefined(), err
			}
			parts = append(parts, s)
		}
		out = append(out, strings.Join(parts, " "))
		return Undefined(), nil
	}))
	l := &memLoader{src: mods}
	rt.SetModuleLoader(l)
	return rt, l, &out
}

func TestModuleSemantics(t *testing.T) {
	for _, tt := range []struct {
		name string
		mods map[string]string
		main string
		want string // log lines joined by "|"
		err  string // prefix of the error, when the module fails
	}{
		{
			name: "live bindings",
			mods: map[string]string{"a": "export let x = 1; export function inc() { x++; } export { x as y };"},
			main: "import { x, inc, y } from 'a'; log(x, y); inc(); log(x, y);",
			want: "1 1|2 2",
		},
		{
			name: "default exports",
			mods: map[string]string{
				"f": "export default function () { return 'f'; }",
				"c": "export default class { static n = 'c'; }",
				"e": "export default 40 + 2;",
				"n": "export default function named() {} ",
			},
			main: "import f from 'f'; import c from 'c'; import e from 'e'; import n from 'n'; log(f(), f.name, c.n, c.name, e, n.name);",
			want: "f default c default 42 named",
		},
		{
			name: "namespace object",
			mods: map[string]string{"a": "export let b = 2, a = 1; export const c = 3;"},
			main: `import * as ns from 'a';
log(Object.keys(ns), Object.prototype.toString.call(ns), Object.getPrototypeOf(ns), Object.isExtensible(ns));
const d = Object.getOwnPropertyDescriptor(ns, 'a');
log(d.value, d.writable, d.enumerable, d.configurable, 'a' in ns, 'z' in ns, delete ns.z);
try { ns.a = 5; } catch (e) { log(e.name); }
try { delete ns.a; } catch (e) { log(e.name); }`,
			want: "a,b,c [object Module] null false|1 true true false true false true|TypeError|TypeError",
		},
		{
			name: "star exports and re-exports",
			mods: map[string]string{
				"a":   "export const one = 1; export default 'a';",
				"b":   "export const two = 2;",
				"all": "export * from 'a'; export * from 'b'; export { one as uno } from 'a'; export * as nsb from 'b';",
			},
			main: "import * as all from 'all'; log(Object.keys(all), all.nsb.two, 'default' in all);",
			want: "nsb,one,two,uno 2 false",
		},
		{
			name: "cycle with hoisted functions",
			mods: map[string]string{
				"a": "import { fromB } from 'b'; export function fromA() { return 'A'; } log('a runs', fromB());",
				"b": "import { fromA } from 'a'; export function fromB() { return 'B' + fromA(); } log('b runs', fromA());",
			},
			main: "import 'a'; log('main');",
			want: "b runs A|a runs BA|main",
		},
		{
			name: "tdz through an import",
			mods: map[string]string{
				"a": "import { later } from 'b'; export let early = 1; try { later; } catch (e) { log(e.name); }",
				"b": "import { early } from 'a'; try { early; } catch (e) { log('b', e.name); } export let later = 2;",
			},
			main: "import 'a';",
			want: "b ReferenceError",
		},
		{
			name: "import is read only",
			mods: map[string]string{"a": "export let x = 1;"},
			main: "import { x } from 'a'; try { x = 2; } catch (e) { log(e.name, x); }",
			want: "TypeError 1",
		},
		{
			name: "top-level await order",
			mods: map[string]string{
				"slow": "log('slow start'); await null; await null; log('slow end'); export const v = 's';",
				"fast": "log('fast');",
				"dep":  "import { v } from 'slow'; log('dep', v);",
			},
			main: "import 'dep'; import 'fast'; log('main');",
			want: "slow start|fast|slow end|dep s|main",
		},
		{
			name: "dynamic import and import.meta",
			mods: map[string]string{"a": "export const m = import.meta; export const k = 'A';"},
			main: "const ns = await import('a'); log(ns.k, ns.m.url, Object.getPrototypeOf(import.meta), import.meta === import.meta, ns.m === import.meta);",
			want: "A a null true false",
		},
		{
			name: "import() rejects",
			mods: map[string]string{"throws": "throw new RangeError('r');", "syntax": "export { a"},
			main: `for (const s of ['throws', 'syntax', 'missing', 'bad:x']) {
  try { await import(s); } catch (e) { log(s, e.name); }
}
try { await import('throws'); } catch (e) { log('again', e.message); }`,
			want: "throws RangeError|syntax SyntaxError|missing TypeError|bad:x TypeError|again r",
		},
		{
			name: "unresolvable import",
			mods: map[string]string{"a": "export const x = 1;"},
			main: "import { y } from 'a';",
			err:  "SyntaxError: The requested module 'a' does not provide an export named 'y'",
		},
		{
			name: "ambiguous star export",
			mods: map[string]string{
				"a":   "export const x = 1;",
				"b":   "export const x = 2;",
				"amb": "export * from 'a'; export * from 'b';",
			},
			main: "import { x } from 'amb';",
			err:  "SyntaxError: The requested module 'amb' contains conflicting star exports for name 'x'",
		},
		{
			name: "ambiguous names are left out of the namespace",
			mods: map[string]string{
				"a":   "export const x = 1, y = 1;",
				"b":   "export const x = 2;",
				"amb": "export * from 'a'; export * from 'b';",
			},
			main: "import * as ns from 'amb'; log(Object.keys(ns));",
			want: "y",
		},
		{
			name: "evaluation error is cached",
			mods: map[string]string{"bad": "log('bad runs'); throw new TypeError('once');"},
			main: "try { await import('bad'); } catch (e) { log(e.message); } try { await import('bad'); } catch (e) { log(e.message); }",
			want: "bad runs|once|once",
		},
		{
			name: "json and text modules",
			mods: map[string]string{"d.json": `{"k": [1, 2]}`, "t.txt": "some text", "bad.json": "{"},
			main: `import d from 'd.json' with { type: 'json' };
import t from 't.txt' with { type: "text" };
import again from 'd.json' with { 'type': 'json' };
log(d.k, t, d === again);
try { await import('bad.json', { with: { type: 'json' } }); } catch (e) { log(e.name); }
try { await import('d.json', { with: { type: 'css' } }); } catch (e) { log(e.name); }
try { await import('d.json', { with: { kind: 'json' } }); } catch (e) { log(e.name); }`,
			want: "1,2 some text true|SyntaxError|TypeError|SyntaxError",
		},
		{
			name: "this is undefined and code is strict",
			main: "log(this, (function () { return this; })());",
			want: "undefined undefined",
		},
		{
			name: "async module error",
			mods: map[string]string{"a": "await 0; throw new EvalError('late');"},
			main: "import 'a'; log('never');",
			err:  "EvalError: late",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rt, _, out := newModuleRuntime(t, tt.mods)
			p, err := rt.RunModule("main", tt.main)
			if err == nil {
				_, err = rt.Await(p)
			}
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error = %v, want prefix %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %v (log %q)", err, *out)
			}
			if got := strings.Join(*out, "|"); got != tt.want {
				t.Errorf("log = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestModuleEarlyErrors(t *testing.T) {
	for _, src := range []string{
		"export const a = 1; export { a };",
		"export default 1; export default 2;",
		"export { nothere };",
		"import { a } from 'm'; let a;",
		"import { a, a } from 'm';",
		"import a from 'm'; var a;",
		"function f() {} function f() {}",
		"export { 'str' };",
		"export { a as '\\uD800' } from 'm';",
		"return;",
		"new.target;",
		"with ({}) {}",
		"export * from 'm' null;",
		"import 'm' import 'n';",
		"x = 1; <!-- html comment",
		"x = 1;\n--> html comment",
		"import x from 'm' with { type: 'json', type: 'json' };",
		"var await;",
		"class aw\\u0061it {}",
		"function f(await) {}",
	} {
		rt := New()
		_, err := rt.CompileModule("m.js", src)
		var ex *Exception
		if !errors.As(err, &ex) || ex.Name() != "SyntaxError" {
			t.Errorf("%q: error %v, want a SyntaxError", src, err)
		}
	}
	// import.meta is for modules only.
	if _, err := New().RunScript("s.js", "import.meta"); err == nil {
		t.Errorf("import.meta in a script compiled")
	}
}

// TestModuleLoaderAsync loads through a loader that answers later, as a
// browser fetching URLs does, and checks each key is fetched once.
func TestModuleLoaderAsync(t *testing.T) {
	rt, l, out := newModuleRuntime(t, map[string]string{
		"a": "import 'c'; export const a = 'A';",
		"b": "import 'c'; export const b = 'B';",
		"c": "log('c once');",
	})
	l.deferred = true
	p, err := rt.RunModule("main", "import { a } from 'a'; import { b } from 'b'; log(a + b);")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Await(p); !errors.Is(err, ErrPending) {
		t.Fatalf("Await before loads finished = %v, want ErrPending", err)
	}
	for len(l.pending) > 0 {
		f := l.pending[0]
		l.pending = l.pending[1:]
		f()
		if err := rt.RunJobs(); err != nil {
			t.Fatal(err)
		}
	}
	ns, err := rt.Await(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(*out, "|"); got != "c once|AB" {
		t.Errorf("log = %q", got)
	}
	if got := strings.Join(l.loads, ","); got != "a,b,c" {
		t.Errorf("loads = %s, want a,b,c", got)
	}
	v, err := rt.GetProperty(ns, "a")
	if s, _ := rt.ToString(v); err != nil || s != "undefined" {
		t.Errorf("main's namespace has a = %v, %v", s, err)
	}
}

// TestModuleAPISteps drives the steps one by one: load, link, evaluate,
// namespace.
func TestModuleAPISteps(t *testing.T) {
	rt, _, out := newModuleRuntime(t, map[string]string{"dep": "export let v = 'dep';"})
	m, err := rt.CompileModule("root", "import { v } from 'dep'; export const w = v + '!'; log('root');")
	if err != nil {
		t.Fatal(err)
	}
	if m.Status() != "new" || m.Key() != "root" {
		t.Errorf("status %s key %s", m.Status(), m.Key())
	}
	if _, err := rt.Await(m.LoadRequested()); err != nil {
		t.Fatal(err)
	}
	if m.Status() != "unlinked" {
		t.Errorf("after loading: %s", m.Status())
	}
	if err := m.Link(); err != nil {
		t.Fatal(err)
	}
	if m.Status() != "linked" {
		t.Errorf("after linking: %s", m.Status())
	}
	p, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Await(p); err != nil {
		t.Fatal(err)
	}
	if m.Status() != "evaluated" || len(*out) != 1 {
		t.Errorf("after evaluating: %s, log %q", m.Status(), *out)
	}
	w, err := rt.GetProperty(m.Namespace(), "w")
	if s, _ := rt.ToString(w); err != nil || s != "dep!" {
		t.Errorf("ns.w = %q, %v", s, err)
	}
	// Evaluating again runs nothing and gives the same promise.
	if p2, err := m.Evaluate(); err != nil || len(*out) != 1 || p2.Obj() != p.Obj() {
		t.Errorf("second Evaluate: %v, log %q", err, *out)
	}
}

// TestDynamicImportFromScript checks import() in a classic script uses
// the script's name as the referrer.
func TestDynamicImportFromScript(t *testing.T) {
	rt := New()
	var refs []string
	rt.SetModuleLoader(loaderFunc(func(spec, ref string) (string, error) {
		refs = append(refs, ref)
		return spec, nil
	}, map[string]string{"m": "export default 7;"}))
	v, err := rt.RunScript("page.js", "var got; import('m').then(ns => { got = ns.default; });")
	if err != nil {
		t.Fatal(err)
	}
	_ = v
	if err := rt.RunJobs(); err != nil {
		t.Fatal(err)
	}
	got, _ := rt.Get("got")
	if s, _ := rt.ToString(got); s != "7" {
		t.Errorf("got = %s", s)
	}
	if strings.Join(refs, ",") != "page.js" {
		t.Errorf("referrers %q", refs)
	}
}

type funcLoader struct {
	resolve func(spec, ref string) (string, error)
	src     map[string]string
}

func loaderFunc(resolve func(spec, ref string) (string, error), src map[string]string) ModuleLoader {
	return funcLoader{resolve, src}
}

func (l funcLoader) Resolve(spec, ref string) (string, error) { return l.resolve(spec, ref) }

func (l funcLoader) Load(key, typ string, done func(string, error)) {
	s, ok := l.src[key]
	if !ok {
		done("", fmt.Errorf("no %s", key))
		return
	}
	done(s, nil)
}

// TestModuleInterrupt checks an interrupted module comes back as an
// error, not as a promise that never settles.
func TestModuleInterrupt(t *testing.T) {
	rt, _, _ := newModuleRuntime(t, nil)
	m, err := rt.CompileModule("spin", "for (;;) {}")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Await(m.LoadRequested()); err != nil {
		t.Fatal(err)
	}
	if err := m.Link(); err != nil {
		t.Fatal(err)
	}
	rt.Interrupt()
	_, err = m.Evaluate()
	var intr *Interrupted
	if !errors.As(err, &intr) {
		t.Fatalf("Evaluate = %v, want *Interrupted", err)
	}
}

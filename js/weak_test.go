package js

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
)

var weakTests = []struct{ src, want string }{
	// WeakMap.
	{"var k = {}, m = new WeakMap(); m.set(k, 1) === m && m.get(k)", "1"},
	{"var k = {}, m = new WeakMap([[k, 'v']]); [m.has(k), m.get(k), m.delete(k), m.has(k), m.delete(k)].join()", "true,v,true,false,false"},
	{"var s = Symbol('s'), m = new WeakMap(); m.set(s, 2); m.get(s)", "2"},
	{"var m = new WeakMap(); [m.get(1), m.has('x'), m.delete(null), m.get(Symbol.for('r'))].join()", ",false,false,"},
	{"new WeakMap().set(1, 1)", "TypeError: Invalid value used as weak map key: 1"},
	{"try { new WeakMap().set(Symbol.for('x'), 1) } catch (e) { e instanceof TypeError }", "true"},
	{"new WeakMap().set(Symbol.iterator, 1).has(Symbol.iterator)", "true"},
	{"WeakMap()", "TypeError: Constructor WeakMap requires 'new'"},
	{"try { new WeakMap([1]) } catch (e) { e instanceof TypeError }", "true"},
	{"var a = {}, b = {}, m1 = new WeakMap(), m2 = new WeakMap(); m1.set(a, 1); m2.set(a, 2); m1.set(b, 3); [m1.get(a), m2.get(a), m1.get(b), m2.has(b)].join()", "1,2,3,false"},
	{"[WeakMap.length, WeakMap.name, WeakMap.prototype.set.length, WeakMap.prototype.get.length]", "0,WeakMap,2,1"},
	{"Object.prototype.toString.call(new WeakMap())", "[object WeakMap]"},
	{"Object.getPrototypeOf(new WeakMap()) === WeakMap.prototype && WeakMap.prototype.constructor === WeakMap", "true"},
	{"WeakMap.prototype.get.call(new Map(), {})", "TypeError: Method WeakMap.prototype.get called on incompatible receiver #<Object>"},
	{"WeakMap.prototype.get.call(new WeakSet(), {})", "TypeError: Method WeakMap.prototype.get called on incompatible receiver #<Object>"},
	{"class M extends WeakMap {}; var k = {}; var m = new M([[k, 3]]); m instanceof M && m.get(k)", "3"},
	{"var calls = 0; WeakMap.prototype.set = function (k, v) { calls++ }; new WeakMap([[{}, 1], [{}, 2]]); calls", "2"},
	{"WeakMap.prototype.set = 1; try { new WeakMap([]) } catch (e) { e instanceof TypeError }", "true"},
	{"WeakMap.prototype.set = 1; new WeakMap() instanceof WeakMap", "true"},
	// WeakSet.
	{"var k = {}, s = new WeakSet([k]); [s.has(k), s.add(k) === s, s.delete(k), s.has(k)].join()", "true,true,true,false"},
	{"new WeakSet().add('x')", "TypeError: Invalid value used in weak set: \"x\""},
	{"[new WeakSet().has(1), new WeakSet().delete(1)].join()", "false,false"},
	{"[WeakSet.length, WeakSet.name, WeakSet.prototype.add.length, Object.prototype.toString.call(new WeakSet())]", "0,WeakSet,1,[object WeakSet]"},
	{"WeakSet()", "TypeError: Constructor WeakSet requires 'new'"},
	{"'get' in WeakSet.prototype || 'clear' in WeakMap.prototype || 'size' in WeakMap.prototype", "false"},
	// WeakRef.
	{"var o = {}; new WeakRef(o).deref() === o", "true"},
	{"var s = Symbol(); new WeakRef(s).deref() === s", "true"},
	{"new WeakRef(1)", "TypeError: WeakRef: invalid target 1"},
	{"try { new WeakRef(Symbol.for('x')) } catch (e) { e instanceof TypeError }", "true"},
	{"WeakRef({})", "TypeError: Constructor WeakRef requires 'new'"},
	{"[WeakRef.length, WeakRef.prototype.deref.length, Object.prototype.toString.call(new WeakRef({}))]", "1,0,[object WeakRef]"},
	{"try { WeakRef.prototype.deref.call({}) } catch (e) { e instanceof TypeError }", "true"},
	// FinalizationRegistry.
	{"var f = new FinalizationRegistry(() => {}); var t = {}; [f.register(t, 1), f.register(t, 2, t), f.unregister(t), f.unregister(t)].join()", ",,true,false"},
	{"var f = new FinalizationRegistry(() => {}); var tok = Symbol(); f.register({}, 1, tok); f.unregister(tok)", "true"},
	{"new FinalizationRegistry(1)", "TypeError: FinalizationRegistry: cleanup must be callable"},
	{"FinalizationRegistry(() => {})", "TypeError: Constructor FinalizationRegistry requires 'new'"},
	{"var t = {}; try { new FinalizationRegistry(() => {}).register(t, t) } catch (e) { e instanceof TypeError }", "true"},
	{"try { new FinalizationRegistry(() => {}).register(1, 1) } catch (e) { e instanceof TypeError }", "true"},
	{"try { new FinalizationRegistry(() => {}).register({}, 1, 1) } catch (e) { e instanceof TypeError }", "true"},
	{"try { new FinalizationRegistry(() => {}).unregister(1) } catch (e) { e instanceof TypeError }", "true"},
	{"new FinalizationRegistry(() => {}).register({}, 1, undefined)", "undefined"},
	{"[FinalizationRegistry.length, FinalizationRegistry.prototype.register.length, FinalizationRegistry.prototype.unregister.length, Object.prototype.toString.call(new FinalizationRegistry(() => {}))]", "1,2,1,[object FinalizationRegistry]"},
}

func TestWeakCollections(t *testing.T) {
	for _, tt := range weakTests {
		if got := run(t, tt.src); got != tt.want {
			t.Errorf("%s\n got  %q\n want %q", tt.src, got, tt.want)
		}
	}
}

// TestWeakGC checks that weak references let their targets go: a WeakRef
// whose target is unreachable derefs to undefined, a FinalizationRegistry
// callback runs at a later RunJobs, and a WeakMap does not keep a key (nor
// a value referring to its key) alive. Collection is up to the Go runtime,
// so the test retries with runtime.GC and some allocation; what must hold
// whatever the collector does (a live target stays, no callback runs while
// it lives) is checked strictly.
func TestWeakGC(t *testing.T) {
	rt := New()
	var held []string
	rt.Set("log", rt.NewFunction("log", 1, func(c *Call) (Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		held = append(held, s)
		return Undefined(), err
	}))
	mustRun := func(src string) string {
		t.Helper()
		v, err := rt.RunScript("gc.js", src)
		if err == nil {
			err = rt.RunJobs()
		}
		if err != nil {
			t.Fatal(err)
		}
		s, err := rt.ToString(v)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	mustRun(`
		var live = {};
		var liveRef = new WeakRef(live);
		var fr = new FinalizationRegistry(h => log(h));
		var wm = new WeakMap();
		var refs = [];
		(function () {
			for (let i = 0; i < 10; i++) {
				const o = {i};
				refs.push(new WeakRef(o));
				fr.register(o, 'dead' + i);
				wm.set(o, {self: o}); // the value refers to its key
			}
			fr.register(live, 'live');
		})();
	`)
	// Run something else so that no stale register of the interpreter's
	// frames still holds the objects.
	mustRun("(function () { let a = 1, b = 2, c = 3; return a + b + c })()")
	var dead string
	for range 50 {
		runtime.GC()
		_ = make([]byte, 1<<20)
		dead = mustRun("refs.filter(r => r.deref() === undefined).length")
		if dead == "10" && len(held) == 10 {
			break
		}
	}
	if got := mustRun("liveRef.deref() === live"); got != "true" {
		t.Errorf("live WeakRef target: deref() === live is %s", got)
	}
	for _, h := range held {
		if h == "live" {
			t.Errorf("the callback ran for a live target")
		}
	}
	// A stale internal reference (a register of a pooled frame, say) may
	// keep the last object or so alive, so most, not all, must go; every
	// collected target must have had its callback run.
	n, _ := strconv.Atoi(dead)
	if n < 8 {
		t.Errorf("%s of 10 WeakRef targets collected (a WeakMap value referring to its key may be keeping it alive)", dead)
	}
	if len(held) != n || (n > 0 && !strings.HasPrefix(strings.Join(held, ","), "dead")) {
		t.Errorf("finalization callbacks ran for %q, want the %d dead targets", held, n)
	}
}

package js

import "testing"

// TestArrayPatternElisions counts the next() and return() calls an array
// pattern makes on an iterator: every elision, trailing ones included,
// steps the iterator once, and the iterator is closed when not done.
func TestArrayPatternElisions(t *testing.T) {
	const iter = `var n = 0, closed = 0;
function it(len) {
	n = 0; closed = 0;
	return {
		[Symbol.iterator]() { return this; },
		next() { n++; return {done: n > len, value: [n]}; },
		return() { closed++; return {}; },
	};
}
`
	tests := []struct {
		name, src, want string
	}{
		{"var one trailing", `var [a,] = it(9); n + " " + closed + " " + a`, "1 1 1"},
		{"var two trailing", `var [a,,] = it(9); n + " " + closed`, "2 1"},
		{"let three trailing", `let [a,,,] = it(9); n + " " + closed`, "3 1"},
		{"const leading and trailing", `const [,b,,] = it(9); n + " " + closed + " " + b`, "3 1 2"},
		{"done before the holes", `var [a,,,] = it(1); n + " " + closed`, "2 0"},
		{"default value", `var [a = 5,,] = it(9); n + " " + closed`, "2 1"},
		{"nested pattern", `var [[a,,],,,] = [it(9)]; n + " " + closed`, "2 1"},
		{"outer of nested", `var [[a],,] = it(9); n + " " + a`, "2 1"},
		{"object element", `var [{x},,] = it(9); n + " " + closed`, "2 1"},
		{"object element with key", `var [{x: y},,] = it(9); n`, "2"},
		{"parameter", `(function ([a,,,]) {})(it(9)); n + " " + closed`, "3 1"},
		{"arrow parameter", `(([a,,]) => {})(it(9)); n + " " + closed`, "2 1"},
		{"catch", `try { throw it(9); } catch ([a,,]) {} n + " " + closed`, "2 1"},
		{"for-of", `for (var [a,,] of [it(9)]) {} n + " " + closed`, "2 1"},
		{"redeclared var", `var [a,,] = it(9); var [a] = it(9); n + " " + closed`, "1 1"},
		{"var only elision", `var [,] = it(9); n + " " + closed`, "1 1"},
		{"let only elisions", `let [,,] = it(9); n + " " + closed`, "2 1"},
		{"empty pattern", `var [] = it(9); n + " " + closed`, "0 1"},
		{"only elisions after literals", `var x = [,,], y = []; var [,,,] = it(9); n + " " + x.length`, "3 2"},
		{"parameter only elisions", `(function ([,,]) {})(it(9)); n + " " + closed`, "2 1"},
		{"catch only elision", `try { throw it(9); } catch ([,]) {} n + " " + closed`, "1 1"},
		{"only elisions in nested pattern", `var [[,,]] = [it(9)]; n + " " + closed`, "2 1"},
		{"no trailing", `var [a] = it(9); n + " " + closed`, "1 1"},
		{"rest", `var [a, ...r] = it(3); n + " " + r.length`, "4 2"},
		{"assignment", `var a; [a,,] = it(9); n + " " + closed`, "2 1"},
		{"assignment only holes", `[,,] = it(9); n + " " + closed`, "2 1"},
		{"array literal is not a pattern", `[1,,].length + " " + [1,,,].length`, "2 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := run(t, iter+tt.src); got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

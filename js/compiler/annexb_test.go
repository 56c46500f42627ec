package compiler

import "testing"

func TestWrapIfFunctions(t *testing.T) {
	for _, tt := range []struct {
		src, want string
		names     []int // offsets of the wrapped names in want
	}{
		{"if (x) function f(){}", "if (x){function f(){}}", []int{16}},
		{"if (x) function f(){} else function g(){}", "if (x){function f(){}}else{function g(){}}", []int{16, 36}},
		{"if(x)function f(){}\n", "if(x){function f(){}}\n", []int{15}},
		{"if (a) function f(){ if (b) function g(){} }", "if (a){function f(){ if (b){function g(){}}}}", []int{16, 37}},
		{"x = (function f(){}); while (x) function g(){}", "", nil},
		{"if (x) function* g(){}", "", nil},
	} {
		out, names, ok := wrapIfFunctions([]byte(tt.src))
		if !ok {
			if tt.want != "" {
				t.Errorf("%q: nothing wrapped, want %q", tt.src, tt.want)
			}
			continue
		}
		if string(out) != tt.want {
			t.Errorf("%q: got %q, want %q", tt.src, out, tt.want)
		}
		if len(names) != len(tt.names) {
			t.Errorf("%q: got names %v, want %v", tt.src, names, tt.names)
		}
		for _, o := range tt.names {
			if !names[o] {
				t.Errorf("%q: got names %v, want %v", tt.src, names, tt.names)
			}
		}
	}
}

package vm

import (
	"testing"

	"glassbox/js/compiler"
)

func TestInspectBinaryData(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"new Uint8Array([1, 2])", "Uint8Array(2) [ 1, 2 ]"},
		{"new BigInt64Array(1)", "BigInt64Array(1) [ 0n ]"},
		{"new Float64Array(0)", "Float64Array(0) [ ]"},
		{"new ArrayBuffer(4)", "ArrayBuffer { byteLength: 4 }"},
		{"var b = new ArrayBuffer(4); b.transfer(); b", "ArrayBuffer { (detached), byteLength: 0 }"},
		{"new SharedArrayBuffer(2)", "SharedArrayBuffer { byteLength: 2 }"},
		{"new DataView(new ArrayBuffer(4), 1)", "DataView { byteLength: 3, byteOffset: 1 }"},
	} {
		it, r := NewInterp()
		tmpl, err := compiler.Compile("test.js", tt.src, compiler.Options{})
		if err != nil {
			t.Fatal(err)
		}
		v, err := it.RunTemplate(r, tmpl)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		if got := Inspect(v); got != tt.want {
			t.Errorf("Inspect(%s) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

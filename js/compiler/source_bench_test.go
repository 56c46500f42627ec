package compiler

import (
	"os"
	"testing"
)

// BenchmarkCompileLarge compiles a large script: the cost of the second
// scan for function source text shows here.
func BenchmarkCompileLarge(b *testing.B) {
	src, err := os.ReadFile("../../../shared/bench/v8-v7/earley-boyer.js")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Compile("bench.js", string(src), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

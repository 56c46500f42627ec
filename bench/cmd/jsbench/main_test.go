package main

import (
	"slices"
	"testing"

	"glassbox/bench/harness"
)

func TestSelectBenchmarks(t *testing.T) {
	all := []harness.Benchmark{
		{Name: "Richards", File: "richards.js"},
		{Name: "EarleyBoyer", File: "earley-boyer.js"},
		{Name: "Splay", File: "splay.js"},
	}
	names := func(bs []harness.Benchmark) []string {
		var s []string
		for _, b := range bs {
			s = append(s, b.Name)
		}
		return s
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"Richards", "EarleyBoyer", "Splay"}},
		{[]string{"splay", "RICHARDS"}, []string{"Richards", "Splay"}},
		{[]string{"earley-boyer.js"}, []string{"EarleyBoyer"}},
		{[]string{"earley-boyer", "EarleyBoyer"}, []string{"EarleyBoyer"}},
	} {
		got, err := selectBenchmarks(all, tc.args)
		if err != nil || !slices.Equal(names(got), tc.want) {
			t.Errorf("selectBenchmarks(%q) = %v, %v; want %v", tc.args, names(got), err, tc.want)
		}
	}
	if _, err := selectBenchmarks(all, []string{"Richards", "nope"}); err == nil {
		t.Error("selectBenchmarks with an unknown name succeeded")
	}
}

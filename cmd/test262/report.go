package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
)

// report writes the summary of a run: with verbose, a FAIL line for each
// failed file; then passed/total for each group, sorted; then the totals,
// last.
func report(w io.Writer, results []result, verbose bool) error {
	type count struct{ passed, total int }
	groups := make(map[string]*count)
	passed := 0
	for _, res := range results {
		c := groups[res.group]
		if c == nil {
			c = new(count)
			groups[res.group] = c
		}
		c.total++
		if res.Pass {
			c.passed++
			passed++
		} else if verbose {
			if _, err := fmt.Fprintf(w, "FAIL %s: %s\n", res.Path, res.Reason); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		c := groups[g]
		pct := 100 * float64(c.passed) / float64(c.total)
		if _, err := fmt.Fprintf(w, "%s: %d/%d (%.1f%%)\n", g, c.passed, c.total, pct); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%d passed, %d failed\n", passed, len(results)-passed)
	return err
}

// jsonReport is the document that -json writes.
type jsonReport struct {
	Passed int      `json:"passed"`
	Failed int      `json:"failed"`
	Tests  []result `json:"tests"`
}

// writeJSON writes every file's result to a JSON file.
func writeJSON(name string, results []result) error {
	rep := jsonReport{Tests: results}
	for _, res := range results {
		if res.Pass {
			rep.Passed++
		} else {
			rep.Failed++
		}
	}
	b, err := json.MarshalIndent(rep, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(b, '\n'), 0o666)
}

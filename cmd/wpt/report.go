package main

import (
	"fmt"
	"io"
	"path"
	"sort"
)

// counts are subtest totals.
type counts struct {
	pass, fail int
	// chromium is how many subtests Chromium passes; both how many of
	// those pass here.
	chromium, both int
}

func (c *counts) add(d counts) {
	c.pass += d.pass
	c.fail += d.fail
	c.chromium += d.chromium
	c.both += d.both
}

// score counts one file's subtests. A file whose harness did not finish
// OK fails all its subtests, or one if it reported none.
func score(r result, ref *reference) counts {
	var c counts
	ok := r.harness == "OK"
	passed := map[string]bool{}
	for _, t := range r.tests {
		if ok && t.Status == 0 {
			c.pass++
			passed[t.Name] = true
		} else {
			c.fail++
		}
	}
	if len(r.tests) == 0 && !ok {
		c.fail = 1
	}
	if ref != nil {
		if rf, found := ref.Files[r.file]; found {
			c.chromium = rf.Pass
			notPassing := map[string]bool{}
			for _, np := range rf.NotPassing {
				notPassing[np.Name] = true
			}
			for name := range passed {
				if !notPassing[name] {
					c.both++
				}
			}
			c.both = min(c.both, c.chromium)
		}
	}
	return c
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func report(w io.Writer, results []result, ref *reference, verbose bool) {
	folders := map[string]*counts{}
	var total counts
	for _, r := range results {
		c := score(r, ref)
		dir := path.Dir(r.file)
		if folders[dir] == nil {
			folders[dir] = &counts{}
		}
		folders[dir].add(c)
		total.add(c)
		if verbose {
			fmt.Fprintf(w, "%s: %s %d/%d (%v)", r.file, r.harness, c.pass, c.pass+c.fail, r.elapsed.Round(1e6))
			if r.message != "" {
				fmt.Fprintf(w, " %s", r.message)
			}
			fmt.Fprintln(w)
			for _, t := range r.tests {
				if t.Status != 0 {
					st := "?"
					if t.Status < len(testStatus) {
						st = testStatus[t.Status]
					}
					fmt.Fprintf(w, "  %s %q: %s\n", st, t.Name, t.Message)
				}
			}
		}
	}
	dirs := make([]string, 0, len(folders))
	for d := range folders {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		c := folders[d]
		line := fmt.Sprintf("%-50s %5d/%-5d passed", d+"/", c.pass, c.pass+c.fail)
		if ref != nil {
			line += fmt.Sprintf("  of Chromium's %d passes: %d (%s)", c.chromium, c.both, pct(c.both, c.chromium))
		}
		fmt.Fprintln(w, line)
	}
	if ref != nil {
		fmt.Fprintf(w, "Chromium 156 passes %d of these subtests; %d of them pass here (%s)\n", total.chromium, total.both, pct(total.both, total.chromium))
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", total.pass, total.fail)
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// targets are the folders where the goal is to pass at least 90% of the
// tests Chromium passes.
var targets = map[string]bool{
	"css21": true, "css-flexbox-1": true, "css-grid-1": true, "css-backgrounds-3": true,
	"css-transforms-1": true, "css-color-3": true, "css-values-3": true,
}

// targetShare is the share of Chromium's passes to reach in targets.
const targetShare = 0.9

// folder returns the folder directly under the root that a test is in,
// "." for a test in the root itself.
func folder(path string) string {
	if i := strings.IndexByte(path, '/'); i >= 0 {
		return path[:i]
	}
	return "."
}

// A tally counts tests.
type tally struct{ passed, total int }

func (t tally) String() string {
	pct := 0.0
	if t.total > 0 {
		pct = 100 * float64(t.passed) / float64(t.total)
	}
	return fmt.Sprintf("%d/%d (%.1f%%)", t.passed, t.total, pct)
}

// byFolder tallies results, with keep choosing those counted.
func byFolder(results []*result, keep func(*result) bool) (map[string]*tally, []string) {
	m := make(map[string]*tally)
	var names []string
	for _, r := range results {
		if !keep(r) {
			continue
		}
		f := folder(r.Path)
		t := m[f]
		if t == nil {
			t = new(tally)
			m[f] = t
			names = append(names, f)
		}
		t.total++
		if r.Pass {
			t.passed++
		}
	}
	sort.Strings(names)
	return m, names
}

// summarize prints passed/total per folder, the comparison with Chromium
// when its results are given, and notes on chains, timeouts and panics.
func summarize(w io.Writer, results []*result, chromium map[string]bool, chains bool) {
	all := func(*result) bool { return true }
	m, names := byFolder(results, all)
	width := len("total")
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "%-*s %s\n", width, n, m[n])
	}
	if chromium != nil {
		compareChromium(w, results, chromium, width)
	}
	var changed, timedOut, panicked int
	for _, r := range results {
		if r.Pass != r.PassDirect {
			changed++
		}
		if r.timedOut {
			timedOut++
		}
		if r.panicked {
			panicked++
		}
	}
	if chains {
		fmt.Fprintf(w, "# %d tests change status when references' own references are checked too\n", changed)
	}
	fmt.Fprintf(w, "# %d tests failed on a timeout, %d on a panic\n", timedOut, panicked)
}

// compareChromium prints, per folder, how many of the tests Chromium
// passes pass here too.
func compareChromium(w io.Writer, results []*result, chromium map[string]bool, width int) {
	fmt.Fprintln(w, "# of the tests Chromium passes, passed here:")
	m, names := byFolder(results, func(r *result) bool { return chromium[r.Path] })
	var sum tally
	for _, n := range names {
		t := m[n]
		sum.passed += t.passed
		sum.total += t.total
		line := fmt.Sprintf("%-*s %s", width, n, t)
		if targets[n] {
			if float64(t.passed) >= targetShare*float64(t.total) {
				line += "  target 90%: met"
			} else {
				need := (t.total*9+9)/10 - t.passed
				line += fmt.Sprintf("  target 90%%: %d more", need)
			}
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "%-*s %s\n", width, "total", sum)
	var better, unknown int
	for _, r := range results {
		pass, ok := chromium[r.Path]
		switch {
		case !ok:
			unknown++
		case r.Pass && !pass:
			better++
		}
	}
	fmt.Fprintf(w, "# %d tests pass here and fail in Chromium; %d are not in its results\n", better, unknown)
}

// printTotals prints the last line.
func printTotals(w io.Writer, results []*result) {
	passed := 0
	for _, r := range results {
		if r.Pass {
			passed++
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, len(results)-passed)
}

// readResults reads a results file of "PASS path" and "FAIL path" lines,
// as this command prints them; other lines are ignored.
func readResults(name string) (map[string]bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			continue
		}
		switch fields[0] {
		case "PASS":
			m[fields[1]] = true
		case "FAIL":
			m[fields[1]] = false
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: no PASS or FAIL lines", name)
	}
	return m, nil
}

func writeJSON(name string, results []*result) error {
	b, err := json.MarshalIndent(results, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(b, '\n'), 0o644)
}

// A reportWriter writes the pictures of failed tests as they fail, and an
// index.html showing them side by side at the end.
type reportWriter struct {
	dir  string
	mu   sync.Mutex
	rows []reportRow
}

type reportRow struct {
	Path, Reason          string
	Rel, To               string
	Test, Ref, Diff       string // picture file names, "" when missing
	DiffPixels, MaxDiffer int
}

func newReportWriter(dir string) (*reportWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &reportWriter{dir: dir}, nil
}

// add writes the pictures of a failed test's culprit comparison, taken
// from the cache.
func (rw *reportWriter) add(r *result, s *suite, c *cache) {
	row := reportRow{Path: r.Path, Reason: r.Reason}
	if cmp := r.culprit; cmp != nil {
		row.Rel, row.To = cmp.Rel, cmp.To
		row.DiffPixels, row.MaxDiffer = cmp.DiffPixels, cmp.MaxDiff
		base := strings.NewReplacer("/", "__", ".", "_").Replace(r.Path)
		var test, ref *image.RGBA
		if d := s.docs[cmp.from]; d != nil {
			test, _ = c.get(d)
		}
		if d := s.docs[cmp.to]; d != nil {
			ref, _ = c.get(d)
		}
		row.Test = rw.writePNG(base+"-test.png", test)
		row.Ref = rw.writePNG(base+"-ref.png", ref)
		if test != nil && ref != nil {
			row.Diff = rw.writePNG(base+"-diff.png", diffImage(test, ref))
		}
	}
	rw.mu.Lock()
	rw.rows = append(rw.rows, row)
	rw.mu.Unlock()
}

// writePNG writes img in the report's folder and returns its name, or ""
// when there is no picture or it cannot be written.
func (rw *reportWriter) writePNG(name string, img image.Image) string {
	if img == nil {
		return ""
	}
	f, err := os.Create(filepath.Join(rw.dir, name))
	if err != nil {
		return ""
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return ""
	}
	if f.Close() != nil {
		return ""
	}
	return name
}

// diffImage shows where a and b differ: differing pixels red, the others
// a faded grey of a.
func diffImage(a, b *image.RGBA) *image.RGBA {
	r := a.Rect.Union(b.Rect)
	out := image.NewRGBA(r)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := image.Pt(x, y)
			if !p.In(a.Rect) || !p.In(b.Rect) || a.RGBAAt(x, y) != b.RGBAAt(x, y) {
				out.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
				continue
			}
			c := a.RGBAAt(x, y)
			l := (int(c.R)*299 + int(c.G)*587 + int(c.B)*114) / 1000
			g := uint8(192 + l/4)
			out.SetRGBA(x, y, color.RGBA{g, g, g, 255})
		}
	}
	return out
}

var reportPage = template.Must(template.New("report").Parse(`<!doctype html>
<meta charset="utf-8">
<title>Reftest failures</title>
<style>
body { font: 14px sans-serif; margin: 1em; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 4px; vertical-align: top; }
img { width: 400px; height: 300px; border: 1px solid #888; image-rendering: pixelated; }
.reason { max-width: 60em; white-space: pre-wrap; color: #600; }
</style>
<h1>{{len .}} failures</h1>
<p>Pictures at half size; open one for full size. In the difference, red pixels differ.</p>
<table>
<tr><th>test</th><th>test rendering</th><th>reference rendering</th><th>difference</th></tr>
{{range .}}<tr>
<td><b>{{.Path}}</b>{{if .To}}<br>{{.Rel}} {{.To}}<br>{{.DiffPixels}} pixels differ, by up to {{.MaxDiffer}}{{end}}<div class="reason">{{.Reason}}</div></td>
<td>{{if .Test}}<a href="{{.Test}}"><img src="{{.Test}}" alt="test"></a>{{end}}</td>
<td>{{if .Ref}}<a href="{{.Ref}}"><img src="{{.Ref}}" alt="reference"></a>{{end}}</td>
<td>{{if .Diff}}<a href="{{.Diff}}"><img src="{{.Diff}}" alt="difference"></a>{{end}}</td>
</tr>
{{end}}</table>
`))

// finish writes index.html.
func (rw *reportWriter) finish() error {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	sort.Slice(rw.rows, func(i, j int) bool { return rw.rows[i].Path < rw.rows[j].Path })
	f, err := os.Create(filepath.Join(rw.dir, "index.html"))
	if err != nil {
		return err
	}
	if err := reportPage.Execute(f, rw.rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

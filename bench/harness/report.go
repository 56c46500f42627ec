package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// EngineInfo names an engine in a report.
type EngineInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// A Row is one benchmark's results, by engine name.
type Row struct {
	Name    string             `json:"name"`
	Results map[string]*Result `json:"results"`
}

// A Total is an engine's total over the benchmarks it ran without error.
type Total struct {
	Value float64 `json:"value"`
	Count int     `json:"count"` // benchmarks that count towards it
}

// A Ratio compares the baseline engine (the first) with another, as
// baseline figure divided by the other's.
type Ratio struct {
	Of   string  `json:"of"`   // baseline engine
	To   string  `json:"to"`   // the other engine
	Rows []Float `json:"rows"` // by row; NaN (null in JSON) where either failed
	// Total compares the two totals over the benchmarks that both ran
	// without error; Count is how many.
	Total Float `json:"total"`
	Count int   `json:"count"`
}

// Float is a float64 that is null in JSON when it is not a number.
type Float float64

func (f Float) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
}

func (f *Float) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = Float(math.NaN())
		return nil
	}
	x, err := strconv.ParseFloat(string(b), 64)
	*f = Float(x)
	return err
}

// WriteJSON writes rep as indented JSON.
func (rep *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// A Report holds the results of running a suite on several engines.
type Report struct {
	Suite          string           `json:"suite"`
	Dir            string           `json:"dir"`
	Unit           string           `json:"unit"`
	HigherIsBetter bool             `json:"higher_is_better"`
	TotalName      string           `json:"total_name"`
	Runs           int              `json:"runs,omitempty"`
	Timeout        time.Duration    `json:"timeout_ns"`
	Started        time.Time        `json:"started"`
	Host           string           `json:"host"`
	Engines        []EngineInfo     `json:"engines"`
	Rows           []Row            `json:"benchmarks"`
	Totals         map[string]Total `json:"totals"`
	Ratios         []Ratio          `json:"ratios"`
}

// A Config says what Run runs.
type Config struct {
	Suite      Suite
	Engines    []Engine
	Benchmarks []Benchmark   // nil for all of the suite's
	Timeout    time.Duration // per benchmark and engine; 0 for none
	Progress   io.Writer     // if not nil, gets a line per result
}

// Run runs each benchmark on each engine in turn and returns the report.
func Run(ctx context.Context, c Config) *Report {
	rep := &Report{
		Suite:          c.Suite.Name(),
		Dir:            c.Suite.Dir(),
		Unit:           c.Suite.Unit(),
		HigherIsBetter: c.Suite.HigherIsBetter(),
		TotalName:      c.Suite.TotalName(),
		Timeout:        c.Timeout,
		Started:        time.Now(),
		Host:           fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version()),
	}
	if ss, ok := c.Suite.(*SunSpider); ok {
		rep.Runs = ss.Runs
	}
	for _, e := range c.Engines {
		rep.Engines = append(rep.Engines, EngineInfo{Name: e.Name(), Title: e.Title()})
	}
	benchmarks := c.Benchmarks
	if benchmarks == nil {
		benchmarks = c.Suite.Benchmarks()
	}
	for _, b := range benchmarks {
		if ctx.Err() != nil {
			break // interrupted: report what ran
		}
		row := Row{Name: b.Name, Results: make(map[string]*Result)}
		for _, e := range c.Engines {
			if ctx.Err() != nil {
				break
			}
			bctx, cancel := ctx, context.CancelFunc(func() {})
			if c.Timeout > 0 {
				bctx, cancel = context.WithTimeout(ctx, c.Timeout)
			}
			r := c.Suite.Run(bctx, e, b)
			cancel()
			row.Results[e.Name()] = r
			if c.Progress != nil {
				fmt.Fprintf(c.Progress, "%s %s %s: %s (%.1fs)\n", rep.Suite, b.Name, e.Name(),
					rep.formatResult(r, 0), r.Elapsed.Seconds())
			}
		}
		rep.Rows = append(rep.Rows, row)
	}
	rep.Summarize(c.Suite.Total)
	return rep
}

// Summarize computes rep's totals and ratios from its rows, combining
// figures with total.
func (rep *Report) Summarize(total func([]float64) float64) {
	rep.Totals = make(map[string]Total)
	for _, e := range rep.Engines {
		var v []float64
		for _, row := range rep.Rows {
			if r := row.Results[e.Name]; r.OK() {
				v = append(v, r.Value)
			}
		}
		rep.Totals[e.Name] = Total{Value: total(v), Count: len(v)}
	}
	rep.Ratios = nil
	if len(rep.Engines) == 0 {
		return
	}
	base := rep.Engines[0].Name
	for _, e := range rep.Engines[1:] {
		ra := Ratio{Of: base, To: e.Name}
		var a, b []float64
		for _, row := range rep.Rows {
			ra2, rb := row.Results[base], row.Results[e.Name]
			if !ra2.OK() || !rb.OK() || rb.Value == 0 {
				ra.Rows = append(ra.Rows, Float(math.NaN()))
				continue
			}
			ra.Rows = append(ra.Rows, Float(ra2.Value/rb.Value))
			a = append(a, ra2.Value)
			b = append(b, rb.Value)
		}
		ra.Count = len(a)
		ra.Total = Float(math.NaN())
		if tb := total(b); len(a) > 0 && tb != 0 {
			ra.Total = Float(total(a) / tb)
		}
		rep.Ratios = append(rep.Ratios, ra)
	}
}

// formatValue formats a figure as the suite prints it: V8 scores like
// BenchmarkSuite.FormatScore, times in milliseconds to 0.1 ms.
func (rep *Report) formatValue(v float64) string {
	if rep.Unit == "score" {
		if v > 100 {
			return fmt.Sprintf("%.0f", v)
		}
		return fmt.Sprintf("%.3g", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// formatResult formats a result for a table cell, cutting error messages
// to width runes when width > 0.
func (rep *Report) formatResult(r *Result, width int) string {
	switch {
	case r == nil:
		return "-"
	case r.Err != "":
		s := "error: " + r.Err
		if width > 0 && len([]rune(s)) > width {
			s = string([]rune(s)[:width-1]) + "…"
		}
		return s
	}
	return rep.formatValue(r.Value)
}

func formatRatio(f Float) string {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	return fmt.Sprintf("%.3g", x)
}

// errWidth is the widest an error message gets in a table cell; the whole
// message follows the table.
const errWidth = 40

// WriteTable writes rep as a table, one row per benchmark, then the totals,
// the ratios of the first engine's figures to the others', and the full
// text of any errors.
func (rep *Report) WriteTable(w io.Writer) error {
	header := []string{"benchmark"}
	for _, e := range rep.Engines {
		header = append(header, e.Title)
	}
	for _, ra := range rep.Ratios {
		header = append(header, ra.Of+"/"+ra.To)
	}
	rows := [][]string{header}
	var errs []string
	for i, row := range rep.Rows {
		cells := []string{row.Name}
		for _, e := range rep.Engines {
			r := row.Results[e.Name]
			cells = append(cells, rep.formatResult(r, errWidth))
			if r != nil && r.Err != "" {
				errs = append(errs, fmt.Sprintf("%s on %s: %s", row.Name, e.Title, r.Err))
			}
		}
		for _, ra := range rep.Ratios {
			cells = append(cells, formatRatio(ra.Rows[i]))
		}
		rows = append(rows, cells)
	}
	partial := false
	totals := []string{rep.TotalName}
	for _, e := range rep.Engines {
		t := rep.Totals[e.Name]
		s := "-"
		if t.Count > 0 {
			s = rep.formatValue(t.Value)
		}
		if t.Count < len(rep.Rows) {
			s += "*"
			partial = true
		}
		totals = append(totals, s)
	}
	for _, ra := range rep.Ratios {
		s := formatRatio(ra.Total)
		if ra.Count < len(rep.Rows) {
			s += "*"
			partial = true
		}
		totals = append(totals, s)
	}
	rows = append(rows, totals)

	var b strings.Builder
	writeAligned(&b, rows, len(rows)-1)
	better := "higher is better"
	if !rep.HigherIsBetter {
		better = "lower is better"
	}
	fmt.Fprintf(&b, "\nFigures: %s (%s)", rep.Unit, better)
	if rep.Runs > 0 {
		fmt.Fprintf(&b, ", mean of %d runs", rep.Runs)
	}
	b.WriteString("; ratios divide the first engine's figure by the other's.\n")
	if partial {
		b.WriteString("* counts only the benchmarks without errors (for a ratio, those both engines ran).\n")
	}
	if len(errs) > 0 {
		b.WriteString("\nErrors:\n")
		for _, e := range errs {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMemory writes the peak memory of each engine on each benchmark:
// the Go heap for engines in this process, the resident set for engines
// in a subprocess (which includes the whole process, so the two kinds
// are not comparable).
func (rep *Report) WriteMemory(w io.Writer) error {
	header := []string{"peak memory (MiB)"}
	for _, e := range rep.Engines {
		header = append(header, e.Title)
	}
	rows := [][]string{header}
	kinds := make([]string, len(rep.Engines))
	for _, row := range rep.Rows {
		cells := []string{row.Name}
		for i, e := range rep.Engines {
			r := row.Results[e.Name]
			s := "-"
			switch {
			case r == nil:
			case r.PeakHeap > 0:
				s = fmt.Sprintf("%.1f", float64(r.PeakHeap)/(1<<20))
				kinds[i] = "Go heap"
			case r.PeakRSS > 0:
				s = fmt.Sprintf("%.1f", float64(r.PeakRSS)/(1<<20))
				kinds[i] = "RSS"
			}
			cells = append(cells, s)
		}
		rows = append(rows, cells)
	}
	kindRow := []string{"(measure)"}
	for _, k := range kinds {
		if k == "" {
			k = "-"
		}
		kindRow = append(kindRow, k)
	}
	rows = append(rows, kindRow)
	var b strings.Builder
	writeAligned(&b, rows, len(rows)-1)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAligned writes rows as a pipe-separated table with a rule under the
// header and above row rule (if > 1). The first column is aligned left,
// the others right.
func writeAligned(b *strings.Builder, rows [][]string, rule int) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	line := func() {
		for i, wd := range width {
			if i > 0 {
				b.WriteString("-|-")
			}
			b.WriteString(strings.Repeat("-", wd))
		}
		b.WriteString("\n")
	}
	for j, r := range rows {
		if j == 1 || (j == rule && rule > 1) {
			line()
		}
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i > 0 {
				b.WriteString(" | ")
			}
			if i == 0 {
				b.WriteString(c)
				if len(r) > 1 {
					b.WriteString(pad)
				}
			} else {
				b.WriteString(pad + c)
			}
		}
		b.WriteString("\n")
	}
}

package harness

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

//go:embed node_prelude.js
var nodePrelude string

func init() {
	register("node", func() (Engine, error) {
		return newNodeEngine("node", "node --jitless", "--jitless")
	})
	register("node-jit", func() (Engine, error) {
		return newNodeEngine("node-jit", "node (JIT)")
	})
}

// nodeEngine runs each script in a fresh node process, with a prelude that
// defines the host functions.
type nodeEngine struct {
	name, title string
	path        string   // node executable
	flags       []string // flags before -e
}

func newNodeEngine(name, title string, flags ...string) (Engine, error) {
	path, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("engine %s: %w", name, err)
	}
	return &nodeEngine{name: name, title: title, path: path, flags: flags}, nil
}

func (e *nodeEngine) Name() string  { return e.name }
func (e *nodeEngine) Title() string { return e.title }

func (e *nodeEngine) Run(ctx context.Context, s Script) (Output, error) {
	var out Output
	loadable := ""
	if s.Loadable != nil {
		b, err := json.Marshal(s.Loadable)
		if err != nil {
			return out, err
		}
		loadable = string(b)
	}
	args := append(append([]string{}, e.flags...), "-e", nodePrelude, "--", s.Dir, s.Name, loadable)
	cmd := exec.CommandContext(ctx, e.path, args...)
	cmd.Stdin = strings.NewReader(s.Source)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr

	start := time.Now()
	err := cmd.Run()
	out.Elapsed = time.Since(start)
	out.Lines = splitLines(stdout.String())
	out.PeakRSS = parseRSS(stderr.String())

	switch {
	case ctx.Err() != nil:
		return out, fmt.Errorf("%w after %v", ErrTimeout, out.Elapsed.Round(time.Second))
	case err != nil:
		for _, line := range strings.Split(stderr.String(), "\n") {
			if msg, ok := strings.CutPrefix(line, "jsbench-error: "); ok {
				return out, errors.New(msg)
			}
		}
		if msg := lastDiagnostic(stderr.String()); msg != "" {
			return out, fmt.Errorf("%v: %s", err, msg)
		}
		return out, err
	}
	return out, nil
}

// parseRSS returns the peak resident set size that the prelude reports
// on standard error, in bytes, or 0.
func parseRSS(stderr string) uint64 {
	for _, line := range strings.Split(stderr, "\n") {
		if kb, ok := strings.CutPrefix(line, "jsbench-rss-kb: "); ok {
			n, err := strconv.ParseUint(strings.TrimSpace(kb), 10, 64)
			if err == nil {
				return n * 1024
			}
		}
	}
	return 0
}

// splitLines splits s into lines, dropping the final newline.
func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// lastDiagnostic returns the last non-blank line of node's standard error
// that the prelude did not write.
func lastDiagnostic(stderr string) string {
	lines := splitLines(stderr)
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" && !strings.HasPrefix(l, "jsbench-") {
			return l
		}
	}
	return ""
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	results := []result{
		{Path: "test/language/expressions/addition/a.js", Pass: true, group: "test/language/expressions/addition"},
		{Path: "test/language/expressions/addition/b.js", Reason: "strict: Test262Error: no", group: "test/language/expressions/addition"},
		{Path: "test/language/expressions/addition/c.js", Pass: true, group: "test/language/expressions/addition"},
		{Path: "test/language/statements/for/a.js", Reason: "skipped: feature x", group: "test/language/statements/for"},
		{Path: "test/language/arguments-object/a.js", Pass: true, group: "test/language/arguments-object"},
	}
	tests := []struct {
		name    string
		results []result
		verbose bool
		want    string
	}{
		{
			name:    "quiet",
			results: results,
			want: `test/language/arguments-object: 1/1 (100.0%)
test/language/expressions/addition: 2/3 (66.7%)
test/language/statements/for: 0/1 (0.0%)
3 passed, 2 failed
`,
		},
		{
			name:    "verbose",
			results: results,
			verbose: true,
			want: `FAIL test/language/expressions/addition/b.js: strict: Test262Error: no
FAIL test/language/statements/for/a.js: skipped: feature x
test/language/arguments-object: 1/1 (100.0%)
test/language/expressions/addition: 2/3 (66.7%)
test/language/statements/for: 0/1 (0.0%)
3 passed, 2 failed
`,
		},
		{
			name: "empty",
			want: "0 passed, 0 failed\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := report(&b, tt.results, tt.verbose); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("report =\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}

func TestCommand(t *testing.T) {
	root := writeSuite(t, map[string]string{
		"test/language/expressions/addition/pass.js":   "/*---\ndescription: ok\n---*/\n",
		"test/language/expressions/addition/strict.js": "/*---\ndescription: fails strict\n---*/\n//! strict Test262Error\n",
		"test/language/statements/for/module.js":       "/*---\nflags: [module]\n---*/\n",
		"test/language/statements/for/neg.js":          "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n//! early SyntaxError\n",
	})
	factory, _ := newFakeFactory(t)
	jsonFile := filepath.Join(t.TempDir(), "out.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-root", root, "-v", "-j", "3", "-json", jsonFile, "test/language"}, &stdout, &stderr, factory)
	if code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
	}
	want := `FAIL test/language/expressions/addition/strict.js: strict: Test262Error: strict
FAIL test/language/statements/for/module.js: module: modules not supported
test/language/expressions/addition: 1/2 (50.0%)
test/language/statements/for: 1/2 (50.0%)
2 passed, 2 failed
`
	if stdout.String() != want {
		t.Errorf("stdout =\n%s\nwant\n%s", stdout.String(), want)
	}

	b, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Passed, Failed int
		Tests          []struct {
			Path   string
			Pass   bool
			Reason string
			Modes  []struct {
				Mode string
				Pass bool
			}
		}
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Passed != 2 || rep.Failed != 2 || len(rep.Tests) != 4 {
		t.Fatalf("json: %s", b)
	}
	strict := rep.Tests[1]
	if strict.Path != "test/language/expressions/addition/strict.js" || strict.Pass ||
		len(strict.Modes) != 2 || !strict.Modes[0].Pass || strict.Modes[1].Pass || strict.Modes[1].Mode != "strict" {
		t.Errorf("json result for strict.js: %+v", strict)
	}
	if !strings.Contains(string(b), `"modes": [`) || strings.Contains(string(b), `"modes": null`) {
		t.Errorf("json modes not lists: %s", b)
	}
}

func TestCommandStatus(t *testing.T) {
	root := writeSuite(t, map[string]string{"test/a.js": "/*---\n---*/\n//! throw Test262Error\n"})
	factory, _ := newFakeFactory(t)
	tests := []struct {
		name      string
		args      []string
		newEngine engineFactory
		code      int
		last      string // the last line of stdout
	}{
		{"failures are not errors", []string{"-root", root}, factory, 0, "0 passed, 1 failed"},
		{"missing root", []string{"-root", filepath.Join(root, "nowhere")}, factory, 1, ""},
		{"missing path", []string{"-root", root, "test/nowhere"}, factory, 1, ""},
		{"no root", nil, factory, 2, ""},
		{"bad flag", []string{"-root", root, "-bogus"}, factory, 2, ""},
		{"bad filter", []string{"-root", root, "-filter", "("}, factory, 2, ""},
		{"no engine", []string{"-root", root}, nil, 2, ""},
		{"filter matches nothing", []string{"-root", root, "-filter", "zzz"}, factory, 0, "0 passed, 0 failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr, tt.newEngine)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
			if last := lines[len(lines)-1]; last != tt.last {
				t.Errorf("last line %q, want %q", last, tt.last)
			}
		})
	}
}

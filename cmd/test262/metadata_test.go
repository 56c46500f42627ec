package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// suiteRoot is the shared checkout of test262, if present.
const suiteRoot = "../../../shared/conformance/test262"

func TestParseMetadata(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want metadata
	}{
		{
			name: "none",
			src:  "var x = 1;\n",
			want: metadata{},
		},
		{
			// test/language/statements/for/S12.6.3_A11_T3.js
			name: "negative",
			src: `// Copyright 2009 the Sputnik authors.  All rights reserved.
/*---
info: |
    If (Evaluate Statement).type is "continue" and (Evaluate
    Statement).target is in the current label set, iteration of labeled loop
    breaks
es5id: 12.6.3_A11_T3
description: Trying to continue non-existent label
negative:
  phase: parse
  type: SyntaxError
---*/

$DONOTEVALUATE();
`,
			want: metadata{
				Description: "Trying to continue non-existent label",
				Negative:    &negative{Phase: "parse", Type: "SyntaxError"},
			},
		},
		{
			// test/built-ins/SetIteratorPrototype/Symbol.toStringTag.js
			name: "block list and folded description",
			src: `/*---
es6id: 23.2.5.2.2
description: >
    ` + "`Symbol.toStringTag`" + ` property descriptor
info: |
    The initial value of the @@toStringTag property is the String value
    "Set Iterator".

    This property has the attributes { [[Writable]]: false, [[Enumerable]]:
    false, [[Configurable]]: true }.
includes: [propertyHelper.js]
features:
  - Symbol.toStringTag
  - Symbol.iterator
---*/`,
			want: metadata{
				Description: "`Symbol.toStringTag` property descriptor\n",
				Includes:    []string{"propertyHelper.js"},
				Features:    []string{"Symbol.toStringTag", "Symbol.iterator"},
			},
		},
		{
			// test/built-ins/Promise/reject-via-fn-immed.js
			name: "async",
			src: `/*---
description: Rejecting through immediate invocation of the provided resolving function
es6id: 25.4.3.1
info: |
    [...]
    9. Let completion be Call(executor, undefined,
       «resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]]»).
flags: [async]
---*/`,
			want: metadata{
				Description: "Rejecting through immediate invocation of the provided resolving function",
				Flags:       []string{"async"},
			},
		},
		{
			// test/built-ins/Function/prototype/toString/line-terminator-normalisation-CR.js
			name: "CR line breaks",
			src:  "/*---\rdescription: cr\rincludes: [nativeFunctionMatcher.js]\r\nflags: [raw]\r---*/",
			want: metadata{
				Description: "cr",
				Includes:    []string{"nativeFunctionMatcher.js"},
				Flags:       []string{"raw"},
			},
		},
		{
			name: "flow lists, several items",
			src: `/*---
description: x
includes: [compareArray.js, propertyHelper.js]
flags: [onlyStrict, generated]
features: [BigInt, numeric-separator-literal]
locale: [en, en-US, ar]
---*/`,
			want: metadata{
				Description: "x",
				Includes:    []string{"compareArray.js", "propertyHelper.js"},
				Flags:       []string{"onlyStrict", "generated"},
				Features:    []string{"BigInt", "numeric-separator-literal"},
				Locale:      []string{"en", "en-US", "ar"},
			},
		},
		{
			// Files with CRLF line ends, such as
			// test/built-ins/Function/prototype/toString/line-terminator-normalisation-CR-LF.js.
			name: "CRLF",
			src:  "/*---\r\ndescription: crlf\r\nflags: [noStrict]\r\nnegative:\r\n  phase: runtime\r\n  type: TypeError\r\n---*/\r\n",
			want: metadata{
				Description: "crlf",
				Flags:       []string{"noStrict"},
				Negative:    &negative{Phase: "runtime", Type: "TypeError"},
			},
		},
		{
			name: "quoted and literal descriptions",
			src: `/*---
description: "\"use strict\" it's"
info: 'it''s'
flags: []
---*/`,
			want: metadata{Description: `"use strict" it's`, Flags: []string{}},
		},
		{
			name: "literal block, stripped",
			src: `/*---
description: |-
    line one
      indented
    line three

flags: [raw]
---*/`,
			want: metadata{Description: "line one\n  indented\nline three", Flags: []string{"raw"}},
		},
		{
			name: "plain scalar continued, comments",
			src: `/*---
# a comment
description: a long
  description # with a comment
features: [a, b] # trailing
negative:
    # indented comment
    phase: runtime
    type: Test262Error
---*/`,
			want: metadata{
				Description: "a long description",
				Features:    []string{"a", "b"},
				Negative:    &negative{Phase: "runtime", Type: "Test262Error"},
			},
		},
		{
			// test/language/statements/function/13.2-30-s.js
			name: "indented document",
			src: `/*---
 description: >
    Functions created using Function.prototype.bind() do not have own
    properties "caller" or "arguments", but inherit them from
    %FunctionPrototype%.
 flags: [noStrict]
---*/`,
			want: metadata{
				Description: "Functions created using Function.prototype.bind() do not have own properties \"caller\" or \"arguments\", but inherit them from %FunctionPrototype%.\n",
				Flags:       []string{"noStrict"},
			},
		},
		{
			// The harness has frontmatter too (harness/sta.js).
			name: "empty literal block",
			src: `/*---
description: |
defines: [$DONE]
---*/`,
			want: metadata{Description: ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseMetadata(tt.src)
			if err != nil {
				t.Fatalf("parseMetadata: %v", err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("parseMetadata =\n%#v\nwant\n%#v", *got, tt.want)
			}
		})
	}
}

func TestParseMetadataErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unterminated", "/*---\ndescription: x\n", "no closing"},
		{"no colon", "/*---\njust words\n---*/", "key: value"},
		{"outdented key", "/*---\n  description: x\n flags: [a]\n---*/", "indentation"},
		{"bad phase", "/*---\nnegative:\n  phase: later\n  type: SyntaxError\n---*/", "phase"},
		{"no type", "/*---\nnegative:\n  phase: parse\n---*/", "no type"},
		{"negative scalar", "/*---\nnegative: SyntaxError\n---*/", "not a mapping"},
		{"flags scalar", "/*---\nflags: onlyStrict\n---*/", "not a list"},
		{"unterminated list", "/*---\nflags: [onlyStrict\n---*/", "unterminated"},
		{"unterminated quote", "/*---\ndescription: \"abc\n---*/", "unterminated"},
		{"duplicate", "/*---\nflags: [a]\nflags: [b]\n---*/", "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseMetadata(tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseMetadata error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestParseSuite parses the frontmatter of every file in the suite, if it is
// present, and checks what it finds against what the suite uses.
func TestParseSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	if _, err := os.Stat(suiteRoot); err != nil {
		t.Skip("no test262 checkout at", suiteRoot)
	}
	knownFlags := map[string]bool{
		"onlyStrict": true, "noStrict": true, "module": true, "raw": true, "async": true,
		"generated": true, "CanBlockIsFalse": true, "CanBlockIsTrue": true, "non-deterministic": true,
	}
	n := 0
	err := filepath.WalkDir(filepath.Join(suiteRoot, "test"), func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isTestFile(d.Name()) {
			return err
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		n++
		m, err := parseMetadata(string(b))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			return nil
		}
		if m.Description == "" && !strings.Contains(string(b), "description:") {
			t.Errorf("%s: no description", file)
		}
		for _, f := range m.Flags {
			if !knownFlags[f] {
				t.Errorf("%s: unknown flag %q", file, f)
			}
		}
		for _, inc := range m.Includes {
			if _, err := os.Stat(filepath.Join(suiteRoot, "harness", inc)); err != nil {
				t.Errorf("%s: include %s: %v", file, inc, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("parsed %d files", n)
}

package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// metadata is the frontmatter of a test262 test file: the YAML block between
// "/*---" and "---*/" (see INTERPRETING.md, "Metadata").
type metadata struct {
	Description string
	Includes    []string
	Flags       []string
	Features    []string
	Locale      []string
	Negative    *negative
}

// negative is the expected outcome of a negative test.
type negative struct {
	Phase string // "parse", "resolution" or "runtime"
	Type  string // the name of the expected error constructor
}

// hasFlag reports whether the test carries the named flag.
func (m *metadata) hasFlag(name string) bool {
	return slices.Contains(m.Flags, name)
}

// parseMetadata finds the frontmatter in a test file's source and parses it.
// A file without frontmatter has empty metadata.
func parseMetadata(src string) (*metadata, error) {
	start := strings.Index(src, "/*---")
	if start < 0 {
		return &metadata{}, nil
	}
	body := src[start+len("/*---"):]
	end := strings.Index(body, "---*/")
	if end < 0 {
		return nil, errors.New("frontmatter: no closing ---*/")
	}
	// YAML takes CR, LF and CRLF all as line breaks; a few tests are
	// written with CR alone.
	front := strings.ReplaceAll(body[:end], "\r\n", "\n")
	front = strings.ReplaceAll(front, "\r", "\n")
	doc, err := parseYAML(front)
	if err != nil {
		return nil, fmt.Errorf("frontmatter: %v", err)
	}
	var m metadata
	for key, v := range doc {
		var err error
		switch key {
		case "description":
			m.Description, err = v.str(key)
		case "includes":
			m.Includes, err = v.strs(key)
		case "flags":
			m.Flags, err = v.strs(key)
		case "features":
			m.Features, err = v.strs(key)
		case "locale":
			m.Locale, err = v.strs(key)
		case "negative":
			if v.fields == nil {
				return nil, errors.New("frontmatter: negative is not a mapping")
			}
			m.Negative = &negative{Phase: v.fields["phase"], Type: v.fields["type"]}
			switch m.Negative.Phase {
			case "parse", "resolution", "runtime":
			default:
				return nil, fmt.Errorf("frontmatter: negative has phase %q", m.Negative.Phase)
			}
			if m.Negative.Type == "" {
				return nil, errors.New("frontmatter: negative has no type")
			}
		}
		if err != nil {
			return nil, fmt.Errorf("frontmatter: %v", err)
		}
	}
	return &m, nil
}

// A yamlValue is a scalar, a list of scalars or a mapping of scalars: the
// shapes that test262 frontmatter uses.
type yamlValue struct {
	scalar string
	list   []string          // non-nil for a list
	fields map[string]string // non-nil for a mapping
}

func (v yamlValue) str(key string) (string, error) {
	if v.list != nil || v.fields != nil {
		return "", fmt.Errorf("%s is not a string", key)
	}
	return v.scalar, nil
}

// strs returns a list value; an empty scalar (a key with nothing after it)
// is an empty list.
func (v yamlValue) strs(key string) ([]string, error) {
	switch {
	case v.list != nil:
		return v.list, nil
	case v.fields == nil && v.scalar == "":
		return nil, nil
	}
	return nil, fmt.Errorf("%s is not a list", key)
}

// parseYAML parses the subset of YAML found in test262 frontmatter: a
// mapping at the top level whose values are plain or quoted scalars (possibly
// continued on indented lines), literal (|) and folded (>) block scalars,
// flow lists ([a, b]), block lists (- a) and one nested mapping of scalars
// (negative).
func parseYAML(text string) (map[string]yamlValue, error) {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	doc := make(map[string]yamlValue)
	base := -1 // the indentation of the top-level keys
	for i := 0; i < len(lines); {
		line := lines[i]
		if isBlank(line) || isComment(line) {
			i++
			continue
		}
		if base < 0 {
			base = indentation(line)
		}
		if indentation(line) != base {
			return nil, fmt.Errorf("line %d: unexpected indentation", i+1)
		}
		key, rest, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || strings.ContainsAny(key, " \t") {
			return nil, fmt.Errorf("line %d: want key: value", i+1)
		}
		i++
		// The value's block is every following line that is blank or
		// indented more than the key.
		j := i
		for j < len(lines) && (isBlank(lines[j]) || indentation(lines[j]) > base) {
			j++
		}
		v, err := parseValue(strings.TrimSpace(rest), lines[i:j])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", key, err)
		}
		if _, dup := doc[key]; dup {
			return nil, fmt.Errorf("duplicate key %s", key)
		}
		doc[key] = v
		i = j
	}
	return doc, nil
}

// parseValue parses the value of a top-level key: rest is what follows the
// colon on the key's line, block the indented lines after it.
func parseValue(rest string, block []string) (yamlValue, error) {
	switch {
	case strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, ">"):
		return yamlValue{scalar: blockScalar(rest, block)}, nil
	case strings.HasPrefix(rest, "["):
		return flowList(rest, block)
	case strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "'"):
		s, err := unquote(foldLines(rest, block))
		return yamlValue{scalar: s}, err
	case rest != "" && !strings.HasPrefix(rest, "#"):
		return yamlValue{scalar: stripComment(foldLines(rest, block))}, nil
	}
	// Nothing on the key's line: the block is a list, a mapping, a
	// multi-line plain scalar or empty.
	var content []string
	for _, l := range block {
		if !isBlank(l) && !isComment(l) {
			content = append(content, strings.TrimSpace(l))
		}
	}
	switch {
	case len(content) == 0:
		return yamlValue{}, nil
	case content[0] == "-" || strings.HasPrefix(content[0], "- "):
		list := []string{}
		for _, l := range content {
			item, ok := strings.CutPrefix(l, "-")
			if !ok {
				return yamlValue{}, fmt.Errorf("list item %q does not start with -", l)
			}
			s, err := scalar(item)
			if err != nil {
				return yamlValue{}, err
			}
			list = append(list, s)
		}
		return yamlValue{list: list}, nil
	case isMappingLine(content[0]):
		fields := make(map[string]string)
		for _, l := range content {
			k, v, ok := strings.Cut(l, ":")
			if !ok || !isMappingLine(l) {
				return yamlValue{}, fmt.Errorf("mapping line %q has no key", l)
			}
			s, err := scalar(v)
			if err != nil {
				return yamlValue{}, err
			}
			fields[k] = s
		}
		return yamlValue{fields: fields}, nil
	}
	return yamlValue{scalar: stripComment(strings.Join(content, " "))}, nil
}

// isMappingLine reports whether a trimmed line looks like "key: value".
func isMappingLine(l string) bool {
	k, _, ok := strings.Cut(l, ":")
	return ok && k != "" && !strings.ContainsAny(k, " \t\"'")
}

// blockScalar returns the text of a literal (|) or folded (>) block scalar
// whose header is header and whose lines are block.
func blockScalar(header string, block []string) string {
	folded := header[0] == '>'
	chomp := byte(0)
	if strings.Contains(header, "-") {
		chomp = '-'
	} else if strings.Contains(header, "+") {
		chomp = '+'
	}
	indent := -1
	var lines []string
	for _, l := range block {
		if isBlank(l) {
			lines = append(lines, "")
			continue
		}
		if indent < 0 {
			indent = indentation(l)
		}
		n := min(indent, indentation(l))
		lines = append(lines, l[n:])
	}
	// Trailing blank lines belong to the chomping, not the content.
	trailing := 0
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
		trailing++
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			switch {
			case !folded:
				b.WriteByte('\n')
			case l == "" || prev == "":
				// A blank line in folded text is a line break; the
				// break before it is dropped.
				if l == "" {
					b.WriteByte('\n')
				}
			case strings.HasPrefix(l, " ") || strings.HasPrefix(prev, " "):
				// More-indented lines keep their breaks.
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	switch chomp {
	case '-':
	case '+':
		if len(lines) > 0 {
			b.WriteString(strings.Repeat("\n", trailing+1))
		}
	default:
		if len(lines) > 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// flowList parses "[a, b, c]", which may continue on the block's lines.
func flowList(rest string, block []string) (yamlValue, error) {
	text := rest
	if !strings.Contains(text, "]") {
		text = foldLines(rest, block)
	}
	end := strings.Index(text, "]")
	if end < 0 {
		return yamlValue{}, errors.New("unterminated [")
	}
	if tail := strings.TrimSpace(text[end+1:]); tail != "" && !strings.HasPrefix(tail, "#") {
		return yamlValue{}, fmt.Errorf("text %q after ]", tail)
	}
	list := []string{}
	for item := range strings.SplitSeq(text[1:end], ",") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		s, err := scalar(item)
		if err != nil {
			return yamlValue{}, err
		}
		list = append(list, s)
	}
	return yamlValue{list: list}, nil
}

// scalar parses a one-line scalar: quoted, or plain with any comment removed.
func scalar(s string) (string, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "'") {
		return unquote(s)
	}
	return stripComment(s), nil
}

// foldLines joins a value's first line with its continuation lines, folding
// line breaks into spaces as YAML does for plain and quoted scalars.
func foldLines(first string, block []string) string {
	parts := []string{first}
	for _, l := range block {
		if t := strings.TrimSpace(l); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// unquote decodes a single- or double-quoted YAML scalar; anything after the
// closing quote must be a comment.
func unquote(s string) (string, error) {
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case c == q:
			if tail := strings.TrimSpace(s[i+1:]); tail != "" && !strings.HasPrefix(tail, "#") {
				return "", fmt.Errorf("text %q after closing quote", tail)
			}
			return b.String(), nil
		case c == '\\' && q == '"' && i+1 < len(s):
			i++
			switch e := s[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case '0':
				b.WriteByte(0)
			default: // \\, \", \/ and anything else: the character itself
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", fmt.Errorf("unterminated quoted string %s", s)
}

// stripComment removes a trailing " # comment" from a plain scalar.
func stripComment(s string) string {
	if strings.HasPrefix(s, "#") {
		return ""
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "\t#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

func isComment(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "#") }

// indentation counts the leading spaces and tabs of a line.
func indentation(l string) int {
	return len(l) - len(strings.TrimLeft(l, " \t"))
}

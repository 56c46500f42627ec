package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"glassbox/engine/dom"
	"glassbox/engine/html"
	"glassbox/network"
)

// Relations a <link> can have to a reference.
const (
	relMatch    = "match"
	relMismatch = "mismatch"
)

// A link is one <link rel=match> or <link rel=mismatch> of a document.
type link struct {
	rel string // relMatch or relMismatch
	ref string // the reference's key
}

// A doc is a test or a reference: a file with the links and fuzzy
// tolerances it declares.
type doc struct {
	key   string   // the file: URL without its fragment, which names it
	u     *url.URL // what to load
	name  string   // the path relative to the root, with slashes
	links []link
	fuzzy []fuzziness
	err   error // reading the file failed
}

// matches returns the doc's rel=match links.
func (d *doc) matches() []link { return d.byRel(relMatch) }

// mismatches returns the doc's rel=mismatch links.
func (d *doc) mismatches() []link { return d.byRel(relMismatch) }

func (d *doc) byRel(rel string) []link {
	var out []link
	for _, l := range d.links {
		if l.rel == rel {
			out = append(out, l)
		}
	}
	return out
}

// tolerance returns the fuzziness that applies when d is compared with
// the reference ref: one given for that reference wins over one given for
// all; without either the images must be equal.
func (d *doc) tolerance(ref string) fuzziness {
	f := exact
	for _, z := range d.fuzzy {
		switch z.ref {
		case ref:
			return z
		case "":
			f = z
		}
	}
	return f
}

// isMarkup reports whether a file name has one of the extensions whose
// files can be reftests.
func isMarkup(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xht", ".xhtml":
		return true
	}
	return false
}

// isRefName reports whether a file is named as a reference is: name-ref.ext
// or name-ref2.ext and the like.
func isRefName(name string) bool {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	i := strings.LastIndex(base, "-ref")
	if i < 0 {
		return false
	}
	return strings.Trim(base[i+len("-ref"):], "0123456789") == ""
}

// skippedDirs are the folders a walk does not enter: they hold references
// and support files, not tests. A file named on the command line is
// considered wherever it is.
var skippedDirs = map[string]bool{"reference": true, "support": true}

// candidates returns the markup files the paths name: each path, relative
// to root, is a file or a folder searched recursively. The result is
// sorted and without duplicates, as absolute paths.
func candidates(root string, paths []string) ([]string, error) {
	seen := make(map[string]bool)
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		info, err := os.Stat(full)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(full)
			continue
		}
		err = filepath.WalkDir(full, func(q string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if q != full && skippedDirs[e.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if isMarkup(e.Name()) {
				add(q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// fileKey returns the file: URL of an absolute path and its key.
func fileKey(p string) (*url.URL, string) {
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(p)}
	return u, u.String()
}

// keyOf returns the key of a URL: the URL without its fragment.
func keyOf(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

// mightLink reports whether markup could hold a match or mismatch link at
// all, a cheap test that spares parsing most support files.
func mightLink(b []byte) bool {
	return bytes.Contains(bytes.ToLower(b), []byte("match"))
}

// readDoc reads the file at the absolute path p and the links and fuzzy
// tolerances in it. The file is parsed with the project's HTML parser;
// XHTML files (.xht, .xhtml) are parsed as HTML too until there is an XML
// parser, which for the head of a reftest gives the same elements.
func readDoc(root, p string) *doc {
	u, key := fileKey(p)
	d := &doc{key: key, u: u, name: relName(root, p)}
	b, err := os.ReadFile(p)
	if err != nil {
		d.err = err
		return d
	}
	if !mightLink(b) {
		return d
	}
	d.links, d.fuzzy, d.err = parseLinks(u, html.ParseWithCharset(b, ""))
	return d
}

// parseLinks returns the match and mismatch links of a document loaded
// from base, and its <meta name=fuzzy> tolerances, with URLs resolved
// against the document's base URL. A malformed fuzzy meta is an error,
// which comes with the links found.
func parseLinks(base *url.URL, d *dom.Node) ([]link, []fuzziness, error) {
	if b := d.FirstElement("base"); b != nil && b.Namespace == "" {
		if href, ok := b.Attribute("href"); ok {
			if u, err := network.Resolve(base, href); err == nil {
				base = u
			}
		}
	}
	var links []link
	for _, e := range d.ElementsByTagName("link") {
		if e.Namespace != "" {
			continue
		}
		href, ok := e.Attribute("href")
		if !ok {
			continue
		}
		for _, rel := range strings.Fields(strings.ToLower(e.AttributeOr("rel"))) {
			if rel != relMatch && rel != relMismatch {
				continue
			}
			u, err := network.Resolve(base, href)
			if err != nil {
				return nil, nil, fmt.Errorf("link to %q: %v", href, err)
			}
			links = append(links, link{rel: rel, ref: keyOf(u)})
		}
	}
	var fuzzy []fuzziness
	for _, e := range d.ElementsByTagName("meta") {
		if e.Namespace != "" || !strings.EqualFold(e.AttributeOr("name"), "fuzzy") {
			continue
		}
		z, err := parseFuzzy(e.AttributeOr("content"))
		if err != nil {
			return links, nil, err
		}
		if z.ref != "" {
			u, err := network.Resolve(base, z.ref)
			if err != nil {
				return links, nil, fmt.Errorf("fuzzy reference %q: %v", z.ref, err)
			}
			z.ref = keyOf(u)
		}
		fuzzy = append(fuzzy, z)
	}
	return links, fuzzy, nil
}

// relName returns p relative to root with slashes, or p itself when it
// lies outside root.
func relName(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// A suite is the tests to run and every document they lead to.
type suite struct {
	root  string
	tests []*doc          // sorted by name
	docs  map[string]*doc // by key: the tests and their references, transitively
	// notTests are the files named on the command line that hold no
	// links.
	notTests []string
}

// discover finds the reftests among paths (relative to root) and reads
// their references, and those references' references, so that chains can
// be followed. Files are read by jobs goroutines.
//
// A markup file is a test when it has at least one match or mismatch link
// and is not in a reference or support folder: as in web-platform-tests
// since references stopped being chained, a reference that links further
// is a test too. With skipRefs, files named like references (x-ref.html)
// and files another test links to are not tests either.
func discover(root string, paths []string, jobs int, skipRefs bool) (*suite, error) {
	files, err := candidates(root, paths)
	if err != nil {
		return nil, err
	}
	explicit := make(map[string]bool)
	for _, p := range paths {
		explicit[filepath.Join(root, filepath.FromSlash(p))] = true
	}
	docs := readAll(root, files, jobs)
	s := &suite{root: root, docs: make(map[string]*doc)}
	for i, d := range docs {
		s.docs[d.key] = d
		if len(d.links) > 0 || (d.err != nil && explicit[files[i]]) {
			s.tests = append(s.tests, d)
		} else if explicit[files[i]] {
			s.notTests = append(s.notTests, d.name)
		}
	}
	// Read the references not yet read, level by level.
	for {
		var missing []string
		seen := make(map[string]bool)
		for _, d := range s.docs {
			for _, l := range d.links {
				if s.docs[l.ref] == nil && !seen[l.ref] {
					seen[l.ref] = true
					missing = append(missing, l.ref)
				}
			}
		}
		if len(missing) == 0 {
			break
		}
		sort.Strings(missing)
		var local []string
		for _, k := range missing {
			u, _ := url.Parse(k)
			if u == nil || u.Scheme != "file" {
				// Not a file: loaded as is, with no links of its own.
				s.docs[k] = &doc{key: k, u: u, name: k}
				continue
			}
			local = append(local, filepath.FromSlash(u.Path))
		}
		for _, d := range readAll(root, local, jobs) {
			s.docs[d.key] = d
		}
	}
	if skipRefs {
		linked := make(map[string]bool)
		for _, d := range s.tests {
			for _, l := range d.links {
				linked[l.ref] = true
			}
		}
		kept := s.tests[:0]
		for _, d := range s.tests {
			if !linked[d.key] && !isRefName(d.name) {
				kept = append(kept, d)
			}
		}
		s.tests = kept
	}
	return s, nil
}

// readAll reads the files with jobs goroutines and returns their docs in
// the same order.
func readAll(root string, files []string, jobs int) []*doc {
	out := make([]*doc, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(jobs, 1) {
		wg.Go(func() {
			for i := range next {
				out[i] = readDoc(root, files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// closure returns the keys of d and of every document reachable from it
// through links, d first: what judging d as a test may render.
func (s *suite) closure(d *doc, chains bool) []string {
	seen := map[string]bool{d.key: true}
	out := []string{d.key}
	var visit func(d *doc)
	visit = func(d *doc) {
		for _, l := range d.links {
			if seen[l.ref] {
				continue
			}
			seen[l.ref] = true
			out = append(out, l.ref)
			if r := s.docs[l.ref]; r != nil && chains {
				visit(r)
			}
		}
	}
	visit(d)
	return out
}

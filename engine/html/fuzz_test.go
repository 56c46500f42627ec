package html

import (
	"bytes"
	"testing"

	"glassbox/engine/dom"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"<!DOCTYPE html><title>x</title><p>a<b>b</p>c",
		"<table><td>x<tr><select><option>1</table>",
		"<svg><foreignObject><p>x</svg><math><mi>y",
		"<pre>\n\nx</pre><textarea>\n</textarea><script><!--</script>",
		"<template><td></template><frameset>",
		"<a href='&amp;&nbsp;\"'>&lt;&#0;&#x110000;</a>\x00\xff",
		"<meta charset=iso-8859-1>\xe9",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(bytes.NewReader(b))
		if err != nil && err != ErrTooDeep {
			t.Fatalf("Parse: %v", err)
		}
		checkDocument(t, doc)
		out := Serialize(doc)
		// Parsing a serialization need not give the same tree back (the
		// standard says as much), but it must parse.
		checkDocument(t, ParseString(out))
		checkDocument(t, ParseWithCharset(b, ""))
		if nodes, err := ParseFragment(doc.FirstElement("body"), string(b)); err == nil {
			for _, n := range nodes {
				Serialize(n)
			}
		}
	})
}

func checkDocument(t *testing.T, doc *dom.Node) {
	t.Helper()
	if doc == nil || doc.Type != dom.DocumentNode {
		t.Fatal("no document")
	}
	if !doc.DocumentElement().IsElement("html") {
		t.Fatalf("document element is not html")
	}
	checkTree(t, doc, doc)
}

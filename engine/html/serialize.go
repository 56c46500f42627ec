package html

import (
	"strings"

	"glassbox/engine/dom"
)

// voidElements are the HTML elements that serialize without content or an
// end tag: the void elements plus the obsolete ones the standard's
// serializer treats alike.
var voidElements = map[string]bool{
	"area": true, "base": true, "basefont": true, "bgsound": true, "br": true,
	"col": true, "embed": true, "frame": true, "hr": true, "img": true,
	"input": true, "keygen": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// rawTextElements are the HTML elements whose text children serialize
// unescaped, because the parser reads their content as raw text. noscript
// is among them because Parse runs with scripting enabled, as a browser
// with JavaScript does, and so reads noscript content as raw text too.
var rawTextElements = map[string]bool{
	"style": true, "script": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true, "plaintext": true, "noscript": true,
}

// Serialize returns the HTML serialization of n and its subtree, as
// outerHTML does for an element; for a Document it is all of the
// document's children, doctype included. It follows the HTML standard's
// serialization algorithm: void elements have no end tag, text and
// attribute values are escaped except inside raw text elements, and a
// leading newline in pre, textarea and listing is doubled so that it
// survives the parser dropping one.
//
// As the standard does, a doctype serializes as <!DOCTYPE name> without
// its public and system identifiers.
func Serialize(n *dom.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	if n.Type == dom.DocumentNode {
		serializeChildren(&b, n)
	} else {
		serializeNode(&b, n)
	}
	return b.String()
}

// SerializeChildren returns the HTML serialization of n's children, as
// innerHTML does.
func SerializeChildren(n *dom.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	serializeChildren(&b, n)
	return b.String()
}

func serializeChildren(b *strings.Builder, n *dom.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		serializeNode(b, c)
	}
}

func serializeNode(b *strings.Builder, n *dom.Node) {
	switch n.Type {
	case dom.ElementNode:
		serializeElement(b, n)
	case dom.TextNode:
		if p := n.Parent; p != nil && p.Type == dom.ElementNode && p.Namespace == "" && rawTextElements[p.TagName] {
			b.WriteString(n.Data)
		} else {
			escape(b, n.Data, false)
		}
	case dom.CommentNode:
		b.WriteString("<!--")
		b.WriteString(n.Data)
		b.WriteString("-->")
	case dom.DoctypeNode:
		b.WriteString("<!DOCTYPE ")
		b.WriteString(n.TagName)
		b.WriteString(">")
	case dom.DocumentNode:
		serializeChildren(b, n)
	}
}

func serializeElement(b *strings.Builder, n *dom.Node) {
	b.WriteByte('<')
	b.WriteString(n.TagName)
	for _, a := range n.Attrs {
		b.WriteByte(' ')
		b.WriteString(attrName(a))
		b.WriteString(`="`)
		escape(b, a.Value, true)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	html := n.Namespace == ""
	if html && voidElements[n.TagName] {
		return
	}
	if html && (n.TagName == "pre" || n.TagName == "textarea" || n.TagName == "listing") {
		if c := n.FirstChild; c != nil && c.Type == dom.TextNode && strings.HasPrefix(c.Data, "\n") {
			b.WriteByte('\n')
		}
	}
	serializeChildren(b, n)
	b.WriteString("</")
	b.WriteString(n.TagName)
	b.WriteByte('>')
}

// attrName returns the name an attribute serializes with: namespaced
// attributes get back the prefix the parser took off them.
func attrName(a dom.Attr) string {
	switch a.Namespace {
	case "":
		return a.Name
	case XMLNamespace:
		return "xml:" + a.Name
	case XMLNSNamespace:
		if a.Name == "xmlns" {
			return "xmlns"
		}
		return "xmlns:" + a.Name
	case XLinkNamespace:
		return "xlink:" + a.Name
	}
	// Attributes in other namespaces only come from scripts; the standard
	// serializes their qualified name, which for want of a stored prefix
	// is the local name here.
	return a.Name
}

// escape writes s escaped as the standard's serializer does: & and
// no-break space always, then " in attribute mode or < and > in text
// mode.
func escape(b *strings.Builder, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '"':
			if attr {
				rep = "&quot;"
			}
		case '<':
			if !attr {
				rep = "&lt;"
			}
		case '>':
			if !attr {
				rep = "&gt;"
			}
		case 0xC2:
			// U+00A0 is C2 A0 in UTF-8.
			if i+1 < len(s) && s[i+1] == 0xA0 {
				b.WriteString(s[last:i])
				b.WriteString("&nbsp;")
				i++
				last = i + 1
			}
			continue
		}
		if rep == "" {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

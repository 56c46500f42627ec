package html

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"glassbox/engine/dom"
)

// Namespace URIs of the elements and attributes the HTML parser can
// produce besides plain HTML ones.
const (
	SVGNamespace    = "http://www.w3.org/2000/svg"
	MathMLNamespace = "http://www.w3.org/1998/Math/MathML"
	XLinkNamespace  = "http://www.w3.org/1999/xlink"
	XMLNamespace    = "http://www.w3.org/XML/1998/namespace"
	XMLNSNamespace  = "http://www.w3.org/2000/xmlns/"
)

// elementNamespaces maps x/net/html's short element namespace names to
// namespace URIs.
var elementNamespaces = map[string]string{
	"svg":  SVGNamespace,
	"math": MathMLNamespace,
}

// attrNamespaces maps x/net/html's short attribute namespace prefixes to
// namespace URIs.
var attrNamespaces = map[string]string{
	"xlink": XLinkNamespace,
	"xml":   XMLNamespace,
	"xmlns": XMLNSNamespace,
}

// Parse reads an HTML document from r and returns its Document node. The
// input is taken to be UTF-8: a leading byte order mark is dropped and
// invalid bytes become U+FFFD. Use ParseWithCharset for bytes whose
// encoding is not known. The errors are those of reading r, which come
// with a nil document, and ErrTooDeep, which comes with a usable one.
func Parse(r io.Reader) (*dom.Node, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parseUTF8(decode(b, unicode.UTF8))
}

// ParseString parses s as an HTML document. It never fails: the HTML
// parser recovers from every syntax error, and a document nested too
// deeply yields what could be parsed of it (see ErrTooDeep).
func ParseString(s string) *dom.Node {
	doc, _ := parseUTF8(decode([]byte(s), unicode.UTF8))
	return doc
}

// decodeDocument decodes an HTML document's bytes to UTF-8, sniffing the
// encoding as ParseWithCharset describes.
func decodeDocument(b []byte, contentTypeCharset string) string {
	contentType := "text/html"
	if contentTypeCharset != "" {
		// FormatMediaType quotes the label if need be; it returns "" for
		// one that cannot be a parameter value, which is then no hint.
		if ct := mime.FormatMediaType("text/html", map[string]string{"charset": contentTypeCharset}); ct != "" {
			contentType = ct
		}
	}
	sniff := b
	if len(b) <= 1024 {
		// DetermineEncoding looks at 1024 bytes and, to allow for a cut
		// rune, ignores a trailing partial-looking rune; when b is the
		// whole document that would discard a complete last rune (and
		// call "café" windows-1252). A trailing space keeps it.
		sniff = append(b[:len(b):len(b)], ' ')
	}
	enc, name, _ := charset.DetermineEncoding(sniff, contentType)
	if name == "utf-8" || enc == nil {
		// DetermineEncoding returns encoding.Nop for UTF-8 it sniffed,
		// which passes invalid bytes through; the standard's UTF-8 decoder
		// replaces them.
		enc = unicode.UTF8
	}
	return decode(b, enc)
}

// ParseWithCharset decodes b to UTF-8 and parses it as an HTML document.
// The encoding is found as the HTML standard's encoding sniffing does: a
// byte order mark wins, then contentTypeCharset (the charset parameter of
// the HTTP Content-Type, may be empty), then a <meta charset> or
// <meta http-equiv=Content-Type> in the first 1024 bytes, then a guess
// (UTF-8 if the bytes are valid UTF-8, else windows-1252).
func ParseWithCharset(b []byte, contentTypeCharset string) *dom.Node {
	doc, _ := parseUTF8(decodeDocument(b, contentTypeCharset))
	return doc
}

// ParseScripted parses b (decoded as ParseWithCharset does) into doc, an
// empty document, calling onElement for each HTML script and iframe
// element as soon as it and its content are in the tree and before any
// node that follows it in the source is: a parser-blocking script then
// sees only the document up to itself, as in browsers. Nodes a script inserts stay where it put
// them, and the parser goes on inserting into the elements it had open.
//
// The tree is built by x/net/html's tree builder first and then grafted
// into doc in tree order; document.write therefore cannot feed the
// parser (the bindings approximate it by inserting after the script).
func ParseScripted(doc *dom.Node, b []byte, contentTypeCharset string, onElement func(*dom.Node)) error {
	s := decodeDocument(b, contentTypeCharset)
	hdoc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// Too deep for the tree builder: take the recovered prefix, and
		// run no scripts.
		d, err := parseUTF8(s)
		for c := d.FirstChild; c != nil; c = d.FirstChild {
			d.RemoveChild(c)
			appendChild(doc, c)
			c.Walk(func(m *dom.Node) bool { m.OwnerDocument = doc; return true })
		}
		return err
	}
	graft(doc, hdoc, doc, onElement)
	return nil
}

// graft converts hn's children into n's, appending each node before
// converting its children, and calling onElement after a script's or an
// iframe's.
func graft(n *dom.Node, hn *html.Node, owner *dom.Node, onElement func(*dom.Node)) {
	for hc := hn.FirstChild; hc != nil; hc = hc.NextSibling {
		c := convertShallow(hc, owner)
		if c == nil {
			continue
		}
		appendChild(n, c)
		graft(c, hc, owner, onElement)
		if c.Type == dom.ElementNode && c.Namespace == "" && (c.TagName == "script" || c.TagName == "iframe") {
			onElement(c)
		}
	}
}

// decode converts b to a UTF-8 string using enc and drops a leading byte
// order mark, which the standard's decode algorithm consumes.
func decode(b []byte, enc encoding.Encoding) string {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// Decoders substitute U+FFFD rather than fail, so this does not
		// happen with the encodings in use; fall back to the raw bytes
		// made valid.
		out = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return strings.TrimPrefix(string(out), "\uFEFF")
}

// ErrTooDeep is returned by Parse for a document whose elements nest
// deeper than the tree builder allows (512 open elements). The document
// Parse returns with it holds the longest leading part of the input that
// could be parsed.
var ErrTooDeep = errors.New("html: elements nested too deeply; the rest of the document was dropped")

// parseUTF8 parses s, which must be valid UTF-8. When the tree builder
// gives up (it rejects nesting deeper than 512 elements rather than
// returning the tree so far), it parses the longest prefix of s that it
// can, found by bisection, so that a page still shows what precedes the
// trouble; that document comes with ErrTooDeep.
func parseUTF8(s string) (*dom.Node, error) {
	doc, err := parseTree(s)
	if err == nil {
		return doc, nil
	}
	// The empty prefix always parses; s does not.
	lo, hi := 0, len(s)
	best := emptyDocument()
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		for mid > lo && !utf8.RuneStart(s[mid]) {
			mid--
		}
		if mid == lo {
			break
		}
		if d, err := parseTree(s[:mid]); err == nil {
			lo, best = mid, d
		} else {
			hi = mid
		}
	}
	return best, ErrTooDeep
}

func parseTree(s string) (*dom.Node, error) {
	hdoc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, err
	}
	doc := dom.NewDocument()
	convertChildren(doc, hdoc, doc)
	if doc.DocumentElement() == nil {
		return nil, errors.New("html: parser built no html element")
	}
	return doc, nil
}

// emptyDocument returns the document an empty input parses to.
func emptyDocument() *dom.Node {
	doc := dom.NewDocument()
	root := doc.CreateElement("html")
	appendChild(doc, root)
	appendChild(root, doc.CreateElement("head"))
	appendChild(root, doc.CreateElement("body"))
	return doc
}

// ParseFragment parses s as the standard's fragment parsing algorithm
// does for innerHTML: as if it were the content of context, which decides
// how the parser starts (for instance, text in a <textarea> context stays
// text, and <td> needs a <tr> context). A nil context parses as the
// content of a <body>. The returned nodes are owned by context's document
// but not attached to it.
func ParseFragment(context *dom.Node, s string) ([]*dom.Node, error) {
	var owner *dom.Node
	var hctx *html.Node
	if context != nil {
		if context.Type != dom.ElementNode {
			return nil, errors.New("html: fragment context is not an element")
		}
		owner = context.OwnerDocument
		hctx = contextChain(context)
	} else {
		hctx = &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	}
	if owner == nil {
		owner = dom.NewDocument()
	}
	s = decode([]byte(s), unicode.UTF8)
	hnodes, err := html.ParseFragment(strings.NewReader(s), hctx)
	if err != nil {
		// With a consistent context and a string reader, the only way
		// the parser fails is the nesting limit.
		return nil, ErrTooDeep
	}
	out := make([]*dom.Node, 0, len(hnodes))
	for _, hn := range hnodes {
		if n := convert(hn, owner); n != nil {
			out = append(out, n)
		}
	}
	return out, nil
}

// contextChain returns an x/net/html element standing for n, with parents
// standing for n's element ancestors: the fragment parser looks up the
// ancestors for a <form> to associate form controls with.
func contextChain(n *dom.Node) *html.Node {
	var first, last *html.Node
	for ; n != nil && n.Type == dom.ElementNode; n = n.Parent {
		h := &html.Node{
			Type:      html.ElementNode,
			Data:      n.TagName,
			DataAtom:  atom.Lookup([]byte(n.TagName)),
			Namespace: shortNamespace(n.Namespace),
		}
		if last == nil {
			first = h
		} else {
			last.Parent = h
		}
		last = h
	}
	return first
}

func shortNamespace(uri string) string {
	for short, u := range elementNamespaces {
		if u == uri {
			return short
		}
	}
	return ""
}

// convertChildren converts the children of hn and appends them to n.
func convertChildren(n *dom.Node, hn *html.Node, owner *dom.Node) {
	for hc := hn.FirstChild; hc != nil; hc = hc.NextSibling {
		if c := convert(hc, owner); c != nil {
			appendChild(n, c)
		}
	}
}

// convert returns the dom equivalent of hn and its subtree, or nil for
// node types that have none (error and raw nodes, which the parser does
// not produce).
func convert(hn *html.Node, owner *dom.Node) *dom.Node {
	n := convertShallow(hn, owner)
	if n != nil && hn.Type == html.ElementNode {
		convertChildren(n, hn, owner)
	}
	return n
}

// convertShallow converts hn without its children.
func convertShallow(hn *html.Node, owner *dom.Node) *dom.Node {
	var n *dom.Node
	switch hn.Type {
	case html.ElementNode:
		n = &dom.Node{Type: dom.ElementNode, TagName: hn.Data, OwnerDocument: owner}
		if hn.Namespace == "" {
			// The tokenizer lower-cases HTML tag names already; this keeps
			// the DOM's promise for trees built by other means.
			n.TagName = strings.ToLower(hn.Data)
		} else {
			n.Namespace = elementNamespaces[hn.Namespace]
			if n.Namespace == "" {
				n.Namespace = hn.Namespace
			}
		}
		if len(hn.Attr) > 0 {
			n.Attrs = make([]dom.Attr, len(hn.Attr))
			for i, a := range hn.Attr {
				n.Attrs[i] = dom.Attr{Namespace: attrNamespaces[a.Namespace], Name: a.Key, Value: a.Val}
				if a.Namespace != "" && n.Attrs[i].Namespace == "" {
					n.Attrs[i].Namespace = a.Namespace
				}
			}
		}
	case html.TextNode:
		n = &dom.Node{Type: dom.TextNode, Data: hn.Data, OwnerDocument: owner}
	case html.CommentNode:
		n = &dom.Node{Type: dom.CommentNode, Data: hn.Data, OwnerDocument: owner}
	case html.DoctypeNode:
		n = &dom.Node{Type: dom.DoctypeNode, TagName: hn.Data, OwnerDocument: owner}
		for _, a := range hn.Attr {
			switch a.Key {
			case "public":
				n.PublicID = a.Val
			case "system":
				n.SystemID = a.Val
			}
		}
	}
	return n
}

// appendChild links child as parent's last child. It stands in for
// dom.Node.AppendChild, whose checks (the cycle check walks all of
// parent's ancestors) would make converting a deeply nested tree
// quadratic; a tree copied from the parser's needs none of them.
func appendChild(parent, child *dom.Node) {
	child.Parent = parent
	child.PrevSibling = parent.LastChild
	if parent.LastChild != nil {
		parent.LastChild.NextSibling = child
	} else {
		parent.FirstChild = child
	}
	parent.LastChild = child
}

package html

import (
	"errors"
	"strings"
	"testing"

	"glassbox/engine/dom"
)

func TestParseSerializeRoundTrip(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "<html><head></head><body></body></html>"},
		{"implied html head body", "hello", "<html><head></head><body>hello</body></html>"},
		{"title goes in head", "<title>T</title><p>x",
			"<html><head><title>T</title></head><body><p>x</p></body></html>"},
		{"doctype", "<!DOCTYPE html><p>a</p>",
			"<!DOCTYPE html><html><head></head><body><p>a</p></body></html>"},
		{"unclosed p", "<p>one<p>two",
			"<html><head></head><body><p>one</p><p>two</p></body></html>"},
		{"unclosed li", "<ul><li>a<li>b</ul>",
			"<html><head></head><body><ul><li>a</li><li>b</li></ul></body></html>"},
		{"misnested formatting", "<b><i>x</b>y</i>",
			"<html><head></head><body><b><i>x</i></b><i>y</i></body></html>"},
		{"void elements", `<br><img src="a.png"><input type=text>`,
			`<html><head></head><body><br><img src="a.png"><input type="text"></body></html>`},
		{"stray end tag of void", "a</br>b",
			"<html><head></head><body>a<br>b</body></html>"},
		{"text escaping", "<p>a &amp; b &lt; c &gt; d&nbsp;e \"q\"</p>",
			"<html><head></head><body><p>a &amp; b &lt; c &gt; d&nbsp;e \"q\"</p></body></html>"},
		{"attribute escaping", `<a title='say "hi" & <go>&nbsp;'>x</a>`,
			`<html><head></head><body><a title="say &quot;hi&quot; &amp; <go>&nbsp;">x</a></body></html>`},
		{"attributes lower case in order", `<DIV ID=a Class="b c">x</DIV>`,
			`<html><head></head><body><div id="a" class="b c">x</div></body></html>`},
		{"script raw", "<script>if (a < b && c) {}</script>",
			"<html><head><script>if (a < b && c) {}</script></head><body></body></html>"},
		{"style raw", "<style>p > a { content: \"&\" }</style>",
			"<html><head><style>p > a { content: \"&\" }</style></head><body></body></html>"},
		{"xmp raw", "<xmp><b>&amp;</b></xmp>",
			"<html><head></head><body><xmp><b>&amp;</b></xmp></body></html>"},
		{"noscript raw with scripting", "<body><noscript><b>x</b></noscript>",
			"<html><head></head><body><noscript><b>x</b></noscript></body></html>"},
		{"plaintext", "<plaintext><a>&",
			"<html><head></head><body><plaintext><a>&</plaintext></body></html>"},
		{"pre leading newline kept", "<pre>\n\nx</pre>",
			"<html><head></head><body><pre>\n\nx</pre></body></html>"},
		{"pre single newline dropped by parser", "<pre>\nx</pre>",
			"<html><head></head><body><pre>x</pre></body></html>"},
		{"textarea leading newline", "<textarea>\n\na&lt;</textarea>",
			"<html><head></head><body><textarea>\n\na&lt;</textarea></body></html>"},
		{"comment", "<!-- hi --><p>x",
			"<!-- hi --><html><head></head><body><p>x</p></body></html>"},
		{"table fixup", "<table><td>x</table>",
			"<html><head></head><body><table><tbody><tr><td>x</td></tr></tbody></table></body></html>"},
		{"svg case and xlink", `<svg viewbox="0 0 1 1"><foreignobject></foreignobject><a xlink:href="#x"></a></svg>`,
			`<html><head></head><body><svg viewBox="0 0 1 1"><foreignObject></foreignObject><a xlink:href="#x"></a></svg></body></html>`},
		{"svg self-closing", `<svg><circle r="1"/></svg>`,
			`<html><head></head><body><svg><circle r="1"></circle></svg></body></html>`},
		{"template", "<template><td>x</td></template>",
			"<html><head><template><td>x</td></template></head><body></body></html>"},
		{"NUL in text", "a\x00b", "<html><head></head><body>ab</body></html>"},
		{"invalid UTF-8", "a\xffb", "<html><head></head><body>a\uFFFDb</body></html>"},
		{"BOM dropped", "\uFEFFhi", "<html><head></head><body>hi</body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := Serialize(doc); got != tt.want {
				t.Errorf("Serialize(Parse(%q))\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if got := Serialize(ParseString(tt.in)); got != tt.want {
				t.Errorf("ParseString differs from Parse: %q", got)
			}
			checkTree(t, doc, doc)
		})
	}
}

// checkTree reports broken links or owners anywhere in n's subtree.
func checkTree(t *testing.T, doc, n *dom.Node) {
	t.Helper()
	var prev *dom.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Parent != n || c.PrevSibling != prev || c.OwnerDocument != doc {
			t.Fatalf("bad links at %+v", c)
		}
		checkTree(t, doc, c)
		prev = c
	}
	if n.LastChild != prev {
		t.Fatalf("LastChild of %q is wrong", n.TagName)
	}
}

func TestImpliedStructure(t *testing.T) {
	doc := ParseString("<p>x")
	if doc.Type != dom.DocumentNode {
		t.Fatalf("root type %d", doc.Type)
	}
	root := doc.DocumentElement()
	if !root.IsElement("html") {
		t.Fatalf("document element %q", root.TagName)
	}
	var tags []string
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		tags = append(tags, c.TagName)
	}
	if strings.Join(tags, ",") != "head,body" {
		t.Errorf("html children %v, want head,body", tags)
	}
}

func TestDoctype(t *testing.T) {
	tests := []struct {
		in, name, public, system string
	}{
		{"<!DOCTYPE html>", "html", "", ""},
		{"<!doctype HTML>", "html", "", ""},
		{`<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">`,
			"html", "-//W3C//DTD HTML 4.01//EN", "http://www.w3.org/TR/html4/strict.dtd"},
		{`<!DOCTYPE html SYSTEM "about:legacy-compat">`, "html", "", "about:legacy-compat"},
	}
	for _, tt := range tests {
		doc := ParseString(tt.in)
		dt := doc.FirstChild
		if dt == nil || dt.Type != dom.DoctypeNode {
			t.Errorf("%q: first child is not a doctype", tt.in)
			continue
		}
		if dt.TagName != tt.name || dt.PublicID != tt.public || dt.SystemID != tt.system {
			t.Errorf("%q: got (%q, %q, %q), want (%q, %q, %q)", tt.in,
				dt.TagName, dt.PublicID, dt.SystemID, tt.name, tt.public, tt.system)
		}
	}
}

func TestNamespaces(t *testing.T) {
	doc := ParseString(`<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/>` +
		`<foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>`)
	tests := []struct {
		tag, ns string
	}{
		{"svg", SVGNamespace},
		{"use", SVGNamespace},
		{"foreignObject", SVGNamespace},
		{"p", ""},
		{"math", MathMLNamespace},
		{"mi", MathMLNamespace},
		{"body", ""},
	}
	for _, tt := range tests {
		var el *dom.Node
		doc.Walk(func(n *dom.Node) bool {
			if el == nil && n.Type == dom.ElementNode && n.TagName == tt.tag {
				el = n
			}
			return el == nil
		})
		if el == nil {
			t.Errorf("no <%s>", tt.tag)
			continue
		}
		if el.Namespace != tt.ns {
			t.Errorf("<%s> namespace %q, want %q", tt.tag, el.Namespace, tt.ns)
		}
	}
	svg := doc.ElementsByTagName("svg")[0]
	if want := (dom.Attr{Namespace: XMLNSNamespace, Name: "xlink", Value: XLinkNamespace}); svg.Attrs[0] != want {
		t.Errorf("svg attr %+v, want %+v", svg.Attrs[0], want)
	}
	use := doc.ElementsByTagName("use")[0]
	if want := (dom.Attr{Namespace: XLinkNamespace, Name: "href", Value: "#a"}); use.Attrs[0] != want {
		t.Errorf("use attr %+v, want %+v", use.Attrs[0], want)
	}
	if got, want := Serialize(svg), `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"></use><foreignObject><p>x</p></foreignObject></svg>`; got != want {
		t.Errorf("Serialize(svg)\n got %q\nwant %q", got, want)
	}
}

func TestParseWithCharset(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		charset string
		want    string // text of the body
	}{
		{"meta charset latin1", []byte("<meta charset=iso-8859-1><p>caf\xe9 \xa3"), "", "café £"},
		{"meta http-equiv", []byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xefve"), "", "naïve"},
		{"header charset wins over meta", []byte("<meta charset=utf-8><p>\xe9"), "iso-8859-1", "é"},
		{"windows-1252 quotes", []byte("<p>\x93q\x94"), "windows-1252", "\u201cq\u201d"},
		{"utf-8 sniffed", []byte("<p>caf\xc3\xa9"), "", "café"},
		{"utf-8 BOM beats header", []byte("\xef\xbb\xbf<p>\xc3\xa9"), "iso-8859-1", "é"},
		{"utf-16le BOM", []byte("\xff\xfe<\x00p\x00>\x00\xe9\x00"), "", "é"},
		{"no hint, not utf-8", []byte("<p>\xe9t\xe9"), "", "été"},
		{"quoted-looking hint", []byte("<p>\xe9"), " Latin1 ", "é"},
		{"unknown hint falls back to meta", []byte("<meta charset=iso-8859-1><p>\xe9"), "no-such-charset", "é"},
		{"bad utf-8 with utf-8 hint", []byte("<p>a\xffb"), "utf-8", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseWithCharset(tt.in, tt.charset)
			body := doc.FirstElement("body")
			if body == nil {
				t.Fatal("no body")
			}
			if got := body.TextContent(); got != tt.want {
				t.Errorf("body text %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseFragment(t *testing.T) {
	doc := ParseString("<form><table><tr><td id=cell></td></tr></table></form><textarea id=ta></textarea><svg id=s></svg>")
	tests := []struct {
		name    string
		context *dom.Node
		in      string
		want    string
	}{
		{"nil context is body", nil, "<p>a<p>b", "<p>a</p><p>b</p>"},
		{"div context", doc.FirstElement("body"), "x<b>y", "x<b>y</b>"},
		{"td in tr context", doc.FirstElement("tr"), "<td>1<td>2", "<td>1</td><td>2</td>"},
		{"td in body context is dropped", doc.FirstElement("body"), "<td>1", "1"},
		{"textarea context is text", doc.ElementByID("ta"), "<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"},
		{"svg context stays svg", doc.ElementByID("s"), "<circle/>", "<circle></circle>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, err := ParseFragment(tt.context, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, n := range nodes {
				if n.Parent != nil {
					t.Errorf("fragment node %q is attached", n.TagName)
				}
				if tt.context != nil && n.OwnerDocument != doc {
					t.Errorf("fragment node not owned by the context's document")
				}
				b.WriteString(Serialize(n))
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := ParseFragment(doc.CreateTextNode("x"), "a"); err == nil {
		t.Error("text context: want error")
	}
	svgNodes, _ := ParseFragment(doc.ElementByID("s"), "<circle/>")
	if len(svgNodes) != 1 || svgNodes[0].Namespace != SVGNamespace {
		t.Errorf("svg fragment: %+v", svgNodes)
	}
}

func TestTooDeep(t *testing.T) {
	in := "<p>before</p>" + strings.Repeat("<div>", 600) + "after"
	doc, err := Parse(strings.NewReader(in))
	if !errors.Is(err, ErrTooDeep) {
		t.Fatalf("err = %v, want ErrTooDeep", err)
	}
	if doc == nil || doc.FirstElement("body") == nil {
		t.Fatal("no usable document")
	}
	if got := doc.FirstElement("p").TextContent(); got != "before" {
		t.Errorf("p text %q", got)
	}
	if n := len(doc.ElementsByTagName("div")); n < 400 || n > 512 {
		t.Errorf("%d divs kept", n)
	}
	if ParseString(in).FirstElement("p") == nil {
		t.Error("ParseString lost the prefix")
	}
}

func TestSerializeNodes(t *testing.T) {
	doc := ParseString("<!DOCTYPE html><p id=x>a<!--c-->b</p>")
	p := doc.ElementByID("x")
	tests := []struct {
		name string
		n    *dom.Node
		want string
	}{
		{"nil", nil, ""},
		{"element", p, `<p id="x">a<!--c-->b</p>`},
		{"text", p.FirstChild, "a"},
		{"comment", p.FirstChild.NextSibling, "<!--c-->"},
		{"doctype", doc.FirstChild, "<!DOCTYPE html>"},
	}
	for _, tt := range tests {
		if got := Serialize(tt.n); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got, want := SerializeChildren(p), "a<!--c-->b"; got != want {
		t.Errorf("SerializeChildren: got %q, want %q", got, want)
	}
	// Text built by a script, not the parser, is escaped the same way.
	div := doc.CreateElement("div")
	div.AppendChild(doc.CreateTextNode("<&\u00a0>"))
	div.SetAttribute("data-x", "\"&\u00a0<")
	if got, want := Serialize(div), `<div data-x="&quot;&amp;&nbsp;<">&lt;&amp;&nbsp;&gt;</div>`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

package page

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	pngenc "image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"glassbox/engine/dom"
	"glassbox/engine/paint"
	"glassbox/network"
)

// serve starts a server on loopback with the given files.
func serve(t *testing.T, files map[string]string) *url.URL {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(r.URL.Path, ".css"):
			w.Header().Set("Content-Type", "text/css")
		case strings.HasSuffix(r.URL.Path, ".html"):
			w.Header().Set("Content-Type", "text/html")
		}
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL + "/")
	return u
}

func load(t *testing.T, base *url.URL, path string) *Page {
	t.Helper()
	u, _ := base.Parse(path)
	p, err := Load(context.Background(), network.NewLoader(network.Options{}), u)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// width returns the layout width of the element with the given id.
func width(t *testing.T, p *Page, id string, vw float32) float32 {
	t.Helper()
	el := p.Doc.ElementByID(id)
	if el == nil {
		t.Fatalf("no #%s", id)
	}
	return p.Styles(vw, 600).Of(el).Width.Value
}

func TestStylesheetsInCascadeOrder(t *testing.T) {
	base := serve(t, map[string]string{
		"/p.html": `<!doctype html><title> A   title </title>
			<link rel=stylesheet href=a.css>
			<style>@import "c.css"; #y { width: 3px }</style>
			<link rel="alternate stylesheet" href=never.css>
			<link rel=stylesheet href=missing.css>
			<link rel=stylesheet href=print.css media=print>
			<link rel=stylesheet href=narrow.css media="(max-width: 500px)">
			<div id=x></div><div id=y></div><div id=z></div><div id=m></div>`,
		"/a.css":      `@import url(b.css); #x { width: 2px }`,
		"/b.css":      `#x { width: 1px } #z { width: 7px }`,
		"/c.css":      `#y { width: 4px } #z { width: 8px }`,
		"/never.css":  `#x { width: 99px }`,
		"/print.css":  `#m { width: 50px }`,
		"/narrow.css": `#m { width: 60px }`,
	})
	p := load(t, base, "p.html")
	if got := p.Title(); got != "A title" {
		t.Errorf("Title() = %q", got)
	}
	tests := []struct {
		id   string
		vw   float32
		want float32
	}{
		{"x", 800, 2}, // a.css's own rule comes after its import
		{"y", 800, 3}, // the <style>'s own rule comes after c.css
		{"z", 800, 8}, // c.css comes after b.css in document order
		{"m", 800, 0}, // print sheet ignored, narrow sheet does not apply
		{"m", 400, 60},
	}
	for _, tt := range tests {
		if got := width(t, p, tt.id, tt.vw); got != tt.want {
			t.Errorf("#%s at %vpx wide: width %v, want %v", tt.id, tt.vw, got, tt.want)
		}
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "missing.css") {
		t.Errorf("warnings = %q, want one about missing.css", p.Warnings)
	}
}

func TestImportLoopEnds(t *testing.T) {
	base := serve(t, map[string]string{
		"/p.html": `<link rel=stylesheet href=a.css><div id=x></div>`,
		"/a.css":  `@import "a.css"; #x { width: 5px }`,
	})
	if got := width(t, load(t, base, "p.html"), "x", 800); got != 5 {
		t.Errorf("width %v, want 5", got)
	}
}

func TestNonHTMLContent(t *testing.T) {
	tests := []struct {
		resp network.Response
		want func(*dom.Node) bool
	}{
		{network.Response{ContentType: "text/plain", Body: []byte("<b>not markup</b>")},
			func(d *dom.Node) bool { return d.FirstElement("pre").TextContent() == "<b>not markup</b>" }},
		{network.Response{ContentType: "image/png"},
			func(d *dom.Node) bool { return d.FirstElement("img") != nil }},
		{network.Response{ContentType: "text/html", Body: []byte("<p>x")},
			func(d *dom.Node) bool { return d.FirstElement("p") != nil }},
	}
	for _, tt := range tests {
		u, _ := url.Parse("http://127.0.0.1/x")
		tt.resp.URL, tt.resp.Status = u, 200
		p := FromResponse(context.Background(), nil, &tt.resp)
		if !tt.want(p.Doc) {
			t.Errorf("%s: unexpected document", tt.resp.ContentType)
		}
	}
}

func TestErrorPageSaysWhatHappened(t *testing.T) {
	u, _ := url.Parse("file:///no/such/file.html")
	err := &network.LoadError{URL: u.String(), Kind: network.NotFound, Err: errors.New("file not found")}
	p := ErrorPage(u, err)
	if text := p.Doc.DocumentElement().TextContent(); !strings.Contains(text, "file not found") {
		t.Errorf("error page text: %q", text)
	}
	if dl := p.Frame(800, 600); len(dl.Items) == 0 {
		t.Error("error page paints nothing")
	}
}

func TestFrameCanvasBackground(t *testing.T) {
	u, _ := url.Parse("about:blank")
	p := FromHTML(context.Background(), nil, u, `<body style="background: #123456"><p>x`)
	dl := p.Frame(800, 600)
	if want := (color.NRGBA{0x12, 0x34, 0x56, 0xff}); dl.Background != want {
		t.Errorf("canvas background %v, want %v", dl.Background, want)
	}
	var text bool
	for _, it := range dl.Items {
		if _, ok := it.(*paint.GlyphRun); ok {
			text = true
		}
	}
	if !text {
		t.Error("no glyph run painted")
	}
}

func TestXHTMLStyleCDATA(t *testing.T) {
	const style = "<style><![CDATA[ #x { width: 5px } ]]></style><div id=x></div>"
	tests := []struct {
		contentType string
		want        float32
	}{
		{"application/xhtml+xml", 5}, // the CDATA section's text is the sheet
		{"text/html", 0},             // "<![CDATA[ #x" is a bad selector
	}
	for _, tt := range tests {
		u, _ := url.Parse("http://127.0.0.1/x")
		p := FromResponse(context.Background(), nil, &network.Response{URL: u, Status: 200,
			ContentType: tt.contentType, Body: []byte(style)})
		if got := width(t, p, "x", 800); got != tt.want {
			t.Errorf("%s: width %v, want %v", tt.contentType, got, tt.want)
		}
	}
}

func TestXHTMLScriptCDATA(t *testing.T) {
	const doc = `<div id=x></div><script><![CDATA[ if (1 < 2) document.getElementById("x").style.width = "5px" ]]></script>`
	tests := []struct {
		contentType string
		want        float32
	}{
		{"application/xhtml+xml", 5}, // the CDATA section's text is the script
		{"text/html", 0},             // "<![CDATA[" is a syntax error
	}
	for _, tt := range tests {
		u, _ := url.Parse("http://127.0.0.1/x")
		p := FromResponse(context.Background(), nil, &network.Response{URL: u, Status: 200,
			ContentType: tt.contentType, Body: []byte(doc)})
		if got := width(t, p, "x", 800); got != tt.want {
			t.Errorf("%s: width %v, want %v", tt.contentType, got, tt.want)
		}
	}
}

func TestUnwrapCDATA(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a{}", "a{}"},
		{"<![CDATA[a{}]]>", "a{}"},
		{"x <![CDATA[a{}]]> y <![CDATA[b{}]]>", "x a{} y b{}"},
		{"<![CDATA[a{}", "a{}"},
		{"body &gt; p {}", "body > p {}"},
		{"<![CDATA[a &gt; b]]> &amp;", "a &gt; b &"},
	}
	for _, tt := range tests {
		if got := unwrapCDATA(tt.in); got != tt.want {
			t.Errorf("unwrapCDATA(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBackgroundImagesLoad(t *testing.T) {
	var png bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	if err := pngenc.Encode(&png, img); err != nil {
		t.Fatal(err)
	}
	base := serve(t, map[string]string{
		"/p.html":    `<link rel=stylesheet href=css/s.css><div id=a></div><div id=b style="background: url(i/b.png)"></div>`,
		"/css/s.css": `#a { background-image: url(../i/a.png) }`,
		"/i/a.png":   png.String(),
		"/i/b.png":   png.String(),
	})
	p := load(t, base, "p.html")
	styles := p.Styles(800, 600)
	for _, id := range []string{"a", "b"} {
		u := styles.Of(p.Doc.ElementByID(id)).BackgroundImage
		if _, ok := p.backgrounds[u]; !ok {
			t.Errorf("#%s: background %q not loaded (have %v)", id, u, p.backgrounds)
		}
	}
}

func TestFrameTiming(t *testing.T) {
	u, _ := url.Parse("file:///t.html")
	var b strings.Builder
	b.WriteString("<!doctype html><style>p { color: #123 }</style>")
	for range 200 {
		b.WriteString("<p>some words to shape and lay out</p>")
	}
	p := FromHTML(context.Background(), nil, u, b.String())
	before := time.Now()
	p.Frame(800, 600)
	tm := p.Timing
	if tm.Start.Before(before) || time.Since(tm.Start) < tm.Style+tm.Layout+tm.Paint {
		t.Errorf("timing %+v does not lie within the call", tm)
	}
	if tm.Style <= 0 || tm.Layout <= 0 || tm.Paint <= 0 {
		t.Errorf("Frame timing %+v: every stage must take some time", tm)
	}
	p.Layout(800, 600)
	if p.Timing.Layout <= 0 || p.Timing.Paint != 0 {
		t.Errorf("Layout timing %+v: want layout and no paint", p.Timing)
	}
}

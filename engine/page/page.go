// Package page is a loaded document and its frame lifecycle: it fetches a
// URL through the network package, builds the DOM, loads the subresources
// the first frame needs (stylesheets, images), and runs the rendering
// stages in order to produce a frame:
//
//	DOM -> style -> layout (fragment tree) -> paint (display list)
//
// A Page belongs to one goroutine, the page's main thread: nothing here is
// safe for concurrent use, which is what lets the stages read the tree
// without locks. What leaves the page (a display list) is immutable.
//
//	p, err := page.Load(ctx, loader, u)
//	if err != nil { p = page.ErrorPage(u, err) }
//	frame := p.Frame(800, 600)
package page

import (
	"bytes"
	"context"
	"image"
	_ "image/gif" // decoders for <img>
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"strings"
	"sync"

	_ "golang.org/x/image/webp" // WebP for <img>

	"glassbox/assets"
	"glassbox/engine/css"
	"glassbox/engine/dom"
	"glassbox/engine/html"
	"glassbox/engine/layout"
	"glassbox/engine/paint"
	"glassbox/engine/style"
	"glassbox/engine/text"
	"glassbox/network"
)

// Page is a document with everything needed to render it.
type Page struct {
	// URL is the document's URL after redirects.
	URL *url.URL
	// Doc is the Document node.
	Doc *dom.Node
	// Status is the HTTP status the document came with (200 for non-HTTP).
	Status int

	loader *network.Loader
	sheets []style.Sheet
	images map[*dom.Node]image.Image
	// root is the fragment tree of the last Layout, kept for hit testing
	// (hit.go).
	root *layout.Fragment
	// Warnings lists subresources that failed to load, one line each, for
	// the console.
	Warnings []string
}

var (
	fontsOnce sync.Once
	fonts     *text.Collection
	uaOnce    sync.Once
	uaSheet   *css.Stylesheet
)

// Fonts returns the font collection every page shares: the bundled fonts,
// parsed once.
func Fonts() *text.Collection {
	fontsOnce.Do(func() { fonts = text.NewCollection() })
	return fonts
}

func userAgentSheet() *css.Stylesheet {
	uaOnce.Do(func() { uaSheet = css.Parse(assets.UAStyleSheet()) })
	return uaSheet
}

// Load fetches u and the subresources the first frame needs. An error
// means the document itself could not be loaded; failed subresources are
// only noted in Warnings, as browsers do.
func Load(ctx context.Context, loader *network.Loader, u *url.URL) (*Page, error) {
	resp, err := loader.Load(ctx, u)
	if err != nil {
		return nil, err
	}
	p := FromResponse(ctx, loader, resp)
	return p, nil
}

// FromResponse builds a page from an already loaded response. Content that
// is not HTML (plain text, an image) is shown the way browsers show it.
func FromResponse(ctx context.Context, loader *network.Loader, resp *network.Response) *Page {
	var doc *dom.Node
	switch {
	case strings.HasPrefix(resp.ContentType, "image/"):
		doc = html.ParseString(`<!doctype html><body style="margin:0"><img src="` + escapeAttr(resp.URL.String()) + `">`)
	case resp.ContentType == "text/html" || resp.ContentType == "application/xhtml+xml" || resp.ContentType == "":
		doc = html.ParseWithCharset(resp.Body, resp.Charset)
	default: // text/plain, text/css, application/javascript ...: shown as text
		doc = html.ParseString("<!doctype html><pre>" + escapeText(string(resp.Body)) + "</pre>")
	}
	p := &Page{URL: resp.URL, Doc: doc, Status: resp.Status, loader: loader}
	p.loadSubresources(ctx, resp)
	return p
}

// FromHTML builds a page from markup, as if loaded from u. Subresources
// are loaded through loader (which may be nil: then none are).
func FromHTML(ctx context.Context, loader *network.Loader, u *url.URL, markup string) *Page {
	return FromResponse(ctx, loader, &network.Response{URL: u, Status: 200, ContentType: "text/html", Body: []byte(markup)})
}

// ErrorPage is the page shown in place of a document that failed to load.
func ErrorPage(u *url.URL, err error) *Page {
	return FromResponse(context.Background(), nil, &network.Response{URL: u, Status: 0, ContentType: "text/html", Body: network.ErrorPage(err)})
}

// Title returns the document's title, with white space collapsed.
func (p *Page) Title() string {
	t := p.Doc.FirstElement("title")
	if t == nil {
		return ""
	}
	return strings.Join(strings.Fields(t.TextContent()), " ")
}

// Styles runs the cascade for a viewport of the given size.
func (p *Page) Styles(width, height float32) *style.Styles {
	sheets := append([]style.Sheet{{Sheet: userAgentSheet(), Origin: style.UserAgent}}, p.sheets...)
	return style.Compute(p.Doc, sheets, style.Viewport{Width: width, Height: height, Fonts: Fonts()})
}

// Layout runs style and layout for a viewport of the given size and
// returns the fragment tree. The page keeps it for hit testing.
func (p *Page) Layout(width, height float32) *layout.Fragment {
	p.root = layout.Layout(p.Doc, p.Styles(width, height), imageSource(p.images), Fonts(), width, height)
	return p.root
}

// Frame runs every stage for a viewport of the given size and returns the
// display list.
func (p *Page) Frame(width, height float32) *paint.DisplayList {
	return paint.Build(p.Layout(width, height))
}

type imageSource map[*dom.Node]image.Image

func (s imageSource) Image(n *dom.Node) (image.Image, bool) {
	img, ok := s[n]
	return img, ok
}

func escapeText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

func escapeAttr(s string) string {
	r := strings.NewReplacer("&", "&amp;", `"`, "&quot;")
	return r.Replace(s)
}

// decodeImage decodes PNG, JPEG, GIF (first frame) and WebP.
func decodeImage(b []byte) (image.Image, error) {
	img, _, err := image.Decode(bytes.NewReader(b))
	return img, err
}

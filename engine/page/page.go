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
	"time"

	_ "golang.org/x/image/webp" // WebP for <img>

	"glassbox/assets"
	"glassbox/engine/bindings"
	"glassbox/engine/css"
	"glassbox/engine/dom"
	"glassbox/engine/eventloop"
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
	// sheetsOf are the sheets each <style> and <link> brought in at load;
	// parsedStyles caches <style> text parsed since (subresource.go).
	sheetsOf     map[*dom.Node]loadedSheets
	parsedStyles map[string]*css.Stylesheet
	images       map[*dom.Node]image.Image
	// root is the fragment tree of the last Layout, kept for hit testing
	// (hit.go).
	root *layout.Fragment
	// textFrags are root's text fragments in tree order, found once per
	// layout for selection (selection.go).
	textsOf   *layout.Fragment
	textFrags []*layout.Fragment
	// Warnings lists subresources that failed to load, one line each, for
	// the console.
	Warnings []string

	// Scripting: the event loop and the window, nil when scripting is off
	// (see script.go).
	Loop *eventloop.Loop
	Win  *bindings.Window
	// OnFrame, when set, is called at a rendering opportunity after
	// scripts changed the document, to render and commit a frame.
	OnFrame func()

	opts          Options
	ctx           context.Context
	width, height float32
	layoutVersion uint64
	styles        *style.Styles // of the last Layout
	top           *frame        // the top-level browsing context, when scripting
	hovered       *dom.Node     // the element under the pointer

	// Timing is how long the stages of the last Layout or Frame took.
	Timing Timing
}

// Timing is how long each rendering stage of a frame took. The stages run
// back to back from Start: style, then layout, then paint (zero after a
// Layout without paint).
type Timing struct {
	Start                time.Time
	Style, Layout, Paint time.Duration
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
	return LoadWith(ctx, loader, u, Options{})
}

// LoadWith is Load with scripting options.
func LoadWith(ctx context.Context, loader *network.Loader, u *url.URL, opts Options) (*Page, error) {
	resp, err := loader.Load(ctx, u)
	if err != nil {
		return nil, err
	}
	return FromResponseWith(ctx, loader, resp, opts), nil
}

// FromResponse builds a page from an already loaded response. Content that
// is not HTML (plain text, an image) is shown the way browsers show it.
func FromResponse(ctx context.Context, loader *network.Loader, resp *network.Response) *Page {
	return FromResponseWith(ctx, loader, resp, Options{})
}

// FromResponseWith is FromResponse with scripting options. An HTML
// document's scripts run while it is parsed, then DOMContentLoaded and,
// once its subresources are in, load fire; the page's event loop then
// runs when the caller runs it (Run).
func FromResponseWith(ctx context.Context, loader *network.Loader, resp *network.Response, opts Options) *Page {
	p := &Page{URL: resp.URL, Status: resp.Status, loader: loader, opts: opts, ctx: ctx, width: 800, height: 600}
	if opts.Width > 0 && opts.Height > 0 {
		p.width, p.height = opts.Width, opts.Height
	}
	switch {
	case strings.HasPrefix(resp.ContentType, "image/"):
		p.Doc = html.ParseString(`<!doctype html><body style="margin:0"><img src="` + escapeAttr(resp.URL.String()) + `">`)
	case resp.ContentType == "text/html" || resp.ContentType == "application/xhtml+xml" || resp.ContentType == "":
		if opts.NoScript || resp.URL == nil || !mayScript(resp.Body) {
			p.Doc = html.ParseWithCharset(resp.Body, resp.Charset)
			break
		}
		p.Doc = dom.NewDocument()
		p.startScripting()
		p.parse(resp)
	default: // text/plain, text/css, application/javascript ...: shown as text
		p.Doc = html.ParseString("<!doctype html><pre>" + escapeText(string(resp.Body)) + "</pre>")
	}
	p.loadSubresources(ctx, resp)
	p.loaded()
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
	sheets := append([]style.Sheet{{Sheet: userAgentSheet(), Origin: style.UserAgent}}, p.authorSheets()...)
	return style.Compute(p.Doc, sheets, style.Viewport{Width: width, Height: height})
}

// Layout runs style and layout for a viewport of the given size and
// returns the fragment tree. The page keeps it for hit testing.
func (p *Page) Layout(width, height float32) *layout.Fragment {
	p.width, p.height = width, height
	if p.Win != nil {
		p.layoutVersion = p.Win.Version()
	}
	start := time.Now()
	p.styles = p.Styles(width, height)
	styled := time.Now()
	p.root = layout.Layout(p.Doc, p.styles, imageSource(p.images), Fonts(), width, height)
	p.Timing = Timing{Start: start, Style: styled.Sub(start), Layout: time.Since(styled)}
	return p.root
}

// Frame runs every stage for a viewport of the given size and returns the
// display list.
func (p *Page) Frame(width, height float32) *paint.DisplayList {
	root := p.Layout(width, height)
	start := time.Now()
	dl := paint.Build(root)
	p.Timing.Paint = time.Since(start)
	return dl
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

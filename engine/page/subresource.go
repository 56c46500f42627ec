package page

import (
	"context"
	"fmt"
	"image"
	"net/url"
	"strings"
	"sync"

	"glassbox/engine/css"
	"glassbox/engine/dom"
	"glassbox/engine/style"
	"glassbox/network"
)

// maxImportDepth bounds @import chains, which may loop.
const maxImportDepth = 8

// loadSubresources fetches, in parallel, the stylesheets and images the
// first frame needs, then puts the sheets in document order, which is the
// order the cascade needs.
func (p *Page) loadSubresources(ctx context.Context, resp *network.Response) {
	p.images = make(map[*dom.Node]image.Image)
	base := p.baseURL()

	type slot struct {
		n      *dom.Node
		sheets []style.Sheet
	}
	var (
		slots []*slot
		wg    sync.WaitGroup
		mu    sync.Mutex
	)
	warn := func(format string, args ...any) {
		mu.Lock()
		p.Warnings = append(p.Warnings, fmt.Sprintf(format, args...))
		mu.Unlock()
	}

	p.Doc.Walk(func(n *dom.Node) bool {
		if n.Type != dom.ElementNode || n.Namespace != "" {
			return true
		}
		switch n.TagName {
		case "style":
			s := &slot{n: n}
			slots = append(slots, s)
			src := n.TextContent()
			if resp.ContentType == "application/xhtml+xml" {
				src = unwrapCDATA(src)
			}
			sheet := css.Parse(src)
			media := mediaAttr(n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.sheets = p.withImports(ctx, base, sheet, media, 0, warn)
			}()
		case "link":
			if !isStylesheetLink(n) {
				return true
			}
			href, ok := n.Attribute("href")
			if !ok || p.loader == nil {
				return true
			}
			u, err := network.Resolve(base, href)
			if err != nil {
				warn("stylesheet %q: %v", href, err)
				return true
			}
			s := &slot{n: n}
			slots = append(slots, s)
			media := mediaAttr(n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				sheet, err := p.fetchSheet(ctx, u)
				if err != nil {
					warn("%v", err)
					return
				}
				s.sheets = p.withImports(ctx, u, sheet, media, 0, warn)
			}()
		case "img":
			src, ok := n.Attribute("src")
			if !ok || p.loader == nil || strings.TrimSpace(src) == "" {
				return true
			}
			u, err := network.Resolve(base, src)
			if err != nil {
				warn("image %q: %v", src, err)
				return true
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := p.loader.Load(ctx, u)
				if err != nil {
					warn("%v", err)
					return
				}
				img, err := decodeImage(r.Body)
				if err != nil {
					warn("image %s: %v", u, err)
					return
				}
				mu.Lock()
				p.images[n] = img
				mu.Unlock()
			}()
		}
		return true
	})
	wg.Wait()
	p.sheetsOf = make(map[*dom.Node]loadedSheets, len(slots))
	for _, s := range slots {
		p.sheets = append(p.sheets, s.sheets...)
		p.sheetsOf[s.n] = loadedSheets{text: s.n.TextContent(), sheets: s.sheets}
	}
}

// loadedSheets are the sheets a <style> or <link> element brought in at
// load, imports first; text is a <style>'s text then.
type loadedSheets struct {
	text   string
	sheets []style.Sheet
}

// authorSheets returns the document's style sheets in document order as
// the document is now: scripts may add, remove or edit <style> elements,
// and scripts that run while the page loads see the <style> elements
// parsed so far. A <link>'s sheet is the one loaded with the page; a
// <style> whose text changed is parsed again (without its imports).
func (p *Page) authorSheets() []style.Sheet {
	if p.Win == nil && p.sheetsOf != nil {
		return p.sheets // no script can have changed anything
	}
	var out []style.Sheet
	p.Doc.Walk(func(n *dom.Node) bool {
		if n.Type != dom.ElementNode || n.Namespace != "" {
			return true
		}
		switch n.TagName {
		case "style":
			text := n.TextContent()
			if l, ok := p.sheetsOf[n]; ok && l.text == text {
				out = append(out, l.sheets...)
				return true
			}
			if p.parsedStyles == nil {
				p.parsedStyles = map[string]*css.Stylesheet{}
			}
			sheet, ok := p.parsedStyles[text]
			if !ok {
				sheet = css.Parse(text)
				p.parsedStyles[text] = sheet
			}
			out = append(out, style.Sheet{Sheet: sheet, Origin: style.Author, Media: mediaAttr(n)})
		case "link":
			if l, ok := p.sheetsOf[n]; ok && isStylesheetLink(n) {
				out = append(out, l.sheets...)
			}
		}
		return true
	})
	return out
}

// baseURL is the document's base URL: the first <base href>, else the
// document's own URL.
func (p *Page) baseURL() *url.URL {
	if b := p.Doc.FirstElement("base"); b != nil {
		if href, ok := b.Attribute("href"); ok {
			if u, err := network.Resolve(p.URL, href); err == nil {
				return u
			}
		}
	}
	return p.URL
}

// isStylesheetLink reports whether a <link> is a stylesheet to apply:
// rel lists "stylesheet" and not "alternate" (alternate sheets apply only
// when the user picks them, which this browser does not offer yet).
func isStylesheetLink(n *dom.Node) bool {
	var sheet, alternate bool
	for _, t := range strings.Fields(strings.ToLower(n.AttributeOr("rel"))) {
		sheet = sheet || t == "stylesheet"
		alternate = alternate || t == "alternate"
	}
	return sheet && !alternate
}

func (p *Page) fetchSheet(ctx context.Context, u *url.URL) (*css.Stylesheet, error) {
	r, err := p.loader.Load(ctx, u)
	if err != nil {
		return nil, err
	}
	if r.Status >= 400 {
		return nil, fmt.Errorf("stylesheet %s: HTTP status %d", u, r.Status)
	}
	return css.Parse(string(r.Body)), nil
}

// mediaAttr reads the media attribute of a <style> or <link>; nil means
// all media.
func mediaAttr(n *dom.Node) *css.MediaList {
	if m, ok := n.Attribute("media"); ok && strings.TrimSpace(m) != "" {
		return css.ParseMediaList(m)
	}
	return nil
}

// withImports returns the sheets that @import rules of sheet bring in,
// depth first, followed by sheet itself: imported rules come before the
// importing sheet's own in the cascade order. An imported sheet applies
// only where both its @import's media and the importer's media match;
// the cascade takes one media list per sheet, so for nested conditions
// the innermost list is kept (a simplification: both rarely differ).
func (p *Page) withImports(ctx context.Context, base *url.URL, sheet *css.Stylesheet, media *css.MediaList, depth int, warn func(string, ...any)) []style.Sheet {
	var out []style.Sheet
	if p.loader != nil && depth < maxImportDepth {
		for _, imp := range sheet.Imports {
			u, err := network.Resolve(base, imp.URL)
			if err != nil {
				warn("@import %q: %v", imp.URL, err)
				continue
			}
			child, err := p.fetchSheet(ctx, u)
			if err != nil {
				warn("%v", err)
				continue
			}
			m := media
			if imp.Media != nil {
				m = imp.Media
			}
			out = append(out, p.withImports(ctx, u, child, m, depth+1, warn)...)
		}
	}
	return append(out, style.Sheet{Sheet: sheet, Origin: style.Author, Media: media})
}

// unwrapCDATA replaces the CDATA sections of s by their text. XHTML
// documents are parsed as HTML until there is an XML parser, and an HTML
// <style> is raw text, so the "<![CDATA[" and "]]>" that XHTML style
// sheets are commonly wrapped in would reach the CSS parser and spoil the
// first and last rules. An XML parser gives their contents as text.
func unwrapCDATA(s string) string {
	const open, close = "<![CDATA[", "]]>"
	if !strings.Contains(s, open) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+len(open):]
		j := strings.Index(s, close)
		if j < 0 {
			b.WriteString(s) // unterminated: the rest is its text
			return b.String()
		}
		b.WriteString(s[:j])
		s = s[j+len(close):]
	}
}

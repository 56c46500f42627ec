package network

import (
	"context"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// extensionTypes maps file name extensions to the MIME types of the
// files a browser opens from disk. Other files are sniffed rather than
// looked up in the system's MIME tables, which differ between machines.
var extensionTypes = map[string]string{
	".html":  "text/html",
	".htm":   "text/html",
	".xhtml": "application/xhtml+xml",
	".xht":   "application/xhtml+xml",
	".css":   "text/css",
	".js":    "text/javascript",
	".mjs":   "text/javascript",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".svg":   "image/svg+xml",
	".txt":   "text/plain",
}

// filePath returns the local path a file: URL names.
func filePath(u *url.URL) (string, error) {
	if u.Opaque != "" {
		return "", loadErr(u.String(), BadURL, "malformed file: URL", nil)
	}
	if h := u.Hostname(); h != "" && !strings.EqualFold(h, "localhost") {
		return "", loadErr(u.String(), Unsupported, fmt.Sprintf("file: URLs on other hosts (%q) are not supported", h), nil)
	}
	p := u.Path
	if p == "" {
		p = "/"
	}
	if runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		// file:///C:/dir is the path C:/dir.
		p = p[1:]
	}
	return filepath.FromSlash(p), nil
}

func (l *Loader) loadFile(ctx context.Context, u *url.URL) (*Response, error) {
	p, err := filePath(u)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	resp := &Response{URL: u, Status: http.StatusOK}
	if info.IsDir() {
		if !strings.HasSuffix(u.Path, "/") {
			// As a web server would redirect, so that the listing's
			// relative links resolve inside the directory.
			d := *u
			d.Path += "/"
			d.RawPath = ""
			resp.URL = &d
		}
		entries, err := f.ReadDir(-1)
		if err != nil {
			return nil, err
		}
		resp.ContentType, resp.Charset = "text/html", "utf-8"
		resp.Body = dirListing(resp.URL.Path, entries)
		return resp, nil
	}
	if info.Size() > l.maxBody {
		return nil, &reason{msg: fmt.Sprintf("larger than the limit of %d bytes", l.maxBody), cause: errTooLarge}
	}
	resp.Body, err = readLimited(f, l.maxBody)
	if err != nil {
		return nil, err
	}
	resp.ContentType = extensionTypes[strings.ToLower(path.Ext(p))]
	if resp.ContentType == "" {
		resp.ContentType = sniff(resp.Body)
	}
	return resp, nil
}

// dirListing returns an HTML page listing a directory's entries,
// directories first, each linked relative to the directory.
func dirListing(dir string, entries []fs.DirEntry) []byte {
	sort.SliceStable(entries, func(i, j int) bool {
		return entries[i].IsDir() && !entries[j].IsDir()
	})
	var b strings.Builder
	title := html.EscapeString("Index of " + dir)
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%s</title>
<style>
body { font-family: sans-serif; margin: 2em; }
li { list-style: none; padding: 0.1em 0; }
.size { color: #666; margin-left: 1em; }
</style></head>
<body><h1>%s</h1>
<ul>
`, title, title)
	if dir != "/" {
		b.WriteString(`<li><a href="../">../</a></li>` + "\n")
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			name += "/"
		}
		// "./" keeps a name with a colon from reading as a scheme.
		href := (&url.URL{Path: "./" + name}).EscapedPath()
		size := ""
		if info, err := e.Info(); err == nil && !e.IsDir() {
			size = fmt.Sprintf(`<span class="size">%d bytes</span>`, info.Size())
		}
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a>%s</li>\n", html.EscapeString(href), html.EscapeString(name), size)
	}
	b.WriteString("</ul>\n</body></html>\n")
	return []byte(b.String())
}

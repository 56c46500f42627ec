package page

import (
	"context"
	"net/url"
	"testing"
)

func TestLinkAt(t *testing.T) {
	u, _ := url.Parse("http://example.com/dir/page.html")
	p := FromHTML(context.Background(), nil, u, `<!doctype html>
<style>body { margin: 0; font: 20px/20px sans-serif } p { margin: 0; height: 40px }</style>
<p><a href="next.html"><span>next</span> page</a> plain text</p>
<p><a href=" /abs?q=1#frag ">absolute</a> <a name="x">no href</a></p>
<p><a href="http://[::1">bad</a></p>`)
	p.Layout(800, 600)

	tests := []struct {
		name string
		x, y float32
		want string // "" for no link
	}{
		{"text in a span in a link", 5, 10, "http://example.com/dir/next.html"},
		{"text of the link", 60, 10, "http://example.com/dir/next.html"},
		{"plain text", 200, 10, ""},
		{"empty part of the line", 700, 10, ""},
		{"href with spaces, absolute path", 5, 50, "http://example.com/abs?q=1#frag"},
		{"a without href", 120, 50, ""},
		{"invalid href", 5, 90, ""},
		{"below everything", 5, 500, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := p.LinkAt(tt.x, tt.y)
			if ok != (tt.want != "") || ok && got.String() != tt.want {
				t.Errorf("LinkAt(%v, %v) = %v, %v; want %q (hit %v)", tt.x, tt.y, got, ok, tt.want, p.HitTest(tt.x, tt.y))
			}
		})
	}
}

func TestLinkAtBaseURL(t *testing.T) {
	u, _ := url.Parse("file:///tmp/a/index.html")
	p := FromHTML(context.Background(), nil, u, `<base href="http://example.org/b/"><body style="margin:0"><a href="c.html">link</a>`)
	if _, ok := p.LinkAt(5, 5); ok {
		t.Error("LinkAt before any layout found a link")
	}
	p.Frame(400, 300) // Frame lays out too
	got, ok := p.LinkAt(5, 5)
	if !ok || got.String() != "http://example.org/b/c.html" {
		t.Errorf("LinkAt = %v, %v; want http://example.org/b/c.html", got, ok)
	}
}

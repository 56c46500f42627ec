package page

import (
	"context"
	"net/url"
	"testing"
)

func TestFragmentTarget(t *testing.T) {
	u, _ := url.Parse("file:///f.html")
	p := FromHTML(context.Background(), nil, u, `<!doctype html><body style="margin:0">
<div style="height:100px"></div>
<h2 id="intro" style="margin:0; height:50px">Intro</h2>
<div style="height:200px"></div>
<p style="margin:0"><a name="old" style="display:block; height:20px">named</a></p>
<div style="height:300px"></div>
<div id="caf%C3%A9" style="height:10px"></div>
<div id="café" style="height:10px"></div>
<div id="gone" style="display:none"></div>
<div id="top" style="height:10px"></div>`)
	p.Frame(800, 600)
	tests := []struct {
		frag string
		y    float32
		ok   bool
	}{
		{"", 0, true},
		{"intro", 100, true},
		{"old", 350, true},       // <a name>, an inline's box on its line
		{"caf%C3%A9", 670, true}, // the id as given comes first
		{"caf%c3%a9", 680, true}, // then the decoded fragment
		{"café", 680, true},
		{"TOP", 0, true},   // no such id: the top
		{"top", 690, true}, // an id named top wins
		{"gone", 0, false}, // no box
		{"nowhere", 0, false},
		{"%zz", 0, false}, // not decodable
	}
	for _, tt := range tests {
		y, ok := p.FragmentTarget(tt.frag)
		if y != tt.y || ok != tt.ok {
			t.Errorf("FragmentTarget(%q) = %v, %v; want %v, %v", tt.frag, y, ok, tt.y, tt.ok)
		}
	}
}

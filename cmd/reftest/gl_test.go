package main

import (
	"bytes"
	"context"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"glassbox/compositor"
	"glassbox/engine/page"
	"glassbox/network"
)

// glRendererOrSkip returns the headless renderer, or skips the test on a
// machine that cannot render.
func glRendererOrSkip(t *testing.T) renderer {
	t.Helper()
	r, err := newGLRenderer(viewportWidth, viewportHeight, 1)
	if err != nil {
		t.Skip("no headless GL:", err)
	}
	t.Cleanup(r.close)
	return r
}

// ahemFile is the Ahem font of the conformance data, when this checkout
// has it.
const ahemFile = "../../../shared/conformance/fonts/Ahem.ttf"

func TestGLRun(t *testing.T) {
	glRendererOrSkip(t)
	root := writeTree(t, map[string]string{
		"t/green.html":     `<!doctype html><link rel=match href=green-ref.html><style>div{width:100px;height:100px;background:green}</style><div></div>`,
		"t/green-ref.html": `<!doctype html><div style="width:50px;height:100px;border-left:50px solid green;background:green"></div>`,
		"t/red.html":       `<!doctype html><link rel=match href=green-ref.html><div style="width:100px;height:100px;background:red"></div>`,
		"t/differs.html":   `<!doctype html><link rel=mismatch href=green-ref.html><div style="width:100px;height:100px;background:red"></div>`,
		"t/ahem.html":      `<!doctype html><link rel=mismatch href=serif.html><p style="font:40px Ahem">Xp</p>`,
		"t/serif.html":     `<!doctype html><p style="font:40px serif">Xp</p>`,
	})
	flags := []string{"-root", root, "-j", "2"}
	paths := []string{"t/green.html", "t/red.html", "t/differs.html"}
	want := "PASS t/differs.html\nPASS t/green.html\nFAIL t/red.html\n"
	if _, err := os.Stat(ahemFile); err == nil {
		flags = append(flags, "-fonts", ahemFile)
		paths = append(paths, "t/ahem.html")
		want = "PASS t/ahem.html\n" + want
	}
	var stdout, stderr bytes.Buffer
	if status := run(append(flags, paths...), &stdout, &stderr, newGLRenderer); status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("output:\n%s\nwant it to begin with\n%s", stdout.String(), want)
	}
}

// TestGLReuse checks that a compositor reused for another document draws
// the same picture as a fresh one.
func TestGLReuse(t *testing.T) {
	r := glRendererOrSkip(t)
	dir := t.TempDir()
	busy := filepath.Join(dir, "busy.html")
	plain := filepath.Join(dir, "plain.html")
	if err := os.WriteFile(busy, []byte(`<!doctype html><body style="background:navy;height:3000px"><p style="color:yellow;font-size:40px">Lots of text `+strings.Repeat("and more ", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, []byte(`<!doctype html><div style="margin:20px;width:30px;height:30px;background:teal"></div>`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, p := range []string{busy, plain, busy} {
		u, _ := fileKey(p)
		if _, err := r.render(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	u, _ := fileKey(plain)
	got, err := r.render(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := page.Load(ctx, network.NewLoader(network.Options{}), u)
	if err != nil {
		t.Fatal(err)
	}
	want, err := compositor.RenderOffscreen(pg.Frame(viewportWidth, viewportHeight), viewportWidth, viewportHeight)
	if err != nil {
		t.Fatal(err)
	}
	if d := compare(got, want); d.diffPixels != 0 {
		t.Errorf("reused compositor differs from a fresh one in %d pixels", d.diffPixels)
	}
	if got.Rect != image.Rect(0, 0, viewportWidth, viewportHeight) {
		t.Errorf("picture is %v", got.Rect)
	}
}

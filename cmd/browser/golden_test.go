package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden from the current output")

// tolerance is the largest difference allowed in any channel of any pixel
// between a screenshot and its golden image. Software GL is deterministic
// on one machine; the slack absorbs antialiasing differences between Mesa
// versions.
const tolerance = 24

// goldenPages are the pages under testdata/pages whose layout dump and
// screenshot are checked in. Each covers features of the first slice.
var goldenPages = []string{
	"block-box-model",
	"inline-text",
	"selectors",
	"cascade",
	"units-colors",
	"borders-backgrounds",
	"fonts",
	"images",
	"stylesheets",
	"malformed",
}

func TestGolden(t *testing.T) {
	for _, name := range goldenPages {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "pages", name+".html")
			var dump, errs bytes.Buffer
			code := run(context.Background(), []string{"-headless", "-dump-layout", path}, &dump, &errs)
			if code != 0 {
				t.Fatalf("dump-layout exited %d: %s", code, errs.String())
			}
			checkText(t, filepath.Join("testdata", "golden", name+".layout.txt"), dump.Bytes())

			shot := filepath.Join(t.TempDir(), name+".png")
			errs.Reset()
			code = run(context.Background(), []string{"-headless", "-screenshot", shot, path}, &dump, &errs)
			if code != 0 {
				t.Fatalf("screenshot exited %d: %s", code, errs.String())
			}
			checkImage(t, filepath.Join("testdata", "golden", name+".png"), shot)
		})
	}
}

func checkText(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("layout differs from %s (go test -update rewrites it):\n%s", golden, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

func checkImage(t *testing.T, golden, gotPath string) {
	t.Helper()
	got, err := readPNG(gotPath)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		b, _ := os.ReadFile(gotPath)
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readPNG(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if n, worst, at := compareImages(want, got); n > 0 {
		t.Errorf("screenshot differs from %s in %d pixels (worst channel difference %d at %v); the new one is %s",
			golden, n, worst, at, keep(t, gotPath))
	}
}

// keep copies a failing screenshot somewhere that outlives the test.
func keep(t *testing.T, path string) string {
	dst := filepath.Join(os.TempDir(), "glassbox-"+filepath.Base(path))
	if b, err := os.ReadFile(path); err == nil && os.WriteFile(dst, b, 0o644) == nil {
		return dst
	}
	return path
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// compareImages counts the pixels whose channels differ by more than the
// tolerance. Images of different sizes differ everywhere.
func compareImages(a, b image.Image) (n, worst int, at image.Point) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return a.Bounds().Dx() * a.Bounds().Dy(), 255, image.Point{}
	}
	ab, bb := a.Bounds(), b.Bounds()
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			d := max(diff(r1, r2), diff(g1, g2), diff(b1, b2), diff(a1, a2))
			if d > tolerance {
				n++
				if d > worst {
					worst, at = d, image.Pt(x, y)
				}
			}
		}
	}
	return n, worst, at
}

func diff(a, b uint32) int {
	d := int(a>>8) - int(b>>8)
	if d < 0 {
		return -d
	}
	return d
}

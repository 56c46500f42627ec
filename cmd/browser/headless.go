package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"strings"
	"time"

	"glassbox/assets"
	"glassbox/compositor"
	"glassbox/engine/html"
	"glassbox/engine/layout"
	"glassbox/engine/page"
	"glassbox/network"
	"glassbox/timeline"
)

// newLoader is the loader every page of this process uses; about: pages
// come from the bundled assets.
func newLoader() *network.Loader {
	return network.NewLoader(network.Options{Pages: assets.Pages()})
}

// openPage loads what the user asked for. When that fails it returns the
// error page in its place together with the error, so a caller always has
// something to show.
func openPage(ctx context.Context, loader *network.Loader, input string, opts page.Options) (*page.Page, error) {
	cwd, _ := os.Getwd()
	u, err := network.ParseUserInput(input, cwd)
	if err != nil {
		return page.ErrorPage(nil, err), err
	}
	p, err := page.LoadWith(ctx, loader, u, opts)
	if err != nil {
		return page.ErrorPage(u, err), err
	}
	return p, nil
}

func runHeadless(ctx context.Context, o *options, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	opts := page.Options{Width: float32(o.width), Height: float32(o.height)}
	if o.console {
		opts.Console = func(level, text string) {
			// One line per message: a multi-line message keeps its
			// line breaks escaped.
			fmt.Fprintf(stdout, "%s: %s\n", level, strings.ReplaceAll(text, "\n", "\\n"))
		}
	}
	p, loadErr := openPage(ctx, newLoader(), o.url, opts)
	for _, w := range p.Warnings {
		fmt.Fprintln(stderr, "browser: warning:", w)
	}
	if o.duration > 0 {
		p.Run(o.duration)
	}
	if o.dumpDOM {
		fmt.Fprintln(stdout, html.Serialize(p.Doc))
	}
	w, h := float32(o.width), float32(o.height)
	tl := timeline.NewRing(compositor.TimelineCapacity)
	var frames uint64
	if o.dumpLayout {
		layout.Dump(stdout, p.Layout(w, h))
		frames++
		addPageTiming(tl, p.Timing, frames)
	}
	if o.screenshot != "" {
		frames++
		img, err := screenshot(p, o.width, o.height, tl, frames)
		if err == nil {
			err = writePNG(o.screenshot, img)
		}
		if err != nil {
			fmt.Fprintln(stderr, "browser:", err)
			return 1
		}
	}
	if o.trace != "" {
		if err := writeTrace(o.trace, tl.Events()); err != nil {
			fmt.Fprintln(stderr, "browser:", err)
			return 1
		}
	}
	if loadErr != nil {
		fmt.Fprintln(stderr, "browser:", loadErr)
		return 1
	}
	return 0
}

// screenshot renders the page's frame offscreen through the compositor
// and the GPU, as the window would show it, recording the stages' timings
// in tl.
func screenshot(p *page.Page, width, height int, tl *timeline.Ring, frame uint64) (*image.RGBA, error) {
	dl := p.Frame(float32(width), float32(height))
	addPageTiming(tl, p.Timing, frame)
	c, err := compositor.NewHeadless(width, height)
	if err != nil {
		return nil, err
	}
	defer func() {
		c.Close()
		for _, e := range c.Timeline().Events() {
			tl.Add(e)
		}
	}()
	start := time.Now()
	c.Commit(compositor.NewFrame(dl, image.Pt(width, height)))
	tl.Span(timeline.PageThread(1), timeline.Commit, frame, start)
	return c.Screenshot()
}

// addPageTiming records the page's stages, which ran back to back.
func addPageTiming(tl *timeline.Ring, tm page.Timing, frame uint64) {
	at := tm.Start
	for _, st := range []struct {
		stage timeline.Stage
		dur   time.Duration
	}{{timeline.Style, tm.Style}, {timeline.Layout, tm.Layout}, {timeline.Paint, tm.Paint}} {
		if st.dur > 0 {
			tl.Add(timeline.Event{Stage: st.stage, Thread: timeline.PageThread(1), Start: at, Dur: st.dur, Frame: frame})
		}
		at = at.Add(st.dur)
	}
}

func writeTrace(path string, events []timeline.Event) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := timeline.WriteTrace(f, events); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

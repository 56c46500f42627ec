// Command browser is Glassbox, the web browser.
//
// With no flags it opens a window showing the URL given, or the bundled
// start page:
//
//	browser [URL]
//
// In headless mode it renders offscreen through the same pipeline (the GPU
// compositor on an offscreen OpenGL context) and writes what was asked:
//
//	browser -headless -screenshot out.png -size 800x600 URL
//	browser -headless -dump-layout URL
//	browser -headless -console -dump-dom -duration 2s URL
//
// Pages run their scripts; -console prints what they log and their
// uncaught errors, -dump-dom the DOM after the load event, and -duration
// keeps the event loop (timers, animation frames at 60 Hz) running that
// long after load before anything is printed or rendered.
//
// -trace FILE writes the frame timings of every stage (the page's style,
// layout, paint and commit; the compositor's raster, draw and swap; the
// GPU's raster and draw where the driver has timer queries) to FILE in the
// Trace Event Format, which Perfetto (ui.perfetto.dev) opens. A window
// writes it when it closes.
//
// URL may be a file path, or a file:, http:, https:, data: or about: URL.
// When the page cannot be loaded, the window shows an error page; headless
// mode renders the error page too, prints a one-line message and exits
// with status 1.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

const usage = `usage: browser [flags] [URL]

URL is a file path or a file:, http:, https:, data: or about: URL
(default about:start, the bundled start page).

Flags:
`

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command-line settings.
type options struct {
	headless   bool
	screenshot string
	dumpLayout bool
	console    bool
	dumpDOM    bool
	duration   time.Duration
	width      int
	height     int
	url        string
	trace      string
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("browser", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	var o options
	size := fs.String("size", "", "viewport size WIDTHxHEIGHT in CSS px (default 800x600 headless, 1024x768 in a window)")
	fs.BoolVar(&o.headless, "headless", false, "render offscreen, without a window")
	fs.StringVar(&o.screenshot, "screenshot", "", "with -headless: write a PNG of the rendered page to this file")
	fs.BoolVar(&o.dumpLayout, "dump-layout", false, "with -headless: print the layout tree (format: docs/layout-dump.md)")
	fs.BoolVar(&o.console, "console", false, "with -headless: print console messages and uncaught errors to stdout, one line each, as level: text")
	fs.BoolVar(&o.dumpDOM, "dump-dom", false, "with -headless: print the serialized DOM after the load event (and after -duration)")
	fs.DurationVar(&o.duration, "duration", 0, "with -headless: keep the event loop running this long after load (timers, animation frames at 60 Hz)")
	fs.StringVar(&o.trace, "trace", "", "write the frame timings (style, layout, paint, commit, raster, draw, GPU) to this file\nas Trace Event Format JSON, for Perfetto or chrome://tracing; a window writes it when it closes")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	switch fs.NArg() {
	case 0:
		o.url = "about:start"
	case 1:
		o.url = fs.Arg(0)
	default:
		return nil, fmt.Errorf("one URL at a time, got %d: %s", fs.NArg(), strings.Join(fs.Args(), " "))
	}
	o.width, o.height = 1024, 768
	if o.headless {
		o.width, o.height = 800, 600
	}
	if *size != "" {
		w, h, err := parseSize(*size)
		if err != nil {
			return nil, err
		}
		o.width, o.height = w, h
	}
	if !o.headless && (o.screenshot != "" || o.dumpLayout || o.console || o.dumpDOM || o.duration != 0) {
		return nil, fmt.Errorf("-screenshot, -dump-layout, -dump-dom, -console and -duration need -headless")
	}
	if o.headless && o.screenshot == "" && !o.dumpLayout && !o.dumpDOM && !o.console {
		return nil, fmt.Errorf("-headless needs -screenshot FILE, -dump-layout, -dump-dom or -console")
	}
	if o.duration < 0 {
		return nil, fmt.Errorf("bad -duration %v: must not be negative", o.duration)
	}
	return &o, nil
}

// parseSize reads "800x600".
func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w <= 0 || h <= 0 || w > 16384 || h > 16384 {
		return 0, 0, fmt.Errorf("bad -size %q: want WIDTHxHEIGHT, e.g. 800x600", s)
	}
	return w, h, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "browser:", err)
		return 2
	}
	if o.headless {
		return runHeadless(ctx, o, stdout, stderr)
	}
	if err := runWindow(o); err != nil {
		fmt.Fprintln(stderr, "browser:", err)
		return 1
	}
	return 0
}

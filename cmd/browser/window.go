package main

import (
	"context"
	"fmt"
	"os"
	"sync"

	"glassbox/app"
	"glassbox/engine/page"
	"glassbox/engine/paint"
)

// runWindow opens the browser window on the URL. The page is loaded and
// laid out on the page goroutine that app calls Paint from, never on the
// UI thread.
func runWindow(o *options) error {
	loader := newLoader()
	var (
		mu   sync.Mutex // the page belongs to one goroutine at a time
		p    *page.Page
		once sync.Once
	)
	paintFn := func(width, height int) (*paint.DisplayList, string) {
		mu.Lock()
		defer mu.Unlock()
		once.Do(func() {
			var err error
			p, err = openPage(context.Background(), loader, o.url)
			if err != nil {
				fmt.Fprintln(os.Stderr, "browser:", err)
			}
			for _, w := range p.Warnings {
				fmt.Fprintln(os.Stderr, "browser: warning:", w)
			}
		})
		return p.Frame(float32(width), float32(height)), p.Title()
	}
	return app.Run(app.Options{Width: o.width, Height: o.height, Paint: paintFn})
}

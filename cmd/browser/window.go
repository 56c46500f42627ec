package main

import (
	"fmt"
	"os"

	"glassbox/app"
)

// runWindow opens the browser window on the URL. Each tab loads, lays out
// and paints its page on its own goroutine, never on the UI thread; load
// errors and warnings go to standard error.
func runWindow(o *options) error {
	return app.Run(app.Options{
		Width:  o.width,
		Height: o.height,
		URL:    o.url,
		Loader: newLoader(),
		Log:    func(msg string) { fmt.Fprintln(os.Stderr, "browser:", msg) },
	})
}

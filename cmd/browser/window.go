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
	opts := app.Options{
		Width:  o.width,
		Height: o.height,
		URL:    o.url,
		Loader: newLoader(),
		Log:    func(msg string) { fmt.Fprintln(os.Stderr, "browser:", msg) },
	}
	var trace *os.File
	if o.trace != "" {
		// Created before the window opens, so a bad path fails at once.
		f, err := os.Create(o.trace)
		if err != nil {
			return err
		}
		trace, opts.Trace = f, f
	}
	err := app.Run(opts)
	if trace != nil {
		if cerr := trace.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

//go:build !jsengine

package main

// defaultEngine is nil until package glassbox/js has its embedding API:
// engine_glassbox.go, built with -tags jsengine, adapts it. Once the API
// has landed, drop the build constraints from both files and delete this
// one.
var defaultEngine engineFactory

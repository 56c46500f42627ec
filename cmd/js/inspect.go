package main

import (
	"glassbox/js"
	"glassbox/js/vm"
)

// inspect formats a value as console.log prints it.
func inspect(v js.Value) string { return vm.Inspect(v) }

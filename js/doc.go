// Package js is Glassbox's JavaScript engine: source is parsed with
// github.com/tdewolff/parse/v2/js, compiled to a register bytecode with an
// accumulator (in the style of V8's Ignition), and run by an interpreter
// whose objects have shapes (hidden classes) and whose property sites have
// inline caches.
//
// The engine knows nothing of the DOM: the web bindings live on the engine
// side (engine/), which embeds this package through its realm, host
// function and job-queue API.
//
// Status: not built yet. The engine lands in later steps (see the issue
// tracker); this file reserves the package and states its purpose.
package js

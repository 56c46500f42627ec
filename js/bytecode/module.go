package bytecode

// ModuleTemplate is a compiled module (the static part of a Source Text
// Module Record, ECMA-262 16.2.1.7): its code and the import and export
// entries that linking resolves.
//
// A module's top-level bindings live in one heap context, the module
// context, which exists from link time on so that modules in a cycle can
// see each other's functions before any of them runs. Slot 0 of that
// context holds the module record; every top-level declaration has a slot
// of its own. A named import's slot holds an indirect reference to the
// exporting module's slot, which LdaModuleVariable follows, so imports are
// live bindings.
type ModuleTemplate struct {
	File string
	// Init creates the closures of the hoisted function declarations in
	// the module context (InitializeEnvironment). It runs at link time.
	Init *FunctionTemplate
	// Body runs the module's statements. It is an async function
	// (FlagAsync) when the module uses top-level await.
	Body   *FunctionTemplate
	HasTLA bool
	// Slots is the size of the module context; Lexical lists the slots
	// that start uninitialized (let, const, class and the default export).
	Slots   int
	Lexical []int

	Requests        []ModuleRequest
	Imports         []ImportEntry
	LocalExports    []LocalExport
	IndirectExports []IndirectExport
	StarExports     []int // indexes into Requests of export * from
}

// ModuleRequest is a module specifier with its import attributes.
type ModuleRequest struct {
	Specifier  string
	Attributes []ImportAttribute
}

// ImportAttribute is one key: value of an import's with clause.
type ImportAttribute struct{ Key, Value string }

// ImportEntry is one imported binding.
type ImportEntry struct {
	Request    int
	ImportName string
	Namespace  bool // import * as local: the slot holds the namespace object
	Local      string
	Slot       int
}

// LocalExport exports the binding in Slot under ExportName.
type LocalExport struct {
	ExportName string
	Slot       int
}

// IndirectExport re-exports ImportName of another module (export {a as b}
// from "m", or an imported binding exported again), or its namespace when
// Namespace is set (export * as b from "m").
type IndirectExport struct {
	ExportName string
	Request    int
	ImportName string
	Namespace  bool
}

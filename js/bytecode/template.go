package bytecode

import "sync"

// FunctionKind distinguishes the kinds of function a template can make,
// which decide how calls, `this` and construction behave.
type FunctionKind uint8

// Function kinds.
const (
	NormalFunction FunctionKind = iota
	ArrowFunction
	Method // object or class method: has a home object, not a constructor
	Getter
	Setter
	BaseConstructor
	DerivedConstructor
	ScriptBody
	ClassFieldInit // the synthesized initializer of instance fields
)

// Flags of a template.
const (
	FlagStrict    = 1 << iota
	FlagGenerator // function* or async function* (suspends with SuspendGenerator)
	FlagAsync
)

// SlotKind is the kind of a feedback slot: what its inline cache records.
type SlotKind uint8

// Feedback slot kinds.
const (
	SlotLoad SlotKind = iota + 1
	SlotStore
	SlotGlobal
	SlotCall
	SlotBinary
	SlotCompare
)

var slotKindNames = [...]string{SlotLoad: "LoadProperty", SlotStore: "StoreProperty", SlotGlobal: "Global", SlotCall: "Call", SlotBinary: "BinaryOp", SlotCompare: "CompareOp"}

func (k SlotKind) String() string {
	if int(k) < len(slotKindNames) && slotKindNames[k] != "" {
		return slotKindNames[k]
	}
	return "?"
}

// Handler is one entry of a function's exception handler table: a throw
// while pc is in [Start, End) resumes at Handler with the exception in the
// accumulator and the context restored from register Context (or left
// as it is when Context is -1).
type Handler struct {
	Start, End, Handler int
	Context             int
}

// Pos maps the instruction at Offset to a source position (1-based).
type Pos struct {
	Offset       int
	Line, Column int
}

// BigIntConst is a BigInt literal in the constant pool, as decimal digits.
type BigIntConst string

// TemplateConst is the constant for a tagged template's strings object.
type TemplateConst struct {
	Cooked []*string // nil where the cooked string is undefined
	Raw    []string
}

// RegExpConst is the constant of a regular expression literal, for
// CreateRegExpLiteral: the pattern and flags as written, and the compiled
// program (a *regexp.Program of package glassbox/js/regexp), compiled once
// by the compiler and shared by every evaluation of the literal.
type RegExpConst struct {
	Pattern, Flags string
	Program        any
}

// ClassConst describes a class's shape for CallRuntime CreateClass.
type ClassConst struct {
	Name string
}

// FunctionTemplate is the compiled form of one function (or script): the
// unit the interpreter runs and closures are made from.
type FunctionTemplate struct {
	Name       string
	File       string
	Kind       FunctionKind
	Flags      int
	Code       []byte
	Constants  []any // float64, string, BigIntConst, *FunctionTemplate, *TemplateConst, *RegExpConst
	Registers  int   // total: receiver + parameters + locals and temporaries
	ParamCount int   // formal parameters held in registers 1..ParamCount
	Length     int   // the function's "length" property
	Feedback   []SlotKind
	SlotNames  []string // for call slots, the callee as written, for error messages
	Handlers   []Handler
	Positions  []Pos
	Line, Col  int // where the function starts
	// Src is the script the function is part of, and SrcKind and
	// SrcIndex the function's place among its function-like constructs
	// (see Source); Src is nil where the source text is not known.
	Src               *Source
	SrcKind, SrcIndex int

	// Cache is owned by the virtual machine, which keeps per-template
	// runtime data (converted constants, inline caches) here.
	Cache any
}

// Strict reports whether the function's code is strict mode code.
func (t *FunctionTemplate) Strict() bool { return t.Flags&FlagStrict != 0 }

// PosAt returns the source position of the instruction at offset pc.
func (t *FunctionTemplate) PosAt(pc int) (line, col int) {
	line, col = t.Line, t.Col
	lo, hi := 0, len(t.Positions)
	for lo < hi {
		m := (lo + hi) / 2
		if t.Positions[m].Offset <= pc {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 {
		p := t.Positions[lo-1]
		line, col = p.Line, p.Column
	}
	return line, col
}

// Runtime functions called with CallRuntime id, first, count: rarely
// executed operations that do not deserve an opcode of their own.
const (
	RtCreateClass          = iota // (ctor, parent) -> ctor, prototype in ctor
	RtDefineMethod                // (obj, key, fn, enumerable)
	RtDefineGetter                // (obj, key, fn, enumerable)
	RtDefineSetter                // (obj, key, fn, enumerable)
	RtSpreadInto                  // (array, iterable) appends
	RtCopyDataProperties          // (target, source)
	RtObjectRest                  // (source, excluded keys...) -> new object
	RtIterableToArray             // (iterator record) -> array of the rest
	RtTemplateObject              // (index of TemplateConst)
	RtSuperCall                   // (args...) with spread already applied -> this
	RtSuperCallSpread             // (array of args)
	RtSetHomeObject               // (fn, home)
	RtInitFields                  // (this) run the field initializer of the active function
	RtThrowTypeError              // (message)
	RtCreateRegExp                // (pattern, flags)
	RtDeclareGlobals              // (names array, lexical count) script prologue checks
	RtAwait                       // internal
	RtSetFunctionName             // (fn, key[, prefix])
	RtBigInt                      // (index of BigIntConst)
	RtDeleteSuperProperty         // always throws ReferenceError
	RtAppendElement               // (array, value)
	RtArraySetLength              // (array, length)
	RtInitGlobalLexical           // (name, value) initialises a script-level let, const or class
	RtYieldStar                   // (iterator record, mode, received) -> the inner iterator's result
	RtNewPrivateName              // (description) -> a fresh private name
	RtPrivateGet                  // (obj, name)
	RtPrivateSet                  // (obj, name, value)
	RtPrivateDefine               // (obj, name, value) adds a private field
	RtPrivateIn                   // (name, obj)
	RtAsyncIteratorNext           // (iterator record) -> what for await awaits
	RtAsyncYieldStar              // (iterator record, mode, received) -> what async yield* awaits; may set mode
	RtAsyncYieldStarResult        // (iterator record, mode, awaited) -> the inner result, checked
	RtDynamicImport               // (specifier, options) -> promise of the namespace
	RtImportMeta                  // (module record from the module context) -> import.meta
	RtWithHas                     // (object, name) -> whether a with statement's object has the binding
	RtDirectEval                  // (callee, this, EvalScope constant, args...) eval(args) or a plain call
	RtNewVarObject                // () -> an object without prototype for eval's variables
	RtDeclareEvalVar              // (object, name) adds a variable of sloppy eval code
	RtWithStrictCheck             // (object, name) a ReferenceError when strict code writes a binding the object lost
	RtNumRuntime
)

// RuntimeNames names the runtime functions for the disassembler.
var RuntimeNames = [RtNumRuntime]string{
	"CreateClass", "DefineMethod", "DefineGetter", "DefineSetter", "SpreadInto",
	"CopyDataProperties", "ObjectRest", "IterableToArray", "TemplateObject",
	"SuperCall", "SuperCallSpread", "SetHomeObject", "InitFields", "ThrowTypeError",
	"CreateRegExp", "DeclareGlobals", "Await", "SetFunctionName", "BigInt",
	"DeleteSuperProperty", "AppendElement", "ArraySetLength", "InitGlobalLexical", "YieldStar",
	"NewPrivateName", "PrivateGet", "PrivateSet", "PrivateDefine", "PrivateIn", "AsyncIteratorNext",
	"AsyncYieldStar", "AsyncYieldStarResult", "DynamicImport", "ImportMeta", "WithHas", "DirectEval", "NewVarObject", "DeclareEvalVar", "WithStrictCheck",
}

// Source is the text of a script, shared by its function templates,
// which find their [[SourceText]] in it for Function.prototype.toString.
// The extents of the functions are found only when first asked for, so
// that compiling costs no more than walking the tree once.
type Source struct {
	Text []byte
	// Counts are the numbers of function-like constructs of each kind
	// the compiler saw; Scan finds their extents, in source order, in
	// Text. A kind whose counts disagree has no source texts.
	Counts [4]int
	Scan   func(text []byte) [4][]Range

	once   sync.Once
	ranges [4][]Range
}

// Range is an extent of a source text in bytes.
type Range struct{ Start, End int }

// SourceText returns the function's source text, or nil where it is
// not known.
func (t *FunctionTemplate) SourceText() []byte {
	s := t.Src
	if s == nil || t.SrcKind < 0 || t.SrcKind >= len(s.Counts) {
		return nil
	}
	s.once.Do(func() {
		if s.Scan != nil {
			s.ranges = s.Scan(s.Text)
		}
	})
	rs := s.ranges[t.SrcKind]
	if len(rs) != s.Counts[t.SrcKind] || t.SrcIndex < 0 || t.SrcIndex >= len(rs) {
		return nil
	}
	r := rs[t.SrcIndex]
	return s.Text[r.Start:r.End:r.End]
}

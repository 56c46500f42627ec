package bytecode

// EvalScope tells the compiler of direct eval code what the caller sees
// where it calls eval: its strictness and the local bindings in scope,
// which the caller keeps in contexts so that the eval code can reach them.
type EvalScope struct {
	Strict bool
	// InFunction: the caller is a function, whose var scope a sloppy
	// eval's var declarations join.
	InFunction bool
	// NoArgumentsVar: the eval is in a parameter list, where a var named
	// arguments is an error (ECMA-262 19.2.1.1 PerformEval).
	NoArgumentsVar bool
	Bindings       []EvalBinding // innermost first
	// VarObject is where the caller function keeps the variables that
	// sloppy eval code declares (Name empty when there is none).
	VarObject EvalBinding
}

// EvalBinding is a binding visible to eval code: Depth contexts up from
// the caller's current one, in slot Slot.
type EvalBinding struct {
	Name        string
	Depth, Slot int
	Lexical     bool // let, const, class: a var of the same name is an error
	Const       bool
	VarScope    bool // in the function's own var scope
	Local       bool // in the caller function, inside its var object
	SelfName    bool // a function expression's own name: immutable
}

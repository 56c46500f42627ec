// Package bytecode defines the instruction set of Glassbox's JavaScript
// engine, its encoding, the function templates the compiler produces and a
// disassembler whose output reads like `node --print-bytecode`.
//
// The machine is an accumulator plus a file of registers, in the style of
// V8's Ignition: most instructions take one operand from the accumulator and
// leave their result there, and name any other operands as registers. This
// keeps instructions short (an expression tree compiles to few register
// moves) while still letting the compiler keep locals in registers.
//
// An instruction is one opcode byte followed by its operands. Registers,
// constant-pool indices, feedback slots and counts are 16-bit; immediates
// and jump targets are 32-bit. All multi-byte operands are little-endian.
// The operand layout of every opcode is listed in the Ops table, which the
// encoder, the interpreter and the disassembler share.
//
// Register numbering: register 0 is the receiver (<this>), registers
// 1..ParamCount are the parameters (a0, a1, ...), and the remaining
// registers are locals and temporaries (r0, r1, ...).
package bytecode

// Op is one opcode.
type Op uint8

// OperandKind says how an operand is encoded and how it is printed.
type OperandKind uint8

// Operand kinds.
const (
	Reg   OperandKind = iota + 1 // register, 16-bit
	Idx                          // constant-pool index, 16-bit
	Slot                         // feedback slot, 16-bit
	Count                        // unsigned count or small enum, 16-bit
	Imm                          // signed immediate, 32-bit
	Label                        // absolute jump target, 32-bit
)

// Size is the number of bytes an operand of kind k occupies.
func (k OperandKind) Size() int {
	if k == Imm || k == Label {
		return 4
	}
	return 2
}

// Info describes an opcode.
type Info struct {
	Name     string
	Operands []OperandKind
}

// The opcodes. Names follow Ignition where Ignition has one.
const (
	// Loads into the accumulator.
	LdaZero Op = iota
	LdaSmi
	LdaUndefined
	LdaNull
	LdaTrue
	LdaFalse
	LdaTheHole
	LdaConstant
	Ldar
	Star
	Mov

	// Globals and contexts.
	LdaGlobal
	LdaGlobalInsideTypeof
	StaGlobal
	LdaContextSlot
	StaContextSlot
	CreateBlockContext
	PushContext
	PopContext
	StoreContext
	ThrowReferenceErrorIfHole
	ThrowConstAssignError
	ThrowSuperNotCalledIfHole
	ThrowSuperAlreadyCalledIfNotHole

	// Arithmetic with the accumulator and a register.
	Add
	Sub
	Mul
	Div
	Mod
	Exp
	BitwiseOr
	BitwiseXor
	BitwiseAnd
	ShiftLeft
	ShiftRight
	ShiftRightLogical
	Inc
	Dec
	Negate
	BitwiseNot
	ToNumeric
	ToNumber
	ToString
	ToName
	ToObject
	LogicalNot
	ToBooleanLogicalNot
	TypeOf
	DeletePropertyStrict
	DeletePropertySloppy

	// Comparisons.
	TestEqual
	TestEqualStrict
	TestLessThan
	TestGreaterThan
	TestLessThanOrEqual
	TestGreaterThanOrEqual
	TestInstanceOf
	TestIn
	TestUndefinedOrNull

	// Properties.
	GetNamedProperty
	SetNamedProperty
	DefineNamedOwnProperty
	GetKeyedProperty
	SetKeyedProperty
	DefineKeyedOwnProperty
	GetSuperProperty
	SetSuperProperty

	// Calls.
	CallProperty
	CallUndefinedReceiver
	CallWithSpread
	Construct
	ConstructWithSpread
	CallRuntime

	// Control flow.
	Jump
	JumpLoop
	JumpIfTrue
	JumpIfFalse
	JumpIfToBooleanTrue
	JumpIfToBooleanFalse
	JumpIfNull
	JumpIfUndefined
	JumpIfUndefinedOrNull
	JumpIfNotUndefinedOrNull
	JumpIfNotHole
	JumpIfHole
	Return
	Throw
	ReThrow

	// Creation.
	CreateClosure
	CreateObjectLiteral
	CreateArrayLiteral
	CreateRegExpLiteral
	CreateMappedArguments
	CreateUnmappedArguments
	CreateRestParameter
	LdaNewTarget
	LdaClosure

	// Iteration.
	ForInPrepare
	ForInNext
	GetIterator
	IteratorNext
	IteratorClose

	// Generators.
	SuspendGenerator
	ResumeGenerator

	// Exceptions.
	Debugger

	// Modules.
	LdaModuleVariable

	NumOps
)

// Ops describes every opcode, indexed by Op.
var Ops = [NumOps]Info{
	LdaZero:                          {"LdaZero", nil},
	LdaSmi:                           {"LdaSmi", []OperandKind{Imm}},
	LdaUndefined:                     {"LdaUndefined", nil},
	LdaNull:                          {"LdaNull", nil},
	LdaTrue:                          {"LdaTrue", nil},
	LdaFalse:                         {"LdaFalse", nil},
	LdaTheHole:                       {"LdaTheHole", nil},
	LdaConstant:                      {"LdaConstant", []OperandKind{Idx}},
	Ldar:                             {"Ldar", []OperandKind{Reg}},
	Star:                             {"Star", []OperandKind{Reg}},
	Mov:                              {"Mov", []OperandKind{Reg, Reg}},
	LdaGlobal:                        {"LdaGlobal", []OperandKind{Idx, Slot}},
	LdaGlobalInsideTypeof:            {"LdaGlobalInsideTypeof", []OperandKind{Idx, Slot}},
	StaGlobal:                        {"StaGlobal", []OperandKind{Idx, Slot}},
	LdaContextSlot:                   {"LdaContextSlot", []OperandKind{Count, Count}},
	StaContextSlot:                   {"StaContextSlot", []OperandKind{Count, Count}},
	CreateBlockContext:               {"CreateBlockContext", []OperandKind{Count}},
	PushContext:                      {"PushContext", []OperandKind{Reg}},
	PopContext:                       {"PopContext", []OperandKind{Reg}},
	StoreContext:                     {"StoreContext", []OperandKind{Reg}},
	ThrowReferenceErrorIfHole:        {"ThrowReferenceErrorIfHole", []OperandKind{Idx}},
	ThrowConstAssignError:            {"ThrowConstAssignError", []OperandKind{Idx}},
	ThrowSuperNotCalledIfHole:        {"ThrowSuperNotCalledIfHole", nil},
	ThrowSuperAlreadyCalledIfNotHole: {"ThrowSuperAlreadyCalledIfNotHole", nil},
	Add:                              {"Add", []OperandKind{Reg, Slot}},
	Sub:                              {"Sub", []OperandKind{Reg, Slot}},
	Mul:                              {"Mul", []OperandKind{Reg, Slot}},
	Div:                              {"Div", []OperandKind{Reg, Slot}},
	Mod:                              {"Mod", []OperandKind{Reg, Slot}},
	Exp:                              {"Exp", []OperandKind{Reg, Slot}},
	BitwiseOr:                        {"BitwiseOr", []OperandKind{Reg, Slot}},
	BitwiseXor:                       {"BitwiseXor", []OperandKind{Reg, Slot}},
	BitwiseAnd:                       {"BitwiseAnd", []OperandKind{Reg, Slot}},
	ShiftLeft:                        {"ShiftLeft", []OperandKind{Reg, Slot}},
	ShiftRight:                       {"ShiftRight", []OperandKind{Reg, Slot}},
	ShiftRightLogical:                {"ShiftRightLogical", []OperandKind{Reg, Slot}},
	Inc:                              {"Inc", []OperandKind{Slot}},
	Dec:                              {"Dec", []OperandKind{Slot}},
	Negate:                           {"Negate", []OperandKind{Slot}},
	BitwiseNot:                       {"BitwiseNot", []OperandKind{Slot}},
	ToNumeric:                        {"ToNumeric", nil},
	ToNumber:                         {"ToNumber", nil},
	ToString:                         {"ToString", nil},
	ToName:                           {"ToName", nil},
	ToObject:                         {"ToObject", nil},
	LogicalNot:                       {"LogicalNot", nil},
	ToBooleanLogicalNot:              {"ToBooleanLogicalNot", nil},
	TypeOf:                           {"TypeOf", nil},
	DeletePropertyStrict:             {"DeletePropertyStrict", []OperandKind{Reg}},
	DeletePropertySloppy:             {"DeletePropertySloppy", []OperandKind{Reg}},
	TestEqual:                        {"TestEqual", []OperandKind{Reg, Slot}},
	TestEqualStrict:                  {"TestEqualStrict", []OperandKind{Reg, Slot}},
	TestLessThan:                     {"TestLessThan", []OperandKind{Reg, Slot}},
	TestGreaterThan:                  {"TestGreaterThan", []OperandKind{Reg, Slot}},
	TestLessThanOrEqual:              {"TestLessThanOrEqual", []OperandKind{Reg, Slot}},
	TestGreaterThanOrEqual:           {"TestGreaterThanOrEqual", []OperandKind{Reg, Slot}},
	TestInstanceOf:                   {"TestInstanceOf", []OperandKind{Reg, Slot}},
	TestIn:                           {"TestIn", []OperandKind{Reg, Slot}},
	TestUndefinedOrNull:              {"TestUndefinedOrNull", nil},
	GetNamedProperty:                 {"GetNamedProperty", []OperandKind{Reg, Idx, Slot}},
	SetNamedProperty:                 {"SetNamedProperty", []OperandKind{Reg, Idx, Slot}},
	DefineNamedOwnProperty:           {"DefineNamedOwnProperty", []OperandKind{Reg, Idx, Slot}},
	GetKeyedProperty:                 {"GetKeyedProperty", []OperandKind{Reg, Slot}},
	SetKeyedProperty:                 {"SetKeyedProperty", []OperandKind{Reg, Reg, Slot}},
	DefineKeyedOwnProperty:           {"DefineKeyedOwnProperty", []OperandKind{Reg, Reg, Count}},
	GetSuperProperty:                 {"GetSuperProperty", []OperandKind{Reg}},
	SetSuperProperty:                 {"SetSuperProperty", []OperandKind{Reg, Reg}},
	CallProperty:                     {"CallProperty", []OperandKind{Reg, Reg, Count, Slot}},
	CallUndefinedReceiver:            {"CallUndefinedReceiver", []OperandKind{Reg, Reg, Count, Slot}},
	CallWithSpread:                   {"CallWithSpread", []OperandKind{Reg, Reg, Slot}},
	Construct:                        {"Construct", []OperandKind{Reg, Reg, Count, Slot}},
	ConstructWithSpread:              {"ConstructWithSpread", []OperandKind{Reg, Reg, Slot}},
	CallRuntime:                      {"CallRuntime", []OperandKind{Count, Reg, Count}},
	Jump:                             {"Jump", []OperandKind{Label}},
	JumpLoop:                         {"JumpLoop", []OperandKind{Label}},
	JumpIfTrue:                       {"JumpIfTrue", []OperandKind{Label}},
	JumpIfFalse:                      {"JumpIfFalse", []OperandKind{Label}},
	JumpIfToBooleanTrue:              {"JumpIfToBooleanTrue", []OperandKind{Label}},
	JumpIfToBooleanFalse:             {"JumpIfToBooleanFalse", []OperandKind{Label}},
	JumpIfNull:                       {"JumpIfNull", []OperandKind{Label}},
	JumpIfUndefined:                  {"JumpIfUndefined", []OperandKind{Label}},
	JumpIfUndefinedOrNull:            {"JumpIfUndefinedOrNull", []OperandKind{Label}},
	JumpIfNotUndefinedOrNull:         {"JumpIfNotUndefinedOrNull", []OperandKind{Label}},
	JumpIfNotHole:                    {"JumpIfNotHole", []OperandKind{Label}},
	JumpIfHole:                       {"JumpIfHole", []OperandKind{Label}},
	Return:                           {"Return", nil},
	Throw:                            {"Throw", nil},
	ReThrow:                          {"ReThrow", nil},
	CreateClosure:                    {"CreateClosure", []OperandKind{Idx}},
	CreateObjectLiteral:              {"CreateObjectLiteral", nil},
	CreateArrayLiteral:               {"CreateArrayLiteral", []OperandKind{Reg, Count}},
	CreateRegExpLiteral:              {"CreateRegExpLiteral", []OperandKind{Idx}},
	CreateMappedArguments:            {"CreateMappedArguments", nil},
	CreateUnmappedArguments:          {"CreateUnmappedArguments", nil},
	CreateRestParameter:              {"CreateRestParameter", nil},
	LdaNewTarget:                     {"LdaNewTarget", nil},
	LdaClosure:                       {"LdaClosure", nil},
	ForInPrepare:                     {"ForInPrepare", nil},
	ForInNext:                        {"ForInNext", []OperandKind{Reg}},
	GetIterator:                      {"GetIterator", []OperandKind{Count}},
	IteratorNext:                     {"IteratorNext", []OperandKind{Reg}},
	IteratorClose:                    {"IteratorClose", []OperandKind{Reg}},
	SuspendGenerator:                 {"SuspendGenerator", []OperandKind{Count}},
	ResumeGenerator:                  {"ResumeGenerator", []OperandKind{Reg}},
	Debugger:                         {"Debugger", nil},
	LdaModuleVariable:                {"LdaModuleVariable", []OperandKind{Count, Count}},
}

func (op Op) String() string {
	if op < NumOps {
		return Ops[op].Name
	}
	return "Illegal"
}

// Width is the encoded size of an instruction with opcode op, in bytes.
func (op Op) Width() int {
	n := 1
	for _, k := range Ops[op].Operands {
		n += k.Size()
	}
	return n
}

// IsJump reports whether op transfers control to a Label operand.
func (op Op) IsJump() bool {
	return op >= Jump && op <= JumpIfHole
}

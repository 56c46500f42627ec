package vm

import (
	"fmt"
	"strings"
)

// Exception is a JavaScript throw travelling through Go code: returned as
// an error by built-ins and by the interpreter when nothing catches it.
type Exception struct {
	Value Value
	// Stack is the stack at the throw, innermost first.
	Stack []StackFrame
}

// StackFrame is one line of a stack trace.
type StackFrame struct {
	Func         string
	File         string
	Line, Column int
}

func (f StackFrame) String() string {
	loc := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
	if f.File == "" {
		loc = "native"
	}
	if f.Func == "" {
		return "    at " + loc
	}
	return "    at " + f.Func + " (" + loc + ")"
}

// Error formats the exception like an uncaught error in V8: the error's
// "Name: message" and then its stack frames.
func (e *Exception) Error() string {
	var sb strings.Builder
	if o := e.Value.Obj(); o != nil && o.class == ClassError {
		name, msg := e.Name(), e.Message()
		sb.WriteString(name)
		if msg != "" {
			sb.WriteString(": " + msg)
		}
	} else {
		sb.WriteString(e.describe())
	}
	for _, f := range e.Stack {
		sb.WriteString("\n" + f.String())
	}
	return sb.String()
}

func (e *Exception) describe() string {
	v := e.Value
	switch v.kind {
	case KindString:
		return v.Strv().String()
	case KindNumber:
		return NumberToString(v.num)
	case KindSymbol:
		return v.Sym().String()
	case KindObject:
		if n, m := e.Name(), e.Message(); n != "" || m != "" {
			if m == "" {
				return n
			}
			return n + ": " + m
		}
		return "#<Object>"
	}
	s, _ := (&Interp{}).ToString(v)
	if s == nil {
		return "?"
	}
	return s.String()
}

// Name is the thrown object's name property ("" for primitives).
func (e *Exception) Name() string { return dataString(e.Value.Obj(), "name") }

// Message is the thrown object's message property.
func (e *Exception) Message() string {
	if e.Value.Obj() == nil {
		return e.describe()
	}
	return dataString(e.Value.Obj(), "message")
}

// dataString reads a string-valued data property along the prototype
// chain without running user code.
func dataString(o *Object, name string) string {
	for ; o != nil; o = o.shape.proto {
		if p, ok := o.getOwn(StrKey(name)); ok {
			if p.attr&Accessor == 0 && p.value.IsString() {
				return p.value.Strv().String()
			}
			return ""
		}
	}
	return ""
}

// Interrupted is the uncatchable error a script ends with after
// Interp.Interrupt.
type Interrupted struct{}

func (*Interrupted) Error() string { return "script interrupted" }

// InternalError reports a bug in the engine caught at the top (a Go panic
// inside a built-in), turned into an error instead of a crash.
type InternalError struct {
	Panic any
	Stack string
}

func (e *InternalError) Error() string { return fmt.Sprintf("internal error: %v", e.Panic) }

// ErrorKind names the native error constructors.
type ErrorKind int

// The native error kinds.
const (
	PlainError ErrorKind = iota
	TypeError
	RangeError
	SyntaxError
	ReferenceError
	EvalError
	URIError
	numErrorKinds
)

var errorNames = [numErrorKinds]string{"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"}

// ErrorKindByName finds an error kind by constructor name.
func ErrorKindByName(name string) (ErrorKind, bool) {
	for i, n := range errorNames {
		if n == name {
			return ErrorKind(i), true
		}
	}
	return 0, false
}

// NewError makes an error object of the given kind in the current realm.
func (it *Interp) NewError(kind ErrorKind, msg string) *Object {
	r := it.realm
	o := newObjectClass(r.ErrorPrototypes[kind], ClassError)
	if msg != "" {
		o.defineOwn(StrKey("message"), Str(msg), Hidden)
	}
	it.attachStack(o)
	return o
}

// attachStack gives an error object its stack, captured now.
func (it *Interp) attachStack(o *Object) {
	frames := it.stackTrace()
	head := dataString(o, "name")
	if m := dataString(o, "message"); m != "" {
		head += ": " + m
	}
	var sb strings.Builder
	sb.WriteString(head)
	for _, f := range frames {
		sb.WriteString("\n" + f.String())
	}
	o.internal = &errorData{frames: frames, stack: sb.String()}
}

// errorData is the [[ErrorData]] of an error object: the stack captured
// when it was made, which Error.prototype.stack's getter returns.
type errorData struct {
	frames []StackFrame
	stack  string
}

// errorFrames returns the stack frames captured for error object o.
func errorFrames(o *Object) ([]StackFrame, bool) {
	if ed, ok := o.internal.(*errorData); ok {
		return ed.frames, true
	}
	return nil, false
}

// throwError returns an *Exception carrying a new error of kind.
func (it *Interp) throwError(kind ErrorKind, msg string) error {
	o := it.NewError(kind, msg)
	frames, _ := errorFrames(o)
	return &Exception{Value: ObjValue(o), Stack: frames}
}

func (it *Interp) typeError(msg string) error      { return it.throwError(TypeError, msg) }
func (it *Interp) rangeError(msg string) error     { return it.throwError(RangeError, msg) }
func (it *Interp) referenceError(msg string) error { return it.throwError(ReferenceError, msg) }

// Throw makes an *Exception for value v, recording the current stack.
func (it *Interp) Throw(v Value) error {
	if o := v.Obj(); o != nil && o.class == ClassError {
		if fr, ok := errorFrames(o); ok {
			return &Exception{Value: v, Stack: fr}
		}
	}
	return &Exception{Value: v, Stack: it.stackTrace()}
}

// stackTrace lists the active JavaScript frames, innermost first.
func (it *Interp) stackTrace() []StackFrame {
	var out []StackFrame
	for i := len(it.frames) - 1; i >= 0 && len(out) < 20; i-- {
		f := it.frames[i]
		t := f.tmpl
		line, col := t.PosAt(f.pc)
		name := t.Name
		if t.Kind == 7 { // ScriptBody
			name = ""
		}
		out = append(out, StackFrame{Func: name, File: t.File, Line: line, Column: col})
	}
	return out
}

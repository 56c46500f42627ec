// Package compiler translates JavaScript source, parsed by
// github.com/tdewolff/parse/v2/js, into bytecode templates (package
// js/bytecode).
//
// The compiler works function by function. Before emitting code it walks
// the whole tree once to learn which variables are captured by inner
// functions (see scope.go): those live in heap contexts, every other
// local lives in a register of its function's frame. Expressions leave
// their value in the accumulator; registers hold locals, operands and
// temporaries, allocated in stack order.
//
// The parser does not report every early error the language requires;
// the compiler checks the rest it knows about and reports them, like the
// parser's errors, as *SyntaxError.
package compiler

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unsafe"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// SyntaxError is an early error in the source.
type SyntaxError struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.File, e.Line, e.Column, e.Msg)
}

// Options control compilation.
type Options struct {
	// Strict compiles the script as strict mode code even without a
	// "use strict" directive.
	Strict bool
	// Eval compiles eval code: its let, const and class declarations are
	// its own, and a direct eval's code sees the caller's bindings.
	Eval *bytecode.EvalScope
}

// Compile parses and compiles a classic script.
func Compile(file, src string, opts Options) (t *bytecode.FunctionTemplate, err error) {
	c, ast, err := parseSource(file, src)
	if err != nil {
		return nil, err
	}
	c.eval = opts.Eval
	if opts.Eval != nil && opts.Eval.Strict {
		opts.Strict = true
	}
	defer func() {
		if p := recover(); p != nil {
			if se, ok := p.(*SyntaxError); ok {
				t, err = nil, se
				return
			}
			panic(p)
		}
	}()
	c.analyze(ast, opts.Strict)
	return c.compileScript(ast, opts.Strict), nil
}

// parseSource parses src and returns a compiler for it.
func parseSource(file, src string) (*compiler, *js.AST, error) {
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	ast, perr := js.Parse(parse.NewInputBytes(buf), js.Options{})
	var ifFuncs map[int]bool
	if perr != nil && strings.Contains(perr.Error(), ifFunctionError) {
		if wrapped, names, ok := wrapIfFunctions(buf); ok {
			wbuf := make([]byte, len(wrapped), len(wrapped)+1)
			copy(wbuf, wrapped)
			if wast, werr := js.Parse(parse.NewInputBytes(wbuf), js.Options{}); werr == nil {
				buf, ast, perr, ifFuncs = wbuf, wast, nil, names
			}
		}
	}
	if perr != nil {
		se := &SyntaxError{File: file, Line: 1, Column: 1, Msg: perr.Error()}
		if pe, ok := perr.(*parse.Error); ok {
			se.Line, se.Column, se.Msg = pe.Line, pe.Column, pe.Message
		}
		return nil, nil, se
	}
	c := &compiler{file: file, src: buf, bindings: map[*js.Var]*binding{}, ifFuncs: ifFuncs}
	c.lines = lineStarts(buf)
	c.numberFunctions(ast)
	return c, ast, nil
}

// compiler holds what is shared by all functions of one script.
type compiler struct {
	eval         *bytecode.EvalScope // compiling eval code
	evalBindings map[string]*binding // the caller's bindings it uses
	withs        []*withScope        // with statements around the code being compiled
	noWith       bool                // compiling the fallback of a with lookup
	file         string
	src          []byte
	// elisionToks the source's tokens, scanned when an array binding
	// pattern is first compiled (see elision.go).
	elisionToks []srcTok
	// elisionClaims the pattern each `[` of elisionToks was found for.
	elisionClaims map[int]*js.BindingArray
	// holePatterns numbers the array binding patterns holding only
	// elisions among those and the array literals holding only
	// elisions, nHoles in all, in source order.
	holePatterns map[*js.BindingArray]int
	nHoles       int
	// commaGroups the number of commas in each bracket group of
	// elisionToks holding only commas, in source order.
	commaGroups []int
	lines       []int
	bindings    map[*js.Var]*binding
	info        map[any]*funcInfo // analysis results per function node
	captured    map[*js.Var]bool
	// classNames are the inner name bindings of the class expressions
	// being compiled, innermost last.
	classNames []*binding
	fs         *funcState // the function being compiled
	lastPos    int
	// source is the script's text for function source texts, and
	// srcIndex the number of each function-like node among those of
	// its kind (source.go).
	source   *bytecode.Source
	srcIndex map[js.INode]int
	// module: the source is a module (CompileModule), whose context is
	// level 1 of every function in it.
	module bool
	// attrs are the import attributes of a module's declarations, by
	// the offset of their specifier (see scanModule).
	attrs map[int][]bytecode.ImportAttribute
	// ifFuncs are the offsets of the names of function declarations that
	// were if or else bodies before wrapIfFunctions braced them.
	ifFuncs map[int]bool
	// catches are the catch clauses with a simple parameter around the
	// code being compiled, innermost last.
	catches []catchScope
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetOf returns the offset of data in the source, or -1 when data does
// not point into it.
func (c *compiler) offsetOf(data []byte) int {
	if len(data) == 0 || len(c.src) == 0 {
		return -1
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(c.src)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	if p < base || p >= base+uintptr(len(c.src)) {
		return -1
	}
	return int(p - base)
}

// lineCol converts an offset to a 1-based line and column.
func (c *compiler) lineCol(off int) (int, int) {
	lo, hi := 0, len(c.lines)
	for lo < hi {
		m := (lo + hi) / 2
		if c.lines[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	line := lo
	return line, off - c.lines[line-1] + 1
}

// pos records data's position for the next instruction.
func (c *compiler) pos(data []byte) {
	if off := c.offsetOf(data); off >= 0 {
		c.lastPos = off
		l, col := c.lineCol(off)
		c.fs.b.SetPos(l, col)
	}
}

// posIdent records the position of the next use of identifier v after
// the last known position. Variables share one node for all their uses,
// whose data points at the declaration, so the use is found by scanning
// forward in the source.
func (c *compiler) posIdent(v *js.Var) {
	name := v.Data
	decl := c.offsetOf(name)
	limit := min(len(c.src), c.lastPos+4096)
	for i := c.lastPos; i+len(name) <= limit; i++ {
		j := bytes.Index(c.src[i:limit], name)
		if j < 0 {
			return
		}
		i += j
		end := i + len(name)
		if i != decl && (i == 0 || !isIdentByte(c.src[i-1])) && (end >= len(c.src) || !isIdentByte(c.src[end])) {
			c.pos(c.src[i:end])
			return
		}
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// errorf aborts compilation with a SyntaxError at the last known position.
func (c *compiler) errorf(format string, args ...any) {
	l, col := c.lineCol(c.lastPos)
	panic(&SyntaxError{File: c.file, Line: l, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// errorAt aborts with a SyntaxError at data's position.
func (c *compiler) errorAt(data []byte, format string, args ...any) {
	if off := c.offsetOf(data); off >= 0 {
		c.lastPos = off
	}
	c.errorf(format, args...)
}

// funcState is the state of the function being compiled.
type funcState struct {
	parent   *funcState
	t        *bytecode.FunctionTemplate
	b        bytecode.Builder
	info     *funcInfo
	nextReg  int
	maxReg   int
	consts   map[any]int
	strict   bool
	kind     bytecode.FunctionKind
	ctxLevel int // contexts active at this point, counted from the script
	controls []*control
	// completion is the register holding a script's completion value
	// (-1 in functions).
	completion int
	// thisReg etc. are where the special bindings live when they are not
	// captured.
	isArrow  bool
	scopes   []*scopeState
	declared []*js.Var // the function scope's declarations, for direct eval
	varObj   *binding  // where sloppy direct eval declares variables
	// inParams: compiling the parameter list's initializers and
	// patterns; argumentsParam: a parameter is named arguments.
	inParams, argumentsParam bool
	// thisB and argsB are the bindings of this and arguments in a
	// non-arrow function (nil when arguments is unused).
	thisB, argsB *binding
	// derived: this starts as the hole until super() returns.
	derived bool
}

// reg allocates a temporary register.
func (fs *funcState) reg() int {
	r := fs.nextReg
	fs.nextReg++
	if fs.nextReg > fs.maxReg {
		fs.maxReg = fs.nextReg
	}
	return r
}

// regs allocates n consecutive registers.
func (fs *funcState) regs(n int) int {
	r := fs.nextReg
	for i := 0; i < n; i++ {
		fs.reg()
	}
	return r
}

func (c *compiler) emit(op bytecode.Op, operands ...int) { c.fs.b.Emit(op, operands...) }

// constant returns the pool index of v, reusing equal entries.
func (c *compiler) constant(v any) int {
	fs := c.fs
	key := v
	if f, ok := v.(float64); ok {
		if f == 0 && math.Signbit(f) {
			key = "-0float"
		} else if math.IsNaN(f) {
			key = "NaNfloat"
		}
	}
	switch v.(type) {
	case float64, string, bytecode.BigIntConst:
		if i, ok := fs.consts[key]; ok {
			return i
		}
	}
	fs.t.Constants = append(fs.t.Constants, v)
	i := len(fs.t.Constants) - 1
	switch v.(type) {
	case float64, string, bytecode.BigIntConst:
		fs.consts[key] = i
	}
	return i
}

func (c *compiler) name(s string) int { return c.constant(s) }

// slot allocates a feedback slot.
func (c *compiler) slot(k bytecode.SlotKind) int {
	t := c.fs.t
	t.Feedback = append(t.Feedback, k)
	t.SlotNames = append(t.SlotNames, "")
	return len(t.Feedback) - 1
}

// loadNumber loads a number constant, using LdaSmi for small integers.
func (c *compiler) loadNumber(f float64) {
	if f == 0 && !math.Signbit(f) {
		c.emit(bytecode.LdaZero)
		return
	}
	if i := int32(f); float64(i) == f && !(f == 0) {
		c.emit(bytecode.LdaSmi, int(i))
		return
	}
	c.emit(bytecode.LdaConstant, c.constant(f))
}

func (c *compiler) loadString(s string) { c.emit(bytecode.LdaConstant, c.constant(s)) }

// newFunc starts compiling a function.
func (c *compiler) newFunc(name string, kind bytecode.FunctionKind, strict bool, info *funcInfo) *funcState {
	fs := &funcState{
		parent:     c.fs,
		t:          &bytecode.FunctionTemplate{Name: name, File: c.file, Kind: kind},
		info:       info,
		consts:     map[any]int{},
		strict:     strict,
		kind:       kind,
		isArrow:    kind == bytecode.ArrowFunction,
		completion: -1,
	}
	if c.fs != nil {
		fs.ctxLevel = c.fs.ctxLevel
	}
	if strict {
		fs.t.Flags |= bytecode.FlagStrict
	}
	l, col := c.lineCol(c.lastPos)
	fs.t.Line, fs.t.Col = l, col
	c.fs = fs
	return fs
}

// finishFunc completes the template of the current function and returns
// to its parent.
func (c *compiler) finishFunc() *bytecode.FunctionTemplate {
	fs := c.fs
	t := fs.t
	t.Code = fs.b.Code
	t.Positions = fs.b.Positions
	t.Registers = fs.maxReg
	c.fs = fs.parent
	return t
}

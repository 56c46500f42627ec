package compiler

import (
	"glassbox/js/bytecode"
)

// controlKind is the kind of an entry of the control stack: something a
// break, continue or return may have to leave.
type controlKind uint8

const (
	ctlLoop     controlKind = iota // breakable and continuable
	ctlBreak                       // switch or labelled statement: breakable
	ctlContext                     // a pushed block context to pop
	ctlIterator                    // a for-of iterator to close
	ctlFinally                     // a finally block to run
)

// control is one entry of the control stack.
type control struct {
	kind     controlKind
	labels   []string
	breakL   bytecode.LabelID
	contL    bytecode.LabelID
	ctxReg   int
	iterReg  int
	ctxLevel int // context level inside the construct
	finally  *finallyInfo
}

// finallyInfo collects the jumps routed through a finally block: each
// gets a token, and the code after the finally body dispatches on it.
type finallyInfo struct {
	entry    bytecode.LabelID
	tokenReg int
	valueReg int
	jumps    []func() // continuations, by token-2
}

const (
	tokenNormal = 0
	tokenThrow  = 1
)

func (c *compiler) pushControl(ct *control) {
	ct.ctxLevel = c.fs.ctxLevel
	c.fs.controls = append(c.fs.controls, ct)
}

func (c *compiler) popControl() {
	c.fs.controls = c.fs.controls[:len(c.fs.controls)-1]
}

// jumpOut emits the code to leave every control entry above index
// target (exclusive), then does final (the jump itself). Finally blocks on
// the way take over: the rest of the exit becomes one of their
// continuations.
func (c *compiler) jumpOut(target int, final func()) {
	fs := c.fs
	for i := len(fs.controls) - 1; i > target; i-- {
		ct := fs.controls[i]
		switch ct.kind {
		case ctlContext:
			c.emit(bytecode.PopContext, ct.ctxReg)
		case ctlIterator:
			c.emit(bytecode.IteratorClose, ct.iterReg)
		case ctlFinally:
			f := ct.finally
			saved := append([]*control(nil), fs.controls...)
			level := fs.ctxLevel
			idx := i
			f.jumps = append(f.jumps, func() {
				// Runs after the finally body, with the control stack as
				// it is outside the try statement.
				c.jumpOut(target, final)
				_ = saved
				_ = level
				_ = idx
			})
			c.loadNumber(float64(len(f.jumps) + 1))
			c.emit(bytecode.Star, f.tokenReg)
			c.emit(bytecode.Jump, int(f.entry))
			return
		}
	}
	final()
}

// findControl finds the target of break/continue with an optional label.
func (c *compiler) findControl(label string, isContinue bool) int {
	fs := c.fs
	for i := len(fs.controls) - 1; i >= 0; i-- {
		ct := fs.controls[i]
		if ct.kind != ctlLoop && ct.kind != ctlBreak {
			continue
		}
		if label == "" {
			if ct.kind == ctlLoop || (!isContinue && ct.kind == ctlBreak && len(ct.labels) == 0) {
				return i
			}
			continue
		}
		for _, l := range ct.labels {
			if l == label {
				if isContinue && ct.kind != ctlLoop {
					c.errorf("Illegal continue statement: '%s' does not denote an iteration statement", label)
				}
				return i
			}
		}
	}
	if label != "" {
		c.errorf("Undefined label '%s'", label)
	}
	if isContinue {
		c.errorf("Illegal continue statement: no surrounding iteration statement")
	}
	c.errorf("Illegal break statement")
	return -1
}

// emitReturn returns the accumulator, running finally blocks and closing
// iterators on the way out.
func (c *compiler) emitReturn() {
	fs := c.fs
	// Keep the value safe while leaving: finally blocks store it.
	var val int = -1
	for i := len(fs.controls) - 1; i >= 0; i-- {
		if fs.controls[i].kind == ctlFinally || fs.controls[i].kind == ctlIterator {
			val = fs.controls[i].valueRegFor(c)
			break
		}
	}
	if val < 0 {
		c.emit(bytecode.Return)
		return
	}
	c.emit(bytecode.Star, val)
	c.jumpOut(-1, func() {
		c.emit(bytecode.Ldar, val)
		c.emit(bytecode.Return)
	})
}

// valueRegFor returns a register to hold a value across this control's
// cleanup.
func (ct *control) valueRegFor(c *compiler) int {
	if ct.finally != nil {
		return ct.finally.valueReg
	}
	return ct.iterReg + 1
}

package compiler

import (
	"glassbox/js/bytecode"
	"glassbox/js/regexp"
)

// regExpLiteral compiles /pattern/flags: the pattern is validated and
// compiled now (an invalid one is an early SyntaxError), and each
// evaluation makes a new RegExp object sharing the compiled program.
func (c *compiler) regExpLiteral(data []byte) {
	pat, flags := splitRegExp(data)
	prog, err := regexp.CompileString(pat, flags)
	if err != nil {
		c.errorAt(data, "%s", err.Error())
	}
	c.emit(bytecode.CreateRegExpLiteral, c.constant(&bytecode.RegExpConst{Pattern: pat, Flags: flags, Program: prog}))
}

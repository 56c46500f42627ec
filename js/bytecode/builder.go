package bytecode

import (
	"encoding/binary"
	"fmt"
)

// A Builder assembles the code of one function. Forward jumps are emitted
// against a Label and patched when the label is bound.
type Builder struct {
	Code      []byte
	Positions []Pos

	labels  []int   // bound offset of each label, -1 while unbound
	patches [][]int // operand offsets waiting for each label
	line    int
	col     int
	posSet  bool
}

// LabelID names a jump target inside a Builder.
type LabelID int

// NewLabel returns a fresh unbound label.
func (b *Builder) NewLabel() LabelID {
	b.labels = append(b.labels, -1)
	b.patches = append(b.patches, nil)
	return LabelID(len(b.labels) - 1)
}

// Bind binds l to the current offset and patches jumps already emitted to it.
func (b *Builder) Bind(l LabelID) {
	off := len(b.Code)
	b.labels[l] = off
	for _, p := range b.patches[l] {
		binary.LittleEndian.PutUint32(b.Code[p:], uint32(off))
	}
	b.patches[l] = nil
}

// Offset is the offset the next instruction will have.
func (b *Builder) Offset() int { return len(b.Code) }

// SetPos records the source position of the next instruction emitted.
func (b *Builder) SetPos(line, col int) {
	if line > 0 {
		b.line, b.col, b.posSet = line, col, true
	}
}

// Emit appends an instruction. Label operands take a LabelID.
func (b *Builder) Emit(op Op, operands ...int) {
	info := &Ops[op]
	if len(operands) != len(info.Operands) {
		panic(fmt.Sprintf("bytecode: %s takes %d operands, got %d", info.Name, len(info.Operands), len(operands)))
	}
	if b.posSet {
		n := len(b.Positions)
		if n == 0 || b.Positions[n-1].Line != b.line || b.Positions[n-1].Column != b.col {
			b.Positions = append(b.Positions, Pos{len(b.Code), b.line, b.col})
		}
		b.posSet = false
	}
	b.Code = append(b.Code, byte(op))
	for i, k := range info.Operands {
		v := operands[i]
		switch k {
		case Label:
			l := LabelID(v)
			if at := b.labels[l]; at >= 0 {
				b.Code = binary.LittleEndian.AppendUint32(b.Code, uint32(at))
			} else {
				b.patches[l] = append(b.patches[l], len(b.Code))
				b.Code = binary.LittleEndian.AppendUint32(b.Code, 0)
			}
		case Imm:
			b.Code = binary.LittleEndian.AppendUint32(b.Code, uint32(int32(v)))
		default:
			if v < 0 || v > 0xFFFF {
				panic(fmt.Sprintf("bytecode: operand %d of %s out of range", v, info.Name))
			}
			b.Code = binary.LittleEndian.AppendUint16(b.Code, uint16(v))
		}
	}
}

// Operand decodes operand i of the instruction at pc.
func Operand(code []byte, pc, i int) int {
	info := &Ops[code[pc]]
	off := pc + 1
	for j := 0; j < i; j++ {
		off += info.Operands[j].Size()
	}
	switch info.Operands[i] {
	case Imm:
		return int(int32(binary.LittleEndian.Uint32(code[off:])))
	case Label:
		return int(binary.LittleEndian.Uint32(code[off:]))
	}
	return int(binary.LittleEndian.Uint16(code[off:]))
}

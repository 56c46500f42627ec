package gpu

import (
	"fmt"
	"strings"

	"github.com/go-gl/gl/v3.1/gles2"
)

// glError returns the pending GL errors as a Go error, or nil. GL keeps
// errors in a set of flags until they are read, so it drains them all.
func glError(op string) error {
	var codes []string
	for range 16 { // bounded: a lost context can report errors forever
		e := gles2.GetError()
		if e == gles2.NO_ERROR {
			break
		}
		codes = append(codes, glErrorName(e))
	}
	if len(codes) == 0 {
		return nil
	}
	return fmt.Errorf("gpu: %s: GL error %s", op, strings.Join(codes, ", "))
}

func glErrorName(e uint32) string {
	switch e {
	case gles2.INVALID_ENUM:
		return "INVALID_ENUM"
	case gles2.INVALID_VALUE:
		return "INVALID_VALUE"
	case gles2.INVALID_OPERATION:
		return "INVALID_OPERATION"
	case gles2.INVALID_FRAMEBUFFER_OPERATION:
		return "INVALID_FRAMEBUFFER_OPERATION"
	case gles2.OUT_OF_MEMORY:
		return "OUT_OF_MEMORY"
	case gles2.CONTEXT_LOST:
		return "CONTEXT_LOST"
	}
	return fmt.Sprintf("%#x", e)
}

// framebufferStatus checks that the bound draw framebuffer can be drawn to.
func framebufferStatus(op string) error {
	st := gles2.CheckFramebufferStatus(gles2.FRAMEBUFFER)
	if st == gles2.FRAMEBUFFER_COMPLETE {
		return nil
	}
	name := fmt.Sprintf("%#x", st)
	switch st {
	case gles2.FRAMEBUFFER_INCOMPLETE_ATTACHMENT:
		name = "INCOMPLETE_ATTACHMENT"
	case gles2.FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT:
		name = "INCOMPLETE_MISSING_ATTACHMENT"
	case gles2.FRAMEBUFFER_UNSUPPORTED:
		name = "UNSUPPORTED"
	case gles2.FRAMEBUFFER_INCOMPLETE_MULTISAMPLE:
		name = "INCOMPLETE_MULTISAMPLE"
	}
	return fmt.Errorf("gpu: %s: framebuffer incomplete: %s", op, name)
}

func compileShader(kind uint32, src string) (uint32, error) {
	s := gles2.CreateShader(kind)
	csrc, free := gles2.Strs(src + "\x00")
	gles2.ShaderSource(s, 1, csrc, nil)
	free()
	gles2.CompileShader(s)
	var ok int32
	gles2.GetShaderiv(s, gles2.COMPILE_STATUS, &ok)
	if ok == gles2.FALSE {
		log := shaderLog(s, false)
		gles2.DeleteShader(s)
		return 0, fmt.Errorf("gpu: shader compile failed: %s", log)
	}
	return s, nil
}

func linkProgram(vsrc, fsrc string, attribs ...string) (uint32, error) {
	vs, err := compileShader(gles2.VERTEX_SHADER, vsrc)
	if err != nil {
		return 0, err
	}
	defer gles2.DeleteShader(vs)
	fs, err := compileShader(gles2.FRAGMENT_SHADER, fsrc)
	if err != nil {
		return 0, err
	}
	defer gles2.DeleteShader(fs)
	p := gles2.CreateProgram()
	gles2.AttachShader(p, vs)
	gles2.AttachShader(p, fs)
	for i, a := range attribs {
		gles2.BindAttribLocation(p, uint32(i), gles2.Str(a+"\x00"))
	}
	gles2.LinkProgram(p)
	var ok int32
	gles2.GetProgramiv(p, gles2.LINK_STATUS, &ok)
	if ok == gles2.FALSE {
		log := shaderLog(p, true)
		gles2.DeleteProgram(p)
		return 0, fmt.Errorf("gpu: program link failed: %s", log)
	}
	return p, nil
}

func shaderLog(obj uint32, program bool) string {
	var n int32
	if program {
		gles2.GetProgramiv(obj, gles2.INFO_LOG_LENGTH, &n)
	} else {
		gles2.GetShaderiv(obj, gles2.INFO_LOG_LENGTH, &n)
	}
	if n <= 1 {
		return "(empty log)"
	}
	buf := make([]byte, n)
	if program {
		gles2.GetProgramInfoLog(obj, n, nil, &buf[0])
	} else {
		gles2.GetShaderInfoLog(obj, n, nil, &buf[0])
	}
	return strings.TrimRight(string(buf), "\x00\n")
}

// uniform looks up a uniform by name; a missing one is a programming error
// in this package's own shaders, so it is reported rather than ignored.
func uniform(prog uint32, name string) (int32, error) {
	loc := gles2.GetUniformLocation(prog, gles2.Str(name+"\x00"))
	if loc < 0 {
		return 0, fmt.Errorf("gpu: uniform %q not found", name)
	}
	return loc, nil
}

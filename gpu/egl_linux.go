package gpu

/*
#cgo pkg-config: egl
#include <stdlib.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>

#ifndef EGL_PLATFORM_SURFACELESS_MESA
#define EGL_PLATFORM_SURFACELESS_MESA 0x31DD
#endif

// getPlatformDisplay prefers EGL 1.5's eglGetPlatformDisplay and falls back
// to the EXT entry point that older loaders export.
static EGLDisplay getPlatformDisplay(EGLenum platform) {
	PFNEGLGETPLATFORMDISPLAYPROC f15 =
		(PFNEGLGETPLATFORMDISPLAYPROC)eglGetProcAddress("eglGetPlatformDisplay");
	if (f15 != NULL) {
		return f15(platform, EGL_DEFAULT_DISPLAY, NULL);
	}
	PFNEGLGETPLATFORMDISPLAYEXTPROC fext =
		(PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	if (fext != NULL) {
		return fext(platform, EGL_DEFAULT_DISPLAY, NULL);
	}
	return EGL_NO_DISPLAY;
}

static EGLContext createContext(EGLDisplay dpy, EGLConfig *cfg) {
	static const EGLint cfgAttribs[] = {
		EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
		EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT,
		EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
		EGL_NONE,
	};
	static const EGLint ctxAttribs[] = {
		EGL_CONTEXT_MAJOR_VERSION, 3,
		EGL_CONTEXT_MINOR_VERSION, 0,
		EGL_NONE,
	};
	EGLint n = 0;
	if (!eglChooseConfig(dpy, cfgAttribs, cfg, 1, &n) || n < 1) {
		return EGL_NO_CONTEXT;
	}
	return eglCreateContext(dpy, *cfg, EGL_NO_CONTEXT, ctxAttribs);
}

static EGLBoolean makeCurrent(EGLDisplay dpy, EGLContext ctx) {
	return eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx);
}

static EGLBoolean releaseCurrent(EGLDisplay dpy) {
	return eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
}
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// HeadlessContext is an OpenGL ES 3 context with no window and no X server:
// EGL on Mesa's surfaceless platform. Everything it draws goes into
// framebuffer objects, which is all offscreen rendering needs.
//
// A context is current on at most one OS thread at a time. Create it, use it
// and release it on a goroutine locked with runtime.LockOSThread.
type HeadlessContext struct {
	dpy C.EGLDisplay
	ctx C.EGLContext
}

// NewHeadlessContext creates a surfaceless ES 3.0 context and makes it
// current on the calling thread.
func NewHeadlessContext() (*HeadlessContext, error) {
	dpy := C.getPlatformDisplay(C.EGL_PLATFORM_SURFACELESS_MESA)
	if dpy == C.EGLDisplay(C.EGL_NO_DISPLAY) {
		return nil, errors.New("gpu: no EGL surfaceless display (is Mesa's libegl-mesa0 installed?)")
	}
	var major, minor C.EGLint
	if C.eglInitialize(dpy, &major, &minor) == C.EGL_FALSE {
		return nil, eglError("eglInitialize")
	}
	if C.eglBindAPI(C.EGL_OPENGL_ES_API) == C.EGL_FALSE {
		C.eglTerminate(dpy)
		return nil, eglError("eglBindAPI")
	}
	var cfg C.EGLConfig
	ctx := C.createContext(dpy, &cfg)
	if ctx == C.EGLContext(C.EGL_NO_CONTEXT) {
		err := eglError("eglCreateContext (ES 3.0)")
		C.eglTerminate(dpy)
		return nil, err
	}
	c := &HeadlessContext{dpy: dpy, ctx: ctx}
	if err := c.MakeCurrent(); err != nil {
		c.Release()
		return nil, err
	}
	return c, nil
}

// MakeCurrent makes the context current on the calling thread.
func (c *HeadlessContext) MakeCurrent() error {
	if C.makeCurrent(c.dpy, c.ctx) == C.EGL_FALSE {
		return eglError("eglMakeCurrent")
	}
	return nil
}

// ReleaseCurrent detaches the context from the calling thread.
func (c *HeadlessContext) ReleaseCurrent() {
	C.releaseCurrent(c.dpy)
}

// Release destroys the context. It detaches it from the calling thread
// first, so call it on the thread where the context is current.
func (c *HeadlessContext) Release() {
	if c.ctx == nil {
		return
	}
	C.releaseCurrent(c.dpy)
	C.eglDestroyContext(c.dpy, c.ctx)
	// eglTerminate is deliberately not called: Mesa returns the same
	// EGLDisplay for every caller in the process, so terminating it would
	// pull the display from under any other headless context still alive.
	c.ctx = nil
}

// ProcAddress returns the address of a GL function for the context, in the
// form gles2.InitWithProcAddrFunc wants.
func (c *HeadlessContext) ProcAddress(name string) unsafe.Pointer {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	return unsafe.Pointer(C.eglGetProcAddress(cname))
}

func eglError(call string) error {
	return fmt.Errorf("gpu: %s failed: EGL error %#x", call, int(C.eglGetError()))
}

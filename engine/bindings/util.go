package bindings

import (
	"errors"
	"unicode/utf16"

	"glassbox/engine/dom"
	"glassbox/js"
)

type hostFn = func(c *js.Call) (js.Value, error)

// protos are the interface prototype objects wrappers get.
type protos struct {
	eventTarget, node, characterData, text, comment, element, htmlElement,
	document, fragment, doctype, nodeList, collection, tokenList, style,
	domStringMap, window, attr, namedNodeMap, implementation js.Value
}

func (w *Window) method(o js.Value, name string, n int, f hostFn) {
	w.RT.DefineMethod(o, name, w.RT.NewFunction(name, n, f))
}

// attr defines a WebIDL attribute; set may be nil for a read-only one.
// attrSetter returns an accessor setter that sets the content attribute
// attr of this element to the string value it is given, as the IDL
// attributes that reflect a DOMString do.
func (w *Window) attrSetter(attr string) hostFn {
	return func(c *js.Call) (js.Value, error) {
		n, err := w.this(c)
		if err != nil {
			return js.Undefined(), err
		}
		s, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		w.setAttr(n, attr, s)
		return js.Undefined(), nil
	}
}

func (w *Window) attr(o js.Value, name string, get, set hostFn) {
	g := w.RT.NewFunction("get "+name, 0, get)
	s := js.Undefined()
	if set != nil {
		s = w.RT.NewFunction("set "+name, 1, set)
	}
	w.RT.DefineAccessor(o, name, g, s)
}

// class makes an interface: a constructor global named name whose
// prototype inherits from parent's. ctor nil makes the constructor throw,
// as for interfaces without one.
func (w *Window) class(name string, parent js.Value, ctor hostFn) js.Value {
	proto := w.RT.NewObject()
	if parent.IsObject() {
		w.RT.SetPrototype(proto, parent)
	}
	if ctor == nil {
		ctor = func(c *js.Call) (js.Value, error) {
			return js.Undefined(), w.typeError("Illegal constructor")
		}
	}
	var f js.Value
	f = w.RT.NewFunction(name, 0, func(c *js.Call) (js.Value, error) {
		if c.NewTarget.IsUndefined() {
			return js.Undefined(), w.typeError("Failed to construct '" + name + "': Please use the 'new' operator, this DOM object constructor cannot be called as a function.")
		}
		v, err := ctor(c)
		// A subclass (class X extends EventTarget) gets its own
		// prototype, as the new target's prototype property says.
		if err == nil && v.IsObject() && c.NewTarget.IsObject() && c.NewTarget.Obj() != f.Obj() {
			if p, perr := w.RT.GetProperty(c.NewTarget, "prototype"); perr == nil && p.IsObject() {
				w.RT.SetPrototype(v, p)
			}
		}
		return v, err
	})
	w.RT.MakeConstructor(f, proto)
	if parent.IsObject() {
		if pc, err := w.RT.GetProperty(parent, "constructor"); err == nil && pc.IsObject() {
			w.RT.SetPrototype(f, pc)
		}
	}
	w.RT.Set(name, f)
	return proto
}

func (w *Window) typeError(msg string) error {
	return w.RT.Throw(w.RT.NewError("TypeError", msg))
}

// domError returns an error that throws a DOMException.
func (w *Window) domError(name, msg string) error {
	v, err := w.RT.Call(w.hooks.exception, js.Undefined(), js.String(msg), js.String(name))
	if err != nil {
		return err
	}
	return w.RT.Throw(v)
}

// fromDOM turns engine/dom's errors into DOMExceptions.
func (w *Window) fromDOM(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, dom.ErrHierarchyRequest):
		return w.domError("HierarchyRequestError", "The operation would yield an incorrect node tree.")
	case errors.Is(err, dom.ErrNotFound):
		return w.domError("NotFoundError", "The node to be removed is not a child of this node.")
	}
	return err
}

// this returns the node a method was called on.
func (w *Window) this(c *js.Call) (*dom.Node, error) {
	if n, ok := js.HostData(c.This).(*dom.Node); ok {
		return n, nil
	}
	return nil, w.typeError("Illegal invocation")
}

// nodeArg returns argument i as a node; nullable allows null and
// undefined (nil).
func (w *Window) nodeArg(c *js.Call, i int, nullable bool) (*dom.Node, error) {
	v := c.Arg(i)
	if nullable && v.IsNullish() {
		return nil, nil
	}
	if n, ok := js.HostData(v).(*dom.Node); ok {
		return n, nil
	}
	return nil, w.typeError("parameter " + itoa(i+1) + " is not of type 'Node'.")
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// str converts argument i with ToString.
func (w *Window) str(c *js.Call, i int) (string, error) {
	return w.RT.ToString(c.Arg(i))
}

// strOrNull converts a nullable DOMString: null becomes "".
func (w *Window) strOrNull(v js.Value) (string, error) {
	if v.IsNull() {
		return "", nil
	}
	return w.RT.ToString(v)
}

func truthy(v js.Value) bool {
	switch {
	case v.IsNullish():
		return false
	case v.IsBool():
		return v.BoolVal()
	case v.IsNumber():
		f := v.Float()
		return f == f && f != 0
	case v.IsString():
		s, _ := v.Export().(string)
		return s != ""
	}
	return true
}

func strVal(s string) js.Value { return js.String(s) }

// utf16Len and the slicing helpers work in UTF-16 code units, as DOM
// string offsets do.
func toUnits(s string) []uint16 { return utf16.Encode([]rune(s)) }

func fromUnits(u []uint16) string { return string(utf16.Decode(u)) }

package bindings

import (
	_ "embed"
	"net/url"
	"runtime"

	"glassbox/engine/css"
	"glassbox/js"
)

//go:embed webwindow.js
var webWindowSource string

// installWebWindow defines navigator, and runs webwindow.js for history
// and matchMedia. clone is structuredClone from encoding.js.
func (w *Window) installWebWindow(clone js.Value) error {
	rt := w.RT
	w.installNavigator()
	native := rt.NewObject()
	w.method(native, "href", 0, func(c *js.Call) (js.Value, error) { return strVal(w.URL.String()), nil })
	w.method(native, "clone", 1, func(c *js.Call) (js.Value, error) { return rt.Call(clone, js.Undefined(), c.Arg(0)) })
	// resolve parses a pushState URL against the document's URL; it must
	// keep the document's origin.
	w.method(native, "resolve", 2, func(c *js.Call) (js.Value, error) {
		s, _ := w.str(c, 0)
		method, _ := w.str(c, 1)
		base, err := parseURL(w.URL.String(), nil)
		if err != nil {
			return js.Undefined(), w.domError("SecurityError", "Failed to execute '"+method+"' on 'History': the document has no URL.")
		}
		r, err := parseURL(s, base)
		if err != nil {
			return js.Undefined(), w.domError("SecurityError", "Failed to execute '"+method+"' on 'History': '"+s+"' is not a valid URL.")
		}
		if r.origin() != base.origin() || r.origin() == "null" && (r.scheme != base.scheme || r.hostPort() != base.hostPort()) {
			return js.Undefined(), w.domError("SecurityError", "Failed to execute '"+method+"' on 'History': A history state object with URL '"+r.href()+"' cannot be created in a document with origin '"+base.origin()+"'.")
		}
		return strVal(r.href()), nil
	})
	// withHash returns the window's URL with its fragment set as
	// location.hash's setter sets it.
	w.method(native, "withHash", 1, func(c *js.Call) (js.Value, error) {
		v, _ := w.str(c, 0)
		r, err := parseURL(w.URL.String(), nil)
		if err != nil {
			return js.Null(), nil
		}
		r.set("hash", v)
		return strVal(r.href()), nil
	})
	w.method(native, "setURL", 1, func(c *js.Call) (js.Value, error) {
		s, _ := w.str(c, 0)
		if u, err := url.Parse(s); err == nil {
			w.URL = u
		}
		return js.Undefined(), nil
	})
	w.method(native, "mediaMatches", 1, func(c *js.Call) (js.Value, error) {
		q, _ := w.str(c, 0)
		vw, vh := w.host.Viewport()
		return js.Bool(css.ParseMediaList(q).Matches(css.MediaEnv{Width: vw, Height: vh})), nil
	})
	f, err := rt.RunScript("glassbox:webwindow.js", webWindowSource)
	if err != nil {
		return err
	}
	hv, err := rt.Call(f, js.Undefined(), native)
	if err != nil {
		return err
	}
	w.hooks.mediaChanges, _ = rt.GetProperty(hv, "mediaChanges")
	return nil
}

// installNavigator defines navigator with what a page may ask of the
// browser: who it is, its languages, whether it is online, how many
// CPUs it has.
func (w *Window) installNavigator() {
	rt := w.RT
	proto := w.class("Navigator", js.Undefined(), nil)
	nav := rt.NewHostObject(proto, w)
	langs := rt.NewArray(strVal("en-US"), strVal("en"))
	if freeze, err := rt.Get("Object"); err == nil {
		if f, err := rt.GetProperty(freeze, "freeze"); err == nil {
			rt.Call(f, freeze, langs)
		}
	}
	props := map[string]js.Value{
		"userAgent":           strVal("Mozilla/5.0 (X11; Linux x86_64) Glassbox/0.1"),
		"appVersion":          strVal("5.0 (X11; Linux x86_64) Glassbox/0.1"),
		"appName":             strVal("Netscape"),
		"appCodeName":         strVal("Mozilla"),
		"product":             strVal("Gecko"),
		"vendor":              strVal(""),
		"platform":            strVal("Linux x86_64"),
		"language":            strVal("en-US"),
		"languages":           langs,
		"onLine":              js.Bool(true),
		"cookieEnabled":       js.Bool(false),
		"hardwareConcurrency": js.Number(float64(runtime.NumCPU())),
		"maxTouchPoints":      js.Number(0),
		"webdriver":           js.Bool(false),
	}
	for name, v := range props {
		w.attr(proto, name, func(c *js.Call) (js.Value, error) { return v, nil }, nil)
	}
	w.method(proto, "javaEnabled", 0, func(c *js.Call) (js.Value, error) { return js.Bool(false), nil })
	rt.Set("navigator", nav)
}

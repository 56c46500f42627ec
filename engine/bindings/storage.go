package bindings

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"unicode/utf16"

	"glassbox/js"
)

// StorageDir is where localStorage is kept, one JSON file per origin.
// "" keeps it in memory for the life of the process (tests set this).
var StorageDir = defaultStorageDir()

// StorageQuota is how much one origin's storage may hold, counted in
// UTF-16 code units of its keys and values.
var StorageQuota = 5 << 20

func defaultStorageDir() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "glassbox", "storage")
}

// storageArea is one origin's key/value list. Keys keep the order they
// were first set in, which key(i) reports.
type storageArea struct {
	file  string // "" for memory only
	keys  []string
	items map[string]string
	size  int
}

var (
	localMu    sync.Mutex
	localAreas = map[string]*storageArea{} // by StorageDir and origin
)

// localArea returns origin's localStorage, loading its file the first
// time.
func localArea(origin string) *storageArea {
	localMu.Lock()
	defer localMu.Unlock()
	key := StorageDir + "\x00" + origin
	if a := localAreas[key]; a != nil {
		return a
	}
	a := &storageArea{items: map[string]string{}}
	if StorageDir != "" {
		sum := sha256.Sum256([]byte(origin))
		a.file = filepath.Join(StorageDir, hex.EncodeToString(sum[:12])+".json")
		a.load()
	}
	localAreas[key] = a
	return a
}

// storedFile is a storage file's contents; the origin is kept to make
// the files readable by people.
type storedFile struct {
	Origin string      `json:"origin"`
	Items  [][2]string `json:"items"`
}

func (a *storageArea) load() {
	b, err := os.ReadFile(a.file)
	if err != nil {
		return
	}
	var f storedFile
	if json.Unmarshal(b, &f) != nil {
		return // a damaged file starts the origin over
	}
	for _, it := range f.Items {
		a.put(it[0], it[1])
	}
}

// save writes the area's file, through a temporary file so that a crash
// leaves the old one.
func (a *storageArea) save(origin string) error {
	if a.file == "" {
		return nil
	}
	f := storedFile{Origin: origin, Items: [][2]string{}}
	for _, k := range a.keys {
		f.Items = append(f.Items, [2]string{k, a.items[k]})
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(a.file), 0o700); err != nil {
		return err
	}
	tmp := a.file + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, a.file)
}

func units(s string) int { return len(utf16.Encode([]rune(s))) }

func (a *storageArea) put(k, v string) {
	if old, ok := a.items[k]; ok {
		a.size -= units(k) + units(old)
	} else {
		a.keys = append(a.keys, k)
	}
	a.items[k] = v
	a.size += units(k) + units(v)
}

func (a *storageArea) remove(k string) bool {
	old, ok := a.items[k]
	if !ok {
		return false
	}
	delete(a.items, k)
	for i, key := range a.keys {
		if key == k {
			a.keys = append(a.keys[:i], a.keys[i+1:]...)
			break
		}
	}
	a.size -= units(k) + units(old)
	return true
}

// storage is a Storage object: an area seen from one window.
type storage struct {
	w      *Window
	area   *storageArea
	origin string
}

func (s *storage) setItem(k, v string) error {
	grow := units(k) + units(v)
	if old, ok := s.area.items[k]; ok {
		if old == v {
			return nil
		}
		grow -= units(k) + units(old)
	}
	if s.area.size+grow > StorageQuota {
		return s.w.domError("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of '"+k+"' exceeded the quota.")
	}
	s.area.put(k, v)
	s.persist()
	return nil
}

// persist saves the area; a failure to write is reported on the console
// rather than thrown, as the page's data stays usable in memory.
func (s *storage) persist() {
	if err := s.area.save(s.origin); err != nil {
		s.w.Console("warn", "localStorage not saved: "+err.Error())
	}
}

func (s *storage) NamedGet(key string) (js.Value, bool) {
	if v, ok := s.area.items[key]; ok {
		return strVal(v), true
	}
	return js.Undefined(), false
}

func (s *storage) NamedSet(key string, v js.Value) (bool, error) {
	str, err := s.w.RT.ToString(v)
	if err != nil {
		return true, err
	}
	return true, s.setItem(key, str)
}

func (s *storage) NamedDelete(key string) bool {
	if s.area.remove(key) {
		s.persist()
	}
	return true
}

func (s *storage) NamedKeys() []string { return append([]string(nil), s.area.keys...) }

// installStorage defines the Storage interface, localStorage (per
// origin, kept in StorageDir) and sessionStorage (per origin and
// top-level window, in memory).
func (w *Window) installStorage() {
	rt := w.RT
	proto := w.class("Storage", js.Undefined(), nil)
	this := func(c *js.Call) (*storage, error) {
		if s, ok := js.HostData(c.This).(*storage); ok {
			return s, nil
		}
		return nil, w.typeError("Illegal invocation")
	}
	w.attr(proto, "length", func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Number(float64(len(s.area.keys))), nil
	}, nil)
	w.method(proto, "key", 1, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		i, err := rt.ToNumber(c.Arg(0))
		if err != nil {
			return js.Undefined(), err
		}
		if i != i || i < 0 || int(i) >= len(s.area.keys) {
			return js.Null(), nil
		}
		return strVal(s.area.keys[int(i)]), nil
	})
	w.method(proto, "getItem", 1, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		k, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		if v, ok := s.area.items[k]; ok {
			return strVal(v), nil
		}
		return js.Null(), nil
	})
	w.method(proto, "setItem", 2, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if len(c.Args) < 2 {
			return js.Undefined(), w.typeError("Failed to execute 'setItem' on 'Storage': 2 arguments required, but only " + itoa(len(c.Args)) + " present.")
		}
		k, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		v, err := w.str(c, 1)
		if err != nil {
			return js.Undefined(), err
		}
		return js.Undefined(), s.setItem(k, v)
	})
	w.method(proto, "removeItem", 1, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		k, err := w.str(c, 0)
		if err != nil {
			return js.Undefined(), err
		}
		s.NamedDelete(k)
		return js.Undefined(), nil
	})
	w.method(proto, "clear", 0, func(c *js.Call) (js.Value, error) {
		s, err := this(c)
		if err != nil {
			return js.Undefined(), err
		}
		if len(s.area.keys) > 0 {
			s.area.keys, s.area.items, s.area.size = nil, map[string]string{}, 0
			s.persist()
		}
		return js.Undefined(), nil
	})

	origin := w.origin()
	if w.URL.Scheme == "file" {
		// Browsers give file pages one storage area between them,
		// although their origin is opaque.
		origin = "file://"
	}
	var local, session js.Value
	w.attr(rt.Global(), "localStorage", func(c *js.Call) (js.Value, error) {
		if origin == "null" {
			return js.Undefined(), w.domError("SecurityError", "Failed to read the 'localStorage' property from 'Window': Storage is disabled inside 'data:' URLs and other opaque origins.")
		}
		if !local.IsObject() {
			local = rt.NewHostObject(proto, &storage{w: w, area: localArea(origin), origin: origin})
		}
		return local, nil
	}, nil)
	w.attr(rt.Global(), "sessionStorage", func(c *js.Call) (js.Value, error) {
		if !session.IsObject() {
			top := w
			for top.parent != nil {
				top = top.parent
			}
			if top.session == nil {
				top.session = map[string]*storageArea{}
			}
			a := top.session[origin]
			if a == nil {
				a = &storageArea{items: map[string]string{}}
				top.session[origin] = a
			}
			session = rt.NewHostObject(proto, &storage{w: w, area: a, origin: origin})
		}
		return session, nil
	}, nil)
}

// origin is the serialization of the window's origin.
func (w *Window) origin() string {
	r, err := parseURL(w.URL.String(), nil)
	if err != nil {
		return "null"
	}
	return r.origin()
}

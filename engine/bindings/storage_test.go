package bindings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// localStorage written in one process is read back from its file in the
// next (here: after the in-process cache is dropped).
func TestStoragePersists(t *testing.T) {
	old := StorageDir
	StorageDir = t.TempDir()
	defer func() { StorageDir = old }()
	a := localArea("https://example.test")
	a.put("k", "v€")
	a.put("n", "1")
	if err := a.save("https://example.test"); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(StorageDir, "*.json"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), `"origin":"https://example.test"`) {
		t.Errorf("file: %s", b)
	}
	localMu.Lock()
	localAreas = map[string]*storageArea{}
	localMu.Unlock()
	a = localArea("https://example.test")
	if strings.Join(a.keys, ",") != "k,n" || a.items["k"] != "v€" || a.size != 5 {
		t.Errorf("reloaded %v %v size %d", a.keys, a.items, a.size)
	}
	if b := localArea("https://other.test"); len(b.keys) != 0 {
		t.Errorf("another origin sees %v", b.keys)
	}
	// A damaged file starts over rather than failing.
	os.WriteFile(files[0], []byte("{"), 0o600)
	localMu.Lock()
	localAreas = map[string]*storageArea{}
	localMu.Unlock()
	if a := localArea("https://example.test"); len(a.keys) != 0 {
		t.Errorf("damaged file gave %v", a.keys)
	}
}

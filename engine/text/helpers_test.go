package text

import (
	"testing"

	"glassbox/assets"
)

func ttfOf(t *testing.T, name string) []byte {
	t.Helper()
	b, ok := assets.Fonts()[name]
	if !ok {
		t.Fatalf("no bundled font %s", name)
	}
	return b
}

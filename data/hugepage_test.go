package data

import (
	"bytes"
	"testing"
)

// TestAdviseHugePages: the advice takes any buffer, whatever its size and
// alignment (the range it names is one the kernel accepts: an error here is
// a misaligned range), and leaves the bytes as they are.
func TestAdviseHugePages(t *testing.T) {
	const mib = 1 << 20
	base := make([]byte, 9*mib)
	for i := range base {
		base[i] = byte(i * 7)
	}
	want := bytes.Clone(base)
	for _, c := range []struct{ from, to int }{
		{0, 9 * mib}, {1, 9 * mib}, {4095, 8*mib + 3}, {mib + 17, 5 * mib}, {0, 3 * mib}, {0, 100}, {5, 5},
	} {
		if err := adviseHugePages(base[c.from:c.to:c.to]); err != nil {
			t.Errorf("bytes [%d, %d): %v", c.from, c.to, err)
		}
	}
	if err := adviseHugePages(make([]byte, 0, 8*mib)); err != nil {
		t.Errorf("an empty slice with room for 8 MiB: %v", err)
	}
	if err := adviseHugePages(nil); err != nil {
		t.Errorf("nil: %v", err)
	}
	if !bytes.Equal(base, want) {
		t.Error("the advice changed the bytes")
	}
}

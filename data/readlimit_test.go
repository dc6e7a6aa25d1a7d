package data

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless gives zeros forever and counts what it gave.
type endless struct{ given int64 }

func (e *endless) Read(p []byte) (int, error) {
	clear(p)
	e.given += int64(len(p))
	return len(p), nil
}

// TestReadLimitedStopsPastLimit: a source that never ends is refused after
// limit+1 bytes, whatever the size hint says.
func TestReadLimitedStopsPastLimit(t *testing.T) {
	for _, hint := range []int64{0, 10, 1 << 20, 1 << 40} {
		src := &endless{}
		_, err := readLimited(src, 4096, hint)
		if err == nil || !strings.Contains(err.Error(), "larger than the limit of 4.0 KiB") {
			t.Errorf("hint %d: %v", hint, err)
		}
		if src.given > 4097 {
			t.Errorf("hint %d: read %d bytes for a limit of 4096", hint, src.given)
		}
	}
	got, err := readLimited(strings.NewReader("unit,total\n"), 11, 3)
	if err != nil || string(got) != "unit,total\n" {
		t.Errorf("a source of exactly the limit: %q %v", got, err)
	}
	if _, err := readLimited(strings.NewReader("unit,total\n"), 10, 0); err == nil {
		t.Error("a source one byte over the limit was accepted")
	}
}

// TestFileGrowingAfterListing: the size a file had when listed does not
// bound the read; the read itself does.
func TestFileGrowingAfterListing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "par-2023.csv")
	if err := os.WriteFile(p, []byte("unit,total\nSở A,90\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, ok := osInput(p, 1024)
	if !ok || in.size != 21 {
		t.Fatalf("listed %+v %v", in, ok)
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(f, strings.Repeat("Sở B,80\n", 200)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := in.read(); err == nil || !strings.Contains(err.Error(), "larger than the limit of 1.0 KiB") {
		t.Errorf("a file grown past the limit: %v", err)
	}
}

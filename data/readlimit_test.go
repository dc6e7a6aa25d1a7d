package data

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
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

// TestReadInParts: a big file read in parts on every core is the file,
// byte for byte, also when its size changed after it was listed: grown (read
// on to its end, or refused past the limit) or shrunk (read again whole).
func TestReadInParts(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: big files are read in one piece")
	}
	text := make([]byte, partReadBytes+12345)
	for i := range text {
		text[i] = byte('a' + i*7%26)
	}
	p := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(p, text, 0o644); err != nil {
		t.Fatal(err)
	}
	size := int64(len(text))
	for _, c := range []struct {
		name     string
		listed   int64 // the size the file had when listed
		limit    int64
		inParts  bool
		tooLarge bool
	}{
		{"as listed", size, 1 << 30, true, false},
		{"grown since", size - 5000, 1 << 30, true, false},
		{"grown past the limit", size - 5000, size - 1, true, true},
		{"shrunk since", size + 5000, 1 << 30, false, false},
		{"small", partReadBytes - 1, 1 << 30, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, read, err := readInParts(f, c.limit, c.listed)
			if read != c.inParts {
				t.Fatalf("read in parts: %v, want %v", read, c.inParts)
			}
			if !read { // what readFile does then, from the offset left
				got, err = readLimited(f, c.limit, c.listed)
			}
			if c.tooLarge {
				if err == nil || !strings.Contains(err.Error(), "larger than the limit") {
					t.Fatalf("a file past the limit: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, text) {
				t.Errorf("read %d bytes that are not the file's %d", len(got), len(text))
			}
		})
	}
}

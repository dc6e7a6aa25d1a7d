package data

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data/synth"
)

// A file too big for the memory left fails early, with a message that says
// how much it needs and how to go on; --ignore-memory loads it anyway.
func TestMemoryGuard(t *testing.T) {
	var wide, long strings.Builder
	spec := synth.Spec{Units: 40, Years: 2, Components: 3, Seed: 1}
	if err := synth.Wide(&wide, spec); err != nil {
		t.Fatal(err)
	}
	if err := synth.Long(&long, spec); err != nil {
		t.Fatal(err)
	}
	defer func(f func() (int64, bool)) { availableMemory = f }(availableMemory)
	availableMemory = func() (int64, bool) { return 1 << 20, true }
	// small files are never checked
	if r := ReadFS(fstest.MapFS{"w.csv": {Data: []byte(wide.String())}}, ".", Options{}); r.Err() != nil {
		t.Fatalf("small file refused: %v", r.Err())
	}
	// pretend every need is big: the check is what decides
	defer func(n int64) { memoryCheckFrom = n }(memoryCheckFrom)
	memoryCheckFrom = 0
	for name, text := range map[string]string{"w.csv": wide.String(), "l.csv": long.String()} {
		r := ReadFS(fstest.MapFS{name: {Data: []byte(text)}}, ".", Options{})
		err := r.Err()
		if err == nil {
			t.Fatalf("%s: loaded with 1 MiB available", name)
		}
		kind := map[string]string{"w.csv": "wide", "l.csv": "long"}[name]
		want := kind + " file is "
		if msg := err.Error(); !strings.Contains(msg, want) || !strings.Contains(msg, "of memory, and 1.0 MiB is available") || !strings.Contains(msg, "--ignore-memory") {
			t.Errorf("%s: message %q", name, msg)
		}
		if r := ReadFS(fstest.MapFS{name: {Data: []byte(text)}}, ".", Options{IgnoreMemory: true}); r.Err() != nil {
			t.Errorf("%s with IgnoreMemory: %v", name, r.Err())
		}
	}
	// a file on disk that cannot fit is refused before it is read
	dir := t.TempDir()
	path := dir + "/big.csv"
	if err := writeTestFile(path, wide.String()); err != nil {
		t.Fatal(err)
	}
	r := Read([]string{path}, Options{})
	if err := r.Err(); err == nil || !strings.Contains(err.Error(), "big.csv: error: file is ") {
		t.Errorf("on disk: %v", err)
	}
}

// AvailableMemory answers on Linux, where the benchmarks run.
func TestAvailableMemory(t *testing.T) {
	avail, ok := AvailableMemory()
	if ok && avail <= 0 {
		t.Errorf("available memory %d", avail)
	}
}

func writeTestFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o644) }

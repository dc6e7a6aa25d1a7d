package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// onlyFiles fails when dir holds anything but want (a temp file left behind).
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var got []string
	for _, e := range es {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("directory holds %v, want %v", got, want)
	}
}

// TestFailureKeepsOldFile: an error or a panic while writing, however much
// was written, leaves the old file whole and no temp file.
func TestFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "brief.md")
	os.WriteFile(p, []byte("old"), 0o600)
	big := strings.Repeat("partial ", 100_000) // more than the write buffer
	err := Write(p, func(w io.Writer) error {
		io.WriteString(w, big)
		return errors.New("disk full")
	})
	if err == nil || read(t, p) != "old" {
		t.Fatalf("err %v, file %q", err, read(t, p))
	}
	func() {
		defer func() { recover() }()
		Write(p, func(w io.Writer) error {
			io.WriteString(w, big)
			panic("crash mid-write")
		})
	}()
	if read(t, p) != "old" {
		t.Fatal("a panic while writing changed the file")
	}
	onlyFiles(t, dir, "brief.md")
}

// TestReplaceKeepsMode: the new content replaces the old; the file keeps its
// permissions; a new file is 0644.
func TestReplaceKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "brief.md")
	os.WriteFile(p, []byte("old"), 0o600)
	if err := WriteBytes(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); read(t, p) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("file %q mode %v", read(t, p), st.Mode().Perm())
	}
	q := filepath.Join(dir, "new.md")
	if err := WriteBytes(q, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(q); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", st.Mode().Perm())
	}
	onlyFiles(t, dir, "brief.md", "new.md")
}

// TestSymlinkKept: writing to a symlink replaces its target's content and
// leaves the link a link (also a dangling one, which gets its target).
func TestSymlinkKept(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	os.WriteFile(target, []byte("old"), 0o644)
	os.Symlink("real.md", link)
	if err := WriteBytes(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if read(t, target) != "new" {
		t.Errorf("target %q", read(t, target))
	}
	dangling := filepath.Join(dir, "dangling.md")
	os.Symlink(filepath.Join(dir, "sub-missing.md"), dangling)
	if err := WriteBytes(dangling, []byte("d")); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "sub-missing.md")) != "d" {
		t.Error("the dangling link's target was not written")
	}
	loop := filepath.Join(dir, "loop.md")
	os.Symlink("loop.md", loop)
	if err := WriteBytes(loop, []byte("x")); err == nil {
		t.Error("a symlink loop was written")
	}
}

// TestNotAFile: a directory is refused and untouched; a device is written
// directly.
func TestNotAFile(t *testing.T) {
	dir := t.TempDir()
	if err := WriteBytes(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("writing a directory: %v", err)
	}
	onlyFiles(t, dir)
	if err := WriteBytes(os.DevNull, []byte("x")); err != nil {
		t.Errorf("writing %s: %v", os.DevNull, err)
	}
	// a directory that does not exist: an error, nothing created
	if err := WriteBytes(filepath.Join(dir, "missing", "b.md"), []byte("x")); err == nil {
		t.Error("no error for a missing directory")
	}
	onlyFiles(t, dir)
}

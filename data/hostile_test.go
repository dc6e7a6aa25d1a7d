package data

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestHostileCorpusFaithful: the loader keeps text as written, escape
// sequences and invisible characters included (outputs make it inert, not
// the loader); files under reject/ do not load.
func TestHostileCorpusFaithful(t *testing.T) {
	dir := filepath.Join("..", "testdata", "hostile")
	want := map[string]string{ // a file and a unit name it must keep exactly
		"csi.csv":          "Sở \x1b[2J\x1b[HXoá màn hình",
		"osc52.csv":        "\x1b]52;c;UFdORUQtQ0xJUA==\x07Sở Chép",
		"osc8.csv":         "\x1b]8;;https://evil.example/\x1b\\Sở Liên kết\x1b]8;;\x1b\\",
		"title.csv":        "\x1b]0;PWNED-TITLE\x07Sở Tiêu đề",
		"c0.csv":           "Sở Tốt\x08\x08\x08Xấu",
		"c1.csv":           "Sở \u009b2J Xoá",
		"bidi.csv":         "Sở \u202eụv iộN\u202c",
		"zero-width.csv":   "\u200b\u200b",
		"formula.csv":      "+cmd|' /C calc'!A0",
		"markdown.csv":     "Sở | Tách | cột",
		"long-format.csv":  "Sở \u202eDài",
		"invalid-utf8.csv": "S\uFFFD \x1b]2;PWNED-TITLE\x07A",
	}
	for name, unit := range want {
		r := Read([]string{filepath.Join(dir, name)}, Options{})
		if r.Err() != nil {
			t.Errorf("%s does not load: %v", name, r.Err())
			continue
		}
		found := false
		for _, rec := range r.Dataset.Records {
			found = found || rec.Unit == unit
		}
		if !found {
			t.Errorf("%s: no unit named %q", name, unit)
		}
	}
	r := Read([]string{filepath.Join(dir, "long-names.csv")}, Options{})
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if n := len([]rune(r.Dataset.Records[0].Index)); n != 10000 {
		t.Errorf("a 10,000-character index name has %d characters", n)
	}
	r = Read([]string{filepath.Join(dir, "columns-5000.csv")}, Options{})
	if r.Err() != nil || len(r.Dataset.Components) != 5000 {
		t.Errorf("5,000 columns: %v, %d components", r.Err(), len(r.Dataset.Components))
	}
	rejects, _ := os.ReadDir(filepath.Join(dir, "reject"))
	for _, e := range rejects {
		if r := Read([]string{filepath.Join(dir, "reject", e.Name())}, Options{}); r.Err() == nil {
			t.Errorf("reject/%s loaded", e.Name())
		}
	}
}

// TestCellGuard: a file with more cells than the limit is refused before it
// is parsed, with a message that says how to raise the limit; the limit can
// be raised.
func TestCellGuard(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("year,unit")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, ",C%d", i)
	}
	b.WriteString("\n")
	for u := 0; u < 100; u++ {
		fmt.Fprintf(&b, "2024,Sở %d%s\n", u, strings.Repeat(",1", 100))
	}
	fsys := fstest.MapFS{"par-2024.csv": {Data: b.Bytes()}}
	r := ReadFS(fsys, ".", Options{MaxCells: 5000})
	if r.Err() == nil || !strings.Contains(r.Issues[0].Msg, "102 columns") || !strings.Contains(r.Issues[0].Msg, "--max-cells") {
		t.Fatalf("guard: %v", r.Issues)
	}
	if r := ReadFS(fsys, ".", Options{MaxCells: 20000}); r.Err() != nil {
		t.Fatalf("under the limit: %v", r.Err())
	}
	if r := ReadFS(fsys, ".", Options{}); r.Err() != nil {
		t.Fatalf("default limit: %v", r.Err())
	}
	r = ReadFS(fsys, ".", Options{MaxColumns: 50})
	if r.Err() == nil || !strings.Contains(r.Issues[0].Msg, "102 columns, over the limit of 50; raise it with --max-columns") {
		t.Fatalf("column guard: %v", r.Issues)
	}
}

// TestLongRowBounded: one enormous row (a file that is one line of 8
// million cells, as a broken export or a binary file can be) is refused in
// one pass, by the default limits, holding little more than the file itself.
func TestLongRowBounded(t *testing.T) {
	raw := bytes.Repeat([]byte("1,"), 8<<20)
	fsys := fstest.MapFS{"par-2024.csv": {Data: raw}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	r := ReadFS(fsys, ".", Options{})
	runtime.ReadMemStats(&after)
	if r.Err() == nil || !strings.Contains(r.Err().Error(), "--max-columns") {
		t.Fatalf("a row of 8 million cells: %v", r.Err())
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 3*uint64(len(raw)) {
		t.Errorf("refusing a %d-byte row allocated %d bytes", len(raw), grew)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("refusing took %v", el)
	}
}

// TestLoaderOpensReadOnly: package data never writes, creates, removes or
// renames a file (so it cannot harm an input), and a load leaves its input
// byte for byte as it was, modification time included.
func TestLoaderOpensReadOnly(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	forbidden := map[string]bool{"Create": true, "OpenFile": true, "WriteFile": true, "Remove": true, "RemoveAll": true,
		"Rename": true, "Chmod": true, "Chtimes": true, "Truncate": true, "Mkdir": true, "MkdirAll": true, "CreateTemp": true, "Symlink": true, "Link": true}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" && (forbidden[sel.Sel.Name] || strings.HasPrefix(sel.Sel.Name, "O_")) {
					t.Errorf("%s: os.%s in the loader", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "par-2024.csv")
	content := []byte("unit,total\nSở A,90\n")
	os.WriteFile(p, content, 0o444)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(p, old, old)
	if r := Read([]string{p}, Options{}); r.Err() != nil {
		t.Fatal(r.Err())
	}
	st, _ := os.Stat(p)
	if b, _ := os.ReadFile(p); !bytes.Equal(b, content) || !st.ModTime().Equal(old) || st.Mode().Perm() != 0o444 {
		t.Errorf("the input changed: %q, %v, %v", b, st.ModTime(), st.Mode())
	}
}

// TestThousandFiles: a directory of 1,000 files (one per unit group and
// year, in nested folders) loads whole.
func TestThousandFiles(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 1000; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("don-vi-%02d", i/100))
		os.MkdirAll(sub, 0o755)
		year := 2015 + i%10
		body := fmt.Sprintf("khối,mã,đơn vị,tổng điểm\nKhối %d,U%d-A,Sở %d A,%d\nKhối %d,U%d-B,Sở %d B,%d\n", i/10, i/10, i/10, 60+i%40, i/10, i/10, i/10, 70+i%30)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("par-%d-%03d.csv", year, i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	r := Read([]string{dir}, Options{})
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if len(r.Dataset.Files) != 1000 || len(r.Dataset.Records) != 2000 {
		t.Errorf("%d files, %d records", len(r.Dataset.Files), len(r.Dataset.Records))
	}
	t.Logf("1,000 files in %v", time.Since(start))
}

// TestCellGuardCarriageReturns: a file with old Mac line ends (CR only) is
// not mistaken by the guard for one row of all its cells.
func TestCellGuardCarriageReturns(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("year,unit,C1,C2,C3,C4,C5,C6,C7,C8,total\r")
	for u := 0; u < 3000; u++ {
		fmt.Fprintf(&b, "2024,Sở %d,1,1,1,1,1,1,1,1,8\r", u)
	}
	if err := checkCells(b.Bytes(), DefaultMaxCells, DefaultMaxColumns); err != nil {
		t.Errorf("CR line ends: %v", err)
	}
}

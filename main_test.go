package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs parlens with args and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update and review the file)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n%s", name, diffLines(string(want), got))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, a, c)
		}
	}
	return b.String()
}

func TestGoldenOutputs(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"rank-city-2021.json", []string{"rank", "--sample", "city", "--year", "2021", "--index", "PAR", "--format", "json"}},
		{"rank-city-2021.txt", []string{"rank", "--sample", "city", "--year", "2021", "--format", "table"}},
		{"rank-ministries.txt", []string{"rank", "--sample", "ministries-2023", "--format", "table", "--lang", "en"}},
		{"summary-city.json", []string{"summary", "--sample", "city", "--format", "json"}},
		{"summary-city-2021.txt", []string{"summary", "--sample", "city", "--year", "2021", "--format", "table"}},
		{"movers-city-2021.json", []string{"movers", "--sample", "city", "--year", "2021", "--format", "json"}},
		{"movers-city-2021.txt", []string{"movers", "--sample", "city", "--year", "2021", "--format", "table"}},
		{"movers-city-2021-en.md", []string{"movers", "--sample", "city", "--year", "2021", "--format", "md", "--lang", "en", "--index", "par"}},
		{"unit-thanh-khe.txt", []string{"unit", "thanh khe", "--sample", "city", "--year", "2021", "--format", "table"}},
		{"components-districts-2021.csv", []string{"components", "--sample", "city", "--year", "2021", "--bloc", "huyen", "--index", "PAR"}},
		{"transitions-city.txt", []string{"transitions", "--sample", "city", "--from", "2020", "--to", "2021", "--format", "table"}},
		{"check-city.txt", []string{"check", "--sample", "city"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, c.name, out)
		})
	}
}

// The real 2023 ministry table: computed ranks equal the published ones and
// the bloc mean is the published 84.38.
func TestMinistries2023(t *testing.T) {
	out, errs, code := runCLI(t, "rank", "--sample", "ministries-2023", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var rows []rankRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 17 {
		t.Fatalf("%d ministries", len(rows))
	}
	for _, r := range rows {
		if r.Rank == nil || r.PublishedRank == nil || *r.Rank != *r.PublishedRank {
			t.Errorf("%s: rank %v, published %v", r.Unit, r.Rank, r.PublishedRank)
		}
	}
	if rows[0].Unit != "Bộ Tư pháp" || *rows[0].Score != 89.95 || rows[16].Unit != "Bộ Công Thương" || *rows[16].Score != 78.03 {
		t.Errorf("leader %s %v, bottom %s %v", rows[0].Unit, *rows[0].Score, rows[16].Unit, *rows[16].Score)
	}
	out, _, _ = runCLI(t, "summary", "--sample", "ministries-2023", "--format", "json")
	var sum []struct {
		Blocs []struct {
			Mean float64 `json:"mean"`
		} `json:"blocs"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if m := math.Round(sum[0].Blocs[0].Mean*100) / 100; m != 84.38 {
		t.Errorf("mean %v, published 84.38", m)
	}
	if strings.Contains(out, "89.9500") || !strings.Contains(out, "89.95") {
		t.Error("JSON scores must keep their published form")
	}
}

// An Excel export (BOM, ';', decimal comma, CRLF, STT, Vietnamese headers,
// a multi-line note) and Excel's "Unicode text" give the same ranking as the
// clean English file.
func TestExcelExportsRankLikeCleanFile(t *testing.T) {
	clean, errs, code := runCLI(t, "rank", "testdata/excel/par-2023-clean.csv", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, f := range []string{"testdata/excel/par-2023-excel.csv", "testdata/excel/par-2023-unicode-text.txt"} {
		got, errs, code := runCLI(t, "rank", f, "--format", "csv")
		if code != 0 {
			t.Fatalf("%s: %s", f, errs)
		}
		if got != clean {
			t.Errorf("%s ranks differently:\n%s", f, diffLines(clean, got))
		}
	}
	out, _, code := runCLI(t, "check", "testdata/excel/par-2023-excel.csv")
	if code != 0 || !strings.Contains(out, "UTF-8 with BOM, delimiter ';', decimal ','") || !regexp.MustCompile(`10 +Ghi chú +ignored: text\n`).MatchString(out) {
		t.Errorf("check of the Excel export (exit %d):\n%s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"rank", "--sample", "city", "--bloc", "quận hyuen"}, 1, "unknown bloc"},
		{[]string{"rank", "--sample", "city", "--year", "2031"}, 1, "unknown year \"2031\"; did you mean"},
		{[]string{"unit", "Sở Nội vu", "--sample", "city"}, 0, ""},
		{[]string{"unit", "So Noi Vuu", "--sample", "city"}, 1, "did you mean: Sở Nội vụ"},
		{[]string{"rank", "--format", "xml", "--sample", "city"}, 2, "--format must be one of"},
		{[]string{"rank", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"check"}, 2, "Usage: parlens check"},
		{[]string{"check", "testdata/bad/negative-total.csv"}, 1, ""},
		{[]string{"check", "no/such/file.csv"}, 1, ""},
		{[]string{"rank", "testdata/bad/negative-total.csv"}, 1, "negative-total.csv:2:3: error: negative score -3"},
	} {
		_, errs, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", c.args, code, errs, c.code, c.msg)
		}
	}
}

// Every file of testdata/bad makes check exit 1 and print its message.
func TestCheckBadCorpus(t *testing.T) {
	entries, _ := os.ReadDir("testdata/bad")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".want") {
			continue
		}
		out, _, code := runCLI(t, "check", filepath.Join("testdata", "bad", e.Name()))
		if code != 1 || !strings.Contains(out, "error:") {
			t.Errorf("%s: exit %d\n%s", e.Name(), code, out)
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	var b bytes.Buffer
	tb := &table{headers: []string{"unit", "score"}}
	tb.add("=HYPERLINK(\"x\")", num{97.31, -1, 0})
	tb.add("-3", num{-3, -1, 0})
	tb.add("@SUM(A1)", nil)
	tb.add("+1", nil)
	if err := tb.writeCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := "unit,score\n\"'=HYPERLINK(\"\"x\"\")\",97.31\n-3,-3\n'@SUM(A1),\n+1,\n"
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "brief.md")
	os.WriteFile(p, []byte("old"), 0o600)
	err := writeFileAtomic(p, func(w io.Writer) error {
		w.Write([]byte("partial"))
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("error not returned")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("existing file changed on failure: %q", b)
	}
	if err := writeFileAtomic(p, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("file = %q", b)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temp files left: %v", entries)
	}
}

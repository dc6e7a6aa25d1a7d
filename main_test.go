package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data/datatest"
)

// runCLI runs parlens with args and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
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
			datatest.Golden(t, filepath.Join("testdata", "golden", c.name), out)
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
	var doc struct{ Result []rankRow }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	rows := doc.Result
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
	var sumDoc struct {
		Result []struct {
			Blocs []struct {
				Mean float64 `json:"mean"`
			} `json:"blocs"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(out), &sumDoc); err != nil {
		t.Fatal(err)
	}
	sum := sumDoc.Result
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
			t.Errorf("%s ranks differently:\n%s", f, datatest.Diff(clean, got))
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
		{[]string{"unit", "--sample", "city"}, 2, "parlens unit: name a unit by code or name"},
		{[]string{"rank", "--sample", "city", "testdata/excel/par-2023-clean.csv"}, 2, "give either PATH or --sample"},
		{[]string{"rank", "--sample", "nowhere"}, 2, "unknown sample \"nowhere\""},
		{[]string{"brief", "--format", "xml", "--sample", "city"}, 2, "invalid value \"xml\" for flag -format: must be md, text, json or docx"},
		{[]string{"brief", "--lang", "fr", "--sample", "city"}, 2, "must be vi or en"},
		{[]string{"brief", "--sample", "city", "--index", "nope"}, 1, "unknown index \"nope\""},
		{[]string{"brief", "--sample", "city", "--year", "1999"}, 1, "unknown year \"1999\"; known: 2019, 2020, 2021"},
		{[]string{"gen", "out.csv"}, 2, "parlens gen: unexpected argument \"out.csv\""},
		{[]string{"transitions", "--sample", "ministries-2023"}, 1, "no two years to compare"},
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
	tb := &present.Table{Headers: []string{"unit", "score"}}
	tb.Add("=HYPERLINK(\"x\")", present.Num{V: 97.31, Dec: -1, Pad: 0})
	tb.Add("-3", present.Num{V: -3, Dec: -1, Pad: 0})
	tb.Add("@SUM(A1)", nil)
	tb.Add("+1", nil)
	if err := tb.WriteCSV(&b); err != nil {
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

// failingWriter accepts n bytes, then fails every write as a full disk does.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errors.New("no space left on device")
}

// commandArgs runs each command of the table on the sample.
var commandArgs = map[string][]string{
	"check":       {"--sample", "city"},
	"rank":        {"--sample", "city"},
	"summary":     {"--sample", "city"},
	"movers":      {"--sample", "city"},
	"unit":        {"thanh khe", "--sample", "city"},
	"components":  {"--sample", "city"},
	"transitions": {"--sample", "city"},
	"brief":       {"--sample", "city"},
	"scorecard":   {"thanh khe", "--sample", "city"},
	"gen":         {"--units", "3", "--years", "2", "--components", "2"},
	"completion":  {"bash"},
	"help":        {"rank"},
	"version":     {},
}

// A failed write on standard output is exit 1 with a message, whether the
// first write fails or one in the middle, for every command and help.
func TestWriteErrorsExitOne(t *testing.T) {
	for _, c := range commands {
		args, ok := commandArgs[c.name]
		if !ok {
			t.Errorf("no test arguments for command %q", c.name)
			continue
		}
		var out, errb bytes.Buffer
		if code := run(append([]string{c.name}, args...), strings.NewReader(""), &out, &errb); code != exitOK || out.Len() == 0 {
			t.Errorf("%s: exit %d with a working output, stderr %q", c.name, code, errb.String())
		}
		for _, after := range []int{0, min(100, out.Len()-1)} { // the second write fails, or a write in the middle
			var errb bytes.Buffer
			code := run(append([]string{c.name}, args...), strings.NewReader(""), &failingWriter{after}, &errb)
			if code != exitData || !strings.Contains(errb.String(), "parlens: cannot write the output: no space left on device") {
				t.Errorf("%s, failing after %d bytes: exit %d, stderr %q", c.name, after, code, errb.String())
			}
		}
	}
	var errb bytes.Buffer
	if code := run([]string{"help"}, strings.NewReader(""), &failingWriter{0}, &errb); code != exitData {
		t.Errorf("help on a full disk: exit %d", code)
	}
}

// help lists every command of the table, and every command's -h exits 0
// with its usage line.
func TestHelpFromCommandTable(t *testing.T) {
	out, _, code := runCLI(t, "help")
	if code != exitOK {
		t.Fatalf("help: exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(out, fmt.Sprintf("  %-12s %s\n", c.name, c.summary)) {
			t.Errorf("help lacks %s", c.name)
		}
		help, errs, code := runCLI(t, c.name, "-h")
		if code != exitOK || errs != "" || !strings.HasPrefix(help, strings.TrimSpace("Usage: parlens "+c.name+" "+c.args)+"\n") {
			t.Errorf("%s -h: exit %d, %q, stderr %q", c.name, code, help, errs)
		}
		if c.data != noData && !strings.Contains(help, "-strict") {
			t.Errorf("%s -h does not offer --strict", c.name)
		}
	}
}

// warningsDir writes a ranking whose published ranks contradict the scores
// in four rows: four warnings of analysis.Check.
func warningsDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	csv := "year,bloc,unit,total,rank\n" +
		"2023,Sở,Sở A,90,5\n2023,Sở,Sở B,80,4\n2023,Sở,Sở C,70,3\n2023,Sở,Sở D,60,2\n2023,Sở,Sở E,50,1\n"
	if err := os.WriteFile(filepath.Join(dir, "par.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every command that reads data tells its warnings in one line on standard
// error, quoting the first three; --strict makes them exit 1 with no result;
// check lists them all on standard output as before.
func TestDataWarnings(t *testing.T) {
	dir := warningsDir(t)
	oneLine := "parlens: 4 warnings in the data: " + filepath.Join(dir, "par.csv") + ":2: rank 5 given, 1 by score"
	for _, c := range []struct {
		args     []string
		code     int
		stdout   bool // a result on standard output
		errHas   []string
		errLacks string
		errLines int
	}{
		{[]string{"rank", dir}, 0, true, []string{oneLine, "; … 1 more; run parlens check for all\n"}, "hint", 1},
		{[]string{"summary", dir, "--format", "json"}, 0, true, []string{oneLine}, "", 1},
		{[]string{"brief", dir}, 0, true, []string{oneLine}, "", 1},
		{[]string{"rank", dir, "--strict"}, 1, false, []string{oneLine, "parlens: --strict: stopping on the data's warnings"}, "", 2},
		{[]string{"check", dir}, 0, true, nil, "warning", 0},
		{[]string{"check", dir, "--strict"}, 1, true, []string{"parlens: --strict: the data has warnings"}, "", 1},
		{[]string{"rank", "--sample", "city", "--strict"}, 0, true, nil, "warning", 0},
	} {
		out, errs, code := runCLI(t, c.args...)
		if code != c.code || (out != "") != c.stdout || strings.Count(errs, "\n") != c.errLines {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q", c.args, code, len(out), errs)
		}
		for _, s := range c.errHas {
			if !strings.Contains(errs, s) {
				t.Errorf("%v: stderr lacks %q: %q", c.args, s, errs)
			}
		}
		if c.errLacks != "" && strings.Contains(errs, c.errLacks) {
			t.Errorf("%v: stderr has %q: %q", c.args, c.errLacks, errs)
		}
	}
	out, _, _ := runCLI(t, "check", dir)
	if n := strings.Count(out, ": warning: rank "); n != 4 {
		t.Errorf("check lists %d rank warnings, want 4:\n%s", n, out)
	}
}

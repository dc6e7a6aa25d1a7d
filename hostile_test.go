package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data"
)

// hostileRuns is every command with every format it writes.
var hostileRuns = []struct {
	cmd     string
	formats []string
}{
	{"rank", []string{"table", "csv", "json", "md"}},
	{"summary", []string{"table", "csv", "json", "md"}},
	{"movers", []string{"table", "csv", "json", "md"}},
	{"components", []string{"table", "csv", "json", "md"}},
	{"transitions", []string{"table", "csv", "json", "md"}},
	{"unit", []string{"table", "csv", "json", "md"}},
	{"brief", []string{"md", "txt", "json"}},
}

// assertInert fails when s carries anything data.Printable would replace:
// an escape sequence's ESC, another control, a C1 control, a bidi or
// zero-width character, invalid UTF-8. Line feeds, and tabs where keepTab,
// are the output's own.
func assertInert(t *testing.T, what, s string, keepTab bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8 in the output", what)
		return
	}
	for i, r := range s {
		if r == '\n' || (r == '\t' && keepTab) {
			continue
		}
		if data.Unprintable(r) {
			lo, hi := max(0, i-40), min(len(s), i+40)
			t.Errorf("%s: raw %U at byte %d: %q", what, r, i, s[lo:hi])
			return
		}
	}
}

// hostilePath is the path to give parlens for a class: the sidecar class is
// its directory.
func hostilePath(c hostileClass) string {
	p := filepath.Join("testdata", "hostile", filepath.FromSlash(c.file))
	if strings.HasPrefix(c.file, "sidecars/") {
		return filepath.Dir(p)
	}
	return p
}

// TestHostileCLI runs every command in every format on every file of the
// hostile corpus: the output is inert (nothing a terminal would act on, no
// hidden text), what was hidden is visible, the layout holds (table rows on
// one line and no wider than the rule, Markdown rows with the header's cell
// count, CSV rectangular and without live formulas, JSON valid and exact).
func TestHostileCLI(t *testing.T) {
	_, classes := hostileCorpus()
	for _, c := range classes {
		if c.reject {
			continue
		}
		t.Run(c.file, func(t *testing.T) {
			path := hostilePath(c)
			human := map[string]string{} // format → every output joined
			var jsonStrings = map[string]bool{}
			for _, hr := range hostileRuns {
				for _, f := range hr.formats {
					args := []string{hr.cmd, "--format", f}
					if hr.cmd == "unit" {
						args = append(args, c.unit)
					}
					args = append(args, path)
					what := strings.Join(args, " ")
					out, errs, code := runCLI(t, args...)
					if code != 0 {
						t.Errorf("%s: exit %d: %s", what, code, errs)
						continue
					}
					assertInert(t, what+" (stderr)", errs, true)
					assertInert(t, what, out, f == "csv")
					switch f {
					case "table":
						checkTextTables(t, what, out)
					case "md":
						checkMarkdownTables(t, what, out)
					case "csv":
						checkCSV(t, what, out)
					case "json":
						checkJSON(t, what, out, jsonStrings)
					}
					human[f] += out
				}
			}
			for _, v := range c.visible {
				if !strings.Contains(human["table"], present.TextCell(v)) && !strings.Contains(human["txt"], v) {
					t.Errorf("text outputs do not show %q", v)
				}
				if !strings.Contains(human["md"], present.EscapeMarkdown(v)) {
					t.Errorf("Markdown outputs do not show %q", present.EscapeMarkdown(v))
				}
			}
			for _, r := range c.raw {
				if !jsonStrings[r] {
					t.Errorf("JSON outputs lack the exact text %q", r)
				}
			}
		})
	}
}

// checkTextTables: every line of a text table is at most as wide as its
// rule (a name cannot push the columns apart or wrap a row), and no cell is
// wider than present.MaxTextCell.
func checkTextTables(t *testing.T, what, out string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	ruleW := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "─") {
			ruleW = ansi.StringWidth(l)
			if i == 0 {
				t.Errorf("%s: a rule with no header", what)
			} else if w := ansi.StringWidth(lines[i-1]); w > ruleW {
				t.Errorf("%s: header %d cells wide, rule %d", what, w, ruleW)
			}
			for _, seg := range strings.Fields(l) {
				if n := utf8.RuneCountInString(seg); n > present.MaxTextCell {
					t.Errorf("%s: a column %d cells wide (max %d)", what, n, present.MaxTextCell)
				}
			}
			continue
		}
		if l == "" {
			ruleW = -1 // a table ends at a blank line
			continue
		}
		if strings.HasPrefix(l, "lên loại ") || strings.HasPrefix(l, "up ") {
			continue // the line under a transitions matrix
		}
		if ruleW >= 0 && ansi.StringWidth(l) > ruleW {
			t.Errorf("%s: line %d is %d cells wide, its table's rule %d: %.120q", what, i+1, ansi.StringWidth(l), ruleW, l)
			return
		}
	}
}

// pipes counts the cell separators of a Markdown table row.
func pipes(l string) int {
	n := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++ // an escaped character
		case '|':
			n++
		}
	}
	return n
}

// checkMarkdownTables: every row of a Markdown table has its header's cells.
func checkMarkdownTables(t *testing.T, what, out string) {
	t.Helper()
	want := -1
	for i, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "|") {
			want = -1
			continue
		}
		if want < 0 {
			want = pipes(l)
			continue
		}
		if got := pipes(l); got != want {
			t.Errorf("%s: Markdown line %d has %d cell separators, its header %d: %.120q", what, i+1, got, want, l)
			return
		}
	}
}

// checkCSV: the CSV parses, every row has the header's cells, and no cell
// starts a formula.
func checkCSV(t *testing.T, what, out string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Errorf("%s: CSV does not parse: %v", what, err)
		return
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !present.IsPlainNumber(cell) {
				t.Errorf("%s: CSV cell starts a formula: %q", what, cell)
				return
			}
		}
	}
}

// checkJSON: the JSON is valid; its strings are collected.
func checkJSON(t *testing.T, what, out string, strs map[string]bool) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Errorf("%s: JSON does not parse: %v", what, err)
		return
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			strs[x] = true
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
}

// TestHostileRejected: files that must not load make every command exit 1
// with inert messages, and check shows the hostile cells it quotes inert.
func TestHostileRejected(t *testing.T) {
	_, classes := hostileCorpus()
	for _, c := range classes {
		if !c.reject {
			continue
		}
		t.Run(c.file, func(t *testing.T) {
			path := hostilePath(c)
			out, errs, code := runCLI(t, "check", path)
			if code != exitData || !strings.Contains(out, "error:") {
				t.Errorf("check: exit %d\n%s%s", code, out, errs)
			}
			assertInert(t, "check", out, false)
			assertInert(t, "check (stderr)", errs, true)
			for _, v := range c.visible {
				if !strings.Contains(out, v) {
					t.Errorf("check does not show %q:\n%s", v, out)
				}
			}
			for _, hr := range hostileRuns {
				out, errs, code := runCLI(t, hr.cmd, path)
				if code != exitData {
					t.Errorf("%s: exit %d", hr.cmd, code)
				}
				assertInert(t, hr.cmd, out, true)
				assertInert(t, hr.cmd+" (stderr)", errs, true)
			}
		})
	}
}

// TestHostileFileNames: a file whose name carries escape sequences, bidi
// controls and bytes that are not UTF-8 is named inert in every message.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	name := "par-2024-\x1b]2;" + pwnTitle + "\x07\u202e\xff.csv"
	good := filepath.Join(dir, name)
	if err := os.WriteFile(good, []byte("unit,total\nSở A,90\nSở B,80\n"), 0o644); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	bad := filepath.Join(dir, "bad", name)
	os.Mkdir(filepath.Dir(bad), 0o755)
	os.WriteFile(bad, []byte("unit,total\nSở A,x\n"), 0o644)
	for _, args := range [][]string{
		{"check", good}, {"check", bad}, {"rank", bad}, {"rank", "--format", "table", good},
		{"rank", filepath.Join(dir, "missing-\x1b[2J.csv")},
		{"brief", "-o", filepath.Join(dir, "no-dir-\x1b]2;"+pwnTitle+"\x07", "b.md"), good},
		{"brief", "-o", dir, good},
	} {
		out, errs, _ := runCLI(t, args...)
		what := fmt.Sprintf("%q", args)
		assertInert(t, what, out, false)
		assertInert(t, what+" (stderr)", errs, true)
		if strings.Contains(out+errs, pwnTitle) && !strings.Contains(out+errs, "␛]2;"+pwnTitle+"␇") {
			t.Errorf("%s: the name is not shown inert:\n%s%s", what, out, errs)
		}
	}
}

// TestHostileArguments: arguments (a unit, a bloc, an index, a flag, a year
// that is not one) are quoted inert in every message.
func TestHostileArguments(t *testing.T) {
	esc := "\x1b]2;" + pwnTitle + "\x07\u202e"
	for _, args := range [][]string{
		{"unit", esc, "--sample", "city"},
		{"unit", "sở", "--sample", "city"}, // ambiguous: lists the names
		{"rank", "--bloc", esc, "--sample", "city"},
		{"rank", "--index", esc, "--sample", "city"},
		{"rank", "--lang", esc, "--sample", "city"},
		{"rank", "--format", esc, "--sample", "city"},
		{"rank", "--" + esc},
		{"rank", "--year", esc},
		{"brief", "--bloc", esc, "--sample", "city"},
		{"brief", "--index", esc, "--sample", "city"},
		{"brief", "--format", esc, "--sample", "city"},
		{"check", "--sample", esc},
		{"--theme", esc},
		{"--" + esc},
	} {
		out, errs, _ := runCLI(t, args...)
		what := fmt.Sprintf("%q", args)
		assertInert(t, what, out, false)
		assertInert(t, what+" (stderr)", errs, true)
	}
}

// TestHostileUnitAmbiguous: units whose names carry escape sequences are
// listed inert when a query matches several.
func TestHostileUnitAmbiguous(t *testing.T) {
	out, errs, code := runCLI(t, "unit", "sở", filepath.Join("testdata", "hostile", "title.csv"))
	if code != exitData {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	assertInert(t, "unit", errs, false)
	if !strings.Contains(errs, "␛]0;"+pwnTitle+"␇Sở Tiêu đề") {
		t.Errorf("the names are not listed inert: %s", errs)
	}
}

// TestInertWriter: parlens's standard error passes everything through
// printableKeep.
func TestInertWriter(t *testing.T) {
	var b bytes.Buffer
	w := inertWriter{&b}
	n, err := fmt.Fprintf(w, "flag provided but not defined: -%s\n\tnext\n", "\x1b]52;c;eA==\x07\u202e\xff")
	if err != nil || n != len("flag provided but not defined: -\x1b]52;c;eA==\x07\u202e\xff\n\tnext\n") {
		t.Fatalf("n %d, err %v", n, err)
	}
	if got, want := b.String(), "flag provided but not defined: -␛]52;c;eA==␇<U+202E>\uFFFD\n\tnext\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestResourceGuards: a file over the size, cell or column limit is refused
// with a message that names the flag raising it; the flag raises it.
func TestResourceGuards(t *testing.T) {
	wide := filepath.Join("testdata", "hostile", "columns-5000.csv")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"rank", "--max-columns", "1000", wide}, exitData, "5,003 columns, over the limit of 1,000; raise it with --max-columns"},
		{[]string{"rank", "--max-columns", "6000", "--format", "csv", wide}, exitOK, ""},
		{[]string{"rank", "--max-cells", "10000", wide}, exitData, "raise it with --max-cells"},
		{[]string{"rank", "--max-bytes", "1000", wide}, exitData, "raise the limit with --max-bytes"},
		{[]string{"check", "--max-cells", "10000", wide}, exitData, "raise it with --max-cells"},
	} {
		out, errs, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(out+errs, c.msg) {
			t.Errorf("%v: exit %d, %s%s", c.args, code, out, errs)
		}
	}
}

// TestThousandFilesCLI: parlens reads a directory of 1,000 files: check,
// rank and the dashboard (its overview, without a terminal) work.
func TestThousandFilesCLI(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 1000; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i/100))
		os.MkdirAll(sub, 0o755)
		body := fmt.Sprintf("khối,mã,đơn vị,tổng điểm\nKhối %d,U%d-A,Sở %d A,%d\nKhối %d,U%d-B,Sở %d B,%d\n", i/10, i/10, i/10, 60+i%40, i/10, i/10, i/10, 70+i%30)
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("par-%d-%03d.csv", 2015+i%10, i)), []byte(body), 0o644)
	}
	out, errs, code := runCLI(t, "check", dir)
	if code != exitOK || strings.Count(out, ": wide,") != 1000 || !strings.Contains(out, "records: 2000") {
		t.Fatalf("check: exit %d\n%.500s\n%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "rank", "--format", "csv", dir)
	if code != exitOK || strings.Count(out, "\n") != 201 { // latest year: 100 files × 2 units
		t.Fatalf("rank: exit %d, %d lines\n%s", code, strings.Count(out, "\n"), errs)
	}
	out, errs, code = runCLI(t, dir)
	if code != exitOK || !strings.Contains(out, "Khối 99") {
		t.Fatalf("dashboard without a terminal: exit %d\n%.300s\n%s", code, out, errs)
	}
}

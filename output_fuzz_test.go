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

// inertErr describes the first character of s a terminal would act on or
// that hides text (see data.Unprintable), other than those in keep.
func inertErr(s, keep string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		if data.Unprintable(r) && !strings.ContainsRune(keep, r) {
			return fmt.Sprintf("raw %U", r)
		}
	}
	return ""
}

// FuzzOutput renders any text as a cell (and a header) in every format and
// checks what TestHostileCLI checks on the corpus: text and Markdown are
// inert and keep their layout (one line per row, rows no wider than the
// rule, Markdown rows with the header's cells), CSV parses back to the text
// made inert and without a live formula, JSON parses back to the exact text.
// Seeds: testdata/fuzz/output and the hostile corpus's names.
func FuzzOutput(f *testing.F) {
	dir := filepath.Join("testdata", "fuzz", "output")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			f.Add(string(b))
		}
	}
	for _, n := range append(append(append([]string{}, csiNames...), c0Names...), formulaNames...) {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tb := &present.Table{Headers: []string{"unit", s, "score"}}
		tb.Add(s, s, present.Num{V: 97.5, Dec: -1, Pad: 2})
		tb.Add("x", nil, present.Num{V: -3, Dec: -1, Pad: 0})

		var b bytes.Buffer
		tb.WriteText(&b, true)
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("text: %d lines for 2 rows: %q", len(lines), b.String())
		}
		ruleW := ansi.StringWidth(lines[1])
		for i, l := range lines {
			if e := inertErr(l, ""); e != "" {
				t.Fatalf("text line %d: %s: %q", i, e, l)
			}
			if w := ansi.StringWidth(l); w > ruleW {
				t.Fatalf("text line %d is %d wide, the rule %d: %q", i, w, ruleW, l)
			}
		}

		b.Reset()
		tb.WriteMarkdown(&b, true)
		mlines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(mlines) != 4 {
			t.Fatalf("markdown: %d lines: %q", len(mlines), b.String())
		}
		for i, l := range mlines {
			if e := inertErr(l, ""); e != "" {
				t.Fatalf("markdown line %d: %s: %q", i, e, l)
			}
			if pipes(l) != 4 {
				t.Fatalf("markdown line %d has %d cell separators: %q", i, pipes(l), l)
			}
		}

		b.Reset()
		tb.WriteCSV(&b)
		if e := inertErr(b.String(), "\n\t"); e != "" {
			t.Fatalf("csv: %s: %q", e, b.String())
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil || len(recs) != 3 {
			t.Fatalf("csv does not read back (%v): %q", err, b.String())
		}
		want := present.CSVText(s)
		for _, cell := range []string{recs[0][1], recs[1][0], recs[1][1]} {
			got := cell
			if want != "" && strings.ContainsRune("=+-@\t\r", rune(want[0])) && !present.IsPlainNumber(want) {
				if !strings.HasPrefix(cell, "'") {
					t.Fatalf("csv: a live formula %q", cell)
				}
				got = cell[1:]
			}
			// encoding/csv reads \r\n inside a quoted cell as \n
			if got != want && got != strings.ReplaceAll(want, "\r\n", "\n") {
				t.Fatalf("csv cell %q, want %q", cell, want)
			}
		}

		b.Reset()
		if err := present.WriteJSON(&b, map[string]string{"unit": s}); err != nil {
			t.Fatal(err)
		}
		if e := inertErr(b.String(), "\n"); e != "" {
			t.Fatalf("json: %s: %q", e, b.String())
		}
		var back map[string]string
		if err := json.Unmarshal(b.Bytes(), &back); err != nil {
			t.Fatalf("json does not parse: %v: %q", err, b.String())
		}
		if back["unit"] != strings.ToValidUTF8(s, "\uFFFD") && utf8.ValidString(s) {
			t.Fatalf("json gives %q back for %q", back["unit"], s)
		}

		var w bytes.Buffer
		inertWriter{&w}.Write([]byte(s))
		if e := inertErr(w.String(), "\n\t"); e != "" {
			t.Fatalf("inertWriter: %s", e)
		}
		if e := inertErr(data.Printable(s), ""); e != "" {
			t.Fatalf("Printable: %s", e)
		}
	})
}

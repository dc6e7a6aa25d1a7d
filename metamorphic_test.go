package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/data/synth"
)

// metaFile is one file of a variant: its name, how it is written and its rows.
type metaFile struct {
	name     string
	delim    rune
	comma    bool   // decimal comma
	encoding string // "utf8", "bom", "utf16le", "cp1258"
	head     []string
	rows     [][]string
}

// TestMetamorphic: how a table is stored must not change what parlens says
// about it. Shuffled rows, per-year files, reordered columns, other
// encodings, ';' with decimal commas and other file names give byte-identical
// summary, movers and brief --format json.
func TestMetamorphic(t *testing.T) {
	commands := [][]string{
		{"summary", "--format", "json"},
		{"movers", "--format", "json"},
		{"brief", "--format", "json"},
	}
	for _, seed := range []uint64{1, 7, 2026} {
		var buf bytes.Buffer
		if err := synth.Wide(&buf, synth.Realistic(24, 4, 4, seed)); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(seed, 42))
		one := func(f metaFile) []metaFile {
			f.head, f.rows = recs[0], recs[1:]
			return []metaFile{f}
		}
		// Every variant is written to the same path, so only the file names
		// can differ in what is said about the sources.
		dir := filepath.Join(t.TempDir(), "data")
		base := one(metaFile{name: "par.csv", delim: ',', encoding: "utf8"})
		want := metaOutputs(t, writeVariant(t, dir, base), commands)
		variants := []struct {
			name  string
			files []metaFile
		}{
			{"shuffled rows", []metaFile{shuffled(base[0], rng)}},
			{"per-year files", perYear(base[0])},
			{"reordered columns", []metaFile{reordered(base[0], rng)}},
			{"UTF-8 with BOM", one(metaFile{name: "par.csv", delim: ',', encoding: "bom"})},
			{"UTF-16LE, tabs", one(metaFile{name: "par.txt", delim: '\t', encoding: "utf16le"})},
			{"Windows-1258", one(metaFile{name: "par.csv", delim: ',', encoding: "cp1258"})},
			{"';' and decimal commas", one(metaFile{name: "par.csv", delim: ';', comma: true, encoding: "utf8"})},
			{"renamed", one(metaFile{name: "Bảng điểm CCHC (bản cuối).csv", delim: ',', encoding: "utf8"})},
			{"all at once", allAtOnce(base[0], rng)},
		}
		for _, v := range variants {
			t.Run(fmt.Sprintf("seed %d/%s", seed, v.name), func(t *testing.T) {
				got := metaOutputs(t, writeVariant(t, dir, v.files), commands)
				for i, c := range commands {
					if got[i] != want[i] {
						t.Errorf("%s differs:\n%s", strings.Join(c, " "), datatest.Diff(want[i], got[i]))
					}
				}
			})
		}
	}
}

// metaOutputs runs each command on dir and returns its standard output.
// The brief's sources statement names the files, which is right to differ:
// it is checked to list dir's files and left out of the comparison.
func metaOutputs(t *testing.T, dir string, commands [][]string) []string {
	t.Helper()
	var out []string
	for _, c := range commands {
		stdout, stderr, code := runCLI(t, append(slices.Clone(c), dir)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", strings.Join(c, " "), code, stderr)
		}
		if c[0] == "brief" {
			stdout = withoutSources(t, dir, stdout)
		}
		out = append(out, stdout)
	}
	return out
}

// withoutSources checks the brief's sources statement and returns the other
// statements' bytes as written.
func withoutSources(t *testing.T, dir, brief string) string {
	t.Helper()
	var doc struct {
		Result []json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal([]byte(brief), &doc); err != nil {
		t.Fatal(err)
	}
	statements := doc.Result
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(dir, e.Name()))
	}
	var kept []string
	for _, st := range statements {
		var s struct {
			Kind  string
			Facts struct{ Files []string }
		}
		if err := json.Unmarshal(st, &s); err != nil {
			t.Fatal(err)
		}
		if s.Kind == "caveat" {
			kept = append(kept, withoutPosition(t, st))
			continue
		}
		if s.Kind != "sources" {
			kept = append(kept, string(st))
			continue
		}
		if got := slices.Sorted(slices.Values(s.Facts.Files)); !slices.Equal(got, files) {
			t.Errorf("sources %q, want %q", got, files)
		}
	}
	return strings.Join(kept, ",\n")
}

// caveatWhere is where a caveat's text says the row stands: " (FILE, dòng
// N)" after the unit's name, FILE possibly holding parentheses itself.
var caveatWhere = regexp.MustCompile(` \(.*, (dòng|line) \d+\):`)

// withoutPosition returns a caveat statement without the file, line and
// column of its row: they follow the rows and files, which the variants
// move on purpose; what the caveat says must not change.
func withoutPosition(t *testing.T, st json.RawMessage) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(st, &m); err != nil {
		t.Fatal(err)
	}
	if facts, ok := m["facts"].(map[string]any); ok {
		delete(facts, "file")
		delete(facts, "line")
		delete(facts, "col")
	}
	if text, ok := m["text"].(string); ok {
		m["text"] = caveatWhere.ReplaceAllString(text, " (…):")
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// shuffled shuffles the rows, then puts each bloc's rows back in the order
// blocs were first seen: that order is the one thing row order sets on
// purpose (blocs are listed as the file lists them).
func shuffled(f metaFile, rng *rand.Rand) metaFile {
	const blocCol = 1 // synth writes year, bloc, …
	first := map[string]int{}
	for _, r := range f.rows {
		if _, ok := first[r[blocCol]]; !ok {
			first[r[blocCol]] = len(first)
		}
	}
	f.rows = slices.Clone(f.rows)
	rng.Shuffle(len(f.rows), func(i, j int) { f.rows[i], f.rows[j] = f.rows[j], f.rows[i] })
	slices.SortStableFunc(f.rows, func(a, b []string) int { return first[a[blocCol]] - first[b[blocCol]] })
	return f
}

// perYear splits a file into one file per year, named by the year.
func perYear(f metaFile) []metaFile {
	byYear := map[string]int{} // index in out
	var out []metaFile
	yearCol := slices.Index(f.head, "year")
	for _, r := range f.rows {
		y := r[yearCol]
		i, ok := byYear[y]
		if !ok {
			i = len(out)
			byYear[y] = i
			out = append(out, metaFile{name: "par-" + y + ".csv", delim: f.delim, comma: f.comma, encoding: f.encoding, head: f.head})
		}
		out[i].rows = append(out[i].rows, r)
	}
	return out
}

func reordered(f metaFile, rng *rand.Rand) metaFile {
	order := rng.Perm(len(f.head))
	pick := func(r []string) []string {
		out := make([]string, len(r))
		for i, j := range order {
			out[i] = r[j]
		}
		return out
	}
	f.head = pick(f.head)
	rows := make([][]string, len(f.rows))
	for i, r := range f.rows {
		rows[i] = pick(r)
	}
	f.rows = rows
	return f
}

// allAtOnce composes every change: shuffled, reordered, split by year, each
// year in another encoding and with another name.
func allAtOnce(f metaFile, rng *rand.Rand) []metaFile {
	files := perYear(reordered(shuffled(f, rng), rng))
	styles := []metaFile{
		{delim: ';', comma: true, encoding: "bom"},
		{delim: '\t', encoding: "utf16le"},
		{delim: ',', encoding: "cp1258"},
		{delim: ';', comma: true, encoding: "cp1258"},
	}
	for i := range files {
		s := styles[i%len(styles)]
		year := strings.TrimSuffix(strings.TrimPrefix(files[i].name, "par-"), ".csv")
		files[i].name = fmt.Sprintf("Kết quả %d (năm %s).txt", i+1, year)
		files[i].delim, files[i].comma, files[i].encoding = s.delim, s.comma, s.encoding
	}
	return files
}

// writeVariant writes the files into dir, emptied first, and returns dir.
func writeVariant(t *testing.T, dir string, files []metaFile) string {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = f.delim
		for _, r := range append([][]string{f.head}, f.rows...) {
			if f.comma {
				r = slices.Clone(r)
				for i, c := range r {
					if isDecimal(c) {
						r[i] = strings.Replace(c, ".", ",", 1)
					}
				}
			}
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		raw := b.Bytes()
		switch f.encoding {
		case "bom":
			raw = append([]byte("\ufeff"), raw...)
		case "utf16le":
			s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(raw)
			if err != nil {
				t.Fatal(err)
			}
			raw = s
		case "cp1258":
			raw = windows1258(t, string(raw))
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// isDecimal reports a number written with a decimal point, like "97.31".
func isDecimal(s string) bool {
	i := strings.IndexByte(s, '.')
	if i <= 0 || i == len(s)-1 {
		return false
	}
	return strings.Trim(s[:i]+s[i+1:], "0123456789") == ""
}

// windows1258 writes s as Windows-1258 does: letters with a circumflex,
// breve or horn composed (the code page has them), tone marks apart.
func windows1258(t *testing.T, s string) []byte {
	t.Helper()
	var out []rune
	for _, r := range s {
		var letter, tones []rune
		for _, p := range norm.NFD.String(string(r)) {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", p) {
				tones = append(tones, p)
			} else {
				letter = append(letter, p)
			}
		}
		out = append(append(out, []rune(norm.NFC.String(string(letter)))...), tones...)
	}
	raw, err := charmap.Windows1258.NewEncoder().String(string(out))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(raw)
}

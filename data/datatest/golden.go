package datatest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// update is the one -update flag of every test binary that imports datatest.
var update = flag.Bool("update", false, "rewrite golden files and generated test data instead of comparing with them")

// Update reports whether -update was given: tests that generate more than
// one file (a corpus) rewrite them then instead of comparing.
func Update() bool { return *update }

// Golden compares got with the file at path (relative to the package under
// test). With -update it writes got there instead, creating directories.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it, then read it)", err)
	}
	if d := Diff(string(want), got); d != "" {
		t.Errorf("%s differs from the golden file (- golden file, + got; run the test with -update if the change is right):\n%s", path, d)
	}
}

// contextLines is how many unchanged lines Diff shows around a change.
const contextLines = 2

// Diff is a line diff of want and got (a golden file, an expected output): hunks of removed (-) and added (+)
// lines with a little context, "" when they are equal. Lines whose ends or
// characters cannot be seen are shown quoted.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	ops := diffOps(w, g)
	var b strings.Builder
	for start := 0; start < len(ops); {
		if ops[start].kind == ' ' {
			start++
			continue
		}
		// a hunk: the changed run plus context, merged with the next run
		// when their contexts touch
		from := max(0, start-contextLines)
		end := start
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			next := end
			for next < len(ops) && ops[next].kind == ' ' {
				next++
			}
			if next == len(ops) || next-end > 2*contextLines {
				break
			}
			end = next
		}
		to := min(len(ops), end+contextLines)
		fmt.Fprintf(&b, "@@ want line %d, got line %d @@\n", ops[from].wantLine, ops[from].gotLine)
		for _, o := range ops[from:to] {
			fmt.Fprintf(&b, "%c %s\n", o.kind, showLine(o.text))
		}
		start = to
	}
	if b.Len() == 0 { // only possible if Split hid the difference
		return fmt.Sprintf("- %q\n+ %q\n", want, got)
	}
	return b.String()
}

// diffOp is one line of a diff: ' ' kept, '-' only in want, '+' only in got,
// with the (1-based) line numbers it stands at in each.
type diffOp struct {
	kind              byte
	text              string
	wantLine, gotLine int
}

// maxDiffCells bounds the longest-common-subsequence table; past it the
// changed middle is shown as all removed, then all added.
const maxDiffCells = 4_000_000

// diffOps aligns w and g: common prefix and suffix kept, the middle by the
// longest common subsequence of lines.
func diffOps(w, g []string) []diffOp {
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var ops []diffOp
	wl, gl := 1, 1
	emit := func(kind byte, text string) {
		ops = append(ops, diffOp{kind, text, wl, gl})
		if kind != '+' {
			wl++
		}
		if kind != '-' {
			gl++
		}
	}
	for _, s := range w[:pre] {
		emit(' ', s)
	}
	mw, mg := w[pre:len(w)-suf], g[pre:len(g)-suf]
	if len(mw)*len(mg) > maxDiffCells {
		for _, s := range mw {
			emit('-', s)
		}
		for _, s := range mg {
			emit('+', s)
		}
	} else {
		// lcs[i][j] is the longest common subsequence of mw[i:] and mg[j:]
		lcs := make([][]int32, len(mw)+1)
		for i := range lcs {
			lcs[i] = make([]int32, len(mg)+1)
		}
		for i := len(mw) - 1; i >= 0; i-- {
			for j := len(mg) - 1; j >= 0; j-- {
				if mw[i] == mg[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(mw) || j < len(mg) {
			switch {
			case i < len(mw) && j < len(mg) && mw[i] == mg[j]:
				emit(' ', mw[i])
				i, j = i+1, j+1
			case i < len(mw) && (j == len(mg) || lcs[i+1][j] >= lcs[i][j+1]):
				emit('-', mw[i])
				i++
			default:
				emit('+', mg[j])
				j++
			}
		}
	}
	for _, s := range w[len(w)-suf:] {
		emit(' ', s)
	}
	return ops
}

// showLine is a line as written, or quoted when a difference in it could
// not be seen: trailing spaces, tabs, carriage returns, invisible runes.
func showLine(s string) string {
	if strings.TrimRight(s, " \t") != s {
		return fmt.Sprintf("%q", s)
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("%q", s)
		}
	}
	return s
}

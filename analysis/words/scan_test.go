package words_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// scanned are the faces whose words must all come from this package,
// relative to the repository root; a directory is scanned with its
// subdirectories, "." (package main) alone.
var scanned = []string{".", "analysis/present", "tui", "analysis/brief"}

// allowed are literals with Vietnamese letters that are data, not words:
// file (from the repository root) and the literal's text.
var allowed = map[[2]string]bool{
	// The usage names the index by its Vietnamese name, in English help.
	{"main.go", "parlens — PAR Index (Chỉ số cải cách hành chính) analytics\n\nUsage:\n  parlens [flags] [PATH...]        open the dashboard (the embedded sample without PATH)\n  parlens COMMAND [flags] [PATH...]\n\nPATH is a CSV file or an .xlsx workbook, a directory of them, or - for standard input.\n\nCommands:"}: true,
	// An example unit name in an English error message.
	{"cmd_unit.go", "name a unit by code or name, e.g. parlens unit \"Sở Nội vụ\""}: true,
	// --column's English help and error quote a Vietnamese header as the example.
	{"inputs.go", "want ROLE=\"Header\", e.g. total=\"Điểm\" (roles: %s)"}:                                   true,
	{"inputs.go", "ROLE=\"Header\": read that column as the role, e.g. total=\"Điểm\" (repeatable; roles: "}: true,
}

// isVietnameseLetter reports a letter of the Latin ranges Vietnamese uses
// beyond ASCII: Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý), Latin
// Extended-A and -B (ă đ ĩ ũ ơ ư) and Latin Extended Additional (the
// tone-marked vowels ạ ả ấ … ỹ).
func isVietnameseLetter(r rune) bool {
	return unicode.IsLetter(r) && (r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF)
}

func hasVietnamese(s string) bool { return strings.ContainsFunc(s, isVietnameseLetter) }

func TestHasVietnamese(t *testing.T) {
	for s, want := range map[string]bool{
		"Hạng": true, "đ": true, "ư": true, "Ơ": true, "ỹ": true, "è": true,
		"rank": false, "KXH": false, "Kendall τ-b": false, "12 × 3": false, "≥90% · █": false, "": false,
	} {
		if got := hasVietnamese(s); got != want {
			t.Errorf("hasVietnamese(%q) = %v, want %v", s, got, want)
		}
	}
}

// No user-facing literal is left outside the table: a string literal with
// Vietnamese letters in a face's production code is a word that belongs
// here.
func TestNoWordsOutsideTheTable(t *testing.T) {
	root := filepath.Join("..", "..")
	var files []string
	for _, dir := range scanned {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != filepath.Join(root, dir) && (dir == "." || d.Name() == "testdata") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) == 0 {
		t.Fatal("no files scanned: wrong root?")
	}
	seenAllowed := map[[2]string]bool{}
	seenFiles := map[string]bool{}
	for _, path := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		seenFiles[rel] = true
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !hasVietnamese(s) {
				return true
			}
			if allowed[[2]string{rel, s}] {
				seenAllowed[[2]string{rel, s}] = true
				return true
			}
			t.Errorf("%s: %q: a word outside the table (analysis/words)", fset.Position(lit.Pos()), s)
			return true
		})
	}
	for k := range allowed {
		_, err := os.Stat(filepath.Join(root, k[0]))
		if !seenAllowed[k] && (seenFiles[k[0]] || err != nil) {
			t.Errorf("allowed literal %q in %s no longer exists: drop it from the list", k[1], k[0])
		}
	}
}

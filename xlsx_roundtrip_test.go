package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/data/sample"
)

// roundTripDirs are the datasets whose CSV files are saved as .xlsx and read
// back: the embedded samples, every directory of testdata that loads, and
// the loose wide and long CSVs of testdata/excel and testdata/hostile.
func roundTripDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	for _, s := range sample.Samples {
		dir := filepath.Join(t.TempDir(), s.Dir)
		if err := os.CopyFS(dir, mustSub(t, sample.FS, s.Dir)); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	for _, root := range []string{"testdata/truth", "testdata/hostile", "testdata/excel"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if p == root && root == "testdata/truth" {
				return nil
			}
			dirs = append(dirs, p)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dirs
}

func mustSub(t *testing.T, fsys fs.FS, dir string) fs.FS {
	t.Helper()
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// Every table that loads as CSV gives the same summary, movers and brief
// (JSON) when Excel saves it as a workbook: numbers as numbers, text as text.
func TestXLSXRoundTrip(t *testing.T) {
	compared := 0
	seen := map[string]bool{}
	for _, dir := range roundTripDirs(t) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		xdir := filepath.Join(t.TempDir(), "x")
		if err := os.MkdirAll(xdir, 0o755); err != nil {
			t.Fatal(err)
		}
		converted := 0
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			p := filepath.Join(dir, e.Name())
			body, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			switch e.Name() {
			case "components.csv", "grades.csv", "units.csv":
				os.WriteFile(filepath.Join(xdir, e.Name()), body, 0o644)
				continue
			}
			if filepath.Ext(e.Name()) != ".csv" {
				continue
			}
			r := data.Read([]string{p}, data.Options{})
			var fi *data.FileInfo
			for i, f := range r.Dataset.Files {
				if f.Name == p {
					fi = &r.Dataset.Files[i]
				}
			}
			if r.Err() != nil || fi == nil || !strings.HasPrefix(fi.Encoding, "UTF-8") {
				converted = -1 // a table that does not load, or is not UTF-8, is not this test's
				break
			}
			if strings.Contains(fmt.Sprint(r.Issues), "not UTF-8") {
				converted = -1 // bytes a workbook cannot hold
				break
			}
			book, err := datatest.CSVWorkbook(body, fi.Delimiter, byte(fi.Decimal))
			if err != nil {
				converted = -1 // a record over several lines: rows and lines part
				break
			}
			os.WriteFile(filepath.Join(xdir, strings.TrimSuffix(e.Name(), ".csv")+".xlsx"), book, 0o644)
			converted++
		}
		if converted <= 0 {
			continue
		}
		for _, args := range [][]string{{"summary", "--format", "json"}, {"movers", "--format", "json"}, {"brief", "--format", "json"}} {
			csvOut, _, csvCode := runCLI(t, append(args, dir)...)
			xOut, xErr, xCode := runCLI(t, append(args, xdir)...)
			xOut = strings.ReplaceAll(xOut, ".xlsx"+":Sheet1", ".csv")
			xOut = strings.ReplaceAll(xOut, xdir, dir)
			if csvCode != xCode || csvOut != xOut {
				t.Errorf("%s %s: the workbook gives (exit %d)\n%s\n%s\nthe CSV (exit %d)\n%s", dir, strings.Join(args, " "), xCode, xOut, xErr, csvCode, csvOut)
			}
		}
		compared++
		seen[filepath.Base(dir)] = true
	}
	for _, s := range sample.Samples {
		if !seen[s.Dir] {
			t.Errorf("the embedded sample %s was not compared", s.Name)
		}
	}
	if compared < 20 {
		t.Errorf("only %d datasets compared", compared)
	}
	t.Logf("%d datasets compared", compared)
}

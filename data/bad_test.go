package data_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
)

// TestBadCorpus loads every malformed file (or directory) in testdata/bad and
// compares every problem reported with NAME.want, line by line. Each must fail
// the load: a bad file never yields a dataset.
func TestBadCorpus(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".want") {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			r := data.Read([]string{p}, data.Options{})
			if r.Err() == nil {
				t.Fatalf("%s loaded without errors", name)
			}
			if _, err := data.Load([]string{p}, data.Options{}); err == nil {
				t.Fatalf("Load returned no error for %s", name)
			}
			var lines []string
			for _, i := range r.Issues {
				lines = append(lines, strings.ReplaceAll(i.String(), filepath.ToSlash(dir)+"/", ""))
			}
			got := strings.Join(lines, "\n") + "\n"
			wantFile := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".want")
			datatest.Golden(t, wantFile, got)
		})
	}
	if n < 20 {
		t.Errorf("testdata/bad has %d cases, want at least 20", n)
	}
}

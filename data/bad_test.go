package data

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected messages of testdata/bad")

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
			r := Read([]string{p}, Options{})
			if r.Err() == nil {
				t.Fatalf("%s loaded without errors", name)
			}
			if _, err := Load([]string{p}, Options{}); err == nil {
				t.Fatalf("Load returned no error for %s", name)
			}
			var lines []string
			for _, i := range r.Issues {
				lines = append(lines, strings.ReplaceAll(i.String(), filepath.ToSlash(dir)+"/", ""))
			}
			got := strings.Join(lines, "\n") + "\n"
			wantFile := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".want")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("missing %s (run go test ./data -run BadCorpus -update and review it)", wantFile)
			}
			if got != string(want) {
				t.Errorf("messages for %s:\n got: %s\nwant: %s", name, got, want)
			}
		})
	}
	if n < 20 {
		t.Errorf("testdata/bad has %d cases, want at least 20", n)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"gen", "--workload", "S"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Count(out.String(), "\n")
	if !strings.HasPrefix(out.String(), "year,bloc,unit_code,unit,") || lines < 900 || lines > 1041 {
		t.Errorf("S: %d lines, header %q", lines, strings.SplitN(out.String(), "\n", 2)[0])
	}
	// to a file with its sidecars, then loaded as they would be
	wide := filepath.Join(dir, "par.csv")
	if code := run([]string{"gen", "--units", "200", "--years", "3", "--components", "30", "--seed", "5", "-o", wide, "--sidecars", dir},
		strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, f := range []string{"components.csv", "units.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"check", wide}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), "0 errors, 0 warnings") {
		t.Fatalf("check: exit %d\n%s%s", code, out.String(), errb.String())
	}
	// long: the same summary as wide
	long := filepath.Join(t.TempDir(), "par-long.csv")
	if code := run([]string{"gen", "--units", "200", "--years", "3", "--components", "30", "--seed", "5", "--format", "long", "-o", long},
		strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var a, b bytes.Buffer
	run([]string{"summary", "--format", "json", wide}, strings.NewReader(""), &a, &errb)
	run([]string{"summary", "--format", "json", long}, strings.NewReader(""), &b, &errb)
	if a.String() != b.String() || a.Len() == 0 {
		t.Errorf("wide and long summaries differ")
	}
	for _, bad := range [][]string{{"--workload", "XL"}, {"--format", "tall"}, {"--units", "0"}, {"extra"}, {"--first-year", "1800"}} {
		errb.Reset()
		if code := run(append([]string{"gen"}, bad...), strings.NewReader(""), &out, &errb); code != exitUsage {
			t.Errorf("gen %v: exit %d, want %d", bad, code, exitUsage)
		}
	}
}

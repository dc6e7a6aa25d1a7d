package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parlens/parlens/data/datatest"
)

// treeData is a department index with areas, criteria and sub-criteria, a
// criterion not applicable to one unit (KPS), self-assessed totals and a
// grade scheme on the share of applicable points.
const treeData = "testdata/tree"

func TestTreeGoldens(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"components-tree-criterion.csv", []string{"components", "--level", "criterion", "--year", "2023", treeData}},
		{"components-tree-sub-en.txt", []string{"components", "--level", "sub", "--year", "2023", "--format", "table", "--lang", "en", treeData}},
		{"scorecard-snv.md", []string{"scorecard", "SNV", treeData}},
		{"scorecard-syt-en.txt", []string{"scorecard", "Sở Y tế", "--lang", "en", "--format", "text", treeData}},
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

// scorecard --all writes a Markdown and a text file per unit, named safely,
// and says how many; a bad call is refused with a usage error.
func TestScorecardAll(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := runCLI(t, "scorecard", "--all", "-o", dir, treeData)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if out != "" || !strings.Contains(errs, "đã ghi 4 phiếu") {
		t.Errorf("stdout %q, stderr %q", out, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"snv-so-noi-vu.md", "snv-so-noi-vu.txt", "stc-so-tai-chinh.md", "stc-so-tai-chinh.txt",
		"sxd-so-xay-dung.md", "sxd-so-xay-dung.txt", "syt-so-y-te.md", "syt-so-y-te.txt"}
	if !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	one, _, _ := runCLI(t, "scorecard", "SNV", treeData)
	if b, _ := os.ReadFile(filepath.Join(dir, "snv-so-noi-vu.md")); string(b) != one {
		t.Error("--all's file differs from the single scorecard")
	}
	for _, bad := range [][]string{
		{"scorecard", "--all", treeData},
		{"components", "--level", "leaf", treeData},
	} {
		if _, errs, code := runCLI(t, bad...); code != exitUsage {
			t.Errorf("%q: exit %d (%s), want %d", bad, code, errs, exitUsage)
		}
	}
}

func TestScorecardFileNames(t *testing.T) {
	taken := map[string]bool{}
	cases := []struct{ in, want string }{
		{"so-a", "so-a"}, {"so-a", "so-a-2"}, {"so-a", "so-a-3"}, {"so-b", "so-b"},
	}
	for _, c := range cases {
		if got := uniqueName(taken, c.in); got != c.want {
			t.Errorf("uniqueName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

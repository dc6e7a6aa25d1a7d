package datatest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data"
)

// The builders give what the loader gives for the same table: the same
// records in the same order, with the same unit identities.
func TestBuildersMatchLoader(t *testing.T) {
	csv := "year,index,bloc,unit_code,unit,total\n" +
		"2021,Văn thư,Quận,,quận Hải Châu,70\n" +
		"2022,PAR,Sở,,Sở Y tế,80\n" +
		"2021,PAR,Sở,SNV,Sở Nội vụ,90\n" +
		"2021,PAR,Quận,,Quận  Cẩm Lệ,75\n" +
		"2022,PAR,Quận,,quận Cẩm Lệ,76\n" +
		"2021,PAR,Sở,,Sở Y tế,85\n"
	r := data.ReadFS(fstest.MapFS{"t.csv": {Data: []byte(csv)}}, ".", data.Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	built := Ungraded(
		R(2021, "Quận", "quận Hải Châu", 70, Index("Văn thư")),
		R(2022, "Sở", "Sở Y tế", 80, Index("PAR")),
		R(2021, "Sở", "Sở Nội vụ", 90, Index("PAR"), Code("SNV")),
		R(2021, "Quận", "Quận  Cẩm Lệ", 75, Index("PAR")),
		R(2022, "Quận", "quận Cẩm Lệ", 76, Index("PAR")),
		R(2021, "Sở", "Sở Y tế", 85, Index("PAR")),
	)
	key := func(r data.Record) string {
		return fmt.Sprintf("%s|%d|%s|%s|%s|%g", r.Index, r.Year, r.Bloc, r.UnitID, r.Unit, r.Total)
	}
	var got, want []string
	for _, rec := range built.Records {
		got = append(got, key(rec))
	}
	for _, rec := range r.Dataset.Records {
		want = append(want, key(rec))
	}
	if !slices.Equal(got, want) {
		t.Errorf("builders:\n%s\nloader:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOptions(t *testing.T) {
	r := R(2023, "Bộ", "Bộ Tư pháp", 89.95, Code("BTP"), Pub(1), Grade("Tốt"), Scores(1, 2), Line("bo.csv", 4), NotRanked)
	if r.UnitID != "BTP" || r.UnitCode != "BTP" || r.PublishedRank != 1 || r.Grade != "Tốt" || r.NumScores() != 2 || r.Score(1) != 2 ||
		r.Pos != (data.Pos{File: "bo.csv", Line: 4, Col: 3}) || !r.NotRanked || r.Index != data.DefaultIndex {
		t.Errorf("R with options = %+v", r)
	}
	if g := G(2023, "Bộ", "B", "Khá"); g.Grade != "Khá" || g.HasTotal() {
		t.Errorf("G = %+v", g)
	}
	if p := P(2023, "Bộ", "B", 3); p.PublishedRank != 3 || p.HasTotal() {
		t.Errorf("P = %+v", p)
	}
	if ds := Graded(R(2023, "Bộ", "B", 1)); len(ds.Schemes) != 1 {
		t.Errorf("Graded schemes = %d", len(ds.Schemes))
	}
	if ds := Ungraded(R(2023, "Bộ", "B", 1)); len(ds.Schemes) != 0 {
		t.Errorf("Ungraded schemes = %d", len(ds.Schemes))
	}
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n",
			"@@ want line 1, got line 1 @@\n  a\n- b\n+ B\n  c\n  \n"},
		{"inserted line keeps the rest aligned", "1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\nnew\n4\n5\n6\n7\n",
			"@@ want line 2, got line 2 @@\n  2\n  3\n+ new\n  4\n  5\n"},
		{"two far changes, two hunks", "a\n1\n2\n3\n4\n5\n6\nb", "A\n1\n2\n3\n4\n5\n6\nB",
			"@@ want line 1, got line 1 @@\n- a\n+ A\n  1\n  2\n@@ want line 6, got line 6 @@\n  5\n  6\n- b\n+ B\n"},
		{"near changes, one hunk", "a\n1\n2\nb", "A\n1\n2\nB",
			"@@ want line 1, got line 1 @@\n- a\n+ A\n  1\n  2\n- b\n+ B\n"},
		{"trailing space is shown", "x\n", "x \n", "@@ want line 1, got line 1 @@\n- x\n+ \"x \"\n  \n"},
		{"missing final newline", "x\n", "x", "@@ want line 1, got line 1 @@\n  x\n- \n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Diff(c.want, c.got); got != c.diff {
				t.Errorf("Diff:\n%s\nwant:\n%s", got, c.diff)
			}
		})
	}
}

// A long file with one change is a short diff.
func TestDiffIsShort(t *testing.T) {
	var lines []string
	for i := range 5000 {
		lines = append(lines, fmt.Sprint(i))
	}
	want := strings.Join(lines, "\n")
	lines[2500] = "changed"
	if d := Diff(want, strings.Join(lines, "\n")); strings.Count(d, "\n") != 7 {
		t.Errorf("diff of one changed line in 5000:\n%s", d)
	}
}

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	*update = true
	Golden(t, path, "one\ntwo\n")
	*update = false
	if b, err := os.ReadFile(path); err != nil || string(b) != "one\ntwo\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}
	Golden(t, path, "one\ntwo\n") // equal: passes
	ft := &fakeT{TB: t}
	Golden(ft, path, "one\n2\n")
	if !strings.Contains(ft.msg, "x.golden differs") || !strings.Contains(ft.msg, "- two\n+ 2\n") {
		t.Errorf("mismatch reported as %q", ft.msg)
	}
}

// fakeT records what a failing check reports instead of failing the test.
type fakeT struct {
	testing.TB
	msg string
}

func (f *fakeT) Helper()                           {}
func (f *fakeT) Errorf(format string, args ...any) { f.msg += fmt.Sprintf(format, args...) }

func TestSample(t *testing.T) {
	r := Sample(t, "city")
	if r != Sample(t, "city") {
		t.Error("the sample is read again")
	}
	if r.Dataset.Label == "" || len(r.Dataset.Records) == 0 {
		t.Errorf("city sample: label %q, %d records", r.Dataset.Label, len(r.Dataset.Records))
	}
}

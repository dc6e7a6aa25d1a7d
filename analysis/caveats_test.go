package analysis

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// Caveats places a warning at its record, else at every table of its file,
// else everywhere, and keeps those touching the index, year and blocs asked.
func TestCaveats(t *testing.T) {
	ds := mk(
		R(2022, "Sở", "A", 88, line("s22.csv", 2)),
		R(2023, "Sở", "A", 89, line("s23.csv", 2)),
		R(2023, "Sở", "B", 79.5, grade("Tốt"), line("s23.csv", 3)), // Khá by the built-in scheme
		R(2023, "Huyện", "Q", 70, line("h.csv", 2)),
		R(2022, "Huyện", "Q", 71, line("h.csv", 3)),
	)
	warn := func(file string, line int, msg string) data.Issue {
		return data.Issue{Severity: data.Warning, Pos: data.Pos{File: file, Line: line, Col: 5}, Msg: msg}
	}
	total := warn("s23.csv", 2, "total 89 differs from the sum of components 88 by 1")
	longRow := warn("h.csv", 9, "score 30 is above the maximum 25 of \"Điểm A\"") // not a record's first row
	alias := warn("units.csv", 4, "name \"x\" is listed for both a and b")
	noFile := data.Issue{Severity: data.Warning, Msg: "something about the whole load"}
	errIssue := data.Issue{Severity: data.Error, Pos: data.Pos{File: "s23.csv", Line: 2}, Msg: "an error is no caveat"}
	a := New(ds)
	ws := append([]data.Issue{total, longRow, alias, noFile, errIssue}, a.Check()...)

	tests := []struct {
		name  string
		index string
		year  int
		blocs []string
		want  []string // "kind unit@year/bloc"
	}{
		{"2023, Sở", data.DefaultIndex, 2023, []string{"Sở"},
			[]string{"total_sum A@2023/Sở", "alias_conflict @0/", "other @0/", "grade B@2023/Sở"}},
		{"2022, Sở: the 2023 rows do not touch it", data.DefaultIndex, 2022, []string{"Sở"},
			[]string{"alias_conflict @0/", "other @0/"}},
		{"2022, Huyện: a row of h.csv that is no record's touches both its years", data.DefaultIndex, 2022, []string{"Huyện"},
			[]string{"above_max @0/Huyện", "alias_conflict @0/", "other @0/"}},
		{"every bloc of 2023", data.DefaultIndex, 2023, nil,
			[]string{"total_sum A@2023/Sở", "above_max @0/Huyện", "alias_conflict @0/", "other @0/", "grade B@2023/Sở"}},
		{"another index", "Văn thư", 2023, nil, []string{"alias_conflict @0/", "other @0/"}},
		{"anything", "", 0, nil,
			[]string{"total_sum A@2023/Sở", "above_max @0/Huyện", "alias_conflict @0/", "other @0/", "grade B@2023/Sở"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range a.Caveats(ws, tc.index, tc.year, tc.blocs...) {
				got = append(got, c.Kind+" "+c.Unit+"@"+strconv.Itoa(c.Year)+"/"+c.Bloc)
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("caveats\n got  %q\n want %q", got, tc.want)
			}
		})
	}

	// the grade caveat says what was published and what the scheme gives
	cs := a.Caveats(a.Check(), data.DefaultIndex, 2023, "Sở")
	if len(cs) != 1 {
		t.Fatalf("check caveats = %+v", cs)
	}
	c := cs[0]
	if c.Kind != CaveatGrade || c.Unit != "B" || sp(c.Grade) != "Tốt" || sp(c.GradeByScore) != "Khá" || fp(c.Score) != "79.5000" ||
		sp(c.Scheme) != "built-in" || c.File != "s23.csv" || c.Line != 3 || c.Message != "grade Tốt given, Khá by score (Tổng điểm 79.50)" {
		t.Errorf("grade caveat = %+v", c)
	}
	if w := a.Warnings(); len(w) != 1 || w[0] != a.Check()[0] {
		t.Errorf("Warnings = %v, want the dataset's (none) then Check's", w)
	}
}

// The loader's warnings are told apart by their wording: this pins the
// wording through the real loader, so a changed message fails here rather
// than turning a caveat into "other".
func TestCaveatKinds(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"components.csv": "code,component,max\nA,Điểm A,50\nB,Điểm B,50\n",
		"units.csv":      "unit_code,unit,aliases\nx,Huyện X,Huyện Một\ny,Huyện Y,Huyện Một\n",
		"par-2022.csv":   "Năm,Khối,Mã đơn vị,Tên đơn vị,Điểm A,Điểm B,Tổng điểm,Xếp hạng\n2022,Huyện,x,Huyện X,40,45,85,1\n2022,Huyện,z,Huyện Z,35,37,72,2\n",
		"par-2023.csv": "Năm,Khối,Mã đơn vị,Tên đơn vị,Điểm A,Điểm B,Tổng điểm,Xếp hạng\n" +
			"2023,Huyện,x,Huyện X,41,45,88,2\n" + // total ≠ sum; rank 2 given, 1 by score
			"2023,Huyện,z,Huyện Zê,51,30,81,1\n" + // above max; renamed; rank 1 given, 2 by score
			"2023,Huyện,z,Huyện Zê,51,30,81,1\n", // the same row twice
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := data.Load([]string{dir}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds)
	kinds := map[string][]string{}
	for _, c := range a.Caveats(a.Warnings(), "", 0) {
		kinds[c.Kind] = append(kinds[c.Kind], c.Unit)
	}
	for _, k := range []string{CaveatTotal, CaveatAboveMax, CaveatDuplicate, CaveatRenamed, CaveatAlias, CaveatRank} {
		if len(kinds[k]) == 0 {
			t.Errorf("no %s caveat; got %v from %v", k, kinds, a.Warnings())
		}
	}
	if len(kinds[CaveatOther]) > 0 {
		t.Errorf("unclassified warnings: %v", a.Warnings())
	}
	if got := kinds[CaveatTotal]; len(got) != 1 || got[0] != "Huyện X" {
		t.Errorf("total caveat placed at %q, want Huyện X", got)
	}
	if got := a.Caveats(a.Warnings(), "", 2022); len(got) != 1 || got[0].Kind != CaveatAlias {
		t.Errorf("2022 caveats = %+v, want only the units.csv one", got)
	}
}

// A scheme whose lowest band has a min leaves a lower total ungraded (the
// loader warns) and a published grade on such a total contradicted (Check).
func TestCaveatKindsBelowTheScheme(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"grades.csv":   "grade,min\nTốt,80\nKhá,70\n",
		"par-2023.csv": "Khối,Tên đơn vị,Tổng điểm,Xếp loại\nSở,Sở A,85,Tốt\nSở,Sở B,60,\nSở,Sở C,65,Khá\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := data.Load([]string{dir}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds)
	var got []string
	for _, c := range a.Caveats(a.Warnings(), "", 2023, "Sở") {
		got = append(got, c.Kind+" "+c.Unit+" "+sp(c.Grade))
	}
	if want := "ungraded Sở B nil; grade_below Sở C Khá"; strings.Join(got, "; ") != want {
		t.Errorf("caveats %q, want %q (warnings %v)", got, want, a.Warnings())
	}
}

package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// TestBelowLowestBandUngraded: a total below the scheme's lowest band has
// no grade (the table shows none, the summary counts it ungraded), is
// still ranked, and its gap names the lowest grade; a given grade below
// the floor is kept and flagged by Check.
func TestBelowLowestBandUngraded(t *testing.T) {
	ds := mk(
		R(2023, "Sở", "A", 92), R(2023, "Sở", "B", 75), R(2023, "Sở", "C", 45), R(2023, "Sở", "D", 50),
		R(2023, "Sở", "E", 40, grade("Trung bình"), line("par.csv", 6)),
	)
	ds.Schemes = []data.GradeScheme{{Source: "grades.csv", Bands: []data.GradeBand{
		{Label: "Xuất sắc", Min: 90}, {Label: "Khá", Min: 70}, {Label: "Trung bình", Min: 50},
	}}}
	a := New(ds)
	tb, ok := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"})
	if !ok {
		t.Fatal("no table")
	}
	for unit, want := range map[string]string{"A": "Xuất sắc", "B": "Khá", "D": "Trung bình", "C": "", "E": "Trung bình"} {
		r := rowOf(t, tb, unit)
		if sp(r.Grade) != want && !(want == "" && r.Grade == nil) {
			t.Errorf("%s: grade %s, want %q", unit, sp(r.Grade), want)
		}
	}
	if c := rowOf(t, tb, "C"); c.Grade != nil || c.Rank == nil || *c.Rank != 4 {
		t.Errorf("C: grade %s rank %s, want no grade and rank 4", sp(c.Grade), ip(c.Rank))
	}
	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"})
	if s.Ungraded != 1 {
		t.Errorf("ungraded %d, want 1 (C)", s.Ungraded)
	}
	g, ok := a.UnitGap(data.DefaultIndex, 2023, "~c")
	if !ok || sp(g.NextGrade) != "Trung bình" {
		t.Fatalf("C's next grade: %s", sp(g.NextGrade))
	}
	wantF(t, "C to the lowest grade", g.ToNextGrade, 5)
	var msgs []string
	for _, is := range a.Check() {
		msgs = append(msgs, is.String())
	}
	want := "par.csv:6: warning: grade Trung bình given, but the score is below every grade of the scheme (Tổng điểm 40.00, lowest Trung bình from 50.00) (hint: the scheme from grades.csv gives Trung bình from 50.00 for Sở 2023)"
	if !slices.Contains(msgs, want) {
		t.Errorf("check:\n  %s", strings.Join(msgs, "\n  "))
	}
}

package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/parlens/parlens/data"
)

// nationalTable is a national-style table: scores and ranks, no grades.
// By the built-in scheme C would fall Tốt → Khá and D rise Khá → Tốt.
func nationalTable() []data.Record {
	return []data.Record{
		R(2022, "Bộ", "A", 91.2, pub(1)), R(2022, "Bộ", "B", 85, pub(2)), R(2022, "Bộ", "C", 81.1, pub(3)),
		R(2022, "Bộ", "D", 76.4, pub(4)), R(2022, "Bộ", "E", 70, pub(5)),
		R(2023, "Bộ", "A", 90.5, pub(1)), R(2023, "Bộ", "B", 86.2, pub(2)), R(2023, "Bộ", "D", 82, pub(3)),
		R(2023, "Bộ", "C", 79.5, pub(4)), R(2023, "Bộ", "E", 71.3, pub(5)),
	}
}

var gradeKinds = []MoverKind{GradeUp, GradeDown, FirstTimeGrade, SoleGrade}

// Where grades come from: a scheme the user gave, the data's grade column,
// or nowhere — and nowhere means no grade anywhere.
func TestGradeSources(t *testing.T) {
	withGrades := func(recs []data.Record, labels ...string) []data.Record {
		out := slices.Clone(recs)
		for i := range out {
			if out[i].Year == 2023 && i-5 < len(labels) {
				out[i].Grade = labels[i-5]
			}
		}
		return out
	}
	tests := []struct {
		name       string
		ds         *data.Dataset
		from       string
		grades     string // "Label:count …" of 2023, "null" for nil
		gradeMoves []string
		rowGrade   string // C's grade in 2023 ("nil" for none)
	}{
		{"national table, no scheme", mkUngraded(nationalTable()...), GradesFromNone, "null", nil, "nil"},
		{"--grades default", mk(nationalTable()...), GradesFromScheme,
			"Xuất sắc:1(1) Tốt:2(2) Khá:2(2) ", []string{"grade_up D", "grade_down C"}, "Khá"},
		// a grade column in 2023 only: 2022 was not graded, so no count of it and no grade move
		{"grade column, no scheme", mkUngraded(withGrades(nationalTable(), "Xuất sắc", "Tốt", "Tốt", "")...), GradesFromData,
			"Xuất sắc:1(nil) Tốt:2(nil) ", nil, "nil"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := New(tc.ds)
			s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Bộ"})
			if s.GradesFrom != tc.from {
				t.Errorf("grades_from = %q, want %q", s.GradesFrom, tc.from)
			}
			got := "null"
			if s.Grades != nil {
				got = ""
				for _, g := range s.Grades {
					got += fmt.Sprintf("%s:%d(%s) ", g.Grade, g.Count, ip(g.PrevCount))
				}
			}
			if got != tc.grades {
				t.Errorf("grades = %q, want %q", got, tc.grades)
			}
			if (s.GradesNote == nil) != (tc.from != GradesFromNone) {
				t.Errorf("grades_note = %v with grades_from %s", s.GradesNote, s.GradesFrom)
			}
			var moves []string
			for _, m := range a.BlocMovers(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Bộ"}) {
				if slices.Contains(gradeKinds, m.Kind) && m.Kind != SoleGrade {
					moves = append(moves, string(m.Kind)+" "+m.Unit)
				}
				if tc.from == GradesFromNone && (m.Grade != nil || m.PrevGrade != nil || slices.Contains(gradeKinds, m.Kind)) {
					t.Errorf("grade fact on an ungraded table: %+v", m)
				}
			}
			if !slices.Equal(moves, tc.gradeMoves) {
				t.Errorf("grade moves = %q, want %q", moves, tc.gradeMoves)
			}
			tb, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Bộ"})
			if g := sp(rowOf(t, tb, "C").Grade); g != tc.rowGrade {
				t.Errorf("C grade = %s, want %s", g, tc.rowGrade)
			}
			if tc.from == GradesFromNone {
				for _, gp := range a.Gaps(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Bộ"}) {
					if gp.NextGrade != nil || gp.ToNextGrade != nil {
						t.Errorf("%s: next grade %s on an ungraded table", gp.Unit, sp(gp.NextGrade))
					}
				}
			}
		})
	}
}

// Score bands count the units with a total at or above 90 and 80, at 2
// decimals, whatever grades them, with last year's counts.
func TestScoreBands(t *testing.T) {
	tests := []struct {
		name string
		recs []data.Record
		want string // "min:count/of(prev/prevOf) …"
	}{
		{"national table", nationalTable(), "90:1/5(1/5) 80:3/5(3/5) "},
		{"edges at 2 decimals, not-ranked scores count, no total does not",
			[]data.Record{R(2023, "Bộ", "A", 89.995), R(2023, "Bộ", "B", 79.994), R(2023, "Bộ", "C", 80, notRanked),
				R(2023, "Bộ", "D", data.Missing), R(2022, "Bộ", "A", 60)},
			"90:1/3(0/1) 80:2/3(0/1) "},
		{"first year: no previous counts", []data.Record{R(2023, "Bộ", "A", 95), R(2023, "Bộ", "B", 50)}, "90:1/2(nil/nil) 80:1/2(nil/nil) "},
		{"grades only: no bands", []data.Record{G(2023, "Bộ", "A", "Tốt"), G(2023, "Bộ", "B", "Khá")}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := New(mkUngraded(tc.recs...)).BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Bộ"})
			got := ""
			for _, b := range s.Bands {
				got += fmt.Sprintf("%g:%d/%d(%s/%s) ", b.Min, b.Count, b.Of, ip(b.PrevCount), ip(b.PrevOf))
			}
			if got != tc.want {
				t.Errorf("bands = %q, want %q", got, tc.want)
			}
			if s.Bands == nil {
				t.Error("bands = nil, want a list (JSON [])")
			}
		})
	}
}

// Check contradicts a published grade only with a scheme the user gave.
func TestCheckGradeNeedsAScheme(t *testing.T) {
	recs := []data.Record{R(2023, "Bộ", "A", 79.5, grade("Tốt"), line("bo.csv", 2)), R(2023, "Bộ", "B", 85, grade("Tốt"), line("bo.csv", 3))}
	if got := Check(mkUngraded(recs...)); len(got) != 0 {
		t.Errorf("no scheme: %d warnings, want none: %v", len(got), got)
	}
	got := Check(mk(recs...))
	if len(got) != 1 || got[0].Pos.Line != 2 || got[0].Msg != "grade Tốt given, Khá by score (Tổng điểm 79.50)" {
		t.Fatalf("--grades default: %v", got)
	}
}

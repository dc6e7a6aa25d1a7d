package analysis

import (
	"fmt"
	"math"
	"testing"

	"github.com/parlens/parlens/data"
)

func TestRanks(t *testing.T) {
	ds := mk(
		R(2023, "Sở", "A", 90),
		R(2023, "Sở", "B", 85.5, pub(2)),
		R(2023, "Sở", "C", 85.5, pub(3)), // tie: published 3, computed 2
		R(2023, "Sở", "D", 80),
		R(2023, "Sở", "E", 79.996), // 80.00 at 2 decimals: ties with D
		R(2023, "Sở", "F", 79.994), // 79.99
		R(2023, "Sở", "NR", 95, notRanked),
		R(2023, "Huyện", "X", 70), // another bloc: ranked on its own
		// without published ranks, a row with neither a score nor a rank is
		// a unit without a result: the table is still whole
		R(2023, "Huyện", "NoTotal", data.Missing),
	)
	a := New(ds)
	tb, ok := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"})
	if !ok {
		t.Fatal("no table")
	}
	tests := []struct {
		unit      string
		rank      int // 0 = nil
		published int // 0 = nil
		scored    bool
	}{
		{"A", 1, 0, true},
		{"B", 2, 2, true},
		{"C", 2, 3, true},
		{"D", 4, 0, true},
		{"E", 4, 0, true},
		{"F", 6, 0, true},
		{"NR", 0, 0, true},
	}
	for _, tc := range tests {
		r := rowOf(t, tb, tc.unit)
		if tc.rank == 0 {
			wantNilI(t, tc.unit+" rank", r.Rank)
		} else {
			wantI(t, tc.unit+" rank", r.Rank, tc.rank)
		}
		if tc.published == 0 {
			wantNilI(t, tc.unit+" published_rank", r.PublishedRank)
		} else {
			wantI(t, tc.unit+" published_rank", r.PublishedRank, tc.published)
		}
		if (r.Score != nil) != tc.scored {
			t.Errorf("%s score = %s", tc.unit, fp(r.Score))
		}
	}
	// the not-ranked unit keeps its unrounded score
	if r := rowOf(t, tb, "NR"); *r.Score != 95 || !r.NotRanked {
		t.Errorf("NR row = %+v", r)
	}
	if r := rowOf(t, tb, "E"); *r.Score != 79.996 {
		t.Errorf("score rounded: %v", *r.Score)
	}
	if tb.Ranked != 6 || tb.Units != 7 || !tb.Complete {
		t.Errorf("ranked %d of %d (complete %v), want 6 of 7, complete", tb.Ranked, tb.Units, tb.Complete)
	}
	// order: ranked by rank, then not-ranked with a score, then no score
	var order []string
	for _, r := range tb.Rows {
		order = append(order, r.Unit)
	}
	if got, want := order, []string{"A", "B", "C", "D", "E", "F", "NR"}; !equal(got, want) {
		t.Errorf("row order %v, want %v", got, want)
	}
	x, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Huyện"})
	wantI(t, "X rank", x.Rows[0].Rank, 1)
	if r := rowOf(t, x, "NoTotal"); r.Rank != nil || r.Score != nil || !x.Complete {
		t.Errorf("NoTotal row = %+v, table complete %v", r, x.Complete)
	}
}

// A press table lists its top rows with published ranks and names a few
// units "at the bottom" with neither a score nor a rank: the table is not
// all there, so nothing that needs the whole bloc is stated (the real 2023
// national table: ranks 1-5, An Giang with a score, Bình Thuận and Sóc
// Trăng named without either).
func TestRanksPublishedWithUnitsNamedWithoutResult(t *testing.T) {
	ds := mk(
		R(2023, "Tỉnh", "Quảng Ninh", 92.18, pub(1)),
		R(2023, "Tỉnh", "Hải Phòng", 91.87, pub(2)),
		R(2023, "Tỉnh", "Hà Nội", 91.43, pub(3)),
		R(2023, "Tỉnh", "An Giang", 81.32),
		R(2023, "Tỉnh", "Bình Thuận", data.Missing),
		R(2023, "Tỉnh", "Sóc Trăng", data.Missing),
	)
	a := New(ds)
	s, ok := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Tỉnh"})
	if !ok {
		t.Fatal("no summary")
	}
	if s.Complete || s.PartialReason == nil || s.NoResult != 2 || s.Mean != nil || len(s.Bottom) != 0 || s.Bands != nil {
		t.Errorf("complete %v, has reason %v, no_result %d, mean %v, bottom %v, bands %v: want a partial table with no bloc-wide figures",
			s.Complete, s.PartialReason != nil, s.NoResult, fp(s.Mean), s.Bottom, s.Bands)
	}
	tb, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Tỉnh"})
	if r := rowOf(t, tb, "An Giang"); r.Rank != nil {
		t.Errorf("An Giang ranked %d: its rank was not published", *r.Rank)
	}
	wantI(t, "Quảng Ninh rank", rowOf(t, tb, "Quảng Ninh").Rank, 1)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGrades(t *testing.T) {
	districts := data.GradeScheme{Bloc: "Khối quận, huyện", Bands: []data.GradeBand{
		{Label: "Nhóm I", Min: 80}, {Label: "Nhóm II", Min: 70}, {Label: "Nhóm III", Min: math.Inf(-1)},
	}, Source: "grades.csv"}
	ds := mk(
		R(2021, "Khối sở", "Given", 85, grade("Xuất sắc")), // given grade wins
		R(2021, "Khối sở", "Computed", 85),                 // default scheme: Tốt
		R(2021, "Khối sở", "Edge", 89.995),                 // 90.00 at 2 decimals: Xuất sắc
		R(2021, "Khối sở", "Nothing", data.Missing),        // no total, no grade
		G(2021, "Khối sở", "OnlyGrade", "Khá"),             // grade without a total
		R(2021, "Khối quận, huyện", "Q1", 85),              // bloc scheme: Nhóm I
		R(2021, "Khối quận, huyện", "Q2", 72),              // Nhóm II
		R(2021, "Khối quận, huyện", "Q3", 50),              // Nhóm III
	)
	ds.Schemes = append(ds.Schemes, districts)
	a := New(ds)
	tests := []struct {
		bloc, unit, grade string // "" = nil
		given             bool
	}{
		{"Khối sở", "Given", "Xuất sắc", true},
		{"Khối sở", "Computed", "Tốt", false},
		{"Khối sở", "Edge", "Xuất sắc", false},
		{"Khối sở", "Nothing", "", false},
		{"Khối sở", "OnlyGrade", "Khá", true},
		{"Khối quận, huyện", "Q1", "Nhóm I", false},
		{"Khối quận, huyện", "Q2", "Nhóm II", false},
		{"Khối quận, huyện", "Q3", "Nhóm III", false},
	}
	for _, tc := range tests {
		tb, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: tc.bloc})
		r := rowOf(t, tb, tc.unit)
		if sp(r.Grade) != map[bool]string{true: tc.grade, false: "nil"}[tc.grade != ""] {
			t.Errorf("%s grade = %s, want %q", tc.unit, sp(r.Grade), tc.grade)
		}
		if r.GradeGiven != tc.given {
			t.Errorf("%s grade_given = %v", tc.unit, r.GradeGiven)
		}
	}
	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: "Khối sở"})
	// Given (Xuất sắc) and Edge (Xuất sắc) count together; Tốt; Khá; no previous year
	want := []struct {
		g string
		n int
	}{{"Xuất sắc", 2}, {"Tốt", 1}, {"Khá", 1}}
	if len(s.Grades) != len(want) {
		t.Fatalf("grades = %+v", s.Grades)
	}
	for i, w := range want {
		if s.Grades[i].Grade != w.g || s.Grades[i].Count != w.n || s.Grades[i].PrevCount != nil {
			t.Errorf("grades[%d] = %+v, want %s %d prev nil", i, s.Grades[i], w.g, w.n)
		}
	}
	if s.Ungraded != 1 {
		t.Errorf("ungraded = %d, want 1", s.Ungraded)
	}
}

// Grade labels are counted by level: "Rất tốt" is Xuất sắc; the label shown
// is the most common spelling.
func TestGradeSpellings(t *testing.T) {
	ds := mk(
		G(2021, "B", "A", "Rất tốt"),
		G(2021, "B", "B", "Rất tốt"),
		G(2021, "B", "C", "Xuất sắc"),
		G(2021, "B", "D", "kém"),
		G(2021, "B", "E", "Yếu"),
		G(2021, "B", "F", "Yếu"),
		G(2021, "B", "G", "Trung bình khá"),
	)
	s, _ := New(ds).BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: "B"})
	got := ""
	for _, g := range s.Grades {
		got += fmt.Sprintf("%s:%d ", g.Grade, g.Count)
	}
	if want := "Rất tốt:3 Trung bình khá:1 Yếu:3 "; got != want {
		t.Errorf("grades %q, want %q", got, want)
	}
}

// TestExtremeTotals: no float breaks the ranking. A total of 9.3e16 once
// made a negative bucket count (makeslice panic); totals beyond ±10^16
// points (centsLimit) compare as equal, everything nearer ranks exactly.
func TestExtremeTotals(t *testing.T) {
	tests := []struct {
		name   string
		totals []float64
		ranks  []int
	}{
		{"ID-sized next to scores", []float64{85, 9.3e16, 70}, []int{2, 1, 3}},
		{"two beyond the bound tie", []float64{9.3e16, 9.22e16, 1}, []int{1, 1, 3}},
		{"largest floats", []float64{math.MaxFloat64, -math.MaxFloat64, 0}, []int{1, 3, 2}},
		{"infinities", []float64{math.Inf(1), math.Inf(-1), 50}, []int{1, 3, 2}},
		{"tiny and negative zero tie with zero", []float64{math.SmallestNonzeroFloat64, math.Copysign(0, -1), 0.01}, []int{2, 2, 1}},
		{"cents apart near 10^13", []float64{1e13, 1e13 + 0.01, -1e13}, []int{2, 1, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var recs []data.Record
			for i, v := range tc.totals {
				recs = append(recs, R(2023, "Sở", fmt.Sprint("U", i), v))
			}
			a := New(mk(recs...))
			tb, ok := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"})
			if !ok {
				t.Fatal("no table")
			}
			for i, want := range tc.ranks {
				wantI(t, fmt.Sprint("U", i), rowOf(t, tb, fmt.Sprint("U", i)).Rank, want)
			}
			a.Summaries()
			a.Gaps(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"})
		})
	}
}

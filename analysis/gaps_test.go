package analysis

import (
	"fmt"
	"math"
	"testing"

	"github.com/parlens/parlens/data"
)

func TestGaps(t *testing.T) {
	districts := data.GradeScheme{Bloc: "Huyện", Bands: []data.GradeBand{
		{Label: "Nhóm I", Min: 80}, {Label: "Nhóm II", Min: 70}, {Label: "Nhóm III", Min: math.Inf(-1)},
	}}
	ds := mk(
		R(2022, "Sở", "A", 88), R(2022, "Sở", "B", 85), R(2022, "Sở", "C", 85), R(2022, "Sở", "D", 80),
		R(2023, "Sở", "A", 90), R(2023, "Sở", "B", 87), R(2023, "Sở", "C", 84), R(2023, "Sở", "D", 86),
		R(2023, "Sở", "E", 86),                            // tie with D; new this year
		R(2023, "Sở", "GradeOnly", nan, grade("Tốt")),     // no total
		R(2023, "Sở", "OtherLadder", 75, grade("Nhóm B")), // a grade the built-in scheme cannot place
		R(2023, "Sở", "NR", 89.99, notRanked),
		R(2023, "Huyện", "Q1", 72), R(2023, "Huyện", "Q2", 81),
	)
	ds.Schemes = append(ds.Schemes, districts)
	a := New(ds)
	type want struct {
		rank     int     // 0 = nil
		next     string  // "" = nil
		toNext   float64 // with next
		toPass   float64 // 0 = nil
		passRank int
		toLeader float64 // -1 = nil
		withPrev int     // 0 = nil
	}
	tests := []struct {
		bloc, unit string
		w          want
	}{
		// 2023 Sở: A 90 (1), B 87 (2), D 86 (3), E 86 (3), C 84 (5), OtherLadder 75 (6)
		{"Sở", "A", want{rank: 1, toLeader: 0, withPrev: 1}},                                                         // 88 still first
		{"Sở", "B", want{rank: 2, next: "Xuất sắc", toNext: 3, toPass: 3.01, passRank: 1, toLeader: 3, withPrev: 4}}, // 85: below A, D, E
		{"Sở", "D", want{rank: 3, next: "Xuất sắc", toNext: 4, toPass: 1.01, passRank: 2, toLeader: 4, withPrev: 5}}, // 80: below A, B, E, C
		{"Sở", "E", want{rank: 3, next: "Xuất sắc", toNext: 4, toPass: 1.01, passRank: 2, toLeader: 4}},
		{"Sở", "C", want{rank: 5, next: "Xuất sắc", toNext: 6, toPass: 2.01, passRank: 3, toLeader: 6, withPrev: 5}}, // 85 < 86
		{"Sở", "OtherLadder", want{rank: 6, toPass: 9.01, passRank: 5, toLeader: 15}},
		{"Sở", "GradeOnly", want{toLeader: -1}},
		{"Sở", "NR", want{next: "Xuất sắc", toNext: 0.01, toLeader: -1}},
		{"Huyện", "Q1", want{rank: 2, next: "Nhóm I", toNext: 8, toPass: 9.01, passRank: 1, toLeader: 9}},
		{"Huyện", "Q2", want{rank: 1, toLeader: 0}},
	}
	for _, tc := range tests {
		g, ok := a.UnitGap(data.DefaultIndex, 2023, data.UnitID("", tc.unit))
		if !ok {
			t.Fatalf("no gap for %s", tc.unit)
		}
		w := tc.w
		if w.rank == 0 {
			wantNilI(t, tc.unit+" rank", g.Rank)
		} else {
			wantI(t, tc.unit+" rank", g.Rank, w.rank)
		}
		if w.next == "" {
			if g.NextGrade != nil || g.ToNextGrade != nil {
				t.Errorf("%s next grade = %s %s, want nil", tc.unit, sp(g.NextGrade), fp(g.ToNextGrade))
			}
		} else {
			if sp(g.NextGrade) != w.next {
				t.Errorf("%s next grade = %s, want %s", tc.unit, sp(g.NextGrade), w.next)
			}
			wantF(t, tc.unit+" to_next_grade", g.ToNextGrade, w.toNext)
		}
		if w.toPass == 0 {
			wantNilF(t, tc.unit+" to_pass", g.ToPass)
			wantNilI(t, tc.unit+" pass_rank", g.PassRank)
		} else {
			wantF(t, tc.unit+" to_pass", g.ToPass, w.toPass)
			wantI(t, tc.unit+" pass_rank", g.PassRank, w.passRank)
		}
		if w.toLeader < 0 {
			wantNilF(t, tc.unit+" to_leader", g.ToLeader)
		} else {
			wantF(t, tc.unit+" to_leader", g.ToLeader, w.toLeader)
		}
		if w.withPrev == 0 {
			wantNilI(t, tc.unit+" rank_with_prev_score", g.RankWithPrevScore)
		} else {
			wantI(t, tc.unit+" rank_with_prev_score", g.RankWithPrevScore, w.withPrev)
		}
	}
	// Gaps lists every unit in table order
	gs := a.Gaps(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"})
	if len(gs) != 8 || gs[0].Unit != "A" || gs[len(gs)-1].Unit != "GradeOnly" {
		t.Errorf("gaps order: %d, first %s", len(gs), gs[0].Unit)
	}
	if g, _ := a.UnitGap(data.DefaultIndex, 2023, "~b"); *g.PrevRank != 2 || *g.PrevScore != 85 || *g.PrevYear != 2022 {
		t.Errorf("B previous = %+v", g)
	}
}

// The counterfactual replaces only the unit's own score: others keep theirs.
func TestCounterfactualRank(t *testing.T) {
	// Lâm Đồng-style: the unit fell from 2nd to 4th, but with last year's
	// score it would have been 4th anyway (the others improved).
	ds := mk(
		R(2022, "B", "L", 85), R(2022, "B", "P", 86), R(2022, "B", "Q", 84), R(2022, "B", "S", 83),
		R(2023, "B", "L", 85.5), R(2023, "B", "P", 87), R(2023, "B", "Q", 86), R(2023, "B", "S", 85.5),
	)
	a := New(ds)
	tests := []struct {
		unit           string
		rank, withPrev int
	}{
		{"L", 3, 4}, // 85 < 85.5 (S) → 4th
		{"P", 1, 1}, // 86 = Q's 86 → shares 1st
		{"Q", 2, 4}, // 84 → below L and S
		{"S", 3, 4}, // 83 → last
	}
	for _, tc := range tests {
		g, _ := a.UnitGap(data.DefaultIndex, 2023, data.UnitID("", tc.unit))
		wantI(t, tc.unit+" rank", g.Rank, tc.rank)
		wantI(t, tc.unit+" rank_with_prev_score", g.RankWithPrevScore, tc.withPrev)
	}
}

// TestScoreTrack: each year's total beside its bloc's mean and the
// finite thresholds of the scheme in use that year; none without a scheme.
func TestScoreTrack(t *testing.T) {
	build := func(graded bool) *Analysis {
		recs := []data.Record{
			R(2022, "Sở", "A", 88), R(2022, "Sở", "B", 80),
			R(2023, "Huyện", "A", 72), R(2023, "Huyện", "B", 81), R(2023, "Huyện", "C", nan, grade("Tốt")),
		}
		if !graded {
			return New(mkUngraded(recs...))
		}
		ds := mk(recs...)
		ds.Schemes = append([]data.GradeScheme{{Bloc: "Huyện", FromYear: 2023, Bands: []data.GradeBand{
			{Label: "Nhóm I", Min: 80}, {Label: "Nhóm II", Min: 70}, {Label: "Nhóm III", Min: math.Inf(-1)},
		}}}, ds.Schemes...)
		return New(ds)
	}
	tests := []struct {
		graded     bool
		year       int
		bloc       string
		score      float64
		mean       float64
		thresholds []string // "label min"; nil = no scheme
	}{
		{true, 2022, "Sở", 88, 84, []string{"Xuất sắc 90", "Tốt 80", "Khá 70", "Trung bình 60"}},
		{true, 2023, "Huyện", 72, 76.5, []string{"Nhóm I 80", "Nhóm II 70"}},
		{false, 2022, "Sở", 88, 84, nil},
		{false, 2023, "Huyện", 72, 76.5, nil},
	}
	for _, tc := range tests {
		var pt *ScorePoint
		track := build(tc.graded).ScoreTrack(data.DefaultIndex, data.UnitID("", "A"))
		for i := range track {
			if track[i].Year == tc.year {
				pt = &track[i]
			}
		}
		what := fmt.Sprintf("graded=%v %d", tc.graded, tc.year)
		if pt == nil || pt.Bloc != tc.bloc {
			t.Fatalf("%s: %+v", what, track)
		}
		wantF(t, what+" score", pt.Score, tc.score)
		wantF(t, what+" mean", pt.BlocMean, tc.mean)
		if tc.thresholds == nil {
			if pt.Thresholds != nil {
				t.Errorf("%s: thresholds %v without a scheme", what, pt.Thresholds)
			}
			continue
		}
		var got []string
		for _, b := range pt.Thresholds {
			got = append(got, fmt.Sprintf("%s %g", b.Label, b.Min))
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.thresholds) {
			t.Errorf("%s: thresholds %v, want %v", what, got, tc.thresholds)
		}
	}
	if tr := build(true).ScoreTrack(data.DefaultIndex, "nobody"); tr != nil {
		t.Errorf("unknown unit: %+v", tr)
	}
}

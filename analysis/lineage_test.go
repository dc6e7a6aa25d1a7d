package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// ninhBinh is a 2025 merger: NB absorbs HN and ND; X is unchanged.
var ninhBinh = []data.UnitInfo{
	{Code: "HN", Name: "Hà Nam", Successor: "NB", EffectiveYear: 2025, Weight: 1},
	{Code: "ND", Name: "Nam Định", Successor: "NB", EffectiveYear: 2025, Weight: 1},
}

// pg is a record with a code and a grade.
func pg(year int, unit string, total float64, g string) data.Record {
	return R(year, "B", unit, total, code(unit), grade(g))
}

// pc is a record with a code, all of one grade (grade facts stay quiet).
func pc(year int, unit string, total float64) data.Record { return pg(year, unit, total, "Tốt") }

// moverLine writes a mover as "kind unit" and its lineage-relevant facts.
func moverLine(m Mover) string {
	s := string(m.Kind) + " " + m.UnitID
	if m.Since != nil {
		s += fmt.Sprintf(" since=%d", *m.Since)
	}
	if m.Break != nil {
		s += fmt.Sprintf(" break=%d", *m.Break)
	}
	if m.Streak != nil {
		s += fmt.Sprintf(" streak=%d", *m.Streak)
	}
	switch m.Kind {
	case BiggestGain, BiggestDrop:
		s += fmt.Sprintf(" change=%v", *m.Change)
	case BiggestClimb, BiggestFall:
		s += fmt.Sprintf(" rank_change=%d", *m.RankChange)
	}
	return s
}

// TestMoversAcrossBreak: every mover kind in and after a merged or split
// unit's first year. Facts about earlier years hold for every predecessor,
// or since the break; changes, rank and grade moves are not stated across it.
func TestMoversAcrossBreak(t *testing.T) {
	cases := []struct {
		name  string
		recs  []data.Record
		units []data.UnitInfo
		year  int
		want  []string
	}{
		{"a predecessor led last year: top, no claim, no change",
			[]data.Record{pc(2024, "NB", 90), pc(2024, "HN", 80), pc(2024, "ND", 70), pc(2024, "X", 60),
				pc(2025, "NB", 95), pc(2025, "X", 61)},
			ninhBinh, 2025,
			[]string{"top NB break=2025", "bottom X since=2024 streak=2"}},
		{"no predecessor ever led: first time, for all of them",
			[]data.Record{pc(2023, "X", 99), pc(2023, "NB", 90), pc(2023, "HN", 80), pc(2023, "ND", 70),
				pc(2024, "X", 99), pc(2024, "NB", 90), pc(2024, "HN", 80), pc(2024, "ND", 70),
				pc(2025, "NB", 99.5), pc(2025, "X", 99)},
			ninhBinh, 2025,
			[]string{"first_time_top NB since=2023 break=2025", "bottom X since=2023 streak=1"}},
		{"first time since the merger",
			[]data.Record{pc(2024, "NB", 90), pc(2024, "HN", 80), pc(2024, "ND", 70), pc(2024, "X", 60),
				pc(2025, "X", 95), pc(2025, "NB", 91),
				pc(2026, "NB", 96), pc(2026, "X", 95)},
			ninhBinh, 2026,
			[]string{"first_time_top NB since=2025 break=2025", "bottom X since=2024 streak=1", "biggest_gain NB break=2025 change=5", "biggest_climb NB break=2025 rank_change=1", "biggest_fall X rank_change=-1"}},
		{"no streak at the bottom across a merger",
			[]data.Record{pc(2024, "X", 90), pc(2024, "NB", 60), pc(2024, "HN", 80), pc(2024, "ND", 70),
				pc(2025, "X", 90), pc(2025, "NB", 70)},
			ninhBinh, 2025,
			[]string{"retained_top X since=2024 streak=2", "bottom NB since=2024 break=2025 streak=1"}},
		{"grades: no move across the break, top grade first time only if no predecessor had it",
			[]data.Record{pg(2024, "X", 85, "Tốt"), pg(2024, "NB", 75, "Khá"), pg(2024, "HN", 92, "Xuất sắc"), pg(2024, "ND", 70, "Khá"),
				pg(2025, "NB", 93, "Xuất sắc"), pg(2025, "X", 91, "Xuất sắc")},
			ninhBinh, 2025,
			[]string{"top NB break=2025", "bottom X since=2024 streak=1", "grade_up X", "first_time_grade X since=2024"}},
		{"top grade for the first time, for every predecessor",
			[]data.Record{pg(2024, "X", 95, "Xuất sắc"), pg(2024, "NB", 75, "Khá"), pg(2024, "HN", 82, "Tốt"), pg(2024, "ND", 70, "Khá"),
				pg(2025, "X", 96, "Xuất sắc"), pg(2025, "NB", 93, "Xuất sắc")},
			ninhBinh, 2025,
			[]string{"retained_top X since=2024 streak=2", "bottom NB since=2024 break=2025 streak=1", "first_time_grade NB since=2024 break=2025"}},
		{"top grade after the merger, then again: not a first time",
			[]data.Record{pg(2024, "X", 95, "Xuất sắc"), pg(2024, "NB", 75, "Khá"), pg(2024, "HN", 82, "Tốt"), pg(2024, "ND", 70, "Khá"),
				pg(2025, "X", 96, "Xuất sắc"), pg(2025, "NB", 93, "Xuất sắc"),
				pg(2026, "X", 96, "Xuất sắc"), pg(2026, "NB", 94, "Xuất sắc")},
			ninhBinh, 2026,
			[]string{"retained_top X since=2024 streak=3", "bottom NB since=2024 break=2025 streak=2", "biggest_gain NB break=2025 change=1"}},
		{"no regained top when only one predecessor led before",
			[]data.Record{pc(2023, "NB", 95), pc(2023, "HN", 80), pc(2023, "ND", 70), pc(2023, "X", 90),
				pc(2024, "X", 95), pc(2024, "NB", 90), pc(2024, "HN", 80), pc(2024, "ND", 70),
				pc(2025, "NB", 96), pc(2025, "X", 95)},
			ninhBinh, 2025,
			[]string{"top NB break=2025", "bottom X since=2023 streak=1"}},
		{"a split part regains the top its whole predecessor held",
			[]data.Record{pc(2023, "A", 95), pc(2023, "X", 90),
				pc(2024, "X", 95), pc(2024, "A", 90),
				pc(2025, "A1", 96), pc(2025, "X", 91), pc(2025, "A2", 80)},
			[]data.UnitInfo{{Code: "A", Successor: "A1", EffectiveYear: 2025, Weight: 0.6}, {Code: "A", Successor: "A2", EffectiveYear: 2025, Weight: 0.4}},
			2025,
			[]string{"regained_top A1 since=2023 break=2025", "bottom A2 since=2023 break=2025 streak=2"}},
		{"biggest moves: the merged unit is not compared, places not at all",
			[]data.Record{pc(2024, "NB", 70), pc(2024, "HN", 80), pc(2024, "ND", 60), pc(2024, "X", 90), pc(2024, "Y", 85),
				pc(2025, "NB", 99), pc(2025, "X", 91), pc(2025, "Y", 83)},
			ninhBinh, 2025,
			[]string{"first_time_top NB since=2024 break=2025", "bottom Y since=2024 streak=1", "biggest_gain X change=1", "biggest_drop Y change=-2"}},
		{"the only unit of its grade needs no history; a merged unit is not new, a new one is",
			[]data.Record{pg(2024, "NB", 70, "Khá"), pg(2024, "HN", 80, "Tốt"), pg(2024, "ND", 60, "Trung bình"), pg(2024, "X", 90, "Xuất sắc"),
				pg(2025, "NB", 95, "Xuất sắc"), pg(2025, "X", 85, "Tốt"), pg(2025, "Y", 84, "Tốt")},
			ninhBinh, 2025,
			[]string{"first_time_top NB since=2024 break=2025", "bottom Y since=2024 streak=1", "grade_down X", "first_time_grade NB since=2024 break=2025", "sole_grade NB break=2025", "new_unit Y since=2024"}},
		{"a merged unit under a new code is not new",
			[]data.Record{pc(2024, "A", 80), pc(2024, "B", 70), pc(2024, "X", 90),
				pc(2025, "X", 90), pc(2025, "C", 85)},
			[]data.UnitInfo{{Code: "A", Successor: "C", EffectiveYear: 2025}, {Code: "B", Successor: "C", EffectiveYear: 2025}},
			2025,
			[]string{"retained_top X since=2024 streak=2", "bottom C since=2024 break=2025 streak=1"}},
		{"a split part retains the top its whole predecessor held",
			[]data.Record{pc(2024, "A", 95), pc(2024, "X", 90),
				pc(2025, "A1", 96), pc(2025, "X", 91), pc(2025, "A2", 80)},
			[]data.UnitInfo{{Code: "A", Successor: "A1", EffectiveYear: 2025, Weight: 0.6}, {Code: "A", Successor: "A2", EffectiveYear: 2025, Weight: 0.4}},
			2025,
			[]string{"retained_top A1 since=2024 break=2025 streak=2", "bottom A2 since=2024 break=2025 streak=1"}},
		{"a chain across two reorganisations",
			[]data.Record{pc(2019, "A", 95), pc(2019, "B", 80), pc(2019, "D", 70),
				pc(2020, "C", 90), pc(2020, "D", 91),
				pc(2024, "C", 80), pc(2024, "D", 90),
				pc(2025, "E", 85), pc(2025, "X", 90),
				pc(2026, "E", 92), pc(2026, "X", 90)},
			[]data.UnitInfo{{Code: "A", Successor: "C", EffectiveYear: 2020}, {Code: "B", Successor: "C", EffectiveYear: 2020},
				{Code: "C", Successor: "E", EffectiveYear: 2025}, {Code: "D", Successor: "E", EffectiveYear: 2025}},
			2026,
			[]string{"first_time_top E since=2025 break=2025", "bottom X since=2019 streak=1", "biggest_gain E break=2025 change=7", "biggest_climb E break=2025 rank_change=1", "biggest_fall X rank_change=-1"}},
		{"rename, then merger: the rename carries the history",
			[]data.Record{pc(2019, "A", 95), pc(2019, "X", 90), pc(2019, "B", 70),
				pc(2020, "A2", 96), pc(2020, "X", 90), pc(2020, "B", 70),
				pc(2025, "C", 97), pc(2025, "X", 90)},
			[]data.UnitInfo{{Code: "A", Successor: "A2", EffectiveYear: 2020}, {Code: "A2", Successor: "C", EffectiveYear: 2025}, {Code: "B", Successor: "C", EffectiveYear: 2025}},
			2020,
			[]string{"retained_top A2 since=2019 streak=2", "bottom B since=2019 streak=2", "biggest_gain A2 change=1"}},
		{"rename, then merger: the merged unit's first year",
			[]data.Record{pc(2019, "A", 95), pc(2019, "X", 90), pc(2019, "B", 70),
				pc(2020, "A2", 96), pc(2020, "X", 90), pc(2020, "B", 70),
				pc(2025, "C", 97), pc(2025, "X", 90)},
			[]data.UnitInfo{{Code: "A", Successor: "A2", EffectiveYear: 2020}, {Code: "A2", Successor: "C", EffectiveYear: 2025}, {Code: "B", Successor: "C", EffectiveYear: 2025}},
			2025,
			[]string{"top C break=2025", "bottom X since=2019 streak=1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := mk(c.recs...)
			ds.Units = c.units
			a := New(ds)
			var got []string
			for _, m := range a.Movers(data.DefaultIndex, c.year) {
				got = append(got, moverLine(m))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("movers %d\n got  %s\n want %s", c.year, strings.Join(got, " | "), strings.Join(c.want, " | "))
			}
		})
	}
}

// TestBreakSideBySide: in a merged unit's first year its predecessors are
// listed with their last score and rank of N; its table row has no last
// year; a combined baseline exists only when asked for, and says which.
func TestBreakSideBySide(t *testing.T) {
	ds := mk(pc(2024, "X", 95), pc(2024, "HN", 90), pc(2024, "NB", 85), pc(2024, "ND", 80), pc(2024, "Y", 70),
		pc(2025, "NB", 92), pc(2025, "X", 91), pc(2025, "Y", 71))
	ds.Units = ninhBinh
	a := New(ds)
	sl := data.Slice{Index: data.DefaultIndex, Year: 2025, Bloc: "B"}
	bs := a.Breaks(sl)
	if len(bs) != 1 {
		t.Fatalf("breaks %+v, want NB's", bs)
	}
	b := bs[0]
	var got []string
	for _, p := range b.Predecessors {
		got = append(got, fmt.Sprintf("%s self=%v %s/%s of %s top %s%%", p.UnitID, p.Self, fp(p.Score), ip(p.Rank), ip(p.RankedOf), ip(p.TopPercent)))
	}
	want := []string{"NB self=true 85.0000/3 of 5 top 60%", "HN self=false 90.0000/2 of 5 top 40%", "ND self=false 80.0000/4 of 5 top 80%"}
	if !slices.Equal(got, want) {
		t.Errorf("predecessors\n got  %q\n want %q", got, want)
	}
	if b.Kind != BreakMerger || b.Year != 2025 || ip(b.Rank) != "1" || ip(b.RankedOf) != "3" || ip(b.TopPercent) != "34" {
		t.Errorf("break %s %d rank %s of %s top %s%%", b.Kind, b.Year, ip(b.Rank), ip(b.RankedOf), ip(b.TopPercent))
	}
	tbl, _ := a.Table(sl)
	for _, r := range tbl.Rows {
		if r.UnitID == "NB" && (r.PrevScore != nil || r.PrevRank != nil || r.Change != nil) {
			t.Errorf("NB's row compares with one predecessor: %+v", r)
		}
		if r.UnitID == "X" && (r.PrevScore == nil || r.Change == nil) {
			t.Errorf("X, unchanged, lost its last year")
		}
		if r.RankChange != nil { // rank 1 of 5 then, 2 of 3 now: places of different blocs
			t.Errorf("%s: rank change %d stated across the break", r.UnitID, *r.RankChange)
		}
	}
	if _, ok := a.UnitBreak(sl.WithYear(2024), "NB"); ok {
		t.Error("a break before the merger")
	}

	score := 92.0
	mean := CombinedBaseline(b, BaselineMean, &score, nil)
	wantF(t, "mean baseline", mean.Score, 85)
	wantF(t, "change against the mean", mean.Change, 7)
	pop := map[string]float64{"NB": 1, "HN": 1, "ND": 2}
	w := CombinedBaseline(b, "weighted:population", &score, func(id, col string) (float64, bool) {
		v, ok := pop[id]
		return v, ok && col == "population"
	})
	wantF(t, "weighted baseline", w.Score, (85+90+2*80)/4.0)
	if w.Method != "weighted:population" {
		t.Errorf("method %q", w.Method)
	}
	delete(pop, "HN")
	if m := CombinedBaseline(b, "weighted:population", &score, func(id, col string) (float64, bool) { v, ok := pop[id]; return v, ok }); m.Score != nil || !slices.Equal(m.Missing, []string{"HN"}) {
		t.Errorf("a baseline without HN's weight: %s missing %v", fp(m.Score), m.Missing)
	}
	for _, bad := range []string{"", "median", "weighted:", "weighted: "} {
		if _, err := ParseBaseline(bad); err == nil {
			t.Errorf("baseline %q accepted", bad)
		}
	}
}

// TestTopPercent: rank r of n as the top ⌈100·r/n⌉%.
func TestTopPercent(t *testing.T) {
	for _, c := range []struct{ r, n, want int }{{1, 10, 10}, {2, 34, 6}, {6, 63, 10}, {1, 1, 100}, {34, 34, 100}, {1, 63, 2}, {0, 5, 0}} {
		if got := TopPercent(c.r, c.n); got != c.want {
			t.Errorf("TopPercent(%d, %d) = %d, want %d", c.r, c.n, got, c.want)
		}
	}
}

// TestBlocShare: a rank's share of its bloc as readers say it, the top p%
// in the upper half, else the bottom p%, rounded up as TopPercent is.
func TestBlocShare(t *testing.T) {
	tests := []struct {
		rank, of, pct int
		top           bool
	}{
		{1, 34, 3, true},
		{4, 34, 12, true},
		{17, 34, 50, true}, // the middle is still the top half
		{18, 34, 50, false},
		{37, 63, 43, false},
		{63, 63, 2, false},
		{1, 3, 34, true},
		{2, 3, 67, false},
		{1, 1, 100, false}, // alone: the whole bloc
	}
	for _, tt := range tests {
		pct, top := BlocShare(tt.rank, tt.of)
		if pct != tt.pct || top != tt.top {
			t.Errorf("BlocShare(%d, %d) = %d, %v; want %d, %v", tt.rank, tt.of, pct, top, tt.pct, tt.top)
		}
	}
}

// A combined baseline names the years it combines: a predecessor without a
// result in the previous year gives its last earlier one.
func TestCombinedBaselineYears(t *testing.T) {
	y21, y24 := 2021, 2024
	s1, s2 := 80.0, 90.0
	br := Break{Predecessors: []Predecessor{{UnitID: "a", Year: &y24, Score: &s1}, {UnitID: "b", Year: &y21, Score: &s2}}}
	bl := CombinedBaseline(br, BaselineMean, nil, nil)
	if bl.Score == nil || *bl.Score != 85 {
		t.Fatalf("baseline %v", bl.Score)
	}
	if len(bl.Years) != 2 || bl.Years[0] != 2021 || bl.Years[1] != 2024 {
		t.Errorf("years %v, want [2021 2024]", bl.Years)
	}
}

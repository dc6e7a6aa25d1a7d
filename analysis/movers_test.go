package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// tg gives every record the same grade so that grade facts stay quiet.
func tg(year int, bloc, unit string, total float64, opts ...opt) data.Record {
	return R(year, bloc, unit, total, append([]opt{grade("Tốt")}, opts...)...)
}

func TestMovers(t *testing.T) {
	topHistory := mk(
		tg(2018, "B", "A", 90), tg(2018, "B", "B", 80), tg(2018, "B", "C", 70),
		tg(2019, "B", "A", 80), tg(2019, "B", "B", 90), tg(2019, "B", "C", 70),
		tg(2020, "B", "A", 90), tg(2020, "B", "B", 80), tg(2020, "B", "C", 70),
		tg(2021, "B", "A", 90), tg(2021, "B", "B", 85), tg(2021, "B", "C", 70),
		tg(2022, "B", "A", 90), tg(2022, "B", "B", 85), tg(2022, "B", "C", 70),
	)
	gradeMoves := mk(
		R(2020, "B", "A", 75), R(2020, "B", "B", 85), R(2020, "B", "C", 91), R(2020, "B", "D", 65),
		R(2021, "B", "A", 83), R(2021, "B", "B", 87), R(2021, "B", "C", 88), R(2021, "B", "D", 66),
		R(2022, "B", "A", 91), R(2022, "B", "B", 65), R(2022, "B", "C", 92), R(2022, "B", "D", 50), R(2022, "B", "E", 95),
	)
	lineage := mk(
		tg(2021, "B", "Old P", 90, code("P")), tg(2021, "B", "Old P1", 85, code("P1")),
		tg(2021, "B", "Old P2", 70, code("P2")), tg(2021, "B", "X", 80, code("X")),
		tg(2022, "B", "S", 92, code("S")), tg(2022, "B", "M", 86, code("M")), tg(2022, "B", "X", 81, code("X")),
	)
	lineage.Units = []data.UnitInfo{
		{Code: "P", Name: "Old P", Successor: "S"},
		{Code: "P1", Name: "Old P1", Successor: "M"},
		{Code: "P2", Name: "Old P2", Successor: "M"},
		{Code: "S", Name: "S"}, {Code: "M", Name: "M"},
	}
	gradeOnly := mk(
		G(2020, "B", "A", "Tốt", index("Văn thư")), G(2020, "B", "B", "Khá", index("Văn thư")), G(2020, "B", "C", "Khá", index("Văn thư")),
		G(2021, "B", "A", "Xuất sắc", index("Văn thư")), G(2021, "B", "B", "Trung bình", index("Văn thư")),
		G(2021, "B", "C", "Khá", index("Văn thư")), G(2021, "B", "D", "Khá", index("Văn thư")),
	)

	tests := []struct {
		name  string
		ds    *data.Dataset
		index string
		year  int
		want  []string
		check func(t *testing.T, ms []Mover)
	}{
		{
			name: "first year, tie at the top, sole grades",
			ds:   mk(R(2020, "B", "B", 90), R(2020, "B", "A", 90), R(2020, "B", "C", 80), R(2020, "B", "D", 70)),
			year: 2020,
			want: []string{"top A", "top B", "bottom D", "sole_grade C", "sole_grade D"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, Bottom, "D")
				// the bloc's first year: no streak or count, no window
				wantNilI(t, "bottom streak", m.Streak)
				wantNilI(t, "bottom count", m.Count)
				wantNilI(t, "bottom since", m.Since)
				wantI(t, "bottom rank", m.Rank, 4)
				if m.PrevYear != nil || m.PrevScore != nil {
					t.Errorf("first year has previous values: %+v", m)
				}
				if m := find(ms, Top, "B"); *m.Rank != 1 || *m.Score != 90 || sp(m.Grade) != "Xuất sắc" || m.Streak != nil {
					t.Errorf("top B = %+v", m)
				}
			},
		},
		{
			name: "first time at the top", ds: topHistory, year: 2019,
			want: []string{"first_time_top B", "bottom C", "biggest_gain B", "biggest_drop A", "biggest_climb B", "biggest_fall A"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, BiggestGain, "B")
				wantF(t, "gain change", m.Change, 10)
				wantF(t, "gain prev_score", m.PrevScore, 80)
				wantI(t, "gain prev_year", m.PrevYear, 2018)
				wantI(t, "climb rank_change", find(ms, BiggestClimb, "B").RankChange, 1)
				wantI(t, "fall rank_change", find(ms, BiggestFall, "A").RankChange, -1)
				wantI(t, "bottom streak", find(ms, Bottom, "C").Streak, 2)
			},
		},
		{
			name: "regained the top", ds: topHistory, year: 2020,
			want: []string{"regained_top A", "bottom C", "biggest_gain A", "biggest_drop B", "biggest_climb A", "biggest_fall B"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, RegainedTop, "A")
				wantI(t, "regained count", m.Count, 2)
				wantI(t, "regained prev_rank", m.PrevRank, 2)
				wantNilI(t, "regained streak", m.Streak)
			},
		},
		{
			name: "retained the top (second year)", ds: topHistory, year: 2021,
			want: []string{"retained_top A", "bottom C", "biggest_gain B"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, RetainedTop, "A")
				wantI(t, "streak", m.Streak, 2)
				wantI(t, "count", m.Count, 3)
			},
		},
		{
			name: "retained the top (third year), long bottom streak", ds: topHistory, year: 2022,
			want: []string{"retained_top A", "bottom C"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, RetainedTop, "A")
				wantI(t, "streak", m.Streak, 3)
				wantI(t, "count", m.Count, 4)
				b := find(ms, Bottom, "C")
				wantI(t, "bottom streak", b.Streak, 5)
				wantI(t, "bottom count", b.Count, 5)
			},
		},
		{
			name: "tie at the bottom",
			ds: mk(tg(2021, "B", "A", 90), tg(2021, "B", "B", 80), tg(2021, "B", "C", 70),
				tg(2022, "B", "A", 91), tg(2022, "B", "B", 75), tg(2022, "B", "C", 75)),
			year: 2022,
			want: []string{"retained_top A", "bottom B", "bottom C", "biggest_gain C", "biggest_drop B", "biggest_climb C"},
			check: func(t *testing.T, ms []Mover) {
				wantI(t, "B streak", find(ms, Bottom, "B").Streak, 1)
				wantI(t, "C streak", find(ms, Bottom, "C").Streak, 2)
				wantI(t, "C count", find(ms, Bottom, "C").Count, 2)
				wantI(t, "C rank", find(ms, Bottom, "C").Rank, 2)
			},
		},
		{
			name: "ties in the biggest gain",
			ds: mk(tg(2021, "B", "A", 80), tg(2021, "B", "B", 70), tg(2021, "B", "C", 60), tg(2021, "B", "D", 50),
				tg(2022, "B", "A", 82), tg(2022, "B", "B", 72), tg(2022, "B", "C", 61), tg(2022, "B", "D", 40)),
			year: 2022,
			want: []string{"retained_top A", "bottom D", "biggest_gain A", "biggest_gain B", "biggest_drop D"},
			check: func(t *testing.T, ms []Mover) {
				wantF(t, "B change", find(ms, BiggestGain, "B").Change, 2)
				wantF(t, "D change", find(ms, BiggestDrop, "D").Change, -10)
			},
		},
		{
			name: "grade moves, first time in the top grade, new unit", ds: gradeMoves, year: 2022,
			want: []string{
				"first_time_top E", "bottom D", "biggest_gain A", "biggest_drop B", "biggest_fall B",
				"grade_up C", "grade_up A", "grade_down B", "grade_down D",
				"first_time_grade A", "sole_grade B", "sole_grade D", "new_unit E",
			},
			check: func(t *testing.T, ms []Mover) {
				up := find(ms, GradeUp, "A")
				if sp(up.PrevGrade) != "Tốt" || sp(up.Grade) != "Xuất sắc" {
					t.Errorf("grade_up A = %s → %s", sp(up.PrevGrade), sp(up.Grade))
				}
				wantI(t, "A steps", up.Steps, 1)
				// Tốt → Trung bình is 2 bands of the built-in scheme (it has no Trung bình khá)
				wantI(t, "B steps", find(ms, GradeDown, "B").Steps, 2)
				wantI(t, "D steps", find(ms, GradeDown, "D").Steps, 1)
				wantI(t, "D bottom streak", find(ms, Bottom, "D").Streak, 3)
				n := find(ms, NewUnit, "E")
				wantI(t, "new prev_year", n.PrevYear, 2021)
				wantNilF(t, "new prev_score", n.PrevScore)
			},
		},
		{
			name: "bloc of one (first year)",
			ds:   mk(R(2021, "B", "A", 80), R(2022, "B", "A", 85)),
			year: 2021,
			want: []string{"top A"},
		},
		{
			name: "bloc of one (second year)",
			ds:   mk(R(2021, "B", "A", 80), R(2022, "B", "A", 85)),
			year: 2022,
			want: []string{"retained_top A"},
			check: func(t *testing.T, ms []Mover) {
				wantI(t, "streak", ms[0].Streak, 2)
				wantF(t, "change", ms[0].Change, 5)
			},
		},
		{
			name: "not-ranked unit",
			ds: mk(R(2021, "B", "A", 90), R(2021, "B", "B", 80), R(2021, "B", "NR", 95, notRanked),
				R(2022, "B", "A", 85), R(2022, "B", "B", 88), R(2022, "B", "NR", 99, notRanked)),
			year: 2022,
			want: []string{"first_time_top B", "bottom A", "biggest_gain B", "biggest_drop A", "biggest_climb B", "biggest_fall A", "grade_down A", "sole_grade NR"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, SoleGrade, "NR")
				wantNilI(t, "NR rank", m.Rank)
				wantF(t, "NR score", m.Score, 99)
				wantI(t, "ranked_of", find(ms, FirstTimeTop, "B").RankedOf, 2)
			},
		},
		{
			name: "unit missing a year",
			ds: mk(tg(2020, "B", "A", 90), tg(2020, "B", "B", 80), tg(2020, "B", "C", 70),
				tg(2021, "B", "B", 85), tg(2021, "B", "C", 70),
				tg(2022, "B", "A", 92), tg(2022, "B", "B", 85), tg(2022, "B", "C", 70)),
			year: 2022,
			want: []string{"regained_top A", "bottom C", "biggest_fall B", "biggest_fall C"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, RegainedTop, "A")
				wantI(t, "prev_year", m.PrevYear, 2021)
				wantNilF(t, "A prev_score (absent in 2021)", m.PrevScore)
				wantI(t, "count", m.Count, 2)
				wantI(t, "C streak", find(ms, Bottom, "C").Streak, 3)
			},
		},
		{
			name: "bloc missing a year compares with its own previous year",
			ds: mk(tg(2020, "X", "A", 90), tg(2021, "X", "A", 91), tg(2022, "X", "A", 92),
				tg(2020, "Y", "P", 80), tg(2020, "Y", "Q", 70), tg(2022, "Y", "P", 70), tg(2022, "Y", "Q", 80)),
			year: 2022,
			want: []string{
				"retained_top A",
				"first_time_top Q", "bottom P", "biggest_gain Q", "biggest_drop P", "biggest_climb Q", "biggest_fall P",
			},
			check: func(t *testing.T, ms []Mover) {
				wantI(t, "Y prev_year", find(ms, FirstTimeTop, "Q").PrevYear, 2020)
				wantI(t, "X streak", find(ms, RetainedTop, "A").Streak, 3)
			},
		},
		{
			name: "renamed unit keeps its history",
			ds: mk(tg(2021, "B", "Sở Nội vụ", 95, code("01")), tg(2021, "B", "Sở Y tế", 80, code("02")),
				tg(2022, "B", "Sở Nội vụ thành phố", 96, code("01")), tg(2022, "B", "Sở Y tế", 80, code("02"))),
			year: 2022,
			want: []string{"retained_top Sở Nội vụ thành phố", "bottom Sở Y tế", "biggest_gain Sở Nội vụ thành phố"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, RetainedTop, "Sở Nội vụ thành phố")
				wantI(t, "streak", m.Streak, 2)
				if sp(m.UnitCode) != "01" || m.UnitID != "01" {
					t.Errorf("unit code/id = %s %s", sp(m.UnitCode), m.UnitID)
				}
			},
		},
		{
			name: "successor through units lineage", ds: lineage, year: 2022,
			want: []string{"retained_top S", "bottom X", "biggest_gain S", "new_unit M"},
			check: func(t *testing.T, ms []Mover) {
				m := find(ms, RetainedTop, "S")
				wantF(t, "S prev_score (from P)", m.PrevScore, 90)
				wantI(t, "S prev_rank", m.PrevRank, 1)
				wantI(t, "S streak", m.Streak, 2)
				wantI(t, "X prev_rank", find(ms, Bottom, "X").PrevRank, 3)
			},
		},
		{
			name: "grade-only index", ds: gradeOnly, index: "Văn thư", year: 2021,
			want: []string{"grade_up A", "grade_down B", "first_time_grade A", "sole_grade A", "sole_grade B", "new_unit D"},
			check: func(t *testing.T, ms []Mover) {
				wantI(t, "B steps", find(ms, GradeDown, "B").Steps, 1)
				if m := find(ms, GradeUp, "A"); m.Score != nil || m.Rank != nil || m.Change != nil {
					t.Errorf("grade-only mover has numbers: %+v", m)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			idx := tc.index
			if idx == "" {
				idx = data.DefaultIndex
			}
			ms := New(tc.ds).Movers(idx, tc.year)
			if got := moverLines(ms); !equal(got, tc.want) {
				t.Errorf("movers:\n got  %q\n want %q", got, tc.want)
			}
			if tc.check != nil && equal(moverLines(ms), tc.want) {
				tc.check(t, ms)
			}
		})
	}
}

// Two predecessors merged into one: the successor has no history before the
// merger, and the predecessors stay in their own histories.
func TestLineageHistory(t *testing.T) {
	ds := mk(
		R(2020, "B", "Old P", 88, code("P")), R(2021, "B", "Old P", 90, code("P")),
		R(2021, "B", "Old P1", 85, code("P1")), R(2021, "B", "Old P2", 70, code("P2")),
		R(2022, "B", "S", 92, code("S")), R(2022, "B", "M", 86, code("M")),
		R(2023, "B", "S", 93, code("S")), R(2023, "B", "M", 87, code("M")),
	)
	ds.Units = []data.UnitInfo{
		{Code: "P", Successor: "S"}, {Code: "P1", Successor: "M"}, {Code: "P2", Successor: "M"},
	}
	a := New(ds)
	h := a.History("S")
	if len(h) != 1 || len(h[0].Points) != 4 {
		t.Fatalf("S history = %+v", h)
	}
	wantYears := []int{2020, 2021, 2022, 2023}
	for i, p := range h[0].Points {
		if p.Year != wantYears[i] {
			t.Errorf("point %d year %d", i, p.Year)
		}
	}
	if p := h[0].Points[1]; sp(p.Via) != "P" || p.Unit != "Old P" || *p.Score != 90 || *p.Rank != 1 || p.RankedOf != 3 {
		t.Errorf("2021 point = %+v", p)
	}
	if p := h[0].Points[2]; p.Via != nil || p.Unit != "S" {
		t.Errorf("2022 point = %+v", p)
	}
	if hm := a.History("M"); len(hm) != 1 || len(hm[0].Points) != 2 || hm[0].Points[0].Year != 2022 {
		t.Errorf("M history = %+v", hm)
	}
	if hp := a.History("P"); len(hp) != 1 || len(hp[0].Points) != 2 {
		t.Errorf("P history = %+v", hp)
	}
	if got := a.Predecessors("M"); !equal(got, []string{"P1", "P2"}) {
		t.Errorf("predecessors of M = %v", got)
	}
	if s, ok := a.Successor("P"); !ok || s != "S" {
		t.Errorf("successor of P = %q %v", s, ok)
	}
	// the counterfactual and table use the predecessor's previous score
	g, _ := a.UnitGap(data.DefaultIndex, 2022, "S")
	wantF(t, "S prev_score", g.PrevScore, 90)
	ms := a.Movers(data.DefaultIndex, 2022)
	if find(ms, NewUnit, "S") != nil || find(ms, NewUnit, "M") == nil {
		t.Errorf("new units: %q", moverLines(ms))
	}
}

func TestMoverJSON(t *testing.T) {
	ms := New(mk(R(2021, "B", "A", 90), R(2021, "B", "B", 85), R(2022, "B", "A", 91), R(2022, "B", "B", 80))).Movers(data.DefaultIndex, 2022)
	b, err := json.Marshal(ms[0])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"kind":"retained_top","index":"PAR Index","year":2022,"bloc":"B","unit_id":"~a","unit_code":null,"unit":"A",` +
		`"score":91,"rank":1,"ranked_of":2,"rank_published":false,"grade":"Xuất sắc","prev_year":2021,"prev_score":90,"prev_rank":1,` +
		`"prev_rank_published":false,"prev_grade":"Xuất sắc","change":1,"rank_change":0,"streak":2,"count":2,"steps":null,"since":2021,"break":null}`
	if string(b) != want {
		t.Errorf("JSON\n got  %s\n want %s", b, want)
	}
	for _, k := range []string{`"kind"`, `"prev_year"`, `"streak"`, `"steps"`, `"since"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("missing %s", k)
		}
	}
}

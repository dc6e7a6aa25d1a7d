package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
)

// ranksOnlyMiddle: 2021 and 2023 scored, 2022 published as ranks only; five
// units (D–H) join in 2022.
func ranksOnlyMiddle() *data.Dataset {
	recs := []data.Record{
		tg(2021, "B", "A", 90), tg(2021, "B", "B", 85), tg(2021, "B", "C", 80),
	}
	for i, u := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
		recs = append(recs, P(2022, "B", u, i+1))
	}
	for i, u := range []string{"A", "B", "H", "C", "D", "E", "F", "G"} {
		recs = append(recs, tg(2023, "B", u, 95-float64(i)))
	}
	return mk(recs...)
}

// partialPrev: a bloc of 20 units. 2022 as the press gave it: ranks 1–5 and
// 16–20 (10 rows), U4 with its rank only; 2023 complete.
func partialPrev() *data.Dataset {
	var recs []data.Record
	for r := 1; r <= 20; r++ {
		u := fmt.Sprintf("U%02d", r)
		switch {
		case r == 4:
			recs = append(recs, P(2022, "B", u, r, grade("Tốt")))
		case r <= 5 || r >= 16:
			recs = append(recs, tg(2022, "B", u, 100-float64(r), pub(r)))
		}
	}
	// 2023: U17 climbs to 16th, U16 falls to 17th; the rest keep their places
	for r := 1; r <= 20; r++ {
		u := fmt.Sprintf("U%02d", r)
		rank := r
		switch r {
		case 16:
			rank = 17
		case 17:
			rank = 16
		}
		recs = append(recs, tg(2023, "B", u, 101-float64(rank)))
	}
	return mk(recs...)
}

func TestClaimsRanksOnlyMiddleYear(t *testing.T) {
	a := New(ranksOnlyMiddle())
	ms := a.Movers(data.DefaultIndex, 2023)

	top := find(ms, RetainedTop, "A")
	if top == nil {
		t.Fatalf("A first in 2021, 2022 (ranks only) and 2023 is not retained_top: %q", moverLines(ms))
	}
	wantI(t, "A streak", top.Streak, 3)
	wantI(t, "A count", top.Count, 3)
	wantI(t, "A since", top.Since, 2021)
	wantI(t, "A prev_rank", top.PrevRank, 1)
	if !top.PrevRankPublished || top.RankPublished {
		t.Errorf("A: prev rank published %v, rank published %v; want true, false", top.PrevRankPublished, top.RankPublished)
	}
	if find(ms, RegainedTop, "A") != nil || find(ms, FirstTimeTop, "A") != nil {
		t.Errorf("A regained or first-time top: %q", moverLines(ms))
	}
	for _, u := range []string{"D", "E", "F", "G", "H"} {
		if find(ms, NewUnit, u) != nil {
			t.Errorf("%s, ranked in 2022, is called new in 2023", u)
		}
	}
	// moves from the published ranks: H climbs from 8th (2022) to 3rd
	if m := find(ms, BiggestClimb, "H"); m == nil {
		t.Errorf("no biggest climb for H: %q", moverLines(ms))
	} else {
		wantI(t, "H prev_rank", m.PrevRank, 8)
		wantI(t, "H rank_change", m.RankChange, 5)
	}
	if len(a.moversOf(BiggestGain)) != 0 {
		t.Errorf("score gains against a year without scores: %q", moverLines(ms))
	}

	// the ranks-only year yields its movers from its ranks
	m22 := a.Movers(data.DefaultIndex, 2022)
	want22 := []string{"retained_top A", "bottom H", "new_unit D", "new_unit E", "new_unit F", "new_unit G", "new_unit H"}
	if got := moverLines(m22); !equal(got, want22) {
		t.Errorf("2022 movers = %q, want %q", got, want22)
	}
	if m := find(m22, RetainedTop, "A"); m == nil || !m.RankPublished || m.Score != nil || m.RankedOf == nil || *m.RankedOf != 8 {
		t.Errorf("2022 A = %+v", m)
	}
	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	if !s.Complete || !s.RanksPublished || s.Mean != nil || len(s.Leader) != 1 || s.Leader[0].Score != nil || !s.Leader[0].RankPublished {
		t.Errorf("2022 summary = %+v", s)
	}
	h, _ := a.IndexHistory(data.DefaultIndex, "~a")
	if p := h.Points[1]; p.Year != 2022 || p.Rank == nil || *p.Rank != 1 || !p.RankPublished || p.RankedOf != 8 {
		t.Errorf("history 2022 = %+v", p)
	}
}

// moversOf lists the movers of a kind over every year (test helper).
func (a *Analysis) moversOf(k MoverKind) []Mover {
	var out []Mover
	for _, ix := range a.Indices() {
		for _, y := range a.Years(ix) {
			for _, m := range a.Movers(ix, y) {
				if m.Kind == k {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

func TestClaimsPartialPreviousYear(t *testing.T) {
	a := New(partialPrev())
	p, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	if p.Complete || p.PartialReason == nil || p.Grades != nil || p.Mean != nil || p.AboveMean != nil || p.Spread != nil {
		t.Errorf("partial 2022 summary states bloc figures: %+v", p)
	}
	for _, w := range []string{"published ranks go up to 20 but the table has 10 rows", "1 row has a published rank but no score"} {
		if p.PartialReason == nil || !strings.Contains(*p.PartialReason, w) {
			t.Errorf("partial reason %q lacks %q", sp(p.PartialReason), w)
		}
	}
	wantI(t, "2022 max published rank", p.MaxPublishedRank, 20)

	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "B"})
	if !s.Complete || s.Mean == nil {
		t.Errorf("complete 2023 = %+v", s)
	}
	if s.PrevComplete == nil || *s.PrevComplete || s.PrevPartialReason == nil {
		t.Errorf("2023 does not say 2022 is partial: %v %v", s.PrevComplete, s.PrevPartialReason)
	}
	if s.PrevMean != nil || s.MeanChg != nil || s.PrevSprd != nil || s.Up != nil || s.Compared != nil {
		t.Errorf("2023 compared with a partial 2022: prev_mean %s mean_change %s up %s", fp(s.PrevMean), fp(s.MeanChg), ip(s.Up))
	}
	for _, gc := range s.Grades {
		if gc.PrevCount != nil {
			t.Errorf("grade %s compared with a partial year: %d", gc.Grade, *gc.PrevCount)
		}
	}

	// rank moves from the published ranks: U17 17th → 16th
	tb, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "B"})
	r := rowOf(t, tb, "U17")
	wantI(t, "U17 rank", r.Rank, 16)
	wantI(t, "U17 prev_rank", r.PrevRank, 17)
	wantI(t, "U17 rank_change", r.RankChange, 1)
	pt, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	if pt.Complete || !pt.RanksPublished {
		t.Errorf("2022 table complete %v, ranks published %v", pt.Complete, pt.RanksPublished)
	}
	wantI(t, "U04 2022 rank", rowOf(t, pt, "U04").Rank, 4)

	ms := a.Movers(data.DefaultIndex, 2023)
	for _, k := range []MoverKind{BiggestClimb, BiggestFall, BiggestGain, BiggestDrop, NewUnit} {
		for _, m := range ms {
			if m.Kind == k {
				t.Errorf("%s %s against a partial year", k, m.Unit)
			}
		}
	}
	if m := find(ms, RetainedTop, "U01"); m == nil || m.Since == nil || *m.Since != 2022 {
		t.Errorf("U01 retained top since 2022: %q", moverLines(ms))
	}
	// the partial year has a top but no bottom: its last row need not be the bloc's last
	m22 := a.Movers(data.DefaultIndex, 2022)
	if find(m22, Top, "U01") == nil || len(a.BlocMovers(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})) != 1 {
		t.Errorf("2022 movers = %q, want only top U01", moverLines(m22))
	}
	// 2023's bottom: the partial 2022 does not show its last unit, so neither
	// a streak nor a "first time" at the bottom is claimed
	if m := find(ms, Bottom, "U20"); m == nil || m.Streak != nil || m.Count != nil || m.Since != nil {
		t.Errorf("U20 bottom = %+v", m)
	}
}

func TestClaimsFirstYear(t *testing.T) {
	a := New(mk(
		R(2020, "Old", "A", 90), R(2020, "Old", "B", 80, grade("Tốt")), R(2020, "Old", "C", 70),
		R(2021, "Old", "A", 91), R(2021, "Old", "B", 92, grade("Xuất sắc")), R(2021, "Old", "C", 60),
		// a bloc whose data start in 2021
		R(2021, "New", "X", 90), R(2021, "New", "Y", 85), R(2021, "New", "Z", 70),
	))
	for _, c := range []struct {
		year int
		bloc string
		want []string
	}{
		{2020, "Old", []string{"top A", "bottom C"}},
		{2021, "New", []string{"top X", "bottom Z"}},
	} {
		ms := a.BlocMovers(data.Slice{Index: data.DefaultIndex, Year: c.year, Bloc: c.bloc})
		var got []string
		for _, m := range ms {
			if m.Kind == SoleGrade {
				continue
			}
			got = append(got, string(m.Kind)+" "+m.Unit)
			if m.Streak != nil || m.Count != nil || m.Since != nil {
				t.Errorf("%d %s: %s %s claims streak %s count %s since %s in the bloc's first year",
					c.year, c.bloc, m.Kind, m.Unit, ip(m.Streak), ip(m.Count), ip(m.Since))
			}
		}
		if !equal(got, c.want) {
			t.Errorf("%d %s movers = %q, want %q", c.year, c.bloc, got, c.want)
		}
	}
	// the second year of Old: claims counted since 2020
	ms := a.BlocMovers(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: "Old"})
	if m := find(ms, FirstTimeTop, "B"); m == nil || m.Since == nil || *m.Since != 2020 {
		t.Errorf("B first time top since 2020: %q", moverLines(ms))
	}
	if m := find(ms, Bottom, "C"); m == nil || ip(m.Streak) != "2" || ip(m.Count) != "2" || ip(m.Since) != "2020" {
		t.Errorf("C bottom 2021 = %+v", m)
	}
}

// The real 2023 ministry table, one year: no bottom "first time".
func TestClaimsMinistries2023Sample(t *testing.T) {
	ms := New(datatest.SampleDataset(t, "ministries-2023")).Movers(data.DefaultIndex, 2023)
	var bottoms int
	for _, m := range ms {
		if m.Kind == Bottom {
			bottoms++
			if m.Unit != "Bộ Công Thương" || m.Streak != nil || m.Count != nil || m.Since != nil {
				t.Errorf("bottom = %s streak %s count %s since %s", m.Unit, ip(m.Streak), ip(m.Count), ip(m.Since))
			}
		}
		if m.Kind == FirstTimeTop || m.Kind == NewUnit || m.Kind == FirstTimeGrade {
			t.Errorf("first-time claim on the first year: %s %s", m.Kind, m.Unit)
		}
	}
	if bottoms != 1 {
		t.Errorf("%d bottoms: %q", bottoms, moverLines(ms))
	}
}

// An earlier table that does not show its leader (the press printed only
// its last rows) leaves a claim about the top unsaid rather than guessed.
func TestClaimsEarlierTableWithoutLeader(t *testing.T) {
	tail := []data.Record{ // 2021: ranks 3–5 of 5 only
		tg(2021, "B", "C", 80, pub(3)), tg(2021, "B", "D", 75, pub(4)), tg(2021, "B", "E", 70, pub(5)),
	}
	tests := []struct {
		name   string
		recs   []data.Record
		year   int
		kind   MoverKind
		streak string // ip() of Streak
		count  string
		since  string
	}{
		{
			name: "first in the next year: not 'first time', the 2021 leader is unknown",
			recs: append(tail[:3:3], tg(2022, "B", "A", 90), tg(2022, "B", "C", 80), tg(2022, "B", "D", 75)),
			year: 2022, kind: Top, streak: "nil", count: "nil", since: "nil",
		},
		{
			name: "first two years running: kept, but the run's start is unknown",
			recs: append(tail[:3:3], tg(2022, "B", "A", 90), tg(2022, "B", "C", 80), tg(2023, "B", "A", 91), tg(2023, "B", "C", 79)),
			year: 2023, kind: RetainedTop, streak: "nil", count: "nil", since: "2021",
		},
		{
			name: "first after a year known not first, never known first before: no first-time claim",
			recs: append(tail[:3:3], tg(2022, "B", "A", 90), tg(2022, "B", "C", 95), tg(2023, "B", "A", 91), tg(2023, "B", "C", 79)),
			year: 2023, kind: Top, streak: "nil", count: "nil", since: "nil",
		},
		{
			name: "first in 2020, not in 2022, first again: regained, count unknown",
			recs: append(tail[:3:3], tg(2020, "B", "A", 90), tg(2020, "B", "C", 80),
				tg(2022, "B", "A", 90), tg(2022, "B", "C", 95), tg(2023, "B", "A", 91), tg(2023, "B", "C", 79)),
			year: 2023, kind: RegainedTop, streak: "nil", count: "nil", since: "2020",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := New(mk(tc.recs...)).Movers(data.DefaultIndex, tc.year)
			m := find(ms, tc.kind, "A")
			if m == nil {
				t.Fatalf("no %s for A: %q", tc.kind, moverLines(ms))
			}
			if ip(m.Streak) != tc.streak || ip(m.Count) != tc.count || ip(m.Since) != tc.since {
				t.Errorf("streak %s count %s since %s, want %s %s %s", ip(m.Streak), ip(m.Count), ip(m.Since), tc.streak, tc.count, tc.since)
			}
			for _, k := range []MoverKind{FirstTimeTop, RegainedTop, RetainedTop, Top} {
				if k != tc.kind && find(ms, k, "A") != nil {
					t.Errorf("A is also %s", k)
				}
			}
		})
	}
}

// A partial table is ranked as published; Check still says where a
// published rank contradicts the scores printed beside it.
func TestCheckPartialRankOrder(t *testing.T) {
	issues := Check(mk(
		R(2022, "B", "A", 90, pub(1), line("p.csv", 2)),
		R(2022, "B", "B", 88, pub(2), line("p.csv", 3)),
		R(2022, "B", "C", 89, pub(3), line("p.csv", 4)), // above B, ranked after it
		R(2022, "B", "D", 70, pub(20), line("p.csv", 5)),
	))
	if len(issues) != 1 {
		t.Fatalf("issues = %v, want one for C", issues)
	}
	is := issues[0]
	if is.Pos.Line != 4 || is.Msg != "rank 3 given with Tổng điểm 89.00, above B ranked 2 with 88.00" || !strings.Contains(is.Hint, "partial") {
		t.Errorf("issue = %s", is.String())
	}
}

package analysis

import (
	"cmp"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// fuzzBytes hands out the fuzzer's bytes, then zeros.
type fuzzBytes struct {
	b []byte
	i int
}

func (f *fuzzBytes) next() int {
	if f.i >= len(f.b) {
		return 0
	}
	f.i++
	return int(f.b[f.i-1])
}

func (f *fuzzBytes) pick(n int) int { return f.next() % n }

// fuzzNames are unit names: some fold alike, some are hostile.
var fuzzNames = []string{"Sở A", "Sở B", "sở a", "Sở Á", "Quận Hải Châu", "quận hải châu", "Huyện Hòa Vang",
	"Sở \x1b[2JC", "Sở \u202eD", "", "Sở E", "Bộ Tư pháp", "Bộ Nội vụ", "Ban F", "Sở G", "Sở H"}

var fuzzGrades = []string{"", "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", "Tốt", ""}

// fuzzDataset builds a valid dataset (as the loader guarantees: one record
// per index, year and unit; sorted by index, year and bloc) from bytes:
// indices, years with gaps, blocs, units that move between blocs, appear and
// vanish, tied, missing and not-ranked totals, given grades, components with
// and without maxima, a custom grade scheme and units.csv lineage (cycles
// included).
func fuzzDataset(raw []byte) *data.Dataset {
	f := &fuzzBytes{b: raw}
	ds := &data.Dataset{}
	nComp := f.pick(4)
	for c := 0; c < nComp; c++ {
		comp := data.Component{Key: string(rune('a' + c)), Name: "Lĩnh vực " + string(rune('A'+c)), Bonus: f.pick(5) == 0}
		if f.pick(2) == 0 {
			comp.Terms = []data.ComponentTerm{{Name: comp.Name, Max: float64(5 + f.pick(30))}}
		}
		ds.Components = append(ds.Components, comp)
	}
	switch f.pick(3) {
	case 0:
		ds.Schemes = []data.GradeScheme{{Bands: []data.GradeBand{
			{Label: "Tốt", Min: float64(60 + f.pick(30))}, {Label: "Khá", Min: float64(30 + f.pick(30))}, {Label: "Yếu", Min: math.Inf(-1)},
		}, Source: "fuzz"}}
	case 1:
		ds.Schemes = []data.GradeScheme{data.DefaultScheme} // --grades default
	}
	nUnits := 1 + f.pick(12)
	if f.pick(4) == 0 {
		for u := 0; u < 3; u++ {
			ds.Units = append(ds.Units, data.UnitInfo{Code: unitID(f.pick(nUnits)), Successor: unitID(f.pick(nUnits))})
		}
	}
	for ix := 0; ix < 1+f.pick(2); ix++ {
		index := []string{data.DefaultIndex, "Văn thư"}[ix]
		year := 2015
		nBlocs := 1 + f.pick(3)
		for y := 0; y < 1+f.pick(5); y++ {
			year += 1 + f.pick(2)
			var recs []data.Record
			for u := 0; u < nUnits; u++ {
				if f.pick(6) == 0 {
					continue // absent this year
				}
				r := data.Record{Index: index, Year: year, Bloc: "Khối " + string(rune('1'+f.pick(nBlocs))),
					UnitID: unitID(u), Unit: fuzzNames[u%len(fuzzNames)], Total: data.Missing}
				if r.Unit == "" {
					r.Unit = r.UnitID
				}
				if f.pick(3) == 0 {
					r.UnitCode = r.UnitID
				}
				switch k := f.pick(12); {
				case k == 0: // no total
				case k < 4: // ties are common
					r.Total = float64(70 + 5*f.pick(4))
				case k < 10:
					r.Total = float64(f.next()) / 2.55
				default: // anything a float can hold
					r.Total = extremes[f.pick(len(extremes))]
				}
				r.NotRanked = f.pick(8) == 0
				if f.pick(3) == 0 {
					r.Grade = fuzzGrades[f.pick(len(fuzzGrades))]
				}
				if f.pick(4) == 0 {
					r.PublishedRank = 1 + f.pick(10)
				}
				var sc []float64
				for c := 0; c < nComp; c++ {
					v := data.Missing
					switch k := f.pick(12); {
					case k == 0:
					case k == 1:
						v = extremes[f.pick(len(extremes))]
					default:
						v = float64(f.pick(40)) / 2
					}
					sc = append(sc, v)
				}
				r.SetScores(sc)
				recs = append(recs, r)
			}
			slices.SortStableFunc(recs, func(a, b data.Record) int { return strings.Compare(a.Bloc, b.Bloc) })
			ds.Records = append(ds.Records, recs...)
		}
	}
	return ds
}

// extremes are values across the whole float range: huge (an identifier
// summed as a score: 9.22e16 once crashed the ranking), tiny, negative zero,
// the largest float and the infinities.
var extremes = []float64{9.22e16, 9.3e16, 1e19, -9.3e16, 1e300, math.MaxFloat64, -math.MaxFloat64,
	math.SmallestNonzeroFloat64, math.Copysign(0, -1), 5e-324, 0.005, 0.015, -0.005, 1e15 + 0.5,
	math.Inf(1), math.Inf(-1)}

func unitID(u int) string { return "U" + string(rune('A'+u)) }

// FuzzAnalysis runs every analysis on random valid datasets: nothing panics
// and the invariants hold — ranks are 1..N with competition gaps (ties
// share a rank, the next rank skips), grade counts add up to the units,
// movers, gaps, profiles and transitions name units of their bloc and year,
// Kendall's τ is within [-1, 1].
func FuzzAnalysis(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte(strings.Repeat("\x07\x03\x01\x02\x05\xff\x80\x10", 40)))
	entries, _ := os.ReadDir(filepath.Join("..", "testdata", "fuzz", "analysis"))
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", "fuzz", "analysis", e.Name())); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		ds := fuzzDataset(raw)
		if len(ds.Records) == 0 {
			return
		}
		checkAnalysis(t, ds)
	})
}

// r2 compares scores as ranks do: at 2 decimals, as the whole cents the
// text shows (numfmt.Cents, bounded by numfmt.CentsLimit: beyond it
// scores tie).
func r2(v float64) int64 { return numfmt.Cents(v) }

func checkAnalysis(t *testing.T, ds *data.Dataset) {
	a := New(ds)
	a.Check()
	Check(ds)
	names := a.UnitNames()
	type key struct {
		index string
		year  int
		bloc  string
	}
	records := map[key]map[string]*data.Record{}
	for i := range ds.Records {
		r := &ds.Records[i]
		k := key{r.Index, r.Year, r.Bloc}
		if records[k] == nil {
			records[k] = map[string]*data.Record{}
		}
		records[k][r.UnitID] = r
	}
	for _, ix := range a.Indices() {
		years := a.Years(ix)
		for yi, y := range years {
			ys, _ := a.Summary(ix, y)
			a.Movers(ix, y)
			if yi > 0 {
				for _, tr := range a.Transitions(ix, years[yi-1], y) {
					checkTransition(t, tr)
				}
			}
			for _, b := range a.BlocsIn(ix, y) {
				recs := records[key{ix, y, b}]
				tb, ok := a.Table(data.Slice{Index: ix, Year: y, Bloc: b})
				if !ok {
					t.Fatalf("no table for %s %d %s", ix, y, b)
				}
				checkRanks(t, tb, recs)
				bs, ok := a.BlocSummary(data.Slice{Index: ix, Year: y, Bloc: b})
				if !ok {
					t.Fatalf("no summary for %s %d %s", ix, y, b)
				}
				checkSummary(t, bs, tb, recs)
				if !slices.ContainsFunc(ys.Blocs, func(x BlocSummary) bool { return x.Bloc == b }) {
					t.Fatalf("summary of %s %d lacks bloc %s", ix, y, b)
				}
				rank := map[string]*int{}
				for _, r := range tb.Rows {
					rank[r.UnitID] = r.Rank
				}
				for _, c := range a.Caveats(a.Warnings(), ix, y, b) {
					if c.Unit != "" && (c.Index != ix || c.Year != y || c.Bloc != b) {
						t.Fatalf("caveat %s of %s %d %s selected for %s %d %s", c.Kind, c.Index, c.Year, c.Bloc, ix, y, b)
					}
				}
				for _, m := range a.BlocMovers(data.Slice{Index: ix, Year: y, Bloc: b}) {
					rec, ok := recs[m.UnitID]
					if !ok || m.Index != ix || m.Year != y || m.Bloc != b {
						t.Fatalf("mover %s names %s (%s %d %s), not a unit of %s %d %s", m.Kind, m.UnitID, m.Index, m.Year, m.Bloc, ix, y, b)
					}
					if m.Unit != rec.Unit {
						t.Fatalf("mover %s calls %s %q, the data %q", m.Kind, m.UnitID, m.Unit, rec.Unit)
					}
					if !samePtr(m.Rank, rank[m.UnitID]) {
						t.Fatalf("mover %s gives %s rank %v, the table %v", m.Kind, m.UnitID, ip(m.Rank), ip(rank[m.UnitID]))
					}
					if (m.Kind == Top || m.Kind == FirstTimeTop || m.Kind == RetainedTop || m.Kind == RegainedTop) && (m.Rank == nil || *m.Rank != 1) {
						t.Fatalf("mover %s with rank %v", m.Kind, ip(m.Rank))
					}
				}
				if bc, ok := a.Components(data.Slice{Index: ix, Year: y, Bloc: b}); ok {
					checkComponents(t, bc, recs)
				}
				for _, g := range a.Gaps(data.Slice{Index: ix, Year: y, Bloc: b}) {
					if _, ok := recs[g.UnitID]; !ok {
						t.Fatalf("gap of %s, not in the bloc", g.UnitID)
					}
					if g.ToLeader != nil && *g.ToLeader < -1e-9 || g.ToPass != nil && *g.ToPass <= 0 || g.ToNextGrade != nil && *g.ToNextGrade <= 0 {
						t.Fatalf("gap of %s: to leader %v, to pass %v, to next grade %v", g.UnitID, fp(g.ToLeader), fp(g.ToPass), fp(g.ToNextGrade))
					}
				}
				for id := range recs {
					a.UnitGap(ix, y, id)
					a.UnitComponents(ix, y, id)
				}
			}
		}
	}
	a.Summaries()
	for _, u := range a.Units() {
		for _, h := range a.History(u.UnitID) {
			for i := 1; i < len(h.Points); i++ {
				if h.Points[i].Year < h.Points[i-1].Year {
					t.Fatalf("history of %s not by year", u.UnitID)
				}
			}
		}
		if len(a.FindUnit(u.Unit)) == 0 {
			t.Fatalf("FindUnit(%q) finds nothing", u.Unit)
		}
		Suggest(u.Unit, names)
		a.Predecessors(u.UnitID)
	}
	for _, ix := range a.Indices() {
		for _, b := range a.Blocs(ix) {
			if len(MatchBloc(b, a.Blocs(ix))) == 0 {
				t.Fatalf("MatchBloc(%q) finds nothing", b)
			}
		}
	}
}

// checkRanks: ranked units are those with a total that are not marked not
// ranked; their ranks are competition ranks by total at 2 decimals.
func checkRanks(t *testing.T, tb Table, recs map[string]*data.Record) {
	t.Helper()
	if tb.Units != len(recs) || len(tb.Rows) != len(recs) {
		t.Fatalf("%s %d %s: table has %d units, %d rows; the data %d", tb.Index, tb.Year, tb.Bloc, tb.Units, len(tb.Rows), len(recs))
	}
	if tb.RanksPublished {
		checkPublishedRanks(t, tb, recs)
		return
	}
	var scores []int64
	for _, r := range recs {
		if r.HasTotal() && !r.NotRanked {
			scores = append(scores, r2(r.Total))
		}
	}
	if tb.Ranked != len(scores) {
		t.Fatalf("%s %d %s: %d ranked, want %d", tb.Index, tb.Year, tb.Bloc, tb.Ranked, len(scores))
	}
	seen := 0
	for i, row := range tb.Rows {
		rec := recs[row.UnitID]
		if rec == nil {
			t.Fatalf("row %s is not in the bloc", row.UnitID)
		}
		if row.Rank == nil {
			if rec.HasTotal() && !rec.NotRanked {
				t.Fatalf("%s has a total and no rank", row.UnitID)
			}
			continue
		}
		if i != seen {
			t.Fatalf("ranked row %s after unranked rows", row.UnitID)
		}
		seen++
		higher := 0
		for _, s := range scores {
			if s > r2(rec.Total) {
				higher++
			}
		}
		if *row.Rank != higher+1 {
			t.Fatalf("%s (%.2f): rank %d, want %d (competition ranking)", row.UnitID, rec.Total, *row.Rank, higher+1)
		}
		if *row.Rank < 1 || *row.Rank > len(scores) {
			t.Fatalf("rank %d out of 1..%d", *row.Rank, len(scores))
		}
		if i > 0 && tb.Rows[i-1].Rank != nil && *tb.Rows[i-1].Rank > *row.Rank {
			t.Fatalf("ranks not in order at %s", row.UnitID)
		}
	}
}

// checkPublishedRanks: a ranks-only or partial table ranks every row with a
// published rank (not marked not ranked) at that rank, in rank order, first.
func checkPublishedRanks(t *testing.T, tb Table, recs map[string]*data.Record) {
	t.Helper()
	ranked := 0
	for _, r := range recs {
		if r.PublishedRank > 0 && !r.NotRanked {
			ranked++
		}
	}
	if tb.Ranked != ranked {
		t.Fatalf("%s %d %s: %d ranked, want %d published", tb.Index, tb.Year, tb.Bloc, tb.Ranked, ranked)
	}
	for i, row := range tb.Rows {
		rec := recs[row.UnitID]
		if i < ranked {
			if row.Rank == nil || *row.Rank != rec.PublishedRank {
				t.Fatalf("%s: rank %v, published %d", row.UnitID, ip(row.Rank), rec.PublishedRank)
			}
			if i > 0 && *tb.Rows[i-1].Rank > *row.Rank {
				t.Fatalf("ranks not in order at %s", row.UnitID)
			}
		} else if row.Rank != nil {
			t.Fatalf("%s ranked %d after the published ranks", row.UnitID, *row.Rank)
		}
	}
}

func checkSummary(t *testing.T, bs BlocSummary, tb Table, recs map[string]*data.Record) {
	t.Helper()
	if bs.Units != len(recs) || bs.Ranked != tb.Ranked {
		t.Fatalf("summary of %s: %d units, %d ranked; table %d, %d", bs.Bloc, bs.Units, bs.Ranked, tb.Units, tb.Ranked)
	}
	if bs.Complete != tb.Complete || (bs.PartialReason == nil) != bs.Complete {
		t.Fatalf("summary of %s: complete %v (%s), table %v", bs.Bloc, bs.Complete, sp(bs.PartialReason), tb.Complete)
	}
	if !bs.Complete {
		if bs.Grades != nil || bs.Mean != nil || bs.AboveMean != nil || bs.Spread != nil || bs.Compared != nil {
			t.Fatalf("partial %s states bloc-wide figures: %+v", bs.Bloc, bs)
		}
		return
	}
	n := bs.Ungraded
	for _, g := range bs.Grades {
		if g.Count < 0 {
			t.Fatalf("grade %s count %d", g.Grade, g.Count)
		}
		n += g.Count
	}
	if n != bs.Units {
		t.Fatalf("summary of %s: grade counts and ungraded add up to %d, units %d", bs.Bloc, n, bs.Units)
	}
	if bs.Mean != nil && (*bs.Mean < *bs.Min-1e-9 || *bs.Mean > *bs.Max+1e-9) {
		t.Fatalf("mean %v outside [%v, %v]", *bs.Mean, *bs.Min, *bs.Max)
	}
	if bs.Compared != nil && *bs.Up+*bs.Down+*bs.Same != *bs.Compared {
		t.Fatalf("up %d + down %d + same %d ≠ compared %d", *bs.Up, *bs.Down, *bs.Same, *bs.Compared)
	}
	for _, l := range bs.Leader {
		if l.Rank != 1 {
			t.Fatalf("leader %s has rank %d", l.UnitID, l.Rank)
		}
	}
	if bs.Ranked > 0 && len(bs.Leader) == 0 {
		// only a table ranked as published may lack its leader: the press
		// published ranks 2, 3… without the first row
		if !bs.RanksPublished || slices.ContainsFunc(tb.Rows, func(r Row) bool { return r.Rank != nil && *r.Rank == 1 }) {
			t.Fatal("ranked units and no leader")
		}
	}
	// no invented grades: an ungraded bloc has no grade anywhere
	if (bs.GradesFrom == GradesFromNone) != (bs.Grades == nil) {
		t.Fatalf("grades_from %s with grades %v", bs.GradesFrom, bs.Grades)
	}
	if bs.GradesFrom == GradesFromNone {
		for _, r := range tb.Rows {
			if r.Grade != nil {
				t.Fatalf("ungraded bloc %s: %s graded %s", bs.Bloc, r.Unit, *r.Grade)
			}
		}
	}
	// score bands: over the units with a total, higher edges hold fewer
	for i, b := range bs.Bands {
		if b.Of != bs.Scored || b.Count < 0 || b.Count > b.Of || i > 0 && b.Count < bs.Bands[i-1].Count {
			t.Fatalf("band %v: %d/%d after %+v, %d scored", b.Min, b.Count, b.Of, bs.Bands[:i], bs.Scored)
		}
	}
}

// checkComponents: component ranks are competition ranks among the bloc's
// units that are not marked not ranked and have a score on the component.
func checkComponents(t *testing.T, bc BlocComponents, recs map[string]*data.Record) {
	t.Helper()
	for ci := range bc.Components {
		var scores []int64
		for _, u := range bc.Units {
			if _, ok := recs[u.UnitID]; !ok {
				t.Fatalf("component profile of %s, not in the bloc", u.UnitID)
			}
			if ci < len(u.Components) && u.Components[ci].Rank != nil {
				scores = append(scores, r2(*u.Components[ci].Score))
			}
		}
		for _, u := range bc.Units {
			if ci >= len(u.Components) || u.Components[ci].Rank == nil {
				continue
			}
			higher := 0
			for _, s := range scores {
				if s > r2(*u.Components[ci].Score) {
					higher++
				}
			}
			if *u.Components[ci].Rank != higher+1 {
				t.Fatalf("%s on %s: rank %d, want %d", u.UnitID, bc.Components[ci].Key, *u.Components[ci].Rank, higher+1)
			}
		}
	}
}

func checkTransition(t *testing.T, tr Transition) {
	t.Helper()
	n := 0
	for i, row := range tr.Matrix {
		if len(row) != len(tr.Grades) {
			t.Fatalf("matrix row %d has %d cells for %d grades", i, len(row), len(tr.Grades))
		}
		for _, c := range row {
			if c.Count != len(c.Units) {
				t.Fatalf("cell count %d, %d units", c.Count, len(c.Units))
			}
			n += c.Count
		}
	}
	if len(tr.Matrix) != len(tr.Grades) || tr.Up+tr.Down+tr.Same != n {
		t.Fatalf("transition %s %d→%d: up %d down %d same %d, matrix %d", tr.Bloc, tr.From, tr.To, tr.Up, tr.Down, tr.Same, n)
	}
	if tr.KendallTau != nil && (math.IsNaN(*tr.KendallTau) || *tr.KendallTau < -1-1e-9 || *tr.KendallTau > 1+1e-9) {
		t.Fatalf("Kendall τ %v", *tr.KendallTau)
	}
}

func samePtr(a, b *int) bool { return cmp.Compare(ip(a), ip(b)) == 0 }

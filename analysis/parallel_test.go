package analysis

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/parlens/parlens/data"
)

// everyResult writes what New and the per-slice results give for every
// index, year and bloc, summaries computed together (BlocSummaries) and
// one by one.
func everyResult(t *testing.T, ds *data.Dataset) []byte {
	t.Helper()
	a := New(ds)
	var sls []data.Slice
	for _, ix := range a.Indices() {
		for _, y := range a.Years(ix) {
			for _, b := range a.BlocsIn(ix, y) {
				sls = append(sls, data.Slice{Index: ix, Year: y, Bloc: b})
			}
		}
	}
	together, unknown := a.BlocSummaries(sls)
	if unknown >= 0 {
		t.Fatalf("BlocSummaries: slice %v of the analysis has no data", sls[unknown])
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(a.Check()); err != nil {
		t.Fatal(err)
	}
	for i, sl := range sls {
		alone, _ := a.BlocSummary(sl)
		tbl, _ := a.Table(sl)
		comps, _ := a.Components(sl)
		for _, v := range []any{sl, together[i], alone, tbl, comps, a.Gaps(sl), a.Movers(sl.Index, sl.Year)} {
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return buf.Bytes()
}

// The passes New runs on every core, and BlocSummaries, give what they
// give on one: a dataset big enough for them (over 20,000 records) with
// GOMAXPROCS 1 and then 2 or more. Run it with -race too.
func TestEveryCoreSameAsOne(t *testing.T) {
	ds := benchDataset(7001, 3)
	if len(ds.Records) < 20000 {
		t.Fatalf("%d records: too few for the passes on every core", len(ds.Records))
	}
	for i := 0; i < len(ds.Records); i += 5 { // published ranks, mostly wrong: warnings from every part of the records
		ds.Records[i].PublishedRank = i%7 + 1
		ds.Records[i].Pos = data.Pos{File: "bench.csv", Line: i + 2}
	}
	ds.Schemes = []data.GradeScheme{data.DefaultScheme} // a scheme given: grades by score on every core too
	for i := 1; i < len(ds.Records); i += 11 {
		ds.Records[i].Grade = "" // graded by the scheme
	}
	probe := New(ds)
	if n := len(probe.Check()); n < 4000 {
		t.Fatalf("%d warnings: want thousands", n)
	}
	if from := probe.Summaries()[0].Blocs[0].GradesFrom; from != GradesFromScheme {
		t.Fatalf("grades from %q, want the scheme", from)
	}
	old := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(old)
	one := everyResult(t, ds)
	runtime.GOMAXPROCS(max(old, 2))
	every := everyResult(t, ds)
	if !bytes.Equal(one, every) {
		t.Errorf("results on every core (%d bytes) differ from those on one (%d bytes)", len(every), len(one))
	}
}

func TestBlocSummariesUnknownSlice(t *testing.T) {
	a := New(benchDataset(30, 2))
	sls := []data.Slice{{Index: data.DefaultIndex, Year: 2015, Bloc: "Khối quận, huyện"}, {Index: data.DefaultIndex, Year: 1999, Bloc: "Khối quận, huyện"}}
	if got, unknown := a.BlocSummaries(sls); unknown != 1 || got != nil {
		t.Errorf("BlocSummaries with an unknown second slice = %v, %v; want nil, 1", got, unknown)
	}
	got, unknown := a.BlocSummaries(sls[:1])
	if want, _ := a.BlocSummary(sls[0]); unknown != -1 || len(got) != 1 || got[0].Units != want.Units || got[0].Units != 10 {
		t.Errorf("BlocSummaries = %+v, %v; want one summary of 10 units", got, unknown)
	}
	for _, y := range []int{2015, 2016} {
		ys, _ := a.Summary(data.DefaultIndex, y)
		py, ok := a.IndexPrevYear(data.DefaultIndex, y)
		if (ys.PrevYear != nil) != ok || ok && *ys.PrevYear != py {
			t.Errorf("%d: IndexPrevYear %d %v, Summary's previous year %v", y, py, ok, ys.PrevYear)
		}
	}
}

// New fills each group's entries on every core when the groups' records
// come in runs, as the loader sorts them, and one record at a time when
// they are interleaved: the results are the same.
func TestInterleavedRecordsSameAsRuns(t *testing.T) {
	runs := benchDataset(7001, 3) // by year, then bloc
	mixed := &data.Dataset{Components: runs.Components, Records: slices.Clone(runs.Records)}
	slices.SortStableFunc(mixed.Records, func(x, y data.Record) int { // by year, then unit: the blocs interleave
		return cmp.Or(cmp.Compare(x.Year, y.Year), cmp.Compare(x.UnitID, y.UnitID))
	})
	if mixed.Records[0].Bloc == mixed.Records[1].Bloc {
		t.Fatal("the blocs do not interleave")
	}
	if a, b := everyResult(t, runs), everyResult(t, mixed); !bytes.Equal(a, b) {
		t.Errorf("results from interleaved records (%d bytes) differ from those from runs (%d bytes)", len(b), len(a))
	}
}

// before, which walks back from a record, finds the record at() finds
// walking back from the unit's last: with and without a predecessor's
// records in the history, a unit in two blocs of a year and a gap year.
func TestBeforeSameAsAt(t *testing.T) {
	ds := benchDataset(60, 4)
	two := ds.Records[5] // a unit in a second bloc of the same year
	two.Bloc = "Khối thứ tư"
	ds.Records = append(ds.Records, two)
	ds.Records = slices.DeleteFunc(ds.Records, func(r data.Record) bool { return r.UnitID == "U00007" && r.Year == 2016 }) // a gap
	ds.Records = slices.DeleteFunc(ds.Records, func(r data.Record) bool { return r.UnitID == "U00009" && r.Year < 2017 })
	ds.Units = []data.UnitInfo{{Code: "U00003", Successor: "U00009", EffectiveYear: 2017}} // U00009 renames U00003
	a := New(ds)
	checked, viaLineage := 0, 0
	for _, ix := range a.indices {
		for _, g := range ix.groups {
			for p := range ix.groups { // every earlier group, not only g.prev
				pg := ix.groups[p]
				if pg.year >= g.year {
					continue
				}
				for i := range g.entries {
					e := &g.entries[i]
					if got, want := e.unit.before(e, pg), e.unit.at(pg); got != want {
						t.Fatalf("%s %d %s, unit %s: before gives %v, at gives %v", g.index, g.year, g.bloc, e.rec.UnitID, got, want)
					}
					checked++
					if len(e.unit.lin) != len(e.unit.own) {
						viaLineage++
					}
				}
			}
		}
	}
	if checked < 1000 || viaLineage == 0 {
		t.Errorf("checked %d records, %d with a predecessor's records: want both", checked, viaLineage)
	}
}

// A panic in work shared between cores reaches the caller, whichever
// goroutine met it: one on a worker alone would end the process past the
// dashboard's and the command line's recovery (this test would crash).
func TestEveryCorePanicReachesTheCaller(t *testing.T) {
	a := &Analysis{ds: &data.Dataset{Records: make([]data.Record, 20000)}} // enough records to share
	for _, panicAt := range []int{0, 1, 2, 3} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("panic at %d: onEveryCore returned", panicAt)
				}
			}()
			a.onEveryCore(4, func(i int) {
				if i == panicAt || i == 3-panicAt {
					panic(fmt.Sprintf("part %d", i))
				}
			})
		}()
	}
}

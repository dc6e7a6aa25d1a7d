package analysis

import (
	"bytes"
	"cmp"
	"encoding/json"
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
	together, ok := a.BlocSummaries(sls)
	if !ok {
		t.Fatal("BlocSummaries: a slice of the analysis has no data")
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
	if n := len(New(ds).Check()); n < 4000 {
		t.Fatalf("%d warnings: want thousands", n)
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
	if got, ok := a.BlocSummaries(sls); ok || got != nil {
		t.Errorf("BlocSummaries with an unknown slice = %v, %v; want nil, false", got, ok)
	}
	got, ok := a.BlocSummaries(sls[:1])
	if want, _ := a.BlocSummary(sls[0]); !ok || len(got) != 1 || got[0].Units != want.Units || got[0].Units != 10 {
		t.Errorf("BlocSummaries = %+v, %v; want one summary of 10 units", got, ok)
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

package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/parlens/parlens/data"
)

// benchDataset generates units × years records with 9 components each, in
// 3 blocs, graded by the built-in scheme.
func benchDataset(units, years int) *data.Dataset {
	maxes := []float64{10, 10, 14.5, 11, 16, 7, 16, 8, 7.5}
	ds := &data.Dataset{}
	for i, m := range maxes {
		ds.Components = append(ds.Components, data.Component{
			Key: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Lĩnh vực %d", i+1), Code: fmt.Sprintf("C%d", i+1),
			Terms: []data.ComponentTerm{{Name: fmt.Sprintf("Lĩnh vực %d", i+1), Max: m}},
		})
	}
	blocs := []string{"Khối cơ quan Trung ương", "Khối quận, huyện", "Khối sở, ban, ngành"}
	rng := rand.New(rand.NewPCG(1, 2))
	skill := make([]float64, units)
	for u := range skill {
		skill[u] = 0.55 + 0.4*rng.Float64()
	}
	ds.Records = make([]data.Record, 0, units*years)
	for y := 0; y < years; y++ {
		for b := range blocs {
			for u := b; u < units; u += len(blocs) {
				sc := make([]float64, len(maxes))
				total := 0.0
				for i, m := range maxes {
					v := m * math.Min(1, skill[u]+0.1*(rng.Float64()-0.5))
					v = math.Round(v*100) / 100
					sc[i] = v
					total += v
				}
				r := data.Record{
					Index: data.DefaultIndex, Year: 2015 + y, Bloc: blocs[b],
					UnitID: fmt.Sprintf("U%05d", u), UnitCode: fmt.Sprintf("U%05d", u), Unit: fmt.Sprintf("Đơn vị số %d", u),
					Total: total, Grade: data.DefaultScheme.GradeFor(total),
				}
				r.SetScores(sc)
				ds.Records = append(ds.Records, r)
			}
		}
	}
	return ds
}

// analyzeAll computes every per-year result for every unit.
func analyzeAll(ds *data.Dataset) int {
	n := 0
	a := New(ds)
	for _, ix := range a.Indices() {
		for _, y := range a.Years(ix) {
			s, _ := a.Summary(ix, y)
			n += len(s.Blocs)
			n += len(a.Movers(ix, y))
			for _, b := range a.BlocsIn(ix, y) {
				c, _ := a.Components(data.Slice{Index: ix, Year: y, Bloc: b})
				n += len(c.Units)
				n += len(a.Gaps(data.Slice{Index: ix, Year: y, Bloc: b}))
			}
		}
	}
	return n
}

func BenchmarkAnalyzeAll(b *testing.B) {
	ds := benchDataset(10000, 10)
	analyzeAll(ds) // warm up: heap size, fold table (b.Loop times what follows)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		analyzeAll(ds)
	}
	// the CPU time of the whole process (collector included) per run: on a
	// shared machine it varies less with the others' load than ns/op
	b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// The generated dataset exercises the same code paths as real data.
func TestBenchDatasetSanity(t *testing.T) {
	ds := benchDataset(300, 3)
	if len(ds.Records) != 900 {
		t.Fatalf("%d records", len(ds.Records))
	}
	a := New(ds)
	s, _ := a.Summary(data.DefaultIndex, 2017)
	if len(s.Blocs) != 3 || s.Blocs[0].Ranked != 100 || s.Blocs[0].Compared == nil || *s.Blocs[0].Compared != 100 {
		t.Errorf("summary = %+v", s.Blocs[0])
	}
	c, _ := a.Components(data.Slice{Index: data.DefaultIndex, Year: 2017, Bloc: s.Blocs[0].Bloc})
	if len(c.Components) != 9 || len(c.Units) != 100 || c.Units[0].Components[0].Rank == nil {
		t.Errorf("components: %d comps %d units", len(c.Components), len(c.Units))
	}
	if n := analyzeAll(ds); n < 900*2 {
		t.Errorf("analyzeAll counted %d", n)
	}
}

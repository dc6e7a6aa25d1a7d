package data

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

// treeFile is a wide file shaped like the national workloads: units listed
// again each year, three blocs interleaved, eight areas of four criteria
// each, the areas left empty (rolled up from the criteria).
func treeFile(units, years int) fstest.MapFS {
	rng := rand.New(rand.NewPCG(18, 18))
	var comps, data strings.Builder
	comps.WriteString("code,name,max\n")
	data.WriteString("year,bloc,unit_code,unit")
	for a := 1; a <= 8; a++ {
		fmt.Fprintf(&comps, "%d,Lĩnh vực %d,16\n", a, a)
		data.WriteString(fmt.Sprintf(",%d", a))
		for c := 1; c <= 4; c++ {
			fmt.Fprintf(&comps, "%d.%d,Tiêu chí %d.%d,4\n", a, c, a, c)
			data.WriteString(fmt.Sprintf(",%d.%d", a, c))
		}
	}
	data.WriteString("\n")
	blocs := []string{"Sở", "Huyện", "Xã"}
	for y := range years {
		for u := range units {
			fmt.Fprintf(&data, "%d,%s,U%06d,Đơn vị %d", 2015+y, blocs[u%3], u, u)
			for range 8 {
				data.WriteString(",")
				for range 4 {
					fmt.Fprintf(&data, ",%.2f", rng.Float64()*4)
				}
			}
			data.WriteString("\n")
		}
	}
	return fstest.MapFS{"wide.csv": {Data: []byte(data.String())}, "components.csv": {Data: []byte(comps.String())}}
}

// readUnsettled reads fsys as ReadFS does, up to the settling (result).
func readUnsettled(tb testing.TB, fsys fstest.MapFS) *builder {
	b := newBuilder(Options{})
	limit := maxBytes(b.opt)
	open := func(p string) (input, bool) {
		if _, err := fs.Stat(fsys, p); err != nil {
			return input{}, false
		}
		return fsInput(fsys, p, "", limit), true
	}
	inputs := []input{fsInput(fsys, "wide.csv", ".", limit)}
	guardInputs(inputs, b.opt)
	b.readSidecarFlags(b.opt, open)
	b.run(inputs, func(d, n string) (input, bool) { return open(path.Join(d, n)) })
	if b.countErrors() > 0 {
		tb.Fatal(b.issues)
	}
	return b
}

// BenchmarkSettle times the passes that settle a big load (100,000 records)
// on one core and on every core: the roll-up, the renames check and the
// sort, each on the records as the loader leaves them (a fresh load each
// time, not timed: records restored by a copy would sit in one core's
// caches).
func BenchmarkSettle(bm *testing.B) {
	fsys := treeFile(10000, 10)
	defer func(m int) { minParallelRecords = m }(minParallelRecords)
	for _, cores := range []string{"one-core", "every-core"} {
		bm.Run("rollUp/"+cores, func(bm *testing.B) {
			for bm.Loop() {
				bm.StopTimer()
				b := readUnsettled(bm, fsys)
				setCores(cores)
				bm.StartTimer()
				b.rollUp()
			}
		})
		// the passes after the records have their keys
		keyed := map[string]func(*builder, *recordKeys){
			"nameChanges": (*builder).warnNameChanges,
			"sort":        func(b *builder, keys *recordKeys) { sortRecords(b.ds.Records, keys.groups, keys.groupKeys) },
		}
		for _, pass := range []string{"nameChanges", "sort"} {
			bm.Run(pass+"/"+cores, func(bm *testing.B) {
				for bm.Loop() {
					bm.StopTimer()
					b := readUnsettled(bm, fsys)
					keys := b.assignIdentities()
					setCores(cores)
					bm.StartTimer()
					keyed[pass](b, &keys)
				}
			})
		}
	}
}

// setCores makes the record passes run on one core or on every core.
func setCores(cores string) {
	if minParallelRecords = 1 << 30; cores == "every-core" {
		minParallelRecords = 1
	}
}

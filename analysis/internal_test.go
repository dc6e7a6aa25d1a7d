package analysis

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// The counting and selecting helpers agree with sorting, for small ranges
// (counting) and large ones (sorting).
func TestRankHelpers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(60)
		spread := []float64{0.05, 10, 1e7}[trial%3] // many ties … no ties … a range too wide to count
		vals := make([]float64, n)
		cs := make([]int64, n)
		for i := range vals {
			vals[i] = rng.Float64()*spread + 50
			if trial%5 == 0 {
				vals[i] = float64(int(vals[i]*100)) / 100
			}
			cs[i] = numfmt.Cents(vals[i])
		}
		// ranks: 1 + how many are greater, by brute force
		ranks := make([]int32, n)
		med := rankAndMedian(cs, slices.Clone(vals), ranks)
		for i := range cs {
			want := int32(1)
			for j := range cs {
				if cs[j] > cs[i] {
					want++
				}
			}
			if ranks[i] != want {
				t.Fatalf("trial %d: rank of %d = %d, want %d", trial, cs[i], ranks[i], want)
			}
		}
		s := slices.Clone(vals)
		slices.Sort(s)
		want := s[n/2]
		if n%2 == 0 {
			want = (s[n/2-1] + s[n/2]) / 2
		}
		if med != want {
			t.Fatalf("trial %d: median %v, want %v (%v)", trial, med, want, vals)
		}
		if m := median(slices.Clone(vals)); m != want {
			t.Fatalf("trial %d: quickselect median %v, want %v", trial, m, want)
		}
		// sortDesc: descending and stable
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		sortDesc(idx, func(i int) int64 { return cs[i] })
		for k := 1; k < n; k++ {
			a, b := idx[k-1], idx[k]
			if cs[a] < cs[b] || cs[a] == cs[b] && a > b {
				t.Fatalf("trial %d: sortDesc order broken at %d: %v", trial, k, idx)
			}
		}
	}
}

func TestFoldKey(t *testing.T) {
	for _, s := range []string{"Đà Nẵng", "  Sở Y-tế (cũ) ", "Hoà Vang", "a\u0301b", "Quận 10", "日本", "ǅemal", ""} {
		if got, want := foldKey(s), data.Fold(s); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNameRanks: the places nameRanker gives are cmpName's order, equal
// names share an id, and a name the fold table does not cover (日本, ǅ)
// takes data.Fold's path.
func TestNameRanks(t *testing.T) {
	names := []string{"Đông Hà", "Da Nang", "Đà Nẵng", "Cam Lộ", "Da Nang", "da nang", "日本", "ǅemal", "Dzemal", ""}
	var nr nameRanker
	ids := make([]int32, len(names))
	for i, n := range names {
		ids[i] = nr.id(n)
	}
	if ids[1] != ids[4] || ids[1] == ids[5] {
		t.Fatalf("ids %v: equal names must share an id, different ones not", ids)
	}
	rank := nr.ranks()
	for i := range names {
		for j := range names {
			want := cmpName(names[i], names[j])
			if got := cmp.Compare(rank[ids[i]], rank[ids[j]]); got != want {
				t.Errorf("%q vs %q: ranks compare %d, cmpName %d", names[i], names[j], got, want)
			}
		}
	}
}

// TestNameRanksMany: enough names for the fold to run on two cores; the
// places sort the names as cmpName does.
func TestNameRanksMany(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	parts := []string{"Xã", "xa", "Phường", "PHUONG", "Đức", "Duc", "Hòa", "Hoà", "An", "Ân", "-", " ", "1", "日"}
	var nr nameRanker
	for len(nr.names) < 25000 {
		n := ""
		for k := 1 + rng.IntN(4); k > 0; k-- {
			n += parts[rng.IntN(len(parts))] + fmt.Sprint(rng.IntN(50))
		}
		nr.id(n)
	}
	rank := nr.ranks()
	byRank := slices.Clone(nr.names)
	for id, n := range nr.names {
		byRank[rank[id]] = n
	}
	want := slices.Clone(nr.names)
	slices.SortFunc(want, cmpName)
	if !slices.Equal(byRank, want) {
		t.Fatal("names in rank order differ from cmpName's order")
	}
}

// An entry points to its record's unit code (what every result gives as
// unit_code) and to nothing when the record has none.
func TestEntryUnitCode(t *testing.T) {
	for _, code := range []string{"", "H01", " "} {
		r := &data.Record{UnitCode: code}
		e := &entry{rec: r}
		got := e.unitCode()
		switch {
		case code == "" && got != nil:
			t.Errorf("code %q: unitCode() = %q, want nil", code, *got)
		case code != "" && (got == nil || got != &r.UnitCode):
			t.Errorf("code %q: unitCode() = %v, want a pointer to the record's code", code, got)
		}
	}
}

package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// A sequence gives every value one ordinal and one shared copy, whether it
// is found by prediction or by the map.
func TestSequenceMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var q sequence
		want := map[string]int32{}
		copies := 0
		clone := func(s string) string { copies++; return strings.Clone(s) }
		// units in a fixed order, year after year, with repeats and strays
		units := rng.IntN(20) + 1
		for year := 0; year < 5; year++ {
			for u := 0; u < units; u++ {
				v := fmt.Sprint("U", u)
				switch rng.IntN(10) {
				case 0:
					v = fmt.Sprint("U", rng.IntN(units+5)) // out of order, or new
				case 1:
					u-- // the same again
				}
				o, ok := want[v]
				if !ok {
					o = int32(len(want))
					want[v] = o
				}
				got, ord := q.number(v, clone)
				if got != v || ord != o {
					t.Fatalf("number(%q) = %q, %d; want %d", v, got, ord, o)
				}
				if q.vals[ord] != got {
					t.Fatalf("vals[%d] = %q, returned %q", ord, q.vals[ord], got)
				}
			}
		}
		if copies != len(want) {
			t.Fatalf("%d copies for %d values", copies, len(want))
		}
	}
}

// unitNames returns every name as given, one copy per unit while the units
// keep their names, whatever code ordinal a row passes (a stale one too).
func TestUnitNamesShareCopies(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 200; round++ {
		var u unitNames
		copies := 0
		clone := func(s string) string { copies++; return strings.Clone(s) }
		units := rng.IntN(20) + 1
		renamed := 0
		names := make([]string, units)
		for k := range names {
			names[k] = fmt.Sprint("Sở ", k%7) // some units share a name
		}
		for year := 0; year < 5; year++ {
			for k := 0; k < units; k++ {
				code := int32(k)
				switch rng.IntN(20) {
				case 0:
					names[k] = fmt.Sprint("Sở mới ", k, year)
					renamed++
				case 1:
					code = int32(rng.IntN(units)) // a stale ordinal: a row without a code
				case 2:
					code = -1
				}
				got := u.name(names[k], code, clone)
				if got != names[k] {
					t.Fatalf("name(%q, %d) = %q", names[k], code, got)
				}
			}
		}
		if copies > 5*units {
			t.Fatalf("%d copies for %d units and %d renames over 5 years", copies, units, renamed)
		}
	}
	var steady unitNames
	copies := 0
	clone := func(s string) string { copies++; return strings.Clone(s) }
	for year := 0; year < 5; year++ {
		for k := range 100 {
			steady.name(fmt.Sprint("Sở ", k), int32(k), clone)
		}
	}
	if copies != 100 {
		t.Errorf("%d copies of 100 names read 5 times with their codes; want 100", copies)
	}
}

func TestRecentKeepsTheLastFew(t *testing.T) {
	var r recent[string, int]
	for i := 0; i < 20; i++ {
		r.put(fmt.Sprint(i), i)
	}
	for i := 0; i < 20; i++ {
		v, ok := r.get(fmt.Sprint(i))
		if fresh := i >= 20-recentSize; ok != fresh || (ok && v != i) {
			t.Errorf("get(%d) = %d, %v", i, v, ok)
		}
	}
	var empty recent[int, bool]
	if _, ok := empty.get(0); ok {
		t.Error("an empty cache answered")
	}
}

// The keys the wide loader numbers while finishing records are the keys
// numbered from scratch, whatever the chunking and whether rows have codes.
func TestLoaderKeysMatchFreshNumbering(t *testing.T) {
	var b strings.Builder
	b.WriteString("year,bloc,unit_code,unit,C1,total\n")
	rng := rand.New(rand.NewPCG(5, 6))
	for year := 2019; year <= 2023; year++ {
		for u := 0; u < 300; u++ {
			code := fmt.Sprintf("U%03d", u)
			if rng.IntN(50) == 0 {
				continue // a unit missing a year
			}
			if u == 7 && year == 2021 {
				code = "" // a row without a code: names settle it
			}
			fmt.Fprintf(&b, "%d,Khối %d,%s,Đơn vị %d,%d.5,%d.5\n", year, u%3, code, u, u%10, u%10)
		}
	}
	raw := b.String()
	for _, withCodeGap := range []bool{false, true} {
		text := raw
		if !withCodeGap {
			text = strings.Replace(raw, ",,Đơn vị 7,", ",U007,Đơn vị 7,", 1)
		}
		func() {
			defer func(old int) { minChunkBytes = old }(minChunkBytes)
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
			minChunkBytes = 2000
			tb, issue := openTable("keys.csv", []byte(text))
			if issue != nil {
				t.Fatal(issue)
			}
			bl := newBuilder(Options{})
			bl.readData(tb)
			if len(bl.keyParts) < 2 {
				t.Fatalf("%d key parts: the file was not chunked", len(bl.keyParts))
			}
			got := bl.assignIdentities()
			fresh := *bl
			fresh.keyParts = nil
			want := fresh.assignIdentities()
			if got.nUnits != want.nUnits || !slices.Equal(got.units, want.units) ||
				!slices.Equal(got.groups, want.groups) || !slices.Equal(got.groupKeys, want.groupKeys) {
				t.Fatalf("codes on every row %v: loader keys differ from fresh ones", !withCodeGap)
			}
			if got.nUnits != 300 || len(got.groupKeys) != 15 {
				t.Errorf("%d units, %d groups; want 300 and 15", got.nUnits, len(got.groupKeys))
			}
		}()
	}
}

// A name that is both an index and a bloc gives the bloc one spelling: the
// index's first spelling does not hide the bloc's.
func TestIndexAndBlocSpelledAlike(t *testing.T) {
	ds := mustLoad(t, map[string]string{"a.csv": "year,index,bloc,unit,total\n" +
		"2021,Khối A,Khối A,Đơn vị 1,90\n" +
		"2021,Khối A,khối a,Đơn vị 2,80\n"})
	for _, r := range ds.Records {
		if r.Bloc != "Khối A" || r.Index != "Khối A" {
			t.Errorf("%s: index %q, bloc %q; want both \"Khối A\"", r.Unit, r.Index, r.Bloc)
		}
	}
}

func TestCountByteMatchesBytesCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, size := range []int{0, 1, 100, 9 << 20, 13<<20 + 7} {
		text := make([]byte, size)
		for i := range text {
			text[i] = "ab\n,"[rng.IntN(4)]
		}
		if got, want := countByte(text, '\n'), bytes.Count(text, []byte{'\n'}); got != want {
			t.Errorf("size %d: countByte = %d, bytes.Count = %d", size, got, want)
		}
	}
}

// vietFast passes ordinary Vietnamese text, at any alignment.
func TestVietFastPassesVietnamese(t *testing.T) {
	text := "Trung tâm Dân tộc và Tôn giáo Thạnh Quang,Huyện Đắk Glong,Ủy ban nhân dân,ĐẶNG Ữ Ỹ ơ ư đ\n"
	for cut := 0; cut < 9; cut++ {
		s := strings.Repeat(text, 5)[cut:]
		s = s[:len(s)-cut]
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
		for len(s) > 0 {
			if r, size := utf8.DecodeLastRuneInString(s); r != utf8.RuneError || size > 1 {
				break
			}
			s = s[:len(s)-1]
		}
		if len(s) < 400 || !utf8.ValidString(s) {
			t.Fatalf("test text %q", s)
		}
		if !vietFast([]byte(s)) {
			t.Fatalf("vietFast(%q) = false", s)
		}
	}
}

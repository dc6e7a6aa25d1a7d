package analysis

import (
	"cmp"
	"slices"
)

// Scores are compared at 2 decimals, as whole cents. Published scores have
// a small range in cents, so ordering and ranking count instead of sorting
// when the range allows (O(n + range)); otherwise they sort.

// smallRange reports whether counting over [lo, hi] beats sorting n
// values. The width is taken unsigned: hi-lo of any two int64 keys fits in
// a uint64, where it could wrap to a negative int64.
func smallRange(lo, hi int64, n int) bool {
	return uint64(hi)-uint64(lo) < uint64(4*n+4096)
}

func bounds(cs []int64) (lo, hi int64) {
	lo, hi = cs[0], cs[0]
	for _, c := range cs[1:] {
		lo, hi = min(lo, c), max(hi, c)
	}
	return
}

// sortDesc reorders idx so that key(idx[k]) is descending; equal keys keep
// their order.
func sortDesc(idx []int, key func(int) int64) {
	n := len(idx)
	if n < 2 {
		return
	}
	ks := make([]int64, n)
	for k, i := range idx {
		ks[k] = key(i)
	}
	lo, hi := bounds(ks)
	if !smallRange(lo, hi, n) {
		pos := make([]int, n)
		for k := range pos {
			pos[k] = k
		}
		slices.SortStableFunc(pos, func(x, y int) int { return cmp.Compare(ks[y], ks[x]) })
		out := make([]int, n)
		for k, p := range pos {
			out[k] = idx[p]
		}
		copy(idx, out)
		return
	}
	start := make([]int, hi-lo+2) // bucket b holds key hi-b
	for _, c := range ks {
		start[hi-c+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	out := make([]int, n)
	for k, i := range idx {
		b := hi - ks[k]
		out[start[b]] = i
		start[b]++
	}
	copy(idx, out)
}

// rankAndMedian sets ranks[k] = 1 + the number of values greater than cs[k]
// (competition ranks) and, when vals (the unrounded values, vals[k] rounding
// to cs[k]) is given, returns their median. vals is reordered.
func rankAndMedian(cs []int64, vals []float64, ranks []int32) float64 {
	n := len(cs)
	if n == 0 {
		return 0
	}
	lo, hi := bounds(cs)
	if !smallRange(lo, hi, n) {
		asc := slices.Clone(cs)
		slices.Sort(asc)
		for k, c := range cs {
			j, _ := slices.BinarySearch(asc, c+1)
			ranks[k] = int32(1 + n - j)
		}
		if vals == nil {
			return 0
		}
		return median(vals)
	}
	count := make([]int32, hi-lo+1)
	for _, c := range cs {
		count[c-lo]++
	}
	med := 0.0
	if vals != nil {
		// the median's neighbours sit in the buckets of the (n-1)/2-th and
		// n/2-th smallest values: select within those buckets only
		a, b := (n-1)/2, n/2
		var ca, cb int64
		foundA := false // cents can be negative: no sentinel value
		below, belowA, belowB := 0, 0, 0
		for x, c := range count {
			if !foundA && below+int(c) > a {
				ca, belowA, foundA = lo+int64(x), below, true
			}
			if below+int(c) > b {
				cb, belowB = lo+int64(x), below
				break
			}
			below += int(c)
		}
		pick := func(bucket int64, k int) float64 {
			var in []float64
			for j, c := range cs {
				if c == bucket {
					in = append(in, vals[j])
				}
			}
			return kth(in, k)
		}
		va := pick(ca, a-belowA)
		vb := va
		if cb != ca || b != a {
			vb = pick(cb, b-belowB)
		}
		med = (va + vb) / 2
		if a == b {
			med = va
		}
	}
	var run int32
	for x := len(count) - 1; x >= 0; x-- {
		run, count[x] = run+count[x], run
	}
	for k, c := range cs {
		ranks[k] = 1 + count[c-lo]
	}
	return med
}

// kth returns the k-th smallest value (0-based) of v, reordering v.
func kth(v []float64, k int) float64 {
	lo, hi := 0, len(v)-1
	for lo < hi {
		// median of three as pivot
		mid := lo + (hi-lo)/2
		if v[mid] < v[lo] {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if v[hi] < v[lo] {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if v[hi] < v[mid] {
			v[hi], v[mid] = v[mid], v[hi]
		}
		p := v[mid]
		i, j := lo, hi
		for i <= j {
			for v[i] < p {
				i++
			}
			for v[j] > p {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return v[k]
		}
	}
	return v[k]
}

// median returns the median of v, reordering v.
func median(v []float64) float64 {
	n := len(v)
	m := kth(v, n/2)
	if n%2 == 1 {
		return m
	}
	// the largest value below position n/2
	lower := v[0]
	for _, x := range v[1 : n/2] {
		lower = max(lower, x)
	}
	return (lower + m) / 2
}

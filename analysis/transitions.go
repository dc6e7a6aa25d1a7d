package analysis

import (
	"math"
	"math/bits"
	"slices"

	"github.com/parlens/parlens/data"
)

// UnitRef names a unit.
type UnitRef struct {
	UnitID   string  `json:"unit_id"`
	Unit     string  `json:"unit"`
	UnitCode *string `json:"unit_code"`
}

// TransitionCell is one cell of a grade transition matrix.
type TransitionCell struct {
	Count int       `json:"count"`
	Units []UnitRef `json:"units"` // named as in the later year
}

// Transition compares a bloc's grades and ranks between two years.
// Units are matched by unit id, through units.csv lineage.
type Transition struct {
	Index  string   `json:"index"`
	Bloc   string   `json:"bloc"`
	From   int      `json:"from"`
	To     int      `json:"to"`
	Grades []string `json:"grades"` // best first: every grade of either year
	// Matrix[i][j] holds the units with Grades[i] in From and Grades[j] in To.
	Matrix   [][]TransitionCell `json:"matrix"`
	Up       int                `json:"up"`   // units with a better grade in To
	Down     int                `json:"down"` // units with a worse grade in To
	Same     int                `json:"same"`
	OnlyFrom []UnitRef          `json:"only_from"` // units in From only
	OnlyTo   []UnitRef          `json:"only_to"`   // units in To only
	Ungraded []UnitRef          `json:"ungraded"`  // units in both years without a grade in one of them
	// KendallTau is Kendall's τ-b between the two rankings over the units
	// ranked in both years (KendallN of them); nil when it is undefined.
	KendallTau *float64 `json:"kendall_tau_b"`
	KendallN   int      `json:"kendall_n"`
}

// Transitions compares every bloc with data in either year, in bloc order.
func (a *Analysis) Transitions(index string, from, to int) []Transition {
	ix := a.byIndex[index]
	if ix == nil {
		return []Transition{}
	}
	out := []Transition{}
	for _, b := range ix.blocs {
		if t, ok := a.Transition(data.Slice{Index: index, Year: from, Bloc: b}, to); ok {
			out = append(out, t)
		}
	}
	return out
}

// Transition compares one bloc between two years: the slice from (usually
// last year's) and the same index and bloc in year to. ok is false when the
// bloc has data in neither year.
func (a *Analysis) Transition(from data.Slice, to int) (Transition, bool) {
	gf, gt := a.group(from), a.group(from.WithYear(to))
	if gf == nil && gt == nil {
		return Transition{}, false
	}
	t := Transition{
		Index: from.Index, Bloc: from.Bloc, From: from.Year, To: to,
		Grades: []string{}, Matrix: [][]TransitionCell{},
		OnlyFrom: []UnitRef{}, OnlyTo: []UnitRef{}, Ungraded: []UnitRef{},
	}

	// grade axis: union of both years' grade keys, labelled by the later year
	var keys []gradeKey
	labels := map[gradeKey]string{}
	for _, g := range []*group{gt, gf} {
		if g == nil {
			continue
		}
		for _, c := range g.gradeCounts() {
			if _, ok := labels[c.key]; !ok {
				labels[c.key] = c.label
				keys = append(keys, c.key)
			}
		}
	}
	slices.SortFunc(keys, cmpGradeKey)
	pos := map[gradeKey]int{}
	for i, k := range keys {
		pos[k] = i
		t.Grades = append(t.Grades, labels[k])
	}
	t.Matrix = make([][]TransitionCell, len(keys))
	for i := range t.Matrix {
		t.Matrix[i] = make([]TransitionCell, len(keys))
		for j := range t.Matrix[i] {
			t.Matrix[i][j].Units = []UnitRef{}
		}
	}

	matched := map[*entry]bool{}
	var xs, ys []float64
	if gt != nil {
		for _, i := range gt.rows {
			e := &gt.entries[i]
			var p *entry
			if gf != nil {
				p = e.unit.at(gf)
			}
			ref := refOf(e)
			if p == nil {
				t.OnlyTo = append(t.OnlyTo, ref)
				continue
			}
			matched[p] = true
			if p.ranked() && e.ranked() {
				xs = append(xs, float64(p.rank))
				ys = append(ys, float64(e.rank))
			}
			if !p.gk.has() || !e.gk.has() {
				t.Ungraded = append(t.Ungraded, ref)
				continue
			}
			c := &t.Matrix[pos[p.gk]][pos[e.gk]]
			c.Count++
			c.Units = append(c.Units, ref)
			switch d := cmpGradeKey(e.gk, p.gk); {
			case d < 0:
				t.Up++
			case d > 0:
				t.Down++
			default:
				t.Same++
			}
		}
	}
	if gf != nil {
		for _, i := range gf.rows {
			if e := &gf.entries[i]; !matched[e] {
				t.OnlyFrom = append(t.OnlyFrom, refOf(e))
			}
		}
	}
	t.KendallN = len(xs)
	if tau, ok := KendallTauB(xs, ys); ok {
		t.KendallTau = &tau
	}
	return t, true
}

func refOf(e *entry) UnitRef {
	return UnitRef{UnitID: e.rec.UnitID, Unit: e.rec.Unit, UnitCode: e.unitCode()}
}

// KendallTauB returns Kendall's τ-b between two paired samples (ties handled
// as in τ-b: (C − D) / √((n0 − n1)(n0 − n2))). ok is false when the lengths
// differ, there are fewer than two pairs, or either sample is all tied.
// It runs in O(n log n) (Knight's method: sort by x, then count the pairs
// a merge sort of y swaps), so a bloc of 70,000 units takes milliseconds,
// not the seconds of comparing every pair; with a NaN, which no order
// holds, it compares every pair.
func KendallTauB(x, y []float64) (tau float64, ok bool) {
	n := len(x)
	if n != len(y) || n < 2 {
		return 0, false
	}
	if slices.ContainsFunc(x, math.IsNaN) || slices.ContainsFunc(y, math.IsNaN) {
		return kendallPairs(x, y)
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmpF(x[a], x[b]); c != 0 {
			return c
		}
		return cmpF(y[a], y[b])
	})
	// n1: pairs tied in x; n3: pairs tied in both (runs of y within a run of x)
	var n1, n3 int64
	for i := 0; i < n; {
		j := i + 1
		for j < n && x[idx[j]] == x[idx[i]] {
			j++
		}
		n1 += pairs(j - i)
		for k := i; k < j; {
			l := k + 1
			for l < j && y[idx[l]] == y[idx[k]] {
				l++
			}
			n3 += pairs(l - k)
			k = l
		}
		i = j
	}
	ys := make([]float64, n)
	for i, k := range idx {
		ys[i] = y[k]
	}
	// D: the pairs ordered by x whose y is strictly out of order
	disc := mergeCountingSwaps(ys, make([]float64, n))
	// n2: pairs tied in y (ys is sorted now)
	var n2 int64
	for i := 0; i < n; {
		j := i + 1
		for j < n && ys[j] == ys[i] {
			j++
		}
		n2 += pairs(j - i)
		i = j
	}
	n0 := pairs(n)
	den := math.Sqrt(float64(n0-n1) * float64(n0-n2))
	if den == 0 {
		return 0, false
	}
	// C + D = n0 − n1 − n2 + n3
	return float64(n0-n1-n2+n3-2*disc) / den, true
}

// pairs is k choose 2.
func pairs(k int) int64 { return int64(k) * int64(k-1) / 2 }

// mergeCountingSwaps sorts s (buf is scratch of its length) and returns the
// number of pairs i < j with s[i] > s[j]: a bottom-up merge sort.
func mergeCountingSwaps(s, buf []float64) int64 {
	var swaps int64
	n := len(s)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if s[j] < s[i] {
					buf[k] = s[j]
					swaps += int64(mid - i)
					j++
				} else {
					buf[k] = s[i]
					i++
				}
				k++
			}
			k += copy(buf[k:], s[i:mid])
			copy(buf[k:], s[j:hi])
		}
		s, buf = buf, s
	}
	if n > 1 && bits.Len(uint(n-1))%2 == 1 {
		// the sorted values are in the caller's scratch: copy them back
		copy(buf, s)
	}
	return swaps
}

// kendallPairs is τ-b by comparing every pair: O(n²).
func kendallPairs(x, y []float64) (tau float64, ok bool) {
	n := len(x)
	var conc, disc, tx, ty int64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			dx, dy := cmpF(x[i], x[j]), cmpF(y[i], y[j])
			switch {
			case dx == 0 && dy == 0:
				tx++
				ty++
			case dx == 0:
				tx++
			case dy == 0:
				ty++
			case dx == dy:
				conc++
			default:
				disc++
			}
		}
	}
	n0 := int64(n) * int64(n-1) / 2
	den := math.Sqrt(float64(n0-tx) * float64(n0-ty))
	if den == 0 {
		return 0, false
	}
	return float64(conc-disc) / den, true
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

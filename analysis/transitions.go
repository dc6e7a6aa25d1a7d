package analysis

import (
	"math"
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
	return UnitRef{UnitID: e.rec.UnitID, Unit: e.rec.Unit, UnitCode: e.code}
}

// KendallTauB returns Kendall's τ-b between two paired samples (ties handled
// as in τ-b: (C − D) / √((n0 − n1)(n0 − n2))). ok is false when the lengths
// differ, there are fewer than two pairs, or either sample is all tied.
// It runs in O(n²), which is fine for bloc sizes.
func KendallTauB(x, y []float64) (tau float64, ok bool) {
	n := len(x)
	if n != len(y) || n < 2 {
		return 0, false
	}
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

package analysis

import (
	"cmp"
	"slices"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// The tree view: every unit's areas, criteria and sub-criteria with its
// score, its applicable maximum, and the bloc's mean and best beside it.
// The flat component views (components.go) show the areas only; this one
// shows the whole tree the files give (data.Tree).

// Levels of the tree, as CriterionRow.Level gives them.
const (
	LevelArea      = 0
	LevelCriterion = 1
	LevelSub       = 2
)

// CriterionRow is one unit's result on one component of the tree in a
// year. Bloc statistics are over the bloc's units that are not marked
// not-ranked and have a score on the component (a criterion marked not
// applicable is no score).
type CriterionRow struct {
	Level  int      `json:"level"`  // 0 area, 1 criterion, 2 sub-criterion (and deeper)
	Key    string   `json:"key"`    // the component's key
	Code   *string  `json:"code"`   // its code, when the files give one
	Parent *string  `json:"parent"` // the parent's key; null for an area
	Name   string   `json:"name"`   // its name that year
	Bonus  bool     `json:"bonus"`  // bonus points (điểm thưởng): in the total, never points lost
	Score  *float64 `json:"score"`  // null when missing or not applicable
	// NotApplicable: the criterion does not apply to the unit ("KPS"); its
	// maximum leaves the unit's applicable maximum.
	NotApplicable bool     `json:"not_applicable"`
	Max           *float64 `json:"max"`            // maximum points that year, when known
	ApplicableMax *float64 `json:"applicable_max"` // max less the maxima of parts not applicable to the unit
	Share         *float64 `json:"share"`          // score / applicable_max × 100
	BlocMean      *float64 `json:"bloc_mean"`
	BlocBest      *float64 `json:"bloc_best"`
	BlocUnits     int      `json:"bloc_units"`   // units in the bloc statistics
	Lost          *float64 `json:"lost"`         // applicable_max − score: points the unit did not earn
	VsBlocMean    *float64 `json:"vs_bloc_mean"` // bloc_mean − score: points below the bloc's mean (negative: above)
	VsBlocBest    *float64 `json:"vs_bloc_best"` // bloc_best − score
	Change        *float64 `json:"change"`       // score − the unit's score on the component last year
	// SelfAssessed is the unit's own score on the component, where the
	// files give one ("Điểm tự đánh giá / 1.1"); SelfGap is it less score.
	SelfAssessed *float64 `json:"self_assessed"`
	SelfGap      *float64 `json:"self_gap"`
}

// UnitTree is one unit's tree in a year.
type UnitTree struct {
	Index    string   `json:"index"`
	Year     int      `json:"year"`
	Bloc     string   `json:"bloc"`
	PrevYear *int     `json:"prev_year"`
	UnitID   string   `json:"unit_id"`
	Unit     string   `json:"unit"`
	UnitCode *string  `json:"unit_code"`
	Score    *float64 `json:"score"`
	Rank     *int     `json:"rank"`
	// ApplicableMax is the total's maximum over the points that apply to
	// the unit (bonus left out); Share the total as a share of it.
	ApplicableMax *float64 `json:"applicable_max"`
	Share         *float64 `json:"share"`
	// Partial: the year's table is partial, so the rows carry no bloc
	// mean or best (the units published are not the bloc).
	Partial bool           `json:"partial"`
	Rows    []CriterionRow `json:"rows"` // depth first: an area, its criteria, each followed by its sub-criteria
}

// BlocTree is every unit's tree in a bloc and year, in league-table order.
type BlocTree struct {
	Index string     `json:"index"`
	Year  int        `json:"year"`
	Bloc  string     `json:"bloc"`
	Units []UnitTree `json:"units"`
}

// treeCache is what every unit's tree in a group shares.
type treeCache struct {
	order []int // component indices with a score in the group, depth first
	mean  []float64
	best  []float64
	n     []int
}

func (a *Analysis) treeCacheOf(g *group) *treeCache {
	g.treeOnce.Do(func() { g.tree = a.buildTreeCache(g) })
	return g.tree
}

func (a *Analysis) buildTreeCache(g *group) *treeCache {
	nc := len(a.ds.Components)
	used := make([]bool, nc)
	sums := make([]orderFreeSum, nc)
	tc := &treeCache{mean: make([]float64, nc), best: make([]float64, nc), n: make([]int, nc)}
	whole := g.complete() // a partial table's units are not the bloc: no mean, no best
	for i := range g.entries {
		r := g.entries[i].rec
		for c := range nc {
			v := r.Score(c)
			if !data.IsMissing(v) || data.IsNotApplicable(v) {
				used[c] = true
			}
			if data.IsMissing(v) || r.NotRanked || !whole {
				continue
			}
			if tc.n[c] == 0 || v > tc.best[c] {
				tc.best[c] = v
			}
			sums[c].add(v)
			tc.n[c]++
		}
	}
	for c := range nc {
		if tc.n[c] > 0 {
			tc.mean[c] = sums[c].mean(tc.n[c])
		}
	}
	var walk func(c int)
	walk = func(c int) {
		if used[c] { // a parent without a score (a part missing) still shows its parts
			tc.order = append(tc.order, c)
		}
		for _, ch := range a.tree.Children[c] {
			walk(ch)
		}
	}
	for _, r := range a.tree.Roots {
		walk(r)
	}
	return tc
}

// Tree returns every unit's tree in a bloc and year, in league-table order.
func (a *Analysis) Tree(sl data.Slice) (BlocTree, bool) {
	g := a.group(sl)
	if g == nil {
		return BlocTree{}, false
	}
	bt := BlocTree{Index: g.index, Year: g.year, Bloc: g.bloc, Units: make([]UnitTree, len(g.entries))}
	for i := range g.entries {
		bt.Units[g.rowAt[i]] = a.unitTree(&g.entries[i])
	}
	return bt, true
}

// UnitTree returns one unit's tree in a year.
func (a *Analysis) UnitTree(index string, year int, unitID string) (UnitTree, bool) {
	e := a.entryOf(index, year, unitID)
	if e == nil {
		return UnitTree{}, false
	}
	return a.unitTree(e), true
}

// HasTree reports whether the dataset's components form a tree (some
// component has a parent).
func (a *Analysis) HasTree() bool { return !a.tree.Flat() }

func (a *Analysis) unitTree(e *entry) UnitTree {
	g, r := e.g, e.rec
	tc := a.treeCacheOf(g)
	u := UnitTree{Index: g.index, Year: g.year, Bloc: g.bloc, UnitID: r.UnitID, Unit: r.Unit, UnitCode: e.unitCode(),
		Rows: make([]CriterionRow, 0, len(tc.order))}
	if g.prev != nil {
		u.PrevYear = &g.prev.year
	}
	u.Partial = !g.complete()
	if r.HasTotal() {
		u.Score = &r.Total
		if m, ok := a.ds.ApplicableTotalMax(a.tree, r); ok && m > 0 {
			u.ApplicableMax, u.Share = ptr(m), ptr(r.Total/m*100)
		}
	}
	if e.ranked() {
		u.Rank = &e.rank
	}
	for _, c := range tc.order {
		comp := &a.ds.Components[c]
		row := CriterionRow{Level: a.tree.Depth[c], Key: comp.Key, Code: optStr(comp.Code), Name: comp.NameIn(g.year), Bonus: comp.Bonus, BlocUnits: tc.n[c]}
		if p := a.tree.Parent[c]; p >= 0 {
			row.Parent = &a.ds.Components[p].Key
		}
		v := r.Score(c)
		row.NotApplicable = data.IsNotApplicable(v)
		if m, ok := comp.Max(g.year); ok {
			row.Max = ptr(m)
		}
		if m, ok := a.ds.ApplicableMax(a.tree, r, c); ok {
			row.ApplicableMax = ptr(m)
		}
		if tc.n[c] > 0 {
			row.BlocMean, row.BlocBest = ptr(tc.mean[c]), ptr(tc.best[c])
		}
		if s := a.tree.SelfOf[c]; s >= 0 {
			if sv := r.Score(s); !data.IsMissing(sv) {
				row.SelfAssessed = ptr(sv)
				if !data.IsMissing(v) {
					row.SelfGap = ptr(scoreChange(sv, v))
				}
			}
		}
		if !data.IsMissing(v) {
			row.Score = ptr(v)
			if row.ApplicableMax != nil {
				if !row.Bonus {
					row.Lost = ptr(*row.ApplicableMax - v)
				}
				if *row.ApplicableMax > 0 {
					row.Share = ptr(v / *row.ApplicableMax * 100)
				}
			}
			if row.BlocMean != nil {
				row.VsBlocMean, row.VsBlocBest = ptr(*row.BlocMean-v), ptr(*row.BlocBest-v)
			}
			if e.prev != nil {
				if pv := e.prev.rec.Score(c); !data.IsMissing(pv) {
					row.Change = ptr(scoreChange(v, pv))
				}
			}
		}
		u.Rows = append(u.Rows, row)
	}
	return u
}

// MostLost returns up to n rows of a unit's tree at a level where it is
// furthest below the bloc's mean (largest vs_bloc_mean first, only rows
// below the mean, bonus points left out; ties in tree order).
func (u *UnitTree) MostLost(level, n int) []CriterionRow {
	var out []CriterionRow
	for _, r := range u.Rows {
		// below the mean as the tables print it (two decimals)
		if r.Level == level && !r.Bonus && r.VsBlocMean != nil && numfmt.Cents(*r.VsBlocMean) > 0 {
			out = append(out, r)
		}
	}
	// stable: tree order among equals
	slices.SortStableFunc(out, func(x, y CriterionRow) int { return cmp.Compare(*y.VsBlocMean, *x.VsBlocMean) })
	return out[:min(n, len(out))]
}

// AtLevel returns the rows of a unit's tree at a level or above (areas
// only, areas and criteria, or everything).
func (u *UnitTree) AtLevel(level int) []CriterionRow {
	var out []CriterionRow
	for _, r := range u.Rows {
		if r.Level <= level {
			out = append(out, r)
		}
	}
	return out
}

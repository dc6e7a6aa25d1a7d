package analysis

import (
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// A branch of the tree across a bloc: an area (or a criterion) and its
// parts, each with the bloc's mean, best and the points the bloc's units
// lost on it. The dashboard shows it when an area is opened into its
// criteria; a unit's own rows are in its UnitTree.

// TreePart is one component of the tree across a bloc in a year. Its
// statistics are over the bloc's units that are not marked not-ranked and
// have a score on it, as CriterionRow's bloc_mean and bloc_best are.
type TreePart struct {
	Level    int      `json:"level"`
	Key      string   `json:"key"`
	Code     *string  `json:"code"`
	Name     string   `json:"name"`
	HasParts bool     `json:"has_parts"` // criteria (or sub-criteria) under it carry scores
	Bonus    bool     `json:"bonus"`     // bonus points (điểm thưởng): never points lost
	Max      *float64 `json:"max"`       // maximum points that year, when known
	Units    int      `json:"units"`     // units in the statistics
	// NotApplicable counts the bloc's units for which the component does
	// not apply ("KPS").
	NotApplicable int      `json:"not_applicable"`
	Mean          *float64 `json:"mean"`
	Best          *float64 `json:"best"`
	// BestUnits are the units at the best score (to 2 decimals), in
	// league-table order.
	BestUnits []string `json:"best_units"` // unit IDs
	// LostMean is the mean over the units in the statistics of their
	// applicable maximum less their score (a unit whose applicable maximum
	// is unknown is left out; nil when none is left, and for bonus points).
	LostMean *float64 `json:"lost_mean"`
}

// TreeBranch is a component and its parts (direct children) across a bloc.
type TreeBranch struct {
	Index string     `json:"index"`
	Year  int        `json:"year"`
	Bloc  string     `json:"bloc"`
	Node  TreePart   `json:"node"`
	Parts []TreePart `json:"parts"` // in dataset order; parts without any score in the bloc are left out
}

// TreeBranch returns the component with that key and its parts across a
// bloc in a year; false when the bloc has no results that year or no
// score on the component.
func (a *Analysis) TreeBranch(sl data.Slice, key string) (TreeBranch, bool) {
	g := a.group(sl)
	if g == nil {
		return TreeBranch{}, false
	}
	c := a.componentByKey(key)
	tc := a.treeCacheOf(g)
	inTree := make(map[int]bool, len(tc.order))
	for _, i := range tc.order {
		inTree[i] = true
	}
	if c < 0 || !inTree[c] {
		return TreeBranch{}, false
	}
	br := TreeBranch{Index: g.index, Year: g.year, Bloc: g.bloc, Node: a.treePart(g, tc, c, inTree)}
	for _, ch := range a.tree.Children[c] {
		if inTree[ch] {
			br.Parts = append(br.Parts, a.treePart(g, tc, ch, inTree))
		}
	}
	return br, true
}

// componentByKey is the index of the component with that key, or -1.
func (a *Analysis) componentByKey(key string) int {
	for i := range a.ds.Components {
		if a.ds.Components[i].Key == key {
			return i
		}
	}
	return -1
}

// treePart is component c across group g.
func (a *Analysis) treePart(g *group, tc *treeCache, c int, inTree map[int]bool) TreePart {
	comp := &a.ds.Components[c]
	p := TreePart{Level: a.tree.Depth[c], Key: comp.Key, Code: optStr(comp.Code), Name: comp.NameIn(g.year), Bonus: comp.Bonus, Units: tc.n[c]}
	for _, ch := range a.tree.Children[c] {
		p.HasParts = p.HasParts || inTree[ch]
	}
	if m, ok := comp.Max(g.year); ok {
		p.Max = ptr(m)
	}
	if tc.n[c] > 0 {
		p.Mean, p.Best = ptr(tc.mean[c]), ptr(tc.best[c])
	}
	var lost orderFreeSum
	nLost := 0
	for _, i := range g.rows {
		r := g.entries[i].rec
		v := r.Score(c)
		if data.IsNotApplicable(v) {
			p.NotApplicable++
		}
		if data.IsMissing(v) || r.NotRanked || tc.n[c] == 0 { // no bloc figures on a partial table
			continue
		}
		if numfmt.Cents(v) == numfmt.Cents(tc.best[c]) {
			p.BestUnits = append(p.BestUnits, r.UnitID)
		}
		if m, ok := a.ds.ApplicableMax(a.tree, r, c); ok && !p.Bonus {
			lost.add(m - v)
			nLost++
		}
	}
	if nLost > 0 && nLost == tc.n[c] { // a mean over some of the units would not be the bloc's
		p.LostMean = ptr(lost.mean(nLost))
	}
	return p
}

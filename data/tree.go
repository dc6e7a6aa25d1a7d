package data

import (
	"math"
	"slices"
)

// The PAR Index is a tree: areas (lĩnh vực), their criteria (tiêu chí),
// their sub-criteria (tiêu chí thành phần). A component knows its parent
// by key (Component.Parent): from components.csv's parent column, else
// from its code ("1.2" is under "1", "TC1.2.3" under "1.2"), else from a
// merged header ("Lĩnh vực 1 / 1.1"). Scores roll up: an area the file
// leaves empty is the sum of its criteria when every one is given or not
// applicable; an area given beside its criteria must agree with their sum,
// and a disagreement is a warning naming both values (the given one is
// kept). Totals are summed over the components with no ancestor given, so
// nothing is counted twice.

// Tree is the components' hierarchy, by index into Dataset.Components.
type Tree struct {
	Parent   []int   // each component's parent; -1 for an area (a root)
	Children [][]int // each component's children, in dataset order
	Depth    []int   // 0 for an area, 1 for a criterion, 2 for a sub-criterion…
	Roots    []int   // the areas, in dataset order
	// SelfOf is, for each component, the component holding the unit's
	// self-assessed scores of it (-1: none); self-assessed components are
	// in no other list and never summed.
	SelfOf []int
	self   []bool
}

// Tree returns the components' hierarchy. A parent key that names no
// component (a dataset built by hand) leaves the component a root.
func (d *Dataset) Tree() *Tree {
	n := len(d.Components)
	t := &Tree{Parent: make([]int, n), Children: make([][]int, n), Depth: make([]int, n), SelfOf: make([]int, n), self: make([]bool, n)}
	byKey := make(map[string]int, n)
	for i := range d.Components {
		byKey[d.Components[i].Key] = i
	}
	for i := range d.Components {
		t.Parent[i], t.SelfOf[i] = -1, -1
	}
	for i := range d.Components {
		c := &d.Components[i]
		if p, ok := byKey[c.SelfFor]; ok && c.SelfFor != "" && p != i {
			t.self[i], t.SelfOf[p] = true, i
			continue
		}
		if p, ok := byKey[c.Parent]; ok && c.Parent != "" && p != i {
			t.Parent[i] = p
		}
	}
	for i := range n {
		if t.self[i] {
			continue
		}
		if t.Parent[i] < 0 {
			t.Roots = append(t.Roots, i)
			continue
		}
		t.Children[t.Parent[i]] = append(t.Children[t.Parent[i]], i)
		// depth, guarded against a cycle in a hand-built dataset
		for p, steps := t.Parent[i], 0; p >= 0 && steps < n; p, steps = t.Parent[p], steps+1 {
			t.Depth[i]++
		}
	}
	return t
}

// Flat reports a dataset whose components are all areas (self-assessed
// columns aside).
func (t *Tree) Flat() bool {
	for _, p := range t.Parent {
		if p >= 0 {
			return false
		}
	}
	return true
}

// IsSelf reports whether component i holds self-assessed scores.
func (t *Tree) IsSelf(i int) bool { return t.self[i] }

// hasSelf reports whether some component holds self-assessed scores.
func (t *Tree) hasSelf() bool { return slices.Contains(t.self, true) }

// summed reports whether component g counts in a record's total: no
// ancestor of it has a score, and it is not an empty parent whose parts
// are given (they count instead). A nil tree is flat: everything counts.
func (t *Tree) summed(g int, r *Record) bool {
	if t == nil {
		return true
	}
	if t.self[g] {
		return false // the unit's own score, never summed
	}
	for p, steps := t.Parent[g], 0; p >= 0 && steps < len(t.Parent); p, steps = t.Parent[p], steps+1 {
		if p < r.NumScores() && !r.missingAt(p) {
			return false
		}
	}
	return !(g < r.NumScores() && r.missingAt(g) && t.anyGiven(g, r))
}

// anyGiven reports whether some descendant of g has a score or is marked
// not applicable.
func (t *Tree) anyGiven(g int, r *Record) bool {
	for _, c := range t.Children[g] {
		if c < r.NumScores() && (!r.missingAt(c) || r.notApplicableAt(c)) || t.anyGiven(c, r) {
			return true
		}
	}
	return false
}

// NotApplicable is the score of a criterion that does not apply to a unit
// ("KPS", "Không phát sinh"): missing to every sum (IsMissing is true),
// and its maximum leaves the unit's applicable maximum. It is a NaN of its
// own, so it travels wherever a score is copied.
var NotApplicable = math.Float64frombits(0x7ff8_0000_4b50_5301)

// IsNotApplicable reports whether a score is the not-applicable mark.
func IsNotApplicable(v float64) bool {
	return math.Float64bits(v) == math.Float64bits(NotApplicable)
}

// notApplicableMarks are the cells that say a criterion does not apply to
// the unit, folded. ("N/A" stays a missing mark: offices use it for a
// score not yet entered as often as for a criterion that does not apply.)
var notApplicableMarks = map[string]bool{
	"kps": true, "khong phat sinh": true, "k p s": true, "khong ap dung": true, "not applicable": true,
}

// isNotApplicableMark reports whether a score cell marks a criterion that
// does not apply to the unit.
func isNotApplicableMark(cell string) bool {
	t := trimSpace(cell)
	return len(t) >= 3 && len(t) <= 24 && notApplicableMarks[Fold(t)]
}

// ApplicableMax returns component i's maximum for a record, less the
// maxima of its parts marked not applicable (0 when the component itself
// is); false when a maximum it needs is unknown.
func (d *Dataset) ApplicableMax(t *Tree, r *Record, i int) (float64, bool) {
	if IsNotApplicable(r.Score(i)) {
		return 0, true
	}
	m, ok := d.Components[i].Max(r.Year)
	if !ok {
		return 0, false
	}
	out, ok := d.notApplicablePoints(t, r, i)
	return m - out, ok
}

// notApplicablePoints is the maxima of component i's parts marked not
// applicable for a record (the highest such part of each branch).
func (d *Dataset) notApplicablePoints(t *Tree, r *Record, i int) (float64, bool) {
	sum := 0.0
	for _, c := range t.Children[i] {
		if IsNotApplicable(r.Score(c)) {
			m, ok := d.Components[c].Max(r.Year)
			if !ok {
				return 0, false
			}
			sum += m
			continue
		}
		s, ok := d.notApplicablePoints(t, r, c)
		if !ok {
			return 0, false
		}
		sum += s
	}
	return sum, true
}

// ApplicableTotalMax is a record's maximum total over the points that apply
// to it: the areas' applicable maxima, bonus points left out. False when an
// area's maximum is unknown.
func (d *Dataset) ApplicableTotalMax(t *Tree, r *Record) (float64, bool) {
	sum := 0.0
	for _, i := range t.Roots {
		if d.Components[i].Bonus {
			continue
		}
		m, ok := d.ApplicableMax(t, r, i)
		if !ok {
			return 0, false
		}
		sum += m
	}
	return sum, len(t.Roots) > 0
}

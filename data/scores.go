package data

import (
	"math"
	"slices"
)

// A record's component scores are kept as codes of four bytes, not float64
// of eight: the scores are two thirds of a wide load's memory (38 cells a
// row on the L workload), kept through the analysis. A code is the score in
// ten-thousandths. float64(n)/10⁴ is the float nearest n/10⁴, and so is the
// float a parser reads from a decimal of at most four places (m/10^d, with
// n = m·10^(4−d)): a score written with up to four decimals, and a sum
// rounded to them, round-trips bit for bit. Any other value (more places,
// -0, beyond ±214,748, a NaN other than the two marks) is kept exactly in
// the record's notes, its cell coded scoreExact. encodeScore checks the
// round trip, so no score is ever changed by its code.
const (
	scoreMissing       int32 = math.MinInt32     // Missing
	scoreNotApplicable int32 = math.MinInt32 + 1 // NotApplicable
	scoreExact         int32 = math.MinInt32 + 2 // in Notes.exact
	scoreUnit                = 1e4
)

// tenThousandths[d] is 10^(4−d): a number of d decimals in ten-thousandths.
var tenThousandths = [...]uint64{1e4, 1e3, 1e2, 1e1, 1}

// encodeScore returns v's code; ok is false when the code is scoreExact and
// v must be kept beside it.
func encodeScore(v float64) (code int32, ok bool) {
	if v != v {
		switch math.Float64bits(v) {
		case math.Float64bits(Missing):
			return scoreMissing, true
		case math.Float64bits(NotApplicable):
			return scoreNotApplicable, true
		}
		return scoreExact, false
	}
	x := math.Round(v * scoreUnit)
	if !(x > float64(scoreExact) && x <= math.MaxInt32) { // ±Inf too
		return scoreExact, false
	}
	n := int32(x)
	if math.Float64bits(float64(n)/scoreUnit) != math.Float64bits(v) {
		return scoreExact, false
	}
	return n, true
}

// setScore sets the record's score on component i, which its scores reach.
func (r *Record) setScore(i int, v float64) {
	code, ok := encodeScore(v)
	if !ok {
		r.keepExact(i, v, len(r.scores))
	}
	r.scores[i] = code
}

// keepExact notes v as the record's score on component i, whose cell is
// (or will be) coded scoreExact; the record has (or will have) n scores.
// The exact values sit at their components' places, so a record of many
// such scores reads each at once; a place whose cell has a code holds
// nothing that counts.
func (r *Record) keepExact(i int, v float64, n int) {
	notes := r.note()
	if i >= len(notes.exact) {
		notes.exact = slices.Grow(notes.exact, max(i+1, n)-len(notes.exact))[:i+1]
	}
	notes.exact[i] = v
}

// Score returns the record's score on component i (Missing when absent).
func (r *Record) Score(i int) float64 {
	if uint(i) < uint(len(r.scores)) {
		if n := r.scores[i]; n > scoreExact {
			return float64(n) / scoreUnit
		}
		return r.special(i)
	}
	return Missing
}

// special is the score of a cell coded as a mark or scoreExact.
func (r *Record) special(i int) float64 {
	switch r.scores[i] {
	case scoreMissing:
		return Missing
	case scoreNotApplicable:
		return NotApplicable
	}
	if r.Notes != nil && i < len(r.Notes.exact) {
		return r.Notes.exact[i]
	}
	return Missing // never: a scoreExact cell has its value noted
}

// NumScores is how many components the record's scores reach; Score is
// Missing beyond.
func (r *Record) NumScores() int { return len(r.scores) }

// ScoreValues returns the record's scores, one per component its scores
// reach, in a new slice.
func (r *Record) ScoreValues() []float64 {
	out := make([]float64, len(r.scores))
	for i := range out {
		out[i] = r.Score(i)
	}
	return out
}

// SetScores sets the record's scores, one per component in dataset order.
func (r *Record) SetScores(v []float64) {
	if r.Notes != nil { // notes of its own: a copy of the record shares them
		n := *r.Notes
		n.exact = nil
		r.Notes = &n
	}
	if v == nil {
		r.scores = nil
		return
	}
	r.putScores(make([]int32, len(v)), v)
}

// putScores makes codes the record's scores, filled from v in component
// order (Missing beyond v), each value a code cannot hold kept beside it.
func (r *Record) putScores(codes []int32, v []float64) {
	r.scores = codes
	for i := range codes {
		x := Missing
		if i < len(v) {
			x = v[i]
		}
		code, ok := encodeScore(x)
		if !ok {
			r.keepExact(i, x, len(codes))
		}
		codes[i] = code
	}
}

// missingAt reports whether the record's score on component i is missing
// (or marked not applicable, which IsMissing counts as missing too).
func (r *Record) missingAt(i int) bool {
	if uint(i) >= uint(len(r.scores)) {
		return true
	}
	return r.scores[i] <= scoreExact && IsMissing(r.special(i))
}

// notApplicableAt reports whether the record's score on component i is
// marked not applicable.
func (r *Record) notApplicableAt(i int) bool {
	return uint(i) < uint(len(r.scores)) && r.scores[i] == scoreNotApplicable
}

// HasNotApplicable reports whether any score of the record is marked not
// applicable.
func (r *Record) HasNotApplicable() bool {
	for _, n := range r.scores {
		if n == scoreNotApplicable {
			return true
		}
	}
	return false
}

// moveExact moves the exact scores of a record's cells, noted at their
// columns' places (cols, the cells' codes in column order), to their
// components' (comps[j] for column j; a column no component takes drops
// its score, as its cell is dropped). n is how many components there are.
func moveExact(exact []float64, cols []int32, comps []int, n int) []float64 {
	out := make([]float64, n)
	for j, g := range comps {
		if g >= 0 && j < len(cols) && cols[j] == scoreExact && j < len(exact) {
			out[g] = exact[j]
		}
	}
	return out
}

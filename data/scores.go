package data

import (
	"math"
	"slices"
)

// A record's component scores are kept as codes, not float64 of eight
// bytes: as floats the scores were two thirds of a wide load's memory (38
// cells a row on the L workload), kept through the analysis. A code is the
// score in ten-thousandths. float64(n)/10⁴ is the float nearest n/10⁴, and
// so is the float a parser reads from a decimal of at most four places
// (m/10^d, with n = m·10^(4−d)): a score written with up to four decimals,
// and a sum rounded to them, round-trips bit for bit. Any other value (more places,
// -0, beyond ±214,748, a NaN other than the two marks) is kept exactly in
// the record's notes, its cell coded scoreExact. encodeScore checks the
// round trip, so no score is ever changed by its code.
//
// A record whose codes are all whole hundredths within ±327 (most data
// has two decimals) keeps each in two bytes, as hundredths: float64(m)/100
// is the float nearest m/100 = n/10⁴, the very float n decodes to. Any
// other record is wide: each code takes two int16 cells, high half first.
const (
	scoreMissing       int32 = math.MinInt32     // Missing
	scoreNotApplicable int32 = math.MinInt32 + 1 // NotApplicable
	scoreExact         int32 = math.MinInt32 + 2 // in Notes.exact
	scoreUnit                = 1e4

	// the same marks in a narrow record's hundredths
	narrowMissing       int16 = math.MinInt16
	narrowNotApplicable int16 = math.MinInt16 + 1
	narrowExact         int16 = math.MinInt16 + 2
	narrowUnit                = 1e2
)

// narrowCode is code in hundredths, when a narrow record can hold it.
func narrowCode(code int32) (int16, bool) {
	if code > scoreExact {
		if code%100 != 0 || code/100 <= int32(narrowExact) || code/100 > math.MaxInt16 {
			return 0, false
		}
		return int16(code / 100), true
	}
	return narrowMissing + int16(code-scoreMissing), true // the marks in order
}

// wideCode is the code of a narrow record's cell n.
func wideCode(n int16) int32 {
	if n > narrowExact {
		return int32(n) * 100
	}
	return scoreMissing + int32(n-narrowMissing)
}

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
		r.keepExact(i, v, r.NumScores())
	}
	r.setCode(i, code)
}

// code is the code of the record's cell i, which its scores reach.
func (r *Record) code(i int) int32 {
	if !r.wideScores {
		return wideCode(r.scores[i])
	}
	return int32(r.scores[2*i])<<16 | int32(uint16(r.scores[2*i+1]))
}

// setCode sets the code of the record's cell i, which its scores reach; a
// narrow record that cannot hold it turns wide.
func (r *Record) setCode(i int, code int32) {
	if !r.wideScores {
		if n, ok := narrowCode(code); ok {
			r.scores[i] = n
			return
		}
		r.widen()
	}
	r.scores[2*i], r.scores[2*i+1] = splitCode(code)
}

// splitCode is a wide record's two cells for code, high half first.
func splitCode(code int32) (hi, lo int16) { return int16(code >> 16), int16(uint16(code)) }

// widen makes the record's codes wide, in an array of their own.
func (r *Record) widen() {
	if r.wideScores {
		return
	}
	w := make([]int16, 2*len(r.scores))
	for i, n := range r.scores {
		w[2*i], w[2*i+1] = splitCode(wideCode(n))
	}
	r.scores, r.wideScores = w, true
}

// putCodes makes codes the record's scores in slot, narrow when every
// code fits, else wide (in slot when it has room for them, else in an
// array of their own). The record's scores then reach len(codes).
func (r *Record) putCodes(slot []int16, codes []int32) {
	n := len(codes)
	if cap(slot) < n {
		slot = make([]int16, n)
	}
	s := slot[:n:n]
	narrow := true
	for i, c := range codes {
		m, ok := narrowCode(c)
		if !ok {
			narrow = false
			break
		}
		s[i] = m
	}
	if narrow {
		r.scores, r.wideScores = s, false
		return
	}
	if cap(slot) < 2*n {
		slot = make([]int16, 2*n)
	}
	r.scores, r.wideScores = slot[:2*n:2*n], true
	for i, c := range codes {
		r.scores[2*i], r.scores[2*i+1] = splitCode(c)
	}
}

// appendCodes appends the codes of the record's cells to codes.
func (r *Record) appendCodes(codes []int32) []int32 {
	for i := range r.NumScores() {
		codes = append(codes, r.code(i))
	}
	return codes
}

// extendCodes makes the record's scores reach n components, Missing on
// the new ones.
func (r *Record) extendCodes(n int) {
	have := r.NumScores()
	if have >= n {
		return
	}
	cell := []int16{narrowMissing}
	if r.wideScores {
		hi, lo := splitCode(scoreMissing)
		cell = []int16{hi, lo}
		n, have = 2*n, 2*have
	}
	r.scores = append(slices.Clip(r.scores), slices.Repeat(cell, (n-have)/len(cell))...)
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
		if n := r.scores[i]; n > narrowExact && !r.wideScores {
			return float64(n) / narrowUnit
		}
		return r.scoreOther(i)
	}
	return Missing
}

// hundredths is the record's score on component i when its cell is a
// narrow record's hundredths (ok false otherwise: read Score then). Small
// enough to be inlined in a loop over every cell.
func (r *Record) hundredths(i int) (v float64, ok bool) {
	if !r.wideScores && uint(i) < uint(len(r.scores)) {
		if n := r.scores[i]; n > narrowExact {
			return float64(n) / narrowUnit, true
		}
	}
	return 0, false
}

// scoreOther is Score for the cells that are not a narrow record's
// hundredths.
func (r *Record) scoreOther(i int) float64 {
	if uint(i) >= uint(r.NumScores()) {
		return Missing
	}
	if n := r.code(i); n > scoreExact {
		return float64(n) / scoreUnit
	}
	return r.special(i)
}

// special is the score of a cell coded as a mark or scoreExact.
func (r *Record) special(i int) float64 {
	switch r.code(i) {
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
func (r *Record) NumScores() int {
	if r.wideScores {
		return len(r.scores) / 2
	}
	return len(r.scores)
}

// ScoreValues returns the record's scores, one per component its scores
// reach, in a new slice.
func (r *Record) ScoreValues() []float64 {
	out := make([]float64, r.NumScores())
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
		r.scores, r.wideScores = nil, false
		return
	}
	r.putScores(nil, v, len(v), make([]int32, len(v)))
}

// putScores makes codes the record's n scores, in slot when it has room,
// filled from v in component order (Missing beyond v), each value a code
// cannot hold kept beside it. buf is room for n codes.
func (r *Record) putScores(slot []int16, v []float64, n int, buf []int32) {
	codes := buf[:n]
	for i := range codes {
		x := Missing
		if i < len(v) {
			x = v[i]
		}
		code, ok := encodeScore(x)
		if !ok {
			r.keepExact(i, x, n)
		}
		codes[i] = code
	}
	r.putCodes(slot, codes)
}

// missingAt reports whether the record's score on component i is missing
// (or marked not applicable, which IsMissing counts as missing too).
func (r *Record) missingAt(i int) bool {
	if uint(i) >= uint(r.NumScores()) {
		return true
	}
	return r.code(i) <= scoreExact && IsMissing(r.special(i))
}

// notApplicableAt reports whether the record's score on component i is
// marked not applicable.
func (r *Record) notApplicableAt(i int) bool {
	return uint(i) < uint(r.NumScores()) && r.code(i) == scoreNotApplicable
}

// HasNotApplicable reports whether any score of the record is marked not
// applicable.
func (r *Record) HasNotApplicable() bool {
	for i := range r.NumScores() {
		if r.code(i) == scoreNotApplicable {
			return true
		}
	}
	return false
}

// moveExact moves the exact scores of a record's cells, noted at their
// columns' places (cols, the cells' codes in column order, exactMark the
// code of an exact one), to their components' (comps[j] for column j; a
// column no component takes drops its score, as its cell is dropped). n
// is how many components there are.
func moveExact[C int16 | int32](exact []float64, cols []C, exactMark C, comps []int, n int) []float64 {
	out := make([]float64, n)
	for j, g := range comps {
		if g >= 0 && j < len(cols) && cols[j] == exactMark && j < len(exact) {
			out[g] = exact[j]
		}
	}
	return out
}

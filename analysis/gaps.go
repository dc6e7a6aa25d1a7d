package analysis

import (
	"math"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// Gap is what separates a unit from the next grade, the next rank and the
// leader, and the rank it would have had with last year's score.
// Differences are computed at 2 decimals, as ranks and grades are.
type Gap struct {
	Index     string   `json:"index"`
	Year      int      `json:"year"`
	Bloc      string   `json:"bloc"`
	UnitID    string   `json:"unit_id"`
	Unit      string   `json:"unit"`
	UnitCode  *string  `json:"unit_code"`
	Score     *float64 `json:"score"`
	Rank      *int     `json:"rank"`
	RankedOf  int      `json:"ranked_of"`
	Grade     *string  `json:"grade"`
	NextGrade *string  `json:"next_grade"` // the next better band of the scheme in use
	// ToNextGrade is the points needed to reach NextGrade; nil when the unit
	// is already in the top grade, has no total, or its given grade is not
	// one the scheme can place. Under a scheme on the share of applicable
	// points it is the band's percentage of ApplicableMax less the score.
	ToNextGrade *float64 `json:"to_next_grade"`
	// ApplicableMax is set when the scheme grades on the share of
	// applicable points ("percent_of_applicable"): the unit's applicable
	// maximum, the basis ToNextGrade is computed on; nil otherwise.
	ApplicableMax *float64 `json:"applicable_max"`
	// TopGrade: the unit holds the best grade there is (the scheme's top
	// band, or the best level of the grades' order). False whenever that is
	// not known — no scheme, no grade, a grade nothing can place.
	TopGrade bool `json:"top_grade"`
	// ToPass is the points needed to pass the unit(s) ranked just above:
	// the gap to the next higher distinct score + 0.01. PassRank is the rank
	// those units hold. Nil for rank 1 and unranked units.
	ToPass    *float64 `json:"to_pass"`
	PassRank  *int     `json:"pass_rank"`
	ToLeader  *float64 `json:"to_leader"` // leader's score − score (0 for the leader); ranked units only
	PrevYear  *int     `json:"prev_year"`
	PrevScore *float64 `json:"prev_score"`
	PrevRank  *int     `json:"prev_rank"`
	// RankWithPrevScore re-ranks this year's bloc with only this unit's
	// score replaced by its previous-year score.
	RankWithPrevScore *int `json:"rank_with_prev_score"`
}

// Gaps returns the gaps of every unit of a bloc, in league-table order
// (built on each call; the caller owns the slice).
func (a *Analysis) Gaps(sl data.Slice) []Gap {
	g := a.group(sl)
	if g == nil {
		return []Gap{}
	}
	n := len(g.entries)
	out := make([]Gap, n)
	inChunks(chunks(n), func(_, lo, hi int) { // each row writes only to its own slots
		fs := make([]float64, (hi-lo)*gapFloats) // what the chunk's rows point to, allocated on its core
		is := make([]int, hi-lo)
		for i := lo; i < hi; i++ { // in memory order; rows land at their table position
			x := i - lo
			g.gapOf(&g.entries[i], &out[g.rowAt[i]], fs[x*gapFloats:(x+1)*gapFloats:(x+1)*gapFloats], &is[x], a.applicableBasis(g, &g.entries[i]))
		}
	})
	return out
}

// UnitGap returns one unit's gaps in a year.
func (a *Analysis) UnitGap(index string, year int, unitID string) (Gap, bool) {
	e := a.entryOf(index, year, unitID)
	if e == nil {
		return Gap{}, false
	}
	var x Gap
	e.g.gapOf(e, &x, make([]float64, gapFloats), new(int), a.applicableBasis(e.g, e))
	return x, true
}

// gapFloats: to the next grade, to pass, to the leader, the applicable
// maximum.
const gapFloats = 4

// applicableBasis is a unit's applicable maximum when its bloc's scheme
// grades on the share of applicable points; 0 otherwise, or when the
// maximum is unknown (the unit is then not graded by the scheme).
func (a *Analysis) applicableBasis(g *group, e *entry) float64 {
	if g.scheme == nil || g.scheme.Basis != data.BasisApplicable {
		return 0
	}
	if m, ok := a.ds.ApplicableTotalMax(a.tree, e.rec); ok && m > 0 {
		return m
	}
	return 0
}

// pointsForShare is the least total, in cents, whose share of amax
// reaches a percentage given in cents, as GradeFor compares it (both at
// 2 decimals).
func pointsForShare(pctCents int64, amax float64) int64 {
	reaches := func(c int64) bool { return numfmt.Cents(fromCents(c)/amax*100) >= pctCents }
	c := int64(math.Ceil(fromCents(pctCents)*amax - 1e-9)) // pct/100 × amax, in cents
	for c > 0 && reaches(c-1) {
		c--
	}
	for !reaches(c) {
		c++
	}
	return c
}

func bandCents(min float64) (int64, bool) {
	if math.IsInf(min, 0) || math.IsNaN(min) {
		return 0, false
	}
	return numfmt.Cents(min), true
}

// schemeKnows reports whether a given grade label belongs to the scheme:
// one of its bands, or a label of the same built-in ladder as its bands.
func schemeKnows(s *data.GradeScheme, label string) bool {
	if _, ok := s.Level(label); ok {
		return true
	}
	v, ok := data.LookupGrade(label)
	if !ok {
		return false
	}
	for _, b := range s.Bands {
		if bv, ok := data.LookupGrade(b.Label); ok && bv.Ladder == v.Ladder {
			return true
		}
	}
	return false
}

// bandOf returns the index of the scheme band a total (in cents) falls in,
// as GradeScheme.GradeFor does; len(s.Bands) when it is below them all
// (ungraded).
func bandOf(s *data.GradeScheme, c int64) int {
	for i, b := range s.Bands {
		if m, ok := bandCents(b.Min); !ok && b.Min < 0 || ok && c >= m {
			return i
		}
	}
	return len(s.Bands)
}

// gapOf fills x, which must be zero, with entry e's gaps; fs (gapFloats values) and r hold
// what x points to. amax is the unit's applicable maximum under a scheme
// on the share of applicable points (applicableBasis), else 0.
func (g *group) gapOf(e *entry, x *Gap, fs []float64, r *int, amax float64) {
	ranked := len(g.order)
	s := g.scheme
	// field by field into the zero x, as unitComponents does
	x.Index, x.Year, x.Bloc = g.index, g.year, g.bloc
	x.UnitID, x.Unit, x.UnitCode = e.rec.UnitID, e.rec.Unit, e.unitCode()
	x.RankedOf = ranked
	if e.hasScore {
		x.Score = &e.rec.Total
	}
	if e.grade != "" {
		x.Grade = &e.grade
	}
	if g.prev != nil {
		x.PrevYear = &g.prev.year
	}
	if p := e.prev; p != nil {
		if p.hasScore {
			x.PrevScore = &p.rec.Total
		}
		if p.ranked() {
			x.PrevRank = &p.rank
		}
	}

	// next grade
	x.TopGrade = e.gk.known() && e.gk.lvl == 0
	// a scheme on the share of applicable points has its mins in percent
	// of the unit's applicable maximum: the band is found by the share and
	// the points to the next are that percentage of the maximum less the
	// score (none when the maximum is unknown)
	onShare := s.Basis == data.BasisApplicable
	if e.hasScore && e.placed && len(s.Bands) > 0 && !x.TopGrade && (!onShare || amax > 0) {
		at := e.cents
		if onShare {
			fs[3] = amax
			x.ApplicableMax = &fs[3]
			at = numfmt.Cents(e.rec.Total / amax * 100)
		}
		if b := bandOf(s, at); b == 0 {
			x.TopGrade = e.grade != ""
		} else if b > 0 {
			if m, finite := bandCents(s.Bands[b-1].Min); finite {
				if onShare {
					m = pointsForShare(m, amax)
				}
				fs[0] = fromCents(m - e.cents)
				x.ToNextGrade = &fs[0]
				x.NextGrade = &s.Bands[b-1].Label
			}
		}
	}

	if !e.ranked() {
		return
	}
	x.Rank = &e.rank
	if g.pubRanks {
		return // published ranks of a partial or ranks-only table: no gaps by score
	}
	fs[2] = fromCents(g.asc[ranked-1] - e.cents)
	x.ToLeader = &fs[2]
	if e.rank > 1 {
		// rank r = 1 + the units above; the lowest of them is r−1th in order
		above := &g.entries[g.order[e.rank-2]]
		fs[1] = fromCents(above.cents - e.cents + 1)
		x.ToPass = &fs[1]
		x.PassRank = &above.rank
	}
	if p := e.prev; p != nil && p.hasScore {
		c := g.countAbove(p.cents)
		if e.cents > p.cents {
			c-- // this unit's own current score is not in the counterfactual
		}
		*r = 1 + c
		x.RankWithPrevScore = r
	}
}

// ScorePoint is a unit's total in a year beside its bloc's mean and the
// grade thresholds that applied to it.
type ScorePoint struct {
	Year     int      `json:"year"`
	Bloc     string   `json:"bloc"`
	Score    *float64 `json:"score"`
	BlocMean *float64 `json:"bloc_mean"`
	// Thresholds are the grade scheme's bands for the unit's bloc that
	// year with a finite lowest total, best first; nil when no scheme is
	// known (grades, if any, are only those the data gives).
	Thresholds []data.GradeBand `json:"thresholds"`
}

// ScoreTrack returns a unit's totals across the years of an index, each
// beside its bloc's mean and that year's grade thresholds, in the order of
// IndexHistory.
func (a *Analysis) ScoreTrack(index, unitID string) []ScorePoint {
	h, ok := a.IndexHistory(index, unitID)
	if !ok {
		return nil
	}
	out := make([]ScorePoint, 0, len(h.Points))
	for _, pt := range h.Points {
		sp := ScorePoint{Year: pt.Year, Bloc: pt.Bloc, Score: pt.Score}
		if g := a.group(data.Slice{Index: index, Year: pt.Year, Bloc: pt.Bloc}); g != nil {
			if s := g.summary(); s.Mean != nil {
				sp.BlocMean = s.Mean
			}
			if g.scheme != noScheme {
				sp.Thresholds = []data.GradeBand{}
				for _, b := range g.scheme.Bands {
					if _, finite := bandCents(b.Min); finite {
						sp.Thresholds = append(sp.Thresholds, b)
					}
				}
			}
		}
		out = append(out, sp)
	}
	return out
}

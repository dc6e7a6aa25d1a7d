package analysis

import (
	"math"
	"slices"
)

// UnitScore names a unit with its score and rank.
type UnitScore struct {
	UnitID   string  `json:"unit_id"`
	Unit     string  `json:"unit"`
	UnitCode *string `json:"unit_code"`
	Score    float64 `json:"score"`
	Rank     int     `json:"rank"`
}

// GradeCount is how many units of a bloc have a grade, this year and last.
type GradeCount struct {
	Grade     string `json:"grade"`
	Count     int    `json:"count"`
	PrevCount *int   `json:"prev_count"` // nil when the bloc has no previous year
	Change    *int   `json:"change"`     // count − prev_count
}

// BlocSummary describes one bloc in one year. Statistics (mean, median,
// stdev, min, max, spread, above/below mean, up/down/same) are over the
// ranked units: those with a total that are not marked not-ranked, as
// published bloc averages are. Stdev is the population standard deviation
// (divide by N): the bloc is the whole population, not a sample.
// Pointer fields are nil when they do not apply (no ranked units, no
// previous year).
type BlocSummary struct {
	Bloc      string       `json:"bloc"`
	PrevYear  *int         `json:"prev_year"`
	Units     int          `json:"units"`      // all units with a record
	Scored    int          `json:"scored"`     // units with a total
	Ranked    int          `json:"ranked"`     // units with a rank
	NotRanked int          `json:"not_ranked"` // units marked not ranked
	Grades    []GradeCount `json:"grades"`     // best first; every grade of this or the previous year
	Ungraded  int          `json:"ungraded"`   // units without a grade
	Leader    []UnitScore  `json:"leader"`     // rank 1 (all tied)
	Bottom    []UnitScore  `json:"bottom"`     // last rank (all tied); empty when the last rank is 1
	Mean      *float64     `json:"mean"`
	Median    *float64     `json:"median"`
	Stdev     *float64     `json:"stdev"`
	Min       *float64     `json:"min"`
	Max       *float64     `json:"max"`
	Spread    *float64     `json:"spread"` // max − min
	PrevMean  *float64     `json:"prev_mean"`
	PrevSprd  *float64     `json:"prev_spread"`
	MeanChg   *float64     `json:"mean_change"` // mean − prev_mean
	Up        *int         `json:"up"`          // ranked units whose score rose vs their previous-year score (2 decimals)
	Down      *int         `json:"down"`
	Same      *int         `json:"same"`
	Compared  *int         `json:"compared"`   // up + down + same
	AboveMean *int         `json:"above_mean"` // ranked units with a total above the mean
	BelowMean *int         `json:"below_mean"`
}

// YearSummary is the summary of one index and year, one entry per bloc.
type YearSummary struct {
	Index    string        `json:"index"`
	Year     int           `json:"year"`
	PrevYear *int          `json:"prev_year"` // latest earlier year of the index (blocs carry their own)
	Blocs    []BlocSummary `json:"blocs"`
}

// Summaries returns the summary of every index and year, in order.
func (a *Analysis) Summaries() []YearSummary {
	out := []YearSummary{}
	for _, ix := range a.indices {
		for _, y := range ix.years {
			s, _ := a.Summary(ix.name, y)
			out = append(out, s)
		}
	}
	return out
}

// Summary returns the summary of an index and year, blocs in bloc order.
func (a *Analysis) Summary(index string, year int) (YearSummary, bool) {
	gs := a.groupsOf(index, year)
	if len(gs) == 0 {
		return YearSummary{}, false
	}
	s := YearSummary{Index: index, Year: year, Blocs: make([]BlocSummary, 0, len(gs))}
	if py, ok := gs[0].ix.prevYear(year); ok {
		s.PrevYear = &py
	}
	for _, g := range gs {
		s.Blocs = append(s.Blocs, g.summary())
	}
	return s, true
}

// BlocSummary returns the summary of one bloc.
func (a *Analysis) BlocSummary(index string, year int, bloc string) (BlocSummary, bool) {
	g := a.group(index, year, bloc)
	if g == nil {
		return BlocSummary{}, false
	}
	return g.summary(), true
}

type gradeCount struct {
	key   gradeKey
	count int
	label string
}

// gradeCounts counts grades by level, best first, labelled by the most common
// spelling (ties: the scheme's label, else the first seen).
func (g *group) gradeCounts() []gradeCount {
	g.gcOnce.Do(func() {
		type lab struct {
			label string
			n     int
		}
		type bucket struct {
			key  gradeKey
			labs []lab
		}
		var bs []bucket // few: a linear search beats a map
		for i := range g.entries {
			e := &g.entries[i]
			if !e.gk.has() {
				continue
			}
			b := -1
			for x := range bs {
				if bs[x].key == e.gk {
					b = x
					break
				}
			}
			if b < 0 {
				b = len(bs)
				bs = append(bs, bucket{key: e.gk})
			}
			found := false
			for j := range bs[b].labs {
				if bs[b].labs[j].label == e.grade {
					bs[b].labs[j].n++
					found = true
					break
				}
			}
			if !found {
				bs[b].labs = append(bs[b].labs, lab{e.grade, 1})
			}
		}
		slices.SortFunc(bs, func(x, y bucket) int { return cmpGradeKey(x.key, y.key) })
		out := make([]gradeCount, 0, len(bs))
		for _, b := range bs {
			ls := b.labs
			best, n := 0, 0
			for j, l := range ls {
				n += l.n
				switch {
				case l.n > ls[best].n:
					best = j
				case l.n == ls[best].n && j != best:
					_, okBest := g.scheme.Level(ls[best].label)
					if _, ok := g.scheme.Level(l.label); ok && !okBest {
						best = j
					}
				}
			}
			out = append(out, gradeCount{key: b.key, count: n, label: ls[best].label})
		}
		g.gc = out
	})
	return g.gc
}

func (g *group) unitScore(e *entry) UnitScore {
	return UnitScore{UnitID: e.rec.UnitID, Unit: e.rec.Unit, UnitCode: e.code, Score: e.rec.Total, Rank: e.rank}
}

// stats are descriptive statistics over a group's ranked totals.
type stats struct {
	n                          int
	mean, median, sd, min, max float64
}

func (g *group) stats() (stats, bool) {
	g.statsOnce.Do(func() { g.st, g.stOK = g.computeStats() })
	return g.st, g.stOK
}

func (g *group) computeStats() (stats, bool) {
	n := len(g.order)
	if n == 0 {
		return stats{}, false
	}
	v := g.sortedTotals()
	s := stats{n: n, min: v[0], max: v[n-1]}
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	s.mean = sum / float64(n)
	if math.IsInf(s.mean, 0) { // the sum overflowed: totals near the largest float
		s.mean = 0
		for _, x := range v {
			s.mean += x / float64(n)
		}
	}
	if n%2 == 1 {
		s.median = v[n/2]
	} else if s.median = (v[n/2-1] + v[n/2]) / 2; math.IsInf(s.median, 0) {
		s.median = v[n/2-1]/2 + v[n/2]/2
	}
	ss := 0.0
	for _, x := range v {
		d := x - s.mean
		ss += d * d
	}
	s.sd = math.Sqrt(ss / float64(n))
	return s, true
}

func (g *group) summary() BlocSummary {
	g.sumOnce.Do(func() { g.sum = g.buildSummary() })
	return g.sum
}

func (g *group) buildSummary() BlocSummary {
	s := BlocSummary{
		Bloc:   g.bloc,
		Units:  len(g.entries),
		Scored: g.scored,
		Ranked: len(g.order),
		Leader: []UnitScore{},
		Bottom: []UnitScore{},
		Grades: []GradeCount{},
	}
	for i := range g.entries {
		e := &g.entries[i]
		if e.rec.NotRanked {
			s.NotRanked++
		}
		if !e.gk.has() {
			s.Ungraded++
		}
	}
	if g.prev != nil {
		s.PrevYear = &g.prev.year
	}

	// grades, this year and last
	cur := g.gradeCounts()
	var prev []gradeCount
	if g.prev != nil {
		prev = g.prev.gradeCounts()
	}
	i, j := 0, 0
	for i < len(cur) || j < len(prev) {
		var gc GradeCount
		var c int
		switch {
		case j >= len(prev):
			c = -1
		case i >= len(cur):
			c = 1
		default:
			c = cmpGradeKey(cur[i].key, prev[j].key)
		}
		switch {
		case c < 0:
			gc = GradeCount{Grade: cur[i].label, Count: cur[i].count}
			if g.prev != nil {
				gc.PrevCount = ptr(0)
			}
			i++
		case c > 0:
			gc = GradeCount{Grade: prev[j].label, Count: 0, PrevCount: ptr(prev[j].count)}
			j++
		default:
			gc = GradeCount{Grade: cur[i].label, Count: cur[i].count, PrevCount: ptr(prev[j].count)}
			i++
			j++
		}
		if gc.PrevCount != nil {
			gc.Change = ptr(gc.Count - *gc.PrevCount)
		}
		s.Grades = append(s.Grades, gc)
	}

	// leader and bottom
	for _, k := range g.order {
		e := &g.entries[k]
		if e.rank == 1 {
			s.Leader = append(s.Leader, g.unitScore(e))
		}
		if e.isBottom() {
			s.Bottom = append(s.Bottom, g.unitScore(e))
		}
	}

	st, ok := g.stats()
	if ok {
		s.Mean, s.Median, s.Stdev = ptr(st.mean), ptr(st.median), ptr(st.sd)
		s.Min, s.Max, s.Spread = ptr(st.min), ptr(st.max), ptr(st.max-st.min)
		above, below := 0, 0
		for _, k := range g.order {
			t := g.entries[k].rec.Total
			switch {
			case t > st.mean:
				above++
			case t < st.mean:
				below++
			}
		}
		s.AboveMean, s.BelowMean = ptr(above), ptr(below)
	}
	if g.prev != nil {
		if ps, ok := g.prev.stats(); ok {
			s.PrevMean = ptr(ps.mean)
			s.PrevSprd = ptr(ps.max - ps.min)
			if s.Mean != nil {
				s.MeanChg = ptr(st.mean - ps.mean)
			}
		}
		up, down, same := 0, 0, 0
		for _, k := range g.order {
			e := &g.entries[k]
			if e.prev == nil || !e.prev.hasScore {
				continue
			}
			switch {
			case e.cents > e.prev.cents:
				up++
			case e.cents < e.prev.cents:
				down++
			default:
				same++
			}
		}
		s.Up, s.Down, s.Same, s.Compared = ptr(up), ptr(down), ptr(same), ptr(up+down+same)
	}
	return s
}

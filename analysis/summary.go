package analysis

import (
	"math"
	"slices"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// UnitScore names a unit with its score and rank.
type UnitScore struct {
	UnitID   string   `json:"unit_id"`
	Unit     string   `json:"unit"`
	UnitCode *string  `json:"unit_code"`
	Score    *float64 `json:"score"` // nil for a ranks-only row
	Rank     int      `json:"rank"`
	// RankPublished: the rank is the published one (a ranks-only or partial table).
	RankPublished bool `json:"rank_published"`
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
//
// A partial table (published ranks beyond the rows present, or only some
// rows scored) has Complete false and PartialReason set; its mean, median,
// stdev, min, max, spread, above/below-mean and grade counts are nil, and so
// are the comparisons with it (mean change, previous spread, up/down/same,
// previous grade counts) when it is this year's or the previous year's table.
type BlocSummary struct {
	Bloc     string `json:"bloc"`
	Complete bool   `json:"complete"`
	// PartialReason says why the table is partial; nil when complete.
	PartialReason *string `json:"partial_reason"`
	// RanksPublished: ranks are the published ones (a ranks-only or partial table).
	RanksPublished bool `json:"ranks_published"`
	// MaxPublishedRank is the largest published rank; nil when none.
	MaxPublishedRank *int `json:"max_published_rank"`
	// PrevComplete and PrevPartialReason describe the previous year's table.
	PrevComplete      *bool   `json:"prev_complete"`
	PrevPartialReason *string `json:"prev_partial_reason"`
	PrevYear          *int    `json:"prev_year"`
	Units             int     `json:"units"`      // all units with a record
	Scored            int     `json:"scored"`     // units with a total
	Ranked            int     `json:"ranked"`     // units with a rank
	NotRanked         int     `json:"not_ranked"` // units marked not ranked
	RankOnly          int     `json:"rank_only"`  // units with a published rank and no score
	NoResult          int     `json:"no_result"`  // units not marked not ranked with no score, published rank or grade
	// Grades counts grades best first, every grade of this or the previous
	// year; nil (JSON null) for a partial table or when the bloc is not
	// graded (GradesFrom "none").
	Grades     []GradeCount `json:"grades"`
	GradesFrom string       `json:"grades_from"` // "scheme" (grades.csv or --grades default; data grades win), "data" (grade column only) or "none"
	// GradesNote says why Grades is nil when the bloc is not graded; nil when it is.
	GradesNote *string `json:"grades_note"`
	Ungraded   int     `json:"ungraded"` // units without a grade
	// Bands counts the scored units at or above each of ScoreBandMins:
	// plain score facts that need no grade scheme; nil for a partial table.
	Bands     []ScoreBand `json:"bands"`
	Leader    []UnitScore `json:"leader"` // rank 1 (all tied)
	Bottom    []UnitScore `json:"bottom"` // last rank (all tied); empty when the last rank is 1
	Mean      *float64    `json:"mean"`
	Median    *float64    `json:"median"`
	Stdev     *float64    `json:"stdev"`
	Min       *float64    `json:"min"`
	Max       *float64    `json:"max"`
	Spread    *float64    `json:"spread"` // max − min
	PrevMean  *float64    `json:"prev_mean"`
	PrevSprd  *float64    `json:"prev_spread"`
	MeanChg   *float64    `json:"mean_change"` // mean − prev_mean
	Up        *int        `json:"up"`          // ranked units whose score rose vs their previous-year score (2 decimals)
	Down      *int        `json:"down"`
	Same      *int        `json:"same"`
	Compared  *int        `json:"compared"`   // up + down + same
	AboveMean *int        `json:"above_mean"` // ranked units with a total above the mean
	BelowMean *int        `json:"below_mean"`
	// Break lists the units in their first year after a merger or split,
	// with their predecessors (lineage.go); nil when none. The previous
	// year's counts and mean are then of the units before it: not like for like.
	Break []Break `json:"break"`
}

// ScoreBandMins are the scores the summaries count units at or above
// ("14/17 units scored 80 or more"), highest first.
var ScoreBandMins = []float64{90, 80}

// ScoreBand is how many units of a bloc scored at least Min (compared at 2
// decimals, as ranks are), out of the units with a total, this year and in
// the bloc's previous year.
type ScoreBand struct {
	Min       float64 `json:"min"`
	Count     int     `json:"count"`
	Of        int     `json:"of"`         // units with a total (not-ranked units included: their score stands)
	PrevCount *int    `json:"prev_count"` // nil when the bloc has no previous year with scores
	PrevOf    *int    `json:"prev_of"`
}

// Grade sources, as BlocSummary.GradesFrom reports them.
const (
	GradesFromScheme = "scheme"
	GradesFromData   = "data"
	GradesFromNone   = "none"
)

// ungradedNote is why a bloc without a grade column or scheme has no grades.
const ungradedNote = "not graded: the data has no grade column and no grade scheme was given (grades.csv or --grades default)"

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
	// each bloc's on every core, as BlocSummaries does
	a.onEveryCore(len(gs), func(i int) { gs[i].summary() })
	for _, g := range gs {
		s.Blocs = append(s.Blocs, g.summary())
	}
	return s, true
}

// BlocSummary returns the summary of one bloc.
func (a *Analysis) BlocSummary(sl data.Slice) (BlocSummary, bool) {
	g := a.group(sl)
	if g == nil {
		return BlocSummary{}, false
	}
	return g.summary(), true
}

// BlocSummaries returns the summary of every slice, in order, computing
// them on every core (a summary reads only its own and its previous year's
// group). When a slice has no data it returns nil and that slice's place.
func (a *Analysis) BlocSummaries(sls []data.Slice) (out []BlocSummary, unknown int) {
	gs := make([]*group, len(sls))
	for i, sl := range sls {
		if gs[i] = a.group(sl); gs[i] == nil {
			return nil, i
		}
	}
	out = make([]BlocSummary, len(gs))
	a.onEveryCore(len(gs), func(i int) { out[i] = gs[i].summary() })
	return out, -1
}

// IndexPrevYear is the latest year of an index before year (what a year's
// Summary gives as its previous year).
func (a *Analysis) IndexPrevYear(index string, year int) (int, bool) {
	if ix := a.byIndex[index]; ix != nil {
		return ix.prevYear(year)
	}
	return 0, false
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

// gradesFrom says where the group's grades come from: a scheme the user
// gave, the data's grade column, or nowhere.
func (g *group) gradesFrom() string {
	if g.scheme != noScheme {
		return GradesFromScheme
	}
	for i := range g.entries {
		if g.entries[i].rec.Grade != "" {
			return GradesFromData
		}
	}
	return GradesFromNone
}

// bands counts the scored entries at or above each of ScoreBandMins,
// once (a bloc's summary asks for its previous year's too); the counts
// are shared, read-only.
func (g *group) bands() (counts []int, of int) {
	g.bandsOnce.Do(func() { g.bandCounts, g.bandOf = g.countBands() })
	return g.bandCounts, g.bandOf
}

func (g *group) countBands() (counts []int, of int) {
	counts = make([]int, len(ScoreBandMins))
	mins := make([]int64, len(ScoreBandMins)) // in cents, once per bloc, not per unit
	for k, m := range ScoreBandMins {
		mins[k] = numfmt.Cents(m)
	}
	for i := range g.entries {
		e := &g.entries[i]
		if !e.hasScore {
			continue
		}
		of++
		for k, m := range mins {
			if e.cents >= m {
				counts[k]++
			}
		}
	}
	return counts, of
}

func (g *group) unitScore(e *entry) UnitScore {
	u := UnitScore{UnitID: e.rec.UnitID, Unit: e.rec.Unit, UnitCode: e.unitCode(), Rank: e.rank, RankPublished: e.rankPublished()}
	if e.hasScore {
		u.Score = &e.rec.Total
	}
	return u
}

// stats are descriptive statistics over a group's ranked totals.
type stats struct {
	n                          int
	mean, median, sd, min, max float64
	above, below               int // totals above and below the mean
}

func (g *group) stats() (stats, bool) {
	g.statsOnce.Do(func() { g.st, g.stOK = g.computeStats() })
	return g.st, g.stOK
}

func (g *group) computeStats() (stats, bool) {
	n := len(g.order)
	if n == 0 || g.pubRanks || !g.complete() { // ranks without scores, or a partial table
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
	// a mean lies within its values; rounding near the largest float can
	// carry it out of them (to ±Inf), never the true mean
	s.mean = max(s.min, min(s.max, s.mean))
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
	for _, x := range v {
		switch {
		case x > s.mean:
			s.above++
		case x < s.mean:
			s.below++
		}
	}
	s.sd = math.Sqrt(ss / float64(n))
	if math.IsInf(s.sd, 0) || math.IsNaN(s.sd) {
		// totals near the largest float: deviations scaled by the largest,
		// so their squares cannot overflow
		scale := 0.0
		for _, x := range v {
			scale = max(scale, math.Abs(x/2-s.mean/2))
		}
		ss = 0
		for _, x := range v {
			d := (x/2 - s.mean/2) / scale
			ss += d * d
		}
		s.sd = 2 * (scale * math.Sqrt(ss/float64(n)))
	}
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
		Bands:  []ScoreBand{},
	}
	s.NotRanked, s.Ungraded = g.notRanked, g.ungraded // counted by gradeGroup
	if g.prev != nil {
		s.PrevYear = &g.prev.year
	}
	s.Break = g.breaks()
	s.Complete, s.PartialReason = g.complete(), optStr(g.partialReason())
	s.RanksPublished, s.RankOnly, s.NoResult = g.pubRanks, g.rankOnly, g.bare
	if g.maxPub > 0 {
		s.MaxPublishedRank = ptr(g.maxPub)
	}
	prevWhole := g.prev != nil && g.prev.complete()
	if g.prev != nil {
		s.PrevComplete, s.PrevPartialReason = ptr(prevWhole), optStr(g.prev.partialReason())
	}

	// score bands, this year and last
	if !s.Complete { // a partial table's counts are not the bloc's
		s.Bands = nil
	} else if counts, of := g.bands(); of > 0 {
		pc, pof := []int(nil), 0
		if prevWhole {
			pc, pof = g.prev.bands()
		}
		for k, m := range ScoreBandMins {
			b := ScoreBand{Min: m, Count: counts[k], Of: of}
			if pof > 0 {
				b.PrevCount, b.PrevOf = ptr(pc[k]), ptr(pof)
			}
			s.Bands = append(s.Bands, b)
		}
	}

	// grades, this year and last; a previous year without grades is no
	// comparison (its units were not graded, not "0 graded Tốt")
	s.GradesFrom = g.gradesFrom()
	if s.GradesFrom == GradesFromNone {
		s.Grades = nil
		s.GradesNote = ptr(ungradedNote)
	}
	cur := g.gradeCounts()
	var prev []gradeCount
	prevGraded := g.prev != nil && g.prev.gradesFrom() != GradesFromNone
	if prevGraded {
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
		if s.Grades == nil {
			break // not graded this year: last year's grades are no count of this one
		}
		switch {
		case c < 0:
			gc = GradeCount{Grade: cur[i].label, Count: cur[i].count}
			if prevGraded {
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
	if !s.Complete { // counts of a partial table are not the bloc's
		s.Grades = nil
	} else if g.prev != nil && !prevWhole {
		for i := range s.Grades {
			s.Grades[i].PrevCount, s.Grades[i].Change = nil, nil
		}
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
		s.AboveMean, s.BelowMean = ptr(st.above), ptr(st.below)
	}
	if g.prev != nil {
		if ps, ok := g.prev.stats(); ok {
			s.PrevMean = ptr(ps.mean)
			s.PrevSprd = ptr(ps.max - ps.min)
			if s.Mean != nil {
				s.MeanChg = ptr(st.mean - ps.mean)
			}
		}
	}
	if g.prev != nil && s.Complete && prevWhole {
		up, down, same := 0, 0, 0
		for _, k := range g.order {
			e := &g.entries[k]
			if !e.hasScore || e.prev == nil || !e.prev.hasScore {
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

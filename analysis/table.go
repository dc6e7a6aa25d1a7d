package analysis

import (
	"cmp"
	"slices"

	"github.com/parlens/parlens/data"
)

// Row is one unit in a bloc's league table.
type Row struct {
	UnitID        string   `json:"unit_id"`
	Unit          string   `json:"unit"`
	UnitCode      *string  `json:"unit_code"`
	Score         *float64 `json:"score"`
	Rank          *int     `json:"rank"`
	PublishedRank *int     `json:"published_rank"`
	Grade         *string  `json:"grade"`
	GradeGiven    bool     `json:"grade_given"` // the grade comes from the data, not the scheme
	NotRanked     bool     `json:"not_ranked"`
	PrevScore     *float64 `json:"prev_score"`
	PrevRank      *int     `json:"prev_rank"`
	PrevGrade     *string  `json:"prev_grade"`
	Change        *float64 `json:"change"`      // score − previous score
	RankChange    *int     `json:"rank_change"` // previous rank − rank (positive = climbed)
}

// Table is a bloc's league table for a year: ranked units best first, then
// not-ranked units with a score (highest first), then units without a score.
type Table struct {
	Index    string `json:"index"`
	Year     int    `json:"year"`
	Bloc     string `json:"bloc"`
	PrevYear *int   `json:"prev_year"`
	Units    int    `json:"units"`
	Ranked   int    `json:"ranked"`
	// Complete is false for a partial table (see BlocSummary); RanksPublished
	// says the ranks are the published ones (a ranks-only or partial table).
	Complete       bool  `json:"complete"`
	RanksPublished bool  `json:"ranks_published"`
	Rows           []Row `json:"rows"`
}

// Table returns the league table of a slice (an index, year and bloc).
func (a *Analysis) Table(sl data.Slice) (Table, bool) {
	g := a.group(sl)
	if g == nil {
		return Table{}, false
	}
	g.tblOnce.Do(func() { g.tbl = g.table() })
	return g.tbl, true
}

func (g *group) buildRows() []int {
	idx := slices.Clone(g.order)
	rest := make([]int, 0, len(g.entries)-len(g.order))
	for i := range g.entries {
		if !g.entries[i].ranked() {
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(rest, func(x, y int) int {
		ex, ey := &g.entries[x], &g.entries[y]
		if ex.hasScore != ey.hasScore {
			if ex.hasScore {
				return -1
			}
			return 1
		}
		if ex.hasScore {
			if c := cmp.Compare(ey.cents, ex.cents); c != 0 {
				return c
			}
		}
		return cmp.Compare(ex.nameRank, ey.nameRank) // cmpName's order
	})
	return append(idx, rest...)
}

func (g *group) table() Table {
	t := Table{Index: g.index, Year: g.year, Bloc: g.bloc, Units: len(g.entries), Ranked: len(g.order),
		Complete: g.complete(), RanksPublished: g.pubRanks}
	if g.prev != nil {
		t.PrevYear = &g.prev.year
	}
	t.Rows = make([]Row, 0, len(g.entries))
	for _, i := range g.rows {
		e := &g.entries[i]
		r := Row{
			UnitID:     e.rec.UnitID,
			Unit:       e.rec.Unit,
			UnitCode:   e.unitCode(),
			GradeGiven: e.rec.Grade != "",
			NotRanked:  e.rec.NotRanked,
		}
		if e.hasScore {
			r.Score = &e.rec.Total
		}
		if e.ranked() {
			r.Rank = &e.rank
		}
		if e.rec.PublishedRank != 0 {
			r.PublishedRank = &e.rec.PublishedRank
		}
		if e.grade != "" {
			r.Grade = &e.grade
		}
		if p := e.prev; p != nil {
			if p.hasScore {
				r.PrevScore = &p.rec.Total
				if e.hasScore {
					r.Change = ptr(scoreChange(e.rec.Total, p.rec.Total))
				}
			}
			if p.ranked() {
				r.PrevRank = &p.rank
				if e.ranked() && !g.broken { // across a break, places are of different blocs
					r.RankChange = ptr(p.rank - e.rank)
				}
			}
			if p.grade != "" {
				r.PrevGrade = &p.grade
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

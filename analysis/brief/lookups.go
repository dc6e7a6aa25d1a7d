package brief

import (
	"runtime"
	"sync/atomic"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data/join"
)

// rowLookups is what the movements read of each table row's unit history:
// its name last year (renamed) and its years in a row at the top grade
// (topGradeStreaks). On a national table that is a history lookup per
// unit, the brief's largest cost, so it is done on every core while the
// lead, the highlights and the blocs' sections are written, and read once
// done: the sentences, and their order, are the same as looking up one
// row at a time.
type rowLookups struct {
	done   join.Group
	byBloc map[string][]rowLookup // aligned with the bloc's table rows
}

type rowLookup struct {
	prevName, prevID string
	hasPrevName      bool // the unit has a record last year (NameIn)
	topStreak        int  // years in a row at the top grade up to the brief's year; 0 unless the row holds it
}

// startLookups begins the lookups of every bloc of g; g.lookups waits for them.
func (g *gen) startLookups() {
	l := &rowLookups{byBloc: make(map[string][]rowLookup, len(g.blocs))}
	type job struct {
		bloc  string
		years []int // the bloc's years, for the streaks; nil when too few
		rows  []analysis.Row
		out   []rowLookup
	}
	var jobs []job
	for _, b := range g.blocs {
		t := g.tables[b]
		out := make([]rowLookup, len(t.Rows))
		l.byBloc[b] = out
		var years []int
		if ys := g.blocYears(b); len(ys) >= streakYears {
			years = ys
		}
		const step = 2048 // rows per job: enough to share a big bloc between cores
		for from := 0; from < len(t.Rows); from += step {
			to := min(from+step, len(t.Rows))
			jobs = append(jobs, job{b, years, t.Rows[from:to], out[from:to]})
		}
	}
	var taken atomic.Int64 // jobs handed out, to whichever worker asks first
	for range max(1, min(runtime.GOMAXPROCS(0), len(jobs))) {
		l.done.Go(func() {
			top := g.topGradeTable() // each worker its own answers
			for k := int(taken.Add(1)) - 1; k < len(jobs); k = int(taken.Add(1)) - 1 {
				j := jobs[k]
				for i, r := range j.rows {
					j.out[i] = g.lookUp(j.bloc, j.years, r, top)
				}
			}
		})
	}
	g.rowLooks = l
}

// lookups returns the lookups of a bloc's table rows, once every core is done.
func (g *gen) lookups(bloc string) []rowLookup {
	g.rowLooks.done.Wait()
	return g.rowLooks.byBloc[bloc]
}

// lookUp reads one row's unit history.
func (g *gen) lookUp(bloc string, years []int, r analysis.Row, top func(bloc string, year int, label string) bool) rowLookup {
	var out rowLookup
	t := g.tables[bloc]
	if t.PrevYear != nil && (r.PrevScore != nil || r.PrevGrade != nil || r.PrevRank != nil) {
		out.prevName, out.prevID, out.hasPrevName = g.a.NameIn(g.index, r.UnitID, *t.PrevYear, bloc)
	}
	if years != nil && r.Grade != nil && top(bloc, g.year, *r.Grade) {
		out.topStreak = g.topGradeStreak(bloc, years, r.UnitID, top)
	}
	return out
}

package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parlens/parlens/data"
)

// Press tables often publish ranks for every year but scores only for some,
// and often only the top and the bottom rows. Such a table is still data:
// its published ranks are the ranks. It is also partial, and what needs the
// whole bloc (a mean, grade counts, the biggest moves, the bottom) is not
// stated for it.

// complete reports whether the group holds its whole table: no published
// rank beyond the rows present, not some ranked rows with a score and
// others with a published rank only, and, where ranks are published, no row
// with neither a score nor a rank (a press table lists its top rows with
// ranks, then names a few units "at the bottom" without either: the table
// is not all there). Without published ranks, a row with neither is a unit
// without a result, as in any table.
func (g *group) complete() bool {
	return g.maxPub <= len(g.entries) && (g.scoredEl == 0 || g.rankOnly == 0) && (g.maxPub == 0 || g.bare == 0)
}

// partialReason says in plain words why the group is partial ("" when complete).
func (g *group) partialReason() string {
	var why []string
	if g.maxPub > len(g.entries) {
		why = append(why, fmt.Sprintf("published ranks go up to %d but the table has %d rows", g.maxPub, len(g.entries)))
	}
	if g.scoredEl > 0 && g.rankOnly > 0 {
		rows := fmt.Sprintf("%d rows have", g.rankOnly)
		if g.rankOnly == 1 {
			rows = "1 row has"
		}
		why = append(why, rows+" a published rank but no score")
	}
	if g.maxPub > 0 && g.bare > 0 {
		rows := fmt.Sprintf("%d rows name a unit", g.bare)
		if g.bare == 1 {
			rows = "1 row names a unit"
		}
		why = append(why, rows+" with neither a score nor a rank while others have published ranks")
	}
	return strings.Join(why, "; ")
}

// rankAsPublished ranks the group by its published ranks: rows without one
// (and not-ranked rows) get no rank.
func (g *group) rankAsPublished() {
	for i := range g.entries {
		e := &g.entries[i]
		if e.rec.PublishedRank > 0 && !e.rec.NotRanked {
			e.rank = e.rec.PublishedRank
			g.order = append(g.order, i)
		}
	}
	slices.SortStableFunc(g.order, func(x, y int) int {
		ex, ey := &g.entries[x], &g.entries[y]
		if ex.rank != ey.rank {
			return ex.rank - ey.rank
		}
		return cmpName(ex.rec.Unit, ey.rec.Unit)
	})
	g.nRanked = len(g.order)
	// asc holds the scores of the ranked rows that have one, for lookups by
	// score; gaps by score are not computed on published ranks.
	for _, i := range g.order {
		if e := &g.entries[i]; e.hasScore {
			g.asc = append(g.asc, e.cents)
		}
	}
	slices.Sort(g.asc)
	g.maxRank = g.maxPub
	g.rows = g.buildRows()
	g.rowAt = make([]int, len(g.rows))
	for k, i := range g.rows {
		g.rowAt[i] = k
	}
}

// topKnown reports whether the group shows who is first.
func (g *group) topKnown() bool {
	return len(g.order) > 0 && g.entries[g.order[0]].rank == 1
}

// bottomKnown reports whether the group shows who is last.
func (g *group) bottomKnown() bool { return g.complete() && g.maxRank > 1 }

// earlierPartial reports whether some earlier year of the bloc is partial:
// a unit absent from it may have been in the rows not published.
func (g *group) earlierPartial() bool {
	for _, x := range g.ix.byBloc[g.bloc][:g.pos] {
		if !x.complete() {
			return true
		}
	}
	return false
}

// since is the first year of data of the bloc: the window in which its
// first-time, streak and count claims are counted.
func (g *group) since() int { return g.ix.byBloc[g.bloc][0].year }

// rankOrderIssue warns when a scored row of a table ranked as published
// (partial) scores above a row published ahead of it: the ranks are taken as
// published, so a typo in one of them would pass unseen.
func (g *group) rankOrderIssue(e *entry) (data.Issue, bool) {
	if !e.hasScore || !e.ranked() {
		return data.Issue{}, false
	}
	var ahead *entry // the scored row with the lowest score among those ranked ahead
	for _, i := range g.order {
		x := &g.entries[i]
		if x.rank >= e.rank {
			break
		}
		if x.hasScore && x.cents < e.cents && (ahead == nil || x.cents < ahead.cents) {
			ahead = x
		}
	}
	if ahead == nil {
		return data.Issue{}, false
	}
	return data.Issue{
		Severity: data.Warning,
		Pos:      data.Pos{File: e.rec.Pos.File, Line: e.rec.Pos.Line},
		Msg: fmt.Sprintf("rank %d given with Tổng điểm %s, above %s ranked %d with %s",
			e.rank, msgScore(e.rec.Total), ahead.rec.Unit, ahead.rank, msgScore(ahead.rec.Total)),
		Hint: fmt.Sprintf("the table of %s %d is partial, so its published ranks are used as given; check the rank or the total", blocName(g.bloc), g.year),
	}, true
}

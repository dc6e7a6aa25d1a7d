package brief

import (
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
)

// partialShape says in words what a partial table holds: "có 10 đơn vị,
// thứ hạng công bố đến hạng 20; 1 đơn vị chỉ có thứ hạng, không có điểm".
func (g *gen) partialShape(s analysis.BlocSummary) string {
	var parts []string
	if s.MaxPublishedRank != nil && *s.MaxPublishedRank > s.Units {
		parts = append(parts, g.sayf(words.BriefPartialListsUnits, g.units(s.Units), g.nth(*s.MaxPublishedRank)))
	}
	if s.RankOnly > 0 && s.Scored > 0 {
		parts = append(parts, g.sayf(words.BriefRankButNoScore, g.unitsHave(s.RankOnly)))
	}
	if s.MaxPublishedRank != nil && s.NoResult > 0 {
		parts = append(parts, g.sayf(words.BriefNamedWithoutResult, g.units(s.NoResult)))
	}
	return strings.Join(parts, "; ")
}

// partial says once, in plain words, that the bloc's table of the year (or
// of the previous year, which the comparisons would use) is partial, and
// what the brief leaves out because of it.
func (g *gen) partial(b string) []Statement {
	s := g.sums[b]
	var out []Statement
	if !s.Complete {
		text := g.sayf(words.BriefPartialTable, g.year, g.blocRef(b), g.partialShape(s))
		out = append(out, stmt("partial", b, text, map[string]any{
			"year": g.year, "units": s.Units, "scored": s.Scored, "rank_only": s.RankOnly,
			"max_published_rank": optI(s.MaxPublishedRank), "reason": optS(s.PartialReason),
		}))
	}
	if s.PrevYear != nil && s.PrevComplete != nil && !*s.PrevComplete {
		py := *s.PrevYear
		ps, _ := g.a.BlocSummary(g.slice(b).WithYear(py))
		text := g.sayf(words.BriefPartialNoComparison, py, g.blocRef(b), g.partialShape(ps), py, py)
		out = append(out, stmt("prev_partial", b, text, map[string]any{
			"prev_year": py, "units": ps.Units, "scored": ps.Scored, "rank_only": ps.RankOnly,
			"max_published_rank": optI(ps.MaxPublishedRank), "reason": optS(s.PrevPartialReason),
		}))
	}
	return out
}

// allComplete reports whether every selected bloc's table of the year is
// complete (and, with prev, the previous year's too): totals across blocs
// need every bloc whole.
func (g *gen) allComplete(prev bool) bool {
	for _, b := range g.blocs {
		s := g.sums[b]
		if !s.Complete || prev && s.PrevComplete != nil && !*s.PrevComplete {
			return false
		}
	}
	return true
}

// window says from which year the first-time, streak and count claims and
// the comparisons are counted: the first year of data of each bloc.
func (g *gen) window() (Statement, bool) {
	compared := false
	first := map[string]int{}
	for _, b := range g.blocs {
		if g.sums[b].PrevYear != nil {
			compared = true
		}
		first[b] = g.blocYears(b)[0]
	}
	if !compared {
		return Statement{}, false
	}
	same := true
	for _, y := range first {
		same = same && y == first[g.blocs[0]]
	}
	head := g.say(words.BriefComparisonsAndTheFirstTime)
	var text string
	if same {
		y := first[g.blocs[0]]
		text = head + g.sayf(words.BriefFirstYearInData, y)
	} else {
		var parts []string
		for _, b := range g.blocs {
			parts = append(parts, g.sayf(words.BriefBlocFromYear, g.blocRef(b), first[b]))
		}
		text = head + g.say(words.BriefEachBlocFirstYear) + g.list(parts) + "."
	}
	return stmt("window", "", text, map[string]any{"since": first}), true
}

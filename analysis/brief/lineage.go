package brief

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// A bloc whose year is the first after a merger or split (analysis.Break)
// opens with a "break" statement saying so and what the comparisons with
// last year are then; each merged unit is named with its predecessors
// («Ninh Bình (hợp nhất từ Hà Nam, Nam Định và Ninh Bình)») and its
// predecessors' last results side by side ("merger", "split"); a combined
// baseline is written only when Options.Baseline asks for one ("baseline").
// Ranks across the break are compared only as shares of the bloc: the top
// p% in the upper half of the table, the bottom q% in the lower half.

// breakStatements are the bloc's break statements, none without a break.
func (g *gen) breakStatements(b string) []Statement {
	s := g.sums[b]
	if len(s.Break) == 0 {
		return nil
	}
	var out []Statement
	if s.PrevYear != nil {
		prev, _ := g.a.BlocSummary(g.slice(b).WithYear(*s.PrevYear))
		how := words.BriefByMergerOrSplit
		switch kinds := breakKinds(s.Break); kinds {
		case analysis.BreakMerger:
			how = words.BriefByMerger
		case analysis.BreakSplit:
			how = words.BriefBySplit
		}
		text := g.sayf(words.BriefBreakLead, g.year, g.units(len(s.Break)), *s.PrevYear, g.units(prev.Units), g.units(s.Units), g.say(how))
		out = append(out, stmt("break", b, text, map[string]any{
			"year": g.year, "prev_year": *s.PrevYear, "reorganised": len(s.Break), "prev_units": prev.Units, "units": s.Units,
		}))
	}
	for _, br := range s.Break {
		out = append(out, g.breakUnit(b, br, s.PrevYear))
		if st, ok := g.baseline(b, br); ok {
			out = append(out, st)
		}
	}
	return out
}

// breakKinds is the one kind of every break, or "" when they differ.
func breakKinds(bs []analysis.Break) string {
	k := bs[0].Kind
	for _, b := range bs[1:] {
		if b.Kind != k {
			return ""
		}
	}
	return k
}

// mergedName writes a unit with its lineage: "Ninh Bình (hợp nhất từ Hà
// Nam, Nam Định và Ninh Bình)", its predecessors by name.
func (g *gen) mergedName(br analysis.Break) string {
	names := make([]string, 0, len(br.Predecessors))
	for _, p := range br.Predecessors {
		names = append(names, p.Unit)
	}
	slices.SortFunc(names, func(x, y string) int { return cmp.Compare(data.Fold(x), data.Fold(y)) })
	if br.Kind == analysis.BreakSplit {
		return g.sayf(words.BriefSplitFrom, br.Unit, g.list(names))
	}
	return g.sayf(words.BriefMergedFrom, br.Unit, g.list(names))
}

// rankOf writes rank r of n: "2/34", "2nd of 34".
func (g *gen) rankOf(r, n int) string { return g.sayf(words.BriefRankOf, r, n, g.nth(r)) }

// breakUnit states a merged unit's place now and each predecessor's last
// result, ranks as "r/N (top p%)": a share of each bloc, never a move in places.
func (g *gen) breakUnit(b string, br analysis.Break, prevYear *int) Statement {
	year := 0
	if prevYear != nil {
		year = *prevYear
	}
	var preds []string
	var facts []map[string]any
	for _, p := range br.Predecessors {
		facts = append(facts, map[string]any{"unit": p.Unit, "unit_id": p.UnitID, "self": p.Self, "weight": p.Weight,
			"year": optI(p.Year), "score": optF(p.Score), "rank": optI(p.Rank), "ranked_of": optI(p.RankedOf), "top_percent": optI(p.TopPercent)})
		if p.Score == nil && p.Rank == nil {
			preds = append(preds, g.sayf(words.BriefPredNoResult, p.Unit))
			continue
		}
		item := p.Unit
		if p.Score != nil {
			item += " " + g.pts(*p.Score)
		}
		if p.Rank != nil && p.RankedOf != nil {
			item += g.sayf(words.BriefPredRank, g.rankOf(*p.Rank, *p.RankedOf)) + g.share(*p.Rank, *p.RankedOf)
		}
		if p.Year != nil && *p.Year != year {
			item += g.sayf(words.BriefPredInYear, *p.Year)
		}
		preds = append(preds, item)
	}
	if year == 0 && len(br.Predecessors) > 0 && br.Predecessors[0].Year != nil {
		year = *br.Predecessors[0].Year
	}
	f := map[string]any{"unit": br.Unit, "unit_id": br.UnitID, "kind": br.Kind, "year": br.Year,
		"rank": optI(br.Rank), "ranked_of": optI(br.RankedOf), "top_percent": optI(br.TopPercent), "predecessors": facts}
	name := words.CapFirst(g.mergedName(br))
	row := g.row(b, br.UnitID)
	if br.Rank != nil && br.RankedOf != nil && row != nil && row.Score != nil {
		f["score"] = *row.Score
		text := g.sayf(words.BriefBreakRanked, name, g.rankOf(*br.Rank, *br.RankedOf), g.pts(*row.Score),
			g.share(*br.Rank, *br.RankedOf), year, g.list(preds))
		return stmt(br.Kind, b, text, f)
	}
	return stmt(br.Kind, b, g.sayf(words.BriefBreakUnranked, name, year, g.list(preds)), f)
}

// sinceMerger qualifies a first-time fact that holds only since the unit's
// merger (a predecessor held it before): " kể từ khi hợp nhất"; "" otherwise.
func (g *gen) sinceMerger(m analysis.Mover) string {
	if m.Break != nil && m.Since != nil && *m.Since == *m.Break {
		return g.say(words.BriefSinceMerger)
	}
	return ""
}

// reorganised reports whether the unit is in its first year after a merger
// or split (its predecessors are stated beside it, not "no result last year").
func (g *gen) reorganised(b, unitID string) bool {
	for _, br := range g.sums[b].Break {
		if br.UnitID == unitID {
			return true
		}
	}
	return false
}

// share writes rank r of n as a share of the bloc: the top p% in the upper
// half, else the bottom q% (analysis.BlocShare, as the dashboard and
// `parlens unit` write it).
func (g *gen) share(r, n int) string {
	p, top := analysis.BlocShare(r, n)
	if top {
		return g.sayf(words.BriefTopPercent, p)
	}
	return g.sayf(words.BriefBottomPercent, p)
}

// row is a unit's row in the bloc's table.
func (g *gen) row(b, unitID string) *analysis.Row {
	t := g.tables[b]
	for i := range t.Rows {
		if t.Rows[i].UnitID == unitID {
			return &t.Rows[i]
		}
	}
	return nil
}

// baseline states the combined baseline Options.Baseline asks for, naming
// its method; none unless asked.
func (g *gen) baseline(b string, br analysis.Break) (Statement, bool) {
	method, err := analysis.ParseBaseline(g.opt.Baseline)
	if g.opt.Baseline == "" || err != nil {
		return Statement{}, false
	}
	var score *float64
	if r := g.row(b, br.UnitID); r != nil {
		score = r.Score
	}
	bl := analysis.CombinedBaseline(br, method, score, g.ds.UnitNumber)
	how := g.say(words.BriefBaselineMean)
	if col, ok := strings.CutPrefix(method, analysis.BaselineWeighted); ok {
		how = g.sayf(words.BriefBaselineWeighted, col)
	}
	if len(bl.Years) > 1 { // scores of different years combined: say which
		years := make([]string, len(bl.Years))
		for i, y := range bl.Years {
			years[i] = strconv.Itoa(y)
		}
		how += g.sayf(words.BriefBaselineYears, g.list(years))
	}
	f := map[string]any{"unit": br.Unit, "unit_id": br.UnitID, "method": bl.Method, "baseline": optF(bl.Score),
		"change": optF(bl.Change), "missing": bl.Missing, "years": bl.Years}
	if bl.Score == nil {
		var names []string
		for _, id := range bl.Missing {
			for _, p := range br.Predecessors {
				if p.UnitID == id {
					names = append(names, p.Unit)
				}
			}
		}
		return stmt("baseline", b, g.sayf(words.BriefNoBaseline, how, br.Unit, g.list(names)), f), true
	}
	if score == nil {
		return Statement{}, false
	}
	// the change between the numbers as written, as for bloc means
	d := float64(shownChange(*score, *bl.Score)) / 100
	f["change_shown"] = d
	change := g.change(d)
	return stmt("baseline", b, g.sayf(words.BriefBaseline, how, g.mean(*bl.Score), words.CapFirst(br.Unit), change), f), true
}

// acrossBreak marks a comparison with last year in a bloc with a break as
// being against the units before the reorganisation; it takes what a
// statement builder returns: add(g.acrossBreak(b)(g.spread(b))).
func (g *gen) acrossBreak(b string) func(Statement, bool) (Statement, bool) {
	return func(st Statement, ok bool) (Statement, bool) {
		if !ok || len(g.sums[b].Break) == 0 {
			return st, ok
		}
		py, compared := st.Facts["prev_year"].(int)
		if !compared {
			return st, ok
		}
		st.Text = strings.TrimSuffix(st.Text, ".") + g.sayf(words.BriefAcrossBreak, py) + "."
		st.Facts["across_break"] = true
		return st, ok
	}
}

// acrossAnyBreak marks a comparison with last year across the selected
// blocs when one of them has a break (lead statements).
func (g *gen) acrossAnyBreak(st Statement) Statement {
	for _, b := range g.blocs {
		if len(g.sums[b].Break) > 0 {
			st, _ = g.acrossBreak(b)(st, true)
			return st
		}
	}
	return st
}

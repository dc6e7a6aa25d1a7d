package brief

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
)

// components writes, bloc by bloc, where the bloc lost the most points, how
// the areas moved since last year (S14), the strongest and weakest area of
// the leader and the bottom unit (S15), and the units that lost points in
// most areas (S14). Bonus components are not areas and are left out.
func (g *gen) components() Section {
	sec := Section{Kind: SectionComponents, Title: g.say(words.BriefComponents)}
	for _, b := range g.blocs {
		bc, ok := g.a.Components(g.slice(b))
		if !ok || !g.sums[b].Complete { // a partial table's averages are not the bloc's
			continue
		}
		var areas []analysis.ComponentStats
		for _, c := range bc.Components {
			if !c.Bonus && c.Mean != nil {
				areas = append(areas, c)
			}
		}
		if len(areas) == 0 {
			continue
		}
		add := func(s Statement, ok bool) {
			if ok {
				sec.Statements = append(sec.Statements, s)
			}
		}
		add(g.mostLost(b, bc))
		if pc := g.sums[b].PrevComplete; pc == nil || *pc {
			add(g.areaChanges(b, areas, bc.PrevYear))
		}
		for _, st := range g.profiles(b, bc) {
			add(st, true)
		}
		add(g.unitsFell(b, bc))
	}
	return sec
}

// outOf writes a component value with its maximum when known: "10,74/11
// điểm". v is already formatted.
func (g *gen) outOf(v string, maxPts *float64) string {
	if maxPts != nil {
		return v + "/" + g.num().Score(*maxPts, 0) + g.say(words.BriefPoints)
	}
	return v + g.say(words.BriefPoints)
}

// mostLost names the area in which the bloc's units lost the most points
// against the maximum that applies to them, on average (as analysis picks
// it: bonus left out). Where criteria marked not applicable ("KPS") shrink
// some units' maxima, the sentence gives the mean applicable maximum and
// says so, so that the points lost add up with what it shows.
func (g *gen) mostLost(b string, bc analysis.BlocComponents) (Statement, bool) {
	if bc.MostLost == nil {
		return Statement{}, false
	}
	var c *analysis.ComponentStats
	for i := range bc.Components {
		if bc.Components[i].Key == *bc.MostLost {
			c = &bc.Components[i]
		}
	}
	if c == nil || c.Mean == nil || c.MaxPoints == nil || c.LostMean == nil || c.ApplicableMaxMean == nil {
		return Statement{}, false
	}
	f := map[string]any{
		"component": c.Name, "key": c.Key, "mean": *c.Mean, "max_points": *c.MaxPoints, "lost_mean": *c.LostMean, "units": c.Units,
		"applicable_max_mean": *c.ApplicableMaxMean,
	}
	if *c.ApplicableMaxMean != *c.MaxPoints {
		text := g.sayf(words.BriefTheAreaWhereTheBlocApplicable, c.Name, g.mean(*c.Mean), g.mean(*c.ApplicableMaxMean), g.delta(*c.LostMean))
		return stmt("component_most_lost", b, text, f), true
	}
	text := g.sayf(words.BriefTheAreaWhereTheBloc, c.Name, g.outOf(g.mean(*c.Mean), c.MaxPoints), g.delta(*c.LostMean))
	return stmt("component_most_lost", b, text, f), true
}

// areaChanges counts the areas whose bloc mean rose and fell since the
// bloc's previous year, naming the largest fall (or rise).
func (g *gen) areaChanges(b string, areas []analysis.ComponentStats, prevYear *int) (Statement, bool) {
	if prevYear == nil {
		return Statement{}, false
	}
	type ch struct {
		c analysis.ComponentStats
		d int64
	}
	var chs []ch
	for _, c := range areas {
		if c.Mean != nil && c.PrevMean != nil {
			chs = append(chs, ch{c, shownChange(*c.Mean, *c.PrevMean)})
		}
	}
	if len(chs) == 0 {
		return Statement{}, false
	}
	n := len(chs)
	rose, fell := 0, 0
	lo, hi := -1, -1
	for i, x := range chs {
		if x.d > 0 {
			rose++
		}
		if x.d < 0 {
			fell++
		}
		if lo < 0 || x.d < chs[lo].d {
			lo = i
		}
		if hi < 0 || x.d > chs[hi].d {
			hi = i
		}
	}
	py := *prevYear
	var parts []string
	if rose > 0 {
		parts = append(parts, g.sayf(words.BriefRoseInAreas, g.frac(rose, n)))
	}
	if fell > 0 {
		parts = append(parts, g.sayf(words.BriefFellInAreas, g.frac(fell, n)))
	}
	if len(parts) == 0 {
		parts = append(parts, g.sayf(words.BriefIsUnchangedInAllAreas, n))
	}
	text := g.sayf(words.BriefComparedWithTheBlocS, py) + g.list(parts)
	f := map[string]any{"prev_year": py, "areas": n, "rose": rose, "fell": fell}
	switch {
	case fell > 0:
		x := chs[lo]
		text += g.sayf(words.BriefTheLargestFallIsIn, x.c.Name, g.change(float64(x.d)/100))
		f["largest_fall"] = x.c.Name
		f["largest_fall_change"] = float64(x.d) / 100
	case rose > 0:
		x := chs[hi]
		text += g.sayf(words.BriefTheLargestRiseIsIn, x.c.Name, g.change(float64(x.d)/100))
		f["largest_rise"] = x.c.Name
		f["largest_rise_change"] = float64(x.d) / 100
	}
	return stmt("component_change", b, text+".", f), true
}

// profiles states the strongest and weakest area, relative to the bloc, of
// the leader(s) and the bottom unit(s).
func (g *gen) profiles(b string, bc analysis.BlocComponents) []Statement {
	s := g.sums[b]
	role := map[string]string{}
	var ids []string
	for _, u := range s.Leader {
		role[u.UnitID] = g.say(words.BriefFirstPlace)
		ids = append(ids, u.UnitID)
	}
	for _, u := range s.Bottom {
		if _, ok := role[u.UnitID]; !ok {
			role[u.UnitID] = g.say(words.BriefLastPlace)
			ids = append(ids, u.UnitID)
		}
	}
	var out []Statement
	for _, id := range ids {
		var uc *analysis.UnitComponents
		for i := range bc.Units {
			if bc.Units[i].UnitID == id {
				uc = &bc.Units[i]
			}
		}
		if uc == nil {
			continue
		}
		// Strongest and weakest come from analysis (bonus left out);
		// the shape needs every area's distance from the bloc mean.
		strong, weak := -1, -1
		vs := make([]float64, len(uc.Components))
		n := 0
		for i := range uc.Components {
			c := &uc.Components[i]
			v, ok := analysis.VsBloc(c)
			if !ok || c.Bonus || i >= len(bc.Components) {
				continue
			}
			vs[i] = v
			n++
			if uc.StrongestKey != nil && c.Key == *uc.StrongestKey {
				strong = i
			}
			if uc.WeakestKey != nil && c.Key == *uc.WeakestKey {
				weak = i
			}
		}
		if strong < 0 || weak < 0 {
			continue
		}
		minV, maxV := vs[weak], vs[strong]
		if n < 2 || strong == weak {
			continue
		}
		cs, cw := uc.Components[strong], uc.Components[weak]
		ss, sw := bc.Components[strong], bc.Components[weak]
		// the unit's score out of the maximum that applies to it, as its
		// share against the bloc (VsBloc) is
		desc := func(c analysis.ComponentScore, st analysis.ComponentStats) string {
			if c.ApplicableMax != nil && st.MaxPoints != nil && *c.ApplicableMax != *st.MaxPoints {
				// criteria not applicable to the unit: say why its maximum is smaller
				return g.sayf(words.BriefBlocMeanApplicable, st.Name, g.outOf(g.score(*c.Score), c.ApplicableMax), g.mean(*st.Mean))
			}
			return g.sayf(words.BriefBlocMean, st.Name, g.outOf(g.score(*c.Score), c.ApplicableMax), g.mean(*st.Mean))
		}
		who := fmt.Sprintf("%s (%s)", uc.Unit, role[id])
		var text, shape string
		switch {
		case minV > 0:
			shape = "all_above"
			text = g.sayf(words.BriefAboveMeanEverywhere, who, desc(cs, ss), desc(cw, sw))
		case maxV < 0:
			shape = "all_below"
			text = g.sayf(words.BriefBelowMeanEverywhere, who, desc(cs, ss), desc(cw, sw))
		default:
			shape = "mixed"
			text = g.sayf(words.BriefStrongestWeakest, who, desc(cs, ss), desc(cw, sw))
		}
		out = append(out, stmt("component_profile", b, text, map[string]any{
			"unit": uc.Unit, "unit_id": id, "shape": shape, "role": map[bool]string{true: "leader", false: "bottom"}[isLeader(s, id)],
			"strongest": ss.Name, "strongest_score": *cs.Score, "strongest_max": optF(ss.MaxPoints), "strongest_applicable_max": optF(cs.ApplicableMax), "strongest_bloc_mean": *ss.Mean, "strongest_vs_bloc": vs[strong],
			"weakest": sw.Name, "weakest_score": *cw.Score, "weakest_max": optF(sw.MaxPoints), "weakest_applicable_max": optF(cw.ApplicableMax), "weakest_bloc_mean": *sw.Mean, "weakest_vs_bloc": vs[weak],
		}))
	}
	return out
}

func isLeader(s analysis.BlocSummary, id string) bool {
	for _, u := range s.Leader {
		if u.UnitID == id {
			return true
		}
	}
	return false
}

// unitsFell names the units whose score fell in more than half of their
// comparable areas (k/N areas).
func (g *gen) unitsFell(b string, bc analysis.BlocComponents) (Statement, bool) {
	if bc.PrevYear == nil {
		return Statement{}, false
	}
	type uf struct {
		unit, id  string
		fell, cmp int
		order     int
	}
	var us []uf
	for k, u := range bc.Units {
		if u.Fell == nil || u.Comparable == nil {
			continue
		}
		if fell, comparable := *u.Fell, *u.Comparable; comparable >= 2 && 2*fell > comparable {
			us = append(us, uf{u.Unit, u.UnitID, fell, comparable, k})
		}
	}
	if len(us) == 0 {
		return Statement{}, false
	}
	slices.SortStableFunc(us, func(x, y uf) int {
		if c := cmp.Compare(y.fell*x.cmp, x.fell*y.cmp); c != 0 { // larger share first
			return c
		}
		return cmp.Compare(x.order, y.order)
	})
	var items []string
	var facts []map[string]any
	for _, u := range us {
		items = append(items, fmt.Sprintf("%s (%s %s)", u.unit, g.frac(u.fell, u.cmp), g.say(words.BriefAreasWord)))
		facts = append(facts, map[string]any{"unit": u.unit, "unit_id": u.id, "fell": u.fell, "comparable": u.cmp})
	}
	text := g.sayf(words.BriefLosingPointsInMostAreas, *bc.PrevYear) +
		joinPlain(items, g.say(words.BriefAnd)) + "."
	return stmt("components_fell", b, text, map[string]any{"prev_year": *bc.PrevYear, "units": facts}), true
}

package brief

import (
	"slices"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// highlights states the facts the analyst marked, in the order given.
func (g *gen) highlights() Section {
	sec := Section{Kind: SectionHighlights, Title: g.say(words.BriefHighlights)}
	for _, m := range g.opt.Highlights {
		if text := g.moverText(m); text != "" {
			f := moverFacts(m)
			f["index"] = m.Index
			f["year"] = m.Year
			sec.Statements = append(sec.Statements, stmt("highlight", m.Bloc, text, f))
		}
	}
	return sec
}

// moverText writes one mover as a sentence that names its bloc (and its
// year and index when they are not the brief's).
func (g *gen) moverText(m analysis.Mover) string {
	bloc := g.blocRef(m.Bloc)
	if m.Index != "" && m.Index != g.index {
		bloc += " (" + m.Index + ")"
	}
	where := g.say(words.BriefInBloc) + bloc
	if m.Year != 0 && m.Year != g.year {
		where = g.sayf(words.BriefInIn, m.Year) + bloc
	}
	u := m.Unit
	sg := g.scoreGrade(m, false)
	var pred string
	switch m.Kind {
	case analysis.Top:
		pred = g.say(words.BriefRanksFirst) + sg
	case analysis.FirstTimeTop:
		pred = g.say(words.BriefRisesToFirstPlaceFor) + g.sinceMerger(m) + g.prevRank(m) + sg
	case analysis.RetainedTop:
		streak := deref(m.Streak, 2)
		if streak <= 2 {
			pred = g.say(words.BriefKeepsFirstPlaceLong) + sg
		} else {
			pred = g.say(words.BriefIsFirst) + g.nthYear(streak) + sg
		}
	case analysis.RegainedTop:
		pred = g.say(words.BriefIsBackInFirstPlace) + g.prevRank(m) + sg
		if m.Count != nil {
			pred += g.sayf(words.BriefNthTime, g.nth(*m.Count))
		}
	case analysis.Bottom:
		streak := deref(m.Streak, 1)
		pred = g.say(words.BriefIsInLastPlace)
		if streak >= 2 {
			pred += " " + g.nthYear(streak)
		}
		pred += sg
	case analysis.BiggestGain, analysis.BiggestDrop:
		if m.Change == nil {
			return ""
		}
		if m.Kind == analysis.BiggestGain {
			pred = g.say(words.BriefGainsTheMostPointsIn) + g.change(*m.Change)
		} else {
			pred = g.say(words.BriefLosesTheMostPointsIn) + g.change(*m.Change)
		}
		if m.PrevScore != nil && m.Score != nil {
			dir := map[bool]*words.Word{true: words.BriefScoreFromUpTo, false: words.BriefScoreFromDownTo}[m.Kind == analysis.BiggestGain]
			pred += g.sayf(dir, g.score(*m.PrevScore), g.ptsIn(*m.Score), g.score(*m.Score))
		}
	case analysis.BiggestClimb, analysis.BiggestFall:
		if m.RankChange == nil || m.PrevRank == nil || m.Rank == nil {
			return ""
		}
		k := *m.RankChange
		if k < 0 {
			k = -k
		}
		places := g.sayf(words.BriefPlaces, k)
		if k == 1 {
			places = g.sayf(words.BriefOnePlace, k)
		}
		if m.Kind == analysis.BiggestClimb {
			pred = g.sayf(words.BriefClimbsMost, places, g.place(*m.PrevRank), g.place(*m.Rank))
		} else {
			pred = g.sayf(words.BriefFallsMost, places, g.place(*m.PrevRank), g.place(*m.Rank))
		}
	case analysis.GradeUp, analysis.GradeDown:
		if m.Grade == nil || m.PrevGrade == nil {
			return ""
		}
		if m.Kind == analysis.GradeUp {
			pred = g.sayf(words.BriefMovesUpAGrade, g.grade(*m.PrevGrade), g.grade(*m.Grade))
		} else {
			pred = g.sayf(words.BriefMovesDownAGrade, g.grade(*m.PrevGrade), g.grade(*m.Grade))
		}
	case analysis.FirstTimeGrade:
		if m.Grade == nil {
			return ""
		}
		pred = g.sayf(words.BriefGradedFirstTime, g.grade(*m.Grade))
	case analysis.SoleGrade:
		if m.Grade == nil {
			return ""
		}
		pred = g.say(words.BriefIsTheOnlyUnitOf) + g.grade(*m.Grade)
	case analysis.NewUnit:
		pred = g.say(words.BriefHasAResultForThe) + sg
	default:
		return ""
	}
	return where + ", " + u + " " + pred + "."
}

// movements gathers, bloc by bloc, what the league tables alone do not say
// and an announcement would: every unit at a grade or better for the first
// time (S11), first top grades, grade streaks (S17), new units, units
// without last year's result, and renamed units.
func (g *gen) movements() Section {
	sec := Section{Kind: SectionMovements, Title: g.say(words.BriefNotableMovements)}
	for _, b := range g.blocs {
		for _, f := range []func(string) []Statement{g.allGradedFirstTime, g.firstTimeGrade, g.topGradeStreaks, g.newUnits, g.noPrevUnits, g.renamed} {
			sec.Statements = append(sec.Statements, f(b)...)
		}
	}
	return sec
}

// annex is the analyst's annex (Options.Annex; the dashboard always shows
// it): bloc by bloc, the rank a unit would have had with last year's score
// (S16) and the units that gained points yet lost places, then the
// component analysis. Announcements do not print these.
func (g *gen) annex() Section {
	sec := Section{Kind: SectionAnnex, Title: g.say(words.BriefAnnex)}
	comps := g.components().Statements
	for _, b := range g.blocs { // bloc by bloc, so each bloc has one heading
		sec.Statements = append(sec.Statements, g.counterfactuals(b)...)
		sec.Statements = append(sec.Statements, g.gainButFell(b)...)
		for _, st := range comps {
			if st.Bloc == b {
				sec.Statements = append(sec.Statements, st)
			}
		}
	}
	return sec
}

// counterfactuals: for the units that fell the most places, the rank they
// would hold this year with last year's score (S16).
func (g *gen) counterfactuals(b string) []Statement {
	var out []Statement
	gaps := g.a.Gaps(g.slice(b))
	fallers := g.moversOf(b, analysis.BiggestFall)
	if len(fallers) > 2 {
		return nil // a many-way tie (usually one place each) says little
	}
	for _, m := range fallers {
		var gp *analysis.Gap
		for i := range gaps {
			if gaps[i].UnitID == m.UnitID {
				gp = &gaps[i]
			}
		}
		if gp == nil || gp.RankWithPrevScore == nil || gp.PrevScore == nil || gp.Rank == nil || gp.PrevYear == nil || gp.PrevRank == nil {
			continue
		}
		cf, r, py := *gp.RankWithPrevScore, *gp.Rank, *gp.PrevYear
		text := g.sayf(words.BriefKeptScore, py, g.ptsIn(*gp.PrevScore), m.Unit, g.place(cf))
		switch {
		case cf < r:
			text += g.sayf(words.BriefKeptScoreInstead, g.place(r))
		case cf == r:
			text += g.sayf(words.BriefKeptScoreSame, g.place(*gp.PrevRank), g.place(r))
		default:
			text += g.sayf(words.BriefKeptScoreBetter, g.place(r))
		}
		out = append(out, stmt("counterfactual", b, text, map[string]any{
			"unit": m.Unit, "unit_id": m.UnitID, "rank": r, "prev_rank": *gp.PrevRank, "prev_year": py,
			"prev_score": *gp.PrevScore, "score": optF(gp.Score), "rank_with_prev_score": cf,
		}))
	}
	return out
}

// gainButFell names the units whose score rose while their rank fell.
func (g *gen) gainButFell(b string) []Statement {
	t := g.tables[b]
	if t.PrevYear == nil {
		return nil
	}
	var items []string
	var units []map[string]any
	for _, r := range t.Rows {
		if r.Change == nil || r.RankChange == nil || numfmt.Cents(*r.Change) <= 0 || *r.RankChange >= 0 || r.PrevRank == nil || r.Rank == nil {
			continue
		}
		items = append(items, r.Unit+g.sayf(words.BriefGainedButFell, g.delta(*r.Change), g.place(*r.PrevRank), g.place(*r.Rank)))
		units = append(units, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "change": *r.Change, "prev_rank": *r.PrevRank, "rank": *r.Rank})
	}
	if len(items) == 0 {
		return nil
	}
	text := g.sayf(words.BriefGainedButFellHead, g.units(len(items)), *t.PrevYear) + joinPlain(items, g.say(words.BriefAnd)) + "."
	return []Statement{stmt("gain_but_fell", b, text, map[string]any{"prev_year": *t.PrevYear, "units": units})}
}

// firstTimeGrade names the units with the top grade for the first time.
func (g *gen) firstTimeGrade(b string) []Statement {
	by := map[string][]string{}
	var order []string
	var facts []map[string]any
	for _, m := range g.moversOf(b, analysis.FirstTimeGrade) {
		if m.Grade == nil {
			continue
		}
		if _, ok := by[*m.Grade]; !ok {
			order = append(order, *m.Grade)
		}
		by[*m.Grade] = append(by[*m.Grade], m.Unit)
		facts = append(facts, map[string]any{"unit": m.Unit, "unit_id": m.UnitID, "grade": *m.Grade, "prev_grade": optS(m.PrevGrade)})
	}
	var out []Statement
	for _, gr := range order {
		us := by[gr]
		text := g.sayf(words.BriefFirstTimeGraded, g.grade(gr), g.subject(b, g.list(us)))
		out = append(out, stmt("first_time_grade", b, text, map[string]any{"grade": gr, "units": facts}))
	}
	return out
}

// topGradeStreaks names the units holding the top grade for at least three
// consecutive years of the bloc (S17).
func (g *gen) topGradeStreaks(b string) []Statement {
	years := g.blocYears(b)
	if len(years) < streakYears {
		return nil
	}
	var items []string
	var facts []map[string]any
	label := ""
	looks := g.lookups(b)
	for i, r := range g.tables[b].Rows {
		streak := looks[i].topStreak
		if streak < streakYears {
			continue
		}
		if label == "" {
			label = *r.Grade
		}
		items = append(items, r.Unit+g.sayf(words.BriefNthYear, g.nth(streak)))
		facts = append(facts, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "streak": streak, "grade": *r.Grade})
	}
	if len(items) == 0 {
		return nil
	}
	text := g.sayf(words.BriefGradeStreak, g.grade(label), g.subject(b, joinPlain(items, g.say(words.BriefAnd))))
	return []Statement{stmt("top_grade_streak", b, text, map[string]any{"units": facts, "years": years})}
}

// streakYears is the shortest streak at the top grade the brief names.
const streakYears = 3

// topGradeStreak counts the years in a row, back from the last of years,
// in which the unit held the top grade of the bloc.
func (g *gen) topGradeStreak(b string, years []int, unitID string, top func(bloc string, year int, label string) bool) int {
	h, ok := g.a.IndexHistory(g.index, unitID)
	if !ok {
		return 0
	}
	streak := 0
	for i := len(years) - 1; i >= 0; i-- {
		p := pointIn(h, years[i], b)
		if p == nil || p.Grade == nil || !top(b, years[i], *p.Grade) {
			break
		}
		streak++
	}
	return streak
}

// blocYears lists the years in which the bloc has data, up to the brief's year.
func (g *gen) blocYears(b string) []int {
	var out []int
	for _, y := range g.a.Years(g.index) {
		if y > g.year {
			break
		}
		if slices.Contains(g.a.BlocsIn(g.index, y), b) { // not BlocSummary: it would compute the summary
			out = append(out, y)
		}
	}
	return out
}

func pointIn(h analysis.UnitHistory, year int, bloc string) *analysis.HistoryPoint {
	var any *analysis.HistoryPoint
	for i := range h.Points {
		p := &h.Points[i]
		if p.Year == year {
			if p.Bloc == bloc {
				return p
			}
			any = p
		}
	}
	return any
}

// topGrade reports whether a label is the best grade (level 0).
// Answers are kept: the streaks ask it for every unit and year.
func (g *gen) topGrade(bloc string, year int, label string) bool {
	lvl, ok := g.ds.GradeLevel(g.slice(bloc).WithYear(year), label)
	return ok && lvl == 0
}

// topGradeTable is topGrade remembering its answers, for one goroutine.
func (g *gen) topGradeTable() func(bloc string, year int, label string) bool {
	isTop := map[topGradeKey]bool{}
	return func(bloc string, year int, label string) bool {
		k := topGradeKey{bloc, year, label}
		top, ok := isTop[k]
		if !ok {
			top = g.topGrade(bloc, year, label)
			isTop[k] = top
		}
		return top
	}
}

type topGradeKey struct {
	bloc  string
	year  int
	label string
}

// newUnits names the units with a result for the first time.
func (g *gen) newUnits(b string) []Statement {
	var names []string
	var ids []string
	for _, m := range g.moversOf(b, analysis.NewUnit) {
		names = append(names, m.Unit)
		ids = append(ids, m.UnitID)
	}
	if len(names) == 0 {
		return nil
	}
	text := g.sayf(words.BriefWithAResultForThe, g.subject(b, g.list(names)))
	return []Statement{stmt("new_unit", b, text, map[string]any{"units": names, "unit_ids": ids})}
}

// noPrevUnits names the units that have results in earlier years but none
// in the bloc's previous year: they are not compared.
func (g *gen) noPrevUnits(b string) []Statement {
	t := g.tables[b]
	if t.PrevYear == nil {
		return nil
	}
	isNew := map[string]bool{}
	for _, m := range g.moversOf(b, analysis.NewUnit) {
		isNew[m.UnitID] = true
	}
	var names []string
	for _, r := range t.Rows {
		if isNew[r.UnitID] || r.PrevScore != nil || r.PrevGrade != nil || r.PrevRank != nil || g.reorganised(b, r.UnitID) {
			continue
		}
		if r.Score == nil && r.Grade == nil {
			continue
		}
		names = append(names, r.Unit)
	}
	if len(names) == 0 {
		return nil
	}
	text := g.sayf(words.BriefNoResultInSoNot, *t.PrevYear, g.subject(b, g.list(names)))
	if s := g.sums[b]; s.PrevComplete != nil && !*s.PrevComplete { // absent from the rows published, not without a result
		text = g.sayf(words.BriefNotInThePartialTable, *t.PrevYear, g.subject(b, g.list(names)))
	}
	return []Statement{stmt("no_prev_unit", b, text, map[string]any{"prev_year": *t.PrevYear, "units": names})}
}

// renamed names the units whose name differs from the one they had in the
// bloc's previous year (a rename under the same code, or a successor).
func (g *gen) renamed(b string) []Statement {
	t := g.tables[b]
	if t.PrevYear == nil {
		return nil
	}
	var out []Statement
	looks := g.lookups(b)
	for i, r := range t.Rows {
		// the name last year, as the unit's history has it (without building
		// the history of every unit: most keep their name)
		prevName, prevID := looks[i].prevName, looks[i].prevID
		if !looks[i].hasPrevName || prevName == r.Unit || data.Fold(prevName) == data.Fold(r.Unit) {
			continue
		}
		text := g.sayf(words.BriefRenamedSinceIsNowIts, *t.PrevYear, g.subject(b, prevName), r.Unit)
		out = append(out, stmt("renamed", b, text, map[string]any{
			"unit": r.Unit, "unit_id": r.UnitID, "prev_name": prevName, "prev_unit_id": prevID, "prev_year": *t.PrevYear,
		}))
	}
	return out
}

// allGradedFirstTime: every unit of the bloc has a grade at least as good as
// G for the first time in the bloc's history (S11), G being this year's
// lowest grade.
func (g *gen) allGradedFirstTime(b string) []Statement {
	s := g.sums[b]
	if s.Ungraded > 0 || s.Units < 2 {
		return nil
	}
	worst := func(y int, sum analysis.BlocSummary) (int, string, bool) {
		lvl, label, found := -1, "", false
		for _, gc := range sum.Grades {
			if gc.Count == 0 {
				continue
			}
			l, ok := g.ds.GradeLevel(g.slice(b).WithYear(y), gc.Grade)
			if !ok {
				return 0, "", false
			}
			if l > lvl {
				lvl, label, found = l, gc.Grade, true
			}
		}
		return lvl, label, found
	}
	cur, label, ok := worst(g.year, s)
	if !ok {
		return nil
	}
	years := g.blocYears(b)
	if len(years) < 2 {
		return nil
	}
	for _, y := range years[:len(years)-1] {
		ps, ok := g.a.BlocSummary(g.slice(b).WithYear(y))
		if !ok {
			return nil
		}
		w, _, ok := worst(y, ps)
		if !ok || w <= cur {
			return nil
		}
	}
	var text string
	if cur == 0 {
		text = g.sayf(words.BriefAllGradedFirstTime, g.units(s.Units), g.grade(label))
	} else {
		text = g.sayf(words.BriefAllGradedOrBetterFirstTime, g.units(s.Units), g.grade(label))
	}
	return []Statement{stmt("all_graded_first_time", b, text, map[string]any{
		"grade": label, "units": s.Units, "earlier_years": years[:len(years)-1],
	})}
}

package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// lead is the opening paragraph: how many units and blocs, the grades and
// scores across blocs compared with last year, and the bloc averages.
func (g *gen) lead() Section {
	sec := Section{Kind: SectionLead, Title: g.say(words.BriefOverview)}
	add := func(s Statement) { sec.Statements = append(sec.Statements, s) }

	total, notRanked := 0, 0
	var parts []string
	perBloc := map[string]any{}
	for _, b := range g.blocs {
		s := g.sums[b]
		total += s.Units
		notRanked += s.NotRanked
		perBloc[b] = s.Units
	}
	for _, b := range g.blocs {
		if g.en && len(g.blocs) > 1 { // an English list names the blocs bare: "Sở, ban, ngành (departments, 20 units)"
			n := g.units(g.sums[b].Units)
			if gl := g.gloss(b); gl != "" {
				n = strings.TrimSuffix(strings.TrimPrefix(gl, " ("), ")") + ", " + n
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", b, n))
		} else if len(g.blocs) > 1 {
			parts = append(parts, fmt.Sprintf("%s (%s)", g.blocRef(b), g.units(g.sums[b].Units)))
		}
	}
	year := fmt.Sprint(g.year)
	if !g.allComplete(false) { // the rows present, not the bloc's whole count
		year += g.say(words.BriefInTheData)
	}
	assessed := g.say(words.BriefAssessedGraded)
	if g.scored {
		assessed = g.say(words.BriefAssessedRanked)
	}
	var text string
	switch {
	case len(g.blocs) == 1:
		text = g.sayf(words.BriefResultsCover, assessed, g.indexPhrase(), year, g.units(total), g.blocRef(g.blocs[0]))
	default:
		text = g.sayf(words.BriefResultsCoverBlocs, assessed, g.indexPhrase(), year, g.units(total), len(g.blocs), g.list(parts))
	}
	if notRanked > 0 {
		w := words.BriefNotRankedMany
		if notRanked == 1 {
			w = words.BriefNotRankedOne
		}
		text += g.sayf(w, g.units(notRanked))
	}
	add(stmt("overview", "", text+".", map[string]any{
		"index": g.index, "year": g.year, "units": total, "blocs": len(g.blocs), "units_per_bloc": perBloc, "not_ranked": notRanked,
	}))

	ys, _ := g.a.Summary(g.index, g.year)
	if ys.PrevYear == nil {
		add(stmt("first_year", "", g.sayf(words.BriefIsTheFirstYearIn, g.year),
			map[string]any{"year": g.year}))
	}

	prev, common := g.commonPrev()
	if len(g.blocs) >= 2 && g.allComplete(false) { // totals across blocs need every table whole
		if g.ungraded() {
			if s, ok := g.leadBands(prev, common && g.allComplete(true)); ok {
				add(g.acrossAnyBreak(s))
			}
		}
		if s, ok := g.leadGrades(); ok {
			add(s)
		}
		if common && g.allComplete(true) {
			if s, ok := g.leadGradeChange(prev); ok {
				add(g.acrossAnyBreak(s))
			}
		}
	}
	if common && g.scored && len(g.blocs) >= 2 && g.allComplete(true) { // one bloc: its section says it; a partial one counts nothing
		if s, ok := g.leadScores(prev); ok {
			add(g.acrossAnyBreak(s))
		}
	}
	if s, ok := g.blocMeans(); ok {
		add(s)
	}
	return sec
}

// commonPrev is the previous year shared by every selected bloc, if any.
func (g *gen) commonPrev() (int, bool) {
	prev := 0
	for _, b := range g.blocs {
		p := g.sums[b].PrevYear
		if p == nil || (prev != 0 && *p != prev) {
			return 0, false
		}
		prev = *p
	}
	return prev, prev != 0
}

// gradeTally is one grade summed over blocs.
type gradeTally struct {
	label     string
	count     int
	prev      int
	lvl       int
	known     bool
	firstSeen int
}

// tallyGrades sums the grade counts of the selected blocs by label
// (accent- and case-insensitively), best first.
func (g *gen) tallyGrades() (out []*gradeTally, graded, ungraded int) {
	by := map[string]*gradeTally{}
	for _, b := range g.blocs {
		s := g.sums[b]
		ungraded += s.Ungraded
		for _, gc := range s.Grades {
			k := data.Fold(gc.Grade)
			t := by[k]
			if t == nil {
				t = &gradeTally{label: gc.Grade, firstSeen: len(out)}
				if v, ok := data.LookupGrade(gc.Grade); ok {
					t.lvl, t.known = v.Level, true
				}
				by[k] = t
				out = append(out, t)
			}
			t.count += gc.Count
			graded += gc.Count
			if gc.PrevCount != nil {
				t.prev += *gc.PrevCount
			}
		}
	}
	allKnown := true
	for _, t := range out {
		allKnown = allKnown && t.known
	}
	if allKnown {
		slices.SortStableFunc(out, func(x, y *gradeTally) int { return cmp.Compare(x.lvl, y.lvl) })
	}
	return out, graded, ungraded
}

func (g *gen) leadGrades() (Statement, bool) {
	tallies, graded, ungraded := g.tallyGrades()
	if graded == 0 {
		return Statement{}, false
	}
	total := graded + ungraded
	var parts []string
	var counts []gradeCountFact
	for _, t := range tallies {
		if t.count == 0 {
			continue
		}
		counts = append(counts, gradeCountFact{t.label, t.count})
		switch {
		case !g.en || len(parts) == 0: // English says "units are graded" once
			parts = append(parts, g.sayf(words.BriefGradeShare, g.frac(t.count, total), g.grade(t.label)))
		default:
			parts = append(parts, fmt.Sprintf("%s %s", g.frac(t.count, total), g.grade(t.label)))
		}
	}
	text := g.say(words.BriefAcrossTheBlocs) + g.list(parts)
	if ungraded > 0 {
		text += g.sayf(words.BriefHaveNoGrade, g.units(ungraded))
	}
	return stmt("lead_grades", "", text+".", map[string]any{"units": total, "grades": counts, "ungraded": ungraded}), true
}

func (g *gen) leadGradeChange(prev int) (Statement, bool) {
	tallies, graded, _ := g.tallyGrades()
	if graded == 0 {
		return Statement{}, false
	}
	// a bloc graded now but not in prev has no counts to compare: no
	// change is stated rather than one from zero
	for _, b := range g.blocs {
		for _, gc := range g.sums[b].Grades {
			if gc.PrevCount == nil {
				return Statement{}, false
			}
		}
	}
	ds := make([]gradeDelta, 0, len(tallies))
	for _, t := range tallies {
		ds = append(ds, gradeDelta{t.label, t.prev, t.count})
	}
	text, facts := g.gradeChangeText(prev, ds)
	return stmt("lead_grade_change", "", text, facts), true
}

func (g *gen) leadScores(prev int) (Statement, bool) {
	up, down, same, compared, ranked := 0, 0, 0, 0, 0
	var rose, fell, flat []string
	for _, b := range g.blocs {
		s := g.sums[b]
		ranked += s.Ranked
		if s.Compared != nil && s.Up != nil && s.Down != nil && s.Same != nil {
			up += *s.Up
			down += *s.Down
			same += *s.Same
			compared += *s.Compared
		}
		if s.Mean != nil && s.PrevMean != nil {
			switch d := shownChange(*s.Mean, *s.PrevMean); {
			case d > 0:
				rose = append(rose, b)
			case d < 0:
				fell = append(fell, b)
			default:
				flat = append(flat, b)
			}
		}
	}
	clause := g.upDownClause(up, down, same, compared, ranked, prev)
	if clause == "" {
		return Statement{}, false
	}
	text := g.say(words.BriefOnScores) + clause
	if n := len(rose) + len(fell) + len(flat); n > 0 {
		text += "; " + g.meanDirections(rose, fell, flat, n)
	}
	return stmt("lead_scores", "", text+".", map[string]any{
		"prev_year": prev, "up": up, "down": down, "same": same, "compared": compared, "ranked": ranked,
		"mean_rose": nonNil(rose), "mean_fell": nonNil(fell), "mean_same": nonNil(flat),
	}), true
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// meanDirections says in which blocs the mean rose or fell.
func (g *gen) meanDirections(rose, fell, flat []string, n int) string {
	refs := func(bs []string) string {
		out := make([]string, len(bs))
		for i, b := range bs {
			out[i] = g.blocRef(b)
		}
		return g.list(out)
	}
	all := func(k int) string {
		if k == 2 {
			return g.say(words.BriefBothBlocs)
		}
		return g.sayf(words.BriefAllBlocs, k)
	}
	switch {
	case len(rose) == n && n > 1:
		return g.say(words.BriefTheMeanScoreRoseIn) + all(n)
	case len(fell) == n && n > 1:
		return g.say(words.BriefTheMeanScoreFellIn) + all(n)
	case len(flat) == n && n > 1:
		return g.say(words.BriefTheMeanScoreIsUnchanged) + all(n)
	}
	var parts []string
	if len(rose) > 0 {
		parts = append(parts, g.say(words.BriefRoseIn)+refs(rose))
	}
	if len(fell) > 0 {
		parts = append(parts, g.say(words.BriefFellIn)+refs(fell))
	}
	if len(flat) > 0 {
		parts = append(parts, g.say(words.BriefIsUnchangedIn)+refs(flat))
	}
	return g.say(words.BriefTheMeanScore) + strings.Join(parts, ", ")
}

// shownChange is the change between two averages as written (each rounded
// to 2 decimals), in cents, so the text never contradicts its own numbers.
func shownChange(cur, prev float64) int64 { return numfmt.Cents(cur) - numfmt.Cents(prev) }

// upDownClause counts the units that gained and lost points, without a
// capital or a full stop; "" when no unit can be compared.
func (g *gen) upDownClause(up, down, same, compared, ranked, prev int) string {
	if compared == 0 {
		return ""
	}
	type part struct {
		n int
		w *words.Word
	}
	all := []part{{up, words.BriefGainedPoints}, {down, words.BriefLostPoints}, {same, words.BriefKeptSameScore}}
	var ps []part
	for _, p := range all {
		if p.n > 0 {
			ps = append(ps, p)
		}
	}
	full := compared == ranked
	if len(ps) == 1 {
		p := ps[0]
		if full {
			return g.sayf(words.BriefAllComparedDid, prev, g.units(compared), g.say(p.w))
		}
		all := g.sayf(words.BriefAllOf, g.units(compared))
		if compared == 2 {
			all = g.say(words.BriefBothUnits)
		}
		return g.sayf(words.BriefScoredInBothDid, all, prev, g.year, g.say(p.w))
	}
	var items []string
	for i, p := range ps {
		switch {
		case full && (!g.en || i == 0): // English says "units" once
			items = append(items, g.sayf(words.BriefUnitsDid, g.frac(p.n, compared), g.say(p.w)))
		case full:
			items = append(items, fmt.Sprintf("%s %s", g.frac(p.n, compared), g.say(p.w)))
		case !g.en:
			items = append(items, fmt.Sprintf("%s %s", g.units(p.n), g.say(p.w)))
		default:
			items = append(items, fmt.Sprintf("%d %s", p.n, g.say(p.w)))
		}
	}
	if full {
		return g.sayf(words.BriefComparedWithClause, prev) + g.list(items)
	}
	return g.sayf(words.BriefOfTheScoredInBoth, g.units(compared), prev, g.year) + g.list(items)
}

// blocMeans compares the blocs' averages (S13).
func (g *gen) blocMeans() (Statement, bool) {
	type bm struct {
		bloc string
		mean float64
	}
	var ms []bm
	facts := map[string]any{}
	if !g.allComplete(false) { // a partial bloc has no mean to rank against the others
		return Statement{}, false
	}
	for _, b := range g.blocs {
		if m := g.sums[b].Mean; m != nil {
			ms = append(ms, bm{b, *m})
			facts[b] = *m
		}
	}
	if len(ms) < 2 {
		return Statement{}, false
	}
	hi, lo := numfmt.Cents(ms[0].mean), numfmt.Cents(ms[0].mean)
	for _, m := range ms {
		hi, lo = max(hi, numfmt.Cents(m.mean)), min(lo, numfmt.Cents(m.mean))
	}
	var top, bottom []string
	var topV, botV float64
	for _, m := range ms {
		if numfmt.Cents(m.mean) == hi {
			top = append(top, g.blocRef(m.bloc))
			topV = m.mean
		}
		if numfmt.Cents(m.mean) == lo {
			bottom = append(bottom, g.blocRef(m.bloc))
			botV = m.mean
		}
	}
	var text string
	switch {
	case hi == lo:
		text = g.sayf(words.BriefTheBlocsHaveTheSame, g.mean(topV))
	default:
		verb := words.BriefHas
		if len(top) > 1 {
			verb = words.BriefShare
		}
		text = g.sayf(words.BriefHighestLowestMean, words.CapFirst(g.list(top)), g.say(verb), g.mean(topV), g.list(bottom), g.mean(botV))
	}
	return stmt("bloc_means", "", text, map[string]any{"means": facts}), true
}

// gradeDelta is one grade's count last year and this year.
type gradeDelta struct {
	label     string
	prev, cur int
}

// notable reports a change in a grade count worth a "đáng kể": at least 3
// units and at least half of the larger count.
func notable(prev, cur int) bool {
	d := cur - prev
	if d < 0 {
		d = -d
	}
	return d >= 3 && 2*d >= max(prev, cur)
}

// gradeChangeText writes how a grade distribution changed since prev, in
// grade order: consecutive plain rises or falls are grouped; notable ones
// are written with both years; grades that vanished or appeared are named.
func (g *gen) gradeChangeText(prev int, ds []gradeDelta) (string, map[string]any) {
	var rows []map[string]any
	for _, d := range ds {
		rows = append(rows, map[string]any{"grade": d.label, "prev_count": d.prev, "count": d.cur, "change": d.cur - d.prev})
	}
	facts := map[string]any{"prev_year": prev, "year": g.year, "grades": rows}

	var clauses []string
	var group []string
	groupDir := 0
	flush := func() {
		if len(group) == 0 {
			return
		}
		if groupDir > 0 {
			clauses = append(clauses, g.say(words.BriefMoreUnitsGraded)+g.list(group))
		} else {
			clauses = append(clauses, g.say(words.BriefFewerUnitsGraded)+g.list(group))
		}
		group, groupDir = nil, 0
	}
	for _, d := range ds {
		diff := d.cur - d.prev
		if diff == 0 {
			continue
		}
		lab := g.grade(d.label)
		switch {
		case d.cur == 0:
			flush()
			clauses = append(clauses, g.sayf(words.BriefNoneGradedAnyMore, lab, prev, d.prev))
		case d.prev == 0:
			flush()
			clauses = append(clauses, g.sayf(words.BriefGradedNoneIn, g.units(d.cur), lab, prev))
		case notable(d.prev, d.cur) && diff > 0:
			flush()
			clauses = append(clauses, g.sayf(words.BriefMarkedlyMoreUnitsGradedUp, lab, d.prev, prev, d.cur))
		case notable(d.prev, d.cur):
			flush()
			clauses = append(clauses, g.sayf(words.BriefMarkedlyFewerUnitsGradedDown, lab, d.prev, prev, d.cur))
		default:
			dir := 1
			if diff < 0 {
				dir = -1
			}
			if dir != groupDir {
				flush()
				groupDir = dir
			}
			if dir > 0 {
				group = append(group, g.sayf(words.BriefGradeCountUp, lab, d.prev, d.cur))
			} else {
				group = append(group, g.sayf(words.BriefGradeCountDown, lab, d.prev, d.cur))
			}
		}
	}
	flush()
	if len(clauses) == 0 {
		return g.sayf(words.BriefTheGradeDistributionIsUnchanged, prev), facts
	}
	return g.sayf(words.BriefComparedWithHead, prev) + strings.Join(clauses, "; ") + ".", facts
}

// absentGrades lists the grades no unit of the bloc has, as announcements
// phrase it («không có đơn vị xếp loại trung bình và yếu»): the bands of the
// scheme in use below the lowest grade present, best first. A missing
// higher grade is not news of this kind, and without a scheme that orders
// the grades nothing says which are lower; a grade last year had and this
// year lacks is told by the grade change ("không còn đơn vị xếp loại …").
func (g *gen) absentGrades(bloc string, s analysis.BlocSummary) []string {
	sch := g.ds.SchemeFor(g.slice(bloc))
	if !g.ds.HasScheme(g.slice(bloc)) && g.gradesGiven(bloc) {
		return nil // the published grades, which the built-in scheme may not describe
	}
	lowest := -1 // bands run best first: the lowest grade present has the largest level
	present := map[int]bool{}
	for _, gc := range s.Grades {
		if gc.Count == 0 {
			continue
		}
		lvl, ok := sch.Level(gc.Grade)
		if !ok {
			return nil // a grade outside the scheme: no order to go by
		}
		present[lvl] = true
		lowest = max(lowest, lvl)
	}
	var out []string
	for i, b := range sch.Bands {
		if i > lowest && !present[i] {
			out = append(out, b.Label)
		}
	}
	return out
}

// gradesGiven reports whether some record of the bloc carries its grade in
// the data (rather than one the scheme gave its total).
func (g *gen) gradesGiven(bloc string) bool {
	for _, r := range g.tables[bloc].Rows {
		if r.GradeGiven {
			return true
		}
	}
	return false
}

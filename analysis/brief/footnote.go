package brief

import (
	"math"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// footnote states the data label, the source files, the grade scheme(s) in
// use and how ranks, means and changes are computed.
func (g *gen) footnote() Section {
	sec := Section{Kind: SectionFootnote, Title: g.say(words.BriefNotes)}
	add := func(s Statement) { sec.Statements = append(sec.Statements, s) }
	if g.ds.Label != "" {
		add(stmt("label", "", g.say(words.BriefDataLabel)+g.ds.Label+".", map[string]any{"label": g.ds.Label}))
	}
	sources := g.opt.Sources
	if len(sources) == 0 {
		for _, f := range g.ds.Files {
			sources = append(sources, f.Name)
		}
	}
	if len(sources) > 0 {
		add(stmt("sources", "", g.say(words.BriefDataSources)+strings.Join(baseNames(sources), ", ")+".", map[string]any{"files": sources}))
	}
	for _, s := range g.schemeStatements() {
		add(s)
	}
	if s, ok := g.window(); ok {
		add(s)
	}
	for _, s := range g.caveats() {
		add(s)
	}
	var method string
	switch {
	case !g.scored && g.ranksPublished(false):
		method = g.sayf(words.BriefHasPublishedRanksOnlyNo, g.year)
	case g.scored:
		method = g.say(words.BriefMethod)
		if g.ranksPublished(true) {
			method += g.say(words.BriefWhereATableHasRanks)
		}
	default:
		method = g.say(words.BriefThisIndexHasGradesOnly)
	}
	add(stmt("method", "", method, map[string]any{"scored": g.scored, "ranks_published": g.ranksPublished(true)}))
	return sec
}

// ranksPublished reports whether some selected bloc is ranked by its
// published ranks this year (or, with prev, in its previous year).
func (g *gen) ranksPublished(prev bool) bool {
	for _, b := range g.blocs {
		s := g.sums[b]
		if s.RanksPublished {
			return true
		}
		if prev && s.PrevYear != nil {
			if ps, ok := g.a.BlocSummary(g.slice(b).WithYear(*s.PrevYear)); ok && ps.RanksPublished {
				return true
			}
		}
	}
	return false
}

// schemeStatements describe the grade schemes in use, one statement per
// distinct scheme (naming its blocs when the blocs differ).
func (g *gen) schemeStatements() []Statement {
	type use struct {
		s     *data.GradeScheme
		blocs []string
	}
	var uses []*use
	given := true
	var none []string // blocs nothing grades
	for _, b := range g.blocs {
		switch g.sums[b].GradesFrom {
		case analysis.GradesFromNone:
			none = append(none, b)
			continue
		case analysis.GradesFromData:
			continue
		}
		s := g.ds.SchemeFor(g.slice(b))
		if s.Source == data.DefaultScheme.Source {
			// the built-in scheme matters only when it graded some total
			computed := false
			for _, r := range g.tables[b].Rows {
				if r.Grade != nil && !r.GradeGiven {
					computed = true
				}
			}
			if !computed {
				continue
			}
		}
		given = false
		var u *use
		for _, x := range uses {
			if x.s == s {
				u = x
			}
		}
		if u == nil {
			u = &use{s: s}
			uses = append(uses, u)
		}
		u.blocs = append(u.blocs, b)
	}
	out := g.ungradedStatement(none)
	if len(uses) == 0 {
		if !given {
			return out
		}
		graded := false
		for _, b := range g.blocs {
			if s := g.sums[b]; s.Units > s.Ungraded {
				graded = true
			}
		}
		if !graded {
			return out
		}
		return append([]Statement{stmt("scheme", "", g.say(words.BriefGradesAreAsPublishedIn), map[string]any{"source": "data"})}, out...)
	}
	var schemes []Statement
	for _, u := range uses {
		builtin := u.s.Source == data.DefaultScheme.Source || u.s.Source == ""
		head := g.say(words.BriefGradeScheme)
		if builtin {
			head = g.say(words.BriefBuiltInGradeSchemeSelected)
		}
		if len(uses) > 1 {
			refs := make([]string, len(u.blocs))
			for i, b := range u.blocs {
				refs[i] = g.blocRef(b)
			}
			head += g.say(words.BriefOfScheme) + g.list(refs)
		}
		if builtin {
			head += g.say(words.BriefUsedForTheUnitsThe)
		} else {
			head += " (" + fileBase(u.s.Source) + ")"
		}
		var bands []string
		var facts []map[string]any
		for i, band := range u.s.Bands {
			last := i == len(u.s.Bands)-1
			var txt string
			// A last band with a min stops there: lower totals are ungraded.
			switch {
			case i == 0 && last && math.IsInf(band.Min, -1):
				txt = g.grade(band.Label)
			case i == 0:
				txt = g.sayf(words.BriefBandFrom, g.grade(band.Label), g.threshold(band.Min))
			case math.IsInf(band.Min, -1):
				txt = g.sayf(words.BriefBandUnder, g.grade(band.Label), g.threshold(u.s.Bands[i-1].Min))
			default:
				txt = g.sayf(words.BriefBandFromTo, g.grade(band.Label), g.threshold(band.Min), g.threshold(u.s.Bands[i-1].Min))
			}
			bands = append(bands, txt)
			var min any
			if !math.IsInf(band.Min, 0) && !math.IsNaN(band.Min) {
				min = band.Min
			}
			facts = append(facts, map[string]any{"grade": band.Label, "min": min})
		}
		f := map[string]any{"source": u.s.Source, "blocs": u.blocs, "bands": facts}
		if low := u.s.Bands[len(u.s.Bands)-1].Min; !math.IsInf(low, -1) && g.ungradedBelow(u.blocs) {
			bands = append(bands, g.sayf(words.BriefUngradedUnder, g.threshold(low)))
			f["ungraded_under"] = low
		}
		schemes = append(schemes, stmt("scheme", "", head+": "+strings.Join(bands, "; ")+".", f))
	}
	return append(schemes, out...)
}

// ungradedStatement says that the blocs are not graded and why, so the
// reader knows the score bands are not grades.
func (g *gen) ungradedStatement(blocs []string) []Statement {
	if len(blocs) == 0 {
		return nil
	}
	text := g.say(words.BriefNotGradedTheDataGives)
	if len(blocs) < len(g.blocs) {
		refs := make([]string, len(blocs))
		for i, b := range blocs {
			refs[i] = g.blocRef(b)
		}
		text = g.sayf(words.BriefBlocsNotGraded, words.CapFirst(g.list(refs)))
	}
	return []Statement{stmt("scheme", "", text, map[string]any{"source": "none", "blocs": blocs})}
}

// ungradedBelow reports whether a scored unit of the blocs has no grade:
// the scheme's last band stops above its score.
func (g *gen) ungradedBelow(blocs []string) bool {
	for _, b := range blocs {
		for _, r := range g.tables[b].Rows {
			if r.Score != nil && r.Grade == nil {
				return true
			}
		}
	}
	return false
}

// threshold writes a band minimum in its shortest form: "90", "67,5".
func (g *gen) threshold(v float64) string { return g.num().Score(v, 0) }

// baseNames names files by their base names, as a reader's copy of the
// folder does (a local path says nothing to the reader and leaks the
// analyst's disk); a base name two files share keeps its full name.
func baseNames(files []string) []string {
	count := map[string]int{}
	for _, f := range files {
		count[fileBase(f)]++
	}
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f
		if count[fileBase(f)] == 1 {
			out[i] = fileBase(f)
		}
	}
	return out
}

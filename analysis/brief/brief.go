// Package brief drafts the annual results briefing — the press release or
// leadership note analysts write by hand from the ranking tables — in
// Vietnamese or English.
//
// Every sentence is a Statement derived from the results of package
// analysis: its Facts carry the numbers behind it, so each claim can be
// traced. A sentence is written only when the data supports it: no previous
// year, no comparison; no scores (a grade-only index), no points; a nil
// pointer from analysis, no sentence. The same input always gives the same
// text.
//
// A brief has a title, then sections in this order: the lead ("Tổng quan"),
// the analyst's highlights when given, one section per bloc, notable
// movements, components, and a footnote with the data sources, the grade
// scheme (or that nothing grades the units: then the bloc sections count
// units by score band instead of by grade) and the data caveats touching the
// year and blocs (Options.Warnings, selected by analysis.Caveats).
//
// Conventions: Vietnamese writes decimal commas (97,31), English a dot.
// Scores keep their published precision (at least 2 decimals), bloc means
// have 2 decimals, and score changes are written in points ("tăng 1,25
// điểm", "up 1.25 points"), never as a percentage. Unit and bloc names are
// written exactly as in the data and never start a sentence (a name such as
// "quận Thanh Khê" keeps its lower-case initial); Vietnamese grade labels are
// written in lower case inside sentences, English keeps the labels as given.
//
// Statement kinds, by section (catalogue numbers of analytics-anchors.md §4):
//
//	lead        overview, first_year, lead_grades (S10), lead_grade_change (S10),
//	            lead_scores (S8, S9), bloc_means (S13)
//	highlights  highlight (one per Options.Highlights mover; facts.kind is the mover kind)
//	bloc        partial, prev_partial, single_unit, grade_counts (S10), leader (S1–S4), lost_top (S4), next (S1),
//	            bottom (S5), not_ranked, sole_grade, no_prev, mean (S9), above_mean (S9),
//	            up_down (S8), spread (S12), grade_change (S10), grade_up, grade_down,
//	            biggest_gain, biggest_drop, biggest_climb, biggest_fall (S6, S7)
//	movements   all_graded_first_time (S11), counterfactual (S16), gain_but_fell (S6),
//	            first_time_grade (S3), top_grade_streak (S17), new_unit, no_prev_unit, renamed
//	components  component_most_lost, component_change (S14), component_profile (S15),
//	            components_fell (S14)
//	footnote    label, sources, scheme, window, caveat, caveats_more, method
//	(bloc also score_bands and lead also lead_score_bands, for blocs nothing grades)
//
// A partial table (analysis.BlocSummary.Complete false) is said to be
// partial once, in the bloc's first statement ("partial", or "prev_partial"
// for the year compared with); nothing that needs the whole bloc is stated
// for it or compared with it (mean, grade counts, above-mean count, spread,
// bottom, biggest moves, component averages, totals across blocs). A unit
// ranked only by its published rank is said to be so. The notes say from
// which year first-time, streak and count claims are counted ("window").
//
// Bonus components (data.Component.Bonus, or named like "Điểm thưởng") are
// left out of the component statements: they are not areas, and their small
// maximum would make them every unit's "weakest area".
package brief

import (
	"errors"
	"fmt"
	"slices"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// Options choose what the brief covers and how it is written.
type Options struct {
	Index      string           // "" = first index
	Year       int              // 0 = latest year of the index
	Blocs      []string         // exact bloc names; empty = all blocs
	Lang       string           // "vi" (default) or "en"
	Sources    []string         // data file names for the footnote; empty = the dataset's files
	Highlights []analysis.Mover // facts the analyst marked: stated first, in a "Điểm nhấn" / "Highlights" section
	// Warnings are the data warnings to draw caveats from; nil = the
	// analysis's own (a.Warnings(): the loader's and Check's). The notes list
	// those that touch the brief's year and blocs (analysis.Caveats).
	Warnings []data.Issue
}

// Statement is one sentence of the brief and the numbers behind it.
type Statement struct {
	Kind  string         `json:"kind"`  // e.g. "grade_counts", "leader", "bottom", "mean", "grade_change", "sole_grade", ...
	Bloc  string         `json:"bloc"`  // "" for lead/footnote statements
	Text  string         `json:"text"`  // the sentence, ending with a full stop
	Facts map[string]any `json:"facts"` // the numbers behind the sentence
}

// Section is a titled group of statements. Bloc is set for a bloc's own
// section; the movements and components sections span blocs (each statement
// names its bloc).
type Section struct {
	Kind       string      `json:"kind"` // "lead", "highlights", "bloc", "movements", "components", "footnote"
	Title      string      `json:"title"`
	Bloc       string      `json:"bloc"`
	Statements []Statement `json:"statements"`
}

// Brief is a drafted briefing: lead first, footnote last.
type Brief struct {
	Title    string    `json:"title"`
	Lang     string    `json:"lang"`
	Index    string    `json:"index"`
	Year     int       `json:"year"`
	Sections []Section `json:"sections"`
	// Caveats are every data warning touching the year and blocs covered;
	// the notes spell out the first few.
	Caveats []analysis.Caveat `json:"caveats"`
}

// Section kinds.
const (
	SectionLead       = "lead"
	SectionHighlights = "highlights"
	SectionBloc       = "bloc"
	SectionMovements  = "movements"
	SectionComponents = "components"
	SectionFootnote   = "footnote"
)

// Errors Generate wraps, so callers can tell them apart with errors.Is.
var (
	ErrNoData       = errors.New("no data")
	ErrUnknownIndex = errors.New("unknown index")
	ErrUnknownYear  = errors.New("no data for year")
	ErrUnknownBloc  = errors.New("unknown bloc")
	ErrNoBlocData   = errors.New("no data for bloc")
	ErrLang         = errors.New("unsupported language")
)

// Generate drafts the brief of one index and year. It fails for an unknown
// index (ErrUnknownIndex), a year without data (ErrUnknownYear), a bloc the
// index does not have (ErrUnknownBloc) or has no data for in that year
// (ErrNoBlocData), and a language other than "vi" or "en" (ErrLang).
func Generate(a *analysis.Analysis, opt Options) (*Brief, error) {
	if a == nil {
		return nil, ErrNoData
	}
	lang := opt.Lang
	switch lang {
	case "":
		lang = "vi"
	case "vi", "en":
	default:
		return nil, fmt.Errorf("%w %q (use vi or en)", ErrLang, opt.Lang)
	}
	indices := a.Indices()
	if len(indices) == 0 {
		return nil, ErrNoData
	}
	index := opt.Index
	if index == "" {
		index = indices[0]
	} else if !slices.Contains(indices, index) {
		return nil, fmt.Errorf("%w %q", ErrUnknownIndex, index)
	}
	years := a.Years(index)
	year := opt.Year
	if year == 0 {
		year = years[len(years)-1]
	} else if !slices.Contains(years, year) {
		return nil, fmt.Errorf("%w %d in %s", ErrUnknownYear, year, index)
	}
	inYear := a.BlocsIn(index, year)
	blocs := inYear
	if len(opt.Blocs) > 0 {
		all := a.Blocs(index)
		want := map[string]bool{}
		for _, b := range opt.Blocs {
			if !slices.Contains(all, b) {
				return nil, fmt.Errorf("%w %q in %s", ErrUnknownBloc, b, index)
			}
			if !slices.Contains(inYear, b) {
				return nil, fmt.Errorf("%w %q in %d (%s)", ErrNoBlocData, b, year, index)
			}
			want[b] = true
		}
		blocs = nil
		for _, b := range inYear {
			if want[b] {
				blocs = append(blocs, b)
			}
		}
	}

	g := newGen(a, opt, lang, index, year, blocs)
	b := &Brief{Title: g.title(), Lang: lang, Index: index, Year: year, Caveats: g.cavs}
	add := func(s Section) {
		if len(s.Statements) > 0 {
			b.Sections = append(b.Sections, s)
		}
	}
	add(g.lead())
	add(g.highlights())
	for _, bl := range blocs {
		add(g.blocSection(bl))
	}
	add(g.movements())
	add(g.components())
	add(g.footnote())
	return b, nil
}

// Statements returns every statement of the brief in reading order.
func (b *Brief) Statements() []Statement {
	out := []Statement{}
	for _, s := range b.Sections {
		out = append(out, s.Statements...)
	}
	return out
}

// gen holds what every statement needs.
type gen struct {
	a     *analysis.Analysis
	ds    *data.Dataset
	opt   Options
	en    bool
	index string
	year  int
	blocs []string

	sums   map[string]analysis.BlocSummary
	movers map[string][]analysis.Mover
	tables map[string]analysis.Table
	scored bool              // some selected bloc has scores
	cavs   []analysis.Caveat // data warnings touching the year and blocs
}

func newGen(a *analysis.Analysis, opt Options, lang, index string, year int, blocs []string) *gen {
	g := &gen{
		a: a, ds: a.Dataset(), opt: opt, en: lang == "en", index: index, year: year, blocs: blocs,
		sums:   map[string]analysis.BlocSummary{},
		movers: map[string][]analysis.Mover{},
		tables: map[string]analysis.Table{},
	}
	for _, b := range blocs {
		s, _ := a.BlocSummary(g.slice(b))
		g.sums[b] = s
		g.movers[b] = a.BlocMovers(g.slice(b))
		t, _ := a.Table(g.slice(b))
		g.tables[b] = t
		if s.Scored > 0 {
			g.scored = true
		}
	}
	ws := opt.Warnings
	if ws == nil {
		ws = a.Warnings()
	}
	g.cavs = a.Caveats(ws, index, year, blocs...)
	if g.cavs == nil {
		g.cavs = []analysis.Caveat{}
	}
	sortCaveats(g.cavs)
	return g
}

// slice is a bloc of the brief's index and year.
func (g *gen) slice(bloc string) data.Slice {
	return data.Slice{Index: g.index, Year: g.year, Bloc: bloc}
}

// moversOf returns the bloc's movers of the given kinds, in analysis order.
func (g *gen) moversOf(bloc string, kinds ...analysis.MoverKind) []analysis.Mover {
	var out []analysis.Mover
	for _, m := range g.movers[bloc] {
		if slices.Contains(kinds, m.Kind) {
			out = append(out, m)
		}
	}
	return out
}

func (g *gen) title() string {
	what := words.BriefGradingResults
	if g.scored {
		what = words.BriefRankingResults
	}
	return g.sayf(words.BriefTitle, g.say(what), g.indexName(), g.year)
}

// indexName names the index in running text.
func (g *gen) indexName() string {
	if !g.en && g.index == data.DefaultIndex {
		return g.say(words.BriefParIndexName)
	}
	return g.index
}

// stmt builds a statement; facts may be nil.
func stmt(kind, bloc, text string, facts map[string]any) Statement {
	if facts == nil {
		facts = map[string]any{}
	}
	return Statement{Kind: kind, Bloc: bloc, Text: text, Facts: facts}
}

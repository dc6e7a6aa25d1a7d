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
//	bloc        (first year after a merger or split) break, merger, split, baseline
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
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// Options choose what the brief covers and how it is written.
type Options struct {
	Index string // "" = every index, the main index first
	Year  int    // 0 = latest year of the (first) index
	// Annex adds the analyst's annex: counterfactual ranks, units that
	// gained points yet lost places, and the component analysis — analysis
	// an announcement does not print.
	Annex      bool
	Blocs      []string         // exact bloc names; empty = all blocs
	Lang       string           // "vi" (default) or "en"
	Sources    []string         // data file names for the footnote; empty = the dataset's files
	Highlights []analysis.Mover // facts the analyst marked: stated first, in a "Điểm nhấn" / "Highlights" section
	// Warnings are the data warnings to draw caveats from; nil = the
	// analysis's own (a.Warnings(): the loader's and Check's). The notes list
	// those that touch the brief's year and blocs (analysis.Caveats).
	Warnings []data.Issue
	// Baseline asks for a combined previous score of each merged unit's
	// predecessors: "mean" or "weighted:COLUMN" (analysis.ParseBaseline);
	// "" = none, the predecessors stand side by side only.
	Baseline string
}

// Statement is one sentence of the brief and the numbers behind it.
type Statement struct {
	Kind  string         `json:"kind"`  // e.g. "grade_counts", "leader", "bottom", "mean", "grade_change", "sole_grade", ...
	Index string         `json:"index"` // the index it is about; "" for a note about every index (sources, label)
	Bloc  string         `json:"bloc"`  // "" for lead/footnote statements
	Text  string         `json:"text"`  // the sentence, ending with a full stop
	Facts map[string]any `json:"facts"` // the numbers behind the sentence
}

// Section is a titled group of statements. Bloc is set for a bloc's own
// section; the movements and components sections span blocs (each statement
// names its bloc).
type Section struct {
	Kind       string      `json:"kind"` // "lead", "highlights", "bloc", "movements", "annex", "footnote"
	Title      string      `json:"title"`
	Index      string      `json:"index"`
	Bloc       string      `json:"bloc"`
	Statements []Statement `json:"statements"`
}

// Brief is a drafted briefing: lead first, footnote last.
type Brief struct {
	Title    string    `json:"title"`
	Lang     string    `json:"lang"`
	Index    string    `json:"index"`   // the first (main) index covered
	Indices  []string  `json:"indices"` // every index covered, in order
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
	SectionAnnex      = "annex"
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

// Generate drafts the brief of a year: every index of the dataset, the main
// index first (data.CompareIndices), each with its lead, blocs and
// movements, then one set of notes; Options.Index narrows it to one index.
// It fails for an unknown index (ErrUnknownIndex), a year without data
// (ErrUnknownYear: in the index asked for, or in every index), a bloc no
// index covered has (ErrUnknownBloc) or has data for in that year
// (ErrNoBlocData), and a language other than "vi" or "en" (ErrLang). An
// index without data for the year is left out and the notes say so.
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
	if opt.Index != "" {
		if !slices.Contains(indices, opt.Index) {
			return nil, fmt.Errorf("%w %q", ErrUnknownIndex, opt.Index)
		}
		indices = []string{opt.Index}
	}
	year := opt.Year
	if year == 0 {
		years := a.Years(indices[0])
		year = years[len(years)-1]
	}
	type part struct {
		index string
		blocs []string
	}
	var parts []part
	var missing []string // indices without data for the year
	for _, ix := range indices {
		if !slices.Contains(a.Years(ix), year) {
			missing = append(missing, ix)
			continue
		}
		blocs, err := selectBlocs(a, ix, year, opt.Blocs, len(indices) == 1)
		if err != nil {
			return nil, err
		}
		if len(blocs) > 0 {
			parts = append(parts, part{ix, blocs})
		}
	}
	if len(parts) == 0 {
		if len(opt.Blocs) > 0 && len(missing) < len(indices) {
			return nil, blocError(a, indices, year, opt.Blocs)
		}
		return nil, fmt.Errorf("%w %d in %s", ErrUnknownYear, year, strings.Join(indices, ", "))
	}

	b := &Brief{Lang: lang, Index: parts[0].index, Year: year, Caveats: []analysis.Caveat{}}
	var gens []*gen
	glossed := map[string]bool{}
	for _, p := range parts {
		g := newGen(a, opt, lang, p.index, year, p.blocs)
		g.glossed = glossed
		gens = append(gens, g)
		b.Indices = append(b.Indices, p.index)
	}
	b.Title = titleOf(gens)
	multi := len(gens) > 1
	add := func(g *gen, s Section) {
		if len(s.Statements) > 0 {
			s.Index = g.index
			for i := range s.Statements {
				s.Statements[i].Index = g.index
			}
			b.Sections = append(b.Sections, s)
		}
	}
	for _, g := range gens {
		add(g, g.lead())
		add(g, g.highlights())
		for _, bl := range g.blocs {
			add(g, g.blocSection(bl))
		}
		add(g, g.movements())
		if opt.Annex {
			add(g, g.annex())
		}
		b.Caveats = append(b.Caveats, g.cavs...)
	}
	if notes := notesOf(gens, missing, multi); len(notes.Statements) > 0 {
		b.Sections = append(b.Sections, notes) // spans the indices: no Index
	}
	return b, nil
}

// selectBlocs returns the blocs of index the brief covers in year: every
// bloc with data, or those of want. With strict (one index asked for), a
// bloc of want the index lacks is an error; across indices an index simply
// covers the blocs of want it has.
func selectBlocs(a *analysis.Analysis, index string, year int, want []string, strict bool) ([]string, error) {
	inYear := a.BlocsIn(index, year)
	if len(want) == 0 {
		return inYear, nil
	}
	all := a.Blocs(index)
	wanted := map[string]bool{}
	for _, b := range want {
		if strict && !slices.Contains(all, b) {
			return nil, fmt.Errorf("%w %q in %s", ErrUnknownBloc, b, index)
		}
		if strict && !slices.Contains(inYear, b) {
			return nil, fmt.Errorf("%w %q in %d (%s)", ErrNoBlocData, b, year, index)
		}
		wanted[b] = true
	}
	var out []string
	for _, b := range inYear {
		if wanted[b] {
			out = append(out, b)
		}
	}
	return out, nil
}

// blocError explains why no index covers the blocs asked for.
func blocError(a *analysis.Analysis, indices []string, year int, want []string) error {
	for _, b := range want {
		for _, ix := range indices {
			if slices.Contains(a.Blocs(ix), b) {
				return fmt.Errorf("%w %q in %d (%s)", ErrNoBlocData, b, year, ix)
			}
		}
	}
	return fmt.Errorf("%w %q in %s", ErrUnknownBloc, want[0], strings.Join(indices, ", "))
}

// notesOf gathers the notes of every index into one section: a note said
// alike for two indices (sources, method) is written once; with several
// indices, a note about one index names it. Indices without data for the
// year are said to be left out.
func notesOf(gens []*gen, missing []string, multi bool) Section {
	g0 := gens[0]
	sec := Section{Kind: SectionFootnote, Title: g0.say(words.BriefNotes)}
	seen := map[string]bool{}
	for _, g := range gens {
		for _, st := range g.footnote().Statements {
			if seen[st.Text] {
				continue
			}
			seen[st.Text] = true
			if st.Kind != "label" && st.Kind != "sources" {
				st.Index = g.index
			}
			if multi && st.Kind != "label" && st.Kind != "sources" {
				st.Text = words.CapFirst(g.indexPhrase()) + ": " + lowerFirst(st.Text)
				st.Facts["index"] = g.index
			}
			sec.Statements = append(sec.Statements, st)
		}
	}
	for _, ix := range missing {
		years := g0.a.Years(ix)
		first, latest := years[0], years[len(years)-1]
		g := &gen{a: g0.a, ds: g0.ds, en: g0.en, index: ix}
		sec.Statements = append(sec.Statements, Statement{Kind: "index_no_data", Index: ix, Text: g0.sayf(words.BriefIndexNoDataInYear, words.CapFirst(g.indexPhrase()), g0.year, first, latest),
			Facts: map[string]any{"index": ix, "year": g0.year, "first_year": first, "latest_year": latest}})
	}
	return sec
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
	// glossed holds the grade and bloc names an English brief has glossed
	// (first mention only); shared by the indices of one brief, nil when
	// nothing is to be glossed (layout).
	glossed map[string]bool
	// rowLooks are the table rows' history lookups, made on every core
	// while the first sections are written (startLookups)
	rowLooks *rowLookups
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
	g.startLookups()
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

// titleOf is the brief's title: what was assessed, the indices by their
// phrases, the year.
func titleOf(gens []*gen) string {
	g := gens[0]
	what := words.BriefGradingResults
	var names []string
	for _, x := range gens {
		if x.scored {
			what = words.BriefRankingResults
		}
		names = append(names, x.indexPhrase())
	}
	return g.sayf(words.BriefTitle, g.say(what), g.list(names), g.year)
}

// indexPhrase names the index in running text as announcements do
// ("công tác văn thư, lưu trữ"; words.IndexPhrase), else as in the data.
func (g *gen) indexPhrase() string {
	if p, ok := words.IndexPhrase(g.lang(), data.Fold(g.index)); ok {
		return p
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

// lowerFirst lower-cases the first letter of a template sentence that
// follows a label and a colon.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

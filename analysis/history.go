package analysis

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parlens/parlens/data"
)

// HistoryPoint is a unit's result in one year of an index.
type HistoryPoint struct {
	Year          int      `json:"year"`
	Bloc          string   `json:"bloc"`
	UnitID        string   `json:"unit_id"` // the record's unit (a predecessor's id when Via is set)
	Unit          string   `json:"unit"`    // name as given that year
	UnitCode      *string  `json:"unit_code"`
	Score         *float64 `json:"score"`
	Rank          *int     `json:"rank"`
	RankedOf      int      `json:"ranked_of"`      // 0 when the year's table is partial (the bloc's size is not known)
	RankPublished bool     `json:"rank_published"` // the rank is the published one (a ranks-only or partial table)
	Grade         *string  `json:"grade"`
	PublishedRank *int     `json:"published_rank"`
	NotRanked     bool     `json:"not_ranked"`
	Via           *string  `json:"via"` // predecessor unit id, when the year comes from units.csv lineage
}

// UnitHistory is a unit's results across the years of one index.
type UnitHistory struct {
	Index  string         `json:"index"`
	UnitID string         `json:"unit_id"`
	Points []HistoryPoint `json:"points"` // by year, then bloc order
}

// History returns a unit's history in every index where it (or a sole
// predecessor) has records, in index order.
func (a *Analysis) History(unitID string) []UnitHistory {
	out := []UnitHistory{}
	for _, ix := range a.indices {
		if h, ok := a.IndexHistory(ix.name, unitID); ok {
			out = append(out, h)
		}
	}
	return out
}

// NameIn returns the name and unit id of a unit's (lineage) record in a
// year of an index: its record in bloc, else its last one that year in
// another bloc. It is what IndexHistory's points say, without building them.
func (a *Analysis) NameIn(index, unitID string, year int, bloc string) (name, id string, ok bool) {
	u := a.unitHistOf(index, unitID)
	if u == nil {
		return "", "", false
	}
	var other *entry
	for _, e := range u.lin {
		if e.g.year == year {
			if e.g.bloc == bloc {
				return e.rec.Unit, e.rec.UnitID, true
			}
			other = e
		}
	}
	if other == nil {
		return "", "", false
	}
	return other.rec.Unit, other.rec.UnitID, true
}

// IndexHistory returns a unit's history in one index.
func (a *Analysis) IndexHistory(index, unitID string) (UnitHistory, bool) {
	u := a.unitHistOf(index, unitID)
	if u == nil || len(u.lin) == 0 {
		return UnitHistory{}, false
	}
	h := UnitHistory{Index: index, UnitID: unitID, Points: make([]HistoryPoint, 0, len(u.lin))}
	for _, e := range u.lin {
		p := HistoryPoint{
			Year: e.g.year, Bloc: e.g.bloc, UnitID: e.rec.UnitID, Unit: e.rec.Unit, UnitCode: e.unitCode(),
			NotRanked: e.rec.NotRanked, RankPublished: e.rankPublished(),
		}
		if e.g.complete() {
			p.RankedOf = len(e.g.order)
		}
		if e.hasScore {
			p.Score = &e.rec.Total
		}
		if e.ranked() {
			p.Rank = &e.rank
		}
		if e.grade != "" {
			p.Grade = &e.grade
		}
		if e.rec.PublishedRank != 0 {
			p.PublishedRank = &e.rec.PublishedRank
		}
		if e.rec.UnitID != unitID {
			p.Via = &e.rec.UnitID
		}
		h.Points = append(h.Points, p)
	}
	return h, true
}

// Successor returns the unit that continues a unit (units.csv lineage).
func (a *Analysis) Successor(unitID string) (string, bool) { return a.successor(unitID) }

// Predecessors returns the units whose successor is unitID, sorted.
func (a *Analysis) Predecessors(unitID string) []string { return slices.Clone(a.preds[unitID]) }

// Unit describes a unit across the dataset.
type Unit struct {
	UnitID   string   `json:"unit_id"`
	Unit     string   `json:"unit"` // latest name
	UnitCode *string  `json:"unit_code"`
	Names    []string `json:"names"` // every spelling seen
	Codes    []string `json:"codes"`
	Indices  []string `json:"indices"`
}

func (u *unitInfo) export() Unit {
	return Unit{UnitID: u.id, Unit: u.name, UnitCode: optStr(u.code),
		Names: slices.Clone(u.names), Codes: slices.Clone(u.codes), Indices: slices.Clone(u.indexSet)}
}

// Units lists every unit, sorted by latest name.
func (a *Analysis) Units() []Unit {
	out := make([]Unit, 0, len(a.unitOrder))
	for _, id := range a.unitOrder {
		out = append(out, a.units[id].export())
	}
	slices.SortStableFunc(out, func(x, y Unit) int { return cmpName(x.Unit, y.Unit) })
	return out
}

// UnitByID returns a unit by its id.
func (a *Analysis) UnitByID(id string) (Unit, bool) {
	if u := a.units[id]; u != nil {
		return u.export(), true
	}
	return Unit{}, false
}

// UnitNames lists every unit name and code seen, for Suggest.
func (a *Analysis) UnitNames() []string {
	var out []string
	for _, id := range a.unitOrder {
		u := a.units[id]
		out = append(out, u.names...)
		out = append(out, u.codes...)
	}
	return out
}

// FindUnit finds units by code or name: an exact match of a code, id or any
// spelling of the name; else folded equality (case and accents ignored);
// else folded substring. It returns every unit of the first tier that
// matches, sorted by name: one result is a hit, more are ambiguous, none
// means unknown (see Suggest and UnitNames).
func (a *Analysis) FindUnit(query string) []Unit {
	q := strings.TrimSpace(query)
	if q == "" {
		return []Unit{}
	}
	a.foldOnce.Do(func() {
		for _, id := range a.unitOrder {
			u := a.units[id]
			for _, s := range append(append([]string{}, u.names...), u.codes...) {
				u.folded = append(u.folded, data.Fold(s))
			}
		}
	})
	fq := data.Fold(q)
	tiers := []func(u *unitInfo) bool{
		func(u *unitInfo) bool {
			return u.id == q || slices.Contains(u.codes, q) || slices.Contains(u.names, q)
		},
		func(u *unitInfo) bool { return fq != "" && slices.Contains(u.folded, fq) },
		func(u *unitInfo) bool {
			return fq != "" && slices.ContainsFunc(u.folded, func(f string) bool { return strings.Contains(f, fq) })
		},
	}
	for _, match := range tiers {
		var out []Unit
		for _, id := range a.unitOrder {
			if u := a.units[id]; match(u) {
				out = append(out, u.export())
			}
		}
		if len(out) > 0 {
			slices.SortStableFunc(out, func(x, y Unit) int { return cmpName(x.Unit, y.Unit) })
			return out
		}
	}
	return []Unit{}
}

// FindBloc matches a bloc of an index by name (see MatchBloc).
func (a *Analysis) FindBloc(index, query string) []string {
	return MatchBloc(query, a.Blocs(index))
}

// MatchBloc matches a bloc by exact name, else folded equality, else folded
// substring ("quan" finds "Khối quận, huyện"). It returns the matches of the
// first tier that has any, in the order given.
func MatchBloc(query string, blocs []string) []string {
	q := strings.TrimSpace(query)
	fq := data.Fold(q)
	tiers := []func(b string) bool{
		func(b string) bool { return b == q },
		func(b string) bool { return fq != "" && data.Fold(b) == fq },
		func(b string) bool { return fq != "" && strings.Contains(data.Fold(b), fq) },
	}
	for _, match := range tiers {
		var out []string
		for _, b := range blocs {
			if match(b) && !slices.Contains(out, b) {
				out = append(out, b)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return []string{}
}

// MaxSuggestions is how many close matches Suggest returns at most.
const MaxSuggestions = 5

// Suggest returns up to MaxSuggestions candidates close to query, for
// "did you mean" messages about unknown blocs, units or years. Names are
// compared folded (case and accents ignored). Candidates that contain the
// query (or are contained in it) come first; then those within a small edit
// distance of the query (for a name much longer than the query, the distance
// to its closest part): a third of the query's
// length, at least 1 (queries shorter than 3 characters only match as
// substrings). Ties keep the candidates' order; duplicates are dropped.
func Suggest(query string, candidates []string) []string {
	fq := data.Fold(query)
	if fq == "" {
		return []string{}
	}
	type hit struct {
		s           string
		class, dist int
		at          int
	}
	n := utf8.RuneCountInString(fq)
	limit := n / 3
	if n >= 3 {
		limit = max(limit, 1)
	}
	var hits []hit
	seen := map[string]bool{}
	for i, c := range candidates {
		if seen[c] || c == "" {
			continue
		}
		seen[c] = true
		fc := data.Fold(c)
		if fc == "" {
			continue
		}
		if strings.Contains(fc, fq) || strings.Contains(fq, fc) {
			hits = append(hits, hit{c, 0, abs(len(fc) - len(fq)), i})
			continue
		}
		var d int
		if lc := utf8.RuneCountInString(fc); lc > n+2 {
			d = substringDistance(fq, fc) // a part of a longer name
		} else {
			d = editDistance(fq, fc)
		}
		if limit > 0 && d <= limit {
			hits = append(hits, hit{c, 1, d, i})
		}
	}
	slices.SortStableFunc(hits, func(x, y hit) int {
		if c := cmp.Compare(x.class, y.class); c != 0 {
			return c
		}
		if c := cmp.Compare(x.dist, y.dist); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	})
	out := []string{}
	for _, h := range hits {
		if len(out) == MaxSuggestions {
			break
		}
		out = append(out, h.s)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// substringDistance is the least Levenshtein distance (by rune) between
// query and any substring of text.
func substringDistance(query, text string) int {
	q, t := []rune(query), []rune(text)
	prev := make([]int, len(t)+1) // row 0: a match may start anywhere
	cur := make([]int, len(t)+1)
	for i := 1; i <= len(q); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			c := 1
			if q[i-1] == t[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return slices.Min(prev) // a match may end anywhere
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

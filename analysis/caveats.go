package analysis

import (
	"slices"
	"strings"

	"github.com/parlens/parlens/data"
)

// Caveat kinds: what a warning says about the data.
const (
	CaveatTotal         = "total_sum"       // a total differs from the sum of its components
	CaveatAboveMax      = "above_max"       // a component score above its maximum
	CaveatDuplicate     = "duplicate"       // a row given twice, kept once
	CaveatRenamed       = "renamed"         // a unit code carries another name in another year
	CaveatAlias         = "alias_conflict"  // units.csv lists a name for two codes
	CaveatRank          = "rank"            // a published rank differs from the rank by score
	CaveatRankNotRanked = "rank_not_ranked" // a published rank on a unit marked not ranked
	CaveatGrade         = "grade"           // a published grade differs from the grade the scheme in use gives the score
	CaveatGradeBelow    = "grade_below"     // a published grade on a score below every band of the scheme in use
	CaveatUngraded      = "ungraded"        // a total below the lowest band of the scheme: no grade
	CaveatOther         = "other"
)

// Caveat is a data warning placed where it applies. A warning at a
// record's row is that record's: Index, Year, Bloc and the unit are set.
// Elsewhere in a data file (a long file's other rows), only what all the
// file's records share is set; a warning about a sidecar or no file has
// no place (it touches every table).
type Caveat struct {
	Kind    string   `json:"kind"`
	Message string   `json:"message"` // as parlens check prints it
	Hint    string   `json:"hint"`
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Col     int      `json:"col"`
	Index   string   `json:"index"` // "" when not one index
	Year    int      `json:"year"`  // 0 when not one year
	Bloc    string   `json:"bloc"`  // "" when not one bloc (or the file's one bloc has no name)
	UnitID  string   `json:"unit_id"`
	Unit    string   `json:"unit"`  // "" when the warning is not at a record's row
	Score   *float64 `json:"score"` // the record's total, when the caveat sits at a record with one
	// Rank and grade caveats: what the data publishes against what the score gives.
	PublishedRank *int    `json:"published_rank"`
	RankByScore   *int    `json:"rank_by_score"` // nil for a unit marked not ranked
	Grade         *string `json:"grade"`         // the published grade
	GradeByScore  *string `json:"grade_by_score"`
	Scheme        *string `json:"scheme"` // the scheme's source: a grades.csv path or "built-in"
}

// Warnings returns every warning about the data an analysis rests on: the
// loader's (ds.Warnings), then Check's (published ranks and grades against
// the scores).
func (a *Analysis) Warnings() []data.Issue {
	return append(slices.Clip(a.ds.Warnings), a.Check()...)
}

// Caveats places each warning (errors are skipped) and returns, in order,
// those that touch the index ("" = any), the year (0 = any) and one of the
// blocs (none = every bloc). A warning at a record's row touches that
// record's table; one at another row of a data file touches every table the
// file has records in (a long file spreads a record over many rows); one in
// a file without records (units.csv) or without a file touches every table.
// It is pure (no I/O, the analysis is not changed), so the brief's notes,
// the command line's warning count and the dashboard's list can make the
// same selection.
func (a *Analysis) Caveats(warnings []data.Issue, index string, year int, blocs ...string) []Caveat {
	if !slices.ContainsFunc(warnings, func(w data.Issue) bool { return w.Severity == data.Warning }) {
		return nil // nothing to place: no index of every record's position
	}
	p := a.places()
	found := map[data.Issue]*finding{}
	for i := range a.findings() {
		f := &a.checked[i]
		found[f.issue] = f
	}
	var out []Caveat
	for _, w := range warnings {
		if w.Severity != data.Warning {
			continue
		}
		c := Caveat{Kind: caveatKind(w.Msg), Message: w.Msg, Hint: w.Hint, File: w.Pos.File, Line: w.Pos.Line, Col: w.Pos.Col}
		var touched []data.Slice
		if e := p.entry(a, filePos{w.Pos.File, w.Pos.Line}); e != nil && w.Pos.Line > 0 {
			r := e.rec
			c.Index, c.Year, c.Bloc, c.UnitID, c.Unit = r.Index, r.Year, r.Bloc, r.UnitID, r.Unit
			touched = []data.Slice{data.SliceOf(r)}
			if e.hasScore {
				c.Score = &r.Total
			}
			if f := found[w]; f != nil && f.e == e {
				c.describe(f)
			}
		} else if gs := p.files[w.Pos.File]; len(gs) > 0 {
			touched = gs
			sh := shared(gs)
			c.Index, c.Year, c.Bloc = sh.Index, sh.Year, sh.Bloc
		}
		if touches(touched, index, year, blocs) {
			out = append(out, c)
		}
	}
	return out
}

// describe fills a rank or grade caveat from Check's finding.
func (c *Caveat) describe(f *finding) {
	e := f.e
	c.Kind = f.kind
	switch f.kind {
	case CaveatRank, CaveatRankNotRanked:
		c.PublishedRank = &e.rec.PublishedRank
		if e.ranked() {
			c.RankByScore = &e.rank
		}
	case CaveatGrade, CaveatGradeBelow:
		c.Grade = &e.rec.Grade
		if f.want != "" {
			c.GradeByScore = &f.want
		}
		src := e.g.scheme.Source
		c.Scheme = &src
	}
}

// touches reports whether a warning touching the tables ts (none = every
// table) concerns the index, year and blocs asked for.
func touches(ts []data.Slice, index string, year int, blocs []string) bool {
	if len(ts) == 0 {
		return true
	}
	for _, t := range ts {
		if (index == "" || t.Index == index) && (year == 0 || t.Year == year) && (len(blocs) == 0 || slices.Contains(blocs, t.Bloc)) {
			return true
		}
	}
	return false
}

// shared returns the index, year and bloc every table of gs has ("" or 0
// where they differ).
func shared(gs []data.Slice) data.Slice {
	sh := gs[0]
	for _, g := range gs[1:] {
		if g.Index != sh.Index {
			sh.Index = ""
		}
		if g.Year != sh.Year {
			sh.Year = 0
		}
		if g.Bloc != sh.Bloc {
			sh.Bloc = ""
		}
	}
	return sh
}

// caveatKind tells a loader warning's kind from its message (package data
// writes them; TestCaveatKinds pins the wording through the loader).
func caveatKind(msg string) string {
	switch {
	case strings.HasPrefix(msg, "total ") && strings.Contains(msg, " differs from the sum of components "):
		return CaveatTotal
	case strings.HasPrefix(msg, "score ") && strings.Contains(msg, " is above the maximum "):
		return CaveatAboveMax
	case strings.Contains(msg, " appears twice in "):
		return CaveatDuplicate
	case strings.HasPrefix(msg, "unit ") && strings.Contains(msg, " is named "):
		return CaveatRenamed
	case strings.HasPrefix(msg, "name ") && strings.Contains(msg, " is listed for both "):
		return CaveatAlias
	case strings.HasPrefix(msg, "rank ") && strings.Contains(msg, " is marked not ranked "):
		return CaveatRankNotRanked
	case strings.HasPrefix(msg, "rank ") && strings.Contains(msg, " by score "):
		return CaveatRank
	case strings.HasSuffix(msg, ": left ungraded") && strings.Contains(msg, " below the lowest grade of the scheme from "):
		return CaveatUngraded
	case strings.HasPrefix(msg, "grade ") && strings.Contains(msg, " is below every grade of the scheme "):
		return CaveatGradeBelow
	case strings.HasPrefix(msg, "grade ") && strings.Contains(msg, " by score "):
		return CaveatGrade
	}
	return CaveatOther
}

type filePos struct {
	file string
	line int
}

// placer knows which record sits at a file's row and which tables each
// data file has records in.
type placer struct {
	// lines: for each file, line → 1 + the record's place in recEntry
	// (0: none starts there); a table, not a map, as every row of a wide
	// file holds a record. Files whose records are far apart (long files)
	// use at instead.
	lines map[string][]int32
	at    map[filePos]*entry
	files map[string][]data.Slice
}

// entry returns the record at a file's row (the last one when several
// start there), or nil.
func (p *placer) entry(a *Analysis, pos filePos) *entry {
	if ls, ok := p.lines[pos.file]; ok {
		if pos.line >= 0 && pos.line < len(ls) && ls[pos.line] > 0 {
			return a.recEntry[ls[pos.line]-1]
		}
		return nil
	}
	return p.at[pos]
}

func (a *Analysis) places() *placer {
	a.placeOnce.Do(func() {
		p := &placer{lines: map[string][]int32{}, at: map[filePos]*entry{}, files: map[string][]data.Slice{}}
		type extent struct{ records, maxLine int }
		extents := map[string]*extent{}
		lastFile, last := "", (*extent)(nil)
		var gs []data.Slice // lastFile's tables
		for _, e := range a.recEntry {
			r := e.rec
			if last == nil || r.Pos.File != lastFile {
				if last != nil {
					p.files[lastFile] = gs
				}
				lastFile, gs = r.Pos.File, p.files[r.Pos.File]
				if last = extents[lastFile]; last == nil {
					last = &extent{}
					extents[lastFile] = last
				}
			}
			last.records++
			last.maxLine = max(last.maxLine, r.Pos.Line)
			k := data.SliceOf(r)
			// records come sorted by table: look past the last one only on a change
			if (len(gs) == 0 || gs[len(gs)-1] != k) && !slices.Contains(gs, k) {
				gs = append(gs, k)
			}
		}
		if last != nil {
			p.files[lastFile] = gs
		}
		for f, x := range extents {
			if x.maxLine <= 2*x.records+64 {
				p.lines[f] = make([]int32, x.maxLine+1)
			}
		}
		lastFile, ls, dense := "", []int32(nil), false
		for i, e := range a.recEntry {
			r := e.rec
			if i == 0 || r.Pos.File != lastFile {
				lastFile = r.Pos.File
				ls, dense = p.lines[lastFile]
			}
			switch {
			case dense && r.Pos.Line >= 0:
				ls[r.Pos.Line] = int32(i + 1)
			case !dense:
				p.at[filePos{r.Pos.File, r.Pos.Line}] = e
			}
		}
		a.placer = p
	})
	return a.placer
}

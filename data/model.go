// Package data turns analysts' spreadsheet exports into one validated Dataset.
// It knows nothing of analysis or terminals.
package data

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// DefaultIndex names the index of files that have no index column.
const DefaultIndex = "PAR Index"

// Missing marks a score that is absent. An empty cell is missing, never zero.
var Missing = math.NaN()

// IsMissing reports whether v is the missing marker.
func IsMissing(v float64) bool { return v != v }

// Dataset is everything loaded from one or more files, merged and validated.
type Dataset struct {
	Label      string      // shown wherever the data is shown, e.g. "Dữ liệu minh họa — illustrative"
	Files      []FileInfo  // what was understood of each input file, in load order
	Components []Component // every component seen, in first-seen order; Record.Score follows this order
	Schemes    []GradeScheme
	Units      []UnitInfo // units.csv lineage, if any
	// Lineage is every succession the loader accepted: units.csv rows and
	// an applied shipped lineage (--lineage). Nil for a literal dataset,
	// which answers Successions from its Units.
	Lineage  []Succession
	Records  []Record // sorted by index, year, bloc, then input order
	Warnings []Issue  // problems that do not stop the load
	// Decimals is the most decimals any score was written with (at most 4):
	// displays pad to it so columns align, without rounding anything.
	Decimals int

	successor map[string]string // unit id → successor unit id (units.csv)
}

// FileInfo says how a file was read.
type FileInfo struct {
	Name      string // path as given (or a display name for embedded and stdin data)
	Kind      string // "wide", "long", "components", "grades" or "units"
	Encoding  string // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1258"
	Delimiter rune
	Decimal   rune // '.' or ','
	Rows      int  // data rows (header excluded)
	Ignored   []string
	Notes     []string // how numbers were read where it is not plain (a "%" after the index)
	// Columns says how every column was understood, in file order (data
	// files only): check prints it, so the reader sees what was summed.
	Columns []ColumnInfo
}

// Component is one scored area (lĩnh vực). Key is stable across renames.
type Component struct {
	Key   string // code from components.csv, else the folded column name
	Name  string // display name as last seen in the data
	Code  string // code from components.csv ("" when none)
	Terms []ComponentTerm
	// Bonus marks extra points (điểm thưởng) that can lift a total above
	// 100: they count in the total but are not an area a unit "loses" points on.
	Bonus bool
	// Parent is the key of the component this one is part of (a criterion's
	// area, a sub-criterion's criterion); "" for an area. See Dataset.Tree.
	Parent string
	// SelfFor is, for a column of self-assessed scores of one component
	// ("Điểm tự đánh giá / 1.1"), that component's key: its scores are the
	// unit's own, kept beside the appraised ones and never summed.
	SelfFor string
}

// isBonusName recognises bonus columns by name: "Điểm thưởng", "Bonus", "Điểm cộng".
func isBonusName(name string) bool {
	f := Fold(name)
	for _, w := range []string{"diem thuong", "bonus", "diem cong", "cong diem", "thuong"} {
		if f == w || strings.HasPrefix(f, w+" ") {
			return true
		}
	}
	return false
}

// ComponentTerm is one row of components.csv: a name and maximum valid for a span of years.
type ComponentTerm struct {
	Name     string
	Max      float64 // Missing when unknown
	FromYear int     // 0 = open
	ToYear   int     // 0 = open
}

// Max returns the component's maximum points in a year, if known.
func (c *Component) Max(year int) (float64, bool) {
	if t := c.term(year); t != nil && !IsMissing(t.Max) {
		return t.Max, true
	}
	return 0, false
}

// NameIn returns the component's name in a given year.
func (c *Component) NameIn(year int) string {
	if t := c.term(year); t != nil && t.Name != "" {
		return t.Name
	}
	return c.Name
}

// setMaxIn gives c a maximum in year y where it has none, keeping the name
// it has in y (a term with a maximum and no name would hide a renamed
// component's name for that year).
func (c *Component) setMaxIn(y int, m float64) {
	name := ""
	if t := c.term(y); t != nil {
		name = t.Name
	}
	c.Terms = append([]ComponentTerm{{Name: name, Max: m, FromYear: y, ToYear: y}}, c.Terms...)
}

func (c *Component) term(year int) *ComponentTerm {
	for i := range c.Terms {
		t := &c.Terms[i]
		if (t.FromYear == 0 || year >= t.FromYear) && (t.ToYear == 0 || year <= t.ToYear) {
			return t
		}
	}
	return nil
}

// Record is one unit's result in one index and year.
type Record struct {
	Index    string
	Year     int
	Bloc     string
	UnitID   string // identity across years: unit code, else folded name, through units.csv lineage
	UnitCode string // as given ("" when the file has none)
	Unit     string // display name as given, NFC

	Total        float64 // Missing when the index has no scores (grade-only)
	TotalDerived bool    // true when Total is the sum of components (no total given)
	NotRanked    bool    // assessed but not ranked (KXH, "-", "không xếp hạng"); beside TotalDerived to share its padding
	wideScores   bool    // scores holds each code in two cells (see narrowCode)
	scores       []int16 // codes as hundredths, or two cells each when wide (see narrowCode), read through Score
	// Notes holds what few records carry (nil for most): one pointer keeps
	// every record small, which the load's speed depends on.
	Notes *RecordNotes

	Grade         string // grade label as given ("" when none)
	PublishedRank int    // rank as given; 0 when none

	Pos Pos // where the row came from
}

// RecordNotes is what a record may carry beyond its scores.
type RecordNotes struct {
	// MissingParts names the components whose cells were missing when the
	// total had to be their sum: the total is then missing (the unit is
	// not ranked), never a partial sum.
	MissingParts []string
	// SelfAssessed is the unit's own score ("Điểm tự đánh giá"), kept
	// beside the total and never part of it; Missing when none is given.
	SelfAssessed float64
	// exact holds, at their components' places, the scores whose cells
	// are coded scoreExact (see keepExact).
	exact []float64
}

// String shows the notes themselves, not where they are in memory.
func (n *RecordNotes) String() string {
	if n == nil {
		return "<nil>"
	}
	if len(n.exact) > 0 {
		return fmt.Sprintf("{MissingParts:%q SelfAssessed:%v exact:%v}", n.MissingParts, n.SelfAssessed, n.exact)
	}
	return fmt.Sprintf("{MissingParts:%q SelfAssessed:%v}", n.MissingParts, n.SelfAssessed)
}

// MissingParts names the components that left the record without a total
// (nil when none did).
func (r *Record) MissingParts() []string {
	if r.Notes == nil {
		return nil
	}
	return r.Notes.MissingParts
}

// SelfAssessed returns the unit's self-assessed score, if given.
func (r *Record) SelfAssessed() (float64, bool) {
	if r.Notes == nil || IsMissing(r.Notes.SelfAssessed) {
		return 0, false
	}
	return r.Notes.SelfAssessed, true
}

// note returns the record's notes, adding them when it has none.
func (r *Record) note() *RecordNotes {
	if r.Notes == nil {
		r.Notes = &RecordNotes{SelfAssessed: Missing}
	}
	return r.Notes
}

// HasTotal reports whether the record has a total score.
func (r *Record) HasTotal() bool { return !IsMissing(r.Total) }

// Pos locates a cell: file, 1-based line and 1-based column (field number).
type Pos struct {
	File string
	Line int
	Col  int
}

// UnitInfo is a row of units.csv.
type UnitInfo struct {
	Code      string
	Name      string
	Aliases   []string
	Successor string
	FromYear  int
	ToYear    int
	// EffectiveYear is the first year the successor stands for the unit
	// (0 = undated: the successor continues it whenever it has no result).
	EffectiveYear int
	// Weight is the share of the unit that passes to this successor: 1
	// unless the unit is split (its rows' weights then add up to 1).
	Weight float64
	// Numbers holds the row's other numeric columns (population, area…)
	// by folded header: a combined baseline may be weighted by one.
	Numbers map[string]float64
	pos     Pos // the row, for messages
}

// Successor returns the unit id that continues id after a merger or rename, if any.
// A dataset built as a literal (no loader) answers from its Units.
func (d *Dataset) Successor(id string) (string, bool) {
	if d.successor == nil {
		for _, u := range d.Units {
			if u.Code == id && u.Successor != "" {
				return u.Successor, true
			}
		}
		return "", false
	}
	s, ok := d.successor[id]
	return s, ok
}

// Indices lists the indices in the dataset, the main index first and the
// others by name (CompareIndices).
func (d *Dataset) Indices() []string {
	var out []string
	seen := map[string]bool{}
	for i := range d.Records {
		if ix := d.Records[i].Index; !seen[ix] {
			seen[ix] = true
			out = append(out, ix)
		}
	}
	SortIndices(out)
	return out
}

// Years lists the years in which an index has records, ascending.
func (d *Dataset) Years(index string) []int {
	seen := map[int]bool{}
	var out []int
	for i := range d.Records {
		r := &d.Records[i]
		if r.Index == index && !seen[r.Year] {
			seen[r.Year] = true
			out = append(out, r.Year)
		}
	}
	sort.Ints(out)
	return out
}

// UnitCount is the number of distinct units across the dataset.
func (d *Dataset) UnitCount() int {
	seen := map[string]bool{}
	for i := range d.Records {
		seen[d.Records[i].UnitID] = true
	}
	return len(seen)
}

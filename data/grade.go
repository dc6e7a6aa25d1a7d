package data

import (
	"fmt"
	"math"
	"sort"
)

// GradeScheme maps a total to a grade: bands ordered best first.
// Schemes are data: they differ by index, bloc and year.
type GradeScheme struct {
	Index    string // "" = any index
	Bloc     string // "" = any bloc
	FromYear int    // 0 = open
	ToYear   int    // 0 = open
	Bands    []GradeBand
	Source   string // file the scheme came from; "built-in" for the default
	Basis    string // "" grades the total; BasisApplicable its share of applicable points (tree_grades.go)
	pos      Pos    // its first row in Source, for messages
}

// GradeBand is one grade and the lowest total that earns it.
type GradeBand struct {
	Label string
	Min   float64
}

// DefaultGrades is the Options.Grades value (--grades default) that selects
// DefaultScheme for every index, bloc and year instead of a grades.csv file.
const DefaultGrades = "default"

// DefaultScheme is the built-in scheme: it grades totals only when selected
// with DefaultGrades; otherwise it only orders grade labels.
var DefaultScheme = GradeScheme{
	Bands: []GradeBand{
		{"Xuất sắc", 90}, {"Tốt", 80}, {"Khá", 70}, {"Trung bình", 60}, {"Yếu", math.Inf(-1)},
	},
	Source: "built-in",
}

// GradeFor returns the grade a total earns under the scheme. Totals are
// compared at 2 decimals, as published tables are. A total below the
// lowest band's min earns no grade (""): a band's min is honoured, so a
// scheme that stops at "Trung bình ≥ 50" says nothing of a 45, and a
// one-row scheme does not grade every total. Only a band without a min
// (-Inf) catches every lower total.
func (s *GradeScheme) GradeFor(total float64) string {
	t := math.Round(total*100) / 100
	for _, b := range s.Bands {
		if t >= math.Round(b.Min*100)/100 {
			return b.Label
		}
	}
	return ""
}

// Level returns the position of a grade label in the scheme (0 = best).
func (s *GradeScheme) Level(label string) (int, bool) {
	f := Fold(label)
	for i, b := range s.Bands {
		if Fold(b.Label) == f {
			return i, true
		}
	}
	return 0, false
}

func (s *GradeScheme) applies(sl Slice) bool {
	return (s.Index == "" || Fold(s.Index) == Fold(sl.Index)) &&
		(s.Bloc == "" || Fold(s.Bloc) == Fold(sl.Bloc)) &&
		(s.FromYear == 0 || sl.Year >= s.FromYear) &&
		(s.ToYear == 0 || sl.Year <= s.ToYear)
}

func (s *GradeScheme) specificity() int {
	n := 0
	if s.Index != "" {
		n += 4
	}
	if s.Bloc != "" {
		n += 2
	}
	if s.FromYear != 0 || s.ToYear != 0 {
		n++
	}
	return n
}

// useDefaultScheme selects the built-in scheme when the grades option asks
// for it, reporting whether it did.
func (b *builder) useDefaultScheme(opt string) bool {
	if Fold(opt) != DefaultGrades {
		return false
	}
	s := DefaultScheme
	s.Bands = append([]GradeBand(nil), s.Bands...) // the dataset's own copy
	b.ds.Schemes = append(b.ds.Schemes, s)
	return true
}

// isBuiltIn reports whether s is the built-in scheme or a copy of it.
func (s *GradeScheme) isBuiltIn() bool {
	return s == &DefaultScheme || s.Source == DefaultScheme.Source
}

// SchemeFor returns the grade scheme for a slice: the most
// specific one the user gave (grades.csv or DefaultGrades), else the
// built-in default, which orders labels but grades nothing (see HasScheme).
func (d *Dataset) SchemeFor(sl Slice) *GradeScheme {
	var best *GradeScheme
	for i := range d.Schemes {
		s := &d.Schemes[i]
		if s.applies(sl) && (best == nil || s.specificity() > best.specificity()) {
			best = s
		}
	}
	if best == nil {
		return &DefaultScheme
	}
	return best
}

// HasScheme reports whether the user gave a scheme for the slice
// (grades.csv or DefaultGrades): only then are totals graded.
func (d *Dataset) HasScheme(sl Slice) bool {
	return d.SchemeFor(sl) != &DefaultScheme
}

// A ladder is a built-in ordered grade vocabulary; each rung may have several names.
type ladder struct {
	name  string
	rungs [][]string // best first; the first name of a rung is canonical
}

var ladders = []ladder{
	{"vi", [][]string{
		{"Xuất sắc", "Rất tốt", "Excellent", "Very good", "Outstanding"},
		{"Tốt", "Good"},
		{"Khá", "Fair", "Rather good", "Quite good"},
		{"Trung bình khá", "Above average"},
		{"Trung bình", "Average", "Medium"},
		{"Yếu", "Kém", "Chưa đạt", "Không đạt", "Weak", "Poor", "Not achieved", "Fail", "Failed"},
	}},
	{"ABCD", [][]string{{"A", "Nhóm A", "Group A"}, {"B", "Nhóm B", "Group B"}, {"C", "Nhóm C", "Group C"}, {"D", "Nhóm D", "Group D"}}},
	{"I-III", [][]string{{"I", "Nhóm I", "Group I"}, {"II", "Nhóm II", "Group II"}, {"III", "Nhóm III", "Group III"}}},
}

var vocabulary = func() map[string]VocabGrade {
	m := map[string]VocabGrade{}
	for _, l := range ladders {
		for lvl, names := range l.rungs {
			for _, n := range names {
				m[Fold(n)] = VocabGrade{Ladder: l.name, Level: lvl, Canonical: names[0], Top: lvl == 0}
			}
		}
	}
	return m
}()

// VocabGrade is a grade label found in the built-in vocabulary.
type VocabGrade struct {
	Ladder    string // "vi", "ABCD" or "I-III"
	Level     int    // 0 = best
	Canonical string // e.g. "Xuất sắc" for "Rất tốt"
	Top       bool
}

// LookupGrade finds a label in the built-in vocabulary, ignoring case and accents.
func LookupGrade(label string) (VocabGrade, bool) {
	g, ok := vocabulary[Fold(label)]
	return g, ok
}

// GradeOrder orders grade labels best first for a slice:
// the scheme's order where it names them, else the built-in vocabulary.
// ok is false when some label cannot be ordered.
func (d *Dataset) GradeOrder(sl Slice, labels []string) (ordered []string, ok bool) {
	s := d.SchemeFor(sl)
	key := func(l string) (int, bool) {
		if lvl, ok := s.Level(l); ok && !s.isBuiltIn() {
			return lvl * 10, true
		}
		if v, ok := LookupGrade(l); ok {
			return v.Level * 10, true
		}
		return 0, false
	}
	ok = true
	ordered = append([]string(nil), labels...)
	sort.SliceStable(ordered, func(i, j int) bool {
		a, _ := key(ordered[i])
		b, _ := key(ordered[j])
		return a < b
	})
	for _, l := range labels {
		if _, k := key(l); !k {
			ok = false
		}
	}
	return ordered, ok
}

// GradeLevel returns a grade's level (0 = best) under the scheme for the
// slice, falling back to the built-in vocabulary.
func (d *Dataset) GradeLevel(sl Slice, label string) (int, bool) {
	// The default scheme's labels all sit in the vocabulary; using the
	// vocabulary for them keeps "Trung bình khá" between Khá and Trung bình.
	if s := d.SchemeFor(sl); !s.isBuiltIn() {
		if lvl, ok := s.Level(label); ok {
			return lvl, true
		}
	}
	if v, ok := LookupGrade(label); ok {
		return v.Level, true
	}
	return 0, false
}

var mathInfNeg = math.Inf(-1)

func sortBands(bands []GradeBand) {
	sort.SliceStable(bands, func(i, j int) bool { return bands[i].Min > bands[j].Min })
}

// ungradedIssues warns of every record the scheme in use cannot grade: a
// total below the lowest band's min and no grade given. Such a record has
// no grade — analysis shows it ungraded — never the lowest label. Past
// maxUngradedWarnings in one index, year and bloc, one more warning counts
// the rest.
func ungradedIssues(d *Dataset) []Issue {
	var out []Issue
	tree := d.Tree()
	var s *GradeScheme
	var at *Record // the first record of the group s is for
	n := 0         // ungraded records of the group
	more := func() {
		if n > maxUngradedWarnings {
			out = append(out, Issue{Severity: Warning, Pos: Pos{File: at.Pos.File},
				Msg: fmt.Sprintf("%d more units of %s score below the lowest grade of the scheme from %s: left ungraded",
					n-maxUngradedWarnings, groupName(at), s.Source)})
		}
	}
	for i := range d.Records {
		r := &d.Records[i]
		if r.Grade != "" || !r.HasTotal() {
			continue
		}
		if at == nil || SliceOf(r) != SliceOf(at) {
			if at != nil {
				more()
			}
			s, at, n = d.SchemeFor(SliceOf(r)), r, 0
		}
		if len(s.Bands) == 0 {
			continue
		}
		if v, ok := d.GradeValue(s, tree, r); !ok || s.GradeFor(v) != "" {
			continue // no share to grade on is warned of by checkApplicableSchemes
		}
		if n++; n > maxUngradedWarnings {
			continue
		}
		low := s.Bands[len(s.Bands)-1]
		out = append(out, Issue{Severity: Warning, Pos: Pos{File: r.Pos.File, Line: r.Pos.Line},
			Msg: fmt.Sprintf("%s scores %s in %s, below the lowest grade of the scheme from %s (%s from %s): left ungraded",
				clip(r.Unit), formatNum(r.Total), groupName(r), s.Source, clip(low.Label), formatNum(low.Min)),
			Hint: "a total below every band's min gets no grade; give the lowest band an empty min to grade every total"})
	}
	if at != nil {
		more()
	}
	return out
}

// maxUngradedWarnings is how many ungraded records of one index, year and
// bloc are warned of one by one.
const maxUngradedWarnings = 20

// groupName names a record's index, year and bloc: "PAR Index 2023, Sở".
func groupName(r *Record) string {
	return Slice{Index: clip(r.Index), Year: r.Year, Bloc: clip(r.Bloc)}.String()
}

package data

import (
	"fmt"
	"strings"
)

// grades.csv rows become grade schemes here, and are checked first: a
// scheme's thresholds fall strictly from its first row to its last, its
// labels are distinct, a label the built-in vocabulary ranks higher never
// has the lower threshold, and two schemes for the same index and bloc do
// not share a year. Whatever the order of the rows, every year then has at
// most one scheme of each specificity, so reordering grades.csv cannot
// change a grade.

// gradeLine is one read grades.csv row.
type gradeLine struct {
	label       string
	min         float64 // -Inf when the row gives none: the band takes every lower total
	index, bloc string
	from, to    int
	line        int
	basis       string // "" or BasisApplicable
}

// schemeKey is what makes rows one scheme: index, bloc and year span.
func (g gradeLine) schemeKey() string {
	return fmt.Sprintf("%s\x00%s\x00%d\x00%d", Fold(g.index), Fold(g.bloc), g.from, g.to)
}

func (b *builder) gradeLineOf(t *table, r gradeRow, line int, cols sidecarCols) (gradeLine, bool) {
	label := strings.TrimSpace(r.Grade)
	if label == "" {
		b.errorf(cols.pos(t.name, line, "grade"), "", "grade row without a grade label")
		return gradeLine{}, false
	}
	mn, ok := b.sidecarNumber(t, r.Min, cols.pos(t.name, line, "min"), "min")
	from, to, ok2 := b.sidecarSpan(t.name, r.FromYear, r.ToYear, line, cols)
	if !ok || !ok2 {
		return gradeLine{}, false
	}
	basis, ok3 := readBasis(r.Basis)
	if !ok3 {
		b.errorf(cols.pos(t.name, line, "basis"), "write points, or percent_of_applicable for a scheme on the share of applicable points",
			"unknown basis %q", clip(r.Basis))
		return gradeLine{}, false
	}
	if IsMissing(mn) {
		mn = mathInfNeg
	}
	return gradeLine{label: label, min: mn, index: strings.TrimSpace(r.Index), bloc: strings.TrimSpace(r.Bloc),
		from: from, to: to, line: line, basis: basis}, true
}

// addSchemes checks one grades file's rows and adds its schemes.
func (b *builder) addSchemes(file string, rows []gradeLine, cols sidecarCols) {
	var keys []string
	byKey := map[string][]gradeLine{}
	for _, g := range rows {
		k := g.schemeKey()
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], g)
	}
	for _, k := range keys {
		bands := byKey[k]
		b.checkBands(file, bands, cols)
		first := bands[0]
		s := GradeScheme{Index: first.index, Bloc: first.bloc, FromYear: first.from, ToYear: first.to,
			Source: file, pos: Pos{File: file, Line: first.line}, Basis: first.basis}
		for _, g := range bands {
			if g.basis != first.basis {
				b.errorf(cols.pos(file, g.line, "basis"), "give every row of a scheme the same basis",
					"a scheme's rows disagree on its basis (line %d grades on %s)", first.line, basisText(first.basis))
			}
			s.Bands = append(s.Bands, GradeBand{g.label, g.min})
		}
		sortBands(s.Bands)
		b.checkSchemeOverlap(&s)
		b.ds.Schemes = append(b.ds.Schemes, s)
	}
}

// checkBands checks one scheme's rows, in file order.
func (b *builder) checkBands(file string, bands []gradeLine, cols sidecarCols) {
	seen := map[string]int{} // folded label → line
	for _, g := range bands {
		if at, dup := seen[Fold(g.label)]; dup {
			b.errorf(cols.pos(file, g.line, "grade"), "give each grade of a scheme one row",
				"grade %q appears twice in one scheme (also at line %d)", clip(g.label), at)
		} else {
			seen[Fold(g.label)] = g.line
		}
	}
	for i := 1; i < len(bands); i++ {
		g, above := bands[i], bands[i-1]
		if g.min < above.min {
			continue
		}
		what := "is above"
		if g.min == above.min {
			what = "is the same as"
		}
		b.errorf(cols.pos(file, g.line, "min"), "list a scheme's grades best first, each with a lower min than the row above",
			"the min of %s (%s) %s the min of %s (%s) at line %d: thresholds must fall from the best grade down",
			clip(g.label), minText(g.min), what, clip(above.label), minText(above.min), above.line)
		return // one order error per scheme: the rest follow from it
	}
	// Rows in order; a label the vocabulary ranks higher must not sit lower.
	for i, g := range bands {
		vg, ok := LookupGrade(g.label)
		if !ok {
			continue
		}
		for _, above := range bands[:i] {
			va, ok := LookupGrade(above.label)
			if ok && va.Ladder == vg.Ladder && vg.Level < va.Level {
				b.errorf(cols.pos(file, g.line, "min"), "swap the two thresholds, or the two labels",
					"%s (min %s) is a better grade than %s (min %s, line %d) but has the lower threshold",
					clip(g.label), minText(g.min), clip(above.label), minText(above.min), above.line)
				return
			}
		}
	}
}

// checkSchemeOverlap refuses a scheme that shares a year with an earlier
// one for the same index and bloc. A scheme without years is the fallback
// for the years the dated ones leave, so it overlaps only another without
// years.
func (b *builder) checkSchemeOverlap(s *GradeScheme) {
	dated := s.FromYear != 0 || s.ToYear != 0
	for i := range b.ds.Schemes {
		o := &b.ds.Schemes[i]
		if Fold(o.Index) != Fold(s.Index) || Fold(o.Bloc) != Fold(s.Bloc) || (o.FromYear != 0 || o.ToYear != 0) != dated {
			continue
		}
		if !spansOverlap(o.FromYear, o.ToYear, s.FromYear, s.ToYear) {
			continue
		}
		b.errorf(s.pos, "a year can have one scheme per index and bloc; make the from_year–to_year spans meet without overlapping",
			"the grade scheme for %s (%s) overlaps the one at %s (%s)",
			schemeScope(s), spanText(s.FromYear, s.ToYear), lineRef(o.pos, s.pos), spanText(o.FromYear, o.ToYear))
		return
	}
}

// schemeScope names what a scheme applies to: "index PAR Index, bloc Huyện".
func schemeScope(s *GradeScheme) string {
	index, bloc := "any index", "any bloc"
	if s.Index != "" {
		index = "index " + clip(s.Index)
	}
	if s.Bloc != "" {
		bloc = "bloc " + clip(s.Bloc)
	}
	return index + ", " + bloc
}

// minText writes a threshold for messages; a band without a min has none.
func minText(v float64) string {
	if v == mathInfNeg {
		return "none"
	}
	return formatNum(v)
}

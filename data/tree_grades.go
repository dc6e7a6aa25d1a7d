package data

import (
	"slices"
	"strings"
)

// Grade schemes on the share of applicable points. Some provinces grade a
// unit on its total as a share of the points that apply to it ("đạt từ 90%
// điểm phát sinh trở lên: Xuất sắc"): a criterion marked not applicable
// (KPS) leaves the unit's maximum. grades.csv declares it per scheme in a
// basis column: "points" (the default) or "percent_of_applicable".

// BasisApplicable is GradeScheme.Basis for a scheme whose mins are
// percentages of the unit's applicable maximum.
const BasisApplicable = "percent_of_applicable"

// basisNames are the basis cells grades.csv accepts, folded.
var basisNames = map[string]string{
	"": "", "points": "", "diem": "", "tong diem": "",
	"percent of applicable": BasisApplicable, "percent applicable": BasisApplicable,
	"diem phat sinh": BasisApplicable, "ty le diem phat sinh": BasisApplicable, "phan tram diem phat sinh": BasisApplicable,
}

// readBasis reads a grades.csv basis cell.
func readBasis(cell string) (string, bool) {
	b, ok := basisNames[Fold(strings.TrimSpace(cell))]
	return b, ok
}

// GradeValue is what a scheme grades a record on: its total, or for a
// scheme on the share of applicable points, the total as a percentage of
// the record's applicable maximum (false when a maximum it needs is
// unknown: the record is then not graded by the scheme).
func (d *Dataset) GradeValue(s *GradeScheme, t *Tree, r *Record) (float64, bool) {
	if !r.HasTotal() {
		return 0, false
	}
	if s == nil || s.Basis != BasisApplicable {
		return r.Total, true
	}
	m, ok := d.ApplicableTotalMax(t, r)
	if !ok || m <= 0 {
		return 0, false
	}
	return r.Total / m * 100, true
}

// checkApplicableSchemes warns, once per scheme, when a scheme grades on
// the share of applicable points but a record it covers has no applicable
// maximum (components.csv gives no maxima): those records are not graded.
func (b *builder) checkApplicableSchemes() {
	d := b.ds
	// a record's scheme is one of these or the built-in one, which grades
	// the total: without such a scheme no record needs a look
	if !slices.ContainsFunc(d.Schemes, func(s GradeScheme) bool { return s.Basis == BasisApplicable }) &&
		DefaultScheme.Basis != BasisApplicable {
		return
	}
	var t *Tree
	warned := map[*GradeScheme]bool{}
	for i := range d.Records {
		r := &d.Records[i]
		s := d.SchemeFor(SliceOf(r))
		if s == nil || s.Basis != BasisApplicable || warned[s] || r.Grade != "" || !r.HasTotal() {
			continue
		}
		if t == nil {
			t = d.Tree()
		}
		if _, ok := d.GradeValue(s, t, r); !ok {
			warned[s] = true
			b.warnf(s.pos, "give every area its max in components.csv",
				"the grade scheme for %s grades on the share of applicable points, but %s %d has no known maximum: such units are not graded",
				schemeScope(s), clip(r.Unit), r.Year)
		}
	}
}

// basisText names a basis for messages.
func basisText(basis string) string {
	if basis == BasisApplicable {
		return "the share of applicable points"
	}
	return "points"
}

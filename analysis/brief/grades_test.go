package brief

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

func at(file string, line int) opt {
	return func(r *data.Record) { r.Pos = data.Pos{File: file, Line: line} }
}

// national is a national-style table: scores and ranks, no grades. By the
// built-in scheme Bộ C would fall Tốt → Khá and Bộ D rise Khá → Tốt.
func national(bloc string) []data.Record {
	return []data.Record{
		R(2022, bloc, "Bộ A", 91.2), R(2022, bloc, "Bộ B", 85), R(2022, bloc, "Bộ C", 81.1), R(2022, bloc, "Bộ D", 76.4), R(2022, bloc, "Bộ E", 70),
		R(2023, bloc, "Bộ A", 90.5), R(2023, bloc, "Bộ B", 86.2), R(2023, bloc, "Bộ D", 82), R(2023, bloc, "Bộ C", 79.5), R(2023, bloc, "Bộ E", 71.3),
	}
}

// Nothing grades a national table: the brief counts units by score in
// plain words and names no grade; --grades default restores the grades.
func TestGradesOrScoreBands(t *testing.T) {
	gradeKinds := []string{"grade_counts", "lead_grades", "grade_change", "grade_up", "grade_down", "sole_grade", "first_time_grade", "all_graded_first_time", "top_grade_streak"}
	tests := []struct {
		name    string
		ds      *data.Dataset
		lang    string
		has     map[string]string // kind → exact text
		absent  []string          // kinds
		without []string          // substrings of the whole brief
	}{
		{"national table, vi", mkUngraded(national("Bộ")...), "vi", map[string]string{
			"score_bands": "Khối Bộ có 3/5 đơn vị đạt từ 80 điểm trở lên (năm 2022: 3/5), trong đó 1/5 đơn vị đạt từ 90 điểm trở lên (năm 2022: 1/5).",
			"scheme":      "Không xếp loại: dữ liệu không ghi xếp loại và không có thang xếp loại nào được chọn (grades.csv hoặc --grades default), nên các khối được nêu số đơn vị theo mức điểm, không nêu xếp loại.",
		}, gradeKinds, []string{"xếp loại tốt", "xếp loại khá", "xếp loại xuất sắc", "hạ xếp loại", "nâng xếp loại"}},
		{"national table, en", mkUngraded(national("Bộ")...), "en", map[string]string{
			"score_bands": "In the Bộ bloc, 3/5 units scored 80 or more (2022: 3/5); 1/5 scored 90 or more (2022: 1/5).",
		}, gradeKinds, []string{"are graded", "graded Tốt", "graded Khá", "Moving down a grade"}},
		{"two blocs: the lead sums the bands", mkUngraded(append(national("Bộ"), national("Ngành")...)...), "vi", map[string]string{
			"lead_score_bands": "Tính chung các khối, có 6/10 đơn vị đạt từ 80 điểm trở lên (năm 2022: 6/10), trong đó 2/10 đơn vị đạt từ 90 điểm trở lên (năm 2022: 2/10).",
		}, gradeKinds, nil},
		{"every unit at 80 or more, none at 90", mkUngraded(R(2023, "Bộ", "Bộ A", 89.95), R(2023, "Bộ", "Bộ B", 80)), "vi", map[string]string{
			"score_bands": "Tất cả 2 đơn vị của khối Bộ đều đạt từ 80 điểm trở lên; không có đơn vị nào đạt từ 90 điểm trở lên.",
		}, gradeKinds, nil},
		{"none at 80", mkUngraded(R(2023, "Bộ", "Bộ A", 79.99), R(2023, "Bộ", "Bộ B", 60)), "en", map[string]string{
			"score_bands": "No unit of the Bộ bloc scored 80 or more.",
		}, gradeKinds, nil},
		{"--grades default restores the grades", mk(national("Bộ")...), "vi", map[string]string{
			"grade_counts": "Khối Bộ có 1/5 đơn vị xếp loại xuất sắc, 2/5 đơn vị xếp loại tốt, 2/5 đơn vị xếp loại khá, không có đơn vị xếp loại trung bình và yếu.",
			"grade_down":   "Có 1 đơn vị bị hạ xếp loại: Bộ C (từ tốt xuống khá).",
		}, []string{"score_bands", "lead_score_bands"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := brief(t, tc.ds, Options{Year: 2023, Lang: tc.lang})
			for kind, text := range tc.has {
				found := false
				for _, st := range kinds(b, kind, "*") {
					found = found || st.Text == text
				}
				if !found {
					t.Errorf("no %s statement %q in:\n%s", kind, text, b.Markdown())
				}
			}
			for _, k := range tc.absent {
				none(t, b, k)
			}
			hasNot(t, b.Markdown(), tc.without...)
		})
	}
}

// A published grade the scheme in use contradicts stays as published, and
// the notes carry a caveat naming the unit and its row.
func TestPublishedGradeCaveat(t *testing.T) {
	ds := mkUngraded(
		R(2023, "Sở", "Sở A", 88, grade("Tốt"), at("par-2023.csv", 2)),
		R(2023, "Sở", "Sở C", 79.5, grade("Tốt"), at("par-2023.csv", 4)),
		R(2023, "Sở", "Sở D", 72, grade("Khá"), at("par-2023.csv", 5)),
	)
	ds.Schemes = []data.GradeScheme{{Source: "grades.csv", Bands: []data.GradeBand{{Label: "Tốt", Min: 80}, {Label: "Khá", Min: 70}, {Label: "Yếu", Min: -1}}}}
	for lang, want := range map[string]string{
		"vi": "Lưu ý về dữ liệu — Sở C (par-2023.csv, dòng 4): dữ liệu công bố xếp loại tốt, nhưng với 79,50 điểm, thang xếp loại trong grades.csv cho xếp loại khá.",
		"en": "Data caveat — Sở C (par-2023.csv, line 4): grade Tốt given, Khá by score (Tổng điểm 79.50).",
	} {
		b := brief(t, ds, Options{Lang: lang})
		c := one(t, b, "caveat", "Sở")
		if c.Text != want {
			t.Errorf("%s caveat\n got  %q\n want %q", lang, c.Text, want)
		}
		if c.Facts["kind"] != analysis.CaveatGrade || c.Facts["file"] != "par-2023.csv" || c.Facts["line"] != 4 || c.Facts["unit"] != "Sở C" {
			t.Errorf("caveat facts = %v", c.Facts)
		}
		if len(b.Caveats) != 1 || b.Caveats[0].Unit != "Sở C" {
			t.Errorf("Brief.Caveats = %+v", b.Caveats)
		}
	}
	b := brief(t, ds, Options{})
	has(t, one(t, b, "grade_counts", "Sở").Text, "2/3 đơn vị xếp loại tốt") // the published grade stands
}

// The notes list the caveats touching the brief's year and blocs: the
// first few spelled out, the rest counted; JSON carries them all.
func TestCaveatNotes(t *testing.T) {
	var recs []data.Record
	var ws []data.Issue
	for i := 1; i <= 12; i++ {
		recs = append(recs, R(2023, "Sở", fmt.Sprintf("Sở %02d", i), 80+float64(i), at("s.csv", i+1)),
			R(2022, "Sở", fmt.Sprintf("Sở %02d", i), 80, at("s22.csv", i+1)))
		ws = append(ws, data.Issue{Severity: data.Warning, Pos: data.Pos{File: "s.csv", Line: i + 1, Col: 7},
			Msg: fmt.Sprintf("total %d differs from the sum of components 80 by %d", 80+i, i)})
	}
	recs = append(recs, R(2023, "Huyện", "Huyện Q", 70, at("h.csv", 2)), R(2023, "Huyện", "Huyện R", 75, at("h.csv", 3)))
	other := []data.Issue{
		{Severity: data.Warning, Pos: data.Pos{File: "s22.csv", Line: 2, Col: 7}, Msg: "total 80 differs from the sum of components 79 by 1"}, // 2022
		{Severity: data.Warning, Pos: data.Pos{File: "h.csv", Line: 2, Col: 5}, Msg: "score 30 is above the maximum 25 of \"A\""},             // Huyện
	}
	ds := mkUngraded(recs...)
	b := brief(t, ds, Options{Year: 2023, Blocs: []string{"Sở"}, Warnings: append(ws, other...)})
	cs := kinds(b, "caveat", "*")
	if len(cs) != maxCaveatLines {
		t.Fatalf("%d caveat statements, want %d", len(cs), maxCaveatLines)
	}
	if want := "Lưu ý về dữ liệu — Sở 01 (s.csv, dòng 2): tổng điểm công bố (81,00 điểm) khác tổng điểm các lĩnh vực thành phần."; cs[0].Text != want {
		t.Errorf("first caveat %q, want %q", cs[0].Text, want)
	}
	if more := one(t, b, "caveats_more", ""); more.Text != "Còn 2 cảnh báo khác về dữ liệu; lệnh parlens check liệt kê tất cả." {
		t.Errorf("caveats_more = %q", more.Text)
	}
	if len(b.Caveats) != 12 {
		t.Errorf("Brief.Caveats holds %d, want the 12 of 2023 Sở", len(b.Caveats))
	}
	for _, c := range b.Caveats {
		if c.File != "s.csv" || c.Year != 2023 || c.Bloc != "Sở" || c.Kind != analysis.CaveatTotal {
			t.Errorf("caveat outside 2023 Sở or misplaced: %+v", c)
		}
	}
	// the caveats are notes: they sit in the footnote, before the method
	foot := b.Sections[len(b.Sections)-1]
	last := foot.Statements[len(foot.Statements)-1]
	if foot.Kind != SectionFootnote || last.Kind != "method" {
		t.Errorf("footnote ends with %q", last.Kind)
	}

	// without Options.Warnings the brief draws on the analysis's own; this
	// dataset has none, and its 2022 brief says nothing of 2023's rows
	for _, o := range []Options{{Year: 2023}, {Year: 2022, Warnings: append(ws, other...)[:12]}} {
		b := brief(t, ds, o)
		none(t, b, "caveat")
		if len(b.Caveats) != 0 || b.Caveats == nil {
			t.Errorf("%+v: caveats = %#v, want an empty list", o.Year, b.Caveats)
		}
		if strings.Contains(b.Markdown(), "Lưu ý về dữ liệu") {
			t.Errorf("caveat text in a brief without caveats")
		}
	}
}

// Grades published from 2023 only: 2022 was not graded, so no grade
// comparison is stated, in the lead or in a bloc.
func TestNoGradeChangeFromAnUngradedYear(t *testing.T) {
	var recs []data.Record
	for _, r := range append(national("Bộ"), national("Ngành")...) {
		if r.Year == 2023 {
			r.Grade = map[bool]string{true: "Tốt", false: "Khá"}[r.Total >= 80]
		}
		recs = append(recs, r)
	}
	b := brief(t, mkUngraded(recs...), Options{Year: 2023})
	one(t, b, "grade_counts", "Bộ")
	for _, k := range []string{"lead_grade_change", "grade_change", "grade_up", "grade_down", "lead_score_bands", "score_bands"} {
		none(t, b, k)
	}
	has(t, one(t, b, "scheme", "").Text, "Xếp loại theo kết quả công bố trong dữ liệu.")
}

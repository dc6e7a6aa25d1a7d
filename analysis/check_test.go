package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

func TestCheck(t *testing.T) {
	ds := mk(
		R(2023, "Bộ", "A", 89.95, pub(1), line("bo.csv", 2)),
		R(2023, "Bộ", "B", 88.1, pub(3), line("bo.csv", 3)),               // computed 2
		R(2023, "Bộ", "C", 85.5, pub(3), line("bo.csv", 4)),               // computed 3: fine
		R(2023, "Bộ", "D", 85.5, pub(3), line("bo.csv", 5)),               // tie: fine
		R(2023, "Bộ", "E", 85, grade("Xuất sắc"), line("bo.csv", 6)),      // Tốt by score
		R(2022, "Bộ", "F", 92, grade("Rất tốt"), line("bo22.csv", 2)),     // same level as Xuất sắc: fine
		R(2023, "Bộ", "G", 95, notRanked, pub(1), line("bo.csv", 8)),      // not ranked but a rank given
		G(2023, "Bộ khác", "H", "Khá", pub(9), line("bo.csv", 9)),         // no total: not checked (own bloc: a rank beyond the rows makes its table partial)
		R(2023, "Huyện", "Q", 85, grade("Nhóm II"), line("huyen.csv", 2)), // bloc scheme: Nhóm I
		R(2023, "Huyện", "R", 75, grade("Nhóm II"), line("huyen.csv", 3)), // fine
	)
	ds.Schemes = append(ds.Schemes, data.GradeScheme{Bloc: "Huyện", Source: "grades.csv", Bands: []data.GradeBand{
		{Label: "Nhóm I", Min: 80}, {Label: "Nhóm II", Min: 70}, {Label: "Nhóm III", Min: math.Inf(-1)},
	}})
	got := Check(ds)
	want := []struct {
		file string
		line int
		msg  string
		hint string // substring
	}{
		{"bo.csv", 3, "rank 3 given, 2 by score (Tổng điểm 88.10)", "ties sharing a rank"},
		{"bo.csv", 6, "grade Xuất sắc given, Tốt by score (Tổng điểm 85.00)", "built-in scheme, which gives Tốt from 80.00"},
		{"bo.csv", 8, "rank 1 given, but G is marked not ranked (Tổng điểm 95.00)", "not-ranked"},
		{"huyen.csv", 2, "grade Nhóm II given, Nhóm I by score (Tổng điểm 85.00)", "grades.csv gives Nhóm I from 80.00"},
	}
	if len(got) != len(want) {
		for _, i := range got {
			t.Log(i.String())
		}
		t.Fatalf("%d issues, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Severity != data.Warning || g.Pos.File != w.file || g.Pos.Line != w.line || g.Pos.Col != 0 || g.Msg != w.msg || !strings.Contains(g.Hint, w.hint) {
			t.Errorf("issue %d = %s\n want %s:%d: warning: %s (hint ~ %s)", i, g.String(), w.file, w.line, w.msg, w.hint)
		}
	}
	if !strings.Contains(got[0].Hint, "rank 3 belongs to") && !strings.Contains(got[0].Hint, "check the total") {
		t.Errorf("rank hint = %q", got[0].Hint)
	}
}

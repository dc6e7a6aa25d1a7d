package brief

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// mergedBloc: NB absorbs HN and ND in 2025. NB led in 2024 (before the
// merger), X led in 2025, NB leads again in 2026.
func mergedBloc() *data.Dataset {
	r := func(y int, u string, v float64) data.Record { return R(y, "Tỉnh", u, v, code(u)) }
	ds := mkUngraded(
		r(2024, "NB", 90), r(2024, "HN", 80), r(2024, "ND", 70), r(2024, "X", 60),
		r(2025, "X", 95), r(2025, "NB", 91),
		r(2026, "NB", 96), r(2026, "X", 95),
	)
	ds.Units = []data.UnitInfo{
		{Code: "HN", Name: "HN", Successor: "NB", EffectiveYear: 2025, Weight: 1},
		{Code: "ND", Name: "ND", Successor: "NB", EffectiveYear: 2025, Weight: 1},
	}
	return ds
}

// TestBriefAcrossMerger: the brief names the merger, sets the predecessors
// side by side, states no rank move or retained lead across it, writes a
// baseline only when asked, and "first time since the merger" where only
// that is true.
func TestBriefAcrossMerger(t *testing.T) {
	cases := []struct {
		name       string
		o          Options
		has, lacks []string
	}{
		{"the merged unit's first year", Options{Year: 2025},
			[]string{
				"Năm 2025 là năm đầu tiên sau đợt sắp xếp đơn vị: 1 đơn vị hình thành do hợp nhất.",
				"NB (hợp nhất từ HN, NB và ND) xếp thứ 2/2 với 91,00 điểm (nhóm 50% cuối bảng); năm 2024, NB 90,00 điểm, thứ 1/4 (nhóm 25% đứng đầu); HN 80,00 điểm, thứ 2/4 (nhóm 50% đứng đầu) và ND 70,00 điểm, thứ 3/4 (nhóm 50% cuối bảng).",
				"năm 2024 tính trên các đơn vị trước sắp xếp",
			},
			[]string{"cơ sở gộp", "NB tăng", "tăng 1,00", "hạng (từ thứ"}},
		{"a baseline on request, named", Options{Year: 2025, Baseline: "mean"},
			[]string{"Điểm cơ sở gộp của các đơn vị tiền thân (trung bình cộng) là 80,00; NB tăng 11,00 điểm so với mức này."}, nil},
		{"a weighted baseline without weights says so", Options{Year: 2025, Baseline: "weighted:population", Lang: "en"},
			[]string{"No combined baseline (weighted by population) for NB: no score or weight for NB, HN and ND."}, nil},
		{"first time since the merger", Options{Year: 2026},
			[]string{"NB lần đầu vươn lên vị trí thứ nhất kể từ khi hợp nhất (năm 2025 xếp thứ 2)"}, []string{"sắp xếp đơn vị"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := brief(t, mergedBloc(), c.o).Markdown()
			for _, s := range c.has {
				if !strings.Contains(text, s) {
					t.Errorf("missing %q in\n%s", s, text)
				}
			}
			for _, s := range c.lacks {
				if strings.Contains(text, s) {
					t.Errorf("has %q in\n%s", s, text)
				}
			}
		})
	}
}

// TestLeadAcrossMerger: the lead's totals compared with last year across
// blocs say they are against the units before the reorganisation.
func TestLeadAcrossMerger(t *testing.T) {
	ds := mergedBloc()
	for _, y := range []int{2024, 2025} {
		for i, u := range []string{"B1", "B2", "B3"} {
			ds.Records = append(ds.Records, R(y, "Bộ", u, 85+float64(i+y-2024), code(u)))
		}
	}
	ds = mkUngraded(ds.Records...)
	ds.Units = mergedBloc().Units
	b := brief(t, ds, Options{Year: 2025})
	marked := 0
	for _, st := range b.Statements() {
		if st.Kind == "lead_score_bands" || st.Kind == "lead_scores" {
			if !strings.Contains(st.Text, "năm 2024 tính trên các đơn vị trước sắp xếp") || st.Facts["across_break"] != true {
				t.Errorf("%s not marked: %q", st.Kind, st.Text)
			}
			marked++
		}
	}
	if marked == 0 {
		t.Errorf("no lead comparison with 2024 in\n%s", b.Markdown())
	}
}

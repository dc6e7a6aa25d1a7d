package brief

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// 2021 and 2023 scored, 2022 published as ranks only; Sở D–H join in 2022.
func ranksOnlyMiddle() *data.Dataset {
	recs := []data.Record{R(2021, blocA, "Sở A", 90), R(2021, blocA, "Sở B", 85), R(2021, blocA, "Sở C", 80)}
	for i, u := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
		recs = append(recs, P(2022, blocA, "Sở "+u, i+1))
	}
	for i, u := range []string{"A", "B", "H", "C", "D", "E", "F", "G"} {
		recs = append(recs, R(2023, blocA, "Sở "+u, 95-float64(i)))
	}
	return mk(recs...)
}

// A bloc of 20; 2022 as the press gave it (ranks 1–5 and 16–20, Sở 04 with
// its rank only), 2023 whole: Sở 17 climbs from 17th to 16th.
func partialPrev() *data.Dataset {
	var recs []data.Record
	for r := 1; r <= 20; r++ {
		u := fmt.Sprintf("Sở %02d", r)
		switch {
		case r == 4:
			recs = append(recs, P(2022, blocA, u, r))
		case r <= 5 || r >= 16:
			recs = append(recs, R(2022, blocA, u, 100-float64(r), pubRank(r)))
		}
		rank := r
		if r == 16 || r == 17 {
			rank = 33 - r
		}
		recs = append(recs, R(2023, blocA, u, 101-float64(rank)))
	}
	return mk(recs...)
}

func TestBriefRanksOnlyMiddleYear(t *testing.T) {
	b := brief(t, ranksOnlyMiddle(), Options{Year: 2023})
	has(t, one(t, b, "leader", blocA).Text, "Sở A dẫn đầu khối năm thứ 3 liên tiếp, với 95,00 điểm")
	text := allText(b)
	hasNot(t, text, "Trở lại", "trở lại vị trí dẫn đầu", "lần đầu có kết quả")
	none(t, b, "new_unit")
	has(t, one(t, b, "biggest_climb", blocA).Text, "Sở H tăng nhiều hạng nhất, tăng 5 hạng (từ thứ 8 lên thứ 3)")
	has(t, one(t, b, "window", "").Text, "được tính từ năm 2021, năm đầu tiên có dữ liệu.")
	has(t, one(t, b, "method", "").Text, "Với bảng kết quả chỉ có thứ hạng hoặc chưa đầy đủ, thứ hạng là thứ hạng công bố.")

	// the ranks-only year itself: movers from its ranks, said to be the published ones
	r := brief(t, ranksOnlyMiddle(), Options{Year: 2022})
	has(t, one(t, r, "leader", blocA).Text, "Sở A tiếp tục duy trì vị trí dẫn đầu (theo thứ hạng công bố, không có điểm).")
	has(t, one(t, r, "bottom", blocA).Text, "Sở H đứng ở vị trí cuối cùng (theo thứ hạng công bố, không có điểm).")
	has(t, one(t, r, "method", "").Text, "Năm 2022 chỉ có thứ hạng công bố, không có điểm số")
	for _, k := range []string{"mean", "above_mean", "spread", "up_down", "biggest_gain"} {
		none(t, r, k)
	}
	e := brief(t, ranksOnlyMiddle(), Options{Year: 2022, Lang: "en"})
	has(t, one(t, e, "leader", blocA).Text, "Sở A keeps first place (by the published rank; no score).")
}

func TestBriefPartialPreviousYear(t *testing.T) {
	b := brief(t, partialPrev(), Options{Year: 2023})
	pp := kinds(b, "prev_partial", "")
	pp = append(pp, kinds(b, "prev_partial", blocA)...)
	if len(pp) != 1 {
		t.Fatalf("%d prev_partial statements, want 1", len(pp))
	}
	has(t, pp[0].Text, "Bảng kết quả năm 2022 của khối Sở, ban, ngành chưa đầy đủ (có 10 đơn vị trong khi thứ hạng công bố đến hạng 20; 1 đơn vị chỉ có thứ hạng, không có điểm)",
		"thay đổi thứ hạng tính theo thứ hạng công bố năm 2022")
	none(t, b, "partial") // 2023 itself is whole
	m := one(t, b, "mean", blocA)
	hasNot(t, m.Text, "năm 2022", "tăng", "giảm")
	if m.Facts["prev_mean"] != nil {
		t.Errorf("mean compared with a partial year: %v", m.Facts)
	}
	for _, k := range []string{"up_down", "grade_change", "biggest_climb", "biggest_fall", "biggest_gain", "biggest_drop", "counterfactual", "new_unit"} {
		none(t, b, k)
	}
	text := allText(b)
	hasNot(t, text, "12 bậc", "Lần đầu có kết quả", "lần đầu có kết quả")
	// units missing from the partial table: not compared, and not said to have had no result
	has(t, one(t, b, "no_prev_unit", blocA).Text, "Sở 06")

	e := brief(t, partialPrev(), Options{Year: 2023, Lang: "en"})
	has(t, one(t, e, "prev_partial", blocA).Text, "The 2022 table of the Sở, ban, ngành bloc is partial (it lists 10 units while the published ranks go down to 20th; 1 unit has a rank but no score)")

	// the partial year itself: said once, no bloc-wide figure
	p := brief(t, partialPrev(), Options{Year: 2022})
	has(t, one(t, p, "partial", blocA).Text, "Bảng kết quả năm 2022 của khối Sở, ban, ngành chưa đầy đủ", "thứ hạng là thứ hạng công bố")
	for _, k := range []string{"mean", "above_mean", "spread", "grade_counts", "bottom", "sole_grade", "lead_grades", "bloc_means"} {
		none(t, p, k)
	}
	has(t, one(t, p, "overview", "").Text, "Năm 2022 trong dữ liệu, 10 đơn vị thuộc khối Sở, ban, ngành được đánh giá, xếp hạng")
	has(t, one(t, p, "next", blocA).Text, "Sở 04 (thứ 4 theo thứ hạng công bố, không có điểm)")
	var said int
	for _, st := range p.Statements() {
		if st.Kind != "method" && strings.Contains(st.Text, "chưa đầy đủ") {
			said++
		}
	}
	if said != 1 {
		t.Errorf("the partial table is said %d times, want once:\n%s", said, allText(p))
	}
}

func TestBriefFirstYearClaims(t *testing.T) {
	ds := mk(R(2021, blocA, "Sở A", 95), R(2021, blocA, "Sở B", 85), R(2021, blocA, "Sở C", 75))
	b := brief(t, ds, Options{})
	has(t, one(t, b, "bottom", blocA).Text, "Sở C có điểm số thấp nhất, với 75,00 điểm, đứng ở vị trí cuối cùng")
	hasNot(t, allText(b), "lần đầu", "lần thứ", "liên tiếp")
	none(t, b, "window")
}

func TestBriefMinistries2023NoFirstTime(t *testing.T) {
	b, err := Generate(loadSample(t, "ministries-2023"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	bt := one(t, b, "bottom", "Bộ, cơ quan ngang bộ")
	has(t, bt.Text, "Bộ Công Thương")
	hasNot(t, allText(b), "lần đầu", "lần thứ", "liên tiếp")
	if bt.Facts["streak"] != nil || bt.Facts["count"] != nil {
		t.Errorf("bottom facts claim a streak or count: %v", bt.Facts)
	}
}

// Component averages of a partial table are not the bloc's: no component
// statement for it, and no area change against it.
func TestBriefPartialComponents(t *testing.T) {
	comps := []data.Component{
		{Key: "C1", Code: "C1", Name: "Cải cách thể chế", Terms: []data.ComponentTerm{{Name: "Cải cách thể chế", Max: 10}}},
		{Key: "C2", Code: "C2", Name: "Chính phủ số", Terms: []data.ComponentTerm{{Name: "Chính phủ số", Max: 20}}},
	}
	ds := mk(
		// 2020: ranks 1, 2 and 9 of 9 published
		R(2020, blocA, "Sở A", 27, scores(9, 18), pubRank(1)), R(2020, blocA, "Sở B", 25, scores(8, 17), pubRank(2)),
		R(2020, blocA, "Sở C", 18, scores(6, 12), pubRank(9)),
		R(2021, blocA, "Sở A", 28, scores(9, 19)), R(2021, blocA, "Sở B", 24, scores(7, 17)), R(2021, blocA, "Sở C", 20, scores(6, 14)),
	)
	ds.Components = comps
	p := brief(t, ds, Options{Year: 2020, Annex: true})
	for _, k := range []string{"component_most_lost", "component_change", "component_profile", "components_fell"} {
		none(t, p, k)
	}
	b := brief(t, ds, Options{Year: 2021, Annex: true})
	one(t, b, "component_most_lost", blocA)
	none(t, b, "component_change")
}

// Totals across blocs need every bloc's table whole: a partial previous year
// in one bloc drops the cross-bloc comparisons, not this year's totals.
func TestBriefLeadWithOnePartialBloc(t *testing.T) {
	const blocB = "Quận, huyện"
	ds := mk(
		R(2022, blocA, "Sở A", 90), R(2022, blocA, "Sở B", 80), R(2022, blocA, "Sở C", 70),
		R(2022, blocB, "Quận A", 91, pubRank(1)), R(2022, blocB, "Quận B", 60, pubRank(9)),
		R(2023, blocA, "Sở A", 92), R(2023, blocA, "Sở B", 79), R(2023, blocA, "Sở C", 71),
		R(2023, blocB, "Quận A", 90), R(2023, blocB, "Quận B", 85), R(2023, blocB, "Quận C", 62),
	)
	b := brief(t, ds, Options{Year: 2023})
	for _, k := range []string{"lead_scores", "lead_grade_change"} {
		none(t, b, k)
	}
	one(t, b, "lead_grades", "")
	one(t, b, "bloc_means", "")
	one(t, b, "prev_partial", blocB)
	one(t, b, "up_down", blocA) // the whole bloc still compares with its whole 2022
	none(t, b, "partial")
}

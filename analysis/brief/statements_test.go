package brief

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

const blocA = "Sở, ban, ngành"

func TestTiesAtTopAndBottom(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 92), R(2020, blocA, "Sở B", 88), R(2020, blocA, "Sở C", 80), R(2020, blocA, "Sở D", 75), R(2020, blocA, "Sở E", 71),
		R(2021, blocA, "Sở A", 95), R(2021, blocA, "Sở B", 95), R(2021, blocA, "Sở C", 80), R(2021, blocA, "Sở D", 70), R(2021, blocA, "Sở E", 70),
	)
	b := brief(t, ds, Options{})
	has(t, one(t, b, "leader", blocA).Text,
		"Sở A và Sở B cùng đứng vị trí thứ nhất, với 95,00 điểm, xếp loại xuất sắc; trong đó Sở A tiếp tục dẫn đầu, Sở B lần đầu dẫn đầu khối.")
	has(t, one(t, b, "bottom", blocA).Text, "Sở D và Sở E cùng đứng ở vị trí cuối cùng, với 70,00 điểm (đồng hạng 4), xếp loại khá.")
	has(t, one(t, b, "next", blocA).Text, "Tiếp theo là Sở C (80,00 điểm).")
	if f := one(t, b, "leader", blocA).Facts; f["tie"] != true {
		t.Errorf("leader facts: %v", f)
	}
	e := brief(t, ds, Options{Lang: "en"})
	has(t, one(t, e, "leader", blocA).Text, "Sở A and Sở B share first place, with 95.00 points each, graded Xuất sắc; Sở A keeps first place, Sở B is first for the first time.")
	has(t, one(t, e, "bottom", blocA).Text, "Sở D and Sở E share last place, with 70.00 points each (joint 4th)")
}

func TestTieInTheMiddle(t *testing.T) {
	ds := mk(R(2021, blocA, "Sở A", 95), R(2021, blocA, "Sở B", 90), R(2021, blocA, "Sở C", 90), R(2021, blocA, "Sở D", 85), R(2021, blocA, "Sở E", 60))
	b := brief(t, ds, Options{})
	has(t, one(t, b, "next", blocA).Text, "Tiếp theo là Sở B (90,00 điểm, đồng hạng 2), Sở C (90,00 điểm, đồng hạng 2) và Sở D (85,00 điểm).")
}

func TestOneUnitBloc(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 90), R(2020, blocA, "Sở B", 80), R(2020, "Khối đặc thù", "Ban X", 83.5),
		R(2021, blocA, "Sở A", 91), R(2021, blocA, "Sở B", 82), R(2021, "Khối đặc thù", "Ban X", 85.25),
	)
	b := brief(t, ds, Options{})
	st := one(t, b, "single_unit", "Khối đặc thù")
	has(t, st.Text, "Khối đặc thù chỉ có 1 đơn vị là Ban X, đạt 85,25 điểm, xếp loại tốt; so với năm 2020 (83,50 điểm), tăng 1,75 điểm.")
	for _, k := range []string{"leader", "bottom", "mean", "above_mean", "sole_grade", "grade_counts", "spread"} {
		if ss := kinds(b, k, "Khối đặc thù"); len(ss) > 0 {
			t.Errorf("one-unit bloc has a %s statement: %q", k, ss[0].Text)
		}
	}
	// the bloc of two: a leader and a bottom, nothing "next"
	one(t, b, "leader", blocA)
	one(t, b, "bottom", blocA)
	if len(kinds(b, "next", blocA)) > 0 {
		t.Error("a bloc of two has no next units")
	}
	e := brief(t, ds, Options{Lang: "en"})
	has(t, one(t, e, "single_unit", "Khối đặc thù").Text, "Khối đặc thù has a single unit, Ban X, with 85.25 points, graded Tốt; compared with 2020 (83.50 points), up 1.75 points.")
}

func TestFirstYear(t *testing.T) {
	ds := mk(R(2021, blocA, "Sở A", 95), R(2021, blocA, "Sở B", 85), R(2021, blocA, "Sở C", 75))
	for _, lang := range []string{"vi", "en"} {
		b := brief(t, ds, Options{Lang: lang})
		one(t, b, "first_year", "")
		var sb strings.Builder
		for _, st := range b.Statements() {
			if st.Kind != "method" {
				sb.WriteString(st.Text + "\n")
			}
		}
		text := sb.String()
		hasNot(t, text, "so với năm", "năm 2020", "compared with", "in 2020", "lần đầu", "for the first time", "tiếp tục", "liên tiếp")
		for _, k := range []string{"up_down", "grade_change", "lead_grade_change", "lead_scores", "biggest_gain", "grade_up", "counterfactual", "new_unit", "component_change"} {
			none(t, b, k)
		}
		if f := one(t, b, "mean", blocA).Facts; f["prev_mean"] != nil {
			t.Errorf("first-year mean with a previous mean: %v", f)
		}
	}
	b := brief(t, ds, Options{})
	has(t, one(t, b, "leader", blocA).Text, "Sở A đứng vị trí thứ nhất, với 95,00 điểm, xếp loại xuất sắc (duy nhất trong khối Sở, ban, ngành).")
	has(t, one(t, b, "mean", blocA).Text, "Điểm trung bình của khối đạt 85,00 điểm.")
	has(t, one(t, b, "above_mean", blocA).Text, "Có 1/3 đơn vị đạt điểm trên mức trung bình của khối.")
}

func TestMissingPreviousYearForOneUnit(t *testing.T) {
	ds := mk(
		R(2019, blocA, "Sở A", 90), R(2019, blocA, "Sở B", 85), R(2019, blocA, "Sở C", 80),
		R(2020, blocA, "Sở A", 91), R(2020, blocA, "Sở B", 84),
		R(2021, blocA, "Sở A", 92), R(2021, blocA, "Sở B", 86), R(2021, blocA, "Sở C", 83), R(2021, blocA, "Sở D", 70),
	)
	b := brief(t, ds, Options{})
	has(t, one(t, b, "up_down", blocA).Text, "Cả 2 đơn vị có điểm cả năm 2020 và năm 2021 đều tăng điểm.")
	has(t, one(t, b, "no_prev_unit", blocA).Text, "Sở C không có kết quả năm 2020 nên không so sánh.")
	has(t, one(t, b, "new_unit", blocA).Text, "Sở D lần đầu có kết quả đánh giá")
	// no claim about Sở C's or Sở D's change
	for _, st := range b.Statements() {
		if st.Kind == "no_prev_unit" || st.Kind == "new_unit" {
			continue
		}
		if strings.Contains(st.Text, "Sở C") || strings.Contains(st.Text, "Sở D") {
			if strings.Contains(st.Text, "tăng") || strings.Contains(st.Text, "giảm") || strings.Contains(st.Text, "năm 2020") {
				t.Errorf("%s: compares a unit without a 2020 result: %q", st.Kind, st.Text)
			}
		}
	}
	// Sở D is last for the first time: its previous rank is unknown
	has(t, one(t, b, "bottom", blocA).Text, "Sở D có điểm số thấp nhất, với 70,00 điểm, đứng ở vị trí cuối cùng")
	e := brief(t, ds, Options{Lang: "en"})
	has(t, one(t, e, "up_down", blocA).Text, "Both units scored in both 2020 and 2021 gained points.")
}

func TestGradeOnlyIndex(t *testing.T) {
	const vt = "Văn thư, lưu trữ"
	ds := mk(
		G(2020, blocA, "Sở A", "Xuất sắc", index(vt)), G(2020, blocA, "Sở B", "Tốt", index(vt)), G(2020, blocA, "Sở C", "Chưa đạt", index(vt)),
		G(2020, blocA, "Sở D", "Chưa đạt", index(vt)),
		G(2021, blocA, "Sở A", "Xuất sắc", index(vt)), G(2021, blocA, "Sở B", "Xuất sắc", index(vt)), G(2021, blocA, "Sở C", "Khá", index(vt)),
		G(2021, blocA, "Sở D", "Chưa đạt", index(vt)),
	)
	b := brief(t, ds, Options{})
	if b.Title != "Kết quả đánh giá, xếp loại công tác văn thư, lưu trữ năm 2021" {
		t.Errorf("title %q", b.Title)
	}
	has(t, one(t, b, "grade_counts", blocA).Text, "Khối Sở, ban, ngành có 2/4 đơn vị xếp loại xuất sắc, 1/4 đơn vị xếp loại khá và 1/4 đơn vị xếp loại chưa đạt.")
	has(t, one(t, b, "grade_change", blocA).Text,
		"So với năm 2020: tăng số đơn vị xếp loại xuất sắc (từ 1 lên 2); không còn đơn vị xếp loại tốt (năm 2020 có 1); có 1 đơn vị xếp loại khá (năm 2020 không có); giảm số đơn vị xếp loại chưa đạt (từ 2 xuống 1).")
	has(t, one(t, b, "grade_up", blocA).Text, "Có 2 đơn vị được nâng xếp loại: Sở B (từ tốt lên xuất sắc); Sở C (từ chưa đạt lên khá).")
	has(t, one(t, b, "first_time_grade", blocA).Text, "Sở B lần đầu đạt xếp loại xuất sắc.")
	for _, k := range []string{"leader", "bottom", "next", "mean", "above_mean", "up_down", "spread", "biggest_gain", "lead_scores", "bloc_means", "component_most_lost"} {
		none(t, b, k)
	}
	text := allText(b)
	hasNot(t, text, "điểm trung bình", "vị trí", "tăng điểm")
	has(t, one(t, b, "method", "").Text, "chỉ có kết quả xếp loại, không có điểm số")
}

func TestRenamedUnit(t *testing.T) {
	ds := mk(
		R(2022, blocA, "Ban Quản lý các Khu công nghiệp", 92, code("BQL")), R(2022, blocA, "Sở B", 85, code("SB")), R(2022, blocA, "Sở C", 80, code("SC")),
		R(2023, blocA, "Ban Quản lý Khu công nghệ cao và các khu công nghiệp", 93, code("BQL")), R(2023, blocA, "Sở B", 86, code("SB")), R(2023, blocA, "Sở C", 79, code("SC")),
	)
	b := brief(t, ds, Options{})
	has(t, one(t, b, "leader", blocA).Text, "Ban Quản lý Khu công nghệ cao và các khu công nghiệp tiếp tục duy trì vị trí dẫn đầu, với 93,00 điểm")
	has(t, one(t, b, "renamed", blocA).Text,
		"Ban Quản lý các Khu công nghiệp nay là Ban Quản lý Khu công nghệ cao và các khu công nghiệp (đổi tên so với năm 2022); kết quả của đơn vị được so sánh liên tục.")
	hasNot(t, b.Markdown(), "Ban Quản lý các Khu công nghiệp,", "Ban Quản lý các Khu công nghiệp (")
	none(t, b, "new_unit")
}

func TestEveryUnitInOneGrade(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 88), R(2020, blocA, "Sở B", 84), R(2020, blocA, "Sở C", 82), R(2020, blocA, "Sở D", 79),
		R(2021, blocA, "Sở A", 89), R(2021, blocA, "Sở B", 85), R(2021, blocA, "Sở C", 83), R(2021, blocA, "Sở D", 81),
	)
	b := brief(t, ds, Options{})
	st := one(t, b, "grade_counts", blocA)
	has(t, st.Text, "Tất cả 4 đơn vị của khối Sở, ban, ngành đều xếp loại tốt.")
	none(t, b, "sole_grade")
	has(t, one(t, b, "grade_change", blocA).Text, "So với năm 2020: tăng số đơn vị xếp loại tốt (từ 3 lên 4); không còn đơn vị xếp loại khá (năm 2020 có 1).")
	has(t, one(t, b, "grade_up", blocA).Text, "Có 1 đơn vị được nâng xếp loại: Sở D (từ khá lên tốt).")
	has(t, one(t, b, "up_down", blocA).Text, "So với năm 2020, tất cả 4 đơn vị đều tăng điểm.")
	e := brief(t, ds, Options{Lang: "en"})
	has(t, one(t, e, "grade_counts", blocA).Text, "All 4 units of the Sở, ban, ngành bloc are graded Tốt (Good).")
}

func TestStreaksCountsAndRegained(t *testing.T) {
	var recs []data.Record
	// Sở A first in 2018, 2019; Sở B first in 2020; Sở A first again in 2021.
	// Sở C last in 2019, 2020, 2021 (not in 2018).
	tops := map[int]string{2018: "Sở A", 2019: "Sở A", 2020: "Sở B", 2021: "Sở A"}
	for _, y := range []int{2018, 2019, 2020, 2021} {
		a, bb := 85.0, 90.0
		if tops[y] == "Sở A" {
			a, bb = 90, 85
		}
		c, d := 70.0, 80.0
		if y == 2018 {
			c, d = 80, 70
		}
		recs = append(recs, R(y, blocA, "Sở A", a), R(y, blocA, "Sở B", bb), R(y, blocA, "Sở C", c), R(y, blocA, "Sở D", d))
	}
	b := brief(t, mk(recs...), Options{})
	has(t, one(t, b, "leader", blocA).Text, "Sở A trở lại vị trí dẫn đầu (năm 2020 xếp thứ 2), với 90,00 điểm, xếp loại xuất sắc (duy nhất trong khối Sở, ban, ngành); đây là lần thứ 3 đơn vị dẫn đầu khối.")
	has(t, one(t, b, "bottom", blocA).Text, "Sở C có điểm số thấp nhất, với 70,00 điểm, đứng ở vị trí cuối cùng năm thứ 3 liên tiếp, xếp loại khá (duy nhất trong khối Sở, ban, ngành).")
	e := brief(t, mk(recs...), Options{Lang: "en"})
	has(t, one(t, e, "leader", blocA).Text, "Sở A is back in first place (2nd in 2020), with 90.00 points, graded Xuất sắc (the only one in the Sở, ban, ngành bloc); this is its 3rd time at the top of the bloc.")
	has(t, one(t, e, "bottom", blocA).Text, "Sở C has the lowest score, 70.00 points, and is in last place for the 3rd year in a row")

	// retained for a 3rd year, 4th time in all
	recs = append(recs, R(2022, blocA, "Sở A", 91), R(2022, blocA, "Sở B", 84), R(2022, blocA, "Sở C", 71), R(2022, blocA, "Sở D", 80))
	recs = append(recs, R(2023, blocA, "Sở A", 92), R(2023, blocA, "Sở B", 84), R(2023, blocA, "Sở C", 81), R(2023, blocA, "Sở D", 80))
	b = brief(t, mk(recs...), Options{})
	has(t, one(t, b, "leader", blocA).Text, "Sở A dẫn đầu khối năm thứ 3 liên tiếp, với 92,00 điểm, xếp loại xuất sắc (duy nhất trong khối Sở, ban, ngành); đây là lần thứ 5 đơn vị dẫn đầu khối.")
	has(t, one(t, b, "top_grade_streak", blocA).Text, "Sở A (năm thứ 3) duy trì xếp loại xuất sắc từ 3 năm liên tiếp trở lên.")
	// Sở D last in 2018 and again in 2023: the 2nd time, not in a row
	has(t, one(t, b, "bottom", blocA).Text, "Sở D có điểm số thấp nhất, với 80,00 điểm, đứng ở vị trí cuối cùng (năm 2022 xếp thứ 3), xếp loại tốt; đây là lần thứ 2 đơn vị đứng cuối khối.")
}

func TestMeanAndSpreadChangeInPoints(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 90.10), R(2020, blocA, "Sở B", 80.00), R(2020, blocA, "Sở C", 70.00),
		R(2021, blocA, "Sở A", 91.35), R(2021, blocA, "Sở B", 81.25), R(2021, blocA, "Sở C", 71.25),
	)
	b := brief(t, ds, Options{})
	has(t, one(t, b, "mean", blocA).Text, "Điểm trung bình của khối đạt 81,28 điểm, tăng 1,25 điểm so với năm 2020 (80,03 điểm).")
	has(t, one(t, b, "spread", blocA).Text, "Khoảng cách giữa điểm cao nhất và điểm thấp nhất của khối là 20,10 điểm, không đổi so với năm 2020.")
	e := brief(t, ds, Options{Lang: "en"})
	has(t, one(t, e, "mean", blocA).Text, "The bloc's mean score is 81.28 points, up 1.25 points on 2020 (80.03 points).")
	for _, st := range append(b.Statements(), e.Statements()...) {
		if strings.Contains(st.Text, "%") {
			t.Errorf("percent sign: %q", st.Text)
		}
	}
}

func TestBiggestMovesAndCounterfactual(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 90), R(2020, blocA, "Sở B", 88), R(2020, blocA, "Sở C", 86), R(2020, blocA, "Sở D", 70),
		R(2021, blocA, "Sở A", 89), R(2021, blocA, "Sở B", 91), R(2021, blocA, "Sở C", 85), R(2021, blocA, "Sở D", 89.5),
	)
	b := brief(t, ds, Options{Annex: true})
	has(t, one(t, b, "biggest_gain", blocA).Text, "Sở D có mức tăng điểm lớn nhất, tăng 19,50 điểm (từ 70,00 lên 89,50 điểm).")
	has(t, one(t, b, "biggest_drop", blocA).Text, "Sở A và Sở C có mức giảm điểm lớn nhất, cùng giảm 1,00 điểm.")
	// a bloc of 4: rank moves are not news (MinNewsBloc), even of 2 places
	none(t, b, "biggest_climb")
	none(t, b, "biggest_fall")
	// with its 2020 score (90) Sở A would be 2nd, between Sở B (91) and Sở D (89.5)
	has(t, one(t, b, "counterfactual", blocA).Text, "Nếu giữ nguyên số điểm năm 2020 (90,00 điểm), Sở A sẽ xếp thứ 2 thay vì thứ 3.")
	if kinds(brief(t, ds, Options{}), "counterfactual", "*") != nil {
		t.Error("counterfactual outside the annex")
	}
	e := brief(t, ds, Options{Lang: "en", Annex: true})
	has(t, one(t, e, "counterfactual", blocA).Text, "Had Sở A kept its 2020 score (90.00 points), it would rank 2nd instead of 3rd.")

	// a bloc of 6: moves of 2 places or more are news, of 1 place not
	six := mk(
		R(2020, blocA, "Sở A", 95), R(2020, blocA, "Sở B", 90), R(2020, blocA, "Sở C", 85), R(2020, blocA, "Sở D", 80), R(2020, blocA, "Sở E", 75), R(2020, blocA, "Sở F", 70),
		R(2021, blocA, "Sở A", 80.5), R(2021, blocA, "Sở B", 90), R(2021, blocA, "Sở C", 85), R(2021, blocA, "Sở D", 81), R(2021, blocA, "Sở E", 75), R(2021, blocA, "Sở F", 96),
	)
	s6 := brief(t, six, Options{})
	has(t, one(t, s6, "biggest_climb", blocA).Text, "Sở F cũng tăng nhiều hạng nhất, tăng 5 hạng (từ thứ 6 lên thứ nhất).")
	has(t, one(t, s6, "biggest_fall", blocA).Text, "Sở A cũng giảm nhiều hạng nhất, giảm 4 hạng (từ thứ nhất xuống thứ 5).")
	e6 := brief(t, six, Options{Lang: "en"})
	has(t, one(t, e6, "biggest_fall", blocA).Text, "Sở A also falls the most places, down 4 places (from 1st to 5th).")
}

func TestRankMoveIsNews(t *testing.T) {
	tests := []struct {
		places, ranked int
		want           bool
	}{
		{1, 30, false}, {2, 30, true}, {2, 6, true}, {5, 5, false}, {3, 2, false},
	}
	for _, tt := range tests {
		if got := rankMoveIsNews(tt.places, tt.ranked); got != tt.want {
			t.Errorf("rankMoveIsNews(%d, %d) = %v, want %v", tt.places, tt.ranked, got, tt.want)
		}
	}
}

func TestGainButFell(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 90), R(2020, blocA, "Sở B", 85), R(2020, blocA, "Sở C", 80),
		R(2021, blocA, "Sở A", 90.5), R(2021, blocA, "Sở B", 91), R(2021, blocA, "Sở C", 79),
	)
	b := brief(t, ds, Options{Annex: true})
	has(t, one(t, b, "gain_but_fell", blocA).Text, "Có 1 đơn vị tăng điểm nhưng vẫn giảm hạng so với năm 2020: Sở A (tăng 0,50 điểm, từ thứ nhất xuống thứ 2).")
	// Sở A's fall is not its own doing: with 90.00 it is still 2nd
	has(t, one(t, b, "counterfactual", blocA).Text, "Nếu giữ nguyên số điểm năm 2020 (90,00 điểm), Sở A sẽ xếp thứ 2, tức vẫn giảm từ thứ nhất xuống thứ 2")
}

func TestNotRanked(t *testing.T) {
	ds := mk(R(2023, blocA, "Sở A", 95), R(2023, blocA, "Sở Ngoại vụ", 87.86, notRanked), R(2023, blocA, "Sở B", 85), R(2023, blocA, "Sở C", 75))
	b := brief(t, ds, Options{})
	has(t, one(t, b, "not_ranked", blocA).Text, "Sở Ngoại vụ (87,86 điểm, xếp loại tốt) được đánh giá nhưng không xếp hạng.")
	has(t, one(t, b, "overview", "").Text, "trong đó 1 đơn vị được đánh giá nhưng không xếp hạng")
	has(t, one(t, b, "above_mean", blocA).Text, "Có 1/3 đơn vị được xếp hạng đạt điểm trên mức trung bình của khối.")
	has(t, one(t, b, "grade_counts", blocA).Text, "2/4 đơn vị xếp loại tốt")
}

func TestComponents(t *testing.T) {
	comps := []data.Component{
		{Key: "C1", Code: "C1", Name: "Cải cách thể chế", Terms: []data.ComponentTerm{{Name: "Cải cách thể chế", Max: 10}}},
		{Key: "C2", Code: "C2", Name: "Cải cách thủ tục hành chính", Terms: []data.ComponentTerm{{Name: "Cải cách thủ tục hành chính", Max: 20}}},
		{Key: "C3", Code: "C3", Name: "Chính phủ số", Terms: []data.ComponentTerm{{Name: "Chính phủ số", Max: 10}}},
		{Key: "BONUS", Code: "BONUS", Name: "Điểm thưởng", Bonus: true, Terms: []data.ComponentTerm{{Name: "Điểm thưởng", Max: 3}}},
	}
	ds := mk(
		R(2020, blocA, "Sở A", 36, scores(9, 18, 9, 0)), R(2020, blocA, "Sở B", 33, scores(8, 17, 8, 0)), R(2020, blocA, "Sở C", 30, scores(7, 16, 7, 0)),
		R(2021, blocA, "Sở A", 39, scores(9, 19, 8, 3)), R(2021, blocA, "Sở B", 31, scores(7, 16, 8, 0)), R(2021, blocA, "Sở C", 28.5, scores(7.5, 14, 7, 0)),
	)
	ds.Components = comps
	b := brief(t, ds, Options{Annex: true})
	text := allText(b)
	hasNot(t, text, "Điểm thưởng")
	has(t, one(t, b, "component_most_lost", blocA).Text,
		"Lĩnh vực mà khối bị mất nhiều điểm nhất là Cải cách thủ tục hành chính: bình quân mỗi đơn vị đạt 16,33/20 điểm, thấp hơn điểm tối đa 3,67 điểm.")
	// Sở A is above the bloc mean everywhere; Sở C below it everywhere
	has(t, one(t, b, "component_change", blocA).Text,
		"So với năm 2020, điểm bình quân của khối giảm ở 3/3 lĩnh vực; giảm nhiều nhất là Cải cách thủ tục hành chính (giảm 0,67 điểm).")
	has(t, one(t, b, "components_fell", blocA).Text, "So với năm 2020, các đơn vị sau giảm điểm ở phần lớn các lĩnh vực: Sở B (2/3 lĩnh vực).")
	ps := kinds(b, "component_profile", blocA)
	if len(ps) != 2 {
		t.Fatalf("%d profiles, want leader and bottom", len(ps))
	}
	has(t, ps[0].Text, "So với bình quân khối, Sở A (dẫn đầu) cao hơn ở tất cả các lĩnh vực, nhiều nhất ở lĩnh vực Cải cách thủ tục hành chính (19,00/20 điểm; bình quân khối 16,33) và ít nhất ở lĩnh vực Chính phủ số (8,00/10 điểm; bình quân khối 7,67).")
	has(t, ps[1].Text, "So với bình quân khối, Sở C (cuối bảng) thấp hơn ở tất cả các lĩnh vực")
}

func TestHighlights(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 90), R(2020, blocA, "Sở B", 88), R(2020, blocA, "Sở C", 80),
		R(2021, blocA, "Sở A", 89), R(2021, blocA, "Sở B", 92), R(2021, blocA, "Sở C", 81),
	)
	a := analysis.New(ds)
	var hl []analysis.Mover
	for _, m := range a.BlocMovers(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: blocA}) {
		if m.Kind == analysis.FirstTimeTop || m.Kind == analysis.BiggestDrop {
			hl = append(hl, m)
		}
	}
	b, err := Generate(a, Options{Highlights: hl})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, b)
	if b.Sections[1].Kind != SectionHighlights || b.Sections[1].Title != "Điểm nhấn" {
		t.Fatalf("sections %v", sectionKinds(b))
	}
	hs := b.Sections[1].Statements
	if len(hs) != 2 {
		t.Fatalf("%d highlights", len(hs))
	}
	has(t, hs[0].Text, "Ở khối Sở, ban, ngành, Sở B lần đầu vươn lên vị trí thứ nhất (năm 2020 xếp thứ 2), với 92,00 điểm, xếp loại xuất sắc.")
	has(t, hs[1].Text, "Ở khối Sở, ban, ngành, Sở A giảm điểm nhiều nhất khối, giảm 1,00 điểm (từ 90,00 xuống 89,00 điểm).")
	has(t, b.Markdown(), "## Điểm nhấn\n\n- Ở khối")
}

func TestErrors(t *testing.T) {
	a := analysis.New(mk(R(2021, blocA, "Sở A", 90), R(2021, blocA, "Sở B", 80)))
	for _, c := range []struct {
		o    Options
		want error
	}{
		{Options{Index: "Nope"}, ErrUnknownIndex},
		{Options{Year: 2030}, ErrUnknownYear},
		{Options{Blocs: []string{"Quận, huyện"}}, ErrUnknownBloc},
		{Options{Lang: "fr"}, ErrLang},
	} {
		if _, err := Generate(a, c.o); !errors.Is(err, c.want) {
			t.Errorf("%+v: err %v, want %v", c.o, err, c.want)
		}
	}
	a = analysis.New(mk(R(2020, "Quận, huyện", "quận A", 80), R(2021, blocA, "Sở A", 90), R(2021, blocA, "Sở B", 80)))
	for _, c := range []struct {
		o    Options
		want error
	}{
		{Options{Year: 2021, Blocs: []string{"Quận, huyện"}}, ErrNoBlocData},
		{Options{Year: 2021, Blocs: []string{"quan huyen"}}, ErrUnknownBloc}, // exact names only
	} {
		if _, err := Generate(a, c.o); !errors.Is(err, c.want) {
			t.Errorf("%+v: err %v, want %v", c.o, err, c.want)
		}
	}
	if _, err := Generate(nil, Options{}); !errors.Is(err, ErrNoData) {
		t.Errorf("nil analysis: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	ds := exampleDataset()
	var first string
	for i := 0; i < 5; i++ {
		b := brief(t, ds, Options{Year: 2021})
		js, err := json.Marshal(b.Statements())
		if err != nil {
			t.Fatal(err)
		}
		got := b.Markdown() + b.Text() + string(js)
		if i == 0 {
			first = got
		} else if got != first {
			t.Fatal("two runs differ")
		}
	}
}

func TestMarkdownEscapesData(t *testing.T) {
	ds := mk(R(2021, blocA, "Sở *A*_[x]", 90), R(2021, blocA, "Sở B", 80), R(2021, blocA, "Sở C", 70))
	b := brief(t, ds, Options{})
	md := b.Markdown()
	has(t, md, `Sở \*A\*\_\[x\]`)
	has(t, one(t, b, "leader", blocA).Text, "Sở *A*_[x]") // statements keep the name as given
	if strings.Contains(b.Text(), `\*`) {
		t.Error("plain text escaped")
	}
}

// TestEveryYearOfTheSamples drafts every index, year and language of the
// embedded samples, every bloc alone too: no panic, and the invariants hold.
func TestEveryYearOfTheSamples(t *testing.T) {
	for _, name := range []string{"city", "ministries-2023"} {
		a := loadSample(t, name)
		for _, ix := range a.Indices() {
			for _, y := range a.Years(ix) {
				for _, lang := range []string{"vi", "en"} {
					b, err := Generate(a, Options{Index: ix, Year: y, Lang: lang})
					if err != nil {
						t.Fatal(err)
					}
					checkInvariants(t, b)
					for _, bl := range a.BlocsIn(ix, y) {
						b, err := Generate(a, Options{Index: ix, Year: y, Lang: lang, Blocs: []string{bl}})
						if err != nil {
							t.Fatal(err)
						}
						checkInvariants(t, b)
						for _, st := range b.Statements() {
							if st.Bloc != "" && st.Bloc != bl {
								t.Errorf("bloc filter %q: statement about %q", bl, st.Bloc)
							}
						}
					}
				}
			}
		}
	}
}

func TestSources(t *testing.T) {
	ds := mk(R(2021, blocA, "Sở A", 90), R(2021, blocA, "Sở B", 80))
	ds.Label = "Dữ liệu thử"
	b := brief(t, ds, Options{Sources: []string{"par-2021.csv", "grades.csv"}})
	has(t, one(t, b, "sources", "").Text, "Nguồn dữ liệu: par-2021.csv, grades.csv.")
	has(t, one(t, b, "label", "").Text, "Dữ liệu: Dữ liệu thử.")
}

func TestFallFromTheTop(t *testing.T) {
	ds := mk(
		R(2020, blocA, "Sở A", 95), R(2020, blocA, "Sở B", 90), R(2020, blocA, "Sở C", 85), R(2020, blocA, "Sở D", 80), R(2020, blocA, "Sở E", 75), R(2020, blocA, "Sở F", 70),
		R(2021, blocA, "Sở A", 81), R(2021, blocA, "Sở B", 91), R(2021, blocA, "Sở C", 86), R(2021, blocA, "Sở D", 84), R(2021, blocA, "Sở E", 82), R(2021, blocA, "Sở F", 71),
	)
	b := brief(t, ds, Options{})
	has(t, one(t, b, "lost_top", blocA).Text, "Đơn vị dẫn đầu năm 2020, Sở A, nay xếp thứ 5 (81,00 điểm).")
	e := brief(t, ds, Options{Lang: "en"})
	has(t, one(t, e, "lost_top", blocA).Text, "The 2020 leader, Sở A, is now 5th (81.00 points).")
	// when it is among the next units, the "next" sentence says it instead
	ds = mk(R(2020, blocA, "Sở A", 95), R(2020, blocA, "Sở B", 90), R(2020, blocA, "Sở C", 80),
		R(2021, blocA, "Sở A", 89), R(2021, blocA, "Sở B", 91), R(2021, blocA, "Sở C", 80))
	b = brief(t, ds, Options{})
	none(t, b, "lost_top")
	has(t, one(t, b, "next", blocA).Text, "Tiếp theo là Sở A (89,00 điểm; dẫn đầu năm 2020).")
}

// TestConcurrent: the dashboard may draft while other views read the same
// analysis.
func TestConcurrent(t *testing.T) {
	a := loadSample(t, "city")
	want, _ := Generate(a, Options{Year: 2022})
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func(i int) {
			b, err := Generate(a, Options{Year: 2019 + i%6, Lang: []string{"vi", "en"}[i%2]})
			if err != nil {
				done <- err.Error()
				return
			}
			_ = b.Markdown()
			b, _ = Generate(a, Options{Year: 2022})
			done <- b.Markdown()
		}(i)
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != want.Markdown() {
			t.Fatalf("concurrent brief differs:\n%s", got)
		}
	}
}

// Grade absences list the grades below the lowest one present, as
// announcements do; a missing higher grade is not said.
func TestAbsentGradesAreTheLowerOnes(t *testing.T) {
	tests := []struct {
		scores []float64
		want   string
	}{
		{[]float64{85, 82, 75}, "Khối Sở, ban, ngành có 2/3 đơn vị xếp loại tốt, 1/3 đơn vị xếp loại khá, không có đơn vị xếp loại trung bình và yếu."},
		{[]float64{95, 75, 72}, "Khối Sở, ban, ngành có 1/3 đơn vị xếp loại xuất sắc, 2/3 đơn vị xếp loại khá, không có đơn vị xếp loại trung bình và yếu."},
		{[]float64{95, 85, 55}, "Khối Sở, ban, ngành có 1/3 đơn vị xếp loại xuất sắc, 1/3 đơn vị xếp loại tốt và 1/3 đơn vị xếp loại yếu."},
	}
	for _, tt := range tests {
		var recs []data.Record
		for i, v := range tt.scores {
			recs = append(recs, R(2021, blocA, fmt.Sprintf("Sở %c", 'A'+i), v))
		}
		b := brief(t, mk(recs...), Options{})
		if got := one(t, b, "grade_counts", blocA).Text; got != tt.want {
			t.Errorf("scores %v:\n got %q\nwant %q", tt.scores, got, tt.want)
		}
	}
}

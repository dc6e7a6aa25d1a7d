package brief

import (
	"fmt"
	"strings"

	"github.com/parlens/parlens/analysis"
)

// partialShape says in words what a partial table holds: "có 10 đơn vị,
// thứ hạng công bố đến hạng 20; 1 đơn vị chỉ có thứ hạng, không có điểm".
func (g *gen) partialShape(s analysis.BlocSummary) string {
	var parts []string
	if s.MaxPublishedRank != nil && *s.MaxPublishedRank > s.Units {
		parts = append(parts, g.t(fmt.Sprintf("có %s trong khi thứ hạng công bố đến hạng %d", g.units(s.Units), *s.MaxPublishedRank),
			fmt.Sprintf("it lists %s while the published ranks go down to %s", g.units(s.Units), ordinal(*s.MaxPublishedRank))))
	}
	if s.RankOnly > 0 && s.Scored > 0 {
		parts = append(parts, g.t(fmt.Sprintf("%s chỉ có thứ hạng, không có điểm", g.units(s.RankOnly)),
			fmt.Sprintf("%s a rank but no score", g.unitsHave(s.RankOnly))))
	}
	return strings.Join(parts, "; ")
}

// partial says once, in plain words, that the bloc's table of the year (or
// of the previous year, which the comparisons would use) is partial, and
// what the brief leaves out because of it.
func (g *gen) partial(b string) []Statement {
	s := g.sums[b]
	var out []Statement
	if !s.Complete {
		text := g.t(fmt.Sprintf("Bảng kết quả năm %d của %s chưa đầy đủ (%s), nên bản tin không nêu điểm trung bình, cơ cấu xếp loại, số đơn vị trên mức trung bình, khoảng cách điểm và đơn vị cuối bảng; thứ hạng là thứ hạng công bố.",
			g.year, g.blocRef(b), g.partialShape(s)),
			fmt.Sprintf("The %d table of %s is partial (%s), so this brief gives no mean, grade counts, units above the mean, score gap or last place; ranks are the published ones.",
				g.year, g.blocRef(b), g.partialShape(s)))
		out = append(out, stmt("partial", b, text, map[string]any{
			"year": g.year, "units": s.Units, "scored": s.Scored, "rank_only": s.RankOnly,
			"max_published_rank": optI(s.MaxPublishedRank), "reason": optS(s.PartialReason),
		}))
	}
	if s.PrevYear != nil && s.PrevComplete != nil && !*s.PrevComplete {
		py := *s.PrevYear
		ps, _ := g.a.BlocSummary(g.index, py, b)
		text := g.t(fmt.Sprintf("Bảng kết quả năm %d của %s chưa đầy đủ (%s), nên bản tin không so sánh điểm trung bình, cơ cấu xếp loại và số đơn vị tăng, giảm điểm với năm %d; thay đổi thứ hạng tính theo thứ hạng công bố năm %d.",
			py, g.blocRef(b), g.partialShape(ps), py, py),
			fmt.Sprintf("The %d table of %s is partial (%s), so this brief does not compare the mean, the grade counts or how many units gained points with %d; rank changes are from the published %d ranks.",
				py, g.blocRef(b), g.partialShape(ps), py, py))
		out = append(out, stmt("prev_partial", b, text, map[string]any{
			"prev_year": py, "units": ps.Units, "scored": ps.Scored, "rank_only": ps.RankOnly,
			"max_published_rank": optI(ps.MaxPublishedRank), "reason": optS(s.PrevPartialReason),
		}))
	}
	return out
}

// allComplete reports whether every selected bloc's table of the year is
// complete (and, with prev, the previous year's too): totals across blocs
// need every bloc whole.
func (g *gen) allComplete(prev bool) bool {
	for _, b := range g.blocs {
		s := g.sums[b]
		if !s.Complete || prev && s.PrevComplete != nil && !*s.PrevComplete {
			return false
		}
	}
	return true
}

// window says from which year the first-time, streak and count claims and
// the comparisons are counted: the first year of data of each bloc.
func (g *gen) window() (Statement, bool) {
	compared := false
	first := map[string]int{}
	for _, b := range g.blocs {
		if g.sums[b].PrevYear != nil {
			compared = true
		}
		first[b] = g.blocYears(b)[0]
	}
	if !compared {
		return Statement{}, false
	}
	same := true
	for _, y := range first {
		same = same && y == first[g.blocs[0]]
	}
	head := g.t("Các so sánh và các nhận định “lần đầu”, “liên tiếp”, “lần thứ” trong bản tin được tính từ ",
		"Comparisons and the first-time, in-a-row and count claims in this brief are counted from ")
	var text string
	if same {
		y := first[g.blocs[0]]
		text = head + g.t(fmt.Sprintf("năm %d, năm đầu tiên có dữ liệu.", y), fmt.Sprintf("%d, the first year in the data.", y))
	} else {
		var parts []string
		for _, b := range g.blocs {
			parts = append(parts, g.t(fmt.Sprintf("%s từ năm %d", g.blocRef(b), first[b]), fmt.Sprintf("%s from %d", g.blocRef(b), first[b])))
		}
		text = head + g.t("năm đầu tiên có dữ liệu của từng khối: ", "the first year in the data of each bloc: ") + g.list(parts) + "."
	}
	return stmt("window", "", text, map[string]any{"since": first}), true
}

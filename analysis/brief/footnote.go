package brief

import (
	"fmt"
	"math"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

// footnote states the data label, the source files, the grade scheme(s) in
// use and how ranks, means and changes are computed.
func (g *gen) footnote() Section {
	sec := Section{Kind: SectionFootnote, Title: g.t("Ghi chú", "Notes")}
	add := func(s Statement) { sec.Statements = append(sec.Statements, s) }
	if g.ds.Label != "" {
		add(stmt("label", "", g.t("Dữ liệu: ", "Data: ")+g.ds.Label+".", map[string]any{"label": g.ds.Label}))
	}
	sources := g.opt.Sources
	if len(sources) == 0 {
		for _, f := range g.ds.Files {
			sources = append(sources, f.Name)
		}
	}
	if len(sources) > 0 {
		add(stmt("sources", "", g.t("Nguồn dữ liệu: ", "Data sources: ")+strings.Join(sources, ", ")+".", map[string]any{"files": sources}))
	}
	for _, s := range g.schemeStatements() {
		add(s)
	}
	if s, ok := g.window(); ok {
		add(s)
	}
	for _, s := range g.caveats() {
		add(s)
	}
	var method string
	switch {
	case !g.scored && g.ranksPublished(false):
		method = g.t(fmt.Sprintf("Năm %d chỉ có thứ hạng công bố, không có điểm số: thứ hạng là thứ hạng công bố; so sánh với năm gần nhất trước đó có dữ liệu của cùng khối.", g.year),
			fmt.Sprintf("%d has published ranks only, no scores: ranks are the published ones; comparisons are with the latest earlier year with data for the same bloc.", g.year))
	case g.scored:
		method = g.t("Thứ hạng xếp theo tổng điểm trong từng khối, so sánh đến 2 chữ số thập phân; bằng điểm thì đồng hạng. "+
			"Điểm trung bình của khối tính trên các đơn vị được xếp hạng. Mức tăng, giảm tính bằng điểm, so với năm gần nhất trước đó có dữ liệu của cùng khối.",
			"Ranks are by total score within each bloc, compared at 2 decimals; equal scores share a rank. "+
				"A bloc's mean is over its ranked units. Changes are in points, against the latest earlier year with data for the same bloc.")
		if g.ranksPublished(true) {
			method += g.t(" Với bảng kết quả chỉ có thứ hạng hoặc chưa đầy đủ, thứ hạng là thứ hạng công bố.",
				" Where a table has ranks only or is partial, ranks are the published ones.")
		}
	default:
		method = g.t("Chỉ số này chỉ có kết quả xếp loại, không có điểm số; so sánh với năm gần nhất trước đó có dữ liệu của cùng khối.",
			"This index has grades only, no scores; comparisons are with the latest earlier year with data for the same bloc.")
	}
	add(stmt("method", "", method, map[string]any{"scored": g.scored, "ranks_published": g.ranksPublished(true)}))
	return sec
}

// ranksPublished reports whether some selected bloc is ranked by its
// published ranks this year (or, with prev, in its previous year).
func (g *gen) ranksPublished(prev bool) bool {
	for _, b := range g.blocs {
		s := g.sums[b]
		if s.RanksPublished {
			return true
		}
		if prev && s.PrevYear != nil {
			if ps, ok := g.a.BlocSummary(g.index, *s.PrevYear, b); ok && ps.RanksPublished {
				return true
			}
		}
	}
	return false
}

// schemeStatements describe the grade schemes in use, one statement per
// distinct scheme (naming its blocs when the blocs differ).
func (g *gen) schemeStatements() []Statement {
	type use struct {
		s     *data.GradeScheme
		blocs []string
	}
	var uses []*use
	given := true
	var none []string // blocs nothing grades
	for _, b := range g.blocs {
		switch g.sums[b].GradesFrom {
		case analysis.GradesFromNone:
			none = append(none, b)
			continue
		case analysis.GradesFromData:
			continue
		}
		s := g.ds.SchemeFor(g.index, b, g.year)
		if s.Source == data.DefaultScheme.Source {
			// the built-in scheme matters only when it graded some total
			computed := false
			for _, r := range g.tables[b].Rows {
				if r.Grade != nil && !r.GradeGiven {
					computed = true
				}
			}
			if !computed {
				continue
			}
		}
		given = false
		var u *use
		for _, x := range uses {
			if x.s == s {
				u = x
			}
		}
		if u == nil {
			u = &use{s: s}
			uses = append(uses, u)
		}
		u.blocs = append(u.blocs, b)
	}
	out := g.ungradedStatement(none)
	if len(uses) == 0 {
		if !given {
			return out
		}
		graded := false
		for _, b := range g.blocs {
			if s := g.sums[b]; s.Units > s.Ungraded {
				graded = true
			}
		}
		if !graded {
			return out
		}
		return append([]Statement{stmt("scheme", "", g.t("Xếp loại theo kết quả công bố trong dữ liệu.", "Grades are as published in the data."), map[string]any{"source": "data"})}, out...)
	}
	var schemes []Statement
	for _, u := range uses {
		builtin := u.s.Source == data.DefaultScheme.Source || u.s.Source == ""
		head := g.t("Thang xếp loại", "Grade scheme")
		if builtin {
			head = g.t("Thang xếp loại mặc định (chọn bằng --grades default)", "Built-in grade scheme (selected with --grades default)")
		}
		if len(uses) > 1 {
			refs := make([]string, len(u.blocs))
			for i, b := range u.blocs {
				refs[i] = g.blocRef(b)
			}
			head += g.t(" của ", " for ") + g.list(refs)
		}
		if builtin {
			head += g.t(", áp dụng cho các đơn vị mà dữ liệu không ghi xếp loại", ", used for the units the data gives no grade")
		} else {
			head += " (" + u.s.Source + ")"
		}
		var bands []string
		var facts []map[string]any
		for i, band := range u.s.Bands {
			last := i == len(u.s.Bands)-1
			var txt string
			// A last band with a min stops there: lower totals are ungraded.
			switch {
			case i == 0 && last && math.IsInf(band.Min, -1):
				txt = g.grade(band.Label)
			case i == 0:
				txt = g.t(fmt.Sprintf("%s từ %s điểm", g.grade(band.Label), g.threshold(band.Min)),
					fmt.Sprintf("%s from %s points", band.Label, g.threshold(band.Min)))
			case math.IsInf(band.Min, -1):
				txt = g.t(fmt.Sprintf("%s dưới %s điểm", g.grade(band.Label), g.threshold(u.s.Bands[i-1].Min)),
					fmt.Sprintf("%s under %s", band.Label, g.threshold(u.s.Bands[i-1].Min)))
			default:
				txt = g.t(fmt.Sprintf("%s từ %s đến dưới %s điểm", g.grade(band.Label), g.threshold(band.Min), g.threshold(u.s.Bands[i-1].Min)),
					fmt.Sprintf("%s %s to under %s", band.Label, g.threshold(band.Min), g.threshold(u.s.Bands[i-1].Min)))
			}
			bands = append(bands, txt)
			var min any
			if !math.IsInf(band.Min, 0) && !math.IsNaN(band.Min) {
				min = band.Min
			}
			facts = append(facts, map[string]any{"grade": band.Label, "min": min})
		}
		f := map[string]any{"source": u.s.Source, "blocs": u.blocs, "bands": facts}
		if low := u.s.Bands[len(u.s.Bands)-1].Min; !math.IsInf(low, -1) && g.ungradedBelow(u.blocs) {
			bands = append(bands, g.t(fmt.Sprintf("dưới %s điểm không xếp loại", g.threshold(low)),
				fmt.Sprintf("ungraded under %s", g.threshold(low))))
			f["ungraded_under"] = low
		}
		schemes = append(schemes, stmt("scheme", "", head+": "+strings.Join(bands, "; ")+".", f))
	}
	return append(schemes, out...)
}

// ungradedStatement says that the blocs are not graded and why, so the
// reader knows the score bands are not grades.
func (g *gen) ungradedStatement(blocs []string) []Statement {
	if len(blocs) == 0 {
		return nil
	}
	text := g.t("Không xếp loại: dữ liệu không ghi xếp loại và không có thang xếp loại nào được chọn (grades.csv hoặc --grades default), nên bản tin nêu số đơn vị theo mức điểm, không nêu xếp loại.",
		"Not graded: the data gives no grades and no grade scheme was given (grades.csv or --grades default), so the brief counts units by score, not by grade.")
	if len(blocs) < len(g.blocs) {
		refs := make([]string, len(blocs))
		for i, b := range blocs {
			refs[i] = g.blocRef(b)
		}
		text = g.t(capFirst(g.list(refs))+" không xếp loại: dữ liệu không ghi xếp loại và không có thang xếp loại nào được chọn (grades.csv hoặc --grades default), nên bản tin nêu số đơn vị theo mức điểm.",
			capFirst(g.list(refs))+" are not graded: the data gives no grades and no grade scheme was given (grades.csv or --grades default), so the brief counts their units by score.")
	}
	return []Statement{stmt("scheme", "", text, map[string]any{"source": "none", "blocs": blocs})}
}

// ungradedBelow reports whether a scored unit of the blocs has no grade:
// the scheme's last band stops above its score.
func (g *gen) ungradedBelow(blocs []string) bool {
	for _, b := range blocs {
		for _, r := range g.tables[b].Rows {
			if r.Score != nil && r.Grade == nil {
				return true
			}
		}
	}
	return false
}

// threshold writes a band minimum in its shortest form: "90", "67,5".
func (g *gen) threshold(v float64) string { return g.num().Score(v, 0) }

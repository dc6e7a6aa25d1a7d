package brief

import (
	"fmt"
	"math"
	"strconv"
	"strings"

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
	var method string
	if g.scored {
		method = g.t("Thứ hạng xếp theo tổng điểm trong từng khối, so sánh đến 2 chữ số thập phân; bằng điểm thì đồng hạng. "+
			"Điểm trung bình của khối tính trên các đơn vị được xếp hạng. Mức tăng, giảm tính bằng điểm, so với năm gần nhất trước đó có dữ liệu của cùng khối.",
			"Ranks are by total score within each bloc, compared at 2 decimals; equal scores share a rank. "+
				"A bloc's mean is over its ranked units. Changes are in points, against the latest earlier year with data for the same bloc.")
	} else {
		method = g.t("Chỉ số này chỉ có kết quả xếp loại, không có điểm số; so sánh với năm gần nhất trước đó có dữ liệu của cùng khối.",
			"This index has grades only, no scores; comparisons are with the latest earlier year with data for the same bloc.")
	}
	add(stmt("method", "", method, map[string]any{"scored": g.scored}))
	return sec
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
	for _, b := range g.blocs {
		s := g.ds.SchemeFor(g.index, b, g.year)
		if !g.ds.HasScheme(g.index, b, g.year) {
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
	if len(uses) == 0 {
		if !given {
			return nil
		}
		graded := false
		for _, b := range g.blocs {
			if s := g.sums[b]; s.Units > s.Ungraded {
				graded = true
			}
		}
		if !graded {
			return nil
		}
		return []Statement{stmt("scheme", "", g.t("Xếp loại theo kết quả công bố trong dữ liệu.", "Grades are as published in the data."), map[string]any{"source": "data"})}
	}
	var out []Statement
	for _, u := range uses {
		builtin := u.s.Source == "built-in" || u.s.Source == ""
		head := g.t("Thang xếp loại", "Grade scheme")
		if builtin {
			head = g.t("Thang xếp loại mặc định", "Built-in grade scheme")
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
		out = append(out, stmt("scheme", "", head+": "+strings.Join(bands, "; ")+".", f))
	}
	return out
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
func (g *gen) threshold(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !g.en {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

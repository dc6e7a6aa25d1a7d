package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

func init() {
	commands["unit"] = command{"one unit: history, components, gaps and movers", runUnit}
}

// unitReport is the JSON shape of `parlens unit`.
type unitReport struct {
	Unit       analysis.Unit             `json:"unit"`
	History    []analysis.UnitHistory    `json:"history"`
	Components []analysis.UnitComponents `json:"components"` // per index, for the selected year
	Gaps       []analysis.Gap            `json:"gaps"`
	Movers     []analysis.Mover          `json:"movers"`
}

func runUnit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e, rest, code := setup("unit", "unit NAME|CODE [flags] [PATH...]", args, stdin, stdout, stderr, nil,
		formatTable, formatCSV, formatJSON, formatMD)
	if code >= 0 {
		return code
	}
	if len(rest) == 0 {
		fmt.Fprintln(stderr, "parlens unit: name a unit by code or name, e.g. parlens unit \"Sở Nội vụ\"")
		return exitUsage
	}
	query := rest[0]
	found := e.a.FindUnit(query)
	switch {
	case len(found) == 0:
		return e.unknown("unit", query, e.a.UnitNames())
	case len(found) > 1:
		var names []string
		for _, u := range found {
			names = append(names, textCell(u.Unit))
		}
		fmt.Fprintf(stderr, "parlens: %q matches %d units: %s; be more specific or use the code\n",
			query, len(found), data.Printable(strings.Join(names, "; ")))
		return exitData
	}
	u := found[0]
	rep := unitReport{Unit: u, History: e.a.History(u.UnitID)}
	for _, h := range rep.History {
		if e.q.index != "" && len(analysis.MatchBloc(e.q.index, []string{h.Index})) == 0 {
			continue
		}
		year := e.q.year
		if year == 0 && len(h.Points) > 0 {
			year = h.Points[len(h.Points)-1].Year
		}
		if c, ok := e.a.UnitComponents(h.Index, year, u.UnitID); ok && len(c.Components) > 0 {
			rep.Components = append(rep.Components, c)
		}
		if g, ok := e.a.UnitGap(h.Index, year, u.UnitID); ok && g.Score != nil {
			rep.Gaps = append(rep.Gaps, g)
		}
		for _, m := range e.a.Movers(h.Index, year) {
			if m.UnitID == u.UnitID {
				rep.Movers = append(rep.Movers, m)
			}
		}
	}
	if e.q.format == formatJSON {
		return e.emitJSON(rep)
	}
	hist := &table{headers: e.headers("Chỉ số", "index", "Năm", "year", "Khối", "bloc", "Đơn vị", "unit", "Điểm", "score",
		"Hạng", "rank", "Trên", "ranked_of", "Xếp loại", "grade")}
	for _, h := range rep.History {
		for _, p := range h.Points {
			var of any
			if p.RankedOf > 0 {
				of = p.RankedOf
			}
			hist.add(h.Index, p.Year, p.Bloc, p.Unit, e.score(p.Score), e.rankCell(p.Rank, p.NotRanked), of, p.Grade)
		}
	}
	if e.q.format == formatCSV {
		return e.emit(hist) // CSV holds one table: the history
	}
	section := func(title string) {
		if e.q.format == formatMD {
			fmt.Fprintf(stdout, "\n### %s\n\n", escapeMarkdown(data.Printable(title)))
		} else {
			fmt.Fprintf(stdout, "\n%s\n", data.Printable(title))
		}
	}
	e.printLabel()
	if e.q.format == formatMD {
		fmt.Fprintf(stdout, "## %s\n", escapeMarkdown(data.Printable(u.Unit)))
	} else {
		fmt.Fprintln(stdout, textCell(u.Unit))
	}
	section(e.label("Lịch sử", "History"))
	e.emit(hist)
	for _, c := range rep.Components {
		idx := c.Index
		if e.q.format != formatMD {
			idx = textCell(idx) // section() makes the rest inert
		}
		section(fmt.Sprintf("%s %s %d", e.label("Thành phần", "Components"), idx, c.Year))
		t := &table{headers: e.headers("Thành phần", "component", "Điểm", "score", "Tối đa", "max", "% tối đa", "pct",
			"Thay đổi", "change", "TB khối", "bloc_mean", "Hạng", "rank", "Điểm mất", "lost")}
		for _, s := range c.Components {
			t.add(s.Name, e.score(s.Score), e.score(s.Max), fixed(s.Pct, 1), fixed(s.Change, 2), fixed(s.BlocMean, 2), s.Rank, fixed(s.Lost, 2))
		}
		e.emit(t)
		if c.Strongest != nil && c.Weakest != nil {
			fmt.Fprintf(stdout, "%s: %s; %s: %s\n", e.label("Mạnh nhất", "Strongest"), e.inline(*c.Strongest),
				e.label("Yếu nhất", "Weakest"), e.inline(*c.Weakest))
		}
	}
	if len(rep.Gaps) > 0 {
		section(e.label("Khoảng cách", "Gaps"))
		t := &table{headers: e.headers("Chỉ số", "index", "Năm", "year", "Điểm", "score", "Hạng", "rank",
			"Loại kế tiếp", "next_grade", "Điểm cần để lên loại", "to_next_grade", "Điểm cần để vượt hạng", "to_pass",
			"Cách dẫn đầu", "to_leader", "Hạng nếu giữ điểm năm trước", "rank_with_prev_score")}
		for _, g := range rep.Gaps {
			t.add(g.Index, g.Year, e.score(g.Score), g.Rank, g.NextGrade, fixed(g.ToNextGrade, 2), fixed(g.ToPass, 2),
				fixed(g.ToLeader, 2), g.RankWithPrevScore)
		}
		e.emit(t)
	}
	if len(rep.Movers) > 0 {
		section(e.label("Sự kiện", "Movers"))
		for _, m := range rep.Movers {
			fmt.Fprintf(stdout, "- %s %s %d\n", e.moverLabel(m.Kind), e.inline(m.Index), m.Year)
		}
	}
	return exitOK
}

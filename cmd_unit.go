package main

import (
	"fmt"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// unitReport is the JSON shape of `parlens unit`.
type unitReport struct {
	Unit       analysis.Unit             `json:"unit"`
	History    []analysis.UnitHistory    `json:"history"`
	Components []analysis.UnitComponents `json:"components"` // per index, for the selected year
	Gaps       []analysis.Gap            `json:"gaps"`
	Movers     []analysis.Mover          `json:"movers"`
	// Lineage and PartOf come from the same analysis functions as the
	// dashboard's unit view (tui/view_lineage.go).
	Lineage []unitBreak `json:"lineage"` // its mergers and splits, per index, latest first
	PartOf  *unitPartOf `json:"part_of"` // the units it passed into; nil when none
}

// unitBreak is one merger or split of the unit in an index, as of its
// first year after it, with its predecessors' last results side by side.
type unitBreak struct {
	Index string `json:"index"`
	analysis.Break
}

// unitPartOf names the units a merged-away (or split) unit passed into.
type unitPartOf struct {
	Year  int             `json:"year"`
	Units []analysis.Unit `json:"units"`
}

func unitRows(e *env) (unitReport, error) {
	if e.operand == "" {
		return unitReport{}, e.usageErrorf("name a unit by code or name, e.g. parlens unit \"Sở Nội vụ\"")
	}
	found := e.a.FindUnit(e.operand)
	switch {
	case len(found) == 0:
		return unitReport{}, unknownError("unit", e.operand, e.a.UnitNames())
	case len(found) > 1:
		var names []string
		for _, u := range found {
			names = append(names, present.TextCell(u.Unit))
		}
		return unitReport{}, &exitError{exitData, fmt.Sprintf("parlens: %q matches %d units: %s; be more specific or use the code",
			e.operand, len(found), data.Printable(strings.Join(names, "; ")))}
	}
	u := found[0]
	rep := unitReport{Unit: u, History: e.a.History(u.UnitID)}
	if to, year := e.a.PartOf(u.UnitID); len(to) > 0 {
		rep.PartOf = &unitPartOf{Year: year}
		for _, id := range to {
			su, ok := e.a.UnitByID(id)
			if !ok { // a successor without results still has its id
				su = analysis.Unit{UnitID: id, Unit: id}
			}
			rep.PartOf.Units = append(rep.PartOf.Units, su)
		}
	}
	for _, h := range rep.History {
		if e.q.index != "" && len(analysis.MatchBloc(e.q.index, []string{h.Index})) == 0 {
			continue
		}
		for _, b := range e.a.UnitBreaks(h.Index, u.UnitID) {
			rep.Lineage = append(rep.Lineage, unitBreak{Index: h.Index, Break: b})
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
	return rep, nil
}

func (e *env) unitHistory(rep unitReport) *present.Table {
	hist := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColBloc, words.ColUnit, words.ColScore,
		words.ColRank, words.ColRankedOf, words.ColGrade)}
	for _, h := range rep.History {
		for _, p := range h.Points {
			var of any
			if p.RankedOf > 0 {
				of = p.RankedOf
			}
			hist.Add(h.Index, p.Year, p.Bloc, p.Unit, e.score(p.Score), e.rankCell(p.Rank, p.NotRanked), of, p.Grade)
		}
	}
	return hist
}

// unitHuman writes the history alone as CSV (CSV holds one table), and the
// whole report as text or Markdown: history, components, gaps, movers.
func unitHuman(e *env, rep unitReport) error {
	if e.q.format == present.FormatCSV {
		return e.emit(e.unitHistory(rep))
	}
	e.printLabel()
	present.Title(e.stdout, e.q.format, rep.Unit.Unit)
	if rep.PartOf != nil {
		names := make([]string, len(rep.PartOf.Units))
		for i, su := range rep.PartOf.Units {
			names[i] = e.inline(su.Unit)
		}
		fmt.Fprintln(e.stdout, words.LineagePartOf.F(e.lang(), rep.PartOf.Year, strings.Join(names, ", ")))
	}
	present.Heading(e.stdout, e.q.format, e.say(words.HeadHistory), true)
	var err error
	write := func(t *present.Table) { // the first error is the one to report
		if err == nil {
			err = e.table(t)
		}
	}
	write(e.unitHistory(rep))
	for _, b := range rep.Lineage {
		idx := b.Index
		if e.q.format != present.FormatMD {
			idx = present.TextCell(idx)
		}
		present.Heading(e.stdout, e.q.format, e.say(words.HeadLineage)+" "+idx, true)
		head := words.LineageMergedIn.F(e.lang(), b.Year, len(b.Predecessors))
		if b.Kind == analysis.BreakSplit {
			head = words.LineageSplitIn.F(e.lang(), b.Year)
		}
		fmt.Fprintln(e.stdout, head)
		if e.q.format == present.FormatMD {
			fmt.Fprintln(e.stdout)
		}
		write(e.lineageTable(b.Break))
		if b.Rank != nil && b.RankedOf != nil {
			if e.q.format == present.FormatMD { // a line right under a table would be read as its row
				fmt.Fprintln(e.stdout)
			}
			fmt.Fprintln(e.stdout, words.LineageNow.F(e.lang(), b.AsOf, e.mark().Ratio(*b.Rank, *b.RankedOf), e.share(*b.Rank, *b.RankedOf)))
		}
	}
	for _, c := range rep.Components {
		idx := c.Index
		if e.q.format != present.FormatMD {
			idx = present.TextCell(idx) // Heading makes the rest inert
		}
		present.Heading(e.stdout, e.q.format, fmt.Sprintf("%s %s %d", e.say(words.HeadComponents), idx, c.Year), true)
		t := &present.Table{Headers: e.headers(words.ColComponent, words.ColScore, componentMaxColumn(e.a), componentPctColumn(e.a),
			words.ColChange, words.ColBlocMean, words.ColRank, words.ColLost)}
		for _, s := range c.Components {
			t.Add(s.Name, componentScore(e, s), e.score(s.ApplicableMax), fixed(s.Pct, 1), fixed(s.Change, 2), fixed(s.BlocMean, 2), s.Rank, fixed(s.Lost, 2))
		}
		write(t)
		if c.Strongest != nil && c.Weakest != nil {
			fmt.Fprintf(e.stdout, "%s: %s; %s: %s\n", e.say(words.Strongest), e.inline(*c.Strongest),
				e.say(words.Weakest), e.inline(*c.Weakest))
		}
	}
	if len(rep.Gaps) > 0 {
		present.Heading(e.stdout, e.q.format, e.say(words.HeadGaps), true)
		t := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColScore, words.ColRank,
			words.ColNextGrade, words.ColToNextGrade, words.ColToPass,
			words.ColToLeader, words.ColRankWithPrevScore)}
		for _, g := range rep.Gaps {
			t.Add(g.Index, g.Year, e.score(g.Score), g.Rank, g.NextGrade, fixed(g.ToNextGrade, 2), fixed(g.ToPass, 2),
				fixed(g.ToLeader, 2), g.RankWithPrevScore)
		}
		write(t)
	}
	if len(rep.Movers) > 0 {
		present.Heading(e.stdout, e.q.format, e.say(words.HeadMovers), true)
		for _, m := range rep.Movers {
			fmt.Fprintf(e.stdout, "- %s %s %d\n", e.moverLabel(m.Kind), e.inline(m.Index), m.Year)
		}
	}
	return err
}

// lineageTable lists a break's predecessors side by side: each one's last
// score, its rank r/N and that rank's share of its bloc; never a move in
// places (ranks of blocs of different sizes).
func (e *env) lineageTable(b analysis.Break) *present.Table {
	t := &present.Table{Headers: e.headers(words.ColUnit, words.ColYear, words.ColScore, words.ColRank, words.ColRankedOf, words.ColPlace)}
	for _, p := range b.Predecessors {
		name := p.Unit
		if p.Self {
			name += e.say(words.LineageItself)
		}
		place := ""
		if p.Rank != nil && p.RankedOf != nil {
			place = e.share(*p.Rank, *p.RankedOf)
		}
		if p.Weight < 1 {
			place = strings.TrimPrefix(place+" · "+e.mark().Pct(p.Weight*100, 0), " · ")
		}
		var of any
		if p.RankedOf != nil {
			of = *p.RankedOf
		}
		t.Add(name, p.Year, e.score(p.Score), p.Rank, of, place)
	}
	return t
}

// share writes rank r of n as its share of the bloc (analysis.BlocShare).
func (e *env) share(r, n int) string {
	p, top := analysis.BlocShare(r, n)
	if top {
		return words.LineageTop.F(e.lang(), p)
	}
	return words.LineageBottom.F(e.lang(), p)
}

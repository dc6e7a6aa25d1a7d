package main

import (
	"flag"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// treeLevels are --level's values: the deepest level shown.
var treeLevels = map[string]int{
	"area": analysis.LevelArea, "criterion": analysis.LevelCriterion, "sub": analysis.LevelSub,
}

// bindComponents: without --level, the areas' statistics and every unit's
// profile; with it, every unit's tree down to that level (JSON: the tree
// in each bloc's "tree").
func bindComponents(fs *flag.FlagSet) func(*env) error {
	var level string
	fs.StringVar(&level, "level", "", "show the tree down to area, criterion or sub (sub-criterion), with applicable maxima, bloc mean and best")
	rows := func(e *env) ([]analysis.BlocComponents, error) {
		depth, ok := treeLevels[strings.ToLower(level)]
		if level != "" && !ok {
			return nil, e.usageErrorf("--level must be area, criterion or sub, not %q", level)
		}
		return componentRows(e, level != "", depth)
	}
	table := func(e *env, out []analysis.BlocComponents) *present.Table {
		if level != "" {
			return treeTable(e, out)
		}
		return componentTable(e, out)
	}
	return query(rows, table)(fs)
}

// componentRows: a bloc without component scores has no entry. With a
// tree level, each entry carries every unit's tree down to it.
func componentRows(e *env, withTree bool, depth int) ([]analysis.BlocComponents, error) {
	return collect(e, false, func(s data.Slice) ([]analysis.BlocComponents, error) {
		c, ok := e.a.Components(s)
		if !ok || len(c.Components) == 0 {
			return nil, nil
		}
		if withTree {
			bt, _ := e.a.Tree(s)
			c.Level = &depth
			c.Tree = make([]analysis.UnitTree, len(bt.Units))
			for i, u := range bt.Units {
				u.Rows = nonNil(u.AtLevel(depth))
				c.Tree[i] = u
			}
		}
		return []analysis.BlocComponents{c}, nil
	})
}

// componentTable is a row per unit and area: its score, the maximum that
// applies to the unit (criteria marked not applicable left out, as in the
// tree), the share of it, change, bloc mean, rank and points lost.
func componentTable(e *env, out []analysis.BlocComponents) *present.Table {
	t := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColBloc, words.ColUnitCode, words.ColUnit,
		words.ColComponent, words.ColScore, componentMaxColumn(e.a), componentPctColumn(e.a), words.ColChange,
		words.ColBlocMean, words.ColRank, words.ColLost)}
	for _, bc := range out {
		for _, u := range bc.Units {
			for _, c := range u.Components {
				t.Add(bc.Index, bc.Year, bc.Bloc, u.UnitCode, u.Unit, c.Name, componentScore(e, c), e.score(c.ApplicableMax),
					fixed(c.Pct, 1), fixed(c.Change, 2), fixed(c.BlocMean, 2), c.Rank, fixed(c.Lost, 2))
			}
		}
	}
	return t
}

// componentMaxColumn names the maximum column of the flat component views:
// the maximum that applies to the unit when the data marks any criterion
// not applicable, else simply the maximum (the two are the same).
func componentMaxColumn(a *analysis.Analysis) *words.Word {
	if a.AnyNotApplicable() {
		return words.ColApplicableMax
	}
	return words.ColMax
}

// componentPctColumn names the share column beside componentMaxColumn.
func componentPctColumn(a *analysis.Analysis) *words.Word {
	if a.AnyNotApplicable() {
		return words.ColShare
	}
	return words.ColPct
}

// componentScore shows a unit's score on an area, or the not-applicable
// mark when the whole area does not apply to it.
func componentScore(e *env, c analysis.ComponentScore) any {
	if c.NotApplicable {
		return e.say(words.NotApplicable)
	}
	return e.score(c.Score)
}

// treeTable is a row per unit and component of the tree: its level, code,
// score, maximum that applies to the unit, share of it, the bloc's mean
// and best, points lost and change since last year.
func treeTable(e *env, out []analysis.BlocComponents) *present.Table {
	t := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColBloc, words.ColUnitCode, words.ColUnit,
		words.ColLevel, words.ColCode, words.ColComponent, words.ColScore, words.ColApplicableMax, words.ColShare,
		words.ColBlocMean, words.ColBlocBest, words.ColLost, words.ColChange)}
	for _, bc := range out {
		for _, u := range bc.Tree {
			for _, r := range u.Rows {
				t.Add(bc.Index, bc.Year, bc.Bloc, u.UnitCode, u.Unit, e.say(levelWord(r.Level)), r.Code, r.Name,
					treeScore(e, r), e.score(r.ApplicableMax), fixed(r.Share, 1), fixed(r.BlocMean, 2), e.score(r.BlocBest),
					fixed(r.Lost, 2), fixed(r.Change, 2))
			}
		}
	}
	return t
}

// treeScore shows a tree row's score, or the not-applicable mark.
func treeScore(e *env, r analysis.CriterionRow) any {
	if r.NotApplicable {
		return e.say(words.NotApplicable)
	}
	return e.score(r.Score)
}

// levelWord names a tree level.
func levelWord(level int) *words.Word {
	switch level {
	case analysis.LevelArea:
		return words.LevelArea
	case analysis.LevelCriterion:
		return words.LevelCriterion
	}
	return words.LevelSub
}

package analysis

// A scorecard is what a unit's letter of results says (`parlens
// scorecard`): its rank, score and grade over the years, its tree in the
// year with the bloc beside every area and criterion, the criteria where
// it is furthest below the bloc's mean, and its self-assessment gap. Every
// number is one the other views compute (History, UnitTree, SelfGapOf).

import "slices"

// MostLostCount is how many criteria a scorecard lists where the unit is
// furthest below the bloc's mean.
const MostLostCount = 5

// Scorecard is one unit's results in one index and year.
type Scorecard struct {
	Unit    Unit           `json:"unit"`
	Index   string         `json:"index"`
	Year    int            `json:"year"`
	History []HistoryPoint `json:"history"` // every year of the index, oldest first
	// Tree is the unit's areas and criteria that year (nil when the unit
	// has no record that year).
	Tree *UnitTree `json:"tree"`
	// MostLost are the criteria (areas when the files give no criteria)
	// where the unit is furthest below the bloc's mean, largest first.
	MostLost      []CriterionRow `json:"most_lost"`
	MostLostLevel int            `json:"most_lost_level"`
	Self          *SelfGap       `json:"self"` // null when the files give no self-assessed score
}

// Scorecards returns a unit's scorecard in each index it has a record in
// that year (year 0: the index's latest year with the unit).
func (a *Analysis) Scorecards(unitID string, index string, year int) []Scorecard {
	var out []Scorecard
	info := a.units[unitID]
	if info == nil {
		return nil
	}
	unit := info.export()
	for _, h := range a.History(unitID) {
		if index != "" && h.Index != index {
			continue
		}
		y := year
		if y == 0 && len(h.Points) > 0 {
			y = h.Points[len(h.Points)-1].Year
		}
		sc := Scorecard{Unit: unit, Index: h.Index, Year: y, History: h.Points}
		if t, ok := a.UnitTree(h.Index, y, unitID); ok {
			sc.Tree = &t
			// criteria when this year has them; a flat file's, or a year
			// published by area only, components are the areas
			level := LevelArea
			if slices.ContainsFunc(t.Rows, func(r CriterionRow) bool { return r.Level == LevelCriterion }) {
				level = LevelCriterion
			}
			sc.MostLost, sc.MostLostLevel = t.MostLost(level, MostLostCount), level
		}
		if g, ok := a.SelfGapOf(h.Index, y, unitID); ok {
			sc.Self = &g
		}
		out = append(out, sc)
	}
	return out
}

// UnitIDs lists every unit's identity, in first-seen order.
func (a *Analysis) UnitIDs() []string { return a.unitOrder }

// UnitInfo returns a unit's names and codes (the zero Unit for an unknown
// identity).
func (a *Analysis) UnitInfo(unitID string) Unit {
	if u := a.units[unitID]; u != nil {
		return u.export()
	}
	return Unit{}
}

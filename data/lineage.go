package data

// Succession is one edge of unit lineage: From is continued by To from
// Year on. A merger is several successions to one unit in one year; a
// split is one unit's successions to several, their weights adding up to 1.
type Succession struct {
	From   string  // unit id of the predecessor
	To     string  // unit id of the successor
	Year   int     // the successor's first year (0 = undated)
	Weight float64 // the share of From that passes to To: 1 unless a split
	Source string  // units.csv path, or the shipped lineage's name
	Line   int     // the units.csv row (0 for a shipped lineage)
}

// Successions returns the dataset's lineage: what the loader accepted, or
// for a dataset built as a literal, its Units rows that name a successor
// (weight 1 unless given).
func (d *Dataset) Successions() []Succession {
	if d.Lineage != nil || d.successor != nil {
		return d.Lineage
	}
	var out []Succession
	for _, u := range d.Units {
		if u.Successor == "" || u.Successor == u.Code {
			continue
		}
		w := u.Weight
		if IsMissing(w) || w == 0 {
			w = 1
		}
		out = append(out, Succession{From: u.Code, To: u.Successor, Year: u.EffectiveYear, Weight: w})
	}
	return out
}

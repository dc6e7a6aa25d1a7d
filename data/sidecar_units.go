package data

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// units.csv rows become unit lineage here, and are checked first: a unit
// has one succession (one successor, or a declared split with weights that
// add up), never itself, and successors never lead back to where they
// started. A name listed for two codes identifies neither.
// Every check looks at all units rows read so far, whatever their order,
// so reordering units.csv cannot change who succeeds whom.

func (b *builder) unitLineOf(t *table, r unitRow, line int, cols sidecarCols) (UnitInfo, bool) {
	code, name := strings.TrimSpace(r.Code), strings.TrimSpace(r.Unit)
	if code == "" {
		b.errorf(cols.pos(t.name, line, "unit_code"), "units.csv links names to codes; every row needs a unit_code", "unit row without a unit_code")
		return UnitInfo{}, false
	}
	from, to, ok := b.sidecarSpan(t.name, r.FromYear, r.ToYear, line, cols)
	if !ok {
		return UnitInfo{}, false
	}
	effective, ok := b.sidecarYear(r.Effective, cols.pos(t.name, line, "effective_year"), "effective_year")
	if !ok {
		return UnitInfo{}, false
	}
	weight, ok := b.unitWeight(t, r.Weight, cols.pos(t.name, line, "weight"))
	if !ok {
		return UnitInfo{}, false
	}
	u := UnitInfo{Code: code, Name: name, Successor: strings.TrimSpace(r.Successor), FromYear: from, ToYear: to,
		EffectiveYear: effective, Weight: weight, pos: Pos{File: t.name, Line: line}}
	for _, a := range strings.FieldsFunc(r.Aliases, func(c rune) bool { return c == ';' || c == '|' }) {
		if a = strings.TrimSpace(a); a != "" {
			u.Aliases = append(u.Aliases, a)
		}
	}
	if u.Successor == code {
		b.errorf(cols.pos(t.name, line, "successor_code"), "leave successor_code empty for a unit that continues under its own code",
			"unit %s names itself as its successor", clip(code))
		u.Successor = ""
	}
	if u.Successor == "" {
		if effective != 0 || !IsMissing(weight) {
			at, what := "effective_year", "an effective_year"
			if effective == 0 {
				at, what = "weight", "a weight"
			}
			b.errorf(cols.pos(t.name, line, at), "effective_year and weight describe a succession; give the successor_code",
				"unit %s has %s but no successor_code", clip(code), what)
			return UnitInfo{}, false
		}
		return u, true
	}
	switch {
	case effective == 0 && to != 0:
		u.EffectiveYear = to + 1 // the successor takes over the year after the unit's last
	case effective != 0 && to != 0 && effective <= to:
		b.errorf(cols.pos(t.name, line, "effective_year"), "to_year is the unit's last year, effective_year its successor's first",
			"effective_year %d is not after to_year %d", effective, to)
		return UnitInfo{}, false
	}
	return u, true
}

// unitWeight reads a weight cell: a share (0.4, 0,4) or a percentage (40%).
// Missing when empty; percentages without "%" are settled per split.
func (b *builder) unitWeight(t *table, cell string, at Pos) (float64, bool) {
	s := strings.TrimSpace(cell)
	pct := strings.HasSuffix(s, "%")
	v, ok := b.sidecarNumber(t, strings.TrimSpace(strings.TrimSuffix(s, "%")), at, "weight")
	if !ok || IsMissing(v) {
		return v, ok
	}
	if !(v > 0) || math.IsInf(v, 0) {
		b.errorf(at, "a weight is the share of the unit that passes to this successor, above 0", "weight %s is not above 0", clip(s))
		return 0, false
	}
	if pct {
		v /= 100
	}
	return v, true
}

// addUnitNumbers keeps the numeric cells of the units file's columns
// parlens does not read itself (population, area…), by folded header, for
// a combined baseline weighted by one (--baseline weighted:population).
func (b *builder) addUnitNumbers(t *table, units []UnitInfo) {
	if len(units) == 0 {
		return
	}
	r := t.reader()
	header, err := r.Read()
	if err != nil {
		return
	}
	known := sidecarHeaders["units"]
	var extra []int
	var names []string
	for i, h := range header {
		if _, ok := known[Fold(h)]; !ok && Fold(h) != "" {
			extra, names = append(extra, i), append(names, Fold(h))
		}
	}
	if len(extra) == 0 {
		return
	}
	at := map[int]*UnitInfo{}
	for i := range units {
		at[units[i].pos.Line] = &units[i]
	}
	for {
		rec, err := r.Read()
		if err != nil {
			return // the unmarshaller reported it
		}
		line, _ := r.FieldPos(0)
		u := at[line]
		if u == nil {
			continue
		}
		for k, i := range extra {
			if i >= len(rec) {
				continue
			}
			if v, _, ok := parseNumber(strings.TrimSpace(rec[i]), t.decimal); ok && !IsMissing(v) {
				if u.Numbers == nil {
					u.Numbers = map[string]float64{}
				}
				u.Numbers[names[k]] = v
			}
		}
	}
}

// UnitNumber returns a number units.csv gives a unit in a column parlens
// does not read itself (matched folded: "Dân số" is "dan so"), if any.
func (d *Dataset) UnitNumber(unitID, column string) (float64, bool) {
	k := Fold(column)
	for _, u := range d.Units {
		if u.Code == unitID {
			if v, ok := u.Numbers[k]; ok {
				return v, true
			}
		}
	}
	return 0, false
}

// addUnits checks one units file's rows against every units row read so
// far and rebuilds the name and successor maps from all of them. Problems
// are reported at this file's rows (earlier files were checked already).
func (b *builder) addUnits(file string, rows []UnitInfo, cols sidecarCols) {
	earlier := len(b.ds.Units)
	b.ds.Units = append(b.ds.Units, rows...)
	b.ds.Lineage, b.ds.successor = b.checkSuccessions(earlier, cols)
	b.warnUndatedMergers(earlier)
	b.checkSuccessorCycles(earlier, cols)
	b.rebuildAliases(earlier)
}

// checkSuccessions groups the rows naming a successor by unit. A unit has
// one succession: one successor, or a declared split (every row weighted,
// the weights adding up to 1 or 100%, one effective year). It returns the
// successions of the units whose rows agree, and the one-successor map.
func (b *builder) checkSuccessions(earlier int, cols sidecarCols) ([]Succession, map[string]string) {
	units := b.ds.Units
	pos := func(i int, tag string) Pos { return cols.pos(units[i].pos.File, units[i].pos.Line, tag) }
	rowsOf := map[string][]int{} // code → its rows naming a successor, the first row per successor
	for i := range units {
		u := &units[i]
		if u.Successor == "" {
			continue
		}
		dup := -1
		for _, j := range rowsOf[u.Code] {
			if j >= 0 && units[j].Successor == u.Successor { // -1 marks a refused succession, no row
				dup = j
			}
		}
		switch {
		case dup < 0:
			rowsOf[u.Code] = append(rowsOf[u.Code], i)
		case units[dup].EffectiveYear != u.EffectiveYear || !sameWeight(units[dup].Weight, u.Weight):
			if i >= earlier {
				b.errorf(pos(i, "effective_year"), "list a succession once, or give both rows the same effective_year and weight",
					"unit %s passes to %s here and at %s with another effective_year or weight", clip(u.Code), clip(u.Successor), lineRef(units[dup].pos, u.pos))
			}
			rowsOf[u.Code] = append(rowsOf[u.Code], -1) // refused: no succession for this unit
		}
	}
	codes := slices.Sorted(maps.Keys(rowsOf))
	var out []Succession
	single := map[string]string{}
	for _, code := range codes {
		rows := rowsOf[code]
		if slices.Contains(rows, -1) {
			continue
		}
		if !b.splitAgrees(rows, earlier, pos) {
			continue
		}
		if len(rows) == 1 {
			single[code] = units[rows[0]].Successor
		}
		var sum float64
		for _, i := range rows {
			if w := units[i].Weight; !IsMissing(w) {
				sum += w
			}
		}
		for _, i := range rows {
			w := units[i].Weight
			switch {
			case len(rows) == 1:
				w = 1
			case sum > 1.5: // written as percentages without "%"
				w /= 100
			}
			out = append(out, Succession{From: code, To: units[i].Successor, Year: units[i].EffectiveYear, Weight: w,
				Source: units[i].pos.File, Line: units[i].pos.Line})
		}
	}
	return out, single
}

// warnUndatedMergers warns, at a row of the file just read, about a unit
// that two or more units pass into without an effective_year: a merger
// whose year is unknown is not marked (the successor continues whichever
// predecessor it shares a code with, and another only in years when that
// one alone has results: analysis, History).
func (b *builder) warnUndatedMergers(earlier int) {
	from := map[string][]Succession{}
	for _, s := range b.ds.Lineage {
		if s.Year == 0 {
			from[s.To] = append(from[s.To], s)
		}
	}
	for _, to := range slices.Sorted(maps.Keys(from)) {
		ss := from[to]
		last := ss[len(ss)-1]
		if len(ss) < 2 || last.Line == 0 {
			continue
		}
		for i := earlier; i < len(b.ds.Units); i++ {
			if u := &b.ds.Units[i]; u.Code == last.From && u.Successor == to && u.pos.Line == last.Line && u.pos.File == last.Source {
				names := make([]string, len(ss))
				for k, s := range ss {
					names[k] = s.From
				}
				b.warnf(u.pos, "give the merger's effective_year (the successor's first year) so that comparisons across it are marked",
					"%s pass into %s without an effective_year: the merger is not marked, so a year may compare %s with one of them alone", clip(strings.Join(names, ", ")), clip(to), clip(to))
				break
			}
		}
	}
}

// splitAgrees checks the rows of one unit's succession (one row per
// successor): one row, whose weight if any is the whole, or a split whose
// rows all carry a weight and one effective year, the weights adding up to
// 1 (or 100). Problems are reported at rows from the file just read.
func (b *builder) splitAgrees(rows []int, earlier int, pos func(int, string) Pos) bool {
	units := b.ds.Units
	report := func(i int, tag, hint, format string, args ...any) bool {
		if i >= earlier {
			b.errorf(pos(i, tag), hint, format, args...)
		}
		return false
	}
	if len(rows) == 1 {
		u := &units[rows[0]]
		if w := u.Weight; !IsMissing(w) && !near(w, 1) && !near(w, 100) {
			return report(rows[0], "weight", "a weight below the whole declares a split: list the unit's other successors with their shares",
				"unit %s passes only %s of itself to %s, its one successor", clip(u.Code), fmtWeight(w), clip(u.Successor))
		}
		return true
	}
	first := &units[rows[0]]
	var lines []string
	sum := 0.0
	for _, i := range rows {
		if IsMissing(units[i].Weight) {
			second := &units[rows[1]]
			return report(rows[1], "successor_code", "a unit split in two gives each of its rows a weight (the shares add up to 1 or 100%) and one effective_year",
				"unit %s has two successors: %s here and %s at %s", clip(second.Code), clip(second.Successor), clip(first.Successor), lineRef(first.pos, second.pos))
		}
	}
	for _, i := range rows {
		u := &units[i]
		lines = append(lines, lineRef(u.pos, units[rows[len(rows)-1]].pos))
		if u.EffectiveYear != first.EffectiveYear {
			return report(i, "effective_year", "a unit has one succession at a time: a split lists its successors with one effective_year",
				"unit %s passes to %s from %s here but to %s from %s at %s", clip(u.Code), clip(u.Successor), yearText(u.EffectiveYear),
				clip(first.Successor), yearText(first.EffectiveYear), lineRef(first.pos, u.pos))
		}
		sum += u.Weight
	}
	if !near(sum, 1) && !near(sum, 100) {
		last := rows[len(rows)-1]
		return report(last, "weight", "the shares of a split add up to the whole unit: 1, or 100%",
			"the weights of unit %s's split add up to %s (rows at %s)", clip(units[last].Code), fmtWeight(sum), strings.Join(lines, ", "))
	}
	return true
}

func near(x, y float64) bool { return math.Abs(x-y) <= 1e-6*math.Max(1, y) }

func sameWeight(x, y float64) bool { return IsMissing(x) && IsMissing(y) || x == y }

// fmtWeight writes a weight or a sum of weights without float noise (0.9, not 0.8999999999999999).
func fmtWeight(w float64) string { return strconv.FormatFloat(w, 'g', 10, 64) }

func yearText(y int) string {
	if y == 0 {
		return "an undated year"
	}
	return strconv.Itoa(y)
}

// checkSuccessorCycles reports every successor cycle (splits included)
// with a row from the file just read, at the first such row.
func (b *builder) checkSuccessorCycles(earlier int, cols sidecarCols) {
	units := b.ds.Units
	rowOf := map[[2]string]int{} // (code, successor) → its first row
	next := map[string][]string{}
	for i := range units {
		u := &units[i]
		k := [2]string{u.Code, u.Successor}
		if _, ok := rowOf[k]; !ok && u.Successor != "" {
			rowOf[k] = i
			next[u.Code] = append(next[u.Code], u.Successor)
		}
	}
	for _, s := range next {
		slices.Sort(s)
	}
	state := map[string]int{} // 0 unseen, 1 on the current path, 2 done
	var path []string
	var visit func(c string)
	visit = func(c string) {
		state[c] = 1
		path = append(path, c)
		for _, n := range next[c] {
			switch state[n] {
			case 0:
				visit(n)
			case 1: // back on the path: a cycle from n
				b.reportCycle(append(slices.Clone(path[slices.Index(path, n):]), n), rowOf, earlier, cols)
			}
		}
		path = path[:len(path)-1]
		state[c] = 2
	}
	for _, c := range slices.Sorted(maps.Keys(next)) { // the same cycles in the same words, whatever the row order
		if state[c] == 0 {
			visit(c)
		}
	}
}

// reportCycle reports cycle (its first code repeated at the end) at its
// earliest row from the file just read, if any.
func (b *builder) reportCycle(cycle []string, rowOf map[[2]string]int, earlier int, cols sidecarCols) {
	units := b.ds.Units
	at := -1
	for k := 0; k+1 < len(cycle); k++ {
		if i := rowOf[[2]string{cycle[k], cycle[k+1]}]; i >= earlier && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return
	}
	var lines []string
	for k := 0; k+1 < len(cycle); k++ {
		lines = append(lines, lineRef(units[rowOf[[2]string{cycle[k], cycle[k+1]}]].pos, units[at].pos))
	}
	b.errorf(cols.pos(units[at].pos.File, units[at].pos.Line, "successor_code"), "a successor is the unit that continues another; one of these rows is wrong",
		"successor codes form a cycle: %s (rows at %s)", clip(strings.Join(cycle, " → ")), strings.Join(lines, ", "))
}

// rebuildAliases maps every unit name and alias to its code. A name listed
// for two codes maps to neither (the data's own codes decide, as without
// units.csv), with a warning at the later row when it is in the file just
// read.
func (b *builder) rebuildAliases(earlier int) {
	units := b.ds.Units
	type owner struct {
		code string
		row  int
	}
	owners := map[string]owner{}
	ambiguous := map[string]bool{}
	for i := range units {
		u := &units[i]
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			if n == "" {
				continue
			}
			k := Fold(n)
			o, ok := owners[k]
			switch {
			case !ok:
				owners[k] = owner{u.Code, i}
			case o.code != u.Code:
				ambiguous[k] = true
				if i >= earlier {
					b.warnf(u.pos, "a name can belong to one code only; it now identifies neither",
						"name %q is listed for both %s (%s) and %s", clip(n), clip(o.code), lineRef(units[o.row].pos, u.pos), clip(u.Code))
				}
			}
		}
	}
	clear(b.aliases)
	for k, o := range owners {
		if !ambiguous[k] {
			b.aliases[k] = o.code
		}
	}
}

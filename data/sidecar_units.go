package data

import (
	"slices"
	"strings"
)

// units.csv rows become unit lineage here, and are checked first: a unit
// has at most one successor, never itself, and successors never lead back
// to where they started. A name listed for two codes identifies neither.
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
	u := UnitInfo{Code: code, Name: name, Successor: strings.TrimSpace(r.Successor), FromYear: from, ToYear: to,
		pos: Pos{File: t.name, Line: line}}
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
	return u, true
}

// addUnits checks one units file's rows against every units row read so
// far and rebuilds the name and successor maps from all of them. Problems
// are reported at this file's rows (earlier files were checked already).
func (b *builder) addUnits(file string, rows []UnitInfo, cols sidecarCols) {
	earlier := len(b.ds.Units)
	b.ds.Units = append(b.ds.Units, rows...)
	units := b.ds.Units
	succPos := func(u *UnitInfo) Pos { return cols.pos(u.pos.File, u.pos.Line, "successor_code") }

	// one successor per unit
	first := map[string]int{} // code → its first row naming a successor
	conflicted := map[string]bool{}
	for i := range units {
		u := &units[i]
		if u.Successor == "" {
			continue
		}
		j, ok := first[u.Code]
		if !ok {
			first[u.Code] = i
			continue
		}
		if o := &units[j]; o.Successor != u.Successor {
			conflicted[u.Code] = true
			if i >= earlier {
				b.errorf(succPos(u), "parlens follows one successor per unit; for a unit split in two, leave successor_code empty",
					"unit %s has two successors: %s here and %s at %s", clip(u.Code), clip(u.Successor), clip(o.Successor), lineRef(o.pos, u.pos))
			}
		}
	}
	b.ds.successor = map[string]string{}
	for code, i := range first {
		if !conflicted[code] {
			b.ds.successor[code] = units[i].Successor
		}
	}
	b.checkSuccessorCycles(earlier, succPos)
	b.rebuildAliases(earlier)
}

// checkSuccessorCycles reports every successor cycle with a row from the
// file just read (rows from units[earlier:]), at the first such row.
func (b *builder) checkSuccessorCycles(earlier int, succPos func(*UnitInfo) Pos) {
	units := b.ds.Units
	rowOf := map[string]int{} // code → the row giving its successor (the first)
	for i := range units {
		if _, ok := rowOf[units[i].Code]; !ok && units[i].Successor != "" {
			rowOf[units[i].Code] = i
		}
	}
	codes := make([]string, 0, len(b.ds.successor))
	for c := range b.ds.successor {
		codes = append(codes, c)
	}
	slices.Sort(codes)        // the same cycles in the same words, whatever the row order
	state := map[string]int{} // 0 unseen, 1 on the current path, 2 done
	for _, start := range codes {
		var path []string
		c := start
		for state[c] == 0 {
			state[c] = 1
			path = append(path, c)
			next, ok := b.ds.successor[c]
			if !ok {
				c = "" // the end of the line: no cycle
				break
			}
			c = next
		}
		if c != "" && state[c] == 1 { // back on the path: a cycle from c
			cycle := path[slices.Index(path, c):]
			at := -1
			for _, k := range cycle {
				if i := rowOf[k]; i >= earlier && (at < 0 || i < at) {
					at = i
				}
			}
			if at >= 0 {
				var lines []string
				for _, k := range cycle {
					lines = append(lines, lineRef(units[rowOf[k]].pos, units[at].pos))
				}
				b.errorf(succPos(&units[at]), "a successor is the unit that continues another; one of these rows is wrong",
					"successor codes form a cycle: %s → %s (rows at %s)",
					clip(strings.Join(cycle, " → ")), clip(cycle[0]), strings.Join(lines, ", "))
			}
		}
		for _, k := range path {
			state[k] = 2
		}
	}
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

package data

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Shipped lineages are reorganisations parlens knows by name, written by
// province name (data/lineages/*.csv, sourced in SOURCE.md). Applied with
// --lineage NAME, they become successions between the dataset's own units:
// the units whose names match a predecessor before the year, and the unit
// whose name matches its successor from the year on.

//go:embed lineages/*.csv
var lineageFS embed.FS

// ShippedLineage is one embedded reorganisation.
type ShippedLineage struct {
	Name  string
	Year  int               // the successors' first year
	Pairs [][2]string       // predecessor name, successor name (an unchanged unit is its own successor)
	succ  map[string]string // ProvinceKey(predecessor) → ProvinceKey(successor)
	succs map[string]bool   // the successors' keys (succ's values)
	names map[string]string // ProvinceKey → the name as listed
}

var shipped = sync.OnceValue(func() []*ShippedLineage {
	entries, _ := lineageFS.ReadDir("lineages")
	var out []*ShippedLineage
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".csv")
		if !ok {
			continue
		}
		raw, _ := lineageFS.ReadFile("lineages/" + e.Name())
		rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil || len(rows) < 2 {
			panic(fmt.Sprintf("shipped lineage %s: %v", name, err)) // embedded at build time; its test reads it
		}
		l := &ShippedLineage{Name: name, succ: map[string]string{}, succs: map[string]bool{}, names: map[string]string{}}
		for _, r := range rows[1:] {
			y, err := strconv.Atoi(r[2])
			if err != nil || (l.Year != 0 && y != l.Year) {
				panic(fmt.Sprintf("shipped lineage %s: year %q", name, r[2]))
			}
			l.Year = y
			l.Pairs = append(l.Pairs, [2]string{r[0], r[1]})
			l.succ[ProvinceKey(r[0])] = ProvinceKey(r[1])
			l.succs[ProvinceKey(r[1])] = true
			l.names[ProvinceKey(r[0])], l.names[ProvinceKey(r[1])] = r[0], r[1]
		}
		out = append(out, l)
	}
	return out
})

// ShippedLineages lists the names --lineage accepts.
func ShippedLineages() []string {
	var out []string
	for _, l := range shipped() {
		out = append(out, l.Name)
	}
	return out
}

// LookupLineage returns a shipped lineage by name.
func LookupLineage(name string) (*ShippedLineage, bool) {
	for _, l := range shipped() {
		if l.Name == name {
			return l, true
		}
	}
	return nil, false
}

// Predecessors lists the names of the units joined into successor (itself
// first when it continues), as listed.
func (l *ShippedLineage) Predecessors(successor string) []string {
	k := ProvinceKey(successor)
	var self, others []string
	for _, p := range l.Pairs {
		if ProvinceKey(p[1]) != k {
			continue
		}
		if ProvinceKey(p[0]) == k {
			self = append(self, p[0])
		} else {
			others = append(others, p[0])
		}
	}
	return append(self, others...)
}

// provinceAliases are the ways the press writes a province that folding
// and dropping "Tỉnh", "Thành phố" or "TP." do not reach.
var provinceAliases = map[string]string{
	"thua thien hue": "hue",
	"hcm":            "ho chi minh",
	"tphcm":          "ho chi minh",
	"sai gon":        "ho chi minh",
	"brvt":           "ba ria vung tau",
	"bac can":        "bac kan",
}

// ProvinceKey is the identity of a province name as the press writes it:
// folded (any case, accents, NFC or NFD, punctuation), without a leading
// "Tỉnh", "Thành phố" or "TP.", with the usual short forms resolved:
// "Thừa Thiên - Huế" and "Huế" are "hue", "TP HCM" is "ho chi minh".
func ProvinceKey(name string) string {
	k := Fold(name)
	for stripped := true; stripped; {
		stripped = false
		for _, p := range []string{"tinh ", "thanh pho ", "tp "} {
			if rest, ok := strings.CutPrefix(k, p); ok && rest != "" {
				k, stripped = rest, true
			}
		}
	}
	if a, ok := provinceAliases[k]; ok {
		return a
	}
	return k
}

// matches counts the distinct predecessor names of l among the units with
// a record before its year, and of successor names from its year on.
func (l *ShippedLineage) matches(recs []Record) (before, after int) {
	pre, post := map[string]bool{}, map[string]bool{}
	for i := range recs {
		r := &recs[i]
		k := ProvinceKey(r.Unit)
		if r.Year < l.Year {
			if _, ok := l.succ[k]; ok {
				pre[k] = true
			}
		} else if l.succs[k] {
			post[k] = true
		}
	}
	return len(pre), len(post)
}

// SuggestLineage names a shipped lineage the dataset looks made for: it
// holds results before and from its year, under at least a third of its
// predecessor names and a third of its successor names. check offers it.
func SuggestLineage(ds *Dataset) (name string, before, after int, ok bool) {
	for _, l := range shipped() {
		b, a := l.matches(ds.Records)
		if 3*b >= len(l.succ) && 3*a >= len(l.succs) {
			return l.Name, b, a, true
		}
	}
	return "", 0, 0, false
}

// applyLineage turns the shipped lineage opt.Lineage into successions
// between the dataset's units (records have their ids). A predecessor with
// results from the year on, or a successor name carried by two units, is
// warned about; a lineage that matches no unit is an error (it was asked for).
func (b *builder) applyLineage() {
	name := b.opt.Lineage
	if name == "" {
		return
	}
	l, ok := LookupLineage(name)
	if !ok {
		b.errorf(Pos{File: "--lineage"}, "shipped lineages: "+strings.Join(ShippedLineages(), ", "), "unknown lineage %q", clip(name))
		return
	}
	recs := b.ds.Records
	pre := map[string][]string{}  // predecessor key → unit ids before the year
	post := map[string][]string{} // successor key → unit ids from the year on
	late := map[string]string{}   // merged-away key → a name seen from the year on
	for i := range recs {
		r := &recs[i]
		k := ProvinceKey(r.Unit)
		if r.Year < l.Year {
			if _, ok := l.succ[k]; ok && !slices.Contains(pre[k], r.UnitID) {
				pre[k] = append(pre[k], r.UnitID)
			}
			continue
		}
		if l.succs[k] {
			if !slices.Contains(post[k], r.UnitID) {
				post[k] = append(post[k], r.UnitID)
			}
		} else if _, ok := l.succ[k]; ok {
			late[k] = r.Unit
		}
	}
	if len(pre) == 0 && len(post) == 0 {
		b.errorf(Pos{File: "--lineage"}, "the lineage is for data holding these names before and after "+strconv.Itoa(l.Year),
			"lineage %s matches no unit of the data", name)
		return
	}
	for _, k := range slices.Sorted(maps.Keys(late)) {
		b.warnf(Pos{File: "--lineage"}, "check the year of those rows",
			"%s has results from %d, when it was part of %s (lineage %s)", clip(late[k]), l.Year, l.names[l.succ[k]], name)
	}
	have := map[string]string{} // units.csv's successions: from → to
	for _, s := range b.ds.Lineage {
		have[s.From] = s.To
	}
	joined := 0 // predecessors passed on, by the lineage or as units.csv already says
	for _, sk := range slices.Sorted(maps.Keys(post)) {
		ids := post[sk]
		if len(ids) > 1 {
			b.warnf(Pos{File: "--lineage"}, "give the units one code or one spelling (units.csv aliases)",
				"%s is carried by %d units from %d (%s): lineage %s leaves it out", l.names[sk], len(ids), l.Year, strings.Join(ids, ", "), name)
			continue
		}
		to := ids[0]
		for _, pk := range slices.Sorted(maps.Keys(l.succ)) {
			if l.succ[pk] != sk {
				continue
			}
			for _, from := range pre[pk] {
				if from == to {
					continue // continues under its own id
				}
				if t, ok := have[from]; ok {
					if t != to { // units.csv wins, and the reader is told
						b.warnf(Pos{File: "--lineage"}, "units.csv is kept; remove its row to follow the lineage",
							"units.csv passes %s to %s where lineage %s passes it to %s", clip(from), clip(t), name, clip(to))
					} else {
						joined++
					}
					continue
				}
				have[from] = to
				joined++
				b.ds.Lineage = append(b.ds.Lineage, Succession{From: from, To: to, Year: l.Year, Weight: 1, Source: name})
				if b.ds.successor == nil {
					b.ds.successor = map[string]string{}
				}
				b.ds.successor[from] = to
			}
		}
	}
	if joined == 0 {
		b.warnf(Pos{File: "--lineage"}, "the lineage joins units with results before "+strconv.Itoa(l.Year)+" to units with results from it",
			"lineage %s adds no succession to the data", name)
	}
}

package data

import (
	"fmt"
	"runtime"
	"slices"
	"sort"

	"github.com/parlens/parlens/data/join"
)

// Once every file is read, the builder settles the records as a whole: unit
// identities, duplicates, name changes, order. These passes touch every
// record, so they work on small numbers (recordKeys) computed in one pass on
// every core, and read a record itself only where they must.

// result finishes the dataset: unit identities, duplicates, name changes, order.
func (b *builder) result() *Result {
	d := b.ds
	b.rollUp()
	b.checkApplicableSchemes()
	keys := b.assignIdentities()
	b.applyLineage()
	b.findDuplicates(&keys)
	b.warnNameChanges(&keys)
	d.Records = sortRecords(d.Records, keys.groups, keys.groupKeys)
	for _, i := range b.issues {
		if i.Severity == Warning {
			d.Warnings = append(d.Warnings, i)
		}
	}
	return &Result{Dataset: d, Issues: b.issues}
}

// recordKeys are the records' units and (index, year, bloc) groups as
// ordinals 0, 1, 2… in first-seen order, one per record.
type recordKeys struct {
	units     []int32
	nUnits    int
	groups    []int32
	groupKeys []Slice
}

// assignIdentities gives every record its UnitID: its code (through units.csv
// aliases), else a code learned from another row with the same name, else the
// folded name. It returns the records' keys.
func (b *builder) assignIdentities() recordKeys {
	d := b.ds
	keys, needNames := b.numberRecords()
	if !needNames {
		return keys
	}
	nameToCode := map[string]string{}
	ambiguous := map[string]bool{}
	for k, v := range b.aliases {
		nameToCode[k] = v
	}
	for i := range d.Records {
		r := &d.Records[i]
		if r.UnitCode == "" {
			continue
		}
		k := b.fold(r.Unit)
		c, ok := nameToCode[k]
		switch {
		case !ok:
			nameToCode[k] = r.UnitCode
		case c != r.UnitCode && b.aliases[k] == "":
			ambiguous[k] = true
		}
	}
	for i := range d.Records {
		r := &d.Records[i]
		if r.UnitCode != "" {
			continue
		}
		k := b.fold(r.Unit)
		if c, ok := nameToCode[k]; ok && !ambiguous[k] {
			r.UnitID = c
		} else {
			r.UnitID = b.intern(nameID(k))
		}
	}
	keys, _ = b.numberRecords() // the units again, now every record has its id
	return keys
}

// minParallelRecords: fewer records than this are settled on one
// goroutine (a var, so tests can cut small datasets into parts).
var minParallelRecords = 50000

// recordParts is how many parts the record passes cut n records into.
func recordParts(n int) int {
	if n >= minParallelRecords {
		return runtime.GOMAXPROCS(0)
	}
	return 1
}

// keyPart is the keys of the records [from, to), numbered on their own
// (local ordinals); numberRecords joins the parts.
type keyPart struct {
	from, to  int
	units     []int32
	unitKeys  []string // local unit ordinal → unit id
	groups    []int32
	groupKeys []Slice // local group ordinal → group
	uncoded   bool    // a record has no unit code
	// unitsLeft: the loader could not number the units of records without
	// a code; units says nothing then (see addCoded)
	unitsLeft bool
}

// partNumberer numbers records one after another into a keyPart. The wide
// loader runs one per chunk while the record is at hand; numberRecords runs
// them over the records no loader numbered.
type partNumberer struct {
	kp           keyPart
	unitSeq      sequence
	groupOrd     map[Slice]int32
	recentGroups recent[Slice, int32]
}

func newPartNumberer(from, capacity int) *partNumberer {
	return &partNumberer{
		kp:       keyPart{from: from, to: from, units: make([]int32, 0, capacity), groups: make([]int32, 0, capacity)},
		groupOrd: map[Slice]int32{},
	}
}

func same(s string) string { return s }

// add numbers the next record, first setting its UnitID to its unit code
// when it has one (records without are left to assignIdentities).
func (p *partNumberer) add(r *Record) {
	if r.UnitCode != "" {
		r.UnitID = r.UnitCode
	} else {
		p.kp.uncoded = true
	}
	_, o := p.unitSeq.number(r.UnitID, same)
	p.kp.units = append(p.kp.units, o)
	p.addGroup(r)
}

// addCoded is add for a record whose code the loader numbered already:
// code is its ordinal among the loader's codes, -1 when it has none.
// The part's unit ids are then the loader's codes (see part).
func (p *partNumberer) addCoded(r *Record, code int32) {
	if code >= 0 {
		r.UnitID = r.UnitCode
	} else {
		p.kp.uncoded, p.kp.unitsLeft = true, true // numbered again once names are settled
		code = 0
	}
	p.kp.units = append(p.kp.units, code)
	p.addGroup(r)
}

func (p *partNumberer) addGroup(r *Record) {
	g := SliceOf(r)
	o, ok := p.recentGroups.get(g)
	if !ok {
		if o, ok = p.groupOrd[g]; !ok {
			o = int32(len(p.kp.groupKeys))
			p.groupOrd[g] = o
			p.kp.groupKeys = append(p.kp.groupKeys, g)
		}
		p.recentGroups.put(g, o)
	}
	p.kp.groups = append(p.kp.groups, o)
	p.kp.to++
}

// part returns the numbers made; codes are the loader's, after addCoded.
func (p *partNumberer) part(codes []string) keyPart {
	kp := p.kp
	kp.unitKeys = p.unitSeq.vals
	if codes != nil {
		kp.unitKeys = codes
	}
	return kp
}

// numberRecords sets UnitID to the unit code where there is one and numbers
// units and groups: it takes the parts the loaders numbered (b.keyParts),
// numbers the rest on every core, and joins the parts in order, so the
// numbers are in first-seen order overall. needNames reports records
// without a code, whose identity (and unit ordinal) assignIdentities still
// has to settle.
func (b *builder) numberRecords() (keys recordKeys, needNames bool) {
	recs := b.ds.Records
	var parts []*keyPart
	type job struct {
		n      *partNumberer
		to     int
		result *keyPart
	}
	var jobs []job
	gap := func(from, to int) {
		n := recordParts(to - from)
		for k := range n {
			lo, hi := from+k*(to-from)/n, from+(k+1)*(to-from)/n
			if lo < hi {
				j := job{newPartNumberer(lo, hi-lo), hi, new(keyPart)}
				jobs = append(jobs, j)
				parts = append(parts, j.result)
			}
		}
	}
	at := 0
	for i := range b.keyParts {
		p := &b.keyParts[i]
		if p.from < at || p.to > len(recs) || p.to-p.from != len(p.units) {
			parts, jobs, at = nil, nil, 0 // not the records as they are now: number them all
			break
		}
		if p.from > at {
			gap(at, p.from)
		}
		if p.to > p.from {
			parts = append(parts, p)
		}
		at = p.to
	}
	gap(at, len(recs))
	var wg join.Group
	for _, j := range jobs {
		wg.Go(func() {
			for i := j.n.kp.from; i < j.to; i++ {
				j.n.add(&recs[i])
			}
			*j.result = j.n.part(nil)
		})
	}
	wg.Wait()
	keys.units = make([]int32, len(recs))
	keys.groups = make([]int32, len(recs))
	// Each part lists its units in first-seen order, much the order of the
	// part before: a sequence finds most of them by prediction, not a
	// lookup in a map of every unit.
	var unitSeq sequence
	if len(parts) > 0 {
		unitSeq.expect(len(parts[0].unitKeys))
	}
	groupMap := map[Slice]int32{}
	for _, p := range parts {
		needNames = needNames || p.uncoded
		unitTrans := make([]int32, len(p.unitKeys))
		for lo, id := range p.unitKeys {
			_, unitTrans[lo] = unitSeq.number(id, same)
		}
		groupTrans := make([]int32, len(p.groupKeys))
		for lo, gk := range p.groupKeys {
			g, ok := groupMap[gk]
			if !ok {
				g = int32(len(keys.groupKeys))
				groupMap[gk] = g
				keys.groupKeys = append(keys.groupKeys, gk)
			}
			groupTrans[lo] = g
		}
		if !p.unitsLeft {
			for j, u := range p.units {
				keys.units[p.from+j] = unitTrans[u]
			}
		}
		for j, g := range p.groups {
			keys.groups[p.from+j] = groupTrans[g]
		}
	}
	keys.nUnits = len(unitSeq.vals)
	b.keyParts = nil
	return keys, needNames
}

// findDuplicates reports the same (index, year, unit) twice: an error when the
// values differ, a warning when the row is repeated exactly (kept once). It
// looks (index year, unit) pairs up in a table of ordinals, reading a
// record only when it is a duplicate, and drops the records not kept from
// the records and their keys alike.
func (b *builder) findDuplicates(keys *recordKeys) {
	d := b.ds
	// the (index, year) of each group, numbered
	years := make([]int32, len(keys.groupKeys))
	yearOrd := map[Slice]int32{}
	for g, k := range keys.groupKeys {
		k.Bloc = ""
		o, ok := yearOrd[k]
		if !ok {
			o = int32(len(yearOrd))
			yearOrd[k] = o
		}
		years[g] = o
	}
	nUnits := int64(keys.nUnits)
	// seen: the kept record of each (index year, unit), +1; dense when small enough
	var dense []int32
	var sparse map[int64]int32
	if cells := int64(len(yearOrd)) * nUnits; cells <= 4*int64(len(d.Records))+1<<20 {
		dense = make([]int32, cells)
	} else {
		sparse = make(map[int64]int32, len(d.Records))
	}
	kept := 0
	for i := range d.Records {
		k := int64(years[keys.groups[i]])*nUnits + int64(keys.units[i])
		var j int32
		if dense != nil {
			j = dense[k]
		} else {
			j = sparse[k]
		}
		if j > 0 {
			r, first := &d.Records[i], &d.Records[j-1]
			if sameValues(first, r) {
				b.warnf(r.Pos, "delete one of the two rows", "%s appears twice in %s %d with the same values (also at %s); kept once",
					clip(r.Unit), clip(r.Index), r.Year, lineRef(first.Pos, r.Pos))
				continue
			}
			b.errorf(r.Pos, "keep one row per unit and year", "%s appears twice in %s %d with different values (also at %s)",
				clip(r.Unit), clip(r.Index), r.Year, lineRef(first.Pos, r.Pos))
			continue
		}
		if dense != nil {
			dense[k] = int32(kept + 1)
		} else {
			sparse[k] = int32(kept + 1)
		}
		if kept != i { // after a duplicate: move down, in place
			d.Records[kept] = d.Records[i]
			keys.units[kept], keys.groups[kept] = keys.units[i], keys.groups[i]
		}
		kept++
	}
	clear(d.Records[kept:]) // let the dropped rows' strings go
	d.Records = d.Records[:kept]
	keys.units, keys.groups = keys.units[:kept], keys.groups[:kept]
}

// lineRef names another position, shortening it when it is in the same file.
func lineRef(p, here Pos) string {
	if p.File == here.File {
		return fmt.Sprintf("line %d", p.Line)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

func sameValues(a, c *Record) bool {
	if !sameFloat(a.Total, c.Total) || a.Grade != c.Grade || a.PublishedRank != c.PublishedRank ||
		a.NotRanked != c.NotRanked || Fold(a.Bloc) != Fold(c.Bloc) || !sameNotes(a, c) {
		return false
	}
	n := max(a.NumScores(), c.NumScores())
	for i := 0; i < n; i++ {
		if !sameFloat(a.Score(i), c.Score(i)) {
			return false
		}
	}
	return true
}

func sameFloat(x, y float64) bool {
	return (IsMissing(x) && IsMissing(y)) || x == y
}

// warnNameChanges reports a code whose unit name changed (beyond accents and
// case). A record with a code has the code as its unit id, so its unit
// ordinal stands for the code.
func (b *builder) warnNameChanges(keys *recordKeys) {
	recs := b.ds.Records
	order := byYear(keys)
	// Each part of the order finds its units' first coded records, the
	// earliest part's wins; then each part lists its records named
	// otherwise than their unit's first, on every core. Names rarely
	// change: the few listed are checked here, in order.
	// part → unit → its first record there, or -1
	firstIn := inRecordParts(len(order), func(from, to int) []int32 {
		first := make([]int32, keys.nUnits)
		for u := range first {
			first[u] = -1
		}
		for _, i := range order[from:to] {
			if u := keys.units[i]; first[u] < 0 && recs[i].UnitCode != "" {
				first[u] = i
			}
		}
		return first
	})
	first := firstIn[0]
	for _, later := range firstIn[1:] {
		for u, i := range later {
			if first[u] < 0 {
				first[u] = i
			}
		}
	}
	firstName := make([]string, keys.nUnits) // side by side: a record's is found without reading another record
	for u, i := range first {
		if i >= 0 {
			firstName[u] = recs[i].Unit
		}
	}
	// part → its records named otherwise beyond accents and case, in
	// order, with both names folded: the first of each unit and name
	// only, as what is said of one depends on nothing else
	type rename struct {
		i        int32
		was, now string // folded
	}
	renamed := inRecordParts(len(order), func(from, to int) (renamed []rename) {
		var listed []string // unit → the name last listed
		for _, i := range order[from:to] {
			if r := &recs[i]; r.UnitCode != "" {
				if u := keys.units[i]; firstName[u] != r.Unit {
					if listed == nil {
						listed = make([]string, keys.nUnits)
					}
					if listed[u] == r.Unit {
						continue
					}
					listed[u] = r.Unit
					if was, now := Fold(firstName[u]), Fold(r.Unit); was != now {
						renamed = append(renamed, rename{i, was, now})
					}
				}
			}
		}
		return renamed
	})
	reported := map[string]bool{}
	for _, part := range renamed {
		for _, n := range part {
			r, s := &recs[n.i], &recs[first[keys.units[n.i]]]
			if b.aliases[n.was] == r.UnitCode && b.aliases[n.now] == r.UnitCode {
				continue // a rename units.csv already records
			}
			if key := r.UnitCode + "\x00" + n.now; !reported[key] {
				reported[key] = true
				b.warnf(r.Pos, "fine if the unit was renamed; list old names as aliases in units.csv",
					"unit %s is named %q in %d and %q in %d", clip(r.UnitCode), clip(s.Unit), s.Year, clip(r.Unit), r.Year)
			}
		}
	}
}

// byYear lists record positions ordered by year, in input order within a
// year: a stable counting sort over the groups' years, which are few.
func byYear(keys *recordKeys) []int32 {
	var years []int
	for _, k := range keys.groupKeys {
		years = append(years, k.Year)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	yearOf := make([]int32, len(keys.groupKeys)) // group → year's place
	for g, k := range keys.groupKeys {
		y, _ := slices.BinarySearch(years, k.Year)
		yearOf[g] = int32(y)
	}
	start := make([]int, len(years)+1)
	for _, g := range keys.groups {
		start[yearOf[g]+1]++
	}
	for y := 1; y < len(start); y++ {
		start[y] += start[y-1]
	}
	order := make([]int32, len(keys.groups))
	for i, g := range keys.groups {
		y := yearOf[g]
		order[start[y]] = int32(i)
		start[y]++
	}
	return order
}

// sortRecords orders records by index (CompareIndices: the main index
// first), by bloc as first seen, and by year;
// rows keep their input order within a group. groups and keys are the
// records' (index, year, bloc) ordinals (recordKeys). A counting sort over
// the groups: one pass to count, one to place. It returns the sorted
// records (recs itself, reordered in place).
func sortRecords(recs []Record, ids []int32, keys []Slice) []Record {
	type group struct {
		index int
		year  int
		bloc  int
	}
	indexOrder, blocOrder := map[string]int{}, map[[2]string]int{}
	var names []string
	for _, k := range keys {
		if _, ok := indexOrder[k.Index]; !ok {
			indexOrder[k.Index] = 0
			names = append(names, k.Index)
		}
	}
	SortIndices(names)
	for i, n := range names {
		indexOrder[n] = i
	}
	groups := make([]group, len(keys))
	for gi, k := range keys { // groups are in first-seen order, so their blocs are too
		io := indexOrder[k.Index]
		bk := [2]string{k.Index, k.Bloc}
		bo, ok := blocOrder[bk]
		if !ok {
			bo = len(blocOrder)
			blocOrder[bk] = bo
		}
		groups[gi] = group{io, k.Year, bo}
	}
	sorted := true
	for i := 1; i < len(ids) && sorted; i++ {
		if ids[i] == ids[i-1] {
			continue
		}
		p, g := groups[ids[i-1]], groups[ids[i]]
		sorted = p.index < g.index || p.index == g.index && (p.year < g.year || p.year == g.year && p.bloc <= g.bloc)
	}
	if sorted {
		return recs
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, c int) bool {
		x, y := groups[order[a]], groups[order[c]]
		if x.index != y.index {
			return x.index < y.index
		}
		if x.year != y.year {
			return x.year < y.year
		}
		return x.bloc < y.bloc
	})
	start := make([]int, len(groups))
	counts := make([]int, len(groups))
	for _, id := range ids {
		counts[id]++
	}
	at := 0
	for _, id := range order {
		start[id] = at
		at += counts[id]
	}
	// src[p] is the record that belongs at p. Following the cycles of the
	// permutation moves every record once, in place: no second array.
	src := make([]int32, len(recs))
	for i, id := range ids {
		src[start[id]] = int32(i)
		start[id]++
	}
	// Where the records before p all belong before p (a year's records
	// come before the next year's, as files are often written), no cycle
	// crosses p: big loads move the ranges between such cuts on every core.
	parts := recordParts(len(recs))
	bounds := []int{0}
	reach := -1 // the farthest source of the positions so far
	for p, s := range src {
		reach = max(reach, int(s))
		if reach == p && p+1 >= len(recs)*len(bounds)/parts && p+1 < len(recs) {
			bounds = append(bounds, p+1)
		}
	}
	bounds = append(bounds, len(recs))
	inRanges(bounds, func(_, from, to int) { moveCycles(recs, src, from, to) })
	return recs
}

// moveCycles puts at each position p in [from, to) the record src[p],
// following the permutation's cycles that start there (a cycle through
// [from, to) stays in it) and marking the positions done with -1.
func moveCycles(recs []Record, src []int32, from, to int) {
	for p := from; p < to; p++ {
		if src[p] < 0 || int(src[p]) == p {
			continue
		}
		tmp := recs[p]
		q := p
		for {
			s := int(src[q])
			src[q] = -1
			if s == p {
				recs[q] = tmp
				break
			}
			recs[q] = recs[s]
			q = s
		}
	}
}

func sameNotes(a, c *Record) bool {
	x, okx := a.SelfAssessed()
	y, oky := c.SelfAssessed()
	return okx == oky && x == y && slices.Equal(a.MissingParts(), c.MissingParts())
}

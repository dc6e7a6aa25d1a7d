package data

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// maxIssuesPerFile stops a hopeless file from flooding the report.
const maxIssuesPerFile = 200

// builder assembles a Dataset from many files.
type builder struct {
	ds       *Dataset
	opt      Options
	issues   []Issue
	perFile  map[string]int
	compByID map[string]int // folded name or code → index in ds.Components
	indexes  map[string]string
	blocs    map[string]string
	aliases  map[string]string // folded unit name or alias → unit code (units.csv)
	sidecars map[string]bool   // sidecar paths already read
	flagged  map[string]bool   // sidecar kinds given by flag: don't discover them

	// Caches: the same names, blocs and grades repeat on every row and year.
	folds   map[string]string
	strs    map[string]string
	gradeOK map[gradeKey]bool
	canon   map[string]string // raw index or bloc cell → canonical spelling
}

type gradeKey struct {
	index, bloc string
	year        int
	grade       string
}

// fold is Fold, memoised.
func (b *builder) fold(s string) string {
	if f, ok := b.folds[s]; ok {
		return f
	}
	f := Fold(s)
	b.folds[strings.Clone(s)] = f
	return f
}

// intern returns one shared copy of a string, so a record does not keep its
// whole CSV line alive and repeated names cost nothing.
func (b *builder) intern(s string) string {
	if c, ok := b.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	b.strs[c] = c
	return c
}

// canonical returns the first spelling seen of a name, so "Khối Sở" and
// "khối sở" are one bloc shown one way.
func (b *builder) canonical(m map[string]string, name string) string {
	if c, ok := b.canon[name]; ok {
		return c
	}
	k := b.fold(name)
	defer func() { b.canon[strings.Clone(name)] = m[k] }()
	if c, ok := m[k]; ok {
		return c
	}
	name = b.intern(name)
	m[k] = name
	return name
}

func newBuilder(opt Options) *builder {
	return &builder{
		ds:       &Dataset{Label: opt.Label, successor: map[string]string{}},
		opt:      opt,
		perFile:  map[string]int{},
		compByID: map[string]int{},
		indexes:  map[string]string{},
		blocs:    map[string]string{},
		aliases:  map[string]string{},
		sidecars: map[string]bool{},
		flagged:  map[string]bool{},
		folds:    map[string]string{},
		strs:     map[string]string{},
		gradeOK:  map[gradeKey]bool{},
		canon:    map[string]string{},
	}
}

func (b *builder) add(sev Severity, pos Pos, hint, format string, args ...any) {
	n := b.perFile[pos.File]
	b.perFile[pos.File] = n + 1
	switch {
	case n == maxIssuesPerFile:
		b.issues = append(b.issues, Issue{Severity: sev, Pos: Pos{File: pos.File},
			Msg: "too many problems in this file; the rest are not listed"})
		return
	case n > maxIssuesPerFile:
		if sev == Error && b.perFile[pos.File+"\x00err"] == 0 {
			break // the first error of a file is always listed, so the load fails
		}
		return
	}
	if sev == Error {
		b.perFile[pos.File+"\x00err"]++
	}
	b.issues = append(b.issues, Issue{Severity: sev, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (b *builder) errorf(pos Pos, hint, format string, args ...any) {
	b.add(Error, pos, hint, format, args...)
}

func (b *builder) warnf(pos Pos, hint, format string, args ...any) {
	b.add(Warning, pos, hint, format, args...)
}

func (b *builder) readSidecarFlags(opt Options, open func(string) (input, bool)) {
	for kind, p := range map[string]string{"components": opt.Components, "grades": opt.Grades, "units": opt.Units} {
		if p == "" {
			continue
		}
		b.flagged[kind] = true
		in, ok := open(p)
		if !ok {
			b.errorf(Pos{File: p}, "check the --"+kind+" path", "cannot read %s file", kind)
			continue
		}
		b.readSidecar(kind, in)
	}
}

// run reads sidecars found next to the inputs first (they define component
// maxima and unit aliases the data rows need), then every data file.
func (b *builder) run(inputs []input, open func(dir, name string) (input, bool)) {
	for _, name := range []string{"components.csv", "grades.csv", "units.csv"} {
		kind := sidecarNames[name]
		if b.flagged[kind] {
			continue
		}
		for _, in := range inputs {
			if in.dir == "" {
				continue
			}
			if sc, ok := open(in.dir, name); ok && !b.sidecars[sc.name] {
				b.readSidecar(kind, sc)
			}
		}
	}
	for _, in := range inputs {
		raw, ok := b.readInput(in)
		if !ok {
			continue
		}
		t, issue := openTable(in.name, raw)
		if issue != nil {
			b.issues = append(b.issues, *issue)
			continue
		}
		b.readData(t)
		b.ds.Files = append(b.ds.Files, t.info)
	}
	switch {
	case b.countErrors() > 0:
	case len(inputs) == 0:
		b.errorf(Pos{}, "name a CSV file or a directory of them", "no data files given")
	case len(b.ds.Records) == 0:
		b.errorf(Pos{File: inputs[0].name}, "add data rows under the header", "no data rows in the input")
	}
}

func (b *builder) readInput(in input) ([]byte, bool) {
	limit := maxBytes(b.opt)
	if in.size > limit {
		b.errorf(Pos{File: in.name}, "raise the limit with --max-bytes if the file is right",
			"file is %s, over the limit of %s", humanBytes(in.size), humanBytes(limit))
		return nil, false
	}
	raw, err := in.read()
	if err == nil && int64(len(raw)) > limit {
		err = errTooBig(limit)
	}
	if err != nil {
		b.errorf(Pos{File: in.name}, "", "%s", cleanOSError(err))
		return nil, false
	}
	return raw, true
}

func (b *builder) countErrors() int {
	n := 0
	for _, i := range b.issues {
		if i.Severity == Error {
			n++
		}
	}
	return n
}

// component returns the index of a component column, registering it when new.
func (b *builder) component(name string) int {
	k := b.fold(name)
	if i, ok := b.compByID[k]; ok {
		b.ds.Components[i].Name = name
		return i
	}
	b.ds.Components = append(b.ds.Components, Component{Key: k, Name: name, Bonus: isBonusName(name)})
	i := len(b.ds.Components) - 1
	b.compByID[k] = i
	return i
}

// result finishes the dataset: unit identities, duplicates, order, name changes.
func (b *builder) result() *Result {
	d := b.ds
	b.assignIdentities()
	b.findDuplicates()
	b.warnNameChanges()
	sortRecords(d.Records)
	for _, i := range b.issues {
		if i.Severity == Warning {
			d.Warnings = append(d.Warnings, i)
		}
	}
	return &Result{Dataset: d, Issues: b.issues}
}

// assignIdentities gives every record its UnitID: its code (through units.csv
// aliases), else a code learned from another row with the same name, else the
// folded name.
func (b *builder) assignIdentities() {
	d := b.ds
	needNames := false
	for i := range d.Records {
		if d.Records[i].UnitCode == "" {
			needNames = true
			break
		}
	}
	var nameToCode map[string]string
	ambiguous := map[string]bool{}
	if needNames {
		nameToCode = map[string]string{}
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
	}
	for i := range d.Records {
		r := &d.Records[i]
		if r.UnitCode != "" {
			r.UnitID = r.UnitCode
			continue
		}
		k := b.fold(r.Unit)
		if c, ok := nameToCode[k]; ok && !ambiguous[k] {
			r.UnitID = c
		} else {
			r.UnitID = b.intern("~" + k) // "~" keeps folded names apart from codes
		}
	}
}

// findDuplicates reports the same (index, year, unit) twice: an error when the
// values differ, a warning when the row is repeated exactly (kept once).
// Units get small ordinals so the check hashes each unit id once, not each row.
func (b *builder) findDuplicates() {
	d := b.ds
	unitOrd := map[string]int32{}
	type group struct {
		index string
		year  int
	}
	groupOrd := map[group]int32{}
	type key struct{ group, unit int32 }
	seen := make(map[key]int, len(d.Records))
	lastUnit, lastGroup := "", group{}
	var lastUnitOrd, lastGroupOrd int32 = -1, -1
	keep := d.Records[:0]
	for i := range d.Records {
		r := d.Records[i]
		if r.UnitID != lastUnit || lastUnitOrd < 0 {
			o, ok := unitOrd[r.UnitID]
			if !ok {
				o = int32(len(unitOrd))
				unitOrd[r.UnitID] = o
			}
			lastUnit, lastUnitOrd = r.UnitID, o
		}
		g := group{r.Index, r.Year}
		if g != lastGroup || lastGroupOrd < 0 {
			o, ok := groupOrd[g]
			if !ok {
				o = int32(len(groupOrd))
				groupOrd[g] = o
			}
			lastGroup, lastGroupOrd = g, o
		}
		k := key{lastGroupOrd, lastUnitOrd}
		if j, ok := seen[k]; ok {
			first := &keep[j]
			if sameValues(first, &r) {
				b.warnf(r.Pos, "delete one of the two rows", "%s appears twice in %s %d with the same values (also at %s); kept once",
					r.Unit, r.Index, r.Year, lineRef(first.Pos, r.Pos))
				continue
			}
			b.errorf(r.Pos, "keep one row per unit and year", "%s appears twice in %s %d with different values (also at %s)",
				r.Unit, r.Index, r.Year, lineRef(first.Pos, r.Pos))
			continue
		}
		seen[k] = len(keep)
		keep = append(keep, r)
	}
	d.Records = keep
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
		a.NotRanked != c.NotRanked || Fold(a.Bloc) != Fold(c.Bloc) {
		return false
	}
	n := max(len(a.Scores), len(c.Scores))
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

// warnNameChanges reports a code whose unit name changed (beyond accents and case).
func (b *builder) warnNameChanges() {
	type seen struct {
		name string
		pos  Pos
		year int
	}
	first := map[string]seen{}
	reported := map[string]bool{}
	order := make([]int, len(b.ds.Records))
	for i := range order {
		order[i] = i
	}
	recs := b.ds.Records
	sort.SliceStable(order, func(i, j int) bool { return recs[order[i]].Year < recs[order[j]].Year })
	for _, i := range order {
		r := &recs[i]
		if r.UnitCode == "" {
			continue
		}
		s, ok := first[r.UnitCode]
		if !ok {
			first[r.UnitCode] = seen{r.Unit, r.Pos, r.Year}
			continue
		}
		if s.name == r.Unit || (b.aliases[b.fold(s.name)] == r.UnitCode && b.aliases[b.fold(r.Unit)] == r.UnitCode) {
			continue // same name, or a rename units.csv already records
		}
		key := r.UnitCode + "\x00" + b.fold(r.Unit)
		if b.fold(s.name) != b.fold(r.Unit) && !reported[key] {
			reported[key] = true
			b.warnf(r.Pos, "fine if the unit was renamed; list old names as aliases in units.csv",
				"unit %s is named %q in %d and %q in %d", r.UnitCode, s.name, s.year, r.Unit, r.Year)
		}
	}
}

// roundTo rounds a computed sum to the decimals its parts were written with,
// so 61.86 + 28.1 is 89.96, not 89.96000000000001.
func roundTo(v float64, decimals int) float64 {
	if decimals > 6 {
		return v
	}
	p := math.Pow10(decimals)
	return math.Round(v*p) / p
}

func yearFromName(name string) int {
	base := name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	for i := 0; i+4 <= len(base); i++ {
		if (i > 0 && isDigit(base[i-1])) || (i+4 < len(base) && isDigit(base[i+4])) {
			continue
		}
		s := base[i : i+4]
		if (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && isDigit(s[2]) && isDigit(s[3]) {
			return int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sortRecords orders records by index and bloc as first seen, and by year;
// rows keep their input order within a group. A counting sort over the
// (index, year, bloc) groups: one pass to count, one to place.
func sortRecords(recs []Record) {
	type group struct {
		index int
		year  int
		bloc  int
	}
	indexOrder, blocOrder := map[string]int{}, map[[2]string]int{}
	gid := map[group]int{}
	var groups []group
	ids := make([]int32, len(recs))
	sorted := true
	lastIndex, lastBloc := "", ""
	io, bo := -1, -1
	for i := range recs {
		r := &recs[i]
		if r.Index != lastIndex || io < 0 {
			o, ok := indexOrder[r.Index]
			if !ok {
				o = len(indexOrder)
				indexOrder[r.Index] = o
			}
			io, lastIndex, bo = o, r.Index, -1
		}
		if r.Bloc != lastBloc || bo < 0 {
			k := [2]string{r.Index, r.Bloc}
			o, ok := blocOrder[k]
			if !ok {
				o = len(blocOrder)
				blocOrder[k] = o
			}
			bo, lastBloc = o, r.Bloc
		}
		g := group{io, r.Year, bo}
		id, ok := gid[g]
		if !ok {
			id = len(groups)
			gid[g] = id
			groups = append(groups, g)
		}
		ids[i] = int32(id)
		if i > 0 && sorted {
			p := groups[ids[i-1]]
			sorted = p.index < g.index || p.index == g.index && (p.year < g.year || p.year == g.year && p.bloc <= g.bloc)
		}
	}
	if sorted {
		return
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
	out := make([]Record, len(recs))
	for i, id := range ids {
		out[start[id]] = recs[i]
		start[id]++
	}
	copy(recs, out)
}

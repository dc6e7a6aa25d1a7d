package data

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
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

	lastGrade struct { // the last gradeOK answer: rows repeat it
		k       gradeKey
		ok, set bool
	}
	maxCache map[int][]float64 // year → component maxima (see maxima)
	// lastCanon is canonicalize's last answers: raw → canonical
	lastCanon struct {
		index, bloc [2]string
		set         bool
	}
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
	// The least any file takes is a long file's share: refuse one that
	// cannot fit before reading a byte of it.
	if in.size > 0 && !b.memoryFits(Pos{File: in.name}, in.size, memoryNeed(in.size, true), 0, "") {
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

// memoryNeed is about the most memory loading a data file of size bytes
// takes, the file itself included: measured peaks are 4.9× the file for a
// wide file and 1.95× for a long one (the L workloads, BENCHMARKS.md), plus
// room for the program and the analysis.
func memoryNeed(size int64, long bool) int64 {
	f := 6.0
	if long {
		f = 2.5
	}
	return int64(float64(size)*f) + 64<<20
}

// memoryCheckFrom is the smallest need worth checking: any machine parlens
// runs on has that much, and small files then never depend on the machine.
// A variable for tests.
var memoryCheckFrom int64 = 256 << 20

// availableMemory is AvailableMemory; a variable for tests.
var availableMemory = AvailableMemory

// memoryFits reports whether need bytes (held bytes of them already taken)
// are likely available, and reports the file as too big when not: failing
// early with a message beats being killed by the kernel half way.
func (b *builder) memoryFits(pos Pos, size, need, held int64, kind string) bool {
	if b.opt.IgnoreMemory || need < memoryCheckFrom {
		return true
	}
	avail, ok := availableMemory()
	if !ok || need-held <= avail {
		return true
	}
	avail += held
	what := "file"
	if kind != "" {
		what = kind + " file"
	}
	b.errorf(pos, "free some memory, split the file (by year, say), or pass --ignore-memory to try anyway",
		"%s is %s: loading it needs about %s of memory, and %s is available", what, humanBytes(size), humanBytes(need), humanBytes(avail))
	return false
}

// AvailableMemory is the memory the process can still take: Linux's
// MemAvailable, lowered to what a cgroup limit (v2 or v1) or the Go memory
// limit (GOMEMLIMIT) leaves. ok is false where none of these can be read.
// Loads refuse a file that would not fit (Options.IgnoreMemory).
func AvailableMemory() (avail int64, ok bool) {
	avail = math.MaxInt64
	if f, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(f), "\n") {
			if rest, found := strings.CutPrefix(line, "MemAvailable:"); found {
				if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64); err == nil {
					avail, ok = kb<<10, true
				}
			}
		}
	}
	limitLeft := func(limitFile, usageFile string) {
		l, err1 := os.ReadFile(limitFile)
		u, err2 := os.ReadFile(usageFile)
		if err1 != nil || err2 != nil {
			return
		}
		limit, err1 := strconv.ParseInt(strings.TrimSpace(string(l)), 10, 64) // "max" when unlimited
		used, err2 := strconv.ParseInt(strings.TrimSpace(string(u)), 10, 64)
		if err1 == nil && err2 == nil && limit < 1<<60 {
			avail, ok = min(avail, max(limit-used, 0)), true
		}
	}
	limitLeft("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current")
	limitLeft("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes")
	if limit := debug.SetMemoryLimit(-1); limit < math.MaxInt64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		avail, ok = min(avail, max(limit-int64(ms.Sys-ms.HeapReleased), 0)), true
	}
	return avail, ok
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
	units, nUnits := b.findDuplicates()
	b.warnNameChanges(units, nUnits)
	d.Records = sortRecords(d.Records)
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
// Units and (index, year) groups get small ordinals (see unitOrdinals), so
// the check hashes each unit id once per part of the records, not each row.
// It returns the unit ordinals of the records kept, and how many there are.
func (b *builder) findDuplicates() ([]int32, int) {
	d := b.ds
	units, nUnits := unitOrdinals(d.Records)
	groups, groupKeys := groupOrdinals(d.Records, false)
	nGroups := len(groupKeys)
	// seen: the kept record of each (group, unit), +1; dense when small enough
	var dense []int32
	var sparse map[int64]int32
	if cells := int64(nGroups) * int64(nUnits); cells <= 4*int64(len(d.Records))+1<<20 {
		dense = make([]int32, cells)
	} else {
		sparse = make(map[int64]int32, len(d.Records))
	}
	keep := d.Records[:0]
	keptUnits := units[:0]
	for i := range d.Records {
		r := &d.Records[i]
		k := int64(groups[i])*int64(nUnits) + int64(units[i])
		var j int32
		if dense != nil {
			j = dense[k]
		} else {
			j = sparse[k]
		}
		if j > 0 {
			first := &keep[j-1]
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
			dense[k] = int32(len(keep) + 1)
		} else {
			sparse[k] = int32(len(keep) + 1)
		}
		if len(keep) == i {
			keep = keep[:i+1] // in place: no copy
		} else {
			keep = append(keep, *r)
		}
		keptUnits = append(keptUnits, units[i])
	}
	d.Records = keep
	return keptUnits, nUnits
}

// unitOrdinals numbers the records' unit ids 0, 1, 2…; on every core for
// many records (each part numbers its own, then the parts are joined).
func unitOrdinals(recs []Record) ([]int32, int) {
	ords := make([]int32, len(recs))
	parts := 1
	if len(recs) >= 50000 {
		parts = runtime.GOMAXPROCS(0)
	}
	type part struct {
		m    map[string]int32
		keys []string // in first-seen order
	}
	ps := make([]part, parts)
	var wg sync.WaitGroup
	for k := range ps {
		from, to := k*len(recs)/parts, (k+1)*len(recs)/parts
		wg.Add(1)
		go func(p *part) {
			defer wg.Done()
			p.m = map[string]int32{}
			last, lastOrd := "", int32(-1)
			for i := from; i < to; i++ {
				id := recs[i].UnitID
				if id != last || lastOrd < 0 {
					o, ok := p.m[id]
					if !ok {
						o = int32(len(p.keys))
						p.m[id] = o
						p.keys = append(p.keys, id)
					}
					last, lastOrd = id, o
				}
				ords[i] = lastOrd
			}
		}(&ps[k])
	}
	wg.Wait()
	global := ps[0].m
	n := len(ps[0].keys)
	for k := 1; k < parts; k++ {
		trans := make([]int32, len(ps[k].keys))
		for lo, id := range ps[k].keys {
			g, ok := global[id]
			if !ok {
				g = int32(n)
				n++
				global[id] = g
			}
			trans[lo] = g
		}
		from, to := k*len(recs)/parts, (k+1)*len(recs)/parts
		for i := from; i < to; i++ {
			ords[i] = trans[ords[i]]
		}
	}
	return ords, n
}

// recGroup is a record's (index, year) or (index, year, bloc).
type recGroup struct {
	index string
	year  int
	bloc  string
}

// groupOrdinals numbers the records' (index, year) groups, or their (index,
// year, bloc) groups with blocs, in first-seen order, and lists them. A few
// recent groups are compared before the map: files interleave a handful of
// blocs, and equal strings here are mostly one shared copy.
func groupOrdinals(recs []Record, blocs bool) ([]int32, []recGroup) {
	ords := make([]int32, len(recs))
	m := map[recGroup]int32{}
	var keys []recGroup
	var recent [8]struct {
		g recGroup
		o int32
	}
	nRecent, next := 0, 0
	for i := range recs {
		r := &recs[i]
		g := recGroup{r.Index, r.Year, ""}
		if blocs {
			g.bloc = r.Bloc
		}
		o := int32(-1)
		for k := 0; k < nRecent; k++ {
			if recent[k].g == g {
				o = recent[k].o
				break
			}
		}
		if o < 0 {
			var ok bool
			if o, ok = m[g]; !ok {
				o = int32(len(keys))
				m[g] = o
				keys = append(keys, g)
			}
			recent[next].g, recent[next].o = g, o
			next = (next + 1) % len(recent)
			nRecent = min(nRecent+1, len(recent))
		}
		ords[i] = o
	}
	return ords, keys
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

// warnNameChanges reports a code whose unit name changed (beyond accents and
// case). units are the records' unit ordinals (findDuplicates): a record
// with a code has the code as its unit id.
func (b *builder) warnNameChanges(units []int32, nUnits int) {
	type seen struct {
		name string
		pos  Pos
		year int
		set  bool
	}
	first := make([]seen, nUnits)
	reported := map[string]bool{}
	recs := b.ds.Records
	order := byYear(recs)
	for _, i := range order {
		r := &recs[i]
		if r.UnitCode == "" {
			continue
		}
		s := &first[units[i]]
		if !s.set {
			*s = seen{r.Unit, r.Pos, r.Year, true}
			continue
		}
		if s.name == r.Unit || (b.aliases[b.fold(s.name)] == r.UnitCode && b.aliases[b.fold(r.Unit)] == r.UnitCode) {
			continue // same name, or a rename units.csv already records
		}
		key := r.UnitCode + "\x00" + b.fold(r.Unit)
		if b.fold(s.name) != b.fold(r.Unit) && !reported[key] {
			reported[key] = true
			b.warnf(r.Pos, "fine if the unit was renamed; list old names as aliases in units.csv",
				"unit %s is named %q in %d and %q in %d", clip(r.UnitCode), clip(s.name), s.year, clip(r.Unit), r.Year)
		}
	}
}

// byYear lists record positions ordered by year, in input order within a
// year (a stable counting sort: the years are few).
func byYear(recs []Record) []int32 {
	counts := map[int]int{}
	for i := range recs {
		counts[recs[i].Year]++
	}
	years := make([]int, 0, len(counts))
	for y := range counts {
		years = append(years, y)
	}
	sort.Ints(years)
	start := make(map[int]int, len(years))
	at := 0
	for _, y := range years {
		start[y] = at
		at += counts[y]
	}
	order := make([]int32, len(recs))
	lastYear, pos := 0, -1
	for i := range recs {
		y := recs[i].Year
		if y != lastYear || pos < 0 {
			if pos >= 0 {
				start[lastYear] = pos
			}
			lastYear, pos = y, start[y]
		}
		order[pos] = int32(i)
		pos++
	}
	return order
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
// (index, year, bloc) groups: one pass to count, one to place. It returns
// the sorted records (recs itself, reordered in place).
func sortRecords(recs []Record) []Record {
	type group struct {
		index int
		year  int
		bloc  int
	}
	ids, keys := groupOrdinals(recs, true)
	indexOrder, blocOrder := map[string]int{}, map[[2]string]int{}
	groups := make([]group, len(keys))
	for gi, k := range keys { // groups are in first-seen order, so their indices and blocs are too
		io, ok := indexOrder[k.index]
		if !ok {
			io = len(indexOrder)
			indexOrder[k.index] = io
		}
		bk := [2]string{k.index, k.bloc}
		bo, ok := blocOrder[bk]
		if !ok {
			bo = len(blocOrder)
			blocOrder[bk] = bo
		}
		groups[gi] = group{io, k.year, bo}
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
	for p := range recs {
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
	return recs
}

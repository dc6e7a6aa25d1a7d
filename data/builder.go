package data

import (
	"fmt"
	"maps"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
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
	indexes  canonSet
	blocs    canonSet
	aliases  map[string]string // folded unit name or alias → unit code (units.csv)
	sidecars map[string]bool   // sidecar paths already read
	flagged  map[string]bool   // sidecar kinds given by flag: don't discover them
	// matched holds the --column roles whose header some data file has
	matched map[string]bool
	// tree is the components' hierarchy as the files give it (tree.go)
	tree treeState

	// Caches: the same names, blocs and grades repeat on every row and year.
	folds    map[string]string
	strs     map[string]string
	grades   gradeLabels       // the long loader's grade checks
	maxCache map[int][]float64 // year → component maxima (see maxima)
	// keyParts are records the loaders numbered as they finished them, in
	// order (see numberRecords).
	keyParts []keyPart
	// canonicalize's last answers: raw → canonical
	recentIndex, recentBloc recent[string, string]
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

// canonSet is the names of one kind (indices, or blocs) seen so far.
type canonSet struct {
	byFold map[string]string // folded name → first spelling seen
	byRaw  map[string]string // spelling → first spelling seen (a cache)
}

// canonical returns the first spelling seen of a name, so "Khối Sở" and
// "khối sở" are one bloc shown one way.
func (b *builder) canonical(set *canonSet, name string) string {
	if c, ok := set.byRaw[name]; ok {
		return c
	}
	if set.byFold == nil {
		set.byFold, set.byRaw = map[string]string{}, map[string]string{}
	}
	k := b.fold(name)
	c, ok := set.byFold[k]
	if !ok {
		c = b.intern(name)
		set.byFold[k] = c
	}
	set.byRaw[strings.Clone(name)] = c
	return c
}

func newBuilder(opt Options) *builder {
	return &builder{
		ds:       &Dataset{Label: opt.Label, successor: map[string]string{}},
		opt:      opt,
		perFile:  map[string]int{},
		compByID: map[string]int{},
		aliases:  map[string]string{},
		sidecars: map[string]bool{},
		flagged:  map[string]bool{},
		matched:  map[string]bool{},
		folds:    map[string]string{},
		strs:     map[string]string{},
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

// addAll adds issues found outside the builder (opening a file).
func (b *builder) addAll(issues []Issue) {
	for _, is := range issues {
		b.add(is.Severity, is.Pos, is.Hint, "%s", is.Msg)
	}
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
		if kind == "grades" && b.useDefaultScheme(p) {
			continue
		}
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
	b.checkColumnRoles()
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
	workbooks := 0
	for _, in := range inputs {
		raw, ok := b.readInput(in)
		if !ok {
			continue
		}
		if sniffWorkbook(raw) != notWorkbook {
			workbooks++
			wb := readWorkbook(in.name, raw, b.opt, func(unpacked int64) bool {
				// the unpacked parts, held while the sheets are read, and a
				// wide load of as much text (the sheets' text is smaller
				// than their XML: an upper bound, not measured)
				return b.memoryFits(Pos{File: in.name}, int64(len(raw)), unpacked+memoryNeed(unpacked, false), int64(len(raw)), "workbook")
			})
			b.addAll(wb.issues)
			for _, t := range wb.tables {
				b.readData(t)
				b.ds.Files = append(b.ds.Files, t.info)
			}
			continue
		}
		t, issue := openTable(in.name, raw)
		if issue != nil {
			b.issues = append(b.issues, *issue)
			continue
		}
		b.addAll(t.warnings)
		b.readData(t)
		b.ds.Files = append(b.ds.Files, t.info)
	}
	b.checkColumnsMatched()
	if b.opt.Sheet != "" && workbooks == 0 && len(inputs) > 0 {
		b.errorf(Pos{}, "--sheet picks a sheet of an .xlsx workbook; drop it for CSV files",
			"--sheet %q: no input is a workbook", b.opt.Sheet)
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
// takes, the file itself included, plus room for the program and the
// analysis. Measured peaks (RSS, with the collection at the end of a load
// that package main makes, two-decimal scores in 2-byte cells): a wide
// file 2.95× for summary and 3.3× for brief (the L workload, 45 MB), 2.6×
// and 3.2× at 200,000 units; a long file 2.0× (L, 540 MB). Scores of more
// decimals take 4 bytes, as before: 3.4× for summary on L with a third
// decimal everywhere. The factors keep the margin the dashboard, which
// computes more, may need.
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

// checkColumnRoles refuses a --column role parlens does not know.
func (b *builder) checkColumnRoles() {
	for _, rn := range slices.Sorted(maps.Keys(b.opt.Columns)) {
		if _, ok := mappableRoles[Fold(rn)]; !ok {
			b.errorf(Pos{}, "roles: "+strings.Join(MappableRoles(), ", "), "--column %s=%q: unknown role %q", rn, b.opt.Columns[rn], rn)
		}
	}
}

// noteMapped notes the --column roles a data file's header matches.
func (b *builder) noteMapped(names []string) {
	if len(b.opt.Columns) == 0 {
		return
	}
	missing := map[string]bool{}
	for _, rn := range unmatchedColumns(b.opt.Columns, names) {
		missing[rn] = true
	}
	for rn := range b.opt.Columns {
		if !missing[rn] {
			b.matched[rn] = true
		}
	}
}

// checkColumnsMatched refuses a --column header that no data file has: a
// mapping that maps nothing would leave the guess it was meant to replace.
func (b *builder) checkColumnsMatched() {
	for _, rn := range slices.Sorted(maps.Keys(b.opt.Columns)) {
		if !b.matched[rn] && len(b.ds.Files) > 0 {
			b.errorf(Pos{}, "the header must be written as in the file (case and accents may differ)",
				"--column %s=%q: no data file has a column headed %q", rn, b.opt.Columns[rn], b.opt.Columns[rn])
		}
	}
}

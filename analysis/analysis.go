package analysis

import (
	"cmp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/join"
)

// Analysis is a dataset grouped once by (index, year, bloc), with ranks,
// grades and previous-year links computed. Build it with New; all methods are
// safe for concurrent use. Per-bloc results are computed on first use and
// cached; returned values share that cache and the dataset (their pointers
// point into them), so treat every returned value as read-only.
type Analysis struct {
	ds      *data.Dataset
	indices []*indexData
	byIndex map[string]*indexData
	byKey   map[data.Slice]*group

	units     map[string]*unitInfo // unit id → names and codes, across indices
	unitOrder []string             // unit ids in first-seen order

	comps []compKey  // components grouped by Component.Key
	tree  *data.Tree // the components' hierarchy (tree.go)

	recEntry []*entry // ds.Records[i] → its entry

	succ  map[string]string   // unit id → successor id
	preds map[string][]string // successor id → predecessor ids, sorted

	foldOnce sync.Once // folded unit names for FindUnit

	checkOnce sync.Once
	checked   []finding // Check's warnings with what they are about
	placeOnce sync.Once
	placer    *placer // where warnings sit (see Caveats)
}

type indexData struct {
	name   string
	years  []int
	blocs  []string            // first-seen order
	groups []*group            // by year, then bloc order
	byBloc map[string][]*group // per bloc, by year
	hist   map[string]*unitHist
	broken bool // some unit of the index has a break (buildBreaks)
}

// group is one slice (index, year, bloc) with its records.
type group struct {
	ix      *indexData
	index   string
	year    int
	bloc    string
	blocPos int // position of the bloc in ix.blocs
	pos     int // position in ix.byBloc[bloc]
	prev    *group
	scheme  *data.GradeScheme
	entries []entry
	order   []int   // ranked entries, best first
	asc     []int64 // ranked scores in cents, ascending
	maxRank int
	scored  int   // entries with a total
	n       int   // records, while building
	first   int   // its first record in ds.Records, while building
	nRanked int   // len(order)
	rows    []int // league-table order: ranked, then scored, then the rest
	// broken: the year is some unit's first after a merger or split, so
	// this year's ranks and last year's are of different blocs: no rank
	// move is stated (lineage.go)
	broken bool
	// pubRanks: ranks are the published ones (a ranks-only or partial table,
	// where ranking the rows present by score would be wrong).
	pubRanks  bool
	maxPub    int   // the largest published rank (0 when none)
	scoredEl  int   // records not marked not-ranked with a total
	notRanked int   // records marked not ranked
	ungraded  int   // records without a grade
	bare      int   // records not marked not-ranked with no total, published rank or grade
	rankOnly  int   // records not marked not-ranked with a published rank and no total
	rowAt     []int // entry → its position in rows

	bandsOnce  sync.Once
	bandCounts []int
	bandOf     int
	statsOnce  sync.Once
	st         stats
	stOK       bool
	sumOnce    sync.Once
	sum        BlocSummary
	gcOnce     sync.Once
	gc         []gradeCount
	movOnce    sync.Once
	movers     []Mover
	compOnce   sync.Once
	comp       *compCache
	tblOnce    sync.Once
	tbl        Table
	treeOnce   sync.Once
	tree       *treeCache
}

// slice is the group's key: its index, year and bloc.
func (g *group) slice() data.Slice {
	return data.Slice{Index: g.index, Year: g.year, Bloc: g.bloc}
}

// entry is one record with what New computed for it.
type entry struct {
	rec      *data.Record
	g        *group
	unit     *unitHist
	prev     *entry // the unit's record in g.prev (lineage-aware), if any
	grade    string // given, else by the scheme; "" when none
	gk       gradeKey
	band     int   // index of the grade among the scheme's bands; -1 when not one of them
	cents    int64 // total at 2 decimals
	rank     int   // 0 = not ranked
	idx      int32 // position in g.entries
	ownPos   int32 // position in unit.own
	nameRank int32 // the unit name's place in cmpName's order among all names
	hasScore bool
	placed   bool // no given grade, or one the scheme can place (see schemeKnows)
}

func (e *entry) ranked() bool { return e.rank > 0 }

// unitCode points to the record's unit code; nil when it has none.
func (e *entry) unitCode() *string {
	if e.rec.UnitCode == "" {
		return nil
	}
	return &e.rec.UnitCode
}

// result: a score, a grade or a published rank (a ranks-only row is a result).
func (e *entry) result() bool { return e.hasScore || e.grade != "" || e.rec.PublishedRank > 0 }

// isBottom: last ranked in a complete table (a partial table's last row
// present need not be the bloc's last unit).
func (e *entry) isBottom() bool {
	return e.rank > 0 && e.rank == e.g.maxRank && e.g.maxRank > 1 && e.g.complete()
}

// rankPublished reports whether the entry's rank is its published rank.
func (e *entry) rankPublished() bool { return e.rank > 0 && e.g.pubRanks }

// gradeKey identifies a grade within and across years: its level when the
// label can be ordered, else its folded label (ordered after known levels).
type gradeKey struct {
	lvl int // noGrade, a level ≥ 0, or unknownLevel
	unk string
}

const (
	noGrade      = -1
	unknownLevel = 1 << 20
)

func (k gradeKey) known() bool { return k.lvl >= 0 && k.lvl < unknownLevel }
func (k gradeKey) has() bool   { return k.lvl != noGrade }

func cmpGradeKey(a, b gradeKey) int {
	if c := cmp.Compare(a.lvl, b.lvl); c != 0 {
		return c
	}
	return strings.Compare(a.unk, b.unk)
}

// unitHist is a unit's records in one index, by year.
type unitHist struct {
	id   string
	info *unitInfo
	own  []*entry // its own records
	lin  []*entry // own records plus a sole predecessor's in years it has none
	// breaks are its dated mergers and splits, by year (lineage.go)
	breaks []*unitBreak
	// name is the name of its latest record read so far, nameID its id
	// (nameRanker); they spare a lookup for every record (New)
	name   string
	nameID int32
	next   *unitHist // the unit whose record followed this one's last, while New reads them
}

// at returns the unit's (lineage) record in group g.
func (u *unitHist) at(g *group) *entry {
	if u == nil {
		return nil
	}
	for i := len(u.lin) - 1; i >= 0; i-- {
		e := u.lin[i]
		if e.g == g {
			return e
		}
		if e.g.year < g.year {
			break
		}
	}
	return nil
}

// before is at(p) for a group p before e's, e being one of the unit's
// own records: when the unit's history is its own records it walks back
// from e rather than from the unit's last record.
func (u *unitHist) before(e *entry, p *group) *entry {
	if len(u.lin) != len(u.own) || len(u.own) == 0 || &u.lin[0] != &u.own[0] {
		return u.at(p) // a history with a predecessor's records
	}
	for i := int(e.ownPos) - 1; i >= 0; i-- {
		x := u.own[i]
		if x.g == p {
			return x
		}
		if x.g.year < p.year {
			break
		}
	}
	return nil
}

type unitInfo struct {
	id       string
	name     string // latest name
	code     string // latest non-empty code
	year     int    // year of the latest name
	names    []string
	codes    []string
	folded   []string // folded names and codes, filled lazily
	indexSet []string
}

type compKey struct {
	key  string
	code string
	idxs []int // indexes into ds.Components sharing the key
}

// only returns the key's one component, -1 when it has several: where
// scores are read for every unit and component, Score(only) is inlined,
// score is not.
func (c *compKey) only() int {
	if len(c.idxs) == 1 {
		return c.idxs[0]
	}
	return -1
}

// score returns a record's score on a component key (first non-missing).
func (c *compKey) score(r *data.Record) float64 {
	for _, i := range c.idxs {
		if v := r.Score(i); !data.IsMissing(v) {
			return v
		}
	}
	return data.Missing
}

func fromCents(c int64) float64 { return float64(c) / 100 }
func ptr[T any](v T) *T         { return &v }
func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// New groups the dataset's records by (index, year, bloc) and computes ranks,
// grades, unit histories (with units.csv lineage) and previous-year links.
func New(ds *data.Dataset) *Analysis {
	a := &Analysis{
		ds:      ds,
		byIndex: map[string]*indexData{},
		byKey:   map[data.Slice]*group{},
		units:   map[string]*unitInfo{},
	}
	a.tree = ds.Tree()
	a.buildComponents()

	// Pass 1: assign every record to its group.
	gid := make([]*group, len(ds.Records))
	var last *group
	var made []*group  // in the order met
	contiguous := true // each group's records are one run (the loader sorts them so)
	for i := range ds.Records {
		r := &ds.Records[i]
		if k := data.SliceOf(r); last == nil || last.slice() != k {
			g := a.byKey[k]
			if g != nil {
				contiguous = false // met again after another group's records
			} else {
				ix := a.byIndex[r.Index]
				if ix == nil {
					ix = &indexData{name: r.Index, byBloc: map[string][]*group{}, hist: map[string]*unitHist{}}
					a.byIndex[r.Index] = ix
					a.indices = append(a.indices, ix)
				}
				g = &group{ix: ix, index: r.Index, year: r.Year, bloc: r.Bloc, first: i}
				a.byKey[k] = g
				made = append(made, g)
				ix.groups = append(ix.groups, g)
				if _, ok := ix.byBloc[r.Bloc]; !ok {
					ix.blocs = append(ix.blocs, r.Bloc)
				}
				ix.byBloc[r.Bloc] = append(ix.byBloc[r.Bloc], g)
			}
			last = g
		}
		gid[i] = last
		last.n++
	}
	// entries never grow past their exact capacity, so their addresses are stable
	a.recEntry = make([]*entry, len(ds.Records))
	if contiguous { // each group fills its own entries, on every core
		a.onEveryCore(len(made), func(k int) {
			g := made[k]
			g.entries = make([]entry, g.n)
			for j := range g.entries {
				i := g.first + j
				g.entries[j] = entry{rec: &ds.Records[i], g: g, idx: int32(j)}
				a.recEntry[i] = &g.entries[j]
			}
		})
	} else {
		for _, g := range made {
			g.entries = make([]entry, 0, g.n)
		}
		for i := range ds.Records {
			g := gid[i]
			g.entries = append(g.entries, entry{rec: &ds.Records[i], g: g, idx: int32(len(g.entries))})
			a.recEntry[i] = &g.entries[len(g.entries)-1]
		}
	}

	// A dataset built as a literal may list its indices in any order.
	slices.SortStableFunc(a.indices, func(x, y *indexData) int { return data.CompareIndices(x.name, y.name) })

	// Pass 2: order years and blocs, link previous years, rank and grade.
	for _, ix := range a.indices {
		blocPos := map[string]int{}
		for i, b := range ix.blocs {
			blocPos[b] = i
		}
		years := map[int]bool{}
		for _, g := range ix.groups {
			g.blocPos = blocPos[g.bloc]
			if !years[g.year] {
				years[g.year] = true
				ix.years = append(ix.years, g.year)
			}
		}
		sort.Ints(ix.years)
		slices.SortFunc(ix.groups, func(x, y *group) int {
			if c := cmp.Compare(x.year, y.year); c != 0 {
				return c
			}
			return cmp.Compare(x.blocPos, y.blocPos)
		})
		for _, gs := range ix.byBloc {
			slices.SortFunc(gs, func(x, y *group) int { return cmp.Compare(x.year, y.year) })
			for i, g := range gs {
				g.pos = i
				if i > 0 {
					g.prev = gs[i-1]
				}
			}
		}
	}
	// Grading and the order by score need neither unit histories nor
	// names: on a big dataset the other cores do them while this one
	// reads the histories (pass 3); the fields each side writes differ.
	var all []*group
	for _, ix := range a.indices {
		all = append(all, ix.groups...)
	}
	grading := a.startOnOtherCores(len(all), func(i int) { a.gradeGroup(all[i]) })

	// Pass 3: unit histories and names, and every name's place in name
	// order, which ranking breaks ties by.
	// the maps hold every unit: sized for the most records a year has
	units := make([]int, len(a.indices))
	for k, ix := range a.indices {
		perYear := map[int]int{}
		for _, g := range ix.groups {
			perYear[g.year] += len(g.entries)
		}
		units[k] = maxValue(perYear)
		ix.hist = make(map[string]*unitHist, units[k])
	}
	most := slices.Max(append(units, 0))
	a.units = make(map[string]*unitInfo, most)
	names := nameRanker{ids: make(map[string]int32, most)} // about a name per unit
	nu := newUnits{infos: newSlab[unitInfo](slabChunk), sets: newSlab[string](slabChunk)}
	for k, ix := range a.indices {
		hists := newSlab[unitHist](slabChunk)
		owns := newSlab[*entry](slabChunk * len(ix.years))
		made := make([]*unitHist, 0, units[k])
		// Units come in much the same order every year: the unit that
		// followed the previous record's unit last time is tried before a
		// lookup, which at 200,000 units misses the caches.
		var last *unitHist
		for _, g := range ix.groups {
			for i := range g.entries {
				e := &g.entries[i]
				id := e.rec.UnitID
				var u *unitHist
				if last != nil && last.next != nil && last.next.id == id {
					u = last.next
				} else if u = ix.hist[id]; u == nil {
					u = hists.one()
					// a unit new to the first index is new to every index
					*u = unitHist{id: id, info: nu.infoFor(a, id, ix.name, k > 0), own: owns.slice(len(ix.years)), nameID: -1}
					ix.hist[id] = u
					made = append(made, u)
				}
				if last != nil {
					last.next = u
				}
				last = u
				e.ownPos = int32(len(u.own))
				u.own = append(u.own, e)
				e.unit = u
				u.info.note(e.rec)
				// a unit keeps its name from year to year: look a name up
				// only when it differs from the unit's previous one
				if u.nameID < 0 || e.rec.Unit != u.name {
					u.name, u.nameID = e.rec.Unit, names.id(e.rec.Unit)
				}
				e.nameRank = u.nameID
			}
		}
		for _, u := range made {
			u.lin = u.own
		}
	}
	rank := names.ranks()
	a.buildLineage()
	a.buildBreaks()
	grading.finish()

	// Ranks and previous-year records (none across a break, lineage.go):
	// each group writes only to itself, on every core.
	a.onEveryCore(len(all), func(i int) {
		g := all[i]
		// the name ids become places in name order here, where they are
		// first needed (ties), so that this runs on every core too
		for k := range g.entries {
			e := &g.entries[k]
			e.nameRank = rank[e.nameRank]
		}
		g.rank()
		if g.prev == nil {
			return
		}
		for k := range g.entries {
			e := &g.entries[k]
			if !g.ix.broken || e.unit.breakIn(g) == nil {
				e.prev = e.unit.before(e, g.prev)
			} else {
				g.broken = true
			}
		}
	})
	return a
}

// maxValue returns the largest value of m (0 when empty).
func maxValue[K comparable](m map[K]int) int {
	most := 0
	for _, v := range m {
		most = max(most, v)
	}
	return most
}

func (a *Analysis) buildComponents() {
	at := map[string]int{}
	for i := range a.ds.Components {
		c := &a.ds.Components[i]
		if c.Parent != "" || c.SelfFor != "" {
			continue // a criterion or a unit's own scores: the areas' views are these; the tree's are in tree.go
		}
		k := c.Key
		if k == "" {
			k = data.Fold(c.Name)
		}
		j, ok := at[k]
		if !ok {
			j = len(a.comps)
			at[k] = j
			a.comps = append(a.comps, compKey{key: k, code: c.Code})
		}
		a.comps[j].idxs = append(a.comps[j].idxs, i)
	}
}

// onEveryCore calls fn(i) for every i in [0, n), on every core when the
// dataset has enough records to be worth it; fn(i) must write only to what
// i owns. What it computes does not depend on the order of the calls.
func (a *Analysis) onEveryCore(n int, fn func(i int)) {
	a.startOnOtherCores(n, fn).finish()
}

// startOnOtherCores starts calling fn(i) for every i in [0, n) on the
// other cores, as onEveryCore does, and returns at once; finish joins in
// with the calls left and returns when all are done. On a small dataset
// or a single core, finish makes every call.
func (a *Analysis) startOnOtherCores(n int, fn func(i int)) *sharedWork {
	w := &sharedWork{n: n, fn: fn}
	if len(a.ds.Records) < 20000 {
		return w
	}
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		w.wg.Go(w.work)
	}
	return w
}

// sharedWork is calls of fn(0) … fn(n−1), each made once by whichever
// worker takes it first. They are taken from the last: New's grading, in
// the background, then starts on other groups' entries than the histories
// pass (first to last), instead of sharing their cache lines.
type sharedWork struct {
	taken atomic.Int64
	n     int
	fn    func(i int)
	wg    join.Group
}

func (w *sharedWork) work() {
	for {
		i := w.n - int(w.taken.Add(1))
		if i < 0 {
			return
		}
		w.fn(i)
	}
}

// finish makes the calls no worker has taken yet and waits for the rest.
func (w *sharedWork) finish() {
	w.work()
	w.wg.Wait()
}

// chunkUnits is the fewest units a core is given when the units of one
// bloc are shared between cores (Components, Gaps): fewer cost more to
// hand over than they take.
const chunkUnits = 1024

// span is the range [lo, hi).
type span struct{ lo, hi int }

// chunks splits [0, n) into contiguous ranges, one per core when n is
// large enough (chunkUnits each at least), else one.
func chunks(n int) []span {
	k := max(1, min(runtime.GOMAXPROCS(0), n/chunkUnits))
	out := make([]span, k)
	for w := range out {
		out[w] = span{n * w / k, n * (w + 1) / k}
	}
	return out
}

// inParallel calls fn(0) … fn(n−1) each on its own goroutine (the last on
// this one) and waits for them all.
func inParallel(n int, fn func(i int)) {
	var wg join.Group
	for i := range n - 1 {
		wg.Go(func() { fn(i) })
	}
	if n > 0 {
		fn(n - 1)
	}
	wg.Wait()
}

// inChunks calls fn(c, lo, hi) for every chunk c of cs (see chunks), each
// on its own core; fn must write only to what c and lo…hi own.
func inChunks(cs []span, fn func(c, lo, hi int)) {
	inParallel(len(cs), func(c int) { fn(c, cs[c].lo, cs[c].hi) })
}

// noScheme grades nothing: a bloc for which the user gave no scheme
// (grades.csv or --grades default) keeps only the grades its data gives.
var noScheme = &data.GradeScheme{Source: "none"}

// gradeGroup computes the grades of one group and orders its ranked
// entries by score, best first (rank breaks the ties).
func (a *Analysis) gradeGroup(g *group) {
	g.scheme = noScheme
	if a.ds.HasScheme(g.slice()) {
		g.scheme = a.ds.SchemeFor(g.slice())
	}
	type lv struct {
		k     gradeKey
		band  int
		knows bool
	}
	levels := map[string]lv{}
	var last lv // the previous entry's label, which the next one often shares
	lastLabel := ""
	g.order = make([]int, 0, len(g.entries))
	for i := range g.entries {
		e := &g.entries[i]
		r := e.rec
		e.hasScore = r.HasTotal()
		if e.hasScore {
			e.cents = numfmt.Cents(r.Total)
			g.scored++
		}
		switch {
		case r.Grade != "":
			e.grade = r.Grade
		case e.hasScore && g.scheme != noScheme:
			if v, ok := a.ds.GradeValue(g.scheme, a.tree, r); ok { // the total, or its share of applicable points
				e.grade = g.scheme.GradeFor(v)
			}
		}
		e.gk = gradeKey{lvl: noGrade}
		if e.grade != "" {
			l, ok := last, e.grade == lastLabel && i > 0
			if !ok {
				l, ok = levels[e.grade]
			}
			if !ok {
				l = lv{a.gradeKeyOf(g, e.grade), -1, false}
				if b, ok := g.scheme.Level(e.grade); ok {
					l.band, l.knows = b, true
				} else {
					l.knows = schemeKnows(g.scheme, e.grade)
				}
				levels[e.grade] = l
			}
			last, lastLabel = l, e.grade
			e.gk, e.band = l.k, l.band
			e.placed = r.Grade == "" || l.knows
		} else {
			e.band = -1
			// a total below the scheme's lowest band: ungraded, but the
			// points to the lowest grade are known
			e.placed = e.hasScore
		}
		if !e.gk.has() {
			g.ungraded++
		}
		if r.NotRanked {
			g.notRanked++
		}
		if !r.NotRanked {
			switch {
			case e.hasScore:
				g.scoredEl++
			case r.PublishedRank > 0:
				g.rankOnly++
			}
			if r.PublishedRank == 0 && !e.hasScore && r.Grade == "" {
				g.bare++
			}
			g.maxPub = max(g.maxPub, r.PublishedRank)
		}
	}
	g.pubRanks = g.maxPub > 0 && (g.scoredEl == 0 || !g.complete())
	if g.pubRanks {
		return // ranked as published (rank)
	}
	for i := range g.entries {
		if e := &g.entries[i]; e.hasScore && !e.rec.NotRanked {
			g.order = append(g.order, i)
		}
	}
	sortDesc(g.order, func(i int) int64 { return g.entries[i].cents })
}

// rank gives a graded group (gradeGroup) its competition ranks and its
// league-table rows; entries' nameRank must hold their places in name order.
func (g *group) rank() {
	if g.pubRanks {
		g.rankAsPublished()
		return
	}
	// equal scores: by name (cmpName's order, as nameRank holds it), so
	// tables read the same whatever the input order. The runs are found
	// and sorted in a compact copy of the keys: at 200,000 units every
	// entry read is a cache miss.
	buf := tieKeyBufs.Get().(*[]tieKey)
	defer tieKeyBufs.Put(buf)
	ks := slices.Grow((*buf)[:0], len(g.order))[:len(g.order)]
	*buf = ks
	for k, i := range g.order {
		e := &g.entries[i]
		ks[k] = tieKey{e.cents, e.nameRank, int32(i)}
	}
	for k := 0; k < len(ks); {
		j := k + 1
		for j < len(ks) && ks[j].cents == ks[k].cents {
			j++
		}
		if j-k > 1 {
			slices.SortStableFunc(ks[k:j], func(x, y tieKey) int { return cmp.Compare(x.name, y.name) })
		}
		k = j
	}
	g.nRanked = len(g.order)
	g.asc = make([]int64, len(g.order))
	rank := 0
	for k, key := range ks {
		g.order[k] = int(key.i)
		if k == 0 || key.cents != ks[k-1].cents {
			rank = k + 1 // competition ranks: equal cents share one
		}
		g.entries[key.i].rank = rank
		g.asc[len(ks)-1-k] = key.cents
		g.maxRank = rank
	}
	g.rows = g.buildRows()
	g.rowAt = make([]int, len(g.rows))
	for k, i := range g.rows {
		g.rowAt[i] = k
	}
}

// tieKey is a ranked entry's score, name place and position, for rank.
type tieKey struct {
	cents int64
	name  int32
	i     int32
}

// tieKeyBufs lends rank its working copy of the keys: one per core,
// reused from group to group, rather than garbage the size of every
// ranked record (a load's analysis runs without a collection).
var tieKeyBufs = sync.Pool{New: func() any { return new([]tieKey) }}

func (a *Analysis) gradeKeyOf(g *group, label string) gradeKey {
	if lvl, ok := a.ds.GradeLevel(g.slice(), label); ok {
		return gradeKey{lvl: lvl}
	}
	return gradeKey{lvl: unknownLevel, unk: data.Fold(label)}
}

// newUnits makes New's unitInfos from slabs.
type newUnits struct {
	infos slab[unitInfo]
	sets  slab[string] // their indexSets, room for one index each
}

// infoFor returns the unitInfo of a unit id met in an index, made when
// new; seen says whether an earlier index may have made it already.
func (nu *newUnits) infoFor(a *Analysis, id, index string, seen bool) *unitInfo {
	var u *unitInfo
	if seen {
		u = a.units[id]
	}
	if u == nil {
		u = nu.infos.one()
		u.id, u.indexSet = id, nu.sets.slice(1)
		a.units[id] = u
		a.unitOrder = append(a.unitOrder, id)
	}
	if !slices.Contains(u.indexSet, index) {
		u.indexSet = append(u.indexSet, index)
	}
	return u
}

// note records a unit's name and code as given in a record.
func (u *unitInfo) note(r *data.Record) {
	if r.Unit == u.name && (r.UnitCode == "" || r.UnitCode == u.code) {
		if r.Year > u.year {
			u.year = r.Year
		}
		return
	}
	if r.Year >= u.year || u.name == "" {
		u.year = r.Year
		u.name = r.Unit
		if r.UnitCode != "" {
			u.code = r.UnitCode
		}
	}
	if u.code == "" && r.UnitCode != "" {
		u.code = r.UnitCode
	}
	if r.Unit != "" && !slices.Contains(u.names, r.Unit) {
		u.names = append(u.names, r.Unit)
	}
	if r.UnitCode != "" && !slices.Contains(u.codes, r.UnitCode) {
		u.codes = append(u.codes, r.UnitCode)
	}
}

// successor returns the unit id that continues id: the loader's lineage
// (ds.Successor), else the units.csv rows in ds.Units (code → successor code).
func (a *Analysis) successor(id string) (string, bool) {
	if s, ok := a.ds.Successor(id); ok && s != "" {
		return s, true
	}
	s, ok := a.succ[id]
	return s, ok
}

// buildLineage fills unitHist.lin: a successor's history includes its
// predecessor's records in the years when the successor has none and exactly
// one predecessor has some.
// It runs while New grades the groups on another core (gradeGroup): it
// must not read what grading writes (an entry's score flags, cents, grade
// and the group's order and scheme).
func (a *Analysis) buildLineage() {
	a.succ = map[string]string{}
	for _, u := range a.ds.Units {
		if u.Successor != "" && u.Code != "" && u.Successor != u.Code {
			a.succ[u.Code] = u.Successor
		}
	}
	a.preds = map[string][]string{}
	add := func(id string) {
		if s, ok := a.successor(id); ok && s != id {
			a.preds[s] = append(a.preds[s], id)
		}
	}
	for _, id := range a.unitOrder { // distinct: see unitInfoFor
		add(id)
	}
	// units.csv's units without records, once each (a set of them only:
	// a set of every unit misses the caches at 200,000 units)
	seen := map[string]bool{}
	for _, u := range a.ds.Units {
		if a.units[u.Code] == nil && !seen[u.Code] {
			seen[u.Code] = true
			add(u.Code)
		}
	}
	if len(a.preds) == 0 {
		return
	}
	for _, p := range a.preds {
		sort.Strings(p)
	}
	for _, ix := range a.indices {
		memo := map[string][]*entry{}
		for s := range a.preds {
			lin := a.linFor(ix, s, memo, map[string]bool{})
			if len(lin) == 0 {
				continue
			}
			u := ix.hist[s]
			if u == nil { // a successor with no records of its own in this index
				u = &unitHist{id: s, info: a.units[s]}
				ix.hist[s] = u
			}
			u.lin = lin
		}
	}
}

func (a *Analysis) linFor(ix *indexData, id string, memo map[string][]*entry, visiting map[string]bool) []*entry {
	if l, ok := memo[id]; ok {
		return l
	}
	var own []*entry
	if u := ix.hist[id]; u != nil {
		own = u.own
	}
	visiting[id] = true
	var predLins [][]*entry
	for _, p := range a.preds[id] {
		if visiting[p] {
			continue
		}
		if l := a.linFor(ix, p, memo, visiting); len(l) > 0 {
			predLins = append(predLins, l)
		}
	}
	delete(visiting, id)
	if len(predLins) == 0 {
		memo[id] = own
		return own
	}
	years := map[int]bool{}
	for _, e := range own {
		years[e.g.year] = true
	}
	for _, l := range predLins {
		for _, e := range l {
			years[e.g.year] = true
		}
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	var out []*entry
	inYear := func(l []*entry, y int) []*entry {
		var r []*entry
		for _, e := range l {
			if e.g.year == y {
				r = append(r, e)
			}
		}
		return r
	}
	for _, y := range ys {
		if mine := inYear(own, y); len(mine) > 0 {
			out = append(out, mine...)
			continue
		}
		var only []*entry
		n := 0
		for _, l := range predLins {
			if es := inYear(l, y); len(es) > 0 {
				n++
				only = es
			}
		}
		if n == 1 {
			out = append(out, only...)
		}
	}
	// keep group order within a year (bloc order)
	slices.SortStableFunc(out, func(x, y *entry) int {
		if c := cmp.Compare(x.g.year, y.g.year); c != 0 {
			return c
		}
		return cmp.Compare(x.g.blocPos, y.g.blocPos)
	})
	memo[id] = out
	return out
}

// Dataset returns the dataset the analysis was built from.
func (a *Analysis) Dataset() *data.Dataset { return a.ds }

// Indices lists the indices, the main index first and the others by name
// (data.CompareIndices), as the loader sorts them.
func (a *Analysis) Indices() []string {
	out := make([]string, len(a.indices))
	for i, ix := range a.indices {
		out[i] = ix.name
	}
	return out
}

// Years lists the years of an index, ascending.
func (a *Analysis) Years(index string) []int {
	if ix := a.byIndex[index]; ix != nil {
		return slices.Clone(ix.years)
	}
	return nil
}

// Blocs lists the blocs of an index in bloc order (first seen in the data).
func (a *Analysis) Blocs(index string) []string {
	if ix := a.byIndex[index]; ix != nil {
		return slices.Clone(ix.blocs)
	}
	return nil
}

// BlocsIn lists the blocs with data in an index and year, in bloc order.
func (a *Analysis) BlocsIn(index string, year int) []string {
	var out []string
	for _, g := range a.groupsOf(index, year) {
		out = append(out, g.bloc)
	}
	return out
}

// PrevYear returns the latest earlier year in which the slice's index and
// bloc have data.
func (a *Analysis) PrevYear(sl data.Slice) (int, bool) {
	if g := a.group(sl); g != nil {
		if g.prev != nil {
			return g.prev.year, true
		}
		return 0, false
	}
	// a year the bloc has no data in: still answer from the bloc's years
	if ix := a.byIndex[sl.Index]; ix != nil {
		best := 0
		for _, g := range ix.byBloc[sl.Bloc] {
			if g.year < sl.Year {
				best = g.year
			}
		}
		return best, best != 0
	}
	return 0, false
}

// unitHistOf returns a unit's history in an index; nil when the index or
// the unit is unknown.
func (a *Analysis) unitHistOf(index, unitID string) *unitHist {
	if ix := a.byIndex[index]; ix != nil {
		return ix.hist[unitID]
	}
	return nil
}

// entryOf returns a unit's own record in an index and year (the first, if
// the unit is in several blocs).
func (a *Analysis) entryOf(index string, year int, unitID string) *entry {
	u := a.unitHistOf(index, unitID)
	if u == nil {
		return nil
	}
	for _, e := range u.own {
		if e.g.year == year {
			return e
		}
	}
	return nil
}

func (a *Analysis) group(sl data.Slice) *group {
	return a.byKey[sl]
}

func (a *Analysis) groupsOf(index string, year int) []*group {
	ix := a.byIndex[index]
	if ix == nil {
		return nil
	}
	lo := sort.Search(len(ix.groups), func(i int) bool { return ix.groups[i].year >= year })
	hi := lo
	for hi < len(ix.groups) && ix.groups[hi].year == year {
		hi++
	}
	return ix.groups[lo:hi]
}

// prevYear is the latest earlier year in which the index has data.
func (ix *indexData) prevYear(year int) (int, bool) {
	i := sort.SearchInts(ix.years, year)
	if i > 0 {
		return ix.years[i-1], true
	}
	return 0, false
}

// sortedTotals returns the ranked totals of a group, unrounded, ascending.
func (g *group) sortedTotals() []float64 {
	out := make([]float64, len(g.order))
	for k, i := range g.order {
		out[len(out)-1-k] = g.entries[i].rec.Total
	}
	// the ranking is ordered by cents: restore the exact order within equal cents
	for k := 1; k < len(out); k++ {
		for j := k; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// countAbove returns how many ranked entries score above c (in cents).
func (g *group) countAbove(c int64) int {
	i, _ := slices.BinarySearch(g.asc, c+1)
	return len(g.asc) - i
}

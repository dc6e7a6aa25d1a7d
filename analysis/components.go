package analysis

import (
	"runtime"
	"slices"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// ComponentInfo is what a component is in a bloc and year: the same for
// every unit, shared by their ComponentScores (read-only).
type ComponentInfo struct {
	Key      string   `json:"key"`
	Code     *string  `json:"code"`
	Name     string   `json:"name"`  // the component's name in that year
	Max      *float64 `json:"max"`   // maximum points that year, when known (the full maximum)
	Bonus    bool     `json:"bonus"` // bonus points (điểm thưởng): in the total, not an area
	BlocMean *float64 `json:"bloc_mean"`
	// BlocPct is the bloc's share of the points that apply to its units:
	// Σ score / Σ applicable max × 100 (bloc_mean / max × 100 when every
	// criterion applies to every unit).
	BlocPct *float64 `json:"bloc_pct"`
	// BlocBest is the best score on the component in the bloc (over the
	// same units as BlocMean): what "best" means beside a unit's score.
	BlocBest *float64 `json:"bloc_best"`
	RankedOf int      `json:"ranked_of"`
}

// ComponentScore is one unit's result on one component in a year, with the
// component's facts (embedded, so c.Name, c.Max, c.BlocMean … read through;
// in JSON they are inline). Cells are aligned with BlocComponents.Components
// (same component at the same position). Bloc statistics and component
// ranks are over the bloc's units that are not marked not-ranked and have a
// score on the component.
type ComponentScore struct {
	*ComponentInfo
	Score *float64 `json:"score"`
	// ApplicableMax is the maximum that applies to the unit: max less the
	// maxima of its criteria marked not applicable ("KPS"); 0 when the
	// whole component is. Pct and Lost are against it, as in the tree.
	ApplicableMax *float64 `json:"applicable_max"`
	NotApplicable bool     `json:"not_applicable"` // the whole component does not apply to the unit (score null)
	Pct           *float64 `json:"pct"`            // score / applicable_max × 100
	Change        *float64 `json:"change"`         // score − the unit's previous-year score on the component
	Rank          *int     `json:"rank"`           // competition rank in the bloc on this component (2 decimals)
	Lost          *float64 `json:"lost"`           // applicable_max − score
}

// UnitComponents is one unit's component profile in a year.
type UnitComponents struct {
	Index        string           `json:"index"`
	Year         int              `json:"year"`
	Bloc         string           `json:"bloc"`
	UnitID       string           `json:"unit_id"`
	Unit         string           `json:"unit"`
	UnitCode     *string          `json:"unit_code"`
	Score        *float64         `json:"score"`
	Rank         *int             `json:"rank"`
	Components   []ComponentScore `json:"components"` // the bloc's components, in dataset order
	Strongest    *string          `json:"strongest"`  // name of the component furthest above the bloc (see VsBloc)
	StrongestKey *string          `json:"strongest_key"`
	Weakest      *string          `json:"weakest"` // name of the component furthest below the bloc
	WeakestKey   *string          `json:"weakest_key"`
	Fell         *int             `json:"fell"`       // components whose score fell vs last year (2 decimals); nil without a previous record
	Rose         *int             `json:"rose"`       // components whose score rose
	Comparable   *int             `json:"comparable"` // components scored in both years
	Lost         *float64         `json:"lost"`       // points lost against the applicable maxima, over the components whose max is known (bonus left out)
}

// ComponentStats describes one component across a bloc in a year.
type ComponentStats struct {
	Key       string   `json:"key"`
	Code      *string  `json:"code"`
	Name      string   `json:"name"`
	Bonus     bool     `json:"bonus"`      // bonus points: left out of most_lost and units' strongest, weakest, fell and lost
	MaxPoints *float64 `json:"max_points"` // the full maximum
	// ApplicableMaxMean is the mean over the units in the statistics of
	// the maximum that applies to each (max_points less criteria marked
	// not applicable); the shares and points lost below are against it.
	ApplicableMaxMean *float64 `json:"applicable_max_mean"`
	Units             int      `json:"units"`          // units in the statistics
	NotApplicable     int      `json:"not_applicable"` // units the whole component does not apply to ("KPS"), left out of the statistics
	Mean              *float64 `json:"mean"`
	Median            *float64 `json:"median"`
	Min               *float64 `json:"min"`
	Max               *float64 `json:"max"`
	MeanPct           *float64 `json:"mean_pct"`   // Σ score / Σ applicable max × 100
	MedianPct         *float64 `json:"median_pct"` // the median, lowest and highest unit share of its applicable max
	MinPct            *float64 `json:"min_pct"`
	MaxPct            *float64 `json:"max_pct"`
	LostMean          *float64 `json:"lost_mean"`  // applicable_max_mean − mean
	LostTotal         *float64 `json:"lost_total"` // Σ (applicable max − score)
	PrevMean          *float64 `json:"prev_mean"`  // the bloc's mean in its previous year
	MeanChange        *float64 `json:"mean_change"`
}

// BlocComponents is the component view of a bloc in a year.
type BlocComponents struct {
	Index        string           `json:"index"`
	Year         int              `json:"year"`
	Bloc         string           `json:"bloc"`
	PrevYear     *int             `json:"prev_year"`
	Components   []ComponentStats `json:"components"` // components with a score in the bloc that year
	MostLost     *string          `json:"most_lost"`  // key of the component with the highest lost_mean
	MostLostName *string          `json:"most_lost_name"`
	Units        []UnitComponents `json:"units"` // in league-table order
	// Level and Tree are set by `components --level`: every unit's tree
	// (tree.go) down to that level, in league-table order; null otherwise.
	Level *int       `json:"level"`
	Tree  []UnitTree `json:"tree"`
}

// Components returns the component view of a bloc in a year: statistics per
// component and every unit's profile, in league-table order. Profiles are
// built on each call; the statistics, and the scores, ranks and names the
// profiles point to, are cached and shared (read-only).
func (a *Analysis) Components(sl data.Slice) (BlocComponents, bool) {
	g := a.group(sl)
	if g == nil {
		return BlocComponents{}, false
	}
	cc := a.compCacheOf(g)
	bc := BlocComponents{Index: g.index, Year: g.year, Bloc: g.bloc, PrevYear: cc.prevYear,
		Components: cc.stats, MostLost: cc.mostLost, MostLostName: cc.mostLostName}
	n, nk := len(g.entries), len(cc.keys)
	bc.Units = make([]UnitComponents, n)
	inChunks(chunks(n), func(_, lo, hi int) { // each profile writes only to its own slots
		// each chunk allocates (and so clears and first touches) its own
		// slab on its own core
		s := newCompSlab(hi-lo, nk)
		for i := lo; i < hi; i++ { // in memory order; profiles land at their table position
			a.unitComponents(g, cc, i, &bc.Units[g.rowAt[i]], s, i-lo)
		}
	})
	return bc, true
}

// UnitComponents returns one unit's component profile in a year.
func (a *Analysis) UnitComponents(index string, year int, unitID string) (UnitComponents, bool) {
	e := a.entryOf(index, year, unitID)
	if e == nil {
		return UnitComponents{}, false
	}
	cc := a.compCacheOf(e.g)
	var u UnitComponents
	a.unitComponents(e.g, cc, int(e.idx), &u, newCompSlab(1, len(cc.keys)), 0)
	return u, true
}

// compCache is what a bloc's component view needs, computed once.
type compCache struct {
	prevYear *int
	keys     []int // indexes into a.comps of the components scored in the bloc
	info     []keyInfo
	vals     []float64 // score of entry i on key k at i*nk+k (Missing when none)
	// amax is the maximum that applies to entry i on key k (Missing when
	// unknown), and notApp marks the key not applicable to the entry; both
	// nil when no record of the bloc marks a criterion not applicable (then
	// every maximum is the key's: applicableMax)
	amax         []float64
	notApp       []bool
	ranks        []int // its rank on the key (0 = none)
	stats        []ComponentStats
	comps        []ComponentInfo // per key, what the cells share
	mostLost     *string
	mostLostName *string
}

type keyInfo struct {
	key, name      string
	code           *string
	max, mean, pct float64
	best           float64 // the bloc's best score, with has
	hasMax, has    bool
	hasPct         bool
	bonus          bool
	ranked         int // units in the ranked population
}

// compSlab holds the values a batch of unit profiles point to.
type compSlab struct {
	css []ComponentScore
	fs  []float64
	is  []int
}

// per cell: pct, change, lost; per unit: lost. Scores, ranks and the
// component facts point into the cache.
const slabFloats = 3

func newCompSlab(units, nk int) compSlab {
	return compSlab{
		css: make([]ComponentScore, units*nk),
		fs:  make([]float64, units*(nk*slabFloats+1)),
		is:  make([]int, units*3),
	}
}

// VsBloc compares a unit's score on a component with its bloc, as Strongest
// and Weakest do: percentage points of the max above the bloc's mean
// percentage when the max is known, else points above the bloc mean.
func VsBloc(c *ComponentScore) (float64, bool) {
	if c.Score == nil || c.ComponentInfo == nil || c.BlocMean == nil {
		return 0, false
	}
	if c.Pct != nil && c.BlocPct != nil {
		return *c.Pct - *c.BlocPct, true
	}
	return *c.Score - *c.BlocMean, true
}

// vsBloc compares a score with the bloc: percentage points of the unit's
// applicable maximum above the bloc's share when both are known, else
// points above the bloc mean.
func vsBloc(info *keyInfo, v, applicableMax float64) (float64, bool) {
	switch {
	case !info.has:
		return 0, false
	case info.hasPct && applicableMax > 0:
		return v/applicableMax*100 - info.pct, true
	}
	return v - info.mean, true
}

func (a *Analysis) compCacheOf(g *group) *compCache {
	g.compOnce.Do(func() { g.comp = a.buildCompCache(g) })
	return g.comp
}

func (a *Analysis) buildCompCache(g *group) *compCache {
	cc := &compCache{stats: []ComponentStats{}}
	if g.prev != nil {
		cc.prevYear = &g.prev.year
	}
	n := len(g.entries)

	// which component keys have a score (or a not-applicable mark) in this
	// bloc and year
	for j := range a.comps {
		c := &a.comps[j]
		for i := range g.entries {
			if r := g.entries[i].rec; !data.IsMissing(c.score(r)) || c.notApplicable(r) {
				cc.keys = append(cc.keys, j)
				break
			}
		}
	}
	nk := len(cc.keys)
	if nk == 0 {
		return cc
	}
	cc.info = make([]keyInfo, nk)
	cc.stats = make([]ComponentStats, nk)
	cc.vals = make([]float64, n*nk)
	cc.ranks = make([]int, n*nk)
	// a record with a criterion marked not applicable has maxima of its
	// own (data.ApplicableMax); every other record has the component's
	// (found by chunks on every core, as the scores below); the population
	// is the units not marked not-ranked
	withNA, inPop := make([]bool, n), make([]bool, n)
	byChunk := chunks(n)
	chunkNA := make([]bool, len(byChunk))
	inChunks(byChunk, func(c, lo, hi int) {
		for i := lo; i < hi; i++ {
			r := g.entries[i].rec
			withNA[i], inPop[i] = r.HasNotApplicable(), !r.NotRanked
			chunkNA[c] = chunkNA[c] || withNA[i]
		}
	})
	if slices.Contains(chunkNA, true) {
		cc.notApp, cc.amax = make([]bool, n*nk), make([]float64, n*nk)
	}
	// one pass over the records, by chunks on every core (a chunk writes
	// only its records' rows): every key's score; named is the component
	// index that first gave the key a score, in record order
	named := make([]int, nk)
	firstNamed := make([][]int, len(byChunk))
	inChunks(byChunk, func(c, lo, hi int) {
		first := make([]int, nk)
		for k := range first {
			first[k] = -1
		}
		firstNamed[c] = first
		for i := lo; i < hi; i++ {
			cc.fillRow(a, g.entries[i].rec, i, withNA[i], first)
		}
	})
	for k := range named {
		named[k] = -1
		for _, first := range firstNamed {
			if first[k] >= 0 {
				named[k] = first[k]
				break
			}
		}
	}
	// each key's statistics and ranks write only to the key's own slots
	// (its column of ranks and maxima): a big bloc's keys are shared
	// between cores, each part with its own scratch buffers
	type scratch struct {
		buf   []float64
		pos   []int
		pcBuf []int64
		prBuf []int32
		sum   orderFreeSum
	}
	keyStats := func(sc *scratch, k int) {
		j := cc.keys[k]
		pcBuf, prBuf, sum := sc.pcBuf, sc.prBuf, &sc.sum
		c := &a.comps[j]
		info := &cc.info[k]
		info.key, info.code = c.key, optStr(c.code)
		comp := &a.ds.Components[c.idxs[0]]
		if named[k] >= 0 {
			comp = &a.ds.Components[named[k]]
		}
		for _, ci := range c.idxs {
			if m, ok := a.ds.Components[ci].Max(g.year); ok {
				info.max, info.hasMax = m, true
				break
			}
		}
		for _, ci := range c.idxs {
			info.bonus = info.bonus || a.ds.Components[ci].Bonus
		}
		buf, pos := sc.buf[:0], sc.pos[:0]
		lostTotal, amaxTotal := 0.0, 0.0
		amaxKnown := info.hasMax // every unit in the statistics has its applicable maximum
		varied := false          // some unit's applicable maximum is not the component's
		notApp := 0
		for i := range g.entries {
			x := i*nk + k
			if cc.amax != nil && !withNA[i] && info.hasMax {
				cc.amax[x] = info.max
			}
			if !inPop[i] {
				continue
			}
			if cc.notApp != nil && cc.notApp[x] {
				notApp++
			}
			v := cc.vals[x]
			if data.IsMissing(v) {
				continue
			}
			buf = append(buf, v)
			pos = append(pos, i)
			if m, ok := cc.applicableMax(i, k); !ok {
				amaxKnown = false
			} else {
				lostTotal += m - v
				amaxTotal += m
				varied = varied || m != info.max
			}
		}
		info.name = comp.NameIn(g.year)
		cs := ComponentStats{Key: c.key, Code: info.code, Name: info.name, Bonus: info.bonus, Units: len(buf), NotApplicable: notApp}
		if info.hasMax {
			cs.MaxPoints = &info.max
		}
		amean := info.max // the mean applicable maximum: the component's own unless a criterion is not applicable
		if varied && len(buf) > 0 {
			amean = amaxTotal / float64(len(buf))
		}
		info.ranked = len(buf)
		if len(buf) > 0 {
			// competition ranks of the population, at 2 decimals
			pc := pcBuf[:len(buf)]
			lo, hi := buf[0], buf[0]
			sum.reset()
			for x, v := range buf {
				pc[x] = numfmt.Cents(v)
				sum.add(v)
				lo, hi = min(lo, v), max(hi, v)
			}
			pr := prBuf[:len(buf)]
			med := rankAndMedian(pc, buf, pr)
			for x, i := range pos {
				cc.ranks[i*nk+k] = int(pr[x])
			}
			mean := sum.mean(len(buf))
			info.mean, info.best, info.has = mean, hi, true
			cs.Mean, cs.Median, cs.Min, cs.Max = ptr(mean), ptr(med), ptr(lo), ptr(hi)
			if amaxKnown {
				cs.ApplicableMaxMean = ptr(amean)
				cs.LostMean = ptr(amean - mean)
				cs.LostTotal = ptr(lostTotal)
			}
			switch {
			case amaxKnown && varied:
				sharesOf(cc, k, &cs, &info.pct, &info.hasPct, buf, pos, mean, amean)
			case amaxKnown && info.max != 0:
				info.pct, info.hasPct = mean/info.max*100, true
				cs.MeanPct = ptr(info.pct)
				cs.MedianPct = ptr(med / info.max * 100)
				cs.MinPct = ptr(lo / info.max * 100)
				cs.MaxPct = ptr(hi / info.max * 100)
			}
		}
		if g.prev != nil {
			// the previous year's bloc mean
			sum.reset()
			cnt := 0
			one := c.only()
			for i := range g.prev.entries {
				if r := g.prev.entries[i].rec; !r.NotRanked {
					var v float64
					if one >= 0 { // Score inlined: read for every unit of last year
						v = r.Score(one)
					} else {
						v = c.score(r)
					}
					if !data.IsMissing(v) {
						sum.add(v)
						cnt++
					}
				}
			}
			if cnt > 0 {
				cs.PrevMean = ptr(sum.mean(cnt))
				if cs.Mean != nil {
					cs.MeanChange = ptr(*cs.Mean - *cs.PrevMean)
				}
			}
		}
		cc.stats[k] = cs
	}
	parts := 1
	if n >= chunkUnits {
		parts = min(runtime.GOMAXPROCS(0), nk)
	}
	inParallel(parts, func(p int) {
		sc := &scratch{buf: make([]float64, 0, n), pos: make([]int, 0, n), pcBuf: make([]int64, n), prBuf: make([]int32, n)}
		for k := nk * p / parts; k < nk*(p+1)/parts; k++ {
			keyStats(sc, k)
		}
	})
	cc.comps = make([]ComponentInfo, nk)
	for k := range cc.info {
		info := &cc.info[k]
		c := ComponentInfo{Key: info.key, Code: info.code, Name: info.name, Bonus: info.bonus, RankedOf: info.ranked}
		if info.hasMax {
			c.Max = &info.max
		}
		if info.has {
			c.BlocMean = &info.mean
			c.BlocBest = &info.best
			if info.hasPct {
				c.BlocPct = &info.pct
			}
		}
		cc.comps[k] = c
	}
	best := -1
	for k := range cc.stats {
		if cc.stats[k].Bonus {
			continue // bonus points are not an area the bloc loses points on
		}
		// compared at 2 decimals, as shown: a tie goes to the first component
		if l := cc.stats[k].LostMean; l != nil && (best < 0 || numfmt.Cents(*l) > numfmt.Cents(*cc.stats[best].LostMean)) {
			best = k
		}
	}
	if best >= 0 {
		cc.mostLost = &cc.stats[best].Key
		cc.mostLostName = &cc.stats[best].Name
	}
	return cc
}

// fillRow sets entry i's row of scores (and, when some record marks a
// criterion not applicable, of applicable maxima); first[k] is set to the
// component index of the key's first score met, when not yet set.
func (cc *compCache) fillRow(a *Analysis, r *data.Record, i int, withNA bool, first []int) {
	nk := len(cc.keys)
	row := cc.vals[i*nk : (i+1)*nk]
	for k, j := range cc.keys {
		v, from := data.Missing, -1
		for _, ci := range a.comps[j].idxs {
			if x := r.Score(ci); !data.IsMissing(x) {
				v, from = x, ci
				if first[k] < 0 {
					first[k] = ci
				}
				break
			}
		}
		row[k] = v
		if cc.amax == nil {
			continue
		}
		cc.amax[i*nk+k] = data.Missing
		if !withNA {
			continue // the component's maximum, set by keyStats
		}
		switch {
		case from >= 0:
			if m, ok := a.ds.ApplicableMax(a.tree, r, from); ok {
				cc.amax[i*nk+k] = m
			}
		case a.comps[j].notApplicable(r):
			cc.notApp[i*nk+k], cc.amax[i*nk+k] = true, 0
		}
	}
}

// applicableMax is the maximum of key k that applies to entry i; false
// when unknown.
func (cc *compCache) applicableMax(i, k int) (float64, bool) {
	if cc.amax == nil {
		return cc.info[k].max, cc.info[k].hasMax
	}
	m := cc.amax[i*len(cc.keys)+k]
	return m, !data.IsMissing(m)
}

// applicableMaxPtr points to applicableMax's value (shared, read-only);
// nil when unknown.
func (cc *compCache) applicableMaxPtr(i, k int) *float64 {
	if cc.amax == nil {
		if !cc.info[k].hasMax {
			return nil
		}
		return &cc.info[k].max
	}
	if p := &cc.amax[i*len(cc.keys)+k]; !data.IsMissing(*p) {
		return p
	}
	return nil
}

// sharesOf sets a component's bloc shares when its units' applicable maxima
// differ (a criterion not applicable to some): the bloc's share is its
// points over the points that applied (mean / mean applicable max), and
// the median, lowest and highest are of the units' own shares. A unit
// whose applicable maximum is 0 has no share; without shares, none is set.
func sharesOf(cc *compCache, k int, cs *ComponentStats, pct *float64, hasPct *bool, buf []float64, pos []int, mean, amean float64) {
	shares := make([]float64, 0, len(buf))
	for x, i := range pos {
		if m, _ := cc.applicableMax(i, k); m > 0 {
			shares = append(shares, buf[x]/m*100)
		}
	}
	if len(shares) == 0 || amean == 0 {
		return
	}
	*pct, *hasPct = mean/amean*100, true
	cs.MeanPct = ptr(*pct)
	cs.MinPct, cs.MaxPct = ptr(slices.Min(shares)), ptr(slices.Max(shares))
	cs.MedianPct = ptr(median(shares))
}

// unitComponents fills u, which must be zero, with entry i's profile,
// using slot k of the slab. It sets u's fields one by one: copying a whole
// struct into u costs a write barrier on each of its pointer fields while
// the collector runs, nil ones too.
func (a *Analysis) unitComponents(g *group, cc *compCache, i int, u *UnitComponents, s compSlab, k int) {
	e := &g.entries[i]
	u.Index, u.Year, u.Bloc, u.UnitID, u.Unit, u.UnitCode = g.index, g.year, g.bloc, e.rec.UnitID, e.rec.Unit, e.unitCode()
	if e.hasScore {
		u.Score = &e.rec.Total
	}
	if e.ranked() {
		u.Rank = &e.rank
	}
	nk := len(cc.keys)
	if nk == 0 {
		u.Components = []ComponentScore{}
		return
	}
	u.Components = s.css[k*nk : (k+1)*nk : (k+1)*nk]
	fs := s.fs[k*(nk*slabFloats+1) : (k+1)*(nk*slabFloats+1)]
	is := s.is[k*3 : k*3+3]
	fell, rose, comparable := &is[0], &is[1], &is[2]
	ulost := &fs[nk*slabFloats]
	strong, weak := -1, -1
	var strongV, weakV float64
	hasLost := false
	var prev *data.Record
	if e.prev != nil {
		prev = e.prev.rec
	}
	vals, ranks := cc.vals[i*nk:(i+1)*nk], cc.ranks[i*nk:(i+1)*nk]
	for x := range u.Components {
		info := &cc.info[x]
		cs := &u.Components[x]
		cs.ComponentInfo = &cc.comps[x]
		v := vals[x]
		amPtr := cc.applicableMaxPtr(i, x)
		if cc.notApp != nil && cc.notApp[i*nk+x] {
			cs.NotApplicable, cs.ApplicableMax = true, amPtr
			continue
		}
		if data.IsMissing(v) {
			continue
		}
		f := fs[x*slabFloats : (x+1)*slabFloats : (x+1)*slabFloats]
		cs.Score = &vals[x]
		am, amOK := 0.0, amPtr != nil // am stays 0 when unknown: vsBloc then compares in points
		if amOK {
			am = *amPtr
			cs.ApplicableMax = amPtr
			if !info.bonus { // a bonus not earned is not a point lost
				f[2] = am - v
				cs.Lost = &f[2]
				*ulost += f[2]
				hasLost = true
			}
			if am != 0 {
				f[0] = v / am * 100
				cs.Pct = &f[0]
			}
		}
		p, hasPrev := data.Missing, false // the previous year's score
		if prev != nil {
			if c := &a.comps[cc.keys[x]]; c.only() >= 0 { // Score inlined: read for every unit and component
				p = prev.Score(c.only())
			} else {
				p = c.score(prev)
			}
			hasPrev = !data.IsMissing(p)
		}
		if hasPrev {
			f[1] = scoreChange(v, p)
			cs.Change = &f[1]
		}
		if hasPrev && !info.bonus {
			*comparable++
			switch compareCents(v, p) {
			case -1:
				*fell++
			case 1:
				*rose++
			}
		}
		if vs, ok := vsBloc(info, v, am); ok && !info.bonus {
			if strong < 0 || vs > strongV {
				strong, strongV = x, vs
			}
			if weak < 0 || vs < weakV {
				weak, weakV = x, vs
			}
		}
		if ranks[x] > 0 {
			cs.Rank = &ranks[x]
		}
	}
	if strong >= 0 {
		u.Strongest, u.StrongestKey = &cc.info[strong].name, &cc.info[strong].key
		u.Weakest, u.WeakestKey = &cc.info[weak].name, &cc.info[weak].key
	}
	if prev != nil {
		u.Fell, u.Rose, u.Comparable = fell, rose, comparable
	}
	if hasLost {
		u.Lost = ulost
	}
}

// ProfileCell is one unit's result on a component beside its bloc's mean.
type ProfileCell struct {
	Bloc     string   `json:"bloc"`
	Score    *float64 `json:"score"`
	BlocMean *float64 `json:"bloc_mean"`
	// VsMean is Score − BlocMean; nil when either is missing.
	VsMean *float64 `json:"vs_mean"`
}

// ProfileRow is one component across the units compared.
type ProfileRow struct {
	Key   string        `json:"key"`
	Code  *string       `json:"code"`
	Name  string        `json:"name"`
	Bonus bool          `json:"bonus"`
	Max   *float64      `json:"max"`
	Cells []ProfileCell `json:"cells"` // one per unit asked for, in that order
}

// CompareComponents sets units' component profiles in a year side by side,
// each against its own bloc's mean: one row per component (in the order
// the units' blocs list them, first unit first), one cell per unit. A unit
// without a result that year, or without that component, has an empty
// cell.
func (a *Analysis) CompareComponents(index string, year int, unitIDs []string) []ProfileRow {
	rows := []ProfileRow{}
	at := map[string]int{}
	for ui, id := range unitIDs {
		uc, ok := a.UnitComponents(index, year, id)
		if !ok {
			continue
		}
		for i := range uc.Components {
			cs := &uc.Components[i]
			k, seen := at[cs.Key]
			if !seen {
				k = len(rows)
				at[cs.Key] = k
				rows = append(rows, ProfileRow{Key: cs.Key, Code: cs.Code, Name: cs.Name, Bonus: cs.Bonus,
					Max: cs.ComponentInfo.Max, Cells: make([]ProfileCell, len(unitIDs))})
			}
			r := &rows[k]
			r.Bonus = r.Bonus || cs.Bonus
			if r.Max == nil {
				r.Max = cs.ComponentInfo.Max
			}
			cell := ProfileCell{Bloc: uc.Bloc, Score: cs.Score, BlocMean: cs.BlocMean}
			if cs.Score != nil && cs.BlocMean != nil {
				cell.VsMean = ptr(*cs.Score - *cs.BlocMean)
			}
			r.Cells[ui] = cell
		}
	}
	return rows
}

// notApplicable reports whether a record marks the component key not
// applicable ("KPS") and gives it no score.
func (c *compKey) notApplicable(r *data.Record) bool {
	for _, i := range c.idxs {
		if v := r.Score(i); data.IsNotApplicable(v) {
			return true
		} else if !data.IsMissing(v) {
			return false
		}
	}
	return false
}

// AnyNotApplicable reports whether any record marks a criterion not
// applicable: then a component's maximum shown beside a unit is the one
// that applies to it, and views say so in the column's name.
func (a *Analysis) AnyNotApplicable() bool {
	for i := range a.ds.Records {
		if a.ds.Records[i].HasNotApplicable() {
			return true
		}
	}
	return false
}

// NotApplicableAny reports whether some unit of the bloc has a criterion
// marked not applicable on a component, so that its applicable maximum is
// not the component's.
func (bc *BlocComponents) NotApplicableAny() bool {
	for _, s := range bc.Components {
		if s.NotApplicable > 0 || s.ApplicableMaxMean != nil && s.MaxPoints != nil && *s.ApplicableMaxMean != *s.MaxPoints {
			return true
		}
	}
	for _, u := range bc.Units {
		for _, c := range u.Components {
			if c.NotApplicable || c.ApplicableMax != nil && c.Max != nil && *c.ApplicableMax != *c.Max {
				return true
			}
		}
	}
	return false
}

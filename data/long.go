package data

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/parlens/parlens/data/join"
)

// Reading a long file: one row per unit, year and component. Rows of one
// unit and year become one record; the total is the sum of components unless
// a component named like a total ("Tổng điểm") gives it.
//
// A big file is cut into pieces of longChunkBytes at row boundaries. Each
// piece is read on its own goroutine into a list of compact cells (a value,
// a line, a piece-local unit and component); the builder takes the pieces
// in file order and folds their cells into records keyed by (index, year,
// unit), so every message, and the order of everything first seen, is what
// reading the file row by row gives. Only a few pieces are in memory at once.

// longChunkBytes is the size of the pieces a long file is cut into.
var longChunkBytes = 4 << 20

// cell kinds
const (
	cellCanon uint8 = iota // the row names no component: its index and bloc are still seen
	cellTouch              // no score (empty, unreadable or negative): the record exists
	cellScore
	cellTotal
	cellSelf // the unit's self-assessed score, kept beside the total
)

// longCell is one row of a long file that passed the role checks.
type longCell struct {
	v      float64
	line   int32 // within the piece
	base   int32 // piece-local identity (longChunk.bases)
	comp   int32 // piece-local component (longChunk.comps); -1 for cellCanon
	issues int32 // the piece's problems reported before this row
	kind   uint8
	dec    uint8 // decimals written, at most 7 (more round as 7 do)
}

// longBase is a distinct set of role cells in a piece, read once.
type longBase struct {
	rec Record // index and bloc as written; canonical once merged
	// set by the merge:
	canon bool
	acc   int32 // the record it belongs to; -1 before
}

// longComp is a distinct component cell in a piece.
type longComp struct {
	name   string // trimmed, copied out of the file
	role   role   // roleTotal, roleSelfAssessed, roleMaximum, roleRowNumber by name; else roleOther
	global int32  // index in Dataset.Components once seen; -1 before
}

// longChunk is one piece of a long file, read on its own goroutine.
type longChunk struct {
	p            *rowParser
	rows         int // rows read, counted as the serial loop counts them
	cells        []longCell
	bases        []longBase
	comps        []longComp
	quoteTrouble bool
}

// parse reads one piece; it touches nothing shared.
func (c *longChunk) parse(text []byte, compCol, scoreCol int) {
	p := c.p
	t := p.ctx.t
	r := newRowReader(text, t.info.Delimiter, len(p.ctx.h.names))
	c.cells = getCells(bytes.Count(text, []byte{'\n'}) + 1)
	// Identities: consecutive rows usually repeat the role cells, so the
	// last one is compared first; otherwise a map of the raw cells.
	var roleCols []int
	for _, rl := range []role{roleYear, roleIndex, roleBloc, roleCode, roleUnit, roleGrade, roleRank} {
		if i := p.col[rl]; i >= 0 {
			roleCols = append(roleCols, i)
		}
	}
	type rawKey [7]string
	baseOf := map[rawKey]int32{}
	var lastKey rawKey
	lastBase := int32(-1)
	compOf := map[string]int32{}
	lastComp := int32(-1)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		c.rows++
		if err != nil {
			p.rowError(r.recLine, err, rec)
			continue
		}
		if blankRow(rec) {
			c.rows--
			continue
		}
		line := r.recLine
		var k rawKey
		for j, col := range roleCols {
			k[j] = rec[col]
		}
		b := lastBase
		if b < 0 || k != lastKey {
			var ok bool
			if b, ok = baseOf[k]; !ok {
				var base Record
				if !p.readRoles(rec, line+p.lineOffset, &base) {
					continue // not kept: the same cells fail again on another row
				}
				b = int32(len(c.bases))
				c.bases = append(c.bases, longBase{rec: base, acc: -1})
				for j := range k {
					k[j] = strings.Clone(k[j]) // the key outlives the row
				}
				baseOf[k] = b
			}
			lastKey, lastBase = k, b
		}
		cell := longCell{line: int32(line), base: b, comp: -1, issues: int32(len(p.issues))}
		name := strings.TrimSpace(rec[compCol])
		if name == "" {
			p.errorf(Pos{t.name, line + p.lineOffset, compCol + 1}, "every row names its component", "empty component name")
			cell.kind = cellCanon
			c.cells = append(c.cells, cell)
			continue
		}
		// components usually come round in the same order
		if n := lastComp + 1; n > 0 && int(n) < len(c.comps) && c.comps[n].name == name {
			cell.comp = n
		} else if lastComp >= 0 && c.comps[lastComp].name == name {
			cell.comp = lastComp
		} else if id, ok := compOf[name]; ok {
			cell.comp = id
		} else {
			cell.comp = int32(len(c.comps))
			name = strings.Clone(name)
			c.comps = append(c.comps, longComp{name: name, role: headerRole(name), global: -1})
			compOf[name] = cell.comp
		}
		lastComp = cell.comp
		cell.kind = cellTouch
		crole := c.comps[cell.comp].role
		s := rec[scoreCol]
		missing, marked := missingValue(s) // an empty score is missing, never zero
		switch {
		case crole == roleMaximum || crole == roleRowNumber:
			// a maximum or a row number given as a component: never a score
		case marked && t.declaredNotApplicable(s):
			cell.v, cell.kind = NotApplicable, cellScore
		case marked:
			p.warnf(Pos{t.name, line + p.lineOffset, scoreCol + 1}, "an error value or blank mark has no score; fill the cell if the unit was scored",
				"%q for %q read as missing", clip(trimSpace(s)), clip(name))
		case isNotApplicableMark(s):
			cell.v, cell.kind = NotApplicable, cellScore
		case !missing:
			v, dec, _, fault := readNumber(s, t.decimal)
			switch {
			case fault != numberOK:
				what, hint := t.numberTrouble(s, fault)
				p.errorf(Pos{t.name, line + p.lineOffset, scoreCol + 1}, hint, "%s in column %q", what, p.ctx.h.names[scoreCol])
			case v < 0:
				p.errorf(Pos{t.name, line + p.lineOffset, scoreCol + 1}, "scores are never below zero; check the sign", "negative score %s", clip(s))
			default:
				cell.v, cell.dec, cell.kind = v, uint8(min(dec, 7)), cellScore
				switch crole {
				case roleTotal:
					cell.kind = cellTotal
				case roleSelfAssessed:
					cell.kind = cellSelf
				}
			}
		}
		c.cells = append(c.cells, cell)
	}
	c.quoteTrouble = r.quoteTrouble
}

// longAcc is one record being assembled.
type longAcc struct {
	rec       Record
	scores    []float64 // by component; Missing where none
	lines     []int32   // the line of each score
	nScores   int
	decimals  int
	hasTotal  bool
	total     float64
	totalLine int
}

type longKey struct {
	index string
	year  int
	unit  string
}

const accBlock = 4096

func (m *longMerge) acc(i int32) *longAcc { return &m.accs[i/accBlock][i%accBlock] }

func (m *longMerge) newAcc(rec Record) int32 {
	if m.nAccs%accBlock == 0 {
		m.accs = append(m.accs, make([]longAcc, 0, accBlock))
	}
	blk := &m.accs[len(m.accs)-1]
	*blk = append(*blk, longAcc{rec: rec})
	m.nAccs++
	return int32(m.nAccs - 1)
}

// longMerge folds pieces, in file order, into records.
type longMerge struct {
	b      *builder
	t      *table
	h      header
	p      *rowParser // the file's problems, in row order
	byKey  map[longKey]int32
	accs   [][]longAcc // in blocks of accBlock, so growing never copies
	nAccs  int
	arena  []float64
	larena []int32
	rows   int
}

func (b *builder) readLong(t *table, r *csv.Reader, h header) {
	ctx := newRowCtx(t, h)
	if !b.checkRequired(ctx) {
		return
	}
	m := &longMerge{b: b, t: t, h: h, p: newRowParser(ctx, 0), byKey: map[longKey]int32{}}
	defer b.absorb(m.p)
	for i, role := range h.roles {
		switch role {
		case roleOther, roleDuplicate, roleTotal, roleSelfAssessed:
			t.info.Ignored = append(t.info.Ignored, displayHeader(h.names[i], i))
			switch role {
			case roleOther:
				t.info.Columns[i].Role = "ignored: not a long-format column"
			case roleTotal, roleSelfAssessed:
				t.info.Columns[i].Role = "ignored: a long file gives totals as rows of the component column"
			}
		case roleComponent:
			t.info.Columns[i].Role = "component name"
		case roleScore:
			t.info.Columns[i].Role = "score"
		}
	}
	compCol, scoreCol := h.col[roleComponent], h.col[roleScore]
	start := t.dataStart
	firstLine := bytes.Count(t.text[:start], []byte{'\n'})
	bounds := splitRows(t.text, start, (len(t.text)-start)/longChunkBytes+1)
	parse := func(from, to, lineOffset int) *longChunk {
		c := &longChunk{p: newRowParser(ctx, lineOffset)}
		c.parse(t.text[from:to], compCol, scoreCol)
		return c
	}
	if len(bounds) == 2 {
		m.merge(parse(start, len(t.text), firstLine))
	} else {
		m.pipeline(bounds, firstLine, parse)
	}
	t.info.Rows = m.rows
	if m.rows == 0 {
		m.p.errorf(Pos{File: t.name, Line: t.headLine}, "add data rows under the header", "header only: the file has no data rows")
		return
	}
	m.finish()
}

// pipeline parses the pieces on every core, a few ahead of the merge, and
// merges them in order. A piece whose quotes do not pair up may have been
// cut inside a quoted cell: the file is then read on from that piece's
// start as one piece, as a single reader would read it.
func (m *longMerge) pipeline(bounds []int, firstLine int, parse func(from, to, lineOffset int) *longChunk) {
	n := len(bounds) - 1
	results := make([]chan *longChunk, n)
	for i := range results {
		results[i] = make(chan *longChunk, 1) // a piece never waits to be handed over
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)+1) // pieces parsed and not yet merged
	stop := make(chan struct{})
	halt := sync.OnceFunc(func() { close(stop) })
	var wg join.Group
	wg.Go(func() { // the dispatcher: starts pieces as slots free up
		lines := firstLine
		for i := 0; i < n; i++ {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			from := lines // lines moves on before the piece starts
			wg.Go(func() { results[i] <- parse(bounds[i], bounds[i+1], from) })
			lines += bytes.Count(m.t.text[bounds[i]:bounds[i+1]], []byte{'\n'})
		}
	})
	defer wg.Wait()
	for i := 0; i < n; i++ {
		var c *longChunk
		select {
		case c = <-results[i]:
		case <-wg.Failed(): // a piece panicked and sends nothing: raise its panic here
			halt()
			wg.Wait()
		}
		<-slots
		if c.quoteTrouble && i+1 < n {
			halt()
			m.merge(parse(bounds[i], len(m.t.text), c.p.lineOffset))
			return
		}
		m.merge(c)
	}
}

// merge folds one piece's cells into the records, in row order.
func (m *longMerge) merge(c *longChunk) {
	b, t := m.b, m.t
	m.rows += c.rows
	scoreCol := m.h.col[roleScore]
	off := c.p.lineOffset
	flushed := 0
	maxYear, maxes := 0, []float64(nil)
	flush := func(upTo int) {
		for ; flushed < upTo; flushed++ {
			m.p.add(c.p.issues[flushed])
		}
	}
	for i := range c.cells {
		cell := &c.cells[i]
		flush(int(cell.issues))
		lb := &c.bases[cell.base]
		if !lb.canon {
			b.canonicalize(&lb.rec)
			lb.canon = true
		}
		if cell.kind == cellCanon {
			continue
		}
		line := int(cell.line) + off
		base := &lb.rec
		created := false
		if lb.acc < 0 {
			unitKey := base.UnitCode
			if unitKey == "" {
				unitKey = nameID(b.fold(base.Unit))
			}
			k := longKey{base.Index, base.Year, unitKey}
			a, ok := m.byKey[k]
			if !ok {
				rec := *base
				rec.Pos.Line = line
				a = m.newAcc(rec)
				m.byKey[k] = a
				created = true
			}
			lb.acc = a
		}
		a := m.acc(lb.acc)
		if !created && a.rec.Grade == "" {
			a.rec.Grade = base.Grade
		}
		comp := &c.comps[max(cell.comp, 0)]
		switch cell.kind {
		case cellSelf:
			a.rec.note().SelfAssessed = cell.v
		case cellTotal:
			if a.hasTotal && a.total != cell.v {
				m.p.errorf(Pos{t.name, line, scoreCol + 1}, "keep one row per unit, year and component",
					"%s %d %s: total given twice with different values (also at line %d)", clip(base.Unit), base.Year, clip(comp.name), a.totalLine)
			}
			a.hasTotal, a.total, a.totalLine = true, cell.v, line
		case cellScore:
			if comp.global < 0 {
				comp.global = int32(b.columnComponent(comp.name))
			} else {
				b.ds.Components[comp.global].Name = comp.name // the name as last seen
			}
			g := int(comp.global)
			if g < len(a.scores) && !IsMissing(a.scores[g]) {
				if a.scores[g] != cell.v {
					m.p.errorf(Pos{t.name, line, scoreCol + 1}, "keep one row per unit, year and component",
						"%s %d %q given twice with different values (also at line %d)", clip(base.Unit), base.Year, clip(comp.name), a.lines[g])
				}
				continue
			}
			if base.Year != maxYear || len(maxes) != len(b.ds.Components) {
				maxYear, maxes = base.Year, b.maxima(base.Year)
			}
			if cell.v > maxes[g] {
				b.checkMax(g, base.Year, cell.v, Pos{t.name, line, scoreCol + 1})
			}
			if g >= len(a.scores) {
				m.grow(a, g+1)
			}
			a.scores[g] = cell.v
			a.lines[g] = int32(line)
			a.nScores++
			a.decimals = max(a.decimals, int(cell.dec))
			b.noteDecimals(int(cell.dec))
		}
	}
	flush(len(c.p.issues))
	putCells(c.cells)
	c.cells = nil
}

// cellBufs recycles the pieces' cell lists: a few are in use at a time.
var cellBufs sync.Pool

func getCells(n int) []longCell {
	if v, ok := cellBufs.Get().(*[]longCell); ok && cap(*v) >= n {
		return (*v)[:0]
	}
	return make([]longCell, 0, n)
}

func putCells(c []longCell) {
	if cap(c) > 0 {
		cellBufs.Put(&c)
	}
}

// grow gives a record room for n components, from a shared arena.
func (m *longMerge) grow(a *longAcc, n int) {
	n = max(n, len(m.b.ds.Components))
	if len(m.arena) < n {
		size := max(n, 1<<16)
		m.arena, m.larena = make([]float64, size), make([]int32, size)
	}
	s, l := m.arena[:n:n], m.larena[:n:n]
	m.arena, m.larena = m.arena[n:], m.larena[n:]
	copy(s, a.scores)
	copy(l, a.lines)
	for i := len(a.scores); i < n; i++ {
		s[i] = Missing
	}
	a.scores, a.lines = s, l
}

// finish turns the assembled records into the dataset's.
func (m *longMerge) finish() {
	b, t := m.b, m.t
	b.linkTree()
	scoreCol := m.h.col[roleScore]
	n := len(b.ds.Components)
	// every record's score codes in one array, n a record (a wide
	// record's in an array of its own)
	backing, buf := make([]int16, 0, m.nAccs*n), make([]int32, n)
	b.ds.Records = slices.Grow(b.ds.Records, m.nAccs)
	// the components that apply to an index and year: those some unit has
	// a score on, or whose components.csv span covers the year
	applies := map[presenceKey][]bool{}
	limits := map[int]scaleLimit{}
	for _, blk := range m.accs {
		for i := range blk {
			a := &blk[i]
			k := presenceKey{a.rec.Index, a.rec.Year}
			have := applies[k]
			if have == nil {
				have = make([]bool, n)
				applies[k] = have
				limits[k.year] = b.scale(k.year)
			}
			for g, v := range a.scores {
				have[g] = have[g] || !IsMissing(v)
			}
		}
	}
	used := usedByIndex(applies)
	for k, have := range applies { // and, for an index that uses them, those components.csv's spans cover
		for g := range have {
			have[g] = have[g] || used[k.index][g] && b.ds.Components[g].spans(k.year)
		}
	}
	for bi, blk := range m.accs {
		for i := range blk {
			a := &blk[i]
			rec := a.rec
			at := len(backing)
			backing = backing[:at+n]
			rec.putScores(backing[at:at+n:at+n], a.scores, n, buf)
			sum := 0.0
			var missing []string
			have := applies[presenceKey{rec.Index, rec.Year}]
			limit := limits[rec.Year]
			refused := false // a score beyond the scale, reported: its sum is not
			for g := range rec.NumScores() {
				v := Missing // the score rec.Score(g) gives, at hand
				if g < len(a.scores) {
					v = a.scores[g]
				}
				switch {
				case !b.tree.tree.summed(g, &rec):
				case v > limit.max: // no component holds more than a whole total
					refused = true
					b.errorf(Pos{t.name, int(a.lines[g]), scoreCol + 1}, "check the row: is the number a score?",
						"%s %d %q: score %s is far above the scale: a total is at most %s (%s)",
						clip(rec.Unit), rec.Year, clip(b.ds.Components[g].NameIn(rec.Year)), formatNum(v), formatNum(limit.max), limit.why)
				case !IsMissing(v):
					sum += v
				case have[g] && !IsNotApplicable(v):
					missing = append(missing, b.ds.Components[g].NameIn(rec.Year))
				}
			}
			switch {
			case a.hasTotal:
				rec.Total = a.total
				if rec.Total > limit.max {
					b.errorf(Pos{t.name, a.totalLine, scoreCol + 1}, "check the total's row: is the number a score?",
						"total %s is far above the scale: a total is at most %s (%s)", formatNum(rec.Total), formatNum(limit.max), limit.why)
				} else if d := rec.Total - sum; a.nScores > 0 && len(missing) == 0 && (d > 0.015 || d < -0.015) {
					b.warnf(Pos{t.name, a.totalLine, scoreCol + 1}, "published tables round to 0.01; a bigger gap is a typo or a missing component",
						"total %s differs from the sum of components %s", formatNum(rec.Total), formatNum(roundTo(sum, a.decimals)))
				}
			case len(missing) > 0:
				rec.note().MissingParts = missing
				b.warnf(rec.Pos, "add the missing rows or scores, or give the total",
					"%s %d is not ranked: its total is the sum of its components, and %s (%s); a partial sum is never used",
					clip(rec.Unit), rec.Year, missingCount(len(missing)), clip(strings.Join(missing, ", ")))
			case a.nScores > 0:
				rec.Total = roundTo(sum, a.decimals)
				rec.TotalDerived = true
				if rec.Total > limit.max && !refused {
					b.errorf(Pos{t.name, rec.Pos.Line, scoreCol + 1}, "check the scores of this unit and year: one is not a score",
						"%s %d: the sum of %s, %s, is far above the scale: a total is at most %s (%s)",
						clip(rec.Unit), rec.Year, countNoun(a.nScores, "component", "components"), formatNum(rec.Total), formatNum(limit.max), limit.why)
				}
			}
			b.grades.check(b.ds, &rec, m.h.col[roleGrade]+1, b.add)
			b.ds.Records = append(b.ds.Records, rec)
		}
		m.accs[bi] = nil
	}
	m.accs = nil
}

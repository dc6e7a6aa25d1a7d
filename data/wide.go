package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parlens/parlens/data/join"
)

// readData reads one data file, wide or long.
func (b *builder) readData(t *table) {
	r := t.reader()
	th, err := b.readHead(t)
	if err != nil {
		if errors.Is(err, io.EOF) {
			b.errorf(Pos{File: t.name}, "export the sheet again with a header row and data rows", "empty file")
		} else {
			b.csvError(t, err)
		}
		return
	}
	head := th.names
	t.headLine, t.dataStart = th.line, th.dataStart
	t.readDeclarations()
	t.info.Notes = append(percentNotes(t, head), t.info.Notes...)
	h := parseHeader(head, b.opt.Columns)
	b.noteMapped(head)
	kind := "wide"
	if h.isLong() {
		kind = "long"
	}
	t.info.Kind = kind
	t.info.Columns = describeColumns(h)
	// Now the format is known, so is the memory the rest needs (the text is
	// already held: the system's figure counts it as taken).
	size := int64(len(t.text))
	if !b.memoryFits(Pos{File: t.name}, size, memoryNeed(size, h.isLong()), size, kind) {
		return
	}
	if h.isLong() {
		b.readLong(t, r, h)
		return
	}
	b.readWide(t, r, h)
}

// rowCtx is what every row of a file shares.
type rowCtx struct {
	t        *table
	h        header
	fileYear int
	// bloc is the bloc of rows without one: the sheet's, or defaultBloc
	bloc string
	// sections is set when section rows name the blocs (no bloc column)
	sections  bool
	rowNumCol int // the row-number column (-1: none), where section numerals sit
	unitCol   int
}

// newRowCtx takes the file's year from its sheet's name, else its own
// name, else from the total's header ("Chỉ số PAR INDEX 2022") when the
// file has no year column.
func newRowCtx(t *table, h header) rowCtx {
	y := t.sheetYear
	if y == 0 {
		y = yearFromName(t.name)
	}
	if y == 0 && !h.has(roleYear) {
		y = h.year
	}
	bloc := defaultBloc
	if t.sheetBloc != "" {
		bloc = t.sheetBloc
	}
	rowNum, ok := h.col[roleRowNumber]
	if !ok {
		rowNum = -1
	}
	unitCol, ok := h.col[roleUnit]
	if !ok {
		unitCol = -1
	}
	return rowCtx{t: t, h: h, fileYear: y, bloc: bloc, sections: !h.has(roleBloc), rowNumCol: rowNum, unitCol: unitCol}
}

// wideCol is a column that is not a known role: a component if its cells
// are numbers, unless they are row numbers or identifiers.
type wideCol struct {
	col      int
	numeric  int
	text     int
	badCells []badCell // non-numbers, reported if the column turns out numeric
	marks    []badCell // missing marks and error values, reported likewise
	nMarks   int
	decimals int
	top      float64 // the largest value
	// seq: the values so far run 1, 2, 3… (restarting at 1 allowed), as
	// row numbers do; first and last are the first and last values, cells
	// the cells seen
	seq         bool
	first, last float64
	cells       int
}

// count adds a cell read as the number v, of dec decimals.
func (c *wideCol) count(v float64, dec int) {
	c.numeric++
	c.decimals = max(c.decimals, dec)
	if v > c.top {
		c.top = v
	}
}

// follow extends the column's sequence check by a cell (missing: NaN).
func (c *wideCol) follow(v float64) {
	switch {
	case IsMissing(v):
		c.seq = false
	case c.cells == 0:
		c.first = v
	case v != c.last+1 && v != 1:
		c.seq = false
	}
	c.last = v
	c.cells++
}

// join adds the next chunk's account of the same column.
func (c *wideCol) join(n *wideCol) {
	c.numeric += n.numeric
	c.text += n.text
	c.decimals = max(c.decimals, n.decimals)
	c.top = max(c.top, n.top)
	if room := 20 - len(c.badCells); room > 0 {
		c.badCells = append(c.badCells, n.badCells[:min(room, len(n.badCells))]...)
	}
	if room := 20 - len(c.marks); room > 0 {
		c.marks = append(c.marks, n.marks[:min(room, len(n.marks))]...)
	}
	c.nMarks += n.nMarks
	if n.cells > 0 {
		if c.cells == 0 {
			c.first = n.first
		} else if n.first != c.last+1 && n.first != 1 {
			c.seq = false
		}
		c.seq = c.seq && n.seq
		c.last = n.last
		c.cells += n.cells
	}
}

// idLike says why a numeric column is not a score: whole numbers of seven
// digits or more (codes, identifiers), or row numbers 1, 2, 3… ("" when
// it can be a score). No PAR component reaches a million points, and
// scores do not count up by one down a table.
func (c *wideCol) idLike() string {
	switch {
	case c.decimals > 0 || c.text > 0:
		return ""
	case c.top >= 1e6:
		return "identifiers (whole numbers of 7 digits or more)"
	case c.seq && c.cells >= 3 && c.top >= 3:
		return "row numbers (1, 2, 3…)"
	}
	return ""
}

// presenceKey is an index (as written on the row, then canonical) and year.
type presenceKey struct {
	index string
	year  int
}

// keyCounts counts an index and year's rows and, per candidate column,
// its missing cells (nil until one is).
type keyCounts struct {
	rows    int
	missing []int
}

type badCell struct {
	pos   Pos
	text  string
	fault numberFault
}

// wideChunk is one part of a file's rows, parsed on its own goroutine.
type wideChunk struct {
	p *rowParser
	// recs are the chunk's records, written where they will stay: in
	// Dataset.Records' array, at room reserved for the chunk's lines. Until
	// the columns are classified a record's scores are its candidate
	// columns' codes, in column order.
	recs  []Record
	start int // recs[0]'s place in Dataset.Records, once the gaps are closed
	// totalGiven has bit k set when record k's total cell was given.
	totalGiven []uint64
	// codes are the records' unit code ordinals among p.codes (-1: no
	// code), when the file has a code column
	codes []int32
	years map[int]bool // the years of recs
	// counts has, for each index and year, its rows and missing cells
	// per candidate column: a component applies that year when some row
	// has a value (see joinPresence)
	counts        map[presenceKey]*keyCounts
	cols          []wideCol
	seen          int // rows read, good or bad
	totalDecimals int
	quoteTrouble  bool // encoding/csv met quotes that do not pair up
	// beforeSection is how many records came before the chunk's first
	// section row ("I. KHỐI SỞ…"), whose bloc an earlier chunk knows;
	// lastSection is the chunk's last section, sections how many it met.
	beforeSection int
	lastSection   string
	sections      int
}

// strideGuess is builder.scoreStride; tests make it guess short.
var strideGuess = (*builder).scoreStride

// minChunkBytes keeps small files on one goroutine.
var minChunkBytes = 1 << 20

func (b *builder) readWide(t *table, r *csv.Reader, h header) {
	ctx := newRowCtx(t, h)
	if !b.checkRequired(ctx) {
		return
	}
	var candidates []int
	for i, role := range h.roles {
		switch role {
		case roleOther:
			candidates = append(candidates, i)
		case roleDuplicate:
			t.info.Ignored = append(t.info.Ignored, h.names[i]+" (duplicate column)")
		case roleNotScore:
			t.info.Ignored = append(t.info.Ignored, h.names[i]+" (not a score)")
		case roleScore:
			if h.has(roleTotal) {
				t.info.Ignored = append(t.info.Ignored, h.names[i]+" (second total)")
				t.info.Columns[i].Role = "ignored: a second total"
			} else {
				t.info.Columns[i].Role = "total"
			}
		}
	}
	// Big files are cut at row boundaries and parsed on every core.
	start := t.dataStart
	bounds := splitRows(t.text, start, min(runtime.GOMAXPROCS(0), 8, (len(t.text)-start)/minChunkBytes+1))
	chunks := make([]*wideChunk, len(bounds)-1)
	// A chunk has at most a record per line: records are written straight
	// into room reserved after the dataset's, a chunk's room after another's.
	newlines := make([]int, len(chunks)) // each chunk's, counted on every core
	var wg join.Group
	for i := range chunks {
		wg.Go(func() { newlines[i] = bytes.Count(t.text[bounds[i]:bounds[i+1]], []byte{'\n'}) })
	}
	wg.Wait()
	lines := bytes.Count(t.text[:start], []byte{'\n'})
	lineOffsets, room := make([]int, len(chunks)+1), make([]int, len(chunks)+1)
	for i, n := range newlines {
		lineOffsets[i] = lines
		lines += n
		// A chunk but the last ends with its last line's '\n', so it has
		// as many lines as newlines: without blank lines its records end
		// where the next chunk's room starts, and no gap is closed below.
		if i == len(chunks)-1 {
			n++
		}
		room[i+1] = room[i] + n
	}
	base := len(b.ds.Records)
	all := slices.Grow(b.ds.Records, room[len(chunks)])[:base+room[len(chunks)]]
	_ = adviseHugeSlice(all[base:]) // likewise
	stride := strideGuess(b, h, candidates)
	parse := func(i, upTo int, lineOffset int) *wideChunk {
		c := &wideChunk{p: newRowParser(ctx, lineOffset), recs: all[base+room[i] : base+room[i] : base+room[upTo]]}
		c.parse(t.text[bounds[i]:bounds[upTo]], candidates, stride, room[upTo]-room[i])
		return c
	}
	for i := range chunks {
		wg.Go(func() { chunks[i] = parse(i, i+1, lineOffsets[i]) })
	}
	wg.Wait()
	// Quotes that do not pair up may have misled a cut: read on from the
	// first chunk that met them as one piece, as a single reader would.
	for i, c := range chunks {
		if c.quoteTrouble && i+1 < len(chunks) {
			chunks = append(chunks[:i], parse(i, len(chunks), lineOffsets[i]))
			break
		}
	}
	// Records before a chunk's first section row are in the section an
	// earlier chunk last named.
	carry, sections := "", 0
	for _, c := range chunks {
		n := len(c.recs)
		if c.sections > 0 {
			n = c.beforeSection
		}
		if carry != "" {
			for k := range n {
				c.recs[k].Bloc = carry
			}
		}
		if c.sections > 0 {
			carry = c.lastSection
		}
		sections += c.sections
	}
	if sections > 0 {
		t.info.Notes = append(t.info.Notes, fmt.Sprintf("%s inside the table (\"I. KHỐI …\") give the bloc of the rows under them",
			countNoun(sections, "section row", "section rows")))
	}
	// close the gaps between the chunks' records (blank and bad lines)
	at := base
	for _, c := range chunks {
		n := len(c.recs)
		if n > 0 && &all[at] != &c.recs[0] {
			copy(all[at:at+n], c.recs)
		}
		c.recs, c.start = all[at:at+n:at+n], at
		at += n
	}

	cols := make([]wideCol, len(candidates))
	seen, nrows, totalDecimals := 0, 0, 0
	for i := range cols {
		cols[i].col, cols[i].seq = candidates[i], true
	}
	for _, c := range chunks {
		b.absorb(c.p)
		seen += c.seen
		nrows += len(c.recs)
		totalDecimals = max(totalDecimals, c.totalDecimals)
		for i := range cols {
			cols[i].join(&c.cols[i])
		}
	}
	t.info.Rows = nrows
	b.noteDecimals(totalDecimals)
	if seen == 0 {
		b.errorf(Pos{File: t.name, Line: t.headLine}, "add data rows under the header", "header only: the file has no data rows")
		return
	}
	// A column is a component when most of its cells are numbers, unless
	// they are row numbers or identifiers (which --column component=…
	// overrides).
	var comps []int // global component index per candidate column, -1 = ignored
	decimals := 0
	for _, c := range cols {
		name := h.names[c.col]
		info := &t.info.Columns[c.col]
		if c.numeric > 0 && c.numeric >= c.text {
			if why := c.idLike(); why != "" && !h.mapped[c.col] {
				comps = append(comps, -1)
				info.Role = "ignored: " + why
				t.info.Ignored = append(t.info.Ignored, displayHeader(name, c.col))
				b.warnf(Pos{t.name, t.headLine, c.col + 1}, fmt.Sprintf("if it is a score, map it with --column component=%q", name),
					"column %q holds %s: not a component, not summed", displayHeader(name, c.col), why)
				continue
			}
			g := b.columnComponent(name)
			comps = append(comps, g)
			info.Role = "component"
			if b.ds.Components[g].Bonus {
				info.Role = "component (bonus)"
			}
			decimals = max(decimals, c.decimals)
			b.noteDecimals(c.decimals)
			for _, bad := range c.badCells {
				what, hint := t.numberTrouble(bad.text, bad.fault)
				b.errorf(bad.pos, hint, "%s in column %q", what, name)
			}
			b.warnMarks(c.marks, c.nMarks, name)
		} else {
			comps = append(comps, -1)
			info.Role = "ignored: text"
			if c.numeric+c.text > 0 || strings.TrimSpace(name) != "" {
				t.info.Ignored = append(t.info.Ignored, displayHeader(name, c.col))
			} else {
				info.Role = "ignored: empty"
			}
		}
	}
	nComp := len(b.ds.Components)
	// When the file's columns are the dataset's components in order (the
	// common case) records keep the values parsed instead of a copy.
	direct := nComp == len(cols)
	for j, g := range comps {
		direct = direct && g == j
	}
	years := map[int]bool{}
	for _, c := range chunks {
		for y := range c.years {
			years[y] = true
		}
	}
	b.applyMaxima(t, h, cols, comps, years)
	b.linkTree()
	b.noteColumns(t, comps, cols)
	// What the finishing reads, settled here in row order: each index and
	// bloc's canonical spelling (the first seen; the finishing reads them
	// from the sets' byRaw, which nothing writes meanwhile), each year's maxima.
	maxes := map[int][]float64{}
	limits := map[int]scaleLimit{}
	for _, c := range chunks {
		for _, raw := range c.p.firsts[roleIndex] {
			b.canonical(&b.indexes, raw)
		}
		for _, raw := range c.p.firsts[roleBloc] {
			b.canonical(&b.blocs, raw)
		}
		for y := range c.years {
			maxes[y] = b.maxima(y)
			limits[y] = b.scale(y)
		}
	}
	present := b.joinPresence(ctx, chunks, comps, cols)
	// Finishing (scores in dataset order, canonical spellings, checks,
	// derived totals) on every core, a chunk each; the problems found are
	// reported in row order.
	_, hasCodes := h.col[roleCode]
	tree := b.tree.tree
	if columnsAllSummed(tree, comps) {
		tree = nil
	}
	sinks := make([]*issueSink, len(chunks))
	numbered := make([]*partNumberer, len(chunks))
	for ci, c := range chunks {
		sinks[ci] = &issueSink{b: b}
		numbered[ci] = newPartNumberer(c.start, len(c.recs))
		s, keys := sinks[ci], numbered[ci]
		wg.Go(func() {
			var backing []int16 // narrow slots, when the records' are too small (a guess that fell short)
			var parsed16 []int16
			var parsed, moved []int32
			var index, bloc recent[string, string]
			year, yearMax := 0, []float64(nil)
			var presentKey presenceKey
			var presentNow []bool
			limit := scaleLimit{}
			for k := range c.recs {
				rec := &c.recs[k]
				if !direct && !rec.wideScores && cap(rec.scores) < nComp && backing == nil {
					backing = make([]int16, len(c.recs)*nComp)
				}
				switch {
				case direct:
					rec.scores = slices.Clip(rec.scores)
				case !rec.wideScores:
					// the common case: narrow codes, in the record's own slot or
					// the chunk's, the parsed ones aside first
					parsed16 = append(parsed16[:0], rec.scores...)
					slot := rec.scores[:0]
					if cap(slot) < nComp {
						slot = backing[k*nComp : k*nComp]
					}
					rec.scores = placeCells(slot[:nComp:nComp], parsed16, narrowMissing, comps)
					if rec.Notes != nil && len(rec.Notes.exact) > 0 { // the exact scores move with their cells
						rec.Notes.exact = moveExact(rec.Notes.exact, parsed16, narrowExact, comps, nComp)
					}
				default:
					// wide: the codes aside, then back in component order
					parsed = rec.appendCodes(parsed[:0])
					moved = placeCells(slices.Grow(moved[:0], nComp)[:nComp], parsed, scoreMissing, comps)
					slot := rec.scores[:0]
					if cap(slot) < 2*nComp {
						slot = nil // an array of its own
					}
					rec.putCodes(slot, moved)
					if rec.Notes != nil && len(rec.Notes.exact) > 0 {
						rec.Notes.exact = moveExact(rec.Notes.exact, parsed, scoreExact, comps, nComp)
					}
				}
				rec.Index = lookupRecent(&index, b.indexes.byRaw, rec.Index)
				rec.Bloc = lookupRecent(&bloc, b.blocs.byRaw, rec.Bloc)
				if rec.Year != year || yearMax == nil {
					year, yearMax, limit = rec.Year, maxes[rec.Year], limits[rec.Year]
				}
				if pk := (presenceKey{rec.Index, rec.Year}); pk != presentKey || presentNow == nil {
					presentKey, presentNow = pk, present[pk]
				}
				given := c.totalGiven[k>>6]&(1<<(k&63)) != 0
				s.finishRecord(&ctx, tree, rec, given, comps, cols, decimals, yearMax, presentNow, &limit)
				if hasCodes { // while the record is at hand
					keys.addCoded(rec, c.codes[k])
				} else {
					keys.add(rec)
				}
			}
		})
	}
	wg.Wait()
	b.ds.Records = all[:base+nrows]
	for ci, s := range sinks {
		for _, is := range s.issues {
			b.add(is.Severity, is.Pos, is.Hint, "%s", is.Msg)
		}
		chunks[ci].recs = nil
		var codes []string
		if hasCodes {
			codes = chunks[ci].p.codes.vals
		}
		b.keyParts = append(b.keyParts, numbered[ci].part(codes))
	}
}

// parse reads one chunk of rows, at most maxRows; it touches nothing shared.
func (c *wideChunk) parse(text []byte, candidates []int, stride, maxRows int) {
	p := c.p
	t, h := p.ctx.t, p.ctx.h
	r := newRowReader(text, t.info.Delimiter, len(h.names))
	r.readNumbers(candidates, t.decimal)
	defer func() { c.quoteTrouble = r.quoteTrouble }()
	c.cols = make([]wideCol, len(candidates))
	for i, col := range candidates {
		c.cols[i].col, c.cols[i].seq = col, true
	}
	selfCol, hasSelf := h.col[roleSelfAssessed]
	c.counts = map[presenceKey]*keyCounts{}
	var countKey presenceKey
	var counts *keyCounts
	_, hasCode := h.col[roleCode]
	if hasCode {
		c.codes = make([]int32, 0, maxRows)
	}
	totalCol, hasTotal := h.col[roleTotal]
	if !hasTotal {
		totalCol, hasTotal = h.col[roleScore]
	}
	// each record's values sit in a slot of stride cells: room for the
	// components the columns will become (areas rolled up from criteria
	// included), so the finishing rearranges them in the slot instead of
	// making a second array for every record
	stride = max(stride, len(candidates))
	vals := make([]int16, 0, maxRows*stride)
	_ = adviseHugeSlice(vals) // advice: a kernel that declines costs only speed
	// a row's codes, before its width is known
	row := make([]int32, 0, len(c.cols))
	// a unit's row recurs once a year: a chunk of a few years has about a
	// quarter as many units as rows
	if hasCode {
		p.codes.expect(maxRows / 4)
	}
	p.names.expect(maxRows / 4)
	c.totalGiven = make([]uint64, maxRows/64+1)
	c.years = map[int]bool{}
	year := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.rowError(r.recLine, err, rec) // a ragged row is reported, not guessed at
			c.seen++
			continue
		}
		if blankRow(rec) {
			continue
		}
		if p.ctx.sections {
			if name, ok := sectionRow(rec, p.ctx.rowNumCol, p.ctx.unitCol); ok {
				if c.sections == 0 {
					c.beforeSection = len(c.recs)
				}
				c.sections++
				p.section = p.intern(name)
				p.noteFirst(roleBloc, p.section)
				c.lastSection = p.section
				continue
			}
		}
		c.seen++
		line := r.recLine + p.lineOffset
		k := len(c.recs)
		c.recs = append(c.recs, Record{}) // in the room reserved: no copy
		out := &c.recs[k]
		if !p.readRoles(rec, line, out) {
			c.recs = c.recs[:k]
			continue
		}
		if hasCode {
			code := int32(-1)
			if out.UnitCode != "" {
				code = p.codes.last
			}
			c.codes = append(c.codes, code)
		}
		if out.Year != year || k == 0 {
			year = out.Year
			c.years[year] = true
		}
		if pk := (presenceKey{out.Index, out.Year}); pk != countKey || counts == nil {
			countKey, counts = pk, c.counts[pk]
			if counts == nil {
				counts = &keyCounts{}
				c.counts[pk] = counts
			}
		}
		counts.rows++
		row = row[:0]
		// the narrow codes go straight to the record's slot (see narrowCode)
		if cap(vals)-len(vals) < stride {
			vals = make([]int16, 0, max(stride, (maxRows-k)*2*stride)) // wide rows outgrew the slots (below)
		}
		from := len(vals)
		slot := vals[from : from+stride : from+stride]
		narrow := true
		for i := range c.cols {
			col := &c.cols[i]
			code := r.plainCode(col.col)
			if p := &r.plain[col.col]; p.ok && code != scoreExact && !col.seq {
				// the common "97.31", which is no missing mark: its code is
				// worked out, and so is all the column's account of it
				col.count(p.v, int(p.dec))
			} else {
				code = c.cell(r, rec, i, line, counts, out)
			}
			if narrow {
				slot[i], narrow = narrowCode(code)
			}
			row = append(row, code)
		}
		// the record's slot; the spare cells beyond its codes are for the finishing
		if narrow {
			vals = vals[:from+stride]
			out.scores = slot[:len(row)]
		} else {
			if cap(vals)-from < 2*stride {
				// wide rows outgrew the slots: a new array for the rest; the
				// records before keep theirs
				vals = make([]int16, 0, max(2*stride, (maxRows-k)*2*stride))
				from = 0
			}
			vals = vals[:from+2*stride]
			out.putCodes(vals[from:from+2*stride], row)
			out.scores = vals[from : from+len(out.scores) : from+2*stride]
		}
		if hasTotal {
			cell := rec[totalCol]
			pos := Pos{t.name, line, totalCol + 1}
			if missing, marked := missingValue(cell); !missing {
				c.totalGiven[k>>6] |= 1 << (k & 63)
				if v, dec, ok := p.number(cell, pos, "total"); ok {
					out.Total = v
					c.totalDecimals = max(c.totalDecimals, dec)
				}
			} else if marked {
				p.warnf(pos, "a missing total is the sum of the components when every one is given; else the unit is not ranked",
					"total %q of %s read as missing", clip(trimSpace(cell)), clip(out.Unit))
			}
		}
		if hasSelf {
			cell := rec[selfCol]
			if missing, _ := missingValue(cell); !missing {
				if v, _, ok := p.number(cell, Pos{t.name, line, selfCol + 1}, "self-assessed score"); ok {
					out.note().SelfAssessed = v
				}
			}
		}
	}
}

// cell reads candidate column i's cell of the row rec (the record out, on
// line) into the column's account and returns its code: any cell but the
// common plain one parse takes itself, kept apart so that parse's loop
// over the cells stays small.
func (c *wideChunk) cell(r *rowReader, rec []string, i, line int, counts *keyCounts, out *Record) int32 {
	t := c.p.ctx.t
	col := &c.cols[i]
	// code stays scoreExact until worked out: by the reader for a
	// plain cell, else by encodeScore below
	v, code := Missing, scoreExact
	// a plain number parse left here: its column may still be row
	// numbers, or the reader did not work out its code (more than four
	// decimals, or too big)
	if x, dec, ok := r.plainNumber(col.col); ok {
		v, code = x, r.plainCode(col.col)
		col.count(x, dec)
	} else {
		cell := rec[col.col] // read only when the cell is not plain
		if missing, marked := missingValue(cell); marked && t.declaredNotApplicable(cell) {
			v = NotApplicable
		} else if marked {
			col.nMarks++
			if len(col.marks) < 20 {
				col.marks = append(col.marks, badCell{pos: Pos{t.name, line, col.col + 1}, text: strings.Clone(trimSpace(cell))})
			}
		} else if !missing {
			if x, dec, _, fault := readNumber(cell, t.decimal); fault == numberOK {
				v = x
				col.count(x, dec)
			} else if isNotApplicableMark(cell) {
				v = NotApplicable // a criterion that does not apply to the unit: its maximum leaves the unit's
			} else {
				if fault == notANumber {
					col.text++
				} else {
					col.numeric++ // a number written against the file's rules is still a number
				}
				if len(col.badCells) < 20 {
					col.badCells = append(col.badCells, badCell{Pos{t.name, line, col.col + 1}, strings.Clone(cell), fault})
				}
			}
		}
	}
	if IsMissing(v) {
		if counts.missing == nil {
			counts.missing = make([]int, len(c.cols))
		}
		counts.missing[i]++
	}
	if col.seq { // scores break the sequence on their first rows
		col.follow(v)
	}
	if code == scoreExact {
		var ok bool
		if code, ok = encodeScore(v); !ok {
			out.keepExact(i, v, len(c.cols)) // at the column's place; the finishing moves it with the cell
		}
	}
	return code
}

// lookupRecent is m[k], asking a few recent answers first.
func lookupRecent(r *recent[string, string], m map[string]string, k string) string {
	v, ok := r.get(k)
	if !ok {
		v = m[k]
		r.put(k, v)
	}
	return v
}

// splitRows cuts text[start:] into n parts at line ends outside quotes and
// returns the n+1 boundaries (fewer parts when the text is short).
func splitRows(text []byte, start, n int) []int {
	bounds := []int{start}
	if n < 2 {
		return append(bounds, len(text))
	}
	size := (len(text) - start) / n
	// the quotes before each nominal cut start+k·size, counted on every core
	nominal := make([]int, n)
	for k := range nominal {
		nominal[k] = start + k*size
	}
	before := make([]int, n)
	if n > runtime.GOMAXPROCS(0) {
		inRanges(nominal, func(k, from, to int) { before[k+1] = bytes.Count(text[from:to], []byte{'"'}) })
	} else { // a few big parts: each counted on every core
		for k := 1; k < n; k++ {
			before[k] = countByte(text[nominal[k-1]:nominal[k]], '"')
		}
	}
	for k := 1; k < n; k++ {
		before[k] += before[k-1]
	}
	quotes, counted := 0, start // quotes seen in text[start:counted]
	for k := 1; k < n; k++ {
		pos := max(nominal[k], bounds[len(bounds)-1])
		if pos > counted {
			quotes, counted = before[k], pos // pos is the nominal cut
		}
		for pos < len(text) {
			nl := bytes.IndexByte(text[pos:], '\n')
			if nl < 0 {
				pos = len(text)
				break
			}
			pos += nl + 1
			quotes += bytes.Count(text[counted:pos], []byte{'"'})
			counted = pos
			if quotes%2 == 0 {
				break // not inside a quoted cell
			}
		}
		if pos >= len(text) {
			break
		}
		bounds = append(bounds, pos)
	}
	return append(bounds, len(text))
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func displayHeader(name string, col int) string {
	if strings.TrimSpace(name) == "" {
		return "column " + strconv.Itoa(col+1)
	}
	return name
}

// checkRequired reports the columns a data file cannot do without.
func (b *builder) checkRequired(ctx rowCtx) bool {
	ok := true
	if !ctx.h.has(roleUnit) {
		b.errorf(Pos{File: ctx.t.name, Line: ctx.t.headLine}, "name the unit column \"unit\" or \"Tên đơn vị\"",
			"no unit column (header: %s)", clip(strings.Join(ctx.h.names, ", ")))
		ok = false
	}
	if !ctx.h.has(roleYear) && ctx.fileYear == 0 {
		if ctx.t.sheet != "" {
			b.errorf(Pos{File: ctx.t.name, Line: ctx.t.headLine}, "add a \"year\"/\"Năm\" column, or name the sheet by its year (2021, \"Năm 2021\")",
				"no year column and no year in the sheet's or the file's name")
		} else {
			b.errorf(Pos{File: ctx.t.name, Line: ctx.t.headLine}, "add a \"year\"/\"Năm\" column, or put the year in the file name (par-2021.csv)",
				"no year column and no year in the file name")
		}
		ok = false
	}
	return ok
}

// noteDecimals records how precisely scores are written, for display.
func (b *builder) noteDecimals(dec int) {
	b.ds.Decimals = max(b.ds.Decimals, min(dec, 4))
}

// issueSink collects the problems one goroutine finds, for the builder to
// report in order. It keeps what builder.add could list: the first
// maxIssuesPerFile+1 problems and the first error after them.
type issueSink struct {
	b       *builder // read only
	issues  []Issue
	lateErr bool
	grades  gradeLabels
}

func (s *issueSink) add(sev Severity, pos Pos, hint, format string, args ...any) {
	if len(s.issues) > maxIssuesPerFile {
		if sev != Error || s.lateErr {
			return
		}
		s.lateErr = true
	}
	s.issues = append(s.issues, Issue{Severity: sev, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// finishRecord validates a row's scores and derives a missing total: the
// sum of the components when every one that applies is given (one applies
// when some row of the index and year has a value there: present), else
// none, with the missing ones named. maxes are the year's maxima
// (builder.maxima), limit its scale (builder.scale).
// tree is nil when every column is summed (see columnsAllSummed): no call
// per cell.
func (s *issueSink) finishRecord(ctx *rowCtx, tree *Tree, rec *Record, totalGiven bool, comps []int, cols []wideCol, decimals int, maxes []float64, present []bool, limit *scaleLimit) {
	b := s.b
	sum, n := 0.0, 0
	var missing []string
	refused := false // a score beyond the scale, reported: its sum is not
	clean := false
	if tree == nil {
		sum, n, clean = cleanSum(rec, comps, maxes, limit.max)
	}
	cells := comps
	if clean {
		cells = nil // nothing to report: the sum is made
	}
	for j, g := range cells {
		if g < 0 || tree != nil && !tree.summed(g, rec) {
			continue
		}
		v := rec.Score(g)
		if IsMissing(v) {
			if (present == nil || present[j]) && !IsNotApplicable(v) {
				missing = append(missing, ctx.h.names[cols[j].col])
			}
			continue
		}
		if v < 0 {
			s.add(Error, Pos{ctx.t.name, rec.Pos.Line, cols[j].col + 1}, "scores are never below zero; check the sign", "negative score %s in column %q", formatNum(v), ctx.h.names[cols[j].col])
			continue
		}
		if v > limit.max { // no component holds more than a whole total
			refused = true
			col := cols[j].col
			s.add(Error, Pos{ctx.t.name, rec.Pos.Line, col + 1},
				fmt.Sprintf("if column %q is not a score, map it with --column ignore=%q", displayHeader(ctx.h.names[col], col), ctx.h.names[col]),
				"score %s in column %q is far above the scale: a total is at most %s (%s)", formatNum(v), ctx.h.names[col], formatNum(limit.max), limit.why)
		} else if v > maxes[g] { // maxima are +Inf where unknown
			c := &b.ds.Components[g]
			if m, ok := c.Max(rec.Year); ok && v > m+1e-9 {
				s.add(Warning, Pos{ctx.t.name, rec.Pos.Line, cols[j].col + 1}, "check the score or the max in components.csv", "score %s is above the maximum %s of %q", formatNum(v), formatNum(m), c.NameIn(rec.Year))
			}
		}
		sum += v
		n++
	}
	switch {
	case !totalGiven && len(missing) > 0:
		rec.note().MissingParts = missing
		s.add(Warning, rec.Pos, "fill the cells, or give the total",
			"%s %d is not ranked: its total is the sum of its components, and %s (%s); a partial sum is never used",
			clip(rec.Unit), rec.Year, missingCount(len(missing)), clip(strings.Join(missing, ", ")))
	case !totalGiven && n > 0:
		rec.Total = roundTo(sum, decimals)
		rec.TotalDerived = true
		if rec.Total > limit.max && !refused {
			top, col := largestScore(rec, comps, cols)
			s.add(Error, Pos{ctx.t.name, rec.Pos.Line, col + 1},
				fmt.Sprintf("column %q holds %s: if it is not a score, map it with --column ignore=%q", displayHeader(ctx.h.names[col], col), formatNum(top), ctx.h.names[col]),
				"the sum of %s, %s, is far above the scale: a total is at most %s (%s)",
				countNoun(n, "column", "columns"), formatNum(rec.Total), formatNum(limit.max), limit.why)
		}
	case totalGiven && !IsMissing(rec.Total) && rec.Total > limit.max:
		col := ctx.h.col[roleTotal]
		if _, ok := ctx.h.col[roleTotal]; !ok {
			col = ctx.h.col[roleScore]
		}
		s.add(Error, Pos{ctx.t.name, rec.Pos.Line, col + 1},
			fmt.Sprintf("check that column %q is the total; map the right one with --column total=\"…\"", displayHeader(ctx.h.names[col], col)),
			"total %s is far above the scale: a total is at most %s (%s)", formatNum(rec.Total), formatNum(limit.max), limit.why)
	case totalGiven && n > 0 && len(missing) == 0 && !IsMissing(rec.Total):
		if d := rec.Total - sum; d > 0.015 || d < -0.015 {
			s.add(Warning, Pos{ctx.t.name, rec.Pos.Line, ctx.h.col[roleTotal] + 1}, "published tables round to 0.01; a bigger gap is a typo or a missing column",
				"total %s differs from the sum of components %s by %s", formatNum(rec.Total), formatNum(roundTo(sum, decimals)), formatNum(roundTo(rec.Total-sum, max(decimals, 2))))
		}
	}
	s.grades.check(b.ds, rec, ctx.h.col[roleGrade]+1, s.add)
}

// columnsAllSummed reports whether every component column of a file counts
// in every row's total: none is self-assessed and none has parts (criteria
// under areas no column holds, the areas rolled up later). A column's
// ancestors are then missing in every row, so Tree.summed is true for each,
// as in a flat file, and the rows can be summed without asking per cell.
func columnsAllSummed(t *Tree, comps []int) bool {
	if t == nil {
		return true
	}
	for _, g := range comps {
		if g >= 0 && (len(t.Children[g]) > 0 || t.IsSelf(g)) {
			return false
		}
	}
	return true
}

// cleanSum sums a row's components when every cell is given, not negative
// and within the year's maxima and the scale: the common row, which
// finishRecord then has nothing to say about. ok is false for any other
// row, which finishRecord reads cell by cell. The sum is made in the same
// order as there, so it is the same number.
func cleanSum(rec *Record, comps []int, maxes []float64, limit float64) (sum float64, n int, ok bool) {
	for _, g := range comps {
		if g < 0 {
			continue
		}
		v, ok := rec.hundredths(g) // inlined, where Score is not
		if !ok {
			v = rec.Score(g)
		}
		if !(v >= 0 && v <= limit && v <= maxes[g]) { // false for a missing (NaN) cell too
			return 0, 0, false
		}
		sum += v
		n++
	}
	return sum, n, true
}

// placeCells puts each column's cell of cols at its component's place in
// dst (comps[j] for column j; -1 drops it), missing where no column
// gives one, and returns dst.
func placeCells[C int16 | int32](dst, cols []C, missing C, comps []int) []C {
	for g := range dst {
		dst[g] = missing
	}
	for j, g := range comps {
		if g >= 0 {
			dst[g] = cols[j]
		}
	}
	return dst
}

// largestScore returns a record's largest component score and its column,
// for a message about its sum.
func largestScore(rec *Record, comps []int, cols []wideCol) (top float64, col int) {
	top, col = math.Inf(-1), -1
	for j, g := range comps {
		if g >= 0 && rec.Score(g) > top {
			top, col = rec.Score(g), cols[j].col
		}
	}
	return top, col
}

// countNoun writes "1 column", "3 columns".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// missingCount writes "1 is missing", "3 are missing".
func missingCount(n int) string {
	if n == 1 {
		return "1 is missing"
	}
	return strconv.Itoa(n) + " are missing"
}

// scaleLimit is the highest total a year's table can hold, and why.
type scaleLimit struct {
	max float64
	why string
}

// defaultBonus is the room left for bonus points when components.csv gives
// no bonus maximum: no PAR scheme has given more than 50.
const defaultBonus = 50

// scale is the highest plausible total in a year: 100 points (or the sum
// of the components' maxima from components.csv, when larger) plus the
// bonus maximum: the bonus components' maxima, else defaultBonus.
func (b *builder) scale(year int) scaleLimit {
	points, bonus, bonusKnown := 0.0, 0.0, false
	for i := range b.ds.Components {
		c := &b.ds.Components[i]
		m, ok := c.Max(year)
		switch {
		case !ok || b.ancestorHasMax(i, year): // a criterion's points are in its area's
		case c.Bonus:
			bonus, bonusKnown = bonus+m, true
		default:
			points += m
		}
	}
	base, why := 100.0, "100 points"
	if points > 100 {
		base, why = points, fmt.Sprintf("%s points by components.csv", formatNum(points))
	}
	if bonusKnown {
		return scaleLimit{base + bonus, fmt.Sprintf("%s plus %s bonus points by components.csv", why, formatNum(bonus))}
	}
	return scaleLimit{base + defaultBonus, fmt.Sprintf("%s plus %d for bonus points, components.csv giving no bonus maximum", why, defaultBonus)}
}

// joinPresence says, for each index and year (canonical spellings), which
// candidate columns apply: some row has a value there, or components.csv
// gives the component a span that covers the year. It warns of a component
// column that does not apply to an index and year whose totals are
// derived: those totals leave it out.
func (b *builder) joinPresence(ctx rowCtx, chunks []*wideChunk, comps []int, cols []wideCol) map[presenceKey][]bool {
	out := map[presenceKey][]bool{}
	var keys []presenceKey
	for _, c := range chunks {
		for k, n := range c.counts {
			ck := presenceKey{b.indexes.byRaw[k.index], k.year}
			have := out[ck]
			if have == nil {
				have = make([]bool, len(cols))
				out[ck] = have
				keys = append(keys, ck)
			}
			for i := range have {
				have[i] = have[i] || n.missing == nil || n.rows > n.missing[i]
			}
		}
	}
	// components.csv's year spans say in which years a component applies
	// to an index that uses it, whatever the cells (components.csv names
	// no index: an index that never has a value in the column does not use it)
	used := usedByIndex(out)
	for k, have := range out {
		for j, g := range comps {
			if g >= 0 && !have[j] && used[k.index][j] {
				have[j] = b.ds.Components[g].spans(k.year)
			}
		}
	}
	if ctx.h.has(roleTotal) || ctx.h.has(roleScore) {
		return out
	}
	slices.SortFunc(keys, func(x, y presenceKey) int {
		if x.index != y.index {
			return strings.Compare(x.index, y.index)
		}
		return x.year - y.year
	})
	for _, k := range keys {
		for j, g := range comps {
			if g >= 0 && !out[k][j] {
				name := displayHeader(ctx.h.names[cols[j].col], cols[j].col)
				b.warnf(Pos{ctx.t.name, ctx.t.headLine, cols[j].col + 1}, "fine if the component did not exist that year",
					"column %q is empty in every %s %d row: those totals are the sum of the other columns", name, clip(k.index), k.year)
			}
		}
	}
	return out
}

// spans reports whether components.csv gives the component a year span
// (a from_year or to_year) that covers the year: a row without years says
// nothing about when the component applies.
func (c *Component) spans(year int) bool {
	t := c.term(year)
	return t != nil && (t.FromYear != 0 || t.ToYear != 0)
}

// usedByIndex merges applies-flags over the years of each index.
func usedByIndex(applies map[presenceKey][]bool) map[string][]bool {
	used := map[string][]bool{}
	for k, have := range applies {
		u := used[k.index]
		if u == nil {
			u = make([]bool, len(have))
			used[k.index] = u
		}
		for i, h := range have {
			u[i] = u[i] || h
		}
	}
	return used
}

// warnMarks reports a component column's cells read as missing because
// they hold a mark or an error value: the first few, then how many more.
func (b *builder) warnMarks(marks []badCell, n int, column string) {
	const each = 5
	for i, m := range marks {
		if i == each {
			b.warnf(Pos{File: m.pos.File, Line: m.pos.Line, Col: m.pos.Col}, "",
				"and %d more cells of column %q read as missing", n-each, column)
			return
		}
		b.warnf(m.pos, "an error value or blank mark has no score; fill the cell if the unit was scored",
			"%q in column %q read as missing", clip(m.text), column)
	}
}

// maxima returns, for a year, each component's maximum plus the tolerance
// checkMax allows (+Inf where no maximum is known): a score at or under it
// needs no check.
func (b *builder) maxima(year int) []float64 {
	m := b.maxCache[year]
	if len(m) == len(b.ds.Components) {
		return m
	}
	if b.maxCache == nil {
		b.maxCache = map[int][]float64{}
	}
	m = make([]float64, len(b.ds.Components))
	for i := range m {
		m[i] = math.Inf(1)
		if mx, ok := b.ds.Components[i].Max(year); ok {
			m[i] = mx + 1e-9
		}
	}
	b.maxCache[year] = m
	return m
}

// checkMax warns about a score above its component's maximum.
func (b *builder) checkMax(comp, year int, v float64, pos Pos) {
	c := &b.ds.Components[comp]
	if m, ok := c.Max(year); ok && v > m+1e-9 {
		b.warnf(pos, "check the score or the max in components.csv", "score %s is above the maximum %s of %q", formatNum(v), formatNum(m), c.NameIn(year))
	}
}

// gradeLabels checks that records' grade labels can be ordered, by a
// scheme or the vocabulary, remembering the answers: rows repeat a handful
// of labels. One serves one goroutine.
type gradeLabels struct {
	known  map[gradeKey]bool
	recent recent[gradeKey, bool]
	// inVocab: the label is in the vocabulary, which orders it in every
	// slice (GradeLevel), so most rows are settled by their label alone
	inVocab       map[string]bool
	recentInVocab recent[string, bool]
}

type gradeKey struct {
	slice Slice
	grade string
}

// check reports, through add, a grade label that nothing can order; col
// is the grade column (1-based).
func (g *gradeLabels) check(ds *Dataset, rec *Record, col int, add func(sev Severity, pos Pos, hint, format string, args ...any)) {
	if rec.Grade == "" {
		return
	}
	vocab, hit := g.recentInVocab.get(rec.Grade)
	if !hit {
		var seen bool
		if vocab, seen = g.inVocab[rec.Grade]; !seen {
			if g.inVocab == nil {
				g.inVocab = map[string]bool{}
			}
			_, vocab = LookupGrade(rec.Grade)
			g.inVocab[rec.Grade] = vocab
		}
		g.recentInVocab.put(rec.Grade, vocab)
	}
	if vocab {
		return
	}
	sl := SliceOf(rec)
	k := gradeKey{sl, rec.Grade}
	ok, hit := g.recent.get(k)
	if !hit {
		var seen bool
		if ok, seen = g.known[k]; !seen {
			if g.known == nil {
				g.known = map[gradeKey]bool{}
			}
			_, ok = ds.GradeLevel(sl, rec.Grade)
			g.known[k] = ok
		}
		g.recent.put(k, ok)
	}
	if !ok {
		add(Error, Pos{rec.Pos.File, rec.Pos.Line, col}, "define the grade and its minimum score in grades.csv",
			"unknown grade label %q with no scheme to order it", clip(rec.Grade))
	}
}

// formatNum writes a number as short as it reads, with a decimal point.
func formatNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// clip shortens a cell for a message.
func clip(s string) string {
	const max = 60
	r := []rune(s)
	if len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// charColumn turns a 1-based byte column on a line into a character column.
func (t *table) charColumn(line, byteCol int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(t.text[start:], '\n')
		if i < 0 {
			return byteCol
		}
		start += i + 1
	}
	end := min(start+byteCol-1, len(t.text))
	if end < start {
		return byteCol
	}
	return utf8.RuneCount(t.text[start:end]) + 1
}

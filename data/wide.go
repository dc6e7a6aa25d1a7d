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
	"sync"
	"unicode/utf8"
)

// readData reads one data file, wide or long.
func (b *builder) readData(t *table) {
	r := t.reader()
	head, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			b.errorf(Pos{File: t.name}, "export the sheet again with a header row and data rows", "empty file")
		} else {
			b.csvError(t, err)
		}
		return
	}
	h := parseHeader(head)
	kind := "wide"
	if h.isLong() {
		kind = "long"
	}
	t.info.Kind = kind
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
}

// wideCol is a column that is not a known role: a component if its cells are numbers.
type wideCol struct {
	col      int
	numeric  int
	text     int
	badCells []badCell // non-numbers, reported if the column turns out numeric
	decimals int
}

type badCell struct {
	pos  Pos
	text string
}

// pending is what a row keeps, beside its Record, until its columns are
// classified.
type pending struct {
	total bool      // the total cell was given
	vals  []float64 // the row's candidate-column values
}

// wideChunk is one part of a file's rows, parsed on its own goroutine.
type wideChunk struct {
	p *rowParser
	// recs are the chunk's records, written where they will stay: in
	// Dataset.Records' array, at room reserved for the chunk's lines.
	recs          []Record
	rows          []pending // beside recs
	cols          []wideCol
	seen          int // rows read, good or bad
	totalDecimals int
	quoteTrouble  bool // encoding/csv met quotes that do not pair up
}

// minChunkBytes keeps small files on one goroutine.
var minChunkBytes = 1 << 20

func (b *builder) readWide(t *table, r *csv.Reader, h header) {
	ctx := rowCtx{t: t, h: h, fileYear: yearFromName(t.name)}
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
		case roleScore:
			if h.has(roleTotal) {
				t.info.Ignored = append(t.info.Ignored, h.names[i]+" (second total)")
			}
		}
	}
	// Big files are cut at row boundaries and parsed on every core.
	start := int(r.InputOffset())
	bounds := splitRows(t.text, start, min(runtime.GOMAXPROCS(0), 8, (len(t.text)-start)/minChunkBytes+1))
	chunks := make([]*wideChunk, len(bounds)-1)
	// A chunk has at most a record per line: records are written straight
	// into room reserved after the dataset's, a chunk's room after another's.
	lines := bytes.Count(t.text[:start], []byte{'\n'})
	lineOffsets, room := make([]int, len(chunks)+1), make([]int, len(chunks)+1)
	for i := range chunks {
		n := bytes.Count(t.text[bounds[i]:bounds[i+1]], []byte{'\n'})
		lineOffsets[i], room[i+1] = lines, room[i]+n+1
		lines += n
	}
	base := len(b.ds.Records)
	all := slices.Grow(b.ds.Records, room[len(chunks)])[:base+room[len(chunks)]]
	parse := func(i, upTo int, lineOffset int) *wideChunk {
		c := &wideChunk{p: newRowParser(ctx, lineOffset), recs: all[base+room[i] : base+room[i] : base+room[upTo]]}
		c.parse(t.text[bounds[i]:bounds[upTo]], candidates)
		return c
	}
	var wg sync.WaitGroup
	for i := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunks[i] = parse(i, i+1, lineOffsets[i])
		}()
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
	// close the gaps between the chunks' records (blank and bad lines)
	at := base
	for _, c := range chunks {
		n := len(c.recs)
		if n > 0 && &all[at] != &c.recs[0] {
			copy(all[at:at+n], c.recs)
		}
		c.recs = all[at : at+n : at+n]
		at += n
	}

	cols := make([]wideCol, len(candidates))
	seen, nrows, totalDecimals := 0, 0, 0
	for i := range cols {
		cols[i].col = candidates[i]
	}
	for _, c := range chunks {
		b.absorb(c.p)
		seen += c.seen
		nrows += len(c.recs)
		totalDecimals = max(totalDecimals, c.totalDecimals)
		for i := range cols {
			cc := &c.cols[i]
			cols[i].numeric += cc.numeric
			cols[i].text += cc.text
			cols[i].decimals = max(cols[i].decimals, cc.decimals)
			if room := 20 - len(cols[i].badCells); room > 0 {
				cols[i].badCells = append(cols[i].badCells, cc.badCells[:min(room, len(cc.badCells))]...)
			}
		}
	}
	t.info.Rows = nrows
	b.noteDecimals(totalDecimals)
	if seen == 0 {
		b.errorf(Pos{File: t.name, Line: 1}, "add data rows under the header", "header only: the file has no data rows")
		return
	}
	// A column is a component when most of its cells are numbers.
	var comps []int // global component index per candidate column, -1 = ignored text
	decimals := 0
	for _, c := range cols {
		if c.numeric > 0 && c.numeric >= c.text {
			comps = append(comps, b.component(h.names[c.col]))
			decimals = max(decimals, c.decimals)
			b.noteDecimals(c.decimals)
			for _, bad := range c.badCells {
				b.errorf(bad.pos, "write numbers like 97.31 or 97,31", "unreadable number %q in column %q", clip(bad.text), h.names[c.col])
			}
		} else {
			comps = append(comps, -1)
			if c.numeric+c.text > 0 || strings.TrimSpace(h.names[c.col]) != "" {
				t.info.Ignored = append(t.info.Ignored, displayHeader(h.names[c.col], c.col))
			}
		}
	}
	nComp := len(b.ds.Components)
	// When the file's columns are the dataset's components in order (the
	// common case) records share the value buffer instead of a copy.
	direct := nComp == len(cols)
	for j, g := range comps {
		direct = direct && g == j
	}
	var backing []float64
	if !direct {
		backing = make([]float64, nrows*nComp)
		for i := range backing {
			backing[i] = Missing
		}
	}
	// In row order: scores in dataset order, canonical spellings (the first
	// seen), and each year's maxima, which the finishing below only reads.
	maxes := map[int][]float64{}
	i := 0
	lastYear := 0
	for _, c := range chunks {
		for k := range c.rows {
			p := &c.rows[k]
			rec := &c.recs[k]
			if direct {
				rec.Scores = p.vals
			} else if nComp > 0 {
				rec.Scores = backing[i*nComp : (i+1)*nComp : (i+1)*nComp]
				for j, g := range comps {
					if g >= 0 {
						rec.Scores[g] = p.vals[j]
					}
				}
			}
			i++
			b.canonicalize(rec)
			if rec.Year != lastYear || i == 1 {
				lastYear = rec.Year
				maxes[rec.Year] = b.maxima(rec.Year)
			}
		}
	}
	// Finishing (checks, derived totals) on every core, a chunk each; the
	// problems found are reported in row order.
	sinks := make([]*issueSink, len(chunks))
	for ci, c := range chunks {
		sinks[ci] = &issueSink{b: b, gradeOK: map[gradeKey]bool{}}
		wg.Add(1)
		go func(c *wideChunk, s *issueSink) {
			defer wg.Done()
			for k := range c.rows {
				rec := &c.recs[k]
				s.finishRecord(ctx, rec, c.rows[k].total, comps, cols, decimals, maxes[rec.Year])
			}
		}(c, sinks[ci])
	}
	wg.Wait()
	b.ds.Records = all[:base+nrows]
	for ci, s := range sinks {
		for _, is := range s.issues {
			b.add(is.Severity, is.Pos, is.Hint, "%s", is.Msg)
		}
		for k, ok := range s.gradeOK {
			b.gradeOK[k] = ok
		}
		chunks[ci].rows, chunks[ci].recs = nil, nil
	}
}

// parse reads one chunk of rows; it touches nothing shared.
func (c *wideChunk) parse(text []byte, candidates []int) {
	p := c.p
	t, h := p.ctx.t, p.ctx.h
	r := newRowReader(text, t.info.Delimiter, len(h.names))
	defer func() { c.quoteTrouble = r.quoteTrouble }()
	c.cols = make([]wideCol, len(candidates))
	for i, col := range candidates {
		c.cols[i].col = col
	}
	totalCol, hasTotal := h.col[roleTotal]
	if !hasTotal {
		totalCol, hasTotal = h.col[roleScore]
	}
	est := bytes.Count(text, []byte{'\n'}) + 1
	vals := make([]float64, 0, est*len(candidates))
	c.rows = make([]pending, 0, est)
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
		c.seen++
		line := r.recLine + p.lineOffset
		var row pending
		c.recs = append(c.recs, Record{}) // in the room reserved: no copy
		out := &c.recs[len(c.recs)-1]
		if !p.readRoles(rec, line, out) {
			c.recs = c.recs[:len(c.recs)-1]
			continue
		}
		from := len(vals)
		for i := range c.cols {
			col := &c.cols[i]
			cell := rec[col.col]
			v := Missing
			if x, dec, ok := parsePlain(cell); ok { // the common "97.31", which is no missing mark
				v = x
				col.numeric++
				col.decimals = max(col.decimals, dec)
			} else if !missingCell(cell) {
				if x, dec, ok := parseNumber(cell, t.decimal); ok {
					v = x
					col.numeric++
					col.decimals = max(col.decimals, dec)
				} else {
					col.text++
					if len(col.badCells) < 20 {
						col.badCells = append(col.badCells, badCell{Pos{t.name, line, col.col + 1}, strings.Clone(cell)})
					}
				}
			}
			vals = append(vals, v)
		}
		row.vals = vals[from:len(vals):len(vals)]
		if hasTotal {
			cell := rec[totalCol]
			if !missingCell(cell) {
				row.total = true
				if v, dec, ok := p.number(cell, Pos{t.name, line, totalCol + 1}, "total"); ok {
					out.Total = v
					c.totalDecimals = max(c.totalDecimals, dec)
				}
			}
		}
		c.rows = append(c.rows, row)
	}
}

// splitRows cuts text[start:] into n parts at line ends outside quotes and
// returns the n+1 boundaries (fewer parts when the text is short).
func splitRows(text []byte, start, n int) []int {
	bounds := []int{start}
	if n < 2 {
		return append(bounds, len(text))
	}
	size := (len(text) - start) / n
	quotes, counted := 0, start // quotes seen in text[start:counted]
	for k := 1; k < n; k++ {
		pos := max(start+k*size, bounds[len(bounds)-1])
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
		b.errorf(Pos{File: ctx.t.name, Line: 1}, "name the unit column \"unit\" or \"Tên đơn vị\"",
			"no unit column (header: %s)", clip(strings.Join(ctx.h.names, ", ")))
		ok = false
	}
	if !ctx.h.has(roleYear) && ctx.fileYear == 0 {
		b.errorf(Pos{File: ctx.t.name, Line: 1}, "add a \"year\"/\"Năm\" column, or put the year in the file name (par-2021.csv)",
			"no year column and no year in the file name")
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
	b        *builder // read only
	issues   []Issue
	lateErr  bool
	gradeOK  map[gradeKey]bool
	lastKey  gradeKey
	lastOK   bool
	lastSeen bool
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

// finishRecord validates a row's scores and derives a missing total.
// maxes are the year's maxima (builder.maxima).
func (s *issueSink) finishRecord(ctx rowCtx, rec *Record, totalGiven bool, comps []int, cols []wideCol, decimals int, maxes []float64) {
	b := s.b
	sum, n, complete := 0.0, 0, true
	for j, g := range comps {
		if g < 0 {
			continue
		}
		v := rec.Scores[g]
		if IsMissing(v) {
			complete = false
			continue
		}
		if v < 0 {
			s.add(Error, Pos{ctx.t.name, rec.Pos.Line, cols[j].col + 1}, "scores are never below zero; check the sign", "negative score %s in column %q", formatNum(v), ctx.h.names[cols[j].col])
			continue
		}
		if v > maxes[g] { // maxima are +Inf where unknown
			c := &b.ds.Components[g]
			if m, ok := c.Max(rec.Year); ok && v > m+1e-9 {
				s.add(Warning, Pos{ctx.t.name, rec.Pos.Line, cols[j].col + 1}, "check the score or the max in components.csv", "score %s is above the maximum %s of %q", formatNum(v), formatNum(m), c.NameIn(rec.Year))
			}
		}
		sum += v
		n++
	}
	switch {
	case !totalGiven && n > 0:
		rec.Total = roundTo(sum, decimals)
		rec.TotalDerived = true
	case totalGiven && n > 0 && complete && !IsMissing(rec.Total):
		if d := rec.Total - sum; d > 0.015 || d < -0.015 {
			s.add(Warning, Pos{ctx.t.name, rec.Pos.Line, ctx.h.col[roleTotal] + 1}, "published tables round to 0.01; a bigger gap is a typo or a missing column",
				"total %s differs from the sum of components %s by %s", formatNum(rec.Total), formatNum(roundTo(sum, decimals)), formatNum(roundTo(rec.Total-sum, max(decimals, 2))))
		}
	}
	if rec.Grade != "" {
		k := gradeKey{rec.Index, rec.Bloc, rec.Year, rec.Grade}
		ok := s.lastOK
		if k != s.lastKey || !s.lastSeen {
			var seen bool
			if ok, seen = s.gradeOK[k]; !seen {
				_, ok = b.ds.GradeLevel(rec.Index, rec.Bloc, rec.Year, rec.Grade)
				s.gradeOK[k] = ok
			}
			s.lastKey, s.lastOK, s.lastSeen = k, ok, true
		}
		if !ok {
			s.add(Error, Pos{rec.Pos.File, rec.Pos.Line, ctx.h.col[roleGrade] + 1}, "define the grade and its minimum score in grades.csv",
				"unknown grade label %q with no scheme to order it", clip(rec.Grade))
		}
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

// checkGradeLabel reports a grade that neither a scheme nor the vocabulary can order.
func (b *builder) checkGradeLabel(rec *Record, col int) {
	if rec.Grade == "" {
		return
	}
	k := gradeKey{rec.Index, rec.Bloc, rec.Year, rec.Grade}
	ok := b.lastGrade.ok
	if k != b.lastGrade.k || !b.lastGrade.set {
		var seen bool
		ok, seen = b.gradeOK[k]
		if !seen {
			_, ok = b.ds.GradeLevel(rec.Index, rec.Bloc, rec.Year, rec.Grade)
			b.gradeOK[k] = ok
		}
		b.lastGrade.k, b.lastGrade.ok, b.lastGrade.set = k, ok, true
	}
	if !ok {
		b.errorf(Pos{rec.Pos.File, rec.Pos.Line, col}, "define the grade and its minimum score in grades.csv",
			"unknown grade label %q with no scheme to order it", clip(rec.Grade))
	}
}

// missingCell is isMissingMark with a fast path for the common cell that
// starts and ends with a digit (no missing mark does).
func missingCell(s string) bool {
	if n := len(s); n > 0 && isDigit(s[0]) && isDigit(s[n-1]) {
		return false
	}
	return isMissingMark(s)
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

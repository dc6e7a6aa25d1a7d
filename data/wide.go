package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
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
	if h.isLong() {
		t.info.Kind = "long"
		b.readLong(t, r, h)
		return
	}
	t.info.Kind = "wide"
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

// pending is a row read before its columns are classified.
type pending struct {
	rec   Record
	total bool      // the total cell was given
	vals  []float64 // the row's candidate-column values
}

// wideChunk is one part of a file's rows, parsed on its own goroutine.
type wideChunk struct {
	p             *rowParser
	rows          []pending
	cols          []wideCol
	seen          int // rows read, good or bad
	totalDecimals int
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
	var wg sync.WaitGroup
	for i := range chunks {
		chunks[i] = &wideChunk{p: newRowParser(ctx, bytes.Count(t.text[:bounds[i]], []byte{'\n'}))}
		wg.Add(1)
		go func(c *wideChunk, from, to int) {
			defer wg.Done()
			c.parse(t.text[from:to], candidates)
		}(chunks[i], bounds[i], bounds[i+1])
	}
	wg.Wait()

	cols := make([]wideCol, len(candidates))
	seen, nrows, totalDecimals := 0, 0, 0
	for i := range cols {
		cols[i].col = candidates[i]
	}
	for _, c := range chunks {
		b.absorb(c.p)
		seen += c.seen
		nrows += len(c.rows)
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
	b.ds.Records = slices.Grow(b.ds.Records, nrows)
	i := 0
	for _, c := range chunks {
		for k := range c.rows {
			p := &c.rows[k]
			rec := &p.rec
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
			b.finishRecord(ctx, rec, p.total, comps, cols, decimals)
		}
		c.rows = nil
	}
}

// parse reads one chunk of rows; it touches nothing shared.
func (c *wideChunk) parse(text []byte, candidates []int) {
	p := c.p
	t, h := p.ctx.t, p.ctx.h
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = t.info.Delimiter
	r.ReuseRecord = true
	r.FieldsPerRecord = len(h.names)
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
			p.rowError(r, err, rec) // a ragged row is reported, not guessed at
			c.seen++
			continue
		}
		if blankRow(rec) {
			continue
		}
		c.seen++
		line, _ := r.FieldPos(0)
		line += p.lineOffset
		var row pending
		if !p.readRoles(rec, line, &row.rec) {
			continue
		}
		from := len(vals)
		for i := range c.cols {
			col := &c.cols[i]
			cell := rec[col.col]
			v := Missing
			if !isMissingMark(cell) {
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
			if !isMissingMark(cell) {
				row.total = true
				if v, dec, ok := p.number(cell, Pos{t.name, line, totalCol + 1}, "total"); ok {
					row.rec.Total = v
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

// finishRecord validates a row's scores, derives a missing total and appends it.
func (b *builder) finishRecord(ctx rowCtx, rec *Record, totalGiven bool, comps []int, cols []wideCol, decimals int) {
	sum, n, complete := 0.0, 0, true
	for j, g := range comps {
		if g < 0 {
			continue
		}
		v := rec.Scores[g]
		pos := Pos{ctx.t.name, rec.Pos.Line, cols[j].col + 1}
		if IsMissing(v) {
			complete = false
			continue
		}
		if v < 0 {
			b.errorf(pos, "scores are never below zero; check the sign", "negative score %s in column %q", formatNum(v), ctx.h.names[cols[j].col])
			continue
		}
		b.checkMax(g, rec.Year, v, pos)
		sum += v
		n++
	}
	switch {
	case !totalGiven && n > 0:
		rec.Total = roundTo(sum, decimals)
		rec.TotalDerived = true
	case totalGiven && n > 0 && complete && !IsMissing(rec.Total):
		if d := rec.Total - sum; d > 0.015 || d < -0.015 {
			b.warnf(Pos{ctx.t.name, rec.Pos.Line, ctx.h.col[roleTotal] + 1}, "published tables round to 0.01; a bigger gap is a typo or a missing column",
				"total %s differs from the sum of components %s by %s", formatNum(rec.Total), formatNum(roundTo(sum, decimals)), formatNum(roundTo(rec.Total-sum, max(decimals, 2))))
		}
	}
	b.checkGradeLabel(rec, ctx.h.col[roleGrade]+1)
	b.ds.Records = append(b.ds.Records, *rec)
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
	ok, seen := b.gradeOK[k]
	if !seen {
		_, ok = b.ds.GradeLevel(rec.Index, rec.Bloc, rec.Year, rec.Grade)
		b.gradeOK[k] = ok
	}
	if !ok {
		b.errorf(Pos{rec.Pos.File, rec.Pos.Line, col}, "define the grade and its minimum score in grades.csv",
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

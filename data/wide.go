package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
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

// csvError reports a csv.Reader error at its line and column (in characters).
func (b *builder) csvError(t *table, err error) {
	file := t.name
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pe.Column = t.charColumn(pe.Line, pe.Column)
		msg := pe.Err.Error()
		hint := ""
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			msg = "ragged row: wrong number of cells"
			hint = "every row needs as many cells as the header"
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			hint = "a quote inside a cell must be doubled (\"\"), and a quoted cell must be closed"
		}
		b.errorf(Pos{File: file, Line: pe.Line, Col: pe.Column}, hint, "%s", msg)
		return
	}
	b.errorf(Pos{File: file}, "", "%s", err.Error())
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
	total bool // the total cell was given
	row   int  // index into the file's value buffer
}

func (b *builder) readWide(t *table, r *csv.Reader, h header) {
	ctx := rowCtx{t: t, h: h, fileYear: yearFromName(t.name)}
	if !b.checkRequired(ctx) {
		return
	}
	seen := 0 // rows read, good or bad: "header only" means none at all
	totalDecimals := 0
	var cols []*wideCol
	for i, role := range h.roles {
		switch role {
		case roleOther:
			cols = append(cols, &wideCol{col: i})
		case roleDuplicate:
			t.info.Ignored = append(t.info.Ignored, h.names[i]+" (duplicate column)")
		case roleScore:
			if h.has(roleTotal) {
				t.info.Ignored = append(t.info.Ignored, h.names[i]+" (second total)")
			}
		}
	}
	totalCol, hasTotal := h.col[roleTotal]
	if !hasTotal {
		totalCol, hasTotal = h.col[roleScore]
	}
	// Values of the candidate columns, row-major, one buffer for the file.
	estRows := bytes.Count(t.text, []byte{'\n'}) + 1
	vals := make([]float64, 0, estRows*len(cols))
	rows := make([]pending, 0, estRows)
	b.ds.Records = slices.Grow(b.ds.Records, estRows)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.rowError(t, r, err, rec, len(h.names)) // a ragged row is reported, not guessed at
			seen++
			continue
		}
		if blankRow(rec) {
			continue
		}
		seen++
		line, _ := r.FieldPos(0)
		p := pending{row: len(rows)}
		if !b.readRowRoles(ctx, rec, line, &p.rec) {
			continue
		}
		for _, c := range cols {
			cell := rec[c.col]
			v := Missing
			if !isMissingMark(cell) {
				if x, dec, ok := parseNumber(cell, t.decimal); ok {
					v = x
					c.numeric++
					c.decimals = max(c.decimals, dec)
				} else {
					c.text++
					if len(c.badCells) < 20 {
						c.badCells = append(c.badCells, badCell{Pos{t.name, line, c.col + 1}, cell})
					}
				}
			}
			vals = append(vals, v)
		}
		if hasTotal {
			cell := rec[totalCol]
			if !isMissingMark(cell) {
				p.total = true
				if v, dec, ok := b.number(ctx, cell, Pos{t.name, line, totalCol + 1}, "total"); ok {
					p.rec.Total = v
					totalDecimals = max(totalDecimals, dec)
				}
			}
		}
		rows = append(rows, p)
	}
	t.info.Rows = len(rows)
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
		backing = make([]float64, len(rows)*nComp)
		for i := range backing {
			backing[i] = Missing
		}
	}
	for i := range rows {
		p := &rows[i]
		rec := &p.rec
		if direct {
			rec.Scores = vals[p.row*nComp : (p.row+1)*nComp : (p.row+1)*nComp]
		} else if nComp > 0 {
			rec.Scores = backing[i*nComp : (i+1)*nComp : (i+1)*nComp]
			row := vals[p.row*len(cols) : (p.row+1)*len(cols)]
			for j, g := range comps {
				if g >= 0 {
					rec.Scores[g] = row[j]
				}
			}
		}
		b.finishRecord(ctx, rec, p.total, comps, cols, decimals)
	}
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

// readRowRoles fills the identity, grade and rank of a record from its row.
func (b *builder) readRowRoles(ctx rowCtx, rec []string, line int, out *Record) bool {
	h := ctx.h
	cell := func(r role) (string, int, bool) {
		i, ok := h.col[r]
		if !ok {
			return "", 0, false
		}
		return strings.TrimSpace(rec[i]), i + 1, true
	}
	*out = Record{Index: DefaultIndex, Year: ctx.fileYear, Total: Missing, Pos: Pos{File: ctx.t.name, Line: line}}
	ok := true
	if s, col, has := cell(roleYear); has {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2200 {
			if s == "" && ctx.fileYear != 0 {
				y = ctx.fileYear
			} else {
				b.errorf(Pos{ctx.t.name, line, col}, "write the year as four digits, like 2021", "unreadable year %q", clip(s))
				ok = false
			}
		}
		out.Year = y
	}
	if s, _, has := cell(roleIndex); has && s != "" {
		out.Index = b.canonical(b.indexes, s)
	} else {
		out.Index = b.canonical(b.indexes, DefaultIndex)
	}
	if s, _, _ := cell(roleBloc); s != "" {
		out.Bloc = b.canonical(b.blocs, s)
	} else {
		out.Bloc = b.canonical(b.blocs, "Tất cả")
	}
	code, _, _ := cell(roleCode)
	unit, _, _ := cell(roleUnit)
	out.UnitCode, out.Unit = b.intern(code), b.intern(unit)
	if out.Unit == "" {
		if out.UnitCode == "" {
			_, col, _ := cell(roleUnit)
			b.errorf(Pos{ctx.t.name, line, col}, "every row needs a unit name", "empty unit name")
			ok = false
		} else {
			out.Unit = out.UnitCode
		}
	}
	grade, _, _ := cell(roleGrade)
	out.Grade = b.intern(grade)
	if s, col, has := cell(roleRank); has && s != "" {
		if isNotRanked(s) {
			out.NotRanked = true
		} else if n, err := strconv.Atoi(strings.TrimSuffix(s, ".")); err == nil && n > 0 {
			out.PublishedRank = n
		} else {
			b.errorf(Pos{ctx.t.name, line, col}, "write a whole number, or KXH / \"không xếp hạng\" for not ranked",
				"unreadable rank %q", clip(s))
			ok = false
		}
	}
	return ok
}

// number parses a score cell, reporting an unreadable or negative number.
func (b *builder) number(ctx rowCtx, cell string, pos Pos, what string) (float64, int, bool) {
	v, dec, ok := parseNumber(cell, ctx.t.decimal)
	if !ok {
		b.errorf(pos, "write numbers like 97.31 or 97,31", "unreadable number %q in %s", clip(cell), what)
		return 0, 0, false
	}
	if v < 0 {
		b.errorf(pos, "scores are never below zero; check the sign", "negative score %s in %s", cell, what)
		return 0, 0, false
	}
	return v, dec, true
}

// noteDecimals records how precisely scores are written, for display.
func (b *builder) noteDecimals(dec int) {
	b.ds.Decimals = max(b.ds.Decimals, min(dec, 4))
}

// finishRecord validates a row's scores, derives a missing total and appends it.
func (b *builder) finishRecord(ctx rowCtx, rec *Record, totalGiven bool, comps []int, cols []*wideCol, decimals int) {
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

// rowError reports a bad row; a ragged one says how many cells it has.
func (b *builder) rowError(t *table, r *csv.Reader, err error, rec []string, want int) {
	if errors.Is(err, csv.ErrFieldCount) && rec != nil {
		line, _ := r.FieldPos(0)
		b.errorf(Pos{t.name, line, 1}, "every row needs as many cells as the header; check for a stray delimiter",
			"ragged row: %d cells, the header has %d", len(rec), want)
		return
	}
	b.csvError(t, err)
}

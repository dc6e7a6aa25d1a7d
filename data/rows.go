package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// rowParser reads the role cells of rows. One parser serves one goroutine:
// it keeps its own string cache and problem list, merged by builder.absorb.
type rowParser struct {
	ctx        rowCtx
	lineOffset int // lines before the parser's first row, for positions
	strs       map[string]string
	issues     []Issue
	errors     int
}

func newRowParser(ctx rowCtx, lineOffset int) *rowParser {
	return &rowParser{ctx: ctx, lineOffset: lineOffset, strs: map[string]string{}}
}

func (p *rowParser) errorf(pos Pos, hint, format string, args ...any) {
	p.errors++
	if len(p.issues) > maxIssuesPerFile && p.errors > 1 {
		return // the builder caps a file's problems; keep one error past the cap
	}
	p.issues = append(p.issues, Issue{Severity: Error, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// intern returns one shared copy of a string, so a record does not keep its
// whole CSV line alive and repeated names cost nothing.
func (p *rowParser) intern(s string) string {
	if c, ok := p.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	p.strs[c] = c
	return c
}

// absorb takes a parser's problems, in order, under the file's cap.
func (b *builder) absorb(p *rowParser) {
	for _, i := range p.issues {
		b.add(i.Severity, i.Pos, i.Hint, "%s", i.Msg)
	}
	p.issues = nil
}

// canonicalize gives a record's index and bloc their first-seen spelling.
func (b *builder) canonicalize(r *Record) {
	r.Index = b.canonical(b.indexes, r.Index)
	r.Bloc = b.canonical(b.blocs, r.Bloc)
}

// readRoles fills the identity, grade and rank of a record from its row.
// Index and bloc are raw here: builder.canonicalize unifies their spelling.
func (p *rowParser) readRoles(rec []string, line int, out *Record) bool {
	ctx := p.ctx
	h := ctx.h
	cell := func(r role) (string, int, bool) {
		i, ok := h.col[r]
		if !ok {
			return "", 0, false
		}
		return strings.TrimSpace(rec[i]), i + 1, true
	}
	*out = Record{Index: DefaultIndex, Bloc: defaultBloc, Year: ctx.fileYear, Total: Missing, Pos: Pos{File: ctx.t.name, Line: line}}
	ok := true
	if s, col, has := cell(roleYear); has {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2200 {
			if s == "" && ctx.fileYear != 0 {
				y = ctx.fileYear
			} else {
				p.errorf(Pos{ctx.t.name, line, col}, "write the year as four digits, like 2021", "unreadable year %q", clip(s))
				ok = false
			}
		}
		out.Year = y
	}
	if s, _, _ := cell(roleIndex); s != "" {
		out.Index = p.intern(s)
	}
	if s, _, _ := cell(roleBloc); s != "" {
		out.Bloc = p.intern(s)
	}
	code, _, _ := cell(roleCode)
	unit, _, _ := cell(roleUnit)
	out.UnitCode, out.Unit = p.intern(code), p.intern(unit)
	if out.Unit == "" {
		if out.UnitCode == "" {
			_, col, _ := cell(roleUnit)
			p.errorf(Pos{ctx.t.name, line, col}, "every row needs a unit name", "empty unit name")
			ok = false
		} else {
			out.Unit = out.UnitCode
		}
	}
	grade, _, _ := cell(roleGrade)
	out.Grade = p.intern(grade)
	if s, col, has := cell(roleRank); has && s != "" {
		if isNotRanked(s) {
			out.NotRanked = true
		} else if n, err := strconv.Atoi(strings.TrimSuffix(s, ".")); err == nil && n > 0 {
			out.PublishedRank = n
		} else {
			p.errorf(Pos{ctx.t.name, line, col}, "write a whole number, or KXH / \"không xếp hạng\" for not ranked",
				"unreadable rank %q", clip(s))
			ok = false
		}
	}
	return ok
}

// defaultBloc names the one bloc of a file without a bloc column.
const defaultBloc = "Tất cả"

// number parses a score cell, reporting an unreadable or negative number.
func (p *rowParser) number(cell string, pos Pos, what string) (float64, int, bool) {
	v, dec, ok := parseNumber(cell, p.ctx.t.decimal)
	if !ok {
		p.errorf(pos, "write numbers like 97.31 or 97,31", "unreadable number %q in %s", clip(cell), what)
		return 0, 0, false
	}
	if v < 0 {
		p.errorf(pos, "scores are never below zero; check the sign", "negative score %s in %s", cell, what)
		return 0, 0, false
	}
	return v, dec, true
}

// rowError reports a bad row; a ragged one says how many cells it has.
func (p *rowParser) rowError(r *csv.Reader, err error, rec []string) {
	if errors.Is(err, csv.ErrFieldCount) && rec != nil {
		line, _ := r.FieldPos(0)
		p.errorf(Pos{p.ctx.t.name, line + p.lineOffset, 1}, "every row needs as many cells as the header; check for a stray delimiter",
			"ragged row: %d cells, the header has %d", len(rec), len(p.ctx.h.names))
		return
	}
	p.csvError(err)
}

// csvError reports a csv.Reader error at its line and column (in characters).
func (p *rowParser) csvError(err error) {
	t := p.ctx.t
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line := pe.Line + p.lineOffset
		col := t.charColumn(line, pe.Column)
		msg := pe.Err.Error()
		hint := ""
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			msg = "ragged row: wrong number of cells"
			hint = "every row needs as many cells as the header"
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			hint = "a quote inside a cell must be doubled (\"\"), and a quoted cell must be closed"
		}
		p.errorf(Pos{File: t.name, Line: line, Col: col}, hint, "%s", msg)
		return
	}
	p.errorf(Pos{File: t.name}, "", "%s", err.Error())
}

// csvError reports a reader error met outside row parsing (headers, sidecars).
func (b *builder) csvError(t *table, err error) {
	p := newRowParser(rowCtx{t: t}, 0)
	p.csvError(err)
	b.absorb(p)
}

package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unsafe"
)

// rowParser reads the role cells of rows. One parser serves one goroutine:
// it keeps its own string cache and problem list, merged by builder.absorb.
type rowParser struct {
	ctx        rowCtx
	lineOffset int // lines before the parser's first row, for positions
	strs       map[string]string
	issues     []Issue
	errors     int
	// col is ctx.h.col as an array (-1 = no such column): rows look their
	// role cells up without hashing.
	col [roleCount]int
	// codes numbers the unit codes (see sequence) and names shares the
	// names (see unitNames): a record shares its unit's strings, and its
	// code's ordinal numbers its unit for the checks that follow (see
	// numberRecords).
	codes sequence
	names unitNames
	// recent is the last few interned cells of the other roles, by raw
	// cell: rows alternate among a handful of blocs, grades and indices.
	recent [roleCount]recent[string, string]
	// firsts lists the index and bloc values in the order first met (the
	// default too, for rows without one), for the builder to give each its
	// canonical spelling in row order; noted is the set of them.
	firsts [roleCount][]string
	noted  [roleCount]map[string]bool
	// defaulted is set once a row has taken the default index or bloc.
	defaulted [roleCount]bool
	// arena holds copies of unit codes and names (see keep).
	arena []byte
	// section is the bloc the last section row named ("" before one)
	section string
}

// roleCount is the number of roles, for arrays indexed by role.
const roleCount = int(roleDuplicate) + 1

func newRowParser(ctx rowCtx, lineOffset int) *rowParser {
	p := &rowParser{ctx: ctx, lineOffset: lineOffset, strs: map[string]string{}}
	for r := range p.col {
		p.col[r] = -1
		if i, ok := ctx.h.col[role(r)]; ok {
			p.col[r] = i
		}
	}
	return p
}

func (p *rowParser) errorf(pos Pos, hint, format string, args ...any) {
	p.errors++
	if len(p.issues) > maxIssuesPerFile && p.errors > 1 {
		return // the builder caps a file's problems; keep one error past the cap
	}
	p.issues = append(p.issues, Issue{Severity: Error, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// warnf reports a warning, under the same cap.
func (p *rowParser) warnf(pos Pos, hint, format string, args ...any) {
	if len(p.issues) > maxIssuesPerFile {
		return
	}
	p.issues = append(p.issues, Issue{Severity: Warning, Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// add reports a problem another parser found, under the same cap as errorf.
func (p *rowParser) add(i Issue) {
	p.errors++
	if len(p.issues) > maxIssuesPerFile && p.errors > 1 {
		return
	}
	p.issues = append(p.issues, i)
}

// intern returns one shared copy of a string, so a record does not keep its
// whole CSV line (or file) alive and repeated names cost nothing.
func (p *rowParser) intern(s string) string {
	if c, ok := p.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	p.strs[c] = c
	return c
}

// internRole is intern for a role's cell, remembering recent ones: a raw
// cell seen on the last rows costs a few comparisons, not a hash. Unit
// codes and names, which change on most rows of a wide file and are many,
// are numbered in sequence instead.
func (p *rowParser) internRole(r role, raw, s string) string {
	switch r {
	case roleCode:
		c, _ := p.codes.number(s, p.keep)
		return c
	case roleUnit:
		return p.names.name(s, p.codes.current(), p.keep)
	}
	rc := &p.recent[r]
	if c, ok := rc.get(raw); ok {
		return c
	}
	c := p.intern(s)
	rc.put(raw, c)
	p.noteFirst(r, c)
	return c
}

// noteFirst adds an index or bloc value to firsts when it is new.
func (p *rowParser) noteFirst(r role, s string) {
	if r != roleIndex && r != roleBloc {
		return
	}
	if p.noted[r] == nil {
		p.noted[r] = map[string]bool{}
	}
	if !p.noted[r][s] {
		p.noted[r][s] = true
		p.firsts[r] = append(p.firsts[r], s)
	}
}

// keep copies a string out of the file into a shared block, so a record
// does not keep the file alive and short names do not cost an allocation
// each.
func (p *rowParser) keep(s string) string {
	if len(s) == 0 {
		return ""
	}
	if len(s) > 256 {
		return strings.Clone(s)
	}
	if cap(p.arena)-len(p.arena) < len(s) {
		p.arena = make([]byte, 0, 32<<10)
	}
	at := len(p.arena)
	p.arena = append(p.arena, s...)
	return unsafe.String(&p.arena[at], len(s)) // the block is only ever appended to
}

// absorb takes a parser's problems, in order, under the file's cap.
func (b *builder) absorb(p *rowParser) {
	for _, i := range p.issues {
		b.add(i.Severity, i.Pos, i.Hint, "%s", i.Msg)
	}
	p.issues = nil
}

// canonicalize gives a record's index and bloc their first-seen spelling.
// Rows alternate among a few indices and blocs: those are answered without
// a lookup.
func (b *builder) canonicalize(r *Record) {
	index, ok := b.recentIndex.get(r.Index)
	if !ok {
		index = b.canonical(&b.indexes, r.Index)
		b.recentIndex.put(r.Index, index)
	}
	bloc, ok := b.recentBloc.get(r.Bloc)
	if !ok {
		bloc = b.canonical(&b.blocs, r.Bloc)
		b.recentBloc.put(r.Bloc, bloc)
	}
	r.Index, r.Bloc = index, bloc
}

// readRoles fills the identity, grade and rank of a record from its row.
// Index and bloc are raw here: builder.canonicalize unifies their spelling.
func (p *rowParser) readRoles(rec []string, line int, out *Record) bool {
	ctx := p.ctx
	cell := func(r role) (string, int, bool) {
		i := p.col[r]
		if i < 0 {
			return "", 0, false
		}
		return strings.TrimSpace(rec[i]), i + 1, true
	}
	// interned is an interned role cell ("" when the file has no such column).
	interned := func(r role) string {
		i := p.col[r]
		if i < 0 {
			return ""
		}
		raw := rec[i]
		if raw == "" {
			return ""
		}
		return p.internRole(r, raw, strings.TrimSpace(raw))
	}
	bloc := ctx.bloc
	if p.section != "" {
		bloc = p.section
	}
	*out = Record{Index: DefaultIndex, Bloc: bloc, Year: ctx.fileYear, Total: Missing, Pos: Pos{File: ctx.t.name, Line: line}}
	ok := true
	if s, col, has := cell(roleYear); has {
		y, err := atoiYear(s)
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
	if s := interned(roleIndex); s != "" {
		out.Index = s
	} else if !p.defaulted[roleIndex] {
		p.defaulted[roleIndex] = true
		p.noteFirst(roleIndex, out.Index)
	}
	if s := interned(roleBloc); s != "" {
		out.Bloc = s
	} else if !p.defaulted[roleBloc] || p.section != "" {
		p.defaulted[roleBloc] = true
		p.noteFirst(roleBloc, out.Bloc)
	}
	out.UnitCode, out.Unit = interned(roleCode), interned(roleUnit)
	if out.Unit == "" {
		if out.UnitCode == "" {
			_, col, _ := cell(roleUnit)
			p.errorf(Pos{ctx.t.name, line, col}, "every row needs a unit name", "empty unit name")
			ok = false
		} else {
			out.Unit = out.UnitCode
		}
	}
	out.Grade = interned(roleGrade)
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
	v, dec, _, fault := readNumber(cell, p.ctx.t.decimal)
	if fault != numberOK {
		trouble, hint := p.ctx.t.numberTrouble(cell, fault)
		p.errorf(pos, hint, "%s in %s", trouble, what)
		return 0, 0, false
	}
	if v < 0 {
		p.errorf(pos, "scores are never below zero; check the sign", "negative score %s in %s", cell, what)
		return 0, 0, false
	}
	return v, dec, true
}

// atoiYear is strconv.Atoi with a fast path for four plain digits.
func atoiYear(s string) (int, error) {
	if len(s) == 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) {
		return int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0'), nil
	}
	return strconv.Atoi(s)
}

// rowError reports a bad row; a ragged one says how many cells it has.
// line is where the row starts (the reader's, before lineOffset).
func (p *rowParser) rowError(line int, err error, rec []string) {
	if errors.Is(err, csv.ErrFieldCount) && rec != nil {
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

package data

import (
	"encoding/csv"
	"io"
	"strings"
)

// readLong reads a long file: one row per unit, year and component. Rows of
// one unit and year become one record; the total is the sum of components
// unless a component named like a total ("Tổng điểm") gives it.
func (b *builder) readLong(t *table, r *csv.Reader, h header) {
	ctx := rowCtx{t: t, h: h, fileYear: yearFromName(t.name)}
	if !b.checkRequired(ctx) {
		return
	}
	p := newRowParser(ctx, 0)
	defer b.absorb(p)
	for i, role := range h.roles {
		if role == roleOther || role == roleDuplicate || role == roleTotal {
			t.info.Ignored = append(t.info.Ignored, displayHeader(h.names[i], i))
		}
	}
	type key struct {
		index string
		year  int
		unit  string
	}
	type cellAt struct {
		line int
		v    float64
	}
	type acc struct {
		rec      Record
		scores   map[int]cellAt
		total    *cellAt
		decimals int
	}
	byKey := map[key]*acc{}
	var order []*acc
	compCol, scoreCol := h.col[roleComponent], h.col[roleScore]
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		rows++
		if err != nil {
			p.rowError(r, err, rec)
			continue
		}
		if blankRow(rec) {
			rows--
			continue
		}
		line, _ := r.FieldPos(0)
		var base Record
		if !p.readRoles(rec, line, &base) {
			continue
		}
		b.canonicalize(&base)
		name := strings.TrimSpace(rec[compCol])
		if name == "" {
			p.errorf(Pos{t.name, line, compCol + 1}, "every row names its component", "empty component name")
			continue
		}
		unitKey := base.UnitCode
		if unitKey == "" {
			unitKey = "~" + b.fold(base.Unit)
		}
		k := key{base.Index, base.Year, unitKey}
		a := byKey[k]
		if a == nil {
			a = &acc{rec: base, scores: map[int]cellAt{}}
			byKey[k] = a
			order = append(order, a)
		} else if a.rec.Grade == "" {
			a.rec.Grade = base.Grade
		}
		cell := rec[scoreCol]
		if isMissingMark(cell) {
			continue // an empty score is missing, never zero
		}
		v, dec, ok := parseNumber(cell, t.decimal)
		if !ok {
			p.errorf(Pos{t.name, line, scoreCol + 1}, "write numbers like 97.31 or 97,31", "unreadable number %q in column %q", clip(cell), h.names[scoreCol])
			continue
		}
		if v < 0 {
			p.errorf(Pos{t.name, line, scoreCol + 1}, "scores are never below zero; check the sign", "negative score %s", clip(cell))
			continue
		}
		if headerRoles[b.fold(name)] == roleTotal {
			if a.total != nil && a.total.v != v {
				p.errorf(Pos{t.name, line, scoreCol + 1}, "keep one row per unit, year and component",
					"%s %d %s: total given twice with different values (also at line %d)", base.Unit, base.Year, name, a.total.line)
			}
			a.total = &cellAt{line, v}
			continue
		}
		c := b.component(name)
		if prev, dup := a.scores[c]; dup {
			if prev.v != v {
				p.errorf(Pos{t.name, line, scoreCol + 1}, "keep one row per unit, year and component",
					"%s %d %q given twice with different values (also at line %d)", base.Unit, base.Year, name, prev.line)
			}
			continue
		}
		b.checkMax(c, base.Year, v, Pos{t.name, line, scoreCol + 1})
		a.scores[c] = cellAt{line, v}
		a.decimals = max(a.decimals, dec)
		b.noteDecimals(dec)
	}
	t.info.Rows = rows
	if rows == 0 {
		p.errorf(Pos{File: t.name, Line: 1}, "add data rows under the header", "header only: the file has no data rows")
		return
	}
	n := len(b.ds.Components)
	for _, a := range order {
		rec := a.rec
		rec.Scores = make([]float64, n)
		sum := 0.0
		for i := range rec.Scores {
			rec.Scores[i] = Missing
		}
		for c, s := range a.scores {
			rec.Scores[c] = s.v
			sum += s.v
		}
		switch {
		case a.total != nil:
			rec.Total = a.total.v
			if d := rec.Total - sum; len(a.scores) > 0 && (d > 0.015 || d < -0.015) {
				b.warnf(Pos{t.name, a.total.line, scoreCol + 1}, "published tables round to 0.01; a bigger gap is a typo or a missing component",
					"total %s differs from the sum of components %s", formatNum(rec.Total), formatNum(roundTo(sum, a.decimals)))
			}
		case len(a.scores) > 0:
			rec.Total = roundTo(sum, a.decimals)
			rec.TotalDerived = true
		}
		b.checkGradeLabel(&rec, h.col[roleGrade]+1)
		b.ds.Records = append(b.ds.Records, rec)
	}
}

package data

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"encoding/csv"

	"github.com/gocarina/gocsv"
)

// Sidecar rows. Every field is a string: numbers are read with the file's
// decimal mark (gocsv's own float parsing turns "1,000" into 1).
type componentRow struct {
	Code      string `csv:"code"`
	Component string `csv:"component"`
	Name      string `csv:"name"`
	Max       string `csv:"max"`
	FromYear  string `csv:"from_year"`
	ToYear    string `csv:"to_year"`
	Bonus     string `csv:"bonus"`
	Parent    string `csv:"parent"`
}

type gradeRow struct {
	Grade    string `csv:"grade"`
	Min      string `csv:"min"`
	Index    string `csv:"index"`
	Bloc     string `csv:"bloc"`
	FromYear string `csv:"from_year"`
	ToYear   string `csv:"to_year"`
	Basis    string `csv:"basis"`
}

type unitRow struct {
	Code      string `csv:"unit_code"`
	Unit      string `csv:"unit"`
	Aliases   string `csv:"aliases"`
	Successor string `csv:"successor_code"`
	FromYear  string `csv:"from_year"`
	ToYear    string `csv:"to_year"`
	Effective string `csv:"effective_year"`
	Weight    string `csv:"weight"`
}

// sidecarHeaders maps folded headers, English and Vietnamese, to struct tags.
var sidecarHeaders = map[string]map[string]string{
	"components": {
		"code": "code", "ma": "code", "ma thanh phan": "code", "ma linh vuc": "code",
		"component": "component", "thanh phan": "component", "linh vuc": "component", "ten thanh phan": "component",
		"name": "name", "ten": "name", "ten day du": "name",
		"max": "max", "diem toi da": "max", "toi da": "max", "max points": "max", "diem chuan": "max",
		"from year": "from_year", "tu nam": "from_year", "to year": "to_year", "den nam": "to_year",
		"bonus": "bonus", "diem thuong": "bonus", "thuong": "bonus",
		"parent": "parent", "parent code": "parent", "ma cha": "parent", "thuoc": "parent", "cap tren": "parent", "thuoc linh vuc": "parent", "thuoc tieu chi": "parent",
	},
	"grades": {
		"grade": "grade", "xep loai": "grade", "muc": "grade",
		"min": "min", "diem toi thieu": "min", "tu diem": "min", "min inclusive": "min", "nguong": "min",
		"index": "index", "chi so": "index", "bloc": "bloc", "khoi": "bloc", "nhom": "bloc",
		"from year": "from_year", "tu nam": "from_year", "to year": "to_year", "den nam": "to_year",
		"basis": "basis", "co so": "basis", "tinh theo": "basis", "can cu": "basis",
	},
	"units": {
		"unit code": "unit_code", "ma": "unit_code", "ma don vi": "unit_code", "code": "unit_code",
		"unit": "unit", "don vi": "unit", "ten don vi": "unit", "co quan": "unit",
		"aliases": "aliases", "ten khac": "aliases", "ten cu": "aliases", "alias": "aliases",
		"successor code": "successor_code", "ma ke thua": "successor_code", "don vi ke thua": "successor_code", "successor": "successor_code",
		"from year": "from_year", "tu nam": "from_year", "to year": "to_year", "den nam": "to_year",
		"effective year": "effective_year", "effective from": "effective_year", "nam hieu luc": "effective_year", "hieu luc tu nam": "effective_year",
		"weight": "weight", "share": "weight", "ty le": "weight", "ty trong": "weight",
	},
}

// required columns per sidecar kind: each inner list is "one of".
var sidecarRequired = map[string][][]string{
	"components": {{"code", "component"}, {"max"}},
	"grades":     {{"grade"}, {"min"}},
	"units":      {{"unit_code"}, {"unit"}},
}

func (b *builder) readSidecar(kind string, in input) {
	b.sidecars[in.name] = true
	raw, ok := b.readInput(in)
	if !ok {
		return
	}
	t, issue := openTable(in.name, raw)
	if issue != nil {
		b.issues = append(b.issues, *issue)
		return
	}
	b.addAll(t.warnings)
	t.info.Kind = kind
	defer func() { b.ds.Files = append(b.ds.Files, t.info) }()
	var row any
	switch kind {
	case "components":
		row = componentRow{}
	case "grades":
		row = gradeRow{}
	default:
		row = unitRow{}
	}
	var grades []gradeLine
	var units []UnitInfo
	cols, err := b.unmarshalSidecar(t, kind, row, func(v any, line int, cols sidecarCols) {
		t.info.Rows++
		switch r := v.(type) {
		case componentRow:
			b.addComponentRow(t, r, line, cols)
		case gradeRow:
			if g, ok := b.gradeLineOf(t, r, line, cols); ok {
				grades = append(grades, g)
			}
		case unitRow:
			if u, ok := b.unitLineOf(t, r, line, cols); ok {
				units = append(units, u)
			}
		}
	})
	if err != nil {
		b.csvError(t, err)
	}
	switch kind {
	case "grades":
		b.addSchemes(t.name, grades, cols)
	case "units":
		b.addUnitNumbers(t, units)
		b.addUnits(t.name, units, cols)
	case "components":
		b.linkTree()
	}
}

// sidecarCols maps a sidecar column (its struct tag) to its 1-based
// position in the file, for messages.
type sidecarCols map[string]int

func (c sidecarCols) pos(file string, line int, tag string) Pos {
	return Pos{File: file, Line: line, Col: c[tag]}
}

// unmarshalSidecar streams rows through gocsv's Unmarshaller on our own
// csv.Reader, with headers renormalised per file (not gocsv's global settings).
// gocsv can panic on odd input; a panic becomes an error here.
func (b *builder) unmarshalSidecar(t *table, kind string, row any, each func(any, int, sidecarCols)) (cols sidecarCols, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("cannot read %s file: %v", kind, p)
		}
	}()
	r := t.reader()
	r.ReuseRecord = false
	um, err := gocsv.NewUnmarshaller(r, row)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, gocsv.ErrEmptyCSVFile) {
			b.errorf(Pos{File: t.name}, "", "empty %s file", kind)
			return nil, nil
		}
		return nil, err
	}
	names := sidecarHeaders[kind]
	um.RenormalizeHeaders(func(h []string) []string {
		out := make([]string, len(h))
		for i, s := range h {
			if tag, ok := names[Fold(s)]; ok {
				out[i] = tag
			} else {
				out[i] = s
			}
		}
		return out
	})
	if missing := missingColumns(um.Headers, sidecarRequired[kind]); missing != "" {
		b.errorf(Pos{File: t.name, Line: 1}, "see the README for the "+kind+".csv columns", "%s file has no %s column", kind, missing)
		return nil, nil
	}
	cols = sidecarCols{}
	for i, h := range um.Headers {
		if _, seen := cols[h]; !seen {
			cols[h] = i + 1
		}
	}
	for {
		v, err := um.Read()
		if errors.Is(err, io.EOF) {
			return cols, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return cols, err
			}
			line, _ := r.FieldPos(0)
			b.errorf(Pos{File: t.name, Line: line}, "", "%v", err)
			continue
		}
		line, _ := r.FieldPos(0)
		each(v, line, cols)
	}
}

func missingColumns(headers []string, required [][]string) string {
	have := map[string]bool{}
	for _, h := range headers {
		have[h] = true
	}
	for _, oneOf := range required {
		found := false
		for _, c := range oneOf {
			found = found || have[c]
		}
		if !found {
			return strings.Join(oneOf, " or ")
		}
	}
	return ""
}

func (b *builder) sidecarNumber(t *table, s string, at Pos, what string) (float64, bool) {
	if strings.TrimSpace(s) == "" {
		return Missing, true
	}
	v, _, ok := parseNumber(s, t.decimal)
	if !ok {
		b.errorf(at, "write numbers like 97.31 or 97,31", "unreadable number %q in %s", clip(s), what)
		return 0, false
	}
	return v, true
}

func (b *builder) sidecarYear(s string, at Pos, what string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2200 {
		b.errorf(at, "write the year as four digits", "unreadable %s %q", what, clip(s))
		return 0, false
	}
	return y, true
}

// sidecarSpan reads a row's from_year and to_year and checks they are in order.
func (b *builder) sidecarSpan(file string, fromCell, toCell string, line int, cols sidecarCols) (from, to int, ok bool) {
	from, ok1 := b.sidecarYear(fromCell, cols.pos(file, line, "from_year"), "from_year")
	to, ok2 := b.sidecarYear(toCell, cols.pos(file, line, "to_year"), "to_year")
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if from != 0 && to != 0 && from > to {
		b.errorf(cols.pos(file, line, "to_year"), "from_year is the first year the row applies to, to_year the last",
			"to_year %d is before from_year %d", to, from)
		return 0, 0, false
	}
	return from, to, true
}

// spansOverlap reports whether two year spans (0 = open) share a year.
func spansOverlap(from1, to1, from2, to2 int) bool {
	open := func(y, dflt int) int {
		if y == 0 {
			return dflt
		}
		return y
	}
	return open(from1, 0) <= open(to2, 1<<30) && open(from2, 0) <= open(to1, 1<<30)
}

// spanText writes a year span for messages: "2018–2020", "from 2021", "every year".
func spanText(from, to int) string {
	switch {
	case from == 0 && to == 0:
		return "every year"
	case to == 0:
		return fmt.Sprintf("from %d", from)
	case from == 0:
		return fmt.Sprintf("up to %d", to)
	case from == to:
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

func (b *builder) addComponentRow(t *table, r componentRow, line int, cols sidecarCols) {
	name := strings.TrimSpace(r.Component)
	if name == "" {
		name = strings.TrimSpace(r.Name)
	}
	code := strings.TrimSpace(r.Code)
	if name == "" && code == "" {
		b.errorf(Pos{File: t.name, Line: line}, "give each component a code or a name", "component row without code or name")
		return
	}
	mx, ok := b.sidecarNumber(t, r.Max, Pos{File: t.name, Line: line}, "max")
	from, ok2 := b.sidecarYear(r.FromYear, Pos{File: t.name, Line: line}, "from_year")
	to, ok3 := b.sidecarYear(r.ToYear, Pos{File: t.name, Line: line}, "to_year")
	if !ok || !ok2 || !ok3 {
		return
	}
	if !IsMissing(mx) && mx <= 0 {
		b.errorf(Pos{File: t.name, Line: line}, "a maximum is a positive number of points", "max %s is not positive", formatNum(mx))
		return
	}
	key := code
	if key == "" {
		key = Fold(name)
	}
	i, ok := b.compByID[Fold(key)]
	if !ok {
		b.ds.Components = append(b.ds.Components, Component{Key: key, Name: name, Code: code})
		i = len(b.ds.Components) - 1
		b.compByID[Fold(key)] = i
	}
	c := &b.ds.Components[i]
	if c.Name == "" {
		c.Name = name
	}
	switch Fold(r.Bonus) {
	case "1", "x", "yes", "true", "co", "bonus":
		c.Bonus = true
	case "":
		c.Bonus = c.Bonus || isBonusName(name) || isBonusName(code)
	}
	c.Terms = append(c.Terms, ComponentTerm{Name: name, Max: mx, FromYear: from, ToYear: to})
	if name != "" {
		b.compByID[Fold(name)] = i
	}
	if strings.TrimSpace(r.Name) != "" {
		b.compByID[Fold(r.Name)] = i
	}
	b.notePath(i)
	b.noteParent(i, r.Parent, cols.pos(t.name, line, "parent"), Pos{File: t.name, Line: line})
}

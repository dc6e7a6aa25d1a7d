package data

import (
	"maps"
	"slices"
	"strings"
)

// role is what a column means to parlens.
type role int

const (
	roleOther role = iota // a component score if numeric, else ignored text
	roleRowNumber
	roleYear
	roleIndex
	roleBloc
	roleCode
	roleUnit
	roleTotal
	roleGrade
	roleRank
	roleComponent    // long format: the component name
	roleScore        // long format: the component score
	roleMaximum      // maximum points ("Điểm tối đa"): never a component
	roleSelfAssessed // the unit's own score ("Điểm tự đánh giá"): kept, never summed
	roleIgnore       // mapped away with --column ignore=…
	roleNotScore     // a figure beside the scores (a rank, last year's value, a change): never a component
	roleDuplicate    // a second column of a role already taken: ignored and reported
)

var roleNames = map[role]string{
	roleYear: "year", roleIndex: "index", roleBloc: "bloc", roleCode: "unit_code",
	roleUnit: "unit", roleTotal: "total", roleGrade: "grade", roleRank: "rank",
	roleComponent: "component", roleScore: "score", roleRowNumber: "row number",
	roleMaximum: "maximum", roleSelfAssessed: "self-assessed",
}

// headerRoles maps folded header names (English and Vietnamese, as offices
// and the press write them) to roles. Punctuation folds to spaces, so
// "Tỉnh, thành phố" and "Tỉnh/thành phố" are one entry, "S.T.T" is "s t t".
var headerRoles = map[string]role{
	"stt": roleRowNumber, "no": roleRowNumber, "so tt": roleRowNumber, "tt": roleRowNumber, "s t t": roleRowNumber,
	"so thu tu": roleRowNumber, "thu tu": roleRowNumber, "n": roleRowNumber, "nº": roleRowNumber, "no n": roleRowNumber,
	"row": roleRowNumber, "row number": roleRowNumber, "number": roleRowNumber,
	"year": roleYear, "nam": roleYear, "nam danh gia": roleYear,
	"index": roleIndex, "chi so": roleIndex, "ten chi so": roleIndex,
	"bloc": roleBloc, "khoi": roleBloc, "nhom": roleBloc,
	"unit code": roleCode, "ma": roleCode, "ma don vi": roleCode, "code": roleCode, "ma so": roleCode,
	"unit": roleUnit, "don vi": roleUnit, "ten don vi": roleUnit, "co quan": roleUnit, "ten co quan": roleUnit,
	"co quan don vi": roleUnit, "ten co quan don vi": roleUnit, "don vi co quan": roleUnit,
	"tinh thanh pho": roleUnit, "tinh thanh": roleUnit, "tinh tp": roleUnit, "tinh": roleUnit, "ten tinh": roleUnit,
	"dia phuong": roleUnit, "ten dia phuong": roleUnit, "bo nganh": roleUnit, "bo co quan ngang bo": roleUnit,
	"cac bo co quan ngang bo": roleUnit, "bo": roleUnit, "ten bo": roleUnit, "so ban nganh": roleUnit,
	"province": roleUnit, "ministry": roleUnit, "unit name": roleUnit, "agency": roleUnit,
	"total": roleTotal, "tong diem": roleTotal, "tong": roleTotal, "diem": roleTotal, "par index": roleTotal,
	"chi so par index": roleTotal, "chi so par": roleTotal, "chi so cchc": roleTotal, "chi so cai cach hanh chinh": roleTotal,
	"tong diem dat duoc": roleTotal, "diem dat duoc": roleTotal, "ket qua": roleTotal, "tong cong": roleTotal,
	"total score": roleTotal, "diem tong": roleTotal, "tong so diem": roleTotal,
	"grade": roleGrade, "xep loai": roleGrade,
	"rank": roleRank, "xep hang": roleRank, "thu hang": roleRank, "hang": roleRank,
	"component": roleComponent, "thanh phan": roleComponent, "linh vuc": roleComponent,
	"score": roleScore, "gia tri": roleScore, "diem so": roleScore,
	"diem toi da": roleMaximum, "diem chuan": roleMaximum, "thang diem": roleMaximum, "max": roleMaximum,
	"maximum": roleMaximum, "toi da": roleMaximum, "diem toi da co the dat": roleMaximum,
	"diem tu danh gia": roleSelfAssessed, "tu danh gia": roleSelfAssessed, "tu cham": roleSelfAssessed,
	"diem tu cham": roleSelfAssessed, "self assessed": roleSelfAssessed, "self assessment": roleSelfAssessed,
}

// mappableRoles are the role names --column accepts, folded.
var mappableRoles = map[string]role{
	"year": roleYear, "index": roleIndex, "bloc": roleBloc, "unit code": roleCode, "code": roleCode,
	"unit": roleUnit, "total": roleTotal, "grade": roleGrade, "rank": roleRank,
	"component": roleComponent, "score": roleScore, "row number": roleRowNumber, "stt": roleRowNumber,
	"maximum": roleMaximum, "max": roleMaximum, "self assessed": roleSelfAssessed, "ignore": roleIgnore,
}

// KnownColumnRole reports whether --column accepts a role name.
func KnownColumnRole(name string) bool {
	_, ok := mappableRoles[Fold(name)]
	return ok
}

// MappableRoles lists the roles --column accepts, for usage messages.
func MappableRoles() []string {
	return []string{"unit", "unit_code", "year", "index", "bloc", "total", "grade", "rank",
		"component", "score", "row_number", "maximum", "self_assessed", "ignore"}
}

// headerRole recognises a header by name: a table entry, "#" and "№" for
// row numbers, and a total's name followed by a year ("Chỉ số PAR INDEX
// 2022"). A header with "%" that names the index ("Chỉ số (%)") is the
// total written as a percentage, not the index's name.
func headerRole(name string) role {
	f := Fold(name)
	r, ok := headerRoles[f]
	if ok {
		if r == roleIndex && strings.Contains(name, "%") {
			return roleTotal
		}
		return r
	}
	switch strings.TrimSpace(name) {
	case "#", "№", "No.", "N°":
		return roleRowNumber
	}
	if base, y := cutHeaderYear(f); y != 0 {
		switch headerRoles[base] {
		case roleTotal:
			return roleTotal
		case roleRank:
			return roleRank // "Xếp hạng 2022"
		}
	}
	if isNotScoreHeader(f) {
		return roleNotScore
	}
	return roleOther
}

// isNotScoreHeader recognises, by its folded header, a numeric column that
// sits beside the scores without being one: a rank of some kind ("Hạng
// trước", "Xếp hạng công bố"), last year's figure ("Điểm trước", "Điểm năm
// trước") or a change ("Tăng/giảm", "Thay đổi", "Chênh lệch"). Summed as a
// component it would silently change every total, and parlens's own
// exports have such columns.
func isNotScoreHeader(f string) bool {
	for _, p := range []string{"hang ", "xep hang ", "thu hang ", "rank ", "ranking ", "prev ", "previous "} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	for _, suf := range []string{" truoc", " previous", " prev", " last year"} {
		if strings.HasSuffix(f, suf) {
			return true
		}
	}
	for _, w := range []string{"rank", "ranking", "xep hang", "thu hang", "tang giam", "thay doi", "chenh lech", "change", "delta", "so voi"} {
		if strings.Contains(" "+f+" ", " "+w+" ") {
			return true
		}
	}
	return false
}

// cutHeaderYear splits a folded header ending in a year: "par index 2022"
// gives "par index" and 2022.
func cutHeaderYear(f string) (string, int) {
	i := strings.LastIndexByte(f, ' ')
	if i < 0 {
		return f, 0
	}
	y := yearFromName(f[i+1:])
	if y == 0 || len(f)-i-1 != 4 {
		return f, 0
	}
	return f[:i], y
}

// header is a file's first row, understood.
type header struct {
	names  []string // as written (NFC)
	roles  []role
	col    map[role]int // first column of each role
	mapped []bool       // the role was given with --column
	// year is a year written in the total's header ("Chỉ số PAR INDEX
	// 2022"): the file's year when it has no year column or year in its name.
	year int
}

// parseHeader understands a header row; columns maps roles to headers as
// written (Options.Columns, matched folded), and wins over recognition.
func parseHeader(names []string, columns map[string]string) header {
	h := header{names: append([]string(nil), names...), roles: make([]role, len(names)), col: map[role]int{}, mapped: make([]bool, len(names))}
	for i := range names {
		h.roles[i] = roleOther
	}
	for _, rn := range slices.Sorted(maps.Keys(columns)) {
		r := mappableRoles[Fold(rn)]
		want := Fold(columns[rn])
		for i, n := range names {
			if Fold(n) == want && !h.mapped[i] {
				h.roles[i], h.mapped[i] = r, true
				if _, taken := h.col[r]; !taken && r != roleIgnore {
					h.col[r] = i
				}
				break
			}
		}
	}
	for i, n := range names {
		if h.mapped[i] {
			continue
		}
		r := headerRole(n)
		if r != roleOther && r != roleNotScore { // many columns can be "not a score"
			if _, dup := h.col[r]; dup {
				r = roleDuplicate // a second "Tổng" is not a component
			} else {
				h.col[r] = i
			}
		}
		h.roles[i] = r
	}
	if i, ok := h.col[roleTotal]; ok {
		_, h.year = cutHeaderYear(Fold(names[i]))
	}
	if !h.isLong() {
		// a wide file has no component-name column: "component" mapped or
		// recognised is a column of scores (or text), not a role
		if i, ok := h.col[roleComponent]; ok {
			h.roles[i] = roleOther
			delete(h.col, roleComponent)
		}
	}
	return h
}

// unmatchedColumns lists the --column headers no column of names matches.
func unmatchedColumns(columns map[string]string, names []string) []string {
	var out []string
	for _, rn := range slices.Sorted(maps.Keys(columns)) {
		want, found := Fold(columns[rn]), false
		for _, n := range names {
			found = found || Fold(n) == want
		}
		if !found {
			out = append(out, rn)
		}
	}
	return out
}

func (h header) has(r role) bool { _, ok := h.col[r]; return ok }

// isLong reports a long-format file: one row per unit, year and component.
func (h header) isLong() bool { return h.has(roleComponent) && h.has(roleScore) }

// ColumnInfo says how one column of a data file was understood.
type ColumnInfo struct {
	Col    int    // 1-based
	Header string // as written
	// Role is what the column is: "unit", "total", "component", "row
	// number", "maximum", "self-assessed"…, or "ignored: why".
	Role   string
	Mapped bool // given with --column
}

// RoleNotRead is the role of a column whose cells were never read (the file
// had errors first), so whether it holds scores is unknown.
const RoleNotRead = "not read"

// describeColumns fills the file's column table from its header; the
// loader then settles the columns whose role depends on their cells.
func describeColumns(h header) []ColumnInfo {
	out := make([]ColumnInfo, len(h.names))
	for i, n := range h.names {
		c := ColumnInfo{Col: i + 1, Header: n, Mapped: h.mapped[i]}
		switch r := h.roles[i]; r {
		case roleOther:
			c.Role = RoleNotRead // a component or text: the loader says which
		case roleDuplicate:
			c.Role = "ignored: a second " + roleNames[headerRole(n)] + " column"
		case roleIgnore:
			c.Role = "ignored: --column ignore"
		case roleNotScore:
			c.Role = "ignored: not a score (a rank, last year's figure or a change)"
		case roleMaximum:
			c.Role = "maximum: not a component, never summed"
		case roleSelfAssessed:
			c.Role = "self-assessed: kept, never summed"
		default:
			c.Role = roleNames[r]
		}
		out[i] = c
	}
	return out
}

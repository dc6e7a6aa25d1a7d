package data

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
	roleComponent // long format: the component name
	roleScore     // long format: the component score
	roleDuplicate // a second column of a role already taken: ignored and reported
)

var roleNames = map[role]string{
	roleYear: "year", roleIndex: "index", roleBloc: "bloc", roleCode: "unit_code",
	roleUnit: "unit", roleTotal: "total", roleGrade: "grade", roleRank: "rank",
	roleComponent: "component", roleScore: "score",
}

// headerRoles maps folded header names (English and Vietnamese) to roles.
var headerRoles = map[string]role{
	"stt": roleRowNumber, "no": roleRowNumber, "so tt": roleRowNumber, "tt": roleRowNumber, "#": roleRowNumber,
	"year": roleYear, "nam": roleYear,
	"index": roleIndex, "chi so": roleIndex,
	"bloc": roleBloc, "khoi": roleBloc, "nhom": roleBloc,
	"unit code": roleCode, "ma": roleCode, "ma don vi": roleCode, "code": roleCode,
	"unit": roleUnit, "don vi": roleUnit, "ten don vi": roleUnit, "co quan": roleUnit, "ten co quan": roleUnit,
	"total": roleTotal, "tong diem": roleTotal, "tong": roleTotal, "diem": roleTotal, "par index": roleTotal,
	"grade": roleGrade, "xep loai": roleGrade,
	"rank": roleRank, "xep hang": roleRank, "thu hang": roleRank, "hang": roleRank,
	"component": roleComponent, "thanh phan": roleComponent, "linh vuc": roleComponent,
	"score": roleScore, "gia tri": roleScore,
}

// header is a file's first row, understood.
type header struct {
	names []string // as written (NFC)
	roles []role
	col   map[role]int // first column of each role
}

func parseHeader(names []string) header {
	h := header{names: append([]string(nil), names...), roles: make([]role, len(names)), col: map[role]int{}}
	for i, n := range names {
		r := headerRoles[Fold(n)]
		if r != roleOther {
			if _, dup := h.col[r]; dup {
				r = roleDuplicate // a second "Tổng" is not a component
			} else {
				h.col[r] = i
			}
		}
		h.roles[i] = r
	}
	return h
}

func (h header) has(r role) bool { _, ok := h.col[r]; return ok }

// isLong reports a long-format file: one row per unit, year and component.
func (h header) isLong() bool { return h.has(roleComponent) && h.has(roleScore) }

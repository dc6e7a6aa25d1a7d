package brief

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

// maxCaveatLines is how many caveats the notes spell out; the JSON
// (Brief.Caveats and the statements' facts up to this many) and parlens
// check have them all.
const maxCaveatLines = 10

// caveats lists, in the notes, the data warnings that touch the year and
// the blocs of the brief: a reader must know when a number rests on a row
// the data itself contradicts.
// sortCaveats orders caveats by what they are about (bloc, unit, kind,
// message), not by where they stand in the files, so the same data in
// another row order or file split gives the same notes.
func sortCaveats(cs []analysis.Caveat) {
	slices.SortStableFunc(cs, func(a, b analysis.Caveat) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Bloc, b.Bloc),
			cmp.Compare(data.Fold(a.Unit), data.Fold(b.Unit)), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Message, b.Message))
	})
}

// fileBase names a file in running text by its base name: a local folder
// says nothing to the reader of a published note (the JSON keeps the path).
func fileBase(name string) string {
	return path.Base(strings.ReplaceAll(name, "\\", "/"))
}

func (g *gen) caveats() []Statement {
	var out []Statement
	for i, c := range g.cavs {
		if i == maxCaveatLines {
			rest := len(g.cavs) - i
			out = append(out, stmt("caveats_more", "", g.t(
				fmt.Sprintf("Còn %d cảnh báo khác về dữ liệu; lệnh parlens check liệt kê tất cả.", rest),
				fmt.Sprintf("%d more data warnings; parlens check lists them all.", rest)),
				map[string]any{"more": rest, "total": len(g.cavs)}))
			break
		}
		out = append(out, stmt("caveat", c.Bloc, g.caveatText(c), map[string]any{
			"kind": c.Kind, "message": c.Message, "hint": c.Hint, "file": c.File, "line": c.Line, "col": c.Col,
			"unit": c.Unit, "unit_id": c.UnitID, "year": c.Year,
		}))
	}
	return out
}

// caveatText states a caveat in the brief's language: "Lưu ý về dữ liệu —
// Bộ X (file, dòng 5): …". English quotes the check message; Vietnamese
// says what it means (the message's numbers are written with dots).
func (g *gen) caveatText(c analysis.Caveat) string {
	who := c.Unit
	if who == "" && c.File != "" {
		who = fileBase(c.File)
	}
	where := ""
	switch {
	case c.File != "" && c.Line > 0 && c.Unit != "":
		where = g.t(fmt.Sprintf(" (%s, dòng %d)", fileBase(c.File), c.Line), fmt.Sprintf(" (%s, line %d)", fileBase(c.File), c.Line))
	case c.Line > 0:
		where = g.t(fmt.Sprintf(" (dòng %d)", c.Line), fmt.Sprintf(" (line %d)", c.Line))
	}
	head := g.t("Lưu ý về dữ liệu — ", "Data caveat — ") + who + where + ": "
	if who == "" {
		head = g.t("Lưu ý về dữ liệu: ", "Data caveat: ")
	}
	if g.en {
		return head + c.Message + "."
	}
	var what string
	switch c.Kind {
	case analysis.CaveatTotal:
		what = "tổng điểm công bố khác tổng điểm các lĩnh vực thành phần"
		if c.Score != nil {
			what = fmt.Sprintf("tổng điểm công bố (%s) khác tổng điểm các lĩnh vực thành phần", g.pts(*c.Score))
		}
	case analysis.CaveatAboveMax:
		what = "có điểm lĩnh vực thành phần vượt điểm tối đa"
	case analysis.CaveatDuplicate:
		what = "một dòng dữ liệu bị lặp lại, chỉ tính một lần"
	case analysis.CaveatRenamed:
		what = "cùng mã đơn vị nhưng mang tên khác ở năm khác; nếu là đổi tên, ghi tên cũ vào units.csv"
	case analysis.CaveatAlias:
		what = "units.csv ghi một tên cho hai mã đơn vị"
	case analysis.CaveatRank:
		what = "thứ hạng công bố khác thứ hạng theo tổng điểm"
		if c.PublishedRank != nil && c.RankByScore != nil && c.Score != nil {
			what = fmt.Sprintf("thứ hạng công bố là %s, nhưng với %s, thứ hạng theo tổng điểm là %s",
				vr(*c.PublishedRank), g.pts(*c.Score), vr(*c.RankByScore))
		}
	case analysis.CaveatRankNotRanked:
		what = "có thứ hạng công bố nhưng được ghi là không xếp hạng"
	case analysis.CaveatGrade:
		what = "xếp loại công bố khác xếp loại theo thang đang dùng"
		if c.Grade != nil && c.GradeByScore != nil && c.Score != nil {
			scheme := "thang xếp loại mặc định"
			if c.Scheme != nil && *c.Scheme != data.DefaultScheme.Source {
				scheme = "thang xếp loại trong " + *c.Scheme
			}
			what = fmt.Sprintf("dữ liệu công bố xếp loại %s, nhưng với %s, %s cho xếp loại %s",
				g.grade(*c.Grade), g.pts(*c.Score), scheme, g.grade(*c.GradeByScore))
		}
	case analysis.CaveatGradeBelow:
		what = "có xếp loại công bố nhưng tổng điểm thấp hơn mọi mức của thang xếp loại đang dùng"
		if c.Grade != nil && c.Score != nil {
			what = fmt.Sprintf("dữ liệu công bố xếp loại %s, nhưng %s thấp hơn mọi mức của thang xếp loại đang dùng", g.grade(*c.Grade), g.pts(*c.Score))
		}
	case analysis.CaveatUngraded:
		what = "tổng điểm thấp hơn mức thấp nhất của thang xếp loại nên không được xếp loại"
		if c.Unit == "" {
			what = "có thêm đơn vị có tổng điểm thấp hơn mức thấp nhất của thang xếp loại, không được xếp loại"
		}
	default:
		what = "có cảnh báo, xem lệnh parlens check"
	}
	return head + what + "."
}

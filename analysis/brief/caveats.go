package brief

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
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
			out = append(out, stmt("caveats_more", "", g.sayf(words.BriefMoreDataWarningsParlensCheck, rest),
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
		where = g.sayf(words.BriefInFileAtLine, fileBase(c.File), c.Line)
	case c.Line > 0:
		where = g.sayf(words.BriefAtLine, c.Line)
	}
	head := g.say(words.BriefDataCaveatOf) + who + where + ": "
	if who == "" {
		head = g.say(words.BriefDataCaveatGeneral)
	}
	if g.en {
		return head + c.Message + "."
	}
	var what string
	switch c.Kind {
	case analysis.CaveatTotal:
		what = g.say(words.BriefCaveatTotal)
		if c.Score != nil {
			what = g.sayf(words.BriefCaveatTotalScore, g.score(*c.Score)+g.say(words.BriefPoints))
		}
	case analysis.CaveatAboveMax:
		what = g.say(words.BriefCaveatAboveMax)
	case analysis.CaveatDuplicate:
		what = g.say(words.BriefCaveatDuplicate)
	case analysis.CaveatRenamed:
		what = g.say(words.BriefCaveatRenamed)
	case analysis.CaveatAlias:
		what = g.say(words.BriefCaveatAlias)
	case analysis.CaveatRank:
		what = g.say(words.BriefCaveatRank)
		if c.PublishedRank != nil && c.RankByScore != nil && c.Score != nil {
			what = g.sayf(words.BriefCaveatRankPlaces, g.place(*c.PublishedRank), g.score(*c.Score)+g.say(words.BriefPoints), g.place(*c.RankByScore))
		}
	case analysis.CaveatRankNotRanked:
		what = g.say(words.BriefCaveatRankNotRanked)
	case analysis.CaveatGrade:
		what = g.say(words.BriefCaveatGrade)
		if c.Grade != nil && c.GradeByScore != nil && c.Score != nil {
			scheme := g.say(words.BriefDefaultScheme)
			if c.Scheme != nil && *c.Scheme != data.DefaultScheme.Source {
				scheme = g.sayf(words.BriefSchemeIn, *c.Scheme)
			}
			what = g.sayf(words.BriefCaveatGradeBy, g.grade(*c.Grade), g.score(*c.Score)+g.say(words.BriefPoints), scheme, g.grade(*c.GradeByScore))
		}
	case analysis.CaveatGradeBelow:
		what = g.say(words.BriefCaveatGradeBelow)
		if c.Grade != nil && c.Score != nil {
			what = g.sayf(words.BriefCaveatGradeBelowScore, g.grade(*c.Grade), g.score(*c.Score)+g.say(words.BriefPoints))
		}
	case analysis.CaveatUngraded:
		what = g.say(words.BriefCaveatUngraded)
		if c.Unit == "" {
			what = g.say(words.BriefCaveatUngradedMore)
		}
	default:
		what = g.say(words.BriefCaveatOther)
	}
	return head + what + "."
}

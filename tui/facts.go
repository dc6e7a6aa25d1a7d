package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

func itoa(n int) string { return strconv.Itoa(n) }

// p makes text from the data safe to draw.
func p(s string) string { return data.Printable(s) }

func ps(s *string) string {
	if s == nil {
		return ""
	}
	return data.Printable(*s)
}

// kindLabel names a mover kind in Vietnamese.
var kindLabel = map[analysis.MoverKind]string{
	analysis.Top:            "Dẫn đầu",
	analysis.FirstTimeTop:   "Lần đầu dẫn đầu",
	analysis.RegainedTop:    "Trở lại dẫn đầu",
	analysis.RetainedTop:    "Giữ ngôi đầu",
	analysis.Bottom:         "Cuối bảng",
	analysis.BiggestGain:    "Tăng điểm nhiều nhất",
	analysis.BiggestDrop:    "Giảm điểm nhiều nhất",
	analysis.BiggestClimb:   "Tăng hạng nhiều nhất",
	analysis.BiggestFall:    "Tụt hạng nhiều nhất",
	analysis.GradeUp:        "Lên xếp loại",
	analysis.GradeDown:      "Xuống xếp loại",
	analysis.FirstTimeGrade: "Lần đầu đạt loại cao nhất",
	analysis.SoleGrade:      "Duy nhất với xếp loại",
	analysis.NewUnit:        "Đơn vị mới",
}

func kindName(k analysis.MoverKind) string {
	if s, ok := kindLabel[k]; ok {
		return s
	}
	return string(k)
}

// kindTone says whether a fact is good or bad news.
func kindTone(k analysis.MoverKind) styles.Kind {
	switch k {
	case analysis.Top, analysis.FirstTimeTop, analysis.RegainedTop, analysis.RetainedTop,
		analysis.BiggestGain, analysis.BiggestClimb, analysis.GradeUp, analysis.FirstTimeGrade:
		return styles.KGood
	case analysis.Bottom, analysis.BiggestDrop, analysis.BiggestFall, analysis.GradeDown:
		return styles.KBad
	}
	return styles.KAccent
}

// factDetail describes a fact's numbers in one line (plain text).
func factDetail(mv *analysis.Mover, pad int) string {
	var parts []string
	if mv.Score != nil {
		s := vi.Score(*mv.Score, pad)
		if mv.Change != nil {
			s += " (" + vi.Change(*mv.Change, 2) + ")"
		}
		parts = append(parts, s)
	}
	if mv.Rank != nil {
		s := "hạng " + itoa(*mv.Rank)
		if mv.RankedOf != nil {
			s += "/" + itoa(*mv.RankedOf)
		}
		if d := numfmt.RankMove(mv.RankChange); d != "" && d != "=" {
			s += " " + d
		}
		parts = append(parts, s)
	}
	switch mv.Kind {
	case analysis.GradeUp, analysis.GradeDown:
		parts = append(parts, ps(mv.PrevGrade)+" → "+ps(mv.Grade))
	default:
		if mv.Grade != nil {
			parts = append(parts, ps(mv.Grade))
		}
	}
	if t := factTag(mv); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " · ")
}

// factTag is the short tag of a leader or bottom fact: first time, streak.
// Claims that count earlier years say from which year they count ("kể từ
// 2019"); a bloc's first year, or a bottom whose earlier tables do not show
// their last unit, claims nothing.
func factTag(mv *analysis.Mover) string {
	switch mv.Kind {
	case analysis.Top:
		if mv.PrevYear == nil {
			return "năm đầu tiên của khối"
		}
	case analysis.FirstTimeTop:
		return "lần đầu" + sinceTag(mv)
	case analysis.RegainedTop:
		if mv.Count != nil {
			return fmt.Sprintf("trở lại, lần thứ %d", *mv.Count) + sinceTag(mv)
		}
		return "trở lại"
	case analysis.RetainedTop:
		if mv.Streak != nil {
			return fmt.Sprintf("%d năm liền", *mv.Streak)
		}
	case analysis.Bottom:
		if mv.Streak == nil {
			return ""
		}
		if *mv.Streak > 1 {
			return fmt.Sprintf("%d năm liền", *mv.Streak)
		}
		if mv.Count != nil && *mv.Count > 1 {
			return fmt.Sprintf("lần thứ %d", *mv.Count) + sinceTag(mv)
		}
		return "lần đầu" + sinceTag(mv)
	case analysis.GradeUp, analysis.GradeDown:
		if mv.Steps != nil && *mv.Steps > 1 {
			return fmt.Sprintf("%d bậc", *mv.Steps)
		}
	}
	return ""
}

// sinceTag names the first year a count was made from.
func sinceTag(mv *analysis.Mover) string {
	if mv.Since == nil {
		return ""
	}
	return fmt.Sprintf(" kể từ %d", *mv.Since)
}

// signKind colours a change.
func signKind(v float64) styles.Kind {
	switch {
	case v >= 0.005:
		return styles.KGood
	case v <= -0.005:
		return styles.KBad
	}
	return styles.KMuted
}

func signKindInt(v int) styles.Kind {
	switch {
	case v > 0:
		return styles.KGood
	case v < 0:
		return styles.KBad
	}
	return styles.KMuted
}

// bandsText states a bloc nothing grades by its score bands ("từ 90 điểm
// 0/17 · từ 80 điểm 14/17"): plain counts of scores, no grade invented. It
// is "" when the bloc is graded or has no bands (a partial table, no scores).
func bandsText(bs *analysis.BlocSummary) string {
	if bs.GradesFrom != analysis.GradesFromNone || len(bs.Bands) == 0 {
		return ""
	}
	parts := make([]string, 0, len(bs.Bands))
	for _, b := range bs.Bands {
		parts = append(parts, fmt.Sprintf("từ %s điểm %s", vi.Score(b.Min, 0), vi.Ratio(b.Count, b.Of)))
	}
	return "không xếp loại · " + strings.Join(parts, " · ")
}

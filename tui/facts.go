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
func factTag(mv *analysis.Mover) string {
	switch mv.Kind {
	case analysis.Top:
		return "năm đầu tiên của khối"
	case analysis.FirstTimeTop:
		return "lần đầu"
	case analysis.RegainedTop:
		if mv.Count != nil {
			return fmt.Sprintf("trở lại, lần thứ %d", *mv.Count)
		}
		return "trở lại"
	case analysis.RetainedTop:
		if mv.Streak != nil {
			return fmt.Sprintf("%d năm liền", *mv.Streak)
		}
	case analysis.Bottom:
		if mv.Streak != nil && *mv.Streak > 1 {
			return fmt.Sprintf("%d năm liền", *mv.Streak)
		}
		if mv.Count != nil && *mv.Count > 1 {
			return fmt.Sprintf("lần thứ %d", *mv.Count)
		}
		return "lần đầu"
	case analysis.GradeUp, analysis.GradeDown:
		if mv.Steps != nil && *mv.Steps > 1 {
			return fmt.Sprintf("%d bậc", *mv.Steps)
		}
	}
	return ""
}

// markKey identifies a fact for marking.
func markKey(mv *analysis.Mover) string {
	return string(mv.Kind) + "\x00" + mv.Index + "\x00" + itoa(mv.Year) + "\x00" + mv.Bloc + "\x00" + mv.UnitID
}

func (m *Model) isMarked(mv *analysis.Mover) bool {
	k := markKey(mv)
	for i := range m.marks {
		if markKey(&m.marks[i]) == k {
			return true
		}
	}
	return false
}

// toggleMark marks or unmarks a fact for the briefing.
func (m *Model) toggleMark(mv *analysis.Mover) bool {
	k := markKey(mv)
	for i := range m.marks {
		if markKey(&m.marks[i]) == k {
			m.marks = append(m.marks[:i], m.marks[i+1:]...)
			return false
		}
	}
	m.marks = append(m.marks, *mv)
	return true
}

// gradeLevel is a grade's level (0 = best) as the dataset orders it.
func (m *Model) gradeLevel(bloc string, year int, grade string) int {
	if lvl, ok := m.ds.GradeLevel(m.index, bloc, year, grade); ok {
		return lvl
	}
	return -1
}

// gradeKind is the colour of a grade.
func (m *Model) gradeKind(bloc string, year int, grade *string) styles.Kind {
	if grade == nil {
		return styles.KMuted
	}
	return styles.Grade(m.gradeLevel(bloc, year, *grade))
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

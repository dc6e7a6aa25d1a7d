// Package styles holds the dashboard's semantic colours as one Styles struct,
// with a dark and a light theme and a plain (NO_COLOR) variant in which
// selection stays visible through reverse video and markers.
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme names a palette.
type Theme string

const (
	Dark  Theme = "dark"
	Light Theme = "light"
	Plain Theme = "plain" // NO_COLOR: no colour at all, only bold/reverse/faint
)

// Kind is the semantic role of a piece of text (a grid cell, a label).
type Kind uint8

const (
	KNormal Kind = iota
	KMuted
	KAccent
	KGood // better: score up, rank up, grade up
	KBad  // worse
	KWarn
	KMarked
	KHeat0 // heat scale, worst …
	KHeat1
	KHeat2
	KHeat3
	KHeat4 // … best
	KGrade0
	KGrade1
	KGrade2
	KGrade3
	KGrade4
	KGrade5
	kindCount
)

// Styles are the dashboard's styles. Build them once per theme; every
// component reads them from here.
type Styles struct {
	Theme   Theme
	NoColor bool

	Base      lipgloss.Style // body text
	Muted     lipgloss.Style
	Accent    lipgloss.Style
	Bold      lipgloss.Style
	Good      lipgloss.Style
	Bad       lipgloss.Style
	Warn      lipgloss.Style
	Error     lipgloss.Style
	Title     lipgloss.Style // header bar
	TitleDim  lipgloss.Style // header bar, secondary text
	TabActive lipgloss.Style
	Tab       lipgloss.Style
	TabEmpty  lipgloss.Style // a bloc without data in the year
	Section   lipgloss.Style // section headings inside views
	ColHead   lipgloss.Style // grid column headings
	ColSel    lipgloss.Style // the selected (sort) column heading
	Selected  lipgloss.Style // the cursor row
	Marked    lipgloss.Style // a fact marked for the briefing
	Status    lipgloss.Style // footer status line
	Help      lipgloss.Style // footer help line
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style
	Panel     lipgloss.Style // error panel text
	Prompt    lipgloss.Style

	kinds [kindCount]lipgloss.Style
	// GradeColors are the grade colours, best first (also used for bars).
	GradeColors []color.Color
	HeatColors  []color.Color
	BarEmpty    color.Color
}

// Kind returns the style of a semantic kind.
func (s *Styles) Kind(k Kind) lipgloss.Style {
	if int(k) < len(s.kinds) {
		return s.kinds[k]
	}
	return s.Base
}

// Render styles text of a kind. KNormal text is returned as is.
func (s *Styles) Render(k Kind, text string) string {
	if k == KNormal || text == "" {
		return text
	}
	return s.kinds[k].Render(text)
}

// Grade returns the kind of a grade level (0 = best).
func Grade(level int) Kind {
	if level < 0 {
		return KMuted
	}
	if level > 5 {
		level = 5
	}
	return KGrade0 + Kind(level)
}

// Heat returns the heat kind of a percentage of the maximum.
func Heat(pct float64) Kind {
	switch {
	case pct >= 90:
		return KHeat4
	case pct >= 80:
		return KHeat3
	case pct >= 70:
		return KHeat2
	case pct >= 60:
		return KHeat1
	}
	return KHeat0
}

// HeatGlyph is a shade glyph for a percentage, readable without colour.
func HeatGlyph(pct float64) string {
	switch {
	case pct >= 90:
		return "█"
	case pct >= 80:
		return "▓"
	case pct >= 70:
		return "▒"
	case pct >= 60:
		return "░"
	}
	return "·"
}

type palette struct {
	fg, muted, accent, good, bad, warn, err   string
	titleFg, titleBg, titleDim                string
	tabFg, tabBg, tabActFg, tabActBg, tabNone string
	selFg, selBg, markFg, colHead, colSel     string
	grades                                    []string
	heat                                      []string
	barEmpty                                  string
}

var darkPalette = palette{
	fg: "#D8DEE9", muted: "#7B8494", accent: "#7FB4FF", good: "#5FD787", bad: "#FF6E6E", warn: "#F0C05A", err: "#FF5F5F",
	titleFg: "#FFFFFF", titleBg: "#2B4C7E", titleDim: "#B9C7DD",
	tabFg: "#AEB7C6", tabBg: "#262B33", tabActFg: "#101318", tabActBg: "#7FB4FF", tabNone: "#5A6270",
	selFg: "#FFFFFF", selBg: "#3A5F95", markFg: "#F0C05A", colHead: "#9FB3C8", colSel: "#7FB4FF",
	grades:   []string{"#2EBD6B", "#6FCF57", "#D6C14A", "#E8923A", "#E5603F", "#B13A3A"},
	heat:     []string{"#B13A3A", "#D0703C", "#C9B04A", "#7CBF5A", "#2EA86B"},
	barEmpty: "#3A404A",
}

var lightPalette = palette{
	fg: "#1F2430", muted: "#6A7280", accent: "#1F5FBF", good: "#1E8A4C", bad: "#C0392B", warn: "#9A6B00", err: "#B00020",
	titleFg: "#FFFFFF", titleBg: "#1F5FBF", titleDim: "#DCE7F7",
	tabFg: "#39414F", tabBg: "#E4E8EF", tabActFg: "#FFFFFF", tabActBg: "#1F5FBF", tabNone: "#A0A7B3",
	selFg: "#000000", selBg: "#BFD7FF", markFg: "#9A5B00", colHead: "#3D5573", colSel: "#1F5FBF",
	grades:   []string{"#1E8A4C", "#4E9A2E", "#A68A00", "#C96A10", "#C0392B", "#8B1E1E"},
	heat:     []string{"#C0392B", "#D2691E", "#B89B00", "#5A9E3A", "#1E8A4C"},
	barEmpty: "#D5DAE2",
}

// New returns the styles of a theme; noColor forces the plain variant.
func New(t Theme, noColor bool) *Styles {
	if noColor || t == Plain {
		return plain()
	}
	p := darkPalette
	if t == Light {
		p = lightPalette
	} else {
		t = Dark
	}
	c := lipgloss.Color
	ns := lipgloss.NewStyle
	s := &Styles{Theme: t}
	s.Base = ns().Foreground(c(p.fg))
	s.Muted = ns().Foreground(c(p.muted))
	s.Accent = ns().Foreground(c(p.accent))
	s.Bold = ns().Bold(true)
	s.Good = ns().Foreground(c(p.good))
	s.Bad = ns().Foreground(c(p.bad))
	s.Warn = ns().Foreground(c(p.warn))
	s.Error = ns().Foreground(c(p.err)).Bold(true)
	s.Title = ns().Foreground(c(p.titleFg)).Background(c(p.titleBg)).Bold(true)
	s.TitleDim = ns().Foreground(c(p.titleDim)).Background(c(p.titleBg))
	s.TabActive = ns().Foreground(c(p.tabActFg)).Background(c(p.tabActBg)).Bold(true)
	s.Tab = ns().Foreground(c(p.tabFg)).Background(c(p.tabBg))
	s.TabEmpty = ns().Foreground(c(p.tabNone)).Background(c(p.tabBg))
	s.Section = ns().Foreground(c(p.accent)).Bold(true)
	s.ColHead = ns().Foreground(c(p.colHead)).Bold(true)
	s.ColSel = ns().Foreground(c(p.colSel)).Bold(true).Underline(true)
	s.Selected = ns().Foreground(c(p.selFg)).Background(c(p.selBg)).Bold(true)
	s.Marked = ns().Foreground(c(p.markFg)).Bold(true)
	s.Status = ns().Foreground(c(p.tabFg)).Background(c(p.tabBg))
	s.Help = ns().Foreground(c(p.muted))
	s.HelpKey = ns().Foreground(c(p.accent)).Bold(true)
	s.HelpDesc = ns().Foreground(c(p.muted))
	s.Panel = ns().Foreground(c(p.fg))
	s.Prompt = ns().Foreground(c(p.accent)).Bold(true)
	for _, g := range p.grades {
		s.GradeColors = append(s.GradeColors, c(g))
	}
	for _, h := range p.heat {
		s.HeatColors = append(s.HeatColors, c(h))
	}
	s.BarEmpty = c(p.barEmpty)
	s.kinds[KNormal] = s.Base
	s.kinds[KMuted] = s.Muted
	s.kinds[KAccent] = s.Accent
	s.kinds[KGood] = s.Good
	s.kinds[KBad] = s.Bad
	s.kinds[KWarn] = s.Warn
	s.kinds[KMarked] = s.Marked
	for i := 0; i < 5; i++ {
		s.kinds[KHeat0+Kind(i)] = ns().Foreground(s.HeatColors[i])
	}
	for i := 0; i < 6; i++ {
		s.kinds[KGrade0+Kind(i)] = ns().Foreground(s.GradeColors[i])
	}
	return s
}

// plain has no colours: emphasis is bold, selection is reverse video (and
// the grid draws a ▶ marker), secondary text is faint.
func plain() *Styles {
	ns := lipgloss.NewStyle
	s := &Styles{Theme: Plain, NoColor: true}
	s.Base = ns()
	s.Muted = ns().Faint(true)
	s.Accent = ns().Bold(true)
	s.Bold = ns().Bold(true)
	s.Good = ns()
	s.Bad = ns()
	s.Warn = ns().Bold(true)
	s.Error = ns().Bold(true)
	s.Title = ns().Bold(true).Reverse(true)
	s.TitleDim = ns().Reverse(true)
	s.TabActive = ns().Bold(true).Reverse(true)
	s.Tab = ns()
	s.TabEmpty = ns().Faint(true)
	s.Section = ns().Bold(true).Underline(true)
	s.ColHead = ns().Bold(true)
	s.ColSel = ns().Bold(true).Underline(true)
	s.Selected = ns().Reverse(true)
	s.Marked = ns().Bold(true)
	s.Status = ns().Reverse(true)
	s.Help = ns()
	s.HelpKey = ns().Bold(true)
	s.HelpDesc = ns()
	s.Panel = ns()
	s.Prompt = ns().Bold(true)
	for i := range s.kinds {
		s.kinds[i] = ns()
	}
	s.kinds[KMuted] = s.Muted
	s.kinds[KAccent] = s.Accent
	s.kinds[KWarn] = s.Warn
	s.kinds[KMarked] = s.Marked
	return s
}

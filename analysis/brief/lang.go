package brief

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// lang is the briefing's language.
func (g *gen) lang() words.Lang {
	if g.en {
		return words.EN
	}
	return words.VI
}

// say writes a word of the table in the briefing's language.
func (g *gen) say(w *words.Word) string { return w.In(g.lang()) }

// sayf fills a template of the table in the briefing's language.
func (g *gen) sayf(w *words.Word, args ...any) string { return w.F(g.lang(), args...) }

// num is the decimal mark of the brief's language (package numfmt holds
// every rule of how numbers are written).
func (g *gen) num() numfmt.Mark {
	if g.en {
		return numfmt.Point
	}
	return numfmt.Comma
}

// fixed writes a computed v with dec decimals: a decimal comma in Vietnamese.
func (g *gen) fixed(v float64, dec int) string { return g.num().Fixed(v, dec) }

// score writes a published score as published, padded to the dataset's
// decimals and at least 2 (numfmt.ProsePad): 97,31, the same text as the
// dashboard and, for data published with 2 or more decimals, the tables.
func (g *gen) score(v float64) string { return g.num().Score(v, numfmt.ProsePad(g.ds.Decimals)) }

// pts writes a score with its unit: "97,31 điểm", "97.31 points". A total
// above 100 says it includes bonus points, "101,69 điểm (gồm điểm thưởng)",
// when the data allows no other reading (bonusExplains).
func (g *gen) pts(v float64) string {
	out := g.score(v) + g.say(words.BriefPoints)
	if g.bonusExplains(v) {
		out += g.say(words.BriefInclBonus)
	}
	return out
}

// ptsIn writes a score inside parentheses: the bonus note after a comma,
// "(từ 97,80 lên 101,69 điểm, gồm điểm thưởng)".
func (g *gen) ptsIn(v float64) string {
	out := g.score(v) + g.say(words.BriefPoints)
	if g.bonusExplains(v) {
		out += g.say(words.BriefInclBonusIn)
	}
	return out
}

// bonusExplains reports whether a total above 100 is explained by bonus
// points: the index scores out of 100 and only a bonus goes past it, so the
// note is written unless the components are known and none is a bonus (a
// total past 100 is then unexplained, and the notes' caveats speak of it).
func (g *gen) bonusExplains(v float64) bool {
	if g.ds == nil || numfmt.Cents(v-100) <= 0 {
		return false
	}
	if len(g.ds.Components) == 0 {
		return true
	}
	for _, c := range g.ds.Components {
		if c.Bonus {
			return true
		}
	}
	return false
}

// mean writes a computed average with 2 decimals.
func (g *gen) mean(v float64) string { return g.fixed(v, 2) }

// delta writes the size of a change in points, 2 decimals, without sign.
func (g *gen) delta(v float64) string { return g.fixed(math.Abs(v), 2) }

// change writes a change in points with its direction: "tăng 1,25 điểm",
// "up 1.25 points"; "không đổi" / "unchanged" when it rounds to zero.
func (g *gen) change(d float64) string {
	switch c := numfmt.Cents(d); {
	case c > 0:
		return g.say(words.BriefUp) + g.delta(d) + g.say(words.BriefPoints)
	case c < 0:
		return g.say(words.BriefDown) + g.delta(d) + g.say(words.BriefPoints)
	}
	return g.say(words.BriefUnchanged)
}

// list joins items: "A, B và C" / "A, B and C". Items that contain a comma
// are separated by semicolons so the list stays readable.
func (g *gen) list(items []string) string {
	n := len(items)
	switch n {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	sep := ", "
	for _, s := range items {
		if strings.Contains(s, ",") {
			sep = "; "
			break
		}
	}
	and := g.say(words.BriefAnd)
	return strings.Join(items[:n-1], sep) + and + items[n-1]
}

// grade writes a grade label inside a sentence: lower case in Vietnamese
// ("xuất sắc"; "nhóm A" keeps its letter), as given in English.
func (g *gen) grade(label string) string {
	if g.en {
		return label + g.gloss(label)
	}
	if v, ok := data.LookupGrade(label); ok && v.Ladder == "vi" {
		return strings.ToLower(label)
	}
	words := strings.Fields(label)
	for i, w := range words {
		if !isShortCaps(w) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// isShortCaps reports a short all-capital token such as "A" or "III".
func isShortCaps(w string) bool {
	if utf8.RuneCountInString(w) > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// units writes a count of units: "3 đơn vị", "1 unit", "3 units".
func (g *gen) units(n int) string { return words.Units(g.lang(), n) }

// unitsHave writes a count of units as a subject: "3 đơn vị", "1 unit has".
func (g *gen) unitsHave(n int) string { return words.UnitsHave(g.lang(), n) }

// frac writes k/N.
func (g *gen) frac(k, n int) string { return g.num().Ratio(k, n) }

// nth writes the number of a time or a place: "3" in Vietnamese ("lần thứ
// 3"), "3rd" in English.
func (g *gen) nth(n int) string { return words.Nth(g.lang(), n) }

// place writes a rank as a place: "thứ nhất", "thứ 2"; "1st", "2nd".
func (g *gen) place(r int) string { return words.Place(g.lang(), r) }

// nthYear writes how long a streak has run: "năm thứ 3 liên tiếp", "for
// the 3rd year in a row".
func (g *gen) nthYear(n int) string { return words.YearInARow(g.lang(), n) }

// gloss is the English gloss of a published grade or bloc name, " (Good)",
// at its first mention in the brief; "" after, in Vietnamese, or for a name
// words has no gloss for.
func (g *gen) gloss(name string) string {
	if !g.en || g.glossed == nil {
		return ""
	}
	f := data.Fold(name)
	gl, ok := words.Gloss(f)
	if !ok || g.glossed[f] {
		return ""
	}
	g.glossed[f] = true
	return " (" + gl + ")"
}

// blocRef names a bloc inside a sentence: "khối Sở, ban, ngành", "the Sở,
// ban, ngành bloc". A name that already starts with "Khối" is kept (with a
// lower-case k in Vietnamese running text).
func (g *gen) blocRef(b string) string {
	if hasKhoi(b) {
		if g.en {
			return b
		}
		return "k" + strings.TrimPrefix(b, "K")
	}
	return g.sayf(words.BriefBlocRef, b+g.gloss(b))
}

// blocTitle names a bloc as a heading or at the start of a sentence.
func (g *gen) blocTitle(b string) string {
	if hasKhoi(b) {
		return b
	}
	return g.sayf(words.BriefBlocTitle, b)
}

func hasKhoi(b string) bool {
	f := data.Fold(b)
	return f == "khoi" || strings.HasPrefix(f, "khoi ")
}

// optF returns *p as a fact value, or nil.
func optF(p *float64) any {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return nil
	}
	return *p
}

func optI(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func optS(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

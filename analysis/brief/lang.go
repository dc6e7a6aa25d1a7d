package brief

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// t picks the Vietnamese or the English text.
func (g *gen) t(vi, en string) string {
	if g.en {
		return en
	}
	return vi
}

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

// pts writes a score with its unit: "97,31 điểm", "97.31 points".
func (g *gen) pts(v float64) string { return g.score(v) + g.t(" điểm", " points") }

// mean writes a computed average with 2 decimals.
func (g *gen) mean(v float64) string { return g.fixed(v, 2) }

// delta writes the size of a change in points, 2 decimals, without sign.
func (g *gen) delta(v float64) string { return g.fixed(math.Abs(v), 2) }

// change writes a change in points with its direction: "tăng 1,25 điểm",
// "up 1.25 points"; "không đổi" / "unchanged" when it rounds to zero.
func (g *gen) change(d float64) string {
	switch c := numfmt.Cents(d); {
	case c > 0:
		return g.t("tăng ", "up ") + g.delta(d) + g.t(" điểm", " points")
	case c < 0:
		return g.t("giảm ", "down ") + g.delta(d) + g.t(" điểm", " points")
	}
	return g.t("không đổi", "unchanged")
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
	and := g.t(" và ", " and ")
	return strings.Join(items[:n-1], sep) + and + items[n-1]
}

// grade writes a grade label inside a sentence: lower case in Vietnamese
// ("xuất sắc"; "nhóm A" keeps its letter), as given in English.
func (g *gen) grade(label string) string {
	if g.en {
		return label
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
func (g *gen) units(n int) string {
	if g.en {
		if n == 1 {
			return "1 unit"
		}
		return fmt.Sprintf("%d units", n)
	}
	return fmt.Sprintf("%d đơn vị", n)
}

// frac writes k/N.
func (g *gen) frac(k, n int) string { return g.num().Ratio(k, n) }

// ordinal writes an English ordinal: 1st, 2nd, 3rd, 11th.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// vr writes a rank in Vietnamese: "thứ nhất", "thứ 2".
func vr(r int) string {
	if r == 1 {
		return "thứ nhất"
	}
	return "thứ " + strconv.Itoa(r)
}

// nth writes "lần thứ 3" / "3rd" style counts of occurrences.
func (g *gen) nthYear(n int) string {
	if g.en {
		return "for the " + ordinal(n) + " year in a row"
	}
	return fmt.Sprintf("năm thứ %d liên tiếp", n)
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
	return g.t("khối ", "the ") + b + g.t("", " bloc")
}

// blocTitle names a bloc as a heading or at the start of a sentence.
func (g *gen) blocTitle(b string) string {
	if hasKhoi(b) {
		return b
	}
	if g.en {
		return b + " bloc"
	}
	return "Khối " + b
}

func hasKhoi(b string) bool {
	f := data.Fold(b)
	return f == "khoi" || strings.HasPrefix(f, "khoi ")
}

// capFirst upper-cases the first letter of a template phrase (never of a
// name from the data).
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
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

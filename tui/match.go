package tui

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parlens/parlens/data"
	"golang.org/x/text/unicode/norm"
)

// matcher is a search query (the filter, the unit picker). A query typed
// without diacritics matches whatever the names carry ("quan" finds "Cơ
// quan" and "quận"); a query with diacritics means them: it matches them
// exactly, ignoring case only ("quận" finds "quận Hải Châu", not "Cơ quan";
// "Sở" finds "Sở Tư pháp", not "Sơn Trà").
type matcher struct {
	q     string // the query in the form it is compared in
	marks bool   // the query has diacritics: compare in lowerKeep form
}

func newMatcher(query string) matcher {
	folded := data.Fold(query)
	kept := lowerKeep(query)
	if kept != folded {
		return matcher{q: kept, marks: true}
	}
	return matcher{q: folded}
}

// empty reports whether the query matches everything.
func (m matcher) empty() bool { return m.q == "" }

// form is a name in the form the query compares with; folded is the name
// already folded with data.Fold (the views keep it).
func (m matcher) form(raw, folded string) string {
	if m.marks {
		return keptForm(raw)
	}
	return folded
}

// keptForms remembers each name's lowerKeep form: a query with diacritics
// compares every name of a bloc on every keystroke, and the NFC pass of
// lowerKeep was most of a keystroke's time. The names are the dataset's, so
// the memo holds one entry per distinct name; the picker matches off the
// update loop, hence a sync.Map.
var keptForms sync.Map

func keptForm(raw string) string {
	if v, ok := keptForms.Load(raw); ok {
		return v.(string)
	}
	k := lowerKeep(raw)
	keptForms.Store(raw, k)
	return k
}

// match reports whether a name holds the query.
func (m matcher) match(raw, folded string) bool {
	return m.empty() || strings.Contains(m.form(raw, folded), m.q)
}

// score ranks a name for the picker: the query as a whole word start
// first, then anywhere in it, then its letters in order with gaps (fuzzy);
// ok is false when the letters are not all there in order.
func (m matcher) score(raw, folded string) (score int, ok bool) {
	if m.empty() {
		return 0, true
	}
	f := m.form(raw, folded)
	if i := strings.Index(f, m.q); i >= 0 {
		if i == 0 || f[i-1] == ' ' {
			return 3000 - i, true
		}
		return 2000 - i, true
	}
	// fuzzy: every rune of the query in order; fewer gaps rank higher (by
	// byte offsets: no rune copy of every name on every keystroke)
	gaps, next, j := 0, -1, 0
	for _, r := range m.q {
		if r == ' ' {
			continue
		}
		k := strings.IndexRune(f[j:], r)
		if k < 0 {
			return 0, false
		}
		if next >= 0 && j+k != next {
			gaps++
		}
		j += k + utf8.RuneLen(r)
		next = j
	}
	return 1000 - gaps, true
}

// lowerKeep is a name lower-cased in NFC with its diacritics kept, with
// punctuation and spaces as single spaces as data.Fold has them, so it is
// data.Fold without the removal of accents.
func lowerKeep(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case unicode.Is(unicode.Mn, r):
			b.WriteRune(r) // a mark NFC leaves separate
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

package tui

import (
	"testing"

	"github.com/parlens/parlens/data"
	"golang.org/x/text/unicode/norm"
)

// TestMatcherMeansTheDiacriticsTyped: accents are folded only when the
// query has none; a query with diacritics matches them exactly, whatever
// the case or the Unicode form it was typed in.
func TestMatcherMeansTheDiacriticsTyped(t *testing.T) {
	for _, tc := range []struct {
		query, name string
		want        bool
	}{
		{"quan", "Cơ quan Trung ương", true},
		{"quan", "quận Hải Châu", true},
		{"quận", "quận Hải Châu", true},
		{"quận", "Cơ quan Trung ương", false},
		{"QUẬN", "quận Hải Châu", true},
		{norm.NFD.String("quận"), "quận Hải Châu", true},
		{"Sở", "Sở Tư pháp", true},
		{"Sở", "quận Sơn Trà", false},
		{"so", "quận Sơn Trà", true},
		{"đà", "Đà Nẵng", true},
		{"da", "Đà Nẵng", true},
		{"đa", "Đà Nẵng", false},
		{"tư pháp", "Sở Tư pháp", true},
		{"so-tp", "SO-TP", true},
		{"", "anything", true},
		{"xyz", "Sở Tư pháp", false},
	} {
		m := newMatcher(tc.query)
		if got := m.match(tc.name, foldOf(tc.name)); got != tc.want {
			t.Errorf("%q in %q: %v, want %v", tc.query, tc.name, got, tc.want)
		}
	}
}

// TestMatcherScoreOrdersHits: a hit at a word's start beats one inside a
// word, which beats letters found in order with gaps; letters out of order
// or missing do not match.
func TestMatcherScoreOrdersHits(t *testing.T) {
	m := newMatcher("tp")
	start, _ := m.score("TP Đà Nẵng", foldOf("TP Đà Nẵng"))
	fuzzy, ok := m.score("Sở Tư pháp", foldOf("Sở Tư pháp"))
	if !ok || start <= fuzzy {
		t.Errorf("word start %d, fuzzy %d (ok %v): want start > fuzzy > 0", start, fuzzy, ok)
	}
	inner, _ := newMatcher("ha").score("Sở Tư pháp", foldOf("Sở Tư pháp"))
	if inner <= fuzzy || inner >= start {
		t.Errorf("inside a word %d: want between %d and %d", inner, fuzzy, start)
	}
	if _, ok := newMatcher("pt").score("Sở Tư pháp", foldOf("Sở Tư pháp")); ok {
		t.Error("letters out of order matched")
	}
	if _, ok := newMatcher("tư ph").score("Sở Tu phap", foldOf("Sở Tu phap")); ok {
		t.Error("a query with diacritics matched a name without them")
	}
}

func foldOf(s string) string { return data.Fold(s) }

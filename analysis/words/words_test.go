package words_test

import (
	"maps"
	"strconv"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
)

// Every word is written in both languages.
func TestEveryWordHasBothLanguages(t *testing.T) {
	for i, w := range words.All() {
		for _, l := range []words.Lang{words.VI, words.EN} {
			if w.In(l) == "" {
				t.Errorf("word %d (vi %q, en %q) has no %s text", i, w.In(words.VI), w.In(words.EN), l)
			}
		}
	}
}

// verbs maps each argument a template uses (1-based) to its verb.
func verbs(s string) map[int]byte {
	out := map[int]byte{}
	arg := 1
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		if i < len(s) && s[i] == '%' {
			continue // a literal percent sign
		}
		for i < len(s) && (s[i] == '+' || s[i] == '-' || s[i] == '#' || s[i] == ' ' || s[i] == '0' || s[i] == '.' ||
			(s[i] >= '1' && s[i] <= '9') || s[i] == '[') {
			if s[i] == '[' {
				j := i + 1
				for j < len(s) && s[j] != ']' {
					j++
				}
				if n, err := strconv.Atoi(s[i+1 : j]); err == nil {
					arg = n
				}
				i = j
			}
			i++
		}
		if i < len(s) {
			out[arg] = s[i]
			arg++
		}
	}
	return out
}

// A template takes the same arguments in both languages, so the same call
// fills either.
func TestTemplatesTakeTheSameArguments(t *testing.T) {
	for _, w := range words.All() {
		if !w.Template() {
			continue
		}
		vi, en := verbs(w.In(words.VI)), verbs(w.In(words.EN))
		if len(vi) == 0 {
			t.Errorf("template %q takes no arguments: declare it with def", w.In(words.VI))
		}
		if !maps.Equal(vi, en) {
			t.Errorf("%q and %q take different arguments: %v vs %v", w.In(words.VI), w.In(words.EN), vi, en)
		}
	}
}

func TestVerbsReadsTemplates(t *testing.T) {
	tests := []struct {
		in   string
		want map[int]byte
	}{
		{"no verbs", map[int]byte{}},
		{"100%% sure", map[int]byte{}},
		{"%s · %d → %d", map[int]byte{1: 's', 2: 'd', 3: 'd'}},
		{"%[2]d of %[1]s", map[int]byte{1: 's', 2: 'd'}},
		{"%+.2f", map[int]byte{1: 'f'}},
	}
	for _, tt := range tests {
		if got := verbs(tt.in); !maps.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// Every mover kind the analysis reports has a label.
func TestEveryMoverKindHasALabel(t *testing.T) {
	for _, k := range analysis.MoverKinds {
		if words.MoverKind(string(k)) == nil {
			t.Errorf("mover kind %q has no label", k)
		}
	}
	if words.MoverKind("no_such_kind") != nil {
		t.Error("an unknown kind has a label")
	}
}

func TestInDefaultsToVietnamese(t *testing.T) {
	w := words.MoverKind("biggest_fall")
	for _, tt := range []struct {
		lang words.Lang
		want string
	}{{words.VI, "tụt hạng nhiều nhất"}, {words.EN, "biggest fall"}, {"", "tụt hạng nhiều nhất"}} {
		if got := w.In(tt.lang); got != tt.want {
			t.Errorf("In(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := w.Cap(words.VI); got != "Tụt hạng nhiều nhất" {
		t.Errorf("Cap = %q", got)
	}
}

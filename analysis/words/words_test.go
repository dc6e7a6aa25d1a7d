package words_test

import (
	"maps"
	"strconv"
	"strings"
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

// A template is filled by one call in either language: an argument both
// languages use takes the same verb, and a language leaves an argument out
// only by naming its arguments (%[n]v), which fmt allows.
func TestTemplatesTakeTheSameArguments(t *testing.T) {
	for _, w := range words.All() {
		if !w.Template() {
			continue
		}
		vs, es := w.In(words.VI), w.In(words.EN)
		vi, en := verbs(vs), verbs(es)
		if len(vi) == 0 {
			t.Errorf("template %q takes no arguments: declare it with def", vs)
		}
		for i, v := range vi {
			if e, ok := en[i]; ok && e != v {
				t.Errorf("%q and %q fill argument %d with %%%c and %%%c", vs, es, i, v, e)
			}
		}
		if !maps.Equal(vi, en) {
			for s, m := range map[string]map[int]byte{vs: vi, es: en} {
				if len(m) < max(len(vi), len(en)) && !strings.Contains(s, "%[") {
					t.Errorf("%q leaves an argument of %q / %q out without naming its arguments", s, vs, es)
				}
			}
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

func TestGrammar(t *testing.T) {
	tests := []struct{ got, want string }{
		{words.Units(words.VI, 1), "1 đơn vị"},
		{words.Units(words.EN, 1), "1 unit"},
		{words.Units(words.EN, 3), "3 units"},
		{words.UnitsHave(words.VI, 3), "3 đơn vị"},
		{words.UnitsHave(words.EN, 1), "1 unit has"},
		{words.UnitsHave(words.EN, 2), "2 units have"},
		{words.Ordinal(1), "1st"}, {words.Ordinal(2), "2nd"}, {words.Ordinal(3), "3rd"}, {words.Ordinal(4), "4th"},
		{words.Ordinal(11), "11th"}, {words.Ordinal(12), "12th"}, {words.Ordinal(13), "13th"}, {words.Ordinal(21), "21st"}, {words.Ordinal(112), "112th"},
		{words.Nth(words.VI, 3), "3"}, {words.Nth(words.EN, 3), "3rd"},
		{words.Place(words.VI, 1), "thứ nhất"}, {words.Place(words.VI, 2), "thứ 2"}, {words.Place(words.EN, 2), "2nd"},
		{words.YearInARow(words.VI, 3), "năm thứ 3 liên tiếp"}, {words.YearInARow(words.EN, 3), "for the 3rd year in a row"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// Choice is the selection the dashboard opens on (--index, --year, --bloc):
// an index or bloc by name or an accent-insensitive part of it, as the
// commands match them; zero values keep the defaults.
type Choice struct {
	Index string
	Year  int
	Bloc  string
}

// resolve finds the index, year and bloc a Choice names in a, or says in
// language l which one is unknown and what there is instead.
func (ch Choice) resolve(a *analysis.Analysis, l words.Lang) (index string, year int, bloc string, err error) {
	indices := a.Indices()
	if len(indices) == 0 {
		return "", 0, "", nil
	}
	index = indices[0]
	if ch.Index != "" {
		m := analysis.MatchBloc(ch.Index, indices)
		if len(m) == 0 {
			return "", 0, "", fmt.Errorf("%s", words.UnknownIndex.F(l, data.Printable(ch.Index), known(indices)))
		}
		index = m[0]
	}
	years := a.Years(index)
	if ch.Year != 0 {
		if !slices.Contains(years, ch.Year) {
			ys := make([]string, len(years))
			for i, y := range years {
				ys[i] = strconv.Itoa(y)
			}
			return "", 0, "", fmt.Errorf("%s", words.UnknownYear.F(l, data.Printable(index), ch.Year, strings.Join(ys, ", ")))
		}
		year = ch.Year
	} else if len(years) > 0 {
		year = years[len(years)-1]
	}
	if ch.Bloc != "" {
		in := a.BlocsIn(index, year)
		m := analysis.MatchBloc(ch.Bloc, in)
		if len(m) == 0 {
			return "", 0, "", fmt.Errorf("%s", words.UnknownBloc.F(l, data.Printable(index), year, data.Printable(ch.Bloc), known(in)))
		}
		bloc = m[0]
	}
	return index, year, bloc, nil
}

// known lists names for a message, each made printable.
func known(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = data.Printable(n)
	}
	return strings.Join(out, ", ")
}

// Check reports, in language l, whether a has what the choice names.
func (ch Choice) Check(a *analysis.Analysis, l words.Lang) error {
	_, _, _, err := ch.resolve(a, l)
	return err
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

// queryFlags are the flags of the commands that print analysis results.
type queryFlags struct {
	inputFlags
	year   int
	index  string
	bloc   string
	format string
	lang   string
}

func (q *queryFlags) register(fs *flag.FlagSet, formats string) {
	q.inputFlags.register(fs)
	fs.IntVar(&q.year, "year", 0, "year (default: the latest year of each index)")
	fs.StringVar(&q.index, "index", "", "index name or accent-insensitive part of it (default: every index)")
	fs.StringVar(&q.bloc, "bloc", "", "bloc name or accent-insensitive part of it (default: every bloc)")
	fs.StringVar(&q.format, "format", "", "output format: "+formats+" (default: table on a terminal, else csv)")
	fs.StringVar(&q.lang, "lang", "vi", "labels: vi or en")
}

// errUnknown is an unknown index, year, bloc or unit: exit 1 with close matches.
var errUnknown = errors.New("unknown")

// commandEnv is what a result command works with once flags are parsed and
// the data is loaded.
type commandEnv struct {
	q         *queryFlags
	a         *analysis.Analysis
	stdout    io.Writer
	stderr    io.Writer
	labelDone bool
}

// label prints the dataset's label ("Dữ liệu minh họa — illustrative") once,
// above text and Markdown output, so a sample is never mistaken for real
// results. CSV and JSON stay machine-readable.
func (e *commandEnv) printLabel() {
	l := e.a.Dataset().Label
	if e.labelDone || l == "" || (e.q.format != formatTable && e.q.format != formatMD) {
		return
	}
	e.labelDone = true
	if e.q.format == formatMD {
		fmt.Fprintf(e.stdout, "_%s_\n\n", escapeMarkdown(data.Printable(l)))
		return
	}
	fmt.Fprintf(e.stdout, "%s\n\n", data.Printable(l))
}

// setup parses flags, checks them, loads the data and builds the analysis.
// It returns a non-negative exit code when the command should stop.
func setup(name, usage string, args []string, stdin io.Reader, stdout, stderr io.Writer,
	extra func(*flag.FlagSet), formats ...string) (*commandEnv, []string, int) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	q := &queryFlags{}
	q.register(fs, strings.Join(formats, "|"))
	if extra != nil {
		extra(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: parlens %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, exitUsage
	}
	if q.lang != "vi" && q.lang != "en" {
		fmt.Fprintf(stderr, "parlens %s: --lang must be vi or en, not %q\n", name, q.lang)
		return nil, nil, exitUsage
	}
	if q.format == "" {
		q.format = formatCSV
		if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
			q.format = formatTable
		}
	}
	if !contains(formats, q.format) {
		fmt.Fprintf(stderr, "parlens %s: --format must be one of %s, not %q\n", name, strings.Join(formats, ", "), q.format)
		return nil, nil, exitUsage
	}
	var rest []string
	if name == "unit" && len(paths) > 0 {
		rest, paths = paths[:1], paths[1:]
	}
	ds, code := q.load(paths, stdin, stderr)
	if ds == nil {
		return nil, nil, code
	}
	return &commandEnv{q: q, a: analysis.New(ds), stdout: stdout, stderr: stderr}, rest, -1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unknown prints an unknown-name message with close matches and returns exit 1.
func (e *commandEnv) unknown(what, query string, candidates []string) int {
	msg := fmt.Sprintf("parlens: unknown %s %q", what, data.Printable(query))
	if s := analysis.Suggest(query, candidates); len(s) > 0 {
		msg += "; did you mean: " + data.Printable(strings.Join(s, ", ")) + "?"
	} else if len(candidates) > 0 && len(candidates) <= 12 {
		msg += "; known: " + data.Printable(strings.Join(candidates, ", "))
	}
	fmt.Fprintln(e.stderr, msg)
	return exitData
}

// indices returns the indices the --index flag selects.
func (e *commandEnv) indices() ([]string, int) {
	all := e.a.Indices()
	if e.q.index == "" {
		return all, -1
	}
	m := analysis.MatchBloc(e.q.index, all) // the same matching rules as blocs
	if len(m) == 0 {
		return nil, e.unknown("index", e.q.index, all)
	}
	return m, -1
}

// years returns the years of an index the --year flag selects; allYears
// gives every year when --year is not set, else the latest. ok is false when
// the index does not have the year asked for.
func (e *commandEnv) years(index string, allYears bool) ([]int, bool) {
	ys := e.a.Years(index)
	switch {
	case e.q.year != 0:
		for _, y := range ys {
			if y == e.q.year {
				return []int{y}, true
			}
		}
		return nil, false
	case allYears || len(ys) == 0:
		return ys, true
	}
	return ys[len(ys)-1:], true
}

func (e *commandEnv) unknownYear() int {
	seen := map[int]bool{}
	var names []string
	for _, ix := range e.a.Indices() {
		for _, y := range e.a.Years(ix) {
			if !seen[y] {
				seen[y] = true
				names = append(names, strconv.Itoa(y))
			}
		}
	}
	return e.unknown("year", strconv.Itoa(e.q.year), names)
}

// each calls fn for every selected index, year and bloc. A year or bloc
// filter that matches nothing in one index is fine as long as it matches in
// another.
func (e *commandEnv) each(allYears bool, fn func(index string, year int, bloc string)) int {
	indices, code := e.indices()
	if code >= 0 {
		return code
	}
	yearFound, blocFound := false, false
	var blocIndex string
	for _, ix := range indices {
		years, ok := e.years(ix, allYears)
		if !ok {
			continue
		}
		yearFound = true
		for _, y := range years {
			sel := e.a.BlocsIn(ix, y)
			if e.q.bloc != "" {
				sel = analysis.MatchBloc(e.q.bloc, sel)
			}
			if len(sel) == 0 {
				blocIndex = ix
				continue
			}
			blocFound = true
			for _, b := range sel {
				fn(ix, y, b)
			}
		}
	}
	switch {
	case !yearFound:
		return e.unknownYear()
	case !blocFound:
		return e.unknown("bloc", e.q.bloc, e.a.Blocs(blocIndex))
	}
	return -1
}

// label picks the Vietnamese or English text.
func (e *commandEnv) label(vi, en string) string {
	if e.q.lang == "en" {
		return en
	}
	return vi
}

// headers picks a header row by language: pairs of vi, en.
func (e *commandEnv) headers(pairs ...string) []string {
	out := make([]string, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if e.q.format == formatCSV {
			out = append(out, pairs[i+1]) // CSV headers are machine keys
		} else {
			out = append(out, e.label(pairs[i], pairs[i+1]))
		}
	}
	return out
}

// emit renders a table in the chosen format (json is handled by the caller).
func (e *commandEnv) emit(t *table) int {
	e.printLabel()
	if err := t.render(e.stdout, e.q.format, e.q.lang); err != nil {
		printErr(e.stderr, err)
		return exitData
	}
	return exitOK
}

func (e *commandEnv) emitJSON(v any) int {
	if err := writeJSON(e.stdout, v); err != nil {
		printErr(e.stderr, err)
		return exitData
	}
	return exitOK
}

// inline makes data text inert for a line of text or Markdown outside a
// table: escaped for Markdown, cut to a table cell's width for text.
func (e *commandEnv) inline(s string) string {
	if e.q.format == formatMD {
		return escapeMarkdown(s)
	}
	return textCell(s)
}

// score shows a published score as published, padded to the dataset's decimals.
func (e *commandEnv) score(p *float64) any {
	if p == nil {
		return nil
	}
	return num{*p, -1, e.a.Dataset().Decimals}
}

// fixed shows a computed number (a mean, a percentage) with dec decimals.
func fixed(p *float64, dec int) any {
	if p == nil {
		return nil
	}
	return num{*p, dec, 0}
}

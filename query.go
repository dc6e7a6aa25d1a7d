package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// command is one row of the command table (commands in main.go): its
// parsing, its help and its dispatch all come from it.
type command struct {
	name     string
	args     string   // what follows the name in the usage line
	operand  bool     // the first argument is the command's own (unit: NAME|CODE), the rest PATHs
	operands []string // the operand's values when they are a fixed few (completion: the shells), for shell completion
	// operandUnless names a boolean flag that, when given, means the command
	// takes no operand (scorecard --all): the first argument is a PATH then.
	operandUnless string
	summary       string // its line in `parlens help`
	about         string // the paragraph under the usage line of `parlens NAME -h`
	data          dataUse
	formats       []string // set for a query command: --format's choices, with --year, --index, --bloc and --lang
	bind          binder
}

// dataUse is what a command reads, and so which shared flags it takes.
type dataUse int

const (
	noData    dataUse = iota // writes data of its own (gen)
	dataFiles                // the input flags; reads and reports the files itself (check)
	dataSet                  // the input flags; gets the loaded dataset in env.a
)

// A binder registers a command's own flags, if any, and returns the
// function that runs it with them.
type binder func(fs *flag.FlagSet) func(e *env) error

// env is what a command runs with once its flags are parsed and, for a
// dataSet command, its data is loaded and its warnings told.
type env struct {
	cmd      *command
	commands []command // the command table (a row's runner cannot name the table it is in)
	in       inputFlags
	q        queryFlags
	strict   bool
	operand  string   // a command's first argument (unit: the unit to show)
	paths    []string // the data to read
	a        *analysis.Analysis
	stdin    io.Reader
	stdout   io.Writer // an *outputWriter: write errors surface at the end
	stderr   io.Writer
	terminal bool // standard output is a terminal
	usage    func()
	runner   func(e *env) error
}

// queryFlags are the flags of the commands that print analysis results.
type queryFlags struct {
	year   int
	index  string
	bloc   string
	format string
	lang   string
	out    string // -o FILE: write there (atomically) instead of standard output
	csv    string // --csv: the CSV dialect (present.CSVPlain or present.CSVExcel)
}

func (q *queryFlags) register(fs *flag.FlagSet, formats []string) {
	q.registerChoice(fs)
	fs.StringVar(&q.format, "format", "", "output format: "+strings.Join(formats, "|")+" (default: table on a terminal, else csv)")
	q.registerExport(fs)
}

// registerChoice registers the flags the query commands share with the
// dashboard: what to show (--year, --index, --bloc) and in which language.
func (q *queryFlags) registerChoice(fs *flag.FlagSet) {
	fs.IntVar(&q.year, "year", 0, "year (default: the latest year of each index)")
	fs.StringVar(&q.index, "index", "", "index name or accent-insensitive part of it (default: every index)")
	fs.StringVar(&q.bloc, "bloc", "", "bloc name or accent-insensitive part of it (default: every bloc)")
	fs.StringVar(&q.lang, "lang", "vi", "labels: vi or en")
}

// checkLang checks --lang: vi or en.
func (q *queryFlags) checkLang() error {
	if q.lang != "vi" && q.lang != "en" {
		return fmt.Errorf("--lang must be vi or en, not %q", q.lang)
	}
	return nil
}

// exitError ends a command with an exit code; msg, when set, is the line
// that says why (already said when empty).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageErrorf is bad usage of a command: exit 2.
func (e *env) usageErrorf(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Sprintf("parlens "+e.cmd.name+": "+format, args...)}
}

// usageError is bad usage found outside the flags (PATH with --sample, an
// unknown sample): exit 2.
func usageError(err error) error { return &exitError{exitUsage, "parlens: " + err.Error()} }

// errReported is a failure already reported in full: exit 1.
var errReported = &exitError{code: exitData}

// exitCode is where every command's outcome becomes an exit code: nil is
// 0, an exitError its own code, a write error on standard output or any
// other error 1, printed as "parlens: …".
func exitCode(err error, stderr io.Writer) int {
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	printErr(stderr, err)
	return exitData
}

// runCommand parses a command's arguments, loads its data, runs it and
// decides the exit code (a panic is run's to report).
func runCommand(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &outputWriter{w: stdout}
	e := &env{cmd: c, commands: commands, stdin: stdin, stdout: out, stderr: stderr}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		e.terminal = true
	}
	err := e.parse(args)
	if err == nil {
		err = e.load()
	}
	if err == nil {
		err = e.runner(e)
	}
	if out.err() != nil && (err == nil || errors.Is(err, out.err())) {
		err = out.err()
	}
	return exitCode(err, stderr)
}

// flags is the flag set the command table gives e's command (the shared
// flags its data and formats call for, then its own); it sets e.runner.
func (e *env) flags() *flag.FlagSet {
	c := e.cmd
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	if c.data != noData {
		e.in.register(fs)
		fs.BoolVar(&e.strict, "strict", false, "exit 1 when the data has warnings")
	}
	if c.formats != nil {
		e.q.register(fs, c.formats)
	}
	e.runner = c.bind(fs)
	return fs
}

// parse reads the flags the command table gives c and checks the shared ones.
func (e *env) parse(args []string) error {
	c := e.cmd
	fs := e.flags()
	e.usage = func() { e.writeHelp(e.stderr, fs) }
	// The flag package calls Usage on -h and after a bad flag; the help
	// asked for goes to standard output, the one after an error to
	// standard error.
	fs.Usage = func() {}
	paths, err := parseArgs(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		e.writeHelp(e.stdout, fs)
		return &exitError{code: exitOK}
	case err != nil:
		e.usage()
		return &exitError{code: exitUsage} // the flag package has said why
	}
	if c.formats != nil {
		if err := e.checkQueryFlags(); err != nil {
			return err
		}
	}
	if c.operand && len(paths) > 0 && !flagGiven(fs, c.operandUnless) {
		e.operand, paths = paths[0], paths[1:]
	}
	e.paths = paths
	return nil
}

// flagGiven reports whether a boolean flag of the set is on.
func flagGiven(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return name != "" && f != nil && f.Value.String() == "true"
}

func (e *env) checkQueryFlags() error {
	q := &e.q
	if err := q.checkLang(); err != nil {
		return e.usageErrorf("%v", err)
	}
	e.formatFromOutput()
	if q.format == "" {
		q.format = present.FormatCSV
		if e.terminal {
			q.format = present.FormatTable
		}
	}
	given := q.format
	q.format = canonicalFormat(q.format)
	if !slices.Contains(e.cmd.formats, q.format) {
		return e.usageErrorf("--format must be one of %s, not %q", strings.Join(e.cmd.formats, ", "), given)
	}
	q.format = tableText(q.format)
	return e.checkExportFlags()
}

// load reads a dataSet command's data and tells its warnings.
func (e *env) load() error {
	if e.cmd.data != dataSet {
		return nil
	}
	ds, err := e.in.load(e.paths, e.stdin)
	if err != nil {
		return err
	}
	e.a = analysis.New(ds)
	return e.tellWarnings(dataWarnings(e.a))
}

// dataWarnings selects the warnings a command's reader should hear of: for
// now every warning of the load and every published rank or grade the
// scores contradict (what `parlens check` lists), whatever the command
// shows. Swap the selection here.
func dataWarnings(a *analysis.Analysis) []data.Issue {
	return a.Warnings() // a.Caveats(ws, index, year, blocs...) narrows them to what a command shows
}

// shownWarnings is how many warnings the one-line notice quotes.
const shownWarnings = 3

// tellWarnings prints one line on standard error counting the warnings,
// quoting the first few and pointing to `parlens check`; nothing when there
// are none. Under --strict warnings are errors: exit 1, no result.
func (e *env) tellWarnings(ws []data.Issue) error {
	if len(ws) == 0 {
		return nil
	}
	quoted := make([]string, 0, shownWarnings+1)
	for i, w := range ws {
		if i == shownWarnings {
			quoted = append(quoted, fmt.Sprintf("… %d more", len(ws)-shownWarnings))
			break
		}
		s := w.Msg
		if p := w.Pos.String(); p != "" {
			s = p + ": " + s
		}
		quoted = append(quoted, present.TextCell(s))
	}
	fmt.Fprintf(e.stderr, "parlens: %d %s in the data: %s; run parlens check for all\n",
		len(ws), plural(len(ws), "warning", "warnings"), strings.Join(quoted, "; "))
	if e.strict {
		return &exitError{exitData, "parlens: --strict: stopping on the data's warnings"}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// unknownError is an unknown index, year, bloc or unit: exit 1, with close
// matches or, when there are few, every name known.
func unknownError(what, query string, candidates []string) error {
	msg := fmt.Sprintf("parlens: unknown %s %q", what, data.Printable(query))
	if s := analysis.Suggest(query, candidates); len(s) > 0 {
		msg += "; did you mean: " + data.Printable(strings.Join(s, ", ")) + "?"
	} else if len(candidates) > 0 && len(candidates) <= 12 {
		msg += "; known: " + data.Printable(strings.Join(candidates, ", "))
	}
	return &exitError{exitData, msg}
}

// indices returns the indices the --index flag selects.
func (e *env) indices() ([]string, error) {
	all := e.a.Indices()
	if e.q.index == "" {
		return all, nil
	}
	m := analysis.MatchBloc(e.q.index, all) // the same matching rules as blocs
	if len(m) == 0 {
		return nil, unknownError("index", e.q.index, all)
	}
	return m, nil
}

// years returns the years of an index the --year flag selects; allYears
// gives every year when --year is not set, else the latest. ok is false when
// the index does not have the year asked for.
func (e *env) years(index string, allYears bool) ([]int, bool) {
	ys := e.a.Years(index)
	switch {
	case e.q.year != 0:
		if slices.Contains(ys, e.q.year) {
			return []int{e.q.year}, true
		}
		return nil, false
	case allYears || len(ys) == 0:
		return ys, true
	}
	return ys[len(ys)-1:], true
}

// yearNames lists the years of the given indices, as text.
func yearNames(a *analysis.Analysis, indices []string) []string {
	var names []string
	for _, ix := range indices {
		for _, y := range a.Years(ix) {
			if s := strconv.Itoa(y); !slices.Contains(names, s) {
				names = append(names, s)
			}
		}
	}
	return names
}

// each calls fn for every selected index, year and bloc, and stops at its
// first error. A year or bloc filter that matches nothing in one index is
// fine as long as it matches in another.
func (e *env) each(allYears bool, fn func(s data.Slice) error) error {
	indices, err := e.indices()
	if err != nil {
		return err
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
				if err := fn(data.Slice{Index: ix, Year: y, Bloc: b}); err != nil {
					return err
				}
			}
		}
	}
	switch {
	case !yearFound:
		return unknownError("year", strconv.Itoa(e.q.year), yearNames(e.a, e.a.Indices()))
	case !blocFound:
		return unknownError("bloc", e.q.bloc, e.a.Blocs(blocIndex))
	}
	return nil
}

// collect gathers what fn gives for every selected slice (see each), as
// [] rather than null when there is nothing.
func collect[T any](e *env, allYears bool, fn func(s data.Slice) ([]T, error)) ([]T, error) {
	var out []T
	err := e.each(allYears, func(s data.Slice) error {
		got, err := fn(s)
		out = append(out, got...)
		return err
	})
	return nonNil(out), err
}

// missing is an analysis that has no result for a slice each listed: a
// bug, not bad data.
func missing(what string, s data.Slice) error {
	return fmt.Errorf("internal error: no %s for %s %d %s", what, s.Index, s.Year, s.Bloc)
}

// query declares a query command by its two halves: rows collects the
// result (what --format json writes as is) and table lays it out for text,
// CSV and Markdown.
func query[R any](rows func(*env) (R, error), table func(*env, R) *present.Table) binder {
	return report(rows, func(e *env, r R) error { return e.emit(table(e, r)) })
}

// report is query for a command whose text and Markdown are more than one
// table: human writes every format but JSON.
func report[R any](rows func(*env) (R, error), human func(*env, R) error) binder {
	return func(*flag.FlagSet) func(*env) error {
		return func(e *env) error {
			r, err := rows(e)
			if err != nil {
				return err
			}
			return e.toOutput(func() error {
				if e.q.format == present.FormatJSON {
					return writeJSON(e.stdout, e.cmd.name, r)
				}
				return human(e, r)
			})
		}
	}
}

// lang is the language of labels (--lang).
func (e *env) lang() words.Lang { return words.Lang(e.q.lang) }

// say writes a word in the chosen language.
func (e *env) say(w *words.Word) string { return w.In(e.lang()) }

// headers writes a header row in the chosen language; CSV headers are the
// columns' machine keys (their English words).
func (e *env) headers(cols ...*words.Word) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if e.q.format == present.FormatCSV {
			out[i] = c.In(words.EN)
		} else {
			out[i] = e.say(c)
		}
	}
	return out
}

// printLabel writes the dataset's label above human output, once.
func (e *env) printLabel() {
	present.Label(e.stdout, e.q.format, e.a.Dataset().Label)
}

// emit writes one table in the chosen format, under the dataset's label.
func (e *env) emit(t *present.Table) error {
	e.printLabel()
	return e.table(t)
}

// table writes one table of a longer report.
func (e *env) table(t *present.Table) error {
	if done, err := e.exportTable(t); done {
		return err
	}
	return t.Render(e.stdout, e.q.format, e.q.lang)
}

// inline makes data text inert for a line outside a table.
func (e *env) inline(s string) string { return present.Inline(e.q.format, s) }

// score shows a published score as published, padded to the dataset's decimals.
func (e *env) score(p *float64) any { return present.Score(p, e.a.Dataset().Decimals) }

// fixed shows a computed number (a mean, a percentage) with dec decimals.
func fixed(p *float64, dec int) any { return present.Fixed(p, dec) }

// nonNil makes an empty result print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui"
	"github.com/parlens/parlens/tui/styles"
)

// dashboardFlags registers the dashboard's flags: the input flags, what to
// open on (--index, --year, --bloc) and in which language (--lang), as the
// query commands take them, --theme and --version, whose values it returns.
func dashboardFlags(fset *flag.FlagSet, in *inputFlags, q *queryFlags) (theme *string, version *bool) {
	in.register(fset)
	q.registerChoice(fset)
	theme = fset.String("theme", "auto", "colour theme: auto, dark or light (NO_COLOR turns colour off)")
	version = fset.Bool("version", false, "print the version and the revision parlens was built from, and exit")
	return theme, version
}

// runDashboard opens the dashboard on PATH... (the embedded sample without
// one). Without a terminal on stdout it prints a text overview instead.
func runDashboard(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("parlens", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var in inputFlags
	var q queryFlags
	theme, version := dashboardFlags(fset, &in, &q)
	fset.Usage = func() {} // the help asked for goes to standard output
	paths, err := parseArgs(fset, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		out := &outputWriter{w: stdout}
		usage(out, commands)
		return exitCode(out.err(), stderr)
	case err != nil:
		fmt.Fprintln(stderr, `parlens: run "parlens -h" for the flags and commands`)
		return exitUsage
	case *version:
		return exitCode(printVersion(&outputWriter{w: stdout}), stderr)
	}
	if err := q.checkLang(); err != nil {
		fmt.Fprintln(stderr, "parlens:", err)
		return exitUsage
	}
	lang := words.Lang(q.lang)
	choice := tui.Choice{Index: q.index, Year: q.year, Bloc: q.bloc}
	var th styles.Theme
	switch *theme {
	case "auto", "":
	case "dark":
		th = styles.Dark
	case "light":
		th = styles.Light
	default:
		fmt.Fprintf(stderr, "parlens: unknown theme %q (auto, dark or light)\n", *theme)
		return exitUsage
	}
	if len(paths) > 0 && in.sample != "" {
		fmt.Fprintln(stderr, "parlens: give either PATH or --sample, not both")
		return exitUsage
	}

	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		return printOverview(&in, paths, choice, lang, stdin, stdout, stderr)
	}

	release := holdGC()
	defer release()
	topt := tui.Options{
		Load:       func() (*data.Result, error) { return in.read(paths, stdin) },
		Bytes:      inputSize(paths),
		Theme:      th,
		NoColor:    os.Getenv("NO_COLOR") != "",
		Lang:       lang,
		Choice:     choice,
		FirstFrame: release,
	}
	return runTUI(topt, stdin, out, stderr)
}

// runTUI runs the dashboard on the terminal out until it quits and gives
// the exit code (see dashboardExit). The dashboard recovers its own panics
// (tui/guard.go).
func runTUI(topt tui.Options, stdin io.Reader, out *os.File, stderr io.Writer) int {
	m := tui.New(topt)
	opts := []tea.ProgramOption{tea.WithOutput(out)}
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		opts = append(opts, tea.WithInput(f))
	}
	if topt.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := m.NewProgram(opts...)
	sig, stop := watchSignals(p)
	// The dashboard titles the window "parlens", and Bubble Tea clears the
	// title on the way out; the terminal's own title is saved first and put
	// back after (XTWINOPS 22/23: terminals without a title stack ignore it).
	io.WriteString(out, "\x1b[22;0t")
	err := tui.Run(p)
	io.WriteString(out, "\x1b[23;0t")
	stop()
	return dashboardExit(m, err, sig(), stderr)
}

// watchSignals notes the signal that ends the dashboard, for the exit code.
// Bubble Tea itself turns SIGINT and SIGTERM into a clean quit (the terminal
// is restored); SIGHUP, a closed terminal, quits the same way here instead
// of killing parlens with the terminal in raw mode.
func watchSignals(p *tea.Program) (got func() os.Signal, stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	var mu sync.Mutex
	var first os.Signal
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-ch:
				mu.Lock()
				if first == nil {
					first = s
				}
				mu.Unlock()
				if s == syscall.SIGHUP {
					go p.Quit()
				}
			case <-done:
				return
			}
		}
	}()
	return func() os.Signal {
			mu.Lock()
			defer mu.Unlock()
			return first
		}, func() {
			signal.Stop(ch)
			close(done)
		}
}

// dashboardExit reports how the dashboard ended, once the terminal is back,
// and gives the exit code: 0 after q, 1 when the data did not load, 3 when
// parlens crashed (two lines and a file with the details, as a command's
// crash), 128+n after signal n.
func dashboardExit(m *tui.Model, err error, sig os.Signal, stderr io.Writer) int {
	switch {
	case m.Panic != nil:
		return reportCrash(stderr, m.Panic.Error(), m.Panic.Error())
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea restored the terminal and printed the panic.
		return reportCrash(stderr, "the dashboard crashed", err.Error())
	case errors.Is(err, tea.ErrInterrupted):
		return 130
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		printErr(stderr, err)
		return exitData
	}
	if s, ok := sig.(syscall.Signal); ok && s != syscall.SIGINT {
		return 128 + int(s)
	}
	if issues, failed := m.Failed(); failed {
		// The panel is gone with the alternate screen; leave the list behind.
		printIssues(stderr, issues, m.LoadError())
		return exitData
	}
	return exitOK
}

// printOverview is the dashboard without a terminal: the text overview, in
// the chosen language, of what it would open on when --index, --year or
// --bloc is given; a choice the data lacks is refused as the dashboard
// refuses it.
func printOverview(in *inputFlags, paths []string, choice tui.Choice, lang words.Lang, stdin io.Reader, stdout, stderr io.Writer) int {
	r, err := in.read(paths, stdin)
	if err != nil {
		printErr(stderr, err)
		return exitUsage
	}
	if r.Err() != nil {
		printIssues(stderr, r.Issues, "")
		return exitData
	}
	a := analysis.New(r.Dataset)
	if err := choice.Check(a, lang); err != nil {
		printErr(stderr, err)
		return exitData
	}
	if err := tui.WriteOverviewOf(stdout, a, lang, choice); err != nil {
		printErr(stderr, err)
		return exitData
	}
	fmt.Fprintln(stderr, "parlens: the dashboard needs a terminal; printed the overview instead")
	return exitOK
}

// printIssues lists load problems as `parlens check` does.
func printIssues(w io.Writer, issues []data.Issue, loadErr string) {
	if loadErr != "" {
		fmt.Fprintln(w, "parlens:", data.Printable(loadErr))
	}
	errs, warns := 0, 0
	for _, i := range issues {
		if i.Severity == data.Error {
			errs++
		} else {
			warns++
		}
	}
	if len(issues) > 0 {
		fmt.Fprintf(w, "parlens: %d %s, %d %s\n", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	}
	for _, i := range issues {
		fmt.Fprintln(w, data.Printable(i.String()))
	}
}

// inputSize adds up the sizes of the input files, for the load progress.
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == "-" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			n += st.Size()
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			if ext == ".csv" || ext == ".tsv" || ext == ".txt" {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}

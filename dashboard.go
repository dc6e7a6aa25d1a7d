package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui"
	"github.com/parlens/parlens/tui/styles"
)

const reportHint = "this is a bug in parlens; please report it with the text above at https://github.com/parlens/parlens/issues"

// runDashboard opens the dashboard on PATH... (the embedded sample without
// one). Without a terminal on stdout it prints a text overview instead.
func runDashboard(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("parlens", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var in inputFlags
	in.register(fset)
	theme := fset.String("theme", "auto", "colour theme: auto, dark or light (NO_COLOR turns colour off)")
	fset.Usage = func() {
		fmt.Fprintln(stderr, `Usage: parlens [flags] [PATH...]

Opens the dashboard on the files (the embedded sample without PATH).
Without a terminal it prints an overview of the latest year instead.

Flags:`)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
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
	paths := fset.Args()
	if len(paths) > 0 && in.sample != "" {
		fmt.Fprintln(stderr, "parlens: give either PATH or --sample, not both")
		return exitUsage
	}

	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		return printOverview(&in, paths, stdin, stdout, stderr)
	}

	noColor := os.Getenv("NO_COLOR") != ""
	m := tui.New(tui.Options{
		Load:    func() (*data.Result, error) { return in.read(paths, stdin) },
		Bytes:   inputSize(paths),
		Theme:   th,
		NoColor: noColor,
	})
	opts := []tea.ProgramOption{tea.WithOutput(out)}
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		opts = append(opts, tea.WithInput(f))
	}
	if noColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	err := runProgram(tea.NewProgram(m, opts...))
	switch {
	case m.Panic != nil:
		fmt.Fprintf(stderr, "parlens: internal error: %v\nparlens: %s\n", m.Panic, reportHint)
		return exitData
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea restored the terminal and printed the panic.
		fmt.Fprintf(stderr, "parlens: the dashboard crashed; %s\n", reportHint)
		return exitData
	case errors.Is(err, tea.ErrInterrupted):
		return 130
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		fmt.Fprintln(stderr, "parlens:", err)
		return exitData
	}
	if issues, failed := m.Failed(); failed {
		// The panel is gone with the alternate screen; leave the list behind.
		printIssues(stderr, issues, m.LoadError())
		return exitData
	}
	return exitOK
}

// runProgram runs the program; a panic outside Bubble Tea's own recovery
// (there should be none) still restores the terminal.
func runProgram(p *tea.Program) (err error) {
	defer func() {
		if r := recover(); r != nil {
			p.Kill()
			err = fmt.Errorf("%w: %v\n%s", tea.ErrProgramPanic, r, debug.Stack())
			fmt.Fprintf(os.Stderr, "parlens: internal error: %v\n", r)
		}
	}()
	_, err = p.Run()
	return err
}

// printOverview is the dashboard without a terminal: the text overview.
func printOverview(in *inputFlags, paths []string, stdin io.Reader, stdout, stderr io.Writer) int {
	r, err := in.read(paths, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "parlens:", err)
		return exitUsage
	}
	if r.Err() != nil {
		printIssues(stderr, r.Issues, "")
		return exitData
	}
	if err := tui.WriteOverview(stdout, analysis.New(r.Dataset)); err != nil {
		fmt.Fprintln(stderr, "parlens:", err)
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

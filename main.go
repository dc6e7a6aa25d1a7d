// Command parlens turns PAR Index spreadsheets into rankings, movers and a
// briefing, in a terminal dashboard or as text for scripts.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data/atomicfile"
)

// Exit codes (README, "Commands"): exitCode in query.go maps a command's
// outcome to them, run maps a panic to exitCrash; the dashboard adds 128+n
// after signal n.
const (
	exitOK    = 0 // done
	exitData  = 1 // errors in the data, an unknown name, a failed write, --strict with warnings
	exitUsage = 2 // bad flags or arguments
	exitCrash = 3 // a command crashed (a bug in parlens): two lines on standard error, no Go stack
)

// allFormats are the formats of the commands that print tables (text is
// the table as on a terminal; see formats.go for the aliases).
var allFormats = []string{present.FormatTable, present.FormatText, present.FormatCSV, present.FormatJSON, present.FormatMD}

// commands is the command table, in the order of `parlens help`. A new
// command is one row here and its cmd_NAME.go.
var commands = []command{
	{name: "check", args: "[flags] PATH...", data: dataFiles, bind: bindCheck,
		summary: "validate input files and say what was understood",
		about:   "Validates the files and lists every problem as file:line:column: message."},
	{name: "rank", args: "[flags] [PATH...]", data: dataSet, formats: tableFormats, bind: query(rankRows, rankTable),
		summary: "one row per unit: rank, score and grade, with last year's"},
	{name: "summary", args: "[flags] [PATH...]", data: dataSet, formats: tableFormats, bind: query(summaryRows, summaryTable),
		summary: "per index, year and bloc: grade counts, leader, bottom, mean and movement"},
	{name: "movers", args: "[flags] [PATH...]", data: dataSet, formats: tableFormats, bind: query(moverRows, moverTable),
		summary: "facts of a year: first-time leaders, streaks, bottoms, grade moves, biggest moves"},
	{name: "unit", args: "NAME|CODE [flags] [PATH...]", operand: true, data: dataSet, formats: allFormats,
		bind: report(unitRows, unitHuman), summary: "one unit: history, components, gaps and movers"},
	{name: "components", args: "[flags] [PATH...]", data: dataSet, formats: tableFormats, bind: bindComponents,
		summary: "component scores per unit: % of max, change, bloc mean, rank, points lost"},
	{name: "scorecard", args: "UNIT|--all -o DIR [flags] [PATH...]", operand: true, operandUnless: "all", data: dataSet, bind: bindScorecard,
		summary: "a unit's scorecard: rank, grade history, every area and criterion against the bloc, self-assessment gap", about: scorecardAbout},
	{name: "transitions", args: "[--from Y1] [--to Y2] [flags] [PATH...]", data: dataSet, formats: tableFormats, bind: bindTransitions,
		summary: "grade × grade matrix between two years, with Kendall's τ"},
	{name: "brief", args: "[flags] [PATH...]", data: dataSet, bind: bindBrief,
		summary: "draft the annual results briefing", about: briefAbout},
	{name: "gen", args: "[flags]", bind: bindGen,
		summary: "write a synthetic dataset for benchmarks and scale tests (wide or long)", about: genAbout},
	{name: "completion", args: "bash|zsh|fish", operand: true, operands: shells, bind: bindCompletion,
		summary: "print a shell completion script (bash, zsh or fish)", about: completionAbout},
	{name: "help", args: "[COMMAND]", operand: true, bind: bindHelp,
		summary: "print the help of a command, or this list", about: helpAbout},
	{name: "version", args: "", bind: bindVersion,
		summary: "print the version and the revision parlens was built from", about: versionAbout},
}

func main() {
	args := os.Args[1:]
	if len(args) > 0 {
		if findCommand(args[0]) != nil {
			// A signal during `brief -o FILE` leaves no temp file behind.
			// The dashboard handles its own signals, to restore the terminal.
			atomicfile.ExitOnSignal()
		}
	}
	code := run(args, os.Stdin, os.Stdout, os.Stderr)
	atomicfile.RemoveInFlight() // a dashboard write cut short by the quit
	os.Exit(code)
}

// run dispatches to a command of the table, or to the dashboard when none
// is named.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// Messages can quote what parlens does not control (a flag, a file
	// name, an operating system error): standard error is inert throughout.
	stderr = inertWriter{stderr}
	// A command that panics says so in two lines, not a Go stack.
	defer func() {
		if r := recover(); r != nil {
			code = reportCrash(stderr, fmt.Sprint(r), string(debug.Stack()))
		}
	}()
	if len(args) > 0 {
		if c := findCommand(args[0]); c != nil {
			return runCommand(c, args[1:], stdin, stdout, stderr)
		}
		if notACommand(args[0]) {
			return exitCode(unknownCommand(commands, args[0]), stderr)
		}
	}
	// -h and --version are the dashboard's flags too (dashboard.go).
	return runDashboard(args, stdin, stdout, stderr)
}

// findCommand is the row of the command table named name, or nil.
func findCommand(name string) *command { return commandIn(commands, name) }

// commandIn is the row of a command table named name, or nil (a row's
// runner cannot name the table it is in: it gets it in env.commands).
func commandIn(table []command, name string) *command {
	for i := range table {
		if table[i].name == name {
			return &table[i]
		}
	}
	return nil
}

// usage is the help of parlens itself (`parlens help`, `parlens -h`): the
// commands of the table and the dashboard's flags.
func usage(w io.Writer, table []command) {
	fmt.Fprintln(w, `parlens — PAR Index (Chỉ số cải cách hành chính) analytics

Usage:
  parlens [flags] [PATH...]        open the dashboard (the embedded sample without PATH)
  parlens COMMAND [flags] [PATH...]

PATH is a CSV file or an .xlsx workbook, a directory of them, or - for standard input.

Commands:`)
	for _, c := range table {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "parlens help COMMAND" or "parlens COMMAND -h" for a command's flags.
Flags may come before or after PATHs; "--" ends the flags (every argument
after it is a PATH). Without a terminal the dashboard prints an overview of
the latest year instead.

Dashboard flags:
`)
	fs := flag.NewFlagSet("parlens", flag.ContinueOnError)
	dashboardFlags(fs, &inputFlags{}, &queryFlags{})
	fs.SetOutput(w)
	fs.PrintDefaults()
}

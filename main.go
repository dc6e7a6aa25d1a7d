// Command parlens turns PAR Index spreadsheets into rankings, movers and a
// briefing, in a terminal dashboard or as text for scripts.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/parlens/parlens/data/atomicfile"
)

// exit codes: 0 fine, 1 errors in the data or an unknown name, 2 bad usage,
// 3 a command crashed (a bug in parlens); 128+n after signal n.
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
	exitCrash = 3
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 {
		if _, ok := commands[args[0]]; ok {
			// A signal during `brief -o FILE` leaves no temp file behind.
			// The dashboard handles its own signals, to restore the terminal.
			atomicfile.ExitOnSignal()
		}
	}
	code := run(args, os.Stdin, os.Stdout, os.Stderr)
	atomicfile.RemoveInFlight() // a dashboard write cut short by the quit
	os.Exit(code)
}

// run dispatches to a subcommand, or to the dashboard when none is named.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// Messages can quote what parlens does not control (a flag, a file
	// name, an operating system error): standard error is inert throughout.
	stderr = inertWriter{stderr}
	// A command that panics says so in two lines, not a Go stack.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "parlens: internal error: %v\nparlens: %s\n", r, reportHint)
			code = exitCrash
		}
	}()
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			return cmd.run(args[1:], stdin, stdout, stderr)
		}
		switch args[0] {
		case "help", "-h", "-help", "--help":
			usage(stdout)
			return exitOK
		}
	}
	return runDashboard(args, stdin, stdout, stderr)
}

type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

var commandOrder = []string{"check", "rank", "summary", "movers", "unit", "components", "transitions", "brief"}

func usage(w io.Writer) {
	fmt.Fprintln(w, `parlens — PAR Index (Chỉ số cải cách hành chính) analytics

Usage:
  parlens [flags] [PATH...]        open the dashboard (the embedded sample without PATH)
  parlens COMMAND [flags] [PATH...]

PATH is a CSV file, a directory of them, or - for standard input.

Commands:`)
	for _, name := range commandOrder {
		if c, ok := commands[name]; ok {
			fmt.Fprintf(w, "  %-12s %s\n", name, c.summary)
		}
	}
	fmt.Fprintln(w, `
Run "parlens COMMAND -h" for a command's flags.`)
}

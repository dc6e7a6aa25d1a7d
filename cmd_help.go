package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"unicode/utf8"
)

// This file holds the command line's own conventions: `parlens help
// [COMMAND]`, `COMMAND -h`, `parlens version` and --version, and what an
// unknown command is told.

const helpAbout = `Prints the help of a command (its usage, what it does and its flags), or
without COMMAND the list of commands and the dashboard's flags. The same as
"parlens COMMAND -h" and "parlens -h".`

func bindHelp(*flag.FlagSet) func(*env) error { return runHelp }

func runHelp(e *env) error {
	if len(e.paths) > 0 {
		return e.usageErrorf("name one command, not %d", len(e.paths)+1)
	}
	if e.operand == "" {
		usage(e.stdout, e.commands)
		return nil
	}
	c := commandIn(e.commands, e.operand)
	if c == nil {
		return unknownCommand(e.commands, e.operand)
	}
	writeCommandHelp(e.stdout, c)
	return nil
}

// writeCommandHelp writes a command's help: the usage line, its paragraph
// and its flags, as the command table gives them.
func writeCommandHelp(w io.Writer, c *command) {
	e := &env{cmd: c, stderr: io.Discard}
	e.writeHelp(w, e.flags())
}

// writeHelp writes the help of e's command with its flag set fs.
func (e *env) writeHelp(w io.Writer, fs *flag.FlagSet) {
	c := e.cmd
	fmt.Fprintf(w, "Usage: %s\n\n", strings.TrimSpace("parlens "+c.name+" "+c.args))
	if c.about != "" {
		fmt.Fprintf(w, "%s\n\n", c.about)
	}
	if !hasFlags(fs) {
		return
	}
	fmt.Fprintln(w, "Flags:")
	defer fs.SetOutput(fs.Output())
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

const versionAbout = `Prints the version of parlens and, when it was built from a git checkout,
the revision it was built from (the same as "parlens --version").`

func bindVersion(*flag.FlagSet) func(*env) error {
	return func(e *env) error {
		if e.operand != "" || len(e.paths) > 0 {
			return e.usageErrorf("takes no arguments")
		}
		return printVersion(e.stdout)
	}
}

// printVersion writes the version line of this binary.
func printVersion(w io.Writer) error {
	info, ok := debug.ReadBuildInfo()
	_, err := fmt.Fprintln(w, versionLine(info, ok))
	return err
}

// versionLine is what `parlens version` prints: the module version (as go
// install or go build stamped it; "(devel)" when there is none) and, when
// the build recorded it, the VCS revision, its time and whether the working
// tree had changes, then the Go version.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "parlens (devel), no build information"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var parts []string
	if rev != "" {
		parts = append(parts, "revision "+rev)
	}
	if at != "" {
		parts = append(parts, at)
	}
	if modified {
		parts = append(parts, "modified working tree")
	}
	if info.GoVersion != "" {
		parts = append(parts, info.GoVersion)
	}
	line := "parlens " + v
	if len(parts) > 0 {
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	return line
}

// notACommand says whether the first argument of the command line, which no
// command is named, is a mistyped command rather than a PATH: a bare word
// (no slash, no dot, not a flag) that names no file or directory. A path
// that exists is always a path.
func notACommand(arg string) bool {
	if arg == "" || arg == "-" || strings.HasPrefix(arg, "-") || strings.ContainsAny(arg, `/\.`) {
		return false
	}
	_, err := os.Lstat(arg)
	return err != nil
}

// unknownCommand is a word that names no command: exit 2, with the closest
// command when one is close.
func unknownCommand(table []command, word string) error {
	msg := fmt.Sprintf("parlens: unknown command %q", word)
	if c := closestCommand(table, word); c != "" {
		msg += ", did you mean " + c + "?"
	} else {
		msg += ` (nor a file or directory); run "parlens help" for the commands`
	}
	return &exitError{exitUsage, msg}
}

// closestCommand is the command a mistyped word most likely meant: the only
// command it begins (ran → rank), else the nearest within one edit for a
// short word and two for a longer one (a swap of two letters is one edit:
// rnak → rank); "" when none is close or two are equally close.
func closestCommand(table []command, word string) string {
	word = strings.ToLower(word)
	var prefixed []string
	for _, c := range table {
		if len(word) >= 2 && strings.HasPrefix(c.name, word) {
			prefixed = append(prefixed, c.name)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	limit := 1
	if utf8.RuneCountInString(word) > 4 {
		limit = 2
	}
	best, bestD, tie := "", limit+1, false
	for _, c := range table {
		switch d := swapDistance(word, c.name); {
		case d < bestD:
			best, bestD, tie = c.name, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// swapDistance is the edit distance counting an insertion, a deletion, a
// substitution or a swap of two adjacent letters as one edit (optimal
// string alignment).
func swapDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

package main

import (
	"fmt"
	"io"

	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data/atomicfile"
)

// This file holds what the command line does with its own streams; how a
// result looks in each format is package present.

// writeFileAtomic writes a file through a temp file in the same directory and
// a rename, so an existing file is never left half written (see package
// atomicfile).
func writeFileAtomic(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, write)
}

// printableKeep is present.PrintableKeep, for the messages of package main.
func printableKeep(s, keep string) string { return present.PrintableKeep(s, keep) }

// inertWriter makes everything written through it inert (printableKeep,
// keeping line feeds and tabs). parlens writes its messages to standard
// error through one, so that text it does not control, such as a bad flag
// or an operating system error naming a hostile file, cannot reach the
// terminal raw.
type inertWriter struct{ w io.Writer }

func (iw inertWriter) Write(p []byte) (int, error) {
	s := printableKeep(string(p), "\n\t")
	if _, err := io.WriteString(iw.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// printErr writes an error as "parlens: …", inert (an error can quote a
// file name or a cell), keeping its line breaks.
func printErr(w io.Writer, err error) {
	fmt.Fprintln(w, "parlens:", printableKeep(err.Error(), "\n"))
}

// outputWriter is a command's standard output. It keeps the first write
// error and refuses every write after it, so a command can print with
// fmt.Fprintf freely and still never end with exit 0 on a full disk or a
// closed pipe: the command plumbing asks err() once the command is done.
type outputWriter struct {
	w     io.Writer
	first error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	if o.first != nil {
		return 0, o.first
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.first = &writeError{err}
	}
	return n, o.first
}

func (o *outputWriter) err() error { return o.first }

// writeError is a failed write on standard output: exit 1.
type writeError struct{ err error }

func (e *writeError) Error() string { return "cannot write the output: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// Package words is the one table of user-facing words: every label,
// header, help text, message and sentence template that the command line,
// the dashboard and the brief show, in Vietnamese and English. A word is a
// named variable, so a missing one fails to compile instead of shifting a
// column, and the same thing is said the same way on every face.
//
// To add a word, declare it with def in the file of its face (cli.go,
// dashboard.go, brief.go; movers.go for what every face shares). A
// template that takes arguments is declared with tmpl and filled with F;
// both languages take the same arguments (use %[n]v when a language needs
// another order).
//
// The package has no dependencies beyond the standard library, so every
// face can import it.
package words

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Lang is an output language.
type Lang string

// The two languages. Vietnamese is the default of every face.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Word is one entry of the table: the same text in each language.
type Word struct {
	vi, en   string
	template bool // filled with F: both texts take the same fmt arguments
}

// all lists every word in declaration order, for the table's tests.
var all []*Word

// def declares a word.
func def(vi, en string) *Word {
	w := &Word{vi: vi, en: en}
	all = append(all, w)
	return w
}

// tmpl declares a template, a word filled with F.
func tmpl(vi, en string) *Word {
	w := def(vi, en)
	w.template = true
	return w
}

// Template reports whether the word is a template filled with F.
func (w *Word) Template() bool { return w.template }

// All returns every word of the table.
func All() []*Word { return append([]*Word(nil), all...) }

// In returns the word in language l (Vietnamese unless l is EN).
func (w *Word) In(l Lang) string {
	if l == EN {
		return w.en
	}
	return w.vi
}

// F fills the word's template in language l with args.
func (w *Word) F(l Lang, args ...any) string { return fmt.Sprintf(w.In(l), args...) }

// Cap returns the word in language l with its first letter upper-cased,
// for a label that starts a line or a heading.
func (w *Word) Cap(l Lang) string { return CapFirst(w.In(l)) }

// CapFirst upper-cases the first letter of a template phrase (never of a
// name from the data).
func CapFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

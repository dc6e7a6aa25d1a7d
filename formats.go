package main

import (
	"strings"

	"github.com/parlens/parlens/analysis/present"
)

// One vocabulary of --format names for every command: a name means the same
// thing wherever it is accepted, each command lists the ones it writes
// (its row's formats, or its --format choice), and the old spellings keep
// working as aliases.

// formatAliases are the other spellings accepted for a format name.
var formatAliases = map[string]string{
	"txt":      present.FormatText,
	"markdown": present.FormatMD,
}

// canonicalFormat is the format name a spelling stands for: aliases and
// case folded, anything else as given (refused later by the command's list).
func canonicalFormat(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := formatAliases[s]; ok {
		return c
	}
	return s
}

// tableText is the format a table command writes for a name: "text" is the
// aligned table, the plain text of a table.
func tableText(format string) string {
	if format == present.FormatText {
		return present.FormatTable
	}
	return format
}

// newFormatChoice is a --format flag with a fixed set of format names (the
// first the default) that also takes their aliases.
func newFormatChoice(formats ...string) choice {
	c := newChoice(formats...)
	c.canonical = canonicalFormat
	return c
}

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/sample"
)

// shells are the shells `parlens completion` writes a script for.
var shells = []string{"bash", "zsh", "fish"}

const completionAbout = `Prints a completion script for the shell, generated from the command table:
commands, their flags, format names, sample names and languages; files for
PATH and for flags that take a file. Install it with
  bash:  source <(parlens completion bash)          (in ~/.bashrc)
  zsh:   source <(parlens completion zsh)           (in ~/.zshrc, after compinit)
  fish:  parlens completion fish > ~/.config/fish/completions/parlens.fish`

// flagValues are the values of flags that take one of a few words whose
// list the flag itself does not carry (a *choice and a query command's
// --format do). TestCompletionValuesAccepted runs every one of them.
var flagValues = map[string][]string{
	"lang":     {"vi", "en"},
	"theme":    {"auto", "dark", "light"},
	"workload": {"S", "M", "L"},
	"lineage":  data.ShippedLineages(),
	"baseline": {"mean"}, // or weighted:COLUMN, a column of the user's units.csv
}

func bindCompletion(*flag.FlagSet) func(*env) error { return runCompletion }

func runCompletion(e *env) error {
	if e.operand == "" || len(e.paths) > 0 {
		return e.usageErrorf("name one shell: %s", strings.Join(shells, ", "))
	}
	spec := completionSpec(e.commands)
	switch e.operand {
	case "bash":
		writeBash(e.stdout, spec)
	case "zsh":
		writeZsh(e.stdout, spec)
	case "fish":
		writeFish(e.stdout, spec)
	default:
		return e.usageErrorf("unknown shell %q (%s)", e.operand, strings.Join(shells, ", "))
	}
	return nil
}

// compCommand is what completion offers after a command's name; the
// dashboard is the one with no name.
type compCommand struct {
	name, summary string
	flags         []compFlag
	operands      []string
	paths         bool // it reads PATHs: files are offered for its arguments
}

// compFlag is one flag: its name, a short description, and what follows it.
type compFlag struct {
	name, usage string
	takes       valueKind
	values      []string // the words it takes (takes == oneOf)
}

// valueKind is what follows a flag.
type valueKind int

const (
	nothing valueKind = iota // a bool flag
	oneOf                    // one of its values
	aFile                    // a file or directory: files are offered
	aWord                    // a number or a name: nothing is offered
)

// dash is how the flag is written: -o for one letter, else --name.
func (f compFlag) dash() string {
	if len(f.name) == 1 {
		return "-" + f.name
	}
	return "--" + f.name
}

// spellings are every way the flag package accepts the flag's name.
func (f compFlag) spellings() []string { return []string{"-" + f.name, "--" + f.name} }

// completionSpec reads the commands and their flags from the command table
// (the flag sets the commands parse with) and the dashboard's flags; the
// dashboard comes last.
func completionSpec(table []command) []compCommand {
	var out []compCommand
	for i := range table {
		c := &table[i]
		e := &env{cmd: c, stderr: io.Discard}
		operands := c.operands
		if c.name == "help" { // help's operand is a command
			for _, o := range table {
				operands = append(operands, o.name)
			}
		}
		out = append(out, compCommand{name: c.name, summary: c.summary, flags: compFlags(e.flags(), c), operands: operands,
			paths: c.data != noData})
	}
	fs := flag.NewFlagSet("parlens", flag.ContinueOnError)
	dashboardFlags(fs, &inputFlags{}, &queryFlags{})
	return append(out, compCommand{summary: "the dashboard", flags: compFlags(fs, nil), paths: true})
}

func compFlags(fs *flag.FlagSet, c *command) []compFlag {
	var samples []string
	for _, s := range sample.Samples {
		samples = append(samples, s.Name)
	}
	var out []compFlag
	fs.VisitAll(func(fl *flag.Flag) {
		_, usage := flag.UnquoteUsage(fl)
		f := compFlag{name: fl.Name, usage: shortUsage(usage), takes: aFile}
		switch ch, isChoice := fl.Value.(*choice); {
		case isChoice:
			f.values = ch.set
		case fl.Name == "format" && c != nil && c.formats != nil:
			f.values = c.formats
		case fl.Name == "sample":
			f.values = samples
		default:
			f.values = flagValues[fl.Name]
		}
		switch {
		case isBool(fl):
			f.takes = nothing
		case f.values != nil:
			f.takes = oneOf
			f.usage, _, _ = strings.Cut(f.usage, ": ") // the shell shows the values
		case isNumber(fl) || !namesFile(usage):
			f.takes = aWord
		}
		out = append(out, f)
	})
	return out
}

func isBool(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func isNumber(fl *flag.Flag) bool {
	g, ok := fl.Value.(flag.Getter)
	if !ok {
		return false
	}
	switch g.Get().(type) {
	case int, int64, uint, uint64, float64:
		return true
	}
	return false
}

// namesFile reports whether a text flag's usage says its value is a file or
// a directory ("components.csv: …", "write to FILE", "into this directory").
func namesFile(usage string) bool {
	u := strings.ToLower(usage)
	return strings.Contains(u, ".csv") || strings.Contains(u, "file") || strings.Contains(u, "directory")
}

// shortUsage is the usage up to its first explanation, on one line.
func shortUsage(u string) string {
	for _, sep := range []string{"; ", " ("} {
		if i := strings.Index(u, sep); i > 0 {
			u = u[:i]
		}
	}
	return strings.Join(strings.Fields(u), " ")
}

func commandNames(spec []compCommand) []string {
	var names []string
	for _, c := range spec {
		if c.name != "" {
			names = append(names, c.name)
		}
	}
	return names
}

// shQuote is s in single quotes for sh, bash and zsh.
func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func writeBash(w io.Writer, spec []compCommand) {
	fmt.Fprint(w, `# bash completion for parlens, generated by "parlens completion bash".
# Install: source <(parlens completion bash)
_parlens() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd= words=
    if ((COMP_CWORD > 1)); then
        cmd=${COMP_WORDS[1]}
    fi
    case $cmd in
`)
	for _, c := range spec {
		pattern := c.name
		if pattern == "" {
			pattern = "*"
		}
		var dashes []string
		for _, f := range c.flags {
			dashes = append(dashes, f.dash())
		}
		fmt.Fprintf(w, "    %s)\n        words=%s\n        case $prev in\n", pattern, shQuote(strings.Join(dashes, " ")))
		var files, words []string
		for _, f := range c.flags {
			switch f.takes {
			case oneOf:
				fmt.Fprintf(w, "        %s) COMPREPLY=($(compgen -W %s -- \"$cur\")); return ;;\n",
					strings.Join(f.spellings(), "|"), shQuote(strings.Join(f.values, " ")))
			case aFile:
				files = append(files, f.spellings()...)
			case aWord:
				words = append(words, f.spellings()...)
			}
		}
		if files != nil { // the files complete -o default gives
			fmt.Fprintf(w, "        %s) return ;;\n", strings.Join(files, "|"))
		}
		if words != nil {
			fmt.Fprintf(w, "        %s) compopt +o default 2>/dev/null; return ;;\n", strings.Join(words, "|"))
		}
		fmt.Fprint(w, "        esac\n")
		if c.operands != nil {
			fmt.Fprintf(w, "        if ((COMP_CWORD == 2)) && [[ $cur != -* ]]; then\n            COMPREPLY=($(compgen -W %s -- \"$cur\")); return\n        fi\n",
				shQuote(strings.Join(c.operands, " ")))
		}
		if !c.paths {
			fmt.Fprint(w, "        compopt +o default 2>/dev/null\n")
		}
		if c.name == "" {
			fmt.Fprintf(w, "        if ((COMP_CWORD == 1)) && [[ $cur != -* ]]; then\n            compopt -o filenames 2>/dev/null\n            COMPREPLY=($(compgen -W %s -- \"$cur\") $(compgen -f -- \"$cur\")); return\n        fi\n",
				shQuote(strings.Join(commandNames(spec), " ")))
		}
		fmt.Fprint(w, "        ;;\n")
	}
	fmt.Fprint(w, `    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}
complete -o default -F _parlens parlens
`)
}

// zshSpec is a flag as an _arguments spec: --name[description]:what:action.
func zshSpec(f compFlag) string {
	desc := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, ":", `\:`).Replace(f.usage)
	s := fmt.Sprintf("%s[%s]", f.dash(), desc)
	switch f.takes {
	case oneOf:
		s += fmt.Sprintf(":%s:(%s)", f.name, strings.Join(f.values, " "))
	case aFile:
		s += fmt.Sprintf(":%s:_files", f.name)
	case aWord:
		s += fmt.Sprintf(":%s: ", f.name)
	}
	return shQuote(s)
}

func writeZsh(w io.Writer, spec []compCommand) {
	fmt.Fprint(w, `#compdef parlens
# zsh completion for parlens, generated by "parlens completion zsh".
# Install: source <(parlens completion zsh) after compinit, or save it as
# _parlens in a directory of $fpath.
_parlens() {
    local state line
    local -a cmds
    cmds=(
`)
	for _, c := range spec {
		if c.name != "" {
			fmt.Fprintf(w, "        %s\n", shQuote(c.name+":"+strings.ReplaceAll(c.summary, ":", `\:`)))
		}
	}
	fmt.Fprint(w, "    )\n    case $words[2] in\n")
	for _, c := range spec {
		pattern, rest := c.name, ""
		switch {
		case c.name == "":
			pattern = "*"
			// the first word is a command or a PATH
			rest = " \\\n            '1: :->first' '*:path:_files'"
		case c.operands != nil:
			rest = fmt.Sprintf(" \\\n            '1:%s:(%s)'", c.name, strings.Join(c.operands, " "))
		case c.paths:
			rest = " \\\n            '*:path:_files'"
		}
		fmt.Fprintf(w, "    %s)\n", pattern)
		if c.name != "" {
			fmt.Fprint(w, "        shift words; (( CURRENT-- ))\n")
		}
		fmt.Fprint(w, "        _arguments")
		for _, f := range c.flags {
			fmt.Fprintf(w, " \\\n            %s", zshSpec(f))
		}
		fmt.Fprintf(w, "%s\n", rest)
		if c.name == "" {
			fmt.Fprint(w, "        if [[ $state == first ]]; then\n            _describe -t commands 'parlens command' cmds\n            _files\n        fi\n")
		}
		fmt.Fprint(w, "        ;;\n")
	}
	fmt.Fprint(w, `    esac
}
if [[ $funcstack[1] == _parlens ]]; then
    _parlens "$@"
else
    compdef _parlens parlens
fi
`)
}

// fishQuote is s in single quotes for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFish(w io.Writer, spec []compCommand) {
	names := strings.Join(commandNames(spec), " ")
	fmt.Fprint(w, `# fish completion for parlens, generated by "parlens completion fish".
# Install: parlens completion fish > ~/.config/fish/completions/parlens.fish
`)
	for _, c := range spec {
		cond := fmt.Sprintf("__fish_seen_subcommand_from %s", c.name)
		if c.name == "" {
			cond = "not __fish_seen_subcommand_from " + names
		} else {
			fmt.Fprintf(w, "complete -c parlens -n 'not __fish_seen_subcommand_from %s' -a %s -d %s\n", names, c.name, fishQuote(c.summary))
		}
		if c.operands != nil {
			fmt.Fprintf(w, "complete -c parlens -n '%s' -x -a %s\n", cond, fishQuote(strings.Join(c.operands, " ")))
		}
		for _, f := range c.flags {
			opt := "-l " + f.name
			if len(f.name) == 1 {
				opt = "-s " + f.name
			}
			switch f.takes {
			case oneOf:
				opt += " -x -a " + fishQuote(strings.Join(f.values, " "))
			case aFile:
				opt += " -r -F"
			case aWord:
				opt += " -x"
			}
			fmt.Fprintf(w, "complete -c parlens -n '%s' %s -d %s\n", cond, opt, fishQuote(f.usage))
		}
	}
}

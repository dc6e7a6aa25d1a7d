package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// conventionDir is a directory holding a ranking as par.csv, as
// -dash.csv (a file name that looks like a flag) and in a directory named
// rnak (a path that looks like a mistyped command); the test runs in it.
func conventionDir(t *testing.T) {
	t.Helper()
	csv, err := os.ReadFile(filepath.Join("testdata", "excel", "par-2023-clean.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, p := range []string{"par.csv", "-dash.csv", filepath.Join("rnak", "par.csv")} {
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, csv, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

// The command line conventions of issue 16, each with its exit code: help
// and -h on standard output with exit 0, version, unknown commands (exit 2,
// with the command meant) unless the word is an existing path, "--" ending
// the flags for good, flags anywhere for the dashboard too, and one set of
// format names.
func TestCommandLineConventions(t *testing.T) {
	conventionDir(t)
	const unit = "Bộ Tư pháp" // in par.csv
	cases := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string // "" checks nothing
		stderrHas  string
		stderrNone bool // standard error must stay empty
	}{
		// help: parlens's own, a command's by help COMMAND or -h/--help, on stdout
		{"help", []string{"help"}, 0, "Dashboard flags:", "", true},
		{"-h", []string{"-h"}, 0, "\nCommands:\n", "", true},
		{"--help", []string{"--help"}, 0, "  rank         one row per unit", "", true},
		{"-help", []string{"-help"}, 0, "  version      print the version", "", true},
		{"-h after a path", []string{"par.csv", "-h"}, 0, "Dashboard flags:", "", true},
		{"help COMMAND", []string{"help", "rank"}, 0, "Usage: parlens rank [flags] [PATH...]\n", "", true},
		{"COMMAND -h", []string{"rank", "-h"}, 0, "Usage: parlens rank [flags] [PATH...]\n", "", true},
		{"COMMAND --help", []string{"brief", "--help"}, 0, "Usage: parlens brief [flags] [PATH...]\n", "", true},
		{"COMMAND flags --help", []string{"summary", "--sample", "city", "--help"}, 0, "Usage: parlens summary", "", true},
		{"help help", []string{"help", "help"}, 0, "Usage: parlens help [COMMAND]\n", "", true},
		{"help of an unknown command", []string{"help", "rnak"}, 2, "", `parlens: unknown command "rnak", did you mean rank?`, false},
		{"help of two commands", []string{"help", "rank", "summary"}, 2, "", "parlens help: name one command", false},
		{"a bad flag: usage on stderr", []string{"rank", "--nope"}, 2, "", "Usage: parlens rank", false},

		// version
		{"version", []string{"version"}, 0, "parlens ", "", true},
		{"--version", []string{"--version"}, 0, "parlens ", "", true},
		{"-version", []string{"-version"}, 0, "parlens ", "", true},
		{"--version among dashboard flags", []string{"--theme", "dark", "--version"}, 0, "parlens ", "", true},
		{"version with an argument", []string{"version", "now"}, 2, "", "parlens version: takes no arguments", false},

		// unknown commands, and paths that look like words
		{"swapped letters", []string{"rakn"}, 2, "", "parlens: unknown command \"rakn\", did you mean rank?\n", false},
		{"a letter missing", []string{"sumary", "--sample", "city"}, 2, "", "did you mean summary?", false},
		{"two letters swapped in a long word", []string{"tranistions"}, 2, "", "did you mean transitions?", false},
		{"a unique beginning", []string{"compo"}, 2, "", "did you mean components?", false},
		{"an ambiguous beginning", []string{"co"}, 2, "", `unknown command "co" (nor a file or directory); run "parlens help"`, false},
		{"nothing close", []string{"frobnicate"}, 2, "", `unknown command "frobnicate" (nor a file or directory)`, false},
		{"a word naming an existing directory is a path", []string{"rnak"}, 0, unit, "needs a terminal", false},
		{"a missing file is a path, not a command", []string{"missing.csv"}, 1, "", "missing.csv: error: no such file", false},

		// -- ends the flags for good
		{"a file named like a flag after --", []string{"rank", "--format", "csv", "--", "-dash.csv"}, 0, unit, "", true},
		{"flags after -- are paths", []string{"rank", "--format", "csv", "--", "par.csv", "--year", "2023"}, 1, "", "--year: error: no such file", false},
		{"-- as a flag's value is that value", []string{"rank", "--format", "csv", "--index", "--", "par.csv"}, 1, "", `unknown index "--"`, false},
		{"-- before a word: a path, not a command", []string{"--", "rnak2"}, 1, "", "rnak2: error: no such file", false},
		{"-- before a dashboard flag: a path", []string{"--", "--theme"}, 1, "", "--theme: error: no such file", false},

		// flags anywhere, the dashboard included
		{"dashboard: PATH then a flag", []string{"par.csv", "--theme", "dark"}, 0, unit, "needs a terminal", false},
		{"dashboard: the flag after PATH is read", []string{"par.csv", "--theme", "purple"}, 2, "", `unknown theme "purple"`, false},
		{"dashboard: flags, --, PATH", []string{"--theme", "light", "--", "par.csv"}, 0, unit, "", false},
		{"command: PATH between flags", []string{"rank", "--format", "csv", "par.csv", "--year", "2023"}, 0, unit, "", true},

		// one set of format names
		{"rank --format text", []string{"rank", "par.csv", "--format", "text"}, 0, unit, "", true},
		{"rank --format txt", []string{"rank", "par.csv", "--format", "txt"}, 0, unit, "", true},
		{"rank --format markdown", []string{"rank", "par.csv", "--format", "markdown"}, 0, "| " + unit + " |", "", true},
		{"brief --format text", []string{"brief", "--sample", "city", "--format", "text"}, 0, "", "", true},
		{"brief --format txt", []string{"brief", "--sample", "city", "--format", "txt"}, 0, "", "", true},
		{"brief writes no table", []string{"brief", "--sample", "city", "--format", "table"}, 2, "", "must be md, text, json or docx", false},
		{"an unknown format names the command's", []string{"rank", "par.csv", "--format", "xml"}, 2, "", `--format must be one of table, text, csv, json, md, xlsx, not "xml"`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, c.args...)
			if code != c.code {
				t.Errorf("%q: exit %d, want %d\nstderr: %s", c.args, code, c.code, errs)
			}
			if !strings.Contains(out, c.stdoutHas) {
				t.Errorf("%q: stdout lacks %q:\n%s", c.args, c.stdoutHas, out)
			}
			if !strings.Contains(errs, c.stderrHas) || c.stderrNone && errs != "" {
				t.Errorf("%q: stderr %q, want %q", c.args, errs, c.stderrHas)
			}
			if c.code == exitUsage && out != "" {
				t.Errorf("%q: bad usage printed on stdout: %s", c.args, out)
			}
		})
	}
}

// Two spellings of a format give the same bytes: text and txt are the table
// for the table commands and the plain text for brief; markdown is md.
func TestFormatAliases(t *testing.T) {
	for _, c := range []struct {
		cmd       []string
		canonical string
		aliases   []string
	}{
		{[]string{"rank", "--sample", "city"}, "table", []string{"text", "txt", "TEXT"}},
		{[]string{"summary", "--sample", "city"}, "md", []string{"markdown"}},
		{[]string{"unit", "thanh khe", "--sample", "city"}, "table", []string{"text"}},
		{[]string{"brief", "--sample", "city"}, "text", []string{"txt"}},
	} {
		want, _, code := runCLI(t, append(c.cmd, "--format", c.canonical)...)
		if code != exitOK || want == "" {
			t.Fatalf("%v --format %s: exit %d", c.cmd, c.canonical, code)
		}
		for _, a := range c.aliases {
			if got, errs, _ := runCLI(t, append(c.cmd, "--format", a)...); got != want {
				t.Errorf("%v --format %s differs from --format %s: %s", c.cmd, a, c.canonical, errs)
			}
		}
	}
}

// help COMMAND and COMMAND -h print the same help for every command.
func TestHelpCommandEqualsDashH(t *testing.T) {
	for _, c := range commands {
		byHelp, _, code1 := runCLI(t, "help", c.name)
		byFlag, _, code2 := runCLI(t, c.name, "-h")
		if code1 != exitOK || code2 != exitOK || byHelp != byFlag || byHelp == "" {
			t.Errorf("%s: help %s (exit %d) and %s -h (exit %d) differ:\n%s\n---\n%s", c.name, c.name, code1, c.name, code2, byHelp, byFlag)
		}
	}
}

func TestVersionLine(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"go install of a release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			true, "parlens v1.2.0 (go1.26.8)"},
		{"go build in a checkout with changes", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs", "git", "vcs.revision", "2bb831a0c1", "vcs.time", "2026-12-01T14:30:00Z", "vcs.modified", "true")},
			true, "parlens (devel) (revision 2bb831a0c1, 2026-12-01T14:30:00Z, modified working tree, go1.26.8)"},
		{"a clean checkout", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201143000-2bb831a0c1de"},
			Settings: vcs("vcs.revision", "2bb831a0c1de", "vcs.modified", "false")},
			true, "parlens v0.0.0-20261201143000-2bb831a0c1de (revision 2bb831a0c1de)"},
		{"no version stamped", &debug.BuildInfo{}, true, "parlens (devel)"},
		{"no build information", nil, false, "parlens (devel), no build information"},
	} {
		if got := versionLine(c.info, c.ok); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestClosestCommand(t *testing.T) {
	for word, want := range map[string]string{
		"rnak": "rank", "rank": "rank", "RANK": "rank", "rak": "rank", "sumary": "summary", "summray": "summary",
		"unti": "unit", "brif": "brief", "chekc": "check", "verison": "version", "hepl": "help",
		"compo": "components", "comp": "", "co": "", "x": "", "frobnicate": "", "data": "", "ranking2023": "",
	} {
		if got := closestCommand(commands, word); got != want {
			t.Errorf("closestCommand(%q) = %q, want %q", word, got, want)
		}
	}
}

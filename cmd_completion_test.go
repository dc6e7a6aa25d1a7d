package main

import (
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tableFlags is every command of the table with the flags it parses, and
// the dashboard (named "") with its own.
func tableFlags() map[string][]*flag.Flag {
	out := map[string][]*flag.Flag{}
	for i := range commands {
		e := &env{cmd: &commands[i], stderr: io.Discard}
		e.flags().VisitAll(func(f *flag.Flag) { out[commands[i].name] = append(out[commands[i].name], f) })
	}
	fs := flag.NewFlagSet("parlens", flag.ContinueOnError)
	dashboardFlags(fs, &inputFlags{}, &queryFlags{})
	fs.VisitAll(func(f *flag.Flag) { out[""] = append(out[""], f) })
	return out
}

func completionScript(t *testing.T, shell string) string {
	t.Helper()
	out, errs, code := runCLI(t, "completion", shell)
	if code != exitOK || errs != "" {
		t.Fatalf("completion %s: exit %d: %s", shell, code, errs)
	}
	return out
}

// bashArm is the part of the bash script that completes after the command.
func bashArm(t *testing.T, script, name string) string {
	t.Helper()
	head := "\n    " + name + ")\n"
	if name == "" {
		head = "\n    *)\n"
	}
	_, arm, ok := strings.Cut(script, head)
	if !ok {
		t.Fatalf("no case for %q in the bash script", name)
	}
	arm, _, _ = strings.Cut(arm, "\n        ;;\n")
	return arm
}

// Every command of the table and every flag it parses is in every script;
// a new command or flag is covered without touching this test.
func TestCompletionCoversTable(t *testing.T) {
	bash, zsh, fish := completionScript(t, "bash"), completionScript(t, "zsh"), completionScript(t, "fish")
	// the dashboard's case offers the commands as the first word: compgen -W 'check rank …'
	_, bashCommands, _ := strings.Cut(bashArm(t, bash, ""), "COMP_CWORD == 1")
	_, bashCommands, _ = strings.Cut(bashCommands, "compgen -W '")
	bashCommands, _, _ = strings.Cut(bashCommands, "'")
	for name, flags := range tableFlags() {
		t.Run(name, func(t *testing.T) {
			if name != "" {
				if !slices.Contains(strings.Fields(bashCommands), name) {
					t.Errorf("bash does not offer the command %s: %s", name, bashCommands)
				}
				if !strings.Contains(zsh, "\n        '"+name+":") {
					t.Errorf("zsh does not offer the command %s", name)
				}
				if !strings.Contains(fish, " -a "+name+" -d ") {
					t.Errorf("fish does not offer the command %s", name)
				}
			}
			// the case starts with words='--flag …'
			words, _, _ := strings.Cut(bashArm(t, bash, name), "\n")
			words = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(words), "words='"), "'")
			fishCond := "'__fish_seen_subcommand_from " + name + "'"
			if name == "" {
				fishCond = "'not __fish_seen_subcommand_from "
			}
			for _, f := range flags {
				dash, fishOpt := "--"+f.Name, " -l "+f.Name+" "
				if len(f.Name) == 1 {
					dash, fishOpt = "-"+f.Name, " -s "+f.Name+" "
				}
				if !slices.Contains(strings.Fields(words), dash) {
					t.Errorf("bash: %s does not offer %s: %s", name, dash, words)
				}
				if !strings.Contains(zsh, "'"+dash+"[") {
					t.Errorf("zsh does not offer %s", dash)
				}
				if !slices.ContainsFunc(strings.Split(fish, "\n"), func(l string) bool {
					return strings.Contains(l, fishCond) && strings.Contains(l, fishOpt)
				}) {
					t.Errorf("fish: %s does not offer %s", name, dash)
				}
			}
		})
	}
}

// shellScript is the shell found on PATH and its completion script in a
// file; the test is skipped when the shell is not installed.
func shellScript(t *testing.T, shell string) (path, script string) {
	t.Helper()
	path, err := exec.LookPath(shell)
	if err != nil {
		t.Skipf("%s is not installed: checking the %s script needs it", shell, shell)
	}
	script = filepath.Join(t.TempDir(), "parlens."+shell)
	if err := os.WriteFile(script, []byte(completionScript(t, shell)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, script
}

// runInEmptyDir runs a shell in an empty directory, so that no file names
// join the completions, and returns its output.
func runInEmptyDir(t *testing.T, shell string, args ...string) string {
	t.Helper()
	cmd := exec.Command(shell, args...)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return string(out)
}

// Each script is valid in its shell (bash -n, zsh -n, fish -n).
func TestCompletionSyntax(t *testing.T) {
	for _, shell := range shells {
		t.Run(shell, func(t *testing.T) {
			path, script := shellScript(t, shell)
			if out, err := exec.Command(path, "-n", script).CombinedOutput(); err != nil {
				t.Fatalf("%s -n: %v\n%s", shell, err, out)
			}
		})
	}
}

// The bash script completes what a user types: its function run as bash
// runs it on Tab.
func TestCompletionBash(t *testing.T) {
	bash, script := shellScript(t, "bash")
	cases := []struct {
		line string // the words typed, the last one being completed
		want string
	}{
		{"parlens ra", "rank"},
		{"parlens co", "components completion"},
		{"parlens rank --for", "--format"},
		{"parlens rank --format ", "table text csv json md xlsx"},
		{"parlens brief --format ", "md text json docx"},
		{"parlens summary --sample ", "city ministries-2023 provinces-2025"},
		{"parlens movers --lang e", "en"},
		{"parlens brief -", "--annex --baseline --bloc --column --components --format --grades --ignore-memory --index --lang --lineage --max-bytes --max-cells --max-columns -o --sample --sheet --strict --units --year"},
		{"parlens transitions --f", "--format --from"},
		{"parlens completion ", "bash zsh fish"},
		{"parlens help ra", "rank"},
		{"parlens --th", "--theme"},
		{"parlens --theme ", "auto dark light"},
		{"parlens gen --workload ", "S M L"},
		{"parlens rank --year ", ""},
		{"parlens unit --str", "--strict"},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			args := append([]string{"-c", `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _parlens; echo "${COMPREPLY[*]}"`, "bash", script},
				strings.Split(c.line, " ")...)
			if got := strings.TrimSuffix(runInEmptyDir(t, bash, args...), "\n"); got != c.want {
				t.Errorf("completes %q, want %q", got, c.want)
			}
		})
	}
}

// Every value a script offers for a flag is one the command accepts.
func TestCompletionValuesAccepted(t *testing.T) {
	for _, c := range completionSpec(commands) {
		for _, f := range c.flags {
			if f.takes != oneOf {
				continue
			}
			for _, v := range f.values {
				args := []string{"--" + f.name, v}
				if c.name != "" {
					args = append([]string{c.name}, args...)
				}
				if f.name != "sample" && c.paths {
					args = append(args, "--sample", "ministries-2023")
				}
				if cmd := findCommand(c.name); cmd != nil && cmd.operand && cmd.operands == nil {
					args = slices.Insert(args, 1, "Bộ Tư pháp")
				}
				t.Run(strings.Join(args, " "), func(t *testing.T) {
					if _, errs, code := runCLI(t, args...); code == exitUsage {
						t.Errorf("exit %d: %s", code, errs)
					}
				})
			}
		}
	}
}

func TestCompletionUsage(t *testing.T) {
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		_, errs, code := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(errs, "bash, zsh, fish") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}

// The fish script completes what a user types (complete -C asks fish what
// Tab would offer).
func TestCompletionFish(t *testing.T) {
	fish, script := shellScript(t, "fish")
	cases := []struct {
		line string
		want string // the completions, without their descriptions
	}{
		{"parlens ra", "rank"},
		{"parlens rank --format ", "csv json md table text xlsx"},
		{"parlens brief --lang ", "en vi"},
		{"parlens completion ", "bash fish zsh"},
		{"parlens --th", "--theme"},
		{"parlens rank --str", "--strict"},
		{"parlens gen -", "-o --components --first-year --format --plain --seed --sidecars --units --workload --years"},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			out := runInEmptyDir(t, fish, "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, c.line)
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				word, _, _ := strings.Cut(l, "\t")
				got = append(got, word)
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("completes %q, want %q", got, c.want)
			}
		})
	}
}

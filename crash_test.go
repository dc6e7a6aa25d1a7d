package main

import (
	"flag"
	"os"
	"strings"
	"testing"
)

// TestCommandPanicIsOneLineAndExit3: a command that panics prints what
// panicked and the hint to report it — no Go stack — and exits 3.
func TestCommandPanicIsOneLineAndExit3(t *testing.T) {
	const name = "crash-for-test"
	saved := commands
	commands = append(commands[:len(commands):len(commands)], command{name: name, bind: func(*flag.FlagSet) func(*env) error {
		return func(*env) error {
			var s []int
			_ = s[3] // index out of range
			return nil
		}
	}})
	defer func() { commands = saved }()
	out, errs, code := runCLI(t, name)
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	checkCrashReport(t, errs, "index out of range [3] with length 0")
	if out != "" {
		t.Errorf("stdout %q", out)
	}
}

// checkCrashReport asserts a crash told in two lines (what broke; where the
// details are, and the hint to report it), no Go stack on the terminal, and
// the stack in the file it names.
func checkCrashReport(t *testing.T, stderr, what string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "parlens: internal error: ") || !strings.Contains(lines[0], what) ||
		!strings.HasSuffix(lines[1], reportHint) {
		t.Fatalf("crash report %q: want two lines, the first naming %q", stderr, what)
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, ".go:") {
		t.Errorf("a Go stack reached the user: %s", stderr)
	}
	_, rest, ok := strings.Cut(lines[1], "details in ")
	file, _, ok2 := strings.Cut(rest, "; ")
	if !ok || !ok2 {
		t.Fatalf("no details file named: %q", lines[1])
	}
	defer os.Remove(file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), strings.TrimPrefix(what, "internal error: ")) || !strings.Contains(string(b), "goroutine") {
		t.Errorf("details file %s lacks the panic or its stack:\n%s", file, b)
	}
}

package main

import (
	"flag"
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
	want := "parlens: internal error: runtime error: index out of range [3] with length 0\nparlens: " + reportHint + "\n"
	if errs != want || out != "" {
		t.Errorf("stderr %q, stdout %q; want stderr %q", errs, out, want)
	}
	if strings.Contains(errs, "goroutine") || strings.Contains(errs, ".go:") {
		t.Errorf("a Go stack reached the user: %s", errs)
	}
}

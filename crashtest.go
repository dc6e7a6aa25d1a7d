//go:build parlens_crashtest

package main

// A build of parlens that crashes on purpose, for e2e/tmux.sh to prove that
// a panic anywhere in the dashboard restores the terminal and prints the
// error with a hint to report it:
//
//	go build -tags parlens_crashtest -o parlens-crash .
//	PARLENS_CRASH=view parlens-crash      # then press !
//
// PARLENS_CRASH names where the panic happens once ! is pressed on the
// overview: update, view or cmd (tui/crashtest.go); or load: the load
// itself panics (the dashboard recovers it, shows it, and parlens prints it
// on the way out), which this file arranges by running the dashboard on a
// load that panics. Nothing of this is in parlens itself.

import (
	"os"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui"
)

func init() {
	if os.Getenv("PARLENS_CRASH") != "load" {
		return
	}
	opt := tui.Options{
		Load:    func() (*data.Result, error) { panic("crash test: panic while loading") },
		NoColor: os.Getenv("NO_COLOR") != "",
	}
	os.Exit(runTUI(opt, os.Stdin, os.Stdout, os.Stderr))
}

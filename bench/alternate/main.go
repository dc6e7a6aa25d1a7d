// Command alternate times shell commands for bench/report.sh, alternating
// them: every round runs each command once (the order reversed every other
// round), so a machine that slows down or speeds up during the run weighs
// on every command alike, which running one command's runs in a block (as
// hyperfine does) cannot promise. Each run's wall time and peak resident
// set size (the kernel's rusage of the command and everything it waited
// for, as GNU time's %M reports it) are kept; it prints one CSV line per
// command: name, runs, min and median wall time in seconds, and the largest
// peak RSS in KiB.
//
//	alternate [-runs N] [-warmup N] NAME[:RUNS]=COMMAND...
//
// NAME:RUNS gives one command fewer runs than -runs (a slow peer); it takes
// part in the first RUNS rounds. Commands run with sh -c, standard output
// discarded; a command that fails stops everything with its standard error.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// command is one NAME[:RUNS]=COMMAND argument and its measurements.
type command struct {
	name, shell string
	runs        int
	walls       []time.Duration
	peakKiB     int64
}

// parseCommand reads NAME[:RUNS]=COMMAND; runs is the default for RUNS.
func parseCommand(arg string, runs int) (*command, error) {
	head, shell, ok := strings.Cut(arg, "=")
	if !ok || head == "" || strings.TrimSpace(shell) == "" {
		return nil, fmt.Errorf("%q: want NAME[:RUNS]=COMMAND", arg)
	}
	c := &command{name: head, shell: shell, runs: runs}
	if name, n, ok := strings.Cut(head, ":"); ok {
		r, err := strconv.Atoi(n)
		if err != nil || r < 1 || name == "" {
			return nil, fmt.Errorf("%q: RUNS after the colon must be a whole number of at least 1", arg)
		}
		c.name, c.runs = name, min(r, runs)
	}
	if strings.ContainsAny(c.name, ",\"\n") {
		return nil, fmt.Errorf("%q: a name may not hold a comma, a quote or a line break", arg)
	}
	return c, nil
}

// median of a non-empty list (the mean of the middle two for an even count).
func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// order is the commands of one round: as given on even rounds, reversed on
// odd ones, leaving out those that have had all their runs.
func order(cmds []*command, round int) []*command {
	var out []*command
	for _, c := range cmds {
		if round < c.runs {
			out = append(out, c)
		}
	}
	if round%2 == 1 {
		slices.Reverse(out)
	}
	return out
}

// run runs the command once and returns its wall time and peak RSS in KiB.
func (c *command) run() (time.Duration, int64, error) {
	cmd := exec.Command("sh", "-c", c.shell)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %v\n%s", c.name, err, stderr.Bytes())
	}
	var kib int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		kib = ru.Maxrss // KiB on Linux
	}
	return wall, kib, nil
}

func main() {
	runs := flag.Int("runs", 5, "timed runs of each command")
	warmup := flag.Int("warmup", 1, "untimed rounds first (each command once per round)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: alternate [-runs N] [-warmup N] NAME[:RUNS]=COMMAND...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := mainErr(*runs, *warmup, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "alternate:", err)
		os.Exit(1)
	}
}

func mainErr(runs, warmup int, args []string) error {
	if runs < 1 || warmup < 0 || len(args) == 0 {
		return errors.New("need -runs of at least 1, -warmup of at least 0 and one NAME=COMMAND or more")
	}
	var cmds []*command
	for _, a := range args {
		c, err := parseCommand(a, runs)
		if err != nil {
			return err
		}
		cmds = append(cmds, c)
	}
	for range warmup {
		for _, c := range cmds {
			if _, _, err := c.run(); err != nil {
				return err
			}
		}
	}
	for round := range runs {
		for _, c := range order(cmds, round) {
			wall, kib, err := c.run()
			if err != nil {
				return err
			}
			c.walls = append(c.walls, wall)
			c.peakKiB = max(c.peakKiB, kib)
		}
	}
	fmt.Println("name,runs,min_s,median_s,peak_rss_kib")
	for _, c := range cmds {
		fmt.Printf("%s,%d,%.4f,%.4f,%d\n", c.name, len(c.walls),
			slices.Min(c.walls).Seconds(), median(c.walls).Seconds(), c.peakKiB)
	}
	return nil
}

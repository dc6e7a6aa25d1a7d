package main

import (
	"strings"
	"testing"
	"time"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		arg         string
		name, shell string
		runs        int
		bad         bool
	}{
		{arg: "parlens=parlens summary f.csv", name: "parlens", shell: "parlens summary f.csv", runs: 10},
		{arg: "vd:3=vd -b f.csv -o x.csv", name: "vd", shell: "vd -b f.csv -o x.csv", runs: 3},
		{arg: "vd:30=vd f", name: "vd", shell: "vd f", runs: 10}, // never more than -runs
		{arg: "a=b=c", name: "a", shell: "b=c", runs: 10},
		{arg: "noequals", bad: true},
		{arg: "=cmd", bad: true},
		{arg: "name=  ", bad: true},
		{arg: "vd:0=vd", bad: true},
		{arg: "vd:x=vd", bad: true},
		{arg: ":3=vd", bad: true},
		{arg: "a,b=cmd", bad: true},
	}
	for _, tt := range tests {
		c, err := parseCommand(tt.arg, 10)
		if tt.bad {
			if err == nil {
				t.Errorf("parseCommand(%q) = %+v, want an error", tt.arg, c)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseCommand(%q): %v", tt.arg, err)
			continue
		}
		if c.name != tt.name || c.shell != tt.shell || c.runs != tt.runs {
			t.Errorf("parseCommand(%q) = %q, %q, %d; want %q, %q, %d", tt.arg, c.name, c.shell, c.runs, tt.name, tt.shell, tt.runs)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{[]time.Duration{5}, 5},
		{[]time.Duration{9, 1, 5}, 5},
		{[]time.Duration{4, 1, 3, 2}, 2}, // (2+3)/2 in whole nanoseconds
		{[]time.Duration{10, 30}, 20},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestOrderAlternatesAndDropsFinished(t *testing.T) {
	cmds := []*command{{name: "a", runs: 3}, {name: "b", runs: 1}, {name: "c", runs: 3}}
	names := func(cs []*command) (s string) {
		for _, c := range cs {
			s += c.name
		}
		return s
	}
	for round, want := range []string{"abc", "ca", "ac"} {
		if got := names(order(cmds, round)); got != want {
			t.Errorf("round %d: %q, want %q", round, got, want)
		}
	}
}

func TestRunMeasuresAndReportsFailure(t *testing.T) {
	ok := &command{name: "ok", shell: "exit 0"}
	wall, _, err := ok.run()
	if err != nil || wall <= 0 {
		t.Errorf("run(exit 0) = %v, %v", wall, err)
	}
	bad := &command{name: "bad", shell: "echo broken >&2; exit 3"}
	if _, _, err := bad.run(); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("run(exit 3) error = %v, want one quoting its standard error", err)
	}
}

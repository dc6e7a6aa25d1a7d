package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parlens/parlens/data/datatest"
)

// The truth corpus (testdata/truth) pins what parlens must do with the
// tables analysts really have: every case names a real-world trap and the
// outcome the data supports — an exact ranking, or a refusal with its
// message. Each case is a directory of input files and a case.spec (see
// testdata/truth/README.md); the loader never reads the spec (not a data
// file extension).

// truthCase is one parsed case.spec.
type truthCase struct {
	why        string
	args       []string
	exit       int
	stdout     *string // exact stdout, when given
	has, lacks map[string][]string
}

func TestTruthCorpus(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "truth", "*", "case.spec"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no cases in testdata/truth")
	}
	for _, spec := range dirs {
		dir := filepath.Dir(spec)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			c, err := parseTruthCase(spec, dir)
			if err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runCLI(t, c.args...)
			if code != c.exit {
				t.Errorf("exit %d, want %d (%s)\nstderr:\n%s", code, c.exit, c.why, stderr)
			}
			streams := map[string]string{"stdout": stdout, "stderr": stderr}
			for _, name := range []string{"stdout", "stderr"} {
				for _, s := range c.has[name] {
					if !strings.Contains(streams[name], s) {
						t.Errorf("%s lacks %q (%s)\n%s:\n%s", name, s, c.why, name, streams[name])
					}
				}
				for _, s := range c.lacks[name] {
					if strings.Contains(streams[name], s) {
						t.Errorf("%s has %q, which it must not (%s)\n%s:\n%s", name, s, c.why, name, streams[name])
					}
				}
			}
			if c.stdout != nil && stdout != *c.stdout {
				t.Errorf("stdout differs (%s):\n%s", c.why, datatest.Diff(*c.stdout, stdout))
			}
		})
	}
}

func TestTruthCorpusSize(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "truth", "*", "case.spec"))
	if len(dirs) < 40 {
		t.Errorf("the truth corpus holds %d cases; issue #11 asks for at least 40", len(dirs))
	}
}

// parseTruthCase reads a case.spec. The lines before "stdout:" are
// "key: value"; everything after "stdout:" is the exact expected output.
func parseTruthCase(spec, dir string) (truthCase, error) {
	raw, err := os.ReadFile(spec)
	if err != nil {
		return truthCase{}, err
	}
	c := truthCase{exit: -1, has: map[string][]string{}, lacks: map[string][]string{}}
	text := string(raw)
	haveArgs := false
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "//") {
			continue
		}
		if line == "stdout:" {
			s := text
			c.stdout = &s
			break
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return c, fmt.Errorf("%s: %q is not key: value", spec, line)
		}
		val = strings.TrimPrefix(val, " ")
		switch key {
		case "why":
			c.why = val
		case "args":
			haveArgs = true
			c.args, err = splitTruthArgs(val, dir)
			if err != nil {
				return c, fmt.Errorf("%s: %v", spec, err)
			}
		case "exit":
			if c.exit, err = strconv.Atoi(strings.TrimSpace(val)); err != nil {
				return c, fmt.Errorf("%s: exit: %v", spec, err)
			}
		case "stdout-has", "stderr-has":
			c.has[strings.TrimSuffix(key, "-has")] = append(c.has[strings.TrimSuffix(key, "-has")], val)
		case "stdout-lacks", "stderr-lacks":
			c.lacks[strings.TrimSuffix(key, "-lacks")] = append(c.lacks[strings.TrimSuffix(key, "-lacks")], val)
		default:
			return c, fmt.Errorf("%s: unknown key %q", spec, key)
		}
	}
	switch {
	case c.why == "":
		return c, fmt.Errorf("%s: no why: line", spec)
	case !haveArgs:
		return c, fmt.Errorf("%s: no args: line", spec)
	case c.exit < 0:
		return c, fmt.Errorf("%s: no exit: line", spec)
	case c.stdout == nil && len(c.has)+len(c.lacks) == 0 && c.exit == 0:
		return c, fmt.Errorf("%s: a case that succeeds must say what its output holds", spec)
	}
	return c, nil
}

// splitTruthArgs splits on spaces, with "double quotes" grouping, replaces
// {dir} by the case directory and appends the directory when {dir} is absent.
func splitTruthArgs(s, dir string) ([]string, error) {
	var args []string
	var cur bytes.Buffer
	inQuote, inArg, usedDir := false, false, false
	flush := func() {
		if inArg {
			a := cur.String()
			if strings.Contains(a, "{dir}") {
				usedDir = true
				a = strings.ReplaceAll(a, "{dir}", dir)
			}
			args = append(args, a)
		}
		cur.Reset()
		inArg = false
	}
	for _, r := range s {
		switch {
		case r == '"':
			inQuote, inArg = !inQuote, true
		case r == ' ' && !inQuote:
			flush()
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if inQuote {
		return nil, fmt.Errorf("unclosed quote in args %q", s)
	}
	flush()
	if !usedDir {
		args = append(args, dir)
	}
	return args, nil
}

func TestSplitTruthArgs(t *testing.T) {
	got, err := splitTruthArgs(`rank --column unit="Tên đơn vị" --units {dir}/u.csv`, "D")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"rank", "--column", "unit=Tên đơn vị", "--units", "D/u.csv"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got, _ = splitTruthArgs("check", "D")
	if fmt.Sprint(got) != "[check D]" {
		t.Errorf("directory not appended: %q", got)
	}
	if _, err := splitTruthArgs(`rank "open`, "D"); err == nil {
		t.Error("unclosed quote accepted")
	}
}

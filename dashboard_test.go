//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui"
	"github.com/parlens/parlens/tui/styles"
	"golang.org/x/sys/unix"
)

// A pseudo-terminal: the dashboard runs on its terminal side (pts) as on a
// real one (raw mode, alternate screen, mouse), and the test reads what it
// writes and types on the other side (ptmx).
type pty struct {
	ptmx, pts *os.File
	mu        sync.Mutex
	out       bytes.Buffer
	done      chan struct{}
}

func openPTY(t *testing.T) *pty {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pts: %v", err)
	}
	unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 30, Col: 100})
	p := &pty{ptmx: ptmx, pts: pts, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		buf := make([]byte, 32<<10)
		for {
			n, err := ptmx.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		pts.Close()
		ptmx.Close()
		<-p.done
	})
	return p
}

func (p *pty) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the terminal has shown s.
func (p *pty) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(p.output(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; it got %d bytes", s, len(p.output()))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (p *pty) termios(t *testing.T) *unix.Termios {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(p.pts.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio
}

var privateMode = regexp.MustCompile(`\x1b\[\?([0-9;]+)([hl])`)

// checkRestored: the terminal is as it was before the dashboard (cooked
// mode: line editing, echo, signals, CR/LF translation), and of every mode
// the dashboard set — alternate screen, hidden cursor, mouse reporting,
// bracketed paste, focus events — the last word was to turn it back.
func checkRestored(t *testing.T, p *pty, before *unix.Termios) {
	t.Helper()
	after := p.termios(t)
	if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
		t.Errorf("termios not restored: lflag %#x→%#x iflag %#x→%#x oflag %#x→%#x",
			before.Lflag, after.Lflag, before.Iflag, after.Iflag, before.Oflag, after.Oflag)
	}
	time.Sleep(50 * time.Millisecond) // let the reader drain
	last := map[string]string{}
	for _, m := range privateMode.FindAllStringSubmatch(p.output(), -1) {
		for _, n := range strings.Split(m[1], ";") {
			last[n] = m[2]
		}
	}
	want := map[string]string{"1049": "l", "25": "h", "1000": "l", "1002": "l", "1003": "l", "1006": "l", "2004": "l", "1004": "l"}
	if last["1049"] == "" {
		t.Fatalf("the dashboard never used the alternate screen: %q", p.output())
	}
	for mode, w := range want {
		if got, ok := last[mode]; ok && got != w {
			t.Errorf("mode ?%s left %s (want %s)", mode, got, w)
		}
	}
}

// TestDashboardRestoresTerminal runs the dashboard on a pseudo-terminal and
// ends it every way it can end — q, ctrl+c, SIGTERM, SIGHUP, a panic in
// Update (the briefing's generator panics on 7) and while loading — and
// checks each time that the terminal is restored, the exit code, and that a
// crash prints the error with a hint to report it. Panics in View and in a
// command end the same way (tui's TestGuard); e2e/tmux.sh crashes a real
// build in each place.
func TestDashboardRestoresTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the dashboard eight times")
	}
	cases := []struct {
		name  string
		crash string // "" none, or where to panic: update or load
		end   func(t *testing.T, p *pty)
		code  int
		msg   string // on stderr
	}{
		{"q", "", func(t *testing.T, p *pty) { p.ptmx.WriteString("q") }, exitOK, ""},
		{"ctrl+c", "", func(t *testing.T, p *pty) { p.ptmx.WriteString("\x03") }, exitOK, ""},
		{"sigterm", "", func(t *testing.T, p *pty) { syscall.Kill(os.Getpid(), syscall.SIGTERM) }, 128 + 15, ""},
		{"sighup", "", func(t *testing.T, p *pty) { syscall.Kill(os.Getpid(), syscall.SIGHUP) }, 128 + 1, ""},
		{"panic-update", "update", func(t *testing.T, p *pty) { p.ptmx.WriteString("7") }, exitCrash, "internal error: in Update: test: panic in the briefing"},
		{"panic-load", "load", func(t *testing.T, p *pty) {
			p.waitFor(t, "internal error while loading")
			p.ptmx.WriteString("q")
		}, exitCrash, "internal error: while loading: crash test: panic while loading"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := openPTY(t)
			before := p.termios(t)
			var stderr bytes.Buffer
			code := make(chan int, 1)
			go func() {
				switch c.crash {
				case "":
					code <- runDashboard([]string{"--theme", "dark", "--sample", "city"}, p.pts, p.pts, &stderr)
				case "load":
					code <- runTUI(tui.Options{Theme: styles.Dark, Load: func() (*data.Result, error) { panic("crash test: panic while loading") }}, p.pts, p.pts, &stderr)
				case "update":
					var in inputFlags
					code <- runTUI(tui.Options{Theme: styles.Dark, Load: func() (*data.Result, error) { return in.read(nil, nil) },
						Brief: func(*analysis.Analysis, tui.BriefOptions) (string, string, error) {
							panic("test: panic in the briefing")
						}}, p.pts, p.pts, &stderr)
				}
			}()
			if c.crash != "load" {
				p.waitFor(t, "Tổng quan")
				// the check below has teeth: the terminal is raw now
				if mid := p.termios(t); mid.Lflag&(unix.ICANON|unix.ECHO) != 0 {
					t.Errorf("the dashboard runs with the terminal in cooked mode (lflag %#x)", mid.Lflag)
				}
			}
			c.end(t, p)
			var got int
			select {
			case got = <-code:
			case <-time.After(15 * time.Second):
				t.Fatal("the dashboard did not end")
			}
			if got != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", got, c.code, stderr.String())
			}
			if c.crash != "" {
				checkCrashReport(t, stderr.String(), c.msg)
			}
			if !strings.Contains(stderr.String(), c.msg) {
				t.Errorf("stderr lacks %q: %s", c.msg, stderr.String())
			}
			if c.crash != "" && !strings.Contains(stderr.String(), reportHint) {
				t.Errorf("a crash without the hint to report it: %s", stderr.String())
			}
			checkRestored(t, p, before)
		})
	}
}

// TestDashboardLoadsWhileRendering runs the real program on a big input
// (the load runs in a command while the loading screen renders and keys
// arrive): under -race this checks the load, the renderer and the event
// loop share nothing unguarded.
func TestDashboardLoadsWhileRendering(t *testing.T) {
	p := openPTY(t)
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("year,bloc,unit_code,unit,C1,C2,total\n")
	for y := 2019; y <= 2024; y++ {
		for u := 0; u < 3000; u++ {
			s := float64((u*7+y)%400) / 10
			b.WriteString(strconv.Itoa(y) + ",Khối " + strconv.Itoa(u%3) + ",U" + strconv.Itoa(u) + ",Sở " + strconv.Itoa(u) + "," +
				strconv.FormatFloat(s, 'f', 1, 64) + ",50," + strconv.FormatFloat(s+50, 'f', 1, 64) + "\n")
		}
	}
	path := filepath.Join(dir, "par.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	var stderr bytes.Buffer
	code := make(chan int, 1)
	go func() { code <- runDashboard([]string{"--theme", "dark", path}, p.pts, p.pts, &stderr) }()
	for _, k := range []string{"j", "2", "j", "4", "\t", "5", "l", "6", "7", "1", "2", "/", "1", "\r"} {
		p.ptmx.WriteString(k)
		time.Sleep(5 * time.Millisecond)
	}
	p.waitFor(t, "Sở 1")
	p.ptmx.WriteString("\x03")
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("exit %d: %s", c, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the dashboard did not end")
	}
}

// TestDashboardExit: how each ending is reported.
func TestDashboardExit(t *testing.T) {
	m := tui.New(tui.Options{})
	for _, c := range []struct {
		err  error
		sig  os.Signal
		code int
		msg  string
	}{
		{nil, nil, exitOK, ""},
		{tea.ErrInterrupted, nil, 130, ""},
		{tea.ErrProgramKilled, syscall.SIGTERM, 143, ""},
		{nil, syscall.SIGTERM, 143, ""},
		{nil, syscall.SIGINT, exitOK, ""},
		{errors.Join(tea.ErrProgramKilled, tea.ErrProgramPanic), nil, exitCrash, reportHint},
		{errors.New("write /dev/pts/9: \x1b]2;x\x07 input/output error"), nil, exitData, "␛]2;x␇"},
	} {
		var b bytes.Buffer
		if got := dashboardExit(m, c.err, c.sig, &b); got != c.code || !strings.Contains(b.String(), c.msg) {
			t.Errorf("%v, %v: exit %d, %q; want %d with %q", c.err, c.sig, got, b.String(), c.code, c.msg)
		}
	}
	m.Panic = errors.New("index out of range \x1b[2J\ngoroutine 1 [running]:\nmain.go:12")
	var b bytes.Buffer
	if got := dashboardExit(m, nil, nil, &b); got != exitCrash {
		t.Errorf("a panic in Update: exit %d", got)
	}
	checkCrashReport(t, b.String(), "index out of range")
	if !strings.Contains(b.String(), "index out of range ␛[2J") {
		t.Errorf("the panic's text is not shown inert: %q", b.String())
	}
}

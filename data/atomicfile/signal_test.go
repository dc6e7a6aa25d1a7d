//go:build linux || darwin

package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childEnv names the file a re-executed test binary writes (see TestMain).
const childEnv = "ATOMICFILE_TEST_SIGNAL_CHILD"

func TestMain(m *testing.M) {
	if p := os.Getenv(childEnv); p != "" {
		signalChild(p)
		return
	}
	os.Exit(m.Run())
}

// signalChild writes p and blocks halfway, the temp file on disk, until a
// signal ends the process.
func signalChild(p string) {
	ExitOnSignal()
	err := Write(p, func(w io.Writer) error {
		if _, err := io.WriteString(w, strings.Repeat("partial ", 100_000)); err != nil {
			return err
		}
		fmt.Println("ready")
		for {
			time.Sleep(time.Hour) // until the signal
		}
	})
	fmt.Fprintln(os.Stderr, "write returned:", err)
	os.Exit(99)
}

// TestSignalRemovesTempFile: SIGTERM or SIGINT while a write is in flight
// exits 128+n and leaves no temp file, and the old file as it was.
func TestSignalRemovesTempFile(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		exit int
		old  bool
	}{
		{syscall.SIGTERM, 143, false},
		{syscall.SIGINT, 130, true},
		{syscall.SIGHUP, 129, true},
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "brief.md")
			want := []string{}
			if c.old {
				os.WriteFile(p, []byte("old"), 0o644)
				want = []string{"brief.md"}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+p)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill() })
			line, err := bufio.NewReader(out).ReadString('\n')
			if line != "ready\n" {
				t.Fatalf("child said %q (%v); stderr %s", line, err, stderr.String())
			}
			if es, _ := os.ReadDir(dir); len(es) != len(want)+1 {
				t.Fatalf("no temp file while the write is in flight: %v", es)
			}
			cmd.Process.Signal(c.sig)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != c.exit {
				t.Errorf("exit %v, want %d; stderr %s", err, c.exit, stderr.String())
			}
			onlyFiles(t, dir, want...)
			if c.old && read(t, p) != "old" {
				t.Error("the old file changed")
			}
		})
	}
}

// TestRemoveInFlight: what a program with its own signal handling calls on
// the way out removes the temp file of a write that has not finished; the
// write then fails rather than land.
func TestRemoveInFlight(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "brief.md")
	started, release := make(chan struct{}), make(chan struct{})
	result := make(chan error)
	go func() {
		result <- Write(p, func(w io.Writer) error {
			close(started)
			<-release
			_, err := io.WriteString(w, "new")
			return err
		})
	}()
	<-started
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("want one temp file, have %v", es)
	}
	RemoveInFlight()
	onlyFiles(t, dir)
	close(release)
	if err := <-result; err == nil {
		t.Error("a write whose temp file was removed reported success")
	}
	onlyFiles(t, dir)
}

package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReportScript: the benchmark scripts parse (bash -n), every
// placeholder of BENCHMARKS.tmpl.md is a fragment report.sh writes, and
// BENCHMARKS.md is a rendering of the template: it names the command that
// regenerates it, has every section heading and no placeholder left.
func TestReportScript(t *testing.T) {
	scripts, err := filepath.Glob("*.sh")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in bench/: %v", err)
	}
	for _, s := range scripts {
		if out, err := exec.Command("bash", "-n", s).CombinedOutput(); err != nil {
			t.Errorf("bash -n %s: %v\n%s", s, err, out)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tmpl, script, md := read("BENCHMARKS.tmpl.md"), read("report.sh"), read("../BENCHMARKS.md")
	placeholders := regexp.MustCompile(`(?m)^\{\{([a-z]+)\}\}$`).FindAllStringSubmatch(tmpl, -1)
	if len(placeholders) == 0 {
		t.Fatal("the template has no placeholders")
	}
	for _, p := range placeholders {
		if !strings.Contains(script, `$FRAG/`+p[1]+`.md"`) {
			t.Errorf("template placeholder {{%s}}: report.sh writes no $FRAG/%s.md", p[1], p[1])
		}
	}
	if !strings.Contains(md, "bench/report.sh") {
		t.Error("BENCHMARKS.md does not name bench/report.sh, the command that regenerates it")
	}
	if strings.Contains(md, "{{") {
		t.Error("BENCHMARKS.md holds a placeholder: render it with bench/report.sh")
	}
	for _, h := range regexp.MustCompile(`(?m)^#+ .*$`).FindAllString(tmpl, -1) {
		if !strings.Contains(md, "\n"+h+"\n") && !strings.HasPrefix(md, h+"\n") {
			t.Errorf("BENCHMARKS.md lacks the template's heading %q: regenerate it with bench/report.sh", h)
		}
	}
}

package text

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFit(t *testing.T) {
	for _, s := range []string{"", "Hà Nội", "Thành phố Hồ Chí Minh", "東京都", "\x1b[1mĐà Nẵng\x1b[0m"} {
		for w := 0; w < 25; w++ {
			for _, f := range []func(string, int) string{Left, Right, Center} {
				if got := ansi.StringWidth(f(s, w)); got != w {
					t.Fatalf("%q at %d: width %d", s, w, got)
				}
			}
		}
	}
	if got := Left("Thành phố Hồ Chí Minh", 8); got != "Thành p…" {
		t.Fatalf("truncate: %q", got)
	}
	if got := Block("a\nbb", 3, 3); got != "a  \nbb \n   " {
		t.Fatalf("block: %q", got)
	}
	for _, l := range Wrap("một hai ba bốn năm sáu bảy tám chín mười", 9) {
		if ansi.StringWidth(l) > 9 {
			t.Fatalf("wrapped line too wide: %q", l)
		}
	}
}

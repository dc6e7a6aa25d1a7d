package brief

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// A bloc bigger than one lookup job: the renamed units and the top-grade
// streaks found on every core are the ones a row-by-row reading finds, in
// row order, on one core and on two.
func TestLookupsAcrossJobs(t *testing.T) {
	const units = 5000 // about 2.4 jobs of rows
	var recs []data.Record
	wantRenamed, wantStreak := 0, 0
	for u := range units {
		c := fmt.Sprintf("U%04d", u)
		renamed := u%997 == 5 // spread over every job
		streak := u%1201 == 3
		for y := 2020; y <= 2023; y++ {
			name := fmt.Sprintf("Đơn vị %04d", u)
			if renamed && y == 2023 {
				name = fmt.Sprintf("Đơn vị mới %04d", u)
			}
			total := 60 + float64(u%300)/10 // Khá or below
			if streak {
				total = 95 + float64(u%40)/10 // Xuất sắc every year
			}
			recs = append(recs, R(y, blocA, name, total, code(c)))
		}
		if renamed {
			wantRenamed++
		}
		if streak {
			wantStreak++
		}
	}
	ds := mk(recs...)
	var texts []string
	for _, procs := range []int{1, 2} {
		old := runtime.GOMAXPROCS(procs)
		b := brief(t, ds, Options{})
		runtime.GOMAXPROCS(old)
		var got []string
		renamed := 0
		for _, st := range b.Statements() {
			if st.Kind == "renamed" {
				renamed++
				got = append(got, st.Text)
			}
		}
		if renamed != wantRenamed {
			t.Errorf("GOMAXPROCS %d: %d renamed statements, want %d", procs, renamed, wantRenamed)
		}
		st := one(t, b, "top_grade_streak", blocA)
		if n := strings.Count(st.Text, "(năm thứ 4)"); n != wantStreak {
			t.Errorf("GOMAXPROCS %d: %d units in the streak, want %d: %s", procs, n, wantStreak, st.Text)
		}
		got = append(got, st.Text)
		texts = append(texts, strings.Join(got, "\n"))
	}
	if texts[0] != texts[1] {
		t.Errorf("one core and two differ:\n%s\n---\n%s", texts[0], texts[1])
	}
	if !strings.Contains(texts[0], "Đơn vị 0005 nay là Đơn vị mới 0005") {
		t.Errorf("renamed unit not named:\n%s", texts[0])
	}
}

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/styles"
)

// fakeNav records what a view asks of the dashboard.
type fakeNav struct {
	opened []string
	pushed []view
	shown  []string
	asked  []prompt
}

func (f *fakeNav) openUnit(id string)           { f.opened = append(f.opened, id) }
func (f *fakeNav) push(v view)                  { f.pushed = append(f.pushed, v) }
func (f *fakeNav) pop()                         { f.pushed = f.pushed[:max(0, len(f.pushed)-1)] }
func (f *fakeNav) showTab(id string) tea.Cmd    { f.shown = append(f.shown, id); return nil }
func (f *fakeNav) tabView(string) view          { return nil }
func (f *fakeNav) setBloc(string)               {}
func (f *fakeNav) prompt(p prompt) tea.Cmd      { f.asked = append(f.asked, p); return nil }
func (f *fakeNav) flash(msg string, isErr bool) {}

// testCtx is a view context on the sample without a dashboard around it.
func testCtx(t *testing.T, bloc string) (*viewCtx, *fakeNav) {
	res, a := loadSample(t)
	keys := DefaultKeyMap()
	nav := &fakeNav{}
	c := &viewCtx{a: a, ds: res.Dataset, st: styles.New(styles.Dark, true), keys: &keys, marks: &markSet{},
		brief: stubBrief, outDir: t.TempDir(), navigator: nav}
	c.index = a.Indices()[0]
	c.years = a.Years(c.index)
	c.year = c.years[len(c.years)-1]
	c.blocs = a.Blocs(c.index)
	c.bloc = bloc
	c.version = 1
	return c, nav
}

// TestViewAlone: a table view is built, driven and asked to navigate with
// nothing but its context: enter opens the cursor's unit, / opens a
// filter prompt whose live text filters the rows.
func TestViewAlone(t *testing.T) {
	c, nav := testCtx(t, "Quận, huyện")
	for _, tc := range []struct {
		name string
		v    interface {
			view
			SetFilter(string)
		}
	}{
		{"ranking", newRanking(c)},
		{"components", newComponents(c)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nav.opened, nav.asked = nil, nil
			v := tc.v
			v.SetSize(120, 30)
			v.Sync()
			checkFrame(t, v.Render(120, 30), 120, 30)
			for _, k := range []string{"G", "enter"} {
				if ok, _ := v.HandleKey(keyMsg(k)); !ok {
					t.Fatalf("%s not handled", k)
				}
			}
			if len(nav.opened) != 1 || nav.opened[0] != "QH-CL" {
				t.Fatalf("enter on the last row opened %v, want [QH-CL]", nav.opened)
			}
			v.HandleKey(keyMsg("/"))
			if len(nav.asked) != 1 || nav.asked[0].live == nil {
				t.Fatalf("/ asked %d prompts", len(nav.asked))
			}
			nav.asked[0].live("cam le")
			if s := v.Status(); !strings.Contains(s, "1/7 đơn vị") {
				t.Fatalf("status after filtering: %q", s)
			}
			nav.asked[0].cancel()
			if s := v.Status(); !strings.Contains(s, "7/7 đơn vị") {
				t.Fatalf("status after cancel: %q", s)
			}
		})
	}
}

// TestTabRegistry: the number keys, the tab line and the help follow the
// table of tabs; each key shows its tab.
func TestTabRegistry(t *testing.T) {
	if len(tabSpecs) > 9 {
		t.Fatalf("%d tabs: the number keys go to 9", len(tabSpecs))
	}
	m := newTestModel(t, 200, 40, false)
	if len(m.keys.Global.Views) != len(tabSpecs) {
		t.Fatalf("%d view keys for %d tabs", len(m.keys.Global.Views), len(tabSpecs))
	}
	ids := map[string]bool{}
	for i, ts := range tabSpecs {
		if ids[ts.id] {
			t.Fatalf("tab id %q twice", ts.id)
		}
		ids[ts.id] = true
		if h := m.keys.Global.Views[i].Help(); h.Key != string(rune('1'+i)) || h.Desc != ts.title.In(words.VI) {
			t.Errorf("tab %d key %q %q", i, h.Key, h.Desc)
		}
		press(m, string(rune('1'+i)))
		if got := tabOf(m); got != ts.id {
			t.Errorf("key %d shows %q, want %q", i+1, got, ts.id)
		}
		if !strings.Contains(m.viewTabs().line, ts.title.In(words.VI)) {
			t.Errorf("tab line lacks %q", ts.title.In(words.VI))
		}
	}
}

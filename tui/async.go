package tui

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/text"
)

// Work too slow for a frame runs off the update loop. A view asks for what
// it needs with await; on a large dataset the work then runs in a tea.Cmd
// and the view waits (the dashboard draws a spinner saying what is being
// computed) while every key keeps working. The model collects what the
// current view asked for after each Update (see Model.syncTop): work it no
// longer asks for is cancelled, and a result that arrives for work nobody
// waits for any more is never shown. Finished results are kept by key (the
// key names the view and the selection), so coming back is instant.

// asyncFromRecords is the dataset size (records) from which views compute
// off the update loop. Below it every view builds within a frame, so it
// builds at once, as it always did: no spinner flickers on small data.
const asyncFromRecords = 50_000

// keepResults bounds the finished results kept for coming back.
const keepResults = 12

// jobRunner runs the views' heavy work off the update loop.
type jobRunner struct {
	inline bool // compute at once, in Update (a small dataset)

	gen     uint64          // numbers the jobs, so a result is matched to its job
	running map[string]*job // started and not finished, by key
	asked   []*job          // what the views asked for since beginSync
	waiting *job            // what the current view waits for (nil: it draws)

	done  map[string]any // finished results by key
	order []string       // keys of done, oldest first

	sem chan struct{} // bounds the jobs computing at once
}

// job is one piece of work: a view's data for one selection.
type job struct {
	key    string
	gen    uint64
	what   *words.Word // what it computes, for the spinner
	where  data.Slice  // what it computes for, as the spinner names it
	work   func(ctx context.Context) (any, error)
	ctx    context.Context
	cancel context.CancelFunc
	cmd    tea.Cmd // what Update returns to run it (nil until it starts)
}

// jobDoneMsg brings a job's result back to Update.
type jobDoneMsg struct {
	key string
	gen uint64
	val any
	err error
}

func newJobRunner(inline bool) *jobRunner {
	return &jobRunner{inline: inline, running: map[string]*job{}, done: map[string]any{},
		sem: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))}
}

// await returns the result of view's work for slice sl (and extra, what
// else the work depends on): at once when it is small
// (inline) or already finished; otherwise the work is asked for and ready is
// false: the view keeps what it had and is asked again on every Sync until
// the result is in. work must not read the view or the viewCtx (the model
// changes them meanwhile): it gets its inputs captured, checks ctx in its
// long loops and returns ctx.Err() when cancelled, never a partial result.
func await[T any](c *viewCtx, view string, sl data.Slice, extra any, what *words.Word, work func(ctx context.Context) (T, error)) (val T, err error, ready bool) {
	return awaitJob(c, view, sl, extra, what, work, false)
}

// awaitQuietly is await for a view that keeps drawing what it had while
// the work runs (no spinner): the hits of a query as it is typed.
func awaitQuietly[T any](c *viewCtx, view string, sl data.Slice, extra any, what *words.Word, work func(ctx context.Context) (T, error)) (val T, err error, ready bool) {
	return awaitJob(c, view, sl, extra, what, work, true)
}

func awaitJob[T any](c *viewCtx, view string, sl data.Slice, extra any, what *words.Word, work func(ctx context.Context) (T, error), quiet bool) (val T, err error, ready bool) {
	r := c.jobs
	if r == nil || r.inline {
		val, err = work(context.Background())
		return val, err, true
	}
	key := jobKey(view, sl, extra)
	if v, ok := r.done[key]; ok {
		res := v.(result[T])
		return res.val, res.err, true
	}
	j := &job{key: key, what: what, where: sl, work: func(ctx context.Context) (any, error) {
		v, err := work(ctx)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// an error of the work itself is a result too: shown, not retried
		return result[T]{v, err}, nil
	}}
	r.asked = append(r.asked, j)
	if r.waiting == nil && !quiet {
		r.waiting = j
	}
	return val, nil, false
}

// result is a finished job's value and the error the work returned.
type result[T any] struct {
	val T
	err error
}

// beginSync forgets what was asked before: only what the current view asks
// for in the Sync that follows is wanted.
func (r *jobRunner) beginSync() {
	r.asked = r.asked[:0]
	r.waiting = nil
}

// endSync starts what was asked for and is not running yet, and cancels
// what runs and was not asked for (the user moved on). It returns the
// commands that run the new jobs.
func (r *jobRunner) endSync() tea.Cmd {
	var cmds []tea.Cmd
	wanted := map[string]bool{}
	for _, a := range r.asked {
		if wanted[a.key] {
			continue
		}
		wanted[a.key] = true
		if j, ok := r.running[a.key]; ok {
			if r.waiting == a {
				r.waiting = j
			}
			continue
		}
		r.start(a)
		cmds = append(cmds, a.cmd)
	}
	for k, j := range r.running {
		if !wanted[k] {
			j.cancel()
			delete(r.running, k)
		}
	}
	return tea.Batch(cmds...)
}

// start makes the command that runs j.
func (r *jobRunner) start(j *job) {
	r.gen++
	j.gen = r.gen
	j.ctx, j.cancel = context.WithCancel(context.Background())
	r.running[j.key] = j
	sem, ctx, work, key, gen := r.sem, j.ctx, j.work, j.key, j.gen
	j.cmd = func() tea.Msg {
		select {
		case sem <- struct{}{}:
			defer func() { <-sem }()
		case <-ctx.Done():
			return jobDoneMsg{key: key, gen: gen, err: ctx.Err()}
		}
		if err := ctx.Err(); err != nil {
			return jobDoneMsg{key: key, gen: gen, err: err}
		}
		v, err := work(ctx)
		return jobDoneMsg{key: key, gen: gen, val: v, err: err}
	}
}

// finished takes a job's result. A cancelled job's is dropped; a finished
// one is kept for its key even when nobody waits for it any more (it is
// whole and right for that key: coming back shows it at once), but it is
// shown only when a view asks for that key again.
func (r *jobRunner) finished(msg jobDoneMsg) {
	if j, ok := r.running[msg.key]; ok && j.gen == msg.gen {
		delete(r.running, msg.key)
	}
	if msg.err != nil {
		return
	}
	// what only warmed the analysis's own caches is kept unbounded: it
	// holds nothing
	_, light := msg.val.(result[struct{}])
	if _, ok := r.done[msg.key]; !ok && !light {
		r.order = append(r.order, msg.key)
	}
	r.done[msg.key] = msg.val
	for len(r.order) > keepResults {
		delete(r.done, r.order[0])
		r.order = slices.Delete(r.order, 0, 1)
	}
}

// stopAll cancels every job (the program quits).
func (r *jobRunner) stopAll() {
	for k, j := range r.running {
		j.cancel()
		delete(r.running, k)
	}
}

// jobKey names a view's work for a selection; extra tells apart what else
// the work depends on.
func jobKey(view string, sl data.Slice, extra any) string {
	return fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%v", view, sl.Index, sl.Year, sl.Bloc, extra)
}

// cancelled reports, every 1,024 steps of a loop, whether the work was
// cancelled: the loops of a view's work call it with their index.
func cancelled(ctx context.Context, i int) bool {
	return i&1023 == 0 && ctx.Err() != nil
}

// renderBusy is the body while the current view waits: the spinner, what is
// being computed and for which selection, and that the keys still work.
func (m *Model) renderBusy(w, h int) string {
	j := m.c.jobs.waiting
	st := m.c.st
	var where []string
	for _, s := range []string{p(j.where.Index), p(j.where.Bloc)} {
		if s != "" {
			where = append(where, s)
		}
	}
	if j.where.Year != 0 {
		where = append(where, itoa(j.where.Year))
	}
	lines := []string{"",
		" " + st.Accent.Render(m.spin.View()) + " " + st.Bold.Render(text.Truncate(m.c.say(j.what)+"…", max(0, w-4))),
		"   " + st.Muted.Render(text.Truncate(strings.Join(where, " · "), max(0, w-4))),
		""}
	for _, l := range text.Wrap(m.c.say(words.BusyHint), max(1, w-4)) {
		lines = append(lines, "   "+st.Muted.Render(l))
	}
	return text.Lines(lines, w, h)
}

// Settle runs the work the dashboard waits for in the caller's goroutine
// and delivers each result, until none is left: benchmarks and tests that
// want the frame with data (on a large dataset the views compute in
// tea.Cmds, which only a running program runs). It reports false when
// work kept starting (it gives up after 20 rounds).
func (m *Model) Settle() bool {
	if m.c.jobs == nil {
		return true
	}
	for range 20 {
		js := make([]*job, 0, len(m.c.jobs.running))
		for _, j := range m.c.jobs.running {
			js = append(js, j)
		}
		if len(js) == 0 {
			return true
		}
		slices.SortFunc(js, func(a, b *job) int { return cmp.Compare(a.gen, b.gen) })
		for _, j := range js {
			m.Update(j.cmd())
		}
	}
	return false
}

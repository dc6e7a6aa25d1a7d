package tui

import (
	"context"

	"github.com/parlens/parlens/data"

	"github.com/parlens/parlens/analysis/words"
)

// warmed are the views whose own drawing is quick once the analysis has
// computed what they read (package analysis keeps it): before such a view
// syncs, the model has that computed off the update loop (warm). The views
// whose own building is slow on a large dataset (the ranking, the heatmap,
// the years pivot, the transitions, the briefing) await their whole
// building instead, in their Sync.

// warm has the analysis compute what view v reads for the current
// selection; ready is false while that runs off the update loop (the view
// must not sync meanwhile: it would compute it in Update).
func (m *Model) warm(v view) (ready bool) {
	c := m.c
	a, sl := c.a, c.slice()
	var what *words.Word
	var work func(ctx context.Context) (struct{}, error)
	var name string
	var at data.Slice
	var extra any
	switch v := v.(type) {
	case *overviewView:
		name, at, what = "overview", sl.WithBloc(""), words.BusyOverview
		work = func(ctx context.Context) (struct{}, error) {
			// every bloc's facts (BlocMovers then has them), on every core
			a.Movers(sl.Index, sl.Year)
			if ctx.Err() != nil {
				return struct{}{}, ctx.Err()
			}
			a.Summary(sl.Index, sl.Year)
			return struct{}{}, nil
		}
	case *moversView:
		name, at, extra, what = "movers", sl, v.all, words.BusyMovers
		all := v.all
		work = func(ctx context.Context) (struct{}, error) {
			if all {
				a.Movers(sl.Index, sl.Year)
			} else {
				a.BlocMovers(sl)
			}
			return struct{}{}, nil
		}
	case *unitView:
		if v.unitID == "" {
			return true
		}
		id := v.unitID
		name, at, extra, what = "unit", sl.WithBloc(""), id, words.BusyUnit
		work = func(ctx context.Context) (struct{}, error) {
			// what the unit page reads: its history and charts, its
			// components (UnitComponents builds the bloc's component cache),
			// the bloc's movers, its tree, its gap
			a.IndexHistory(sl.Index, id)
			a.ScoreTrack(sl.Index, id)
			if uc, ok := a.UnitComponents(sl.Index, sl.Year, id); ok {
				a.BlocMovers(sl.WithBloc(uc.Bloc))
			}
			if ctx.Err() != nil {
				return struct{}{}, ctx.Err()
			}
			if a.HasTree() {
				a.UnitTree(sl.Index, sl.Year, id)
			}
			a.UnitGap(sl.Index, sl.Year, id)
			return struct{}{}, nil
		}
	default:
		return true
	}
	_, _, ready = await(c, name, at, extra, what, work)
	return ready
}

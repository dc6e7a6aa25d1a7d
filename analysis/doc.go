// Package analysis computes everything parlens shows from a *data.Dataset:
// ranks, grades, summaries, movers, component profiles, gaps and what-ifs,
// grade transitions, unit histories and lookups. It is pure: no I/O, no
// terminal. Result structs carry snake_case JSON tags so the CLI can
// json.Marshal them directly; fields that do not apply are nil pointers
// (JSON null). Published scores are never rounded; computed values are
// unrounded float64 (formatting is the caller's job).
//
// # Building
//
//	a := analysis.New(ds) // groups records once by (index, year, bloc)
//
// New ranks and grades every record and links each unit to its record in
// the bloc's previous year. Per-bloc results are computed on first use and
// cached (Summary, Movers, Table and the component statistics); unit
// component profiles and Gaps are built on each call from cached data. An
// *Analysis is safe for concurrent use. Returned values point into the cache
// and the dataset: treat them as read-only.
//
// # Rules
//
//   - Ranks: within (index, year, bloc) by Total, highest first, compared at
//     2 decimals; ties share a rank and the next rank skips (1, 2, 2, 4);
//     tied units are listed by name. NotRanked records keep their score but
//     get no rank and shift no one; records without a total get no rank.
//     Record.PublishedRank is reported as published_rank; Check warns where
//     it differs.
//   - Published ranks: a (index, year, bloc) with no scores but published
//     ranks, or a partial one, is ranked by Record.PublishedRank (rows
//     without one get no rank); rank_published / ranks_published say so. A
//     ranks-only row is a result: it counts in the top, bottom, retained,
//     regained, first-time and new-unit facts and in histories.
//   - Partial tables: a group is partial when a published rank exceeds its
//     rows or some ranked rows have a score and others a published rank only
//     (see BlocSummary.Complete, PartialReason). A partial group has no
//     statistics, grade counts, bottom, sole grade or biggest moves, and
//     nothing is compared with it (mean change, up/down, previous grade
//     counts); rank changes use the published ranks. No unit is new when an
//     earlier year of its bloc is partial.
//   - Data window: the bloc's first year makes no first-time, streak or
//     count claim (Top, a bottom without streak or count). Later claims carry
//     Mover.Since, the first year they were counted from; an earlier table
//     that does not show its leader (or, partial, its last unit) ends a
//     streak and drops the count rather than guessing.
//   - Grades come from the data or from a scheme the user gave: a grade given
//     in the data wins, else the grade the user's scheme (grades.csv or
//     --grades default: ds.HasScheme, ds.SchemeFor) gives the total. Without
//     a grade and such a scheme, no grade: nothing is invented from the
//     built-in scheme. A bloc with neither has BlocSummary.Grades nil,
//     GradesFrom "none" and a GradesNote; its movers carry no grade facts.
//     Grades are compared and counted by level (ds.GradeLevel), labelled by
//     their most common spelling in the data. Grade steps count the bands of
//     the scheme in use when it has both grades, else vocabulary levels.
//   - Score bands: BlocSummary.Bands counts the units with a total at or
//     above each of ScoreBandMins (90, 80), at 2 decimals, not-ranked units
//     included, with the previous year's counts — what an ungraded table
//     supports ("14/17 scored 80 or more").
//   - Warnings: Warnings is the loader's (ds.Warnings) then Check's.
//     Caveats places each one at the record on its row (else at every table
//     of its data file, else everywhere: units.csv, no file) and keeps those
//     touching an index, year and blocs: one selection the brief's notes,
//     the command line and the dashboard can share.
//   - History: a unit is followed across years by Record.UnitID. Through
//     units.csv lineage (ds.Successor, else the Successor column of
//     ds.Units), a successor's history includes its predecessor's records in
//     the years in which the successor has none and exactly one predecessor
//     has some.
//   - Breaks (lineage.go): a dated succession (units.csv effective_year,
//     or a shipped lineage such as vn-provinces-2025) that joins two or more
//     units into one (a merger; the successor itself is one of them when it
//     had results before), or passes a share of one unit on (a split), is a
//     break from its year. A rename (one predecessor, passed whole) is not:
//     the successor continues it. In a unit's first year after a break:
//     it has no previous record (no score change, rank move or grade move is
//     stated, and it is not counted up, down or same); its predecessors are
//     listed side by side (Breaks, UnitBreak), each with its last score and
//     rank r of N; a combined baseline (CombinedBaseline: the mean, or the
//     mean weighted by a number each predecessor carries) is computed only on
//     request and names its method. A rank across a break is compared only
//     as a share of the bloc, TopPercent = ⌈100·r/N⌉ ("top 10% → top 6%"),
//     and only between complete tables; never as places. In a year that is
//     some unit's first after a break, the bloc itself changed: no unit's
//     rank change is stated (Row and Mover RankChange nil, no biggest climb
//     or fall); score changes of unchanged units still are.
//     Facts about earlier years (first time, regained, retained, streaks,
//     new unit, top grade for the first time) look through a break at its
//     predecessors: a year counts for a streak or a count only when the fact
//     held for every predecessor, and "first time" only when it held for
//     none; when a predecessor held it before the break but the merged unit
//     has not since, the fact is "first time since the merger" (Mover.Since
//     = Mover.Break), never in the merged unit's first year. Undated
//     successions keep the history rule above.
//   - Previous year: the latest earlier year in which the same index and bloc
//     have data. A unit's previous-year record is its (lineage) record in that
//     year and bloc; a unit absent that year has no previous values (it is
//     not compared, and it is not new).
//   - Bloc statistics (mean, median, stdev, min, max, up/down/same, above the
//     mean, biggest moves, component statistics and ranks) are over ranked
//     units: not-ranked units stay out, as they do from published averages.
//     Stdev is the population standard deviation (divide by N).
//   - Movers: see MoverKind. Rank facts (top, streaks, bottom, biggest moves)
//     are per bloc; "first time" and "new" look at the unit's earlier years
//     in the index (a score, a grade or a published rank is a result). A bloc of one has a top but no bottom, no sole grade and
//     no biggest moves (they need two units).
//
// # API
//
//	New(ds) *Analysis
//	Check(ds) []data.Issue                          rank and grade warnings
//	(*Analysis) Warnings() []data.Issue             the loader's and Check's warnings
//	(*Analysis) Caveats(ws, index, year, blocs...)  the warnings touching a year and blocs, placed
//	(*Analysis) Indices, Years, Blocs, BlocsIn, PrevYear
//	(*Analysis) Table(index, year, bloc)            league table
//	(*Analysis) Summaries / Summary / BlocSummary   bloc statistics, grade counts and score bands
//	(*Analysis) Movers / BlocMovers                 facts: top, streaks, bottom, biggest moves, grades, new units
//	(*Analysis) Components / UnitComponents         component statistics and unit profiles; VsBloc(cell)
//	(*Analysis) Gaps / UnitGap                      points to the next grade, rank and leader; rank with last year's score
//	(*Analysis) Transitions / Transition            grade × grade matrix and Kendall's τ-b between two years
//	(*Analysis) History / IndexHistory              a unit's results across years
//	(*Analysis) Units, UnitByID, FindUnit, UnitNames, FindBloc
//	(*Analysis) Successor, Predecessors, Check
//	(*Analysis) Breaks / UnitBreak                  merged and split units with their predecessors side by side
//	CombinedBaseline(break, method, score, weight)  a combined previous score, only on request; TopPercent(rank, of)
//	MatchBloc(query, blocs), Suggest(query, candidates), KendallTauB(x, y), VsBloc(cell)
package analysis

#!/usr/bin/env bash
# Fuzz every fuzzer of parlens in turn and print how many inputs each tried.
#
#   scripts/fuzz.sh            10 minutes each (the long run)
#   scripts/fuzz.sh 20s        20 seconds each (what .ci/run does)
#   scripts/fuzz.sh 1h FuzzLoad FuzzAnalysis    only these
#
# Env: FUZZ_LOGS=dir keeps the full logs there (default: a temp dir).
#
# The fuzzers and what they prove:
#   FuzzLoad      ./data      any bytes as a data file: no panic; a load without
#                             errors is consistent (records complete, unique, sorted)
#   FuzzLoadLong  ./data      any rows of a long-format file, the same
#   FuzzSidecars  ./data      any components.csv, grades.csv and units.csv
#   FuzzLoadXLSX  ./data      any bytes as an .xlsx, or as the XML of a sheet in
#                             a valid workbook: no panic; a load without errors
#                             is consistent
#   FuzzAnalysis  ./analysis  random valid datasets through every analysis:
#                             ranks 1..N with competition gaps, grade counts add
#                             up to the units, movers name units of their bloc
#   FuzzOutput    .           any text through every output format: inert,
#                             layout kept, CSV without live formulas, JSON exact
#   (and every other func FuzzXxx in a tracked _test.go file: the list is
#   found, not kept here)
#
# A failure stops the run; Go writes the input under the package's
# testdata/fuzz/FuzzXxx/, where `go test` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."

time=${1:-10m}
shift || true
# Every fuzzer in the tree, found by name, so a new one runs without an edit here.
all=()
while IFS=: read -r file name; do
	dir=$(dirname "$file")
	[ "$dir" = . ] && pkg=. || pkg=./$dir
	all+=("$pkg $name")
done < <(git ls-files '*_test.go' | xargs grep -oE '^func Fuzz[A-Za-z0-9_]+' | sed -E 's/:func /:/' | sort)
targets=()
if [ $# -gt 0 ]; then
	for want in "$@"; do
		for t in "${all[@]}"; do
			[ "${t#* }" = "$want" ] && targets+=("$t")
		done
	done
	[ ${#targets[@]} -gt 0 ] || { echo "no fuzzer named $*" >&2; exit 2; }
else
	targets=("${all[@]}")
fi
logs=${FUZZ_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/parlens-fuzz.XXXXXX")}
mkdir -p "$logs"

summary=()
total=0
for t in "${targets[@]}"; do
	pkg=${t% *}
	name=${t#* }
	log="$logs/$name.log"
	printf '== %s (%s, %s)\n' "$name" "$pkg" "$time"
	# Each workbook costs milliseconds to open, so minimizing a new input by
	# time (60 s by default) would eat a short run: bound it by count.
	minimize=()
	[ "$name" = FuzzLoadXLSX ] && minimize=(-fuzzminimizetime 200x)
	if ! go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$time" "${minimize[@]}" >"$log" 2>&1; then
		# Go's fuzzing engine fails with "context deadline exceeded" when
		# the time runs out while it is still minimizing a new interesting
		# input: no input failed, none is written. Anything else, or any
		# failing input written, fails the run.
		if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written' "$log" &&
			! grep -qE '^\s+--- FAIL: .*/' "$log" && ! grep -q 'panic:' "$log"; then
			echo "   (the engine's time ran out while it minimized a new input: no failing input; see $log)"
		else
			tail -n 40 "$log"
			echo "FAIL: $name (full log: $log)"
			exit 1
		fi
	fi
	last=$(grep -E '^fuzz: elapsed' "$log" | tail -n 1)
	execs=$(sed -E 's/.*execs: ([0-9]+).*/\1/' <<<"$last")
	interesting=$(sed -E 's/.*new interesting: ([0-9]+) \(total: ([0-9]+)\).*/\1 new, \2 in corpus/' <<<"$last")
	echo "   $last"
	summary+=("$(printf '%-14s %-10s %12s execs   %s' "$name" "$pkg" "$execs" "$interesting")")
	total=$((total + execs))
done
echo
echo "fuzzed $time each (logs in $logs):"
printf '  %s\n' "${summary[@]}"
printf '  %-25s %12s execs\n' "total" "$total"

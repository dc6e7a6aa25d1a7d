#!/usr/bin/env bash
# bench/report.sh — regenerates BENCHMARKS.md in one run: builds parlens, the
# floor and the timer, generates the workloads, times every table with its
# commands alternated (bench/alternate), notes the load average before and
# after each table, and writes BENCHMARKS.md (atomically) from
# bench/BENCHMARKS.tmpl.md. Every figure in BENCHMARKS.md comes from here.
#
#   bench/report.sh                  # the full run, for a quiet machine; writes BENCHMARKS.md
#   bench/report.sh --quick          # files 100× smaller, one run each; writes $BENCH_DIR/BENCHMARKS.quick.md
#   bench/report.sh --only tools -o -   # some tables only (tools,growth,load,dashboard,scorecard,memory), to stdout
#
# Options: --quick, --only LIST, -o FILE ("-" for standard output).
# Env: BENCH_DIR   scratch folder for binaries and files (default ${TMPDIR:-/tmp}/parlens-bench)
#      RUNS        timed rounds of the tools table and of the growth table up to L (default 10; quick 1)
#      VD_RUNS, BIG_RUNS, FRAME_RUNS, SCORECARD_RUNS   rounds of VisiData, of the files above L,
#                  of the first-frame runs and of scorecard --all (default 3, 3, 5, 3; quick 1)
#      DUCKDB_DIR  where @duckdb/node-api is installed (default ~/.cache/parlens-bench/duckdb)
#
# Needs Go. Installs Miller, VisiData, tmux and Node.js (apt-get) and
# @duckdb/node-api (npm, into DUCKDB_DIR) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

quick=0 only="" out=""
while [ $# -gt 0 ]; do
  case $1 in
  --quick) quick=1 ;;
  --only) only=${2:?--only needs a list}; shift ;;
  -o) out=${2:?-o needs a file}; shift ;;
  -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "report.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
ALL_TABLES="tools growth load dashboard scorecard memory"
TABLES=${only//,/ }
TABLES=${TABLES:-$ALL_TABLES}
for t in $TABLES; do
  case " $ALL_TABLES " in *" $t "*) ;; *) echo "report.sh: no table $t (tables: $ALL_TABLES)" >&2; exit 2 ;; esac
done
wants() { case " $TABLES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/parlens-bench}
DUCKDB_DIR=${DUCKDB_DIR:-$HOME/.cache/parlens-bench/duckdb}
DUCKDB_VERSION=1.5.6-r.1 # @duckdb/node-api, pinned so a rerun measures the same DuckDB
if [ "$quick" = 1 ]; then
  RUNS=${RUNS:-1} VD_RUNS=1 BIG_RUNS=1 SCORECARD_RUNS=1 FRAME_RUNS=1 WARMUP=0
  SCALE=100 TUI_BENCHTIME=1x LOAD_BENCHTIME=1x
  out=${out:-$WORK/BENCHMARKS.quick.md}
else
  RUNS=${RUNS:-10} VD_RUNS=${VD_RUNS:-3} BIG_RUNS=${BIG_RUNS:-3} SCORECARD_RUNS=${SCORECARD_RUNS:-3} FRAME_RUNS=${FRAME_RUNS:-5} WARMUP=1
  SCALE=1 TUI_BENCHTIME=3x LOAD_BENCHTIME=1s
  out=${out:-$ROOT/BENCHMARKS.md}
fi
if [ "$out" != - ] && [ -n "$only" ] && [ "$out" = "$ROOT/BENCHMARKS.md" ]; then
  echo "report.sh: --only writes some tables, not BENCHMARKS.md: add -o FILE or -o -" >&2
  exit 2
fi
GROWTH_UNITS="2000 20000 100000 200000" # the 20,000 is L
L_UNITS=20000

# ---------------------------------------------------------------- tools
have() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
  echo "== installing $* with apt-get" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
have go || { echo "report.sh: Go (1.26 or newer) is needed to build parlens" >&2; exit 1; }
missing=()
if wants tools; then
  have mlr || missing+=(miller)
  have vd || missing+=(visidata)
  have node || missing+=(nodejs)
  have npm || missing+=(npm)
fi
if wants dashboard; then have tmux || missing+=(tmux); fi
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
if wants tools && [ ! -d "$DUCKDB_DIR/node_modules/@duckdb/node-api" ]; then
  echo "== installing @duckdb/node-api@$DUCKDB_VERSION with npm into $DUCKDB_DIR" >&2
  mkdir -p "$DUCKDB_DIR"
  [ -f "$DUCKDB_DIR/package.json" ] || echo '{"private": true}' >"$DUCKDB_DIR/package.json"
  (cd "$DUCKDB_DIR" && npm install --no-audit --no-fund --silent "@duckdb/node-api@$DUCKDB_VERSION" >&2)
fi

# ---------------------------------------------------------------- helpers
FRAG=$WORK/report # one Markdown fragment per placeholder, and the budgets
rm -rf "$FRAG"
mkdir -p "$WORK/bin" "$FRAG"
BUDGETS=$FRAG/budgets.tsv
: >"$BUDGETS"

log() { echo "== $*" >&2; }
# loadavg: the 1-minute load average, also kept in $FRAG/loads for the file's first line.
loadavg() { cut -d' ' -f1 /proc/loadavg | tee -a "$FRAG/loads"; }
# loadline BEFORE: the line under a table.
loadline() { echo "Load average (1 minute) $1 before this table, $(loadavg) after."; }
# timeit RUNS CSV NAME=CMD...: alternated runs, summary CSV (name,runs,min_s,median_s,peak_rss_kib).
timeit() {
  local runs=$1 csv=$2
  shift 2
  "$WORK/bin/alternate" -runs "$runs" -warmup "$WARMUP" "$@" >"$csv"
}
# col CSV NAME COLUMN: one value of timeit's CSV.
col() {
  awk -F, -v n="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } $1 == n { print $h[c] }' "$1"
}
# calc EXPR [VAR=VALUE...]: awk arithmetic, printed as given by EXPR's printf.
calc() {
  local expr=$1
  shift
  local args=()
  for a in "$@"; do args+=(-v "$a"); done
  awk "${args[@]}" "BEGIN { $expr }"
}
# budget NAME MEASURED VERDICT: one row of the budgets table.
budget() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$BUDGETS"; }
# verdict OK: "met" when OK is 1.
verdict() { if [ "$1" = 1 ]; then echo met; else echo "**not met**"; fi; }
# show CMD: a command as the tables print it, without the scratch paths.
show() {
  local s=${1//$WORK\/bin\//}
  s=${s//$WORK\/files\//}
  s=${s//$WORK\//}
  s=${s//$ROOT\//}
  echo "${s//$DUCKDB_DIR/DUCKDB_DIR}"
}
commas() { calc 'n = v; s = ""; while (n >= 1000) { s = sprintf(",%03d", n % 1000) s; n = int(n / 1000) } printf "%d%s", n, s' "v=$1"; }
rows_of() { echo $(($(wc -l <"$1") - 1)); }

START_LOAD=$(loadavg)

# ---------------------------------------------------------------- build and generate
log "building parlens, the floor and the timer into $WORK/bin"
go build -o "$WORK/bin/parlens" .
go build -o "$WORK/bin/csvread" ./bench/csvread
go build -o "$WORK/bin/alternate" ./bench/alternate
P=$WORK/bin/parlens
FLOOR=$WORK/bin/csvread

# gen NAME ARGS...: files/NAME/{wide,long}.csv with sidecars, unless already there from the same command.
gen() {
  local name=$1 format=wide
  shift
  case " $* " in *" long "*) format=long ;; esac
  local dir=$WORK/files/$name
  local file=$dir/$format.csv
  if [ -f "$file" ] && [ "$(cat "$dir/command" 2>/dev/null)" = "$*" ] && cmp -s "$dir/built-by" "$P"; then
    echo "$file"
    return
  fi
  log "generating $name: parlens gen $*"
  mkdir -p "$dir"
  "$P" gen "$@" -o "$file" --sidecars "$dir"
  echo "$*" >"$dir/command"
  cp "$P" "$dir/built-by"
  echo "$file"
}
units_of() { echo $(($1 / SCALE)); }
L_FILE=$(gen L --workload L --units "$(units_of $L_UNITS)")
if wants growth || wants memory; then
  L_LONG=$(gen L-long --workload L --units "$(units_of $L_UNITS)" --format long)
fi
BIG_UNITS=$(units_of 200000)
if wants growth || wants dashboard; then
  BIG_FILE=$(gen "u$BIG_UNITS" --workload L --units "$BIG_UNITS")
fi

# ---------------------------------------------------------------- machine
{
  rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git status --porcelain --untracked-files=no -- . ':!BENCHMARKS.md' 2>/dev/null)" ]; then rev="$rev with uncommitted changes"; fi
  echo "| | |"
  echo "| --- | --- |"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores |"
  echo "| Memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) |"
  echo "| OS | $(uname -sr) |"
  echo "| Go | $(go version | awk '{print $3, $4}') |"
  echo "| parlens | revision $rev |"
  if wants tools; then
    echo "| Miller | $(mlr --version) |"
    echo "| VisiData | $(vd --version 2>/dev/null | awk '{print $NF}') |"
    echo "| Node.js | $(node --version) |"
    echo "| DuckDB | \`@duckdb/node-api\` $(node -p "require('$DUCKDB_DIR/node_modules/@duckdb/node-api/package.json').version") |"
  fi
} >"$FRAG/machine.md"

# ---------------------------------------------------------------- (a) tools on L wide
if wants tools; then
  log "tools on L wide ($RUNS runs each, VisiData $VD_RUNS)"
  before=$(loadavg)
  F=$L_FILE
  QT=$WORK/duckdb-query-times
  : >"$QT"
  DUCK="DUCKDB_NODE_DIR=$DUCKDB_DIR DUCKDB_QUERY_TIMES=$QT node $ROOT/bench/duckdb/summary.cjs $F"
  names=(summary brief miller miller-top visidata duckdb floor)
  whats=(
    "the job: grade counts, leader, bottom, mean and movement per year and bloc, as JSON"
    "drafts the latest year's briefing (analysis included), as Markdown"
    "part of the job: leader per (year, bloc), then grade counts per (year, bloc)"
    "less than the job: the leader alone"
    "loads the file and saves it"
    "the whole job in one SQL query (end to end, Node.js start included)"
    "reads every row and parses every number, keeps nothing, one core"
  )
  cmds=(
    "$P summary --format json $F"
    "$P brief $F"
    "mlr --icsv --ojson top -n 1 -f total -g year,bloc -a $F && mlr --icsv --ojson count-distinct -f year,bloc,grade $F"
    "mlr --icsv --ojson top -n 1 -f total -g year,bloc -a $F"
    "vd -b $F -o $WORK/vd-out.csv"
    "$DUCK"
    "$FLOOR $F"
  )
  labels=("**parlens** \`summary\`" "parlens \`brief\`" "Miller" "Miller, \`top\` only" "VisiData" "DuckDB" "floor: \`encoding/csv\`")
  args=()
  for i in "${!names[@]}"; do
    n=${names[$i]}
    if [ "$n" = visidata ]; then n="visidata:$VD_RUNS"; fi
    args+=("$n=${cmds[$i]}")
  done
  # DuckDB must answer what parlens answers, or the race is not fair: compare once.
  "$P" summary --format json "$F" >"$WORK/same-parlens.json"
  DUCKDB_NODE_DIR=$DUCKDB_DIR node bench/duckdb/summary.cjs "$F" >"$WORK/same-duckdb.json"
  if same=$(node bench/duckdb/same.cjs "$WORK/same-parlens.json" "$WORK/same-duckdb.json"); then
    same="DuckDB's result, checked against \`parlens summary\` on this file (\`bench/duckdb/same.cjs\`): $same."
  else
    echo "$same" >&2
    same="**DuckDB's result differs from \`parlens summary\` on this file** (\`bench/duckdb/same.cjs\`): $(echo "$same" | tail -1)."
  fi
  timeit "$RUNS" "$WORK/tools.csv" "${args[@]}"
  # DuckDB's query times: the last runs' (the warm-up round wrote one first)
  tail -n "$RUNS" "$QT" | sort -n >"$QT.sorted"
  q_min=$(head -1 "$QT.sorted")
  q_med=$(awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }' "$QT.sorted")
  floor=$(col "$WORK/tools.csv" floor median_s)
  pl=$(col "$WORK/tools.csv" summary median_s)
  {
    echo "L wide: $(commas "$(rows_of "$F")") rows, $(calc 'printf "%.1f", s / 1e6' "s=$(stat -c %s "$F")") MB."
    echo
    echo "| tool | what it does | command | runs | min (s) | median (s) | × floor | parlens \`summary\` is faster by | peak RSS (MiB) |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for i in "${!names[@]}"; do
      n=${names[$i]}
      med=$(col "$WORK/tools.csv" "$n" median_s)
      faster="—"
      case $n in summary | floor | brief) ;; *) faster=$(calc 'printf "%.1f×", m / p' "m=$med" "p=$pl") ;; esac
      cmd=${cmds[$i]}
      if [ "$n" = duckdb ]; then cmd="node bench/duckdb/summary.cjs $F"; fi
      printf '| %s | %s | `%s` | %s | %.3f | %.3f | %.2f | %s | %.0f |\n' "${labels[$i]}" "${whats[$i]}" "$(show "$cmd")" \
        "$(col "$WORK/tools.csv" "$n" runs)" "$(col "$WORK/tools.csv" "$n" min_s)" "$med" \
        "$(calc 'printf "%.6f", m / f' "m=$med" "f=$floor")" "$faster" \
        "$(calc 'printf "%.6f", k / 1024' "k=$(col "$WORK/tools.csv" "$n" peak_rss_kib)")"
      if [ "$n" = duckdb ]; then
        printf '| DuckDB, query only | the same runs, timed inside the script: opening the database to holding the result | | %s | %.3f | %.3f | %.2f | %s | — |\n' \
          "$RUNS" "$q_min" "$q_med" "$(calc 'printf "%.6f", m / f' "m=$q_med" "f=$floor")" "$(calc 'printf "%.1f×", m / p' "m=$q_med" "p=$pl")"
      fi
    done
    echo
    echo "Rounds: $RUNS (VisiData in the first $VD_RUNS), after $WARMUP warm-up. $(loadline "$before")"
    echo
    echo "$same"
  } >"$FRAG/tools.md"
  br=$(col "$WORK/tools.csv" brief median_s)
  r=$(calc 'printf "%.2f", b / s' "b=$br" "s=$pl")
  budget "\`brief\` at most 1.3× \`summary\` on L" "${r}× ($(calc 'printf "%.3f s against %.3f s", b, s' "b=$br" "s=$pl"))" "$(verdict "$(calc 'print (b / s <= 1.3)' "b=$br" "s=$pl")")"
fi

# ---------------------------------------------------------------- (b) growth
if wants growth; then
  log "growth: summary and the floor on each file"
  before=$(loadavg)
  {
    echo "| file | rows | MB | runs | \`summary\` min (s) | \`summary\` median (s) | floor median (s) | × floor | ms per MB | peak RSS (MiB) | RSS ÷ file |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  } >"$FRAG/growth.md"
  row() { # row LABEL KEY FILE RUNS
    local label=$1 key=$2 file=$3 runs=$4
    timeit "$runs" "$WORK/growth-$key.csv" "summary=$P summary --format json $file" "floor=$FLOOR $file"
    local size t tmin f rss
    size=$(stat -c %s "$file")
    t=$(col "$WORK/growth-$key.csv" summary median_s)
    tmin=$(col "$WORK/growth-$key.csv" summary min_s)
    f=$(col "$WORK/growth-$key.csv" floor median_s)
    rss=$(col "$WORK/growth-$key.csv" summary peak_rss_kib)
    printf '| %s | %s | %.1f | %s | %.3f | %.3f | %.3f | %.2f | %.1f | %.0f | %.2f |\n' "$label" "$(commas "$(rows_of "$file")")" \
      "$(calc 'printf "%.6f", s / 1e6' "s=$size")" "$runs" "$tmin" "$t" "$f" "$(calc 'printf "%.6f", t / f' "t=$t" "f=$f")" \
      "$(calc 'printf "%.6f", t * 1000 / (s / 1e6)' "t=$t" "s=$size")" "$(calc 'printf "%.6f", k / 1024' "k=$rss")" \
      "$(calc 'printf "%.6f", k * 1024 / s' "k=$rss" "s=$size")" >>"$FRAG/growth.md"
    # key,size,median,floor,rss_kib for the budgets
    echo "$key,$size,$t,$f,$rss" >>"$WORK/growth.csv"
  }
  : >"$WORK/growth.csv"
  for u in $GROWTH_UNITS; do
    n=$(units_of "$u")
    if [ "$u" = "$L_UNITS" ]; then file=$L_FILE; else file=$(gen "u$n" --workload L --units "$n"); fi
    runs=$RUNS
    if [ "$u" -gt "$L_UNITS" ]; then runs=$BIG_RUNS; fi
    label="wide, $(commas "$n") units"
    if [ "$u" = "$L_UNITS" ]; then label="$label (L)"; fi
    row "$label" "$u" "$file" "$runs"
  done
  row "long, $(commas "$(units_of $L_UNITS)") units (L long)" long "$L_LONG" "$BIG_RUNS"
  {
    echo
    echo "Rounds: $RUNS up to L, $BIG_RUNS above it and for the long file, after $WARMUP warm-up. $(loadline "$before")"
  } >>"$FRAG/growth.md"
  g() { awk -F, -v k="$1" -v c="$2" '$1 == k { print $c }' "$WORK/growth.csv"; } # g KEY FIELD (2 size, 3 median, 4 floor, 5 rss)
  for key in $L_UNITS 200000; do
    what="L"
    if [ "$key" = 200000 ]; then what="$(commas "$BIG_UNITS") units"; fi
    budget "\`summary\` at most 0.6× the floor on $what" "$(calc 'printf "%.2f×", t / f' "t=$(g "$key" 3)" "f=$(g "$key" 4)")" \
      "$(verdict "$(calc 'print (t / f <= 0.6)' "t=$(g "$key" 3)" "f=$(g "$key" 4)")")"
  done
  for key in $L_UNITS 200000; do
    what="L"
    if [ "$key" = 200000 ]; then what="$(commas "$BIG_UNITS") units"; fi
    x=$(calc 'printf "%.2f", k * 1024 / s' "k=$(g "$key" 5)" "s=$(g "$key" 2)")
    budget "peak RSS of \`summary\` on the wide file at most 3× the file, $what" "${x}×" "$(verdict "$(calc 'print (x <= 3)' "x=$x")")"
  done
  per() { calc 'printf "%.6f", t * 1000 / (s / 1e6)' "t=$(g "$1" 3)" "s=$(g "$1" 2)"; }
  a=$(per $L_UNITS) b=$(per 200000)
  budget "\`summary\` time per MB at $(commas "$BIG_UNITS") units within 15% of its value at $(commas "$(units_of $L_UNITS)")" \
    "$(calc 'printf "%.1f ms/MB against %.1f: %+.0f%%", b, a, (b / a - 1) * 100' "a=$a" "b=$b")" \
    "$(verdict "$(calc 'print (b / a <= 1.15)' "a=$a" "b=$b")")"
  lt=$(g long 3) lx=$(calc 'printf "%.2f", k * 1024 / s' "k=$(g long 5)" "s=$(g long 2)")
  budget "\`summary\` on L long under 10 s" "$(calc 'printf "%.2f s", t' "t=$lt")" "$(verdict "$(calc 'print (t < 10)' "t=$lt")")"
  budget "peak RSS of \`summary\` on L long at most 2.5× the file" "${lx}×" "$(verdict "$(calc 'print (x <= 2.5)' "x=$lx")")"
fi

# ---------------------------------------------------------------- (c) load in process
# gobench PATTERN: the benchmark lines of go test's output as "name metric=value ..." (unit names as keys).
gobench_lines() {
  awk '/^Benchmark/ {
    name = $1; sub(/-[0-9]+$/, "", name); line = name
    for (i = 3; i < NF; i += 2) line = line " " $(i + 1) "=" $i
    print line
  }'
}
metric() { # metric LINES NAME UNIT
  awk -v n="$2" -v u="$3" '$1 == n { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == u) print kv[2] } }' "$1"
}
if wants load; then
  log "load benchmarks (go test ./data)"
  before=$(loadavg)
  go test ./data -run '^$' -bench 'Load$' -benchtime "$LOAD_BENCHTIME" -count 1 | tee "$WORK/load.txt" | gobench_lines >"$WORK/load.lines"
  go test ./data -run '^$' -bench 'LoadXLSX/ratio' -benchtime 3x -count 1 | tee "$WORK/loadxlsx.txt" | gobench_lines >>"$WORK/load.lines"
  L=$WORK/load.lines
  ms() { calc 'printf "%.1f ms", v / 1e6' "v=$(metric "$L" "$1" ns/op)"; }
  xcsv=$(metric "$L" BenchmarkLoad/ratio x-csv)
  heapx=$(metric "$L" BenchmarkLoad/parlens heap-x)
  peakx=$(metric "$L" BenchmarkLoad/parlens peak-x)
  xx=$(metric "$L" BenchmarkLoadXLSX/ratio x-excelize)
  {
    echo "| benchmark | time per load | figure | budget | |"
    echo "| --- | ---: | ---: | ---: | --- |"
    echo "| \`BenchmarkLoad/encoding_csv\` (the bare read) | $(ms BenchmarkLoad/encoding_csv) | | | |"
    echo "| \`BenchmarkLoad/parlens\` | $(ms BenchmarkLoad/parlens) | heap-x $heapx | 3× | $(verdict "$(calc 'print (x <= 3)' "x=$heapx")") |"
    echo "| | | peak-x $peakx | 3× | $(verdict "$(calc 'print (x <= 3)' "x=$peakx")") |"
    echo "| \`BenchmarkLoad/ratio\` (both, alternated) | $(ms BenchmarkLoad/ratio) | x-csv $xcsv | 2× | $(verdict "$(calc 'print (x <= 2)' "x=$xcsv")") |"
    echo "| \`BenchmarkLoadXLSX/ratio\` (M as .xlsx, against excelize) | $(ms BenchmarkLoadXLSX/ratio) | x-excelize $xx | 1.5× | $(verdict "$(calc 'print (x <= 1.5)' "x=$xx")") |"
    echo
    echo "\`-benchtime $LOAD_BENCHTIME\` (the .xlsx ratio \`-benchtime 3x\`). $(loadline "$before")"
  } >"$FRAG/load.md"
fi

# ---------------------------------------------------------------- (d) dashboard
if wants dashboard; then
  log "dashboard: first frame (tmux) and the 200,000-unit key latency"
  before=$(loadavg)
  # firstframe FILE LABEL BUDGET_S: a row of the first-frame table and its budget.
  firstframe() {
    local file=$1 label=$2 limit=$3
    PARLENS_BIN=$P bench/firstframe.sh "$file" "$FRAME_RUNS" | tee "$WORK/ff.txt" >&2
    local stats
    stats=$(awk '
      /loading screen [0-9.]+ s/ { match($0, /loading screen [0-9.]+/); l[++nl] = substr($0, RSTART + 15, RLENGTH - 15) }
      /first frame with data [0-9.]+ s/ { match($0, /with data [0-9.]+/); d[++nd] = substr($0, RSTART + 10, RLENGTH - 10) }
      /first frame with data not seen/ { miss++ }
      function sortv(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } }
      END {
        sortv(l, nl); sortv(d, nd)
        med = nd == 0 ? "" : (nd % 2 ? d[(nd + 1) / 2] : (d[nd / 2] + d[nd / 2 + 1]) / 2)
        printf "%s|%s|%s|%s|%s|%d|%d\n", (nl ? l[1] : ""), (nl ? l[nl] : ""), (nd ? d[1] : ""), med, (nd ? d[nd] : ""), miss + 0, nl
      }' "$WORK/ff.txt")
    IFS='|' read -r lmin lmax dmin dmed dmax miss nl <<<"$stats"
    local loading="not seen (the data came first)"
    if [ "$nl" -gt 0 ]; then loading=$(calc 'printf "%.2f–%.2f s", a, b' "a=$lmin" "b=$lmax"); fi
    if [ "$nl" -gt 0 ] && [ "$nl" -lt "$FRAME_RUNS" ]; then loading="$loading (seen in $nl of $FRAME_RUNS runs)"; fi
    if [ -z "$dmed" ]; then
      printf '| %s | %s | | not seen | | |\n' "$label" "$FRAME_RUNS" >>"$FRAG/dashboard.md"
      budget "dashboard's first data frame on $label under $limit s" "not seen in $FRAME_RUNS runs" "**not met**"
      return
    fi
    printf '| %s | %s | %s | %.2f s | %.2f s | %.2f s |\n' "$label" "$FRAME_RUNS" "$loading" "$dmin" "$dmed" "$dmax" >>"$FRAG/dashboard.md"
    local ok
    ok=$(calc 'print (d < l && m == 0)' "d=$dmax" "l=$limit" "m=$miss")
    budget "dashboard's first data frame on $label under $limit s" "$(calc 'printf "%.2f s (slowest of %d)", d, n' "d=$dmax" "n=$FRAME_RUNS")" "$(verdict "$ok")"
  }
  {
    echo "| file | runs | loading screen | first data frame, min | median | max |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  } >"$FRAG/dashboard.md"
  firstframe "$L_FILE" "L" 1
  firstframe "$BIG_FILE" "$(commas "$BIG_UNITS") units" 3
  {
    echo
    echo "$(loadline "$before")"
    echo
  } >>"$FRAG/dashboard.md"
  before=$(loadavg)
  go test ./tui -run '^$' -bench 'Dashboard200k' -benchtime "$TUI_BENCHTIME" -count 1 2>&1 | tee "$WORK/tui.txt" | gobench_lines >"$WORK/tui.lines" || true
  if grep -q 'max-frame-ms=' "$WORK/tui.lines"; then
    {
      echo "| sub-benchmark | max-frame-ms | budget | |"
      echo "| --- | ---: | ---: | --- |"
    } >>"$FRAG/dashboard.md"
    worst="" worstname="" all=1
    while read -r name rest; do
      v=$(metric "$WORK/tui.lines" "$name" max-frame-ms)
      [ -n "$v" ] || continue
      ok=$(calc 'print (v <= 100)' "v=$v")
      [ "$ok" = 1 ] || all=0
      if [ -z "$worst" ] || [ "$(calc 'print (v > w)' "v=$v" "w=$worst")" = 1 ]; then worst=$v worstname=$name; fi
      printf '| `%s` | %.1f | 100 | %s |\n' "$name" "$v" "$(verdict "$ok")" >>"$FRAG/dashboard.md"
    done <"$WORK/tui.lines"
    {
      echo
      echo "\`-benchtime $TUI_BENCHTIME\`. $(loadline "$before")"
    } >>"$FRAG/dashboard.md"
    budget "every view and switch at 200,000 units draws a frame within 100 ms of the key" "longest $(calc 'printf "%.1f", v' "v=$worst") ms (\`$worstname\`)" "$(verdict "$all")"
  else
    echo "\`BenchmarkDashboard200k\`: not measured (no such benchmark in \`./tui\` at this revision, or it failed; see \`go test ./tui -run '^\$' -bench Dashboard200k\`)." >>"$FRAG/dashboard.md"
    budget "every view and switch at 200,000 units draws a frame within 100 ms of the key" "not measured" "—"
  fi
fi

# ---------------------------------------------------------------- (e) scorecards
if wants scorecard; then
  if "$P" help 2>&1 | grep -qE '^[[:space:]]+scorecard[[:space:]]'; then
    log "scorecard --all on L ($SCORECARD_RUNS runs)"
    before=$(loadavg)
    SC=$WORK/scorecards
    rm -rf "$SC"
    mkdir -p "$SC"
    if ! timeit "$SCORECARD_RUNS" "$WORK/scorecard.csv" "scorecard=d=\$(mktemp -d -p $SC) && $P scorecard --all -o \"\$d\" $L_FILE" 2>"$WORK/scorecard.err"; then
      # it lands with another branch: a failure is reported, not fatal to the rest of the run
      cat "$WORK/scorecard.err" >&2
      {
        echo "Not measured: \`parlens scorecard --all -o DIR L.csv\` failed:"
        echo
        echo '```'
        sed "s|$WORK/[a-z/]*||g" "$WORK/scorecard.err" | head -5
        echo '```'
      } >"$FRAG/scorecard.md"
      budget "\`scorecard --all\` on L finishes" "failed" "**not met**"
      rm -rf "$SC"
    else
      last=$(find "$SC" -mindepth 1 -maxdepth 1 -type d | head -1)
      docs=$(find "$last" -type f | wc -l)
      kib=$(du -sk "$last" | cut -f1)
      rm -rf "$SC"
      {
        echo "| command | units | documents written | size | runs | min (s) | median (s) | peak RSS (MiB) |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        printf '| `parlens scorecard --all -o DIR L.csv` | %s | %s | %.1f MB | %s | %.2f | %.2f | %.0f |\n' \
          "$(commas "$(units_of $L_UNITS)")" "$(commas "$docs")" "$(calc 'printf "%.6f", k * 1024 / 1e6' "k=$kib")" "$SCORECARD_RUNS" \
          "$(col "$WORK/scorecard.csv" scorecard min_s)" "$(col "$WORK/scorecard.csv" scorecard median_s)" \
          "$(calc 'printf "%.6f", k / 1024' "k=$(col "$WORK/scorecard.csv" scorecard peak_rss_kib)")"
        echo
        echo "$(loadline "$before")"
      } >"$FRAG/scorecard.md"
      budget "\`scorecard --all\` on L finishes" "$(calc 'printf "%.2f s (median)", t' "t=$(col "$WORK/scorecard.csv" scorecard median_s)")" met
    fi
  else
    echo "Not measured: \`parlens help\` does not list \`scorecard\` at this revision." >"$FRAG/scorecard.md"
    budget "\`scorecard --all\` on L finishes" "not measured" "—"
  fi
fi

# ---------------------------------------------------------------- memory check transcript
if wants memory; then
  log "memory check on L long with GOMEMLIMIT=800MiB"
  set +e
  msg=$(GOMEMLIMIT=800MiB "$P" summary --format json "$L_LONG" 2>&1 >/dev/null)
  code=$?
  set -e
  {
    echo '```'
    echo "\$ GOMEMLIMIT=800MiB parlens summary $(show "$L_LONG")"
    if [ -n "$msg" ]; then echo "$msg" | sed "s|$WORK/files/||g"; fi
    echo "(exit status $code)"
    echo '```'
  } >"$FRAG/memory.md"
fi

# ---------------------------------------------------------------- budgets and the file
{
  echo "| budget | measured | |"
  echo "| --- | --- | --- |"
  awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$BUDGETS"
} >"$FRAG/budgets.md"
{
  mode="the full run"
  if [ "$quick" = 1 ]; then mode="**a quick run (\`--quick\`): files 100× smaller, one run each — these are not the figures**"; fi
  top=$(sort -g "$FRAG/loads" | tail -1)
  echo "This file: $mode, $(date -u '+%Y-%m-%d %H:%M UTC'), parlens revision $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "Rounds: $RUNS (tools; growth up to L), VisiData $VD_RUNS, above L and long $BIG_RUNS, first frame $FRAME_RUNS, scorecards $SCORECARD_RUNS."
  # the load average counts the run's own work too (parlens and the other
  # tools use both cores, scorecard --all writes 16 files at a time), so
  # only a busy machine at the start says that other work competed
  echo "Load average (1 minute) $START_LOAD at the start, at most $top between tables (the run's own work included)."
  if [ "$(calc 'print (t > 1)' "t=$START_LOAD")" = 1 ]; then
    echo "**The machine was busy when the run started (load $START_LOAD on $(nproc) cores): other work competed for the CPU, so the times are upper bounds and the ratios are rough.**"
  fi
} >"$FRAG/generated.md"

# render TEMPLATE: each line that is exactly {{name}} becomes $FRAG/name.md.
render() {
  awk -v frag="$FRAG" '
    /^\{\{[a-z]+\}\}$/ {
      name = substr($0, 3, length($0) - 4); file = frag "/" name ".md"
      if ((getline line < file) <= 0) { print "not measured in this run"; next }
      print line
      while ((getline line < file) > 0) print line
      close(file); next
    }
    { print }' "$1"
}
if [ -n "$only" ]; then
  result() { for t in generated machine $TABLES budgets; do cat "$FRAG/$t.md"; echo; done; }
else
  result() { render bench/BENCHMARKS.tmpl.md; }
fi
if [ "$out" = - ]; then
  result
else
  tmp=$(mktemp "$(dirname "$out")/.$(basename "$out").XXXXXX")
  result >"$tmp"
  chmod 644 "$tmp"
  mv "$tmp" "$out"
  log "wrote $out"
fi

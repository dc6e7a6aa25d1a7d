#!/usr/bin/env bash
# bench/compare.sh — parlens next to the tools an analyst would otherwise use,
# on the same generated L file (20,000 units × 10 years × 30 criteria, wide),
# in one run, with ratios. See BENCHMARKS.md for the figures and what each
# command does.
#
#   bench/compare.sh            # everything (about 3 minutes on 2 cores)
#   RUNS=5 bench/compare.sh     # fewer timed runs per command (default 10)
#   LONG=0 bench/compare.sh     # skip the 6M-row long file (540 MB)
#   BENCH_DIR=/path bench/compare.sh   # where files go (default /tmp/parlens-bench)
#
# Needs Go (to build parlens and the floor). Installs hyperfine, miller,
# visidata and time with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
VD_RUNS=${VD_RUNS:-3}
LONG=${LONG:-1}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/parlens-bench}

have() { command -v "$1" >/dev/null 2>&1; }
missing=()
have hyperfine || missing+=(hyperfine)
have mlr || missing+=(miller)
have vd || missing+=(visidata)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} with apt-get"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! have go; then
  echo "compare.sh: Go (1.26 or newer) is needed to build parlens and the floor" >&2
  exit 1
fi

mkdir -p "$WORK/bin" "$WORK/L"
echo "== building parlens and the encoding/csv floor"
go build -o "$WORK/bin/parlens" .
go build -o "$WORK/bin/csvread" ./bench/csvread
P=$WORK/bin/parlens
F=$WORK/L/wide.csv

echo "== generating L: parlens gen --workload L -o $F --sidecars $WORK/L"
"$P" gen --workload L -o "$F" --sidecars "$WORK/L"
size=$(stat -c %s "$F")
rows=$(($(wc -l <"$F") - 1))

echo
echo "== machine"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
echo "cpu: $cpu, $(nproc) cores; memory: $mem; $(uname -sr)"
echo "$(go version); $(mlr --version); visidata $(vd --version 2>/dev/null | awk '{print $NF}'); $(hyperfine --version)"
echo "file: $F, $rows rows, $size bytes"

# The jobs. parlens and Miller produce the leader and the grade counts of
# every (year, bloc); VisiData loads and saves the file; the floor reads it.
PARLENS="$P summary --format json $F"
MILLER="mlr --icsv --ojson top -n 1 -f total -g year,bloc -a $F && mlr --icsv --ojson count-distinct -f year,bloc,grade $F"
MILLER_TOP="mlr --icsv --ojson top -n 1 -f total -g year,bloc -a $F"
VISIDATA="vd -b $F -o $WORK/vd-out.csv"
FLOOR="$WORK/bin/csvread $F"
CAT="cat $F"

echo
echo "== timing (hyperfine, $RUNS runs each; VisiData $VD_RUNS)"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-csv "$WORK/fast.csv" \
  -n parlens "$PARLENS" -n miller "$MILLER" -n miller-top "$MILLER_TOP" \
  -n encoding-csv "$FLOOR" -n cat "$CAT" >/dev/null
hyperfine --style basic --runs "$VD_RUNS" --export-csv "$WORK/vd.csv" -n visidata "$VISIDATA" >/dev/null

echo "== peak memory (/usr/bin/time -v, one run each)"
rss() { # prints the maximum resident set size in KiB of a shell command
  /usr/bin/time -v sh -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
{
  echo "command,rss_kib"
  echo "parlens,$(rss "$PARLENS")"
  echo "miller,$(rss "$MILLER")"
  echo "miller-top,$(rss "$MILLER_TOP")"
  echo "visidata,$(rss "$VISIDATA")"
  echo "encoding-csv,$(rss "$FLOOR")"
  echo "cat,$(rss "$CAT")"
} >"$WORK/rss.csv"

mlr --icsv --ocsv cat "$WORK/fast.csv" "$WORK/vd.csv" >"$WORK/all.csv"
floor=$(mlr --icsv --onidx filter '$command == "encoding-csv"' then cut -f mean "$WORK/all.csv")
pl=$(mlr --icsv --onidx filter '$command == "parlens"' then cut -f mean "$WORK/all.csv")

echo
echo "== results on L wide ($rows rows, $((size / 1000000)) MB)"
mlr --icsv --opprint --barred join -j command -f "$WORK/all.csv" \
  then put -S '
    $mean_s = fmtnum($mean, "%.3f");
    $stddev_s = fmtnum($stddev, "%.3f");
    $x_floor = fmtnum($mean / '"$floor"', "%.2f");
    $x_parlens = fmtnum($mean / '"$pl"', "%.1f");
    $peak_rss_mib = fmtnum($rss_kib / 1024, "%.0f");
  ' then cut -o -f command,mean_s,stddev_s,x_floor,x_parlens,peak_rss_mib "$WORK/rss.csv"
echo "x_floor: time / the encoding/csv floor; x_parlens: time / parlens (how many times parlens is faster)"
awk -v p="$pl" -v f="$floor" 'BEGIN {
  r = p / f
  printf "budget: parlens summary within 1.5x the floor: %.2fx — %s\n", r, (r <= 1.5 ? "met" : "MISSED")
}'

if [ "$LONG" = 1 ]; then
  mkdir -p "$WORK/Llong"
  FL=$WORK/Llong/long.csv
  echo
  echo "== generating L long: parlens gen --workload L --format long -o $FL --sidecars $WORK/Llong"
  "$P" gen --workload L --format long -o "$FL" --sidecars "$WORK/Llong"
  lsize=$(stat -c %s "$FL")
  lrows=$(($(wc -l <"$FL") - 1))
  hyperfine --style basic --warmup 1 --runs 3 --export-csv "$WORK/long.csv" \
    -n parlens-long "$P summary --format json $FL" -n encoding-csv-long "$WORK/bin/csvread $FL" >/dev/null
  lrss=$(rss "$P summary --format json $FL")
  lt=$(mlr --icsv --onidx filter '$command == "parlens-long"' then cut -f mean "$WORK/long.csv")
  lf=$(mlr --icsv --onidx filter '$command == "encoding-csv-long"' then cut -f mean "$WORK/long.csv")
  echo "== results on L long ($lrows rows, $((lsize / 1000000)) MB)"
  awk -v t="$lt" -v f="$lf" -v rss="$lrss" -v size="$lsize" 'BEGIN {
    x = rss * 1024 / size
    printf "parlens summary: %.2f s (floor %.2f s, %.2fx); peak RSS %.0f MiB = %.2fx the file\n", t, f, t / f, rss / 1024, x
    printf "budget: under 10 s: %s; peak RSS under 2.5x the file: %s\n", (t < 10 ? "met" : "MISSED"), (x < 2.5 ? "met" : "MISSED")
  }'
fi

#!/usr/bin/env bash
# bench/firstframe.sh FILE [RUNS] — how soon the dashboard shows a file:
# starts `parlens FILE` in a detached 160×50 tmux session and polls the pane
# every 30 ms, printing when the loading screen (with its progress bar)
# appears and when the first frame with data (not a spinner) does. The poll itself costs
# CPU on a 2-core machine, so the figures are upper bounds within ±30 ms.
# PARLENS_BIN=path uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: bench/firstframe.sh FILE [RUNS]}
runs=${2:-5}
if ! command -v tmux >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq tmux >/dev/null
fi
# PARLENS_BIN: a parlens already built (bench/report.sh passes its own)
parlens=${PARLENS_BIN:-}
if [ -z "$parlens" ]; then
  bin=$(mktemp -d)
  trap 'rm -rf "$bin"' EXIT
  go build -o "$bin/parlens" .
  parlens=$bin/parlens
fi
now() { date +%s.%N; }
for ((i = 1; i <= runs; i++)); do
  s=parlens-ff-$$-$i
  start=$(now)
  tmux new-session -d -s "$s" -x 160 -y 50 "$(printf %q "$parlens") $(printf %q "$file")"
  loading="" ready=""
  for ((n = 0; n < 2000; n++)); do # 60 s at most
    pane=$(tmux capture-pane -p -t "$s" 2>/dev/null || true)
    if [ -z "$loading" ] && grep -q "Đang đọc" <<<"$pane"; then loading=$(now); fi
    # the data frame's header names the dataset's years; the loading screen
    # does not; on a large dataset the overview first shows a spinner (with the
    # header and its years) while it is summarised off the update loop, and
    # that is not yet data: its hint says the keys still work
    if grep -qE "\b(19|20)[0-9]{2}\b" <<<"$pane" && ! grep -q "Đang đọc" <<<"$pane" &&
      ! grep -q "Các phím vẫn dùng được" <<<"$pane"; then ready=$(now); break; fi
    sleep 0.03
  done
  tmux kill-session -t "$s" 2>/dev/null || true
  awk -v s="$start" -v l="$loading" -v r="$ready" 'BEGIN {
    printf "run: loading screen %s, first frame with data %s\n",
      (l == "" ? "not seen" : sprintf("%.2f s", l - s)), (r == "" ? "not seen" : sprintf("%.2f s", r - s))
  }'
done

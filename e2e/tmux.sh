#!/usr/bin/env bash
# End-to-end test of the parlens dashboard in a real terminal (tmux).
#
# It builds the binary, runs it in a private tmux server, sends keys the way a
# person would (switch views, filter "cam le", drill into a unit, mark a fact,
# write the briefing, resize to 60×20 and back, quit) and asserts on what the
# pane shows (capture-pane), that the briefing file exists, and that the
# terminal is restored after quitting (alternate screen off, shell prompt
# back) — also after SIGTERM. It then opens the hostile corpus
# (testdata/hostile) in the dashboard and prints it with the CLI: the screen
# shows the escape sequences inert (␛…), and the terminal's title, window
# name and clipboard (tmux buffers, with set-clipboard on) are untouched —
# a canary first proves the checks would see an attack. It crashes a build
# made to panic (-tags parlens_crashtest) in Update, View, a command and the
# load: each time the terminal is restored (cooked mode, cursor, mouse and
# alternate screen off) and the error is printed with a hint to report it.
# It opens in English on the second index and a given year, switches the
# language with L, and goes to a unit with the picker (f). It opens a dataset
# with the PAR tree and drills from an area into its criteria and back. It
# then checks the no-terminal overview.
#
# Usage: e2e/tmux.sh            (from anywhere; needs go, and tmux or apt-get)
# Env:   PARLENS_BIN=path       use a built binary instead of building one
#        E2E_SCREENS=dir        keep the captured screens there
#        E2E_TIMEOUT=seconds    per wait (default 10)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parlens-e2e.XXXXXX")
SCREENS=${E2E_SCREENS:-$WORK/screens}
TIMEOUT=${E2E_TIMEOUT:-10}
mkdir -p "$SCREENS"
SOCK="$WORK/tmux.sock"
S=parlens-e2e
PASS=0

log() { printf '%s\n' "$*"; }
die() {
	log "FAIL: $*"
	if [ -S "$SOCK" ]; then
		# the size tmux gives the pane: a screen drawn for another width wraps
		log "---- pane ($(tmux -S "$SOCK" display -p -t "$S" '#{pane_width}×#{pane_height}' 2>/dev/null || echo '?')) ----"
		tmux -S "$SOCK" capture-pane -p -t "$S" 2>/dev/null || true
		log "--------------"
	fi
	cleanup
	exit 1
}
cleanup() {
	if [ -S "$SOCK" ]; then tmux -S "$SOCK" kill-server 2>/dev/null || true; fi
}
trap cleanup EXIT

# --- tools ---------------------------------------------------------------------
if ! command -v tmux >/dev/null 2>&1; then
	log "installing tmux…"
	if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
	$SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq tmux >/dev/null || die "cannot install tmux"
fi
log "tmux: $(tmux -V)"

BIN=${PARLENS_BIN:-$WORK/parlens}
if [ -z "${PARLENS_BIN:-}" ]; then
	log "building parlens…"
	(cd "$ROOT" && go build -o "$BIN" .) || die "go build failed"
fi
[ -x "$BIN" ] || die "no binary at $BIN"

# --- helpers ---------------------------------------------------------------------
T() { tmux -S "$SOCK" "$@"; }
screen() { T capture-pane -p -t "$S"; }
screen_joined() { T capture-pane -p -J -S -100 -t "$S"; }
keys() { T send-keys -t "$S" "$@"; }
text() { T send-keys -t "$S" -l "$1"; }

# wait_for TEXT...: every TEXT is on screen within the timeout.
wait_for() {
	local deadline=$((SECONDS + TIMEOUT)) s t ok
	while :; do
		s=$(screen)
		ok=1
		for t in "$@"; do
			case "$s" in *"$t"*) ;; *) ok=0 ;; esac
		done
		[ $ok = 1 ] && return 0
		[ $SECONDS -ge $deadline ] && die "timed out waiting for: $*"
		sleep 0.02
	done
}

# wait_gone TEXT: TEXT leaves the screen within the timeout.
wait_gone() {
	local deadline=$((SECONDS + TIMEOUT))
	while screen | grep -qF -- "$1"; do
		[ $SECONDS -ge $deadline ] && die "timed out waiting for \"$1\" to go"
		sleep 0.1
	done
}

# check NAME: record a passed step and keep the screen.
check() {
	PASS=$((PASS + 1))
	screen >"$SCREENS/$(printf '%02d' $PASS)-$1.txt"
	log "ok $PASS - $1"
}

# every line of the pane is the pane's width, i.e. nothing wrapped or spilled
assert_full_width() {
	local w
	w=$(T display -p -t "$S" '#{pane_width}')
	local longest
	longest=$(screen | wc -L) # display width, in a UTF-8 locale
	[ "$longest" -le "$w" ] || die "a line is $longest cells wide, the pane $w"
}

alt_on() { T display -p -t "$S" '#{alternate_on}'; }

# assert_restored WHAT: the terminal is as before the dashboard: main
# screen, cursor shown, no mouse reporting, cooked mode (line editing, echo,
# signals) — asked of stty in the pane itself.
assert_restored() {
	local flags
	flags=$(T display -p -t "$S" '#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{mouse_sgr_flag} #{keypad_flag}')
	[ "$flags" = "0 1 0 0 0 0 0" ] || die "$1: terminal modes left set (alternate cursor mouse-any mouse-button mouse-standard mouse-sgr keypad): $flags"
	keys "r=RAW; c=COOKED; if stty -a | grep -qE -- '(^| )-(icanon|echo|isig)( |;|\$)'; then echo \"\$r-LEFT\"; else echo \"\$c-OK\"; fi" Enter
	wait_for "COOKED-OK"
	screen | grep -q "RAW-LEFT" && die "$1: the terminal was left in raw mode"
	return 0
}

# attack_free WHAT: nothing from a hostile file reached the terminal: the
# pane's title and the window's name are not the file's, and no clipboard
# write (OSC 52) made a tmux buffer.
attack_free() {
	local title name bufs
	title=$(T display -p -t "$S" '#{pane_title}')
	name=$(T display -p -t "$S" '#{window_name}')
	bufs=$(T list-buffers 2>/dev/null || true)
	case "$title" in *PWNED*) die "$1: the file set the terminal title: $title" ;; esac
	case "$name" in *PWNED*) die "$1: the file renamed the window: $name" ;; esac
	[ -z "$bufs" ] || die "$1: the file wrote the clipboard: $bufs"
	return 0
}

resize() {
	T resize-window -t "$S" -x "$1" -y "$2"
}

# --- the session ---------------------------------------------------------------------
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# a plain shell with a known prompt, so "the terminal is restored" is visible
T -u -f /dev/null new-session -d -s "$S" -x 80 -y 24 \
	"env -i PATH='$PATH' HOME='$WORK' TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='E2E\$ ' bash --norc --noprofile"
T set -g window-size manual
wait_for 'E2E$'
keys "cd '$WORK'" Enter
wait_for 'E2E$'
keys "clear" Enter

# 1. start on the sample: the overview
t0=$(date +%s%N)
keys "'$BIN'" Enter
wait_for "Dữ liệu minh họa" "Tổng quan" "Cơ quan Trung ương" "Năm 2024"
t1=$(date +%s%N)
log "first frame on screen after $(((t1 - t0) / 1000000)) ms (process start, load, render; tmux polling included)"
[ "$(alt_on)" = 1 ] || die "the dashboard is not on the alternate screen"
assert_full_width
check overview-80x24

# 2. ranking, the Quận, huyện bloc
keys 2
wait_for "Hạng" "±hạng" "Đơn vị" "sắp xếp: Hạng"
keys Tab Tab
wait_for "quận Hải Châu" "7/7 đơn vị"
assert_full_width
check ranking

# 3. filter "cam le" finds quận Cẩm Lệ
keys /
wait_for "enter: xong"
text "cam le"
wait_for "quận Cẩm Lệ" "1/7 đơn vị"
keys Enter
wait_for "lọc “cam le”" "1/7 đơn vị"
wait_gone "quận Hải Châu"
check filter-cam-le

# 4. drill into the unit
keys Enter
wait_for "quận Cẩm Lệ (QH-CL)" "hạng 7/7" "Lịch sử PAR Index"
assert_full_width
check unit

# 5. back, then the other views
keys Escape
wait_for "lọc “cam le”"
keys Escape
wait_for "7/7 đơn vị"
keys 4
wait_for "Biến động ·" "sự kiện"
keys Space
wait_for "Đã đánh dấu"
check movers-marked
keys 5
wait_for "TB khối" "lĩnh vực"
check components
keys 6
wait_for "Chuyển xếp loại" "Tổng"
check transitions

# 6. the briefing: write it to a file
keys 7
wait_for "Báo cáo ·"
check briefing
keys w
wait_for "Ghi vào:"
keys C-u
text "$WORK/brief.md"
keys Enter
wait_for "Đã ghi báo cáo:"
[ -s "$WORK/brief.md" ] || die "the briefing file is missing or empty"
ls "$WORK"/.brief.md.*.tmp >/dev/null 2>&1 && die "a temp file was left behind"
check briefing-written

# 7. too small, then back
resize 60 20
wait_for "Cửa sổ quá nhỏ" "60×20"
assert_full_width
check too-small-60x20
resize 80 24
wait_gone "Cửa sổ quá nhỏ"
wait_for "Báo cáo ·"
assert_full_width
check back-to-80x24

# 8. a big terminal
resize 200 60
keys 2
wait_for "C1" "C8" "Lịch sử"
assert_full_width
check ranking-200x60
keys 1
wait_for "Biến động nổi bật"
check overview-200x60
resize 80 24
wait_for "Tổng quan"

# 9. quit: q goes back to the overview, q again quits; the terminal is restored
keys 2
wait_for "sắp xếp: Hạng"
keys q
wait_for "Tổng quan ·"
keys q
wait_gone "Dữ liệu minh họa"
wait_for 'E2E$'
[ "$(alt_on)" = 0 ] || die "the alternate screen is still on after quitting"
keys "echo rc=\$?" Enter
wait_for "rc=0"
check quit-restored

# 9b. English and the opening choice: --lang, --index and --year anywhere
# among the arguments; the status line counts the indices; L switches the
# whole interface and back; ? shows English help; the unit picker (f) finds
# a unit by a fuzzy, accent-free query and opens it; the years pivot shows
# scores, then ranks (v); two units marked in the ranking are compared (c),
# with their component profiles against the bloc mean (i, G)
# the pane went 200×60 → 80×24 under the last dashboard: start the next one
# only once the terminal itself says 80×24 (tmux may pass a pane's new size
# on to its terminal later; a dashboard started before draws for 200 columns)
# (CI showed the pane 80×24 while `stty size` still said "60 200"): ask
# again, with a real resize (81 then 80 columns), until the terminal agrees
for try in $(seq 20); do
	resize 81 24 # a real change: resizing to the same size is no resize
	resize 80 24
	keys clear Enter
	keys "stty size" Enter
	sleep 0.3
	screen | grep -q "^24 80" && break
	[ "$try" = 20 ] && die "the terminal never took the pane's size 80×24"
done
keys clear Enter
wait_gone "24 80"
keys "'$BIN' --lang en --index 'van thu' --year 2023" Enter
wait_for "1 Overview" "Year 2023" "index 2/2 · i"
assert_full_width
check english-index-year
keys L
wait_for "Tổng quan" "Năm 2023" "chỉ số 2/2 · i"
check L-vietnamese
keys L
wait_for "1 Overview" "index 2/2 · i"
keys '?'
wait_for "Keys —" "next bloc" "find a unit"
check english-help
keys '?'
wait_gone "Keys —"
keys f
wait_for "Find a unit" "Unit:"
text "camle"
wait_for "quận Cẩm Lệ" "1/32 units"
keys Enter
wait_for "quận Cẩm Lệ (QH-CL)" "History"
assert_full_width
check unit-picker
keys 9
wait_for "9 Years" "2020" "scores"
keys v
wait_for "· ranks"
assert_full_width
check years-pivot
keys 2
wait_for "sort: Rank"
keys Space
wait_for "Marked to compare:"
keys Down Space
wait_for "(2)"
keys c
wait_for "Ranking › Compare" "2 units" "Grade"
assert_full_width
check compare-two-units
# the component profile against the bloc mean, on the PAR Index (i): the
# records-management index has grades only
keys i
keys G
wait_for "against the bloc mean" "Điểm thưởng (bonus)" "mean" "max"
assert_full_width
check compare-component-profile
keys C-c
wait_for 'E2E$'
[ "$(alt_on)" = 0 ] || die "alternate screen still on after ctrl+c"

# 10. NO_COLOR: still a visible selection
keys clear Enter
keys "NO_COLOR=1 '$BIN'" Enter
wait_for "Tổng quan"
keys 2
wait_for "▶"
check nocolor-ranking
keys C-c
wait_for 'E2E$'
[ "$(alt_on)" = 0 ] || die "alternate screen still on after ctrl+c"
check ctrl-c-restored

# 10b. the PAR tree (tui/testdata/tree): enter on an area of the Lĩnh vực
# heatmap opens its criteria, enter on a criterion with parts its
# sub-criteria, backspace goes back up level by level
keys clear Enter
keys "'$BIN' '$ROOT/tui/testdata/tree'" Enter
wait_for "Tổng quan"
keys 5
wait_for "5/5 đơn vị × 4 lĩnh vực"
keys Right Right Right Right Enter
wait_for "Lĩnh vực › 2 Cải cách" "3/3 tiêu chí" "Rà soát TTHC" "Một cửa liên thông ▸"
assert_full_width
check tree-area
keys Down Down Enter
wait_for "2.3 Một cửa liên thông" "Tiếp nhận hồ sơ" "2/2 tiêu chí"
check tree-sub-criteria
keys BSpace
wait_for "3/3 tiêu chí" "Rà soát TTHC"
keys BSpace
wait_for "5/5 đơn vị × 4 lĩnh vực"
wait_gone "Rà soát TTHC"
check tree-back
keys C-c
wait_for 'E2E$'

# 11. SIGTERM restores the terminal too
keys clear Enter
keys "'$BIN' & pid=\$!; fg" Enter
wait_for "Tổng quan"
shell=$(T display -p -t "$S" '#{pane_pid}')
app=$(ps -o pid= --ppid "$shell" | tr -d ' ' | head -n1)
[ -n "$app" ] || die "cannot find the dashboard's pid"
kill -TERM "$app"
wait_for 'E2E$'
[ "$(alt_on)" = 0 ] || die "alternate screen still on after SIGTERM"
keys "echo rc=\$?" Enter
wait_for "rc=143"
assert_restored sigterm
check sigterm-restored

# 12. hostile files. First a canary: tmux is set to accept title changes,
# window renames and clipboard writes from the pane, and a script does all
# three — the checks must see it. Then parlens shows the hostile corpus.
HOSTILE="$ROOT/testdata/hostile"
T set -g set-clipboard on
T set -g allow-rename on
cat >"$WORK/canary.sh" <<'EOS'
printf '\033]2;CANARY-TITLE\007'
printf '\033kCANARY-NAME\033\\'
printf '\033]52;c;%s\007' "$(printf canary | base64)"
EOS
keys clear Enter
keys "sh '$WORK/canary.sh'" Enter
deadline=$((SECONDS + TIMEOUT))
until [ "$(T display -p -t "$S" '#{pane_title}')" = CANARY-TITLE ] &&
	[ "$(T display -p -t "$S" '#{window_name}')" = CANARY-NAME ] &&
	T list-buffers 2>/dev/null | grep -q canary; do
	[ $SECONDS -ge $deadline ] && die "the canary did not land: title, window name or clipboard cannot be checked"
	sleep 0.05
done
T delete-buffer
T rename-window e2e
printf '%s\n' "printf '\\033]2;E2E\\007'" >"$WORK/untitle.sh"
keys "sh '$WORK/untitle.sh'; clear" Enter
wait_for 'E2E$'
attack_free canary-reset
log "   (canary: tmux saw a title change, a window rename and a clipboard write)"

# each hostile file in the dashboard: the overview, the ranking, the movers,
# the components; the text is on screen, inert; the layout holds
for f in title osc52 csi c1 bidi zero-width osc8 long-names; do
	case $f in
	title) marks=("␛]2;PWNED-TITLE␇") ;;
	osc52) marks=("␛]52;c;") ;;
	csi) marks=("␛[") ;;
	c1) marks=("<U+009B>") ;;
	bidi) marks=("<U+202E>") ;;
	zero-width) marks=("<U+200B>") ;;
	osc8) marks=("␛]8;") ;;
	# the ranking's unit column is 26 cells at 80 columns: the name is cut
	# with an ellipsis, the row stays one line
	long-names) marks=("Ủy ban nhân dân huyện Ủy …") ;;
	esac
	keys clear Enter
	keys "'$BIN' '$HOSTILE/$f.csv'" Enter
	wait_for "Tổng quan"
	for v in 1 2 4 5; do
		keys $v
		sleep 0.15
		assert_full_width
		attack_free "$f view $v"
	done
	keys 2
	# the ranking itself, not the view before it still on screen
	wait_for "±hạng" "sắp xếp: Hạng"
	deadline=$((SECONDS + TIMEOUT))
	until screen | grep -qF -- "${marks[0]}"; do
		[ $SECONDS -ge $deadline ] && die "$f: the ranking does not show ${marks[0]}"
		keys Tab
		sleep 0.2
	done
	check "hostile-$f"
	keys q q
	wait_for 'E2E$'
	attack_free "$f after quitting"
	assert_restored "$f"
done

# the CLI prints them to the terminal: tables, Markdown, the briefing and
# check's messages about a file that does not load
keys clear Enter
keys "for f in title osc52 csi c0 c1; do '$BIN' rank --format table '$HOSTILE/'\$f.csv; '$BIN' movers --format md '$HOSTILE/'\$f.csv; '$BIN' brief --format txt '$HOSTILE/'\$f.csv; done >/dev/tty; '$BIN' check '$HOSTILE/reject/bad-cells.csv'; echo rc=\$?" Enter
wait_for "rc=1"
screen | grep -qF "␛]52;c;" || die "check does not show the hostile cell inert"
attack_free cli
check hostile-cli

# 13. a crash restores the terminal and asks for a report: a build that
# panics on ! (or while loading), in each place a panic can happen
(cd "$ROOT" && go build -tags parlens_crashtest -o "$WORK/parlens-crash" .) || die "go build -tags parlens_crashtest failed"
for where in update view cmd load; do
	keys clear Enter
	keys "PARLENS_CRASH=$where '$WORK/parlens-crash'; echo rc=\$?" Enter
	if [ $where = load ]; then
		wait_for "internal error while loading"
		keys q
	else
		wait_for "Tổng quan"
		keys '!'
	fi
	wait_for "rc=3"
	screen_joined | grep -qF "please report it" || die "crash in $where: no hint to report it"
	assert_restored "crash in $where"
	check "crash-$where"
done

# 14. without a terminal: the text overview, and a note on stderr
out=$("$BIN" 2>"$WORK/stderr.txt" </dev/null | cat)
case "$out" in *"Dữ liệu minh họa"*"Cơ quan Trung ương"*"Dẫn đầu:"*) ;; *) die "no overview without a terminal: $out" ;; esac
grep -q "needs a terminal" "$WORK/stderr.txt" || die "no note on stderr"
printf '%s\n' "$out" >"$SCREENS/$(printf '%02d' $((PASS + 1)))-no-terminal.txt"
PASS=$((PASS + 1))
log "ok $PASS - no-terminal-overview"

log "all $PASS checks passed; screens in $SCREENS"

#!/usr/bin/env bash
# End-to-end tests of the screen's layout at every size: the real k2diary
# (K2DIARY, else ./k2diary) in tmux windows from 80 x 24 down to 40 x 12
# and below, a resize, unknown values, a locale that is not UTF-8 and a
# terminal that cannot move the cursor. The program runs in the locale
# under test (K2_TEST_LOCALE, see lib.bash): its glyphs are expected in
# UTF-8 or in ASCII accordingly, its numbers with '.' in every one. Each
# check prints PASS or FAIL.
. "$(dirname "$0")/lib.bash"

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux not installed"
	exit 0
fi
unset TMUX TMUX_PANE

SOCK=k2diary-screen$$
# The server runs pane commands with /bin/sh, whatever the user's shell.
tm() { SHELL=/bin/sh tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1
rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM

DAY=2026-11-27
# The glyphs as the locale under test shows them (UG comes from lib.bash);
# the _RE forms are for grep -E.
if [ -n "$UTF8" ]; then
	BAR=█ RULE=── DOT_RE=·
else
	BAR='#' RULE=-- DOT_RE='\.'
fi
BAR_RE=$BAR

# The pane's program: k2diary, then its exit status, then a pause so the
# pane can still be read.
cat >"$T/pane.sh" <<'EOF'
"$@"
echo "EXITED $?"
exec sleep 60
EOF

S=
# start NAME W H [VAR=VALUE...] [ARG...]: k2diary --date DAY ARG... in a new
# detached session of W x H, in the locale under test (VAR=VALUE after the
# defaults override them).
start() {
	local envs=() w=$2 h=$3

	S=$1
	shift 3
	while [ $# -gt 0 ] && [[ $1 == [A-Za-z_]*=* ]]; do
		envs+=("$1")
		shift
	done
	tm new-session -d -s "$S" -x "$w" -y "$h" "$(printf '%q ' \
	    bash "$T/pane.sh" env HOME="$HOME" TZ=UTC LANG="$K2_TEST_LOCALE" \
	    LC_MESSAGES=C ${LOCPATH:+LOCPATH="$LOCPATH"} TERM=xterm-256color \
	    ${envs[@]+"${envs[@]}"} "$K2" --date "$DAY" "$@")"
}
stop() { tm kill-session -t "$S" 2>/dev/null; }
keys() { tm send-keys -t "$S" "$@"; }
screen() { tm capture-pane -p -t "$S"; }
dump() { screen | sed 's/^/  | /'; }
size() { tm resize-window -t "$S" -x "$1" -y "$2" 2>/dev/null; }

# poll COMMAND...: try every 0.05 s, for up to 5 s, until COMMAND succeeds.
poll() {
	local i

	for ((i = 0; i < 100; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}
shows() {
	if [ "$1" = -E ]; then screen | grep -qE -- "$2"
	else screen | grep -qF -- "$1"; fi
}
hidden() { ! shows "$@"; }
wait_for() {
	poll shows "$@" && return 0
	echo "  timed out waiting for: ${*: -1}"
	dump
	return 1
}
# ready TEXT: a step that waits for TEXT; a FAIL if it never shows.
ready() { wait_for "$@" || fail "the screen reaches: ${*: -1}"; }
# see NAME [-E] TEXT: TEXT shows on the screen (waiting for it).
see() {
	local name=$1

	shift
	if wait_for "$@"; then pass "$name"; else fail "$name"; fi
}
# unseen NAME [-E] TEXT: TEXT is not on the screen now.
unseen() {
	local name=$1

	shift
	if shows "$@"; then
		fail "$name"
		echo "  unexpected: ${*: -1}"
		dump
	else pass "$name"; fi
}
line_of() { screen | grep -F -m1 -- "$1"; }
# widest: the widest line on the screen, in columns.
widest() { screen | wc -L; }
# col_end TEXT: the column just after the first TEXT on the screen.
col_end() { screen | awk -v t="$1" 'i = index($0, t) { print i - 1 + length(t); exit }'; }
# field_end LINE_TEXT N: on the line holding LINE_TEXT, the column just
# after its Nth field counted from the end of LINE_TEXT.
field_end() {
	screen | awk -v t="$1" -v n="$2" 'i = index($0, t) {
		j = i - 1 + length(t); s = substr($0, j + 1)
		for (k = 0; k < n; k++) {
			match(s, /^ *[^ ]+/); j += RLENGTH; s = substr(s, RLENGTH + 1)
		}
		print j; exit }'
}

# A day over its saturated fat limit and near its sodium limit: two
# warnings, the again: line, a high-in-fat entry.
DB=$T/full.db
for a in "natto 1" "gouda 2" "salami 2" "gouda 2" "sauerkraut 1"; do
	# shellcheck disable=SC2086
	run --db "$DB" --date "$DAY" add $a
done
is "five entries logged" "$rc" 0

# --- 1. 80 x 24: the full layout ---
start full 80 24 --db "$DB"
ready "5 entries"
see "80x24: the header names the day" " k2diary  Fri $DAY"
see "80x24: the table heading" "amount       food                          K2 $UG  sat fat   sodium  high"
see "80x24: the high column says fat" -E "Gouda \(Dutch\) +26\.3 +9\.9 +459  fat"
see "80x24: the again: line" "again:  1 sauerkraut  2 gouda  3 salami  4 natto"
is "80x24: the gauge rule is 80 wide" "$(l=$(line_of "$RULE Week"); echo ${#l})" 80
see "80x24: K2 known for 5 of 5" "known for 5 of 5"
see "80x24: the day is over its sat fat limit" -E "sat fat   day 25\.8/20 g +$BAR_RE+ over"
has "80x24: the week's sat fat figures fit" "$(line_of 'sat fat   day')" "week 25.8/140 g"
see "80x24: the warning line says OVER" "OVER: Fri $DAY: saturated fat"
has "80x24: the pointer to the other warning is whole" "$(line_of 'OVER:')" " +1 w"
is "80x24: the pointer ends the warning line" "$(line_of 'OVER:' | sed 's/ *$//' | tail -c 5)" "+1 w"
see "80x24: the key hints" "a add  1-9 again  e edit  d delete  u undo  [ ] day  w week  ? help  q quit"
# The week view: every warning, and nothing past column 80.
keys w
ready "Week of"
see "80x24 week: the over warning" "OVER: Fri $DAY: saturated fat 25.8 g"
see "80x24 week: the near warning" "near: Fri $DAY: sodium 2,263 mg"
see "80x24 week: the status words" -E ">Fri $DAY +5 +5 +920\.0 +25\.8 over +2,263 near"
see "80x24 week: the 12-week chart" "K2-rich servings, last 12 weeks"
keys Escape
ready "again:"
keys q
see "80x24: q quits" "EXITED 0"
stop

# --- 2. 80 x 23: one row short, still the whole diary ---
start short 80 23 --db "$DB"
ready "5 entries"
unseen "80x23: no size notice" "needs a window"
see "80x23: the header" " k2diary  Fri $DAY"
see "80x23: an entry" "1 serving    Natto (fermented soybeans)"
see "80x23: the total" "day total"
see "80x23: the again: line" "again:  1 sauerkraut  2 gouda"
see "80x23: the gauge rule" "$RULE Week 2026-11-23 to 2026-11-29"
see "80x23: the K2-rich line" "K2-rich servings     5/7"
see "80x23: the K2 line" "K2 $UG 920/630"
see "80x23: the day bars" -E "^ days +Mon"
see "80x23: the sat fat line" "sat fat   day 25.8/20 g"
see "80x23: the sodium line" "sodium    day 2,263/2,300 mg"
see "80x23: the warning line" "OVER: Fri $DAY"
is "80x23: the key hints on the last row" "$(screen | sed -n 23p | cut -c1-6)" " a add"
stop

# --- 3. 60 x 20: fewer columns ---
start mid 60 20 --db "$DB"
ready "5 entries"
unseen "60x20: no size notice" "needs a window"
see "60x20: an entry" "Natto (fermented soybe"
see "60x20: a mark after a high entry's name" -E "Gouda \(Dutch\) +! +26\.3"
is "60x20: no high column: the heading ends with sodium" \
    "$(line_of 'amount' | sed 's/ *$//' | tail -c 7)" "sodium"
see "60x20: the gauge" "K2-rich 5/7"
see "60x20: the week as a word" -E "sat fat day 25\.8/20 g +$BAR_RE+ over +week ok"
is "60x20: nothing wider than the window" "$(( $(widest) <= 60 ))" 1
stop

# --- 4. 40 x 12: the smallest layout ---
start small 40 12 --db "$DB"
ready "5 entries"
unseen "40x12: no size notice" "needs a window"
see "40x12: the header" " Fri $DAY"
see "40x12: the table heading" "K2 $UG"
see "40x12: the selected entry" "1 serving  Natto (fermented ~"
see "40x12: the again: line, whole items only" -E "^ again:  1 sauerkraut  2 gouda *$"
see "40x12: K2 known for" "known for 5 of 5"
see "40x12: the sat fat day line" "sat fat day 25.8/20 g"
see "40x12: the sodium day line" "sodium  day 2,263/2,300 mg"
see "40x12: the warning line with its pointer" -E "^ OVER: Fri .*~ \+1 w *$"
see "40x12: the key hints that fit" -E "^ a add .*\? help  q quit *$"
is "40x12: nothing wider than the window" "$(( $(widest) <= 40 ))" 1
# The list scrolls: the last entry comes into view.
keys G
see "40x12: G shows the last entry" -E "^ 1 half-cup +Sauerkraut"
unseen "40x12: the first entry scrolled away" "Natto (fermented"
# The picker and the prompt fit too.
keys a s a l
see "40x12: the picker" "Find a food: sal"
see "40x12: the picker's row" "Salami (cooked"
keys Enter
see "40x12: the amount prompt" "Log Salami (cooked"
see "40x12: the prompt's amount" "Amount: 1 serving"
see "40x12: the prompt's preview" "adds K2"
keys Escape Escape
ready "again:"
keys w
see "40x12: the week view" -E ">Fri 11-27 +920\.0 +25\.8! +2,263!"
unseen "40x12: the week view without its chart" "last 12 weeks"
keys Escape '?'
see "40x12: help" "keys (j k scroll"
see "40x12: help says there is more" "j: more"
keys Escape
stop

# --- 5. 39 x 12: below the smallest, the notice ---
start tiny 39 12 --db "$DB"
see "39x12: the notice" "k2diary needs a window"
see "39x12: it gives the least size" "of at least 40 x 12"
see "39x12: and the window's" "(it is 39 x 12; q quits)"
unseen "39x12: no day screen" "K2-rich"
keys q
see "39x12: q quits from the notice" "EXITED 0"
stop
start tiny2 40 11 --db "$DB"
see "40x11: the notice" "(it is 40 x 11; q quits)"
stop

# --- 6. Resize: 80 x 24 to 40 x 12 and back ---
start resize 80 24 --db "$DB"
ready "5 entries"
if size 40 12; then
	see "resize to 40x12: the compact header" -E "^ Fri $DAY +5 entries *$"
	unseen "resize to 40x12: no notice" "needs a window"
	see "resize to 40x12: the entry" "Natto (fermented ~"
	size 39 12
	see "resize to 39x12: the notice" "(it is 39 x 12; q quits)"
	size 80 24
	see "resize back to 80x24: the full header" " k2diary  Fri $DAY"
	see "resize back to 80x24: the high column" "  high"
	is "resize back to 80x24: the rule is 80 wide" \
	    "$(l=$(line_of "$RULE Week"); echo ${#l})" 80
else
	echo "SKIP: resize (tmux $(tmux -V) has no resize-window)"
fi
stop

# --- 7. Unknown is never zero ---
DB=$T/unknown.db
run --db "$DB" --date "$DAY" add kefir 1
start unknown 80 24 --db "$DB"
ready "1 entry"
see "unknown K2: ? in the entry's row" -E "Kefir, plain +\? +1\.6"
see "unknown K2: ? in the day's total" -E "day total +\? +1\.6 +96"
see "unknown K2: ? on the K2 line" "K2 $UG ?/630"
see "unknown K2: known for 0 of 1" "known for 0 of 1"
see "unknown K2: ? in the day's bar" -E "Fri \?"
stop
start unknown40 40 12 --db "$DB"
ready "1 entry"
see "unknown K2 at 40x12: ? in the day's total" -E "day total +\? *$"
stop
# Sodium unknown for the day: the word, not ok and not 0.
cat >"$T/nosodium.yaml" <<'EOF'
version: 1
foods:
  - id: mystery
    name: Mystery cheese
    group: dairy
    servings:
      - {label: slice, grams: 28}
    per_100g: {mk4_ug: 10, sat_fat_g: 1}
EOF
DB=$T/nosodium.db
run --foods "$T/nosodium.yaml" --db "$DB" --date "$DAY" add mystery 1
start nosodium 80 24 --foods "$T/nosodium.yaml" --db "$DB"
ready "1 entry"
see "unknown sodium: ? in the total" -E "day total +2\.8 +0\.3 +\?"
see "unknown sodium: the word unknown" -E "sodium    day \?/2,300 mg +$DOT_RE+ unknown"
see "unknown sodium: the day's mark is ?" -E "Fri .\?"
stop

# --- 8. Outside a UTF-8 locale: ug, ASCII glyphs, columns in line ---
cat >"$T/accents.yaml" <<'EOF'
version: 1
foods:
  - id: creme
    name: Crème fraîche
    group: dairy
    servings:
      - {label: tbsp, grams: 15}
    per_100g: {mk4_ug: 20, sat_fat_g: 20, sodium_mg: 40}
  - id: gouda
    name: Gouda
    group: dairy
    servings:
      - {label: slice, grams: 28}
    per_100g: {mk4_ug: 10, sat_fat_g: 17, sodium_mg: 800}
EOF
DB=$T/accents.db
run --foods "$T/accents.yaml" --db "$DB" --date "$DAY" add creme 1
run --foods "$T/accents.yaml" --db "$DB" --date "$DAY" add gouda 1
for w in 80 40; do
	h=$((w == 80 ? 24 : 12))
	start "ascii$w" "$w" "$h" LC_ALL=C --foods "$T/accents.yaml" --db "$DB"
	ready "2 entries"
	see "LC_ALL=C ${w}x$h: K2 in ug" "K2 ug"
	unseen "LC_ALL=C ${w}x$h: no µ anywhere" "µ"
	unseen "LC_ALL=C ${w}x$h: no block glyphs" "█"
	see "LC_ALL=C ${w}x$h: the name in ASCII" "Creme fraiche"
	head=$(col_end "K2 ug")
	is "LC_ALL=C ${w}x$h: the accented row's K2 under the heading" \
	    "$(field_end "Creme fraiche" $((w == 80 ? 1 : 1)))" "$head"
	is "LC_ALL=C ${w}x$h: the plain row's K2 under the heading" \
	    "$(field_end "Gouda" $((w == 80 ? 1 : 2)))" "$head"
	stop
done

# --- 9. A terminal that cannot address the cursor ---
start dumb 80 24 TERM=dumb --db "$T/dumb.db"
see "TERM=dumb: refused with a message" "cannot move the cursor or clear the screen"
see "TERM=dumb: exit status 2" "EXITED 2"
unseen "TERM=dumb: nothing of the day screen" "K2-rich"
test -e "$T/dumb.db" && fail "TERM=dumb: no diary is created" ||
    pass "TERM=dumb: no diary is created"
stop

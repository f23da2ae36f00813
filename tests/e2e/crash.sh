#!/usr/bin/env bash
# Crash safety: the full screen, driven in tmux, is killed with SIGKILL at
# random points while it logs entries; after each kill every entry the
# screen showed must be in the diary, whole, and the database must pass
# PRAGMA integrity_check. Then the same with two writers at once: the screen
# and a loop of 'k2diary add', with no entry lost or doubled.
#
# How many: 20 kills of the screen alone and 3 rounds of two writers (10
# adds each) by default; K2_LONG=1 (make check-long) makes it 200 kills and
# 20 rounds of 30 adds.
# K2_SEED=N fixes the random choices (the timing still varies).
#
# What the screen showed: the header's "N entries" (drawn only after the
# commit) and the natto and gouda rows on it, captured just before the
# kill. The diary may hold more (an entry committed but not yet drawn when
# the kill came), never less, and never more than the number of logging key
# sequences sent (no doubled entry).
. "$(dirname "$0")/lib.bash"

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux not installed"
	exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 not installed"
	exit 0
fi
unset TMUX TMUX_PANE

# ADDS: the 'k2diary add' runs in each two-writer round.
if [ "${K2_LONG:-0}" = 1 ]; then
	KILLS=200 ROUNDS=20 ADDS=30
else
	KILLS=20 ROUNDS=3 ADDS=10
fi
RANDOM=${K2_SEED:-$$}
echo "crash.sh: $KILLS kills, $ROUNDS two-writer rounds of $ADDS adds," \
    "K2_SEED=${K2_SEED:-$$}"

SOCK=k2diary-crash$$
# The server runs pane commands with /bin/sh, whatever the user's shell.
tm() { SHELL=/bin/sh tmux -L "$SOCK" -f /dev/null "$@"; }
# Background jobs (the key senders, the 'add' loops), ended at exit.
JOBS=()
# One trap for everything: the background loops, the tmux server and its
# socket, and lib.bash's temporary folder.
trap 'for j in ${JOBS[@]+"${JOBS[@]}"}; do kill -9 "$j" 2>/dev/null; done
tm kill-server >/dev/null 2>&1
rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
rm -rf "$T"' EXIT
trap 'exit 1' HUP INT PIPE TERM

# The pane's program: k2diary (its pid in FILE), then its exit status in
# FILE.rc. Killed as expected (137), the pane closes; otherwise it stays a
# minute so that it can be shown.
cat >"$T/pane.sh" <<'EOF'
pidfile=$1
shift
sh -c 'echo $$ >"$0" && exec "$@"' "$pidfile" "$@"
rc=$?
echo "$rc" >"$pidfile.rc"
[ "$rc" = 137 ] || { echo "EXITED $rc"; exec sleep 60; }
EOF
# A session that lasts, so that the server does too between rounds.
tm new-session -d -s keep -x 80 -y 24 "exec sleep 100000"

S=
# start NAME ARG...: run k2diary ARG... in a new 80 x 24 session NAME.
start() {
	S=$1
	shift
	rm -f "$T/$S.pid" "$T/$S.pid.rc"
	tm new-session -d -s "$S" -x 80 -y 24 "$(printf '%q ' \
	    bash "$T/pane.sh" "$T/$S.pid" env HOME="$HOME" TZ=UTC \
	    LANG="$LANG" LC_MESSAGES=C ${LOCPATH:+LOCPATH="$LOCPATH"} TERM=xterm-256color "$K2" "$@")"
}
stop() { tm kill-session -t "$S" 2>/dev/null; }
screen() { tm capture-pane -p -t "$S" 2>/dev/null; }
dump() { screen | sed 's/^/  | /' >>"$T/why"; }
# slurp FILE: sets $text to FILE's contents.
slurp() { text=; IFS= read -r -d '' text <"$1"; }
# nlines FILE: sets $lines to the number of lines in FILE.
nlines() {
	local _

	lines=0
	while read -r _; do lines=$((lines + 1)); done <"$1"
}
# opened: the screen is up (captured into $T/open).
opened() {
	screen >"$T/open"
	slurp "$T/open"
	[[ $text == *"K2-rich servings"* ]]
}
# wait_open: wait up to 5 s for the screen to come up.
wait_open() {
	local i

	for ((i = 0; i < 100; i++)); do
		opened && return 0
		sleep 0.05
	done
	return 1
}
# nap MS: sleep MS milliseconds.
nap() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# Whole rows: every column but id, day and logged_at as 'k2diary add' writes
# one serving of each food, in a diary of its own.
if ! "$K2" --db "$T/ref.db" add natto >/dev/null 2>&1 ||
    ! "$K2" --db "$T/ref.db" add gouda >/dev/null 2>&1; then
	fail "k2diary add writes the reference rows"
fi
match=
for c in food_id food_name serving grams servings quantity k2_ug mk4_ug \
    mk7_ug mk_other_ug k1_ug sat_fat_g sodium_mg kcal; do
	case $c in
	food_* | serving) match+=" and r.$c is e.$c" ;;
	*) match+=" and round(r.$c, 6) is round(e.$c, 6)" ;;
	esac
done
T0=$(date +%s)
# tally DAY: in one sqlite3 run, sets $integrity (PRAGMA integrity_check),
# $bad (rows that are not one whole serving of natto or gouda logged during
# this test, plus repeated ids), $all, $natto_all, $gouda_all (the diary's
# rows) and $have, $natto_day, $gouda_day (the rows of DAY); adds to
# $problems.
tally() {
	local out

	all=0 natto_all=0 gouda_all=0 have=0 natto_day=0 gouda_day=0 bad=0
	out=$(sqlite3 -batch "$DB" "pragma integrity_check;
	    attach '$T/ref.db' as ref;
	    select (select count(*) from main.entry e where not exists
	    (select 1 from ref.entry r where 1$match)
	    or e.logged_at < $T0 - 5 or e.logged_at > $(date +%s) + 5) +
	    (select count(*) - count(distinct id) from main.entry),
	    count(*), count(food_id = 'natto' or null),
	    count(food_id = 'gouda' or null), count(day = $1 or null),
	    count(day = $1 and food_id = 'natto' or null),
	    count(day = $1 and food_id = 'gouda' or null) from main.entry;" 2>&1)
	integrity=${out%%$'\n'*}
	if [ "$integrity" != ok ] || [[ ${out##*$'\n'} != *'|'* ]]; then
		problems+=("integrity_check: $out")
		return
	fi
	IFS='|' read -r bad all natto_all gouda_all have natto_day gouda_day \
	    <<<"${out##*$'\n'}"
	[ "$bad" = 0 ] || problems+=("$bad malformed rows or repeated ids")
}

# shown FILE: from a captured pane, sets $n (the header's "N entries", or
# "none") and $natto, $gouda (the natto and gouda rows on the screen).
shown() {
	local l re_n re_g
	local -a ls

	re_n='^ +[0-9.]+ serving +Natto \(fermented soybeans\)'
	re_g='^ +[0-9.]+ slice +Gouda \(Dutch\)'
	mapfile -t ls <"$1"
	n=none natto=0 gouda=0
	[[ ${ls[0]:-} =~ ([0-9]+)\ entr(y|ies)\ *$ ]] && n=${BASH_REMATCH[1]}
	for l in ${ls[@]+"${ls[@]}"}; do
		[[ $l =~ $re_n ]] && natto=$((natto + 1))
		[[ $l =~ $re_g ]] && gouda=$((gouda + 1))
	done
	return 0
}

# The logging key sequences; each logs at most one entry.
ACTIONS=("a n a t Enter Enter" "a g o u d a Enter Enter" "." "1 y")
# sender SESSION FILE FIRST LAST: send ACTIONS[FIRST..LAST], chosen at
# random, until killed or the session has gone; FILE gets a line as each
# begins. An action goes as one send-keys or key by key, so that kills land
# between keys too.
sender() {
	local k a

	while :; do
		echo >>"$2"
		a=${ACTIONS[$(($3 + RANDOM % ($4 - $3 + 1)))]}
		if ((RANDOM % 2)); then
			# shellcheck disable=SC2086
			tm send-keys -t "$1" $a 2>/dev/null || return
		else
			for k in $a; do
				tm send-keys -t "$1" "$k" 2>/dev/null || return
			done
		fi
	done
}
# reap PID: end a background job at once and wait for it, quietly.
reap() { { kill -9 "$1" && wait "$1"; } 2>/dev/null; }

# crash: capture the pane into $snap, then kill -9 k2diary at once.
crash() {
	snap=$T/snap.$S
	victim=
	[ -s "$T/$S.pid" ] && victim=$(<"$T/$S.pid")
	screen >"$snap"
	kill -9 "${victim:-none}" 2>/dev/null
}
# killed: k2diary had been running and died of the SIGKILL (status 137).
killed() {
	local i rc=

	for ((i = 0; i < 500; i++)); do
		[ -s "$T/$S.pid.rc" ] && break
		sleep 0.01
	done
	[ -s "$T/$S.pid.rc" ] && rc=$(<"$T/$S.pid.rc")
	if [ "$rc" != 137 ]; then
		problems+=("k2diary ended with status ${rc:-unknown}, not by the SIGKILL (137)")
		dump
		stop
	fi
}

# verdict NAME...: PASS, or FAIL with the problems found and the screens.
verdict() {
	if [ ${#problems[@]} -eq 0 ]; then pass "$*"; else
		fail "$*"
		printf '  %s\n' "${problems[@]}"
		[ -s "$T/why" ] && cat "$T/why"
		if [ -n "${snap:-}" ] && [ -s "$snap" ]; then
			echo "  the screen just before the kill:"
			sed 's/^/  > /' "$snap"
		fi
	fi
	: >"$T/why"
}

TODAY=$(($(date -u -d "$(day 0)" +%s) / 86400))
# dayname DN: sets $d to the date of diary day DN, as YYYY-MM-DD.
dayname() { printf -v d '%(%F)T' $(($1 * 86400)); }

# --- 1. The screen alone, killed at random points ---
# Two kills a day: the second opens a day that holds the survivors of the
# first, so the screen is also checked to show what a crash left.
DB=$T/crash.db
: >"$T/why"
seen=0 all=0 have=0
for ((i = 1; i <= KILLS; i++)); do
	problems=()
	snap=
	dn=$((TODAY - (i - 1) / 2))
	dayname "$dn"
	# The day's rows as the last tally found them: none on a new day.
	if ((i % 2)); then before=0; else before=$have; fi
	start "k$i" --db "$DB" --date "$d"
	if ! wait_open; then
		problems+=("the screen never opened")
		dump
		verdict "kill $i of $KILLS: the screen opens"
		stop
		have=0
		continue
	fi
	shown "$T/open"
	[ "$n" = "$before" ] ||
	    problems+=("on opening, the screen shows $n entries, the diary $before")
	# '.' and '1' need an entry in the diary: the picker first.
	if [ "$all" = 0 ]; then last=1; else last=3; fi
	: >"$T/sent"
	sender "$S" "$T/sent" 0 "$last" &
	spid=$!
	JOBS+=("$spid")
	nap $((RANDOM % 600))
	crash
	reap "$spid"
	killed
	nlines "$T/sent"
	sent=$lines
	shown "$snap"
	tally "$dn"
	if [ "$n" = none ]; then
		problems+=("no 'N entries' in the header")
	elif [ "$have" -lt "$n" ]; then
		problems+=("the screen showed $n entries, the diary holds $have")
	fi
	[ "$natto_day" -ge "$natto" ] ||
	    problems+=("$natto natto rows shown, $natto_day in the diary")
	[ "$gouda_day" -ge "$gouda" ] ||
	    problems+=("$gouda gouda rows shown, $gouda_day in the diary")
	[ $((have - before)) -le "$sent" ] ||
	    problems+=("$((have - before)) entries added by $sent key sequences")
	[ "$n" != none ] && seen=$((seen + n - before))
	verdict "kill $i of $KILLS: entries shown $n ($natto natto," \
	    "$gouda gouda rows), in the diary $have;" \
	    "$((have - before)) added by $sent key sequences"
done
problems=()
snap=
tally "$TODAY"
[ "$all" -ge "$seen" ] ||
    problems+=("$seen entries seen logged in all, $all in the diary")
verdict "after $KILLS kills: $all whole entries, unique ids, integrity ok" \
    "($seen seen logged)"

# --- 2. Two writers: the screen and a loop of 'k2diary add' ---
# The screen logs natto with the picker (not '.', which repeats the last
# entry in the diary, often the other writer's gouda); the loop adds gouda
# to the same day; the screen is killed while both are writing.
DB=$T/two.db
natto_all=0 gouda_all=0
for ((r = 1; r <= ROUNDS; r++)); do
	problems=()
	snap=
	dn=$((TODAY - r))
	dayname "$dn"
	nb=$natto_all gb=$gouda_all
	start "w$r" --db "$DB" --date "$d"
	if ! wait_open; then
		problems+=("the screen never opened")
		dump
		verdict "two writers $r of $ROUNDS: the screen opens"
		stop
		continue
	fi
	: >"$T/adds"
	: >"$T/add.err"
	(
		for ((j = 0; j < ADDS; j++)); do
			if "$K2" --db "$DB" add gouda --date "$d" >/dev/null \
			    2>>"$T/add.err"; then
				echo ok
			else
				echo "exit $?"
			fi
		done >>"$T/adds"
	) &
	apid=$!
	JOBS+=("$apid")
	: >"$T/sent"
	sender "$S" "$T/sent" 0 0 &
	spid=$!
	JOBS+=("$spid")
	# The kill comes when the loop has done a random number of its adds.
	want=$((1 + RANDOM % (ADDS - 2)))
	for ((j = 0; j < 600; j++)); do
		nlines "$T/adds"
		[ "$lines" -ge "$want" ] && break
		sleep 0.05
	done
	[ "$j" -lt 600 ] ||
	    problems+=("the add loop did not reach $want adds in 30 s")
	nap $((RANDOM % 40))
	crash
	reap "$spid"
	killed
	wait "$apid"
	nlines "$T/sent"
	sent=$lines
	ok=$(grep -cx ok "$T/adds")
	shown "$snap"
	tally "$dn"
	ga=$((gouda_all - gb)) na=$((natto_all - nb))
	[ "$ok" = "$ADDS" ] ||
	    problems+=("$((ADDS - ok)) of $ADDS 'k2diary add' failed:" \
	    "$(sort "$T/adds" | uniq -c | tr '\n' ' ')" \
	    "$(tail -n 3 "$T/add.err")")
	[ "$ga" = "$ok" ] ||
	    problems+=("$ok 'k2diary add' succeeded, $ga gouda rows added")
	if [ "$n" = none ]; then
		problems+=("no 'N entries' in the header")
	elif [ "$have" -lt "$n" ]; then
		problems+=("the screen showed $n entries, the diary holds $have")
	fi
	[ "$na" -ge "$natto" ] ||
	    problems+=("$natto natto rows shown, $na in the diary")
	[ "$na" -le "$sent" ] ||
	    problems+=("$na natto entries added by $sent key sequences")
	verdict "two writers $r of $ROUNDS: gouda rows $ga for $ok adds;" \
	    "entries shown $n ($natto natto rows), in the diary $have" \
	    "($na natto by $sent key sequences)"
done

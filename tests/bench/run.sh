#!/usr/bin/env bash
# SPDX-License-Identifier: ISC
# The benchmark suite (make bench): builds its helpers, generates its data,
# measures k2diary against floors and peers built and measured in the same
# run, prints one table and writes it as JSON to build/bench.json.
# Timings are reported, never asserted. See tests/bench/README.md.
#
# Environment: K2DIARY (the -O2 binary; its folder must hold libcore.a),
# BENCH_RUNS (15), BENCH_SLOW_RUNS (5: runs with 100,000 foods and the
# picker), BENCH_SETTLE_MS (30), BENCH_SEED, BENCH_NO_INSTALL=1 (do not
# apt-get the peers), BENCH_CALLGRIND_100K=0 (do not count the start-up
# with 100,000 foods under callgrind: about a minute), BENCH_JSON
# (build/bench.json), BENCH_LETTER (c: the first letter typed the moment
# the first frame is there), BENCH_BEFORE (59ee840^: the commit measured
# as before the built-in catalogue table; "none" to skip it),
# BENCH_BEFORE_RESTRUCTURE (03a4f44: the commit before the restructuring of
# issue 10, whose instruction counts are compared; "none" to skip it),
# FINDER_MARK (finder: the text, in any case, that shows the finder is on
# the screen after f).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
K2DIARY=${K2DIARY:-$root/build-bench/k2diary}
B=$(cd "$(dirname "$K2DIARY")" && pwd)
RUNS=${BENCH_RUNS:-15}
SLOW=${BENCH_SLOW_RUNS:-5}
SETTLE=${BENCH_SETTLE_MS:-30}
SEED=${BENCH_SEED:-20240229}
JSON=${BENCH_JSON:-$root/build/bench.json}
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
QUERIES=(chick gouda nat sal bre)
LETTER=${BENCH_LETTER:-c}
FINDER_MARK=${FINDER_MARK:-finder}
data=$B/bench-data
raw=$B/bench-raw
cg=$raw/callgrind

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[ -x "$K2DIARY" ] || die "no k2diary at $K2DIARY (run make bench)"
[ -f "$B/libcore.a" ] && [ -f "$B/libadapt.a" ] || die "no libcore.a and libadapt.a beside $K2DIARY"

# Install a Debian package when its command is missing; false if it stays so.
ensure() { # ensure COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 && return 0
	[ "${BENCH_NO_INSTALL:-0}" = 1 ] && return 1
	local sudo=
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || return 1
		sudo="sudo -n"
	fi
	say "installing $2"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" \
	    >/dev/null 2>&1 ||
	    { $sudo apt-get update -qq >/dev/null 2>&1 &&
	      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	        "$2" >/dev/null 2>&1; }
	command -v "$1" >/dev/null 2>&1
}

ensure python3 python3 || die "python3 is needed (apt-get install python3)"
have_fzf=1 have_ncdu=1 have_calcurse=1 have_valgrind=1
ensure fzf fzf || have_fzf=0
ensure ncdu ncdu || have_ncdu=0
ensure calcurse calcurse || have_calcurse=0
ensure valgrind valgrind || have_valgrind=0

rm -rf "$raw"
mkdir -p "$data" "$raw" "$cg"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/k2diary-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
home=$tmp/home
mkdir -p "$home"

# --- the helpers -----------------------------------------------------------
say "building the helpers into $B"
std="-std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -O2 -g -Wall -Wextra"
curses_cflags=$($PKG_CONFIG --cflags ncursesw | sed 's/-D_XOPEN_SOURCE=[^ ]*//g')
curses_libs=$($PKG_CONFIG --libs ncursesw)
sqlite_cflags=$($PKG_CONFIG --cflags sqlite3)
sqlite_libs=$($PKG_CONFIG --libs sqlite3)
yaml_libs=$($PKG_CONFIG --libs yaml-0.1)
build() { # build OUT SOURCE [FLAGS...]
	local out=$1 src=$2
	shift 2
	$CC $std -o "$B/$out" "$here/$src" "$@" ||
	    die "cannot build $out"
}
build ptyrun ptyrun.c -lutil
build proctime proctime.c
build floor_exec floor_exec.c
build floor_commit floor_commit.c
build floor_frame floor_frame.c $curses_cflags $curses_libs
build floor_frame_db floor_frame.c -DFLOOR_DB $curses_cflags $sqlite_cflags \
    $curses_libs $sqlite_libs
build bench_core bench_core.c -I"$root/include" "$B/libadapt.a" "$B/libcore.a" $sqlite_libs \
    $yaml_libs -lm

# build_rev REV WHAT: k2diary as it was at REV, built once from git (git
# archive, then its own Makefile) into build-bench/before-SHORT/build/;
# prints SHORT, or fails ("none" for REV: not wanted).
build_rev() {
	local rev bdir
	[ "$1" != none ] || return 1
	rev=$(git -C "$root" rev-parse --short "$1" 2>/dev/null) || {
		say "no commit $1 ($2)"
		return 1
	}
	bdir=$B/before-$rev
	if [ ! -x "$bdir/build/k2diary" ]; then
		say "building k2diary $rev ($2)"
		rm -rf "$bdir"
		mkdir -p "$bdir"
		{ git -C "$root" archive "$rev" | tar -x -C "$bdir" &&
		  make -C "$bdir" B=build SANITIZE= CFLAGS="-O2 -g" build/k2diary
		} >"$bdir.log" 2>&1 ||
		    say "cannot build $rev (see $bdir.log)"
	fi
	[ -x "$bdir/build/k2diary" ] || return 1
	echo "$rev"
}
# The program before the built-in table (53 foods parsed from YAML after
# the first frame).
BEFORE=${BENCH_BEFORE:-59ee840^}
before_rev= before_bin=
before_rev=$(build_rev "$BEFORE" "before the built-in table") &&
    before_bin=$B/before-$before_rev/build/k2diary
# The program before the restructuring of issue 10 (diary schema 1, its 53
# foods built in as YAML text).
RESTRUCT=${BENCH_BEFORE_RESTRUCTURE:-03a4f44}
restruct_rev= restruct_bin=
restruct_rev=$(build_rev "$RESTRUCT" "before the restructuring") &&
    restruct_bin=$B/before-$restruct_rev/build/k2diary

# --- the data --------------------------------------------------------------
say "generating the data (seed $SEED)"
gen() { python3 "$here/gen.py" "$@"; }
for n in 60 1000 10000 100000; do
	f=$data/foods-$n.yaml
	if [ ! -s "$f" ] || [ "$here/gen.py" -nt "$f" ] ||
	    [ "$root/foods.yaml" -nt "$f" ] || [ ! -f "$f.seed-$SEED" ]; then
		rm -f "$f".seed-*
		gen foods "$root/foods.yaml" "$n" "$f" "$SEED" || die "gen failed"
		gen names "$f" "$data/names-$n.txt"
		HOME=$home "$K2DIARY" --foods "$f" check >/dev/null ||
		    die "k2diary does not accept $f"
		touch "$f.seed-$SEED"
	fi
done
# The ten-year diary ends today and is made anew each run, as a user would
# bring one in: gen.py fills a diary that k2diary made (so its schema is
# current) with a command that creates a missing diary (one entry added,
# then removed); k2diary exports it as CSV and imports that into a new
# diary. The import's files are kept as it left them (bench-data/import/,
# -wal and -shm included) for the rows that start from there; every other
# row uses that diary after a TRUNCATE checkpoint (bench-data/ckpt/, copied
# to ten-year.db).
seed=$data/seed.db
rm -f "$seed" "$seed-wal" "$seed-shm"
made=$(HOME=$home "$K2DIARY" --db "$seed" add natto) || die "cannot create $seed"
id=$(printf '%s\n' "$made" | sed -n '1s/^[^#]*#\([0-9][0-9]*\).*/\1/p')
[ -n "$id" ] || die "cannot create $seed: k2diary add said: $made"
HOME=$home "$K2DIARY" --db "$seed" rm "$id" >/dev/null || die "cannot empty $seed"
gen diary "$root/foods.yaml" "$seed" 10 12 "$SEED" >&2 || die "gen diary failed"
HOME=$home "$K2DIARY" --db "$seed" export >"$data/ten-year.csv" ||
    die "k2diary export failed"
rm -rf "$data/import" "$data/ckpt"
mkdir -p "$data/import" "$data/ckpt"
HOME=$home "$K2DIARY" --db "$data/import/ten-year.db" import \
    "$data/ten-year.csv" >&2 || die "k2diary import failed"
# put_diary FROM-FOLDER PATH: the diary of FROM-FOLDER at PATH, its -wal and
# -shm as they are there (or none).
put_diary() {
	local f
	rm -f "$2" "$2-wal" "$2-shm"
	for f in "" -wal -shm; do
		[ -e "$1/ten-year.db$f" ] && cp -p "$1/ten-year.db$f" "$2$f"
	done
	return 0
}
checkpoint() { # checkpoint DIARY: PRAGMA wal_checkpoint(TRUNCATE)
	python3 - "$1" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
busy, log, done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
if busy:
    sys.exit("checkpoint busy")
con.close()
EOF
}
schema() { # schema DIARY: its user_version, the diary's schema
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' \
	    "$1" 2>/dev/null || echo "?"
}
put_diary "$data/import" "$data/ckpt/ten-year.db"
checkpoint "$data/ckpt/ten-year.db" || die "cannot checkpoint the diary"
db=$data/ten-year.db
put_diary "$data/ckpt" "$db"
# An older program gets a diary of its own, made by its own import of the
# same export and checkpointed as ten-year.db is: the current program
# migrates an older schema when it opens a diary (the migration would be
# measured) and an older program refuses a newer schema. own_diary BIN
# NAME makes bench-data/NAME/ten-year.db.
own_diary() {
	rm -rf "${data:?}/$2"
	mkdir -p "$data/$2"
	HOME=$home "$1" --db "$data/$2/ten-year.db" import "$data/ten-year.csv" \
	    >"$raw/$2.import.txt" 2>&1 &&
	    checkpoint "$data/$2/ten-year.db" >>"$raw/$2.import.txt" 2>&1
}
before_db= restruct_db=
if [ -n "$before_bin" ]; then
	if own_diary "$before_bin" "before-$before_rev"; then
		before_db=$data/before-$before_rev/ten-year.db
	else
		say "k2diary $before_rev cannot import the export" \
		    "(see $raw/before-$before_rev.import.txt)"
		before_bin=
	fi
fi
if [ -n "$restruct_bin" ]; then
	if own_diary "$restruct_bin" "before-$restruct_rev"; then
		restruct_db=$data/before-$restruct_rev/ten-year.db
	else
		say "k2diary $restruct_rev cannot import the export" \
		    "(see $raw/before-$restruct_rev.import.txt)"
		restruct_bin=
	fi
fi
# Each diary's schema, to see at the end that no run migrated one.
schemas() {
	printf 'now %s' "$(schema "$db")"
	[ -z "$before_db" ] ||
	    printf ', %s %s' "$before_rev" "$(schema "$before_db")"
	[ -z "$restruct_db" ] ||
	    printf ', %s %s' "$restruct_rev" "$(schema "$restruct_db")"
}
schemas_before=$(schemas)

# What import left: the -wal file's size (KiB), 0 when there is none.
wal=0
[ -e "$data/import/ten-year.db-wal" ] &&
    wal=$(($(stat -c %s "$data/import/ten-year.db-wal") / 1024))
echo "$wal" >"$raw/import_wal.txt"

# --- the machine -----------------------------------------------------------
{
	echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
	echo "cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
	echo "cpus=$(nproc)"
	echo "kernel=$(uname -sr)"
	echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "fs_of_diary=$(stat -f -c %T "$data")"
	echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
	echo "k2diary=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$root" && [ -n "$(git status --porcelain -- src include Makefile 2>/dev/null)" ] && echo ' with changes in the tree')"
	echo "before=${before_rev:-none}"
	echo "before_restructure=${restruct_rev:-none}"
	echo "cc=$($CC --version | head -1)"
	echo "sqlite=$(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')"
	echo "runs=$RUNS, slow runs $SLOW, settle ${SETTLE} ms"
} > "$raw/machine.txt"

# --- how to measure ----------------------------------------------------------
# pty NAME PTYRUN-ARGS...: runs ptyrun (appending to NAME.pty), then
# pty_split NAME makes the samples NAME.frame, .rss, .ready, .ready_rss,
# .keys, .open, .quit, .restored, .result and .result_rss.
pty_run() {
	local name=$1
	shift
	"$B/ptyrun" -s "$SETTLE" -H "$home" "$@" >>"$raw/$name.pty" \
	    2>>"$raw/$name.err" || say "$name: a run failed (see $raw/$name.err)"
}
pty_split() {
	local name=$1 f=$raw/$1.pty
	field() { sed -n "s/.* $1=\\([0-9.,-]*\\).*/\\1/p" "$f" | tr ',' '\n'; }
	field frame_us >"$raw/$name.frame.txt"
	field rss_kb >"$raw/$name.rss.txt"
	field ready_us >"$raw/$name.ready.txt"
	field ready_rss_kb >"$raw/$name.ready_rss.txt"
	field keys_us >"$raw/$name.keys.txt"
	field open_us >"$raw/$name.open.txt"
	field quit_us >"$raw/$name.quit.txt"
	field restored_us >"$raw/$name.restored.txt"
	field result_us >"$raw/$name.result.txt"
	field result_rss_kb >"$raw/$name.result_rss.txt"
	field probe_us >"$raw/$name.probe.txt"
	field probe_found >"$raw/$name.probe_found.txt"
	field probe_before >"$raw/$name.probe_before.txt"
	if [ ! -s "$raw/$name.frame.txt" ]; then
		echo "failed: see build-bench/bench-raw/$name.err" >"$raw/$name.skip"
	fi
}
pty() { pty_run "$@" && pty_split "$1"; }
# proc NAME PROCTIME-ARGS...: whole-process samples NAME.
proc() {
	local name=$1
	shift
	"$B/proctime" -H "$home" "$@" >>"$raw/$name.txt" 2>>"$raw/$name.err" ||
	    say "$name: a run failed (see $raw/$name.err)"
}
skip() { echo "$2" >"$raw/$1.skip"; }
K2=("$K2DIARY" --db "$db")
# k2diary parses a catalogue file after its first frame when the file is on
# record as loaded cleanly before ($HOME/.cache/k2diary/checked: one file,
# by path, size and time); any other file is parsed first. record FILE puts
# FILE on record the way k2diary does, by loading it once.
record() { HOME=$home "${K2[@]}" --foods "$1" list >/dev/null; }

# --- floors ------------------------------------------------------------------
say "floors"
proc exec_floor -n "$RUNS" -- "$B/floor_exec"
pty frame_floor -n "$RUNS" -m FLOOR-END -k t:abcde -q q -- "$B/floor_frame"
pty frame_db_floor -n "$RUNS" -m FLOOR-END -q q -- "$B/floor_frame_db" "$db"
"$B/floor_commit" "$data" $((RUNS * 2)) >"$raw/commit_floor.txt" ||
    skip commit_floor "failed"

# --- start-up ----------------------------------------------------------------
# The built-in catalogue's start-up rows, measured in turn with their own
# F (a shared machine's load moves from minute to minute: a floor measured
# minutes earlier is no floor), one run of each in every round, the order
# rotating from round to round:
# - now: the first frame; before: the same for the program before the
#   built-in table (same diary, same harness);
# - early: a quick typist, 'a' and a first letter sent the moment the first
#   frame is there, not when the program has gone idle; the figure is fork
#   to the picker showing that letter's foods;
# - import, ckpt: the first frame with the diary exactly as import left it,
#   and after a TRUNCATE checkpoint, each from a fresh copy (a screen folds
#   the WAL when it closes).
say "start-up, built-in catalogue, in turn: first frame, F, 'a$LETTER'," \
    "after import, ${before_bin:+before ($before_rev), }after a checkpoint"
parts=(now floor early import before ckpt)
for i in $(seq "$RUNS"); do
	k=$((i % ${#parts[@]}))
	for which in "${parts[@]:k}" "${parts[@]:0:k}"; do
		case $which in
		now)
			pty_run start_builtin -m "q quit" -q q -- "${K2[@]}" ;;
		before)
			[ -z "$before_bin" ] || pty_run start_before -m "q quit" \
			    -q q -- "$before_bin" --db "$before_db" ;;
		floor)
			pty_run frame_floor_turn -m FLOOR-END -q q -- \
			    "$B/floor_frame" ;;
		early)
			pty_run early_builtin -m "q quit" \
			    -E "a$LETTER|Find a food: $LETTER" -- "${K2[@]}" ;;
		import | ckpt)
			put_diary "$data/$which" "$tmp/after.db"
			pty_run start_after_$which -m "q quit" -q q -- \
			    "$K2DIARY" --db "$tmp/after.db" ;;
		esac
	done
done
for n in start_builtin frame_floor_turn early_builtin start_after_import \
    start_after_ckpt; do
	pty_split $n
done
if [ -n "$before_bin" ]; then
	pty_split start_before
else
	skip start_before "not built (BENCH_BEFORE=$BEFORE)"
fi
for n in 60 1000 10000 100000; do
	case $n in
	60) s=60 runs=$RUNS ;;
	1000) s=1k runs=$RUNS ;;
	10000) s=10k runs=$RUNS ;;
	100000) s=100k runs=$SLOW ;;
	esac
	foods=$data/foods-$n.yaml
	say "start-up: $n foods, on record"
	record "$foods"
	pty start_$s -n "$runs" -t 120000 -m "q quit" -- "${K2[@]}" --foods "$foods"
	say "start-up: $n foods, new (parsed before the first frame)"
	for i in $(seq "$runs"); do
		rm -rf "$home/.cache"
		pty_run start_${s}_new -t 120000 -m "q quit" -- \
		    "${K2[@]}" --foods "$foods"
	done
	pty_split start_${s}_new
done

# --- the picker ----------------------------------------------------------------
steps=(-k 'o:a|Find a food')
for q in "${QUERIES[@]}"; do
	steps+=(-k "t:$q" -k 'u:\x15')
done
say "picker: built-in catalogue, ${#QUERIES[@]} queries typed a key at a time"
pty pick_builtin -n "$SLOW" -t 120000 -m "q quit" "${steps[@]}" -- "${K2[@]}"
"$B/bench_core" search builtin "$RUNS" "${QUERIES[@]}" \
    >"$raw/search_builtin.txt" 2>"$raw/search_builtin.err" ||
    skip search_builtin "failed"
for n in 10000 100000; do
	s=$((n / 1000))k
	say "picker: $n foods, ${#QUERIES[@]} queries typed a key at a time"
	record "$data/foods-$n.yaml"
	pty pick_$s -n "$SLOW" -t 120000 -m "q quit" "${steps[@]}" -- \
	    "${K2[@]}" --foods "$data/foods-$n.yaml"
	"$B/bench_core" search "$data/foods-$n.yaml" "$RUNS" "${QUERIES[@]}" \
	    >"$raw/search_$s.txt" 2>"$raw/search_$s.err" || skip search_$s "failed"
done

# --- the finder (issue 13) ---------------------------------------------------------
# f on the day screen once the first frame is there and the catalogue is
# loaded (ptyrun waits for idleness, as for the picker's a), timed from the
# key to the last byte of the redraw. The finder may not exist yet: each
# run looks for FINDER_MARK (any case) on the screen after the key, and
# not before it; unless every run found it, the row says so instead of a
# figure. finder_check NAME: keeps NAME.probe only then.
finder_check() {
	local name=$1 runs found before
	[ -s "$raw/$name.frame.txt" ] || { rm -f "$raw/$name.probe.txt"; return; }
	runs=$(grep -c . "$raw/$name.probe_found.txt")
	found=$(grep -c '^1$' "$raw/$name.probe_found.txt")
	before=$(grep -c '^1$' "$raw/$name.probe_before.txt")
	if [ "$before" -gt 0 ]; then
		skip "$name" "not measured: '$FINDER_MARK' is on the day screen before f (set FINDER_MARK)"
	elif [ "$found" = 0 ]; then
		skip "$name" "not measured: no finder on screen (f)"
	elif [ "$found" != "$runs" ]; then
		skip "$name" "not measured: no finder on screen (f) in $((runs - found)) of $runs runs"
	else
		return 0
	fi
	rm -f "$raw/$name.probe.txt"
}
say "finder: f on the day screen, built-in catalogue (marker '$FINDER_MARK')"
pty finder -n "$RUNS" -t 120000 -m "q quit" -k "p:f|$FINDER_MARK" -- \
    "${K2[@]}"
finder_check finder

# --- the diary -------------------------------------------------------------------
say "diary: weekly query, logging"
"$B/bench_core" gauge "$db" "$RUNS" 1000 >"$raw/gauge.txt" 2>"$raw/gauge.err" ||
    skip gauge "failed: $(cat "$raw/gauge.err")"
"$B/bench_core" gauge "$db" "$RUNS" 1000 range >"$raw/range.txt" \
    2>"$raw/range.err" || skip range "failed: $(cat "$raw/range.err")"
python3 - "$db" >"$raw/query_plan.txt" <<'EOF'
import sqlite3, sys
# The statement of diary_range (src/diary.c, ST_RANGE).
sql = ("SELECT id, day, logged_at, food_id, food_name, serving, grams, "
       "servings, quantity, k2_ug, mk4_ug, mk7_ug, mk_other_ug, k1_ug, "
       "sat_fat_g, sodium_mg, kcal FROM entry WHERE day BETWEEN ?1 AND ?2 "
       "ORDER BY day, id")
con = sqlite3.connect(sys.argv[1])
for row in con.execute("EXPLAIN QUERY PLAN " + sql, (0, 6)):
    print(row[-1])
EOF
cp "$db" "$data/log.db"
"$B/bench_core" add "$data/log.db" $((RUNS * 2)) >"$raw/add_core.txt" \
    2>"$raw/add_core.err" || skip add_core "failed"

# --- whole processes -----------------------------------------------------------
say "whole processes"
proc cli_week -n "$RUNS" -- "${K2[@]}" week
proc cli_add -n "$RUNS" -- "$K2DIARY" --db "$data/log.db" add gouda
# The built-in catalogue: k2diary foods QUERY against fzf --filter QUERY
# over the same names (all of them, in the catalogue's order, as the
# names column of 'k2diary foods' lists them, but not cut to 40 columns).
"$B/bench_core" names builtin >"$data/names-builtin.txt" ||
    die "bench_core names failed"
listed=$(HOME=$home "$K2DIARY" foods | wc -l)
[ "$listed" -eq $(($(wc -l <"$data/names-builtin.txt") + 1)) ] ||
    die "k2diary foods lists $listed lines for $(wc -l <"$data/names-builtin.txt") names"
for q in "${QUERIES[@]}"; do
	proc cli_foods_builtin -n "$RUNS" -x -- "$K2DIARY" foods "$q"
	if [ $have_fzf = 1 ]; then
		proc fzf_builtin -n "$RUNS" -x -i "$data/names-builtin.txt" -- \
		    fzf --filter "$q"
	fi
done
[ $have_fzf = 1 ] || skip fzf_builtin "not installed (fzf)"
for n in 10000 100000; do
	s=$((n / 1000))k r=$RUNS
	[ $n = 100000 ] && r=$SLOW
	for q in "${QUERIES[@]}"; do
		proc cli_foods_$s -n "$r" -x -- \
		    "$K2DIARY" --foods "$data/foods-$n.yaml" foods "$q"
		if [ $have_fzf = 1 ]; then
			proc fzf_$s -n "$r" -x -i "$data/names-$n.txt" -- \
			    fzf --filter "$q"
		fi
	done
	[ $have_fzf = 1 ] || skip fzf_$s "not installed (fzf)"
done

# --- suggest against week (issue 13) ----------------------------------------------
# k2diary suggest (every food of the built-in catalogue against what is
# left of the day and the week) and k2diary week on the same ten-year
# diary, in turn: one run of each a round, the order swapping from round
# to round, after one run of each not counted. Twice: the diary as it is
# (its last day, today, is full: suggest scores every food and finds that
# none fits) and a copy with today's entries deleted (the list is sorted
# and printed, as on a morning with nothing logged yet).
cp "$db" "$data/room.db"
python3 - "$data/room.db" <<'EOF' || die "cannot empty today in room.db"
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
with con:
    con.execute("DELETE FROM entry WHERE day = (SELECT max(day) FROM entry)")
busy, log, done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
con.close()
EOF
say "suggest against week, in turn (ten-year diary; and nothing logged today)"
for v in "" _room; do
	d=$db
	[ -z "$v" ] || d=$data/room.db
	"$B/proctime" -n 0 -w 1 -H "$home" -- "$K2DIARY" --db "$d" suggest ||
	    say "k2diary suggest failed"
	"$B/proctime" -n 0 -w 1 -H "$home" -- "$K2DIARY" --db "$d" week
	for i in $(seq "$RUNS"); do
		if [ $((i % 2)) = 1 ]; then
			proc cli_suggest$v -n 1 -w 0 -- "$K2DIARY" --db "$d" suggest
			proc cli_week_turn$v -n 1 -w 0 -- "$K2DIARY" --db "$d" week
		else
			proc cli_week_turn$v -n 1 -w 0 -- "$K2DIARY" --db "$d" week
			proc cli_suggest$v -n 1 -w 0 -- "$K2DIARY" --db "$d" suggest
		fi
	done
done

# --- peers ---------------------------------------------------------------------
say "peers"
if [ $have_ncdu = 1 ]; then
	mkdir -p "$tmp/ncdu/a/b"
	for i in $(seq 1 50); do echo "$i" >"$tmp/ncdu/a/f$i"; done
	pty ncdu -n "$RUNS" -m "Total disk usage" -q q -- ncdu -x "$tmp/ncdu"
else
	skip ncdu "not installed (ncdu)"
fi
if [ $have_calcurse = 1 ]; then
	mkdir -p "$tmp/calcurse"
	# A first run makes its files; the measured runs find them.
	"$B/ptyrun" -H "$home" -m Appointments -- calcurse -D "$tmp/calcurse" \
	    >/dev/null 2>&1
	pty calcurse -n "$RUNS" -m "Appointments" -- calcurse -D "$tmp/calcurse"
else
	skip calcurse "not installed (calcurse)"
fi

# --- instruction counts ----------------------------------------------------------
# callgrind dumps after each screen update (doupdate_sp): part 1 is exec to
# the first frame; the last part in which a key was handled
# (tui_handle_key) is the last key typed, filter plus redraw.
ir() { # ir NAME FILE: the total of one callgrind dump
	if [ -f "$2" ]; then
		sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$2" | head -1 >"$raw/$1.txt"
	fi
	[ -s "$raw/$1.txt" ] || skip "$1" "failed: see build-bench/bench-raw/callgrind"
}
upto_parts() { # upto_parts PREFIX: the dumps up to the last key's, in order
	local f last
	last=$(last_key_part "$1")
	[ -f "$last" ] || return 0
	for f in $(ls "$1".* 2>/dev/null | grep '\.[0-9]*$' | sort -t. -k2 -n); do
		echo "$f"
		[ "$f" = "$last" ] && break
	done
}
ir_upto() { # ir_upto NAME PREFIX: the sum of the dumps up to the last key's
	local f n sum=0 any=0
	for f in $(upto_parts "$2"); do
		n=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$f" | head -1)
		sum=$((sum + ${n:-0}))
		any=1
	done
	[ $any = 1 ] && echo "$sum" >"$raw/$1.txt"
	[ -s "$raw/$1.txt" ] || skip "$1" "failed: see build-bench/bench-raw/callgrind"
}
profile() { # profile NAME DUMP...: the top of each dump, inclusive, in
	# callgrind/NAME.profile.txt
	local out=$cg/$1.profile.txt f
	shift
	: >"$out"
	for f in "$@"; do
		[ -f "$f" ] || continue
		echo "== $(basename "$f")" >>"$out"
		# One line a function (a file may be named two ways).
		callgrind_annotate --inclusive=yes "$f" 2>/dev/null |
		    sed -n '/file:function/,$p' | grep -v '^--' |
		    awk '{ n = split($0, w, ":"); f = w[n]; sub(/ \[.*/, "", f) }
		        !seen[$1 " " f]++' | head -40 >>"$out"
	done
}
last_key_part() { # last_key_part PREFIX: the last dump that handled a key
	local f last=
	for f in $(ls "$1".* 2>/dev/null | grep '\.[0-9]*$' | sort -t. -k2 -n); do
		grep -q 'tui_handle_key' "$f" && last=$f
	done
	echo "${last:-/nonexistent}"
}
if [ $have_valgrind = 1 ]; then
	say "instruction counts (callgrind)"
	vg() { # vg OUT PTYRUN-ARGS... -- PROGRAM...
		local out=$1
		shift
		"$B/ptyrun" -s 300 -t 900000 -H "$home" "$@" \
		    >"$cg/$(basename "$out").pty" 2>"$cg/$(basename "$out").err"
	}
	cgopt=(valgrind --tool=callgrind --dump-after=doupdate_sp)
	vg floor -m FLOOR-END -- "${cgopt[@]}" \
	    --callgrind-out-file="$cg/floor" "$B/floor_frame"
	ir ir_floor "$cg/floor.1"
	# The built-in catalogue: the first frame, then one key in the picker.
	vg builtin -m "q quit" -k 'o:a|Find a food' -k 't:g' -- "${cgopt[@]}" \
	    --callgrind-out-file="$cg/builtin" "${K2[@]}"
	ir ir_start_builtin "$cg/builtin.1"
	ir ir_key_builtin "$(last_key_part "$cg/builtin")"
	if [ -n "$before_bin" ]; then
		vg before -m "q quit" -- "${cgopt[@]}" \
		    --callgrind-out-file="$cg/before" "$before_bin" --db "$before_db"
		ir ir_start_before "$cg/before.1"
	else
		skip ir_start_before "not built (BENCH_BEFORE=$BEFORE)"
	fi
	valgrind --tool=callgrind --collect-atstart=no --toggle-collect=search_run \
	    --callgrind-out-file="$cg/search_builtin" "$B/bench_core" searchonce \
	    builtin g >/dev/null 2>"$cg/search_builtin.err"
	ir ir_search_builtin "$cg/search_builtin"
	# 'a' and a letter typed at the first frame: every part up to the
	# screen that shows the letter's foods.
	vg early -m "q quit" -E "a$LETTER|Find a food: $LETTER" -- \
	    "${cgopt[@]}" --callgrind-out-file="$cg/early" "${K2[@]}"
	ir_upto ir_early_builtin "$cg/early"
	# The first frame after import, and after a checkpoint.
	for state in import ckpt; do
		put_diary "$data/$state" "$tmp/after.db"
		vg after_$state -m "q quit" -- "${cgopt[@]}" \
		    --callgrind-out-file="$cg/after_$state" \
		    "$K2DIARY" --db "$tmp/after.db"
		ir ir_start_after_$state "$cg/after_$state.1"
	done
	# k2diary foods QUERY, the whole process (the environment of proctime).
	env -i HOME="$home" LC_ALL=C.UTF-8 PATH="$PATH" valgrind \
	    --tool=callgrind --callgrind-out-file="$cg/foods_builtin" \
	    "$K2DIARY" foods "${QUERIES[0]}" >/dev/null 2>"$cg/foods_builtin.err"
	ir ir_cli_foods_builtin "$cg/foods_builtin"
	# Where the instructions go (for the README's notes on missed
	# targets): inclusive costs of the built-in catalogue's dumps.
	profile builtin_start "$cg/builtin.1"
	profile before_start "$cg/before.1"
	profile builtin_key "$(last_key_part "$cg/builtin")"
	profile early $(upto_parts "$cg/early")
	profile after_import "$cg/after_import.1"
	profile after_ckpt "$cg/after_ckpt.1"
	profile foods_builtin "$cg/foods_builtin"
	# Issue 10: the restructured program against the one before it
	# (BENCH_BEFORE_RESTRUCTURE), each on the diary its own import made:
	# the first frame, then g typed in the picker (as the builtin rows);
	# with the same 53 foods (a copy of foods.yaml, on record for both,
	# in a HOME of these runs only) and with each one's built-in
	# catalogue (8,794 foods now, the 53 of foods.yaml before).
	if [ -n "$restruct_bin" ]; then
		rhome=$tmp/home-restructure
		mkdir -p "$rhome"
		rfoods=$tmp/foods-shipped.yaml
		cp "$root/foods.yaml" "$rfoods"
		if ! HOME=$rhome "$restruct_bin" --foods "$rfoods" check \
		    >/dev/null 2>&1; then
			say "k2diary $restruct_rev refuses foods.yaml: using its own"
			git -C "$root" show "$restruct_rev:foods.yaml" >"$rfoods"
		fi
		HOME=$rhome "$K2DIARY" --foods "$rfoods" check \
		    >"$raw/restructure_foods.txt" 2>&1 &&
		    HOME=$rhome "$restruct_bin" --foods "$rfoods" check \
		    >>"$raw/restructure_foods.txt" 2>&1 ||
		    say "a program refuses $rfoods (see $raw/restructure_foods.txt)"
		for which in now before; do
			if [ $which = now ]; then
				rprog=("$K2DIARY" --db "$db")
			else
				rprog=("$restruct_bin" --db "$restruct_db")
			fi
			for cat in foods builtin; do
				rargs=()
				if [ $cat = foods ]; then
					rargs=(--foods "$rfoods")
					HOME=$rhome "${rprog[@]}" --foods "$rfoods" \
					    list >/dev/null
				fi
				out=r_${cat}_$which
				"$B/ptyrun" -s 300 -t 900000 -H "$rhome" -m "q quit" \
				    -k 'o:a|Find a food' -k 't:g' -- "${cgopt[@]}" \
				    --callgrind-out-file="$cg/$out" "${rprog[@]}" \
				    "${rargs[@]}" >"$cg/$out.pty" 2>"$cg/$out.err"
				ir ir_${out}_start "$cg/$out.1"
				ir ir_${out}_key "$(last_key_part "$cg/$out")"
				profile ${out}_start "$cg/$out.1"
				profile ${out}_key "$(last_key_part "$cg/$out")"
			done
		done
	else
		for n in foods_now foods_before builtin_now builtin_before; do
			skip ir_r_${n}_start "not built (BENCH_BEFORE_RESTRUCTURE=$RESTRUCT)"
			skip ir_r_${n}_key "not built (BENCH_BEFORE_RESTRUCTURE=$RESTRUCT)"
		done
	fi
	# Issue 13: k2diary suggest and k2diary week, whole processes (the
	# environment of proctime), on each of the two diaries.
	for v in "" _room; do
		d=$db
		[ -z "$v" ] || d=$data/room.db
		for c in suggest week; do
			env -i HOME="$home" LC_ALL=C.UTF-8 PATH="$PATH" valgrind \
			    --tool=callgrind --callgrind-out-file="$cg/$c$v" \
			    "$K2DIARY" --db "$d" $c >/dev/null 2>"$cg/$c$v.err"
			ir ir_cli_$c$v "$cg/$c$v"
		done
	done
	profile suggest "$cg/suggest" "$cg/suggest_room"
	# Issue 13: f on the day screen (the finder), when it is there.
	vg finder -m "q quit" -k "p:f|$FINDER_MARK" -- "${cgopt[@]}" \
	    --callgrind-out-file="$cg/finder" "${K2[@]}"
	if grep -q 'probe_found=1 probe_before=0' "$cg/finder.pty"; then
		ir ir_finder "$(last_key_part "$cg/finder")"
		profile finder "$(last_key_part "$cg/finder")"
	elif grep -q 'probe_before=1' "$cg/finder.pty"; then
		skip ir_finder "not measured: '$FINDER_MARK' is on the day screen before f (set FINDER_MARK)"
	elif grep -q 'probe_found=0' "$cg/finder.pty"; then
		skip ir_finder "not measured: no finder on screen (f)"
	else
		skip ir_finder "failed: see build-bench/bench-raw/callgrind/finder.err"
	fi
	record "$data/foods-10000.yaml"
	vg f10k -m "q quit" -k 'o:a|Find a food' -k 't:g' -- "${cgopt[@]}" \
	    --callgrind-out-file="$cg/f10k" "${K2[@]}" --foods "$data/foods-10000.yaml"
	ir ir_start_10k "$cg/f10k.1"
	ir ir_key_10k "$(last_key_part "$cg/f10k")"
	valgrind --tool=callgrind --collect-atstart=no --toggle-collect=search_run \
	    --callgrind-out-file="$cg/search" "$B/bench_core" searchonce \
	    "$data/foods-10000.yaml" g >/dev/null 2>"$cg/search.err"
	ir ir_search_10k "$cg/search"
	if [ "${BENCH_CALLGRIND_100K:-1}" = 1 ]; then
		record "$data/foods-100000.yaml"
		vg f100k -m "q quit" -- "${cgopt[@]}" \
		    --callgrind-out-file="$cg/f100k" \
		    "${K2[@]}" --foods "$data/foods-100000.yaml"
		ir ir_start_100k "$cg/f100k.1"
		# A new catalogue: parsed before the first frame.
		rm -rf "$home/.cache"
		vg f100k_new -m "q quit" -- "${cgopt[@]}" \
		    --callgrind-out-file="$cg/f100k_new" \
		    "${K2[@]}" --foods "$data/foods-100000.yaml"
		ir ir_start_100k_new "$cg/f100k_new.1"
	else
		skip ir_start_100k "not run (BENCH_CALLGRIND_100K=0)"
		skip ir_start_100k_new "not run (BENCH_CALLGRIND_100K=0)"
	fi
else
	for n in ir_floor ir_start_builtin ir_start_before ir_key_builtin \
	    ir_search_builtin ir_early_builtin ir_start_after_import \
	    ir_start_after_ckpt ir_cli_foods_builtin ir_start_10k ir_key_10k \
	    ir_search_10k \
	    ir_start_100k ir_start_100k_new ir_cli_suggest ir_cli_week \
	    ir_cli_suggest_room ir_cli_week_room ir_finder \
	    ir_r_foods_now_start ir_r_foods_now_key ir_r_foods_before_start \
	    ir_r_foods_before_key ir_r_builtin_now_start \
	    ir_r_builtin_now_key ir_r_builtin_before_start \
	    ir_r_builtin_before_key; do
		skip $n "not installed (valgrind)"
	done
fi

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$raw/machine.txt"
# The diaries' schemas, and whether a run changed one (a migration).
schemas_after=$(schemas)
if [ "$schemas_after" = "$schemas_before" ]; then
	echo "diary_schemas=$schemas_before (unchanged by the runs)"
else
	echo "diary_schemas=$schemas_before, CHANGED to $schemas_after"
fi >>"$raw/machine.txt"
echo
python3 "$here/report.py" "$raw" "$JSON" || die "report failed"
echo
echo "JSON: $JSON (raw samples: $raw)"

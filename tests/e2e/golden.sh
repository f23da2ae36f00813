#!/usr/bin/env bash
# Golden output: the whole text of week, list, foods QUERY and export (text,
# CSV and JSON) compared with files in tests/golden/ worked out by hand from
# tests/golden/foods.yaml, on a fixed day and a fixed clock, in whatever
# locale the suite runs under (the figures never change; outside UTF-8 only
# "µg" becomes "ug"). Then the round trip: an import of the export exports
# the same bytes and prints the same figures.
. "$(dirname "$0")/lib.bash"

G=$TOP/tests/golden
DBG=$T/golden.db

# diff NAME GOT_FILE WANT_FILE: exact, with a diff when not.
same() {
	local want=$3
	if [ -z "$UTF8" ]; then
		sed 's/µg/ug/g' "$3" >"$T/want.ascii"
		want=$T/want.ascii
	fi
	if cmp -s "$2" "$want"; then pass "$1"; else
		fail "$1"; diff -u "$want" "$2" | sed 's/^/  /' | head -40
	fi
}

# k ARGS...: k2diary on the golden catalogue and diary, the clock stopped
# at 2026-11-29 20:00 UTC (libfaketime; ASan must then allow a preload).
k() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
	    faketime -f '2026-11-29 20:00:00' "$K2" --foods "$G/foods.yaml" \
	    --db "$DBG" "$@"
}

if ! command -v faketime >/dev/null; then
	fail "golden output needs faketime to stop the clock (make check installs it)"
	exit 0
fi
if [ "$(k --version >/dev/null 2>&1; echo $?)" != 0 ]; then
	fail "k2diary does not run under faketime"
	exit 0
fi

# The week of Mon 2026-11-23: seven entries, worked out in the .out files.
k add natto --date 2026-11-23 >/dev/null &&
k add kefir --date 2026-11-25 >/dev/null &&
k add gouda "2 slice" --date 2026-11-27 >/dev/null &&
k add salami 3 --date 2026-11-27 >/dev/null &&
k add brie --date 2026-11-27 >/dev/null &&
k add salami 10 --date 2026-11-28 >/dev/null &&
k add k2_capsule --date 2026-11-29 >/dev/null
is "the golden diary is logged" "$?" 0

k week --date 2026-11-27 >"$T/out" 2>"$T/err"
same "week (text)" "$T/out" "$G/week-2026-11-27.out"
is "week writes nothing to stderr" "$(cat "$T/err")" ""
k week --date 2026-11-27 --json >"$T/out"
same "week --json" "$T/out" "$G/week-2026-11-27.json"
if python3 -m json.tool "$T/out" >/dev/null 2>&1; then
	pass "week --json is valid JSON in $K2_TEST_LOCALE"
else fail "week --json is valid JSON in $K2_TEST_LOCALE"; fi
k list --date 2026-11-27 >"$T/out"
same "list (text)" "$T/out" "$G/list-2026-11-27.out"
k list --date 2026-11-27 --json >"$T/out"
same "list --json" "$T/out" "$G/list-2026-11-27.json"
k foods cheese >"$T/out"
same "foods cheese" "$T/out" "$G/foods-cheese.out"
k export >"$T/out"
same "export (CSV)" "$T/out" "$G/export.csv"
k export --format json >"$T/out"
same "export --format json" "$T/out" "$G/export.json"

# The round trip: every digit is written, so nothing moves.
DBG=$T/again.db
k import "$G/export.csv" >/dev/null
is "import of the golden export: exit 0" "$?" 0
k export >"$T/out"
same "export of the import is the same bytes" "$T/out" "$G/export.csv"
k week --date 2026-11-27 >"$T/out"
same "week of the import is the same" "$T/out" "$G/week-2026-11-27.out"

# The real catalogue: 250 g of whole milk (43 mg of sodium per 100 g is
# 107.5 mg) prints the same before and after an export and import.
DBG=$T/milk.db
m() { "$K2" --db "$DBG" "$@"; }
m add milk_whole 250g --date 2026-11-27 >/dev/null
before=$(m list --date 2026-11-27)
m export >"$T/milk.csv"
DBG=$T/milk2.db
m import "$T/milk.csv" >/dev/null
after=$(m list --date 2026-11-27)
is "milk 250 g: list after export and import is unchanged" "$after" "$before"
has "milk 250 g: 108 mg of sodium (107.5 rounded)" "$before" " 108"

#!/usr/bin/env bash
# Run every test: cmocka binaries in the given folders, then the end-to-end
# scripts (tests/e2e/*.sh). Ends with "N passed, N failed[, N skipped]".
# Usage: tests/run.sh [NAME=VALUE | DIR]... (a folder of test binaries or of
# *.sh scripts; NAME=VALUE sets the environment for the folders after it)
set -u
passed=0 failed=0 skipped=0
# Leaks inside other libraries (see the file) are not ours to fix.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
logdir=$(mktemp -d "${TMPDIR:-/tmp}/k2diary-tests.XXXXXX")
trap 'rm -rf "$logdir"' EXIT

count() { # count FILE PATTERN: the sum of the numbers on matching lines
	sed -n "s/$2/\\1/p" "$1" | awk '{s += $1} END {print s + 0}'
}

run_unit() {
	local bin=$1 log p f s rc
	log="$logdir/$(basename "$bin").$RANDOM.log"
	CMOCKA_MESSAGE_OUTPUT=stdout "$bin" >"$log" 2>&1
	rc=$?
	p=$(count "$log" '^\[  PASSED  \] \([0-9]*\) test.*')
	f=$(count "$log" '^\[  FAILED  \] \([0-9]*\) test.*')
	s=$(count "$log" '^\[  SKIPPED \] \([0-9]*\) test.*')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # crashed
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $bin ($p passed, $f failed)"; sed 's/^/    /' "$log"
	else
		echo "ok   $bin ($p passed${s:+, $s skipped})" | sed 's/, 0 skipped//'
		grep -h '^\[  SKIPPED \] [a-z]\|^notice:' "$log" | sed 's/^/    /'
	fi
}

run_e2e() {
	local sh=$1 log p f s rc
	log="$logdir/$(basename "$sh").log"
	bash "$sh" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^PASS: ' "$log")
	f=$(grep -c '^FAIL: ' "$log")
	s=$(grep -c '^SKIP: ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $sh ($p passed, $f failed, exit $rc)"; sed 's/^/    /' "$log"
	else
		echo "ok   $sh ($p passed)"
		grep '^SKIP: ' "$log" | sed 's/^/    /'
	fi
}

for dir in "$@"; do
	case $dir in
	K2_TEST_LOCALE=de_DE*)
		# A locale made by localedef (make check) when none is installed.
		export "${dir?}"; echo "== $dir"
		if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
			export LOCPATH
			LOCPATH="$(cd "$(dirname "$0")/.." && pwd)/build/locale"
		fi
		continue ;;
	K2_TEST_LOCALE=*) export "${dir?}"; unset LOCPATH; echo "== $dir"
		continue ;;
	*=*) export "${dir?}"; echo "== $dir"; continue ;;
	esac
	for t in "$dir"/*; do
		case $t in
		*.sh) run_e2e "$t" ;;
		*.d | *.o | *.c) ;;
		*) [ -x "$t" ] && [ -f "$t" ] && run_unit "$t" ;;
		esac
	done
done
if [ "$skipped" -ne 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]

# Shared helpers for the end-to-end scripts (sourced, not run).
# Each check prints "PASS: name" or "FAIL: name"; tests/run.sh counts them.
set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
K2=${K2DIARY:-$TOP/k2diary}
T=$(mktemp -d "${TMPDIR:-/tmp}/k2diary-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" TZ=UTC
unset XDG_CONFIG_HOME XDG_DATA_HOME K2DIARY_FOODS K2DIARY_DB NO_COLOR LANG
unset LC_NUMERIC LC_CTYPE LC_MESSAGES

# The locale under test (make check runs the suite under C.UTF-8, under
# de_DE.UTF-8, whose decimal point is a comma, and under C, which is not
# UTF-8). A comma locale that did not take effect would test nothing: fail.
# (tests/run.sh sets LOCPATH for a locale made by localedef: a shell
# cannot change its own.)
# LANG sets the locale under test; messages from the system (strerror) stay
# in English (LC_MESSAGES=C), so that the checks can read them.
K2_TEST_LOCALE=${K2_TEST_LOCALE:-C.UTF-8}
unset LC_ALL
export LANG=$K2_TEST_LOCALE LC_MESSAGES=C
case $K2_TEST_LOCALE in
de_DE*)
	proof=$(bash -c "printf '%.1f' 3" 2>&1)
	if [ "$proof" != "3,0" ]; then
		echo "FAIL: the comma-decimal locale $K2_TEST_LOCALE did not take" \
		    "effect (printf %.1f 3 gives '$proof'); make" \
		    "build/locale/de_DE.UTF-8/LC_NUMERIC makes it"
		exit 1
	fi ;;
esac
# UTF8: whether the locale is UTF-8; UG: the microgram unit as printed.
case $K2_TEST_LOCALE in
*[Uu][Tt][Ff]-8 | *[Uu][Tt][Ff]8) UTF8=1 UG=µg ;;
*) UTF8= UG=ug ;;
esac
# The first run (C.UTF-8, the plain build) does the slow, locale-free work.
PRIMARY=
case "$K2_TEST_LOCALE ${K2DIARY:-$TOP/build/k2diary}" in
"C.UTF-8 "*/build/k2diary) PRIMARY=1 ;;
esac
mkdir -p "$HOME"
DB="$HOME/.local/share/k2diary/diary.db"

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; }

# run ARGS...: run k2diary; sets $out, $err and $rc.
run() {
	out=$("$K2" "$@" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
}

# is NAME GOT WANT: exact comparison.
is() {
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1"; printf '  got:  %s\n  want: %s\n' "$2" "$3"
	fi
}

# has NAME TEXT NEEDLE: TEXT contains NEEDLE (fixed string).
has() {
	if printf '%s' "$2" | grep -qF -- "$3"; then pass "$1"; else
		fail "$1"; printf '  missing: %s\n  in: %s\n' "$3" "$2"
	fi
}

# lacks NAME TEXT NEEDLE: TEXT does not contain NEEDLE.
lacks() {
	if printf '%s' "$2" | grep -qF -- "$3"; then
		fail "$1"; printf '  unexpected: %s\n' "$3"
	else pass "$1"; fi
}

# sql QUERY: run a query on the diary database.
sql() { sqlite3 -batch -cmd '.timeout 5000' "$DB" "$1"; }

# day OFFSET: the date OFFSET days from today, as k2diary counts days
# (the day starts at 04:00).
day() { date -u -d "$(date -u -d '-4 hours' +%F) $1 days" +%F; }

#!/usr/bin/env bash
# The man page and the README against the program (issue 9 item 30), so
# that they cannot drift from it:
#  a. the commands of 'k2diary --help' are those of the man page's COMMANDS
#     (".It Cm NAME"), and its long options those of OPTIONS (".It ...
#     Fl \-NAME");
#  b. every block of EXAMPLES marked as output (a comment line
#     '.\" example: output' before a '.Bd -literal') is a transcript: each
#     "$ " line in it is run, in order and in one shell, and must print the
#     lines under it, exactly;
#  c. mandoc -T lint -W warning finds nothing (skipped without mandoc);
#  d. the README's quick start is the two commands 'make run', 'make check'.
. "$(dirname "$0")/lib.bash"

MAN=$TOP/man/k2diary.1
README=$TOP/README.md

# section NAME: the lines of the man page's section NAME, without its .Sh.
section() {
	awk -v want="$1" '/^\.Sh /{ on = substr($0, 5) == want; next } on' "$MAN"
}

# same_set NAME GOT WANT: two sorted lists, one item a line, are equal;
# else say what is missing from GOT and what it has too many.
same_set() {
	if [ -z "$2" ] || [ -z "$3" ]; then
		fail "$1 (found nothing to compare: the markup changed?)"
	elif [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1"
		comm -13 <(printf '%s\n' "$2") <(printf '%s\n' "$3") |
		    sed 's/^/  missing: /'
		comm -23 <(printf '%s\n' "$2") <(printf '%s\n' "$3") |
		    sed 's/^/  not in the program: /'
	fi
}

# --- a. commands and options ---
run --help
help=$out
help_cmds=$(printf '%s\n' "$help" | awk '/^Commands:/ { on = 1; next }
    /^Options:/ { on = 0 } on && /^  [a-z]/ { print $1 }' | sort -u)
man_cmds=$(section COMMANDS | sed -n 's/^\.It Cm \([a-z][a-z0-9_-]*\).*/\1/p' |
    sort -u)
same_set "the man page's COMMANDS are the commands of --help" \
    "$man_cmds" "$help_cmds"

help_opts=$(printf '%s\n' "$help" | awk '/^Options:/ { on = 1; next } on' |
    sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}--\([a-z0-9-]*\).*/\2/p' | sort -u)
# (".Fl \-foods" is "--foods": the macro writes one dash, the text the other.)
man_opts=$(section OPTIONS | grep '^\.It ' | sed 's/\\-/-/g' |
    grep -o 'Fl -[a-z0-9][a-z0-9-]*' | sed 's/^Fl -//' | sort -u)
same_set "the man page's OPTIONS are the long options of --help" \
    "$man_opts" "$help_opts"

# --- b. the examples ---
# The examples run from a copy of the source tree's test catalogue, in the
# temporary HOME, with the clock stopped after their last day when
# faketime is there (they name their days, so none is needed otherwise).
W=$T/work
mkdir -p "$W/tests/golden"
cp "$TOP/tests/golden/foods.yaml" "$W/tests/golden/"
clock=
if command -v faketime >/dev/null &&
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
    faketime -f '2026-11-29 20:00:00' "$K2" --version >/dev/null 2>&1; then
	clock=faketime
fi

# unescape: the roff escapes the examples use, as the reader sees them.
unescape() {
	sed -e 's/\\(mc/µ/g' -e 's/\\&//g' -e 's/\\-/-/g' -e 's/\\e/\\/g'
}

# Split the marked blocks into want.N (the transcript) and a script that
# writes got.N, every command after its "$ " line, $? kept across.
script=$T/examples.sh
{
	echo 'cd "$W" || exit 1'
	if [ -n "$clock" ]; then
		echo 'k2diary() { ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 faketime -f "2026-11-29 20:00:00" "$K2" "$@"; }'
	else
		echo 'k2diary() { "$K2" "$@"; }'
	fi
	echo '__rc=0'
} >"$script"
n=0 marked=0 inside=0 bad=0
while IFS= read -r line; do
	if [ "$inside" = 1 ]; then
		if [ "$line" = ".Ed" ]; then
			inside=0
			echo "} >\"\$T/got.$n\" 2>&1" >>"$script"
			continue
		fi
		text=$(printf '%s\n' "$line" | unescape)
		printf '%s\n' "$text" >>"$T/want.$n"
		case $text in
		'$ '*)
			printf 'printf "%%s\\n" %q; (exit $__rc); %s; __rc=$?\n' \
			    "$text" "${text#\$ }" >>"$script" ;;
		esac
		continue
	fi
	if [ "$marked" = 1 ]; then
		marked=0
		case $line in
		.Bd\ -literal*)
			n=$((n + 1)) inside=1
			: >"$T/want.$n"
			echo "{" >>"$script"
			continue ;;
		*)
			fail "an example marked as output is a .Bd -literal block"
			printf '  after the mark: %s\n' "$line"
			bad=1 ;;
		esac
	fi
	[ "$line" = '.\" example: output' ] && marked=1
done < <(section EXAMPLES)

if [ "$n" -eq 0 ]; then
	fail "EXAMPLES has blocks marked as output (.\\\" example: output)"
elif [ -z "$clock" ] && [[ $(date -u +%F) < 2026-11-30 ]]; then
	echo "SKIP: the examples log days up to 2026-11-28, after today, and" \
	    "faketime is not there to move the clock"
else
	W=$W K2=$K2 T=$T bash "$script"
	for i in $(seq 1 "$n"); do
		want=$(cat "$T/want.$i")
		got=$(cat "$T/got.$i" 2>/dev/null)
		# What changes from run to run or locale to locale: the home
		# folder (shown as ~), and outside UTF-8 the microgram unit.
		got=${got//"$HOME"/\~}
		if [ -z "$UTF8" ]; then
			want=${want//µg/ug}
		fi
		first=$(printf '%s\n' "$want" | grep -m1 '^\$ ')
		if [ "$got" = "$want" ]; then
			pass "EXAMPLES block $i prints as shown: $first"
		else
			fail "EXAMPLES block $i prints as shown: $first"
			diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$got") |
			    sed '1,2d; s/^/  /' | head -40
		fi
	done
fi

# --- c. mandoc ---
if command -v mandoc >/dev/null; then
	lint=$(mandoc -T lint -W warning "$MAN" 2>&1)
	is "mandoc -T lint -W warning finds nothing in the man page" "$lint" ""
else
	echo "SKIP: mandoc not installed: the man page was not linted"
fi

# --- d. the README's quick start ---
quick=$(awk '/^## / { on = $0 == "## Quick start"; next }
    on && /^```/ { code = !code; next } on && code' "$README" |
    sed 's/#.*//; s/[[:space:]]*$//' | grep -v '^$')
is "the README's quick start is 'make run' and 'make check'" "$quick" \
    "make run
make check"

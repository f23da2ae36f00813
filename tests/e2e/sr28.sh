#!/usr/bin/env bash
# sr28-convert (DESIGN.md 3a): the SR28-format fixture in tests/data/sr28
# against the catalogue worked out by hand from the rules (expected.yaml),
# its report, errors, determinism and the locale; then the full SR28 in
# ../shared/data/usda-sr28 against the shipped data/usda-sr28.yaml and an
# independent reading of it (sr28_check.py).
. "$(dirname "$0")/lib.bash"

CONV=$TOP/build/sr28-convert
FIX=$TOP/tests/data/sr28
SR28=$TOP/../shared/data/usda-sr28

if [ ! -x "$CONV" ]; then
	fail "sr28-convert is built ($CONV is missing: run make build/sr28-convert)"
	exit 0
fi

# convert NAME DIR OUT [ENV...]: run the converter; sets $rc and $err.
convert() {
	local name=$1 dir=$2 out=$3
	shift 3
	env "$@" "$CONV" "$dir" "$out" 2>"$T/$name.err"
	rc=$?
	err=$(cat "$T/$name.err")
}

# independent WHAT DIR YAML REPORT: sr28_check.py's checks, named WHAT: ...
independent() {
	if ! command -v python3 >/dev/null; then
		echo "SKIP: $1: independent check (python3 not installed)"
		return
	fi
	python3 "$TOP/tests/e2e/sr28_check.py" "$2" "$3" "$4" >"$T/check.out" 2>&1
	local status=$?
	sed "s/^\(PASS\|FAIL\|SKIP\): /\1: $1: /" "$T/check.out"
	[ "$status" -eq 0 ] || fail "$1: independent check ran (exit $status)"
}

# same NAME WANT GOT: two files are the same bytes (a diff when not).
same() {
	if cmp -s "$2" "$3"; then pass "$1"; else
		fail "$1"; diff -u "$2" "$3" | head -40 | sed 's/^/  /'
	fi
}

# --- the fixture: every rule of section 3a on 12 foods ---
convert fix "$FIX" "$T/fix.yaml"
is "fixture converts (exit 0)" "$rc" 0
same "fixture gives the catalogue worked out by hand" "$FIX/expected.yaml" "$T/fix.yaml"
is "fixture report: foods, rows kept and dropped by reason" "$err" "sr28-convert: wrote $T/fix.yaml
foods written: 12
weight rows: 34
rows kept: 22
dropped (empty label): 1
dropped (label too long): 1
dropped (unit of every food): 5
dropped (grams out of range): 2
dropped (repeated label): 3
foods served by an oz/lb row: 2
foods given 100 g: 1"
is "output is not left private" "$(stat -c %a "$T/fix.yaml")" "$(printf '%o' $((0666 & ~0$(umask))))"

# --- determinism and the locale ---
convert again "$FIX" "$T/again.yaml"
same "same input, same bytes" "$T/fix.yaml" "$T/again.yaml"

# A comma-decimal locale: one installed, else one built with localedef
# (about 3 s, so kept in build/locale for the next runs).
deloc=$(locale -a 2>/dev/null | grep -i '^de_DE' | head -n 1)
locenv=() haveloc=0
if [ -n "$deloc" ]; then
	locenv=(LC_ALL="$deloc")
elif [ -d "$TOP/build/locale/de_DE.UTF-8" ]; then
	locenv=(LOCPATH="$TOP/build/locale" LC_ALL=de_DE.UTF-8)
elif command -v localedef >/dev/null && mkdir -p "$T/locale" &&
	localedef -i de_DE -f UTF-8 "$T/locale/de_DE.UTF-8" >/dev/null 2>&1; then
	mkdir -p "$TOP/build/locale" &&
		mv "$T/locale/de_DE.UTF-8" "$TOP/build/locale/" 2>/dev/null ||
		rm -rf "$TOP/build/locale/de_DE.UTF-8"
	if [ -d "$TOP/build/locale/de_DE.UTF-8" ]; then
		locenv=(LOCPATH="$TOP/build/locale" LC_ALL=de_DE.UTF-8)
	else
		locenv=(LOCPATH="$T/locale" LC_ALL=de_DE.UTF-8)
	fi
fi
if [ "${#locenv[@]}" -ne 0 ] &&
	[ "$(env "${locenv[@]}" /usr/bin/printf '%.1f' 1.5 2>/dev/null)" = "1,5" ]; then
	haveloc=1
	convert de "$FIX" "$T/de.yaml" "${locenv[@]}"
	same "a comma-decimal locale changes no number" "$T/fix.yaml" "$T/de.yaml"
else
	echo "SKIP: a comma-decimal locale changes no number (no de_DE locale)"
fi

# A plain NUT_DATA.txt beside the folder's other files is read instead of xz.
mkdir -p "$T/plain"
cp "$FIX/FOOD_DES.txt" "$FIX/WEIGHT.txt" "$T/plain/"
xz -dc "$FIX/NUT_DATA.txt.xz" >"$T/plain/NUT_DATA.txt"
convert plain "$T/plain" "$T/plain.yaml"
same "a plain NUT_DATA.txt gives the same catalogue" "$T/fix.yaml" "$T/plain.yaml"

# The independent reader agrees with the converter on the fixture too.
independent fixture "$FIX" "$T/fix.yaml" "$T/fix.err"

# --- usage and errors ---
"$CONV" 2>"$T/usage.err"
is "no arguments is a usage error (exit 2)" "$?" 2
has "usage is shown" "$(cat "$T/usage.err")" "usage: sr28-convert SR28_DIR OUT.yaml"
convert missing "$T/nowhere" "$T/x.yaml"
is "a missing folder exits 1" "$rc" 1
has "a missing folder names the file" "$err" "cannot open $T/nowhere/FOOD_DES.txt"

# A broken record names FILE:LINE and leaves the old output whole.
bad() { # bad NAME FILE SED-SCRIPT: a copy of the fixture with FILE edited
	rm -rf "$T/bad"
	cp -r "$FIX" "$T/bad"
	rm -f "$T/bad/expected.yaml"
	sed -i "$3" "$T/bad/$2"
	echo "old" >"$T/bad.yaml"
	convert "$1" "$T/bad" "$T/bad.yaml"
}
bad gm WEIGHT.txt '3s/\^28\.35\^/^2x.35^/'
is "a bad Gm_Wgt exits 1" "$rc" 1
has "a bad Gm_Wgt names file:line" "$err" "$T/bad/WEIGHT.txt:3: Amount '1' or Gm_Wgt '2x.35' is not a number"
is "a failed run leaves the old output" "$(cat "$T/bad.yaml")" "old"
is "a failed run leaves no temporary file" "$(ls "$T" | grep -c '^bad\.yaml\.')" 0
bad fields FOOD_DES.txt '2s/\^~Y~\^/^/'
has "a short record names file:line" "$err" "$T/bad/FOOD_DES.txt:2: expected 14 fields separated by '^', found 13"
bad ndb WEIGHT.txt '5s/~01009~/~01010~/'
has "a weight of an unknown food names file:line" "$err" "$T/bad/WEIGHT.txt:5: NDB_No '01010' is not in FOOD_DES.txt"
bad group FOOD_DES.txt '1s/~0100~/~0150~/'
has "an unknown food group names file:line" "$err" "$T/bad/FOOD_DES.txt:1: unknown food group '0150'"
rm -rf "$T/bad" && cp -r "$FIX" "$T/bad" && printf 'not xz' >"$T/bad/NUT_DATA.txt.xz"
convert xz "$T/bad" "$T/bad.yaml"
is "a damaged NUT_DATA.txt.xz exits 1" "$rc" 1
has "a damaged NUT_DATA.txt.xz is reported" "$err" "sr28-convert: xz -dc $T/bad/NUT_DATA.txt.xz failed"

# --- the full SR28 ---
# These take several seconds (two full conversions and a Python reading of
# 8,789 foods), and the e2e suite runs once per build and locale: run them
# only on the plain build's pass (K2DIARY unset or .../build/k2diary).
case ${K2DIARY:-$TOP/build/k2diary} in
*/build/k2diary) full=1 ;;
*) full=0 ;;
esac
full_checks="full SR28 regenerates the shipped data/usda-sr28.yaml
full SR28 in a comma-decimal locale gives the same bytes
full SR28 independent check"
if [ ! -d "$SR28" ]; then
	printf '%s\n' "$full_checks" | sed 's/.*/SKIP: & (..\/shared\/data\/usda-sr28 not found)/'
elif [ "$full" = 0 ]; then
	printf '%s\n' "$full_checks" | sed 's/.*/SKIP: & (run once, on the build\/k2diary pass)/'
else
	convert full "$SR28" "$T/full.yaml"
	is "full SR28 converts (exit 0)" "$rc" 0
	same "full SR28 regenerates the shipped data/usda-sr28.yaml" "$TOP/data/usda-sr28.yaml" "$T/full.yaml"
	if [ "$haveloc" = 1 ]; then
		convert fullde "$SR28" "$T/fullde.yaml" "${locenv[@]}"
		same "full SR28 in a comma-decimal locale gives the same bytes" "$T/full.yaml" "$T/fullde.yaml"
	else
		echo "SKIP: full SR28 in a comma-decimal locale gives the same bytes (no de_DE locale)"
	fi
	independent "full SR28" "$SR28" "$TOP/data/usda-sr28.yaml" "$T/full.err"
fi

#!/usr/bin/env bash
# Every companion command under valgrind (memcheck, full leak check) on a
# temporary HOME: no invalid access, no uninitialised value and no leak,
# definite, indirect or possible, on the success paths and on the error
# paths. valgrind's own verdict is exit status 99, which no command uses.
# Runs that do not depend on each other run side by side, one per CPU.
. "$(dirname "$0")/lib.bash"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: valgrind not installed"
	exit 0
fi
case $K2 in
*build-asan*)
	echo "SKIP: valgrind needs the plain build"
	exit 0 ;;
esac

# shellcheck disable=SC2054 # the commas are valgrind's
VG=(valgrind -q --leak-check=full
    --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99)
P=$(nproc 2>/dev/null || echo 2)
mkdir -p "$T/vg"
n=0
queued=()

# vg NAME WANT [VAR=VALUE... --] ARGS...: run k2diary ARGS... under
# valgrind in the background (at most P at a time); its verdict comes at
# the next settle. VAR=VALUE... -- sets (or with -u NAME unsets) the
# environment of that run.
vg() {
	local name=$1 want=$2 envs=()

	shift 2
	if [[ " $* " == *" -- "* ]] && [[ $1 == *=* || $1 == -u ]]; then
		while [ "$1" != -- ]; do envs+=("$1"); shift; done
		shift
	fi
	while [ "$(jobs -rp | wc -l)" -ge "$P" ]; do wait -n; done
	n=$((n + 1))
	printf '%s\n%s\n' "$name" "$want" >"$T/vg/$n.what"
	(env ${envs[@]+"${envs[@]}"} timeout 300 "${VG[@]}" "$K2" "$@" \
	    >"$T/vg/$n.out" 2>"$T/vg/$n.err"
	echo $? >"$T/vg/$n.rc") &
	queued+=("$n")
}
# settle: wait for the runs started so far and report each, in order.
settle() {
	local i name want rc

	wait
	for i in ${queued[@]+"${queued[@]}"}; do
		{ read -r name; read -r want; } <"$T/vg/$i.what"
		rc=$(cat "$T/vg/$i.rc")
		if [ "$rc" = "$want" ]; then
			pass "valgrind: $name (exit $rc)"
		else
			fail "valgrind: $name"
			if [ "$rc" = 99 ]; then echo "  valgrind found errors:"
			else echo "  exit $rc, want $want"; fi
			sed 's/^/  | /' "$T/vg/$i.err" | head -60
		fi
	done
	queued=()
}

cat >"$T/bad.yaml" <<'Y'
version: 1
foods:
  - id: Brie
    name: Brie
    group: cheese
    servings: [{label: wedge, grams: 30}]
    per_100g: {sat_fat_g: 170, kcall: 3}
  - id: twice
    name: Twice
    group: chese
    servings: [{label: g, grams: 0}]
    per_100g: {sodium_mg: -1}
  - id: twice
    name: "x\e"
    group: other
    servings: []
    per_100g: {}
Y
# The error paths' runs read this small catalogue: parsing the built-in
# one under valgrind costs most of a run's time.
cat >"$T/tiny.yaml" <<'Y'
version: 1
foods:
  - id: natto
    name: Natto
    group: fermented_plant
    servings: [{label: serving, grams: 85}]
    per_100g: {mk7_ug: 1000, sodium_mg: 7}
Y
tiny=(--foods "$T/tiny.yaml")
printf 'week_start: funday\nsodium_limit_mg: -5\nfrobnicate: 1\n' >"$T/badcfg.yaml"
mkdir -p "$T/user/k2diary"
cat >"$T/user/k2diary/foods.yaml" <<'Y'
version: 1
foods:
  - id: natto
    name: Natto (my brand)
    group: fermented_plant
    servings: [{label: pack, grams: 45}]
    per_100g: {mk7_ug: 900}
  - id: kimchi_home
    name: Home kimchi
    group: fermented_plant
    aliases: [kimchee]
    servings: [{label: bowl, grams: 100}, {label: spoon, grams: 15}]
    per_100g: {sodium_mg: 500, kcal: 20}
Y
printf 'week_start: sunday\nanticoagulant: true\n' >"$T/user/k2diary/config.yaml"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T/newer.db" 'pragma user_version=99; create table t(x);'
fi

# Commands that need no diary, or another one, and the first entry.
vg "--help" 0 --help
vg "--version" 0 --version
vg "foods" 0 foods
vg "foods natto" 0 foods natto
vg "foods with no match" 1 "${tiny[@]}" foods nosuchfood
vg "check foods.yaml" 0 check "$TOP/foods.yaml"
vg "check a bad catalogue" 1 check "$T/bad.yaml"
vg "check a missing file" 1 check "$T/missing.yaml"
vg "--foods a bad catalogue" 1 --foods "$T/bad.yaml" list
vg "--config a bad config" 1 --config "$T/badcfg.yaml" week
vg "a usage error (unknown option)" 2 --frobnicate
vg "a usage error (bad --date)" 2 "${tiny[@]}" list --date 2026-02-30
vg "HOME unset" 1 -u HOME -- "${tiny[@]}" list
vg "the user's foods and config" 0 XDG_CONFIG_HOME="$T/user" -- \
    --db "$T/user.db" add kimchee "2 spoons"
[ -f "$T/newer.db" ] && vg "a newer diary" 1 "${tiny[@]}" --db "$T/newer.db" list
vg "add natto" 0 add natto
settle
vg "add gouda \"2 slice\" --date yesterday" 0 add gouda "2 slice" --date yesterday
vg "add an ambiguous food" 1 add ch
vg "add a bad amount" 1 "${tiny[@]}" add natto lots
vg "week with the user's config (anticoagulant)" 0 \
    XDG_CONFIG_HOME="$T/user" -- --db "$T/user.db" week
settle
vg "list" 0 list
vg "list --json" 0 list --json
vg "week" 0 week
vg "week --json" 0 week --json
vg "export" 0 export
vg "export --format json" 0 export --format json
vg "export --from --to" 0 "${tiny[@]}" export --from -7 --to today
vg "edit a missing entry" 1 "${tiny[@]}" edit 999 2
vg "rm a missing entry" 1 "${tiny[@]}" rm 999
settle
vg "edit 1 2" 0 edit 1 2
settle
vg "rm 1" 0 rm 1
settle
is "the diary holds gouda alone" "$(sql 'select group_concat(food_id) from entry')" gouda

#!/usr/bin/env bash
# A broken $XDG_CONFIG_HOME/k2diary/foods.yaml never locks the user out
# (issue 9, item 20; DESIGN §3b): its clean foods load, the broken food is
# skipped, each error is shown (stderr for commands, the status line on the
# screen), 'k2diary check' lists them all with exit 1; --foods FILE stays
# strict.
. "$(dirname "$0")/lib.bash"

mkdir -p "$HOME/.config/k2diary"
U=$HOME/.config/k2diary/foods.yaml
cat >"$U" <<'EOF2'
version: 1
foods:
  - id: oat_bar
    name: Oat bar
    group: other
    servings: [{label: bar, grams: 40}]
    per_serving: {sodium_mg: 120, sat_fat_g: 3}
  - id: broken
    name: Broken bar
    group: cheeses
    servings: [{label: bar, grams: 40}]
    per_100g: {sodium_mg: 120}
  - id: oat_bar_2
    name: Oat bar, salted
    group: other
    servings: [{label: bar, grams: 40}]
    per_serving: {sodium_mg: 300, sat_fat_g: twelve}
EOF2
msg1="$U:10:12: unknown group 'cheeses'"
msg2="$U:17:46: expected a number of at least 0 for 'sat_fat_g', found text \"twelve\""

run foods oat
is "foods with a broken food: exit 0" "$rc" 0
has "foods lists the clean food" "$out" "oat_bar "
lacks "foods skips the broken food" "$out" "Oat bar, salted"
has "foods names the first error at FILE:LINE:COL" "$err" "$msg1"
has "foods names the second error at FILE:LINE:COL" "$err" "$msg2"
has "foods says the rest loaded" "$err" "2 errors in your foods.yaml"
run add oat_bar 2
is "add of a clean food beside broken ones: exit 0" "$rc" 0
has "add logs it" "$out" "logged #1"
is "the entry is in the diary" "$(sql 'select food_id, grams from entry')" "oat_bar|80.0"
run add broken
is "add of a broken food: exit 1" "$rc" 1
is "a broken food is not in the catalogue (nothing logged)" \
    "$(sql "select count(*) from entry where food_id = 'broken'")" 0
run check
is "check with a broken food: exit 1" "$rc" 1
has "check lists the first error" "$err" "$msg1"
has "check lists the second error" "$err" "$msg2"
has "check sums up" "$out" "2 errors in your foods.yaml"
run check "$U"
is "check FILE: exit 1" "$rc" 1
has "check FILE lists the errors" "$err" "$msg1"
run --foods "$U" foods
is "--foods FILE stays strict: exit 1" "$rc" 1
has "--foods FILE names the error" "$err" "$msg1"
is "--foods FILE prints no foods" "$out" ""

# The screen opens, says so on its status line, and the clean food logs.
if command -v tmux >/dev/null; then
	SOCK_NAME=userfoods
	. "$(dirname "$0")/tmux.bash"
	start uf
	see "the screen opens despite the broken food" "k2diary"
	see "the status line names the error" "unknown group 'cheeses'"
	keys a
	typed oat_bar
	keys Enter Enter
	see "the clean food is logged from the screen" "Oat bar"
	keys q
	stop
else
	echo "SKIP: the screen with a broken foods.yaml (no tmux)"
fi

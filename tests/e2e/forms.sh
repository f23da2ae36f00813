#!/usr/bin/env bash
# Own foods and one-off entries from the screen (issue 12): the picker's
# no-match line opens the food form, its fields are checked as typed, Enter
# saves to my-foods.yaml (which 'k2diary check' passes) and logs it; Esc
# asks first; Ctrl-E changes an own food or copies another; Q logs a
# one-off entry. The expected figures are the typed ones.
. "$(dirname "$0")/lib.bash"
SOCK_NAME=forms
. "$(dirname "$0")/tmux.bash"

M=$HOME/.local/share/k2diary/my-foods.yaml
# tab N: N presses of Tab.
tab() { local i; for ((i = 0; i < $1; i++)); do keys Tab; done; }
# own ID FIELD: a field of an own food in my-foods.yaml's line for it.
own() { sed -n "/^- id: $1\$/,/^- id:/p" "$M"; }

start forms
ready "Nothing logged on this day."

# --- The issue's evening: a food from its label, then logged ---
keys a
typed zzqx
see "zzqx matches no food" "No food matches. Enter: make it a food of your own"
keys Enter
see "Enter on the no-match line opens the form" "A new food of your own"
see "the name is what was typed" -E "^  name +zzqx"
see "an empty figure says it is unknown" -E "^  sodium mg +unknown"
keys C-u
typed "Zzqx bar"
tab 1
typed "bar 0 g"
see "a serving of 0 g is refused as typed, beside the field" \
    "expected a number above 0 and at most 5000 for 'grams' of serving 'bar'"
keys Enter
see "Enter with a field in error keeps the form" "A new food of your own"
is "... and writes nothing" "$([ -e "$M" ] && echo written || echo none)" none
keys C-u
typed "bar 40 g"
poll hidden "for 'grams' of serving 'bar'"
unseen "the message goes once the field holds" "for 'grams' of serving 'bar'"
# name, serving, more, per, MK-4, MK-7, other, K2, K1, sat fat, sodium
tab 8
typed 3
tab 1
typed 120
see "the sodium is typed" -E "^  sodium mg +120"
keys Enter
see "saved: on to the amount prompt for the new food" "Log Zzqx bar"
see "the prompt shows what a bar adds" "adds K2 unknown, sat fat 3.0 g, sodium 120 mg"
run check "$M"
is "k2diary check passes on my-foods.yaml" "$out" "$M: 1 food, ok"
is "my-foods.yaml is 0600" "$(stat -c %a "$M")" 600
keys Enter
see "Enter logs it" -E "1 bar +Zzqx bar"
poll test "$(count)" = 1
is "one entry in the diary" "$(count)" 1
is "its figures: 40 g, 3 g sat fat, 120 mg sodium, K2 unknown" \
    "$(sql "select food_id, grams, sat_fat_g, sodium_mg, k2_ug is null from entry")" \
    "my_zzqx_bar|40.0|3.0|120.0|1"
run list
has "the entry is in k2diary list" "$out" "1 bar   Zzqx bar"

# --- Esc asks before a filled form goes ---
keys n
see "n opens an empty form" "A new food of your own"
typed "Half a thought"
keys Escape
see "Esc on a filled form asks" "Throw away this food? y/n"
keys n
see "n keeps the form as it was" -E "^  name +Half a thought"
keys Escape
ready "Throw away this food? y/n"
keys y
see "y throws it away" "nothing saved"
is "nothing was saved" "$(grep -c '^- id:' "$M")" 1

# --- Ctrl-E: an own food changed; another copied ---
keys a
typed "zzqx bar"
ready "Zzqx bar"
keys C-e
see "Ctrl-E on an own food changes it" "Change your food my_zzqx_bar"
tab 10
keys C-u
typed 150
keys Enter
see "saved again, on to the prompt" "Log Zzqx bar"
keys Escape
ready "Find a food"
keys Escape
is "my-foods.yaml holds the new sodium" \
    "$(own my_zzqx_bar | grep -o 'sodium_mg: [0-9]*')" "sodium_mg: 150"
is "the logged entry keeps its own figures" "$(sql 'select sodium_mg from entry')" 120.0
keys a
typed gouda
ready "Gouda"
keys C-e
see "Ctrl-E on a built-in food copies it" -E "^  name +My Gouda"
keys Enter
see "the copy is saved and can be logged" "Log My Gouda"
keys Escape Escape
has "my-foods.yaml holds my_gouda" "$(sed -n 's/^- id: //p' "$M" | tr '\n' ' ')" "my_gouda"

# --- Q: a one-off entry ---
keys Q
see "Q opens the one-off form" "One-off entry on $(dname 0)"
typed "Restaurant lasagne"
tab 1
typed 350
# grams, MK-4, MK-7, other, K2, K1, sat fat
tab 6
typed 12
tab 1
typed 1800
tab 1
typed 900
keys Enter
see "Enter logs it" -E "1 portion +Restaurant lasagne"
poll test "$(count "food_id = 'quick'")" = 1
run export
row=$(printf '%s\n' "$out" | tr -d '\r' | grep ',quick,' | cut -d, -f4-)
is "the export holds exactly the figures given, empty cells for the rest" \
    "$row" "quick,Restaurant lasagne,portion,1,350,1,,,,,,12,1800,900"
keys u
see "u takes the one-off entry back" "undid the logging of Restaurant lasagne"
poll test "$(count "food_id = 'quick'")" = 0
is "... from the diary" "$(count "food_id = 'quick'")" 0

# --- A recipe made on the screen (R), saved and logged ---
# By hand, from foods.yaml's figures per 100 g: 2 large eggs (100 g) give
# MK-4 8, K1 0.3, sat fat 3.267, sodium 124, kcal 155; 10 g of butter
# MK-4 2.09, K1 0.7, sat fat 5.1368, sodium 64.3, kcal 71.7; a slice of
# gouda (28 g) other MK 13.16, K1 0.644, sat fat 4.93192, sodium 229.32,
# kcal 99.68. One serving of the three (yields 1): K2 23.25, MK-4 10.09,
# K1 1.644, sat fat 13.33572, sodium 417.62, kcal 326.38.
keys R
see "R opens a recipe" "A recipe of your own"
typed "Egg and cheese"
# ingredient ID AMOUNT: Ctrl-N, find the food by its id, its amount, Enter.
ingredient() {
	keys C-n
	ready "Find a food"
	typed "$1"
	ready "Find a food: $1"
	keys Enter
	ready "Amount:"
	keys C-u
	typed "$2"
	keys Enter
	ready "in the recipe"
}
ingredient egg_whole 2
ingredient butter 10g
ingredient gouda "1 slice"
see "the recipe shows a serving of the three" "a serving: K2 23."
keys Enter
see "saved: on to the amount prompt for the recipe" "Log Egg and cheese"
keys Enter
poll test "$(count "food_name = 'Egg and cheese'")" = 1
run check "$M"
has "check passes on my-foods.yaml with the recipe" "$out" "foods, ok"
run export --format json
printf '%s' "$out" >"$T/recipe.json"
python3 - "$T/recipe.json" <<'PY' && pass "the logged serving is the sum of its ingredients" || fail "the logged serving is the sum of its ingredients"
import json, sys
data = json.load(open(sys.argv[1]))
data = data["entries"] if isinstance(data, dict) else data
rows = [e for e in data if e["food_name"] == "Egg and cheese"]
want = {"k2_ug": 23.25, "mk4_ug": 10.09, "mk7_ug": None,
        "mk_other_ug": 13.16, "k1_ug": 1.644, "sat_fat_g": 13.33572,
        "sodium_mg": 417.62, "kcal": 326.38}
bad = [k for k, v in want.items() if (rows[0][k] is None) != (v is None)
       or (v is not None and abs(rows[0][k] - v) > 1e-9 * max(1, v))]
if len(rows) != 1 or bad:
    print("  wrong:", bad, rows)
    sys.exit(1)
PY
has "my-foods.yaml holds its ingredients as typed" "$(cat "$M")" '{food: butter, amount: "10 g"}'

# --- A my-foods.yaml broken by hand is never written over ---
printf 'version: 1\nfoods:\n- id: my_broken\n  name: Broken\n  group: cheeses\n  servings: [{label: bar, grams: 40}]\n  per_serving: {sodium_mg: 1}\n' >>"$M.tmp-broken"
cp "$M" "$T/good.yaml"
cat "$M.tmp-broken" >"$M"
rm -f "$M.tmp-broken"
sum=$(sha256sum <"$M")
keys n
ready "A new food of your own"
typed "Oat bar"
tab 1
typed "bar 40 g"
keys Enter
see "saving over a broken file is refused, and says why" "unknown group 'cheeses'"
is "the broken file is left as it was" "$(sha256sum <"$M")" "$sum"
keys Escape
ready "Throw away this food? y/n"
keys y
keys q
stop

# --- Nothing is logged on a day after today, as add says ---
cp "$T/good.yaml" "$M"
n=$(count)
start future --date 2099-01-01
ready "Nothing logged on this day."
keys a
typed natto
keys Enter
ready "Log Natto"
keys Enter
see "the screen refuses a day after today" "2099-01-01 is after today"
is "... and logs nothing" "$(count)" "$n"
keys Escape Escape q
stop

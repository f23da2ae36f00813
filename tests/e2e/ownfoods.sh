#!/usr/bin/env bash
# The program's own foods and one-off entries (issue 12; DESIGN §3, §3b):
# k2diary food new/edit/rm write $XDG_DATA_HOME/k2diary/my-foods.yaml
# (here ~/.local/share), which loads over the user's foods.yaml and the
# built-in catalogue; k2diary quick logs an entry with only the nutrients
# given; a recipe in the user's foods.yaml is computed from built-in foods.
# Then the save under fire: SIGKILL at random points of 'food new' (20
# kills, 200 with K2_LONG=1) never leaves a mix of the old and the new file,
# and writers at once lose no food silently.
. "$(dirname "$0")/lib.bash"

M=$HOME/.local/share/k2diary/my-foods.yaml
U=$HOME/.config/k2diary/foods.yaml

# ids FILE: the ids of the foods in a my-foods.yaml, one a line, sorted.
ids() { sed -n 's/^- id: //p' "$1" | sort; }

# --- food new ---
run food new --name "Oat bar" --serving bar=40 --serving half-bar=20 \
    --per-serving sat_fat_g=3 sodium_mg=120 kcal=180
is "food new: exit 0" "$rc" 0
is "food new names the id it made" "$out" "added my_oat_bar (Oat bar) to $M"
is "my-foods.yaml is 0600" "$(stat -c %a "$M")" 600
is "its folder is 0700" "$(stat -c %a "$(dirname "$M")")" 700
run food new --name "Oat bar" --serving bar=45 --per-100g sat_fat_g=7.5 \
    sodium_mg=300
has "the same name again gets _2" "$out" "added my_oat_bar_2 (Oat bar)"
is "both are in the file" "$(ids "$M" | tr '\n' ' ')" "my_oat_bar my_oat_bar_2 "
run check "$M"
is "check passes on my-foods.yaml" "$out" "$M: 2 foods, ok"
is "check of my-foods.yaml: exit 0" "$rc" 0
run check
is "check of the catalogue in use: exit 0" "$rc" 0
has "check of the catalogue in use: ok" "$out" ", ok"
# By hand: my_oat_bar_2 is 7.5 g and 300 mg per 100 g; its bar of 45 g
# holds 7.5 * 0.45 = 3.375 g (shown 3.4) and 300 * 0.45 = 135 mg.
run foods my_oat_bar_2
has "an own food per 100 g, per serving" "$out" "1 bar (45 g)"
has "its sat fat a serving" "$out" "3.4"
has "its sodium a serving" "$out" "135"
run foods oat
is "own foods come first in a search" "$(printf '%s\n' "$out" | sed -n 2p | cut -c1-12)" "my_oat_bar  "

# The loader's checks, with its messages; nothing is written then.
sum=$(sha256sum <"$M")
run food new --name X --serving bar=40 --per-100g sat_fat_g=120
is "a value past what 100 g holds: exit 1" "$rc" 1
is "a value past what 100 g holds: the loader's message" "$err" \
    "k2diary: 'sat_fat_g' is 120, more than 100 g can hold (at most 100)"
run food new --name X --serving bar=40 --per-serving sodium_mg=20000
is "per serving: what the serving's grams hold" "$err" \
    "k2diary: 'sodium_mg' is 20000, more than one serving of its weight can hold (at most 16000)"
run food new --name X --serving oz=28 --per-100g kcal=1
is "an oz label: exit 1" "$rc" 1
is "an oz label: the loader's message" "$err" \
    "k2diary: label 'oz' is a unit of every food (g, kg, oz = 28.35 g, lb = 453.6 g): leave it out"
run food new --name X --serving "big bar=40" --per-100g kcal=1
is "a bad label: the loader's message" "$err" \
    "k2diary: invalid label 'big bar': use a word of letters and '-' (like slice or half-cup)"
run food new --name X --serving bar=6000 --per-100g kcal=1
has "grams past 5000: refused" "$err" "at most 5000 for 'grams' of serving 'bar'"
run food new --name X --serving bar --per-100g kcal=1
has "a per-100g food's serving needs grams" "$err" "missing grams in serving 'bar'"
run food new --name X --serving bar=40 --per-100g mk7_ug=5 k2_ug=3
is "K2 below its chains: the loader's message" "$err" \
    "k2diary: the K2 chains add up to 5, more than k2_ug 3"
run food new --name X --serving bar=40 --per-100g sodium_mg=1,800
is "a comma before three digits is refused, not guessed: exit 1" "$rc" 1
has "... and says how to write it" "$err" "'1,800' for sodium_mg: write the number with '.'"
run food new --name X --serving bar=40 --per-100g salt_g=1
is "an unknown key: exit 2" "$rc" 2
has "an unknown key: the keys" "$err" "unknown key 'salt_g': use one of mk4_ug, mk7_ug"
run food new --name X --serving bar=40 kcal=1
is "KEY=VALUE without --per-100g or --per-serving: exit 2" "$rc" 2
run food new --name X --serving bar=40 --per-100g --per-serving kcal=1
is "both --per-100g and --per-serving: exit 2" "$rc" 2
run food new --serving bar=40 --per-100g kcal=1
is "food new without --name: exit 2" "$rc" 2
run food new --name X --serving bar=40 --per-100g kcal=1 --replace quick
is "the id 'quick' is kept: exit 2" "$rc" 2
run food new --name X --serving bar=40 --per-100g kcal=1 --replace no_such
is "--replace of no food: exit 1" "$rc" 1
run add natto --name X
is "--name goes with food only: exit 2" "$rc" 2
is "refused changes leave my-foods.yaml as it was" "$(sha256sum <"$M")" "$sum"

# An entry of an own food, in list.
run add my_oat_bar 2
is "add an own food: exit 0" "$rc" 0
is "its entry: 2 bars of 40 g, 3 g and 120 mg each" \
    "$(sql "select food_id, grams, sat_fat_g, sodium_mg from entry")" \
    "my_oat_bar|80.0|6.0|240.0"
run list
has "the entry is in list" "$out" "2 bar"
has "the entry is in list, by name" "$out" "Oat bar"

# --- food edit ---
run food edit my_oat_bar --per-serving sat_fat_g=2.5 sodium_mg=110
is "food edit: exit 0" "$rc" 0
is "food edit says so" "$out" "changed my_oat_bar (Oat bar) in $M"
run foods my_oat_bar
has "the new figures are used" "$out" "2.5"
lacks "the old ones are gone" "$out" " 120 "
is "the entry keeps its snapshot" "$(sql "select sat_fat_g, sodium_mg from entry")" "6.0|240.0"
run food edit my_oat_bar --name "Oat bar, crunchy"
run foods my_oat_bar
has "a name alone changes the name" "$out" "Oat bar, crunchy"
has "... and keeps the figures" "$out" "2.5"
run food edit gouda --name "Gouda, my shop"
is "food edit of a built-in food: exit 0" "$rc" 0
is "it is copied to an own food" "$out" \
    "copied gouda (from the built-in catalogue) to my_gouda (Gouda, my shop) in $M"
run foods gouda
has "the copy is there" "$out" "Gouda, my shop"
has "the built-in food stays" "$out" "Gouda (Dutch)"
run food new --name "Natto (my brand)" --serving pack=45 --per-100g \
    mk7_ug=900 sodium_mg=5 --replace natto
is "food new --replace: exit 0" "$rc" 0
run foods natto
has "--replace: the own food is used" "$out" "Natto (my brand)"
lacks "--replace: the built-in one is not" "$out" "fermented soybeans"
run food edit no_such_food --name X
is "food edit of no food: exit 1" "$rc" 1

# --- food rm ---
run food rm my_oat_bar_2
is "food rm: exit 0" "$rc" 0
is "food rm says so" "$out" "removed my_oat_bar_2 (Oat bar) from $M"
run foods my_oat_bar_2
is "a removed food is gone" "$rc" 1
run food rm gouda
is "food rm of a built-in food: exit 1" "$rc" 1
is "food rm of a built-in food: says why" "$err" \
    "k2diary: 'gouda' comes from the built-in catalogue: only own foods (my-foods.yaml) can be removed"
run food rm my_oat_bar
is "food rm of a food with entries: exit 0" "$rc" 0
run list
has "its entry stays, with its snapshot" "$out" "Oat bar"
run food rm natto
is "food rm of the own natto: exit 0" "$rc" 0
run foods natto
has "the built-in natto is back" "$out" "fermented soybeans"
run check
is "check after the edits: exit 0" "$rc" 0

# --- a broken hand edit blocks saving, and never locks the user out ---
cp "$M" "$T/good.yaml"
sed -i 's/^  group: cheese$/  group: cheeses/' "$M"
sum=$(sha256sum <"$M")
run food new --name "Rye bread" --serving slice=30 --per-100g sodium_mg=600
is "a broken my-foods.yaml: food new exits 1" "$rc" 1
has "it names the error at FILE:LINE:COL" "$err" "$M:8:10: unknown group 'cheeses'"
has "it says why nothing was saved" "$err" "nothing saved, since k2diary never writes over a file it cannot read completely"
is "the broken file is left untouched" "$(sha256sum <"$M")" "$sum"
run foods natto
is "a broken my-foods.yaml: foods still works" "$rc" 0
has "... and says what is wrong" "$err" "1 error in my-foods.yaml"
run check
is "check with a broken my-foods.yaml: exit 1" "$rc" 1
has "check lists its error" "$err" "$M:8:10: unknown group 'cheeses'"
has "check sums up" "$out" "1 error in my-foods.yaml"
cp "$T/good.yaml" "$M"

# --- a recipe in the user's foods.yaml, from built-in foods ---
# By hand (tests/unit/test_recipe.c has the sums): 2 eggs (100 g) + 10 g
# butter + a slice of Gouda (28 g) = 138 g; sat fat 3.267 + 5.1368 +
# 4.93192 = 13.33572 g; sodium 124 + 64.3 + 229.32 = 417.62 mg.
mkdir -p "$(dirname "$U")"
cp "$TOP/tests/data/recipes/omelette.yaml" "$U"
run check
is "a recipe on built-in foods: check passes" "$rc" 0
run check "$U"
is "check FILE: a user's recipe may use built-in foods" "$out" "$U: 1 food, ok"
run foods cheese_omelette
has "the recipe's serving weighs its ingredients" "$out" "1 serving (138 g)"
run add cheese_omelette
is "add a recipe: exit 0" "$rc" 0
is "its entry holds the sums" \
    "$(sql "select grams, round(sat_fat_g, 5), round(sodium_mg, 2) from entry where food_id = 'cheese_omelette'")" \
    "138.0|13.33572|417.62"
cp "$TOP/tests/data/recipes/missing-ingredient.yaml" "$U"
run check
is "a recipe with a missing ingredient: check exits 1" "$rc" 1
has "it is named at FILE:LINE:COL" "$err" "$U:8:16: unknown food 'no_such_bread' in recipe 'toast_bad'"
rm "$U"

# --- quick ---
run quick "Restaurant lasagne" sodium_mg=1800 sat_fat_g=12 kcal=900 grams=350
is "quick: exit 0" "$rc" 0
has "quick logs a portion" "$out" "on $(day 0): 1 portion Restaurant lasagne (K2 ? $UG, sat fat 12.0 g, sodium 1,800 mg)"
run export
row=$(printf '%s\n' "$out" | tr -d '\r' | grep ',quick,' | cut -d, -f4-)
is "export: exactly the nutrients given, the rest empty" "$row" \
    "quick,Restaurant lasagne,portion,1,350,1,,,,,,12,1800,900"
run export --format json
has "JSON: an unknown nutrient is null" "$out" '"food_id": "quick", "food_name": "Restaurant lasagne", "serving": "portion", "quantity": 1, "grams": 350, "servings": 1, "k2_ug": null, "mk4_ug": null, "mk7_ug": null, "mk_other_ug": null, "k1_ug": null, "sat_fat_g": 12, "sodium_mg": 1800, "kcal": 900}'
# The day before holds nothing yet: 1800 mg is ok, 900 mg more is over.
run quick "Lunch out" sodium_mg=1800 --date yesterday
run quick "Street food" sodium_mg=900 --date yesterday
is "quick without grams: exit 0" "$rc" 0
has "quick warns, as add does, when the day's sodium goes over" "$out" \
    "is over the 2,300 mg daily limit"
is "its grams are unknown" "$(sql "select grams is null, servings, quantity from entry where food_name = 'Street food'")" "1|1.0|1.0"
n=$(sql 'select count(*) from entry')
run quick "Later" sodium_mg=1 --date 2099-01-01
is "quick on a day after today: exit 1" "$rc" 1
has "quick on a day after today: says so" "$err" "is after today"
run quick Restaurant lasagne sodium_mg=1800
is "quick with an unquoted name: exit 2" "$rc" 2
run quick "X" sodium_mg=1,800
is "quick with a thousands comma: exit 1" "$rc" 1
run quick "X"
is "quick with no nutrient: exit 2" "$rc" 2
is "refused quick entries log nothing" "$(sql 'select count(*) from entry')" "$n"

# --- SIGKILL during save: the old file or the new one, never a mix ---
# my-foods.yaml grows to 2,000 foods first (220 KB), so that a save takes
# long enough (0.1 to 0.4 s) for the kills to land inside it: in the
# reading, the writing, the fsync and the renaming. One save is timed
# first; the kills come at random points from 0 to 1.2 times that.
if [ "${K2_LONG:-0}" = 1 ]; then KILLS=200; else KILLS=20; fi
RANDOM=${K2_SEED:-$$}
echo "ownfoods.sh: K2_SEED=${K2_SEED:-$$}"
{
	cat "$M"
	for i in $(seq 1 2000); do
		printf -- '- id: my_big_%d\n  name: Big %d\n  group: other\n' "$i" "$i"
		printf -- '  servings:\n  - {label: bar, grams: 40}\n'
		printf -- '  per_100g: {kcal: %d}\n' $((i % 900))
	done
} >"$T/big.yaml"
chmod 600 "$T/big.yaml"
mv "$T/big.yaml" "$M"
run check "$M"
is "my-foods.yaml of 2,000 more foods checks" "$rc" 0
t0=$(date +%s%N)
run food new --name "Timed" --serving bar=40 --per-100g kcal=1
t1=$(date +%s%N)
is "a save of the big file works" "$rc" 0
span=$(( (t1 - t0) / 1000000 * 12 / 10 + 1 ))
echo "ownfoods.sh: a save takes $(( (t1 - t0) / 1000000 )) ms; kills within $span ms"
old=0 new=0 bad=0
for i in $(seq 1 "$KILLS"); do
	before=$(ids "$M")
	"$K2" food new --name "Kill $i" --serving bar=40 --per-100g \
	    kcal="$i" >/dev/null 2>&1 &
	pid=$!
	ms=$(( RANDOM * 32768 + RANDOM ))
	ms=$(( ms % span ))
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	after=$(ids "$M")
	if ! "$K2" check "$M" >/dev/null 2>"$T/kill.err"; then
		bad=$((bad + 1))
		fail "kill $i: my-foods.yaml does not load cleanly"
		sed 's/^/  /' "$T/kill.err"
	elif [ "$after" = "$before" ]; then
		old=$((old + 1))
	elif [ "$after" = "$(printf '%s\nmy_kill_%s\n' "$before" "$i" | sort)" ]; then
		new=$((new + 1))
		# The new food is whole: its figure is the one given.
		grep -q "per_100g: {kcal: $i}" "$M" ||
		    { bad=$((bad + 1)); fail "kill $i: the new food is not whole"; }
	else
		bad=$((bad + 1))
		fail "kill $i: neither the old nor the new food set"
		diff <(echo "$before") <(echo "$after") | sed 's/^/  /'
	fi
done
echo "ownfoods.sh: $KILLS kills: $old left the old file, $new the new one"
is "after $KILLS kills: the old or the new file every time" "$bad" 0
run food new --name "After the kills" --serving bar=40 --per-100g kcal=1
is "a save after the kills works" "$rc" 0
is "after the kills: still 0600" "$(stat -c %a "$M")" 600
run check "$M"
is "... and the file checks" "$rc" 0

# --- writers at once: no food lost silently ---
if [ "${K2_LONG:-0}" = 1 ]; then ROUNDS=10; else ROUNDS=3; fi
WRITERS=6
lost=0 retry=0
for r in $(seq 1 "$ROUNDS"); do
	pids=()
	for w in $(seq 1 "$WRITERS"); do
		"$K2" food new --name "Round $r writer $w" --serving bar=40 \
		    --per-100g kcal="$w" >"$T/w$w.out" 2>"$T/w$w.err" &
		pids+=($!)
	done
	for w in $(seq 1 "$WRITERS"); do
		wait "${pids[$((w - 1))]}"
		echo $? >"$T/w$w.rc"
	done
	for w in $(seq 1 "$WRITERS"); do
		id=my_round_${r}_writer_$w
		if [ "$(cat "$T/w$w.rc")" = 0 ]; then
			ids "$M" | grep -qx "$id" ||
			    { lost=$((lost + 1)); fail "round $r: $id was reported saved but is gone"; }
		elif grep -q "try again" "$T/w$w.err"; then
			retry=$((retry + 1))
		else
			lost=$((lost + 1))
			fail "round $r: writer $w failed without saying to retry"
			sed 's/^/  /' "$T/w$w.err"
		fi
	done
done
echo "ownfoods.sh: $ROUNDS rounds of $WRITERS writers: $retry told to retry"
is "writers at once: every food reported saved is there" "$lost" 0
run check "$M"
is "writers at once: the file checks" "$rc" 0

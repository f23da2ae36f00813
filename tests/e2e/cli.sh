#!/usr/bin/env bash
# End-to-end tests of the companion commands on a temporary HOME.
. "$(dirname "$0")/lib.bash"

# --- version, help, usage errors ---
run --version
is "version exits 0" "$rc" 0
has "version names the program" "$out" "k2diary "
run --help
is "help exits 0" "$rc" 0
has "help lists add" "$out" "add FOOD [AMOUNT]"
has "help lists --db" "$out" "--db FILE"
run --frobnicate
is "unknown option exits 2" "$rc" 2
has "unknown option hint" "$err" "unknown option '--frobnicate' (try 'k2diary --help')"
run fodos
is "unknown command exits 2" "$rc" 2
has "unknown command hint" "$err" "unknown command 'fodos'"
run list --format csv
is "misplaced option exits 2" "$rc" 2

# --- the catalogue ---
run check "$TOP/foods.yaml"
is "shipped catalogue checks ok" "$out" "$TOP/foods.yaml: 53 foods, ok"
is "check ok exits 0" "$rc" 0
run foods natto
has "foods natto shows natto" "$out" "natto"
has "natto K2 per serving from the reference" "$out" "850.0"
has "natto is K2-rich" "$out" "K2-rich"
run foods miso
has "unknown K2 shows ?" "$out" "?"
run foods xqzj
is "foods with no match exits 1" "$rc" 1
printf 'version: 1\nfoods:\n  - id: x\n    name: X\n    group: other\n    servings: [{label: piece, grams: 10}]\n    per_100g: {sodium_mg: -1}\n' >"$T/bad.yaml"
run check "$T/bad.yaml"
is "bad catalogue exits 1" "$rc" 1
has "bad catalogue names file:line:col" "$err" "$T/bad.yaml:7:27: expected a number of at least 0 for 'sodium_mg', found -1"
run --foods "$T/bad.yaml" list
is "bad --foods stops every command" "$rc" 1
test -e "$DB" && fail "bad catalogue created no database" || pass "bad catalogue created no database"

# A user's foods.yaml adds foods and replaces built-in ones by id.
mkdir -p "$HOME/.config/k2diary"
cat >"$HOME/.config/k2diary/foods.yaml" <<'Y'
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
    servings: [{label: bowl, grams: 100}]
    per_100g: {sodium_mg: 500}
Y
run foods natto
has "user food replaces the built-in" "$out" "Natto (my brand)"
lacks "built-in natto is gone" "$out" "fermented soybeans"
run foods kimchi
has "user food is added" "$out" "Home kimchi"
run foods gouda
has "built-in foods stay" "$out" "Gouda"
run --foods "$TOP/foods.yaml" foods natto
has "--foods uses that file alone" "$out" "Natto (fermented soybeans)"
rm "$HOME/.config/k2diary/foods.yaml"

# --- logging ---
run add natto
is "add natto exits 0" "$rc" 0
has "add prints the entry" "$out" "logged #1 on $(day 0): 1 serving Natto (fermented soybeans)"
is "natto row stored" "$(sql 'select food_id, servings, grams, mk7_ug, mk4_ug is null from entry')" "natto|1.0|85.0|850.0|1"
is "diary folder is 0700" "$(stat -c %a "$(dirname "$DB")")" 700
is "diary file is 0600" "$(stat -c %a "$DB")" 600
run add gouda "2 slice" --date yesterday
is "add gouda 2 slice exits 0" "$rc" 0
is "gouda row: 2 servings, 56 g, yesterday" "$(sql "select day, servings, grams from entry where food_id='gouda'")" "$(( ( $(date -u -d "$(day -1)" +%s) ) / 86400 ))|2.0|56.0"
has "gouda warns high sat fat" "$out" "note: Gouda (Dutch) is high in saturated fat"
run add ch
is "ambiguous food exits 1" "$rc" 1
has "ambiguous food lists candidates" "$err" "cheddar"
is "ambiguous food logs nothing" "$(sql 'select count(*) from entry')" 2
run add natto lots
is "bad amount exits 1" "$rc" 1
has "bad amount names the units" "$err" "serving"
is "bad amount logs nothing" "$(sql 'select count(*) from entry')" 2
run add supp_mk7_100
is "supplement without grams logs" "$rc" 0
is "supplement grams NULL" "$(sql "select grams is null, mk7_ug from entry where food_id='supp_mk7_100'")" "1|100.0"
run add natto --date 2026-02-30
is "impossible date exits 2" "$rc" 2
has "impossible date message" "$err" "2026-02-30"

# --- the week ---
ws=$(date -u -d "$(day 0) -$(( ($(date -u -d "$(day 0)" +%u) - 1) )) days" +%F)
run week --json
is "week --json exits 0" "$rc" 0
has "week starts on Monday" "$out" "\"week_start\": \"$ws\""
if [ "$(day -1)" \< "$ws" ]; then
	has "natto + supplement rich servings (gouda was last week)" "$out" '"rich_servings": 2,'
else
	has "natto + 2 gouda + supplement = 4 rich servings" "$out" '"rich_servings": 4,'
fi
has "week json has goal" "$out" '"rich_servings_goal": 7,'
run week
has "week text shows the gauge" "$out" "K2-rich servings"

# --- list, edit, rm, export ---
run list --json
has "list --json has natto" "$out" '"food_id": "natto"'
has "unknown nutrient is null" "$out" '"mk4_ug": null'
id=$(sql "select id from entry where food_id='natto'")
run edit "$id" 2
is "edit exits 0" "$rc" 0
is "edit doubles the snapshot" "$(sql "select servings, mk7_ug from entry where id=$id")" "2.0|1700.0"
run edit 999 2
is "edit of a missing entry exits 1" "$rc" 1
run rm "$id"
is "rm exits 0" "$rc" 0
is "rm removes the row" "$(sql "select count(*) from entry where id=$id")" 0
run rm "$id"
is "rm of a missing entry exits 1" "$rc" 1
run export
is "export exits 0" "$rc" 0
is "export CSV header" "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "id,day,logged_at,food_id,food_name,serving,quantity,grams,servings,k2_ug,mk4_ug,mk7_ug,mk_other_ug,k1_ug,sat_fat_g,sodium_mg,kcal"
has "export keeps unknown empty" "$out" ",gouda,Gouda (Dutch),slice,2,56,2,26.32,,,26.32,"
run export --format json
has "export json" "$out" '"food_id": "gouda"'

# --- SQL in names is data, not code ---
cat >"$T/sql.yaml" <<'Y'
version: 1
foods:
  - id: drop_table
    name: "x'); DROP TABLE entry;-- \"quoted\", comma"
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
Y
run --foods "$T/sql.yaml" add drop_table
is "SQL-looking name logs" "$rc" 0
is "SQL-looking name stored verbatim" "$(sql "select food_name from entry where food_id='drop_table'")" "x'); DROP TABLE entry;-- \"quoted\", comma"
run export
has "CSV quotes the name" "$out" "\"x'); DROP TABLE entry;-- \"\"quoted\"\", comma\""

# --- a newer database is refused, untouched ---
sqlite3 "$T/new.db" 'pragma user_version=99; create table t(x);'
sum=$(sha256sum <"$T/new.db")
run --db "$T/new.db" list
is "newer database exits 1" "$rc" 1
has "newer database message" "$err" "newer"
is "newer database untouched" "$(sha256sum <"$T/new.db")" "$sum"

# --- killing add never leaves a half entry ---
# Twenty adds killed at random points, then one that runs to its end: the
# diary must then exist, hold a schema, pass SQLite's integrity check, and
# every entry in it must be whole (a kill before the first commit leaves
# nothing, never half of something).
for i in $(seq 1 20); do
	"$K2" --db "$T/kill.db" add natto >/dev/null 2>&1 &
	pid=$!
	sleep "0.00$((RANDOM % 9))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
"$K2" --db "$T/kill.db" add natto >/dev/null 2>&1
is "an add after the kills works" "$?" 0
is "integrity after kills" "$(sqlite3 "$T/kill.db" 'pragma integrity_check' 2>&1)" ok
is "the schema is there after kills" \
    "$(sqlite3 "$T/kill.db" "select count(*) from sqlite_master where name = 'entry'" 2>&1)" 1
is "no half entries after kills" \
    "$(sqlite3 "$T/kill.db" "select count(*) from entry where food_name is null or mk7_ug is not 850.0 or grams is not 85.0" 2>&1)" 0
n=$(sqlite3 "$T/kill.db" "select count(*) from entry" 2>&1)
if [ "$n" -ge 1 ] 2>/dev/null; then pass "the diary holds the last add ($n entries)"
else fail "the diary holds the last add (got '$n')"; fi

# --- a day after today, --from after --to, options that do not belong ---
run --db "$T/o.db" add natto --date 2099-01-01
is "add on a day after today: exit 1" "$rc" 1
has "add on a day after today: says so" "$err" "is after today"
is "add on a day after today: nothing logged" "$(test -e "$T/o.db" && sqlite3 "$T/o.db" 'select count(*) from entry' || echo 0)" 0
run --db "$T/o.db" export --from 2026-11-02 --to 2026-11-01
is "export --from after --to: exit 2" "$rc" 2
has "export --from after --to: says so" "$err" "--from 2026-11-02 is after --to 2026-11-01"
for c in "export" "backup x" "rm 1" "foods" "check" "import x.csv" "edit 1 2"; do
	run --db "$T/o.db" -D today $c
	is "-D with ${c%% *}: exit 2" "$rc" 2
	has "-D with ${c%% *}: says why" "$err" "option --date does not go with '${c%% *}'"
done
run --db "$T/o.db" foods --json
is "--json with foods: exit 2" "$rc" 2
run --db "$T/o.db" list --format csv
is "--format with list: exit 2" "$rc" 2
run --db "$T/o.db" add natto --from today
is "--from with add: exit 2" "$rc" 2
run --db "$T/o.db" --json
is "--json without a command: exit 2" "$rc" 2
has "--json without a command: says why" "$err" "goes with a command"

#!/usr/bin/env bash
# End-to-end tests of backup and import: a consistent copy while the screen
# is open, all-or-nothing import, and export -> import -> export round trip.
. "$(dirname "$0")/lib.bash"

"$K2" add natto >/dev/null
"$K2" add gouda "2 slice" --date yesterday >/dev/null
"$K2" add salami 30g >/dev/null
"$K2" add supp_mk7_100 >/dev/null
cat >"$T/odd.yaml" <<'Y'
version: 1
foods:
  - id: odd_name
    name: "Crème \"fraîche\", 納豆, with a comma"
    group: other
    servings: [{label: spoon, grams: 15}]
    per_100g: {sodium_mg: 40}
Y
"$K2" --foods "$T/odd.yaml" add odd_name 2 >/dev/null
multiline=$(printf 'Line one\nline two, "quoted"')
sqlite3 "$DB" "insert into entry (day, logged_at, food_id, food_name, serving,
    grams, servings, quantity, k2_ug) values (20700, 1788000000, 'multi',
    '$multiline', 'piece', 10, 1, 1, NULL)"

# --- backup ---
run backup "$T/copy.db"
is "backup exits 0" "$rc" 0
is "backup has every row" "$(sqlite3 "$T/copy.db" 'select count(*) from entry')" 6
is "backup is consistent" "$(sqlite3 "$T/copy.db" 'pragma integrity_check')" ok
is "backup is one file (not WAL)" "$(sqlite3 "$T/copy.db" 'pragma journal_mode')" delete
is "backup is 0600" "$(stat -c %a "$T/copy.db")" 600
sum=$(sha256sum <"$T/copy.db")
run backup "$T/copy.db"
is "backup over a file exits 1" "$rc" 1
has "backup over a file says so" "$err" "exists: not overwritten"
is "backup over a file leaves it" "$(sha256sum <"$T/copy.db")" "$sum"
run backup "$T/no/such/dir/copy.db"
is "backup into a missing folder exits 1" "$rc" 1
has "backup into a missing folder names it" "$err" "$T/no/such/dir/copy.db"
ls "$T"/copy.db.tmp-* >/dev/null 2>&1 && fail "backup leaves no temporary file" ||
	pass "backup leaves no temporary file"

# Backup while another process holds the diary open with a write pending.
if command -v tmux >/dev/null 2>&1; then
	S="k2diary-backup$$"
	trap 'tmux -L "$S" kill-server 2>/dev/null; rm -rf "$T"' EXIT
	tmux -L "$S" -f /dev/null new-session -d -x 80 -y 24 \
	    "env HOME=$HOME LC_ALL=C.UTF-8 TERM=xterm-256color $K2; sleep 30"
	# Generous waits: the sanitizer build starts slowly on a busy machine.
	for _ in $(seq 400); do
		tmux -L "$S" capture-pane -p | grep -q "K2-rich servings" && break
		sleep 0.05
	done
	tmux -L "$S" send-keys a n a t Enter Enter
	for _ in $(seq 400); do
		[ "$(sql 'select count(*) from entry')" = 7 ] && break
		sleep 0.05
	done
	run backup "$T/open.db"
	is "backup with the screen open exits 0" "$rc" 0
	is "backup with the screen open has the screen's entry" \
	    "$(sqlite3 "$T/open.db" 'select count(*) from entry')" 7
	is "backup with the screen open is consistent" \
	    "$(sqlite3 "$T/open.db" 'pragma integrity_check')" ok
	tmux -L "$S" send-keys q
	for _ in $(seq 400); do
		tmux -L "$S" capture-pane -p | grep -q "K2-rich servings" || break
		sleep 0.05
	done
else
	echo "SKIP: tmux not installed: backup with the screen open not tried"
fi

# --- export -> import into an empty diary -> export ---
N=$(sql 'select count(*) from entry')
"$K2" export >"$T/a.csv"
run --db "$T/empty.db" import "$T/a.csv"
is "import exits 0" "$rc" 0
has "import says how many" "$out" "imported $N entries"
"$K2" --db "$T/empty.db" export >"$T/b.csv"
if cmp -s "$T/a.csv" "$T/b.csv"; then pass "round trip gives identical CSV"; else
	fail "round trip gives identical CSV"; diff "$T/a.csv" "$T/b.csv" | head; fi
is "multi-line name survives" "$(sqlite3 "$T/empty.db" "select food_name from entry where food_id='multi'")" "$multiline"
is "non-ASCII name survives" "$(sqlite3 "$T/empty.db" "select food_name from entry where food_id='odd_name'")" 'Crème "fraîche", 納豆, with a comma'
is "unknown stays NULL" "$(sqlite3 "$T/empty.db" "select k2_ug is null, grams is null from entry where food_id='supp_mk7_100'")" "0|1"
"$K2" --db "$T/empty.db" export --format json >"$T/b.json"
"$K2" export --format json >"$T/a.json"
if cmp -s "$T/a.json" "$T/b.json"; then pass "round trip keeps the JSON export too"; else
	fail "round trip keeps the JSON export too"; diff "$T/a.json" "$T/b.json" | head; fi

# --- all or nothing ---
count() { sqlite3 "$T/$1" 'select count(*) from entry' 2>/dev/null || echo none; }
run --db "$T/empty.db" import "$T/a.csv"
is "import of ids already there exits 1" "$rc" 1
has "import names the id" "$err" "entry id"
is "import of ids already there adds nothing" "$(count empty.db)" "$N"
awk '/,natto,/ { sub(/,85,1,/, ",eighty,1,") } { print }' "$T/a.csv" >"$T/bad.csv"
line=$(grep -n ',natto,' "$T/bad.csv" | cut -d: -f1)
run --db "$T/fresh.db" import "$T/bad.csv"
is "bad row exits 1" "$rc" 1
has "bad row names its line and field" "$err" "bad.csv:$line: field 'grams'"
has "bad row says nothing was imported" "$err" "nothing imported"
is "bad row imports nothing" "$(count fresh.db)" none
head -c 300 "$T/a.csv" >"$T/cut.csv"
printf '"never closed' >>"$T/cut.csv"
run --db "$T/fresh.db" import "$T/cut.csv"
is "broken CSV exits 1" "$rc" 1
printf 'id,day,when\n' >"$T/head.csv"
run --db "$T/fresh.db" import "$T/head.csv"
is "wrong header exits 1" "$rc" 1
has "wrong header message" "$err" "head.csv:1: expected the header"
run --db "$T/fresh.db" import "$T/nope.csv"
is "missing file exits 1" "$rc" 1
run --db "$T/fresh.db" import
is "import without a file is a usage error" "$rc" 2

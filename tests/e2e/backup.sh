#!/usr/bin/env bash
# End-to-end tests of backup, restore and import: a consistent copy while the
# screen is open, restore after adds and a quit screen, all-or-nothing import,
# and export -> import -> export round trip.
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
	    "env HOME=$HOME LANG=$LANG LC_MESSAGES=C ${LOCPATH:+LOCPATH=$LOCPATH} TERM=xterm-256color $K2; sleep 30"
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

# --- restore ---
# The file alone, as a copy of diary.db without its -wal would see it.
alone() {
	rm -f "$T/alone.db"
	cp "$DB" "$T/alone.db"
	sqlite3 "$T/alone.db" 'select count(*) from entry' 2>&1
}
walsize() { stat -c %s "$DB-wal" 2>/dev/null || echo none; }
run backup "$T/r.db"
is "backup for restore exits 0" "$rc" 0
N=$(sqlite3 "$T/r.db" 'select count(*) from entry')
list0=$("$K2" list)
export0=$("$K2" export)
"$K2" add natto >/dev/null
"$K2" add gouda --date yesterday >/dev/null
is "each command leaves the -wal empty" "$(walsize)" 0
is "each command leaves every entry in the diary file alone" "$(alone)" \
    $((N + 2))
if command -v tmux >/dev/null 2>&1; then
	R="k2diary-restore$$"
	trap 'tmux -L "$R" kill-server 2>/dev/null
	    tmux -L "${S:-none}" kill-server 2>/dev/null; rm -rf "$T"' EXIT
	tmux -L "$R" -f /dev/null new-session -d -x 80 -y 24 \
	    "env HOME=$HOME LANG=$LANG LC_MESSAGES=C ${LOCPATH:+LOCPATH=$LOCPATH} TERM=xterm-256color $K2; echo k2diary-ended; sleep 30"
	for _ in $(seq 400); do
		tmux -L "$R" capture-pane -p | grep -q "K2-rich servings" && break
		sleep 0.05
	done
	tmux -L "$R" send-keys a n a t Enter Enter
	for _ in $(seq 400); do
		[ "$(sql 'select count(*) from entry')" = $((N + 3)) ] && break
		sleep 0.05
	done
	tmux -L "$R" send-keys q
	for _ in $(seq 400); do
		tmux -L "$R" capture-pane -p | grep -q "k2diary-ended" && break
		sleep 0.05
	done
	is "quitting the screen leaves the -wal empty" "$(walsize)" 0
	is "quitting the screen leaves its entry in the diary file alone" \
	    "$(alone)" $((N + 3))
else
	echo "SKIP: tmux not installed: restore after a screen session not tried"
fi
[ "$("$K2" list)" != "$list0" ] && pass "the adds show before the restore" ||
	fail "the adds show before the restore"
run restore "$T/r.db"
is "restore exits 0" "$rc" 0
is "restore says what it did" "$out" "restored $T/r.db into $DB ($N entries)"
is "after restore, list shows exactly the backup's entries" "$("$K2" list)" \
    "$list0"
is "after restore, export is the backup's, ids and all" "$("$K2" export)" \
    "$export0"
is "restore leaves no copy of the diary before it" \
    "$(ls "$DB".before-restore* 2>/dev/null | wc -l)" 0
is "restore leaves the -wal empty" "$(walsize)" 0
is "restore leaves the backup's entries in the diary file alone" "$(alone)" "$N"
is "restore leaves the diary 0600" "$(stat -c %a "$DB")" 600

# Refused: a text file and an SQLite file that is not a diary.
printf 'day,food\n2024-01-01,natto\n' >"$T/notes.txt"
sqlite3 "$T/foreign.db" "create table entry (id integer primary key, note text);
    insert into entry (note) values ('not a diary')"
snap() { sha256sum "$DB" "$DB-wal" 2>/dev/null | cut -d' ' -f1 | tr '\n' ' '; }
s0=$(snap)
run restore "$T/notes.txt"
is "restore of a text file exits 1" "$rc" 1
has "restore of a text file says why, naming it" "$err" \
    "'$T/notes.txt' is not a k2diary database (not SQLite)"
is "restore of a text file prints nothing" "$out" ""
is "restore of a text file leaves the diary as it was" "$(snap)" "$s0"
run restore "$T/foreign.db"
is "restore of a foreign database exits 1" "$rc" 1
has "restore of a foreign database says why, naming it" "$err" \
    "'$T/foreign.db' is not a k2diary database"
is "restore of a foreign database leaves the diary as it was" "$(snap)" "$s0"
is "a refused restore leaves the entries" "$("$K2" export)" "$export0"
run restore "$T/nope.db"
is "restore of a missing file exits 1" "$rc" 1
has "restore of a missing file names it" "$err" "$T/nope.db"
run restore
is "restore without a file is a usage error" "$rc" 2
run restore "$T/r.db" "$T/r.db"
is "restore with two files is a usage error" "$rc" 2

# Onto a new machine: a diary that is not there yet.
run --db "$T/new/k2/diary.db" restore "$T/notes.txt"
is "a refused restore onto a new diary exits 1" "$rc" 1
[ -e "$T/new" ] && fail "a refused restore creates no diary" ||
	pass "a refused restore creates no diary"
run --db "$T/new/k2/diary.db" restore "$T/r.db"
is "restore onto a new diary exits 0" "$rc" 0
is "restore onto a new diary says so" "$out" \
    "restored $T/r.db into $T/new/k2/diary.db ($N entries)"
is "restore onto a new diary has the backup's entries" \
    "$("$K2" --db "$T/new/k2/diary.db" export)" "$export0"
is "restore onto a new diary makes it 0600 in a 0700 folder" \
    "$(stat -c %a "$T/new/k2" "$T/new/k2/diary.db" | tr '\n' ' ')" "700 600 "

#!/usr/bin/env bash
# End-to-end tests of the full screen: the real k2diary driven in tmux, as
# tmux's own regress tests do (a private socket, no config file, send-keys,
# capture-pane), waiting for text instead of sleeping, and checking the
# database beside the screen.
. "$(dirname "$0")/lib.bash"

SOCK_NAME=test
. "$(dirname "$0")/tmux.bash"
# The glyphs as the locale under test shows them.
if [ -n "$UTF8" ]; then BAR=█ RULE=──; else BAR='#' RULE=--; fi

# --- 1. Done-when: six keys log one serving of natto on a fresh HOME ---
start done
see "the screen opens on an empty day" "Nothing logged on this day."
keys a n a t Enter Enter
see "a n a t Enter Enter: the natto row shows" \
    "1 serving    Natto (fermented soybeans)    850.0"
has "the gauge reads 1/7 K2-rich servings" "$(line_of 'K2-rich servings')" \
    "K2-rich servings     1/7"
has "the status says what was logged" "$(screen)" \
    "logged 1 serving Natto (fermented soybeans)"
has "the header counts 1 entry" "$(header)" "1 entry"
is "the default diary holds the natto row" \
    "$(sql 'select food_id, servings, quantity, serving, day from entry')" \
    "natto|1.0|1.0|serving|$(dnum 0)"
stop

# --- 2. Over the sodium limit: the screen and 'week --json' agree ---
DB=$T/salt.db
start salt --db "$DB"
ready "Nothing logged on this day."
keys a s a l a m Enter
see "a s a l a m Enter: the prompt for salami" "Log Salami (cooked, beef & pork)"
see "the amount is prefilled with 1 serving" "Amount: 1 serving"
keys 6
see "typing replaces the prefilled amount" -E "^   Amount: 6 ?$"
see "the prompt warns the day's sodium goes over" \
    "day's sodium goes over (2,610 of 2,300 mg)"
keys Enter
see "6 servings of salami logged" "6 serving    Salami (cooked, beef & po"
has "the sodium line shows 2,610 of 2,300 mg" "$(line_of 'sodium    day')" \
    "day 2,610/2,300 mg"
has "the word 'over' beside the sodium bar" "$(line_of 'sodium    day')" \
    "$BAR$BAR$BAR$BAR$BAR$BAR$BAR$BAR$BAR$BAR over"
run --db "$DB" week --json
has "week --json: the day's sodium_status is over" \
    "$(printf '%s\n' "$out" | grep -F "\"date\": \"$(day 0)\"")" \
    '"sodium_status": "over"'
is "salami stored: 6 servings, 2610 mg sodium" \
    "$(sql 'select food_id, servings, round(sodium_mg) from entry')" \
    "salami|6.0|2610.0"
stop

# --- 3. The amount prompt: Tab cycles units, q is typed, Esc backs out ---
DB=$T/prompt.db
start prompt --db "$DB"
ready "Nothing logged on this day."
keys a n a t Enter
see "the natto prompt opens with 1 serving" "Amount: 1 serving"
keys Tab
see "Tab: 1 serving is 0.49 cup" "Amount: 0.49 cup"
after "Amount: 0.49 cup" Tab
is "Tab again: 85 g" "$(line_of 'Amount:')" "   Amount: 85 g"
after "Amount: 8" Tab
is "Tab wraps round to 1 serving" "$(line_of 'Amount:')" "   Amount: 1 serving"
after "serving" BTab
is "Shift-Tab goes back to grams" "$(line_of 'Amount:')" "   Amount: 85 g"
keys Escape
see "Esc in the prompt goes back to the picker" "Find a food: nat"
keys Enter
see "Enter opens a fresh prompt" "Amount: 1 serving"
keys q
see "q in the prompt is typed" -E "^   Amount: q ?$"
if kill -0 "$(pid)" 2>/dev/null; then pass "q in the prompt does not quit"
else fail "q in the prompt does not quit"; fi
unseen "no exit after q in the prompt" "EXITED"
keys Escape
see "Esc backs out one step, to the picker" "Find a food: nat"
keys Escape
see "a second Esc goes back to the day" "Nothing logged on this day."
is "nothing was logged" "$(count)" 0
stop

# --- 4. Edit, remove and undo them ---
DB=$T/edit.db
start edit --db "$DB"
ready "Nothing logged on this day."
keys a n a t Enter Enter
ready "1 serving    Natto"
keys a g o u d a Enter Enter
see "gouda logged beside natto" "1 slice      Gouda (Dutch)"
is "the db holds natto #1 and gouda #2" \
    "$(sql 'select id, food_id from entry order by id' | tr '\n' ' ')" \
    "1|natto 2|gouda "
keys j e
see "j e: the prompt changes the selected entry" "Change Gouda (Dutch)"
is "the prompt holds the entry's amount" "$(line_of 'Amount:')" \
    "   Amount: 1 slice"
keys 3 Enter
see "the changed row shows 3 slice" "3 slice      Gouda (Dutch)"
is "the change is in the db" \
    "$(sql "select id, servings, quantity, grams from entry where food_id = 'gouda'")" \
    "2|3.0|3.0|84.0"
keys d
see "d: the status says removed" "removed Gouda (Dutch)"
unseen "d: the row is gone from the screen" "slice      Gouda (Dutch)"
is "d: the row is gone from the db" "$(count 'id = 2')" 0
keys u
see "u: undid the removal" "undid the removal of Gouda (Dutch)"
see "u: the row is back" "3 slice      Gouda (Dutch)"
is "u: the row is back with the same id" \
    "$(sql "select id, servings from entry where food_id = 'gouda'")" "2|3.0"
keys u
see "u again: undid the change" "undid the change of Gouda (Dutch)"
see "u again: the row shows 1 slice" "1 slice      Gouda (Dutch)"
is "u again: the db has the old amount" \
    "$(sql "select id, servings, grams from entry where food_id = 'gouda'")" \
    "2|1.0|28.0"
keys u
see "u a third time: undid the add" "undid the logging of Gouda (Dutch)"
unseen "the added row is gone from the screen" "slice      Gouda (Dutch)"
is "the added row is gone from the db; natto stays" \
    "$(sql 'select id, food_id from entry')" "1|natto"

# --- 5. Log again: 1 then y; . repeats the last entry ---
keys 1
see "1 asks to log the most recent food again" \
    "log 1 serving Natto (fermented soybeans) again on $(dname 0)? y/n"
keys y
see "y logs it: 2 entries" -E "2 entries$"
is "1 y: the db has a second natto" "$(count "food_id = 'natto' and servings = 1")" 2
keys .
see ". repeats the last entry: 3 entries" -E "3 entries$"
is ". : the db has a third natto" "$(count "food_id = 'natto' and day = $(dnum 0)")" 3
keys 9
see "9 with no ninth recent food says so" "no food under 9 on the again: line"
is "nothing logged by 9" "$(count)" 3
keys g e
see "g e: the prompt changes the first entry" "Change Natto (fermented soybeans)"
after "type an amount  Tab unit" 2 Enter
see "the first entry becomes 2 serving" "2 serving    Natto"
keys e
see "e again: the prompt opens" "Change Natto (fermented soybeans)"
after "type an amount  Tab unit" Enter
is "Enter at once changes nothing: the status" "$(screen | tail -n 1)" \
    " changed Natto (fermented soybeans) (u undoes it)"
is "Enter at once changes nothing: the db keeps 2 servings" \
    "$(sql 'select servings from entry where id = 1')" 2.0
stop

# --- 6. Copy the day before ---
DB=$T/copy.db
run --db "$DB" add gouda --date yesterday
is "gouda logged on yesterday beforehand" "$rc" 0
start copy --db "$DB"
ready "Nothing logged on this day."
keys [
see "[ shows yesterday" " k2diary  $(dname -1) (yesterday)"
see "yesterday's gouda shows" "1 slice      Gouda (Dutch)"
keys a n a t Enter Enter
see "natto logged on yesterday" "1 serving    Natto"
is "the db has natto on yesterday" \
    "$(sql "select day from entry where food_id = 'natto'")" "$(dnum -1)"
keys ]
see "] comes back to today" " k2diary  $(dname 0) (today)"
see "today is empty" "Nothing logged on this day."
keys Y
see "Y asks to copy yesterday's 2 entries" \
    "copy the 2 entries of $(dname -1) into this day? y/n"
keys n
see "n: nothing changed" "nothing changed"
is "n: nothing copied" "$(count "day = $(dnum 0)")" 0
keys Y
ready "copy the 2 entries"
keys y
see "Y y: copied 2 entries" "copied 2 entries"
see "the copies show on today" "1 slice      Gouda (Dutch)"
is "the db has the copies on today" \
    "$(sql "select food_id from entry where day = $(dnum 0) order by food_id" |
    tr '\n' ' ')" "gouda natto "
keys u
see "u takes the copy back" "undid the copy of 2 entries"
see "today is empty again" "Nothing logged on this day."
is "the db has no entries today" "$(count "day = $(dnum 0)")" 0
is "yesterday keeps its 2 entries" "$(count "day = $(dnum -1)")" 2

# --- 7. Move between days ---
keys [
see "[ : the day before" " k2diary  $(dname -1) (yesterday)"
keys [
see "[ [ : two days before" -E "^ k2diary  $(dname -2) +0 entries$"
keys Left
see "Left: three days before" " k2diary  $(dname -3) "
keys ]
see "] : two days before again" " k2diary  $(dname -2) "
keys Right
see "Right: the day before" " k2diary  $(dname -1) (yesterday)"
keys [ [
ready " k2diary  $(dname -3) "
keys t
see "t : back to today" " k2diary  $(dname 0) (today)"
keys ]
see "] on today says today is the last day" "today is the last day"
has "] on today stays on today" "$(header)" " k2diary  $(dname 0) (today)"

# --- 8. Help: every key of the table, any key closes ---
keys '?'
see "? opens help" "k2diary keys (j k scroll, any other key closes)"
bindings=$(sed -n '/^static const struct tui_binding bindings\[\] = {/,/^};/p' \
    "$TOP/src/tui.c" | sed -n 's/^[[:space:]]*{ "\([^"]*\)", "\([^"]*\)".*/\1\t\2/p')
# Help is longer than 24 rows: read it page by page, j at a time, until
# its last line ("Anywhere:") shows.
pages=$(screen)
for _ in $(seq 40); do
	shows "Anywhere:  Ctrl-C  quit at once" && break
	keys j
	sleep 0.05
	pages="$pages
$(screen)"
done
see "j scrolls help to the last line" "Anywhere:  Ctrl-C  quit at once"
n=0
while IFS=$'\t' read -r k h; do
	n=$((n + 1))
	l=$(printf '%s\n' "$pages" | grep -F -m1 -- "$h")
	if [ -n "$l" ] && printf '%s' "$l" | grep -qF -- "  $k  "; then
		pass "help shows '$k': $h"
	else
		fail "help shows '$k': $h"
		dump
	fi
done <<<"$bindings"
is "help: the key table was read from src/tui.c" "$([ "$n" -ge 21 ] && echo yes)" yes
keys x
if wait_gone "k2diary keys"; then pass "any other key closes help"
else fail "any other key closes help"; fi
see "help gives back the day screen" "a add  1-9 again  e edit"

# --- 9. The week view ---
# The week starts on Monday unless the config says otherwise.
monday=$(LC_ALL=C date -u -d "$(day 0) -$(($(date -u -d "$(day 0)" +%u) - 1)) days" '+%a %F')
keys w
see "w opens the week view" " Week of $monday to "
see "the week view shows the last 12 weeks" "K2-rich servings, last 12 weeks"
has "the week view marks the day shown" "$(screen)" ">$(dname 0)"
keys ]
see "the week view says why ] does nothing" "this is the current week"
keys x
see "... and that x is not a key there" "x: not a key here, ? lists them"
keys Escape
see "Esc returns to the day" " k2diary  $(dname 0) (today)"
unseen "the week view is gone" "last 12 weeks"
stop

# --- 10. Resize ---
DB=$T/edit.db
start resize --db "$DB"
ready "3 entries"
is "at 80 x 24 the gauge rule is 80 wide" "$(l=$(line_of "$RULE Week"); echo ${#l})" 80
if tm resize-window -t "$S" -x 39 -y 12 2>/dev/null; then
	# Below 40 x 12 the notice (smaller windows get a compact layout).
	see "at 39 x 12 the size notice shows" "k2diary needs a window"
	see "the notice names the smallest size" "of at least 40 x 12"
	see "the notice gives the size" "(it is 39 x 12; q quits)"
	is "the notice is centred" \
	    "$(line_of 'k2diary needs' | sed 's/[^ ].*//' | wc -c)" 9
	unseen "no day screen in a small window" "K2-rich servings"
	tm resize-window -t "$S" -x 100 -y 30
	if wait_gone "needs a window"; then pass "at 100 x 30 the notice goes"
	else fail "at 100 x 30 the notice goes"; fi
	see "at 100 x 30 the day screen returns" "K2-rich servings"
	is "the header spans 100 columns (the count ends at 99)" \
	    "$(l=$(header); echo "${#l} ${l: -9}")" "99 3 entries"
	is "the gauge rule is 100 wide" "$(l=$(line_of "$RULE Week"); echo ${#l})" 100
	has "the key hints are on the last of 30 rows" \
	    "$(screen | sed -n 30p)" "a add  1-9 again"
	tm resize-window -t "$S" -x 39 -y 12
	ready "needs a window"
	keys q
	see "q quits from the size notice" "EXITED 0"
else
	echo "SKIP: resize (tmux $(tmux -V) has no resize-window)"
fi
stop

# --- 11. Colours, NO_COLOR and --no-color ---
DB=$T/colour.db
run --db "$DB" add salami 6
start colour --db "$DB"
ready "6 serving    Salami"
has "with colours on, the K2-rich bar is green" "$(colours)" "32 "
has "with colours on, 'over' is red" "$(colours)" "31 "
stop
start nocolour NO_COLOR=1 --db "$DB"
ready "6 serving    Salami"
is "NO_COLOR=1: no colour codes" "$(colours)" ""
has "NO_COLOR=1: 'over' is still written" "$(line_of 'sodium    day')" " over"
stop
start nocolour2 --no-color --db "$DB"
ready "6 serving    Salami"
is "--no-color: no colour codes" "$(colours)" ""
stop
start emptynocolour NO_COLOR= --db "$DB"
ready "6 serving    Salami"
if [ -n "$(colours)" ]; then pass "an empty NO_COLOR keeps colours"
else fail "an empty NO_COLOR keeps colours"; fi
stop

# --- 12. UTF-8 names line up ---
cat >"$T/utf8.yaml" <<'Y'
version: 1
foods:
  - id: creme_fraiche
    name: Crème fraîche
    group: dairy
    servings: [{label: spoon, grams: 15}]
    per_100g: {mk4_ug: 20, sat_fat_g: 20, sodium_mg: 40}
  - id: natto_jp
    name: 納豆
    group: fermented_plant
    servings: [{label: pack, grams: 15}]
    per_100g: {mk7_ug: 20, sat_fat_g: 2, sodium_mg: 40}
Y
run check "$T/utf8.yaml"
is "the UTF-8 catalogue checks ok" "$out" "$T/utf8.yaml: 2 foods, ok"
DB=$T/utf8.db
start utf8 --foods "$T/utf8.yaml" --db "$DB"
ready "Nothing logged on this day."
keys a c r e Enter Enter
if [ -n "$UTF8" ]; then
	see "Crème fraîche logged" "1 spoon      Crème fraîche"
	keys a
	typed 納
	see "the picker takes a typed CJK letter" "Find a food: 納"
	keys Enter Enter
	see "納豆 logged" "1 pack       納豆"
else
	# Outside UTF-8 the names show in ASCII and no CJK letter can be typed.
	see "Crème fraîche logged, shown in ASCII" "1 spoon      Creme fraiche"
	keys a
	typed natto_jp
	keys Enter Enter
	see "the second food logged, its name as ??" "1 pack       ??"
fi
is "the db keeps both names" \
    "$(sql 'select food_name from entry order by id' | tr '\n' ' ')" \
    "Crème fraîche 納豆 "
if [ -z "$UTF8" ]; then
	echo "SKIP: wide UTF-8 names (the locale $K2_TEST_LOCALE is not UTF-8; screen.sh checks ASCII alignment)"
elif command -v python3 >/dev/null 2>&1; then
	# Where the K2 and sat fat columns end (their right edges) on the header
	# and on each row, counting East Asian wide letters as two columns.
	edges=$(screen | python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = sys.stdin.read().split("\n")
head = next(l for l in lines if "K2 µg" in l and "sat fat" in l)
out = [width(head[:head.find(t) + len(t)]) for t in ("K2 µg", "sat fat")]
for name in sys.argv[1:]:
    l = next((l for l in lines if name in l), None)
    if l is None:
        out += ["none", "none"]
        continue
    j = l.find(name) + len(name)
    for _ in range(2):
        while j < len(l) and l[j] == " ":
            j += 1
        while j < len(l) and l[j] != " ":
            j += 1
        out.append(width(l[:j]))
print(" ".join(map(str, out)))
' "Crème fraîche" "納豆")
	read -r k2 fat rest <<<"$edges"
	is "the K2 and sat fat columns line up under the header for both rows" \
	    "$edges" "$k2 $fat $k2 $fat $k2 $fat"
	is "both rows show 3.0 µg of K2" \
	    "$(screen | grep -cE '(Crème fraîche|納豆) +3\.0 ')" 2
else
	echo "SKIP: UTF-8 alignment (python3 not installed)"
fi
stop

# --- 13. Another program writes while the screen is open ---
DB=$T/conc.db
start conc --db "$DB"
ready "Nothing logged on this day."
run --db "$DB" add gouda
is "k2diary add beside the screen exits 0" "$rc" 0
see "the screen shows the outside add within the refresh" \
    "1 slice      Gouda (Dutch)"
run --db "$DB" add natto
keys j
see "after a key the screen shows the second outside add" \
    "1 serving    Natto (fermented soybeans)"
has "the header counts both" "$(header)" "2 entries"
run --db "$DB" rm 1
see "an outside removal shows too" -E "1 entry$"
unseen "the removed gouda is gone" "Gouda (Dutch)"
stop

# --- 14. Signals: TERM and HUP leave a sound diary and a sane terminal ---
DB=$T/sig.db
for sig in TERM HUP; do
	start "sig$sig" --db "$DB"
	ready "K2-rich servings"
	keys a n a t Enter Enter
	ready "logged 1 serving Natto"
	keys a s a l a m Enter
	ready "Log Salami"
	shown=$(header | grep -oE '[0-9]+ entr(y|ies)$' | grep -oE '^[0-9]+')
	kill -"$sig" "$(pid)"
	code=$((128 + $(kill -l "$sig")))
	see "SIG$sig: k2diary ends by the signal (status $code)" "EXITED $code"
	is "SIG$sig: the diary passes integrity_check" \
	    "$(sql 'pragma integrity_check')" ok
	is "SIG$sig: the db count is the screen's ($shown)" \
	    "$(count)" "$shown"
	is "SIG$sig: the half-typed salami was not logged" \
	    "$(count "food_id = 'salami'")" 0
	is "SIG$sig: the alternate screen is off" \
	    "$(tm display-message -p -t "$S" '#{alternate_on}')" 0
	is "SIG$sig: the cursor is visible again" \
	    "$(tm display-message -p -t "$S" '#{cursor_flag}')" 1
	unseen "SIG$sig: the day screen is gone" "K2-rich servings"
	stop
done

# --- 15. q and Ctrl-C quit ---
before=$(count)
start quit --db "$DB"
ready "K2-rich servings"
t0=$EPOCHREALTIME
keys q
see "q quits" "EXITED 0"
t1=$EPOCHREALTIME
is "q quits at once (under a second)" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a < 1) ? "yes" : b - a }')" yes
is "q: the terminal is restored" \
    "$(tm display-message -p -t "$S" '#{alternate_on}')" 0
is "q: the rows stay" "$(count)" "$before"
stop
start ctrlc --db "$DB"
ready "K2-rich servings"
keys a
ready "Find a food:"
keys C-c
see "Ctrl-C quits, even from the picker" "EXITED 0"
is "Ctrl-C: the terminal is restored" \
    "$(tm display-message -p -t "$S" '#{alternate_on}')" 0
is "Ctrl-C: the rows stay" "$(count)" "$before"
stop

# --- 16. Not a terminal ---
"$K2" --db "$T/notty.db" </dev/null >/dev/null 2>"$T/stderr"
rc=$?
is "no terminal: exit status 2" "$rc" 2
has "no terminal: the message says a terminal is needed" "$(cat "$T/stderr")" \
    "k2diary: the full screen needs a terminal; use a command such as 'k2diary list'"
test -e "$T/notty.db" && fail "no terminal: no diary is created" ||
    pass "no terminal: no diary is created"

# An unknown terminal type: k2diary's own message, a usage error, no diary.
start badterm TERM=nosuchterm --db "$T/badterm.db"
ready "EXITED"
has "unknown TERM: k2diary says it cannot set up the terminal" "$(screen)" \
    "k2diary: cannot use the terminal 'nosuchterm'"
has "unknown TERM: exit status 2" "$(screen)" "EXITED 2"
test -e "$T/badterm.db" && fail "unknown TERM: no diary is created" ||
    pass "unknown TERM: no diary is created"
stop

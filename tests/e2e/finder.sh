#!/usr/bin/env bash
# What to eat next on the screen (issue 13): the K2 finder (f) lists what
# 'k2diary suggest' lists, in its order; Down, Enter, Enter logs the second
# candidate; s orders every food by K2; the picker's Ctrl-O does the same;
# the day screen's line at 80 x 24, gone at 80 x 23; anticoagulant mode
# says no "more".
. "$(dirname "$0")/lib.bash"
SOCK_NAME=finder
. "$(dirname "$0")/tmux.bash"

# The candidates as suggest --json gives them: "id<TAB>name" a line.
cands() {
	"$K2" "$@" suggest --json | python3 -c '
import json, sys
for c in json.load(sys.stdin)["candidates"]:
    print(c["id"] + "\t" + c["name"])'
}

# A fresh diary, made and emptied so that suggest has one to read.
"$K2" add natto --date 2000-01-03 >/dev/null && "$K2" rm 1 >/dev/null
first=$(cands | sed -n 1p)
second=$(cands | sed -n 2p)
is "suggest lists natto first on a fresh diary" "${first%%$'\t'*}" natto
[ -n "$second" ] && pass "suggest lists a second candidate" ||
    fail "suggest lists a second candidate"

start finder
ready "Nothing logged on this day."
see "the day screen says what to eat next at 80 x 24" \
    "7 more K2-rich servings this week: Natto 6 mg sodium"
keys f
see "f opens the finder" "K2 finder: what fits what is left"
see "the finder lists natto first, as suggest does" -E "^  Natto \(fermented soybeans\) +850.0 +6 +1.4"
keys Down Enter
# The prompt names the food whole (the finder may cut it), in ASCII
# outside UTF-8: its first ten letters, ASCII in the catalogue, are enough.
name2=${second#*$'\t'}
see "Down, Enter: the amount prompt for the second candidate" \
    "Log ${name2:0:10}"
keys Enter
poll test "$(count)" = 1
is "Enter logs the second candidate" "$(sql 'select food_id from entry')" \
    "${second%%$'\t'*}"
keys f s
see "s orders every food by K2 a serving" "K2 finder: K2 a serving"
# The K2 column of the rows shown (columns 32-41 at 80) goes down.
k2s=$(screen | python3 -c '
import sys
for line in sys.stdin.buffer.read().decode("utf-8", "replace").split("\n")[4:20]:
    print(line[31:41].strip().replace(",", ""))' | grep -E '^[0-9.]+$')
sorted=$(printf '%s\n' "$k2s" | sort -rn)
is "the K2 column was read (at least ten rows)" \
    "$([ "$(printf '%s\n' "$k2s" | grep -c .)" -ge 10 ] && echo yes)" yes
is "... highest first" "$k2s" "$sorted"
keys s
see "s again: K2 per mg of sodium" "K2 finder: K2 per mg of sodium"
keys Escape
ready "1 entry"
keys a C-o
see "Ctrl-O orders the picker by K2 a serving" "Find a food by K2 a serving"
keys Escape q
stop

# A window of 80 x 23 (the compact layout) gives the line up first.
H=23 start small
ready "1 entry"
unseen "80 x 23 has no line of what to eat next" "more K2-rich servings this week"
keys q
stop

# Anticoagulant mode: no advice to eat more.
mkdir -p "$HOME/.config/k2diary"
printf 'anticoagulant: true\n' >"$HOME/.config/k2diary/config.yaml"
start ac
ready "1 entry"
see "anticoagulant: the line gives the day's vitamin K and the mean" \
    "vitamin K (K1 + K2) this day"
unseen "anticoagulant: no 'more' on the day screen" "more"
keys f
ready "K2 finder"
unseen "anticoagulant: no 'more' in the finder" "more"
keys Escape q
stop
rm "$HOME/.config/k2diary/config.yaml"

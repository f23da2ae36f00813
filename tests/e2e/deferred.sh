#!/usr/bin/env bash
# The full screen draws its first frame before it parses the user's
# catalogue when that is safe: a file that loaded cleanly before with the
# same size and time (~/.cache/k2diary/checked). A file not on record is
# parsed first. Either way a broken food never locks the user out (DESIGN
# §3b): the screen opens and its status line names the error.
. "$(dirname "$0")/lib.bash"
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux not installed: deferred catalogue loading not tried"
	exit 0
fi
S="k2diary-deferred$$"
trap 'tmux -L "$S" kill-server 2>/dev/null; rm -rf "$T"' EXIT
REC="$HOME/.cache/k2diary/checked"

# screen_run ARGS...: run k2diary in a pane; its exit status and stderr
# go to $T/status and $T/stderr.
screen_run() {
	tmux -L "$S" kill-server 2>/dev/null
	rm -f "$T/status" "$T/stderr"
	tmux -L "$S" -f /dev/null new-session -d -x 80 -y 24 \
	    "env HOME=$HOME LANG=$LANG LC_MESSAGES=C ${LOCPATH:+LOCPATH=$LOCPATH} TERM=xterm-256color $K2 $* 2>$T/stderr; echo \$? >$T/status; sleep 30"
}
wait_screen() {
	for _ in $(seq 400); do
		tmux -L "$S" capture-pane -p | grep -q "$1" && return 0
		sleep 0.05
	done
	return 1
}
wait_status() {
	for _ in $(seq 400); do
		[ -s "$T/status" ] && return 0
		sleep 0.05
	done
	return 1
}

mkdir -p "$HOME/.config/k2diary"
F="$HOME/.config/k2diary/foods.yaml"
cat >"$F" <<'Y'
version: 1
foods:
  - id: home_kimchi
    name: Home kimchi
    group: fermented_plant
    servings: [{label: bowl, grams: 100}]
    per_100g: {sodium_mg: 500}
Y
bad=$(sed 's/sodium_mg: 500/sodium_mg: -5/' "$F")

# A file never checked is parsed before the screen; its broken food is left
# out and the status line says where the error is.
printf '%s\n' "$bad" >"$T/bad.yaml"
cp "$F" "$T/good.yaml"
cp "$T/bad.yaml" "$F"
screen_run
wait_screen "K2-rich servings" && pass "a bad catalogue does not stop the screen" ||
	fail "a bad catalogue does not stop the screen"
wait_screen "foods.yaml (1 error, k2diary check): 7:27: " &&
	pass "the status line names the error's line and column" ||
	fail "the status line names the error's line and column"
tmux -L "$S" send-keys a k i m c
wait_screen "No food matches\|of 8" && pass "the broken food is left out" ||
	fail "the broken food is left out"
tmux -L "$S" send-keys Escape q
wait_status || true
is "the screen with a bad catalogue quits with q" "$(cat "$T/status" 2>/dev/null)" 0
test -e "$REC" && fail "a bad catalogue is not put on record" ||
	pass "a bad catalogue is not put on record"

# A good file: parsed before the first run's screen, then on record.
cp "$T/good.yaml" "$F"
screen_run
wait_screen "K2-rich servings" && pass "a good catalogue opens the screen" ||
	fail "a good catalogue opens the screen"
tmux -L "$S" send-keys a k i m c
wait_screen "Home kimchi" && pass "the user's food is in the picker" ||
	fail "the user's food is in the picker"
tmux -L "$S" send-keys Escape q
wait_status || true
is "the screen quits with q" "$(cat "$T/status" 2>/dev/null)" 0
has "the good file is on record with its size" "$(cat "$REC" 2>/dev/null)" "$(stat -c %s "$F") "
has "the record names the file" "$(cat "$REC" 2>/dev/null)" "$F"

# On record: the second run draws first and still finds the user's food.
screen_run
wait_screen "K2-rich servings" && pass "a checked catalogue opens the screen" ||
	fail "a checked catalogue opens the screen"
tmux -L "$S" send-keys a k i m c
wait_screen "Home kimchi" && pass "a checked catalogue's food is in the picker" ||
	fail "a checked catalogue's food is in the picker"
tmux -L "$S" send-keys Enter Enter
for _ in $(seq 200); do
	[ "$(sql "select count(*) from entry where food_id = 'home_kimchi'" 2>/dev/null)" = 1 ] && break
	sleep 0.05
done
is "a checked catalogue's food logs" "$(sql "select count(*) from entry where food_id = 'home_kimchi'")" 1
tmux -L "$S" send-keys q
wait_status || true

# Changed to a bad file with the same size and time: the screen comes up,
# then the parse finds the error, which the status line shows.
stamp=$(stat -c %y "$F")
printf '%s\n' "$bad" | head -c "$(stat -c %s "$F")" >"$F.new"
[ "$(stat -c %s "$F.new")" = "$(stat -c %s "$F")" ] || printf ' ' >>"$F.new"
mv "$F.new" "$F"
touch -d "$stamp" "$F"
screen_run
wait_screen "7:27: " && pass "a file changed behind the record: the status line names the error" ||
	fail "a file changed behind the record: the status line names the error"
tmux -L "$S" send-keys q
wait_status || true
is "a file changed behind the record: quits with q" "$(cat "$T/status" 2>/dev/null)" 0

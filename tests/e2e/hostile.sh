#!/usr/bin/env bash
# Hostile input everywhere: catalogues and configs that are devices, FIFOs,
# folders or 1 GiB; escape sequences and 10,000-character names (in the
# catalogue and in an old or foreign diary); 100,000 foods; absurd amounts
# and dates; no HOME; XDG folders that cannot be used. Each must end in a
# clear message or the right result: never a crash, a hang, a sanitizer
# report or raw control characters sent to the terminal. Then the security
# rules: SQL only through bound parameters, a private diary whatever the
# umask, no shell, literal format strings.
. "$(dirname "$0")/lib.bash"

unset TMUX TMUX_PANE K2DIARY_FOODS K2DIARY_DB
ESC=$'\e'
C1CSI=$'\xc2\x9b'		# U+009B, the one-character CSI, in UTF-8
have() { command -v "$1" >/dev/null 2>&1; }

# The tmux server (when used) and lib.bash's temporary folder, at exit.
SOCK=k2diary-hostile$$
tm() { SHELL=/bin/sh tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1
rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
chmod -R u+rwx "$T" 2>/dev/null
rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM

# try ARGS...: run k2diary with 20 s to finish; sets $out, $err and $rc
# (124: it hung and was killed).
try() {
	out=$(timeout 20 "$K2" "$@" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
}
# ended NAME WANT: the last run exited WANT, without hanging, dying of a
# signal or a sanitizer report.
ended() {
	local why=

	if printf '%s' "$err" | grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:'; then
		why="sanitizer report"
	elif [ "$rc" -eq 124 ]; then
		why="hung: killed after 20 s"
	elif [ "$rc" -ge 128 ]; then
		why="died of signal $((rc - 128))"
	elif [ "$rc" -ne "$2" ]; then
		why="exit $rc, want $2"
	fi
	if [ -z "$why" ]; then pass "$1"; else
		fail "$1"; echo "  $why"
		printf '%s\n' "$err" | head -15 | cut -c1-200 | sed 's/^/  | /'
	fi
}
# inert NAME TEXT: TEXT holds no ESC, BEL or C1 CSI (nothing a terminal
# would act on).
inert() {
	if printf '%s' "$2" | grep -qF -e "$ESC" -e $'\a' -e "$C1CSI"; then
		fail "$1"
		printf '%s\n' "$2" | grep -F -e "$ESC" -e $'\a' -e "$C1CSI" |
		    head -5 | cut -c1-200 | cat -v | sed 's/^/  raw: /'
	else pass "$1"; fi
}
# inert_c0 NAME TEXT: TEXT holds no raw ESC or BEL (JSON may carry the
# C1 characters as they are: they are valid, printable JSON text).
inert_c0() {
	if printf '%s' "$2" | grep -qF -e "$ESC" -e $'\a'; then
		fail "$1"
		printf '%s\n' "$2" | grep -F -e "$ESC" -e $'\a' | head -5 |
		    cut -c1-200 | cat -v | sed 's/^/  raw: /'
	else pass "$1"; fi
}
count() { sql "select count(*) from entry"; }
# The sanitizer build runs several times slower.
case $K2 in *build-asan*) asan=1 ;; *) asan=0 ;; esac
# json_ok NAME TEXT: TEXT is valid JSON (when jq or python3 can tell).
if have jq; then
	json_valid() { jq empty; }
elif have python3; then
	json_valid() { python3 -c 'import json,sys; json.load(sys.stdin)'; }
else
	json_valid() { return 2; }
fi
json_ok() {
	printf '%s' "$2" | json_valid 2>"$T/json.err"
	case $? in
	0) pass "$1" ;;
	2) echo "SKIP: $1 (no jq or python3)" ;;
	*) fail "$1"; sed 's/^/  /' "$T/json.err" ;;
	esac
}
# A food in flow style, for generated catalogues.
food() { # food ID NAME
	printf -- '  - {id: %s, name: %s, group: other, servings: [{label: piece, grams: 10}], per_100g: {sodium_mg: 1}}\n' "$1" "$2"
}

# --- 1. Catalogues, configs and diaries that are not files ---
mkdir -p "$T/odd"
ln -s /dev/zero "$T/odd/zero.yaml"
mkfifo "$T/odd/fifo.yaml"
mkdir "$T/odd/dir.yaml"
truncate -s 1G "$T/odd/big.yaml"
truncate -s $((16 * 1024 * 1024 + 1)) "$T/odd/just_over.yaml"
declare -A why=(
	[zero]="is not a regular file"
	[fifo]="is not a regular file"
	[dir]="is a directory"
	[big]="file is too large (1073741824 bytes)"
	[just_over]="file is too large (16777217 bytes)"
)
for kind in zero fifo dir big just_over; do
	f=$T/odd/$kind.yaml
	try --foods "$f" foods
	ended "--foods $kind: exit 1" 1
	has "--foods $kind: says why, naming the file" "$err" "$f: ${why[$kind]}"
	try --config "$f" list
	ended "--config $kind: exit 1" 1
	has "--config $kind: says why, naming the file" "$err" "$f: ${why[$kind]}"
done
for kind in fifo big; do
	f=$T/odd/$kind.yaml
	try check "$f"
	ended "check $kind: exit 1" 1
	has "check $kind: says why" "$err" "$f: ${why[$kind]}"
done
test -e "$DB" && fail "no diary made for a bad catalogue or config" ||
    pass "no diary made for a bad catalogue or config"
try --foods /dev/zero foods
ended "--foods /dev/zero itself: exit 1" 1
has "--foods /dev/zero: not a regular file" "$err" "/dev/zero: is not a regular file"
K2DIARY_FOODS=$T/odd/fifo.yaml try foods
ended "K2DIARY_FOODS a FIFO: exit 1" 1
has "K2DIARY_FOODS a FIFO: says so" "$err" "$T/odd/fifo.yaml: is not a regular file"
# The user's own foods.yaml and config.yaml, in the XDG place.
mkdir -p "$HOME/.config/k2diary"
mkfifo "$HOME/.config/k2diary/foods.yaml"
# (Never a lock-out, DESIGN §3b: the built-in foods are used, the error said.)
try foods natto
ended "user foods.yaml a FIFO: exit 0, the built-in foods used" 0
has "user foods.yaml a FIFO: says so" "$err" "$HOME/.config/k2diary/foods.yaml: is not a regular file"
rm "$HOME/.config/k2diary/foods.yaml"
mkdir "$HOME/.config/k2diary/foods.yaml"
try foods natto
ended "user foods.yaml a folder: exit 0, the built-in foods used" 0
has "user foods.yaml a folder: says so" "$err" "foods.yaml: is a directory"
rmdir "$HOME/.config/k2diary/foods.yaml"
ln -s /dev/zero "$HOME/.config/k2diary/config.yaml"
try week
ended "user config.yaml -> /dev/zero: exit 1" 1
has "user config.yaml -> /dev/zero: says so" "$err" "config.yaml: is not a regular file"
rm "$HOME/.config/k2diary/config.yaml"
truncate -s 1G "$HOME/.config/k2diary/config.yaml"
try week
ended "user config.yaml of 1 GiB: exit 1" 1
has "user config.yaml of 1 GiB: too large" "$err" "config.yaml: file is too large"
rm "$HOME/.config/k2diary/config.yaml"
# --db: the same odd files, and the diary is never written through them.
try --db "$T/odd/zero.yaml" list
ended "--db a symlink to /dev/zero: exit 1" 1
has "--db a symlink: refused" "$err" "'$T/odd/zero.yaml' is a symbolic link"
try --db "$T/odd/fifo.yaml" list
ended "--db a FIFO: exit 1" 1
has "--db a FIFO: refused" "$err" "'$T/odd/fifo.yaml' is not a regular file"
try --db "$T/odd/dir.yaml" list
ended "--db a folder: exit 1" 1
has "--db a folder: refused" "$err" "'$T/odd/dir.yaml' is a folder"
try --db "$T/odd/big.yaml" add natto
ended "--db 1 GiB of zeros: exit 1" 1
has "--db 1 GiB of zeros: not a diary" "$err" "'$T/odd/big.yaml' is not a k2diary database"
is "--db 1 GiB of zeros: left untouched" "$(stat -c %s "$T/odd/big.yaml"),$(od -An -tx1 -N16 "$T/odd/big.yaml" | tr -d ' ')" \
    "1073741824,00000000000000000000000000000000"

# --- 2. Escape sequences and control characters in catalogue text ---
cat >"$T/esc.yaml" <<'Y'
version: 1
foods:
  - id: esc
    name: "a\e[2Jb"
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
  - id: osc
    name: "t\e]0;title\ax"
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
  - id: csi
    name: "c\u009b2Jd"
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
  - id: del
    name: "d\x7fx"
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
  - id: okay
    name: ok
    group: other
    aliases: ["x\e[31m"]
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
Y
try check "$T/esc.yaml"
ended "names with control characters: exit 1" 1
is "each control character reported where it is" "$err" \
"$T/esc.yaml:4:11: 'name' contains a control character (0x1b)
$T/esc.yaml:9:11: 'name' contains a control character (0x1b)
$T/esc.yaml:14:11: 'name' contains a control character (U+009B)
$T/esc.yaml:19:11: 'name' contains a control character (0x7f)
$T/esc.yaml:26:15: 'aliases' contains a control character (0x1b)"
inert "control characters in names: the messages are inert" "$err"
# Keys, tags and values that never become names still reach the messages.
cat >"$T/esckey.yaml" <<'Y'
version: 1
foods:
  - id: k
    name: K
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
    "\e]0;pwned\a": 1
    "x\e[2J": 2
    "x\e[2J": 3
Y
try check "$T/esckey.yaml"
ended "escape sequences in keys: exit 1" 1
has "escape sequences in keys: reported as unknown keys" "$err" "$T/esckey.yaml:8:5: unknown key '"
inert "escape sequences in keys: the messages are inert" "$err"
printf 'version: 1\nfoods: !<tag:%%1B[2J%%07> []\n' >"$T/esctag.yaml"
try check "$T/esctag.yaml"
ended "an escape sequence in a tag: exit 1" 1
has "an escape sequence in a tag: reported" "$err" "$T/esctag.yaml:2:8: tag '"
inert "an escape sequence in a tag: the message is inert" "$err"
printf '"\\e[2J": 1\nweek_start: "\\e[5m"\n' >"$T/esccfg.yaml"
try --config "$T/esccfg.yaml" list
ended "escape sequences in a config: exit 1" 1
has "escape sequence in a config value: shown as ?" "$err" \
    "$T/esccfg.yaml:2:13: expected a day of the week (monday ... sunday) for 'week_start', found text \"?[5m\""
inert "escape sequences in a config: the messages are inert" "$err"
# Odd but printable names are kept as they are.
cat >"$T/odd.yaml" <<'Y'
version: 1
foods:
  - id: odd
    name: "^[[2J \\e[31m ＥＳＣ 界"
    group: other
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
Y
try --foods "$T/odd.yaml" --db "$T/odd.db" add odd
ended "an odd but printable name logs" 0
# Outside UTF-8 every character past ASCII prints as one stand-in.
if [ -n "$UTF8" ]; then
	has "the odd name is printed as it is" "$out" '^[[2J \e[31m ＥＳＣ 界'
else
	has "the odd name is printed in ASCII" "$out" '^[[2J \e[31m ??? ?'
fi
try --foods "$T/odd.yaml" --db "$T/odd.db" list
has "list shows the odd name" "$out" '^[[2J \e[31m'
inert "list of the odd name is inert" "$out"

# --- 3. An old or foreign diary with escape sequences in its text ---
try add natto
ended "a first entry in the default diary" 0
today=$(sql 'select day from entry')
# As a foreign program might have written them: straight into the table.
sql "insert into entry (day, logged_at, food_id, food_name, serving, grams,
    servings, quantity, sat_fat_g, sodium_mg) values ($today, 1700000000,
    'evil', 'E' || char(27) || '[2J' || char(27) || ']0;pwn' || char(7) ||
    'x' || char(155) || 'y', 's' || char(27) || '[41m', 10, 1, 1, 30, 3000)"
evil_id=$(sql "select id from entry where food_id='evil'")
try list
ended "list with an escape in a stored name: exit 0" 0
has "list shows the stored name with ? for each control" "$out" "E?[2J?]0;pwn?x?y"
has "list shows the stored serving with ?" "$out" "1 s?[41m"
inert "list of stored escapes is inert" "$out"
try list --json
has "list --json escapes ESC and BEL" "$out" '"food_name": "E\u001b[2J\u001b]0;pwn\u0007x'
inert_c0 "list --json of stored escapes is inert" "$out"
json_ok "list --json with stored escapes is valid JSON" "$out"
try week
ended "week with stored escapes: exit 0" 0
has "week warns of the day's saturated fat" "$out" "saturated fat 31.4 g is over the 20 g daily limit"
inert "week of stored escapes is inert (the warnings name the food)" "$out"
try week --json
json_ok "week --json with stored escapes is valid JSON" "$out"
inert_c0 "week --json of stored escapes is inert" "$out"
# Yesterday: a stored entry near the limit, then gouda takes the day over;
# add's warning names the day's biggest entries.
sql "insert into entry (day, logged_at, food_id, food_name, serving, grams,
    servings, quantity, sat_fat_g) values ($((today - 1)), 1700000000, 'evil',
    'Y' || char(27) || '[2J', 'piece', 10, 1, 1, 14)"
try add gouda --date yesterday
ended "add beside stored escapes: exit 0" 0
has "add warns that the day went over" "$out" "warning: "
inert "add's warning beside stored escapes is inert" "$out"
try export
has "CSV export carries the stored bytes faithfully" "$out" \
    "evil,E${ESC}[2J${ESC}]0;pwn"$'\a'"x${C1CSI}y,s${ESC}[41m,1,10,1,"
try export --format json
has "JSON export escapes ESC as \\u001b" "$out" '"food_name": "E\u001b[2J\u001b]0;pwn\u0007x'
inert_c0 "JSON export of stored escapes is inert" "$out"
json_ok "JSON export with stored escapes is valid JSON" "$out"
try rm "$evil_id"
ended "rm of the stored escapes: exit 0" 0
inert "rm's report of stored escapes is inert (name and serving)" "$out"
try edit "$(sql "select id from entry where food_name like 'Y%'")" 2
ended "edit of the stored escapes: exit 0" 0
inert "edit's report of stored escapes is inert" "$out"

# --- 4. Names of 10,000 characters ---
long=$(printf 'N%.0s' $(seq 10000))
{
	printf 'version: 1\nfoods:\n'
	food longname "$long"
	food "${long,,}" x
} >"$T/long.yaml"
try check "$T/long.yaml"
ended "a 10,000-character name: exit 1" 1
has "a 10,000-character name is refused by length" "$err" \
    "$T/long.yaml:3:26: 'name' is 10000 bytes long: at most 200 allowed"
has "a 10,000-character id is refused by length" "$err" \
    "$T/long.yaml:4:10: 'id' is 10000 bytes long: at most 1000 allowed"
wide=$(printf '界%.0s' $(seq 10000))
sql "insert into entry (day, logged_at, food_id, food_name, serving, grams,
    servings, quantity, sat_fat_g) values ($today, 1700000000, '$long',
    '$wide', '$long', 10, 1, 1, 30)"
long_id=$(sql "select id from entry where food_name='$wide'")
try list
ended "list with a stored 10,000-character name: exit 0" 0
wmax=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
[ "$wmax" -le 300 ] && pass "list cuts a 10,000-character name (longest line $wmax)" ||
    fail "list cuts a 10,000-character name (longest line $wmax)"
if [ -n "$UTF8" ]; then
	has "the cut name ends in ~" "$out" "$(printf '界%.0s' $(seq 19))~"
else
	has "the cut name ends in ~" "$out" "$(printf '?%.0s' $(seq 39))~"
fi
try week
ended "week with a stored 10,000-character name: exit 0" 0
wmax=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
[ "$wmax" -le 400 ] && pass "week's warning cuts the name (longest line $wmax)" ||
    fail "week's warning cuts the name (longest line $wmax)"
try list --json
has "list --json keeps all 10,000 characters" "$out" "\"food_name\": \"$wide\""
try rm "$long_id"
ended "rm of a 10,000-character entry: exit 0" 0
has "rm's report names the entry" "$out" "removed #$long_id on "
[ "${#out}" -le 300 ] && pass "rm's report cuts the name (${#out} characters)" ||
    fail "rm's report cuts the name (${#out} characters)"
try foods "$long"
ended "a 10,000-character query: exit 1" 1
has "a 10,000-character query matches nothing" "$err" "no food matches"
try add "$long"
ended "add of a 10,000-character food: exit 1" 1
try --db "$T/$long/diary.db" list
ended "a --db path too long for the system: exit 1" 1
has "a --db path too long: says so" "$err" "File name too long"

# --- 5. A catalogue of 100,000 foods (flow style, under 16 MiB) ---
{
	printf 'version: 1\nfoods:\n'
	awk 'BEGIN {
		for (i = 0; i < 100000; i++)
			printf "  - {id: f%d, name: %s %d, group: other, servings: [{label: piece, grams: 10}], per_100g: {sodium_mg: 1}}\n", i, (i % 1000 == 0 ? "Gouda" : "Food"), i
	}'
} >"$T/big.yaml"
if [ "$asan" = 0 ]; then
	t0=$(date +%s.%N)
	try --foods "$T/big.yaml" check
	t1=$(date +%s.%N)
	ended "100,000 foods: check exits 0" 0
	is "100,000 foods: check counts them" "$out" "$T/big.yaml: 100000 foods, ok"
	echo "  (100,000 foods: --foods big.yaml check took $(awk "BEGIN { print $t1 - $t0 }") s)"
fi
t0=$(date +%s.%N)
try --foods "$T/big.yaml" foods gouda
t1=$(date +%s.%N)
ended "100,000 foods: foods gouda exits 0" 0
is "100,000 foods: gouda matches 100 (and a header)" "$(printf '%s\n' "$out" | wc -l)" 101
has "100,000 foods: the last gouda is found" "$out" "Gouda 99000"
echo "  (100,000 foods: foods gouda took $(awk "BEGIN { print $t1 - $t0 }") s)"
# Every error counted, few printed.
{
	printf 'version: 1\nfoods:\n'
	for ((i = 0; i < 3000; i++)); do
		printf -- '  - {id: b%d, name: B, group: other, servings: [{label: piece, grams: 10}], per_100g: {sodium_mg: -1}}\n' "$i"
	done
} >"$T/manybad.yaml"
try check "$T/manybad.yaml"
ended "3,000 bad foods: exit 1" 1
has "3,000 bad foods: the rest are counted, not printed" "$err" "more errors not shown"
{ printf 'version: 1\nfoods: '; printf '[%.0s' $(seq 10000); } >"$T/deep.yaml"
try check "$T/deep.yaml"
ended "10,000 nested lists: exit 1" 1
has "10,000 nested lists: refused by depth" "$err" "nested more than 32 levels deep"
printf 'version: 1\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\nfoods: []\n' >"$T/laughs.yaml"
try check "$T/laughs.yaml"
ended "YAML aliases (a billion laughs): exit 1" 1
has "YAML aliases: refused" "$err" "YAML anchor '&a' is not supported"
printf 'version: 1\nfoods: []\n\xff\n' >"$T/utf8.yaml"
try check "$T/utf8.yaml"
ended "invalid UTF-8: exit 1" 1
has "invalid UTF-8: says where" "$err" "$T/utf8.yaml:3:1: invalid UTF-8 (byte 0xff)"
printf 'version: 1\nfoods: []\n\0\n' >"$T/nul.yaml"
try check "$T/nul.yaml"
ended "a NUL byte: exit 1" 1
has "a NUL byte: says so" "$err" "a NUL byte"

# --- 6. Amounts that are not amounts ---
n0=$(count)
nines=$(printf '9%.0s' $(seq 400))
declare -A amsg=(
	[1e308]="'1e308' is not an amount"
	[0x10]="'0x10' is not an amount"
	[nan]="'nan' is not an amount"
	[inf]="'inf' is not an amount"
	[1e3]="'1e3' is not an amount"
	[+1]="'+1' is not an amount"
	[1/0]="division by zero in '1/0'"
	["1 1/0"]="division by zero in '1 1/0'"
	[99999]="'99999' of Natto (fermented soybeans) is too much: at most 5000 g"
	[101]="'101' of Natto (fermented soybeans) is too much"
	[0]="amount must be more than zero"
	[$nines]="is too much"
)
for a in "${!amsg[@]}"; do
	try add natto "$a"
	ended "add natto '${a:0:24}': exit 1" 1
	has "add natto '${a:0:24}': says why" "$err" "${amsg[$a]}"
done
try add natto -0
ended "add natto -0: an unknown option, exit 2" 2
has "add natto -0: says so" "$err" "unknown option '-0'"
try add -- natto -0
ended "add -- natto -0: exit 1" 1
has "add -- natto -0: more than zero" "$err" "amount must be more than zero"
try add -- natto -1
ended "add -- natto -1: exit 1" 1
is "no absurd amount logged anything" "$(count)" "$n0"
id=$(sql "select id from entry where food_id='natto' limit 1")
for a in 1e308 nan -0; do
	try edit -- "$id" "$a"
	ended "edit $id '$a': exit 1" 1
done
is "no absurd edit changed the entry" "$(sql "select servings from entry where id=$id")" "1.0"

# --- 7. Dates ---
for d in 2026-02-30 0000-01-01 99999-01-01 -100001 \
    -99999999999999999999999 2026-13-01 ""; do
	try list --date "$d"
	ended "--date '$d': exit 2" 2
	has "--date '$d': a message naming it" "$err" "invalid day '$d'"
done
try list --date -99999
ended "--date -99999 (in range): exit 0" 0
# A day after today is refused by add; a diary another program wrote may
# still hold one, so it goes in by SQL (day 2932896 is 9999-12-31).
try add natto --date 9999-12-31
ended "add on 9999-12-31 (after today): exit 1" 1
has "add on 9999-12-31: says it is after today" "$err" "is after today"
sql "insert into entry (day, logged_at, food_id, food_name, serving, grams,
    servings, quantity, sodium_mg) values (2932896, 1700000000, 'natto',
    'Natto', 'serving', 85, 1, 1, 6)"
try week --date 9999-12-31
ended "week of 9999-12-31: exit 0" 0
has "the week of 9999-12-31 runs into 10000" "$out" "Week of Mon 9999-12-27 to Sun 10000-01-02"
try week --date 9999-12-31 --json
ended "week --json of 9999-12-31: exit 0" 0
has "week --json: the last day is 10000-01-02" "$out" '"week_end": "10000-01-02"'
json_ok "week --json of 9999-12-31 is valid JSON" "$out"
try export --format json --from 9999-12-31
json_ok "export of 9999-12-31 is valid JSON" "$out"
has "export of 9999-12-31 holds it" "$out" '"day": "9999-12-31"'
printf 'week_start: sunday\n' >"$T/sunday.yaml"
try --config "$T/sunday.yaml" week --date 0001-01-01 --json
ended "the week of 0001-01-01 starting on Sunday: exit 0" 0
has "that week starts in year 0" "$out" '"week_start": "0000-12-31"'
json_ok "the week of 0001-01-01 is valid JSON" "$out"
# A foreign diary with days and times no calendar holds.
sql "insert into entry (day, logged_at, food_id, food_name, serving, grams,
    servings, quantity) values (9223372036854775807, 9223372036854775807,
    'far', 'Far', 'piece', 10, 1, 1), (-9223372036854775807,
    -9223372036854775807, 'far', 'Far', 'piece', 10, 1, 1)"
for id in $(sql "select id from entry where food_id='far'"); do
	d=$(sql "select day from entry where id=$id")
	try edit "$id" 2
	ended "edit of an entry on day $d: exit 0" 0
	try rm "$id"
	ended "rm of an entry on day $d: exit 0" 0
done

# --- 8. Numbers a foreign diary may hold ---
sql "insert into entry (day, logged_at, food_id, food_name, serving, grams,
    servings, quantity, k2_ug, mk7_ug, sat_fat_g, sodium_mg) values
    ($today, 1700000000, 'huge', 'Huge', 'piece', 1e308, 1e308, 1e308,
    1e308, 1e308, 1e308, 1e308)"
huge_id=$(sql "select id from entry where food_id='huge'")
for cmd in list week; do
	try "$cmd"
	ended "$cmd with 1e308 in the diary: exit 0" 0
	lacks "$cmd with 1e308: no wrapped-round number" "$out" "9,223,372,036,854,775,808"
done
try week --json
ended "week --json with 1e308: exit 0" 0
json_ok "week --json with 1e308 is valid JSON" "$out"
try export --format json
json_ok "export with 1e308 is valid JSON" "$out"
sql "delete from entry where id=$huge_id"

# --- 9. No HOME, and XDG folders that cannot be used ---
try_env() { # try_env ENV-ARGS... -- K2DIARY-ARGS...
	local envs=()
	while [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	out=$(env "${envs[@]}" timeout 20 "$K2" "$@" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
}
try_env -u HOME -- list
ended "HOME unset: list exits 1" 1
is "HOME unset: a clear message" "$err" \
    "k2diary: cannot find the diary: HOME is not set; use --db FILE or set K2DIARY_DB"
try_env -u HOME -- add natto
ended "HOME unset: add exits 1" 1
try_env -u HOME -- foods natto
ended "HOME unset: foods needs no diary" 0
try_env -u HOME -- --db "$T/nohome.db" add natto
ended "HOME unset, --db: add works" 0
try_env -u HOME K2DIARY_DB="$T/nohome.db" -- list
ended "HOME unset, K2DIARY_DB: list works" 0
has "HOME unset, K2DIARY_DB: the entry is there" "$out" "1 entry"
try_env HOME= -- list
ended "HOME empty: exit 1" 1
has "HOME empty: the same message" "$err" "HOME is not set"
try_env -u HOME XDG_DATA_HOME="$T/xdgdata" -- add natto
ended "HOME unset, absolute XDG_DATA_HOME: works" 0
test -f "$T/xdgdata/k2diary/diary.db" && pass "the diary goes to XDG_DATA_HOME" ||
    fail "the diary goes to XDG_DATA_HOME"
try_env XDG_DATA_HOME=/proc/forbidden -- add natto
ended "XDG_DATA_HOME=/proc/forbidden: exit 1" 1
has "XDG_DATA_HOME=/proc/forbidden: says which folder" "$err" "cannot create folder '/proc/forbidden'"
touch "$T/plainfile"
try_env XDG_DATA_HOME="$T/plainfile/data" -- add natto
ended "XDG_DATA_HOME under a regular file: exit 1" 1
has "XDG_DATA_HOME under a regular file: says so" "$err" "Not a directory"
mkdir -p "$T/ro"
chmod 0555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
	try_env XDG_DATA_HOME="$T/ro/data" -- add natto
	ended "XDG_DATA_HOME in a read-only folder: exit 1" 1
	has "XDG_DATA_HOME in a read-only folder: says so" "$err" "Permission denied"
elif have setpriv && setpriv --reuid=65534 --regid=65534 --clear-groups \
    test -x "$K2"; then
	# root ignores modes: run as nobody, who may pass through $T only.
	chmod 0711 "$T"
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups env \
	    HOME="$T/ro" XDG_DATA_HOME="$T/ro/data" timeout 20 "$K2" add natto 2>&1)
	rc=$? err=$out
	chmod 0700 "$T"
	ended "XDG_DATA_HOME in a read-only folder (as nobody): exit 1" 1
	has "XDG_DATA_HOME in a read-only folder: says so" "$err" \
	    "cannot create folder '$T/ro/data': Permission denied"
else
	echo "SKIP: XDG_DATA_HOME read-only (root, and no setpriv or nobody cannot run $K2)"
fi
mkdir -p "$T/emptycfg"
try_env XDG_CONFIG_HOME="$T/emptycfg" -- week --json
ended "XDG_CONFIG_HOME without a config: defaults" 0
has "XDG_CONFIG_HOME without a config: default goal" "$out" '"rich_servings_goal": 7,'
try_env XDG_CONFIG_HOME=/proc/forbidden -- list
ended "XDG_CONFIG_HOME=/proc/forbidden: defaults" 0
# A relative XDG path is ignored (XDG Base Directory spec).
mkdir -p "$T/cwd/relcfg/k2diary"
printf 'week_start: funday\n' >"$T/cwd/relcfg/k2diary/config.yaml"
out=$(cd "$T/cwd" && env XDG_CONFIG_HOME="$T/cwd/relcfg" timeout 20 "$K2" list 2>&1)
[ $? -eq 1 ] && pass "an absolute XDG_CONFIG_HOME is read" ||
    fail "an absolute XDG_CONFIG_HOME is read"
out=$(cd "$T/cwd" && env XDG_CONFIG_HOME=relcfg timeout 20 "$K2" list 2>&1)
rc=$?
is "a relative XDG_CONFIG_HOME is ignored" "$rc:$out" "0:$(cd "$T/cwd" && "$K2" list 2>&1)"
n0=$(count)
out=$(cd "$T/cwd" && env XDG_DATA_HOME=reldata timeout 20 "$K2" add natto 2>&1)
is "a relative XDG_DATA_HOME is ignored: exit 0" "$?" 0
test -e "$T/cwd/reldata" && fail "nothing made under a relative XDG_DATA_HOME" ||
    pass "nothing made under a relative XDG_DATA_HOME"
is "a relative XDG_DATA_HOME: the entry goes to the default diary" "$(count)" $((n0 + 1))

# --- 10. SQL is data: bound parameters only ---
cat >"$T/sql.yaml" <<'Y'
version: 1
foods:
  - id: drop_table_entry
    name: "'; DROP TABLE entry; --"
    group: other
    aliases: ["1' OR '1'='1"]
    servings: [{label: piece, grams: 10}]
    per_100g: {sodium_mg: 1}
Y
n0=$(count)
try --foods "$T/sql.yaml" add drop_table_entry
ended "a food whose id and name are SQL logs" 0
is "the SQL name is stored verbatim" \
    "$(sql "select food_id || '|' || food_name from entry where food_id='drop_table_entry'")" \
    "drop_table_entry|'; DROP TABLE entry; --"
is "the entry table is still there, one row more" "$(count)" $((n0 + 1))
try --foods "$T/sql.yaml" foods "'; DROP TABLE"
ended "a SQL query string finds the food" 0
has "the SQL query shows the food" "$out" "drop_table_entry"
try --foods "$T/sql.yaml" add "1' OR '1'='1"
ended "a SQL-looking alias finds the food" 0
try rm "1; DROP TABLE entry"
ended "rm '1; DROP TABLE entry': exit 2" 2
try edit "1 OR 1=1" 2
ended "edit '1 OR 1=1': exit 2" 2
try list --date "2026-01-01'; DROP TABLE entry; --"
ended "a SQL --date: exit 2" 2
is "the SQL attempts changed nothing" "$(count)" $((n0 + 2))
is "the schema holds its table, its index and SQLite's id counter" \
    "$(sql "select group_concat(name) from (select name from sqlite_master order by name)")" \
    "entry,entry_day,sqlite_sequence"

# --- 11. A private diary whatever the umask ---
for u in 000 077; do
	(umask "$u" && timeout 20 "$K2" --db "$T/u$u/a/b/diary.db" add natto >/dev/null 2>&1)
	is "umask $u: new folders are 0700" \
	    "$(stat -c %a "$T/u$u" "$T/u$u/a" "$T/u$u/a/b" | tr '\n' ' ')" "700 700 700 "
	is "umask $u: the diary is 0600" "$(stat -c %a "$T/u$u/a/b/diary.db" 2>&1)" 600
	rm -rf "$T/h$u"
	(umask "$u" && HOME=$T/h$u timeout 20 "$K2" add natto >/dev/null 2>&1)
	is "umask $u: the default diary folder is 0700, the file 0600" \
	    "$(stat -c %a "$T/h$u/.local/share/k2diary" "$T/h$u/.local/share/k2diary/diary.db" | tr '\n' ' ')" \
	    "700 600 "
done
# The WAL and SHM files exist while a diary is open: the full screen keeps
# it open, started with umask 000 in tmux.
if have tmux; then
	for u in 000 077; do
		tm new-session -d -s "u$u" -x 80 -y 24 "$(printf '%q ' sh -c \
		    'umask "$0"; exec env TERM=xterm-256color "$@"' "$u" \
		    HOME="$HOME" TZ=UTC LANG="$LANG" LC_MESSAGES=C ${LOCPATH:+LOCPATH="$LOCPATH"} "$K2" --db "$T/w$u/diary.db")"
		for ((i = 0; i < 200; i++)); do
			[ -e "$T/w$u/diary.db-wal" ] && [ -e "$T/w$u/diary.db-shm" ] && break
			sleep 0.05
		done
		is "umask $u: diary, WAL and SHM are 0600 (folder 0700)" \
		    "$(stat -c %a "$T/w$u" "$T/w$u/diary.db" "$T/w$u/diary.db-wal" "$T/w$u/diary.db-shm" 2>&1 | tr '\n' ' ')" \
		    "700 600 600 600 "
		tm kill-session -t "u$u"
	done
else
	echo "SKIP: WAL and SHM modes (no tmux)"
fi

# --- 12. The full screen shows hostile names inert ---
if have tmux; then
	# pane_has SESSION TEXT: wait up to 10 s for TEXT in the pane.
	# pane_has SESSION -E REGEX: the same with an extended regex.
	pane_has() {
		local i opt=-F
		if [ "$2" = -E ]; then opt=-E; shift; fi
		for ((i = 0; i < 200; i++)); do
			tm capture-pane -p -t "$1" | grep -q $opt -- "$2" && return 0
			sleep 0.05
		done
		return 1
	}
	# screen_of SESSION DB: start the screen on DB, wait for its key
	# hints (or its end), and capture it in $scr (with colours: $scr_e).
	screen_of() {
		tm new-session -d -s "$1" -x 80 -y 24 "$(printf '%q ' sh -c \
		    '"$@" 2>"$0"; echo "EXITED $?"; exec sleep 60' "$T/$1.err" \
		    env HOME="$HOME" TZ=UTC LANG="$LANG" LC_MESSAGES=C ${LOCPATH:+LOCPATH="$LOCPATH"} TERM=xterm-256color \
		    "$K2" --db "$2")"
		pane_has "$1" -E "q quit|EXITED"
		scr=$(tm capture-pane -p -t "$1")
		scr_e=$(tm capture-pane -p -e -t "$1")
	}
	H=$T/screen.db
	timeout 20 "$K2" --db "$H" add natto >/dev/null 2>&1
	sqlite3 -batch "$H" "insert into entry (day, logged_at, food_id,
	    food_name, serving, grams, servings, quantity, sat_fat_g, sodium_mg)
	    values ($today, 1700000000, 'evil', 'E' || char(27) || '[2J' ||
	    char(27) || ']0;pwn' || char(7) || 'x' || char(155) || 'y',
	    's' || char(27) || '[41m', 10, 1, 1, 30, 3000), ($today, 1, '$long',
	    '$long', '$long', 10, 1, 1, NULL, NULL)"
	screen_of evil "$H"
	has "the screen shows the stored escapes as ?" "$scr_e" "E?[2J?]0;pwn?x?y"
	has "the screen shows the stored serving as ?" "$scr_e" "1 s?[41m"
	has "the screen cuts a 10,000-character name" "$scr" "NNNNNNNNN~"
	has "the screen's warning line shows (the food's name is cut at 80 columns)" "$scr" "OVER: "
	lacks "no name set the terminal's title" "$(tm display -p -t evil '#{pane_title}')" "pwn"
	tm send-keys -t evil w
	pane_has evil "Week of" && pass "the week view opens" ||
	    fail "the week view opens"
	tm send-keys -t evil q q
	pane_has evil "EXITED 0" && pass "the screen quits cleanly" ||
	    { fail "the screen quits cleanly"; tm capture-pane -p -t evil | sed 's/^/  | /'; }
	lacks "the screen left no sanitizer report" "$(cat "$T/evil.err")" "runtime error"
	# A diary with 1e308 in it.
	timeout 20 "$K2" --db "$T/huge.db" add natto >/dev/null 2>&1
	sqlite3 -batch "$T/huge.db" "insert into entry (day, logged_at, food_id,
	    food_name, serving, grams, servings, quantity, k2_ug, mk7_ug,
	    sat_fat_g, sodium_mg) values ($today, 1, 'huge', 'Huge', 'piece',
	    1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308)"
	screen_of huge "$T/huge.db"
	has "the screen opens on a diary with 1e308" "$scr" "q quit"
	lacks "the screen shows no wrapped-round number" "$scr" "9,223,372"
	lacks "the screen with 1e308: no sanitizer report" "$(cat "$T/huge.err")" "runtime error"
	tm kill-server >/dev/null 2>&1
else
	echo "SKIP: the full screen with hostile names (no tmux)"
fi

# --- 13. No shell, no system(), every format string a literal ---
# (src/sr28_convert.c is a build tool, never installed: it reads SR28's
# NUT_DATA through xz -dc, as DESIGN §3a says.)
bad=$(grep -nE '(^|[^A-Za-z0-9_])(system|popen|execl|execlp|execle|execv|execvp|execvpe|fexecve|posix_spawnp?|fork|vfork)[[:space:]]*\(' \
    $(ls "$TOP"/src/*.c "$TOP"/src/*.h "$TOP"/include/*.h | grep -v '/src/sr28_convert\.c$'))
is "no system(), popen(), exec*() or fork() in src/" "$bad" ""
bad=$(grep -nE '"/bin/sh|"sh"|/bin/bash' "$TOP"/src/*.c)
is "no shell named in src/" "$bad" ""
if have nm; then
	bad=$(nm -u "$K2" 2>/dev/null | awk '{ print $NF }' |
	    grep -E '^(system|popen|exec[lv]p?e?|fexecve|posix_spawnp?|fork|vfork)(@|$)')
	is "the binary imports no system(), popen(), exec*() or fork()" "$bad" ""
fi
if have cc && have pkg-config && pkg-config --exists ncursesw sqlite3 yaml-0.1; then
	pc=$(pkg-config --cflags ncursesw sqlite3 yaml-0.1 | sed 's/-D_XOPEN_SOURCE=[0-9]*//g')
	# Any word from the compiler (a format warning, or an error that
	# hides one) fails the check.
	# shellcheck disable=SC2086
	bad=$(cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
	    -I"$TOP/include" $pc -DK2_VERSION='"0"' -fsyntax-only \
	    -Wformat=2 -Wformat-nonliteral -Wformat-security \
	    "$TOP"/src/*.c 2>&1 | head -20)
	is "every format string is a literal (-Wformat-nonliteral)" "$bad" ""
else
	echo "SKIP: format strings (no cc or pkg-config)"
fi

# Shared by the end-to-end scripts that drive the full screen in tmux
# (sourced after lib.bash): a private server, sessions running k2diary in
# the locale under test, keys, and checks that wait for the screen.
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux not installed"
	exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 not installed"
	exit 0
fi
unset TMUX TMUX_PANE

SOCK=k2diary-${SOCK_NAME:-test}$$
# The server runs pane commands with /bin/sh, whatever the user's shell.
tm() { SHELL=/bin/sh tmux -L "$SOCK" -f /dev/null "$@"; }
# One trap for both: the tmux server (and its socket, which it leaves
# behind) and lib.bash's temporary folder.
trap 'tm kill-server >/dev/null 2>&1
rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM

# The pane's program: k2diary itself (its pid in a file, for the signal
# tests), then its exit status, then a pause so the pane can still be read.
cat >"$T/pane.sh" <<'EOF'
pidfile=$1
shift
sh -c 'echo $$ >"$0" && exec "$@"' "$pidfile" "$@"
echo "EXITED $?"
exec sleep 60
EOF

S=
# start NAME [VAR=VALUE...] [ARG...]: run k2diary ARG... in a new detached
# session NAME of W x H (80 x 24 unless set), which becomes the current one.
start() {
	local envs=()

	S=$1
	shift
	while [ $# -gt 0 ] && [[ $1 == [A-Za-z_]*=* ]]; do
		envs+=("$1")
		shift
	done
	rm -f "$T/$S.pid"
	# One quoted command line: older tmux takes no argument vector.
	tm new-session -d -s "$S" -x "${W:-80}" -y "${H:-24}" "$(printf '%q ' \
	    bash "$T/pane.sh" "$T/$S.pid" env HOME="$HOME" TZ=UTC \
	    LANG="$LANG" LC_MESSAGES=C ${LOCPATH:+LOCPATH="$LOCPATH"} TERM=xterm-256color ${envs[@]+"${envs[@]}"} \
	    "$K2" "$@")"
}
# stop: end the current session.
stop() { tm kill-session -t "$S" 2>/dev/null; }
keys() { tm send-keys -t "$S" "$@"; }
typed() { tm send-keys -t "$S" -l "$1"; }
screen() { tm capture-pane -p -t "$S" "$@"; }
dump() { screen | sed 's/^/  | /'; }
pid() { cat "$T/$S.pid" 2>/dev/null; }

# poll COMMAND...: try every 0.05 s, for up to 5 s, until COMMAND succeeds.
poll() {
	local i

	for ((i = 0; i < 100; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}
# shows [-E] TEXT: the screen holds TEXT (fixed, or an extended regex).
shows() {
	if [ "$1" = -E ]; then screen | grep -qE -- "$2"
	else screen | grep -qF -- "$1"; fi
}
hidden() { ! shows "$@"; }
# wait_for [-E] TEXT: wait until TEXT shows; on timeout print the pane.
wait_for() {
	poll shows "$@" && return 0
	echo "  timed out waiting for: ${*: -1}"
	dump
	return 1
}
# wait_gone [-E] TEXT: wait until TEXT no longer shows.
wait_gone() {
	poll hidden "$@" && return 0
	echo "  timed out waiting for this to go: ${*: -1}"
	dump
	return 1
}
# ready [-E] TEXT: a step that waits for TEXT; a FAIL if it never shows.
ready() { wait_for "$@" || fail "the screen reaches: ${*: -1}"; }
# see NAME [-E] TEXT: a check that TEXT shows on the screen.
see() {
	local name=$1

	shift
	if wait_for "$@"; then pass "$name"; else fail "$name"; fi
}
# unseen NAME [-E] TEXT: a check that TEXT is not on the screen now.
unseen() {
	local name=$1

	shift
	if shows "$@"; then
		fail "$name"
		echo "  unexpected: ${*: -1}"
		dump
	else pass "$name"; fi
}
# line_of TEXT: the first screen line holding TEXT.
line_of() { screen | grep -F -m1 -- "$1"; }
# header: the day screen's title line.
header() { screen | sed -n 1p; }
# dnum OFFSET: the day OFFSET days from today as the diary stores it.
dnum() { echo $(($(date -u -d "$(day "$1")" +%s) / 86400)); }
# dname OFFSET: "Thu 2026-11-26", as the header shows that day.
dname() { LC_ALL=C date -u -d "$(day "$1")" '+%a %F'; }
# colours: the colour SGR parameters on the screen (foreground/background).
colours() {
	screen -e | grep -oE $'\e\\[[0-9;:]*m' | sed $'s/^\e\\[//; s/m$//' |
	    tr ';:' '\n\n' | grep -xE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' |
	    sort -u | tr '\n' ' '
}
count() { sql "select count(*) from entry${1:+ where $1}"; }
# after TEXT KEY...: send KEY..., then wait until TEXT has left the screen
# (the keys were handled), so that a check can follow without waiting.
after() {
	local text=$1

	shift
	keys "$@"
	poll hidden "$text"
}


#!/usr/bin/env bash
# The full screen follows the clock (issue 9, item 12): left open past
# day_starts_at (04:00), its header, t, ] and the week move to the new
# diary day within a minute. libfaketime starts the clock at 03:59:57 on
# Fri 2026-11-27 and lets it run.
. "$(dirname "$0")/lib.bash"
SOCK_NAME=clock
. "$(dirname "$0")/tmux.bash"

if ! command -v faketime >/dev/null; then
	fail "the clock test needs faketime (make check installs it)"
	exit 0
fi
cat >"$T/k2-faked.sh" <<EOF2
#!/bin/sh
ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}verify_asan_link_order=0 \\
    exec faketime -f "@2026-11-27 03:59:57" "$K2" "\$@"
EOF2
chmod +x "$T/k2-faked.sh"
K2=$T/k2-faked.sh
DB=$T/clock.db

start clock --db "$DB"
see "before 04:00 the diary day is Thursday" "Thu 2026-11-26 (today)"
see "after 04:00 the header moves to Friday" "Fri 2026-11-27 (today)"
unseen "Thursday is no longer today" "Thu 2026-11-26 (today)"
keys '['
see "[ goes to the day before: Thursday, now yesterday" "Thu 2026-11-26 (yesterday)"
keys t
see "t goes to the new today" "Fri 2026-11-27 (today)"
keys ']'
see "] stops at the new today" "today is the last day"
keys a
typed natto
keys Enter
ready "Log Natto"
keys Enter
see "logging after 04:00 shows the entry" "Natto"
poll test "$(sql 'select day from entry' 2>/dev/null)" = 20784
is "the entry is stored on Fri 2026-11-27 (day 20784)" "$(sql 'select day from entry')" 20784
keys w
see "the week is the one holding Friday" "2026-11-23"
keys q
stop

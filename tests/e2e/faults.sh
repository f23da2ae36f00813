#!/usr/bin/env bash
# End-to-end tests of database faults: a corrupt file, a file that is not
# SQLite or not a diary, a newer schema, a read-only file or folder, a full
# disk, a diary locked by another writer, a missing folder. Each fault must
# end with exit status 1 and a message naming the file, and leave the file
# and its rows as they were: no half entry, nothing rewritten.
. "$(dirname "$0")/lib.bash" || exit 1
# Every path below is under $T: without it the script must not go on.
if [ -z "${T:-}" ] || [ ! -d "$T" ]; then
	echo "FAIL: faults: no temporary folder"
	exit 1
fi

holder= small=
# One trap for everything: the lock holder, the small filesystem, $T (whose
# read-only folders a non-root user must open up before removing them).
cleanup() {
	exec 7>&-
	if [ -n "$holder" ]; then
		kill "$holder" 2>/dev/null
		wait "$holder" 2>/dev/null
	fi
	if [ -n "$small" ]; then
		umount "$small" 2>/dev/null || umount -l "$small" 2>/dev/null
	fi
	chmod -R u+rwX "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

if ! command -v sqlite3 >/dev/null; then
	echo "SKIP: database faults (no sqlite3 to inspect the files)"
	exit 0
fi

# The user the read-only tests run as (root ignores permission bits), and
# the command that runs as them: set in that part alone.
nobody=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	nobody=65534
fi
as=

# k2 ARGS...: like run, as the user in $as (empty: as ourselves).
k2() {
	out=$(timeout 60 $as "$K2" "$@" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
}

# matches NAME TEXT REGEX: TEXT matches the extended regular expression.
matches() {
	if printf '%s' "$2" | grep -qE -- "$3"; then pass "$1"; else
		fail "$1"; printf '  no match for: %s\n  in: %s\n' "$3" "$2"
	fi
}

# rows FILE: the number of entries, or "-" when they cannot be counted.
rows() {
	sqlite3 -batch "$1" 'SELECT count(*) FROM entry' 2>/dev/null || echo -
}

# half FILE: entries without a food or an amount (half-written ones).
half() {
	sqlite3 -batch "$1" 'SELECT count(*) FROM entry
	    WHERE food_name IS NULL OR servings IS NULL' 2>/dev/null || echo -
}

# snap FILE: the checksums of FILE and of its -wal when that holds frames.
snap() {
	sha256sum <"$1" | cut -d' ' -f1
	# main_only: frames of a write that failed may stay in the WAL past
	# its last commit, where SQLite never reads them: compare the file.
	if [ -s "$1-wal" ] && [ -z "${main_only:-}" ]; then
		printf 'wal '
		sha256sum <"$1-wal" | cut -d' ' -f1
	fi
}

# before FILE: remember its rows ($n0, counted first: sqlite3 may tidy the
# WAL) and its checksums ($s0).
before() {
	n0=$(rows "$1")
	s0=$(snap "$1")
}

# refused NAME FILE MESSAGE ARGS...: `k2diary --db FILE ARGS` exits 1 with
# MESSAGE (a fixed string, or "re:" and an extended regex) and the file's
# name on stderr, and FILE is byte for byte as `before` saw it.
refused() {
	local name=$1 f=$2 msg=$3
	shift 3
	k2 --db "$f" "$@"
	is "$name: exit status 1" "$rc" 1
	case $msg in
	re:*) matches "$name: says why" "$err" "${msg#re:}" ;;
	*) has "$name: says why" "$err" "$msg" ;;
	esac
	has "$name: names the file" "$err" "$f"
	is "$name: prints nothing on stdout" "$out" ""
	if printf '%s' "$err" | grep -qE 'Sanitizer|runtime error'; then
		fail "$name: no sanitizer report"
		printf '%s\n' "$err" | head -20
	else
		pass "$name: no sanitizer report"
	fi
	is "$name: file unchanged" "$(snap "$f")" "$s0"
}

# intact NAME FILE [ROWS]: ROWS entries (default $n0), none half written,
# and an intact database; nothing to check when $n0 could not be counted.
intact() {
	[ "$n0" = - ] && return 0
	is "$1: rows" "$(rows "$2")" "${3:-$n0}"
	is "$1: no half entry" "$(half "$2")" 0
	is "$1: integrity ok" \
	    "$(sqlite3 -batch "$2" 'PRAGMA integrity_check' 2>&1)" ok
}

# refuses NAME FILE MESSAGE ARGS...: before, refused and intact in one.
refuses() {
	before "$2"
	refused "$@"
	intact "$1" "$2"
}

# hold FILE SQL: keep a sqlite3 session on FILE open, after it has run SQL
# (under umask 000, which the -wal and -shm modes must survive).
hold() {
	local i
	rm -f "$T/fifo" "$T/holder.out"
	mkfifo "$T/fifo"
	(umask 000 && exec sqlite3 -batch "$1") \
	    <"$T/fifo" >"$T/holder.out" 2>&1 &
	holder=$!
	exec 7>"$T/fifo"
	printf '.timeout 5000\n%s\nSELECT '\''held'\'';\n' "$2" >&7
	for i in $(seq 100); do
		grep -qx held "$T/holder.out" && return 0
		sleep 0.1
	done
	return 1
}

# release [SQL]: end the session that hold started, after running SQL.
release() {
	[ $# -gt 0 ] && printf '%s\n' "$1" >&7
	exec 7>&-
	wait "$holder"
	holder=
}

# garble FILE FROM: random bytes from offset FROM to the end; then every
# page from there on starts with 0, which no b-tree page does (random bytes
# could pass for one now and then, and the test must not be flaky).
garble() {
	local f=$1 from=$2 size psize p
	size=$(stat -c %s "$f" 2>/dev/null)
	psize=$(od -An -tu1 -j16 -N2 "$f" 2>/dev/null |
	    awk '{ print $1 * 256 + $2 }')
	if ! [ "${size:-0}" -gt "$from" ] 2>/dev/null ||
	    ! [ "${psize:-0}" -ge 512 ] 2>/dev/null; then
		fail "garble $f: a database of more than $from bytes"
		return 1
	fi
	head -c $((size - from)) /dev/urandom |
	    dd of="$f" bs=4096 iflag=fullblock oflag=seek_bytes seek="$from" \
	    conv=notrunc status=none
	for ((p = psize; p < size; p += psize)); do
		[ "$p" -lt "$from" ] || zero "$f" "$p"
	done
	# On page 1 the b-tree header follows the 100-byte file header.
	[ "$from" -gt 100 ] || zero "$f" 100
}

# zero FILE OFFSET: write a 0 byte at OFFSET.
zero() {
	printf '\0' | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# A healthy diary with three entries on three days, made by k2diary.
good=$T/good.db
k2 --db "$good" add natto
k2 --db "$good" add gouda --date yesterday
k2 --db "$good" add natto 1/2 --date -2
# k2diary leaves committed entries in the WAL at close: fold them into the
# file so that copying the file alone copies the diary.
sqlite3 -batch "$good" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
is "healthy diary has 3 entries" "$(rows "$good")" 3
is "healthy diary leaves no -wal behind" "$(ls "$T" | grep -c good.db-)" 0

# --- a corrupt file ---
f=$T/random.db
head -c 8192 /dev/urandom >"$f"
why="'$f' is not a k2diary database (not SQLite)"
for cmd in "add natto" list week; do
	refuses "random bytes: ${cmd% *}" "$f" "$why" $cmd
done

f=$T/header.db
cp "$good" "$f"
garble "$f" 100
for cmd in "add natto" list week; do
	refuses "real header, garbage after it: ${cmd% *}" "$f" \
	    "re:malformed|not a database" $cmd
done

f=$T/pages.db
cp "$good" "$f"
garble "$f" 4096
for cmd in "add natto" list week; do
	refuses "garbage pages: ${cmd% *}" "$f" malformed $cmd
done

# --- a file that is not SQLite, or SQLite but not a diary ---
f=$T/diary.csv
printf 'day,food,servings\n2024-05-01,natto,1\n2024-05-02,gouda,2\n' >"$f"
why="'$f' is not a k2diary database (not SQLite)"
for cmd in "add natto" list week; do
	refuses "CSV file: ${cmd% *}" "$f" "$why" $cmd
done

f=$T/other.db
sqlite3 "$f" "CREATE TABLE note (body TEXT); INSERT INTO note VALUES ('hi');"
why="'$f' is not a k2diary database (it has tables but no schema version)"
for cmd in "add natto" list; do
	refuses "another program's SQLite file: ${cmd% *}" "$f" "$why" $cmd
done

# Another program's database that happens to use user_version 1: refused,
# and not switched to WAL on the way (the header is part of the file).
f=$T/other1.db
sqlite3 "$f" "CREATE TABLE note (body TEXT); INSERT INTO note VALUES ('hi');
    PRAGMA user_version = 1;"
refuses "SQLite file with schema 1 but no entry table: add" "$f" \
    "is not a k2diary database" add natto
is "SQLite file with schema 1 but no entry table: journal mode kept" \
    "$(sqlite3 "$f" 'PRAGMA journal_mode')" delete

# --- a database from a newer schema ---
f=$T/newer.db
cp "$good" "$f"
sqlite3 "$f" 'PRAGMA user_version = 99'
why="'$f' was written by a newer k2diary (schema 99, this one knows 2):"
why="$why not opened"
for cmd in "add natto" list week; do
	refuses "newer schema: ${cmd% *}" "$f" "$why" $cmd
done
is "newer schema: version kept" "$(sqlite3 "$f" 'PRAGMA user_version')" 99

# --- the folder missing: created 0700, the file 0600, whatever the umask ---
f=$T/does/not/exist/diary.db
out=$(umask 000 && "$K2" --db "$f" add natto 2>"$T/stderr")
rc=$?
is "missing folders: add exits 0" "$rc" 0
has "missing folders: add logs" "$out" "logged #1"
is "missing folders: created 0700 under umask 000" \
    "$(stat -c %a "$T/does" "$T/does/not" "$T/does/not/exist" | tr '\n' ' ')" \
    "700 700 700 "
is "missing folders: diary created 0600 under umask 000" \
    "$(stat -c %a "$f")" 600
is "missing folders: the entry is stored" "$(rows "$f")" 1

# Reading a diary that does not exist creates nothing (issue 9, item 21).
f=$T/new/diary.db
k2 --db "$f" list
is "missing diary: list exits 1" "$rc" 1
is "missing diary: list says so" "$err" "k2diary: no diary at $f"
test -e "$T/new" && fail "missing diary: list creates no folder" ||
    pass "missing diary: list creates no folder"
for c in week export "backup $T/b.db" "rm 1" "edit 1 2"; do
	k2 --db "$f" $c
	is "missing diary: ${c%% *} exits 1" "$rc" 1
	has "missing diary: ${c%% *} says so" "$err" "no diary at $f"
done
test -e "$T/new" && fail "missing diary: no command made a folder" ||
    pass "missing diary: no command made a folder"

# The -wal and -shm files, with another session open so they stay.
f=$T/does/not/exist/diary.db
if hold "$f" "SELECT count(*) FROM entry;"; then
	out=$(umask 000 && "$K2" --db "$f" add gouda 2>"$T/stderr")
	is "umask 000: add with a reader open exits 0" "$?" 0
	is "umask 000: -wal and -shm are 0600" \
	    "$(stat -c %a "$f-wal" "$f-shm" | tr '\n' ' ')" "600 600 "
	release
else
	fail "umask 000: a reader session opened"
	release
fi
# SQLite gives them the diary's mode: k2diary must still make them 0600.
chmod 0640 "$f"
if hold "$f" "SELECT count(*) FROM entry;"; then
	out=$(umask 000 && "$K2" --db "$f" add natto 2>"$T/stderr")
	is "diary 0640: add with a reader open exits 0" "$?" 0
	is "diary 0640: -wal and -shm made 0600" \
	    "$(stat -c %a "$f-wal" "$f-shm" | tr '\n' ' ')" "600 600 "
	release
else
	fail "diary 0640: a reader session opened"
	release
fi
is "the diary with the reader open has every entry" "$(rows "$f")" 3

# A folder that cannot be made: a regular file stands in its way.
: >"$T/file"
k2 --db "$T/file/diary.db" add natto
is "folder under a file: add exits 1" "$rc" 1
has "folder under a file: add says why" "$err" \
    "cannot create folder '$T/file': Not a directory"
k2 --db "$T/file/diary.db" list
is "folder under a file: list exits 1" "$rc" 1
has "folder under a file: list says there is no diary" "$err" \
    "no diary at $T/file/diary.db"
is "folder under a file: the file is untouched" \
    "$(stat -c '%F %s' "$T/file")" "regular empty file 0"

# A folder given as the diary.
mkdir "$T/adir"
k2 --db "$T/adir" add natto
is "a folder as the diary: exit 1" "$rc" 1
has "a folder as the diary: says why" "$err" \
    "'$T/adir' is a folder, not a diary file"
is "a folder as the diary: left empty" "$(ls -A "$T/adir")" ""

# --- read-only file and folder ---
if [ "$(id -u)" = 0 ] && [ -z "$nobody" ]; then
	echo "SKIP: read-only diary (root ignores permissions; no setpriv)"
else
	mkdir "$T/ro"
	if [ -n "$nobody" ]; then
		as="setpriv --reuid=$nobody --regid=$nobody --clear-groups"
		# The unprivileged user must reach the files.
		chmod 0711 "$T"
		chmod 0755 "$T/ro"
	fi
	# own PATH...: give to the unprivileged user, if there is one.
	own() { [ -z "$nobody" ] || chown "$nobody:$nobody" "$@"; }

	# A read-only file in a folder the user may write to.
	d=$T/ro/file
	f=$d/diary.db
	mkdir "$d"
	cp "$good" "$f"
	own "$d" "$f"
	chmod 0700 "$d"
	chmod 0400 "$f"
	before "$f"
	why="'$f' is read-only (the file and its folder must be writable): not opened"
	refused "read-only file: add" "$f" "$why" add natto
	# SQLite makes them with the file's mode (0400) as it reads: they
	# would outlive the read-only spell and break the next write.
	is "read-only file: no -wal or -shm left behind" \
	    "$(ls -A "$d")" diary.db
	refused "read-only file: list" "$f" "$why" list
	refused "read-only file: week" "$f" "$why" week
	chmod 0600 "$f"
	k2 --db "$f" add natto
	is "read-only file made writable: add exits 0" "$rc" 0
	is "read-only file made writable: add says nothing on stderr" "$err" ""
	intact "read-only file" "$f" 4

	# A writable file in a read-only folder: no room for the -wal.
	d=$T/ro/dir
	f=$d/diary.db
	mkdir "$d"
	cp "$good" "$f"
	own "$d" "$f"
	chmod 0600 "$f"
	chmod 0500 "$d"
	before "$f"
	refused "read-only folder: add" "$f" "re:read-only|readonly" add natto
	refused "read-only folder: list" "$f" "re:read-only|readonly" list
	is "read-only folder: nothing created" "$(ls -A "$d")" diary.db
	intact "read-only folder" "$f"
	chmod 0700 "$d"
	k2 --db "$f" add natto
	is "read-only folder made writable: add exits 0" "$rc" 0
	intact "read-only folder made writable" "$f" 4

	# A missing folder the user may not create.
	mkdir "$T/ro/closed"
	chmod 0755 "$T/ro/closed"
	[ -n "$nobody" ] || chmod 0555 "$T/ro/closed"
	k2 --db "$T/ro/closed/sub/diary.db" add natto
	is "folder not allowed: exit 1" "$rc" 1
	has "folder not allowed: says why" "$err" \
	    "cannot create folder '$T/ro/closed/sub': Permission denied"
	is "folder not allowed: nothing created" "$(ls -A "$T/ro/closed")" ""
fi
as=

# --- the disk full during a write ---
mkdir "$T/small"
if mount -t tmpfs -o size=256k,mode=0700 tmpfs "$T/small" 2>"$T/mount.err"; then
	small=$T/small
	f=$small/diary.db
	cp "$good" "$f"
	before "$f"
	# Room for the -shm (32 KiB) and not for the new pages in the -wal.
	dd if=/dev/zero of="$small/slack" bs=1k count=36 status=none
	dd if=/dev/zero of="$small/filler" bs=1k status=none 2>/dev/null
	rm "$small/slack"
	main_only=1
	refused "disk full while writing: add" "$f" \
	    "$f: cannot add entry: database or disk is full" add natto
	intact "disk full while writing" "$f"
	k2 --db "$f" list
	is "disk full while writing: list still works" "$rc" 0
	has "disk full while writing: list shows the entry" "$out" "#1"

	# Not a byte left, not even for the -shm.
	dd if=/dev/zero of="$small/filler2" bs=1k status=none 2>/dev/null
	dd if=/dev/zero of="$small/filler3" bs=1 status=none 2>/dev/null
	refused "disk full: add" "$f" "re:disk|full" add natto
	main_only=
	rm -f "$small"/filler*
	intact "disk full, then space freed" "$f"
	k2 --db "$f" add natto
	is "disk full, then space freed: add exits 0" "$rc" 0
	intact "disk full, then space freed: added" "$f" $((n0 + 1))
	umount "$small" && small=
else
	echo "SKIP: disk full on a small tmpfs: using ulimit -f" \
	    "($(head -1 "$T/mount.err"))"
	f=$T/ulimit.db
	cp "$good" "$f"
	before "$f"
	# stderr goes to a pipe: a file would be over the limit too.
	err=$( (ulimit -f 0 && trap '' XFSZ &&
	    exec "$K2" --db "$f" add natto) 2>&1 >/dev/null)
	rc=$?
	is "file size limit: add exit status 1" "$rc" 1
	matches "file size limit: add says why" "$err" "disk|full|large"
	has "file size limit: names the file" "$err" "$f"
	is "file size limit: file unchanged" "$(snap "$f")" "$s0"
	intact "file size limit" "$f"
	k2 --db "$f" add natto
	is "file size limit lifted: add exits 0" "$rc" 0
	intact "file size limit lifted" "$f" $((n0 + 1))
fi

# --- a diary locked by another writer past the busy timeout ---
f=$T/locked.db
cp "$good" "$f"
before "$f"
if hold "$f" "BEGIN IMMEDIATE;"; then
	if sqlite3 -cmd '.timeout 0' "$f" 'BEGIN IMMEDIATE;' 2>/dev/null; then
		fail "locked: the other session holds the write lock"
	else
		pass "locked: the other session holds the write lock"
	fi
	refused "locked: add" "$f" \
	    "$f: cannot add entry: database is locked" add natto
	# Readers are not blocked by a writer in WAL mode.
	k2 --db "$f" list
	is "locked: list still works" "$rc" 0
	has "locked: list shows the entry" "$out" "#1"
	k2 --db "$f" week
	is "locked: week still works" "$rc" 0
	release "COMMIT;"
	intact "locked" "$f"
	k2 --db "$f" add natto
	is "lock released: add exits 0" "$rc" 0
	intact "lock released: added" "$f" $((n0 + 1))
else
	fail "locked: the other session holds the write lock"
	release
fi

# A writer that is done within the busy timeout only delays the add.
before "$f"
if hold "$f" "BEGIN IMMEDIATE;"; then
	timeout 60 "$K2" --db "$f" add gouda >"$T/late.out" 2>"$T/late.err" &
	late=$!
	sleep 1
	release "COMMIT;"
	wait "$late"
	is "lock released while add waits: add exits 0" "$?" 0
	is "lock released while add waits: nothing on stderr" \
	    "$(cat "$T/late.err")" ""
	intact "lock released while add waits" "$f" $((n0 + 1))
else
	fail "locked again: the other session holds the write lock"
	release
fi

exit 0

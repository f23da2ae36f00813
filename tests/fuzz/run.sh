#!/usr/bin/env bash
# Run every libFuzzer harness in build-fuzz/ for FUZZ_SECONDS seconds on its
# seed corpus (tests/fuzz/corpus/NAME, read only) and a working corpus
# (build-fuzz/corpus/NAME), then replay each saved crash input in
# tests/fuzz/regress/NAME. Prints PASS/FAIL lines for tests/run.sh.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${FUZZ_SECONDS:-4}
shopt -s nullglob
srcs=("$top"/tests/fuzz/fuzz_*.c)
if [ "${#srcs[@]}" -eq 0 ]; then
	echo "SKIP: no fuzz harness in tests/fuzz"
	exit 0
fi
bins=("$top"/build-fuzz/fuzz_*)
if [ "${#bins[@]}" -eq 0 ]; then
	echo "FAIL: no fuzz harness built (run make fuzz-build)"
	exit 0
fi
for bin in "${bins[@]}"; do
	[ -x "$bin" ] && [ -f "$bin" ] || continue
	case $bin in *.o | *.d | *.a | *.c) continue ;; esac
	name=${bin##*/fuzz_}
	work="$top/build-fuzz/corpus/$name"
	seeds="$top/tests/fuzz/corpus/$name"
	log="$top/build-fuzz/$name.log"
	mkdir -p "$work" "$top/build-fuzz/artifacts"
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$top/build-fuzz/artifacts/$name-" \
	    "$work" "$seeds" >"$log" 2>&1; then
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "PASS: fuzz $name for ${secs}s (${execs:-?} runs)"
	else
		echo "FAIL: fuzz $name (log: $log)"
		tail -40 "$log"
	fi
	for input in "$top/tests/fuzz/regress/$name"/*; do
		if "$bin" "$input" >"$log.regress" 2>&1; then
			echo "PASS: fuzz $name replays ${input##*/}"
		else
			echo "FAIL: fuzz $name replays ${input##*/}"
			tail -20 "$log.regress"
		fi
	done
done

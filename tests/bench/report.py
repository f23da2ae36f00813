#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Turn the benchmark's raw samples into one table and the same as JSON.

report.py RAWDIR OUT.json

RAWDIR holds NAME.txt files (one sample a line: microseconds, KiB or
instructions), NAME.skip files (the reason a figure is missing),
query_plan.txt and machine.txt (KEY=VALUE lines). The rows are defined
below: each names its samples, the floor it is compared with and its
target. Nothing here fails on a missed target: the table says so.
"""
import json
import os
import statistics
import sys

US, KIB, IR = "us", "KiB", "Ir"

BUILTIN_N = "8,794"

# (kind, label, samples, unit, floor samples, target)
# floor samples: a name, or a tuple of names whose medians add up.
# target: None; ("ratio", x[, note]): median <= x * floor; ("max", x[,
# note]): median <= x; ("keys", med, worst): median <= med and max <= worst;
# ("worst", x): max <= x; ("plan",): the query plan uses the index;
# ("same", tol): equal to the floor within noise: with tol None, the
# medians differ by no more than the larger interquartile range of the
# two; with tol, by no more than tol x the floor (instruction counts);
# ("notworse", tol): the same, but only a higher median counts;
# ("rel", x, text): ratio <= x, with the target written as text.
# "{before}" in a label is the commit measured as before the built-in
# table, "{restructure}" the commit before the restructuring (both from
# machine.txt).
ROWS = [
    ("section", "Floors (built and measured in this run)"),
    ("row", "exec of a program that does nothing", "exec_floor", US, None,
     None),
    ("row", "F: bare ncurses, init + full 80x24 frame", "frame_floor.frame",
     US, None, None),
    ("row", "F + open the diary + weekly query", "frame_db_floor.frame", US,
     "frame_floor.frame", None),
    ("row", "commit: 100-byte append + fdatasync", "commit_floor", US, None,
     None),
    ("row", "key to redraw, bare ncurses", "frame_floor.keys", US, None,
     None),
    ("row", "quit key to exit, bare ncurses", "frame_floor.quit", US, None,
     None),
    ("section", "Built-in catalogue (%s foods), ten-year diary "
                "(issue 11)" % BUILTIN_N),
    ("row", "F, bare ncurses, in turn with these runs",
     "frame_floor_turn.frame", US, "frame_floor.frame", None),
    ("row", "first complete frame", "start_builtin.frame", US,
     "frame_floor_turn.frame", ("ratio", 1.5)),
    ("row", "first complete frame, before ({before})",
     "start_before.frame", US, "frame_floor_turn.frame", None),
    ("row", "first frame: now / before, not worse", "start_builtin.frame",
     US, "start_before.frame", ("notworse", None)),
    ("row", "instructions to first frame", "ir_start_builtin", IR,
     "ir_floor", None),
    ("row", "instructions to first frame, before", "ir_start_before", IR,
     "ir_floor", None),
    ("row", "instructions: now / before, not worse", "ir_start_builtin", IR,
     "ir_start_before", ("notworse", 0)),
    ("row", "peak RSS at first frame", "start_builtin.rss", KIB,
     "frame_floor_turn.rss", ("max", 6 * 1024)),
    ("row", "peak RSS at first frame, before", "start_before.rss", KIB,
     "frame_floor_turn.rss", None),
    ("row", "to ready for keys (catalogue, index)", "start_builtin.ready",
     US, "frame_floor_turn.frame", None),
    ("row", "peak RSS when ready", "start_builtin.ready_rss", KIB,
     "frame_floor_turn.rss", None),
    ("row", "start to picker results, 'a'+letter at frame",
     "early_builtin.result", US, "frame_floor_turn.frame", ("ratio", 3)),
    ("row", "peak RSS at picker results", "early_builtin.result_rss", KIB,
     "frame_floor_turn.rss", ("max", 12 * 1024)),
    ("row", "instructions to picker results", "ir_early_builtin", IR,
     "ir_floor", None),
    ("row", "picker keystroke to updated screen", "pick_builtin.keys", US,
     "frame_floor.keys", ("keys", 1000, 3000)),
    ("row", "open the picker (a)", "pick_builtin.open", US, None, None),
    ("row", "filter alone (search_run)", "search_builtin", US, None, None),
    ("row", "instructions, one picker keystroke", "ir_key_builtin", IR,
     "ir_search_builtin", None),
    ("row", "instructions, filter alone (search_run)", "ir_search_builtin",
     IR, None, None),
    ("row", "k2diary foods QUERY vs exec + fzf", "cli_foods_builtin", US,
     ("exec_floor", "fzf_builtin"), ("ratio", 2)),
    ("row", "fzf --filter QUERY, the same names", "fzf_builtin", US,
     "exec_floor", None),
    ("row", "instructions, k2diary foods chick", "ir_cli_foods_builtin", IR,
     None, None),
    ("row", "WAL left by import (ten-year export)", "import_wal", KIB, None,
     None),
    ("row", "first frame, diary as import left it",
     "start_after_import.frame", US, "frame_floor_turn.frame", None),
    ("row", "first frame, after wal_checkpoint(TRUNCATE)",
     "start_after_ckpt.frame", US, "frame_floor_turn.frame", None),
    ("row", "first frame: after import / after checkpoint",
     "start_after_import.frame", US, "start_after_ckpt.frame",
     ("same", None)),
    ("row", "instructions: after import / checkpoint",
     "ir_start_after_import", IR, "ir_start_after_ckpt", ("same", 0.01)),
    ("row", "quit key: after import / after checkpoint",
     "start_after_import.quit", US, "start_after_ckpt.quit", None),
    ("section", "Restructuring, no regression (issue 10): instructions "
                "(callgrind), now / before = {restructure}"),
    ("row", "first frame, same 53 foods (--foods), now",
     "ir_r_foods_now_start", IR, "ir_floor", None),
    ("row", "first frame, same 53 foods (--foods), before",
     "ir_r_foods_before_start", IR, "ir_floor", None),
    ("row", "first frame, same 53 foods: now / before",
     "ir_r_foods_now_start", IR, "ir_r_foods_before_start",
     ("rel", 1.05, "<= 1.05")),
    ("row", "picker key g, same 53 foods, now", "ir_r_foods_now_key",
     IR, None, None),
    ("row", "picker key g, same 53 foods, before",
     "ir_r_foods_before_key", IR, None, None),
    ("row", "picker key g, same 53 foods: now / before",
     "ir_r_foods_now_key", IR, "ir_r_foods_before_key",
     ("rel", 1.05, "<= 1.05")),
    ("row", "first frame, own built-in (%s), now" % BUILTIN_N,
     "ir_r_builtin_now_start", IR, "ir_floor", None),
    ("row", "first frame, own built-in (53), before",
     "ir_r_builtin_before_start", IR, "ir_floor", None),
    ("row", "first frame, own built-in: now / before",
     "ir_r_builtin_now_start", IR, "ir_r_builtin_before_start",
     ("rel", 1.05, "<= 1.05")),
    ("row", "picker key g, own built-in (%s), now" % BUILTIN_N,
     "ir_r_builtin_now_key", IR, None, None),
    ("row", "picker key g, own built-in (53), before",
     "ir_r_builtin_before_key", IR, None, None),
    ("row", "picker key g, own built-in: now / before",
     "ir_r_builtin_now_key", IR, "ir_r_builtin_before_key",
     ("rel", 1.05, "<= 1.05")),
    ("section", "k2diary suggest against k2diary week, in turn, ten-year "
                "diary, built-in catalogue (issue 13)"),
    ("row", "k2diary week", "cli_week_turn", US, "exec_floor", None),
    ("row", "k2diary suggest", "cli_suggest", US, "exec_floor", None),
    ("row", "suggest / week", "cli_suggest", US, "cli_week_turn",
     ("rel", 1.5, "suggest <= 1.5 x week")),
    ("row", "instructions, k2diary week", "ir_cli_week", IR, None, None),
    ("row", "instructions, k2diary suggest", "ir_cli_suggest", IR, None,
     None),
    ("row", "instructions: suggest / week", "ir_cli_suggest", IR,
     "ir_cli_week", ("rel", 1.5, "suggest <= 1.5 x week")),
    ("row", "k2diary week, nothing logged today", "cli_week_turn_room", US,
     "exec_floor", None),
    ("row", "k2diary suggest, nothing logged today", "cli_suggest_room", US,
     "exec_floor", None),
    ("row", "suggest / week, nothing logged today", "cli_suggest_room", US,
     "cli_week_turn_room", ("rel", 1.5, "suggest <= 1.5 x week")),
    ("row", "instructions: suggest / week, nothing today",
     "ir_cli_suggest_room", IR, "ir_cli_week_room",
     ("rel", 1.5, "suggest <= 1.5 x week")),
    ("section", "Finder (issue 13): f on the day screen, built-in "
                "catalogue, ten-year diary"),
    ("row", "open the finder (f) to updated screen", "finder.probe", US,
     "frame_floor.keys", ("max", 2000)),
    ("row", "instructions, open the finder (f)", "ir_finder", IR, None,
     None),
    ("section", "Start-up to the first complete frame, ten-year diary, "
                "generated catalogues (on record: parsed after the frame)"),
    ("row", "60 foods", "start_60.frame", US, "frame_floor.frame", None),
    ("row", "1,000 foods", "start_1k.frame", US, "frame_floor.frame", None),
    ("row", "10,000 foods", "start_10k.frame", US, "frame_floor.frame",
     ("ratio", 2)),
    ("row", "100,000 foods", "start_100k.frame", US, "frame_floor.frame",
     ("ratio", 3)),
    ("row", "peak RSS at first frame, 10,000 foods", "start_10k.rss", KIB,
     "frame_floor.rss", None),
    ("row", "peak RSS at first frame, 100,000 foods", "start_100k.rss", KIB,
     "frame_floor.rss", None),
    ("row", "to ready for keys, 10,000 foods", "pick_10k.ready", US,
     "frame_floor.frame", None),
    ("row", "to ready for keys, 100,000 foods", "pick_100k.ready", US,
     "frame_floor.frame", None),
    ("row", "peak RSS when ready, 10,000 foods", "pick_10k.ready_rss", KIB,
     "frame_floor.rss", None),
    ("row", "peak RSS when ready, 100,000 foods", "pick_100k.ready_rss",
     KIB, "frame_floor.rss", None),
    ("section", "Start-up with a new catalogue file (parsed before the "
                "first frame)"),
    ("row", "60 foods", "start_60_new.frame", US, "frame_floor.frame", None),
    ("row", "1,000 foods", "start_1k_new.frame", US, "frame_floor.frame",
     None),
    ("row", "10,000 foods", "start_10k_new.frame", US, "frame_floor.frame",
     None),
    ("row", "100,000 foods", "start_100k_new.frame", US, "frame_floor.frame",
     None),
    ("row", "peak RSS at first frame, 100,000 foods", "start_100k_new.rss",
     KIB, "frame_floor.rss", None),
    ("section", "Picker: keystroke to updated screen (filter + redraw)"),
    ("row", "keystroke, 10,000 foods", "pick_10k.keys", US,
     "frame_floor.keys", ("keys", 1000, 3000)),
    ("row", "keystroke, 100,000 foods", "pick_100k.keys", US,
     "frame_floor.keys", ("worst", 16000)),
    ("row", "open the picker (a), 10,000 foods", "pick_10k.open", US, None,
     None),
    ("row", "open the picker (a), 100,000 foods", "pick_100k.open", US,
     None, None),
    ("row", "filter alone (search_run), 10,000 foods", "search_10k", US,
     None, None),
    ("row", "filter alone (search_run), 100,000 foods", "search_100k", US,
     None, None),
    ("section", "Diary"),
    ("row", "weekly gauge query (range + gauge), per call", "gauge", US, None,
     ("max", 50)),
    ("row", "weekly query alone (diary_range), per call", "range", US,
     None, None),
    ("row", "weekly query plan uses the index", "plan", None, None,
     ("plan",)),
    ("row", "log one entry (diary_add, synchronous=FULL)", "add_core", US,
     "commit_floor", ("ratio", 1.5)),
    ("row", "quit key to exit (built-in, ten-year)", "start_builtin.quit",
     US, "frame_floor.quit", ("max", 2000)),
    ("row", "quit key to terminal restored (last byte)",
     "start_builtin.restored", US, "frame_floor.restored", None),
    ("section", "Whole processes"),
    ("row", "k2diary week (ten-year diary)", "cli_week", US, "exec_floor",
     None),
    ("row", "k2diary add (ten-year diary)", "cli_add", US, "exec_floor",
     None),
    ("row", "k2diary foods QUERY, 10,000 foods", "cli_foods_10k", US,
     "fzf_10k", None),
    ("row", "k2diary foods QUERY, 100,000 foods", "cli_foods_100k", US,
     "fzf_100k", None),
    ("section", "Peers (ratio column: ours / theirs below the peer rows)"),
    ("row", "fzf --filter QUERY, 10,000 names", "fzf_10k", US, "exec_floor",
     None),
    ("row", "fzf --filter QUERY, 100,000 names", "fzf_100k", US,
     "exec_floor", None),
    ("row", "ncdu first frame (small folder)", "ncdu.frame", US,
     "frame_floor.frame", None),
    ("row", "calcurse first frame (empty data)", "calcurse.frame", US,
     "frame_floor.frame", None),
    ("row", "fzf --filter QUERY, %s built-in names" % BUILTIN_N,
     "fzf_builtin", US, "exec_floor", None),
    ("row", "ours: first frame built-in / ncdu", "start_builtin.frame", US,
     "ncdu.frame", None),
    ("row", "ours: first frame built-in / calcurse", "start_builtin.frame",
     US, "calcurse.frame", None),
    ("row", "ours: picker keystroke built-in / fzf", "pick_builtin.keys", US,
     "fzf_builtin", None),
    ("row", "ours: picker keystroke 10k / fzf 10k", "pick_10k.keys", US,
     "fzf_10k", None),
    ("row", "ours: picker keystroke 100k / fzf 100k", "pick_100k.keys", US,
     "fzf_100k", None),
    ("section", "Instruction counts (callgrind; do not drift with noise)"),
    ("row", "F: exec to first frame", "ir_floor", IR, None, None),
    ("row", "start-up to first frame, built-in", "ir_start_builtin", IR,
     "ir_floor", None),
    ("row", "start-up to first frame, 10,000 foods", "ir_start_10k", IR,
     "ir_floor", None),
    ("row", "start-up to first frame, 100,000 foods", "ir_start_100k", IR,
     "ir_floor", None),
    ("row", "start-up to first frame, 100,000 foods, new file",
     "ir_start_100k_new", IR, "ir_floor", None),
    ("row", "one picker keystroke, 10,000 foods", "ir_key_10k", IR,
     "ir_search_10k", None),
    ("row", "filter alone (search_run), 10,000 foods", "ir_search_10k", IR,
     None, None),
]


def load(raw, name):
    """Samples of name, or (None, reason)."""
    path = os.path.join(raw, name + ".txt")
    skip = os.path.join(raw, name.split(".")[0] + ".skip")
    if os.path.exists(path):
        with open(path) as f:
            v = [float(x) for x in f.read().split() if x.strip()]
        if v:
            return v, None
    if os.path.exists(skip):
        with open(skip) as f:
            return None, f.read().strip() or "not run"
    return None, "not measured"


def fmt(v, unit):
    if v is None:
        return "-"
    if unit == US:
        if v >= 1e6:
            return "%.2f s" % (v / 1e6)
        if v >= 1000:
            return "%.2f ms" % (v / 1000)
        return "%.1f us" % v
    if unit == KIB:
        if v < 1024:
            return "%.0f KiB" % v
        return "%.1f MiB" % (v / 1024)
    if unit == IR:
        if v >= 1e9:
            return "%.2f G" % (v / 1e9)
        if v >= 1e6:
            return "%.2f M" % (v / 1e6)
        return "%.0f k" % (v / 1e3)
    return "%g" % v


def target_text(t, unit):
    if t is None:
        return ""
    note = (" (%s)" % t[2]) if t[0] in ("ratio", "max") and len(t) > 2 \
        else ""
    if t[0] == "rel":
        return t[2]
    if t[0] == "ratio":
        return "<= %g x floor%s" % (t[1], note)
    if t[0] == "max":
        return "<= %s%s" % (fmt(t[1], unit), note)
    if t[0] in ("same", "notworse"):
        return "%s floor%s" % ("=" if t[0] == "same" else "<=",
                               ", within IQR" if t[1] is None else
                               (", within %g%%" % (t[1] * 100) if t[1]
                                else ""))
    if t[0] == "keys":
        return "med <= %s, max <= %s" % (fmt(t[1], unit), fmt(t[2], unit))
    if t[0] == "worst":
        return "max <= %s" % fmt(t[1], unit)
    if t[0] == "plan":
        return "uses index"
    return ""


def iqr(v):
    """Interquartile range (0 for fewer than four samples)."""
    if len(v) < 4:
        return 0.0
    q = statistics.quantiles(v, n=4)
    return q[2] - q[0]


def load_floor(raw, floor_name):
    """Median of the floor (the sum of medians for a tuple), its samples
    (None for a tuple) and its minimum (the sum of minima), or Nones."""
    names = floor_name if isinstance(floor_name, tuple) else (floor_name,)
    total, samples, least = 0.0, None, 0.0
    for n in names:
        fv, _ = load(raw, n)
        if fv is None:
            return None, None, None
        total += statistics.median(fv)
        least += min(fv)
        samples = fv if len(names) == 1 else None
    return total, samples, least


def main(argv):
    raw, out = argv[1], argv[2]
    machine = {}
    mpath = os.path.join(raw, "machine.txt")
    if os.path.exists(mpath):
        with open(mpath) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    machine[k] = v
    plan = ""
    ppath = os.path.join(raw, "query_plan.txt")
    if os.path.exists(ppath):
        with open(ppath) as f:
            plan = f.read().strip()
    uses_index = "USING INDEX entry_day" in plan or \
        "USING COVERING INDEX" in plan
    rows, lines = [], []
    head = ("measurement", "median", "min", "max", "floor", "ratio",
            "min/min", "target", "met?")
    widths = [44, 10, 10, 10, 10, 7, 7, 24, 4]

    def emit(cells):
        lines.append("  ".join(
            (c.ljust(w) if i in (0, 7) else c.rjust(w))
            for i, (c, w) in enumerate(zip(cells, widths))).rstrip())

    emit(head)
    emit(["-" * w for w in widths])
    for r in ROWS:
        if r[0] == "section":
            lines.append("")
            sect = r[1].replace("{restructure}",
                                machine.get("before_restructure", "-"))
            lines.append(sect)
            rows.append({"section": sect})
            continue
        _, label, name, unit, floor_name, target = r
        label = label.replace("{before}", machine.get("before", "-")) \
            .replace("{restructure}", machine.get("before_restructure", "-"))
        rec = {"measurement": label, "samples_name": name, "unit": unit,
               "target": target_text(target, unit)}
        if name == "plan":
            met = uses_index if plan else None
            rec.update({"plan": plan, "met": met})
            emit([label, "", "", "", "", "", "", rec["target"],
                  "-" if met is None else ("yes" if met else "NO")])
            rows.append(rec)
            continue
        v, why = load(raw, name)
        if v is None:
            rec.update({"missing": why, "met": None})
            lines.append("  ".join([label.ljust(widths[0]), why])
                         + ("   (target %s)" % rec["target"]
                            if target else ""))
            rows.append(rec)
            continue
        med, lo, hi = statistics.median(v), min(v), max(v)
        fmed, ratio, fv, min_ratio = None, None, None, None
        if floor_name is not None:
            fmed, fv, fmin = load_floor(raw, floor_name)
            if fmed is not None:
                ratio = med / fmed if fmed > 0 else None
                min_ratio = lo / fmin if fmin > 0 else None
        met = None
        if target is not None:
            if target[0] in ("ratio", "rel"):
                met = None if ratio is None else ratio <= target[1]
            elif target[0] == "max":
                met = med <= target[1]
            elif target[0] == "keys":
                met = med <= target[1] and hi <= target[2]
            elif target[0] == "worst":
                met = hi <= target[1]
            elif target[0] in ("same", "notworse") and fmed is not None:
                diff = med - fmed
                if target[0] == "same":
                    diff = abs(diff)
                if target[1] is None:
                    met = fv is not None and \
                        diff <= max(iqr(v), iqr(fv))
                else:
                    met = diff <= target[1] * fmed
        rec.update({"median": med, "min": lo, "max": hi, "n": len(v),
                    "floor_name": "+".join(floor_name) if
                    isinstance(floor_name, tuple) else floor_name,
                    "floor": fmed, "min_ratio": min_ratio,
                    "ratio": ratio, "met": met})
        rows.append(rec)
        emit([label, fmt(med, unit), fmt(lo, unit), fmt(hi, unit),
              fmt(fmed, unit) if fmed is not None else
              ("-" if floor_name is None else "n/a"),
              ("%.2f" % ratio) if ratio is not None else "-",
              ("%.2f" % min_ratio) if min_ratio is not None else "-",
              rec["target"],
              "-" if met is None else ("yes" if met else "NO")])
    lines.append("")
    lines.append("Weekly query plan: " + (plan.replace("\n", " | ")
                                           if plan else "(not available)"))
    if machine:
        lines.append("Machine: " + "; ".join(
            "%s %s" % (k, v) for k, v in machine.items()))
    text = "\n".join(lines)
    print(text)
    data = {"machine": machine, "query_plan": plan, "rows": rows,
            "table": text}
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)

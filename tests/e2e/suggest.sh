#!/usr/bin/env bash
# End-to-end tests of 'k2diary suggest' (issue 13; DESIGN.md §4): natto
# first on a fresh diary, every candidate K2-rich and within what is left
# (recomputed apart, in Python, from 'week --json' and, on the primary run,
# from the catalogue's YAML), the salami scenario, the stopping limit, and
# anticoagulant mode with figures worked out by hand.
. "$(dirname "$0")/lib.bash"

TODAY=$(day 0)

# --- usage, and no diary ---
run suggest extra
is "suggest takes no argument (exit 2)" "$rc" 2
run suggest --format csv
is "suggest refuses --format (exit 2)" "$rc" 2
run --db "$T/none.db" suggest
is "suggest on no diary exits 1" "$rc" 1
has "suggest on no diary says so" "$err" "no diary at $T/none.db"
test -e "$T/none.db" && fail "suggest created no diary" ||
    pass "suggest created no diary"
run --help
has "help lists suggest" "$out" "suggest "

# A fresh diary: made by add, emptied by rm.
run add natto --date 2000-01-03
run rm 1
is "the diary is empty" "$(sql 'select count(*) from entry')" 0

# check NAME JSON WEEKJSON: the independent check (PASS/FAIL lines).
cat >"$T/check.py" <<'PY'
import json, sys

name, sj, wj = sys.argv[1], sys.argv[2], sys.argv[3]
full = len(sys.argv) > 4
s = json.load(open(sj))
w = json.load(open(wj))
bad = []

def ok(what, cond):
    if not cond:
        bad.append(what)

# What is left, from the week's own figures (known values only).
day = [d for d in w['days'] if d['date'] == s['date']][0]
for k, unit in (('sat_fat', 'g'), ('sodium', 'mg')):
    lim = s['%s_limit_day_%s' % (k, unit)]
    dv = day['%s_%s' % (k, unit)] or 0
    wv = w['%s_%s' % (k, unit)] or 0
    ok('%s week limit 7x' % k, s['%s_limit_week_%s' % (k, unit)] == 7 * lim)
    for scope, total, limit in (('day', dv, lim), ('week', wv, 7 * lim)):
        left = max(0.0, limit - total)
        got = s['%s_left_%s_%s' % (k, scope, unit)]
        ok('%s left %s %r != %r' % (k, scope, got, left),
           abs(got - left) <= 1e-9 * limit)
    ok('%s day partial' % k, s['%s_day_partial' % k] ==
       (day['%s_known' % k] < day['entries']))

thr = s['rich_threshold_ug']
ok('rich servings', s['rich_servings'] == w['rich_servings'])
ok('missing', s['rich_servings_missing'] ==
   max(0, w['rich_servings_goal'] - w['rich_servings']))

def share(v, lim):
    return 1 if v is None else v / lim

def fits(c, k, unit):
    v = c['%s_%s' % (k, unit)]
    d = s['%s_left_day_%s' % (k, unit)]
    wk = s['%s_left_week_%s' % (k, unit)]
    lim = s['%s_limit_day_%s' % (k, unit)]
    if v is None:
        return d > 0 and wk > 0
    return v <= d + 1e-9 * lim and v <= wk + 1e-9 * 7 * lim

def score(c):
    return c['k2_ug'] / (1 + share(c['sodium_mg'], s['sodium_limit_day_mg'])
                         + share(c['sat_fat_g'], s['sat_fat_limit_day_g']))

cs = s['candidates']
ok('listed', len(cs) == min(50, s['candidates_total']) ==
   s['candidates_listed'])
for c in cs:
    ok('%s is K2-rich' % c['id'], c['k2_ug'] is not None and
       c['k2_ug'] >= thr * (1 - 1e-9))
    ok('%s fits sodium' % c['id'], fits(c, 'sodium', 'mg'))
    ok('%s fits sat fat' % c['id'], fits(c, 'sat_fat', 'g'))
    ok('%s score' % c['id'], abs(c['score'] - score(c)) <= 1e-9 * score(c))
for a, b in zip(cs, cs[1:]):
    sa, sb = score(a), score(b)
    ok('order %s before %s' % (a['id'], b['id']),
       sa > sb or (sa == sb and a['name'] <= b['name']))
ok('stop is null when listed', (s['stop'] is None) == (len(cs) > 0))

if full:
    # The whole rule again, from the catalogue's YAML (primary run only).
    import yaml
    L = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
    top = sys.argv[4]
    cited = yaml.load(open(top + '/foods.yaml'), Loader=L)['foods']
    sr28 = yaml.load(open(top + '/data/usda-sr28.yaml'), Loader=L)['foods']
    gone = {'usda_' + f['usda'] for f in cited if 'usda' in f}
    foods = cited + [f for f in sr28 if f['id'] not in gone]

    def per_serving(f, key):
        if 'per_serving' in f:
            n = f['per_serving']
            return n.get(key)
        n = f['per_100g']
        g = f['servings'][0]['grams']
        return None if n.get(key) is None else n[key] * g / 100

    want = []
    for f in foods:
        if f['group'] == 'supplement':
            continue
        k2 = per_serving(f, 'k2_ug')
        if k2 is None:
            ch = [per_serving(f, k) for k in ('mk4_ug', 'mk7_ug',
                                               'mk_other_ug')]
            ch = [x for x in ch if x is not None]
            k2 = None
            if ch:
                k2 = 0
                for x in ch:
                    k2 += x
        if k2 is None or k2 < thr * (1 - 1e-9):
            continue
        c = {'id': f['id'], 'name': f['name'], 'k2_ug': k2,
             'sodium_mg': per_serving(f, 'sodium_mg'),
             'sat_fat_g': per_serving(f, 'sat_fat_g')}
        if fits(c, 'sodium', 'mg') and fits(c, 'sat_fat', 'g'):
            want.append(c)
    want.sort(key=lambda c: (-score(c), c['name'], c['id']))
    ok('total %d, from the YAML %d' % (s['candidates_total'], len(want)),
       s['candidates_total'] == len(want))
    ok('the same foods in the same order as the YAML gives',
       [c['id'] for c in cs] == [c['id'] for c in want[:50]])
    byid = {c['id']: c for c in want}
    for c in cs:
        y = byid.get(c['id'])
        for k in ('k2_ug', 'sodium_mg', 'sat_fat_g'):
            ok('%s %s as in the YAML' % (c['id'], k), y is not None and
               ((y[k] is None and c[k] is None) or
                (y[k] is not None and c[k] is not None and
                 abs(y[k] - c[k]) <= 1e-9 * (1 + abs(y[k])))))

if bad:
    print('FAIL: %s (%s)' % (name, '; '.join(bad[:5])))
else:
    print('PASS: %s' % name)
PY

# check NAME [full]: suggest --json and week --json of the day, checked.
check() {
	"$K2" ${DBOPT:+--db "$DBOPT"} suggest --json --date "$TODAY" \
	    >"$T/s.json" 2>"$T/err" || fail "$1: suggest exits 0"
	"$K2" ${DBOPT:+--db "$DBOPT"} week --json --date "$TODAY" \
	    >"$T/w.json" 2>>"$T/err" || fail "$1: week exits 0"
	if [ "${2:-}" = full ] && [ -n "$PRIMARY" ]; then
		python3 "$T/check.py" "$1" "$T/s.json" "$T/w.json" "$TOP"
	else
		python3 "$T/check.py" "$1" "$T/s.json" "$T/w.json"
	fi
}

# jq-less field reading: py EXPR on the JSON in $T/s.json.
py() { python3 -c "import json; s = json.load(open('$T/s.json')); $1"; }

# --- a fresh diary ---
check "fresh diary: every candidate K2-rich, fits, in order" full
is "fresh diary: natto first" "$(py "print(s['candidates'][0]['id'])")" natto
is "fresh diary: 7 servings missing" \
    "$(py "print(s['rich_servings_missing'])")" 7
is "fresh diary: no stop" "$(py "print(s['stop'])")" None
is "numbers in JSON have a '.' in every locale" \
    "$(grep -o '"sodium_mg": 5\.95' "$T/s.json" | head -1)" '"sodium_mg": 5.95'
run suggest
is "suggest exits 0" "$rc" 0
has "text: the week's servings" "$out" "K2-rich servings this week: 0 of 7, 7 still missing"
has "text: sodium left" "$out" "sodium mg                       2,300      16,100"
has "text: sat fat left" "$out" "saturated fat g                  20.0       140.0"
first=$(printf '%s\n' "$out" | grep -A3 '^id ' | sed -n 2p)
case $first in
"natto "*"Natto (fermented so~    850.0      6     1.4") pass "text: natto first, with its figures" ;;
*) fail "text: natto first, with its figures"; printf '  got: %s\n' "$first" ;;
esac
has "text: the unit" "$out" "id                 name                       $UG     mg       g"
has "text: MK-4 only marked" "$out" "  MK-4 only"
has "text: at most 10, the rest counted" "$out" "others not shown: --json lists up to 50)"
is "text: ten candidate lines" "$(printf '%s\n' "$out" | sed -n '/^id /,/^(/p' | sed '1d;$d' | wc -l)" 10
wide=$(printf '%s\n' "$out" | python3 -c "
import sys, unicodedata
print(max(len(l.rstrip('\n')) for l in sys.stdin))")
if [ "$wide" -le 80 ]; then pass "text fits in 80 columns ($wide)"; else
	fail "text fits in 80 columns ($wide)"; fi

# --- 5 servings of salami: 2,175 of 2,300 mg ---
for i in 1 2 3 4 5; do "$K2" add salami >/dev/null 2>&1; done
check "5 salami: every candidate K2-rich, fits, in order" full
is "5 salami: 125 mg left today" "$(py "print(s['sodium_left_day_mg'])")" 125
is "5 salami: natto first" "$(py "print(s['candidates'][0]['id'])")" natto
is "5 salami: Jarlsberg listed at 52.36 mg" \
    "$(py "print([c['sodium_mg'] for c in s['candidates'] if c['id'] == 'jarlsberg'])")" "[52.36]"
is "5 salami: Gouda not listed" \
    "$(py "print([c for c in s['candidates'] if c['id'] == 'gouda'])")" "[]"
is "5 salami: no candidate adds more sodium than is left" \
    "$(py "print([c['id'] for c in s['candidates'] if c['sodium_mg'] is not None and c['sodium_mg'] > s['sodium_left_day_mg']])")" "[]"
run suggest
has "5 salami text: 125 mg left" "$out" "sodium mg                         125      13,925"
has "5 salami text: Jarlsberg, 52 mg" "$out" "jarlsberg         Jarlsberg                 15.7     52     5.1"
lacks "5 salami text: no Gouda" "$out" "gouda"
has "5 salami text: quark's unknown sodium shown as ?" "$out" "quark             Quark / curd cheese ~     28.0      ?       ?  chain not known"
has "5 salami text: an unknown value uses all that is left" "$out" "? not known: counts as using all that is left"

# --- 8 servings: over ---
for i in 1 2 3; do "$K2" add salami >/dev/null 2>&1; done
check "8 salami: the left figures"
is "8 salami: no candidate" "$(py "print(len(s['candidates']), s['candidates_total'])")" "0 0"
is "8 salami: sodium stops it" "$(py "print(s['stop'], s['stop_left'])")" \
    "sodium [{'nutrient': 'sodium', 'left': 0, 'scope': 'day'}]"
run suggest
is "8 salami exits 0" "$rc" 0
has "8 salami text: sodium stops it" "$out" "nothing fits: sodium stops it (0 mg left today)"
lacks "8 salami text: no table" "$out" "natto"
# Another day of the same week: the day is free, the week is not.
run suggest --date "$(day 1)"
if [ "$(date -u -d "$TODAY" +%u)" -lt 7 ]; then
	has "the next day: natto again" "$out" "natto "
	has "the next day: the week's sodium is shared" "$out" "12,620"
fi

# --- partly known totals: quark's sodium and sat fat are not known ---
DBOPT=$T/partial.db
Q=(--db "$DBOPT")
"$K2" "${Q[@]}" add quark >/dev/null && "$K2" "${Q[@]}" add gouda >/dev/null ||
    fail "partial: logging"
check "partly known day: left from the known values, marked"
is "partial: what is left counts gouda's 229.32 mg only" \
    "$(py "print(s['sodium_left_day_mg'], s['sodium_day_known'], s['sodium_day_entries'], s['sodium_day_partial'])")" \
    "2070.68 1 2 True"
run "${Q[@]}" suggest
has "partial text: marked at most" "$out" "sodium mg                      2,071*     15,871*"
has "partial text: what is known" "$out" "* at most: known for 1 of 2 entries of the day, 1 of 2 of the week"
unset DBOPT

# --- anticoagulant mode, by hand (a catalogue of its own) ---
# Week of Mon 2020-11-23. Vitamin K (K1 + K2) a day:
#   Mon  kale x2        100
#   Tue  spinach x2      50
#   Wed  spinach x1      25   (the day viewed)
#   Thu  bread x1         0   (an entry: the day counts)
# Mean of the other days with entries: (100 + 50 + 0) / 3 = 50; the
# gauge's mean of every day would be 43.75. One serving each, Wed then,
# and the distance to 50:
#   spinach 25 -> 50, 0;  beet 35 -> 60, 10;  cheese 2 + 40 -> 67, 17;
#   bread 0 -> 25, 25;  kale 50 -> 75, 25 (ties bread: by name);
#   natto 500 -> 525, 475;  rice (nothing known) and the pill: never.
cat >"$T/ac-foods.yaml" <<'Y'
version: 1
foods:
  - id: spinach
    name: Spinach
    group: leafy_green
    servings: [{label: serving, grams: 100}]
    per_100g: {k1_ug: 25, mk7_ug: 0, sodium_mg: 70, sat_fat_g: 0}
  - id: beet
    name: Beet greens
    group: leafy_green
    servings: [{label: serving, grams: 100}]
    per_100g: {k1_ug: 35, sodium_mg: 200, sat_fat_g: 0}
  - id: cheese
    name: Cheese
    group: cheese
    servings: [{label: serving, grams: 100}]
    per_100g: {k1_ug: 2, mk_other_ug: 40, sodium_mg: 600, sat_fat_g: 5}
  - id: kale
    name: Kale
    group: leafy_green
    servings: [{label: serving, grams: 100}]
    per_100g: {k1_ug: 50, sodium_mg: 40, sat_fat_g: 0.1}
  - id: bread
    name: Bread
    group: baked
    servings: [{label: serving, grams: 100}]
    per_100g: {k1_ug: 0, sodium_mg: 450, sat_fat_g: 0.5}
  - id: natto
    name: Natto
    group: fermented_plant
    servings: [{label: serving, grams: 100}]
    per_100g: {mk7_ug: 500, sodium_mg: 7, sat_fat_g: 1.6}
  - id: rice
    name: Rice
    group: grain
    servings: [{label: serving, grams: 100}]
    per_100g: {sodium_mg: 1}
  - id: pill
    name: Vitamin K pill
    group: supplement
    servings: [{label: capsule, grams: 1}]
    per_serving: {k1_ug: 30}
Y
printf 'anticoagulant: true\n' >"$T/ac.yaml"
A=(--db "$T/ac.db" --foods "$T/ac-foods.yaml" --config "$T/ac.yaml")
"$K2" "${A[@]}" add kale 2 --date 2020-11-23 >/dev/null ||
    fail "anticoagulant: logging ($LINENO)"
"$K2" "${A[@]}" add spinach 2 --date 2020-11-24 >/dev/null ||
    fail "anticoagulant: logging ($LINENO)"
"$K2" "${A[@]}" add spinach --date 2020-11-25 >/dev/null ||
    fail "anticoagulant: logging ($LINENO)"
"$K2" "${A[@]}" add bread --date 2020-11-26 >/dev/null ||
    fail "anticoagulant: logging ($LINENO)"
"$K2" "${A[@]}" suggest --json --date 2020-11-25 >"$T/s.json"
is "anticoagulant: the order by distance to the mean" \
    "$(py "print(' '.join(c['id'] for c in s['candidates']))")" \
    "spinach beet cheese bread kale natto"
is "anticoagulant: the distances" \
    "$(py "print(' '.join('%g' % c['distance_ug'] for c in s['candidates']))")" \
    "0 10 17 25 25 475"
is "anticoagulant: the day and the mean of the other days" \
    "$(py "print(s['vitamin_k_day_ug'], s['vitamin_k_mean_ug'], s['vitamin_k_mean_days'])")" \
    "25 50 3"
is "anticoagulant: no K2-rich goal in the JSON" \
    "$(py "print('rich_servings_missing' in s, 'score' in s['candidates'][0])")" \
    "False False"
run "${A[@]}" suggest --date 2020-11-25
is "anticoagulant text exits 0" "$rc" 0
has "anticoagulant text: the day's figure" "$out" "Vitamin K (K1 + K2) on 2020-11-25: 25 $UG"
has "anticoagulant text: the mean" "$out" "Daily mean of the week's other days with entries: 50 $UG (3 days)"
has "anticoagulant text: spinach first, 50 then" "$out" "spinach  Spinach         25.0        50     70     0.0"
has "anticoagulant text: K2 unknown marked" "$out" "+ K1 or K2 not known for the food: the known part only"
lacks "anticoagulant text: no goal line" "$out" "K2-rich servings"
# No text says "more" (as a word: food names such as "S'mores" aside).
words() { printf '%s\n' "$1" | grep -ciw more; }
is "anticoagulant text: no 'more'" "$(words "$out")" 0
is "anticoagulant JSON: no 'more'" "$(words "$(cat "$T/s.json")")" 0
run "${A[@]}" suggest --date 2020-11-23
is "anticoagulant text, Mon: no 'more'" "$(words "$out")" 0
# The built-in catalogue: a long list, then its cut-off line.
B=(--db "$T/ac.db" --config "$T/ac.yaml")
run "${B[@]}" suggest --date 2020-11-25
is "anticoagulant, built-in foods: exits 0" "$rc" 0
is "anticoagulant, built-in foods: no 'more'" "$(words "$out")" 0
has "anticoagulant, built-in foods: others counted" "$out" "others not shown"
"$K2" "${B[@]}" suggest --json --date 2020-11-25 >"$T/s.json"
is "anticoagulant, built-in foods: JSON without 'more'" "$(words "$(cat "$T/s.json")")" 0
is "anticoagulant, built-in foods: no supplement, K1 or K2 known, nearest first" \
    "$(py "
c = s['candidates']
print(all(x['k1_ug'] is not None or x['k2_ug'] is not None for x in c),
      all(a['distance_ug'] <= b['distance_ug'] for a, b in zip(c, c[1:])),
      [x['id'] for x in c if x['id'].startswith('supp_')])")" "True True []"
# Only the day viewed has entries: nothing to compare with.
"$K2" "${A[@]}" add kale --date 2020-12-02 >/dev/null ||
    fail "anticoagulant: logging ($LINENO)"
run "${A[@]}" suggest --date 2020-12-02
has "anticoagulant, no other day: says so" "$out" "nothing to compare with: no other day of this week has entries yet"
is "anticoagulant, no other day: no 'more'" "$(words "$out")" 0

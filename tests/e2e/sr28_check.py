# SPDX-License-Identifier: ISC
# An independent reading of USDA SR28 against a converted catalogue (DESIGN.md 3a).
#
# Usage: python3 sr28_check.py SR28_DIR CATALOGUE.yaml REPORT
# (REPORT: what sr28-convert printed to stderr). Shares no code with
# src/sr28_convert.c: it reads the SR28 files itself (NUT_DATA.txt.xz with
# Python's lzma), parses the YAML with PyYAML and works the rules out again.
# Prints one "PASS: name" / "FAIL: name" / "SKIP: name (reason)" line per
# check, as tests/e2e/lib.bash does. Sourced by tests/e2e/sr28.sh; not
# executable, so tests/run.sh does not run it on its own.
import collections
import lzma
import os
import re
import sys
import unicodedata

NUTRIENTS = {'428': 'mk4_ug', '430': 'k1_ug', '606': 'sat_fat_g',
             '307': 'sodium_mg', '208': 'kcal'}
GROUPS = {'0100': 'dairy', '0200': 'spice', '0300': 'baby', '0400': 'fat',
          '0500': 'poultry', '0600': 'soup_sauce', '0700': 'meat',
          '0800': 'cereal', '0900': 'fruit', '1000': 'meat',
          '1100': 'vegetable', '1200': 'nut_seed', '1300': 'meat',
          '1400': 'beverage', '1500': 'fish', '1600': 'legume',
          '1700': 'meat', '1800': 'baked', '1900': 'sweet', '2000': 'grain',
          '2100': 'prepared', '2200': 'prepared', '2500': 'snack',
          '3500': 'other', '3600': 'prepared'}
ORGAN = ['liver', 'giblets', 'heart', 'kidney', 'gizzard', 'tongue', 'brain',
         'sweetbread']
UNITS = {'g', 'gram', 'grams', 'kg', 'oz', 'lb'}
REASONS = ['empty label', 'label too long', 'unit of every food',
           'grams out of range', 'repeated label']


def records(path, fields):
    """The records of an SR28 file: lists of fields, '~' stripped."""
    data = open(path, 'rb').read()
    out = []
    for line in data.decode('latin-1').split('\r\n'):
        if line == '':
            continue
        f = line.split('^')
        assert len(f) == fields, (path, line)
        out.append([x[1:-1] if x.startswith('~') else x for x in f])
    return out


def words(name):
    return re.findall(r'[a-z]+', name.lower())


def has(ws, keys):
    return any(w in keys or (w.endswith('s') and w[:-1] in keys) for w in ws)


def group(code, name):
    ws = words(name)
    if code == '0100' and ws and has(ws[:1], {'cheese'}):
        return 'cheese'
    if code == '0100' and ws and has(ws[:1], {'egg'}):
        return 'egg'
    if code in ('0500', '0700', '1000', '1300', '1700') and has(ws, ORGAN):
        return 'organ_meat'
    if code == '1100' and has(ws, {'sauerkraut', 'kimchi'}):
        return 'fermented_plant'
    if code == '1100' and has(ws, {'kale', 'spinach', 'collards', 'chard',
                                   'lettuce', 'greens'}):
        return 'leafy_green'
    if code == '1600' and has(ws, {'natto', 'miso', 'tempeh'}):
        return 'fermented_plant'
    return GROUPS[code]


F_WORDS = {'leaves': 'leaf', 'halves': 'half', 'loaves': 'loaf',
           'calves': 'calf', 'shelves': 'shelf', 'knives': 'knife',
           'wives': 'wife', 'lives': 'life'}


def plurals(label):
    """Every plural the amount grammar accepts for label."""
    out = {label + 's'}
    if re.search(r'(s|x|z|ch|sh)$', label):
        out.add(label + 'es')
    if re.search(r'[^aeiou]y$', label):
        out.add(label[:-1] + 'ies')
    if label.endswith('fe'):
        out.add(label[:-2] + 'ves')
    elif label.endswith('f'):
        out.add(label[:-1] + 'ves')
    return out


IE_WORDS = {'cookie', 'brownie', 'pie', 'pierogie', 'smoothie', 'veggie'}
CHE_WORDS = {'quiche', 'brioche', 'niche', 'cache'}


def singular(w):
    """The singular of the last word of a label."""
    if (len(w) < 3 or not w.endswith('s') or w == 'nfs'
            or re.search(r'(ss|us|is|oes)$', w)):
        return w
    if w in F_WORDS:
        return F_WORDS[w]
    if w.endswith('ies'):
        if w[:-1] in IE_WORDS or w[-4] in 'aeiou':
            return w[:-1]
        return w[:-3] + 'y'
    if re.search(r'(sses|xes|zzes|shes)$', w):
        return w[:-2]
    if w.endswith('ches') and w[:-1] not in CHE_WORDS:
        return w[:-2]
    return w[:-1]


def fold(c):
    """A Latin-1 letter with an accent as its base letter, from Unicode."""
    if '\u00c0' <= c <= '\u00ff' and c not in '\u00d7\u00f7':
        c = c.lower()
        return {'æ': 'a', 'ð': 'd', 'ø': 'o', 'þ': 't', 'ß': 's'}.get(
            c, unicodedata.normalize('NFD', c)[0])
    return c


def label_words(desc):
    """The words of a Msre_Desc before the first comma or parenthesis."""
    d = re.split(r'[,(]', desc)[0]
    # A Latin-1 letter with an accent as its base letter ("Entrée" -> entree).
    d = ''.join(fold(c) for c in d)
    return [w for w in re.split(r'[^a-z]+', d.lower()) if w]


def label(desc):
    ws = label_words(desc)
    return '-'.join(ws[:-1] + [singular(ws[-1])]) if ws else ''


def num(s):
    return float(s)


def main():
    sr28, catalogue, report = sys.argv[1:4]
    results = []

    def check(name, problems):
        if problems:
            results.append('FAIL: %s' % name)
            for p in problems[:5]:
                results.append('  %s' % p)
            if len(problems) > 5:
                results.append('  ... and %d more' % (len(problems) - 5))
        else:
            results.append('PASS: %s' % name)

    try:
        import yaml
    except ImportError:
        print('SKIP: independent check of %s (python3-yaml not installed)'
              % catalogue)
        return 0
    loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
    with open(catalogue, 'rb') as fp:
        doc = yaml.load(fp, Loader=loader)

    foods = records(os.path.join(sr28, 'FOOD_DES.txt'), 14)
    weights = records(os.path.join(sr28, 'WEIGHT.txt'), 7)
    nut_path = os.path.join(sr28, 'NUT_DATA.txt')
    if os.path.exists(nut_path):
        data = open(nut_path, 'rb').read()
    else:
        data = lzma.open(nut_path + '.xz').read()
    # Only the five nutrients (a pattern is much faster than splitting all
    # 679,045 records): NDB_No, Nutr_No, Nutr_Val, the rest of 18 fields.
    nut = collections.defaultdict(dict)
    for m in re.finditer(rb'^~(\d{5})~\^~(428|430|606|307|208)~\^([^^\r]*)'
                         rb'((?:\^[^^\r]*){15})\r?$', data, re.M):
        if m.group(3) != b'':
            nut[m.group(1).decode()][NUTRIENTS[m.group(2).decode()]] = \
                num(m.group(3))
    rows = collections.defaultdict(list)
    for f in weights:
        rows[f[0]].append((int(f[1]), f[2], f[3], f[4]))

    # Servings and dropped rows, worked out again from WEIGHT.txt.
    dropped = collections.Counter()
    kept = 0
    servings = {}
    back = set()
    for ndb, _grp, *_rest in foods:
        seen, out, oz = [], [], None
        for seq, amount, desc, gm in sorted(rows[ndb]):
            lab = label(desc)
            word = (label_words(desc) or [''])[-1]
            last = lab.split('-')[-1]
            if last != word and word not in plurals(last):
                back.add('%s -> %s' % (word, last))
            try:
                grams = num(gm) / num(amount)
            except (ValueError, ZeroDivisionError):
                grams = -1
            if lab == '':
                dropped['empty label'] += 1
            elif len(lab.encode()) > 24:
                dropped['label too long'] += 1
            elif lab in UNITS:
                dropped['unit of every food'] += 1
                if lab in ('oz', 'lb') and oz is None and 0 < num(gm) <= 5000:
                    oz = num(gm)
            elif not 0 < grams <= 5000:
                dropped['grams out of range'] += 1
            elif lab in seen:
                dropped['repeated label'] += 1
            else:
                seen.append(lab)
                out.append((lab, grams))
        kept += len(out)
        if not out:
            out = [('serving', oz if oz is not None else 100.0)]
        light = [s for s in out if s[1] <= 500]
        first = light[0] if light else out[0]
        servings[ndb] = [first] + [s for s in out if s is not first]

    got = {}
    for line in open(report, encoding='utf-8'):
        m = re.match(r'^(.*): (\d+)$', line.rstrip('\n'))
        if m:
            got[m.group(1)] = int(m.group(2))
    want = {'foods written': len(foods), 'weight rows': len(weights),
            'rows kept': kept}
    for r in REASONS:
        want['dropped (%s)' % r] = dropped[r]
    check('report counts equal those worked out from WEIGHT.txt',
          ['%s: report %s, WEIGHT.txt %s' % (k, got.get(k), v)
           for k, v in want.items() if got.get(k) != v])

    cat = doc.get('foods') if isinstance(doc, dict) else None
    check('catalogue is version 1 with a list of foods',
          [] if doc.get('version') == 1 and isinstance(cat, list)
          else ['version %r, foods %r' % (doc.get('version'), type(cat))])
    cat = cat or []
    check('one food per FOOD_DES record, in NDB order',
          [] if [f.get('id') for f in cat] ==
          ['usda_' + f[0] for f in sorted(foods)]
          else ['ids differ: %d foods in the catalogue, %d in FOOD_DES'
                % (len(cat), len(foods))])
    by_ndb = {f[0]: f for f in foods}
    names, groups, nutrients, conf, source, serv = [], [], [], [], [], []
    for food in cat:
        ndb = str(food.get('id', ''))[5:]
        if ndb not in by_ndb:
            continue
        _n, code, desc = by_ndb[ndb][:3]
        if food.get('name') != desc:
            names.append('%s: %r, SR28 %r' % (ndb, food.get('name'), desc))
        if food.get('group') != group(code, desc):
            groups.append('%s %r: %s, rule %s' % (ndb, desc, food.get('group'),
                                                  group(code, desc)))
        per = {k: float(v) for k, v in (food.get('per_100g') or {}).items()}
        if per != nut[ndb]:
            nutrients.append('%s: %r, SR28 %r' % (ndb, per, nut[ndb]))
        if food.get('k2_confidence') != ('low' if 'mk4_ug' in nut[ndb]
                                         else 'none'):
            conf.append('%s: %s' % (ndb, food.get('k2_confidence')))
        if food.get('source') != 'USDA SR28 NDB ' + ndb:
            source.append('%s: %r' % (ndb, food.get('source')))
        mine = [(s.get('label'), float(s.get('grams')))
                for s in food.get('servings') or []]
        if mine != servings[ndb]:
            serv.append('%s: %r, worked out %r' % (ndb, mine, servings[ndb]))
    check('the grammar\'s plurals lead each singular label back to SR28\'s word',
          sorted(back))
    check('names are Long_Desc in UTF-8', names)
    check('groups follow the table and its refinements', groups)
    check('sodium, sat fat, MK-4, K1 and kcal equal SR28; missing ones absent',
          nutrients)
    check('k2_confidence low exactly when MK-4 is given', conf)
    check('source names the NDB number', source)
    check('servings follow the four steps', serv)
    print('\n'.join(results))
    return 0


if __name__ == '__main__':
    sys.exit(main())

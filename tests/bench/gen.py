#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Generate the benchmark's data, deterministic from a seed.

gen.py foods SHIPPED_YAML N OUT.yaml [SEED]
    A catalogue of N foods in the real foods.yaml format (flow style, one
    food a line, at most three nutrients, to stay under the loader's 16 MiB
    limit): the shipped
    foods first (their ids, names, servings and figures, so that a diary's
    entries resolve), then generated ones with names made of real words.
gen.py names FOODS.yaml OUT.txt
    The names of a catalogue, one a line (for fzf).
gen.py diary SHIPPED_YAML DB YEARS PER_DAY [SEED]
    Fill DB (made by k2diary itself, so its schema is current) with YEARS
    of PER_DAY entries a day of shipped foods, ending today, in one
    transaction.
"""
import datetime
import random
import re
import sqlite3
import sys
import time

LIMIT = 16 * 1024 * 1024
DEFAULT_SEED = 20240229

GROUPS = {
    "cheese": (["Gouda", "Edam", "Cheddar", "Brie", "Camembert", "Emmental",
                "Gruyere", "Comte", "Manchego", "Pecorino", "Parmesan",
                "Havarti", "Leerdammer", "Raclette", "Tilsiter", "Provolone",
                "Feta", "Halloumi", "Ricotta", "Mascarpone", "Roquefort",
                "Gorgonzola", "Stilton", "Munster", "Reblochon", "Taleggio",
                "Fontina", "Asiago", "Quark", "Cottage cheese"],
               ["aged", "young", "mature", "extra mature", "smoked", "light",
                "organic", "grated", "sliced", "farmhouse", "goat",
                "sheep", "raw-milk", "with herbs", "with cumin"],
               ["slice", "cube", "tbsp", "piece"]),
    "dairy": (["Milk", "Yogurt", "Kefir", "Cream", "Sour cream", "Buttermilk",
               "Skyr", "Custard", "Creme fraiche", "Ice cream", "Whey"],
              ["whole", "semi-skimmed", "skimmed", "plain", "Greek",
               "strawberry", "vanilla", "lactose-free", "organic", "drinking",
               "set", "low-fat"],
              ["cup", "glass", "pot", "tbsp"]),
    "meat": (["Chicken breast", "Chicken thigh", "Chicken wing", "Turkey",
              "Duck breast", "Goose", "Beef steak", "Ground beef", "Roast beef",
              "Pork chop", "Pork belly", "Bacon", "Ham", "Salami", "Chorizo",
              "Pepperoni", "Sausage", "Bratwurst", "Frankfurter", "Meatballs",
              "Lamb chop", "Veal cutlet", "Pastrami", "Prosciutto", "Rabbit"],
             ["grilled", "roasted", "fried", "braised", "smoked", "cured",
              "boiled", "breaded", "skinless", "lean", "spicy", "sliced",
              "minced", "stewed", "barbecued"],
             ["piece", "slice", "portion", "link"]),
    "organ_meat": (["Chicken liver", "Beef liver", "Calf liver", "Pork liver",
                    "Goose liver", "Duck liver", "Liver sausage", "Pate",
                    "Kidney", "Heart", "Tongue"],
                   ["pan-fried", "braised", "simmered", "raw", "spread",
                    "coarse", "fine", "with onions"],
                   ["portion", "slice", "tbsp"]),
    "egg": (["Egg", "Egg yolk", "Egg white", "Duck egg", "Quail egg",
             "Omelette", "Scrambled eggs", "Frittata"],
            ["raw", "boiled", "hard-boiled", "fried", "poached", "large",
             "free-range", "with cheese"],
            ["egg", "piece", "portion"]),
    "fat": (["Butter", "Ghee", "Lard", "Olive oil", "Margarine", "Duck fat",
             "Coconut oil", "Rapeseed oil", "Goose fat", "Tallow"],
            ["salted", "unsalted", "grass-fed", "clarified", "spreadable",
             "extra virgin", "cold-pressed", "organic"],
            ["tbsp", "tsp", "pat"]),
    "fermented_plant": (["Natto", "Sauerkraut", "Miso", "Kimchi", "Tempeh",
                         "Pickles", "Kombucha", "Soy sauce", "Doenjang",
                         "Fermented beans"],
                        ["homemade", "spicy", "mild", "red", "white",
                         "unpasteurised", "with garlic", "traditional"],
                        ["serving", "tbsp", "cup", "portion"]),
    "leafy_green": (["Kale", "Spinach", "Collards", "Broccoli", "Brussels sprouts",
                     "Swiss chard", "Lettuce", "Rocket", "Cabbage", "Parsley",
                     "Watercress", "Bok choy", "Asparagus", "Green beans",
                     "Peas", "Leeks", "Endive"],
                    ["raw", "boiled", "steamed", "frozen", "sauteed",
                     "creamed", "chopped", "baby", "curly", "savoy"],
                    ["cup", "half-cup", "portion", "handful"]),
    "other": (["Bread", "Rye bread", "Sourdough", "Pizza", "Lasagne",
               "Pasta", "Rice", "Porridge", "Muesli", "Pancakes", "Croissant",
               "Quiche", "Soup", "Stew", "Burger", "Sandwich", "Salad",
               "Potatoes", "Fries", "Crisps", "Chocolate", "Cake",
               "Biscuits", "Apple", "Banana", "Orange", "Tomato", "Carrot",
               "Onion", "Mushrooms", "Lentils", "Chickpeas", "Hummus",
               "Walnuts", "Almonds", "Peanut butter", "Salmon", "Tuna",
               "Mackerel", "Sardines", "Herring", "Prawns", "Cod"],
              ["wholemeal", "white", "margherita", "vegetable", "tomato",
               "creamy", "baked", "mashed", "dark", "milk", "dried",
               "canned", "fresh", "frozen", "smoked", "in oil", "salted",
               "roasted", "homemade", "instant"],
              ["slice", "portion", "bowl", "piece", "cup", "can"]),
    "supplement": (["Vitamin K2", "MK-7", "MK-4", "Multivitamin", "Vitamin D3",
                    "Cod liver oil"],
                   ["capsule", "drops", "tablet", "softgel", "high dose",
                    "low dose"],
                   ["capsule", "tablet", "drop"]),
}
BRANDS = ["Alpenhof", "Beemster", "Coop", "Delta", "Everyday", "Frisia",
          "Greenfield", "Hofmann", "Ivory", "Jansen", "Kaasboer", "Landgoed",
          "Meadow", "Nordic", "Oakwood", "Polder", "Queensway", "Rivendal",
          "Sunvale", "Terra", "Uplands", "Valley", "Westland", "Yarrow",
          "Zuiver"]
# Which nutrients a group has (per 100 g), with ranges.
NUT_RANGES = {
    "mk4_ug": (0.5, 40), "mk7_ug": (0.5, 900), "mk_other_ug": (1, 80),
    "k1_ug": (0.5, 800), "sat_fat_g": (0.05, 40), "sodium_mg": (2, 2500),
    "kcal": (10, 800),
}
GROUP_NUTS = {
    "cheese": ["mk_other_ug", "mk4_ug", "sat_fat_g", "sodium_mg"],
    "dairy": ["mk4_ug", "sat_fat_g", "sodium_mg"],
    "meat": ["mk4_ug", "sat_fat_g", "sodium_mg"],
    "organ_meat": ["mk4_ug", "sat_fat_g", "sodium_mg"],
    "egg": ["mk4_ug", "sat_fat_g", "sodium_mg"],
    "fat": ["mk4_ug", "sat_fat_g", "sodium_mg"],
    "fermented_plant": ["mk7_ug", "sat_fat_g", "sodium_mg"],
    "leafy_green": ["k1_ug", "sat_fat_g", "sodium_mg"],
    "other": ["k1_ug", "sat_fat_g", "sodium_mg"],
    "supplement": ["mk7_ug", "sodium_mg"],
}


def shipped_foods(path):
    """The shipped catalogue's foods, enough to write them again in flow style."""
    foods, cur, in_serv = [], None, False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            m = re.match(r"^  - id: *(\S+)", line)
            if m:
                cur = {"id": m.group(1), "servings": []}
                foods.append(cur)
                in_serv = False
                continue
            if cur is None:
                continue
            m = re.match(r"^    (\w+):(.*)$", line)
            if m:
                key, val = m.group(1), m.group(2).strip()
                in_serv = key == "servings"
                if key in ("name", "group", "per_100g", "per_serving"):
                    if val.startswith("{"):
                        val = val[:val.rindex("}") + 1]
                    cur[key] = val
                continue
            m = re.match(r"^      - (\{.*?\})", line)
            if m and in_serv:
                cur["servings"].append(m.group(1))
    for fd in foods:
        name = fd["name"]
        if name.startswith('"'):
            name = name[1:name.rindex('"')]
        fd["name"] = name
        for key in ("per_100g", "per_serving"):
            if key in fd:
                fd["nuts"] = dict(
                    (k.strip(), float(v)) for k, v in
                    (kv.split(":") for kv in fd[key].strip("{}").split(",")))
                fd["per"] = key
    if len(foods) < 10 or any(not f["servings"] or "per" not in f
                              for f in foods):
        sys.exit("gen.py: cannot read the shipped catalogue %s" % path)
    return foods


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fmt_num(v):
    return ("%.3g" % v) if v < 100 else ("%d" % round(v))


def food_line(fid, name, group, servings, per, nuts):
    return ("- {id: %s, name: %s, group: %s, servings: [%s], %s: {%s}}\n"
            % (fid, quote(name), group, ", ".join(servings), per,
               ", ".join("%s: %s" % (k, fmt_num(v)) for k, v in nuts.items())))


def gen_foods(shipped_path, n, out, seed):
    rnd = random.Random(seed)
    shipped = shipped_foods(shipped_path)
    lines, used = [], set()
    for fd in shipped[:n]:
        lines.append(food_line(fd["id"], fd["name"], fd["group"],
                               fd["servings"], fd["per"], fd["nuts"]))
        used.add(fd["id"])
    groups = sorted(GROUPS)
    weights = [4 if g in ("cheese", "meat", "other") else 1 for g in groups]
    i = 0
    while len(lines) < n:
        i += 1
        group = rnd.choices(groups, weights)[0]
        bases, quals, labels = GROUPS[group]
        base = rnd.choice(bases)
        shape = rnd.random()
        if shape < 0.35:
            name = "%s, %s" % (base, rnd.choice(quals))
        elif shape < 0.6:
            name = "%s (%s, %s)" % ((base,) + tuple(rnd.sample(quals, 2)))
        elif shape < 0.85:
            name = "%s %s, %s" % (rnd.choice(BRANDS), base.lower()
                                  if rnd.random() < 0.5 else base,
                                  rnd.choice(quals))
        else:
            name = "%s" % base
        slug = re.sub(r"[^a-z0-9]+", "_", base.lower()).strip("_")[:14]
        fid = "%s_%d" % (slug, i)
        if fid in used:
            continue
        used.add(fid)
        label = rnd.choice(labels)
        serv = ["{label: %s, grams: %d}" % (label, rnd.randint(5, 300))]
        if rnd.random() < 0.1:
            serv.append("{label: portion, grams: %d}" % rnd.randint(100, 400)
                        if label != "portion" else
                        "{label: cup, grams: %d}" % rnd.randint(100, 300))
        nuts = {}
        for k in GROUP_NUTS[group][-3:]:
            if rnd.random() < 0.8:
                lo, hi = NUT_RANGES[k]
                nuts[k] = round(rnd.uniform(lo, hi), 2)
        if not nuts:
            nuts["sodium_mg"] = float(rnd.randint(1, 900))
        lines.append(food_line(fid, name, group, serv, "per_100g", nuts))
    text = ("# Generated by tests/bench/gen.py (seed %d): %d foods.\n"
            "version: 1\nfoods:\n" % (seed, n)) + "".join(lines)
    data = text.encode("utf-8")
    if len(data) >= LIMIT:
        sys.exit("gen.py: %s would be %d bytes, over the 16 MiB limit"
                 % (out, len(data)))
    with open(out, "wb") as f:
        f.write(data)


def gen_names(foods_path, out):
    names = []
    with open(foods_path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r'name: "((?:[^"\\]|\\.)*)"', line)
            if m:
                names.append(m.group(1).replace('\\"', '"'))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")


def gen_diary(shipped_path, db, years, per_day, seed):
    rnd = random.Random(seed)
    foods = [f for f in shipped_foods(shipped_path)]
    # A diary favours a few foods, as people do.
    weights = [1.0 / (1 + (i % 17)) for i in range(len(foods))]
    rnd.shuffle(weights)
    # The diary day: days start at 04:00 local time (the default).
    now = time.time() - 4 * 3600
    today = datetime.date.fromtimestamp(now)
    last = (today - datetime.date(1970, 1, 1)).days
    first = last - years * 365 + 1
    rows = []
    for day in range(first, last + 1):
        for k in range(per_day):
            f = rnd.choices(foods, weights)[0]
            serv = f["servings"][0]
            m = re.search(r"label: *([^,}]+)", serv)
            label = m.group(1).strip() if m else "serving"
            m = re.search(r"grams: *([0-9.]+)", serv)
            sgrams = float(m.group(1)) if m else 0.0
            qty = rnd.choice([1, 1, 1, 2, 0.5, 1.5])
            grams = sgrams * qty if sgrams > 0 else None
            factor = qty if f["per"] == "per_serving" else (grams or 0) / 100
            n = f["nuts"]
            def v(key):
                return n[key] * factor if key in n else None
            mks = [n[x] for x in ("mk4_ug", "mk7_ug", "mk_other_ug") if x in n]
            k2 = (sum(mks) * factor if mks else v("k2_ug"))
            logged = day * 86400 + 7 * 3600 + k * 3600 + rnd.randint(0, 3000)
            rows.append((day, logged, f["id"], f["name"], label, grams, qty,
                         qty, k2, v("mk4_ug"), v("mk7_ug"), v("mk_other_ug"),
                         v("k1_ug"), v("sat_fat_g"), v("sodium_mg"),
                         v("kcal")))
    con = sqlite3.connect(db)
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO entry (day, logged_at, food_id, food_name, serving, "
        "grams, servings, quantity, k2_ug, mk4_ug, mk7_ug, mk_other_ug, "
        "k1_ug, sat_fat_g, sodium_mg, kcal) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print("%d entries, days %d to %d" % (len(rows), first, last))


def main(argv):
    if len(argv) >= 4 and argv[1] == "foods":
        gen_foods(argv[2], int(argv[3]), argv[4],
                  int(argv[5]) if len(argv) > 5 else DEFAULT_SEED)
    elif len(argv) == 4 and argv[1] == "names":
        gen_names(argv[2], argv[3])
    elif len(argv) >= 6 and argv[1] == "diary":
        gen_diary(argv[2], argv[3], int(argv[4]), int(argv[5]),
                  int(argv[6]) if len(argv) > 6 else DEFAULT_SEED)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

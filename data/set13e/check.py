#!/usr/bin/env python3
"""Validate set13e: gold.json vs meta.csv and articles/, then build a fake report
(one row per required discrepancy) and score it with the shared scorer."""
import csv, json, os, re, subprocess, sys, unicodedata, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
SCORER = "/work/shared/eval/score.py"
KINDS = {"quantity", "date", "direction", "attribution", "place"}


def norm(text):
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def sentences(text):
    """Split a normalized document into sentences (lines first, then . ! ? followed by space)."""
    out = []
    for line in re.split(r"\n+", text):
        for s in re.split(r"(?<=[.!?…])\s+", line):
            if s.strip():
                out.append(s.strip())
    return out


errors = []
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
meta = {r["doc_id"]: r for r in csv.DictReader(open(os.path.join(HERE, "meta.csv"), encoding="utf-8"))}
raw, docs, sents = {}, {}, {}
for doc in meta:
    p = os.path.join(HERE, "articles", doc + ".txt")
    if not os.path.exists(p):
        errors.append(f"missing article {p}")
        continue
    raw[doc] = open(p, encoding="utf-8").read()
    docs[doc] = norm(raw[doc])
    sents[doc] = sentences("\n".join(norm(l) for l in raw[doc].splitlines()))
    n = len(raw[doc].split())
    if not 220 <= n <= 450:
        errors.append(f"{doc}: {n} words (want 220-450)")
for f in os.listdir(os.path.join(HERE, "articles")):
    if f[:-4] not in meta:
        errors.append(f"article not in meta.csv: {f}")

# stories
for st in gold["stories"]:
    if len(st["docs"]) != 4:
        errors.append(f"story {st['story']} has {len(st['docs'])} docs")
    dates = []
    for d in st["docs"]:
        if d not in meta:
            errors.append(f"story doc {d} not in meta")
            continue
        if d.split("_")[0] != st["story"]:
            errors.append(f"doc {d} prefix != story {st['story']}")
        dates.append(datetime.date.fromisoformat(meta[d]["published"]))
    if dates and (max(dates) - min(dates)).days > 5:
        errors.append(f"story {st['story']} spans more than 6 days")


def needle_list(side):
    n = side["needle"]
    return n if isinstance(n, list) else [n]


def check_side(item_id, story, side):
    d = side["doc"]
    if d not in docs:
        errors.append(f"{item_id}: doc {d} unknown")
        return None
    if d.split("_")[0] != story:
        errors.append(f"{item_id}: doc {d} not in story {story}")
    found = None
    for n in needle_list(side):
        if n not in raw[d]:
            errors.append(f"{item_id}: needle not verbatim in {d}: {n!r}")
        k = docs[d].count(norm(n))
        if k != 1:
            errors.append(f"{item_id}: needle occurs {k} times in {d}: {n!r}")
        w = len(norm(n).split())
        if not 3 <= w <= 8:
            errors.append(f"{item_id}: needle has {w} words: {n!r}")
        hits = [s for s in sents[d] if norm(n) in s]
        if len(hits) != 1:
            errors.append(f"{item_id}: needle {n!r} not inside exactly one sentence of {d} ({len(hits)})")
        elif found is None:
            found = hits[0]
    return found


ids = set()
rows = []
per_story = {}
for item in gold["discrepancies"]:
    if item["id"] in ids:
        errors.append(f"duplicate id {item['id']}")
    ids.add(item["id"])
    if not item["kinds"] or not set(item["kinds"]) <= KINDS:
        errors.append(f"{item['id']}: bad kinds {item['kinds']}")
    sa = check_side(item["id"], item["story"], item["a"])
    sb = check_side(item["id"], item["story"], item["b"])
    ps = per_story.setdefault(item["story"], {"req": 0, "opt": 0, "traps": 0, "intra": 0})
    ps["req" if item["required"] else "opt"] += 1
    if item["required"] and item["a"]["doc"] == item["b"]["doc"]:
        ps["intra"] += 1
    if item["required"] and sa and sb:
        rows.append({"kind": item["kinds"][0], "doc_a": item["a"]["doc"], "doc_b": item["b"]["doc"],
                     "text_a": sa, "text_b": sb})
trap_sents = {}
for t in gold["traps"]:
    if t["id"] in ids:
        errors.append(f"duplicate id {t['id']}")
    ids.add(t["id"])
    sa = check_side(t["id"], t["story"], t["a"])
    sb = check_side(t["id"], t["story"], t["b"])
    trap_sents[t["id"]] = (sa, sb)
    per_story.setdefault(t["story"], {"req": 0, "opt": 0, "traps": 0, "intra": 0})["traps"] += 1

# ambiguity: a trap's own sentence pair must not also match a discrepancy (it would be scored as a hit)
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(SCORER))
import score as S  # noqa: E402
for t in gold["traps"]:
    sa, sb = trap_sents[t["id"]]
    if not (sa and sb):
        continue
    row = {"doc_a": t["a"]["doc"], "doc_b": t["b"]["doc"], "text_a": sa, "text_b": sb}
    for item in gold["discrepancies"]:
        if S.row_matches(item, row):
            errors.append(f"trap {t['id']} sentence pair also matches discrepancy {item['id']}")
for r in rows:
    for t in gold["traps"]:
        if S.row_matches(t, r):
            print(f"note: required row {r['doc_a']}/{r['doc_b']} also contains trap {t['id']} needles")

for st, c in per_story.items():
    print(f"{st}: required {c['req']} (intra-article {c['intra']}), optional {c['opt']}, traps {c['traps']}")
    if c["req"] < 4 or c["intra"] < 1 or c["traps"] < 6:
        errors.append(f"story {st} below the minimum mix")

if errors:
    print("\n".join("ERROR: " + e for e in errors))
    sys.exit(1)

fake = os.path.join(HERE, "fake.csv")
with open(fake, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["kind", "doc_a", "doc_b", "text_a", "text_b"])
    w.writeheader()
    w.writerows(rows)
res = subprocess.run([sys.executable, SCORER, os.path.join(HERE, "gold.json"), fake, "--show"],
                     capture_output=True, text=True)
print(res.stdout, res.stderr)
os.remove(fake)
print("all checks passed" if "recall 1.00" in res.stdout else "RECALL NOT 1.00")

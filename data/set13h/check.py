#!/usr/bin/env python3
"""Sanity checks for set13h: doc ids (meta.csv vs articles/ vs gold.json), needles
(5-60 chars, exactly one occurrence in their document, raw and normalized like
score.py), word counts, dates. Exit 1 on any error."""
import csv, json, os, re, sys, unicodedata, datetime
HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")

def norm(t):
    t = unicodedata.normalize("NFKC", t or "")
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", t).strip().casefold()

errors = []
files = {f[:-4] for f in os.listdir(ART) if f.endswith(".txt")}
for f in files:
    if not re.fullmatch(r"[a-z0-9]+_[a-z0-9]+", f):
        errors.append(f"bad doc id {f}")
with open(os.path.join(HERE, "meta.csv"), encoding="utf-8", newline="") as fh:
    rows = list(csv.DictReader(fh))
if rows and list(rows[0].keys()) != ["doc_id", "published", "outlet"]:
    errors.append(f"meta.csv header {list(rows[0].keys())}")
meta = {r["doc_id"]: r for r in rows}
if len(meta) != len(rows):
    errors.append("duplicate doc_id in meta.csv")
for r in rows:
    try:
        datetime.date.fromisoformat(r["published"])
    except ValueError:
        errors.append(f"bad date {r}")
if set(meta) != files:
    errors.append(f"meta vs files: only meta {set(meta)-files}, only files {files-set(meta)}")
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for k in ("set", "layout", "stories", "discrepancies", "traps"):
    if k not in gold:
        errors.append(f"gold missing key {k}")
gdocs = [d for s in gold["stories"] for d in s["docs"]]
if set(gdocs) != files or len(gdocs) != len(set(gdocs)):
    errors.append(f"gold stories docs vs files mismatch")
for s in gold["stories"]:
    for d in s["docs"]:
        if d.split("_")[0] != s["story"]:
            errors.append(f"{d} not in story {s['story']}")
    ds = sorted(meta[d]["published"] for d in s["docs"])
    span = (datetime.date.fromisoformat(ds[-1]) - datetime.date.fromisoformat(ds[0])).days
    if span > 10:
        errors.append(f"story {s['story']} spans {span} days")
texts = {d: open(os.path.join(ART, d + ".txt"), encoding="utf-8").read() for d in files}
for d, t in texts.items():
    n = len(t.split())
    if not 250 <= n <= 600:
        errors.append(f"{d}: {n} words")

def check_side(item_id, story, side):
    doc = side["doc"]
    if doc not in texts:
        errors.append(f"{item_id}: unknown doc {doc}"); return
    if doc.split("_")[0] != story:
        errors.append(f"{item_id}: doc {doc} not in story {story}")
    ns = side["needle"] if isinstance(side["needle"], list) else [side["needle"]]
    for n in ns:
        if not 5 <= len(n) <= 60:
            errors.append(f"{item_id}: needle length {len(n)}: {n!r}")
        raw = texts[doc].count(n)
        nor = norm(texts[doc]).count(norm(n))
        if raw != 1 or nor != 1:
            errors.append(f"{item_id}: needle {n!r} occurs {raw} (raw) / {nor} (normalized) times in {doc}")
        if "\n" in n:
            errors.append(f"{item_id}: needle spans lines: {n!r}")

ids = set()
for item in gold["discrepancies"] + gold["traps"]:
    if item["id"] in ids:
        errors.append(f"duplicate id {item['id']}")
    ids.add(item["id"])
    pairs = [(item["a"], item["b"])] + [(p["a"], p["b"]) for p in item.get("alt", [])]
    for a, b in pairs:
        check_side(item["id"], item["story"], a)
        check_side(item["id"], item["story"], b)
for item in gold["discrepancies"]:
    for k in ("id", "story", "kinds", "required", "a", "b", "note"):
        if k not in item:
            errors.append(f"{item.get('id')}: missing {k}")
for item in gold["traps"]:
    for k in ("id", "story", "a", "b", "why"):
        if k not in item:
            errors.append(f"{item.get('id')}: missing {k}")

# counts table
print("| story | required | of which inside one article | optional | traps |")
print("|---|---|---|---|---|")
for s in gold["stories"]:
    st = s["story"]
    ds = [d for d in gold["discrepancies"] if d["story"] == st]
    req = [d for d in ds if d["required"]]
    intra = [d for d in req if d["a"]["doc"] == d["b"]["doc"]]
    tr = [t for t in gold["traps"] if t["story"] == st]
    print(f"| {st} | {len(req)} | {len(intra)} | {len(ds)-len(req)} | {len(tr)} |")
if errors:
    print("\nERRORS:"); [print(" -", e) for e in errors]; sys.exit(1)
print("\nOK: all checks passed")

#!/usr/bin/env python3
"""Sanity checks for the set13i held-out set: ids, files, meta, needles."""
import csv, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
files = {f[:-4] for f in os.listdir(os.path.join(HERE, "articles")) if f.endswith(".txt")}
with open(os.path.join(HERE, "meta.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
meta = {r["doc_id"]: r for r in rows}
if list(rows[0].keys()) != ["doc_id", "published", "outlet"]:
    errors.append("meta.csv header")
if len(meta) != len(rows):
    errors.append("duplicate doc_id in meta.csv")
for r in rows:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]):
        errors.append(f"bad date {r}")
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
gdocs = {d for s in gold["stories"] for d in s["docs"]}
for name, a, b in (("files", files, set(meta)), ("gold", gdocs, set(meta))):
    if a != b:
        errors.append(f"{name} vs meta.csv: {sorted(a ^ b)}")
for d in files:
    if not re.fullmatch(r"[a-z0-9]+_[a-z0-9]+", d):
        errors.append(f"doc id not lowercase ascii: {d}")
texts = {d: open(os.path.join(HERE, "articles", d + ".txt"), encoding="utf-8").read() for d in files}
for d, t in texts.items():
    n = len(re.findall(r"\w+", t))
    if not 250 <= n <= 600:
        errors.append(f"{d}: {n} words")
stories = {s["story"]: set(s["docs"]) for s in gold["stories"]}
for d in gdocs:
    if d.split("_")[0] not in stories or d not in stories[d.split("_")[0]]:
        errors.append(f"{d}: story prefix")
ids = [x["id"] for x in gold["discrepancies"] + gold["traps"]]
if len(ids) != len(set(ids)):
    errors.append("duplicate ids")
pairs = {}
for item in gold["discrepancies"] + gold["traps"]:
    for side in ("a", "b"):
        s = item[side]
        if s["doc"] not in texts:
            errors.append(f"{item['id']}: unknown doc {s['doc']}"); continue
        if not s["doc"].startswith(item["story"] + "_"):
            errors.append(f"{item['id']}: doc {s['doc']} not in story {item['story']}")
        n = s["needle"]
        if not 5 <= len(n) <= 60:
            errors.append(f"{item['id']}.{side}: needle length {len(n)}")
        c = texts[s["doc"]].count(n)
        if c != 1:
            errors.append(f"{item['id']}.{side}: needle {n!r} occurs {c}x in {s['doc']}")
    key = frozenset([(item["a"]["doc"], item["a"]["needle"]), (item["b"]["doc"], item["b"]["needle"])])
    if key in pairs:
        errors.append(f"{item['id']}: same pair as {pairs[key]}")
    pairs[key] = item["id"]
for d in gold["discrepancies"]:
    if not d["kinds"] or "required" not in d:
        errors.append(f"{d['id']}: kinds/required")
print("\n".join(errors) or "all checks passed")
for s in stories:
    ds = [d for d in gold["discrepancies"] if d["story"] == s]
    req = [d for d in ds if d["required"]]
    print(s, "required", len(req), "intra", sum(d["a"]["doc"] == d["b"]["doc"] for d in req),
          "optional", len(ds) - len(req), "traps", sum(t["story"] == s for t in gold["traps"]))
sys.exit(1 if errors else 0)

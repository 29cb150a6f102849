#!/usr/bin/env python3
"""Validate gold.json against articles/ and meta.csv, then score a fake report
(one row per required discrepancy) with the official scorer."""
import csv, json, re, subprocess, sys, unicodedata, pathlib
from collections import Counter

HERE = pathlib.Path(__file__).parent
def norm(t):
    t = unicodedata.normalize("NFKC", t or "")
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", t).strip().casefold()

gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
meta = {r["doc_id"]: r for r in csv.DictReader(open(HERE / "meta.csv", encoding="utf-8"))}
arts = {p.stem: p.read_text(encoding="utf-8") for p in (HERE / "articles").glob("*.txt")}
N = {k: norm(v) for k, v in arts.items()}
errors = []
if set(meta) != set(arts):
    errors.append(f"meta/articles mismatch: {set(meta) ^ set(arts)}")
for d, r in meta.items():
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]): errors.append(f"bad date {d}")
    if d.count("_") != 1: errors.append(f"bad doc id {d}")
for s in gold["stories"]:
    if len(s["docs"]) != 4: errors.append(f"story {s['story']} has {len(s['docs'])} docs")
    for d in s["docs"]:
        if not d.startswith(s["story"] + "_"): errors.append(f"{d} not in story {s['story']}")
    dates = sorted(meta[d]["published"] for d in s["docs"])
    print(f"story {s['story']}: {dates[0]} .. {dates[-1]}")
for d in arts:
    w = len(arts[d].split())
    if not 220 <= w <= 450: errors.append(f"{d}: {w} words")

def sides(item):
    yield item["a"]; yield item["b"]
    for p in item.get("alt", []):
        yield p["a"]; yield p["b"]
def check_side(iid, item, sd):
    if sd["doc"] not in arts: errors.append(f"{iid}: unknown doc {sd['doc']}"); return
    if sd["doc"].split("_")[0] != item["story"]: errors.append(f"{iid}: doc outside story")
    for n in ([sd["needle"]] if isinstance(sd["needle"], str) else sd["needle"]):
        nn = norm(n)
        wc = len(nn.split())
        if not 3 <= wc <= 8: errors.append(f"{iid}: needle {n!r} has {wc} words")
        c = len(re.findall("(?=" + re.escape(nn) + ")", N[sd["doc"]]))
        if c != 1: errors.append(f"{iid}: needle {n!r} occurs {c}x in {sd['doc']}")
        if n not in arts[sd["doc"]]: errors.append(f"{iid}: needle {n!r} not byte-exact in {sd['doc']}")
ids = Counter()
for it in gold["discrepancies"] + gold["traps"]:
    ids[it["id"]] += 1
    for sd in sides(it): check_side(it["id"], it, sd)
for it in gold["discrepancies"]:
    if not set(it["kinds"]) <= {"quantity", "date", "direction", "attribution", "place"}:
        errors.append(f"{it['id']}: bad kinds")
errors += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
per = Counter((it["story"], it["required"]) for it in gold["discrepancies"])
tr = Counter(it["story"] for it in gold["traps"])
intra = Counter(it["story"] for it in gold["discrepancies"] if it["required"] and it["a"]["doc"] == it["b"]["doc"])
for s in gold["stories"]:
    st = s["story"]
    print(f"  {st}: required {per[(st, True)]} (intra {intra[st]}), optional {per[(st, False)]}, traps {tr[st]}")
    if per[(st, True)] < 4 or tr[st] < 6 or intra[st] < 1: errors.append(f"{st}: too few items")

def sentence(doc, needle):
    t = N[doc]; n = norm(needle); i = t.find(n)
    start = max(t.rfind(". ", 0, i), t.rfind("\n", 0, i), t.rfind("? ", 0, i), t.rfind("! ", 0, i))
    start = 0 if start < 0 else start + 1
    ends = [j for j in (t.find(". ", i + len(n)), t.find("\n", i + len(n))) if j >= 0]
    end = min(ends) + 1 if ends else len(t)
    return arts_sentence(t[start:end])
def arts_sentence(s): return s.strip()
rows = []
for it in gold["discrepancies"]:
    if not it["required"]: continue
    na = it["a"]["needle"] if isinstance(it["a"]["needle"], str) else it["a"]["needle"][0]
    nb = it["b"]["needle"] if isinstance(it["b"]["needle"], str) else it["b"]["needle"][0]
    rows.append({"kind": it["kinds"][0], "doc_a": it["a"]["doc"], "doc_b": it["b"]["doc"],
                 "text_a": sentence(it["a"]["doc"], na), "text_b": sentence(it["b"]["doc"], nb)})
fake = HERE / "fake.csv"
with open(fake, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["kind", "doc_a", "doc_b", "text_a", "text_b"]); w.writeheader(); w.writerows(rows)
out = subprocess.run([sys.executable, "/work/shared/eval/score.py", str(HERE / "gold.json"), str(fake), "--show"],
                     capture_output=True, text=True)
print(out.stdout, out.stderr)
fake.unlink()
if "recall 1.00" not in out.stdout: errors.append("fake report recall is not 1.00")
print("ERRORS:" if errors else "OK: no errors")
for e in errors: print("  ", e)
sys.exit(1 if errors else 0)

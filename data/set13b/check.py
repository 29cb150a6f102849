#!/usr/bin/env python3
"""Validate set13b: gold.json vs meta.csv and articles/, then a fake-report recall check."""
import csv, json, os, re, subprocess, sys, unicodedata
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
SCORER = "/work/shared/eval/score.py"

def norm(text):
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()

def needles(side):
    n = side["needle"]
    return n if isinstance(n, list) else [n]

errors = []
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
meta = {r["doc_id"]: r for r in csv.DictReader(open(os.path.join(HERE, "meta.csv"), encoding="utf-8"))}
files = {f[:-4] for f in os.listdir(os.path.join(HERE, "articles")) if f.endswith(".txt")}
texts = {d: open(os.path.join(HERE, "articles", d + ".txt"), encoding="utf-8").read() for d in files}
ntexts = {d: norm(t) for d, t in texts.items()}

if set(meta) != files:
    errors.append(f"meta/articles mismatch: {sorted(set(meta) ^ files)}")
for d, r in meta.items():
    try: date.fromisoformat(r["published"])
    except ValueError: errors.append(f"{d}: bad date {r['published']}")
    if not re.fullmatch(r"[a-z]+_[a-z]+", d): errors.append(f"{d}: bad doc_id form")
for d, t in texts.items():
    n = len(t.split())
    if not 220 <= n <= 450: errors.append(f"{d}: {n} words")

stories = {s["story"]: s["docs"] for s in gold["stories"]}
for s, docs in stories.items():
    if len(docs) != 4: errors.append(f"story {s}: {len(docs)} docs")
    for d in docs:
        if d.split("_")[0] != s: errors.append(f"{d}: prefix != {s}")
        if d not in files: errors.append(f"{d}: missing article")
    dates = sorted(date.fromisoformat(meta[d]["published"]) for d in docs if d in meta)
    if dates and not 1 <= (dates[-1] - dates[0]).days + 1 <= 6:
        errors.append(f"story {s}: span of {(dates[-1]-dates[0]).days + 1} days")
if set(files) != {d for docs in stories.values() for d in docs}:
    errors.append("articles not all listed in stories")

KINDS = {"quantity", "date", "direction", "attribution", "place"}
def check_side(item, side, label):
    doc = side["doc"]
    if doc not in ntexts:
        errors.append(f"{item['id']} {label}: unknown doc {doc}"); return
    if doc.split("_")[0] != item["story"]:
        errors.append(f"{item['id']} {label}: doc {doc} not in story {item['story']}")
    for n in needles(side):
        words = [w for w in norm(n).split() if re.search(r"\w", w)]
        if not 3 <= len(words) <= 8: errors.append(f"{item['id']} {label}: needle has {len(words)} words: {n!r}")
        c = ntexts[doc].count(norm(n))
        if c != 1: errors.append(f"{item['id']} {label}: needle {n!r} found {c}x in {doc}")

ids = set()
for item in gold["discrepancies"] + gold["traps"]:
    if item["id"] in ids: errors.append(f"duplicate id {item['id']}")
    ids.add(item["id"])
    pairs = [item] + item.get("alt", [])
    for k, p in enumerate(pairs):
        check_side(item, p["a"], f"a{k}"); check_side(item, p["b"], f"b{k}")
for item in gold["discrepancies"]:
    if not item["kinds"] or not set(item["kinds"]) <= KINDS: errors.append(f"{item['id']}: bad kinds")
    if not item.get("note"): errors.append(f"{item['id']}: no note")
for item in gold["traps"]:
    if not item.get("why"): errors.append(f"{item['id']}: no why")
for s in stories:
    req = [x for x in gold["discrepancies"] if x["story"] == s and x["required"]]
    intra = [x for x in req if x["a"]["doc"] == x["b"]["doc"]]
    tr = [x for x in gold["traps"] if x["story"] == s]
    if len(req) < 4 or not intra or len(tr) < 6:
        errors.append(f"story {s}: {len(req)} required, {len(intra)} intra, {len(tr)} traps")

def sentence(doc, needle):
    t = ntexts[doc]; n = norm(needle); i = t.index(n)
    left = max(t.rfind(". ", 0, i), t.rfind("• ", 0, i), t.rfind("? ", 0, i), t.rfind("! ", 0, i))
    left = 0 if left < 0 else left + 2
    ends = [j for j in (t.find(". ", i + len(n)), t.find(" • ", i + len(n))) if j >= 0]
    right = min(ends) + 1 if ends else len(t)
    return t[left:right]

if errors:
    print("ERRORS:"); [print("  " + e) for e in errors]; sys.exit(1)
print(f"structure OK: {len(files)} articles, {len(stories)} stories, "
      f"{sum(x['required'] for x in gold['discrepancies'])} required, "
      f"{sum(not x['required'] for x in gold['discrepancies'])} optional, {len(gold['traps'])} traps")

fake = os.path.join(HERE, "fake.csv")
with open(fake, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f); w.writerow(["kind", "doc_a", "doc_b", "text_a", "text_b"])
    for x in gold["discrepancies"]:
        if x["required"]:
            a, b = x["a"], x["b"]
            w.writerow([x["kinds"][0], a["doc"], b["doc"], sentence(a["doc"], needles(a)[0]), sentence(b["doc"], needles(b)[0])])
try:
    r = subprocess.run([sys.executable, SCORER, os.path.join(HERE, "gold.json"), fake, "--show"], capture_output=True, text=True)
    print(r.stdout, r.stderr, end="")
finally:
    os.remove(fake)
sys.exit(0 if "recall 1.00" in r.stdout and "precision 1.00" in r.stdout else 1)

#!/usr/bin/env python3
"""Validate set13a: gold.json vs meta.csv and articles/, then score a fake report.

    python3 check.py
"""
import csv, datetime, json, os, re, subprocess, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
SCORER = "/work/shared/eval/score.py"

def norm(text):
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()

def sentences(raw):
    out = []
    for line in raw.split("\n"):
        out += [s for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    return out

errors = []
def err(msg):
    errors.append(msg); print("ERROR:", msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
meta = {r["doc_id"]: r for r in csv.DictReader(open(os.path.join(HERE, "meta.csv"), encoding="utf-8"))}
texts = {}
for doc in meta:
    p = os.path.join(HERE, "articles", doc + ".txt")
    if not os.path.exists(p):
        err(f"{doc}: in meta.csv but no article file")
        continue
    texts[doc] = open(p, encoding="utf-8").read()
for f in os.listdir(os.path.join(HERE, "articles")):
    if f[:-4] not in meta:
        err(f"articles/{f} not in meta.csv")

# stories
story_docs = {}
for st in gold["stories"]:
    s = st["story"]
    if len(st["docs"]) != 4 or len(set(st["docs"])) != 4:
        err(f"story {s}: needs 4 distinct docs")
    for d in st["docs"]:
        if d not in meta:
            err(f"story {s}: {d} not in meta.csv")
        if d.split("_", 1)[0] != s:
            err(f"story {s}: doc {d} has the wrong prefix")
        if not re.fullmatch(r"[a-z]+_[a-z]+", d):
            err(f"doc id {d} is not lowercase ascii story_outlet")
    dates = [datetime.date.fromisoformat(meta[d]["published"]) for d in st["docs"] if d in meta]
    span = (max(dates) - min(dates)).days
    if span > 6:
        err(f"story {s}: publication span {span} days")
    story_docs[s] = set(st["docs"])
    for d in st["docs"]:
        n = len(texts.get(d, "").split())
        if not 220 <= n <= 450:
            err(f"{d}: {n} words (want 220-450)")

def check_side(side, story, where):
    doc = side["doc"]
    if doc not in texts:
        err(f"{where}: doc {doc} missing"); return None
    if doc not in story_docs.get(story, ()):
        err(f"{where}: doc {doc} not in story {story}")
    ndl = side["needle"] if isinstance(side["needle"], list) else [side["needle"]]
    sent = None
    for n in ndl:
        words = n.split()
        if not 3 <= len(words) <= 8:
            err(f"{where}: needle {n!r} has {len(words)} words")
        c = norm(texts[doc]).count(norm(n))
        if c != 1:
            err(f"{where}: needle {n!r} occurs {c} times in {doc}")
        if n not in texts[doc]:
            err(f"{where}: needle {n!r} is not a verbatim substring of {doc}")
        hits = [s for s in sentences(texts[doc]) if norm(n) in norm(s)]
        if len(hits) != 1:
            err(f"{where}: needle {n!r} not inside a single sentence of {doc}")
        elif sent is None:
            sent = hits[0]
    return sent

KINDS = {"quantity", "date", "direction", "attribution", "place"}
ids = set()
for it in gold["discrepancies"] + gold["traps"]:
    if it["id"] in ids:
        err(f"duplicate id {it['id']}")
    ids.add(it["id"])
rows, trap_rows = [], []
for it in gold["discrepancies"]:
    if not set(it["kinds"]) <= KINDS or not it["kinds"]:
        err(f"{it['id']}: bad kinds {it['kinds']}")
    if not it.get("note"):
        err(f"{it['id']}: no note")
    sa = check_side(it["a"], it["story"], it["id"] + ".a")
    sb = check_side(it["b"], it["story"], it["id"] + ".b")
    for k, alt in enumerate(it.get("alt", [])):
        check_side(alt["a"], it["story"], f"{it['id']}.alt{k}.a")
        check_side(alt["b"], it["story"], f"{it['id']}.alt{k}.b")
    if it.get("required", True) and sa and sb:
        rows.append({"kind": it["kinds"][0], "doc_a": it["a"]["doc"], "doc_b": it["b"]["doc"], "text_a": sa, "text_b": sb})
for it in gold["traps"]:
    if not it.get("why"):
        err(f"{it['id']}: no why")
    sa = check_side(it["a"], it["story"], it["id"] + ".a")
    sb = check_side(it["b"], it["story"], it["id"] + ".b")
    if sa and sb:
        trap_rows.append({"kind": "quantity", "doc_a": it["a"]["doc"], "doc_b": it["b"]["doc"], "text_a": sa, "text_b": sb})

# per-story minimums
for s in story_docs:
    req = [d for d in gold["discrepancies"] if d["story"] == s and d.get("required", True)]
    intra = [d for d in req if d["a"]["doc"] == d["b"]["doc"]]
    traps = [t for t in gold["traps"] if t["story"] == s]
    kinds = {k for d in req for k in d["kinds"]}
    if len(req) < 4 or not intra or len(traps) < 6 or not {"quantity", "date", "direction"} <= kinds:
        err(f"story {s}: required={len(req)} intra={len(intra)} traps={len(traps)} kinds={sorted(kinds)}")

def write(path, rs):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["kind", "doc_a", "doc_b", "text_a", "text_b"])
        w.writeheader(); w.writerows(rs)

gold_path = os.path.join(HERE, "gold.json")
fake = os.path.join(HERE, "fake.csv")
write(fake, rows)
print(f"--- fake report with {len(rows)} rows (one per required discrepancy)")
out = subprocess.run([sys.executable, SCORER, gold_path, fake], capture_output=True, text=True)
print(out.stdout, out.stderr, end="")
os.remove(fake)
if "recall 1.00" not in out.stdout:
    err("fake report does not reach recall 1.00")

# sanity: every trap row is seen as a trap, not as a discrepancy
write(fake, trap_rows)
out = subprocess.run([sys.executable, SCORER, gold_path, fake], capture_output=True, text=True)
os.remove(fake)
m = re.search(r"trap hits \(false alarms\): (\d+)", out.stdout)
print(f"--- trap self-check: {m.group(1) if m else '?'} of {len(trap_rows)} trap rows counted as trap hits")
if not m or int(m.group(1)) != len(trap_rows):
    err("some trap rows overlap a discrepancy (or were not recognised)")

print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)

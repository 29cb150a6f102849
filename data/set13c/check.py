#!/usr/bin/env python3
"""Validate set13c: gold.json vs meta.csv and articles/, then score a fake report
built from the required discrepancies (must give recall 1.00)."""
import csv, json, os, re, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"quantity", "date", "direction", "attribution", "place"}

def norm(text):
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()

def sentences(raw):
    out = []
    for line in raw.split("\n"):
        line = line.strip()
        if not line:
            continue
        out += [s for s in re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«\"“0-9•\-])", line) if s.strip()]
    return out

errors = []
def err(msg):
    errors.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
meta = {r["doc_id"]: r for r in csv.DictReader(open(os.path.join(HERE, "meta.csv"), encoding="utf-8"))}
docs = {}
for fn in sorted(os.listdir(os.path.join(HERE, "articles"))):
    if fn.endswith(".txt"):
        docs[fn[:-4]] = open(os.path.join(HERE, "articles", fn), encoding="utf-8").read()

if set(docs) != set(meta):
    err(f"articles/meta mismatch: {sorted(set(docs) ^ set(meta))}")
for doc, r in meta.items():
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]):
        err(f"{doc}: bad date {r['published']}")
    n = len(docs.get(doc, "").split())
    if not 220 <= n <= 450:
        err(f"{doc}: {n} words (want 220-450)")

story_docs = {}
for s in gold["stories"]:
    story_docs[s["story"]] = s["docs"]
    if len(s["docs"]) != 4:
        err(f"story {s['story']}: {len(s['docs'])} docs")
    for d in s["docs"]:
        if d not in docs or d not in meta:
            err(f"story {s['story']}: missing doc {d}")
        if d.split("_", 1)[0] != s["story"]:
            err(f"{d}: prefix does not match story {s['story']}")
    dates = sorted(meta[d]["published"] for d in s["docs"] if d in meta)
    if dates:
        import datetime as dt
        span = (dt.date.fromisoformat(dates[-1]) - dt.date.fromisoformat(dates[0])).days + 1
        if not 1 <= span <= 6:
            err(f"story {s['story']}: spans {span} days")

def sentence_of(doc, needle):
    n = norm(needle)
    hits = [s for s in sentences(docs[doc]) if n in norm(s)]
    return hits[0] if len(hits) == 1 else None

def check_side(where, side, story):
    doc = side["doc"]
    if doc not in docs:
        err(f"{where}: unknown doc {doc}"); return
    if doc.split("_", 1)[0] != story:
        err(f"{where}: doc {doc} not in story {story}")
    for nd in ([side["needle"]] if isinstance(side["needle"], str) else side["needle"]):
        c = norm(docs[doc]).count(norm(nd))
        if c != 1:
            err(f"{where}: needle {nd!r} occurs {c}x in {doc}")
        words = [w for w in norm(nd).split() if re.search(r"\w", w)]
        if not 3 <= len(words) <= 8:
            err(f"{where}: needle {nd!r} has {len(words)} words")
        if c == 1 and sentence_of(doc, nd) is None:
            err(f"{where}: needle {nd!r} not inside one sentence of {doc}")

ids = set()
for kind, items in (("discrepancy", gold["discrepancies"]), ("trap", gold["traps"])):
    for it in items:
        if it["id"] in ids:
            err(f"duplicate id {it['id']}")
        ids.add(it["id"])
        if it["story"] not in story_docs:
            err(f"{it['id']}: unknown story")
        if kind == "discrepancy" and not set(it["kinds"]) <= KINDS:
            err(f"{it['id']}: bad kinds {it['kinds']}")
        for p in [it] + it.get("alt", []):
            check_side(it["id"] + ".a", p["a"], it["story"])
            check_side(it["id"] + ".b", p["b"], it["story"])

per_story = {}
for it in gold["discrepancies"]:
    per_story.setdefault(it["story"], [0, 0, 0])[0 if it["required"] else 1] += 1
for it in gold["traps"]:
    per_story.setdefault(it["story"], [0, 0, 0])[2] += 1
for s, (r, o, t) in per_story.items():
    print(f"{s:10s} required={r} optional={o} traps={t}")
    if r < 4 or t < 6:
        err(f"story {s}: needs >=4 required and >=6 traps")
for s in story_docs:
    intra = [d for d in gold["discrepancies"] if d["story"] == s and d["required"] and d["a"]["doc"] == d["b"]["doc"]]
    kinds = {k for d in gold["discrepancies"] if d["story"] == s and d["required"] for k in d["kinds"]}
    if not intra or not {"direction", "date", "quantity"} <= kinds:
        err(f"story {s}: missing intra-article / direction / date / quantity required item")

if errors:
    print("\n".join("ERROR " + e for e in errors))
    sys.exit(1)

fake = os.path.join(HERE, "fake.csv")
with open(fake, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["kind", "doc_a", "doc_b", "text_a", "text_b"])
    for it in gold["discrepancies"]:
        if it["required"]:
            w.writerow([it["kinds"][0], it["a"]["doc"], it["b"]["doc"],
                        sentence_of(it["a"]["doc"], it["a"]["needle"]), sentence_of(it["b"]["doc"], it["b"]["needle"])])
try:
    out = subprocess.run([sys.executable, "/work/shared/eval/score.py", os.path.join(HERE, "gold.json"), fake, "--show"],
                         capture_output=True, text=True)
    print(out.stdout, out.stderr, sep="")
finally:
    os.remove(fake)
ok = "recall 1.00" in out.stdout and "trap hits (false alarms): 0" in out.stdout
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)

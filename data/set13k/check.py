#!/usr/bin/env python3
"""Consistency checks for the set13k held-out set (standard library only).

    python check.py            # run from anywhere; paths are relative to this file

Checks:
  * meta.csv: exact header `doc_id,published,outlet`, ISO dates, unique lowercase
    ascii doc ids of the form <story>_<outlet>, non-empty outlet;
  * articles/: flat folder of <doc_id>.txt, UTF-8 without BOM, no CR; the set of files,
    the set of meta rows and the set of docs listed in gold.json "stories" are identical;
    250-600 words per article (whitespace split, U+00A0/U+202F count as spaces);
  * gold.json: top-level keys, story ids lowercase ascii, each doc's prefix before "_"
    names its story, publication span of a story's articles within 1-10 days;
    discrepancy ids / trap ids unique, kinds from the allowed set, required is a bool,
    note/why non-empty, optional `alt` pairs well formed;
  * every side (a, b and alt sides): doc belongs to the item's story, needle (or each
    needle of a list) is 5-60 characters and 3-8 words, occurs exactly once in its
    document as an exact substring, and exactly once after the normalisation used by
    score.py (NFKC, apostrophes, guillemets, whitespace, case);
  * the two sides of an item are not the same sentence needle; no pair is listed both as a
    discrepancy and as a trap; per story 5-6 required items and 8-12 traps.
Prints a counts table and "OK: no errors" when everything passes; exit status 1 otherwise.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ID_RE = re.compile(r"^[a-z0-9]+_[a-z0-9]+$")
STORY_RE = re.compile(r"^[a-z0-9]+$")
KINDS = {"quantity", "date", "direction", "attribution", "place"}
errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def norm(text: str) -> str:
    """Same normalisation as shared/eval/score.py."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def count_norm(hay: str, needle: str) -> int:
    h, n = norm(hay), norm(needle)
    return sum(1 for i in range(len(h)) if h.startswith(n, i)) if n else 0


# ---------------------------------------------------------------- meta.csv
meta: dict[str, tuple[dt.date, str]] = {}
meta_path = ROOT / "meta.csv"
if not meta_path.exists():
    err("meta.csv missing")
else:
    raw = meta_path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("meta.csv: starts with a BOM")
    lines = raw.decode("utf-8").splitlines()
    if not lines or lines[0] != "doc_id,published,outlet":
        err(f"meta.csv: header must be exactly 'doc_id,published,outlet', got {lines[0] if lines else ''!r}")
    with meta_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for n, row in enumerate(rows[1:], 2):
        if len(row) != 3:
            err(f"meta.csv line {n}: expected 3 fields, got {len(row)}")
            continue
        doc, pub, outlet = row
        if not ID_RE.match(doc):
            err(f"meta.csv line {n}: bad doc_id {doc!r} (lowercase ascii <story>_<outlet>)")
        if doc in meta:
            err(f"meta.csv line {n}: duplicate doc_id {doc}")
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
                raise ValueError
            d = dt.date.fromisoformat(pub)
        except ValueError:
            err(f"meta.csv line {n}: published {pub!r} is not an ISO date YYYY-MM-DD")
            d = None
        if not outlet.strip():
            err(f"meta.csv line {n}: empty outlet")
        meta[doc] = (d, outlet)

# ---------------------------------------------------------------- articles
texts: dict[str, str] = {}
art_dir = ROOT / "articles"
if not art_dir.is_dir():
    err("articles/ folder missing")
else:
    for p in sorted(art_dir.iterdir()):
        if p.is_dir():
            err(f"articles/{p.name}: sub-folders are not allowed (layout is flat)")
            continue
        if p.suffix != ".txt":
            err(f"articles/{p.name}: unexpected file (only .txt)")
            continue
        doc = p.stem
        if not ID_RE.match(doc):
            err(f"articles/{p.name}: bad file name (lowercase ascii <story>_<outlet>.txt)")
        raw = p.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"articles/{p.name}: starts with a BOM")
        if b"\r" in raw:
            err(f"articles/{p.name}: contains CR characters")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"articles/{p.name}: not UTF-8 ({e})")
            continue
        texts[doc] = text
        words = len(text.split())
        if not 250 <= words <= 600:
            err(f"articles/{p.name}: {words} words (must be 250-600)")

# ---------------------------------------------------------------- gold.json
gold_path = ROOT / "gold.json"
try:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    err(f"gold.json: cannot be read ({e})")
    gold = {}

for key in ("stories", "discrepancies", "traps"):
    if not isinstance(gold.get(key), list):
        err(f"gold.json: '{key}' must be a list")
stories = gold.get("stories", []) if isinstance(gold.get("stories"), list) else []
discs = gold.get("discrepancies", []) if isinstance(gold.get("discrepancies"), list) else []
traps = gold.get("traps", []) if isinstance(gold.get("traps"), list) else []

story_docs: dict[str, list[str]] = {}
for s in stories:
    sid = s.get("story")
    if not isinstance(sid, str) or not STORY_RE.match(sid):
        err(f"gold.json: bad story id {sid!r}")
        continue
    if sid in story_docs:
        err(f"gold.json: duplicate story {sid}")
    if not isinstance(s.get("title"), str) or not s["title"].strip():
        err(f"gold.json: story {sid} has no title")
    docs = s.get("docs")
    if not isinstance(docs, list) or not docs:
        err(f"gold.json: story {sid} has no docs")
        docs = []
    for d in docs:
        if not isinstance(d, str) or d.split("_", 1)[0] != sid:
            err(f"gold.json: doc {d!r} listed under story {sid} but its prefix does not name that story")
    if len(set(docs)) != len(docs):
        err(f"gold.json: story {sid} lists a doc twice")
    story_docs[sid] = list(docs)

gold_docs = [d for ds in story_docs.values() for d in ds]
if len(set(gold_docs)) != len(gold_docs):
    err("gold.json: a doc is listed under two stories")
set_meta, set_files, set_gold = set(meta), set(texts), set(gold_docs)
for name, a, b in (("meta.csv", set_meta, set_files), ("gold.json stories", set_gold, set_files)):
    for d in sorted(a - b):
        err(f"{name}: doc {d} has no article file")
    for d in sorted(b - a):
        err(f"articles/{d}.txt: not listed in {name}")
for d in sorted(set_meta - set_gold):
    err(f"meta.csv: doc {d} not listed in gold.json stories")
for d in sorted(set_files):
    prefix = d.split("_", 1)[0]
    if prefix not in story_docs:
        err(f"articles/{d}.txt: prefix {prefix!r} is not a story in gold.json")

for sid, docs in story_docs.items():
    dates = [meta[d][0] for d in docs if d in meta and meta[d][0]]
    if dates:
        span = (max(dates) - min(dates)).days
        if not 1 <= span <= 10:
            err(f"story {sid}: publication span is {span} days (must be 1-10)")


def check_needle(where: str, doc: str, needle) -> None:
    nl = [needle] if isinstance(needle, str) else needle
    if not isinstance(nl, list) or not nl or not all(isinstance(x, str) for x in nl):
        err(f"{where}: needle must be a string or a non-empty list of strings")
        return
    text = texts.get(doc)
    for n in nl:
        if not 5 <= len(n) <= 60:
            err(f"{where}: needle {n!r} has {len(n)} characters (must be 5-60)")
        w = len(n.split())
        if not 3 <= w <= 8:
            err(f"{where}: needle {n!r} has {w} words (must be 3-8)")
        if n != n.strip():
            err(f"{where}: needle {n!r} has leading/trailing spaces")
        if text is None:
            continue
        c = text.count(n)
        if c != 1:
            err(f"{where}: needle {n!r} occurs {c} times in {doc} (must be exactly once)")
        cn = count_norm(text, n)
        if c == 1 and cn != 1:
            err(f"{where}: needle {n!r} occurs {cn} times in {doc} after score.py normalisation")


def check_side(where: str, story: str, side) -> tuple[str, str] | None:
    if not isinstance(side, dict) or "doc" not in side or "needle" not in side:
        err(f"{where}: side must be an object with 'doc' and 'needle'")
        return None
    doc = side["doc"]
    if doc not in story_docs.get(story, []):
        err(f"{where}: doc {doc!r} is not a doc of story {story!r}")
    if not isinstance(doc, str) or doc.split("_", 1)[0] != story:
        err(f"{where}: doc {doc!r} prefix does not match story {story!r}")
    check_needle(where, doc, side["needle"])
    n = side["needle"]
    return (doc, n if isinstance(n, str) else "|".join(n))


def pair_key(a, b):
    return tuple(sorted([a, b])) if a and b else None


seen_ids: set[str] = set()
disc_pairs: dict[tuple, str] = {}
counts = {s: {"req": 0, "intra": 0, "opt": 0, "traps": 0} for s in story_docs}

for i, item in enumerate(discs):
    iid = item.get("id", f"#{i}")
    if not isinstance(iid, str) or not re.fullmatch(r"D\d+", iid):
        err(f"discrepancy {iid!r}: id must look like D<number>")
    if iid in seen_ids:
        err(f"duplicate id {iid}")
    seen_ids.add(iid)
    story = item.get("story")
    if story not in story_docs:
        err(f"{iid}: unknown story {story!r}")
        continue
    kinds = item.get("kinds")
    if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
        err(f"{iid}: kinds must be a non-empty list from {sorted(KINDS)}")
    if not isinstance(item.get("required"), bool):
        err(f"{iid}: 'required' must be true or false")
    if not isinstance(item.get("note"), str) or not item["note"].strip():
        err(f"{iid}: missing note")
    a = check_side(f"{iid}.a", story, item.get("a"))
    b = check_side(f"{iid}.b", story, item.get("b"))
    if a and b and a == b:
        err(f"{iid}: both sides are identical")
    k = pair_key(a, b)
    if k:
        if k in disc_pairs:
            err(f"{iid}: same pair as {disc_pairs[k]}")
        disc_pairs[k] = iid
    for j, alt in enumerate(item.get("alt", []) or []):
        if not isinstance(alt, dict):
            err(f"{iid}.alt[{j}]: must be an object with a and b")
            continue
        aa = check_side(f"{iid}.alt[{j}].a", story, alt.get("a"))
        ab = check_side(f"{iid}.alt[{j}].b", story, alt.get("b"))
        ka = pair_key(aa, ab)
        if ka:
            disc_pairs.setdefault(ka, iid)
    if "alt" in item and not isinstance(item["alt"], list):
        err(f"{iid}: alt must be a list")
    c = counts[story]
    if item.get("required") is True:
        c["req"] += 1
        if isinstance(item.get("a"), dict) and isinstance(item.get("b"), dict) and item["a"].get("doc") == item["b"].get("doc"):
            c["intra"] += 1
    else:
        c["opt"] += 1

for i, item in enumerate(traps):
    iid = item.get("id", f"#{i}")
    if not isinstance(iid, str) or not re.fullmatch(r"T\d+", iid):
        err(f"trap {iid!r}: id must look like T<number>")
    if iid in seen_ids:
        err(f"duplicate id {iid}")
    seen_ids.add(iid)
    story = item.get("story")
    if story not in story_docs:
        err(f"{iid}: unknown story {story!r}")
        continue
    if not isinstance(item.get("why"), str) or not item["why"].strip():
        err(f"{iid}: missing why")
    a = check_side(f"{iid}.a", story, item.get("a"))
    b = check_side(f"{iid}.b", story, item.get("b"))
    if a and b and a == b:
        err(f"{iid}: both sides are identical")
    k = pair_key(a, b)
    if k and k in disc_pairs:
        err(f"{iid}: same pair as discrepancy {disc_pairs[k]}")
    counts[story]["traps"] += 1

for sid, c in counts.items():
    if not 5 <= c["req"] <= 6:
        err(f"story {sid}: {c['req']} required discrepancies (must be 5-6)")
    if c["intra"] < 1:
        err(f"story {sid}: no required contradiction inside one article")
    if not 8 <= c["traps"] <= 12:
        err(f"story {sid}: {c['traps']} traps (must be 8-12)")

# ---------------------------------------------------------------- report
print(f"{'story':<10} {'docs':>4} {'required':>8} {'inside-one':>10} {'optional':>8} {'traps':>5}")
tot = {"docs": 0, "req": 0, "intra": 0, "opt": 0, "traps": 0}
for sid, c in counts.items():
    nd = len(story_docs[sid])
    print(f"{sid:<10} {nd:>4} {c['req']:>8} {c['intra']:>10} {c['opt']:>8} {c['traps']:>5}")
    tot["docs"] += nd
    for k in ("req", "intra", "opt", "traps"):
        tot[k] += c[k]
print(f"{'total':<10} {tot['docs']:>4} {tot['req']:>8} {tot['intra']:>10} {tot['opt']:>8} {tot['traps']:>5}")
for doc in sorted(texts):
    print(f"  {doc:<28} {len(texts[doc].split()):>4} words  {meta.get(doc, ('?', ''))[0]}")

if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("\nOK: no errors")

#!/usr/bin/env python3
"""Consistency check for this evaluation set (standard library only).

    python check.py [SET_DIR]

Checks: meta.csv header and ISO dates, lowercase ascii doc ids whose prefix
(before the first "_") names a story, articles/ vs meta.csv vs gold.json
stories, 250-600 words per article, publication span per story (1-10 days),
gold ids/kinds/stories/docs, needles (5-60 characters, 3-8 words, exactly
one occurrence in their document, including alt pairs), per-story counts
(5-6 required, 8-12 traps). Prints a counts table; exits 1 on any error.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
KINDS = {"quantity", "date", "direction", "attribution", "place"}
ID_RE = re.compile(r"^[a-z0-9]+_[a-z0-9]+$")
errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def load_meta() -> dict[str, tuple[dt.date, str]]:
    path = os.path.join(HERE, "meta.csv")
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != "doc_id,published,outlet":
        err(f"meta.csv: header must be exactly 'doc_id,published,outlet', got {lines[:1]!r}")
    meta = {}
    for row in csv.DictReader(lines):
        d = row.get("doc_id") or ""
        if d in meta:
            err(f"meta.csv: duplicate doc_id {d}")
        if not ID_RE.match(d):
            err(f"meta.csv: doc_id {d!r} is not lowercase ascii 'story_outlet'")
        try:
            day = dt.date.fromisoformat(row.get("published") or "")
            if day.isoformat() != row["published"]:
                raise ValueError
        except ValueError:
            err(f"meta.csv: {d}: published {row.get('published')!r} is not an ISO date")
            day = None
        if not (row.get("outlet") or "").strip():
            err(f"meta.csv: {d}: empty outlet")
        meta[d] = (day, row.get("outlet") or "")
    return meta


def main() -> int:
    meta = load_meta()
    art_dir = os.path.join(HERE, "articles")
    files = sorted(os.listdir(art_dir))
    texts = {}
    for fn in files:
        p = os.path.join(art_dir, fn)
        if os.path.isdir(p):
            err(f"articles/: unexpected sub-directory {fn} (layout must be flat)")
            continue
        if not fn.endswith(".txt"):
            err(f"articles/: unexpected file {fn}")
            continue
        with open(p, "rb") as f:
            raw = f.read()
        try:
            texts[fn[:-4]] = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"articles/{fn}: not UTF-8")
        if b"\r" in raw:
            err(f"articles/{fn}: contains CR characters")
    if set(texts) != set(meta):
        for d in sorted(set(texts) - set(meta)):
            err(f"{d}: article file not in meta.csv")
        for d in sorted(set(meta) - set(texts)):
            err(f"{d}: in meta.csv but no article file")

    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    for key in ("stories", "discrepancies", "traps"):
        if not isinstance(gold.get(key), list):
            err(f"gold.json: '{key}' must be a list")
            return report({}, {})
    story_docs: dict[str, list[str]] = {}
    for s in gold["stories"]:
        name = s.get("story", "")
        if not re.match(r"^[a-z0-9]+$", name):
            err(f"gold.json: story id {name!r} is not lowercase ascii")
        if not s.get("title"):
            err(f"gold.json: story {name}: missing title")
        if name in story_docs:
            err(f"gold.json: duplicate story {name}")
        story_docs[name] = list(s.get("docs", []))
        for d in s.get("docs", []):
            if d.split("_", 1)[0] != name:
                err(f"gold.json: doc {d} listed under story {name} but its prefix differs")
            if d not in meta:
                err(f"gold.json: doc {d} (story {name}) not in meta.csv")
    gold_docs = [d for ds in story_docs.values() for d in ds]
    if len(gold_docs) != len(set(gold_docs)):
        err("gold.json: a doc is listed in more than one story")
    if set(gold_docs) != set(meta):
        for d in sorted(set(meta) - set(gold_docs)):
            err(f"{d}: in meta.csv but in no gold story")
    for d in meta:
        if d.split("_", 1)[0] not in story_docs:
            err(f"{d}: prefix does not name a gold story")

    # words per article
    for d, t in sorted(texts.items()):
        n = len(t.split())
        if not 250 <= n <= 600:
            err(f"{d}: {n} words (must be 250-600)")

    # publication span per story
    for s, ds in story_docs.items():
        days = [meta[d][0] for d in ds if d in meta and meta[d][0]]
        if len(set(days)) < 2:
            err(f"story {s}: articles must be published on different days")
        elif (max(days) - min(days)).days > 10:
            err(f"story {s}: publication span {(max(days) - min(days)).days} days > 10")

    def check_side(where: str, story: str, side: dict) -> None:
        doc = side.get("doc")
        if doc not in story_docs.get(story, []):
            err(f"{where}: doc {doc!r} is not a doc of story {story}")
            return
        ns = side.get("needle")
        ns = [ns] if isinstance(ns, str) else (ns or [])
        if not ns:
            err(f"{where}: empty needle")
        for n in ns:
            if not 5 <= len(n) <= 60:
                err(f"{where}: needle {n!r} has {len(n)} characters (must be 5-60)")
            w = len(n.split())
            if not 3 <= w <= 8:
                err(f"{where}: needle {n!r} has {w} words (must be 3-8)")
            c = texts.get(doc, "").count(n)
            if c != 1:
                err(f"{where}: needle {n!r} occurs {c} times in {doc} (must be exactly 1)")

    ids = set()
    counts = {s: dict(required=0, inside=0, optional=0, traps=0) for s in story_docs}
    pairs = {}
    for item in gold["discrepancies"]:
        i = item.get("id", "?")
        if not re.match(r"^D\d+$", i) or i in ids:
            err(f"discrepancy id {i!r} malformed or duplicate")
        ids.add(i)
        s = item.get("story")
        if s not in story_docs:
            err(f"{i}: unknown story {s!r}")
            continue
        kinds = item.get("kinds")
        if not kinds or not isinstance(kinds, list) or not set(kinds) <= KINDS:
            err(f"{i}: bad kinds {kinds!r}")
        if not isinstance(item.get("required"), bool):
            err(f"{i}: 'required' must be true/false")
        if not item.get("note"):
            err(f"{i}: missing note")
        for k in ("a", "b"):
            check_side(f"{i}.{k}", s, item.get(k, {}))
        for j, alt in enumerate(item.get("alt", []) or []):
            for k in ("a", "b"):
                check_side(f"{i}.alt[{j}].{k}", s, alt.get(k, {}))
        if item.get("required"):
            counts[s]["required"] += 1
            if item["a"].get("doc") == item["b"].get("doc"):
                counts[s]["inside"] += 1
        else:
            counts[s]["optional"] += 1
        key = frozenset([(item["a"].get("doc"), str(item["a"].get("needle"))), (item["b"].get("doc"), str(item["b"].get("needle")))])
        pairs[key] = i
    for t in gold["traps"]:
        i = t.get("id", "?")
        if not re.match(r"^T\d+$", i) or i in ids:
            err(f"trap id {i!r} malformed or duplicate")
        ids.add(i)
        s = t.get("story")
        if s not in story_docs:
            err(f"{i}: unknown story {s!r}")
            continue
        if not t.get("why"):
            err(f"{i}: missing why")
        for k in ("a", "b"):
            check_side(f"{i}.{k}", s, t.get(k, {}))
        key = frozenset([(t["a"].get("doc"), str(t["a"].get("needle"))), (t["b"].get("doc"), str(t["b"].get("needle")))])
        if key in pairs:
            err(f"{i}: same pair as discrepancy {pairs[key]}")
        counts[s]["traps"] += 1
    for s, c in counts.items():
        if not 5 <= c["required"] <= 6:
            err(f"story {s}: {c['required']} required discrepancies (must be 5-6)")
        if c["inside"] < 1:
            err(f"story {s}: no required contradiction inside one article")
        if not 8 <= c["traps"] <= 12:
            err(f"story {s}: {c['traps']} traps (must be 8-12)")
    return report(counts, texts)


def report(counts: dict, texts: dict) -> int:
    if counts:
        print(f"{'story':<10} {'required':>8} {'inside':>7} {'optional':>9} {'traps':>6}")
        tot = dict(required=0, inside=0, optional=0, traps=0)
        for s, c in counts.items():
            print(f"{s:<10} {c['required']:>8} {c['inside']:>7} {c['optional']:>9} {c['traps']:>6}")
            for k in tot:
                tot[k] += c[k]
        print(f"{'total':<10} {tot['required']:>8} {tot['inside']:>7} {tot['optional']:>9} {tot['traps']:>6}")
        print(f"articles: {len(texts)}")
    for e in errors:
        print("ERROR:", e)
    print("OK: no error" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

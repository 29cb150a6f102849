#!/usr/bin/env python3
"""Consistency checks for the set13r held-out set (standard library only).

    python check.py            # run from anywhere; checks the folder this file sits in

Checks: README role line; meta.csv header, ids and ISO dates; article files vs
meta.csv vs gold.json stories; story prefixes; item ids and schema; kinds;
250-600 words per article; needles of 3-8 words and 5-60 characters, present
verbatim in their document and occurring exactly once after the normalisation
that ../../shared/eval/score.py applies. Prints every error; exit status 1 if any.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"quantity", "date", "direction", "attribution", "place"}
DOC_RE = re.compile(r"^[a-z0-9]+_[a-z0-9]+$")
STORY_RE = re.compile(r"^[a-z0-9]+$")
MIN_WORDS, MAX_WORDS = 250, 600
MAX_SPAN_DAYS = 10

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def norm(text: str) -> str:
    """Same normalisation as score.py."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def count_words(text: str) -> int:
    return len(unicodedata.normalize("NFKC", text).split())


def main() -> int:
    # README
    readme = os.path.join(HERE, "README.md")
    if not os.path.isfile(readme):
        err("README.md missing")
    else:
        lines = open(readme, encoding="utf-8").read().splitlines()
        if not lines or not lines[0].startswith("#"):
            err("README.md: first line must be the title")
        elif len(lines) < 2 or lines[1].strip() != "role: held-out":
            err("README.md: the line right after the title must be 'role: held-out'")

    # meta.csv
    meta: dict[str, dt.date] = {}
    with open(os.path.join(HERE, "meta.csv"), encoding="utf-8", newline="") as f:
        raw = f.read()
    first = raw.splitlines()[0] if raw else ""
    if first != "doc_id,published,outlet":
        err(f"meta.csv: header must be exactly 'doc_id,published,outlet', got {first!r}")
    outlets: dict[str, str] = {}
    for i, row in enumerate(csv.DictReader(raw.splitlines()), start=2):
        doc = row.get("doc_id", "")
        if not DOC_RE.match(doc):
            err(f"meta.csv line {i}: bad doc_id {doc!r} (lowercase ascii, one '_')")
        if doc in meta:
            err(f"meta.csv line {i}: duplicate doc_id {doc}")
        try:
            meta[doc] = dt.date.fromisoformat(row.get("published", ""))
        except ValueError:
            err(f"meta.csv line {i}: published {row.get('published')!r} is not an ISO date")
        if not (row.get("outlet") or "").strip():
            err(f"meta.csv line {i}: empty outlet")
        outlets[doc] = row.get("outlet", "")
    if len(set(outlets.values())) != len(outlets):
        err("meta.csv: two documents share an outlet name")

    # articles
    art_dir = os.path.join(HERE, "articles")
    files = {fn[:-4] for fn in os.listdir(art_dir) if fn.endswith(".txt")}
    others = [fn for fn in os.listdir(art_dir) if not fn.endswith(".txt")]
    if others:
        err(f"articles/: unexpected files {others}")
    texts: dict[str, str] = {}
    for doc in sorted(files):
        if not DOC_RE.match(doc):
            err(f"articles/{doc}.txt: bad file name")
        text = open(os.path.join(art_dir, doc + ".txt"), encoding="utf-8").read()
        texts[doc] = text
        n = count_words(text)
        if not MIN_WORDS <= n <= MAX_WORDS:
            err(f"articles/{doc}.txt: {n} words (must be {MIN_WORDS}-{MAX_WORDS})")
    if files != set(meta):
        err(f"files vs meta.csv: only files {sorted(files - set(meta))}, only meta {sorted(set(meta) - files)}")

    # gold.json
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    for key in ("stories", "discrepancies", "traps"):
        if not isinstance(gold.get(key), list):
            err(f"gold.json: '{key}' must be a list")
    story_docs: dict[str, list[str]] = {}
    for s in gold.get("stories", []):
        sid = s.get("story", "")
        if not STORY_RE.match(sid):
            err(f"gold.json stories: bad story id {sid!r}")
        if sid in story_docs:
            err(f"gold.json stories: duplicate story {sid}")
        if not s.get("title"):
            err(f"gold.json stories: {sid} has no title")
        story_docs[sid] = list(s.get("docs", []))
        for d in story_docs[sid]:
            if d.split("_")[0] != sid:
                err(f"gold.json stories: doc {d} does not carry the prefix of story {sid}")
        dates = [meta[d] for d in story_docs[sid] if d in meta]
        if dates and (max(dates) - min(dates)).days > MAX_SPAN_DAYS:
            err(f"story {sid}: publication span over {MAX_SPAN_DAYS} days")
        if dates and len(set(dates)) < 2:
            err(f"story {sid}: all articles published the same day")
    all_story_docs = [d for docs in story_docs.values() for d in docs]
    if len(all_story_docs) != len(set(all_story_docs)):
        err("gold.json stories: a document is listed twice")
    if set(all_story_docs) != set(meta):
        err(f"gold stories vs meta.csv: only gold {sorted(set(all_story_docs) - set(meta))}, "
            f"only meta {sorted(set(meta) - set(all_story_docs))}")
    for doc in meta:
        if doc.split("_")[0] not in story_docs:
            err(f"meta.csv: {doc} has a prefix that names no story")

    def check_side(where: str, story: str, side: dict) -> tuple[str, tuple[str, ...]]:
        doc = side.get("doc", "")
        if doc not in texts:
            err(f"{where}: unknown doc {doc!r}")
            return doc, ()
        if doc.split("_")[0] != story:
            err(f"{where}: doc {doc} is not in story {story}")
        raw_needles = side.get("needle")
        needles = [raw_needles] if isinstance(raw_needles, str) else raw_needles
        if not needles or not all(isinstance(n, str) for n in needles):
            err(f"{where}: needle must be a string or a list of strings")
            return doc, ()
        text_n = norm(texts[doc])
        for n in needles:
            if not 5 <= len(n) <= 60:
                err(f"{where}: needle {n!r} has {len(n)} characters (5-60)")
            words = len(unicodedata.normalize("NFKC", n).split())
            if not 3 <= words <= 8:
                err(f"{where}: needle {n!r} has {words} words (3-8)")
            if n not in texts[doc]:
                err(f"{where}: needle {n!r} is not a verbatim substring of {doc}")
            c = text_n.count(norm(n))
            if c != 1:
                err(f"{where}: needle {n!r} occurs {c} times in {doc} after normalisation (must be 1)")
        return doc, tuple(norm(n) for n in needles)

    seen_ids: set[str] = set()
    disc_pairs: set[frozenset] = set()
    for key, prefix in (("discrepancies", "D"), ("traps", "T")):
        for k, item in enumerate(gold.get(key, [])):
            iid = item.get("id", "")
            where = f"gold.json {key}[{k}] {iid}"
            if not re.match(rf"^{prefix}\d+$", iid):
                err(f"{where}: id must look like {prefix}<number>")
            if iid in seen_ids:
                err(f"{where}: duplicate id")
            seen_ids.add(iid)
            story = item.get("story", "")
            if story not in story_docs:
                err(f"{where}: unknown story {story!r}")
            pairs = [(item.get("a", {}), item.get("b", {}))]
            if key == "discrepancies":
                kinds = item.get("kinds")
                if not kinds or not isinstance(kinds, list) or not set(kinds) <= KINDS:
                    err(f"{where}: kinds {kinds!r} must be a non-empty list from {sorted(KINDS)}")
                if not isinstance(item.get("required"), bool):
                    err(f"{where}: 'required' must be true or false")
                if not item.get("note"):
                    err(f"{where}: missing note")
            else:
                if not item.get("why"):
                    err(f"{where}: missing why")
            pairs += [(p.get("a", {}), p.get("b", {})) for p in item.get("alt", [])]
            for a, b in pairs:
                sa = check_side(where + " a", story, a)
                sb = check_side(where + " b", story, b)
                if sa == sb:
                    err(f"{where}: both sides are the same needle in the same document")
                pair = frozenset([sa, sb])
                if key == "discrepancies":
                    disc_pairs.add(pair)
                elif pair in disc_pairs:
                    err(f"{where}: the same pair is also listed as a discrepancy")

    # summary
    counts: dict[str, list[int]] = {s: [0, 0, 0, 0] for s in story_docs}
    for d in gold.get("discrepancies", []):
        c = counts.get(d.get("story"))
        if c is None:
            continue
        if d.get("required"):
            c[0] += 1
            if d["a"].get("doc") == d["b"].get("doc"):
                c[1] += 1
        else:
            c[2] += 1
    for t in gold.get("traps", []):
        if t.get("story") in counts:
            counts[t["story"]][3] += 1
    print(f"{'story':<10} required  inside-one-article  optional  traps")
    for s, (r, i, o, t) in counts.items():
        print(f"{s:<10} {r:>8}  {i:>18}  {o:>8}  {t:>5}")
    for s, (r, i, o, t) in counts.items():
        if not 5 <= r <= 6:
            err(f"story {s}: {r} required discrepancies (5-6 wanted)")
        if i < 1:
            err(f"story {s}: no required contradiction inside one article")
        if not 8 <= t <= 12:
            err(f"story {s}: {t} traps (8-12 wanted)")

    for e in errors:
        print("ERROR:", e)
    if not errors:
        print(f"OK: {len(texts)} articles, {len(gold.get('discrepancies', []))} discrepancies, "
              f"{len(gold.get('traps', []))} traps")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

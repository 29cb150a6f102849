#!/usr/bin/env python3
"""Consistency check for the set13l held-out set (standard library only).

    python check.py            # run from anywhere; paths are relative to this file

Checks:
  - meta.csv: exact header `doc_id,published,outlet`, ISO dates, unique ids,
    lowercase ascii ids of the form <story>_<name>;
  - articles/: flat folder of <doc_id>.txt files, same set of ids as meta.csv
    and as the gold "stories" lists; each article 250-600 words;
  - gold.json: top-level keys, stories (story/title/docs), unique ids,
    discrepancy fields (id/story/kinds/required/a/b/note, optional alt),
    trap fields (id/story/a/b/why), known kinds, both sides in the item's story
    (story prefix of every doc id), no item pairs documents of different stories;
  - needles (also inside alt pairs, and list-valued needles): 5-60 characters,
    3-8 words, an exact substring of the raw article text, and occurring exactly
    once in the document after the normalisation score.py applies;
  - README.md: the line right after the title is `role: held-out`.
Prints every problem found, then a summary; exit status 1 on any error.
"""
from __future__ import annotations

import csv
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"quantity", "date", "direction", "attribution", "place"}
ID_RE = re.compile(r"^[a-z0-9]+_[a-z0-9]+$")
errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def norm(text: str) -> str:
    """Same normalisation as shared/eval/score.py."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def count_occurrences(hay: str, needle: str) -> int:
    n, start = 0, 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return n
        n += 1
        start = i + 1


def load_meta() -> dict[str, dict]:
    path = os.path.join(HERE, "meta.csv")
    with open(path, encoding="utf-8", newline="") as f:
        first = f.readline().rstrip("\r\n")
        if first != "doc_id,published,outlet":
            err(f"meta.csv: header is {first!r}, expected 'doc_id,published,outlet'")
        f.seek(0)
        rows = list(csv.DictReader(f))
    meta: dict[str, dict] = {}
    for r in rows:
        doc = r.get("doc_id", "")
        if doc in meta:
            err(f"meta.csv: duplicate doc_id {doc}")
        if not ID_RE.match(doc):
            err(f"meta.csv: doc_id {doc!r} is not lowercase ascii <story>_<name>")
        try:
            datetime.date.fromisoformat(r.get("published", ""))
        except ValueError:
            err(f"meta.csv: {doc}: published {r.get('published')!r} is not an ISO date")
        if not (r.get("outlet") or "").strip():
            err(f"meta.csv: {doc}: empty outlet")
        meta[doc] = r
    return meta


def load_articles() -> dict[str, str]:
    folder = os.path.join(HERE, "articles")
    texts: dict[str, str] = {}
    for name in sorted(os.listdir(folder)):
        full = os.path.join(folder, name)
        if os.path.isdir(full):
            err(f"articles/: unexpected sub-folder {name} (layout must be flat)")
            continue
        if not name.endswith(".txt"):
            err(f"articles/: unexpected file {name}")
            continue
        doc = name[:-4]
        if not ID_RE.match(doc):
            err(f"articles/{name}: id is not lowercase ascii <story>_<name>")
        with open(full, encoding="utf-8") as f:
            texts[doc] = f.read()
        words = len(texts[doc].split())
        if not 250 <= words <= 600:
            err(f"articles/{name}: {words} words (expected 250-600)")
    return texts


def check_side(where: str, side: dict, story: str, texts: dict[str, str], docs_of: dict[str, set]) -> str | None:
    if not isinstance(side, dict) or set(side) != {"doc", "needle"}:
        err(f"{where}: side must be an object with exactly 'doc' and 'needle'")
        return None
    doc = side["doc"]
    if doc not in texts:
        err(f"{where}: unknown doc {doc}")
        return doc
    if doc.split("_", 1)[0] != story or doc not in docs_of.get(story, set()):
        err(f"{where}: doc {doc} does not belong to story {story}")
    needles = side["needle"] if isinstance(side["needle"], list) else [side["needle"]]
    for nd in needles:
        if not isinstance(nd, str):
            err(f"{where}: needle {nd!r} is not a string")
            continue
        if not 5 <= len(nd) <= 60:
            err(f"{where}: needle {nd!r} has {len(nd)} characters (expected 5-60)")
        nw = len(norm(nd).split())
        if not 3 <= nw <= 8:
            err(f"{where}: needle {nd!r} has {nw} words (expected 3-8)")
        if nd not in texts[doc]:
            err(f"{where}: needle {nd!r} is not an exact substring of {doc}")
        c = count_occurrences(norm(texts[doc]), norm(nd))
        if c != 1:
            err(f"{where}: needle {nd!r} occurs {c} times in {doc} after normalisation (expected 1)")
    return doc


def check_pair(where: str, a: dict, b: dict, story: str, texts, docs_of) -> None:
    da = check_side(where + ".a", a, story, texts, docs_of)
    db = check_side(where + ".b", b, story, texts, docs_of)
    if da and db and da.split("_", 1)[0] != db.split("_", 1)[0]:
        err(f"{where}: pairs documents of different stories ({da}, {db})")


def main() -> int:
    meta = load_meta()
    texts = load_articles()
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    for key in ("stories", "discrepancies", "traps"):
        if key not in gold or not isinstance(gold[key], list):
            err(f"gold.json: missing list '{key}'")
            return report()

    docs_of: dict[str, set] = {}
    gold_docs: set[str] = set()
    for s in gold["stories"]:
        if set(s) != {"story", "title", "docs"}:
            err(f"gold.json: story entry {s.get('story')!r} must have story/title/docs")
        sid = s.get("story", "")
        if not re.match(r"^[a-z0-9]+$", sid):
            err(f"gold.json: story id {sid!r} is not lowercase ascii")
        if sid in docs_of:
            err(f"gold.json: duplicate story {sid}")
        docs_of[sid] = set(s.get("docs", []))
        for d in s.get("docs", []):
            if d.split("_", 1)[0] != sid:
                err(f"gold.json: doc {d} listed under story {sid} has another prefix")
            if d in gold_docs:
                err(f"gold.json: doc {d} listed twice")
            gold_docs.add(d)

    meta_docs, file_docs = set(meta), set(texts)
    for name, a, b in (("meta.csv", meta_docs, file_docs), ("gold stories", gold_docs, file_docs)):
        for d in sorted(a - b):
            err(f"{name}: {d} has no article file")
        for d in sorted(b - a):
            err(f"{name}: article {d} is missing there")
    for d in sorted(file_docs):
        if d.split("_", 1)[0] not in docs_of:
            err(f"articles/{d}.txt: story prefix {d.split('_', 1)[0]!r} is not a gold story")

    seen: set[str] = set()
    for item in gold["discrepancies"]:
        iid = item.get("id", "?")
        where = f"gold.json: {iid}"
        if not re.match(r"^D\d+$", iid):
            err(f"{where}: discrepancy id must look like D<n>")
        if iid in seen:
            err(f"{where}: duplicate id")
        seen.add(iid)
        missing = {"id", "story", "kinds", "required", "a", "b", "note"} - set(item)
        extra = set(item) - {"id", "story", "kinds", "required", "a", "b", "note", "alt"}
        if missing or extra:
            err(f"{where}: missing {sorted(missing)} / unexpected {sorted(extra)} fields")
            continue
        if item["story"] not in docs_of:
            err(f"{where}: unknown story {item['story']}")
            continue
        if not isinstance(item["required"], bool):
            err(f"{where}: 'required' must be true or false")
        if not item["kinds"] or not set(item["kinds"]) <= KINDS:
            err(f"{where}: kinds {item['kinds']} not within {sorted(KINDS)}")
        if not str(item["note"]).strip():
            err(f"{where}: empty note")
        check_pair(where, item["a"], item["b"], item["story"], texts, docs_of)
        for k, alt in enumerate(item.get("alt", [])):
            check_pair(f"{where}.alt[{k}]", alt.get("a"), alt.get("b"), item["story"], texts, docs_of)
    for item in gold["traps"]:
        iid = item.get("id", "?")
        where = f"gold.json: {iid}"
        if not re.match(r"^T\d+$", iid):
            err(f"{where}: trap id must look like T<n>")
        if iid in seen:
            err(f"{where}: duplicate id")
        seen.add(iid)
        if set(item) != {"id", "story", "a", "b", "why"}:
            err(f"{where}: trap must have exactly id/story/a/b/why")
            continue
        if item["story"] not in docs_of:
            err(f"{where}: unknown story {item['story']}")
            continue
        if not str(item["why"]).strip():
            err(f"{where}: empty why")
        check_pair(where, item["a"], item["b"], item["story"], texts, docs_of)

    # README: line right after the title
    try:
        with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
            lines = [ln.rstrip("\n") for ln in f]
        title = next((i for i, ln in enumerate(lines) if ln.startswith("# ")), None)
        if title is None or title + 1 >= len(lines) or lines[title + 1].strip() not in {"role: held-out", "role: tuning"}:
            err("README.md: the line right after the title must be 'role: held-out' or 'role: tuning'")
    except OSError:
        err("README.md: missing")

    # per-story summary
    print(f"{'story':<10} {'docs':>4} {'required':>8} {'intra':>5} {'optional':>8} {'traps':>5}")
    for sid in docs_of:
        ds = [d for d in gold["discrepancies"] if d.get("story") == sid]
        req = [d for d in ds if d.get("required") is True]
        intra = [d for d in req if d["a"]["doc"] == d["b"]["doc"]]
        opt = [d for d in ds if d.get("required") is False]
        tr = [t for t in gold["traps"] if t.get("story") == sid]
        print(f"{sid:<10} {len(docs_of[sid]):>4} {len(req):>8} {len(intra):>5} {len(opt):>8} {len(tr):>5}")
    return report()


def report() -> int:
    for e in errors:
        print("ERROR:", e)
    if errors:
        print(f"{len(errors)} error(s)")
        return 1
    print("check.py: OK, no error")
    return 0


if __name__ == "__main__":
    sys.exit(main())

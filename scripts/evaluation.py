"""Evaluation sets of the repository and how a report is scored against their gold files.

A set is a folder of `data/` holding `gold.json` (the format of ../shared/dev: discrepancies that
must be reported, traps that must not), `meta.csv` and its articles (in `articles/` or flat). The
scoring rules are those of the team's scorer (../shared/eval/score.py, standard library only),
copied here so that the project measures itself without ../shared: needles normalised alike (NFKC,
apostrophes, quotes, whitespace, case), a row matches an item when both sides contain their needles
(or those of one of its `alt` pairs) and its kind is one of the item's, precision counts rows matching
any gold discrepancy (required or optional), traps and unjudged rows count against it.

A set's README says its role on a line of its own: `role: tuning` (may be read and fitted on),
`role: held-out` (scored once, never read or fitted on) or `role: measure` (the default: scored,
never fitted on — the seeds).

Stories: the gold file's `stories` (else the doc-id prefix before the first "_"; a set without
prefixes is one story). Scores per story are what leave-one-story-out cross-validation needs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


# ------------------------------------------------------------------ scoring (as ../shared/eval/score.py)
def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ab", '"').replace("\u00bb", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def _needles(side: dict) -> list[str]:
    n = side["needle"]
    return [norm(x) for x in ([n] if isinstance(n, str) else n)]


def _side(side: dict, doc: str, text: str) -> bool:
    return side["doc"] == doc and any(n in norm(text) for n in _needles(side))


def _pair(a: dict, b: dict, row: dict) -> bool:
    return (_side(a, row["doc_a"], row["text_a"]) and _side(b, row["doc_b"], row["text_b"])) or (
        _side(a, row["doc_b"], row["text_b"]) and _side(b, row["doc_a"], row["text_a"]))


def row_matches(item: dict, row: dict) -> bool:
    return any(_pair(p["a"], p["b"], row) for p in [item] + item.get("alt", []))


@dataclass
class Score:
    rows: int = 0
    correct: int = 0
    required: int = 0
    found: set[str] = field(default_factory=set)
    traps: int = 0
    unjudged: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.rows + other.rows, self.correct + other.correct, self.required + other.required,
                     self.found | other.found, self.traps + other.traps, self.unjudged + other.unjudged)

    @property
    def recall(self) -> float:
        return len(self.found) / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.rows if self.rows else (1.0 if not self.required else 0.0)

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0


def score(gold: dict, rows: Iterable[dict], prefix: str = "") -> Score:
    """Score report rows (dicts with kind, doc_a, doc_b, text_a, text_b); `prefix` names the set
    so that item ids of several sets stay apart when scores are added."""
    items = gold.get("discrepancies", [])
    traps = gold.get("traps", [])
    s = Score(required=sum(1 for d in items if d.get("required", True)))
    required = {d["id"] for d in items if d.get("required", True)}
    for row in rows:
        s.rows += 1
        kind = (row.get("kind") or "").strip().casefold()
        hit = False
        for item in items:
            if row_matches(item, row) and kind in {x.casefold() for x in item["kinds"]}:
                hit = True
                if item["id"] in required:
                    s.found.add(prefix + item["id"])
        if hit:
            s.correct += 1
        elif any(row_matches(t, row) for t in traps):
            s.traps += 1
        elif not any(row_matches(item, row) for item in items):
            s.unjudged += 1
    return s


# ------------------------------------------------------------------------------------------ sets
@dataclass
class EvalSet:
    name: str
    folder: Path
    articles: Path
    meta: Path | None
    gold: dict
    note: str = ""

    def story_of(self) -> dict[str, str]:
        out = {}
        for st in self.gold.get("stories", []):
            for d in st["docs"]:
                out[d] = st["story"]
        return out

    def stories(self) -> list[str]:
        return sorted(set(self.story_of().values())) or [self.name]

    def sub_gold(self, story: str) -> dict:
        """The gold items of one story (items of a set without stories belong to its only one)."""
        if not self.gold.get("stories"):
            return self.gold
        keep = lambda item: item.get("story") == story  # noqa: E731
        return {**self.gold, "discrepancies": [d for d in self.gold["discrepancies"] if keep(d)],
                "traps": [t for t in self.gold.get("traps", []) if keep(t)]}

    def rows_of(self, rows: Sequence[dict], story: str) -> list[dict]:
        """Rows whose two documents are in the story; a row across stories counts for the story of doc_a."""
        if not self.gold.get("stories"):
            return list(rows)
        of = self.story_of()
        return [r for r in rows if of.get(r["doc_a"], "") == story]


def discover(root: Path = DATA) -> list[EvalSet]:
    """Every set of `data/` with a gold file, in name order."""
    out = []
    for gold_path in sorted(root.glob("*/gold.json")):
        folder = gold_path.parent
        articles = folder / "articles" if (folder / "articles").is_dir() else folder
        meta = folder / "meta.csv" if (folder / "meta.csv").exists() else None
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        readme = folder / "README.md"
        m = re.search(r"^role:\s*(tuning|held-out|measure)\b", readme.read_text(encoding="utf-8"), re.M) if readme.exists() else None
        role = m.group(1) if m else "measure"
        out.append(EvalSet(folder.name, folder, articles, meta, gold, role))
    return out


def report_rows(discrepancies: Iterable[object]) -> list[dict]:
    return [{"kind": d.kind, "doc_a": d.doc_a, "doc_b": d.doc_b, "text_a": d.text_a, "text_b": d.text_b}  # type: ignore[attr-defined]
            for d in discrepancies]


def load_claims(s: EvalSet, cache: object | None = None):  # type: ignore[no-untyped-def]
    """The claims of a set's articles and their publication dates (extraction runs once per set)."""
    from claimcheck import api, reading

    claims = api.extract([s.articles], s.meta, cache=cache)  # type: ignore[arg-type]
    meta = reading.read_meta(s.meta) if s.meta else {}
    docs = {c.doc_id for c in claims} | set(meta)
    published = {d: (meta.get(d, {}).get("published") or None) for d in docs}
    return claims, published


def story_scores(s: EvalSet, discrepancies: Iterable[object]) -> dict[str, Score]:
    rows = report_rows(discrepancies)
    return {st: score(s.sub_gold(st), s.rows_of(rows, st), prefix=f"{s.name}/") for st in s.stories()}

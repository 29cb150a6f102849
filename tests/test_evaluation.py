"""The evaluation sets of data/ keep their scores (floors in data/eval_floors.json), and the
in-repo scorer follows the team's scoring rules."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import evaluate  # noqa: E402
import evaluation  # noqa: E402

GOLD = {
    "stories": [{"story": "s", "docs": ["s_a", "s_b"]}],
    "discrepancies": [
        {"id": "D1", "story": "s", "kinds": ["quantity"], "required": True,
         "a": {"doc": "s_a", "needle": "120 morts"}, "b": {"doc": "s_b", "needle": "45 morts"}},
        {"id": "D2", "story": "s", "kinds": ["date"], "required": False,
         "a": {"doc": "s_a", "needle": "vendredi"}, "b": {"doc": "s_b", "needle": ["samedi", "dimanche"]}},
    ],
    "traps": [{"id": "T1", "story": "s", "a": {"doc": "s_a", "needle": "3 blessés"}, "b": {"doc": "s_b", "needle": "trois blessés"}}],
}


def row(kind: str, text_a: str, text_b: str, a: str = "s_a", b: str = "s_b") -> dict:
    return {"kind": kind, "doc_a": a, "doc_b": b, "text_a": text_a, "text_b": text_b}


def test_scorer_counts_found_traps_unjudged_and_optional():
    rows = [
        row("quantity", "Le séisme a fait 120\u00a0morts.", "On compte 45 morts."),
        row("quantity", "On compte 45 morts.", "Le séisme a fait 120 morts.", a="s_b", b="s_a"),  # crossed sides match too
        row("date", "vendredi soir", "dimanche matin"),  # optional: neither rewarded in recall nor punished
        row("quantity", "3 blessés", "trois blessés"),
        row("quantity", "autre chose", "encore autre chose"),
    ]
    s = evaluation.score(GOLD, rows)
    assert (s.rows, s.correct, s.required, s.found, s.traps, s.unjudged) == (5, 3, 1, {"D1"}, 1, 1)
    assert s.recall == 1.0 and s.precision == pytest.approx(0.6)


def test_a_row_of_the_wrong_kind_does_not_count():
    s = evaluation.score(GOLD, [row("date", "120 morts", "45 morts")])
    assert s.found == set() and s.correct == 0


def test_every_repository_set_is_discovered_with_a_role():
    sets = evaluation.discover()
    assert {"seeds", "eval", "eval2", "eval3"} <= {s.name for s in sets}
    assert all(s.note in {"tuning", "held-out", "measure"} for s in sets)
    assert {s.name: s.note for s in sets}["seeds"] == "measure"


def test_floors_name_existing_sets():
    floors = json.loads(evaluate.FLOORS.read_text(encoding="utf-8"))
    assert set(floors) <= {s.name for s in evaluation.discover()}


def test_every_set_stays_above_its_floor(nlp):
    # Held-out sets are scored once, at the end of a piece of work, never by the test suite.
    scores = evaluate.evaluate([s for s in evaluation.discover() if s.note != "held-out"])
    failures = evaluate.below_floors(scores, json.loads(evaluate.FLOORS.read_text(encoding="utf-8")))
    assert failures == []


@pytest.mark.parametrize("eval_set", evaluation.discover(), ids=lambda s: s.name)
def test_every_gold_file_points_into_its_set(eval_set):
    """Each item's documents exist (and are in meta.csv) and each needle lies in its document, as the
    scorer reads it: an item that cannot match would be a miss no code could fix. (This replaces
    the per-set check.py scripts the sets' authors wrote.)"""
    import csv as csv_mod

    texts = {p.stem: evaluation.norm(p.read_text(encoding="utf-8")) for p in eval_set.articles.glob("*.txt")}
    if eval_set.meta is not None:
        with open(eval_set.meta, encoding="utf-8", newline="") as f:
            assert set(texts) <= {row["doc_id"] for row in csv_mod.DictReader(f)}
    for story in eval_set.gold.get("stories", []):
        assert set(story["docs"]) <= set(texts), story["story"]
    problems = []
    for item in eval_set.gold.get("discrepancies", []) + eval_set.gold.get("traps", []):
        for pair in [item] + item.get("alt", []):
            for side in (pair["a"], pair["b"]):
                if side["doc"] not in texts:
                    problems.append(f"{item['id']}: no document {side['doc']}")
                elif not any(n in texts[side["doc"]] for n in evaluation._needles(side)):
                    problems.append(f"{item['id']}: needle {side['needle']!r} not in {side['doc']}")
    assert problems == []

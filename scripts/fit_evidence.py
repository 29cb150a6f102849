#!/usr/bin/env python3
"""Fit the thresholds of "same fact?" with leave-one-story-out cross-validation, and print each fold.

    python scripts/fit_evidence.py            # print the folds and the fitted thresholds
    python scripts/fit_evidence.py --write    # also write claimcheck/resources/evidence.json

Only the tuning sets of data/ are used (a README saying `role: held-out` keeps a set out). The
claims of every set are extracted once; for each candidate set of thresholds (across articles,
inside one article; for quantities and for dated events) the comparison is run on every story and scored against its gold file. For each
story in turn, the thresholds that do best on all the *other* stories are chosen and the held-out
story is scored with them: that figure, not the fit, is what the thresholds are worth on an unseen
story. The shipped thresholds are the best on all tuning stories. Objective: F-score weighting
precision twice as much as recall (beta 0.7: a tool that raises false alarms is not used), summed
over stories pooled as counts. Deterministic: grid order and ties are fixed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import ROOT, Score, discover, load_claims, report_rows, score  # noqa: E402

GRID_ACROSS = [round(0.5 + 0.25 * i, 2) for i in range(15)]  # 0.5 … 4.0
GRID_WITHIN = [round(0.5 + 0.5 * i, 2) for i in range(10)]  # 0.5 … 5.0
GRID_DATE = [round(0.5 + 0.5 * i, 2) for i in range(8)]  # 0.5 … 4.0
GRID_DATE_WITHIN = [round(1.0 + 1.0 * i, 2) for i in range(5)]  # 1.0 … 5.0
BETA = 0.7


def objective(s: Score) -> float:
    r, p = s.recall, s.precision
    b2 = BETA * BETA
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the fitted thresholds to resources/evidence.json")
    args = ap.parse_args()

    from claimcheck.cache import open_cache
    from claimcheck.compare import Options, Settings, compare

    cache, _ = open_cache()
    sets = [s for s in discover() if s.note == "tuning"]
    loaded = [(s, *load_claims(s, cache)) for s in sets]

    def rows_by_story(settings: Settings, parts: frozenset[str]) -> dict[tuple[str, str], list[dict]]:
        out = {}
        for s, claims, published in loaded:
            rows = report_rows(compare(claims, published, Options(parts=parts), settings=settings))
            for story in s.stories():
                out[(s.name, story)] = s.rows_of(rows, story)
        return out

    # Quantities (with flows, which no threshold changes) and dated events are linked apart: their
    # rows are computed once per pair of thresholds of their own, and every combination is scored.
    quantity_rows = {(t, tw): rows_by_story(Settings(t, tw, 1e9, 1e9), frozenset({"quantities", "flows"}))
                     for t in GRID_ACROSS for tw in GRID_WITHIN}
    date_rows = {(t, tw): rows_by_story(Settings(1e9, 1e9, t, tw), frozenset({"dates"}))
                 for t in GRID_DATE for tw in GRID_DATE_WITHIN}
    golds = {(s.name, story): s.sub_gold(story) for s, _, _ in loaded for story in s.stories()}
    table: dict[tuple[float, float, float, float], dict[tuple[str, str], Score]] = {}
    for gq, qrows in quantity_rows.items():
        for gd, drows in date_rows.items():
            table[(*gq, *gd)] = {key: score(golds[key], qrows[key] + drows[key], prefix=f"{key[0]}/") for key in golds}
    stories = sorted(golds)

    def pooled(cell: dict[tuple[str, str], Score], keep) -> Score:  # type: ignore[no-untyped-def]
        total = Score()
        for key, sc in cell.items():
            if keep(key):
                total = total + sc
        return total

    def best(keep) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
        # Ties go to the highest thresholds: the quietest tool among equally good ones.
        return max(table, key=lambda g: (round(objective(pooled(table[g], keep)), 6), *g))

    print(f"tuning sets: {', '.join(s.name for s in sets)}; {len(stories)} stories")
    print(f"{'held-out story':34} {'t / t_in / td / td_in':>22} {'rows':>5} {'req':>4} {'found':>5} {'recall':>7} {'prec':>6} {'traps':>5}")
    cv = Score()
    for held in stories:
        g = best(lambda key, held=held: key != held)
        sc = table[g][held]
        cv = cv + sc
        print(f"{held[0] + '/' + held[1]:34} {' / '.join(f'{x:g}' for x in g):>22} {sc.rows:5d} {sc.required:4d} {len(sc.found):5d}"
              f" {sc.recall:7.2f} {sc.precision:6.2f} {sc.traps:5d}")
    print(f"{'cross-validated (pooled)':34} {'':22} {cv.rows:5d} {cv.required:4d} {len(cv.found):5d} {cv.recall:7.2f}"
          f" {cv.precision:6.2f} {cv.traps:5d}")
    g = best(lambda key: True)
    fit = pooled(table[g], lambda key: True)
    print(f"fitted on all tuning stories: threshold {g[0]}, threshold_within {g[1]}, threshold_date {g[2]},"
          f" threshold_date_within {g[3]}"
          f" (in-sample recall {fit.recall:.2f}, precision {fit.precision:.2f}, traps {fit.traps})")
    if args.write:
        path = ROOT / "claimcheck" / "resources" / "evidence.json"
        data = {"threshold": g[0], "threshold_within": g[1], "threshold_date": g[2], "threshold_date_within": g[3],
                "fitted_by": "scripts/fit_evidence.py (leave-one-story-out CV on the tuning sets of data/)",
                "tuning_sets": [s.name for s in sets],
                "cross_validated": {"recall": round(cv.recall, 3), "precision": round(cv.precision, 3), "traps": cv.traps}}
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

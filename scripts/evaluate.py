#!/usr/bin/env python3
"""Score `diff` on every evaluation set of the repository, one table, and check the floors.

    python scripts/evaluate.py                       # every set of data/ with a gold.json
    python scripts/evaluate.py --shared ../shared    # also ../shared/dev, when it is there
    python scripts/evaluate.py --check               # exit 1 when a set falls below data/eval_floors.json
    python scripts/evaluate.py --held-out            # also the held-out sets (once, at the end)

Floors (data/eval_floors.json) sit a little below today's figures: a change that loses truth on a
set fails `make eval` and the test suite (tests/test_evaluation.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import DATA, EvalSet, Score, discover, load_claims, story_scores  # noqa: E402

FLOORS = DATA / "eval_floors.json"


def shared_sets(shared: Path) -> list[EvalSet]:
    out = []
    dev = shared / "dev"
    if (dev / "gold.json").exists():
        out.append(EvalSet("shared-dev", dev, dev / "articles", dev / "meta.csv", json.loads((dev / "gold.json").read_text("utf-8")), "measure"))
    return out


def evaluate(sets: list[EvalSet], cache: object | None = None) -> dict[str, Score]:
    from claimcheck.compare import compare

    out = {}
    for s in sets:
        claims, published = load_claims(s, cache)
        total = Score()
        for sc in story_scores(s, compare(claims, published)).values():
            total = total + sc
        out[s.name] = total
    return out


def below_floors(scores: dict[str, Score], floors: dict[str, dict[str, float]]) -> list[str]:
    failures = []
    for name, floor in floors.items():
        if name not in scores:
            continue
        sc = scores[name]
        if sc.recall < floor.get("recall", 0.0):
            failures.append(f"{name}: recall {sc.recall:.2f} below its floor {floor['recall']:.2f}")
        if sc.precision < floor.get("precision", 0.0):
            failures.append(f"{name}: precision {sc.precision:.2f} below its floor {floor['precision']:.2f}")
        if "max_traps" in floor and sc.traps > floor["max_traps"]:
            failures.append(f"{name}: {sc.traps} trap hits, more than {floor['max_traps']:g}")
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, help="the team's shared folder (adds its dev set when present)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a set is below its floor")
    ap.add_argument("--held-out", action="store_true",
                    help="also score the held-out sets (once, at the end of a piece of work: a score looked at"
                    " while working steers the work, and the set is held out no more)")
    args = ap.parse_args()
    from claimcheck.cache import open_cache

    sets = discover() + (shared_sets(args.shared) if args.shared else [])
    held = [s.name for s in sets if s.note == "held-out"]
    if not args.held_out:
        sets = [s for s in sets if s.note != "held-out"]
        if held:
            print(f"(held-out sets not scored: {', '.join(held)}; --held-out scores them)")
    cache, _ = open_cache()
    scores = evaluate(sets, cache)
    print(f"{'set':14} {'role':9} {'stories':>7} {'rows':>5} {'req':>4} {'found':>5} {'recall':>7} {'prec':>6} {'traps':>5} {'unjudged':>8}")
    total = Score()
    for s in sets:
        sc = scores[s.name]
        if s.note != "held-out":
            total = total + sc
        print(f"{s.name:14} {s.note:9} {len(s.stories()):7d} {sc.rows:5d} {sc.required:4d} {len(sc.found):5d} {sc.recall:7.2f}"
              f" {sc.precision:6.2f} {sc.traps:5d} {sc.unjudged:8d}")
    print(f"{'all but held-out':24} {'':>7} {total.rows:5d} {total.required:4d} {len(total.found):5d} {total.recall:7.2f}"
          f" {total.precision:6.2f} {total.traps:5d} {total.unjudged:8d}")
    if args.check:
        failures = below_floors(scores, json.loads(FLOORS.read_text("utf-8")))
        for f in failures:
            print(f"FLOOR: {f}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

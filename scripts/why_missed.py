#!/usr/bin/env python3
"""For each required discrepancy of a set that `diff` misses, say why: the claims found in each
side's needle sentence and, for each pair of them, what `claimcheck.compare.explain` says.

    python scripts/why_missed.py data/eval2            # every missed item
    python scripts/why_missed.py data/eval2 --traps    # also every trap that is hit

Only for tuning sets: reading why a held-out set is missed makes it a tuning set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import _needles, discover, load_claims, norm, report_rows, row_matches  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", type=Path)
    ap.add_argument("--traps", action="store_true")
    args = ap.parse_args()
    from claimcheck.cache import open_cache
    from claimcheck.compare import compare, explain

    (s,) = [x for x in discover(args.set.resolve().parent) if x.folder == args.set.resolve()]
    if s.note == "held-out":
        sys.exit(f"{s.name} is held out: its misses are not to be read")
    cache, _ = open_cache()
    claims, published = load_claims(s, cache)
    rows = report_rows(compare(claims, published))

    def side_claims(side: dict) -> list:
        return [c for c in claims if c.doc_id == side["doc"] and any(n in norm(c.sentence) for n in _needles(side))]

    items = [d for d in s.gold["discrepancies"] if d.get("required", True) and not any(row_matches(d, r) for r in rows)]
    if args.traps:
        items += [t for t in s.gold.get("traps", []) if any(row_matches(t, r) for r in rows)]
    for item in items:
        print(f"=== {item['id']} {item.get('kinds', 'TRAP')}: {item.get('note') or item.get('why')}")
        ca, cb = side_claims(item["a"]), side_claims(item["b"])
        if not ca or not cb:
            print(f"   no claim in {'a' if not ca else 'b'}'s sentence")
            continue
        for a in ca:
            for b in cb:
                if a.kind != b.kind or a.claim_id == b.claim_id:
                    continue
                e = explain(claims, published, a.claim_id, b.claim_id)
                print(f"   {a.text!r} ({a.unit or a.kind}) ~ {b.text!r} ({b.unit or b.kind}): {e.lines[-1]}")
                if e.evidence is not None and not e.evidence.veto and e.lines[-1] != e.evidence.words():
                    print(f"      {e.evidence.words()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

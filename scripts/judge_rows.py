#!/usr/bin/env python3
"""Every row of a `diff` report, judged: against a gold file, then against hand judgments.

    python scripts/judge_rows.py GOLD REPORT.csv [--judgments J.jsonl] [--show]

The real-text clusters of issue 18 (data/real/README.md) are judged row by row: a row that matches
a gold discrepancy is `real` (an `update` item: `update`, and right only when the row's kind is
`update`), one that matches a trap is `false`, and any other row is looked up in the hand
judgments (JSON Lines: doc_a, doc_b, value_a, value_b, kind, verdict real|update|false|neutral,
why), written by a person who read both sentences. Rows judged by nobody are listed as `unjudged`.
Prints the counts per story and in all, the share of false alarms, the real disagreements missed,
and for each running-total series of the gold which of its steps show as `update` rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluation import row_matches  # noqa: E402


def row_key(row: dict) -> tuple[str, str, str, str, str]:
    return (row["doc_a"], row["doc_b"], row.get("value_a", ""), row.get("value_b", ""), row["kind"])


def load_judgments(path: Path | None) -> dict[tuple[str, ...], dict]:
    out: dict[tuple[str, ...], dict] = {}
    if path and path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                key = (j["doc_a"], j["doc_b"], j.get("value_a", ""), j.get("value_b", ""), j["kind"])
                out[key] = j
                out[(key[1], key[0], key[3], key[2], key[4])] = j
    return out


def series_items(gold: dict) -> list[dict]:
    """Every two points of one running-total series, as update items (the gold lists consecutive
    steps; a row may pair any two points of the series: 296 → 2 012 is an update too)."""
    out = []
    for n, series in enumerate(gold.get("series", [])):
        points = series.get("points", [])
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                a, b = points[i], points[j]
                out.append({"id": f"S{n + 1}", "story": series.get("story"), "kinds": ["update"], "required": False,
                            "a": {"doc": a["doc"], "needle": a["needle"]}, "b": {"doc": b["doc"], "needle": b["needle"]}})
    return out


def judge(gold: dict, rows: list[dict], judgments: dict) -> list[tuple[dict, str, str]]:
    items = gold.get("discrepancies", []) + series_items(gold)
    traps = gold.get("traps", [])
    out = []
    for row in rows:
        hit = next((it for it in items if row_matches(it, row)), None)
        if hit is not None:
            is_update = "update" in hit["kinds"]
            if is_update:
                verdict = "update" if row["kind"] == "update" else "update-as-contradiction"
            else:
                verdict = "real" if row["kind"] in hit["kinds"] or row["kind"] != "update" else "real-as-update"
            out.append((row, verdict, hit["id"]))
            continue
        trap = next((t for t in traps if row_matches({**t, "kinds": []}, row)), None)
        if trap is not None:
            out.append((row, "false", trap["id"]))
            continue
        # A verdict is about the two facts, whatever the row's label: a pair judged as a quantity row
        # keeps its verdict when a later run labels it an update (and back).
        key = row_key(row)
        j = judgments.get(key) or judgments.get(key[:4] + ({"quantity": "update", "update": "quantity"}.get(key[4], key[4]),))
        verdict = j["verdict"] if j else "unjudged"
        if verdict == "update" and row["kind"] != "update":
            verdict = "update-as-contradiction"  # a running count that moved, reported as a disagreement
        out.append((row, verdict, ("hand: " + j.get("why", "")) if j else ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("report", type=Path)
    ap.add_argument("--judgments", type=Path)
    ap.add_argument("--show", action="store_true", help="print every row with its verdict")
    args = ap.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with args.report.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    judged = judge(gold, rows, load_judgments(args.judgments))
    story = lambda row: row["doc_a"].split("_", 1)[0]  # noqa: E731
    per: dict[str, Counter] = defaultdict(Counter)
    for row, verdict, _ in judged:
        per[story(row)][verdict] += 1
        per["total"][verdict] += 1
    names = ["real", "update", "neutral", "false", "update-as-contradiction", "real-as-update", "unjudged"]
    print(f"{'story':12} {'rows':>5} " + " ".join(f"{n:>8}" for n in ("real", "update", "neutral", "false", "upd→contr", "real→upd", "unjudged")) + "  false share")
    for st in sorted(per, key=lambda s: (s == "total", s)):
        c = per[st]
        n = sum(c.values())
        false = c["false"] + c["update-as-contradiction"]
        print(f"{st:12} {n:5d} " + " ".join(f"{c[x]:8d}" for x in names) + f"  {false / n if n else 0:.2f}")
    found = {ref for _, verdict, ref in judged if verdict in {"real", "real-as-update"}}
    required = [it for it in gold.get("discrepancies", []) if it.get("required", True) and "update" not in it["kinds"]]
    missed = [it for it in required if it["id"] not in found]
    print(f"\nreal disagreements (required): {len(required)}, found {len(required) - len(missed)}, missed {len(missed)}")
    for it in missed:
        print(f"  missed {it['id']} [{', '.join(it['kinds'])}] {it.get('note', '')[:110]}")
    print("\nrunning-total series (points whose figure an update row gives for that article):")
    for n, series in enumerate(gold.get("series", [])):
        points = series.get("points", [])
        updates = [row for row, verdict, _ in judged if verdict == "update" and row["kind"] == "update"]

        def figure(value: str) -> float | None:
            m = re.search(r"-?\d+(?:\.\d+)?", value or "")
            return float(m.group(0)) if m else None

        # A point shows when an update row gives that article's figure (whichever sentence states it).
        shown = sum(1 for p in points if any(
            (row["doc_a"] == p["doc"] and figure(row.get("value_a", "")) == float(p["value"]))
            or (row["doc_b"] == p["doc"] and figure(row.get("value_b", "")) == float(p["value"]))
            for row in updates))
        print(f"  S{n + 1} {series.get('story')}: {series.get('what', '')[:50]:50} {shown}/{len(points)} points")
    if args.show:
        for row, verdict, ref in judged:
            print(f"{verdict:10} {ref:8} [{row['kind']}] {row['doc_a']} {row.get('value_a', '')} <> {row['doc_b']} {row.get('value_b', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Fit "same fact?" — evidence weights and thresholds — with leave-one-story-out cross-validation.

    python scripts/fit_evidence.py            # print every fold, for hand weights and for learned ones
    python scripts/fit_evidence.py --write    # also write claimcheck/resources/evidence.json

Only the tuning sets of data/ are used (README `role: tuning`). The claims of every set are
extracted once. Two models of the score of a pair are compared:

- hand: the weights of the tables in claimcheck/compare/evidence.py, thresholds fitted;
- logistic: a logistic regression (scikit-learn, lbfgs, L2, deterministic) over the same feature
  strengths, one for quantities and one for dated events; the score of a pair is its logit;
- prior: the same regression given the hand score as one more input (features scaled down), so
  that it rescales the hand weights and corrects each only as far as the data insist;
- coord: the hand weights tuned one at a time (coordinate ascent: each weight tried at 0, half,
  one and a half and twice its value, kept when the objective of the training stories improves,
  two passes) with the thresholds fixed; it optimises what is scored (linking included) rather
  than a likelihood of pairs.

Training pairs are the candidate pairs `diff` scores (not vetoed) whose values disagree: a pair
that disagrees is a discrepancy when it matches one in the gold file (either sentence of an item or
of its `alt` pairs), and two different facts otherwise — the gold files list every discrepancy,
required or optional. Pairs that agree raise no alarm whatever their score and are left out.

For each story in turn, the model is fitted and its thresholds (across articles, inside one
article, for quantities and for dates) are chosen on all the *other* stories, then the held-out
story is scored with them by the full `compare` (linking included): that figure is what the model
is worth on an unseen story. The objective is an F-score weighting precision above recall
(beta 0.7), over the pooled counts. The model with the better cross-validated objective is written,
fitted on all tuning stories. Deterministic: fixed grid, fixed order, fixed solver.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import ROOT, Score, discover, load_claims, report_rows, row_matches, score  # noqa: E402

GRID = [round(-3.0 + 0.5 * i, 2) for i in range(15)]  # logit thresholds -3 … 4
GRID_HAND = [round(0.5 + 0.5 * i, 2) for i in range(12)]  # hand-weight thresholds 0.5 … 6
BETA = 0.7
C = 1.0
PRIOR_SCALE = 0.3


def objective(s: Score) -> float:
    r, p = s.recall, s.precision
    b2 = BETA * BETA
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def training_pairs(s, claims, published):  # type: ignore[no-untyped-def]
    """(story, table, strengths, label) of every disagreeing candidate pair of a set."""
    from claimcheck.compare import _prepare, quantities
    from claimcheck.compare import dates as dates_mod
    from claimcheck.compare.blocking import candidate_pairs, date_blocks
    from claimcheck.compare.evidence import DATE_FEATURES, FEATURES, date_veto, quantity_veto, strengths
    from claimcheck.compare.intervals import values_conflict
    from claimcheck.compare.keys import to_float
    from claimcheck.compare.settings import Options, Settings

    pool, ctx = _prepare(claims, published, Options(), Settings())
    of = s.story_of()
    items = s.gold.get("discrepancies", [])
    out = []

    def label(a, b, kind: str) -> int:  # type: ignore[no-untyped-def]
        row = {"doc_a": a.doc_id, "doc_b": b.doc_id, "text_a": a.sentence, "text_b": b.sentence}
        return int(any(kind in it["kinds"] and row_matches(it, row) for it in items))

    for block in quantities.prepare(pool, ctx).values():
        for a, b in candidate_pairs(block, ctx):
            if to_float(a.value) is None or to_float(b.value) is None or quantity_veto(a, b, ctx):
                continue
            if values_conflict(a, b, ctx.keys) is None:
                continue
            out.append((of.get(a.doc_id, s.name), "quantity", strengths(a, b, ctx, FEATURES), label(a, b, "quantity")))
    for block in date_blocks(pool, ctx).values():
        for a, b in candidate_pairs(block, ctx):
            if date_veto(a, b, ctx) or dates_mod.agree(a, b):
                continue
            out.append((of.get(a.doc_id, s.name), "date", strengths(a, b, ctx, DATE_FEATURES), label(a, b, "date")))
    return out


def fit_logistic(pairs, prior: bool = False) -> tuple[dict[str, dict[str, float]], dict[str, float]]:  # type: ignore[no-untyped-def]
    """One logistic regression per table. With `prior`, the hand-weighted score is one more input
    and the features enter scaled by PRIOR_SCALE: the regression rescales the hand weights and
    corrects each only as far as the data insist (L2 on a scaled input penalises its weight more)."""
    from sklearn.linear_model import LogisticRegression

    from claimcheck.compare.evidence import DATE_FEATURES, FEATURES

    hand = {"quantity": {f.name: f.weight for f in FEATURES}, "date": {f.name: f.weight for f in DATE_FEATURES}}
    weights, bias = {}, {}
    for table in ("quantity", "date"):
        rows = [(x, y) for _, t, x, y in pairs if t == table]
        # A feature that never varies among disagreeing pairs (the same figure) keeps its hand weight.
        names = sorted(n for n in (rows[0][0] if rows else {}) if len({x[n] for x, _ in rows}) > 1)
        if not rows or len({y for _, y in rows}) < 2:
            weights[table], bias[table] = {}, 0.0
            continue
        y = [y for _, y in rows]
        model = LogisticRegression(C=C, class_weight="balanced", solver="lbfgs", max_iter=5000)
        if prior:
            hw = hand[table]
            X = [[sum(hw[n] * v for n, v in x.items())] + [PRIOR_SCALE * x[n] for n in names] for x, _ in rows]
            model.fit(X, y)
            alpha, deltas = float(model.coef_[0][0]), model.coef_[0][1:]
            w = {n: alpha * hw[n] for n in hw}
            for n, d in zip(names, deltas):
                w[n] += PRIOR_SCALE * float(d)
            weights[table] = {n: round(v, 4) for n, v in w.items()}
        else:
            X = [[x[n] for n in names] for x, _ in rows]
            model.fit(X, y)
            weights[table] = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0])}
        bias[table] = round(float(model.intercept_[0]), 4)
    return weights, bias


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the chosen model to resources/evidence.json")
    ap.add_argument("--models", nargs="+", choices=["hand", "logistic", "prior", "coord"], default=["hand", "logistic", "prior"],
                    help="models to cross-validate (make eval: the shipped one only)")
    ap.add_argument("--model", choices=["best", "hand", "logistic", "prior", "coord"], default="best",
                    help="which model to write: the better in cross-validation (default), or the one named")
    args = ap.parse_args()

    from claimcheck.cache import open_cache
    from claimcheck.compare import Options, Settings, compare

    cache, _ = open_cache()
    sets = [s for s in discover() if s.note == "tuning"]
    loaded = [(s, *load_claims(s, cache)) for s in sets]
    keyed = [((s.name, p[0]), p) for s, claims, published in loaded for p in training_pairs(s, claims, published)]
    pairs = [p for _, p in keyed]
    golds = {(s.name, st): s.sub_gold(st) for s, _, _ in loaded for st in s.stories()}
    stories = sorted(golds)
    n_pos = sum(p[3] for p in pairs)
    print(f"tuning sets: {', '.join(s.name for s in sets)}; {len(stories)} stories;"
          f" {len(pairs)} disagreeing candidate pairs, {n_pos} of them gold discrepancies")

    def rows_by_story(settings, parts) -> dict[tuple[str, str], list[dict]]:  # type: ignore[no-untyped-def]
        out = {}
        for s, claims, published in loaded:
            rows = report_rows(compare(claims, published, Options(parts=frozenset(parts)), settings=settings))
            for st in s.stories():
                out[(s.name, st)] = s.rows_of(rows, st)
        return out

    def table(weights, bias, grid):  # type: ignore[no-untyped-def]
        """Scores per story for each (quantity threshold, date threshold); within = across."""
        q = {t: rows_by_story(Settings(t, t, 1e9, 1e9, weights=weights, bias=bias), {"quantities", "flows"}) for t in grid}
        d = {t: rows_by_story(Settings(1e9, 1e9, t, t, weights=weights, bias=bias), {"dates"}) for t in grid}
        return {(tq, td): {k: score(golds[k], q[tq][k] + d[td][k], prefix=f"{k[0]}/") for k in golds} for tq in grid for td in grid}

    def pooled(cell, keep) -> Score:  # type: ignore[no-untyped-def]
        total = Score()
        for k, sc in cell.items():
            if keep(k):
                total = total + sc
        return total

    def best(tab, keep):  # type: ignore[no-untyped-def]
        return max(tab, key=lambda g: (round(objective(pooled(tab[g], keep)), 6), *g))

    from claimcheck.compare.evidence import DATE_FEATURES, FEATURES

    hand_weights = {"quantity": {f.name: f.weight for f in FEATURES}, "date": {f.name: f.weight for f in DATE_FEATURES}}
    base_q, base_d = 3.5, 4.5

    def coord_fit(keep):  # type: ignore[no-untyped-def]
        """Coordinate ascent of the hand weights on the stories `keep` admits (thresholds fixed)."""
        w = {t: dict(v) for t, v in hand_weights.items()}

        def value(table: str) -> float:
            if table == "quantity":
                rows = rows_by_story(Settings(base_q, base_q, 1e9, 1e9, weights=w, bias={}), {"quantities", "flows"})
            else:
                rows = rows_by_story(Settings(1e9, 1e9, base_d, base_d, weights=w, bias={}), {"dates"})
            total = Score()
            for k2 in golds:
                if keep(k2):
                    total = total + score(golds[k2], rows[k2], prefix=f"{k2[0]}/")
            return objective(total)

        for table in ("quantity", "date"):
            best_v = value(table)
            for _ in range(2):
                improved = False
                for name in sorted(w[table]):
                    w0 = w[table][name]
                    for cand in sorted({0.0, round(w0 * 0.5, 3), round(w0 * 1.5, 3), round(w0 * 2.0, 3)} - {w0}):
                        w[table][name] = cand
                        v = value(table)
                        if v > best_v + 1e-6:
                            best_v, w0, improved = v, cand, True
                    w[table][name] = w0
                if not improved:
                    break
        changed = {t: {n: x for n, x in w[t].items() if x != hand_weights[t][n]} for t in w}
        return {t: {**hand_weights[t], **changed[t]} for t in w}, {}

    results = {}
    hand_table = table({}, {}, GRID_HAND)
    # 'best' picks by cross-validated objective; ties go to hand weights (fewest fitted numbers).
    for model in args.models:
        print(f"\n{model} weights — leave one story out")
        print(f"{'held-out story':30} {'t / t_date':>12} {'rows':>5} {'req':>4} {'found':>5} {'recall':>7} {'prec':>6} {'traps':>5}")
        cv = Score()
        for held in stories:
            keep = lambda k, held=held: k != held  # noqa: E731
            if model == "hand":
                tab = hand_table
            elif model == "coord":
                w, b = coord_fit(keep)
                tab = table(w, b, GRID_HAND)
            else:
                w, b = fit_logistic([p for k, p in keyed if k != held], prior=model == "prior")
                tab = table(w, b, GRID)
            g = best(tab, keep)
            sc = tab[g][held]
            cv = cv + sc
            print(f"{held[0] + '/' + held[1]:30} {g[0]:>5g} / {g[1]:<5g} {sc.rows:5d} {sc.required:4d} {len(sc.found):5d}"
                  f" {sc.recall:7.2f} {sc.precision:6.2f} {sc.traps:5d}")
        print(f"{'cross-validated (pooled)':30} {'':12} {cv.rows:5d} {cv.required:4d} {len(cv.found):5d} {cv.recall:7.2f}"
              f" {cv.precision:6.2f} {cv.traps:5d}   objective {objective(cv):.3f}")
        if model == "hand":
            w, b, tab = {}, {}, hand_table
        elif model == "coord":
            w, b = coord_fit(lambda k: True)
            tab = table(w, b, GRID_HAND)
        else:
            w, b = fit_logistic(pairs, prior=model == "prior")
            tab = table(w, b, GRID)
        g = best(tab, lambda k: True)
        results[model] = (objective(cv), cv, w, b, g, pooled(tab[g], lambda k: True))
    chosen = max(results, key=lambda m: (round(results[m][0], 6), m == "hand")) if args.model == "best" else args.model
    obj, cv, w, b, g, fit = results[chosen]
    others = ", ".join(f"{m} {results[m][0]:.3f}" for m in results if m != chosen)
    print(f"\nchosen: {chosen} (cross-validated objective {obj:.3f}; {others}); thresholds {g[0]:g} (quantities), {g[1]:g} (dates);"
          f" in-sample recall {fit.recall:.2f}, precision {fit.precision:.2f}, traps {fit.traps}")
    if args.write:
        path = ROOT / "claimcheck" / "resources" / "evidence.json"
        data = {
            "threshold": g[0], "threshold_within": g[0], "threshold_date": g[1], "threshold_date_within": g[1],
            "model": chosen, "weights": w, "bias": b,
            "fitted_by": "scripts/fit_evidence.py (leave-one-story-out cross-validation on the tuning sets of data/)",
            "tuning_sets": [s.name for s in sets],
            "cross_validated": {"recall": round(cv.recall, 3), "precision": round(cv.precision, 3), "traps": cv.traps,
                                "stories": len(stories)},
        }
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

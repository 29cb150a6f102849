"""Claims → discrepancies: which claims state the same fact, and where they disagree.

The package in the order data flows through it:

- `keys`       what each claim counts, what happened, compatibility of places, dates, sources
- `stories`    documents clustered into stories (different events never meet)
- `context`    what a run knows: stories, per-claim keys, word rarity inside each story
- `blocking`   blocks (story × what is counted / moved / dated) and their candidate pairs
- `evidence`   the table of evidence features and weights, the categorical vetoes, the score
- `linking`    one-to-one (competitive) linking of scored pairs
- `intervals`  a figure as an interval; when two figures disagree
- `quantities`, `flows`, `dates`, `quotes`  the conflicts of each kind of claim (quotes: the
               same words given to different speakers; relations: one act with its parties swapped;
               changes: one change of a figure told the other way round)
- `grouping`   conflicts → report rows, one per fact and pair of documents
- `wording`    explanations in words
- `settings`   user options and the calibrated thresholds (resources/evidence.json)

`compare()` runs it all; `explain()` says why two given claims were or were not compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimcheck.compare import changes, dates, flows, quantities, quotes, relations
from claimcheck.compare import context as context_mod
from claimcheck.compare import stories as stories_mod
from claimcheck.compare.evidence import Evidence, score
from claimcheck.compare.grouping import Conflict, group
from claimcheck.compare.keys import comparable
from claimcheck.compare.linking import UnionFind, link
from claimcheck.compare.settings import Options, Settings
from claimcheck.records import Claim, Discrepancy

__all__ = ["Options", "Settings", "compare", "explain", "Explanation"]


def _prepare(claims: Sequence[Claim], published: dict[str, str | None], options: Options, settings: Settings):
    pool = [c for c in claims if comparable(c, include_all=options.include_all)]
    ctx = context_mod.build(claims, pool, published, settings)
    return quantities.inherit_frames(pool, ctx), ctx


def compare(
    claims: Sequence[Claim], published: dict[str, str | None], options: Options | None = None, settings: Settings | None = None
) -> list[Discrepancy]:
    """Every discrepancy among the claims of a corpus, strongest first."""
    options = options or Options()
    pool, ctx = _prepare(claims, published, options, settings or Settings())
    facts = UnionFind()
    found: list[Conflict] = []
    if "quantities" in options.parts:
        found += quantities.conflicts(pool, ctx, facts, options)
    if "flows" in options.parts:
        found += flows.conflicts(pool, ctx)
    if "dates" in options.parts:
        found += dates.conflicts(pool, ctx)
    if "quotes" in options.parts:
        found += quotes.conflicts(pool, ctx)
    if "relations" in options.parts:
        found += relations.conflicts(pool, ctx)
    if "changes" in options.parts:
        found += changes.conflicts(pool, ctx)
    rows = group(found, facts)
    if not rows:
        return rows
    named = stories_mod.labels(claims, ctx.story, counted=ctx.story_words)
    return [replace(d, story=named.get(ctx.story.get(d.doc_a, -1), "")) for d in rows]


@dataclass(frozen=True, slots=True)
class Explanation:
    a: Claim
    b: Claim
    verdict: str
    evidence: Evidence | None
    lines: tuple[str, ...]

    def text(self) -> str:
        return "\n".join(self.lines)


def explain(
    claims: Sequence[Claim], published: dict[str, str | None], id_a: str, id_b: str,
    options: Options | None = None, settings: Settings | None = None,
) -> Explanation:
    """Why two claims (by claim id) were or were not compared, and what came of it.

    Raises KeyError naming an id that is not in the claims."""
    options = options or Options()
    settings = settings or Settings()
    pool, ctx = _prepare(claims, published, options, settings)
    by_id = {c.claim_id: c for c in pool}
    every = {c.claim_id: c for c in claims}
    for cid in (id_a, id_b):
        if cid not in every:
            raise KeyError(cid)
    a, b = every[id_a], every[id_b]
    lines = [f"A {a.claim_id} ({a.doc_id}, {a.section}): {a.text!r} — {a.sentence}",
             f"B {b.claim_id} ({b.doc_id}, {b.section}): {b.text!r} — {b.sentence}"]
    for c in (a, b):
        if c.claim_id not in by_id:
            return Explanation(a, b, "not compared", None, (*lines, f"not compared: {c.claim_id} is not compared ({c.section}, {c.modality})"))
    a, b = by_id[id_a], by_id[id_b]
    if ctx.story.get(a.doc_id) != ctx.story.get(b.doc_id):
        return Explanation(a, b, "not compared", None, (*lines, "not compared: the two articles are in different stories"))
    if a.kind == b.kind == "quantity":
        blocks, pairs_of, cuts, agree = quantities.prepare(pool, ctx), quantities.scored_pairs, (settings.threshold, settings.threshold_within), None
        ev = score(a, b, ctx)
        lines.append(f"counts: {ctx.keys.unit(a) or '?'} / {ctx.keys.unit(b) or '?'}")
    elif a.kind == b.kind == "date":
        from claimcheck.compare.blocking import date_blocks
        from claimcheck.compare.evidence import DATE_FEATURES, date_veto

        blocks, pairs_of, cuts, agree = date_blocks(pool, ctx), dates.scored_pairs, (settings.threshold_date, settings.threshold_date_within), dates.agree
        ev = score(a, b, ctx, features=DATE_FEATURES, veto=date_veto)
        lines.append(f"events: {';'.join(sorted(ctx.keys.events(a))) or '-'} / {';'.join(sorted(ctx.keys.events(b))) or '-'}")
    else:
        verdict = "not scored: evidence scores align two quantities or two dates; flows are compared by their endpoints"
        return Explanation(a, b, verdict, None, (*lines, verdict))
    lines.append(ev.words())
    if ev.veto:
        return Explanation(a, b, "vetoed", ev, tuple(lines))
    cut = cuts[1] if a.doc_id == b.doc_id else cuts[0]
    if ev.score < cut:
        verdict = f"not the same fact: score {ev.score:.2f} below the threshold {cut:.2f}"
        return Explanation(a, b, "below threshold", ev, (*lines, verdict))
    for block in blocks.values():
        ids = {c.claim_id for c in block}
        if id_a not in ids or id_b not in ids:
            continue
        if agree is None:
            agree = lambda x, y: quantities.values_conflict(x, y, ctx.keys) is None  # noqa: E731
        links = link(pairs_of(block, ctx), cuts[0], cuts[1], agree)
        same_fact = UnionFind()  # statements of one fact inside an article
        for lk in links:
            if lk.agree and lk.a.doc_id == lk.b.doc_id:
                same_fact.union(lk.a.claim_id, lk.b.claim_id)
        for lk in links:
            pairs = {frozenset((lk.a.claim_id, lk.b.claim_id))} | {frozenset((x.claim_id, y.claim_id)) for x, y, _ in lk.conflicting}
            if frozenset((id_a, id_b)) in pairs:
                verdict = "linked: same fact, values agree" if lk.agree else "linked: same fact, values disagree (reported)"
                return Explanation(a, b, verdict, ev, (*lines, verdict))
            ends = {same_fact.find(lk.a.claim_id), same_fact.find(lk.b.claim_id)}
            if lk.a.doc_id != lk.b.doc_id and ends == {same_fact.find(id_a), same_fact.find(id_b)}:
                how = "they agree" if lk.agree else "they disagree (reported)"
                verdict = (f"linked as facts: the fact of each claim (stated again in its article) was linked through"
                           f" {lk.a.claim_id}–{lk.b.claim_id} ({lk.evidence.score:.2f}); {how}")
                return Explanation(a, b, verdict, ev, (*lines, verdict))
        rivals = [lk for lk in links if {lk.a.claim_id, lk.b.claim_id} & {id_a, id_b}]
        said = "; ".join(f"{lk.a.claim_id}–{lk.b.claim_id} ({lk.evidence.score:.2f})" for lk in rivals) or "none"
        verdict = f"not linked: a better-scored counterpart took one of them ({said})"
        return Explanation(a, b, verdict, ev, (*lines, verdict))
    verdict = "not compared: the two claims are in different blocks (what they count or the event class differs)"
    return Explanation(a, b, verdict, ev, (*lines, verdict))

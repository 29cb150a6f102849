"""Flows (who or what went where) → conflicts: the same flow told in the opposite direction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from claimcheck.compare import keys as k
from claimcheck.compare import wording as w
from claimcheck.compare.blocking import candidate_pairs, flow_blocks, mover_key
from claimcheck.compare.context import Context, content_words
from claimcheck.compare.grouping import Conflict
from claimcheck.records import Claim


def reversed_flow(a: Claim, b: Claim) -> bool:
    """The same flow with origin and destination swapped (one side may leave its origin unsaid)."""
    ao, ad, bo, bd = k.split(a.origin), k.split(a.destination), k.split(b.origin), k.split(b.destination)
    a_all, b_all = ao | ad, bo | bd
    ao, ad, bo, bd = k.widen(ao, b_all), k.widen(ad, b_all), k.widen(bo, a_all), k.widen(bd, a_all)

    def one_way(xo: frozenset[str], xd: frozenset[str], yo: frozenset[str], yd: frozenset[str]) -> bool:
        return bool(xo & yd) and (bool(yo & xd) or not yo) and not (xd & yd) and not (xo & yo) and bool(xd or yo)

    return one_way(ao, ad, bo, bd) or one_way(bo, bd, ao, ad)


def same_count_other_way(a: Claim, b: Claim) -> bool:
    """One count said to leave a place and, in another article, to reach it, neither naming the
    other end ("La Russie a remis dix prisonniers aux Occidentaux" / "dix prisonniers ont été
    transférés vers la Russie"): the same figure, so the same flow, told the other way round. An
    exchange (ten one way, sixteen the other) gives two figures and stays quiet."""
    if a.kind != "quantity" or b.kind != "quantity" or a.value != b.value or a.unit != b.unit or a.doc_id == b.doc_id:
        return False
    ao, ad, bo, bd = k.split(a.origin), k.split(a.destination), k.split(b.origin), k.split(b.destination)
    return bool((ao and not ad and bd and not bo and ao & bd) or (bo and not bd and ad and not ao and bo & ad))


MIN_SHARED_WORDS = 3


def _movers_named_apart(pool: Sequence[Claim], ctx: Context) -> Iterator[tuple[Claim, Claim]]:
    """Flows of one story with both ends, whose movers are written in other words ("une fillette de
    4 ans" / "une petite fille de 4 ans"), when the two sentences share at least MIN_SHARED_WORDS
    content words beyond the places and the movers: what moved is then told alike."""
    by_story: dict[int, list[Claim]] = defaultdict(list)
    for c in pool:
        if c.kind != "date" and c.origin and c.destination and mover_key(c):
            by_story[ctx.story.get(c.doc_id, 0)].append(c)
    for block in by_story.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.doc_id == b.doc_id or mover_key(a) == mover_key(b):
                    continue
                ends = content_words(" ".join((a.origin, a.destination, b.origin, b.destination, a.object, b.object, a.text, b.text)))
                if len((content_words(a.sentence) & content_words(b.sentence)) - ends) >= MIN_SHARED_WORDS:
                    yield a, b


def conflicts(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    out = []
    blocks = [list(candidate_pairs(block, ctx)) for block in flow_blocks(pool, ctx).values()]
    blocks.append(list(_movers_named_apart(pool, ctx)))
    for pairs in blocks:
        for a, b in pairs:
            if a.doc_id == b.doc_id and a.sent_start == b.sent_start:
                continue
            if not (reversed_flow(a, b) or same_count_other_way(a, b)):
                continue
            if not k.dates_compatible(a, b, ctx.published)[0]:
                continue
            severity = 0.8 if "hedged" not in {a.modality, b.modality} else 0.6
            mover = mover_key(a)
            shown = (a.object if a.kind == "entity" and a.object[:1].isupper()
                     else a.text if a.kind == "quantity" and a.unit in k.MONEY else w.plural(mover))
            explanation = (
                f"{a.doc_id} says {shown} went {w.route(a)}; {b.doc_id} says {'it' if shown[:1].isupper() else 'they'}"
                f" went {w.route(b)} — the same flow in the opposite direction"
            )
            out.append(Conflict("direction", a, b, severity, explanation, f"{mover} · {w.route(a)}"))
    return out

"""Acts between two named parties → conflicts: the same act told with the roles swapped.

"Pogačar a battu Vingegaard" in one article, "Vingegaard a battu Pogačar" (or "Pogačar a été
battu par Vingegaard") in another: a relation is the agent's entity claim (`event` "relation",
`subject` the doer, `predicate` the verb, `object` the one it was done to; see
`claimcheck.roles.relations`). Two relations of one story with the same verb and the two
parties swapped (or verbs of one class of the lexicon, "battre" / "devancer") are a `direction` conflict, unless either article also tells the act the other's way
round, or the two are dated apart (a return match).

Ways ("du tunnel Henri-IV jusqu'aux Tuileries", `event` "route", `origin`/`destination`) told the
other way round by another article of the story are `direction` conflicts too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from claimcheck import lexicon as lexicon_mod
from claimcheck.compare import keys as k
from claimcheck.compare.context import Context, content_words
from claimcheck.compare.grouping import Conflict
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim


def is_relation(claim: Claim) -> bool:
    return claim.kind == "entity" and claim.event == "relation" and bool(claim.subject and claim.object and claim.predicate)


def same_party(x: str, y: str) -> bool:
    """One party named alike, one name ending with the other ("Pogačar" / "Tadej Pogačar"), or one
    the initials of the other ("IDFM" / "Île-de-France Mobilités")."""
    fx, fy = ent_mod.fold(x), ent_mod.fold(y)
    if not (fx and fy):
        return False
    return fx == fy or fx.endswith(" " + fy) or fy.endswith(" " + fx) or ent_mod.is_acronym_of(x, y) or ent_mod.is_acronym_of(y, x)


def swapped(a: Claim, b: Claim) -> bool:
    return (same_party(a.subject, b.object) and same_party(a.object, b.subject)
            and not same_party(a.subject, b.subject))


def oriented(a: Claim, b: Claim) -> bool:
    return same_party(a.subject, b.subject) and same_party(a.object, b.object)


def is_route(claim: Claim) -> bool:
    return claim.kind == "entity" and claim.event == "route" and bool(claim.origin and claim.destination)


def conflicts(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    return _acts(pool, ctx) + _routes(pool, ctx)


def _routes(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    """A way from P to Q in one article, from Q to P in another of the story, the two sentences
    sharing a word beyond the places (what goes along it: "les quais hauts", "transférés")."""
    by_story: dict[int, list[Claim]] = defaultdict(list)
    for c in pool:
        if is_route(c):
            by_story[ctx.story.get(c.doc_id, 0)].append(c)
    out: list[Conflict] = []
    for block in by_story.values():
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in block:
            by_doc[c.doc_id].append(c)
        reported: set[tuple[str, str]] = set()
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.doc_id == b.doc_id or (a.doc_id, b.doc_id) in reported:
                    continue
                if not (same_party(a.origin, b.destination) and same_party(a.destination, b.origin)):
                    continue
                if not k.dates_compatible(a, b, ctx.published)[0]:
                    continue
                ends = content_words(" ".join((a.origin, a.destination, b.origin, b.destination)))
                if not (content_words(a.sentence) & content_words(b.sentence)) - ends:
                    continue
                if any(same_party(x.origin, b.origin) and same_party(x.destination, b.destination) for x in by_doc[a.doc_id]) or any(
                        same_party(a.origin, y.origin) and same_party(a.destination, y.destination) for y in by_doc[b.doc_id]):
                    continue
                reported.add((a.doc_id, b.doc_id))
                explanation = (f"{a.doc_id} says the way goes from {a.origin} to {a.destination}; {b.doc_id} says from"
                               f" {b.origin} to {b.destination} — the same way in the opposite direction")
                out.append(Conflict("direction", a, b, 0.6, explanation, f"route · {a.origin} → {a.destination}"))
    return out


def _acts(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    lex = lexicon_mod.load()
    blocks: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in pool:
        if is_relation(c):
            # One verb, or verbs of one class of the lexicon ("battre" / "devancer": defeat).
            for key in {c.predicate} | set(lex.event_classes(c.predicate)):
                blocks[(ctx.story.get(c.doc_id, 0), key)].append(c)
    out: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    for block in blocks.values():
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in block:
            by_doc[c.doc_id].append(c)
        reported: set[tuple[str, str]] = set()
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.doc_id == b.doc_id or not swapped(a, b) or (a.doc_id, b.doc_id) in reported or (a.claim_id, b.claim_id) in seen:
                    continue
                if not k.dates_compatible(a, b, ctx.published)[0]:
                    continue
                # Either article telling the act the other's way round too, at a compatible moment: both
                # orders are told (a final won by one, a semi-final of May won by the other are two acts).
                if any(oriented(x, b) and k.dates_compatible(x, b, ctx.published)[0] for x in by_doc[a.doc_id]) or any(
                        oriented(a, y) and k.dates_compatible(a, y, ctx.published)[0] for y in by_doc[b.doc_id]):
                    continue
                reported.add((a.doc_id, b.doc_id))
                seen.add((a.claim_id, b.claim_id))
                explanation = (f"{a.doc_id} says {a.subject} {a.predicate} {a.object}; {b.doc_id} says {b.subject}"
                               f" {b.predicate} {b.object} — the same act with the roles reversed")
                out.append(Conflict("direction", a, b, 0.7, explanation, f"{a.predicate} · {a.subject} / {a.object}"))
    return out

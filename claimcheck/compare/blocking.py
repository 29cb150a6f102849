"""Blocks of claims that may state one fact, and the candidate pairs drawn from them.

Claims are blocked by story and by what they count (quantities), what moves (flows) or the class of
event (dates), so the work grows with the size of the blocks, never with all pairs of a corpus.
Inside a large block, pairs are drawn only between claims that share something a scored pair
could rest on (a place, a date, a source, an endpoint, a holder, a figure, a rare word).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from claimcheck import lexicon as lexicon_mod
from claimcheck.compare import keys as k
from claimcheck.compare.context import Context, sentence_words
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim

# A block this small is compared pair by pair.
SMALL_BLOCK = 40
# An anchor value shared by more claims than this ties nothing down (a country named in every
# article of a large story): pairs are not drawn from it. 60, not 300: a story of hundreds of
# articles (1 000 synthetic articles drawn from three stories) drew 3.4 million pairs through
# words every one of its sentences shares (diff 90 s → 21 s); no tuning, dev or real-text pair
# depends on a bucket that large.
MAX_BUCKET = 60
# Rarest words of a sentence used as anchors in large blocks.
ANCHOR_WORDS = 3


def quantity_blocks(claims: Iterable[Claim], ctx: Context) -> dict[tuple[int, str], list[Claim]]:
    blocks: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "quantity" or c.aspect == "forecast":
            continue
        key = ctx.keys.unit(c)
        if not key:
            continue
        group = "personne" if key in k.HUMAN_UNITS else key
        blocks[(ctx.story.get(c.doc_id, 0), group)].append(c)
    return blocks


def mover_key(claim: Claim) -> str:
    lex = lexicon_mod.load()
    if claim.kind == "quantity":
        return lex.unit_group(claim.unit) if claim.unit else ""
    return lex.unit_group((claim.object or claim.value).lower())


def flow_blocks(claims: Iterable[Claim], ctx: Context) -> dict[tuple[int, str], list[Claim]]:
    blocks: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if not (c.origin or c.destination) or c.kind == "date":
            continue
        key = mover_key(c)
        if key:
            blocks[(ctx.story.get(c.doc_id, 0), key)].append(c)
    return blocks


def date_blocks(claims: Iterable[Claim], ctx: Context) -> dict[tuple[int, str], list[Claim]]:
    """Dated claims by story: the class of event is evidence (shared or another), not a block,
    since many one-off events (a derailment, a general meeting, a vote) have no class of the lexicon.
    Dates of reporting verbs only, and dates with no verb (datelines), are left out."""
    blocks: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        # The date of a statement ("a indiqué mardi") is not the date of an event.
        # A date with no verb at all (a dateline: "L'Éco de Lyon — jeudi 6 mars 2025 — par …") dates nothing.
        # A clock time ("à 23h11") says when in a day, not which day: not compared with dates.
        if c.kind == "date" and c.unit != "time" and ctx.keys.events(c) != {"announce"} and (c.predicate or c.event) and not _count_date(c):
            blocks[(ctx.story.get(c.doc_id, 0), "date")].append(c)
    return blocks


def _count_date(c: Claim) -> bool:
    """The date a count was given, not of the event counted: "un nouveau bilan rendu public samedi
    soir", "il fait état de 14 morts ce dimanche matin" (lexicon section `count`, "faire état")."""
    lex = lexicon_mod.load()
    return c.predicate in lex.count_nouns or (c.predicate == "faire" and c.object == "état")


def candidate_pairs(block: Sequence[Claim], ctx: Context) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of a small block; in a large one, pairs that share an anchor value."""
    if len(block) <= SMALL_BLOCK:
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                yield block[i], block[j]
        return
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, c in enumerate(block):
        for key in anchor_keys(c, ctx):
            buckets[key].append(i)
    seen: set[tuple[int, int]] = set()
    for key, members in buckets.items():
        if key[0] != "doc" and len(members) > MAX_BUCKET:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    yield block[pair[0]], block[pair[1]]


def anchor_keys(c: Claim, ctx: Context) -> Iterator[tuple[str, ...]]:
    yield ("doc", c.doc_id)
    for p in k.split(c.place):
        yield ("place", p)
    if c.event_date:
        start = k.start_of_open(c.event_date)
        yield ("date", start[:7])  # the month, and the year: overlapping dates share one of them
        yield ("date", start[:4])
    if c.source:
        yield ("source", k.source_key(c))
    for x in k.split(c.origin) | k.split(c.destination):
        yield ("flow", x)
    if c.subject:
        yield ("subject", ent_mod.fold(c.subject))
    for e in k.split(c.entities) if c.kind == "date" else ():
        yield ("entity", e)
    if c.value:
        yield ("value", c.value)
    for unit, value in ctx.figures.get((c.doc_id, c.sent_start), ()):
        yield ("figure", unit, value)
    idf = ctx.idf.get(ctx.story.get(c.doc_id, 0), {})
    for w in sorted(sentence_words(c, ctx.keys), key=lambda w: (-idf.get(w, 0.0), w))[:ANCHOR_WORDS]:
        yield ("word", w)

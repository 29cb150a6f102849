"""Changes of a figure (from one value to another) → conflicts: the same change told the other way.

"Le taux a été relevé de 7,5 % à 7,6 %" in one article, "ramené de 7,6 % à 7,5 %" in another of
the story: the two articles give the same two values of one kind, in opposite orders. A change is
read from the figures of one sentence — "de X à Y", written as one range claim ("de 7,5 % à
7,6 %") or as two claims with only "à" between them ("de 86,40 euros à 88,80 euros"). Either
article also telling the change the other's way round (a rise then a fall) raises nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.compare.context import Context
from claimcheck.compare.grouping import Conflict
from claimcheck.compare.keys import to_float
from claimcheck.records import Claim

_FROM = re.compile(r"(?:^|\s)d(?:e|['’])\s*$", re.I)
_TO = re.compile(r"\s*(?:à|a|jusqu['’]à)\s*", re.I)
_RANGE_TEXT = re.compile(r"^d(?:e|['’])\s*", re.I)


@dataclass(frozen=True, slots=True)
class Change:
    start: Claim  # the claim of the value it went from
    end: Claim  # the claim of the value it went to (the same claim for a range "de X à Y")
    unit: str
    before: float
    after: float


def changes(pool: Sequence[Claim], ctx: Context) -> list[Change]:
    """Every "de X à Y" of the figures of one kind in a sentence."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    out = []
    for c in pool:
        if c.kind != "quantity":
            continue
        unit = ctx.keys.unit(c)
        if "/" in c.value and _RANGE_TEXT.match(c.text):
            low, _, high = c.value.partition("/")
            va, vb = to_float(low), to_float(high)
            if unit and va is not None and vb is not None and va != vb:
                out.append(Change(c, c, unit, va, vb))
        elif to_float(c.value) is not None and unit:
            by_sentence[(c.doc_id, c.sent_start)].append(c)
    for claims in by_sentence.values():
        claims.sort(key=lambda c: c.start)
        for a, b in zip(claims, claims[1:]):
            if ctx.keys.unit(a) != ctx.keys.unit(b):
                continue
            before = a.sentence[:max(0, a.start - a.sent_start)]
            gap = a.sentence[a.end - a.sent_start:b.start - b.sent_start]
            va, vb = to_float(a.value), to_float(b.value)
            if (_FROM.search(before) or _RANGE_TEXT.match(a.text)) and _TO.fullmatch(gap) and va is not None and vb is not None and va != vb:
                out.append(Change(a, b, ctx.keys.unit(a), va, vb))
    return out


def conflicts(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    by_story: dict[tuple[int, str], list[Change]] = defaultdict(list)
    for ch in changes(pool, ctx):
        by_story[(ctx.story.get(ch.start.doc_id, 0), ch.unit)].append(ch)
    out: list[Conflict] = []
    for block in by_story.values():
        told = {(ch.start.doc_id, ch.before, ch.after) for ch in block}
        for i, x in enumerate(block):
            for y in block[i + 1:]:
                if x.start.doc_id == y.start.doc_id or (x.before, x.after) != (y.after, y.before):
                    continue
                # Either article telling the change the other's way too: a rise and a fall, both told.
                if (x.start.doc_id, y.before, y.after) in told or (y.start.doc_id, x.before, x.after) in told:
                    continue
                shown_x, shown_y = _shown(x), _shown(y)
                explanation = (f"{x.start.doc_id} says it went {shown_x}; {y.start.doc_id} says {shown_y}"
                               " — the same change told the other way round")
                out.append(Conflict("direction", x.start, y.start, 0.7, explanation, f"change · {shown_x}"))
    return out


def _shown(ch: Change) -> str:
    if ch.start is ch.end:
        return f"« {ch.start.text} »"
    return f"from {ch.start.text} to {ch.end.text}"

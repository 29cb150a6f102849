"""Dated events → conflicts: one event (same class, scored evidence of the same actors and words) dated at two moments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from claimcheck.compare import keys as k
from claimcheck.compare import wording as w
from claimcheck.compare.blocking import candidate_pairs, date_blocks
from claimcheck.compare.context import Context
from claimcheck.compare.evidence import DATE_FEATURES, Evidence, date_veto, score
from claimcheck.compare.grouping import Conflict
from claimcheck.compare.intervals import values_conflict
from claimcheck.compare.linking import link
from claimcheck.compare.quantities import date_severity
from claimcheck.normalize import dates as dates_mod
from claimcheck.records import Claim

# Two datings of one event that lie years apart are two events: a misdated event is off by days,
# months, or a digit of the year, not by decades.
MAX_DATE_GAP_DAYS = 5 * 366


def agree(a: Claim, b: Claim) -> bool:
    return dates_mod.dates_compatible(a.value, b.value)


def scored_pairs(block: Sequence[Claim], ctx: Context) -> list[tuple[Claim, Claim, Evidence]]:
    floor = min(ctx.settings.threshold_date, ctx.settings.threshold_date_within)
    return [(a, b, score(a, b, ctx, features=DATE_FEATURES, veto=date_veto, floor=floor)) for a, b in candidate_pairs(block, ctx)]


def conflicts(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    """Per block (story × event class), dated claims are scored, linked one-to-one, and a linked
    pair whose dates cannot overlap is reported — unless the dates lie years apart (another event
    of the same kind) or the two sentences give disagreeing figures of one kind (two occurrences)."""
    out = []
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in pool:
        if c.kind == "quantity":
            by_sentence[(c.doc_id, c.sent_start)].append(c)
    settings = ctx.settings
    for block in date_blocks(pool, ctx).values():  # one block per story: a pair is met once
        for lk in link(scored_pairs(block, ctx), settings.threshold_date, settings.threshold_date_within, agree):
            a, b = lk.a, lk.b
            if lk.agree:
                continue
            if gap_days(a.value, b.value) > MAX_DATE_GAP_DAYS:
                continue  # decades apart: another event of the same kind (a past war, an older visit)
            if _different_occurrences(by_sentence[(a.doc_id, a.sent_start)], by_sentence[(b.doc_id, b.sent_start)], ctx):
                continue
            cls = ";".join(sorted((ctx.keys.events(a) | ctx.keys.events(b)) - {"announce"})) or "event"
            what = " / ".join(dict.fromkeys(p for p in (a.predicate, b.predicate) if p)) or cls
            explanation = (
                f"{a.doc_id} dates the event ({what}) to {a.value}; {b.doc_id} to {b.value}"
                f" — {w.gap_words(a.value, b.value)} apart"
            )
            topic = " · ".join(p for p in (cls, a.predicate or b.predicate, w.common(a.entities, b.entities)) if p)
            out.append(Conflict("date", a, b, date_severity(a.value, b.value), explanation, topic, lk.evidence))
    return out


def _different_occurrences(qa: Iterable[Claim], qb: Iterable[Claim], ctx: Context) -> bool:
    """Sentences whose figures of one kind disagree tell of two occurrences of an event (two protest
    days), not of one event dated twice."""
    for a in qa:
        for b in qb:
            if not k.units_compatible(ctx.keys.unit(a), ctx.keys.unit(b)) or a.aspect != b.aspect:
                continue
            if k.sources_compatible(a, b)[0] and values_conflict(a, b, ctx.keys) is not None:
                return True
    return False


def gap_days(a: str, b: str) -> float:
    ba, bb = dates_mod.date_bounds(a), dates_mod.date_bounds(b)
    if ba is None or bb is None:
        return 0.0
    return max((bb[0] - ba[1]).total_seconds(), (ba[0] - bb[1]).total_seconds(), 0) / 86400

"""Aligned claims → discrepancies, with a severity and an explanation a journalist can read.

Quantities are intervals (their qualifier and their written precision decide the width): a
conflict is a non-overlap and its severity grows with the ratio. Flows are compared by their
endpoints, dates at their common precision once anchored. Conflicting pairs are grouped per fact
and per pair of documents: one row each, with every pair kept as evidence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimcheck import align
from claimcheck.normalize import dates as dates_mod
from claimcheck.records import Claim, Discrepancy

_QUALIFIER_WORDS = {
    "eq": "", "approx": "about ", "ge": "at least ", "gt": "more than ", "le": "at most ", "lt": "less than ",
    "range": "between ",
}
_SECTION_RANK = {"body": 0, "keypoints": 1, "heading": 2, "title": 3, "comment": 4, "boilerplate": 5}
_NUMBER = re.compile(r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+))?")


@dataclass(frozen=True, slots=True)
class Options:
    """Comparison options. `include_all` also compares reader comments and page boilerplate."""

    include_all: bool = False
    attribution: bool = True


# ------------------------------------------------------------------------------------- intervals
def tolerance(claim: Claim) -> float:
    """Half a unit of the last digit written: "3,45 millions" → 5 000; "214" → 0.5; words → 0."""
    value = _float(claim.value)
    m = None
    for m in _NUMBER.finditer(claim.text):
        pass
    if m is None or value is None:
        return 0.0
    decimals = len(m.group(2) or "")
    mantissa = float(re.sub(r"[ \u00a0\u202f.]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
    scale = abs(value) / mantissa if mantissa else 1.0
    return 0.5 * 10 ** (-decimals) * scale


def interval(claim: Claim) -> tuple[float, float]:
    return align._memo("interval", claim, _interval)


def _interval(claim: Claim) -> tuple[float, float]:
    value = _float(claim.value)
    low = claim.low if claim.low is not None else (value if claim.qualifier in {"eq", "ge", "gt", "approx"} else -math.inf)
    high = claim.high if claim.high is not None else (value if claim.qualifier in {"eq", "le", "lt", "approx"} else math.inf)
    if low is None or (isinstance(low, float) and math.isnan(low)):
        low = -math.inf
    if high is None or (isinstance(high, float) and math.isnan(high)):
        high = math.inf
    tol = tolerance(claim) if claim.qualifier in {"eq", "approx", "ge", "gt", "le", "lt"} else 0.0
    return low - tol, high + tol


def values_conflict(a: Claim, b: Claim) -> float | None:
    """The ratio between the nearest ends of two disjoint intervals, or None when they overlap."""
    la, ha = interval(a)
    lb, hb = interval(b)
    if max(la, lb) <= min(ha, hb):
        return None
    low_side, high_side = (ha, lb) if ha < lb else (hb, la)
    if low_side <= 0:
        return math.inf
    return high_side / low_side


def twins(a: Claim, b: Claim) -> bool:
    """Each figure lies within the other's interval: the same number, written alike or not."""
    va, vb = _float(a.value), _float(b.value)
    if va is None or vb is None:
        return False
    la, ha = interval(a)
    lb, hb = interval(b)
    return lb <= va <= hb and la <= vb <= ha


def distinctive(claim: Claim) -> bool:
    """A figure specific enough that meeting it twice means the same fact (615 000, 2,437 millions)."""
    v = _float(claim.value)
    if v is None or claim.qualifier != "eq":
        return False
    digits = re.sub(r"0+$", "", re.sub(r"\D", "", f"{abs(v):.6g}".split("e")[0].replace(".", "")))
    return (len(digits) >= 2 and abs(v) >= 100) or len(digits) >= 3


# ----------------------------------------------------------------------------------- comparison
@dataclass(slots=True)
class _Conflict:
    kind: str
    a: Claim
    b: Claim
    severity: float
    explanation: str
    topic: str


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def compare(claims: Sequence[Claim], published: dict[str, str | None], options: Options | None = None) -> list[Discrepancy]:
    """Every discrepancy among the claims of a corpus, strongest first."""
    options = options or Options()
    align.reset_memo()
    pool = _inherit_frames([c for c in claims if align.comparable(c, include_all=options.include_all)])
    ctx = align.Context(published=published, story=align.stories(claims), figures=align.figures_by_sentence(pool))
    facts = _UnionFind()
    conflicts: list[_Conflict] = []
    conflicts += _quantity_conflicts(pool, ctx, facts, options)
    conflicts += _flow_conflicts(pool, ctx)
    conflicts += _date_conflicts(pool, ctx)
    rows = _group(conflicts, facts)
    align.reset_memo()
    return rows


_SUMMARY_SECTIONS = frozenset({"title", "heading", "keypoints"})
_FRAME_FIELDS = ("origin", "destination", "place", "source", "subject", "event_date", "predicate", "object", "event")


def _inherit_frames(pool: list[Claim]) -> list[Claim]:
    """A headline, a heading or a key point restates a figure of its article's body in a few words
    ("500 camions de bois"): it takes the frame of the body sentence that gives
    the same figure, when exactly one body fact matches."""
    from dataclasses import replace

    def key(c: Claim) -> tuple[str, str]:
        # A headline's sum has no verb to say what it is: match it on its currency only.
        return c.doc_id, (c.unit if c.unit in align.MONEY else align.unit_key(c))

    body: dict[tuple[str, str], list[Claim]] = {}
    for c in pool:
        if c.kind == "quantity" and c.section == "body":
            body.setdefault(key(c), []).append(c)
    out = []
    for c in pool:
        if c.kind == "quantity" and c.section in _SUMMARY_SECTIONS and not (c.origin or c.destination or c.place or c.source):
            matches = [
                b for b in body.get(key(c), [])
                if values_conflict(b, c) is None
                and (not c.counted or b.counted == c.counted or c.unit not in align.measure_units())
                and (not (c.predicate and b.predicate) or b.predicate == c.predicate or align.event_classes(b) & align.event_classes(c))
            ]
            frames = {tuple(getattr(b, f) for f in (*_FRAME_FIELDS[:4], "counted", "predicate")) for b in matches}
            if len(frames) == 1 and any(next(iter(frames))):
                model = matches[0]
                fields = (*_FRAME_FIELDS, "counted") if c.unit in align.MONEY else _FRAME_FIELDS
                c = replace(c, **{f: getattr(model, f) for f in fields if not getattr(c, f)})
        out.append(c)
    return out


def _quantity_conflicts(pool: Sequence[Claim], ctx: align.Context, facts: _UnionFind, options: Options) -> list[_Conflict]:
    out: list[_Conflict] = []
    undatable = _undatable(pool)
    for block in align.quantity_blocks(pool, ctx).values():
        # Where sources openly disagree on this kind of figure, an unsourced figure cannot be
        # told apart: it is compared with nothing.
        contested = _contested(block, ctx)
        for a, b in align.candidate_pairs(block, ctx):
            if _float(a.value) is None or _float(b.value) is None:
                continue
            if contested and not (a.source and b.source):
                continue
            if a.claim_id in undatable or b.claim_id in undatable:
                continue
            verdict = align.align_quantities(a, b, ctx)
            ratio = values_conflict(a, b)
            if verdict.same and not verdict.sources_differ:
                if ratio is None:
                    facts.union(a.claim_id, b.claim_id)
                else:
                    out.append(_quantity_conflict(a, b, ratio))
            elif verdict.sources_differ and options.attribution and ratio is not None and _juxtaposed(a, b, ctx):
                out.append(_attribution_conflict(a, b, ratio))
            elif not verdict.same and a.event_date and b.event_date and a.sent_start != b.sent_start:
                twin = _twin_date_conflict(a, b, ctx)
                if twin is not None:
                    out.append(twin)
    return out


def _undatable(pool: Sequence[Claim]) -> set[str]:
    """Undated figures of an article that dates other figures of the same kind differently
    ("Dès lundi soir, 300 hectares …", "Mardi soir, 900 hectares …", "À ce moment-là, 900"):
    a running total whose moment is unknown is compared with nothing."""
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in pool:
        if c.kind == "quantity" and c.event_date and c.event_date != "?":
            dates[(c.doc_id, align.unit_key(c))].add(c.event_date)
    return {
        c.claim_id
        for c in pool
        if c.kind == "quantity" and not c.event_date and len(dates.get((c.doc_id, align.unit_key(c)), ())) >= 2
    }


def _contested(block: Sequence[Claim], ctx: align.Context) -> bool:
    """Do sources openly disagree on a figure of this kind (police vs organisers)? Then figures
    without a source cannot be told apart from either side's."""
    sourced = [c for c in block if c.source]
    for a, b in align.candidate_pairs(sourced, ctx):
        if align.source_key(a) == align.source_key(b) or _float(a.value) is None or _float(b.value) is None:
            continue
        if align.align_quantities(a, b, ctx).sources_differ and values_conflict(a, b) is not None:
            return True
    return False


def _juxtaposed(a: Claim, b: Claim, ctx: align.Context) -> bool:
    """Two sources set side by side by one article (same paragraph) about the event it reports
    (not a background figure from an earlier date)."""
    if a.doc_id != b.doc_id or a.paragraph != b.paragraph:
        return False
    window = align._window(ctx.published.get(a.doc_id))
    for claim in (a, b):
        if claim.event_date and window is not None:
            bounds = dates_mod.date_bounds(claim.event_date)
            if bounds is not None and not (bounds[0] < window[1] and window[0] < bounds[1]):
                return False
    return True


def _quantity_conflict(a: Claim, b: Claim, ratio: float) -> _Conflict:
    strength = 0.35 + 0.65 * min(1.0, math.log10(ratio)) if math.isfinite(ratio) else 1.0
    certainty = 1.0
    if a.qualifier != "eq" or b.qualifier != "eq":
        certainty *= 0.9
    if "hedged" in {a.modality, b.modality}:
        certainty *= 0.8
    big, small = (a, b) if (_float(a.value) or 0) >= (_float(b.value) or 0) else (b, a)
    # The factor a reader sees compares the figures as written ("6 000 vs 500: 12×").
    vb, vs = abs(_float(big.value) or 0.0), abs(_float(small.value) or 0.0)
    shown = vb / vs if vs else ratio
    factor = f"{shown:.3g}× more" if math.isfinite(shown) and shown < 10 else f"{shown:.0f}× more"
    explanation = (
        f"{small.doc_id} says {_say(small)}{_flow_words(small)}; {big.doc_id} says {_say(big, short=True)}"
        f" — {factor}" + (" (inside one article)" if a.doc_id == b.doc_id else "")
    )
    return _Conflict("quantity", a, b, round(strength * certainty, 2), explanation, _topic(a, b))


def _attribution_conflict(a: Claim, b: Claim, ratio: float) -> _Conflict:
    explanation = (
        f"{a.doc_id} reports two counts: {_say(a)} according to {a.source}, {_say(b, short=True)} according to"
        f" {b.source} — the sources disagree, the article does not"
    )
    return _Conflict("attribution", a, b, 0.2, explanation, _topic(a, b))


def _twin_date_conflict(a: Claim, b: Claim, ctx: align.Context) -> _Conflict | None:
    """The same distinctive figure, from compatible sources, dated differently: a date discrepancy."""
    if a.aspect != b.aspect or not (distinctive(a) and distinctive(b) and twins(a, b)):
        return None
    if not align.units_compatible(align.unit_key(a), align.unit_key(b)):
        return None
    if not align.sources_compatible(a, b)[0] or not align.places_compatible(a, b)[0]:
        return None
    if dates_mod.dates_compatible(a.event_date, b.event_date):
        return None
    explanation = (
        f"{a.doc_id} dates the {_say(a, short=True)} to {a.event_date}; {b.doc_id} dates the same figure to"
        f" {b.event_date}"
    )
    topic = f"{align.unit_key(a)} · {_say(a, short=True).strip()} · date"
    return _Conflict("date", _as_date(a), _as_date(b), _date_severity(a.event_date, b.event_date), explanation, topic)


def _as_date(claim: Claim) -> Claim:
    from dataclasses import replace

    return replace(claim, value=claim.event_date)


def _flow_conflicts(pool: Sequence[Claim], ctx: align.Context) -> list[_Conflict]:
    out = []
    for block in align.flow_blocks(pool, ctx).values():
        for a, b in align.candidate_pairs(block, ctx):
            if a.doc_id == b.doc_id and a.sent_start == b.sent_start:
                continue
            if not align.reversed_flow(a, b):
                continue
            if not align.dates_compatible(a, b, ctx)[0]:
                continue
            severity = 0.8 if "hedged" not in {a.modality, b.modality} else 0.6
            mover = align.mover_key(a)
            shown = a.object if a.kind == "entity" and a.object[:1].isupper() else _plural(mover)
            explanation = (
                f"{a.doc_id} says {shown} went {_route(a)}; {b.doc_id} says {'it' if shown[:1].isupper() else 'they'} went {_route(b)}"
                " — the same flow in the opposite direction"
            )
            topic = f"{mover} · {_route(a)}"
            out.append(_Conflict("direction", a, b, severity, explanation, topic))
    return out


def _date_conflicts(pool: Sequence[Claim], ctx: align.Context) -> list[_Conflict]:
    out = []
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in pool:
        if c.kind == "quantity":
            by_sentence[(c.doc_id, c.sent_start)].append(c)
    seen: set[tuple[str, str]] = set()
    for (_story, cls), block in align.date_blocks(pool, ctx).items():
        for a, b in align.candidate_pairs(block, ctx):
            key = tuple(sorted((a.claim_id, b.claim_id)))
            if key in seen or not align.align_dates(a, b):
                continue
            seen.add(key)  # type: ignore[arg-type]
            if dates_mod.dates_compatible(a.value, b.value):
                continue
            if _gap_days(a.value, b.value) > MAX_DATE_GAP_DAYS:
                continue  # decades apart: another event of the same kind (a past war, an older visit)
            if _different_occurrences(by_sentence[(a.doc_id, a.sent_start)], by_sentence[(b.doc_id, b.sent_start)], ctx):
                continue
            what = " / ".join(dict.fromkeys(p for p in (a.predicate, b.predicate) if p)) or cls
            explanation = (
                f"{a.doc_id} dates the event ({what}) to {a.value}; {b.doc_id} to {b.value}"
                f" — {_gap_words(a.value, b.value)} apart"
            )
            topic = " · ".join(p for p in (cls, a.predicate or b.predicate, _common(a.entities, b.entities)) if p)
            out.append(_Conflict("date", a, b, _date_severity(a.value, b.value), explanation, topic))
    return out


def _different_occurrences(qa: Iterable[Claim], qb: Iterable[Claim], ctx: align.Context) -> bool:
    """Sentences whose figures of one kind disagree tell of two occurrences of an event (two protest
    days), not of one event dated twice."""
    for a in qa:
        for b in qb:
            if not align.units_compatible(align.unit_key(a), align.unit_key(b)) or a.aspect != b.aspect:
                continue
            if align.sources_compatible(a, b)[0] and values_conflict(a, b) is not None:
                return True
    return False


# Two datings of one event that lie years apart are two events: a misdated event is off by days,
# months, or a digit of the year, not by decades.
MAX_DATE_GAP_DAYS = 5 * 366


def _gap_days(a: str, b: str) -> float:
    ba, bb = dates_mod.date_bounds(a), dates_mod.date_bounds(b)
    if ba is None or bb is None:
        return 0.0
    return max((bb[0] - ba[1]).total_seconds(), (ba[0] - bb[1]).total_seconds(), 0) / 86400


def _date_severity(a: str, b: str) -> float:
    ba, bb = dates_mod.date_bounds(a), dates_mod.date_bounds(b)
    if ba is None or bb is None:
        return 0.6
    gap = max((bb[0] - ba[1]).total_seconds(), (ba[0] - bb[1]).total_seconds(), 0) / 86400
    return round(min(0.9, 0.5 + gap / 120), 2)


# -------------------------------------------------------------------------------------- grouping
def _group(conflicts: Sequence[_Conflict], facts: _UnionFind) -> list[Discrepancy]:
    groups: dict[tuple, list[_Conflict]] = defaultdict(list)
    for c in conflicts:
        a, b = (c.a, c.b) if (c.a.doc_id, c.a.start) <= (c.b.doc_id, c.b.start) else (c.b, c.a)
        fa, fb = sorted((facts.find(a.claim_id), facts.find(b.claim_id)))
        groups[(c.kind, fa, fb, a.doc_id, b.doc_id)].append(_Conflict(c.kind, a, b, c.severity, c.explanation, c.topic))
    rows = []
    for members in groups.values():
        # Claim ids end every ordering: the same report on every run, whatever order pairs were met in.
        members.sort(key=lambda c: (c.a.claim_id, c.b.claim_id))
        best = min(
            members,
            key=lambda c: (-c.severity, _SECTION_RANK.get(c.a.section, 9) + _SECTION_RANK.get(c.b.section, 9), c.a.start,
                           c.a.claim_id, c.b.claim_id),
        )
        evidence = tuple(
            {
                "claim_a": m.a.claim_id, "claim_b": m.b.claim_id, "doc_a": m.a.doc_id, "doc_b": m.b.doc_id,
                "text_a": m.a.sentence, "text_b": m.b.sentence, "value_a": m.a.value, "value_b": m.b.value,
                "section_a": m.a.section, "section_b": m.b.section,
            }
            for m in members
        )
        rows.append(
            Discrepancy(
                kind=best.kind,
                topic=best.topic,
                doc_a=best.a.doc_id,
                doc_b=best.b.doc_id,
                text_a=best.a.sentence,
                text_b=best.b.sentence,
                value_a=_display_value(best.a),
                value_b=_display_value(best.b),
                severity=best.severity,
                explanation=best.explanation,
                claim_a=best.a.claim_id,
                claim_b=best.b.claim_id,
                evidence=evidence,
            )
        )
    rows.sort(key=lambda d: (-d.severity, d.kind, d.doc_a, d.doc_b, d.topic, d.claim_a, d.claim_b))
    return rows


# ----------------------------------------------------------------------------------------- words
def _float(value: object) -> float | None:
    try:
        return float(str(value).split("/")[0]) if value not in (None, "") else None
    except ValueError:
        return None


def _num(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "?"
    if abs(value) >= 1e6:
        scale, word = (1e9, "milliard") if abs(value) >= 1e9 else (1e6, "million")
        mantissa = f"{value / scale:.4g}".replace(".", ",")
        return f"{mantissa} {word}{'s' if abs(value) >= 2 * scale else ''}"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.4g}".replace(",", " ")


def _say(claim: Claim, *, short: bool = False) -> str:
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        number = f"between {_num(claim.low)} and {_num(claim.high)}"
    else:
        number = _QUALIFIER_WORDS.get(claim.qualifier, "") + _num(_float(claim.value))
    unit = align.unit_key(claim) or claim.unit
    value = _float(claim.value)
    if value is not None and abs(value) >= 2 and len(unit) > 2 and unit.isalpha() and unit.islower():
        unit = " ".join(_plural(w) if i == 0 else w for i, w in enumerate(unit.split()))
    return f"{number} {unit}".strip()


def _display_value(claim: Claim) -> str:
    if claim.kind != "quantity":
        return claim.value
    prefix = {"approx": "~", "ge": "≥", "gt": ">", "le": "≤", "lt": "<"}.get(claim.qualifier, "")
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{prefix}{claim.value}{unit}"


def _route(claim: Claim) -> str:
    if not claim.origin:
        return f"to {claim.destination} (origin not stated)"
    if not claim.destination:
        return f"from {claim.origin} (destination not stated)"
    return f"{claim.origin} → {claim.destination}"


def _plural(word: str) -> str:
    """French plural of a counted noun, for explanations ("camion" → "camions")."""
    if not word or not word[-1].isalpha() or word.endswith(("s", "x", "z")) or word[:1].isupper():
        return word
    if word.endswith(("au", "eu")):
        return word + "x"
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def _gap_words(a: str, b: str) -> str:
    ba, bb = dates_mod.date_bounds(a), dates_mod.date_bounds(b)
    days = abs((ba[0] - bb[0]).total_seconds()) / 86400 if ba and bb else 0.0
    if days <= 0:
        return "not the same time"
    if days < 2:
        return "a day"
    if days < 60:
        return f"{days:.0f} days"
    if days < 730:
        return f"{days / 30.4:.0f} months"
    return f"{days / 365.25:.0f} years"


def _flow_words(claim: Claim) -> str:
    if not (claim.origin or claim.destination):
        return f" ({claim.place})" if claim.place else ""
    return f" from {claim.origin or '?'} to {claim.destination or '?'}"


def _common(a: str, b: str) -> str:
    sa = [x.strip() for x in a.split(";") if x.strip()]
    sb = {x.strip() for x in b.split(";") if x.strip()}
    shared = [x for x in sa if x in sb]
    return ", ".join(shared[:3])


def _topic(a: Claim, b: Claim) -> str:
    unit = align.unit_key(a) or a.unit
    parts = [unit]
    if a.origin or a.destination or b.origin or b.destination:
        parts.append(f"{a.origin or b.origin or '?'} → {a.destination or b.destination or '?'}")
    place = a.place or b.place
    if place:
        parts.append(place)
    when = a.event_date or b.event_date
    if when:
        parts.append(when)
    return " · ".join(p for p in parts if p)

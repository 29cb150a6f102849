"""Quantity claims → conflicts: score every candidate pair, link one-to-one, report linked pairs
whose values disagree (and two sources set side by side by one article, and one figure dated twice)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from claimcheck.compare import keys as k
from claimcheck.compare import wording as w
from claimcheck.compare.blocking import candidate_pairs, quantity_blocks
from claimcheck.compare.context import Context
from claimcheck.compare.evidence import Evidence, categorical_veto, score, sources_differ
from claimcheck.compare.grouping import Conflict
from claimcheck.compare.intervals import distinctive, twins, values_conflict
from claimcheck.compare.linking import UnionFind, link
from claimcheck.compare.settings import Options
from claimcheck.normalize import dates as dates_mod
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim
from claimcheck.sections import COMPARED_SECTIONS

_FRAME_FIELDS = ("origin", "destination", "place", "source", "subject", "event_date", "predicate", "object", "event")


def inherit_frames(pool: list[Claim], ctx: Context) -> list[Claim]:
    """A headline, a heading or a key point restates a figure of its article's body in a few words
    ("500 camions de bois"): it takes the frame of the body sentence that gives
    the same figure, when exactly one body fact matches."""

    def key(c: Claim) -> tuple[str, str]:
        # A headline's sum has no verb to say what it is: match it on its currency only.
        return c.doc_id, (c.unit if c.unit in k.MONEY else ctx.keys.unit(c))

    body: dict[tuple[str, str], list[Claim]] = {}
    for c in pool:
        if c.kind == "quantity" and c.section == "body":
            body.setdefault(key(c), []).append(c)
    out = []
    for c in pool:
        if c.kind == "quantity" and c.section in k.SUMMARY_SECTIONS and not (c.origin or c.destination or c.place or c.source):
            matches = [
                b for b in body.get(key(c), [])
                if values_conflict(b, c) is None
                and (not c.counted or b.counted == c.counted or c.unit not in k.measure_units())
                and (not (c.predicate and b.predicate) or b.predicate == c.predicate or ctx.keys.events(b) & ctx.keys.events(c))
            ]
            frames = {tuple(getattr(b, f) for f in (*_FRAME_FIELDS[:4], "counted", "predicate")) for b in matches}
            if len(frames) == 1 and any(next(iter(frames))):
                model = matches[0]
                fields = (*_FRAME_FIELDS, "counted") if c.unit in k.MONEY else _FRAME_FIELDS
                c = replace(c, **{f: getattr(model, f) for f in fields if not getattr(c, f)})
        out.append(c)
    return out


def prepare(pool: Sequence[Claim], ctx: Context) -> dict[tuple[int, str], list[Claim]]:
    """The quantity blocks of a run; notes in the context the undatable figures (negative evidence).

    (A feature "an unsourced figure where sources openly disagree", -2, was dropped on 2026-12-04:
    it fired on 17 % of the tuning discrepancies and 15 % of the pairs of different facts, and
    leaving it out raised the cross-validated objective from 0.466 to 0.498, traps 6 → 3.)"""
    blocks = quantity_blocks(pool, ctx)
    ctx.undatable = _undatable(pool, ctx)
    return blocks


def scored_pairs(block: Sequence[Claim], ctx: Context) -> list[tuple[Claim, Claim, Evidence]]:
    """The candidate pairs of a block with their evidence (vetoed pairs included, score -inf;
    pairs that cannot reach a threshold are scored only as far as needed to know it)."""
    floor = min(ctx.settings.threshold, ctx.settings.threshold_within)
    numeric = [c for c in block if k.to_float(c.value) is not None]
    return [(a, b, score(a, b, ctx, floor=floor)) for a, b in candidate_pairs(numeric, ctx)]


def conflicts(pool: Sequence[Claim], ctx: Context, facts: UnionFind, options: Options) -> list[Conflict]:
    out: list[Conflict] = []
    settings = ctx.settings
    blocks = prepare(pool, ctx)
    for block in blocks.values():
        scored = scored_pairs(block, ctx)
        linked: set[tuple[str, str]] = set()
        for lk in link(scored, settings.threshold, settings.threshold_within, agree=lambda a, b: values_conflict(a, b, ctx.keys) is None):
            linked.add((lk.a.claim_id, lk.b.claim_id))
            if lk.agree:
                facts.union(lk.a.claim_id, lk.b.claim_id)
            else:
                for a, b, ev in lk.conflicting:
                    linked.add((a.claim_id, b.claim_id))
                    ratio = values_conflict(a, b, ctx.keys)
                    out.append(_update(a, b, ev, ctx) or _quantity_conflict(a, b, ratio if ratio is not None else math.inf, ev, ctx))
        in_doc: dict[str, list[Claim]] = {}  # the block's claims of one article, in text order (made when asked)
        for a, b, ev in scored:
            if (a.claim_id, b.claim_id) in linked:
                continue
            ratio = values_conflict(a, b, ctx.keys)
            if a.doc_id == b.doc_id and sources_differ(a, b) and not categorical_veto(a, b, ctx):
                if not in_doc:
                    for c in sorted(block, key=lambda c: c.start):
                        in_doc.setdefault(c.doc_id, []).append(c)
                if options.attribution and ratio is not None and _juxtaposed(a, b, ctx) and _alternatives(a, b, in_doc[a.doc_id], ev, ctx):
                    out.append(_attribution_conflict(a, b, ratio, ctx))
            elif a.event_date and b.event_date and a.sent_start != b.sent_start:
                twin = _twin_date_conflict(a, b, ctx)
                if twin is not None:
                    out.append(twin)
    out += series_updates(blocks, ctx, {(c.a.doc_id, c.b.doc_id, ctx.keys.unit(c.a)) for c in out})
    return out


# Running counts whose series across a story's articles is reported step by step.
SERIES_UNITS = frozenset({"mort", "victime", "blessé", "ha"})


def _headline_count(claims: Sequence[Claim], ctx: Context, main_place: str = "") -> Claim | None:
    """An article's own figure of a running count: its largest one that is not a past value, a goal
    or a part, not hedged or denied, not of another year than the article ("le séisme de 2004 avait
    fait 628 morts"), and of no place, of a country or of the story's own place (a province's toll
    is a part of the story's)."""
    from claimcheck.compare.evidence import labels, running

    def own_place(x: str) -> bool:
        fx, fm = ent_mod.fold(x), ent_mod.fold(main_place)
        return ent_mod.country_of(x) == ent_mod.canonical(x) or bool(fm and (fm in fx or fx in fm))

    published = ctx.published.get(claims[0].doc_id) or ""
    best = None
    for c in claims:
        value = k.to_float(c.value)
        if value is None or value <= 0 or c.scope or c.modality in {"hedged", "negated"} or c.qualifier in {"le", "lt"}:
            continue
        if c.section not in COMPARED_SECTIONS:
            continue  # a reader comment's figure is nobody's count
        marks = labels(c, ctx)
        if marks & {"target", "part"} or ("earlier" in marks and not running(c, ctx)):
            continue  # "un bilan provisoire fait état de 31 morts" is today's count, not a past one
        if c.event_date and published and c.event_date[:4] != published[:4]:
            continue
        if c.place and not all(own_place(x) for x in k.split(c.place)):
            continue
        low, high = k.to_float(c.low), k.to_float(c.high)
        if low and high and high >= 2 * low:
            continue  # "plusieurs centaines, voire des milliers": a fear, not a count
        if best is None or value > (k.to_float(best.value) or 0):
            best = c
    return best


def _rising(points: list) -> list:  # type: ignore[type-arg]
    """The longest run of points (in time order) whose figures never fall: the series itself, the
    articles whose largest figure counts something else (one country's toll, a province's) left out.
    Patience sorting: n log n in the articles of one story (a story of a large archive may have
    thousands)."""
    import bisect

    tails: list[float] = []  # the smallest last figure of a run of each length
    ends: list[int] = []  # the point ending that run
    prev = [-1] * len(points)
    for i, point in enumerate(points):
        at = bisect.bisect_right(tails, point[1])
        prev[i] = ends[at - 1] if at else -1
        if at == len(tails):
            tails.append(point[1])
            ends.append(i)
        else:
            tails[at], ends[at] = point[1], i
    out = []
    i = ends[-1] if ends else -1
    while i >= 0:
        out.append(points[i])
        i = prev[i]
    return out[::-1]


def series_updates(blocks: dict[tuple[int, str], list[Claim]], ctx: Context, reported: set[tuple[str, str, str]]) -> list[Conflict]:
    """The series of a running count across a story's articles (a toll: 2 → 14 → 20 → 31 → 39):
    each article's own figure (`_headline_count`), in order of publication, the longest run that
    never falls (`_rising`), every rise from one article of the run to the next reported as an
    `update` — the figures a single pair's evidence is too weak to align ("au moins 14 morts" on
    Sunday, "fait état de 20 morts" on Tuesday). A fall is not reported from here: two articles'
    largest figures may count different things (one gives the total, the other one country's
    toll); the pairwise evidence judges those."""
    out: list[Conflict] = []
    for (story, unit), block in sorted(blocks.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if unit not in SERIES_UNITS:
            continue
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in block:
            if c.kind == "quantity" and ctx.keys.unit(c) == unit:
                by_doc[c.doc_id].append(c)
        named: dict[str, set[str]] = defaultdict(set)  # place → the articles that name it for this count
        for c in block:
            for x in k.split(c.place):
                named[x].add(c.doc_id)
        main_place = max(sorted(named), key=lambda x: len(named[x]), default="")
        # The story's series, and one per country that three articles or more count apart
        # ("18 991 morts en Turquie", "3 377 en Syrie" beside the total of both).
        countries = [x for x in sorted(named) if len(named[x]) >= 3 and ent_mod.country_of(x) == ent_mod.canonical(x)]
        series: list[tuple[str, dict[str, list[Claim]], str]] = [("", by_doc, main_place)]
        for country in countries:
            only = {d: [c for c in cs if k.split(c.place) == {country}] for d, cs in by_doc.items()}
            series.append((country, {d: cs for d, cs in only.items() if cs}, country))
        for where, docs_claims, place in series:
            out += _series_steps(docs_claims, place, where, unit, ctx, reported)
    return out


def _series_steps(by_doc: dict[str, list[Claim]], main_place: str, where: str, unit: str, ctx: Context,
                  reported: set[tuple[str, str, str]]) -> list[Conflict]:
    from claimcheck.compare.evidence import running

    out: list[Conflict] = []
    points = []
    for doc, claims in by_doc.items():
        head = _headline_count(claims, ctx, main_place)
        bounds = dates_mod.date_bounds(ctx.published.get(doc) or "")
        if head is not None and bounds is not None:
            points.append((bounds[0], k.to_float(head.value) or 0.0, doc, head))
    points.sort(key=lambda p: (p[0], p[1], p[2]))
    chain = _rising(points)
    for (t0, v0, d0, old), (t1, v1, d1, new) in zip(chain, chain[1:]):
        if v1 <= v0:
            continue
        if values_conflict(old, new, ctx.keys) is None and (old.qualifier not in {"ge", "gt"} or v1 < 1.25 * v0):
            continue  # "une cinquantaine" / "47", "plus de 600" / "632": one count written two ways ("au moins 14" then 20 moved)
        if t0.date() == t1.date() and not (running(old, ctx) or running(new, ctx)):
            continue  # one day, no word that the count moved: the order is unknown, the pair is for the evidence
        key = f"{unit}@{where}" if where else unit
        if (d0, d1, key) in reported or (d1, d0, key) in reported:
            continue
        reported.add((d0, d1, key))
        explanation = (
            f"the count{' in ' + where.title() if where else ''} moved: {w.say(old, short=True, keys=ctx.keys).strip()} ({d0},"
            f" {ctx.published.get(d0) or '?'}) → {w.say(new, short=True, keys=ctx.keys).strip()} ({d1},"
            f" {ctx.published.get(d1) or '?'}) — an update of the story's running count, not a contradiction"
        )
        out.append(Conflict("update", old, new, 0.1, explanation, w.topic(old, new, ctx.keys)))
    return out


def _undatable(pool: Sequence[Claim], ctx: Context) -> set[str]:
    """Undated figures of an article that dates other figures of the same kind differently
    ("Dès lundi soir, 300 hectares …", "Mardi soir, 900 hectares …", "À ce moment-là, 900"):
    a running total whose moment is unknown is compared with nothing."""
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in pool:
        if c.kind == "quantity" and c.event_date and c.event_date != "?":
            dates[(c.doc_id, ctx.keys.unit(c))].add(c.event_date)
    return {
        c.claim_id
        for c in pool
        if c.kind == "quantity" and not c.event_date and len(dates.get((c.doc_id, ctx.keys.unit(c)), ())) >= 2
    }


def _juxtaposed(a: Claim, b: Claim, ctx: Context) -> bool:
    """Two sources set side by side by one article (same paragraph) about the event it reports
    (not a background figure from an earlier date)."""
    if a.doc_id != b.doc_id or a.paragraph != b.paragraph:
        return False
    win = k.window(ctx.published.get(a.doc_id))
    for claim in (a, b):
        if claim.event_date and win is not None:
            bounds = dates_mod.date_bounds(claim.event_date)
            if bounds is not None and not (bounds[0] < win[1] and win[0] < bounds[1]):
                return False
    return True


def _alternatives(a: Claim, b: Claim, doc: Sequence[Claim], evidence: Evidence, ctx: Context) -> bool:
    """Two counts an article gives as alternatives for one fact: one right after the other, with no
    count of the same thing between them ("1 500 selon les syndicats, 900 selon la police"; "12 000
    à Lyon, selon la préfecture. Les syndicats en revendiquent 40 000") and of one place (in
    "140 000 à Marseille (26 000 selon la police), 20 000 à Nice" the 26 000 is Marseille's); or,
    further apart, two sentences the evidence says state one fact. `doc`: the block's claims of
    their article, in text order."""
    lo, hi = sorted((a.start, b.start))
    if any(lo < c.start < hi for c in doc):
        return a.sent_start != b.sent_start and evidence.score >= ctx.settings.threshold_within

    def place(claim: Claim) -> str:  # its own, else that of the figure it follows in its sentence
        if claim.place:
            return claim.place
        before = [c for c in doc if c.sent_start == claim.sent_start and c.start < claim.start and c.place]
        return before[-1].place if before else ""

    pa, pb = place(a), place(b)
    return not (pa and pb) or bool(k.split(pa) & k.split(pb))


# Counts that keep moving while an event is reported (a toll, burnt hectares, homes cut off) …
RUNNING_UNITS = frozenset({"mort", "blessé", "blessé grave", "blessé léger", "disparu", "évacué", "sinistré", "victime", "ha", "foyer"})
# … and those of them that can only grow: a toll that falls is a contradiction, not news.
NEVER_FALLING = frozenset({"mort", "ha", "victime"})


def _update(a: Claim, b: Claim, evidence: Evidence, ctx: Context) -> Conflict | None:
    """A running count given by articles published on different days, or quoted as an earlier count
    ("un précédent bilan faisait état de …"): the figure moved, nobody contradicts anybody. Reported
    as kind `update`, low severity, in time order — unless a count that can only grow went down."""
    from claimcheck.compare.evidence import labels, running

    unit = ctx.keys.unit(a)
    if unit not in RUNNING_UNITS:
        return None
    # A toll is dated by its disaster ("le séisme de vendredi a fait 2 012 morts"): one date on both
    # sides, or none, leaves the moment of each count to the publication and the labels; so does a
    # date on one side only, within the days around the other article (the disaster's day, or the
    # day the count was given: "ont annoncé lundi"); a date long before is another event's toll
    # ("le séisme de 2004 avait fait 628 morts").
    if a.event_date and b.event_date:
        if not dates_mod.dates_compatible(a.event_date, b.event_date):
            return None
    elif a.event_date or b.event_date:
        dated, undated = (a, b) if a.event_date else (b, a)
        bounds = dates_mod.date_bounds(k.start_of_open(dated.event_date))
        other = dates_mod.date_bounds(ctx.published.get(undated.doc_id) or "")
        if bounds is None or other is None or bounds[0] < other[0] - timedelta(days=10):
            return None
    la, lb = labels(a, ctx), labels(b, ctx)
    earlier_a, earlier_b = "earlier" in la, "earlier" in lb
    pa, pb = dates_mod.date_bounds(ctx.published.get(a.doc_id) or ""), dates_mod.date_bounds(ctx.published.get(b.doc_id) or "")
    if earlier_a != earlier_b:
        old, new = (a, b) if earlier_a else (b, a)
    elif a.doc_id != b.doc_id and pa is not None and pb is not None and pa[0].date() != pb[0].date():
        old, new = (a, b) if pa[0] < pb[0] else (b, a)
    elif unit in NEVER_FALLING and (running(a, ctx) or running(b, ctx)) and a.doc_id != b.doc_id:
        # One day, and a count said to be provisional or the latest ("le dernier bilan fait état de",
        # "le bilan monte à"): a toll that can only grow was smaller first.
        old, new = (a, b) if (k.to_float(a.value) or 0) <= (k.to_float(b.value) or 0) else (b, a)
    else:
        return None
    vo, vn = k.to_float(old.value), k.to_float(new.value)
    if vo is None or vn is None or (vn < vo and unit in NEVER_FALLING):
        return None
    when = {c.claim_id: ("earlier count" if c is old and earlier_a != earlier_b else (ctx.published.get(c.doc_id) or "?")) for c in (old, new)}
    explanation = (
        f"the count moved: {w.say(old, short=True, keys=ctx.keys).strip()} ({old.doc_id}, {when[old.claim_id]}) →"
        f" {w.say(new, short=True, keys=ctx.keys).strip()} ({new.doc_id}, {when[new.claim_id]}) — an update, not a contradiction"
    )
    return Conflict("update", a, b, 0.15, explanation, w.topic(a, b, ctx.keys), evidence)


def _quantity_conflict(a: Claim, b: Claim, ratio: float, evidence: Evidence, ctx: Context) -> Conflict:
    strength = 0.35 + 0.65 * min(1.0, math.log10(ratio)) if math.isfinite(ratio) else 1.0
    certainty = 1.0
    if a.qualifier != "eq" or b.qualifier != "eq":
        certainty *= 0.9
    if "hedged" in {a.modality, b.modality}:
        certainty *= 0.8
    big, small = (a, b) if (k.to_float(a.value) or 0) >= (k.to_float(b.value) or 0) else (b, a)
    # The factor a reader sees compares the figures as written ("6 000 vs 500: 12×").
    vb, vs = abs(k.to_float(big.value) or 0.0), abs(k.to_float(small.value) or 0.0)
    shown = vb / vs if vs else ratio
    factor = f"{shown:.3g}× more" if math.isfinite(shown) and shown < 10 else f"{shown:.0f}× more"
    explanation = (
        f"{small.doc_id} says {w.say(small, keys=ctx.keys)}{w.flow_words(small)}; {big.doc_id} says"
        f" {w.say(big, short=True, keys=ctx.keys)} — {factor}" + (" (inside one article)" if a.doc_id == b.doc_id else "")
    )
    return Conflict("quantity", a, b, round(strength * certainty, 2), explanation, w.topic(a, b, ctx.keys), evidence)


def _attribution_conflict(a: Claim, b: Claim, ratio: float, ctx: Context) -> Conflict:
    explanation = (
        f"{a.doc_id} reports two counts: {w.say(a, keys=ctx.keys)} according to {a.source},"
        f" {w.say(b, short=True, keys=ctx.keys)} according to {b.source} — the sources disagree, the article does not"
    )
    return Conflict("attribution", a, b, 0.2, explanation, w.topic(a, b, ctx.keys))


def _twin_date_conflict(a: Claim, b: Claim, ctx: Context) -> Conflict | None:
    """The same distinctive figure, from compatible sources, dated differently: a date discrepancy."""
    if a.aspect != b.aspect or not (distinctive(a) and distinctive(b) and twins(a, b, ctx.keys)):
        return None
    if not k.units_compatible(ctx.keys.unit(a), ctx.keys.unit(b)):
        return None
    if not k.sources_compatible(a, b)[0] or not k.places_compatible(a, b)[0]:
        return None
    if dates_mod.dates_compatible(a.event_date, b.event_date):
        return None
    explanation = (
        f"{a.doc_id} dates the {w.say(a, short=True, keys=ctx.keys)} to {a.event_date}; {b.doc_id} dates the same"
        f" figure to {b.event_date}"
    )
    topic = f"{ctx.keys.unit(a)} · {w.say(a, short=True, keys=ctx.keys).strip()} · date"
    return Conflict("date", _as_date(a), _as_date(b), date_severity(a.event_date, b.event_date), explanation, topic)


def _as_date(claim: Claim) -> Claim:
    return replace(claim, value=claim.event_date)


def date_severity(a: str, b: str) -> float:
    ba, bb = dates_mod.date_bounds(a), dates_mod.date_bounds(b)
    if ba is None or bb is None:
        return 0.6
    gap = max((bb[0] - ba[1]).total_seconds(), (ba[0] - bb[1]).total_seconds(), 0) / 86400
    return round(min(0.9, 0.5 + gap / 120), 2)

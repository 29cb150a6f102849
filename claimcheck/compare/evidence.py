"""Do two claims state the same fact? A score built from named pieces of evidence.

Each feature is a small pure function of the two claims and the run's context, returning a
strength (usually 0 or 1, a similarity in [0, 1] for shared words); its weight is in `FEATURES`,
the one table of this module. The score of a pair is the sum of weight × strength; a pair is
linked when its score reaches the threshold fitted by `scripts/fit_evidence.py`
(`claimcheck.compare.settings`). Positive features say "same fact" (shared rare words, place,
date, holder, source, an agreeing figure), negative ones "another fact" (another place or holder
in the same role, a past value set against the current one, a part of a whole, another event).

Vetoes are kept for what the language makes categorical: different things counted, a peak vs
what remains, a part vs the whole, two moments that cannot overlap, figures of one enumeration.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

from claimcheck.compare import keys as k
from claimcheck.compare.context import Context, content_words, sentence_words
from claimcheck.compare.intervals import distinctive, twins, values_conflict
from claimcheck.normalize import dates as dates_mod
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim

FeatureFn = Callable[[Claim, Claim, Context], float]


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    weight: float
    fn: FeatureFn
    says: str  # what a reader is told when the feature fires


@dataclass(frozen=True, slots=True)
class Evidence:
    """The score of a pair, each feature's contribution, and the veto that stopped it (if any)."""

    score: float
    contributions: tuple[tuple[str, float], ...]
    veto: str = ""
    pruned: bool = False  # scoring stopped early: the score is an upper bound below the floor

    def words(self) -> str:
        """One readable line: what aligned the two claims, strongest first."""
        if self.veto:
            return f"not compared: {self.veto}"
        said = [f"{FEATURE_BY_NAME[n].says} ({c:+.1f})" for n, c in sorted(self.contributions, key=lambda x: -abs(x[1]))]
        return f"score {self.score:.2f}: " + ", ".join(said)

    def as_dict(self) -> dict[str, object]:
        return {"score": round(self.score, 3), "veto": self.veto, "features": {n: round(c, 3) for n, c in self.contributions}}


# ------------------------------------------------------------------------------ labelled clauses
@lru_cache(maxsize=1)
def _labels() -> dict[str, re.Pattern[str]]:
    text = resources.files("claimcheck.resources").joinpath("evidence_fr.tsv").read_text(encoding="utf-8")
    phrases: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, phrase = line.split("\t")[:2]
        phrases.setdefault(cls.strip(), []).append(re.escape(phrase.strip()).replace("'", "['’]").replace(r"\ ", r"\s+"))
    return {cls: re.compile(r"(?<!\w)(?:" + "|".join(sorted(p, key=len, reverse=True)) + r")(?!\w)", re.I) for cls, p in phrases.items()}


def labels(claim: Claim, ctx: Context) -> frozenset[str]:
    """Classes of label (earlier, target, part) written in the figure's clause or just before it."""
    def compute(c: Claim) -> frozenset[str]:
        at = max(0, c.start - c.sent_start)
        text = k.own_clause(c) + " " + c.sentence[max(0, at - 25):at]
        return frozenset(cls for cls, pattern in _labels().items() if pattern.search(text))

    return ctx.keys.text_key("labels", claim, compute)


def running(claim: Claim, ctx: Context) -> bool:
    """The sentence says its count is still moving ("selon le dernier bilan", "le bilan monte à",
    "bilan provisoire"): class `running` of resources/evidence_fr.tsv, read in the whole sentence
    (the label is often after the figure: "a fait 820 morts, selon un bilan provisoire")."""
    pattern = _labels().get("running")
    return bool(pattern and ctx.keys.text_key("running", claim, lambda c: bool(pattern.search(c.sentence))))


def _one_sided(cls: str) -> FeatureFn:
    def fn(a: Claim, b: Claim, ctx: Context) -> float:
        return float((cls in labels(a, ctx)) != (cls in labels(b, ctx)))
    fn.__name__ = f"one_sided_{cls}"
    fn.__doc__ = f"Only one of the two figures is labelled '{cls}' (resources/evidence_fr.tsv)."
    return fn


one_sided_earlier = _one_sided("earlier")
one_sided_target = _one_sided("target")
one_sided_part = _one_sided("part")


# ------------------------------------------------------------------------------------ features
def shared_words(a: Claim, b: Claim, ctx: Context) -> float:
    """Content words both sentences use, each weighted by its rarity inside the story
    (log(1 + sentences / sentences with it)), saturating: 1 - exp(-sum / SHARED_WORDS_SCALE).
    Two rare shared words ("Batz", "pointe") say more than ten common ones; the sentences' lengths
    do not matter (outlets write the same fact in ten words or forty)."""
    shared = sentence_words(a, ctx.keys) & sentence_words(b, ctx.keys)
    if not shared:
        return 0.0
    idf = ctx.idf.get(ctx.story.get(a.doc_id, 0), {})
    return 1.0 - math.exp(-sum(idf.get(w, 1.0) for w in shared) / SHARED_WORDS_SCALE)


# The summed rarity at which shared words count for 63 % of their weight (about two words each
# found in a tenth of a story's sentences).
SHARED_WORDS_SCALE = 5.0


def shared_place(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(k.split(a.place) & k.split(b.place)))


def other_place(a: Claim, b: Claim, ctx: Context) -> float:
    """Both figures have a place and they share none ("à Nantes" / "à Rennes")."""
    pa, pb = k.split(a.place), k.split(b.place)
    return float(bool(pa and pb and not pa & pb))


def one_place_not_national(a: Claim, b: Claim, ctx: Context) -> float:
    """One figure is placed somewhere smaller than a country, the other nowhere — and the other's
    article never names that place: maybe a national figure. (An article about the Corbières fire
    need not name the Corbières in every sentence.)"""
    pa, pb = k.split(a.place), k.split(b.place)
    if bool(pa) == bool(pb):
        return 0.0
    placed, unplaced = (pa, b) if pa else (pb, a)
    if placed & ctx.doc_places.get(unplaced.doc_id, frozenset()):
        return 0.0
    return float(not k.places_compatible(a, b)[0])


def local_against_total(a: Claim, b: Claim, ctx: Context) -> float:
    """One figure is placed somewhere smaller than a country, the other nowhere (or in a country),
    and the unplaced one is several times larger: a town's count against the whole ("400 000 à
    Paris" / "1,1 million de manifestants"), a part and not the same fact (1 at 3× and more)."""
    pa, pb = k.split(a.place), k.split(b.place)

    def local(places: frozenset[str]) -> bool:
        return bool(places) and not all(ent_mod.country_of(x) == ent_mod.canonical(x) for x in places)

    if local(pa) == local(pb):
        return 0.0
    small, whole = (a, b) if local(pa) else (b, a)
    vs, vw = k.to_float(small.value), k.to_float(whole.value)
    if not vs or not vw or vs <= 0:
        return 0.0
    return float(vw >= 3 * vs)


def both_headlines(a: Claim, b: Claim, ctx: Context) -> float:
    """Both figures are in the title or key points of their articles: the headline fact of the story."""
    return float(a.doc_id != b.doc_id and a.section in k.SUMMARY_SECTIONS and b.section in k.SUMMARY_SECTIONS)


def published_apart(a: Claim, b: Claim, ctx: Context) -> float:
    """Neither figure is dated and their articles came out days apart: a running total may have moved
    (1 per two days, at most 1)."""
    if a.doc_id == b.doc_id or a.event_date or b.event_date:
        return 0.0
    pa, pb = ctx.published.get(a.doc_id), ctx.published.get(b.doc_id)
    if not pa or not pb:
        return 0.0
    ba, bb = dates_mod.date_bounds(pa), dates_mod.date_bounds(pb)
    if ba is None or bb is None:
        return 0.0
    return min(1.0, abs((ba[0] - bb[0]).days) / 2)


def shared_date(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(a.event_date and b.event_date) and k.dates_compatible(a, b, ctx.published)[1])


def shared_source(a: Claim, b: Claim, ctx: Context) -> float:
    return float(k.sources_compatible(a, b)[1])


def shared_holder(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(a.subject and b.subject) and (ent_mod.fold(a.subject) == ent_mod.fold(b.subject) or (
        a.subject[:1].isupper() and b.subject[:1].isupper() and k.same_holder(a.subject, b.subject))))


def other_holder(a: Claim, b: Claim, ctx: Context) -> float:
    """Two named holders that differ: "le SPD obtient 120 sièges" / "les Verts en obtiennent 85"."""
    sa, sb = a.subject, b.subject
    return float(sa[:1].isupper() and sb[:1].isupper() and not k.same_holder(sa, sb))


def _events(c: Claim, ctx: Context) -> frozenset[str]:
    # Reporting verbs say who speaks, not what happened: they never tell two events apart.
    return ctx.keys.events(c) - {"announce"}


def shared_event(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(_events(a, ctx) & _events(b, ctx)))


def other_event(a: Claim, b: Claim, ctx: Context) -> float:
    ea, eb = _events(a, ctx), _events(b, ctx)
    return float(bool(ea and eb and not ea & eb))


def shared_counted(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(a.counted) and ent_mod.fold(a.counted) == ent_mod.fold(b.counted))


def other_counted(a: Claim, b: Claim, ctx: Context) -> float:
    """What the counted thing is of differs ("billets paralympiques" / "billets olympiques")."""
    return float(bool(a.counted and b.counted) and ent_mod.fold(a.counted) != ent_mod.fold(b.counted))


def shared_verb(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(a.predicate) and a.predicate == b.predicate and a.predicate not in k.LIGHT_VERBS)


def shared_endpoint(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(k.split(a.origin) & k.split(b.origin)) or bool(k.split(a.destination) & k.split(b.destination)))


def other_endpoints(a: Claim, b: Claim, ctx: Context) -> float:
    """Two flows with endpoints and none in common: two routes."""
    if not ((a.origin or a.destination) and (b.origin or b.destination)):
        return 0.0
    ends_a, ends_b = k.split(a.origin) | k.split(a.destination), k.split(b.origin) | k.split(b.destination)
    return float(not ends_a & ends_b)


def shared_other_figure(a: Claim, b: Claim, ctx: Context) -> float:
    """Both sentences give the same other figure of another kind ("vingt-trois minutes plus tard")."""
    fa = ctx.figures.get((a.doc_id, a.sent_start), frozenset())
    fb = ctx.figures.get((b.doc_id, b.sent_start), frozenset())
    return float(any(unit not in {a.unit, b.unit} for unit, _ in fa & fb))


def summary_restates_body(a: Claim, b: Claim, ctx: Context) -> float:
    """A title, heading or key point and the body of the same article."""
    return float(a.doc_id == b.doc_id and bool({a.section, b.section} & k.SUMMARY_SECTIONS) and "body" in {a.section, b.section})


def same_figure(a: Claim, b: Claim, ctx: Context) -> float:
    """The same figure: 1 when it is specific (615 000), ½ when round or small (3, 100)."""
    if not twins(a, b, ctx.keys):
        return 0.0
    return 1.0 if distinctive(a) and distinctive(b) else 0.5


@lru_cache(maxsize=65536)
def _digits(value: str) -> str:
    """A figure's value as its plain decimal digits ("4200", "42.6"), or "" (cached: asked per pair)."""
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return ""
    if not number.is_finite():
        return ""
    return format(number.normalize(), "f")


def one_digit_apart(a: Claim, b: Claim, ctx: Context) -> float:
    """The two figures are written with the same digits but one, or two neighbours swapped (312 /
    321, 54 175 / 54 715, 384,30 / 374,30): how a figure is misread or mistyped, rarely how two
    facts differ. Figures of three digits and more only: of two digits (16 / 26), as many pairs of
    different facts in the tuning stories are one digit apart as discrepancies are."""
    da, db = _digits(a.value), _digits(b.value)
    if not da or len(da) != len(db) or da == db:
        return 0.0
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    if any(not (da[i].isdigit() and db[i].isdigit()) for i in diff):
        return 0.0
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]
    if len(diff) != 1 and not swapped:
        return 0.0
    significant = sum(ch.isdigit() for ch in da.lstrip("0."))
    return float(significant >= 3)


def far_apart(a: Claim, b: Claim, ctx: Context) -> float:
    """How far apart the figures are, in orders of magnitude (0 when they overlap, 1 at ×10)."""
    ratio = values_conflict(a, b, ctx.keys)
    if ratio is None:
        return 0.0
    return 1.0 if not math.isfinite(ratio) else min(1.0, math.log10(ratio))


def same_paragraph(a: Claim, b: Claim, ctx: Context) -> float:
    return float(a.doc_id == b.doc_id and a.paragraph == b.paragraph)


def same_article(a: Claim, b: Claim, ctx: Context) -> float:
    """Two statements of one article: it gives many figures of one kind on purpose."""
    return float(a.doc_id == b.doc_id)


def undatable(a: Claim, b: Claim, ctx: Context) -> float:
    """An undated figure of an article that dates other figures of its kind differently ("Dès lundi
    soir, 300 hectares …", "Mardi soir, 900 hectares …", "À ce moment-là, 900"): its moment is unknown."""
    return float(a.claim_id in ctx.undatable or b.claim_id in ctx.undatable)


def shared_actors(a: Claim, b: Claim, ctx: Context) -> float:
    """Share of the named actors of the two sentences they have in common (a name ending with
    another counts as it: "la Commission de l'Union africaine" / "l'Union africaine")."""
    ea, eb = k.split(a.entities), k.split(b.entities)
    if not ea or not eb:
        return 0.0
    common = len(ea & eb)
    if common < min(len(ea), len(eb)):
        common = len(k.widen(ea, eb) & k.widen(eb, ea))
    return common / min(len(ea), len(eb))


def other_names(a: Claim, b: Claim, ctx: Context) -> float:
    """Both sentences name people, places or organisations, and none in common (two villages, two
    clubs, "en Ligue 1" / "toutes compétitions" aside)."""
    ea, eb = k.split(a.entities), k.split(b.entities)
    return float(bool(ea and eb) and shared_actors(a, b, ctx) == 0.0)


def other_verb(a: Claim, b: Claim, ctx: Context) -> float:
    """Two different verbs that say what happened ("maintenue" / "levée"), light verbs aside."""
    pa, pb = a.predicate, b.predicate
    return float(bool(pa and pb) and pa != pb and pa not in k.LIGHT_VERBS and pb not in k.LIGHT_VERBS)


def one_price(a: Claim, b: Claim, ctx: Context) -> float:
    """Of two sums, one is a price (paid for something sold, bought, moved) and the other is not said to be."""
    return float(k.is_price(a, ctx.keys.events(a)) != k.is_price(b, ctx.keys.events(b)))


def one_total(a: Claim, b: Claim, ctx: Context) -> float:
    """One figure is written as a total ("au total", "en tout"), the other as a plain count."""
    return float(a.aspect != b.aspect)


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Every word of the calendar vocabulary (months, weekdays, "veille", "matin" …): they say when, not what."""
    text = resources.files("claimcheck.resources").joinpath("dates_fr.tsv").read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            words |= {ent_mod.fold(w) for w in re.findall(r"[^\W\d_]{3,}", line.split("\t")[1])}
    return frozenset(words)


# Characters on each side of a date that tell what it dates ("les législatives du 16 novembre",
# "sa visite médicale, passée le mardi 12 août").
NEAR_CHARS = 25


def _stems(text: str) -> frozenset[str]:
    calendar = _calendar_words()
    return frozenset(w[:6] for w in content_words(text) if w not in calendar)


def near_words(a: Claim, b: Claim, ctx: Context) -> float:
    """The two dates are written next to the same word (its first six letters: "officialisé" /
    "officialisée"), the event they date. Unweighted by rarity: a story's central event ("le
    marathon", "le scrutin") is its commonest word, and the one most dates are about."""
    def near(c: Claim) -> frozenset[str]:
        at, end = max(0, c.start - c.sent_start), max(0, c.end - c.sent_start)
        return _stems(c.sentence[max(0, at - NEAR_CHARS):at] + " " + c.sentence[end:end + NEAR_CHARS])

    return float(bool(ctx.keys.text_key("near", a, near) & ctx.keys.text_key("near", b, near)))


def both_leads(a: Claim, b: Claim, ctx: Context) -> float:
    """Both in the lead of their article's body (its first paragraphs), in two articles: the news
    of the day, which every outlet tells first."""
    return float(a.doc_id != b.doc_id and a.section == b.section == "body"
                 and a.paragraph in ctx.lead.get(a.doc_id, ()) and b.paragraph in ctx.lead.get(b.doc_id, ()))


def both_first(a: Claim, b: Claim, ctx: Context) -> float:
    """Each is the first of its kind in its article's body (the first day dated, the first figure
    of the thing counted), in two articles: what each article is about."""
    return float(a.doc_id != b.doc_id and a.claim_id in ctx.firsts and b.claim_id in ctx.firsts)


def days_close(a: Claim, b: Claim, ctx: Context) -> float:
    """Two days a day apart at most ("samedi 6" / "dimanche 7"): a slip of one day, or of a
    relative date, is how one event is misdated."""
    ba, bb = dates_mod.date_bounds(a.value), dates_mod.date_bounds(b.value)
    if ba is None or bb is None or a.unit != "day" or b.unit != "day":
        return 0.0
    return float(abs((ba[0] - bb[0]).days) <= 1)


def _publication(c: Claim, ctx: Context):  # type: ignore[no-untyped-def]
    """The bounds of the day the claim's article came out, or None (date_bounds is cached)."""
    published = ctx.published.get(c.doc_id)
    return dates_mod.date_bounds(published) if published else None


def _after_publication(c: Claim, ctx: Context) -> bool:
    pb = _publication(c, ctx)
    cb = dates_mod.date_bounds(c.value)
    return bool(pb and cb and cb[0] > pb[1])


def one_ahead(a: Claim, b: Claim, ctx: Context) -> float:
    """One date is after its article came out (what is planned: "des cars dès lundi", "88,80 € au
    1er janvier"), the other is not (what happened): rarely one event."""
    return float(_after_publication(a, ctx) != _after_publication(b, ctx))


def each_its_own_day(a: Claim, b: Claim, ctx: Context) -> float:
    """Each date is its own article's day or the day before ("hier", "ce mercredi") and the two
    articles came out days apart: each tells the news of its own day (this week's bulletin and
    last week's, the vote and the resignation that followed), rarely one event dated twice."""
    if a.unit != "day" or b.unit != "day":
        return 0.0
    pa, pb = _publication(a, ctx), _publication(b, ctx)
    ca, cb = dates_mod.date_bounds(a.value), dates_mod.date_bounds(b.value)
    if pa is None or pb is None or ca is None or cb is None:
        return 0.0
    own = 0 <= (pa[0] - ca[0]).days <= 1 and 0 <= (pb[0] - cb[0]).days <= 1
    return float(own and abs((pa[0] - pb[0]).days) >= 2)


def same_object(a: Claim, b: Claim, ctx: Context) -> float:
    return float(bool(a.object) and ent_mod.fold(a.object) == ent_mod.fold(b.object))


FEATURES: tuple[Feature, ...] = (
    Feature("shared_words", 4.0, shared_words, "rare words of the story in both sentences"),
    Feature("shared_place", 1.5, shared_place, "same place"),
    Feature("other_place", -1.5, other_place, "another place"),
    Feature("one_place_not_national", -1.0, one_place_not_national, "a local figure against one whose article never names the place"),
    Feature("local_against_total", -2.5, local_against_total, "a town's figure against a total several times larger"),
    Feature("both_headlines", 1.0, both_headlines, "both in headlines or key points"),
    Feature("published_apart", -0.5, published_apart, "undated figures of articles published days apart"),
    Feature("shared_date", 1.0, shared_date, "same date"),
    Feature("shared_source", 1.0, shared_source, "same source"),
    Feature("shared_holder", 1.0, shared_holder, "same subject"),
    Feature("other_holder", -2.5, other_holder, "another named subject"),
    Feature("shared_event", 0.5, shared_event, "same kind of event"),
    Feature("other_event", -2.0, other_event, "another kind of event"),
    Feature("shared_counted", 1.0, shared_counted, "same thing counted"),
    Feature("other_counted", -1.5, other_counted, "another thing counted"),
    Feature("shared_verb", 1.0, shared_verb, "same verb"),
    Feature("shared_endpoint", 1.5, shared_endpoint, "same origin or destination"),
    Feature("other_endpoints", -2.5, other_endpoints, "another route"),
    Feature("shared_other_figure", 1.5, shared_other_figure, "another figure given alike"),
    Feature("summary_restates_body", 2.0, summary_restates_body, "headline or key point against its body"),
    Feature("same_figure", 1.5, same_figure, "the same figure"),
    Feature("one_digit_apart", 3.0, one_digit_apart, "figures one digit apart (a misprint?)"),
    Feature("far_apart", -1.0, far_apart, "figures an order of magnitude apart"),
    Feature("same_paragraph", -0.5, same_paragraph, "figures set side by side in one paragraph"),
    Feature("same_article", 0.0, same_article, "two statements of one article"),
    Feature("one_sided_earlier", -2.0, one_sided_earlier, "one figure labelled as a past value"),
    Feature("one_sided_target", -2.0, one_sided_target, "one figure labelled as a goal or forecast"),
    Feature("one_sided_part", -1.5, one_sided_part, "one figure labelled as a part"),
    Feature("shared_actors", 1.0, shared_actors, "same names in both sentences"),
    Feature("other_names", -0.5, other_names, "both sentences name others"),
    Feature("undatable", -2.0, undatable, "an undated figure among figures of several days"),
    Feature("one_price", -1.0, one_price, "one sum is a price, the other not"),
    Feature("one_total", -1.0, one_total, "one figure is a total, the other a plain count"),
)
# Dated events: the same pieces of evidence where they apply to a date, and the actors.
DATE_FEATURES: tuple[Feature, ...] = (
    Feature("shared_words", 4.0, shared_words, "rare words of the story in both sentences"),
    Feature("shared_actors", 2.0, shared_actors, "same actors named"),
    Feature("shared_event", 1.0, shared_event, "same kind of event"),
    Feature("other_event", -2.0, other_event, "another kind of event"),
    Feature("shared_holder", 1.0, shared_holder, "same subject"),
    Feature("other_holder", -2.5, other_holder, "another named subject"),
    Feature("shared_verb", 1.0, shared_verb, "same verb"),
    Feature("same_object", 1.0, same_object, "same object"),
    Feature("near_words", 2.0, near_words, "the same word next to both dates"),
    Feature("both_leads", 2.0, both_leads, "both in the lead of their articles"),
    Feature("both_first", 1.5, both_first, "the first day each article dates"),
    Feature("days_close", 1.5, days_close, "days a day apart"),
    Feature("one_ahead", -1.5, one_ahead, "one date ahead of its article, the other not"),
    Feature("each_its_own_day", -2.0, each_its_own_day, "each the day of its own article, the articles days apart"),
    Feature("other_verb", -1.0, other_verb, "another verb"),
    Feature("one_sided_earlier", -2.0, one_sided_earlier, "one date labelled as a past point of comparison"),
    Feature("shared_place", 1.0, shared_place, "same place"),
    Feature("other_place", -1.5, other_place, "another place"),
    Feature("summary_restates_body", 1.0, summary_restates_body, "headline or key point against its body"),
    Feature("same_paragraph", -1.0, same_paragraph, "dates set side by side in one paragraph"),
    Feature("same_article", 0.0, same_article, "two statements of one article"),
)
# A feature name means one function in every table (the weights may differ): for explanations.
FEATURE_BY_NAME = {f.name: f for f in DATE_FEATURES + FEATURES}


# --------------------------------------------------------------------------------------- vetoes
def quantity_veto(a: Claim, b: Claim, ctx: Context) -> str:
    """Why two quantity claims cannot be one fact, in words, or "" when nothing forbids it."""
    reason = categorical_veto(a, b, ctx)
    if reason:
        return reason
    if sources_differ(a, b):
        return f"different sources ({a.source} / {b.source}): a disagreement of sources, not of articles"
    return ""


def categorical_veto(a: Claim, b: Claim, ctx: Context) -> str:
    """The vetoes of `quantity_veto` apart from the sources."""
    if not k.units_compatible(ctx.keys.unit(a), ctx.keys.unit(b)):
        return "they count different things"
    if a.aspect != b.aspect and {a.aspect, b.aspect} != {"total", ""}:
        # A peak is not what remains, a change is not a level. "Au total, 224 candidats" is the
        # plain count written as a sum: evidence (`one_total`), not a veto.
        return f"one is a {a.aspect or 'plain count'}, the other a {b.aspect or 'plain count'}"
    if a.scope != b.scope or a.scope == "base":
        # Two ages "at" something ("À 44 ans, la cinéaste…" / "À 45 ans, Justine Triet…") may be one
        # fact: the evidence says whether the two sentences tell the same moment.
        return "a part is not the whole"
    if a.unit == "%" and a.counted and b.counted and a.counted != b.counted:
        return "percentages of different things"
    if a.unit in k.MONEY and a.counted and b.counted and ent_mod.fold(a.counted) != ent_mod.fold(b.counted):
        return f"sums of different things ({a.counted} / {b.counted})"
    if a.doc_id == b.doc_id and a.sent_start == b.sent_start and not sources_differ(a, b):
        return "figures of one sentence (an enumeration or a comparison)"
    if a.unit in {"km", "m"} and a.counted.startswith("de ") and b.counted.startswith("de "):
        fa, fb = ent_mod.fold(a.counted[3:]), ent_mod.fold(b.counted[3:])
        if fa != fb and not (fa.endswith(" " + fb) or fb.endswith(" " + fa)):
            return f"distances from two places ({a.counted} / {b.counted})"
    if _elapsed_alike(a, b, ctx):
        return "time elapsed as of each article's day (it grows by the day)"
    if not k.dates_compatible(a, b, ctx.published)[0]:
        return f"different moments ({a.event_date or 'undated'} / {b.event_date or 'undated'})"
    return ""


# Days in a unit of elapsed time ("depuis huit jours", "après dix jours de barrage").
_UNIT_DAYS = {"jour": 1.0, "nuit": 1.0, "journée": 1.0, "semaine": 7.0, "mois": 30.0}


def _elapsed_alike(a: Claim, b: Claim, ctx: Context) -> bool:
    """Two counts of days (weeks, months) elapsed whose difference is the gap between their
    articles' days: "le barrage tient depuis huit jours" on the 26th and "après dix jours de
    barrage" on the 28th tell one running count, as of each day (one unit of slack)."""
    per = _UNIT_DAYS.get(a.unit)
    if per is None or a.unit != b.unit or a.doc_id == b.doc_id:
        return False
    ba, bb = _publication(a, ctx), _publication(b, ctx)
    va, vb = k.to_float(a.value), k.to_float(b.value)
    if ba is None or bb is None or va is None or vb is None or ba[0] == bb[0]:
        return False
    gap = (bb[0] - ba[0]).days / per
    return abs((vb - va) - gap) <= 1.0


def sources_differ(a: Claim, b: Claim) -> bool:
    return bool(a.source and b.source) and not k.sources_compatible(a, b)[0]


def _period(value: str) -> bool | None:
    """True for a date spanning more than a month, False for one of a week at most, None between."""
    bounds = dates_mod.date_bounds(value)
    if bounds is None:
        return None
    days = (bounds[1] - bounds[0]).total_seconds() / 86400
    return True if days > 31.5 else (False if days <= 7.5 else None)


def date_veto(a: Claim, b: Claim, ctx: Context) -> str:
    """Why two dated claims cannot be one event dated twice, or ""."""
    from claimcheck import lexicon as lexicon_mod
    from claimcheck.compare.flows import reversed_flow

    if a.doc_id == b.doc_id and a.sent_start == b.sent_start:
        return "dates of one sentence"
    # "Depuis jeudi" dates the start of what goes on: that start is a moment like any other.
    va, vb = k.start_of_open(a.value), k.start_of_open(b.value)
    if (len(va) == 4) != (len(vb) == 4) or _period(va) != _period(vb):
        return "a period (a year, a quarter) and a moment (a day, a week): not one event dated twice"
    lex = lexicon_mod.load()
    moving = {"transfer", "receive"}
    if ctx.keys.events(a) & moving and ctx.keys.events(b) & moving and a.object and b.object:
        if lex.unit_group(a.object) != lex.unit_group(b.object):
            return "different things moved"
    if (a.origin or a.destination) and (b.origin or b.destination) and reversed_flow(a, b):
        return "opposite flows (reported as a direction, not a date)"
    sa, sb = a.subject, b.subject
    if sa and sb and sa != sb and lex.event_classes(sa) and lex.event_classes(sb):
        return "different event nouns"
    return ""


def strengths(a: Claim, b: Claim, ctx: Context, features: tuple[Feature, ...]) -> dict[str, float]:
    """Each feature's strength for a pair (what `scripts/fit_evidence.py` learns weights from)."""
    return {f.name: f.fn(a, b, ctx) for f in features}


def _weighted(features: tuple[Feature, ...], ctx: Context) -> tuple[float, tuple[tuple[Feature, float], ...], tuple[float, ...]]:
    """The bias, the features with their weights (fitted ones when resources/evidence.json has
    them), positive ones first, and after each feature the sum of the positive weights still to
    come (the most the rest of the score can add). Worked out once per table and run."""
    table = "date" if features is DATE_FEATURES else "quantity"
    cached = ctx.weighted.get(table)
    if cached is None:
        fitted = ctx.settings.weights.get(table, {})
        # Positive evidence first, largest first: once it is all in, a pair below the floor is
        # known to stay there and no negative feature need be computed.
        order = sorted(((f, fitted.get(f.name, f.weight)) for f in features), key=lambda fw: (fw[1] <= 0, -abs(fw[1])))
        rest = tuple(sum(max(0.0, w) for _, w in order[i + 1:]) for i in range(len(order)))
        cached = ctx.weighted[table] = (ctx.settings.bias.get(table, 0.0), tuple(order), rest)
    return cached


def score(a: Claim, b: Claim, ctx: Context, *, features: tuple[Feature, ...] = FEATURES,
          veto: Callable[[Claim, Claim, Context], str] = quantity_veto, floor: float | None = None) -> Evidence:
    """The evidence of a pair: vetoed (score -inf), or the bias plus each feature's weight × strength.
    Weights and bias are those fitted in resources/evidence.json when it has them for this table,
    else the table's own. With `floor`, scoring stops as soon as the score can no longer reach
    it (the pair is then returned with `pruned` set: below every threshold, whatever the rest)."""
    reason = veto(a, b, ctx)
    if reason:
        return Evidence(-math.inf, (), reason)
    total, order, rest = _weighted(features, ctx)
    contributions = []
    for i, (f, weight) in enumerate(order):
        if weight:
            strength = f.fn(a, b, ctx)
            if strength:
                c = weight * strength
                contributions.append((f.name, c))
                total += c
        if floor is not None and total + rest[i] < floor:
            return Evidence(total, tuple(contributions), pruned=True)
    return Evidence(total, tuple(contributions))

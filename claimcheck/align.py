"""Claims → candidate pairs that may state the same fact.

Alignment is the careful part of claimcheck: two claims are compared only when they count the same
thing, in the same place, at the same moment, according to compatible sources, and — across
articles — when at least one concrete anchor (a place, a date, a source, an endpoint, an actor)
ties them together. Everything is blocked by keys (story, unit group, event class, mover), so the
work grows with the size of the blocks, never with all pairs of a corpus.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources

from claimcheck import lexicon as lexicon_mod
from claimcheck.normalize import dates as dates_mod
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim
from claimcheck.sections import COMPARED_SECTIONS

# Unit groups that count people: a generic "personne" may stand for any of them.
_SUMMARY = frozenset({"title", "heading", "keypoints"})
# Events an article counts once (its toll): two such counts in one article are one fact.
_COUNT_EVENTS = frozenset({"death", "injury", "arrest", "cut"})
# Verbs too general to say that two figures belong to one event.
_LIGHT_VERBS = frozenset({"être", "avoir", "faire", "compter", "annoncer", "indiquer", "selon", "dire", "donner", "rester", "devenir", "aller"})
HUMAN_UNITS = frozenset({"personne", "manifestant"})
# Predicate classes that name what happened to the people counted.
_PERSON_EVENT_UNITS = {"death": "mort", "injury": "blessé", "arrest": "interpellation", "protest": "manifestant"}
# Event classes that make a date worth aligning (reporting verbs are not events).
_DATE_EVENT_CLASSES = frozenset(
    {"transfer", "receive", "move", "block", "adopt", "visit", "death", "injury", "arrest", "protest", "disaster",
     "meeting", "cut"}
)
# How badly the people counted were hurt: words of one degree state one count ("grièvement blessés",
# "blessés graves", "en urgence absolue"), apart from the count of all injured.
_DEGREES = (
    ("grave", re.compile(r"\b(?:grièvement|gravement|sérieusement|graves?|en\s+urgence\s+absolue)\b", re.I)),
    ("léger", re.compile(r"\b(?:légèrement|légers?|légères?|en\s+urgence\s+relative)\b", re.I)),
    ("mortel", re.compile(r"\bmortellement\b", re.I)),
)
# Where a figure's own clause ends: "14 blessés, dont trois grièvement" gives "grièvement" to the three.
_CLAUSE_BOUNDARY = re.compile(r"[,;:()]|\s(?:dont|et|mais|tandis\s+que|contre)\s", re.I)


@dataclass(frozen=True, slots=True)
class Context:
    """What alignment needs beyond the claims: publication dates and which story each doc is in."""

    published: dict[str, str | None]
    story: dict[str, int]
    # The figures of each sentence, (unit, value) by (doc_id, sent_start): two sentences that give
    # the same other figure ("vingt-trois minutes plus tard") tell of the same event.
    figures: dict[tuple[str, int], frozenset[tuple[str, str]]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------- stories
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    text = resources.files("claimcheck.resources").joinpath("stop_words_fr.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _news_furniture() -> frozenset[str]:
    """Folded words every kind of story uses, so that they tie no two stories together: calendar
    words ("dimanche", "mars"), generic people ("personnes") and the authorities that give the figures
    of any story ("préfecture", "pompiers", "ministère"). Short articles share little else across stories."""
    vocab = dates_mod.load_vocabulary()
    lex = lexicon_mod.load()
    words = set(vocab.months) | set(vocab.weekdays) | set(vocab.day_words) | set(vocab.parts_of_day)
    words |= lex.generic | lex.units.get("personne", frozenset())
    words |= {a for a, cls in ent_mod.source_classes().items() if " " not in a and cls == "authorities"}
    return frozenset(ent_mod.fold(w) for w in words)


def _furniture(word: str) -> bool:
    key = ent_mod.fold(word)
    furniture = _news_furniture()
    return key in furniture or (key[-1:] in {"s", "x"} and key[:-1] in furniture)


# A word in more documents than this ties no two of them into a story: it names a kind of event
# ("tempête", "grève"), not one event. Pairs of documents are only compared through rarer words.
STORY_WORD_CAP = 50


def stories(claims: Sequence[Claim], *, threshold: float = 0.09) -> dict[str, int]:
    """Cluster documents into stories by the words of their compared sentences, so that two articles
    about different events never produce alarms against each other, whatever figures they share.

    Similarity is the tf-idf cosine (news furniture and stop words left out, see `_news_furniture`);
    clusters grow by average link: two groups join when the mean similarity of all their pairs
    reaches the threshold (0.09, calibrated on the seed and dev stories put in one folder: articles of
    one story measured 0.12 and more, of different stories 0.05 at most). Single link — joining on
    one close pair — chains stories told in the same words into one in a large archive (a thousand
    articles about a hundred storms became one story); the mean keeps them apart.
    """
    stop = _stop_words()
    seen: set[tuple[str, int]] = set()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    docs: list[str] = []
    for c in claims:
        if c.doc_id not in counts:
            docs.append(c.doc_id)
            counts[c.doc_id]
        if c.section not in COMPARED_SECTIONS or (c.doc_id, c.sent_start) in seen:
            continue
        seen.add((c.doc_id, c.sent_start))
        for word in _WORD.findall(c.sentence.lower()):
            if word not in stop and not _furniture(word):
                counts[c.doc_id][word] += 1
    n = len(docs)
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for w in counts[d]:
            df[w] += 1
    vectors = {}
    postings: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        vec = {w: (1 + math.log(k)) * math.log(1 + n / df[w]) for w, k in counts[d].items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vectors[d] = {w: x / norm for w, x in vec.items()}
        for w in vec:
            postings[w].append(d)
    groups = average_link(docs, similarities(docs, vectors, postings), threshold)
    roots: dict[str, int] = {}
    return {d: roots.setdefault(groups[d], len(roots)) for d in docs}


def similarities(
    docs: Sequence[str], vectors: dict[str, dict[str, float]], postings: dict[str, list[str]]
) -> dict[tuple[str, str], float]:
    """Cosine similarity of every pair of documents that share a distinctive word, through the
    postings of those words only: a word in more than `STORY_WORD_CAP` documents names a kind of
    event and ties nothing (it counts in the norms, not in the products), and the work grows
    with the documents, not with their square."""
    dots: dict[tuple[str, str], float] = defaultdict(float)
    for w, ds in postings.items():
        if len(ds) < 2 or len(ds) > STORY_WORD_CAP:
            continue
        for i in range(len(ds)):
            vi = vectors[ds[i]][w]
            for j in range(i + 1, len(ds)):
                dots[(ds[i], ds[j])] += vi * vectors[ds[j]][w]
    return dots


def average_link(docs: Sequence[str], sims: dict[tuple[str, str], float], threshold: float) -> dict[str, str]:
    """Agglomerative clustering, closest groups first, joining two groups while the mean
    similarity over all their pairs (pairs not in `sims` count as 0) reaches `threshold`.
    Returns each document's group, named by one of its documents."""
    size = {d: 1 for d in docs}
    links: dict[str, dict[str, float]] = {d: {} for d in docs}  # group → group → sum of pair similarities
    for (a, b), sim in sims.items():
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + sim
            links[b][a] = links[a][b]
    heap = [(-sim, a, b) for (a, b), sim in sims.items() if sim >= threshold and a != b]
    heapq.heapify(heap)
    member: dict[str, str] = {d: d for d in docs}  # document → the group it was merged into last
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in links or b not in links or b not in links[a]:
            continue  # one of them was merged away since
        mean = links[a][b] / (size[a] * size[b])
        if mean < threshold:
            continue
        if mean < -neg - 1e-12:
            heapq.heappush(heap, (-mean, a, b))  # stale: try again at its current mean
            continue
        keep, gone = (a, b) if size[a] >= size[b] else (b, a)
        member[gone] = keep
        size[keep] += size.pop(gone)
        gone_links = links.pop(gone)
        del links[keep][gone]
        for other, total in gone_links.items():
            if other == keep:
                continue
            del links[other][gone]
            links[keep][other] = links[other][keep] = links[keep].get(other, 0.0) + total
        for other, total in links[keep].items():
            mean = total / (size[keep] * size[other])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, keep, other))

    def group(d: str) -> str:
        while member[d] != d:
            d = member[d]
        return d

    return {d: group(d) for d in docs}


# ------------------------------------------------------------------------------------------ keys
def event_classes(claim: Claim) -> frozenset[str]:
    """Event classes recorded at extraction; recomputed from the predicate for older tables."""
    return _memo("event", claim, _event_classes)


def _event_classes(claim: Claim) -> frozenset[str]:
    if claim.event:
        return frozenset(x for x in claim.event.split(";") if x)
    lex = lexicon_mod.load()
    classes = set(lex.event_classes(claim.predicate)) if claim.predicate else set()
    if claim.kind == "quantity" and claim.unit:
        classes |= lex.event_classes(claim.unit)
    return frozenset(classes)


def unit_key(claim: Claim) -> str:
    """The group of what a quantity counts, refined by what happened to the people counted."""
    return _memo("unit", claim, _unit_key)


def _unit_key(claim: Claim) -> str:
    lex = lexicon_mod.load()
    group = lex.unit_group(claim.unit) if claim.unit else ""
    if group in lex.generic or group == "personne":
        for cls, unit in _PERSON_EVENT_UNITS.items():
            if cls in event_classes(claim):
                group = unit
                break
        else:
            group = "personne"
    if group == "blessé":
        degree = _degree(claim)
        group = f"blessé {degree}" if degree else group
    if claim.unit in MONEY:
        # A sum is compared only with a sum of the same thing (a turnover, a loss, an investment);
        # the sum paid for something sold, bought or moved is its price.
        concept = claim.counted
        if not concept and (event_classes(claim) & {"transfer", "receive", "move"} or _PRICE.search(claim.sentence[max(0, claim.start - claim.sent_start - 12):max(0, claim.start - claim.sent_start)])):
            concept = "prix"
        group = f"{claim.unit} · {concept or claim.predicate}"
    return group


_PRICE = re.compile(r"\b(?:pour|contre|moyennant)\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+)?$", re.I)
MONEY = frozenset({"EUR", "USD", "GBP", "CHF", "JPY", "CNY"})
# Determiners that give no figure at all ("plusieurs pays", "de nombreux blessés").
_NO_FIGURE = re.compile(r"^(?:plusieurs|quelques|nombreux|nombreuses|de\s+nombreu(?:x|ses)|certain(?:e|s|es)?|divers(?:es)?|maint(?:e|s|es)?)\b", re.I)


@lru_cache(maxsize=1)
def measure_units() -> frozenset[str]:
    """Canonical measure units (resources/units.tsv): "jour", "km", "%" — what a measure is of is
    said by its complement ("deux jours de fermeture"), unlike a counted noun."""
    from importlib import resources

    text = resources.files("claimcheck.resources").joinpath("units.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(row[1].strip() for row in rows if len(row) > 1)


def figures_by_sentence(claims: Iterable[Claim]) -> dict[tuple[str, int], frozenset[tuple[str, str]]]:
    out: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        if c.kind == "quantity" and c.unit and c.value:
            out[(c.doc_id, c.sent_start)].add((c.unit, c.value))
    return {k: frozenset(v) for k, v in out.items()}


def _degree(claim: Claim) -> str:
    """The degree of injury written in the figure's own clause, if any."""
    at = max(0, claim.start - claim.sent_start)
    before, after = claim.sentence[:at], claim.sentence[at:]
    starts = [m.end() for m in _CLAUSE_BOUNDARY.finditer(before)]
    end = _CLAUSE_BOUNDARY.search(after, len(claim.text))
    clause = before[starts[-1] if starts else 0:] + after[: end.start() if end else len(after)]
    for name, pattern in _DEGREES:
        if pattern.search(clause):
            return name
    return ""


def units_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return (a == "personne" and b in HUMAN_UNITS) or (b == "personne" and a in HUMAN_UNITS)


@lru_cache(maxsize=262144)
def _split(field: str) -> frozenset[str]:
    return frozenset(ent_mod.fold(x) for x in field.split(";") if x.strip())


# Per-claim keys computed once per comparison run (claims are compared with many others).
_MEMO: dict[tuple[str, int], tuple[Claim, object]] = {}


def reset_memo() -> None:
    _MEMO.clear()


def _memo(name: str, claim: Claim, compute):  # type: ignore[no-untyped-def]
    key = (name, id(claim))
    entry = _MEMO.get(key)
    if entry is None or entry[0] is not claim:  # the claim is kept in the entry: its id stays its own
        entry = (claim, compute(claim))
        _MEMO[key] = entry
    return entry[1]


def places_compatible(a: Claim, b: Claim) -> tuple[bool, bool]:
    """(compatible, shared): places agree when both are unknown, when they share a name, or when
    one is unknown and the other is a whole country (national figures are the default scope)."""
    pa, pb = _split(a.place), _split(b.place)
    if not pa and not pb:
        return True, False
    if pa & pb:
        return True, True
    if not pa or not pb:
        known = pa or pb
        return all(ent_mod.country_of(x) == ent_mod.canonical(x) for x in known if ent_mod.country_of(x)) and all(
            ent_mod.country_of(x) for x in known
        ), False
    return False, False


def _window(published: str | None) -> tuple[datetime, datetime] | None:
    if not published:
        return None
    bounds = dates_mod.date_bounds(published)
    if bounds is None:
        return None
    start, end = bounds
    # The days before publication, up to the end of its day: an undated figure cannot be about a
    # day after its article came out.
    return start - timedelta(days=10), end


def dates_compatible(a: Claim, b: Claim, ctx: Context) -> tuple[bool, bool]:
    """(compatible, shared). An undated claim is about the days before its publication."""
    da, db = _start_of_open(a.event_date), _start_of_open(b.event_date)
    if "?" in (da, db):
        return False, False  # dated by another sentence: no way to tell which moment it is
    if da and db:
        ok = dates_mod.dates_compatible(da, db)
        return ok, ok
    if not da and not db:
        return True, False
    dated, undated = (a, b) if da else (b, a)
    window = _window(ctx.published.get(undated.doc_id))
    bounds = dates_mod.date_bounds(da or db)
    if window is None or bounds is None:
        return True, False
    return bounds[0] < window[1] and window[0] < bounds[1], False


_MINOR_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "à", "au", "aux"})


def same_holder(a: str, b: str) -> bool:
    """The same named holder, also as an acronym and its expansion ("PCF" / "Parti communiste français")."""
    fa, fb = ent_mod.fold(a), ent_mod.fold(b)
    if ent_mod.same_entity(a, b) or fa == fb:
        return True
    if fa and fb and (fa.startswith(fb + " ") or fb.startswith(fa + " ")):
        return True  # "le Conseil" after "le Conseil constitutionnel"
    for short, long in ((a, b), (b, a)):
        if short.isupper() and 1 < len(short) <= 6:
            initials = "".join(w[0] for w in ent_mod.fold(long).split() if w not in _MINOR_WORDS)
            if initials == short.lower():
                return True
    return False


def _start_of_open(value: str) -> str:
    """A figure dated "dès lundi soir" / "depuis lundi" held at that date (its start)."""
    return value[:-3] if value.endswith("/..") else value


def sources_compatible(a: Claim, b: Claim) -> tuple[bool, bool]:
    """(compatible, shared): the same source, or sources of the same class (authorities, unions…)."""
    if not a.source or not b.source:
        return True, False
    if ent_mod.fold(a.source) == ent_mod.fold(b.source) or ent_mod.same_entity(a.source, b.source):
        return True, True
    ca, cb = ent_mod.source_class(a.source), ent_mod.source_class(b.source)
    if ca and cb:
        return ca == cb, ca == cb
    return False, False


def source_key(claim: Claim) -> str:
    """A source's class (authorities, unions …) or, when unknown, its folded name."""
    return ent_mod.source_class(claim.source) or ent_mod.fold(claim.source)


def comparable(claim: Claim, *, include_all: bool = False) -> bool:
    if claim.kind != "entity" and claim.modality == "negated":
        return False
    if claim.kind == "quantity" and _NO_FIGURE.match(claim.text):
        return False
    return include_all or claim.section in COMPARED_SECTIONS


# ------------------------------------------------------------------------------------ quantities
def quantity_blocks(claims: Iterable[Claim], ctx: Context) -> dict[tuple[int, str], list[Claim]]:
    blocks: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "quantity" or c.aspect == "forecast":
            continue
        key = unit_key(c)
        if not key:
            continue
        group = "personne" if key in HUMAN_UNITS else key
        blocks[(ctx.story.get(c.doc_id, 0), group)].append(c)
    return blocks


@dataclass(frozen=True, slots=True)
class Alignment:
    """Why two claims were judged to state the same fact."""

    same: bool
    anchored: bool
    sources_differ: bool = False


def align_quantities(a: Claim, b: Claim, ctx: Context) -> Alignment:
    """Do two quantity claims state the same fact (ignoring their values)?"""
    no = Alignment(False, False)
    if not units_compatible(unit_key(a), unit_key(b)):
        return no
    if a.aspect != b.aspect:
        return no
    if a.doc_id == b.doc_id and a.sent_start == b.sent_start:
        # Figures of one sentence are an enumeration or a comparison, unless sources differ.
        if not (a.source and b.source and not sources_compatible(a, b)[0]):
            return no
    # Reporting verbs say who speaks, not what happened: they never tell two events apart.
    ca, cb = event_classes(a) - {"announce"}, event_classes(b) - {"announce"}
    if ca and cb and not (ca & cb):
        return no
    if a.scope != b.scope or a.scope in {"base", "age-at"}:
        return no  # a part ("dont 40 % dans les hôpitaux") is not the whole; a base is no claim
    if a.unit == "%" and a.counted and b.counted and a.counted != b.counted:
        return no  # a turnout is not an abstention rate
    sa, sb = a.subject, b.subject
    if sa[:1].isupper() and sb[:1].isupper() and not same_holder(sa, sb):
        return no  # "le SPD obtient 120 sièges" / "les Verts en obtiennent 85": two holders, two facts
    place_ok, place_shared = places_compatible(a, b)
    if not place_ok and not (_set_side_by_side(a, b) and not (a.place and b.place)):
        return no
    date_ok, date_shared = dates_compatible(a, b, ctx)
    if not date_ok:
        return no
    flow_shared = bool(_split(a.origin) & _split(b.origin)) or bool(_split(a.destination) & _split(b.destination))
    if (a.origin or a.destination) and (b.origin or b.destination) and not flow_shared:
        return no
    src_ok, src_shared = sources_compatible(a, b)
    subject_shared = bool(a.subject) and ent_mod.fold(a.subject) == ent_mod.fold(b.subject)
    # Another figure of another kind given alike by both sentences ("vingt-trois minutes plus tard") ties
    # them; one of the same kind may just belong to another holder of an enumeration.
    shared_figures = ctx.figures.get((a.doc_id, a.sent_start), frozenset()) & ctx.figures.get((b.doc_id, b.sent_start), frozenset())
    figure_shared = any(unit not in {a.unit, b.unit} for unit, _ in shared_figures)
    concept_shared = bool(a.counted) and a.counted == b.counted
    anchored = place_shared or date_shared or src_shared or flow_shared or subject_shared or figure_shared
    if a.doc_id == b.doc_id and ({a.section, b.section} & _SUMMARY) and "body" in {a.section, b.section}:
        # A headline or a key point restates a figure of its own body — about the same holder.
        if not (a.subject and b.subject and not same_holder(a.subject, b.subject)):
            anchored = True
    if a.doc_id == b.doc_id:
        # Inside one article, the same verb or the same thing counted ties two figures too
        # ("deux jours de fermeture décidés" / "a décidé une fermeture de quatre jours").
        same_verb = bool(a.predicate) and a.predicate == b.predicate and a.predicate not in _LIGHT_VERBS
        anchored = anchored or concept_shared or same_verb
    if not src_ok:
        # Different sources: the same fact, but a disagreement of sources, not of articles.
        return Alignment(a.doc_id == b.doc_id, True, sources_differ=True)
    if not anchored:
        # Across articles a concrete anchor is required; inside one article, at least the same kind
        # of event ("3 morts" in the key points, "a coûté la vie à un cycliste" in the body).
        if a.doc_id != b.doc_id or not (ca & cb & _COUNT_EVENTS):
            return no
    return Alignment(True, anchored)


def _set_side_by_side(a: Claim, b: Claim) -> bool:
    """Two sources' counts set side by side in one paragraph ("6 300 manifestants à Nantes selon la
    préfecture. Les syndicats en revendiquent 22 000."): they share the paragraph's frame, so a place
    written with one figure only is the place of both."""
    return (
        a.doc_id == b.doc_id and a.paragraph == b.paragraph and bool(a.source and b.source)
        and not sources_compatible(a, b)[0]
    )


# An anchor value shared by more claims than this ties nothing down (a country named in every
# article of a large story): pairs are not drawn from it.
MAX_BUCKET = 300


def candidate_pairs(block: Sequence[Claim], ctx: Context | None = None) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of a block that can align: two claims of one article, or two claims that share an
    anchor value (a place, a date, a source, an endpoint, a holder, another figure, the figure
    itself). Claims with no anchor in common are never the same fact across articles, so this is
    exact — and keeps the work near-linear on large corpora instead of all pairs of a block."""
    if len(block) <= 40:
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                yield block[i], block[j]
        return
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, c in enumerate(block):
        for key in _anchor_keys(c, ctx):
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


def _anchor_keys(c: Claim, ctx: Context | None) -> Iterator[tuple[str, ...]]:
    yield ("doc", c.doc_id)
    for p in _split(c.place):
        yield ("place", p)
    if c.event_date:
        start = _start_of_open(c.event_date)
        yield ("date", start[:7])  # the month, and the year: overlapping dates share one of them
        yield ("date", start[:4])
    if c.source:
        yield ("source", source_key(c))
    for x in _split(c.origin) | _split(c.destination):
        yield ("flow", x)
    if c.subject:
        yield ("subject", ent_mod.fold(c.subject))
    for e in _split(c.entities) if c.kind == "date" else ():
        yield ("entity", e)
    if c.value:
        yield ("value", c.value)
    if ctx is not None:
        for unit, value in ctx.figures.get((c.doc_id, c.sent_start), ()):
            yield ("figure", unit, value)


# -------------------------------------------------------------------------------------- flows
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


def reversed_flow(a: Claim, b: Claim) -> bool:
    """The same flow with origin and destination swapped (one side may leave its origin unsaid)."""
    ao, ad, bo, bd = _split(a.origin), _split(a.destination), _split(b.origin), _split(b.destination)

    def one_way(xo: set[str], xd: set[str], yo: set[str], yd: set[str]) -> bool:
        return bool(xo & yd) and (bool(yo & xd) or not yo) and not (xd & yd) and not (xo & yo) and bool(xd or yo)

    return one_way(ao, ad, bo, bd) or one_way(bo, bd, ao, ad)


# -------------------------------------------------------------------------------------- dates
def date_blocks(claims: Iterable[Claim], ctx: Context) -> dict[tuple[int, str], list[Claim]]:
    blocks: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "date":
            continue
        for cls in sorted(event_classes(c) & _DATE_EVENT_CLASSES):  # sorted: the same report on every run
            blocks[(ctx.story.get(c.doc_id, 0), cls)].append(c)
    return blocks


def align_dates(a: Claim, b: Claim) -> bool:
    """Two dated claims about the same event: same event class (the block), a shared actor, no
    conflicting subject, different sentences."""
    if a.doc_id == b.doc_id and a.sent_start == b.sent_start:
        return False
    ea, eb = _split(a.entities), _split(b.entities)
    # "la Commission de l'Union africaine" belongs to "l'Union africaine": a name ending with another counts as it
    ea |= {y for x in ea for y in eb if x.endswith(" " + y)}
    eb |= {x for y in eb for x in ea if y.endswith(" " + x)}
    # The actor is a shared name, or — when the model found no name — the same subject doing the
    # same thing to the same object ("le Conseil constitutionnel a validé la loi").
    same_clause = (
        bool(a.subject and a.object and b.subject)
        and a.subject != a.object
        and same_holder(a.subject, b.subject)
        and ent_mod.fold(a.object) == ent_mod.fold(b.object)
    )
    if not (ea & eb) and not same_clause:
        return False
    # What was sent, given or hit must be the same thing ("camions" vs "médicaments" of another convoy).
    lex = lexicon_mod.load()
    moving = {"transfer", "receive"}
    if event_classes(a) & moving and event_classes(b) & moving and a.object and b.object:
        if lex.unit_group(a.object) != lex.unit_group(b.object):
            return False
    if (a.origin or a.destination) and (b.origin or b.destination) and reversed_flow(a, b):
        return False
    # Only two named subjects that differ tell of different events ("Scholz" visits, "Macron" visits),
    # or two different event nouns ("une inondation" vs "l'orage").
    sa, sb = a.subject, b.subject
    if sa and sb and sa[:1].isupper() and sb[:1].isupper() and not same_holder(sa, sb):
        return False
    if sa and sb and sa != sb and lex.event_classes(sa) and lex.event_classes(sb):
        return False
    return True
